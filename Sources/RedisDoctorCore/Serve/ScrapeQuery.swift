/// `/scrape?target=HOST:PORT&module=NAME&mode=cluster|sentinel&master=NAME&debug=1`, read
/// and checked before anything connects. A target is an address, never a credential.
public struct ScrapeQuery: Sendable, Equatable {
    public enum Mode: String, Sendable {
        case node, cluster, sentinel
    }

    public var host: String
    public var port: Int
    /// `rediss://`: TLS whatever the module says.
    public var tls: Bool
    public var module: String
    public var mode: Mode
    public var master: String?
    public var debug: Bool

    /// Why a request is refused: the HTTP status and a message that never repeats a secret.
    public struct Refusal: Error, Sendable, Equatable {
        public var status: Int
        public var message: String
    }

    /// `target` may be `host:port`, `[v6]:port`, `host` (port 6379), `redis://host:port` or
    /// `rediss://host:port`. `query` is the raw text after `?`.
    public init(query: Substring) throws(Refusal) {
        var fields: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { throw Refusal(status: 400, message: "a query parameter is not valid percent-encoding") }
            guard fields[name] == nil else { throw Refusal(status: 400, message: "\(OutputText.oneLine(name)) is given twice") }
            guard let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                // Never echoed: it may be a target with a password.
                throw Refusal(status: 400, message: "\(OutputText.oneLine(name)): not valid percent-encoding")
            }
            fields[name] = value
        }
        guard let target = fields["target"], !target.isEmpty else {
            throw Refusal(status: 400, message: "missing target (/scrape?target=HOST:PORT)")
        }
        var rest = Substring(target)
        tls = false
        if rest.hasPrefix("rediss://") {
            tls = true
            rest = rest.dropFirst("rediss://".count)
        } else if rest.hasPrefix("redis://") {
            rest = rest.dropFirst("redis://".count)
        } else if rest.contains("://") {
            throw Refusal(status: 400, message: "target: only host:port, redis:// and rediss:// are scraped")
        }
        // A credential in the target would land in Prometheus's config, its UI and logs.
        if rest.contains("@") {
            throw Refusal(status: 400, message: "target carries credentials: put them in a [module] (password_env or password_file), never in the target")
        }
        if let slash = rest.firstIndex(of: "/") {
            let db = rest[rest.index(after: slash)...]
            guard db.isEmpty || db == "0" else { throw Refusal(status: 400, message: "target: a database number is not scraped (INFO covers every db)") }
            rest = rest[..<slash]
        }
        var portText: Substring = "6379"
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw Refusal(status: 400, message: "target: expected [v6]:port") }
            rest = rest[rest.index(after: rest.startIndex)..<close]
        } else if let colon = rest.lastIndex(of: ":"), !rest[..<colon].contains(":") {
            portText = rest[rest.index(after: colon)...]
            rest = rest[..<colon]
        }
        // A DNS name or an address, ASCII only (a Unicode letter may fold into another).
        guard !rest.isEmpty, rest.utf8.count <= 253,
              rest.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._:".unicodeScalars.contains($0)) }) else {
            throw Refusal(status: 400, message: "target: expected HOST:PORT (a DNS name or an address)")
        }
        if rest.contains(":") {
            guard TargetAllowList.address(String(rest)) != nil else { throw Refusal(status: 400, message: "target: expected HOST:PORT or [IPv6]:PORT") }
        } else if let last = rest.split(separator: ".").last, last.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "x" || $0 == "X") }) {
            // All-numeric: only a plain dotted quad. The resolver would read 010.1.2.3 as octal,
            // 2130706433 or 127.1 as 127.0.0.1: forms the allow list cannot judge.
            guard TargetAllowList.address(String(rest)) != nil else {
                throw Refusal(status: 400, message: "target: write an IPv4 address as four decimal numbers (no leading zeros)")
            }
        }
        guard let port = Int(portText), (1...65535).contains(port) else { throw Refusal(status: 400, message: "target: the port must be 1 to 65535") }
        host = String(rest)
        self.port = port
        module = fields["module"] ?? "default"
        guard let mode = Mode(rawValue: fields["mode"] ?? "node") else {
            throw Refusal(status: 400, message: "mode: node, cluster or sentinel")
        }
        self.mode = mode
        master = fields["master"]
        if mode == .sentinel, master?.isEmpty ?? true { throw Refusal(status: 400, message: "mode=sentinel needs master=NAME") }
        if mode != .sentinel, master != nil { throw Refusal(status: 400, message: "master applies to mode=sentinel only") }
        debug = ["1", "true"].contains(fields["debug"] ?? "0")
        let known: Set<String> = ["target", "module", "mode", "master", "debug"]
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw Refusal(status: 400, message: "unknown parameter \(OutputText.oneLine(unknown)) (target, module, mode, master, debug)")
        }
    }

    /// `host:port`, `[v6]:port`: the key scrapes of one target share.
    public var address: String { HostPort.format(host: host, port: port) }

    /// What concurrent scrapes coalesce on, and the previous sample is kept under.
    public var key: String { sampleKey + (debug ? "\u{1}debug" : "") }

    /// The key a previous sample is kept under: a debug scrape judges against the same one.
    public var sampleKey: String { [module, mode.rawValue, master ?? "", tls ? "tls" : "", address].joined(separator: "\u{1}") }

    /// Percent-decoding with `+` as a space; nil for a broken escape or bytes that are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

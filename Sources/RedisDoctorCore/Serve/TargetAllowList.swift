/// Which targets the exporter may connect to: CIDRs for addresses, patterns for names
/// (`*.cache.internal`). Whoever can reach the endpoint must not be able to make it connect
/// anywhere else; loopback only unless the config says more.
public struct TargetAllowList: Sendable, Equatable {
    public enum Entry: Sendable, Equatable {
        /// An address and its prefix length: 4 bytes for IPv4, 16 for IPv6.
        case network(bytes: [UInt8], prefix: Int)
        /// A host name, `*` matching any run of characters; compared without case.
        case pattern(String)
    }

    public var entries: [Entry]

    public static let loopback = TargetAllowList(entries: [
        .network(bytes: [127, 0, 0, 0], prefix: 8), .network(bytes: Array(repeating: 0, count: 15) + [1], prefix: 128), .pattern("localhost"),
    ])

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// `127.0.0.0/8, 10.1.0.0/16, ::1/128, *.cache.internal, localhost`.
    public init(parsing text: String, source: String) throws(RuleSettingsError) {
        entries = []
        for item in text.split(separator: ",").map({ RuleSettings.trimmed($0) }) where !item.isEmpty {
            if let slash = item.firstIndex(of: "/") {
                let address = String(item[..<slash])
                guard let bytes = Self.address(address), let prefix = Int(item[item.index(after: slash)...]),
                      (0...(bytes.count * 8)).contains(prefix) else {
                    throw RuleSettingsError(source: source, message: "allow_targets: \"\(item)\" is not a CIDR (10.0.0.0/8, fd00::/8)")
                }
                entries.append(.network(bytes: bytes, prefix: prefix))
            } else if let bytes = Self.address(item) {
                entries.append(.network(bytes: bytes, prefix: bytes.count * 8))
            } else {
                guard item.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "*" || $0 == "_" }) else {
                    throw RuleSettingsError(source: source, message: "allow_targets: \"\(item)\" is neither a CIDR nor a host pattern")
                }
                entries.append(.pattern(item.lowercased()))
            }
        }
        guard !entries.isEmpty else { throw RuleSettingsError(source: source, message: "allow_targets: empty (leave it out for loopback only)") }
    }

    /// Whether `host` (a name, an IPv4 address, an IPv6 address with or without brackets) may be scraped.
    public func allows(_ host: String) -> Bool {
        var bare = Substring(host)
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = bare.dropFirst().dropLast() }
        if let bytes = Self.address(String(bare)) {
            return entries.contains { entry in
                guard case .network(let network, let prefix) = entry, network.count == bytes.count else { return false }
                return Self.matches(bytes, network, prefix: prefix)
            }
        }
        let name = bare.lowercased()
        return entries.contains { entry in
            guard case .pattern(let pattern) = entry else { return false }
            return Self.glob(Array(pattern.utf8)[...], Array(name.utf8)[...])
        }
    }

    static func matches(_ address: [UInt8], _ network: [UInt8], prefix: Int) -> Bool {
        var bits = prefix
        for (a, n) in zip(address, network) {
            guard bits > 0 else { return true }
            let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
            if a & mask != n & mask { return false }
            bits -= 8
        }
        return true
    }

    /// `*` matches any run (dots included); everything else matches itself.
    static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == UInt8(ascii: "*") {
            var rest = text
            while true {
                if glob(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let head = text.first, head == first else { return false }
        return glob(pattern.dropFirst(), text.dropFirst())
    }

    /// The bytes of an IPv4 (`10.0.0.1`) or IPv6 (`fd00::1`, `::ffff:10.0.0.1`) literal.
    public static func address(_ text: String) -> [UInt8]? {
        if !text.contains(":") { return ipv4(Substring(text)) }
        var groups: [UInt16] = []
        var tail: [UInt16] = []
        var sawGap = false
        var rest = Substring(text)
        if let percent = rest.firstIndex(of: "%") { rest = rest[..<percent] }
        let halves = rest.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        sawGap = halves.count == 2
        func parse(_ part: Substring, into out: inout [UInt16]) -> Bool {
            guard !part.isEmpty else { return true }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let v4 = ipv4(piece) {
                    out.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                    out.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return false }
                out.append(value)
            }
            return true
        }
        guard parse(halves[0], into: &groups) else { return nil }
        if sawGap { guard parse(halves[1], into: &tail) else { return nil } }
        let missing = 8 - groups.count - tail.count
        guard sawGap ? missing >= 1 : missing == 0 else { return nil }
        let all = groups + Array(repeating: 0, count: sawGap ? missing : 0) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            // No leading zero: the resolver reads 010 as octal.
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), part == "0" || !part.hasPrefix("0"),
                  let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }
}

extension Substring {
    /// Split at the first `::` only (an address has at most one).
    func components(separatedByDoubleColon: ()) -> [Substring] {
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ":", next < endIndex, self[next] == ":" {
                let after = self.index(after: next)
                let rest = self[after...]
                // A second `::` makes it no address: keep it in the tail so parsing fails.
                return [self[..<index], rest]
            }
            index = next
        }
        return [self]
    }
}

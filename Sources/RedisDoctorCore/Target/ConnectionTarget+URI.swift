/// Why a target given on the command line was refused.
public struct TargetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension ConnectionTarget {
    /// Parses `redis://[user[:password]@]host[:port][/db]`, the same with `rediss://`
    /// (TLS, verified against the system's CAs unless options say otherwise) and
    /// `unix:///path?db=N`.
    public static func parse(uri: String) throws(TargetError) -> ConnectionTarget {
        let lower = uri.lowercased()
        if lower.hasPrefix("rediss://") {
            var target = try parse(uri: "redis://" + uri.dropFirst("rediss://".count))
            target.tls = TLSSettings()
            return target
        }
        if lower.hasPrefix("unix://") {
            return try parseUnix(String(uri.dropFirst("unix://".count)), original: uri)
        }
        guard lower.hasPrefix("redis://") else {
            // Only the scheme is named: the rest of a mistyped URI may hold the password.
            let scheme = uri.prefix { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            let named = !scheme.isEmpty && uri.dropFirst(scheme.count).hasPrefix(":") ? " with scheme '\(scheme)'" : ""
            throw TargetError("unsupported URI\(named): expected redis://host[:port][/db] or unix:///path?db=N")
        }
        var rest = Substring(uri.dropFirst("redis://".count))
        var user: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let userinfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userinfo.firstIndex(of: ":") {
                let u = try percentDecoded(userinfo[..<colon], what: "user")
                user = u.isEmpty ? nil : u
                password = try percentDecoded(userinfo[userinfo.index(after: colon)...], what: "password")
            } else {
                // redis://secret@host is how many clients spell a password-only URI.
                password = try percentDecoded(userinfo, what: "password")
            }
        }
        var db = 0
        if let slash = rest.firstIndex(of: "/") {
            let dbText = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !dbText.isEmpty {
                guard let n = Int(dbText), n >= 0 else {
                    throw TargetError("the database in the URI is not a non-negative number")
                }
                db = n
            }
        }
        // Nothing taken from a URI is quoted back: without its '@', `redis://user:PW` puts
        // the password where the port goes.
        let host: String, port: Int
        do throws(TargetError) {
            (host, port) = try hostAndPort(rest)
        } catch {
            throw TargetError("the host:port part of the URI is not valid (expected host, host:port or [v6]:port, with a port from 1 to 65535)")
        }
        return ConnectionTarget(endpoint: .tcp(host: host, port: port), user: user, password: password, db: db)
    }

    private static func parseUnix(_ rest: String, original: String) throws(TargetError) -> ConnectionTarget {
        var path = Substring(rest)
        var db = 0
        var password: String?
        var user: String?
        if let q = path.firstIndex(of: "?") {
            let query = path[path.index(after: q)...]
            path = path[..<q]
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = parts[0]
                let value = parts.count > 1 ? parts[1] : ""
                switch key {
                case "db":
                    guard let n = Int(value), n >= 0 else {
                        throw TargetError("the db parameter of the unix URI is not a non-negative number")
                    }
                    db = n
                case "password": password = try percentDecoded(value, what: "password")
                case "user": user = try percentDecoded(value, what: "user")
                default:
                    throw TargetError("unknown parameter in the unix URI (known: db, user, password)")
                }
            }
        }
        guard path.hasPrefix("/") else {
            throw TargetError("unix URI needs an absolute path: unix:///path/to/redis.sock")
        }
        return ConnectionTarget(endpoint: .unix(path: String(path)), user: user, password: password, db: db)
    }

    /// Splits `host`, `host:port`, `[v6]`, `[v6]:port`.
    static func hostAndPort(_ text: Substring) throws(TargetError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw TargetError("unclosed '[' in host '\(text)'")
            }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw TargetError("unexpected '\(after)' after ']' in '\(text)'") }
                portText = after.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text  // a bare IPv6 literal such as ::1, or a plain host
        }
        if host.isEmpty { host = Substring(defaultHost) }
        var port = defaultPort
        if let portText {
            port = try parsePort(String(portText))
        }
        return (String(host), port)
    }

    public static func parsePort(_ text: String) throws(TargetError) -> Int {
        guard let p = Int(text), (1...65535).contains(p) else {
            throw TargetError("port '\(text)' is not a number from 1 to 65535")
        }
        return p
    }

    private static func percentDecoded(_ text: Substring, what: String) throws(TargetError) -> String {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let b = bytes.popFirst() {
            if b == UInt8(ascii: "%") {
                guard bytes.count >= 2, let hi = hexValue(bytes[bytes.startIndex]), let lo = hexValue(bytes[bytes.startIndex + 1]) else {
                    throw TargetError("bad percent-escape in the \(what) part of the URI")
                }
                out.append(hi << 4 | lo)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The URI with anything that could be a credential replaced, for error messages:
    /// everything before the last `@` after the scheme, and query values whose key names
    /// a secret. It also covers mistyped URIs (`redis:/:PW@host`, `redis//:PW@host`,
    /// `redis:PW@host`, `unix:///path?pass=PW`), which are exactly the ones echoed.
    public static func redacted(_ uri: String) -> String {
        var text = uri
        if let question = text.firstIndex(of: "?") {
            let query = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
                let key = pair[..<equals].lowercased()
                let secret = ["pass", "pwd", "auth", "secret", "token", "key"].contains { key.contains($0) }
                return secret ? key + "=***" : String(pair)
            }
            text = String(text[..<question]) + "?" + query.joined(separator: "&")
        }
        guard let at = text.lastIndex(of: "@") else { return text }
        if let scheme = text.firstRange(of: "://"), scheme.upperBound <= at {
            let userinfo = text[scheme.upperBound..<at]
            // Well formed: keep the user name, hide the password.
            if let colon = userinfo.firstIndex(of: ":"), !userinfo[..<colon].isEmpty,
               userinfo[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) {
                return String(text[..<colon]) + ":***" + String(text[at...])
            }
            return String(text[..<scheme.upperBound]) + "***" + String(text[at...])
        }
        // No "://": keep a plain scheme word ("redis:"), hide the rest up to the '@'.
        if let colon = text.firstIndex(of: ":"), colon < at, !text[..<colon].isEmpty, text[..<colon].allSatisfy(\.isLetter) {
            return String(text[...colon]) + "***" + String(text[at...])
        }
        return "***" + String(text[at...])
    }
}

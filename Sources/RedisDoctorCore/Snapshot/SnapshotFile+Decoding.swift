extension SnapshotFile {
    /// Decodes a snapshot file. Structural lines may end in CRLF (files edited
    /// on Windows); bulk payloads are taken byte-exact by length.
    public static func decode(_ bytes: [UInt8]) throws(SnapshotFileError) -> Snapshot {
        var reader = Reader(bytes: bytes)
        guard let first = reader.readLine() else { throw reader.error("empty file, expected '\(magic) \(version)'") }
        // Split only a plausible first line: a 64 MiB one of "a a a" is no snapshot.
        let parts = first.utf8.count > 64 ? [] : first.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0] == magic else {
            throw reader.error("not a redis-doctor snapshot: first line must be '\(magic) \(version)'", atLineStart: true)
        }
        guard let number = Int(parts[1]), (1...version).contains(number) else {
            throw reader.error("unsupported snapshot version '\(parts[1])' (this build reads 1 to \(version))", atLineStart: true)
        }
        var snapshot = Snapshot(target: "")
        var peer = TLSPeer(subject: "", issuer: "", notAfter: nil, names: [], protocolVersion: "", cipher: "")
        var sawTLS = false
        var host = HostCapture()
        var sawHost = false
        func seconds(_ value: String, _ key: String) throws(SnapshotFileError) -> Double {
            guard let n = Int64(value), TimestampText.parse(String(n)) != nil else {
                throw reader.error("\(key) must be seconds since the epoch, found '\(prefix(value))'", atLineStart: true)
            }
            return Double(n)
        }
        // Header fields until the first record; unknown fields are ignored (forward compatible).
        while let peek = reader.peekLine(), !peek.hasPrefix(">>>"), !peek.hasPrefix("!!!"), !peek.hasPrefix("===") {
            let text = reader.readLine()!
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard let (key, value) = splitField(text) else {
                throw reader.error("expected a 'name: value' header line, found '\(prefix(text))'", atLineStart: true)
            }
            switch key {
            case "target": snapshot.target = try reader.unquoteText(value)
            case "taken-at-usec":
                guard let micros = Int64(value) else {
                    throw reader.error("taken-at-usec must be an integer, found '\(prefix(value))'", atLineStart: true)
                }
                snapshot.takenAtMicros = micros
            case "tls-subject": peer.subject = try reader.unquoteText(value); sawTLS = true
            case "tls-issuer": peer.issuer = try reader.unquoteText(value); sawTLS = true
            case "tls-not-after": peer.notAfter = try seconds(value, key); sawTLS = true
            case "tls-name":
                guard peer.names.count < 1000 else { throw reader.error("more than 1000 tls-name lines", atLineStart: true) }
                peer.names.append(try reader.unquoteText(value)); sawTLS = true
            case "tls-protocol": peer.protocolVersion = try reader.unquoteText(value); sawTLS = true
            case "tls-cipher": peer.cipher = try reader.unquoteText(value); sawTLS = true
            case "tls-client-subject": peer.clientSubject = try reader.unquoteText(value); sawTLS = true
            case "tls-client-not-after": peer.clientNotAfter = try seconds(value, key); sawTLS = true
            default:
                if key.hasPrefix("host-"), try decodeHostField(key, value, into: &host, reader: reader) { sawHost = true }
            }
        }
        if sawTLS { snapshot.tlsPeer = peer }
        while let text = reader.readLine() {
            if text.isEmpty || text.hasPrefix("#") { continue }
            // Command lines are short; a 50 MB one would be copied several times over.
            if (text.hasPrefix(">>>") || text.hasPrefix("!!!") || text.hasPrefix("===")) && text.utf8.count > 65_536 {
                throw reader.error("a command line longer than 64 KiB", atLineStart: true)
            }
            if text.hasPrefix(">>>") {
                let command = try reader.parseArgs(String(text.dropFirst(3)))
                try reader.count(command.count)
                var elapsed: Int64? = nil
                if let peek = reader.peekLine(), peek.hasPrefix("elapsed-usec:") {
                    _ = reader.readLine()
                    let value = Bytes.trimBlanks(peek.dropFirst("elapsed-usec:".count))
                    guard let micros = Int64(value) else {
                        throw reader.error("elapsed-usec must be an integer, found '\(prefix(String(value)))'", atLineStart: true)
                    }
                    elapsed = micros
                }
                let reply = try reader.parseReply(depth: 0)
                snapshot.exchanges.append(Exchange(command: command, reply: reply, elapsedMicros: elapsed))
            } else if text.hasPrefix("!!!") {
                let command = try reader.parseArgs(String(text.dropFirst(3)))
                try reader.count(command.count + 1)
                guard let reasonLine = reader.readLine(), let (key, value) = splitField(reasonLine), key == "reason" else {
                    throw reader.error("expected 'reason: ...' after a skipped command", atLineStart: true)
                }
                snapshot.skipped.append(SkippedCommand(command: command, reason: try reader.unquoteText(value)))
            } else if text.hasPrefix("===") {
                let path = try reader.parseArgs(String(text.dropFirst(3)))
                try reader.count(2)
                guard path.count == 1 else { throw reader.error("expected '=== PATH' for a host file", atLineStart: true) }
                guard host.files.count < 1000 else { throw reader.error("more than 1000 host file records", atLineStart: true) }
                host.files.append(try hostFile(path: path[0], reply: try reader.parseReply(depth: 0), reader: reader))
                sawHost = true
            } else {
                throw reader.error("expected '>>> command', '!!! command' or '=== path', found '\(prefix(text))'", atLineStart: true)
            }
        }
        if sawHost { snapshot.host = host }
        return snapshot
    }

    /// `name: value` with one optional blank after the colon.
    static func splitField(_ text: String) -> (String, String)? {
        guard let colon = text.utf8.firstIndex(of: Bytes.colon) else { return nil }
        var value = text[text.utf8.index(after: colon)...]
        if value.utf8.first == Bytes.space { value = value.dropFirst() }
        return (String(text[..<colon]), String(value))
    }

    /// Shortened text for error messages.
    static func prefix(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "..." : text
    }

    struct Reader {
        let bytes: [UInt8]
        var position = 0
        /// 1-based number of the line that starts at `position`.
        var line = 1
        var lineStart = 0
        /// Replies decoded so far: each costs about 40 bytes of memory whatever its size
        /// in the file, so a dense 64 MiB file of `:0` lines is refused, not decoded.
        var replies = 0

        /// Matches the live budget: 32 MiB at 35 bytes an element is under a million.
        static let maximumReplies = 1_000_000

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Charges decoded values (replies, elements, command arguments) against the cap.
        mutating func count(_ values: Int) throws(SnapshotFileError) {
            replies += values
            guard replies <= Self.maximumReplies else { throw error("more than \(Self.maximumReplies) replies, elements and arguments in one snapshot") }
        }

        func error(_ message: String, atLineStart: Bool = false) -> SnapshotFileError {
            // After readLine(), `line`/`lineStart` describe the next line; report the one just read.
            SnapshotFileError(line: atLineStart ? max(1, line - 1) : line,
                              offset: atLineStart ? lastLineStart : position, message: message)
        }

        var lastLineStart = 0

        /// Reads one structural line (LF or CRLF), nil at end of input.
        mutating func readLine() -> String? {
            guard position < bytes.count else { return nil }
            var end = position
            while end < bytes.count, bytes[end] != Bytes.lf { end += 1 }
            var contentEnd = end
            if contentEnd > position, bytes[contentEnd - 1] == Bytes.cr { contentEnd -= 1 }
            let text = String(decoding: bytes[position..<contentEnd], as: UTF8.self)
            lastLineStart = position
            position = min(end + 1, bytes.count)
            line += 1
            lineStart = position
            return text
        }

        func peekLine() -> String? {
            var copy = self
            return copy.readLine()
        }

        mutating func parseReply(depth: Int) throws(SnapshotFileError) -> RedisReply {
            guard depth < SnapshotFile.maxDepth else { throw error("replies nested deeper than \(SnapshotFile.maxDepth)") }
            try count(1)
            guard let text = readLine() else { throw error("unexpected end of file, expected a reply") }
            guard let marker = text.utf8.first else {
                throw error("expected a reply (+ - : _ $ *), found an empty line", atLineStart: true)
            }
            let rest = String(text.dropFirst())
            switch marker {
            case 0x2B: return .status(try unquoteText(rest))
            case 0x2D: return .error(try unquoteText(rest))
            case 0x3A:
                guard let value = Int64(rest) else { throw error("integer reply ':' needs a number, found '\(SnapshotFile.prefix(rest))'", atLineStart: true) }
                return .integer(value)
            case 0x5F:
                guard rest.isEmpty else { throw error("null reply '_' takes nothing after it", atLineStart: true) }
                return .null
            case 0x24:
                guard let count = Int(rest), count >= 0 else {
                    throw error("bulk reply '$' needs a byte count, found '\(SnapshotFile.prefix(rest))'", atLineStart: true)
                }
                guard count <= bytes.count - position else {
                    throw error("bulk reply declares \(count) bytes but only \(bytes.count - position) remain", atLineStart: true)
                }
                let payload = Array(bytes[position..<(position + count)])
                position += count
                line += payload.reduce(0) { $0 + ($1 == Bytes.lf ? 1 : 0) }
                guard position < bytes.count, bytes[position] == Bytes.lf else {
                    throw error("bulk payload of \(count) bytes must be followed by a newline")
                }
                position += 1
                line += 1
                return .bulk(payload)
            case 0x2A:
                // Each element takes at least 2 bytes, which bounds hostile counts.
                guard let count = Int(rest), count >= 0, count <= (bytes.count - position) / 2 else {
                    throw error("array reply '*' needs a plausible element count, found '\(SnapshotFile.prefix(rest))'", atLineStart: true)
                }
                var items: [RedisReply] = []
                items.reserveCapacity(min(count, 1024))
                for _ in 0..<count { items.append(try parseReply(depth: depth + 1)) }
                return .array(items)
            default:
                throw error("unknown reply type '\(SnapshotFile.prefix(text))' (expected + - : _ $ *)", atLineStart: true)
            }
        }

        /// Text written by `encodeText`: as-is, or quoted when it starts with `"`.
        func unquoteText(_ text: String) throws(SnapshotFileError) -> String {
            guard text.utf8.first == 0x22 else { return text }
            let bytes = Array(text.utf8)
            guard let (value, end) = try unquote(bytes, from: 0), end == bytes.count else {
                throw error("text after the closing quote", atLineStart: true)
            }
            return value
        }

        /// Splits `ARG ARG "quoted arg"` into arguments.
        func parseArgs(_ text: String) throws(SnapshotFileError) -> [String] {
            let bytes = Array(text.utf8)
            var args: [String] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == Bytes.space { index += 1; continue }
                // The commands a snapshot records have a handful of arguments.
                guard args.count < 1024 else { throw error("a command line of more than 1024 arguments", atLineStart: true) }
                if bytes[index] == 0x22 {
                    guard let (value, end) = try unquote(bytes, from: index) else { break }
                    guard end == bytes.count || bytes[end] == Bytes.space else {
                        throw error("a quoted argument must be followed by a space", atLineStart: true)
                    }
                    args.append(value)
                    index = end
                } else {
                    var end = index
                    while end < bytes.count, bytes[end] != Bytes.space { end += 1 }
                    args.append(String(decoding: bytes[index..<end], as: UTF8.self))
                    index = end
                }
            }
            guard !args.isEmpty else { throw error("a command line needs at least one argument", atLineStart: true) }
            return args
        }

        /// Reads a quoted string starting at `start` (a `"`); returns it and the index after the closing quote.
        func unquote(_ bytes: [UInt8], from start: Int) throws(SnapshotFileError) -> (String, Int)? {
            var out: [UInt8] = []
            var index = start + 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 { return (String(decoding: out, as: UTF8.self), index + 1) }
                if byte != 0x5C { out.append(byte); index += 1; continue }
                guard index + 1 < bytes.count else { break }
                switch bytes[index + 1] {
                case 0x6E: out.append(0x0A); index += 2
                case 0x72: out.append(0x0D); index += 2
                case 0x74: out.append(0x09); index += 2
                case 0x22, 0x5C: out.append(bytes[index + 1]); index += 2
                case 0x78:
                    guard index + 3 < bytes.count, let high = hex(bytes[index + 2]), let low = hex(bytes[index + 3]) else {
                        throw error("bad \\x escape in quoted text", atLineStart: true)
                    }
                    out.append(high << 4 | low)
                    index += 4
                default:
                    throw error("unknown escape '\\\(Character(Unicode.Scalar(bytes[index + 1])))' in quoted text", atLineStart: true)
                }
            }
            throw error("unterminated quoted text", atLineStart: true)
        }

        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x61...0x66: byte - 0x61 + 10
            case 0x41...0x46: byte - 0x41 + 10
            default: nil
            }
        }
    }
}

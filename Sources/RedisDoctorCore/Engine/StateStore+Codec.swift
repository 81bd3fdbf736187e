extension StateStore {
    public func encoded() -> [UInt8] {
        var out = Array(Self.magic.utf8) + [0x0A]
        for target in entries.keys.sorted() {
            let entry = entries[target]!
            out += Array("entry \(Self.escape(target)) \(entry.writtenAtMicros) \(entry.payload.count)".utf8) + [0x0A]
            out += entry.payload
            out.append(0x0A)
        }
        out += Array("end".utf8) + [0x0A]
        return out
    }

    public init(decoding bytes: [UInt8]) throws(StateStoreError) {
        self.init()
        if bytes.isEmpty { return }
        var position = 0
        var line = 0

        // Reads up to the next LF; returns the line's text and its starting offset.
        func nextLine() throws(StateStoreError) -> (text: String, start: Int) {
            line += 1
            let start = position
            guard start < bytes.count else {
                throw StateStoreError(line: line, offset: start, reason: "file is truncated (no \"end\" line)")
            }
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                throw StateStoreError(line: line, offset: start, reason: "file is truncated (line has no newline)")
            }
            position = newline + 1
            guard let text = String(validating: bytes[start..<newline], as: UTF8.self) else {
                throw StateStoreError(line: line, offset: start, reason: "line is not valid UTF-8")
            }
            return (text, start)
        }

        let header = try nextLine()
        guard header.text == Self.magic else {
            let reason = header.text.hasPrefix("redis-doctor-state ")
                ? "unsupported state file version \"\(header.text.dropFirst("redis-doctor-state ".count))\""
                : "not a redis-doctor state file"
            throw StateStoreError(line: line, offset: 0, reason: reason)
        }
        while true {
            let (text, start) = try nextLine()
            if text == "end" {
                guard position == bytes.count else {
                    throw StateStoreError(line: line + 1, offset: position, reason: "unexpected data after \"end\"")
                }
                return
            }
            let fields = text.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 4, fields[0] == "entry" else {
                throw StateStoreError(line: line, offset: start, reason: "expected \"entry <target> <micros> <length>\" or \"end\"")
            }
            guard let target = Self.unescape(fields[1]) else {
                throw StateStoreError(line: line, offset: start + 6, reason: "bad target encoding \"\(fields[1])\"")
            }
            guard let micros = Int64(fields[2]) else {
                throw StateStoreError(line: line, offset: start, reason: "bad timestamp \"\(fields[2])\"")
            }
            guard let length = Int(fields[3]), length >= 0 else {
                throw StateStoreError(line: line, offset: start, reason: "bad length \"\(fields[3])\"")
            }
            guard entries[target] == nil else {
                throw StateStoreError(line: line, offset: start, reason: "duplicate entry for \"\(target)\"")
            }
            guard length < bytes.count - position else {
                throw StateStoreError(line: line, offset: position, reason: "payload of \(length) bytes is truncated")
            }
            let payload = Array(bytes[position..<(position + length)])
            position += length
            guard bytes[position] == 0x0A else {
                throw StateStoreError(line: line, offset: position, reason: "payload is not followed by a newline (length mismatch)")
            }
            position += 1
            entries[target] = Entry(payload: payload, writtenAtMicros: micros)
        }
    }

    static func escape(_ target: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in target.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        if out.isEmpty { return "%" }  // an empty target still needs a visible field
        return String(decoding: out, as: UTF8.self)
    }

    static func unescape(_ text: Substring) -> String? {
        if text == "%" { return "" }
        let input = Array(text.utf8)
        guard !input.isEmpty else { return nil }
        var out: [UInt8] = []
        var i = 0
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        while i < input.count {
            if input[i] == UInt8(ascii: "%") {
                guard i + 2 < input.count, let high = hexValue(input[i + 1]), let low = hexValue(input[i + 2]) else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(input[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}

extension SnapshotFile {
    /// An argument is written bare when it is non-empty printable ASCII without
    /// blanks, quotes or backslashes; otherwise double-quoted with C escapes.
    static func encodeArg(_ arg: String) -> String {
        let bare = !arg.isEmpty && arg.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
        return bare ? arg : quote(arg)
    }

    /// Free text (target, reasons, status/error lines) is written as-is unless
    /// it holds control bytes, starts with a quote or has edge blanks.
    static func encodeText(_ text: String) -> String {
        let bytes = text.utf8
        let needsQuotes = bytes.contains { $0 < 0x20 || $0 == 0x7F }
            || bytes.first == 0x22 || bytes.first.map(Bytes.isBlank) == true
            || bytes.last.map(Bytes.isBlank) == true
        return needsQuotes ? quote(text) : text
    }

    static func quote(_ text: String) -> String {
        var out: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x78, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}

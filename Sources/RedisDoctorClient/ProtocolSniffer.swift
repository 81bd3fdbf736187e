/// Says what kind of server sent bytes that are not RESP.
enum ProtocolSniffer {
    static func describe(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: Array("HTTP/".utf8)) {
            return "an HTTP server answered (\(firstLine(bytes)))"
        }
        if let first = bytes.first, (0x14...0x17).contains(first), bytes.count < 2 || bytes[1] == 0x03 {
            return "a TLS server answered: it looks like a TLS port; use --tls or rediss://"
        }
        if bytes.starts(with: Array("SSH-".utf8)) {
            return "an SSH server answered (\(firstLine(bytes)))"
        }
        return "unexpected reply '\(firstLine(bytes))'"
    }

    /// The first line, with non-printable bytes escaped, at most 60 characters.
    static func firstLine(_ bytes: [UInt8]) -> String {
        var out = ""
        for b in bytes.prefix(60) {
            if b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n") { break }
            if b >= 0x20 && b < 0x7f { out.unicodeScalars.append(Unicode.Scalar(b)) } else { out += "\\x" + hex(b) }
        }
        return out
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xf)]])
    }
}

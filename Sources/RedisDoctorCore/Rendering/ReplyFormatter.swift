/// Prints replies the way redis-cli does, so triage output looks familiar.
public enum ReplyFormatter {
    /// Commands redis-cli prints raw even on a terminal: their replies are text meant to be read.
    static let rawOnTerminal: Set<String> = [
        "INFO", "LOLWUT", "CLUSTER NODES", "CLUSTER INFO", "CLIENT LIST", "CLIENT INFO",
        "MEMORY DOCTOR", "MEMORY MALLOC-STATS", "LATENCY DOCTOR", "LATENCY GRAPH", "LATENCY HISTOGRAM",
    ]

    /// True when `argv`'s reply should be printed raw on a terminal too.
    public static func prefersRaw(_ argv: [String]) -> Bool {
        guard let first = argv.first?.uppercased() else { return false }
        if rawOnTerminal.contains(first) { return true }
        if argv.count > 1 { return rawOnTerminal.contains(first + " " + argv[1].uppercased()) }
        return false
    }

    /// redis-cli's terminal form: `(integer) 1`, `(nil)`, `"quoted"`, numbered nested arrays.
    public static func terminal(_ reply: RedisReply) -> String {
        var out = ""
        appendTerminal(reply, prefix: "", to: &out)
        return out
    }

    private static func appendTerminal(_ reply: RedisReply, prefix: String, to out: inout String) {
        switch reply {
        case .status(let text): out += OutputText.oneLine(text) + "\n"
        case .error(let message): out += "(error) " + OutputText.oneLine(message) + "\n"
        case .integer(let n): out += "(integer) \(n)\n"
        case .null: out += "(nil)\n"
        case .bulk(let bytes): out += quoted(bytes) + "\n"
        case .array(let items):
            if items.isEmpty {
                out += "(empty array)\n"
                return
            }
            let width = String(items.count).count
            let childPrefix = prefix + String(repeating: " ", count: width + 2)
            for (i, item) in items.enumerated() {
                let number = String(i + 1)
                // The first element follows the parent's own index on the same line.
                out += (i == 0 ? "" : prefix) + String(repeating: " ", count: width - number.count) + number + ") "
                appendTerminal(item, prefix: childPrefix, to: &out)
            }
        }
    }

    /// Raw bytes made safe for a terminal: control bytes other than line breaks and tabs
    /// (ESC, NUL, BEL...) become `\xNN`, so a client name cannot drive the terminal.
    /// C1 controls (U+0080-U+009F, UTF-8 `C2 80`-`C2 9F`: `C2 9B` is a CSI) are escaped too.
    public static func terminalSafe(_ bytes: [UInt8]) -> [UInt8] {
        func isC0(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09) || b == 0x7F }
        guard bytes.contains(where: { isC0($0) || $0 == 0xC2 }) else { return bytes }
        let hex = Array("0123456789abcdef".utf8)
        func escape(_ b: UInt8, into out: inout [UInt8]) {
            out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(b >> 4)], hex[Int(b & 15)]]
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if isC0(b) {
                escape(b, into: &out)
            } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                escape(b, into: &out)
                escape(bytes[i + 1], into: &out)
                i += 1
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// redis-cli's raw form (stdout not a terminal): bytes as they are, one element per line.
    public static func raw(_ reply: RedisReply) -> [UInt8] {
        var out: [UInt8] = []
        appendRaw(reply, to: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private static func appendRaw(_ reply: RedisReply, to out: inout [UInt8]) {
        switch reply {
        case .status(let text): out += Array(text.utf8)
        case .error(let message): out += Array(message.utf8)
        case .integer(let n): out += Array(String(n).utf8)
        case .null: break
        case .bulk(let bytes): out += bytes
        case .array(let items):
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: "\n")) }
                appendRaw(item, to: &out)
            }
        }
    }

    /// A bulk string in double quotes with C-style escapes, as redis-cli's sdscatrepr.
    public static func quoted(_ bytes: [UInt8]) -> String {
        var out = "\""
        for b in bytes {
            switch b {
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x20..<0x7f: out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let digits = Array("0123456789abcdef")
                out += "\\x" + String([digits[Int(b >> 4)], digits[Int(b & 0xf)]])
            }
        }
        return out + "\""
    }
}

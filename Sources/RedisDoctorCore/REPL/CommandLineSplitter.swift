/// Splits a typed line into arguments with redis-cli's rules (sdssplitargs):
/// `"double quotes"` with `\n \r \t \b \a \xHH` escapes, `'single quotes'` with `\'`,
/// a closing quote must be followed by a space or the end of the line.
public enum CommandLineSplitter {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unbalancedQuotes
        case closingQuoteNotFollowedBySpace

        public var description: String {
            switch self {
            case .unbalancedQuotes: return "Invalid argument(s): unbalanced quotes"
            case .closingQuoteNotFollowedBySpace: return "Invalid argument(s): a closing quote must be followed by a space"
            }
        }
    }

    /// The arguments as bytes: `\xHH` can produce bytes that are not UTF-8.
    public static func split(_ line: String) throws(Failure) -> [[UInt8]] {
        let bytes = Array(line.utf8)
        var args: [[UInt8]] = []
        var i = 0
        while true {
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { return args }
            var current: [UInt8] = []
            var inDouble = false
            var inSingle = false
            var done = false
            while !done {
                if inDouble {
                    guard i < bytes.count else { throw .unbalancedQuotes }
                    let c = bytes[i]
                    if c == 0x5C, i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
                       let hi = hexValue(bytes[i + 2]), let lo = hexValue(bytes[i + 3]) {
                        current.append(hi << 4 | lo)
                        i += 3
                    } else if c == 0x5C, i + 1 < bytes.count {
                        i += 1
                        switch bytes[i] {
                        case UInt8(ascii: "n"): current.append(0x0A)
                        case UInt8(ascii: "r"): current.append(0x0D)
                        case UInt8(ascii: "t"): current.append(0x09)
                        case UInt8(ascii: "b"): current.append(0x08)
                        case UInt8(ascii: "a"): current.append(0x07)
                        default: current.append(bytes[i])
                        }
                    } else if c == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count, !isSpace(bytes[i + 1]) { throw .closingQuoteNotFollowedBySpace }
                        done = true
                    } else {
                        current.append(c)
                    }
                } else if inSingle {
                    guard i < bytes.count else { throw .unbalancedQuotes }
                    let c = bytes[i]
                    if c == 0x5C, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "'") {
                        current.append(UInt8(ascii: "'"))
                        i += 1
                    } else if c == UInt8(ascii: "'") {
                        if i + 1 < bytes.count, !isSpace(bytes[i + 1]) { throw .closingQuoteNotFollowedBySpace }
                        done = true
                    } else {
                        current.append(c)
                    }
                } else {
                    guard i < bytes.count else { break }
                    let c = bytes[i]
                    switch c {
                    case UInt8(ascii: " "), 0x0A, 0x0D, 0x09, 0x0B, 0x0C: done = true
                    case UInt8(ascii: "\""): inDouble = true
                    case UInt8(ascii: "'"): inSingle = true
                    default: current.append(c)
                    }
                }
                if i < bytes.count { i += 1 }
            }
            args.append(current)
        }
    }

    /// The arguments as strings (invalid UTF-8 repaired), for lookups and filters.
    public static func splitStrings(_ line: String) throws(Failure) -> [String] {
        try split(line).map { String(decoding: $0, as: UTF8.self) }
    }

    static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

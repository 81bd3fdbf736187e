/// The argument parser quotes what it could not place ("Unexpected argument 'secret'",
/// "The value 'x' is invalid", "Unknown option '-asecret'"), which for `-a my secret` or
/// `-asecret` is part of a password. Values the user typed are masked in every line;
/// option names and the lists of valid choices stay, since they name the problem.
enum ParserMessage {
    static func masked(_ message: String) -> String {
        // The parser's own text (usage, help) follows the first "Usage:" or "Help:" line;
        // a value typed by the user can only sit before it, newlines and quotes included.
        let tailStart = [message.firstRange(of: "\nUsage:"), message.firstRange(of: "\nHelp:")]
            .compactMap { $0?.lowerBound }.min() ?? message.endIndex
        var head = String(message[..<tailStart])
        let tail = String(message[tailStart...])
        let lower = head.lowercased()
        if let phrase = lower.firstRange(of: "unexpected argument"),
           let first = head[phrase.upperBound...].firstIndex(of: "'"), let last = head.lastIndex(of: "'"), first < last {
            // "2 unexpected arguments: 'a', 'b'": everything between the first and last quote.
            head = String(head[...first]) + "***" + String(head[last...])
        } else if let start = head.firstRange(of: "value '"), let end = head.ranges(of: "' is invalid").last, start.upperBound <= end.lowerBound {
            // "The value 'a'b' is invalid for '--format <format>'".
            head = String(head[..<start.upperBound]) + "***" + String(head[end.lowerBound...])
        }
        return (head + tail).split(separator: "\n", omittingEmptySubsequences: false)
            .map { maskAttachedValues(String($0)) }.joined(separator: "\n")
    }

    /// `'-asecret'` (a short option with its value attached) keeps only `-a`.
    private static func maskAttachedValues(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "'") {
            out += rest[...open]
            let after = rest[rest.index(after: open)...]
            let close = after.firstIndex(of: "'") ?? after.endIndex
            let quoted = after[..<close]
            if quoted.hasPrefix("-"), !quoted.hasPrefix("--"), quoted.count > 2 {
                out += quoted.prefix(2) + "***"
            } else {
                out += quoted
            }
            guard close < after.endIndex else { return out }
            out += "'"
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }
}

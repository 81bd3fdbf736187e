/// The argument parser quotes what it could not place ("Unexpected argument 'secret'",
/// "The value 'x' is invalid"), which for `-a my secret` is part of a password. In its
/// first line, a quoted value after "argument" or "value" is masked; option names and
/// the lists of valid choices stay, since they name the problem.
enum ParserMessage {
    static func masked(_ message: String) -> String {
        guard let newline = message.firstIndex(of: "\n") else { return maskValues(message) }
        return maskValues(String(message[..<newline])) + String(message[newline...])
    }

    private static func maskValues(_ line: String) -> String {
        var out = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "'") {
            let before = rest[..<open]
            out += rest[...open]
            let after = rest[rest.index(after: open)...]
            let close = after.firstIndex(of: "'") ?? after.endIndex
            let quoted = after[..<close]
            let word = (before.split(separator: " ").last ?? "").lowercased().filter { $0.isLetter }
            // "2 unexpected arguments: 'a', 'b'": every value in the list is the user's.
            let listsValues = line.lowercased().contains("unexpected argument")
            let isValue = (listsValues || ["argument", "arguments", "value"].contains(word)) && !quoted.hasPrefix("-")
            out += isValue ? "***" : String(quoted)
            guard close < after.endIndex else { return out }
            out += "'"
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }
}

/// How a command is named in stages, messages and snapshot families: container commands
/// keep their subcommand (`CLIENT LIST`, `CONFIG GET`, `DEBUG SLEEP`), others their first
/// word (`INFO all` is `INFO`). One table, so a timeout raised by the connection and the
/// REPL's reading of it always agree.
public enum CommandName {
    /// Redis's subcommand containers, plus DEBUG and SENTINEL, whose second word says as much.
    static let twoWord: Set<String> = CommandTable.containers.union(["DEBUG", "SENTINEL"])

    public static func of(_ argv: [String]) -> String {
        guard let first = argv.first?.uppercased() else { return "" }
        if argv.count > 1, twoWord.contains(first) { return first + " " + argv[1].uppercased() }
        return first
    }

    /// The same for a binary command: only the first two words are decoded.
    public static func of(bytes argv: [[UInt8]]) -> String {
        of(argv.prefix(2).map { String(decoding: $0, as: UTF8.self) })
    }
}

/// `help COMMAND` text: syntax, summary, complexity, and availability on the connected server.
public enum CommandHelp {
    public static func render(_ doc: CommandDoc, serverVersion: ServerVersion?) -> String {
        var lines = ["  \(doc.syntax)", "  summary: \(doc.summary)", "  complexity: \(doc.complexity)"]
        var since = "  since: \(doc.since)"
        if let serverVersion {
            since += serverVersion < doc.since
                ? " (NOT available: the server runs \(serverVersion))"
                : " (available: the server runs \(serverVersion))"
        }
        lines.append(since)
        var flags: [String] = []
        if doc.flags.contains(.write) { flags.append("writes data") }
        if doc.flags.contains(.admin) { flags.append("administrative") }
        if doc.flags.contains(.dangerous) { flags.append("asks for confirmation") }
        if !flags.isEmpty { lines.append("  notes: " + flags.joined(separator: ", ")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `help CLIENT`: the subcommands of a container, one line each.
    public static func renderContainer(_ name: String, subcommands: [CommandDoc]) -> String {
        let width = subcommands.map(\.name.count).max() ?? 0
        return subcommands.map { "  " + $0.name + String(repeating: " ", count: width - $0.name.count + 2) + $0.summary }
            .joined(separator: "\n") + "\n"
    }

    /// `help` on its own.
    public static let overview = """
        redis-doctor REPL: type commands as in redis-cli ("quotes" and 'quotes' work).
        Every command has a deadline (-t); Ctrl-C cancels a wait, Ctrl-C at the prompt clears the line.
          help COMMAND     syntax, complexity and version of a command (Tab completes names)
          :help            the REPL's own commands (:check, :clients, :watch, :explain, :snapshot, :connect)
          quit             leave (or Ctrl-D)

        """

    /// The reply to `help ...` typed in the REPL, for the bundled table.
    public static func answer(_ words: [String], serverVersion: ServerVersion?) -> String {
        guard !words.isEmpty else { return overview }
        let first = words[0].uppercased()
        let subcommands = CommandTable.subcommands(of: first)
        if words.count == 1, !subcommands.isEmpty { return renderContainer(first, subcommands: subcommands) }
        if let doc = CommandTable.lookup(words) { return render(doc, serverVersion: serverVersion) }
        if !subcommands.isEmpty { return renderContainer(first, subcommands: subcommands) }
        return "no help for '\(words.joined(separator: " "))' in the bundled table (try COMMAND DOCS \(words[0]))\n"
    }
}

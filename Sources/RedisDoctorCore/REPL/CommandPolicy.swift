/// What the REPL must do before sending a command: refuse it (read-only mode), ask, or just send.
public enum CommandPolicy {
    /// Above this many keys, KEYS asks first: it walks the whole keyspace in the main thread.
    public static let keysConfirmationThreshold = 10_000

    /// Flags from a COMMAND INFO reply for one command (`["write", "denyoom"]`); nil when unknown.
    public static func flags(fromCommandInfo reply: RedisReply) -> Set<String>? {
        guard case .array(let outer) = reply, let entry = outer.first, case .array(let fields) = entry,
              fields.count > 2, case .array(let flags) = fields[2] else { return nil }
        return Set(flags.compactMap { $0.text?.lowercased() })
    }

    /// Why `--read-only` refuses the command, or nil to let it through.
    /// `serverFlags` are COMMAND INFO's flags when the server gave them; else the bundled table decides.
    public static func readOnlyRefusal(_ argv: [String], serverFlags: Set<String>?) -> String? {
        guard let first = argv.first?.uppercased() else { return nil }
        if let serverFlags {
            if serverFlags.contains("write") { return "\(first) writes data (COMMAND INFO flag: write)" }
            if serverFlags.contains("admin") { return "\(first) is an administrative command (COMMAND INFO flag: admin)" }
            return nil
        }
        guard let doc = CommandTable.lookup(argv) else {
            return "\(first) is not in the bundled table and the server did not describe it: refused in read-only mode"
        }
        if doc.flags.contains(.write) { return "\(doc.name) writes data" }
        if doc.flags.contains(.admin) { return "\(doc.name) is an administrative command" }
        return nil
    }

    /// True when the command asks for confirmation only above a key count (KEYS): the caller asks DBSIZE.
    public static func needsKeyCount(_ argv: [String]) -> Bool {
        argv.first?.uppercased() == "KEYS"
    }

    /// The y/N question to ask before sending, or nil. `keyCount` is DBSIZE when `needsKeyCount`.
    public static func confirmation(_ argv: [String], keyCount: Int? = nil) -> String? {
        guard let first = argv.first?.uppercased() else { return nil }
        let second = argv.count > 1 ? argv[1].uppercased() : ""
        switch first {
        case "FLUSHALL": return "FLUSHALL deletes every key in every database."
        case "FLUSHDB": return "FLUSHDB deletes every key in the selected database."
        case "SHUTDOWN": return "SHUTDOWN stops the server."
        case "DEBUG": return "DEBUG \(second) can block or crash the server."
        case "CONFIG" where second == "SET":
            return "CONFIG SET changes the running server's configuration."
        case "KEYS":
            guard let keyCount, keyCount > keysConfirmationThreshold else { return nil }
            return "KEYS walks all \(keyCount) keys and blocks the server meanwhile; SCAN does not."
        default: return nil
        }
    }

    /// Whether a confirmation answer means yes (`y`, `yes`, any case).
    public static func isYes(_ answer: String) -> Bool {
        let trimmed = answer.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return trimmed == "y" || trimmed == "yes"
    }
}

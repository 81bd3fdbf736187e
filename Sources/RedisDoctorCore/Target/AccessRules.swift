/// ACL rules (Redis 6+) that allow exactly a list of commands: `+info`, `+config|get`.
/// Built from the collectors' own command tables, so what `redis-doctor acl` grants cannot
/// drift from what the collectors send.
public enum AccessRules {
    /// Commands whose second word is a subcommand an ACL can allow alone.
    static let containers: Set<String> = ["CONFIG", "CLIENT", "SLOWLOG", "LATENCY", "CLUSTER", "SENTINEL", "MEMORY", "OBJECT", "COMMAND", "ACL", "XINFO"]

    /// `+command` or `+command|subcommand` for each, in first-seen order, without repeats.
    public static func rules(for commands: [[String]]) -> [String] {
        var seen = Set<String>()
        var rules: [String] = []
        for command in commands {
            guard let name = command.first?.uppercased() else { continue }
            var rule = "+" + name.lowercased()
            if containers.contains(name), command.count > 1 { rule += "|" + command[1].lowercased() }
            if seen.insert(rule).inserted { rules.append(rule) }
        }
        return rules
    }

    /// `ACL SETUSER NAME on >PASSWORD resetkeys resetchannels -@all +...`: no keys, no
    /// channels, nothing but `commands`.
    public static func setUser(_ user: String, password: String, commands: [[String]]) -> String {
        (["ACL", "SETUSER", user, "reset", "on", ">" + password, "resetkeys", "resetchannels", "-@all"] + rules(for: commands)).joined(separator: " ")
    }
}

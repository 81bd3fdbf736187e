/// Decides whether a typed line may be written to the history file.
///
/// A history file is read by whoever gets the home directory: a password in it
/// outlives the incident. Lines that carry (or may carry) a secret are never kept.
public enum HistoryFilter {
    /// True when `line` may be recorded. Lines that cannot be split are judged
    /// word by word, so a stray quote does not smuggle a password through.
    public static func mayRecord(_ line: String) -> Bool {
        let argv: [String]
        do {
            argv = try CommandLineSplitter.splitStrings(line)
        } catch {
            // Quotes stripped too: `"AUTH hunter2` must still read as AUTH.
            argv = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                .map { String($0.filter { $0 != "\"" && $0 != "'" }) }
        }
        return !carriesSecret(argv)
    }

    /// True for commands whose arguments include a password, a key or an ACL rule.
    public static func carriesSecret(_ argv: [String]) -> Bool {
        guard let first = argv.first?.uppercased() else { return false }
        let rest = argv.dropFirst().map { $0.uppercased() }
        let second = rest.first ?? ""
        switch first {
        case "AUTH":
            return true
        case ":CONNECT":
            // A URI may hold a password: `:connect rediss://user:pw@host`.
            return argv.dropFirst().contains { ConnectionTarget.redacted($0) != $0 }
        case "HELLO":
            return rest.contains("AUTH")
        case "MIGRATE":
            return rest.contains("AUTH") || rest.contains("AUTH2")
        case "ACL":
            // SETUSER carries >password and #hash rules; DRYRUN and GETUSER do not, but keep it simple.
            return second == "SETUSER"
        case "CONFIG":
            guard second == "SET" else { return false }
            // CONFIG SET name value [name value ...]: any secret-looking parameter name.
            var index = 1
            while index < rest.count {
                if isSecretName(rest[index]) { return true }
                index += 2
            }
            return false
        case "SENTINEL":
            return rest.contains { isSecretName($0) }
        case "MASTERAUTH", "REQUIREPASS":
            return true
        default:
            return false
        }
    }

    /// Parameter names that hold credentials: requirepass, masterauth, masteruser, tls-key-file-pass...
    public static func isSecretName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("pass") || lower.contains("auth") || lower.contains("secret") || lower == "masteruser"
    }
}

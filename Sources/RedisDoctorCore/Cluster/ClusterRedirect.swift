/// A cluster node's MOVED or ASK reply, explained in one line: the REPL shows where the
/// slot lives instead of following the redirect silently.
public enum ClusterRedirect {
    /// `MOVED 3999 127.0.0.1:6381` or `ASK 3999 127.0.0.1:6381` in words; nil for other errors.
    public static func explain(_ message: String) -> String? {
        let words = message.split(separator: " ")
        guard words.count == 3, let slot = Int(words[1]), let colon = words[2].lastIndex(of: ":"),
              let port = Int(words[2][words[2].index(after: colon)...]) else { return nil }
        let host = words[2][..<colon]
        let connect = ":connect \(host.isEmpty ? "<this host>" : String(host)) \(port)"
        switch words[0] {
        case "MOVED":
            return "slot \(slot) is served by \(words[2]), not by this node; redirects are not followed: \(connect) to run it there"
        case "ASK":
            return "slot \(slot) is being migrated to \(words[2]) and this key is already there; that node answers it once after ASKING (\(connect), then ASKING and the command)"
        default:
            return nil
        }
    }
}

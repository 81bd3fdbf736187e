/// The prompt: where the REPL points and whether it is connected.
/// `127.0.0.1:6379[2] master> `, `127.0.0.1:6379 (not connected)> `, `... master(TX)> ` inside MULTI.
public enum ReplPrompt {
    public static func text(address: String, db: Int, role: String?, connected: Bool, inTransaction: Bool = false) -> String {
        var text = address
        if db != 0 { text += "[\(db)]" }
        guard connected else { return text + " (not connected)> " }
        if let role { text += " " + (role == "slave" ? "replica" : role) }
        if inTransaction { text += "(TX)" }
        return text + "> "
    }
}

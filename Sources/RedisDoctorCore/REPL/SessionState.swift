/// What the user changed on the connection by typing commands, so a reconnect can
/// restore it (database, name, login) and say what could not be restored.
public struct SessionState: Sendable, Equatable {
    public var db: Int
    public var clientName: String?
    /// Credentials from an AUTH or HELLO ... AUTH that succeeded. In memory only.
    public var user: String?
    public var password: String?
    public var inTransaction = false
    public var watching = false
    public var subscribed = false

    public init(db: Int = 0, clientName: String? = nil, user: String? = nil, password: String? = nil) {
        self.db = db
        self.clientName = clientName
        self.user = user
        self.password = password
    }

    /// Updates the state from a command the server answered.
    public mutating func record(_ argv: [String], reply: RedisReply) {
        guard let first = argv.first?.uppercased() else { return }
        let ok = !reply.isError
        let second = argv.count > 1 ? argv[1].uppercased() : ""
        switch first {
        case "SELECT":
            if ok, argv.count > 1, let db = Int(argv[1]) { self.db = db }
        case "AUTH":
            if ok, argv.count == 2 { user = nil; password = argv[1] }
            if ok, argv.count == 3 { user = argv[1]; password = argv[2] }
        case "HELLO":
            if ok, let index = argv.firstIndex(where: { $0.uppercased() == "AUTH" }), index + 2 < argv.count {
                user = argv[index + 1]
                password = argv[index + 2]
            }
            if ok, let index = argv.firstIndex(where: { $0.uppercased() == "SETNAME" }), index + 1 < argv.count {
                clientName = argv[index + 1]
            }
        case "CLIENT":
            if ok, second == "SETNAME", argv.count > 2 { clientName = argv[2].isEmpty ? nil : argv[2] }
        case "MULTI":
            if ok { inTransaction = true }
        case "EXEC", "DISCARD":
            // EXEC answers an error (EXECABORT) and still ends the transaction.
            inTransaction = false
            watching = false
        case "WATCH":
            if ok { watching = true }
        case "UNWATCH":
            if ok { watching = false }
        case "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE":
            if ok { subscribed = true }
        case "RESET":
            if ok { self = SessionState(); }
        default:
            break
        }
    }

    /// Forgets what a new connection cannot restore and names it for the user.
    public mutating func connectionLost() -> [String] {
        var lost: [String] = []
        if inTransaction { lost.append("the MULTI transaction (queued commands were discarded)") }
        if watching { lost.append("WATCHed keys") }
        if subscribed { lost.append("SUBSCRIBE state") }
        inTransaction = false
        watching = false
        subscribed = false
        return lost
    }
}

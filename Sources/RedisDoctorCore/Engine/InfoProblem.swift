/// Why a snapshot holds no INFO the rules can read. Every verdict starts from INFO, so
/// without it a check can see nothing and must never say OK: the run becomes a
/// check-level error carrying the server's own words.
public enum InfoProblem: Sendable, Equatable {
    /// INFO was answered with an error reply (NOAUTH, NOPERM, BUSY, LOADING, unknown command...).
    case refused(String)
    /// INFO was answered with a reply of the wrong type (an integer, +OK, nil, an array).
    case wrongType(String)
    /// INFO text came back, but not one line of it is a field redis-doctor knows.
    case noFields(byteCount: Int)
    /// No INFO exchange at all (a snapshot file without one).
    case missing

    /// Where the INFO came from, so the error can name a server or a file.
    public enum Origin: Sendable, Equatable {
        case server
        case file(String)
    }

    /// The check-level error, with the server's words and what to do.
    public func checkError(origin: Origin) -> CheckError {
        let from: String
        if case .file(let path) = origin { from = path } else { from = "the server" }
        switch self {
        case .refused(let raw):
            return CheckError.serverRefusal(raw, command: "INFO")
        case .wrongType(let what):
            if case .file = origin { return CheckError(kind: .local, message: "\(from) holds no INFO: \(what)") }
            return CheckError(kind: .protocolError, message: "INFO answered with \(what), not INFO text: the server or a proxy in front of it is not speaking Redis's INFO", stage: "INFO")
        case .noFields(let count):
            if case .file = origin {
                let what = count == 0 ? "it is empty" : "none of its \(count) bytes is an INFO field redis-doctor knows"
                return CheckError(kind: .local, message: "\(from) holds no INFO: \(what) (paste the output of redis-cli INFO)")
            }
            return CheckError(kind: .protocolError, message: "INFO answered \(count) bytes with no field redis-doctor knows: nothing to judge", stage: "INFO")
        case .missing:
            if case .file = origin { return CheckError(kind: .local, message: "\(from) holds no INFO reply: nothing to judge") }
            return CheckError(kind: .local, message: "no INFO reply was recorded: nothing to judge")
        }
    }
}

extension ParsedSnapshot {
    /// Nil when INFO was read and holds at least one known field.
    public var infoProblem: InfoProblem? {
        if InfoField.allCases.contains(where: { info.source(of: $0) != nil }) { return nil }
        let exchanges = snapshot.exchanges.filter { CommandName.of($0.command) == "INFO" }
        // The last fallback is the most telling (INFO everything, INFO all, INFO).
        guard let last = exchanges.last else { return .missing }
        if let error = exchanges.compactMap(\.reply.errorMessage).last { return .refused(error) }
        switch last.reply {
        case .bulk(let bytes): return .noFields(byteCount: bytes.count)
        case .error(let message): return .refused(message)
        default: return .wrongType(last.reply.shapeDescription)
        }
    }
}

extension CheckError {
    /// The check-level error for a server's error reply to a command a verdict needs
    /// (INFO) or to the handshake (AUTH, SELECT), classified by the server's own code:
    /// not serving (BUSY, LOADING) is CRITICAL; credentials and permissions are UNKNOWN.
    public static func serverRefusal(_ raw: String, command: String) -> CheckError {
        let message = OutputText.oneLine(raw)
        let code = message.prefix { $0 != " " }
        let lower = message.lowercased()
        switch code {
        case "NOAUTH":
            return CheckError(kind: .authentication, message: "NOAUTH: the server requires a password: give --user/-a or REDISCLI_AUTH (\(message))", stage: command)
        case "WRONGPASS":
            return CheckError(kind: .authentication, message: "AUTH failed: \(message)", stage: command)
        case "NOPERM":
            let needs = command == "INFO" ? "the ACL user needs +info (and, for the other rules, CONFIG GET, SLOWLOG GET, LATENCY LATEST and CLIENT LIST)" : "the ACL user needs +\(command.lowercased())"
            return CheckError(kind: .permission, message: "\(command) refused: \(message): \(needs)", stage: command)
        case "BUSY":
            return CheckError(kind: .serverBusy, message: "the server is not serving: \(message)", stage: command)
        case "LOADING":
            return CheckError(kind: .serverLoading, message: "the server is not serving yet: \(message)", stage: command)
        default:
            if command == "AUTH" || lower.contains("invalid password") || lower.contains("invalid username-password") {
                return CheckError(kind: .authentication, message: "AUTH failed: \(message)", stage: command)
            }
            var text = "\(command) refused: \(message)"
            if lower.contains("unknown command") { text += " (\(command) renamed or disabled with rename-command?)" }
            return CheckError(kind: .commandRefused, message: text, stage: command)
        }
    }
}

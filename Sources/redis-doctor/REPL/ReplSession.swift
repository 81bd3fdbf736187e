import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// The REPL's link to one server: connects lazily, reconnects with backoff, restores
/// what the user set (AUTH, SELECT, CLIENT SETNAME) and notices restarts.
/// Never re-sends a command on its own.
final class ReplSession {
    /// Where to connect, with the credentials given on the command line.
    private(set) var target: ConnectionTarget
    private(set) var state: SessionState
    let timeout: Double
    private(set) var options: ConnectionOptions
    /// Shared with the SIGINT handler: Ctrl-C wakes any wait on the server.
    let canceller: Canceller
    private(set) var connection: Connection?
    /// What INFO said at the last (re)connect: version, role, run id.
    private(set) var serverRun: ServerRun?
    /// Command names from COMMAND LIST, fetched on the first Tab press.
    var serverCommandNames: [String]?
    private var flagsCache: [String: Set<String>?] = [:]
    /// Printed once before the next command after a drop.
    private var pendingLoss: [String] = []

    init(target: ConnectionTarget, timeout: Double, options: ConnectionOptions, canceller: Canceller) {
        self.target = target
        self.state = SessionState(db: target.db, clientName: options.clientName, user: target.user, password: target.password)
        self.timeout = timeout
        self.options = options
        self.canceller = canceller
    }

    var isConnected: Bool { connection?.isOpen == true }

    var serverVersion: ServerVersion? { serverRun?.version.flatMap(ServerVersion.init(parsing:)) }

    var prompt: String {
        ReplPrompt.text(address: target.address, db: state.db, role: serverRun?.role, connected: isConnected, inTransaction: state.inTransaction)
    }

    /// The target a reconnect uses: the typed SELECT and AUTH win over the command line's.
    private var effectiveTarget: ConnectionTarget {
        var t = target
        t.db = state.db
        t.user = state.user
        t.password = state.password
        return t
    }

    /// Points the session at another server; typed state does not carry over.
    func switchTarget(host: String, port: Int) {
        var next = target
        next.endpoint = .tcp(host: host, port: port)
        next.db = 0
        switchTarget(to: next)
    }

    func switchTarget(to next: ConnectionTarget) {
        drop()
        pendingLoss = []
        target = next
        state = SessionState(db: 0, clientName: options.clientName, user: target.user, password: target.password)
        serverRun = nil
        serverCommandNames = nil
        flagsCache = [:]
    }

    /// Forgets the connection after a timeout, a cancel or a drop; the next command reconnects.
    func drop() {
        connection?.close()
        connection = nil
        pendingLoss += state.connectionLost()
    }

    /// Connects if needed. After a drop, refused connections are retried with backoff
    /// (0.1, 0.2, 0.4, 0.8 s: about 1.5 s in all, less than the deadline) so a server that is
    /// restarting gets a moment; a first connect and other failures return at once.
    func ensureConnected() throws(ConnectionError) -> Connection {
        if let connection, connection.isOpen {
            if !connection.closedByPeer { return connection }
            Terminal.out(Style.notice("the server closed the connection while idle; reconnecting") + "\n")
            drop()
        }
        let reconnecting = serverRun != nil
        canceller.reset()
        let deadline = Deadline(seconds: timeout)
        var backoff = 0.1
        var link: Connection
        while true {
            do throws(ConnectionError) {
                link = try Connection.open(effectiveTarget, deadline: deadline, options: connectionOptions, canceller: canceller)
                break
            } catch {
                guard case .refused = error, reconnecting, backoff < 1, deadline.remainingMilliseconds > Int32(backoff * 1000) else { throw error }
                if canceller.sleep(seconds: backoff) { throw ConnectionError.cancelled(stage: .connect) }
                backoff *= 2
            }
        }
        connection = link
        let earlier = serverRun
        do throws(ConnectionError) {
            serverRun = try readServerRun(link, deadline: deadline)
        } catch {
            connection = nil
            throw error
        }
        if reconnecting {
            var notice = "reconnected to \(target.address)"
            var restored: [String] = []
            if state.db != 0 { restored.append("db \(state.db)") }
            if state.password != nil { restored.append("AUTH") }
            if state.clientName != options.clientName { restored.append("client name") }
            if !restored.isEmpty { notice += " (restored " + restored.joined(separator: ", ") + ")" }
            Terminal.out(Style.notice(notice) + "\n")
        }
        if !pendingLoss.isEmpty {
            Terminal.out(Style.warning("lost with the old connection: " + pendingLoss.joined(separator: "; ")) + "\n")
            pendingLoss = []
        }
        if let earlier, let now = serverRun, let restart = now.restartNotice(since: earlier) {
            Terminal.out(Style.warning(OutputText.oneLine(restart)) + "\n")
        }
        return link
    }

    private var connectionOptions: ConnectionOptions {
        var o = options
        o.clientName = state.clientName
        return o
    }

    private func readServerRun(_ link: Connection, deadline: Deadline) throws(ConnectionError) -> ServerRun? {
        let replies = try link.pipeline([["INFO", "server"], ["INFO", "replication"]], deadline: deadline)
        if let message = replies[0].errorMessage {
            // NOAUTH: the handshake's CLIENT SETNAME is best effort, so this is where it shows.
            let advice = message.hasPrefix("NOAUTH") ? "the server requires a password: type AUTH [user] password, or start with -a / REDISCLI_AUTH" : "INFO refused: \(OutputText.oneLine(message))"
            Terminal.out(Style.warning(advice) + "\n")
            return nil
        }
        var info = Info(parsing: replies[0].bytes ?? [])
        info.merge(Info(parsing: replies[1].bytes ?? []))
        return info.isEmpty ? nil : ServerRun(info: info)
    }

    /// Sends one command under the deadline and records what it changed.
    /// On any failure the connection is dropped: a late reply must not answer the next command.
    func execute(_ argv: [[UInt8]]) throws(ConnectionError) -> (reply: RedisReply, micros: UInt64) {
        let link = try ensureConnected()
        canceller.reset()
        let deadline = Deadline(seconds: timeout)
        let reply: RedisReply
        do throws(ConnectionError) {
            reply = try link.send(bytes: argv, deadline: deadline)
        } catch {
            drop()
            throw error
        }
        let micros = UInt64(deadline.elapsedSeconds * 1_000_000)
        let words = argv.map { String(decoding: $0, as: UTF8.self) }
        state.record(words, reply: reply)
        let refreshing: Set<String> = ["SELECT", "REPLICAOF", "SLAVEOF", "AUTH", "HELLO"]
        if refreshing.contains(words.first?.uppercased() ?? ""), !reply.isError, let run = try? readServerRun(link, deadline: Deadline(seconds: timeout)) {
            serverRun = run
        }
        return (reply, micros)
    }

    /// Waits for the next pushed reply (SUBSCRIBE, MONITOR) until Ctrl-C.
    func receive(_ name: String) throws(ConnectionError) -> RedisReply {
        guard let link = connection else { throw ConnectionError.closed(stage: .command(name)) }
        do throws(ConnectionError) {
            return try link.receive(stage: name, deadline: Deadline(seconds: 86_400))
        } catch {
            drop()
            throw error
        }
    }

    /// COMMAND INFO flags for `--read-only`, cached per command; nil when the server cannot say.
    func serverFlags(_ argv: [String]) -> Set<String>? {
        guard let first = argv.first?.lowercased(), let link = connection else { return nil }
        var name = first
        if argv.count > 1, CommandTable.containers.contains(first.uppercased()), let version = serverVersion, version >= ServerVersion(7) {
            name += "|" + argv[1].lowercased()
        }
        if let cached = flagsCache[name] { return cached }
        var flags: Set<String>? = nil
        if let reply = try? link.send(["COMMAND", "INFO", name], deadline: Deadline(seconds: timeout)) {
            flags = CommandPolicy.flags(fromCommandInfo: reply)
        } else {
            drop()
        }
        flagsCache[name] = flags
        return flags
    }
}

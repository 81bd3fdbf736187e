import Glibc
import RedisDoctorCore
import RedisDoctorTLS

/// A connection to one Redis-protocol server over a socket this layer owns.
///
/// Every call takes an absolute deadline covering the write and the whole reply;
/// a `Canceller` can interrupt any wait from another thread or a signal handler.
/// Replies come back raw: interpreting them is Core's job.
public final class Connection {
    public let target: ConnectionTarget
    /// The address actually connected to (`127.0.0.1:6379`, or the socket path).
    public let peer: String
    let options: ConnectionOptions
    let canceller: Canceller?
    private var fd: Int32
    private let reader = ReplyReader()
    private var replyGuard: ReplyGuard
    private var receivedAny = false
    var hasReceivedAny: Bool { receivedAny }
    /// The last error reply, until a non-error one arrives: when the server then closes,
    /// this is why (maxclients, protected mode, a refused AUTH), not "connection closed".
    private var lastError: (stage: ConnectionStage, message: String)?
    /// Set after the handshake: its ignored errors (CLIENT SETNAME answered "max number
    /// of clients reached") still explain a close during the first command. Any other
    /// exchange starts clean, so an old error reply is never blamed for a later close.
    private var carryHandshakeError = false
    var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// The TLS session when the target asks for TLS; every byte then goes through it.
    var tls: TLSClient?

    init(fd: Int32, peer: String, target: ConnectionTarget, options: ConnectionOptions, canceller: Canceller?) {
        self.fd = fd
        self.peer = peer
        self.target = target
        self.options = options
        self.canceller = canceller
        self.replyGuard = ReplyGuard(budget: options.maxReplyBytes)
    }

    deinit {
        close()
    }

    public var isOpen: Bool { fd >= 0 }
    /// The socket, for extensions in this module (getsockname); -1 once closed.
    var descriptor: Int32 { fd }

    public func close() {
        tls = nil
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }

    /// What every connection sends after AUTH (which needs no permission): SELECT and the
    /// best-effort CLIENT SETNAME, for `redis-doctor acl`.
    public static let handshakeCommands: [[String]] = [["SELECT", "0"], ["CLIENT", "SETNAME", "redis-doctor"]]

    /// Connects, then sends AUTH, SELECT and CLIENT SETNAME in one round trip.
    public static func open(
        _ target: ConnectionTarget,
        deadline: Deadline,
        options: ConnectionOptions = ConnectionOptions(),
        canceller: Canceller? = nil
    ) throws(ConnectionError) -> Connection {
        ServerWait.enter(.connect)
        defer { ServerWait.leave() }
        let (fd, peer) = try SocketConnector.connect(target.endpoint, deadline: deadline, canceller: canceller)
        let connection = Connection(fd: fd, peer: peer, target: target, options: options, canceller: canceller)
        if target.tls != nil { try connection.startTLS(deadline: deadline) }
        do throws(ConnectionError) {
            try connection.handshake(deadline: deadline)
        } catch {
            throw connection.plainAtATLSPort(error, deadline: deadline)
        }
        return connection
    }

    private func handshake(deadline: Deadline) throws(ConnectionError) {
        var commands: [[String]] = []
        var stages: [ConnectionStage] = []
        if let password = target.password {
            commands.append(target.user.map { ["AUTH", $0, password] } ?? ["AUTH", password])
            stages.append(.auth)
        }
        if target.db != 0 {
            commands.append(["SELECT", String(target.db)])
            stages.append(.select)
        }
        if let name = options.clientName {
            commands.append(["CLIENT", "SETNAME", name])
            stages.append(.command("CLIENT SETNAME"))
        }
        guard !commands.isEmpty else { return }
        let replies = try exchange(commands.map { $0.map { Array($0.utf8) } }, stages: stages, deadline: deadline)
        for (stage, reply) in zip(stages, replies) {
            guard case .error(let message) = reply else { continue }
            switch stage {
            case .auth, .select:
                close()
                throw ConnectionError.handshake(stage: stage, message: message)
            default: continue  // CLIENT SETNAME is best effort (2.4 lacks it; ACLs may deny it).
            }
        }
        carryHandshakeError = true
    }

    /// From now on, all replies on this connection together may take at most `bytes` of
    /// the reply budget (nil: each reply has its own budget only). Collectors that keep
    /// every reply set this once per run.
    public func limitAllReplies(to bytes: Int?) {
        replyGuard.resetTotal(bytes)
    }

    /// What is left of the overall budget (nil: none is set), to carry to a new connection.
    public var unspentReplyBudget: Int? { replyGuard.unspentTotal }

    /// Sends one command and waits for its reply. `lineLimit`: refuse a text reply with
    /// more lines than this (CLIENT LIST past --client-list-limit), and drop the connection.
    public func send(_ argv: [String], deadline: Deadline, lineLimit: Int? = nil) throws(ConnectionError) -> RedisReply {
        replyGuard.lineLimit = lineLimit
        defer { replyGuard.lineLimit = nil }
        return try exchange([argv.map { Array($0.utf8) }], stages: [Self.stage(of: argv)], deadline: deadline)[0]
    }

    /// Sends one binary command and waits for its reply.
    public func send(bytes argv: [[UInt8]], deadline: Deadline) throws(ConnectionError) -> RedisReply {
        try exchange([argv], stages: [.command(CommandName.of(bytes: argv))], deadline: deadline)[0]
    }

    /// Sends several commands in one write and reads their replies in order.
    public func pipeline(_ commands: [[String]], deadline: Deadline) throws(ConnectionError) -> [RedisReply] {
        try exchange(commands.map { $0.map { Array($0.utf8) } }, stages: commands.map(Self.stage(of:)), deadline: deadline)
    }

    /// Reads one more reply without sending anything: the messages after SUBSCRIBE or MONITOR.
    public func receive(stage: String, deadline: Deadline) throws(ConnectionError) -> RedisReply {
        guard fd >= 0 else { throw ConnectionError.closed(stage: .command(stage)) }
        defer { ServerWait.leave() }
        do throws(ConnectionError) {
            return try readReply(stage: .command(stage), deadline: deadline)
        } catch {
            close()
            throw error
        }
    }

    /// True when the server has closed its end (a restart, a CLIENT KILL, a timeout) while
    /// the connection sat idle. Checked without blocking before a command is sent, so the
    /// REPL can reconnect first instead of losing the user's command to a dead socket.
    public var closedByPeer: Bool {
        guard fd >= 0 else { return true }
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, 0) > 0 else { return false }
        if pfd.revents & Int16(POLLERR | POLLHUP) != 0 { return true }
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
    }

    /// The stage name of a command: container commands keep their subcommand (`CLIENT LIST`).
    static func stage(of argv: [String]) -> ConnectionStage {
        .command(CommandName.of(argv))
    }

    /// Sends a prepared batch in one write and reads its replies in order; `stage` names
    /// them all in a timeout message.
    public func pipeline(_ batch: CommandBatch, stage: String, deadline: Deadline) throws(ConnectionError) -> [RedisReply] {
        try exchange(payload: batch.payload, stages: Array(repeating: .command(stage), count: batch.count), deadline: deadline)
    }

    private func exchange(_ commands: [[[UInt8]]], stages: [ConnectionStage], deadline: Deadline) throws(ConnectionError) -> [RedisReply] {
        var payload: [UInt8] = []
        for argv in commands { CommandEncoder.encode(argv, into: &payload) }
        return try exchange(payload: payload, stages: stages, deadline: deadline)
    }

    private func exchange(payload: [UInt8], stages: [ConnectionStage], deadline: Deadline) throws(ConnectionError) -> [RedisReply] {
        guard fd >= 0 else { throw ConnectionError.closed(stage: stages.first ?? .connect) }
        ServerWait.enter(stages.first ?? .connect)
        defer { ServerWait.leave() }
        if !carryHandshakeError { lastError = nil }
        carryHandshakeError = false
        do throws(ConnectionError) {
            do throws(ConnectionError) {
                try writeAll(payload, stage: stages.first ?? .connect, deadline: deadline)
            } catch {
                // The server may have said why before it closed (maxclients answers at once).
                throw refusalBeforeClose(error, stage: stages.first ?? .connect)
            }
            var replies: [RedisReply] = []
            replies.reserveCapacity(stages.count)
            for stage in stages {
                replies.append(try readReply(stage: stage, deadline: deadline))
            }
            return replies
        } catch {
            // After a timeout or a cancel the stream is out of step: a late reply
            // would be taken for the next command's. Drop the connection.
            close()
            throw error
        }
    }

    private func writeAll(_ bytes: [UInt8], stage: ConnectionStage, deadline: Deadline) throws(ConnectionError) {
        var offset = 0
        if tls != nil {
            while offset < bytes.count {
                offset += try tlsWrite(bytes, from: offset, stage: stage, deadline: deadline)
            }
            return
        }
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                offset += n
                continue
            }
            let err = errno
            if n < 0 && (err == EAGAIN || err == EWOULDBLOCK || err == EINTR) {
                try wait(for: Int16(POLLOUT), stage: stage, deadline: deadline)
                continue
            }
            throw Self.ioError(err, call: "send", stage: stage)
        }
    }

    private func readReply(stage: ConnectionStage, deadline: Deadline) throws(ConnectionError) -> RedisReply {
        // The stage is marked for the watchdog only when this reply must be waited for: in a
        // pipeline most replies are already in the buffer.
        var marked = false
        while true {
            if let reply = try reader.next() {
                if reply.isError { lastError = reply.errorMessage.map { (stage, $0) } } else { lastError = nil }
                return reply
            }
            if !marked {
                ServerWait.enter(stage)
                marked = true
            }
            let n: Int
            if tls != nil {
                n = try tlsRead(stage: stage, deadline: deadline)
            } else {
                try wait(for: Int16(POLLIN), stage: stage, deadline: deadline)
                n = readBuffer.withUnsafeMutableBytes { raw in
                    Glibc.recv(fd, raw.baseAddress!, raw.count, 0)
                }
            }
            if n == 0 { throw refusalBeforeClose(.closed(stage: stage), stage: stage) }
            if n < 0 {
                let err = errno
                if err == EAGAIN || err == EWOULDBLOCK || err == EINTR { continue }
                throw refusalBeforeClose(Self.ioError(err, call: "recv", stage: stage), stage: stage)
            }
            if !receivedAny {
                receivedAny = true
                try sniffFirstBytes(count: n, stage: stage, deadline: deadline)
            }
            try feed(readBuffer[0..<n])
        }
    }

    /// Passes bytes to hiredis only once the guard has checked them against the budget.
    private func feed(_ bytes: ArraySlice<UInt8>) throws(ConnectionError) {
        do throws(ReplyGuard.Violation) {
            try replyGuard.scan(bytes)
        } catch {
            switch error {
            case .tooLarge(let what): throw ConnectionError.replyTooLarge(detail: what)
            case .tooManyLines(let limit): throw ConnectionError.tooManyLines(limit: limit)
            case .malformed(let what): throw ConnectionError.protocolError(what)
            }
        }
        try reader.feed(bytes)
    }

    /// When the peer closed or reset the connection, the error reply it sent first (read
    /// now if it is still unread) is the message: "max number of clients reached".
    private func refusalBeforeClose(_ error: ConnectionError, stage: ConnectionStage) -> ConnectionError {
        switch error {
        case .closed, .reset: break
        default: return error
        }
        if lastError == nil, fd >= 0 {
            // Bytes that arrived before the close are still readable.
            while lastError == nil {
                let n = readBuffer.withUnsafeMutableBytes { readNow(into: $0) }
                guard n > 0, (try? feed(readBuffer[0..<n])) != nil else { break }
                while let reply = try? reader.next() {
                    if let message = reply.errorMessage { lastError = (stage, message) }
                }
            }
        }
        guard let (errorStage, message) = lastError else { return error }
        if errorStage == .auth || errorStage == .select { return .handshake(stage: errorStage, message: message) }
        return .refusedByServer(message: message)
    }

    /// Names the protocol when the first byte of the first reply is not RESP:
    /// an HTTP server, a TLS port, an SSH banner. hiredis would only say "protocol error".
    private func sniffFirstBytes(count: Int, stage: ConnectionStage, deadline: Deadline) throws(ConnectionError) {
        // A switch, not a Set: the first Set<UInt8> of a process scans every protocol
        // conformance in the binary (about 0.2 M instructions, callgrind).
        switch readBuffer[0] {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "$"), UInt8(ascii: "*"): return
        default: break
        }
        var seen = Array(readBuffer[0..<count])
        // Gather up to one line so "HTTP/1.1 400" is recognisable even if it came in pieces.
        while seen.count < 64 && !seen.contains(UInt8(ascii: "\n")) && !deadline.hasPassed {
            guard (try? wait(for: Int16(POLLIN), stage: stage, deadline: deadline)) != nil else { break }
            let n = readBuffer.withUnsafeMutableBytes { readNow(into: $0) }
            if n <= 0 { break }
            seen += readBuffer[0..<n]
        }
        throw ConnectionError.notRedis(what: ProtocolSniffer.describe(seen))
    }

    func wait(for events: Int16, stage: ConnectionStage, deadline: Deadline) throws(ConnectionError) {
        try SocketConnector.wait(fd: fd, events: events, stage: stage, deadline: deadline, canceller: canceller)
    }

    static func ioError(_ err: Int32, call: String, stage: ConnectionStage) -> ConnectionError {
        switch err {
        case ECONNRESET: return .reset(stage: stage)
        case EPIPE: return .closed(stage: stage)
        default: return .system(stage: stage, call: call, errno: err, message: String(cString: strerror(err)))
        }
    }
}

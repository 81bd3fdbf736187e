/// Everything read from one server at one moment: the seam between acquiring and evaluating.
///
/// The client fills it with raw replies exactly as received; every analysis path
/// (live, `--from-snapshot`, `--from-file`) parses from here, so production and
/// tests share one parsing code path.
public struct Snapshot: Sendable, Equatable {
    /// Where the replies came from, without credentials (`127.0.0.1:6379/0`, `unix:///path`).
    public var target: String
    /// Wall-clock time on the capturing host, in microseconds since the epoch, if known.
    /// Rules prefer the server's own `server_time_usec`; see `Snapshot+Time`.
    public var takenAtMicros: Int64?
    /// The commands sent, in order, with their replies (error replies included).
    public var exchanges: [Exchange]
    /// Commands deliberately not sent, with the reason (a bound, an old server).
    public var skipped: [SkippedCommand]
    /// The TLS session's certificates, when the replies came over TLS.
    public var tlsPeer: TLSPeer?
    /// What was read on the server's host (/proc, /sys, the disk of `dir`), or why nothing was.
    public var host: HostCapture?
    /// Where `takenAtMicros` came from when it is not the capture itself (pasted INFO:
    /// `--taken-at`, or the file's modification time), for evidence. Not stored in files.
    public var takenAtSource: String?

    public init(target: String, takenAtMicros: Int64? = nil, exchanges: [Exchange] = [], skipped: [SkippedCommand] = []) {
        self.target = target
        self.takenAtMicros = takenAtMicros
        self.exchanges = exchanges
        self.skipped = skipped
    }
}

/// One command and the server's reply to it.
public struct Exchange: Sendable, Equatable {
    /// The command in argv form. Never holds a secret: AUTH is not recorded.
    public var command: [String]
    public var reply: RedisReply
    /// Round-trip time measured by the client, in microseconds, if measured.
    public var elapsedMicros: Int64?

    public init(command: [String], reply: RedisReply, elapsedMicros: Int64? = nil) {
        self.command = command
        self.reply = reply
        self.elapsedMicros = elapsedMicros
    }
}

/// A command the collector chose not to send, and why.
public struct SkippedCommand: Sendable, Equatable {
    public var command: [String]
    public var reason: String

    public init(command: [String], reason: String) {
        self.command = command
        self.reason = reason
    }
}

extension Snapshot {
    /// The first exchange whose command matches `command`, compared case-insensitively.
    public func exchange(_ command: String...) -> Exchange? {
        exchanges.first { ex in
            ex.command.count == command.count
                && zip(ex.command, command).allSatisfy { $0.lowercased() == $1.lowercased() }
        }
    }

    /// The reply to `command`, or nil when it was not sent.
    public func reply(_ command: String...) -> RedisReply? {
        exchanges.first { ex in
            ex.command.count == command.count
                && zip(ex.command, command).allSatisfy { $0.lowercased() == $1.lowercased() }
        }?.reply
    }

    /// The commands the server refused (an error reply), with its message.
    public var refused: [(command: [String], reason: String)] {
        exchanges.compactMap { ex in ex.reply.errorMessage.map { (ex.command, $0) } }
    }
}

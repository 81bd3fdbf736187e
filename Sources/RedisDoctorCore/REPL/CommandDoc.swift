/// What the REPL knows about one command without asking the server:
/// syntax for hints, a one-line summary, complexity, the version it appeared in, and its flags.
public struct CommandDoc: Sendable, Equatable {
    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Changes data.
        public static let write = Flags(rawValue: 1)
        /// Administrative: configuration, persistence, replication, shutdown.
        public static let admin = Flags(rawValue: 2)
        /// Can block the server or wipe data; the REPL may ask before sending.
        public static let dangerous = Flags(rawValue: 4)
    }

    /// Upper case; container subcommands have both words (`CLIENT LIST`).
    public var name: String
    /// The arguments after the name, in redis.io's notation.
    public var arguments: String
    public var summary: String
    public var complexity: String
    /// The Redis version that introduced the command.
    public var since: ServerVersion
    public var flags: Flags

    public init(_ name: String, _ arguments: String, _ summary: String, _ complexity: String, since: String, _ flags: Flags = []) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.complexity = complexity
        self.since = ServerVersion(parsing: since) ?? ServerVersion(1)
        self.flags = flags
    }

    /// `GET key`
    public var syntax: String { arguments.isEmpty ? name : name + " " + arguments }
}

/// The REPL's own commands, prefixed with ':' so they never collide with server commands.
public enum ReplMetaCommand: Equatable, Sendable {
    case check
    /// The diagnoses of a check, as `redis-doctor diagnose` prints them.
    case diagnose
    case clients(idleSeconds: Int)
    case watch(seconds: Double)
    case explain(field: String)
    case snapshot(path: String)
    case connect(host: String, port: Int)
    /// `:connect rediss://host:6380`: the URI's TLS, user and password replace the session's.
    case connectURI(String)
    /// The `cluster` triage view from this connection's node.
    case cluster
    case help

    public static let names = [":check", ":diagnose", ":clients", ":cluster", ":watch", ":explain", ":snapshot", ":connect", ":help"]

    public static let usage: [(String, String)] = [
        (":check", "run the health rules on this connection and print the report"),
        (":diagnose", "name the root cause of the findings, with the next step (a second :check or :diagnose compares with the first)"),
        (":clients [IDLE]", "CLIENT LIST grouped into per-process pools, worst first; IDLE seconds count as stale (default 3600)"),
        (":cluster", "every node of this Redis Cluster by shard: flags as most nodes see them, links, lag, memory, ops/s"),
        (":watch [SECONDS]", "refresh key INFO counters with per-second rates every SECONDS (default 1); Ctrl-C stops"),
        (":explain FIELD", "what an INFO field means, its unit, healthy range and current value"),
        (":snapshot FILE", "save everything a check reads into FILE (redacted; see Docs/snapshot-format.md)"),
        (":connect HOST PORT", "switch to another server (TLS options kept), or :connect URI (redis:// or rediss://)"),
        (":help", "this list"),
        ("help [COMMAND]", "a command's syntax, summary, complexity and version; without COMMAND, the basics"),
        ("quit, exit, Ctrl-D", "leave"),
    ]

    /// Parses a line starting with ':'; the error text is ready to print.
    public static func parse(_ argv: [String]) -> Result<ReplMetaCommand, MetaCommandError> {
        guard let name = argv.first?.lowercased() else { return .failure(MetaCommandError("empty command")) }
        let args = Array(argv.dropFirst())
        switch name {
        case ":check":
            return args.isEmpty ? .success(.check) : .failure(MetaCommandError("usage: :check"))
        case ":diagnose":
            return args.isEmpty ? .success(.diagnose) : .failure(MetaCommandError("usage: :diagnose"))
        case ":clients":
            guard args.count <= 1 else { return .failure(MetaCommandError("usage: :clients [IDLE_SECONDS]")) }
            guard let text = args.first else { return .success(.clients(idleSeconds: 3600)) }
            guard let idle = Int(text), idle >= 0 else {
                return .failure(MetaCommandError("usage: :clients [IDLE_SECONDS], with IDLE_SECONDS a whole number of seconds"))
            }
            return .success(.clients(idleSeconds: idle))
        case ":watch":
            guard args.count <= 1 else { return .failure(MetaCommandError("usage: :watch [SECONDS]")) }
            guard let text = args.first else { return .success(.watch(seconds: 1)) }
            guard let seconds = Double(text), seconds >= 0.1, seconds <= 3600 else {
                return .failure(MetaCommandError("usage: :watch [SECONDS], with SECONDS between 0.1 and 3600"))
            }
            return .success(.watch(seconds: seconds))
        case ":explain":
            guard args.count == 1 else { return .failure(MetaCommandError("usage: :explain FIELD (an INFO field such as used_memory)")) }
            return .success(.explain(field: args[0]))
        case ":snapshot":
            guard args.count == 1 else { return .failure(MetaCommandError("usage: :snapshot FILE")) }
            return .success(.snapshot(path: args[0]))
        case ":connect":
            guard args.count == 2 || args.count == 1 else { return .failure(MetaCommandError("usage: :connect HOST PORT, or :connect URI")) }
            if args.count == 1, args[0].contains("://") { return .success(.connectURI(args[0])) }
            let port = args.count == 2 ? Int(args[1]) : ConnectionTarget.defaultPort
            guard let port, port > 0, port < 65536 else { return .failure(MetaCommandError("usage: :connect HOST PORT (port 1-65535)")) }
            return .success(.connect(host: args[0], port: port))
        case ":cluster":
            return args.isEmpty ? .success(.cluster) : .failure(MetaCommandError("usage: :cluster"))
        case ":help":
            return .success(.help)
        default:
            return .failure(MetaCommandError("unknown command '\(name)'; try :help"))
        }
    }

    public static var helpText: String {
        let width = usage.map(\.0.count).max() ?? 0
        return usage.map { $0.0 + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }.joined(separator: "\n") + "\n"
    }
}

public struct MetaCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

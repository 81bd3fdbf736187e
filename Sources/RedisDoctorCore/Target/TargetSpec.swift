/// Connection settings as the user gave them (options, URI, environment), before resolution.
public struct TargetSpec: Sendable, Equatable {
    public var host: String?
    public var port: Int?
    public var socket: String?
    public var password: String?
    public var user: String?
    public var db: Int?
    public var uri: String?
    /// REDISCLI_AUTH, read by the executable: used when no password is given otherwise.
    public var environmentPassword: String?
    /// `--tls`: speak TLS (a rediss:// URI says so too).
    public var tlsRequested = false
    /// `--cacert`, `--cert`, `--sni`, `--insecure`...: how, when TLS is spoken.
    public var tls = TLSSettings()

    public init(host: String? = nil, port: Int? = nil, socket: String? = nil, password: String? = nil,
                user: String? = nil, db: Int? = nil, uri: String? = nil, environmentPassword: String? = nil,
                tlsRequested: Bool = false, tls: TLSSettings = TLSSettings()) {
        self.host = host
        self.port = port
        self.socket = socket
        self.password = password
        self.user = user
        self.db = db
        self.uri = uri
        self.environmentPassword = environmentPassword
        self.tlsRequested = tlsRequested
        self.tls = tls
    }

    /// The URI is the base; explicit options override its parts, as in redis-cli.
    public func resolve() throws(TargetError) -> ConnectionTarget {
        var target = try uri.map { (u) throws(TargetError) in try ConnectionTarget.parse(uri: u) }
            ?? ConnectionTarget(endpoint: .tcp(host: ConnectionTarget.defaultHost, port: ConnectionTarget.defaultPort))
        if let socket {
            guard host == nil, port == nil else {
                throw TargetError("--socket cannot be combined with --host or --port")
            }
            target.endpoint = .unix(path: socket)
        } else if host != nil || port != nil {
            var currentHost = ConnectionTarget.defaultHost
            var currentPort = ConnectionTarget.defaultPort
            if case .tcp(let h, let p) = target.endpoint {
                currentHost = h
                currentPort = p
            }
            if let port, !(1...65535).contains(port) {
                throw TargetError("port \(port) is not a number from 1 to 65535")
            }
            target.endpoint = .tcp(host: host ?? currentHost, port: port ?? currentPort)
        }
        if let db {
            guard db >= 0 else { throw TargetError("database \(db) is negative") }
            target.db = db
        }
        if let user { target.user = user }
        if let password { target.password = password }
        if target.password == nil, let environmentPassword, !environmentPassword.isEmpty {
            target.password = environmentPassword
        }
        if tlsRequested || target.tls != nil {
            if case .unix = target.endpoint { throw TargetError("TLS needs a host and port, not a unix socket") }
            target.tls = tls
        } else if tls != TLSSettings() {
            // Certificates given for a plain connection: the user meant TLS and forgot to say so.
            throw TargetError("TLS options (--cacert, --cacertdir, --cert, --key, --sni, --insecure) need --tls or a rediss:// URI")
        }
        return target
    }

    /// True when a password sits on the command line, where `ps` shows it.
    public var passwordOnCommandLine: Bool {
        password != nil || (uri.map { ConnectionTarget.redacted($0) != $0 } ?? false)
    }
}

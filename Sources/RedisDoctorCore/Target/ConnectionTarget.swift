/// Where to connect and how to log in. Pure data: the client layer does the I/O.
public struct ConnectionTarget: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case unix(path: String)
    }

    public var endpoint: Endpoint
    /// ACL user (Redis 6+). Nil means the legacy one-argument AUTH.
    public var user: String?
    /// Never printed, logged or stored: `description` leaves it out.
    public var password: String?
    public var db: Int
    /// Nil: plain text. Set by `--tls` or a `rediss://` URI.
    public var tls: TLSSettings?

    public init(endpoint: Endpoint, user: String? = nil, password: String? = nil, db: Int = 0, tls: TLSSettings? = nil) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.db = db
        self.tls = tls
    }

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 6379
}

extension ConnectionTarget: CustomStringConvertible {
    /// The target as shown to users and used as the state-file key: no credentials.
    /// `127.0.0.1:6379`, `[::1]:6380/2`, `unix:/run/redis.sock/3`.
    public var description: String {
        var text: String
        switch endpoint {
        case .tcp(let host, let port):
            text = HostPort.format(host: host, port: port)
        case .unix(let path):
            text = "unix:\(path)"
        }
        if db != 0 { text += "/\(db)" }
        return text
    }

    /// Host and port (or socket path) without the db, for prompts and messages.
    public var address: String {
        switch endpoint {
        case .tcp(let host, let port):
            return HostPort.format(host: host, port: port)
        case .unix(let path):
            return path
        }
    }
}

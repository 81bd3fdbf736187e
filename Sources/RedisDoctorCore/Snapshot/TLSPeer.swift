/// What the TLS handshake showed of the server: its certificate and the session.
public struct TLSPeer: Sendable, Equatable {
    /// `/CN=cache.example`.
    public var subject: String
    public var issuer: String
    /// notAfter, in seconds since the epoch.
    public var notAfter: Double?
    /// subjectAltName entries: `DNS:cache.example`, `IP:127.0.0.1`.
    public var names: [String]
    /// `TLSv1.3`.
    public var protocolVersion: String
    public var cipher: String

    public init(subject: String, issuer: String, notAfter: Double?, names: [String], protocolVersion: String, cipher: String) {
        self.subject = subject
        self.issuer = issuer
        self.notAfter = notAfter
        self.names = names
        self.protocolVersion = protocolVersion
        self.cipher = cipher
    }
}

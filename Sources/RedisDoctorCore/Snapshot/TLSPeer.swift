/// What the TLS handshake showed: the server's certificate, the session, and the client
/// certificate this side presented (whose expiry breaks the monitoring itself).
public struct TLSPeer: Sendable, Hashable {
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
    /// The `--cert` given, if any.
    public var clientSubject: String?
    public var clientNotAfter: Double?

    public init(subject: String, issuer: String, notAfter: Double?, names: [String], protocolVersion: String, cipher: String,
                clientSubject: String? = nil, clientNotAfter: Double? = nil) {
        self.subject = subject
        self.issuer = issuer
        self.notAfter = notAfter
        self.names = names
        self.protocolVersion = protocolVersion
        self.cipher = cipher
        self.clientSubject = clientSubject
        self.clientNotAfter = clientNotAfter
    }
}

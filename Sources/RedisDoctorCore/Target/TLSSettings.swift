/// How to speak TLS to a server, as redis-cli spells it: `--tls`, `--cacert`,
/// `--cacertdir`, `--cert`, `--key`, `--sni`, `--insecure`, or a `rediss://` URI.
/// Pure data: the TLS layer loads OpenSSL and does the handshake.
public struct TLSSettings: Sendable, Equatable {
    /// CA bundle to trust (`--cacert`); with neither this nor `caDirectory`, the system's.
    public var caCertificate: String?
    /// Directory of hashed CA certificates (`--cacertdir`).
    public var caDirectory: String?
    /// Client certificate (`--cert`), for servers with tls-auth-clients.
    public var certificate: String?
    /// Its private key (`--key`).
    public var privateKey: String?
    /// The name sent as SNI and checked against the certificate (`--sni`); else the host.
    public var serverName: String?
    /// False with `--insecure`: neither the chain nor the name is checked.
    public var verify: Bool

    public init(caCertificate: String? = nil, caDirectory: String? = nil, certificate: String? = nil,
                privateKey: String? = nil, serverName: String? = nil, verify: Bool = true) {
        self.caCertificate = caCertificate
        self.caDirectory = caDirectory
        self.certificate = certificate
        self.privateKey = privateKey
        self.serverName = serverName
        self.verify = verify
    }
}

import ArgumentParser
import RedisDoctorCore

/// Connection options, spelled as redis-cli spells them so muscle memory works.
struct ConnectionOptionGroup: ParsableArguments {
    @Option(name: [.customShort("h"), .long], help: "Server hostname or IP address (default: 127.0.0.1).")
    var host: String?

    @Option(name: [.customShort("p"), .long], help: "Server port (default: 6379).")
    var port: Int?

    @Option(name: [.customShort("s"), .long], help: "Server unix socket (overrides host and port).")
    var socket: String?

    @Option(name: [.customShort("a"), .long], help: "Password. Visible in ps: prefer the REDISCLI_AUTH environment variable.")
    var pass: String?

    @Option(name: .long, help: "ACL user name (Redis 6+).")
    var user: String?

    @Option(name: [.customShort("n"), .long], help: "Database number.")
    var db: Int?

    @Option(name: [.customShort("u"), .long], help: "Target as redis://[user[:password]@]host[:port][/db] or unix:///path?db=N.")
    var uri: String?

    @Option(name: [.customShort("t"), .long], help: "Absolute deadline in seconds for the whole run, above 0 and at most 86400.")
    var timeout: Double?

    @Option(name: .long, help: "Reply budget in bytes: each element counts 32 bytes more; check and snapshot share it across a run (default: 33554432).")
    var maxReplyBytes: Int?

    @Flag(name: .long, help: "Speak TLS (as a rediss:// URI does); the server's certificate and name are verified.")
    var tls = false

    @Option(name: .long, help: ArgumentHelp("CA certificate bundle to trust (default: the system's).", valueName: "file"))
    var cacert: String?

    @Option(name: .long, help: ArgumentHelp("Directory of hashed CA certificates to trust.", valueName: "dir"))
    var cacertdir: String?

    @Option(name: .long, help: ArgumentHelp("Client certificate, for servers with tls-auth-clients.", valueName: "file"))
    var cert: String?

    @Option(name: .long, help: ArgumentHelp("Private key of --cert.", valueName: "file"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp("Server name for SNI and the certificate check (default: the host).", valueName: "name"))
    var sni: String?

    @Flag(name: .long, help: "Do not verify the server's certificate or name (a warning says so on stderr).")
    var insecure = false

    var settings: ConnectionSettings {
        ConnectionSettings(
            spec: TargetSpec(host: host, port: port, socket: socket, password: pass, user: user, db: db, uri: uri,
                             environmentPassword: Terminal.environment("REDISCLI_AUTH"),
                             tlsRequested: tls,
                             tls: TLSSettings(caCertificate: cacert, caDirectory: cacertdir, certificate: cert, privateKey: key,
                                              serverName: sni, verify: !insecure)),
            timeout: timeout, maxReplyBytes: maxReplyBytes)
    }
}

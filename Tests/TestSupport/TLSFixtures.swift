import Foundation

/// A throwaway PKI made with the `openssl` command: a CA, server certificates (valid, for
/// another name, expiring in 10 days, expired), a client certificate, and a second CA
/// that signed nothing the server uses. Each test file makes one set.
public struct TLSFixtures: Sendable {
    public let directory: String
    public var ca: String { directory + "/ca.crt" }
    public var otherCA: String { directory + "/other-ca.crt" }
    public var clientCert: String { directory + "/client.crt" }
    public var clientKey: String { directory + "/client.key" }
    public func serverCert(_ name: String) -> String { directory + "/\(name).crt" }
    public func serverKey(_ name: String) -> String { directory + "/\(name).key" }

    public enum Failure: Error, CustomStringConvertible {
        case openssl(String)
        public var description: String { if case .openssl(let text) = self { return text }; return "" }
    }

    public init() throws {
        directory = try TemporaryDirectory.make(prefix: "redis-doctor-tls")
        let ec = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
        try run("openssl req -x509 \(ec) -keyout ca.key -out ca.crt -days 30 -subj '/CN=redis-doctor test CA'")
        try run("openssl req -x509 \(ec) -keyout other-ca.key -out other-ca.crt -days 30 -subj '/CN=some other CA'")
        try issue("server", subject: "/CN=localhost", san: "DNS:localhost,IP:127.0.0.1,IP:::1", days: 30)
        try issue("wrongname", subject: "/CN=cache.example", san: "DNS:cache.example", days: 30)
        try issue("soon", subject: "/CN=localhost", san: "DNS:localhost,IP:127.0.0.1", days: 10)
        try issue("client", subject: "/CN=redis-doctor client", san: nil, days: 30)
        // OpenSSL 3.0 refuses a non-positive -days: an expired certificate needs `openssl ca`.
        try """
            [ca]
            default_ca = test
            [test]
            database = index.txt
            new_certs_dir = .
            serial = serial
            default_md = sha256
            policy = anything
            copy_extensions = copy
            [anything]
            commonName = supplied
            """.write(toFile: directory + "/ca.cnf", atomically: false, encoding: .utf8)
        try "".write(toFile: directory + "/index.txt", atomically: false, encoding: .utf8)
        try "1000\n".write(toFile: directory + "/serial", atomically: false, encoding: .utf8)
        try run("openssl req \(ec) -keyout expired.key -out expired.csr -subj '/CN=localhost' -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1'")
        try run("openssl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key -in expired.csr -out expired.crt -startdate 20200101000000Z -enddate 20200201000000Z -notext")
    }

    private func issue(_ name: String, subject: String, san: String?, days: Int) throws {
        try run("openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout \(name).key -out \(name).csr -subj '\(subject)'")
        let ext = san.map { "printf 'subjectAltName=\($0)\\n' > \(name).ext && " } ?? "printf '' > \(name).ext && "
        try run(ext + "openssl x509 -req -in \(name).csr -CA ca.crt -CAkey ca.key -CAcreateserial -out \(name).crt -days \(days) -extfile \(name).ext")
    }

    private func run(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.openssl("\(command): \(String(decoding: data, as: UTF8.self))") }
    }

    /// redis-server arguments for a TLS port with the certificate `name`, clients not
    /// asked for a certificate unless `requireClientCert`.
    public func serverArguments(tlsPort: Int, certificate name: String = "server", requireClientCert: Bool = false) -> [String] {
        ["--tls-port", String(tlsPort), "--tls-cert-file", serverCert(name), "--tls-key-file", serverKey(name),
         "--tls-ca-cert-file", ca, "--tls-auth-clients", requireClientCert ? "yes" : "no"]
    }
}

import Foundation
import Glibc
import Testing
import TestSupport

/// TLS against real redis-server TLS ports, with a PKI made once for the file by `openssl`.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"), .serialized)
struct TLSConnectionTests {
    static let pki = Result { try TLSFixtures() }

    /// A server with a plain port (`port`) and a TLS port, the certificate `name`.
    func server(certificate name: String = "server", requireClientCert: Bool = false) throws -> (RedisServerProcess, tlsPort: Int) {
        let pki = try Self.pki.get()
        let tlsPort = try FreePort.find()
        let server = try RedisServerProcess(pki.serverArguments(tlsPort: tlsPort, certificate: name, requireClientCert: requireClientCert))
        return (server, tlsPort)
    }

    @Test func aCheckAndASendPassOverTLS() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server()
        defer { server.stop() }
        let check = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "check"])
        #expect(check.exitCode == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.hasPrefix("REDIS OK - "), "\(check.stdout)")
        let send = try CommandRun.run(["-u", "rediss://localhost:\(tlsPort)", "--cacert", pki.ca, "send", "PING"])
        #expect(send.exitCode == 0, "\(send.stderr)")
        #expect(send.stdout == "PONG\n", "\(send.stdout)")
        // The slow path (ArgumentParser) builds the same TLS request: clients goes through it.
        let clients = try CommandRun.run(["--tls", "-p", String(tlsPort), "--cacert", pki.ca, "clients", "--idle", "1"])
        #expect(clients.exitCode == 0, "\(clients.stderr)")
    }

    @Test func anUnknownCAIsCriticalWithOpenSSLsReason() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server()
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.otherCA, "check", "--format", "json"])
        #expect(run.exitCode == 2, "\(run.stdout)")
        #expect(run.stdout.contains("\"kind\":\"tls\""), "\(run.stdout)")
        #expect(run.stdout.contains("certificate verify failed: self-signed certificate in certificate chain (verify code 19); give the CA that signed it with --cacert"), "\(run.stdout)")
        #expect(try JSONSchemaValidator.validate(run.stdout).status == 0)
    }

    @Test func aNameMismatchNamesBothSidesAndSNIFixesIt() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server(certificate: "wrongname")
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "check"])
        #expect(run.exitCode == 2, "\(run.stdout)")
        #expect(run.stdout.contains("the certificate is not for '127.0.0.1'; it names DNS:cache.example"), "\(run.stdout)")
        let sni = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "--sni", "cache.example", "send", "PING"])
        #expect(sni.exitCode == 0, "\(sni.stderr)")
    }

    @Test func anExpiredCertificateSaysWhen() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server(certificate: "expired")
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "check"])
        #expect(run.exitCode == 2, "\(run.stdout)")
        #expect(run.stdout.contains("the server certificate expired on 2020-02-01T00:00:00Z"), "\(run.stdout)")
        // --insecure connects all the same, and says on stderr that nothing was verified.
        let insecure = try CommandRun.run(["-p", String(tlsPort), "--tls", "--insecure", "send", "PING"])
        #expect(insecure.exitCode == 0, "\(insecure.stderr)")
        #expect(insecure.stderr.contains("warning: --insecure: the server's certificate and name are not verified"))
    }

    /// tls-certificate: 10 days left is a WARNING, live and from a snapshot taken over TLS.
    @Test func aCertificateExpiringSoonWarnsLiveAndFromASnapshot() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server(certificate: "soon")
        defer { server.stop() }
        let live = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "check", "--only", "tls-certificate"])
        #expect(live.exitCode == 1, "\(live.stdout)")
        #expect(live.stdout.hasPrefix("REDIS WARNING - the server certificate expires in 9 days")
                || live.stdout.hasPrefix("REDIS WARNING - the server certificate expires in 10 days"), "\(live.stdout)")
        #expect(live.stdout.contains("'tls_days_left'="), "\(live.stdout)")
        let file = try TemporaryDirectory.make(prefix: "redis-doctor-tls-snapshot") + "/s.snapshot"
        let snapshot = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "snapshot", "-o", file])
        #expect(snapshot.exitCode == 0, "\(snapshot.stderr)")
        let offline = try CommandRun.run(["check", "--from-snapshot", file, "--only", "tls-certificate"])
        #expect(offline.exitCode == 1, "\(offline.stdout)")
        #expect(offline.stdout.contains("subject /CN=localhost"), "\(offline.stdout)")
        // A plain connection skips the rule.
        let plain = try CommandRun.run(["-p", String(server.port), "check", "--format", "json"])
        #expect(plain.stdout.contains("\"rule\":\"tls-certificate\",\"status\":\"skipped\""), "\(plain.stdout)")
    }

    @Test func anExpiredCertificateReachedWithInsecureIsCritical() throws {
        let (server, tlsPort) = try server(certificate: "expired")
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--insecure", "check", "--only", "tls-certificate"])
        #expect(run.exitCode == 2, "\(run.stdout)")
        #expect(run.stdout.hasPrefix("REDIS CRITICAL - the server certificate expired"), "\(run.stdout)")
        #expect(run.stdout.contains("notAfter 2020-02-01T00:00:00Z"), "\(run.stdout)")
    }

    /// A server limited to TLS 1.1: OpenSSL 3's security level refuses it, and the message says why.
    @Test func aLegacyTLSServerIsNamedAsSuch() throws {
        let pki = try Self.pki.get()
        let tlsPort = try FreePort.find()
        let server = try RedisServerProcess(pki.serverArguments(tlsPort: tlsPort) + ["--tls-protocols", "TLSv1.1", "--tls-ciphers", "DEFAULT@SECLEVEL=0"])
        defer { server.stop() }
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "check"])
        #expect(run.exitCode == 2, "\(run.stdout)")
        #expect(run.stdout.contains("the server offers only TLS below 1.2, refused by OpenSSL's security level"), "\(run.stdout)")
    }

    @Test func aRequiredClientCertificateIsNamedThenAccepted() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server(requireClientCert: true)
        defer { server.stop() }
        let missing = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "check"])
        #expect(missing.exitCode == 2, "\(missing.stdout)")
        // OpenSSL's alert, or the reset that can overtake it: either way the cause is named.
        #expect(missing.stdout.contains("the server requires a client certificate (give --cert and --key)")
                || missing.stdout.contains("as one that requires a client certificate does (tls-auth-clients yes): give --cert and --key"), "\(missing.stdout)")
        let given = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "--cert", pki.clientCert, "--key", pki.clientKey, "check"])
        #expect(given.exitCode == 0, "\(given.stdout)")
    }

    /// Each side of a TLS/plain mismatch is named well before the deadline, as a
    /// misconfigured check (UNKNOWN), not a server that is down.
    @Test func aPlainPortWithTLSAndATLSPortWithoutAreNamed() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server()
        defer { server.stop() }
        let tlsToPlain = try CommandRun.run(["-p", String(server.port), "--tls", "--cacert", pki.ca, "-t", "8", "check"])
        #expect(tlsToPlain.exitCode == 3, "\(tlsToPlain.stdout)")
        #expect(tlsToPlain.stdout.contains("it looks like a plain, non-TLS Redis port"), "\(tlsToPlain.stdout)")
        #expect(tlsToPlain.seconds < 4, "took \(tlsToPlain.seconds) s")
        let plainToTLS = try CommandRun.run(["-p", String(tlsPort), "-t", "8", "check"])
        #expect(plainToTLS.exitCode == 3, "\(plainToTLS.stdout)")
        #expect(plainToTLS.stdout.contains("it looks like a TLS port; use --tls or rediss://"), "\(plainToTLS.stdout)")
        #expect(plainToTLS.seconds < 4, "took \(plainToTLS.seconds) s")
    }

    @Test func aFrozenTLSServerEndsAtTheDeadline() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server()
        defer { server.thaw(); server.stop() }
        server.freeze()
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "-t", "2", "check"])
        #expect(run.exitCode == 2, "\(run.stdout)")
        #expect(run.seconds < 2.6, "took \(run.seconds) s")
        #expect(run.stdout.hasPrefix("REDIS CRITICAL - connected to 127.0.0.1:\(tlsPort), but no reply to TLS handshake in"), "\(run.stdout)")
    }

    @Test(arguments: [(["--cert", "/nonexistent.crt", "--key", "/nonexistent.key"], "cannot read --cert /nonexistent.crt"),
                      (["--cert", "CLIENT"], "--cert needs --key"),
                      (["--cacert", "/nonexistent-ca.crt"], "cannot read --cacert /nonexistent-ca.crt")])
    func unusableFilesAreUsageErrors(_ options: [String], _ message: String) throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server()
        defer { server.stop() }
        let words = options.map { $0 == "CLIENT" ? pki.clientCert : $0 }
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls"] + words + ["check"])
        #expect(run.exitCode == 3, "\(run.stdout)")
        #expect(run.stdout.contains(message), "\(run.stdout)")
    }

    /// A server that closes at maxclients while OpenSSL writes: EPIPE, a report, never SIGPIPE.
    @Test func aTLSServerAtMaxclientsGetsAReportNotASignal() throws {
        let pki = try Self.pki.get()
        let tlsPort = try FreePort.find()
        let server = try RedisServerProcess(pki.serverArguments(tlsPort: tlsPort) + ["--maxclients", "1"])
        defer { server.stop() }
        let holder = try IdlePool(port: server.port, count: 1, name: "holder")
        defer { holder.stop() }
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "-t", "3", "check"])
        #expect(run.exitCode == 2, "exit \(run.exitCode): \(run.stdout)")
        #expect(run.stdout.hasPrefix("REDIS CRITICAL - "), "\(run.stdout)")
    }

    /// An encrypted key is refused at once (no passphrase prompt that outlives the deadline).
    @Test func anEncryptedKeyIsAUsageErrorNotAPrompt() throws {
        let pki = try Self.pki.get()
        let (server, tlsPort) = try server()
        defer { server.stop() }
        let encrypted = pki.directory + "/encrypted.key"
        let make = try CommandRun.shell("openssl pkey -in '\(pki.clientKey)' -aes256 -passout pass:x -out '\(encrypted)'")
        #expect(make == 0)
        let run = try CommandRun.run(["-p", String(tlsPort), "--tls", "--cacert", pki.ca, "--cert", pki.clientCert, "--key", encrypted, "-t", "3", "check"])
        #expect(run.exitCode == 3, "\(run.stdout)")
        #expect(run.stdout.contains("an encrypted key needs decrypting first"), "\(run.stdout)")
        #expect(run.seconds < 2, "took \(run.seconds) s")
    }

    @Test func tlsOptionsWithoutTLSAreAUsageError() throws {
        let run = try CommandRun.run(["-p", "1", "--cacert", "ca.crt", "check"])
        #expect(run.exitCode == 3)
        #expect(run.stdout.contains("TLS options (--cacert, --cacertdir, --cert, --key, --sni, --insecure) need --tls or a rediss:// URI"), "\(run.stdout)")
    }
}

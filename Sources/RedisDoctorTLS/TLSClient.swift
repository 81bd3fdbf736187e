import COpenSSL
import Glibc
import RedisDoctorCore

/// One TLS session over a socket the connection layer owns and drives: every call is
/// non-blocking and says what it waits for, so the caller polls against its deadline.
public final class TLSClient {
    /// The outcome of one non-blocking step.
    public enum Step: Sendable, Equatable {
        case done(Int)
        case wantRead
        case wantWrite
        /// The peer closed the session.
        case closed
        case failed(TLSFailure)
    }

    let library: TLSLibrary
    private var lib: rd_ssl_functions { library.functions }
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    /// The name the certificate must carry: --sni, else the host.
    public let expectedName: String
    /// False with --insecure: the session's verify result then holds errors that were ignored.
    let verifies: Bool

    /// Prepares a session on `fd` to `host`; file problems are `.files` (a usage error).
    public init(settings: TLSSettings, host: String, fd: Int32) throws(TLSFailure) {
        let library: TLSLibrary
        switch TLSLibrary.shared {
        case .success(let loaded): library = loaded
        case .failure(let failure): throw failure
        }
        self.library = library
        let lib = library.functions
        guard let method = lib.TLS_client_method(), let context = lib.SSL_CTX_new(method) else {
            throw TLSFailure(.library, "OpenSSL could not create a TLS context: \(library.takeError() ?? "unknown error")")
        }
        self.context = context
        expectedName = settings.serverName ?? host
        verifies = settings.verify
        rd_ssl_ctx_refuse_passphrases(lib, context)
        // TLS 1.2 at least, as OpenSSL 3's default security level requires anyway.
        _ = rd_ssl_ctx_set_min_tls12(lib, context)
        _ = rd_ssl_ctx_set_auto_retry(lib, context)
        lib.SSL_CTX_set_verify(context, settings.verify ? rd_ssl_verify_peer() : rd_ssl_verify_none(), nil)
        do throws(TLSFailure) {
            try Self.loadFiles(settings, into: context, library: library)
        } catch {
            lib.SSL_CTX_free(context)
            throw error
        }
        guard let ssl = lib.SSL_new(context) else {
            lib.SSL_CTX_free(context)
            throw TLSFailure(.library, "OpenSSL could not create a TLS session: \(library.takeError() ?? "unknown error")")
        }
        self.ssl = ssl
        guard lib.SSL_set_fd(ssl, fd) == 1 else {
            throw TLSFailure(.library, "OpenSSL could not use the socket: \(library.takeError() ?? "unknown error")")
        }
        let isAddress = Self.isIPAddress(expectedName)
        // No SNI for an IP literal (RFC 6066); the name or address is checked either way.
        if !isAddress, rd_ssl_set_sni(lib, ssl, expectedName) != 1 {
            throw TLSFailure(.library, "OpenSSL refused the server name '\(expectedName)' for SNI")
        }
        if settings.verify {
            let ok = isAddress ? lib.X509_VERIFY_PARAM_set1_ip_asc(lib.SSL_get0_param(ssl), expectedName) : lib.SSL_set1_host(ssl, expectedName)
            guard ok == 1 else { throw TLSFailure(.library, "OpenSSL refused '\(expectedName)' as the name to verify") }
        }
    }

    deinit {
        lib.SSL_free(ssl)
        lib.SSL_CTX_free(context)
    }

    private static func loadFiles(_ settings: TLSSettings, into context: OpaquePointer, library: TLSLibrary) throws(TLSFailure) {
        let lib = library.functions
        if settings.caCertificate != nil || settings.caDirectory != nil {
            guard lib.SSL_CTX_load_verify_locations(context, settings.caCertificate, settings.caDirectory) == 1 else {
                throw TLSFailure(.files, "cannot use the CA certificates in \(settings.caCertificate ?? settings.caDirectory ?? ""): \(library.takeError() ?? "not PEM certificates")")
            }
        } else if lib.SSL_CTX_set_default_verify_paths(context) != 1 {
            throw TLSFailure(.files, "cannot load the system's CA certificates: \(library.takeError() ?? "unknown error")")
        }
        switch (settings.certificate, settings.privateKey) {
        case (nil, nil):
            break
        case (let cert?, let key?):
            guard lib.SSL_CTX_use_certificate_chain_file(context, cert) == 1 else {
                throw TLSFailure(.files, "--cert \(cert) is not a PEM certificate: \(library.takeError() ?? "unreadable")")
            }
            guard lib.SSL_CTX_use_PrivateKey_file(context, key, rd_ssl_filetype_pem()) == 1 else {
                // Never the key's content: only that it could not be used.
                throw TLSFailure(.files, "--key \(key) is not a usable PEM private key (an encrypted key needs decrypting first: openssl pkey -in KEY -out PLAIN.key): \(library.takeError() ?? "unreadable")")
            }
            guard lib.SSL_CTX_check_private_key(context) == 1 else {
                throw TLSFailure(.files, "--key \(key) does not belong to --cert \(cert)")
            }
        case (.some, nil):
            throw TLSFailure(.files, "--cert needs --key")
        case (nil, .some):
            throw TLSFailure(.files, "--key needs --cert")
        }
    }

    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// One step of the handshake.
    public func handshake() -> Step {
        lib.ERR_clear_error()
        let rc = lib.SSL_connect(ssl)
        if rc == 1 { return .done(0) }
        return step(for: rc, during: "the TLS handshake")
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Step {
        lib.ERR_clear_error()
        let rc = lib.SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        if rc > 0 { return .done(Int(rc)) }
        return step(for: rc, during: "a TLS read")
    }

    public func write(_ bytes: UnsafeRawBufferPointer) -> Step {
        lib.ERR_clear_error()
        let rc = lib.SSL_write(ssl, bytes.baseAddress, Int32(min(bytes.count, Int(Int32.max))))
        if rc > 0 { return .done(Int(rc)) }
        let result = step(for: rc, during: "a TLS write")
        // Under TLS 1.3 a server that wants a client certificate says so only after the
        // handshake; a write may meet the reset first, and one read recovers the alert.
        if case .failed = result {
            var scratch = [UInt8](repeating: 0, count: 64)
            if case .failed(let alert) = scratch.withUnsafeMutableBytes({ read(into: $0) }) { return .failed(alert) }
        }
        return result
    }

    private func step(for rc: Int32, during what: String) -> Step {
        let code = lib.SSL_get_error(ssl, rc)
        let savedErrno = errno
        switch code {
        case rd_ssl_error_want_read(): return .wantRead
        case rd_ssl_error_want_write(): return .wantWrite
        case rd_ssl_error_zero_return(): return .closed
        case rd_ssl_error_syscall():
            if let error = library.takeCodedError() { return .failed(describe(error, during: what)) }
            if savedErrno == 0 || savedErrno == ECONNRESET || savedErrno == EPIPE { return .closed }
            return .failed(TLSFailure(.handshake, "\(what) failed: \(String(cString: strerror(savedErrno)))"))
        default:
            let verify = lib.SSL_get_verify_result(ssl)
            if verifies, verify != rd_x509_v_ok() {
                library.functions.ERR_clear_error()
                return .failed(verificationFailure(verify))
            }
            return .failed(describe(library.takeCodedError() ?? (0, "unknown error"), during: what))
        }
    }

    /// OpenSSL's reason in the operator's terms where it is a known situation, told by its code.
    private func describe(_ error: (reason: Int32, text: String), during what: String) -> TLSFailure {
        let (code, reason) = error
        switch code {
        case rd_ssl_r_certificate_required():
            return TLSFailure(.handshake, "the server requires a client certificate (give --cert and --key): \(reason)")
        // Our hello asks for 1.2 or later; a server limited to 1.0/1.1 answers "protocol version".
        case rd_ssl_r_unsupported_protocol(), rd_ssl_r_no_protocols_available(), rd_ssl_r_alert_protocol_version():
            return TLSFailure(.handshake, "the server offers only TLS below 1.2, refused by OpenSSL's security level (\(reason))")
        case rd_ssl_r_wrong_version_number(), rd_ssl_r_packet_length_too_long():
            return TLSFailure(.handshake, "the server did not answer in TLS (\(reason)): it looks like a plain, non-TLS port; drop --tls or use redis://")
        default:
            return TLSFailure(.handshake, "\(what) failed: \(reason)")
        }
    }

    private func verificationFailure(_ code: Int) -> TLSFailure {
        let reason = lib.X509_verify_cert_error_string(code).map { String(cString: $0) } ?? "unknown reason"
        let peer = peerCertificate()
        switch code {
        case rd_x509_v_err_hostname_mismatch(), rd_x509_v_err_ip_mismatch():
            let names = peer.map { $0.names.isEmpty ? "only \($0.subject)" : $0.names.joined(separator: ", ") } ?? "unknown names"
            return TLSFailure(.verification, "certificate verify failed: the certificate is not for '\(expectedName)'; it names \(names) (give --sni NAME if you connect by another name)")
        case rd_x509_v_err_cert_has_expired():
            let when = peer?.notAfter.map { " on " + TimestampText.iso8601($0) } ?? ""
            return TLSFailure(.verification, "certificate verify failed: the server certificate expired\(when) (\(peer?.subject ?? "unknown subject"))")
        default:
            return TLSFailure(.verification, "certificate verify failed: \(reason) (verify code \(code)); give the CA that signed it with --cacert")
        }
    }

    /// The server's certificate and the session, once the handshake has shown them.
    public func peerCertificate() -> TLSPeer? {
        guard let cert = rd_ssl_peer_leaf(lib, ssl) else { return nil }
        let notAfter = self.notAfter(cert)
        var buffer = [CChar](repeating: 0, count: 4096)
        _ = rd_x509_sans(lib, cert, &buffer, buffer.count)
        let names = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let version = lib.SSL_get_version(ssl).map { String(cString: $0) } ?? ""
        let cipher = lib.SSL_get_current_cipher(ssl).flatMap { lib.SSL_CIPHER_get_name($0) }.map { String(cString: $0) } ?? ""
        // The --cert this side presented: when it expires, the monitoring breaks.
        let own = lib.SSL_CTX_get0_certificate(context)
        return TLSPeer(subject: name(lib.X509_get_subject_name(cert)), issuer: name(lib.X509_get_issuer_name(cert)),
                       notAfter: notAfter, names: names, protocolVersion: version, cipher: cipher,
                       clientSubject: own.map { name(lib.X509_get_subject_name($0)) }, clientNotAfter: own.flatMap { self.notAfter($0) })
    }

    private func name(_ n: OpaquePointer?) -> String {
        guard let n, let text = lib.X509_NAME_oneline(n, nil, 0) else { return "" }
        defer { rd_openssl_free(lib, text) }
        return String(cString: text)
    }

    private func notAfter(_ cert: OpaquePointer) -> Double? {
        guard let time = lib.X509_get0_notAfter(cert) else { return nil }
        var parts = tm()
        guard lib.ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Double(timegm(&parts))
    }
}

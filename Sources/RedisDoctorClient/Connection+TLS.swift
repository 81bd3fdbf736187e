import Glibc
import RedisDoctorCore
import RedisDoctorTLS

extension Connection {
    /// The TLS session's certificates, nil on a plain connection.
    public var tlsPeer: TLSPeer? { tls?.peerCertificate() }

    /// Share of the deadline after which a handshake that has had no byte back is
    /// checked against a plain Redis port (which buffers the ClientHello and stays silent).
    static let plainProbeShare = 0.25

    /// The TLS handshake on the connected socket, under the connection's deadline.
    func startTLS(deadline: Deadline) throws(ConnectionError) {
        guard let settings = target.tls, case .tcp(let host, _) = target.endpoint else {
            throw ConnectionError.tlsSetup(message: "TLS needs a host and port, not a unix socket")
        }
        let client: TLSClient
        do throws(TLSFailure) {
            client = try TLSClient(settings: settings, host: host, fd: descriptor)
        } catch {
            close()
            throw error.kind == .files || error.kind == .library ? .tlsSetup(message: error.message) : .tls(stage: .tlsHandshake, message: error.message)
        }
        tls = client
        ServerWait.enter(.tlsHandshake)
        defer { ServerWait.leave() }
        var heardBack = false
        var probed = false
        while true {
            switch client.handshake() {
            case .done:
                return
            case .wantWrite:
                try waitOrClose(for: Int16(POLLOUT), deadline: deadline)
            case .wantRead:
                if heardBack || probed {
                    try waitOrClose(for: Int16(POLLIN), deadline: deadline)
                } else {
                    // Silence so far: a plain Redis port looks exactly like a frozen TLS
                    // server on this connection; a second, plain one can tell them apart.
                    let probe = deadline.capped(atMost: max(0.2, deadline.seconds * Self.plainProbeShare) - deadline.elapsedSeconds)
                    do throws(ConnectionError) {
                        try wait(for: Int16(POLLIN), stage: .tlsHandshake, deadline: probe)
                        heardBack = true
                    } catch {
                        guard case .timedOut = error, !deadline.hasPassed else { close(); throw error }
                        probed = true
                        if Self.answersPlainRedis(target.endpoint, deadline: deadline, canceller: canceller) {
                            close()
                            // A misconfigured check, as any wrong-protocol peer: UNKNOWN, not down.
                            throw ConnectionError.protocolError("no TLS handshake from \(target.address): it looks like a plain, non-TLS Redis port (it answers PING in plain text); drop --tls, or use redis:// instead of rediss://")
                        }
                    }
                }
            case .closed:
                close()
                throw ConnectionError.tls(stage: .tlsHandshake, message: "the server closed the connection during the TLS handshake")
            case .failed(let failure):
                close()
                // Plain bytes where a handshake belongs (a plain port that spoke first):
                // the same misconfiguration as the silent case, so the same status.
                if failure.message.contains("plain, non-TLS port") { throw ConnectionError.protocolError(failure.message) }
                throw ConnectionError.tls(stage: .tlsHandshake, message: failure.message)
            }
        }
    }

    /// A connection closed before any reply, explained where the cause is known: a plain
    /// one by a port that speaks TLS, a TLS one by a server that wants a client certificate
    /// (under TLS 1.3 its alert races the reset, and the reset can win).
    func plainAtATLSPort(_ error: ConnectionError, deadline: Deadline) -> ConnectionError {
        guard !hasReceivedAny else { return error }
        switch error {
        case .reset, .closed: break
        default: return error
        }
        if let settings = target.tls {
            guard settings.certificate == nil else { return error }
            return .tls(stage: .tlsHandshake, message: "the server closed the TLS connection before any reply, as one that requires a client certificate does (tls-auth-clients yes): give --cert and --key")
        }
        guard Self.answersTLS(target.endpoint, deadline: deadline, canceller: canceller) else { return error }
        return .notRedis(what: "the server reset the plain connection and answers TLS: it looks like a TLS port; use --tls or rediss://")
    }

    private func waitOrClose(for events: Int16, deadline: Deadline) throws(ConnectionError) {
        do throws(ConnectionError) {
            try wait(for: events, stage: .tlsHandshake, deadline: deadline)
        } catch {
            close()
            throw error
        }
    }

    /// Whether `endpoint` completes a TLS handshake (nothing verified): asked only after a
    /// plain connection was reset before any reply, so plain runs never load OpenSSL.
    static func answersTLS(_ endpoint: ConnectionTarget.Endpoint, deadline: Deadline, canceller: Canceller?) -> Bool {
        guard case .tcp(let host, _) = endpoint,
              let (fd, _) = try? SocketConnector.connect(endpoint, deadline: deadline, canceller: canceller) else { return false }
        defer { Glibc.close(fd) }
        guard let client = try? TLSClient(settings: TLSSettings(verify: false), host: host, fd: fd) else { return false }
        while true {
            switch client.handshake() {
            case .done: return true
            case .wantRead:
                guard (try? SocketConnector.wait(fd: fd, events: Int16(POLLIN), stage: .tlsHandshake, deadline: deadline, canceller: canceller)) != nil else { return false }
            case .wantWrite:
                guard (try? SocketConnector.wait(fd: fd, events: Int16(POLLOUT), stage: .tlsHandshake, deadline: deadline, canceller: canceller)) != nil else { return false }
            case .closed: return false
            // An alert (a client certificate wanted under TLS 1.2) is TLS all the same.
            case .failed(let failure): return failure.message.contains("alert")
            }
        }
    }

    /// Whether a plain connection to `endpoint` gets `+PONG` or `-NOAUTH` for PING.
    static func answersPlainRedis(_ endpoint: ConnectionTarget.Endpoint, deadline: Deadline, canceller: Canceller?) -> Bool {
        guard let (fd, _) = try? SocketConnector.connect(endpoint, deadline: deadline, canceller: canceller) else { return false }
        defer { Glibc.close(fd) }
        let ping = Array("PING\r\n".utf8)
        guard ping.withUnsafeBytes({ Glibc.send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }) == ping.count else { return false }
        var reply = [UInt8](repeating: 0, count: 64)
        var have = 0
        while have < 7 {
            guard (try? SocketConnector.wait(fd: fd, events: Int16(POLLIN), stage: .tlsHandshake, deadline: deadline, canceller: canceller)) != nil else { break }
            let n = reply.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress! + have, $0.count - have, 0) }
            if n <= 0 { break }
            have += n
        }
        let text = String(decoding: reply[0..<have], as: UTF8.self)
        return text.hasPrefix("+PONG") || text.hasPrefix("-NOAUTH")
    }

    /// Writes some of `bytes` from `offset` over TLS, waiting as the session asks; how many were written.
    func tlsWrite(_ bytes: [UInt8], from offset: Int, stage: ConnectionStage, deadline: Deadline) throws(ConnectionError) -> Int {
        guard let tls else { throw ConnectionError.closed(stage: stage) }
        while true {
            switch bytes.withUnsafeBytes({ tls.write(UnsafeRawBufferPointer(rebasing: $0[offset...])) }) {
            case .done(let n): return n
            case .wantRead: try wait(for: Int16(POLLIN), stage: stage, deadline: deadline)
            case .wantWrite: try wait(for: Int16(POLLOUT), stage: stage, deadline: deadline)
            case .closed: throw ConnectionError.closed(stage: stage)
            case .failed(let failure): throw ConnectionError.tls(stage: stage, message: failure.message)
            }
        }
    }

    /// Reads some bytes into `readBuffer` over TLS, waiting as the session asks; 0 when the server closed.
    func tlsRead(stage: ConnectionStage, deadline: Deadline) throws(ConnectionError) -> Int {
        guard let tls else { throw ConnectionError.closed(stage: stage) }
        while true {
            switch readBuffer.withUnsafeMutableBytes({ tls.read(into: $0) }) {
            case .done(let n): return n
            case .wantRead: try wait(for: Int16(POLLIN), stage: stage, deadline: deadline)
            case .wantWrite: try wait(for: Int16(POLLOUT), stage: stage, deadline: deadline)
            case .closed: return 0
            case .failed(let failure): throw ConnectionError.tls(stage: stage, message: failure.message)
            }
        }
    }

    /// Whatever can be read without waiting: plain or TLS; 0 or less when nothing.
    func readNow(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        if let tls {
            if case .done(let n) = tls.read(into: buffer) { return n }
            return 0
        }
        return Glibc.recv(descriptor, buffer.baseAddress!, buffer.count, Int32(MSG_DONTWAIT))
    }
}

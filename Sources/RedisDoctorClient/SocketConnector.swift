import Glibc
import RedisDoctorCore

/// Opens a non-blocking socket to an endpoint within a deadline.
enum SocketConnector {
    static func connect(_ endpoint: ConnectionTarget.Endpoint, deadline: Deadline, canceller: Canceller?) throws(ConnectionError) -> (Int32, String) {
        switch endpoint {
        case .unix(let path):
            guard let address = SocketAddress(unixPath: path) else {
                throw ConnectionError.local(stage: .connect, message: "unix socket path too long (\(path.utf8.count) bytes; the limit is 107): \(path)")
            }
            return (try connect(to: address, deadline: deadline, canceller: canceller), path)
        case .tcp(let host, let port):
            let addresses = try AddressResolver.resolve(host: host, port: port, deadline: deadline, canceller: canceller)
            var lastError = ConnectionError.refused(address: "\(host):\(port)")
            // Try each address (IPv6 and IPv4 for "localhost"); the first that accepts wins.
            for address in addresses {
                do throws(ConnectionError) {
                    return (try connect(to: address, deadline: deadline, canceller: canceller), address.text)
                } catch {
                    lastError = error
                    if case .timedOut = error { throw error }
                    if case .cancelled = error { throw error }
                }
            }
            throw lastError
        }
    }

    private static func connect(to address: SocketAddress, deadline: Deadline, canceller: Canceller?) throws(ConnectionError) -> Int32 {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw Connection.ioError(errno, call: "socket", stage: .connect)
        }
        let rc = address.bytes.withUnsafeBytes { raw in
            Glibc.connect(fd, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
        do throws(ConnectionError) {
            if rc != 0 {
                let err = errno
                guard err == EINPROGRESS || err == EAGAIN || err == EINTR else {
                    throw connectError(err, address: address)
                }
                try wait(fd: fd, events: Int16(POLLOUT), stage: .connect, deadline: deadline, canceller: canceller)
                var soError: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
                if soError != 0 { throw connectError(soError, address: address) }
            }
        } catch {
            Glibc.close(fd)
            throw error
        }
        if address.family != AF_UNIX {
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        return fd
    }

    private static func connectError(_ err: Int32, address: SocketAddress) -> ConnectionError {
        if err == ECONNREFUSED || (address.family == AF_UNIX && err == ENOENT) {
            return .refused(address: address.text)
        }
        // A unix socket this user may not open is a problem here, not a server that is down.
        if address.family == AF_UNIX && (err == EACCES || err == EPERM || err == ENOTDIR || err == ENAMETOOLONG) {
            return .local(stage: .connect, message: "cannot open unix socket \(address.text): \(String(cString: strerror(err)))")
        }
        return .system(stage: .connect, call: "connect to \(address.text)", errno: err, message: String(cString: strerror(err)))
    }

    /// Waits until `fd` is ready for `events`, the deadline passes, or the canceller fires.
    static func wait(fd: Int32, events: Int16, stage: ConnectionStage, deadline: Deadline, canceller: Canceller?) throws(ConnectionError) {
        var fds = [pollfd(fd: fd, events: events, revents: 0)]
        if let canceller { fds.append(pollfd(fd: canceller.readFD, events: Int16(POLLIN), revents: 0)) }
        while true {
            let timeout = deadline.remainingMilliseconds
            if timeout == 0 { throw ConnectionError.timedOut(stage: stage, elapsedSeconds: deadline.elapsedSeconds) }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 {
                if errno == EINTR { continue }
                throw Connection.ioError(errno, call: "poll", stage: stage)
            }
            if fds.count > 1 && fds[1].revents != 0 { throw ConnectionError.cancelled(stage: stage) }
            if n > 0 && fds[0].revents != 0 { return }
        }
    }
}

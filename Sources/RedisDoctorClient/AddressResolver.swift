import Glibc

/// Name resolution under a deadline.
///
/// getaddrinfo has no timeout, so a hostname is resolved on a detached thread
/// while the caller polls a pipe until the deadline. A thread stuck in a dead
/// resolver is abandoned, not waited for: the process must stay within its bound.
enum AddressResolver {
    static func resolve(host: String, port: Int, deadline: Deadline, canceller: Canceller?) throws(ConnectionError) -> [SocketAddress] {
        if let numeric = try? lookup(host: host, port: port, flags: AI_NUMERICHOST), !numeric.isEmpty {
            return numeric
        }
        let job = ResolutionJob(host: host, port: port)
        guard job.start() else {
            // Could not start a thread: resolve inline rather than fail.
            do { return try lookup(host: host, port: port, flags: 0) } catch {
                throw ConnectionError.nameNotResolved(host: host, reason: error.reason)
            }
        }
        var fds = [pollfd(fd: job.readFD, events: Int16(POLLIN), revents: 0)]
        if let canceller { fds.append(pollfd(fd: canceller.readFD, events: Int16(POLLIN), revents: 0)) }
        while true {
            let timeout = deadline.remainingMilliseconds
            if timeout == 0 { throw ConnectionError.timedOut(stage: .resolve, elapsedSeconds: deadline.elapsedSeconds) }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 && errno == EINTR { continue }
            if fds.count > 1 && fds[1].revents != 0 { throw ConnectionError.cancelled(stage: .resolve) }
            if fds[0].revents != 0 { break }
        }
        switch job.outcome() {
        case .success(let addresses) where !addresses.isEmpty: return addresses
        case .success: throw ConnectionError.nameNotResolved(host: host, reason: "no addresses")
        case .failure(let error): throw ConnectionError.nameNotResolved(host: host, reason: error.reason)
        }
    }

    struct LookupError: Error {
        var reason: String
    }

    static func lookup(host: String, port: Int, flags: Int32) throws(LookupError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = flags | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0 else {
            throw LookupError(reason: String(cString: gai_strerror(rc)))
        }
        defer { freeaddrinfo(list) }
        var out: [SocketAddress] = []
        var node = list
        while let entry = node {
            if let addr = entry.pointee.ai_addr {
                out.append(SocketAddress(family: entry.pointee.ai_family, pointer: addr, length: entry.pointee.ai_addrlen))
            }
            node = entry.pointee.ai_next
        }
        return out
    }
}

/// State shared between the caller and the resolver thread, guarded by a mutex.
/// The thread owns a reference until it finishes, so abandoning it is safe.
private final class ResolutionJob: @unchecked Sendable {
    let host: String
    let port: Int
    private var mutex = pthread_mutex_t()
    private var result: Result<[SocketAddress], AddressResolver.LookupError>?
    private var fds: [Int32] = [-1, -1]
    var readFD: Int32 { fds[0] }

    init(host: String, port: Int) {
        self.host = host
        self.port = port
        pthread_mutex_init(&mutex, nil)
        if let (r, w) = makePipe() { fds = [r, w] }
    }

    deinit {
        pthread_mutex_destroy(&mutex)
        close(fds[0])
        close(fds[1])
    }

    func start() -> Bool {
        guard fds[0] >= 0 else { return false }
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { arg in
            let job = Unmanaged<ResolutionJob>.fromOpaque(arg!).takeRetainedValue()
            job.run()
            return nil
        }, retained)
        if rc != 0 {
            Unmanaged<ResolutionJob>.fromOpaque(retained).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private func run() {
        let outcome: Result<[SocketAddress], AddressResolver.LookupError>
        do { outcome = .success(try AddressResolver.lookup(host: host, port: port, flags: 0)) } catch { outcome = .failure(error) }
        pthread_mutex_lock(&mutex)
        result = outcome
        pthread_mutex_unlock(&mutex)
        var byte: UInt8 = 1
        _ = write(fds[1], &byte, 1)
    }

    func outcome() -> Result<[SocketAddress], AddressResolver.LookupError> {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return result ?? .failure(.init(reason: "resolver did not finish"))
    }
}

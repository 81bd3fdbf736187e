import Glibc

/// Name resolution under a deadline.
///
/// getaddrinfo has no timeout, so a hostname is resolved by a `DetachedCall`: a thread
/// stuck in a dead resolver is abandoned, not waited for.
enum AddressResolver {
    static func resolve(host: String, port: Int, deadline: Deadline, canceller: Canceller?) throws(ConnectionError) -> [SocketAddress] {
        if let numeric = try? lookup(host: host, port: port, flags: AI_NUMERICHOST), !numeric.isEmpty {
            return numeric
        }
        let box = ResolutionBox()
        let wait = DetachedCall.run(deadline: deadline, canceller: canceller) {
            do throws(LookupError) { box.set(.success(try lookup(host: host, port: port, flags: 0))) } catch { box.set(.failure(error)) }
        }
        switch (wait, box.get()) {
        case (.cancelled, _): throw ConnectionError.cancelled(stage: .resolve)
        case (.finished, .success(let addresses)?) where !addresses.isEmpty: return addresses
        case (.finished, .success?): throw ConnectionError.nameNotResolved(host: host, reason: "no addresses")
        case (.finished, .failure(let error)?): throw ConnectionError.nameNotResolved(host: host, reason: error.reason)
        default: throw ConnectionError.timedOut(stage: .resolve, elapsedSeconds: deadline.elapsedSeconds)
        }
    }

    /// The resolver thread's answer, once it has one.
    private final class ResolutionBox: @unchecked Sendable {
        private let lock = DetachedLock()
        private var value: Result<[SocketAddress], LookupError>?

        func set(_ newValue: Result<[SocketAddress], LookupError>) { lock.locked { value = newValue } }
        func get() -> Result<[SocketAddress], LookupError>? { lock.locked { value } }
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

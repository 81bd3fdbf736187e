import Glibc

/// A blocking call with no timeout of its own (getaddrinfo, statvfs on a hung mount) run
/// on a detached thread while the caller waits on a pipe until its deadline. A call that
/// never returns is abandoned, not waited for: the process must stay within its bound.
///
/// Not generic: a generic result box is a class whose metadata is built at run time from
/// its mangled name, which cost a check a million instructions (callgrind). Each caller
/// keeps its result in a box of its own type, written by the thread before it signals.
enum DetachedCall {
    enum Wait {
        case finished
        case timedOut
        case cancelled
        /// No thread (or pipe) could be had, and `body` was not run.
        case notStarted
    }

    /// Runs `body` on its own thread and waits for it until `deadline` (or `canceller`).
    /// When no thread can be started, `body` runs inline if `inlineIfNoThread` (a resolver
    /// call that usually returns), else not at all (a statvfs that may never return).
    static func run(deadline: Deadline, canceller: Canceller? = nil, inlineIfNoThread: Bool = true,
                    _ body: @escaping @Sendable () -> Void) -> Wait {
        let thread = DetachedThread(body)
        guard thread.start() else {
            guard inlineIfNoThread else { return .notStarted }
            body()
            return .finished
        }
        var fds = [pollfd(fd: thread.readFD, events: Int16(POLLIN), revents: 0)]
        if let canceller { fds.append(pollfd(fd: canceller.readFD, events: Int16(POLLIN), revents: 0)) }
        while true {
            let timeout = deadline.remainingMilliseconds
            if timeout == 0 { return .timedOut }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 && errno == EINTR { continue }
            if fds.count > 1 && fds[1].revents != 0 { return .cancelled }
            if fds[0].revents != 0 { return .finished }
        }
    }
}

/// A mutex for the result boxes of detached calls.
final class DetachedLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}

/// One detached thread that runs a job and then writes a byte to its pipe. The thread
/// owns a reference until it finishes, so abandoning it is safe.
private final class DetachedThread: @unchecked Sendable {
    private let job: @Sendable () -> Void
    private var fds: [Int32] = [-1, -1]
    var readFD: Int32 { fds[0] }

    init(_ job: @escaping @Sendable () -> Void) {
        self.job = job
        if let (r, w) = makePipe() { fds = [r, w] }
    }

    deinit {
        close(fds[0])
        close(fds[1])
    }

    func start() -> Bool {
        guard fds[0] >= 0 else { return false }
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { arg in
            let thread = Unmanaged<DetachedThread>.fromOpaque(arg!).takeRetainedValue()
            thread.job()
            var byte: UInt8 = 1
            _ = write(thread.fds[1], &byte, 1)
            return nil
        }, retained)
        if rc != 0 {
            Unmanaged<DetachedThread>.fromOpaque(retained).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}

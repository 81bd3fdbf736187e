import Glibc

/// A blocking call with no timeout of its own (getaddrinfo, statvfs on a hung mount) run
/// on a detached thread while the caller waits on a pipe until its deadline. A call that
/// never returns is abandoned, not waited for: the process must stay within its bound.
enum DetachedCall {
    enum Outcome<Value> {
        case finished(Value)
        case timedOut
        case cancelled
        /// No thread (or pipe) could be had, and the call was not made.
        case notStarted
    }

    /// Runs `body` on its own thread and waits for it until `deadline` (or `canceller`).
    /// When no thread can be started, `body` runs inline if `inlineIfNoThread` (a resolver
    /// call that usually returns), else not at all (a statvfs that may never return).
    static func run<Value: Sendable>(deadline: Deadline, canceller: Canceller? = nil, inlineIfNoThread: Bool = true,
                                     _ body: @escaping @Sendable () -> Value) -> Outcome<Value> {
        let box = ResultBox<Value>()
        let thread = DetachedThread { box.set(body()) }
        guard thread.start() else { return inlineIfNoThread ? .finished(body()) : .notStarted }
        var fds = [pollfd(fd: thread.readFD, events: Int16(POLLIN), revents: 0)]
        if let canceller { fds.append(pollfd(fd: canceller.readFD, events: Int16(POLLIN), revents: 0)) }
        while true {
            let timeout = deadline.remainingMilliseconds
            if timeout == 0 { return .timedOut }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 && errno == EINTR { continue }
            if fds.count > 1 && fds[1].revents != 0 { return .cancelled }
            if fds[0].revents != 0 { break }
        }
        return box.get().map { .finished($0) } ?? .timedOut
    }
}

/// The value a detached call produced, guarded by a mutex.
private final class ResultBox<Value: Sendable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var value: Value?

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func set(_ newValue: Value) {
        pthread_mutex_lock(&mutex)
        value = newValue
        pthread_mutex_unlock(&mutex)
    }

    func get() -> Value? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return value
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

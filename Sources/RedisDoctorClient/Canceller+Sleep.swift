import Glibc

extension Canceller {
    /// Sleeps `seconds`, or less when cancelled (Ctrl-C); returns whether it was cancelled.
    public func sleep(seconds: Double) -> Bool {
        var pfd = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
        let end = Deadline(seconds: seconds)
        while !end.hasPassed {
            let rc = poll(&pfd, 1, end.remainingMilliseconds)
            if rc > 0 {
                reset()
                return true
            }
            if rc < 0 && errno != EINTR { return false }
        }
        return false
    }
}

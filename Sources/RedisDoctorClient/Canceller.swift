import Glibc

/// A self-pipe that wakes a connection's poll() from another thread or a signal handler.
///
/// Ctrl-C in the REPL must stop a wait on a frozen server without killing the process;
/// writing one byte here is async-signal-safe.
public final class Canceller: Sendable {
    public let readFD: Int32
    public let writeFD: Int32

    public init() {
        let fds = makePipe() ?? (-1, -1)
        readFD = fds.0
        writeFD = fds.1
    }

    deinit {
        if readFD >= 0 { close(readFD) }
        if writeFD >= 0 { close(writeFD) }
    }

    public func cancel() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)
    }

    /// Drains pending wake-ups; returns whether there were any.
    @discardableResult
    public func reset() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        var any = false
        while read(readFD, &buffer, 64) > 0 { any = true }
        return any
    }
}

/// A pipe with both ends non-blocking and close-on-exec (pipe2 needs _GNU_SOURCE in Swift).
func makePipe() -> (Int32, Int32)? {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    return (fds[0], fds[1])
}

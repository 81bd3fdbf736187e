import Glibc

/// Turns SIGINT into one byte on a pipe, so Ctrl-C wakes whatever the REPL is waiting on
/// (the prompt, a reply, a backoff, :watch) instead of killing the process.
///
/// Installed without SA_RESTART: a blocking call returns EINTR and re-checks the pipe.
/// write(2) is async-signal-safe; the handler touches nothing else.
enum InterruptSignal {
    nonisolated(unsafe) private static var writeFD: Int32 = -1

    static func install(writingTo fd: Int32) {
        writeFD = fd
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            let saved = errno
            var byte: UInt8 = 1
            _ = write(InterruptSignal.writeFD, &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have left SIGINT blocked (posix_spawn and fork inherit the mask):
        // Ctrl-C would then stay pending forever and never cancel anything.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

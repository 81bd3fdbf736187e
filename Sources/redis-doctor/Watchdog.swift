import Glibc
import RedisDoctorCore

/// Ends the process if a run outlives its bound, whatever any thread is stuck in.
///
/// The third seed outage: a monitor stuck on a kernel lock delivered no alerts at all.
/// Deadlines bound every wait on the server; this bounds everything else (a hung
/// state-file disk, a bug) with a thread that writes a prepared report to stdout and calls _exit.
enum Watchdog {
    nonisolated(unsafe) private static var message: [UInt8] = []
    nonisolated(unsafe) private static var exitCode: Int32 = 3
    nonisolated(unsafe) private static var nanoseconds: UInt64 = 0
    nonisolated(unsafe) private static var descriptor: Int32 = 1

    /// `fd`: stdout for `check`, whose report is what Nagios reads; stderr elsewhere.
    static func start(seconds: Double, message text: String, exitCode code: Int32, fd: Int32 = 1) {
        message = Array(text.utf8)
        descriptor = fd
        exitCode = code
        nanoseconds = UInt64(max(0, seconds) * 1_000_000_000)
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { _ in
            var remaining = timespec(tv_sec: Int(Watchdog.nanoseconds / 1_000_000_000), tv_nsec: Int(Watchdog.nanoseconds % 1_000_000_000))
            var left = timespec()
            while nanosleep(&remaining, &left) != 0 && errno == EINTR { remaining = left }
            _ = Watchdog.message.withUnsafeBytes { write(Watchdog.descriptor, $0.baseAddress, $0.count) }
            _exit(Watchdog.exitCode)
        }, nil)
        if rc == 0 { pthread_detach(thread) }
    }
}

extension Watchdog {
    /// Bounds a subcommand other than `check` (which renders its own report): after the
    /// timeout plus 0.25 s, one line on stderr and exit 2, as when a deadline passes.
    static func bound(_ settings: ConnectionSettings, defaultTimeout: Double, doing what: String) {
        let timeout = settings.timeout ?? defaultTimeout
        guard timeout > 0, timeout <= 86_400 else { return }
        start(seconds: timeout + 0.25,
              message: "redis-doctor: \(what) did not finish within the timeout of \(HumanFormat.number(timeout)) s; stopped\n",
              exitCode: ExitStatus.unreachable.rawValue, fd: 2)
    }
}

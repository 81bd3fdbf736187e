import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// Ends the process if a run outlives its bound, whatever any thread is stuck in.
///
/// The third seed outage: a monitor stuck on a kernel lock delivered no alerts at all.
/// Deadlines bound every wait on the server; this bounds everything else (a hung
/// state-file disk, a bug) with a thread that writes a prepared report to stdout and calls _exit.
/// If the main thread is inside a server exchange when it fires, the server is what did
/// not answer: the prepared timeout report is written instead, with the stage spliced in.
enum Watchdog {
    nonisolated(unsafe) private static var message: [UInt8] = []
    nonisolated(unsafe) private static var exitCode: Int32 = 3
    nonisolated(unsafe) private static var serverMessage: [UInt8] = []
    nonisolated(unsafe) private static var serverExitCode: Int32 = 2
    /// When the watchdog fires, on the monotonic clock. One word: `rearm` moves it on.
    nonisolated(unsafe) private static var deadlineNanos: UInt64 = .max
    nonisolated(unsafe) private static var descriptor: Int32 = 1
    /// The report's exit code once it is printed; -1 before. One word, so the thread
    /// never sees "settled" without its code.
    nonisolated(unsafe) private static var settledExitCode: Int32 = -1

    /// Stands for the stage name in `serverText`; replaced when the watchdog fires.
    static let stagePlaceholder = "STAGE-PLACEHOLDER"

    /// `fd`: stdout for `check`, whose report is what Nagios reads; stderr elsewhere.
    /// `serverText`: the report for a run stuck in a server exchange, with `stagePlaceholder`.
    static func start(seconds: Double, message text: String, exitCode code: Int32, fd: Int32 = 1,
                      serverText: String? = nil, serverExitCode serverCode: Int32 = 2) {
        message = Array(text.utf8)
        serverMessage = serverText.map { Array($0.utf8) } ?? message
        descriptor = fd
        exitCode = code
        serverExitCode = serverText == nil ? code : serverCode
        rearm(seconds: seconds)
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { _ in
            // Sleeps until the deadline, which `rearm` may have moved on meanwhile.
            while true {
                let now = MonotonicClock.now()
                let end = Watchdog.deadlineNanos
                if now >= end { break }
                Pause.sleep(seconds: Double(end - now) / 1e9)
            }
            var text = Watchdog.message
            var code = Watchdog.exitCode
            let settled = Watchdog.settledExitCode
            if settled >= 0 { _exit(settled) }
            if let stage = ServerWait.currentStage {
                text = Watchdog.splice(Watchdog.serverMessage, stage: stage)
                code = Watchdog.serverExitCode
            }
            _ = text.withUnsafeBytes { write(Watchdog.descriptor, $0.baseAddress, $0.count) }
            _exit(code)
        }, nil)
        if rc == 0 { pthread_detach(thread) }
    }

    /// Moves the deadline to `seconds` from now: the live views arm it per tick, so a run
    /// that lasts by design still ends if one tick hangs.
    static func rearm(seconds: Double) {
        deadlineNanos = MonotonicClock.now() + UInt64(max(0, min(seconds, 1e9)) * 1_000_000_000)
    }

    /// The run's report is printed: if the watchdog fires now (a state file on a hung
    /// disk), it ends the process with `code` and prints nothing more.
    static func settle(exitCode code: Int32) {
        // Plain word-sized stores, never the arrays the thread may be reading.
        settledExitCode = code
    }

    /// `template` with every placeholder replaced by `stage`.
    static func splice(_ template: [UInt8], stage: [UInt8]) -> [UInt8] {
        let marker = Array(stagePlaceholder.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(template.count + stage.count * 2)
        var i = 0
        while i < template.count {
            if template[i] == marker[0], i + marker.count <= template.count, template[i..<i + marker.count].elementsEqual(marker) {
                out += stage
                i += marker.count
            } else {
                out.append(template[i])
                i += 1
            }
        }
        return out
    }
}

extension Watchdog {
    /// Bounds a subcommand other than `check` (which renders its own report): after the
    /// timeout plus 0.25 s, one line on stderr and exit 2, as when a deadline passes.
    static func bound(timeout: Double, doing what: String) {
        let text = "redis-doctor: \(what) did not finish within the timeout of \(HumanFormat.number(timeout)) s; stopped\n"
        start(seconds: timeout + 0.25, message: text, exitCode: ExitStatus.unreachable.rawValue, fd: 2,
              serverText: "redis-doctor: \(what): no reply to \(stagePlaceholder) in \(HumanFormat.number(timeout)) s (the server may be frozen, swapping or busy); stopped\n",
              serverExitCode: ExitStatus.unreachable.rawValue)
    }
}

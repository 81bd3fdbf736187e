import RedisDoctorCore

extension Watchdog {
    /// Bounds a whole check before anything can block: every wait on the server has its
    /// deadline, and this covers the rest (a config file on a hung NFS mount, a FIFO, a
    /// bug). Its reports are rendered now, in the requested format, for stdout: that is
    /// what Nagios, cron and the textfile collector read. Stuck inside a server exchange,
    /// the run is CRITICAL "no reply to <stage>", as when the deadline itself fires.
    /// `render` turns a check-level error and the run's timing into the report's text and exit code.
    static func boundCheck(timeout: Double, target: String, stopwatch: RunStopwatch,
                           render: (CheckError, RunTiming) -> (text: String, exitCode: Int32)) {
        let timing = stopwatch.timing(endingAfter: timeout + 0.25)
        let stuck = render(CheckError(
            kind: .internalError,
            message: "redis-doctor exceeded its timeout of \(HumanFormat.number(timeout)) s and stopped itself: something outside the server wait (a disk, a local file) did not return"), timing)
        let serverStuck = render(.timeout(stage: stagePlaceholder, seconds: timeout, target: target), timing)
        func line(_ text: String) -> String { text.hasSuffix("\n") ? text : text + "\n" }
        start(seconds: timeout + 0.25, message: line(stuck.text), exitCode: stuck.exitCode,
              serverText: line(serverStuck.text), serverExitCode: serverStuck.exitCode)
    }
}

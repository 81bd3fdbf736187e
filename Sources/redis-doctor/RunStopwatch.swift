import RedisDoctorClient
import RedisDoctorCore

/// When a run started, for the report's own timing (Prometheus alerts on a check that
/// stopped running or slowed down): wall clock for the timestamp, monotonic for the length.
struct RunStopwatch {
    let startedMicros = WallClock.nowMicros()
    let startedNanos = MonotonicClock.now()

    /// The timing of a run ending now.
    func timing() -> RunTiming {
        let seconds = Double(MonotonicClock.now() &- startedNanos) / 1_000_000_000
        return RunTiming(finishedAt: Double(startedMicros) / 1_000_000 + seconds, duration: seconds)
    }

    /// The timing of a run that will end `seconds` after its start (the watchdog's report).
    func timing(endingAfter seconds: Double) -> RunTiming {
        RunTiming(finishedAt: Double(startedMicros) / 1_000_000 + seconds, duration: seconds)
    }
}

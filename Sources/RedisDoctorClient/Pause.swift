import Glibc

/// Sleeps for long intervals without narrowing: usleep takes a UInt32 of microseconds
/// (71 minutes at most), and a wider value trapped the process (`--interval 4295`).
public enum Pause {
    /// The `timespec` for `seconds`: whole seconds and nanoseconds, never negative.
    public static func timespec(seconds: Double) -> Glibc.timespec {
        guard seconds.isFinite, seconds > 0 else { return Glibc.timespec(tv_sec: 0, tv_nsec: 0) }
        let whole = seconds.rounded(.down)
        let capped = min(whole, Double(Int32.max))
        let nanos = min(999_999_999, max(0, Int(((seconds - whole) * 1_000_000_000).rounded())))
        return Glibc.timespec(tv_sec: Int(capped), tv_nsec: nanos)
    }

    /// Sleeps the whole interval, resuming after signals.
    public static func sleep(seconds: Double) {
        var remaining = timespec(seconds: seconds)
        var left = Glibc.timespec()
        while nanosleep(&remaining, &left) != 0 && errno == EINTR { remaining = left }
    }
}

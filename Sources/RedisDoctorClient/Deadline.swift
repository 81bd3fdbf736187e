/// An absolute point in time on the monotonic clock.
///
/// One deadline covers a whole exchange (resolve, connect, auth, write, the
/// full reply), so a server that trickles bytes cannot stretch it; per-syscall
/// socket timeouts, which hiredis uses, can be stretched forever.
public struct Deadline: Sendable {
    public let startNanos: UInt64
    public let endNanos: UInt64

    public init(seconds: Double) {
        let start = MonotonicClock.now()
        self.startNanos = start
        self.endNanos = start + UInt64(max(0, seconds) * 1_000_000_000)
    }

    init(startNanos: UInt64, endNanos: UInt64) {
        self.startNanos = startNanos
        self.endNanos = endNanos
    }

    public var seconds: Double { Double(endNanos - startNanos) / 1e9 }

    /// The same deadline, ending sooner if `seconds` from now comes first: a probe's.
    func capped(atMost seconds: Double) -> Deadline {
        let soon = MonotonicClock.now() + UInt64(max(0, seconds) * 1_000_000_000)
        return Deadline(startNanos: startNanos, endNanos: min(endNanos, soon))
    }

    /// The same deadline, ending once `fraction` of the time left has passed: a share that
    /// keeps the rest for what comes after (judging, printing).
    public func capped(fraction: Double) -> Deadline {
        capped(atMost: Double(remainingMilliseconds) / 1000 * fraction)
    }

    public var elapsedSeconds: Double { Double(MonotonicClock.now() - startNanos) / 1e9 }

    public var hasPassed: Bool { MonotonicClock.now() >= endNanos }

    /// Milliseconds left, rounded up so a poll never returns just before the end; 0 once passed.
    public var remainingMilliseconds: Int32 {
        let now = MonotonicClock.now()
        guard now < endNanos else { return 0 }
        let ms = (endNanos - now + 999_999) / 1_000_000
        return Int32(min(ms, UInt64(Int32.max)))
    }
}

import RedisDoctorCore

/// Each target's previous sample, for the interval rules: at most `capacity` targets, the
/// least recently scraped dropped first. Kept in memory only: lost on restart (Docs/serve.md).
struct PreviousSamples {
    enum Sample {
        case node(Snapshot)
        case sentinel(SentinelSample)
    }

    private var entries: [String: (sample: Sample, takenAt: Double, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    mutating func get(_ key: String) -> (sample: Sample, takenAt: Double)? {
        guard let entry = entries[key] else { return nil }
        clock += 1
        entries[key]?.used = clock
        return (entry.sample, entry.takenAt)
    }

    /// Keeps `sample` unless the one kept is younger than `minimumInterval` seconds: scrapes
    /// closer together than that would give deltas too short to judge.
    mutating func record(_ sample: Sample, at time: Double, for key: String, minimumInterval: Double) {
        guard capacity > 0 else { return }
        if let kept = entries[key], time - kept.takenAt >= 0, time - kept.takenAt < minimumInterval { return }
        clock += 1
        entries[key] = (sample, time, clock)
        while entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
    }

    var count: Int { entries.count }
}

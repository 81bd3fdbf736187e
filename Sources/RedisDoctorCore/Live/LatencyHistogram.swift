/// Round-trip times in microseconds, kept as HdrHistogram keeps them: exact below 128 µs,
/// then 64 sub-buckets per power of two, so every value is recorded within 1.6 % and
/// the memory is fixed (a few thousand counters) however many samples a run takes.
public struct LatencyHistogram: Sendable, Equatable {
    static let subBuckets = 64
    static let linearLimit: UInt64 = 128
    /// 2^40 µs is 12 days: nothing a round trip can exceed.
    static let bucketCount = Int(linearLimit) + 34 * subBuckets

    private(set) var counts: [UInt64] = Array(repeating: 0, count: bucketCount)
    public private(set) var count: UInt64 = 0
    public private(set) var min: UInt64 = .max
    public private(set) var max: UInt64 = 0
    public private(set) var sum: Double = 0

    public init() {}

    public mutating func record(_ micros: UInt64) {
        counts[Self.index(of: micros)] += 1
        count += 1
        min = Swift.min(min, micros)
        max = Swift.max(max, micros)
        sum += Double(micros)
    }

    static func index(of value: UInt64) -> Int {
        let value = Swift.min(value, (UInt64(1) << 40) - 1)
        if value < linearLimit { return Int(value) }
        // The shift that leaves 64...127: the value's bit length minus 7.
        let shift = (64 - value.leadingZeroBitCount) - 7
        let sub = Int(value >> UInt64(shift)) - subBuckets
        return Int(linearLimit) + (shift - 1) * subBuckets + sub
    }

    /// The highest value the bucket at `index` stands for.
    static func highest(at index: Int) -> UInt64 {
        if index < Int(linearLimit) { return UInt64(index) }
        let shift = (index - Int(linearLimit)) / subBuckets + 1
        let sub = UInt64((index - Int(linearLimit)) % subBuckets + subBuckets)
        return ((sub + 1) << UInt64(shift)) - 1
    }

    public var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// The value at `percentile` (0...100): no more than that share of samples is above it.
    /// Bucket-precise, and never beyond the exact min and max.
    public func value(atPercentile percentile: Double) -> UInt64 {
        guard count > 0 else { return 0 }
        let rank = Swift.max(1, UInt64((percentile / 100 * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (index, n) in counts.enumerated() where n > 0 {
            seen += n
            if seen >= rank { return Swift.max(min, Swift.min(max, Self.highest(at: index))) }
        }
        return max
    }

    /// Samples in [low, high) microseconds, by bucket.
    func count(from low: UInt64, below high: UInt64) -> UInt64 {
        var total: UInt64 = 0
        for (index, n) in counts.enumerated() where n > 0 {
            let value = Self.highest(at: index)
            if value >= low && value < high { total += n }
        }
        return total
    }
}

@testable import RedisDoctorCore
import Testing

/// The PING histogram: every value lands in a bucket that covers it within 1.6 %, and the
/// percentiles and bars read back what was recorded.
struct LatencyHistogramTests {
    @Test(arguments: [0, 1, 127, 128, 129, 255, 256, 1000, 4095, 65_537, 300_000, 1_000_000, 86_400_000_000])
    func everyValueFallsInABucketThatCoversIt(_ value: UInt64) {
        let index = LatencyHistogram.index(of: value)
        let highest = LatencyHistogram.highest(at: index)
        #expect(highest >= value)
        #expect(Double(highest - value) <= max(1, Double(value) * 0.016), "\(value) -> \(highest)")
        #expect(index < LatencyHistogram.bucketCount)
        if index > 0 { #expect(LatencyHistogram.highest(at: index - 1) < value) }
    }

    @Test func percentilesOfAThousandFastPingsAndOneStall() {
        var histogram = LatencyHistogram()
        for i in 0..<1000 { histogram.record(UInt64(50 + i % 50)) }
        histogram.record(300_000)
        #expect(histogram.count == 1001)
        #expect(histogram.min == 50)
        #expect(histogram.max == 300_000)
        #expect(histogram.value(atPercentile: 50) <= 100)
        #expect(histogram.value(atPercentile: 99) <= 100)
        #expect(histogram.value(atPercentile: 100) == 300_000)
        let bars = histogram.bars()
        #expect(bars.first?.hasPrefix("ms") == true)
        #expect(bars.contains { $0.hasPrefix("262 - 524") && $0.contains("  1  #") }, "\(bars)")
        #expect(histogram.summaryLine.hasSuffix("max 300 ms"), "\(histogram.summaryLine)")
    }

    @Test func anEmptyHistogramPrintsNoBars() {
        let histogram = LatencyHistogram()
        #expect(histogram.bars().isEmpty)
        #expect(histogram.value(atPercentile: 99) == 0)
    }
}

/// The forecast's pieces: key families, the busiest second, the storm thresholds.
struct ExpiryForecastUnitTests {
    @Test(arguments: [("session:42", "\"session:*\""), ("user/7/cart", "\"user/*\""), ("job123", "\"job*\""), ("a.b", "\"a.*\""), ("\u{1}x:1", "\"\\x01x:*\"")])
    func keysAreGroupedByTheirFirstSegment(_ key: String, _ prefix: String) {
        #expect(ExpiryForecast.prefix(of: Array(key.utf8)) == prefix)
    }

    @Test func aSecondHoldingHalfTheKeysIsAStormOnlyWhenItIsBigEnough() {
        var forecast = ExpiryForecast(startSecond: 1_000)
        for i in 0..<50 { forecast.record(key: Array("s:\(i)".utf8), pttl: 30_400, nowMs: 1_000_000) }
        for i in 0..<50 { forecast.record(key: Array("c:\(i)".utf8), pttl: Int64(60_000 + i * 1000), nowMs: 1_000_000) }
        forecast.record(key: Array("p".utf8), pttl: -1, nowMs: 1_000_000)
        forecast.record(key: Array("late".utf8), pttl: 7_200_000, nowMs: 1_000_000)
        #expect(forecast.volatile == 101 && forecast.persistent == 1 && forecast.later == 1)
        let storm = StormForecast(forecast, sampledFraction: 0.001, threshold: StormThreshold())
        #expect(storm?.second == 1_030)
        #expect(storm?.count == 50)
        #expect(storm?.estimatedKeys == 50_000)
        #expect(storm?.isStorm == true)
        #expect(storm?.prefixes.first?.prefix == "\"s:*\"")
        // The whole keyspace sampled: 50 keys is no storm.
        #expect(StormForecast(forecast, sampledFraction: 1, threshold: StormThreshold())?.isStorm == false)
    }
}

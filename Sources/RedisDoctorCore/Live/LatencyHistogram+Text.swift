/// The histogram as text: the percentile ladder, then one bar per power-of-two range of
/// round-trip times, so a single 300 ms stall among thousands of 0.1 ms PINGs is a visible row.
extension LatencyHistogram {
    public static let percentiles: [Double] = [50, 90, 99, 99.9]

    /// `min 0.05 ms  p50 0.1 ms  ...  max 301 ms`
    public var summaryLine: String {
        var parts = ["min \(Self.ms(min == .max ? 0 : min))"]
        for p in Self.percentiles { parts.append("p\(HumanFormat.number(p)) \(Self.ms(value(atPercentile: p)))") }
        parts.append("max \(Self.ms(max))")
        return parts.joined(separator: "  ")
    }

    /// One row per range that holds a sample, from the fastest to the slowest, bars scaled
    /// to the largest row (at least one `#` for any non-empty row).
    public func bars(width: Int = 40) -> [String] {
        guard count > 0 else { return [] }
        var rows: [(label: String, n: UInt64)] = []
        var low: UInt64 = 0
        var high: UInt64 = 16
        while low <= max {
            let n = count(from: low, below: high)
            if n > 0 { rows.append(("\(Self.msNumber(low)) - \(Self.msNumber(high))", n)) }
            low = high
            high *= 2
        }
        let labelWidth = rows.map(\.label.count).reduce(0, Swift.max)
        let numberWidth = rows.map { String($0.n).count }.reduce(0, Swift.max)
        let largest = rows.map(\.n).reduce(0, Swift.max)
        let header = "ms" + String(repeating: " ", count: labelWidth - 2) + "  " + String(repeating: " ", count: Swift.max(0, numberWidth - 5)) + "PINGs"
        return [header] + rows.map { row in
            let bar = Swift.max(1, Int((Double(row.n) / Double(largest) * Double(width)).rounded()))
            let label = row.label + String(repeating: " ", count: labelWidth - row.label.count)
            let number = String(repeating: " ", count: numberWidth - String(row.n).count) + String(row.n)
            return "\(label)  \(number)  " + String(repeating: "#", count: bar)
        }
    }

    /// Microseconds as milliseconds: three significant digits below 10 ms, whole above.
    static func ms(_ micros: UInt64) -> String { msNumber(micros) + " ms" }

    static func msNumber(_ micros: UInt64) -> String {
        let value = Double(micros) / 1000
        if value >= 100 { return HumanFormat.number(value.rounded()) }
        if value >= 10 { return HumanFormat.fixed(value, 1) }
        if value >= 1 { return HumanFormat.fixed(value, 2) }
        return HumanFormat.fixed(value, 3)
    }
}

/// `keyspace`'s text: coverage first (how much was seen, where to resume), then the biggest
/// keys, the types, the forecast and the verdict.
extension KeyspaceReport {
    public func text() -> String {
        var lines: [String] = []
        let of = dbsize.map { " of \(HumanFormat.number(Double($0)))" } ?? ""
        let rateText = rate == 0 ? "uncapped, pipelined" : "at most \(HumanFormat.number(rate)) commands/s"
        lines.append("keyspace of \(target): \(HumanFormat.number(Double(sampled)))\(of) keys sampled (\(HumanFormat.percent(sampledFraction * 100))) "
                     + "in \(HumanFormat.fixed(elapsed, 1)) s, \(HumanFormat.number(keysPerSecond.rounded())) keys/s, \(HumanFormat.number(Double(commands))) commands (\(rateText))")
        lines.append(complete ? "  the scan is complete (SCAN returned cursor 0)"
                              : "  the scan stopped at cursor \(cursor)" + (stoppedBy.map { ": \($0)" } ?? "") + "; resume with --cursor \(cursor)")
        if vanished > 0 { lines.append("  \(HumanFormat.number(Double(vanished))) key(s) vanished between SCAN and TYPE (expired or deleted)") }
        if let memoryRefusal { lines.append("  MEMORY USAGE refused, sizes unknown: \(OutputText.oneLine(memoryRefusal))") }
        if keysRefused > 0 { lines.append("  \(HumanFormat.number(Double(keysRefused))) key(s) refused: \(OutputText.oneLine(keyRefusal ?? "")) (keyspace needs read access to the keys: %R~* on Redis 7)") }
        if ttlRefused > 0 { lines.append("  \(HumanFormat.number(Double(ttlRefused))) TTL(s) not read: \(OutputText.oneLine(ttlRefusal ?? "")); the forecast covers the rest") }
        if let memoryRefusal, biggestByMemory.isEmpty { lines.append("  without sizes, strings are judged by STRLEN and collections by length (\(OutputText.oneLine(memoryRefusal)))") }
        if let refusal { lines.append("  refused: \(OutputText.oneLine(refusal))") }
        if !biggestByMemory.isEmpty {
            lines.append("")
            lines.append("biggest keys by memory (MEMORY USAGE, SAMPLES 5):")
            for key in biggestByMemory {
                let size = HumanFormat.bytes(Double(key.memory ?? 0)).padding(10)
                lines.append("  " + size + "  " + key.type.padding(7) + "  " + key.displayName + lengthText(key))
            }
        }
        let byLength = biggestByLength
        if !byLength.isEmpty {
            lines.append("")
            lines.append("biggest keys by length, per type:")
            for (type, keys) in byLength {
                for key in keys.prefix(max(1, min(top, 3))) {
                    let length = (HumanFormat.number(Double(key.length ?? 0)) + " " + (KeyObservation.lengthCommands[type]?.unit ?? "")).padding(18)
                    lines.append("  " + type.padding(7) + "  " + length + "  " + key.displayName)
                }
            }
        }
        if !types.isEmpty {
            lines.append("")
            lines.append("types:")
            for (type, stats) in types.sorted(by: { $0.value.keys != $1.value.keys ? $0.value.keys > $1.value.keys : $0.key < $1.key }) {
                let memory = memoryRefusal == nil ? ", \(HumanFormat.bytes(Double(stats.memory)))" : ""
                lines.append("  " + type.padding(7) + "  \(HumanFormat.number(Double(stats.keys))) keys\(memory)")
            }
        }
        if let forecast { lines += forecastText(forecast) }
        lines.append("")
        let verdict = self.verdict
        let seen = complete ? "" : " among the \(HumanFormat.percent(sampledFraction * 100)) of the keyspace sampled"
        lines.append("verdict: \(verdict.status.label)" + (verdict.reasons.isEmpty ? " (no big key\(forecast == nil ? "" : ", no expire storm ahead")\(seen))" : ""))
        for reason in verdict.reasons { lines.append("  " + OutputText.oneLine(reason)) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func forecastText(_ forecast: ExpiryForecast) -> [String] {
        var lines = ["", "expiry forecast (PTTL of the sampled keys, the next hour in one-second buckets):"]
        lines.append("  \(HumanFormat.number(Double(forecast.volatile))) volatile, \(HumanFormat.number(Double(forecast.persistent))) without a TTL, "
                     + "\(HumanFormat.number(Double(forecast.later))) expiring after the hour")
        let busiest = forecast.busiest(5)
        guard !busiest.isEmpty else {
            lines.append("  no sampled key expires within the hour")
            return lines
        }
        lines.append("  busiest seconds:")
        for (second, count) in busiest {
            let prefixes = forecast.prefixes(in: second).map { "\($0.prefix) \(HumanFormat.number(Double($0.count)))" }.joined(separator: ", ")
            lines.append("    \(TimestampText.iso8601(Double(second)))  (in \(HumanFormat.duration(seconds: Double(max(0, second - forecast.startSecond)))))  "
                         + "\(HumanFormat.number(Double(count))) keys  \(prefixes)")
        }
        let minutes = forecast.perMinute()
        let peak = minutes.chunked5Max
        if peak > 0 {
            lines.append("  per 5 minutes:")
            for block in 0..<12 {
                let n = minutes[block * 5..<block * 5 + 5].reduce(0, +)
                let bar = n == 0 ? "" : String(repeating: "#", count: max(1, n * 40 / peak))
                lines.append("    +" + "\(block * 5)-\(block * 5 + 5) min".padding(12) + HumanFormat.number(Double(n)).padding(10) + bar)
            }
        }
        if let storm { lines.append("  peak: " + storm.sentence(from: forecast.startSecond) + (storm.isStorm ? "" : " (below the storm thresholds)")) }
        return lines
    }

    private func lengthText(_ key: KeyObservation) -> String {
        guard let length = key.length, let unit = KeyObservation.lengthCommands[key.type]?.unit else { return "" }
        return "  (\(HumanFormat.number(Double(length))) \(unit))"
    }

}

private extension Array where Element == Int {
    /// The largest sum of five consecutive minutes at block boundaries.
    var chunked5Max: Int {
        stride(from: 0, to: count, by: 5).map { self[$0..<Swift.min(count, $0 + 5)].reduce(0, +) }.max() ?? 0
    }
}

/// One frame of a live view (`:watch`): key INFO counters with per-second rates since the
/// previous tick, a running save's progress, and the rules judged over `WatchHistory`.
public enum WatchView {
    /// Gauges are shown as they are; counters as a rate per second.
    static let gauges: [InfoField] = [
        .connectedClients, .blockedClients, .usedMemory, .usedMemoryRss, .memFragmentationRatio,
        .instantaneousOpsPerSec, .changesSinceLastSave, .bgsaveInProgress, .connectedSlaves,
    ]
    static let counters: [InfoField] = [
        .totalCommandsProcessed, .totalConnectionsReceived, .rejectedConnections, .keyspaceHits, .keyspaceMisses,
        .expiredKeys, .evictedKeys, .totalErrorReplies, .usedCpuSys, .usedCpuUser,
    ]
    /// Shown only while a save child runs: how far it got.
    static let saveProgress: [InfoField] = [
        .currentBgsaveTimeSec, .aofCurrentRewriteTimeSec, .currentSaveKeysProcessed, .currentSaveKeysTotal, .currentForkPerc,
    ]

    public static func render(target: String, history: WatchHistory, results: [RuleResult], clock: String, tick: WatchTick? = nil) -> String {
        guard let newest = history.newest else { return "\(target)  \(clock)\n" }
        let current = newest.snapshot.info
        let previous = history.previous
        let elapsed = previous.map { newest.at - $0.at } ?? 0
        var lines = ["\(target)  \(clock)  (Ctrl-C to stop)", ""]
        let width = (gauges + counters + saveProgress).map { $0.spec.keys[0].count }.max() ?? 0
        func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        for field in gauges {
            guard let value = current.number(field) else { continue }
            lines.append("  \(pad(field.spec.keys[0]))  \(FieldExplanation.humanValue(value, unit: field.spec.unit))")
        }
        for field in counters {
            guard let value = current.number(field) else { continue }
            var line = "  \(pad(field.spec.keys[0]))  \(HumanFormat.number(value))"
            if let before = previous?.snapshot.info.number(field), elapsed > 0 {
                let rate = (value - before) / elapsed
                line += "  (" + (rate >= 0 ? "+" : "") + HumanFormat.fixed(rate, 1) + "/s)"
            }
            lines.append(line)
        }
        if let tick {
            lines.append("  " + pad("hit ratio") + "  " + (tick.hitRatio.map(HumanFormat.percent) ?? "-"))
            lines.append("  " + pad("new slowlog") + "  " + (tick.newSlowlog.map { "+\($0)" } ?? "-"))
            if let replication = tick.replication { lines.append("  " + pad("replication") + "  " + replication) }
        }
        if current.flag(.bgsaveInProgress) == true || current.flag(.aofRewriteInProgress) == true {
            lines.append("")
            lines.append("  save in progress:")
            for field in saveProgress {
                guard let value = current.number(field), value >= 0 else { continue }
                var line = "  \(pad(field.spec.keys[0]))  \(FieldExplanation.humanValue(value, unit: field.spec.unit))"
                if field == .currentSaveKeysProcessed, let oldest = history.samples.first, oldest.at < newest.at,
                   let before = oldest.snapshot.info.number(field) {
                    line += "  (+\(HumanFormat.number(value - before)) in \(HumanFormat.duration(seconds: newest.at - oldest.at)))"
                }
                lines.append(line)
            }
        }
        lines.append("")
        let status = Status.worst(results.map(\.status))
        let problems = results.filter { $0.status != .ok && $0.status != .skipped }
        lines.append("  rules: \(status.label)" + (problems.isEmpty ? "" : "  " + problems.map { "\($0.status.label) \($0.ruleID)" }.joined(separator: ", ")))
        // What is wrong, and what could not be judged yet, in a line each.
        for result in problems { lines.append("    \(result.ruleID): \(OutputText.oneLine(result.summary))") }
        for result in results where result.status == .ok {
            if let note = result.notJudged { lines.append("    \(result.ruleID): \(OutputText.oneLine(note))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `latency`'s text: the PING summary and histogram, then the server's latency monitor.
extension LatencyReport {
    public func text() -> String {
        var lines: [String] = []
        let rateText = rate == 0 ? "uncapped" : "at most \(HumanFormat.number(rate))/s"
        lines.append("PING round trips to \(target): \(histogram.count) in \(HumanFormat.fixed(elapsed, 1)) s (\(rateText))")
        if histogram.count > 0 {
            lines.append("  " + histogram.summaryLine + "  mean \(LatencyHistogram.ms(UInt64(histogram.mean.rounded())))")
            lines.append("")
            lines += histogram.bars().map { "  " + $0 }
        }
        if cutShort { lines.append("  the last PING was still waiting when the duration ended: counted with the time it waited (the stall lasted at least that long)") }
        if timeouts > 0 { lines.append("  \(timeouts) PING(s) with no reply within \(HumanFormat.number(timeoutSeconds)) s (-t); each reconnected") }
        if dropped > 0 { lines.append("  the connection was lost \(dropped) time(s) and reopened: \(OutputText.oneLine(firstDrop ?? ""))") }
        if errors > 0 { lines.append("  \(errors) PING(s) not answered with PONG: \(OutputText.oneLine(firstError ?? ""))") }
        if let stoppedBy { lines.append("  stopped early: \(OutputText.oneLine(stoppedBy))") }
        lines.append("")
        lines += monitor.text()
        lines.append("")
        let verdict = self.verdict
        lines.append("verdict: \(verdict.status.label) (\(verdict.reason))")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension LatencyMonitor {
    func text() -> [String] {
        var lines: [String] = []
        switch threshold {
        case .some(0):
            lines.append("latency monitor: off (latency-monitor-threshold 0): the server records no spikes. Turn it on with")
            lines.append("  CONFIG SET latency-monitor-threshold 100   (milliseconds; events slower than this are kept)")
        case .some(let ms):
            lines.append("latency monitor: on, events of \(ms) ms or more")
        case .none:
            lines.append("latency monitor: latency-monitor-threshold not readable")
        }
        for refusal in refusals { lines.append("  refused: \(OutputText.oneLine(refusal))") }
        if !latest.isEmpty {
            lines.append("  LATENCY LATEST:")
            for event in latest {
                lines.append("    \(OutputText.oneLine(event.name)): latest \(event.latestMs) ms at \(TimestampText.iso8601(Double(event.timestamp))), max \(event.maxMs) ms")
            }
        } else if threshold.map({ $0 > 0 }) == true && refusals.isEmpty {
            lines.append("  no event recorded")
        }
        for (event, points) in history where !points.isEmpty {
            let shown = points.suffix(10).map { "\($0.ms)" }.joined(separator: " ")
            lines.append("  LATENCY HISTORY \(OutputText.oneLine(event)): \(points.count) point(s), last \(min(10, points.count)) in ms: \(shown)")
        }
        if let doctor, threshold.map({ $0 > 0 }) == true {
            lines.append("")
            lines.append("LATENCY DOCTOR:")
            lines += doctor.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + OutputText.oneLine(String($0)) }
        }
        return lines
    }
}

extension ParsedSnapshot {
    /// The INFO counters the interval rules compare between samples, with their base units.
    static let intervalCounters: [(InfoField, MetricUnit)] = [
        (.expiredKeys, .none), (.evictedKeys, .none), (.rejectedConnections, .none),
        (.usedCpuSys, .seconds), (.usedCpuUser, .seconds),
        (.usedCpuSysMainThread, .seconds), (.usedCpuUserMainThread, .seconds),
        (.expiredTimeCapReachedCount, .none),
        (.expireCycleCpuMilliseconds, .milliseconds), (.clientOutputBufferLimitDisconnections, .none),
        (.totalErrorReplies, .none), (.masterSyncReadBytes, .bytes),
    ]

    /// Every counter an interval rule needs, as this sample shows it: perfdata keeps them
    /// (`c`) so a later run can rebuild this sample from a Nagios line alone, and
    /// Prometheus gets them as `_total` counters. Named after the INFO field.
    public var counters: [Metric] {
        var counters: [Metric] = []
        for (field, unit) in Self.intervalCounters {
            guard let value = info.number(field) else { continue }
            counters.append(Metric(field.spec.keys[0], value, unit: unit, kind: .counter, min: 0))
        }
        if let oom = info.oomRejections {
            counters.append(Metric("errorstat_oom", oom, kind: .counter, min: 0))
        }
        // Save progress restarts at 0 with every save: a gauge, although the stall test compares it.
        if let keys = info.number(.currentSaveKeysProcessed) {
            counters.append(Metric("current_save_keys_processed", keys, min: 0))
        }
        if let newest = slowlog?.map(\.id).max() {
            // SLOWLOG ids only grow (SLOWLOG RESET keeps the counter): new entries are those above it.
            counters.append(Metric("slowlog_last_id", Double(newest), kind: .counter, min: 0))
        }
        return counters
    }
}

/// The active expire cycle falling behind: seed 004, where many keys expired at
/// once and the expire work pinned the CPU.
public enum ExpireStormRule: HealthRule {
    public static let description = RuleDescription(
        id: "expire-storm",
        title: "Expire storm",
        category: .latency,
        summary: "The active expire cycle hits its time cap while many sampled keys are already expired.",
        rationale: """
            Redis expires keys in a background cycle capped at 25% of the CPU time (250 ms per \
            second). When many keys share a TTL the cycle keeps hitting that cap \
            (expired_time_cap_reached_count rises) and expired_stale_perc, the estimated share of \
            expired-but-present keys, climbs. WARNING when the cap was hit between the samples and \
            10% of keys are stale (ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE); CRITICAL at 50% stale or \
            when the cycle used 250 ms of CPU per second. With one sample only (no deltas), 50% \
            stale is a WARNING: the estimate is current, but whether the cycle is capped is unknown. \
            expired_stale_perc is a moving average that decays over several cycles, so it is \
            cross-checked against the keys that still have a TTL (Keyspace expires): with none \
            left, there is no storm. With forecast=on (off by default: it reads keys, which needs \
            %R~* on Redis 7), `check` also samples the PTTL of keys (SCAN, at most 2 s and 2,000 \
            commands a second) and WARNs before the storm: when one second of the next hour holds \
            forecast-share percent of the sampled volatile keys and, scaled to the keyspace, \
            forecast-keys keys. `redis-doctor keyspace --ttl` is the same forecast, at length.
            """,
        fieldsRead: ["expired_stale_perc", "expired_time_cap_reached_count", "expire_cycle_cpu_milliseconds", "expired_keys", "db0:expires (Keyspace)"],
        commandsNeeded: ["INFO", "with forecast=on: DBSIZE, TIME, SCAN, PTTL"],
        enabledByDefault: true,
        parameters: [
            RuleParameter(name: "stale-warning", defaultValue: "10", description: "With the time cap reached between samples, WARNING at this expired_stale_perc."),
            RuleParameter(name: "stale-critical", defaultValue: "50", description: "CRITICAL at this expired_stale_perc (WARNING with one sample)."),
            RuleParameter(name: "cpu-critical", defaultValue: "250", description: "CRITICAL when the expire cycle used this many CPU milliseconds per second between samples."),
            RuleParameter(name: "forecast", defaultValue: "false", description: "Sample the keys' PTTL and forecast storms over the next hour (on to enable).", kind: .flag),
            RuleParameter(name: "forecast-share", defaultValue: "10", description: "Forecast a storm when one second holds this percent of the sampled volatile keys..."),
            RuleParameter(name: "forecast-keys", defaultValue: "10000", description: "... and at least this many keys, scaled to the whole keyspace."),
        ],
        examples: [
            RuleExample(
                "Seed 004: 500k keys on one TTL",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800005000000\nexpired_keys:480000\nexpired_stale_perc:91.80\nexpired_time_cap_reached_count:53\nexpire_cycle_cpu_milliseconds:742\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_keys:0\nexpired_stale_perc:0.00\nexpired_time_cap_reached_count:0\nexpire_cycle_cpu_milliseconds:0\n",
                expect: .critical,
                expectEvidence: ["expired_stale_perc=91.8", "+53 time-cap hits", "148 ms/s"]),
            RuleExample(
                "Cap reached with 18% stale",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nexpired_stale_perc:18.00\nexpired_time_cap_reached_count:12\nexpire_cycle_cpu_milliseconds:3000\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_stale_perc:2.00\nexpired_time_cap_reached_count:10\nexpire_cycle_cpu_milliseconds:1000\n",
                expect: .warning,
                expectEvidence: ["+2 time-cap hits", "expired_stale_perc=18"]),
            RuleExample(
                "One sample, 60% stale",
                info: "redis_version:7.2.6\nexpired_stale_perc:60.00\nexpired_time_cap_reached_count:900\n",
                expect: .warning,
                expectEvidence: ["expired_stale_perc=60", "one sample"]),
            RuleExample(
                "Expiry keeping up",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800060000000\nexpired_stale_perc:1.20\nexpired_time_cap_reached_count:4\nexpire_cycle_cpu_milliseconds:500\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_stale_perc:1.00\nexpired_time_cap_reached_count:4\nexpire_cycle_cpu_milliseconds:400\n",
                expect: .ok),
            RuleExample(
                "The storm is over: no key with a TTL left, the moving average lags",
                info: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800005000000\nexpired_keys:500000\nexpired_stale_perc:63.10\nexpired_time_cap_reached_count:60\nexpire_cycle_cpu_milliseconds:900\n# Keyspace\ndb0:keys=12,expires=0,avg_ttl=0\n",
                previousInfo: "redis_version:7.2.6\nrun_id:abc\nserver_time_usec:1763800000000000\nexpired_keys:480000\nexpired_stale_perc:91.80\nexpired_time_cap_reached_count:53\nexpire_cycle_cpu_milliseconds:742\n",
                expect: .ok,
                expectEvidence: ["no keys with a TTL remain (Keyspace expires=0)", "moving average"]),
            RuleExample(
                "Forecast: 2,000 of 4,000 sampled keys expire in the same second, 30 s ahead",
                info: "redis_version:7.2.6\nexpired_stale_perc:0.00\nexpired_time_cap_reached_count:0\n# Keyspace\ndb0:keys=400000,expires=400000,avg_ttl=900000\n",
                replies: ["PTTL": "dbsize 400000 time 1763800000000\nsession * 2000 30500\ncache * 1000 600000\nlater * 1000 1800000\n"],
                settings: ["expire-storm.forecast": "on"],
                expect: .warning,
                expectEvidence: ["forecast: 2000 sampled keys (about 200000 in the whole keyspace), 50.0% of the sampled volatile keys, expire in the second 2025-11-22T08:27:10Z, in 30s", "\"session:*\" 2000"]),
            RuleExample(
                "Forecast: TTLs spread over the hour",
                info: "redis_version:7.2.6\nexpired_stale_perc:0.00\nexpired_time_cap_reached_count:0\n# Keyspace\ndb0:keys=3000,expires=3000,avg_ttl=900000\n",
                replies: ["PTTL": "dbsize 3000 time 1763800000000\na * 1 1000\nb * 1 2000\nc * 1 3000\nd * 1 4000\ne * 1 5000\nf * 1 6000\ng * 1 7000\nh * 1 8000\ni * 1 9000\nj * 1 10000\nk * 1 11000\n"],
                settings: ["expire-storm.forecast": "on"],
                expect: .ok,
                expectEvidence: ["below the storm thresholds"]),
            RuleExample(
                "Forecast: PTTL refused by an ACL without key access",
                info: "redis_version:7.2.6\nexpired_stale_perc:0.00\nexpired_time_cap_reached_count:0\n",
                replies: ["PTTL": "dbsize 10 time 1763800000000\nk1 -NOPERM No permissions to access a key\n"],
                settings: ["expire-storm.forecast": "on"],
                expect: .unknown,
                expectEvidence: ["forecast: PTTL refused: NOPERM No permissions to access a key"]),
            RuleExample(
                "Redis 4 prints no expire statistics",
                info: "redis_version:4.0.14\nexpired_keys:10\n",
                expect: .skipped),
        ]
    )

    /// Whether a check takes the forecast sample: this rule enabled (not left out by --skip
    /// or --only) and its `forecast` parameter on.
    public static func forecastRequested(_ settings: RuleSettings) -> Bool {
        let id = description.id
        let byDefault = description.parameters.first { $0.name == "forecast" }.map { $0.defaultValue == "true" } ?? false
        return settings.isEnabled(id: id, defaultEnabled: description.enabledByDefault)
            && ((try? settings.bool(rule: id, name: "forecast", default: byDefault)) ?? byDefault)
    }

    /// The forecast's verdict: WARNING for a storm ahead, UNKNOWN when the server refused
    /// the PTTLs, OK with what the busiest second holds.
    static func forecastFinding(_ context: RuleContext) throws(RuleSettingsError) -> (status: Status, evidence: String) {
        guard let sample = ExpiryForecast.sample(in: context.current.snapshot) else {
            return (.unknown, "forecast: not sampled (this input holds no PTTL sample: the server did not answer in time, or a snapshot or pasted INFO; a live check takes one)")
        }
        if let refusal = sample.refusal, sample.keys == 0 {
            return (.unknown, "forecast: \(refusal.hasPrefix("PTTL: ") ? "PTTL refused: " + refusal.dropFirst(6) : refusal) (the forecast reads keys: %R~* on Redis 7)")
        }
        let threshold = StormThreshold(share: try context.number("forecast-share"), minimumKeys: try context.number("forecast-keys"))
        guard let storm = StormForecast(sample.forecast, sampledFraction: sample.sampledFraction, threshold: threshold) else {
            return (.ok, "forecast: none of \(sample.keys) sampled keys expires within the hour")
        }
        let sentence = "forecast: " + storm.sentence(from: sample.forecast.startSecond)
        return storm.isStorm ? (.warning, sentence) : (.ok, sentence + " (below the storm thresholds)")
    }

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let stale = context.info.number(.expiredStalePerc) else {
            return context.skipped("the server prints no expired_stale_perc (added in Redis 4.0.9)")
        }
        let staleWarning = try context.number("stale-warning")
        let staleCritical = try context.number("stale-critical")
        let cpuCritical = try context.number("cpu-critical")
        var evidence = ["expired_stale_perc=\(HumanFormat.number(stale))% (estimated share of expired keys not yet removed)"]
        var metrics = [Metric("expired_stale_perc", stale, unit: .percent, min: 0, max: 100)]
        var status = Status.ok
        let capHits = context.delta(.expiredTimeCapReachedCount)
        let interval = context.interval

        if let capHits, let interval, interval > 0 {
            evidence.append("+\(HumanFormat.number(capHits)) time-cap hits in \(HumanFormat.number(interval.rounded())) s")
            if capHits > 0 && stale >= staleWarning { status = .warning }
            if let cpu = context.delta(.expireCycleCpuMilliseconds) {
                let perSecond = cpu / interval
                evidence.append("expire cycle used \(HumanFormat.number(perSecond.rounded())) ms/s of CPU (cap 250)")
                // 250 ms/s is 25 % of one core: a share of time, graphed as a percentage.
                metrics.append(Metric("expire_cycle_cpu", perSecond / 10, unit: .percent, min: 0, max: 100))
                if perSecond >= cpuCritical { status = .critical }
            }
            if stale >= staleCritical { status = .critical }
        } else {
            evidence.append("one sample only: time-cap hits and CPU per second need --interval or --state-file")
            if stale >= staleCritical { status = .warning }
        }
        if let expired = context.delta(.expiredKeys), expired > 0 { evidence.append("+\(HumanFormat.number(expired)) keys expired") }
        if status != .ok, let volatile = volatileKeys(context.info), volatile == 0 {
            // expired_stale_perc decays over several cycles: it still reads high seconds
            // after the last volatile key is gone, when there is nothing left to expire.
            evidence.append("no keys with a TTL remain (Keyspace expires=0): expired_stale_perc is a moving average still decaying")
            return context.ok("active expiry has caught up: no keys with a TTL left", evidence: evidence, metrics: metrics)
        }

        var summary = status == .ok ? "active expiry keeps up (\(HumanFormat.number(stale))% stale)"
            : "active expiry falling behind: \(HumanFormat.number(stale))% of keys stale"
        if try context.flag("forecast") {
            let forecast = try forecastFinding(context)
            evidence.append(forecast.evidence)
            if forecast.status != .ok, status == .ok {
                summary = forecast.status == .warning ? "expire storm ahead: " + forecast.evidence.dropFirst("forecast: ".count) : forecast.evidence
            }
            status = Status.worst([status, forecast.status])
        }
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "Spread TTLs: add random jitter when setting expiries (EXPIRE key ttl+rand(0..10%)) so keys do not expire together.",
            "Watch INFO stats (expired_keys, expired_stale_perc) and LATENCY HISTORY expire-cycle; active-expire-effort (6.0+) trades CPU for memory.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }

    /// Keys with a TTL across the databases, when the reply has a Keyspace section
    /// (an empty section means no keys at all); nil when the server did not say.
    static func volatileKeys(_ info: Info) -> Int64? {
        let keyspace = info.keyspace
        if keyspace.isEmpty { return info.section(named: "Keyspace") == nil ? nil : 0 }
        var total: Int64 = 0
        for entry in keyspace {
            guard let expires = entry.expires else { return nil }
            total = total.addingReportingOverflow(expires).partialValue
        }
        return total
    }
}

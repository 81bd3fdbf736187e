extension RuleContext {
    /// The server's host, when the sample was taken on it.
    public var host: HostFacts? { current.host }

    /// SKIPPED, saying why there are no host facts (remote, `--host-checks off`, not a server).
    public func hostSkipped() -> RuleResult {
        skipped("no host facts: \(current.hostAbsence)")
    }
}

extension RuleContext {
    /// Why the server forks (save points, AOF rewrites, replicas' full syncs, a save
    /// running now), or, with `unknown`, that CONFIG GET was refused and save points are
    /// not known: a fork must then be assumed.
    public var forkReasons: (reasons: [String], unknown: String?) {
        var reasons: [String] = []
        if info.flag(.bgsaveInProgress) == true || info.flag(.aofRewriteInProgress) == true { reasons.append("the save running now") }
        if let save = current.config?["save"], !save.trimmingSpaces.isEmpty { reasons.append("save points (save \(save))") }
        if info.flag(.aofEnabled) == true || current.config?["appendonly"] == "yes" { reasons.append("AOF rewrites (appendonly yes)") }
        if let replicas = info.number(.connectedSlaves), replicas > 0 { reasons.append("\(HumanFormat.number(replicas)) replicas attached (a full sync forks)") }
        var unknown: String?
        if current.config?["save"] == nil {
            unknown = "save points unknown" + (unavailable("CONFIG GET").map { ": \($0)" } ?? "")
        }
        return (reasons, unknown)
    }
}

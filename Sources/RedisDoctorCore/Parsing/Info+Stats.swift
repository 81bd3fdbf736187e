/// `errorstat_<CODE>:count=N` (6.2+).
public struct ErrorStat: Sendable, Equatable {
    public var code: String
    public var count: Int64
}

/// `cmdstat_<name>:calls=..,usec=..,usec_per_call=..[,rejected_calls=..,failed_calls=..]`.
public struct CommandStat: Sendable, Equatable {
    /// Command name as printed, sub-commands as `config|get` (7.0+).
    public var command: String
    public var calls: Int64?
    public var usec: Int64?
    public var usecPerCall: Double?
    public var rejectedCalls: Int64?
    public var failedCalls: Int64?
}

/// `module:name=..,ver=..,...` (6.0+; the key repeats once per module).
public struct ModuleEntry: Sendable, Equatable {
    public var name: String?
    public var version: String?
    public var pairs: InfoPairs
}

extension Info {
    /// Error counts by error code, in reply order.
    public var errorStats: [ErrorStat] {
        entries.compactMap { entry in
            guard entry.key.hasPrefix("errorstat_"),
                  let count = InfoPairs(parsing: entry.value).int("count") else { return nil }
            return ErrorStat(code: String(entry.key.dropFirst(10)), count: count)
        }
    }

    /// Per-command counters, in reply order (hash order on the server).
    public var commandStats: [CommandStat] {
        entries.compactMap { entry in
            guard entry.key.hasPrefix("cmdstat_") else { return nil }
            let pairs = InfoPairs(parsing: entry.value)
            return CommandStat(
                command: String(entry.key.dropFirst(8)), calls: pairs.int("calls"),
                usec: pairs.int("usec"), usecPerCall: pairs.double("usec_per_call"),
                rejectedCalls: pairs.int("rejected_calls"), failedCalls: pairs.int("failed_calls"))
        }
    }

    /// Loaded modules, one per `module:` line.
    public var modules: [ModuleEntry] {
        values("module").map { value in
            let pairs = InfoPairs(parsing: value)
            return ModuleEntry(name: pairs["name"], version: pairs["ver"], pairs: pairs)
        }
    }
}

extension Info {
    /// Writes refused with OOM (errorstat_OOM, 6.2+); absent when the server keeps no
    /// error statistics.
    public var oomRejections: Double? {
        if let stat = errorStats.first(where: { $0.code == "OOM" }) { return Double(stat.count) }
        // 6.2+ prints the Errorstats header even with no error yet: zero, not unknown.
        return section(named: "errorstats") != nil ? 0 : nil
    }
}

extension RuleContext {
    /// Whether rdb_last_save_time is still the server's start time, so that no save has
    /// succeeded since the start; nil without a server clock or uptime.
    ///
    /// Redis sets the last save time in initServer and on each successful save, and uptime
    /// is whole seconds since its start second: `now - uptime` lies within a second of the
    /// start, and a save at least two seconds later is unmistakable.
    public var lastSaveIsStart: Bool? {
        guard let lastSave = info.number(.lastSaveTime), let now, let uptime = info.number(.uptimeSeconds) else { return nil }
        let gap = lastSave - (now - uptime)
        return gap > -1.5 && gap <= 1
    }
}

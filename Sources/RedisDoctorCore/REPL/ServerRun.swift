/// One run of a server process, as INFO server describes it: a restart changes
/// `run_id` or makes the uptime go backwards.
public struct ServerRun: Sendable, Equatable {
    public var runID: String?
    public var uptimeSeconds: Double?
    public var version: String?
    public var role: String?

    public init(runID: String? = nil, uptimeSeconds: Double? = nil, version: String? = nil, role: String? = nil) {
        self.runID = runID
        self.uptimeSeconds = uptimeSeconds
        self.version = version
        self.role = role
    }

    public init(info: Info) {
        self.init(runID: info.string(.runId), uptimeSeconds: info.number(.uptimeSeconds),
                  version: info.string(.version), role: info.string(.role))
    }

    /// A sentence announcing a restart between `earlier` and `self`, or nil.
    public func restartNotice(since earlier: ServerRun) -> String? {
        let uptimeText = uptimeSeconds.map { " (up \(HumanFormat.duration(seconds: $0)))" } ?? ""
        if let before = earlier.runID, let now = runID, before != now {
            return "the server restarted: run_id changed from \(before.prefix(8))… to \(now.prefix(8))…\(uptimeText)"
        }
        if let before = earlier.uptimeSeconds, let now = uptimeSeconds, now < before {
            return "the server restarted: uptime went from \(HumanFormat.duration(seconds: before)) to \(HumanFormat.duration(seconds: now))"
        }
        if let before = earlier.version, let now = version, before != now {
            return "the server now runs version \(now) (was \(before))"
        }
        return nil
    }
}

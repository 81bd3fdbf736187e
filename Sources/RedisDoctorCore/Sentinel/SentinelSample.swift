/// What sentinel-failover compares with: the master's address and config epoch at an earlier
/// run (the state file, `--interval`) or its epoch alone (`--prev-perfdata`: an address
/// cannot travel in numeric perfdata).
public struct SentinelSample: Sendable, Hashable {
    public var masterAddress: String?
    public var configEpoch: Int64?
    /// Seconds since the epoch, when known.
    public var takenAt: Double?
    /// Where it came from, for evidence: "the state file", "--interval", "--prev-perfdata".
    public var source: String

    public init(masterAddress: String?, configEpoch: Int64?, takenAt: Double? = nil, source: String) {
        self.masterAddress = masterAddress
        self.configEpoch = configEpoch
        self.takenAt = takenAt
        self.source = source
    }

    /// The sample a state file keeps: the agreed address and epoch as the two replies they
    /// came from, so the file holds replies like every other snapshot.
    public static func snapshot(of state: SentinelState, takenAtMicros: Int64?) -> Snapshot {
        var snapshot = Snapshot(target: state.name, takenAtMicros: takenAtMicros)
        if let address = state.agreedMasterAddress, let split = HostPort.parse(address) {
            snapshot.exchanges.append(Exchange(command: ["SENTINEL", "GET-MASTER-ADDR-BY-NAME", state.masterName],
                                               reply: .array([.bulk(Array(split.host.utf8)), .bulk(Array(String(split.port).utf8))])))
        }
        if let epoch = state.configEpoch {
            snapshot.exchanges.append(Exchange(command: ["SENTINEL", "MASTER", state.masterName],
                                               reply: .array([.bulk(Array("config-epoch".utf8)), .bulk(Array(String(epoch).utf8))])))
        }
        return snapshot
    }

    /// Read back from a state file's snapshot; nil when it holds neither reply.
    public init?(snapshot: Snapshot, masterName: String, source: String) {
        let view = SentinelView(address: snapshot.target, snapshot: snapshot, masterName: masterName)
        guard view.masterAddress != nil || view.configEpoch != nil else { return nil }
        self.init(masterAddress: view.masterAddress, configEpoch: view.configEpoch,
                  takenAt: snapshot.takenAtMicros.map { Double($0) / 1_000_000 }, source: source)
    }

    /// From the previous run's perfdata: its `sentinel_config_epoch`; nil without one.
    public init?(perfdata items: [PerfdataSample.Item], takenAt: Double) {
        guard let item = items.first(where: { $0.label == "sentinel_config_epoch" }), item.value >= 0, item.value < 1e15 else { return nil }
        self.init(masterAddress: nil, configEpoch: Int64(item.value), takenAt: takenAt, source: PerfdataSample.source)
    }
}

/// Every sentinel's view of one master, for the sentinel rules: the sentinels given and the
/// ones they list, each with its answers or why it gave none, and what the master's address
/// answered to ROLE.
public struct SentinelState: Sendable {
    public var masterName: String
    /// The first sentinel that answered, or the connection target when none did.
    public var seed: String
    public var views: [SentinelView]
    /// ROLE at the address the sentinels agree on; nil when they gave none.
    public var probe: SentinelMasterProbe?
    /// The earlier sample sentinel-failover compares with.
    public var previous: SentinelSample?

    public init(masterName: String, seed: String, views: [SentinelView], probe: SentinelMasterProbe? = nil, previous: SentinelSample? = nil) {
        self.masterName = masterName
        self.seed = seed
        self.views = views
        self.probe = probe
        self.previous = previous
    }

    /// `sentinel master mymaster via 127.0.0.1:26379`: what reports and the state file call it.
    public var name: String { "sentinel master \(masterName) via \(seed)" }

    /// The sentinels that answered SENTINEL MASTER for this name.
    public var answering: [SentinelView] { views.filter(\.answered) }

    /// The quorum the answering sentinels are configured with (the largest, if they differ).
    public var quorum: Int? { answering.compactMap(\.quorum).max() }

    /// The newest view: the highest config epoch, the first listed among equals. Its master
    /// and replicas are what the rules describe.
    public var freshest: SentinelView? {
        answering.enumerated().max { a, b in
            let (x, y) = (a.element.configEpoch ?? -1, b.element.configEpoch ?? -1)
            return x != y ? x < y : a.offset > b.offset
        }?.element
    }

    public var configEpoch: Int64? { answering.compactMap(\.configEpoch).max() }

    /// The address most answering sentinels give (GET-MASTER-ADDR-BY-NAME); on a tie, the
    /// freshest view's.
    public var agreedMasterAddress: String? {
        var counts: [String: Int] = [:]
        for address in answering.compactMap(\.masterAddress) { counts[address, default: 0] += 1 }
        guard let top = counts.values.max() else { return nil }
        let leaders = counts.filter { $0.value == top }.map(\.key)
        if leaders.count > 1, let fresh = freshest?.masterAddress, leaders.contains(fresh) { return fresh }
        return leaders.min()
    }

    /// The replicas as the freshest view lists them.
    public var replicas: [SentinelFields] { freshest?.replicas ?? [] }
}

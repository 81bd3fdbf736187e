extension TopologyReport {
    /// `REDIS CLUSTER`, `REDIS SENTINEL`: how the Nagios line names what was checked.
    public var serviceName: String { isSentinel ? "REDIS SENTINEL" : "REDIS CLUSTER" }

    /// `6 nodes, 3 shards`; `master mymaster at 127.0.0.1:6379, 3 sentinels (+2 followed)`.
    public var sizeText: String {
        switch kind {
        case .cluster(let shards):
            return "\(nodes.count) nodes, \(shards) shards"
        case .sentinel(let master, let address):
            let sentinels = nodes.filter { $0.role == "sentinel" }.count
            let followed = nodes.count - sentinels
            return "master \(master) at \(address ?? "an unknown address"), \(sentinels) sentinels" + (followed > 0 ? ", \(followed) data nodes followed" : "")
        }
    }

    /// What the topology's own rules are called in a summary: `cluster rules`, `sentinel rules`.
    public var rulesName: String { isSentinel ? "sentinel rules" : "cluster rules" }
}

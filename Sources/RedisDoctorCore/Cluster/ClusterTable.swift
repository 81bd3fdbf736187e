/// The `cluster` triage view: one row per node, grouped by shard, as the majority of nodes
/// see it, with what each node said of itself (memory, ops/s, replication offset). Rows fit
/// 100 columns; what does not fit a cell goes in numbered notes under the table.
public struct ClusterTable: Sendable {
    public struct Row: Sendable, Hashable {
        public var shard: String
        public var role: String
        public var address: String
        public var id: String
        public var slots: String
        /// Flags as most nodes print them, without myself/master/slave: `fail`, `fail?`, `-`.
        public var flags: String
        /// Views whose bus link to this node is up, of the views that list it (itself excluded).
        public var linksUp: Int
        public var linksSeen: Int
        /// A replica's replication offset behind its primary's, in bytes.
        public var lagBytes: Double?
        public var usedMemory: Double?
        public var opsPerSecond: Double?
        /// Views that print this node differently from the majority.
        public var disagreeing: [String]
        /// Why the node gave no view of its own.
        public var failure: String?
    }

    public var name: String
    public var rows: [Row]

    public init(_ cluster: ClusterState) {
        name = cluster.name
        var rows: [Row] = []
        var placed = Set<String>()
        var groups: [(String, [String])] = []
        for primary in cluster.nodeIDs.compactMap({ cluster.agreed($0) }) where primary.isPrimary && primary.slotCount > 0 {
            let members = [primary.id] + cluster.replicas(of: primary.id).map(\.id)
            groups.append(("shard \(primary.slotText)", members))
            placed.formUnion(members)
        }
        let rest = cluster.nodeIDs.filter { !placed.contains($0) }
        if !rest.isEmpty { groups.append(("no slots", rest)) }
        for (shard, members) in groups {
            for id in members { rows.append(Self.row(id, shard: shard, in: cluster)) }
        }
        self.rows = rows
    }

    static func row(_ id: String, shard: String, in cluster: ClusterState) -> Row {
        let agreed = cluster.agreed(id)
        let view = cluster.view(of: id)
        let others = cluster.lines(for: id).filter { !$0.node.isMyself }
        let info = view?.snapshot?.info
        var lag: Double?
        if let agreed, agreed.isReplica, let primary = agreed.primaryID,
           let theirs = cluster.view(of: primary)?.snapshot?.info.value("master_repl_offset").flatMap(Double.init),
           let mine = info?.value("slave_repl_offset").flatMap(Double.init) {
            lag = max(0, theirs - mine)
        }
        let majority = agreed.map(ClusterState.agreementKey)
        let disagreeing = cluster.lines(for: id).filter { majority != nil && ClusterState.agreementKey($0.node) != majority }.map(\.viewer.address)
        let flags = agreed?.stateFlags ?? []
        return Row(shard: shard, role: agreed.map { $0.isPrimary ? "master" : $0.isReplica ? "replica" : "?" } ?? "?",
                   address: cluster.address(of: id), id: String(id.prefix(8)), slots: agreed.map { $0.slotCount > 0 ? $0.slotText : "-" } ?? "-",
                   flags: flags.isEmpty ? "-" : flags.joined(separator: ","),
                   linksUp: others.filter(\.node.linkConnected).count, linksSeen: others.count, lagBytes: lag,
                   usedMemory: info?.value("used_memory").flatMap(Double.init),
                   opsPerSecond: info?.value("instantaneous_ops_per_sec").flatMap(Double.init),
                   disagreeing: disagreeing, failure: view?.failure ?? (view?.answered == false ? "no CLUSTER NODES" : nil))
    }

    public func render() -> String {
        var lines = ["\(name): \(rows.count) nodes"]
        var notes: [String] = []
        let header = Self.cells(["ROLE", "ADDRESS", "ID", "SLOTS", "FLAGS", "LINK", "LAG", "MEM", "OPS/S", "NOTES"])
        var shard = ""
        for row in rows {
            if row.shard != shard {
                shard = row.shard
                lines += ["", shard, header]
            }
            // One note per row, so the cell stays within 11 columns.
            var details: [String] = []
            if let failure = row.failure { details.append(OutputText.oneLine(failure)) }
            if !row.disagreeing.isEmpty { details.append("printed differently by \(row.disagreeing.joined(separator: ", "))") }
            var slots = row.slots
            if slots.count > 11 {
                details.append("slots \(row.slots)")
                slots = String(slots.prefix(8)) + "..."
            }
            var flags = row.flags
            if flags.count > 10 {
                details.append("flags \(row.flags)")
                flags = String(flags.prefix(7)) + "..."
            }
            var note = "-"
            if !details.isEmpty {
                notes.append("[\(notes.count + 1)] \(row.address): \(details.joined(separator: "; "))")
                note = "[\(notes.count)]"
            }
            lines.append(Self.cells([
                row.role, row.address, row.id, slots, flags, row.linksSeen == 0 ? "-" : "\(row.linksUp)/\(row.linksSeen)",
                row.lagBytes.map { HumanFormat.bytes($0) } ?? "-", row.usedMemory.map { HumanFormat.bytes($0) } ?? "-",
                row.opsPerSecond.map(Self.compact) ?? "-", note,
            ]))
        }
        if !notes.isEmpty { lines += [""] + notes }
        return lines.joined(separator: "\n")
    }

    /// `950`, `12.5k`, `3.2M`: ops/s within 7 columns.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        if value.magnitude < 10_000 { return HumanFormat.number(value.rounded()) }
        if value.magnitude < 10_000_000 { return HumanFormat.fixed(value / 1000, 1) + "k" }
        return value.magnitude < 1e12 ? HumanFormat.fixed(value / 1_000_000, 1) + "M" : "many"
    }

    /// Fixed columns: 7 + 21 + 8 + 11 + 10 + 5 + 8 + 8 + 7 = 85, 94 with spaces; notes are `[n]`.
    /// (An IPv6 address or a hostname can be wider than 21.)
    static func cells(_ values: [String]) -> String {
        let widths = [7, 21, 8, 11, 10, 5, 8, 8, 7]
        var out = ""
        for (index, value) in values.enumerated() {
            let text = OutputText.oneLine(value)
            out += index < widths.count ? text.padding(widths[index]) + " " : text
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}

extension RuleExample {
    /// The example as the snapshots a live run would produce, so examples exercise
    /// the same parsing path as production.
    public func snapshots() -> (current: ParsedSnapshot, previous: ParsedSnapshot?) {
        var current = Snapshot(target: "example", exchanges: [Exchange(command: ["INFO", "everything"], reply: .bulk(Array(info.utf8)))])
        if let clientList {
            current.exchanges.append(Exchange(command: ["CLIENT", "LIST"], reply: .bulk(Array(clientList.utf8))))
        }
        current.tlsPeer = tls
        current.host = host?.capture
        for (family, text) in replies.sorted(by: { $0.key < $1.key }) {
            if family == "PTTL" { current.exchanges += Self.expirySample(text) } else { current.exchanges.append(Self.exchange(family: family, text: text)) }
        }
        let previous = previousInfo.map {
            ParsedSnapshot(Snapshot(target: "example", exchanges: [Exchange(command: ["INFO", "everything"], reply: .bulk(Array($0.utf8)))]))
        }
        return (ParsedSnapshot(current), previous)
    }

    /// Runs the example through `rule` with its settings.
    public func evaluate(_ rule: any HealthRule.Type) throws(RuleSettingsError) -> RuleResult {
        let (current, previous) = snapshots()
        let settings = try RuleSettings(overrides: settings)
        return RuleEngine.evaluate([rule], current: current, previous: previous, settings: settings, cluster: clusterState(),
                                 sentinel: sentinel?.state()).first
            ?? RuleResult(ruleID: rule.description.id, status: .skipped, summary: "disabled")
    }

    /// The example's cluster as a `check --cluster` would have collected it: each node's
    /// replies as exchanges, parsed by the same path. Nil without cluster nodes.
    public func clusterState() -> ClusterState? {
        guard let first = cluster.first else { return nil }
        var idsByAddress: [String: String] = [:]
        for node in cluster {
            for line in ClusterNode.parseAll(Array((node.nodes ?? "").utf8)) { idsByAddress[line.address] = idsByAddress[line.address] ?? line.id }
        }
        let views = cluster.map { node -> ClusterView in
            let id = idsByAddress[node.address] ?? node.address
            guard let nodes = node.nodes else { return ClusterView(address: node.address, nodeID: id, failure: node.failure) }
            var info = "redis_version:7.0.15\ncluster_enabled:1\n"
            if let time = node.serverTime { info += "server_time_usec:\(Int64(time * 1_000_000))\n" }
            let snapshot = Snapshot(target: node.address, exchanges: [
                Exchange(command: ["INFO", "everything"], reply: .bulk(Array(info.utf8))),
                Exchange(command: ["CONFIG", "GET", "*"], reply: .array([.bulk(Array("cluster-node-timeout".utf8)), .bulk(Array(String(node.nodeTimeoutMillis).utf8))])),
                Exchange(command: ["CLUSTER", "INFO"], reply: .bulk(Array(node.info.utf8))),
                Exchange(command: ["CLUSTER", "NODES"], reply: .bulk(Array(nodes.utf8))),
            ])
            return ClusterView(address: node.address, nodeID: id, snapshot: ParsedSnapshot(snapshot))
        }
        return ClusterState(seed: first.address, views: views)
    }

    /// A forecast sample as `check` takes it: the first line `dbsize N time UNIXMS`, then
    /// `KEY PTTL` per line (`KEY -` for a refusal, `KEY * N`: N keys KEY:0... with that PTTL).
    static func expirySample(_ text: String) -> [Exchange] {
        var exchanges: [Exchange] = []
        for line in text.split(separator: "\n") {
            let w = line.split(separator: " ").map(String.init)
            if w.count == 4, w[0] == "dbsize", let n = Int64(w[1]), let ms = Int64(w[3]) {
                exchanges.append(Exchange(command: ["DBSIZE"], reply: .integer(n)))
                exchanges.append(Exchange(command: ["TIME"], reply: .array([.bulk(Array(String(ms / 1000).utf8)), .bulk(Array(String(ms % 1000 * 1000).utf8))])))
            } else if w.count >= 2, w[1].hasPrefix("-"), Int64(w[1]) == nil {
                exchanges.append(Exchange(command: ["PTTL", w[0]], reply: .error(String(w[1...].joined(separator: " ").dropFirst()))))
            } else if w.count == 4, w[1] == "*", let n = Int(w[2]), n >= 0, let pttl = Int64(w[3]) {
                for i in 0..<n { exchanges.append(Exchange(command: ["PTTL", "\(w[0]):\(i)"], reply: .integer(pttl))) }
            } else if w.count == 2, let pttl = Int64(w[1]) {
                exchanges.append(Exchange(command: ["PTTL", w[0]], reply: .integer(pttl)))
            }
        }
        return exchanges
    }

    /// Example replies are written as text; each family has a compact line form:
    /// - `CONFIG GET`: `name value` per line;
    /// - `SLOWLOG GET`: `id unixtime micros client-addr client-name command args...` per line (`-` for empty);
    /// - `LATENCY LATEST`: `event unixtime latest-ms max-ms` per line;
    /// - `PING`: the round trip in microseconds;
    /// - anything else (`CLUSTER INFO`, an error starting with `-`): the text as a bulk reply.
    static func exchange(family: String, text: String) -> Exchange {
        let command = family.split(separator: " ").map(String.init)
        if text.hasPrefix("-") { return Exchange(command: command, reply: .error(String(text.dropFirst()))) }
        let lines = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        func bulk(_ s: String) -> RedisReply { .bulk(Array((s == "-" ? "" : s).utf8)) }
        switch family.uppercased() {
        case "CONFIG GET":
            let items = lines.flatMap { words -> [RedisReply] in
                guard let name = words.first else { return [] }
                return [bulk(name), .bulk(Array(words.dropFirst().joined(separator: " ").utf8))]
            }
            return Exchange(command: ["CONFIG", "GET", "*"], reply: .array(items))
        case "SLOWLOG GET":
            let entries = lines.compactMap { w -> RedisReply? in
                guard w.count >= 6, let id = Int64(w[0]), let ts = Int64(w[1]), let us = Int64(w[2]) else { return nil }
                return .array([.integer(id), .integer(ts), .integer(us), .array(w[5...].map { bulk($0) }), bulk(w[3]), bulk(w[4])])
            }
            return Exchange(command: ["SLOWLOG", "GET", "128"], reply: .array(entries))
        case "LATENCY LATEST":
            let events = lines.compactMap { w -> RedisReply? in
                guard w.count >= 4, let ts = Int64(w[1]), let latest = Int64(w[2]), let max = Int64(w[3]) else { return nil }
                return .array([bulk(w[0]), .integer(ts), .integer(latest), .integer(max)])
            }
            return Exchange(command: ["LATENCY", "LATEST"], reply: .array(events))
        case "PING":
            return Exchange(command: ["PING"], reply: .status("PONG"), elapsedMicros: Int64(text.trimmingSpaces) ?? 0)
        default:
            return Exchange(command: command, reply: .bulk(Array(text.utf8)))
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\r" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\r" || l == "\t" { s.removeLast() }
        return String(s)
    }
}

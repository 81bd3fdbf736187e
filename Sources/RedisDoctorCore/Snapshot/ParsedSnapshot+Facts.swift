extension ParsedSnapshot {
    /// The few facts a report leads with: what server, which role, how busy.
    public var facts: [ServerFact] {
        var facts: [ServerFact] = []
        let identity = self.identity
        facts.append(ServerFact("server", "\(identity.family.rawValue) \(identity.version ?? "?")"))
        if let role = info.string(.role) { facts.append(ServerFact("role", role)) }
        if let uptime = info.number(.uptimeSeconds) { facts.append(ServerFact("uptime", HumanFormat.duration(seconds: uptime), number: uptime, key: "uptime_in_seconds")) }
        if let used = info.number(.usedMemory) { facts.append(ServerFact("used_memory", HumanFormat.bytes(used), number: used)) }
        if let clients = info.number(.connectedClients) { facts.append(ServerFact("connected_clients", HumanFormat.number(clients), number: clients)) }
        if let host { facts += host.facts }
        return facts
    }
}

/// Groups CLIENT LIST connections into the processes that opened them, to find
/// stale per-process pools (seed 001: forked workers each kept their own pool open).
///
/// One pass builds the keys (a dictionary of indices), then each key is sorted by
/// age once: O(n log n) overall, no quadratic work (see Docs/performance.md).
public struct ClientGroups: Sendable {
    public var groups: [ClientGroup]
    public var summary: ClientGroupsSummary

    /// Groups worst first: most idle connections, then most connections, then label.
    public init(_ clients: [ClientEntry], options: ClientGroupOptions = ClientGroupOptions()) {
        let threshold = options.idleThresholdSeconds
        var indicesByKey: [String: [Int]] = [:]
        var keyOrder: [String] = []
        var exclusions = [ClientExclusion?](repeating: nil, count: clients.count)
        var hosts = [String](repeating: "", count: clients.count)
        var perSource: [String: Int] = [:]
        var excludedByReason: [ClientExclusion: Int] = [:]
        var idleTotal = 0

        for (index, client) in clients.enumerated() {
            let host = Self.sourceHost(client)
            hosts[index] = host
            perSource[host, default: 0] += 1
            let exclusion = ClientExclusion.of(client, ownName: options.ownName)
            exclusions[index] = exclusion
            if let exclusion {
                excludedByReason[exclusion, default: 0] += 1
            } else if let idle = client.idle, idle >= threshold {
                idleTotal += 1
            }
            let key = Self.key(client, host: host, grouping: options.grouping)
            if indicesByKey[key] == nil { keyOrder.append(key) }
            indicesByKey[key, default: []].append(index)
        }

        var groups: [ClientGroup] = []
        for key in keyOrder {
            guard var indices = indicesByKey[key] else { continue }
            // Oldest first, so cohort 0 is the longest-lived; unknown ages (2.4) stay together.
            indices.sort { (clients[$0].age ?? -1) > (clients[$1].age ?? -1) }
            var cohorts: [ArraySlice<Int>] = []
            var start = 0
            if let gap = options.cohortGapSeconds {
                for position in 1..<max(1, indices.count) {
                    let before = clients[indices[position - 1]].age ?? -1
                    let after = clients[indices[position]].age ?? -1
                    if before - after > gap {
                        cohorts.append(indices[start..<position])
                        start = position
                    }
                }
            }
            cohorts.append(indices[start..<indices.count])
            for (number, cohort) in cohorts.enumerated() {
                groups.append(Self.group(cohort, number: number, clients: clients, hosts: hosts,
                                         exclusions: exclusions, options: options))
            }
        }
        groups.sort { a, b in
            if a.idleCount != b.idleCount { return a.idleCount > b.idleCount }
            if a.count != b.count { return a.count > b.count }
            return a.label < b.label
        }
        self.groups = groups

        let sources = perSource.map { (host: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.host < $1.host }
        self.summary = ClientGroupsSummary(
            total: clients.count,
            excluded: excludedByReason.values.reduce(0, +),
            excludedByReason: excludedByReason,
            idle: idleTotal,
            idleThresholdSeconds: threshold,
            staleGroups: groups.filter { $0.idleCount > 0 }.count,
            neverUsed: groups.filter(\.neverUsed).reduce(0) { $0 + $1.idleCount },
            largestSource: sources.first?.host,
            largestSourceCount: sources.first?.count ?? 0,
            perSource: sources)
    }

    /// The host part of `addr`; `unix` for unix sockets, `?` when absent.
    public static func sourceHost(_ client: ClientEntry) -> String {
        if client.isUnixSocket { return "unix" }
        return client.host ?? "?"
    }

    /// Client name, else lib-name, else `(no name)`.
    public static func displayName(_ client: ClientEntry) -> String {
        if let name = client.name, !name.isEmpty { return name }
        if let lib = client.libName, !lib.isEmpty { return lib }
        return "(no name)"
    }

    static func key(_ client: ClientEntry, host: String, grouping: ClientGrouping) -> String {
        switch grouping {
        case .hostName: return host + "\u{0}" + displayName(client)
        case .host: return host
        case .name: return displayName(client)
        case .lib: return nonEmpty(client.libName) ?? "(no lib)"
        case .user: return nonEmpty(client.user) ?? "(no user)"
        case .cmd: return nonEmpty(client.cmd) ?? "?"
        }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    static func group(_ members: ArraySlice<Int>, number: Int, clients: [ClientEntry], hosts: [String],
                      exclusions: [ClientExclusion?], options: ClientGroupOptions) -> ClientGroup {
        let first = clients[members[members.startIndex]]
        let host = hosts[members[members.startIndex]]
        var group = ClientGroup(
            grouping: options.grouping, host: nil, name: nil, lib: nil, user: nil, command: nil, cohort: number,
            count: members.count, excluded: 0, idleCount: 0, ageMin: nil, ageMax: nil, idleMin: nil,
            idleMedian: nil, idleMax: nil, topCommands: [], flags: "", omem: 0, totMem: 0, neverUsed: false,
            idleMembers: [])
        switch options.grouping {
        case .hostName: group.host = host; group.name = displayName(first)
        case .host: group.host = host
        case .name: group.name = displayName(first)
        case .lib: group.lib = nonEmpty(first.libName) ?? "(no lib)"
        case .user: group.user = nonEmpty(first.user) ?? "(no user)"
        case .cmd: group.command = nonEmpty(first.cmd) ?? "?"
        }
        var idles: [Int] = []
        idles.reserveCapacity(members.count)
        var commands: [String: Int] = [:]
        var flagSet = Set<Character>()
        var counted = 0
        var neverUsed = true
        for index in members {
            let client = clients[index]
            if let age = client.age {
                group.ageMin = min(group.ageMin ?? age, age)
                group.ageMax = max(group.ageMax ?? age, age)
            }
            if let idle = client.idle { idles.append(idle) }
            if let cmd = client.cmd, !cmd.isEmpty { commands[cmd, default: 0] += 1 }
            if let flags = client.flags { for flag in flags where flag != "N" { flagSet.insert(flag) } }
            group.omem += client.omem ?? 0
            group.totMem += client.totMem ?? 0
            if exclusions[index] != nil {
                group.excluded += 1
                continue
            }
            counted += 1
            if let age = client.age, let idle = client.idle {
                if age - idle > options.neverUsedSlackSeconds { neverUsed = false }
            } else {
                neverUsed = false
            }
            if let idle = client.idle, idle >= options.idleThresholdSeconds {
                group.idleCount += 1
                group.idleMembers.append(ClientGroup.Member(id: client.id, addr: client.addr))
            }
        }
        group.neverUsed = neverUsed && counted > 0
        if !idles.isEmpty {
            idles.sort()
            group.idleMin = idles.first
            group.idleMax = idles.last
            group.idleMedian = idles[idles.count / 2]
        }
        group.topCommands = commands.map { ClientGroup.CommandCount(command: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.command < $1.command }
            .prefix(3).map { $0 }
        group.flags = String(flagSet.sorted())
        return group
    }
}

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
        let count = clients.count
        // Hosts and key values are interned to small integers: one hash lookup per
        // client and field, no string built per client.
        var hostIDs: [Substring: Int] = [:]
        var hostNames: [String] = []
        var hostCounts: [Int] = []
        var valueIDs: [String: Int] = [:]
        var keyIDs: [Int: Int] = [:]
        var members: [[Int]] = []
        var exclusions = [ClientExclusion?](repeating: nil, count: count)
        var clientHosts = [Int](repeating: 0, count: count)
        var excludedByReason: [ClientExclusion: Int] = [:]
        var idleTotal = 0
        let usesHost = options.grouping == .hostName || options.grouping == .host

        for index in 0..<count {
            let hostText = Self.hostSubstring(clients[index].addr, isUnix: clients[index].isUnixSocket)
            let hostID: Int
            if let known = hostIDs[hostText] {
                hostID = known
                hostCounts[known] += 1
            } else {
                hostID = hostNames.count
                hostIDs[hostText] = hostID
                hostNames.append(String(hostText))
                hostCounts.append(1)
            }
            clientHosts[index] = hostID
            let exclusion = ClientExclusion.of(clients[index], ownName: options.ownName)
            exclusions[index] = exclusion
            if let exclusion {
                excludedByReason[exclusion, default: 0] += 1
            } else if let idle = clients[index].idle, idle >= threshold {
                idleTotal += 1
            }
            var valueID = 0
            if let value = Self.keyValue(clients[index], grouping: options.grouping) {
                if let known = valueIDs[value] {
                    valueID = known
                } else {
                    valueID = valueIDs.count + 1
                    valueIDs[value] = valueID
                }
            }
            let key = (usesHost ? hostID : 0) << 32 | valueID
            if let known = keyIDs[key] {
                members[known].append(index)
            } else {
                keyIDs[key] = members.count
                members.append([index])
            }
        }

        var groups: [ClientGroup] = []
        var idleScratch: [Int] = []
        let ages = clients.map { $0.age ?? -1 }
        for var indices in members {
            // Oldest first, so cohort 0 is the longest-lived; unknown ages (2.4) stay together.
            indices.sort { ages[$0] > ages[$1] }
            var cohorts: [ArraySlice<Int>] = []
            var start = 0
            if let gap = options.cohortGapSeconds {
                for position in 1..<max(1, indices.count) {
                    let before = ages[indices[position - 1]]
                    let after = ages[indices[position]]
                    if before - after > gap {
                        cohorts.append(indices[start..<position])
                        start = position
                    }
                }
            }
            cohorts.append(indices[start..<indices.count])
            for (number, cohort) in cohorts.enumerated() {
                groups.append(Self.group(cohort, number: number, clients: clients, hosts: clientHosts, hostNames: hostNames,
                                         idles: &idleScratch,
                                         exclusions: exclusions, options: options))
            }
        }
        self.groups = Self.worstFirst(groups)

        let sources = zip(hostNames, hostCounts).map { (host: $0.0, count: $0.1) }
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

    /// Most idle connections first, then most connections; ties keep their order
    /// (the order keys first appear in CLIENT LIST, then cohort), so no strings
    /// are compared.
    static func worstFirst(_ groups: [ClientGroup]) -> [ClientGroup] {
        let idle = groups.map(\.idleCount), count = groups.map(\.count)
        let order = groups.indices.sorted { x, y in
            if idle[x] != idle[y] { return idle[x] > idle[y] }
            if count[x] != count[y] { return count[x] > count[y] }
            return x < y
        }
        return order.map { groups[$0] }
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

    /// The non-host part of the grouping key; nil for `.host`.
    static func keyValue(_ client: ClientEntry, grouping: ClientGrouping) -> String? {
        switch grouping {
        case .hostName, .name: return displayName(client)
        case .host: return nil
        case .lib: return nonEmpty(client.libName) ?? "(no lib)"
        case .user: return nonEmpty(client.user) ?? "(no user)"
        case .cmd: return nonEmpty(client.cmd) ?? "?"
        }
    }

    /// `sourceHost` without building a String: the text before the last colon,
    /// brackets removed.
    static func hostSubstring(_ addr: String?, isUnix: Bool) -> Substring {
        if isUnix { return "unix" }
        guard let addr, let colon = addr.utf8.lastIndex(of: Bytes.colon) else { return "?" }
        var host = addr[addr.startIndex..<colon]
        if host.utf8.first == 0x5B, host.utf8.last == 0x5D { host = host.dropFirst().dropLast() }
        return host
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    static func group(_ members: ArraySlice<Int>, number: Int, clients: [ClientEntry], hosts: [Int], hostNames: [String],
                      idles: inout [Int], exclusions: [ClientExclusion?], options: ClientGroupOptions) -> ClientGroup {
        let first = clients[members[members.startIndex]]
        let host = hostNames[hosts[members[members.startIndex]]]
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
        idles.removeAll(keepingCapacity: true)
        var commands = CommandCounter()
        var flagBits: UInt64 = 0
        var counted = 0
        var neverUsed = true
        for index in members {
            if let age = clients[index].age {
                group.ageMin = min(group.ageMin ?? age, age)
                group.ageMax = max(group.ageMax ?? age, age)
            }
            if let idle = clients[index].idle { idles.append(idle) }
            if let cmd = clients[index].cmd, !cmd.isEmpty { commands.add(cmd) }
            if let flags = clients[index].flags {
                for byte in flags.utf8 where byte != 0x4E && byte >= 0x40 && byte < 0x80 { flagBits |= 1 << UInt64(byte - 0x40) }
            }
            group.omem += clients[index].omem ?? 0
            group.totMem += clients[index].totMem ?? 0
            if exclusions[index] != nil {
                group.excluded += 1
                continue
            }
            counted += 1
            if let age = clients[index].age, let idle = clients[index].idle {
                if age - idle > options.neverUsedSlackSeconds { neverUsed = false }
            } else {
                neverUsed = false
            }
            if let idle = clients[index].idle, idle >= options.idleThresholdSeconds {
                group.idleCount += 1
                group.idleMembers.append(ClientGroup.Member(id: clients[index].id, addr: clients[index].addr))
            }
        }
        group.neverUsed = neverUsed && counted > 0
        if !idles.isEmpty {
            idles.sort()
            group.idleMin = idles.first
            group.idleMax = idles.last
            group.idleMedian = idles[idles.count / 2]
        }
        group.topCommands = commands.top(3)
        var flags = ""
        if flagBits != 0 {
            for bit in 0..<64 where flagBits & (1 << UInt64(bit)) != 0 {
                flags.unicodeScalars.append(Unicode.Scalar(UInt8(0x40 + bit)))
            }
        }
        group.flags = flags
        return group
    }
}


/// Counts last commands: a short array scan for the usual handful of distinct
/// commands, a dictionary once there are many.
struct CommandCounter {
    private var small: [ClientGroup.CommandCount] = []
    private var large: [String: Int]? = nil

    mutating func add(_ command: String) {
        if large != nil {
            large![command, default: 0] += 1
            return
        }
        if let index = small.firstIndex(where: { $0.command == command }) {
            small[index].count += 1
        } else if small.count < 16 {
            small.append(ClientGroup.CommandCount(command: command, count: 1))
        } else {
            var dictionary: [String: Int] = [:]
            for entry in small { dictionary[entry.command] = entry.count }
            dictionary[command, default: 0] += 1
            large = dictionary
        }
    }

    func top(_ n: Int) -> [ClientGroup.CommandCount] {
        let all = large.map { $0.map { ClientGroup.CommandCount(command: $0.key, count: $0.value) } } ?? small
        return Array(all.sorted { $0.count != $1.count ? $0.count > $1.count : $0.command < $1.command }.prefix(n))
    }
}

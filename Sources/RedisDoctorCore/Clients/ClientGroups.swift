/// Groups CLIENT LIST connections into the processes that opened them, to find
/// stale per-process pools (seed 001: forked workers each kept their own pool open).
///
/// One pass reads each entry once and interns its host, key and command to small
/// integers; grouping, cohorts and per-group figures then work on integer arrays.
/// O(n log n) overall, no quadratic work (see Docs/performance.md).
public struct ClientGroups: Sendable {
    public var groups: [ClientGroup]
    public var summary: ClientGroupsSummary

    /// Groups worst first: most idle connections, then most connections.
    public init(_ clients: [ClientEntry], options: ClientGroupOptions = ClientGroupOptions()) {
        // Entries are read in place: `array[i].field` copies a 200-byte entry (and retains
        // its buffer) per read.
        self = clients.withUnsafeBufferPointer { ClientGroups(buffer: $0, options: options) }
    }

    /// What the grouping needs of one connection, read once.
    private struct Row {
        var host: Int
        var value: Int
        var command: Int
        var flagBits: UInt64
        var age: Int?
        var idle: Int?
        var omem: Int
        var totMem: Int
        var exclusion: ClientExclusion?
    }

    private init(buffer clients: UnsafeBufferPointer<ClientEntry>, options: ClientGroupOptions) {
        let threshold = options.idleThresholdSeconds
        var hosts = ByteInterner(), values = ByteInterner(), commands = ByteInterner()
        let unixHost = hosts.id("unix"), unknownHost = hosts.id("?")
        var hostCounts: [Int] = [0, 0]
        var keyIDs = IntegerTable()
        var members: [[Int]] = []
        var rows: [Row] = []
        rows.reserveCapacity(clients.count)
        var excludedCounts = [Int](repeating: 0, count: ClientExclusion.allCases.count)
        var idleTotal = 0
        let usesHost = options.grouping == .hostName || options.grouping == .host

        for index in clients.indices {
            let client = clients.baseAddress! + index
            let host: Int
            if client.pointee.isUnixSocket {
                host = unixHost
            } else {
                let found: Int?? = client.pointee.withBytes(.addr) { addr -> Int? in addr.hostOfAddress.map { hosts.id($0) } }
                host = (found ?? nil) ?? unknownHost
            }
            if host == hostCounts.count { hostCounts.append(0) }
            hostCounts[host] += 1
            let exclusion = ClientExclusion.of(client.pointee, ownName: options.ownName, ownAddresses: options.ownAddresses)
            if let exclusion {
                excludedCounts[exclusion.index] += 1
            } else if let idle = client.pointee.idle, idle >= threshold {
                idleTotal += 1
            }
            let value = Self.keyID(client.pointee, grouping: options.grouping, into: &values)
            let command = client.pointee.withBytes(.cmd) { $0.isEmpty ? -1 : commands.id($0) } ?? -1
            var flagBits: UInt64 = 0
            _ = client.pointee.withBytes(.flags) { flags in
                for byte in flags where byte != 0x4E && byte >= 0x40 && byte < 0x80 { flagBits |= 1 << UInt64(byte - 0x40) }
            }
            rows.append(Row(host: host, value: value, command: command, flagBits: flagBits, age: client.pointee.age,
                            idle: client.pointee.idle, omem: client.pointee.omem ?? 0, totMem: client.pointee.totMem ?? 0,
                            exclusion: exclusion))
            let key = UInt64(usesHost ? host : 0) << 32 | UInt64(value + 1)
            if let known = keyIDs[key] {
                members[known].append(index)
            } else {
                keyIDs.set(members.count, for: key)
                members.append([index])
            }
        }

        var groups: [ClientGroup] = []
        var idleScratch: [Int] = []
        for var indices in members {
            // Oldest first, so cohort 0 is the longest-lived; unknown ages (2.4) stay together.
            indices.sort { (rows[$0].age ?? -1) > (rows[$1].age ?? -1) }
            var start = 0
            var number = 0
            func close(_ end: Int) {
                groups.append(Self.group(indices[start..<end], number: number, rows: rows, clients: clients,
                                         hosts: hosts, values: values, commands: commands, idles: &idleScratch, options: options))
                number += 1
                start = end
            }
            if let gap = options.cohortGapSeconds {
                for position in 1..<max(1, indices.count) {
                    let before = rows[indices[position - 1]].age ?? -1
                    let after = rows[indices[position]].age ?? -1
                    let (difference, overflow) = before.subtractingReportingOverflow(after)
                    if overflow || difference > gap { close(position) }
                }
            }
            close(indices.count)
        }
        self.groups = Self.worstFirst(groups)

        let sources = hostCounts.indices.filter { hostCounts[$0] > 0 }.map { (host: hosts.string($0), count: hostCounts[$0]) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.host < $1.host }
        self.summary = ClientGroupsSummary(
            total: clients.count,
            excluded: excludedCounts.reduce(0, +),
            excludedCounts: excludedCounts,
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

    /// The interned non-host part of the grouping key; -1 for `.host`. Same values as
    /// `displayName` for names, with `(no lib)`, `(no user)` and `?` as the other defaults.
    private static func keyID(_ client: ClientEntry, grouping: ClientGrouping, into values: inout ByteInterner) -> Int {
        func nonEmpty(_ field: ClientEntry.TextField) -> Int? {
            client.withBytes(field) { $0.isEmpty ? nil : values.id($0) } ?? nil
        }
        switch grouping {
        case .hostName, .name: return nonEmpty(.name) ?? nonEmpty(.libName) ?? values.id("(no name)")
        case .host: return -1
        case .lib: return nonEmpty(.libName) ?? values.id("(no lib)")
        case .user: return nonEmpty(.user) ?? values.id("(no user)")
        case .cmd: return nonEmpty(.cmd) ?? values.id("?")
        }
    }

    private static func group(_ members: ArraySlice<Int>, number: Int, rows: [Row], clients: UnsafeBufferPointer<ClientEntry>,
                              hosts: ByteInterner, values: ByteInterner, commands: ByteInterner,
                              idles: inout [Int], options: ClientGroupOptions) -> ClientGroup {
        let first = rows[members[members.startIndex]]
        let host = hosts.string(first.host)
        let value = first.value >= 0 ? values.string(first.value) : nil
        var group = ClientGroup(
            grouping: options.grouping, host: nil, name: nil, lib: nil, user: nil, command: nil, cohort: number,
            count: members.count, excluded: 0, idleCount: 0, ageMin: nil, ageMax: nil, idleMin: nil,
            idleMedian: nil, idleMax: nil, topCommands: [], flags: "", omem: 0, totMem: 0, neverUsed: false,
            idleMembers: [])
        switch options.grouping {
        case .hostName: group.host = host; group.name = value
        case .host: group.host = host
        case .name: group.name = value
        case .lib: group.lib = value
        case .user: group.user = value
        case .cmd: group.command = value
        }
        idles.removeAll(keepingCapacity: true)
        var commandCounts = IntegerTable()
        var flagBits: UInt64 = 0
        var counted = 0
        var neverUsed = true
        for index in members {
            let row = rows[index]
            if let age = row.age {
                group.ageMin = min(group.ageMin ?? age, age)
                group.ageMax = max(group.ageMax ?? age, age)
            }
            if let idle = row.idle { idles.append(idle) }
            if row.command >= 0 { commandCounts.add(1, to: UInt64(row.command)) }
            flagBits |= row.flagBits
            group.omem = group.omem.saturatingAdd(row.omem)
            group.totMem = group.totMem.saturatingAdd(row.totMem)
            if row.exclusion != nil {
                group.excluded += 1
                continue
            }
            counted += 1
            if let age = row.age, let idle = row.idle {
                let (used, overflow) = age.subtractingReportingOverflow(idle)
                if overflow || used > options.neverUsedSlackSeconds { neverUsed = false }
            } else {
                neverUsed = false
            }
            if let idle = row.idle, idle >= options.idleThresholdSeconds {
                group.idleCount += 1
                // The address is needed only to kill a connection without an id (2.4).
                let id = clients[index].id
                group.idleMembers.append(ClientGroup.Member(id: id, addr: id == nil ? clients[index].addr : nil))
            }
        }
        group.neverUsed = neverUsed && counted > 0
        if !idles.isEmpty {
            idles.sort()
            group.idleMin = idles.first
            group.idleMax = idles.last
            group.idleMedian = idles[idles.count / 2]
        }
        var counts: [ClientGroup.CommandCount] = []
        commandCounts.forEach { command, count in counts.append(ClientGroup.CommandCount(command: commands.string(Int(command)), count: count)) }
        group.topCommands = Array(counts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.command < $1.command }.prefix(3))
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

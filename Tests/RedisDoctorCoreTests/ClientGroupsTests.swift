import Testing
@testable import RedisDoctorCore

struct ClientGroupsTests {
    static func line(id: Int?, addr: String, name: String? = nil, age: Int? = nil, idle: Int, flags: String = "N",
                     cmd: String = "get", sub: Int = 0) -> String {
        var parts: [String] = []
        if let id { parts.append("id=\(id)") }
        parts.append("addr=\(addr) fd=9")
        if let name { parts.append("name=\(name)") }
        if let age { parts.append("age=\(age)") }
        parts.append("idle=\(idle) flags=\(flags) db=0 sub=\(sub) psub=0 multi=-1 qbuf=0 obl=0 oll=0 omem=0 tot-mem=1800 events=r cmd=\(cmd) user=default")
        return parts.joined(separator: " ") + "\n"
    }

    @Test(arguments: Fixtures.allFiles.filter { $0.contains("clientlist") || $0.contains("clientinfo") })
    func everyCaptureGroupsWithoutCrashAndTotalsAddUp(_ file: String) {
        let clients = ClientList.parse(Fixtures.bytes(file))
        for grouping in ClientGrouping.allCases {
            let analysis = ClientGroups(clients, options: ClientGroupOptions(grouping: grouping, idleThresholdSeconds: 0))
            #expect(analysis.groups.reduce(0) { $0 + $1.count } == clients.count, "\(file) \(grouping)")
            #expect(analysis.groups.reduce(0) { $0 + $1.excluded } == analysis.summary.excluded)
            #expect(analysis.summary.idle + analysis.summary.excluded <= analysis.summary.total)
            #expect(analysis.summary.perSource.reduce(0) { $0 + $1.count } == clients.count)
            let table = ClientGroupsTable.render(groups: analysis.groups, summary: analysis.summary)
            #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(table)")
            _ = ClientGroupsTable.json(groups: analysis.groups, summary: analysis.summary)
        }
    }

    @Test func redis72ExclusionsAndGrouping() throws {
        let clients = ClientList.parse(Fixtures.bytes("redis-7.2.6-localbuild-clientlist.txt"))
        let analysis = ClientGroups(clients, options: ClientGroupOptions(idleThresholdSeconds: 0))
        let s = analysis.summary
        #expect(s.total == 10)
        // replica link (S), blocked (b), two pubsub (P).
        #expect(s.excludedByReason == [.replication: 1, .blocked: 1, .pubsub: 2])
        #expect(s.idle == 6)
        let replica = try #require(analysis.groups.first { $0.host == "::1" && $0.name == "(no name)" })
        #expect(replica.excluded == 1 && replica.idleCount == 0 && replica.flags == "S")
        let odd = try #require(analysis.groups.first { $0.name == "odd=name:with,chars" })
        #expect(odd.host == "::1" && odd.count == 1)
        #expect(analysis.groups.contains { $0.host == "unix" && $0.name == "unix-client" })
        // The MULTI client (flags x) counts: it is idle, not waiting.
        let noName = try #require(analysis.groups.first { $0.host == "127.0.0.1" && $0.name == "(no name)" })
        #expect(noName.count == 3 && noName.excluded == 2 && noName.idleCount == 1)
        #expect(s.largestSource == "127.0.0.1" && s.largestSourceCount == 7)
    }

    @Test func redis24HasNoIdsAgesOrNames() {
        let clients = ClientList.parse(Fixtures.bytes("redis-2.4.18-localbuild-clientlist.txt"))
        let analysis = ClientGroups(clients, options: ClientGroupOptions(idleThresholdSeconds: 1))
        #expect(analysis.groups.allSatisfy { !$0.neverUsed && $0.ageMax == nil })
        #expect(analysis.summary.excludedByReason[.replication] == 1)
        let kills = ClientGroupsTable.killCommands(for: analysis.groups)
        #expect(!kills.isEmpty && kills.allSatisfy { $0.hasPrefix("CLIENT KILL ") && !$0.contains(" ID ") })
    }

    @Test func valkeyGroups() {
        let clients = ClientList.parse(Fixtures.bytes("valkey-7.2.7-localbuild-clientlist.txt"))
        let analysis = ClientGroups(clients)
        #expect(analysis.summary.total == clients.count && clients.count > 0)
    }

    @Test func forkedPoolsSplitIntoCohortsAndShowTheForkSignature() throws {
        var text = ""
        for i in 0..<25 { text += Self.line(id: 100 + i, addr: "10.0.0.7:\(40000 + i)", name: "pool-worker", age: 7200 + i % 2, idle: 7199) }
        for i in 0..<5 { text += Self.line(id: 200 + i, addr: "10.0.0.7:\(41000 + i)", name: "pool-worker", age: 60, idle: 1) }
        text += Self.line(id: 300, addr: "10.0.0.7:42000", name: "pool-worker", age: 9000, idle: 9000, flags: "S", cmd: "replconf")
        text += Self.line(id: 301, addr: "10.0.0.8:42000", name: "redis-doctor", age: 9000, idle: 9000)
        text += Self.line(id: 302, addr: "10.0.0.8:42001", name: "sub", age: 9000, idle: 9000, flags: "N", cmd: "subscribe", sub: 1)
        let analysis = ClientGroups(ClientList.parse(text), options: ClientGroupOptions(idleThresholdSeconds: 3600))
        let worst = try #require(analysis.groups.first)
        #expect(worst.host == "10.0.0.7" && worst.name == "pool-worker" && worst.count == 25 && worst.idleCount == 25)
        #expect(worst.neverUsed && worst.ageMin == 7200 && worst.ageMax == 7201 && worst.idleMedian == 7199)
        #expect(worst.topCommands == [ClientGroup.CommandCount(command: "get", count: 25)])
        #expect(analysis.groups.filter { $0.host == "10.0.0.7" }.count == 3)
        #expect(analysis.summary.idle == 25 && analysis.summary.excluded == 3 && analysis.summary.neverUsed == 25)
        #expect(analysis.summary.excludedByReason == [.replication: 1, .own: 1, .pubsub: 1])
        let kills = ClientGroupsTable.killCommands(for: analysis.groups)
        #expect(kills.count == 25 && kills.contains("CLIENT KILL ID 100"))
        #expect(ClientGroupsTable.killCommands(for: analysis.groups, limit: 3).count == 3)

        let table = ClientGroupsTable.render(groups: analysis.groups, summary: analysis.summary)
        let lines = table.split(separator: "\n")
        #expect(lines[1].hasPrefix("10.0.0.7        pool-worker"))
        #expect(lines[1].contains("NEVER USED"))
        #expect(lines.allSatisfy { $0.count <= 80 })
        let json = ClientGroupsTable.json(groups: analysis.groups, summary: analysis.summary)
        #expect(json.hasPrefix("{\"summary\":{\"total\":33,"))
        #expect(json.contains("\"host\":\"10.0.0.7\",\"name\":\"pool-worker\",\"cohort\":1,\"count\":25"))

        let byHost = ClientGroups(ClientList.parse(text), options: ClientGroupOptions(grouping: .host, cohortGapSeconds: nil))
        #expect(byHost.groups.map(\.count).sorted() == [2, 31])
    }

    @Test func jsonEscapes() {
        #expect(ClientGroupsTable.quote("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}

/// Redis 2.4 prints no names: this tool's own connection is the one at its address.
@Test func ownConnectionOnRedis24IsFoundByAddress() {
    let clients = ClientList.parse(Fixtures.bytes("redis-2.4.18-localbuild-clientlist.txt"))
    let own = clients.first { $0.addr == "127.0.0.1:38998" }!
    #expect(ClientExclusion.of(own) == nil, "no name to match")
    #expect(ClientExclusion.of(own, ownAddresses: ["127.0.0.1:38998"]) == .own)
    #expect(ClientExclusion.of(own, ownAddresses: ["127.0.0.1:3899"]) == nil, "a prefix is not the address")
    var options = ClientGroupOptions(idleThresholdSeconds: 1)
    options.ownAddresses = ["127.0.0.1:38998"]
    let withOwn = ClientGroups(clients, options: options)
    let without = ClientGroups(clients, options: ClientGroupOptions(idleThresholdSeconds: 1))
    #expect(withOwn.summary.excludedByReason[.own] == 1, "\(withOwn.summary)")
    #expect(without.summary.excludedByReason[.own] == nil)
}

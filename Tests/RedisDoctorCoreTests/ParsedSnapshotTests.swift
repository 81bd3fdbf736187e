import Testing
@testable import RedisDoctorCore

@Test func parsedSnapshotCollectsViews() {
    let snapshot = Snapshot(
        target: "t", takenAtMicros: 2_000_000,
        exchanges: [
            Exchange(command: ["PING"], reply: .status("PONG"), elapsedMicros: 55),
            Exchange(command: ["INFO", "server"], reply: .bulk(Array("# Server\r\nredis_version:7.2.6\r\nserver_time_usec:1795342236500000\r\n".utf8))),
            Exchange(command: ["INFO", "memory"], reply: .bulk(Array("# Server\r\nredis_version:0.0.1\r\n\r\n# Memory\r\nused_memory:100\r\n".utf8))),
            Exchange(command: ["client", "list"], reply: .bulk(Array("id=1 addr=1.2.3.4:5 fd=3 flags=N cmd=client\n".utf8))),
            Exchange(command: ["CONFIG", "GET", "maxmemory"], reply: .array([.bulk(Array("maxmemory".utf8)), .bulk(Array("0".utf8))])),
            Exchange(command: ["CONFIG", "GET", "save"], reply: .error("NOPERM User has no permissions to run the 'config|get' command")),
            Exchange(command: ["CONFIG", "GET", "maxclients"], reply: .array([.bulk(Array("maxclients".utf8)), .bulk(Array("10000".utf8))])),
            Exchange(command: ["ROLE"], reply: .array([.bulk(Array("master".utf8)), .integer(51),
                .array([.array([.bulk(Array("::1".utf8)), .bulk(Array("6380".utf8)), .bulk(Array("51".utf8))])])])),
            Exchange(command: ["CLUSTER", "INFO"], reply: .error("ERR This instance has cluster support disabled")),
            Exchange(command: ["LATENCY", "LATEST"], reply: .array([.array([.bulk(Array("command".utf8)), .integer(1_795_342_000), .integer(250), .integer(1000)])])),
        ],
        skipped: [SkippedCommand(command: ["SLOWLOG", "GET", "128"], reason: "--no-slowlog")])
    let parsed = ParsedSnapshot(snapshot)
    #expect(parsed.info.string(.version) == "7.2.6", "first INFO wins")
    #expect(parsed.info.number(.usedMemory) == 100, "later sections are merged")
    #expect(parsed.serverTimeSeconds == 1_795_342_236.5)
    #expect(parsed.pingMicros == 55)
    #expect(parsed.clients?.first?.host == "1.2.3.4")
    #expect(parsed.config?["MAXMEMORY"] == "0" && parsed.config?["maxclients"] == "10000")
    #expect(parsed.status(of: "CONFIG GET") == .answered, "one answer is enough")
    #expect(parsed.status(of: "cluster info") == .refused(reason: "ERR This instance has cluster support disabled"))
    #expect(parsed.status(of: "CLUSTER INFO").explanation(for: "CLUSTER INFO") == "CLUSTER INFO refused: ERR This instance has cluster support disabled")
    #expect(parsed.status(of: "SLOWLOG GET") == .skipped(reason: "--no-slowlog"))
    #expect(parsed.slowlog == nil)
    #expect(parsed.latency == [LatencyEvent(reply: .array([.bulk(Array("command".utf8)), .integer(1_795_342_000), .integer(250), .integer(1000)]))!])
    #expect(parsed.role == .master(offset: 51, replicas: [.init(ip: "::1", port: 6380, offset: 51)]))
    #expect(parsed.identity.family == .redis)
}

@Test func serverTimeFallsBackToCaptureClock() {
    let parsed = ParsedSnapshot(Snapshot(target: "t", takenAtMicros: 3_000_000,
        exchanges: [Exchange(command: ["INFO"], reply: .error("ERR unknown command 'info'"))]))
    #expect(parsed.serverTimeSeconds == 3)
    #expect(parsed.info.isEmpty)
    #expect(parsed.status(of: "INFO") == .refused(reason: "ERR unknown command 'info'"))
    #expect(ParsedSnapshot(Snapshot(target: "t")).serverTimeSeconds == nil)
}

@Test func slowlogOldAndNewShapes() {
    func bulk(_ s: String) -> RedisReply { .bulk(Array(s.utf8)) }
    let reply = RedisReply.array([
        .array([.integer(2), .integer(100), .integer(15000), .array([bulk("KEYS"), bulk("*")]), bulk("10.0.0.1:4000"), bulk("app")]),
        .array([.integer(1), .integer(90), .integer(11000), .array([bulk("SORT"), bulk("x")])]),
        .array([.integer(0)]),
        .status("junk"),
    ])
    let entries = SlowlogEntry.parse(reply)
    #expect(entries.count == 2)
    #expect(entries[0].args == ["KEYS", "*"] && entries[0].clientAddr == "10.0.0.1:4000" && entries[0].clientName == "app")
    #expect(entries[1].durationMicros == 11000 && entries[1].clientAddr == nil)
}

@Test func roleReplicaAndSentinel() {
    func bulk(_ s: String) -> RedisReply { .bulk(Array(s.utf8)) }
    #expect(RoleInfo(reply: .array([bulk("slave"), bulk("::1"), .integer(6379), bulk("connected"), .integer(99)]))
        == .replica(masterHost: "::1", masterPort: 6379, state: "connected", offset: 99))
    #expect(RoleInfo(reply: .array([bulk("sentinel"), .array([bulk("mymaster")])])) == .sentinel(masters: ["mymaster"]))
    #expect(RoleInfo(reply: .integer(1)) == nil)
}

@Test func infoGrammarEdgeCases() {
    let text = "junk before header\r\n#Replication(MASTER)  \r\nmaster_host:::1\r\nslave0:ip=::1,port=6380,state=online,offset=5,lag=0\r\n  \r\n# cpu\r\n# Empty\r\n\r\nkey:a:b,c\nused_memory_peak_perc: 99.37% \nlistener0:name=tcp,bind=*,bind=-::*,port=6379\nused_memory:12\nused_memory:13\nnocolon\n"
    let info = Info(parsing: text)
    #expect(info.sections.map(\.name) == ["", "Replication(MASTER)", "cpu", "Empty"])
    #expect(info.sections[0].unparsedLines == ["junk before header"])
    #expect(info.value("master_host") == "::1")
    #expect(info.replicas.first?.ip == "::1" && info.replicas.first?.lag == 0)
    #expect(info.section(named: "CPU")?.entries.isEmpty == true)
    #expect(info.value("key") == "a:b,c")
    #expect(InfoNumber.parse(info.value("used_memory_peak_perc")!) == 99.37)
    #expect(info.number(.usedMemory) == 12 && info.values("used_memory") == ["12", "13"])
    #expect(info.section(named: "empty")?.unparsedLines == ["nocolon"])
    #expect(InfoNumber.parse("nan") == nil && InfoNumber.parse("inf") == nil && InfoNumber.parse("0x10") == nil)
    #expect(InfoNumber.parse("-1") == -1 && InfoNumber.parse(" 2.5 ") == 2.5)
}

import Testing
@testable import RedisDoctorCore

private func info(_ name: String) -> Info { Info(parsing: Fixtures.crlf(name)) }

@Test func flat24InfoUsesOldNames() {
    let i = info("redis-2.4.18-localbuild-info-default.txt")
    #expect(i.sections.count == 1 && i.sections[0].name == "")
    #expect(i.number(.changesSinceLastSave) == 72)
    #expect(i.source(of: .changesSinceLastSave) == "changes_since_last_save")
    #expect(i.number(.bgsaveInProgress) == 0)
    #expect(i.number(.lastSaveTime) == 1795343265)
    #expect(i.number(.clientRecentMaxOutputBuffer) == 0)
    #expect(i.source(of: .clientRecentMaxOutputBuffer) == "client_longest_output_list")
    #expect(i.keyspace.map(\.db) == [0, 3])
    #expect(i.keyspace[0].keys == 70 && i.keyspace[0].avgTTL == nil)
    #expect(i.serverIdentity.family == .redis)
    #expect(i.serverIdentity.redisVersionAtLeast(2, 4))
    #expect(!i.serverIdentity.redisVersionAtLeast(2, 6))
    let predis = info("redis-2.4.4-predis.txt")
    #expect(predis.number(.changesSinceLastSave) == 0)
    #expect(predis.string(.version) == "2.4.4")
}

@Test func positionalSlaveLine26() {
    let replicas = info("redis-2.6.17-localbuild-info-all.txt").replicas
    #expect(replicas == [ReplicaEntry(index: 0, ip: "127.0.0.1", port: 17001, state: "online", offset: nil, lag: nil)])
    let i = info("redis-2.6.17-localbuild-info-all.txt")
    #expect(i.keyspace.count == 2)
    #expect(i.keyspace[1] .db == 3 && i.keyspace[1].avgTTL == 86397193)
}

@Test func ipv6MasterHost() {
    let i = info("redis-3.0.7-localbuild-replica-info-all.txt")
    #expect(i.string(.masterHost) == "::1")
    #expect(i.value("master_host") == "::1")
    #expect(i.string(.role) == "slave")
    #expect(info("keydb-6.3.4-localbuild-replica-info-all.txt").string(.masterHost) == "::1")
}

@Test func dragonflyAliases() {
    let i = info("dragonfly-2.0.0-netdata.txt")
    #expect(i.number(.maxClients) == 64000)
    #expect(i.source(of: .maxClients) == "max_clients")
    #expect(i.number(.changesSinceLastSave) == 0)
    #expect(i.source(of: .changesSinceLastSave) == "rdb_changes_since_last_success_save")
    #expect(i.number(.lastSaveTime) == 1791035031)
    #expect(i.source(of: .bgsaveInProgress) == "rdb_bgsave_in_progress")
    #expect(i.number(.currentBgsaveTimeSec) == 0)
    #expect(i.source(of: .currentBgsaveTimeSec) == "current_save_duration_sec")
    #expect(i.number(.rejectedConnections) == nil, "-1 on Dragonfly means not counted")
    #expect(i.value("rejected_connections") == "-1")
    #expect(i.section(named: "CPU")?.name == "Cpu")
    let id = i.serverIdentity
    #expect(id.family == .dragonfly && id.version == "df-v2.0.0")
    #expect(id.parsedVersion == ServerVersion(2, 0, 0))
}

@Test func keydbPlaceholdersAndIdentity() {
    let i = info("keydb-6.3.4-netdata.txt")
    #expect(i.value("available_system_memory") == "unavailable")
    #expect(InfoNumber.parse("unavailable") == nil)
    let id = i.serverIdentity
    #expect(id.family == .keydb && id.version == "6.3.4")
    #expect(id.featureLevel == ServerVersion(6, 2, 0))
    #expect(id.redisVersionAtLeast(6, 2) && !id.redisVersionAtLeast(6, 3))
}

@Test func garnetOddKeysAndNA() {
    let i = info("garnet-2.2.0-netdata.txt")
    #expect(i.value("Log.PageSizeBytes") == "16777216")
    #expect(i.value("total_system_memory(MB)") == "8192")
    #expect(i.value("master_repl_offset") == "N/A")
    #expect(i.number(.masterReplOffset) == nil)
    #expect(i.serverIdentity.family == .garnet)
    #expect(i.section(named: "store_db_0") != nil)
    let disabled = info("garnet-2.2.0-netdata-commandstats-disabled.txt")
    #expect(disabled.sections.first?.unparsedLines.first?.hasPrefix("Command stats monitoring is disabled") == true)
}

@Test func pikaTimeLineIsNotAKey() {
    let i = info("pika-3.4.0-netdata-a.txt")
    #expect(i.value("# Time") == nil)
    #expect(i.section(named: "Time:1970-01-01 08:00:00") != nil)
    #expect(i.section(named: "Replication(MASTER)") != nil)
    #expect(i.serverIdentity.family == .pika && i.serverIdentity.version == "3.4.0")
    #expect(i.section(named: "Time:1970-01-01 08:00:00")?.unparsedLines.count == 5)
}

@Test func elastiCacheJunkValues() {
    let i = info("elasticache-5.0.4-norgamarra.txt")
    #expect(i.value("used_memory") == "FAKE_USED_MEM")
    #expect(i.number(.usedMemory) == nil)
    #expect(i.string(.os) == "Amazon ElastiCache")
    #expect(i.value("executable") == "-")
}

@Test(arguments: [
    ("redis-2.4.18-localbuild-persistence-bgsave.txt", nil as Double?),
    ("redis-2.6.17-localbuild-persistence-bgsave.txt", 1),
    ("redis-2.8.24-localbuild-persistence-bgsave.txt", 2),
    ("redis-7.0.15-localbuild-persistence-bgsave.txt", 3),
    ("redis-7.4.0-redis_exporter.txt", 57),
    ("valkey-7.2.7-localbuild-persistence-bgsave.txt", 2),
    ("keydb-6.3.4-localbuild-persistence-bgsave.txt", 1),
])
func bgsaveInProgress(_ name: String, _ seconds: Double?) {
    let i = info(name)
    #expect(i.number(.bgsaveInProgress) == 1)
    #expect(i.flag(.bgsaveInProgress) == true)
    #expect(i.number(.currentBgsaveTimeSec) == seconds)
}

@Test func noBgsaveMeansMinusOneAbsent() {
    let i = info("redis-7.2.6-localbuild-info-all.txt")
    #expect(i.value("rdb_current_bgsave_time_sec") == "-1")
    #expect(i.number(.currentBgsaveTimeSec) == nil)
}

@Test func loadingCapture() {
    let i = info("redis-7.2.6-localbuild-states-loading-info-default.txt")
    #expect(i.flag(.loading) == true)
    #expect(i.number(.loadingLoadedPerc) == 3.07)
    #expect(i.number(.loadingEtaSeconds) == 1)
    #expect(InfoField.loadingLoadedPerc.spec.unit == .percent)
    #expect(i.value("mem_fragmentation_ratio") == "-nan")
    #expect(i.number(.memFragmentationRatio) == nil)
}

@Test func replicaMasterDown() {
    let i = info("redis-7.2.6-localbuild-states-replica-master-down-info-replication.txt")
    #expect(i.string(.masterLinkStatus) == "down")
    #expect(i.value("master_last_io_seconds_ago") == "-1")
    #expect(i.number(.masterLastIoSecondsAgo) == nil)
    #expect(i.number(.masterLinkDownSinceSeconds) == 4)
    #expect(i.number(.masterPort) == 19040)
}

@Test func replicaSyncingEpochIsAbsent() {
    let old = info("redis-2.8.24-localbuild-states-replica-syncing-info-replication.txt")
    #expect(old.value("master_link_down_since_seconds") == "1795342472")
    #expect(old.number(.masterLinkDownSinceSeconds) == nil)
    #expect(old.number(.masterSyncLeftBytes) == nil)
    let new = info("redis-7.2.6-localbuild-states-replica-syncing-info-replication.txt")
    #expect(new.number(.masterLinkDownSinceSeconds) == nil)
    #expect(new.number(.masterSyncTotalBytes) == nil)
}

@Test func windowsTrailingBlanks() {
    let i = info("redis-windows-2.8.2402-ctf-writeup.txt")
    #expect(i.value("os") == "Windows  ")
    #expect(i.string(.os) == "Windows")
    #expect(i.number(.usedMemory) == 952800)
}

@Test func valkeyIdentityAndMode() {
    let v7 = info("valkey-7.2.7-localbuild-info-all.txt").serverIdentity
    #expect(v7.family == .valkey && v7.version == "7.2.7" && v7.redisVersion == "7.2.4")
    #expect(v7.redisVersionAtLeast(7, 2) && !v7.redisVersionAtLeast(7, 4))
    let v9 = info("valkey-9.1.2-netdata.txt")
    #expect(v9.serverIdentity.family == .valkey && v9.serverIdentity.version == "9.1.2")
    #expect(v9.string(.redisMode) == "standalone")
    #expect(v9.source(of: .redisMode) == "server_mode")
    #expect(v9.section(named: "cluster info") != nil)
}

@Test func otherIdentities() {
    #expect(info("kvrocks-2.17.0-netdata.txt").serverIdentity.family == .kvrocks)
    #expect(info("redis-sentinel-6.2.16-localbuild-info-all.txt").serverIdentity.isSentinel)
    let redis = info("redis-7.2.6-localbuild-info-all.txt").serverIdentity
    #expect(redis.family == .redis && redis.version == "7.2.6")
    #expect(redis.redisVersionAtLeast(7, 0) && !redis.redisVersionAtLeast(7, 4))
    #expect(Info(parsing: "").serverIdentity.family == .unknown)
}

@Test func statsAccessors() {
    let i = info("redis-7.4.0-redis_exporter.txt")
    #expect(!i.commandStats.isEmpty)
    #expect(i.commandStats.contains { $0.command == "config|get" })
    #expect(!i.errorStats.isEmpty)
    let listener = i.pairs("listener0")
    #expect(listener?.values("bind") == ["*", "-::*"])
    let modules = info("redis-6.0.1-grafana.txt").modules
    #expect(modules.contains { $0.name == "ReJSON" })
    #expect(modules.count >= 5)
    let local = info("redis-7.2.6-localbuild-info-all.txt")
    #expect(local.errorStats.contains { $0.code == "WRONGTYPE" && $0.count >= 1 })
    #expect(local.replicas.first?.ip == "::1" || local.replicas.first?.ip == "127.0.0.1")
}

@Test func sentinelDuplicateKeysFirstWins() {
    let i = info("redis-sentinel-5.0.5-telegraf.txt")
    let all = i.values("master0")
    #expect(all.count == 2)
    #expect(i.value("master0") == all[0])
}

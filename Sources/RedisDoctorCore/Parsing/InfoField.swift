/// The INFO quantities redis-doctor knows, with aliases, units and sentinels.
///
/// This is the ONE table of field knowledge: add a case here and give it a
/// row in `spec`; accessors (`Info.number`, `Info.string`, `Info.source(of:)`)
/// read nothing else. Key aliases come from docs/redis-info-format.md §2 and §4.
public enum InfoField: String, Sendable, CaseIterable {
    // Server
    case version, uptimeSeconds, serverTimeMicros, runId, processId, redisMode, tcpPort, configFile, os
    // Clients
    case connectedClients, maxClients, blockedClients, clientRecentMaxOutputBuffer
    case clientRecentMaxInputBuffer, pubsubClients
    // Memory
    case usedMemory, usedMemoryRss, usedMemoryPeak, maxmemory, maxmemoryPolicy, totalSystemMemory
    case memFragmentationRatio, memFragmentationBytes, allocatorFragRatio, allocatorFragBytes
    case memNotCountedForEvict, memClientsNormal, usedMemoryLua, numberOfCachedScripts, activeDefragRunning
    case memAllocator, allocatorResident, usedMemoryVmTotal, usedMemoryDataset
    // Persistence
    case loading, loadingEtaSeconds, loadingLoadedPerc, changesSinceLastSave, bgsaveInProgress
    case lastSaveTime, lastBgsaveStatus, lastBgsaveTimeSec, currentBgsaveTimeSec, rdbLastCowSize, rdbSaves
    case aofEnabled, aofRewriteInProgress, aofCurrentRewriteTimeSec, aofLastRewriteTimeSec
    case aofLastBgrewriteStatus, aofLastWriteStatus, aofLastCowSize, aofCurrentSize
    case currentSaveKeysProcessed, currentSaveKeysTotal, currentForkPerc, latestForkUsec, currentCowSize
    // Stats
    case totalConnectionsReceived, totalCommandsProcessed, instantaneousOpsPerSec, rejectedConnections
    case syncFull, syncPartialErr, expiredKeys, expiredStalePerc, expiredTimeCapReachedCount
    case expireCycleCpuMilliseconds, evictedKeys, currentEvictionExceededTime, keyspaceHits, keyspaceMisses
    case totalErrorReplies, clientOutputBufferLimitDisconnections, evictedClients
    // Replication
    case role, connectedSlaves, masterHost, masterPort, masterLinkStatus, masterLastIoSecondsAgo
    case masterLinkDownSinceSeconds, masterSyncInProgress, masterSyncLeftBytes, masterSyncTotalBytes
    case masterSyncReadBytes, masterReplOffset, slaveReplOffset, replBacklogSize, minSlavesGoodSlaves
    // CPU
    case usedCpuSys, usedCpuUser, usedCpuSysMainThread, usedCpuUserMainThread
    // Cluster
    case clusterEnabled

    /// Ten years in seconds: a "duration" larger than this is an epoch
    /// timestamp printed by mistake (master_link_down_since_seconds before 6.2.2).
    static let tenYears: Double = 315_360_000

    public var spec: InfoFieldSpec {
        switch self {
        case .version: text(["redis_version"], core: true)
            .explained("The server's version.", healthy: nil)
        case .uptimeSeconds: number(["uptime_in_seconds"], .seconds, core: true)
            .explained("Seconds since the server process started.", healthy: "A small value you did not expect means a restart: check the log for OOM kills or crashes.")
        case .serverTimeMicros: number(["server_time_usec"], .unixMicros)
        case .runId: text(["run_id"], core: true)
            .explained("A random id chosen at every start; a new one means the process restarted.", healthy: nil)
        case .processId: number(["process_id"], .count, core: true)
        case .redisMode: text(["redis_mode", "server_mode"])
        case .tcpPort: number(["tcp_port"], .count)
        case .configFile: text(["config_file"])
        case .os: text(["os"])

        case .connectedClients: number(["connected_clients"], .count, core: true)
            .explained("Client connections open now, replicas excluded.", healthy: "Well below maxclients; a sudden climb usually means clients waiting on a slow server or a connection leak.")
        case .maxClients: number(["maxclients", "max_clients"], .count)
            .explained("The most client connections the server accepts.", healthy: nil)
        case .blockedClients: number(["blocked_clients"], .count, core: true)
            .explained("Clients waiting in a blocking command (BLPOP, XREAD BLOCK, WAIT...).", healthy: "Depends on the application; growth without consumers means stuck workers.")
        // Before 5.0 the closest figure was the longest reply LIST (items, not bytes).
        case .clientRecentMaxOutputBuffer: number(["client_recent_max_output_buffer", "client_longest_output_list"], .bytes)
            .explained("The largest output buffer of any client recently: a slow reader or a huge reply.", healthy: "Kilobytes; megabytes mean a client that does not read (or MONITOR, or a big KEYS reply).")
        case .clientRecentMaxInputBuffer: number(["client_recent_max_input_buffer", "client_biggest_input_buf"], .bytes)
            .explained("The largest input buffer of any client recently.", healthy: "Kilobytes; large values mean huge pipelines or commands.")
        case .pubsubClients: number(["pubsub_clients"], .count)

        case .usedMemory: number(["used_memory"], .bytes, core: true)
            .explained("Bytes allocated by the server for data and overhead.", healthy: "Below maxmemory with headroom; with no maxmemory, well below the host's RAM (a fork for BGSAVE can need up to twice as much).")
        case .usedMemoryRss: number(["used_memory_rss"], .bytes, core: true)
            .explained("Bytes of RAM the process occupies as the kernel sees it.", healthy: "Close to used_memory; much larger means fragmentation, much smaller means swapping.")
        case .usedMemoryPeak: number(["used_memory_peak"], .bytes, core: true)
            .explained("The highest used_memory since start.", healthy: nil)
        case .maxmemory: number(["maxmemory"], .bytes)
            .explained("The memory limit; 0 means none.", healthy: "Set on a cache; with 0 the kernel's OOM killer is the limit.")
        case .maxmemoryPolicy: text(["maxmemory_policy"])
            .explained("What happens at maxmemory: evict keys (allkeys-lru...) or refuse writes (noeviction).", healthy: nil)
        case .totalSystemMemory: number(["total_system_memory"], .bytes)
        case .memFragmentationRatio: number(["mem_fragmentation_ratio"], .ratio, core: true)
            .explained("used_memory_rss divided by used_memory.", healthy: "1.0-1.5; above 1.5 wastes RAM (fragmentation), below 1.0 means pages were swapped out.")
        case .memFragmentationBytes: number(["mem_fragmentation_bytes"], .bytes)
        case .allocatorFragRatio: number(["allocator_frag_ratio"], .ratio)
        case .allocatorFragBytes: number(["allocator_frag_bytes"], .bytes)
        case .memNotCountedForEvict: number(["mem_not_counted_for_evict"], .bytes)
        case .memClientsNormal: number(["mem_clients_normal"], .bytes)
        case .usedMemoryLua: number(["used_memory_lua", "used_memory_vm_eval"], .bytes)
        case .numberOfCachedScripts: number(["number_of_cached_scripts"], .count)
        case .activeDefragRunning: flag(["active_defrag_running"])
        // `jemalloc-5.3.0`, `libc`, `tcmalloc-...`; Valkey and KeyDB print it too.
        case .memAllocator: text(["mem_allocator"])

        case .loading: flag(["loading"], core: true)
            .explained("1 while the server loads its data set at start-up; it refuses most commands meanwhile.", healthy: "0")
        case .loadingEtaSeconds: number(["loading_eta_seconds"], .seconds)
        case .loadingLoadedPerc: number(["loading_loaded_perc"], .percent)
        case .changesSinceLastSave:
            number(["rdb_changes_since_last_save", "changes_since_last_save", "rdb_changes_since_last_success_save"], .count, core: true)
            .explained("Writes not yet in an RDB file: lost if the process dies now (unless AOF is on).", healthy: "Low, and dropping after each save; steady growth means saves fail or are disabled.")
        case .bgsaveInProgress: flag(["rdb_bgsave_in_progress", "bgsave_in_progress", "saving"], core: true)
            .explained("1 while a forked child writes an RDB snapshot.", healthy: "0 most of the time; a save lasting far longer than usual points at slow disks or swapping.")
        case .lastSaveTime: number(["rdb_last_save_time", "last_save_time", "last_success_save", "last_bgsave_time"], .unixSeconds, core: true)
            .explained("Unix time of the last successful RDB save.", healthy: "Recent when RDB persistence is configured.")
        case .rdbSaves: number(["rdb_saves"], .count)
            .explained("RDB saves (SAVE and BGSAVE) started since the server started or CONFIG RESETSTAT (7.0+).", healthy: "Growing with the save points; 0 after a long uptime means no save ever ran.")
        case .lastBgsaveStatus: text(["rdb_last_bgsave_status", "last_bgsave_status"])
            .explained("Whether the last background save succeeded.", healthy: "ok; err means the data is not being persisted (disk full, fork failed).")
        case .lastBgsaveTimeSec: number(["rdb_last_bgsave_time_sec", "last_bgsave_time_sec"], .seconds, minusOne: true)
        case .currentBgsaveTimeSec: number(["rdb_current_bgsave_time_sec", "current_save_duration_sec"], .seconds, minusOne: true)
            .explained("Seconds the running background save has taken so far.", healthy: nil)
        case .rdbLastCowSize: number(["rdb_last_cow_size"], .bytes)
        case .aofCurrentSize: number(["aof_current_size"], .bytes)
            .explained("The append-only file's size now, in bytes (with AOF on).", healthy: "Below twice its size after the last rewrite; the disk holding dir needs room for a rewrite of it.")
        case .allocatorResident: number(["allocator_resident"], .bytes)
        case .usedMemoryVmTotal: number(["used_memory_vm_total"], .bytes)
        case .usedMemoryDataset: number(["used_memory_dataset"], .bytes)
        case .aofEnabled: flag(["aof_enabled"], core: true)
            .explained("1 when the append-only file is on.", healthy: nil)
        case .aofRewriteInProgress: flag(["aof_rewrite_in_progress", "bgrewriteaof_in_progress"], core: true)
        case .aofCurrentRewriteTimeSec: number(["aof_current_rewrite_time_sec"], .seconds, minusOne: true)
        case .aofLastRewriteTimeSec: number(["aof_last_rewrite_time_sec"], .seconds, minusOne: true)
        case .aofLastBgrewriteStatus: text(["aof_last_bgrewrite_status"])
        case .aofLastWriteStatus: text(["aof_last_write_status"])
            .explained("Whether the last write to the append-only file succeeded.", healthy: "ok")
        case .aofLastCowSize: number(["aof_last_cow_size"], .bytes)
        case .currentSaveKeysProcessed: number(["current_save_keys_processed"], .count)
        case .currentSaveKeysTotal: number(["current_save_keys_total"], .count)
        case .currentForkPerc: number(["current_fork_perc"], .percent)
        case .latestForkUsec: number(["latest_fork_usec"], .microseconds, core: true)
            .explained("Microseconds the last fork took; the server answers nobody meanwhile.", healthy: "Below about 10 ms per GB of memory; much more on VMs without huge-page support.")
        case .currentCowSize: number(["current_cow_size"], .bytes)

        case .totalConnectionsReceived: number(["total_connections_received"], .count, core: true)
            .explained("Connections accepted since start.", healthy: "A fast-growing rate means clients that do not reuse connections.")
        case .totalCommandsProcessed: number(["total_commands_processed"], .count, core: true)
            .explained("Commands executed since start.", healthy: nil)
        case .instantaneousOpsPerSec: number(["instantaneous_ops_per_sec"], .count)
            .explained("Commands per second, averaged by the server over the last samples.", healthy: nil)
        // Dragonfly prints -1: it does not count them.
        case .rejectedConnections: number(["rejected_connections"], .count, minusOne: true)
            .explained("Connections refused because maxclients was reached.", healthy: "0; any increase means clients are being turned away.")
        case .syncFull: number(["sync_full"], .count)
        case .syncPartialErr: number(["sync_partial_err"], .count)
        case .expiredKeys: number(["expired_keys"], .count, core: true)
            .explained("Keys deleted because their TTL passed.", healthy: nil)
        case .expiredStalePerc: number(["expired_stale_perc"], .percent)
        case .expiredTimeCapReachedCount: number(["expired_time_cap_reached_count"], .count)
        case .expireCycleCpuMilliseconds: number(["expire_cycle_cpu_milliseconds"], .milliseconds)
        case .evictedKeys: number(["evicted_keys"], .count, core: true)
            .explained("Keys deleted to stay under maxmemory.", healthy: "0 for a database; on a cache, a steady rate is normal, a burst means memory pressure.")
        case .currentEvictionExceededTime: number(["current_eviction_exceeded_time"], .milliseconds)
        case .keyspaceHits: number(["keyspace_hits"], .count, core: true)
            .explained("Lookups that found their key.", healthy: "For a cache, hits/(hits+misses) above about 0.8.")
        case .keyspaceMisses: number(["keyspace_misses"], .count, core: true)
            .explained("Lookups that found no key.", healthy: nil)
        case .totalErrorReplies: number(["total_error_replies"], .count)
            .explained("Error replies sent since start.", healthy: "A rising rate means clients send bad commands or hit OOM/NOAUTH/READONLY errors.")
        case .clientOutputBufferLimitDisconnections: number(["client_output_buffer_limit_disconnections"], .count)
        case .evictedClients: number(["evicted_clients"], .count)

        case .role: text(["role"], core: true)
            .explained("master, or slave (replica) of another server.", healthy: nil)
        case .connectedSlaves: number(["connected_slaves"], .count, core: true)
            .explained("Replicas attached to this master.", healthy: "As many as you deployed.")
        case .masterHost: text(["master_host"])
        case .masterPort: number(["master_port"], .count)
        case .masterLinkStatus: text(["master_link_status"])
            .explained("On a replica: whether the link to its master is up.", healthy: "up")
        case .masterLastIoSecondsAgo: number(["master_last_io_seconds_ago"], .seconds, minusOne: true)
            .explained("On a replica: seconds since the master last sent anything.", healthy: "Below repl-timeout (60 s); the master pings every 10 s.")
        case .masterLinkDownSinceSeconds:
            number(["master_link_down_since_seconds"], .seconds, minusOne: true, maximum: Self.tenYears)
            .explained("On a replica: seconds the master link has been down.", healthy: "Absent (link up).")
        case .masterSyncInProgress: flag(["master_sync_in_progress"])
            .explained("On a replica: 1 while a full resynchronisation runs.", healthy: "0")
        case .masterSyncLeftBytes: number(["master_sync_left_bytes"], .bytes, minusOne: true)
        case .masterSyncTotalBytes: number(["master_sync_total_bytes"], .bytes, minusOne: true)
        case .masterSyncReadBytes: number(["master_sync_read_bytes"], .bytes)
        case .masterReplOffset: number(["master_repl_offset"], .bytes)
        case .slaveReplOffset: number(["slave_repl_offset"], .bytes)
        case .replBacklogSize: number(["repl_backlog_size"], .bytes)
        case .minSlavesGoodSlaves: number(["min_slaves_good_slaves"], .count)

        case .usedCpuSys: number(["used_cpu_sys"], .seconds, core: true)
            .explained("CPU seconds the server spent in the kernel since start.", healthy: "Compare rates: sys growing faster than user suggests swapping or fork overhead.")
        case .usedCpuUser: number(["used_cpu_user"], .seconds, core: true)
            .explained("CPU seconds the server spent in user space since start.", healthy: "A rate near 1 CPU-second per second means the main thread is saturated.")
        case .usedCpuSysMainThread: number(["used_cpu_sys_main_thread"], .seconds)
        case .usedCpuUserMainThread: number(["used_cpu_user_main_thread"], .seconds)

        case .clusterEnabled: flag(["cluster_enabled"])
            .explained("1 when the server runs in cluster mode.", healthy: nil)
        }
    }

    private func number(_ keys: [String], _ unit: InfoUnit, minusOne: Bool = false,
                        maximum: Double? = nil, core: Bool = false) -> InfoFieldSpec {
        InfoFieldSpec(keys: keys, kind: .number, unit: unit, minusOneIsAbsent: minusOne, maximum: maximum, isCore: core)
    }

    private func flag(_ keys: [String], core: Bool = false) -> InfoFieldSpec {
        InfoFieldSpec(keys: keys, kind: .flag, unit: .boolean, minusOneIsAbsent: false, maximum: nil, isCore: core)
    }

    private func text(_ keys: [String], core: Bool = false) -> InfoFieldSpec {
        InfoFieldSpec(keys: keys, kind: .text, unit: .text, minusOneIsAbsent: false, maximum: nil, isCore: core)
    }
}

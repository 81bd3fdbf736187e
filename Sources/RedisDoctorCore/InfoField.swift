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
    case memAllocator
    // Persistence
    case loading, loadingEtaSeconds, loadingLoadedPerc, changesSinceLastSave, bgsaveInProgress
    case lastSaveTime, lastBgsaveStatus, lastBgsaveTimeSec, currentBgsaveTimeSec, rdbLastCowSize
    case aofEnabled, aofRewriteInProgress, aofCurrentRewriteTimeSec, aofLastRewriteTimeSec
    case aofLastBgrewriteStatus, aofLastWriteStatus, aofLastCowSize
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
        case .uptimeSeconds: number(["uptime_in_seconds"], .seconds, core: true)
        case .serverTimeMicros: number(["server_time_usec"], .unixMicros)
        case .runId: text(["run_id"], core: true)
        case .processId: number(["process_id"], .count, core: true)
        case .redisMode: text(["redis_mode", "server_mode"])
        case .tcpPort: number(["tcp_port"], .count)
        case .configFile: text(["config_file"])
        case .os: text(["os"])

        case .connectedClients: number(["connected_clients"], .count, core: true)
        case .maxClients: number(["maxclients", "max_clients"], .count)
        case .blockedClients: number(["blocked_clients"], .count, core: true)
        // Before 5.0 the closest figure was the longest reply LIST (items, not bytes).
        case .clientRecentMaxOutputBuffer: number(["client_recent_max_output_buffer", "client_longest_output_list"], .bytes)
        case .clientRecentMaxInputBuffer: number(["client_recent_max_input_buffer", "client_biggest_input_buf"], .bytes)
        case .pubsubClients: number(["pubsub_clients"], .count)

        case .usedMemory: number(["used_memory"], .bytes, core: true)
        case .usedMemoryRss: number(["used_memory_rss"], .bytes, core: true)
        case .usedMemoryPeak: number(["used_memory_peak"], .bytes, core: true)
        case .maxmemory: number(["maxmemory"], .bytes)
        case .maxmemoryPolicy: text(["maxmemory_policy"])
        case .totalSystemMemory: number(["total_system_memory"], .bytes)
        case .memFragmentationRatio: number(["mem_fragmentation_ratio"], .ratio, core: true)
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
        case .loadingEtaSeconds: number(["loading_eta_seconds"], .seconds)
        case .loadingLoadedPerc: number(["loading_loaded_perc"], .percent)
        case .changesSinceLastSave:
            number(["rdb_changes_since_last_save", "changes_since_last_save", "rdb_changes_since_last_success_save"], .count, core: true)
        case .bgsaveInProgress: flag(["rdb_bgsave_in_progress", "bgsave_in_progress", "saving"], core: true)
        case .lastSaveTime: number(["rdb_last_save_time", "last_save_time", "last_success_save", "last_bgsave_time"], .unixSeconds, core: true)
        case .lastBgsaveStatus: text(["rdb_last_bgsave_status", "last_bgsave_status"])
        case .lastBgsaveTimeSec: number(["rdb_last_bgsave_time_sec", "last_bgsave_time_sec"], .seconds, minusOne: true)
        case .currentBgsaveTimeSec: number(["rdb_current_bgsave_time_sec", "current_save_duration_sec"], .seconds, minusOne: true)
        case .rdbLastCowSize: number(["rdb_last_cow_size"], .bytes)
        case .aofEnabled: flag(["aof_enabled"], core: true)
        case .aofRewriteInProgress: flag(["aof_rewrite_in_progress", "bgrewriteaof_in_progress"], core: true)
        case .aofCurrentRewriteTimeSec: number(["aof_current_rewrite_time_sec"], .seconds, minusOne: true)
        case .aofLastRewriteTimeSec: number(["aof_last_rewrite_time_sec"], .seconds, minusOne: true)
        case .aofLastBgrewriteStatus: text(["aof_last_bgrewrite_status"])
        case .aofLastWriteStatus: text(["aof_last_write_status"])
        case .aofLastCowSize: number(["aof_last_cow_size"], .bytes)
        case .currentSaveKeysProcessed: number(["current_save_keys_processed"], .count)
        case .currentSaveKeysTotal: number(["current_save_keys_total"], .count)
        case .currentForkPerc: number(["current_fork_perc"], .percent)
        case .latestForkUsec: number(["latest_fork_usec"], .microseconds, core: true)
        case .currentCowSize: number(["current_cow_size"], .bytes)

        case .totalConnectionsReceived: number(["total_connections_received"], .count, core: true)
        case .totalCommandsProcessed: number(["total_commands_processed"], .count, core: true)
        case .instantaneousOpsPerSec: number(["instantaneous_ops_per_sec"], .count)
        // Dragonfly prints -1: it does not count them.
        case .rejectedConnections: number(["rejected_connections"], .count, minusOne: true)
        case .syncFull: number(["sync_full"], .count)
        case .syncPartialErr: number(["sync_partial_err"], .count)
        case .expiredKeys: number(["expired_keys"], .count, core: true)
        case .expiredStalePerc: number(["expired_stale_perc"], .percent)
        case .expiredTimeCapReachedCount: number(["expired_time_cap_reached_count"], .count)
        case .expireCycleCpuMilliseconds: number(["expire_cycle_cpu_milliseconds"], .milliseconds)
        case .evictedKeys: number(["evicted_keys"], .count, core: true)
        case .currentEvictionExceededTime: number(["current_eviction_exceeded_time"], .milliseconds)
        case .keyspaceHits: number(["keyspace_hits"], .count, core: true)
        case .keyspaceMisses: number(["keyspace_misses"], .count, core: true)
        case .totalErrorReplies: number(["total_error_replies"], .count)
        case .clientOutputBufferLimitDisconnections: number(["client_output_buffer_limit_disconnections"], .count)
        case .evictedClients: number(["evicted_clients"], .count)

        case .role: text(["role"], core: true)
        case .connectedSlaves: number(["connected_slaves"], .count, core: true)
        case .masterHost: text(["master_host"])
        case .masterPort: number(["master_port"], .count)
        case .masterLinkStatus: text(["master_link_status"])
        case .masterLastIoSecondsAgo: number(["master_last_io_seconds_ago"], .seconds, minusOne: true)
        case .masterLinkDownSinceSeconds:
            number(["master_link_down_since_seconds"], .seconds, minusOne: true, maximum: Self.tenYears)
        case .masterSyncInProgress: flag(["master_sync_in_progress"])
        case .masterSyncLeftBytes: number(["master_sync_left_bytes"], .bytes, minusOne: true)
        case .masterSyncTotalBytes: number(["master_sync_total_bytes"], .bytes, minusOne: true)
        case .masterSyncReadBytes: number(["master_sync_read_bytes"], .bytes)
        case .masterReplOffset: number(["master_repl_offset"], .bytes)
        case .slaveReplOffset: number(["slave_repl_offset"], .bytes)
        case .replBacklogSize: number(["repl_backlog_size"], .bytes)
        case .minSlavesGoodSlaves: number(["min_slaves_good_slaves"], .count)

        case .usedCpuSys: number(["used_cpu_sys"], .seconds, core: true)
        case .usedCpuUser: number(["used_cpu_user"], .seconds, core: true)
        case .usedCpuSysMainThread: number(["used_cpu_sys_main_thread"], .seconds)
        case .usedCpuUserMainThread: number(["used_cpu_user_main_thread"], .seconds)

        case .clusterEnabled: flag(["cluster_enabled"])
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

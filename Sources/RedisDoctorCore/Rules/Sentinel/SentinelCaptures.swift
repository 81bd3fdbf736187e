/// Real SENTINEL replies the sentinel rules' examples are built from, captured with a plain RESP2
/// client from a local Redis 7.0.15 set-up (master 127.0.0.1:36379, replica 36380, sentinels
/// 46379-46381 with quorum 2, down-after-milliseconds 2000, failover-timeout 10000) on 2026-12-01,
/// as each failure happened. The raw replies are in Tests/RedisDoctorCoreTests/Fixtures/sentinel/
/// (see its SOURCES.md); here each is decoded into the example form (`SentinelExample.Sentinel`).
/// SENTINEL SENTINELS is left out: the rules count sentinels from the views themselves.
/// A sentinel with a `failure` was killed: a live run could not connect to it.
enum SentinelCaptures {
    /// Every sentinel sees the master 127.0.0.1:36379 and its replica 127.0.0.1:36380.
    static let healthy: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 798
            last-ping-reply 798
            down-after-milliseconds 2000
            info-refresh 2180
            role-reported master
            role-reported-time 12229
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags slave
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 666
            last-ping-reply 666
            down-after-milliseconds 2000
            info-refresh 7950
            role-reported slave
            role-reported-time 12222
            master-link-down-time 0
            master-link-status ok
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 850
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
        SentinelExample.Sentinel(address: "127.0.0.1:46380",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 809
            last-ping-reply 809
            down-after-milliseconds 2000
            info-refresh 2190
            role-reported master
            role-reported-time 12237
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags slave
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 809
            last-ping-reply 809
            down-after-milliseconds 2000
            info-refresh 8077
            role-reported slave
            role-reported-time 12228
            master-link-down-time 0
            master-link-status ok
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 850
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
        SentinelExample.Sentinel(address: "127.0.0.1:46381",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 860
            last-ping-reply 860
            down-after-milliseconds 2000
            info-refresh 2171
            role-reported master
            role-reported-time 12230
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags slave
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 647
            last-ping-reply 647
            down-after-milliseconds 2000
            info-refresh 7964
            role-reported slave
            role-reported-time 12224
            master-link-down-time 0
            master-link-status ok
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 850
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
    ]
    /// The replica 127.0.0.1:36380 under SIGSTOP until every sentinel flagged it s_down.
    static let replicaStopped: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 166
            last-ping-reply 166
            down-after-milliseconds 2000
            info-refresh 7793
            role-reported master
            role-reported-time 17842
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags s_down,slave
            link-pending-commands 18
            link-refcount 1
            last-ping-sent 2097
            last-ok-ping-reply 3174
            last-ping-reply 3174
            s-down-time 53
            down-after-milliseconds 2000
            info-refresh 3539
            role-reported slave
            role-reported-time 17836
            master-link-down-time 0
            master-link-status ok
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 2740
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
        SentinelExample.Sentinel(address: "127.0.0.1:46380",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 113
            last-ping-reply 113
            down-after-milliseconds 2000
            info-refresh 7804
            role-reported master
            role-reported-time 17851
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags s_down,slave
            link-pending-commands 20
            link-refcount 1
            last-ping-sent 2221
            last-ok-ping-reply 3286
            last-ping-reply 3286
            s-down-time 170
            down-after-milliseconds 2000
            info-refresh 3658
            role-reported slave
            role-reported-time 17842
            master-link-down-time 0
            master-link-status ok
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 2472
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
        SentinelExample.Sentinel(address: "127.0.0.1:46381",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 255
            last-ping-reply 255
            down-after-milliseconds 2000
            info-refresh 7784
            role-reported master
            role-reported-time 17843
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags s_down,slave
            link-pending-commands 18
            link-refcount 1
            last-ping-sent 2081
            last-ok-ping-reply 3108
            last-ping-reply 3108
            s-down-time 10
            down-after-milliseconds 2000
            info-refresh 3573
            role-reported slave
            role-reported-time 17838
            master-link-down-time 0
            master-link-status ok
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 2606
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
    ]
    /// The master killed; taken when the leader (46381) showed failover-state wait_start.
    static let failoverInProgress: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags s_down,master,disconnected
            link-pending-commands 2
            link-refcount 1
            last-ping-sent 2103
            last-ok-ping-reply 2549
            last-ping-reply 2549
            s-down-time 89
            down-after-milliseconds 2000
            info-refresh 6319
            role-reported master
            role-reported-time 26452
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags slave
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 889
            last-ping-reply 889
            down-after-milliseconds 2000
            info-refresh 2102
            role-reported slave
            role-reported-time 26445
            master-link-down-time 0
            master-link-status err
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 4630
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
        SentinelExample.Sentinel(address: "127.0.0.1:46380",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags s_down,master,disconnected
            link-pending-commands 2
            link-refcount 1
            last-ping-sent 2071
            last-ok-ping-reply 2422
            last-ping-reply 2422
            s-down-time 60
            down-after-milliseconds 2000
            info-refresh 6378
            role-reported master
            role-reported-time 26459
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags slave
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 864
            last-ping-reply 864
            down-after-milliseconds 2000
            info-refresh 2206
            role-reported slave
            role-reported-time 26450
            master-link-down-time 0
            master-link-status ok
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 4496
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
        SentinelExample.Sentinel(address: "127.0.0.1:46381",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36379
            runid 39fd4b8527cb5ca1eee2fe447f7c9a15de035e01
            flags s_down,o_down,master,disconnected,failover_in_progress
            link-pending-commands 2
            link-refcount 1
            failover-state wait_start
            last-ping-sent 2118
            last-ok-ping-reply 2720
            last-ping-reply 2720
            s-down-time 68
            o-down-time 16
            down-after-milliseconds 2000
            info-refresh 6358
            role-reported master
            role-reported-time 26452
            config-epoch 0
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36380
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags slave
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 864
            last-ping-reply 864
            down-after-milliseconds 2000
            info-refresh 11
            role-reported slave
            role-reported-time 26446
            master-link-down-time 3000
            master-link-status err
            master-host 127.0.0.1
            master-port 36379
            slave-priority 100
            slave-repl-offset 4630
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36379"),
    ]
    /// 9.6 s after the kill: 127.0.0.1:36380 promoted (config-epoch 1); the old master listed as a replica, down.
    static let failedOver: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 164
            last-ping-reply 164
            down-after-milliseconds 2000
            info-refresh 3726
            role-reported master
            role-reported-time 6377
            config-epoch 1
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36379
            ip 127.0.0.1
            port 36379
            runid 
            flags s_down,slave,disconnected
            link-pending-commands 3
            link-refcount 1
            last-ping-sent 6378
            last-ok-ping-reply 6378
            last-ping-reply 6378
            s-down-time 4377
            down-after-milliseconds 2000
            info-refresh 0
            role-reported slave
            role-reported-time 6378
            master-link-down-time 0
            master-link-status err
            master-host ?
            master-port 0
            slave-priority 100
            slave-repl-offset 0
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36380"),
        SentinelExample.Sentinel(address: "127.0.0.1:46380",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 285
            last-ping-reply 285
            down-after-milliseconds 2000
            info-refresh 3812
            role-reported master
            role-reported-time 6379
            config-epoch 1
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36379
            ip 127.0.0.1
            port 36379
            runid 
            flags s_down,slave,disconnected
            link-pending-commands 3
            link-refcount 1
            last-ping-sent 6379
            last-ok-ping-reply 6379
            last-ping-reply 6379
            s-down-time 4337
            down-after-milliseconds 2000
            info-refresh 0
            role-reported slave
            role-reported-time 6379
            master-link-down-time 0
            master-link-status err
            master-host ?
            master-port 0
            slave-priority 100
            slave-repl-offset 0
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36380"),
        SentinelExample.Sentinel(address: "127.0.0.1:46381",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 243
            last-ping-reply 243
            down-after-milliseconds 2000
            info-refresh 3796
            role-reported master
            role-reported-time 6383
            config-epoch 1
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36379
            ip 127.0.0.1
            port 36379
            runid 
            flags s_down,slave,disconnected
            link-pending-commands 3
            link-refcount 1
            last-ping-sent 6383
            last-ok-ping-reply 6383
            last-ping-reply 6383
            s-down-time 4334
            down-after-milliseconds 2000
            info-refresh 0
            role-reported slave
            role-reported-time 6383
            master-link-down-time 0
            master-link-status err
            master-host ?
            master-port 0
            slave-priority 100
            slave-repl-offset 0
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36380"),
    ]
    /// Sentinel 46381 killed; taken at once from the two others.
    static let sentinelKilled: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 233
            last-ping-reply 233
            down-after-milliseconds 2000
            info-refresh 7849
            role-reported master
            role-reported-time 10500
            config-epoch 1
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36379
            ip 127.0.0.1
            port 36379
            runid 
            flags s_down,slave,disconnected
            link-pending-commands 3
            link-refcount 1
            last-ping-sent 10500
            last-ok-ping-reply 10500
            last-ping-reply 10500
            s-down-time 8499
            down-after-milliseconds 2000
            info-refresh 0
            role-reported slave
            role-reported-time 10500
            master-link-down-time 0
            master-link-status err
            master-host ?
            master-port 0
            slave-priority 100
            slave-repl-offset 0
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36380"),
        SentinelExample.Sentinel(address: "127.0.0.1:46380",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 245
            last-ping-reply 245
            down-after-milliseconds 2000
            info-refresh 7934
            role-reported master
            role-reported-time 10501
            config-epoch 1
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36379
            ip 127.0.0.1
            port 36379
            runid 
            flags s_down,slave,disconnected
            link-pending-commands 3
            link-refcount 1
            last-ping-sent 10501
            last-ok-ping-reply 10501
            last-ping-reply 10501
            s-down-time 8459
            down-after-milliseconds 2000
            info-refresh 0
            role-reported slave
            role-reported-time 10501
            master-link-down-time 0
            master-link-status err
            master-host ?
            master-port 0
            slave-priority 100
            slave-repl-offset 0
            replica-announced 1
            """,
            ckquorum: "OK 3 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36380"),
        SentinelExample.Sentinel(address: "127.0.0.1:46381", failure: "connection refused"),
    ]
    /// Then 46380 killed too; taken at once from 46379 (CKQUORUM still OK 2 usable).
    static let twoSentinelsKilled: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 241
            last-ping-reply 241
            down-after-milliseconds 2000
            info-refresh 9980
            role-reported master
            role-reported-time 12631
            config-epoch 1
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36379
            ip 127.0.0.1
            port 36379
            runid 
            flags s_down,slave,disconnected
            link-pending-commands 3
            link-refcount 1
            last-ping-sent 12631
            last-ok-ping-reply 12631
            last-ping-reply 12631
            s-down-time 10630
            down-after-milliseconds 2000
            info-refresh 0
            role-reported slave
            role-reported-time 12631
            master-link-down-time 0
            master-link-status err
            master-host ?
            master-port 0
            slave-priority 100
            slave-repl-offset 0
            replica-announced 1
            """,
            ckquorum: "OK 2 usable Sentinels. Quorum and failover authorization can be reached",
            masterAddress: "127.0.0.1 36380"),
        SentinelExample.Sentinel(address: "127.0.0.1:46380", failure: "connection refused"),
        SentinelExample.Sentinel(address: "127.0.0.1:46381", failure: "connection refused"),
    ]
    /// The same 2.5 s later, past down-after-milliseconds: CKQUORUM says NOQUORUM.
    static let twoSentinelsKilledLater: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: """
            name mymaster
            ip 127.0.0.1
            port 36380
            runid b06b5682a6f72b3c603a12a974e1797ae6d88c17
            flags master
            link-pending-commands 0
            link-refcount 1
            last-ping-sent 0
            last-ok-ping-reply 694
            last-ping-reply 694
            down-after-milliseconds 2000
            info-refresh 2449
            role-reported master
            role-reported-time 15132
            config-epoch 1
            num-slaves 1
            num-other-sentinels 2
            quorum 2
            failover-timeout 10000
            parallel-syncs 1
            """,
            replicas: """
            name 127.0.0.1:36379
            ip 127.0.0.1
            port 36379
            runid 
            flags s_down,slave,disconnected
            link-pending-commands 3
            link-refcount 1
            last-ping-sent 15133
            last-ok-ping-reply 15133
            last-ping-reply 15133
            s-down-time 13132
            down-after-milliseconds 2000
            info-refresh 0
            role-reported slave
            role-reported-time 15133
            master-link-down-time 0
            master-link-status err
            master-host ?
            master-port 0
            slave-priority 100
            slave-repl-offset 0
            replica-announced 1
            """,
            ckquorum: "-NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the specified quorum for this master. Not enough available Sentinels to reach the majority and authorize a failover",
            masterAddress: "127.0.0.1 36380"),
        SentinelExample.Sentinel(address: "127.0.0.1:46380", failure: "connection refused"),
        SentinelExample.Sentinel(address: "127.0.0.1:46381", failure: "connection refused"),
    ]
    /// The survivor asked about a master named nosuch.
    static let noSuchMaster: [SentinelExample.Sentinel] = [
        SentinelExample.Sentinel(address: "127.0.0.1:46379",
            master: "-ERR No such master with that name",
            replicas: "-ERR No such master with that name",
            ckquorum: "-ERR No such master with that name"),
    ]

    /// ROLE on 127.0.0.1:36379 in healthy/ (role-36379.resp).
    static let healthyProbe = SentinelMasterProbe(address: "127.0.0.1:36379", reply: .array([
        bulk("master"), .integer(2338), .array([.array([bulk("127.0.0.1"), bulk("36380"), bulk("2070")])]),
    ]))
    /// ROLE on the promoted 127.0.0.1:36380 in failed-over-settled/ (role-36380.resp).
    static let failedOverProbe = SentinelMasterProbe(address: "127.0.0.1:36380", reply: .array([bulk("master"), .integer(7199), .array([])]))
    /// The killed master, as a live run sees it while the sentinels still give its address.
    static let killedMasterProbe = SentinelMasterProbe(address: "127.0.0.1:36379", failure: "connection refused")
    /// A demotion the captures did not show: the address the sentinels give answering ROLE as
    /// a replica (the reply is 36380's in healthy/, role-36380.resp).
    static let demotedProbe = SentinelMasterProbe(address: "127.0.0.1:36379", reply: .array([
        bulk("slave"), bulk("127.0.0.1"), .integer(36380), bulk("connected"), .integer(2338),
    ]))

    static func bulk(_ text: String) -> RedisReply { .bulk(Array(text.utf8)) }

    /// A Redis 7.0.15 sentinel's refusal of a subcommand its ACL user lacks (`user mon on
    /// >pw +ping +info +sentinel -sentinel|replicas`), as redis-cli printed it on 2026-12-01.
    static func noPermission(_ subcommand: String) -> String {
        "NOPERM this user has no permissions to run the 'sentinel|\(subcommand)' command"
    }
}

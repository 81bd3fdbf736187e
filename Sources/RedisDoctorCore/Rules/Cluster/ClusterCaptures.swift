/// Real CLUSTER NODES and CLUSTER INFO replies the cluster rules' examples are built from,
/// captured with redis-cli from a local Redis 7.0.15 cluster (six nodes on 127.0.0.1:30001-30006,
/// `--cluster-node-timeout 2000`, made with `redis-cli --cluster create ... --cluster-replicas 1`)
/// on 2026-12-01, as each failure happened. The same captures are in
/// Tests/RedisDoctorCoreTests/Fixtures/cluster/, one file per reply.
enum ClusterCaptures {
    /// Three primaries with one replica each, every node ok.
    enum Healthy {
        static let nodes30001 = """
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122080248 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122080248 3 connected
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122080148 1 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122080248 3 connected 10923-16383
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122079344 2 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 myself,master - 0 1796122079000 1 connected 0-5460
        """
        static let info30001 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:1
        cluster_stats_messages_ping_sent:329
        cluster_stats_messages_pong_sent:329
        cluster_stats_messages_sent:658
        cluster_stats_messages_ping_received:324
        cluster_stats_messages_pong_received:329
        cluster_stats_messages_meet_received:5
        cluster_stats_messages_received:658
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30001 = 1796122080.275668
        static let nodes30002 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122080254 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 myself,master - 0 1796122080000 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122080254 3 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122080254 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122080254 1 connected 0-5460
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122080050 1 connected
        """
        static let info30002 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:331
        cluster_stats_messages_pong_sent:333
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:665
        cluster_stats_messages_ping_received:333
        cluster_stats_messages_pong_received:332
        cluster_stats_messages_received:665
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30002 = 1796122080.312854
        static let nodes30003 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122080162 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122080262 1 connected 0-5460
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122080263 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 myself,master - 0 1796122079000 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122080262 3 connected
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122080263 2 connected
        """
        static let info30003 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:329
        cluster_stats_messages_pong_sent:328
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:658
        cluster_stats_messages_ping_received:328
        cluster_stats_messages_pong_received:330
        cluster_stats_messages_received:658
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30003 = 1796122080.347751
        static let nodes30004 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 myself,slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122080000 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122080254 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122080254 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122080254 1 connected 0-5460
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122080254 3 connected
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122080149 1 connected
        """
        static let info30004 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:329
        cluster_stats_messages_pong_sent:331
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:661
        cluster_stats_messages_ping_received:331
        cluster_stats_messages_pong_received:330
        cluster_stats_messages_received:661
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30004 = 1796122080.384840
        static let nodes30005 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122080186 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122080287 1 connected 0-5460
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122080287 2 connected 5461-10922
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122080287 2 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122080287 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 myself,slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122080000 3 connected
        """
        static let info30005 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:329
        cluster_stats_messages_pong_sent:333
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:663
        cluster_stats_messages_ping_received:333
        cluster_stats_messages_pong_received:330
        cluster_stats_messages_received:663
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30005 = 1796122080.420546
        static let nodes30006 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 myself,slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122080000 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122080297 1 connected 0-5460
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122080297 2 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122080297 3 connected 10923-16383
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122080298 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122080298 3 connected
        """
        static let info30006 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:1
        cluster_stats_messages_ping_sent:329
        cluster_stats_messages_pong_sent:325
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:655
        cluster_stats_messages_ping_received:325
        cluster_stats_messages_pong_received:330
        cluster_stats_messages_received:655
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30006 = 1796122080.456134
        /// Every node, as a check --cluster would have visited them.
        static let views: [ClusterExampleNode] = [
            ClusterExampleNode("127.0.0.1:30001", nodes: nodes30001, info: info30001, serverTime: time30001),
            ClusterExampleNode("127.0.0.1:30002", nodes: nodes30002, info: info30002, serverTime: time30002),
            ClusterExampleNode("127.0.0.1:30003", nodes: nodes30003, info: info30003, serverTime: time30003),
            ClusterExampleNode("127.0.0.1:30004", nodes: nodes30004, info: info30004, serverTime: time30004),
            ClusterExampleNode("127.0.0.1:30005", nodes: nodes30005, info: info30005, serverTime: time30005),
            ClusterExampleNode("127.0.0.1:30006", nodes: nodes30006, info: info30006, serverTime: time30006),
        ]
    }
    /// 30005 (replica of 30003) SIGSTOPped until every other node flagged it fail.
    enum ReplicaStopped {
        static let nodes30001 = """
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122092319 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave,fail cd61defe6774ff80b83a04242fda447f45c53de4 1796122083264 1796122082259 3 connected
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122092218 1 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122092319 3 connected 10923-16383
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122092118 2 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 myself,master - 0 1796122092000 1 connected 0-5460
        """
        static let info30001 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:1
        cluster_stats_messages_ping_sent:385
        cluster_stats_messages_pong_sent:381
        cluster_stats_messages_sent:766
        cluster_stats_messages_ping_received:376
        cluster_stats_messages_pong_received:379
        cluster_stats_messages_meet_received:5
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_received:761
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30001 = 1796122093.123282
        static let nodes30002 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122092310 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 myself,master - 0 1796122092000 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave,fail cd61defe6774ff80b83a04242fda447f45c53de4 1796122083267 1796122082264 3 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122092310 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122092310 1 connected 0-5460
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122093014 1 connected
        """
        static let info30002 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:388
        cluster_stats_messages_pong_sent:384
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:773
        cluster_stats_messages_ping_received:384
        cluster_stats_messages_pong_received:383
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_received:768
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30002 = 1796122093.166781
        static let nodes30003 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122092312 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122092311 1 connected 0-5460
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122092312 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 myself,master - 0 1796122092000 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave,fail cd61defe6774ff80b83a04242fda447f45c53de4 1796122083274 1796122082270 3 connected
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122093022 2 connected
        """
        static let info30003 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:385
        cluster_stats_messages_pong_sent:378
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:764
        cluster_stats_messages_ping_received:378
        cluster_stats_messages_pong_received:380
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_received:759
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30003 = 1796122093.216639
        static let nodes30004 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 myself,slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122092000 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122092312 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122092312 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122092312 1 connected 0-5460
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave,fail cd61defe6774ff80b83a04242fda447f45c53de4 1796122083265 1796122082262 3 connected
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122092312 1 connected
        """
        static let info30004 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:385
        cluster_stats_messages_pong_sent:381
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:5
        cluster_stats_messages_sent:772
        cluster_stats_messages_ping_received:381
        cluster_stats_messages_pong_received:380
        cluster_stats_messages_received:761
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30004 = 1796122093.259628
        static let nodes30006 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 myself,slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122092000 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master - 0 1796122092365 1 connected 0-5460
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122093068 2 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122092365 3 connected 10923-16383
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122092365 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave,fail cd61defe6774ff80b83a04242fda447f45c53de4 1796122083313 1796122082305 3 connected
        """
        static let info30006 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:1
        cluster_stats_messages_ping_sent:385
        cluster_stats_messages_pong_sent:377
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:763
        cluster_stats_messages_ping_received:377
        cluster_stats_messages_pong_received:380
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_received:758
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30006 = 1796122093.286410
        /// Every node, as a check --cluster would have visited them.
        static let views: [ClusterExampleNode] = [
            ClusterExampleNode("127.0.0.1:30001", nodes: nodes30001, info: info30001, serverTime: time30001),
            ClusterExampleNode("127.0.0.1:30002", nodes: nodes30002, info: info30002, serverTime: time30002),
            ClusterExampleNode("127.0.0.1:30003", nodes: nodes30003, info: info30003, serverTime: time30003),
            ClusterExampleNode("127.0.0.1:30004", nodes: nodes30004, info: info30004, serverTime: time30004),
            ClusterExampleNode("127.0.0.1:30005", failure: "did not answer within 2.0 s"),
            ClusterExampleNode("127.0.0.1:30006", nodes: nodes30006, info: info30006, serverTime: time30006),
        ]
    }
    /// 30001 (primary of 0-5460) killed; captured as soon as 30002 flagged it fail, before its replica 30006 took over.
    enum FailoverPending {
        static let nodes30002 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122101073 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 myself,master - 0 1796122101000 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122101376 3 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122101375 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099361 1796122098354 1 disconnected 0-5460
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122101073 1 connected
        """
        static let info30002 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10923
        cluster_slots_pfail:0
        cluster_slots_fail:5461
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:428
        cluster_stats_messages_pong_sent:421
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:4
        cluster_stats_messages_sent:854
        cluster_stats_messages_ping_received:421
        cluster_stats_messages_pong_received:423
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_received:845
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30002 = 1796122101.421823
        static let nodes30003 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122101365 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099051 1796122098045 1 disconnected 0-5460
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122101063 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 myself,master - 0 1796122101000 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122101365 3 connected
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122101063 2 connected
        """
        static let info30003 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10923
        cluster_slots_pfail:0
        cluster_slots_fail:5461
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:424
        cluster_stats_messages_pong_sent:418
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:843
        cluster_stats_messages_ping_received:418
        cluster_stats_messages_pong_received:419
        cluster_stats_messages_fail_received:2
        cluster_stats_messages_received:839
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30003 = 1796122101.457021
        static let nodes30004 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 myself,slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122101000 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122101067 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122101370 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099050 1796122098044 1 disconnected 0-5460
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122101370 3 connected
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122101370 1 connected
        """
        static let info30004 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10923
        cluster_slots_pfail:0
        cluster_slots_fail:5461
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:425
        cluster_stats_messages_pong_sent:418
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:5
        cluster_stats_messages_sent:849
        cluster_stats_messages_ping_received:418
        cluster_stats_messages_pong_received:420
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_received:839
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30004 = 1796122101.492305
        static let nodes30005 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122101144 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099028 1796122098022 1 disconnected 0-5460
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122101043 2 connected 5461-10922
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122101043 2 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122101144 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 myself,slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122100000 3 connected
        """
        static let info30005 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10923
        cluster_slots_pfail:0
        cluster_slots_fail:5461
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:379
        cluster_stats_messages_pong_sent:410
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:790
        cluster_stats_messages_ping_received:410
        cluster_stats_messages_pong_received:379
        cluster_stats_messages_fail_received:2
        cluster_stats_messages_received:791
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30005 = 1796122101.528524
        static let nodes30006 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 myself,slave b2ecef9bbeeb2de860fe06b92920a5f580d93da3 0 1796122100000 1 connected
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099120 1796122098109 1 disconnected 0-5460
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122101140 2 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122101140 3 connected 10923-16383
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122101038 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122101443 3 connected
        """
        static let info30006 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10923
        cluster_slots_pfail:0
        cluster_slots_fail:5461
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:6
        cluster_my_epoch:1
        cluster_stats_messages_ping_sent:423
        cluster_stats_messages_pong_sent:416
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:840
        cluster_stats_messages_ping_received:416
        cluster_stats_messages_pong_received:418
        cluster_stats_messages_fail_received:2
        cluster_stats_messages_received:836
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30006 = 1796122101.565500
        /// Every node, as a check --cluster would have visited them.
        static let views: [ClusterExampleNode] = [
            ClusterExampleNode("127.0.0.1:30001", failure: "connection refused"),
            ClusterExampleNode("127.0.0.1:30002", nodes: nodes30002, info: info30002, serverTime: time30002),
            ClusterExampleNode("127.0.0.1:30003", nodes: nodes30003, info: info30003, serverTime: time30003),
            ClusterExampleNode("127.0.0.1:30004", nodes: nodes30004, info: info30004, serverTime: time30004),
            ClusterExampleNode("127.0.0.1:30005", nodes: nodes30005, info: info30005, serverTime: time30005),
            ClusterExampleNode("127.0.0.1:30006", nodes: nodes30006, info: info30006, serverTime: time30006),
        ]
    }
    /// 30001 killed and its replica 30006 promoted: the shard 0-5460 now runs without a replica.
    enum PrimaryKilled {
        static let nodes30002 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122102380 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 myself,master - 0 1796122102000 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122102380 3 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122102380 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099361 1796122098354 1 disconnected
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 master - 0 1796122103087 7 connected 0-5460
        """
        static let info30002 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:434
        cluster_stats_messages_pong_sent:429
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:4
        cluster_stats_messages_auth-ack_sent:1
        cluster_stats_messages_sent:869
        cluster_stats_messages_ping_received:429
        cluster_stats_messages_pong_received:430
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_auth-req_received:1
        cluster_stats_messages_received:861
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30002 = 1796122103.252922
        static let nodes30003 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 master - 0 1796122102371 7 connected 0-5460
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099051 1796122098045 1 disconnected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122103075 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 myself,master - 0 1796122102000 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122102371 3 connected
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122103075 2 connected
        """
        static let info30003 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:430
        cluster_stats_messages_pong_sent:424
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_auth-ack_sent:1
        cluster_stats_messages_sent:856
        cluster_stats_messages_ping_received:424
        cluster_stats_messages_pong_received:426
        cluster_stats_messages_fail_received:2
        cluster_stats_messages_auth-req_received:1
        cluster_stats_messages_received:853
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30003 = 1796122103.316764
        static let nodes30004 = """
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 myself,slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122102000 2 connected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122103083 2 connected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122102377 3 connected 10923-16383
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099050 1796122098044 1 disconnected
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122102377 3 connected
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 master - 0 1796122102377 7 connected 0-5460
        """
        static let info30004 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:2
        cluster_stats_messages_ping_sent:430
        cluster_stats_messages_pong_sent:425
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:5
        cluster_stats_messages_sent:861
        cluster_stats_messages_ping_received:425
        cluster_stats_messages_pong_received:426
        cluster_stats_messages_fail_received:1
        cluster_stats_messages_auth-req_received:1
        cluster_stats_messages_received:853
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30004 = 1796122103.384886
        static let nodes30005 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 master - 0 1796122103160 7 connected 0-5460
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099028 1796122098022 1 disconnected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122103059 2 connected 5461-10922
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122103059 2 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122103160 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 myself,slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122102000 3 connected
        """
        static let info30005 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:387
        cluster_stats_messages_pong_sent:417
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_sent:805
        cluster_stats_messages_ping_received:417
        cluster_stats_messages_pong_received:388
        cluster_stats_messages_fail_received:2
        cluster_stats_messages_auth-req_received:1
        cluster_stats_messages_received:808
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30005 = 1796122103.428862
        static let nodes30006 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 myself,master - 0 1796122102000 7 connected 0-5460
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099120 1796122098109 1 disconnected
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave fd25accec83df9bdcecc465563e5801f3521ae4c 0 1796122103000 2 connected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122103160 3 connected 10923-16383
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master - 0 1796122103059 2 connected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122102453 3 connected
        """
        static let info30006 = """
        cluster_state:ok
        cluster_slots_assigned:16384
        cluster_slots_ok:16384
        cluster_slots_pfail:0
        cluster_slots_fail:0
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:7
        cluster_stats_messages_ping_sent:429
        cluster_stats_messages_pong_sent:428
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_auth-req_sent:5
        cluster_stats_messages_sent:863
        cluster_stats_messages_ping_received:424
        cluster_stats_messages_pong_received:424
        cluster_stats_messages_fail_received:2
        cluster_stats_messages_auth-ack_received:2
        cluster_stats_messages_received:852
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30006 = 1796122103.464434
        /// Every node, as a check --cluster would have visited them.
        static let views: [ClusterExampleNode] = [
            ClusterExampleNode("127.0.0.1:30001", failure: "connection refused"),
            ClusterExampleNode("127.0.0.1:30002", nodes: nodes30002, info: info30002, serverTime: time30002),
            ClusterExampleNode("127.0.0.1:30003", nodes: nodes30003, info: info30003, serverTime: time30003),
            ClusterExampleNode("127.0.0.1:30004", nodes: nodes30004, info: info30004, serverTime: time30004),
            ClusterExampleNode("127.0.0.1:30005", nodes: nodes30005, info: info30005, serverTime: time30005),
            ClusterExampleNode("127.0.0.1:30006", nodes: nodes30006, info: info30006, serverTime: time30006),
        ]
    }
    /// Then 30002 and its replica 30004 killed too: 5461-10922 is owned by a failed node.
    enum ShardDown {
        static let nodes30003 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 master - 0 1796122111442 7 connected 0-5460
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099051 1796122098045 1 disconnected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master,fail - 1796122107106 1796122106098 2 disconnected 5461-10922
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 myself,master - 0 1796122111000 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122111442 3 connected
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave,fail fd25accec83df9bdcecc465563e5801f3521ae4c 1796122107106 1796122106098 2 disconnected
        """
        static let info30003 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10922
        cluster_slots_pfail:0
        cluster_slots_fail:5462
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:456
        cluster_stats_messages_pong_sent:447
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:4
        cluster_stats_messages_auth-ack_sent:1
        cluster_stats_messages_sent:909
        cluster_stats_messages_ping_received:447
        cluster_stats_messages_pong_received:450
        cluster_stats_messages_fail_received:6
        cluster_stats_messages_auth-req_received:1
        cluster_stats_messages_received:904
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30003 = 1796122112.077477
        static let nodes30005 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 master - 0 1796122111221 7 connected 0-5460
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099028 1796122098022 1 disconnected
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master,fail - 1796122107086 1796122106080 2 disconnected 5461-10922
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave,fail fd25accec83df9bdcecc465563e5801f3521ae4c 1796122107187 1796122106180 2 disconnected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122111221 3 connected 10923-16383
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 myself,slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122110000 3 connected
        """
        static let info30005 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10922
        cluster_slots_pfail:0
        cluster_slots_fail:5462
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:3
        cluster_stats_messages_ping_sent:412
        cluster_stats_messages_pong_sent:438
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:4
        cluster_stats_messages_sent:855
        cluster_stats_messages_ping_received:438
        cluster_stats_messages_pong_received:411
        cluster_stats_messages_fail_received:6
        cluster_stats_messages_auth-req_received:1
        cluster_stats_messages_received:856
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30005 = 1796122112.105119
        static let nodes30006 = """
        cc4e69e640f662b4d66e985c3c6173ea01d5f663 127.0.0.1:30006@40006 myself,master - 0 1796122111000 7 connected 0-5460
        b2ecef9bbeeb2de860fe06b92920a5f580d93da3 127.0.0.1:30001@40001 master,fail - 1796122099120 1796122098109 1 disconnected
        07358b721287e6c1a1119149bb32af6ab7632339 127.0.0.1:30004@40004 slave,fail fd25accec83df9bdcecc465563e5801f3521ae4c 1796122107087 1796122106080 2 disconnected
        cd61defe6774ff80b83a04242fda447f45c53de4 127.0.0.1:30003@40003 master - 0 1796122111523 3 connected 10923-16383
        fd25accec83df9bdcecc465563e5801f3521ae4c 127.0.0.1:30002@40002 master,fail - 1796122107087 1796122106080 2 disconnected 5461-10922
        b615496e29908df96d96a84f6c5d3feebe9a7c61 127.0.0.1:30005@40005 slave cd61defe6774ff80b83a04242fda447f45c53de4 0 1796122111523 3 connected
        """
        static let info30006 = """
        cluster_state:fail
        cluster_slots_assigned:16384
        cluster_slots_ok:10922
        cluster_slots_pfail:0
        cluster_slots_fail:5462
        cluster_known_nodes:6
        cluster_size:3
        cluster_current_epoch:7
        cluster_my_epoch:7
        cluster_stats_messages_ping_sent:455
        cluster_stats_messages_pong_sent:449
        cluster_stats_messages_meet_sent:1
        cluster_stats_messages_fail_sent:4
        cluster_stats_messages_auth-req_sent:5
        cluster_stats_messages_sent:914
        cluster_stats_messages_ping_received:445
        cluster_stats_messages_pong_received:448
        cluster_stats_messages_fail_received:6
        cluster_stats_messages_auth-ack_received:2
        cluster_stats_messages_received:901
        total_cluster_links_buffer_limit_exceeded:0
        """
        static let time30006 = 1796122112.132714
        /// Every node, as a check --cluster would have visited them.
        static let views: [ClusterExampleNode] = [
            ClusterExampleNode("127.0.0.1:30001", failure: "connection refused"),
            ClusterExampleNode("127.0.0.1:30002", failure: "connection refused"),
            ClusterExampleNode("127.0.0.1:30003", nodes: nodes30003, info: info30003, serverTime: time30003),
            ClusterExampleNode("127.0.0.1:30004", failure: "connection refused"),
            ClusterExampleNode("127.0.0.1:30005", nodes: nodes30005, info: info30005, serverTime: time30005),
            ClusterExampleNode("127.0.0.1:30006", nodes: nodes30006, info: info30006, serverTime: time30006),
        ]
    }
}

import Testing
@testable import RedisDoctorCore

/// CLUSTER NODES lines in the shapes servers print them: IPv6 without brackets, announced
/// hostnames, pre-4.0 lines without a bus port, open slots on the `myself` line.
struct ClusterNodeParsingTests {
    @Test func anIPv6AddressSplitsAtTheLastColonBeforeTheBusPort() throws {
        let node = try #require(ClusterNode.parse(line: "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca ::1:7000@17000,cache-a myself,master - 0 0 1 connected 0-5460 5462"))
        #expect(node.host == "::1" && node.port == 7000 && node.busPort == 17000 && node.hostname == "cache-a")
        #expect(node.address == "[::1]:7000")
        #expect(node.slotCount == 5462 && node.slotText == "0-5460,5462")
        #expect(node.isMyself && node.isPrimary && node.primaryID == nil)
    }

    @Test func aPre40LineHasNoBusPortAndANoaddrNodeNoHost() throws {
        let old = try #require(ClusterNode.parse(line: "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 127.0.0.1:30002 slave e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 0 1426238316232 2 connected"))
        #expect(old.port == 30002 && old.busPort == nil && old.isReplica && old.primaryID == "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca")
        let lost = try #require(ClusterNode.parse(line: "292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f :0@0 master,fail,noaddr - 1426238317239 1426238316232 3 disconnected"))
        #expect(lost.hasNoAddress && lost.isFailed && !lost.linkConnected)
    }

    @Test func openSlotsAreKeptAndJunkIsDropped() throws {
        let node = try #require(ClusterNode.parse(line: "a 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-100 [101->-b] [102-<-c] 99999 x-y"))
        #expect(node.openSlots == ["[101->-b]", "[102-<-c]"])
        #expect(node.slotText == "0-100")
        #expect(ClusterNode.parse(line: "too few fields") == nil)
        #expect(ClusterNode.parseAll(Array("\r\n\n".utf8)).isEmpty)
    }

    @Test func movedAndAskAreExplainedOtherErrorsAreNot() {
        #expect(ClusterRedirect.explain("MOVED 3999 127.0.0.1:6381")?.contains("slot 3999 is served by 127.0.0.1:6381") == true)
        #expect(ClusterRedirect.explain("ASK 3999 127.0.0.1:6381")?.contains("being migrated to 127.0.0.1:6381") == true)
        #expect(ClusterRedirect.explain("ERR unknown command") == nil)
        #expect(ClusterRedirect.explain("MOVED x y") == nil)
    }
}

import Testing
import TestSupport
@testable import RedisDoctorCore

/// Hostile shapes that fit the reply budget still cost little once parsed.
struct HostileShapeTests {
    @Test func longValuesSplitIntoFewItems() {
        let value = String(repeating: "a,", count: 1_000_000)
        #expect(InfoPairs(parsing: value).positional.count == InfoPairs.maximumItems)
        var config = ConfigValues()
        config.merge(.array([.bulk(Array("save".utf8)), .bulk(Array(String(repeating: "1 ", count: 100_000).utf8))]))
        #expect(config["save"]?.utf8.count == ConfigValues.maximumValueBytes)
        let many = (0..<20_000).flatMap { [RedisReply.bulk(Array("k\($0)".utf8)), .bulk([65])] }
        config.merge(.array(many))
        #expect(config.items.count == ConfigValues.maximumItems)
    }

    @Test func denseClientListsAreCapped() {
        let dense = Array(String(repeating: "a=\n", count: ClientList.maximumEntries + 1000).utf8)
        #expect(ClientList.parse(dense).count == ClientList.maximumEntries)
    }

    @Test func secretsInTheSlowlogAreHidden() throws {
        let reply = RedisReply.array([.integer(7), .integer(1_700_000_000), .integer(20_000),
                                      .array([.bulk(Array("CONFIG".utf8)), .bulk(Array("SET".utf8)), .bulk(Array("requirepass".utf8)), .bulk(Array("s3cret".utf8))])])
        let entry = try #require(SlowlogEntry(reply: reply))
        let text = SlowCommandsRule.command(entry)
        #expect(!text.contains("s3cret"))
        #expect(text.contains("arguments hidden"))
    }

    @Test func handshakeErrorsAreClassifiedByTheirCode() {
        #expect(CheckError.serverRefusal("BUSY Redis is busy running a script.", command: "SELECT").status == .critical)
        #expect(CheckError.serverRefusal("LOADING Redis is loading", command: "AUTH").kind == .serverLoading)
        #expect(CheckError.serverRefusal("WRONGPASS invalid username-password pair", command: "AUTH").kind == .authentication)
        #expect(CheckError.serverRefusal("ERR DB index is out of range", command: "SELECT").kind == .commandRefused)
    }

    @Test func c1ControlsAreEscapedButTextIsNot() {
        let bytes: [UInt8] = [0x61, 0xC2, 0x9B, 0x32, 0x4A, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0x0A]
        #expect(ReplyFormatter.terminalSafe(bytes) == Array("a\\xc2\\x9b2Jé€\n".utf8))
    }

    @Test func serverTextInTheClientsTableIsEscaped() {
        let list = (0..<3).map { "id=\($0) addr=\u{1b}]2;x\u{07}:\($0) fd=8 name=w age=9000 idle=9000 flags=N db=0 cmd=get\n" }.joined()
        let groups = ClientGroups(ClientList.parse(list), options: ClientGroupOptions(idleThresholdSeconds: 1))
        let table = ClientGroupsTable.render(groups: groups.groups, summary: groups.summary)
        #expect(!table.contains("\u{1b}") && !table.contains("\u{07}"), "\(table)")
        let kills = ClientGroupsTable.killCommands(for: groups.groups)
        #expect(!kills.joined().contains("\u{1b}"))
    }
}

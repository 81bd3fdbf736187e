import Testing
@testable import RedisDoctorCore

/// CONFIG GET pairs: hashed lookups give what a linear, case-insensitive search gave.
struct ConfigValuesTests {
    private func pairs(_ words: [String]) -> RedisReply {
        .array(words.map { .bulk(Array($0.utf8)) })
    }

    @Test func lookupsIgnoreCaseAndTheFirstNameWins() {
        var config = ConfigValues(reply: pairs(["maxmemory", "0", "Bind", "127.0.0.1", "BIND", "0.0.0.0"]))
        config.merge(pairs(["maxmemory", "100mb", "port", "6380"]))
        #expect(config["MAXMEMORY"] == "0")
        #expect(config["bind"] == "127.0.0.1")
        #expect(config["port"] == "6380")
        #expect(config["missing"] == nil)
        #expect(config.items.map(\.name) == ["maxmemory", "Bind", "port"])
    }

    @Test func repliesThatAreNotStringsAreSkippedAndStatusStringsCount() {
        let config = ConfigValues(reply: .array([.status("hz"), .status("10"), .integer(1), .bulk([0x31]),
                                                 .bulk(Array("save".utf8)), .integer(3), .bulk(Array("save".utf8)), .bulk([])]))
        #expect(config["hz"] == "10")
        // An integer value is not a value: the later "save" pair is the one kept.
        #expect(config["save"] == "")
        #expect(config.items.count == 2)
    }

    @Test func everyOneOfManyNamesIsFound() {
        let names = (0..<1000).map { "name-\($0)" }
        let config = ConfigValues(reply: pairs(names.flatMap { [$0, $0.uppercased()] }))
        #expect(names.allSatisfy { config[$0.uppercased()] == $0.uppercased() })
    }

    @Test func nonASCIINamesCompareAsBefore() {
        // Merging drops names equal once lowercased (KELVIN SIGN lowercases to k);
        // lookups fold ASCII case only.
        let config = ConfigValues(reply: pairs(["\u{212A}ey", "1", "key", "2", "caf\u{C9}", "3"]))
        #expect(config.items.map(\.value) == ["1", "3"])
        #expect(config["key"] == nil)
        #expect(config["CAF\u{C9}"] == "3")
        #expect(config["caf\u{E9}"] == nil)
    }
}

import Foundation
import Testing
@testable import RedisDoctorCore

private let sampleConfig = """
# redis-doctor settings
only = memory-usage, stale-connections, persistence-disabled
skip = persistence-disabled

[memory-usage]
warning = 70
critical = 85:

[stale-connections]
idle = 600   
  enabled = yes
ratio = 0.25
"""

private let known: [String: [String]] = [
    "memory-usage": [],
    "stale-connections": ["idle", "ratio", "verbose"],
    "persistence-disabled": [],
    "replica-link": ["grace"],
]

@Test func configFileSetsRangesParametersAndSelection() throws {
    let settings = try RuleSettings(configText: sampleConfig, configName: "rd.conf")
    #expect(settings.warning(for: "memory-usage")?.description == "70")
    #expect(settings.critical(for: "memory-usage")?.description == "85:")
    #expect(settings.warning(for: "stale-connections") == nil)
    #expect(settings.parameter(rule: "stale-connections", name: "idle") == "600")
    #expect(try settings.int(rule: "stale-connections", name: "idle", default: 3600) == 600)
    #expect(try settings.double(rule: "stale-connections", name: "ratio", default: 0.5) == 0.25)
    #expect(try settings.bool(rule: "stale-connections", name: "verbose", default: true) == true)
    #expect(settings.isEnabled(id: "memory-usage", defaultEnabled: true))
    #expect(settings.isEnabled(id: "stale-connections", defaultEnabled: false))
    #expect(!settings.isEnabled(id: "persistence-disabled", defaultEnabled: true), "skip beats only")
    #expect(!settings.isEnabled(id: "replica-link", defaultEnabled: true), "not in only")
    try settings.validate(knownRules: known)
}

@Test func commandLineWinsOverFile() throws {
    let arguments = SettingsArguments(
        warning: ["memory-usage=~:60"], set: ["stale-connections.idle=60", "replica-link.enabled=false"],
        only: ["memory-usage,replica-link", "stale-connections"], skip: ["memory-usage"])
    let settings = try RuleSettings(configText: sampleConfig, configName: "rd.conf", arguments: arguments)
    #expect(settings.warning(for: "memory-usage")?.description == "~:60")
    #expect(settings.critical(for: "memory-usage")?.description == "85:", "file value kept where the command line is silent")
    #expect(try settings.int(rule: "stale-connections", name: "idle", default: 3600) == 60)
    #expect(!settings.isEnabled(id: "memory-usage", defaultEnabled: true), "--skip beats --only")
    #expect(!settings.isEnabled(id: "replica-link", defaultEnabled: true), "explicit enabled=false")
    #expect(settings.isEnabled(id: "stale-connections", defaultEnabled: false))
    #expect(!settings.isEnabled(id: "persistence-disabled", defaultEnabled: true), "command-line --only restricts")
}

@Test func emptySettingsUseDefaults() throws {
    let settings = RuleSettings()
    #expect(settings.isEnabled(id: "x", defaultEnabled: true))
    #expect(!settings.isEnabled(id: "x", defaultEnabled: false))
    #expect(try settings.double(rule: "x", name: "y", default: 1.5) == 1.5)
    #expect(settings.parameter(rule: "x", name: "y") == nil)
    let defaults = try Threshold(warning: "80", critical: "90")
    #expect(settings.threshold(for: "x", defaults: defaults) == defaults)
}

@Test func thresholdMergesPerLevel() throws {
    let settings = try RuleSettings(arguments: SettingsArguments(critical: ["x=95"]))
    let merged = settings.threshold(for: "x", defaults: try Threshold(warning: "80", critical: "90"))
    #expect(merged.warning?.description == "80")
    #expect(merged.critical?.description == "95")
}

@Test func exampleOverridesBehaveLikeSet() throws {
    let settings = try RuleSettings(overrides: ["stale-connections.idle": "60", "stale-connections.warning": "10:"])
    #expect(settings.parameter(rule: "stale-connections", name: "idle") == "60")
    #expect(settings.warning(for: "stale-connections")?.description == "10:")
}

@Test(arguments: [
    ("[memory-usage\nwarning = 1", "rd.conf:1", "section header"),
    ("[Memory_Usage]", "rd.conf:1", "not a rule id"),
    ("# ok\n\nwarning = 10", "rd.conf:3", "unknown top-level key \"warning\""),
    ("[a]\njust text", "rd.conf:2", "expected \"key = value\""),
    ("[a]\nwarning =", "rd.conf:2", "missing value"),
    ("[a]\nwarning = 10:x", "rd.conf:2", "at character 4"),
    ("[a]\ncritical = 5\ncritical = 6", "rd.conf:3", "already set (at rd.conf:2)"),
    ("[a]\nenabled = maybe", "rd.conf:2", "expected true or false"),
    ("only = ,", "rd.conf:1", "comma-separated list"),
    ("only = a\nonly = b", "rd.conf:2", "set twice"),
])
func configErrorsNameTheLine(text: String, source: String, message: String) {
    #expect {
        try RuleSettings(configText: text, configName: "rd.conf")
    } throws: { error in
        guard let error = error as? RuleSettingsError else { return false }
        return error.source == source && error.message.contains(message)
    }
}

@Test(arguments: [
    (SettingsArguments(warning: ["memory-usage"]), "--warning memory-usage", "RULE=RANGE"),
    (SettingsArguments(critical: ["memory-usage=20:10"]), "--critical memory-usage=20:10", "greater than end"),
    (SettingsArguments(set: ["idle=5"]), "--set idle=5", "RULE.PARAM=VALUE"),
    (SettingsArguments(set: ["a.b="]), "--set a.b=", "missing value"),
    (SettingsArguments(only: ["Memory"]), "--only Memory", "not a rule id"),
])
func argumentErrorsNameTheArgument(arguments: SettingsArguments, source: String, message: String) {
    #expect {
        try RuleSettings(arguments: arguments)
    } throws: { error in
        guard let error = error as? RuleSettingsError else { return false }
        return error.source == source && error.message.contains(message)
    }
}

@Test func invalidTypedValuesAreReportedWithTheirSource() throws {
    let settings = try RuleSettings(configText: "[stale-connections]\nidle = 1e3\nratio = x\nverbose = 2", configName: "rd.conf")
    #expect(throws: RuleSettingsError(source: "rd.conf:2", message: "stale-connections.idle: expected a whole number, got \"1e3\"")) {
        try settings.int(rule: "stale-connections", name: "idle", default: 1)
    }
    #expect(throws: RuleSettingsError(source: "rd.conf:2", message: "stale-connections.idle: expected a number, got \"1e3\"")) {
        try settings.double(rule: "stale-connections", name: "idle", default: 1)
    }
    #expect(throws: RuleSettingsError.self) { try settings.double(rule: "stale-connections", name: "ratio", default: 1) }
    #expect(throws: RuleSettingsError.self) { try settings.bool(rule: "stale-connections", name: "verbose", default: true) }
    let negative = try RuleSettings(arguments: SettingsArguments(set: ["a.offset=-2.5"]))
    #expect(try negative.double(rule: "a", name: "offset", default: 0) == -2.5)
}

@Test func validationSuggestsTheClosestRule() throws {
    let settings = try RuleSettings(configText: "[memory-usage]\nwarning = 1\n[memroy-usage]\ncritical = 2", configName: "rd.conf")
    #expect(throws: RuleSettingsError(source: "rd.conf:3", message: "unknown rule \"memroy-usage\"; did you mean \"memory-usage\"?")) {
        try settings.validate(knownRules: known)
    }
    let far = try RuleSettings(arguments: SettingsArguments(skip: ["zzzzzzzzzz"]))
    #expect(throws: RuleSettingsError(source: "--skip zzzzzzzzzz", message: "unknown rule \"zzzzzzzzzz\"")) {
        try far.validate(knownRules: known)
    }
}

@Test func validationRejectsUnknownParameters() throws {
    let settings = try RuleSettings(arguments: SettingsArguments(set: ["stale-connections.idel=5"]))
    #expect {
        try settings.validate(knownRules: known)
    } throws: { error in
        let error = error as? RuleSettingsError
        return error?.source == "--set stale-connections.idel=5"
            && error?.message.contains("did you mean \"idle\"?") == true
            && error?.message.contains("known: critical, enabled, idle, ratio, verbose, warning") == true
    }
}

@Test(arguments: [("memory-usage", "memory-usage", 0), ("kitten", "sitting", 3), ("", "abc", 3), ("abc", "", 3)])
func editDistance(a: String, b: String, distance: Int) {
    #expect(RuleSettings.editDistance(a, b) == distance)
}

/// The example in Docs/configuration.md must stay valid.
@Test func documentedConfigExampleParses() throws {
    let doc = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/RedisDoctorCoreTests/RuleSettingsTests.swift", with: "Docs/configuration.md"), encoding: .utf8)
    let start = try #require(doc.range(of: "```ini\n"))
    let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
    let settings = try RuleSettings(configText: String(doc[start.upperBound..<end.lowerBound]), configName: "configuration.md")
    // Against the real catalogue: the example may only name rules and parameters that exist.
    try settings.validate(against: RuleRegistry.descriptions)
    #expect(try settings.int(rule: "stale-connections", name: "idle", default: 0) == 600)
    #expect(settings.critical(for: "memory-pressure")?.description == "85")
}

/// Bad values are refused when the settings are read, before any server is asked.
struct RuleValueValidationTests {
    @Test(arguments: [
        ("stale-connections.idle=-1", "expected a whole number of 0 or more"),
        ("stale-connections.idle=1.5", "expected a whole number of 0 or more"),
        ("memory-fragmentation.peak-factor=-2", "expected a number of 0 or more"),
        ("memory-fragmentation.peak-factor=nan", "expected a number of 0 or more"),
    ])
    func badValuesAreRefused(_ set: String, _ phrase: String) throws {
        var arguments = SettingsArguments()
        arguments.set = [set]
        let settings = try RuleSettings(configText: nil, configName: "config", arguments: arguments)
        do {
            try settings.validate(against: RuleRegistry.descriptions)
            Issue.record("\(set) accepted")
        } catch {
            #expect(error.description.contains(phrase), "\(error)")
        }
    }

    @Test func goodValuesPass() throws {
        var arguments = SettingsArguments()
        arguments.set = ["stale-connections.idle=600", "memory-fragmentation.peak-factor=1.2", "memory-pressure.allkeys-critical=90"]
        let settings = try RuleSettings(configText: nil, configName: "config", arguments: arguments)
        try settings.validate(against: RuleRegistry.descriptions)
    }
}

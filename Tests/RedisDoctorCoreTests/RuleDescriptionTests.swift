import Testing
@testable import RedisDoctorCore

/// A plausible description, as a rule author would write it.
let sampleDescription = RuleDescription(
    id: "stale-connections",
    title: "Stale client connections",
    category: .clients,
    summary: "Idle normal clients holding a large share of maxclients.",
    rationale: """
    Connection pools that never close leak slots until maxclients is reached.
    Replication, pub/sub, blocked and MONITOR clients are excluded: they idle by design.
    """,
    fieldsRead: ["maxclients", "connected_clients", "idle", "flags"],
    commandsNeeded: ["INFO", "CLIENT LIST"],
    primaryMetric: "stale_clients_pct",
    defaultWarning: "25",
    defaultCritical: "50",
    parameters: [RuleParameter(name: "idle", defaultValue: "3600", description: "Seconds idle before a client counts as stale | inactive.")],
    examples: [
        RuleExample("Few idle clients", info: "maxclients:100\nconnected_clients:3", clientList: "id=1 idle=5 flags=N", expect: .ok),
        RuleExample(
            "Half the slots idle", info: "maxclients:10\nconnected_clients:6",
            clientList: "id=1 idle=7200 flags=N\nid=2 idle=7200 flags=N",
            settings: ["stale-connections.idle": "60"], expect: .critical, expectEvidence: ["idle=7200"]),
    ]
)

@Test func soundDescriptionHasNoProblems() throws {
    #expect(sampleDescription.problems() == [])
    #expect(try sampleDescription.defaultThreshold().evaluate(60) == .critical)
}

@Test(arguments: ["memory-usage", "a", "p4", "big-keys-2"])
func kebabCaseAccepted(id: String) { #expect(RuleDescription.isKebabCase(id)) }

@Test(arguments: ["", "Memory", "memory_usage", "-a", "a-", "a--b", "4p", "mémoire"])
func kebabCaseRejected(id: String) { #expect(!RuleDescription.isKebabCase(id)) }

@Test func problemsAreReported() {
    var d = sampleDescription
    d.id = "Stale_Connections"
    d.summary = "two\nlines"
    d.defaultWarning = "10:5"
    d.primaryMetric = nil
    d.parameters.append(RuleParameter(name: "warning", defaultValue: "1", description: ""))
    d.examples = [RuleExample("only ok", info: "", settings: ["other.x": "1"], expect: .ok)]
    let problems = d.problems()
    for expected in [
        "id \"Stale_Connections\" is not kebab-case", "summary must be one line",
        "default warning is not a valid range", "default warning is set but there is no primary metric",
        "parameter \"warning\" clashes with a reserved setting", "parameter \"warning\" has no description",
        "no example triggers the rule", "sets \"other.x\", which is not a setting",
    ] {
        #expect(problems.contains { $0.contains(expected) }, "missing: \(expected) in \(problems)")
    }
    #expect(!problems.contains { $0.contains("no example where the rule stays OK") })
}

@Test func triggeringExampleMustExpectEvidenceAndKnownParameters() {
    var d = sampleDescription
    d.examples[1].expectEvidence = []
    d.examples[1].settings = ["stale-connections.idle-seconds": "60"]
    d.examples.removeFirst()
    let problems = d.problems()
    #expect(problems.contains("example \"Half the slots idle\" triggers but expects no evidence"))
    #expect(problems.contains("example \"Half the slots idle\" sets unknown parameter \"idle-seconds\""))
    #expect(problems.contains("no example where the rule stays OK"))
}

@Test func informationalRuleMayNotTriggerNorHaveThresholds() {
    var d = sampleDescription
    d.informational = true
    let problems = d.problems()
    #expect(!problems.contains { $0.contains("no example triggers the rule") })
    #expect(problems.contains("example \"Half the slots idle\" triggers an informational rule, which never alerts"))
    #expect(problems.contains("an informational rule has no default thresholds"))

    d.examples.removeLast()
    d.primaryMetric = nil
    d.defaultWarning = nil
    d.defaultCritical = nil
    #expect(d.problems() == [])
}

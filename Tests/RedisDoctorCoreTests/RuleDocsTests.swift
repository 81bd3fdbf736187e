import Testing
@testable import RedisDoctorCore

@Test func ruleDocsPage() {
    var rule = sampleDescription
    rule.examples[1].replies = ["CONFIG GET timeout": "timeout 0\n```odd```"]
    let page = RuleDocs.markdown(for: rule)
    #expect(page.hasPrefix("# Stale client connections\n\n`stale-connections` · Clients · enabled by default\n"))
    for expected in [
        "## Why\n\nConnection pools that never close leak slots until maxclients is reached.\nReplication,",
        "- Commands: `INFO`, `CLIENT LIST`",
        "- Fields: `maxclients`, `connected_clients`, `idle`, `flags`",
        "| `stale_clients_pct` | `25` | `50` |",
        "| `idle` | `3600` | Seconds idle before a client counts as stale \\| inactive. |",
        "--set stale-connections.NAME=VALUE",
        "### Few idle clients → OK",
        "### Half the slots idle → CRITICAL",
        "CLIENT LIST:\n\n```text\nid=1 idle=7200 flags=N\nid=2 idle=7200 flags=N\n```",
        "CONFIG GET timeout:\n\n````text\ntimeout 0\n```odd```\n````",
        "Settings: `stale-connections.idle=60`",
        "Expected status: **CRITICAL**; evidence mentions `idle=7200`",
    ] {
        #expect(page.contains(expected), "missing: \(expected)")
    }
    #expect(page.hasSuffix("\n"))
}

@Test func ruleDocsPageWithoutThresholds() {
    var rule = sampleDescription
    rule.primaryMetric = nil
    rule.parameters = []
    rule.enabledByDefault = false
    let page = RuleDocs.markdown(for: rule)
    #expect(page.contains("disabled by default"))
    #expect(page.contains("No numeric thresholds"))
    #expect(!page.contains("## Parameters"))
}

@Test func ruleDocsIndexGroupsByCategory() {
    var memory = sampleDescription
    memory.id = "memory-usage"
    memory.category = .memory
    memory.summary = "a | b"
    memory.defaultCritical = nil
    var persistence = sampleDescription
    persistence.id = "persistence-disabled"
    persistence.category = .persistence
    let index = RuleDocs.index([sampleDescription, memory, persistence])
    #expect(index.contains("| [`memory-usage`](memory-usage.md) | a \\| b | on | `25` | – |"))
    let order = ["## Persistence", "persistence-disabled.md", "## Memory", "memory-usage.md", "## Clients", "stale-connections.md"]
    let positions = order.map { index.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(!index.contains("## Replication"))
}

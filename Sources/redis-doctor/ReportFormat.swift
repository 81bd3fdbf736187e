import ArgumentParser

/// `--format` of the live-triage subcommands (`latency`, `keyspace`, `watch`).
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

import ArgumentParser

/// `--format` of the subcommands that print text or JSON (clients, cluster, diagnose,
/// watch, latency, keyspace).
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}

import ArgumentParser

/// How `check` prints its report (Docs/output.md).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case nagios
    case json
    case prometheus
    case text
}

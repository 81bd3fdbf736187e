import Foundation

/// Validates a Prometheus text page with the real tools: `promtool check metrics` (the
/// Prometheus package's linter: format, HELP, counter suffixes, units) and the official
/// Python client's parser (python3-prometheus-client), which returns what it read.
public enum PrometheusPageValidator {
    /// promtool's exit status and everything it printed (lint findings included).
    public static func promtool(_ page: String) throws -> (status: Int32, text: String) {
        try PipedProcess.run("/usr/bin/env", ["promtool", "check", "metrics"], input: page)
    }

    /// Each family the Python client parsed, as `name type sample-count`, one per line.
    public static func pythonFamilies(_ page: String) throws -> (status: Int32, text: String) {
        let script = """
        import sys
        from prometheus_client.parser import text_string_to_metric_families
        for family in text_string_to_metric_families(sys.stdin.read()):
            print(family.name, family.type, len(family.samples), ",".join(sorted({k for s in family.samples for k in s.labels})))
        """
        // Debian's python3, which the deps script gives python3-prometheus-client.
        return try PipedProcess.run("/usr/bin/python3", ["-c", script], input: page)
    }
}

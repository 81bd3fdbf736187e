/// The whole report as one JSON object, for cron jobs and scripts.
///
/// Shape (keys always in this order; see Docs/check-output.schema.json):
/// `status`, `exit_code`, `target`, `server` (object of facts), `diagnoses` (root causes, maybe none), `results` (every rule,
/// OK and SKIPPED included), and `error` only when the check failed. Statuses are
/// lower-case (`ok`, `warning`, `critical`, `unknown`, `skipped`). Metrics with a
/// non-finite value are omitted, as in perfdata.
public struct JSONRenderer: Sendable {
    /// Spaces per indentation level, or nil for a single line.
    public var indent: Int?

    public init(indent: Int? = nil) {
        self.indent = indent
    }

    public func render(_ report: CheckReport) -> String {
        Self.value(of: report).serialized(indent: indent)
    }

    static func value(of report: CheckReport) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("status", .string(report.status.rawValue)),
            ("exit_code", .number(Double(report.exitCode))),
            ("target", .string(report.target)),
            // Quantities as numbers in base units; the human strings are for text output.
            ("server", .object(report.server.map { fact in
                if let number = fact.number, number.isFinite { return (fact.key, .number(number)) }
                return (fact.key, .string(fact.value))
            })),
            ("diagnoses", .array(report.diagnoses.map(value(of:)))),
            ("results", .array(report.results.map(value(of:)))),
            ("counters", .array(report.counters.filter(\.isRenderable).map(value(of:)))),
        ]
        if let error = report.error { pairs.append(("error", value(of: error))) }
        return .object(pairs)
    }

    static func value(of diagnosis: DiagnosisResult) -> JSONValue {
        .object([
            ("id", .string(diagnosis.id)),
            ("title", .string(diagnosis.title)),
            ("confidence", .string(diagnosis.confidence.rawValue)),
            ("status", .string(diagnosis.status.rawValue)),
            ("headline", .string(diagnosis.headline)),
            ("evidence", .array(diagnosis.evidence.map { .string($0) })),
            ("findings", .array(diagnosis.findings.map { .string($0) })),
            ("next_step", .string(diagnosis.nextStep)),
            ("ruled_out_by", .string(diagnosis.ruledOutBy)),
        ])
    }

    static func value(of error: CheckError) -> JSONValue {
        var object: [(String, JSONValue)] = [
            ("message", .string(error.message)),
            ("kind", .string(error.kind.rawValue)),
            ("status", .string(error.status.rawValue)),
        ]
        if let stage = error.stage { object.append(("stage", .string(stage))) }
        return .object(object)
    }

    static func value(of result: RuleResult) -> JSONValue {
        .object([
            ("rule", .string(result.ruleID)),
            ("status", .string(result.status.rawValue)),
            ("summary", .string(result.summary)),
            ("not_judged", result.notJudged.map(JSONValue.string) ?? .null),
            ("evidence", .array(result.evidence.map(JSONValue.string))),
            ("advice", .array(result.advice.map(JSONValue.string))),
            ("metrics", .array(result.metrics.filter(\.isRenderable).map(value(of:)))),
        ])
    }

    static func value(of metric: Metric) -> JSONValue {
        func optional(_ number: Double?) -> JSONValue {
            guard let number, number.isFinite else { return .null }
            return .number(number)
        }
        return .object([
            ("name", .string(metric.name)),
            ("value", .number(metric.value)),
            ("unit", .string(metric.unit.symbol)),
            ("kind", .string(metric.kind.rawValue)),
            ("warning", metric.warning.map { .string($0.description) } ?? .null),
            ("critical", metric.critical.map { .string($0.description) } ?? .null),
            ("min", optional(metric.min)),
            ("max", optional(metric.max)),
        ])
    }
}

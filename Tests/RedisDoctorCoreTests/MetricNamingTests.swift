import Testing
@testable import RedisDoctorCore

/// One label means one thing: across every rule's examples, a metric name belongs to one
/// rule and one unit, never collides with a server counter, and maps to one Prometheus family.
struct MetricNamingTests {
    /// Every metric any example produces, with the rule that produced it.
    static func exampleMetrics() throws -> [(rule: String, metric: Metric)] {
        var all: [(String, Metric)] = []
        for rule in RuleRegistry.all {
            for example in rule.description.examples {
                all += try example.evaluate(rule).metrics.map { (rule.description.id, $0) }
            }
        }
        return all
    }

    @Test func aNameHasOneRuleOneUnitOneKind() throws {
        var owners: [String: (rule: String, unit: MetricUnit, kind: MetricKind)] = [:]
        for (rule, metric) in try Self.exampleMetrics() {
            if let owner = owners[metric.name] {
                #expect(owner.rule == rule, "\(metric.name) comes from \(owner.rule) and \(rule)")
                #expect(owner.unit == metric.unit && owner.kind == metric.kind, "\(metric.name) changes unit or kind in \(rule)")
            } else {
                owners[metric.name] = (rule, metric.unit, metric.kind)
            }
        }
        let counters = Set(ParsedSnapshot.intervalCounters.map { $0.0.spec.keys[0] } + ["errorstat_oom", "slowlog_last_id"])
        #expect(counters.isDisjoint(with: owners.keys), "\(counters.intersection(owners.keys))")
        // Rules report gauges; the server's counters come from the report's counters list.
        #expect(owners.values.allSatisfy { $0.kind == .gauge })
    }

    @Test func prometheusFamiliesAreDistinct() throws {
        var families: [String: String] = [:]
        let counters = ParsedSnapshot.intervalCounters.map { Metric($0.0.spec.keys[0], 1, unit: $0.1, kind: .counter) }
        for metric in try Self.exampleMetrics().map(\.metric) + counters {
            let family = PrometheusFamily(metric).name
            if let other = families[family] { #expect(other == metric.name, "\(family): \(other) and \(metric.name)") }
            families[family] = metric.name
            #expect(family.wholeMatch(of: /redis_doctor_[a-z0-9_]+/) != nil, "\(family)")
            #expect(!family.contains("_ms") && !family.contains("_perc"), "non-base unit in \(family)")
        }
    }

    /// The metric a rule's --warning/--critical apply to is one its examples show.
    @Test(arguments: RuleRegistry.descriptions.filter { $0.primaryMetric != nil }.map(\.id))
    func thePrimaryMetricIsReported(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        let names = try rule.description.examples.flatMap { try $0.evaluate(rule).metrics.map(\.name) }
        #expect(names.contains(rule.description.primaryMetric ?? ""), "\(id): \(Set(names))")
    }

    /// Perfdata keeps the counters a later sample is judged against.
    @Test func reportsCarryTheServerCounters() {
        let snapshot = Snapshot.fromInfoText(Array("""
            redis_version:7.0.15\r\nexpired_keys:12\r\nevicted_keys:3\r\nrejected_connections:1\r\nused_cpu_sys:1.5\r\n\
            used_cpu_user:2.25\r\nrdb_changes_since_last_save:5\r\n# Errorstats\r\nerrorstat_OOM:count=315\r\n
            """.utf8), source: "test")
        let report = CheckReport.evaluate(current: snapshot)
        let perfdata = NagiosRenderer().render(report)
        for item in ["'expired_keys'=12c;;;0", "'evicted_keys'=3c;;;0", "'rejected_connections'=1c;;;0", "'used_cpu_sys'=1.5c;;;0",
                     "'used_cpu_user'=2.25c;;;0", "'errorstat_oom'=315c;;;0"] {
            #expect(perfdata.contains(item), "\(item) in \(perfdata)")
        }
        #expect(perfdata.contains("'unsaved_changes'=5 "), "a gauge, no UOM: \(perfdata)")
    }
}

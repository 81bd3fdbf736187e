import RedisDoctorCore

/// The exporter's own counters, for `/metrics`: how scrapes end, how long they take, what
/// is refused and why. Outcomes and reasons are fixed label sets.
struct ExporterMetrics {
    /// `up` (the target answered), `down` (redis_doctor_up 0: unreachable, refused, timed out),
    /// `cancelled` (every client left), `error` (the exporter failed).
    var scrapes: [String: Int] = [:]
    /// `busy` (503), `forbidden` (403), `bad_request` (400), `unauthorized` (401), `not_found` (404).
    var rejected: [String: Int] = [:]
    var reloads: [String: Int] = [:]
    /// Scrapes that joined one already running for their target.
    var coalesced = 0
    var durationBuckets = Array(repeating: 0, count: ExporterMetrics.bounds.count)
    var durationSum = 0.0
    var durationCount = 0

    static let bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
    static let outcomes = ["up", "down", "cancelled", "error"]
    static let reasons = ["busy", "forbidden", "bad_request", "unauthorized", "not_found"]

    mutating func observe(seconds: Double) {
        for (index, bound) in Self.bounds.enumerated() where seconds <= bound { durationBuckets[index] += 1 }
        durationSum += seconds
        durationCount += 1
    }

    func render(inFlight: Int, previousSamples: Int) -> String {
        func number(_ value: Double) -> String { NumberText.format(value) ?? "NaN" }
        var out = """
            # HELP redis_doctor_exporter_build_info 1, labelled with the exporter's version.
            # TYPE redis_doctor_exporter_build_info gauge
            redis_doctor_exporter_build_info{version="\(RedisDoctorVersion.current)"} 1
            # HELP redis_doctor_exporter_scrapes_total Scrapes answered, by outcome: up (the target answered), down (redis_doctor_up 0), cancelled (every client left), error.
            # TYPE redis_doctor_exporter_scrapes_total counter

            """
        for outcome in Self.outcomes { out += "redis_doctor_exporter_scrapes_total{outcome=\"\(outcome)\"} \(scrapes[outcome, default: 0])\n" }
        out += """
            # HELP redis_doctor_exporter_requests_rejected_total Requests refused before any Redis work, by reason.
            # TYPE redis_doctor_exporter_requests_rejected_total counter

            """
        for reason in Self.reasons { out += "redis_doctor_exporter_requests_rejected_total{reason=\"\(reason)\"} \(rejected[reason, default: 0])\n" }
        out += """
            # HELP redis_doctor_exporter_scrapes_coalesced_total Scrapes that shared the result of one already running for their target.
            # TYPE redis_doctor_exporter_scrapes_coalesced_total counter
            redis_doctor_exporter_scrapes_coalesced_total \(coalesced)
            # HELP redis_doctor_exporter_scrapes_in_flight Targets being scraped now.
            # TYPE redis_doctor_exporter_scrapes_in_flight gauge
            redis_doctor_exporter_scrapes_in_flight \(inFlight)
            # HELP redis_doctor_exporter_previous_samples Targets whose previous sample is kept for the interval rules.
            # TYPE redis_doctor_exporter_previous_samples gauge
            redis_doctor_exporter_previous_samples \(previousSamples)
            # HELP redis_doctor_exporter_config_reloads_total Configuration reloads, by result.
            # TYPE redis_doctor_exporter_config_reloads_total counter
            redis_doctor_exporter_config_reloads_total{result="success"} \(reloads["success", default: 0])
            redis_doctor_exporter_config_reloads_total{result="failure"} \(reloads["failure", default: 0])
            # HELP redis_doctor_exporter_scrape_duration_seconds How long scrapes took, in seconds.
            # TYPE redis_doctor_exporter_scrape_duration_seconds histogram

            """
        for (index, bound) in Self.bounds.enumerated() {
            out += "redis_doctor_exporter_scrape_duration_seconds_bucket{le=\"\(number(bound))\"} \(durationBuckets[index])\n"
        }
        out += "redis_doctor_exporter_scrape_duration_seconds_bucket{le=\"+Inf\"} \(durationCount)\n"
        out += "redis_doctor_exporter_scrape_duration_seconds_sum \(number(durationSum))\n"
        out += "redis_doctor_exporter_scrape_duration_seconds_count \(durationCount)\n"
        return out
    }
}

import RedisDoctorClient
import RedisDoctorCore

/// `/discover`: the JSON `redis-doctor discover` prints, for Prometheus's http_sd. Listed
/// nodes outside `allow_targets` are left out: what the exporter may not scrape, it does not offer.
enum Discovery {
    static func run(_ query: ScrapeQuery, module: ServeModule, deadline: Deadline, allow: TargetAllowList, canceller: Canceller) -> Scraper.Outcome {
        let scraper = Scraper(query: query, module: module, settings: RuleSettings(), previous: nil, allow: allow)
        let now = Double(WallClock.nowMicros()) / 1e6
        do throws(CheckError) {
            let target = try scraper.dataTarget()
            let options = ConnectionOptions(maxReplyBytes: module.maxReplyBytes ?? ConnectionOptions.defaultMaxReplyBytes)
            var discovered: DiscoveryTargets
            if query.mode == .cluster {
                let listing = try ClusterCollector.list(seeds: [target], deadline: deadline, options: options, leavingTimeForVisits: false,
                                                        reach: scraper.reach(canceller))
                discovered = DiscoveryTargets(clusterNodes: listing.nodes, seed: query.address, all: false)
            } else {
                var sentinel = target
                sentinel.user = module.sentinelUser
                sentinel.password = try Scraper.password(env: module.sentinelPasswordEnv, file: module.sentinelPasswordFile, what: "sentinel_password")
                let state = try SentinelCollector(masterName: query.master ?? "", reach: scraper.reach(canceller))
                    .state(sentinels: [sentinel], dataTarget: target, deadline: deadline, options: options, probe: false)
                discovered = DiscoveryTargets(sentinel: state, all: false)
            }
            discovered.targets = discovered.targets.filter { target in
                HostPort.parse(target.address).map { allow.allows($0.host) } ?? false
            }
            return Scraper.Outcome(body: discovered.json() + "\n", contentType: "application/json", up: true, sample: nil, takenAt: now)
        } catch {
            // The server's refusal (not a cluster, an unknown master) is a bad gateway; silence, unavailable.
            return Scraper.Outcome(status: error.status == .unknown ? 502 : 503, body: error.message + "\n", contentType: Scraper.textType,
                                   up: false, sample: nil, takenAt: now)
        }
    }
}

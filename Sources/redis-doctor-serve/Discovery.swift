import RedisDoctorClient
import RedisDoctorCore

/// `/discover`: the JSON `redis-doctor discover` prints, for Prometheus's http_sd. Listed
/// nodes outside `allow_targets` are left out: what the exporter may not scrape, it does not offer.
enum Discovery {
    static func run(_ query: ScrapeQuery, module: ServeModule, deadline: Deadline, allow: TargetAllowList) -> Result<String, CheckError> {
        let scraper = Scraper(query: query, module: module, settings: RuleSettings(), previous: nil)
        do throws(CheckError) {
            let target = try scraper.dataTarget()
            let options = ConnectionOptions(maxReplyBytes: module.maxReplyBytes ?? ConnectionOptions.defaultMaxReplyBytes)
            var discovered: DiscoveryTargets
            if query.mode == .cluster {
                let listing = try ClusterCollector.list(seeds: [target], deadline: deadline, options: options, leavingTimeForVisits: false)
                discovered = DiscoveryTargets(clusterNodes: listing.nodes, seed: query.address, all: false)
            } else {
                var sentinel = target
                sentinel.user = module.sentinelUser
                sentinel.password = try Scraper.password(env: module.sentinelPasswordEnv, file: module.sentinelPasswordFile, what: "sentinel_password")
                let state = try SentinelCollector(masterName: query.master ?? "").state(sentinels: [sentinel], dataTarget: target, deadline: deadline,
                                                                                        options: options, probe: false)
                discovered = DiscoveryTargets(sentinel: state, all: false)
            }
            discovered.targets = discovered.targets.filter { target in
                SentinelCollector.endpoint(target.address).map { allow.allows($0.host) } ?? false
            }
            return .success(discovered.json())
        } catch {
            return .failure(error)
        }
    }
}

import RedisDoctorClient
import RedisDoctorCore

/// `discover --cluster`: the first seed's CLUSTER NODES, as targets for the engines.
struct DiscoverRunner {
    var connection: ConnectionSettings
    var cluster: Bool
    var seeds: [String]
    var all: Bool
    var format: DiscoverFormat

    func run() -> ExitStatus {
        guard cluster else {
            Terminal.error("discover needs --cluster (Sentinel discovery is not there yet)")
            return .usage
        }
        guard let session = SessionSetup.make(connection, defaultTimeout: ClusterRunner.defaultTimeout) else { return .usage }
        Watchdog.bound(timeout: session.timeout, doing: "discover")
        let targets: ClusterSession
        do throws(UsageError) {
            targets = try ClusterSession(target: session.target, seedTexts: seeds, concurrency: FanOut.defaultConcurrency)
        } catch {
            Terminal.error(error.message)
            return .usage
        }
        do throws(CheckError) {
            let listing = try ClusterCollector.list(seeds: targets.seeds, deadline: session.deadline, options: session.options, leavingTimeForVisits: false)
            let discovered = DiscoveryTargets(clusterNodes: listing.nodes, seed: listing.seed.description, all: all)
            Terminal.out(format == .json ? discovered.json() + "\n" : discovered.lines())
            return .ok
        } catch {
            Terminal.error(error.message)
            // CLUSTER NODES refused (not a cluster, NOPERM, a wrong password) is the server's
            // error reply; anything else (nothing listening, not Redis, silence) no usable reply.
            switch error.kind {
            case .authentication, .permission, .commandRefused: return .errorReply
            default: return .unreachable
            }
        }
    }
}

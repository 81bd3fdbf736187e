import RedisDoctorClient
import RedisDoctorCore

/// `discover --cluster`: the first seed's CLUSTER NODES, as targets for the engines;
/// `discover --sentinel --master NAME`: what the sentinels say of the master and replicas.
struct DiscoverRunner {
    var connection: ConnectionSettings
    var cluster: Bool
    var sentinel = false
    var master: String?
    var sentinelUser: String?
    var sentinelPassFile: String?
    var seeds: [String]
    var all: Bool
    var format: DiscoverFormat

    func run() -> ExitStatus {
        guard cluster != sentinel else {
            Terminal.error(cluster ? "discover takes --cluster or --sentinel, not both" : "discover needs --cluster, or --sentinel --master NAME")
            return .usage
        }
        if !sentinel, let other = master != nil ? "--master" : sentinelUser != nil ? "--sentinel-user" : sentinelPassFile != nil ? "--sentinel-pass-file" : nil {
            Terminal.error("\(other) applies to --sentinel only")
            return .usage
        }
        guard let session = SessionSetup.make(connection, defaultTimeout: ClusterRunner.defaultTimeout) else { return .usage }
        Watchdog.bound(timeout: session.timeout, doing: "discover")
        if sentinel { return discoverSentinels(session) }
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

    private func discoverSentinels(_ session: SessionSetup) -> ExitStatus {
        let set: SentinelSession
        do throws(UsageError) {
            set = try SentinelSession(target: session.target, masterName: master, seedTexts: seeds, concurrency: FanOut.defaultConcurrency,
                                      user: sentinelUser, passFile: sentinelPassFile)
        } catch {
            Terminal.error(error.message)
            return .usage
        }
        do throws(CheckError) {
            let state = try set.collect(deadline: session.deadline, options: session.options, probe: false)
            let discovered = DiscoveryTargets(sentinel: state, all: all)
            Terminal.out(format == .json ? discovered.json() + "\n" : discovered.lines())
            return .ok
        } catch {
            Terminal.error(error.message)
            return error.status == .unknown ? .errorReply : .unreachable
        }
    }
}

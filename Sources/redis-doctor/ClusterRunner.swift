import RedisDoctorClient
import RedisDoctorCore

/// `cluster`: collect every node's view, print the table (or its JSON).
struct ClusterRunner {
    var connection: ConnectionSettings
    var seeds: [String]
    var concurrency: Int
    var format: ReportFormat

    static let defaultTimeout = 10.0

    func run() -> ExitStatus {
        guard let session = SessionSetup.make(connection, defaultTimeout: Self.defaultTimeout) else { return .usage }
        Watchdog.bound(timeout: session.timeout, doing: "cluster")
        let cluster: ClusterSession
        do throws(UsageError) {
            cluster = try ClusterSession(target: session.target, seedTexts: seeds, concurrency: concurrency)
        } catch {
            Terminal.error(error.message)
            return .usage
        }
        do throws(CheckError) {
            let state = try cluster.collect(deadline: session.deadline, options: session.options, clientListLimit: SnapshotCollector.defaultClientListLimit)
            let table = ClusterTable(state)
            Terminal.out((format == .json ? table.json() : table.render()) + "\n")
            return .ok
        } catch {
            Terminal.error(error.message)
            return .unreachable
        }
    }
}

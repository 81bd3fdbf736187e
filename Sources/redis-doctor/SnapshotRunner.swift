import RedisDoctorClient
import RedisDoctorCore

/// Collects the same snapshot a check would and writes it, byte-exact, to a file.
struct SnapshotRunner {
    var connection: ConnectionSettings
    var output: String
    var clientListLimit: Int

    func run() -> ExitStatus {
        Watchdog.bound(connection, defaultTimeout: CheckRunner.defaultTimeout, doing: "snapshot")
        guard let session = SessionSetup(connection, defaultTimeout: CheckRunner.defaultTimeout) else { return .usage }
        let snapshot: Snapshot
        do throws(ConnectionError) {
            let link = try Connection.open(session.target, deadline: session.deadline, options: session.options)
            snapshot = try SnapshotCollector(clientListLimit: clientListLimit).collect(link, deadline: session.deadline)
        } catch {
            return SessionSetup.report(error, target: session.target)
        }
        let bytes = SnapshotFile.encode(snapshot)
        if output == "-" {
            Terminal.write(bytes)
            return .ok
        }
        do throws(FileIO.Failure) {
            try FileIO.writeAtomically(bytes, to: output)
        } catch {
            Terminal.error("cannot write snapshot: \(error)")
            return .usage
        }
        Terminal.error("snapshot of \(snapshot.target) written to \(output) (\(bytes.count) bytes, \(snapshot.exchanges.count) replies)")
        return .ok
    }
}

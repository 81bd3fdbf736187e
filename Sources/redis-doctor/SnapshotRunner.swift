import RedisDoctorClient
import RedisDoctorCore

/// Collects the same snapshot a check would and writes it, byte-exact, to a file.
struct SnapshotRunner {
    var connection: ConnectionSettings
    var output: String
    var clientListLimit: Int
    var hostChecks: HostCheckMode

    func run() -> ExitStatus {
        guard let session = SessionSetup.make(connection, defaultTimeout: CheckRunner.defaultTimeout) else { return .usage }
        Watchdog.bound(timeout: session.timeout, doing: "snapshot")
        // A device, FIFO or link at -o is refused before the server is even asked.
        if output != "-" {
            do throws(FileIO.Failure) {
                try FileIO.requireRegularOrAbsent(output)
            } catch {
                Terminal.error("cannot write snapshot: \(error)")
                return .usage
            }
        }
        let snapshot: Snapshot
        do throws(ConnectionError) {
            let link = try Connection.open(session.target, deadline: session.deadline, options: session.options)
            link.limitAllReplies(to: session.options.maxReplyBytes)
            let sample = try SnapshotCollector(clientListLimit: clientListLimit).sample(link, deadline: session.deadline)
            snapshot = HostCollector(mode: hostChecks).adding(to: sample, target: session.target, deadline: session.deadline)
        } catch {
            return SessionSetup.report(error, target: session.target)
        }
        let bytes = SnapshotFile.encode(snapshot)
        // The refusal is recorded (it is evidence too), but a snapshot without INFO is no success.
        let infoProblem = ParsedSnapshot(snapshot).infoProblem
        let status: ExitStatus = infoProblem == nil ? .ok : .errorReply
        if let infoProblem {
            Terminal.error("the snapshot holds no INFO: \(infoProblem.checkError(origin: .server).message)")
        }
        if output == "-" {
            Terminal.write(bytes)
            return status
        }
        do throws(FileIO.Failure) {
            try FileIO.writeAtomically(bytes, to: output)
        } catch {
            Terminal.error("cannot write snapshot: \(error)")
            return .usage
        }
        Terminal.error("snapshot of \(snapshot.target) written to \(output) (\(bytes.count) bytes, \(snapshot.exchanges.count) replies)")
        return status
    }
}

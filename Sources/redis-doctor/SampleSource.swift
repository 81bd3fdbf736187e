import RedisDoctorClient
import RedisDoctorCore

/// Where a check's samples come from: a live server, a snapshot file, or pasted INFO text.
/// Every path yields raw `Snapshot`s; parsing happens once, in Core.
enum SampleSource {
    /// `forecast`: also sample the keys' PTTL (`--set expire-storm.forecast=on`).
    case live(SessionSetup, SnapshotCollector, HostCollector, interval: Double?, forecast: Bool)
    case snapshotFile(String)
    /// Pasted INFO and when it was taken, if the user said (`--taken-at`).
    case infoFile(String, takenAt: Double?)

    struct Samples {
        var current: Snapshot
        /// INFO parsed while collecting `current`, when it was collected live.
        var currentInfo: Info?
        /// From `--interval` in the same run.
        var earlier: Snapshot?
    }

    var targetText: String {
        switch self {
        case .live(let session, _, _, _, _): return session.target.description
        case .snapshotFile(let path), .infoFile(let path, _): return path
        }
    }

    /// Whose words an unreadable INFO is: the server's, or a pasted file's.
    var origin: InfoProblem.Origin {
        if case .infoFile(let path, _) = self { return .file(path) }
        return .server
    }

    /// After a timeout on a server on this host: what its process's state says, read from
    /// /proc within 0.1 s (the watchdog ends the run 0.25 s after the deadline).
    func diagnoseTimeout(_ error: CheckError) -> [DiagnosisResult] {
        guard error.kind == .timeout, case .live(let session, _, let host, _, _) = self,
              let capture = host.frozenCapture(target: session.target, seconds: 0.1) else { return [] }
        var snapshot = Snapshot(target: session.target.description)
        snapshot.host = capture
        return DiagnosisEngine.diagnose(DiagnosisInput(results: [], current: ParsedSnapshot(snapshot), error: error))
    }

    /// Typed throws rather than a `Result`: the Result's metadata, built at run time, checks
    /// that CheckError conforms to Error, a scan of every conformance record (callgrind).
    func acquire() throws(CheckError) -> Samples {
        switch self {
        case .snapshotFile(let path):
            let bytes: [UInt8]
            do throws(FileIO.Failure) {
                bytes = try FileIO.read(path)
            } catch {
                throw CheckError(kind: .local, message: "cannot read snapshot \(error)")
            }
            do throws(SnapshotFileError) {
                return Samples(current: try SnapshotFile.decode(bytes))
            } catch {
                throw CheckError(kind: .local, message: "\(path): not a redis-doctor snapshot: \(error)")
            }
        case .infoFile(let path, let takenAt):
            do throws(FileIO.Failure) {
                var snapshot = Snapshot.fromInfoText(try FileIO.read(path), source: path)
                // Ages in INFO without server_time_usec (before 6.2) need a "now": the
                // user's, else when the file was last written, and the evidence says which.
                if let takenAt {
                    snapshot.takenAtMicros = Int64(takenAt * 1_000_000)
                    snapshot.takenAtSource = "--taken-at"
                } else if let modified = FileIO.modificationTime(path) {
                    snapshot.takenAtMicros = Int64(modified * 1_000_000)
                    snapshot.takenAtSource = "the file's modification time"
                }
                return Samples(current: snapshot)
            } catch {
                throw CheckError(kind: .local, message: "cannot read INFO file \(error)")
            }
        case .live(let session, let collector, let hostCollector, let interval, let forecast):
            do throws(ConnectionError) {
                var link = try Connection.open(session.target, deadline: session.deadline, options: session.options)
                // Every reply of both samples is kept: they share one budget.
                link.limitAllReplies(to: session.options.maxReplyBytes)
                var earlier: Snapshot?
                if let interval {
                    earlier = try collector.collect(link, deadline: session.deadline)
                    // Never past the deadline: then the second sample times out, CRITICAL, as it should.
                    Pause.sleep(seconds: min(interval, Double(session.deadline.remainingMilliseconds) / 1000))
                    // An abandoned CLIENT LIST drops the connection: open another for the second sample.
                    if !link.isOpen || link.closedByPeer {
                        let unspent = link.unspentReplyBudget
                        link = try Connection.open(session.target, deadline: session.deadline, options: session.options)
                        link.limitAllReplies(to: unspent)
                    }
                }
                let current = try collector.sample(link, deadline: session.deadline)
                var snapshot = hostCollector.adding(to: current, target: session.target, deadline: session.deadline)
                if forecast, link.isOpen {
                    // At most 2 s and a third of the time left: the verdict must still come in time.
                    let budget = min(2, Double(session.deadline.remainingMilliseconds) / 1000 / 3)
                    let scanner = KeyspaceScanner(target: session.target, timeout: session.timeout, canceller: Canceller(), ttl: true)
                    snapshot.exchanges += scanner.sampleExpiries(over: link, budget: budget, rate: 2000)
                }
                return Samples(current: snapshot, currentInfo: current.info, earlier: earlier)
            } catch {
                throw error.checkError(target: session.target.description)
            }
        }
    }
}

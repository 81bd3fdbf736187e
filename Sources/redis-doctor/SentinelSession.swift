import RedisDoctorClient
import RedisDoctorCore

/// Where a sentinel run starts and how it logs in: the connection target and each `--seed`
/// are sentinels, reached with the sentinels' own credentials; the master and replicas the
/// sentinels give are reached with the connection's (-a, --user, REDISCLI_AUTH). Shared by
/// `check --sentinel` and `discover --sentinel`.
struct SentinelSession {
    var masterName: String
    var sentinels: [ConnectionTarget]
    var dataTarget: ConnectionTarget
    var concurrency: Int

    /// The environment variable the sentinels' password is read from.
    static let passwordVariable = "REDISDOCTOR_SENTINEL_AUTH"
    /// A password file holds one line.
    static let passwordFileLimit = 4096

    init(target: ConnectionTarget, masterName: String?, seedTexts: [String], concurrency: Int, user: String?, passFile: String?) throws(UsageError) {
        guard let masterName, !masterName.isEmpty else {
            throw UsageError(message: "--sentinel needs --master NAME (the name in the sentinels' `sentinel monitor NAME ...`)")
        }
        guard concurrency >= 1 else { throw UsageError(message: "--concurrency must be 1 or more, got \(concurrency)") }
        var sentinel = target
        sentinel.user = user
        // An empty variable (an unset macro) is no password, as with REDISCLI_AUTH.
        sentinel.password = try Self.password(file: passFile) ?? Terminal.environment(Self.passwordVariable).flatMap { $0.isEmpty ? nil : $0 }
        sentinel.db = 0
        self.masterName = masterName
        sentinels = [sentinel]
        for text in seedTexts { sentinels.append(try ClusterSession.seed(text, like: sentinel)) }
        dataTarget = target
        self.concurrency = concurrency
    }

    /// The first line of `--sentinel-pass-file`; its contents never appear in a message.
    static func password(file: String?) throws(UsageError) -> String? {
        guard let file else { return nil }
        guard FileIO.kind(of: file) == "regular file" else {
            throw UsageError(message: "--sentinel-pass-file \(file): " + (FileIO.kind(of: file).map { "is a \($0), not a regular file" } ?? "cannot be read"))
        }
        let bytes: [UInt8]
        do throws(FileIO.Failure) {
            bytes = try FileIO.read(file, limit: passwordFileLimit)
        } catch {
            throw UsageError(message: "--sentinel-pass-file \(error)")
        }
        let line = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        guard !line.isEmpty else { throw UsageError(message: "--sentinel-pass-file \(file): the first line is empty") }
        return String(decoding: line, as: UTF8.self)
    }

    /// The set's name in reports and the state file: the sentinel it was started from.
    var name: String { "sentinel master \(masterName) via \(sentinels[0].description)" }

    private var collector: SentinelCollector { SentinelCollector(masterName: masterName, concurrency: concurrency) }

    /// Every sentinel's view and ROLE at the address they give (`SentinelCollector.state`).
    func collect(deadline: Deadline, options: ConnectionOptions, probe: Bool = true) throws(CheckError) -> SentinelState {
        try collector.state(sentinels: sentinels, dataTarget: dataTarget, deadline: deadline, options: options, probe: probe)
    }

    /// `--follow` (`SentinelCollector.follow`).
    func follow(_ state: SentinelState, deadline: Deadline, options: ConnectionOptions, clientListLimit: Int) -> [FollowedNode] {
        collector.follow(state, dataTarget: dataTarget, deadline: deadline, options: options, clientListLimit: clientListLimit)
    }
}

import RedisDoctorClient
import RedisDoctorCore

/// Everything a `check` run was asked to do, as plain values: built by ArgumentParser's
/// `CheckCommand` or by `CheckFastPath`, and proven equal for the same words by a test.
struct CheckRequest: Equatable {
    var connection = ConnectionSettings()
    var rules = SettingsArguments()
    var configPath: String?
    var format: OutputFormat = .nagios
    var interval: Double?
    var stateFile: String?
    var fromSnapshot: String?
    var fromFile: String?
    var takenAt: String?
    var clientListLimit = SnapshotCollector.defaultClientListLimit
    /// `--prev-perfdata` and `--prev-time`: the previous sample, from the engine.
    var prevPerfdata: String?
    var prevTime: Double?
    /// `--cluster`, its extra `--seed`s and `--concurrency`.
    var cluster = false
    var seeds: [String] = []
    var concurrency: Int?
    /// `--sentinel --master NAME`, the sentinels' own user and password file, `--follow`.
    var sentinel = false
    var master: String?
    var sentinelUser: String?
    var sentinelPassFile: String?
    var follow = false
    /// `--host-checks`: whether the host rules read this host.
    var hostChecks = HostCheckMode.auto
    /// `diagnose`: the text report is the runbook of the diagnoses.
    var runbook = false
}

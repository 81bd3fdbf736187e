import ArgumentParser
import RedisDoctorClient
import RedisDoctorCore

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save everything a check reads into one file for a postmortem (Docs/snapshot-format.md).",
        discussion: "Evaluate it later with: redis-doctor check --from-snapshot FILE. Secrets are redacted. Connection options (-h -p -s -a --user -n -u -t) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the snapshot here ('-' for stdout).", valueName: "file"))
    var output: String

    @Option(name: .long, help: "Skip CLIENT LIST above this many connected clients.")
    var clientListLimit: Int = SnapshotCollector.defaultClientListLimit

    @Option(name: .long, help: HostCheckMode.help)
    var hostChecks: HostCheckMode = .auto

    func run() throws {
        throw SnapshotRunner(connection: root.connection.settings, output: output, clientListLimit: clientListLimit, hostChecks: hostChecks).run().exitCode
    }
}

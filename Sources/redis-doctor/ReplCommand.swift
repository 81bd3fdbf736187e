import ArgumentParser
import RedisDoctorClient

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Interactive triage shell (the default). With stdin not a terminal, runs the lines it reads.",
        discussion: "Every command has a deadline (-t, default 5 s). Type :help inside. See Docs/repl.md."
    )

    @ParentCommand var root: RedisDoctor

    @Flag(name: .long, help: "Refuse write and administrative commands locally (judged from COMMAND INFO flags).")
    var readOnly = false

    func run() throws {
        throw ReplLauncher(connection: root.connection.settings, readOnly: readOnly).run().exitCode
    }
}

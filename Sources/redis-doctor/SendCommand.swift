import ArgumentParser

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send one command and print the reply as redis-cli does.",
        discussion: "Exit codes: 0 reply, 1 error reply, 2 unreachable or deadline passed, 3 usage error. Connection options (-h -p -s -a --user -n -u -t) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments.")
    var command: [String] = []

    func run() throws {
        // Passthrough capture takes every word, so a leading --help would be sent to the server.
        if command.first == "--help" { throw CleanExit.helpRequest(self) }
        throw SendRunner(connection: root.connection.settings, argv: command).run().exitCode
    }
}

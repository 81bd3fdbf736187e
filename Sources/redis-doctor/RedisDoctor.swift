import ArgumentParser
import Glibc
import RedisDoctorCore
import RedisDoctorTLS

@main
struct RedisDoctor: ParsableCommand {
    static let version = RedisDoctorVersion.current

    static let configuration = CommandConfiguration(
        commandName: "redis-doctor",
        abstract: "Diagnose a Redis-protocol server: an interactive shell, one-shot commands, health checks.",
        discussion: "Exit codes: 0 OK, 1 warning or error reply, 2 critical or unreachable, 3 unknown or usage error. See Docs/exit-codes.md.",
        version: version,
        subcommands: [ReplCommand.self, SendCommand.self, CheckCommand.self, DiagnoseCommand.self, WatchCommand.self, LatencyCommand.self, KeyspaceCommand.self, ClientsCommand.self, ClusterCommand.self, DiscoverCommand.self, SnapshotCommand.self, RulesCommand.self, ServeCommand.self, AclCommand.self],
        defaultSubcommand: ReplCommand.self,
        helpNames: [.long]
    )

    /// Connection options given before the subcommand (`redis-doctor -p 6380 send PING`).
    @OptionGroup var connection: ConnectionOptionGroup

    /// Parses and runs, mapping every failure to the documented exit codes: usage errors
    /// are 3 (Nagios UNKNOWN), never ArgumentParser's 64 or 1.
    static func main() {
        var words = Array(CommandLine.arguments.dropFirst())
        if PluginInvocation.isPlugin(CommandLine.arguments.first) { words = PluginInvocation.checkWords(words) }
        if words == ["--version"] {
            // Only here is OpenSSL loaded without TLS being asked for: to name the one found.
            Terminal.out(VersionText.text)
            Glibc.exit(0)
        }
        if let request = CheckFastPath.parse(words, environmentPassword: Terminal.environment("REDISCLI_AUTH")) {
            Glibc.exit(CheckRunner(request: request).run())
        }
        if let problem = RootCommandCheck.problem(words) {
            Terminal.write(Array(("Error: " + problem + "\n").utf8), to: 2)
            if let checkReport = CheckUsageReport(words: words, parserMessage: problem) { Terminal.out(checkReport.text) }
            Glibc.exit(ExitStatus.usage.rawValue)
        }
        let code: Int32
        do {
            var command = try parseAsRoot(words)
            try command.run()
            code = 0
        } catch let exit as ExitCode {
            code = exit.rawValue
        } catch {
            let parserCode = exitCode(for: error)
            let message = ParserMessage.masked(fullMessage(for: error))
            if parserCode == .success {
                if !message.isEmpty { Terminal.out(message + "\n") }
                code = 0
            } else {
                Terminal.write(Array((message + "\n").utf8), to: 2)
                code = ExitStatus.usage.rawValue
                // Nagios reads only stdout: a check that cannot start says why there too.
                if let checkReport = CheckUsageReport(words: words, parserMessage: message) {
                    Terminal.out(checkReport.text)
                }
            }
        }
        Glibc.exit(code)
    }
}

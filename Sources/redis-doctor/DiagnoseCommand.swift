import ArgumentParser
import RedisDoctorClient
import RedisDoctorCore

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Run a check with two samples and name the root cause of its findings, with the next step (Docs/diagnoses/).",
        discussion: "Exit codes as check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; a diagnosis never changes them. Default --timeout: 15 s. With --write-docs DIR, writes DIR/<id>.md for every diagnosis and DIR/README.md."
    )

    @ParentCommand var root: RedisDoctor
    @OptionGroup var rules: RuleOptionGroup

    @Option(name: .long, help: ArgumentHelp("Seconds between the two samples (rates, progress); default 5, or 1 s less than a shorter -t.", valueName: "seconds"))
    var interval: Double?

    @Option(name: .long, help: "Output: text (a runbook) or json (the check's JSON, diagnoses included).")
    var format: ReportFormat = .text

    @Option(name: .long, help: HostCheckMode.help)
    var hostChecks: HostCheckMode = .auto

    @Option(name: .long, help: ArgumentHelp("Write the diagnosis docs to this folder and exit.", valueName: "dir"))
    var writeDocs: String?

    func run() throws {
        if let writeDocs { throw DiagnoseRunner.writeDocs(to: writeDocs).exitCode }
        var request = CheckRequest(connection: root.connection.settings, rules: rules.arguments, configPath: rules.config,
                                   format: format == .json ? .json : .text, hostChecks: hostChecks)
        request.runbook = format == .text
        if request.connection.timeout == nil { request.connection.timeout = DiagnoseRunner.defaultTimeout }
        // A short -t shortens the default interval; the runbook then says what was not judged.
        let timeout = request.connection.timeout ?? DiagnoseRunner.defaultTimeout
        request.interval = interval ?? (timeout.isFinite ? max(0.1, min(DiagnoseRunner.defaultInterval, timeout - 1)) : DiagnoseRunner.defaultInterval)
        throw ExitCode(CheckRunner(request: request).run())
    }
}

import ArgumentParser

struct LatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency",
        abstract: "Sample PING round trips for a while (percentiles, histogram) and read the server's latency monitor.",
        discussion: "-t bounds each round trip; --duration bounds the run. Ctrl-C stops early and prints what was measured. Exit codes: 0 OK, 1 WARNING (a PING of 100 ms or more), 2 CRITICAL (500 ms, a PING with no reply, unreachable), 3 UNKNOWN (usage, no PING answered). Connection options (-h -p -s -a --user -n -u -t) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Option(name: .long, help: ArgumentHelp("Seconds of sampling (a hard budget).", valueName: "seconds"))
    var duration: Double = 10

    @Option(name: .long, help: ArgumentHelp("PINGs per second at most; 0: one after another.", valueName: "n"))
    var rate: Double = 100

    @Option(name: .long, help: "Output: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        throw LatencyRunner(connection: root.connection.settings, duration: duration, rate: rate, format: format).run().exitCode
    }
}

import ArgumentParser

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "A live view: per-second rates of the key counters and the rules' status, refreshed every --interval.",
        discussion: "On a terminal the screen is redrawn; otherwise one plain line per tick (or a JSON object per line with --format json). A tick with no answer within -t says so and the view goes on. Ctrl-C stops. Exit codes: the last tick's status as check's (0 OK, 1 WARNING, 2 CRITICAL or no answer, 3 UNKNOWN or usage). Connection options (-h -p -s -a --user -n -u -t) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Option(name: .long, help: ArgumentHelp("Seconds between ticks.", valueName: "seconds"))
    var interval: Double = 1

    @Option(name: .long, help: ArgumentHelp("Stop after this many ticks (default: until Ctrl-C).", valueName: "n"))
    var count: Int?

    @Option(name: .long, help: "Output: text (a screen on a terminal, a line per tick otherwise) or json (a line per tick).")
    var format: ReportFormat = .text

    func run() throws {
        throw WatchRunner(connection: root.connection.settings, interval: interval, count: count, format: format).run().exitCode
    }
}

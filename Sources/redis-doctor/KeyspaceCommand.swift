import ArgumentParser

struct KeyspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyspace",
        abstract: "Find the biggest keys (by memory, and by length per type) with SCAN under a time budget and a rate cap; --ttl forecasts expire storms.",
        discussion: "Sends SCAN, TYPE, MEMORY USAGE ... SAMPLES 5, the type's O(1) length command (STRLEN LLEN SCARD ZCARD HLEN XLEN) and with --ttl PTTL; never KEYS or a command that reads a whole value. Needs read access to the keys (%R~* on Redis 7). -t bounds each round trip; --budget bounds the run. Exit codes: 0 OK, 1 WARNING (a big key, an expire storm ahead), 2 unreachable, 3 UNKNOWN (usage, SCAN or every key refused). Connection options (-h -p -s -a --user -n -u -t) are listed in redis-doctor --help."
    )

    @ParentCommand var root: RedisDoctor

    @Option(name: .long, help: ArgumentHelp("Seconds the scan may take (a hard budget).", valueName: "seconds"))
    var budget: Double = 10

    @Option(name: .long, help: ArgumentHelp("Commands per second at most; 0: uncapped, pipelined.", valueName: "n"))
    var rate: Double = 2000

    @Option(name: .long, help: ArgumentHelp("How many of the biggest keys to list.", valueName: "n"))
    var top: Int = 10

    @Option(name: .long, help: ArgumentHelp("The SCAN cursor to start from (the one a previous run printed).", valueName: "cursor"))
    var cursor: String = "0"

    @Flag(name: .long, help: "Also read PTTL and forecast expiries over the next hour: warn of an expire storm.")
    var ttl = false

    @Option(name: .long, help: ArgumentHelp("With --ttl: warn when one second holds this percent of the sampled volatile keys.", valueName: "percent"))
    var stormShare: Double = 10

    @Option(name: .long, help: ArgumentHelp("With --ttl: ... and at least this many keys, scaled to the whole keyspace.", valueName: "n"))
    var stormKeys: Double = 10_000

    @Option(name: .long, help: ArgumentHelp("Warn for a key of this many bytes or more (MEMORY USAGE).", valueName: "bytes"))
    var bigBytes: Int64 = 10 * 1024 * 1024

    @Option(name: .long, help: ArgumentHelp("Warn for a list, set, zset, hash or stream of this many elements or more.", valueName: "n"))
    var bigElements: Int64 = 1_000_000

    @Option(name: .long, help: "Output: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        var request = KeyspaceRequest(connection: root.connection.settings, budget: budget, rate: rate, top: top, cursor: cursor, ttl: ttl, format: format)
        request.storm = (stormShare, stormKeys)
        request.big = (bigBytes, bigElements)
        throw KeyspaceRunner(request: request).run().exitCode
    }
}

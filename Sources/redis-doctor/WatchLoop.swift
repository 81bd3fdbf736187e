import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// The live view's loop, shared by `watch` and the REPL's `:watch`: one sample per tick under
/// its own deadline, judged over the history, printed as a refreshing screen, a plain line or
/// a JSON line. A tick with no answer says so and the view goes on; Ctrl-C ends it.
struct WatchLoop {
    enum Mode {
        /// Clears and redraws: stdout is a terminal.
        case screen
        /// One line per tick, for pipes and `| tee`.
        case lines
        case json
    }

    var target: String
    var interval: Double
    /// Ticks to show; nil: until Ctrl-C.
    var count: Int?
    var mode: Mode
    var canceller: Canceller
    /// Re-arms the whole-run watchdog before each tick (the `watch` subcommand).
    var armWatchdog: ((Double) -> Void)?
    /// Ends the view after this many ticks in a row with nothing judged (the REPL, whose next
    /// line waits); nil: the view goes on.
    var maxFailuresInARow: Int?

    /// INFO, CONFIG GET, SLOWLOG and CLIENT LIST (at most 1000 clients) of one tick: a real
    /// server sends well under 1 MiB; the history keeps a few dozen ticks.
    static let tickReplyBudget = 2 * 1024 * 1024

    /// Runs the ticks; `sample` takes one snapshot or throws why not. Returns the last
    /// tick's status (nil when Ctrl-C came before any tick).
    func run(sample: () throws(ConnectionError) -> Snapshot, describe: (ConnectionError) -> String) -> Status? {
        var history = WatchHistory()
        var last: Status?
        var shown = 0
        var failures = 0
        while count.map({ shown < $0 }) ?? true {
            armWatchdog?(interval)
            let at = Double(WallClock.nowMicros()) / 1e6
            let tick: WatchTick
            var results: [RuleResult] = []
            do throws(ConnectionError) {
                let parsed = ParsedSnapshot(try sample())
                if let problem = parsed.infoProblem {
                    // Without INFO nothing can be judged: the server's words, as check says them.
                    let error = problem.checkError(origin: .server)
                    tick = WatchTick(failure: error.message, status: error.status, at: at)
                    failures += 1
                } else {
                    history.append(parsed, at: at)
                    results = history.evaluate()
                    tick = WatchTick(history: history, results: results, at: at)
                    failures = 0
                }
            } catch {
                if case .cancelled = error { break }
                tick = WatchTick(failure: "no answer: " + describe(error), status: error.checkError(target: target).status, at: at)
                failures += 1
            }
            last = tick.status
            shown += 1
            switch mode {
            case .lines: Terminal.out(tick.line())
            case .json: Terminal.out(tick.json())
            case .screen:
                let clock = Self.clock()
                let frame = tick.failure.map { "\(target)  \(clock)  (Ctrl-C to stop)\n\n  \(OutputText.oneLine($0))\n" }
                    ?? WatchView.render(target: target, history: history, results: results, clock: clock, tick: tick)
                // Home, each line over the last frame's (erasing its tail), then the rest of the
                // screen: redrawn in place, so the scrollback keeps no copies of old frames.
                let lines = frame.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\u{1B}[K" }
                Terminal.out((shown == 1 ? "\u{1B}[2J" : "") + "\u{1B}[H" + lines.joined(separator: "\n") + "\u{1B}[J")
            }
            if count.map({ shown >= $0 }) == true { break }
            if let limit = maxFailuresInARow, failures >= limit {
                Terminal.out("\n\(failures) ticks in a row with nothing judged: :watch stopped\n")
                break
            }
            if canceller.sleep(seconds: interval) { break }
        }
        if mode == .screen { Terminal.out("\n") }
        return last
    }

    /// Local time of day, `14:03:27`.
    static func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}

import Foundation
import Glibc
import RedisDoctorCore
import Testing
import TestSupport

/// `watch` on a real server: with stdout a pipe, one plain line per tick whose rates follow
/// traffic the test makes itself; on a terminal, the redrawn view and a clean Ctrl-C.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct WatchCommandTests {
    /// GETs of an existing key in batches of 100 every 100 ms: about 1000 hits a second.
    final class Traffic: @unchecked Sendable {
        private let stopped = NSLock()
        private var done = false
        func stop() { stopped.lock(); done = true; stopped.unlock() }
        var isDone: Bool { stopped.lock(); defer { stopped.unlock() }; return done }

        func start(port: Int) {
            Thread { [self] in
                guard let fd = RawSocket.connectLoopback(port: port, timeout: 2) else { return }
                defer { close(fd) }
                let batch = Array(String(repeating: "*2\r\n$3\r\nGET\r\n$3\r\nhit\r\n", count: 100).utf8)
                var buffer = [UInt8](repeating: 0, count: 65536)
                while !isDone {
                    _ = batch.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    var got = 0
                    while got < 100 * 7 {
                        let n = recv(fd, &buffer, buffer.count, 0)
                        if n <= 0 { return }
                        got += n
                    }
                    usleep(100_000)
                }
            }.start()
        }
    }

    static func value(_ name: String, in line: Substring) -> String? {
        line.split(separator: " ").first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    @Test func pipedItPrintsOneLinePerTickWithRates() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        #expect(server.call("SET hit v").hasPrefix("+OK"))
        let traffic = Traffic()
        traffic.start(port: server.port)
        defer { traffic.stop() }
        usleep(300_000)
        let run = try CommandRun.run(["-p", String(server.port), "watch", "--count", "3", "--interval", "1"])
        let lines = run.stdout.split(separator: "\n")
        try #require(lines.count == 3, "\(run.stdout)\(run.stderr)")
        // The exit code is the last tick's status (persistence-disabled warns on this test server).
        let last = Self.value("rules", in: lines[2]) ?? ""
        #expect(run.exitCode == (last.hasPrefix("OK") ? 0 : last.hasPrefix("WARNING") ? 1 : 2), "\(lines[2])")
        #expect(!run.stdout.contains("\u{1B}["), "no terminal escapes in a pipe")
        // Tick timestamps, a second apart.
        let times = lines.compactMap { TimestampText.parse(String($0.prefix(20))) }
        #expect(times.count == 3 && times[2] - times[0] >= 1 && times[2] - times[0] <= 4, "\(times)")
        // The first tick has nothing to compare with; the next ones see the test's GETs.
        #expect(Self.value("hits/s", in: lines[0]) == "-")
        for line in lines.dropFirst() {
            let hits = Double(Self.value("hits/s", in: line) ?? "") ?? -1
            #expect(hits >= 500 && hits <= 1100, "\(line)")
            #expect(Self.value("hit-ratio", in: line) == "100.0%", "\(line)")
            #expect(Self.value("rules", in: line)?.hasPrefix("OK") == true || Self.value("rules", in: line)?.hasPrefix("WARNING") == true, "\(line)")
        }
    }

    @Test func aFrozenTickSaysNoAnswerAndTheViewGoesOn() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let freezer = Thread {
            usleep(1_300_000)
            server.freeze()
            usleep(1_500_000)
            server.thaw()
        }
        freezer.start()
        defer { server.thaw() }
        let run = try CommandRun.run(["-p", String(server.port), "-t", "0.5", "watch", "--count", "5", "--interval", "0.7"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 5, "\(run.stdout)\(run.stderr)")
        #expect(lines.contains { $0.contains(" no answer: ") }, "\(run.stdout)")
        #expect(lines.last?.contains(" ops/s=") == true, "the view went on: \(run.stdout)")
    }

    @Test(.enabled(if: TmuxSession.shouldRun, "tmux not installed"))
    func onATerminalItRedrawsAndCtrlCEndsIt() throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let tmux = try TmuxSession("'\(CommandRun.binary)' -p \(server.port) watch --interval 0.5; echo \"watch-exit=$?\"", environment: ["TERM": "xterm"])
        defer { tmux.kill() }
        let view = tmux.waitFor(timeout: 5) { $0.contains("(Ctrl-C to stop)") && $0.contains("hit ratio") && $0.contains("rules: ") }
        #expect(view.matched, "\(view.screen)")
        // Redrawn, not scrolled: one header on the screen however many ticks passed.
        usleep(1_200_000)
        #expect(tmux.screen().components(separatedBy: "(Ctrl-C to stop)").count == 2, "\(tmux.screen())")
        tmux.send("C-c")
        let ended = tmux.waitFor(timeout: 3) { $0.contains("watch-exit=") }
        #expect(ended.matched, "\(ended.screen)")
        #expect(ended.screen.contains("watch-exit=0") || ended.screen.contains("watch-exit=1"), "\(ended.screen)")
    }
}

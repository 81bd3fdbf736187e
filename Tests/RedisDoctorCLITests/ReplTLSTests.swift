import Testing
import TestSupport

/// The REPL over TLS in tmux: it reconnects over TLS after the server restarts, and
/// `:connect URI` keeps the session's --cacert.
@Suite(.enabled(if: RedisServerProcess.shouldRun && TmuxSession.shouldRun, "redis-server or tmux not installed"))
struct ReplTLSTests {
    @Test func theReplReconnectsOverTLSAfterARestart() throws {
        let pki = try TLSFixtures()
        let tlsPort = try FreePort.find()
        var server = try RedisServerProcess(pki.serverArguments(tlsPort: tlsPort))
        defer { server.stop() }
        let home = try TemporaryDirectory.make(prefix: "redis-doctor-repl-tls")
        let repl = try TmuxSession("'\(CommandRun.binary)' -p \(tlsPort) --tls --cacert '\(pki.ca)'",
                                   environment: ["HOME": home, "REDISDOCTOR_HISTFILE": home + "/history", "PAGER": "cat", "TERM": "xterm"])
        defer { repl.kill() }
        #expect(repl.waitFor("master>").matched, "\(repl.screen())")
        repl.type("SET k before")
        #expect(repl.waitFor("OK").matched)
        let plainPort = server.port
        server.stop()
        server = try RedisServerProcess(pki.serverArguments(tlsPort: tlsPort), port: plainPort)
        repl.type("PING")
        let pong = repl.waitFor(timeout: 8) { $0.contains("PONG") }
        #expect(pong.matched, "\(pong.screen)")
        repl.type(":connect rediss://127.0.0.1:\(tlsPort)")
        repl.type("ECHO over-tls-again")
        let echoed = repl.waitFor(timeout: 8) { $0.contains("\"over-tls-again\"") }
        #expect(echoed.matched, "\(echoed.screen)")
    }
}

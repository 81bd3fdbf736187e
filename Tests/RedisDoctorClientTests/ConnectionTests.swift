import Foundation
import Glibc
@testable import RedisDoctorClient
import RedisDoctorCore
import Testing
import TestSupport

@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct ConnectionTests {
    func tcp(_ server: RedisServerProcess, host: String = "127.0.0.1", password: String? = nil, user: String? = nil, db: Int = 0) -> ConnectionTarget {
        ConnectionTarget(endpoint: .tcp(host: host, port: server.port), user: user, password: password, db: db)
    }

    @Test func pingOverIPv4IPv6AndUnixSocket() throws {
        let server = try RedisServerProcess()
        for target in [tcp(server), tcp(server, host: "::1"), tcp(server, host: "localhost"),
                       ConnectionTarget(endpoint: .unix(path: server.unixSocket))] {
            let link = try Connection.open(target, deadline: Deadline(seconds: 5))
            #expect(try link.send(["PING"], deadline: Deadline(seconds: 5)) == .status("PONG"), "\(target)")
        }
    }

    @Test func repliesKeepTheirTypesAndBytes() throws {
        let server = try RedisServerProcess()
        let link = try Connection.open(tcp(server), deadline: Deadline(seconds: 5))
        let d = Deadline(seconds: 5)
        let binary = (0...255).map { UInt8($0) }
        #expect(try link.send(bytes: [Array("SET".utf8), Array("bin".utf8), binary], deadline: d) == .status("OK"))
        #expect(try link.send(["GET", "bin"], deadline: d) == .bulk(binary))
        #expect(try link.send(["GET", "missing"], deadline: d) == .null)
        #expect(try link.send(["RPUSH", "l", "a", "b"], deadline: d) == .integer(2))
        #expect(try link.send(["LRANGE", "l", "0", "-1"], deadline: d) == .array([.bulk(Array("a".utf8)), .bulk(Array("b".utf8))]))
        let error = try link.send(["INCR", "l"], deadline: d)
        #expect(error.errorMessage?.hasPrefix("WRONGTYPE") == true)
        let replies = try link.pipeline([["PING"], ["ECHO", "x y"]], deadline: d)
        #expect(replies == [.status("PONG"), .bulk(Array("x y".utf8))])
    }

    @Test func selectsTheDatabaseAndNamesItself() throws {
        let server = try RedisServerProcess()
        let link = try Connection.open(tcp(server, db: 2), deadline: Deadline(seconds: 5))
        let info = try link.send(["CLIENT", "INFO"], deadline: Deadline(seconds: 5)).text ?? ""
        #expect(info.contains(" db=2 "))
        #expect(info.contains(" name=redis-doctor "))
    }

    @Test func authenticationFailuresCarryTheServerMessage() throws {
        let server = try RedisServerProcess(["--requirepass", "s3cret"])
        let ok = try Connection.open(tcp(server, password: "s3cret"), deadline: Deadline(seconds: 5))
        #expect(try ok.send(["PING"], deadline: Deadline(seconds: 5)) == .status("PONG"))

        #expect {
            _ = try Connection.open(tcp(server, password: "wrong"), deadline: Deadline(seconds: 5))
        } throws: { error in
            guard case ConnectionError.server(.auth, let message) = error else { return false }
            return message.hasPrefix("WRONGPASS")
        }

        let anonymous = try Connection.open(tcp(server), deadline: Deadline(seconds: 5))
        let reply = try anonymous.send(["PING"], deadline: Deadline(seconds: 5))
        #expect(reply.errorMessage?.hasPrefix("NOAUTH") == true)
    }

    @Test func aclUserWithoutPermissionGetsNOPERM() throws {
        let server = try RedisServerProcess()
        server.call("ACL SETUSER limited on >pw ~* -@all +ping +client|setname")
        let link = try Connection.open(tcp(server, password: "pw", user: "limited"), deadline: Deadline(seconds: 5))
        #expect(try link.send(["PING"], deadline: Deadline(seconds: 5)) == .status("PONG"))
        let reply = try link.send(["GET", "k"], deadline: Deadline(seconds: 5))
        #expect(reply.errorMessage?.hasPrefix("NOPERM") == true)
    }

    @Test func refusedConnectionFailsAtOnce() throws {
        let port = try FreePort.find()
        let deadline = Deadline(seconds: 5)
        #expect {
            _ = try Connection.open(ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: port)), deadline: deadline)
        } throws: { error in
            guard case ConnectionError.refused = error else { return false }
            return true
        }
        #expect(deadline.elapsedSeconds < 0.5)
    }

    @Test func frozenServerIsCutOffAtTheDeadline() throws {
        let server = try RedisServerProcess()
        let link = try Connection.open(tcp(server), deadline: Deadline(seconds: 5))
        server.freeze()
        defer { server.thaw() }
        let deadline = Deadline(seconds: 1)
        #expect {
            _ = try link.send(["PING"], deadline: deadline)
        } throws: { error in
            guard case ConnectionError.timedOut(.command("PING"), let elapsed) = error else { return false }
            return elapsed >= 0.99 && elapsed < 1.3
        }
        #expect(!link.isOpen, "a timed-out connection is out of step and must be dropped")
    }

    @Test(arguments: [
        FaultServer.Behavior.silent,
        FaultServer.Behavior.trickle(payload: "+" + String(repeating: "P", count: 200) + "\r\n", intervalMilliseconds: 200),
    ])
    func stalledListenersAreCutOffAtTheDeadline(_ behavior: FaultServer.Behavior) throws {
        let fault = try FaultServer(behavior)
        defer { fault.stop() }
        let deadline = Deadline(seconds: 1)
        let target = ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: fault.port))
        #expect {
            let link = try Connection.open(target, deadline: deadline, options: ConnectionOptions(clientName: nil))
            _ = try link.send(["PING"], deadline: deadline)
        } throws: { error in
            guard case ConnectionError.timedOut(.command("PING"), _) = error else { return false }
            return true
        }
        #expect(deadline.elapsedSeconds < 1.3)
    }

    @Test func httpAndTLSServersAreNamed() throws {
        for (behavior, word) in [(FaultServer.Behavior.http, "HTTP"), (.tlsAlert, "TLS")] {
            let fault = try FaultServer(behavior)
            defer { fault.stop() }
            let target = ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: fault.port))
            #expect {
                let link = try Connection.open(target, deadline: Deadline(seconds: 3), options: ConnectionOptions(clientName: nil))
                _ = try link.send(["PING"], deadline: Deadline(seconds: 3))
            } throws: { error in
                guard case ConnectionError.notRedis(let what) = error else { return false }
                return what.contains(word)
            }
        }
    }

    @Test func serverClosingAtOnceIsReported() throws {
        let fault = try FaultServer(.closeAtOnce)
        defer { fault.stop() }
        let target = ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: fault.port))
        #expect {
            let link = try Connection.open(target, deadline: Deadline(seconds: 3), options: ConnectionOptions(clientName: nil))
            _ = try link.send(["PING"], deadline: Deadline(seconds: 3))
        } throws: { error in
            switch error as? ConnectionError {
            case .closed(.command("PING")), .reset(.command("PING")): return true
            default: return false
            }
        }
    }

    /// An error reply from an earlier command is not the reason for a later close.
    @Test func anOldErrorIsNotBlamedForALaterClose() throws {
        let server = try RedisServerProcess()
        let link = try Connection.open(tcp(server), deadline: Deadline(seconds: 5))
        let reply = try link.send(["NOSUCHCOMMAND"], deadline: Deadline(seconds: 5))
        #expect(reply.isError)
        server.call("CLIENT KILL TYPE normal")
        #expect(throws: (any Error).self) { _ = try link.send(["PING"], deadline: Deadline(seconds: 3)) }
        do {
            _ = try Connection.open(tcp(server), deadline: Deadline(seconds: 5)).send(["NOSUCHCOMMAND"], deadline: Deadline(seconds: 5))
            let again = try Connection.open(tcp(server), deadline: Deadline(seconds: 5))
            _ = try again.send(["NOSUCHCOMMAND"], deadline: Deadline(seconds: 5))
            server.call("CLIENT KILL TYPE normal")
            _ = try again.send(["PING"], deadline: Deadline(seconds: 3))
            Issue.record("PING on a killed connection answered")
        } catch {
            switch error {
            case .closed, .reset: break
            default: Issue.record("expected closed or reset, got \(error)")
            }
        }
    }

    @Test func oversizedReplyIsRefused() throws {
        let server = try RedisServerProcess()
        server.call("SET big " + String(repeating: "x", count: 20_000))
        let link = try Connection.open(tcp(server), deadline: Deadline(seconds: 5), options: ConnectionOptions(maxReplyBytes: 4096))
        // Refused from the header alone: the 20,000-byte string is never buffered.
        #expect(throws: ConnectionError.replyTooLarge(detail: "a reply announcing a 20000-byte string, over the 4096 bytes reply budget")) {
            _ = try link.send(["GET", "big"], deadline: Deadline(seconds: 5))
        }
    }

    @Test func cancellerStopsAWaitFromAnotherThread() throws {
        let server = try RedisServerProcess(["--enable-debug-command", "yes"])
        let canceller = Canceller()
        let link = try Connection.open(tcp(server), deadline: Deadline(seconds: 5), canceller: canceller)
        let fire = Thread { usleep(300_000); canceller.cancel() }
        fire.start()
        let deadline = Deadline(seconds: 5)
        #expect(throws: ConnectionError.cancelled(stage: .command("DEBUG SLEEP"))) {
            _ = try link.send(["DEBUG", "SLEEP", "2"], deadline: deadline)
        }
        #expect(deadline.elapsedSeconds < 1.0)
    }

    @Test func unresolvableNameIsReported() throws {
        #expect {
            _ = try Connection.open(ConnectionTarget(endpoint: .tcp(host: "no-such-host.invalid", port: 6379)), deadline: Deadline(seconds: 5))
        } throws: { error in
            guard case ConnectionError.nameNotResolved(let host, _) = error else { return false }
            return host == "no-such-host.invalid"
        }
    }
}

extension ConnectionTests {
    @Test func aTrimmedViewKeepsOnlyTheNodesOwnLine() {
        let reply = "a 127.0.0.1:7001@17001 master - 0 1 1 connected 0-5460\nb 127.0.0.1:7002@17002 myself,slave a 0 1 1 connected\n"
        let own = String(decoding: ClusterCollector.ownLine(Array(reply.utf8)), as: UTF8.self)
        #expect(own == "b 127.0.0.1:7002@17002 myself,slave a 0 1 1 connected\n")
        #expect(ClusterCollector.ownLine(Array("no such line\n".utf8)).isEmpty)
    }
}

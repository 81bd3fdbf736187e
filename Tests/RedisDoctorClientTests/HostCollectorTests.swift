import Glibc
import Testing
@testable import RedisDoctorClient
import RedisDoctorCore

/// Where the host is read, decided without sending anything anywhere.
struct HostCollectorTests {
    @Test(arguments: [("127.0.0.1", true), ("127.3.4.5", true), ("::1", true), ("[::1]", true), ("localhost", true), ("::ffff:127.0.0.1", true), ("::ffff:10.0.0.1", false),
                      ("10.0.4.7", false), ("192.168.1.20", false), ("::2", false), ("cache.example", false), ("128.0.0.1", false)])
    func loopbackAddresses(_ host: String, _ loopback: Bool) {
        #expect(HostCollector.isLoopback(host) == loopback)
    }

    @Test func aRemoteServerIsNotRead() {
        let info = Info(parsing: Array("process_id:1\ntcp_port:6379\n".utf8))
        let target = ConnectionTarget(endpoint: .tcp(host: "10.0.4.7", port: 6379))
        let capture = HostCollector(mode: .auto).capture(target: target, info: info, config: nil, deadline: Deadline(seconds: 2))
        #expect(capture.pid == nil && capture.files.isEmpty)
        #expect(capture.notLocal?.hasPrefix("the server is remote (10.0.4.7:6379)") == true, "\(capture.notLocal ?? "")")
    }

    @Test func aForwardedPortIsNotTakenForTheServer() {
        let info = Info(parsing: Array("process_id:\(getpid())\ntcp_port:6379\n".utf8))
        let target = ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: 16379))
        let capture = HostCollector(mode: .auto).capture(target: target, info: info, config: nil, deadline: Deadline(seconds: 2))
        #expect(capture.notLocal?.contains("INFO tcp_port 6379 is not the port connected to (16379)") == true, "\(capture.notLocal ?? "")")
        // tcp_port 0 (TLS-only): no port to compare, so the process itself decides.
        let tlsOnly = Info(parsing: Array("process_id:\(getpid())\ntcp_port:0\nuptime_in_seconds:1\n".utf8))
        let other = HostCollector(mode: .auto).capture(target: target, info: tlsOnly, config: nil, deadline: Deadline(seconds: 2))
        #expect(other.notLocal?.contains("not a Redis-compatible server") == true, "\(other.notLocal ?? "")")
    }

    @Test func aNamedProcessIsReadWhateverItIs() throws {
        let info = Info(parsing: Array("process_id:1\n".utf8))
        let target = ConnectionTarget(endpoint: .tcp(host: "10.0.4.7", port: 6379))
        let capture = HostCollector(mode: .pid(Int(getpid()))).capture(target: target, info: info, config: nil, deadline: Deadline(seconds: 2))
        #expect(capture.pid == Int(getpid()))
        #expect(capture.identifiedBy == "process \(getpid()), named by --host-checks pid=\(getpid())")
        let facts = try #require(HostFacts(capture))
        #expect(facts.rss ?? 0 > 0)
        let missing = HostCollector(mode: .pid(Int(Int32.max))).capture(target: target, info: info, config: nil, deadline: Deadline(seconds: 2))
        #expect(missing.notLocal == "--host-checks pid=\(Int32.max): no process \(Int32.max) on this host")
    }

    /// A call that never returns (statvfs on a hung mount) costs its bound, not the run.
    @Test func aBlockedCallIsAbandonedAtItsDeadline() {
        let start = MonotonicClock.now()
        let wait = DetachedCall.run(deadline: Deadline(seconds: 0.3)) { sleep(5) }
        let seconds = Double(MonotonicClock.now() - start) / 1e9
        guard case .timedOut = wait else {
            Issue.record("the blocked call was waited for")
            return
        }
        #expect(seconds >= 0.25 && seconds < 2, "took \(seconds) s")
        guard case .finished = DetachedCall.run(deadline: Deadline(seconds: 2), {}) else {
            Issue.record("a quick call did not finish")
            return
        }
    }
}

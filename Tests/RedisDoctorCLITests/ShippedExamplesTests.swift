import Foundation
import Glibc
import Testing
import TestSupport

/// The monitoring definitions and configurations the package ships, checked by their real
/// consumers: icinga2, promtool, and redis-doctor's own config reader.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct ShippedExamplesTests {
    static func path(_ relative: String) -> String { RunnableDocs.root.appendingPathComponent("Packaging/" + relative).path }

    @Test func icinga2AcceptsTheCheckCommandAndItsApplyRule() throws {
        let directory = try TemporaryDirectory.make(prefix: "icinga2-example")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let objects = try String(contentsOfFile: Self.path("examples/icinga2/redis-doctor.conf"), encoding: .utf8)
        // A host the apply rule assigns to, so the service is actually created.
        let host = "\nobject Host \"cache-01\" {\n  check_command = \"dummy\"\n  address = \"127.0.0.1\"\n  vars.redis_port = 6379\n}\n"
        try ("include <itl>\n" + objects + host).write(toFile: directory + "/icinga2.conf", atomically: true, encoding: .utf8)
        let run = try PipedProcess.run("/bin/sh", ["-c", "cd \(directory) && ICINGA2_USER=$(id -un) ICINGA2_GROUP=$(id -gn) icinga2 daemon -C -c icinga2.conf"], input: "")
        #expect(run.status == 0 && !run.text.contains("critical/"), "\(run.text.suffix(1500))")
        #expect(run.text.contains("1 Service"), "\(run.text.suffix(800))")
    }

    @Test func promtoolAcceptsTheAlertRules() throws {
        let run = try PipedProcess.run("/usr/bin/env", ["promtool", "check", "rules", Self.path("examples/prometheus/redis-doctor.rules.yml")], input: "")
        #expect(run.status == 0, "\(run.text)")
    }

    @Test func theExampleConfigurationsParse() throws {
        let server = try RedisServerProcess()
        for config in ["etc/redis-doctor.conf", "etc/serve.conf"] {
            let run = try CommandRun.run(["-p", String(server.port), "check", "--config", Self.path(config)])
            #expect(run.exitCode != 3 && run.stdout.hasPrefix("REDIS "), "\(config): \(run.stdout)")
        }
        let serve = try ServeProcess(config: try String(contentsOfFile: Self.path("etc/serve.conf"), encoding: .utf8))
        let page = try serve.get("/scrape?target=127.0.0.1:\(server.port)&module=cache")
        #expect(page.status == 200 && page.body.contains("\nredis_doctor_up 1\n"), "\(page.body.prefix(300))")
    }
}

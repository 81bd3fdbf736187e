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

    @Test func nagiosAcceptsTheCommandDefinitions() throws {
        let directory = try TemporaryDirectory.make(prefix: "nagios-example")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A minimal main configuration and one host with services using the shipped commands.
        let main = """
            cfg_file=\(directory)/objects.cfg
            cfg_file=\(Self.path("examples/nagios/redis-doctor.cfg"))
            resource_file=\(directory)/resource.cfg
            check_result_path=\(directory)
            lock_file=\(directory)/nagios.lock
            temp_file=\(directory)/nagios.tmp
            log_file=\(directory)/nagios.log
            status_file=\(directory)/status.dat
            object_cache_file=\(directory)/objects.cache
            precached_object_file=\(directory)/objects.precache
            command_file=\(directory)/nagios.cmd
            nagios_user=\(String(cString: getpwuid(getuid()).pointee.pw_name))
            nagios_group=\(String(cString: getgrgid(getgid()).pointee.gr_name))
            illegal_macro_output_chars=`~$&|'"<>

            """
        var objects = """
            define timeperiod {
                timeperiod_name 24x7
                alias always
                monday 00:00-24:00
            }
            define contact {
                contact_name admin
                host_notifications_enabled 0
                service_notifications_enabled 0
                host_notification_period 24x7
                service_notification_period 24x7
                host_notification_options n
                service_notification_options n
                host_notification_commands check_redis_doctor
                service_notification_commands check_redis_doctor
            }
            define host {
                host_name cache-01
                address 127.0.0.1
                max_check_attempts 1
                check_period 24x7
                contacts admin
                notification_period 24x7
            }

            """
        for (name, command) in [("health", "check_redis_doctor!6379!--warning memory-pressure=75"), ("prev", "check_redis_doctor_prev!6379!"),
                                ("cluster", "check_redis_doctor_cluster!7000!"), ("sentinel", "check_redis_doctor_sentinel!26379!mymaster")] {
            objects += "define service {\n host_name cache-01\n service_description Redis \(name)\n check_command \(command)\n max_check_attempts 1\n check_interval 1\n retry_interval 1\n check_period 24x7\n contacts admin\n notification_period 24x7\n}\n"
        }
        try main.write(toFile: directory + "/nagios.cfg", atomically: true, encoding: .utf8)
        try objects.write(toFile: directory + "/objects.cfg", atomically: true, encoding: .utf8)
        try "$USER5$=secret\n$USER6$=secret\n".write(toFile: directory + "/resource.cfg", atomically: true, encoding: .utf8)
        let run = try PipedProcess.run("/usr/sbin/nagios4", ["-v", directory + "/nagios.cfg"], input: "")
        #expect(run.status == 0 && run.text.contains("Total Errors:   0") && run.text.contains("Total Warnings: 0"), "\(run.text.suffix(1200))")
    }

    @Test func systemdAcceptsTheUnits() throws {
        let units = ["redis-doctor-serve.service", "redis-doctor-textfile.service", "redis-doctor-textfile.timer"].map { Self.path("examples/systemd/" + $0) }
        let run = try PipedProcess.run("/usr/bin/systemd-analyze", ["verify", "--man=no"] + units, input: "")
        // The package installs /usr/bin/redis-doctor-serve; this host runs the tests from the build folder.
        let findings = run.text.split(separator: "\n").filter { !$0.contains("Command /usr/bin/redis-doctor-serve is not executable") }
        #expect(findings.isEmpty, "\(run.text)")
    }
}

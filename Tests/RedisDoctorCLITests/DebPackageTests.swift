import Foundation
import Testing
import TestSupport

/// The Debian package, built with dpkg-deb from the executables under test: its files,
/// its conffiles and Depends, and lintian with no error. (The install, remove and purge
/// cycle in a debootstrap root is `make deb-check`, run by hand.)
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct DebPackageTests {
    @Test func thePackageHoldsItsFilesAndLintianFindsNoError() throws {
        let out = try TemporaryDirectory.make(prefix: "deb")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let from = URL(fileURLWithPath: CommandRun.binary).deletingLastPathComponent().path
        let script = RunnableDocs.root.appendingPathComponent("Packaging/deb.sh").path
        let built = try PipedProcess.run("/bin/bash", [script, "--from", from, "--out", out], input: "")
        #expect(built.status == 0, "\(built.text)")
        let deb = built.text.split(separator: "\n").last.map(String.init) ?? ""
        let contents = try PipedProcess.run("/usr/bin/dpkg-deb", ["-c", deb], input: "").text
        for path in ["./usr/bin/redis-doctor", "./usr/bin/redis-doctor-serve", "./usr/lib/nagios/plugins/check_redis_doctor -> ../../../bin/redis-doctor",
                     "./usr/share/man/man1/redis-doctor.1.gz", "./usr/share/man/man1/redis-doctor-serve.1.gz",
                     "./usr/share/bash-completion/completions/redis-doctor", "./etc/redis-doctor/serve.conf", "./etc/redis-doctor/redis-doctor.conf",
                     "./lib/systemd/system/redis-doctor-serve.service", "./usr/share/doc/redis-doctor/copyright",
                     "./usr/share/doc/redis-doctor/changelog.Debian.gz", "./usr/share/doc/redis-doctor/examples/icinga2/redis-doctor.conf"] {
            #expect(contents.contains(path), "\(path) is packaged")
        }
        let info = try PipedProcess.run("/usr/bin/dpkg-deb", ["-I", deb], input: "").text
        #expect(info.contains("libedit2") && info.contains("libssl3") && info.contains("adduser"), "\(info)")
        _ = try PipedProcess.run("/usr/bin/dpkg-deb", ["-e", deb, out + "/control"], input: "")
        let conffiles = try String(contentsOfFile: out + "/control/conffiles", encoding: .utf8)
        #expect(conffiles == "/etc/redis-doctor/redis-doctor.conf\n/etc/redis-doctor/serve.conf\n", "\(conffiles)")
        let lint = try PipedProcess.run("/usr/bin/env", ["lintian", deb], input: "")
        let errors = lint.text.split(separator: "\n").filter { $0.hasPrefix("E: ") }
        #expect(errors.isEmpty, "\(lint.text)")
    }
}

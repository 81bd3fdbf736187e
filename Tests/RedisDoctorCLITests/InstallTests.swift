import Foundation
import Glibc
import Testing
import TestSupport

/// `make install`'s script into a temp DESTDIR, from the binaries under test: exactly the
/// listed files, a working plugin link, man pages groff renders without a warning, and an
/// uninstall that leaves nothing of ours.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct InstallTests {
    static var script: String { RunnableDocs.root.appendingPathComponent("Packaging/install.sh").path }

    static func installed(under directory: String) throws -> Set<String> {
        let run = try PipedProcess.run("/usr/bin/find", [directory, "(", "-type", "f", "-o", "-type", "l", ")"], input: "")
        return Set(run.text.split(separator: "\n").map { String($0.dropFirst(directory.count)) })
    }

    @Test func installListsExactlyItsFilesAndUninstallRemovesThem() throws {
        let destdir = try TemporaryDirectory.make(prefix: "install")
        defer { try? FileManager.default.removeItem(atPath: destdir) }
        let from = URL(fileURLWithPath: CommandRun.binary).deletingLastPathComponent().path
        let options = ["--from", from, "--prefix", "/usr/local", "--destdir", destdir]
        let install = try PipedProcess.run("/bin/bash", [Self.script, "install"] + options, input: "")
        #expect(install.status == 0, "\(install.text)")
        let listed = Set(try PipedProcess.run("/bin/bash", [Self.script, "list"] + options, input: "").text.split(separator: "\n").map(String.init))
        let files = try Self.installed(under: destdir)
        #expect(files == listed, "installed but not listed: \(files.subtracting(listed)); listed but missing: \(listed.subtracting(files))")
        for expected in ["/usr/local/bin/redis-doctor", "/usr/local/bin/redis-doctor-serve", "/usr/local/lib/nagios/plugins/check_redis_doctor",
                         "/usr/local/share/man/man1/redis-doctor.1", "/usr/local/share/man/man1/redis-doctor-check.1",
                         "/usr/local/share/bash-completion/completions/redis-doctor",
                         "/usr/local/share/fish/vendor_completions.d/redis-doctor.fish", "/usr/local/share/doc/redis-doctor/serve.md"] {
            #expect(files.contains(expected), "\(expected)")
        }
        // What must be there whatever the list says: a man page per command, the examples, the manifest.
        let pages = files.filter { $0.hasPrefix("/usr/local/share/man/man1/") }
        #expect(pages.count == 15, "\(pages.sorted())")
        for command in ["repl", "send", "check", "clients", "cluster", "discover", "snapshot", "rules", "serve", "acl", "diagnose", "watch", "latency", "keyspace"] {
            #expect(pages.contains("/usr/local/share/man/man1/redis-doctor-\(command).1"), "\(command)")
        }
        for example in ["icinga2/redis-doctor.conf", "nagios/redis-doctor.cfg", "systemd/redis-doctor-textfile.timer", "cron/redis-doctor",
                        "prometheus/redis-doctor.rules.yml", "etc/serve.conf"] {
            #expect(files.contains("/usr/local/share/doc/redis-doctor/examples/" + example), "\(example)")
        }
        #expect(files.contains("/usr/local/share/zsh/site-functions/_redis-doctor") && files.contains("/usr/local/share/doc/redis-doctor/installed-files"))
        // The plugin link, as Nagios runs it.
        let server = try RedisServerProcess()
        let plugin = try PipedProcess.run(destdir + "/usr/local/lib/nagios/plugins/check_redis_doctor",
                                          ["-H", "127.0.0.1", "-p", String(server.port), "--skip", "persistence-disabled"], input: "")
        #expect(plugin.status == 0 && plugin.text.hasPrefix("REDIS OK - "), "\(plugin.text)")
        // Every man page renders without a groff warning; man itself shows the EXIT STATUS.
        for page in files.filter({ $0.hasSuffix(".1") }) {
            let lint = try PipedProcess.run("/usr/bin/groff", ["-man", "-ww", "-z", destdir + page], input: "")
            #expect(lint.status == 0 && lint.text.isEmpty, "\(page): \(lint.text)")
        }
        let shown = try PipedProcess.run("/bin/sh", ["-c", "MANWIDTH=80 man -l \(destdir)/usr/local/share/man/man1/redis-doctor.1 2>&1"], input: "")
        #expect(shown.text.contains("EXIT STATUS") && shown.text.contains("REDISDOCTOR_SENTINEL_AUTH"), "\(shown.text.prefix(400))")

        let uninstall = try PipedProcess.run("/bin/bash", [Self.script, "uninstall"] + options, input: "")
        #expect(uninstall.status == 0, "\(uninstall.text)")
        #expect(try Self.installed(under: destdir).isEmpty)
        // Our own folders go with the files; shared ones (bin, man1) stay for others.
        #expect(!FileManager.default.fileExists(atPath: destdir + "/usr/local/share/doc/redis-doctor"))
        #expect(!FileManager.default.fileExists(atPath: destdir + "/usr/local/lib/nagios/plugins"))
    }
}

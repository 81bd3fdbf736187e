import Foundation
import Glibc
import Testing
import TestSupport

/// Every example README.md and Docs/ mark runnable is run as written against a throwaway
/// server, so the docs cannot drift from the tool: port 6379 in a command becomes the
/// server's port and `redis-doctor` is the binary under test; nothing else is changed.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
struct RunnableDocsTests {
    /// A command exits as the document says (`$ echo $?`), else with a verdict or success:
    /// 0, 1 or 2 for `check` (the throwaway server's state decides), 0 for the rest. A
    /// usage error (3, or "Error:" on stderr) is never a verdict.
    static func acceptable(_ command: RunnableDocs.Command, exit: Int32, stderr: String) -> Bool {
        if let expected = command.expectedExit { return exit == expected }
        if stderr.contains("Error:") { return false }
        return command.line.contains(" check") ? (0...2).contains(exit) : exit == 0
    }

    @Test func markedExamplesRunAsWritten() throws {
        let server = try RedisServerProcess(["--save", "3600 1"])
        defer { server.stop() }
        for i in 1...10 { server.call("SET doc:key:\(i) value") }
        var ran = 0
        var files = 0
        for document in RunnableDocs.documents {
            let blocks = try RunnableDocs.blocks(in: document)
            guard !blocks.isEmpty else { continue }
            let directory = try TemporaryDirectory.make(prefix: "redis-doctor-docs")
            var icinga = "include <itl>\n"
            for block in blocks {
                switch block {
                case .file(let name, let text):
                    try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
                    files += 1
                case .promtoolRules(let text):
                    try text.write(toFile: directory + "/rules.yml", atomically: false, encoding: .utf8)
                    let run = try Self.shell("promtool check rules rules.yml", in: directory)
                    #expect(run.exit == 0, "\(document): promtool check rules: \(run.stdout) \(run.stderr)")
                    files += 1
                case .promtoolConfig(let text):
                    try text.write(toFile: directory + "/prometheus.yml", atomically: false, encoding: .utf8)
                    let run = try Self.shell("promtool check config prometheus.yml", in: directory)
                    #expect(run.exit == 0, "\(document): promtool check config: \(run.stdout) \(run.stderr)")
                    files += 1
                case .icinga2(let text):
                    icinga += text
                    try icinga.write(toFile: directory + "/icinga2.conf", atomically: false, encoding: .utf8)
                    // As root, icinga2 drops to its own user, which cannot read a private temp dir: stay this user.
                    let run = try Self.shell("ICINGA2_USER=$(id -un) ICINGA2_GROUP=$(id -gn) icinga2 daemon -C -c icinga2.conf", in: directory)
                    #expect(run.exit == 0, "\(document): icinga2 daemon -C: \(run.stdout.suffix(1500)) \(run.stderr)")
                    #expect(!run.stdout.contains("critical/"), "\(document): \(run.stdout.suffix(1500))")
                    files += 1
                case .commands(let commands):
                    for command in commands {
                        let line = command.line.replacing(/\b6379\b/, with: String(server.port))
                        let run = try Self.shell(line, in: directory)
                        #expect(Self.acceptable(command, exit: run.exit, stderr: run.stderr),
                                "\(command.location): `\(command.line)` exited \(run.exit)\n\(run.stdout)\n\(run.stderr)")
                        ran += 1
                    }
                }
            }
        }
        // The markers themselves cannot silently disappear.
        #expect(ran >= 12, "only \(ran) runnable commands found")
        #expect(files >= 2, "only \(files) runnable files found")
    }

    /// bash in `directory`, with the binary under test first on PATH and no password around.
    static func shell(_ line: String, in directory: String) throws -> (exit: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "REDISCLI_AUTH")
        let binaryDirectory = URL(fileURLWithPath: CommandRun.binary).deletingLastPathComponent().path
        environment["PATH"] = binaryDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["HOME"] = directory
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

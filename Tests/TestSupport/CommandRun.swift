import Foundation
import Glibc

/// Runs the redis-doctor executable built alongside the tests and records what it did.
public struct CommandRun: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    public var seconds: Double

    /// The binary under test: REDIS_DOCTOR_BIN, or the one in the test bundle's build folder.
    public static var binary: String {
        if let explicit = ProcessInfo.processInfo.environment["REDIS_DOCTOR_BIN"] { return explicit }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = me.deletingLastPathComponent()
        // Swift Testing on Linux runs .build/<triple>/debug/<package>PackageTests.xctest.
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("redis-doctor").path
    }

    /// Test servers run with `--save ""` and throwaway data, which persistence-disabled
    /// rightly warns about: a `check` skips that rule unless a test asks for it. And this
    /// machine runs with vm.overcommit_memory=0 (Debian's default), which host-kernel rightly
    /// warns about for a server that forks: a `check` reads the host only in host tests.
    public static func withPersistenceJudged(_ arguments: [String], _ judged: Bool, hostChecks: Bool = false) -> [String] {
        // The subcommand word, not an argument of another one (`send ECHO check`).
        guard !arguments.contains("send"), !arguments.contains("---completion"), let check = arguments.firstIndex(of: "check") else { return arguments }
        var words = arguments
        if !hostChecks && !arguments.contains("--host-checks") { words.insert(contentsOf: ["--host-checks", "off"], at: check + 1) }
        if !judged { words.insert(contentsOf: ["--skip", "persistence-disabled"], at: check + 1) }
        return words
    }

    /// Runs a shell command line (test set-up: openssl, files); its exit status.
    public static func shell(_ line: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs with a hard limit so a hang fails the test instead of stalling the suite.
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, killAfter: Double = 30,
                           judgePersistence: Bool = false, hostChecks: Bool = false) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = withPersistenceJudged(arguments, judgePersistence, hostChecks: hostChecks)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "REDISCLI_AUTH")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        let start = Date()
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let outBox = DataBox()
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + killAfter, execute: watchdog)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        watchdog.cancel()
        group.wait()
        return CommandRun(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outBox.data, as: UTF8.self),
            stderr: String(decoding: errBox.data, as: UTF8.self),
            seconds: seconds
        )
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}

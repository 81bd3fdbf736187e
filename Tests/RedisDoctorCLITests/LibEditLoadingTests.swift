import Testing
import TestSupport
@testable import redis_doctor

/// libedit is loaded by the interactive REPL only (dlopen), never at process start.
/// The REPL itself is exercised end to end in `ReplTests`.
@Suite struct LibEditLoadingTests {
    @Test func otherCommandsNeverLoadLibedit() throws {
        // The dynamic loader lists every library it loads under LD_DEBUG=libs.
        let run = try CommandRun.run(["--version"], environment: ["LD_DEBUG": "libs"])
        #expect(run.exitCode == 0)
        #expect(run.stderr.contains("libc.so"), "LD_DEBUG printed nothing: \(run.stderr.prefix(300))")
        #expect(!run.stderr.contains("libedit"), "\(run.stderr)")
    }

    @Test func aMissingLibraryIsReportedWithTheLoadersMessage() {
        let problem = LineEditor.loadLibrary("libedit-not-installed.so.9")
        #expect(problem?.contains("libedit-not-installed.so.9") == true, "\(String(describing: problem))")
    }

    @Test func theInstalledLibraryLoads() {
        #expect(LineEditor.loadLibrary() == nil)
    }
}

import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// The interactive REPL on a terminal: prompt, history, completion, Ctrl-C handling.
/// Anything a command does runs under the session's deadline; the prompt always comes back.
struct ReplRunner {
    var session: ReplSession
    var readOnly: Bool

    func run() -> ExitStatus {
        if let problem = LineEditor.loadLibrary() {
            Terminal.error("the interactive REPL needs libedit (\(LineEditor.libraryName), Debian package libedit2), "
                           + "which could not be loaded: \(problem). Commands piped to stdin still run without it.")
            return .usage
        }
        InterruptSignal.install(writingTo: session.canceller.writeFD)
        guard let editor = LineEditor(interruptFD: session.canceller.readFD, historyPath: Self.historyPath) else {
            Terminal.error("cannot initialise the line editor (is TERM set?)")
            return .usage
        }
        let dispatcher = ReplDispatcher(session: session, interactive: true, readOnly: readOnly)
        let session = self.session
        editor.prompt = { session.prompt }
        editor.hint = { line in Self.hint(for: line) }
        editor.complete = { line in Self.completions(for: line, session: session) }

        Terminal.out("redis-doctor \(RedisDoctor.version): deadline \(HumanFormat.number(session.timeout)) s per command" +
                     (readOnly ? ", read-only" : "") + ". Type help or :help; Ctrl-D quits.\n")
        _ = MetaCommandRunner(session: session).connect()
        while true {
            // A Ctrl-C that cancelled a command left its byte in the pipe: it must not also clear the next line.
            session.canceller.reset()
            switch editor.read() {
            case .endOfFile:
                Terminal.out("\n")
                return .ok
            case .interrupted:
                Terminal.out("^C\n")
            case .line(let line):
                guard line.contains(where: { $0 != " " && $0 != "\t" }) else { continue }
                if HistoryFilter.mayRecord(line) { editor.remember(Self.trimmed(line)) }
                if case .quit = dispatcher.run(line) { return .ok }
            }
        }
    }

    static func trimmed(_ line: String) -> String {
        String(line.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }

    /// REDISDOCTOR_HISTFILE, else ~/.redis-doctor_history; none without HOME.
    static var historyPath: String? {
        if let explicit = Terminal.environment("REDISDOCTOR_HISTFILE") { return explicit.isEmpty ? nil : explicit }
        return Terminal.environment("HOME").map { $0 + "/.redis-doctor_history" }
    }

    /// The syntax of the command being typed, shown right of the line once a space follows its name.
    static func hint(for line: String) -> String? {
        guard line.contains(" "), let argv = try? CommandLineSplitter.splitStrings(line), let doc = CommandTable.lookup(argv) else { return nil }
        let text = doc.syntax
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    /// Completion from the server's own command list (fetched once, on the first Tab) plus
    /// the bundled table, which also supplies subcommands.
    ///
    /// COMMAND DOCS would give both, but hiredis 0.14's reader refuses replies nested deeper
    /// than 7 levels and COMMAND DOCS (like COMMAND) nests deeper; COMMAND LIST (7.0+) is flat.
    static func completions(for line: String, session: ReplSession) -> [String] {
        if session.serverCommandNames == nil, session.isConnected {
            if let version = session.serverVersion, version >= ServerVersion(7),
               let reply = try? session.execute([Array("COMMAND".utf8), Array("LIST".utf8)]), let items = reply.reply.array {
                session.serverCommandNames = items.compactMap { $0.text?.uppercased() }
            } else {
                session.serverCommandNames = []
            }
        }
        let names = (session.serverCommandNames ?? []) + CommandCompletion.bundled.names
        return CommandCompletion(names: names).candidates(for: line)
    }
}

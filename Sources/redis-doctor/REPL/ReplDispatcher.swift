import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// Runs one typed line: a meta-command, help, or a server command with its safety checks.
/// Shared by the interactive REPL and the scriptable (stdin not a terminal) mode.
final class ReplDispatcher {
    enum Outcome {
        case next
        case quit
        /// Scriptable mode stops here: the server could not be reached.
        case connectionFailed
    }

    let session: ReplSession
    let interactive: Bool
    let readOnly: Bool
    private lazy var meta = MetaCommandRunner(session: session)

    init(session: ReplSession, interactive: Bool, readOnly: Bool) {
        self.session = session
        self.interactive = interactive
        self.readOnly = readOnly
    }

    func run(_ line: String) -> Outcome {
        let argvBytes: [[UInt8]]
        do throws(CommandLineSplitter.Failure) {
            argvBytes = try CommandLineSplitter.split(line)
        } catch {
            Terminal.out(Style.error(error.description) + "\n")
            return .next
        }
        guard !argvBytes.isEmpty else { return .next }
        let argv = argvBytes.map { String(decoding: $0, as: UTF8.self) }
        let name = argv[0].lowercased()
        if name.hasPrefix(":") {
            switch ReplMetaCommand.parse(argv) {
            case .success(let command): return meta.run(command) ? .next : (interactive ? .next : .connectionFailed)
            case .failure(let error):
                Terminal.out(Style.error(error.message) + "\n")
                return .next
            }
        }
        switch name {
        case "quit", "exit": return .quit
        case "help":
            Terminal.out(CommandHelp.answer(Array(argv.dropFirst()), serverVersion: session.serverVersion))
            return .next
        case "clear" where interactive:
            Terminal.out("\u{1B}[H\u{1B}[2J")
            return .next
        default:
            return send(argvBytes, argv: argv)
        }
    }

    private func send(_ argvBytes: [[UInt8]], argv: [String]) -> Outcome {
        do throws(ConnectionError) {
            if readOnly {
                _ = try session.ensureConnected()
                if let refusal = CommandPolicy.readOnlyRefusal(argv, serverFlags: session.serverFlags(argv)) {
                    Terminal.out(Style.error("refused by --read-only: \(refusal)") + "\n")
                    return .next
                }
            }
            if interactive, !confirmed(argv) {
                Terminal.out(Style.notice("not sent") + "\n")
                return .next
            }
            let (reply, micros) = try session.execute(argvBytes)
            print(reply, argv: argv, micros: micros)
            if Self.streams(argv), !reply.isError { stream(argv) }
            return .next
        } catch {
            report(error, argv: argv)
            return interactive ? .next : .connectionFailed
        }
    }

    private func print(_ reply: RedisReply, argv: [String], micros: UInt64) {
        guard interactive else {
            // Piped input, but a terminal may still be reading the output.
            Terminal.outRaw(reply)
            return
        }
        var bytes = ReplyFormatter.prefersRaw(argv) ? ReplyFormatter.terminalSafe(ReplyFormatter.raw(reply)) : Array(ReplyFormatter.terminal(reply).utf8)
        if let message = reply.errorMessage, let redirect = ClusterRedirect.explain(message) {
            bytes += Array((Style.notice(OutputText.oneLine(redirect)) + "\n").utf8)
        }
        bytes += Array((Style.dim(Style.elapsed(micros: micros)) + "\n").utf8)
        Pager.show(bytes)
    }

    /// SUBSCRIBE and MONITOR turn the connection into a stream: print what arrives until Ctrl-C.
    static func streams(_ argv: [String]) -> Bool {
        ["SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "MONITOR"].contains(argv[0].uppercased())
    }

    private func stream(_ argv: [String]) {
        if interactive { Terminal.out(Style.notice("reading messages; Ctrl-C to stop (the connection is then re-opened)") + "\n") }
        while true {
            do throws(ConnectionError) {
                let reply = try session.receive(argv[0].uppercased())
                if interactive { Terminal.out(ReplyFormatter.terminal(reply)) } else { Terminal.outRaw(reply) }
            } catch {
                if case .cancelled = error { Terminal.out("\n") } else { report(error, argv: argv) }
                return
            }
        }
    }

    private func report(_ error: ConnectionError, argv: [String]) {
        // The command as typed, but never its secret: `AUTH pw` is shown as `AUTH`.
        let command = (HistoryFilter.carriesSecret(argv) ? argv.prefix(1) : argv.prefix(2)).joined(separator: " ").uppercased()
        let seconds = HumanFormat.number(session.timeout)
        let text: String
        switch error {
        case .cancelled(let stage) where stage == .connect || stage == .auth || stage == .select || stage == .command("CLIENT SETNAME") || stage == .command("INFO"):
            text = "connecting cancelled; \(argv[0]) was not sent"
        case .cancelled:
            text = "cancelled: no reply shown. The server may still be executing \(command); the connection was dropped and the next command reconnects"
        case .timedOut(let stage, _) where stage == .command(CommandName.of(argv)):
            text = "no reply in \(seconds) s to \(command): the server may be frozen or busy; it may still execute the command. The next command reconnects"
        case .closed(let stage) where stage == .command(CommandName.of(argv)), .reset(let stage) where stage == .command(CommandName.of(argv)):
            text = "the connection was lost while waiting for \(command) (\(error)); it may or may not have run. The next command reconnects; nothing is re-sent"
        default:
            text = "not connected: " + ConnectionAdvice.explain(error, target: session.target, timeout: session.timeout) + "; \(argv[0]) was not sent"
        }
        if interactive {
            Terminal.out(Style.error(text) + "\n")
        } else {
            Terminal.error(text)
        }
    }


    /// Asks y/N for dangerous commands; KEYS asks only above a key count.
    private func confirmed(_ argv: [String]) -> Bool {
        var keyCount: Int?
        if CommandPolicy.needsKeyCount(argv), let reply = try? session.execute([Array("DBSIZE".utf8)]) {
            keyCount = reply.reply.integer.map(Int.init)
        }
        guard let question = CommandPolicy.confirmation(argv, keyCount: keyCount) else { return true }
        Terminal.out(Style.warning(question) + " Send it? [y/N] ")
        return CommandPolicy.isYes(Self.readAnswer(canceller: session.canceller))
    }

    /// One line from the terminal (cooked mode); empty on Ctrl-C or end of input.
    static func readAnswer(canceller: Canceller) -> String {
        canceller.reset()
        var bytes: [UInt8] = []
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: canceller.readFD, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 2, -1) < 0 { if errno == EINTR { continue } else { return "" } }
            if fds[1].revents != 0 {
                canceller.reset()
                Terminal.out("\n")
                return ""
            }
            var byte: UInt8 = 0
            let n = read(0, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 || byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}

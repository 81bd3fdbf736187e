import RedisDoctorClient
import RedisDoctorCore

/// Connects, sends one command, prints the reply; the exit status follows from the outcome.
struct SendRunner {
    var connection: ConnectionSettings
    var argv: [String]

    static let defaultTimeout = 5.0

    func run() -> ExitStatus {
        guard !argv.isEmpty else {
            Terminal.error("send needs a command, e.g. redis-doctor send PING")
            return .usage
        }
        guard let session = SessionSetup.make(connection, defaultTimeout: Self.defaultTimeout) else { return .usage }
        Watchdog.bound(timeout: session.timeout, doing: "send")
        do throws(ConnectionError) {
            let link = try Connection.open(session.target, deadline: session.deadline, options: session.options)
            let reply = try link.send(argv, deadline: session.deadline)
            if Terminal.stdoutIsTTY && !ReplyFormatter.prefersRaw(argv) {
                Terminal.out(ReplyFormatter.terminal(reply))
            } else {
                // On a terminal, raw text (CLIENT LIST, INFO) still has its control bytes escaped.
                Terminal.outRaw(reply)
            }
            return reply.isError ? .errorReply : .ok
        } catch {
            return SessionSetup.report(error, target: session.target)
        }
    }
}

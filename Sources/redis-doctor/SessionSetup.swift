import RedisDoctorClient
import RedisDoctorCore

/// Turns the shared connection options into a target, deadline and options,
/// reporting bad input as a usage error. Shared by every subcommand that connects.
struct SessionSetup {
    var target: ConnectionTarget
    var deadline: Deadline
    var timeout: Double
    var options: ConnectionOptions

    init?(_ settings: ConnectionSettings, defaultTimeout: Double) {
        let spec = settings.spec
        do throws(TargetError) {
            target = try spec.resolve()
        } catch {
            Terminal.error(error.message)
            return nil
        }
        timeout = settings.timeout ?? defaultTimeout
        guard timeout > 0, timeout.isFinite, timeout <= 86_400 else {
            Terminal.error("--timeout must be a number of seconds above 0, got \(timeout)")
            return nil
        }
        options = ConnectionOptions()
        if let limit = settings.maxReplyBytes {
            guard limit > 0 else {
                Terminal.error("--max-reply-bytes must be positive, got \(limit)")
                return nil
            }
            options.maxReplyBytes = limit
        }
        if spec.passwordOnCommandLine {
            Terminal.error("warning: a password on the command line is visible in ps; prefer REDISCLI_AUTH")
        }
        deadline = Deadline(seconds: timeout)
    }

    /// Prints a connection failure and gives the exit status for `send`:
    /// a server error during AUTH or SELECT is an error reply (1), anything else means no usable server (2).
    static func report(_ error: ConnectionError, target: ConnectionTarget) -> ExitStatus {
        switch error {
        case .server(_, let message):
            Terminal.error("\(error) (\(target))")
            if Terminal.stdoutIsTTY { Terminal.out("(error) \(message)\n") }
            return .errorReply
        default:
            Terminal.error("\(error) (\(target))")
            return .unreachable
        }
    }
}

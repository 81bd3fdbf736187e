import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// A usage error with its message, for the status line and stderr alike.
struct UsageError: Error {
    var message: String
}

extension ConnectionSettings {
    /// The longest deadline accepted: one day.
    static let maximumTimeout = 86_400.0

    /// `--timeout`, or the subcommand's default; checked in every mode (live, `--from-file`,
    /// `--from-snapshot`), since it also bounds reading local files.
    func validatedTimeout(default defaultTimeout: Double) throws(UsageError) -> Double {
        let timeout = self.timeout ?? defaultTimeout
        guard timeout.isFinite, timeout > 0, timeout <= Self.maximumTimeout else {
            throw UsageError(message: "--timeout must be a number of seconds above 0 and at most 86400 (one day), got \(timeout)")
        }
        return timeout
    }
}

/// Turns the shared connection options into a target, deadline and options,
/// reporting bad input as a usage error. Shared by every subcommand that connects.
struct SessionSetup {
    var target: ConnectionTarget
    var deadline: Deadline
    var timeout: Double
    var options: ConnectionOptions

    init(_ settings: ConnectionSettings, defaultTimeout: Double) throws(UsageError) {
        let spec = settings.spec
        do throws(TargetError) {
            target = try spec.resolve()
        } catch {
            throw UsageError(message: error.message)
        }
        if let tls = target.tls {
            // Unreadable certificate files are the command line's fault: said before connecting.
            for (option, path) in [("--cacert", tls.caCertificate), ("--cacertdir", tls.caDirectory), ("--cert", tls.certificate), ("--key", tls.privateKey)] {
                guard let path, access(path, R_OK) != 0 else { continue }
                throw UsageError(message: "cannot read \(option) \(path): \(String(cString: strerror(errno)))")
            }
        }
        timeout = try settings.validatedTimeout(default: defaultTimeout)
        options = ConnectionOptions()
        if let limit = settings.maxReplyBytes {
            guard limit > 0 else { throw UsageError(message: "--max-reply-bytes must be positive, got \(limit)") }
            options.maxReplyBytes = limit
        }
        if spec.passwordOnCommandLine {
            Terminal.error("warning: a password on the command line is visible in ps; prefer REDISCLI_AUTH")
        }
        if target.tls?.verify == false {
            Terminal.error("warning: --insecure: the server's certificate and name are not verified")
        }
        deadline = Deadline(seconds: timeout)
    }

    /// For subcommands that print errors on stderr: the setup, or nil after printing why.
    static func make(_ settings: ConnectionSettings, defaultTimeout: Double) -> SessionSetup? {
        do throws(UsageError) {
            return try SessionSetup(settings, defaultTimeout: defaultTimeout)
        } catch {
            Terminal.error(error.message)
            return nil
        }
    }

    /// Prints a connection failure and gives the exit status on check's scale, for the
    /// subcommands that end in a verdict (`latency`, `keyspace`): a refused AUTH is UNKNOWN
    /// (3), no usable server CRITICAL (2), as `check` classifies the same error.
    static func reportVerdict(_ error: ConnectionError, target: ConnectionTarget) -> ExitStatus {
        let checkError = error.checkError(target: target.description)
        Terminal.error(checkError.message)
        return ExitStatus(rawValue: checkError.status.nagiosExitCode) ?? .usage
    }

    /// Prints a connection failure and gives the exit status for `send`:
    /// a server error during AUTH or SELECT is an error reply (1), a problem on this host
    /// (socket permission, path too long) is 3, anything else means no usable server (2).
    static func report(_ error: ConnectionError, target: ConnectionTarget) -> ExitStatus {
        switch error {
        case .server(_, let message):
            Terminal.error(error.message(target: target.description))
            if Terminal.stdoutIsTTY { Terminal.out("(error) \(OutputText.oneLine(message))\n") }
            return .errorReply
        case .local, .tlsSetup:
            Terminal.error(error.message(target: target.description))
            return .usage
        default:
            Terminal.error(error.message(target: target.description))
            return .unreachable
        }
    }
}

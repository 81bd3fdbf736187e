import Glibc
import RedisDoctorClient

/// Builds the session from the shared options and picks the interactive or scriptable mode.
struct ReplLauncher {
    var connection: ConnectionSettings
    var readOnly: Bool

    static let defaultTimeout = 5.0

    func run() -> ExitStatus {
        guard let setup = SessionSetup.make(connection, defaultTimeout: Self.defaultTimeout) else { return .usage }
        let session = ReplSession(target: setup.target, timeout: setup.timeout, options: setup.options, canceller: Canceller())
        if isatty(0) == 1 {
            return ReplRunner(session: session, readOnly: readOnly).run()
        }
        return ReplScriptRunner(session: session, readOnly: readOnly).run()
    }
}

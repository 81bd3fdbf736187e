import ArgumentParser

/// The process exit codes, one table for every subcommand (Docs/exit-codes.md).
enum ExitStatus: Int32 {
    case ok = 0
    /// `send`: the server answered with an error reply. `check`: WARNING.
    case errorReply = 1
    /// `send`: unreachable, timed out, or not a Redis server. `check`: CRITICAL.
    case unreachable = 2
    /// Usage errors; `check`: UNKNOWN.
    case usage = 3

    var exitCode: ExitCode { ExitCode(rawValue) }
}

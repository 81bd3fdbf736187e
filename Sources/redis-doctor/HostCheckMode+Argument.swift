import ArgumentParser
import RedisDoctorCore

/// `--host-checks auto|off|pid=N`, shared by `check` and `snapshot`.
extension HostCheckMode: ExpressibleByArgument {
    public init?(argument: String) {
        guard case .success(let mode) = HostCheckMode.parse(argument) else { return nil }
        self = mode
    }

    public var defaultValueDescription: String { text }

    static let help = ArgumentHelp(
        "Read the server's host (/proc, /sys, the disk of dir) for the host rules: auto (when the server is on this host), off, or pid=N (the server's process, for containers).",
        valueName: "auto|off|pid=N")
}

import ArgumentParser
import Glibc

/// `redis-doctor serve`: the exporter is its own executable (redis-doctor-serve, beside this
/// one), so the one-shot subcommands never load its HTTP server (Docs/performance.md).
/// This command only checks the words and replaces itself with it.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "A Prometheus multi-target exporter: /scrape?target=HOST:PORT runs the health rules on one target.",
        discussion: "Also /metrics (its own), /discover, /-/healthy and POST /-/reload. Targets are limited to allow_targets (loopback by default); credentials come from [module NAME] sections of --config, never from the target. Exit codes: 0 stopped by SIGTERM/SIGINT, 2 cannot listen, 3 usage or a bad configuration. See Docs/serve.md."
    )

    @Option(name: .long, help: ArgumentHelp("Where to listen (default 127.0.0.1:9645).", valueName: "addr:port"))
    var listen: String?

    @Option(name: .long, help: ArgumentHelp("Rule settings, [serve] and [module NAME] sections.", valueName: "file"))
    var config: String?

    func run() throws {
        throw ExitCode(ServeLauncher(listen: listen, config: config).exec())
    }
}

/// Finds redis-doctor-serve next to this executable and execs it with the same options.
struct ServeLauncher {
    var listen: String?
    var config: String?

    static let executableName = "redis-doctor-serve"

    func exec() -> Int32 {
        guard let path = Self.sibling() else {
            Terminal.error("redis-doctor serve: \(Self.executableName) is not installed next to redis-doctor")
            return ExitStatus.usage.rawValue
        }
        var words = [Self.executableName]
        if let listen { words += ["--listen", listen] }
        if let config { words += ["--config", config] }
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        execv(path, &argv)
        Terminal.error("redis-doctor serve: cannot start \(path): \(String(cString: strerror(errno)))")
        return ExitStatus.usage.rawValue
    }

    /// `/proc/self/exe`'s directory, then the PATH entry redis-doctor was found in.
    static func sibling() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let own = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = own.lastIndex(of: "/") else { return nil }
        let path = String(own[..<slash]) + "/" + executableName
        return access(path, X_OK) == 0 ? path : nil
    }
}

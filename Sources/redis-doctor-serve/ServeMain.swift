import CBuildInfo
import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix
import RedisDoctorClient
import RedisDoctorCore

/// `redis-doctor serve`: load the configuration, listen, serve until stopped. Exit codes:
/// 0 stopped by SIGTERM or SIGINT, 2 cannot listen, 3 usage or a bad configuration.
enum ServeMain {
    static func run() -> Never {
        let arguments: ServeArguments
        switch ServeArguments.parse(Array(CommandLine.arguments.dropFirst())) {
        case .help:
            ServeLog.write(1, ServeArguments.help)
            exit(0)
        case .version:
            ServeLog.write(1, "redis-doctor-serve \(RedisDoctorVersion.current) (commit \(String(cString: rd_build_commit())))\n")
            exit(0)
        case .usage(let message):
            fail(message, code: 3)
        case .run(let parsed):
            arguments = parsed
        }
        let config: ServeConfig
        switch ServeConfigFile.load(arguments.config) {
        case .failure(let error): fail("configuration not loaded: \(error)", code: 3)
        case .success(let loaded): config = loaded
        }
        let auth: RequestAuth
        switch RequestAuth.load(config) {
        case .failure(let error): fail("configuration not loaded: \(error)", code: 3)
        case .success(let loaded): auth = loaded
        }
        let listen = arguments.listen ?? config.listen ?? ServeConfig.defaultListen
        guard let (host, port) = HostPort.parse(listen) else {
            fail("--listen \(OutputText.oneLine(listen)): expected ADDR:PORT (127.0.0.1:9645, [::1]:9645)", code: 3)
        }
        let exporter = Exporter(config: config, configPath: arguments.config, auth: auth)
        // A parent may have started it with signals blocked (the mask is inherited): unblock
        // them, or SIGTERM would stay pending for ever.
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        // SIGTERM and SIGINT end it at once: it keeps nothing that needs saving.
        signal(SIGTERM) { _ in _exit(0) }
        signal(SIGINT) { _ in _exit(0) }
        signal(SIGPIPE, SIG_IGN)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(HTTPHandler(exporter: exporter))
                }
            }
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
        let channel: Channel
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            fail("cannot listen on \(listen): \(error)", code: 2)
        }
        let allowed = config.allowTargets == TargetAllowList.loopback ? "loopback only" : "allow_targets from the configuration"
        ServeLog.line("listening on http://\(listen) (targets: \(allowed); modules: \(config.modules.keys.sorted().joined(separator: ", ")))")
        try? channel.closeFuture.wait()
        exit(0)
    }

    static func fail(_ message: String, code: Int32) -> Never {
        ServeLog.line(message)
        exit(code)
    }
}

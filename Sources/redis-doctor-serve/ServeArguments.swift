import RedisDoctorCore

/// `redis-doctor serve [--listen ADDR:PORT] [--config FILE]`, read without ArgumentParser:
/// two options, and `redis-doctor serve` (which has the help) passes them on unchanged.
struct ServeArguments {
    var listen: String?
    var config: String?

    enum Outcome {
        case run(ServeArguments)
        case help
        case version
        case usage(String)
    }

    static let help = """
        USAGE: redis-doctor serve [--listen <addr:port>] [--config <file>]

        A Prometheus multi-target exporter: GET /scrape?target=HOST:PORT[&module=NAME][&mode=cluster|sentinel&master=NAME]
        runs the health rules on one target. Also /metrics, /discover, /-/healthy and POST /-/reload (Docs/serve.md).

        OPTIONS:
          --listen <addr:port>  Where to listen (default \(ServeConfig.defaultListen), loopback only).
          --config <file>       Rule settings, [serve] and [module NAME] sections (Docs/serve.md).
          -h, --help            Show help information.

        """

    static func parse(_ words: [String]) -> Outcome {
        var arguments = ServeArguments()
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--help" || word == "-h" { return .help }
            if word == "--version" { return .version }
            var name = word
            var value: String?
            if let equals = word.firstIndex(of: "="), word.hasPrefix("--") {
                name = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            }
            guard name == "--listen" || name == "--config" else {
                return .usage("unknown option \(OutputText.oneLine(word)) (serve takes --listen and --config)")
            }
            if value == nil {
                guard index < words.count else { return .usage("\(name) needs a value") }
                value = words[index]
                index += 1
            }
            if name == "--listen" {
                guard arguments.listen == nil else { return .usage("--listen is given twice") }
                arguments.listen = value
            } else {
                guard arguments.config == nil else { return .usage("--config is given twice") }
                arguments.config = value
            }
        }
        return .run(arguments)
    }
}

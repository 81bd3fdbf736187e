/// `check_redis_doctor`: the binary under the Monitoring Plugins name (a symlink in
/// lib/nagios/plugins) is a plugin, never the REPL. Its words become a `check`: the
/// connection options go before the subcommand, everything else after it, and `-H` (the
/// Nagios spelling of the host) is `-h`, `-V` is `--version`. Without this, the default
/// subcommand (the REPL, which with stdin not a terminal runs nothing and exits 0) would
/// be a probe that always says OK.
enum PluginInvocation {
    static let name = "check_redis_doctor"

    static func isPlugin(_ argv0: String?) -> Bool {
        guard let argv0 else { return false }
        return argv0.split(separator: "/").last.map { $0 == name } ?? false
    }

    static func checkWords(_ words: [String]) -> [String] {
        var connection: [String] = []
        var rest: [String] = []
        var index = 0
        while index < words.count {
            var word = words[index]
            index += 1
            if word == "-H" { word = "-h" }
            if word == "-V" { return ["--version"] }
            if RootCommandCheck.valued.contains(word) {
                // Without its value (last word, an empty macro, another option next) it goes
                // after `check`, where the parser says so: UNKNOWN, never the silent REPL.
                guard index < words.count, !words[index].isEmpty, !words[index].hasPrefix("-") || Double(words[index]) != nil else {
                    rest.append(word)
                    continue
                }
                connection.append(word)
                connection.append(words[index])
                index += 1
            } else if word == "--tls" || word == "--insecure"
                        || (word.hasPrefix("--") && word.contains("=") && RootCommandCheck.valued.contains(String(word.prefix { $0 != "=" }))) {
                connection.append(word)
            } else {
                rest.append(word)
            }
        }
        return connection + ["check"] + rest
    }
}

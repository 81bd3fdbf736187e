import ArgumentParser
import RedisDoctorCore

/// A bare word where a subcommand belongs is a typo (`redis-doctor chek`): the REPL, the
/// default subcommand, takes no words, so its usage would only confuse. The word itself is
/// not echoed (after `-a my secret` it is part of a password); a close command is suggested.
enum RootCommandCheck {
    static let subcommands = ["repl", "send", "check", "clients", "cluster", "discover", "snapshot", "rules", "serve", "acl", "diagnose", "watch", "latency", "keyspace", "help"]
    /// Root options that take a value (the connection options).
    static let valued: Set<String> = ["-h", "--host", "-p", "--port", "-s", "--socket", "-a", "--pass", "--user",
                                      "-n", "--db", "-u", "--uri", "-t", "--timeout", "--max-reply-bytes",
                                      "--cacert", "--cacertdir", "--cert", "--key", "--sni"]

    /// The root usage and where the rest is: the options are too many for one line.
    static var rootUsage: String {
        "Usage: " + RedisDoctor.usageString() + "\n  See 'redis-doctor --help' for the connection and TLS options and the commands."
    }

    /// Root flags, and the REPL's own (it is the default subcommand).
    static let flags: Set<String> = ["--help", "--version", "--read-only", "--tls", "--insecure"]

    /// A flag, or `--port=6379` (a long option with its value attached).
    static func isKnownRootOption(_ word: String) -> Bool {
        if flags.contains(word) { return true }
        if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") { return valued.contains(String(word[..<equals])) }
        return false
    }

    /// The message for an unknown subcommand, or nil when the words are not that case.
    static func problem(_ words: [String]) -> String? {
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" || word.hasPrefix("--generate-completion-script") || word.hasPrefix("---") || word == "--experimental-dump-help" { return nil }
            if word.hasPrefix("-") {
                if valued.contains(word) {
                    index += 2
                    continue
                }
                if !word.hasPrefix("--"), word.count > 2, valued.contains(String(word.prefix(2))) {
                    // redis-cli's spelling: the value is the next word. Never echo it (-aPASSWORD).
                    return "option '\(word.prefix(2))' takes its value as the next word ('\(word.prefix(2)) VALUE')\n\n" + rootUsage
                }
                guard isKnownRootOption(word) else {
                    // The option's name only, never an attached value.
                    let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
                    return "unknown option '\(name.hasPrefix("--") ? name : String(name.prefix(2)))' before the command\n\n" + rootUsage
                }
                index += 1
                continue
            }
            guard !subcommands.contains(word) else { return nil }
            var message = "unknown command"
            let hint = RuleSettings.suggestion(for: word, among: subcommands)
            if !hint.isEmpty { message += ":" + hint.dropFirst() }
            let commands: String = subcommands.dropLast().joined(separator: ", ")
            message += " (commands: \(commands))\n\n"
            return message + rootUsage
        }
        return nil
    }
}

import ArgumentParser
import RedisDoctorCore

/// A bare word where a subcommand belongs is a typo (`redis-doctor chek`): the REPL, the
/// default subcommand, takes no words, so its usage would only confuse. The word itself is
/// not echoed (after `-a my secret` it is part of a password); a close command is suggested.
enum RootCommandCheck {
    static let subcommands = ["repl", "send", "check", "clients", "snapshot", "rules", "help"]
    /// Root options that take a value (the connection options).
    static let valued: Set<String> = ["-h", "--host", "-p", "--port", "-s", "--socket", "-a", "--pass", "--user",
                                      "-n", "--db", "-u", "--uri", "-t", "--timeout", "--max-reply-bytes"]

    /// The message for an unknown subcommand, or nil when the words are not that case.
    static func problem(_ words: [String]) -> String? {
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" || word.hasPrefix("--generate-completion-script") || word.hasPrefix("---") { return nil }
            if word.hasPrefix("-") {
                index += valued.contains(word) ? 2 : 1
                continue
            }
            guard !subcommands.contains(word) else { return nil }
            var message = "unknown command"
            let hint = RuleSettings.suggestion(for: word, among: subcommands)
            if !hint.isEmpty { message += ":" + hint.dropFirst() }
            let commands: String = subcommands.dropLast().joined(separator: ", ")
            message += " (commands: \(commands))\n\n"
            return message + RedisDoctor.usageString()
        }
        return nil
    }
}

import RedisDoctorCore

/// The UNKNOWN report for a `check` command line the parser refused (`--format xml`,
/// `--bogus`), in the requested format where it can be told, for stdout.
struct CheckUsageReport {
    var text: String

    init?(words: [String], parserMessage: String) {
        guard words.contains("check") else { return nil }
        var format = OutputFormat.nagios
        for (index, word) in words.enumerated() {
            let value: String?
            if word.hasPrefix("--format=") { value = String(word.dropFirst("--format=".count)) }
            else if word == "--format", index + 1 < words.count { value = words[index + 1] }
            else { value = nil }
            if let value, let chosen = OutputFormat(rawValue: value) { format = chosen }
        }
        // The parser's first line names the problem ("Error: Unknown option '--bogus'").
        var reason = parserMessage.split(separator: "\n").first.map(String.init) ?? "invalid command line"
        if reason.hasPrefix("Error: ") { reason.removeFirst("Error: ".count) }
        let report = CheckReport(target: "-", error: CheckError(kind: .usage, message: "usage: \(reason) (see redis-doctor check --help)"))
        let rendered = format.render(report)
        text = rendered.hasSuffix("\n") ? rendered : rendered + "\n"
    }
}

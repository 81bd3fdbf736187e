import RedisDoctorCore

/// ANSI styling for the REPL's own messages; plain when stdout is not a terminal or NO_COLOR is set.
enum Style {
    static let enabled = Terminal.stdoutIsTTY && Terminal.environment("NO_COLOR") == nil

    static func dim(_ text: String) -> String { wrap(text, "2") }
    static func notice(_ text: String) -> String { wrap("-- " + text, "36") }
    static func warning(_ text: String) -> String { wrap("!! " + text, "1;33") }
    static func error(_ text: String) -> String { wrap("!! " + text, "1;31") }

    private static func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }

    /// `(0.21 ms)`, `(12.3 ms)`, `(1.52 s)`.
    static func elapsed(micros: UInt64) -> String {
        let ms = Double(micros) / 1000
        if ms < 10 { return "(\(HumanFormat.fixed(ms, 2)) ms)" }
        if ms < 1000 { return "(\(HumanFormat.fixed(ms, 1)) ms)" }
        return "(\(HumanFormat.fixed(ms / 1000, 2)) s)"
    }
}

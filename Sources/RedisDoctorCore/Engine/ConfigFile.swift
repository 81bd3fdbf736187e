/// The INI-like grammar every redis-doctor config file uses (Docs/configuration.md): `#`
/// comments, `[section]` headers, `key = value` lines. One reader for the rule settings
/// (`[rule-id]`) and the exporter's `[serve]` and `[module NAME]` sections.
public struct ConfigFile: Sendable {
    public struct Entry: Sendable {
        public var key: String
        public var value: String
        /// `file:line`, for messages.
        public var source: String
    }

    public struct Section: Sendable {
        /// Nil for the lines before the first header.
        public var name: String?
        public var source: String
        public var entries: [Entry]
    }

    public var sections: [Section]

    public init(parsing text: String, name: String) throws(RuleSettingsError) {
        sections = [Section(name: nil, source: "\(name):1", entries: [])]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let source = "\(name):\(lineNumber)"
            let line = RuleSettings.trimmed(Substring(rawLine))
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count >= 2 else {
                    throw RuleSettingsError(source: source, message: "section header must look like [rule-id]")
                }
                sections.append(Section(name: RuleSettings.trimmed(line.dropFirst().dropLast()), source: source, entries: []))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw RuleSettingsError(source: source, message: "expected \"key = value\", a [rule-id] section or a # comment")
            }
            let key = RuleSettings.trimmed(line[..<equals])
            let value = RuleSettings.trimmed(line[line.index(after: equals)...])
            guard !key.isEmpty else { throw RuleSettingsError(source: source, message: "missing key before \"=\"") }
            guard !value.isEmpty else { throw RuleSettingsError(source: source, message: "missing value for \"\(key)\"") }
            sections[sections.count - 1].entries.append(Entry(key: key, value: value, source: source))
        }
    }

    /// Sections that configure the exporter, not the rules: `[serve]`, `[module NAME]`.
    public static func isServeSection(_ name: String) -> Bool {
        name == "serve" || name.hasPrefix("module ") || name.hasPrefix("module\t")
    }
}

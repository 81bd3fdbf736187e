/// One `# Name` section of an INFO reply, in server order.
public struct InfoSection: Sendable, Equatable {
    /// The header text after `#`, blanks trimmed; `""` for the implicit
    /// section of a flat pre-2.6 reply (or lines before the first header).
    public var name: String
    public var entries: [InfoEntry]
    /// Non-empty lines without a `:` (Pika `db0 Strings_keys=0, ...`, Garnet
    /// free text), kept so nothing is silently lost.
    public var unparsedLines: [String]

    public init(name: String, entries: [InfoEntry] = [], unparsedLines: [String] = []) {
        self.name = name
        self.entries = entries
        self.unparsedLines = unparsedLines
    }

    /// The first value for `key` in this section.
    public func value(_ key: String) -> String? {
        entries.first { $0.key == key }?.value
    }
}

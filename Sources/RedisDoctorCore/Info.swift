/// A parsed INFO reply: ordered sections of raw `key:value` entries.
///
/// Parse once, then look up. Unknown fields and sections are kept. Keys that
/// repeat (`module:`, a doubled Sentinel `master0:`) are all kept in their
/// sections; `value(_:)` returns the FIRST occurrence in reply order and
/// `values(_:)` returns every one.
public struct Info: Sendable, Equatable {
    public private(set) var sections: [InfoSection]
    /// key -> (section index, entry index) of its first occurrence.
    private var index: [String: Position]

    struct Position: Sendable, Equatable {
        var section: Int32
        var entry: Int32
    }

    public init(sections: [InfoSection] = []) {
        self.sections = sections
        self.index = [:]
        rebuildIndex()
    }

    /// True when no section holds a key (empty reply, unknown section name).
    public var isEmpty: Bool { index.isEmpty }

    /// The raw value of `key`, searching all sections; first occurrence wins.
    public func value(_ key: String) -> String? {
        guard let position = index[key] else { return nil }
        return sections[Int(position.section)].entries[Int(position.entry)].value
    }

    /// Every value of `key`, in reply order (for repeated keys such as `module`).
    public func values(_ key: String) -> [String] {
        sections.flatMap { section in section.entries.filter { $0.key == key }.map(\.value) }
    }

    /// The name of the section that holds the first `key`.
    public func sectionName(containing key: String) -> String? {
        index[key].map { sections[Int($0.section)].name }
    }

    /// The first section whose name matches, compared case-insensitively (`CPU` = `Cpu`).
    public func section(named name: String) -> InfoSection? {
        sections.first { Bytes.equalsIgnoringCase($0.name, name) }
    }

    /// All entries of all sections, in reply order.
    public var entries: [InfoEntry] { sections.flatMap(\.entries) }

    /// Adds the sections of `other` whose names are not present yet; for
    /// keys present in both, the existing (first) value keeps winning.
    public mutating func merge(_ other: Info) {
        for section in other.sections where self.section(named: section.name) == nil {
            sections.append(section)
        }
        rebuildIndex()
    }

    private mutating func rebuildIndex() {
        var index: [String: Position] = [:]
        for (s, section) in sections.enumerated() {
            for (e, entry) in section.entries.enumerated() where index[entry.key] == nil {
                index[entry.key] = Position(section: Int32(s), entry: Int32(e))
            }
        }
        self.index = index
    }
}

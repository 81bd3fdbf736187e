/// A parsed INFO reply: ordered sections of raw `key:value` entries.
///
/// Parse once, then look up. Unknown fields and sections are kept. Keys that
/// repeat (`module:`, a doubled Sentinel `master0:`) are all kept in their
/// sections; `value(_:)` returns the FIRST occurrence in reply order and
/// `values(_:)` returns every one.
public struct Info: Sendable, Equatable {
    public private(set) var sections: [InfoSection]
    /// Hash of a key to the position of the first entry with that hash, packed as
    /// `section << 32 | entry`. An IntegerTable rather than a [String: Position]: about
    /// 300 keys hashed once each per check, and no Dictionary growth (callgrind).
    private var index = IntegerTable()
    /// Hashes shared by different keys (never seen in practice): those keys are looked
    /// up by a scan in reply order.
    private var collisions = IntegerTable()

    public init(sections: [InfoSection] = []) {
        self.sections = sections
        rebuildIndex()
    }

    /// Sections decide; the index is derived from them.
    public static func == (a: Self, b: Self) -> Bool { a.sections == b.sections }

    /// True when no section holds a key (empty reply, unknown section name).
    public var isEmpty: Bool { index.count == 0 }

    /// The raw value of `key`, searching all sections; first occurrence wins.
    public func value(_ key: String) -> String? {
        position(of: key).map { sections[$0.section].entries[$0.entry].value }
    }

    /// Every value of `key`, in reply order (for repeated keys such as `module`).
    public func values(_ key: String) -> [String] {
        sections.flatMap { section in section.entries.filter { $0.key == key }.map(\.value) }
    }

    /// The name of the section that holds the first `key`.
    public func sectionName(containing key: String) -> String? {
        position(of: key).map { sections[$0.section].name }
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
        var index = IntegerTable(minimumCapacity: sections.reduce(0) { $0 + $1.entries.count }), collisions = IntegerTable()
        for (s, section) in sections.enumerated() {
            for (e, entry) in section.entries.enumerated() {
                let hash = Self.hash(entry.key)
                if let first = index[hash] {
                    if entryKey(first) != entry.key { collisions.set(1, for: hash) }
                } else {
                    index.set(s << 32 | e, for: hash)
                }
            }
        }
        self.index = index
        self.collisions = collisions
    }

    private func entryKey(_ packed: Int) -> String {
        sections[packed >> 32].entries[packed & 0xFFFF_FFFF].key
    }

    /// Section and entry of the first `key`.
    private func position(of key: String) -> (section: Int, entry: Int)? {
        let hash = Self.hash(key)
        guard let first = index[hash] else { return nil }
        if entryKey(first) == key { return (first >> 32, first & 0xFFFF_FFFF) }
        guard collisions[hash] != nil else { return nil }
        for (s, section) in sections.enumerated() {
            if let e = section.entries.firstIndex(where: { $0.key == key }) { return (s, e) }
        }
        return nil
    }

    /// FNV-1a of the key's UTF-8.
    private static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

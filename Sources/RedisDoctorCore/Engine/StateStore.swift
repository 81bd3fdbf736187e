/// The state file's contents: per target, the previous run's payload and when it was written.
///
/// The payload is opaque here (another codec encodes the snapshot). The container is
/// a small text-framed format, robust to binary payloads and detectably truncated:
///
/// ```
/// redis-doctor-state 1\n
/// entry <target> <written-at-micros> <length>\n
/// <length raw bytes>\n
/// ...
/// end\n
/// ```
/// `<target>` is percent-encoded: every byte outside `!`...`~`, and `%` itself, as `%XX`.
/// Entries are written sorted by target so the file is deterministic. An empty file
/// decodes to an empty store (first run). Writing it atomically is the caller's job.
public struct StateStore: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var payload: [UInt8]
        /// Wall-clock microseconds since the epoch, supplied by the caller.
        public var writtenAtMicros: Int64

        public init(payload: [UInt8], writtenAtMicros: Int64) {
            self.payload = payload
            self.writtenAtMicros = writtenAtMicros
        }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    public subscript(target: String) -> Entry? {
        get { entries[target] }
        set { entries[target] = newValue }
    }

    /// Replaces the entry for `target`.
    public mutating func record(_ payload: [UInt8], for target: String, writtenAtMicros: Int64) {
        entries[target] = Entry(payload: payload, writtenAtMicros: writtenAtMicros)
    }

    /// Drops entries older than `micros`, so targets no longer checked do not pile up.
    public func removingEntries(writtenBefore micros: Int64) -> StateStore {
        StateStore(entries: entries.filter { $0.value.writtenAtMicros >= micros })
    }

    /// The first word of every state file, whatever its version.
    public static let fileTag = "redis-doctor-state"
    static let magic = fileTag + " 1"
}

/// Why a state file could not be read, and where.
public struct StateStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the container (payload bytes are not counted as lines).
    public var line: Int
    /// 0-based byte offset of the problem in the file.
    public var offset: Int
    public var reason: String

    public init(line: Int, offset: Int, reason: String) {
        self.line = line
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "state file line \(line) (byte \(offset)): \(reason)" }
}

extension StateStore {
    /// Drops the oldest entries, never `keep`, until the payloads total at most `bytes`:
    /// a state file shared by many targets must stay readable (under the local-file cap),
    /// or every target would lose its baseline at once.
    public func trimmed(toPayloadBytes bytes: Int, keeping keep: String) -> StateStore {
        var total = entries.values.reduce(0) { $0 + $1.payload.count }
        guard total > bytes else { return self }
        var copy = self
        for (target, entry) in entries.sorted(by: { $0.value.writtenAtMicros < $1.value.writtenAtMicros }) where target != keep {
            copy.entries[target] = nil
            total -= entry.payload.count
            if total <= bytes { break }
        }
        return copy
    }
}

/// Why a snapshot file could not be read, and where.
public struct SnapshotFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number of the offending line.
    public var line: Int
    /// 0-based byte offset of the offending position in the file.
    public var offset: Int
    public var message: String

    public var description: String { "snapshot line \(line) (byte \(offset)): \(message)" }
}

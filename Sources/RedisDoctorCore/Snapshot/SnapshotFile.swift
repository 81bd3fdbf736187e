/// The `redis-doctor-snapshot 1` text format: a diff-friendly, attachable
/// record of a `Snapshot`. Described for users in Docs/snapshot-format.md.
///
/// Shape: a header line, `key: value` header fields, then one record per
/// exchange (`>>> ARGS`, optional `elapsed-usec: N`, a RESP-like reply with
/// LF framing) or skipped command (`!!! ARGS` + `reason: TEXT`). Bulk
/// payloads are length-prefixed raw bytes, so INFO keeps its CRLFs exactly.
public enum SnapshotFile {
    public static let magic = "redis-doctor-snapshot"
    /// The newest format: 2 adds host file records (`=== PATH`), which a version-1 reader
    /// would refuse, so a snapshot without them is still written as 1.
    public static let version = 2
    /// Deeper replies are refused rather than risking the stack.
    static let maxDepth = 64
}

import RedisDoctorClient
import RedisDoctorCore

/// The previous run's snapshot per target, so cron and Nagios runs see deltas
/// between runs instead of lifetime counters.
struct StateFile {
    var path: String

    /// Entries older than this are dropped on write: a week-old sample is no baseline.
    static let maximumAgeMicros: Int64 = 7 * 86_400 * 1_000_000

    func previous(for target: String) -> Snapshot? {
        guard let bytes = try? FileIO.read(path), !bytes.isEmpty else { return nil }
        do {
            let store = try StateStore(decoding: bytes)
            guard let entry = store[target] else { return nil }
            return try SnapshotFile.decode(entry.payload)
        } catch {
            Terminal.error("warning: ignoring unreadable state file \(path): \(error)")
            return nil
        }
    }

    func record(_ snapshot: Snapshot, for target: String) {
        let now = WallClock.nowMicros()
        let existing = (try? FileIO.read(path)) ?? []
        // A mistyped path must not replace someone's redis.conf: only our own file is rewritten.
        guard existing.isEmpty || existing.starts(with: Array(StateStore.fileTag.utf8)) else {
            Terminal.error("warning: \(path) is not a redis-doctor state file; not overwriting it")
            return
        }
        var store = (try? StateStore(decoding: existing)) ?? StateStore()
        store = store.removingEntries(writtenBefore: now - Self.maximumAgeMicros)
        store.record(SnapshotFile.encode(snapshot), for: target, writtenAtMicros: now)
        do throws(FileIO.Failure) {
            try FileIO.writeAtomically(store.encoded(), to: path)
        } catch {
            Terminal.error("warning: could not write state file \(error)")
        }
    }
}

import RedisDoctorClient
import RedisDoctorCore

/// The previous run's snapshot per target, so cron and Nagios runs see deltas
/// between runs instead of lifetime counters.
struct StateFile {
    var path: String

    /// Entries older than this are dropped on write: a week-old sample is no baseline.
    static let maximumAgeMicros: Int64 = 7 * 86_400 * 1_000_000

    /// Only a regular file (or nothing yet) is ours: a device, a FIFO or a link at the
    /// path is reported and left untouched, never opened.
    private var refusal: String? {
        guard let kind = FileIO.kind(of: path), kind != "regular file" else { return nil }
        return "\(path) is a \(kind), not a regular file"
    }

    func previous(for target: String) -> Snapshot? {
        if let refusal {
            Terminal.error("warning: \(refusal); state file not used")
            return nil
        }
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

    /// Records `snapshot` as the next run's baseline, unless `previous` is too recent
    /// to judge against (`minimumInterval`): a rerun by hand must not reset the baseline.
    func record(_ snapshot: Snapshot, for target: String, previous: Snapshot?, minimumInterval: Double) {
        guard refusal == nil else { return }
        if let before = previous?.takenAtMicros, let now = snapshot.takenAtMicros,
           now >= before, Double(now - before) / 1_000_000 < minimumInterval {
            return
        }
        let now = WallClock.nowMicros()
        let existing: [UInt8]
        do throws(FileIO.Failure) {
            existing = FileIO.kind(of: path) == nil ? [] : try FileIO.read(path)
        } catch {
            Terminal.error("warning: could not read state file \(error); not overwriting it")
            return
        }
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

import Glibc
import RedisDoctorClient
import RedisDoctorCore

/// The previous run's snapshot per target, so cron and Nagios runs see deltas
/// between runs instead of lifetime counters.
struct StateFile {
    var path: String

    /// Entries older than this are dropped on write: a week-old sample is no baseline.
    static let maximumAgeMicros: Int64 = 7 * 86_400 * 1_000_000
    /// Oldest targets are dropped past this, so the file stays well under the read cap.
    static let maximumPayloadBytes = FileIO.readLimit / 2

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
        if let before = previous?.takenAtMicros, let now = snapshot.takenAtMicros {
            // In Double: a corrupt time must not overflow.
            let seconds = (Double(now) - Double(before)) / 1_000_000
            if seconds >= 0 && seconds < minimumInterval { return }
        }
        // Checks sharing one file (Nagios runs them in parallel) take turns, so none
        // drops another's update.
        let lock = FileLock(path: path + ".lock")
        defer { lock?.release() }
        let now = WallClock.nowMicros()
        var existing: [UInt8] = []
        if FileIO.kind(of: path) != nil {
            do throws(FileIO.Failure) {
                existing = try FileIO.read(path)
            } catch {
                // Too large to read: start afresh, but only over a file that is ours.
                guard FileIO.startsWith(path, StateStore.fileTag) else {
                    Terminal.error("warning: could not read state file \(error); not overwriting it")
                    return
                }
                Terminal.error("warning: state file \(error); starting it afresh")
            }
        }
        // A mistyped path must not replace someone's redis.conf: only our own file is rewritten.
        guard existing.isEmpty || existing.starts(with: Array(StateStore.fileTag.utf8)) else {
            Terminal.error("warning: \(path) is not a redis-doctor state file; not overwriting it")
            return
        }
        var store = (try? StateStore(decoding: existing)) ?? StateStore()
        store = store.removingEntries(writtenBefore: now - Self.maximumAgeMicros)
        store.record(SnapshotFile.encode(snapshot), for: target, writtenAtMicros: now)
        store = store.trimmed(toPayloadBytes: Self.maximumPayloadBytes, keeping: target)
        do throws(FileIO.Failure) {
            try FileIO.writeAtomically(store.encoded(), to: path)
        } catch {
            Terminal.error("warning: could not write state file \(error)")
        }
    }
}

/// An exclusive flock(2) on a lock file beside the state file, created safely.
struct FileLock {
    private let fd: Int32

    init?(path: String) {
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                return nil
            }
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

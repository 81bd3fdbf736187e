import Glibc

/// Which server exchange the process is in, readable from the watchdog thread without
/// locks or allocation: when a run outlives its bound inside an exchange, the report is
/// "no reply to INFO" (CRITICAL, the server is not answering), not a local fault.
public enum ServerWait {
    static let capacity = 48
    /// Stage name bytes, then a length byte; written by the main thread only.
    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1)
        p.initialize(repeating: 0, count: capacity + 1)
        return p
    }()

    static func enter(_ stage: ConnectionStage) {
        // One writer, the main thread: no torn names.
        guard isMainThread else { return }
        var count = 0
        for byte in stage.reportedName.utf8.prefix(capacity) {
            // Only what reads safely in every output format.
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x20 || byte == 0x2D || byte == 0x2E
            storage[count] = safe ? byte : UInt8(ascii: "?")
            count += 1
        }
        storage[capacity] = UInt8(count)
    }

    static func leave() {
        guard isMainThread else { return }
        storage[capacity] = 0
    }

    /// Set on fan-out threads: they leave the stage to the main thread.
    private static let workerKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static var isMainThread: Bool { pthread_getspecific(workerKey) == nil }

    /// Called first on every fan-out thread.
    static func markWorkerThread() {
        pthread_setspecific(workerKey, UnsafeRawPointer(bitPattern: 1))
    }

    /// The stage being waited on, or nil outside any exchange.
    public static var currentStage: [UInt8]? {
        let count = Int(storage[capacity])
        guard count > 0 else { return nil }
        return Array(UnsafeBufferPointer(start: storage, count: count))
    }
}

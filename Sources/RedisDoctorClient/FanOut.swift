import Glibc

/// Runs one job per item on at most `concurrency` threads and returns the results in the
/// items' order: the one fan-out for cluster nodes, sentinels and the exporter's targets.
/// Each job bounds itself (its connection has a deadline); this only shares the work.
public enum FanOut {
    public static let defaultConcurrency = 8

    public static func map<Item: Sendable, Output: Sendable>(_ items: [Item], concurrency: Int = defaultConcurrency,
                                                              _ job: @escaping @Sendable (Item) -> Output) -> [Output] {
        guard !items.isEmpty else { return [] }
        let work = Work(items: items, job: job)
        let helpers = min(max(concurrency, 1), items.count) - 1
        var threads: [pthread_t] = []
        for _ in 0..<helpers {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(Drain(work.drain)).toOpaque()
            if pthread_create(&thread, nil, { context in
                ServerWait.markWorkerThread()
                Unmanaged<Drain>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context) == 0 {
                threads.append(thread)
            } else {
                Unmanaged<Drain>.fromOpaque(context).release()
            }
        }
        // The calling thread works too: with no helper thread, the jobs still run.
        work.drain()
        for thread in threads { pthread_join(thread, nil) }
        return work.outputs()
    }
}

/// What a helper thread runs, passed through pthread_create's one pointer.
private final class Drain: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// The items, the next one to take, and the outputs; guarded by one mutex.
private final class Work<Item: Sendable, Output: Sendable>: @unchecked Sendable {
    let items: [Item]
    let job: @Sendable (Item) -> Output
    private var next = 0
    private var results: [Output?]
    private var mutex = pthread_mutex_t()

    init(items: [Item], job: @escaping @Sendable (Item) -> Output) {
        self.items = items
        self.job = job
        results = Array(repeating: nil, count: items.count)
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    func drain() {
        while let index = take() {
            let output = job(items[index])
            pthread_mutex_lock(&mutex)
            results[index] = output
            pthread_mutex_unlock(&mutex)
        }
    }

    private func take() -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard next < items.count else { return nil }
        next += 1
        return next - 1
    }

    func outputs() -> [Output] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return results.map { $0! }
    }
}

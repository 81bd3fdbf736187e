// Release-mode benchmarks: `swift run -c release redis-doctor-bench`.
// Foundation is fine here (only to read fixtures); Core stays free of it.
import Foundation
import RedisDoctorCore

let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../Tests/RedisDoctorCoreTests/Fixtures/corpus")
    .standardized

func load(_ name: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(name).path) else {
        fatalError("missing fixture \(name) under \(corpus.path)")
    }
    return [UInt8](data)
}

/// INFO as a server sends it: CRLF line ends.
func crlf(_ bytes: [UInt8]) -> [UInt8] {
    bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
}

/// A synthetic CLIENT LIST: the capture's lines repeated with varied id/port/name.
func syntheticClientList(_ template: [UInt8], clients: Int) -> [UInt8] {
    let lines = template.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(clients * 330)
    for i in 0..<clients {
        var line = lines[i % lines.count]
        line = line.replacingOccurrences(of: "id=", with: "id=\(i)0")
        line = line.replacingOccurrences(of: "name=", with: "name=c\(i)")
        out += line.utf8
        out.append(0x0A)
    }
    return out
}

/// This thread's CPU time: on a shared 2-core machine wall time also counts other jobs.
func threadCPUMicros() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
}

/// Prints the best of 5 rounds (wall per op, CPU per op) to damp noise from other processes.
func measure(_ label: String, iterations: Int, bytes: Int, _ body: () -> Int) {
    var sink = 0
    for _ in 0..<max(1, iterations / 10) { sink &+= body() } // warm-up
    let clock = ContinuousClock()
    var bestWall = Double.infinity, bestCPU = Double.infinity
    for _ in 0..<5 {
        let cpuStart = threadCPUMicros()
        let elapsed = clock.measure {
            for _ in 0..<iterations { sink &+= body() }
        }
        let cpu = (threadCPUMicros() - cpuStart) / Double(iterations)
        let wall = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(iterations)
        bestWall = min(bestWall, wall)
        bestCPU = min(bestCPU, cpu)
    }
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0),
          String(format: "%10.1f µs/op wall %10.1f µs/op cpu %7.1f MB/s  (n=%d x5, sink %d)",
                 bestWall, bestCPU, Double(bytes) / bestCPU, iterations, sink & 1))
}

let info = crlf(load("redis-7.2.6-localbuild-info-everything.txt"))
measure("INFO everything 7.2.6 (\(info.count) B) parse", iterations: 2000, bytes: info.count) {
    Info(parsing: info).sections.count
}
measure("INFO parse + 20 typed lookups", iterations: 2000, bytes: info.count) {
    let parsed = Info(parsing: info)
    var n = 0
    for field in InfoField.allCases.prefix(20) where parsed.number(field) != nil { n += 1 }
    return n
}

let template = load("redis-7.2.6-localbuild-clientlist.txt")
for clients in [10_000, 50_000] {
    let list = syntheticClientList(template, clients: clients)
    measure("CLIENT LIST \(clients) clients (\(list.count / 1024) KiB)", iterations: clients == 10_000 ? 20 : 4, bytes: list.count) {
        ClientList.parse(list).count
    }
    // A downstream consumer: every entry's host, name, idle, age and flags.
    measure("CLIENT LIST \(clients) parse + read fields", iterations: clients == 10_000 ? 20 : 4, bytes: list.count) {
        var n = 0
        for client in ClientList.parse(list) {
            n &+= client.host?.utf8.count ?? 0
            n &+= client.name?.utf8.count ?? 0
            n &+= (client.idle ?? 0) &+ (client.age ?? 0)
            if client.hasFlag("b") { n &+= 1 }
            n &+= client.flags?.utf8.count ?? 0
        }
        return n
    }
}

let snapshot = Snapshot(target: "bench", takenAtMicros: 0, exchanges: [
    Exchange(command: ["INFO", "everything"], reply: .bulk(info)),
    Exchange(command: ["CLIENT", "LIST"], reply: .bulk(syntheticClientList(template, clients: 10_000))),
])
let file = SnapshotFile.encode(snapshot)
measure("Snapshot file decode (\(file.count / 1024) KiB)", iterations: 50, bytes: file.count) {
    (try? SnapshotFile.decode(file))?.exchanges.count ?? 0
}


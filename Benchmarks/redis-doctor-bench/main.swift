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

/// `redis-doctor-bench WORD` runs only the benchmarks whose label contains WORD,
/// e.g. to profile one under callgrind.
let only = CommandLine.arguments.dropFirst().first
func wanted(_ label: String) -> Bool { only.map { label.contains($0) } ?? true }

/// Prints the best of 5 rounds (wall per op, CPU per op) to damp noise from other processes.
func measure(_ label: String, iterations: Int, bytes: Int, _ body: () -> Int) {
    guard wanted(label) else { return }
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


// MARK: Client grouping (ClientGroups over a parsed CLIENT LIST)


/// A CLIENT LIST text of `count` clients from 200 hosts and 20 names, with pools
/// of various ages and idle times (deterministic, no random source needed).
/// `scattered`: ages drift with the line number, so every key splits into many
/// cohorts (a worst case: ~17k groups for 50k clients); otherwise one cohort per
/// host and name (~4k groups, pools started together).
func syntheticPoolClientList(_ count: Int, scattered: Bool) -> [UInt8] {
    var text = ""
    text.reserveCapacity(count * 260)
    for i in 0..<count {
        let host = "10.0.\(i % 200 / 100).\(i % 100)"
        let name = i % 7 == 0 ? "" : "svc-\(i % 20)"
        let age = scattered ? 3600 * (1 + i % 5) + (i / 1000) * 10 : 3600 * (1 + (i % 200 + i % 20) % 5) + i % 3
        let idle = i % 3 == 0 ? age : i % 50
        let flags = i % 500 == 0 ? "S" : i % 97 == 0 ? "P" : "N"
        text += "id=\(i + 1) addr=\(host):\(10000 + i % 50000) laddr=10.1.0.1:6379 fd=\(i + 8) name=\(name) age=\(age) idle=\(idle) flags=\(flags) db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=1928 events=r cmd=\(i % 4 == 0 ? "get" : "hgetall") user=default redir=-1 resp=2 lib-name=redis-py lib-ver=5.0.1\n"
    }
    return Array(text.utf8)
}

func benchClientGroups(_ count: Int, scattered: Bool, runs: Int = 10) {
    guard wanted("ClientGroups") else { return }
    let clients = ClientList.parse(syntheticPoolClientList(count, scattered: scattered))
    let clock = ContinuousClock()
    var best = Duration.seconds(1000)
    var groups = 0
    for _ in 0..<runs {
        let elapsed = clock.measure {
            let analysis = ClientGroups(clients)
            groups = analysis.groups.count
        }
        best = min(best, elapsed)
    }
    let analysis = ClientGroups(clients)
    let rendered = clock.measure {
        _ = ClientGroupsTable.render(groups: analysis.groups, summary: analysis.summary)
    }
    let json = clock.measure {
        _ = ClientGroupsTable.json(groups: analysis.groups, summary: analysis.summary)
    }
    let ms = Double(best.components.attoseconds) / 1e15 + Double(best.components.seconds) * 1000
    func millis(_ d: Duration) -> Double { Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000 }
    print("ClientGroups \(count) clients (\(scattered ? "scattered ages" : "pools")): \(groups) groups, analyse best of \(runs) \(Double(Int(ms * 10)) / 10) ms; table (50 rows) \(Double(Int(millis(rendered) * 10)) / 10) ms; JSON of all groups \(Int(millis(json))) ms")
}

for count in [10_000, 50_000] {
    benchClientGroups(count, scattered: false)
    benchClientGroups(count, scattered: true)
}

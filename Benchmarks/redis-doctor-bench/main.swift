// Release-mode benchmarks: `swift run -c release redis-doctor-bench`.
print("no benchmarks yet")

// MARK: Client grouping (ClientGroups over a parsed CLIENT LIST)

import RedisDoctorCore

/// A CLIENT LIST text of `count` clients from 200 hosts and 20 names, with pools
/// of various ages and idle times (deterministic, no random source needed).
/// `scattered`: ages drift with the line number, so every key splits into many
/// cohorts (a worst case: ~17k groups for 50k clients); otherwise one cohort per
/// host and name (~4k groups, pools started together).
func syntheticClientList(_ count: Int, scattered: Bool) -> [UInt8] {
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
    let clients = ClientList.parse(syntheticClientList(count, scattered: scattered))
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

import Testing
@testable import RedisDoctorCore

/// Every capture parses with the parser for its kind, CRLF and LF alike.
@Test(arguments: Fixtures.allFiles)
func corpusFileParses(_ name: String) {
    let bytes = Fixtures.bytes(name)
    switch Fixtures.kind(of: name) {
    case .info:
        let info = Info(parsing: bytes)
        #expect(Info(parsing: Fixtures.crlf(name)) == info, "CRLF and LF must parse alike")
        if bytes.isEmpty {
            #expect(info.isEmpty)
        } else {
            // Garnet's disabled Commandstats holds only a free-text line.
            let hasLines = info.sections.contains { !$0.unparsedLines.isEmpty }
            #expect(!info.isEmpty || hasLines, "no fields in \(name)")
            #expect(!info.sections.isEmpty)
        }
        // No `#` line ever becomes a key.
        #expect(!info.entries.contains { $0.key.hasPrefix("#") })
    case .clientList:
        let clients = ClientList.parse(bytes)
        let lines = bytes.split(separator: 0x0A).count
        #expect(clients.count == lines, "one entry per line in \(name)")
        #expect(clients.allSatisfy { $0.addr != nil && $0.flags != nil && $0.cmd != nil })
    case .clusterInfo:
        let cluster = ClusterInfo(parsing: Fixtures.crlf(name))
        #expect(cluster.state == "fail")
        #expect(cluster.number("cluster_slots_assigned") == 16384)
    case .error:
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("-ERR"))
    }
}

/// Captures of mainstream servers where every "core" field must resolve.
let coreCaptures: [String] = Fixtures.allFiles.filter { name in
    (name.hasPrefix("redis-2.") || name.hasPrefix("redis-3.") || name.hasPrefix("redis-4.")
        || name.hasPrefix("redis-5.") || name.hasPrefix("redis-6.") || name.hasPrefix("redis-7.")
        || name.hasPrefix("valkey-") || name.hasPrefix("keydb-"))
        && (name.hasSuffix("-info-default.txt") || name.hasSuffix("-info-all.txt"))
        // While loading, Redis prints `mem_fragmentation_ratio:-nan` (rightly absent).
        && !name.contains("states-loading")
}

@Test(arguments: coreCaptures)
func coreFieldsResolve(_ name: String) {
    let info = Info(parsing: Fixtures.crlf(name))
    let core = InfoField.allCases.filter { $0.spec.isCore }
    #expect(core.count >= 20)
    for field in core {
        switch field.spec.kind {
        case .text: #expect(info.string(field) != nil, "\(field) missing in \(name)")
        case .number, .flag: #expect(info.number(field) != nil, "\(field) missing in \(name)")
        }
    }
}

@Test func coreCaptureListCoversVersions() {
    #expect(coreCaptures.contains("redis-2.4.18-localbuild-info-default.txt"))
    #expect(coreCaptures.contains("valkey-7.2.7-localbuild-info-all.txt"))
    #expect(coreCaptures.contains("keydb-6.3.4-localbuild-info-all.txt"))
    #expect(coreCaptures.count >= 20)
}

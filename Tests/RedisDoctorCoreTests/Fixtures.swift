import Foundation

/// Corpus fixtures, located relative to this source file (no bundle resources).
enum Fixtures {
    static let corpusDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/corpus")

    /// Every capture file name (SOURCES.md excluded), sorted.
    static let allFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    static func bytes(_ name: String) -> [UInt8] {
        read(corpusDirectory.appendingPathComponent(name))
    }

    static func read(_ url: URL) -> [UInt8] {
        FileManager.default.contents(atPath: url.path).map { [UInt8]($0) } ?? []
    }

    /// The capture with LF turned back into CRLF, as a server sends INFO.
    static func crlf(_ name: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes(name) {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    enum Kind { case info, clientList, clusterInfo, error }

    static func kind(of name: String) -> Kind {
        if name.contains("clientlist") || name.contains("clientinfo") { return .clientList }
        if name.contains("cluster-info") { return .clusterInfo }
        if name.contains("info-all-error") { return .error }
        return .info
    }
}

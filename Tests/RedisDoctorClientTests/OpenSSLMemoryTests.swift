import COpenSSLMemory
import Foundation
import Glibc
import RedisDoctorClient
import RedisDoctorCore
import Testing
import TestSupport

/// The allocator OpenSSL is given: blocks aligned as malloc's, contents kept by realloc,
/// freed blocks reused, safe from several threads; and, with OpenSSL on it, repeated TLS
/// connections in one process (the REPL, live views) do not grow the process.
@Suite(.serialized)
struct OpenSSLMemoryTests {
    @Test func blocksAreAlignedAndKeepTheirContentThroughRealloc() throws {
        for size in [0, 1, 15, 16, 17, 511, 512, 513, 1024, 4097, 16384, 16385, 100_000] {
            for grown in [size + 1, size * 2 + 600, 200_000] {
                let block = try #require(rd_pool_malloc(size, nil, 0))
                #expect(Int(bitPattern: block) % 16 == 0, "size \(size)")
                let bytes = block.assumingMemoryBound(to: UInt8.self)
                for i in 0..<size { bytes[i] = UInt8(truncatingIfNeeded: i &* 7) }
                let moved = try #require(rd_pool_realloc(block, grown, nil, 0))
                #expect(Int(bitPattern: moved) % 16 == 0, "size \(size) grown to \(grown)")
                let kept = moved.assumingMemoryBound(to: UInt8.self)
                #expect((0..<size).allSatisfy { kept[$0] == UInt8(truncatingIfNeeded: $0 &* 7) }, "size \(size) grown to \(grown)")
                rd_pool_free(moved, nil, 0)
            }
        }
        #expect(rd_pool_realloc(nil, 40, nil, 0) != nil)
        #expect(rd_pool_malloc(Int.max, nil, 0) == nil)
        rd_pool_free(nil, nil, 0)
    }

    @Test func aFreedBlockServesTheNextRequestOfItsSize() throws {
        let first = try #require(rd_pool_malloc(200, nil, 0))
        rd_pool_free(first, nil, 0)
        let second = try #require(rd_pool_malloc(195, nil, 0))
        #expect(second == first)
        rd_pool_free(second, nil, 0)
    }

    @Test func threadsAllocatingAtOnceNeverShareABlock() async throws {
        let owners = try await withThrowingTaskGroup(of: Bool.self) { group in
            for thread in 0..<8 {
                group.addTask {
                    var blocks: [UnsafeMutableRawPointer] = []
                    for round in 0..<2_000 {
                        guard let block = rd_pool_malloc(48 + round % 300, nil, 0) else { return false }
                        block.storeBytes(of: thread, as: Int.self)
                        blocks.append(block)
                        if round % 3 == 0 { let old = blocks.removeFirst(); rd_pool_free(old, nil, 0) }
                    }
                    let mine = blocks.allSatisfy { $0.load(as: Int.self) == thread }
                    blocks.forEach { rd_pool_free($0, nil, 0) }
                    return mine
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(owners == Array(repeating: true, count: 8))
    }

    @Test(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"))
    func repeatedTLSConnectionsDoNotGrowTheProcess() throws {
        let pki = try TLSFixtures()
        let tlsPort = try FreePort.find()
        let server = try RedisServerProcess(pki.serverArguments(tlsPort: tlsPort))
        defer { server.stop() }
        let target = ConnectionTarget(endpoint: .tcp(host: "127.0.0.1", port: tlsPort), tls: TLSSettings(caCertificate: pki.ca))
        func connectAndPing() throws {
            let link = try Connection.open(target, deadline: Deadline(seconds: 5))
            defer { link.close() }
            #expect(try link.send(["PING"], deadline: Deadline(seconds: 5)) == .status("PONG"))
        }
        for _ in 0..<20 { try connectAndPing() }
        // The pool's own chunks, not the process's RSS, which the suites running alongside move.
        let before = rd_pool_reserved_bytes()
        for _ in 0..<300 { try connectAndPing() }
        let grown = rd_pool_reserved_bytes() - before
        // A connection leaves about 650 KiB behind if freed blocks are never reused (195 MB
        // of RSS over 300, measured with a no-op free).
        #expect(grown <= 1 << 20, "the pool took \(grown) more bytes over 300 TLS connections")
    }
}

import Foundation
import Glibc

/// A loopback port nobody listens on right now, for a server a test starts.
///
/// Chosen below the kernel's ephemeral range (ip_local_port_range, 32768-60999 by default):
/// a port the kernel picked for us (bind to 0) is also one it hands to outgoing
/// connections, and under a parallel suite a test's client could take it between the check
/// and the server's bind ("Address already in use"). Ports are never handed out twice.
public enum FreePort {
    public struct Failure: Error {}

    static let range = 20_000...32_000
    /// Cluster nodes also bind port + 10000: both stay below the ephemeral range.
    static let clusterRange = 10_000...22_000
    nonisolated(unsafe) private static var handedOut = Set<Int>()
    private static let lock = NSLock()

    public static func find() throws -> Int {
        try pick(from: range) { isFree($0) }
    }

    static func pick(from range: ClosedRange<Int>, _ accept: (Int) -> Bool) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        for _ in 0..<2_000 {
            let port = Int.random(in: range)
            guard !handedOut.contains(port), accept(port) else { continue }
            handedOut.insert(port)
            return port
        }
        throw Failure()
    }
}

extension FreePort {
    /// Whether nothing is bound to `port` on 127.0.0.1 right now.
    public static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A free port whose cluster bus port (port + 10000) is free too.
    public static func findForClusterNode() throws -> Int {
        try pick(from: clusterRange) { isFree($0) && isFree($0 + 10_000) }
    }
}

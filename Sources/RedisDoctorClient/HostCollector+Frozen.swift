import Glibc
import RedisDoctorCore

extension HostCollector {
    /// After a timeout: the server's process read from /proc without asking the server (it
    /// did not answer). `auto` finds the process holding the listening socket of `target`
    /// (/proc/net, then each process's open sockets: the server's user or root); nil when it
    /// cannot be found in `seconds`, which must stay inside the run's watchdog margin.
    public func frozenCapture(target: ConnectionTarget, seconds: Double) -> HostCapture? {
        let pid: Int
        let how: String
        switch mode {
        case .off:
            return nil
        case .pid(let n):
            (pid, how) = (n, "process \(n), named by --host-checks pid=\(n)")
        case .auto:
            let deadline = Deadline(seconds: seconds)
            guard let inode = Self.listeningInode(target), let found = Self.process(holding: inode, deadline: deadline) else { return nil }
            (pid, how) = (found, "the process listening on \(target.address) (socket inode \(inode))")
        }
        let status = Self.read(HostPaths.status(pid))
        guard status.text != nil else { return nil }
        return HostCapture(pid: pid, identifiedBy: how, files: [status])
    }

    /// The inode of the socket listening for `target` on this host: a loopback TCP port in
    /// /proc/net/tcp and tcp6 (state 0A), or a unix socket's path in /proc/net/unix.
    static func listeningInode(_ target: ConnectionTarget) -> Int? {
        switch target.endpoint {
        case .tcp(let host, let port):
            guard isLoopback(host) else { return nil }
            for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
                guard let text = read(table).text else { continue }
                for line in completeLines(text).dropFirst() {
                    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                    guard fields.count > 9, fields[3] == "0A", let colon = fields[1].lastIndex(of: ":"),
                          Int(fields[1][fields[1].index(after: colon)...], radix: 16) == port,
                          isLoopbackOrWildcard(fields[1][..<colon]), let inode = Int(fields[9]), inode > 0 else { continue }
                    return inode
                }
            }
        case .unix(let path):
            guard let text = read("/proc/net/unix").text else { return nil }
            for line in completeLines(text).dropFirst() {
                let fields = line.split(separator: " ", maxSplits: 7, omittingEmptySubsequences: true)
                guard fields.count == 8, fields[7] == path, fields[3] == "00010000", let inode = Int(fields[6]) else { continue }
                return inode
            }
        }
        return nil
    }

    /// The lines of a /proc table that ended: a table longer than the read limit is cut, and a
    /// cut line could hold a prefix of another socket's inode.
    static func completeLines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        return lines
    }

    /// A listening address that serves a loopback client: 127/8, ::1, ::ffff:127/104, or a
    /// wildcard (0.0.0.0, ::). /proc/net/tcp prints IPv4 in host byte order: 127.0.0.1 is 0100007F.
    static func isLoopbackOrWildcard(_ hex: Substring) -> Bool {
        switch hex.count {
        case 8: return hex == "00000000" || hex.hasSuffix("7F")
        case 32: return hex == String(repeating: "0", count: 32) || hex == "00000000000000000000000001000000"
            || (hex.hasPrefix("0000000000000000FFFF0000") && hex.hasSuffix("7F"))
        default: return false
        }
    }

    /// The Redis-compatible server process (by name: others are never the server, and their
    /// descriptor tables can be huge) with an open descriptor on socket `inode`, until `deadline`.
    static func process(holding inode: Int, deadline: Deadline) -> Int? {
        guard let proc = opendir("/proc") else { return nil }
        defer { closedir(proc) }
        let wanted = "socket:[\(inode)]"
        let me = Int(getpid())
        let wantedBytes = Array(wanted.utf8)
        var link = [UInt8](repeating: 0, count: 64)
        while let entry = readdir(proc), !deadline.hasPassed {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = Int(name), pid != me,
                  let comm = read("/proc/\(pid)/comm").text, ServerProcessMatch.serverNames.contains(comm.filter { $0 != "\n" }),
                  let fds = opendir("/proc/\(pid)/fd") else { continue }
            defer { closedir(fds) }
            var seen = 0
            while let fd = readdir(fds) {
                seen += 1
                if seen % 64 == 0, deadline.hasPassed { return nil }
                let number = withUnsafeBytes(of: fd.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard number.first?.isNumber == true else { continue }
                let n = link.withUnsafeMutableBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { readlink("/proc/\(pid)/fd/\(number)", $0.baseAddress!, $0.count) }
                }
                if n == wantedBytes.count, link.prefix(n).elementsEqual(wantedBytes) { return pid }
            }
        }
        return nil
    }
}

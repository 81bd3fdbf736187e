import Glibc

/// A resolved address, kept as raw sockaddr bytes so it can cross threads as a value.
struct SocketAddress: Sendable {
    var family: Int32
    var bytes: [UInt8]

    init(family: Int32, pointer: UnsafePointer<sockaddr>, length: socklen_t) {
        self.family = family
        self.bytes = Array(UnsafeRawBufferPointer(start: pointer, count: Int(length)))
    }

    init?(unixPath path: String) {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard pathBytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        family = AF_UNIX
        bytes = withUnsafeBytes(of: &addr) { Array($0) }
    }

    /// `127.0.0.1:6379`, `[::1]:6379` or the socket path, for messages.
    var text: String {
        bytes.withUnsafeBytes { raw -> String in
            switch family {
            case AF_INET:
                var a = raw.load(as: sockaddr_in.self)
                var buf = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                inet_ntop(AF_INET, &a.sin_addr, &buf, socklen_t(buf.count))
                return "\(String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)):\(UInt16(bigEndian: a.sin_port))"
            case AF_INET6:
                var a = raw.load(as: sockaddr_in6.self)
                var buf = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
                inet_ntop(AF_INET6, &a.sin6_addr, &buf, socklen_t(buf.count))
                return "[\(String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))]:\(UInt16(bigEndian: a.sin6_port))"
            default:
                let a = raw.load(as: sockaddr_un.self)
                return withUnsafeBytes(of: a.sun_path) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            }
        }
    }
}

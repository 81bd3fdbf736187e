import Glibc

extension Connection {
    /// This socket's own address as a server prints it in CLIENT LIST `addr=`: how a
    /// server that keeps no client names (2.4) shows which connection is ours. IPv6 in
    /// both spellings Redis has used (`[::1]:5000` from 3.0, `::1:5000` before); none
    /// for a unix socket, where every client is `path:0`.
    public var localAddresses: [String] {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) == 0 }
        }
        guard ok else { return [] }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var ip = address.pointee.sin_addr
                    guard inet_ntop(AF_INET, &ip, &text, socklen_t(text.count)) != nil else { return [] }
                    return ["\(Self.text(text)):\(UInt16(bigEndian: address.pointee.sin_port))"]
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var ip = address.pointee.sin6_addr
                    guard inet_ntop(AF_INET6, &ip, &text, socklen_t(text.count)) != nil else { return [] }
                    let host = Self.text(text)
                    let port = UInt16(bigEndian: address.pointee.sin6_port)
                    return ["[\(host)]:\(port)", "\(host):\(port)"]
                }
            }
        default:
            return []
        }
    }

    private static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

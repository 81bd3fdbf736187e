extension ClientEntry {
    /// Host part of `addr`: no brackets for IPv6, the path for a unix socket.
    public var host: String? {
        guard let (bytes, range) = addressBytes(), let parts = ClientEntry.splitAddress(bytes, range) else { return nil }
        return String(decoding: bytes[parts.host], as: UTF8.self)
    }

    /// Port part of `addr` (0 for a unix socket).
    public var port: Int? {
        guard let (bytes, range) = addressBytes(), let parts = ClientEntry.splitAddress(bytes, range) else { return nil }
        // Int(_:) on the text keeps its exact rules (optional sign, overflow is nil).
        return Int(String(decoding: bytes[parts.port], as: UTF8.self))
    }

    /// True when `addr` is a unix-socket path.
    public var isUnixSocket: Bool {
        guard let (bytes, range) = addressBytes(), !range.isEmpty else { return false }
        return bytes[range.lowerBound] == 0x2F // '/'
    }

    /// The bytes holding `addr`: the shared source after a parse, a copy when assigned.
    private func addressBytes() -> ([UInt8], Range<Int>)? {
        if _addr.isRange { return (source, lineStart + Int(_addr.start)..<lineStart + Int(_addr.end)) }
        guard let addr else { return nil }
        let bytes = Array(addr.utf8)
        return (bytes, 0..<bytes.count)
    }

    /// Splits `[v6]:port`, `v4:port`, bare IPv6 `a:b:...:port` (Azure: port after
    /// the LAST colon) and `/path.sock:0`. Nil without a `:port` suffix.
    /// Works on bytes: ':', '[' and ']' are ASCII, so splitting before decoding
    /// gives the same text as decoding first.
    static func splitAddress(_ bytes: [UInt8], _ range: Range<Int>) -> (host: Range<Int>, port: Range<Int>)? {
        guard let lastColon = bytes[range].lastIndex(of: Bytes.colon) else { return nil }
        var host = range.lowerBound..<lastColon
        if host.count >= 2, bytes[host.lowerBound] == 0x5B, bytes[host.upperBound - 1] == 0x5D { // [ ]
            host = host.lowerBound + 1..<host.upperBound - 1
        }
        return (host, lastColon + 1..<range.upperBound)
    }
}

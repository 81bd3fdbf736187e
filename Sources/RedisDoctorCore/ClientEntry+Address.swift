extension ClientEntry {
    /// Host part of `addr`: no brackets for IPv6, the path for a unix socket.
    public var host: String? { addr.flatMap { ClientEntry.splitAddress($0)?.host } }

    /// Port part of `addr` (0 for a unix socket).
    public var port: Int? { addr.flatMap { ClientEntry.splitAddress($0)?.port } }

    /// True when `addr` is a unix-socket path.
    public var isUnixSocket: Bool { addr?.utf8.first == 0x2F } // '/'

    /// Splits `[v6]:port`, `v4:port`, bare IPv6 `a:b:...:port` (Azure: port after
    /// the LAST colon) and `/path.sock:0`. Nil without a `:port` suffix.
    static func splitAddress(_ addr: String) -> (host: String, port: Int?)? {
        let bytes = addr.utf8
        guard let lastColon = bytes.lastIndex(of: Bytes.colon) else { return nil }
        var host = addr[addr.startIndex..<lastColon]
        let port = Int(addr[bytes.index(after: lastColon)...])
        if host.utf8.first == 0x5B, host.utf8.last == 0x5D { // [ ]
            host = host.dropFirst().dropLast()
        }
        return (String(host), port)
    }
}

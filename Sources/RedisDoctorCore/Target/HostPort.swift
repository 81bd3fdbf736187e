/// `host:port` as people paste it and Redis announces it, `[v6]:port` for IPv6: one way
/// to write an address and one way to read it back, for targets, cluster nodes, sentinels,
/// seeds and the exporter.
public enum HostPort {
    public static func format(host: String, port: some CustomStringConvertible) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// `127.0.0.1:6379`, `[::1]:6379` (or `::1:6379`, split at the last colon); nil without a
    /// host or with a port outside 1-65535.
    public static func parse(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        var host = text[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        return host.isEmpty ? nil : (String(host), port)
    }
}

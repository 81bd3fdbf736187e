extension ClusterNode {
    /// Every node line of a CLUSTER NODES reply; lines that do not parse are left out.
    public static func parseAll(_ bytes: [UInt8]) -> [ClusterNode] {
        bytes.split(separator: UInt8(ascii: "\n")).compactMap { parse(line: String(decoding: $0, as: UTF8.self)) }
    }

    /// One line, or nil when it lacks the eight fixed fields.
    public static func parse(line: String) -> ClusterNode? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\r" })
        guard fields.count >= 8, let address = parseAddress(fields[1]) else { return nil }
        var node = ClusterNode(
            id: String(fields[0]), host: address.host, port: address.port, busPort: address.busPort, hostname: address.hostname,
            flags: fields[2].split(separator: ",").map(String.init),
            primaryID: fields[3] == "-" ? nil : String(fields[3]),
            pingSentMillis: Int64(fields[4]) ?? 0, pongReceivedMillis: Int64(fields[5]) ?? 0,
            configEpoch: Int64(fields[6]) ?? 0, linkConnected: fields[7] == "connected")
        for field in fields.dropFirst(8) {
            if field.hasPrefix("[") {
                node.openSlots.append(String(field))
            } else if let dash = field.firstIndex(of: "-") {
                if let low = Int(field[..<dash]), let high = Int(field[field.index(after: dash)...]), low <= high, low >= 0, high < 16384 {
                    node.slots.append(low...high)
                }
            } else if let slot = Int(field), slot >= 0, slot < 16384 {
                node.slots.append(slot...slot)
            }
        }
        return node
    }

    /// `ip:port@cport[,hostname]`. IPv6 addresses come without brackets (`::1:7000@17000`):
    /// the port follows the last `:` before `@`. Before 4.0 there is no `@cport`.
    static func parseAddress(_ text: Substring) -> (host: String, port: Int, busPort: Int?, hostname: String?)? {
        var rest = text
        var hostname: String?
        if let comma = rest.firstIndex(of: ",") {
            let name = rest[rest.index(after: comma)...]
            hostname = name.isEmpty ? nil : String(name)
            rest = rest[..<comma]
        }
        var busPort: Int?
        if let at = rest.firstIndex(of: "@") {
            busPort = Int(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]) else { return nil }
        return (String(rest[..<colon]), port, busPort, hostname)
    }
}

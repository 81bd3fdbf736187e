extension ClusterNode {
    /// Every node line of a CLUSTER NODES reply; lines that do not parse are left out.
    /// Parsed on bytes: a hostile reply of tens of megabytes must not cost seconds.
    public static func parseAll(_ bytes: [UInt8]) -> [ClusterNode] {
        bytes.split(separator: UInt8(ascii: "\n")).compactMap { parse(fields: $0.split { $0 == 0x20 || $0 == 0x0D }) }
    }

    /// One line, or nil when it lacks the eight fixed fields.
    public static func parse(line: String) -> ClusterNode? {
        parse(fields: Array(line.utf8).split { $0 == 0x20 || $0 == 0x0D })
    }

    static func parse<Field: Collection<UInt8>>(fields: [Field]) -> ClusterNode? {
        guard fields.count >= 8, let address = parseAddress(text(fields[1])) else { return nil }
        func int64(_ field: Field) -> Int64 { integer(field).flatMap { Int64(exactly: $0) } ?? 0 }
        var node = ClusterNode(
            id: text(fields[0]), host: address.host, port: address.port, busPort: address.busPort, hostname: address.hostname,
            flags: fields[2].split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) },
            primaryID: fields[3].elementsEqual("-".utf8) ? nil : text(fields[3]),
            pingSentMillis: int64(fields[4]), pongReceivedMillis: int64(fields[5]),
            configEpoch: int64(fields[6]), linkConnected: fields[7].elementsEqual("connected".utf8))
        for field in fields.dropFirst(8) {
            if field.first == UInt8(ascii: "[") {
                node.openSlots.append(text(field))
            } else if let dash = field.firstIndex(of: UInt8(ascii: "-")) {
                if let low = integer(field[..<dash]), let high = integer(field[field.index(after: dash)...]), low <= high, low >= 0, high < 16384 {
                    node.slots.append(low...high)
                }
            } else if let slot = integer(field), slot >= 0, slot < 16384 {
                node.slots.append(slot...slot)
            }
        }
        return node
    }

    private static func text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A decimal without sign, or nil (empty, other bytes, or more than 18 digits).
    private static func integer<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `ip:port@cport[,hostname]`. IPv6 addresses come without brackets (`::1:7000@17000`):
    /// the port follows the last `:` before `@`. Before 4.0 there is no `@cport`.
    static func parseAddress(_ text: String) -> (host: String, port: Int, busPort: Int?, hostname: String?)? {
        var rest = Substring(text)
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
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        return (String(rest[..<colon]), port, busPort, hostname)
    }
}

/// The ROLE reply (2.8.12+).
public enum RoleInfo: Sendable, Equatable {
    public struct Replica: Sendable, Equatable {
        public var ip: String
        public var port: Int?
        public var offset: Int64?
    }

    case master(offset: Int64?, replicas: [Replica])
    case replica(masterHost: String?, masterPort: Int?, state: String?, offset: Int64?)
    case sentinel(masters: [String])
    case other(String)

    /// Nil when the reply is not an array starting with a role name.
    public init?(reply: RedisReply) {
        guard let items = reply.array, let role = items.first?.text else { return nil }
        func int(_ i: Int) -> Int64? {
            guard i < items.count else { return nil }
            return items[i].integer ?? items[i].text.flatMap { Int64($0) }
        }
        func text(_ i: Int) -> String? { i < items.count ? items[i].text : nil }
        switch role.lowercased() {
        case "master":
            // Replica rows are [ip, port, offset] with port/offset as bulk strings.
            let rows = (items.count > 2 ? items[2].array : nil) ?? []
            let replicas = rows.compactMap { row -> Replica? in
                guard let cols = row.array, let ip = cols.first?.text else { return nil }
                func col(_ i: Int) -> Int64? {
                    i < cols.count ? (cols[i].integer ?? cols[i].text.flatMap { Int64($0) }) : nil
                }
                return Replica(ip: ip, port: col(1).map { Int($0) }, offset: col(2))
            }
            self = .master(offset: int(1), replicas: replicas)
        case "slave", "replica":
            self = .replica(masterHost: text(1), masterPort: int(2).map { Int($0) }, state: text(3), offset: int(4))
        case "sentinel":
            let names = (items.count > 1 ? items[1].array : nil) ?? []
            self = .sentinel(masters: names.compactMap(\.text))
        default:
            self = .other(role)
        }
    }
}

/// One line of CLIENT LIST / CLIENT INFO with typed fields.
///
/// Fields a server does not print (2.4 has no `id`, `age`, `name`) are nil;
/// fields this type does not model are kept in `other`, in line order.
public struct ClientEntry: Sendable {
    public var id: Int?
    /// The address as printed: `1.2.3.4:5`, `[::1]:5`, Azure `fd40:...:1a06:44426`, `/path.sock:0`.
    public var addr: String?
    public var laddr: String?
    public var fd: Int?
    public var name: String?
    public var age: Int?
    public var idle: Int?
    public var flags: String?
    public var db: Int?
    public var sub: Int?
    public var psub: Int?
    public var multi: Int?
    public var qbuf: Int?
    public var obl: Int?
    public var oll: Int?
    public var omem: Int?
    public var totMem: Int?
    public var cmd: String?
    public var user: String?
    public var libName: String?
    public var libVer: String?
    /// The line as received (without its line end).
    public var line: String = ""

    /// Fields this type does not model (`events`, `qbuf-free`, Azure `numops`),
    /// in line order, derived from `line` on demand.
    public var other: [(String, String)] { ClientList.otherFields(of: line) }

    public init() {}

    /// The value of an unmodelled field (`events`, `qbuf-free`, Azure `numops`).
    public func otherValue(_ key: String) -> String? {
        other.first { $0.0 == key }?.1
    }

    /// True when the flags string contains `flag` (`b` blocked, `S` replica, `M` master link ...).
    public func hasFlag(_ flag: Character) -> Bool {
        flags?.contains(flag) ?? false
    }
}

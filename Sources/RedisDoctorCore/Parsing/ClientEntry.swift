/// One line of CLIENT LIST / CLIENT INFO with typed fields.
///
/// Fields a server does not print (2.4 has no `id`, `age`, `name`) are nil;
/// fields this type does not model are kept in `other`, in line order.
///
/// Storage (see Docs/performance.md): all entries of one parse share the reply's
/// bytes (one reference, never copied). Numeric fields are decoded during the parse
/// and stored inline with a presence bit; text fields are stored as byte ranges
/// into the line and decoded into a `String` when read. Assigning a property
/// stores the new value in the entry itself, so the API behaves like plain
/// stored properties. Keeping an entry keeps the whole reply's bytes alive.
public struct ClientEntry: Sendable {
    /// The bytes the entry was parsed from (the whole reply, shared by all its entries).
    var source: [UInt8] = []
    /// The line's bytes in `source`, without the line end.
    var lineStart = 0
    var lineEnd = 0

    // Numeric fields; a field's value is meaningful only when its bit is set in `present`.
    var present: UInt16 = 0
    var _id = 0, _fd = 0, _age = 0, _idle = 0, _db = 0, _sub = 0, _psub = 0
    var _multi = 0, _qbuf = 0, _obl = 0, _oll = 0, _omem = 0, _totMem = 0

    // Text fields: ranges relative to `lineStart`, or absent, or assigned (in `owned`).
    var _addr = Span.absent, _laddr = Span.absent, _name = Span.absent, _flags = Span.absent
    var _cmd = Span.absent, _user = Span.absent, _libName = Span.absent, _libVer = Span.absent
    /// Values assigned through the setters (and `line` when assigned); nil after a parse.
    var owned: [UInt8: String]? = nil

    public init() {}

    public var id: Int? { get { number(Bit.id, _id) } set { _id = store(newValue, Bit.id) } }
    /// The address as printed: `1.2.3.4:5`, `[::1]:5`, Azure `fd40:...:1a06:44426`, `/path.sock:0`.
    public var addr: String? { get { text(_addr, .addr) } set { _addr = store(newValue, .addr) } }
    public var laddr: String? { get { text(_laddr, .laddr) } set { _laddr = store(newValue, .laddr) } }
    public var fd: Int? { get { number(Bit.fd, _fd) } set { _fd = store(newValue, Bit.fd) } }
    public var name: String? { get { text(_name, .name) } set { _name = store(newValue, .name) } }
    public var age: Int? { get { number(Bit.age, _age) } set { _age = store(newValue, Bit.age) } }
    public var idle: Int? { get { number(Bit.idle, _idle) } set { _idle = store(newValue, Bit.idle) } }
    public var flags: String? { get { text(_flags, .flags) } set { _flags = store(newValue, .flags) } }
    public var db: Int? { get { number(Bit.db, _db) } set { _db = store(newValue, Bit.db) } }
    public var sub: Int? { get { number(Bit.sub, _sub) } set { _sub = store(newValue, Bit.sub) } }
    public var psub: Int? { get { number(Bit.psub, _psub) } set { _psub = store(newValue, Bit.psub) } }
    public var multi: Int? { get { number(Bit.multi, _multi) } set { _multi = store(newValue, Bit.multi) } }
    public var qbuf: Int? { get { number(Bit.qbuf, _qbuf) } set { _qbuf = store(newValue, Bit.qbuf) } }
    public var obl: Int? { get { number(Bit.obl, _obl) } set { _obl = store(newValue, Bit.obl) } }
    public var oll: Int? { get { number(Bit.oll, _oll) } set { _oll = store(newValue, Bit.oll) } }
    public var omem: Int? { get { number(Bit.omem, _omem) } set { _omem = store(newValue, Bit.omem) } }
    public var totMem: Int? { get { number(Bit.totMem, _totMem) } set { _totMem = store(newValue, Bit.totMem) } }
    public var cmd: String? { get { text(_cmd, .cmd) } set { _cmd = store(newValue, .cmd) } }
    public var user: String? { get { text(_user, .user) } set { _user = store(newValue, .user) } }
    public var libName: String? { get { text(_libName, .libName) } set { _libName = store(newValue, .libName) } }
    public var libVer: String? { get { text(_libVer, .libVer) } set { _libVer = store(newValue, .libVer) } }

    /// The line as received (without its line end).
    public var line: String {
        get {
            if let assigned = owned?[TextField.line.rawValue] { return assigned }
            return String(decoding: source[lineStart..<lineEnd], as: UTF8.self)
        }
        set { assign(newValue, .line) }
    }

    /// Fields this type does not model (`events`, `qbuf-free`, Azure `numops`),
    /// in line order, derived from `line` on demand.
    public var other: [(String, String)] {
        if let assigned = owned?[TextField.line.rawValue] { return ClientList.otherFields(of: assigned) }
        return source[lineStart..<lineEnd].withUnsafeBufferPointer { ClientList.otherFields($0) }
    }

    /// The value of an unmodelled field (`events`, `qbuf-free`, Azure `numops`).
    public func otherValue(_ key: String) -> String? {
        other.first { $0.0 == key }?.1
    }

    /// True when the flags string contains `flag` (`b` blocked, `S` replica, `M` master link ...).
    public func hasFlag(_ flag: Character) -> Bool {
        // Fast path: an ASCII flag in all-ASCII parsed flags, where each byte is one
        // Character (a value never holds "\r\n"), so a byte match equals `contains`.
        if _flags.isRange, let ascii = flag.asciiValue, flag.utf8.count == 1 {
            var found = false
            for byte in source[lineStart + Int(_flags.start)..<lineStart + Int(_flags.end)] {
                if byte >= 0x80 { return flags?.contains(flag) ?? false }
                if byte == ascii { found = true }
            }
            return found
        }
        return flags?.contains(flag) ?? false
    }
}

extension ClientEntry {
    /// A byte range relative to the line start, or a marker for absent / assigned.
    struct Span: Sendable {
        var start: UInt32
        var end: UInt32
        static let absentMark = UInt32.max
        static let ownedMark = UInt32.max - 1
        static let absent = Span(start: absentMark, end: 0)
        static let owned = Span(start: ownedMark, end: 0)
        var isRange: Bool { start < Span.ownedMark }
    }

    /// Keys into `owned`.
    enum TextField: UInt8 {
        case addr, laddr, name, flags, cmd, user, libName, libVer, line
    }

    enum Bit {
        static let id: UInt16 = 1 << 0, fd: UInt16 = 1 << 1, age: UInt16 = 1 << 2
        static let idle: UInt16 = 1 << 3, db: UInt16 = 1 << 4, sub: UInt16 = 1 << 5
        static let psub: UInt16 = 1 << 6, multi: UInt16 = 1 << 7, qbuf: UInt16 = 1 << 8
        static let obl: UInt16 = 1 << 9, oll: UInt16 = 1 << 10, omem: UInt16 = 1 << 11
        static let totMem: UInt16 = 1 << 12
    }

    @inline(__always)
    func number(_ bit: UInt16, _ value: Int) -> Int? {
        present & bit != 0 ? value : nil
    }

    /// Records presence of a numeric field and returns the value to store.
    @inline(__always)
    mutating func store(_ value: Int?, _ bit: UInt16) -> Int {
        if let value {
            present |= bit
            return value
        }
        present &= ~bit
        return 0
    }

    @inline(__always)
    func text(_ span: Span, _ field: TextField) -> String? {
        if span.isRange {
            return String(decoding: source[lineStart + Int(span.start)..<lineStart + Int(span.end)], as: UTF8.self)
        }
        return span.start == Span.absentMark ? nil : owned?[field.rawValue]
    }

    /// Stores an assigned text value and returns the span marking it.
    mutating func store(_ value: String?, _ field: TextField) -> Span {
        assign(value, field)
        return value == nil ? .absent : .owned
    }

    mutating func assign(_ value: String?, _ field: TextField) {
        if let value, owned == nil {
            owned = [field.rawValue: value]
        } else {
            owned?[field.rawValue] = value
        }
    }

    /// The span of `start..<end` (absolute offsets in `buffer`, inside this entry's line).
    /// A line too long for 32-bit offsets stores the decoded text instead.
    @inline(__always)
    mutating func span(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ field: TextField) -> Span {
        let relativeEnd = end - lineStart
        if relativeEnd < Int(Span.ownedMark) {
            return Span(start: UInt32(truncatingIfNeeded: start - lineStart), end: UInt32(truncatingIfNeeded: relativeEnd))
        }
        return store(Bytes.string(buffer, start, end), field)
    }
}

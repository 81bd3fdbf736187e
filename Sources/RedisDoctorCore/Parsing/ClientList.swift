/// Parser for CLIENT LIST and CLIENT INFO replies.
///
/// A byte scanner, not String.split: a 10,000-client list must parse in a few
/// milliseconds (see Docs/performance.md). Lines end in `\n` (`\r\n` tolerated);
/// tokens are separated by single spaces and split on their FIRST `=`, so
/// `name=odd=name:with,chars` keeps its value whole. Tokens without `=` are skipped.
public enum ClientList {
    /// Entries read at most: far above any real server (maxclients defaults to 10,000),
    /// and about 40 MB of entries.
    public static let maximumEntries = 200_000

    public static func parse(_ bytes: [UInt8]) -> [ClientEntry] {
        bytes.withUnsafeBufferPointer { parse($0, source: bytes) }
    }

    public static func parse(_ text: String) -> [ClientEntry] {
        parse(Array(text.utf8))
    }

    /// One pass over the bytes: each token ends at a space or a line end,
    /// and a line end closes the entry (separate line and token passes cost
    /// a third more on large lists). `buffer` is `source`'s storage; entries
    /// keep a reference to `source` and byte ranges into it (no copies).
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, source: [UInt8]) -> [ClientEntry] {
        let count = buffer.count
        var clients: [ClientEntry] = []
        // Lines are 100-350 bytes; a rough reserve avoids most regrowth copies.
        clients.reserveCapacity(count / 160 + 1)
        var blank = ClientEntry()
        blank.source = source
        var entry = blank
        var sawField = false
        var lineStart = 0
        var tokenStart = 0
        while tokenStart <= count {
            // The key, up to the first '=', packed as it is read (see `packedKey`);
            // then the value, where only a space or line end matters.
            var tokenEnd = tokenStart
            var equals = -1
            var packed: UInt64 = 0
            var shift: UInt64 = 0
            while tokenEnd < count {
                let byte = buffer[tokenEnd]
                if byte == Bytes.equals { equals = tokenEnd; break }
                if byte == Bytes.space || byte == Bytes.lf { break }
                packed |= UInt64(byte) << shift // a shift past 63 gives 0; long keys are rejected below
                shift &+= 8
                tokenEnd += 1
            }
            if equals >= 0 {
                tokenEnd += 1
                while tokenEnd < count {
                    let byte = buffer[tokenEnd]
                    if byte == Bytes.space || byte == Bytes.lf { break }
                    tokenEnd += 1
                }
            }
            let endsLine = tokenEnd == count || buffer[tokenEnd] == Bytes.lf
            var valueEnd = tokenEnd
            if endsLine, valueEnd > tokenStart, buffer[valueEnd - 1] == Bytes.cr { valueEnd -= 1 }
            if equals > tokenStart, equals <= valueEnd {
                sawField = true
                if equals - tokenStart <= 8, let field = Field(rawValue: packed) {
                    assign(&entry, buffer, field, value: equals + 1, end: valueEnd)
                }
            }
            if endsLine {
                if sawField {
                    var lineEnd = tokenEnd
                    if lineEnd > lineStart, buffer[lineEnd - 1] == Bytes.cr { lineEnd -= 1 }
                    entry.lineEnd = lineEnd
                    clients.append(entry)
                    // A dense hostile list (`a=` lines) would cost 200 bytes an entry.
                    if clients.count >= maximumEntries { return clients }
                    entry = blank
                    sawField = false
                }
                lineStart = tokenEnd + 1
                entry.lineStart = lineStart
            }
            tokenStart = tokenEnd + 1
        }
        return clients
    }

    /// Keys of up to 8 bytes packed little-endian into one integer, so the
    /// field dispatch is an integer switch instead of string compares.
    @inline(__always)
    static func packedKey(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
        guard end - start <= 8 else { return nil }
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        for index in start..<end {
            packed |= UInt64(buffer[index]) << shift
            shift += 8
        }
        return packed
    }

    @inline(__always)
    static func assign(_ entry: inout ClientEntry, _ buffer: UnsafeBufferPointer<UInt8>, _ field: Field, value v: Int, end: Int) {
        // Unmodelled fields are not copied here: `other` re-scans the line on demand,
        // which halves the cost of a parse that rules mostly never ask about.
        func int() -> Int? { Bytes.int(buffer, v, end) }
        switch field {
        case .id: entry.id = int()
        case .addr: entry._addr = entry.span(buffer, v, end, .addr)
        case .laddr: entry._laddr = entry.span(buffer, v, end, .laddr)
        case .fd: entry.fd = int()
        case .name: entry._name = entry.span(buffer, v, end, .name)
        case .age: entry.age = int()
        case .idle: entry.idle = int()
        case .flags: entry._flags = entry.span(buffer, v, end, .flags)
        case .db: entry.db = int()
        case .sub: entry.sub = int()
        case .psub: entry.psub = int()
        case .multi: entry.multi = int()
        case .qbuf: entry.qbuf = int()
        case .obl: entry.obl = int()
        case .oll: entry.oll = int()
        case .omem: entry.omem = int()
        case .totMem: entry.totMem = int()
        case .cmd: entry._cmd = entry.span(buffer, v, end, .cmd)
        case .user: entry._user = entry.span(buffer, v, end, .user)
        case .libName: entry._libName = entry.span(buffer, v, end, .libName)
        case .libVer: entry._libVer = entry.span(buffer, v, end, .libVer)
        }
    }

    /// Modelled keys, each packed little-endian into an integer (see `packedKey`).
    enum Field: UInt64 {
        case id = 0x6469
        case addr = 0x7264_6461
        case laddr = 0x72_6464_616c
        case fd = 0x6466
        case name = 0x656d_616e
        case age = 0x65_6761
        case idle = 0x656c_6469
        case flags = 0x73_6761_6c66
        case db = 0x6264
        case sub = 0x62_7573
        case psub = 0x6275_7370
        case multi = 0x69_746c_756d
        case qbuf = 0x6675_6271
        case obl = 0x6c_626f
        case oll = 0x6c_6c6f
        case omem = 0x6d65_6d6f
        case totMem = 0x6d_656d_2d74_6f74
        case cmd = 0x64_6d63
        case user = 0x7265_7375
        case libName = 0x656d_616e_2d62_696c
        case libVer = 0x72_6576_2d62_696c
    }

    /// The unmodelled `key=value` tokens of one line, in order.
    static func otherFields(of line: String) -> [(String, String)] {
        var line = line
        return line.withUTF8 { otherFields($0) }
    }

    /// The unmodelled `key=value` tokens of one line's bytes, in order.
    static func otherFields(_ buffer: UnsafeBufferPointer<UInt8>) -> [(String, String)] {
        var result: [(String, String)] = []
        var tokenStart = 0
        while tokenStart < buffer.count {
            var tokenEnd = tokenStart
            var equals = -1
            while tokenEnd < buffer.count, buffer[tokenEnd] != Bytes.space {
                if equals < 0, buffer[tokenEnd] == Bytes.equals { equals = tokenEnd }
                tokenEnd += 1
            }
            if equals > tokenStart, packedKey(buffer, tokenStart, equals).flatMap(Field.init(rawValue:)) == nil {
                result.append((Bytes.string(buffer, tokenStart, equals), Bytes.string(buffer, equals + 1, tokenEnd)))
            }
            tokenStart = tokenEnd + 1
        }
        return result
    }
}

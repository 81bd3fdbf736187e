/// Parser for CLIENT LIST and CLIENT INFO replies.
///
/// A byte scanner, not String.split: a 10,000-client list must parse in a few
/// milliseconds (see Docs/performance.md). Lines end in `\n` (`\r\n` tolerated);
/// tokens are separated by single spaces and split on their FIRST `=`, so
/// `name=odd=name:with,chars` keeps its value whole. Tokens without `=` are skipped.
public enum ClientList {
    public static func parse(_ bytes: [UInt8]) -> [ClientEntry] {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    public static func parse(_ text: String) -> [ClientEntry] {
        parse(Array(text.utf8))
    }

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> [ClientEntry] {
        var clients: [ClientEntry] = []
        let count = buffer.count
        var lineStart = 0
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, buffer[lineEnd] != Bytes.lf { lineEnd += 1 }
            var end = lineEnd
            if end > lineStart, buffer[end - 1] == Bytes.cr { end -= 1 }
            if end > lineStart, let entry = parseLine(buffer, lineStart, end) {
                clients.append(entry)
            }
            lineStart = lineEnd + 1
        }
        return clients
    }

    /// Parses one line; nil when it holds no `key=value` token at all.
    static func parseLine(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ClientEntry? {
        var entry = ClientEntry()
        var sawField = false
        var tokenStart = start
        while tokenStart < end {
            var tokenEnd = tokenStart
            var equals = -1
            while tokenEnd < end, buffer[tokenEnd] != Bytes.space {
                if equals < 0, buffer[tokenEnd] == Bytes.equals { equals = tokenEnd }
                tokenEnd += 1
            }
            if equals > tokenStart {
                sawField = true
                assign(&entry, buffer, key: tokenStart, equals: equals, end: tokenEnd)
            }
            tokenStart = tokenEnd + 1
        }
        return sawField ? entry : nil
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
    static func assign(_ entry: inout ClientEntry, _ buffer: UnsafeBufferPointer<UInt8>, key: Int, equals: Int, end: Int) {
        let v = equals + 1
        func text() -> String { Bytes.string(buffer, v, end) }
        func int() -> Int? { Bytes.int(buffer, v, end) }
        switch packedKey(buffer, key, equals) {
        case 0x6469: entry.id = int()
        case 0x7264_6461: entry.addr = text()
        case 0x72_6464_616c: entry.laddr = text()
        case 0x6466: entry.fd = int()
        case 0x656d_616e: entry.name = text()
        case 0x65_6761: entry.age = int()
        case 0x656c_6469: entry.idle = int()
        case 0x73_6761_6c66: entry.flags = text()
        case 0x6264: entry.db = int()
        case 0x62_7573: entry.sub = int()
        case 0x6275_7370: entry.psub = int()
        case 0x69_746c_756d: entry.multi = int()
        case 0x6675_6271: entry.qbuf = int()
        case 0x6c_626f: entry.obl = int()
        case 0x6c_6c6f: entry.oll = int()
        case 0x6d65_6d6f: entry.omem = int()
        case 0x6d_656d_2d74_6f74: entry.totMem = int()
        case 0x64_6d63: entry.cmd = text()
        case 0x7265_7375: entry.user = text()
        case 0x656d_616e_2d62_696c: entry.libName = text()
        case 0x72_6576_2d62_696c: entry.libVer = text()
        default:
            if entry.other.isEmpty { entry.other.reserveCapacity(16) }
            entry.other.append((Bytes.string(buffer, key, equals), text()))
        }
    }
}

/// Small byte-level helpers shared by the parsers.
///
/// Parsers work on UTF-8 bytes, not Characters: `"\r\n"` is one Character in
/// Swift, and byte scanning is an order of magnitude faster than String.split.
enum Bytes {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let comma: UInt8 = 0x2C
    static let equals: UInt8 = 0x3D
    static let hash: UInt8 = 0x23

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// Decodes a byte range as text; invalid UTF-8 becomes U+FFFD rather than failing.
    @inline(__always)
    static func string(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        if start >= end { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    /// Parses an optionally negative decimal integer spanning exactly `start..<end`.
    /// Nil on any other byte or on overflow, so junk never becomes a number.
    @inline(__always)
    static func int(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var index = start
        var negative = false
        if index < end, buffer[index] == 0x2D {
            negative = true
            index += 1
        }
        if index >= end { return nil }
        var value = 0
        while index < end {
            let digit = Int(buffer[index]) &- 0x30
            if digit < 0 || digit > 9 { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// Trims spaces and tabs from both ends of a string (for numeric conversion of INFO values).
    static func trimBlanks(_ text: Substring) -> Substring {
        var result = text
        while let first = result.utf8.first, isBlank(first) { result = result.dropFirst() }
        while let last = result.utf8.last, isBlank(last) { result = result.dropLast() }
        return result
    }

    /// ASCII-only lowercase compare; section and config names are ASCII.
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { lower($0) == lower($1) }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }
}

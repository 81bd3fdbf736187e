import CHiredis
import RedisDoctorCore

/// hiredis's RESP decoder, fed by a socket this layer owns.
///
/// hiredis does the protocol; the connection does the waiting, so a deadline
/// can bound the whole reply instead of each read.
final class ReplyReader {
    private let reader: UnsafeMutablePointer<redisReader>

    init() {
        reader = redisReaderCreate()
    }

    deinit {
        redisReaderFree(reader)
    }

    func feed(_ bytes: ArraySlice<UInt8>) throws(ConnectionError) {
        guard !bytes.isEmpty else { return }
        let rc = bytes.withUnsafeBytes { raw in
            redisReaderFeed(reader, raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
        }
        if rc != REDIS_OK { throw ConnectionError.protocolError(errorText) }
    }

    /// The next complete reply, or nil if more bytes are needed.
    func next() throws(ConnectionError) -> RedisReply? {
        var raw: UnsafeMutableRawPointer?
        if redisReaderGetReply(reader, &raw) != REDIS_OK {
            throw ConnectionError.protocolError(errorText)
        }
        guard let raw else { return nil }
        defer { freeReplyObject(raw) }
        return Self.convert(raw.assumingMemoryBound(to: redisReply.self))
    }

    private var errorText: String {
        withUnsafeBytes(of: reader.pointee.errstr) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    private static func convert(_ reply: UnsafeMutablePointer<redisReply>) -> RedisReply {
        let r = reply.pointee
        func bytes() -> [UInt8] {
            guard let str = r.str, r.len > 0 else { return [] }
            return Array(UnsafeRawBufferPointer(start: str, count: r.len))
        }
        switch r.type {
        case REDIS_REPLY_STRING: return .bulk(bytes())
        case REDIS_REPLY_STATUS: return .status(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_ERROR: return .error(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_INTEGER: return .integer(r.integer)
        case REDIS_REPLY_ARRAY:
            var items: [RedisReply] = []
            items.reserveCapacity(r.elements)
            for i in 0..<r.elements {
                if let element = r.element[i] { items.append(convert(element)) } else { items.append(.null) }
            }
            return .array(items)
        default: return .null
        }
    }
}

/// RESP multi-bulk encoding, written straight into the outgoing buffer: a pipeline of a
/// thousand keys is one append per byte run, not an allocation per argument.
enum CommandEncoder {
    static func encode(_ argv: [[UInt8]], into out: inout [UInt8]) {
        appendHeader(UInt8(ascii: "*"), argv.count, to: &out)
        for arg in argv { appendBulk(arg, to: &out) }
    }

    /// One argument: `$5\r\nhello\r\n`.
    static func appendBulk(_ arg: [UInt8], to out: inout [UInt8]) {
        appendHeader(UInt8(ascii: "$"), arg.count, to: &out)
        out.append(contentsOf: arg)
        out.append(0x0D)
        out.append(0x0A)
    }

    /// `*3\r\n`, `$5\r\n`: the marker, the decimal count, CR LF.
    static func appendHeader(_ marker: UInt8, _ n: Int, to out: inout [UInt8]) {
        out.append(marker)
        if n < 10 {
            out.append(UInt8(ascii: "0") + UInt8(n))
            out.append(0x0D)
            out.append(0x0A)
            return
        }
        let start = out.count
        var value = n
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
        } while value > 0
        out[start...].reverse()
        out.append(0x0D)
        out.append(0x0A)
    }
}

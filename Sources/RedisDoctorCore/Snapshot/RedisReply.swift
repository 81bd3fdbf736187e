/// One reply from a Redis-protocol server, as a value.
///
/// The connection layer builds these from hiredis's reader; Core parses them.
/// Bulk strings stay bytes: INFO is text, but DUMP and binary values are not.
public indirect enum RedisReply: Sendable, Equatable {
    case status(String)
    case error(String)
    case integer(Int64)
    case bulk([UInt8])
    case null
    case array([RedisReply])
}

extension RedisReply {
    /// The reply as text when it is a bulk or status string (INFO, CLIENT LIST, PONG).
    public var text: String? {
        switch self {
        case .bulk(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .status(let s): return s
        default: return nil
        }
    }

    /// The bytes of a bulk or status string.
    public var bytes: [UInt8]? {
        switch self {
        case .bulk(let bytes): return bytes
        case .status(let s): return Array(s.utf8)
        default: return nil
        }
    }

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }

    public var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var array: [RedisReply]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// TIME's reply (`[seconds, microseconds]`) in milliseconds; nil when it is not one.
    public var timeMilliseconds: Int64? {
        guard let parts = array, parts.count == 2, let s = parts[0].text.flatMap({ Int64($0) }),
              let us = parts[1].text.flatMap({ Int64($0) }) else { return nil }
        return Int64.milliseconds(seconds: s, micros: us)
    }

    /// What kind of reply this is, for a message about a reply of the wrong kind:
    /// `an integer (5)`, `a status reply (+OK)`, `a bulk string of 12 bytes`.
    public var shapeDescription: String {
        switch self {
        case .bulk(let bytes): return "a bulk string of \(bytes.count) bytes"
        case .status(let text): return "a status reply (+\(OutputText.oneLine(String(text.prefix(40)))))"
        case .integer(let n): return "an integer (\(n))"
        case .null: return "a nil reply"
        case .array(let items): return "an array of \(items.count) elements"
        case .error(let message): return "an error (\(OutputText.oneLine(String(message.prefix(80)))))"
        }
    }
}

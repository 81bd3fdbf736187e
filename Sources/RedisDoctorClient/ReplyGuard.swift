/// Walks the RESP headers of incoming bytes before hiredis sees them, so no reply can
/// outgrow its budget in memory or outlive the deadline.
///
/// hiredis 0.14 allocates an array for the count a `*N` header announces: `*2147483647`
/// costs nothing to send, and freeing the partial reply walks 2^31 slots (14 s). A stream
/// of `:1` elements costs 4 bytes on the wire and about 100 in memory. So each reply is
/// charged its bytes plus `bytesPerElement` for every element, and a header whose
/// count cannot fit in what is left of the budget is refused before hiredis allocates.
struct ReplyGuard {
    /// Charge per element, for the decoded object it becomes (hiredis's reply, our enum).
    static let bytesPerElement = 32
    /// The smallest element on the wire (`+\r\n`).
    static let minimumElementBytes = 3

    enum Violation: Error, Equatable {
        case tooLarge(String)
        case tooManyLines(Int)
        case malformed(String)
    }

    var budget: Int
    /// When set, a bulk payload with more lines than this is refused (CLIENT LIST).
    var lineLimit: Int?
    /// When set, what all replies together may be charged until `resetTotal` (a check keeps
    /// every reply of its samples: a server answering each command with 30 MiB must not
    /// multiply the per-reply budget).
    var totalBudget: Int?

    private var total = 0
    private var charged = 0
    private var lines = 0
    /// Elements still expected by each open aggregate, innermost last.
    private var open: [Int] = []
    private var state = State.type
    private var number = 0
    private var digits = 0
    private var negative = false
    /// The last byte seen was a CR: a line ends only at CR LF, exactly as hiredis reads it
    /// (a bare LF is part of the line), so the guard and hiredis never split lines apart.
    private var pendingCR = false

    private enum State {
        case type
        case skipLine
        case count(aggregate: Bool)
        /// A length was read and its CR seen; only LF may follow.
        case countEnd(aggregate: Bool)
        case payload(remaining: Int)
    }

    init(budget: Int) {
        self.budget = budget
    }

    /// True between replies: no header or payload is half read.
    var atReplyBoundary: Bool {
        if case .type = state { return open.isEmpty }
        return false
    }

    /// Checks `bytes`, which continue the stream; throws before any byte of a chunk
    /// that would break the budget reaches the decoder.
    mutating func scan(_ slice: ArraySlice<UInt8>) throws(Violation) {
        // Raw buffer access: this runs over every byte a server sends.
        try slice.withUnsafeBufferPointer { (bytes) throws(Violation) in try scan(bytes) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(Violation) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            switch state {
            case .type:
                try charge(1)
                switch byte {
                case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"): state = .skipLine; pendingCR = false
                case UInt8(ascii: "*"): startNumber(); state = .count(aggregate: true)
                case UInt8(ascii: "$"): startNumber(); state = .count(aggregate: false)
                default: throw .malformed("unexpected byte \(byte) where a reply type was expected")
                }
                i += 1
            case .skipLine:
                // Status, error and integer lines: only their end, CR LF, matters.
                var search = i
                var end: Int?
                // A plain loop: the generic slice search costs metadata lookups per line.
                while search < bytes.endIndex {
                    if bytes[search] == 0x0A {
                        let previousIsCR = search > i ? bytes[search - 1] == 0x0D : pendingCR
                        if previousIsCR { end = search; break }
                    }
                    search += 1
                }
                let stop = end.map { $0 + 1 } ?? bytes.endIndex
                try charge(stop - i)
                if end != nil {
                    pendingCR = false
                    state = .type
                    try finishElement()
                } else {
                    pendingCR = stop > i && bytes[stop - 1] == 0x0D
                }
                i = stop
            case .count(let aggregate):
                try charge(1)
                i += 1
                switch byte {
                case UInt8(ascii: "-") where digits == 0 && !negative: negative = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                    guard digits <= 18 else { throw .malformed("a length of more than 18 digits") }
                    number = number * 10 + Int(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "\r"):
                    guard digits > 0 else { throw .malformed("a length with no digits") }
                    state = .countEnd(aggregate: aggregate)
                default: throw .malformed("unexpected byte \(byte) in a length")
                }
            case .countEnd(let aggregate):
                try charge(1)
                i += 1
                guard byte == 0x0A else { throw .malformed("a length not ended by CR LF") }
                try header(aggregate: aggregate, count: negative ? -number : number)
            case .payload(let remaining):
                let take = min(remaining, bytes.endIndex - i)
                try charge(take)
                if let lineLimit {
                    // Lines of the body only: the closing CR LF is not a line of its own.
                    let body = max(0, min(take, remaining - 2))
                    var j = i
                    while let newline = bytes[j..<(i + body)].firstIndex(of: 0x0A) {
                        lines += 1
                        if lines > lineLimit { throw .tooManyLines(lineLimit) }
                        j = newline + 1
                    }
                }
                i += take
                if take == remaining {
                    state = .type
                    try finishElement()
                } else {
                    state = .payload(remaining: remaining - take)
                }
            }
        }
    }

    private mutating func startNumber() {
        number = 0
        digits = 0
        negative = false
    }

    private mutating func header(aggregate: Bool, count: Int) throws(Violation) {
        if count == -1 || (aggregate && count == 0) {
            state = .type
            try finishElement()
            return
        }
        guard count >= 0 else { throw .malformed("a negative length (\(count))") }
        let left = min(budget - charged, (totalBudget ?? .max) - total)
        if aggregate {
            // Every announced element needs at least its smallest wire form and its object.
            guard count <= left / (Self.minimumElementBytes + Self.bytesPerElement) else {
                throw .tooLarge("a reply announcing \(count) elements, more than the \(Self.sizeText(budget)) reply budget allows")
            }
            try charge(count * Self.bytesPerElement)
            open.append(count)
            state = .type
        } else {
            guard count + 2 <= left else {
                throw .tooLarge("a reply announcing a \(count)-byte string, over the \(Self.sizeText(budget)) reply budget")
            }
            state = .payload(remaining: count + 2)
        }
    }

    /// An element ended: count it against its aggregate, closing every aggregate it completes.
    private mutating func finishElement() throws(Violation) {
        while let last = open.last {
            if last > 1 {
                open[open.count - 1] = last - 1
                return
            }
            open.removeLast()
        }
        // A whole reply ended: the next one has the full budget.
        charged = 0
        lines = 0
    }

    private mutating func charge(_ bytes: Int) throws(Violation) {
        charged += bytes
        total += bytes
        if charged > budget {
            throw .tooLarge("a reply larger than the \(Self.sizeText(budget)) reply budget")
        }
        if let totalBudget, total > totalBudget {
            throw .tooLarge("replies larger than the \(Self.sizeText(totalBudget)) budget for all of a run's replies together")
        }
    }

    var unspentTotal: Int? { totalBudget.map { max(0, $0 - total) } }

    /// Starts counting all replies together afresh under `limit` (nil: no overall limit).
    mutating func resetTotal(_ limit: Int?) {
        total = 0
        totalBudget = limit
    }

    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }
}

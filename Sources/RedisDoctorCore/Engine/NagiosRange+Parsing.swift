extension NagiosRange {
    /// Parses `[@][start:][end]`, where `start` may be `~` (minus infinity) and an
    /// omitted `end` means plus infinity. Numbers are plain decimals: no exponents,
    /// no `inf`/`nan`, so a typo is never read as something else.
    public init(parsing text: String) throws(NagiosRangeError) {
        let chars = Array(text)
        var index = 0
        func fail(_ reason: String, at position: Int) -> NagiosRangeError {
            NagiosRangeError(text: text, position: position + 1, reason: reason)
        }
        guard !chars.isEmpty else { throw fail("empty range", at: 0) }
        var inside = false
        if chars[0] == "@" {
            inside = true
            index = 1
            guard index < chars.count else { throw fail("expected a range after \"@\"", at: index) }
        }
        var start: Double = 0
        var end: Double = .infinity
        if let colon = chars[index...].firstIndex(of: ":") {
            let startChars = chars[index..<colon]
            if startChars.count == 1 && startChars.first == "~" {
                start = -.infinity
            } else if !startChars.isEmpty {
                start = try Self.number(chars, from: index, to: colon, text: text)
            }
            if colon + 1 < chars.count {
                end = try Self.number(chars, from: colon + 1, to: chars.count, text: text)
            }
        } else {
            if chars[index] == "~" {
                throw fail("\"~\" is only allowed as the start, as in \"~:10\"", at: index)
            }
            end = try Self.number(chars, from: index, to: chars.count, text: text)
        }
        guard start <= end else {
            throw fail("start \(NumberText.format(start) ?? "?") is greater than end \(NumberText.format(end) ?? "?")", at: index)
        }
        self.start = start
        self.end = end
        self.alertsInside = inside
    }

    /// Reads `-?digits[.digits]` spanning exactly `chars[from..<to]`.
    private static func number(_ chars: [Character], from: Int, to: Int, text: String) throws(NagiosRangeError) -> Double {
        func fail(_ reason: String, at position: Int) -> NagiosRangeError {
            NagiosRangeError(text: text, position: position + 1, reason: reason)
        }
        var i = from
        if i < to, chars[i] == "-" || chars[i] == "+" { i += 1 }
        var digits = 0
        var sawPoint = false
        while i < to {
            let c = chars[i]
            if c.isASCII && c.isNumber {
                digits += 1
            } else if c == "." && !sawPoint {
                sawPoint = true
            } else if c == ":" {
                throw fail("unexpected second \":\"", at: i)
            } else {
                throw fail("unexpected \"\(c)\" in a number", at: i)
            }
            i += 1
        }
        guard digits > 0 else { throw fail("expected a number", at: from) }
        // reduce, not String(_:): that generic initialiser looks a conformance up at run time.
        guard let value = Double(chars[from..<to].reduce(into: "") { $0.append($1) }), value.isFinite else {
            throw fail("number out of range", at: from)
        }
        return value
    }
}

/// A threshold range in Nagios plugin syntax: `[@][start:][end]`.
///
/// `10` alerts outside 0...10, `10:` below 10, `~:10` above 10, `10:20` outside
/// 10...20 and `@10:20` inside 10...20 (inclusive). Bounds may be negative or decimal.
public struct NagiosRange: Sendable, Hashable, CustomStringConvertible {
    /// Lower bound; `-infinity` for `~`.
    public let start: Double
    /// Upper bound; `+infinity` when omitted (`10:`).
    public let end: Double
    /// True for `@`: alert when the value lies inside the range rather than outside.
    public let alertsInside: Bool

    /// Builds a range from bounds; `start` must not exceed `end`.
    public init(start: Double = 0, end: Double = .infinity, alertsInside: Bool = false) throws(NagiosRangeError) {
        guard !start.isNaN, !end.isNaN else {
            throw NagiosRangeError(text: "", position: 1, reason: "bounds must be numbers")
        }
        guard start <= end else {
            throw NagiosRangeError(text: "", position: 1, reason: "start \(NumberText.format(start) ?? "?") is greater than end \(NumberText.format(end) ?? "?")")
        }
        self.start = start
        self.end = end
        self.alertsInside = alertsInside
    }

    /// Whether `value` should raise an alert. A NaN value always alerts: a value that
    /// cannot be compared must not pass silently.
    public func alerts(_ value: Double) -> Bool {
        if value.isNaN { return true }
        let inside = value >= start && value <= end
        return alertsInside ? inside : !inside
    }

    /// The canonical text, which parses back to an equal range (`0:10` becomes `10`).
    public var description: String {
        var text = alertsInside ? "@" : ""
        let endText = end == .infinity ? "" : NumberText.format(end) ?? ""
        if start == 0 && end != .infinity {
            text += endText
        } else if start == -.infinity {
            text += "~:" + endText
        } else {
            text += (NumberText.format(start) ?? "") + ":" + endText
        }
        return text
    }
}

/// Why a range text was rejected, and where.
public struct NagiosRangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that failed to parse.
    public var text: String
    /// 1-based character position of the problem.
    public var position: Int
    public var reason: String

    public init(text: String, position: Int, reason: String) {
        self.text = text
        self.position = position
        self.reason = reason
    }

    public var description: String {
        "invalid range \"\(text)\": \(reason) at character \(position)"
    }
}

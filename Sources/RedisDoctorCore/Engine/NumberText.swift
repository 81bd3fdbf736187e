/// Plain decimal formatting for perfdata, JSON and Prometheus, without Foundation.
///
/// Never uses scientific notation (monitoring parsers choke on `1e+20`). Integral
/// values print without a fraction; values with magnitude >= 1 keep at most 6
/// decimal places; values below 1 keep 6 significant digits, so `1e-7` prints as
/// `0.0000001` instead of rounding to zero. `-0` prints as `0`. Non-finite values
/// have no text (nil): callers omit them.
public enum NumberText {
    public static func format(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        // Most metrics are counts and bytes: print whole numbers directly (exact below 2^53).
        if value.magnitude < 9_007_199_254_740_992, let whole = Int64(exactly: value) { return String(whole) }
        // Shortest round-trip digits from the stdlib, then re-laid out in plain notation.
        var (negative, digits, pointPosition) = decompose(value)
        // pointPosition: number of digits before the decimal point (may be <= 0 or > count).
        let keepAfterPoint: Int
        if pointPosition >= 1 {
            keepAfterPoint = 6
        } else {
            keepAfterPoint = -pointPosition + 6  // leading zeros after the point, then 6 significant
        }
        let keep = pointPosition + keepAfterPoint
        if digits.count > keep {
            let roundUp = digits[keep] >= 5
            digits.removeLast(digits.count - keep)
            if roundUp {
                var i = digits.count - 1
                while i >= 0 {
                    if digits[i] == 9 {
                        digits[i] = 0
                        i -= 1
                    } else {
                        digits[i] += 1
                        break
                    }
                }
                if i < 0 {
                    digits.insert(1, at: 0)
                    pointPosition += 1
                }
            }
        }
        while let last = digits.last, last == 0, digits.count > max(pointPosition, 0) {
            digits.removeLast()
        }
        if digits.allSatisfy({ $0 == 0 }) { return "0" }
        var text = negative ? "-" : ""
        if pointPosition <= 0 {
            text += "0." + String(repeating: "0", count: -pointPosition)
            text += digits.map(String.init).joined()
        } else if pointPosition >= digits.count {
            text += digits.map(String.init).joined()
            text += String(repeating: "0", count: pointPosition - digits.count)
        } else {
            text += digits[..<pointPosition].map(String.init).joined()
            text += "." + digits[pointPosition...].map(String.init).joined()
        }
        return text
    }

    /// Splits the stdlib's shortest representation (`1.5e-07`, `123.25`) into sign,
    /// significant digits and the position of the decimal point.
    private static func decompose(_ value: Double) -> (Bool, [Int], Int) {
        let text = Array(value.magnitude.description)
        var digits: [Int] = []
        var pointPosition: Int?
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == "." {
                pointPosition = digits.count
            } else if c == "e" || c == "E" {
                exponent = Int(String(text[(i + 1)...])) ?? 0
                break
            } else if let d = c.wholeNumberValue {
                digits.append(d)
            }
            i += 1
        }
        var point = (pointPosition ?? digits.count) + exponent
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        return (value < 0, digits, point)
    }
}

extension NumberText {
    /// Strict plain-decimal parsing (`-12.5`): no exponent, `inf` or `nan`, so a
    /// typo in a setting is rejected rather than read as something else.
    static func parse(_ text: String) -> Double? {
        var digits = 0
        var sawPoint = false
        for (offset, c) in text.enumerated() {
            if c.isASCII && c.isNumber {
                digits += 1
            } else if c == "." && !sawPoint {
                sawPoint = true
            } else if (c == "-" || c == "+") && offset == 0 {
                continue
            } else {
                return nil
            }
        }
        guard digits > 0, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

/// Compact human-readable quantities for summaries and server facts.
public enum HumanFormat {
    /// Binary units with three significant digits: `512 B`, `1.02 MiB`, `10.5 GiB`.
    public static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var scaled = value.magnitude
        var unit = 0
        while scaled >= 1024 && unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        var rounded = roundForDisplay(scaled, integral: unit == 0)
        if rounded >= 1024 && unit < units.count - 1 {
            unit += 1
            rounded = roundForDisplay(rounded / 1024, integral: false)
        }
        return (value < 0 ? "-" : "") + (NumberText.format(rounded) ?? "?") + " " + units[unit]
    }

    /// Largest two units: `45s`, `12m 5s`, `3h 20m`, `2d 4h`.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        if seconds.magnitude < 60 { return (NumberText.format(roundForDisplay(seconds, integral: false)) ?? "?") + "s" }
        let total = Int(saturating: roundHalfAwayFromZero(seconds))
        let sign = total < 0 ? "-" : ""
        let s = total == .min ? Int.max : abs(total)
        let (d, h, m, r) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60, s % 60)
        if d > 0 { return "\(sign)\(d)d \(h)h" }
        if h > 0 { return "\(sign)\(h)h \(m)m" }
        return "\(sign)\(m)m \(r)s"
    }

    /// A plain number without exponent: integers without decimals.
    public static func number(_ value: Double) -> String {
        NumberText.format(value) ?? "?"
    }

    /// `value` with `places` decimals, no exponent.
    public static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return "?" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = roundHalfAwayFromZero(value.magnitude * scale)
        // Beyond Int64 (a junk `1e300` from a server) there are no decimals worth showing.
        guard scaled < 9.2e18 else { return NumberText.format(value) ?? "?" }
        let whole = Int64(scaled / scale)
        var fraction = String(Int64(scaled - Double(whole) * scale))
        while fraction.count < places { fraction = "0" + fraction }
        return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + (places > 0 ? "." + fraction : "")
    }

    /// `42.5%` from a percentage value.
    public static func percent(_ value: Double) -> String { fixed(value, 1) + "%" }

    private static func roundForDisplay(_ value: Double, integral: Bool) -> Double {
        if integral { return roundHalfAwayFromZero(value) }
        let scale: Double = value.magnitude < 10 ? 100 : value.magnitude < 100 ? 10 : 1
        return roundHalfAwayFromZero(value * scale) / scale
    }

    /// `Double.rounded()` calls libm's `round`, which the executables do not link
    /// without Foundation; integer truncation is a plain instruction.
    static func roundHalfAwayFromZero(_ value: Double) -> Double {
        guard value.isFinite, value.magnitude < 4_503_599_627_370_496 else { return value }  // 2^52: already integral
        let truncated = Double(Int64(value))
        let fraction = value - truncated
        if fraction >= 0.5 { return truncated + 1 }
        if fraction <= -0.5 { return truncated - 1 }
        return truncated
    }
}

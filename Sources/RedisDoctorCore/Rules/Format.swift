/// Human-readable values for evidence lines. Metrics keep base units; people read these.
public enum Format {
    /// `1.5 GiB`, `512 B`.
    public static func bytes(_ value: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var v = value
        var unit = 0
        while abs(v) >= 1024 && unit < units.count - 1 {
            v /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(v)) B" : "\(fixed(v, 2)) \(units[unit])"
    }

    /// `45 s`, `12m 5s`, `3h 2m`, `2d 4h`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60)m \(s % 60)s" }
        if s < 86_400 { return "\(s / 3600)h \((s % 3600) / 60)m" }
        return "\(s / 86_400)d \((s % 86_400) / 3600)h"
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
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var fracText = String(frac)
        while fracText.count < places { fracText = "0" + fracText }
        return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + (places > 0 ? "." + fracText : "")
    }

    public static func percent(_ value: Double) -> String { fixed(value, 1) + "%" }
}

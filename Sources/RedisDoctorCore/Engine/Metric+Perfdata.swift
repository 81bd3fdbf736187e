extension Metric {
    /// `'label'=value[UOM];warn;crit;min;max` with trailing empty fields dropped, or
    /// nil when the value is not finite. A non-finite min or max becomes an empty field.
    public var perfdata: String? {
        guard let valueText = NumberText.format(value) else { return nil }
        var fields = [
            // `c` marks a counter (the guidelines' "continuous counter"); a gauge carries its unit.
            Self.quotedLabel(name) + "=" + valueText + (kind == .counter ? "c" : unit.symbol),
            warning?.description ?? "",
            critical?.description ?? "",
            min.flatMap(NumberText.format) ?? "",
            max.flatMap(NumberText.format) ?? "",
        ]
        while let last = fields.last, last.isEmpty { fields.removeLast() }
        return fields.joined(separator: ";")
    }

    /// Labels are always single-quoted; an embedded quote is doubled, and `=`, `|`
    /// and line breaks, which would break perfdata parsers, become `_`.
    static func quotedLabel(_ name: String) -> String {
        var out = "'"
        for c in name {
            switch c {
            case "'": out += "''"
            case "=", "|", "\n", "\r": out += "_"
            default: out.append(c)
            }
        }
        return out + "'"
    }
}

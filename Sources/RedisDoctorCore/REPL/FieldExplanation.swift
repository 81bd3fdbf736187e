/// `:explain FIELD`: the field table's knowledge about one INFO quantity, with its current value.
public enum FieldExplanation {
    /// The field for a name: an `InfoField` case (`usedMemory`) or any INFO key it reads (`used_memory`).
    public static func field(named name: String) -> InfoField? {
        let lower = name.lowercased()
        return InfoField.allCases.first { $0.rawValue.lowercased() == lower || $0.spec.keys.contains(lower) }
    }

    public static func render(_ name: String, info: Info?) -> String {
        guard let field = field(named: name) else {
            var text = "'\(OutputText.oneLine(name))' is not in redis-doctor's field table."
            if let raw = info?.value(name) { text += " Current value: \(OutputText.oneLine(raw))" }
            return text + "\n"
        }
        let spec = field.spec
        var lines = ["\(spec.keys[0])" + (spec.keys.count > 1 ? " (also: \(spec.keys.dropFirst().joined(separator: ", ")))" : "")]
        lines.append("  meaning: " + (spec.meaning ?? "no description yet"))
        lines.append("  unit:    " + unitText(spec.unit))
        if let healthy = spec.healthy { lines.append("  healthy: " + healthy) }
        if let info {
            if let number = info.number(field), spec.kind == .number {
                let raw = info.string(field) ?? ""
                let human = humanValue(number, unit: spec.unit)
                lines.append("  current: " + OutputText.oneLine(raw) + (human == raw ? "" : " (\(human))"))
            } else if let text = info.string(field) {
                lines.append("  current: \(OutputText.oneLine(text))")
            } else {
                lines.append("  current: not reported by this server")
            }
        } else {
            lines.append("  current: unknown (not connected)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func unitText(_ unit: InfoUnit) -> String {
        switch unit {
        case .bytes: return "bytes"
        case .seconds: return "seconds"
        case .milliseconds: return "milliseconds"
        case .microseconds: return "microseconds"
        case .percent: return "percent"
        case .count: return "count"
        case .ratio: return "ratio"
        case .unixSeconds: return "Unix time (seconds)"
        case .unixMicros: return "Unix time (microseconds)"
        case .boolean: return "0 or 1"
        case .text: return "text"
        }
    }

    static func humanValue(_ value: Double, unit: InfoUnit) -> String {
        switch unit {
        case .bytes: return HumanFormat.bytes(value)
        case .seconds: return HumanFormat.duration(seconds: value)
        case .milliseconds: return HumanFormat.duration(seconds: value / 1000)
        case .microseconds: return HumanFormat.number(value / 1000) + " ms"
        default: return HumanFormat.number(value)
        }
    }
}

/// A tick as one plain line (stdout not a terminal, `| tee`) and as JSON (one object a line).
extension WatchTick {
    /// `2026-12-01T18:45:01Z ops/s=1,234 used=1.2 MiB ... hits=98.5% slowlog=+0 rules=OK`
    public func line() -> String {
        var parts = [TimestampText.iso8601(at.rounded(.down))]
        if let failure { return parts[0] + " " + OutputText.oneLine(failure) + "\n" }
        for (name, value) in values {
            parts.append("\(name)=" + (value.map { Self.format(name, $0) } ?? "-"))
        }
        parts.append("hit-ratio=" + (hitRatio.map(HumanFormat.percent) ?? "-"))
        parts.append("slowlog=" + (newSlowlog.map { "+\($0)" } ?? "-"))
        if let save { parts.append("save=\"\(save)\"") }
        if let replication { parts.append("repl=\"\(replication)\"") }
        parts.append("rules=\(status.label)" + (problems.isEmpty ? "" : "(" + problems.map { $0.split(separator: " ").last.map(String.init) ?? $0 }.joined(separator: ",") + ")"))
        return parts.joined(separator: " ") + "\n"
    }

    static func format(_ name: String, _ value: Double) -> String {
        switch name {
        case "used", "rss": return HumanFormat.bytes(value).replacingSpaces
        case "frag": return HumanFormat.fixed(value, 2)
        default:
            guard name.hasSuffix("/s") else { return HumanFormat.number(value) }
            return value >= 100 ? HumanFormat.number(value.rounded()) : HumanFormat.fixed(value, 1)
        }
    }

    public func json() -> String {
        var pairs: [(String, JSONValue)] = [("time", .string(TimestampText.iso8601(at.rounded(.down)))), ("answered", .bool(failure == nil))]
        if let failure {
            pairs.append(("failure", .string(failure)))
            pairs.append(("status", .string(status.rawValue)))
            return JSONValue.object(pairs).serialized() + "\n"
        }
        for (name, value) in values {
            let key = name.hasSuffix("/s") ? String(name.dropLast(2)) + "_per_second" : name
            pairs.append((key, value.map(JSONValue.number) ?? .null))
        }
        pairs.append(("hit_ratio_percent", hitRatio.map(JSONValue.number) ?? .null))
        pairs.append(("new_slowlog_entries", newSlowlog.map { .number(Double($0)) } ?? .null))
        pairs.append(("save", save.map(JSONValue.string) ?? .null))
        pairs.append(("replication", replication.map(JSONValue.string) ?? .null))
        pairs.append(("status", .string(status.rawValue)))
        pairs.append(("problems", .array(problems.map(JSONValue.string))))
        return JSONValue.object(pairs).serialized() + "\n"
    }
}

private extension String {
    /// `1.2 MiB` as one token: `1.2MiB`.
    var replacingSpaces: String { String(unicodeScalars.filter { $0 != " " }) }
}

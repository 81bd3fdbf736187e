/// Text and JSON views of `ClientGroups`, and the CLIENT KILL lines that would
/// close stale connections (printed for a person to review, never run).
public enum ClientGroupsTable {
    /// A table in `width` columns, worst group first (at most `maxRows` of them),
    /// then summary lines.
    public static func render(groups: [ClientGroup], summary: ClientGroupsSummary, width: Int = 80, maxRows: Int = 50) -> String {
        let sorted = sortedWorstFirst(groups)
        let keyWidth = max(12, min(40, width - 52))
        let hostWidth = keyWidth * 9 / 16
        let nameWidth = keyWidth - hostWidth - 1
        let restWidth = max(6, width - keyWidth - 32)
        var lines: [String] = []
        let first = sorted.first?.grouping ?? .hostName
        let header: String
        if first == .hostName {
            header = pad("SOURCE", hostWidth) + " " + pad("NAME", nameWidth)
        } else {
            header = pad(first.rawValue.uppercased(), keyWidth)
        }
        lines.append(trimRight(header + " " + left("CONNS", 6) + " " + left("IDLE", 6) + " " + left("AGE", 7) + " "
                     + left("IDLE~", 7) + "  " + pad("CMDS FLAGS", restWidth)))
        for group in sorted.prefix(max(0, maxRows)) {
            var key: String
            if group.grouping == .hostName {
                key = pad(group.host ?? "?", hostWidth) + " " + pad((group.name ?? "?") + cohortSuffix(group), nameWidth)
            } else {
                key = pad(group.label, keyWidth)
            }
            let age = group.ageMax.map { short(Double($0)) } ?? "-"
            let idle = group.idleMedian.map { short(Double($0)) } ?? "-"
            var rest = group.topCommands.map(\.command).joined(separator: ",")
            if !group.flags.isEmpty { rest += " [" + group.flags + "]" }
            if group.neverUsed && group.idleCount > 0 { rest = "NEVER USED " + rest }
            key += " " + left(String(group.count), 6) + " " + left(String(group.idleCount), 6) + " " + left(age, 7)
                + " " + left(idle, 7) + "  " + pad(rest, restWidth)
            lines.append(trimRight(key))
        }
        if sorted.count > maxRows { lines.append("... \(sorted.count - max(0, maxRows)) more groups") }
        var total = "\(summary.total) connections, \(summary.idle) idle >= \(short(Double(summary.idleThresholdSeconds)))"
            + " in \(summary.staleGroups) group\(summary.staleGroups == 1 ? "" : "s")"
        if summary.excluded > 0 { total += ", \(summary.excluded) excluded" }
        lines.append(total)
        if let source = summary.largestSource {
            lines.append(String("largest source: \(OutputText.oneLine(source)) (\(summary.largestSourceCount) connections)".prefix(width)))
        }
        if summary.excluded > 0 {
            let reasons = ClientExclusion.allCases.compactMap { r in summary.excludedByReason[r].map { "\(r.rawValue) \($0)" } }
            lines.append("excluded from idle counts: " + reasons.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same content as JSON (one object: `summary` and `groups`, worst first).
    public static func json(groups: [ClientGroup], summary: ClientGroupsSummary) -> String {
        var out = "{\"summary\":{"
        out += "\"total\":\(summary.total),\"excluded\":\(summary.excluded),\"idle\":\(summary.idle)"
        out += ",\"idle_threshold_seconds\":\(summary.idleThresholdSeconds),\"stale_groups\":\(summary.staleGroups)"
        out += ",\"never_used\":\(summary.neverUsed),\"largest_source\":" + (summary.largestSource.map(quote) ?? "null")
        out += ",\"largest_source_count\":\(summary.largestSourceCount),\"excluded_by_reason\":{"
        out += ClientExclusion.allCases.compactMap { reason in
            summary.excludedByReason[reason].map { quote(reason.rawValue) + ":\($0)" }
        }.joined(separator: ",")
        out += "}},\"groups\":["
        out += sortedWorstFirst(groups).map { group in
            var fields: [String] = ["\"grouping\":" + quote(group.grouping.rawValue)]
            for (name, value) in [("host", group.host), ("name", group.name), ("lib", group.lib),
                                  ("user", group.user), ("command", group.command)] {
                if let value { fields.append(quote(name) + ":" + quote(value)) }
            }
            fields.append("\"cohort\":\(group.cohort)")
            fields.append("\"count\":\(group.count)")
            fields.append("\"excluded\":\(group.excluded)")
            fields.append("\"idle_count\":\(group.idleCount)")
            for (name, value) in [("age_min", group.ageMin), ("age_max", group.ageMax), ("idle_min", group.idleMin),
                                  ("idle_median", group.idleMedian), ("idle_max", group.idleMax)] {
                fields.append(quote(name) + ":" + (value.map(String.init) ?? "null"))
            }
            fields.append("\"top_commands\":[" + group.topCommands.map {
                "{\"command\":" + quote($0.command) + ",\"count\":\($0.count)}"
            }.joined(separator: ",") + "]")
            fields.append("\"flags\":" + quote(group.flags))
            fields.append("\"omem\":\(group.omem)")
            fields.append("\"tot_mem\":\(group.totMem)")
            fields.append("\"never_used\":\(group.neverUsed)")
            return "{" + fields.joined(separator: ",") + "}"
        }.joined(separator: ",")
        out += "]}"
        return out
    }

    /// `CLIENT KILL ID <id>` for each idle counted connection; without an id (2.4)
    /// the legacy `CLIENT KILL <ip:port>` form, which every version accepts
    /// (the `ADDR` filter only exists from 2.8.12).
    public static func killCommands(for groups: [ClientGroup], limit: Int = Int.max) -> [String] {
        var lines: [String] = []
        for group in sortedWorstFirst(groups) {
            for member in group.idleMembers {
                guard lines.count < limit else { return lines }
                if let id = member.id {
                    lines.append("CLIENT KILL ID \(id)")
                } else if let addr = member.addr {
                    lines.append("CLIENT KILL \(OutputText.oneLine(addr))")
                }
            }
        }
        return lines
    }

    static func sortedWorstFirst(_ groups: [ClientGroup]) -> [ClientGroup] {
        ClientGroups.worstFirst(groups)
    }

    static func cohortSuffix(_ group: ClientGroup) -> String { group.cohort > 0 ? " #\(group.cohort + 1)" : "" }

    /// `45s`, `12m5s`, `3h2m`, `2d4h`: at most 6 characters.
    static func short(_ seconds: Double) -> String {
        let s = Int(saturating: seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(s % 60)s" }
        if s < 86_400 { return "\(s / 3600)h\((s % 3600) / 60)m" }
        return "\(s / 86_400)d\((s % 86_400) / 3600)h"
    }

    /// Left-aligned in `width` characters, cut with `~` when longer.
    static func pad(_ raw: String, _ width: Int) -> String {
        // Names and hosts come from the server: no control bytes reach the terminal.
        let text = OutputText.oneLine(raw)
        let count = text.count
        if count > width { return String(text.prefix(max(0, width - 1))) + "~" }
        return text + String(repeating: " ", count: width - count)
    }

    /// Right-aligned in `width` characters.
    static func left(_ text: String, _ width: Int) -> String {
        let count = text.count
        if count >= width { return text }
        return String(repeating: " ", count: width - count) + text
    }

    static func trimRight(_ text: String) -> String {
        var s = Substring(text)
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// A JSON string literal, escaped as the check report's JSON is.
    static func quote(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, to: &out)
        return out
    }
}

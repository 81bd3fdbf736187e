/// A previous sample rebuilt from the perfdata a monitoring engine kept from the last run
/// (`check --prev-perfdata "$SERVICEPERFDATA$" --prev-time $LASTSERVICECHECK$`), so the
/// interval rules work when the engine moves the check between machines and no state file
/// travels with it.
///
/// The counters perfdata carries (marked `c`), `uptime`, `current_save_keys_processed` and
/// `slowlog_last_id` become the INFO and SLOWLOG a live sample would hold. A run_id cannot
/// travel in numeric perfdata: a restart shows as uptime going down.
public enum PerfdataSample {
    /// How a rebuilt sample names where its time came from.
    public static let source = "--prev-perfdata"

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// One `label=value[unit];...` item as the engine printed it (quoted or not).
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var unit: String
    }

    /// Every item of a perfdata string. Engines re-format it (Icinga 2 drops the quotes of
    /// simple labels and writes numbers its own way): quoted and bare labels, exponents and
    /// any unit are accepted. An item that is not `label=number` is an error naming it.
    public static func parse(_ text: String) throws(Failure) -> [Item] {
        var items: [Item] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { break }
            var label = ""
            if rest.first == "'" {
                rest.removeFirst()
                // A doubled quote is a quote in the label.
                while let c = rest.first {
                    rest.removeFirst()
                    if c == "'" {
                        if rest.first == "'" { label.append("'"); rest.removeFirst() } else { break }
                    } else {
                        label.append(c)
                    }
                }
            } else {
                label = String(rest.prefix { $0 != "=" && !$0.isWhitespace })
                rest = rest.dropFirst(label.count)
            }
            guard rest.first == "=", !label.isEmpty else {
                throw Failure(description: "--prev-perfdata: expected 'label'=value at \"\(OutputText.oneLine(String(rest.prefix(40))))\"")
            }
            rest.removeFirst()
            let field = rest.prefix { !$0.isWhitespace }
            rest = rest.dropFirst(field.count)
            let valueText = field.prefix { $0 != ";" }
            // `U`: the plugin could not measure it; such an item carries nothing.
            if valueText == "U" { continue }
            let number = valueText.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
            let unit = valueText.dropFirst(number.count)
            guard let value = Double(number), value.isFinite, unit.allSatisfy({ $0.isLetter || $0 == "%" }) else {
                throw Failure(description: "--prev-perfdata: '\(OutputText.oneLine(label))' has no number (\"\(OutputText.oneLine(String(valueText.prefix(40))))\")")
            }
            items.append(Item(label: label, value: value, unit: String(unit)))
        }
        return items
    }

    /// The previous sample: INFO rebuilt from the items, taken at `takenAt` (seconds since the epoch).
    public static func snapshot(_ text: String, takenAt: Double, target: String) throws(Failure) -> Snapshot {
        guard takenAt.isFinite, takenAt > 0, takenAt < 1e11 else {
            throw Failure(description: "--prev-time must be the previous check's time in seconds since the epoch, got \(takenAt)")
        }
        let items = try parse(text)
        var info = "# Server\r\nserver_time_usec:\(Int64(takenAt * 1_000_000))\r\n"
        var errorstats = ""
        var slowlogLastID: Int64?
        let counters = Set(ParsedSnapshot.intervalCounters.map { $0.0.spec.keys[0] })
        for item in items {
            let value = NumberText.format(item.value) ?? "0"
            switch item.label {
            case "uptime", "uptime_in_seconds": info += "uptime_in_seconds:\(value)\r\n"
            case "current_save_keys_processed": info += "current_save_keys_processed:\(value)\r\n"
            case "errorstat_oom": errorstats += "errorstat_OOM:count=\(value)\r\n"
            case "slowlog_last_id": slowlogLastID = Int64(exactly: item.value.rounded())
            case let name where counters.contains(name): info += "\(name):\(value)\r\n"
            default: continue
            }
        }
        if !errorstats.isEmpty { info += "# Errorstats\r\n" + errorstats }
        var snapshot = Snapshot(target: target, takenAtMicros: Int64(takenAt * 1_000_000),
                                exchanges: [Exchange(command: ["INFO", "everything"], reply: .bulk(Array(info.utf8)))])
        if let slowlogLastID {
            // One entry with the newest id: what "new entries since" compares against.
            snapshot.exchanges.append(Exchange(command: ["SLOWLOG", "GET", "128"], reply: .array([
                .array([.integer(slowlogLastID), .integer(0), .integer(0), .array([]), .bulk([]), .bulk([])]),
            ])))
        }
        snapshot.takenAtSource = source
        return snapshot
    }
}

/// The forecast `check --set expire-storm.forecast=on` takes, kept raw in the snapshot as the
/// replies themselves: DBSIZE, then per batch the server's TIME and the PTTL of each key.
extension ExpiryForecast {
    /// The commands of a forecast sample, and only those.
    static func isSampleCommand(_ command: [String]) -> Bool {
        guard let first = command.first else { return false }
        // SCAN is kept only when its reply stopped the sample (an error, a bad reply).
        return first == "PTTL" || first == "SCAN" || (command.count == 1 && (first == "TIME" || first == "DBSIZE"))
    }

    /// What a snapshot's forecast sample says; nil when it holds none.
    public struct Sample: Sendable {
        public var forecast: ExpiryForecast
        public var keys: Int
        public var dbsize: Int64?
        /// The first PTTL (or TIME) the server refused, with its words.
        public var refusal: String?

        public var sampledFraction: Double {
            guard let dbsize, dbsize > 0 else { return keys > 0 ? 1 : 0 }
            return min(1, Double(keys) / Double(dbsize))
        }
    }

    public static func sample(in snapshot: Snapshot) -> Sample? {
        var forecast: ExpiryForecast?
        var nowMs: Int64?
        var keys = 0
        var dbsize: Int64?
        var refusal: String?
        for exchange in snapshot.exchanges where isSampleCommand(exchange.command) {
            if let message = exchange.reply.errorMessage {
                if refusal == nil { refusal = "\(exchange.command[0]): \(message)" }
                continue
            }
            switch exchange.command[0] {
            case "SCAN": continue
            case "DBSIZE": dbsize = exchange.reply.integer
            case "TIME":
                guard let ms = exchange.reply.timeMilliseconds else { continue }
                nowMs = ms
                if forecast == nil { forecast = ExpiryForecast(startSecond: ms / 1000) }
            default:
                guard let now = nowMs, exchange.command.count == 2, let pttl = exchange.reply.integer, pttl != -2 else { continue }
                keys += 1
                forecast?.record(key: Array(exchange.command[1].utf8), pttl: pttl, nowMs: now)
            }
        }
        guard let forecast else {
            return refusal.map { Sample(forecast: ExpiryForecast(startSecond: 0), keys: 0, dbsize: dbsize, refusal: $0) }
        }
        return Sample(forecast: forecast, keys: keys, dbsize: dbsize, refusal: refusal)
    }
}

extension Snapshot {
    /// The snapshot without its forecast sample: what a state file keeps (the next run takes its own).
    public var withoutExpirySample: Snapshot {
        var copy = self
        copy.exchanges.removeAll { ExpiryForecast.isSampleCommand($0.command) }
        return copy
    }
}

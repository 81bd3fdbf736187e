/// The unit an INFO quantity is expressed in, so rules and renderers need
/// not guess from the key name.
public enum InfoUnit: String, Sendable, CaseIterable {
    case bytes, seconds, milliseconds, microseconds
    case percent, count, ratio
    /// Seconds / microseconds since the Unix epoch (a point in time, not a duration).
    case unixSeconds, unixMicros
    /// 0 or 1 (`yes`/`no` accepted too).
    case boolean
    /// Not a number (`role`, `maxmemory_policy`).
    case text
}

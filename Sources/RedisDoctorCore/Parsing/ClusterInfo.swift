/// CLUSTER INFO text: the same `key:value` CRLF grammar as INFO, without sections.
public struct ClusterInfo: Sendable, Equatable {
    public var info: Info

    public init(parsing bytes: [UInt8]) {
        info = Info(parsing: bytes)
    }

    public func value(_ key: String) -> String? { info.value(key) }

    public func number(_ key: String) -> Double? { value(key).flatMap(InfoNumber.parse) }

    /// `cluster_state`: `ok` or `fail`.
    public var state: String? { value("cluster_state") }

    public var entries: [InfoEntry] { info.entries }
}

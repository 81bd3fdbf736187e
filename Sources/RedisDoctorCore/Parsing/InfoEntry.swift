/// One `key:value` line of an INFO reply. The value is kept raw (no trimming):
/// typed conversion happens in `InfoField` lookups, which tolerate blanks.
public struct InfoEntry: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

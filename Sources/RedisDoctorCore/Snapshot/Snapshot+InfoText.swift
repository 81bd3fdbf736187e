extension Snapshot {
    /// Wraps INFO text pasted from redis-cli (`--from-file`) as one `INFO` exchange.
    /// A UTF-8 byte-order mark, which some editors add, is dropped.
    public static func fromInfoText(_ bytes: [UInt8], source: String) -> Snapshot {
        var payload = bytes
        if payload.starts(with: [0xEF, 0xBB, 0xBF]) { payload.removeFirst(3) }
        return Snapshot(target: source, exchanges: [Exchange(command: ["INFO"], reply: .bulk(payload))])
    }
}

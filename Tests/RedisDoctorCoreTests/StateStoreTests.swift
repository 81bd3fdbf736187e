import Testing
@testable import RedisDoctorCore

@Test func stateStoreRoundTripsBinaryPayloadsAndOddTargets() throws {
    var store = StateStore()
    store.record([0, 10, 13, 255, 0x0A, 0x0A], for: "127.0.0.1:6379/0", writtenAtMicros: 1_700_000_000_000_000)
    store.record([], for: "unix:///run/redis dir/redis.sock", writtenAtMicros: -5)
    store.record(Array("end\nentry x 1 1\n".utf8), for: "ホスト%20:6379\n", writtenAtMicros: 0)
    store.record([1], for: "", writtenAtMicros: 1)
    let decoded = try StateStore(decoding: store.encoded())
    #expect(decoded == store)
    #expect(decoded["unix:///run/redis dir/redis.sock"]?.payload == [])
}

@Test func stateStoreEncodingIsDocumentedAndDeterministic() {
    var store = StateStore()
    store.record(Array("xyz".utf8), for: "b host", writtenAtMicros: 7)
    store.record(Array("hi".utf8), for: "a%", writtenAtMicros: 42)
    #expect(String(decoding: store.encoded(), as: UTF8.self)
        == "redis-doctor-state 1\nentry a%25 42 2\nhi\nentry b%20host 7 3\nxyz\nend\n")
}

@Test func emptyFileIsAnEmptyStore() throws {
    #expect(try StateStore(decoding: []) == StateStore())
    #expect(try StateStore(decoding: Array("redis-doctor-state 1\nend\n".utf8)) == StateStore())
}

/// Lines count container lines only (payload bytes are skipped); offsets are exact.
@Test(arguments: [
    ("{\"json\": 1}\n", 1, 0, "not a redis-doctor state file"),
    ("redis-doctor-state 2\nend\n", 1, 0, "unsupported state file version \"2\""),
    ("redis-doctor-state 1\n", 2, 21, "truncated (no \"end\" line)"),
    ("redis-doctor-state 1\nentry a 1 2\nhi\n", 3, 36, "truncated (no \"end\" line)"),
    ("redis-doctor-state 1\nentry a 1 10\nhi\nend\n", 2, 34, "payload of 10 bytes is truncated"),
    ("redis-doctor-state 1\nentry a 1 1\nhi\nend\n", 2, 34, "not followed by a newline"),
    ("redis-doctor-state 1\nentry a 1\nend\n", 2, 21, "expected \"entry"),
    ("redis-doctor-state 1\nentry a x 1\nh\nend\n", 2, 21, "bad timestamp \"x\""),
    ("redis-doctor-state 1\nentry a 1 -1\nend\n", 2, 21, "bad length \"-1\""),
    ("redis-doctor-state 1\nentry a%zz 1 0\n\nend\n", 2, 27, "bad target encoding"),
    ("redis-doctor-state 1\nentry a 1 0\n\nentry a 2 0\n\nend\n", 3, 34, "duplicate entry for \"a\""),
    ("redis-doctor-state 1\nend\ngarbage", 3, 25, "unexpected data after \"end\""),
    ("redis-doctor-state 1\nend", 2, 21, "line has no newline"),
])
func stateStoreErrorsHaveLocations(text: String, line: Int, offset: Int, reason: String) {
    #expect {
        try StateStore(decoding: Array(text.utf8))
    } throws: { error in
        guard let error = error as? StateStoreError else { return false }
        return error.line == line && error.offset == offset && error.reason.contains(reason)
    }
}

@Test func stateStorePrunesOldEntries() {
    var store = StateStore()
    store.record([1], for: "old", writtenAtMicros: 10)
    store.record([2], for: "new", writtenAtMicros: 20)
    #expect(store.removingEntries(writtenBefore: 15).entries.keys.sorted() == ["new"])
}

import Testing
@testable import RedisDoctorClient
import RedisDoctorCore

/// Password-like CONFIG values never reach a snapshot.
struct RedactionTests {
    @Test func secretNamesAreFoundInAnyCase() {
        for name in ["requirepass", "masterauth", "tls-key-file-pass", "MASTERAUTH", "x-Secret", "pass", "auth"] {
            #expect(SnapshotCollector.isSecret(Array(name.utf8)), "\(name)")
        }
        for name in ["", "bind", "pas", "aut", "secre", "port", "p\u{E4}ss"] {
            #expect(!SnapshotCollector.isSecret(Array(name.utf8)), "\(name)")
        }
    }

    @Test func nonEmptySecretValuesAreReplacedAndEmptyOnesKept() {
        let reply = RedisReply.array([.bulk(Array("requirepass".utf8)), .bulk(Array("s3cret".utf8)),
                                      .bulk(Array("masterauth".utf8)), .bulk([]),
                                      .bulk(Array("bind".utf8)), .bulk(Array("0.0.0.0".utf8))])
        #expect(SnapshotCollector.redacted(reply) == .array([.bulk(Array("requirepass".utf8)), .bulk(Array("(redacted)".utf8)),
                                                             .bulk(Array("masterauth".utf8)), .bulk([]),
                                                             .bulk(Array("bind".utf8)), .bulk(Array("0.0.0.0".utf8))]))
    }
}

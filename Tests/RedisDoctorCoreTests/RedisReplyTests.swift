import Testing
@testable import RedisDoctorCore

@Test func replyTextReadsBulkAndStatus() {
    #expect(RedisReply.bulk(Array("a:b".utf8)).text == "a:b")
    #expect(RedisReply.status("PONG").text == "PONG")
    #expect(RedisReply.integer(3).text == nil)
}

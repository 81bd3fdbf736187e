import Testing
@testable import RedisDoctorClient

/// The guard sees every header before hiredis does: a count or length that cannot fit
/// the budget is refused at once, whatever follows.
struct ReplyGuardTests {
    func scan(_ text: String, budget: Int = 1 << 20, lineLimit: Int? = nil) -> ReplyGuard.Violation? {
        var guardian = ReplyGuard(budget: budget)
        guardian.lineLimit = lineLimit
        do {
            try guardian.scan(Array(text.utf8)[...])
            return nil
        } catch {
            return error
        }
    }

    @Test func hugeCountsAreRefusedFromTheHeader() {
        #expect(scan("*2147483647\r\n") == .tooLarge("a reply announcing 2147483647 elements, more than the 1 MiB reply budget allows"))
        #expect(scan(String(repeating: "*2147483647\r\n", count: 7)) != nil)
        #expect(scan("$99999999\r\n") == .tooLarge("a reply announcing a 99999999-byte string, over the 1 MiB reply budget"))
    }

    @Test func elementsAreChargedAsWellAsBytes() {
        // 30,000 elements of 4 bytes are 120 KB on the wire, but 1 MB decoded.
        let many = "*30000\r\n" + String(repeating: ":1\r\n", count: 30_000)
        #expect(scan(many, budget: 1 << 20) == .tooLarge("a reply announcing 30000 elements, more than the 1 MiB reply budget allows"))
        #expect(scan(many, budget: 2 << 20) == nil)
    }

    @Test func theBudgetIsPerReply() {
        var guardian = ReplyGuard(budget: 128)
        for _ in 0..<100 { #expect((try? guardian.scan(Array("+OK\r\n$5\r\nhello\r\n*2\r\n:1\r\n:2\r\n".utf8)[...])) != nil) }
        #expect(guardian.atReplyBoundary)
    }

    @Test func malformedLengthsAreProtocolErrors() {
        for text in ["$-5\r\n", "*-2\r\n", "$99999999999999999999\r\n", "*1a\r\n", "?\r\n"] {
            guard case .malformed = scan(text) else {
                Issue.record("\(text.debugDescription) was not refused as malformed")
                continue
            }
        }
        #expect(scan("$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n") == nil)
    }

    @Test func lineLimitStopsATextReply() {
        let list = "$40\r\n" + String(repeating: "id=1 x\n", count: 5) + "abcde\r\n"
        #expect(scan(list, lineLimit: 10) == nil)
        #expect(scan(list, lineLimit: 4) == .tooManyLines(4))
        // Exactly the limit: the closing CR LF is not a line of its own.
        let exact = "$35\r\n" + String(repeating: "id=1 x\n", count: 5) + "\r\n"
        #expect(scan(exact, lineLimit: 5) == nil)
        #expect(scan(exact, lineLimit: 4) == .tooManyLines(4))
    }

    /// hiredis ends a line only at CR LF; a bare LF is part of a status line. Were the guard
    /// to end lines at LF, `+x\n$13` would hide a `*2147483647` header inside a "string".
    @Test func aBareLineFeedCannotSmuggleAHeader() {
        #expect(scan("*2\r\n+x\n$13\r\n*2147483647\r\n") == .tooLarge("a reply announcing 2147483647 elements, more than the 1 MiB reply budget allows"))
        for cut in 1..<12 {
            let bytes = Array("*2\r\n+x\n$13\r\n*2147483647\r\n".utf8)
            var guardian = ReplyGuard(budget: 1 << 20)
            var refused = false
            do { try guardian.scan(bytes[..<cut]); try guardian.scan(bytes[cut...]) } catch { refused = true }
            #expect(refused, "split at \(cut)")
        }
        // A length must end in CR LF.
        guard case .malformed = scan("*2\n:1\r\n:2\r\n") else { Issue.record("bare LF after a length accepted"); return }
        #expect(scan("+a\r\r\n+b\r\n") == nil)
    }

    @Test func splitAnywhereGivesTheSameVerdict() {
        let reply = Array("*3\r\n$5\r\nhello\r\n:42\r\n*2\r\n+a\r\n-ERR b\r\n".utf8)
        for cut in 1..<reply.count {
            var guardian = ReplyGuard(budget: 1 << 10)
            #expect((try? guardian.scan(reply[..<cut])) != nil)
            #expect((try? guardian.scan(reply[cut...])) != nil)
            #expect(guardian.atReplyBoundary, "cut at \(cut)")
        }
    }

    /// `--interval` up to a day: no narrowing to usleep's UInt32 (SIGILL at 4295 s).
    @Test func longPausesConvertWithoutOverflow() {
        let ts = Pause.timespec(seconds: 86_399.5)
        #expect(ts.tv_sec == 86_399)
        #expect(ts.tv_nsec == 500_000_000)
        #expect(Pause.timespec(seconds: -1).tv_sec == 0)
        #expect(Pause.timespec(seconds: .infinity).tv_sec == 0)
    }
}

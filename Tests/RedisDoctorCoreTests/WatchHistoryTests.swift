import Testing
@testable import RedisDoctorCore

/// `:watch` ticks every second, and still judges a save's progress over bgsave-stalled's 5 s.
struct WatchHistoryTests {
    /// A save stuck at 9217 keys, sampled once a second on the server's clock.
    static func stuckSave(at second: Int) -> ParsedSnapshot {
        let info = """
            redis_version:7.0.15\r\nrun_id:abc\r\nserver_time_usec:\(1_763_800_000 + second)000000\r\nrdb_bgsave_in_progress:1\r\n\
            rdb_current_bgsave_time_sec:\(60 + second)\r\nrdb_last_bgsave_time_sec:40\r\ncurrent_save_keys_processed:9217\r\n\
            current_save_keys_total:300000\r\ncurrent_fork_perc:3.07\r\naof_rewrite_in_progress:0\r\n
            """
        return ParsedSnapshot(Snapshot.fromInfoText(Array(info.utf8), source: "t"))
    }

    static func stalled(_ history: WatchHistory) -> RuleResult? {
        history.evaluate([BgsaveStalledRule.self]).first
    }

    @Test func oneSecondTicksJudgeOverFiveSeconds() throws {
        var history = WatchHistory()
        history.append(Self.stuckSave(at: 0), at: 0)
        let first = try #require(Self.stalled(history))
        #expect(first.status == .ok)
        #expect(first.notJudged?.contains("one sample") == true, "\(String(describing: first.notJudged))")
        for second in 1...4 {
            history.append(Self.stuckSave(at: second), at: 0)
            let early = try #require(Self.stalled(history))
            #expect(early.status == .ok, "at \(second) s")
            #expect(early.notJudged == "progress not judged: samples \(second)s apart, need 5s", "\(String(describing: early.notJudged))")
        }
        for second in 5...12 {
            history.append(Self.stuckSave(at: second), at: 0)
            let judged = try #require(Self.stalled(history))
            #expect(judged.status == .warning, "at \(second) s: \(judged.summary)")
            #expect(judged.evidence.contains("current_save_keys_processed=9217 unchanged over 5s (stalled)"), "\(judged.evidence)")
        }
        // The history keeps what the longest interval needs, not every tick.
        #expect(history.samples.count <= 7, "\(history.samples.count)")
        #expect(history.previous.map { history.newest!.at - $0.at } == 1, "rates use the previous tick")
    }

    @Test func theViewShowsTheSaveAndWhatIsNotJudgedYet() {
        var history = WatchHistory()
        history.append(Self.stuckSave(at: 0), at: 0)
        history.append(Self.stuckSave(at: 2), at: 0)
        let text = WatchView.render(target: "t", history: history, results: history.evaluate(), clock: "12:00:00")
        #expect(text.contains("save in progress:"))
        #expect(text.contains("current_save_keys_processed"))
        #expect(text.contains("(+0 in 2s)"), "\(text)")
        #expect(text.contains("bgsave-stalled: progress not judged: samples 2s apart, need 5s"), "\(text)")
        history.append(Self.stuckSave(at: 6), at: 0)
        let later = WatchView.render(target: "t", history: history, results: history.evaluate(), clock: "12:00:06")
        #expect(later.contains("rules: WARNING  WARNING bgsave-stalled"), "\(later)")
    }

    /// The shortest tick (0.1 s, for `watch` and `:watch`) still reaches back 5 s, and a
    /// server clock that never moves cannot grow the history without bound.
    @Test func theHistoryIsBounded() {
        var history = WatchHistory()
        let info = ParsedSnapshot(Snapshot.fromInfoText(Array("redis_version:7.0.15\r\n".utf8), source: "t"))
        for tick in 0..<2000 { history.append(info, at: Double(tick) / 10) }
        #expect(history.samples.count <= WatchHistory.capacity)
        let reach = (history.newest?.at ?? 0) - (history.samples.first?.at ?? 0)
        #expect(reach >= 5, "reaches back 5 s: \(reach)")
        var frozen = WatchHistory()
        for _ in 0..<2000 { frozen.append(info, at: 42) }
        #expect(frozen.samples.count == WatchHistory.capacity)
    }
}

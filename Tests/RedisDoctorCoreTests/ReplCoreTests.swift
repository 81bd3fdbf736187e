import Testing
@testable import RedisDoctorCore

struct CommandLineSplitterTests {
    func split(_ line: String) throws -> [String] {
        try CommandLineSplitter.splitStrings(line)
    }

    @Test func plainWordsAndBlanks() throws {
        #expect(try split("  SET  key\tvalue ") == ["SET", "key", "value"])
        #expect(try split("") == [])
        #expect(try split("   ") == [])
    }

    @Test func doubleQuotesWithEscapes() throws {
        #expect(try split(#"SET "a b" "x\x41y\n""#) == ["SET", "a b", "xAy\n"])
        #expect(try split(#"ECHO "say \"hi\"" "\t\\""#) == ["ECHO", "say \"hi\"", "\t\\"])
        #expect(try CommandLineSplitter.split(#""\xff\x00""#) == [[0xFF, 0x00]])
        #expect(try split(#""""#) == [""])
    }

    @Test func singleQuotesKeepBackslashesExceptQuote() throws {
        #expect(try split(#"SET k 'it\'s \n raw'"#) == ["SET", "k", "it's \\n raw"])
    }

    @Test func quoteInsideAWordStartsQuoting() throws {
        #expect(try split(#"foo"bar baz""#) == ["foobar baz"])
    }

    @Test func errors() {
        #expect(throws: CommandLineSplitter.Failure.unbalancedQuotes) { try split(#"SET "open"#) }
        #expect(throws: CommandLineSplitter.Failure.unbalancedQuotes) { try split("SET 'open") }
        #expect(throws: CommandLineSplitter.Failure.closingQuoteNotFollowedBySpace) { try split(#"SET "a"b"#) }
    }
}

struct HistoryFilterTests {
    @Test(arguments: [
        "AUTH s3cret", "auth user s3cret", "HELLO 3 AUTH default s3cret", "hello 3 auth u p SETNAME x",
        "ACL SETUSER bob on >s3cret ~* +@all", "CONFIG SET requirepass s3cret", "config set masterauth s3cret",
        "CONFIG SET maxmemory 1gb masteruser bob", "MIGRATE h 6379 k 0 1000 AUTH s3cret", "MIGRATE h 6379 \"\" 0 1000 AUTH2 u p KEYS a",
        "SENTINEL SET mymaster auth-pass s3cret", "AUTH \"unbalanced", "\"AUTH s3cret", "'auth s3cret",
    ])
    func secretsAreNeverRecorded(_ line: String) {
        #expect(!HistoryFilter.mayRecord(line))
    }

    @Test(arguments: ["PING", "GET auth", "SET password 1", "CONFIG GET requirepass", "CONFIG SET maxmemory 1gb", "HELLO 3", "ACL WHOAMI", "MIGRATE h 6379 k 0 1000"])
    func ordinaryCommandsAreRecorded(_ line: String) {
        #expect(HistoryFilter.mayRecord(line))
    }
}

struct CommandTableTests {
    @Test func coversCommonCommandsAndSubcommands() {
        #expect(CommandTable.all.count >= 80)
        for name in ["GET", "KEYS", "SCAN", "CLIENT LIST", "CONFIG SET", "SLOWLOG GET", "LATENCY DOCTOR", "MEMORY USAGE", "CLUSTER INFO", "ACL SETUSER", "XINFO STREAM"] {
            #expect(CommandTable.named(name) != nil, "\(name)")
        }
        #expect(Set(CommandTable.all.map(\.name)).count == CommandTable.all.count, "no duplicate names")
    }

    @Test func lookupUsesTheSubcommandOfContainers() {
        #expect(CommandTable.lookup(["client", "list"])?.name == "CLIENT LIST")
        #expect(CommandTable.lookup(["get", "k"])?.name == "GET")
        #expect(CommandTable.lookup(["nosuch"]) == nil)
        #expect(CommandTable.lookup(["DEBUG", "SLEEP", "1"])?.name == "DEBUG")
    }

    @Test func completion() {
        let bundled = CommandCompletion.bundled
        #expect(bundled.candidates(for: "HGET").contains("HGETALL"))
        #expect(bundled.candidates(for: "hget") == ["hget", "hgetall"])
        #expect(bundled.candidates(for: "CLIENT L") == ["LIST"])
        #expect(bundled.candidates(for: "slowlog ").contains("get"))
        #expect(bundled.candidates(for: "GET key ") == [])
        #expect(bundled.candidates(for: ":ch") == [":check"])
        #expect(CommandCompletion.commonPrefix(["HGET", "HGETALL"]) == "HGET")
    }

    @Test func helpComparesTheVersionWithTheServer() {
        let text = CommandHelp.answer(["getdel"], serverVersion: ServerVersion(6, 0, 9))
        #expect(text.contains("GETDEL key"))
        #expect(text.contains("since: 6.2.0 (NOT available: the server runs 6.0.9)"))
        #expect(CommandHelp.answer(["CLIENT"], serverVersion: nil).contains("CLIENT KILL"))
    }

    @Test func commandDocsNamesIncludeSubcommands() {
        let reply = RedisReply.array([
            .bulk(Array("get".utf8)), .array([.bulk(Array("summary".utf8)), .bulk(Array("x".utf8))]),
            .bulk(Array("client".utf8)), .array([.bulk(Array("subcommands".utf8)), .array([.bulk(Array("client|list".utf8)), .array([])])]),
        ])
        #expect(CommandCompletion.names(fromCommandDocs: reply) == ["GET", "CLIENT", "CLIENT LIST"])
    }
}

struct CommandPolicyTests {
    @Test func readOnlyPrefersServerFlags() {
        #expect(CommandPolicy.readOnlyRefusal(["SET", "k", "v"], serverFlags: ["write", "denyoom"]) != nil)
        #expect(CommandPolicy.readOnlyRefusal(["CONFIG", "SET", "x", "y"], serverFlags: ["admin", "noscript"]) != nil)
        #expect(CommandPolicy.readOnlyRefusal(["GET", "k"], serverFlags: ["readonly", "fast"]) == nil)
        // Fallback: the bundled table.
        #expect(CommandPolicy.readOnlyRefusal(["FLUSHALL"], serverFlags: nil) != nil)
        #expect(CommandPolicy.readOnlyRefusal(["CLIENT", "LIST"], serverFlags: nil) == nil)
        #expect(CommandPolicy.readOnlyRefusal(["MYMODULE.CMD"], serverFlags: nil) != nil)
    }

    @Test func flagsFromCommandInfo() {
        let reply = RedisReply.array([.array([.bulk(Array("set".utf8)), .integer(-3), .array([.status("write"), .status("denyoom")])])])
        #expect(CommandPolicy.flags(fromCommandInfo: reply) == ["write", "denyoom"])
        #expect(CommandPolicy.flags(fromCommandInfo: .array([.null])) == nil)
    }

    @Test func confirmations() {
        #expect(CommandPolicy.confirmation(["flushall"]) != nil)
        #expect(CommandPolicy.confirmation(["CONFIG", "SET", "maxmemory", "1"]) != nil)
        #expect(CommandPolicy.confirmation(["CONFIG", "GET", "*"]) == nil)
        #expect(CommandPolicy.confirmation(["KEYS", "*"], keyCount: 10) == nil)
        #expect(CommandPolicy.confirmation(["KEYS", "*"], keyCount: 20_000) != nil)
        #expect(CommandPolicy.isYes("y") && CommandPolicy.isYes("YES") && !CommandPolicy.isYes("") && !CommandPolicy.isYes("n"))
    }
}

struct SessionStateTests {
    @Test func tracksSelectAuthNameAndLostState() {
        var state = SessionState(clientName: "redis-doctor")
        state.record(["select", "2"], reply: .status("OK"))
        state.record(["SELECT", "99"], reply: .error("ERR DB index is out of range"))
        #expect(state.db == 2)
        state.record(["AUTH", "bob", "pw"], reply: .status("OK"))
        #expect(state.user == "bob" && state.password == "pw")
        state.record(["CLIENT", "SETNAME", "triage"], reply: .status("OK"))
        #expect(state.clientName == "triage")
        state.record(["MULTI"], reply: .status("OK"))
        state.record(["WATCH", "k"], reply: .status("OK"))
        let lost = state.connectionLost()
        #expect(lost.count == 2)
        #expect(!state.inTransaction && !state.watching)
        #expect(state.db == 2)
    }

    @Test func restartNotices() {
        let before = ServerRun(runID: "aaaaaaaaaaaa", uptimeSeconds: 500, version: "7.0.15", role: "master")
        #expect(ServerRun(runID: "bbbbbbbbbbbb", uptimeSeconds: 2, version: "7.0.15").restartNotice(since: before)?.contains("restarted") == true)
        #expect(ServerRun(runID: nil, uptimeSeconds: 3).restartNotice(since: ServerRun(uptimeSeconds: 900))?.contains("restarted") == true)
        #expect(ServerRun(runID: "aaaaaaaaaaaa", uptimeSeconds: 510, version: "7.0.15").restartNotice(since: before) == nil)
    }

    @Test func prompt() {
        #expect(ReplPrompt.text(address: "127.0.0.1:6379", db: 2, role: "slave", connected: true) == "127.0.0.1:6379[2] replica> ")
        #expect(ReplPrompt.text(address: "127.0.0.1:6379", db: 0, role: nil, connected: false) == "127.0.0.1:6379 (not connected)> ")
    }

    @Test func metaCommands() {
        #expect(ReplMetaCommand.parse([":clients"]) == .success(.clients(idleSeconds: 3600)))
        #expect(ReplMetaCommand.parse([":clients", "60"]) == .success(.clients(idleSeconds: 60)))
        #expect((try? ReplMetaCommand.parse([":clients", "-5"]).get()) == nil)
        #expect(ReplMetaCommand.parse([":watch"]) == .success(.watch(seconds: 1)))
        #expect(ReplMetaCommand.parse([":watch", "0.5"]) == .success(.watch(seconds: 0.5)))
        #expect((try? ReplMetaCommand.parse([":watch", "x"]).get()) == nil)
        #expect(ReplMetaCommand.parse([":connect", "h", "6380"]) == .success(.connect(host: "h", port: 6380)))
        #expect((try? ReplMetaCommand.parse([":nosuch"]).get()) == nil)
    }

    @Test func explainUsesTheFieldTable() {
        let info = Info(parsing: Array("# Memory\r\nused_memory:1048576\r\n".utf8))
        let text = FieldExplanation.render("used_memory", info: info)
        #expect(text.contains("meaning: Bytes allocated"))
        #expect(text.contains("unit:    bytes"))
        #expect(text.contains("current: 1048576 (1 MiB)"))
        #expect(FieldExplanation.field(named: "rdb_changes_since_last_save") == .changesSinceLastSave)
        #expect(FieldExplanation.render("no_such_field", info: nil).contains("not in redis-doctor's field table"))
    }

    @Test func watchViewShowsRates() {
        var history = WatchHistory()
        history.append(ParsedSnapshot(Snapshot.fromInfoText(Array("total_commands_processed:100\r\nconnected_clients:3\r\n".utf8), source: "t")), at: 1000)
        history.append(ParsedSnapshot(Snapshot.fromInfoText(Array("total_commands_processed:300\r\nconnected_clients:4\r\n".utf8), source: "t")), at: 1002)
        let text = WatchView.render(target: "t", history: history, results: [], clock: "12:00:00")
        #expect(text.contains("total_commands_processed"))
        #expect(text.contains("(+100.0/s)"))
        #expect(text.contains("rules: OK"))
        #expect(!text.contains("save in progress"))
    }
}

struct TargetRedactionTests {
    @Test(arguments: [
        ("redis://alice:s3cret@cache:6380/2", "redis://alice:***@cache:6380/2"),
        ("redis://s3cret@cache", "redis://***@cache"),
        ("unix:///run/redis.sock?password=s3cret&db=2", "unix:///run/redis.sock?password=***&db=2"),
        ("unix:///run/redis.sock?db=x&PASSWORD=s3cret", "unix:///run/redis.sock?db=x&password=***"),
        // Mistyped URIs are the ones that get echoed in errors.
        ("redis:/:s3cret@host", "redis:***@host"),
        ("redis//:s3cret@host", "***@host"),
        ("redis:s3cret@host", "redis:***@host"),
        ("unix:///path?pass=s3cret", "unix:///path?pass=***"),
        ("redis://:s3cret@host", "redis://***@host"),
    ])
    func passwordsAreMaskedInMessages(_ uri: String, _ expected: String) {
        #expect(ConnectionTarget.redacted(uri) == expected)
    }

    @Test(arguments: ["redis:/:s3cret@host", "redis//:s3cret@host", "redis:s3cret@host", "unix:///path?pass=s3cret", "rediss:/u:s3cret@h",
                      "redis://:s3cret", "redis://default:s3cret", "redis://default:s3cret/0", "unix:///p?s3cret", "rediss://default:s3cret",
                      "redisx://:s3cret", "unix:///p?db=s3cret", "redis://[::1:s3cret"])
    func mistypedURIErrorsNeverQuoteThePassword(_ uri: String) {
        do {
            _ = try ConnectionTarget.parse(uri: uri)
            Issue.record("\(uri) parsed")
        } catch {
            #expect(!error.message.contains("s3cret"), "\(error.message)")
        }
    }

    @Test func unixURIErrorsDoNotQuoteThePassword() {
        #expect(throws: TargetError.self) { try ConnectionTarget.parse(uri: "unix:///s.sock?password=s3cret&db=x") }
        do {
            _ = try ConnectionTarget.parse(uri: "unix:///s.sock?password=s3cret&bogus=1")
        } catch {
            #expect(!error.message.contains("s3cret"))
        }
        let spec = TargetSpec(uri: "unix:///s.sock?password=s3cret")
        #expect(spec.passwordOnCommandLine, "a password in a unix URI is visible in ps too")
    }
}

struct CommandNameTests {
    @Test func oneNameForStagesFamiliesAndMessages() {
        #expect(CommandName.of(["client", "list"]) == "CLIENT LIST")
        #expect(CommandName.of(["DEBUG", "sleep", "3"]) == "DEBUG SLEEP")
        #expect(CommandName.of(["info", "all"]) == "INFO")
        #expect(CommandName.of(["GET"]) == "GET")
        #expect(CommandName.of([]) == "")
        #expect(CommandName.of(bytes: [Array("config".utf8), Array("get".utf8), Array("*".utf8)]) == "CONFIG GET")
    }
}

struct ConnectURITests {
    @Test func aURIFormSwitchesAndItsPasswordStaysOutOfHistory() {
        #expect(ReplMetaCommand.parse([":connect", "rediss://cache:6380"]) == .success(.connectURI("rediss://cache:6380")))
        #expect(ReplMetaCommand.parse([":connect", "cache", "6380"]) == .success(.connect(host: "cache", port: 6380)))
        #expect(!HistoryFilter.mayRecord(":connect rediss://alice:s3cret@cache:6380"))
        #expect(HistoryFilter.mayRecord(":connect rediss://cache:6380"))
    }
}

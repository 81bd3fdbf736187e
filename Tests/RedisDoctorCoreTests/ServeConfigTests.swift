import RedisDoctorCore
import Testing

/// The exporter's configuration, allow list and query, read before anything connects.
struct ServeConfigTests {
    @Test(arguments: [
        ("127.0.0.1", true), ("127.255.0.9", true), ("::1", true), ("[::1]", true), ("localhost", true), ("LOCALHOST", true),
        ("10.0.0.1", false), ("::2", false), ("example.com", false), ("127.0.0.1.evil.example", false),
    ])
    func loopbackOnlyByDefault(host: String, allowed: Bool) {
        #expect(TargetAllowList.loopback.allows(host) == allowed)
    }

    @Test func cidrsAndPatterns() throws {
        let list = try TargetAllowList(parsing: "10.20.0.0/16, fd00::/8, *.cache.internal, 192.0.2.7", source: "test")
        #expect(list.allows("10.20.255.1") && !list.allows("10.21.0.1"))
        #expect(list.allows("fd12::1") && !list.allows("fe80::1"))
        #expect(list.allows("a.b.cache.internal") && !list.allows("cache.internal.evil") && !list.allows("cache.internal"))
        #expect(list.allows("192.0.2.7") && !list.allows("192.0.2.8"))
        #expect(throws: RuleSettingsError.self) { try TargetAllowList(parsing: "10.0.0.0/33", source: "x") }
        #expect(throws: RuleSettingsError.self) { try TargetAllowList(parsing: "a b", source: "x") }
        #expect(TargetAllowList.address("::ffff:10.0.0.1") == Array(repeating: 0, count: 10) + [0xFF, 0xFF, 10, 0, 0, 1])
        #expect(TargetAllowList.address("1::2::3") == nil && TargetAllowList.address("1.2.3") == nil)
    }

    @Test func queries() throws {
        let plain = try ScrapeQuery(query: "target=127.0.0.1:6380")
        #expect(plain.host == "127.0.0.1" && plain.port == 6380 && plain.module == "default" && plain.mode == .node && !plain.tls)
        let v6 = try ScrapeQuery(query: "target=%5B%3A%3A1%5D%3A7000&mode=cluster&module=cache")
        #expect(v6.host == "::1" && v6.port == 7000 && v6.mode == .cluster && v6.address == "[::1]:7000")
        let tls = try ScrapeQuery(query: "target=rediss://cache.internal&mode=sentinel&master=mymaster")
        #expect(tls.tls && tls.port == 6379 && tls.master == "mymaster")
        for (query, words) in [("target=redis://:pw@h:1", "credentials"), ("target=u%3Apw%40h%3A1", "credentials"),
                               ("mode=node", "missing target"), ("target=h:99999", "port"), ("target=h:1&mode=sentinel", "master=NAME"),
                               ("target=h:1&target=h:2", "twice"), ("target=h:1&bogus=1", "unknown parameter"), ("target=http://h:1", "redis://"),
                               ("target=010.1.2.3:6379", "four decimal"), ("target=2130706433:6379", "four decimal"), ("target=127.1:6379", "four decimal"),
                               ("target=user:pw:6379", "IPv6"), ("target=caf%C3%A9.example:6379", "DNS name")] {
            #expect(throws: ScrapeQuery.Refusal.self) { try ScrapeQuery(query: Substring(query)) }
            do {
                _ = try ScrapeQuery(query: Substring(query))
            } catch {
                #expect(error.status == 400 && error.message.contains(words), "\(query): \(error.message)")
                #expect(!error.message.contains("pw"), "the refusal never repeats a credential")
            }
        }
    }

    @Test func configSectionsAndTheirMistakes() throws {
        let text = """
            skip = persistence-disabled
            [memory-pressure]
            warning = 70
            [serve]
            allow_targets = 10.0.0.0/8
            max_targets_in_flight = 8
            [module cache]
            user = monitor
            password_env = CACHE_PW
            timeout = 4
            stale-connections.idle = 600
            memory-pressure.critical = 95
            """
        let config = try ServeConfig(text: text, name: "serve.conf", descriptions: RuleRegistry.descriptions)
        #expect(config.maxTargetsInFlight == 8 && config.allowTargets.allows("10.1.2.3") && !config.allowTargets.allows("127.0.0.1"))
        let cache = try #require(config.modules["cache"])
        #expect(cache.user == "monitor" && cache.passwordEnv == "CACHE_PW" && cache.timeout == 4 && config.modules["default"] != nil)
        let settings = try cache.ruleSettings(configText: config.text, configName: config.name)
        #expect(settings.warning(for: "memory-pressure")?.description == "70" && settings.critical(for: "memory-pressure")?.description == "95")
        // check --config reads the same file and passes over the exporter's sections.
        #expect(throws: Never.self) { try RuleSettings(configText: text, configName: "serve.conf") }

        for (bad, words) in [("[module cache]\npassword = x\n", "never written"), ("[serve]\nlisten_on = x\n", "unknown [serve] key"),
                             ("[module a b]\n", "named with"), ("[module c]\nmemory-pressur.warning = 5\n", "memory-pressur"),
                             ("[serve]\nbasic_auth_user = p\n", "basic_auth_password_file"), ("[module c]\ntimeout = 0\n", "timeout")] {
            do {
                _ = try ServeConfig(text: bad, name: "serve.conf", descriptions: RuleRegistry.descriptions)
                Issue.record("accepted: \(bad)")
            } catch {
                #expect("\(error)".contains(words) && "\(error)".contains("serve.conf"), "\(bad): \(error)")
            }
        }
    }
}

import Testing
@testable import redis_doctor

/// The fast path must build exactly what ArgumentParser builds, or step aside.
struct CheckFastPathTests {
    static let accepted: [[String]] = [
        ["check"],
        ["-p", "6380", "check"],
        ["check", "-p", "6380"],
        ["-h", "::1", "-p", "6380", "-n", "2", "-t", "2.5", "check", "--format", "json"],
        ["-s", "/run/redis.sock", "check", "--format=prometheus", "--state-file", "/var/lib/rd/state"],
        ["--uri", "redis://alice:pw@cache:6390/3", "check", "--timeout=3"],
        ["-a", "secret", "--user", "bob", "check", "--interval", "2"],
        ["check", "--warning", "memory-pressure=70", "--warning", "unsaved-changes=60", "--critical", "memory-pressure=85"],
        ["check", "--set", "stale-connections.idle=600", "--only", "memory-pressure,unsaved-changes", "--skip", "loading"],
        ["check", "--config", "/etc/redis-doctor.conf", "--client-list-limit", "500", "--max-reply-bytes", "1048576"],
        ["check", "--from-file", "info.txt", "--format", "text"],
        ["check", "--from-file", "info.txt", "--taken-at", "2011-03-13T07:06:40Z"],
        ["check", "--from-snapshot", "s.snapshot"],
        ["--tls", "-h", "cache.example", "-p", "6380", "--cacert", "ca.crt", "check"],
        ["check", "--tls", "--cert", "c.crt", "--key", "c.key", "--sni", "cache", "--cacertdir", "/etc/ssl/certs"],
        ["-u", "rediss://cache:6380", "--insecure", "check", "--format", "json"],
        ["-p", "7000", "check", "--cluster"],
        ["check", "--prev-perfdata", "'expired_keys'=5c;;;0 'uptime'=60s", "--prev-time", "1764576000"],
        ["check", "--cluster", "--seed", "127.0.0.1:7001", "--seed", "[::1]:7002", "--concurrency", "4", "--format", "json"],
        ["-p", "26379", "check", "--sentinel", "--master", "mymaster"],
        ["check", "--sentinel", "--master=cache", "--seed", "10.0.0.2:26379", "--sentinel-user", "mon", "--sentinel-pass-file", "/etc/rd/sentinel.pw", "--follow"],
        ["check", "--host-checks", "off"],
        ["-s", "/run/redis.sock", "check", "--host-checks=pid=4242", "--format", "json"],
        ["check", "--host-checks", "auto"],
    ]

    @Test(arguments: accepted)
    func fastPathMatchesArgumentParser(_ words: [String]) throws {
        let fast = try #require(CheckFastPath.parse(words, environmentPassword: Terminal.environment("REDISCLI_AUTH")))
        let parsed = try #require(try RedisDoctor.parseAsRoot(words) as? CheckCommand)
        #expect(fast == parsed.request)
    }

    /// Words the fast path leaves to ArgumentParser: help, errors, other subcommands, exotic forms.
    static let declined: [[String]] = [
        [], ["--help"], ["check", "--help"], ["--version"], ["send", "PING"], ["rules"],
        ["check", "--format", "yaml"], ["check", "--host-checks", "pid=0"], ["check", "--host-checks", "on"], ["-p", "notaport", "check"], ["-p6380", "check"], ["check", "--bogus", "1"],
        ["check", "-p", "1", "-p", "2"], ["check", "--interval"], ["--format", "json", "check"], ["check", "extra"],
        ["check", "-t", "-1"],
        ["--cluster", "check"], ["check", "--cluster", "--cluster"], ["check", "--concurrency", "many"],
        ["--sentinel", "check"], ["check", "--follow", "--follow"], ["check", "--master"],
    ]

    @Test(arguments: declined)
    func fastPathStepsAsideForEverythingElse(_ words: [String]) {
        #expect(CheckFastPath.parse(words, environmentPassword: nil) == nil)
    }
}

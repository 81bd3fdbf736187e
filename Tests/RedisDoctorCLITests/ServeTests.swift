import Foundation
import Glibc
import Testing
import TestSupport

/// `redis-doctor serve` against real redis-server processes, through Python's HTTP client.
@Suite(.enabled(if: RedisServerProcess.shouldRun, "redis-server not installed"), .serialized)
struct ServeTests {
    @Test func aScrapeOfARealServerIsAValidPageWithoutATargetLabel() throws {
        let server = try RedisServerProcess()
        let serve = try ServeProcess()
        let page = try serve.get("/scrape?target=127.0.0.1:\(server.port)")
        #expect(page.status == 200, "\(page.body)")
        let lint = try PrometheusPageValidator.promtool(page.body)
        #expect(lint.status == 0 && lint.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(lint.text)")
        let families = try PrometheusPageValidator.pythonFamilies(page.body)
        #expect(families.status == 0 && families.text.contains("redis_doctor_rule_status gauge"), "\(families.text)")
        #expect(page.body.contains("\nredis_doctor_up 1\n") && page.body.contains("redis_doctor_rule_status{rule=\"memory-pressure\"} 0"), "\(page.body.prefix(600))")
        #expect(page.body.contains("redis_doctor_role{role=\"master\"} 1") && page.body.contains("redis_doctor_info{family=\"redis\",version="))
        // Prometheus adds `instance`; no value series carries an address, a role or an error text.
        #expect(!page.body.contains("target=") && !page.body.contains("address="), "\(page.body.prefix(600))")
        // The exporter's own page.
        let metrics = try serve.get("/metrics")
        #expect(try PrometheusPageValidator.promtool(metrics.body).status == 0, "\(metrics.body)")
        #expect(metrics.body.contains("redis_doctor_exporter_scrapes_total{outcome=\"up\"} 1"), "\(metrics.body)")
        // debug=1: the text report and the commands sent.
        let debug = try serve.get("/scrape?target=127.0.0.1:\(server.port)&debug=1")
        #expect(debug.body.contains("redis-doctor 127.0.0.1:\(server.port): OK") && debug.body.contains("commands (") && debug.body.contains("INFO everything"), "\(debug.body)")
        // A second scrape has the first as its previous sample: interval rules judge deltas.
        let second = try serve.get("/scrape?target=127.0.0.1:\(server.port)&debug=1")
        #expect(second.status == 200)
        #expect(try serve.get("/-/healthy").body == "OK\n")
        #expect(try serve.get("/nope").status == 404)
    }

    @Test func aFrozenTargetIsDownBeforePrometheusGivesUp() throws {
        let server = try RedisServerProcess()
        let serve = try ServeProcess()
        server.freeze()
        defer { server.thaw() }
        let page = try serve.get("/scrape?target=127.0.0.1:\(server.port)", headers: ["X-Prometheus-Scrape-Timeout-Seconds": "3"])
        #expect(page.status == 200)
        #expect(page.seconds >= 2.4 && page.seconds < 3.0, "answered after \(page.seconds) s")
        #expect(page.body.contains("\nredis_doctor_up 0\n") && page.body.contains("redis_doctor_check_error{kind=\"timeout\"} 1"), "\(page.body)")
    }

    @Test func credentialsInATargetAndTargetsOutsideTheAllowListAreRefused() throws {
        let serve = try ServeProcess()
        let secret = "hunter2-in-the-url"
        let withPassword = try serve.get("/scrape?target=redis://:\(secret)@127.0.0.1:6379")
        #expect(withPassword.status == 400 && !withPassword.body.contains(secret), "\(withPassword.body)")
        let encoded = try serve.get("/scrape?target=redis%3A%2F%2Fuser%3A\(secret)%40127.0.0.1%3A6379")
        #expect(encoded.status == 400)
        #expect(try serve.get("/scrape?target=10.9.8.7:6379").status == 403)
        #expect(try serve.get("/scrape?target=example.com:6379").status == 403)
        #expect(try serve.get("/scrape?target=127.0.0.1:6379&module=nosuch").status == 400)
        #expect(try serve.get("/scrape").status == 400)
        #expect(!serve.log.contains(secret), "\(serve.log)")
        let metrics = try serve.get("/metrics").body
        #expect(metrics.contains("redis_doctor_exporter_requests_rejected_total{reason=\"forbidden\"} 2"), "\(metrics)")
    }

    @Test func aThousandScrapesOnOneKeepAliveConnection() throws {
        let server = try RedisServerProcess()
        let serve = try ServeProcess()
        let result = try serve.keepAlive("/scrape?target=127.0.0.1:\(server.port)", count: 1000)
        #expect(result.ok == 1000 && result.sameConnection, "\(result)")
    }

    @Test func twoHundredConcurrentScrapesAcrossTwentyServersOneFrozen() throws {
        let servers = try (0..<20).map { _ in try RedisServerProcess() }
        let serve = try ServeProcess()
        let frozen = servers[7]
        frozen.freeze()
        defer { frozen.thaw() }
        let paths = (0..<200).map { "/scrape?target=127.0.0.1:\(servers[$0 % 20].port)" }
        let headers = ["X-Prometheus-Scrape-Timeout-Seconds": "3"]
        var residents: [Int] = []
        for burst in 0..<6 {
            let results = try serve.burst(paths, headers: headers)
            for (index, result) in results.enumerated() {
                let isFrozen = servers[index % 20] === frozen
                #expect(result.status == 200, "burst \(burst) scrape \(index): \(result)")
                #expect(result.seconds < 3.0, "burst \(burst) scrape \(index) took \(result.seconds) s")
                #expect(result.up == !isFrozen, "burst \(burst) scrape \(index): \(result)")
            }
            // The first burst warms up (threads, buffers); the next five must not grow.
            if burst > 0 { residents.append(serve.residentKiB) }
        }
        #expect(residents.last! - residents.first! < 10 * 1024, "RSS after each burst (KiB): \(residents)")
        let metrics = try serve.get("/metrics").body
        #expect(metrics.contains("redis_doctor_exporter_scrapes_coalesced_total"), "\(metrics)")
    }

    @Test func modulesReloadAndAuthentication() throws {
        let password = "module-pw-7"
        let server = try RedisServerProcess(["--requirepass", password])
        let directory = try TemporaryDirectory.make(prefix: "serve-modules")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try (password + "\n").write(toFile: directory + "/redis.pw", atomically: true, encoding: .utf8)
        try "s3cret-token\n".write(toFile: directory + "/token", atomically: true, encoding: .utf8)
        let config = """
            [serve]
            bearer_token_file = \(directory)/token

            [module cache]
            password_file = \(directory)/redis.pw
            timeout = 5
            skip = persistence-disabled

            [memory-pressure]
            warning = 70
            """
        let serve = try ServeProcess(config: config)
        let target = "/scrape?target=127.0.0.1:\(server.port)"
        #expect(try serve.get(target + "&module=cache").status == 401)
        #expect(try serve.get("/-/healthy").status == 200, "health needs no credential")
        let auth = ["Authorization": "Bearer s3cret-token"]
        let withModule = try serve.get(target + "&module=cache", headers: auth)
        #expect(withModule.status == 200 && withModule.body.contains("\nredis_doctor_up 1\n"), "\(withModule.body.prefix(400))")
        #expect(!withModule.body.contains("rule=\"persistence-disabled\"} 0"), "the module skips it")
        // The default module has no password: the server's refusal, UNKNOWN, not a scrape error.
        let without = try serve.get(target, headers: auth)
        #expect(without.body.contains("redis_doctor_check_error{kind=\"authentication\"} 1"), "\(without.body)")
        #expect(!serve.log.contains(password))

        // A bad configuration is refused and the running one kept.
        try "[module broken\n".write(toFile: serve.directory + "/serve.conf", atomically: true, encoding: .utf8)
        let refused = try ServeProcess.request("POST", serve.url("/-/reload"), headers: auth)
        #expect(refused.status == 400 && refused.body.contains("serve.conf:1"), "\(refused.body)")
        #expect(try serve.get(target + "&module=cache", headers: auth).body.contains("\nredis_doctor_up 1\n"))
        // A good one is taken: the module is gone, the token too.
        try "[module other]\ntimeout = 2\n".write(toFile: serve.directory + "/serve.conf", atomically: true, encoding: .utf8)
        #expect(try ServeProcess.request("POST", serve.url("/-/reload"), headers: auth).status == 200)
        #expect(try serve.get(target + "&module=cache").status == 400)
        #expect(try serve.get(target + "&module=other").status == 200)
    }

    @Test func aClientThatLeavesCancelsTheWorkAndAFullLimitAnswers503AtOnce() throws {
        let servers = try (0..<3).map { _ in try RedisServerProcess() }
        servers.forEach { $0.freeze() }
        defer { servers.forEach { $0.thaw() } }
        let serve = try ServeProcess(config: "[serve]\nmax_targets_in_flight = 2\n")
        // No Prometheus header: the module's 10 s. The client leaves after 0.5 s; the work stops then, not at 10 s.
        let answered = try serve.abandon("/scrape?target=127.0.0.1:\(servers[0].port)", after: 0.5)
        #expect(!answered)
        let start = Date()
        var inFlight = "?"
        while Date().timeIntervalSince(start) < 5 {
            inFlight = try serve.get("/metrics").body.split(separator: "\n").first { $0.hasPrefix("redis_doctor_exporter_scrapes_in_flight ") }.map(String.init) ?? "?"
            if inFlight.hasSuffix(" 0") { break }
            usleep(50_000)
        }
        #expect(inFlight.hasSuffix(" 0") && Date().timeIntervalSince(start) < 3, "\(inFlight) after \(Date().timeIntervalSince(start)) s")
        #expect(try serve.get("/metrics").body.contains("redis_doctor_exporter_scrapes_total{outcome=\"cancelled\"} 1"))

        // Two frozen targets fill the limit; a scrape joining one of them is served, a third target gets 503 at once.
        let paths = [servers[0], servers[1], servers[0], servers[2]].map { "/scrape?target=127.0.0.1:\($0.port)" }
        let results = try serve.burst(paths, headers: ["X-Prometheus-Scrape-Timeout-Seconds": "4"], delays: [0, 0, 0.5, 1.0])
        #expect(results[0].status == 200 && results[1].status == 200 && results[2].status == 200, "\(results)")
        #expect(results[0...2].allSatisfy { $0.up == false && $0.seconds < 3.6 }, "\(results)")
        #expect(results[3].status == 503 && results[3].seconds < 1, "\(results)")
        #expect(try serve.get("/metrics").body.contains("redis_doctor_exporter_requests_rejected_total{reason=\"busy\"} 1"))
    }
}

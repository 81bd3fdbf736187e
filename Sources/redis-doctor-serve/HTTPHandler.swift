import Glibc
import NIOCore
import NIOHTTP1
import RedisDoctorClient
import RedisDoctorCore

/// One HTTP connection: routes each request, runs scrapes through the exporter's flights,
/// answers within each scrape's deadline, and gives up its share of a scrape when the
/// client leaves. Keep-alive as the client asks; NIO's pipeline handler orders the replies.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let exporter: Exporter
    private var head: HTTPRequestHead?
    private var bodyBytes = 0
    /// The scrape this connection waits for, and which request it answers.
    private var waiting: Exporter.Flight?
    private var request = 0
    private var timer: Scheduled<Void>?
    private var started: UInt64 = 0
    /// A response said `Connection: close`: requests pipelined after it are not run.
    private var closing = false

    /// Requests carry at most this much body (only /-/reload takes a POST, with none).
    static let bodyLimit = 64 << 10

    init(exporter: Exporter) {
        self.exporter = exporter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            bodyBytes = 0
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
        case .end:
            guard let head, !closing else { return }
            self.head = nil
            request += 1
            started = MonotonicClock.now()
            handle(head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let waiting, waiting.leave() {
            exporter.count { $0.scrapes["cancelled", default: 0] += 1 }
        }
        waiting = nil
        timer?.cancel()
        context.fireChannelInactive()
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let uri = Substring(head.uri)
        let path = uri.prefix { $0 != "?" }
        let query = uri.dropFirst(path.count + 1)
        guard bodyBytes <= Self.bodyLimit else {
            return respond(context, head, .payloadTooLarge, "request body over \(Self.bodyLimit) bytes\n", log: String(path))
        }
        if path == "/-/healthy" {
            return respond(context, head, head.method == .GET || head.method == .HEAD ? .ok : .methodNotAllowed, "OK\n", log: nil)
        }
        guard exporter.auth.allows(head.headers.first(name: "authorization")) else {
            exporter.count { $0.rejected["unauthorized", default: 0] += 1 }
            let scheme = exporter.auth.basic != nil ? "Basic realm=\"redis-doctor\"" : "Bearer"
            return respond(context, head, .unauthorized, "credentials required\n", log: String(path), headers: [("WWW-Authenticate", scheme)])
        }
        switch (head.method, path) {
        case (.GET, "/metrics"):
            respond(context, head, .ok, exporter.metricsPage(), type: Scraper.prometheusType, log: nil)
        case (.POST, "/-/reload"):
            if let reason = exporter.reload() {
                respond(context, head, .badRequest, "configuration not reloaded, the running one is kept: \(reason)\n", log: "/-/reload refused")
            } else {
                respond(context, head, .ok, "configuration reloaded\n", log: "/-/reload")
            }
        case (.GET, "/scrape"):
            scrape(query, head: head, context: context)
        case (.GET, "/discover"):
            discover(query, head: head, context: context)
        case (_, "/metrics"), (_, "/scrape"), (_, "/discover"), (_, "/-/reload"):
            respond(context, head, .methodNotAllowed, "method not allowed\n", log: String(path))
        case (.GET, "/"):
            respond(context, head, .ok, "redis-doctor serve: /scrape?target=HOST:PORT, /metrics, /discover, /-/healthy (Docs/serve.md)\n", log: nil)
        default:
            exporter.count { $0.rejected["not_found", default: 0] += 1 }
            respond(context, head, .notFound, "not found: /scrape?target=HOST:PORT, /metrics, /discover, /-/healthy, POST /-/reload\n", log: nil)
        }
    }

    /// The query, its module and settings, and the scrape's deadline; or the refusal to send.
    private func admit(_ query: Substring, head: HTTPRequestHead, context: ChannelHandlerContext)
        -> (ScrapeQuery, ServeModule, RuleSettings, Double, ServeConfig)? {
        let config = exporter.config
        let parsed: ScrapeQuery
        do throws(ScrapeQuery.Refusal) {
            parsed = try ScrapeQuery(query: query)
        } catch {
            // The message never repeats the target: it may hold a password.
            exporter.count { $0.rejected["bad_request", default: 0] += 1 }
            respond(context, head, .badRequest, error.message + "\n", log: "refused: " + error.message)
            return nil
        }
        guard let module = config.modules[parsed.module] else {
            exporter.count { $0.rejected["bad_request", default: 0] += 1 }
            respond(context, head, .badRequest, "no [module \(OutputText.oneLine(parsed.module))] in the configuration\n", log: "unknown module")
            return nil
        }
        guard config.allowTargets.allows(parsed.host) else {
            exporter.count { $0.rejected["forbidden", default: 0] += 1 }
            respond(context, head, .forbidden, "target \(parsed.address) is not in allow_targets\n", log: "forbidden \(parsed.address)")
            return nil
        }
        let settings = config.moduleSettings[module.name] ?? RuleSettings()
        // Prometheus says how long it waits; answer half a second before, whatever the target does.
        var seconds = module.timeout
        if let header = head.headers.first(name: "x-prometheus-scrape-timeout-seconds"), let offered = Double(header), offered.isFinite {
            seconds = min(seconds, offered - 0.5)
        }
        return (parsed, module, settings, max(seconds, 0.05), config)
    }

    private func scrape(_ text: Substring, head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard let (query, module, settings, seconds, config) = admit(text, head: head, context: context) else { return }
        let deadline = Deadline(seconds: seconds)
        run(query, key: query.key, head: head, context: context, seconds: seconds, minimumInterval: settings.minimumSampleInterval()) { previous in
            let scraper = Scraper(query: query, module: module, settings: settings, previous: previous, allow: config.allowTargets)
            return { canceller in scraper.run(deadline: deadline, canceller: canceller) }
        } late: {
            let report = CheckReport(target: query.address, error: CheckError(kind: .timeout, message: "no result within \(HumanFormat.fixed(seconds, 1)) s"))
            return Scraper.Outcome(body: PrometheusRenderer(targetLabel: false).render(report), contentType: Scraper.prometheusType, up: false,
                                   sample: nil, takenAt: 0)
        }
    }

    private func discover(_ text: Substring, head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard let (query, module, _, seconds, config) = admit(text, head: head, context: context) else { return }
        guard query.mode != .node else {
            exporter.count { $0.rejected["bad_request", default: 0] += 1 }
            return respond(context, head, .badRequest, "discover needs mode=cluster or mode=sentinel&master=NAME\n", log: "discover without mode")
        }
        let deadline = Deadline(seconds: seconds)
        // Through the same flights as scrapes: the same limit, deadline and cancellation.
        run(query, key: "discover\u{1}" + query.key, head: head, context: context, seconds: seconds, minimumInterval: 0) { _ in
            { canceller in Discovery.run(query, module: module, deadline: deadline, allow: config.allowTargets, canceller: canceller) }
        } late: {
            Scraper.Outcome(status: 504, body: "no answer within \(HumanFormat.fixed(seconds, 1)) s\n", contentType: Scraper.textType, up: false, sample: nil, takenAt: 0)
        }
    }

    /// Joins or starts the flight for `key` and answers with its outcome, or with `late()`
    /// once this request's own deadline has passed (a joined flight may run longer).
    private func run(_ query: ScrapeQuery, key: String, head: HTTPRequestHead, context: ChannelHandlerContext, seconds: Double, minimumInterval: Double,
                     make: (PreviousSamples.Sample?) -> @Sendable (Canceller) -> Scraper.Outcome, late: @escaping @Sendable () -> Scraper.Outcome) {
        switch exporter.start(key: key, sampleKey: query.sampleKey, on: context.eventLoop, minimumInterval: minimumInterval, make: make) {
        case .busy:
            respond(context, head, .serviceUnavailable, "too many targets in flight (max_targets_in_flight); try again\n",
                    log: "busy \(query.address)", headers: [("Retry-After", "1")])
        case .flight(let flight):
            waiting = flight
            let current = request
            let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            timer = context.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000) + 50)) {
                let (handler, context) = bound.value
                guard handler.request == current, let flight = handler.waiting else { return }
                handler.waiting = nil
                if flight.leave() { handler.exporter.count { $0.scrapes["cancelled", default: 0] += 1 } }
                handler.finish(context, head, late(), query: query)
            }
            flight.future.hop(to: context.eventLoop).whenComplete { result in
                let (handler, context) = bound.value
                guard handler.request == current, handler.waiting != nil else { return }
                handler.waiting = nil
                handler.timer?.cancel()
                switch result {
                case .success(let outcome):
                    handler.finish(context, head, outcome, query: query)
                case .failure:
                    handler.exporter.count { $0.scrapes["error", default: 0] += 1 }
                    handler.respond(context, head, .internalServerError, "the scrape failed\n", log: "error \(query.address)")
                }
            }
        }
    }

    private func finish(_ context: ChannelHandlerContext, _ head: HTTPRequestHead, _ outcome: Scraper.Outcome, query: ScrapeQuery) {
        let seconds = Double(MonotonicClock.now() - started) / 1e9
        exporter.count { metrics in
            metrics.scrapes[outcome.up ? "up" : "down", default: 0] += 1
            metrics.observe(seconds: seconds)
        }
        respond(context, head, HTTPResponseStatus(statusCode: outcome.status), outcome.body, type: outcome.contentType,
                log: "\(query.mode.rawValue) \(query.address) module=\(query.module) \(outcome.up ? "up" : "down")")
    }

    private func respond(_ context: ChannelHandlerContext, _ head: HTTPRequestHead, _ status: HTTPResponseStatus, _ body: String,
                         type: String = "text/plain; charset=utf-8", log: String?, headers extra: [(String, String)] = []) {
        let keepAlive = head.isKeepAlive && !closing
        if !keepAlive { closing = true }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        for (name, value) in extra { headers.add(name: name, value: value) }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD {
            var buffer = context.channel.allocator.buffer(capacity: body.utf8.count)
            buffer.writeString(body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
        if let log { ServeLog.line("\(head.method) \(log) \(status.code) \(HumanFormat.fixed(Double(MonotonicClock.now() - started) / 1e6, 1)) ms") }
    }
}

/// One line per request on stderr (journald takes it); never a target's credentials, which
/// are refused before anything is logged.
enum ServeLog {
    static func line(_ text: String) {
        write(2, "redis-doctor serve: " + OutputText.oneLine(text) + "\n")
    }

    /// The whole text, with write(2): stdio's streams are shared mutable state to Swift 6.
    static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }
}

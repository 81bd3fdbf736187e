/// Connections against maxclients, read from INFO (6.2+) or else from CONFIG GET.
public enum ClientCapacityRule: HealthRule {
    public static let description = RuleDescription(
        id: "client-capacity",
        title: "Client capacity",
        category: .clients,
        summary: "connected_clients as a percentage of maxclients.",
        rationale: """
            At maxclients Redis refuses new connections ("max number of clients reached") and \
            applications fail to connect while the server looks healthy. Zabbix warns at 80 %, the \
            Prometheus alert rules at 90 %: WARNING at 80 %, CRITICAL at 90 %. maxclients is read from \
            INFO (6.2+ and Valkey print it), so ACL users without CONFIG still get the check, and from \
            CONFIG GET on older servers; with neither the rule is skipped.
            """,
        fieldsRead: ["connected_clients", "maxclients", "CONFIG GET: maxclients (before 6.2)"],
        commandsNeeded: ["INFO"],
        enabledByDefault: true,
        primaryMetric: "client_usage",
        defaultWarning: "80",
        defaultCritical: "90",
        examples: [
            RuleExample(
                "9,300 of 10,000 connections",
                info: "redis_version:7.2.6\nconnected_clients:9300\nmaxclients:10000\n",
                expect: .critical,
                expectEvidence: ["connected_clients=9300", "93.0%"]),
            RuleExample(
                "8,500 of 10,000 connections",
                info: "redis_version:7.2.6\nconnected_clients:8500\nmaxclients:10000\n",
                expect: .warning,
                expectEvidence: ["85.0%"]),
            RuleExample(
                "A fresh server: one client",
                info: "redis_version:7.0.15\nconnected_clients:1\nmaxclients:10000\n",
                expect: .ok),
            RuleExample(
                "Redis 6.0: maxclients from CONFIG GET",
                info: "redis_version:6.0.20\nconnected_clients:9500\n",
                replies: ["CONFIG GET": "maxclients 10000"],
                expect: .critical,
                expectEvidence: ["maxclients=10000 (CONFIG GET)", "95.0%"]),
            RuleExample(
                "Redis 6.0 with CONFIG refused",
                info: "redis_version:6.0.20\nconnected_clients:12\n",
                replies: ["CONFIG GET": "-NOPERM this user has no permissions to run the 'config|get' command"],
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        let info = context.info
        guard let connected = info.number(.connectedClients) else {
            return context.skipped("the server prints no connected_clients")
        }
        var source = ""
        var maxClients = info.number(.maxClients)
        if maxClients == nil, let text = context.current.config?["maxclients"], let value = NumberText.parse(text.trimmingSpaces) {
            maxClients = value
            source = " (CONFIG GET)"
        }
        guard let maxClients, maxClients > 0 else {
            return context.skipped("the server prints no maxclients in INFO (6.2+), and CONFIG GET did not give it")
        }
        let percent = connected / maxClients * 100
        let threshold = context.threshold()
        let status = threshold.evaluate(percent)
        let evidence = ["connected_clients=\(HumanFormat.number(connected)) of maxclients=\(HumanFormat.number(maxClients))\(source) (\(HumanFormat.percent(percent)))"]
        let metrics = [Metric("client_usage", percent, unit: .percent, threshold: threshold, min: 0, max: 100),
                       Metric("connected_clients", connected, min: 0, max: maxClients)]
        let summary = "\(HumanFormat.number(connected)) of \(HumanFormat.number(maxClients)) client slots in use (\(HumanFormat.percent(percent)))"
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "Find who holds the connections: CLIENT LIST (group by addr and name); look for leaking pools and idle clients.",
            "Set a timeout for idle clients (CONFIG SET timeout 300) or raise maxclients (CONFIG SET maxclients; mind ulimit -n).",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}

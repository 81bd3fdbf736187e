/// No password while reachable from the network: anyone who can connect can read,
/// write, or CONFIG SET dir and write files as the redis user.
public enum OpenAccessRule: HealthRule {
    public static let description = RuleDescription(
        id: "open-access",
        title: "Open access",
        category: .security,
        summary: "No password (requirepass empty) while listening beyond loopback and protected mode does not refuse remote clients.",
        rationale: """
            An unauthenticated Redis reachable from the network is a classic compromise: data \
            theft, FLUSHALL ransom notes, or CONFIG SET dir plus SAVE to write SSH keys or cron \
            files. requirepass empty means the default user has no password (the collector \
            redacts a set password to "(redacted)", so only an empty value counts). A server \
            listening on loopback only (bind 127.x/::1) or on no TCP port (port 0) is not exposed, \
            whatever protected mode says. Otherwise protected mode (3.2+) refuses remote clients of \
            a password-less default user: from 7.0 whatever bind says, before 7.0 only while bind \
            is empty. Exposure is the rest: protected-mode no, a server before 3.2, or a bind list \
            beyond loopback before 7.0. ACL users are not visible here: a nopass ACL user is not \
            detected.
            """,
        fieldsRead: [],
        commandsNeeded: ["CONFIG GET requirepass", "CONFIG GET protected-mode", "CONFIG GET bind", "CONFIG GET port"],
        enabledByDefault: true,
        examples: [
            RuleExample(
                "No password, protected mode off, all interfaces",
                info: "redis_version:7.2.6\n",
                replies: ["CONFIG GET": "requirepass \nprotected-mode no\nbind * -::*\nport 6379"],
                expect: .warning,
                expectEvidence: ["requirepass is empty", "protected-mode=no", "bind=* -::*"]),
            RuleExample(
                "No password, bound to a private address, protected mode on",
                info: "redis_version:6.2.16\n",
                replies: ["CONFIG GET": "requirepass \nprotected-mode yes\nbind 10.0.0.5 127.0.0.1\nport 6379"],
                expect: .warning,
                expectEvidence: ["bind=10.0.0.5 127.0.0.1 (not loopback-only)"]),
            RuleExample(
                "Redis 7 defaults: bind * -::* with protected mode on refuses remote clients",
                info: "redis_version:7.0.15\n",
                replies: ["CONFIG GET": "requirepass \nprotected-mode yes\nbind * -::*\nport 6379"],
                expect: .ok),
            RuleExample(
                "No password but loopback only, protected mode on",
                info: "redis_version:7.2.6\n",
                replies: ["CONFIG GET": "requirepass \nprotected-mode yes\nbind 127.0.0.1 -::1\nport 6379"],
                expect: .ok),
            RuleExample(
                "Redis 2.8 bound to loopback only: no protected mode, and none needed",
                info: "redis_version:2.8.24\n",
                replies: ["CONFIG GET": "requirepass \nbind 127.0.0.1\nport 6379"],
                expect: .ok,
                expectEvidence: ["bind=127.0.0.1: loopback only"]),
            RuleExample(
                "Redis 6.2, no bind, protected mode on: remote clients get DENIED",
                info: "redis_version:6.2.16\n",
                replies: ["CONFIG GET": "requirepass \nprotected-mode yes\nbind \nport 6379"],
                expect: .ok),
            RuleExample(
                "Protected mode off, but loopback only",
                info: "redis_version:3.2.13\n",
                replies: ["CONFIG GET": "requirepass \nprotected-mode no\nbind 127.0.0.1 ::1\nport 6379"],
                expect: .ok),
            RuleExample(
                "A password is set",
                info: "redis_version:7.2.6\n",
                replies: ["CONFIG GET": "requirepass (redacted)\nprotected-mode no\nbind 0.0.0.0\nport 6379"],
                expect: .ok),
            RuleExample(
                "Unix socket only",
                info: "redis_version:7.2.6\n",
                replies: ["CONFIG GET": "requirepass \nprotected-mode no\nbind 0.0.0.0\nport 0"],
                expect: .ok),
            RuleExample(
                "CONFIG refused",
                info: "redis_version:7.2.6\n",
                replies: ["CONFIG GET": "-NOPERM this user has no permissions to run the 'config|get' command"],
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let config = context.current.config else {
            return context.skipped(context.unavailable("CONFIG GET") ?? "CONFIG GET not answered")
        }
        guard let requirepass = config["requirepass"] else {
            return context.skipped("CONFIG GET did not return requirepass")
        }
        guard requirepass.isEmpty else {
            return context.ok("a password is required (requirepass is set)")
        }
        if let port = config["port"], port.trimmingSpaces == "0" {
            return context.ok("no password, but no TCP port (port 0: unix socket only)")
        }
        var evidence = ["requirepass is empty: the default user needs no password"]
        let bind = config["bind"]?.trimmingSpaces ?? ""
        // Listening on loopback only, no other host can reach it, whatever protected mode says.
        if isLoopbackOnly(bind) {
            return context.ok("no password, but it listens on loopback only", evidence: evidence + ["bind=\(bind): loopback only"])
        }
        var exposures: [String] = []
        let protectedMode = config["protected-mode"]?.lowercased()
        if let protectedMode {
            if protectedMode == "no" {
                exposures.append("protected-mode is off")
                evidence.append("protected-mode=no")
            }
        } else {
            exposures.append("no protected mode")
            evidence.append("protected-mode not reported (before 3.2 there is none)")
        }
        // From 7.0, protected mode refuses non-loopback clients of a password-less default
        // user whatever bind says; from 3.2 to 6.2, while bind is empty (an explicit bind
        // switched it off).
        if protectedMode == "yes" && (context.current.identity.redisVersionAtLeast(7) || bind.isEmpty) {
            return context.ok("no password, but protected mode refuses clients from other hosts",
                              evidence: evidence + ["protected-mode=yes", "bind=\(bind)"])
        }
        exposures.append(bind.isEmpty ? "listening on all interfaces" : "bound beyond loopback")
        evidence.append(bind.isEmpty ? "bind is empty (all interfaces)" : "bind=\(bind) (not loopback-only)")
        let advice = [
            "Require a password: CONFIG SET requirepass (and in redis.conf), or ACL SETUSER default on >PASSWORD; then update the clients.",
            "Bind to loopback or private interfaces only, keep protected-mode yes, and firewall the port.",
            "ACL users are not checked here: ACL LIST shows any nopass user.",
        ]
        return context.result(.warning, "no password and \(exposures.joined(separator: ", "))", evidence: evidence, advice: advice)
    }

    /// Whether every address in a `bind` value is loopback (`127.x`, `::1`, `localhost`);
    /// the `-` prefix (7.0: optional address) is ignored. Empty means all interfaces.
    static func isLoopbackOnly(_ bind: String) -> Bool {
        let addresses = bind.split(separator: " ").map { $0.hasPrefix("-") ? $0.dropFirst() : $0 }
        guard !addresses.isEmpty else { return false }
        return addresses.allSatisfy { $0.hasPrefix("127.") || $0 == "::1" || $0.lowercased() == "localhost" }
    }
}

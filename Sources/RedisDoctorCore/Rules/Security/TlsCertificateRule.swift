/// The server's TLS certificate about to expire, or expired: every client fails its
/// handshake at once when it does, and no other Redis checker warns before.
public enum TlsCertificateRule: HealthRule {
    public static let description = RuleDescription(
        id: "tls-certificate",
        title: "TLS certificate",
        category: .security,
        summary: "Days until the server's TLS certificate expires, and the client certificate this check presents.",
        rationale: """
            An expired server certificate takes every verifying client down at the same moment, \
            and renewals fail quietly (a cron job, an ACME client, a secret not rolled out). The \
            certificate read from the handshake is judged by the days left before notAfter on the \
            server's clock: WARNING within 21 days, CRITICAL within 7 or once expired (with \
            --insecure the connection still succeeds, so an expired certificate is reported here). \
            The client certificate given with --cert is judged by the same warning range: when it \
            expires, this monitoring breaks. Plain connections are skipped.
            """,
        fieldsRead: ["TLS handshake: server certificate notAfter, subject, issuer, subjectAltName; protocol and cipher; --cert notAfter", "server_time_usec"],
        commandsNeeded: ["the TLS handshake (--tls or rediss://)"],
        enabledByDefault: true,
        primaryMetric: "tls_days_left",
        defaultWarning: "21:",
        defaultCritical: "7:",
        examples: [
            RuleExample(
                "A certificate valid for another 90 days",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                tls: TLSPeer(subject: "/CN=cache.example", issuer: "/CN=Example CA", notAfter: 1_763_800_000 + 90 * 86_400,
                             names: ["DNS:cache.example"], protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384"),
                expect: .ok,
                expectEvidence: ["notAfter 2026-02-20T08:26:40Z", "90 days left", "TLSv1.3"]),
            RuleExample(
                "Ten days left is a WARNING",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                tls: TLSPeer(subject: "/CN=cache.example", issuer: "/CN=Example CA", notAfter: 1_763_800_000 + 10 * 86_400,
                             names: ["DNS:cache.example"], protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384"),
                expect: .warning,
                expectEvidence: ["10 days left", "subject /CN=cache.example", "issuer /CN=Example CA"]),
            RuleExample(
                "Expired (reached with --insecure) is CRITICAL",
                info: "redis_version:7.0.15\nserver_time_usec:1763800000000000\n",
                tls: TLSPeer(subject: "/CN=localhost", issuer: "/CN=test CA", notAfter: 1_580_515_200,
                             names: ["DNS:localhost"], protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384"),
                expect: .critical,
                expectEvidence: ["expired 2121 days ago", "notAfter 2020-02-01T00:00:00Z"]),
            RuleExample(
                "The client certificate of this check expires in 5 days",
                info: "redis_version:7.2.6\nserver_time_usec:1763800000000000\n",
                tls: TLSPeer(subject: "/CN=cache.example", issuer: "/CN=Example CA", notAfter: 1_763_800_000 + 300 * 86_400,
                             names: ["DNS:cache.example"], protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384",
                             clientSubject: "/CN=monitoring", clientNotAfter: 1_763_800_000 + 5 * 86_400),
                expect: .warning,
                expectEvidence: ["client certificate /CN=monitoring expires in 5 days"]),
            RuleExample(
                "A plain connection",
                info: "redis_version:7.2.6\n",
                expect: .skipped),
        ]
    )

    public static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult {
        guard let peer = context.current.snapshot.tlsPeer else { return context.skipped("not a TLS connection") }
        guard let notAfter = peer.notAfter, let now = context.now else {
            return context.skipped("the certificate's notAfter or a clock is missing")
        }
        let threshold = context.threshold()
        let days = (notAfter - now) / 86_400
        let whole = HumanFormat.number((abs(days)).rounded(.down))
        var evidence = [
            "subject \(peer.subject), issuer \(peer.issuer)",
            "notAfter \(TimestampText.iso8601(notAfter)): " + (days < 0 ? "expired \(whole) days ago" : "\(whole) days left"),
        ]
        if !peer.names.isEmpty { evidence.append("names " + peer.names.joined(separator: ", ")) }
        evidence.append("\(peer.protocolVersion), \(peer.cipher)")
        var status = threshold.evaluate(days)
        var summary = days < 0 ? "the server certificate expired \(whole) days ago" : "the server certificate expires in \(whole) days"
        if let clientNotAfter = peer.clientNotAfter {
            let clientDays = (clientNotAfter - now) / 86_400
            let clientWhole = HumanFormat.number(abs(clientDays).rounded(.down))
            let text = clientDays < 0 ? "expired \(clientWhole) days ago" : "expires in \(clientWhole) days"
            evidence.append("client certificate \(peer.clientSubject ?? "(--cert)") \(text)")
            if threshold.warning?.alerts(clientDays) == true || clientDays < 0 {
                if status == .ok { status = .warning }
                summary += "; this check's client certificate \(text)"
            }
        }
        let metrics = [Metric("tls_days_left", days, threshold: threshold)]
        guard status != .ok else { return context.ok(summary, evidence: evidence, metrics: metrics) }
        let advice = [
            "Renew the certificate and reload it: CONFIG SET tls-cert-file (and tls-key-file) re-reads it without a restart.",
            "Check what renews it (an ACME client, a cron job, a managed service's rotation) and why it has not run.",
        ]
        return context.result(status, summary, evidence: evidence, advice: advice, metrics: metrics)
    }
}

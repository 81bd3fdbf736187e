extension SnapshotFile {
    /// Encodes a snapshot; `decode(encode(s)) == s` for every snapshot.
    public static func encode(_ snapshot: Snapshot) -> [UInt8] {
        var out: [UInt8] = []
        func line(_ text: String) {
            out += text.utf8
            out.append(Bytes.lf)
        }
        line("\(magic) \(snapshot.host?.files.isEmpty == false ? version : 1)")
        line("target: \(encodeText(snapshot.target))")
        if let taken = snapshot.takenAtMicros { line("taken-at-usec: \(taken)") }
        if let peer = snapshot.tlsPeer {
            // The certificate facts, so --from-snapshot judges tls-certificate offline.
            line("tls-subject: \(encodeText(peer.subject))")
            line("tls-issuer: \(encodeText(peer.issuer))")
            if let notAfter = peer.notAfter { line("tls-not-after: \(Int64(notAfter))") }
            for name in peer.names { line("tls-name: \(encodeText(name))") }
            line("tls-protocol: \(encodeText(peer.protocolVersion))")
            line("tls-cipher: \(encodeText(peer.cipher))")
            if let subject = peer.clientSubject { line("tls-client-subject: \(encodeText(subject))") }
            if let notAfter = peer.clientNotAfter { line("tls-client-not-after: \(Int64(notAfter))") }
        }
        if let host = snapshot.host {
            for text in hostHeader(host) { line(text) }
        }
        for exchange in snapshot.exchanges {
            line("")
            line(">>> " + exchange.command.map(encodeArg).joined(separator: " "))
            if let elapsed = exchange.elapsedMicros { line("elapsed-usec: \(elapsed)") }
            encodeReply(exchange.reply, into: &out)
        }
        for skipped in snapshot.skipped {
            line("")
            line("!!! " + skipped.command.map(encodeArg).joined(separator: " "))
            line("reason: \(encodeText(skipped.reason))")
        }
        if let host = snapshot.host { encodeHostFiles(host, into: &out) }
        return out
    }

    static func encodeReply(_ reply: RedisReply, into out: inout [UInt8]) {
        func line(_ text: String) {
            out += text.utf8
            out.append(Bytes.lf)
        }
        switch reply {
        case .status(let text): line("+" + encodeText(text))
        case .error(let text): line("-" + encodeText(text))
        case .integer(let value): line(":\(value)")
        case .null: line("_")
        case .bulk(let bytes):
            line("$\(bytes.count)")
            out += bytes
            out.append(Bytes.lf)
        case .array(let items):
            line("*\(items.count)")
            for item in items { encodeReply(item, into: &out) }
        }
    }
}

extension SnapshotFile {
    /// The host capture's header fields: who the server process is, or why none was read.
    static func hostHeader(_ host: HostCapture) -> [String] {
        var lines: [String] = []
        if let pid = host.pid { lines.append("host-pid: \(pid)") }
        if let text = host.identifiedBy { lines.append("host-identified-by: \(encodeText(text))") }
        if let text = host.notLocal { lines.append("host-not-local: \(encodeText(text))") }
        if let child = host.saveChildPid { lines.append("host-save-child: \(child)") }
        if let fs = host.filesystem {
            lines.append("host-fs-path: \(encodeText(fs.path))")
            if let n = fs.availableBytes { lines.append("host-fs-available: \(whole(n))") }
            if let n = fs.totalBytes { lines.append("host-fs-total: \(whole(n))") }
            if let error = fs.error { lines.append("host-fs-error: \(encodeText(error))") }
            if fs.hung { lines.append("host-fs-hung: yes") }
        }
        for file in host.dumpFiles {
            if let bytes = file.bytes { lines.append("host-dump-file: \(whole(bytes)) \(encodeArg(file.path))") }
            if let error = file.error { lines.append("host-dump-file-error: \(encodeArg(file.path)) \(encodeArg(error))") }
        }
        return lines
    }

    /// A byte count as a whole number; a filesystem that reports exabytes (FUSE) is clamped,
    /// never a trap.
    static func whole(_ value: Double) -> Int64 {
        guard value.isFinite, value > 0 else { return 0 }
        return value >= 9.2e18 ? Int64.max : Int64(value)
    }

    /// Each file read on the host, as a `=== PATH` record: its text as a bulk reply, or
    /// the read's error as an error reply.
    static func encodeHostFiles(_ host: HostCapture, into out: inout [UInt8]) {
        for file in host.files {
            out += Array(("\n=== " + encodeArg(file.path) + "\n").utf8)
            encodeReply(file.text.map { .bulk(Array($0.utf8)) } ?? .error(file.error ?? "not read"), into: &out)
        }
    }

    /// Reads one `host-*` header field into `host`; false for a field that is not one.
    static func decodeHostField(_ key: String, _ value: String, into host: inout HostCapture, reader: Reader) throws(SnapshotFileError) -> Bool {
        func number(_ text: String) throws(SnapshotFileError) -> Int64 {
            guard let n = Int64(text), n >= 0 else { throw reader.error("\(key) must be a whole number, found '\(prefix(text))'", atLineStart: true) }
            return n
        }
        func filesystem() -> HostFilesystem { host.filesystem ?? HostFilesystem(path: "") }
        switch key {
        case "host-pid": host.pid = Int(try number(value))
        case "host-identified-by": host.identifiedBy = try reader.unquoteText(value)
        case "host-not-local": host.notLocal = try reader.unquoteText(value)
        case "host-save-child": host.saveChildPid = Int(try number(value))
        case "host-fs-path":
            var fs = filesystem()
            fs.path = try reader.unquoteText(value)
            host.filesystem = fs
        case "host-fs-available":
            var fs = filesystem()
            fs.availableBytes = Double(try number(value))
            host.filesystem = fs
        case "host-fs-total":
            var fs = filesystem()
            fs.totalBytes = Double(try number(value))
            host.filesystem = fs
        case "host-fs-error":
            var fs = filesystem()
            fs.error = try reader.unquoteText(value)
            host.filesystem = fs
        case "host-fs-hung":
            var fs = filesystem()
            fs.hung = value == "yes"
            host.filesystem = fs
        case "host-dump-file-error":
            let words = try reader.parseArgs(value)
            guard words.count == 2 else { throw reader.error("host-dump-file-error must be 'PATH ERROR', found '\(prefix(value))'", atLineStart: true) }
            guard host.dumpFiles.count < 100 else { throw reader.error("more than 100 host-dump-file lines", atLineStart: true) }
            host.dumpFiles.append(HostFileSize(path: words[0], error: words[1]))
        case "host-dump-file":
            let words = try reader.parseArgs(value)
            guard words.count == 2 else { throw reader.error("host-dump-file must be 'BYTES PATH', found '\(prefix(value))'", atLineStart: true) }
            guard host.dumpFiles.count < 100 else { throw reader.error("more than 100 host-dump-file lines", atLineStart: true) }
            host.dumpFiles.append(HostFileSize(path: words[1], bytes: Double(try number(words[0]))))
        default:
            return false
        }
        return true
    }

    /// A `=== PATH` record's file: a bulk reply is its text, an error reply why it was not read.
    static func hostFile(path: String, reply: RedisReply, reader: Reader) throws(SnapshotFileError) -> HostFile {
        switch reply {
        case .bulk(let bytes): return HostFile(path: path, text: String(decoding: bytes, as: UTF8.self))
        case .error(let message): return HostFile(path: path, error: message)
        default: throw reader.error("a host file record holds text ($) or an error (-)")
        }
    }
}

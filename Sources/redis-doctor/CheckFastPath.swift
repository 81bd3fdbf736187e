import RedisDoctorCore

/// Reads a plain `check` command line without ArgumentParser.
///
/// A check is a process started every minute on thousands of hosts, and
/// ArgumentParser's reflection costs more instructions than the whole check
/// (callgrind: 14.7M of 32M). This covers only the plain words a cron or Nagios line
/// uses; anything else (help, a typo, a bad value, a repeated option) returns nil and
/// ArgumentParser handles it, with its messages. `CheckFastPathTests` proves both
/// parsers build the same `CheckRequest` for the same words.
enum CheckFastPath {
    static func parse(_ words: [String], environmentPassword: String?) -> CheckRequest? {
        var request = CheckRequest()
        request.connection.spec.environmentPassword = environmentPassword
        var seenCheck = false
        var seenSingles: Set<String> = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "check" && !seenCheck {
                seenCheck = true
                continue
            }
            guard word.hasPrefix("-"), word != "-", word != "--" else { return nil }
            // The value-less TLS flags: without them here every TLS check would pay for
            // ArgumentParser, which costs more than a whole check.
            if word == "--tls" || word == "--insecure" || (["--cluster", "--sentinel", "--follow"].contains(word) && seenCheck) {
                guard seenSingles.insert(word).inserted else { return nil }
                switch word {
                case "--tls": request.connection.spec.tlsRequested = true
                case "--insecure": request.connection.spec.tls.verify = false
                case "--sentinel": request.sentinel = true
                case "--follow": request.follow = true
                default: request.cluster = true
                }
                continue
            }
            var name = word
            var value: String
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            } else {
                guard index < words.count, !words[index].hasPrefix("-") else { return nil }
                value = words[index]
                index += 1
            }
            guard let option = Option(name), option.isConnection || seenCheck else { return nil }
            if !option.repeats {
                guard seenSingles.insert(option.rawValue).inserted else { return nil }
            }
            guard apply(option, value, to: &request) else { return nil }
        }
        return seenCheck ? request : nil
    }

    enum Option: String {
        case host, port, socket, pass, user, db, uri, timeout, maxReplyBytes, cacert, cacertdir, cert, key, sni
        case warning, critical, set, only, skip, config, format, interval, stateFile, fromSnapshot, fromFile, takenAt, clientListLimit
        case seed, concurrency, prevPerfdata, prevTime, master, sentinelUser, sentinelPassFile, hostChecks

        init?(_ word: String) {
            let shorts: [String: Option] = ["-h": .host, "-p": .port, "-s": .socket, "-a": .pass, "-n": .db, "-u": .uri, "-t": .timeout]
            let longs: [String: Option] = [
                "--host": .host, "--port": .port, "--socket": .socket, "--pass": .pass, "--user": .user, "--db": .db,
                "--uri": .uri, "--timeout": .timeout, "--max-reply-bytes": .maxReplyBytes, "--warning": .warning,
                "--cacert": .cacert, "--cacertdir": .cacertdir, "--cert": .cert, "--key": .key, "--sni": .sni,
                "--critical": .critical, "--set": .set, "--only": .only, "--skip": .skip, "--config": .config,
                "--format": .format, "--interval": .interval, "--state-file": .stateFile, "--from-snapshot": .fromSnapshot,
                "--from-file": .fromFile, "--taken-at": .takenAt, "--client-list-limit": .clientListLimit,
                "--seed": .seed, "--concurrency": .concurrency, "--prev-perfdata": .prevPerfdata, "--prev-time": .prevTime,
                "--master": .master, "--sentinel-user": .sentinelUser, "--sentinel-pass-file": .sentinelPassFile,
                "--host-checks": .hostChecks,
            ]
            guard let option = shorts[word] ?? longs[word] else { return nil }
            self = option
        }

        var isConnection: Bool {
            switch self {
            case .host, .port, .socket, .pass, .user, .db, .uri, .timeout, .maxReplyBytes, .cacert, .cacertdir, .cert, .key, .sni: return true
            default: return false
            }
        }

        var repeats: Bool {
            switch self {
            case .warning, .critical, .set, .only, .skip, .seed: return true
            default: return false
            }
        }
    }

    /// False for a value ArgumentParser would reject, so it can say why.
    private static func apply(_ option: Option, _ value: String, to r: inout CheckRequest) -> Bool {
        switch option {
        case .host: r.connection.spec.host = value
        case .cacert: r.connection.spec.tls.caCertificate = value
        case .cacertdir: r.connection.spec.tls.caDirectory = value
        case .cert: r.connection.spec.tls.certificate = value
        case .key: r.connection.spec.tls.privateKey = value
        case .sni: r.connection.spec.tls.serverName = value
        case .port: guard let n = Int(value) else { return false }; r.connection.spec.port = n
        case .socket: r.connection.spec.socket = value
        case .pass: r.connection.spec.password = value
        case .user: r.connection.spec.user = value
        case .db: guard let n = Int(value) else { return false }; r.connection.spec.db = n
        case .uri: r.connection.spec.uri = value
        case .timeout: guard let n = Double(value) else { return false }; r.connection.timeout = n
        case .maxReplyBytes: guard let n = Int(value) else { return false }; r.connection.maxReplyBytes = n
        case .warning: r.rules.warning.append(value)
        case .critical: r.rules.critical.append(value)
        case .set: r.rules.set.append(value)
        case .only: r.rules.only.append(value)
        case .skip: r.rules.skip.append(value)
        case .config: r.configPath = value
        case .format: guard let f = OutputFormat(rawValue: value) else { return false }; r.format = f
        case .interval: guard let n = Double(value) else { return false }; r.interval = n
        case .stateFile: r.stateFile = value
        case .fromSnapshot: r.fromSnapshot = value
        case .fromFile: r.fromFile = value
        case .takenAt: r.takenAt = value
        case .clientListLimit: guard let n = Int(value) else { return false }; r.clientListLimit = n
        case .seed: r.seeds.append(value)
        case .concurrency: guard let n = Int(value) else { return false }; r.concurrency = n
        case .prevPerfdata: r.prevPerfdata = value
        case .prevTime: guard let n = Double(value) else { return false }; r.prevTime = n
        case .master: r.master = value
        case .sentinelUser: r.sentinelUser = value
        case .sentinelPassFile: r.sentinelPassFile = value
        case .hostChecks: guard case .success(let mode) = HostCheckMode.parse(value) else { return false }; r.hostChecks = mode
        }
        return true
    }
}

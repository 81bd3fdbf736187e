/// The exporter's configuration: the rule settings every scrape uses, the `[serve]` section
/// (where it listens, which targets it may connect to, who may ask) and one `[module NAME]`
/// section per way of reaching targets. Read from the same file and grammar as `--config`.
public struct ServeConfig: Sendable {
    /// `127.0.0.1:9645` unless `[serve] listen` or `--listen` says otherwise: loopback only.
    public static let defaultListen = "127.0.0.1:9645"
    public static let defaultMaxTargetsInFlight = 64
    public static let defaultPreviousSamples = 1_024
    public static let maximumPreviousSamples = 100_000

    public var listen: String?
    public var allowTargets: TargetAllowList
    public var maxTargetsInFlight: Int
    /// Targets whose previous sample is kept for the interval rules (least recently scraped dropped first).
    public var previousSamples: Int
    public var basicAuthUser: String?
    public var basicAuthPasswordFile: String?
    public var bearerTokenFile: String?
    /// Every module by name; `default` always exists.
    public var modules: [String: ServeModule]
    /// Each module's rule settings (the file's, then its own), built once per (re)load.
    public var moduleSettings: [String: RuleSettings]
    /// The file's text and name: each module's rule settings are the file's, then its own.
    public var text: String
    public var name: String

    /// An empty configuration: loopback targets, the `default` module.
    public init() {
        listen = nil
        allowTargets = TargetAllowList.loopback
        maxTargetsInFlight = Self.defaultMaxTargetsInFlight
        previousSamples = Self.defaultPreviousSamples
        modules = ["default": ServeModule(name: "default")]
        moduleSettings = ["default": RuleSettings()]
        text = ""
        name = "config"
    }

    /// Parses `text`; every mistake names its `file:line`. Rule ids are checked against
    /// `descriptions`, so a typo fails the (re)load instead of every scrape.
    public init(text: String, name: String, descriptions: [RuleDescription]) throws(RuleSettingsError) {
        self.init()
        self.text = text
        self.name = name
        let file = try ConfigFile(parsing: text, name: name)
        var allow: TargetAllowList?
        for section in file.sections {
            guard let header = section.name, ConfigFile.isServeSection(header) else { continue }
            if header == "serve" {
                for entry in section.entries {
                    switch entry.key {
                    case "listen": listen = entry.value
                    case "allow_targets": allow = try TargetAllowList(parsing: entry.value, source: entry.source)
                    case "max_targets_in_flight": maxTargetsInFlight = try Self.count(entry, minimum: 1)
                    case "previous_samples": previousSamples = min(try Self.count(entry, minimum: 0), Self.maximumPreviousSamples)
                    case "basic_auth_user": basicAuthUser = entry.value
                    case "basic_auth_password_file": basicAuthPasswordFile = entry.value
                    case "bearer_token_file": bearerTokenFile = entry.value
                    default:
                        throw RuleSettingsError(source: entry.source, message: "unknown [serve] key \"\(entry.key)\" (listen, allow_targets, max_targets_in_flight, previous_samples, basic_auth_user, basic_auth_password_file, bearer_token_file)")
                    }
                }
                continue
            }
            let moduleName = RuleSettings.trimmed(header.dropFirst("module".count))
            guard !moduleName.isEmpty, moduleName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw RuleSettingsError(source: section.source, message: "a module is named with letters, digits, - and _: [module cache-7]")
            }
            modules[moduleName] = try ServeModule(name: moduleName, entries: section.entries)
        }
        if let allow { allowTargets = allow }
        if (basicAuthUser != nil) != (basicAuthPasswordFile != nil) {
            throw RuleSettingsError(source: name, message: "basic_auth_user and basic_auth_password_file go together (the password is never in the config)")
        }
        // Every module's settings must make sense now, not at its first scrape.
        for module in modules.values.sorted(by: { $0.name < $1.name }) {
            do throws(RuleSettingsError) {
                let settings = try module.ruleSettings(configText: text, configName: name)
                try settings.validate(against: descriptions)
                moduleSettings[module.name] = settings
            } catch {
                // The module's lines read as options: say which file and section they came from.
                throw RuleSettingsError(source: "\(name) [module \(module.name)]", message: "\(error)")
            }
        }
    }

    static func count(_ entry: ConfigFile.Entry, minimum: Int) throws(RuleSettingsError) -> Int {
        guard let value = Int(entry.value), value >= minimum, value <= 1_000_000 else {
            throw RuleSettingsError(source: entry.source, message: "\(entry.key): expected a whole number from \(minimum) to 1000000, got \"\(entry.value)\"")
        }
        return value
    }
}

/// One `[module NAME]`: how the exporter logs in to a target and which rules it runs.
public struct ServeModule: Sendable {
    public var name: String
    public var user: String?
    /// Where the password comes from: an environment variable or a file, never the config.
    public var passwordEnv: String?
    public var passwordFile: String?
    /// For `mode=sentinel`: the sentinels' own login (their password is not the data nodes').
    public var sentinelUser: String?
    public var sentinelPasswordEnv: String?
    public var sentinelPasswordFile: String?
    public var tls: TLSSettings?
    /// Seconds; the scrape's deadline is the smaller of this and Prometheus's timeout less 0.5 s.
    public var timeout: Double
    public var maxReplyBytes: Int?
    public var clientListLimit: Int?
    /// The module's own `only`, `skip` and `RULE.PARAM = VALUE` lines, as the command-line layer.
    public var arguments: SettingsArguments

    public static let defaultTimeout = 10.0

    public init(name: String) {
        self.name = name
        timeout = Self.defaultTimeout
        arguments = SettingsArguments()
    }

    init(name: String, entries: [ConfigFile.Entry]) throws(RuleSettingsError) {
        self.init(name: name)
        var tls = TLSSettings()
        var wantsTLS = false
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "user": user = value
            case "password_env": passwordEnv = value
            case "password_file": passwordFile = value
            case "sentinel_user": sentinelUser = value
            case "sentinel_password_env": sentinelPasswordEnv = value
            case "sentinel_password_file": sentinelPasswordFile = value
            case "password":
                throw RuleSettingsError(source: entry.source, message: "a password is never written in the config: use password_env or password_file")
            case "tls":
                guard let on = RuleSettings.parseBool(value) else { throw RuleSettingsError(source: entry.source, message: "tls: expected true or false") }
                wantsTLS = on
            case "cacert": tls.caCertificate = value
            case "cacertdir": tls.caDirectory = value
            case "cert": tls.certificate = value
            case "key": tls.privateKey = value
            case "sni": tls.serverName = value
            case "insecure":
                guard let on = RuleSettings.parseBool(value) else { throw RuleSettingsError(source: entry.source, message: "insecure: expected true or false") }
                tls.verify = !on
            case "timeout":
                guard let seconds = NumberText.parse(value), seconds.isFinite, seconds > 0, seconds <= 300 else {
                    throw RuleSettingsError(source: entry.source, message: "timeout: expected seconds above 0 and at most 300, got \"\(value)\"")
                }
                timeout = seconds
            case "max_reply_bytes": maxReplyBytes = try ServeConfig.count(entry, minimum: 1)
            case "client_list_limit": clientListLimit = try ServeConfig.count(entry, minimum: 0)
            case "only": arguments.only.append(value)
            case "skip": arguments.skip.append(value)
            default:
                // `memory-pressure.warning = 80`, `stale-connections.idle = 600`: as --warning/--set.
                guard let dot = entry.key.firstIndex(of: ".") else {
                    throw RuleSettingsError(source: entry.source, message: "unknown module key \"\(entry.key)\" (user, password_env, password_file, sentinel_user, sentinel_password_env, sentinel_password_file, tls, cacert, cacertdir, cert, key, sni, insecure, timeout, max_reply_bytes, client_list_limit, only, skip, or RULE.PARAM)")
                }
                let rule = entry.key[..<dot]
                let parameter = entry.key[entry.key.index(after: dot)...]
                switch parameter {
                case "warning": arguments.warning.append("\(rule)=\(value)")
                case "critical": arguments.critical.append("\(rule)=\(value)")
                default: arguments.set.append("\(entry.key)=\(value)")
                }
            }
        }
        if passwordEnv != nil && passwordFile != nil {
            throw RuleSettingsError(source: "[module \(name)]", message: "password_env and password_file: give one")
        }
        self.tls = wantsTLS ? tls : nil
    }

    /// The file's rule settings with this module's on top.
    public func ruleSettings(configText: String, configName: String) throws(RuleSettingsError) -> RuleSettings {
        try RuleSettings(configText: configText.isEmpty ? nil : configText, configName: configName, arguments: arguments)
    }
}

extension RuleSettings {
    /// Parses the INI-like config format documented in Docs/configuration.md. The
    /// exporter's `[serve]` and `[module NAME]` sections are read by `ServeConfig`.
    static func parseConfig(_ text: String, name: String) throws(RuleSettingsError) -> Layer {
        var layer = Layer()
        for section in try ConfigFile(parsing: text, name: name).sections {
            if let id = section.name {
                if ConfigFile.isServeSection(id) { continue }
                guard RuleDescription.isKebabCase(id) else {
                    throw RuleSettingsError(source: section.source, message: "\"\(id)\" is not a rule id (expected kebab-case, like [memory-usage])")
                }
                layer.mentions.append(Mention(rule: id, parameter: nil, source: section.source))
                for entry in section.entries {
                    try apply(key: entry.key, value: entry.value, rule: id, source: entry.source, to: &layer)
                }
                continue
            }
            for entry in section.entries {
                switch entry.key {
                case "only":
                    guard layer.only == nil else { throw RuleSettingsError(source: entry.source, message: "\"only\" is set twice") }
                    layer.only = try idList(entry.value, source: entry.source, mentions: &layer.mentions)
                case "skip":
                    layer.skip += try idList(entry.value, source: entry.source, mentions: &layer.mentions)
                default:
                    throw RuleSettingsError(source: entry.source, message: "unknown top-level key \"\(entry.key)\" (only \"only\" and \"skip\" go before the first [rule-id] section)")
                }
            }
        }
        return layer
    }

    /// Parses `--warning`, `--critical`, `--set`, `--only` and `--skip` values.
    static func parseArguments(_ arguments: SettingsArguments) throws(RuleSettingsError) -> Layer {
        var layer = Layer()
        for (option, values) in [("--warning", arguments.warning), ("--critical", arguments.critical)] {
            for argument in values {
                let source = "\(option) \(argument)"
                guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                    throw RuleSettingsError(source: source, message: "expected RULE=RANGE, like \(option) memory-usage=80")
                }
                let rule = String(argument[..<equals])
                let range = String(argument[argument.index(after: equals)...])
                try apply(key: String(option.dropFirst(2)), value: range, rule: rule, source: source, to: &layer)
            }
        }
        for argument in arguments.set {
            let source = "--set \(argument)"
            guard let equals = argument.firstIndex(of: "="),
                  let dot = argument[..<equals].firstIndex(of: "."),
                  dot != argument.startIndex, argument.index(after: dot) != equals
            else {
                throw RuleSettingsError(source: source, message: "expected RULE.PARAM=VALUE, like --set stale-connections.idle=60")
            }
            let rule = String(argument[..<dot])
            let key = String(argument[argument.index(after: dot)..<equals])
            let value = String(argument[argument.index(after: equals)...])
            guard !value.isEmpty else { throw RuleSettingsError(source: source, message: "missing value after \"=\"") }
            try apply(key: key, value: value, rule: rule, source: source, to: &layer)
        }
        for argument in arguments.only {
            layer.only = (layer.only ?? []) + (try idList(argument, source: "--only \(argument)", mentions: &layer.mentions))
        }
        for argument in arguments.skip {
            layer.skip += try idList(argument, source: "--skip \(argument)", mentions: &layer.mentions)
        }
        return layer
    }

    private static func apply(key: String, value: String, rule: String, source: String, to layer: inout Layer) throws(RuleSettingsError) {
        guard RuleDescription.isKebabCase(rule) else {
            throw RuleSettingsError(source: source, message: "\"\(rule)\" is not a rule id (expected kebab-case, like memory-usage)")
        }
        layer.mentions.append(Mention(rule: rule, parameter: key, source: source))
        var override = layer.rules[rule] ?? RuleOverride()
        func duplicate(_ first: String) -> RuleSettingsError {
            RuleSettingsError(source: source, message: "\(rule).\(key) is already set (at \(first))")
        }
        switch key {
        case "warning", "critical":
            let range: NagiosRange
            do throws(NagiosRangeError) {
                range = try NagiosRange(parsing: value)
            } catch {
                throw RuleSettingsError(source: source, message: "\(rule) \(key): \(error)")
            }
            let existing = key == "warning" ? override.warning : override.critical
            if let existing { throw duplicate(existing.source) }
            if key == "warning" {
                override.warning = Sourced(value: range, source: source)
            } else {
                override.critical = Sourced(value: range, source: source)
            }
        case "enabled":
            guard let enabled = parseBool(value) else {
                throw RuleSettingsError(source: source, message: "\(rule).enabled: expected true or false, got \"\(value)\"")
            }
            if let existing = override.enabled { throw duplicate(existing.source) }
            override.enabled = Sourced(value: enabled, source: source)
        default:
            if let existing = override.parameters[key] { throw duplicate(existing.source) }
            override.parameters[key] = Sourced(value: value, source: source)
        }
        layer.rules[rule] = override
    }

    /// `a, b,c` into ids; an empty list is an error because it would silently disable everything.
    private static func idList(_ text: String, source: String, mentions: inout [Mention]) throws(RuleSettingsError) -> [Sourced<String>] {
        var ids: [Sourced<String>] = []
        for item in text.split(separator: ",") {
            let id = trimmed(item)
            if id.isEmpty { continue }
            guard RuleDescription.isKebabCase(id) else {
                throw RuleSettingsError(source: source, message: "\"\(id)\" is not a rule id (expected kebab-case)")
            }
            ids.append(Sourced(value: id, source: source))
            mentions.append(Mention(rule: id, parameter: nil, source: source))
        }
        guard !ids.isEmpty else { throw RuleSettingsError(source: source, message: "expected a comma-separated list of rule ids") }
        return ids
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: return nil
        }
    }

    static func trimmed(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}

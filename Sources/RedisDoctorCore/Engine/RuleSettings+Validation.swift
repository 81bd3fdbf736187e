extension RuleSettings {
    /// Rejects settings for rules or parameters that do not exist, suggesting the
    /// closest known name, so a typo never silently leaves a default in place.
    /// - Parameter knownRules: rule id → declared parameter names.
    public func validate(knownRules: [String: [String]]) throws(RuleSettingsError) {
        let ids = knownRules.keys.sorted()
        for mention in fileLayer.mentions + commandLineLayer.mentions {
            guard let parameters = knownRules[mention.rule] else {
                throw RuleSettingsError(source: mention.source, message: "unknown rule \"\(mention.rule)\"" + Self.suggestion(for: mention.rule, among: ids))
            }
            if let parameter = mention.parameter, !Self.reservedKeys.contains(parameter), !parameters.contains(parameter) {
                let candidates = (parameters + Self.reservedKeys).sorted()
                var message = "unknown setting \"\(parameter)\" for rule \"\(mention.rule)\"" + Self.suggestion(for: parameter, among: candidates)
                message += " (known: \(candidates.joined(separator: ", ")))"
                throw RuleSettingsError(source: mention.source, message: message)
            }
        }
    }

    public func validate(against descriptions: [RuleDescription]) throws(RuleSettingsError) {
        var known: [String: [String]] = [:]
        for description in descriptions { known[description.id] = description.parameters.map(\.name) }
        try validate(knownRules: known)
        // Values too, so a negative idle or a fractional count is refused before connecting.
        for description in descriptions {
            for parameter in description.parameters {
                guard let setting = setting(rule: description.id, name: parameter.name),
                      let problem = parameter.problem(with: setting.value) else { continue }
                throw RuleSettingsError(source: setting.source, message: "\(description.id).\(parameter.name): \(problem)")
            }
        }
    }

    /// `; did you mean "x"?` for the nearest candidate by edit distance, if close enough.
    public static func suggestion(for name: String, among candidates: [String]) -> String {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, name.count / 3) else { return "" }
        return "; did you mean \"\(best.name)\"?"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

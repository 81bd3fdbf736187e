extension RuleDescription {
    /// Everything wrong with this description, as sentences; empty when it is sound.
    /// Run by a test over every registered rule.
    public func problems() -> [String] {
        var problems: [String] = []
        if !Self.isKebabCase(id) { problems.append("id \"\(id)\" is not kebab-case") }
        if title.isEmpty { problems.append("title is empty") }
        if summary.isEmpty { problems.append("summary is empty") }
        if summary.contains("\n") { problems.append("summary must be one line") }
        if rationale.isEmpty { problems.append("rationale is empty") }
        if commandsNeeded.isEmpty { problems.append("no commands needed are declared") }

        for (level, text) in [("warning", defaultWarning), ("critical", defaultCritical)] {
            guard let text else { continue }
            do throws(NagiosRangeError) {
                _ = try NagiosRange(parsing: text)
            } catch {
                problems.append("default \(level) is not a valid range: \(error)")
            }
            if primaryMetric == nil { problems.append("default \(level) is set but there is no primary metric") }
        }

        var seenParameters = Set<String>()
        for parameter in parameters {
            if !Self.isKebabCase(parameter.name) { problems.append("parameter \"\(parameter.name)\" is not kebab-case") }
            if RuleSettings.reservedKeys.contains(parameter.name) {
                problems.append("parameter \"\(parameter.name)\" clashes with a reserved setting")
            }
            if !seenParameters.insert(parameter.name).inserted { problems.append("parameter \"\(parameter.name)\" is declared twice") }
            if parameter.description.isEmpty { problems.append("parameter \"\(parameter.name)\" has no description") }
        }

        if informational {
            if defaultWarning != nil || defaultCritical != nil {
                problems.append("an informational rule has no default thresholds")
            }
            for example in examples where example.triggers {
                problems.append("example \"\(example.title)\" triggers an informational rule, which never alerts")
            }
        } else if !examples.contains(where: \.triggers) {
            problems.append("no example triggers the rule (WARNING or CRITICAL)")
        }
        if !examples.contains(where: { $0.expectedStatus == .ok }) { problems.append("no example where the rule stays OK") }
        var seenTitles = Set<String>()
        for example in examples {
            if !seenTitles.insert(example.title).inserted { problems.append("example title \"\(example.title)\" is used twice") }
            if example.triggers && example.expectEvidence.isEmpty {
                problems.append("example \"\(example.title)\" triggers but expects no evidence")
            }
            for key in example.settings.keys.sorted() {
                let prefix = id + "."
                guard key.hasPrefix(prefix) else {
                    problems.append("example \"\(example.title)\" sets \"\(key)\", which is not a setting of \(id)")
                    continue
                }
                let name = String(key.dropFirst(prefix.count))
                if !seenParameters.contains(name) && !RuleSettings.reservedKeys.contains(name) {
                    problems.append("example \"\(example.title)\" sets unknown parameter \"\(name)\"")
                }
            }
        }
        return problems
    }

    /// Lower-case words of letters and digits joined by single hyphens.
    static func isKebabCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        var previousHyphen = false
        for scalar in text.unicodeScalars {
            if scalar == "-" {
                if previousHyphen { return false }
                previousHyphen = true
            } else if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                previousHyphen = false
            } else {
                return false
            }
        }
        return !previousHyphen
    }
}

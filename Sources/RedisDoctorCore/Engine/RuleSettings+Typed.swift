extension RuleSettings {
    /// The parameter as a number, or `defaultValue` when unset; throws naming where
    /// the bad value was set.
    public func double(rule id: String, name: String, default defaultValue: Double) throws(RuleSettingsError) -> Double {
        guard let setting = setting(rule: id, name: name) else { return defaultValue }
        guard let value = NumberText.parse(setting.value) else { throw invalid(setting, rule: id, name: name, expected: "a number") }
        return value
    }

    public func int(rule id: String, name: String, default defaultValue: Int) throws(RuleSettingsError) -> Int {
        guard let setting = setting(rule: id, name: name) else { return defaultValue }
        guard let value = Int(setting.value) else { throw invalid(setting, rule: id, name: name, expected: "a whole number") }
        return value
    }

    public func bool(rule id: String, name: String, default defaultValue: Bool) throws(RuleSettingsError) -> Bool {
        guard let setting = setting(rule: id, name: name) else { return defaultValue }
        guard let value = Self.parseBool(setting.value) else { throw invalid(setting, rule: id, name: name, expected: "true or false") }
        return value
    }

    private func invalid(_ setting: Sourced<String>, rule: String, name: String, expected: String) -> RuleSettingsError {
        RuleSettingsError(source: setting.source, message: "\(rule).\(name): expected \(expected), got \"\(setting.value)\"")
    }
}

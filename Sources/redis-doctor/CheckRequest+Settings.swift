import RedisDoctorCore

extension CheckRequest {
    /// `--prev-perfdata`, unless blank: an engine's first run passes empty macros, and that
    /// is a run without a previous sample, not an error.
    var givenPrevPerfdata: String? {
        guard let text = prevPerfdata, text.contains(where: { $0 != " " && $0 != "\t" && $0 != "\n" }) else { return nil }
        return text
    }

    /// `--warning`, `--set`... and the config file, read within the run's bound and checked
    /// against every rule's description before anything is sent to a server.
    func ruleSettings() throws(UsageError) -> RuleSettings {
        do {
            let configText = try configPath.map { (path) throws(FileIO.Failure) in
                String(decoding: try FileIO.read(path, limit: FileIO.configLimit), as: UTF8.self)
            }
            let settings = try RuleSettings(configText: configText, configName: configPath ?? "config", arguments: rules)
            try settings.validate(against: RuleRegistry.descriptions)
            return settings
        } catch {
            throw UsageError(message: "\(error)")
        }
    }
}

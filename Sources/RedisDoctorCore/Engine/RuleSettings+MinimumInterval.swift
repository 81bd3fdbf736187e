extension RuleSettings {
    /// The longest interval any rule needs between two samples to judge progress
    /// (parameters named `*min-interval`, such as bgsave-stalled's `stall-min-interval`).
    /// A state file keeps an older baseline rather than replace it with a sample closer than this.
    public func minimumSampleInterval(_ descriptions: [RuleDescription] = RuleRegistry.descriptions) -> Double {
        descriptions.map(minimumInterval(for:)).max() ?? 0
    }

    /// The interval one rule needs between two samples (0: any earlier sample will do).
    public func minimumInterval(for description: RuleDescription) -> Double {
        var longest = 0.0
        for parameter in description.parameters where parameter.name.hasSuffix("min-interval") {
            let value = (try? double(rule: description.id, name: parameter.name, default: NumberText.parse(parameter.defaultValue) ?? 0)) ?? 0
            if value.isFinite { longest = max(longest, value) }
        }
        return longest
    }
}

/// A health rule: a description (its documentation and its tests) plus a pure evaluation.
///
/// One rule is one file under Rules/<Category>/. Everything a rule knows about the server comes
/// through `RuleContext`: no I/O, no clock.
public protocol HealthRule: Sendable {
    static var description: RuleDescription { get }
    static func evaluate(_ context: RuleContext) throws(RuleSettingsError) -> RuleResult
}

/// Every diagnosis over one run's results, worst first. Adding a diagnosis is one file
/// and one line here.
public enum DiagnosisRegistry {
    public static let all: [any Diagnosis.Type] = [
        SaveStuckDiagnosis.self,
        ConnectionLeakDiagnosis.self,
        MemoryExhaustedDiagnosis.self,
        ExpireStormDiagnosis.self,
        ServerStarvedDiagnosis.self,
        ReplicationBrokenDiagnosis.self,
        ForkOrSwapLatencyDiagnosis.self,
    ]

    public static var descriptions: [DiagnosisDescription] { all.map { $0.description } }

    public static func diagnosis(id: String) -> (any Diagnosis.Type)? {
        all.first { $0.description.id == id }
    }
}

public enum DiagnosisEngine {
    /// The diagnoses the run's findings imply, worst status first (registry order within).
    /// None when nothing is firing: a diagnosis names the cause of findings, never guesses one.
    public static func diagnose(_ input: DiagnosisInput) -> [DiagnosisResult] {
        let timedOut = input.error?.kind == .timeout
        guard timedOut || input.results.contains(where: { $0.status == .warning || $0.status == .critical }) else { return [] }
        let made = DiagnosisRegistry.all.compactMap { $0.diagnose(input) }
        return made.enumerated().sorted { a, b in
            a.element.status.sortRank != b.element.status.sortRank ? a.element.status.sortRank > b.element.status.sortRank : a.offset < b.offset
        }.map(\.element)
    }
}

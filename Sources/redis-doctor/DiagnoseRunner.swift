import RedisDoctorCore

/// What `diagnose` adds to a check: its default deadline (two samples five seconds apart
/// need more than check's 10 s) and the Docs/diagnoses writer.
enum DiagnoseRunner {
    static let defaultTimeout = 15.0

    /// Five seconds between the samples: the save-progress and rate rules need five.
    static let defaultInterval = 5.0

    static func writeDocs(to directory: String) -> ExitStatus {
        var pages = DiagnosisRegistry.descriptions.map { (name: "\($0.id).md", text: DiagnosisDocs.markdown(for: $0)) }
        pages.append((name: "README.md", text: DiagnosisDocs.index(DiagnosisRegistry.descriptions)))
        return GeneratedDocs.write(pages, to: directory, what: "diagnosis docs")
    }
}

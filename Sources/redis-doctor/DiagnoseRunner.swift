import RedisDoctorCore

/// What `diagnose` adds to a check: its default deadline (two samples five seconds apart
/// need more than check's 10 s) and the Docs/diagnoses writer.
enum DiagnoseRunner {
    static let defaultTimeout = 15.0

    /// Five seconds between the samples: the save-progress and rate rules need five.
    static let defaultInterval = 5.0

    static func writeDocs(to directory: String) -> ExitStatus {
        var pages = DiagnosisRegistry.descriptions.map { ("\($0.id).md", DiagnosisDocs.markdown(for: $0)) }
        pages.append(("README.md", DiagnosisDocs.index(DiagnosisRegistry.descriptions)))
        for (name, text) in pages {
            do throws(FileIO.Failure) {
                try FileIO.writeAtomically(Array(text.utf8), to: directory + "/" + name)
            } catch {
                Terminal.error("cannot write diagnosis docs: \(error)")
                return .usage
            }
        }
        Terminal.error("wrote \(pages.count) pages to \(directory)")
        return .ok
    }
}

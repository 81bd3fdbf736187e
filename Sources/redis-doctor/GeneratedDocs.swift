/// Writes generated Markdown pages (Docs/rules, Docs/diagnoses) into a folder, each atomically.
enum GeneratedDocs {
    static func write(_ pages: [(name: String, text: String)], to directory: String, what: String) -> ExitStatus {
        for page in pages {
            do throws(FileIO.Failure) {
                try FileIO.writeAtomically(Array(page.text.utf8), to: directory + "/" + page.name)
            } catch {
                Terminal.error("cannot write \(what): \(error)")
                return .usage
            }
        }
        Terminal.error("wrote \(pages.count) pages to \(directory)")
        return .ok
    }
}

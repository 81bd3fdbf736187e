/// Generates the Docs/diagnoses pages from the diagnosis descriptions and their examples,
/// so the docs cannot drift from the code (`redis-doctor diagnose --write-docs Docs/diagnoses`).
public enum DiagnosisDocs {
    public static func markdown(for diagnosis: DiagnosisDescription) -> String {
        var out = ["# \(diagnosis.title.prefix(1).uppercased() + diagnosis.title.dropFirst())", "", "`\(diagnosis.id)` · diagnosis", "", diagnosis.summary, ""]
        out += ["## Why", "", diagnosis.rationale, ""]
        out += ["## What it reads", "", "- Findings: " + diagnosis.findings.map { "[`\($0)`](../rules/\($0).md)" }.joined(separator: ", ")]
        if !diagnosis.facts.isEmpty { out.append("- Facts: " + diagnosis.facts.map(RuleDocs.code).joined(separator: ", ")) }
        out += ["", "## Next step", "", diagnosis.nextStep, "", "## Ruled out by", "", diagnosis.ruledOutBy, ""]
        out += ["## Examples"]
        for example in diagnosis.examples {
            out += ["", "### \(example.title) → \(example.diagnosed ? "diagnosed" + (example.expectConfidence.map { " (\($0.rawValue))" } ?? "") : "not diagnosed")", ""]
            out += RuleDocs.block("INFO", example.sample.info)
            out += RuleDocs.inputBlocks(example.sample, previousLabel: "INFO (previous sample)")
            if !example.expectEvidence.isEmpty {
                out.append("Evidence mentions " + example.expectEvidence.map(RuleDocs.code).joined(separator: ", "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Docs/diagnoses/README.md: every diagnosis, linking to its page.
    public static func index(_ descriptions: [DiagnosisDescription]) -> String {
        var out = ["# Diagnoses", "", "Generated from the diagnosis descriptions; do not edit by hand.", "",
                   "A diagnosis names the cause several findings share; it never changes the status the rules gave.", "",
                   "| Diagnosis | Summary | Reads |", "|---|---|---|"]
        for diagnosis in descriptions {
            out.append("| [`\(diagnosis.id)`](\(diagnosis.id).md) | \(RuleDocs.cell(diagnosis.summary)) | \(diagnosis.findings.map(RuleDocs.code).joined(separator: ", ")) |")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

import ArgumentParser

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the health rules, or print one rule's documentation.",
        discussion: "With --write-docs DIR, writes DIR/<id>.md for every rule and DIR/README.md (how Docs/rules/ is made)."
    )

    @Argument(help: "A rule id, to print its documentation.")
    var id: String?

    @Option(name: .long, help: ArgumentHelp("Write the Markdown page of every rule into this folder.", valueName: "dir"))
    var writeDocs: String?

    func run() throws {
        throw RulesRunner(id: id, writeDocs: writeDocs).run().exitCode
    }
}

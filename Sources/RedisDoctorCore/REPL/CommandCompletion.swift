/// Tab completion over command names: the first word, then a container's subcommand.
public struct CommandCompletion: Sendable {
    /// Names in upper case; container subcommands as two words (`CLIENT LIST`).
    public var names: [String]

    public init(names: [String]) {
        self.names = names
    }

    /// Completion from the bundled table, plus the REPL's own words.
    public static let bundled = CommandCompletion(names: CommandTable.all.map(\.name) + Array(CommandTable.containers) + ReplMetaCommand.names + ["HELP", "QUIT", "EXIT"])

    /// The candidate words for the word being typed at the end of `line`,
    /// spelled in the case the user started with.
    public func candidates(for line: String) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let endsWithSpace = line.last == " "
        let completedWords = endsWithSpace ? words : Array(words.dropLast())
        let partial = endsWithSpace ? "" : (words.last ?? "")
        // Follow the user's case: the partial word's, else the command word's; ':' commands are lower case.
        let lower = (partial.first ?? completedWords.last?.first).map { $0.isLowercase || $0 == ":" } ?? false
        let prefix = partial.uppercased()
        var found: Set<String> = []
        switch completedWords.count {
        case 0:
            for name in names {
                let first = String(name.split(separator: " ").first ?? "").uppercased()
                if first.hasPrefix(prefix) { found.insert(first) }
            }
        case 1:
            let container = completedWords[0].uppercased() + " "
            for name in names where name.hasPrefix(container) {
                let sub = String(name.dropFirst(container.count))
                if sub.hasPrefix(prefix), !sub.contains(" ") { found.insert(sub) }
            }
        default:
            break
        }
        return found.sorted().map { lower ? $0.lowercased() : $0 }
    }

    /// The longest prefix shared by all candidates (what Tab inserts when there are several).
    public static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Names from a COMMAND DOCS reply (RESP2: flat name/doc pairs), with `container|sub`
    /// subcommands turned into `CONTAINER SUB`. Nil when the reply is not that shape.
    public static func names(fromCommandDocs reply: RedisReply) -> [String]? {
        guard case .array(let items) = reply, !items.isEmpty, items.count % 2 == 0 else { return nil }
        var names: [String] = []
        var index = 0
        while index + 1 < items.count {
            guard let name = items[index].text else { return nil }
            names.append(name.uppercased())
            if case .array(let doc) = items[index + 1] {
                var field = 0
                while field + 1 < doc.count {
                    if doc[field].text == "subcommands", case .array(let subs) = doc[field + 1] {
                        var s = 0
                        while s < subs.count {
                            if let sub = subs[s].text { names.append(sub.uppercased().replacingPipe()) }
                            s += 2
                        }
                    }
                    field += 2
                }
            }
            index += 2
        }
        return names
    }
}

extension String {
    fileprivate func replacingPipe() -> String {
        String(map { $0 == "|" ? " " : $0 })
    }
}

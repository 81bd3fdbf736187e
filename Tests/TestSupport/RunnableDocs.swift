import Foundation

/// The examples README.md and Docs/ mark as runnable, so a test can run them as written.
///
/// Markers, on the line before a fenced block:
/// - `<!-- runnable -->`: shell commands. In a transcript, the lines starting with `$ ` are
///   the commands and the rest is output; `$ echo $?` followed by a number states the
///   previous command's exit code. Otherwise every line that is not blank or a comment is a command.
/// - `<!-- runnable: file NAME -->`: the block is a file the later commands use.
/// - `<!-- runnable: promtool-rules -->`: a Prometheus rules file `promtool check rules` must accept.
/// - `<!-- runnable: promtool-config -->`: a prometheus.yml `promtool check config` must
///   accept (its `rule_files` may name the document's earlier rules block, `rules.yml`).
/// - `<!-- runnable: icinga2 -->`: Icinga 2 objects `icinga2 daemon -C` must accept, after
///   `include <itl>` and the document's earlier icinga2 blocks (a recipe builds on the last).
public struct RunnableDocs {
    public enum Block: Sendable {
        case commands([Command])
        case file(name: String, text: String)
        case promtoolRules(String)
        case promtoolConfig(String)
        case icinga2(String)
    }

    public struct Command: Sendable {
        public var line: String
        /// The exit code the document states, if it does.
        public var expectedExit: Int32?
        /// Where it is: `Docs/clients.md:22`.
        public var location: String
    }

    /// The repository root, from this file's place in it.
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// README.md and every Markdown file directly under Docs/, sorted.
    public static var documents: [String] {
        let docs = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Docs").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "Docs/" + $0 }
        return ["README.md"] + docs
    }

    /// The runnable blocks of one document, in order.
    public static func blocks(in document: String) throws -> [Block] {
        let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let marker = lines[index].trimmingCharacters(in: .whitespaces)
            guard marker.hasPrefix("<!-- runnable"), marker.hasSuffix("-->"), index + 1 < lines.count,
                  lines[index + 1].hasPrefix("```") else { index += 1; continue }
            let kind = marker.dropFirst("<!-- runnable".count).dropLast(3).trimmingCharacters(in: .whitespaces)
            var body: [(Int, String)] = []
            var end = index + 2
            while end < lines.count, !lines[end].hasPrefix("```") {
                body.append((end + 1, lines[end]))
                end += 1
            }
            if kind.hasPrefix(": file ") {
                blocks.append(.file(name: String(kind.dropFirst(": file ".count)), text: body.map(\.1).joined(separator: "\n") + "\n"))
            } else if kind == ": promtool-rules" {
                blocks.append(.promtoolRules(body.map(\.1).joined(separator: "\n") + "\n"))
            } else if kind == ": promtool-config" {
                blocks.append(.promtoolConfig(body.map(\.1).joined(separator: "\n") + "\n"))
            } else if kind == ": icinga2" {
                blocks.append(.icinga2(body.map(\.1).joined(separator: "\n") + "\n"))
            } else {
                blocks.append(.commands(commands(body, document: document)))
            }
            index = end + 1
        }
        return blocks
    }

    static func commands(_ body: [(Int, String)], document: String) -> [Command] {
        let transcript = body.contains { $0.1.hasPrefix("$ ") }
        var commands: [Command] = []
        var index = 0
        while index < body.count {
            let (number, line) = body[index]
            index += 1
            if transcript {
                guard line.hasPrefix("$ ") else { continue }
                let command = String(line.dropFirst(2))
                if command == "echo $?" {
                    if index < body.count, let code = Int32(body[index].1.trimmingCharacters(in: .whitespaces)), !commands.isEmpty {
                        commands[commands.count - 1].expectedExit = code
                    }
                    continue
                }
                commands.append(Command(line: command, expectedExit: nil, location: "\(document):\(number)"))
            } else {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                commands.append(Command(line: line, expectedExit: nil, location: "\(document):\(number)"))
            }
        }
        return commands
    }
}

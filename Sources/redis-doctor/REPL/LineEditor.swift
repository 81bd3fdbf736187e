import CLibEdit
import Glibc
import RedisDoctorCore

/// libedit behind a small Swift API: prompt, right-prompt hints, Tab completion,
/// Ctrl-R history search, and a Ctrl-C that clears the line instead of killing the process.
///
/// The one file that imports CLibEdit. libedit is loaded on demand (`loadLibrary()`), not
/// linked, so commands other than the REPL never load it. libedit's callbacks are C
/// function pointers that cannot capture context, so they reach the editor through
/// `LineEditor.current`; there is one editor per process.
final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C at the prompt: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line.
        case endOfFile
    }

    /// Prompt text; `\u{1}` brackets escape sequences that take no room on screen.
    var prompt: () -> String = { "> " }
    /// The argument syntax to show right of the line being typed, or nil.
    var hint: (String) -> String? = { _ in nil }
    /// Candidate words for the last (partial) word of the line before the cursor.
    var complete: (String) -> [String] = { _ in [] }

    nonisolated(unsafe) static var current: LineEditor?

    private let lib: rd_libedit_functions
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    /// A byte arrives here when SIGINT fires (the REPL's Canceller pipe).
    private let interruptFD: Int32
    private var interrupted = false
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private var rightPromptBuffer: UnsafeMutablePointer<CChar>?

    /// libedit's soname; Debian's libedit2 package ships it.
    static let libraryName = RD_LIBEDIT_SONAME

    /// Set by `loadLibrary()`.
    nonisolated(unsafe) private static var library: rd_libedit_functions?

    /// Loads libedit (again is harmless: the loader counts references); nil on success,
    /// else the dynamic loader's message. Must succeed before the first `LineEditor` is made.
    static func loadLibrary(_ name: String = libraryName) -> String? {
        var functions = rd_libedit_functions()
        if let problem = rd_libedit_load(name, &functions) { return String(cString: problem) }
        library = functions
        return nil
    }

    init?(interruptFD: Int32, historyPath: String?) {
        // libedit converts prompts and the line with the C library's multibyte functions:
        // without the user's locale, any non-ASCII text would fail to decode (and crash it).
        setlocale(LC_CTYPE, "")
        guard let lib = Self.library, let editLine = rd_el_init(lib, "redis-doctor") else { return nil }
        guard let history = rd_history_init(lib) else {
            rd_el_end(lib, editLine)
            return nil
        }
        self.lib = lib
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.interruptFD = interruptFD
        Self.current = self

        rd_history_setsize(lib, history, 1000)
        rd_history_setunique(lib, history, 1)
        if let historyPath { rd_history_load(lib, history, historyPath) }
        rd_el_set_history(lib, editLine, history)
        rd_el_set_editor(lib, editLine, "emacs")
        rd_el_set_signal(lib, editLine, 0)
        rd_el_set_getcfn(lib, editLine, { _, out in LineEditor.current?.readCharacter(out) ?? 0 })
        rd_el_set_prompt(lib, editLine, { _ in LineEditor.current?.promptText() })
        rd_el_set_rprompt(lib, editLine, { _ in LineEditor.current?.rightPromptText() })
        rd_el_addfn(lib, editLine, "rd-complete", "complete a command name", { el, _ in LineEditor.current?.completeAtCursor(el) ?? UInt8(CC_ERROR) })
        rd_el_addfn(lib, editLine, "rd-space", "insert a space and show the syntax hint", { el, _ in
            guard let editor = LineEditor.current else { return UInt8(CC_ERROR) }
            rd_el_insertstr(editor.lib, el, " ")
            return UInt8(CC_REFRESH)
        })
        rd_el_bind(lib, editLine, "^I", "rd-complete")
        rd_el_bind(lib, editLine, " ", "rd-space")
        rd_el_bind(lib, editLine, "^R", "em-inc-search-prev")
    }

    deinit {
        rd_el_end(lib, editLine)
        rd_history_end(lib, history)
        free(promptBuffer)
        free(rightPromptBuffer)
    }

    func read() -> Input {
        interrupted = false
        rd_el_resize(lib, editLine)
        // Editing mode before the prompt is drawn: libedit would switch only at the first
        // read, and a Ctrl-D typed in between was eaten by the cooked-mode line discipline.
        rd_el_prep_term(lib, editLine, 1)
        var count: Int32 = 0
        guard let raw = rd_el_gets(lib, editLine, &count) else {
            return interrupted || count < 0 ? .interrupted : .endOfFile
        }
        if interrupted { return .interrupted }
        var text = String(cString: raw)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    /// Adds a line to the in-memory history and rewrites the file (mode 600).
    /// The caller has already applied the secret filter.
    func remember(_ line: String) {
        rd_history_enter(lib, history, line)
        guard let historyPath else { return }
        rd_history_save(lib, history, historyPath)
        // Only a regular file is made private: REDISDOCTOR_HISTFILE=/dev/null must stay usable.
        var info = stat()
        if stat(historyPath, &info) == 0, info.st_mode & S_IFMT == S_IFREG { chmod(historyPath, 0o600) }
    }

    // MARK: - Callbacks

    /// Reads one character, waking on the interrupt pipe too: SIGINT at the prompt
    /// makes el_gets return instead of being retried inside libedit.
    private func readCharacter(_ out: UnsafeMutablePointer<wchar_t>?) -> Int32 {
        var bytes: [UInt8] = []
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: interruptFD, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if fds[1].revents != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                while Glibc.read(interruptFD, &drain, 64) > 0 {}
                interrupted = true
                errno = EINTR
                return -1
            }
            guard fds[0].revents != 0 else { continue }
            var byte: UInt8 = 0
            let n = Glibc.read(0, &byte, 1)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return -1
            }
            if n == 0 { return 0 }
            bytes.append(byte)
            // Decode UTF-8 ourselves: a custom read function replaces libedit's decoder.
            let expected = byte < 0x80 && bytes.count == 1 ? 1 : Self.sequenceLength(bytes[0])
            if bytes.count < expected { continue }
            let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first.map { wchar_t(bitPattern: $0.value) } ?? 0xFFFD
            out?.pointee = scalar
            return 1
        }
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }

    private func promptText() -> UnsafeMutablePointer<CChar>? {
        free(promptBuffer)
        promptBuffer = strdup(prompt())
        return promptBuffer
    }

    private func rightPromptText() -> UnsafeMutablePointer<CChar>? {
        free(rightPromptBuffer)
        let text = currentLine(upToCursor: false).flatMap(hint).map { "\u{1}\u{1B}[2m\u{1}" + $0 + "\u{1}\u{1B}[0m\u{1}" } ?? ""
        rightPromptBuffer = strdup(text)
        return rightPromptBuffer
    }

    private func currentLine(upToCursor: Bool) -> String? {
        guard let info = rd_el_line(lib, editLine) else { return nil }
        let start = info.pointee.buffer!
        let end = upToCursor ? info.pointee.cursor! : info.pointee.lastchar!
        let length = end - start
        guard length >= 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(start), count: length)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func completeAtCursor(_ el: OpaquePointer?) -> UInt8 {
        guard let line = currentLine(upToCursor: true) else { return UInt8(CC_ERROR) }
        let candidates = complete(line)
        let partial = line.last == " " ? "" : String(line.split(separator: " ").last ?? "")
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if candidates.count == 1 {
            rd_el_insertstr(lib, el, String(candidates[0].dropFirst(partial.count)) + " ")
            return UInt8(CC_REFRESH)
        }
        let common = CommandCompletion.commonPrefix(candidates)
        if common.count > partial.count {
            rd_el_insertstr(lib, el, String(common.dropFirst(partial.count)))
            return UInt8(CC_REFRESH)
        }
        Terminal.out("\n" + candidates.joined(separator: "  ") + "\n")
        return UInt8(CC_REDISPLAY)
    }
}

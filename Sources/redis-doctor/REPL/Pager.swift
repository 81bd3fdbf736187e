import Glibc

/// Shows long replies through $PAGER (default `less -R`) when stdout is a terminal.
enum Pager {
    /// The terminal's height, or nil when stdout is not a terminal.
    static var terminalRows: Int? {
        guard Terminal.stdoutIsTTY else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// Writes `bytes` to stdout, through the pager when they are taller than the terminal.
    static func show(_ bytes: [UInt8]) {
        guard let rows = terminalRows, lineCount(bytes) > rows - 1, spawn(bytes) else {
            Terminal.write(bytes)
            return
        }
    }

    static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Runs `sh -c "$PAGER"` with a pipe on its stdin; false when it could not start.
    private static func spawn(_ bytes: [UInt8]) -> Bool {
        let command = Terminal.environment("PAGER").flatMap { $0.isEmpty ? nil : $0 } ?? "less -R"
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addclose(&actions, fds[0])
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(fds[0])
        guard rc == 0 else {
            close(fds[1])
            return false
        }
        // The pager may quit before reading everything: SIGPIPE must not end the REPL.
        let previous = signal(SIGPIPE, SIG_IGN)
        Terminal.write(bytes, to: fds[1])
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        signal(SIGPIPE, previous)
        return true
    }
}

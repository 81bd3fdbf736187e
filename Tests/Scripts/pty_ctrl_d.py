# Starts the REPL on a pseudo-terminal RUNS times and sends Ctrl-D the moment the prompt
# appears; prints how many runs did not exit within 2 s. Used by ReplTests.
# Usage: python3 pty_ctrl_d.py BINARY PORT RUNS HISTFILE
import os, pty, sys, time, select
binary, port, runs, histfile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
stuck = 0
for _ in range(runs):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["REDISDOCTOR_HISTFILE"] = histfile
        os.environ["TERM"] = "xterm"
        os.execv(binary, [binary, "-p", port])
    seen = b""
    while b"master>" not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            raise SystemExit("no prompt")
        seen += os.read(fd, 4096)
    os.write(fd, b"\x04")
    deadline, exited = time.time() + 2, False
    while time.time() < deadline:
        if os.waitpid(pid, os.WNOHANG)[0]:
            exited = True
            break
        if select.select([fd], [], [], 0.05)[0]:
            try:
                os.read(fd, 4096)
            except OSError:
                pass
    if not exited:
        stuck += 1
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
print(f"stuck={stuck}")

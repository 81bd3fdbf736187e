# Time from fork to the REPL prompt on a pseudo-terminal (Docs/performance.md, "REPL start-up").
# Usage: python3 pty_prompt.py BINARY PORT RUNS
import os, pty, sys, time, select, statistics
binary, port, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["REDISDOCTOR_HISTFILE"] = "/tmp/redis-doctor-bench-history"
        os.environ["TERM"] = "xterm"
        os.execv(binary, [binary, "-p", port])
    buf = b""
    while b"master>" not in buf:
        r, _, _ = select.select([fd], [], [], 5)
        if not r: raise SystemExit("no prompt")
        buf += os.read(fd, 4096)
    times.append((time.perf_counter() - start) * 1000)
    os.write(fd, b"quit\r")
    try:
        while os.read(fd, 4096): pass
    except OSError: pass
    os.waitpid(pid, 0)
times.sort()
print(f"runs={runs} median={statistics.median(times):.2f} ms  p10={times[len(times)//10]:.2f}  p90={times[len(times)*9//10]:.2f}  min={times[0]:.2f}  max={times[-1]:.2f}")

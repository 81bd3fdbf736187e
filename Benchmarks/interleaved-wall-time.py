"""Instruction and wall-time ratios of two commands, for the check benchmarks.

Usage: interleaved-wall-time.py RUNS PEER_INSTRUCTIONS OURS_INSTRUCTIONS PEER... -- OURS...

hyperfine runs one command's batch after the other, so load that comes and goes on a
shared machine lands on one side. Here the two commands alternate (the order flips every
pair) and each side's median is taken, which a few slow outliers cannot move.
"""
import os
import statistics
import sys
import time

runs, peer_ir, ours_ir = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
split = sys.argv.index("--")
peer, ours = sys.argv[4:split], sys.argv[split + 1:]

# As hyperfine -N runs them: stdin, stdout and stderr on /dev/null.
spawn_quietly = [(os.POSIX_SPAWN_DUP2, os.open(os.devnull, os.O_RDONLY), 0),
                 (os.POSIX_SPAWN_DUP2, os.open(os.devnull, os.O_WRONLY), 1),
                 (os.POSIX_SPAWN_DUP2, os.open(os.devnull, os.O_WRONLY), 2)]


def wall(cmd):
    # posix_spawn + waitpid: the lightest launch Python has. Launch overhead is the same
    # on both sides, so it pulls the ratio towards 1, never past it.
    start = time.perf_counter_ns()
    os.waitpid(os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=spawn_quietly), 0)
    return (time.perf_counter_ns() - start) / 1e6


for _ in range(10):  # warm-up: page cache, server connections
    wall(peer)
    wall(ours)
times = {"peer": [], "ours": []}
for i in range(runs):
    order = [("peer", peer), ("ours", ours)] if i % 2 == 0 else [("ours", ours), ("peer", peer)]
    for name, cmd in order:
        times[name].append(wall(cmd))
peer_ms, ours_ms = statistics.median(times["peer"]), statistics.median(times["ours"])
print(f"instructions (callgrind, one run each):         {ours_ir:>10,} / {peer_ir:>10,} = {ours_ir / peer_ir:.3f}")
print(f"wall time (median of {runs} interleaved runs each): {ours_ms:7.2f} ms / {peer_ms:7.2f} ms = {ours_ms / peer_ms:.3f}")

#!/usr/bin/env bash
# Whole-process cost of `redis-doctor check` next to `redis-cli INFO`, same server, one run.
# Usage: Benchmarks/check-vs-redis-cli.sh [path/to/redis-doctor]   (needs hyperfine, valgrind, python3)
# RUNS=n sets the interleaved runs behind the wall-time ratio (default 200 of each).
set -euo pipefail
bin=${1:-.build/release/redis-doctor}
runs=${RUNS:-200}
. "$(dirname "$0")/../.ci/throwaway-redis.sh"
start_throwaway_redis 17700 17800
for i in $(seq 1 100); do echo "SET key:$i value-$i"; done | redis-cli -p "$port" >/dev/null

echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# hyperfine: wall time and user/system CPU per process"
hyperfine -N --warmup 30 --runs 500 --style basic \
  "redis-cli -p $port INFO" \
  "$bin -p $port check" \
  "$bin -p $port check --format json" \
  "$bin -p $port send INFO"
echo
echo "# callgrind: instructions per process (repeatable whatever the load)"
declare -A instructions
for cmd in "redis-cli -p $port INFO" "$bin -p $port check" "$bin -p $port check --format json" "$bin -p $port send INFO" "$bin --version"; do
  n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*')
  instructions[$cmd]=$n
  printf '%-45s %12s instructions\n' "${cmd/$bin/redis-doctor}" "$n"
done

echo
echo "# ratios: redis-doctor check / redis-cli INFO"
# hyperfine runs one command's batch after the other, so load that comes and goes on a
# shared machine lands on one side. Here the two commands alternate (the order flips every
# pair) and each side's median is taken, which a few slow outliers cannot move.
python3 - "$runs" "${instructions["redis-cli -p $port INFO"]}" "${instructions["$bin -p $port check"]}" \
  redis-cli -p "$port" INFO -- "$bin" -p "$port" check <<'PY'
import os, statistics, sys, time
runs, cli_ir, check_ir = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
split = sys.argv.index("--")
cli, check = sys.argv[4:split], sys.argv[split + 1:]

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
    wall(cli); wall(check)
times = {"cli": [], "check": []}
for i in range(runs):
    order = [("cli", cli), ("check", check)] if i % 2 == 0 else [("check", check), ("cli", cli)]
    for name, cmd in order:
        times[name].append(wall(cmd))
cli_ms, check_ms = statistics.median(times["cli"]), statistics.median(times["check"])
print(f"instructions (callgrind, one run each):         {check_ir:>10,} / {cli_ir:>10,} = {check_ir / cli_ir:.3f}")
print(f"wall time (median of {runs} interleaved runs each): {check_ms:7.2f} ms / {cli_ms:7.2f} ms = {check_ms / cli_ms:.3f}")
PY

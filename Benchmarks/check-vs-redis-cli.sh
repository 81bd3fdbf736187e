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
# -i: a check exits 1 or 2 with a verdict (host-kernel warns on a host with Debian's
# vm.overcommit_memory=0, since this server has save points); that is a result, not a failure.
hyperfine -N -i --warmup 30 --runs 500 --style basic \
  "redis-cli -p $port INFO" \
  "$bin -p $port check" \
  "$bin -p $port check --host-checks off" \
  "$bin -p $port check --format json" \
  "$bin -p $port send INFO"
echo
echo "# callgrind: instructions per process (repeatable whatever the load)"
declare -A instructions
for cmd in "redis-cli -p $port INFO" "$bin -p $port check" "$bin -p $port check --host-checks off" "$bin -p $port check --format json" "$bin -p $port send INFO" "$bin --version"; do
  n=$( (valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null || true) | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*')
  instructions[$cmd]=$n
  printf '%-45s %12s instructions\n' "${cmd/$bin/redis-doctor}" "$n"
done

echo
echo "# ratios: redis-doctor check / redis-cli INFO"
python3 "$(dirname "$0")/interleaved-wall-time.py" "$runs" "${instructions["redis-cli -p $port INFO"]}" "${instructions["$bin -p $port check"]}" \
  redis-cli -p "$port" INFO -- "$bin" -p "$port" check

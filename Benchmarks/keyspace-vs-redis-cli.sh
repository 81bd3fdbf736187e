#!/usr/bin/env bash
# `redis-doctor keyspace` next to `redis-cli --bigkeys` and `--memkeys` on one dataset:
# 300,000 small keys, a 200,000-field hash and a 300,000-item list, one run.
# Usage: Benchmarks/keyspace-vs-redis-cli.sh [path/to/redis-doctor]   (needs hyperfine, valgrind, python3)
set -euo pipefail
bin=${1:-.build/release/redis-doctor}
. "$(dirname "$0")/../.ci/throwaway-redis.sh"
start_throwaway_redis 17900 18000 --enable-debug-command yes --save ''
redis-cli -p "$port" DEBUG POPULATE 300000 key 10 >/dev/null
python3 - "$port" <<'PY' | redis-cli -p "$port" --pipe >/dev/null
import sys
out = []
def cmd(*args):
    out.append("*%d\r\n" % len(args) + "".join("$%d\r\n%s\r\n" % (len(a), a) for a in args))
for i in range(0, 200000, 1000):
    cmd(*(["HSET", "big:hash"] + [x for j in range(i, i + 1000) for x in ("field:%d" % j, "v" * 20)]))
for i in range(0, 300000, 1000):
    cmd(*(["RPUSH", "big:list"] + ["itemitemitem"] * 1000))
sys.stdout.write("".join(out))
PY
keys=$(redis-cli -p "$port" DBSIZE)
echo "# $keys keys; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# hyperfine: a whole walk of the keyspace, wall time and CPU per process"
hyperfine -N -i --warmup 1 --runs 5 --style basic --export-json /tmp/keyspace-bench.json \
  "redis-cli -p $port --bigkeys" \
  "redis-cli -p $port --memkeys" \
  "$bin -p $port keyspace --rate 0 --budget 120"
python3 - "$keys" <<'PY'
import json, sys
keys = int(sys.argv[1])
results = json.load(open("/tmp/keyspace-bench.json"))["results"]
ours = results[2]["median"]
print()
print("# keys per second (median wall time), and redis-doctor's ratio to each")
for r in results:
    print("%-62s %8.2f s  %9.0f keys/s  ratio %.2f" % (r["command"], r["median"], keys / r["median"], r["median"] / ours))
PY
echo
echo "# at the default rate cap (2,000 commands/s): what a 5 s budget covers"
"$bin" -p "$port" keyspace --budget 5 | head -2
echo
echo "# callgrind: instructions in the client process for one whole walk"
for cmd in "redis-cli -p $port --bigkeys" "redis-cli -p $port --memkeys" "$bin -p $port keyspace --rate 0 --budget 600"; do
  n=$( (valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null || true) | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*')
  printf '%-60s %14s instructions\n' "${cmd/$bin/redis-doctor}" "$n"
done

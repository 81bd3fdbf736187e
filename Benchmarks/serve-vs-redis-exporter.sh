#!/usr/bin/env bash
# redis-doctor serve next to redis_exporter (Debian's prometheus-redis-exporter), same
# redis-server, one run: per-scrape wall time (interleaved), throughput under load (wrk),
# instructions per scrape (callgrind), resident memory after the load.
# Usage: Benchmarks/serve-vs-redis-exporter.sh [.build/release]   (needs wrk, valgrind, python3,
# prometheus-redis-exporter: apt-get install wrk valgrind prometheus-redis-exporter)
set -euo pipefail
bindir=${1:-.build/release}
serve="$bindir/redis-doctor-serve"
exporter=$(command -v prometheus-redis-exporter || command -v redis_exporter)
. "$(dirname "$0")/../.ci/throwaway-redis.sh"
start_throwaway_redis 17700 17800
for i in $(seq 1 100); do echo "SET key:$i value-$i"; done | redis-cli -p "$port" >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sport=$(free_port); eport=$(free_port)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; kill "$pid" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
"$serve" --listen "127.0.0.1:$sport" 2>/dev/null & pids+=($!); spid=$!
"$exporter" --web.listen-address "127.0.0.1:$eport" --redis.addr "" >/dev/null 2>&1 & pids+=($!); epid=$!
sleep 1
surl="http://127.0.0.1:$sport/scrape?target=127.0.0.1:$port"
eurl="http://127.0.0.1:$eport/scrape?target=redis://127.0.0.1:$port"
curl -fsS "$surl" >/dev/null && curl -fsS "$eurl" >/dev/null

echo "# $(redis-server --version | cut -d' ' -f1-3), $("$exporter" --version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# series per page: redis-doctor serve $(curl -fsS "$surl" | grep -vc '^#'), redis_exporter $(curl -fsS "$eurl" | grep -vc '^#')"
echo
echo "# wall time per scrape, one client, 300 interleaved scrapes each (keep-alive off)"
python3 - "$surl" "$eurl" <<'PY'
import statistics, sys, time, urllib.request
urls = sys.argv[1:]
times = {u: [] for u in urls}
for _ in range(300):
    for u in urls:
        t = time.monotonic(); urllib.request.urlopen(u).read(); times[u].append(time.monotonic() - t)
names = ["redis-doctor serve", "redis_exporter"]
for name, u in zip(names, urls):
    s = sorted(times[u])
    print(f"{name:20s} median {statistics.median(s)*1000:7.2f} ms   p90 {s[int(len(s)*0.9)]*1000:7.2f} ms")
a, b = (statistics.median(times[u]) for u in urls)
print(f"ratio (redis-doctor serve / redis_exporter), median wall: {a/b:.3f}")
PY
echo
echo "# throughput: wrk, 2 threads, 8 connections, 10 s each"
for name in serve exporter; do
  url=$([ $name = serve ] && echo "$surl" || echo "$eurl")
  printf '%-10s ' "$name"; wrk -t2 -c8 -d10s "$url" | grep -E 'Requests/sec'
done
echo
echo "# resident memory after the load (VmRSS)"
echo "redis-doctor serve $(grep VmRSS /proc/$spid/status | tr -s ' ')"
echo "redis_exporter     $(grep VmRSS /proc/$epid/status | tr -s ' ')"
echo
echo "# instructions per scrape: callgrind over the exporter's process, 100 scrapes minus 0 scrapes"
# valgrind 3.19 cannot read the DWARF 5 that swift-nio's C parts carry: measure a stripped copy.
stripped="$dir/redis-doctor-serve"
strip -o "$stripped" "$serve"
measure() {  # $1 scrapes, $2 redis-doctor-serve port
  local log=$(mktemp) p
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$stripped" --listen "127.0.0.1:$2" >/dev/null 2>"$log" & p=$!
  for _ in $(seq 1 200); do curl -fsS "http://127.0.0.1:$2/-/healthy" >/dev/null 2>&1 && break; sleep 0.1; done
  for _ in $(seq 1 "$1"); do curl -fsS "http://127.0.0.1:$2/scrape?target=127.0.0.1:$port" >/dev/null; done
  kill -INT "$p"; wait "$p" 2>/dev/null || true
  grep -o 'Collected : [0-9]*' "$log" | grep -o '[0-9]*'; rm -f "$log"
}
base=$(measure 0 "$(free_port)"); loaded=$(measure 100 "$(free_port)")
echo "redis-doctor serve: $(( (loaded - base) / 100 )) instructions per scrape (start-up and idle: $base)"

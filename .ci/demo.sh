#!/usr/bin/env bash
# Starts a throwaway redis-server on a free loopback port, runs redis-doctor against it, stops it.
set -euo pipefail
bin=${1:-.build/release/redis-doctor}
dir=$(mktemp -d /tmp/redis-doctor-demo.XXXXXX)
port=""
for p in $(seq 17400 17600); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "demo: no free port in 17400-17600" >&2; exit 1; }
redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --daemonize no \
  --logfile "$dir/redis.log" >/dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do
  redis-cli -p "$port" PING >/dev/null 2>&1 && break
  sleep 0.05
done
redis-cli -p "$port" MSET user:1 alice user:2 bob >/dev/null
redis-cli -p "$port" EXPIRE user:2 3600 >/dev/null
run() { echo "\$ redis-doctor $*"; "$bin" "$@" || echo "(exit $?)"; echo; }
run -p "$port" send PING
run -p "$port" check --format text
run -p "$port" check
run -p "$port" clients --idle 0
run rules

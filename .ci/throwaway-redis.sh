# Sourced by the demo and the benchmarks: starts a throwaway redis-server on a free
# loopback port in a temp folder, waits for PING, and stops it by PID on exit.
# Usage: start_throwaway_redis FIRST_PORT LAST_PORT [redis-server options...]
# Sets: port, pid, dir.
start_throwaway_redis() {
  local first=$1 last=$2
  shift 2
  dir=$(mktemp -d /tmp/redis-doctor-throwaway.XXXXXX)
  port=""
  for p in $(seq "$first" "$last"); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then port=$p; break; fi
  done
  [ -n "$port" ] || { echo "no free port in $first-$last" >&2; return 1; }
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --daemonize no \
    --logfile "$dir/redis.log" "$@" >/dev/null 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
  for _ in $(seq 1 100); do
    redis-cli -p "$port" PING >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "redis-server on port $port did not answer PING" >&2
  return 1
}

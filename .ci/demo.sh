#!/usr/bin/env bash
# Starts a throwaway redis-server on a free loopback port, runs redis-doctor against it, stops it.
set -euo pipefail
bin=${1:-.build/release/redis-doctor}
. "$(dirname "$0")/throwaway-redis.sh"
start_throwaway_redis 17400 17600
redis-cli -p "$port" MSET user:1 alice user:2 bob >/dev/null
redis-cli -p "$port" EXPIRE user:2 3600 >/dev/null
run() { echo "\$ redis-doctor $*"; "$bin" "$@" || echo "(exit $?)"; echo; }
run -p "$port" send PING
run -p "$port" check --format text
run -p "$port" check
run -p "$port" clients --idle 0
run rules

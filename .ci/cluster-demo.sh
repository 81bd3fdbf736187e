#!/usr/bin/env bash
# Starts a throwaway six-node Redis Cluster on free loopback ports (three primaries, one
# replica each, cluster-node-timeout 2000), runs redis-doctor against it healthy and with a
# replica stopped, then stops every node by PID.
set -euo pipefail
bin=${1:-.build/release/redis-doctor}
dir=$(mktemp -d /tmp/redis-doctor-cluster.XXXXXX)
pids=()
ports=()
trap 'for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
free() { ! (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
for port in $(seq 17001 17099); do
  [ ${#ports[@]} -lt 6 ] || break
  free "$port" && free $((port + 10000)) || continue
  mkdir "$dir/$port"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir/$port" --daemonize no --logfile "$dir/$port/redis.log" \
    --save '' --appendonly no --cluster-enabled yes --cluster-node-timeout 2000 >/dev/null 2>&1 &
  pids+=($!)
  ports+=("$port")
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 100); do redis-cli -p "$port" PING >/dev/null 2>&1 && break; sleep 0.05; done
done
redis-cli --cluster create $(printf '127.0.0.1:%s ' "${ports[@]}") --cluster-replicas 1 --cluster-yes >/dev/null
# Ready when every node says ok and lists three replicas, none flagged, every replica's
# link is up and every primary's replica is online.
for _ in $(seq 1 300); do
  ready=1
  for port in "${ports[@]}"; do
    redis-cli -p "$port" CLUSTER INFO | grep -q 'cluster_state:ok' || ready=0
    [ "$(redis-cli -p "$port" CLUSTER NODES | grep slave | grep -vc fail)" -ge 3 ] || ready=0
    replication=$(redis-cli -p "$port" INFO replication)
    if echo "$replication" | grep -q 'role:slave'; then
      echo "$replication" | grep -q 'master_link_status:up' || ready=0
    else
      echo "$replication" | grep -q 'state=online' || ready=0
    fi
  done
  [ $ready = 1 ] && break
  sleep 0.1
done
sleep 1
run() { echo "\$ redis-doctor $*"; "$bin" "$@" || echo "(exit $?)"; echo; }
first=${ports[0]}
run -p "$first" check --cluster
run -p "$first" cluster
run -p "$first" discover --cluster --format lines
replica=$(redis-cli -p "$first" CLUSTER NODES | awk '/slave/ { split($2, a, "[:@]"); print a[2]; exit }')
for i in "${!ports[@]}"; do [ "${ports[$i]}" = "$replica" ] && kill -STOP "${pids[$i]}"; done
echo "(replica 127.0.0.1:$replica stopped with SIGSTOP; waiting until its peers flag it fail)"
for _ in $(seq 1 200); do
  redis-cli -p "$first" CLUSTER NODES | grep ":$replica@" | grep -q 'slave,fail ' && break
  sleep 0.1
done
run -p "$first" -t 4 check --cluster --format text

#!/usr/bin/env bash
# Whole-process cost of `redis-doctor --tls ... check` next to `redis-cli --tls ... INFO`,
# same TLS server (a throwaway CA and P-256 server certificate for 127.0.0.1), one run.
# Usage: Benchmarks/check-tls-vs-redis-cli.sh [path/to/redis-doctor]   (needs valgrind, openssl, python3)
# RUNS=n sets the interleaved runs behind the wall-time ratio (default 150 of each).
set -euo pipefail
bin=${1:-.build/release/redis-doctor}
runs=${RUNS:-150}
pki=$(mktemp -d /tmp/redis-doctor-tls-bench.XXXXXX)
(
  cd "$pki"
  ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
  openssl req -x509 $ec -keyout ca.key -out ca.crt -days 30 -subj '/CN=bench CA' 2>/dev/null
  openssl req $ec -keyout server.key -out server.csr -subj '/CN=localhost' 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 30 -extfile server.ext 2>/dev/null
)
. "$(dirname "$0")/../.ci/throwaway-redis.sh"
tls_port=""
for p in $(seq 17900 17999); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then tls_port=$p; break; fi
done
start_throwaway_redis 17800 17899 --tls-port "$tls_port" --tls-cert-file "$pki/server.crt" \
  --tls-key-file "$pki/server.key" --tls-ca-cert-file "$pki/ca.crt" --tls-auth-clients no
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir" "$pki"' EXIT
for i in $(seq 1 100); do echo "SET key:$i value-$i"; done | redis-cli -p "$port" >/dev/null

cli=(redis-cli -p "$tls_port" --tls --cacert "$pki/ca.crt" INFO)
check=("$bin" -p "$tls_port" --tls --cacert "$pki/ca.crt" check)
plain=("$bin" -p "$port" check)
"${check[@]}" >/dev/null || [ $? -le 1 ]

echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# callgrind: instructions per process (repeatable whatever the load)"
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | grep -o 'Collected : [0-9]*' | grep -o '[0-9]*$'; }
cli_ir=$(count "${cli[@]}")
check_ir=$(count "${check[@]}")
plain_ir=$(count "${plain[@]}")
printf '%-50s %12s instructions\n' "redis-cli -p TLSPORT --tls --cacert ca.crt INFO" "$cli_ir" \
  "redis-doctor -p TLSPORT --tls --cacert ca.crt check" "$check_ir" "redis-doctor -p PORT check" "$plain_ir"
echo
echo "# ratios: redis-doctor --tls check / redis-cli --tls INFO"
python3 "$(dirname "$0")/interleaved-wall-time.py" "$runs" "$cli_ir" "$check_ir" "${cli[@]}" -- "${check[@]}"

#!/usr/bin/env bash
# Installs the system packages redis-doctor builds and tests against (Debian 12).
set -euo pipefail
# python3-jsonschema validates check's JSON output against Docs/check-output.schema.json in the tests.
# tmux drives the REPL in its integration tests.
# libstdc++-12-dev: the release binary links GCC's libstdc++.a (Linking/static-libstdc++).
# libssl-dev: OpenSSL 3's headers (the TLS layer dlopens libssl.so.3); openssl makes the tests' certificates.
# prometheus (for promtool) and python3-prometheus-client validate the textfile page in the tests;
# jq runs the JSON example of Docs/monitoring.md, which the tests run as written;
# icinga2-bin validates the Icinga 2 objects of Docs/ with `icinga2 daemon -C` (no service).
# groff-base and man-db render the generated man pages in the install test; lintian checks the
# Debian package the tests build (make deb), chrpath clears its executables' RUNPATH;
# nagios4-core (nagios4 -v) and systemd (systemd-analyze verify) check the shipped definitions.
packages=(libhiredis-dev libedit-dev libstdc++-12-dev libssl-dev openssl pkg-config redis-server redis-tools python3 python3-jsonschema tmux prometheus python3-prometheus-client jq icinga2-bin groff-base man-db lintian chrpath nagios4-core systemd)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# Only promtool is wanted: where systemd runs, the package also starts a Prometheus server.
if command -v systemctl >/dev/null 2>&1 && systemctl is-enabled prometheus >/dev/null 2>&1; then
  $sudo systemctl disable --now prometheus >/dev/null 2>&1 || true
fi
echo "deps: ${packages[*]} installed"

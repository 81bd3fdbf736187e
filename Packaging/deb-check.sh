#!/usr/bin/env bash
# The package's whole life in a throwaway Debian 12 root (debootstrap, from Debian's
# mirror): install with its dependencies, run it, remove (conffiles stay), purge (they go).
# Takes minutes and needs root: run by hand (make deb-check), not in the test suite.
# Usage: Packaging/deb-check.sh path/to/redis-doctor_VERSION_ARCH.deb
set -euo pipefail
fail() { echo "deb-check: FAILED: $1" >&2; exit 1; }
deb=$(realpath "$1")
mirror=${MIRROR:-http://deb.debian.org/debian}
chroot=$(mktemp -d /tmp/redis-doctor-deb-check.XXXXXX)
cleanup() { umount "$chroot/proc" 2>/dev/null || true; rm -rf "$chroot"; }
trap cleanup EXIT
echo "# debootstrap bookworm into $chroot"
debootstrap --variant=minbase bookworm "$chroot" "$mirror" >/dev/null
mount -t proc proc "$chroot/proc"
cp "$deb" "$chroot/tmp/"
in_root() { chroot "$chroot" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
echo "# apt-get install ./$(basename "$deb")"
in_root apt-get install -y -qq "/tmp/$(basename "$deb")" >/dev/null
in_root redis-doctor --version
in_root /usr/lib/nagios/plugins/check_redis_doctor -H 127.0.0.1 -p 1 -t 2 && status=0 || status=$?
echo "check_redis_doctor against nothing: exit $status (2 expected)"
[ "$status" = 2 ] || fail "check_redis_doctor exit $status"
in_root getent passwd redis-doctor
test -f "$chroot/usr/share/man/man1/redis-doctor-check.1.gz" || fail "no man page"
echo "# apt-get remove: the conffiles stay"
in_root apt-get remove -y -qq redis-doctor >/dev/null
test -f "$chroot/etc/redis-doctor/serve.conf" || fail "remove took the conffiles"
test ! -e "$chroot/usr/bin/redis-doctor" || fail "remove left /usr/bin/redis-doctor"
echo "kept: /etc/redis-doctor/serve.conf; removed: /usr/bin/redis-doctor"
echo "# apt-get purge: the conffiles go"
in_root apt-get purge -y -qq redis-doctor >/dev/null
test ! -e "$chroot/etc/redis-doctor/serve.conf" || fail "purge left the conffiles"
echo "purged: /etc/redis-doctor"
echo "deb-check: passed"

#!/usr/bin/env bash
# Builds the Debian package with dpkg-deb from a build of both executables (no network).
# Depends: dpkg-shlibdeps on every executable, plus the libraries loaded on demand (Docs/
# performance.md, "Linking": libedit2 for the REPL, libssl3 for TLS) and adduser (postinst).
# Usage: Packaging/deb.sh [--from .build/release] [--out DIR]   (prints the .deb's path)
set -euo pipefail
from=.build/release out=.
while [ $# -gt 0 ]; do
  case $1 in
    --from) from=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "deb.sh: unknown option $1" >&2; exit 3 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/.*current = "\(.*\)".*/\1/p' "$root/Sources/RedisDoctorCore/Support/RedisDoctorVersion.swift")-1
arch=$(dpkg --print-architecture)
# One version: the Swift file's, which debian/changelog's top entry must name.
head -1 "$root/Packaging/debian/changelog" | grep -q "($version)" || { echo "deb.sh: debian/changelog does not start with $version" >&2; exit 3; }
# The commit --version names must be the checkout's (SwiftPM caches it with the manifest).
if commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null); then
  "$from/redis-doctor" --version | grep -q "commit $commit" || echo "deb.sh: warning: the build names another commit than $commit; rebuild from a clean clone" >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/redis-doctor
"$root/Packaging/install.sh" install --from "$from" --prefix /usr --destdir "$stage" >/dev/null
doc=$stage/usr/share/doc/redis-doctor
# Debian's layout: stripped executables, compressed man pages and changelogs, the example
# configurations as conffiles in /etc/redis-doctor (the Docs use that path), the exporter's
# unit installed but not enabled.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/redis-doctor" "$stage/usr/bin/redis-doctor-serve"
# The static Swift runtime needs no search path; a RUNPATH ($ORIGIN, or a toolchain's) is lintian's error.
chrpath -d "$stage/usr/bin/redis-doctor" "$stage/usr/bin/redis-doctor-serve" >/dev/null
gzip -9n "$stage"/usr/share/man/man1/*.1
install -d -m 0755 "$stage/etc/redis-doctor" "$stage/lib/systemd/system"
install -m 0644 "$root"/Packaging/etc/*.conf "$stage/etc/redis-doctor/"
install -m 0644 "$root/Packaging/examples/systemd/redis-doctor-serve.service" "$stage/lib/systemd/system/"
install -m 0644 "$root/Packaging/debian/copyright" "$doc/copyright"
gzip -9nc "$root/Packaging/debian/changelog" > "$doc/changelog.Debian.gz"
gzip -9n "$doc/CHANGELOG.md" && mv "$doc/CHANGELOG.md.gz" "$doc/changelog.gz"
install -d -m 0755 "$stage/DEBIAN"
rm -f "$doc/installed-files"
for script in postinst prerm postrm; do install -m 0755 "$root/Packaging/debian/$script" "$stage/DEBIAN/$script"; done
(cd "$stage" && find etc -type f | sed 's|^|/|' | sort) > "$stage/DEBIAN/conffiles"
# dpkg-shlibdeps reads debian/control from where it runs.
mkdir -p "$work/shlibs/debian"
printf 'Source: redis-doctor\n\nPackage: redis-doctor\nArchitecture: any\n' > "$work/shlibs/debian/control"
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$stage/usr/bin/redis-doctor" "$stage/usr/bin/redis-doctor-serve" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
depends="$shlibs, libedit2, libssl3, adduser"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" \
  "$root/Packaging/debian/control.in" > "$stage/DEBIAN/control"
find "$stage" -type d -exec chmod 0755 {} +
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort | xargs md5sum) > "$stage/DEBIAN/md5sums"
deb="$out/redis-doctor_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"

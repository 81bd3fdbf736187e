#!/usr/bin/env bash
# Installs or uninstalls redis-doctor: the executables, the check_redis_doctor plugin link,
# the man pages, the bash, zsh and fish completions, the docs and the examples. Install
# writes the list of what it put there (share/doc/redis-doctor/installed-files); uninstall
# removes exactly that list, and nothing else.
# Usage: Packaging/install.sh install|uninstall|list [--from BUILD_DIR] [--prefix PREFIX] [--destdir DESTDIR]
set -euo pipefail
mode=$1; shift
from=.build/release prefix=/usr/local destdir=""
while [ $# -gt 0 ]; do
  case $1 in
    --from) from=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --destdir) destdir=$2; shift 2 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 3 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/.*current = "\(.*\)".*/\1/p' "$root/Sources/RedisDoctorCore/Support/RedisDoctorVersion.swift")
bin=$prefix/bin
plugins=$prefix/lib/nagios/plugins
man1=$prefix/share/man/man1
doc=$prefix/share/doc/redis-doctor
manifest=$doc/installed-files
bash_completion=$prefix/share/bash-completion/completions
# zsh reads vendor-completions from Debian's /usr, site-functions elsewhere.
if [ "$prefix" = /usr ]; then zsh_completion=$prefix/share/zsh/vendor-completions; else zsh_completion=$prefix/share/zsh/site-functions; fi
fish_completion=$prefix/share/fish/vendor_completions.d

# Man pages, generated from the binary being installed into a private folder.
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
generate() {
  python3 "$root/Packaging/man/generate.py" "$from/redis-doctor" "$pages" "$version" >/dev/null
}

# Every path install puts there (without DESTDIR), one per line.
files() {
  echo "$bin/redis-doctor"
  echo "$bin/redis-doctor-serve"
  echo "$plugins/check_redis_doctor"
  for page in "$pages"/*.1; do echo "$man1/$(basename "$page")"; done
  echo "$bash_completion/redis-doctor"
  echo "$zsh_completion/_redis-doctor"
  echo "$fish_completion/redis-doctor.fish"
  echo "$doc/README.md"
  echo "$doc/CHANGELOG.md"
  (cd "$root" && find Docs -type f | sort) | while read -r f; do echo "$doc/${f#Docs/}"; done
  (cd "$root/Packaging" && find examples etc -type f | sort) | while read -r f; do echo "$doc/examples/${f#examples/}"; done
  echo "$manifest"
}

case $mode in
  list)
    generate
    files ;;
  install)
    [ -x "$from/redis-doctor" ] && [ -x "$from/redis-doctor-serve" ] || { echo "install.sh: build first ($from/redis-doctor, $from/redis-doctor-serve)" >&2; exit 3; }
    generate
    install -d "$destdir$bin" "$destdir$plugins" "$destdir$man1" "$destdir$doc" "$destdir$bash_completion" "$destdir$zsh_completion" "$destdir$fish_completion"
    install -m 0755 "$from/redis-doctor" "$from/redis-doctor-serve" "$destdir$bin/"
    # The Monitoring Plugins name: the same binary, which then always runs check.
    ln -sfn "$(realpath -m --relative-to="$plugins" "$bin/redis-doctor")" "$destdir$plugins/check_redis_doctor"
    install -m 0644 "$pages"/*.1 "$destdir$man1/"
    # bash-completion sources the file: no interpreter line.
    "$from/redis-doctor" --generate-completion-script bash | sed '1{/^#!/d}' > "$destdir$bash_completion/redis-doctor"
    "$from/redis-doctor" --generate-completion-script zsh > "$destdir$zsh_completion/_redis-doctor"
    "$from/redis-doctor" --generate-completion-script fish > "$destdir$fish_completion/redis-doctor.fish"
    chmod 0644 "$destdir$bash_completion/redis-doctor" "$destdir$zsh_completion/_redis-doctor" "$destdir$fish_completion/redis-doctor.fish"
    install -m 0644 "$root/README.md" "$root/CHANGELOG.md" "$destdir$doc/"
    (cd "$root" && find Docs -type f | sort) | while read -r f; do
      install -D -m 0644 "$root/$f" "$destdir$doc/${f#Docs/}"
    done
    # Monitoring definitions and example configurations (the Debian package puts etc/ in /etc/redis-doctor).
    (cd "$root/Packaging" && find examples etc -type f | sort) | while read -r f; do
      install -D -m 0644 "$root/Packaging/$f" "$destdir$doc/examples/${f#examples/}"
    done
    files > "$destdir$manifest"
    chmod 0644 "$destdir$manifest"
    echo "installed $(wc -l < "$destdir$manifest") files under $destdir$prefix" ;;
  uninstall)
    [ -f "$destdir$manifest" ] || { echo "install.sh: nothing installed under $destdir$prefix ($manifest missing)" >&2; exit 3; }
    # The list install wrote, read before it goes; then the folders of ours that are empty.
    mapfile -t installed < "$destdir$manifest"
    for f in "${installed[@]}"; do rm -f "$destdir$f"; done
    for f in "${installed[@]}"; do
      dir=$(dirname "$f")
      while [ "$dir" != "$prefix" ] && [ "$dir" != / ]; do
        case $dir in "$doc"*|"$plugins") rmdir "$destdir$dir" 2>/dev/null || break ;; *) break ;; esac
        dir=$(dirname "$dir")
      done
    done
    echo "removed redis-doctor from $destdir$prefix" ;;
  *) echo "install.sh: install, uninstall or list" >&2; exit 3 ;;
esac

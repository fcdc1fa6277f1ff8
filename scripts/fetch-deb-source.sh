#!/usr/bin/env bash
# fetch-deb-source.sh — one Debian source package at a pinned version, unpacked once (Debian's
# patches applied by dpkg-source) and cached, for the third-party code gouji compiles into both its
# native and its WebAssembly build (zlib with minizip, pugixml).
#
# Usage: scripts/fetch-deb-source.sh NAME VERSION     e.g.  zlib 1:1.2.13.dfsg-1
#   The last line of stdout is the unpacked source folder:
#     ${GOUJI_CACHE:-~/.cache/gouji}/src/NAME-VERSION   (':' in VERSION written '_')
#   A finished folder (marker .complete) makes this an instant no-op, so CMake runs it at every
#   configure. The first time it needs apt and dpkg-source (dpkg-dev), and root or sudo if no
#   deb-src entry exists yet (one is added beside the system's, as build-icu-wasm.sh does).
#
# The version is pinned, not "whatever apt has": both builds must compile the same code, and
# Debian's security updates (deb12u1...) live in an archive this project's mirror may not carry.
set -euo pipefail

die() { printf 'fetch-deb-source.sh: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'fetch-deb-source.sh: %s\n' "$*" >&2; }

[ $# = 2 ] || { echo "usage: scripts/fetch-deb-source.sh NAME VERSION" >&2; exit 2; }
NAME=$1
VERSION=$2
case "$NAME$VERSION" in
  *[!A-Za-z0-9.+:~_-]*) die "unexpected characters in '$NAME' '$VERSION'" ;;
esac
GOUJI_CACHE="${GOUJI_CACHE:-${HOME:-/tmp}/.cache/gouji}"
SRC_CACHE="$GOUJI_CACHE/src"
DEST="$SRC_CACHE/$NAME-${VERSION//:/_}"

if [ -f "$DEST/.complete" ]; then
  printf '%s\n' "$DEST"
  exit 0
fi
mkdir -p "$SRC_CACHE"
# One fetch at a time per package: a second caller (another build configuring) waits, then finds it.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$SRC_CACHE/.$NAME.lock"
  flock 9
  if [ -f "$DEST/.complete" ]; then
    printf '%s\n' "$DEST"
    exit 0
  fi
fi

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}
apt_quiet() {  # apt-get, its log shown only on failure
  local out
  out=$(mktemp "${TMPDIR:-/tmp}/gouji-apt.XXXXXX")
  if as_root env DEBIAN_FRONTEND=noninteractive apt-get -q "$@" >"$out" 2>&1; then
    rm -f "$out"
  else
    tail -n 25 "$out" >&2
    log "apt-get $* failed (full log: $out)"
    return 1
  fi
}

# True if apt already has an enabled deb-src entry for a Debian/Ubuntu archive.
has_deb_src() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && grep -qiE '^[[:space:]]*deb-src[[:space:]].*(debian|ubuntu)' "$f" && return 0
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      function flush() { if (src && uri && !disabled) found = 1; src = uri = disabled = 0 }
      /^[[:space:]]*$/ { flush(); next }
      tolower($1) == "types:" { for (i = 2; i <= NF; i++) if ($i == "deb-src") src = 1 }
      tolower($1) == "uris:" && tolower($0) ~ /debian|ubuntu/ { uri = 1 }
      tolower($1) == "enabled:" && tolower($2) == "no" { disabled = 1 }
      END { flush(); exit !found }' "$f" && return 0
  done
  return 1
}

# deb-src entries mirroring the Debian/Ubuntu `deb` entries, in files of gouji's own
# (/etc/apt/sources.list.d/gouji-src.{sources,list}, the names build-icu-wasm.sh uses); the
# system's files are left untouched.
enable_deb_src() {
  local f tmp n=0
  tmp=$(mktemp)
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    case "$f" in */gouji-src.sources) continue ;; esac
    awk '
      function flush() {
        if (st != "" && deb && !disabled && uri) { print st; print "" }
        st = ""; deb = 0; disabled = 0; uri = 0
      }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      tolower($1) == "types:" {
        for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1
        st = st (st == "" ? "" : "\n") "Types: deb-src"; next
      }
      tolower($1) == "enabled:" && tolower($2) == "no" { disabled = 1 }
      tolower($1) == "uris:" && tolower($0) ~ /debian|ubuntu/ { uri = 1 }
      { st = st (st == "" ? "" : "\n") $0 }
      END { flush() }' "$f" >>"$tmp"
  done
  if [ -s "$tmp" ]; then
    as_root install -m 0644 "$tmp" /etc/apt/sources.list.d/gouji-src.sources
    n=1
  fi
  : >"$tmp"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    case "$f" in */gouji-src.list) continue ;; esac
    sed -nE '/cdrom:/d; /^[[:space:]]*deb[[:space:]].*(debian|ubuntu)/I s/^[[:space:]]*deb[[:space:]]/deb-src /p' "$f" >>"$tmp"
  done
  if [ -s "$tmp" ]; then
    as_root install -m 0644 "$tmp" /etc/apt/sources.list.d/gouji-src.list
    n=1
  fi
  rm -f "$tmp"
  [ "$n" = 1 ] || die "no Debian/Ubuntu 'deb' entry in /etc/apt to derive a 'deb-src' entry from; add a deb-src entry for Debian bookworm"
  log "added deb-src entries: /etc/apt/sources.list.d/gouji-src.*"
}

# True if apt knows the source package at exactly this version.
offered() { apt-get source --print-uris "$NAME=$VERSION" >/dev/null 2>&1; }

command -v dpkg-source >/dev/null 2>&1 || {
  log "installing dpkg-dev (for apt-get source)"
  apt_quiet install -y --no-install-recommends dpkg-dev ||
    { apt_quiet update && apt_quiet install -y --no-install-recommends dpkg-dev; } || die "could not install dpkg-dev"
}
if ! offered; then
  has_deb_src || enable_deb_src
  log "apt-get update (to get the source indexes)"
  apt_quiet update || die "apt-get update failed"
  offered || die "apt has no source package $NAME=$VERSION (is a deb-src entry for Debian bookworm configured?)"
fi

tmp=$(mktemp -d "$SRC_CACHE/fetch-$NAME.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
log "downloading Debian source $NAME $VERSION into $SRC_CACHE"
if ! (cd "$tmp" && apt-get source -q "$NAME=$VERSION" >"$tmp/apt-source.log" 2>&1); then
  tail -n 25 "$tmp/apt-source.log" >&2
  die "apt-get source $NAME=$VERSION failed"
fi
dir=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n1)
if [ -z "$dir" ] || [ ! -d "$dir/debian" ]; then
  die "apt-get source $NAME=$VERSION gave no unpacked source tree"
fi
rm -rf "$DEST"
mv "$dir" "$DEST"
printf '%s\n' "$VERSION" >"$DEST/.gouji-debian-version"
touch "$DEST/.complete"
printf '%s\n' "$DEST"

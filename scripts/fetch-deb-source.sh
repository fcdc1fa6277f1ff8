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



# has_deb_src, enable_deb_src (shared with build-icu-wasm.sh).
# shellcheck source=scripts/deb-src.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/deb-src.sh"

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

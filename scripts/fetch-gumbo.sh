#!/usr/bin/env bash
# fetch-gumbo.sh — Google's gumbo HTML5 parser 0.10.1 (C99, Apache-2.0), the source gouji compiles
# into its core for both the native and the WebAssembly build, so that both parse HTML alike.
#
# Usage: scripts/fetch-gumbo.sh      (the last line of stdout is the source folder: .../src/*.c)
#
# Debian ships gumbo 0.10.1 (libgumbo-dev), but this machine's mirror serves no source tarball for
# it, and a wasm build needs the source. The same 0.10.1 release is vendored, unchanged, in the npm
# package gumbo-parser@0.3.0 (deps/gumbo-parser; its gumbo.h is identical to Debian's), which the
# npm registry serves: it is downloaded once, checked against the hash below and cached, with its
# char_ref.c rewritten by gumbo-char-ref.mjs.
set -euo pipefail
GOUJI_CACHE="${GOUJI_CACHE:-${HOME:-/tmp}/.cache/gouji}"
TARBALL_SHA256=d47101b5182186c4646f7eba5107308dbf93392621ae8c12bd35a7d867c8e913
DEST="$GOUJI_CACHE/src/gumbo-0.10.1-compact-refs-bounded"

if [ -f "$DEST/.complete" ]; then
  printf '%s\n' "$DEST/src"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch-gumbo.sh: npm is needed (apt-get install npm)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch-gumbo.sh: downloading gumbo 0.10.1 (npm gumbo-parser@0.3.0)" >&2
(cd "$work" && npm pack --silent gumbo-parser@0.3.0 >/dev/null)
echo "$TARBALL_SHA256  $work/gumbo-parser-0.3.0.tgz" | sha256sum -c --quiet - ||
  { echo "fetch-gumbo.sh: the tarball's hash is not the expected one; refusing it" >&2; exit 1; }
tar -xzf "$work/gumbo-parser-0.3.0.tgz" -C "$work" package/deps/gumbo-parser/src package/deps/gumbo-parser/COPYING
# The named-reference matcher is replaced by a compact table (see the script): same answers,
# 200 KB less WebAssembly.
node "$(dirname "${BASH_SOURCE[0]}")/gumbo-char-ref.mjs" "$work/package/deps/gumbo-parser/src"
# The parse stops once GUMBO_MAX_OPEN_ELEMENTS elements are open, when the build defines it (gouji's
# does: CMakeLists.txt). Each start tag scans the open elements for the tags it closes (a <p> in
# button scope, for one), so 100,000 nested <div>s took 30 s; bounded, every page parses in time
# linear in its size, and one nested that deep is refused as too deep (read/html.cc).
parser_c="$work/package/deps/gumbo-parser/src/parser.c"
sed -i -e '1i #ifndef GUMBO_MAX_OPEN_ELEMENTS\n#define GUMBO_MAX_OPEN_ELEMENTS 0  /* no bound */\n#endif' \
  -e 's/^           !(options->stop_on_first_error \&\& has_error));$/           !(options->stop_on_first_error \&\& has_error) \&\&\n           (GUMBO_MAX_OPEN_ELEMENTS == 0 || state->_open_elements.length < GUMBO_MAX_OPEN_ELEMENTS));/' \
  "$parser_c"
grep -q 'state->_open_elements.length < GUMBO_MAX_OPEN_ELEMENTS));$' "$parser_c" ||
  { echo "fetch-gumbo.sh: parser.c's main loop is not where expected; cannot bound its depth" >&2; exit 1; }
rm -rf "$DEST"
mkdir -p "$(dirname "$DEST")"
mv "$work/package/deps/gumbo-parser" "$DEST"
touch "$DEST/.complete"
printf '%s\n' "$DEST/src"

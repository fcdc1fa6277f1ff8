#!/usr/bin/env bash
# Prints the size of the WebAssembly build's assets, raw and compressed (brotli -q 11, gzip -9).
# A figure, not a pass/fail: see bench/README.md.
set -euo pipefail
build=${1:-build/wasm}
printf '%-28s %10s %10s %10s\n' asset raw gzip brotli
for f in "$build"/web/gouji.wasm "$build"/web/gouji.mjs "${GOUJI_ICU_WASM_PREFIX:-/nonexistent}"/share/icudt72l-gouji.dat; do
  [ -f "$f" ] || continue
  printf '%-28s %10d %10d %10d\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)" \
    "$(brotli -q 11 -c "$f" | wc -c)"
done

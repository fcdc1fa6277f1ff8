#!/usr/bin/env bash
# gouji's two entry points, on a fresh Debian or Ubuntu machine:
#
#   ./dev.sh serve   set everything up, build, and serve the checker locally (prints its URL)
#   ./dev.sh test    set everything up, build, and run every test
#
# Both install what they need (apt, as root or through sudo), are idempotent, and cache slow steps
# (ICU for WebAssembly, Emscripten's system libraries) under ${GOUJI_CACHE:-~/.cache/gouji}.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)
export GOUJI_CACHE="${GOUJI_CACHE:-${HOME:-/tmp}/.cache/gouji}"
SHARED="${GOUJI_SHARED_DIR:-$ROOT/../shared}"

say() { printf '\n== %s (%s s in)\n' "$*" "$SECONDS"; }

# Debian packages the build and the tests need (Emscripten comes through emsdk-env.sh).
PACKAGES=(build-essential cmake ninja-build pkg-config libicu-dev icu-devtools nlohmann-json3-dev catch2
          nodejs brotli dpkg-dev poppler-utils libpoppler-cpp-dev libpoppler-private-dev
          python3 clang libclang-rt-dev)  # python3: the tests make zip archives and read XLSX back;
          # clang: the sanitized build and its libFuzzer targets (tests/fuzz)

apt_get() {
  if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get "$@"
  else sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"; fi
}

setup() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt_get update -q
    apt_get install -y -q "${missing[@]}"
  fi
  # npm (pdf.js, the browser tests, the gumbo source): Debian packages it apart from nodejs; a
  # nodejs from elsewhere (NodeSource) carries its own.
  if ! command -v npm >/dev/null 2>&1; then
    say "installing npm"
    apt_get install -y -q npm
  fi
  # shellcheck source=emsdk-env.sh
  source "$ROOT/emsdk-env.sh"
  say "ICU for WebAssembly (built once, then cached)"
  GOUJI_ICU_WASM_PREFIX=$("$ROOT/scripts/build-icu-wasm.sh" | tail -n 1)
  export GOUJI_ICU_WASM_PREFIX
  say "gumbo, the HTML parser (fetched once, then cached)"
  "$ROOT/scripts/fetch-gumbo.sh" >/dev/null
  say "zlib (with minizip) and pugixml, Debian's sources (fetched once, then cached)"
  "$ROOT/scripts/fetch-deb-source.sh" zlib 1:1.2.13.dfsg-1 >/dev/null
  "$ROOT/scripts/fetch-deb-source.sh" pugixml 1.13-0.2 >/dev/null
}

build_native() {
  say "native build"
  cmake --preset native -DGOUJI_SHARED_DIR="$SHARED" >/dev/null
  cmake --build --preset native
}

build_native_asan() {
  say "native build with AddressSanitizer and UBSan"
  cmake --preset native-asan -DGOUJI_SHARED_DIR="$SHARED" >/dev/null
  cmake --build --preset native-asan
}

build_wasm() {
  say "WebAssembly build"
  cmake --preset wasm -DGOUJI_SHARED_DIR="$SHARED" -DGOUJI_NATIVE_CLI="$ROOT/build/native/gouji" >/dev/null
  cmake --build --preset wasm
}

build_site() {
  say "the web checker (build/site)"
  bash "$ROOT/web/install.sh"  # pdf.js, which the page loads when a PDF is dropped
  node "$ROOT/web/build.mjs" --wasm "$ROOT/build/wasm/web" --icu "$GOUJI_ICU_WASM_PREFIX" \
    --samples "$SHARED/samples" --out "$ROOT/build/site"
}

run_tests() {
  local status=0
  # Every test runs here: a missing sample (../shared/samples) fails instead of being skipped.
  export GOUJI_REQUIRE_SAMPLES=1
  say "native tests"
  ctest --preset native || status=1
  say "native tests under AddressSanitizer and UBSan"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --preset native-asan || status=1
  say "WebAssembly tests under Node"
  ctest --preset wasm || status=1
  say "browser tests (Chromium)"
  bash "$ROOT/tests/browser/install.sh"
  (cd "$ROOT/tests/browser" && npm test) || status=1
  return $status
}

case "${1:-}" in
  test)
    setup
    build_native
    build_native_asan
    build_wasm
    build_site || { echo "the web build failed (see above: a missing file, or the size budget)"; exit 1; }
    run_tests
    ;;
  serve)
    setup
    build_native
    build_wasm
    build_site
    say "serving the checker (Ctrl+C stops it); the command line: build/native/gouji check FILE"
    exec node "$ROOT/web/serve.mjs" "$ROOT/build/site" --port "${PORT:-8080}"
    ;;
  *)
    echo "usage: ./dev.sh serve | ./dev.sh test" >&2
    exit 2
    ;;
esac

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

say() { printf '\n== %s\n' "$*"; }

# Debian packages the build and the tests need (Emscripten comes through emsdk-env.sh).
PACKAGES=(build-essential cmake ninja-build pkg-config libicu-dev icu-devtools nlohmann-json3-dev catch2
          nodejs brotli dpkg-dev)

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
  # shellcheck source=emsdk-env.sh
  source "$ROOT/emsdk-env.sh"
  say "ICU for WebAssembly (built once, then cached)"
  GOUJI_ICU_WASM_PREFIX=$("$ROOT/scripts/build-icu-wasm.sh" | tail -n 1)
  export GOUJI_ICU_WASM_PREFIX
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

run_tests() {
  local status=0
  say "native tests"
  ctest --preset native || status=1
  say "native tests under AddressSanitizer and UBSan"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --preset native-asan || status=1
  say "WebAssembly tests under Node"
  ctest --preset wasm || status=1
  say "sizes"
  bash "$ROOT/bench/sizes.sh" "$ROOT/build/wasm" || status=1
  return $status
}

case "${1:-}" in
  test)
    setup
    build_native
    build_native_asan
    build_wasm
    run_tests
    ;;
  serve)
    setup
    build_native
    build_wasm
    say "checking the bundled samples"
    if [ -d "$SHARED/samples" ]; then
      for f in "$SHARED"/samples/*.txt; do
        echo "-- $(basename "$f")"
        "$ROOT/build/native/gouji" check "$f" | sed -n '1,3p' || true
      done
    fi
    say "the web checker is not built yet: use build/native/gouji check FILE"
    ;;
  *)
    echo "usage: ./dev.sh serve | ./dev.sh test" >&2
    exit 2
    ;;
esac

# shellcheck shell=bash
# emsdk-env.sh — source this (bash) before any wasm build of gouji.
#
#   source ./emsdk-env.sh
#
# Finds the Emscripten toolchain (installing Debian's `emscripten` package if
# `emcc` is not on PATH) and exports:
#   GOUJI_CACHE                persistent build cache   (default ~/.cache/gouji)
#   EM_CACHE                   writable Emscripten cache $GOUJI_CACHE/emcache,
#                              seeded once from the system cache (Debian ships
#                              prebuilt system libraries in /usr/share/emscripten/cache)
#   EM_FROZEN_CACHE            empty: lets emcc build missing system libs into EM_CACHE
#                              (Debian's config sets FROZEN_CACHE = True)
#   NODE_PATH                  /usr/share/nodejs (Debian's acorn, needed by the
#                              Emscripten 3.1.6 JS optimiser)
#   EMSCRIPTEN_ROOT            directory holding emcc.py / cmake / system
#   EMSCRIPTEN_TOOLCHAIN_FILE  .../cmake/Modules/Platform/Emscripten.cmake
#
# Idempotent and quiet on success. Safe to source from a shell running with
# `set -euo pipefail`: it never calls `exit`; on failure it prints a message
# prefixed "emsdk-env.sh:" to stderr and returns non-zero.

_gouji_emsdk_err() { printf 'emsdk-env.sh: error: %s\n' "$*" >&2; }

_gouji_emsdk_install() {
  local log sudo=""
  if ! command -v apt-get >/dev/null 2>&1; then
    _gouji_emsdk_err "emcc not found on PATH and apt-get is unavailable; install Emscripten (e.g. emsdk) and put emcc on PATH"
    return 1
  fi
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      _gouji_emsdk_err "emcc not found on PATH; installing Debian's 'emscripten' package needs root or sudo (run as root: apt-get install emscripten)"
      return 1
    fi
    sudo=sudo
  fi
  printf 'emsdk-env.sh: emcc not found, installing Debian package "emscripten"...\n' >&2
  log=$(mktemp "${TMPDIR:-/tmp}/gouji-emsdk-apt.XXXXXX") || return 1
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q emscripten >"$log" 2>&1; then
    # Typical cause on a fresh machine/container: no package lists yet.
    if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$log" 2>&1 ||
       ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q emscripten >>"$log" 2>&1; then
      tail -n 20 "$log" >&2
      _gouji_emsdk_err "could not install the 'emscripten' package (full log: $log)"
      return 1
    fi
  fi
  rm -f "$log"
  hash -r
  if ! command -v emcc >/dev/null 2>&1; then
    _gouji_emsdk_err "package 'emscripten' is installed but emcc is still not on PATH (PATH=$PATH)"
    return 1
  fi
}

_gouji_emsdk_main() {
  local emcc_path root tc cache sys_cache tmp ver
  if ! command -v emcc >/dev/null 2>&1; then
    _gouji_emsdk_install || return 1
  fi
  emcc_path=$(command -v emcc) || return 1
  # Debian: /usr/bin/emcc -> ../share/emscripten/wrapper; emsdk: <root>/emcc.
  root=$(dirname "$(readlink -f "$emcc_path")") || return 1
  if [ ! -f "$root/emcc.py" ] && [ -f /usr/share/emscripten/emcc.py ]; then
    root=/usr/share/emscripten
  fi
  tc="$root/cmake/Modules/Platform/Emscripten.cmake"
  if [ ! -f "$tc" ]; then
    _gouji_emsdk_err "Emscripten CMake toolchain file not found at $tc"
    return 1
  fi

  # Debian's acorn (package node-acorn) lives in /usr/share/nodejs.
  if [ -d /usr/share/nodejs ]; then
    case ":${NODE_PATH:-}:" in
      *:/usr/share/nodejs:*) ;;
      *) NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}" ;;
    esac
  fi
  export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

  export GOUJI_CACHE="${GOUJI_CACHE:-${HOME:-/tmp}/.cache/gouji}"
  cache="$GOUJI_CACHE/emcache"
  if ! mkdir -p "$GOUJI_CACHE" 2>/dev/null || [ ! -w "$GOUJI_CACHE" ]; then
    _gouji_emsdk_err "cache directory $GOUJI_CACHE is not writable (set GOUJI_CACHE)"
    return 1
  fi
  # Seed the Emscripten cache from the system cache, so the prebuilt system
  # libraries are reused: when it is empty, or was seeded from another
  # Emscripten version (after an upgrade emcc would otherwise wipe it and
  # rebuild every system library from source). Copy into a temp dir and
  # rename, so an interrupted copy never leaves a half-seeded cache behind.
  sys_cache="$root/cache"
  ver=$(cat "$root/emscripten-version.txt" 2>/dev/null || echo unknown)
  ver="$root $ver"
  if [ -d "$sys_cache" ] && { [ -z "$(ls -A "$cache" 2>/dev/null)" ] ||
       { [ -f "$cache/.gouji-seed" ] && [ "$(cat "$cache/.gouji-seed")" != "$ver" ]; }; }; then
    tmp=$(mktemp -d "$GOUJI_CACHE/emcache.seed.XXXXXX") || return 1
    if ! cp -a "$sys_cache/." "$tmp/" || ! chmod -R u+w "$tmp" ||
       ! printf '%s\n' "$ver" >"$tmp/.gouji-seed"; then
      rm -rf "$tmp"
      _gouji_emsdk_err "failed to seed $cache from $sys_cache (disk full?)"
      return 1
    fi
    if [ -f "$cache/.gouji-seed" ]; then
      mv -T "$cache" "$tmp.old" 2>/dev/null && rm -rf "$tmp.old"
    fi
    rmdir "$cache" 2>/dev/null || true
    if ! mv -T "$tmp" "$cache" 2>/dev/null; then
      # Someone else seeded it concurrently; keep theirs.
      rm -rf "$tmp"
    fi
  fi
  if [ -d "$sys_cache" ] && [ ! -f "$cache/.gouji-seed" ]; then
    printf '%s\n' "$ver" >"$cache/.gouji-seed" 2>/dev/null || true  # seeded before stamps existed
  fi
  if ! mkdir -p "$cache" 2>/dev/null || [ ! -w "$cache" ]; then
    _gouji_emsdk_err "Emscripten cache $cache is not writable"
    return 1
  fi

  export EM_CACHE="$cache"
  export EM_FROZEN_CACHE=""
  export EMSCRIPTEN_ROOT="$root"
  export EMSCRIPTEN_TOOLCHAIN_FILE="$tc"
}

# Called in an `if` so that a caller's `set -e` cannot abort half-way; every
# step above checks its own result.
if _gouji_emsdk_main; then _gouji_emsdk_rc=0; else _gouji_emsdk_rc=$?; fi
unset -f _gouji_emsdk_main _gouji_emsdk_install _gouji_emsdk_err
if [ "$_gouji_emsdk_rc" -ne 0 ]; then
  unset _gouji_emsdk_rc
  return 1 2>/dev/null || exit 1  # `exit` only if (wrongly) executed, not sourced
fi
unset _gouji_emsdk_rc

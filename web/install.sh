#!/usr/bin/env bash
# Idempotent setup for the web page's build tools and third-party files (web/package.json:
# esbuild, as esbuild-wasm, which web/build.mjs bundles the scripts with; pdf.js, which it copies
# into the site): npm ci in web/ when node_modules is missing or older than package-lock.json.
# pdfjs-dist's optional native canvas (for Node) is not installed: the page only needs its browser
# build (and esbuild-wasm needs no platform binary). Prints nothing when everything is in place.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v npm >/dev/null; then
  echo "install.sh: npm is missing (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi

if [[ ! -d "$here/node_modules" || "$here/package-lock.json" -nt "$here/node_modules" ]]; then
  echo "install.sh: npm ci in $here"
  (cd "$here" && npm ci --no-audit --no-fund --omit=optional --loglevel=error)
  touch "$here/node_modules"
fi

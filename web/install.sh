#!/usr/bin/env bash
# Idempotent setup for the web page's build tool and third-party files (web/package.json: esbuild,
# which web/build.mjs bundles the scripts with; pdf.js, which it copies into the site;
# write-excel-file, bundled into the batch's XLSX export): npm ci in
# web/ when node_modules is missing or older than package-lock.json. Optional dependencies are
# installed: esbuild's binary is the optional package for this platform (pdfjs-dist's optional
# canvas for Node comes along, unused: the page only needs pdf.js's browser build). Prints nothing
# when everything is already in place.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v npm >/dev/null; then
  echo "install.sh: npm is missing (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi

if [[ ! -d "$here/node_modules" || "$here/package-lock.json" -nt "$here/node_modules" ]]; then
  echo "install.sh: npm ci in $here"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$here/node_modules"
fi

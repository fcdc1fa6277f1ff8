#!/usr/bin/env bash
# Cells read right from PDFs of other producers, by the native reader (poppler) and by pdf.js (the web
# page's path): bench/pdf_producers.py does the work; this checks the setup first. Exits 0 only when every
# cell of every fixture is read right.
#
#   bench/pdf_producers.sh [--no-pdfjs] [--examples N] [--json OUT.json] [--save DIR] [PDF ...]
#
# Needs build/native/gouji (cmake --preset native && cmake --build --preset native) and, for pdf.js,
# bash tests/browser/install.sh and bash web/install.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ " $* " != *" --no-pdfjs "* ]]; then
  for dir in tests/browser/node_modules/playwright-core web/node_modules/pdfjs-dist; do
    [[ -d $dir ]] || { echo "pdf_producers: $dir missing: bash tests/browser/install.sh; bash web/install.sh" >&2; exit 2; }
  done
fi
exec python3 bench/pdf_producers.py "$@"

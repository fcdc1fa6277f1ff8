#!/usr/bin/env bash
# Writes each fuzz target's seeds from the committed fixtures into DIR/<target>/ (default
# build/fuzz/seeds): reports as text in several shapes and encodings, HTML, .docx and their
# document.xml, a PDF's positioned text, zips. The targets start from these and from their
# committed, minimised corpora (tests/fuzz/corpus/<target>/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="${1:-build/fuzz/seeds}"
fixtures=tests/fixtures
rm -rf "$out"
for t in file html docx pdf zip xml grid digits; do mkdir -p "$out/$t"; done

# Text: one of each shape of the text-shapes fixtures (the first of each generator's prefix).
for f in $(ls "$fixtures"/text-shapes/*.txt | awk -F/ '{p=$NF; sub(/-[0-9]+\.txt$/, "", p); if (!(p in seen)) {seen[p]=1; print}}'); do
  cp "$f" "$out/file/"
done
# The same report in GB18030 and UTF-16, and with CR line ends.
first=$(ls "$fixtures"/text-shapes/*.txt | head -n 1)
iconv -f UTF-8 -t GB18030 "$first" >"$out/file/gb18030.txt"
iconv -f UTF-8 -t UTF-16 "$first" >"$out/file/utf16.txt"
tr '\n' '\r' <"$first" >"$out/file/cr.txt"
cp "$fixtures"/formats/000.html "$fixtures"/formats/cms-page-gbk.html "$fixtures"/formats/000.docx "$out/file/"
cp "$fixtures"/formats/scan.pdf "$out/file/"

cp "$fixtures"/formats/*.html "$out/html/"
for d in "$fixtures"/formats/*.docx; do
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' \
    "$d" >"$out/docx/$(basename "$d" .docx).xml"
done
cp "$out"/docx/*.xml "$out/xml/"
cp "$fixtures"/formats/pdfjs/*.json "$out/pdf/"
cp "$fixtures"/formats/*.docx "$out/zip/"
# A .zip of two reports, one stored and one deflated.
python3 - "$first" "$fixtures/formats/001.html" "$out/zip/reports.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[3], "w") as z:
    z.write(sys.argv[1], "甲/report.txt", compress_type=zipfile.ZIP_STORED)
    z.write(sys.argv[2], "乙/report.html", compress_type=zipfile.ZIP_DEFLATED)
PY
echo "$out"

#!/usr/bin/env bash
# Regenerates tests/fixtures/formats/{000..004}.{html,docx,pdf}: the five sample reports as HTML pages
# (tools/make-format-fixtures.mjs, from the native CLI's reading of each sample), then each page opened as a
# Writer document by LibreOffice and saved as Word 2007 XML and as PDF. cms-page-gbk.html and its
# .expected.json are hand-made and not touched here.
#
#   tools/make-format-fixtures.sh [SAMPLES_DIR]
#
# Needs: node (20+), build/native/gouji (or GOUJI=...), and LibreOffice Writer with a CJK font:
#   apt-get install -y libreoffice-writer-nogui fonts-wqy-zenhei
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

samples=${1:-../shared/samples}
out=tests/fixtures/formats

node tools/make-format-fixtures.mjs "$samples" "$out"

command -v soffice >/dev/null || {
  echo "soffice not found: apt-get install -y libreoffice-writer-nogui fonts-wqy-zenhei" >&2
  exit 1
}
# The pages name this font: a TrueType CJK font that LibreOffice embeds as a small TrueType subset (it turns
# the CFF outlines of Noto CJK into Type 1 fonts, which makes each PDF two to three times as large), and one
# with glyphs for the pinyin tone letters of sample 003 (WenQuanYi Micro Hei draws ǎ ǐ ǒ ǔ blank).
[ -n "$(fc-list 'WenQuanYi Zen Hei')" ] || {
  echo "font WenQuanYi Zen Hei not found: apt-get install -y fonts-wqy-zenhei" >&2
  exit 1
}

# A throwaway LibreOffice profile, so the conversion neither reads nor changes the user's settings.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

html=("$out"/[0-9][0-9][0-9].html)
for target in 'docx:MS Word 2007 XML' 'pdf:writer_pdf_Export'; do
  soffice -env:UserInstallation="file://$profile" --headless --infilter='HTML (StarWriter)' \
    --convert-to "$target" --outdir "$out" "${html[@]}"
done

ls -l "$out"

#!/usr/bin/env bash
# build-icu-wasm.sh — build ICU 72.1 (Debian bookworm's source package) as a
# static WebAssembly library (ICU common only; no i18n) plus data libraries cut
# down to what gouji's core uses.
#
# Usage: scripts/build-icu-wasm.sh
#   Progress and sizes go to stderr; the last line of stdout is the prefix:
#     include/unicode/*.h        ICU common headers (no i18n: nothing uses it)
#     lib/libicuuc.a             ICU common, compiled with em++
#     lib/libicudata.a           all the cut data (nfkc.nrm, cnvalias.icu,
#                                gb18030.cnv); defines icudt72_dat. For builds
#                                that want everything (Node tests, CLI-like wasm)
#     lib/libicudata-core.a      the same entry symbol icudt72_dat, but only
#                                nfkc.nrm: for the browser build
#     share/gouji-gb18030.dat    common-data package "icudt72l" with cnvalias.icu
#                                and gb18030.cnv; the browser fetches it when a
#                                GBK/GB18030 file is checked and registers it with
#                                udata_setCommonData() (keep the buffer alive, never
#                                free it; ICU searches up to 10 such packages in turn)
#     share/icudt72l-gouji.dat   all the cut data as one .dat (= libicudata.a)
#     share/items.txt            which item is in which package, and why
#     .complete                  marker: the prefix is finished
#   Link order: libicuuc.a, then libicudata.a or libicudata-core.a.
#   With libicudata-core.a, open GB18030 by its canonical name "gb18030": the
#   alias "GB18030" does not work if any converter other than UTF-8 was opened
#   before the package was registered (the smoke test below checks both builds).
#
# The prefix is $GOUJI_CACHE/icu-wasm-72.1-<hash of this script>; a finished
# prefix makes this script an instant no-op. The unpacked Debian source is kept
# in $GOUJI_CACHE/src/ and reused by later prefixes (downloaded only once).
# Needs Debian bookworm (ICU 72.1) with apt; root or sudo the first time
# (enables deb-src, installs emscripten/dpkg-dev/icu-devtools if missing).
set -euo pipefail

ICU_VERSION=72.1
ICU_MAJOR=72
# -O2, not -Oz: measured on an earlier smoke test (then with i18n), -Oz objects
# made the linked wasm 8% smaller raw (1.46 -> 1.34 MB) but only 5% smaller
# brotli'd (465 -> 441 KB), while NFKC got 1.4x slower.
ICU_OPT=-O2

die() { printf 'build-icu-wasm.sh: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'build-icu-wasm.sh: %s\n' "$*" >&2; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRIPT_PATH="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"

# shellcheck source=../emsdk-env.sh
source "$SCRIPT_DIR/../emsdk-env.sh" || die "sourcing emsdk-env.sh failed (see above)"

SCRIPT_HASH=$(sha256sum "$SCRIPT_PATH" | cut -c1-12)
PREFIX="$GOUJI_CACHE/icu-wasm-$ICU_VERSION-$SCRIPT_HASH"
if [ -f "$PREFIX/.complete" ]; then
  printf '%s\n' "$PREFIX"
  exit 0
fi

case "$GOUJI_CACHE" in
  *[[:space:]]*) die "GOUJI_CACHE ($GOUJI_CACHE) contains whitespace; make cannot cope, set GOUJI_CACHE to another directory" ;;
esac

# One build at a time per cache; a second caller waits, then finds .complete.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$GOUJI_CACHE/.icu-wasm.lock"
  flock 9
  if [ -f "$PREFIX/.complete" ]; then
    printf '%s\n' "$PREFIX"
    exit 0
  fi
fi

START_TIME=$(date +%s)
WORK="$PREFIX.work"      # objects; kept if interrupted (make resumes), removed on success
STAGE="$PREFIX.stage"    # the prefix being assembled; renamed to $PREFIX at the end
trap 'rc=$?; [ "$rc" = 0 ] || rm -rf "$STAGE"' EXIT
# Under the lock no other build runs, so work dirs of other script versions
# are abandoned leftovers. (Finished prefixes of other versions are kept.)
if [ -n "$(command -v flock)" ]; then
  for d in "$GOUJI_CACHE"/icu-wasm-"$ICU_VERSION"-*.work "$GOUJI_CACHE"/icu-wasm-"$ICU_VERSION"-*.stage; do
    if [ -d "$d" ] && [ "$d" != "$WORK" ]; then rm -rf "$d"; fi
  done
fi

# The data items gouji's core needs (names inside icudt72l.dat), and the
# package each goes into; everything else in ICU's 31 MB of data is dropped.
#   (a) Normalizer2::getNFKCInstance
#   (b) ucnv_open("gb18030"/"UTF-8"/"UTF-16"/"UTF-16LE"/"UTF-16BE"); the core
#       decodes GBK and GB2312 text with GB18030, their superset, so their own
#       tables (105 KB brotli) are left out
#   (c) u_charType, u_isspace, u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)
# Not needed: (c) uses the property tables compiled into libicuuc (uprops,
# pnames, ucase, ubidi, NFC); UTF-8/UTF-16* are algorithmic converters, found
# without cnvalias.icu.
# Packages: core = lib/libicudata-core.a (linked into the browser build);
# gb18030 = share/gouji-gb18030.dat (fetched by the browser on demand);
# core + gb18030 = lib/libicudata.a = share/icudt72l-gouji.dat.
read -r -d '' DATA_ITEMS <<'ITEMS' || true
# package  item          why
core       nfkc.nrm      # (a) NFKC normalization data (only NFC is built into libicuuc)
gb18030    cnvalias.icu  # (b) converter name/alias table: maps aliases ("GB18030",
#                        #     "windows-54936") to the canonical name; without it only
#                        #     the canonical name "gb18030" opens the converter
gb18030    gb18030.cnv   # (b) the GB18030 converter (also decodes GBK and GB2312)
ITEMS

# ---------------------------------------------------------------- helpers ----
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}
apt_quiet() {  # apt_quiet <apt-get args...>: run apt-get, show its log only on failure
  local out
  out=$(mktemp "${TMPDIR:-/tmp}/gouji-apt.XXXXXX")
  if as_root env DEBIAN_FRONTEND=noninteractive apt-get -q "$@" >"$out" 2>&1; then
    rm -f "$out"
  else
    tail -n 25 "$out" >&2
    log "apt-get $* failed (full log: $out)"
    return 1
  fi
}
apt_install() {  # install packages; run apt-get update only if the install fails without it
  apt_quiet install -y --no-install-recommends "$@" && return 0
  log "retrying after apt-get update"
  { apt_quiet update && apt_quiet install -y --no-install-recommends "$@"; } ||
    die "could not install: $*"
}
find_tool() {  # icupkg/genccode live in /usr/sbin, often not on a user's PATH
  local t
  t=$(command -v "$1" 2>/dev/null) || t=""
  if [ -z "$t" ]; then
    for d in /usr/sbin /sbin /usr/local/sbin; do
      if [ -x "$d/$1" ]; then t="$d/$1"; break; fi
    done
  fi
  printf '%s' "$t"
}
run_logged() {  # run_logged <logfile> <cmd...>: quiet unless it fails
  local logf=$1; shift
  if ! "$@" >"$logf" 2>&1; then
    tail -n 40 "$logf" >&2
    die "command failed: $* (full log: $logf)"
  fi
}

# ------------------------------------------------------------- host tools ----
# dpkg-source (dpkg-dev) unpacks the source package; icupkg and genccode
# (icu-devtools, ICU 72 like the source) cut and compile the data.
missing=()
command -v dpkg-source >/dev/null 2>&1 || missing+=(dpkg-dev)
for t in icupkg genccode; do
  if [ -z "$(find_tool "$t")" ]; then missing+=(icu-devtools); break; fi
done
command -v make >/dev/null 2>&1 || missing+=(make)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi
devtools_ver=$(dpkg-query -W -f '${Version}' icu-devtools 2>/dev/null || true)
case "$devtools_ver" in
  "$ICU_MAJOR".*) ;;
  *) die "icu-devtools is '${devtools_ver:-not installed}'; need ICU $ICU_MAJOR.x (Debian bookworm)" ;;
esac
ICUPKG=$(find_tool icupkg); GENCCODE=$(find_tool genccode)
NODE=$(command -v node || command -v nodejs || true)
[ -n "$NODE" ] || die "node not found (it comes with the emscripten package)"

# ------------------------------------------------------------ ICU source -----
# Debian's source package, unpacked once (dpkg-source applies Debian's own
# patches) into $SRC_CACHE/icu-72.1/ and kept for later prefixes.
SRC_CACHE="$GOUJI_CACHE/src"
# has_deb_src, enable_deb_src (shared with fetch-deb-source.sh).
# shellcheck source=scripts/deb-src.sh
source "$SCRIPT_DIR/deb-src.sh"



# Prints the Debian version `apt-get source icu` would fetch (empty if none).
icu_src_version() {
  apt-get source --print-uris icu 2>/dev/null |
    sed -nE "s/^'[^']*\/icu_([^/']+)\.dsc'.*/\1/p" | sed 's/%2[bB]/+/g; s/%3[aA]/:/g' |
    head -n1 || true
}

fetch_icu_source() {
  local ver dir tmp
  ver=$(icu_src_version)
  if [ -z "$ver" ]; then
    if ! has_deb_src; then enable_deb_src; fi
    log "apt-get update (to get the source indexes)"
    apt_quiet update || die "apt-get update failed"
    ver=$(icu_src_version)
  fi
  [ -n "$ver" ] || die "apt-get source icu finds no source package (is a deb-src entry for Debian bookworm configured?)"
  case "$ver" in
    "$ICU_VERSION"-*) ;;
    *) die "apt offers icu source $ver, but ICU $ICU_VERSION is needed. Only Debian bookworm provides it (on Ubuntu or other releases there is no apt source for it); build on Debian bookworm." ;;
  esac
  mkdir -p "$SRC_CACHE"
  tmp=$(mktemp -d "$SRC_CACHE/fetch.XXXXXX")
  log "downloading Debian source icu $ver into $SRC_CACHE"
  if ! (cd "$tmp" && apt-get source -q icu >"$tmp/apt-source.log" 2>&1); then
    tail -n 25 "$tmp/apt-source.log" >&2
    die "apt-get source icu failed (log: $tmp/apt-source.log)"
  fi
  dir=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name "icu-*" | head -n1)
  [ -n "$dir" ] && [ -f "$dir/source/common/unicode/uversion.h" ] &&
    [ -f "$dir/source/data/in/icudt${ICU_MAJOR}l.dat" ] ||
    die "apt-get source icu did not give an icu-*/source tree with data/in/icudt${ICU_MAJOR}l.dat"
  rm -rf "$SRC_CACHE/icu-$ICU_VERSION"
  mv "$dir" "$SRC_CACHE/icu-$ICU_VERSION"
  printf '%s\n' "$ver" >"$SRC_CACHE/icu-$ICU_VERSION/.gouji-debian-version"
  rm -rf "$tmp"
}

ICU_TOP="$SRC_CACHE/icu-$ICU_VERSION"
if [ ! -f "$ICU_TOP/.gouji-debian-version" ]; then
  fetch_icu_source
fi
SRC="$ICU_TOP/source"
FULL_DAT="$SRC/data/in/icudt${ICU_MAJOR}l.dat"
log "ICU source: $ICU_TOP (Debian $(cat "$ICU_TOP/.gouji-debian-version"))"

# --------------------------------------------------------- wasm libraries ----
# common/ is compiled directly with em++ from ICU's own list (sources.txt),
# driven by make -j. No configure: it would need a native ICU build for
# --with-cross-build, and ICU's headers detect Emscripten themselves
# (U_PF_EMSCRIPTEN, U_CHARSET_IS_UTF8=1). All UCONFIG_* are ICU's defaults but
# one, UCONFIG_ONLY_HTML_CONVERSION=1: only the converters the web's Encoding
# standard names (UTF-8, UTF-16, GB18030/GBK, Big5, the ISO-8859 and windows code
# pages ...) are kept, not SCSU, BOCU-1, ISCII, LMBCS, UTF-7, IMAP, HZ, ISO-2022-CN/KR
# or COMPOUND_TEXT, which no report arrives in (about 10 KB of the browser's
# first load). The installed uconfig.h says so too, so that users need no -D. i18n/ is not built: the
# core no longer uses anything in it (Traditional->Simplified is a generated
# table, not ICU's Transliterator).
rm -rf "$STAGE"
mkdir -p "$WORK/common" "$WORK/data" "$WORK/smoke" \
         "$STAGE/include/unicode" "$STAGE/lib" "$STAGE/share"

JOBS=$(nproc 2>/dev/null || echo 2)
# -DU_ATTRIBUTE_DEPRECATED= : as ICU's configure does (silences its own
# deprecation warnings). -DU_ENABLE_DYLOAD=0: no dlopen/plugins in wasm.
ICU_CPPFLAGS="-DU_STATIC_IMPLEMENTATION -DU_ATTRIBUTE_DEPRECATED= -DU_ENABLE_DYLOAD=0 -DUCONFIG_NO_FILE_IO=0 -DUCONFIG_ONLY_HTML_CONVERSION=1"
cat >"$WORK/Makefile" <<EOF
SRC := $SRC
CXXFLAGS := -std=c++17 $ICU_OPT $ICU_CPPFLAGS
COMMON := \$(patsubst %.cpp,common/%.o,\$(shell cat \$(SRC)/common/sources.txt))
all: libicuuc.a
common/%.o: \$(SRC)/common/%.cpp
	em++ \$(CXXFLAGS) -DU_COMMON_IMPLEMENTATION -I\$(SRC)/common -c \$< -o \$@
libicuuc.a: \$(COMMON)
	rm -f \$@ && emar rcs \$@ \$^
EOF
log "compiling ICU common with em++ $ICU_OPT (make -j$JOBS; a few minutes)"
run_logged "$WORK/make.log" make -C "$WORK" -j"$JOBS" all
cp "$WORK/libicuuc.a" "$STAGE/lib/"
cp "$SRC"/common/unicode/*.h "$STAGE/include/unicode/"
sed -i 's/^#   define UCONFIG_ONLY_HTML_CONVERSION 0$/#   define UCONFIG_ONLY_HTML_CONVERSION 1/' "$STAGE/include/unicode/uconfig.h"
grep -q '^#   define UCONFIG_ONLY_HTML_CONVERSION 1$' "$STAGE/include/unicode/uconfig.h" ||
  die "uconfig.h: UCONFIG_ONLY_HTML_CONVERSION not found to set"

# The data entry point libicuuc expects: U_ICUDATA_ENTRY_POINT = icudt72_dat.
ENTRY="icudt${ICU_MAJOR}_dat"
emnm "$STAGE/lib/libicuuc.a" 2>/dev/null | grep -E "^ +U $ENTRY\$" >/dev/null ||
  die "libicuuc.a does not reference $ENTRY; U_ICUDATA_ENTRY_POINT changed?"

# ------------------------------------------------------------------- data ----
D="$WORK/data"
PKGNAME="icudt${ICU_MAJOR}l"   # ICU looks items up in common data as "icudt72l/<item>"
rm -rf "$D" && mkdir -p "$D/items"
# items-<package>.txt: the icupkg lists; all.txt: every item.
items_of() { printf '%s\n' "$DATA_ITEMS" | sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' |
  awk -v p="$1" 'p == "all" || $1 == p { print $2 }'; }
for p in all core gb18030; do items_of "$p" >"$D/items-$p.txt"; done
[ -s "$D/items-core.txt" ] && [ -s "$D/items-gb18030.txt" ] || die "DATA_ITEMS lost a package"
run_logged "$D/extract.log" "$ICUPKG" -x "$D/items-all.txt" -d "$D/items" "$FULL_DAT"
while read -r it; do
  [ -f "$D/items/$it" ] || die "data item $it not found in $FULL_DAT"
done <"$D/items-all.txt"

# make_pkg <package> <out.dat>: icupkg names the package after its output file,
# so it writes $PKGNAME.dat in a directory of its own (items "icudt72l/<item>").
make_pkg() {
  local dir="$D/pkg-$1" it
  mkdir -p "$dir"
  run_logged "$dir/icupkg.log" "$ICUPKG" -tl -s "$D/items" -a "$D/items-$1.txt" new "$dir/$PKGNAME.dat"
  while read -r it; do
    grep -aqF "$PKGNAME/$it" "$dir/$PKGNAME.dat" || die "$2: item $PKGNAME/$it missing from the package"
  done <"$D/items-$1.txt"
  cp "$dir/$PKGNAME.dat" "$2"
}
# make_datalib <package> <lib.a>: the package as a C array named $ENTRY
# (genccode names it after the input file: icudt72.dat -> icudt72_dat).
make_datalib() {
  local cc="$D/cc-$1"
  mkdir -p "$cc"
  cp "$D/pkg-$1/$PKGNAME.dat" "$cc/icudt${ICU_MAJOR}.dat"
  run_logged "$cc/genccode.log" "$GENCCODE" -q -d "$cc" "$cc/icudt${ICU_MAJOR}.dat"
  run_logged "$cc/emcc.log" emcc -O2 -I"$SRC/common" -c "$cc/${ENTRY}.c" -o "$cc/${ENTRY}.o"
  rm -f "$2"
  run_logged "$cc/emar.log" emar rcs "$2" "$cc/${ENTRY}.o"
  emnm "$2" 2>/dev/null | grep -E " [DR] $ENTRY\$" >/dev/null || die "$(basename "$2") does not define $ENTRY"
}
make_pkg all     "$STAGE/share/$PKGNAME-gouji.dat"
make_pkg core    "$D/core.dat"
make_pkg gb18030 "$STAGE/share/gouji-gb18030.dat"
make_datalib all  "$STAGE/lib/libicudata.a"
make_datalib core "$STAGE/lib/libicudata-core.a"

{
  printf '# ICU %s data items in this prefix, as named inside package %s\n' "$ICU_VERSION" "$PKGNAME"
  printf '# (made by scripts/build-icu-wasm.sh). Packages:\n'
  printf '#   core     lib/libicudata-core.a  (defines %s; the browser build links it)\n' "$ENTRY"
  printf '#   gb18030  share/gouji-gb18030.dat (common-data package "%s"; the browser\n' "$PKGNAME"
  printf '#            fetches it when a GBK/GB18030 file is checked, copies it to a heap\n'
  printf '#            buffer that is never freed and calls udata_setCommonData() on it)\n'
  printf '#   all      lib/libicudata.a = share/%s-gouji.dat (every item below)\n' "$PKGNAME"
  printf '# Open the converter as "gb18030" (canonical name): with the core library the\n'
  printf '# alias table cannot be loaded before gouji-gb18030.dat is registered, and ICU\n'
  printf '# keeps that failure, so aliases such as "GB18030" may never work there.\n'
  printf '%s\n' "$DATA_ITEMS"
} >"$STAGE/share/items.txt"

# ------------------------------------------------------------- smoke test ----
# In wasm under node: (1) "linked": libicudata.a linked in, everything works;
# (2) "core": libicudata-core.a linked in; gouji-gb18030.dat is read from the
# in-memory file system into a malloc'd buffer (never freed) and registered
# at run time with udata_setCommonData, in three orders:
#   late       NFKC, UTF-8, UTF-16*, a failing ucnv_open("gb18030"), then register
#              (the browser's order: the package is fetched on demand)
#   utf16only  NFKC, UTF-8, UTF-16*, then register
#   utf8first  NFKC and UTF-8 only, then register
#   early      register before any other ICU call
# Each prints which converter names open after registration. Found: only
# "gb18030" works in every order. ICU loads cnvalias.icu once (umtx_initOnce)
# and keeps a failure: the first ucnv_open of any name but the UTF-8 fast path
# ("UTF-8", "utf-8", "UTF8", "utf8") tries it, and before registration it
# fails (U_FILE_ACCESS_ERROR). From then on aliases ("GB18030") fail, and
# ucnv_open falls back to the name as given, which must be the item name.
S="$WORK/smoke"
cat >"$S/smoke.cpp" <<'CPP'
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
using namespace icu;
static int fails = 0;
static void check(bool ok, const char* what, const std::string& got) {
  if (!ok) { ++fails; std::printf("FAIL %s: got '%s'\n", what, got.c_str()); }
}
static std::string u8(const UnicodeString& s) { std::string o; s.toUTF8String(o); return o; }
// Decoded text, or the name of the error.
static std::string decode(const char* name, const std::string& in) {
  UErrorCode ec = U_ZERO_ERROR;
  UConverter* c = ucnv_open(name, &ec);
  if (U_FAILURE(ec)) return std::string("ucnv_open: ") + u_errorName(ec);
  std::vector<UChar> buf(in.size() * 2 + 4);
  int32_t n = ucnv_toUChars(c, buf.data(), (int32_t)buf.size(), in.data(), (int32_t)in.size(), &ec);
  ucnv_close(c);
  return U_FAILURE(ec) ? std::string(u_errorName(ec)) : u8(UnicodeString(buf.data(), n));
}
static const std::string gbk = "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA";  // 政府信息公开
static const char* const kGbNames[] = {"gb18030", "GB18030", "windows-54936"};
static void check_nfkc() {
  UErrorCode ec = U_ZERO_ERROR;
  const Normalizer2* nfkc = Normalizer2::getNFKCInstance(ec);
  std::string got = U_SUCCESS(ec) ? u8(nfkc->normalize(UnicodeString::fromUTF8("（一）１２３　："), ec)) : u_errorName(ec);
  check(got == "(一)123 :", "NFKC", got);
}
static void check_utf8() {
  std::string got = decode("UTF-8", "\xE6\x94\xBF\xE5\xBA\x9C");
  check(got == "政府", "UTF-8", got);
}
static void check_utf16() {
  std::string got = decode("UTF-16", std::string("\xFF\xFE\x3F\x65\x9C\x5E", 6));
  check(got == "政府", "UTF-16", got);
  got = decode("UTF-16LE", std::string("\x3F\x65\x9C\x5E", 4));
  check(got == "政府", "UTF-16LE", got);
  got = decode("UTF-16BE", std::string("\x65\x3F\x5E\x9C", 4));
  check(got == "政府", "UTF-16BE", got);
}
static void check_props() {
  check(u_charType(0x653F) == U_OTHER_LETTER && u_isspace(0x3000) &&
        u_hasBinaryProperty(0x653F, UCHAR_IDEOGRAPHIC) && !u_hasBinaryProperty(0x41, UCHAR_IDEOGRAPHIC),
        "properties", "");
}
// "INFO names: gb18030=ok GB18030=U_FILE_ACCESS_ERROR ..."; gb18030 must work.
static void report_names(const char* when) {
  std::string line = std::string("INFO ") + when + ":";
  for (const char* name : kGbNames) {
    std::string got = decode(name, gbk);
    line += std::string(" ") + name + "=" + (got == "政府信息公开" ? "ok" : got.rfind("ucnv_open: ", 0) == 0 ? got.substr(11) : "'" + got + "'");
    if (std::strcmp(name, "gb18030") == 0) check(got == "政府信息公开", name, got);
  }
  UErrorCode ec = U_ZERO_ERROR;
  ucnv_countAliases("gb18030", &ec);  // the alias table's (remembered) load status
  std::printf("%s; alias table: %s\n", line.c_str(), u_errorName(ec));
}
#ifdef CORE
static void register_gb18030() {
  FILE* f = std::fopen("/gouji-gb18030.dat", "rb");
  if (!f) { check(false, "fopen /gouji-gb18030.dat", ""); return; }
  std::fseek(f, 0, SEEK_END); long n = std::ftell(f); std::fseek(f, 0, SEEK_SET);
  void* buf = std::malloc(n);  // never freed: ICU keeps using it
  bool ok = buf && std::fread(buf, 1, n, f) == (size_t)n;
  std::fclose(f);
  check(ok, "read /gouji-gb18030.dat", "");
  UErrorCode ec = U_ZERO_ERROR;
  udata_setCommonData(buf, &ec);
  check(ec == U_ZERO_ERROR, "udata_setCommonData", u_errorName(ec));
}
int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "late";
  if (mode == "early") register_gb18030();
  check_nfkc();
  check_utf8();
  if (mode == "utf16only") check_utf16();
  if (mode == "late") {
    check_utf16();
    std::string got = decode("gb18030", gbk);
    check(got.rfind("ucnv_open: ", 0) == 0, "gb18030 before registration (should fail)", got);
    std::printf("INFO before registration: gb18030=%s\n", got.c_str() + (got.size() > 11 ? 11 : 0));
  }
  if (mode != "early") register_gb18030();
  report_names(("after registration (" + mode + ")").c_str());
  check_utf16();
  check_props();
  std::printf(fails ? "SMOKE FAILED\n" : "SMOKE OK\n");
  return fails ? 1 : 0;
}
#else
int main() {
  check_nfkc();
  check_utf8();
  check_utf16();
  report_names("linked");
  for (const char* name : kGbNames) check(decode(name, gbk) == "政府信息公开", name, decode(name, gbk));
  check_props();
  std::printf(fails ? "SMOKE FAILED\n" : "SMOKE OK\n");
  return fails ? 1 : 0;
}
#endif
CPP
L="$STAGE/lib"
run_logged "$S/build-linked.log" em++ -std=c++17 -O2 -I"$STAGE/include" "$S/smoke.cpp" \
  "$L/libicuuc.a" "$L/libicudata.a" -sNODERAWFS=0 -o "$S/linked.js"
# The package is copied into the in-memory file system before main (not with
# --embed-file, which would put it inside core.wasm and spoil its size).
cat >"$S/core-pre.js" <<'JS'
Module['preRun'] = [function () {
  FS.writeFile('/gouji-gb18030.dat', require('fs').readFileSync(process.env.GOUJI_GB18030_DAT));
}];
JS
run_logged "$S/build-core.log" em++ -std=c++17 -O2 -DCORE -I"$STAGE/include" "$S/smoke.cpp" \
  "$L/libicuuc.a" "$L/libicudata-core.a" -sNODERAWFS=0 -sFORCE_FILESYSTEM=1 \
  --pre-js "$S/core-pre.js" -o "$S/core.js"
for run in "linked" "core late" "core utf16only" "core utf8first" "core early"; do
  # shellcheck disable=SC2086  # $run is "<program> [mode]"
  set -- $run
  out=$(cd "$S" && GOUJI_GB18030_DAT="$STAGE/share/gouji-gb18030.dat" \
    "$NODE" --no-experimental-fetch "$1.js" ${2:+"$2"} 2>"$S/$1-${2:-all}.stderr") || true
  [ "$(printf '%s\n' "$out" | tail -n 1)" = "SMOKE OK" ] || {
    printf '%s\n' "$out" >&2; cat "$S/$1-${2:-all}.stderr" >&2
    die "wasm smoke test ($run) failed"
  }
  printf '%s\n' "$out" | sed -n 's/^INFO /build-icu-wasm.sh:   '"$1"': /p' >&2
done
log "wasm smoke test passed (libicudata.a; libicudata-core.a + gouji-gb18030.dat via udata_setCommonData)"

# ------------------------------------------------------------------ sizes ----
br() { if command -v brotli >/dev/null 2>&1; then brotli -q 11 -c "$1" | wc -c; else echo "n/a"; fi; }
{
  printf 'build-icu-wasm.sh: sizes (bytes: raw, brotli -q 11):\n'
  for f in "$L/libicuuc.a" "$L/libicudata.a" "$L/libicudata-core.a" \
           "$STAGE/share/$PKGNAME-gouji.dat" "$STAGE/share/gouji-gb18030.dat" \
           "$S/linked.wasm" "$S/core.wasm"; do
    printf '  %-26s %9s %9s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(br "$f")"
  done
  while read -r it; do
    printf '  %-26s %9s %9s\n' "  item $it" "$(stat -c %s "$D/items/$it")" "$(br "$D/items/$it")"
  done <"$D/items-all.txt"
  printf '  (linked.wasm / core.wasm: the smoke tests, with libicudata.a / libicudata-core.a)\n'
} >&2

# ----------------------------------------------------------------- finish ----
date -u +%Y-%m-%dT%H:%M:%SZ >"$STAGE/.complete"
rm -rf "$PREFIX"
mv "$STAGE" "$PREFIX"
rm -rf "$WORK"
log "done in $(( $(date +%s) - START_TIME ))s: $PREFIX"
printf '%s\n' "$PREFIX"

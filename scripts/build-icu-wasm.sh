#!/usr/bin/env bash
# build-icu-wasm.sh — build ICU 72.1 (Debian bookworm's source package) as
# static WebAssembly libraries plus a data library cut down to what gouji's
# core uses.
#
# Usage: scripts/build-icu-wasm.sh
#   Progress and sizes go to stderr; the last line of stdout is the prefix:
#     include/unicode/*.h                 ICU headers (common + i18n)
#     lib/libicuuc.a lib/libicui18n.a     ICU common + i18n, compiled with em++
#     lib/libicudata.a                    the cut data; defines icudt72_dat
#     lib/libicustubdata.a                empty icudt72_dat, for builds that load
#                                         the .dat at run time instead
#     share/icudt72l-gouji.dat            the cut data as a .dat file
#                                         (for udata_setCommonData)
#     share/items.txt                     the data items in that .dat
#     .complete                           marker: the prefix is finished
#   Link order: libicui18n.a libicuuc.a libicudata.a (or libicustubdata.a).
#
# The prefix is $GOUJI_CACHE/icu-wasm-72.1-<hash of this script>; a finished
# prefix makes this script an instant no-op. The unpacked Debian source is kept
# in $GOUJI_CACHE/src/ and reused by later prefixes (downloaded only once).
# Needs Debian bookworm (ICU 72.1) with apt; root or sudo the first time
# (enables deb-src, installs emscripten/dpkg-dev/icu-devtools if missing).
set -euo pipefail

ICU_VERSION=72.1
ICU_MAJOR=72
# -O2, not -Oz: measured on the smoke test below, -Oz objects make the linked
# wasm 8% smaller raw (1.46 -> 1.34 MB) but only 5% smaller brotli'd (465 -> 441
# KB), while Hant-Hans transliteration gets 3x slower and NFKC 1.4x slower.
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

# The data items gouji's core needs (names inside icudt72l.dat), found
# empirically: with static ICU, a stub data library and only these items set via
# udata_setCommonData(), a native test of (a)-(d) passes, and it fails when any
# one of them is removed. Everything else in ICU's 31 MB of data is dropped.
#   (a) Normalizer2::getNFKCInstance
#   (b) Transliterator::createInstance("Hant-Hans")
#   (c) ucnv_open("GB18030"/"UTF-8"/"UTF-16LE"/"UTF-16BE"); the core decodes GBK and GB2312
#       text with GB18030, their superset, so their own tables (105 KB brotli) are left out
#   (d) u_charType, u_isspace, u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)
# Not needed: (d) and UnicodeSet/property lookups while parsing the Hant-Hans
# rules use the property tables compiled into libicuuc (uprops, pnames, ucase,
# ubidi, NFC); UTF-8/UTF-16* are algorithmic converters found without
# cnvalias.icu. The full-data run also opens unames.icu, likelySubtags.res and
# translit/en.res, but only as optional lookups: nothing fails without them.
read -r -d '' DATA_ITEMS <<'ITEMS' || true
# item                  why
nfkc.nrm                # (a) NFKC normalization data (only NFC is built into libicuuc)
translit/root.res       # (b) transliterator rules; rebuilt to hold only the Hant-Hans
#                       #     entry (the REVERSE of the Hans-Hant rules; self-contained,
#                       #     no ::chained transliterators): 891 KB -> 37 KB
cnvalias.icu            # (c) converter name/alias table, needed to open any
#                       #     table-based converter by name ("GB18030")
gb18030.cnv             # (c) "GB18030" (also the decoder for GBK and GB2312 byte strings)
ITEMS
# Entries of translit/root.res RuleBasedTransliteratorIDs that are kept.
TRANSLIT_KEEP="Hant-Hans"

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
# dpkg-source (dpkg-dev) unpacks the source package; icupkg, genccode, derb,
# genrb (icu-devtools, ICU 72 like the source) cut and compile the data.
missing=()
command -v dpkg-source >/dev/null 2>&1 || missing+=(dpkg-dev)
for t in icupkg genccode derb genrb; do
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
DERB=$(find_tool derb); GENRB=$(find_tool genrb)
NODE=$(command -v node || command -v nodejs || true)
[ -n "$NODE" ] || die "node not found (it comes with the emscripten package)"

# ------------------------------------------------------------ ICU source -----
# Debian's source package, unpacked once (dpkg-source applies Debian's own
# patches) into $SRC_CACHE/icu-72.1/ and kept for later prefixes.
SRC_CACHE="$GOUJI_CACHE/src"

# True if apt already has a deb-src entry for a Debian/Ubuntu archive.
has_deb_src() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] && grep -qiE '^[[:space:]]*deb-src[[:space:]].*(debian|ubuntu)' "$f" && return 0
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '
      function flush() { if (src && uri && !disabled) found = 1; src = uri = disabled = 0 }
      /^[[:space:]]*$/ { flush(); next }
      tolower($1) == "types:" { for (i = 2; i <= NF; i++) if ($i == "deb-src") src = 1 }
      tolower($1) == "uris:" && tolower($0) ~ /debian|ubuntu/ { uri = 1 }
      tolower($1) == "enabled:" && tolower($2) == "no" { disabled = 1 }
      END { flush(); exit !found }' "$f" && return 0
  done
  return 1
}

# Adds deb-src entries mirroring the Debian/Ubuntu `deb` entries, in files of
# our own (/etc/apt/sources.list.d/gouji-src.{sources,list}); the system's
# files are left untouched.
enable_deb_src() {
  local f tmp n=0
  tmp=$(mktemp)
  # deb822 (.sources): copy each enabled stanza whose Types has `deb` and whose
  # URIs name a Debian/Ubuntu archive, with `Types: deb-src`.
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    case "$f" in */gouji-src.sources) continue ;; esac
    awk '
      function flush() {
        if (st != "" && deb && !disabled && uri) { print st; print "" }
        st = ""; deb = 0; disabled = 0; uri = 0
      }
      /^[[:space:]]*$/ { flush(); next }
      /^[[:space:]]*#/ { next }
      tolower($1) == "types:" {
        for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1
        st = st (st == "" ? "" : "\n") "Types: deb-src"; next
      }
      tolower($1) == "enabled:" && tolower($2) == "no" { disabled = 1 }
      tolower($1) == "uris:" && tolower($0) ~ /debian|ubuntu/ { uri = 1 }
      { st = st (st == "" ? "" : "\n") $0 }
      END { flush() }' "$f" >>"$tmp"
  done
  if [ -s "$tmp" ]; then
    as_root install -m 0644 "$tmp" /etc/apt/sources.list.d/gouji-src.sources
    n=1
  fi
  : >"$tmp"
  # One-line style (.list): `deb [opts] URI suite comps` -> `deb-src ...`.
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    case "$f" in */gouji-src.list) continue ;; esac
    sed -nE '/cdrom:/d; /^[[:space:]]*deb[[:space:]].*(debian|ubuntu)/I s/^[[:space:]]*deb[[:space:]]/deb-src /p' "$f" >>"$tmp"
  done
  if [ -s "$tmp" ]; then
    as_root install -m 0644 "$tmp" /etc/apt/sources.list.d/gouji-src.list
    n=1
  fi
  rm -f "$tmp"
  [ "$n" = 1 ] || die "no Debian/Ubuntu 'deb' entry in /etc/apt to derive a 'deb-src' entry from; add a deb-src entry for Debian bookworm"
  log "added deb-src entries: /etc/apt/sources.list.d/gouji-src.*"
}

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
# common/ and i18n/ are compiled directly with em++ from ICU's own lists
# (sources.txt), driven by make -j. No configure: it would need a native ICU
# build for --with-cross-build, and ICU's headers detect Emscripten themselves
# (U_PF_EMSCRIPTEN, U_CHARSET_IS_UTF8=1). All UCONFIG_* are ICU's defaults, so
# the installed headers need no extra -D from users.
rm -rf "$STAGE"
mkdir -p "$WORK/common" "$WORK/i18n" "$WORK/data" "$WORK/smoke" \
         "$STAGE/include/unicode" "$STAGE/lib" "$STAGE/share"

JOBS=$(nproc 2>/dev/null || echo 2)
# -DU_ATTRIBUTE_DEPRECATED= : as ICU's configure does (silences its own
# deprecation warnings). -DU_ENABLE_DYLOAD=0: no dlopen/plugins in wasm.
ICU_CPPFLAGS="-DU_STATIC_IMPLEMENTATION -DU_ATTRIBUTE_DEPRECATED= -DU_ENABLE_DYLOAD=0 -DUCONFIG_NO_FILE_IO=0"
cat >"$WORK/Makefile" <<EOF
SRC := $SRC
CXXFLAGS := -std=c++17 $ICU_OPT $ICU_CPPFLAGS
COMMON := \$(patsubst %.cpp,common/%.o,\$(shell cat \$(SRC)/common/sources.txt))
I18N := \$(patsubst %.cpp,i18n/%.o,\$(shell cat \$(SRC)/i18n/sources.txt))
all: libicuuc.a libicui18n.a libicustubdata.a
common/%.o: \$(SRC)/common/%.cpp
	em++ \$(CXXFLAGS) -DU_COMMON_IMPLEMENTATION -I\$(SRC)/common -c \$< -o \$@
i18n/%.o: \$(SRC)/i18n/%.cpp
	em++ \$(CXXFLAGS) -DU_I18N_IMPLEMENTATION -I\$(SRC)/common -I\$(SRC)/i18n -c \$< -o \$@
stubdata.o: \$(SRC)/stubdata/stubdata.cpp
	em++ \$(CXXFLAGS) -I\$(SRC)/common -I\$(SRC)/stubdata -c \$< -o \$@
libicuuc.a: \$(COMMON)
	rm -f \$@ && emar rcs \$@ \$^
libicui18n.a: \$(I18N)
	rm -f \$@ && emar rcs \$@ \$^
libicustubdata.a: stubdata.o
	rm -f \$@ && emar rcs \$@ \$^
EOF
log "compiling ICU common + i18n with em++ $ICU_OPT (make -j$JOBS; a few minutes)"
run_logged "$WORK/make.log" make -C "$WORK" -j"$JOBS" all
cp "$WORK/libicuuc.a" "$WORK/libicui18n.a" "$WORK/libicustubdata.a" "$STAGE/lib/"
cp "$SRC"/common/unicode/*.h "$SRC"/i18n/unicode/*.h "$STAGE/include/unicode/"

# The data entry point libicuuc expects: U_ICUDATA_ENTRY_POINT = icudt72_dat.
ENTRY="icudt${ICU_MAJOR}_dat"
emnm "$STAGE/lib/libicuuc.a" 2>/dev/null | grep -E "^ +U $ENTRY\$" >/dev/null ||
  die "libicuuc.a does not reference $ENTRY; U_ICUDATA_ENTRY_POINT changed?"

# ------------------------------------------------------------------- data ----
D="$WORK/data"
rm -rf "$D" && mkdir -p "$D/items"
printf '%s\n' "$DATA_ITEMS" | sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' >"$D/items.txt"
run_logged "$D/extract.log" "$ICUPKG" -x "$D/items.txt" -d "$D/items" "$FULL_DAT"
while read -r it; do
  [ -f "$D/items/$it" ] || die "data item $it not found in $FULL_DAT"
done <"$D/items.txt"

# translit/root.res holds every rule-based transliterator (891 KB). Rebuild it
# with only $TRANSLIT_KEEP: dump with derb, drop the other entries of
# RuleBasedTransliteratorIDs, recompile with genrb (both from icu-devtools 72).
mkdir -p "$D/derb" "$D/genrb"
run_logged "$D/derb.log" "$DERB" -s "$D/items/translit" -d "$D/derb" root.res
awk -v keep=" $TRANSLIT_KEEP " '
  /^    RuleBasedTransliteratorIDs\{$/ { print; inids = 1; next }
  inids && /^    \}$/ { inids = 0 }
  inids && /^        [^ ].*\{$/ { name = $1; sub(/\{$/, "", name); on = index(keep, " " name " ") > 0 }
  !inids || on { print }' "$D/derb/root.txt" >"$D/genrb/root.txt"
for k in $TRANSLIT_KEEP; do
  [ "$(grep -c "^        $k{\$" "$D/genrb/root.txt")" = 1 ] ||
    die "could not cut translit/root.res down to $k (derb output format changed?)"
done
run_logged "$D/genrb.log" "$GENRB" -q -s "$D/genrb" -d "$D/genrb" root.txt
cp "$D/genrb/root.res" "$D/items/translit/root.res"

# Package the items (icupkg names the package after the output file: it must
# be icudt72l.dat for ICU to find "icudt72l/<item>").
mkdir -p "$D/pkg"
run_logged "$D/pkg.log" "$ICUPKG" -tl -s "$D/items" -a "$D/items.txt" new "$D/pkg/icudt${ICU_MAJOR}l.dat"
cp "$D/pkg/icudt${ICU_MAJOR}l.dat" "$STAGE/share/icudt${ICU_MAJOR}l-gouji.dat"
cp "$D/items.txt" "$STAGE/share/items.txt"

# genccode names the C array after the input file: icudt72.dat -> icudt72_dat.
mkdir -p "$D/cc"
cp "$D/pkg/icudt${ICU_MAJOR}l.dat" "$D/cc/icudt${ICU_MAJOR}.dat"
run_logged "$D/genccode.log" "$GENCCODE" -q -d "$D/cc" "$D/cc/icudt${ICU_MAJOR}.dat"
run_logged "$D/emcc.log" emcc -O2 -I"$SRC/common" -c "$D/cc/${ENTRY}.c" -o "$D/cc/${ENTRY}.o"
rm -f "$STAGE/lib/libicudata.a"
run_logged "$D/emar.log" emar rcs "$STAGE/lib/libicudata.a" "$D/cc/${ENTRY}.o"
emnm "$STAGE/lib/libicudata.a" 2>/dev/null | grep -E " [DR] $ENTRY\$" >/dev/null ||
  die "libicudata.a does not define $ENTRY"

# ------------------------------------------------------------- smoke test ----
# (a)-(d) in wasm under node, once with libicudata.a linked in, once with the
# stub data and the .dat handed to udata_setCommonData at run time.
S="$WORK/smoke"
cat >"$S/smoke.cpp" <<'CPP'
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <cstdio>
#include <string>
#include <vector>
using namespace icu;
static int fails = 0;
static void check(bool ok, const char* what, const std::string& got) {
  if (!ok) { ++fails; std::printf("FAIL %s: got '%s'\n", what, got.c_str()); }
}
static std::string u8(const UnicodeString& s) { std::string o; s.toUTF8String(o); return o; }
static std::string decode(const char* name, const std::string& in) {
  UErrorCode ec = U_ZERO_ERROR;
  UConverter* c = ucnv_open(name, &ec);
  if (U_FAILURE(ec)) return std::string("ucnv_open: ") + u_errorName(ec);
  std::vector<UChar> buf(in.size() * 2 + 4);
  int32_t n = ucnv_toUChars(c, buf.data(), (int32_t)buf.size(), in.data(), (int32_t)in.size(), &ec);
  ucnv_close(c);
  return U_FAILURE(ec) ? std::string(u_errorName(ec)) : u8(UnicodeString(buf.data(), n));
}
int main() {
#ifdef LOAD_DAT
  static std::vector<double> dat;  // 8-byte aligned
  if (FILE* f = std::fopen("/icudt.dat", "rb")) {
    std::fseek(f, 0, SEEK_END); long n = std::ftell(f); std::fseek(f, 0, SEEK_SET);
    dat.resize(n / 8 + 1);
    if (std::fread(dat.data(), 1, n, f) != (size_t)n) return 2;
    std::fclose(f);
  }
  UErrorCode e0 = U_ZERO_ERROR;
  udata_setCommonData(dat.data(), &e0);
  check(U_SUCCESS(e0), "udata_setCommonData", u_errorName(e0));
#endif
  UErrorCode ec = U_ZERO_ERROR;
  const Normalizer2* nfkc = Normalizer2::getNFKCInstance(ec);
  std::string got = U_SUCCESS(ec) ? u8(nfkc->normalize(UnicodeString::fromUTF8("（一）１２３　："), ec)) : u_errorName(ec);
  check(got == "(一)123 :", "NFKC", got);
  ec = U_ZERO_ERROR;
  Transliterator* t = Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, ec);
  if (U_SUCCESS(ec)) {
    UnicodeString s = UnicodeString::fromUTF8("鎮認真貫徹落實《山東省政府信息公開辦法》、結轉");
    t->transliterate(s); got = u8(s); delete t;
  } else got = u_errorName(ec);
  check(got == "镇认真贯彻落实《山东省政府信息公开办法》、结转", "Hant-Hans", got);
  const std::string gbk = "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA";  // 政府信息公开
  for (const char* name : {"GB18030"}) check(decode(name, gbk) == "政府信息公开", name, decode(name, gbk));
  check(decode("UTF-8", "\xE6\x94\xBF\xE5\xBA\x9C") == "政府", "UTF-8", decode("UTF-8", "\xE6\x94\xBF\xE5\xBA\x9C"));
  check(decode("UTF-16LE", std::string("\x3F\x65\x9C\x5E", 4)) == "政府", "UTF-16LE", "");
  check(decode("UTF-16BE", std::string("\x65\x3F\x5E\x9C", 4)) == "政府", "UTF-16BE", "");
  check(u_charType(0x653F) == U_OTHER_LETTER && u_isspace(0x3000) &&
        u_hasBinaryProperty(0x653F, UCHAR_IDEOGRAPHIC) && !u_hasBinaryProperty(0x41, UCHAR_IDEOGRAPHIC),
        "properties", "");
  std::printf(fails ? "SMOKE FAILED\n" : "SMOKE OK\n");
  return fails ? 1 : 0;
}
CPP
L="$STAGE/lib"
run_logged "$S/build-linked.log" em++ -std=c++17 -O2 -I"$STAGE/include" "$S/smoke.cpp" \
  "$L/libicui18n.a" "$L/libicuuc.a" "$L/libicudata.a" -sNODERAWFS=0 -o "$S/linked.js"
run_logged "$S/build-loaded.log" em++ -std=c++17 -O2 -DLOAD_DAT -I"$STAGE/include" "$S/smoke.cpp" \
  "$L/libicui18n.a" "$L/libicuuc.a" "$L/libicustubdata.a" -sNODERAWFS=0 \
  --embed-file "$STAGE/share/icudt${ICU_MAJOR}l-gouji.dat@/icudt.dat" -o "$S/loaded.js"
for v in linked loaded; do
  out=$(cd "$S" && "$NODE" --no-experimental-fetch "$v.js" 2>"$S/$v.stderr") || true
  [ "$out" = "SMOKE OK" ] || {
    printf '%s\n' "$out" >&2; cat "$S/$v.stderr" >&2
    die "wasm smoke test ($v data) failed"
  }
done
log "wasm smoke test passed (data linked in, and data loaded via udata_setCommonData)"

# ------------------------------------------------------------------ sizes ----
br() { if command -v brotli >/dev/null 2>&1; then brotli -c "$1" | wc -c; else echo "n/a"; fi; }
{
  printf 'build-icu-wasm.sh: sizes (bytes: raw, brotli):\n'
  for f in "$L/libicuuc.a" "$L/libicui18n.a" "$L/libicudata.a" "$L/libicustubdata.a" \
           "$STAGE/share/icudt${ICU_MAJOR}l-gouji.dat" "$S/linked.wasm"; do
    printf '  %-26s %9s %9s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(br "$f")"
  done
  printf '  (linked.wasm: smoke test using (a)-(d), data linked in)\n'
} >&2

# ----------------------------------------------------------------- finish ----
date -u +%Y-%m-%dT%H:%M:%SZ >"$STAGE/.complete"
rm -rf "$PREFIX"
mv "$STAGE" "$PREFIX"
rm -rf "$WORK"
log "done in $(( $(date +%s) - START_TIME ))s: $PREFIX"
printf '%s\n' "$PREFIX"

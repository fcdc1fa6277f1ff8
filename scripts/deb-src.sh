# shellcheck shell=bash
# Sourced by build-icu-wasm.sh and fetch-deb-source.sh: making `apt-get source` work. Each caller
# defines log, die and as_root (root, or sudo) before calling these.

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

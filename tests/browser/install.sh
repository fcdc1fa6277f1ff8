#!/usr/bin/env bash
# Idempotent setup for the browser tests (tests/browser) on Debian or Ubuntu:
#   - Debian's chromium (playwright's own browser download cannot work here) and CJK fonts;
#   - npm ci in tests/browser when node_modules is missing or older than package-lock.json.
# Prints nothing when everything is already in place.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
packages=(chromium fonts-noto-cjk)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    sudo=()
  elif command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "install.sh: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  echo "install.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -x /usr/bin/chromium ]]; then
  echo "install.sh: /usr/bin/chromium is missing after install" >&2
  exit 1
fi

if [[ ! -d "$here/node_modules" || "$here/package-lock.json" -nt "$here/node_modules" ]]; then
  echo "install.sh: npm ci in $here"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$here/node_modules"
fi

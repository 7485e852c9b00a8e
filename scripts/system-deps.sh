#!/usr/bin/env bash
# Debian packages a fresh machine lacks for a real Qt window (xcb) and for
# CJK / Thai / Hangul / Arabic text. Installs them when run as root, otherwise
# prints the exact command to run. Offscreen Qt (tests) needs none of the xcb
# libraries, but the fonts are needed for glyph tests and screenshots, and the
# team library's tests need PostgreSQL's server binaries.
set -euo pipefail

PACKAGES=(
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1
  libfontconfig1 fontconfig libdbus-1-3
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
)
# Only for the tests (`scripts/system-deps.sh --test`, from `make test`): the team
# library's tests start a real PostgreSQL server (initdb/pg_ctl, pg_trgm). An agent
# running the sidebar (`make run`) needs no database server on their machine.
if [ "${1:-}" = "--test" ]; then
  PACKAGES+=(postgresql postgresql-contrib)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-based system; install Qt's xcb libraries and Noto CJK/Thai fonts yourself." >&2
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: missing Debian packages; run:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  if [ "${CHATASSIST_REQUIRE_SYSTEM_DEPS:-0}" = 1 ]; then exit 1; fi
fi

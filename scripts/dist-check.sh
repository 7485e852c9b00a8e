#!/usr/bin/env bash
# Smoke test of the one-folder bundle: each command runs from the bundle alone, with an
# empty PATH (no Python), an empty HOME and a fresh data folder under a non-ASCII name.
# Usage: scripts/dist-check.sh dist/chatassist
set -euo pipefail
bundle=$(cd "${1:?usage: dist-check.sh BUNDLE_DIR}" && pwd)
exe="$bundle/chatassist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty-path" "$work/home" "$work/用户 梁"
run() {
  env -i PATH="$work/empty-path" HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    CHATASSIST_DATA_DIR="$work/用户 梁/data" "$exe" "$@"
}
expect() {  # expect PATTERN COMMAND...: the command succeeds and prints PATTERN
  local pattern=$1; shift
  local out
  out=$(run "$@" 2>&1) || { echo "dist-check: FAILED: chatassist $*"; echo "$out"; exit 1; }
  grep -q -- "$pattern" <<<"$out" || { echo "dist-check: 'chatassist $*' did not print '$pattern':"; echo "$out"; exit 1; }
  echo "dist-check: ok: chatassist $*"
}
expect "usage: chatassist" --help
expect "Japanese (ja)" detect "荷物まだ？"
expect "order_status" suggest "¿Dónde está mi pedido 48213?"
expect "entries" phrasebook list
expect "sidebar ready; language es" gui --check "¿Dónde está mi pedido 48213?"
echo "dist-check: bundle $(du -sh "$bundle" | cut -f1) at $bundle"

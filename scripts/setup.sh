#!/usr/bin/env bash
# Installs what voortgangsbrief needs on a fresh machine and is quick when all is there:
# Debian's chromium-headless-shell (the browser the tool prefers for printing) and
# chromium (no browser is ever downloaded), poppler-utils (pdftoppm for looking at
# pages), zsh (the completion test), the npm dependencies and the compiled CLI. Safe to
# run again.
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() {
  for b in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
    [ -x "$b" ] && return 0
  done
  return 1
}

missing=()
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
have_chromium || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif printf '%s\n' "${missing[@]}" | grep -qx chromium && [ ! -x "${VOORTGANGSBRIEF_BROWSER:-/nonexistent}" ]; then
    echo "setup: no Chromium found. Install it (Debian/Ubuntu: 'sudo apt-get install chromium-headless-shell chromium')" >&2
    echo "       or set VOORTGANGSBRIEF_BROWSER=/path/to/chrome. Building PDFs needs it; 'check' does not." >&2
  fi
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

# Recompile and re-bundle when any source is newer than the bundled CLI.
if [ ! -f dist/main.bundle.js ] || [ ! -d dist/schemas ] || [ -n "$(find src scripts/bundle.mjs -newer dist/main.bundle.js \( -name '*.ts' -o -name '*.mjs' \) -print -quit)" ]; then
  echo "setup: compiling" >&2
  npx tsc -p tsconfig.json
  node scripts/bundle.mjs
  node scripts/write-schemas.mjs
fi

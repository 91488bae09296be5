#!/usr/bin/env bash
# What `npm run bench` needs beyond the CLI's own setup: Debian's WeasyPrint, the peer
# that P2 compares against. Without it (not root, no apt) the bench still runs and
# reports P2 as null.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v weasyprint >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup-bench: installing weasyprint with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends weasyprint >/dev/null; } ||
      echo "setup-bench: could not install weasyprint; P2 will be null" >&2
  else
    echo "setup-bench: weasyprint is not installed; P2 will be null" >&2
  fi
fi

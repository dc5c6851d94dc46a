#!/usr/bin/env bash
# Set everything up from scratch and run the whole test suite (the README's second command).
set -euo pipefail
cd "$(dirname "$0")/.."
# The viewer's browser tests drive Debian's chromium; without it they are skipped.
if ! command -v chromium >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
scripts/setup.sh
.venv/bin/python -m pytest "$@"

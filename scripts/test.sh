#!/usr/bin/env bash
# Set everything up (from scratch on a clean clone; a current .venv is kept) and run every
# check: the tests, ruff, mypy, and the wheel in a fresh virtual environment (the README's
# second command, and CI's).
set -euo pipefail
cd "$(dirname "$0")/.."
# The viewer's browser tests drive Debian's chromium; without it they are skipped.
if ! command -v chromium >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
scripts/check_wheel.sh

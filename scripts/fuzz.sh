#!/usr/bin/env bash
# A long fuzzing run of tests/test_fuzz.py: the properties CI checks on a few examples, on many.
# Usage: scripts/fuzz.sh [SCALE] [pytest options]; SCALE multiplies the examples (default 50).
# Each run draws new examples (no derandomizing); a failure prints the input that causes it.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-50}"
shift || true
NEWSGRAPH_FUZZ_SCALE="$scale" NEWSGRAPH_FUZZ_RANDOM=1 \
    .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz.py "$@"

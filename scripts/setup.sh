#!/usr/bin/env bash
# Create .venv and install newsgraph with its test tools. Used by the README's commands and CI.
# A .venv already installed from the same pyproject.toml and the same files is left as it is
# (the editable install links each file, so only an added or removed file needs a new one);
# `scripts/setup.sh --force` installs again all the same.
set -euo pipefail
cd "$(dirname "$0")/.."
STAMP=.venv/.newsgraph-setup

stamp() {
    {
        cat pyproject.toml scripts/setup.sh
        python3 --version
        find api graph ingest ontology seeds -type f ! -path '*/__pycache__/*' | LC_ALL=C sort
    } | sha256sum | cut -d' ' -f1
}

current=$(stamp)
if [ "${1:-}" != "--force" ] && [ -x .venv/bin/python ] && [ -f "$STAMP" ] \
    && [ "$(cat "$STAMP")" = "$current" ]; then
    echo "setup: .venv is up to date (scripts/setup.sh --force installs again)"
    exit 0
fi
rm -f "$STAMP"
echo "setup: creating .venv"
python3 -m venv .venv
echo "setup: upgrading pip"
.venv/bin/python -m pip install --quiet --upgrade pip
echo "setup: installing newsgraph, spaCy and its English model, and the test tools" \
    "(a few minutes the first time; pip names each package as it goes)"
.venv/bin/python -m pip install --progress-bar off -e ".[test,dask]" \
    --config-settings editable_mode=strict \
    | { grep --line-buffered -E '^(Collecting|Installing|Successfully)' || true; }
echo "$current" > "$STAMP"
echo "setup: done"

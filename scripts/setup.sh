#!/usr/bin/env bash
# Create .venv and install newsgraph with its test tools. Used by the README's commands and CI.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,dask]" --config-settings editable_mode=strict

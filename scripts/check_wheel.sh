#!/usr/bin/env bash
# Build the wheel, install it in a fresh virtual environment, and use it as a new user would,
# away from the checkout: build the bundled seeds, query, validate. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# from the tracked files alone: setuptools' build/lib would carry files deleted since
mkdir -p "$work/src"
git ls-files -z | xargs -0 cp --parents -t "$work/src"
.venv/bin/python -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$work/src"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$work"/dist/newsgraph-*.whl
cd "$work"
venv/bin/newsgraph --version
venv/bin/newsgraph build --out out
venv/bin/newsgraph query who-chairs-what --graph out --format csv | grep -q "Zhou Zixue"
venv/bin/newsgraph validate out
venv/bin/newsgraph export ntriples out | grep -q "out/export/graph.nt"
venv/bin/python -c "import newsgraph, sys; G = newsgraph.build_or_load(out='out'); \
sys.exit(0 if G.number_of_nodes() > 100 else 1)"
echo "wheel: built the seeds, queried, validated and exported from a fresh virtual environment"

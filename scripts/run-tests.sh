#!/usr/bin/env bash
# Install everything the test suite needs, then run the checks and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
py=.venv/bin/python
echo "== ruff";          $py -m ruff check .
echo "== import-linter"; .venv/bin/lint-imports
echo "== mypy";          $py -m mypy
echo "== wheel"          # the distribution installs exactly app, models, server, speech, ui
wheel_dir=$(mktemp -d)
trap 'rm -rf "$wheel_dir" build' EXIT   # build/: setuptools' in-tree scratch folder
$py -m pip wheel -q --no-deps --disable-pip-version-check -w "$wheel_dir" .
$py scripts/check_wheel.py "$wheel_dir"/samskriv-*.whl
echo "== pytest";        $py -m pytest -q -p no:cacheprovider "$@"

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
echo "== pytest";        $py -m pytest -q -p no:cacheprovider "$@"

#!/usr/bin/env bash
# Install Samskriv (system packages + ./.venv) and start the desktop app.
# Arguments go to `samskriv` (ui.main), e.g. scripts/run-app.sh --data-dir /tmp/samskriv-demo
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m ui.main "$@"

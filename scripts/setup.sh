#!/usr/bin/env bash
# Install what Samskriv needs on a Debian/Ubuntu machine into ./.venv.
#   scripts/setup.sh          the app
#   scripts/setup.sh test     the app and everything the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"

apt_packages=(
  python3-venv libportaudio2 espeak-ng ffmpeg fonts-noto-color-emoji
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0
)
[ "$extra" = "test" ] && apt_packages+=(xvfb sox poppler-utils)

missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
target="."
[ "$extra" = "test" ] && target=".[test]"
log=$(mktemp)
if ! .venv/bin/python -m pip install -q --disable-pip-version-check -e "$target" >"$log" 2>&1; then
  cat "$log"; rm -f "$log"; exit 1
fi
rm -f "$log"
.venv/bin/python -c "import app, ui, speech, models"

#!/bin/sh
# Installs every Debian 12 package that Ferroscope's build, tests, headless screenshots and
# .deb packaging need (BUILD_NOTES §1). Idempotent: does nothing when all are present.
# Run as root (or with sudo available). Usage: packaging/install-deps.sh
set -eu

PACKAGES="build-essential cmake ninja-build pkgconf file dpkg-dev \
qt6-base-dev qt6-svg-dev libqcustomplot-dev libeigen3-dev \
libsundials-dev libsbml5-dev libxml2-dev libbz2-dev zlib1g-dev \
xvfb xauth imagemagick poppler-utils librsvg2-bin desktop-file-utils appstream \
python3"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root (or sudo) to install:$missing" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing

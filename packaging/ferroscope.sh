#!/bin/sh
# One entry point for README's two commands, each working on a fresh Debian 12 machine by itself:
#   packaging/ferroscope.sh run [ARGS]   install deps if missing, build, open the Ferroscope explorer
#                                        window on its built-in model (headless fallback: no display
#                                        -> runs the default scenario and writes images to a folder)
#   packaging/ferroscope.sh cli ARGS     the same, then runs ferroscope-cli ARGS
#   packaging/ferroscope.sh test         install deps if missing, build, run the whole test suite
# Build directory: build/ in the source tree (override with FERROSCOPE_BUILD_DIR).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${FERROSCOPE_BUILD_DIR:-$here/build}
cmd=${1:-run}
[ $# -gt 0 ] && shift

"$here/packaging/install-deps.sh"
jobs=$(nproc 2>/dev/null || echo 2)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j "$jobs"

case "$cmd" in
  run)
    # The explorer window; without a display it says so and runs the default scenario headless,
    # writing plots, diagram, slide and CSV to ./ferroscope-output (or --headless-out DIR).
    exec "$build/ferroscope" "$@"
    ;;
  cli)
    exec "$build/ferroscope-cli" "$@"
    ;;
  test)
    cd "$build"
    exec ctest --output-on-failure -j "$jobs" "$@"
    ;;
  *)
    echo "usage: packaging/ferroscope.sh run [ferroscope args] | cli ARGS | test [ctest args]" >&2
    exit 2
    ;;
esac

#!/bin/sh
# One entry point for README's two commands, each working on a fresh Debian 12 machine by itself:
#   packaging/ferroscope.sh run [ARGS]   install deps if missing, build, run Ferroscope on its
#                                        built-in model (the CLI's default CSC-vs-nonCSC demo
#                                        until the explorer window exists)
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
    if [ $# -gt 0 ]; then exec "$build/ferroscope-cli" "$@"; fi
    out=${FERROSCOPE_OUT:-$here/out}
    mkdir -p "$out"
    echo "Ferroscope $("$build/ferroscope-cli" --version | cut -d' ' -f2): built-in iron/heme model (MODEL.md 1.0)"
    for ph in nonCSC CSC; do
      "$build/ferroscope-cli" simulate --phenotype "$ph" --output "$out/default-$ph.csv"
    done
    echo "Wrote 72 h trajectories of all 32 states to $out/default-nonCSC.csv and $out/default-CSC.csv"
    echo "At 72 h (no intervention):"
    "$build/ferroscope-cli" simulate --phenotype nonCSC --steps 1 --vars LIP,Total_iron,GSH,LOOH,Stem,Viability | tail -1 | sed 's/^/  nonCSC  time,LIP,Total_iron,GSH,LOOH,Stem,Viability = /'
    "$build/ferroscope-cli" simulate --phenotype CSC --steps 1 --vars LIP,Total_iron,GSH,LOOH,Stem,Viability | tail -1 | sed 's/^/  CSC     time,LIP,Total_iron,GSH,LOOH,Stem,Viability = /'
    ;;
  test)
    cd "$build"
    exec ctest --output-on-failure -j "$jobs" "$@"
    ;;
  *)
    echo "usage: packaging/ferroscope.sh run [ferroscope-cli args] | test [ctest args]" >&2
    exit 2
    ;;
esac

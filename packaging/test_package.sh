#!/usr/bin/env bash
# CI check of the Debian package (issue 4 §9, BUILD_NOTES §6). Usage: packaging/test_package.sh BUILD_DIR
#
# Runs `cpack -G DEB` for an already built BUILD_DIR into a temporary folder, then checks:
#   control fields (name, version, arch, section, maintainer, description) and Depends (from
#   dpkg-shlibdeps: Qt 6 Widgets, QCustomPlot Qt 6, SUNDIALS CVODE, libSBML; never Qt 5);
#   every library the binaries load directly comes from a package named in Depends;
#   the file list (binaries, .desktop, SVG + 256 px PNG icons, metainfo, copyright);
#   desktop-file-validate and appstreamcli validate (offline; warnings allowed, errors fail);
#   the packaged binaries, extracted with dpkg-deb -x, run: ferroscope-cli --version and a 2-step
#   simulate; ferroscope --version and --headless-out (offscreen, throwaway HOME).
# Installs nothing system-wide (no apt/dpkg -i) and leaves BUILD_DIR untouched; exits 1 on any failure.
# Needs dpkg-dev, file, desktop-file-utils, appstream, binutils (packaging/install-deps.sh).
set -u

if [ $# -ne 1 ] || [ ! -f "$1/CMakeCache.txt" ]; then
  echo "usage: $0 BUILD_DIR   (a configured and built Ferroscope build directory)" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
app_id=io.github.ferroscope.Ferroscope

pass=0
fail=0
failed=()
ok()   { pass=$((pass + 1)); echo "PASS: $*"; }
bad()  { fail=$((fail + 1)); failed+=("$*"); echo "FAIL: $*"; }
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
summary() {
  echo "----------------------------------------------------------------"
  if [ "$fail" -eq 0 ]; then
    echo "package_deb: PASS ($pass checks)"
    exit 0
  fi
  echo "package_deb: FAIL ($fail of $((pass + fail)) checks failed)"
  for f in "${failed[@]}"; do echo "  - $f"; done
  exit 1
}

# ---- tools -----------------------------------------------------------------------------------
cmake_cmd=$(sed -n 's/^CMAKE_COMMAND:INTERNAL=//p' "$build/CMakeCache.txt")
cpack_cmd=$(dirname "${cmake_cmd:-/usr/bin/cmake}")/cpack
[ -x "$cpack_cmd" ] || cpack_cmd=$(command -v cpack || true)
for tool in "$cpack_cmd" dpkg-deb dpkg-shlibdeps file desktop-file-validate appstreamcli readelf ldd; do
  if [ -z "$tool" ] || ! command -v "$tool" >/dev/null 2>&1; then
    bad "tool '${tool:-cpack}' is missing (run packaging/install-deps.sh: dpkg-dev file desktop-file-utils appstream binutils)"
  fi
done
[ "$fail" -eq 0 ] || summary
[ -f "$build/CPackConfig.cmake" ] || { bad "$build/CPackConfig.cmake missing (is add_subdirectory(packaging) in CMakeLists.txt?)"; summary; }

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
gui=no
grep -q '^FERROSCOPE_BUILD_GUI:BOOL=ON$' "$build/CMakeCache.txt" && gui=yes
echo "Build dir: $build   version: $version   arch: $arch   GUI: $gui"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ferroscope-pkg.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# ---- build the package -------------------------------------------------------------------------
t0=$(date +%s.%N)
if ! (cd "$build" && "$cpack_cmd" -G DEB -B "$tmp/out" --config "$build/CPackConfig.cmake") >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log"
  bad "cpack -G DEB failed (is the build complete? cmake --build $build)"
  summary
fi
t1=$(date +%s.%N)
secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
deb="$tmp/out/ferroscope_${version}_${arch}.deb"
if [ ! -f "$deb" ]; then
  cat "$tmp/cpack.log"
  bad "expected $(basename "$deb") (CPACK_DEBIAN_FILE_NAME DEB-DEFAULT); got: $(cd "$tmp/out" && ls ./*.deb 2>/dev/null | tr '\n' ' ')"
  summary
fi
ok "cpack built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in ${secs} s"
if awk -v s="$secs" 'BEGIN { exit !(s > 30) }'; then
  echo "NOTE: cpack took ${secs} s (target < 30 s)"
fi

# ---- control fields ----------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1" 2>/dev/null; }
dpkg-deb -I "$deb" control | sed 's/^/  | /'
check "Package is ferroscope"             [ "$(field Package)" = ferroscope ]
check "Version is $version"               [ "$(field Version)" = "$version" ]
check "Architecture is $arch"             [ "$(field Architecture)" = "$arch" ]
check "Section is science"                [ "$(field Section)" = science ]
check "Maintainer is set (name <email>)"  grep -Eq '^.+ <[^ >]+@[^ >]+>$' <<<"$(field Maintainer)"
check "Description has a synopsis and a long text" \
      test "$(field Description | head -1 | wc -c)" -gt 10 -a "$(field Description | wc -l)" -gt 2

depends=$(field Depends)
dep_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/[[:space:]]//g' | sed '/^$/d' | sort -u)
has_dep() { grep -qx "$1" <<<"$dep_names"; }
has_dep_re() { grep -Eqx "$1" <<<"$dep_names"; }
check "Depends is not empty (dpkg-shlibdeps ran)"   [ -n "$depends" ]
check "Depends has libc6 and libstdc++6"            eval 'has_dep libc6 && has_dep libstdc++6'
check "Depends has libsundials-cvode*"              has_dep_re 'libsundials-cvode[0-9]+'
check "Depends has libsbml5"                        has_dep libsbml5
check "Depends has libqt6core6"                     has_dep libqt6core6
if [ "$gui" = yes ]; then
  check "Depends has libqt6widgets6"                has_dep libqt6widgets6
  check "Depends has libqcustomplot2.1-qt6"         has_dep libqcustomplot2.1-qt6
  check "Depends has libqt6svg6 (SVG icon engine)"  has_dep libqt6svg6
fi
check "Depends has no Qt 5 package (QCustomPlot Qt 5 build linked by mistake?)" \
      eval '! grep -Eq "^(libqt5|libqcustomplot2\.1$)" <<<"$dep_names"'

# ---- file list -----------------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' | sed '/\/$/d' >"$tmp/files"
echo "Files in the package:"; sed 's/^/  /' "$tmp/files"
has_file() { grep -qx "$1" "$tmp/files"; }
expect=(/usr/bin/ferroscope-cli /usr/share/doc/ferroscope/copyright)
if [ "$gui" = yes ]; then
  expect+=(/usr/bin/ferroscope
           "/usr/share/applications/$app_id.desktop"
           "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
           "/usr/share/icons/hicolor/256x256/apps/$app_id.png"
           "/usr/share/metainfo/$app_id.metainfo.xml")
fi
for f in "${expect[@]}"; do check "contains $f" has_file "$f"; done
check "installs only under /usr" eval '! grep -qv "^/usr/" "$tmp/files"'

# ---- extracted contents ------------------------------------------------------------------------
root="$tmp/root"
dpkg-deb -x "$deb" "$root" || bad "dpkg-deb -x failed"
copyright="$root/usr/share/doc/ferroscope/copyright"
check "copyright names GPL-3.0-or-later"   grep -q 'GPL-3.0-or-later' "$copyright"
check "copyright has the QCustomPlot GPL-3 note" eval 'grep -q QCustomPlot "$copyright" && grep -q "GPL-3" "$copyright"'

if [ "$gui" = yes ]; then
  desktop="$root/usr/share/applications/$app_id.desktop"
  metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
  if out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then
    ok "desktop-file-validate $app_id.desktop"
  else
    echo "$out" | sed 's/^/  /'
    if grep -q 'error:' <<<"$out" || ! desktop-file-validate "$desktop" >/dev/null 2>&1; then
      bad "desktop-file-validate $app_id.desktop"
    else
      ok "desktop-file-validate $app_id.desktop (warnings/hints above)"
    fi
  fi
  check "desktop Exec/TryExec is ferroscope, Icon is $app_id" \
        eval 'grep -qx "TryExec=ferroscope" "$desktop" && grep -Eq "^Exec=ferroscope( |$)" "$desktop" && grep -qx "Icon=$app_id" "$desktop"'
  check "desktop Categories=Science;Biology; (one main category)" grep -qx 'Categories=Science;Biology;' "$desktop"

  out=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1); rc=$?
  echo "$out" | sed 's/^/  /'
  if grep -q '^E:' <<<"$out" || { [ $rc -ne 0 ] && ! grep -q '^W:' <<<"$out"; }; then
    bad "appstreamcli validate $app_id.metainfo.xml (errors)"
  else
    ok "appstreamcli validate $app_id.metainfo.xml (no errors)"
  fi
  check "metainfo id, launchable, icon and binaries match the desktop id" \
        eval 'grep -q "<id>$app_id</id>" "$metainfo" &&
              grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" &&
              grep -q "<binary>ferroscope</binary>" "$metainfo"'
  check "metainfo lists a release for version $version" grep -q "<release version=\"$version\"" "$metainfo"
  check "256x256 icon is a 256 x 256 PNG" \
        eval 'file -b "$root/usr/share/icons/hicolor/256x256/apps/$app_id.png" | grep -q "PNG image data, 256 x 256"'
  check "scalable icon is an SVG" \
        eval 'file -b "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg" | grep -Eq "SVG|XML"'
fi

# ---- the binaries ---------------------------------------------------------------------------------
# Every directly NEEDED library must resolve and come from a package named in Depends.
# One dpkg -S call for all candidate paths (each call reads the whole dpkg database, ~1 s).
declare -A owner
spellings() { # merged /usr: dpkg may know a library as /lib/... or /usr/lib/...
  local p=$1
  case $p in /usr/*) echo "$p" "${p#/usr}" ;; *) echo "$p" "/usr$p" ;; esac
  readlink -f "$p"
}
needed_paths() { # BIN -> resolved paths of its NEEDED libraries (one per line)
  local bin=$1
  ldd "$bin" 2>/dev/null | awk -v needed="$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')" '
    BEGIN { n = split(needed, a, "\n"); for (i = 1; i <= n; i++) want[a[i]] = 1 }
    $2 == "=>" && ($1 in want) { print $3 }'
}
candidates=()
for b in ferroscope-cli ferroscope; do
  [ -f "$root/usr/bin/$b" ] || continue
  for p in $(needed_paths "$root/usr/bin/$b"); do candidates+=($(spellings "$p")); done
done
if [ ${#candidates[@]} -gt 0 ]; then
  while IFS= read -r line; do  # "pkg:arch: /path"
    owner["${line##*: }"]=${line%%:*}
  done < <(dpkg -S "${candidates[@]}" 2>/dev/null)
fi
for b in ferroscope-cli ferroscope; do
  bin="$root/usr/bin/$b"
  [ -f "$bin" ] || continue
  check "$b is a stripped ELF executable" eval 'file -b "$bin" | grep -q "ELF" && file -b "$bin" | grep -q ", stripped"'
  ldd_out=$(ldd "$bin" 2>&1)
  check "$b: all libraries resolve (ldd)" eval '! grep -q "not found" <<<"$ldd_out"'
  check "$b: no Qt 5 library loaded" eval '! grep -q "libQt5" <<<"$ldd_out"'
  missing=""
  for lib in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path=$(awk -v l="$lib" '$1 == l && $2 == "=>" { print $3 }' <<<"$ldd_out")
    [ -n "$path" ] || { missing="$missing $lib(unresolved)"; continue; }
    pkg=""
    for p in $(spellings "$path"); do
      [ -n "${owner[$p]:-}" ] && { pkg=${owner[$p]}; break; }
    done
    if [ -z "$pkg" ]; then missing="$missing $lib(no-package)"
    elif ! has_dep "$pkg"; then missing="$missing $lib($pkg)"; fi
  done
  check "$b: every NEEDED library's package is in Depends${missing:+ — missing:$missing}" [ -z "$missing" ]
done

cli="$root/usr/bin/ferroscope-cli"
if [ -x "$cli" ]; then
  v=$(timeout 60 "$cli" --version 2>&1)
  check "extracted ferroscope-cli --version prints 'ferroscope-cli $version' (got '$v')" [ "$v" = "ferroscope-cli $version" ]
  sim=$(cd "$tmp" && timeout 120 "$cli" simulate --steps 2 2>"$tmp/sim.err"); rc=$?
  rows=$(grep -c . <<<"$sim")
  check "extracted ferroscope-cli simulate --steps 2 (exit $rc, $rows CSV lines: header + 3 rows)" \
        eval '[ $rc -eq 0 ] && [ "$rows" -eq 4 ] && head -1 <<<"$sim" | grep -q "^time,"'
  [ $rc -eq 0 ] || sed 's/^/  /' "$tmp/sim.err"
fi

gui_bin="$root/usr/bin/ferroscope"
if [ "$gui" = yes ] && [ -x "$gui_bin" ]; then
  # Offscreen, with a throwaway HOME/XDG dirs so nothing is written to the caller's settings.
  mkdir -p "$tmp/home" "$tmp/xdg-runtime" && chmod 700 "$tmp/xdg-runtime"
  run_gui() { (cd "$tmp" && env HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
                XDG_RUNTIME_DIR="$tmp/xdg-runtime" QT_QPA_PLATFORM=offscreen timeout 120 "$gui_bin" "$@"); }
  v=$(run_gui --version 2>/dev/null)
  check "extracted ferroscope --version prints 'Ferroscope $version' (got '$v')" grep -qx "Ferroscope $version" <<<"$v"
  run_gui --headless-out "$tmp/headless" >"$tmp/headless.log" 2>&1; rc=$?
  pngs=$(find "$tmp/headless" -name '*.png' -size +1k 2>/dev/null | wc -l)
  check "extracted ferroscope --headless-out renders (exit $rc, $pngs PNG files)" eval '[ $rc -eq 0 ] && [ "$pngs" -gt 0 ]'
  [ $rc -eq 0 ] || sed 's/^/  /' "$tmp/headless.log"
fi

summary

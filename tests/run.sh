#!/bin/sh
# The whole test suite: configure (or reconfigure) a build directory with
# warnings as errors, build, and run every test.
#
#     tests/run.sh [BUILDDIR [MESON-OPTION...]]      (default: build)
set -e
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" -Dwerror=true "$@" >/dev/null
else
    meson setup "$dir" -Dwerror=true "$@" >/dev/null
fi
ninja -C "$dir" >/dev/null
exec meson test -C "$dir" --print-errorlogs

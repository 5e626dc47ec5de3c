#!/usr/bin/env bash
# tests/wine-run.sh EXE [ARGS...] - runs a Windows binary under wine in the
# project's own prefix (build/wineprefix, made on first use, ~12 s).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
export WINEPREFIX=${WINEPREFIX:-$top/build/wineprefix}
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-winemenubuilder.exe=d}
if [ ! -f "$WINEPREFIX/system.reg" ]; then
	mkdir -p "$WINEPREFIX"
	wineboot -i > /dev/null 2>&1 || true
	wineserver -w
fi
exec wine "$@"

#!/usr/bin/env bash
# tests/mkcase.sh NAME "DESCRIPTION" ARGS... - writes tests/cases/NAME.t with
# the current output of netmin ARGS (run in tests/data) as the expectation.
# Read the result against the input before committing it: a case is only a
# spec when a person has checked it.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
name=$1 desc=$2; shift 2
out=$top/tests/cases/$name.t
cd "$top/tests/data"
set +e
"$top/build/netmin" "$@" > /tmp/mkcase.out 2> /tmp/mkcase.err
rc=$?
set -e
{
	printf '# %s\n' "$desc"
	printf 'args: %s\n' "$*"
	printf 'exit: %d\n' "$rc"
	printf -- '--- stdout\n'
	cat /tmp/mkcase.out
	printf -- '--- stderr\n'
	cat /tmp/mkcase.err
} > "$out"
echo "wrote $out (exit $rc)"

#!/usr/bin/env bash
# tests/integration/kbgen.sh - the knowledge-base generator: the committed
# src/kb_data.c is what tools/kbgen makes of kb/*.kb today, and a malformed
# entry fails with file:line and leaves the output alone.
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top" || exit 1
gen=$tmp/kbgen
if ! cc -std=c17 -D_GNU_SOURCE -Isrc -o "$gen" tools/kbgen.c src/kb.c \
	src/util.c src/plan_model.c src/names.c 2> "$tmp/cc.err"; then
	echo "not ok - kbgen builds natively"; cat "$tmp/cc.err" >&2; exit 0
fi
echo "ok - kbgen builds natively"
# The Makefile's order: sources first, then the rest sorted.
files=(kb/sources.kb)
while IFS= read -r f; do files+=("$f"); done < <(ls kb/*.kb | grep -v '^kb/sources.kb$' | LC_ALL=C sort)
if "$gen" -o "$tmp/kb_data.c" "${files[@]}" 2> "$tmp/gen.err" &&
	cmp -s "$tmp/kb_data.c" src/kb_data.c; then
	echo "ok - src/kb_data.c is up to date with kb/*.kb"
else
	echo "not ok - src/kb_data.c is up to date with kb/*.kb (make regenerates it)"
fi
printf 'entry windows/broken\ntitle Broken\nos windows-2000\nsrc S1\nservice X\nport tcp 99999\n' > "$tmp/broken.kb"
cp src/kb_data.c "$tmp/before.c"
"$gen" -o "$tmp/out.c" kb/sources.kb "$tmp/broken.kb" > "$tmp/o" 2> "$tmp/e"
rc=$?
if [ $rc -eq 1 ] && grep -q "broken.kb:6: bad port '99999'" "$tmp/e" && [ ! -e "$tmp/out.c" ]; then
	echo "ok - a malformed entry fails with file:line and writes nothing"
else
	echo "not ok - a malformed entry fails with file:line and writes nothing (rc $rc)"; cat "$tmp/e" >&2
fi
printf 'entry linux/x\ntitle X\nos linux\nsrc NOSUCH\nprocess x\n' > "$tmp/src.kb"
if ! "$gen" -o "$tmp/out2.c" kb/sources.kb "$tmp/src.kb" 2> "$tmp/e2" &&
	grep -q "src.kb:1: unknown source 'NOSUCH'" "$tmp/e2"; then
	echo "ok - a fact without a known source fails the build"
else
	echo "not ok - a fact without a known source fails the build"
fi

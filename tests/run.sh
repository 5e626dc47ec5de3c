#!/usr/bin/env bash
# tests/run.sh - runs every test suite and ends with "N passed, N failed".
#
#   bash tests/run.sh [SUITE...]     suites: unit cases integration fuzz win
#
# unit         C unit tests (build/asan/unit-tests, ASan + UBSan)
# cases        one-file-per-case golden tests, tests/cases/*.t
# integration  tests/integration/*.sh: real daemons, namespaces, wine, nmap;
#              each prints "ok - NAME" / "not ok - NAME" lines
# fuzz         a short libFuzzer smoke of every target (about 30 s in all)
# win          the unit tests as a Windows binary under wine
#
# NETMIN (default build/asan/netmin) is the binary the cases and scripts run.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
export NETMIN=${NETMIN:-$top/build/asan/netmin}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export NETMIN_TOP=$top
total_pass=0
total_fail=0
failed_names=()

count() {	# count SUITE < output with ok/not ok lines
	local suite=$1 line p=0 f=0
	while IFS= read -r line; do
		case $line in
		"ok - "*) p=$((p + 1)) ;;
		"not ok - "*) f=$((f + 1)); failed_names+=("$suite: ${line#not ok - }") ;;
		esac
		printf '  %s\n' "$line"
	done
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	printf '%s: %d passed, %d failed\n' "$suite" "$p" "$f"
}

suite_unit() {
	if [ ! -x build/asan/unit-tests ]; then
		echo "not ok - unit-tests binary missing (run make asan)"
		return
	fi
	build/asan/unit-tests 2>&1 | grep -E '^(ok|not ok) - |^  '
	[ "${PIPESTATUS[0]}" -le 1 ] || echo "not ok - unit-tests crashed"
}

# A case file: "# comment" lines, "args: ...", optional "exit: N",
# optional "stdin: FILE", then "--- stdout" and "--- stderr" sections.
# Arguments are split on spaces (quote with no spaces inside).  Paths are
# relative to tests/data.
run_case() {
	local t=$1 name args="" want_exit=0 stdin=/dev/null section="" line
	local exp_out exp_err got_out got_err rc has_err=0
	name=$(basename "$t" .t)
	exp_out=$(mktemp) exp_err=$(mktemp) got_out=$(mktemp) got_err=$(mktemp)
	while IFS= read -r line || [ -n "$line" ]; do
		if [ -z "$section" ]; then
			case $line in
			"args: "*) args=${line#args: } ;;
			"exit: "*) want_exit=${line#exit: } ;;
			"stdin: "*) stdin=$top/tests/data/${line#stdin: } ;;
			"--- stdout") section=out ;;
			"--- stderr") section=err; has_err=1 ;;
			esac
			continue
		fi
		case $line in
		"--- stdout") section=out; continue ;;
		"--- stderr") section=err; has_err=1; continue ;;
		esac
		if [ "$section" = out ]; then
			printf '%s\n' "$line" >> "$exp_out"
		else
			printf '%s\n' "$line" >> "$exp_err"
		fi
	done < "$t"
	# shellcheck disable=SC2086
	(cd tests/data && "$NETMIN" $args < "$stdin" > "$got_out" 2> "$got_err")
	rc=$?
	local ok=1
	if [ "$rc" != "$want_exit" ]; then
		echo "    exit $rc, expected $want_exit" >&2; ok=0
	fi
	if ! diff -u "$exp_out" "$got_out" > "$got_out.diff"; then
		sed 's/^/    /' "$got_out.diff" | head -40 >&2; ok=0
	fi
	if [ $has_err = 1 ] && ! diff -u "$exp_err" "$got_err" > "$got_err.diff"; then
		sed 's/^/    /' "$got_err.diff" | head -20 >&2; ok=0
	fi
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$got_err"; then
		sed 's/^/    /' "$got_err" | head -20 >&2; ok=0
	fi
	if [ $ok = 1 ]; then echo "ok - $name"; else echo "not ok - $name"; fi
	rm -f "$exp_out" "$exp_err" "$got_out" "$got_err" "$got_out.diff" "$got_err.diff"
}

suite_cases() {
	local t
	for t in tests/cases/*.t; do
		[ -e "$t" ] || continue
		run_case "$t"
	done
}

suite_integration() {
	local s
	for s in tests/integration/*.sh; do
		[ -e "$s" ] || continue
		timeout 900 bash "$s" 2>&1 || echo "not ok - $(basename "$s") exited $?"
	done
}

suite_fuzz() {
	local f secs n
	n=$(ls build/fuzz/ 2>/dev/null | wc -l)
	if [ "$n" -eq 0 ]; then
		echo "not ok - no fuzz targets built (make fuzz)"
		return
	fi
	# About 30 s in all, at least 2 s per target.
	secs=$(( 30 / n )); [ $secs -lt 2 ] && secs=2
	for f in build/fuzz/*; do
		[ -f "$f" ] || continue
		[ -x "$f" ] || continue
		local b corpus seeds=()
		b=$(basename "$f")
		corpus=build/fuzz-corpus/$b
		mkdir -p "$corpus"
		[ -d "tests/fuzz/seeds/$b" ] && seeds=("tests/fuzz/seeds/$b")
		if "$f" -max_total_time=$secs -timeout=5 -rss_limit_mb=1024 \
			"$corpus" "${seeds[@]}" > build/fuzz.$$.log 2>&1; then
			echo "ok - fuzz $(basename "$f") ${secs}s"
		else
			tail -30 build/fuzz.$$.log | sed 's/^/    /' >&2
			echo "not ok - fuzz $(basename "$f")"
		fi
		rm -f build/fuzz.$$.log
	done
}

suite_win() {
	if [ ! -f build/unit-tests.exe ] || ! command -v wine >/dev/null; then
		echo "not ok - win: build/unit-tests.exe or wine missing"
		return
	fi
	bash tests/wine-run.sh build/unit-tests.exe 2>/dev/null | tr -d '\r' |
		grep -E '^(ok|not ok) - '
}

suites=("$@")
[ ${#suites[@]} -eq 0 ] && suites=(unit cases integration fuzz win)
for s in "${suites[@]}"; do
	echo "== $s"
	count "$s" < <("suite_$s")
done
if [ ${#failed_names[@]} -gt 0 ]; then
	echo "failed:"
	printf '  %s\n' "${failed_names[@]}"
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

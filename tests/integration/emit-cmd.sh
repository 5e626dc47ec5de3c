#!/usr/bin/env bash
# emit-cmd.sh - the .cmd apply and rollback scripts run for real under wine's
# cmd against a wine prefix: services stop and get disabled, registry values
# change (per-adapter NetBT keys, multi-strings, absent values and keys),
# and the rollback restores every key exactly (reg export before == after).
# A second plan fails at step 3: the apply stops there with a message and
# the rollback restores steps 1-2 exactly.
# Wine limits, said plainly: wine has no "sc config", so the scripts fall
# back to the Start value (what sc config writes); Spooler is a real wine
# service that really stops and starts.
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}

# Under load wine's cmd now and then starts without finding the script it
# was given ("Can't recognize 'apply.cmd' as an internal or external
# command"): a launch flake, not a result. The whole run is made once more
# on a fresh prefix then, and says so.
if [ -z "${NETMIN_EMIT_CMD_PASS:-}" ]; then
	out=$(NETMIN_EMIT_CMD_PASS=1 bash "$0" "$@" 2>&1); rc=$?
	if printf '%s\n' "$out" | grep -q '^# wine launch flake'; then
		echo "# emit-cmd: wine's cmd did not find a script (launch flake); run again on a fresh prefix"
		out=$(NETMIN_EMIT_CMD_PASS=2 bash "$0" "$@" 2>&1); rc=$?
	fi
	printf '%s\n' "$out"
	exit $rc
fi
NETMIN=${NETMIN:-$top/build/asan/netmin}
lab=$(mktemp -d /tmp/netmin-emit-cmd.XXXXXX)
export WINEDEBUG=-all WINEDLLOVERRIDES=winemenubuilder.exe=d
export WINEPREFIX=$lab/prefix
cleanup() {
	wineserver -k >/dev/null 2>&1
	grep -qs "Can't recognize '.*' as an internal" "$lab/wine.log" &&
		echo "# wine launch flake"
	[ -n "${KEEP_LAB:-}" ] || rm -rf "$lab"
}
trap cleanup EXIT

ok() { echo "ok - emit-cmd: $*"; }
nok() { echo "not ok - emit-cmd: $*"; }

if [ ! -x "$NETMIN" ] || ! command -v wine >/dev/null; then
	nok "netmin or wine missing"; exit 0
fi
# The project's template prefix (made once by tests/wine-run.sh), copied.
env -u WINEPREFIX bash "$top/tests/wine-run.sh" cmd /c exit 0 >/dev/null 2>&1
cp -a "$top/build/wineprefix" "$WINEPREFIX"

# wine's output without CRs, its exit status kept; stderr too (messages).
w() { wine "$@" 2>&1 | tr -d '\r' | tee -a "$lab/wine.log"; return "${PIPESTATUS[0]}"; }
reg_q() { wine reg query "$@" 2>/dev/null | tr -d '\r'; }

setup_state() {
	local nbt='HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters'
	w reg add "$nbt\\Interfaces\\Tcpip_{11111111-AAAA}" /v NetbiosOptions /t REG_DWORD /d 0 /f
	w reg add "$nbt\\Interfaces\\Tcpip_{22222222-BBBB}" /v NameServerList /t REG_MULTI_SZ /d "" /f
	w reg add "$nbt\\Interfaces\\Tcpip6_{33333333-CCCC}" /v Other /t REG_DWORD /d 7 /f
	w reg add "$nbt" /v NodeType /t REG_DWORD /d 8 /f
	w reg add 'HKLM\SOFTWARE\Microsoft\Rpc' /v "DCOM Protocols" /t REG_MULTI_SZ /d 'ncacn_ip_tcp\0ncacn_spx\0ncacn_nb_nb' /f
	w reg add 'HKLM\SOFTWARE\NetminTest' /v Gone /t REG_SZ /d "bye" /f
	w reg add 'HKLM\SOFTWARE\NetminTest' /v List /t REG_MULTI_SZ /d 'one\0two' /f
	w sc create NetminIdle binPath= 'C:\windows\system32\notepad.exe' start= demand
	w net start Spooler
	w reg add 'HKLM\SYSTEM\CurrentControlSet\Services\Spooler' /v Start /t REG_DWORD /d 2 /f
} >/dev/null

snapshot() {	# every key the plans touch, exported, to $1
	local k i=0
	mkdir -p "$1"
	for k in 'HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters' \
		'HKLM\SOFTWARE\Microsoft\Rpc' 'HKLM\SOFTWARE\NetminTest' \
		'HKLM\SYSTEM\CurrentControlSet\Services\Spooler' \
		'HKLM\SYSTEM\CurrentControlSet\Services\NetminIdle'; do
		i=$((i + 1))
		wine reg export "$k" "$(winepath -w "$1/$i.reg" 2>/dev/null)" /y >/dev/null 2>&1
	done
	reg_q 'HKLM\SYSTEM\CurrentControlSet\Services\Rpc\Linkage' > "$1/linkage.txt" 2>&1
	reg_q 'HKLM\SOFTWARE\Policies\NetminTest' > "$1/policy.txt" 2>&1
	w sc query Spooler | grep STATE > "$1/spooler.txt"
}

setup_state
snapshot "$lab/before"
grep -q RUNNING "$lab/before/spooler.txt" && ok "spooler runs before" || nok "spooler runs before"

"$NETMIN" plan --plan "$top/tests/data/plans/wine-emit.json" --emit cmd \
    -o "$lab/apply.cmd" --rollback "$lab/rollback.cmd" 2>/dev/null ||
	{ nok "emit the scripts"; exit 0; }
out=$(cd "$lab" && w cmd /c apply.cmd); rc=$?
[ $rc = 0 ] && ok "apply exits 0" || { nok "apply exits 0 (rc $rc)"; echo "$out" | sed 's/^/    /' >&2; }
echo "$out" | grep -q 'service NetminAbsent is not installed' && ok "absent service reported" || nok "absent service reported"
echo "$out" | grep -q 'reboot for step(s) 2, 3 to take effect' && ok "reboot note" || nok "reboot note"

chk() {	# chk DESCRIPTION COMMAND... (succeeds when the command does)
	local d=$1; shift
	if "$@"; then ok "$d"; else nok "$d"; fi
}
q() { reg_q "$@" 2>/dev/null; }
chk "spooler stopped" sh -c "wine sc query Spooler 2>/dev/null | grep -q STOPPED"
chk "spooler Start=4" sh -c "wine reg query 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Spooler' /v Start 2>/dev/null | grep -q 0x4"
chk "idle service Start=4" sh -c "wine reg query 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetminIdle' /v Start 2>/dev/null | grep -q 0x4"
nb='HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters'
chk "adapter A NetbiosOptions=2" sh -c "wine reg query '$nb\\Interfaces\\Tcpip_{11111111-AAAA}' /v NetbiosOptions 2>/dev/null | grep -q 0x2"
chk "adapter B NetbiosOptions=2" sh -c "wine reg query '$nb\\Interfaces\\Tcpip_{22222222-BBBB}' /v NetbiosOptions 2>/dev/null | grep -q 0x2"
chk "Tcpip6 key untouched" sh -c "! wine reg query '$nb\\Interfaces\\Tcpip6_{33333333-CCCC}' /v NetbiosOptions >/dev/null 2>&1"
chk "SMBDeviceEnabled=0" sh -c "wine reg query '$nb' /v SMBDeviceEnabled 2>/dev/null | grep -q 0x0"
chk "DCOM Protocols without ncacn_ip_tcp" sh -c "wine reg query 'HKLM\\SOFTWARE\\Microsoft\\Rpc' /v 'DCOM Protocols' 2>/dev/null | tr -d '\r' | grep -q 'REG_MULTI_SZ    ncacn_spx\\\\0ncacn_nb_nb$'"
chk "Rpc Linkage Bind = 0" sh -c "wine reg query 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rpc\\Linkage' /v Bind 2>/dev/null | tr -d '\r' | grep -q 'REG_MULTI_SZ    0$'"
chk "policy value in a new key" sh -c "wine reg query 'HKLM\\SOFTWARE\\Policies\\NetminTest\\DNSClient' /v EnableMulticast 2>/dev/null | grep -q 0x0"
chk "value deleted" sh -c "! wine reg query 'HKLM\\SOFTWARE\\NetminTest' /v Gone >/dev/null 2>&1"
chk "multi-string item added" sh -c "wine reg query 'HKLM\\SOFTWARE\\NetminTest' /v List 2>/dev/null | tr -d '\r' | grep -q 'one\\\\0two\\\\0three$'"

out=$(cd "$lab" && w cmd /c apply.cmd); rc=$?
[ $rc = 1 ] && echo "$out" | grep -q 'holds values saved by an earlier run' &&
	ok "a second apply refuses" || nok "a second apply refuses (rc $rc)"

out=$(cd "$lab" && w cmd /c rollback.cmd); rc=$?
[ $rc = 0 ] && ok "rollback exits 0" || { nok "rollback exits 0 (rc $rc)"; echo "$out" | sed 's/^/    /' >&2; }
snapshot "$lab/after"
for f in "$lab"/before/*; do
	b=$(basename "$f")
	if cmp -s "$f" "$lab/after/$b"; then ok "restored exactly: $b"
	else nok "restored exactly: $b"; diff "$f" "$lab/after/$b" | head -10 | sed 's/^/    /' >&2; fi
done
[ ! -e "$lab/netmin-state" ] && ok "state folder removed" || nok "state folder removed"
out=$(cd "$lab" && w cmd /c rollback.cmd); rc=$?
[ $rc = 0 ] && echo "$out" | grep -q 'nothing to roll back' && ok "second rollback is a no-op" || nok "second rollback is a no-op"

# A plan that fails at step 3: stops there, rollback restores steps 1-2.
/usr/bin/python3 - "$top/tests/data/plans/wine-emit.json" "$lab/fail.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["steps"][2]["actions"].insert(1, {"kind": "command", "commands": ["cmd /c exit 3"], "undo": []})
json.dump(p, open(sys.argv[2], "w"))
PY
"$NETMIN" plan --plan "$lab/fail.json" --emit cmd -o "$lab/apply2.cmd" \
    --rollback "$lab/rollback2.cmd" 2>/dev/null
out=$(cd "$lab" && w cmd /c apply2.cmd); rc=$?
[ $rc = 1 ] && ok "failing plan exits 1" || nok "failing plan exits 1 (rc $rc)"
echo "$out" | grep -q 'step 3 (RPC to loopback, DCOM without TCP) failed; later steps were not run' &&
	ok "failure names the step" || { nok "failure names the step"; echo "$out" | tail -5 | sed 's/^/    /' >&2; }
chk "step 4 not run" sh -c "wine reg query 'HKLM\\SOFTWARE\\NetminTest' /v Gone >/dev/null 2>&1"
chk "step 3 first action ran" sh -c "wine reg query 'HKLM\\SOFTWARE\\Microsoft\\Rpc' /v 'DCOM Protocols' 2>/dev/null | tr -d '\r' | grep -q 'REG_MULTI_SZ    ncacn_spx'"
out=$(cd "$lab" && w cmd /c rollback2.cmd); rc=$?
[ $rc = 0 ] && ok "rollback after failure exits 0" || nok "rollback after failure exits 0 (rc $rc)"
snapshot "$lab/after2"
for f in "$lab"/before/*; do
	b=$(basename "$f")
	if cmp -s "$f" "$lab/after2/$b"; then ok "restored after failure: $b"
	else nok "restored after failure: $b"; diff "$f" "$lab/after2/$b" | head -10 | sed 's/^/    /' >&2; fi
done

#!/usr/bin/env bash
# tests/integration/win-apply.sh - netmin.exe apply and undo under wine, in
# a wine prefix whose wineserver runs inside a network namespace of its own:
# services of our own (build/win/testsvc.exe, installed with CreateServiceW:
# one that owns TCP+UDP 4781 and starts at boot, one that depends on it,
# one that refuses to stop, one named sshd) and wine's Spooler, plus
# registry values of every kind, some under non-ASCII names and keys.
#
# Checked for real: the dry run changes nothing; apply --yes stops and
# disables the services (dependant first), the port closes (ss in the
# namespace, a connect from a second namespace, netmin.exe list), start
# types read back through the API (netmin.exe list --json) and as the Start
# values (reg query), the registry values as reg export shows them, the
# start type survives a wine "reboot" (wineserver restart); undo restores
# every exported key byte for byte and every service's state, the port
# opens again, and a second undo changes nothing.  Also: a failure in the
# middle (a service that refuses to stop) stops the apply with a clear
# message and undo takes the host back exactly; an apply killed after its
# third op is undone exactly; a service that is not installed is refused
# before anything changes; the SSH lockout guard refuses sshd.
#
# What wine cannot show, tested instead with recorded data by the unit
# tests (tests/unit/test_exec_win.c): a Remote Desktop session
# (GetSystemMetrics(SM_REMOTESESSION) is 0 under wine) and a WinRM session
# (no wsmprovhost.exe) for the lockout guard; EnumDependentServicesW and
# QueryServiceConfigW's lpDependencies (wine leaves both empty, so
# dependants come from the services' DependOnService values here); the
# delayed automatic start flag (wine answers ERROR_INVALID_LEVEL).
#
# Prints "ok - ..." / "not ok - ..." lines; cleans up by PID (trap).
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
EXE=$top/build/netmin.exe
SVC=$top/build/win/testsvc.exe
NS=nmt-wa-srv-$$
CL=nmt-wa-cli-$$
V0=nmt-wa0-$$
V1=nmt-wa1-$$
SRV_IP=198.18.11.2
CLI_IP=198.18.11.1
PY=/usr/bin/python3
export WINEDEBUG=-all WINEDLLOVERRIDES=winemenubuilder.exe=d
unset DISPLAY SSH_CONNECTION NETMIN_TEST_KILL_AFTER

work=""
P=""

cleanup() {
	if [ -n "$P" ]; then
		ip netns exec $NS env WINEPREFIX="$P" timeout 20 wineserver -k 2>/dev/null
		ip netns exec $NS env WINEPREFIX="$P" timeout 20 wineserver -w 2>/dev/null
	fi
	ip netns del $NS 2>/dev/null
	ip netns del $CL 2>/dev/null
	ip link del $V0 2>/dev/null
	[ -n "$work" ] && [ -z "${KEEP_LAB:-}" ] && rm -rf "$work"
}
trap cleanup EXIT

ok() { echo "ok - win-apply: $1"; }
notok() {
	echo "not ok - win-apply: $1"
	[ $# -gt 1 ] && printf '%s\n' "$2" | head -40 | sed 's/^/    /' >&2
	return 0
}
check() {	# check NAME COMMAND...: ok when the command succeeds
	local name=$1; shift
	if "$@"; then ok "$name"; else notok "$name"; fi
}

for tool in wine wineserver ip ss $PY; do
	if ! command -v "$tool" >/dev/null; then
		notok "$tool missing (bash tests/setup.sh)"
		exit 0
	fi
done
if [ ! -f "$EXE" ] || [ ! -f "$SVC" ]; then
	notok "build/netmin.exe or build/win/testsvc.exe missing (make win)"
	exit 0
fi
work=$(mktemp -d "$top/build/win-apply.XXXXXX")

# --- a namespace for the wine host, a second one to connect from ---------
ip netns add $NS && ip netns add $CL &&
	ip link add $V0 type veth peer name $V1 &&
	ip link set $V0 netns $NS && ip link set $V1 netns $CL &&
	ip -n $NS link set lo up && ip -n $CL link set lo up &&
	ip -n $NS addr add $SRV_IP/24 dev $V0 &&
	ip -n $CL addr add $CLI_IP/24 dev $V1 &&
	ip -n $NS link set $V0 up && ip -n $CL link set $V1 up
if [ $? -ne 0 ]; then
	notok "namespaces for the wine host" "$NS/$CL"
	exit 0
fi

# --- the prefix: a copy of the project's template (tests/wine-run.sh) ----
env -u WINEPREFIX bash "$top/tests/wine-run.sh" cmd /c exit 0 >/dev/null 2>&1
WINEPREFIX=$top/build/wineprefix timeout 30 wineserver -w 2>/dev/null
if [ ! -f "$top/build/wineprefix/system.reg" ]; then
	notok "wine template prefix (tests/wine-run.sh)"
	exit 0
fi
cp -a "$top/build/wineprefix" "$work/prefix"
P=$work/prefix
mkdir -p "$P/drive_c/netmin"
cp "$EXE" "$SVC" "$P/drive_c/netmin/"
D='C:\netmin'
export NETMIN_STATE_DIR='C:\netmin\state'

w() {	# wine in the namespace; output without CRs, its exit status kept
	ip netns exec $NS env WINEPREFIX="$P" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
		timeout 120 wine "$@" 2>&1 | tr -d '\r'
	return "${PIPESTATUS[0]}"
}
nm() { w "$D\\netmin.exe" "$@"; }
server_up() {	# a wineserver that stays until wineserver -k
	ip netns exec $NS env WINEPREFIX="$P" wineserver -p
	# The session's own processes (services.exe...) keep the first
	# program's stdout open: not a pipe that a test waits on.
	ip netns exec $NS env WINEPREFIX="$P" timeout 120 wine cmd /c exit 0 \
		< /dev/null > /dev/null 2>&1
}
reboot() {	# the whole wine "machine" down and up: auto-start services start
	ip netns exec $NS env WINEPREFIX="$P" timeout 20 wineserver -k 2>/dev/null
	ip netns exec $NS env WINEPREFIX="$P" timeout 20 wineserver -w 2>/dev/null
	server_up
}
listening() {	# listening PORT: TCP and UDP both bound in the namespace
	local s
	s=$(ip netns exec $NS ss -tulnH)
	grep -q "^tcp .*:$1 " <<< "$s" && grep -q "^udp .*:$1 " <<< "$s"
}
closed() {	# closed PORT: neither TCP nor UDP
	! ip netns exec $NS ss -tulnH | grep -q ":$1 "
}
wait_for() {	# wait_for COMMAND...: up to 10 s
	local i
	for i in $(seq 100); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}
refused() {	# a TCP connect from the other namespace is refused
	! ip netns exec $CL timeout 5 bash -c "echo > /dev/tcp/$SRV_IP/$1" 2>/dev/null
}
accepted() {
	ip netns exec $CL timeout 5 bash -c "echo > /dev/tcp/$SRV_IP/$1" 2>/dev/null
}

server_up
for s in "NmWaMain auto 4781" "NmWaDep demand 4782 NmWaMain" \
	"NmWaStub demand 4783 nostop" "sshd demand 4784"; do
	# shellcheck disable=SC2086
	w "$D\\testsvc.exe" --install $s > /dev/null || notok "install $s"
done

# The registry as a host might have it; non-ASCII names come from a
# UTF-16 .reg file (reg import), as regedit writes them.
$PY - "$P/drive_c/netmin/setup.reg" <<'PY'
import sys
text = r'''Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Rpc]
"DCOM Protocols"=hex(7):6e,00,63,00,61,00,63,00,6e,00,5f,00,69,00,70,00,5f,00,74,00,63,00,70,00,00,00,6e,00,63,00,61,00,63,00,6e,00,5f,00,73,00,70,00,78,00,00,00,00,00

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\NetBT\Parameters]
"NodeType"=dword:00000008

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\Interfaces\Tcpip_{6A1F3B52-0C11-4D2E-9A3B-7C0E5D1F2A10}]
"NetbiosOptions"=dword:00000000

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\Interfaces\Tcpip_{0B9E2C44-7F3A-4E1B-8D25-3A6C9F0E7B21}]
"NameServerList"=hex(7):00,00

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\NetBT\Parameters\Interfaces\Tcpip6_{33333333-CCCC-4D2E-9A3B-7C0E5D1F2A10}]
"Other"=dword:00000007

[HKEY_LOCAL_MACHINE\SOFTWARE\NetminWa]
"Keep"="unchanged"
"Gone"=dword:00000007
"List"=hex(7):6f,00,6e,00,65,00,00,00,74,00,77,00,6f,00,00,00,00,00
"Ändern-名前"=dword:00000001
"Big"=hex(b):01,00,00,00,00,00,00,00
"Blob"=hex:de,ad
"Path"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,00,25,00,00,00
'''
open(sys.argv[1], "wb").write(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
PY
w reg import "$D\\setup.reg" > /dev/null || notok "reg import of the setup"
w net start Spooler > /dev/null 2>&1
w sc start NmWaDep > /dev/null	# starts NmWaMain too (a dependency)
w sc start NmWaMain > /dev/null
if wait_for listening 4781 && wait_for listening 4782 &&
	w sc query Spooler | grep -q RUNNING; then
	ok "test services and Spooler running, 4781 and 4782 open"
else
	notok "test services and Spooler running" "$(ip netns exec $NS ss -tulnH; w sc query Spooler)"
fi

KEYS=('HKLM\SOFTWARE\Microsoft\Rpc' 'HKLM\SOFTWARE\NetminWa'
	'HKLM\SYSTEM\CurrentControlSet\Services\NetBT'
	'HKLM\SYSTEM\CurrentControlSet\Services\NmWaMain'
	'HKLM\SYSTEM\CurrentControlSet\Services\NmWaDep'
	'HKLM\SYSTEM\CurrentControlSet\Services\NmWaStub'
	'HKLM\SYSTEM\CurrentControlSet\Services\Spooler')
SVCS="NmWaMain NmWaDep NmWaStub Spooler sshd"
snapshot() {	# every key a plan touches, exported (UTF-16), and the states
	local i=0 k s
	rm -rf "$P/drive_c/netmin/$1"
	mkdir -p "$P/drive_c/netmin/$1"
	for k in "${KEYS[@]}"; do
		i=$((i + 1))
		w reg export "$k" "$D\\$1\\$i.reg" /y > /dev/null ||
			echo "absent" > "$P/drive_c/netmin/$1/$i.reg"
	done
	for s in $SVCS; do
		echo "$s $(w sc query "$s" | awk '$1 == "STATE" { print $4 }')"
	done > "$P/drive_c/netmin/$1/states"
}
same_as() {	# same_as A B: every file equal; differences on stderr
	local f b bad=0
	for f in "$P/drive_c/netmin/$1"/*; do
		b=$(basename "$f")
		if ! cmp -s "$f" "$P/drive_c/netmin/$2/$b"; then
			bad=1
			echo "$b differs:" >&2
			diff <(iconv -f utf-16 -t utf-8 "$f" 2>/dev/null || cat "$f") \
				<(iconv -f utf-16 -t utf-8 "$P/drive_c/netmin/$2/$b" 2>/dev/null ||
				cat "$P/drive_c/netmin/$2/$b") | head -10 >&2
		fi
	done
	return $bad
}
snapshot before
check "before: Spooler, NmWaMain, NmWaDep running" \
	grep -qx "NmWaMain RUNNING" "$P/drive_c/netmin/before/states"

# --- the plan (netmin.plan/1, hand-written for this host) ----------------
cat > "$P/drive_c/netmin/plan.json" <<'JSON'
{ "schema": "netmin.plan/1",
  "host": { "os": "windows-7", "os_reason": "wine test host" },
  "steps": [
    { "id": 1, "phase": "services", "title": "Stop and disable the test service and the spooler",
      "actions": [
        { "kind": "service", "service": "nmwamain", "start": "disabled", "stop": true,
          "target": "NmWaMain", "change": "stopped, disabled" },
        { "kind": "service", "service": "Spooler", "start": "disabled", "stop": true,
          "target": "Spooler", "change": "stopped, disabled" } ] },
    { "id": 2, "phase": "netbios-smb", "title": "NetBIOS over TCP/IP and SMB off", "reboot": true,
      "actions": [
        { "kind": "netbios", "op": "set",
          "key": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces",
          "subkeys": "Tcpip_*", "value": "NetbiosOptions", "type": "REG_DWORD", "data": "2" },
        { "kind": "registry", "op": "set",
          "key": "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters",
          "value": "SMBDeviceEnabled", "type": "REG_DWORD", "data": "0", "reboot": true } ] },
    { "id": 3, "phase": "rpc-dcom", "title": "DCOM without TCP", "reboot": true,
      "actions": [
        { "kind": "registry", "op": "multi-remove", "key": "HKLM\\SOFTWARE\\Microsoft\\Rpc",
          "value": "DCOM Protocols", "type": "REG_MULTI_SZ", "data": "ncacn_ip_tcp" } ] },
    { "id": 4, "phase": "residue", "title": "Registry values of every kind",
      "actions": [
        { "kind": "registry", "op": "delete", "key": "HKLM\\SOFTWARE\\NetminWa", "value": "Gone" },
        { "kind": "registry", "op": "multi-add", "key": "HKLM\\SOFTWARE\\NetminWa",
          "value": "List", "type": "REG_MULTI_SZ", "data": "three" },
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa",
          "value": "Ändern-名前", "type": "REG_DWORD", "data": "0" },
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa",
          "value": "Big", "type": "REG_QWORD", "data": "0x1122334455667788" },
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa",
          "value": "Blob", "type": "REG_BINARY", "data": "00ff10" },
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa",
          "value": "Path", "type": "REG_EXPAND_SZ", "data": "%SystemRoot%\\netmin" },
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa\\Neu-Schlüssel\\Tief",
          "value": "Wert-ünïcödé-日本", "type": "REG_SZ", "data": "Grüße 𝄞" },
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa\\Neu-Schlüssel\\Tief",
          "value": "", "type": "REG_MULTI_SZ", "data": "eins\nzwei" } ] } ] }
JSON

# --- dry run: shows, changes nothing -----------------------------------
out=$(nm apply "$D\\plan.json"); rc=$?
snapshot dry
if [ $rc = 1 ] && grep -q '^netmin apply: dry run of .* (19 operations, manager windows); nothing changes without --yes$' <<< "$out" &&
	grep -qx '19 changes pending; run again with --yes to make them' <<< "$out" &&
	same_as before dry && [ ! -e "$P/drive_c/netmin/state/journal" ]; then
	ok "dry run: 19 operations shown, exit 1, nothing changed, no journal"
else
	notok "dry run: 19 operations shown, exit 1, nothing changed" "rc=$rc $out"
fi
# The order a person reviews: dependant, service, start type.
want='  [1] stop service NmWaDep (running -> stopped; it depends on NmWaMain)
  [2] stop service NmWaMain (running -> stopped)
  [3] set start type of NmWaMain (auto -> disabled)
  [4] stop service Spooler (running -> stopped)
  [5] set start type of Spooler (demand -> disabled)'
if [ "$(grep '^  \[[1-5]\]' <<< "$out")" = "$want" ]; then
	ok "dry run: the dependant stops first, then the service, then its start type"
else
	notok "dry run: the dependant stops first" "$(grep '^  \[' <<< "$out")"
fi
if grep -qF '  [18] set HKLM\SOFTWARE\NetminWa\Neu-Schlüssel\Tief\Wert-ünïcödé-日本 = "Grüße 𝄞" REG_SZ (was absent, key absent)' <<< "$out" &&
	grep -qF '  [16] create registry key HKLM\SOFTWARE\NetminWa\Neu-Schlüssel' <<< "$out" &&
	grep -qF '  [17] create registry key HKLM\SOFTWARE\NetminWa\Neu-Schlüssel\Tief' <<< "$out"; then
	ok "dry run: non-ASCII names shown as UTF-8, missing keys created level by level"
else
	notok "dry run: non-ASCII names shown, missing keys created" "$(grep -n 'Neu' <<< "$out")"
fi

# --- apply --yes ----------------------------------------------------------
out=$(nm apply "$D\\plan.json" --yes --journal "$D\\apply.journal"); rc=$?
J=$P/drive_c/netmin/apply.journal
if [ $rc = 0 ] && grep -q "^\[19/19\] .*: done$" <<< "$out" &&
	grep -qx "netmin apply: reboot for steps 2, 3 to take effect" <<< "$out"; then
	ok "apply --yes: 19 operations done, reboot named for steps 2 and 3"
else
	notok "apply --yes: 19 operations done" "rc=$rc $out"
fi
if wait_for closed 4781 && wait_for closed 4782 && refused 4781 && refused 4782; then
	ok "ports 4781 and 4782 closed (ss in the namespace; connect from the other namespace refused)"
else
	notok "ports 4781 and 4782 closed" "$(ip netns exec $NS ss -tulnH)"
fi
nm list --csv > "$work/list-after.csv" 2>/dev/null
if ! awk -F, 'NR > 1 && ($5 == 4781 || $5 == 4782) { f = 1 } END { exit !f }' "$work/list-after.csv"; then
	ok "netmin.exe list no longer shows 4781 or 4782"
else
	notok "netmin.exe list no longer shows 4781 or 4782" "$(cat "$work/list-after.csv")"
fi
# Start types and states through the API (QueryServiceConfigW and
# EnumServicesStatusExW, as netmin.exe list --json reports them).
svc_api() {
	ip netns exec $NS env WINEPREFIX="$P" timeout 120 wine "$D\\netmin.exe" \
		list --json 2>/dev/null | $PY -c '
import json, sys
d = json.load(sys.stdin)
want = sys.argv[1].split()
for s in sorted(d["host"]["services"], key=lambda s: s["name"].lower()):
    if s["name"] in want:
        print(s["name"], s["start"], s["state"])' "$SVCS"
}
got=$(svc_api)
want='NmWaDep demand stopped
NmWaMain disabled stopped
NmWaStub demand stopped
Spooler disabled stopped
sshd demand stopped'
if [ "$got" = "$want" ]; then
	ok "start types and states through the API: NmWaMain, Spooler disabled and stopped; NmWaDep stopped, still demand"
else
	notok "start types and states through the API" "$got"
fi
start_vals() {
	local s
	for s in NmWaMain NmWaDep Spooler; do
		echo "$s $(w reg query "HKLM\\SYSTEM\\CurrentControlSet\\Services\\$s" /v Start | awk '$1 == "Start" { print $3 }')"
	done
}
if [ "$(start_vals)" = "NmWaMain 0x4
NmWaDep 0x3
Spooler 0x4" ]; then
	ok "reg query: Start values 4, 3, 4"
else
	notok "reg query: Start values" "$(start_vals)"
fi
regq() { w reg query "$1" /v "$2" | awk -v n="$2" 'index($0, "    " n "    ") == 1 { sub(/^ +/, ""); print substr($0, length(n) + 5) }'; }
NB='HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters'
got="$(regq "$NB\\Interfaces\\Tcpip_{6A1F3B52-0C11-4D2E-9A3B-7C0E5D1F2A10}" NetbiosOptions)|$(regq "$NB\\Interfaces\\Tcpip_{0B9E2C44-7F3A-4E1B-8D25-3A6C9F0E7B21}" NetbiosOptions)|$(regq "$NB\\Interfaces\\Tcpip6_{33333333-CCCC-4D2E-9A3B-7C0E5D1F2A10}" NetbiosOptions)|$(regq "$NB" SMBDeviceEnabled)|$(regq 'HKLM\SOFTWARE\Microsoft\Rpc' 'DCOM Protocols')"
if [ "$got" = 'REG_DWORD    0x2|REG_DWORD    0x2||REG_DWORD    0x0|REG_MULTI_SZ    ncacn_spx' ]; then
	ok "reg query: NetbiosOptions 2 on both Tcpip_ adapters (Tcpip6_ untouched), SMBDeviceEnabled 0, DCOM Protocols without ncacn_ip_tcp"
else
	notok "reg query: NetBT and DCOM values" "$got"
fi
# Non-ASCII names: what reg export wrote (UTF-16), decoded.
w reg export 'HKLM\SOFTWARE\NetminWa' "$D\\after.reg" /y > /dev/null
got=$(iconv -f utf-16 -t utf-8 "$P/drive_c/netmin/after.reg" | tr -d '\r' | grep -v '^Windows Registry' | grep .)
want='[HKEY_LOCAL_MACHINE\SOFTWARE\NetminWa]
"Big"=hex(b):88,77,66,55,44,33,22,11
"Blob"=hex:00,ff,10
"Keep"="unchanged"
"List"=hex(7):6f,00,6e,00,65,00,00,00,74,00,77,00,6f,00,00,00,74,00,68,00,72,\
  00,65,00,65,00,00,00,00,00
"Path"=hex(2):25,00,53,00,79,00,73,00,74,00,65,00,6d,00,52,00,6f,00,6f,00,74,\
  00,25,00,5c,00,6e,00,65,00,74,00,6d,00,69,00,6e,00,00,00
"Ändern-名前"=dword:00000000
[HKEY_LOCAL_MACHINE\SOFTWARE\NetminWa\Neu-Schlüssel]
[HKEY_LOCAL_MACHINE\SOFTWARE\NetminWa\Neu-Schlüssel\Tief]
@=hex(7):65,00,69,00,6e,00,73,00,00,00,7a,00,77,00,65,00,69,00,00,00,00,00
"Wert-ünïcödé-日本"="Grüße 𝄞"'
if [ "$got" = "$want" ]; then
	ok "reg export: every value as planned (QWORD, BINARY, EXPAND_SZ, MULTI_SZ add, delete, non-ASCII names and a new key chain)"
else
	notok "reg export: every value as planned" "$(diff <(echo "$want") <(echo "$got"))"
fi
# The journal: each op's prior state recorded before it ran.
got=$($PY - "$J" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ops = {r["i"]: r for r in recs if r["t"] == "op"}
done = [r["i"] for r in recs if r["t"] == "done"]
pos = {(r["t"], r.get("i")): n for n, r in enumerate(recs)}
# every op of an action is on disk before the first of them runs
groups = {}
for i, o in ops.items():
    groups.setdefault(o["group"], []).append(i)
ok_order = all(max(pos[("op", i)] for i in g) < min(pos[("done", i)] for i in g)
               for g in groups.values()) and len(groups) == 13
print(len(ops), len(done), ok_order, recs[-1]["t"], recs[-1].get("result"))
print(ops[3]["kind"], ops[3]["prior_start"], ops[3]["start"])
print(ops[1]["kind"], ops[1]["service"], ops[1]["of"], ops[1]["prior_state"])
v = [o for o in ops.values() if o.get("value") == "Wert-ünïcödé-日本"][0]
print(v["kind"], v["prior_exists"], v["prior_key_exists"], v["type"])
g = [o for o in ops.values() if o.get("value") == "Gone"][0]
print(g["kind"], g["prior_type"], g["prior_data"])
PY
)
want='19 19 True end complete
service-start-type auto disabled
service-stop NmWaDep NmWaMain running
registry-set False False REG_SZ
registry-delete REG_DWORD BwAAAA=='
if [ "$got" = "$want" ]; then
	ok "journal: op record before each done, prior start type, state, value bytes and absence"
else
	notok "journal: op records with prior state" "$(diff <(echo "$want") <(echo "$got"))"
fi
out=$(nm undo --status "$D\\apply.journal")
if grep -qx "apply: complete, 19 of 19 operations recorded" <<< "$out" &&
	grep -qx "unfinished: no" <<< "$out"; then
	ok "undo --status: apply complete, 19 operations"
else
	notok "undo --status: apply complete" "$out"
fi

# A "reboot": NmWaMain no longer starts at boot.
reboot
sleep 1
if closed 4781 && [ "$(svc_api | grep NmWaMain)" = "NmWaMain disabled stopped" ]; then
	ok "after a wine restart NmWaMain stays down: disabled survives a reboot"
else
	notok "after a wine restart NmWaMain stays down" "$(ip netns exec $NS ss -tulnH; svc_api)"
fi

# --- undo ---------------------------------------------------------------
# After the restart Spooler and NmWaDep are stopped anyway; undo must
# still bring back what the journal recorded: running.
out=$(nm undo "$D\\apply.journal"); rc=$?
snapshot undone
if [ $rc = 0 ] && grep -qx "netmin undo: restored 19 operations (0 already as before)" <<< "$out"; then
	ok "undo: 19 operations restored"
else
	notok "undo: 19 operations restored" "rc=$rc $out"
fi
if same_as before undone 2> "$work/undo.diff"; then
	ok "undo: ${#KEYS[@]} keys byte for byte as before (reg export), every service state as before"
else
	notok "undo: keys byte for byte as before" "$(cat "$work/undo.diff")"
fi
if [ "$(start_vals)" = "NmWaMain 0x2
NmWaDep 0x3
Spooler 0x3" ] && [ "$(svc_api)" = 'NmWaDep demand running
NmWaMain auto running
NmWaStub demand stopped
Spooler demand running
sshd demand stopped' ]; then
	ok "undo: start types back through the API and in reg query (auto, demand, demand)"
else
	notok "undo: start types back" "$(start_vals; svc_api)"
fi
if wait_for listening 4781 && wait_for listening 4782 && accepted 4781; then
	ok "undo: 4781 and 4782 open again, reachable from the other namespace"
else
	notok "undo: 4781 and 4782 open again" "$(ip netns exec $NS ss -tulnH)"
fi
out=$(nm undo "$D\\apply.journal"); rc=$?
snapshot undone2
if [ $rc = 0 ] && grep -qx "netmin undo: nothing to restore: the host is as the journal found it (19 operations checked)" <<< "$out" &&
	same_as before undone2 2>/dev/null; then
	ok "undo again: nothing to restore, nothing changed"
else
	notok "undo again: nothing to restore" "rc=$rc $out"
fi
reboot
if wait_for listening 4781; then
	ok "after undo and a wine restart NmWaMain starts at boot again"
else
	notok "after undo and a wine restart NmWaMain starts at boot again" "$(svc_api)"
fi

# --- a failure in the middle --------------------------------------------
w sc start NmWaStub > /dev/null
w sc start NmWaDep > /dev/null
w net start Spooler > /dev/null 2>&1
wait_for listening 4783
snapshot before2
cat > "$P/drive_c/netmin/fail.json" <<'JSON'
{ "schema": "netmin.plan/1", "host": { "os": "windows-7" },
  "steps": [
    { "id": 1, "phase": "services", "title": "First a value, then a service that will not stop",
      "actions": [
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa\\Fail",
          "value": "First", "type": "REG_DWORD", "data": "1" },
        { "kind": "service", "service": "Spooler", "stop": true },
        { "kind": "service", "service": "NmWaStub", "start": "disabled", "stop": true },
        { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa",
          "value": "Never", "type": "REG_DWORD", "data": "1" } ] } ] }
JSON
out=$(nm apply "$D\\fail.json" --yes --journal "$D\\fail.journal"); rc=$?
if [ $rc = 3 ] &&
	grep -q "^netmin: \[4/6\] stop service NmWaStub (running -> stopped): failed: service NmWaStub does not accept a stop request now: " <<< "$out" &&
	grep -qxF "netmin: the host is between states; 'netmin undo $D\\fail.journal' puts back what was done" <<< "$out"; then
	ok "failure: apply stops at the service that refuses, exit 3, says which op and how to undo"
else
	notok "failure: apply stops with a clear message" "rc=$rc $out"
fi
if [ "$(regq 'HKLM\SOFTWARE\NetminWa\Fail' First)" = "REG_DWORD    0x1" ] &&
	[ -z "$(regq 'HKLM\SOFTWARE\NetminWa' Never)" ] &&
	w sc query Spooler | grep -q STOPPED && listening 4783 &&
	[ "$(svc_api | grep NmWaStub)" = "NmWaStub demand running" ]; then
	ok "failure: what came before ran, nothing after it; NmWaStub still running and demand"
else
	notok "failure: what came before ran, nothing after" "$(svc_api)"
fi
out=$(nm undo --status "$D\\fail.journal")
if grep -qx "apply: failed, 5 of 6 operations recorded" <<< "$out" &&
	grep -q "^      error: service NmWaStub does not accept a stop request now" <<< "$out" &&
	grep -qx "  5 not run     set start type of NmWaStub (demand -> disabled)" <<< "$out" &&
	grep -qx "unfinished: yes" <<< "$out"; then
	ok "failure: undo --status says failed at op 4, op 5 recorded but not run, unfinished"
else
	notok "failure: undo --status" "$out"
fi
out=$(nm apply "$D\\plan.json" --yes --journal "$D\\other.journal"); rc=$?
if [ $rc = 2 ] && grep -q "^netmin: an earlier apply or undo did not finish: .*fail.journal (apply failed at op 4 of 6); run 'netmin undo " <<< "$out" &&
	[ ! -e "$P/drive_c/netmin/other.journal" ]; then
	ok "failure: a new apply refuses while that journal is unfinished"
else
	notok "failure: a new apply refuses while unfinished" "rc=$rc $out"
fi
out=$(nm undo "$D\\fail.journal"); rc=$?
snapshot after2
if [ $rc = 0 ] && same_as before2 after2 2> "$work/fail.diff"; then
	ok "failure: undo restores every key and service state exactly"
else
	notok "failure: undo restores exactly" "rc=$rc $out $(cat "$work/fail.diff")"
fi
out=$(nm undo --list); rc=$?
if [ $rc = 0 ] && grep -q "^no unfinished journals in " <<< "$out"; then
	ok "failure: no unfinished journal left"
else
	notok "failure: no unfinished journal left" "rc=$rc $out"
fi

# --- killed after its third op ------------------------------------------
out=$(NETMIN_TEST_KILL_AFTER=3 nm apply "$D\\plan.json" --yes --journal "$D\\killed.journal"); rc=$?
st=$(nm undo --status "$D\\killed.journal")
if [ $rc = 137 ] && grep -qx "apply: interrupted, 3 of 19 operations recorded" <<< "$st"; then
	ok "killed after op 3: the journal holds 3 ops, apply interrupted"
else
	notok "killed after op 3" "rc=$rc $out $st"
fi
out=$(nm undo "$D\\killed.journal"); rc=$?
snapshot after3
if [ $rc = 0 ] && same_as before2 after3 2> "$work/kill.diff"; then
	ok "killed after op 3: undo restores exactly"
else
	notok "killed after op 3: undo restores exactly" "rc=$rc $out $(cat "$work/kill.diff")"
fi

# --- bad input: nothing changes -------------------------------------------
cat > "$P/drive_c/netmin/absent.json" <<'JSON'
{ "schema": "netmin.plan/1", "host": { "os": "windows-7" },
  "steps": [ { "id": 1, "phase": "services", "title": "x",
    "actions": [
      { "kind": "registry", "op": "set", "key": "HKLM\\SOFTWARE\\NetminWa",
        "value": "Never", "type": "REG_DWORD", "data": "1" },
      { "kind": "service", "service": "NmWaAbsent", "start": "disabled", "stop": true } ] } ] }
JSON
out=$(nm apply "$D\\absent.json" --yes --journal "$D\\absent.journal"); rc=$?
snapshot after4
if [ $rc = 2 ] && [ "$out" = "netmin: $D\\absent.json:6:39: service \"NmWaAbsent\" is not installed here" ] &&
	[ ! -e "$P/drive_c/netmin/absent.journal" ] && same_as before2 after4 2>/dev/null; then
	ok "a service that is not installed: file:line:col, exit 2, nothing changed, no journal"
else
	notok "a service that is not installed: refused before anything changes" "rc=$rc $out"
fi
printf '{ "schema": "netmin.plan/1", "steps": [ { "actions": [ { "kind": "registry", "op": "set", "key": "HKLM\\\\X", "value": "v", "type": "REG_DWORD", "data": "12x" } ] } ] }' > "$P/drive_c/netmin/bad.json"
out=$(nm apply "$D\\bad.json"); rc=$?
if [ $rc = 2 ] && [ "$out" = "netmin: $D\\bad.json:1:152: HKLM\\X\\v: \"12x\" is not a REG_DWORD number (decimal or 0x-hex)" ]; then
	ok "bad registry data: file:line:col and why, exit 2"
else
	notok "bad registry data: file:line:col" "rc=$rc $out"
fi

# --- the lockout guard: sshd over SSH -------------------------------------
cat > "$P/drive_c/netmin/sshd.json" <<'JSON'
{ "schema": "netmin.plan/1", "host": { "os": "windows-7" },
  "steps": [ { "id": 1, "phase": "services", "title": "OpenSSH off",
    "actions": [ { "kind": "service", "service": "sshd", "start": "disabled", "stop": true } ] } ] }
JSON
out=$(SSH_CONNECTION="$CLI_IP 50022 $SRV_IP 22" nm apply "$D\\sshd.json" --yes --journal "$D\\sshd.journal"); rc=$?
if [ $rc = 2 ] && [ "$out" = "netmin: refusing to stop service sshd: this session came in over SSH (SSH_CONNECTION=$CLI_IP 50022 $SRV_IP 22); name it with --allow sshd if you mean it" ] &&
	[ ! -e "$P/drive_c/netmin/sshd.journal" ]; then
	ok "guard: over SSH, sshd is refused (exit 2, no journal)"
else
	notok "guard: over SSH, sshd is refused" "rc=$rc $out"
fi
out=$(SSH_CONNECTION="$CLI_IP 50022 $SRV_IP 22" nm apply "$D\\sshd.json" --allow SSHD); rc=$?
out2=$(nm apply "$D\\sshd.json"); rc2=$?
if [ $rc = 1 ] && [ $rc2 = 1 ] && grep -q "set start type of sshd (demand -> disabled)" <<< "$out"; then
	ok "guard: --allow sshd (any case) lets it through; without SSH there is nothing to guard"
else
	notok "guard: --allow sshd lets it through" "rc=$rc $out / rc2=$rc2 $out2"
fi

# --- a Linux plan is refused ----------------------------------------------
cp "$top/tests/data/plans/debian-apache.json" "$P/drive_c/netmin/linux.json"
out=$(nm apply "$D\\linux.json"); rc=$?
if [ $rc = 2 ] && grep -q "^netmin: .*linux.json: the plan is for .*; netmin.exe applies Windows plans$" <<< "$out"; then
	ok "a Linux plan is refused with a message"
else
	notok "a Linux plan is refused" "rc=$rc $out"
fi
exit 0

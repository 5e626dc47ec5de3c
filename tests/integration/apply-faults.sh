#!/usr/bin/env bash
# apply-faults.sh - crash safety of apply and undo on real daemons under
# real service managers (the lab of tests/lab/lab.sh: a systemd user
# manager with rpcbind and avahi behind their socket units, cupsd, sshd,
# chronyd; runit with smbd, nmbd, exim4).  One lab serves every case:
#
#  - the dry run (the default without --yes): its exact output, and that
#    it changes nothing;
#  - apply killed with SIGKILL after each operation in turn
#    (NETMIN_TEST_KILL_AFTER=N, a test hook), and killed in the middle of
#    writing each journal record (NETMIN_TEST_TEAR_RECORD=N: half the line
#    written and synced, then SIGKILL); each time a new apply must refuse
#    to start, and undo must bring the host back exactly: ports (ss),
#    files (bytes, modes, owners, link targets), enablement, running state;
#  - --force applies over an unfinished journal; undoing both, newest
#    first, restores the host;
#  - undo killed after each of its operations, then run again
#    (NETMIN_TEST_KILL_UNDO_AFTER=N), and once more (nothing to do);
#  - an operation that fails half-way through an action (systemctl
#    refuses to mask a unit the admin has a real file for; sshd rejects
#    its new configuration on restart): a clear error, an exact journal
#    status, and undo restores everything from that journal.
#
# The plans are hand-written netmin.plan/1 documents using the plan
# model's "unit" and "config" kinds as doc/json.md defines them.
# Not compared (volatile, written by the daemons themselves while they
# run): runit's supervise/ folders (runsv's pid and status files) and
# cupsd's subscriptions.conf(.O), rewritten on every cupsd stop.
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
NETMIN=${NETMIN:-$top/build/asan/netmin}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
LAB_PFX=nmt-af LAB_NET=198.18.12
source "$top/tests/lab/lab.sh"
trap lab_down EXIT
t0=$SECONDS

ok() { if [ "$1" = 0 ]; then echo "ok - $2"; else echo "not ok - $2"; fi; }
check() {	# check NAME COMMAND...: ok when the command succeeds
	local name=$1; shift
	if "$@"; then echo "ok - $name"; else echo "not ok - $name"; fi
}
same() {	# same NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then echo "ok - $1"; else
		echo "not ok - $1"; diff <(echo "$2") <(echo "$3") | sed 's/^/    /' >&2; fi
}
nm() { lab_in "$NETMIN" "$@"; }

SD_UNITS="rpcbind.socket rpcbind.service avahi-daemon.socket avahi-daemon.service cups.socket cups.service ssh.service chrony.service"
RUNIT_SVC="smbd nmbd exim4"

# What must come back exactly: every file apply may touch or that a
# daemon derives from them (bytes, mode, owner, link target), each
# systemd unit's enablement, state and whether the manager has read its
# files, and each runit service's state.  One nsenter for all of it.
lab_state() {
	lab_in sh -c '
	cd / || exit 1
	D="etc/netmin-lab etc/ssh etc/cups etc/chrony etc/avahi etc/exim4 var/lib/netmin-lab/systemd var/lib/exim4"
	find $D \( -name supervise -o -path etc/cups/subscriptions.conf -o -path etc/cups/subscriptions.conf.O \) -prune \
		-o -printf "%p %y %m %U:%G %l\n" | sort
	find $D \( -name supervise -o -path etc/cups/subscriptions.conf -o -path etc/cups/subscriptions.conf.O \) -prune \
		-o -type f -exec sha256sum {} + | sort -k2
	systemctl --user show -p Id -p UnitFileState -p ActiveState -p SubState -p NeedDaemonReload '"$SD_UNITS"' |
		paste -s -d" " | sed "s/  */ /g; s/ Id=/\nId=/g"
	for s in '"$RUNIT_SVC"'; do sv status /etc/netmin-lab/service/$s | sed "s/: (pid [0-9]*) [0-9]*s//; s/: [0-9]*s//; s/; run.*//"; done'
}

wait_ports() {	# wait_ports EXPECTED: up to 10 s for the set to settle
	local i got
	for i in $(seq 1 100); do
		got=$(lab_ports)
		[ "$got" = "$1" ] && break
		sleep 0.1
	done
	echo "$got"
}

lab_up $$ || { echo "not ok - lab: systemd --user manager did not start"; exit 0; }

# --- the systemd user manager's daemons --------------------------------
lab_unit rpcbind.socket rpcbind.service cups.socket cups.service ssh.service \
	avahi-daemon.socket avahi-daemon.service
cat > "$LAB/chrony.service" <<'U'
[Unit]
Description=chrony in the lab (-x: never touches the clock)
[Service]
ExecStart=/usr/sbin/chronyd -n -x -u root
[Install]
WantedBy=default.target
U
lab_in sh -c "cp $LAB/chrony.service /var/lib/netmin-lab/systemd/user/ &&
	echo 'allow $LAB_NET.0/24' > /etc/chrony/conf.d/lab.conf &&
	sed -i 's/^Listen localhost:631/Port 631/' /etc/cups/cupsd.conf &&
	sed -i 's/^#*enable-dbus=.*/enable-dbus=no/' /etc/avahi/avahi-daemon.conf"
lab_in systemctl --user daemon-reload
lab_in systemctl --user enable --now $SD_UNITS > /dev/null 2>&1

# --- runit's daemons ---------------------------------------------------
lab_in sh -c "sed -i \"s/^dc_local_interfaces=.*/dc_local_interfaces=''/\" /etc/exim4/update-exim4.conf.conf"
lab_runit smbd 'exec /usr/sbin/smbd --foreground'
lab_runit nmbd 'exec /usr/sbin/nmbd --foreground'
lab_runit exim4 '/usr/sbin/update-exim4.conf && exec /usr/sbin/exim4 -bdf -q30m'
lab_runsvdir

PORTS_BEFORE="tcp 0.0.0.0:111
tcp 0.0.0.0:139
tcp 0.0.0.0:22
tcp 0.0.0.0:25
tcp 0.0.0.0:445
tcp 0.0.0.0:631
tcp [::]:111
tcp [::]:139
tcp [::]:22
tcp [::]:25
tcp [::]:445
tcp [::]:631
udp 0.0.0.0:111
udp 0.0.0.0:123
udp 0.0.0.0:137
udp 0.0.0.0:138
udp 0.0.0.0:5353
udp 127.0.0.1:323
udp $LAB_NET.1:137
udp $LAB_NET.1:138
udp $LAB_NET.255:137
udp $LAB_NET.255:138
udp [::1]:323
udp [::]:111
udp [::]:5353"
same "lab: real daemons listen (rpcbind via its socket unit, avahi, cupsd, sshd, chronyd, smbd, nmbd, exim4)" \
	"$PORTS_BEFORE" "$(wait_ports "$PORTS_BEFORE")"
STATE_BEFORE=$(lab_state)
same "lab: every unit enabled and running, every runit service up" "Id=rpcbind.socket ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
Id=rpcbind.service ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
Id=avahi-daemon.socket ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
Id=avahi-daemon.service ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
Id=cups.socket ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
Id=cups.service ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
Id=ssh.service ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
Id=chrony.service ActiveState=active SubState=running UnitFileState=enabled NeedDaemonReload=no
run: /etc/netmin-lab/service/smbd
run: /etc/netmin-lab/service/nmbd
run: /etc/netmin-lab/service/exim4" "$(tail -11 <<< "$STATE_BEFORE")"

cat > "$LAB/plan-sd.json" <<'J'
{ "schema": "netmin.plan/1", "host": { "os": "linux" },
  "steps": [
    { "id": 1, "phase": "services", "title": "rpcbind: not used (no NFS)",
      "actions": [ { "kind": "unit", "mode": "disable", "target": "rpcbind.socket",
        "op": "disable", "units": ["rpcbind.socket", "rpcbind.service"] } ] },
    { "id": 2, "phase": "services", "title": "avahi: no mDNS on a server",
      "actions": [ { "kind": "unit", "mode": "disable", "target": "avahi-daemon.service",
        "op": "mask", "units": ["avahi-daemon.service", "avahi-daemon.socket"] } ] },
    { "id": 3, "phase": "residue", "title": "cupsd: local printing only",
      "actions": [ { "kind": "config", "mode": "narrow", "target": "/etc/cups/cupsd.conf",
        "format": "line", "path": "/etc/cups/cupsd.conf", "match": "Port ",
        "settings": ["Listen localhost:631"], "reload": "cups.service" } ] },
    { "id": 4, "phase": "residue", "title": "sshd: loopback only (reached through a tunnel)",
      "actions": [ { "kind": "config", "mode": "narrow",
        "target": "/etc/ssh/sshd_config.d/50-netmin-loopback.conf", "format": "dropin",
        "path": "/etc/ssh/sshd_config.d/50-netmin-loopback.conf", "sep": " ",
        "settings": ["ListenAddress=127.0.0.1", "ListenAddress=::1"], "reload": "ssh.service" } ] },
    { "id": 5, "phase": "residue", "title": "chronyd: client only",
      "actions": [ { "kind": "config", "mode": "narrow",
        "target": "/etc/chrony/conf.d/zz-netmin.conf", "format": "dropin",
        "path": "/etc/chrony/conf.d/zz-netmin.conf", "sep": " ",
        "settings": ["port=0", "cmdport=0"], "reload": "chrony.service" } ] } ] }
J
cat > "$LAB/plan-runit.json" <<'J'
{ "schema": "netmin.plan/1", "host": { "os": "linux" },
  "steps": [
    { "id": 1, "phase": "netbios-smb", "title": "Samba: no file sharing here",
      "actions": [
        { "kind": "unit", "mode": "disable", "target": "smbd.service", "op": "disable",
          "units": ["smbd.service"], "alternatives": [ { "manager": "runit", "name": "smbd" } ] },
        { "kind": "unit", "mode": "disable", "target": "nmbd.service", "op": "mask",
          "units": ["nmbd.service"], "alternatives": [ { "manager": "runit", "name": "nmbd" } ] } ] },
    { "id": 2, "phase": "residue", "title": "exim4: local mail only",
      "actions": [ { "kind": "config", "mode": "narrow",
        "target": "/etc/exim4/update-exim4.conf.conf", "format": "keyvalue",
        "path": "/etc/exim4/update-exim4.conf.conf", "sep": "=",
        "settings": ["dc_local_interfaces='127.0.0.1 ; ::1'"], "reload": "exim4.service" } ] } ] }
J
SD=(--manager systemd-user) RU=(--manager runit)
NSD=14 NRU=6
JD=/var/lib/netmin-lab

# --- the dry run: exactly what would change, nothing changed ------------
out=$(nm apply "$LAB/plan-sd.json" "${SD[@]}" 2>&1); rc=$?
check "dry run (systemd --user): exit 1, changes pending" [ $rc = 1 ]
same "dry run (systemd --user): every operation with the state it finds and leaves, file edits as diffs" \
"netmin apply: dry run of PLAN (14 operations, manager systemd-user); nothing changes without --yes
  [1] stop rpcbind.socket (active -> inactive)
  [2] stop rpcbind.service (active -> inactive)
  [3] disable rpcbind.socket (enabled -> disabled, 1 link recorded)
  [4] disable rpcbind.service (enabled -> disabled, 1 link recorded)
  [5] stop avahi-daemon.socket (active -> inactive)
  [6] stop avahi-daemon.service (active -> inactive)
  [7] mask avahi-daemon.service (enabled -> masked, 1 link recorded)
  [8] mask avahi-daemon.socket (enabled -> masked, 1 link recorded)
  [9] edit /etc/cups/cupsd.conf (6646 -> 6677 bytes, 197 -> 198 lines, mode 0644, backup in the journal)
        - Port 631
        + # netmin: Port 631
        + Listen localhost:631
  [10] restart cups.service if it runs (to read its new configuration)
  [11] create /etc/ssh/sshd_config.d/50-netmin-loopback.conf (142 bytes, 3 lines, mode 0644)
        + # written by netmin apply: sshd: loopback only (reached through a tunnel); 'netmin undo' removes it
        + ListenAddress 127.0.0.1
        + ListenAddress ::1
  [12] restart ssh.service if it runs (to read its new configuration)
  [13] create /etc/chrony/conf.d/zz-netmin.conf (91 bytes, 3 lines, mode 0644)
        + # written by netmin apply: chronyd: client only; 'netmin undo' removes it
        + port 0
        + cmdport 0
  [14] restart chrony.service if it runs (to read its new configuration)
11 changes pending; run again with --yes to make them" "${out//$LAB\/plan-sd.json/PLAN}"
out=$(nm apply "$LAB/plan-runit.json" "${RU[@]}" --dry-run 2>&1); rc=$?
check "dry run (runit, --dry-run): exit 1, changes pending" [ $rc = 1 ]
same "dry run (runit): down file, service link, keyvalue edit as a diff" \
"netmin apply: dry run of PLAN (6 operations, manager runit); nothing changes without --yes
  [1] stop smbd (active -> inactive)
  [2] disable smbd (enabled -> disabled, 1 link recorded)
  [3] stop nmbd (active -> inactive)
  [4] mask nmbd (enabled -> masked, 1 link recorded)
  [5] edit /etc/exim4/update-exim4.conf.conf (1009 -> 1057 bytes, 31 -> 32 lines, mode 0644, backup in the journal)
        - dc_local_interfaces=''
        + # netmin: dc_local_interfaces=''
        + dc_local_interfaces='127.0.0.1 ; ::1'
  [6] restart exim4 if it runs (to read its new configuration)
5 changes pending; run again with --yes to make them" "${out//$LAB\/plan-runit.json/PLAN}"
same "dry runs change nothing" "$STATE_BEFORE" "$(lab_state)"

# --- crashes of apply ---------------------------------------------------
# restored NAME JOURNAL: undo, then the host must be exactly as before
tried=0 restored=0
restored() {
	local u rc got ports
	u=$(nm undo "$2" 2>&1); rc=$?
	# runit says "run" when ./run starts, before exim4's run script has
	# regenerated its configuration and bound its port: settle first
	ports=$(wait_ports "$PORTS_BEFORE"); got=$(lab_state)
	tried=$((tried + 1))
	if [ $rc = 0 ] && [ "$got" = "$STATE_BEFORE" ] && [ "$ports" = "$PORTS_BEFORE" ]; then
		restored=$((restored + 1))
		echo "ok - $1: undo restored everything"
	else
		echo "not ok - $1: undo exit $rc, host not as before"
		diff <(echo "$STATE_BEFORE") <(echo "$got") | head -10 | sed 's/^/    /' >&2
		diff <(echo "$PORTS_BEFORE") <(echo "$ports") | head -10 | sed 's/^/    /' >&2
		sed 's/^/    /' <<< "$u" >&2
	fi
}
# refused NAME JOURNAL WHY: a new apply must not start
refused() {
	local out rc
	out=$(nm apply "$LAB/plan-sd.json" "${SD[@]}" --yes --journal $JD/never.journal 2>&1); rc=$?
	if [ $rc = 2 ] && [ "$out" = "netmin: an earlier apply or undo did not finish: $2 ($3); run 'netmin undo $2' to restore the host, or pass --force to apply anyway" ] &&
	   ! lab_in test -e $JD/never.journal; then
		echo "ok - $1: a new apply refuses to start"
	else
		echo "not ok - $1: a new apply did not refuse (exit $rc)"; sed 's/^/    /' <<< "$out" >&2
	fi
}
# crash TAG PLAN NOPS ENV=VALUE WHY: apply dies, refusal, undo
crash() {
	local j=$JD/$1.journal rc
	lab_in env "$4" "$NETMIN" apply "$LAB/plan-$2.json" --manager "$3" --yes --journal $j > /dev/null 2>&1
	rc=$?
	if [ $rc != 137 ]; then
		echo "not ok - $1: apply exited $rc, it was not killed"; return
	fi
	refused "$1" $j "$5"
	restored "$1" $j
}
for k in $(seq 1 $NSD); do
	crash kill-sd-$k sd systemd-user NETMIN_TEST_KILL_AFTER=$k "apply interrupted after op $k of $NSD"
done
for k in $(seq 1 $NRU); do
	crash kill-ru-$k runit runit NETMIN_TEST_KILL_AFTER=$k "apply interrupted after op $k of $NRU"
done
kills=$tried
# Records: 1 begin, then per action its op records and a done per op,
# then "end".
# Tearing record r leaves the ops done before it (whole records only).
tear_points() {	# tear_points GROUPSIZES...: "record done-before" lines
	local r=2 d=0 g k
	for g in "$@"; do
		for k in $(seq 1 "$g"); do echo "$r $d"; r=$((r + 1)); done
		for k in $(seq 1 "$g"); do echo "$r $d"; r=$((r + 1)); d=$((d + 1)); done
	done
	echo "$r $d"	# the "end" record
}
while read -r r d; do
	crash tear-sd-$r sd systemd-user NETMIN_TEST_TEAR_RECORD=$r "apply interrupted after op $d of $NSD"
done < <(tear_points 4 4 2 2 2)
while read -r r d; do
	crash tear-ru-$r runit runit NETMIN_TEST_TEAR_RECORD=$r "apply interrupted after op $d of $NRU"
done < <(tear_points 2 2 2)
out=$(nm undo --status $JD/tear-sd-3.journal 2>&1)
same "torn record: the status names the damaged line, the op before it is recorded, the torn one is not" \
"journal $JD/tear-sd-3.journal
apply: interrupted, 1 of 14 operations recorded
undo: complete
damaged or torn lines skipped: 1 (first at line 3)
  1 started     stop rpcbind.socket (active -> inactive) [undone]
unfinished: no" "$out"
echo "# apply crashes: $tried (SIGKILL after each of $NSD + $NRU operations: $kills; torn journal record: $((tried - kills))), host restored exactly: $restored" >&2

# --- --force over an unfinished journal ---------------------------------
lab_in env NETMIN_TEST_KILL_AFTER=6 "$NETMIN" apply "$LAB/plan-sd.json" "${SD[@]}" --yes --journal $JD/f1.journal > /dev/null 2>&1
out=$(nm apply "$LAB/plan-sd.json" "${SD[@]}" --yes --force --journal $JD/f2.journal 2>&1); rc=$?
check "--force: applies although a journal is unfinished" [ $rc = 0 ]
same "--force: what the first apply did is found done already" \
"[1/14] stop rpcbind.socket (inactive -> inactive): already so, unchanged
[2/14] stop rpcbind.service (inactive -> inactive): already so, unchanged
[3/14] disable rpcbind.socket (disabled -> disabled, 0 links recorded): already so, unchanged
[4/14] disable rpcbind.service (disabled -> disabled, 0 links recorded): already so, unchanged
[5/14] stop avahi-daemon.socket (inactive -> inactive): already so, unchanged
[6/14] stop avahi-daemon.service (inactive -> inactive): already so, unchanged
[7/14] mask avahi-daemon.service (enabled -> masked, 1 link recorded): done" "$(sed -n 2,8p <<< "$out")"
out=$(nm undo --list 2>&1)
same "--force: the interrupted journal is still listed" "$JD/f1.journal (apply interrupted after op 6 of 14)" "$out"
nm undo $JD/f2.journal > /dev/null 2>&1
restored "--force, then both undone newest first" $JD/f1.journal

# --- undo killed after each of its operations, then run again ------------
undo_crash() {	# undo_crash TAG PLAN MANAGER K
	local j=$JD/$1.journal rc out
	nm apply "$LAB/plan-$2.json" --manager "$3" --yes --journal $j > /dev/null 2>&1 ||
		{ echo "not ok - $1: apply failed"; return; }
	lab_in env NETMIN_TEST_KILL_UNDO_AFTER=$4 "$NETMIN" undo $j > /dev/null 2>&1; rc=$?
	out=$(nm undo --status $j 2>&1)
	if [ $rc = 137 ] && grep -qx 'undo: interrupted' <<< "$out"; then
		refused "$1" $j "undo interrupted"
		restored "$1 (undo run again)" $j
		out=$(nm undo $j 2>&1); rc=$?
		if [ $rc = 0 ] && grep -q '^netmin undo: nothing to restore' <<< "$out" &&
		   [ "$(lab_state)" = "$STATE_BEFORE" ]; then
			echo "ok - $1: a third undo changes nothing"
		else
			echo "not ok - $1: a third undo (exit $rc)"; sed 's/^/    /' <<< "$out" >&2
		fi
	else
		echo "not ok - $1: undo exited $rc, status:"; sed 's/^/    /' <<< "$out" >&2
	fi
}
tried=0 restored=0
for k in $(seq 1 $NSD); do undo_crash undo-sd-$k sd systemd-user $k; done
for k in $(seq 1 $NRU); do undo_crash undo-ru-$k runit runit $k; done
echo "# undo crashes: $tried, host restored exactly by the next undo: $restored" >&2

# --- an operation fails half-way through an action ------------------------
# The admin has a real unit file for avahi-daemon.socket in the unit
# folder: systemctl refuses to mask it, after the service was masked.
lab_in sh -c 'cp /var/lib/netmin-lab/systemd/user/avahi-daemon.socket /etc/netmin-lab/systemd/user/avahi-daemon.socket'
lab_in systemctl --user daemon-reload
STATE_F=$(lab_state)
J=$JD/fail-mask.journal
out=$(nm apply "$LAB/plan-sd.json" "${SD[@]}" --yes --journal $J 2>&1); rc=$?
check "failing op: apply exits 3" [ $rc = 3 ]
same "failing op: the error names the op, the command and systemctl's reason, and the way back" \
"netmin: [8/14] mask avahi-daemon.socket (enabled -> masked, 1 link recorded): failed: 'systemctl --user --no-pager mask -- avahi-daemon.socket' failed (exit 1): Failed to mask unit: File /etc/netmin-lab/systemd/user/avahi-daemon.socket already exists.
netmin: 'systemctl --user --no-pager mask -- avahi-daemon.socket' failed (exit 1): Failed to mask unit: File /etc/netmin-lab/systemd/user/avahi-daemon.socket already exists.
netmin: the host is between states; 'netmin undo $J' puts back what was done" "$(grep '^netmin: ' <<< "$out")"
same "failing op: the journal: 7 done, the 8th failed with its message, the rest never recorded" \
"journal $J
apply: failed, 8 of 14 operations recorded
undo: none
  1 done        stop rpcbind.socket (active -> inactive)
  2 done        stop rpcbind.service (active -> inactive)
  3 done        disable rpcbind.socket (enabled -> disabled, 1 link recorded)
  4 done        disable rpcbind.service (enabled -> disabled, 1 link recorded)
  5 done        stop avahi-daemon.socket (active -> inactive)
  6 done        stop avahi-daemon.service (active -> inactive)
  7 done        mask avahi-daemon.service (enabled -> masked, 1 link recorded)
  8 failed      mask avahi-daemon.socket (enabled -> masked, 1 link recorded)
      error: 'systemctl --user --no-pager mask -- avahi-daemon.socket' failed (exit 1): Failed to mask unit: File /etc/netmin-lab/systemd/user/avahi-daemon.socket already exists.
unfinished: yes" "$(nm undo --status $J 2>&1)"
refused "failing op" $J "apply failed at op 8 of 14"
nm undo $J > "$LAB/u.out" 2>&1
check "failing op: undo exit 0" [ $? = 0 ]
same "failing op: undo restored everything" "$STATE_F" "$(lab_state)"
same "failing op: the same ports" "$PORTS_BEFORE" "$(wait_ports "$PORTS_BEFORE")"
lab_in rm /etc/netmin-lab/systemd/user/avahi-daemon.socket
lab_in systemctl --user daemon-reload
same "lab back as at the start" "$STATE_BEFORE" "$(lab_state)"

# sshd rejects the new configuration (sshd -t, its ExecStartPre): the
# restart fails, sshd is down; undo puts the file back and starts it.
cat > "$LAB/plan-bad.json" <<'J'
{ "schema": "netmin.plan/1", "host": { "os": "linux" },
  "steps": [
    { "id": 1, "phase": "residue", "title": "sshd: a typo in the port",
      "actions": [ { "kind": "config", "mode": "narrow",
        "target": "/etc/ssh/sshd_config.d/50-netmin-loopback.conf", "format": "dropin",
        "path": "/etc/ssh/sshd_config.d/50-netmin-loopback.conf", "sep": " ",
        "settings": ["ListenAddress=127.0.0.1:99999"], "reload": "ssh.service" } ] } ] }
J
J=$JD/fail-restart.journal
out=$(nm apply "$LAB/plan-bad.json" "${SD[@]}" --yes --journal $J 2>&1); rc=$?
check "failing restart: apply exits 3" [ $rc = 3 ]
same "failing restart: systemctl's reason, and the way back" \
"netmin: [2/2] restart ssh.service if it runs (to read its new configuration): failed: 'systemctl --user --no-pager try-restart -- ssh.service' failed (exit 1): Job for ssh.service failed because the control process exited with error code.
netmin: 'systemctl --user --no-pager try-restart -- ssh.service' failed (exit 1): Job for ssh.service failed because the control process exited with error code.
netmin: the host is between states; 'netmin undo $J' puts back what was done" "$(grep '^netmin: ' <<< "$out")"
check "failing restart: sshd is not running" [ "$(lab_in systemctl --user is-active ssh.service)" != active ]
nm undo $J > "$LAB/u.out" 2>&1
check "failing restart: undo exit 0" [ $? = 0 ]
same "failing restart: undo restored the file and sshd runs again" "$STATE_BEFORE" "$(lab_state)"
same "failing restart: the same ports" "$PORTS_BEFORE" "$(wait_ports "$PORTS_BEFORE")"
out=$(nm undo --list 2>&1)
same "no unfinished journals left" "no unfinished journals in $JD/state" "$out"
echo "# apply-faults: $((SECONDS - t0)) s" >&2
exit 0

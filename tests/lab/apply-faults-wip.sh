#!/usr/bin/env bash
# WORK IN PROGRESS (not run by tests/run.sh yet): the kill-after-each-op
# loop still finds a state difference after undo; see the report.
# apply-faults.sh - crash safety of apply: the same real-daemon lab as
# apply-linux.sh; apply is killed with SIGKILL right after each operation
# in turn (NETMIN_TEST_KILL_AFTER=N, a test hook), a new apply must refuse
# to start, and undo must bring the host back exactly (ports, enablement
# links, running state, file bytes, modes, owners).  Then an undo killed
# half-way is run again, and an apply whose operation fails half-way
# (systemctl refuses to mask a unit whose file is a real file) ends with a
# clear error and a journal that undo uses to restore everything.
#
# The plans are hand-written netmin.plan/1 documents: the planner cannot
# yet produce Linux plans from a live inventory.  Their actions use the
# plan model's "unit" and "config" kinds exactly as doc/json.md defines.
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
NETMIN=${NETMIN:-$top/build/asan/netmin}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
source "$top/tests/lab/lab.sh"
trap lab_down EXIT

ok() { if [ "$1" = 0 ]; then echo "ok - $2"; else echo "not ok - $2"; fi; }
check() {	# check NAME COMMAND...: ok when the command succeeds
	local name=$1; shift
	if "$@"; then echo "ok - $name"; else echo "not ok - $name"; fi
}
same() {	# same NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then echo "ok - $1"; else
		echo "not ok - $1"; diff <(echo "$2") <(echo "$3") | sed 's/^/    /' >&2; fi
}

SD_UNITS="rpcbind.socket rpcbind.service avahi-daemon.socket avahi-daemon.service cups.socket cups.service ssh.service chrony.service"
RUNIT_SVC="smbd nmbd exim4"

# What must come back exactly: files (bytes, mode, owner, link targets)
# of every folder apply may touch, and each service's enablement + state.
lab_state() {
	lab_in sh -c 'cd / && find etc/netmin-lab etc/ssh etc/cups etc/chrony etc/avahi etc/exim4 var/lib/netmin-lab/systemd \
		\( -name "*.O" -o -name subscriptions.conf -o -name supervise -prune \) -o \
		-printf "%p %y %m %U:%G %l\n" | sort
		find etc/netmin-lab etc/ssh etc/cups etc/chrony etc/avahi etc/exim4 -type f ! -name "*.O" ! -name subscriptions.conf ! -path "*/supervise/*" -exec sha256sum {} + | sort -k2'
	local u
	for u in $SD_UNITS; do
		echo "$u $(lab_in systemctl --user is-enabled "$u") $(lab_in systemctl --user is-active "$u")"
	done
	for u in $RUNIT_SVC; do
		echo "$u $(lab_in sv status "/etc/netmin-lab/service/$u" 2>&1 | cut -d: -f1)"
	done
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

lab_up af || { echo "not ok - lab: systemd --user manager did not start"; exit 0; }

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
	echo 'allow 198.18.7.0/24' > /etc/chrony/conf.d/lab.conf &&
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
udp 198.18.7.1:137
udp 198.18.7.1:138
udp 198.18.7.255:137
udp 198.18.7.255:138
udp [::1]:323
udp [::]:111
udp [::]:5353"
same "lab: real daemons listen (rpcbind via its socket unit, avahi, cupsd, sshd, chronyd, smbd, nmbd, exim4)" \
	"$PORTS_BEFORE" "$(wait_ports "$PORTS_BEFORE")"
STATE_BEFORE=$(lab_state)

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


J=/var/lib/netmin-lab/f.journal
NOPS=14
for k in $(seq 1 $NOPS); do
	lab_in env NETMIN_TEST_KILL_AFTER=$k "$NETMIN" apply "$LAB/plan-sd.json" --manager systemd-user --yes --journal $J.$k > "$LAB/k.out" 2>&1
	# the ASan binary dies of SIGKILL: exit 137 from env's child
	rc=$?
	[ $rc = 137 ] || { echo "not ok - kill after op $k: apply exited $rc, not killed"; continue; }
	out=$(lab_in "$NETMIN" apply "$LAB/plan-sd.json" --manager systemd-user --yes --journal $J.x 2>&1); rc2=$?
	lab_in "$NETMIN" undo $J.$k > "$LAB/u.out" 2>&1; rc3=$?
	got=$(lab_state); ports=$(wait_ports "$PORTS_BEFORE")
	if [ $rc2 = 2 ] && grep -q 'did not finish' <<< "$out" && [ $rc3 = 0 ] &&
	   [ "$got" = "$STATE_BEFORE" ] && [ "$ports" = "$PORTS_BEFORE" ]; then
		echo "ok - killed after op $k of $NOPS: new apply refused, undo restored everything"
	else
		echo "not ok - killed after op $k of $NOPS (refuse rc $rc2, undo rc $rc3)"
		diff <(echo "$STATE_BEFORE") <(echo "$got") | head -10 | sed 's/^/    /' >&2
		diff <(echo "$PORTS_BEFORE") <(echo "$ports") | head -10 | sed 's/^/    /' >&2
		sed 's/^/    /' "$LAB/u.out" >&2
	fi
done

# undo itself killed half-way, then run again
lab_in "$NETMIN" apply "$LAB/plan-sd.json" --manager systemd-user --yes --journal $J.u > /dev/null 2>&1
NETMIN_TEST_KILL_UNDO_AFTER=5 lab_in env NETMIN_TEST_KILL_UNDO_AFTER=5 "$NETMIN" undo $J.u > /dev/null 2>&1; rc=$?
out=$(lab_in "$NETMIN" undo --status $J.u 2>&1)
check "undo killed after 5 of 14: journal says undo interrupted" grep -q '^undo: interrupted$' <<< "$out"
lab_in "$NETMIN" undo $J.u > "$LAB/u.out" 2>&1
check "undo run again completes" [ $? = 0 ]
same "after the second undo: everything as before" "$STATE_BEFORE" "$(lab_state)"
same "after the second undo: the same ports" "$PORTS_BEFORE" "$(wait_ports "$PORTS_BEFORE")"

# an operation that fails half-way: the admin's own unit file blocks mask
lab_in sh -c 'cp /var/lib/netmin-lab/systemd/user/avahi-daemon.socket /etc/netmin-lab/systemd/user/avahi-daemon.socket'
lab_in systemctl --user daemon-reload
STATE_F=$(lab_state)
out=$(lab_in "$NETMIN" apply "$LAB/plan-sd.json" --manager systemd-user --yes --journal $J.f 2>&1); rc=$?
check "failing op: apply exits 3" [ $rc = 3 ]
check "failing op: clear error naming the op and systemctl's reason" \
	grep -q 'mask avahi-daemon.socket.*failed.*systemctl --user --no-pager mask -- avahi-daemon.socket.*exit 1' <<< "$out"
check "failing op: says how to put it back" grep -q "netmin undo $J.f" <<< "$out"
st=$(lab_in "$NETMIN" undo --status $J.f 2>&1)
check "failing op: journal records 8 ops, op 8 failed, apply failed" \
	grep -q '^apply: failed, 8 of 14 operations recorded$' <<< "$st"
check "failing op: journal keeps the failure message" grep -q 'error: .*mask' <<< "$st"
lab_in "$NETMIN" undo $J.f > "$LAB/u.out" 2>&1
check "failing op: undo exit 0" [ $? = 0 ]
same "failing op: undo restored everything" "$STATE_F" "$(lab_state)"

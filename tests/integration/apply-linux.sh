#!/usr/bin/env bash
# apply-linux.sh - netmin apply and undo on real Debian daemons driven by
# real service managers: a systemd user manager (rpcbind and avahi with
# their socket units, cupsd, sshd, chronyd) and runit (smbd, nmbd, exim4),
# in a network and mount namespace of their own (tests/lab/lab.sh).
# Checks the ports really close (ss), then that undo brings back the same
# ports, enablement links, running state and file bytes/modes/owners.
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

lab_up ap || { echo "not ok - lab: systemd --user manager did not start"; exit 0; }

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

# --- dry run: shows every change, changes nothing -----------------------
out=$(lab_in "$NETMIN" apply "$LAB/plan-sd.json" --manager systemd-user 2>&1); rc=$?
check "dry run exits 1 (changes pending)" [ $rc = 1 ]
printf '%s\n' "$out" | grep -q '^  \[1\] stop rpcbind.socket (active -> inactive)$'; ok $? "dry run: socket unit stopped first, with prior state"
printf '%s\n' "$out" | grep -q '^        + Listen localhost:631$' && printf '%s\n' "$out" | grep -q '^        - Port 631$'
ok $? "dry run: cupsd.conf edit shown as a diff"
same "dry run changes nothing" "$STATE_BEFORE" "$(lab_state)"

# --- apply on the systemd user manager ---------------------------------
J1=/var/lib/netmin-lab/sd.journal
lab_in "$NETMIN" apply "$LAB/plan-sd.json" --manager systemd-user --yes --journal $J1 > "$LAB/apply1.out" 2>&1
ok $? "apply (systemd --user): 5 steps, exit 0"
J2=/var/lib/netmin-lab/runit.journal
lab_in "$NETMIN" apply "$LAB/plan-runit.json" --manager runit --yes --journal $J2 > "$LAB/apply2.out" 2>&1
ok $? "apply (runit): 2 steps, exit 0"
PORTS_AFTER="tcp 127.0.0.1:22
tcp 127.0.0.1:25
tcp 127.0.0.1:631
tcp [::1]:22
tcp [::1]:25
tcp [::1]:631"
same "after apply only loopback ports remain (ss)" "$PORTS_AFTER" "$(wait_ports "$PORTS_AFTER")"
same "after apply: enablement and state" "rpcbind.socket disabled inactive
rpcbind.service disabled inactive
avahi-daemon.socket masked inactive
avahi-daemon.service masked inactive
cups.socket enabled active
cups.service enabled active
ssh.service enabled active
chrony.service enabled active
smbd down
nmbd fail
exim4 run" "$(lab_state | tail -11)"

# --- undo restores exactly ---------------------------------------------
lab_in "$NETMIN" undo $J2 > "$LAB/undo2.out" 2>&1; ok $? "undo (runit) exit 0"
lab_in "$NETMIN" undo $J1 > "$LAB/undo1.out" 2>&1; ok $? "undo (systemd --user) exit 0"
same "after undo the same ports listen again (ss)" "$PORTS_BEFORE" "$(wait_ports "$PORTS_BEFORE")"
same "after undo: same files, links, modes, owners, enablement, running state" "$STATE_BEFORE" "$(lab_state)"
out=$(lab_in "$NETMIN" undo $J1 2>&1); rc=$?
check "second undo is a no-op" grep -q 'nothing to restore' <<< "$out"
same "second undo changes nothing" "$STATE_BEFORE" "$(lab_state)"
out=$(lab_in "$NETMIN" undo --list 2>&1); rc=$?
check "no unfinished journals left" [ $rc = 0 ]
[ -n "${VERBOSE:-}" ] && for f in apply1 apply2 undo1 undo2; do grep -H . "$LAB/$f.out" | sed 's/^/    /' >&2; done
exit 0

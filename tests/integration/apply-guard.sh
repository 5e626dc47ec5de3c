#!/usr/bin/env bash
# apply-guard.sh - the lockout guard of netmin apply, for real: in the lab
# of tests/lab/lab.sh, a real sshd (under the systemd user manager) takes
# a real ssh login from the peer namespace, and a real dhclient (under
# runit) gets its lease from a real DHCP server (dnsmasq in the peer
# namespace) with a default route.  apply must refuse to touch the
# service carrying the session (found through netmin's own process tree
# and cgroup, or through the connection SSH_CONNECTION names when netmin
# has left both, as under tmux) and the DHCP client of the interface with
# the default route, unless --allow names it; a DHCP client of another
# interface is not protected.
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
NETMIN=${NETMIN:-$top/build/asan/netmin}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
LAB_PFX=nmt-af LAB_NET=198.18.12
source "$top/tests/lab/lab.sh"
DNSMASQ=
cleanup() {
	if [ -n "$DNSMASQ" ]; then kill "$DNSMASQ" 2>/dev/null; wait "$DNSMASQ" 2>/dev/null; fi
	lab_down
}
trap cleanup EXIT

check() {	# check NAME COMMAND...: ok when the command succeeds
	local name=$1; shift
	if "$@"; then echo "ok - $name"; else echo "not ok - $name"; fi
}
same() {	# same NAME EXPECTED ACTUAL
	if [ "$2" = "$3" ]; then echo "ok - $1"; else
		echo "not ok - $1"; diff <(echo "$2") <(echo "$3") | sed 's/^/    /' >&2; fi
}

lab_up g$$ || { echo "not ok - lab: systemd --user manager did not start"; exit 0; }
IF0=$LAB_PFX-g$$-0 IF1=$LAB_PFX-g$$-1 IF2=$LAB_PFX-g$$-2 IF3=$LAB_PFX-g$$-3

# --- sshd under the user manager, a key only this lab knows ---------------
ssh-keygen -q -t ed25519 -N '' -f "$LAB/key" || { echo "not ok - ssh-keygen"; exit 0; }
lab_unit ssh.service
lab_in sh -c "mkdir -p /etc/netmin-lab/ssh && cp $LAB/key.pub /etc/netmin-lab/ssh/authorized_keys &&
	chmod 600 /etc/netmin-lab/ssh/authorized_keys &&
	echo 'AuthorizedKeysFile /etc/netmin-lab/ssh/authorized_keys' > /etc/ssh/sshd_config.d/10-lab.conf"
lab_in systemctl --user daemon-reload
lab_in systemctl --user enable --now ssh.service > /dev/null 2>&1

# --- DHCP: dnsmasq serves the link, dhclient (runit) takes a lease --------
ip netns exec "$LAB_CNS" dnsmasq --keep-in-foreground --port=0 --conf-file=/dev/null \
	--interface="$IF1" --bind-interfaces --no-resolv --no-hosts --pid-file= \
	--user=root --group=root --dhcp-leasefile="$LAB/dnsmasq.leases" \
	--dhcp-range=$LAB_NET.50,$LAB_NET.59,255.255.255.0,10m \
	--dhcp-option=option:router,$LAB_NET.2 > "$LAB/dnsmasq.log" 2>&1 &
DNSMASQ=$!
# a second link inside the lab with no server and no route: its client
# keeps asking, and is no one's lifeline
ip -n "$LAB_NS" link add "$IF2" type veth peer name "$IF3"
ip -n "$LAB_NS" link set "$IF2" up; ip -n "$LAB_NS" link set "$IF3" up
lab_runit dhclient "exec /sbin/dhclient -d -4 -v -pf /run/dhclient.pid -lf /var/lib/dhcp/dhclient.leases $IF0"
lab_runit dhclient2 "exec /sbin/dhclient -d -4 -v -pf /run/dhclient2.pid -lf /var/lib/dhcp/dhclient2.leases $IF2"
lab_runsvdir
for i in $(seq 1 150); do
	ip -n "$LAB_NS" route show default | grep -q "via $LAB_NET.2" && break
	sleep 0.1
done
same "dhclient got a lease and the default route from dnsmasq" "default via $LAB_NET.2 dev $IF0" \
	"$(ip -n "$LAB_NS" route show default | sed 's/ *$//')"
DHPID=$(lab_in sh -c 'cat /etc/netmin-lab/sv/dhclient/supervise/pid')

cat > "$LAB/plan-ssh.json" <<'J'
{ "schema": "netmin.plan/1", "host": { "os": "linux" },
  "steps": [ { "id": 1, "phase": "residue", "title": "sshd: loopback only",
      "actions": [ { "kind": "config", "mode": "narrow",
        "target": "/etc/ssh/sshd_config.d/50-netmin-loopback.conf", "format": "dropin",
        "path": "/etc/ssh/sshd_config.d/50-netmin-loopback.conf", "sep": " ",
        "settings": ["ListenAddress=127.0.0.1"], "reload": "ssh.service" } ] } ] }
J
for n in dhclient dhclient2; do
	cat > "$LAB/plan-$n.json" <<J
{ "schema": "netmin.plan/1", "host": { "os": "linux" },
  "steps": [ { "id": 1, "phase": "services", "title": "no DHCP here",
      "actions": [ { "kind": "unit", "mode": "disable", "target": "$n.service", "op": "disable",
        "units": ["$n.service"], "alternatives": [ { "manager": "runit", "name": "$n" } ] } ] } ] }
J
done

# --- the DHCP client of the interface with the default route ---------------
out=$(lab_in "$NETMIN" apply "$LAB/plan-dhclient.json" --manager runit 2>&1); rc=$?
same "dhclient of the default route's interface: refused (exit 2), says why and how to override" \
"2 netmin: refusing to touch dhclient: the network needs it: dhclient (pid $DHPID) keeps the address of $IF0, which carries the default route; name it with --allow dhclient if you mean it" "$rc $out"
out=$(lab_in "$NETMIN" apply "$LAB/plan-dhclient.json" --manager runit --yes --journal /var/lib/netmin-lab/x.journal 2>&1); rc=$?
lab_in test -e /var/lib/netmin-lab/x.journal; written=$?
check "... also with --yes (exit 2), and no journal written" [ "$rc $written" = "2 1" ]
out=$(lab_in "$NETMIN" apply "$LAB/plan-dhclient.json" --manager runit --allow dhclient 2>&1); rc=$?
same "dhclient named with --allow: the dry run shows the change" "1 netmin apply: dry run of $LAB/plan-dhclient.json (2 operations, manager runit); nothing changes without --yes
  [1] stop dhclient (active -> inactive)
  [2] disable dhclient (enabled -> disabled, 1 link recorded)
2 changes pending; run again with --yes to make them" "$rc $out"
out=$(lab_in "$NETMIN" apply "$LAB/plan-dhclient2.json" --manager runit 2>&1); rc=$?
check "dhclient of an interface without the default route or the session: not protected (dry run, exit 1)" [ $rc = 1 ]

# --- a real ssh session ----------------------------------------------------
E="XDG_RUNTIME_DIR=/run XDG_CONFIG_HOME=/etc/netmin-lab NETMIN_STATE_DIR=/var/lib/netmin-lab/state ASAN_OPTIONS=$ASAN_OPTIONS"
sshin() {
	ip netns exec "$LAB_CNS" ssh -n -i "$LAB/key" -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR \
		-o ConnectTimeout=10 root@$LAB_NET.1 "$@"
}
out=$(sshin "env $E $NETMIN apply $LAB/plan-ssh.json --manager systemd-user; echo rc=\$?" 2>&1)
same "over ssh: refused, netmin is in sshd's unit" \
"netmin: refusing to touch ssh.service: it carries this session: netmin (pid PID), this very process, runs in its control group; name it with --allow ssh.service if you mean it
rc=2" "$(sed -E 's/\(pid [0-9]+\)/(pid PID)/' <<< "$out")"

# netmin leaves sshd's cgroup and process tree (as under tmux or screen):
# only SSH_CONNECTION leads to the sshd holding the connection
cat > "$LAB/detach.sh" <<EOF
#!/bin/sh
echo \$\$ > /sys/fs/cgroup/systemd/$LAB_CG/cgroup.procs
echo \$\$ > /sys/fs/cgroup/unified/$LAB_CG/cgroup.procs
"\$@" > "\$OUT" 2>&1
echo "rc=\$?" >> "\$OUT"
EOF
chmod 755 "$LAB/detach.sh"
detached() {	# detached OUT 'ENV ARGS' 'NETMIN ARGS': plan-ssh, detached
	local i
	sshin "OUT=$1 setsid -f $LAB/detach.sh env $2 $E $NETMIN apply $LAB/plan-ssh.json --manager systemd-user $3"
	for i in $(seq 1 100); do grep -q '^rc=' "$1" 2>/dev/null && break; sleep 0.1; done
	cat "$1"
}
out=$(detached "$LAB/d1.out" "" "")
same "detached from sshd (no sshd ancestor, own cgroup): refused through SSH_CONNECTION" \
"netmin: refusing to touch ssh.service: it carries this session: sshd (pid PID), the holder of the ssh connection from $LAB_NET.2:PORT, runs in its control group; name it with --allow ssh.service if you mean it
rc=2" "$(sed -E 's/\(pid [0-9]+\)/(pid PID)/; s/:[0-9]+,/:PORT,/' <<< "$out")"
out=$(detached "$LAB/d2.out" "-u SSH_CONNECTION" "")
check "detached and without SSH_CONNECTION: nothing leads to sshd, not refused (dry run)" grep -qx 'rc=1' <<< "$out"
out=$(detached "$LAB/d3.out" "" "--allow ssh.service")
check "--allow ssh.service: the dry run goes ahead" grep -qx 'rc=1' <<< "$out"
out=$(lab_in env SSH_CONNECTION="$LAB_NET.9 50000 $LAB_NET.1 22" "$NETMIN" apply "$LAB/plan-ssh.json" --manager systemd-user 2>&1); rc=$?
same "SSH_CONNECTION naming no live connection: ssh protected by name" \
"2 netmin: refusing to touch ssh.service: it carries this session: SSH_CONNECTION says it came over ssh from $LAB_NET.9 to port 22; name it with --allow ssh.service if you mean it" "$rc $out"
out=$(lab_in "$NETMIN" apply "$LAB/plan-ssh.json" --manager systemd-user 2>&1); rc=$?
check "outside any ssh session: not refused (dry run, exit 1)" [ $rc = 1 ]
same "the guard changed nothing: sshd and dhclient run" "active
run" "$(lab_in systemctl --user is-active ssh.service; lab_in sv status /etc/netmin-lab/service/dhclient | cut -d: -f1)"
exit 0

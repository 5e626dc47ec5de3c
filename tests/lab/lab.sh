# tests/lab/lab.sh - sourced by the apply tests: a disposable "host" made of
# real Debian daemons run by real service managers, without PID 1 systemd
# (../shared/docs/test-peers.md section E, Appendix 5).
#
#   lab_up NAME      netns $LAB_PFX-NAME (veth $LAB_NET.1/24, peer
#                    $LAB_PFX-NAME-c at .2), a private mount namespace with
#                    overlays on /etc and /var and a fresh /run, a private
#                    cgroup, and in it `systemd --user` (XDG_RUNTIME_DIR=/run
#                    so units see /run as on a host) and runsvdir
#   lab_in CMD...    run CMD inside (env set for systemctl --user and sv)
#   lab_down         stop everything by PID, remove cgroups, netns, files
#
# The daemons' system units are copied as user units with the few lines a
# user manager cannot honour removed (User=, sandboxing, dbus activation):
# the test says so where it matters.  Nothing outside the namespaces
# changes: /etc and /var writes land in overlay upper folders under $LAB.
# Each test script sets its own namespace prefix and /24 before lab_up
# (names must stay below 16 bytes: "PFX-NAME-0" is an interface name).
LAB_PFX=${LAB_PFX:-nmt-ap}
LAB_NET=${LAB_NET:-198.18.7}
LAB_ENV=(XDG_RUNTIME_DIR=/run XDG_CONFIG_HOME=/etc/netmin-lab
	XDG_DATA_HOME=/var/lib/netmin-lab SVDIR=/etc/netmin-lab/service
	NETMIN_RUNIT_SV=/etc/netmin-lab/sv NETMIN_STATE_DIR=/var/lib/netmin-lab/state
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)

lab_up() {
	LAB_NAME=$1
	local p=$LAB_PFX-$1
	LAB=$(mktemp -d "/tmp/$p.XXXXXX")
	LAB_NS=$p LAB_CNS=$p-c
	LAB_CG=$p-$$
	ip netns add "$LAB_NS" && ip netns add "$LAB_CNS" || return 1
	ip link add "$p-0" type veth peer name "$p-1" || return 1
	ip link set "$p-0" netns "$LAB_NS"
	ip link set "$p-1" netns "$LAB_CNS"
	ip -n "$LAB_NS" addr add "$LAB_NET.1/24" dev "$p-0"
	ip -n "$LAB_CNS" addr add "$LAB_NET.2/24" dev "$p-1"
	ip -n "$LAB_NS" link set lo up; ip -n "$LAB_NS" link set "$p-0" up
	ip -n "$LAB_CNS" link set lo up; ip -n "$LAB_CNS" link set "$p-1" up
	mkdir -p "/sys/fs/cgroup/systemd/$LAB_CG" "/sys/fs/cgroup/unified/$LAB_CG"
	cat > "$LAB/inner.sh" <<INNER
#!/bin/bash
echo \$\$ > /sys/fs/cgroup/systemd/$LAB_CG/cgroup.procs
echo \$\$ > /sys/fs/cgroup/unified/$LAB_CG/cgroup.procs
for d in etc var; do
	mkdir -p $LAB/ov/\$d.up $LAB/ov/\$d.wk
	mount -t overlay overlay -o lowerdir=/\$d,upperdir=$LAB/ov/\$d.up,workdir=$LAB/ov/\$d.wk /\$d || exit 1
done
mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/system /run/lock /run/netmin-lab
mkdir -p /etc/netmin-lab/systemd/user /etc/netmin-lab/sv /etc/netmin-lab/service /var/lib/netmin-lab/systemd/user
echo \$\$ > $LAB/sd.pid
export ${LAB_ENV[*]}
exec /lib/systemd/systemd --user
INNER
	chmod +x "$LAB/inner.sh"
	unshare -m --propagation private nsenter --net="/run/netns/$LAB_NS" \
		"$LAB/inner.sh" > "$LAB/sd.log" 2>&1 &
	LAB_SDPID=$!
	local i
	for i in $(seq 1 50); do
		[ -s "$LAB/sd.pid" ] && lab_in systemctl --user is-system-running >/dev/null 2>&1 && break
		sleep 0.1
	done
	lab_in systemctl --user is-system-running > /dev/null 2>&1 || { cat "$LAB/sd.log"; return 1; }
}

lab_in() {
	nsenter -t "$LAB_SDPID" -m -n env "${LAB_ENV[@]}" "$@"
}

# lab_unit UNIT... : Debian's system unit as a user unit (see above)
lab_unit() {
	local u
	for u in "$@"; do
		lab_in sh -c "sed -e 's/^WantedBy=.*/WantedBy=default.target/' \
			-e 's/^Type=notify/Type=simple/' -e 's/^Type=dbus/Type=simple/' \
			-e '/^\(Wants\|Before\|After\|RequiresMountsFor\|Alias\|User\|Group\|BusName\|ConditionCapability\|PIDFile\)=/d' \
			-e '/^\(Capability\|Device\|Lock\|Memory\|NoNew\|Private\|Protect\|Proc\|Restrict\|System\|ReadWrite\|LogsDir\|StateDir\|ConfigurationDir\)/d' \
			/lib/systemd/system/$u > /var/lib/netmin-lab/systemd/user/$u"
	done
}

# lab_runit NAME 'shell commands of the run script'
lab_runit() {
	lab_in sh -c "mkdir -p /etc/netmin-lab/sv/$1 && printf '#!/bin/sh\nexec 2>&1\n%s\n' '$2' > /etc/netmin-lab/sv/$1/run && chmod 755 /etc/netmin-lab/sv/$1/run && ln -s /etc/netmin-lab/sv/$1 /etc/netmin-lab/service/$1"
}

lab_runsvdir() {
	# runsvdir in the lab's namespaces and cgroup, child of the test
	nsenter -t "$LAB_SDPID" -m -n env "${LAB_ENV[@]}" runsvdir -P /etc/netmin-lab/service > "$LAB/runsvdir.log" 2>&1 &
	LAB_RUNSVDIR=$!
}

# lab_ports: listening TCP and UDP sockets below 32768 (avahi also opens a
# random high port per start), as "proto addr:port" lines, sorted
lab_ports() {
	lab_in ss -H -lntu | awk '{ n = split($5, a, ":"); if (a[n] + 0 < 32768) print $1, $5 }' | sort -u
}

lab_down() {
	local i
	if [ -n "${LAB_RUNSVDIR:-}" ]; then
		kill -HUP "$LAB_RUNSVDIR" 2>/dev/null
		for i in $(seq 1 50); do kill -0 "$LAB_RUNSVDIR" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$LAB_RUNSVDIR" 2>/dev/null
		wait "$LAB_RUNSVDIR" 2>/dev/null
	fi
	if [ -n "${LAB_SDPID:-}" ]; then
		kill -TERM "$LAB_SDPID" 2>/dev/null
		for i in $(seq 1 100); do kill -0 "$LAB_SDPID" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$LAB_SDPID" 2>/dev/null
		wait "$LAB_SDPID" 2>/dev/null
	fi
	# processes left in the lab cgroup (runsv children) by PID
	if [ -d "/sys/fs/cgroup/systemd/${LAB_CG:-none}" ]; then
		for i in $(find "/sys/fs/cgroup/systemd/$LAB_CG" -name cgroup.procs -exec cat {} + 2>/dev/null); do
			kill -KILL "$i" 2>/dev/null
		done
		sleep 0.2
		find "/sys/fs/cgroup/systemd/$LAB_CG" "/sys/fs/cgroup/unified/$LAB_CG" -depth -type d -exec rmdir {} \; 2>/dev/null
	fi
	[ -n "${LAB_NS:-}" ] && ip netns del "$LAB_NS" 2>/dev/null
	[ -n "${LAB_CNS:-}" ] && ip netns del "$LAB_CNS" 2>/dev/null
	[ -n "${LAB:-}" ] && [ -d "$LAB" ] && rm -rf "$LAB"
	LAB_SDPID= LAB_RUNSVDIR=
}

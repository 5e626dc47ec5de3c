#!/usr/bin/env bash
# live-linux-systemd.sh - socket units and service units as a real systemd
# manager runs them: `systemd --user` (there is no systemd as PID 1 on
# this machine) in a network namespace, a private mount namespace with
# its own /run, and a cgroup named as on a host
# (.../nmt-live-sdN.slice/user@0.service).  netmin must name the .socket
# unit of the sockets the manager holds (from the unit files in the
# manager's own search path), the service unit of a running service, both
# once the socket has activated its service, and agree with ss on PIDs.
set -u
NETMIN=${NETMIN:-build/asan/netmin}
ns=nmt-live-sd$$
tmp=$(mktemp -d)
cg=nmt-live-sd$$.slice/user@0.service
sd=

ok() { echo "ok - live-linux-systemd: $1"; }
notok() { echo "not ok - live-linux-systemd: $1"; }
cleanup() {
	local i p
	if [ -n "$sd" ]; then
		kill -TERM "$sd" 2>/dev/null
		for i in $(seq 100); do kill -0 "$sd" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$sd" 2>/dev/null
		wait "$sd" 2>/dev/null
	fi
	# Whatever the manager left in its cgroup, by PID.
	for p in $(find "/sys/fs/cgroup/systemd/${cg%%/*}" -name cgroup.procs \
	    -exec cat {} + 2>/dev/null); do
		kill -KILL "$p" 2>/dev/null
	done
	sleep 0.2
	find "/sys/fs/cgroup/systemd/${cg%%/*}" "/sys/fs/cgroup/unified/${cg%%/*}" \
		-depth -type d -exec rmdir {} \; 2>/dev/null
	ip netns del "$ns" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

if [ "$(id -u)" != 0 ] || ! ip netns add "$ns" 2>/dev/null ||
    ! mkdir -p "/sys/fs/cgroup/systemd/$cg" 2>/dev/null; then
	notok "needs root, ip netns and the name=systemd cgroup hierarchy"
	exit 0
fi
mkdir -p "/sys/fs/cgroup/unified/$cg" 2>/dev/null
ip -n "$ns" link set lo up
u=$tmp/config/systemd/user
mkdir -p "$u/sockets.target.wants" "$u/default.target.wants" "$tmp/run"
cat > "$u/nmtl-echo.socket" <<'EOF'
[Socket]
ListenStream=127.0.0.1:7301
ListenDatagram=7302
[Install]
WantedBy=sockets.target
EOF
# The activated service keeps the listening socket (fd 3) open.
cat > "$u/nmtl-echo.service" <<'EOF'
[Service]
ExecStart=/usr/bin/python3 -c "import socket, time; s = socket.socket(fileno=3); time.sleep(300)"
EOF
cat > "$u/nmtl-web.service" <<'EOF'
[Service]
ExecStart=/usr/bin/python3 -m http.server 7303 --bind 127.0.0.1
[Install]
WantedBy=default.target
EOF
# A disabled unit naming the same port must lose to the enabled one.
printf '[Socket]\nListenStream=7301\n' > "$u/nmtl-old.socket"
ln -s ../nmtl-echo.socket "$u/sockets.target.wants/"
ln -s ../nmtl-web.service "$u/default.target.wants/"
cat > "$tmp/inner.sh" <<EOF
#!/bin/bash
echo \$\$ > /sys/fs/cgroup/systemd/$cg/cgroup.procs
[ -d /sys/fs/cgroup/unified/$cg ] && echo \$\$ > /sys/fs/cgroup/unified/$cg/cgroup.procs
mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/system || exit 1
export XDG_RUNTIME_DIR=$tmp/run XDG_CONFIG_HOME=$tmp/config HOME=$tmp
exec /lib/systemd/systemd --user
EOF
chmod +x "$tmp/inner.sh"
unshare -m --propagation private nsenter --net="/run/netns/$ns" \
	"$tmp/inner.sh" > "$tmp/sd.log" 2>&1 &
sd=$!
in_sd() { nsenter -t "$sd" -m -n env XDG_RUNTIME_DIR="$tmp/run" "$@"; }
ports() { ip netns exec "$ns" ss -Htuln | awk '{ n = split($5, a, ":"); print $1, a[n] }' | sort; }
want=$'tcp 7301\ntcp 7303\nudp 7302'
for _ in $(seq 100); do [ "$(ports)" = "$want" ] && break; sleep 0.1; done
if [ "$(ports)" != "$want" ]; then
	notok "systemd --user did not open 7301-7303"
	sed 's/^/    /' "$tmp/sd.log" | tail -20 >&2
	exit 0
fi

# fields PORT PROTO: "pid=... unit=... manager=... services=... owners=..."
fields() {
	/usr/bin/python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
for e in doc["endpoints"]:
    if e["local_port"] == int(sys.argv[2]) and e["proto"] == sys.argv[3]:
        print("process=%s unit=%s manager=%s services=%s owners=%s" % (e["process"],
            e.get("unit"), e.get("unit_manager"), ",".join(e["services"]),
            ",".join(o["process"] for o in e.get("owners", [])) or "-"))' "$tmp/j" "$1" "$2"
}
expect() {	# expect NAME PORT PROTO WANT
	local got; got=$(fields "$2" "$3")
	if [ "$got" = "$4" ]; then ok "$1"; else notok "$1"; echo "    got:  $got" >&2; echo "    want: $4" >&2; fi
}
"$NETMIN" list --netns "$ns" --json > "$tmp/j" 2> "$tmp/err"
expect "a socket the user manager holds: its .socket unit (enabled wins)" 7301 tcp \
	"process=systemd unit=nmtl-echo.socket manager=user@0.service services=nmtl-echo.socket owners=-"
expect "a datagram socket unit given by port only" 7302 udp \
	"process=systemd unit=nmtl-echo.socket manager=user@0.service services=nmtl-echo.socket owners=-"
expect "a running service: its unit from the cgroup" 7303 tcp \
	"process=python3 unit=nmtl-web.service manager=user@0.service services=nmtl-web.service owners=-"

# Socket activation: the service now holds the socket too.
ip netns exec "$ns" /usr/bin/python3 -c 'import socket; socket.create_connection(("127.0.0.1", 7301)).close()'
for _ in $(seq 100); do
	ip netns exec "$ns" ss -Htlpn 'sport = :7301' | grep -q python3 && break
	sleep 0.1
done
"$NETMIN" list --netns "$ns" --json > "$tmp/j" 2>> "$tmp/err"
expect "after activation: service first, manager last, both units" 7301 tcp \
	"process=python3 unit=nmtl-echo.socket manager=user@0.service services=nmtl-echo.socket,nmtl-echo.service owners=python3,systemd"
ip netns exec "$ns" ss -Htulpn | awk '{ p = ""; s = $7
	while (match(s, /pid=[0-9]+/)) { p = p " " substr(s, RSTART + 4, RLENGTH - 4); s = substr(s, RSTART + RLENGTH) }
	n = split($5, a, ":"); print $1, a[n], p }' | sort > "$tmp/ss"
"$NETMIN" list --netns "$ns" --csv 2>> "$tmp/err" | awk -F, 'NR > 1 {
	m = split($9, q, " "); for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
		if (q[j] + 0 > q[i] + 0) { t = q[i]; q[i] = q[j]; q[j] = t }
	s = ""; for (i = 1; i <= m; i++) s = s " " q[i]; print $1, $5, s }' | sort > "$tmp/nm"
# ss lists the newest holder first; sort both the same way (descending).
awk '{ m = NF - 2; for (i = 3; i <= NF; i++) for (j = i + 1; j <= NF; j++)
	if ($j + 0 > $i + 0) { t = $i; $i = $j; $j = t }; print }' "$tmp/ss" | sort > "$tmp/ss2"
if diff -u "$tmp/ss2" "$tmp/nm" > "$tmp/d"; then
	ok "endpoints and PIDs = ss -tulpn"
else
	notok "endpoints and PIDs = ss -tulpn"; sed 's/^/    /' "$tmp/d" >&2
fi

# Stopping the socket unit (a real manager does it) closes the port.
in_sd systemctl --user stop nmtl-echo.socket nmtl-echo.service
for _ in $(seq 100); do [ "$(ports)" = "tcp 7303" ] && break; sleep 0.1; done
"$NETMIN" list --netns "$ns" --csv 2>> "$tmp/err" | awk -F, 'NR > 1 { print $1, $5 }' > "$tmp/after"
if [ "$(cat "$tmp/after")" = "tcp 7303" ]; then
	ok "after systemctl --user stop: only 7303 is left"
else
	notok "after systemctl --user stop: only 7303 is left"; cat "$tmp/after" >&2
fi
if grep -qE 'Sanitizer|runtime error' "$tmp/err"; then
	notok "no sanitizer reports"; head -20 "$tmp/err" >&2
else
	ok "no sanitizer reports"
fi

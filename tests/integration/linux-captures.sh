#!/usr/bin/env bash
# tests/integration/linux-captures.sh - the Linux capture parsers against
# the real tools.  Inside a network namespace of its own it starts
# listeners with known PIDs (tests/integration/linux-listeners.py: a
# pre-fork pair sharing two sockets, a dual-stack and a v6only listener, a
# socket bound to lo, UDP on an address and on ::1, an established
# connection) plus a kernel VXLAN socket no process owns, runs the real ss,
# net-tools netstat and lsof there in the forms people paste, feeds each
# output to netmin list, and checks the exact endpoint set, states, PIDs
# and process names against what it started.
#
# Prints "ok - ..." / "not ok - ..." lines; cleans up its namespace and
# processes (by PID) on any exit.
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
NETMIN=${NETMIN:-$top/build/asan/netmin}
py=/usr/bin/python3
ns=nmt-lp-int-$$
lab=$(mktemp -d)
pids=()

cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do
		for _ in 1 2 3 4 5 6 7 8 9 10; do
			kill -0 "$p" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$p" 2>/dev/null
	done
	ip netns del "$ns" 2>/dev/null
	rm -rf "$lab"
}
trap cleanup EXIT

ok() { echo "ok - linux-captures: $*"; }
notok() { echo "not ok - linux-captures: $*"; }

for tool in ss netstat lsof ip "$py"; do
	if ! command -v "$tool" > /dev/null; then
		notok "$tool is missing (tests/setup.sh installs it)"
		exit 0
	fi
done
if ! ip netns add "$ns" 2> "$lab/err"; then
	notok "cannot create network namespace: $(cat "$lab/err")"
	exit 0
fi
nsx() { ip netns exec "$ns" "$@"; }
nsx ip link set lo up
nsx ip link add nmt-lp-i0 type veth peer name nmt-lp-i1
nsx ip link set nmt-lp-i0 up
nsx ip link set nmt-lp-i1 up
nsx ip addr add 198.18.1.1/24 dev nmt-lp-i0
# A kernel socket with no owning process, as WireGuard's or nfsd's are.
vxlan=0
if nsx ip link add nmt-lp-vx type vxlan id 42 dstport 4789 dev lo 2>/dev/null &&
	nsx ip link set nmt-lp-vx up; then
	vxlan=1
fi

start() {	# start COMM [--fork] SPEC...: sets $pid1 (and $pid2 with --fork)
	local comm=$1 i
	shift
	# Not through nsx: $! must be the listener (ip netns exec execs it).
	ip netns exec "$ns" "$py" "$top/tests/integration/linux-listeners.py" \
		"$comm" "$lab/$comm.pid" "$@" < /dev/null > /dev/null \
		2> "$lab/$comm.err" &
	pids+=($!)
	for i in $(seq 100); do
		[ -s "$lab/$comm.pid" ] && break
		sleep 0.05
	done
	if [ ! -s "$lab/$comm.pid" ]; then
		notok "listener $comm did not start: $(head -3 "$lab/$comm.err")"
		exit 0
	fi
	pid2=
	read -r pid1 pid2 < "$lab/$comm.pid"
	pids+=("$pid1")
	[ -n "$pid2" ] && pids+=("$pid2")
}
start lpweb --fork tcp/4/0.0.0.0/18080 tcp/6/::/18080/v6only
web=$pid1 webc=$pid2
start lpssh tcp/6/::/22/dual
sshp=$pid1
start lpdns udp/4/127.0.0.53/53/dev=lo tcp/4/127.0.0.53/53/dev=lo
dns=$pid1
start lpntp udp/4/198.18.1.1/123 udp/6/::1/123
ntp=$pid1
start lpapp conn/4/127.0.0.1/18081
app=$pid1
# The connection's two sockets, as the kernel named them.
read -r _ cport _ _ < "$lab/lpapp.pid.conns"
ours="$web,$webc,$sshp,$dns,$ntp,$app"

# expect TOOL ALL: the endpoint set as "proto,family,address,interface,
# port,peer,peer-port,state,pids,process" lines.  TOOL says what the tool
# can show: ss (comm, zones, both pids), netstat (argv[0] "python3", one
# pid per socket, no zones), lsof (comm cut to 9, both pids, no kernel
# sockets).
expect() {
	local tool=$1 all=$2 zone=lo web2="$web $webc"
	pname() {
		case $tool in
		netstat) echo python3 ;;
		*) echo "$1" ;;
		esac
	}
	[ "$tool" = ss ] || zone=
	[ "$tool" = netstat ] && web2=$web
	{
		echo "tcp,ipv4,0.0.0.0,,18080,,,listen,$web2,$(pname lpweb)"
		echo "tcp,ipv6,::,,18080,,,listen,$web2,$(pname lpweb)"
		echo "tcp,ipv6,::,,22,,,listen,$sshp,$(pname lpssh)"
		echo "udp,ipv4,127.0.0.53,$zone,53,,,unconn,$dns,$(pname lpdns)"
		echo "tcp,ipv4,127.0.0.53,$zone,53,,,listen,$dns,$(pname lpdns)"
		echo "udp,ipv4,198.18.1.1,,123,,,unconn,$ntp,$(pname lpntp)"
		echo "udp,ipv6,::1,,123,,,unconn,$ntp,$(pname lpntp)"
		echo "tcp,ipv4,127.0.0.1,,18081,,,listen,$app,$(pname lpapp)"
		if [ "$all" = all ]; then
			echo "tcp,ipv4,127.0.0.1,,$cport,127.0.0.1,18081,established,$app,$(pname lpapp)"
			echo "tcp,ipv4,127.0.0.1,,18081,127.0.0.1,$cport,established,$app,$(pname lpapp)"
		fi
		if [ "$vxlan" = 1 ] && [ "$tool" != lsof ]; then
			echo "udp,ipv4,0.0.0.0,,4789,,,unconn,,"
		fi
	} | sort
}

# The compared columns of netmin's CSV, PIDs in numeric order; with
# "loop", loopback addresses and "localhost" become one word (lsof without
# -n names 127.0.0.x as the host's resolver pleases).
columns() {
	tail -n +2 | awk -F, -v loop="${1:-}" '
	function lo(a) {
		if (loop == "" || a == "") return a
		if (a == "localhost" || a ~ /^127\./ || a == "::1") return "LOOPBACK"
		return a
	}
	{
		n = split($9, p, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && p[j] + 0 < p[j - 1] + 0; j--) {
				t = p[j]; p[j] = p[j - 1]; p[j - 1] = t
			}
		pid = ""
		for (i = 1; i <= n; i++) pid = pid (i > 1 ? " " : "") p[i]
		print $1 "," $2 "," lo($3) "," $4 "," $5 "," lo($6) "," $7 "," $8 "," pid "," $10
	}' | sort
}

# check NAME TOOL ALL [loop] -- COMMAND...: capture, parse, compare.
check() {
	local name=$1 tool=$2 all=$3 loop=${4:-} cap rc
	shift 5
	cap=$lab/$name.txt
	{ echo "root@lab:~# $*"; nsx timeout 60 "$@"; } > "$cap" 2> "$lab/$name.toolerr"
	(cd "$lab" && "$NETMIN" list --all --csv --from "$name.txt") \
		> "$lab/$name.csv" 2> "$lab/$name.err"
	rc=$?
	expect "$tool" "$all" > "$lab/$name.want"
	columns "$loop" < "$lab/$name.csv" > "$lab/$name.got"
	if [ -n "$loop" ]; then
		columns "$loop" < <(echo header; cat "$lab/$name.want") > "$lab/$name.w2"
		mv "$lab/$name.w2" "$lab/$name.want"
	fi
	# netstat names one process per socket: either of the pre-fork pair.
	if [ "$tool" = netstat ]; then
		sed -i "s/,$webc,python3\$/,$web,python3/" "$lab/$name.got"
	fi
	if [ $rc -eq 0 ] && [ ! -s "$lab/$name.err" ] &&
		diff -u "$lab/$name.want" "$lab/$name.got" > "$lab/$name.diff"; then
		ok "$* gives the exact endpoint set"
	else
		notok "$* gives the exact endpoint set (exit $rc)"
		{
			sed 's/^/    /' "$lab/$name.diff" 2>/dev/null
			sed 's/^/    stderr: /' "$lab/$name.err"
			sed 's/^/    capture: /' "$cap"
		} >&2
	fi
}

check ss-tulpn ss listen "" -- ss -tulpn
check ss-tuapn ss all "" -- ss -tuapn
check ss-tulp-names ss listen "" -- ss -tulp
check netstat-tulpn netstat listen "" -- netstat -tulpn
check netstat-anp netstat all "" -- netstat -anp
check lsof-nP lsof all "" -- lsof -nP -i -a -p "$ours"
check lsof-names lsof all loop -- lsof -i -a -p "$ours"

# What CSV does not show: dual stack from "*:22", not from "[::]:18080".
dual=$("$py" - "$lab/ss-tulpn.txt" "$NETMIN" <<'EOF'
import json, subprocess, sys
out = subprocess.run([sys.argv[2], "list", "--json", "--from", sys.argv[1]],
                     capture_output=True, text=True).stdout
eps = json.loads(out)["endpoints"]
print(" ".join("%s/%d:%s" % (e["family"], e["local_port"],
                             e.get("dual_stack", False))
               for e in eps if e["proto"] == "tcp" and e["family"] == "ipv6"))
EOF
)
if [ "$dual" = "ipv6/18080:False ipv6/22:True" ] ||
	[ "$dual" = "ipv6/22:True ipv6/18080:False" ]; then
	ok "ss *:22 is dual-stack, [::]:18080 is not"
else
	notok "ss *:22 is dual-stack, [::]:18080 is not (got: $dual)"
fi

# One host seen by all three tools: each socket once, owners merged.
(cd "$lab" && "$NETMIN" list --all --csv --from ss-tuapn.txt \
	--from netstat-anp.txt --from lsof-nP.txt) > "$lab/all.csv" 2> "$lab/all.err"
columns < "$lab/all.csv" | cut -d, -f1-9 > "$lab/all.got"
expect ss all | cut -d, -f1-9 > "$lab/all.want"
if [ ! -s "$lab/all.err" ] && diff -u "$lab/all.want" "$lab/all.got" > "$lab/all.diff"; then
	ok "ss + netstat + lsof of one host list each socket once"
else
	notok "ss + netstat + lsof of one host list each socket once"
	sed 's/^/    /' "$lab/all.diff" "$lab/all.err" >&2
fi
exit 0

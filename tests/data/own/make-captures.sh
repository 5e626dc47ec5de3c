#!/usr/bin/env bash
# tests/data/own/make-captures.sh - how the Linux captures in this folder
# were made: real ss (iproute2 6.1), net-tools netstat 2.10 and lsof 4.95
# on Debian 12, run inside a network namespace holding listeners with known
# owners (tests/integration/linux-listeners.py).  The captures are kept as
# recorded; rerunning this gives new PIDs and inodes, so the .t cases would
# need rewriting (and re-reading) too.  Not run by the test suite.
#
#   bash tests/data/own/make-captures.sh OUTDIR
#
# 11-ss-old-style.txt is not made here: it is written by hand in the form
# iproute2 before 4.x printed (CentOS 7), which this machine cannot run.
set -eu
out=${1:?usage: make-captures.sh OUTDIR}
top=$(cd "$(dirname "$0")/../../.." && pwd)
ns=nmt-lp-cap
lab=$(mktemp -d)
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	ip netns del "$ns" 2>/dev/null || true
	rm -rf "$lab"
}
trap cleanup EXIT
mkdir -p "$out"
ip netns add "$ns"
nsx() { ip netns exec "$ns" "$@"; }
nsx ip link set lo up
nsx ip link add nmt-lp-d0 type veth peer name nmt-lp-d1
nsx ip link set nmt-lp-d1 up
nsx ip link set nmt-lp-d0 up
nsx ip addr add 198.18.1.1/24 dev nmt-lp-d0
nsx ip addr add 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1/64 dev nmt-lp-d0 nodad
# A kernel socket with no owning process (as WireGuard's or nfsd's are).
nsx ip link add nmt-lp-vx type vxlan id 42 dstport 4789 dev lo
nsx ip link set nmt-lp-vx up

start() {	# start COMM [--fork] SPEC...
	local comm=$1; shift
	nsx /usr/bin/python3 "$top/tests/integration/linux-listeners.py" \
		"$comm" "$lab/$comm.pid" "$@" &
	local i
	for i in $(seq 50); do [ -s "$lab/$comm.pid" ] && break; sleep 0.1; done
	# shellcheck disable=SC2207
	pids+=($(cat "$lab/$comm.pid"))
}
start nmt-web --fork tcp/4/0.0.0.0/80 tcp/6/::/80/v6only
start nmt-ssh tcp/6/::/22/dual
start nmt-dns udp/4/127.0.0.53/53/dev=lo tcp/4/127.0.0.53/53/dev=lo
start nmt-ntp udp/6/2001:db8:aaaa:bbbb:cccc:dddd:eeee:1/123 \
	udp/4/198.18.1.1/123 udp/6/::1/123
start nmt-app conn/4/127.0.0.1/8080 conn/6/::/2222/dual,via4
plist=$(IFS=,; echo "${pids[*]}")

cap() {	# cap FILE PROMPT-COMMAND COMMAND...
	local f=$1 shown=$2; shift 2
	{ echo "root@lab:~# $shown"; nsx "$@"; } > "$out/$f"
}
cap 01-ss-tulpn.txt "ss -tulpn" ss -tulpn
cap 02-ss-tuapn.txt "ss -tuapn" ss -tuapn
cap 03-ss-ltp-names.txt "ss -ltp" ss -ltp
cap 04-netstat-anp-unix.txt "netstat -anp" netstat -anp
cap 05-netstat-tulpn-cut.txt "netstat -tulpn" netstat -tulpn
cap 06-netstat-tulpenW-wide.txt "netstat -tulpenW" netstat -tulpenW
localedef -i de_DE -f UTF-8 "$lab/de_DE.UTF-8"
localedef -i cs_CZ -f UTF-8 "$lab/cs_CZ.UTF-8"
cap 07-netstat-de-tanpo.txt "LANG=de_DE.UTF-8 netstat -tanpo" \
	env LOCPATH="$lab" LANG=de_DE.UTF-8 netstat -tanpo
cap 08-netstat-cs-tuanp.txt "LANG=cs_CZ.UTF-8 netstat -tuanp" \
	env LOCPATH="$lab" LANG=cs_CZ.UTF-8 netstat -tuanp
# lsof sees every process of the machine: keep to ours.
cap 09-lsof-i-names.txt "lsof -i -a -p $plist" lsof -i -a -p "$plist"
cap 10-lsof-nP.txt "lsof -nP -i -a -p $plist" lsof -nP -i -a -p "$plist"
# -e and -o add uid, inode, sk, cgroup and timer fields after the process.
cap 13-ss-tanpeo-extras.txt "ss -tanpeo" ss -tanpeo
# The kernel's own table: no owners, not a capture netmin reads (a case
# checks that it says so).
cap 41-proc-net-tcp.txt "cat /proc/net/tcp" cat /proc/net/tcp
# Pasted into a markdown note: quoted, tab-indented, prompt and prose.
{
	echo "Listening sockets on the lab box:"
	echo
	echo "> \`\`\`"
	sed 's/^/> \t/' "$out/01-ss-tulpn.txt"
	echo "> \`\`\`"
	echo
	echo "(UDP 4789 has no process: it is the kernel's VXLAN socket)"
} > "$out/12-ss-markdown-quoted.txt"
echo "captures written to $out"

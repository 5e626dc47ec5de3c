#!/usr/bin/env bash
# bench/rpcdump.sh [RUNS] - time a full endpoint-map dump of a Samba
# samba-dcerpcd peer (38 entries) by netmin (build/netmin) and by
# Impacket's rpcdump (tests/tools/rpcdump_samba.py, Debian's python3),
# RUNS times each (default 21), alternating; prints the median wall time
# of each and their ratio, plus the machine's load.  Needs root (network
# namespaces nmb-rpc-*-PID, 198.18.5.0/24, removed on exit).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-21}
NETMIN=$top/build/netmin
PY=/usr/bin/python3
SRV=nmb-rpc-srv-$$ CLI=nmb-rpc-cli-$$ VW=nmb$$w VC=nmb$$c
work=$(mktemp -d /tmp/nmb-rpc.XXXXXX)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	for p in $(ip netns pids $SRV 2>/dev/null); do kill "$p" 2>/dev/null; done
	ip netns del $SRV 2>/dev/null; ip netns del $CLI 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
[ -x "$NETMIN" ] || { echo "build/netmin missing (make)" >&2; exit 2; }
ip netns add $SRV && ip netns add $CLI || exit 2
ip link add $VW type veth peer name $VC
ip link set $VW netns $SRV; ip link set $VC netns $CLI
ip -n $SRV link set lo up; ip -n $CLI link set lo up
ip -n $SRV addr add 198.18.5.2/24 dev $VW; ip -n $CLI addr add 198.18.5.1/24 dev $VC
ip -n $SRV link set $VW up; ip -n $CLI link set $VC up
D=$work/samba; mkdir -p $D/{private,lock,state,cache,log,pid,ncalrpc}
cat > $D/smb.conf <<CONF
[global]
   netbios name = NMBRPC
   server role = standalone server
   interfaces = lo 198.18.5.2/24
   private dir = $D/private
   lock directory = $D/lock
   state directory = $D/state
   cache directory = $D/cache
   pid directory = $D/pid
   ncalrpc dir = $D/ncalrpc
   log file = $D/log/log.%m
   passdb backend = tdbsam:$D/private/passdb.tdb
   load printers = no
   disable spoolss = yes
   rpc start on demand helpers = no
CONF
ip netns exec $SRV setsid /usr/libexec/samba/samba-dcerpcd -F --libexec-rpcds \
	-s $D/smb.conf > $D/log/out 2>&1 &
pid=$!
for _ in $(seq 100); do ip netns exec $SRV ss -ltnH | grep -q ':135 ' && break; sleep 0.05; done
# One warm-up each (samba-dcerpcd starts its epmapper worker on first use).
ip netns exec $CLI "$NETMIN" rpcdump 198.18.5.2 > /dev/null
ip netns exec $CLI $PY "$top/tests/tools/rpcdump_samba.py" 198.18.5.2 > /dev/null 2>&1
ms() {	# ms CMD...: wall milliseconds of one run
	local t0 t1
	t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}
for _ in $(seq "$runs"); do
	ms ip netns exec $CLI "$NETMIN" rpcdump 198.18.5.2 >> "$work/netmin"
	ms ip netns exec $CLI $PY "$top/tests/tools/rpcdump_samba.py" 198.18.5.2 >> "$work/impacket"
done
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
n=$(median "$work/netmin"); i=$(median "$work/impacket")
echo "load: $(uptime | sed 's/.*load average: //')  ($(nproc) cores)"
echo "runs: $runs each, alternating; wall time incl. ip netns exec"
echo "netmin rpcdump:   median ${n} ms"
echo "impacket rpcdump: median ${i} ms"
awk -v n="$n" -v i="$i" 'BEGIN { printf "ratio impacket/netmin: %.1fx\n", (n > 0 ? i / n : 0) }'

#!/usr/bin/env bash
# bench/scan.sh - netmin scan against nmap on hosts built here (not a test).
#
#   bash bench/scan.sh [RUNS]        (root; default 5 runs per tool and state)
#   NETMIN=build/netmin BENCH=tcp|udp|all bash bench/scan.sh 5
#
# TCP: a host in namespace nmt-scan-bn with 200 listening ports and every
# other port closed, scanned on 127.0.0.1 from inside the namespace; then
# the same with 1 000 and with 10 000 ports dropped by nftables.  The drop
# rule matches SYN without ACK only, on ports below the ephemeral range:
# a plain "tcp dport X drop" would also drop the answers to a scanner's
# own source ports in that range and turn open ports into "filtered".
# All 65 535 ports are scanned by netmin, by nmap -sT -p- -T4 and by
# nmap -sT -p- -T5 --min-rate 50000; the median wall time of each and the
# ratios are printed, and each run's verdicts are compared with the truth
# (which ports listen, which are dropped).
#
# UDP: a host in nmt-scan-bu (198.18.14.2) reached over a veth from
# nmt-scan-bc (198.18.14.1), so the kernel's ICMP rate limit applies, with
# 20 listeners: 5 that answer their protocol (dnsmasq 53, chrony 123,
# nmbd 137, net-snmp 161, avahi 5353) and 15 silent sockets (7000-7014).
# Scanned as the 20 listener ports alone, then with 20 closed ports more,
# by netmin -u and nmap -sU -T4.
#
# The machine is shared: the script prints uptime before and after; run it
# when the load is low and repeat.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
NETMIN=${NETMIN:-$top/build/netmin}
RUNS=${1:-5}
BENCH=${BENCH:-all}
PY=/usr/bin/python3
NS=nmt-scan-bn US=nmt-scan-bu UC=nmt-scan-bc
work=$(mktemp -d /tmp/nmt-scan-bench.XXXXXX)
pids=()

cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
	for n in $NS $US $UC; do
		for p in $(ip netns pids $n 2>/dev/null); do kill "$p" 2>/dev/null; done
		ip netns del $n 2>/dev/null
	done
	rm -rf "$work"
}
trap cleanup EXIT

[ -x "$NETMIN" ] || { echo "bench: build $NETMIN first (make)"; exit 2; }
echo "# machine: $(nproc) cores, $(uname -r); $(nmap --version | head -1)"
echo "# load before: $(uptime)"

now() { date +%s.%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# check TOOL FILE: prints "ok" when the verdicts in FILE (netmin JSON or
# nmap XML) equal the truth in $work/open and $work/dropped, else the
# first differences.
check() {
	$PY - "$1" "$2" "$work/open" "$work/dropped" <<'EOF'
import json, sys, xml.etree.ElementTree as ET
tool, f, fo, fd = sys.argv[1:]
want_open = set(int(x) for x in open(fo).read().split())
want_filt = set(int(x) for x in open(fd).read().split())
got_open, got_filt, closed = set(), set(), None
if tool == 'netmin':
    d = json.load(open(f))
    for p in d['ports']:
        (got_open if p['state'] == 'open' else got_filt).add(p['port'])
    closed = d['closed']['tcp']
else:
    r = ET.parse(f).getroot()
    for p in r.iter('port'):
        st = p.find('state').get('state')
        if st == 'open': got_open.add(int(p.get('portid')))
        elif st == 'filtered': got_filt.add(int(p.get('portid')))
    for e in r.iter('extraports'):
        if e.get('state') == 'closed':
            closed = int(e.get('count'))
        elif e.get('state') == 'filtered':
            for er in e.iter('extrareasons'):
                for part in (er.get('ports') or '').split(','):
                    if part:
                        a, _, b = part.partition('-')
                        got_filt.update(range(int(a), int(b or a) + 1))
    if closed is None:
        closed = sum(1 for p in r.iter('port') if p.find('state').get('state') == 'closed')
want_closed = 65535 - len(want_open) - len(want_filt)
bad = []
if got_open != want_open: bad.append('open +%s -%s' % (sorted(got_open - want_open)[:5], sorted(want_open - got_open)[:5]))
if got_filt != want_filt: bad.append('filtered +%s -%s' % (sorted(got_filt - want_filt)[:5], sorted(want_filt - got_filt)[:5]))
if closed != want_closed: bad.append('closed %s, want %d' % (closed, want_closed))
print('ok' if not bad else '; '.join(bad))
EOF
}

# run STATE KEY LABEL TOOL CMD...: RUNS timed runs; prints a result line
# and keeps the median in MED[STATE.KEY].
declare -A MED
run() {
	local state=$1 key=$2 label=$3 tool=$4; shift 4
	local i t0 t1 verdicts=ok out
	: > "$work/times"
	for i in $(seq 1 "$RUNS"); do
		t0=$(now)
		"$@" > "$work/out" 2> /dev/null
		t1=$(now)
		echo "$t1 - $t0" | bc >> "$work/times"
		out=$(check "$tool" "$work/out")
		[ "$out" = ok ] || verdicts="WRONG ($out)"
	done
	MED[$state.$key]=$(median < "$work/times")
	printf '%-14s %-34s median %6.2f s  runs: %s verdicts: %s\n' "$state" \
	    "$label" "${MED[$state.$key]}" \
	    "$(tr '\n' ' ' < "$work/times" | awk '{ for (i = 1; i <= NF; i++) printf "%.2f ", $i }')" \
	    "$verdicts"
}

bench_tcp() {
	ip netns add $NS
	ip -n $NS link set lo up
	# 200 listeners spread over 21..9374, none in a dropped range.
	seq 0 199 | awk '{ print 21 + 47 * $1 }' > "$work/open"
	ip netns exec $NS $PY -c '
import socket, sys, time
ss = []
for p in open(sys.argv[1]).read().split():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(p))); s.listen(1024); ss.append(s)
print("ready", flush=True); time.sleep(3600)' "$work/open" > "$work/ready" &
	pids+=($!)
	for i in $(seq 1 50); do grep -q ready "$work/ready" && break; sleep 0.1; done
	echo "# ephemeral ports: $(ip netns exec $NS sysctl -n net.ipv4.ip_local_port_range)"
	for state in "200 open" "1000 dropped" "10000 dropped"; do
		ip netns exec $NS nft delete table inet nmt_bench 2>/dev/null
		: > "$work/dropped"
		case $state in
		"1000 dropped") lo=10000 hi=10999 ;;
		"10000 dropped") lo=10000 hi=19999 ;;
		*) lo= ;;
		esac
		if [ -n "$lo" ]; then
			seq $lo $hi > "$work/dropped"
			ip netns exec $NS nft -f - <<EOF
table inet nmt_bench {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport $lo-$hi tcp flags & (syn | ack) == syn drop
  }
}
EOF
		fi
		run "$state" netmin "netmin scan" netmin \
		    ip netns exec $NS "$NETMIN" scan --json --no-progress 127.0.0.1
		run "$state" nmapT4 "nmap -sT -p- -T4" nmap \
		    ip netns exec $NS nmap -sT -p- -T4 -Pn -n -oX - 127.0.0.1
		run "$state" nmapT5 "nmap -sT -p- -T5 --min-rate 50000" nmap \
		    ip netns exec $NS nmap -sT -p- -T5 --min-rate 50000 -Pn -n -oX - 127.0.0.1
		printf '%-14s ratio netmin / nmap -T4 = %.2f, netmin / nmap -T5 --min-rate 50000 = %.2f\n' \
		    "$state" "$(echo "${MED[$state.netmin]} / ${MED[$state.nmapT4]}" | bc -l)" \
		    "$(echo "${MED[$state.netmin]} / ${MED[$state.nmapT5]}" | bc -l)"
	done
}

bench_udp() {
	ip netns add $US
	ip netns add $UC
	ip link add nmt-scan-bv0 type veth peer name nmt-scan-bv1
	ip link set nmt-scan-bv0 netns $US
	ip link set nmt-scan-bv1 netns $UC
	ip -n $US link set lo up; ip -n $UC link set lo up
	ip -n $US addr add 198.18.14.2/24 dev nmt-scan-bv0
	ip -n $UC addr add 198.18.14.1/24 dev nmt-scan-bv1
	ip -n $US link set nmt-scan-bv0 up; ip -n $UC link set nmt-scan-bv1 up
	S=$work/samba
	mkdir -p $S/{private,lock,state,cache,log,pid,ncalrpc} "$work/snmp"
	printf '[global]\nworkgroup = NMTGRP\nnetbios name = NMTBENCH\ninterfaces = 198.18.14.2/24\nbind interfaces only = yes\nprivate dir = %s/private\nlock directory = %s/lock\nstate directory = %s/state\ncache directory = %s/cache\npid directory = %s/pid\nncalrpc dir = %s/ncalrpc\nlog file = %s/log/log.%%m\n' \
	    $S $S $S $S $S $S $S > $S/smb.conf
	ip netns exec $US nmbd -F -s $S/smb.conf > /dev/null 2>&1 & pids+=($!)
	printf 'port 123\ncmdport 0\nallow 198.18.14.0/24\nlocal stratum 10\npidfile %s/chronyd.pid\n' "$work" > "$work/chrony.conf"
	ip netns exec $US chronyd -d -x -u root -f "$work/chrony.conf" > /dev/null 2>&1 & pids+=($!)
	ip netns exec $US dnsmasq -k --conf-file=/dev/null --listen-address=198.18.14.2 \
	    --bind-interfaces --no-resolv --no-hosts --pid-file="$work/dnsmasq.pid" \
	    --user=root > /dev/null 2>&1 & pids+=($!)
	printf 'agentaddress udp:198.18.14.2:161\nrocommunity public 198.18.14.0/24\n' > "$work/snmpd.conf"
	SNMP_PERSISTENT_DIR=$work/snmp ip netns exec $US snmpd -f -Lo -C -c "$work/snmpd.conf" \
	    -p "$work/snmpd.pid" > /dev/null 2>&1 & pids+=($!)
	printf '[server]\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces=nmt-scan-bv0\nenable-dbus=no\n[publish]\npublish-workstation=yes\n' > "$work/avahi.conf"
	ip netns exec $US unshare -m sh -c "mkdir -p /run/avahi-daemon && mount -t tmpfs tmpfs /run/avahi-daemon && exec avahi-daemon -f $work/avahi.conf --no-drop-root --no-chroot --no-rlimits" > /dev/null 2>&1 & pids+=($!)
	ip netns exec $US $PY -c '
import socket, time
ss = []
for p in range(7000, 7015):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("0.0.0.0", p)); ss.append(s)
time.sleep(3600)' & pids+=($!)
	sleep 3
	listeners=53,123,137,161,5353,7000-7014
	for set in "20 listeners" "20 listeners + 20 closed"; do
		ports=$listeners
		[ "$set" = "20 listeners" ] || ports=$listeners,7100-7119
		for i in $(seq 1 "$RUNS"); do
			t0=$(now)
			ip netns exec $UC "$NETMIN" scan -u --json --no-progress -p $ports 198.18.14.2 > "$work/n.json" 2>/dev/null
			t1=$(now); echo "$t1 - $t0" | bc >> "$work/un.$set"
			t0=$(now)
			ip netns exec $UC nmap -sU -T4 -Pn -n -p $ports -oX "$work/m.xml" 198.18.14.2 > /dev/null 2>&1
			t1=$(now); echo "$t1 - $t0" | bc >> "$work/um.$set"
			$PY - "$work/n.json" "$work/m.xml" "$ports" <<'EOF' >> "$work/uv.$set"
import json, sys, xml.etree.ElementTree as ET
d = json.load(open(sys.argv[1]))
n = {p['port']: p['state'] for p in d['ports']}
m = {int(p.get('portid')): p.find('state').get('state') for p in ET.parse(sys.argv[2]).getroot().iter('port')}
ports = []
for it in sys.argv[3].split(','):
    a, _, b = it.partition('-'); ports += range(int(a), int(b or a) + 1)
truth = {p: 'open' if p in (53, 123, 137, 161, 5353) else 'open|filtered' if 7000 <= p <= 7014 else 'closed' for p in ports}
nb = [p for p in ports if n.get(p, 'closed') != truth[p]]
mb = [p for p in ports if m.get(p, '?') != truth[p]]
print('netmin %s nmap %s' % ('ok' if not nb else 'WRONG %s' % nb, 'ok' if not mb else 'WRONG on %d ports %s' % (len(mb), mb[:8])))
EOF
		done
		printf '%-26s netmin -u median %6.2f s   nmap -sU -T4 median %6.2f s   ratio %.2f\n' "$set" \
		    "$(median < "$work/un.$set")" "$(median < "$work/um.$set")" \
		    "$(echo "$(median < "$work/un.$set") / $(median < "$work/um.$set")" | bc -l)"
		sort "$work/uv.$set" | uniq -c | sed 's/^/    verdicts vs truth: /'
	done
}

case $BENCH in
tcp) bench_tcp ;;
udp) bench_udp ;;
*) bench_tcp; bench_udp ;;
esac
echo "# load after: $(uptime)"

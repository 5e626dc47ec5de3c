#!/usr/bin/env bash
# bench/inventory.sh - how fast `netmin list` reads a busy host, against
# ss, netstat and lsof on the same sockets.  Not a test: it prints
# medians and ratios; bench/README.md keeps the figures.
#
#   bash bench/inventory.sh [RUNS]        (root; RUNS per tool, default 7)
#
# In a network namespace made here: 200 idle processes, then
#   A. 10 000 listening sockets (TCP listeners and bound UDP, IPv4 and
#      IPv6) in one process;
#   B. 50 000 spread over three processes (the per-process open-file
#      limit here is 20 000).
# Timed, each inside the namespace with stdout on /dev/null:
#   netmin list      owners, users, exe, units, containers (build/netmin,
#                    the optimised build)
#   ss -tulpn        with owners        netstat -tulpn   with owners
#   lsof -nP -i      with owners        ss -tulnH        the kernel dump
#                                                        alone, no owners
#   netmin list with NETMIN_FD_READER=proc: fd links read one by one in
#                    /proc, as without root, instead of the BPF iterator
# Runs are interleaved (one run of each tool in turn) so a change of load
# hits every tool alike.  Wall time is the median; peak RSS and CPU time
# (user + system, all threads) are from wait4().  On a loaded machine the
# CPU-time ratio is the steadier figure; the targets are about wall time.  The machine is shared: the script prints the load before and
# after; compare figures only from quiet runs.
set -eu
runs=${1:-7}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
ns=nmt-live-bench$$
holders=()
idle=()

[ "$(id -u)" = 0 ] || { echo "bench: needs root (network namespaces)" >&2; exit 2; }
for t in ss netstat lsof; do
	command -v $t > /dev/null || { echo "bench: $t missing (apt-get install iproute2 net-tools lsof)" >&2; exit 2; }
done
make -s build/netmin
mkdir -p build
cc -O2 -o build/bench-holdsock bench/holdsock.c
cc -O2 -o build/bench-measure bench/measure.c

cleanup() {
	local p
	for p in "${holders[@]}" "${idle[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up

start_holders() {	# start_holders COUNT PER_PROCESS
	local total=$1 per=$2 first=0 out n
	while [ "$first" -lt "$total" ]; do
		n=$per
		[ $((first + n)) -gt "$total" ] && n=$((total - first))
		out=$(mktemp)
		ip netns exec "$ns" build/bench-holdsock "$n" "$first" > "$out" &
		holders+=($!)
		for _ in $(seq 200); do grep -q ready "$out" && break; sleep 0.05; done
		grep -q ready "$out" || { echo "bench: holder failed" >&2; exit 3; }
		rm -f "$out"
		first=$((first + n))
	done
}
stop_holders() {
	local p
	for p in "${holders[@]}"; do kill "$p"; wait "$p" 2>/dev/null || true; done
	holders=()
}

for _ in $(seq 200); do
	ip netns exec "$ns" sleep 3600 &
	idle+=($!)
done

# The last: netmin reading fd links in /proc instead of its BPF iterator
# (what it does without root), for comparison.
tools=("build/netmin list" "ss -tulpn" "netstat -tulpn" "lsof -nP -i" "ss -tulnH"
    "env NETMIN_FD_READER=proc build/netmin list")

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

phase() {	# phase LABEL SOCKETS
	local label=$1 count=$2 r t i
	local tmp; tmp=$(mktemp -d)
	local want have
	want=$(ip netns exec "$ns" ss -tulnH | wc -l)
	have=$(ip netns exec "$ns" build/netmin list 2>/dev/null | tail -n +2 | wc -l)
	echo "== $label: $count sockets ($want in ss -tulnH, $have in netmin list); load: $(cut -d' ' -f1-3 /proc/loadavg)"
	[ "$want" = "$have" ] || echo "   WARNING: netmin and ss disagree on the count"
	for r in $(seq "$runs"); do
		i=0
		for t in "${tools[@]}"; do
			# shellcheck disable=SC2086
			ip netns exec "$ns" build/bench-measure 1 $t >> "$tmp/$i"
			i=$((i + 1))
		done
	done
	local ss_ms ss_rss raw_ms
	ss_ms=$(cut -d' ' -f1 "$tmp/1" | median)
	ss_rss=$(cut -d' ' -f2 "$tmp/1" | median)
	raw_ms=$(cut -d' ' -f1 "$tmp/4" | median)
	local ss_cpu
	ss_cpu=$(cut -d' ' -f4 "$tmp/1" | median)
	printf '   %-18s %10s %10s %9s %9s %9s %9s\n' tool "median ms" "peak KiB" \
	    "x ss -p" "x ss -nH" "CPU ms" "CPU x ss"
	i=0
	for t in "${tools[@]}"; do
		local ms rss cpu
		ms=$(cut -d' ' -f1 "$tmp/$i" | median)
		rss=$(cut -d' ' -f2 "$tmp/$i" | median)
		cpu=$(cut -d' ' -f4 "$tmp/$i" | median)
		awk -v t="$t" -v ms="$ms" -v rss="$rss" -v s="$ss_ms" -v raw="$raw_ms" \
		    -v cpu="$cpu" -v scpu="$ss_cpu" \
		    'BEGIN { printf "   %-18s %10.1f %10d %9.2f %9.2f %9.1f %9.2f\n", t, ms, rss, ms / s, ms / raw, cpu, cpu / scpu }'
		i=$((i + 1))
	done
	local nm_ms nm_rss
	nm_ms=$(cut -d' ' -f1 "$tmp/0" | median)
	nm_rss=$(cut -d' ' -f2 "$tmp/0" | median)
	awk -v ms="$nm_ms" -v s="$ss_ms" -v raw="$raw_ms" -v rss="$nm_rss" \
	    -v srss="$ss_rss" -v goal="$3" 'BEGIN {
		printf "   targets: netmin/ss -tulpn %.2f (goal <= %.2f) %s; netmin/ss -tulnH %.2f (goal <= 3) %s; RSS %d vs %d KiB %s\n",
		    ms / s, goal, ms / s <= goal ? "met" : "NOT met", ms / raw,
		    ms / raw <= 3 ? "met" : "NOT met", rss, srss,
		    rss <= srss ? "met" : "NOT met" }'
	echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
	rm -rf "$tmp"
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ { print $2 }') GiB, kernel $(uname -r); $runs runs per tool"
start_holders 10000 10000
phase "A, one process" 10000 0.35
stop_holders
start_holders 50000 16667
phase "B, three processes" 50000 0.20
stop_holders

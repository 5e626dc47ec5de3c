#!/usr/bin/env bash
# live-linux.sh - netmin list against the live kernel, compared with ss.
#
# In a network namespace made here, several processes open TCP and UDP
# sockets (IPv4 and IPv6, a socket shared by two processes, a dual-stack
# one, loopback-only ones, one on a veth address, one owned by nobody, a
# connection); netmin's endpoints and PIDs must equal `ss -tulpn`'s (and
# `ss -tuapn`'s with --all), read from inside the namespace and through
# --netns / --all-netns from outside, through the BPF fd iterator and
# through /proc fd links.  Then netmin runs as nobody: it lists every
# socket, owners only for nobody's own, and says once that the rest
# needed root.  Last, a socket in a thread's own fd table, which only the
# iterator finds.  Prints "ok - ..." / "not ok - ..." lines.
set -u
NETMIN=${NETMIN:-build/asan/netmin}
ns=nmt-live-it$$
tmp=$(mktemp -d)
pids=()
PY=/usr/bin/python3

cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
	ip netns del "$ns" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

ok() { echo "ok - live-linux: $1"; }
notok() { echo "not ok - live-linux: $1"; }
# check_fail NAME RC ERR-FILE PATTERN: exit 3 and a message matching PATTERN
check_fail() {
	if [ "$2" -eq 3 ] && grep -q "$4" "$3"; then
		ok "$1"
	else
		notok "$1 (exit $2)"
		cat "$3" >&2
	fi
}
check() {	# check NAME EXPECTED-FILE GOT-FILE
	if diff -u "$2" "$3" > "$tmp/diff"; then
		ok "$1"
	else
		notok "$1"
		sed 's/^/    /' "$tmp/diff" | head -30 >&2
	fi
}

if [ "$(id -u)" != 0 ] || ! ip netns add "$ns" 2>/dev/null; then
	notok "needs root and ip netns"
	exit 0
fi
ip -n "$ns" link set lo up
# A veth with both ends inside, for an address that is neither loopback
# nor wildcard (198.18.3.0/24 is this test's range).
ip -n "$ns" link add nmtl0 type veth peer name nmtl1
ip -n "$ns" addr add 198.18.3.1/24 dev nmtl0
ip -n "$ns" link set nmtl0 up
ip -n "$ns" link set nmtl1 up

# holder SCRIPT: runs python in the namespace; it prints "ready".
holder() {
	local out=$tmp/h${#pids[@]}
	: > "$out"
	ip netns exec "$ns" "$@" > "$out" 2>&1 &
	pids+=($!)
	for _ in $(seq 100); do
		grep -q ready "$out" && return 0
		sleep 0.05
	done
	notok "holder did not start: $*"
	cat "$out" >&2
	return 1
}

cat > "$tmp/shared.py" <<'EOF'
# Two processes hold the same sockets: listen, then fork.
import os, socket, time
t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
t.bind(("0.0.0.0", 7001)); t.listen()
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
u.bind(("::1", 7002))
if os.fork() == 0:
    time.sleep(300); os._exit(0)
print("ready", flush=True)
time.sleep(300)
EOF
cat > "$tmp/mixed.py" <<'EOF'
import socket, time
d = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
d.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)   # dual-stack
d.bind(("::", 7003)); d.listen()
l = socket.socket(); l.bind(("127.0.0.1", 7004)); l.listen()
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); v.bind(("198.18.3.1", 7005))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
s6.bind(("::1", 7006)); s6.listen()
w = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); w.bind(("0.0.0.0", 7007))
c = socket.create_connection(("127.0.0.1", 7004))
a, _ = l.accept()
print("ready", flush=True)
time.sleep(300)
EOF
cat > "$tmp/nobody.py" <<'EOF'
import socket, time
t = socket.socket(); t.bind(("0.0.0.0", 7010)); t.listen()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 7011))
print("ready", flush=True)
time.sleep(300)
EOF
cat > "$tmp/many.py" <<'EOF'
# A big, sparse fd table: 150 listeners, every third closed, one moved
# to fd 1000 (netmin reads big tables by fd number, then falls back to
# listing the directory past a run of missing numbers).
import os, socket, time
s = []
for i in range(150):
    k = socket.socket(); k.bind(("127.0.0.1", 7100 + i)); k.listen(); s.append(k)
for i in range(0, 150, 3):
    s[i].close()
os.dup2(s[1].fileno(), 1000); s[1].close()
print("ready", flush=True)
time.sleep(300)
EOF
chmod 755 "$tmp"; chmod 644 "$tmp"/*.py
holder "$PY" "$tmp/shared.py" || exit 0
holder "$PY" "$tmp/mixed.py" || exit 0
holder "$PY" "$tmp/many.py" || exit 0
holder setpriv --reuid=nobody --regid=nogroup --clear-groups "$PY" \
	"$tmp/nobody.py" || exit 0

# ss -> "proto addr port state peer pids" (sorted), one line per socket.
# ss writes a dual-stack wildcard as "*", netmin as "::" + dual_stack.
norm_ss() {
	awk '{
		proto = $1; state = $2; loc = $5; peer = $6; users = $7
		n = split(loc, a, ":"); port = a[n]
		addr = substr(loc, 1, length(loc) - length(port) - 1)
		gsub(/[][]/, "", addr); if (addr == "*") addr = "::"
		if (peer ~ /\*$/) peer = "-"
		else gsub(/[][]/, "", peer)
		st = (state == "UNCONN") ? "unconn" : tolower(state)
		if (st == "estab") st = "established"
		p = ""
		while (match(users, /pid=[0-9]+/)) {
			p = p " " substr(users, RSTART + 4, RLENGTH - 4)
			users = substr(users, RSTART + RLENGTH)
		}
		m = split(p, q, " "); s = ""
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
			if (q[j] + 0 < q[i] + 0) { t = q[i]; q[i] = q[j]; q[j] = t }
		for (i = 1; i <= m; i++) s = s (i > 1 ? "," : "") q[i]
		if (s == "") s = "-"
		print proto, addr, port, st, peer, s
	}' | sort
}
# netmin --csv -> the same shape.
norm_csv() {
	awk -F, 'NR > 1 && $1 != "raw" {
		peer = ($6 == "") ? "-" : $6 ":" $7
		m = split($9, q, " "); s = ""
		for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
			if (q[j] + 0 < q[i] + 0) { t = q[i]; q[i] = q[j]; q[j] = t }
		for (i = 1; i <= m; i++) s = s (i > 1 ? "," : "") q[i]
		if (s == "") s = "-"
		addr = $3; if ($4 != "") addr = addr "%" $4
		print $1, addr, $5, $8, peer, s
	}' | sort
}

ip netns exec "$ns" ss -tulpnH | norm_ss > "$tmp/ss"
ip netns exec "$ns" ss -tuapnH | norm_ss > "$tmp/ss-all"
ip netns exec "$ns" "$NETMIN" list --csv 2> "$tmp/err" | norm_csv > "$tmp/in"
check "list inside the namespace = ss -tulpn (endpoints, PIDs)" "$tmp/ss" "$tmp/in"
"$NETMIN" list --netns "$ns" --csv 2>> "$tmp/err" | norm_csv > "$tmp/out"
check "list --netns NAME = ss -tulpn" "$tmp/ss" "$tmp/out"
"$NETMIN" list --netns "/run/netns/$ns" --csv 2>> "$tmp/err" | norm_csv > "$tmp/out"
check "list --netns PATH = ss -tulpn" "$tmp/ss" "$tmp/out"
ip netns exec "$ns" "$NETMIN" list --all --csv 2>> "$tmp/err" | norm_csv > "$tmp/all"
check "list --all = ss -tuapn (connections too)" "$tmp/ss-all" "$tmp/all"
# Both ways of finding owners, each forced (as root netmin uses the BPF
# iterator; the variable makes a failure to load it an error, not a
# quiet fallback).
ip netns exec "$ns" env NETMIN_FD_READER=bpf "$NETMIN" list --csv 2>> "$tmp/err" |
	norm_csv > "$tmp/bpf"
check "list through the BPF fd iterator = ss -tulpn" "$tmp/ss" "$tmp/bpf"
ip netns exec "$ns" env NETMIN_FD_READER=proc "$NETMIN" list --csv 2>> "$tmp/err" |
	norm_csv > "$tmp/proc"
check "list through /proc fd links = ss -tulpn" "$tmp/ss" "$tmp/proc"
for r in bpf proc; do
	want=$([ $r = bpf ] && echo bpf-iterator || echo proc-fd)
	got=$(ip netns exec "$ns" env NETMIN_FD_READER=$r "$NETMIN" list --json 2>/dev/null |
		/usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["host"].get("owners_from"))')
	if [ "$got" = "$want" ]; then
		ok "JSON host.owners_from says $want"
	else
		notok "JSON host.owners_from says $want (got $got)"
	fi
done
if grep -qE 'Sanitizer|runtime error' "$tmp/err"; then
	notok "no sanitizer reports"; sed 's/^/    /' "$tmp/err" | head -20 >&2
else
	ok "no sanitizer reports"
fi

# Exact expectations, not only agreement with ss.
n=$(awk '$3 < 7100' "$tmp/ss" | wc -l)
m=$(awk '$3 >= 7100 && $3 < 7250 && $6 ~ /^[0-9]+$/' "$tmp/in" | wc -l)
if [ "$m" -eq 100 ]; then
	ok "a big sparse fd table: all 100 sockets and their owner"
else
	notok "a big sparse fd table: all 100 sockets and their owner (got $m)"
fi
if [ "$n" -eq 9 ] && grep -q '^tcp 0.0.0.0 7001 listen - [0-9]*,[0-9]*$' "$tmp/in"; then
	ok "9 endpoints; the shared socket has two PIDs"
else
	notok "9 endpoints; the shared socket has two PIDs (got $n)"
	cat "$tmp/in" >&2
fi
"$NETMIN" list --netns "$ns" --json > "$tmp/json" 2>/dev/null
/usr/bin/python3 - "$tmp/json" "$ns" > "$tmp/jcheck" <<'EOF' || true
import json, sys
doc = json.load(open(sys.argv[1])); ns = sys.argv[2]
eps = {(e["proto"], e["local_address"], e["local_port"]): e for e in doc["endpoints"]}
def say(ok, what): print(("ok - " if ok else "not ok - ") + "live-linux: " + what)
say(eps[("tcp", "::", 7003)].get("dual_stack") is True
    and not eps[("tcp", "::1", 7006)].get("dual_stack"), "dual_stack only on the *:7003 socket")
say([eps[k]["exposure"] for k in [("tcp", "0.0.0.0", 7001), ("tcp", "127.0.0.1", 7004),
    ("udp", "198.18.3.1", 7005), ("udp", "::1", 7002)]] == ["all", "loopback", "address", "loopback"],
    "exposure all / loopback / address")
say(all(e.get("netns") == ns for e in doc["endpoints"]), "every endpoint tagged with netns " + ns)
e = eps[("tcp", "0.0.0.0", 7010)]
say(e.get("user") == "nobody" and e["process"] == "python3" and e.get("exe", "").startswith("/usr/bin/python3"),
    "owner user, process and exe")
say(all(isinstance(x.get("inode"), int) and x["inode"] > 0 for x in doc["endpoints"]), "socket inodes")
EOF
cat "$tmp/jcheck"

# --all-netns: ours and this one, told apart.
"$NETMIN" list --all-netns --json > "$tmp/alljson" 2>/dev/null
/usr/bin/python3 - "$tmp/alljson" "$ns" <<'EOF' || true
import json, sys
doc = json.load(open(sys.argv[1])); ns = sys.argv[2]
mine = sorted(e["local_port"] for e in doc["endpoints"] if e.get("netns") == ns and e["local_port"] < 7100)
ok = mine == [7001, 7002, 7003, 7004, 7005, 7006, 7007, 7010, 7011] or \
     mine == sorted([7001, 7003, 7004, 7006, 7010, 7002, 7005, 7007, 7011])
print(("ok - " if ok else "not ok - ") + "live-linux: --all-netns lists this namespace's endpoints tagged " + ns)
EOF
if "$NETMIN" list --all-netns 2>/dev/null | head -1 | grep -q '^NETNS '; then
	ok "--all-netns table has a NETNS column"
else
	notok "--all-netns table has a NETNS column"
fi

# Unprivileged: everything listed, owners only where allowed, one warning.
cp "$NETMIN" "$tmp/netmin"; chmod 755 "$tmp/netmin"
ip netns exec "$ns" setpriv --reuid=nobody --regid=nogroup --clear-groups \
	env ASAN_OPTIONS=detect_leaks=0 "$tmp/netmin" list --csv \
	> "$tmp/nb.csv" 2> "$tmp/nb.err"
rc=$?
norm_csv < "$tmp/nb.csv" > "$tmp/nb"
awk '{ if ($3 == 7010 || $3 == 7011) print; else { $6 = "-"; print } }' \
	"$tmp/ss" > "$tmp/nb.want"
check "unprivileged: every endpoint, owners only for its own sockets" \
	"$tmp/nb.want" "$tmp/nb"
if [ $rc -eq 0 ] && [ "$(grep -c . "$tmp/nb.err")" -eq 1 ] &&
    grep -q 'sockets of other users have no owner: reading other users.*needs root' "$tmp/nb.err"; then
	ok "unprivileged: one warning says what needed root"
else
	notok "unprivileged: one warning says what needed root (exit $rc)"
	cat "$tmp/nb.err" >&2
fi
ip netns exec "$ns" setpriv --reuid=nobody --regid=nogroup --clear-groups \
	env ASAN_OPTIONS=detect_leaks=0 "$tmp/netmin" list --json 2>/dev/null |
	grep -c '"owner_note": "owner not visible without root"' > "$tmp/nbn"
if [ "$(cat "$tmp/nbn")" -eq 107 ]; then
	ok "unprivileged: each hidden owner says so (107 sockets)"
else
	notok "unprivileged: each hidden owner says so (got $(cat "$tmp/nbn"))"
fi
setpriv --reuid=nobody --regid=nogroup --clear-groups \
	env ASAN_OPTIONS=detect_leaks=0 "$tmp/netmin" list --netns "$ns" \
	> /dev/null 2> "$tmp/nbns"
check_fail "unprivileged --netns fails with exit 3 and says it needs root" \
	$? "$tmp/nbns" "needs root"
ip netns exec "$ns" setpriv --reuid=nobody --regid=nogroup --clear-groups \
	env ASAN_OPTIONS=detect_leaks=0 NETMIN_FD_READER=bpf "$tmp/netmin" list \
	> /dev/null 2> "$tmp/nbbpf"
check_fail "unprivileged NETMIN_FD_READER=bpf fails with exit 3 and says why" \
	$? "$tmp/nbbpf" "NETMIN_FD_READER=bpf: the BPF fd iterator cannot run here (loading the BPF program"

# In a PID namespace of its own the kernel's PIDs are not the ones /proc
# shows: the iterator is not used (forced, it says why).
ip netns exec "$ns" unshare -p -f --mount-proc env NETMIN_FD_READER=bpf \
	"$NETMIN" list > /dev/null 2> "$tmp/pidns"
check_fail "in its own PID namespace NETMIN_FD_READER=bpf fails with exit 3 and says why" \
	$? "$tmp/pidns" "PID namespace of its own"
ip netns exec "$ns" unshare -p -f --mount-proc "$NETMIN" list --json 2> "$tmp/pidns" |
	/usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin)
print(d["host"]["owners_from"], len(d["endpoints"]))' > "$tmp/pidns.out"
if [ "$(cat "$tmp/pidns.out")" = "proc-fd $(wc -l < "$tmp/ss")" ]; then
	ok "in its own PID namespace: fd links, every endpoint still listed"
else
	notok "in its own PID namespace: fd links, every endpoint still listed (got $(cat "$tmp/pidns.out"))"
	cat "$tmp/pidns" >&2
fi

# A thread with its own fd table (unshare(CLONE_FILES)) holds a socket:
# /proc/PID/fd (what ss -p reads) does not show it, the iterator does.
# A child started before the thread puts a PID between the process and
# its thread, so the iterator's records come out of PID order.
cat > "$tmp/thread.py" <<'EOF'
import ctypes, socket, subprocess, threading, time
libc = ctypes.CDLL(None, use_errno=True)
child = subprocess.Popen(["sleep", "300"], preexec_fn=lambda: libc.prctl(1, 15))
ready = threading.Event()
def own_table():
    if libc.unshare(0x400) != 0:            # CLONE_FILES
        raise OSError(ctypes.get_errno(), "unshare")
    k = socket.socket(); k.bind(("127.0.0.1", 7020)); k.listen()
    ready.set(); time.sleep(300)
threading.Thread(target=own_table, daemon=True).start()
ready.wait()
print("ready", flush=True)
time.sleep(300)
EOF
chmod 644 "$tmp/thread.py"
if holder "$PY" "$tmp/thread.py"; then
	tpid=${pids[${#pids[@]}-1]}	# ip netns exec execs python: same PID
	ip netns exec "$ns" "$NETMIN" list --csv 2>> "$tmp/err" | norm_csv |
		grep ' 7020 ' > "$tmp/th-bpf"
	ip netns exec "$ns" env NETMIN_FD_READER=proc "$NETMIN" list --csv \
		2>> "$tmp/err" | norm_csv | grep ' 7020 ' > "$tmp/th-proc"
	ip netns exec "$ns" ss -tulpnH | norm_ss | grep ' 7020 ' > "$tmp/th-ss"
	echo "tcp 127.0.0.1 7020 listen - $tpid" > "$tmp/th-want"
	check "a socket in a thread's own fd table: the iterator names its process" \
		"$tmp/th-want" "$tmp/th-bpf"
	echo "tcp 127.0.0.1 7020 listen - -" > "$tmp/th-want"
	check "... which /proc/PID/fd does not show (fd links)" \
		"$tmp/th-want" "$tmp/th-proc"
	check "... nor ss -tulpn" "$tmp/th-want" "$tmp/th-ss"
	ip netns exec "$ns" "$NETMIN" list --csv 2>> "$tmp/err" | norm_csv |
		grep -v ' 7020 ' > "$tmp/th-rest"
	ip netns exec "$ns" ss -tulpnH | norm_ss | grep -v ' 7020 ' > "$tmp/th-ss-rest"
	check "... and every other endpoint still = ss -tulpn" "$tmp/th-ss-rest" "$tmp/th-rest"
fi
if grep -qE 'Sanitizer|runtime error' "$tmp/err"; then
	notok "no sanitizer reports (fd readers)"; sed 's/^/    /' "$tmp/err" | head -20 >&2
fi

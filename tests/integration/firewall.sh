#!/usr/bin/env bash
# tests/integration/firewall.sh - netmin firewall and apply/undo of its
# nft ruleset on a real host: namespace nmt-fw-s-PID (198.18.9.2) with
# real TCP and UDP listeners (TCP accepts, UDP echoes) and an unrelated nft
# table of its own, scanned from nmt-fw-c-PID (198.18.9.1) over a veth
# pair by netmin scan and nmap.  A TCP connection from the client to port
# 22 stands for the administrator's ssh session (SSH_CONNECTION names it).
#
# Checks: the model keeps exactly what was asked plus the session's port;
# after netmin apply --yes both scanners see exactly those ports open and
# every other port (listening or not) filtered; a ruleset that would shut
# the session out, and one that touches another table, are refused with
# nothing changed; a second apply over the first and its undo give back the
# first ruleset byte for byte, and the last undo the original one (also
# from an empty ruleset); the iptables form, run for real, gives the same
# verdicts and its undo the same iptables rules as before.  No route
# leaves the namespaces.  Prints "ok - ..." / "not ok - ...".
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
NETMIN=${NETMIN:-$top/build/asan/netmin}
PY=/usr/bin/python3
SRV=nmt-fw-s-$$ CLI=nmt-fw-c-$$
V0=nmfw${$}a V1=nmfw${$}b
SIP=198.18.9.2 CIP=198.18.9.1
work=$(mktemp -d /tmp/nmt-fw.XXXXXX)
export NETMIN_STATE_DIR=$work/state
pids=()

ok() { echo "ok - firewall: $1"; }
nok() { echo "not ok - firewall: $1"; }
check() {	# check NAME COMMAND...
	local name=$1; shift
	if "$@"; then ok "$name"; else nok "$name"; fi
}
same_file() {	# same_file NAME WANT GOT: byte for byte
	if cmp -s "$2" "$3"; then ok "$1"; else
		nok "$1"; diff -u "$2" "$3" | head -30 | sed 's/^/# /'; fi
}

cleanup() {
	local p
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null
	done
	for p in "${pids[@]}"; do
		wait "$p" 2>/dev/null
	done
	ip netns del $SRV 2>/dev/null
	ip netns del $CLI 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

for tool in nmap nft iptables ip6tables iptables-restore; do
	if ! command -v "$tool" > /dev/null; then
		nok "peer tool $tool missing (bash tests/setup.sh)"
		exit 0
	fi
done

# --- the two hosts ------------------------------------------------------
ip netns add $SRV && ip netns add $CLI || { nok "cannot make namespaces"; exit 0; }
ip link add $V0 type veth peer name $V1
ip link set $V0 netns $SRV
ip link set $V1 netns $CLI
ip -n $SRV link set lo up
ip -n $CLI link set lo up
ip -n $SRV addr add $SIP/24 dev $V0
ip -n $CLI addr add $CIP/24 dev $V1
ip -n $SRV link set $V0 up
ip -n $CLI link set $V1 up

# Listeners: TCP ones accept and hold, UDP ones echo (so a scanner tells
# an admitted UDP port, which answers, from a dropped one, which is silent).
cat > "$work/listen.py" <<'EOF'
import socket, sys, threading, time
socks = []
for spec in sys.argv[1:]:
    proto, port = spec.split(':')
    fam = socket.AF_INET6 if proto.endswith('6') else socket.AF_INET
    kind = socket.SOCK_STREAM if proto.startswith('tcp') else socket.SOCK_DGRAM
    s = socket.socket(fam, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if fam == socket.AF_INET6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.bind(('::' if fam == socket.AF_INET6 else '0.0.0.0', int(port)))
    if kind == socket.SOCK_STREAM:
        s.listen(64)
    socks.append(s)
def tcp(s):
    held = []
    while True:
        held.append(s.accept()[0])
def udp(s):
    while True:
        d, a = s.recvfrom(2048)
        s.sendto(d if d else b'netmin-test', a)
for s in socks:
    f = tcp if s.type == socket.SOCK_STREAM else udp
    threading.Thread(target=f, args=(s,), daemon=True).start()
print('ready', flush=True)
time.sleep(900)
EOF
ip netns exec $SRV $PY "$work/listen.py" tcp:22 tcp:80 tcp6:443 tcp:8080 \
    tcp:8443 tcp:9000 udp:5000 udp:7000 udp:7001 udp:7002 \
    > "$work/listen.out" 2>&1 &
pids+=($!)
for i in $(seq 1 50); do
	grep -q ready "$work/listen.out" 2>/dev/null && break
	sleep 0.1
done
grep -q ready "$work/listen.out" || { nok "listeners did not start"; exit 0; }

# The administrator's session: a connection to port 22 that stays open.
ip netns exec $CLI $PY -c "
import socket, time
s = socket.create_connection(('$SIP', 22))
print(s.getsockname()[1], flush=True)
time.sleep(900)" > "$work/session.out" 2>&1 &
pids+=($!)
for i in $(seq 1 50); do
	[ -s "$work/session.out" ] && break
	sleep 0.1
done
cport=$(head -1 "$work/session.out")
case $cport in
''|*[!0-9]*) nok "the session connection failed: $cport"; exit 0 ;;
esac
export SSH_CONNECTION="$CIP $cport $SIP 22"

in_srv() { ip netns exec $SRV "$@"; }
in_cli() { ip netns exec $CLI "$@"; }
ruleset() { in_srv nft list ruleset > "$1"; }

TCP_PORTS="1-1024,8080,8443,9000,9999"	# 1028 ports
UDP_PORTS="5000,7000-7003"

# scan_truth NAME WANT: netmin scan's verdicts, "proto port state" for
# every port not closed, then the closed counts.
scan_truth() {
	local name=$1 want=$2
	in_cli "$NETMIN" scan -t -u -p "T:$TCP_PORTS,U:$UDP_PORTS" --json \
	    --no-progress $SIP > "$work/scan.json" 2> "$work/scan.err"
	$PY - "$work/scan.json" > "$work/scan.got" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for p in sorted(d["ports"], key=lambda p: (p["proto"], p["port"])):
    print(p["proto"], p["port"], p["state"])
print("closed tcp", d["closed"]["tcp"], "udp", d["closed"]["udp"])
EOF
	if cmp -s "$want" "$work/scan.got"; then ok "$name"; else
		nok "$name"; diff -u "$want" "$work/scan.got" | head -20 | sed 's/^/# /'
		sed 's/^/# /' "$work/scan.err" | head -5; fi
}

# nmap_truth NAME WANT: nmap -sT and -sU over the listening ports and a
# closed one of each, "proto port state" per port.
nmap_truth() {
	local name=$1 want=$2
	{ in_cli nmap -sT -Pn -n --max-retries 1 -p 22,80,443,8080,8443,9000,9999 \
	    -oG - $SIP; in_cli nmap -sU -Pn -n --max-retries 1 \
	    -p 5000,7000,7001,7002,7003 -oG - $SIP; } > "$work/nmap.out" 2>&1
	$PY - "$work/nmap.out" > "$work/nmap.got" <<'EOF'
import re, sys
rows = []
for line in open(sys.argv[1]):
    m = re.search(r"Ports: (.*?)(\t|$)", line)
    if not m:
        continue
    for item in m.group(1).split(", "):
        f = item.split("/")
        rows.append((f[2], int(f[0]), f[1]))
for r in sorted(rows):
    print(*r)
EOF
	if cmp -s "$want" "$work/nmap.got"; then ok "$name"; else
		nok "$name"; diff -u "$want" "$work/nmap.got" | head -20 | sed 's/^/# /'; fi
}

# --- the truth ----------------------------------------------------------
# (TCP 9: the host's own table drops it.)
{ echo "tcp 9 filtered"
  for p in 22 80 443 8080 8443 9000; do echo "tcp $p open"; done
  for p in 5000 7000 7001 7002; do echo "udp $p open"; done
  echo "closed tcp 1021 udp 1"; } > "$work/truth-open"
# With the ruleset: kept 80, 8443/tcp, 7000/udp and the session's 22.
$PY - "$work/truth-fw" <<'EOF'
import sys
rows = []
tcp = list(range(1, 1025)) + [8080, 8443, 9000, 9999]
for p in tcp:
    rows.append(("tcp", p, "open" if p in (22, 80, 8443) else "filtered"))
for p in (5000, 7000, 7001, 7002, 7003):
    rows.append(("udp", p, "open" if p == 7000 else "open|filtered"))
with open(sys.argv[1], "w") as f:
    for r in sorted(rows):
        print(*r, file=f)
    print("closed tcp 0 udp 0", file=f)
EOF
cat > "$work/nmap-open" <<'EOF'
tcp 22 open
tcp 80 open
tcp 443 open
tcp 8080 open
tcp 8443 open
tcp 9000 open
tcp 9999 closed
udp 5000 open
udp 7000 open
udp 7001 open
udp 7002 open
udp 7003 closed
EOF
cat > "$work/nmap-fw" <<'EOF'
tcp 22 open
tcp 80 open
tcp 443 filtered
tcp 8080 filtered
tcp 8443 open
tcp 9000 filtered
tcp 9999 filtered
udp 5000 open|filtered
udp 7000 open
udp 7001 open|filtered
udp 7002 open|filtered
udp 7003 open|filtered
EOF

KEEP=(--keep 80 --keep 8443/tcp --keep 7000/udp)

# --- from an empty ruleset ----------------------------------------------
ruleset "$work/r-empty"
in_srv "$NETMIN" firewall "${KEEP[@]}" --emit nft -o "$work/fw.nft" \
    > "$work/fw.out" 2> "$work/fw.err"
check "firewall --emit nft -o writes the ruleset and its undo form" \
    test $? = 0 -a -s "$work/fw.nft" -a -s "$work/fw-undo.nft"
in_srv "$NETMIN" apply "$work/fw.nft" --yes --journal "$work/j0" > "$work/a0.out" 2>&1
rc=$?
in_srv "$NETMIN" undo "$work/j0" > "$work/u0.out" 2>&1
check "apply then undo on an empty ruleset exit 0" test $rc = 0 -a $? = 0
ruleset "$work/r-empty2"
same_file "undo gives back the empty ruleset byte for byte" "$work/r-empty" "$work/r-empty2"

# --- with an unrelated table of the host's own ---------------------------
in_srv nft -f - <<'EOF'
table ip hostown {
	chain c {
		type filter hook input priority 10; policy accept;
		tcp dport 9 drop
	}
	set blocked {
		type ipv4_addr
		elements = { 192.0.2.1, 192.0.2.7 }
	}
}
EOF
ruleset "$work/r0"

scan_truth "netmin scan before: every listener open, the rest closed" "$work/truth-open"
nmap_truth "nmap before: every listener open, the rest closed" "$work/nmap-open"

# The model: exactly the kept ports plus the session's.
in_srv "$NETMIN" firewall "${KEEP[@]}" --json > "$work/model.json" 2> "$work/model.err"
$PY - "$work/model.json" > "$work/model.got" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["allow"]:
    print("allow", r["proto"], r["port"], r["origin"], r["from"], r["to"])
for r in d["filtered"]:
    print("filter", r["proto"], r["local_port"], r["local_address"])
for s in d["sessions"]:
    print("session", s["client"], s["port"], s["how"], s["admitted"])
EOF
cat > "$work/model.want" <<EOF
allow tcp 22 guard [] []
allow tcp 80 asked [] []
allow tcp 8443 asked [] []
allow udp 7000 asked [] []
filter tcp 443 ::
filter tcp 8080 0.0.0.0
filter tcp 9000 0.0.0.0
filter udp 5000 0.0.0.0
filter udp 7001 0.0.0.0
filter udp 7002 0.0.0.0
session $CIP 22 SSH_CONNECTION True
EOF
same_file "the model admits the kept ports and the session's, filters every other listener" \
    "$work/model.want" "$work/model.got"

in_srv "$NETMIN" apply "$work/fw.nft" > "$work/dry.out" 2>&1
rc=$?
ruleset "$work/r-dry"
check "apply without --yes: exit 1 (pending), shows the table" \
    test $rc = 1 -a "$(grep -c 'tcp dport 8443 accept' "$work/dry.out")" = 1
same_file "apply without --yes changes nothing" "$work/r0" "$work/r-dry"

in_srv "$NETMIN" apply "$work/fw.nft" --yes --journal "$work/j1" > "$work/a1.out" 2>&1
check "apply --yes loads the ruleset (exit 0)" test $? = 0
ruleset "$work/r1"
check "the host's own table stays, the netmin table is added" \
    grep -q 'table ip hostown' "$work/r1"
check "the netmin table admits 80, 8443, 7000/udp and the session's 22" \
    test "$(grep -cE 'tcp dport (22|80|8443) accept|udp dport 7000 accept' "$work/r1")" = 4

scan_truth "netmin scan after apply: exactly 22, 80, 8443/tcp and 7000/udp open, every other port filtered" "$work/truth-fw"
nmap_truth "nmap after apply: exactly 22, 80, 8443/tcp and 7000/udp open, every other port filtered" "$work/nmap-fw"

# --- the lockout guard and bad files -------------------------------------
in_srv "$NETMIN" firewall "${KEEP[@]}" --drop 22 --emit nft -o "$work/noguard.nft" \
    > /dev/null 2> "$work/noguard.err"
check "firewall --drop 22 leaves the session's rule out and says so" \
    grep -q "note: --drop 22: the session from $CIP to port 22" "$work/noguard.err"
in_srv "$NETMIN" apply "$work/noguard.nft" --yes --journal "$work/jx" > "$work/ax.out" 2>&1
rc=$?
ruleset "$work/r-x"
check "apply refuses a ruleset that shuts the session out (exit 2)" \
    test $rc = 2 -a ! -e "$work/jx"
check "the refusal names the session and --allow" \
    grep -q "it does not admit this session (tcp from $CIP to $SIP port 22, SSH_CONNECTION).*--allow 22/tcp" "$work/ax.out"
same_file "the refused ruleset changed nothing" "$work/r1" "$work/r-x"

{ echo "flush ruleset"; cat "$work/fw.nft"; } > "$work/flush.nft"
in_srv "$NETMIN" apply "$work/flush.nft" --yes --journal "$work/jf" > "$work/af.out" 2>&1
rc=$?
ruleset "$work/r-f"
check "apply refuses a file that flushes the ruleset (exit 2, file:line)" \
    test $rc = 2 -a "$(grep -c 'flush.nft:1: netmin apply loads only the table inet netmin' "$work/af.out")" = 1
same_file "the refused file changed nothing" "$work/r1" "$work/r-f"

# --- a second apply over the first, and both undos ----------------------
in_srv "$NETMIN" firewall "${KEEP[@]}" --keep 8080 --emit nft -o "$work/fw2.nft" 2> /dev/null
in_srv "$NETMIN" apply "$work/fw2.nft" --yes --journal "$work/j2" > "$work/a2.out" 2>&1
check "a second apply replaces the netmin table (exit 0)" test $? = 0
in_cli "$NETMIN" scan -p 8080,9000 --json $SIP > "$work/s2.json" 2> /dev/null
check "after it 8080 is open and 9000 still filtered" test \
    "$($PY -c 'import json,sys; print(" ".join("%d:%s" % (p["port"], p["state"]) for p in json.load(open(sys.argv[1]))["ports"]))' "$work/s2.json")" = "8080:open 9000:filtered"
ruleset "$work/r2"
check "the table kept its place: hostown first, netmin after" \
    test "$(grep '^table' "$work/r2" | tr '\n' ' ')" = "table ip hostown { table inet netmin { "
in_srv "$NETMIN" undo "$work/j2" > "$work/u2.out" 2>&1
check "undo of the second apply exits 0" test $? = 0
ruleset "$work/r1b"
same_file "undo of the second apply gives back the first ruleset byte for byte" "$work/r1" "$work/r1b"
in_srv "$NETMIN" undo "$work/j1" > "$work/u1.out" 2>&1
check "undo of the first apply exits 0" test $? = 0
ruleset "$work/r0b"
same_file "undo gives back the original ruleset (with the host's table) byte for byte" "$work/r0" "$work/r0b"
in_srv "$NETMIN" undo "$work/j1" > "$work/u1b.out" 2>&1
rc=$?
ruleset "$work/r0c"
check "undo again changes nothing (exit 0, nothing to restore)" \
    test $rc = 0 -a "$(grep -c 'nothing to restore' "$work/u1b.out")" = 1
same_file "the ruleset after a second undo is still the original" "$work/r0" "$work/r0c"
scan_truth "netmin scan after undo: every listener open again" "$work/truth-open"

# --- the iptables form, run for real -------------------------------------
in_srv iptables -A INPUT -p tcp --dport 9 -j DROP
in_srv ip6tables -A INPUT -p tcp --dport 9 -j DROP
{ in_srv iptables -S; in_srv ip6tables -S; } > "$work/ipt0"
in_srv "$NETMIN" firewall "${KEEP[@]}" --emit iptables -o "$work/fw.sh" 2> /dev/null
in_srv sh "$work/fw.sh" > "$work/ipt.out" 2>&1
check "the iptables script runs (exit 0)" test $? = 0
check "INPUT jumps to NETMIN-IN first, the host's rule stays" test \
    "$(in_srv iptables -S INPUT | tr '\n' ' ')" = "-P INPUT ACCEPT -A INPUT -j NETMIN-IN -A INPUT -p tcp -m tcp --dport 9 -j DROP "
in_srv sh "$work/fw.sh" > "$work/ipt2.out" 2>&1
check "the iptables script refuses to run twice" test $? = 1
scan_truth "netmin scan with the iptables form: exactly 22, 80, 8443/tcp and 7000/udp open, the rest filtered" "$work/truth-fw"
in_srv sh "$work/fw-undo.sh" > "$work/iptu.out" 2>&1
check "the iptables undo script exits 0" test $? = 0
{ in_srv iptables -S; in_srv ip6tables -S; } > "$work/ipt1"
same_file "the iptables undo script leaves exactly the rules there were" "$work/ipt0" "$work/ipt1"
exit 0

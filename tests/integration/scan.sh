#!/usr/bin/env bash
# tests/integration/scan.sh - netmin scan against a real host built here:
# namespace nmt-scan-ts-PID (198.18.4.2) with real listeners and daemons
# (Samba smbd/nmbd, chrony, dnsmasq, net-snmp, strongSwan charon,
# minissdpd, avahi, wsdd, plain sockets), nftables drop and reject rules,
# and a listener whose accept queue is full; scanned from nmt-scan-tc-PID
# (198.18.4.1) over a veth pair.  Every verdict is checked against the
# truth the script built, and nmap -sT / -sU scan the same host so both
# scanners can be compared with that truth.  Last, netmin verify holds a
# plan (written here from the host's inventory) to the host after one of
# its steps was carried out.  No route leaves the
# namespaces.  Prints "ok - ..." / "not ok - ..."; "# ..." lines explain.
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
NETMIN=${NETMIN:-$top/build/asan/netmin}
PY=/usr/bin/python3
# Per-run names: two suite runs at once must not delete each other's hosts.
SRV=nmt-scan-ts-$$ CLI=nmt-scan-tc-$$
V0=nmsc${$}a V1=nmsc${$}b
SIP=198.18.4.2
work=$(mktemp -d /tmp/nmt-scan.XXXXXX)
pids=()

ok() { echo "ok - scan: $1"; }
nok() { echo "not ok - scan: $1"; }

cleanup() {
	local p
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null
	done
	for p in "${pids[@]}"; do
		wait "$p" 2>/dev/null
	done
	for p in $(ip netns pids $SRV 2>/dev/null) \
	    $(ip netns pids $CLI 2>/dev/null); do
		kill "$p" 2>/dev/null
	done
	ip netns del $SRV 2>/dev/null
	ip netns del $CLI 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

for tool in nmap nft smbd nmbd chronyd dnsmasq snmpd minissdpd \
    avahi-daemon wsdd /usr/lib/ipsec/charon; do
	if ! command -v "$tool" > /dev/null; then
		nok "peer tool $tool missing (bash tests/setup.sh)"
		exit 0
	fi
done

# --- the two hosts ------------------------------------------------------
ip netns del $SRV 2>/dev/null
ip netns del $CLI 2>/dev/null
ip netns add $SRV && ip netns add $CLI || { nok "cannot make namespaces"; exit 0; }
ip link add $V0 type veth peer name $V1
ip link set $V0 netns $SRV
ip link set $V1 netns $CLI
ip -n $SRV link set lo up
ip -n $CLI link set lo up
ip -n $SRV addr add $SIP/24 dev $V0
ip -n $CLI addr add 198.18.4.1/24 dev $V1
ip -n $SRV link set $V0 up
ip -n $CLI link set $V1 up

# Plain sockets: listeners that accept, one that never does (backlog 0),
# silent UDP sockets.  Prints "ready" once all are bound.
cat > "$work/listen.py" <<'EOF'
import socket, sys, time
socks = []
for spec in sys.argv[1:]:
    proto, port = spec.split(':')[:2]
    backlog = int(spec.split(':')[2]) if spec.count(':') == 2 else 64
    fam = socket.AF_INET6 if proto.endswith('6') else socket.AF_INET
    kind = socket.SOCK_STREAM if proto.startswith('tcp') else socket.SOCK_DGRAM
    s = socket.socket(fam, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('::' if fam == socket.AF_INET6 else '0.0.0.0', int(port)))
    if kind == socket.SOCK_STREAM:
        s.listen(backlog)
    socks.append(s)
print('ready', flush=True)
time.sleep(600)
EOF
# Fills the accept queue of a listener that never accepts.
cat > "$work/fill.py" <<'EOF'
import socket, sys, time
cs = []
for i in range(4):
    c = socket.socket(); c.setblocking(False)
    try: c.connect((sys.argv[1], int(sys.argv[2])))
    except BlockingIOError: pass
    cs.append(c)
time.sleep(600)
EOF
ip netns exec $SRV $PY "$work/listen.py" tcp:22 tcp:80 tcp:8080 tcp:8443 \
    tcp:8444 tcp:8445 tcp:7070:0 tcp6:8086 udp:7000 udp:7001 udp:7002 \
    udp6:7006 > "$work/listen.out" 2>&1 &
pids+=($!)

# Samba: smbd (TCP 139/445) and nmbd (UDP 137/138), test-peers.md A.
S=$work/samba
mkdir -p $S/{private,lock,state,cache,log,pid,ncalrpc,share}
cat > $S/smb.conf <<EOF
[global]
   workgroup = NMTGRP
   netbios name = NMTPEER
   server role = standalone server
   map to guest = Bad User
   interfaces = 198.18.4.2/24
   bind interfaces only = yes
   private dir = $S/private
   lock directory = $S/lock
   state directory = $S/state
   cache directory = $S/cache
   pid directory = $S/pid
   ncalrpc dir = $S/ncalrpc
   log file = $S/log/log.%m
   passdb backend = tdbsam:$S/private/passdb.tdb
   load printers = no
   printcap name = /dev/null
   disable spoolss = yes
[public]
   path = $S/share
   read only = yes
   guest ok = yes
EOF
ip netns exec $SRV smbd -F -s $S/smb.conf > "$work/smbd.log" 2>&1 &
pids+=($!)
ip netns exec $SRV nmbd -F -s $S/smb.conf > "$work/nmbd.log" 2>&1 &
pids+=($!)

# chrony as an NTP server (-x: never touches the clock).
cat > "$work/chrony.conf" <<EOF
port 123
cmdport 0
allow 198.18.4.0/24
local stratum 10
pidfile $work/chronyd.pid
driftfile $work/chrony.drift
EOF
ip netns exec $SRV chronyd -d -x -u root -f "$work/chrony.conf" \
    > "$work/chrony.log" 2>&1 &
pids+=($!)

ip netns exec $SRV dnsmasq -k --conf-file=/dev/null --port=53 \
    --listen-address=$SIP --bind-interfaces --no-resolv --no-hosts \
    --pid-file="$work/dnsmasq.pid" --user=root --log-facility=- \
    > "$work/dnsmasq.log" 2>&1 &
pids+=($!)
dnsmasq_pid=$!

mkdir -p "$work/snmp"
cat > "$work/snmpd.conf" <<EOF
agentaddress udp:$SIP:161
rocommunity public 198.18.4.0/24
sysDescr netmin test agent
EOF
SNMP_PERSISTENT_DIR=$work/snmp ip netns exec $SRV snmpd -f -Lo -C \
    -c "$work/snmpd.conf" -p "$work/snmpd.pid" > "$work/snmpd.log" 2>&1 &
pids+=($!)

# charon (IKE 500, NAT-T 4500) with no connection configured: it answers
# IKE_SA_INIT with NO_PROPOSAL_CHOSEN.  Its pid file lives in /run: a
# private tmpfs there, in a mount namespace of its own.
cat > "$work/strongswan.conf" <<EOF
charon {
  load = random nonce aes sha1 sha2 hmac gmp kdf kernel-netlink socket-default
  port = 500
  port_nat_t = 4500
  install_routes = no
}
EOF
ip netns exec $SRV unshare -m sh -c "mount -t tmpfs tmpfs /run &&
    STRONGSWAN_CONF=$work/strongswan.conf exec /usr/lib/ipsec/charon" \
    > "$work/charon.log" 2>&1 &
pids+=($!)

ip netns exec $SRV minissdpd -d -i $V0 -s "$work/ssdp.sock" \
    -p "$work/ssdp.pid" > "$work/ssdp.log" 2>&1 &
pids+=($!)

cat > "$work/avahi.conf" <<EOF
[server]
host-name=nmtpeer
use-ipv4=yes
use-ipv6=no
allow-interfaces=$V0
enable-dbus=no
[publish]
publish-workstation=yes
publish-hinfo=no
EOF
ip netns exec $SRV unshare -m sh -c "mount -t tmpfs tmpfs /run/avahi-daemon \
    2>/dev/null || { mkdir -p /run/avahi-daemon &&
    mount -t tmpfs tmpfs /run/avahi-daemon; } && exec avahi-daemon \
    -f $work/avahi.conf --no-drop-root --no-chroot --no-rlimits" \
    > "$work/avahi.log" 2>&1 &
pids+=($!)

# wsdd answers WS-Discovery probes sent to the multicast group only: to a
# unicast scan it is a silent listener on 3702.
ip netns exec $SRV $PY /usr/sbin/wsdd -i $V0 -4 -n NMTPEER -t \
    > "$work/wsdd.log" 2>&1 &
pids+=($!)

# The firewall: drop only SYNs (replies to the scanner's own ephemeral
# ports must pass), reject some with RST or ICMP.
ip netns exec $SRV nft -f - <<'EOF'
table inet nmt_scan {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 8443 tcp flags & (syn | ack) == syn drop
    tcp dport 9000-9019 tcp flags & (syn | ack) == syn drop
    tcp dport 8444 reject with tcp reset
    tcp dport 8445 reject with icmp type admin-prohibited
    udp dport 7010 drop
    udp dport 7011 reject with icmp type admin-prohibited
  }
}
EOF

# Wait (bounded) until every peer is bound.
want_tcp="22 80 139 445 7070 8080"
want_udp="53 123 137 138 161 500 1900 3702 4500 5353 7000"
for i in $(seq 1 100); do
	have=$(ip netns exec $SRV ss -lntuH 2>/dev/null |
	    awk '{ n = split($5, a, ":"); print $1 ":" a[n] }' | sort -u)
	missing=0
	for p in $want_tcp; do grep -qx "tcp:$p" <<< "$have" || missing=1; done
	for p in $want_udp; do grep -qx "udp:$p" <<< "$have" || missing=1; done
	[ $missing = 0 ] && break
	sleep 0.1
done
if [ $missing = 1 ]; then
	nok "peers did not come up in 10 s"
	ip netns exec $SRV ss -lntup | sed 's/^/# /'
	tail -3 "$work"/*.log | sed 's/^/# /'
	exit 0
fi
# minissdpd answers M-SEARCH for the services it was told about.
$PY - "$work/ssdp.sock" <<'EOF'
import socket, sys
def cl(n):
    out = [n & 0x7f]; n >>= 7
    while n: out.insert(0, (n & 0x7f) | 0x80); n >>= 7
    return bytes(out)
def s(x): b = x.encode(); return cl(len(b)) + b
req = bytes([4]) + s("upnp:rootdevice") + \
    s("uuid:11111111-2222-3333-4444-555555555555::upnp:rootdevice") + \
    s("Linux/6 UPnP/1.1 netmin-test/1") + s("http://198.18.4.2:5000/rootDesc.xml")
c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); c.connect(sys.argv[1])
c.send(req); c.close()
EOF
ip netns exec $SRV $PY "$work/fill.py" $SIP 7070 > /dev/null 2>&1 &
pids+=($!)
sleep 0.5

# --- the truth ----------------------------------------------------------
cat > "$work/truth-tcp" <<'EOF'
22 open connected
53 open connected
80 open connected
139 open connected
199 open connected
445 open connected
7070 filtered no-response
8080 open connected
8086 open connected
8443 filtered no-response
8445 filtered unreachable
EOF
for p in $(seq 9000 9019); do echo "$p filtered no-response"; done >> "$work/truth-tcp"
# 53 is dnsmasq over TCP, 199 snmpd's SMUX, 8086 a dual-stack IPv6
# listener; 8444 listens but the firewall answers RST: closed.
cat > "$work/truth-udp" <<'EOF'
53 open domain
123 open ntp
137 open netbios-ns
138 open|filtered -
161 open snmp
500 open isakmp
1900 open ssdp
3702 open|filtered -
4500 open ipsec-nat-t
5353 open mdns
7000 open|filtered -
7001 open|filtered -
7002 open|filtered -
7010 open|filtered -
7011 filtered -
EOF
udp_ports="53,67,69,88,111,123,135,137,138,161,389,445,464,500,514,520,1434,1900,2049,3389,3702,4500,5353,5355,7000-7003,7010,7011"
udp_closed=15	# the 30 ports above minus the 15 truth rows

# compare NAME JSON TRUTH PROTO CLOSED: netmin's listed ports (port state
# reason|service) must equal TRUTH, and its closed count CLOSED.
compare() {
	local name=$1 json=$2 truth=$3 proto=$4 closed=$5
	$PY - "$json" "$proto" > "$work/got" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for p in d["ports"]:
    if p["proto"] != sys.argv[2]:
        continue
    if p["proto"] == "tcp":
        print(p["port"], p["state"], p["reason"])
    else:
        print(p["port"], p["state"], p.get("service", "-"))
print("closed", d["closed"][sys.argv[2]])
EOF
	{ cat "$truth"; echo "closed $closed"; } > "$work/want"
	if diff -u "$work/want" "$work/got" > "$work/diff"; then
		ok "$name"
	else
		nok "$name"
		sed 's/^/# /' "$work/diff"
	fi
}

# --- TCP ----------------------------------------------------------------
ip netns exec $CLI "$NETMIN" scan --json $SIP > "$work/tcp.json" 2> "$work/tcp.err"
rc=$?
[ $rc = 0 ] && ok "tcp scan of all 65535 ports exits 0" ||
    { nok "tcp scan exit $rc"; sed 's/^/# /' "$work/tcp.err"; }
compare "tcp: every open/filtered verdict and the closed count equal the truth" \
    "$work/tcp.json" "$work/truth-tcp" tcp $((65535 - 31))
$PY -c 'import json,sys; print("# netmin tcp: %d ms" % json.load(open(sys.argv[1]))["elapsed_ms"]["tcp"])' "$work/tcp.json"

# The same ports through nmap -sT: its verdicts against the same truth.
ip netns exec $CLI nmap -sT -Pn -n -T4 -p 1-10000 -oX "$work/nmap-tcp.xml" $SIP > /dev/null 2>&1
$PY - "$work/nmap-tcp.xml" "$work/truth-tcp" <<'EOF' > "$work/nmap-tcp.cmp"
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
got = {}
for p in r.iter('port'):
    got[int(p.get('portid'))] = p.find('state').get('state')
extra = r.find('.//extraports')
default = extra.get('state') if extra is not None else 'closed'
truth = {int(l.split()[0]): l.split()[1] for l in open(sys.argv[2])}
bad = 0
for port in range(1, 10001):
    t = truth.get(port, 'closed'); n = got.get(port, default)
    if n != t:
        bad += 1; print('# nmap -sT port %d: %s, truth %s' % (port, n, t))
print('mismatches', bad)
EOF
if grep -qx "mismatches 0" "$work/nmap-tcp.cmp"; then
	ok "tcp: nmap -sT on ports 1-10000 equals the same truth (netmin agrees with nmap)"
else
	nok "tcp: nmap -sT differs from the truth"
	grep '^#' "$work/nmap-tcp.cmp"
fi

# A full accept queue looks filtered; the host's own view says why.
if "$NETMIN" list --help 2>/dev/null | grep -qE '^  ss '; then
	ip netns exec $SRV ss -ltnp > "$work/ss.txt"
	ip netns exec $CLI "$NETMIN" scan --json -p 7070,8443 --from "$work/ss.txt" $SIP > "$work/aq.json" 2>/dev/null
	if $PY -c 'import json,sys
d = {p["port"]: p for p in json.load(open(sys.argv[1]))["ports"]}
assert "accept queue" in d[7070].get("note", "")
assert "accept queue" in d[8443].get("note", "")' "$work/aq.json"; then
		ok "tcp: filtered ports where the host lists a listener carry the accept-queue note"
	else
		nok "tcp: accept-queue note missing"
	fi
else
	nok "tcp: this build reads no ss capture"
fi
# Scanning itself, netmin reads the host's live view instead.
ip netns exec $SRV "$NETMIN" scan --json -p 7070 $SIP > "$work/aq-self.json" 2>/dev/null
if $PY -c 'import json,sys
p = json.load(open(sys.argv[1]))["ports"][0]
assert p["port"] == 7070 and p["state"] == "filtered", p
assert "the host lists a listener here (python3, pid " in p["note"], p
print("# " + p["note"])' "$work/aq-self.json"; then
	ok "tcp: scanning this host, its live view explains the full accept queue"
else
	nok "tcp: live view note missing"
fi

# IPv6, from inside the host to ::1.
ip netns exec $SRV "$NETMIN" scan -6 --json -p 8085-8087 ::1 > "$work/v6.json" 2>/dev/null
printf '8086 open connected\n' > "$work/truth-v6"
compare "tcp over IPv6 (::1): 8086 open, 8085 and 8087 closed" \
    "$work/v6.json" "$work/truth-v6" tcp 2

# --- UDP ----------------------------------------------------------------
ip netns exec $CLI "$NETMIN" scan -u --json -p "$udp_ports" $SIP \
    > "$work/udp.json" 2> "$work/udp.err"
rc=$?
[ $rc = 0 ] && ok "udp scan exits 0" ||
    { nok "udp scan exit $rc"; sed 's/^/# /' "$work/udp.err"; }
compare "udp: every verdict and service equals the truth, despite the ICMP rate limit" \
    "$work/udp.json" "$work/truth-udp" udp $udp_closed
if $PY -c 'import json,sys
d = json.load(open(sys.argv[1]))
n = [x for x in d["notes"] if "one at a time" in x]
print("# " + (n[0] if n else "no recheck note"))
print("# netmin udp: %d ms" % d["elapsed_ms"]["udp"])
assert n and not n[0].endswith("; 0 turned out closed")' "$work/udp.json"; then
	ok "udp: silent ports were rechecked past the rate limit, and some were closed"
else
	nok "udp: no recheck past the ICMP rate limit"
fi
$PY - "$work/udp.json" <<'EOF'
import json, sys
for p in json.load(open(sys.argv[1]))["ports"]:
    if "detail" in p:
        print("# udp %d %s: %s" % (p["port"], p.get("service", "?"), p["detail"]))
EOF

# nmap -sU on the same ports: the protocols its own probes speak must
# answer it too; where it differs from the truth is printed.
ip netns exec $CLI nmap -sU -Pn -n -T4 -p "$udp_ports" -oX "$work/nmap-udp.xml" $SIP > /dev/null 2>&1
$PY - "$work/nmap-udp.xml" "$work/truth-udp" "$udp_ports" <<'EOF' > "$work/nmap-udp.cmp"
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
got = {int(p.get('portid')): p.find('state').get('state') for p in r.iter('port')}
truth = {int(l.split()[0]): l.split()[1] for l in open(sys.argv[2])}
ports = []
for item in sys.argv[3].split(','):
    a, _, b = item.partition('-')
    ports += range(int(a), int(b or a) + 1)
bad = 0
for port in ports:
    t = truth.get(port, 'closed'); n = got.get(port, '?')
    if n != t:
        bad += 1; print('# nmap -sU -T4 port %d: %s, truth %s' % (port, n, t))
print('# nmap -sU -T4: %d of %d ports differ from the truth' % (bad, len(ports)))
for port in (53, 123, 137, 161, 500, 1900, 5353):
    print('open' if got.get(port) == 'open' else 'NOT-OPEN', port)
EOF
grep '^#' "$work/nmap-udp.cmp"
if ! grep -q NOT-OPEN "$work/nmap-udp.cmp"; then
	ok "udp: nmap -sU also finds 53 123 137 161 500 1900 5353 open (netmin agrees)"
else
	nok "udp: nmap -sU does not see every answering peer"
	grep NOT-OPEN "$work/nmap-udp.cmp" | sed 's/^/# /'
fi

# A time budget too short for the rechecks: nothing may pass silently for
# open|filtered; what was not rechecked says so.
ip netns exec $CLI "$NETMIN" scan -u --json --max-time 2 -p 7000,7003,7020-7040 $SIP \
    > "$work/short.json" 2>/dev/null
if $PY -c 'import json,sys
d = json.load(open(sys.argv[1]))
unc = [p for p in d["ports"] if p.get("uncertain")]
sure = [p for p in d["ports"] if not p.get("uncertain")]
assert unc, "nothing uncertain"
assert all(p["reason"] == "not-rechecked" and p["state"] == "open|filtered" for p in unc)
assert all(p["port"] == 7000 for p in sure), sure
assert any("not rechecked" in n for n in d["notes"])
print("# %d ports uncertain, %d closed" % (len(unc), d["closed"]["udp"]))' "$work/short.json"; then
	ok "udp: a short time budget marks unchecked silent ports uncertain, never plain open|filtered"
else
	nok "udp: short time budget"
fi

# UDP over IPv6 (::1, no ICMP rate limit on loopback).
ip netns exec $SRV "$NETMIN" scan -6 -u --json -p 7006,7007 ::1 > "$work/v6u.json" 2>/dev/null
printf '7006 open|filtered -\n' > "$work/truth-v6u"
compare "udp over IPv6 (::1): 7006 open|filtered, 7007 closed" \
    "$work/v6u.json" "$work/truth-v6u" udp 1

# --- refusals and table output -----------------------------------------
out=$(ip netns exec $CLI "$NETMIN" scan 198.18.4.255 2>&1)
rc=$?
if [ $rc = 2 ] && [ "$out" = "netmin: 198.18.4.255 is the broadcast address of $V1 (198.18.4.0/24), not one host; give --allow-broadcast to scan it anyway" ]; then
	ok "a directed broadcast target is refused (exit 2)"
else
	nok "broadcast refusal: rc $rc, $out"
fi
out=$(ip netns exec $CLI "$NETMIN" scan 239.255.255.250 2>&1)
[ $? = 2 ] && [[ $out == *"is a multicast address, not one host"* ]] &&
    ok "a multicast target is refused (exit 2)" || nok "multicast refusal: $out"
out=$(ip netns exec $CLI "$NETMIN" scan -p 22,8443,9000-9019 $SIP 2>&1)
want="netmin scan 198.18.4.2, tcp 22 ports in"
if [[ $out == "$want"* ]] && grep -qE '^tcp +9000-9019 +filtered +no-response +20 ports$' <<< "$out" &&
    grep -qx 'closed (not shown): tcp 0' <<< "$out"; then
	ok "table output: a dropped range takes one row"
else
	nok "table output"
	sed 's/^/# /' <<< "$out"
fi

# --- verify: a plan held to reality ------------------------------------
# The plan is written here from the host's own inventory (netmin list
# --netns): step 1 stops dnsmasq (53), step 2 stops chrony (123).  Only
# step 1 is carried out (dnsmasq killed), so verifying step 1 must pass
# and verifying step 2 must catch the wrong prediction.
"$NETMIN" list --netns $SRV --json > "$work/inv.json" 2>/dev/null
$PY - "$work/inv.json" "$work/plan.json" <<'EOF'
import json, sys
eps = [e for e in json.load(open(sys.argv[1]))["endpoints"]
       if e["state"] in ("listen", "unconn") and not e["phantom"]]
def ref(e):
    return {k: e[k] for k in ("proto", "family", "local_address", "local_port", "pid", "kb")}
def closes(eps, port):
    return [e for e in eps if e["local_port"] == port]
s1 = closes(eps, 53); a1 = [e for e in eps if e not in s1]
s2 = closes(a1, 123); a2 = [e for e in a1 if e not in s2]
assert s1 and s2
step = lambda i, t, c, a: {"id": i, "phase": "services", "title": t, "kb": [],
    "actions": [], "closes": [ref(e) for e in c], "moves": [], "reboot": False,
    "confidence": "high", "effects": [], "after": a}
json.dump({"schema": "netmin.plan/1", "host": {"os": "linux"}, "keep": [], "drop": [],
    "before": eps, "steps": [step(1, "stop dnsmasq", s1, a1), step(2, "stop chrony", s2, a2)],
    "kept": [], "remaining": a2, "notes": []}, open(sys.argv[2], "w"), indent=1)
EOF
kill "$dnsmasq_pid"; wait "$dnsmasq_pid" 2>/dev/null
for i in $(seq 1 50); do
	ip netns exec $SRV ss -lntuH | grep -q ':53 ' || break; sleep 0.1
done
vports="T:1-65535,U:53,123,137,7000"
ip netns exec $CLI "$NETMIN" verify --plan "$work/plan.json" --step 1 --netns $SRV --target $SIP -p $vports --json \
    > "$work/v1.json" 2> "$work/v1.err"
rc=$?
if [ $rc = 0 ] && $PY -c 'import json,sys
d = json.load(open(sys.argv[1]))
assert d["match"] and d["verified_steps"] == 1, d["counts"]
c = [x for x in d["checks"] if x["local_port"] == 53]
assert c and all(x["verdict"] == "closed-as-predicted" and x["step"] == 1 for x in c), c
u = [x for x in c if x["proto"] == "udp"][0]
assert u["outside"] == "closed", u
n = [x for x in d["checks"] if x["local_port"] == 123 and x["proto"] == "udp"]
assert n and all(x["verdict"] == "open-as-predicted" for x in n), n
print("# verify step 1: %s" % d["counts"])' "$work/v1.json"; then
	ok "verify: step 1 carried out, reality matches (exit 0); 53 closed inside and outside"
else
	nok "verify: step 1 (exit $rc)"; sed 's/^/# /' "$work/v1.err"
fi
ip netns exec $CLI "$NETMIN" verify --plan "$work/plan.json" --netns $SRV --target $SIP -p $vports \
    > "$work/v2.txt" 2>&1
rc=$?
if [ $rc = 1 ] && grep -qE '^2 +udp +0\.0\.0\.0:123 +closed +open +open \(ntp\) +MISMATCH still-open$' "$work/v2.txt"; then
	ok "verify: a wrong prediction (chrony still runs) fails with still-open udp 123, seen from outside too (exit 1)"
else
	nok "verify: wrong prediction not caught (exit $rc)"; sed 's/^/# /' "$work/v2.txt"
fi
# Something new listens, and the firewall forwards a port to sshd's 22:
# both must show up.
ip netns exec $SRV $PY "$work/listen.py" tcp:9999 > "$work/l2.out" 2>&1 &
pids+=($!)
ip netns exec $SRV nft -f - <<'EOF'
table ip nmt_scan_nat {
  chain prerouting {
    type nat hook prerouting priority -100;
    tcp dport 2222 redirect to :22
  }
}
EOF
for i in $(seq 1 50); do grep -q ready "$work/l2.out" && break; sleep 0.1; done
ip netns exec $CLI "$NETMIN" verify --plan "$work/plan.json" --step 1 --netns $SRV --target $SIP -p T:1-65535 \
    > "$work/v3.txt" 2>&1
rc=$?
if [ $rc = 1 ] && grep -qE '^- +tcp +0\.0\.0\.0:9999 +closed +open +open +MISMATCH newly-open$' "$work/v3.txt" &&
    grep -qE '^- +tcp +198\.18\.4\.2:2222 +closed +closed +open +MISMATCH reachable-host-says-closed$' "$work/v3.txt"; then
	ok "verify: a new listener is newly-open, a forwarded port is reachable though the host says closed (exit 1)"
else
	nok "verify: newly open / port forward (exit $rc)"; sed 's/^/# /' "$work/v3.txt"
fi

#!/usr/bin/env bash
# tests/integration/rpcdump.sh - netmin rpcdump against a real endpoint
# mapper: Samba's samba-dcerpcd in a network namespace (TCP 135 plus
# dynamic ncacn_ip_tcp ports), compared with Impacket's rpcdump run against
# the same peer (tests/tools/rpcdump_samba.py: stock examples/rpcdump.py
# with Samba's end-of-list tolerated), and with the ports the peer really
# listens on (ss inside the namespace).  Then hostile servers on real
# sockets: refused, silent, garbage, dripping.
#
# Namespaces nmt-rpc-srv-PID (198.18.5.2) and nmt-rpc-cli-PID (198.18.5.1),
# joined by a veth pair; no route leaves them.  The PID suffix lets several
# runs of the suite (other sessions run it too) share the machine.  Prints "ok - ..." / "not ok - ...".
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
NETMIN=${NETMIN:-$top/build/asan/netmin}
PY=/usr/bin/python3
SRV=nmt-rpc-srv-$$ CLI=nmt-rpc-cli-$$
VW=nmr$$w VC=nmr$$c	# veth names: at most 15 characters
SIP=198.18.5.2
work=$(mktemp -d /tmp/nmt-rpc.XXXXXX)
pids=()

ok() { echo "ok - rpcdump: $1"; }
nok() { echo "not ok - rpcdump: $1"; }
check() {	# check NAME CMD...: ok when CMD succeeds
	local name=$1; shift
	if "$@"; then ok "$name"; else nok "$name"; fi
}

cleanup() {
	local p
	for p in "${pids[@]}"; do
		kill "$p" 2>/dev/null
	done
	for p in "${pids[@]}"; do
		wait "$p" 2>/dev/null
	done
	# Workers samba-dcerpcd spawned (rpcd_*) live in the namespace too.
	for p in $(ip netns pids $SRV 2>/dev/null) $(ip netns pids $CLI 2>/dev/null); do
		kill "$p" 2>/dev/null
	done
	ip netns del $SRV 2>/dev/null
	ip netns del $CLI 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

# --- recorded replies (no peer needed) ---------------------------------
# Impacket encoded these Windows-style streams (tests/tools/mkept.py) and
# printed its own bindings for them (*.impacket): netmin must agree.
data=$top/tests/data/rpcdump
for f in "$data"/*.impacket; do
	b=$(basename "$f" .impacket)
	"$NETMIN" rpcdump --replay "$data/$b.bin" --json x 2>"$work/err" |
		$PY -c 'import json,sys
for e in json.load(sys.stdin)["entries"]:
    if e["binding"] is not None:
        print("%s v%s %s" % (e["uuid"].upper(), e["version"], e["binding"]))' \
		> "$work/$b.netmin"
	check "recorded $b: same towers and bindings as Impacket" \
		diff -u "$f" "$work/$b.netmin"
done
"$NETMIN" rpcdump --replay "$data/samba417-standalone.bin" x > "$work/r1"
"$NETMIN" rpcdump --replay "$data/endless.bin" x > /dev/null 2> "$work/err"
rc=$?
check "endless list stops after the call cap (exit 3)" \
	test $rc = 3 -a -n "$(grep -F 'did not end its list after 200' "$work/err")"

# --- the peer ----------------------------------------------------------
if ! command -v /usr/libexec/samba/samba-dcerpcd > /dev/null ||
   ! $PY -c 'import impacket' 2>/dev/null; then
	nok "samba or python3-impacket missing (tests/setup.sh installs them)"
	exit 0
fi
for ns in $SRV $CLI; do ip netns del $ns 2>/dev/null; done
ip netns add $SRV && ip netns add $CLI || { nok "cannot create namespaces"; exit 0; }
ip link add $VW type veth peer name $VC
ip link set $VW netns $SRV
ip link set $VC netns $CLI
ip -n $SRV link set lo up
ip -n $CLI link set lo up
ip -n $SRV addr add $SIP/24 dev $VW
ip -n $CLI addr add 198.18.5.1/24 dev $VC
ip -n $SRV link set $VW up
ip -n $CLI link set $VC up

D=$work/samba
mkdir -p $D/{private,lock,state,cache,log,pid,ncalrpc}
cat > $D/smb.conf <<CONF
[global]
   workgroup = LABGRP
   netbios name = NMTRPC
   server role = standalone server
   interfaces = lo $SIP/24
   private dir = $D/private
   lock directory = $D/lock
   state directory = $D/state
   cache directory = $D/cache
   pid directory = $D/pid
   ncalrpc dir = $D/ncalrpc
   log file = $D/log/log.%m
   passdb backend = tdbsam:$D/private/passdb.tdb
   load printers = no
   printcap name = /dev/null
   disable spoolss = yes
   rpc start on demand helpers = no
CONF
t0=$(date +%s%N)
# samba-dcerpcd stays in the foreground (-F) as our child; setsid keeps
# its signals away from this shell's process group.
ip netns exec $SRV setsid /usr/libexec/samba/samba-dcerpcd -F --libexec-rpcds \
	-s $D/smb.conf > $D/log/dcerpcd.out 2>&1 &
pids+=($!)
up=0
for _ in $(seq 100); do
	if ip netns exec $SRV ss -ltnH | grep -q ":135 "; then up=1; break; fi
	sleep 0.05
done
if [ $up = 0 ]; then
	nok "samba-dcerpcd did not listen on 135 within 5 s"
	sed 's/^/    /' $D/log/dcerpcd.out >&2
	exit 0
fi
echo "# peer up in $(( ($(date +%s%N) - t0) / 1000000 )) ms" >&2

ip netns exec $CLI "$NETMIN" rpcdump $SIP > "$work/text" 2> "$work/err"
rc=$?
check "dump of the Samba peer succeeds" test $rc = 0
ip netns exec $CLI "$NETMIN" rpcdump --json --record "$work/rec.bin" $SIP \
	> "$work/json" 2>> "$work/err"
check "JSON dump succeeds" test $? = 0
[ -s "$work/err" ] && sed 's/^/    /' "$work/err" >&2
ip netns exec $CLI env PATH=/usr/bin:/bin $PY "$top/tests/tools/rpcdump_samba.py" \
	-port 135 $SIP > "$work/impacket" 2> "$work/impacket.err"
check "Impacket's rpcdump runs against the peer" \
	grep -q 'Received [0-9]* endpoints' "$work/impacket"

# Impacket's blocks as "UUID vX.Y annotation" + "  binding" lines, in order.
awk '/^UUID    : / { sub(/^UUID    : /, ""); sub(/ +$/, ""); print; next }
     /^          / { sub(/^ +/, "  "); print }' "$work/impacket" > "$work/imp.blocks"
# netmin's blocks the same way.
awk '/^[0-9A-F]+-[0-9A-F]+-/ { sub(/  +/, " "); sub(/ +$/, ""); print; next }
     /^  bindings   / || /^             [a-z]/ { sub(/^ +(bindings +)?/, "  "); sub(/  object .*/, ""); print }' \
	"$work/text" > "$work/nm.blocks"
check "text: same interfaces, annotations and bindings as Impacket, line for line" \
	diff -u "$work/imp.blocks" "$work/nm.blocks"
n_imp=$(sed -n 's/.*Received \([0-9]*\) endpoints.*/\1/p' "$work/impacket")
n_nm=$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["entries"]))' "$work/json")
check "JSON: $n_nm entries, Impacket received $n_imp" test "$n_nm" = "$n_imp" -a "$n_nm" -gt 0
# JSON entries as "UUID vX.Y binding", against Impacket's pairs.
$PY -c 'import json,sys
for e in json.load(open(sys.argv[1]))["entries"]:
    print("%s v%s %s" % (e["uuid"].upper(), e["version"], e["binding"]))' \
	"$work/json" | sort > "$work/nm.pairs"
awk '/^UUID    : / { u = $3 " " $4; next } /^          / { print u, $1 }' \
	"$work/impacket" | sort > "$work/imp.pairs"
check "JSON: the same (interface, binding) pairs as Impacket" \
	diff -u "$work/imp.pairs" "$work/nm.pairs"
echo "# compared $(wc -l < "$work/nm.pairs") towers, $(grep -c '^[0-9A-F]' "$work/nm.blocks") interfaces with Impacket" >&2

# The dynamic ports the map names are the ports the peer listens on.
$PY -c 'import json,sys
print("\n".join(sorted({str(e["port"]) for e in json.load(open(sys.argv[1]))["entries"]
                        if e["protocol"] == "ncacn_ip_tcp"}, key=int)))' \
	"$work/json" > "$work/map.ports"
ip netns exec $SRV ss -ltnH | awk '{ n = split($4, a, ":"); print a[n] }' |
	sort -un > "$work/ss.ports"
check "ncacn_ip_tcp ports in the map = TCP ports samba-dcerpcd listens on ($(tr '\n' ' ' < "$work/ss.ports"))" \
	diff -u "$work/ss.ports" "$work/map.ports"
# Samba hands out 49152-49154 in no fixed order: look winreg's port up.
wport=$($PY -c 'import json,sys
print([e["port"] for e in json.load(open(sys.argv[1]))["entries"]
       if e["name"] == "winreg" and e["protocol"] == "ncacn_ip_tcp"][0])' "$work/json")
check "port table: tcp/$wport is winreg, service RemoteRegistry" \
	grep -qE "^tcp/$wport +winreg +RemoteRegistry\$" "$work/text"
"$NETMIN" rpcdump --replay "$work/rec.bin" $SIP > "$work/text2"
check "--record then --replay gives the same dump" diff -u "$work/text" "$work/text2"

# --- attribution: a capture of the peer + live --rpcdump ------------------
# The peer's real listeners (ss inside its namespace) written as Windows
# "netstat -an" rows, then `list --rpcdump`: every dynamic port must carry
# exactly the services the map's interfaces belong to.
{
	echo "  Proto  Local Address          Foreign Address        State"
	ip netns exec $SRV ss -ltnH | awk '$4 !~ /^\[/ {
		printf "  TCP    %-22s 0.0.0.0:0              LISTENING\n", $4 }'
} > "$work/peer-netstat.txt"
ip netns exec $CLI "$NETMIN" list --json --from "$work/peer-netstat.txt" \
	--rpcdump $SIP > "$work/list.json" 2> "$work/err"
check "list --from netstat --rpcdump HOST succeeds" test $? = 0
$PY - "$work/list.json" "$work/json" > "$work/attr" <<'PY'
import json, sys
inv = json.load(open(sys.argv[1]))
dump = json.load(open(sys.argv[2]))
want = {}
for e in dump["entries"]:
    if e["protocol"] == "ncacn_ip_tcp":
        want.setdefault(e["port"], set())
        if e["service"]:
            want[e["port"]].add(e["service"])
got = {ep["local_port"]: set(ep["services"]) for ep in inv["endpoints"]}
bad = [p for p in want if got.get(p) != want[p]]
for p in sorted(want):
    print("tcp/%d %s" % (p, ",".join(sorted(got.get(p, ())))))
sys.exit(1 if bad or not want else 0)
PY
check "every dynamic port gets the services of its interfaces ($(tr '\n' ' ' < "$work/attr"))" \
	test $? = 0

# --- netmin.exe (Winsock) under wine, against the same peer --------------
# The Windows build's socket code is its own (compat_net.c, Winsock): run
# it under wine in the client namespace, with a private copy of the
# project's wine prefix (its wineserver starts inside the namespace, so
# the sockets it makes are there).
if [ -f "$top/build/netmin.exe" ] && command -v wine > /dev/null; then
	if [ ! -f "$top/build/wineprefix/system.reg" ]; then
		WINEDEBUG=-all bash "$top/tests/wine-run.sh" cmd /c exit 0 \
			> /dev/null 2>&1
	fi
	WINEPREFIX=$top/build/wineprefix timeout 60 wineserver -w 2>/dev/null
	wpfx=$work/wineprefix
	cp -a "$top/build/wineprefix" "$wpfx"
	ip netns exec $CLI env WINEPREFIX="$wpfx" WINEDEBUG=-all \
		WINEDLLOVERRIDES=winemenubuilder.exe=d timeout 60 \
		wine "$top/build/netmin.exe" rpcdump --json $SIP \
		> "$work/wine.json" 2> "$work/wine.err"
	rc=$?
	WINEPREFIX="$wpfx" timeout 20 wineserver -k 2>/dev/null
	WINEPREFIX="$wpfx" timeout 20 wineserver -w 2>/dev/null
	# Same map, minus what may differ between two dumps of one server.
	strip='import json,sys
d = json.load(open(sys.argv[1]))
print(len(d["entries"]))
for e in d["entries"]:
    print(e["uuid"], e["version"], e["binding"], e["service"])'
	tr -d '\r' < "$work/wine.json" > "$work/wine.lf.json"
	$PY -c "$strip" "$work/json" > "$work/native.list"
	$PY -c "$strip" "$work/wine.lf.json" > "$work/wine.list" 2>/dev/null
	check "netmin.exe rpcdump under wine (Winsock) = native dump ($(head -1 "$work/native.list") entries)" \
		test $rc = 0 -a -s "$work/wine.list" -a \
		"$(cat "$work/wine.list")" = "$(cat "$work/native.list")"
	[ $rc = 0 ] || sed 's/^/    /' "$work/wine.err" >&2
else
	nok "build/netmin.exe or wine missing (make win; tests/setup.sh)"
fi

# --- a Windows-style mapper over TCP -------------------------------------
# No Windows runs here: tests/tools/ept_replay_server.py plays the Windows
# 2000 seed map (two pages, ending with a null handle, 100-byte fragments)
# on 127.0.0.1:135 in the client namespace, to stock Impacket (which
# accepts that end-of-list) and to netmin.
ip netns exec $CLI $PY "$top/tests/tools/ept_replay_server.py" 127.0.0.1 135 \
	"$data/w2k-seed.bin" 2 > "$work/replay.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q ready "$work/replay.out" && break; sleep 0.05; done
ip netns exec $CLI env PATH=/usr/bin:/bin impacket-rpcdump 127.0.0.1 \
	> "$work/w2k.impacket" 2>&1
ip netns exec $CLI "$NETMIN" rpcdump 127.0.0.1 > "$work/w2k.netmin" 2> "$work/err"
awk '/^UUID    : / { sub(/^UUID    : /, ""); sub(/ +$/, ""); print; next }
     /^          / { sub(/^ +/, "  "); print }' "$work/w2k.impacket" > "$work/imp.blocks"
awk '/^[0-9A-F]+-[0-9A-F]+-/ { sub(/  +/, " "); sub(/ +$/, ""); print; next }
     /^  bindings   / || /^             [a-z]/ { sub(/^ +(bindings +)?/, "  "); sub(/  object .*/, ""); print }' \
	"$work/w2k.netmin" > "$work/nm.blocks"
check "Windows-style paged map over TCP: same blocks as stock Impacket ($(grep -c . "$work/nm.blocks") lines)" \
	diff -u "$work/imp.blocks" "$work/nm.blocks"
check "Windows-style map: both read 10 endpoints in 2 calls" \
	test -n "$(grep -F 'Received 10 endpoints' "$work/w2k.impacket")" -a \
	-n "$(grep -F '10 endpoints, 7 interfaces from 127.0.0.1 port 135; 2 ept_lookup calls, list ended by null handle' "$work/w2k.netmin")"

# --- hostile servers on real sockets -------------------------------------
ip netns exec $CLI "$NETMIN" rpcdump -p 136 $SIP > /dev/null 2> "$work/err"
rc=$?
check "closed port: exit 3, 'connection refused'" \
	test $rc = 3 -a -n "$(grep -iF 'port 136: connection refused' "$work/err")"

# One server per behaviour, in the peer namespace on 9001.. (python).
serve() {	# serve PORT MODE
	ip netns exec $SRV $PY - "$1" "$2" 2>/dev/null <<'PY' &
import socket, struct, sys, time
port, mode = int(sys.argv[1]), sys.argv[2]
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", port)); s.listen(1); s.settimeout(20)
c, _ = s.accept(); c.recv(4096)
if mode == "garbage":
    c.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")
elif mode == "drip":
    # a valid bind_ack, then a response header announcing 4000 bytes,
    # then one byte every 0.5 s: only the overall deadline stops it
    ack = struct.pack("<HHIH", 4280, 4280, 1, 4) + b"135\x00\x00\x00" + struct.pack("<BBHHH", 1, 0, 0, 0, 0) \
        + bytes.fromhex("045d888aeb1cc9119fe808002b104860") + struct.pack("<I", 2)
    c.sendall(struct.pack("<BBBB4sHHI", 5, 0, 12, 3, b"\x10\0\0\0", 16 + len(ack), 0, 1) + ack)
    c.recv(4096)
    c.sendall(struct.pack("<BBBB4sHHI", 5, 0, 2, 3, b"\x10\0\0\0", 4000, 0, 2))
    for _ in range(40):
        c.sendall(b"\0"); time.sleep(0.5)
elif mode == "silent":
    time.sleep(5)
c.close()
PY
	pids+=($!)
	for _ in $(seq 50); do
		ip netns exec $SRV ss -ltnH | grep -q ":$1 " && return
		sleep 0.05
	done
}
serve 9001 silent
ip netns exec $CLI "$NETMIN" rpcdump -t 1 -p 9001 $SIP > /dev/null 2> "$work/err"
rc=$?
check "silent server: exit 3 after the 1 s read timeout" \
	test $rc = 3 -a -n "$(grep -F 'no data from the server for 1000 ms' "$work/err")"
serve 9002 garbage
ip netns exec $CLI "$NETMIN" rpcdump -t 1 -p 9002 $SIP > /dev/null 2> "$work/err"
rc=$?
check "HTTP answer: exit 3, 'not a DCE/RPC connection-oriented PDU'" \
	test $rc = 3 -a -n "$(grep -F 'not a DCE/RPC connection-oriented PDU' "$work/err")"
serve 9003 drip
s0=$(date +%s)
ip netns exec $CLI "$NETMIN" rpcdump -t 1 -p 9003 $SIP > /dev/null 2> "$work/err"
rc=$?
el=$(( $(date +%s) - s0 ))
check "dripping server: exit 3 at the overall deadline (6 s), took ${el} s" \
	test $rc = 3 -a -n "$(grep -F 'did not finish within 6000 ms' "$work/err")" -a $el -le 9
exit 0

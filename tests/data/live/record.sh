#!/usr/bin/env bash
# record.sh - remakes tests/data/live/services/: a real netlink sock_diag
# exchange and a fake /proc + root tree around it.
#
# The sockets are real: sockets.py opens them in a network namespace made
# here and netmin records the kernel's answer (NETMIN_DIAG_SAVE).  The
# processes holding them are not: systemd as PID 1, socket activation,
# user managers and container runtimes cannot run on this machine, so
# the /proc tree below gives each socket the owner it would have on a
# systemd host (inodes from the recording), and root/ holds the unit
# files and passwd that netmin reads.  Run as root from the repository.
set -eu
top=$(cd "$(dirname "$0")/../../.." && pwd)
out=$top/tests/data/live/services
ns=nmt-live-rec$$
netmin=${NETMIN_REC:-$top/build/netmin}
ip netns add "$ns"
trap 'ip netns del "$ns" 2>/dev/null; kill ${holder:-} 2>/dev/null; rm -f "${fifo:-}"' EXIT
ip -n "$ns" link set lo up
fifo=$(mktemp -u); mkfifo "$fifo"
ip netns exec "$ns" /usr/bin/python3 "$top/tests/data/live/sockets.py" \
	< "$fifo" > "$out.inodes" &
holder=$!
exec 9> "$fifo"
for _ in $(seq 50); do [ "$(wc -l < "$out.inodes")" -ge 16 ] && break; sleep 0.1; done
rm -rf "$out"; mkdir -p "$out"
NETMIN_DIAG_SAVE=$out/diag.bin "$netmin" list --all --netns "$ns" > /dev/null
exec 9>&-
declare -A ino
while read -r name i; do ino[$name]=$i; done < "$out.inodes"
rm -f "$out.inodes"

P=$out/proc R=$out/root
mkdir -p "$P/self/ns"
ln -s 'net:[4026532999]' "$P/self/ns/net"
# proc PID COMM UID EXE CGROUP SOCKET...
proc() {
	local pid=$1 comm=$2 uid=$3 exe=$4 cg=$5 fd=3 s
	shift 5
	mkdir -p "$P/$pid/fd" "$P/$pid/ns"
	printf '%s\n' "$comm" > "$P/$pid/comm"
	printf 'Name:\t%s\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t%s\t%s\t%s\t%s\n' \
		"$comm" "$uid" "$uid" "$uid" "$uid" > "$P/$pid/status"
	printf '%s\n' "$cg" > "$P/$pid/cgroup"
	ln -s "$exe" "$P/$pid/exe"
	ln -s 'net:[4026532999]' "$P/$pid/ns/net"
	ln -s /dev/null "$P/$pid/fd/0"
	for s in "$@"; do
		ln -s "socket:[${ino[$s]}]" "$P/$pid/fd/$fd"
		fd=$((fd + 1))
	done
}
id=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
proc 1 systemd 0 /usr/lib/systemd/systemd '0::/init.scope' ssh rpcbind-tcp rpcbind-udp
proc 412 sshd 0 /usr/sbin/sshd '0::/system.slice/ssh.service' ssh
proc 520 cupsd 0 /usr/sbin/cupsd '0::/system.slice/cups.service' cups4 cups6
proc 600 systemd-resolve 991 /usr/lib/systemd/systemd-resolved \
	'0::/system.slice/systemd-resolved.service' resolved-udp resolved-tcp
proc 700 nginx 0 /usr/sbin/nginx '0::/system.slice/nginx.service' nginx nginx6
proc 701 nginx 33 /usr/sbin/nginx '0::/system.slice/nginx.service' nginx nginx6
proc 800 python3 0 /usr/local/bin/python3.12 \
	"0::/system.slice/docker-$id.scope" docker
proc 900 syncthing 1000 /usr/bin/syncthing \
	'0::/user.slice/user-1000.slice/user@1000.service/app.slice/syncthing.service' \
	syncthing accepted
proc 950 curl 1000 /usr/bin/curl '0::/user.slice/user-1000.slice/session-2.scope' client
proc 1000 avahi-daemon 105 /usr/sbin/avahi-daemon \
	'1:name=systemd:/system.slice/avahi-daemon.service
0::/' avahi avahi6
proc 2000 sleep 1000 /usr/bin/sleep '0::/user.slice/user-1000.slice/session-2.scope'
# wireguard (UDP 51820) is a kernel socket: no process holds it.

mkdir -p "$R/etc/systemd/system/sockets.target.wants" \
	"$R/etc/systemd/system/ssh.socket.d" "$R/lib/systemd/system"
printf 'recorded\n' > "$R/etc/hostname"
cat > "$R/etc/passwd" <<'PW'
root:x:0:0:root:/root:/bin/bash
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
avahi:x:105:112:Avahi mDNS daemon,,,:/run/avahi-daemon:/usr/sbin/nologin
systemd-resolve:x:991:991:systemd Resolver:/:/usr/sbin/nologin
alice:x:1000:1000:Alice:/home/alice:/bin/bash
PW
cat > "$R/lib/systemd/system/ssh.socket" <<'U'
[Unit]
Description=OpenBSD Secure Shell server socket

[Socket]
ListenStream=2222
Accept=no

[Install]
WantedBy=sockets.target
U
# The drop-in resets the list: without drop-ins 22 would not match.
printf '[Socket]\nListenStream=\nListenStream=22\n' \
	> "$R/etc/systemd/system/ssh.socket.d/port.conf"
cat > "$R/lib/systemd/system/rpcbind.socket" <<'U'
[Unit]
Description=RPCbind Server Activation Socket

[Socket]
ListenStream=/run/rpcbind.sock
# RPC over the network
ListenStream=0.0.0.0:111
ListenDatagram=0.0.0.0:111
ListenStream=[::]:111
ListenDatagram=[::]:111
BindIPv6Only=ipv6-only

[Install]
WantedBy=sockets.target
U
# A disabled unit on the same port loses to the enabled one.
printf '[Socket]\nListenStream=111\n' > "$R/lib/systemd/system/portmap.socket"
# A masked unit is never matched.
printf '[Socket]\nListenDatagram=111\n' > "$R/lib/systemd/system/rpc-legacy.socket"
ln -s /dev/null "$R/etc/systemd/system/rpc-legacy.socket"
ln -s /lib/systemd/system/ssh.socket "$R/etc/systemd/system/sockets.target.wants/ssh.socket"
ln -s /lib/systemd/system/rpcbind.socket "$R/etc/systemd/system/sockets.target.wants/rpcbind.socket"
echo "recorded $(stat -c %s "$out/diag.bin") bytes into $out"

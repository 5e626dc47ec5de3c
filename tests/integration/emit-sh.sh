#!/usr/bin/env bash
# emit-sh.sh - the sh apply and rollback scripts run for real: services
# under a real runit supervisor (runsvdir on a private SVDIR) are stopped
# and disabled, config files under NETMIN_ROOT are edited (a drop-in in a
# folder that does not exist yet, key lines of an sshd_config with a Match
# block), and the rollback restores exactly: same bytes, same modes, the
# same services enabled and running.  A failing plan stops at its step and
# rolls back cleanly.  (systemd is covered by the apply tests; here dash
# runs the scripts, as /bin/sh does on Debian.)
set -u
top=${NETMIN_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
tool=$top/build/tools/emit_plan
lab=$(mktemp -d /tmp/netmin-emit-sh.XXXXXX)
svpid=
cleanup() {
	local i
	if [ -n "$svpid" ]; then
		sv exit "$lab"/sv/* >/dev/null 2>&1
		kill -HUP "$svpid" 2>/dev/null
		wait "$svpid" 2>/dev/null
		# runsv and its service exit on their own; wait (bounded) for them.
		for i in $(seq 50); do pgrep -f "$lab/" >/dev/null || break; sleep 0.1; done
	fi
	[ -n "${KEEP_LAB:-}" ] || rm -rf "$lab"
}
trap cleanup EXIT
ok() { echo "ok - emit-sh: $*"; }
nok() { echo "not ok - emit-sh: $*"; }
chk() { local d=$1; shift; if "$@"; then ok "$d"; else nok "$d"; fi; }

if [ ! -x "$tool" ] || ! command -v runsvdir >/dev/null; then
	nok "emit_plan tool or runit missing"; exit 0
fi

# Two supervised services (the sample plan's avahi and rpcbind).
export SVDIR=$lab/service NETMIN_ROOT=$lab/root NETMIN_MANAGER=runit
mkdir -p "$SVDIR" "$lab/sv" "$NETMIN_ROOT/etc/ssh"
for s in avahi rpcbind; do
	mkdir -p "$lab/sv/$s"
	printf '#!/bin/sh\nexec sleep 1000\n' > "$lab/sv/$s/run"
	chmod +x "$lab/sv/$s/run"
	ln -s "$lab/sv/$s" "$SVDIR/$s"
done
runsvdir -P "$SVDIR" >/dev/null 2>&1 &
svpid=$!
up() { sv status "$SVDIR/$1" 2>/dev/null | grep -q '^run:'; }
for i in $(seq 50); do up avahi && up rpcbind && break; sleep 0.1; done
chk "services run under runit" sh -c "sv status '$SVDIR/avahi' | grep -q '^run:'"

printf 'Port 22\n#ListenAddress ::\nListenAddress 0.0.0.0\nPermitRootLogin no\nMatch User backup\n\tX11Forwarding no\n' \
	> "$NETMIN_ROOT/etc/ssh/sshd_config"
chmod 600 "$NETMIN_ROOT/etc/ssh/sshd_config"
snap() {	# files with modes, and service links
	(cd "$NETMIN_ROOT" && find . -printf '%p %m %y\n' | sort &&
		find . -type f -exec md5sum {} + | sort)
	ls -l "$SVDIR" | awk '{print $9, $10, $11}'
}
snap > "$lab/before.txt"
pid_of() { sv status "$SVDIR/$1" | sed -n 's/^run: [^(]*(pid \([0-9]*\)).*/\1/p'; }
avahi_pid=$(pid_of avahi)

"$tool" sample-linux sh "$lab/apply.sh" "$lab/rollback.sh" || { nok "emit the scripts"; exit 0; }
out=$(dash "$lab/apply.sh" 2>&1); rc=$?
[ $rc = 0 ] && ok "apply exits 0" || { nok "apply exits 0 (rc $rc)"; echo "$out" | sed 's/^/    /' >&2; }
chk "avahi stopped" sh -c "! sv status '$SVDIR/avahi' >/dev/null 2>&1 || ! sv status '$SVDIR/avahi' | grep -q '^run:'"
chk "avahi disabled (link gone)" test ! -e "$SVDIR/avahi"
chk "rpcbind disabled (link gone)" test ! -e "$SVDIR/rpcbind"
chk "avahi's process ($avahi_pid) is gone" sh -c "[ -n '$avahi_pid' ] && ! kill -0 '$avahi_pid' 2>/dev/null"
want=$(printf 'Port 22\n#ListenAddress ::\nListenAddress 127.0.0.1\nListenAddress ::1\nPermitRootLogin no\nMatch User backup\n\tX11Forwarding no')
chk "sshd_config ListenAddress lines replaced" test "$(cat "$NETMIN_ROOT/etc/ssh/sshd_config")" = "$want"
chk "sshd_config keeps mode 600" test "$(stat -c %a "$NETMIN_ROOT/etc/ssh/sshd_config")" = 600
drop=$NETMIN_ROOT/etc/systemd/resolved.conf.d/netmin.conf
chk "resolved drop-in written" test "$(tail -n +2 "$drop" 2>/dev/null)" = "$(printf '[Resolve]\nLLMNR=no\nMulticastDNS=no')"

out=$(dash "$lab/rollback.sh" 2>&1); rc=$?
[ $rc = 0 ] && ok "rollback exits 0" || { nok "rollback exits 0 (rc $rc)"; echo "$out" | sed 's/^/    /' >&2; }
for i in $(seq 50); do up avahi && up rpcbind && break; sleep 0.1; done
chk "avahi runs again" up avahi
chk "rpcbind runs again" up rpcbind
snap > "$lab/after.txt"
if cmp -s "$lab/before.txt" "$lab/after.txt"; then ok "files, modes and links restored exactly"
else nok "files, modes and links restored exactly"; diff "$lab/before.txt" "$lab/after.txt" | sed 's/^/    /' >&2; fi

# A key edit of a file that does not exist fails at step 3: steps 1-2 undone.
rm -f "$NETMIN_ROOT/etc/ssh/sshd_config"
snap > "$lab/before2.txt"
out=$(dash "$lab/apply.sh" 2>&1); rc=$?
[ $rc = 1 ] && ok "failing apply exits 1" || nok "failing apply exits 1 (rc $rc)"
echo "$out" | grep -q "step 3 (LLMNR off) failed: .*sshd_config does not exist; later steps were not run" &&
	ok "failure names step and cause" || { nok "failure names step and cause"; echo "$out" | sed 's/^/    /' >&2; }
out=$(dash "$lab/rollback.sh" 2>&1); rc=$?
[ $rc = 0 ] && ok "rollback after failure exits 0" || { nok "rollback after failure exits 0"; echo "$out" | sed 's/^/    /' >&2; }
for i in $(seq 50); do up avahi && up rpcbind && break; sleep 0.1; done
snap > "$lab/after2.txt"
if cmp -s "$lab/before2.txt" "$lab/after2.txt"; then ok "restored exactly after failure"
else nok "restored exactly after failure"; diff "$lab/before2.txt" "$lab/after2.txt" | sed 's/^/    /' >&2; fi
chk "services run after failure rollback" sh -c "sv status '$SVDIR/avahi' | grep -q '^run:' && sv status '$SVDIR/rpcbind' | grep -q '^run:'"

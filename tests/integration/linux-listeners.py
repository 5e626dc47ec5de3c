#!/usr/bin/python3
"""linux-listeners.py - real sockets with known owners, for netmin's tests.

    linux-listeners.py COMM PIDFILE [--fork] SPEC...

Sets the process name (comm, what ss and lsof print) to COMM, opens every
SPEC, forks once with --fork (parent and child then hold the same sockets,
like a pre-fork server), writes "PID [CHILDPID]" to PIDFILE and sleeps until
killed, at most 300 s.  Each connection it made is written to PIDFILE.conns
as "LADDR LPORT RADDR RPORT", one line per socket, as the kernel named
them (getsockname/getpeername): the truth the tools' views are checked
against.

SPEC is PROTO/FAMILY/ADDR/PORT[/OPT,...]:
    tcp/4/0.0.0.0/2201            TCP listener
    tcp/6/::/2202/v6only          IPv6 only ([::]:2202 in ss)
    tcp/6/::/2203/dual            IPv6 that takes IPv4 too (*:2203 in ss)
    udp/4/127.0.0.1/2204/dev=lo   bound to a device (127.0.0.1%lo in ss)
    conn/4/127.0.0.1/2205         a listener, a client and the accepted
                                  socket: one ESTABLISHED pair
    conn/6/::/2206/dual,via4      the client comes over IPv4 to a dual-stack
                                  listener ([::ffff:127.0.0.1] peers)
"""
import ctypes
import os
import signal
import socket
import sys
import time


def set_comm(name):
    libc = ctypes.CDLL(None)
    libc.prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME


def open_spec(spec, keep, conns):
    parts = spec.split("/")
    proto, fam, addr, port = parts[0], parts[1], parts[2], int(parts[3])
    opts = parts[4].split(",") if len(parts) > 4 else []
    af = socket.AF_INET if fam == "4" else socket.AF_INET6
    kind = socket.SOCK_DGRAM if proto == "udp" else socket.SOCK_STREAM
    s = socket.socket(af, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if af == socket.AF_INET6:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY,
                     0 if "dual" in opts else 1)
    for o in opts:
        if o.startswith("dev="):
            s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE,
                         o[4:].encode())
    s.bind((addr, port))
    if kind == socket.SOCK_STREAM:
        s.listen(16)
    keep.append(s)
    if proto == "conn":
        if "via4" in opts:
            c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            c.connect(("127.0.0.1", port))
        else:
            c = socket.socket(af, socket.SOCK_STREAM)
            c.connect((addr if addr not in ("::", "0.0.0.0") else
                       ("::1" if af == socket.AF_INET6 else "127.0.0.1"),
                       port))
        a, _ = s.accept()
        keep.extend([c, a])
        for x in (c, a):
            la, ra = x.getsockname(), x.getpeername()
            conns.append("%s %d %s %d" % (la[0], la[1], ra[0], ra[1]))


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    comm, pidfile = sys.argv[1], sys.argv[2]
    args = sys.argv[3:]
    fork = "--fork" in args
    specs = [a for a in args if a != "--fork"]
    set_comm(comm)
    keep, conns = [], []
    for spec in specs:
        open_spec(spec, keep, conns)
    with open(pidfile + ".conns", "w") as f:
        f.write("".join(c + "\n" for c in conns))
    signal.signal(signal.SIGALRM, lambda *_: os._exit(0))
    pids = [os.getpid()]
    if fork:
        child = os.fork()
        if child == 0:
            signal.alarm(300)
            while True:
                signal.pause()
        pids.append(child)
    tmp = pidfile + ".tmp"
    with open(tmp, "w") as f:
        f.write(" ".join(str(p) for p in pids) + "\n")
    os.rename(tmp, pidfile)
    signal.alarm(300)
    deadline = time.time() + 300
    while time.time() < deadline:
        signal.pause()


if __name__ == "__main__":
    main()

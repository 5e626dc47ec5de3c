# sockets.py - opens the sockets of the "services" recording in one
# process (run inside a fresh network namespace by record.sh), prints
# NAME INODE per socket, then waits for stdin to close.
import os, socket, sys

def tcp(fam, addr, port, v6only=None, dev=None):
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if v6only is not None:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
    if dev:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, dev.encode())
    s.bind((addr, port)); s.listen(8)
    return s

def udp(fam, addr, port, v6only=None, dev=None):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    if v6only is not None:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
    if dev:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, dev.encode())
    s.bind((addr, port))
    return s

A4, A6 = socket.AF_INET, socket.AF_INET6
socks = {
    "ssh": tcp(A6, "::", 22, v6only=0),              # dual-stack *:22
    "rpcbind-tcp": tcp(A4, "0.0.0.0", 111),
    "rpcbind-udp": udp(A4, "0.0.0.0", 111),
    "cups4": tcp(A4, "127.0.0.1", 631),
    "cups6": tcp(A6, "::1", 631, v6only=1),
    "resolved-udp": udp(A4, "127.0.0.53", 53, dev="lo"),
    "resolved-tcp": tcp(A4, "127.0.0.53", 53, dev="lo"),
    "nginx": tcp(A4, "0.0.0.0", 80),
    "nginx6": tcp(A6, "::", 80, v6only=1),
    "docker": tcp(A4, "0.0.0.0", 8080),
    "syncthing": tcp(A4, "127.0.0.1", 8384),
    "wireguard": udp(A4, "0.0.0.0", 51820),
    "avahi": udp(A4, "0.0.0.0", 5353),
    "avahi6": udp(A6, "::", 5353, v6only=1),
}
client = socket.create_connection(("127.0.0.1", 8384))
server, _ = socks["syncthing"].accept()
socks["client"] = client
socks["accepted"] = server
for name, s in socks.items():
    print(name, os.fstat(s.fileno()).st_ino, flush=True)
sys.stdin.read()

#!/usr/bin/python3
# tests/tools/ept_replay_server.py ADDR PORT FILE [CONNECTIONS] - plays a
# recorded endpoint-mapper server (netmin rpcdump --record, or
# tests/tools/mkept.py) to real clients over TCP: for each PDU a client
# sends it answers with the next recorded PDUs up to a last fragment,
# with the client's call_id.  Lets stock Impacket and netmin talk to a
# Windows-style mapper where no Windows runs.  Prints "ready" when
# listening; serves CONNECTIONS clients (default 1), 20 s at most each.
import socket
import struct
import sys

addr, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
conns = int(sys.argv[4]) if len(sys.argv) > 4 else 1
data = open(path, 'rb').read()
pdus = []
off = 0
while off + 16 <= len(data):
    flen = struct.unpack_from('<H', data, off + 8)[0]
    pdus.append(bytearray(data[off:off + flen]))
    off += flen


def recv_exact(c, n):
    b = b''
    while len(b) < n:
        chunk = c.recv(n - len(b))
        if not chunk:
            raise EOFError
        b += chunk
    return b


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((addr, port))
s.listen(4)
print('ready', flush=True)
s.settimeout(20)
for _ in range(conns):
    c, _ = s.accept()
    c.settimeout(20)
    i = 0
    try:
        while i < len(pdus):
            hdr = recv_exact(c, 16)
            flen = struct.unpack_from('<H', hdr, 8)[0]
            recv_exact(c, flen - 16)
            call_id = struct.unpack_from('<I', hdr, 12)[0]
            while i < len(pdus):
                p = pdus[i]
                i += 1
                struct.pack_into('<I', p, 12, call_id)
                c.sendall(bytes(p))
                if p[3] & 2:        # PFC_LAST_FRAG
                    break
    except (EOFError, OSError):
        pass
    c.close()

#!/usr/bin/python3
# tests/tools/mkept.py OUTDIR - writes recorded endpoint-mapper server
# streams (bind_ack + response PDUs, what `netmin rpcdump --record` saves)
# for the behaviours no peer here shows: Windows-style paging that ends
# with a null handle, NetBIOS host names, UDP and HTTP towers, object
# UUIDs, null towers, small fragments, faults, bind_nak, and hostile
# replies.  The NDR stubs and towers are encoded by Impacket (Debian's
# python3-impacket, an encoder independent of netmin's decoder); only
# the 16-byte PDU framing is written here.  For each stream FILE.bin it
# also writes FILE.impacket: the "UUID vX.Y binding" lines Impacket's own
# PrintStringBinding gives for the same towers, the oracle the tests use.
# Run with /usr/bin/python3.
import os
import socket
import struct
import sys

from impacket import uuid as iuuid
from impacket.dcerpc.v5 import epm
from impacket.dcerpc.v5.dtypes import NULL

out = sys.argv[1]
NDR = ('8A885D04-1CEB-11C9-9FE8-08002B104860', '2.0')


def pdu(ptype, flags, call_id, body, drep=b'\x10\x00\x00\x00'):
    return struct.pack('<BBBB4sHHI', 5, 0, ptype, flags, drep,
                       16 + len(body), 0, call_id) + body


def bind_ack(call_id=1):
    sec = b'135\x00'
    body = struct.pack('<HHIH', 4280, 4280, 0x12345, len(sec)) + sec
    body += b'\x00' * ((4 - (16 + len(body)) % 4) % 4)
    body += struct.pack('<BBH', 1, 0, 0)
    body += struct.pack('<HH', 0, 0) + iuuid.uuidtup_to_bin(NDR)[:16] + \
        struct.pack('<I', 2)
    return pdu(12, 3, call_id, body)


def responses(call_id, stub, frag=4280):
    """Split a stub into response PDUs of at most frag bytes."""
    room = frag - 24
    chunks = [stub[i:i + room] for i in range(0, len(stub), room)] or [b'']
    res = b''
    for i, c in enumerate(chunks):
        flags = (1 if i == 0 else 0) | (2 if i == len(chunks) - 1 else 0)
        body = struct.pack('<IHBB', len(stub), 0, 0, 0) + c
        res += pdu(2, flags, call_id, body)
    return res


def floor(lhs, rhs):
    f = epm.EPMFloor()
    f['ProtocolData'] = lhs
    f['RelatedData'] = rhs
    f['LHSByteCount'] = len(lhs)
    f['RHSByteCount'] = len(rhs)
    return f.getData()


def tower(ifuuid, ver, kind, ep, host):
    i = epm.EPMRPCInterface()
    i['InterfaceUUID'] = iuuid.string_to_bin(ifuuid)
    i['MajorVersion'], i['MinorVersion'] = ver
    d = epm.EPMRPCDataRepresentation()
    d['DataRepUuid'] = iuuid.string_to_bin(NDR[0])
    d['MajorVersion'], d['MinorVersion'] = 2, 0
    fl = [i.getData(), d.getData()]
    if kind == 'tcp':
        fl += [floor(b'\x0b', b'\x00\x00'), floor(b'\x07', struct.pack('>H', ep)),
               floor(b'\x09', socket.inet_aton(host))]
    elif kind == 'udp':
        fl += [floor(b'\x0a', b'\x00\x00'), floor(b'\x08', struct.pack('>H', ep)),
               floor(b'\x09', socket.inet_aton(host))]
    elif kind == 'http':
        fl += [floor(b'\x0b', b'\x00\x00'), floor(b'\x1f', struct.pack('>H', ep)),
               floor(b'\x09', socket.inet_aton(host))]
    elif kind == 'np':
        fl += [floor(b'\x0b', b'\x00\x00'), floor(b'\x0f', ep.encode() + b'\x00'),
               floor(b'\x11', host.encode() + b'\x00')]
    elif kind == 'lrpc':
        fl += [floor(b'\x0c', b'\x00\x00'), floor(b'\x10', ep.encode() + b'\x00')]
    return struct.pack('<H', len(fl)) + b''.join(fl)


def lookup_stub(entries, handle, status):
    r = epm.ept_lookupResponse()
    r['entry_handle']['context_handle_attributes'] = 0
    r['entry_handle']['context_handle_uuid'] = handle
    r['num_ents'] = len(entries)
    for obj, tw, ann in entries:
        e = epm.ept_entry_t()
        e['object'] = iuuid.string_to_bin(obj)
        if tw is None:
            e['tower'] = NULL
        else:
            e['tower']['tower_length'] = len(tw)
            e['tower']['tower_octet_string'] = list(tw)
        e['annotation'] = list(ann.encode() + b'\x00')
        r['entries'].append(e)
    r['status'] = status
    return r.getData()


NIL = '00000000-0000-0000-0000-000000000000'
H1 = b'\x11' * 16
# The seed capture's Windows 2000 host (tests/data/seed/w2k-0-initial):
# a map with the services the note says own 1025-1029 and UDP 135.
W2K = '192.70.106.143'
PAGE1 = [
    (NIL, tower('E1AF8308-5D1F-11C9-91A4-08002B14A0FA', (3, 0), 'tcp', 135, W2K), ''),
    (NIL, tower('E1AF8308-5D1F-11C9-91A4-08002B14A0FA', (3, 0), 'udp', 135, W2K), ''),
    (NIL, tower('906B0CE0-C70B-1067-B317-00DD010662DA', (1, 0), 'tcp', 1025, W2K), ''),
    (NIL, tower('1FF70682-0A51-30E8-076D-740BE8CEE98B', (1, 0), 'tcp', 1026, W2K), ''),
    (NIL, tower('378E52B0-C0A9-11CF-822D-00AA0051E40F', (1, 0), 'np', r'\PIPE\atsvc', r'\\W2KSRV'), ''),
]
PAGE2 = [
    (NIL, tower('82AD4280-036B-11CF-972C-00AA006887B0', (2, 0), 'tcp', 1027, W2K), ''),
    (NIL, tower('82AD4280-036B-11CF-972C-00AA006887B0', (2, 0), 'udp', 1028, W2K), ''),
    ('5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC', tower('5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC', (1, 0), 'udp', 1029, W2K), 'Messenger Service'),
    (NIL, tower('17FDD703-1827-4E34-79D4-24A55C53BB37', (1, 0), 'lrpc', 'ntsvcs', None), 'Messenger Service'),
    (NIL, tower('E1AF8308-5D1F-11C9-91A4-08002B14A0FA', (3, 0), 'http', 593, W2K), ''),
    (NIL, None, 'no tower'),
]


def write(name, data, oracle=None):
    with open(os.path.join(out, name + '.bin'), 'wb') as f:
        f.write(data)
    if oracle is not None:
        with open(os.path.join(out, name + '.impacket'), 'w') as f:
            for _, tw, _ in oracle:
                if tw is None:
                    continue
                t = epm.EPMTower(tw)
                f.write('%s %s\n' % (t['Floors'][0], epm.PrintStringBinding(t['Floors'])))


os.makedirs(out, exist_ok=True)
# Windows style: two pages, the second ends with status 0 and a null
# handle; the second reply is cut into 100-byte fragments.
write('windows-paged',
      bind_ack() + responses(2, lookup_stub(PAGE1, H1, 0)) +
      responses(3, lookup_stub(PAGE2, b'\x00' * 16, 0), frag=100),
      PAGE1 + PAGE2)
# The same map without the null tower (which stock Impacket cannot
# read): what the Windows 2000 seed host's mapper would send.
write('w2k-seed',
      bind_ack() + responses(2, lookup_stub(PAGE1, H1, 0)) +
      responses(3, lookup_stub(PAGE2[:-1], b'\x00' * 16, 0), frag=100),
      PAGE1 + PAGE2[:-1])
# An empty map: Windows says "not registered" at once.
write('empty', bind_ack() + responses(2, lookup_stub([], b'\x00' * 16,
                                                     0x16c9a0d6)))
# The server refuses ept_lookup with a fault.
fault = struct.pack('<IHBBI', 0, 0, 0, 0, 0x1c010002) + b'\x00' * 4
write('fault', bind_ack() + pdu(3, 3, 2, fault))
# The server refuses the bind (abstract syntax not supported... as nak).
write('bind-nak', pdu(13, 3, 1, struct.pack('<HB', 4, 0)))
# A status that is neither success nor end of list.
write('status-error', bind_ack() + responses(2, lookup_stub(PAGE1[:1], H1, 0x16c9a0d2)))
# Hostile: never ends the list (same handle, one entry per page).
endless = bind_ack()
for call in range(2, 2 + 205):
    endless += responses(call, lookup_stub(PAGE1[:1], H1, 0))
write('endless', endless)
# Hostile: the reply claims more entries than it carries.
stub = bytearray(lookup_stub(PAGE1, H1, 0))
struct.pack_into('<I', stub, 20, 400)        # num_ents
struct.pack_into('<III', stub, 24, 500, 0, 400)
write('overcount', bind_ack() + responses(2, bytes(stub)))
# Hostile: an annotation longer than ept_max_annotation_size.
write('long-annotation', bind_ack() + responses(2, lookup_stub(
    [(NIL, PAGE1[0][1], 'A' * 80)], H1, 0)))
# Hostile: a reply for another call.
write('wrong-call', bind_ack() + responses(7, lookup_stub(PAGE1, H1, 0)))
# Truncated: the connection ends in the middle of a fragment.
full = bind_ack() + responses(2, lookup_stub(PAGE1, H1, 0))
write('truncated', full[:len(full) - 30])

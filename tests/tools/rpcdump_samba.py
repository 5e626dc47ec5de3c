#!/usr/bin/python3
# Impacket's own examples/rpcdump.py, unchanged, except that ept_lookup
# accepts the reply Samba sends: every entry plus status
# ept_s_not_registered (0x16c9a0d6) meaning "end of list".  Stock Impacket
# 0.10 raises on that status and prints no endpoint.  Run with Debian's
# /usr/bin/python3 (python3-impacket).
import runpy
import sys

from impacket.dcerpc.v5 import epm

EXAMPLE = '/usr/share/doc/python3-impacket/examples/rpcdump.py'


def tolerant_lookup(destHost, inquiry_type=epm.RPC_C_EP_ALL_ELTS,
                    objectUUID=epm.NULL, ifId=epm.NULL,
                    vers_option=epm.RPC_C_VERS_ALL, dce=None):
    dce.bind(epm.MSRPC_UUID_PORTMAP)
    handle = epm.ept_lookup_handle_t()
    out = []
    for _ in range(1000):               # bounded, like netmin's page cap
        req = epm.ept_lookup()
        req['inquiry_type'] = inquiry_type
        req['object'] = objectUUID
        req['Ifid'] = ifId
        req['vers_option'] = vers_option
        req['entry_handle'] = handle
        req['max_ents'] = 500
        resp = dce.request(req, checkError=False)
        for i in range(resp['num_ents']):
            ent = resp['entries'][i]
            tower = b''.join(ent['tower']['tower_octet_string'])
            out.append({'object': ent['object'],
                        'annotation': b''.join(ent['annotation']),
                        'tower': epm.EPMTower(tower)})
        handle = resp['entry_handle']
        if resp['status'] != 0 or handle.isNull():
            break
    return out


epm.hept_lookup = tolerant_lookup
sys.argv[0] = EXAMPLE
runpy.run_path(EXAMPLE, run_name='__main__')

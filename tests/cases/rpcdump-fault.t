# ept_lookup answered with a fault: exit 3, the status named
args: rpcdump --replay rpcdump/fault.bin h
exit: 3
--- stdout
--- stderr
netmin: rpcdump h: ept_lookup: the server answered with fault 0x1c010002 (nca_s_op_rng_error)

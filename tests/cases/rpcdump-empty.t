# an empty endpoint map
args: rpcdump --replay rpcdump/empty.bin h
exit: 0
--- stdout
0 endpoints, 0 interfaces from h port 135; 1 ept_lookup call, list ended by ept_s_not_registered
--- stderr

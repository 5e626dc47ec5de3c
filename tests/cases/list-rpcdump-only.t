# a dump alone lists no endpoints: it is evidence about endpoints other captures show
args: list --from rpcdump/w2k-seed.rpcdump.json
exit: 0
--- stdout
PROTO  LOCAL  PORT  STATE  PID  PROCESS  SERVICES  KB  CONF  EXPOSURE  NOTE
--- stderr
netmin: rpcdump/w2k-seed.rpcdump.json: an endpoint map is evidence about ports: add the same host's netstat with --from to see who owns them

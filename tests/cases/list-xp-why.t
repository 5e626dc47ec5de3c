# list --why: attribution and its evidence
args: list --from seed/xp-0-initial.netstat-ano.txt --os windows-xp --why
exit: 0
--- stdout
PROTO  LOCAL           PORT  STATE   PID   PROCESS  SERVICES  KB            CONF    EXPOSURE  NOTE  WHY
tcp    0.0.0.0          135  listen  884   -        -         rpcss         medium  all             tcp/135 is RpcSs's port on windows-xp
tcp    0.0.0.0          445  listen  4     -        -         lanmanserver  medium  all             process System on tcp/445, LanmanServer's port
tcp    0.0.0.0         1025  listen  976   -        -         schedule      low     all             a dynamic port; on windows-xp the note's captures show Schedule here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it
tcp    0.0.0.0         5000  listen  1160  -        -         ssdpsrv       medium  all             tcp/5000 is SSDPSRV's port on windows-xp
tcp    192.70.106.143   139  listen  4     -        -         netbt         medium  address         process System on tcp/139, NetBT's port
udp    0.0.0.0          135  unconn  884   -        -         rpcss         medium  all             udp/135 is RpcSs's port on windows-xp
udp    0.0.0.0          445  unconn  4     -        -         lanmanserver  medium  all             process System on udp/445, LanmanServer's port
udp    0.0.0.0          500  unconn  704   -        -         policyagent   medium  all             udp/500 is PolicyAgent's port on windows-xp
udp    0.0.0.0         1026  unconn  1112  -        -         dnscache      low     all             a dynamic port; on windows-xp the note's captures show Dnscache here (the DNS client's source port in the note's capture). Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it
udp    0.0.0.0         1027  unconn  976   -        -         messenger     low     all             a dynamic port; on windows-xp the note's captures show Messenger here. Not certain: tasklist /svc (or netstat -anob) with this capture, or netmin rpcdump would confirm it
udp    127.0.0.1        123  unconn  976   -        -         w32time       medium  loopback        udp/123 is W32Time's port on windows-xp
udp    127.0.0.1       1900  unconn  1160  -        -         ssdpsrv       medium  loopback        udp/1900 is SSDPSRV's port on windows-xp
udp    192.70.106.143   123  unconn  976   -        -         w32time       medium  address         udp/123 is W32Time's port on windows-xp
udp    192.70.106.143   137  unconn  4     -        -         netbt         medium  address         process System on udp/137, NetBT's port
udp    192.70.106.143   138  unconn  4     -        -         netbt         medium  address         process System on udp/138, NetBT's port
udp    192.70.106.143  1900  unconn  1160  -        -         ssdpsrv       medium  address         udp/1900 is SSDPSRV's port on windows-xp
--- stderr

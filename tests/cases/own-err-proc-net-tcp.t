# /proc/net/tcp has no owners and is not a capture netmin reads: refused
# with the forms it does read (exit 2)
args: list --from own/41-proc-net-tcp.txt
exit: 2
--- stdout
--- stderr
netmin: own/41-proc-net-tcp.txt: no capture netmin reads (netstat, ss, lsof, tasklist, sc, PowerShell Get-NetTCPConnection, Get-NetUDPEndpoint or Get-Service, rpcdump); 'netmin list --help' lists the forms, FORMAT:FILE forces one

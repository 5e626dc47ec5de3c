# a tasklist alone is evidence about PIDs: no endpoints, exit 0, a warning says what to add
args: list --from corpus/01a-win7-chatterbox-tasklist-svc.txt
exit: 0
--- stdout
PROTO  LOCAL  PORT  STATE  PID  PROCESS  SERVICES  KB  CONF  EXPOSURE  NOTE
--- stderr
netmin: corpus/01a-win7-chatterbox-tasklist-svc.txt: a process list has no endpoints: it is evidence about PIDs; add the same host's netstat -ano with --from to see their processes and services

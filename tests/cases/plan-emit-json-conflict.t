# --json and --emit together
args: plan --from seed/xp-0-initial.netstat-ano.txt --emit cmd --json --rollback /dev/null
exit: 2
--- stdout
--- stderr
netmin: --json and --emit are two different outputs; choose one
Try 'netmin plan --help'.

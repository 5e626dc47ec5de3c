# --plan with --from is a usage error
args: plan --plan plans/wine-emit.json --from seed/xp-0-initial.netstat-ano.txt
exit: 2
--- stdout
--- stderr
netmin: --plan reads a finished plan; --from, --keep, --drop, --os and --no-filter make a new one
Try 'netmin plan --help'.

# audit has no --emit
args: audit --from seed/xp-0-initial.netstat-ano.txt --emit cmd
exit: 2
--- stdout
--- stderr
netmin: --emit, --output, --rollback and --plan belong to netmin plan
Try 'netmin audit --help'.

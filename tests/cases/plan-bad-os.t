# an unknown --os is a usage error
args: plan --from seed/xp-0-initial.netstat-ano.txt --os windows-95
exit: 2
--- stdout
--- stderr
netmin: unknown OS generation 'windows-95' (windows-2000, windows-xp, ..., windows-server-2025, linux)
Try 'netmin plan --help'.

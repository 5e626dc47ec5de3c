# --emit names the formats
args: plan --from seed/xp-0-initial.netstat-ano.txt --emit bat --rollback /dev/null
exit: 2
--- stdout
--- stderr
netmin: --emit takes cmd, ps1 or sh, not 'bat'
Try 'netmin plan --help'.

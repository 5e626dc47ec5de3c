# a script on stdout needs its rollback named
args: plan --from seed/xp-0-initial.netstat-ano.txt --emit cmd
exit: 2
--- stdout
--- stderr
netmin: the script goes to standard output; name its rollback script with --rollback FILE (or write both with -o FILE)
Try 'netmin plan --help'.

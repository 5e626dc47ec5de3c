# no host: usage error
args: rpcdump
exit: 2
--- stdout
--- stderr
netmin: which host? (netmin rpcdump HOST)
Try 'netmin rpcdump --help'.

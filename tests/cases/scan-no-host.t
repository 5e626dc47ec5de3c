# scan without a host
args: scan
exit: 2
--- stdout
--- stderr
netmin: which host? (netmin scan HOST)
Try 'netmin scan --help'.

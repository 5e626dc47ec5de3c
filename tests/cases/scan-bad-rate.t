# --rate must be a number
args: scan --rate fast 198.18.4.2
exit: 2
--- stdout
--- stderr
netmin: --rate wants a number from 1 to 10000000, not 'fast'
Try 'netmin scan --help'.

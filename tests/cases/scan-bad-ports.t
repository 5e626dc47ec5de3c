# a port list with a reversed range
args: scan -p 22,90-80 198.18.4.2
exit: 2
--- stdout
--- stderr
netmin: bad port range '90-80': 90 is above 80
Try 'netmin scan --help'.

# bad port: usage error
args: rpcdump -p 70000 h
exit: 2
--- stdout
--- stderr
netmin: bad port '70000' (1-65535)
Try 'netmin rpcdump --help'.

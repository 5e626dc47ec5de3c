# a multicast target is refused
args: scan 224.0.0.251
exit: 2
--- stdout
--- stderr
netmin: 224.0.0.251 is a multicast address, not one host; give --allow-broadcast to scan it anyway

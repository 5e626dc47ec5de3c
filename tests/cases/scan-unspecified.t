# the unspecified address is refused
args: scan -6 ::
exit: 2
--- stdout
--- stderr
netmin: :: is the unspecified address, not one host; give --allow-broadcast to scan it anyway

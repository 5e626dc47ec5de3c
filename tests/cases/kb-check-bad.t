# kb check of a malformed file
args: kb check kb/bad-port.kb
exit: 2
--- stdout
--- stderr
netmin: kb/bad-port.kb:7: bad port '70000' (a number 1-65535, LO-HI, rpc or ephemeral)

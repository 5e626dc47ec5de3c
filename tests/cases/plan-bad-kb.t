# a malformed --kb file: file:line and exit 2
args: plan --from corpus/05-centos-bt-netstat-anopt.txt --kb kb/bad-port.kb
exit: 2
--- stdout
--- stderr
netmin: kb/bad-port.kb:7: bad port '70000' (a number 1-65535, LO-HI, rpc or ephemeral)

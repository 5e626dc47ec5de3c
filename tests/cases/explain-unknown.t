# an unknown name
args: explain nosuchthing
exit: 2
--- stdout
--- stderr
netmin: 'nosuchthing' names no port, service, unit, process or knowledge-base entry (netmin kb list shows them)

# --plan on a file that is not a plan: file:line
args: plan --plan seed/xp-0-initial.netstat-ano.txt
exit: 2
--- stdout
--- stderr
netmin: seed/xp-0-initial.netstat-ano.txt:1:1: expected a value, found 'C'

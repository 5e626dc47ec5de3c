# --keep of an unknown name is a usage error
args: plan --from seed/xp-0-initial.netstat-ano.txt --keep nosuchservice
exit: 2
--- stdout
--- stderr
netmin: --keep 'nosuchservice': no port, and no service, unit, process or knowledge-base entry by that name (netmin kb list shows them)
Try 'netmin plan --help'.

# tasklist:FILE forces the format: a netstat capture holds no tasklist rows
args: list --from tasklist:corpus/01b-win7-chatterbox-netstat-ano.txt
exit: 2
--- stdout
--- stderr
netmin: corpus/01b-win7-chatterbox-netstat-ano.txt: no tasklist rows found

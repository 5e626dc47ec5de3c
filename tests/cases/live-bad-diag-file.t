# a file that is not a netlink recording is refused
args: list --from-diag corpus/INDEX.tsv --proc-root live/services/proc
exit: 2
--- stdout
--- stderr
netmin: corpus/INDEX.tsv: not a netlink sock_diag recording

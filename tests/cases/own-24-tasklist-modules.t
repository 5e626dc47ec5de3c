# hand-made capture (own/24): tasklist /m lists DLLs, not services: refused, exit 2
args: list --from own/24-tasklist-modules.txt
exit: 2
--- stdout
--- stderr
netmin: own/24-tasklist-modules.txt: this is tasklist /m (the DLLs each process loaded), not tasklist /svc

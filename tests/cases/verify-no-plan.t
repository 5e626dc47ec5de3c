# no --plan: usage error
args: verify --from verify/ss-after-ok.txt
exit: 2
--- stdout
--- stderr
netmin: which plan? (--plan PLAN.json)
Try 'netmin verify --help'.

# --step beyond the plan
args: verify --plan verify/plan.json --step 3 --from verify/ss-after-ok.txt
exit: 2
--- stdout
--- stderr
netmin: --step 3: the plan has 2 steps
Try 'netmin verify --help'.

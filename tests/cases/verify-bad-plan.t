# a malformed plan: file:line:col, exit 2
args: verify --plan verify/plan-bad.json --from verify/ss-after-ok.txt
exit: 2
--- stdout
--- stderr
netmin: verify/plan-bad.json:2:35: "closes" must be an array of endpoints

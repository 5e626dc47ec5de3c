# every step done: closed as predicted, kept ones open (exit 0)
args: verify --plan verify/plan.json --from verify/ss-after-ok.txt
exit: 0
--- stdout
netmin verify verify/plan.json: steps 1-2 of 2, host view: verify/ss-after-ok.txt
STEP  PROTO  ENDPOINT      PREDICTED  HOST    OUTSIDE  VERDICT
-     tcp    0.0.0.0:22    open       open    -        open-as-predicted
1     tcp    0.0.0.0:25    closed     closed  -        closed-as-predicted
2     tcp    0.0.0.0:111   closed     closed  -        closed-as-predicted
2     udp    0.0.0.0:111   closed     closed  -        closed-as-predicted
-     udp    0.0.0.0:5353  open       open    -        open-as-predicted
result: reality matches the prediction (5 endpoints)
--- stderr

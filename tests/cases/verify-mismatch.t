# rpcbind still listens on tcp 111 and something new on 8080: two mismatches (exit 1)
args: verify --plan verify/plan.json --from verify/ss-after-bad.txt
exit: 1
--- stdout
netmin verify verify/plan.json: steps 1-2 of 2, host view: verify/ss-after-bad.txt
STEP  PROTO  ENDPOINT      PREDICTED  HOST    OUTSIDE  VERDICT
2     tcp    0.0.0.0:111   closed     open    -        MISMATCH still-open
-     tcp    0.0.0.0:8080  closed     open    -        MISMATCH newly-open
-     tcp    0.0.0.0:22    open       open    -        open-as-predicted
1     tcp    0.0.0.0:25    closed     closed  -        closed-as-predicted
2     udp    0.0.0.0:111   closed     closed  -        closed-as-predicted
-     udp    0.0.0.0:5353  open       open    -        open-as-predicted
result: 2 mismatches: 1 still open, 1 newly open, 0 closed though predicted open, 0 reachable from outside though the host says closed
--- stderr

# only step 1 verified: udp 111 predicted open but gone; JSON
args: verify --plan verify/plan.json --step 1 --from verify/ss-after-bad.txt --json
exit: 1
--- stdout
{
  "schema": "netmin.verify/1",
  "plan": "verify/plan.json",
  "steps": 2,
  "verified_steps": 1,
  "host_view": "verify/ss-after-bad.txt",
  "target": null,
  "match": false,
  "mismatches": 2,
  "counts": {
    "open-as-predicted": 3,
    "closed-as-predicted": 1,
    "moved-as-predicted": 0,
    "still-open": 0,
    "newly-open": 1,
    "closed-predicted-open": 1,
    "reachable-host-says-closed": 0,
    "host-open-not-reachable": 0
  },
  "checks": [
    {
      "step": null,
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 22,
      "kb": null,
      "predicted": "open",
      "observed": "open",
      "outside": null,
      "verdict": "open-as-predicted",
      "mismatch": false
    },
    {
      "step": 1,
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 25,
      "kb": null,
      "predicted": "closed",
      "observed": "closed",
      "outside": null,
      "verdict": "closed-as-predicted",
      "mismatch": false
    },
    {
      "step": null,
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 111,
      "kb": null,
      "predicted": "open",
      "observed": "open",
      "outside": null,
      "verdict": "open-as-predicted",
      "mismatch": false
    },
    {
      "step": null,
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 111,
      "kb": null,
      "predicted": "open",
      "observed": "closed",
      "outside": null,
      "verdict": "closed-predicted-open",
      "mismatch": true
    },
    {
      "step": null,
      "proto": "udp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 5353,
      "kb": null,
      "predicted": "open",
      "observed": "open",
      "outside": null,
      "verdict": "open-as-predicted",
      "mismatch": false
    },
    {
      "step": null,
      "proto": "tcp",
      "family": "ipv4",
      "local_address": "0.0.0.0",
      "local_port": 8080,
      "kb": null,
      "predicted": "closed",
      "observed": "open",
      "outside": null,
      "verdict": "newly-open",
      "mismatch": true
    }
  ],
  "notes": []
}
--- stderr

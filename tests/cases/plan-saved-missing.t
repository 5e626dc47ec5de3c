# --plan names a missing file
args: plan --plan plans/none.json
exit: 3
--- stdout
--- stderr
netmin: cannot open plans/none.json: No such file or directory

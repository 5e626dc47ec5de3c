# a forced format with no rows is an error (exit 2)
args: list --from ss:own/make-captures.sh
exit: 2
--- stdout
--- stderr
netmin: own/make-captures.sh: no ss TCP or UDP rows found

# --netns naming no namespace is a usage error
args: list --netns nmt-live-no-such-namespace
exit: 2
--- stdout
--- stderr
netmin: cannot open network namespace nmt-live-no-such-namespace: No such file or directory

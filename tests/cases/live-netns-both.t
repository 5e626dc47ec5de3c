# --netns and --all-netns exclude each other
args: list --netns x --all-netns
exit: 2
--- stdout
--- stderr
netmin: --netns and --all-netns exclude each other

# --netns reads the live host, not a capture
args: list --netns x --from seed/xp-0-initial.netstat-ano.txt
exit: 2
--- stdout
--- stderr
netmin: --netns, --all-netns and --from-diag read the live host; they do not combine with --from

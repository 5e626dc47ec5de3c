# hand-made capture (own/42: own/32 cut short after 28 lines, as a
# console buffer or a copy can cut it): the error names where the JSON
# breaks, not an empty document
args: list --from own/42-pwsh-json-cut-short.txt
exit: 2
--- stdout
--- stderr
netmin: own/42-pwsh-json-cut-short.txt:29:1: unexpected end of input, expected a value

# hand-made capture (own/36): a table made from a variable: nothing says TCP or UDP, so exit 2 and a message naming pwsh-tcp:/pwsh-udp:
args: list --from own/36-pwsh-table-from-variable.txt
exit: 2
--- stdout
--- stderr
netmin: own/36-pwsh-table-from-variable.txt: cannot tell whether the rows are TCP or UDP endpoints; keep the Get-NetTCPConnection or Get-NetUDPEndpoint command line in the capture, or name the format: pwsh-tcp:FILE or pwsh-udp:FILE

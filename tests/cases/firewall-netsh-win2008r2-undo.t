# netsh undo form: deletes exactly the netmin-* names the script adds
args: firewall --from corpus/04-zhCN-win2008r2-netstat-ano.txt --emit netsh --undo
exit: 0
--- stdout
@echo off
rem netmin 0.1.0 firewall undo for windows-nt6 (file:corpus/04-zhCN-win2008r2-netstat-ano.txt)
rem Removes exactly the rules the ruleset script added, by their names;
rem running it again changes nothing.  Needs an elevated prompt.
for %%R in ( netmin-allow-icmpv4-3 netmin-allow-icmpv4-11 netmin-allow-icmpv4-12
     netmin-allow-icmpv6-1 netmin-allow-icmpv6-2 netmin-allow-icmpv6-3
     netmin-allow-icmpv6-4 netmin-allow-icmpv6-133 netmin-allow-icmpv6-134
     netmin-allow-icmpv6-135 netmin-allow-icmpv6-136 netmin-allow-dhcp
     netmin-allow-dhcpv6 netmin-allow-tcp-3389 netmin-block-tcp netmin-block-udp
     netmin-block-udp-68 netmin-block-udp-546
) do netsh advfirewall firewall delete rule name=%%R >nul 2>&1
exit /b 0
--- stderr

# PowerShell undo form: removes the names it added, only in group netmin
args: firewall --from corpus/04-zhCN-win2008r2-netstat-ano.txt --keep 3306/tcp --allow-from TermService=198.18.9.0/24 --emit ps1 --undo
exit: 0
--- stdout
#Requires -RunAsAdministrator
# netmin 0.1.0 firewall undo for windows-nt6 (file:corpus/04-zhCN-win2008r2-netstat-ano.txt)
# Removes exactly the rules the ruleset script added: these names, in the
# rule group netmin.  Running it again changes nothing.
$Names = @(
    'netmin-allow-icmpv4-3',
    'netmin-allow-icmpv4-11',
    'netmin-allow-icmpv4-12',
    'netmin-allow-icmpv6-1',
    'netmin-allow-icmpv6-2',
    'netmin-allow-icmpv6-3',
    'netmin-allow-icmpv6-4',
    'netmin-allow-icmpv6-133',
    'netmin-allow-icmpv6-134',
    'netmin-allow-icmpv6-135',
    'netmin-allow-icmpv6-136',
    'netmin-allow-dhcp',
    'netmin-allow-dhcpv6',
    'netmin-allow-tcp-3306',
    'netmin-allow-tcp-3389',
    'netmin-block-tcp',
    'netmin-block-udp',
    'netmin-block-udp-68',
    'netmin-block-udp-546',
    'netmin-block-tcp-3389-from'
)
Get-NetFirewallRule -Name $Names -ErrorAction SilentlyContinue |
    Where-Object { $_.Group -eq 'netmin' } | Remove-NetFirewallRule
--- stderr

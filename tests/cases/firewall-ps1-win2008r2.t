# PowerShell form: --keep 3306/tcp, RDP only from 198.18.9.0/24 plus the guarded session peer; block rules for other peers and ports
args: firewall --from corpus/04-zhCN-win2008r2-netstat-ano.txt --keep 3306/tcp --allow-from TermService=198.18.9.0/24 --emit ps1
exit: 0
--- stdout
#Requires -RunAsAdministrator
# netmin 0.1.0 firewall ruleset for windows-nt6 (file:corpus/04-zhCN-win2008r2-netstat-ano.txt)
# default-deny inbound: loopback, established and related traffic, ICMP errors
# and path MTU, ICMPv6 errors, path MTU and neighbour discovery,
# DHCP and DHCPv6 client replies (a DHCPv6 client socket (udp/546, Dhcp)); then only:
#   allow tcp/3306 (pid 1596): --keep 3306/tcp
#   allow tcp/3389 from 198.18.9.0/24, 218.106.157.104 (TermService): --allow-from TermService=198.18.9.0/24; lockout guard
#   filter tcp/135 on 0.0.0.0, [::] (RpcEptMapper): it stays but is filtered: no supported off switch on Vista and later (Microsoft: no guidance); COM and DCOM fail without it: filter TCP 135 at the host firewall instead
#   filter tcp/139 on 10.0.10.6 (NetBT): the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
#   filter tcp/445 on 0.0.0.0, [::] (LanmanServer): the plan closes it (step 5: Stop and disable LanmanServer (Server))
#   filter tcp/5357 on 0.0.0.0, [::] (fdPHost): the plan closes it (step 3: Stop and disable fdPHost (Function Discovery Provider Host))
#   filter tcp/8088 on 0.0.0.0 (pid 1772): owner unknown; --keep 8088/tcp allows it
#   filter tcp/49152 on 0.0.0.0, [::] (pid 580): owner unknown; --keep 49152/tcp allows it
#   filter tcp/49153 on 0.0.0.0, [::] (pid 912): owner unknown; --keep 49153/tcp allows it
#   filter tcp/49154 on 0.0.0.0, [::] (pid 448): owner unknown; --keep 49154/tcp allows it
#   filter tcp/49164 on 0.0.0.0, [::] (pid 672): owner unknown; --keep 49164/tcp allows it
#   filter tcp/49165 on 0.0.0.0, [::] (pid 2436): owner unknown; --keep 49165/tcp allows it
#   filter tcp/49167 on 0.0.0.0, [::] (pid 680): owner unknown; --keep 49167/tcp allows it
#   filter udp/137 on 10.0.10.6 (NetBT): the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
#   filter udp/138 on 10.0.10.6 (NetBT): the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
#   filter udp/500 on 0.0.0.0, [::] (IKEEXT): the plan closes it (step 2: Stop and disable IKEEXT (IKE and AuthIP IPsec Keying Modules))
#   filter udp/3702 on 0.0.0.0, [::] (fdPHost): the plan closes it (step 3: Stop and disable fdPHost (Function Discovery Provider Host))
#   filter udp/4500 on 0.0.0.0, [::] (IKEEXT): the plan closes it (step 2: Stop and disable IKEEXT (IKE and AuthIP IPsec Keying Modules))
#   filter udp/5355 on 0.0.0.0, [::] (Dnscache): the plan closes it (step 1: Turn off LLMNR (multicast name resolution))
#   filter udp/65288 on 0.0.0.0 (pid 1488): owner unknown; --keep 65288/udp allows it
#   filter udp/65289 on [::] (pid 1488): owner unknown; --keep 65289/udp allows it
#   session from 218.106.157.104 to port 3389 (an established connection to TermService): admitted (lockout guard)
#
# Adds inbound rules in the group netmin: allow what stays, block every other
# TCP and UDP port (a block rule wins over every allow rule, so other rule
# groups cannot open more).  Loopback is exempt and replies pass statefully.
# Undo: the undo script.
$ErrorActionPreference = 'Stop'
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
if (Get-NetFirewallRule -Name $Names -ErrorAction SilentlyContinue) {
    Write-Error 'netmin: a rule named netmin-* exists already; run the undo script first' -ErrorAction Continue
    exit 1
}
$Rule = @{ Group = 'netmin'; Direction = 'Inbound'; Profile = 'Any' }
try {
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv4-3' -DisplayName 'netmin-allow-icmpv4-3' -Action Allow -Protocol ICMPv4 -IcmpType 3 -Description 'netmin: ICMP errors and path MTU (3 unreachable incl. frag-needed, 11 time exceeded, 12 parameter problem)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv4-11' -DisplayName 'netmin-allow-icmpv4-11' -Action Allow -Protocol ICMPv4 -IcmpType 11 -Description 'netmin: ICMP errors and path MTU (3 unreachable incl. frag-needed, 11 time exceeded, 12 parameter problem)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv4-12' -DisplayName 'netmin-allow-icmpv4-12' -Action Allow -Protocol ICMPv4 -IcmpType 12 -Description 'netmin: ICMP errors and path MTU (3 unreachable incl. frag-needed, 11 time exceeded, 12 parameter problem)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-1' -DisplayName 'netmin-allow-icmpv6-1' -Action Allow -Protocol ICMPv6 -IcmpType 1 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-2' -DisplayName 'netmin-allow-icmpv6-2' -Action Allow -Protocol ICMPv6 -IcmpType 2 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-3' -DisplayName 'netmin-allow-icmpv6-3' -Action Allow -Protocol ICMPv6 -IcmpType 3 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-4' -DisplayName 'netmin-allow-icmpv6-4' -Action Allow -Protocol ICMPv6 -IcmpType 4 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-133' -DisplayName 'netmin-allow-icmpv6-133' -Action Allow -Protocol ICMPv6 -IcmpType 133 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-134' -DisplayName 'netmin-allow-icmpv6-134' -Action Allow -Protocol ICMPv6 -IcmpType 134 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-135' -DisplayName 'netmin-allow-icmpv6-135' -Action Allow -Protocol ICMPv6 -IcmpType 135 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-icmpv6-136' -DisplayName 'netmin-allow-icmpv6-136' -Action Allow -Protocol ICMPv6 -IcmpType 136 -Description 'netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-dhcp' -DisplayName 'netmin-allow-dhcp' -Action Allow -Protocol UDP -LocalPort '68' -RemotePort '67' -Description 'netmin: DHCP client replies' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-dhcpv6' -DisplayName 'netmin-allow-dhcpv6' -Action Allow -Protocol UDP -LocalPort '546' -RemotePort '547' -Description 'netmin: DHCPv6 client replies' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-tcp-3306' -DisplayName 'netmin-allow-tcp-3306' -Action Allow -Protocol TCP -LocalPort '3306' -Description 'netmin: pid 1596: asked' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-allow-tcp-3389' -DisplayName 'netmin-allow-tcp-3389' -Action Allow -Protocol TCP -LocalPort '3389' -RemoteAddress '198.18.9.0/24','218.106.157.104' -Description 'netmin: TermService: asked, lockout guard' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-block-tcp' -DisplayName 'netmin-block-tcp' -Action Block -Protocol TCP -LocalPort '1-3305','3307-3388','3390-65535' -Description 'netmin: every TCP port not allowed above' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-block-udp' -DisplayName 'netmin-block-udp' -Action Block -Protocol UDP -LocalPort '1-67','69-545','547-65535' -Description 'netmin: every UDP port not allowed above' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-block-udp-68' -DisplayName 'netmin-block-udp-68' -Action Block -Protocol UDP -LocalPort '68' -RemotePort '1-66','68-65535' -Description 'netmin: UDP 68 from anything but a DHCP server port' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-block-udp-546' -DisplayName 'netmin-block-udp-546' -Action Block -Protocol UDP -LocalPort '546' -RemotePort '1-546','548-65535' -Description 'netmin: UDP 546 from anything but a DHCPv6 server port' | Out-Null
    New-NetFirewallRule @Rule -Name 'netmin-block-tcp-3389-from' -DisplayName 'netmin-block-tcp-3389-from' -Action Block -Protocol TCP -LocalPort '3389' -RemoteAddress '0.0.0.0-198.18.8.255','198.18.10.0-218.106.157.103','218.106.157.105-255.255.255.255','::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' -Description 'netmin: TCP 3389 from other peers' | Out-Null
} catch {
    Write-Warning "netmin: a rule could not be added ($_); taking out the ones added"
    Get-NetFirewallRule -Name $Names -ErrorAction SilentlyContinue |
        Where-Object { $_.Group -eq 'netmin' } | Remove-NetFirewallRule
    exit 1
}
Write-Output 'netmin: 20 rules added'
--- stderr

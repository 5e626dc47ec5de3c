# netsh form for Windows Server 2008 R2: RDP kept (session guarded), RpcEptMapper filtered, DHCP/DHCPv6 client, block rules for every other port
args: firewall --from corpus/04-zhCN-win2008r2-netstat-ano.txt --emit netsh
exit: 0
--- stdout
@echo off
rem netmin 0.1.0 firewall ruleset for windows-nt6 (file:corpus/04-zhCN-win2008r2-netstat-ano.txt)
rem default-deny inbound: loopback, established and related traffic, ICMP errors
rem and path MTU, ICMPv6 errors, path MTU and neighbour discovery,
rem DHCP and DHCPv6 client replies (a DHCPv6 client socket (udp/546, Dhcp)); then only:
rem   allow tcp/3389 (TermService): the plan keeps it: remote desktop sessions, perhaps the one you are using: netmin never turns it off unless you --drop TermService (Microsoft: do not disable)
rem   filter tcp/135 on 0.0.0.0, [::] (RpcEptMapper): it stays but is filtered: no supported off switch on Vista and later (Microsoft: no guidance); COM and DCOM fail without it: filter TCP 135 at the host firewall instead
rem   filter tcp/139 on 10.0.10.6 (NetBT): the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
rem   filter tcp/445 on 0.0.0.0, [::] (LanmanServer): the plan closes it (step 5: Stop and disable LanmanServer (Server))
rem   filter tcp/3306 on 0.0.0.0, [::] (pid 1596): owner unknown; --keep 3306/tcp allows it
rem   filter tcp/5357 on 0.0.0.0, [::] (fdPHost): the plan closes it (step 3: Stop and disable fdPHost (Function Discovery Provider Host))
rem   filter tcp/8088 on 0.0.0.0 (pid 1772): owner unknown; --keep 8088/tcp allows it
rem   filter tcp/49152 on 0.0.0.0, [::] (pid 580): owner unknown; --keep 49152/tcp allows it
rem   filter tcp/49153 on 0.0.0.0, [::] (pid 912): owner unknown; --keep 49153/tcp allows it
rem   filter tcp/49154 on 0.0.0.0, [::] (pid 448): owner unknown; --keep 49154/tcp allows it
rem   filter tcp/49164 on 0.0.0.0, [::] (pid 672): owner unknown; --keep 49164/tcp allows it
rem   filter tcp/49165 on 0.0.0.0, [::] (pid 2436): owner unknown; --keep 49165/tcp allows it
rem   filter tcp/49167 on 0.0.0.0, [::] (pid 680): owner unknown; --keep 49167/tcp allows it
rem   filter udp/137 on 10.0.10.6 (NetBT): the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
rem   filter udp/138 on 10.0.10.6 (NetBT): the plan closes it (step 4: Disable NetBIOS over TCP/IP on every adapter; also lmhosts)
rem   filter udp/500 on 0.0.0.0, [::] (IKEEXT): the plan closes it (step 2: Stop and disable IKEEXT (IKE and AuthIP IPsec Keying Modules))
rem   filter udp/3702 on 0.0.0.0, [::] (fdPHost): the plan closes it (step 3: Stop and disable fdPHost (Function Discovery Provider Host))
rem   filter udp/4500 on 0.0.0.0, [::] (IKEEXT): the plan closes it (step 2: Stop and disable IKEEXT (IKE and AuthIP IPsec Keying Modules))
rem   filter udp/5355 on 0.0.0.0, [::] (Dnscache): the plan closes it (step 1: Turn off LLMNR (multicast name resolution))
rem   filter udp/65288 on 0.0.0.0 (pid 1488): owner unknown; --keep 65288/udp allows it
rem   filter udp/65289 on [::] (pid 1488): owner unknown; --keep 65289/udp allows it
rem   session from 218.106.157.104 to port 3389 (an established connection to TermService): admitted (lockout guard)
rem
rem Adds inbound rules named netmin-*: allow what stays, block every other
rem TCP and UDP port (a block rule wins over every allow rule, so other rule
rem groups cannot open more).  Loopback is exempt and replies pass statefully.
rem Needs an elevated prompt.  Undo: the undo script.
setlocal
for %%R in ( netmin-allow-icmpv4-3 netmin-allow-icmpv4-11 netmin-allow-icmpv4-12
     netmin-allow-icmpv6-1 netmin-allow-icmpv6-2 netmin-allow-icmpv6-3
     netmin-allow-icmpv6-4 netmin-allow-icmpv6-133 netmin-allow-icmpv6-134
     netmin-allow-icmpv6-135 netmin-allow-icmpv6-136 netmin-allow-dhcp
     netmin-allow-dhcpv6 netmin-allow-tcp-3389 netmin-block-tcp netmin-block-udp
     netmin-block-udp-68 netmin-block-udp-546
) do (
    netsh advfirewall firewall show rule name=%%R >nul 2>&1 && goto :exists
)
netsh advfirewall firewall add rule name=netmin-allow-icmpv4-3 dir=in action=allow protocol=icmpv4:3,any profile=any description="netmin: ICMP errors and path MTU (3 unreachable incl. frag-needed, 11 time exceeded, 12 parameter problem)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv4-11 dir=in action=allow protocol=icmpv4:11,any profile=any description="netmin: ICMP errors and path MTU (3 unreachable incl. frag-needed, 11 time exceeded, 12 parameter problem)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv4-12 dir=in action=allow protocol=icmpv4:12,any profile=any description="netmin: ICMP errors and path MTU (3 unreachable incl. frag-needed, 11 time exceeded, 12 parameter problem)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-1 dir=in action=allow protocol=icmpv6:1,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-2 dir=in action=allow protocol=icmpv6:2,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-3 dir=in action=allow protocol=icmpv6:3,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-4 dir=in action=allow protocol=icmpv6:4,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-133 dir=in action=allow protocol=icmpv6:133,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-134 dir=in action=allow protocol=icmpv6:134,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-135 dir=in action=allow protocol=icmpv6:135,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-icmpv6-136 dir=in action=allow protocol=icmpv6:136,any profile=any description="netmin: ICMPv6 errors, path MTU (2 packet too big) and neighbour discovery (133-136)" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-dhcp dir=in action=allow protocol=UDP localport=68 remoteport=67 profile=any description="netmin: DHCP client replies" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-dhcpv6 dir=in action=allow protocol=UDP localport=546 remoteport=547 profile=any description="netmin: DHCPv6 client replies" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-allow-tcp-3389 dir=in action=allow protocol=TCP localport=3389 profile=any description="netmin: TermService: kept by the plan" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-block-tcp dir=in action=block protocol=TCP localport=1-3388,3390-65535 profile=any description="netmin: every TCP port not allowed above" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-block-udp dir=in action=block protocol=UDP localport=1-67,69-545,547-65535 profile=any description="netmin: every UDP port not allowed above" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-block-udp-68 dir=in action=block protocol=UDP localport=68 remoteport=1-66,68-65535 profile=any description="netmin: UDP 68 from anything but a DHCP server port" >nul || goto :fail
netsh advfirewall firewall add rule name=netmin-block-udp-546 dir=in action=block protocol=UDP localport=546 remoteport=1-546,548-65535 profile=any description="netmin: UDP 546 from anything but a DHCPv6 server port" >nul || goto :fail
echo netmin: 18 rules added
exit /b 0
:exists
echo netmin: a rule named netmin-* exists already; run the undo script first 1>&2
exit /b 1
:fail
echo netmin: netsh could not add a rule; taking out the ones added 1>&2
for %%R in ( netmin-allow-icmpv4-3 netmin-allow-icmpv4-11 netmin-allow-icmpv4-12
     netmin-allow-icmpv6-1 netmin-allow-icmpv6-2 netmin-allow-icmpv6-3
     netmin-allow-icmpv6-4 netmin-allow-icmpv6-133 netmin-allow-icmpv6-134
     netmin-allow-icmpv6-135 netmin-allow-icmpv6-136 netmin-allow-dhcp
     netmin-allow-dhcpv6 netmin-allow-tcp-3389 netmin-block-tcp netmin-block-udp
     netmin-block-udp-68 netmin-block-udp-546
) do netsh advfirewall firewall delete rule name=%%R >nul 2>&1
exit /b 1
--- stderr

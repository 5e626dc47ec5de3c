/*
 * test_guard.c - the lockout guard's parsers of /proc text.  The texts are
 * real captures from this machine's lab namespace (x86-64: the kernel
 * prints addresses as host-order words, so these read as they would on
 * any little-endian host): an ssh session over IPv4 and over IPv6, a
 * default route via the veth peer, and the interface list.
 */
#include <stdlib.h>
#include <string.h>

#include "exec_linux_guard.h"
#include "harness.h"

static const char route[] =
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       \n"
    "nmt-af-d26488-0\t00000000\t020C12C6\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                    \n"
    "nmt-af-d26488-0\t000C12C6\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                    \n"
    "eth9\t0000FEA9\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n"
    "eth8\t800C12C6\t00000000\t0001\t0\t0\t0\t80FFFFFF\t0\t0\t0\n"
    "eth7\t000D12C6\t00000000\t0000\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";

static const char ipv6_route[] =
    "fd000012000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001 nmt-af-d26488-0\n"
    "00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000012000000000000000000000002 00000400 00000001 00000000 00000003 nmt-af-d26488-0\n"
    "00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000004 00000000 80200001       lo\n";

/* Without a default route: only the kernel's unreachable route on lo. */
static const char ipv6_route_none[] =
    "fd000012000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001 nmt-af-d26488-0\n"
    "00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n";

static const char if_inet6[] =
    "fe8000000000000018502bfffe948e59 18 40 20 80 nmt-af-d26488-0\n"
    "fd000012000000000000000000000001 18 40 00 82 nmt-af-d26488-0\n"
    "00000000000000000000000000000001 01 80 10 80       lo\n";

static const char tcp4[] =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode                                                     \n"
    "   3: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3446753 1 00000000d61c060f 100 0 0 10 0                   \n"
    "   5: 010C12C6:0016 020C12C6:DBEF 06 00000000:00000000 03:00000d6d 00000000     0        0 0 3 0000000083245822 20 4 14 21 -1\n"
    "   6: 010C12C6:0016 020C12C6:DBEE 01 00000044:00000000 01:00000014 00000000     0        0 3450034 3 0000000083245821 20 4 14 21 -1                  \n";

static const char tcp6[] =
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 3446755 1 0000000094c0ffee 100 0 0 10 0\n"
    "   6: 120000FD000000000000000001000000:0016 120000FD000000000000000002000000:A75C 01 00000044:00000000 01:00000014 00000000     0        0 3450360 3 00000000f501ca2a 20 4 14 21 -1\n"
    "   7: 0000000000000000FFFF0000010C12C6:0016 0000000000000000FFFF0000020C12C6:C350 01 00000000:00000000 02:00000014 00000000     0        0 3450999 3 00000000f501ca2b 20 4 14 21 -1\n";

static const char netdev[] =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
    "    lo:    3534      25    0    0    0     0          0         0     3534      25    0    0    0     0       0          0\n"
    "nmt-af-d26488-0:    1076      14    0    0    0     0          0         0    16437     108    0    0    0     0       0          0\n"
    "  eth1: 1 2 0 0 0 0 0 0 1 2 0 0 0 0 0 0\n";

TEST(guard_sshconn)
{
	struct nm_sshconn c;

	CHECK_INT(nm_guard_parse_sshconn("198.18.12.2 56302 198.18.12.1 22",
	    &c), 0);
	CHECK_STR(c.client, "198.18.12.2");
	CHECK_STR(c.server, "198.18.12.1");
	CHECK_INT(c.cport, 56302);
	CHECK_INT(c.sport, 22);
	CHECK_INT(nm_guard_parse_sshconn("fd00:12:0::2 42844 FD00:12::1 22",
	    &c), 0);
	CHECK_STR(c.client, "fd00:12::2");
	CHECK_STR(c.server, "fd00:12::1");
	CHECK_INT(nm_guard_parse_sshconn("::ffff:198.18.12.2 1 "
	    "::ffff:198.18.12.1 22", &c), 0);
	CHECK_STR(c.client, "198.18.12.2");
	CHECK(nm_guard_parse_sshconn(NULL, &c) != 0);
	CHECK(nm_guard_parse_sshconn("", &c) != 0);
	CHECK(nm_guard_parse_sshconn("198.18.12.2 56302 198.18.12.1", &c)
	    != 0);
	CHECK(nm_guard_parse_sshconn("198.18.12.2 56302 198.18.12.1 22 x",
	    &c) != 0);
	CHECK(nm_guard_parse_sshconn("198.18.12.2 0 198.18.12.1 22", &c)
	    != 0);
	CHECK(nm_guard_parse_sshconn("host 1 198.18.12.1 22", &c) != 0);
	CHECK(nm_guard_parse_sshconn("198.18.12.2 1 198.18.12.1 65536", &c)
	    != 0);
}

TEST(guard_connection_inode)
{
	struct nm_sshconn c;

	/* the established one, not the listener or the old TIME_WAIT */
	nm_guard_parse_sshconn("198.18.12.2 56302 198.18.12.1 22", &c);
	CHECK_INT((long long)nm_guard_conn_inode(tcp4, &c), 3450034);
	nm_guard_parse_sshconn("198.18.12.2 56303 198.18.12.1 22", &c);
	CHECK_INT((long long)nm_guard_conn_inode(tcp4, &c), 0);
	nm_guard_parse_sshconn("198.18.12.3 56302 198.18.12.1 22", &c);
	CHECK_INT((long long)nm_guard_conn_inode(tcp4, &c), 0);
	nm_guard_parse_sshconn("fd00:12::2 42844 fd00:12::1 22", &c);
	CHECK_INT((long long)nm_guard_conn_inode(tcp6, &c), 3450360);
	CHECK_INT((long long)nm_guard_conn_inode(tcp4, &c), 0);
	/* IPv4 on a dual-stack socket: ::ffff:198.18.12.1 in tcp6 */
	nm_guard_parse_sshconn("198.18.12.2 50000 198.18.12.1 22", &c);
	CHECK_INT((long long)nm_guard_conn_inode(tcp6, &c), 3450999);
	CHECK_INT((long long)nm_guard_conn_inode("", &c), 0);
	CHECK_INT((long long)nm_guard_conn_inode("   1: 0100007F:zz "
	    "0100007F:0016 01 0 0 0 0 0 5\n", &c), 0);
}

TEST(guard_routes)
{
	char ifn[64] = "";

	CHECK_INT(nm_guard_route4(route, NULL, ifn, sizeof(ifn)), 0);
	CHECK_STR(ifn, "nmt-af-d26488-0");
	CHECK_INT(nm_guard_route4(route, "198.18.12.1", ifn, sizeof(ifn)), 0);
	CHECK_STR(ifn, "nmt-af-d26488-0");
	/* the most specific route wins: 198.18.12.128/25 on eth8 */
	CHECK_INT(nm_guard_route4(route, "198.18.12.200", ifn, sizeof(ifn)),
	    0);
	CHECK_STR(ifn, "eth8");
	CHECK_INT(nm_guard_route4(route, "169.254.3.4", ifn, sizeof(ifn)), 0);
	CHECK_STR(ifn, "eth9");
	/* a route that is not up, a default route does not say which
	   interface holds an address, IPv6 is not in this file */
	CHECK(nm_guard_route4(route, "198.18.13.1", ifn, sizeof(ifn)) != 0);
	CHECK(nm_guard_route4(route, "10.0.0.1", ifn, sizeof(ifn)) != 0);
	CHECK(nm_guard_route4(route, "fd00:12::1", ifn, sizeof(ifn)) != 0);
	CHECK(nm_guard_route4("", NULL, ifn, sizeof(ifn)) != 0);

	CHECK_INT(nm_guard_route6_default(ipv6_route, ifn, sizeof(ifn)), 0);
	CHECK_STR(ifn, "nmt-af-d26488-0");
	CHECK(nm_guard_route6_default(ipv6_route_none, ifn, sizeof(ifn)) != 0);

	CHECK_INT(nm_guard_inet6_if(if_inet6, "fd00:12::1", ifn, sizeof(ifn)),
	    0);
	CHECK_STR(ifn, "nmt-af-d26488-0");
	CHECK_INT(nm_guard_inet6_if(if_inet6, "::1", ifn, sizeof(ifn)), 0);
	CHECK_STR(ifn, "lo");
	CHECK(nm_guard_inet6_if(if_inet6, "fd00:12::2", ifn, sizeof(ifn))
	    != 0);
	CHECK(nm_guard_inet6_if(if_inet6, "198.18.12.1", ifn, sizeof(ifn))
	    != 0);
}

static bool
serves(const char *argv0, size_t len, const char *ifname)
{
	return nm_guard_serves(argv0, len, netdev, ifname);
}

TEST(guard_dhcp_client_interfaces)
{
	/* /proc/PID/cmdline: NUL-separated, as Debian's ifup starts it */
	static const char dhclient[] = "/sbin/dhclient\0-4\0-v\0-i\0-pf\0"
	    "/run/dhclient.nmt-af-d26488-0.pid\0-lf\0/var/lib/dhcp/"
	    "dhclient.nmt-af-d26488-0.leases\0-I\0-df\0/var/lib/dhcp/"
	    "dhclient6.nmt-af-d26488-0.leases\0nmt-af-d26488-0\0";
	static const char dhclient_all[] = "dhclient\0-d\0";
	static const char dhcpcd[] = "dhcpcd: eth1 [ip4]";
	static const char udhcpc[] = "udhcpc\0-i\0eth1\0-f\0";
	static const char nm[] = "/usr/sbin/NetworkManager\0--no-daemon\0";

	CHECK(serves(dhclient, sizeof(dhclient) - 1, "nmt-af-d26488-0"));
	CHECK(!serves(dhclient, sizeof(dhclient) - 1, "eth1"));
	CHECK(serves(dhclient_all, sizeof(dhclient_all) - 1, "eth1"));
	CHECK(serves(dhcpcd, sizeof(dhcpcd) - 1, "eth1"));
	CHECK(!serves(dhcpcd, sizeof(dhcpcd) - 1, "nmt-af-d26488-0"));
	CHECK(serves(udhcpc, sizeof(udhcpc) - 1, "eth1"));
	CHECK(!serves(udhcpc, sizeof(udhcpc) - 1, "lo"));
	CHECK(serves(nm, sizeof(nm) - 1, "eth1"));
	CHECK(serves("", 0, "eth1"));
	/* "eth" is no interface: a prefix does not count */
	CHECK(serves("dhclient\0eth", 12, "eth1"));
}

TEST(guard_check_names)
{
	struct nm_guard g = { 0 };

	g.v[0].name = "ssh";
	g.v[0].why = "it carries this session";
	g.v[1].name = "dhclient";
	g.v[1].why = "the network needs it";
	g.n = 2;
	CHECK_STR(nm_guard_check(&g, "ssh.service"), "it carries this session");
	CHECK_STR(nm_guard_check(&g, "ssh.socket"), "it carries this session");
	CHECK_STR(nm_guard_check(&g, "ssh"), "it carries this session");
	CHECK_STR(nm_guard_check(&g, "dhclient"), "the network needs it");
	CHECK(nm_guard_check(&g, "sshd") == NULL);
	CHECK(nm_guard_check(&g, "ssh-agent.service") == NULL);
	CHECK(nm_guard_check(&g, "dhclient.timer") == NULL);
}

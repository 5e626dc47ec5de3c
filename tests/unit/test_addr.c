/* test_addr.c - address canonicalisation, host:port splitting, ports. */
#include <stdio.h>

#include "harness.h"
#include "netmin.h"

static const char *
canon(const char *in, int *fam)
{
	static char out[NM_ADDRLEN];

	*fam = -1;
	if (nm_addr_canon(in, strlen(in), fam, out, sizeof(out)) != 0)
		return NULL;
	return out;
}

TEST(addr_canon_v4)
{
	int f;

	CHECK_STR(canon("0.0.0.0", &f), "0.0.0.0");
	CHECK_INT(f, NM_INET);
	CHECK_STR(canon("192.70.106.143", &f), "192.70.106.143");
	CHECK(canon("256.1.1.1", &f) == NULL);
	CHECK(canon("1.2.3", &f) == NULL);
	CHECK(canon("1.2.3.4.5", &f) == NULL);
	CHECK(canon("", &f) == NULL);
}

/* Every octet width, against the libc's own formatting. */
TEST(addr_format_v4)
{
	static const unsigned char oct[] = { 0, 1, 9, 10, 42, 99, 100, 109,
	    110, 199, 200, 250, 255 };
	unsigned char a[16] = { 0 };
	char out[NM_ADDRLEN], want[NM_ADDRLEN];
	size_t i, j;

	for (i = 0; i < sizeof(oct); i++)
		for (j = 0; j < sizeof(oct); j++) {
			a[0] = oct[i];
			a[1] = oct[j];
			a[2] = oct[(i + j) % sizeof(oct)];
			a[3] = oct[(i * 7 + j) % sizeof(oct)];
			nm_addr_format(NM_INET, a, out, sizeof(out));
			snprintf(want, sizeof(want), "%u.%u.%u.%u", a[0], a[1],
			    a[2], a[3]);
			CHECK_STR(out, want);
		}
	a[0] = 192; a[1] = 168; a[2] = 0; a[3] = 1;
	nm_addr_format(NM_INET, a, out, 8);	/* cut, still terminated */
	CHECK_STR(out, "192.168");
}

TEST(addr_canon_v6)
{
	int f;

	CHECK_STR(canon("::", &f), "::");
	CHECK_INT(f, NM_INET6);
	CHECK_STR(canon("::1", &f), "::1");
	CHECK_STR(canon("FE80:0:0:0:0182E:1BA9:7B17:351D", &f), NULL);
	CHECK_STR(canon("fe80::182e:1ba9:7b17:351d", &f),
	    "fe80::182e:1ba9:7b17:351d");
	CHECK_STR(canon("2001:db8:0:0:1:0:0:1", &f), "2001:db8::1:0:0:1");
	CHECK_STR(canon("2001:0db8::0001", &f), "2001:db8::1");
	CHECK_STR(canon("::ffff:10.0.0.1", &f), "::ffff:10.0.0.1");
	CHECK_STR(canon("1:2:3:4:5:6:7:8", &f), "1:2:3:4:5:6:7:8");
	CHECK(canon("1:2:3:4:5:6:7:8:9", &f) == NULL);
	CHECK(canon("1::2::3", &f) == NULL);
	CHECK(canon("fe80::f0:ccff:fe9d:", &f) == NULL);
	CHECK(canon(":1", &f) == NULL);
	CHECK_STR(canon("*", &f), "*");
}

TEST(addr_split_hostport)
{
	char h[NM_ADDRLEN], z[NM_ZONELEN];
	const char *p;
	size_t pl;

#define SPLIT(s) nm_split_hostport(s, strlen(s), h, sizeof(h), z, sizeof(z), &p, &pl)
	CHECK_INT(SPLIT("[fe80::1%12]:139"), 0);
	CHECK_STR(h, "fe80::1");
	CHECK_STR(z, "12");
	CHECK(pl == 3 && memcmp(p, "139", 3) == 0);
	CHECK_INT(SPLIT("127.0.0.53%lo:53"), 0);
	CHECK_STR(h, "127.0.0.53");
	CHECK_STR(z, "lo");
	CHECK_INT(SPLIT(":::22"), 0);
	CHECK_STR(h, "::");
	CHECK_INT(SPLIT("*:*"), 0);
	CHECK_STR(h, "*");
	CHECK(SPLIT("[::1]") != 0);
	CHECK(SPLIT("nocolon") != 0);
	CHECK(SPLIT(":") != 0);
#undef SPLIT
}

TEST(addr_ports)
{
	CHECK_INT(nm_port_parse("135", 3, "tcp"), 135);
	CHECK_INT(nm_port_parse("*", 1, "tcp"), -1);
	CHECK_INT(nm_port_parse("ssh", 3, "tcp"), 22);
	CHECK_INT(nm_port_parse("bootpc", 6, "udp"), 68);
	CHECK_INT(nm_port_parse("domain", 6, "udp"), 53);
	CHECK_INT(nm_port_parse("sunrpc", 6, "tcp"), 111);
	CHECK_INT(nm_port_parse("65536", 5, "tcp"), -2);
	CHECK_INT(nm_port_parse("nosuchservice", 13, "tcp"), -2);
}

TEST(addr_exposure)
{
	CHECK_INT(nm_addr_exposure(NM_INET, "0.0.0.0"), NM_EXP_ALL);
	CHECK_INT(nm_addr_exposure(NM_INET6, "::"), NM_EXP_ALL);
	CHECK_INT(nm_addr_exposure(NM_INET, "127.0.0.53"), NM_EXP_LOOPBACK);
	CHECK_INT(nm_addr_exposure(NM_INET6, "::1"), NM_EXP_LOOPBACK);
	CHECK_INT(nm_addr_exposure(NM_INET, "10.0.0.1"), NM_EXP_ADDRESS);
}

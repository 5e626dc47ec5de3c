/*
 * test_fw.c - the firewall model (fw.c) and its renderings: which
 * listeners the default-deny ruleset admits and why, the lockout guard,
 * --allow-from, DHCP, and the address and port arithmetic of the Windows
 * block rules.  The host is an ss -tuapn capture written here.
 */
#include <stdlib.h>
#include <string.h>

#include "fw.h"
#include "harness.h"
#include "kb.h"
#include "plan.h"
#include "util_parse.h"

static const char host_ss[] =
"Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\n"
"udp   UNCONN 0      0      0.0.0.0:68          0.0.0.0:*  users:((\"dhclient\",pid=400,fd=7))\n"
"udp   UNCONN 0      0      0.0.0.0:123         0.0.0.0:*  users:((\"ntpd\",pid=451,fd=16))\n"
"udp   UNCONN 0      0      0.0.0.0:5000        0.0.0.0:*  users:((\"python3\",pid=900,fd=3))\n"
"tcp   LISTEN 0      128    0.0.0.0:22          0.0.0.0:*  users:((\"sshd\",pid=472,fd=3))\n"
"tcp   LISTEN 0      128    [::]:22             [::]:*     users:((\"sshd\",pid=472,fd=4))\n"
"tcp   LISTEN 0      511    198.18.9.2:80       0.0.0.0:*  users:((\"nginx\",pid=600,fd=6))\n"
"tcp   LISTEN 0      128    0.0.0.0:8080        0.0.0.0:*  users:((\"python3\",pid=900,fd=4))\n"
"tcp   LISTEN 0      128    127.0.0.1:3306      0.0.0.0:*  users:((\"mysqld\",pid=540,fd=20))\n"
"tcp   ESTAB  0      0      198.18.9.2:22       198.18.9.1:50000 users:((\"sshd\",pid=1000,fd=4))\n";

static struct nm_kb kb;
static bool kb_loaded;

static const struct nm_kb *
the_kb(void)
{
	struct nm_error err = { 0 };

	if (!kb_loaded) {
		nm_kb_init(&kb);
		if (nm_kb_load_builtin(&kb, &err) != 0)
			nm_test_fail(__FILE__, __LINE__, "kb: %s", err.msg);
		kb_loaded = true;
	}
	return &kb;
}

struct fx {
	struct nm_snapshot s;
	struct nm_plan p;
	struct nm_fw fw;
	struct nm_arena a;
	struct nm_error err;
	int rc;
};

/* Makes the model from host_ss with these options; rc in f->rc. */
static void
make(struct fx *f, struct nm_fwopts *o)
{
	struct nm_planopts po = { 0 };

	memset(f, 0, sizeof(*f));
	if (tparse(&f->s, host_ss, "ss") != 0) {
		nm_test_fail(__FILE__, __LINE__, "capture does not parse");
		f->rc = -2;
		return;
	}
	nm_attribute(&f->s, the_kb());
	if (o->dhcp == 0)
		o->dhcp = -1;
	f->rc = nm_fw_planopts(&f->s, the_kb(), o, &po, &f->a, &f->err);
	if (f->rc == 0)
		f->rc = nm_plan_make(&f->p, &f->s, the_kb(), &po, &f->err);
	if (f->rc != 0)
		return;
	f->rc = nm_fw_make(&f->fw, &f->s, the_kb(), &f->p, o, &f->err);
}

static void
done(struct fx *f)
{
	if (f->rc == 0)
		nm_fw_free(&f->fw);
	if (f->rc >= -1 && f->p.arena.head != NULL)
		nm_plan_free(&f->p);
	nm_snap_free(&f->s);
	nm_afree(&f->a);
}

/* "tcp/22 any<-any" per rule, joined by spaces. */
static const char *
rules(const struct nm_fw *fw)
{
	static char out[1024];
	size_t i, k, n = 0;

	out[0] = '\0';
	for (i = 0; i < fw->rules.n; i++) {
		const struct nm_fw_rule *r = &fw->rules.v[i];

		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s/%d ",
		    i ? " " : "", nm_proto_name(r->proto), r->port);
		for (k = 0; k < r->local.n; k++)
			n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s",
			    k ? "," : "", r->local.v[k].text);
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s<-",
		    r->local.n ? "" : "any");
		for (k = 0; k < r->from.n; k++)
			n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s",
			    k ? "," : "", r->from.v[k].text);
		if (r->from.n == 0)
			n += (size_t)snprintf(out + n, sizeof(out) - n, "any");
	}
	return out;
}

/* "tcp/8080 udp/123 ..." of what the model filters (distinct). */
static const char *
denied(const struct nm_fw *fw)
{
	static char out[1024];
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < fw->denied.n; i++) {
		const struct nm_fw_denied *d = &fw->denied.v[i];

		if (i > 0 && fw->denied.v[i - 1].proto == d->proto &&
		    fw->denied.v[i - 1].port == d->port)
			continue;
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s/%d",
		    n ? " " : "", nm_proto_name(d->proto), d->port);
	}
	return out;
}

static const struct nm_fw_denied *
denied_port(const struct nm_fw *fw, int proto, int port)
{
	size_t i;

	for (i = 0; i < fw->denied.n; i++)
		if (fw->denied.v[i].proto == proto &&
		    fw->denied.v[i].port == port)
			return &fw->denied.v[i];
	return NULL;
}

TEST(fw_default_keeps_what_the_plan_keeps)
{
	struct nm_fwopts o = { 0 };
	struct fx f;
	const struct nm_fw_denied *d;

	make(&f, &o);
	CHECK_INT(f.rc, 0);
	/* sshd stays (kb keep); the session to it is admitted, not added. */
	CHECK_STR(rules(&f.fw), "tcp/22 any<-any");
	CHECK_INT(f.fw.rules.v[0].origin, NM_FW_KEPT);
	CHECK(!f.fw.rules.v[0].guard);
	/* nginx: the plan disables it; ntpd: kept but tagged filter;
	   python3: owner unknown; mysqld: loopback only (not listed). */
	CHECK_STR(denied(&f.fw), "tcp/80 tcp/8080 udp/123 udp/5000");
	d = denied_port(&f.fw, NM_TCP, 80);
	CHECK(d != NULL && strstr(d->why, "the plan closes it (step") != NULL);
	d = denied_port(&f.fw, NM_UDP, 123);
	CHECK(d != NULL && strstr(d->why, "it stays but is filtered") != NULL);
	d = denied_port(&f.fw, NM_TCP, 8080);
	CHECK(d != NULL && strstr(d->why, "owner unknown") != NULL);
	CHECK_STR(d ? d->who : NULL, "python3");
	/* dhclient's socket: DHCP replies only, no general udp/68 rule. */
	CHECK(f.fw.dhcp4);
	CHECK(!f.fw.dhcp6);
	CHECK(denied_port(&f.fw, NM_UDP, 68) == NULL);
	CHECK_INT((long long)f.fw.sessions.n, 1);
	CHECK_STR(f.fw.sessions.v[0].client, "198.18.9.1");
	CHECK_INT(f.fw.sessions.v[0].port, 22);
	CHECK(f.fw.sessions.v[0].admitted);
	done(&f);
}

TEST(fw_keep_names_ports_kb_entries_and_processes)
{
	const char *keep[] = { "8080", "nginx", "python3" };
	struct nm_fwopts o = { 0 };
	struct fx f;

	o.keep = keep;
	o.nkeep = 2;
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	/* nginx listens on one address: the rule says so. */
	CHECK_STR(rules(&f.fw), "tcp/22 any<-any tcp/80 198.18.9.2<-any "
	    "tcp/8080 any<-any");
	CHECK_INT(f.fw.rules.v[1].origin, NM_FW_ASKED);
	CHECK_STR(denied(&f.fw), "udp/123 udp/5000");
	done(&f);

	/* A name only a process has (no kb entry): every socket of it. */
	o.keep = keep + 2;
	o.nkeep = 1;
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	CHECK_STR(rules(&f.fw), "tcp/22 any<-any tcp/8080 any<-any "
	    "udp/5000 any<-any");
	done(&f);
}

TEST(fw_keep_unknown_name_is_an_error)
{
	const char *keep[] = { "nosuchthing" };
	struct nm_fwopts o = { 0 };
	struct fx f;

	o.keep = keep;
	o.nkeep = 1;
	make(&f, &o);
	CHECK(f.rc != 0);
	CHECK_INT(f.err.code, NM_ERR_USAGE);
	CHECK(strstr(f.err.msg, "--keep 'nosuchthing'") != NULL);
	done(&f);
}

TEST(fw_keep_and_drop_of_one_port_is_an_error)
{
	const char *keep[] = { "8080" }, *drop[] = { "python3" };
	struct nm_fwopts o = { 0 };
	struct fx f;

	o.keep = keep;
	o.nkeep = 1;
	o.drop = drop;
	o.ndrop = 1;
	make(&f, &o);
	CHECK(f.rc != 0);
	CHECK(strstr(f.err.msg, "both name tcp/8080") != NULL);
	done(&f);
}

TEST(fw_keep_port_nothing_listens_on)
{
	const char *keep[] = { "443/tcp", "9999" };
	struct nm_fwopts o = { 0 };
	struct fx f;

	o.keep = keep;
	o.nkeep = 2;
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	CHECK_STR(rules(&f.fw), "tcp/22 any<-any tcp/443 any<-any "
	    "tcp/9999 any<-any udp/9999 any<-any");
	CHECK(!f.fw.rules.v[1].listening);
	CHECK_INT((long long)f.fw.notes.n, 1);
	done(&f);
}

TEST(fw_allow_from_narrows_and_the_guard_adds_the_session)
{
	struct nm_fw_allow al[2];
	struct nm_fwopts o = { 0 };
	struct nm_error err = { 0 };
	struct fx f;

	CHECK_INT(nm_fw_allow_parse("sshd=10.0.0.0/8,fd00::/8", &al[0], &err),
	    0);
	CHECK_INT(nm_fw_allow_parse("8080/tcp=192.0.2.0/24", &al[1], &err), 0);
	o.allow = al;
	o.nallow = 2;
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	/* The session's peer is outside 10/8: the guard adds it. */
	CHECK_STR(rules(&f.fw), "tcp/22 any<-10.0.0.0/8,198.18.9.1,fd00::/8 "
	    "tcp/8080 any<-192.0.2.0/24");
	CHECK(f.fw.rules.v[0].guard);
	CHECK(!f.fw.rules.v[1].guard);
	CHECK_INT(f.fw.rules.v[1].origin, NM_FW_ASKED);
	done(&f);
	nm_fw_allow_free(&al[0]);
	nm_fw_allow_free(&al[1]);
}

TEST(fw_allow_from_bad_input)
{
	struct nm_fw_allow al;
	struct nm_error err = { 0 };

	CHECK(nm_fw_allow_parse("sshd", &al, &err) != 0);
	CHECK(strstr(err.msg, "SERVICE=CIDR") != NULL);
	CHECK(nm_fw_allow_parse("=10.0.0.0/8", &al, &err) != 0);
	CHECK(nm_fw_allow_parse("sshd=", &al, &err) != 0);
	CHECK(nm_fw_allow_parse("sshd=10.0.0.1/8", &al, &err) != 0);
	CHECK(strstr(err.msg, "host bits set (the network is 10.0.0.0/8)") !=
	    NULL);
	CHECK(nm_fw_allow_parse("sshd=10.0.0.0/8,,1.2.3.4", &al, &err) != 0);
	CHECK(nm_fw_allow_parse("sshd=10.0.0.0/33", &al, &err) != 0);
	CHECK(strstr(err.msg, "prefix length must be 0 to 32") != NULL);
	CHECK(nm_fw_allow_parse("sshd=example.org", &al, &err) != 0);
}

TEST(fw_drop_of_the_session_port_leaves_the_guard_out)
{
	const char *drop[] = { "22" };
	struct nm_fwopts o = { 0 };
	struct fx f;

	o.drop = drop;
	o.ndrop = 1;
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	CHECK_STR(rules(&f.fw), "");
	CHECK(f.fw.sessions.v[0].dropped);
	CHECK(!f.fw.sessions.v[0].admitted);
	CHECK_INT((long long)f.fw.notes.n, 1);
	CHECK(strstr(f.fw.notes.v[0], "--drop 22: the session from "
	    "198.18.9.1") != NULL);
	done(&f);
}

TEST(fw_guard_adds_a_rule_for_a_session_nothing_keeps)
{
	const char *drop[] = { "sshd" };
	struct nm_fwopts o = { 0 };
	struct fx f;

	/* --drop sshd disables it in the plan; the session names the port
	   and --drop names the service on it, so no guard either. */
	o.drop = drop;
	o.ndrop = 1;
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	CHECK_STR(rules(&f.fw), "");
	CHECK(f.fw.sessions.v[0].dropped);
	done(&f);

	/* SSH_CONNECTION to the unknown python3 port (no such session in
	   the capture: not guarded, and a note says so). */
	memset(&o, 0, sizeof(o));
	o.ssh_connection = "198.18.9.1 50001 198.18.9.2 8080";
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	CHECK_STR(rules(&f.fw), "tcp/22 any<-any");
	CHECK_INT((long long)f.fw.notes.n, 1);
	CHECK(strstr(f.fw.notes.v[0], "that this host does not have") !=
	    NULL);
	done(&f);

	/* The one the capture has: SSH_CONNECTION names it. */
	o.ssh_connection = "198.18.9.1 50000 198.18.9.2 22";
	make(&f, &o);
	CHECK_INT(f.rc, 0);
	CHECK_STR(f.fw.sessions.v[0].how, "SSH_CONNECTION");
	CHECK_INT((long long)f.fw.notes.n, 0);
	done(&f);
}

TEST(fw_ssh_connection_parse)
{
	struct nm_fw_session s;

	CHECK_INT(nm_fw_ssh_connection("198.18.9.1 50000 198.18.9.2 22", &s),
	    0);
	CHECK_STR(s.client, "198.18.9.1");
	CHECK_STR(s.server, "198.18.9.2");
	CHECK_INT(s.cport, 50000);
	CHECK_INT(s.port, 22);
	CHECK_INT(nm_fw_ssh_connection("::ffff:10.0.0.1 1 10.0.0.2 2222", &s),
	    0);
	CHECK_STR(s.client, "10.0.0.1");
	CHECK_INT(nm_fw_ssh_connection("fd00::1 1 fd00::2 22", &s), 0);
	CHECK_INT(s.family, NM_INET6);
	CHECK(nm_fw_ssh_connection("fd00::1 1 10.0.0.2 22", &s) != 0);
	CHECK(nm_fw_ssh_connection("1.2.3.4 1 1.2.3.5", &s) != 0);
	CHECK(nm_fw_ssh_connection("1.2.3.4 0 1.2.3.5 22", &s) != 0);
	CHECK(nm_fw_ssh_connection("1.2.3.4 1 1.2.3.5 65536", &s) != 0);
	CHECK(nm_fw_ssh_connection(NULL, &s) != 0);
}

static const char *
gaps(const char *const *nets, size_t n)
{
	static char out[512];
	struct nm_fw_net v[8];
	static struct nm_error err;
	struct nm_buf b = { 0 };
	size_t i;

	for (i = 0; i < n; i++)
		if (nm_fw_net_parse(nets[i], strlen(nets[i]), &v[i], &err) != 0)
			return err.msg;
	nm_fw_net_gaps(v, n, ",", &b);
	snprintf(out, sizeof(out), "%s", b.s ? b.s : "");
	nm_buf_free(&b);
	return out;
}

TEST(fw_net_gaps)
{
	const char *a[] = { "10.0.0.0/8" };
	const char *b[] = { "198.18.9.0/24", "10.0.0.0/8", "10.1.0.0/16",
	    "fd00::/8" };
	const char *c[] = { "0.0.0.0/0", "::/0" };
	const char *d[] = { "0.0.0.0", "255.255.255.255", "::/1" };

	CHECK_STR(gaps(NULL, 0), "0.0.0.0-255.255.255.255,"
	    "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	CHECK_STR(gaps(a, 1), "0.0.0.0-9.255.255.255,"
	    "11.0.0.0-255.255.255.255,"
	    "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	/* Sorted, overlapping (10.1/16 inside 10/8), both families. */
	CHECK_STR(gaps(b, 4), "0.0.0.0-9.255.255.255,"
	    "11.0.0.0-198.18.8.255,198.18.10.0-255.255.255.255,"
	    "::-fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,"
	    "fe00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	CHECK_STR(gaps(c, 2), "");
	CHECK_STR(gaps(d, 3), "0.0.0.1-255.255.255.254,"
	    "8000::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
}

TEST(fw_net_parse)
{
	struct nm_fw_net n;
	struct nm_error err = { 0 };
	unsigned char a[16] = { 198, 18, 9, 77 };

	CHECK_INT(nm_fw_net_parse("198.18.9.0/24", 13, &n, &err), 0);
	CHECK_STR(n.text, "198.18.9.0/24");
	CHECK(nm_fw_net_contains(&n, NM_INET, a));
	a[2] = 10;
	CHECK(!nm_fw_net_contains(&n, NM_INET, a));
	CHECK(!nm_fw_net_contains(&n, NM_INET6, a));
	CHECK_INT(nm_fw_net_parse("FD00:0::/16", 11, &n, &err), 0);
	CHECK_STR(n.text, "fd00::/16");
	CHECK_INT(nm_fw_net_parse("10.0.0.1/32", 11, &n, &err), 0);
	CHECK_STR(n.text, "10.0.0.1");
	CHECK_INT(nm_fw_net_parse("0.0.0.0/0", 9, &n, &err), 0);
	CHECK(nm_fw_net_parse("fd00::1/8", 9, &n, &err) != 0);
	CHECK(strstr(err.msg, "the network is fd00::/8") != NULL);
	CHECK(nm_fw_net_parse("10.0.0.0/", 9, &n, &err) != 0);
	CHECK(nm_fw_net_parse("/8", 2, &n, &err) != 0);
	CHECK(nm_fw_net_parse("10.0.0.0/-1", 11, &n, &err) != 0);
}

static const char *
emitted(struct fx *f, int fmt, bool undo)
{
	static struct nm_buf b;
	static struct nm_error err;

	nm_buf_free(&b);
	if (nm_fw_emit(&f->fw, fmt, undo, &b, &err) != 0)
		return err.msg;
	return b.s ? b.s : "";
}

TEST(fw_renderings)
{
	const char *keep[] = { "nginx" };
	struct nm_fw_allow al;
	struct nm_fwopts o = { 0 };
	struct nm_error err = { 0 };
	struct fx f;
	const char *s;

	CHECK_INT(nm_fw_allow_parse("ssh=10.0.0.0/8,fd00::/8", &al, &err), 0);
	o.keep = keep;
	o.nkeep = 1;
	o.allow = &al;
	o.nallow = 1;
	make(&f, &o);
	CHECK_INT(f.rc, 0);

	s = emitted(&f, NM_FW_NFT, false);
	CHECK(strstr(s, "table inet netmin {\n\tchain input {\n\t\ttype filter "
	    "hook input priority filter; policy drop;\n") != NULL);
	CHECK(strstr(s, "\n\t\tmeta nfproto ipv4 udp sport 67 udp dport 68 "
	    "accept") != NULL);
	CHECK(strstr(s, "udp sport 547") == NULL);
	CHECK(strstr(s, "\n\t\tip saddr { 10.0.0.0/8, 198.18.9.1 } tcp dport "
	    "22 accept comment \"sshd: asked, lockout guard\"\n\t\tip6 saddr "
	    "fd00::/8 tcp dport 22 accept") != NULL);
	CHECK(strstr(s, "\n\t\tip daddr 198.18.9.2 tcp dport 80 accept "
	    "comment \"nginx: asked\"\n") != NULL);
	CHECK(strstr(s, "flush ruleset") == NULL);
	s = emitted(&f, NM_FW_NFT, true);
	CHECK(strstr(s, "\ntable inet netmin\ndelete table inet netmin\n") !=
	    NULL);
	CHECK(strstr(s, "chain") == NULL);

	s = emitted(&f, NM_FW_IPT, false);
	CHECK(strstr(s, "-A NETMIN-IN -s 10.0.0.0/8,198.18.9.1/32 -p tcp -m "
	    "tcp --dport 22 ") != NULL);
	CHECK(strstr(s, "-A NETMIN-IN -s fd00::/8 -p tcp -m tcp --dport 22 ")
	    != NULL);
	CHECK(strstr(s, "-A NETMIN-IN -d 198.18.9.2/32 -p tcp -m tcp --dport "
	    "80 ") != NULL);
	CHECK(strstr(s, "-A NETMIN-IN -j DROP\n-I INPUT 1 -j NETMIN-IN\n"
	    "COMMIT\n") != NULL);
	s = emitted(&f, NM_FW_IPT, true);
	CHECK(strstr(s, "\"$t\" -D INPUT -j NETMIN-IN") != NULL);

	s = emitted(&f, NM_FW_NETSH, false);
	CHECK(strstr(s, "name=netmin-allow-tcp-22 dir=in action=allow "
	    "protocol=TCP localport=22 remoteip=10.0.0.0/8,198.18.9.1,"
	    "fd00::/8 ") != NULL);
	CHECK(strstr(s, "name=netmin-block-tcp-22-from dir=in action=block "
	    "protocol=TCP localport=22 remoteip=0.0.0.0-9.255.255.255,"
	    "11.0.0.0-198.18.9.0,198.18.9.2-255.255.255.255,::-fcff:") !=
	    NULL);
	CHECK(strstr(s, "name=netmin-block-tcp-80-to dir=in action=block "
	    "protocol=TCP localport=80 localip=0.0.0.0-198.18.9.1,"
	    "198.18.9.3-255.255.255.255,::-ffff:") != NULL);
	CHECK(strstr(s, "name=netmin-block-tcp dir=in action=block "
	    "protocol=TCP localport=1-21,23-79,81-65535 ") != NULL);
	CHECK(strstr(s, "name=netmin-block-udp dir=in action=block "
	    "protocol=UDP localport=1-67,69-65535 ") != NULL);
	CHECK(strstr(s, "\r\n") != NULL);
	s = emitted(&f, NM_FW_NETSH, true);
	CHECK(strstr(s, "netmin-block-tcp-80-to\r\n) do netsh advfirewall "
	    "firewall delete rule name=%%R") != NULL);
	CHECK(strstr(s, "add rule") == NULL);

	s = emitted(&f, NM_FW_PS1, false);
	CHECK(strstr(s, "New-NetFirewallRule @Rule -Name 'netmin-block-tcp' "
	    "-DisplayName 'netmin-block-tcp' -Action Block -Protocol TCP "
	    "-LocalPort '1-21','23-79','81-65535' ") != NULL);
	CHECK(strstr(s, "-RemoteAddress '10.0.0.0/8','198.18.9.1',"
	    "'fd00::/8'") != NULL);
	s = emitted(&f, NM_FW_PS1, true);
	CHECK(strstr(s, "Where-Object { $_.Group -eq 'netmin' } | "
	    "Remove-NetFirewallRule") != NULL);
	CHECK(strstr(s, "New-NetFirewallRule") == NULL);
	emitted(&f, -1, false);
	done(&f);
	nm_fw_allow_free(&al);
}

TEST(fw_port_gaps_without_rules)
{
	struct nm_fw fw;
	struct nm_buf b = { 0 };

	memset(&fw, 0, sizeof(fw));
	nm_fw_port_gaps(&fw, NM_TCP, ",", &b);
	CHECK_STR(b.s, "1-65535");
	nm_buf_reset(&b);
	fw.dhcp4 = fw.dhcp6 = true;
	nm_fw_port_gaps(&fw, NM_UDP, ",", &b);
	CHECK_STR(b.s, "1-67,69-545,547-65535");
	nm_buf_free(&b);
}

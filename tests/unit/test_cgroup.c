/*
 * test_cgroup.c - /proc/PID/cgroup text -> systemd unit, user unit and
 * container, for the layouts systemd and the container runtimes make.
 */
#include <string.h>

#include "cgroup.h"
#include "harness.h"

static struct nm_cgroup
cg(const char *text)
{
	struct nm_cgroup c;

	(void)nm_cgroup_parse(text, strlen(text), &c);
	return c;
}

TEST(cgroup_v2_system_service)
{
	struct nm_cgroup c = cg("0::/system.slice/ssh.service\n");

	CHECK_STR(c.unit, "ssh.service");
	CHECK_STR(c.manager, "");
	CHECK_STR(c.container, "");
}

TEST(cgroup_nested_slices_and_escapes)
{
	struct nm_cgroup c = cg("0::/system.slice/system-getty.slice/"
	    "getty@tty1.service\n");

	CHECK_STR(c.unit, "getty@tty1.service");
	/* systemd escapes names that clash with kernel files with '_' */
	c = cg("0::/system.slice/_cpu.service\n");
	CHECK_STR(c.unit, "cpu.service");
	c = cg("0::/init.scope\n");
	CHECK_STR(c.unit, "init.scope");
}

TEST(cgroup_v1_name_systemd_wins)
{
	/* Hybrid: v1 named hierarchy is systemd's; 0:: is "/" there. */
	struct nm_cgroup c = cg("12:pids:/system.slice/cron.service\n"
	    "1:name=systemd:/system.slice/avahi-daemon.service\n0::/\n");

	CHECK_STR(c.unit, "avahi-daemon.service");
	CHECK_STR(c.path, "/system.slice/avahi-daemon.service");
}

TEST(cgroup_user_units)
{
	struct nm_cgroup c = cg("0::/user.slice/user-1000.slice/"
	    "user@1000.service/app.slice/app-gnome-foo-42.scope\n");

	CHECK_STR(c.unit, "app-gnome-foo-42.scope");
	CHECK_STR(c.manager, "user@1000.service");
	c = cg("0::/user.slice/user-1000.slice/user@1000.service/"
	    "pipewire.service\n");
	CHECK_STR(c.unit, "pipewire.service");
	CHECK_STR(c.manager, "user@1000.service");
	/* The manager itself */
	c = cg("0::/user.slice/user-1000.slice/user@1000.service/"
	    "init.scope\n");
	CHECK_STR(c.unit, "user@1000.service");
	CHECK_STR(c.manager, "");
	/* A login session is a system scope, not a user unit */
	c = cg("0::/user.slice/user-1000.slice/session-3.scope\n");
	CHECK_STR(c.unit, "session-3.scope");
	CHECK_STR(c.manager, "");
}

TEST(cgroup_no_unit)
{
	struct nm_cgroup c = cg("0::/\n");

	CHECK_STR(c.unit, "");
	c = cg("0::/user.slice\n");
	CHECK_STR(c.unit, "");
	c = cg("4:memory:/process_api/488908d76b7f\n0::/\n");
	CHECK_STR(c.unit, "");
	CHECK_INT(nm_cgroup_parse("garbage", 7, &c), -1);
	CHECK_STR(c.unit, "");
	/* "(deleted)" cgroups still say where the process was */
	c = cg("0::/system.slice/old.service (deleted)\n");
	CHECK_STR(c.unit, "old.service");
}

#define ID "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

TEST(cgroup_containers)
{
	struct nm_cgroup c = cg("0::/system.slice/docker-" ID ".scope\n");

	CHECK_STR(c.container, "docker:0123456789ab");
	CHECK_STR(c.unit, "docker-" ID ".scope");
	c = cg("12:name=systemd:/docker/" ID "\n");
	CHECK_STR(c.container, "docker:0123456789ab");
	CHECK_STR(c.unit, "");
	c = cg("0::/machine.slice/libpod-" ID ".scope/container\n");
	CHECK_STR(c.container, "podman:0123456789ab");
	/* conmon is not in the container */
	c = cg("0::/machine.slice/libpod-conmon-" ID ".scope\n");
	CHECK_STR(c.container, "");
	c = cg("0::/user.slice/user-1000.slice/user@1000.service/user.slice/"
	    "libpod-" ID ".scope\n");
	CHECK_STR(c.container, "podman:0123456789ab");
	c = cg("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-"
	    "besteffort-pod7.slice/cri-containerd-" ID ".scope\n");
	CHECK_STR(c.container, "containerd:0123456789ab");
	c = cg("0::/kubepods.slice/kubepods-pod7.slice/crio-" ID ".scope\n");
	CHECK_STR(c.container, "cri-o:0123456789ab");
	c = cg("0::/kubepods/burstable/pod7/" ID "\n");
	CHECK_STR(c.container, "kubepods:0123456789ab");
	c = cg("0::/lxc.payload.web1/system.slice/nginx.service\n");
	CHECK_STR(c.container, "lxc:web1");
	c = cg("1:name=systemd:/lxc/db2/init.scope\n");
	CHECK_STR(c.container, "lxc:db2");
	c = cg("0::/lxc.monitor.web1\n");
	CHECK_STR(c.container, "");
	c = cg("0::/machine.slice/systemd-nspawn@deb.service/payload/"
	    "system.slice/ssh.service\n");
	CHECK_STR(c.container, "nspawn:deb");
	CHECK_STR(c.unit, "systemd-nspawn@deb.service");
	c = cg("0::/machine.slice/systemd-nspawn@deb.service/supervisor\n");
	CHECK_STR(c.container, "");
	c = cg("0::/machine.slice/machine-qemu\\x2d1\\x2ddebian.scope/"
	    "libvirt/emulator\n");
	CHECK_STR(c.container, "machine:qemu-1-debian");
}

TEST(unit_name_validity)
{
	CHECK(nm_unit_name_valid("ssh.service", 11));
	CHECK(nm_unit_name_valid("getty@tty1.service", 18));
	CHECK(!nm_unit_name_valid("ssh", 3));
	CHECK(!nm_unit_name_valid("ssh.bogus", 9));
	CHECK(!nm_unit_name_valid("@x.service", 10));
	CHECK(!nm_unit_name_valid("a b.service", 11));
	CHECK(!nm_unit_name_valid("", 0));
}

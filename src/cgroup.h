/*
 * cgroup.h - what a process's control-group path says about it: its
 * systemd unit (system or user), and the container it runs in.  Pure text
 * work, so it is portable and fuzzed; src_linux_proc.c feeds it
 * /proc/PID/cgroup.
 */
#ifndef NETMIN_CGROUP_H
#define NETMIN_CGROUP_H

#include <stddef.h>

#define NM_CG_NAMELEN 256

struct nm_cgroup {
	char	 path[1024];	/* the path systemd's tree gave, "" if none */
	char	 unit[NM_CG_NAMELEN];	 /* "ssh.service", "" if none */
	char	 manager[NM_CG_NAMELEN]; /* "user@1000.service" when unit is
					    a user unit of that manager */
	char	 container[NM_CG_NAMELEN]; /* "docker:0123456789ab", ... */
};

/*
 * Parses the text of /proc/PID/cgroup: takes the cgroup v1 "name=systemd"
 * hierarchy when there is one (hybrid and legacy setups), else the v2
 * "0::" line, and fills out.  Returns 0, or -1 when no line names a
 * usable path (out is then all empty).
 */
int	 nm_cgroup_parse(const char *text, size_t len, struct nm_cgroup *out);

/* The same from one path ("/system.slice/ssh.service"). */
void	 nm_cgroup_from_path(const char *path, struct nm_cgroup *out);

/* True when s is a valid systemd unit name with a known type suffix. */
int	 nm_unit_name_valid(const char *s, size_t len);

#endif /* NETMIN_CGROUP_H */

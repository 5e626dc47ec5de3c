/*
 * src_win.h - the live Windows source in two halves.
 *
 * src_win.c (Windows only) asks the OS: the owner-module TCP and UDP
 * tables (iphlpapi), service tags (I_QueryTagInformation), the service
 * control manager, Toolhelp and the registry.  It records the answers as
 * they came, in the plain structures below, with no decisions.
 *
 * src_win_conv.c (every platform) makes the decisions: MIB rows become
 * endpoints, tags and PIDs become services, the version becomes a
 * generation id, registry data becomes facts.  The unit tests feed it
 * recorded structures, so all of it is tested on Linux and under wine.
 */
#ifndef NETMIN_SRC_WIN_H
#define NETMIN_SRC_WIN_H

#include <stdint.h>

#include "netmin.h"

/* MIB_TCP_STATE values (tcpmib.h); UDP rows have none (0). */
enum {
	NM_MIB_TCP_CLOSED = 1, NM_MIB_TCP_LISTEN, NM_MIB_TCP_SYN_SENT,
	NM_MIB_TCP_SYN_RCVD, NM_MIB_TCP_ESTAB, NM_MIB_TCP_FIN_WAIT1,
	NM_MIB_TCP_FIN_WAIT2, NM_MIB_TCP_CLOSE_WAIT, NM_MIB_TCP_CLOSING,
	NM_MIB_TCP_LAST_ACK, NM_MIB_TCP_TIME_WAIT, NM_MIB_TCP_DELETE_TCB
};

/* Registry value types (winnt.h). */
enum {
	NM_REG_NONE = 0, NM_REG_SZ = 1, NM_REG_EXPAND_SZ = 2,
	NM_REG_BINARY = 3, NM_REG_DWORD = 4, NM_REG_DWORD_BIG_ENDIAN = 5,
	NM_REG_LINK = 6, NM_REG_MULTI_SZ = 7, NM_REG_QWORD = 11
};

/* OSVERSIONINFOEX wProductType. */
enum { NM_VER_NT_WORKSTATION = 1, NM_VER_NT_DOMAIN_CONTROLLER = 2,
	NM_VER_NT_SERVER = 3 };

/* One row of a *_OWNER_MODULE table, fields as Windows stores them. */
struct nm_win_row {
	uint8_t		 proto;		/* NM_TCP or NM_UDP */
	uint8_t		 family;	/* NM_INET or NM_INET6 */
	uint32_t	 state;		/* NM_MIB_TCP_*; 0 for UDP */
	uint32_t	 laddr4, raddr4; /* dwLocalAddr: network order in memory */
	uint8_t		 laddr6[16], raddr6[16];
	uint32_t	 lscope, rscope; /* IPv6 scope ids */
	uint32_t	 lport, rport;	/* dwLocalPort: network order, low 16 bits */
	uint32_t	 pid;		/* dwOwningPid; 0 when Windows has none */
	uint64_t	 module0;	/* OwningModuleInfo[0]; low 32 bits: tag */
};

/* What Windows answered about one (pid, service tag) pair. */
struct nm_win_tag {
	uint32_t	 pid, tag;
	const char	*service;	/* I_QueryTagInformation; NULL if none */
	const char	*module;	/* GetOwnerModuleFrom*Entry; NULL if none */
};

/* One service as EnumServicesStatusEx + QueryServiceConfig(2) gave it. */
struct nm_win_svc {
	const char	*name, *display, *binary;
	uint32_t	 type;		/* SERVICE_WIN32_OWN_PROCESS... */
	uint32_t	 state;		/* SERVICE_STOPPED (1) .. SERVICE_PAUSED (7) */
	uint32_t	 start;		/* SERVICE_BOOT_START (0) .. DISABLED (4) */
	bool		 config;	/* start/binary known (config readable) */
	bool		 delayed;	/* delayed automatic start */
	uint32_t	 pid;		/* 0 when not running */
};

struct nm_win_proc {
	uint32_t	 pid, ppid;
	const char	*image;		/* Toolhelp szExeFile */
	const char	*path;		/* QueryFullProcessImageName; may be NULL */
};

/* A registry value as RegQueryValueEx returned it (data is UTF-16LE
 * for the string types). */
struct nm_win_regval {
	const char	*key;		/* "HKLM\\SYSTEM\\...\\Parameters" */
	const char	*name;		/* value name; "" is the default value */
	uint32_t	 type;		/* NM_REG_* */
	const uint8_t	*data;
	size_t		 len;
};

struct nm_win_version {
	uint32_t	 major, minor, build;	/* RtlGetVersion */
	uint32_t	 product_type;		/* NM_VER_NT_* */
	uint32_t	 sp_major;
	uint32_t	 ubr;			/* update build revision; 0 unknown */
	const char	*product_name;		/* registry, may be NULL */
	const char	*edition;		/* EditionID, may be NULL */
	const char	*display_version;	/* DisplayVersion or ReleaseId */
	const char	*csd;			/* "Service Pack 1" or NULL */
	const char	*wine;			/* wine_get_version(), NULL on Windows */
};

/* Everything one live run read, strings in the snapshot's arena. */
struct nm_win_live {
	struct nm_win_version ver;
	const char	*hostname;
	NM_VEC(struct nm_win_row) rows;
	NM_VEC(struct nm_win_tag) tags;
	NM_VEC(struct nm_win_svc) svcs;
	NM_VEC(struct nm_win_proc) procs;
	NM_VEC(struct nm_win_regval) regs;
	NM_VEC(const char *) notes;	/* what could not be read, and why */
};

/* A registry value the method reads (src_win_conv.c keeps the list). */
struct nm_win_regspec {
	const char	*key;		/* below HKLM */
	const char	*name;		/* NULL: every value of the key */
	bool		 subkeys;	/* look in each subkey of key instead */
};

extern const struct nm_win_regspec nm_win_regspecs[];
extern const size_t nm_win_nregspecs;

void	 nm_win_live_free(struct nm_win_live *);

/* Conversions of single fields (exported for the tests). */
int	 nm_win_port(uint32_t raw);
void	 nm_win_addr4(uint32_t raw, char *out, size_t outlen);
int	 nm_win_state(uint32_t mib);
const char *nm_win_generation(uint32_t major, uint32_t minor,
	     uint32_t build, uint32_t product_type);
const char *nm_win_start_name(uint32_t start);
const char *nm_win_svc_state_name(uint32_t state);
const char *nm_win_svc_type_name(uint32_t type);
const char *nm_win_reg_type_name(uint32_t type);
int	 nm_win_reg_text(uint32_t type, const uint8_t *data, size_t len,
	     struct nm_buf *out);
int	 nm_win_utf16_to_utf8(const uint8_t *data, size_t len,
	     struct nm_buf *out);
const char *nm_win_tag_service(const struct nm_win_live *, uint32_t pid,
	     uint32_t tag);

/* Turns what was read into the snapshot: endpoints, owners, services,
 * processes, facts, host.os and warnings. */
void	 nm_win_fill(struct nm_snapshot *, const struct nm_win_live *);

#endif /* NETMIN_SRC_WIN_H */

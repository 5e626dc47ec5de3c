/*
 * epm.h - DCE/RPC endpoint mapper: wire decoding (epm_decode.c, pure, no
 * sockets, fuzzable from recorded bytes), the client that pages through
 * ept_lookup (probe_epm.c) and the well-known interface table (rpcif.c).
 *
 * Sources: DCE 1.1 RPC (C706) chapter 12 (connection-oriented PDUs),
 * chapter 14 (NDR), appendix L (protocol towers), appendix O (ept
 * interface); [MS-RPCE] 2.2.1.2.4 (ept_lookup as Windows implements it).
 * Integers in PDUs and stubs follow the sender's data representation
 * (drep); towers are always little-endian except ports and IPv4
 * addresses, which are big-endian.
 */
#ifndef NETMIN_EPM_H
#define NETMIN_EPM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Connection-oriented PDU types (C706 12.6.4.1). */
enum {
	NM_PDU_REQUEST = 0,
	NM_PDU_RESPONSE = 2,
	NM_PDU_FAULT = 3,
	NM_PDU_BIND = 11,
	NM_PDU_BIND_ACK = 12,
	NM_PDU_BIND_NAK = 13
};

#define NM_PFC_FIRST_FRAG	0x01
#define NM_PFC_LAST_FRAG	0x02
#define NM_PFC_OBJECT_UUID	0x80

#define NM_PDU_HDR_LEN		16
#define NM_EPM_STATUS_OK	0u
#define NM_EPM_NOT_REGISTERED	0x16c9a0d6u	/* ept_s_not_registered */
#define NM_EPM_MAX_ANNOTATION	64		/* C706 ept_max_annotation_size */
#define NM_EPM_MAX_ENTS		500		/* [MS-RPCE] range(0,500) */

/* Limits a hostile or broken server cannot push us past. */
#define NM_EPM_MAX_FLOORS	16
#define NM_EPM_MAX_NAME		256	/* pipe, host, lrpc names we keep */
#define NM_EPM_MAX_REPLY	((size_t)8 << 20) /* one reassembled reply */
#define NM_EPM_MAX_ENTRIES	10000	/* whole dump (big DCs have ~1000) */
#define NM_EPM_MAX_PAGES	200	/* ept_lookup calls */
#define NM_EPM_DEADLINE_FACTOR	6	/* whole dump: 6 x the read timeout */

/* A UUID in RFC 4122 byte order (as it is printed). */
struct nm_uuid {
	uint8_t		 b[16];
};

struct nm_pdu_hdr {
	uint8_t		 vers, vers_minor, ptype, flags;
	uint8_t		 drep[4];
	bool		 be;		/* drep says big-endian integers */
	uint16_t	 frag_len, auth_len;
	uint32_t	 call_id;
};

struct nm_bind_ack {
	uint16_t	 max_xmit, max_recv;
	uint32_t	 assoc_group;
	char		 sec_addr[64];	/* "135", printable ASCII only */
	uint16_t	 result, reason;	/* of the first (only) context */
	struct nm_uuid	 syntax;
	uint32_t	 syntax_vers;
};

/* One protocol tower (C706 appendix L), decoded. */
struct nm_tower {
	bool		 has_if;
	struct nm_uuid	 if_uuid;
	uint16_t	 if_major, if_minor;
	bool		 has_syntax;
	struct nm_uuid	 syntax;
	uint16_t	 syntax_major, syntax_minor;
	int		 rpc_proto;	/* floor 3 id: 0x0b CO, 0x0a CL, 0x0c LRPC; -1 */
	int		 ep_proto;	/* floor 4 id: 0x07 tcp, 0x08 udp...; -1 */
	int		 nfloors;
	const char	*protseq;	/* "ncacn_ip_tcp", ..., NULL if unknown */
	int		 port;		/* TCP/UDP/HTTP port, -1 if none */
	char		 host[NM_EPM_MAX_NAME];	/* IPv4 text or NetBIOS name */
	char		 endpoint[NM_EPM_MAX_NAME]; /* pipe or ncalrpc name */
	char		 binding[3 * NM_EPM_MAX_NAME]; /* as Impacket prints it */
};

struct nm_epm_entry {
	struct nm_uuid	 object;
	char		 annotation[4 * NM_EPM_MAX_ANNOTATION + 1];
	bool		 has_tower;
	struct nm_tower	 tower;
};

/* One decoded ept_lookup reply. */
struct nm_lookup_reply {
	uint32_t	 handle_attr;
	struct nm_uuid	 handle;
	bool		 handle_null;
	uint32_t	 num_ents;
	uint32_t	 status;
};

/* epm_decode.c: pure decoders and encoders. */
int	 nm_pdu_hdr_decode(const uint8_t *, size_t, struct nm_pdu_hdr *,
	     struct nm_error *);
int	 nm_bind_ack_decode(const uint8_t *pdu, size_t len,
	     const struct nm_pdu_hdr *, struct nm_bind_ack *,
	     struct nm_error *);
int	 nm_bind_nak_reason(const uint8_t *pdu, size_t len,
	     const struct nm_pdu_hdr *, uint16_t *reason);
int	 nm_fault_status(const uint8_t *pdu, size_t len,
	     const struct nm_pdu_hdr *, uint32_t *status);
int	 nm_response_stub(const uint8_t *pdu, size_t len,
	     const struct nm_pdu_hdr *, const uint8_t **stub, size_t *stublen,
	     struct nm_error *);
int	 nm_tower_decode(const uint8_t *, size_t, struct nm_tower *,
	     struct nm_error *);
/*
 * Decodes an ept_lookup response stub; appends at most 'room' entries
 * to *out (the caller's cap) and fails if the reply carries more.
 */
int	 nm_lookup_reply_decode(const uint8_t *stub, size_t len, bool be,
	     struct nm_lookup_reply *, struct nm_epm_entry **out, size_t *n,
	     size_t *cap, size_t room, struct nm_error *);

void	 nm_bind_encode(struct nm_buf *, uint32_t call_id, uint16_t max_frag);
void	 nm_lookup_req_encode(struct nm_buf *, uint32_t call_id,
	     uint32_t handle_attr, const struct nm_uuid *handle);

void	 nm_uuid_str(const struct nm_uuid *, bool upper, char out[37]);
int	 nm_uuid_parse(const char *, size_t, struct nm_uuid *);
bool	 nm_uuid_is_nil(const struct nm_uuid *);
const char *nm_pdu_type_name(int);
const char *nm_epm_status_name(uint32_t);
const char *nm_bind_reject_name(uint16_t);

extern const struct nm_uuid nm_uuid_epm;	/* E1AF8308-...-08002B14A0FA */
extern const struct nm_uuid nm_uuid_ndr;	/* 8A885D04-...-08002B104860 */

/* probe_epm.c: the client. */

/* Where PDUs come from: a socket, or recorded server bytes (replay). */
struct nm_epm_io {
	void	*ctx;
	/* Send all of it, or fail. */
	int	(*send)(void *ctx, const void *, size_t, struct nm_error *);
	/* Read exactly n bytes, or fail (EOF, timeout). */
	int	(*recv)(void *ctx, void *, size_t, struct nm_error *);
};

struct nm_epm_dump {
	NM_VEC(struct nm_epm_entry) e;
	struct nm_bind_ack ack;
	int		 pages;		/* ept_lookup calls made */
	uint32_t	 status;	/* of the last reply */
	size_t		 bytes;		/* received in all */
	const char	*end;		/* why the list ended, for humans */
};

int	 nm_epm_run(struct nm_epm_io *, struct nm_epm_dump *,
	     struct nm_error *);
void	 nm_epm_dump_free(struct nm_epm_dump *);

/* Replay: recorded server bytes stand in for the server. */
struct nm_epm_replay {
	const uint8_t	*p;
	size_t		 len, off;
};
void	 nm_epm_replay_io(struct nm_epm_io *, struct nm_epm_replay *);

/*
 * Live: connect to host:port over TCP (timeout_ms for the connect and
 * for each read) and dump; 'record' (may be NULL) receives every byte the
 * server sent, for --record and for fuzz seeds.
 */
int	 nm_epm_query(const char *host, int port, int timeout_ms,
	     struct nm_buf *record, struct nm_epm_dump *, struct nm_error *);

/* rpcif.c: the well-known interface table (kb/rpc-interfaces.tsv). */
struct nm_rpcif {
	const char	*uuid;		/* lowercase canonical text */
	int		 major;		/* -1: any version */
	const char	*name;		/* short name: "winreg" */
	const char	*spec;		/* "MS-RRP", "" */
	const char	*title;		/* "Windows Remote Registry Protocol" */
	const char	*service;	/* Windows service short name, "" */
	const char	*provider;	/* hosting binary: "regsvc.dll", "" */
	const char	*source;	/* where the row's facts come from */
};

extern const struct nm_rpcif nm_rpcifs[];
extern const size_t nm_nrpcifs;

const struct nm_rpcif *nm_rpcif_find(const struct nm_uuid *, int major);

/* rpcev.c: dumps as snapshot evidence (struct nm_rpcev, netmin.h). */
struct nm_snapshot;
int	 nm_rpcev_proto(const char *protseq);
void	 nm_rpcev_add(struct nm_snapshot *, int proto, int port,
	     const char *host, const char *uuid, const char *version,
	     const char *name, const char *service, const char *source,
	     int line);
void	 nm_rpcev_from_dump(struct nm_snapshot *, const struct nm_epm_dump *,
	     const char *source);

#endif /* NETMIN_EPM_H */

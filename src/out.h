/*
 * out.h - one emitter API, three sinks: JSON, aligned tables, CSV.  They
 * write into an nm_buf; only cmd_*.c moves the buffer to stdout.
 */
#ifndef NETMIN_OUT_H
#define NETMIN_OUT_H

#include "netmin.h"

/* JSON writer: pretty-printed, two spaces, keys in call order. */
#define NM_JSON_MAXDEPTH 130	/* above json.h NM_JV_MAX_DEPTH */
struct nm_json {
	struct nm_buf	*b;
	int		 depth;
	bool		 first[NM_JSON_MAXDEPTH];
	bool		 after_key;
	bool		 compact;	/* one line (for NDJSON or golden tests) */
};

void	 nm_json_init(struct nm_json *, struct nm_buf *);
void	 nm_json_obj(struct nm_json *);
void	 nm_json_obj_end(struct nm_json *);
void	 nm_json_arr(struct nm_json *);
void	 nm_json_arr_end(struct nm_json *);
void	 nm_json_key(struct nm_json *, const char *);
void	 nm_json_keyn(struct nm_json *, const char *, size_t);
void	 nm_json_str(struct nm_json *, const char *);	/* NULL -> null */
void	 nm_json_strn(struct nm_json *, const char *, size_t);
void	 nm_json_int(struct nm_json *, long long);
void	 nm_json_double(struct nm_json *, double);	/* finite */
void	 nm_json_bool(struct nm_json *, bool);
void	 nm_json_null(struct nm_json *);
void	 nm_json_end(struct nm_json *);		/* final newline */
void	 nm_json_escape(struct nm_buf *, const char *, size_t);

/* Key + value shorthands. */
void	 nm_json_kstr(struct nm_json *, const char *, const char *);
void	 nm_json_kint(struct nm_json *, const char *, long long);
void	 nm_json_kbool(struct nm_json *, const char *, bool);

/* Table: collect cells, then print with aligned columns. */
struct nm_table {
	size_t		 ncols;
	const char	**head;
	NM_VEC(char *)	 cells;		/* row-major, ncols per row */
	bool		*right;		/* right-align this column */
};

void	 nm_table_init(struct nm_table *, size_t ncols, const char **head);
void	 nm_table_right(struct nm_table *, size_t col);
void	 nm_table_cell(struct nm_table *, const char *fmt, ...) NM_PRINTF(2, 3);
void	 nm_table_render(struct nm_table *, struct nm_buf *);
void	 nm_table_render_csv(struct nm_table *, struct nm_buf *);
void	 nm_table_free(struct nm_table *);

/* out_inventory.c: a snapshot's endpoints in each sink. */
struct nm_filter {
	bool	 all;		/* connections too, not only listeners + UDP */
	bool	 tcp, udp;	/* both false: both */
	bool	 v4, v6;	/* both false: both */
	bool	 why;		/* table: the reason behind each attribution */
};

bool	 nm_filter_match(const struct nm_filter *, const struct nm_endpoint *);
void	 nm_out_endpoint_json(struct nm_json *, const struct nm_endpoint *);
void	 nm_out_endpoint_keys(struct nm_json *, const struct nm_endpoint *);
void	 nm_out_inventory_json(const struct nm_snapshot *,
	     const struct nm_filter *, struct nm_buf *);
void	 nm_out_inventory_table(const struct nm_snapshot *,
	     const struct nm_filter *, bool csv, struct nm_buf *);
void	 nm_out_warnings(const struct nm_snapshot *, struct nm_buf *);
const char *nm_ep_addr_text(const struct nm_endpoint *, char *, size_t);

/* out_plan.c: a plan as netmin.plan/1 JSON; out_plantext.c: for people. */
struct nm_plan;
void	 nm_out_plan_json(const struct nm_plan *, struct nm_buf *);
void	 nm_out_plan_text(const struct nm_plan *, struct nm_buf *);
void	 nm_out_endpoints_text(const struct nm_endpoint *, size_t,
	     const char *indent, struct nm_buf *);
struct nm_kb;
void	 nm_out_audit_text(const struct nm_plan *, const struct nm_kb *,
	     struct nm_buf *);
void	 nm_out_audit_json(const struct nm_plan *, struct nm_buf *);
/* out_explain.c */
struct nm_kb_entry;
void	 nm_out_explain(const struct nm_kb *, const struct nm_kb_entry *,
	     uint32_t osmask, const char *osid, struct nm_buf *);

/* out_rpcdump.c: an endpoint-map dump (epm.h), blocks or JSON. */
struct nm_epm_dump;
void	 nm_out_rpcdump_text(const char *target, int port,
	     const struct nm_epm_dump *, struct nm_buf *);
void	 nm_out_rpcdump_json(const char *target, int port,
	     const struct nm_epm_dump *, struct nm_buf *);

#endif /* NETMIN_OUT_H */

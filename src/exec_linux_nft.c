/*
 * exec_linux_nft.c - the executor of NM_OP_NFT_TABLE: the nftables table
 * inet netmin, replaced in one `nft -f -` transaction (all of it or
 * nothing).  Its prior state is the exact `nft list table inet netmin`
 * text, or its absence; undo loads that text back in place (flush, delete
 * the table's objects, define it again: one transaction), or deletes the
 * table, so `nft list ruleset` reads byte for byte as before.  No other
 * table is touched.
 */
#include "exec_linux.h"
#include "fw.h"

#ifdef __linux__

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *
nft_path(void)
{
	const char *e = getenv("NETMIN_NFT");

	if (e != NULL && e[0] == '/')
		return e;
	return access("/usr/sbin/nft", X_OK) == 0 ? "/usr/sbin/nft" : "nft";
}

/*
 * Runs nft with argv[1..], text on its standard input; its standard
 * output and error kept apart (a listing must be exact).  Returns the
 * exit status, or -1 with err.
 */
static int
run_nft(struct nm_exec_ctx *ctx, const char *const *args, const char *in,
    size_t inlen, struct nm_buf *out, struct nm_buf *errout,
    struct nm_error *err)
{
	int pin[2], pout[2], perr[2], status = 0, timeout;
	const char *argv[8];
	size_t i, off = 0;
	struct timespec t0, t1;
	pid_t pid;
	bool open_out = true, open_err = true;
	void (*old)(int);

	argv[0] = nft_path();
	for (i = 0; args[i] != NULL && i < 6; i++)
		argv[i + 1] = args[i];
	argv[i + 1] = NULL;
	if (pipe2(pin, O_CLOEXEC) != 0)
		return nm_seterr(err, NM_ERR_SYS, "pipe: %s", strerror(errno));
	if (pipe2(pout, O_CLOEXEC) != 0) {
		close(pin[0]);
		close(pin[1]);
		return nm_seterr(err, NM_ERR_SYS, "pipe: %s", strerror(errno));
	}
	if (pipe2(perr, O_CLOEXEC) != 0) {
		close(pin[0]);
		close(pin[1]);
		close(pout[0]);
		close(pout[1]);
		return nm_seterr(err, NM_ERR_SYS, "pipe: %s", strerror(errno));
	}
	pid = fork();
	if (pid == 0) {
		dup2(pin[0], 0);
		dup2(pout[1], 1);
		dup2(perr[1], 2);
		setenv("LC_ALL", "C", 1);
		execvp(argv[0], (char *const *)argv);
		dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(pin[0]);
	close(pout[1]);
	close(perr[1]);
	if (pid < 0) {
		close(pin[1]);
		close(pout[0]);
		close(perr[0]);
		return nm_seterr(err, NM_ERR_SYS, "fork: %s", strerror(errno));
	}
	old = signal(SIGPIPE, SIG_IGN);
	if (inlen == 0) {
		close(pin[1]);
		pin[1] = -1;
	} else {
		fcntl(pin[1], F_SETFL, O_NONBLOCK);
	}
	timeout = ctx->timeout > 0 ? ctx->timeout : 90;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (open_out || open_err || pin[1] >= 0) {
		struct pollfd p[3] = {
			{ .fd = open_out ? pout[0] : -1, .events = POLLIN },
			{ .fd = open_err ? perr[0] : -1, .events = POLLIN },
			{ .fd = pin[1], .events = POLLOUT },
		};
		char chunk[4096];
		ssize_t n;

		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (t1.tv_sec - t0.tv_sec > timeout) {
			kill(pid, SIGKILL);
			break;
		}
		if (poll(p, 3, 1000) < 0 && errno != EINTR)
			break;
		if (p[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
			n = write(pin[1], in + off, inlen - off);
			if (n > 0)
				off += (size_t)n;
			if (n < 0 && errno != EAGAIN && errno != EINTR)
				off = inlen;	/* it stopped reading */
			if (off == inlen) {
				close(pin[1]);
				pin[1] = -1;
			}
		}
		if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(pout[0], chunk, sizeof(chunk));
			if (n > 0)
				nm_buf_add(out, chunk, (size_t)n);
			else if (n == 0 || errno != EINTR)
				open_out = false;
		}
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(perr[0], chunk, sizeof(chunk));
			if (n > 0 && errout->len < 65536)
				nm_buf_add(errout, chunk, (size_t)n);
			else if (n == 0 || (n < 0 && errno != EINTR))
				open_err = false;
		}
	}
	if (pin[1] >= 0)
		close(pin[1]);
	signal(SIGPIPE, old);
	close(pout[0]);
	close(perr[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return nm_seterr(err, NM_ERR_SYS, "waitpid: %s",
			    strerror(errno));
	nm_buf_add(out, NULL, 0);
	nm_buf_add(errout, NULL, 0);
	if (!WIFEXITED(status))
		return nm_seterr(err, NM_ERR_SYS, "nft %s: killed (signal %d)",
		    args[0], WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	if (WEXITSTATUS(status) == 127 && strstr(errout->s, "cannot run"))
		return nm_seterr(err, NM_ERR_SYS, "%s", nm_skipws(errout->s));
	return WEXITSTATUS(status);
}

/* nft's message, one line. */
static const char *
first_line(struct nm_buf *b)
{
	char *nl;

	if (b->s == NULL)
		return "";
	if ((nl = strchr(b->s, '\n')) != NULL)
		*nl = '\0';
	return b->s;
}

/* The table as nft lists it, or exists = false. */
int
nm_nft_prior(struct nm_exec_ctx *ctx, struct nm_arena *a,
    struct nm_prior *p, struct nm_error *err)
{
	static const char *const args[] = { "list", "table", "inet", "netmin",
	    NULL };
	struct nm_buf out = { 0 }, eo = { 0 };
	int rc = run_nft(ctx, args, NULL, 0, &out, &eo, err);

	memset(p, 0, sizeof(*p));
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		p->exists = true;
		p->data = nm_astrndup(a, out.s ? out.s : "", out.len);
		p->len = out.len;
	} else if (eo.s != NULL && strstr(eo.s, "No such file or directory")) {
		p->exists = false;
	} else {
		rc = nm_seterr(err, NM_ERR_SYS, "nft list table inet netmin "
		    "failed (exit %d): %s", rc, first_line(&eo));
		goto fail;
	}
	p->have = true;
	nm_buf_free(&out);
	nm_buf_free(&eo);
	return 0;
fail:
	nm_buf_free(&out);
	nm_buf_free(&eo);
	return -1;
}

/* One transaction from the listing cur (or none) to table (or none). */
static int
load(struct nm_exec_ctx *ctx, const struct nm_prior *cur, const char *table,
    size_t tlen, struct nm_error *err)
{
	static const char *const args[] = { "-f", "-", NULL };
	struct nm_buf tx = { 0 }, out = { 0 }, eo = { 0 };
	int rc;

	if (nm_nft_replace(cur->exists ? cur->data : NULL, cur->len, table,
	    tlen, &tx, err) != 0)
		return -1;
	if (tx.len == 0) {
		nm_buf_free(&tx);
		return 0;
	}
	rc = run_nft(ctx, args, tx.s, tx.len, &out, &eo, err);
	if (rc > 0)
		nm_seterr(err, NM_ERR_SYS, "nft -f: the transaction was "
		    "refused, nothing changed (exit %d): %s", rc,
		    first_line(&eo));
	nm_buf_free(&tx);
	nm_buf_free(&out);
	nm_buf_free(&eo);
	return rc == 0 ? 0 : -1;
}

int
nm_nft_do(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_error *err)
{
	struct nm_arena a = { 0 };
	struct nm_prior cur;
	int rc;

	/* What is there now, not what was read: it may have changed. */
	if (nm_nft_prior(ctx, &a, &cur, err) != 0) {
		nm_afree(&a);
		return -1;
	}
	rc = load(ctx, &cur, op->data, op->len, err);
	nm_afree(&a);
	return rc;
}

int
nm_nft_undo(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	const struct nm_prior *p = &op->prior;
	struct nm_prior cur;

	if (nm_nft_prior(ctx, a, &cur, err) != 0)
		return -1;
	if (cur.exists == p->exists && (!p->exists || (cur.len == p->len &&
	    memcmp(cur.data, p->data, p->len) == 0)))
		return 1;
	return load(ctx, &cur, p->exists ? p->data : NULL, p->exists ?
	    p->len : 0, err) == 0 ? 0 : -1;
}

#else /* !__linux__ */

int
nm_nft_prior(struct nm_exec_ctx *ctx, struct nm_arena *a,
    struct nm_prior *p, struct nm_error *err)
{
	(void)ctx;
	(void)a;
	(void)p;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "nftables: not in this "
	    "build");
}

int
nm_nft_do(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_error *err)
{
	(void)ctx;
	(void)op;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "nftables: not in this "
	    "build");
}

int
nm_nft_undo(struct nm_exec_ctx *ctx, const struct nm_op *op,
    struct nm_arena *a, struct nm_error *err)
{
	(void)ctx;
	(void)op;
	(void)a;
	return nm_seterr(err, NM_ERR_UNSUPPORTED, "nftables: not in this "
	    "build");
}

#endif /* __linux__ */

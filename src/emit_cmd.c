/*
 * emit_cmd.c - a plan as a Windows cmd.exe script and its rollback.
 *
 * Only sc, net and reg are used, because they exist on every Windows since
 * 2000 and on locked-down hosts.  Prior values are read at run time, before
 * each change: a service's Start value and whether it runs, and registry
 * keys exported with "reg export" (or a marker saying the value or key did
 * not exist).  The rollback imports them newest first.  Where "sc config"
 * is missing (wine), the start type is written to the Start value, which
 * the service control manager reads at boot.
 *
 * Lines are CRLF: cmd.exe mis-parses labels in LF-only files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* cmd has no quoting that survives every character; refuse the risky ones. */
static int
check_safe(const char *what, const char *s, struct nm_error *err)
{
	if (s == NULL)
		return 0;
	if (strpbrk(s, "\"%^&|<>!\r\n") != NULL)
		return nm_seterr(err, NM_ERR_USAGE,
		    "cannot write %s \"%s\" safely in a .cmd script (use "
		    "--emit ps1)", what, s);
	return 0;
}

static void
fail_check(struct nm_buf *b)
{
	nm_buf_puts(b, "if errorlevel 1 goto :failed\n");
}

/* REG_MULTI_SZ data: the plan joins items with '\n', reg.exe with "\0". */
static char *
multi_data(const char *data)
{
	struct nm_buf b = { 0 };

	for (; *data; data++) {
		if (*data == '\n')
			nm_buf_puts(&b, "\\0");
		else
			nm_buf_putc(&b, *data);
	}
	nm_buf_add(&b, NULL, 0);
	return b.s;
}

static int
emit_service(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	const char *num = nm_emit_start_num(a->start);
	size_t i;

	if (check_safe("service", a->service, err) != 0)
		return -1;
	if (a->service == NULL || strchr(a->service, ' ') != NULL)
		return nm_seterr(err, NM_ERR_USAGE, "service action without a "
		    "usable service name");
	if (a->start != NULL && num == NULL)
		return nm_seterr(err, NM_ERR_USAGE, "unknown start type '%s'",
		    a->start);
	for (i = 0; i < a->ndependants; i++) {
		if (check_safe("service", a->dependants[i], err) != 0)
			return -1;
		nm_buf_printf(ap, "call :svc_save %s %sd%zu\n",
		    a->dependants[i], tag, i + 1);
		fail_check(ap);
	}
	nm_buf_printf(ap, "call :svc_save %s %s\n", a->service, tag);
	fail_check(ap);
	if (a->stop) {
		/* Dependants first: net stop would ask before stopping them. */
		for (i = 0; i < a->ndependants; i++) {
			nm_buf_printf(ap, "call :svc_stop %s %sd%zu\n",
			    a->dependants[i], tag, i + 1);
			fail_check(ap);
		}
		nm_buf_printf(ap, "call :svc_stop %s %s\n", a->service, tag);
		fail_check(ap);
	}
	if (a->start != NULL) {
		nm_buf_printf(ap, "call :svc_start_type %s %s %s %s\n",
		    a->service, tag, a->start, num);
		fail_check(ap);
	}
	/* Undo: the service first, then what depends on it. */
	nm_buf_printf(rb, "call :svc_restore %s %s\n", a->service, tag);
	fail_check(rb);
	for (i = 0; i < a->ndependants; i++) {
		nm_buf_printf(rb, "call :svc_restore %s %sd%zu\n",
		    a->dependants[i], tag, i + 1);
		fail_check(rb);
	}
	return 0;
}

/*
 * "reg add" creates every missing key on the path; the rollback deletes the
 * first one that was missing, so each key on the path below the hive is
 * checked, shallowest first.
 */
static void
mark_new_keys(struct nm_buf *ap, const char *key, const char *tag)
{
	const char *p = strchr(key, '\\');

	while (p != NULL) {
		const char *next = strchr(p + 1, '\\');

		nm_buf_printf(ap, "call :reg_mark_new \"%.*s\" %s\n",
		    (int)(next ? next - key : (long)strlen(key)), key, tag);
		p = next;
	}
}

static int
emit_registry(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	char *data = NULL;

	if (check_safe("registry key", a->key, err) != 0 ||
	    check_safe("registry value", a->value, err) != 0 ||
	    check_safe("registry data", a->data, err) != 0 ||
	    check_safe("registry type", a->type, err) != 0)
		return -1;
	if (a->key == NULL || a->value == NULL)
		return nm_seterr(err, NM_ERR_USAGE, "registry action without "
		    "key or value");
	if (a->reg_op != NM_REG_DELETE && a->data == NULL)
		return nm_seterr(err, NM_ERR_USAGE, "registry action %s\\%s "
		    "without data", a->key, a->value);
	if (a->reg_op == NM_REG_SET)
		mark_new_keys(ap, a->key, tag);
	nm_buf_printf(ap, "call :reg_save \"%s\" \"%s\" %s\n", a->key,
	    a->value, tag);
	fail_check(ap);
	switch (a->reg_op) {
	case NM_REG_SET:
		if (a->type == NULL)
			return nm_seterr(err, NM_ERR_USAGE, "registry action "
			    "%s\\%s without a type", a->key, a->value);
		data = strcmp(a->type, "REG_MULTI_SZ") == 0 ?
		    multi_data(a->data) : nm_xstrdup(a->data);
		nm_buf_printf(ap, "call :reg_set \"%s\" \"%s\" %s \"%s\"\n",
		    a->key, a->value, a->type, data);
		fail_check(ap);
		break;
	case NM_REG_DELETE:
		nm_buf_printf(ap, "call :reg_delete \"%s\" \"%s\"\n", a->key,
		    a->value);
		fail_check(ap);
		break;
	case NM_REG_MULTI_REMOVE:
	case NM_REG_MULTI_ADD:
		if (strchr(a->data, '\n') != NULL || strstr(a->data, "\\0"))
			return nm_seterr(err, NM_ERR_USAGE, "multi-string edit "
			    "of %s\\%s takes one item", a->key, a->value);
		/* Patterns of %VAR:old=new% must be literal: inline them. */
		nm_buf_printf(ap, "call :reg_read_multi \"%s\" \"%s\"\n",
		    a->key, a->value);
		fail_check(ap);
		nm_buf_printf(ap, "if not defined NM_HAS goto :%s_done\n", tag);
		nm_buf_puts(ap, "set \"NM_N=\\0%NM_V%\\0\"\n");
		if (a->reg_op == NM_REG_MULTI_REMOVE) {
			nm_buf_printf(ap, "set \"NM_N=%%NM_N:\\0%s\\0=\\0%%\"\n",
			    a->data);
			nm_buf_puts(ap, "set \"NM_N=%NM_N:~2,-2%\"\n");
		} else {
			nm_buf_printf(ap, "set \"NM_X=%%NM_N:\\0%s\\0=%%\"\n",
			    a->data);
			nm_buf_printf(ap, "if not \"%%NM_X%%\"==\"%%NM_N%%\" "
			    "goto :%s_done\n", tag);
			nm_buf_printf(ap, "if defined NM_V set \"NM_N=%%NM_V%%"
			    "\\0%s\"\n", a->data);
			nm_buf_printf(ap, "if not defined NM_V set \"NM_N=%s\"\n",
			    a->data);
		}
		nm_buf_printf(ap, "call :reg_set \"%s\" \"%s\" REG_MULTI_SZ "
		    "\"%%NM_N%%\"\n", a->key, a->value);
		fail_check(ap);
		nm_buf_printf(ap, ":%s_done\n", tag);
		break;
	default:
		return nm_seterr(err, NM_ERR_USAGE, "unknown registry "
		    "operation");
	}
	free(data);
	nm_buf_printf(rb, "call :reg_restore \"%s\" \"%s\" %s\n", a->key,
	    a->value, tag);
	fail_check(rb);
	return 0;
}

static int
emit_netbios(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	char prefix[128];
	const char *star;

	if (check_safe("registry key", a->key, err) != 0 ||
	    check_safe("registry value", a->value, err) != 0 ||
	    check_safe("registry data", a->data, err) != 0 ||
	    check_safe("subkeys", a->subkeys, err) != 0)
		return -1;
	if (a->key == NULL || a->value == NULL || a->data == NULL ||
	    a->type == NULL || a->reg_op != NM_REG_SET)
		return nm_seterr(err, NM_ERR_USAGE, "incomplete per-adapter "
		    "registry action");
	/* "Tcpip_*" selects subkeys by the prefix before the '*'. */
	nm_strlcpy(prefix, a->subkeys ? a->subkeys : "", sizeof(prefix));
	if ((star = strchr(prefix, '*')) != NULL)
		prefix[star - prefix] = '\0';
	nm_buf_printf(ap, "call :nb_apply \"%s\" \"%s\" \"%s\" %s \"%s\" %s\n",
	    a->key, prefix, a->value, a->type, a->data, tag);
	fail_check(ap);
	nm_buf_printf(rb, "call :nb_restore \"%s\" %s\n", a->value, tag);
	fail_check(rb);
	return 0;
}

static int
emit_commands(const struct nm_action *a, struct nm_buf *ap, struct nm_buf *rb,
    struct nm_error *err)
{
	size_t i;

	for (i = 0; i < a->ncommands; i++) {
		if (strpbrk(a->commands[i], "\r\n") != NULL)
			return nm_seterr(err, NM_ERR_USAGE, "multi-line command");
		nm_buf_printf(ap, "%s\n", a->commands[i]);
		fail_check(ap);
	}
	for (i = a->nundo; i > 0; i--) {
		if (strpbrk(a->undo[i - 1], "\r\n") != NULL)
			return nm_seterr(err, NM_ERR_USAGE, "multi-line command");
		nm_buf_printf(rb, "%s\n", a->undo[i - 1]);
		fail_check(rb);
	}
	return 0;
}

/* Run-time helpers of the apply script. */
static const char apply_lib[] =
"\n"
":failed\n"
"echo netmin: %NM_STEP% failed; later steps were not run. 1>&2\n"
"echo netmin: run %NM_ROLLBACK% to put back what was changed. 1>&2\n"
"exit /b 1\n"
"\n"
":svc_save\n"
"rem %1 service, %2 tag: save its start type and whether it runs\n"
"sc query %~1 >nul 2>&1\n"
"if errorlevel 1 goto :svc_save_none\n"
"set \"NM_V=\"\n"
"for /f \"tokens=3\" %%V in ('reg query \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\%~1\" /v Start 2^>nul ^| find \"REG_DWORD\"') do set \"NM_V=%%V\"\n"
"if not defined NM_V goto :svc_save_fail\n"
"> \"%NETMIN_STATE%\\%~2.start\" echo %NM_V%\n"
"sc query %~1 | find \"RUNNING\" >nul\n"
"if not errorlevel 1 > \"%NETMIN_STATE%\\%~2.run\" echo running\n"
"exit /b 0\n"
":svc_save_none\n"
"echo netmin: service %~1 is not installed; nothing to change for it\n"
"> \"%NETMIN_STATE%\\%~2.none\" echo none\n"
"exit /b 0\n"
":svc_save_fail\n"
"echo netmin: cannot read the start type of %~1 1>&2\n"
"exit /b 1\n"
"\n"
":svc_stop\n"
"rem %1 service, %2 tag\n"
"if exist \"%NETMIN_STATE%\\%~2.none\" exit /b 0\n"
"sc query %~1 | find \"STOPPED\" >nul\n"
"if not errorlevel 1 exit /b 0\n"
"net stop %~1 <nul\n"
"sc query %~1 | find \"STOPPED\" >nul\n"
"if not errorlevel 1 exit /b 0\n"
"echo netmin: cannot stop %~1 1>&2\n"
"exit /b 1\n"
"\n"
":svc_start_type\n"
"rem %1 service, %2 tag, %3 start type, %4 its Start value\n"
"if exist \"%NETMIN_STATE%\\%~2.none\" exit /b 0\n"
"sc config %~1 start= %~3 >nul 2>&1\n"
"if not errorlevel 1 exit /b 0\n"
"rem no sc config here (wine): the service manager reads Start at boot\n"
"reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\%~1\" /v Start /t REG_DWORD /d %~4 /f >nul\n"
"if not errorlevel 1 exit /b 0\n"
"echo netmin: cannot set the start type of %~1 1>&2\n"
"exit /b 1\n"
"\n"
":reg_mark_new\n"
"rem %1 key, %2 tag: note the first key on the path that does not exist\n"
"if exist \"%NETMIN_STATE%\\%~2.nokey\" exit /b 0\n"
"reg query \"%~1\" >nul 2>&1\n"
"if not errorlevel 1 exit /b 0\n"
"> \"%NETMIN_STATE%\\%~2.nokey\" echo %~1\n"
"exit /b 0\n"
"\n"
":reg_save\n"
"rem %1 key, %2 value, %3 tag: export the key, or note what was absent\n"
"reg query \"%~1\" >nul 2>&1\n"
"if errorlevel 1 exit /b 0\n"
"reg query \"%~1\" /v \"%~2\" >nul 2>&1\n"
"if errorlevel 1 goto :reg_save_absent\n"
"reg export \"%~1\" \"%NETMIN_STATE%\\%~3.reg\" /y >nul\n"
"if not errorlevel 1 exit /b 0\n"
"echo netmin: cannot save %~1 1>&2\n"
"exit /b 1\n"
":reg_save_absent\n"
"> \"%NETMIN_STATE%\\%~3.absent\" echo %~1\n"
"exit /b 0\n"
"\n"
":reg_set\n"
"rem %1 key, %2 value, %3 type, %4 data\n"
"reg add \"%~1\" /v \"%~2\" /t %~3 /d \"%~4\" /f >nul\n"
"if not errorlevel 1 exit /b 0\n"
"echo netmin: cannot set %~1\\%~2 1>&2\n"
"exit /b 1\n"
"\n"
":reg_delete\n"
"rem %1 key, %2 value\n"
"reg query \"%~1\" /v \"%~2\" >nul 2>&1\n"
"if errorlevel 1 exit /b 0\n"
"reg delete \"%~1\" /v \"%~2\" /f >nul\n"
"if not errorlevel 1 exit /b 0\n"
"echo netmin: cannot delete %~1\\%~2 1>&2\n"
"exit /b 1\n"
"\n"
":reg_read_multi\n"
"rem %1 key, %2 value: NM_V gets the items joined by \\0, NM_HAS=1 if present\n"
"set \"NM_HAS=\"\n"
"set \"NM_V=\"\n"
"set \"NM_L=\"\n"
"for /f \"delims=\" %%L in ('reg query \"%~1\" /v \"%~2\" 2^>nul ^| find \"REG_MULTI_SZ\"') do set \"NM_L=%%L\"\n"
"if not defined NM_L exit /b 0\n"
"set \"NM_HAS=1\"\n"
"set \"NM_V=%NM_L:*REG_MULTI_SZ=%\"\n"
"for /f \"tokens=*\" %%T in (\"%NM_V%\") do set \"NM_V=%%T\"\n"
"exit /b 0\n"
"\n"
":nb_apply\n"
"rem %1 key, %2 subkey prefix, %3 value, %4 type, %5 data, %6 tag\n"
"set \"NM_ERR=\"\n"
"set /a NM_I=0\n"
"for /f \"delims=\" %%K in ('reg query \"%~1\" 2^>nul ^| find \"\\%~2\"') do call :nb_one \"%%K\" \"%~3\" \"%~4\" \"%~5\" \"%~6\"\n"
"if defined NM_ERR exit /b 1\n"
"if %NM_I%==0 echo netmin: no adapter keys under %~1; nothing to change\n"
"exit /b 0\n"
":nb_one\n"
"if defined NM_ERR exit /b 1\n"
"set /a NM_I+=1\n"
"> \"%NETMIN_STATE%\\%~5_%NM_I%.key\" echo %~1\n"
"call :reg_save \"%~1\" \"%~2\" \"%~5_%NM_I%\"\n"
"if errorlevel 1 set \"NM_ERR=1\"\n"
"if defined NM_ERR exit /b 1\n"
"call :reg_set \"%~1\" \"%~2\" \"%~3\" \"%~4\"\n"
"if errorlevel 1 set \"NM_ERR=1\"\n"
"if defined NM_ERR exit /b 1\n"
"exit /b 0\n";

/* Run-time helpers of the rollback script. */
static const char rollback_lib[] =
"\n"
":failed\n"
"echo netmin: rolling back %NM_STEP% failed; the saved values are still in %NETMIN_STATE%. 1>&2\n"
"exit /b 1\n"
"\n"
":svc_restore\n"
"rem %1 service, %2 tag: its start type, and start it if it ran\n"
"if not exist \"%NETMIN_STATE%\\%~2.start\" exit /b 0\n"
"set /p NM_V=<\"%NETMIN_STATE%\\%~2.start\"\n"
"set \"NM_W=\"\n"
"if \"%NM_V%\"==\"0x0\" set \"NM_W=boot\"\n"
"if \"%NM_V%\"==\"0x1\" set \"NM_W=system\"\n"
"if \"%NM_V%\"==\"0x2\" set \"NM_W=auto\"\n"
"if \"%NM_V%\"==\"0x3\" set \"NM_W=demand\"\n"
"if \"%NM_V%\"==\"0x4\" set \"NM_W=disabled\"\n"
"if not defined NM_W goto :svc_restore_reg\n"
"sc config %~1 start= %NM_W% >nul 2>&1\n"
"if not errorlevel 1 goto :svc_restore_run\n"
":svc_restore_reg\n"
"reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\%~1\" /v Start /t REG_DWORD /d %NM_V% /f >nul\n"
"if errorlevel 1 goto :svc_restore_fail\n"
":svc_restore_run\n"
"if not exist \"%NETMIN_STATE%\\%~2.run\" exit /b 0\n"
"sc query %~1 | find \"RUNNING\" >nul\n"
"if not errorlevel 1 exit /b 0\n"
"net start %~1\n"
"if not errorlevel 1 exit /b 0\n"
"echo netmin: cannot start %~1 1>&2\n"
"exit /b 1\n"
":svc_restore_fail\n"
"echo netmin: cannot restore the start type of %~1 1>&2\n"
"exit /b 1\n"
"\n"
":reg_restore\n"
"rem %1 key, %2 value, %3 tag\n"
"if exist \"%NETMIN_STATE%\\%~3.nokey\" goto :reg_restore_nokey\n"
"if exist \"%NETMIN_STATE%\\%~3.absent\" goto :reg_restore_absent\n"
"if not exist \"%NETMIN_STATE%\\%~3.reg\" exit /b 0\n"
"reg import \"%NETMIN_STATE%\\%~3.reg\" >nul 2>&1\n"
"if not errorlevel 1 exit /b 0\n"
"echo netmin: cannot restore %~1 1>&2\n"
"exit /b 1\n"
":reg_restore_nokey\n"
"set /p NM_K=<\"%NETMIN_STATE%\\%~3.nokey\"\n"
"reg delete \"%NM_K%\" /f >nul 2>&1\n"
"exit /b 0\n"
":reg_restore_absent\n"
"reg delete \"%~1\" /v \"%~2\" /f >nul 2>&1\n"
"exit /b 0\n"
"\n"
":nb_restore\n"
"rem %1 value, %2 tag: every adapter key the apply script saved\n"
"set \"NM_ERR=\"\n"
"for /f \"delims=\" %%F in ('dir /b \"%NETMIN_STATE%\\%~2_*.key\" 2^>nul') do call :nb_restore_one \"%%~nF\" \"%~1\"\n"
"if defined NM_ERR exit /b 1\n"
"exit /b 0\n"
":nb_restore_one\n"
"set /p NM_K=<\"%NETMIN_STATE%\\%~1.key\"\n"
"call :reg_restore \"%NM_K%\" \"%~2\" \"%~1\"\n"
"if errorlevel 1 set \"NM_ERR=1\"\n"
"exit /b 0\n";

static void
prologue(struct nm_buf *b, const struct nm_plan *p, const char *what)
{
	nm_buf_puts(b, "@echo off\n");
	nm_buf_printf(b, "rem %s\n", what);
	nm_emit_header_lines(p, "rem", b);
	nm_buf_puts(b,
	    "rem Run from an elevated prompt.  NETMIN_STATE names the folder "
	    "that keeps\n"
	    "rem the values read before each change (default: netmin-state "
	    "next to this file).\n"
	    "setlocal EnableExtensions\n"
	    "if not defined NETMIN_STATE set \"NETMIN_STATE=%~dp0netmin-state\"\n");
}

static void
to_crlf(const struct nm_buf *in, struct nm_buf *out)
{
	size_t i;

	for (i = 0; i < in->len; i++) {
		if (in->s[i] == '\n')
			nm_buf_putc(out, '\r');
		nm_buf_putc(out, in->s[i]);
	}
}

int
nm_emit_cmd(const struct nm_plan *p, const char *rollback_name,
    struct nm_buf *script, struct nm_buf *rollback, struct nm_error *err)
{
	struct nm_buf ap = { 0 }, rb = { 0 }, reboot = { 0 };
	NM_VEC(char *) chunks = { 0 };
	size_t i, j;
	int rc = 0;

	if (check_safe("file name", rollback_name, err) != 0)
		return -1;
	prologue(&ap, p, "Apply script: closes the ports the plan closes.");
	nm_buf_printf(&ap, "set \"NM_ROLLBACK=%s\"\n", rollback_name);
	nm_buf_puts(&ap,
	    "if exist \"%NETMIN_STATE%\\started\" goto :state_busy\n"
	    "if not exist \"%NETMIN_STATE%\\\" mkdir \"%NETMIN_STATE%\"\n"
	    "if not exist \"%NETMIN_STATE%\\\" goto :state_fail\n"
	    "> \"%NETMIN_STATE%\\started\" echo started\n"
	    "set \"NM_STEP=the start\"\n");
	for (i = 0; i < p->steps.n && rc == 0; i++) {
		const struct nm_step *s = &p->steps.v[i];

		if (check_safe("step title", s->title, err) != 0) {
			rc = -1;
			break;
		}
		nm_buf_printf(&ap, "\nrem --- step %d [%s]: %s\n", s->id,
		    nm_phase_name(s->phase), s->title);
		nm_buf_printf(&ap, "set \"NM_STEP=step %d (%s)\"\n", s->id,
		    s->title);
		nm_buf_printf(&ap, "echo netmin: step %d: %s\n", s->id,
		    s->title);
		if (s->reboot)
			nm_buf_printf(&reboot, "%s%d", reboot.len ? ", " : "",
			    s->id);
		for (j = 0; j < s->actions.n && rc == 0; j++) {
			const struct nm_action *a = &s->actions.v[j];
			struct nm_buf r = { 0 };
			char tag[32];

			snprintf(tag, sizeof(tag), "s%da%zu", s->id, j + 1);
			nm_buf_printf(&ap, "rem %s: %s\n", a->target ? a->target :
			    "", a->change ? a->change : "");
			nm_buf_printf(&r, "\nrem undo step %d action %zu: %s\n",
			    s->id, j + 1, a->target ? a->target : "");
			nm_buf_printf(&r, "set \"NM_STEP=step %d (%s)\"\n",
			    s->id, s->title);
			switch (a->kind) {
			case NM_ACT_SERVICE:
				rc = emit_service(a, tag, &ap, &r, err);
				break;
			case NM_ACT_REGISTRY:
				rc = emit_registry(a, tag, &ap, &r, err);
				break;
			case NM_ACT_NETBIOS:
				rc = emit_netbios(a, tag, &ap, &r, err);
				break;
			case NM_ACT_COMMAND:
				rc = emit_commands(a, &ap, &r, err);
				break;
			case NM_ACT_FILTER:
				nm_emit_filter_note(s, a, "rem ", &ap);
				break;
			default:
				rc = nm_seterr(err, NM_ERR_USAGE, "step %d: a %s "
				    "action cannot run on Windows; this plan "
				    "needs --emit sh", s->id,
				    nm_act_kind_name(a->kind));
			}
			nm_buf_add(&r, NULL, 0);
			*NM_VEC_PUSH(&chunks) = r.s;
		}
	}
	if (rc == 0) {
		nm_buf_puts(&ap, "\n> \"%NETMIN_STATE%\\applied\" echo applied\n"
		    "echo netmin: every step applied; %NM_ROLLBACK% puts it all "
		    "back.\n");
		if (reboot.len)
			nm_buf_printf(&ap, "echo netmin: reboot for step(s) %s "
			    "to take effect.\n", reboot.s);
		nm_buf_puts(&ap, "exit /b 0\n\n"
		    ":state_busy\n"
		    "echo netmin: %NETMIN_STATE% holds values saved by an "
		    "earlier run; run %NM_ROLLBACK% first, or set NETMIN_STATE "
		    "to a new folder. 1>&2\n"
		    "exit /b 1\n"
		    ":state_fail\n"
		    "echo netmin: cannot create %NETMIN_STATE% 1>&2\n"
		    "exit /b 1\n");
		nm_buf_puts(&ap, apply_lib);

		prologue(&rb, p, "Rollback script: puts back every value the "
		    "apply script saved.");
		nm_buf_puts(&rb,
		    "if not exist \"%NETMIN_STATE%\\started\" goto :nothing\n"
		    "set \"NM_STEP=the start\"\n");
		for (i = chunks.n; i > 0; i--)
			nm_buf_puts(&rb, chunks.v[i - 1]);
		nm_buf_puts(&rb, "\nrmdir /s /q \"%NETMIN_STATE%\"\n"
		    "echo netmin: rolled back.\n");
		if (reboot.len)
			nm_buf_printf(&rb, "echo netmin: reboot for step(s) %s "
			    "to be undone fully.\n", reboot.s);
		nm_buf_puts(&rb, "exit /b 0\n\n"
		    ":nothing\n"
		    "echo netmin: nothing saved in %NETMIN_STATE%; nothing to "
		    "roll back.\n"
		    "exit /b 0\n");
		nm_buf_puts(&rb, rollback_lib);
		to_crlf(&ap, script);
		to_crlf(&rb, rollback);
	}
	for (i = 0; i < chunks.n; i++)
		free(chunks.v[i]);
	NM_VEC_FREE(&chunks);
	nm_buf_free(&ap);
	nm_buf_free(&rb);
	nm_buf_free(&reboot);
	return rc;
}

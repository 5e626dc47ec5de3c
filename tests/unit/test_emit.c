/* test_emit.c - script emitters: what each script says, and refusals. */
#include <stdlib.h>

#include "emit.h"
#include "harness.h"
#include "plan_sample.h"

static char *
emit(void (*build)(struct nm_plan *), int fmt, char **rollback,
    struct nm_error *err)
{
	struct nm_plan p;
	struct nm_buf s = { 0 }, r = { 0 };
	int rc;

	build(&p);
	rc = nm_emit(&p, fmt, NULL, &s, &r, err);
	nm_plan_free(&p);
	if (rc != 0) {
		nm_buf_free(&s);
		nm_buf_free(&r);
		*rollback = NULL;
		return NULL;
	}
	*rollback = r.s;
	return s.s;
}

/* Position of needle in hay, or -1. */
static long
at(const char *hay, const char *needle)
{
	const char *p = hay ? strstr(hay, needle) : NULL;

	return p ? (long)(p - hay) : -1;
}

TEST(emit_cmd_windows_plan)
{
	struct nm_error err = { 0 };
	char *rb, *s = emit(sample_windows_plan, NM_EMIT_CMD, &rb, &err);

	CHECK(s != NULL);
	if (s == NULL)
		return;
	CHECK(strncmp(s, "@echo off\r\n", 11) == 0);
	CHECK(strstr(s, "\n") == strstr(s, "\r\n") + 1);
	/* Dependants saved and stopped before the service itself. */
	CHECK(at(s, "call :svc_save W3SVC s1a1d1") >= 0);
	CHECK(at(s, "call :svc_stop SMTPSVC s1a1d2") < at(s,
	    "call :svc_stop IISADMIN s1a1"));
	CHECK(at(s, "call :svc_start_type IISADMIN s1a1 disabled 4") >= 0);
	CHECK(at(s, "call :nb_apply \"HKLM\\SYSTEM\\CurrentControlSet\\"
	    "Services\\NetBT\\Parameters\\Interfaces\" \"Tcpip_\" "
	    "\"NetbiosOptions\" REG_DWORD \"2\" s2a1") >= 0);
	CHECK(at(s, "set \"NM_N=%NM_N:\\0ncacn_ip_tcp\\0=\\0%\"") >= 0);
	CHECK(at(s, "call :reg_set \"HKLM\\SYSTEM\\CurrentControlSet\\"
	    "Services\\Rpc\\Linkage\" \"Bind\" REG_MULTI_SZ \"0\"") >= 0);
	CHECK(at(s, "reboot for step(s) 2, 3 to take effect") >= 0);
	/* Every change is followed by a failure check. */
	CHECK(at(s, "call :reg_set \"HKLM\\SOFTWARE\\NetminTest\\Policy\" "
	    "\"EnableMulticast\" REG_DWORD \"0\"\r\nif errorlevel 1 goto "
	    ":failed") >= 0);
	/* Rollback: newest first; the service before its dependants. */
	CHECK(at(rb, "call :reg_restore \"HKLM\\SYSTEM\\CurrentControlSet\\"
	    "Services\\Rpc\\Linkage\" \"Bind\" s3a2") < at(rb,
	    "call :reg_restore \"HKLM\\SOFTWARE\\Microsoft\\Rpc\" "
	    "\"DCOM Protocols\" s3a1"));
	CHECK(at(rb, "call :nb_restore \"NetbiosOptions\" s2a1") < at(rb,
	    "call :svc_restore IISADMIN s1a1"));
	CHECK(at(rb, "call :svc_restore IISADMIN s1a1") < at(rb,
	    "call :svc_restore W3SVC s1a1d1"));
	free(s);
	free(rb);
}

TEST(emit_ps1_windows_plan)
{
	struct nm_error err = { 0 };
	char *rb, *s = emit(sample_windows_plan, NM_EMIT_PS1, &rb, &err);

	CHECK(s != NULL);
	if (s == NULL)
		return;
	CHECK(at(s, "[CmdletBinding()]\nparam(") >= 0);
	CHECK(at(s, "Stop-NetminService 'W3SVC' 's1a1d1'") < at(s,
	    "Stop-NetminService 'IISADMIN' 's1a1'"));
	CHECK(at(s, "Set-NetminStartType 'IISADMIN' 's1a1' 'disabled' 4") >= 0);
	CHECK(at(s, "Set-NetminPerAdapter 'HKLM\\SYSTEM\\CurrentControlSet\\"
	    "Services\\NetBT\\Parameters\\Interfaces' 'Tcpip_*' "
	    "'NetbiosOptions' 'DWord' 2 's2a1'") >= 0);
	CHECK(at(s, "Edit-NetminMulti -Remove 'HKLM\\SOFTWARE\\Microsoft\\"
	    "Rpc' 'DCOM Protocols' 'ncacn_ip_tcp'") >= 0);
	CHECK(at(s, "Set-NetminValue 'HKLM\\SYSTEM\\CurrentControlSet\\"
	    "Services\\Rpc\\Linkage' 'Bind' 'MultiString' @('0')") >= 0);
	CHECK(at(rb, "Restore-NetminValue 'Bind' 's3a2'") < at(rb,
	    "Restore-NetminService 'IISADMIN' 's1a1'"));
	free(s);
	free(rb);
}

TEST(emit_sh_linux_plan)
{
	struct nm_error err = { 0 };
	char *rb, *s = emit(sample_linux_plan, NM_EMIT_SH, &rb, &err);

	CHECK(s != NULL);
	if (s == NULL)
		return;
	CHECK(strncmp(s, "#!/bin/sh\n", 10) == 0);
	CHECK(at(s, "\tunits_off disable 'avahi-daemon.socket' "
	    "'avahi-daemon.service'\n") >= 0);
	CHECK(at(s, "\tunits_off mask 'rpcbind.socket' 'rpcbind.service'\n")
	    >= 0);
	/* runit knows avahi by the plan's alternative name. */
	CHECK(at(s, "svc_off s1a1_2 \"$(svc_name 'avahi-daemon' "
	    "'avahi-daemon' 'avahi')\"") >= 0);
	CHECK(at(s, "cfg_dropin s3a1 '/etc/systemd/resolved.conf.d/"
	    "netmin.conf' '[Resolve]'") >= 0);
	CHECK(at(s, "ListenAddress\tListenAddress 127.0.0.1\n"
	    "ListenAddress\tListenAddress ::1\n") >= 0);
	CHECK(at(rb, "cfg_restore s3a2") < at(rb, "cfg_restore s3a1"));
	CHECK(at(rb, "unit_restore s1a1_2\nunit_restore s1a1_1\n") >= 0);
	free(s);
	free(rb);
}

TEST(emit_refuses_wrong_family_and_unsafe_text)
{
	struct nm_error err = { 0 };
	char *rb, *s;
	struct nm_plan p;
	struct nm_buf b = { 0 }, r = { 0 };

	s = emit(sample_linux_plan, NM_EMIT_CMD, &rb, &err);
	CHECK(s == NULL);
	CHECK_STR(err.msg, "step 1: a unit action cannot run on Windows; this "
	    "plan needs --emit sh");
	s = emit(sample_windows_plan, NM_EMIT_SH, &rb, &err);
	CHECK(s == NULL);
	CHECK_STR(err.msg, "step 1: a service action runs only on Windows; "
	    "this plan needs --emit cmd or ps1");
	sample_windows_plan(&p);
	p.steps.v[1].actions.v[1].data = "0 & format c:";
	CHECK(nm_emit(&p, NM_EMIT_CMD, NULL, &b, &r, &err) != 0);
	CHECK(strstr(err.msg, "cannot write registry data") != NULL);
	/* PowerShell quotes anything. */
	CHECK(nm_emit(&p, NM_EMIT_PS1, NULL, &b, &r, &err) != 0);
	CHECK(strstr(err.msg, "must be a number") != NULL);
	p.steps.v[1].actions.v[1].type = "REG_SZ";
	CHECK_INT(nm_emit(&p, NM_EMIT_PS1, NULL, &b, &r, &err), 0);
	CHECK(strstr(b.s, "'String' '0 & format c:'") != NULL);
	nm_plan_free(&p);
	nm_buf_free(&b);
	nm_buf_free(&r);
}

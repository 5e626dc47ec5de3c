/*
 * emit_ps1.c - a plan as a Windows PowerShell script and its rollback.
 *
 * Values are read at run time before each change and saved in the state
 * folder: a service's Start value and running state as text, a registry
 * value with its kind and data via Export-Clixml (which keeps the type:
 * string[] for REG_MULTI_SZ, int for REG_DWORD), or a marker that the value
 * or key was absent.  Every literal is a single-quoted PowerShell string, so
 * no value needs escaping beyond doubling quotes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

static void
q(struct nm_buf *b, const char *s)
{
	nm_buf_putc(b, '\'');
	for (; s && *s; s++) {
		if (*s == '\'')
			nm_buf_putc(b, '\'');
		nm_buf_putc(b, *s);
	}
	nm_buf_putc(b, '\'');
}

/* @('a','b') from items joined by '\n'. */
static void
qlist(struct nm_buf *b, const char *data)
{
	const char *p = data, *nl;

	nm_buf_puts(b, "@(");
	for (;;) {
		char item[1024];
		size_t n;

		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		if (n >= sizeof(item))
			n = sizeof(item) - 1;
		memcpy(item, p, n);
		item[n] = '\0';
		q(b, item);
		if (nl == NULL)
			break;
		nm_buf_putc(b, ',');
		p = nl + 1;
	}
	nm_buf_putc(b, ')');
}

static const char *
ps_kind(const char *type)
{
	if (type == NULL)
		return NULL;
	if (strcmp(type, "REG_DWORD") == 0)
		return "DWord";
	if (strcmp(type, "REG_SZ") == 0)
		return "String";
	if (strcmp(type, "REG_EXPAND_SZ") == 0)
		return "ExpandString";
	if (strcmp(type, "REG_MULTI_SZ") == 0)
		return "MultiString";
	if (strcmp(type, "REG_QWORD") == 0)
		return "QWord";
	return NULL;
}

static void
data_expr(struct nm_buf *b, const char *type, const char *data)
{
	if (strcmp(type, "REG_MULTI_SZ") == 0)
		qlist(b, data);
	else if (strcmp(type, "REG_DWORD") == 0 ||
	    strcmp(type, "REG_QWORD") == 0)
		nm_buf_printf(b, "%s", data);
	else
		q(b, data);
}

static bool
numeric(const char *s)
{
	long long v;

	return s != NULL && nm_parse_ll(s, strlen(s), 0, 0xffffffffLL, &v) ==
	    0;
}

static int
emit_service(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	const char *num = nm_emit_start_num(a->start);
	size_t i;

	if (a->service == NULL)
		return nm_seterr(err, NM_ERR_USAGE, "service action without a "
		    "service name");
	if (a->start != NULL && num == NULL)
		return nm_seterr(err, NM_ERR_USAGE, "unknown start type '%s'",
		    a->start);
	for (i = 0; i < a->ndependants; i++) {
		nm_buf_puts(ap, "Save-NetminService ");
		q(ap, a->dependants[i]);
		nm_buf_printf(ap, " '%sd%zu'\n", tag, i + 1);
	}
	nm_buf_puts(ap, "Save-NetminService ");
	q(ap, a->service);
	nm_buf_printf(ap, " '%s'\n", tag);
	if (a->stop) {
		for (i = 0; i < a->ndependants; i++) {
			nm_buf_puts(ap, "Stop-NetminService ");
			q(ap, a->dependants[i]);
			nm_buf_printf(ap, " '%sd%zu'\n", tag, i + 1);
		}
		nm_buf_puts(ap, "Stop-NetminService ");
		q(ap, a->service);
		nm_buf_printf(ap, " '%s'\n", tag);
	}
	if (a->start != NULL) {
		nm_buf_puts(ap, "Set-NetminStartType ");
		q(ap, a->service);
		nm_buf_printf(ap, " '%s' '%s' %s\n", tag, a->start, num);
	}
	nm_buf_puts(rb, "Restore-NetminService ");
	q(rb, a->service);
	nm_buf_printf(rb, " '%s'\n", tag);
	for (i = 0; i < a->ndependants; i++) {
		nm_buf_puts(rb, "Restore-NetminService ");
		q(rb, a->dependants[i]);
		nm_buf_printf(rb, " '%sd%zu'\n", tag, i + 1);
	}
	return 0;
}

static int
emit_registry(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	if (a->key == NULL || a->value == NULL)
		return nm_seterr(err, NM_ERR_USAGE, "registry action without "
		    "key or value");
	nm_buf_puts(ap, "Save-NetminValue ");
	q(ap, a->key);
	nm_buf_putc(ap, ' ');
	q(ap, a->value);
	nm_buf_printf(ap, " '%s'\n", tag);
	switch (a->reg_op) {
	case NM_REG_SET:
		if (a->data == NULL || ps_kind(a->type) == NULL)
			return nm_seterr(err, NM_ERR_USAGE, "registry action "
			    "%s\\%s needs a known type and data", a->key,
			    a->value);
		if ((strcmp(a->type, "REG_DWORD") == 0 ||
		    strcmp(a->type, "REG_QWORD") == 0) && !numeric(a->data))
			return nm_seterr(err, NM_ERR_USAGE, "%s\\%s: %s data "
			    "must be a number", a->key, a->value, a->type);
		nm_buf_puts(ap, "Set-NetminValue ");
		q(ap, a->key);
		nm_buf_putc(ap, ' ');
		q(ap, a->value);
		nm_buf_printf(ap, " '%s' ", ps_kind(a->type));
		data_expr(ap, a->type, a->data);
		nm_buf_putc(ap, '\n');
		break;
	case NM_REG_DELETE:
		nm_buf_puts(ap, "Remove-NetminValue ");
		q(ap, a->key);
		nm_buf_putc(ap, ' ');
		q(ap, a->value);
		nm_buf_putc(ap, '\n');
		break;
	case NM_REG_MULTI_REMOVE:
	case NM_REG_MULTI_ADD:
		if (a->data == NULL)
			return nm_seterr(err, NM_ERR_USAGE, "multi-string edit "
			    "of %s\\%s without an item", a->key, a->value);
		nm_buf_printf(ap, "Edit-NetminMulti %s ", a->reg_op ==
		    NM_REG_MULTI_ADD ? "-Add" : "-Remove");
		q(ap, a->key);
		nm_buf_putc(ap, ' ');
		q(ap, a->value);
		nm_buf_putc(ap, ' ');
		q(ap, a->data);
		nm_buf_putc(ap, '\n');
		break;
	default:
		return nm_seterr(err, NM_ERR_USAGE, "unknown registry "
		    "operation");
	}
	nm_buf_puts(rb, "Restore-NetminValue ");
	q(rb, a->value);
	nm_buf_printf(rb, " '%s'\n", tag);
	return 0;
}

static int
emit_netbios(const struct nm_action *a, const char *tag, struct nm_buf *ap,
    struct nm_buf *rb, struct nm_error *err)
{
	if (a->key == NULL || a->value == NULL || a->data == NULL ||
	    ps_kind(a->type) == NULL || a->reg_op != NM_REG_SET)
		return nm_seterr(err, NM_ERR_USAGE, "incomplete per-adapter "
		    "registry action");
	nm_buf_puts(ap, "Set-NetminPerAdapter ");
	q(ap, a->key);
	nm_buf_putc(ap, ' ');
	q(ap, a->subkeys ? a->subkeys : "*");
	nm_buf_putc(ap, ' ');
	q(ap, a->value);
	nm_buf_printf(ap, " '%s' ", ps_kind(a->type));
	data_expr(ap, a->type, a->data);
	nm_buf_printf(ap, " '%s'\n", tag);
	nm_buf_puts(rb, "Restore-NetminPerAdapter ");
	q(rb, a->value);
	nm_buf_printf(rb, " '%s'\n", tag);
	return 0;
}

static void
emit_commands(const struct nm_action *a, struct nm_buf *ap, struct nm_buf *rb)
{
	size_t i;

	/* Explicit commands are cmd lines: run them through cmd.exe. */
	for (i = 0; i < a->ncommands; i++) {
		nm_buf_puts(ap, "Invoke-NetminCmd ");
		q(ap, a->commands[i]);
		nm_buf_putc(ap, '\n');
	}
	for (i = a->nundo; i > 0; i--) {
		nm_buf_puts(rb, "Invoke-NetminCmd ");
		q(rb, a->undo[i - 1]);
		nm_buf_putc(rb, '\n');
	}
}

static const char common_lib[] =
"$ErrorActionPreference = 'Stop'\n"
"Set-StrictMode -Version 2\n"
"function Get-NetminPath([string]$Name) { Join-Path $State $Name }\n"
"function Invoke-NetminCmd([string]$Line) {\n"
"    & cmd.exe /c $Line\n"
"    if ($LASTEXITCODE -ne 0) { throw \"command failed ($LASTEXITCODE): $Line\" }\n"
"}\n";

static const char apply_lib[] =
"function Save-NetminService([string]$Name, [string]$Tag) {\n"
"    $svc = Get-Service -Name $Name -ErrorAction SilentlyContinue\n"
"    if (-not $svc) {\n"
"        Write-Host \"netmin: service $Name is not installed; nothing to change for it\"\n"
"        Set-Content -LiteralPath (Get-NetminPath \"$Tag.none\") -Value 'none'\n"
"        return\n"
"    }\n"
"    $start = (Get-ItemProperty -LiteralPath \"HKLM:\\SYSTEM\\CurrentControlSet\\Services\\$Name\" -Name Start).Start\n"
"    Set-Content -LiteralPath (Get-NetminPath \"$Tag.start\") -Value $start\n"
"    if ($svc.Status -eq 'Running') { Set-Content -LiteralPath (Get-NetminPath \"$Tag.run\") -Value 'running' }\n"
"}\n"
"function Stop-NetminService([string]$Name, [string]$Tag) {\n"
"    if (Test-Path -LiteralPath (Get-NetminPath \"$Tag.none\")) { return }\n"
"    $svc = Get-Service -Name $Name\n"
"    if ($svc.Status -ne 'Stopped') { Stop-Service -Name $Name -Force }\n"
"}\n"
"function Set-NetminStartType([string]$Name, [string]$Tag, [string]$Word, [int]$Num) {\n"
"    if (Test-Path -LiteralPath (Get-NetminPath \"$Tag.none\")) { return }\n"
"    & sc.exe config $Name start= $Word | Out-Null\n"
"    if ($LASTEXITCODE -ne 0) { throw \"sc config $Name start= $Word failed ($LASTEXITCODE)\" }\n"
"}\n"
"function Save-NetminValue([string]$Key, [string]$Value, [string]$Tag) {\n"
"    $path = \"Registry::$Key\"\n"
"    if (-not (Test-Path -LiteralPath $path)) {\n"
"        Set-Content -LiteralPath (Get-NetminPath \"$Tag.nokey\") -Value $Key\n"
"        return\n"
"    }\n"
"    $k = Get-Item -LiteralPath $path\n"
"    if ($k.GetValueNames() -notcontains $Value) {\n"
"        Set-Content -LiteralPath (Get-NetminPath \"$Tag.absent\") -Value $Key\n"
"        return\n"
"    }\n"
"    [pscustomobject]@{ Key = $Key; Value = $Value; Kind = [string]$k.GetValueKind($Value);\n"
"        Data = $k.GetValue($Value, $null, 'DoNotExpandEnvironmentNames') } |\n"
"        Export-Clixml -LiteralPath (Get-NetminPath \"$Tag.xml\")\n"
"}\n"
"function Set-NetminValue([string]$Key, [string]$Value, [string]$Kind, $Data) {\n"
"    $path = \"Registry::$Key\"\n"
"    if (-not (Test-Path -LiteralPath $path)) { New-Item -Path $path | Out-Null }\n"
"    New-ItemProperty -LiteralPath $path -Name $Value -PropertyType $Kind -Value $Data -Force | Out-Null\n"
"}\n"
"function Remove-NetminValue([string]$Key, [string]$Value) {\n"
"    $path = \"Registry::$Key\"\n"
"    if ((Test-Path -LiteralPath $path) -and ((Get-Item -LiteralPath $path).GetValueNames() -contains $Value)) {\n"
"        Remove-ItemProperty -LiteralPath $path -Name $Value\n"
"    }\n"
"}\n"
"function Edit-NetminMulti([switch]$Add, [switch]$Remove, [string]$Key, [string]$Value, [string]$Item) {\n"
"    $path = \"Registry::$Key\"\n"
"    if (-not (Test-Path -LiteralPath $path)) { return }\n"
"    $k = Get-Item -LiteralPath $path\n"
"    if ($k.GetValueNames() -notcontains $Value) { return }\n"
"    $items = @($k.GetValue($Value))\n"
"    if ($Remove) { $new = @($items | Where-Object { $_ -ne $Item }) }\n"
"    elseif ($items -contains $Item) { return }\n"
"    else { $new = @($items) + $Item }\n"
"    New-ItemProperty -LiteralPath $path -Name $Value -PropertyType MultiString -Value ([string[]]$new) -Force | Out-Null\n"
"}\n"
"function Set-NetminPerAdapter([string]$Key, [string]$Like, [string]$Value, [string]$Kind, $Data, [string]$Tag) {\n"
"    $i = 0\n"
"    foreach ($sub in @(Get-ChildItem -LiteralPath \"Registry::$Key\" -ErrorAction SilentlyContinue | Where-Object { $_.PSChildName -like $Like })) {\n"
"        $i++\n"
"        Set-Content -LiteralPath (Get-NetminPath \"$($Tag)_$i.key\") -Value $sub.Name\n"
"        Save-NetminValue $sub.Name $Value \"$($Tag)_$i\"\n"
"        Set-NetminValue $sub.Name $Value $Kind $Data\n"
"    }\n"
"    if ($i -eq 0) { Write-Host \"netmin: no adapter keys under $Key; nothing to change\" }\n"
"}\n";

static const char rollback_lib[] =
"function Restore-NetminService([string]$Name, [string]$Tag) {\n"
"    $f = Get-NetminPath \"$Tag.start\"\n"
"    if (-not (Test-Path -LiteralPath $f)) { return }\n"
"    $num = [int](Get-Content -LiteralPath $f -TotalCount 1)\n"
"    $word = @('boot', 'system', 'auto', 'demand', 'disabled')[$num]\n"
"    & sc.exe config $Name start= $word | Out-Null\n"
"    if ($LASTEXITCODE -ne 0) {\n"
"        Set-ItemProperty -LiteralPath \"HKLM:\\SYSTEM\\CurrentControlSet\\Services\\$Name\" -Name Start -Value $num\n"
"    }\n"
"    if ((Test-Path -LiteralPath (Get-NetminPath \"$Tag.run\")) -and (Get-Service -Name $Name).Status -ne 'Running') {\n"
"        Start-Service -Name $Name\n"
"    }\n"
"}\n"
"function Restore-NetminValue([string]$Value, [string]$Tag) {\n"
"    $f = Get-NetminPath \"$Tag.nokey\"\n"
"    if (Test-Path -LiteralPath $f) {\n"
"        $key = Get-Content -LiteralPath $f -TotalCount 1\n"
"        if (Test-Path -LiteralPath \"Registry::$key\") { Remove-Item -LiteralPath \"Registry::$key\" -Recurse }\n"
"        return\n"
"    }\n"
"    $f = Get-NetminPath \"$Tag.absent\"\n"
"    if (Test-Path -LiteralPath $f) {\n"
"        $key = Get-Content -LiteralPath $f -TotalCount 1\n"
"        $path = \"Registry::$key\"\n"
"        if ((Test-Path -LiteralPath $path) -and ((Get-Item -LiteralPath $path).GetValueNames() -contains $Value)) {\n"
"            Remove-ItemProperty -LiteralPath $path -Name $Value\n"
"        }\n"
"        return\n"
"    }\n"
"    $f = Get-NetminPath \"$Tag.xml\"\n"
"    if (-not (Test-Path -LiteralPath $f)) { return }\n"
"    $v = Import-Clixml -LiteralPath $f\n"
"    $data = $v.Data\n"
"    if ($v.Kind -eq 'MultiString') { $data = [string[]]@($data) }\n"
"    New-ItemProperty -LiteralPath \"Registry::$($v.Key)\" -Name $v.Value -PropertyType $v.Kind -Value $data -Force | Out-Null\n"
"}\n"
"function Restore-NetminPerAdapter([string]$Value, [string]$Tag) {\n"
"    foreach ($f in @(Get-ChildItem -LiteralPath $State -Filter \"$($Tag)_*.key\")) {\n"
"        Restore-NetminValue $Value $f.BaseName\n"
"    }\n"
"}\n";

static void
prologue(struct nm_buf *b, const struct nm_plan *p, const char *what,
    const char *lib)
{
	nm_buf_printf(b, "# %s\n", what);
	nm_emit_header_lines(p, "#", b);
	nm_buf_puts(b,
	    "# Run elevated.  -State names the folder that keeps the values "
	    "read before\n"
	    "# each change (default: netmin-state next to this file).\n"
	    "[CmdletBinding()]\n"
	    "param([string]$State = (Join-Path $PSScriptRoot "
	    "'netmin-state'))\n");
	nm_buf_puts(b, common_lib);
	nm_buf_puts(b, lib);
}

int
nm_emit_ps1(const struct nm_plan *p, const char *rollback_name,
    struct nm_buf *script, struct nm_buf *rollback, struct nm_error *err)
{
	struct nm_buf ap = { 0 }, rb = { 0 }, reboot = { 0 };
	NM_VEC(char *) chunks = { 0 };
	size_t i, j;
	int rc = 0;

	prologue(&ap, p, "Apply script: closes the ports the plan closes.",
	    apply_lib);
	nm_buf_puts(&ap, "$Rollback = ");
	q(&ap, rollback_name);
	nm_buf_puts(&ap, "\n"
	    "if (Test-Path -LiteralPath (Get-NetminPath 'started')) {\n"
	    "    Write-Error \"netmin: $State holds values saved by an earlier "
	    "run; run $Rollback first, or give -State a new folder\"\n"
	    "    exit 1\n"
	    "}\n"
	    "New-Item -ItemType Directory -Force -Path $State | Out-Null\n"
	    "Set-Content -LiteralPath (Get-NetminPath 'started') -Value "
	    "'started'\n"
	    "$Step = 'the start'\n"
	    "try {\n");
	for (i = 0; i < p->steps.n && rc == 0; i++) {
		const struct nm_step *s = &p->steps.v[i];
		char sid[16];

		snprintf(sid, sizeof(sid), "%d", s->id);
		nm_buf_printf(&ap, "\n# --- step %d [%s]: ", s->id,
		    nm_phase_name(s->phase));
		nm_buf_printf(&ap, "%s\n$Step = ", s->title);
		nm_buf_printf(&ap, "'step %s (", sid);
		/* title inside the quoted string: double any quote */
		{
			const char *t;

			for (t = s->title; *t; t++) {
				if (*t == '\'')
					nm_buf_putc(&ap, '\'');
				nm_buf_putc(&ap, *t);
			}
		}
		nm_buf_puts(&ap, ")'\nWrite-Host \"netmin: $Step\"\n");
		if (s->reboot)
			nm_buf_printf(&reboot, "%s%d", reboot.len ? ", " : "",
			    s->id);
		for (j = 0; j < s->actions.n && rc == 0; j++) {
			const struct nm_action *a = &s->actions.v[j];
			struct nm_buf r = { 0 };
			char tag[32];

			snprintf(tag, sizeof(tag), "s%da%zu", s->id, j + 1);
			nm_buf_printf(&r, "\n# undo step %d action %zu\n$Step = "
			    "'step %d'\n", s->id, j + 1, s->id);
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
				emit_commands(a, &ap, &r);
				break;
			case NM_ACT_FILTER:
				nm_emit_filter_note(s, a, "# ", &ap);
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
		nm_buf_puts(&ap, "\nSet-Content -LiteralPath (Get-NetminPath "
		    "'applied') -Value 'applied'\n"
		    "} catch {\n"
		    "    Write-Error \"netmin: $Step failed: $_; later steps "
		    "were not run. Run $Rollback to put back what was "
		    "changed.\" -ErrorAction Continue\n"
		    "    exit 1\n"
		    "}\n"
		    "Write-Host \"netmin: every step applied; $Rollback puts it "
		    "all back.\"\n");
		if (reboot.len)
			nm_buf_printf(&ap, "Write-Host 'netmin: reboot for "
			    "step(s) %s to take effect.'\n", reboot.s);
		nm_buf_puts(&ap, "exit 0\n");

		prologue(&rb, p, "Rollback script: puts back every value the "
		    "apply script saved.", rollback_lib);
		nm_buf_puts(&rb,
		    "if (-not (Test-Path -LiteralPath (Get-NetminPath "
		    "'started'))) {\n"
		    "    Write-Host \"netmin: nothing saved in $State; nothing "
		    "to roll back.\"\n"
		    "    exit 0\n"
		    "}\n"
		    "$Step = 'the start'\n"
		    "try {\n");
		for (i = chunks.n; i > 0; i--)
			nm_buf_puts(&rb, chunks.v[i - 1]);
		nm_buf_puts(&rb, "} catch {\n"
		    "    Write-Error \"netmin: rolling back $Step failed: $_; "
		    "the saved values are still in $State.\" -ErrorAction "
		    "Continue\n"
		    "    exit 1\n"
		    "}\n"
		    "Remove-Item -LiteralPath $State -Recurse\n"
		    "Write-Host 'netmin: rolled back.'\n");
		if (reboot.len)
			nm_buf_printf(&rb, "Write-Host 'netmin: reboot for "
			    "step(s) %s to be undone fully.'\n", reboot.s);
		nm_buf_puts(&rb, "exit 0\n");
		nm_buf_add(script, ap.s, ap.len);
		nm_buf_add(rollback, rb.s, rb.len);
	}
	for (i = 0; i < chunks.n; i++)
		free(chunks.v[i]);
	NM_VEC_FREE(&chunks);
	nm_buf_free(&ap);
	nm_buf_free(&rb);
	nm_buf_free(&reboot);
	return rc;
}

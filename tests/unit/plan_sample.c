/* plan_sample.c - plans built by hand for reader and emitter tests. */
#include <string.h>

#include "plan_sample.h"

static void
ep(struct nm_plan *p, struct nm_endpoint *e, int proto, const char *addr,
    int port, int pid, const char *proc)
{
	memset(e, 0, sizeof(*e));
	e->proto = (uint8_t)proto;
	e->family = strchr(addr, ':') ? NM_INET6 : NM_INET;
	e->state = proto == NM_TCP ? NM_ST_LISTEN : NM_ST_UNCONN;
	nm_strlcpy(e->laddr, addr, sizeof(e->laddr));
	e->lport = port;
	e->rport = -1;
	e->exposure = (uint8_t)nm_addr_exposure(e->family, addr);
	if (pid >= 0) {
		e->owners = nm_aalloc(&p->arena, sizeof(*e->owners));
		e->owners[0].pid = pid;
		e->owners[0].process = proc;
		e->nowners = 1;
	}
}

void
sample_windows_plan(struct nm_plan *p)
{
	struct nm_step *s;
	struct nm_action *a;

	nm_plan_init(p);
	p->os = "windows-2000";
	p->os_reason = "--os";
	nm_plan_strv_add(p, &p->sources, &p->nsources, "file:w2k.txt");
	ep(p, NM_VEC_PUSH(&p->before), NM_TCP, "0.0.0.0", 80, 1100,
	    "inetinfo.exe");
	ep(p, NM_VEC_PUSH(&p->before), NM_TCP, "0.0.0.0", 135, -1, NULL);

	s = nm_plan_add_step(p, NM_PHASE_SERVICES, "Stop IIS (iisadmin)");
	s->why = "web and SMTP are not needed";
	nm_plan_strv_add(p, &s->kbs, &s->nkbs, "windows/iisadmin");
	a = nm_step_add_action(p, s, NM_ACT_SERVICE);
	a->service = "IISADMIN";
	a->target = "IISADMIN";
	a->change = "stopped, disabled";
	a->start = "disabled";
	a->stop = true;
	nm_plan_strv_add(p, &a->dependants, &a->ndependants, "W3SVC");
	nm_plan_strv_add(p, &a->dependants, &a->ndependants, "SMTPSVC");
	nm_plan_strv_add(p, &a->commands, &a->ncommands, "net stop iisadmin /y");
	nm_plan_strv_add(p, &a->commands, &a->ncommands,
	    "sc config iisadmin start= disabled");
	nm_plan_strv_add(p, &a->undo, &a->nundo, "sc config iisadmin start= auto");
	nm_action_add_read(p, a, "service", "IISADMIN", NULL);
	a->prior = "auto";
	a->prior_assumed = true;
	ep(p, NM_VEC_PUSH(&s->closes), NM_TCP, "0.0.0.0", 80, 1100,
	    "inetinfo.exe");
	ep(p, NM_VEC_PUSH(&s->after), NM_TCP, "0.0.0.0", 135, -1, NULL);

	s = nm_plan_add_step(p, NM_PHASE_NETBIOS_SMB, "NetBIOS and SMB off");
	s->reboot = true;
	a = nm_step_add_action(p, s, NM_ACT_NETBIOS);
	a->reg_op = NM_REG_SET;
	a->key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces";
	a->subkeys = "Tcpip_*";
	a->value = "NetbiosOptions";
	a->type = "REG_DWORD";
	a->data = "2";
	a->target = a->key;
	a = nm_step_add_action(p, s, NM_ACT_REGISTRY);
	a->reg_op = NM_REG_SET;
	a->key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters";
	a->value = "SMBDeviceEnabled";
	a->type = "REG_DWORD";
	a->data = "0";
	a->reboot = true;
	a = nm_step_add_action(p, s, NM_ACT_REGISTRY);
	a->reg_op = NM_REG_SET;
	a->key = "HKLM\\SOFTWARE\\NetminTest\\Policy";
	a->value = "EnableMulticast";
	a->type = "REG_DWORD";
	a->data = "0";

	s = nm_plan_add_step(p, NM_PHASE_RPC_DCOM, "DCOM without TCP");
	s->reboot = true;
	a = nm_step_add_action(p, s, NM_ACT_REGISTRY);
	a->mode = NM_MODE_NARROW;
	a->reg_op = NM_REG_MULTI_REMOVE;
	a->key = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
	a->value = "DCOM Protocols";
	a->type = "REG_MULTI_SZ";
	a->data = "ncacn_ip_tcp";
	a->reboot = true;
	a = nm_step_add_action(p, s, NM_ACT_REGISTRY);
	a->mode = NM_MODE_NARROW;
	a->reg_op = NM_REG_SET;
	a->key = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rpc\\Linkage";
	a->value = "Bind";
	a->type = "REG_MULTI_SZ";
	a->data = "0";
	nm_plan_note(p, "sample plan");
}

void
sample_linux_plan(struct nm_plan *p)
{
	struct nm_step *s;
	struct nm_action *a;
	struct nm_altcmds *alt;

	nm_plan_init(p);
	p->os = "linux";
	s = nm_plan_add_step(p, NM_PHASE_SERVICES, "Stop avahi-daemon");
	a = nm_step_add_action(p, s, NM_ACT_UNIT);
	a->unit_op = NM_UNIT_DISABLE;
	nm_plan_strv_add(p, &a->units, &a->nunits, "avahi-daemon.socket");
	nm_plan_strv_add(p, &a->units, &a->nunits, "avahi-daemon.service");
	a->target = "avahi-daemon.socket";
	alt = nm_action_add_alt(p, a, "runit", "avahi");
	nm_plan_strv_add(p, &alt->commands, &alt->ncommands, "sv down avahi");
	s = nm_plan_add_step(p, NM_PHASE_SERVICES, "Mask rpcbind");
	a = nm_step_add_action(p, s, NM_ACT_UNIT);
	a->unit_op = NM_UNIT_MASK;
	nm_plan_strv_add(p, &a->units, &a->nunits, "rpcbind.socket");
	nm_plan_strv_add(p, &a->units, &a->nunits, "rpcbind.service");
	s = nm_plan_add_step(p, NM_PHASE_RESIDUE, "LLMNR off");
	a = nm_step_add_action(p, s, NM_ACT_CONFIG);
	a->mode = NM_MODE_NARROW;
	a->cfg_format = NM_CFG_DROPIN;
	a->path = "/etc/systemd/resolved.conf.d/netmin.conf";
	a->section = "[Resolve]";
	nm_plan_strv_add(p, &a->settings, &a->nsettings, "LLMNR=no");
	nm_plan_strv_add(p, &a->settings, &a->nsettings, "MulticastDNS=no");
	a->reload = "systemd-resolved.service";
	a = nm_step_add_action(p, s, NM_ACT_CONFIG);
	a->mode = NM_MODE_NARROW;
	a->cfg_format = NM_CFG_KEYVALUE;
	a->path = "/etc/ssh/sshd_config";
	a->sep = " ";
	nm_plan_strv_add(p, &a->settings, &a->nsettings,
	    "ListenAddress=127.0.0.1");
	nm_plan_strv_add(p, &a->settings, &a->nsettings, "ListenAddress=::1");
	a->reload = "ssh.service";
}

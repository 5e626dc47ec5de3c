/*
 * names.c - the text form of the model's enums, as JSON and tables show it.
 */
#include <string.h>

#include "netmin.h"

static const char *const state_names[NM_ST__COUNT] = {
	[NM_ST_UNKNOWN] = "unknown",
	[NM_ST_LISTEN] = "listen",
	[NM_ST_UNCONN] = "unconn",
	[NM_ST_ESTABLISHED] = "established",
	[NM_ST_SYN_SENT] = "syn-sent",
	[NM_ST_SYN_RECV] = "syn-recv",
	[NM_ST_FIN_WAIT1] = "fin-wait-1",
	[NM_ST_FIN_WAIT2] = "fin-wait-2",
	[NM_ST_TIME_WAIT] = "time-wait",
	[NM_ST_CLOSE] = "close",
	[NM_ST_CLOSE_WAIT] = "close-wait",
	[NM_ST_LAST_ACK] = "last-ack",
	[NM_ST_CLOSING] = "closing",
	[NM_ST_BOUND] = "bound",
	[NM_ST_DELETE_TCB] = "delete-tcb",
};

const char *
nm_proto_name(int p)
{
	switch (p) {
	case NM_TCP:
		return "tcp";
	case NM_UDP:
		return "udp";
	case NM_RAW:
		return "raw";
	}
	return "?";
}

const char *
nm_family_name(int f)
{
	return f == NM_INET6 ? "ipv6" : "ipv4";
}

const char *
nm_state_name(int s)
{
	if (s < 0 || s >= NM_ST__COUNT)
		s = NM_ST_UNKNOWN;
	return state_names[s];
}

int
nm_state_from_name(const char *name)
{
	int i;

	for (i = 0; i < NM_ST__COUNT; i++)
		if (strcmp(state_names[i], name) == 0)
			return i;
	return -1;
}

const char *
nm_exposure_name(int e)
{
	switch (e) {
	case NM_EXP_ALL:
		return "all";
	case NM_EXP_LOOPBACK:
		return "loopback";
	}
	return "address";
}

const char *
nm_confidence_name(int c)
{
	switch (c) {
	case NM_CONF_LOW:
		return "low";
	case NM_CONF_MEDIUM:
		return "medium";
	case NM_CONF_HIGH:
		return "high";
	}
	return "none";
}

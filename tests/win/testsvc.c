/*
 * testsvc.c - a Win32 service of netmin's own for the wine tests: it
 * listens on TCP and UDP 0.0.0.0:PORT (its first argument; 4780 when
 * none) from SERVICE_RUNNING until the service control manager stops it,
 * so a test can see a service's port open and close.
 *
 *   sc create NetminTestSvc binpath= "Z:\...\testsvc.exe 4780"
 *   testsvc.exe PORT [NAME [nostop]]   (as the service's command line)
 *
 * "nostop" makes a service that refuses stop requests (some Windows
 * services do), for a failure in the middle of an apply.
 *
 * It also installs itself through CreateServiceW, since wine's sc has no
 * depend= (exit 0 when created):
 *
 *   testsvc.exe --install NAME START PORT [nostop] [DEPENDENCY...]
 *
 * START is auto, demand or disabled; the service runs this same file as
 * "PORT NAME [nostop]".
 */
#include <winsock2.h>
#include <windows.h>

#include <stdlib.h>
#include <wchar.h>

static SERVICE_STATUS_HANDLE handle;
static SERVICE_STATUS status;
static HANDLE stop_event;
static unsigned short port = 4780;
static wchar_t name[256] = L"NetminTestSvc";
static BOOL nostop;

static void
report(DWORD state, DWORD code)
{
	status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
	status.dwCurrentState = state;
	status.dwWin32ExitCode = code;
	status.dwControlsAccepted = state == SERVICE_RUNNING && !nostop ?
	    SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
	SetServiceStatus(handle, &status);
}

static DWORD WINAPI
control(DWORD code, DWORD type, LPVOID data, LPVOID ctx)
{
	(void)type;
	(void)data;
	(void)ctx;
	if (code == SERVICE_CONTROL_STOP && nostop)
		return ERROR_CALL_NOT_IMPLEMENTED;	/* whatever the SCM says */
	if (code == SERVICE_CONTROL_STOP || code == SERVICE_CONTROL_SHUTDOWN) {
		report(SERVICE_STOP_PENDING, NO_ERROR);
		SetEvent(stop_event);
	}
	return NO_ERROR;
}

static void WINAPI
service_main(DWORD argc, LPWSTR *argv)
{
	struct sockaddr_in a;
	SOCKET t, u;
	WSADATA w;

	(void)argc;
	(void)argv;
	handle = RegisterServiceCtrlHandlerExW(name, control, NULL);
	if (handle == NULL)
		return;
	report(SERVICE_START_PENDING, NO_ERROR);
	stop_event = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (WSAStartup(MAKEWORD(2, 2), &w) != 0) {
		report(SERVICE_STOPPED, ERROR_NETWORK_UNREACHABLE);
		return;
	}
	t = socket(AF_INET, SOCK_STREAM, 0);
	u = socket(AF_INET, SOCK_DGRAM, 0);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	a.sin_port = htons(port);
	if (t == INVALID_SOCKET || u == INVALID_SOCKET ||
	    bind(t, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(t, 5) != 0 ||
	    bind(u, (struct sockaddr *)&a, sizeof(a)) != 0) {
		report(SERVICE_STOPPED, ERROR_ADDRESS_ALREADY_ASSOCIATED);
		return;
	}
	report(SERVICE_RUNNING, NO_ERROR);
	WaitForSingleObject(stop_event, INFINITE);
	closesocket(t);
	closesocket(u);
	WSACleanup();
	report(SERVICE_STOPPED, NO_ERROR);
}

static int
install(int argc, wchar_t **argv)
{
	wchar_t self[MAX_PATH], cmd[MAX_PATH + 300], deps[1024];
	DWORD start, off = 0;
	SC_HANDLE scm, h;
	int i = 5;
	BOOL ns = FALSE;

	if (argc < 5)
		return 2;
	if (wcscmp(argv[3], L"auto") == 0)
		start = SERVICE_AUTO_START;
	else if (wcscmp(argv[3], L"demand") == 0)
		start = SERVICE_DEMAND_START;
	else if (wcscmp(argv[3], L"disabled") == 0)
		start = SERVICE_DISABLED;
	else
		return 2;
	if (argc > 5 && wcscmp(argv[5], L"nostop") == 0) {
		ns = TRUE;
		i++;
	}
	memset(deps, 0, sizeof(deps));
	for (; i < argc; i++) {
		size_t n = wcslen(argv[i]) + 1;

		if (off + n + 1 >= sizeof(deps) / sizeof(deps[0]))
			return 2;
		memcpy(deps + off, argv[i], n * sizeof(wchar_t));
		off += (DWORD)n;
	}
	if (GetModuleFileNameW(NULL, self, MAX_PATH) == 0)
		return 3;
	if (wcslen(argv[2]) + wcslen(argv[4]) > 256)
		return 2;
	/* "SELF" PORT NAME [nostop] */
	wcscpy(cmd, L"\"");
	wcscat(cmd, self);
	wcscat(cmd, L"\" ");
	wcscat(cmd, argv[4]);
	wcscat(cmd, L" ");
	wcscat(cmd, argv[2]);
	if (ns)
		wcscat(cmd, L" nostop");
	scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CREATE_SERVICE);
	if (scm == NULL)
		return 3;
	h = CreateServiceW(scm, argv[2], argv[2], SERVICE_ALL_ACCESS,
	    SERVICE_WIN32_OWN_PROCESS, start, SERVICE_ERROR_NORMAL, cmd, NULL,
	    NULL, off ? deps : NULL, NULL, NULL);
	if (h == NULL)
		return 4;
	CloseServiceHandle(h);
	CloseServiceHandle(scm);
	return 0;
}

int	 wmain(int, wchar_t **);

int
wmain(int argc, wchar_t **argv)
{
	SERVICE_TABLE_ENTRYW table[] = {
		{ name, service_main },
		{ NULL, NULL }
	};

	if (argc > 1 && wcscmp(argv[1], L"--install") == 0)
		return install(argc, argv);
	if (argc > 1)
		port = (unsigned short)wcstoul(argv[1], NULL, 10);
	if (argc > 2) {
		wcsncpy(name, argv[2], sizeof(name) / sizeof(name[0]) - 1);
		name[sizeof(name) / sizeof(name[0]) - 1] = 0;
	}
	if (argc > 3 && wcscmp(argv[3], L"nostop") == 0)
		nostop = TRUE;
	return StartServiceCtrlDispatcherW(table) ? 0 : 1;
}

/*
 * testsvc.c - a Win32 service of netmin's own for the wine tests: it
 * listens on TCP and UDP 0.0.0.0:PORT (its first argument; 4780 when
 * none) from SERVICE_RUNNING until the service control manager stops it,
 * so a test can see a service's port open and close.
 *
 *   sc create NetminTestSvc binpath= "Z:\...\testsvc.exe 4780"
 */
#include <winsock2.h>
#include <windows.h>

#include <stdlib.h>

static SERVICE_STATUS_HANDLE handle;
static SERVICE_STATUS status;
static HANDLE stop_event;
static unsigned short port = 4780;

static void
report(DWORD state, DWORD code)
{
	status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
	status.dwCurrentState = state;
	status.dwWin32ExitCode = code;
	status.dwControlsAccepted = state == SERVICE_RUNNING ?
	    SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
	SetServiceStatus(handle, &status);
}

static DWORD WINAPI
control(DWORD code, DWORD type, LPVOID data, LPVOID ctx)
{
	(void)type;
	(void)data;
	(void)ctx;
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
	handle = RegisterServiceCtrlHandlerExW(L"NetminTestSvc", control,
	    NULL);
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

int	 wmain(int, wchar_t **);

int
wmain(int argc, wchar_t **argv)
{
	SERVICE_TABLE_ENTRYW table[] = {
		{ L"NetminTestSvc", service_main },
		{ NULL, NULL }
	};

	if (argc > 1)
		port = (unsigned short)wcstoul(argv[1], NULL, 10);
	return StartServiceCtrlDispatcherW(table) ? 0 : 1;
}

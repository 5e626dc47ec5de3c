/*
 * holdsock.c - benchmark helper: opens N sockets (TCP listeners and bound
 * UDP, IPv4 on 127.0.0.0/8 and IPv6 on ::1), says "ready" on stdout, and
 * holds them until killed.  Not part of netmin.
 *
 *   holdsock COUNT FIRST_INDEX
 *
 * Socket i (counting from FIRST_INDEX) is TCP when i is even, UDP when
 * odd; every eighth one is IPv6; ports and 127.x addresses are derived
 * from i so several holders never collide.
 */
#include <sys/resource.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	long n, first, i;
	struct rlimit rl;

	if (argc != 3)
		return 2;
	n = atol(argv[1]);
	first = atol(argv[2]);
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	for (i = first; i < first + n; i++) {
		int tcp = i % 2 == 0, v6 = i % 8 == 1 || i % 8 == 2;
		int port = 1024 + (int)((i / 2) % 60000);
		int fd = socket(v6 ? AF_INET6 : AF_INET, tcp ? SOCK_STREAM :
		    SOCK_DGRAM, 0);
		int one = 1;

		if (fd < 0) {
			perror("socket");
			return 1;
		}
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (v6) {
			struct sockaddr_in6 a = { .sin6_family = AF_INET6,
			    .sin6_port = htons((unsigned short)port) };

			/* distinct ::1-only ports: above the v4 range */
			a.sin6_addr = in6addr_loopback;
			a.sin6_port = htons((unsigned short)(port));
			if (bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
				perror("bind6");
				return 1;
			}
		} else {
			struct sockaddr_in a = { .sin_family = AF_INET,
			    .sin_port = htons((unsigned short)port) };

			a.sin_addr.s_addr = htonl(0x7f000001u +
			    (unsigned)(i / 120000) * 256u);
			if (bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
				perror("bind");
				return 1;
			}
		}
		if (tcp && listen(fd, 1) != 0) {
			perror("listen");
			return 1;
		}
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}

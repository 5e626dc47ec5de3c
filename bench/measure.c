/*
 * measure.c - benchmark helper: runs a command RUNS times with stdout on
 * /dev/null and prints one line per run: wall milliseconds, peak RSS in
 * KiB, exit status and CPU milliseconds (user + system, every thread;
 * from wait4's rusage).  Not part of netmin.
 *
 *   measure RUNS COMMAND [ARG...]
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	int runs, r;

	if (argc < 3)
		return 2;
	runs = atoi(argv[1]);
	for (r = 0; r < runs; r++) {
		struct timespec t0, t1;
		struct rusage ru;
		int st;
		pid_t pid;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if ((pid = fork()) == 0) {
			int fd = open("/dev/null", O_WRONLY);

			dup2(fd, 1);
			dup2(fd, 2);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		if (pid < 0 || wait4(pid, &st, 0, &ru) < 0)
			return 1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		printf("%.2f %ld %d %.2f\n", (double)(t1.tv_sec - t0.tv_sec) *
		    1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6, ru.ru_maxrss,
		    WIFEXITED(st) ? WEXITSTATUS(st) : 128,
		    (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3);
	}
	return 0;
}

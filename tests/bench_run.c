/* bench_run: runs a command with its output sent to /dev/null and prints its wall time,
 * peak resident memory and CPU time (user + system, which a busy machine distorts less
 * than wall time): `bench_run [-i INPUT] CMD ARG...` (INPUT on standard input).
 * Used by tests/bench.sh so no GNU time is needed. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int first = 1;
    const char *input = NULL;
    if (argc > 2 && strcmp(argv[1], "-i") == 0) {
        input = argv[2];
        first = 3;
    }
    if (first >= argc) {
        fputs("usage: bench_run [-i INPUT] CMD ARG...\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench_run: fork");
        return 2;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, STDOUT_FILENO);
        if (input) {
            int in = open(input, O_RDONLY);
            if (in < 0) {
                perror(input);
                _exit(127);
            }
            dup2(in, STDIN_FILENO);
        }
        execvp(argv[first], argv + first);
        perror(argv[first]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("bench_run: wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    /* wall seconds, peak RSS in KiB, CPU seconds: callers read the first fields they need */
    printf("%.3f %ld %.3f\n", secs, ru.ru_maxrss, cpu);
    return WIFEXITED(status) && WEXITSTATUS(status) < 2 ? 0 : 1;
}

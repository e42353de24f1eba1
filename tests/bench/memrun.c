// tests/bench/memrun.c -- runs one command for scripts/bench.py and reports
// the command's own peak resident memory and wall time.
//
// Linux counts into a process's ru_maxrss the memory of the process it was
// forked from, up to its exec: forked straight from python3, every small
// workload looked like 15 MiB. Forked from this small program instead, the
// floor is this program's own size (well under a MiB), and wait4 reports
// the exact peak however short it was (no sampling).
//
// usage: memrun FD COMMAND [ARG...]
// Runs COMMAND with stdin, stdout and stderr inherited, then writes
// "<peak RSS in KiB> <wall seconds>\n" to file descriptor FD and exits with
// COMMAND's exit status (128 + the signal number if a signal ended it;
// 127 if it could not be started).
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: memrun FD COMMAND [ARG...]\n");
    return 2;
  }
  int fd = atoi(argv[1]);
  // The command must not inherit the report pipe.
  if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
    perror("memrun: report fd");
    return 2;
  }
  double start = now();
  pid_t pid = fork();
  if (pid < 0) {
    perror("memrun: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    fprintf(stderr, "memrun: cannot run %s: %s\n", argv[2], strerror(errno));
    _exit(127);
  }
  int status;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      perror("memrun: wait4");
      return 2;
    }
  }
  double elapsed = now() - start;
  dprintf(fd, "%ld %.9f\n", ru.ru_maxrss, elapsed);
  close(fd);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

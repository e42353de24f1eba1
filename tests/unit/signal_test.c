// tests/unit/signal_test.c -- Ctrl-C end to end: runs the aw binary built
// beside this program (../aw from this program's folder, or $AW) with
// `aw -c CODE`, waits for the script to print "ready", sends SIGINT and
// checks stdout, the last stderr line and the exit status (130 after a
// KeyboardInterrupt, SPEC §5 and §7). Also the CLI flags that only a
// process shows: --virtual-time. Ends with one line "N passed, N failed";
// exits 1 on failure.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int passed, failed;
static char aw_path[PATH_MAX];

#define CHECK(cond, ...)                          \
  do {                                            \
    if (cond) {                                   \
      passed++;                                   \
    } else {                                      \
      failed++;                                   \
      printf("FAIL %s:%d: ", __FILE__, __LINE__); \
      printf(__VA_ARGS__);                        \
      printf("\n");                               \
    }                                             \
  } while (0)

typedef struct {
  char out[4096], err[8192];
  size_t nout, nerr;
  int status;  // exit code, or 128 + signal
} Result;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

// Reads what is available from [fd] into [buf]; false at EOF.
static bool drain(int fd, char *buf, size_t cap, size_t *n) {
  if (*n + 1 >= cap) return false;
  ssize_t k = read(fd, buf + *n, cap - 1 - *n);
  if (k <= 0) return k < 0 && errno == EINTR;
  *n += (size_t)k;
  buf[*n] = 0;
  return true;
}

// Runs `aw -c code`; sends SIGINT [nsig] times: once stdout holds
// "ready" (and then again each time a further "ready" shows).
static void run_opt(Result *r, const char *opt, const char *code, int nsig) {
  memset(r, 0, sizeof *r);
  int po[2], pe[2];
  if (pipe(po) || pipe(pe)) abort();
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGINT, SIG_DFL);  // an inherited SIG_IGN would be kept by aw
    dup2(po[1], 1);
    dup2(pe[1], 2);
    close(po[0]);
    close(pe[0]);
    if (opt) execl(aw_path, aw_path, opt, "-c", code, (char *)NULL);
    else execl(aw_path, aw_path, "-c", code, (char *)NULL);
    _exit(127);
  }
  close(po[1]);
  close(pe[1]);
  int sent = 0;
  bool out_open = true, err_open = true;
  double deadline = now() + 20;
  while ((out_open || err_open) && now() < deadline) {
    struct pollfd fds[2] = {{out_open ? po[0] : -1, POLLIN, 0}, {err_open ? pe[0] : -1, POLLIN, 0}};
    if (poll(fds, 2, 100) < 0 && errno != EINTR) break;
    if (fds[0].revents) out_open = drain(po[0], r->out, sizeof r->out, &r->nout);
    if (fds[1].revents) err_open = drain(pe[0], r->err, sizeof r->err, &r->nerr);
    int readies = 0;
    for (const char *p = r->out; (p = strstr(p, "ready")); p += 5) readies++;
    if (sent < nsig && readies > sent) {
      usleep(50 * 1000);  // let it block in its wait
      kill(pid, SIGINT);
      sent++;
    }
  }
  if (out_open || err_open) kill(pid, SIGKILL);
  int st = 0;
  waitpid(pid, &st, 0);
  r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  close(po[0]);
  close(pe[0]);
}

static void run(Result *r, const char *code, int nsig) { run_opt(r, NULL, code, nsig); }

static const char *last_line(const char *s, char *buf, size_t cap) {
  const char *end = s + strlen(s);
  while (end > s && end[-1] == '\n') end--;
  const char *start = end;
  while (start > s && start[-1] != '\n') start--;
  size_t n = (size_t)(end - start) < cap - 1 ? (size_t)(end - start) : cap - 1;
  memcpy(buf, start, n);
  buf[n] = 0;
  return buf;
}

static void expect(const char *what, const char *code, int nsig, const char *out, int status, const char *last) {
  Result r;
  char buf[256];
  run(&r, code, nsig);
  CHECK(!strcmp(r.out, out), "%s: stdout %s", what, r.out);
  CHECK(r.status == status, "%s: exit status %d, expected %d; stderr: %s", what, r.status, status, r.err);
  CHECK(!strcmp(last_line(r.err, buf, sizeof buf), last), "%s: last stderr line '%s', expected '%s'", what, buf, last);
}

int main(int argc, char **argv) {
  (void)argc;
  const char *env = getenv("AW");
  if (env) {
    snprintf(aw_path, sizeof aw_path, "%s", env);
  } else {
    // build/<mode>/unit/signal_test -> build/<mode>/aw
    snprintf(aw_path, sizeof aw_path, "%s", argv[0]);
    char *slash = strrchr(aw_path, '/');
    if (slash) *slash = 0;
    else snprintf(aw_path, sizeof aw_path, ".");
    size_t n = strlen(aw_path);
    snprintf(aw_path + n, sizeof aw_path - n, "/../aw");
  }
  if (access(aw_path, X_OK) != 0) {
    printf("FAIL signal_test: no aw binary at %s\n", aw_path);
    printf("signal_test: 0 passed, 1 failed\n");
    return 1;
  }

  expect("asyncio.run: the main task is cancelled, finally runs, KeyboardInterrupt",
         "import asyncio\n"
         "async def main():\n"
         "    try:\n"
         "        print('ready', flush=True)\n"
         "        await asyncio.sleep(100)\n"
         "    finally:\n"
         "        print('finally', flush=True)\n"
         "asyncio.run(main())\n"
         "print('not reached')\n",
         1, "ready\nfinally\n", 130, "KeyboardInterrupt");

  expect("other tasks are cancelled too, their finally blocks run",
         "import asyncio\n"
         "async def child():\n"
         "    try:\n"
         "        await asyncio.sleep(100)\n"
         "    finally:\n"
         "        print('child finally', flush=True)\n"
         "async def main():\n"
         "    t = asyncio.create_task(child())\n"
         "    await asyncio.sleep(0)\n"
         "    print('ready', flush=True)\n"
         "    await t\n"
         "asyncio.run(main())\n",
         1, "ready\nchild finally\n", 130, "KeyboardInterrupt");

  expect("a main task that swallows the cancellation returns normally (as CPython)",
         "import asyncio\n"
         "async def main():\n"
         "    try:\n"
         "        print('ready', flush=True)\n"
         "        await asyncio.sleep(100)\n"
         "    except asyncio.CancelledError:\n"
         "        print('cancelled', flush=True)\n"
         "    return 5\n"
         "print(asyncio.run(main()))\n",
         1, "ready\ncancelled\n5\n", 0, "");

  expect("a second Ctrl-C interrupts a finally block that waits",
         "import asyncio\n"
         "async def main():\n"
         "    try:\n"
         "        print('ready', flush=True)\n"
         "        await asyncio.sleep(100)\n"
         "    finally:\n"
         "        print('ready again', flush=True)\n"
         "        await asyncio.sleep(100)\n"
         "asyncio.run(main())\n",
         2, "ready\nready again\n", 130, "KeyboardInterrupt");

  expect("top-level await runs as the main task",
         "import asyncio\n"
         "try:\n"
         "    print('ready', flush=True)\n"
         "    await asyncio.sleep(100)\n"
         "finally:\n"
         "    print('finally', flush=True)\n",
         1, "ready\nfinally\n", 130, "KeyboardInterrupt");

  expect("outside the loop: a busy loop gets KeyboardInterrupt",
         "print('ready', flush=True)\n"
         "try:\n"
         "    while True:\n"
         "        pass\n"
         "finally:\n"
         "    print('finally', flush=True)\n",
         1, "ready\nfinally\n", 130, "KeyboardInterrupt");

  // (time.sleep returns early on Ctrl-C and the interpreter raises at its
  // next safepoint, here the loop's backward jump.)
  expect("outside the loop: time.sleep is interrupted",
         "import time\n"
         "print('ready', flush=True)\n"
         "while True:\n"
         "    time.sleep(100)\n",
         1, "ready\n", 130, "KeyboardInterrupt");

  expect("KeyboardInterrupt can be caught",
         "import time\n"
         "try:\n"
         "    print('ready', flush=True)\n"
         "    while True:\n"
         "        time.sleep(100)\n"
         "except KeyboardInterrupt:\n"
         "    print('caught', flush=True)\n",
         1, "ready\ncaught\n", 0, "");

  expect("after asyncio.run, Ctrl-C still raises KeyboardInterrupt",
         "import asyncio, time\n"
         "async def main():\n"
         "    await asyncio.sleep(0)\n"
         "asyncio.run(main())\n"
         "print('ready', flush=True)\n"
         "while True:\n"
         "    time.sleep(100)\n",
         1, "ready\n", 130, "KeyboardInterrupt");

  // aw --virtual-time: an hour of sleeps in no time, same output.
  Result r;
  double t0 = now();
  run_opt(&r, "--virtual-time",
          "import asyncio\n"
          "async def main():\n"
          "    for i in range(3):\n"
          "        await asyncio.sleep(3600)\n"
          "        print(i)\n"
          "asyncio.run(main())\n",
          0);
  CHECK(!strcmp(r.out, "0\n1\n2\n") && r.status == 0, "--virtual-time: status %d stdout %s stderr %s", r.status, r.out,
        r.err);
  CHECK(now() - t0 < 10, "--virtual-time took %.1f s", now() - t0);

  printf("signal_test: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

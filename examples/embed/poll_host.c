// examples/embed/poll_host.c -- a host that owns its event loop: one poll()
// over its own fd (a pipe fed by a producer thread) and aw's backend fd,
// with aw's next timeout, then one aw_step. This is how a GUI, game or
// server loop embeds aw without handing its thread over.
#define _POSIX_C_SOURCE 200809L  // nanosleep
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "aw.h"

static int pipe_fds[2];
static char lines[8][64];   // received, not yet taken by the script
static int nlines;
static AwRef *waiter;       // the future of a pending host.recv()

// The outside world: three messages, 10 ms apart.
static void *producer(void *arg) {
  (void)arg;
  const char *msgs[] = {"hello\n", "world\n", "quit\n"};
  for (int i = 0; i < 3; i++) {
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
    if (write(pipe_fds[1], msgs[i], strlen(msgs[i])) < 0) break;
  }
  return NULL;
}

// Gives the oldest line to the waiting future, if both exist.
static void deliver(AwVM *vm) {
  if (!waiter || !nlines) return;
  aw_ensure_slots(vm, 1);
  aw_set_slot_str(vm, 0, lines[0], strlen(lines[0]));
  aw_resolve(vm, waiter, 0);
  waiter = NULL;
  memmove(lines[0], lines[1], sizeof lines[0] * (size_t)--nlines);
}

// host.recv() -> awaitable str
static void host_recv(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  if (waiter) {
    aw_throw(vm, "RuntimeError", "recv() already waiting");
    return;
  }
  waiter = aw_set_slot_new_future(vm, 0);
  deliver(vm);
}

static void read_pipe(AwVM *vm) {
  char buf[256];
  ssize_t n = read(pipe_fds[0], buf, sizeof buf - 1);
  if (n <= 0) return;
  buf[n] = 0;
  for (char *line = strtok(buf, "\n"); line && nlines < 8; line = strtok(NULL, "\n"))
    snprintf(lines[nlines++], sizeof lines[0], "%s", line);
  deliver(vm);
}

int main(void) {
  AwVM *vm = aw_new_vm(NULL);
  if (!vm || pipe(pipe_fds) != 0) return 1;
  aw_def_fn(vm, "host", "recv", 0, host_recv, NULL);
  if (aw_run_file(vm, "poll_host.aw") != AW_OK) return 1;
  aw_ensure_slots(vm, 1);
  aw_get_var(vm, "__main__", "main", 0);
  AwRef *task = aw_spawn(vm, 0);
  pthread_t thread;
  pthread_create(&thread, NULL, producer, NULL);

  // The host's loop: wait on everything at once, then let each side work.
  while (task && !aw_done(vm, task)) {
    struct pollfd fds[2] = {{pipe_fds[0], POLLIN, 0}, {aw_backend_fd(vm), POLLIN, 0}};
    poll(fds, 2, aw_timeout(vm));
    if (fds[0].revents & POLLIN) read_pipe(vm);
    if (aw_step(vm, 0) != AW_OK) break;
  }
  pthread_join(thread, NULL);
  if (aw_result(vm, task) == AW_OK) printf("main() returned %s\n", aw_get_slot_str(vm, 0, NULL));
  else printf("main() failed: %s\n", aw_error_message(vm));
  aw_release_ref(vm, task);
  aw_free_vm(vm);
  return 0;
}

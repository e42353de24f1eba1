// examples/embed/async_native.c -- a native async function. store.fetch()
// returns a future at once; the host completes it later from its own timer
// list (a host-side "network"), and drives aw's event loop in between.
#define _POSIX_C_SOURCE 200809L  // clock_gettime
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "aw.h"

typedef struct {
  double due;        // host clock, seconds
  AwRef *future;     // what fetch() returned to the script
  const char *key;
} Pending;

static Pending pending[16];
static int npending;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const struct { const char *key; int delay_ms; int value; } table[] = {
  {"fast", 10, 1}, {"nope", 20, -1}, {"medium", 30, 2}, {"slow", 60, 3}, {NULL, 0, 0},
};

// store.fetch(key): an awaitable the host completes when the "reply" is due.
static void store_fetch(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  const char *key = aw_get_slot_str(vm, 0, NULL);
  if (!key || npending == 16) return;
  int i = 0;
  while (table[i].key && strcmp(table[i].key, key)) i++;
  pending[npending].due = now() + (table[i].key ? table[i].delay_ms : 5) / 1000.0;
  pending[npending].key = table[i].key;  // NULL: unknown key
  pending[npending].future = aw_set_slot_new_future(vm, 0);  // returned
  npending++;
}

// The host's timer: completes every reply that is due.
static void fire_due(AwVM *vm) {
  for (int i = 0; i < npending;) {
    if (pending[i].due > now()) {
      i++;
      continue;
    }
    int k = 0;
    while (table[k].key && table[k].key != pending[i].key) k++;
    if (!pending[i].key || table[k].value < 0) {
      aw_reject(vm, pending[i].future, "KeyError", "no such key");
    } else {
      aw_ensure_slots(vm, 1);
      aw_set_slot_int(vm, 0, table[k].value * 100);
      aw_resolve(vm, pending[i].future, 0);
    }
    pending[i] = pending[--npending];
  }
}

static int ms_to_next_due(void) {
  if (!npending) return -1;
  double next = pending[0].due;
  for (int i = 1; i < npending; i++)
    if (pending[i].due < next) next = pending[i].due;
  double ms = (next - now()) * 1000;
  return ms <= 0 ? 0 : (int)ms + 1;
}

int main(void) {
  AwVM *vm = aw_new_vm(NULL);
  if (!vm) return 1;
  aw_def_fn(vm, "store", "fetch", 1, store_fetch, NULL);
  if (aw_run_file(vm, "async_native.aw") != AW_OK) return 1;

  // Start main() as a task, then run the loop and the host's timers.
  aw_ensure_slots(vm, 1);
  aw_get_var(vm, "__main__", "main", 0);
  AwRef *task = aw_spawn(vm, 0);
  while (task && !aw_done(vm, task)) {
    if (aw_step(vm, ms_to_next_due()) != AW_OK) break;
    fire_due(vm);
  }
  if (aw_result(vm, task) == AW_OK) printf("main() returned %lld\n", (long long)aw_get_slot_int(vm, 0));
  else printf("main() failed: %s\n", aw_error_message(vm));
  aw_release_ref(vm, task);
  aw_free_vm(vm);
  return 0;
}

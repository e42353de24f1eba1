// examples/embed/sandbox.c -- a VM for untrusted scripts: a memory cap, a
// step budget and no file, process or thread access. Each hostile script
// ends with a clear error and the host (and the VM) carry on; a host
// interrupt callback enforces a wall-clock deadline as well.
// test: no-gc-stress (a collection per step would make the budgets slow)
#define _POSIX_C_SOURCE 200809L  // clock_gettime
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "aw.h"

static const struct { const char *name, *source; } hostile[] = {
  {"infinite loop", "while True:\n    pass\n"},
  {"catching the stop",
   "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n"},
  {"allocation bomb", "x = []\nwhile True:\n    x.append(' ' * 100000)\n"},
  {"doubling string", "s = 'x'\nwhile True:\n    s += s\n"},
  {"huge list", "x = [0] * 10 ** 9\n"},
  {"retrying after MemoryError",
   "while True:\n    try:\n        x = ' ' * 10 ** 9\n    except MemoryError:\n        pass\n"},
  {"deep recursion", "def f(n):\n    return f(n + 1)\nf(0)\n"},
  {"async spin", "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(spin())\n"},
  {"read /etc/passwd", "print(open('/etc/passwd').read())\n"},
  {"import os", "import os\nprint(os.listdir('/'))\n"},
  {"import io", "import io\n"},
  {"thread", "import asyncio\nasync def main():\n    await asyncio.to_thread(print, 'hi')\nasyncio.run(main())\n"},
  {NULL, NULL},
};

static double deadline;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool past_deadline(AwVM *vm, void *ud) {
  (void)vm, (void)ud;
  return now() > deadline;
}

int main(void) {
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.mem_limit = 32 << 20;      // 32 MB
  cfg.step_limit = 50000;        // calls + loop iterations per entry point
  cfg.sandbox = true;            // no files, processes, threads
  cfg.silent_errors = true;
  AwVM *vm = aw_new_vm(&cfg);
  if (!vm) return 1;
  for (int i = 0; hostile[i].name; i++) {
    AwResult r = aw_run_string(vm, hostile[i].source, strlen(hostile[i].source), hostile[i].name);
    printf("%-27s -> %s\n", hostile[i].name, r == AW_OK ? "finished?!" : aw_error_message(vm));
  }
  // The same VM still runs well-behaved code.
  AwResult r = aw_run_file(vm, "sandbox.aw");
  printf("after all that: %s\n", r == AW_OK ? "ok" : aw_error_message(vm));
  aw_free_vm(vm);

  // A wall-clock limit through the interrupt callback (no step budget).
  aw_config_init(&cfg);
  cfg.interrupt_fn = past_deadline;
  cfg.silent_errors = true;
  vm = aw_new_vm(&cfg);
  if (!vm) return 1;
  deadline = now() + 0.05;
  const char *spin = "n = 0\nwhile True:\n    n += 1\n";
  r = aw_run_string(vm, spin, strlen(spin), "spin");
  printf("50 ms deadline -> %s\n", aw_error_message(vm));
  aw_free_vm(vm);
  return 0;
}

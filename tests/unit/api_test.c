// tests/unit/api_test.c -- the embedding API (vm/aw.h) case by case: slots,
// refs, natives, calls, tasks and futures, loop stepping, limits, sandbox,
// error text, output redirection; plus the idle VM's size and the cost of
// starting one. Only the memory measurement looks inside the VM (vm.h).
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "vm/vm.h"

static int passed, failed;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (cond) passed++;                                               \
    else {                                                            \
      failed++;                                                       \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
    }                                                                 \
  } while (0)

#define CHECK_STR(got, want)                                                          \
  do {                                                                                \
    const char *g_ = (got), *w_ = (want);                                             \
    if (g_ && !strcmp(g_, w_)) passed++;                                              \
    else {                                                                            \
      failed++;                                                                       \
      printf("FAIL %s:%d: got '%s', expected '%s'\n", __FILE__, __LINE__, g_ ? g_ : "(null)", w_); \
    }                                                                                 \
  } while (0)

static AwResult run(AwVM *vm, const char *src) { return aw_run_string(vm, src, strlen(src), "<test>"); }

static AwVM *quiet_vm(AwConfig *cfg) {
  AwConfig dflt;
  if (!cfg) {
    aw_config_init(&dflt);
    cfg = &dflt;
  }
  cfg->silent_errors = true;
  return aw_new_vm(cfg);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// ---- size and startup --------------------------------------------------------

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void test_footprint(void) {
  AwVM *vm = aw_new_vm(NULL);
  size_t idle = vm->bytes_allocated;
  run(vm, "");
  size_t after = vm->bytes_allocated;
  aw_free_vm(vm);
  printf("idle VM: %zu bytes; after an empty script: %zu bytes\n", idle, after);
  CHECK(idle < 256 * 1024);
  double t[21];
  for (int i = 0; i < 21; i++) {
    double start = now_ms();
    vm = aw_new_vm(NULL);
    run(vm, "");
    aw_free_vm(vm);
    t[i] = now_ms() - start;
  }
  qsort(t, 21, sizeof t[0], cmp_double);
  printf("new VM + empty script + free: median %.3f ms\n", t[10]);
#ifdef NDEBUG
  CHECK(t[10] < 2.0);  // optimised builds only; sanitizers are slower
#endif
}

// ---- slots --------------------------------------------------------------------

static void test_slots(void) {
  AwVM *vm = aw_new_vm(NULL);
  CHECK(aw_slot_count(vm) == 0);
  CHECK(aw_ensure_slots(vm, 6));
  CHECK(aw_slot_count(vm) == 6);
  CHECK(aw_get_slot_type(vm, 5) == AW_TYPE_NONE);
  CHECK(aw_get_slot_type(vm, 99) == AW_TYPE_NONE);  // out of range reads None
  aw_set_slot_int(vm, 0, -42);
  aw_set_slot_float(vm, 1, 2.5);
  aw_set_slot_bool(vm, 2, true);
  CHECK(aw_set_slot_str(vm, 3, "h\0llo", 5));
  CHECK(aw_set_slot_bytes(vm, 4, "\xff\x00", 2));
  CHECK(aw_get_slot_type(vm, 0) == AW_TYPE_INT && aw_get_slot_int(vm, 0) == -42);
  CHECK(aw_get_slot_float(vm, 0) == -42.0);  // int reads as float
  CHECK(aw_get_slot_type(vm, 1) == AW_TYPE_FLOAT && aw_get_slot_float(vm, 1) == 2.5);
  CHECK(aw_get_slot_int(vm, 1) == 0);  // float is not an int (no native: no error)
  CHECK(aw_get_slot_type(vm, 2) == AW_TYPE_BOOL && aw_get_slot_int(vm, 2) == 1 && aw_get_slot_bool(vm, 2));
  size_t len;
  const char *s = aw_get_slot_str(vm, 3, &len);
  CHECK(s && len == 5 && !memcmp(s, "h\0llo", 5) && aw_get_slot_len(vm, 3) == 5);
  const unsigned char *b = aw_get_slot_bytes(vm, 4, &len);
  CHECK(b && len == 2 && b[0] == 0xff && aw_get_slot_type(vm, 4) == AW_TYPE_BYTES);
  CHECK(!aw_set_slot_str(vm, 5, "\xff", 1));  // invalid UTF-8 is refused
  CHECK(aw_get_slot_type(vm, 5) == AW_TYPE_NONE);
  CHECK(!aw_get_slot_bool(vm, 5));
  aw_copy_slot(vm, 5, 3);
  CHECK(aw_get_slot_type(vm, 5) == AW_TYPE_STR);
  // A list and a dict built from C, read back.
  CHECK(aw_set_slot_new_list(vm, 0));
  aw_set_slot_int(vm, 1, 7);
  CHECK(aw_append_slot(vm, 0, 1) && aw_append_slot(vm, 0, 3));
  CHECK(!aw_append_slot(vm, 1, 1));  // not a list
  CHECK(aw_get_slot_type(vm, 0) == AW_TYPE_LIST && aw_get_slot_len(vm, 0) == 2);
  aw_set_slot_int(vm, 1, -1);
  CHECK(aw_get_slot_item(vm, 0, 1, 2) && aw_get_slot_type(vm, 2) == AW_TYPE_STR);
  aw_set_slot_int(vm, 1, 5);
  CHECK(!aw_get_slot_item(vm, 0, 1, 2));  // IndexError: just false
  CHECK(aw_set_slot_new_dict(vm, 1));
  aw_set_slot_str(vm, 2, "b", 1);
  aw_set_slot_int(vm, 4, 2);
  CHECK(aw_set_slot_item(vm, 1, 2, 4));
  aw_set_slot_str(vm, 2, "a", 1);
  CHECK(aw_set_slot_item(vm, 1, 2, 0));  // d["a"] = the list
  CHECK(!aw_set_slot_item(vm, 1, 0, 0)); // a list key is unhashable
  int64_t pos = 0;
  int n = 0;
  while (aw_get_slot_entry(vm, 1, &pos, 2, 4)) {
    const char *k = aw_get_slot_str(vm, 2, NULL);
    CHECK(k && k[0] == (n == 0 ? 'b' : 'a'));  // insertion order
    n++;
  }
  CHECK(n == 2 && aw_get_slot_len(vm, 1) == 2 && aw_get_slot_type(vm, 1) == AW_TYPE_DICT);
  // Values reach scripts unchanged: pass the dict to a function.
  run(vm, "def describe(d):\n    return repr(d)\n");
  aw_copy_slot(vm, 1, 1);
  CHECK(aw_get_var(vm, "__main__", "describe", 0));
  CHECK(aw_invoke(vm, 1) == AW_OK);
  CHECK_STR(aw_get_slot_str(vm, 0, NULL), "{'b': 2, 'a': [7, 'h\\x00llo']}");
  CHECK(aw_get_var(vm, NULL, "len", 0) && aw_get_slot_type(vm, 0) == AW_TYPE_OTHER);
  CHECK(!aw_get_var(vm, "__main__", "missing", 0));
  CHECK(!aw_get_var(vm, "nosuchmodule", "x", 0));
  aw_free_vm(vm);
}

// ---- refs survive collections ----------------------------------------------------------

static void test_refs(void) {
  AwVM *vm = aw_new_vm(NULL);
  aw_ensure_slots(vm, 2);
  aw_set_slot_new_list(vm, 0);
  aw_set_slot_str(vm, 1, "kept", 4);
  aw_append_slot(vm, 0, 1);
  AwRef *ref = aw_get_slot_ref(vm, 0);
  aw_set_slot_none(vm, 0);
  aw_set_slot_none(vm, 1);
  CHECK(run(vm, "import gc\nx = [[i] * 10 for i in range(20000)]\ngc.collect()\nx = None\ngc.collect()\n") == AW_OK);
  aw_set_slot_ref(vm, 0, ref);
  aw_set_slot_int(vm, 1, 0);
  CHECK(aw_get_slot_item(vm, 0, 1, 1));
  CHECK_STR(aw_get_slot_str(vm, 1, NULL), "kept");
  aw_release_ref(vm, ref);
  AwRef *leaked = aw_get_slot_ref(vm, 0);  // aw_free_vm releases it
  CHECK(leaked != NULL);
  aw_free_vm(vm);
}

// ---- natives ----------------------------------------------------------------------------

static int finalized;
static void count_free(AwVM *vm, void *p) {
  (void)vm;
  free(p);
  finalized++;
}

static void n_box(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  int *p = malloc(sizeof *p);
  *p = (int)aw_get_slot_int(vm, 0);
  aw_set_slot_data(vm, 0, p, "Box", count_free);
}

static void n_unbox(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  int *p = aw_get_slot_data(vm, 0, "Box");
  if (p) aw_set_slot_int(vm, 0, *p);
}

static void n_nothing(AwVM *vm, int argc, void *ud) { (void)vm, (void)argc, (void)ud; }

static void n_first(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  aw_copy_slot(vm, 0, 0);  // storing into slot 0 makes it the result
}

static void n_throw(AwVM *vm, int argc, void *ud) {
  (void)ud;
  aw_throw(vm, "KeyError", "missing %d", argc);
  aw_throw(vm, "ValueError", "second throw is ignored");
}

static void n_nosuch(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  aw_throw(vm, "NoSuchError", "unknown class");
}

static void n_ud(AwVM *vm, int argc, void *ud) {
  (void)argc;
  aw_set_slot_int(vm, 0, *(int *)ud);
}

// call(fn, x): fn(x) from C; an exception passes through.
static void n_call(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  aw_ensure_slots(vm, 8);  // more slots than arguments
  aw_set_slot_int(vm, 7, 99);
  if (aw_invoke(vm, 1) != AW_OK) aw_throw_slot(vm, 0);
  else CHECK(aw_get_slot_int(vm, 7) == 99);  // the window survived the call
}

static void n_step(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  if (aw_step(vm, 0) != AW_OK) aw_throw_slot(vm, 0);
}

static void test_natives(void) {
  AwVM *vm = quiet_vm(NULL);
  static int seven = 7;
  aw_def_fn(vm, "t", "box", 1, n_box, NULL);
  aw_def_fn(vm, "t", "unbox", 1, n_unbox, NULL);
  aw_def_fn(vm, "t", "nothing", -1, n_nothing, NULL);
  aw_def_fn(vm, "t", "first", -1, n_first, NULL);
  aw_def_fn(vm, "t", "throw", -1, n_throw, NULL);
  aw_def_fn(vm, "t", "nosuch", 0, n_nosuch, NULL);
  aw_def_fn(vm, "t", "call", 2, n_call, NULL);
  aw_def_fn(vm, "t", "step", 0, n_step, NULL);
  aw_def_fn(vm, NULL, "seven", 0, n_ud, &seven);  // a builtin
  const char *src =
      "import t, gc, asyncio\n"
      "out = []\n"
      "def err(f):\n"
      "    try:\n"
      "        f()\n"
      "    except BaseException as e:\n"
      "        out.append(type(e).__name__ + ': ' + str(e))\n"
      "b = t.box(41)\n"
      "out.append(t.unbox(b))\n"
      "out.append(type(b).__name__)\n"
      "out.append(t.nothing(1, 2))\n"
      "out.append(t.first(5, 6))\n"
      "out.append(seven())\n"
      "out.append(t.call(lambda x: t.call(lambda y: y * 2, x + 1), 10))\n"
      "err(lambda: t.throw(1, 2))\n"
      "err(lambda: t.nosuch())\n"
      "err(lambda: t.unbox(3))\n"
      "err(lambda: t.unbox())\n"
      "err(lambda: t.unbox(b, b))\n"
      "err(lambda: t.nothing(x=1))\n"
      "err(lambda: t.call(lambda x: 1 / x, 0))\n"
      "async def step_in_a_task():\n"
      "    t.step()\n"
      "err(lambda: asyncio.run(step_in_a_task()))\n"
      "b = None\n"
      "gc.collect()\n"
      "for _ in range(2):  # the collection runs at this safepoint\n"
      "    pass\n";
  CHECK(run(vm, src) == AW_OK);
  const char *want[] = {"41", "'Box'", "None", "5", "7", "22",
                        "\"KeyError: 'missing 2'\"",
                        "'RuntimeError: unknown class'",
                        "'TypeError: unbox() argument 1 must be Box, not int'",
                        "'TypeError: unbox() takes 1 positional argument but 0 were given'",
                        "'TypeError: unbox() takes 1 positional argument but 2 were given'",
                        "'TypeError: nothing() takes no keyword arguments'",
                        "'ZeroDivisionError: division by zero'",
                        "'RuntimeError: This event loop is already running'",
                        NULL};
  aw_ensure_slots(vm, 2);
  CHECK(aw_get_var(vm, "__main__", "out", 0));
  for (int i = 0; want[i]; i++) {
    aw_set_slot_int(vm, 1, i);
    if (!aw_get_slot_item(vm, 0, 1, 1)) {
      CHECK(!"missing output item");
      break;
    }
    // repr() through the script's own builtin
    aw_ensure_slots(vm, 3);
    aw_copy_slot(vm, 2, 1);
    aw_get_var(vm, NULL, "repr", 1);
    AwRef *list = aw_get_slot_ref(vm, 0);
    aw_copy_slot(vm, 0, 1);
    aw_copy_slot(vm, 1, 2);
    CHECK(aw_invoke(vm, 1) == AW_OK);
    CHECK_STR(aw_get_slot_str(vm, 0, NULL), want[i]);
    aw_set_slot_ref(vm, 0, list);
    aw_release_ref(vm, list);
  }
  CHECK(finalized == 1);  // b was collected
  run(vm, "import t\nkeep = t.box(1)\n");
  aw_free_vm(vm);
  CHECK(finalized == 2);  // the VM's teardown finalizes the rest
}

// ---- calls and errors ----------------------------------------------------------------------

static char captured[4096];
static size_t ncaptured;
static void capture(void *ud, const char *data, size_t len) {
  (void)ud;
  if (len > sizeof captured - 1 - ncaptured) len = sizeof captured - 1 - ncaptured;
  memcpy(captured + ncaptured, data, len);
  ncaptured += len;
  captured[ncaptured] = 0;
}

static void test_calls_and_errors(void) {
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.write_out = capture;
  cfg.write_err = capture;
  AwVM *vm = aw_new_vm(&cfg);
  CHECK(run(vm, "print('hi', 1)\ndef div(a, b):\n    return a / b\ndef bye(n):\n    raise SystemExit(n)\n") == AW_OK);
  CHECK_STR(captured, "hi 1\n");
  CHECK_STR(aw_error_message(vm), "");
  aw_ensure_slots(vm, 3);
  aw_get_var(vm, "__main__", "div", 0);
  aw_set_slot_int(vm, 1, 7);
  aw_set_slot_int(vm, 2, 2);
  CHECK(aw_invoke(vm, 2) == AW_OK && aw_get_slot_float(vm, 0) == 3.5);
  aw_get_var(vm, "__main__", "div", 0);
  aw_set_slot_int(vm, 2, 0);
  ncaptured = 0;
  CHECK(aw_invoke(vm, 2) == AW_RUNTIME_ERROR);
  CHECK(ncaptured == 0);  // calls never print: the host decides
  CHECK(aw_get_slot_type(vm, 0) == AW_TYPE_OTHER);  // the exception
  CHECK_STR(aw_error_message(vm), "ZeroDivisionError: division by zero");
  CHECK(strstr(aw_error_traceback(vm), "line 3, in div") != NULL);
  aw_get_var(vm, "__main__", "bye", 0);
  aw_set_slot_int(vm, 1, 4);
  CHECK(aw_invoke(vm, 1) == AW_EXIT && aw_exit_code(vm) == 4);
  aw_set_slot_int(vm, 0, 5);
  CHECK(aw_invoke(vm, 0) == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "TypeError: 'int' object is not callable");
  // Uncaught errors of a run are printed (not silent) and kept.
  ncaptured = 0;
  CHECK(run(vm, "x = 1\nraise ValueError('bad')\n") == AW_RUNTIME_ERROR);
  CHECK(strstr(captured, "ValueError: bad") != NULL);
  CHECK_STR(aw_error_message(vm), "ValueError: bad");
  CHECK(run(vm, "x = (1,\n") == AW_COMPILE_ERROR);
  CHECK(strstr(aw_error_message(vm), "SyntaxError") == aw_error_message(vm));
  CHECK(strstr(aw_error_traceback(vm), "line 1") != NULL);
  CHECK(run(vm, "pass\n") == AW_OK);
  CHECK_STR(aw_error_message(vm), "");
  CHECK(aw_run_file(vm, "/nonexistent/x.aw") == AW_RUNTIME_ERROR && aw_exit_code(vm) == 2);
  CHECK(strstr(aw_error_message(vm), "can't open file") != NULL);
  aw_free_vm(vm);
  // Two VMs on one thread share nothing.
  AwVM *a = quiet_vm(NULL), *b = quiet_vm(NULL);
  run(a, "x = 'a'\n");
  run(b, "x = 'b'\n");
  aw_ensure_slots(a, 1);
  aw_get_var(a, "__main__", "x", 0);
  CHECK_STR(aw_get_slot_str(a, 0, NULL), "a");
  CHECK(run(b, "import sys\nsys.modules['fake'] = 1\n") == AW_OK);
  CHECK(run(a, "import sys\nassert 'fake' not in sys.modules\n") == AW_OK);
  aw_free_vm(a);
  aw_free_vm(b);
}

// ---- tasks, futures, the loop -------------------------------------------------------------

static AwRef *held;
static void n_later(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  held = aw_set_slot_new_future(vm, 0);
}

static void test_async(void) {
  AwVM *vm = quiet_vm(NULL);
  aw_def_fn(vm, "h", "later", 0, n_later, NULL);
  CHECK(aw_timeout(vm) == -1);  // no loop yet
  CHECK(run(vm, "import asyncio, h\n"
                "async def nap(t, v):\n    await asyncio.sleep(t)\n    return v\n"
                "async def wait_host():\n    return await h.later()\n"
                "async def boom():\n    raise KeyError('k')\n"
                "def plain():\n    return 3\n") == AW_OK);
  CHECK(aw_backend_fd(vm) >= 0);
  aw_ensure_slots(vm, 3);
  aw_get_var(vm, "__main__", "nap", 0);
  aw_set_slot_float(vm, 1, 0.05);
  aw_set_slot_str(vm, 2, "slept", 5);
  AwRef *t = aw_spawn(vm, 2);
  CHECK(t && !aw_done(vm, t));
  CHECK(aw_timeout(vm) == 0);  // the new task's first step is ready
  CHECK(aw_step(vm, 0) == AW_OK);
  int ms = aw_timeout(vm);
  CHECK(ms >= 0 && ms <= 51);  // now it sleeps on a timer (0 if this host was slow)
  CHECK(aw_result(vm, t) == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "asyncio.exceptions.InvalidStateError: Result is not set.");
  CHECK(aw_wait(vm, t) == AW_OK);
  CHECK_STR(aw_get_slot_str(vm, 0, NULL), "slept");
  aw_release_ref(vm, t);
  // A failing task.
  aw_get_var(vm, "__main__", "boom", 0);
  t = aw_spawn(vm, 0);
  CHECK(aw_wait(vm, t) == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "KeyError: 'k'");
  aw_release_ref(vm, t);
  // Not a coroutine.
  aw_get_var(vm, "__main__", "plain", 0);
  CHECK(aw_spawn(vm, 0) == NULL);
  CHECK_STR(aw_error_message(vm), "TypeError: a coroutine was expected, got 3");
  // A future the host completes: resolved, rejected, cancelled by the script.
  aw_get_var(vm, "__main__", "wait_host", 0);
  t = aw_spawn(vm, 0);
  aw_step(vm, 0);
  CHECK(held && !aw_done(vm, t));
  aw_set_slot_int(vm, 0, 123);
  CHECK(aw_resolve(vm, held, 0));
  CHECK(aw_wait(vm, t) == AW_OK && aw_get_slot_int(vm, 0) == 123);
  aw_release_ref(vm, t);
  aw_get_var(vm, "__main__", "wait_host", 0);
  t = aw_spawn(vm, 0);
  aw_step(vm, 0);
  CHECK(aw_reject(vm, held, "NoSuchClass", "went wrong"));
  CHECK(aw_wait(vm, t) == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "RuntimeError: went wrong");
  aw_release_ref(vm, t);
  CHECK(run(vm, "import asyncio, h\n"
                "async def nap(t, v):\n    await asyncio.sleep(t)\n    return v\n"
                "async def main():\n"
                "    f = h.later()\n"
                "    f.cancel()\n"
                "    try:\n        await f\n    except asyncio.CancelledError:\n        return 'cancelled'\n"
                "assert asyncio.run(main()) == 'cancelled'\n") == AW_OK);
  aw_set_slot_int(vm, 0, 1);
  CHECK(!aw_resolve(vm, held, 0));  // already done; the ref is released anyway
  // asyncio.run() closed the loop; the host can still drive it.
  aw_get_var(vm, "__main__", "nap", 0);
  aw_set_slot_int(vm, 1, 0);
  aw_set_slot_int(vm, 2, 9);
  t = aw_spawn(vm, 2);
  CHECK(aw_wait(vm, t) == AW_OK && aw_get_slot_int(vm, 0) == 9);
  aw_release_ref(vm, t);
  aw_free_vm(vm);
}

// ---- limits, sandbox, allow-list -------------------------------------------------------------

static int polls;
static bool poll_count(AwVM *vm, void *ud) {
  (void)vm, (void)ud;
  return ++polls >= 50;
}

static void test_limits(void) {
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.step_limit = 20000;
  AwVM *vm = quiet_vm(&cfg);
  CHECK(run(vm, "def work(n):\n    for i in range(n):\n        pass\n    return n\n") == AW_OK);
  aw_ensure_slots(vm, 2);
  for (int i = 0; i < 5; i++) {  // the budget restarts at each entry point
    aw_get_var(vm, "__main__", "work", 0);
    aw_set_slot_int(vm, 1, 15000);
    CHECK(aw_invoke(vm, 1) == AW_OK);
  }
  aw_get_var(vm, "__main__", "work", 0);
  aw_set_slot_int(vm, 1, 25000);
  CHECK(aw_invoke(vm, 1) == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "RuntimeError: step limit exceeded");
  CHECK(run(vm, "try:\n    while True:\n        pass\nfinally:\n    x = 1\n") == AW_RUNTIME_ERROR);
  CHECK(run(vm, "print(end='')\n") == AW_OK);
  aw_free_vm(vm);

  aw_config_init(&cfg);
  cfg.interrupt_fn = poll_count;
  vm = quiet_vm(&cfg);
  CHECK(run(vm, "while True:\n    pass\n") == AW_RUNTIME_ERROR);
  CHECK(polls == 50);
  CHECK_STR(aw_error_message(vm), "RuntimeError: interrupted by the host");
  aw_free_vm(vm);

  // The memory cap: bombs fail with MemoryError, the VM goes on.
  aw_config_init(&cfg);
  cfg.mem_limit = 8 << 20;
  vm = quiet_vm(&cfg);
  CHECK(run(vm, "x = []\nwhile True:\n    x.append([0] * 1000)\n") == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "MemoryError");
  CHECK(run(vm, "x = 'ab' * 100\ny = {i: str(i) for i in range(1000)}\n") == AW_OK);
  aw_ensure_slots(vm, 1);
  static char big[16 << 20];
  memset(big, 'a', sizeof big);
  CHECK(!aw_set_slot_str(vm, 0, big, sizeof big));  // over the cap: false
  CHECK(run(vm, "import json\nprint(end=json.dumps([1]) * 0)\n") == AW_OK);
  aw_free_vm(vm);
}

static void test_sandbox(void) {
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.sandbox = true;
  AwVM *vm = quiet_vm(&cfg);
  CHECK(run(vm, "import math, json, asyncio, collections, sys\n") == AW_OK);
  CHECK(run(vm, "open('/dev/null')\n") == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "PermissionError: open() is not allowed in this sandbox");
  CHECK(run(vm, "import io\n") == AW_RUNTIME_ERROR);
  CHECK(run(vm, "import helper_module_that_would_be_a_file\n") == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "ModuleNotFoundError: No module named 'helper_module_that_would_be_a_file'");
  aw_free_vm(vm);

  cfg.grant = AW_CAP_FILES;
  vm = quiet_vm(&cfg);
  CHECK(run(vm, "open('/dev/null').close()\nimport io\n") == AW_OK);
  CHECK(run(vm, "import os.path\n") == AW_RUNTIME_ERROR);  // os also needs PROCESS
  aw_free_vm(vm);
  cfg.grant = AW_CAP_FILES | AW_CAP_PROCESS | AW_CAP_THREADS;
  vm = quiet_vm(&cfg);
  CHECK(run(vm, "import os, asyncio\nasync def m():\n    return await asyncio.to_thread(len, 'abc')\n"
                "assert asyncio.run(m()) == 3\n") == AW_OK);
  aw_free_vm(vm);

  // An allow-list without a sandbox: only these (and what they need).
  const char *const mods[] = {"json", "asyncio", NULL};
  aw_config_init(&cfg);
  cfg.modules = mods;
  vm = quiet_vm(&cfg);
  CHECK(run(vm, "import json, asyncio, sys\n") == AW_OK);  // asyncio imports inspect and heapq
  CHECK(run(vm, "import math\n") == AW_RUNTIME_ERROR);
  CHECK_STR(aw_error_message(vm), "ModuleNotFoundError: No module named 'math'");
  CHECK(run(vm, "open('/dev/null').close()\n") == AW_OK);  // no sandbox: files are fine
  aw_def_fn(vm, "hostmod", "f", 0, n_nothing, NULL);
  CHECK(run(vm, "import hostmod\nhostmod.f()\n") == AW_OK);  // host modules always
  aw_free_vm(vm);
}

// ---- natives on worker threads ------------------------------------------------------------

// slow(fn, x): keeps a marker in its own slots, calls fn(x) (which sleeps,
// letting other threads run natives meanwhile), then checks the marker.
static void n_slow(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  aw_ensure_slots(vm, 4);
  int64_t x = aw_get_slot_int(vm, 1);
  aw_set_slot_int(vm, 3, x * 100);
  if (aw_invoke(vm, 1) != AW_OK) {
    aw_throw_slot(vm, 0);
    return;
  }
  int64_t r = aw_get_slot_int(vm, 0);
  aw_set_slot_int(vm, 0, aw_get_slot_int(vm, 3) == x * 100 ? r : -1);
}

static void test_worker_threads(void) {
  AwVM *vm = quiet_vm(NULL);
  aw_def_fn(vm, "h", "slow", 2, n_slow, NULL);
  CHECK(run(vm, "import asyncio, time, h\n"
                "def nap(x):\n    time.sleep(0.01)\n    return x + 1\n"
                "async def on_main(x):\n    await asyncio.sleep(0.001)\n    return h.slow(nap, x)\n"
                "async def main():\n"
                "    jobs = [asyncio.to_thread(h.slow, nap, i) for i in range(6)]\n"
                "    return await asyncio.gather(*jobs, on_main(10), on_main(20))\n"
                "r = asyncio.run(main())\n"
                "assert r == [1, 2, 3, 4, 5, 6, 11, 21], r\n") == AW_OK);
  if (aw_error_message(vm)[0]) printf("%s\n", aw_error_traceback(vm));
  aw_free_vm(vm);
}

int main(void) {
  test_footprint();
  test_slots();
  test_refs();
  test_natives();
  test_calls_and_errors();
  test_async();
  test_limits();
  test_sandbox();
  test_worker_threads();
  printf("api: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

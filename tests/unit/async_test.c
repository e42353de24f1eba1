// tests/unit/async_test.c -- what the golden tests cannot see: the stderr
// reports of coroutines and the event loop, captured through the embedding
// API's write callbacks. "coroutine ... was never awaited" (at collection,
// at exit as sys:1, with the creation stack in debug mode), "Task/Future
// exception was never retrieved", slow-step warnings naming the line that
// held the loop, virtual time, and that nothing leaks (a counting
// allocator: every byte is returned by aw_free_vm). Ends with one line
// "N passed, N failed"; exits 1 on failure.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vm/aw.h"

static int passed, failed;

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

// ---- a run with captured output and counted memory ------------------------

typedef struct {
  char *data;
  size_t len, cap;
} Text;

typedef struct {
  Text out, err;
  size_t live;      // bytes the VM holds (0 after aw_free_vm: no leak)
  int status;       // exit code
  double seconds;   // wall time of the run
} Run;

static void text_add(Text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    t->cap = (t->len + n + 1) * 2;
    t->data = realloc(t->data, t->cap);
    if (!t->data) abort();
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = 0;
}

static void write_out(void *ud, const char *s, size_t n) { text_add(&((Run *)ud)->out, s, n); }
static void write_err(void *ud, const char *s, size_t n) { text_add(&((Run *)ud)->err, s, n); }

static void *counting_alloc(void *ud, void *ptr, size_t old, size_t n) {
  Run *r = ud;
  if (n == 0) {
    free(ptr);
    r->live -= old;
    return NULL;
  }
  void *p = realloc(ptr, n);
  if (p) r->live += n - old;
  return p;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

// Runs [src] as "t.aw" in a fresh VM and frees it (exit-time reports
// included in r->err).
static void run(Run *r, const char *src) {
  memset(r, 0, sizeof *r);
  text_add(&r->out, "", 0);
  text_add(&r->err, "", 0);
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.alloc = counting_alloc;
  cfg.alloc_ud = r;
  cfg.write_out = write_out;
  cfg.write_err = write_err;
  cfg.write_ud = r;
  const char *argv[] = {"t.aw"};
  cfg.argc = 1;
  cfg.argv = argv;
  double t0 = now();
  AwVM *vm = aw_new_vm(&cfg);
  if (!vm) {
    r->status = -1;
    return;
  }
  AwResult res = aw_run_string(vm, src, strlen(src), "t.aw");
  r->status = res == AW_OK ? 0 : aw_exit_code(vm);
  aw_free_vm(vm);
  r->seconds = now() - t0;
}

static void done(Run *r) {
  CHECK(r->live == 0, "%zu bytes leaked", r->live);
  free(r->out.data);
  free(r->err.data);
}

static bool has(const Text *t, const char *s) { return t->data && strstr(t->data, s) != NULL; }

// Occurrences of [s] in [t].
static int count(const Text *t, const char *s) {
  int n = 0;
  for (const char *p = t->data; p && (p = strstr(p, s)); p += strlen(s)) n++;
  return n;
}

// The last non-empty line of [t].
static const char *last_line(const Text *t, char *buf, size_t cap) {
  buf[0] = 0;
  const char *end = t->data + t->len;
  while (end > t->data && end[-1] == '\n') end--;
  const char *start = end;
  while (start > t->data && start[-1] != '\n') start--;
  size_t n = (size_t)(end - start) < cap - 1 ? (size_t)(end - start) : cap - 1;
  memcpy(buf, start, n);
  buf[n] = 0;
  return buf;
}

// ---- never awaited ---------------------------------------------------------

static void test_never_awaited(void) {
  Run r;
  // Collected during the run: reported at its creation site, with the
  // source line and CPython's tracemalloc hint, once per line.
  run(&r,
      "import gc\n"
      "async def f():\n"
      "    return 1\n"
      "def g():\n"
      "    for i in range(3):\n"
      "        f()\n"
      "g()\n"
      "gc.collect()\n"
      "print('after')\n");
  CHECK(r.status == 0, "status %d", r.status);
  CHECK(!strcmp(r.out.data, "after\n"), "stdout %s", r.out.data);
  CHECK(has(&r.err, "t.aw:6: RuntimeWarning: coroutine 'f' was never awaited\n  f()\n"
                    "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"),
        "stderr: %s", r.err.data);
  CHECK(count(&r.err, "was never awaited") == 1, "warned %d times: %s", count(&r.err, "was never awaited"),
        r.err.data);
  done(&r);

  // Still alive at exit: sys:1, as CPython during shutdown.
  run(&r,
      "async def f():\n"
      "    return 1\n"
      "x = f()\n");
  CHECK(!strcmp(r.err.data, "sys:1: RuntimeWarning: coroutine 'f' was never awaited\n"), "stderr: %s", r.err.data);
  done(&r);

  // Awaited, closed, thrown into, run as a task: no warning.
  run(&r,
      "import asyncio\n"
      "async def f():\n"
      "    return 1\n"
      "async def main():\n"
      "    await f()\n"
      "    await asyncio.create_task(f())\n"
      "    c = f(); c.close()\n"
      "    c = f()\n"
      "    try:\n"
      "        c.throw(ValueError)\n"
      "    except ValueError:\n"
      "        pass\n"
      "asyncio.run(main())\n");
  CHECK(r.status == 0 && r.err.len == 0, "status %d stderr: %s", r.status, r.err.data);
  done(&r);

  // create_task() without a running loop leaves the coroutine unawaited.
  run(&r,
      "import asyncio\n"
      "async def f():\n"
      "    return 1\n"
      "try:\n"
      "    asyncio.create_task(f())\n"
      "except RuntimeError as e:\n"
      "    print(e)\n");
  CHECK(has(&r.out, "no running event loop"), "stdout: %s", r.out.data);
  CHECK(has(&r.err, "t.aw:5: RuntimeWarning: coroutine 'f' was never awaited"), "stderr: %s", r.err.data);
  done(&r);

  // The warning comes before the traceback of an uncaught exception raised
  // by asyncio.run, so the last stderr line stays CPython's.
  run(&r,
      "import asyncio\n"
      "async def f():\n"
      "    return 1\n"
      "async def main():\n"
      "    f()\n"
      "    raise KeyError('k')\n"
      "asyncio.run(main())\n");
  char buf[256];
  CHECK(r.status == 1, "status %d", r.status);
  CHECK(!strcmp(last_line(&r.err, buf, sizeof buf), "KeyError: 'k'"), "last line %s", buf);
  CHECK(has(&r.err, "t.aw:5: RuntimeWarning: coroutine 'f' was never awaited"), "stderr: %s", r.err.data);
  done(&r);
}

// ---- debug mode ---------------------------------------------------------------

static void test_debug_origin(void) {
  Run r;
  run(&r,
      "import asyncio\n"
      "async def f():\n"
      "    return 1\n"
      "async def main():\n"
      "    c = f()\n"
      "    print(c.cr_origin[0][1:], len(c.cr_origin))\n"
      "    print(asyncio.get_running_loop().get_debug())\n"
      "    del c\n"
      "asyncio.run(main(), debug=True)\n"
      "print(f().cr_origin)\n");
  CHECK(!strcmp(r.out.data, "(5, 'main') 2\nTrue\nNone\n"), "stdout: %s", r.out.data);
  CHECK(has(&r.err, "t.aw:5: RuntimeWarning: coroutine 'f' was never awaited\n"
                    "Coroutine created at (most recent call last)\n"
                    "  File \"t.aw\", line 9, in <module>\n"
                    "    asyncio.run(main(), debug=True)\n"
                    "  File \"t.aw\", line 5, in main\n"
                    "    c = f()\n"
                    "  c = f()\n"),
        "stderr: %s", r.err.data);
  done(&r);

  // The environment turns debug mode on; run(debug=False) still wins.
  setenv("AW_ASYNCIO_DEBUG", "1", 1);
  run(&r,
      "import asyncio\n"
      "async def main():\n"
      "    print(asyncio.get_running_loop().get_debug())\n"
      "asyncio.run(main())\n"
      "asyncio.run(main(), debug=False)\n");
  unsetenv("AW_ASYNCIO_DEBUG");
  CHECK(!strcmp(r.out.data, "True\nFalse\n"), "stdout: %s", r.out.data);
  done(&r);
}

static void test_slow_step(void) {
  Run r;
  run(&r,
      "import asyncio, time\n"
      "async def main():\n"
      "    await asyncio.sleep(0)\n"
      "    time.sleep(0.12)\n"
      "    await asyncio.sleep(0)\n"
      "    print('done')\n"
      "asyncio.run(main(), debug=True)\n");
  CHECK(!strcmp(r.out.data, "done\n"), "stdout: %s", r.out.data);
  CHECK(has(&r.err, "Executing <Task pending name='Task-1' coro=<main() running at t.aw:5> created at t.aw:7> took 0.1"),
        "stderr: %s", r.err.data);
  CHECK(has(&r.err, " seconds\n  held the loop: File \"t.aw\", line 4, in main\n    time.sleep(0.12)\n"),
        "stderr: %s", r.err.data);
  done(&r);

  // The threshold is loop.slow_callback_duration; not in debug mode: silent.
  run(&r,
      "import asyncio, time\n"
      "async def main():\n"
      "    asyncio.get_running_loop().slow_callback_duration = 0.5\n"
      "    await asyncio.sleep(0)\n"
      "    time.sleep(0.12)\n"
      "asyncio.run(main(), debug=True)\n"
      "asyncio.run(main())\n");
  CHECK(r.err.len == 0, "stderr: %s", r.err.data);
  done(&r);
}

// ---- exceptions nobody retrieved --------------------------------------------------

static void test_never_retrieved(void) {
  Run r;
  run(&r,
      "import asyncio\n"
      "async def f():\n"
      "    raise ValueError('boom')\n"
      "keep = []\n"
      "async def main():\n"
      "    asyncio.create_task(f())\n"
      "    keep.append(asyncio.create_task(f(), name='kept'))\n"
      "    fut = asyncio.get_running_loop().create_future()\n"
      "    fut.set_exception(RuntimeError('plain'))\n"
      "    seen = asyncio.create_task(f())\n"
      "    await asyncio.sleep(0.01)\n"
      "    seen.exception()\n"
      "    print('x')\n"
      "asyncio.run(main())\n"
      "print('end')\n");
  CHECK(!strcmp(r.out.data, "x\nend\n"), "stdout: %s", r.out.data);
  CHECK(has(&r.err, "Task exception was never retrieved\n"
                    "future: <Task finished name='Task-2' coro=<f() done, defined at t.aw:2> "
                    "exception=ValueError('boom')>\n"
                    "Traceback (most recent call last):\n"
                    "  Task 'Task-2' created at (most recent call last):\n"
                    "    File \"t.aw\", line 6, in main\n"
                    "      asyncio.create_task(f())\n"
                    "  File \"t.aw\", line 3, in f\n"
                    "    raise ValueError('boom')\n"
                    "ValueError: boom\n"),
        "stderr: %s", r.err.data);
  CHECK(has(&r.err, "Future exception was never retrieved\n"
                    "future: <Future finished exception=RuntimeError('plain')>\n"
                    "RuntimeError: plain\n"),
        "stderr: %s", r.err.data);
  CHECK(has(&r.err, "name='kept'"), "stderr: %s", r.err.data);
  CHECK(count(&r.err, "never retrieved") == 3, "stderr: %s", r.err.data);
  // Garbage is reported when asyncio.run ends, what is still reachable at
  // exit after 'end'.
  CHECK(strstr(r.err.data, "Task-2") < strstr(r.err.data, "name='kept'"), "order: %s", r.err.data);
  done(&r);

  // Retrieved through await, gather or result(): nothing to report.
  run(&r,
      "import asyncio\n"
      "async def f():\n"
      "    raise ValueError('boom')\n"
      "async def main():\n"
      "    t = asyncio.create_task(f())\n"
      "    try:\n"
      "        await t\n"
      "    except ValueError:\n"
      "        pass\n"
      "    r = await asyncio.gather(f(), return_exceptions=True)\n"
      "    t2 = asyncio.create_task(f())\n"
      "    await asyncio.sleep(0)\n"
      "    try:\n"
      "        t2.result()\n"
      "    except ValueError:\n"
      "        pass\n"
      "asyncio.run(main())\n");
  CHECK(r.status == 0 && r.err.len == 0, "status %d stderr: %s", r.status, r.err.data);
  done(&r);
}

// ---- virtual time --------------------------------------------------------------------

static void test_virtual_time(void) {
  Run r;
  const char *src =
      "import asyncio\n"
      "async def tick(name, n, dt):\n"
      "    for i in range(n):\n"
      "        await asyncio.sleep(dt)\n"
      "        print(name, i)\n"
      "async def main():\n"
      "    loop = asyncio.get_running_loop()\n"
      "    t0 = loop.time()\n"
      "    await asyncio.gather(tick('a', 3, 3600), tick('b', 2, 5000))\n"
      "    print(round(loop.time() - t0))\n"
      "asyncio.run(main())\n";
  setenv("AW_VIRTUAL_TIME", "1", 1);
  run(&r, src);
  unsetenv("AW_VIRTUAL_TIME");
  CHECK(!strcmp(r.out.data, "a 0\nb 0\na 1\nb 1\na 2\n10800\n"), "stdout: %s", r.out.data);
  CHECK(r.seconds < 5, "took %.1f s", r.seconds);
  done(&r);
}

// ---- robustness: big and deep, without leaks --------------------------------------

static void test_robustness(void) {
  Run r;
  run(&r,
      "import asyncio, sys\n"
      "sys.setrecursionlimit(20000)\n"
      "async def depth(n):\n"
      "    if n == 0:\n"
      "        await asyncio.sleep(0)\n"
      "        return 0\n"
      "    return 1 + await depth(n - 1)\n"
      "async def main():\n"
      "    print(await depth(10000))\n"
      "asyncio.run(main())\n");
  CHECK(!strcmp(r.out.data, "10000\n"), "stdout: %s stderr: %s", r.out.data, r.err.data);
  done(&r);

  run(&r,
      "import asyncio\n"
      "async def child(ev):\n"
      "    try:\n"
      "        await ev.wait()\n"
      "    finally:\n"
      "        pass\n"
      "async def main():\n"
      "    ev = asyncio.Event()\n"
      "    try:\n"
      "        async with asyncio.TaskGroup() as tg:\n"
      "            for i in range(100000):\n"
      "                tg.create_task(child(ev))\n"
      "            await asyncio.sleep(0)\n"
      "            raise ValueError('stop')\n"
      "    except* ValueError as eg:\n"
      "        print('cancelled', len(asyncio.all_tasks()))\n"
      "asyncio.run(main())\n");
  CHECK(!strcmp(r.out.data, "cancelled 1\n"), "stdout: %s stderr: %s", r.out.data, r.err.data);
  done(&r);

  // A million tasks parked on one Event (in place of their futures), then
  // released; and 200,000 left parked when main returns, which
  // asyncio.run cancels.
  run(&r,
      "import asyncio\n"
      "async def waiter(ev):\n"
      "    await ev.wait()\n"
      "    return 1\n"
      "async def main():\n"
      "    ev = asyncio.Event()\n"
      "    tasks = [asyncio.create_task(waiter(ev)) for _ in range(1000000)]\n"
      "    await asyncio.sleep(0)\n"
      "    ev.set()\n"
      "    print(sum(await asyncio.gather(*tasks)))\n"
      "    ev2 = asyncio.Event()\n"
      "    for _ in range(200000):\n"
      "        asyncio.create_task(waiter(ev2))\n"
      "    await asyncio.sleep(0)\n"
      "    print(len(ev2._waiters))\n"
      "asyncio.run(main())\n");
  CHECK(!strcmp(r.out.data, "1000000\n200000\n"), "stdout: %s stderr: %s", r.out.data, r.err.data);
  done(&r);
}

int main(void) {
  test_never_awaited();
  test_debug_origin();
  test_slow_step();
  test_never_retrieved();
  test_virtual_time();
  test_robustness();
  printf("async_test: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

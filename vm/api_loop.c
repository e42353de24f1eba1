// vm/api_loop.c -- the host running script code (vm/aw.h): calling a
// function, spawning a coroutine as a task and collecting its outcome,
// futures the host completes (async natives), and driving the VM's event
// loop from the host's own loop (one step, the backend fd, the timeout).
// The loop itself is loop.c; this file only calls into it.
#include <limits.h>
#include <math.h>
#include <string.h>
#include "vm/api.h"

static bool is_future(AwValue v) { return AW_IS_KIND(v, AW_OBJ_FUTURE); }

// The VM's loop for the host. asyncio.run() closes it when it returns; a
// host that goes on driving it reopens it, as a new loop would be.
static AwLoop *host_loop(AwVM *vm) {
  AwLoop *loop = aw_loop_get(vm);
  if (loop && loop->closed) loop->closed = false;
  return loop;
}

// Calls slot 0 with slots 1..nargs. The arguments are copied into a rooted
// tuple: natives may keep argv while the slot array grows and moves.
static AwValue call_slots(AwVM *vm, int nargs) {
  if (nargs < 0) nargs = 0;
  if (!aw_ensure_slots(vm, nargs + 1)) return aw_raise(vm, vm->memory_error);
  AwTuple *args = aw_tuple_new(vm, nargs);
  if (!args) return AW_EXC;
  for (int i = 0; i < nargs; i++) args->items[i] = aw_api_slot(vm, i + 1);
  aw_push_root(vm, AW_OBJ(args));
  AwValue r = aw_call(vm, aw_api_slot(vm, 0), nargs, args->items, NULL);
  aw_pop_root(vm);
  return r;
}

AwResult aw_invoke(AwVM *vm, int nargs) {
  aw_api_enter(vm);
  AwValue r = call_slots(vm, nargs);
  AwResult res = AW_OK;
  if (AW_IS_EXC(r)) res = aw_api_fail(vm);
  else aw_api_put(vm, 0, r);
  aw_api_leave(vm);
  return res;
}

// ---- tasks -------------------------------------------------------------------------

static AwValue spawn(AwVM *vm, int nargs) {
  AwValue c = call_slots(vm, nargs);
  if (AW_IS_EXC(c) || is_future(c)) return c;
  if (!AW_IS_KIND(c, AW_OBJ_NCORO) &&
      (!AW_IS_KIND(c, AW_OBJ_GENERATOR) || ((AwGen *)AW_AS_OBJ(c))->gkind != AW_GENKIND_COROUTINE))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a coroutine was expected, got %R", c);
  aw_push_root(vm, c);
  AwLoop *loop = host_loop(vm);
  AwValue ctx = loop ? aw_context_copy(vm) : AW_EXC;
  AwFuture *t = !AW_IS_EXC(ctx) ? aw_task_new(vm, loop, c, AW_NONE, ctx) : NULL;
  aw_pop_root(vm);
  return t ? AW_OBJ(t) : AW_EXC;
}

AwRef *aw_spawn(AwVM *vm, int nargs) {
  aw_api_enter(vm);
  AwValue t = spawn(vm, nargs);
  AwRef *ref = NULL;
  if (AW_IS_EXC(t)) aw_api_fail(vm);
  else ref = aw_api_ref_new(vm, t);
  aw_api_leave(vm);
  return ref;
}

bool aw_done(AwVM *vm, AwRef *ref) {
  (void)vm;
  return !ref || !is_future(ref->value) || ((AwFuture *)AW_AS_OBJ(ref->value))->state != AW_FUT_PENDING;
}

static AwResult result_of(AwVM *vm, AwValue v) {
  if (!is_future(v)) {
    aw_api_put(vm, 0, v);
    return AW_OK;
  }
  AwValue r = aw_future_await_result(vm, (AwFuture *)AW_AS_OBJ(v));
  if (AW_IS_EXC(r)) return aw_api_fail(vm);
  aw_api_put(vm, 0, r);
  return AW_OK;
}

AwResult aw_result(AwVM *vm, AwRef *ref) {
  if (!ref) return AW_RUNTIME_ERROR;  // aw_spawn failed: its error stays
  aw_api_enter(vm);
  aw_ensure_slots(vm, 1);
  AwResult r = result_of(vm, ref->value);
  aw_api_leave(vm);
  return r;
}

AwResult aw_wait(AwVM *vm, AwRef *ref) {
  if (!ref) return AW_RUNTIME_ERROR;
  aw_api_enter(vm);
  aw_ensure_slots(vm, 1);
  AwValue v = ref->value;
  AwResult r;
  AwLoop *loop = is_future(v) ? host_loop(vm) : NULL;
  if (is_future(v) && (!loop || !aw_loop_run_until_complete(vm, loop, (AwFuture *)AW_AS_OBJ(v))))
    r = aw_api_fail(vm);
  else
    r = result_of(vm, v);
  aw_api_leave(vm);
  return r;
}

// ---- futures completed by the host --------------------------------------------------

AwRef *aw_set_slot_new_future(AwVM *vm, int slot) {
  AwLoop *loop = host_loop(vm);
  AwFuture *f = loop ? aw_future_new(vm, loop) : NULL;
  if (!f) {
    aw_api_sync(vm);
    AwValue e = aw_exc_take(vm);
    if (vm->api->s.native_depth && AW_IS_UNDEF(vm->api->s.thrown)) vm->api->s.thrown = e;
    return NULL;
  }
  aw_api_put(vm, slot, AW_OBJ(f));
  return aw_api_ref_new(vm, AW_OBJ(f));
}

// Completes the future behind [ref] with a result or an exception, then
// releases [ref]. Completing only schedules the waiters' wake-ups: no
// script code runs here.
static bool complete(AwVM *vm, AwRef *ref, AwValue result, AwValue exc) {
  if (!ref) return false;
  AwValue v = ref->value;
  bool ok = false;
  if (is_future(v) && ((AwFuture *)AW_AS_OBJ(v))->state == AW_FUT_PENDING) {
    AwFuture *f = (AwFuture *)AW_AS_OBJ(v);
    ok = AW_IS_UNDEF(exc) ? aw_future_set_result(vm, f, result) : aw_future_set_exception(vm, f, exc);
    if (!ok) aw_exc_take(vm);
  }
  aw_release_ref(vm, ref);
  return ok;
}

bool aw_resolve(AwVM *vm, AwRef *ref, int slot) { return complete(vm, ref, aw_api_slot(vm, slot), AW_UNDEF); }

bool aw_reject(AwVM *vm, AwRef *ref, const char *type, const char *message) {
  AwValue e = aw_api_new_exception(vm, type, message ? message : "");
  aw_push_root(vm, e);
  bool ok = complete(vm, ref, AW_NONE, e);
  aw_pop_root(vm);
  return ok;
}

// ---- driving the loop from the host ---------------------------------------------------

AwResult aw_step(AwVM *vm, int timeout_ms) {
  aw_api_enter(vm);
  AwLoop *loop = host_loop(vm);
  bool ok = loop != NULL;
  if (ok && loop->running) {
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "This event loop is already running");
    ok = false;
  }
  if (ok) {
    // Scripts see a running loop while a step runs (create_task, sleep ...).
    ok = aw_loop_set_running(vm, loop, true) && aw_loop_run_once(vm, loop, timeout_ms);
    aw_loop_set_running(vm, loop, false);
  }
  AwResult r = ok ? AW_OK : aw_api_fail(vm);
  aw_api_leave(vm);
  return r;
}

int aw_backend_fd(AwVM *vm) {
  AwLoop *loop = host_loop(vm);
  if (!loop) {
    aw_exc_take(vm);
    return -1;
  }
  return uv_backend_fd(&loop->uv);
}

int aw_timeout(AwVM *vm) {
  AwLoop *loop = vm->loop;
  if (!loop) return -1;
  if (loop->ready_len) return 0;
  int best = -1;
  if (loop->ntimers) {
    // A cancelled timer at the top only makes the host step early.
    double dt = loop->timers[0].when - aw_loop_time(vm, loop);
    if (loop->virtual_time && loop->pending_threads == 0) return 0;
    best = dt <= 0 ? 0 : dt * 1000.0 >= INT_MAX ? INT_MAX : (int)ceil(dt * 1000.0);
  }
  if (loop->uv_ready) {
    int uv = uv_backend_timeout(&loop->uv);
    if (uv >= 0 && (best < 0 || uv < best)) best = uv;
  }
  return best;
}

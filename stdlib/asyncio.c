// stdlib/asyncio.c -- the C half of module `asyncio`: run, sleep, tasks,
// gather, to_thread and the loop object's methods. The opener then runs
// the embedded stdlib/asyncio.aw (TaskGroup, timeouts, locks, queues ...)
// in the same module namespace.
#include <math.h>
#include <string.h>
#include "lang/compiler.h"
#include "vm/loop.h"

#if __has_include("asyncio.aw.h")
#include "asyncio.aw.h"
#define HAVE_ASYNCIO_AW 1
#endif

// A coroutine (script or native), or an async generator's asend()/athrow()
// awaitable (which collections.abc.Coroutine accepts too: the loop runs
// aclose() as a task).
static bool is_coroutine(AwVM *vm, AwValue v) {
  if (AW_IS_KIND(v, AW_OBJ_GENERATOR)) return ((AwGen *)AW_AS_OBJ(v))->gkind == AW_GENKIND_COROUTINE;
  if (AW_IS_KIND(v, AW_OBJ_NCORO)) return true;
  return aw_asyncgen_awaitable_gen(vm, v) != NULL;
}

static AwLoop *running_loop(AwVM *vm) {
  AwLoop *loop = aw_loop_running(vm);
  if (!loop) aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "no running event loop");
  return loop;
}

static AwLoop *self_loop(AwVM *vm, AwValue self) {
  if (!AW_IS_KIND(self, AW_OBJ_LOOP) || !((AwLoopObj *)AW_AS_OBJ(self))->loop) {
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Event loop is closed");
    return NULL;
  }
  return ((AwLoopObj *)AW_AS_OBJ(self))->loop;
}

// ---- running ----------------------------------------------------------------

static AwValue asyncio_gather(AwVM *vm, int argc, AwValue *argv, AwTuple *kw);

// Cancels the tasks still pending when run() ends and lets them finish,
// as CPython's _cancel_all_tasks does.
static bool cancel_all_tasks(AwVM *vm, AwLoop *loop) {
  AwList *pending = aw_list_new(vm, 0);
  if (!pending) return false;
  aw_push_root(vm, AW_OBJ(pending));
  for (AwFuture *t = aw_loop_tasks(loop); t; t = t->next_task)
    if (!aw_list_append(vm, pending, AW_OBJ(t))) goto fail;
  if (pending->len == 0) {
    aw_pop_root(vm);
    return true;
  }
  for (int64_t i = 0; i < pending->len; i++) aw_task_cancel(vm, (AwFuture *)AW_AS_OBJ(pending->items[i]), AW_NONE);
  {
    // loop.run_until_complete(gather(*pending, return_exceptions=True)):
    // the keyword's value follows the positional arguments.
    int64_t n = pending->len;
    AwValue kwname = aw_str_from_cstr(vm, "return_exceptions");
    AwValue kw = AW_IS_EXC(kwname) ? kwname : aw_tuple_pack(vm, 1, kwname);
    if (AW_IS_EXC(kw) || !aw_list_append(vm, pending, AW_TRUE)) goto fail;
    aw_push_root(vm, kw);
    AwValue outer = asyncio_gather(vm, (int)n, pending->items, AW_AS_TUPLE(kw));
    aw_pop_root(vm);
    pending->len = n;
    if (AW_IS_EXC(outer)) goto fail;
    aw_push_root(vm, outer);
    bool ok = aw_loop_run_until_complete(vm, loop, (AwFuture *)AW_AS_OBJ(outer));
    aw_pop_root(vm);
    if (!ok) goto fail;
  }
  for (int64_t i = 0; i < pending->len; i++) {
    AwFuture *t = (AwFuture *)AW_AS_OBJ(pending->items[i]);
    if (t->state == AW_FUT_FINISHED && t->has_exc) {
      t->log_traceback = false;
      aw_loop_report(vm, loop, "unhandled exception during asyncio.run() shutdown", t->result, "task", AW_OBJ(t),
                     aw_future_created_tb(t));
    }
  }
  aw_pop_root(vm);
  return true;
fail:
  aw_pop_root(vm);
  return false;
}

// loop.run_until_complete(loop.shutdown_asyncgens()).
static bool shutdown_asyncgens(AwVM *vm, AwLoop *loop) {
  AwValue m = aw_getattr_cstr(vm, loop->obj, "shutdown_asyncgens");
  // Without the asyncio module (a sandbox that does not allow it) the loop
  // has no such method, and no async generator hooks ran either.
  if (AW_IS_EXC(m) && aw_exc_pending_is(vm, AW_EXCCLS(vm, AttributeError))) {
    aw_exc_take(vm);
    return true;
  }
  AwValue coro = AW_IS_EXC(m) ? m : aw_call(vm, m, 0, NULL, NULL);
  if (AW_IS_EXC(coro)) return false;
  aw_push_root(vm, coro);
  AwFuture *t = aw_task_new(vm, loop, coro, AW_NONE, aw_context_copy(vm));
  bool ok = t && aw_loop_run_until_complete(vm, loop, t);
  aw_pop_root(vm);
  return ok;
}

// A fresh script-visible loop object for each run, like CPython's new loop.
static bool fresh_loop_object(AwVM *vm, AwLoop *loop) {
  AwLoopObj *o = (AwLoopObj *)aw_obj_alloc(vm, sizeof(AwLoopObj), AW_OBJ_LOOP, AW_CLS(vm, event_loop));
  if (!o) return false;
  if (AW_IS_KIND(loop->obj, AW_OBJ_LOOP)) ((AwLoopObj *)AW_AS_OBJ(loop->obj))->loop = NULL;
  o->loop = loop;
  loop->obj = AW_OBJ(o);
  loop->closed = false;
  return true;
}

// [debug]: 1 on, 0 off, -1 the environment's default (asyncio.run's None).
static AwValue run_main(AwVM *vm, AwValue coro, int debug) {
  if (aw_loop_running(vm)) {
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "asyncio.run() cannot be called from a running event loop");
    aw_exc_keep(vm, coro);  // a never-awaited coroutine warns when the traceback goes
    return AW_EXC;
  }
  if (!is_coroutine(vm, coro)) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "a coroutine was expected, got %R", coro);
  AwLoop *loop = aw_loop_get(vm);
  if (!loop || !fresh_loop_object(vm, loop)) return AW_EXC;
  loop->debug = debug < 0 ? loop->env_debug : debug;
  loop->virtual_time = loop->virtual_time_request || vm->virtual_time;
  loop->virtual_now = 0;
  loop->start_time = (double)uv_hrtime() / 1e9;
  AwFuture *main = aw_task_new(vm, loop, coro, AW_NONE, aw_context_for_task(vm));
  if (!main) return AW_EXC;
  AwValue mv = AW_OBJ(main);
  aw_push_root(vm, mv);
  loop->main_task = mv;
  loop->main_interrupted = false;
  bool ok = aw_loop_run_until_complete(vm, loop, main);
  AwValue escaped = ok ? AW_UNDEF : aw_exc_take(vm);
  aw_push_root(vm, escaped);
  // Runner.close(): cancel what is left, close the async generators still
  // suspended, wait for worker threads (shutdown_default_executor()).
  bool cleaned = cancel_all_tasks(vm, loop) && shutdown_asyncgens(vm, loop);
  if (cleaned && loop->pending_threads > 0 && (cleaned = aw_loop_set_running(vm, loop, true))) {
    while (cleaned && loop->pending_threads > 0) cleaned = aw_loop_run_once(vm, loop, -1);
    aw_loop_set_running(vm, loop, false);
  }
  if (!cleaned && AW_IS_UNDEF(escaped)) {
    escaped = aw_exc_take(vm);
    aw_pop_root(vm);  // root the new value in place of UNDEF
    aw_push_root(vm, escaped);
  }
  loop->main_task = AW_NONE;
  bool interrupted = loop->main_interrupted;
  loop->main_interrupted = false;
  loop->closed = true;
  loop->virtual_time_request = false;
  // Tasks that failed unobserved and coroutines never awaited are reported
  // now, as CPython reports them while the loop drops them: before any
  // traceback of what run() raises.
  aw_gc_collect_and_report(vm);
  AwValue result;
  if (!AW_IS_UNDEF(escaped)) {
    vm->exc = escaped;
    result = AW_EXC;
  } else if (interrupted && main->state == AW_FUT_CANCELLED && main->num_cancels > 0 &&
             --main->num_cancels == 0) {
    // Ctrl-C cancelled the main task and it let the CancelledError out:
    // KeyboardInterrupt, as Runner.run does after task.uncancel() == 0.
    result = aw_raisef(vm, AW_EXCCLS(vm, KeyboardInterrupt), "");
  } else {
    result = aw_future_await_result(vm, main);
  }
  aw_pop_root(vm);
  aw_pop_root(vm);
  return result;
}

AwValue aw_asyncio_run(AwVM *vm, AwValue coro, bool debug) {
  // A script with top-level await may never import asyncio: load it, since
  // the loop's methods written in asyncio.aw (shutdown_asyncgens ...) come
  // with it.
  // (Not allowed in a sandbox: the run goes on without those methods.)
  aw_push_root(vm, coro);
  AwValue name = aw_str_intern(vm, "asyncio", 7);
  AwValue m = AW_IS_EXC(name) ? name : aw_import(vm, name);
  aw_pop_root(vm);
  if (AW_IS_EXC(m)) {
    if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, ImportError))) return m;
    aw_exc_take(vm);
  }
  return run_main(vm, coro, debug ? 1 : -1);
}

static AwValue asyncio_run(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "debug", "virtual_time", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "run", argc, argv, kw, 1, names, a)) return AW_EXC;
  int debug = -1, virt = 0;
  if (!AW_IS_UNDEF(a[1]) && !AW_IS_NONE(a[1]) && (debug = aw_truthy(vm, a[1])) < 0) return AW_EXC;
  if (!AW_IS_UNDEF(a[2]) && (virt = aw_truthy(vm, a[2])) < 0) return AW_EXC;
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return AW_EXC;
  if (!aw_loop_running(vm)) loop->virtual_time_request = virt;
  return run_main(vm, argv[0], debug);
}

// ---- sleep, tasks -----------------------------------------------------------

static bool get_seconds(AwVM *vm, AwValue v, double *out, const char *what) {
  if (AW_IS_INTLIKE(v)) *out = (double)AW_AS_INT(v);
  else if (AW_IS_FLOAT(v)) *out = AW_AS_FLOAT(v);
  else {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' must be a real number, not %s", what, aw_type_name(vm, v));
    return false;
  }
  return true;
}

static AwValue asyncio_sleep(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"delay", "result", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "sleep", argc, argv, kw, 1, names, a)) return AW_EXC;
  double delay;
  // CPython's sleep() starts with `if delay <= 0`: that comparison fails.
  if (!AW_IS_INTLIKE(a[0]) && !AW_IS_FLOAT(a[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'<=' not supported between instances of '%s' and 'int'",
                     aw_type_name(vm, a[0]));
  if (!get_seconds(vm, a[0], &delay, "delay")) return AW_EXC;
  AwValue result = AW_IS_UNDEF(a[1]) ? AW_NONE : a[1];
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return AW_EXC;
  AwFuture *f = aw_future_new(vm, loop);
  if (!f) return AW_EXC;
  if (delay <= 0 || isnan(delay)) {
    // sleep(0) yields to the loop exactly once, then returns result.
    f->state = AW_FUT_FINISHED;
    f->result = result;
    f->sleep0 = true;
    return AW_OBJ(f);
  }
  if (!aw_loop_running(vm)) return running_loop(vm) ? AW_EXC : AW_EXC;
  aw_push_root(vm, AW_OBJ(f));
  AwValue h = aw_loop_call_at(vm, loop, aw_loop_time(vm, loop) + delay, result, AW_OBJ(f), AW_UNDEF, true);
  bool ok = !AW_IS_EXC(h) && aw_future_set_extra(vm, f, AW_FX_TIMER, h);
  aw_pop_root(vm);
  if (!ok) {
    if (!AW_IS_EXC(h)) ((AwHandle *)AW_AS_OBJ(h))->cancelled = true;
    return AW_EXC;
  }
  return AW_OBJ(f);
}

static AwValue task_from(AwVM *vm, AwLoop *loop, AwValue coro, AwValue name, AwValue context) {
  if (!is_coroutine(vm, coro)) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a coroutine was expected, got %R", coro);
  if (AW_IS_UNDEF(context) || AW_IS_NONE(context)) context = aw_context_for_task(vm);
  AwFuture *t = aw_task_new(vm, loop, coro, AW_IS_UNDEF(name) ? AW_NONE : name, context);
  return t ? AW_OBJ(t) : AW_EXC;
}

static AwValue asyncio_create_task(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"coro", "name", "context", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "create_task", argc, argv, kw, 1, names, a)) return AW_EXC;
  // Without a running loop the coroutine is never awaited, and warned
  // about, as in CPython.
  AwLoop *loop = running_loop(vm);
  if (!loop) return AW_EXC;
  return task_from(vm, loop, a[0], a[1], a[2]);
}

static AwValue ensure_future(AwVM *vm, AwValue obj) {
  if (AW_IS_KIND(obj, AW_OBJ_FUTURE)) return obj;
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return AW_EXC;
  if (is_coroutine(vm, obj)) return task_from(vm, loop, obj, AW_NONE, AW_UNDEF);
  if (!AW_IS_UNDEF(aw_lookup_special(vm, obj, AW_N(vm, await)))) {
    // Wrap any awaitable in a coroutine (defined in asyncio.aw).
    AwValue mod = aw_dict_get_cstr(vm, vm->modules, "asyncio");
    AwValue wrap = AW_IS_KIND(mod, AW_OBJ_MODULE)
                       ? aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(mod))->dict, "_wrap_awaitable")
                       : AW_UNDEF;
    if (!AW_IS_UNDEF(wrap)) {
      AwValue c = aw_call(vm, wrap, 1, &obj, NULL);
      if (AW_IS_EXC(c)) return c;
      return task_from(vm, loop, c, AW_NONE, AW_UNDEF);
    }
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "An asyncio.Future, a coroutine or an awaitable is required");
}

static AwValue asyncio_ensure_future(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"coro_or_future", "loop", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "ensure_future", argc, argv, kw, 1, names, a)) return AW_EXC;
  return ensure_future(vm, a[0]);
}

static AwValue asyncio_get_running_loop(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argv;
  if (!aw_check_argc(vm, "get_running_loop", argc, kw, 0, 0)) return AW_EXC;
  AwLoop *loop = running_loop(vm);
  return loop ? loop->obj : AW_EXC;
}

static AwValue asyncio_get_event_loop(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argv;
  if (!aw_check_argc(vm, "get_event_loop", argc, kw, 0, 0)) return AW_EXC;
  AwLoop *loop = aw_loop_get(vm);
  return loop ? loop->obj : AW_EXC;
}

static AwValue asyncio_running_loop_or_none(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)argv; (void)kw;
  AwLoop *loop = aw_loop_running(vm);
  return loop ? loop->obj : AW_NONE;
}

static AwValue asyncio_current_task(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argv;
  if (!aw_check_argc(vm, "current_task", argc, kw, 0, 1)) return AW_EXC;
  AwLoop *loop = running_loop(vm);
  return loop ? loop->current_task : AW_EXC;
}

static AwValue asyncio_all_tasks(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argv;
  if (!aw_check_argc(vm, "all_tasks", argc, kw, 0, 1)) return AW_EXC;
  // all_tasks(loop) works on a loop that is not running; all_tasks() needs one.
  AwLoop *loop = argc == 1 && !AW_IS_NONE(argv[0]) ? self_loop(vm, argv[0]) : running_loop(vm);
  if (!loop) return AW_EXC;
  AwSet *s = aw_set_new(vm, false);
  if (!s) return AW_EXC;
  for (AwFuture *t = aw_loop_tasks(loop); t; t = t->next_task)
    if (!aw_set_add(vm, s, AW_OBJ(t))) return AW_EXC;
  return AW_OBJ(s);
}

// ---- gather -------------------------------------------------------------------

// gather(return_exceptions=True) reports a cancelled child as
// CancelledError('' or its message), as 3.11 does.
static AwValue cancelled_result_of(AwVM *vm, AwFuture *f) {
  AwValue msg = aw_future_extra(f, AW_FX_CANCEL_MSG);
  if (AW_IS_NONE(msg)) msg = vm->empty_str;
  return aw_exc_new(vm, AW_CANCELLED(vm), 1, &msg);
}

bool aw_gather_child_done(AwVM *vm, AwFuture *outer, AwFuture *child) {
  if (outer->state != AW_FUT_PENDING) {
    if (child->state == AW_FUT_FINISHED) child->log_traceback = false;  // mark retrieved
    return true;
  }
  if (!outer->return_exceptions) {
    if (child->state == AW_FUT_CANCELLED) {
      AwValue e = aw_future_cancelled_error(vm, child);
      return !AW_IS_EXC(e) && aw_future_set_exception(vm, outer, e);
    }
    if (child->has_exc) {
      child->log_traceback = false;
      return aw_future_set_exception(vm, outer, child->result);
    }
  }
  AwList *kids = AW_AS_LIST(aw_future_extra(outer, AW_FX_CHILDREN));
  if (++outer->num_cancels < kids->len) return true;
  AwList *results = aw_list_new(vm, kids->len);
  if (!results) return false;
  aw_push_root(vm, AW_OBJ(results));
  bool ok = true;
  for (int64_t i = 0; ok && i < kids->len; i++) {
    AwFuture *k = (AwFuture *)AW_AS_OBJ(kids->items[i]);
    AwValue r;
    if (k->state == AW_FUT_CANCELLED) r = cancelled_result_of(vm, k);
    else if (k->has_exc) {
      r = k->result;
      k->log_traceback = false;
    } else r = k->result;
    ok = !AW_IS_EXC(r) && aw_list_append(vm, results, r);
  }
  if (ok) {
    if (outer->cancel_requested) {
      AwValue e = aw_future_cancelled_error(vm, outer);
      ok = !AW_IS_EXC(e) && aw_future_set_exception(vm, outer, e);
    } else {
      ok = aw_future_set_result(vm, outer, AW_OBJ(results));
    }
  }
  aw_pop_root(vm);
  return ok;
}

static AwValue asyncio_gather(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  int nkw = kw ? (int)kw->len : 0;
  bool return_exceptions = false;
  for (int k = 0; k < nkw; k++) {
    if (!aw_str_eq_cstr(kw->items[k], "return_exceptions"))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "gather() got an unexpected keyword argument '%s'",
                       AW_AS_STR(kw->items[k])->data);
    int t = aw_truthy(vm, argv[argc + k]);
    if (t < 0) return AW_EXC;
    return_exceptions = t;
  }
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return AW_EXC;
  AwFuture *outer = aw_future_new(vm, loop);
  if (!outer) return AW_EXC;
  AwDict *seen = NULL;
  AwValue ov = AW_OBJ(outer);
  aw_push_root(vm, ov);
  AwValue result = AW_EXC;
  AwList *kids = NULL;
  bool adopted = false;
  // The same awaitable twice shares one future, as in CPython. Usually
  // nothing repeats: coroutines and futures are marked in one pass to tell
  // (no allocation, no code runs meanwhile); only when something repeats,
  // or other awaitables come in numbers, a dict (identity hashing) is used.
  bool repeats = false, others = false;
  for (int i = 0; i < argc; i++) {
    if (AW_IS_KIND(argv[i], AW_OBJ_GENERATOR) || AW_IS_KIND(argv[i], AW_OBJ_NCORO) || AW_IS_KIND(argv[i], AW_OBJ_FUTURE)) {
      AwObj *o = AW_AS_OBJ(argv[i]);
      if (o->flags & AW_GATHER_MARK) repeats = true;
      o->flags |= AW_GATHER_MARK;
    } else {
      others = true;
    }
  }
  for (int i = 0; i < argc; i++)
    if (AW_IS_KIND(argv[i], AW_OBJ_GENERATOR) || AW_IS_KIND(argv[i], AW_OBJ_NCORO) || AW_IS_KIND(argv[i], AW_OBJ_FUTURE))
      AW_AS_OBJ(argv[i])->flags &= (uint16_t)~AW_GATHER_MARK;
  bool scan = repeats || others;
  // gather(*aws): the children list is the argument list itself when the
  // caller's f(*args) passed it on (aw_call_ex_args), each awaitable
  // replaced by its future in place (nothing looks back at them then).
  if (!scan && (kids = aw_call_ex_args(vm, argv, argc))) adopted = true;
  else kids = aw_list_new(vm, argc);
  if (!kids || !aw_future_set_extra(vm, outer, AW_FX_CHILDREN, AW_OBJ(kids))) goto done;
  outer->is_gather = true;
  if (scan && argc > 16) {
    seen = aw_dict_new(vm);
    if (!seen) goto done;
    aw_push_root(vm, AW_OBJ(seen));
  }
  outer->return_exceptions = return_exceptions;
  for (int i = 0; i < argc; i++) {
    AwValue fut = AW_UNDEF;
    if (seen) {
      if (aw_dict_get(vm, seen, argv[i], &fut) < 0) goto done;
    } else if (scan) {
      for (int j = 0; j < i; j++)
        if (aw_value_is(argv[j], argv[i])) fut = kids->items[j];
    }
    if (AW_IS_UNDEF(fut)) {
      fut = ensure_future(vm, argv[i]);
      if (AW_IS_EXC(fut) || (seen && !aw_dict_set(vm, seen, argv[i], fut))) goto done;
    }
    if (adopted) kids->items[i] = fut;
    else if (!aw_list_append(vm, kids, fut)) goto done;
  }
  if (argc == 0) {
    AwList *empty = aw_list_new(vm, 0);
    if (!empty || !aw_future_set_result(vm, outer, AW_OBJ(empty))) goto done;
  }
  for (int64_t i = 0; i < kids->len; i++)
    if (!aw_future_add_callback(vm, (AwFuture *)AW_AS_OBJ(kids->items[i]), ov, AW_UNDEF)) goto done;
  result = ov;
done:
  if (seen) aw_pop_root(vm);
  aw_pop_root(vm);
  return result;
}

// gather's outer future: cancelling it cancels the children.
bool aw_gather_cancel(AwVM *vm, AwFuture *outer, AwValue msg) {
  if (outer->state != AW_FUT_PENDING) return false;
  bool any = false;
  AwList *kids = AW_AS_LIST(aw_future_extra(outer, AW_FX_CHILDREN));
  for (int64_t i = 0; i < kids->len; i++) {
    AwFuture *k = (AwFuture *)AW_AS_OBJ(kids->items[i]);
    if (k->is_task ? aw_task_cancel(vm, k, msg) : aw_future_cancel(vm, k, msg)) any = true;
  }
  if (any) {
    outer->cancel_requested = true;
    if (!aw_future_set_extra(vm, outer, AW_FX_CANCEL_MSG, msg)) return false;
  }
  return any;
}

// ---- threads ------------------------------------------------------------------

static AwValue submit_call(AwVM *vm, AwValue fn, int argc, AwValue *argv, AwTuple *kw) {
  AwLoop *loop = running_loop(vm);
  if (!loop) return AW_EXC;
  int npos = argc;
  AwTuple *args = aw_tuple_new(vm, npos);
  if (!args) return AW_EXC;
  if (npos) memcpy(args->items, argv, sizeof(AwValue) * (size_t)npos);
  AwValue kwargs = AW_UNDEF;
  if (kw && kw->len) {
    AwDict *d = aw_dict_new(vm);
    if (!d) return AW_EXC;
    for (int64_t k = 0; k < kw->len; k++)
      if (!aw_dict_set(vm, d, kw->items[k], argv[argc + k])) return AW_EXC;
    kwargs = AW_OBJ(d);
  }
  return aw_threads_submit(vm, loop, fn, AW_OBJ(args), kwargs);
}

// _submit_to_thread(func, args, kwargs): the future of a worker-thread call.
static AwValue asyncio_submit_to_thread(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "_submit_to_thread", argc, kw, 3, 3)) return AW_EXC;
  AwLoop *loop = running_loop(vm);
  if (!loop) return AW_EXC;
  if (!AW_IS_TUPLE(argv[1]) || !AW_IS_DICT(argv[2]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "_submit_to_thread(func, tuple, dict)");
  return aw_threads_submit(vm, loop, argv[0], argv[1], argv[2]);
}

// Definitions that must be coroutine functions, written in aw itself.
static const char coroutine_defs[] =
    "async def to_thread(func, /, *args, **kwargs):\n"
    "    return await _submit_to_thread(func, args, kwargs)\n"
    "async def sleep(delay, result=None):\n"
    "    return await _sleep(delay, result)\n";

static bool run_source(AwVM *vm, AwModule *m, const char *src, size_t len, const char *name) {
  AwDiag diag;
  memset(&diag, 0, sizeof diag);
  bool incomplete = false;
  AwProto *p = aw_compile(vm, src, len, name, AW_PARSE_FILE, &diag, &incomplete);
  if (!p) {
    aw_raise_syntax_error(vm, &diag, name, src, len);
    return false;
  }
  aw_push_root(vm, AW_OBJ(p));
  bool ok = !AW_IS_EXC(aw_run_module_code(vm, p, m->dict));
  aw_pop_root(vm);
  return ok;
}

// ---- the loop object ----------------------------------------------------------------

static AwValue pack_args(AwVM *vm, int argc, AwValue *argv) {
  AwTuple *t = aw_tuple_new(vm, argc);
  if (!t) return AW_EXC;
  if (argc) memcpy(t->items, argv, sizeof(AwValue) * (size_t)argc);
  return AW_OBJ(t);
}

static AwValue context_kw(AwVM *vm, AwTuple *kw, AwValue *kwvals, const char *fname) {
  AwValue ctx = AW_UNDEF;
  for (int64_t k = 0; kw && k < kw->len; k++) {
    if (!aw_str_eq_cstr(kw->items[k], "context"))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() got an unexpected keyword argument '%s'", fname,
                       AW_AS_STR(kw->items[k])->data);
    ctx = kwvals[k];
  }
  // Without context=, the callback runs in a copy of the current context.
  return AW_IS_UNDEF(ctx) || AW_IS_NONE(ctx) ? aw_context_copy(vm) : ctx;
}

static AwValue loop_call_soon(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  if (argc < 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "call_soon() missing 1 required positional argument: 'callback'");
  AwValue ctx = context_kw(vm, kw, argv + argc, "call_soon");
  if (AW_IS_EXC(ctx)) return ctx;
  AwValue args = pack_args(vm, argc - 2, argv + 2);
  if (AW_IS_EXC(args)) return args;
  return aw_loop_call_soon(vm, loop, argv[1], args, ctx);
}

// call_soon() that also wakes a loop blocked in its poll (from another
// thread, or from a finalizer that ran on one).
static AwValue loop_call_soon_threadsafe(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwValue h = loop_call_soon(vm, argc, argv, kw);
  AwLoop *loop = AW_IS_EXC(h) ? NULL : self_loop(vm, argv[0]);
  if (loop && loop->uv_ready) uv_async_send(&loop->async);
  return h;
}

static AwValue call_at_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kw, bool relative, const char *fname) {
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  if (argc < 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() missing required arguments", fname);
  double t;
  // call_later() computes `self.time() + delay` first.
  if (relative && !AW_IS_INTLIKE(argv[1]) && !AW_IS_FLOAT(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "unsupported operand type(s) for +: 'float' and '%s'",
                     aw_type_name(vm, argv[1]));
  if (!get_seconds(vm, argv[1], &t, relative ? "delay" : "when")) return AW_EXC;
  AwValue ctx = context_kw(vm, kw, argv + argc, fname);
  if (AW_IS_EXC(ctx)) return ctx;
  AwValue args = pack_args(vm, argc - 3, argv + 3);
  if (AW_IS_EXC(args)) return args;
  double when = relative ? aw_loop_time(vm, loop) + t : t;
  return aw_loop_call_at(vm, loop, when, argv[2], args, ctx, false);
}

static AwValue loop_call_later(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return call_at_common(vm, argc, argv, kw, true, "call_later");
}

static AwValue loop_call_at(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return call_at_common(vm, argc, argv, kw, false, "call_at");
}

static AwValue loop_time(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoop *loop = self_loop(vm, argv[0]);
  return loop ? AW_FLOAT(aw_loop_time(vm, loop)) : AW_EXC;
}

static AwValue loop_create_future(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  AwFuture *f = aw_future_new(vm, loop);
  return f ? AW_OBJ(f) : AW_EXC;
}

static AwValue loop_create_task(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "coro", "name", "context", NULL};
  AwValue a[4];
  if (!aw_parse_args(vm, "create_task", argc, argv, kw, 2, names, a)) return AW_EXC;
  AwLoop *loop = self_loop(vm, a[0]);
  if (!loop) return AW_EXC;
  return task_from(vm, loop, a[1], a[2], a[3]);
}

static AwValue loop_run_in_executor(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (argc < 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "run_in_executor() missing required arguments");
  if (!AW_IS_NONE(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, NotImplementedError), "run_in_executor() supports only the default executor (None)");
  if (kw && kw->len) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "run_in_executor() takes no keyword arguments");
  return submit_call(vm, argv[2], argc - 3, argv + 3, NULL);
}

static AwValue loop_is_running(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoopObj *o = (AwLoopObj *)AW_AS_OBJ(argv[0]);
  return AW_BOOL(o->loop && vm->loop == o->loop && o->loop->running && AW_AS_OBJ(o->loop->obj) == &o->obj);
}

static AwValue loop_is_closed(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw; (void)vm;
  AwLoopObj *o = (AwLoopObj *)AW_AS_OBJ(argv[0]);
  return AW_BOOL(!o->loop || o->loop->closed);
}

static AwValue loop_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoopObj *o = (AwLoopObj *)AW_AS_OBJ(argv[0]);
  if (o->loop && o->loop->running) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Cannot close a running event loop");
  if (o->loop) o->loop->closed = true;
  return AW_NONE;
}

static AwValue loop_get_debug(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoop *loop = self_loop(vm, argv[0]);
  return loop ? AW_BOOL(loop->debug) : AW_EXC;
}

static AwValue loop_set_debug(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "set_debug", argc, kw, 2, 2)) return AW_EXC;
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  int t = aw_truthy(vm, argv[1]);
  if (t < 0) return AW_EXC;
  loop->debug = t;
  return AW_NONE;
}

static AwValue loop_slow_duration(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  if (argc == 2) {
    double d;
    if (!get_seconds(vm, argv[1], &d, "slow_callback_duration")) return AW_EXC;
    loop->slow_callback_duration = d;
    return AW_NONE;
  }
  return AW_FLOAT(loop->slow_callback_duration);
}

static AwValue loop_run_until_complete(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "run_until_complete", argc, kw, 2, 2)) return AW_EXC;
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  if (loop->closed) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Event loop is closed");
  AwValue fut = ensure_future(vm, argv[1]);
  if (AW_IS_EXC(fut)) return fut;
  aw_push_root(vm, fut);
  bool ok = aw_loop_run_until_complete(vm, loop, (AwFuture *)AW_AS_OBJ(fut));
  aw_pop_root(vm);
  if (!ok) return AW_EXC;
  return aw_future_await_result(vm, (AwFuture *)AW_AS_OBJ(fut));
}

static AwValue loop_set_exception_handler(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "set_exception_handler", argc, kw, 2, 2)) return AW_EXC;
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  if (!AW_IS_NONE(argv[1]) && !aw_is_callable(vm, argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "A callable object or None is expected, got %R", argv[1]);
  loop->exception_handler = argv[1];
  return AW_NONE;
}

static AwValue loop_get_exception_handler(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoop *loop = self_loop(vm, argv[0]);
  return loop ? loop->exception_handler : AW_EXC;
}

// CPython's BaseEventLoop.default_exception_handler: the message, every
// other context key in sorted order (repr of the value; source_traceback
// as a stack), then the exception's traceback.
static AwValue loop_default_exception_handler(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "default_exception_handler", argc, kw, 2, 2)) return AW_EXC;
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  if (!AW_IS_DICT(argv[1])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "context must be a dict");
  AwDict *ctx = AW_AS_DICT(argv[1]);
  AwValue msg = aw_dict_get_cstr(vm, ctx, "message");
  AwStr *m = AW_IS_UNDEF(msg) ? NULL : aw_to_str(vm, msg);
  if (!m && !AW_IS_UNDEF(msg)) return AW_EXC;
  AwList *keys = aw_list_new(vm, 4);
  if (!keys) return AW_EXC;
  aw_push_root(vm, AW_OBJ(keys));
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(ctx, &pos, &k, &v))
    if (!aw_str_eq_cstr(k, "message") && !aw_str_eq_cstr(k, "exception") && !aw_list_append(vm, keys, k)) goto fail;
  if (!aw_list_sort(vm, keys, AW_UNDEF, false)) goto fail;
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_printf(vm, &b, "%s\n", m ? m->data : "Unhandled exception in event loop");
  for (int64_t i = 0; i < keys->len; i++) {
    AwValue val = aw_dict_get_str(ctx, keys->items[i]);
    if (AW_IS_UNDEF(val)) continue;
    aw_buf_append_str(vm, &b, keys->items[i]);
    aw_buf_append(vm, &b, ": ", 2);
    if (!aw_buf_repr(vm, &b, val)) {
      aw_buf_free(vm, &b);
      goto fail;
    }
    aw_buf_putc(vm, &b, '\n');
  }
  if (b.failed) goto fail;
  aw_write_err(vm, b.data, b.len);
  aw_buf_free(vm, &b);
  AwValue exc = aw_dict_get_cstr(vm, ctx, "exception");
  if (AW_IS_EXCEPTION(exc)) aw_print_exception(vm, exc);
  aw_pop_root(vm);
  return AW_NONE;
fail:
  aw_pop_root(vm);
  return AW_EXC;
}

static AwValue loop_call_exception_handler(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "call_exception_handler", argc, kw, 2, 2)) return AW_EXC;
  AwLoop *loop = self_loop(vm, argv[0]);
  if (!loop) return AW_EXC;
  if (!AW_IS_NONE(loop->exception_handler)) {
    AwValue args[2] = {argv[0], argv[1]};
    AwValue r = aw_call(vm, loop->exception_handler, 2, args, NULL);
    if (!AW_IS_EXC(r)) return AW_NONE;
    aw_exc_take(vm);
  }
  return loop_default_exception_handler(vm, argc, argv, kw);
}

// ---- the loop's weak set of async generators -------------------------------------
// BaseEventLoop's asyncgen hooks are written in aw (asyncio.aw); these
// natives keep its _asyncgens set (a weak set in CPython, loop.c here).

static AwGen *as_agen(AwValue v) {
  if (!AW_IS_KIND(v, AW_OBJ_GENERATOR)) return NULL;
  AwGen *g = (AwGen *)AW_AS_OBJ(v);
  return g->gkind == AW_GENKIND_ASYNCGEN ? g : NULL;
}

// The loop of a loop object, NULL for one whose run is over (its set went
// with it).
static AwLoop *set_loop(AwValue self) {
  return AW_IS_KIND(self, AW_OBJ_LOOP) ? ((AwLoopObj *)AW_AS_OBJ(self))->loop : NULL;
}

// ---- Event waiters (Event.wait parks in place of its future: ncoro.c) ----

// The list and first live index of the asyncio.aw _Deque that native
// [name] was called with (NULL: raised).
static AwList *waiter_list(AwVM *vm, const char *name, int argc, AwValue *argv, AwTuple *kw, int64_t *first) {
  if (!aw_check_argc(vm, name, argc, kw, 1, 1)) return NULL;
  AwValue a = aw_getattr_cstr(vm, argv[0], "_a");
  if (AW_IS_EXC(a)) return NULL;
  AwValue h = aw_getattr_cstr(vm, argv[0], "_h");
  if (AW_IS_EXC(h)) return NULL;
  if (!AW_IS_LIST(a) || !AW_IS_INT(h)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "corrupt waiter deque");
    return NULL;
  }
  *first = AW_AS_INT(h) < 0 ? 0 : AW_AS_INT(h);
  return AW_AS_LIST(a);
}

// _wake_waiters(deque): Event.set's `for fut in waiters: if not fut.done():
// fut.set_result(True)`, parked waiters woken in place, in order.
static AwValue asyncio_wake_waiters(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  int64_t first;
  AwList *l = waiter_list(vm, "_wake_waiters", argc, argv, kw, &first);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  bool ok = true;
  for (int64_t i = first; ok && i < l->len; i++) {
    AwValue w = l->items[i];
    if (aw_ncoro_is_parked(w)) {
      ok = aw_ncoro_wake(vm, (AwNCoro *)AW_AS_OBJ(w)) >= 0;
    } else if (AW_IS_KIND(w, AW_OBJ_FUTURE) && !((AwFuture *)AW_AS_OBJ(w))->is_task) {
      AwFuture *f = (AwFuture *)AW_AS_OBJ(w);
      if (f->state == AW_FUT_PENDING) ok = aw_future_set_result(vm, f, AW_TRUE);
    } else if (!AW_IS_NONE(w)) {
      aw_push_root(vm, w);
      AwValue done = aw_call_method(vm, w, aw_str_intern(vm, "done", 4), 0, NULL);
      int t = AW_IS_EXC(done) ? -1 : aw_truthy(vm, done);
      AwValue yes = AW_TRUE;
      ok = t == 1 || (t == 0 && !AW_IS_EXC(aw_call_method(vm, w, aw_str_intern(vm, "set_result", 10), 1, &yes)));
      aw_pop_root(vm);
    }
  }
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

// _unpark_waiters(deque): the real futures for its parked waiters, before
// a script sees the entries.
static AwValue asyncio_unpark_waiters(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  int64_t first;
  AwList *l = waiter_list(vm, "_unpark_waiters", argc, argv, kw, &first);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  bool ok = true;
  for (int64_t i = first; ok && i < l->len; i++)
    if (aw_ncoro_is_parked(l->items[i])) ok = !AW_IS_EXC(aw_ncoro_materialize(vm, (AwNCoro *)AW_AS_OBJ(l->items[i])));
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

// _asyncgens_add(loop, agen) / _asyncgens_discard(loop, agen).
static AwValue asyncio_asyncgens_add(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "_asyncgens_add", argc, kw, 2, 2)) return AW_EXC;
  AwLoop *loop = set_loop(argv[0]);
  AwGen *g = as_agen(argv[1]);
  if (loop && g && !aw_loop_agen_add(vm, loop, g)) return AW_EXC;
  return AW_NONE;
}

static AwValue asyncio_asyncgens_discard(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "_asyncgens_discard", argc, kw, 2, 2)) return AW_EXC;
  AwLoop *loop = set_loop(argv[0]);
  AwGen *g = as_agen(argv[1]);
  if (loop && g) aw_loop_agen_discard(loop, g);
  return AW_NONE;
}

// _take_asyncgens(loop): shutdown_asyncgens()'s snapshot of the weak set,
// which it leaves empty.
static AwValue asyncio_take_asyncgens(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "_take_asyncgens", argc, kw, 1, 1)) return AW_EXC;
  AwLoop *loop = set_loop(argv[0]);
  if (loop) return aw_loop_agen_take(vm, loop);
  AwList *empty = aw_list_new(vm, 0);
  return empty ? AW_OBJ(empty) : AW_EXC;
}

bool aw_loop_is_firstiter_hook(AwVM *vm, AwValue fn) {
  if (!AW_IS_KIND(fn, AW_OBJ_BOUND) || !AW_IS_KIND(((AwBound *)AW_AS_OBJ(fn))->self, AW_OBJ_LOOP)) return false;
  AwValue hook = aw_dict_get_cstr(vm, AW_CLS(vm, event_loop)->dict, "_asyncgen_firstiter_hook");
  return aw_value_is(((AwBound *)AW_AS_OBJ(fn))->func, hook);
}

static AwValue loop_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoopObj *o = (AwLoopObj *)AW_AS_OBJ(argv[0]);
  bool running = o->loop && o->loop->running && AW_AS_OBJ(o->loop->obj) == &o->obj;
  bool closed = !o->loop || o->loop->closed;
  return aw_str_format(vm, "<_UnixSelectorEventLoop running=%s closed=%s debug=%s>", running ? "True" : "False",
                       closed ? "True" : "False", o->loop && o->loop->debug ? "True" : "False");
}

// ---- handles ---------------------------------------------------------------------------

static AwValue handle_cancel(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwHandle *h = (AwHandle *)AW_AS_OBJ(argv[0]);
  h->cancelled = true;
  return AW_NONE;
}

static AwValue handle_cancelled(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return AW_BOOL(((AwHandle *)AW_AS_OBJ(argv[0]))->cancelled);
}

static AwValue handle_when(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return AW_FLOAT(((AwHandle *)AW_AS_OBJ(argv[0]))->when);
}

static AwValue handle_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwHandle *h = (AwHandle *)AW_AS_OBJ(argv[0]);
  AwBuf b;
  aw_buf_init(&b);
  bool timer = aw_obj_class(vm, AW_AS_OBJ(argv[0])) == AW_CLS(vm, TimerHandle);
  aw_buf_printf(vm, &b, "<%s%s", timer ? "TimerHandle" : "Handle", h->cancelled ? " cancelled" : "");
  if (timer) aw_buf_printf(vm, &b, " when=%g", h->when);
  if (!h->cancelled && !h->is_sleep) {
    aw_buf_putc(vm, &b, ' ');
    if (!aw_future_buf_callback(vm, &b, h->fn, h->args)) {
      aw_buf_free(vm, &b);
      return AW_EXC;
    }
  }
  aw_buf_putc(vm, &b, '>');
  return aw_buf_to_str(vm, &b);
}

bool aw_loop_init_classes(AwVM *vm) {
  AwClass *L = AW_CLS(vm, event_loop), *H = AW_CLS(vm, Handle), *TH = AW_CLS(vm, TimerHandle);
  return aw_class_add_native(vm, L, "call_soon", loop_call_soon, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "call_later", loop_call_later, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "call_at", loop_call_at, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "time", loop_time, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "create_future", loop_create_future, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "create_task", loop_create_task, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "run_in_executor", loop_run_in_executor, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "is_running", loop_is_running, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "is_closed", loop_is_closed, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "close", loop_close, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "get_debug", loop_get_debug, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "set_debug", loop_set_debug, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "slow_callback_duration", loop_slow_duration, AW_NATIVE_GETTER | AW_NATIVE_SETTER) &&
         aw_class_add_native(vm, L, "run_until_complete", loop_run_until_complete, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "set_exception_handler", loop_set_exception_handler, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "get_exception_handler", loop_get_exception_handler, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "default_exception_handler", loop_default_exception_handler, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "call_exception_handler", loop_call_exception_handler, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "__repr__", loop_repr, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, L, "call_soon_threadsafe", loop_call_soon_threadsafe, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, H, "cancel", handle_cancel, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, H, "cancelled", handle_cancelled, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, H, "__repr__", handle_repr, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, TH, "when", handle_when, AW_NATIVE_METHOD);
}

// ---- the module -------------------------------------------------------------------------

// The loop's methods written in aw (asyncio.aw's class BaseEventLoop, a
// coroutine function each) become methods of the loop class itself.
static bool adopt_loop_methods(AwVM *vm, AwModule *m) {
  AwValue base = aw_dict_get_cstr(vm, m->dict, "BaseEventLoop");
  if (!AW_IS_CLASS(base)) return true;
  AwDict *d = AW_AS_CLASS(base)->dict;
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(d, &pos, &k, &v))
    if (AW_IS_KIND(v, AW_OBJ_FUNCTION) && !aw_dict_set(vm, AW_CLS(vm, event_loop)->dict, k, v)) return false;
  return aw_dict_del(vm, m->dict, aw_str_from_cstr(vm, "BaseEventLoop"), NULL) >= 0;
}

static bool add_class(AwVM *vm, AwModule *m, const char *name, AwClass *c) {
  if (c == AW_CLS(vm, Future) || c == AW_CLS(vm, Task)) {
    // C types of CPython's _asyncio: '_asyncio.Task' in messages.
    c->module = aw_str_from_cstr(vm, "_asyncio");
    if (AW_IS_EXC(c->module)) return false;
    c->slot_flags |= AW_CLS_DOTTED_NAME;
  }
  return aw_module_add_value(vm, m, name, AW_OBJ(c));
}

// Gives asyncio.aw's coroutine function [cls].[meth] the native [body]
// (vm/ncoro.c): it stays the same function to scripts.
static void native_body(AwVM *vm, AwModule *m, const char *cls, const char *meth, AwNCoroBody body) {
  AwValue c = aw_dict_get_cstr(vm, m->dict, cls);
  AwValue f = AW_IS_CLASS(c) ? aw_dict_get_cstr(vm, AW_AS_CLASS(c)->dict, meth) : AW_UNDEF;
  if (AW_IS_KIND(f, AW_OBJ_FUNCTION) && (((AwFunction *)AW_AS_OBJ(f))->proto->flags & AW_CODE_COROUTINE))
    aw_ncoro_register((AwFunction *)AW_AS_OBJ(f), body);
}

AwModule *aw_open_asyncio(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "asyncio");
  if (!m) return NULL;
  AwValue mv = AW_OBJ(m);
  aw_push_root(vm, mv);
  bool ok = aw_module_add_fn(vm, m, "run", asyncio_run) && aw_module_add_fn(vm, m, "_sleep", asyncio_sleep) &&
            aw_module_add_fn(vm, m, "create_task", asyncio_create_task) &&
            aw_module_add_fn(vm, m, "ensure_future", asyncio_ensure_future) &&
            aw_module_add_fn(vm, m, "get_running_loop", asyncio_get_running_loop) &&
            aw_module_add_fn(vm, m, "get_event_loop", asyncio_get_event_loop) &&
            aw_module_add_fn(vm, m, "_get_running_loop", asyncio_running_loop_or_none) &&
            aw_module_add_fn(vm, m, "current_task", asyncio_current_task) &&
            aw_module_add_fn(vm, m, "all_tasks", asyncio_all_tasks) &&
            aw_module_add_fn(vm, m, "gather", asyncio_gather) &&
            aw_module_add_fn(vm, m, "_submit_to_thread", asyncio_submit_to_thread) &&
            aw_module_add_fn(vm, m, "_take_asyncgens", asyncio_take_asyncgens) &&
            aw_module_add_fn(vm, m, "_asyncgens_add", asyncio_asyncgens_add) &&
            aw_module_add_fn(vm, m, "_asyncgens_discard", asyncio_asyncgens_discard) &&
            aw_module_add_fn(vm, m, "_wake_waiters", asyncio_wake_waiters) &&
            aw_module_add_fn(vm, m, "_unpark_waiters", asyncio_unpark_waiters) &&
            add_class(vm, m, "Future", AW_CLS(vm, Future)) && add_class(vm, m, "Task", AW_CLS(vm, Task)) &&
            add_class(vm, m, "Handle", AW_CLS(vm, Handle)) && add_class(vm, m, "TimerHandle", AW_CLS(vm, TimerHandle)) &&
            add_class(vm, m, "AbstractEventLoop", AW_CLS(vm, event_loop)) &&
            add_class(vm, m, "CancelledError", AW_EXCCLS(vm, CancelledError)) &&
            add_class(vm, m, "InvalidStateError", AW_EXCCLS(vm, InvalidStateError)) &&
            add_class(vm, m, "TimeoutError", AW_EXCCLS(vm, TimeoutError));
  // The module must be importable by the .aw half while it runs.
  ok = ok && aw_dict_set_cstr(vm, vm->modules, "asyncio", mv);
  ok = ok && run_source(vm, m, coroutine_defs, sizeof coroutine_defs - 1, "<frozen asyncio>");
#ifdef HAVE_ASYNCIO_AW
  ok = ok && run_source(vm, m, aw_src_asyncio, sizeof aw_src_asyncio - 1, "<frozen asyncio>");
  if (ok) native_body(vm, m, "Event", "wait", AW_NCORO_EVENT_WAIT);
#endif
  ok = ok && adopt_loop_methods(vm, m);
  if (!ok) aw_dict_del(vm, vm->modules, aw_str_from_cstr(vm, "asyncio"), NULL);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

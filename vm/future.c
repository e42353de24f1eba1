// vm/future.c -- asyncio.Future and asyncio.Task: results, exceptions,
// done callbacks, cancellation with 3.11's counting, and the task step
// that drives a coroutine exactly as CPython's Task.__step does, and what
// they report when they die unobserved ("exception was never retrieved").
// The loop that schedules the steps is loop.c.
#include <string.h>
#include "vm/loop.h"

static AwFuture *as_future(AwValue v) { return (AwFuture *)AW_AS_OBJ(v); }
static bool is_future(AwValue v) { return AW_IS_KIND(v, AW_OBJ_FUTURE); }

static AwClass *invalid_state(AwVM *vm) { return AW_EXCCLS(vm, InvalidStateError); }

static AwLoop *future_loop(AwVM *vm, AwFuture *f) {
  (void)f;
  return vm->loop;
}

// CPython's asyncio debug mode: futures remember the stack that created
// them (Future._source_traceback, format_helpers.extract_stack's depth).
#define SOURCE_TB_DEPTH 10

static bool debug_on(AwVM *vm) { return vm->loop && vm->loop->debug; }

static AwFuture *future_alloc(AwVM *vm, bool task) {
  AwValue stack = AW_UNDEF;
  if (debug_on(vm)) {
    stack = aw_gen_capture_stack(vm, SOURCE_TB_DEPTH);
    if (AW_IS_EXC(stack)) return NULL;
  }
  if (!AW_IS_UNDEF(stack)) aw_push_root(vm, stack);
  AwFuture *f = (AwFuture *)aw_obj_alloc(vm, task ? sizeof(AwFuture) : AW_FUTURE_BASE_SIZE, AW_OBJ_FUTURE,
                                         task ? AW_CLS(vm, Task) : AW_CLS(vm, Future));
  // (aw_obj_alloc zeroes: no callbacks, no extra, the task part's NULLs.)
  if (f) {
    f->is_task = task;
    f->state = AW_FUT_PENDING;  // (and cb0 NULL: no callbacks)
    if (task && !AW_IS_UNDEF(stack)) {
      f->created = AW_AS_TUPLE(stack);
      f->created_debug = true;
    }
    else if (!AW_IS_UNDEF(stack) && !aw_future_set_extra(vm, f, AW_FX_CREATED_TB, stack)) f = NULL;
  }
  if (!AW_IS_UNDEF(stack)) aw_pop_root(vm);
  return f;
}

bool aw_future_attrs_new(AwVM *vm, AwFuture *f) {
  if (aw_future_attrs(f)) return true;
  aw_push_root(vm, AW_OBJ(f));
  AwDict *d = aw_dict_new(vm);
  bool ok = d && aw_future_set_extra(vm, f, AW_FX_ATTRS, AW_OBJ(d));
  aw_pop_root(vm);
  return ok;
}

bool aw_future_set_extra(AwVM *vm, AwFuture *f, int i, AwValue v) {
  if (!f->extra) {
    if (AW_IS_UNDEF(v) || (i == AW_FX_CANCEL_MSG && AW_IS_NONE(v))) return true;  // unset stays unset
    aw_push_root(vm, AW_OBJ(f));
    aw_push_root(vm, v);
    AwTuple *x = aw_tuple_new(vm, AW_FX_COUNT);
    aw_pop_root(vm);
    aw_pop_root(vm);
    if (!x) return false;
    for (int k = 0; k < AW_FX_COUNT; k++) x->items[k] = k == AW_FX_CANCEL_MSG ? AW_NONE : AW_UNDEF;
    f->extra = x;
  }
  f->extra->items[i] = v;
  return true;
}

AwFuture *aw_future_new(AwVM *vm, AwLoop *loop) {
  (void)loop;
  return future_alloc(vm, false);
}

static bool is_frozen(AwProto *p) {
  return AW_IS_STR(p->filename) && !strncmp(AW_AS_STR(p->filename)->data, "<frozen ", 8);
}

// Outside debug mode a task remembers only the script line that created it
// (the innermost frame outside the embedded asyncio.aw), as a one-frame
// stack shared with the other tasks made on that line.
static void note_creation_site(AwVM *vm, AwLoop *loop, AwFuture *t) {
  if (t->created) return;  // debug mode: the whole stack
  for (AwFrame *f = vm->frame; f; f = f->caller ? f->caller : f->c_prev) {
    if (is_frozen(f->proto)) continue;
    int line = aw_frame_line(f);
    AwTuple *s = loop->task_site;
    if (!s || AW_AS_OBJ(s->items[0]) != &f->proto->obj || AW_AS_INT(s->items[1]) != line) {
      aw_push_root(vm, AW_OBJ(t));
      AwValue site = aw_tuple_pack(vm, 2, AW_OBJ(f->proto), AW_INT(line));
      aw_pop_root(vm);
      if (AW_IS_EXC(site)) {
        aw_exc_take(vm);  // a diagnostic: never fatal
        return;
      }
      loop->task_site = s = AW_AS_TUPLE(site);
    }
    t->created = s;
    return;
  }
}

// The creation stack of [f] in aw_gen_capture_stack's form (UNDEF if none).
static AwValue creation_stack(AwVM *vm, AwFuture *f) {
  (void)vm;
  return f->created ? AW_OBJ(f->created) : AW_UNDEF;
}

// ---- completion -----------------------------------------------------------

static bool schedule_callback(AwVM *vm, AwLoop *loop, AwFuture *f, AwValue fn, AwValue ctx) {
  // A waiting task or gather() is stored as the callback itself; without a
  // context it is the task's own wakeup (handle_yield): [f] is the future
  // it waits on, which the queue need not keep.
  if (is_future(fn) && as_future(fn)->is_task)
    return aw_loop_schedule(vm, loop, AW_IS_UNDEF(ctx) ? AW_READY_WAKEUP_WAITER : AW_READY_WAKEUP, fn, AW_OBJ(f),
                            AW_UNDEF);
  if (is_future(fn) && as_future(fn)->is_gather)
    return aw_loop_schedule(vm, loop, AW_READY_GATHER, fn, AW_OBJ(f), AW_UNDEF);
  // run_until_complete's "stop the loop" callback (aw_loop_run_until_complete).
  if (AW_IS_KIND(fn, AW_OBJ_LOOP)) return aw_loop_schedule(vm, loop, AW_READY_STOP, AW_OBJ(f), AW_UNDEF, AW_UNDEF);
  return aw_loop_schedule(vm, loop, AW_READY_CALLBACK, fn, AW_OBJ(f), ctx);
}

// [f] becomes done with [state] and [result]; its first callback [cb0]
// with [cb0_ctx] (taken out before the result took their storage) and the
// others are scheduled, in order.
static bool future_done(AwVM *vm, AwFuture *f, AwFutState state, AwValue result) {
  AwObj *cb0 = f->cb0, *cb0_ctx = f->cb0_ctx;
  f->result = result;
  f->state = (uint8_t)state;
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return false;
  AwValue timer = aw_future_extra(f, AW_FX_TIMER);
  if (AW_IS_KIND(timer, AW_OBJ_HANDLE)) {
    ((AwHandle *)AW_AS_OBJ(timer))->cancelled = true;
    f->extra->items[AW_FX_TIMER] = AW_UNDEF;
  }
  bool ok = true;
  if (cb0) ok = schedule_callback(vm, loop, f, AW_OBJ(cb0), cb0_ctx ? AW_OBJ(cb0_ctx) : AW_UNDEF);
  AwList *more = aw_future_callbacks(f);
  if (ok && more) {
    AwList *l = more;
    for (int64_t i = 0; ok && i < l->len; i++) {
      AwTuple *t = AW_AS_TUPLE(l->items[i]);
      ok = schedule_callback(vm, loop, f, t->items[0], t->items[1]);
    }
  }
  if (more) f->extra->items[AW_FX_CALLBACKS] = AW_UNDEF;
  return ok;
}

bool aw_future_set_result(AwVM *vm, AwFuture *f, AwValue v) {
  if (f->state != AW_FUT_PENDING) {
    aw_raisef(vm, invalid_state(vm), "invalid state");
    return false;
  }
  return future_done(vm, f, AW_FUT_FINISHED, v);
}

bool aw_future_set_exception(AwVM *vm, AwFuture *f, AwValue exc) {
  if (f->state != AW_FUT_PENDING) {
    aw_raisef(vm, invalid_state(vm), "invalid state");
    return false;
  }
  if (AW_IS_CLASS(exc)) {
    exc = aw_call(vm, exc, 0, NULL, NULL);
    if (AW_IS_EXC(exc)) return false;
  }
  if (!AW_IS_EXCEPTION(exc)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "invalid exception object");
    return false;
  }
  if (aw_isinstance(vm, exc, AW_EXCCLS(vm, StopIteration))) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError),
              "StopIteration interacts badly with generators and cannot be raised into a Future");
    return false;
  }
  f->has_exc = true;
  f->log_traceback = true;
  aw_gc_watch(vm, &f->obj);  // "exception was never retrieved"?
  return future_done(vm, f, AW_FUT_FINISHED, exc);
}

bool aw_future_cancel(AwVM *vm, AwFuture *f, AwValue msg) {
  f->log_traceback = false;
  if (f->state != AW_FUT_PENDING) return false;
  // Without memory for the message the future is not cancelled (and
  // MemoryError is pending).
  if (!aw_future_set_extra(vm, f, AW_FX_CANCEL_MSG, msg)) return false;
  return future_done(vm, f, AW_FUT_CANCELLED, AW_NONE) || true;
}

bool aw_future_add_callback(AwVM *vm, AwFuture *f, AwValue fn, AwValue ctx) {
  if (f->state != AW_FUT_PENDING) {
    AwLoop *loop = aw_loop_get(vm);
    return loop && schedule_callback(vm, loop, f, fn, ctx);
  }
  AwList *more = aw_future_callbacks(f);
  if (!f->cb0 && (!more || more->len == 0) && AW_IS_OBJ(fn) && (AW_IS_OBJ(ctx) || AW_IS_UNDEF(ctx))) {
    f->cb0 = AW_AS_OBJ(fn);
    f->cb0_ctx = AW_IS_OBJ(ctx) ? AW_AS_OBJ(ctx) : NULL;
    return true;
  }
  aw_push_root(vm, AW_OBJ(f));
  aw_push_root(vm, fn);
  aw_push_root(vm, ctx);
  bool ok = true;
  if (!more) {
    more = aw_list_new(vm, 2);
    ok = more && aw_future_set_extra(vm, f, AW_FX_CALLBACKS, AW_OBJ(more));
  }
  AwValue t = ok ? aw_tuple_pack(vm, 2, fn, ctx) : AW_EXC;
  ok = !AW_IS_EXC(t) && aw_list_append(vm, more, t);
  aw_pop_root(vm);
  aw_pop_root(vm);
  aw_pop_root(vm);
  return ok;
}

// 3.11's _make_cancelled_error: the CancelledError a cancelled task ended
// with (once), else CancelledError(msg).
static AwValue make_cancelled_error(AwVM *vm, AwFuture *f) {
  if (f->state == AW_FUT_CANCELLED && f->has_exc) {
    AwValue e = f->result;
    f->result = AW_NONE;
    f->has_exc = false;
    return e;
  }
  AwValue msg = aw_future_extra(f, AW_FX_CANCEL_MSG);
  if (AW_IS_NONE(msg)) return aw_exc_new(vm, AW_CANCELLED(vm), 0, NULL);
  return aw_exc_new(vm, AW_CANCELLED(vm), 1, &msg);
}

AwValue aw_future_cancelled_error(AwVM *vm, AwFuture *f) { return make_cancelled_error(vm, f); }

AwValue aw_future_await_result(AwVM *vm, AwFuture *f) {
  if (f->state == AW_FUT_CANCELLED) {
    AwValue e = make_cancelled_error(vm, f);
    if (AW_IS_EXC(e)) return e;
    return aw_raise(vm, e);
  }
  if (f->state == AW_FUT_PENDING) return aw_raisef(vm, invalid_state(vm), "Result is not set.");
  f->log_traceback = false;
  if (f->has_exc) return aw_raise(vm, f->result);
  return f->result;
}

// ---- tasks -------------------------------------------------------------------

AwFuture *aw_task_new(AwVM *vm, AwLoop *loop, AwValue coro, AwValue name, AwValue context) {
  if (!AW_IS_OBJ(coro)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a coroutine was expected, got %R", coro);
    return NULL;
  }
  AwFuture *t = future_alloc(vm, true);
  if (!t) return NULL;
  t->coro = AW_AS_OBJ(coro);
  // CPython 3.11 counts every task, named or not.
  int64_t id = ++vm->next_task_id;
  t->task_id = (int32_t)id;
  // The loop's finalizer hook runs aclose() of a dead async generator.
  AwGen *closing = aw_asyncgen_awaitable_gen(vm, coro);
  t->agen_closer = closing && closing->ag_finalized;
  if (!AW_IS_NONE(name) && !AW_IS_UNDEF(name)) {
    aw_push_root(vm, AW_OBJ(t));
    AwStr *s = AW_IS_STR(name) ? AW_AS_STR(name) : aw_to_str(vm, name);
    bool ok = s && aw_future_set_extra(vm, t, AW_FX_NAME, AW_OBJ(s));
    aw_pop_root(vm);
    if (!ok) return NULL;
  }
  t->context = AW_IS_OBJ(context) ? AW_AS_OBJ(context) : NULL;
  note_creation_site(vm, loop, t);
  if (AW_IS_KIND(coro, AW_OBJ_GENERATOR)) ((AwGen *)AW_AS_OBJ(coro))->awaited = true;
  if (AW_IS_KIND(coro, AW_OBJ_NCORO)) ((AwNCoro *)AW_AS_OBJ(coro))->awaited = true;
  aw_gc_unwatch(vm, AW_AS_OBJ(coro));
  t->next_task = loop->tasks;
  loop->tasks = t;
  if (!aw_loop_schedule(vm, loop, AW_READY_STEP, AW_OBJ(t), AW_UNDEF, AW_UNDEF)) {
    loop->tasks = t->next_task;  // still the head
    t->next_task = NULL;
    return NULL;
  }
  t->step_scheduled = true;
  return t;
}

static bool schedule_step(AwVM *vm, AwLoop *loop, AwFuture *t, AwValue exc) {
  t->step_scheduled = true;
  return aw_loop_schedule(vm, loop, AW_READY_STEP, AW_OBJ(t), exc, AW_UNDEF);
}

// Resumes the task's coroutine; any coroutine-like object with send/throw
// works, script coroutines take the fast path.
static AwResumeStatus resume_coro(AwVM *vm, AwValue coro, AwValue exc, AwValue *out) {
  if (AW_IS_KIND(coro, AW_OBJ_GENERATOR))
    return aw_gen_resume(vm, (AwGen *)AW_AS_OBJ(coro), AW_NONE, exc, out);
  if (AW_IS_KIND(coro, AW_OBJ_NCORO)) {
    vm->ncoro_direct = true;  // its yield is the task's
    return aw_ncoro_resume(vm, (AwNCoro *)AW_AS_OBJ(coro), AW_NONE, exc, out);
  }
  AwValue r;
  if (AW_IS_UNDEF(exc)) {
    AwValue none = AW_NONE;
    r = aw_call_method(vm, coro, AW_N(vm, send), 1, &none);
  } else {
    r = aw_call_method(vm, coro, AW_N(vm, throw), 1, &exc);
  }
  if (!AW_IS_EXC(r)) {
    *out = r;
    return AW_RESUME_YIELD;
  }
  if (aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    *out = aw_stop_iteration_value(vm, aw_exc_take(vm));
    return AW_RESUME_RETURN;
  }
  return AW_RESUME_ERROR;
}

static bool step_with_error(AwVM *vm, AwLoop *loop, AwFuture *t) {
  AwValue e = aw_exc_take(vm);
  return schedule_step(vm, loop, t, e);
}

// What the task does with a value its coroutine yielded.
static bool handle_yield(AwVM *vm, AwLoop *loop, AwFuture *t, AwValue y) {
  if (aw_ncoro_is_parked(y)) {
    // Event.wait parked in place of its future: the task waits on it.
    AwNCoro *c = (AwNCoro *)AW_AS_OBJ(y);
    aw_ncoro_park_task(c, t);
    t->fut_waiter = &c->obj;
    if (t->must_cancel && aw_ncoro_cancel_parked(vm, c, aw_future_extra(t, AW_FX_CANCEL_MSG))) t->must_cancel = false;
    return AW_IS_UNDEF(vm->exc);
  }
  if (is_future(y)) {
    AwFuture *w = as_future(y);
    if (w == t) {
      aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Task cannot await on itself: %R", AW_OBJ(t));
      return step_with_error(vm, loop, t);
    }
    if (!w->blocking) {
      aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "yield was used instead of yield from in task %R with %R", AW_OBJ(t), y);
      return step_with_error(vm, loop, t);
    }
    w->blocking = false;
    if (!aw_future_add_callback(vm, w, AW_OBJ(t), AW_UNDEF)) return false;
    t->fut_waiter = &w->obj;
    if (t->must_cancel && aw_future_cancel(vm, w, aw_future_extra(t, AW_FX_CANCEL_MSG))) t->must_cancel = false;
    return true;
  }
  if (AW_IS_NONE(y)) return schedule_step(vm, loop, t, AW_UNDEF);
  if (AW_IS_KIND(y, AW_OBJ_GENERATOR) || AW_IS_KIND(y, AW_OBJ_NCORO))
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "yield was used instead of yield from for generator in task %R with %R",
              AW_OBJ(t), y);
  else
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Task got bad yield: %R", y);
  return step_with_error(vm, loop, t);
}

// ---- where a failed task was created (aw's traceback extension) -------------
// A task's exception is raised again in whoever awaits the task, so its
// traceback chain runs through the awaiters' frames and then the task's
// own. When the task fails, the entry at the head of the chain (the task's
// outermost frame) is recorded with the task's name and creation stack
// (beside the exception, in the loop: a script sees nothing); the
// traceback printer shows that before the entry (aw_task_created_section).

static void note_failure(AwVM *vm, AwFuture *t, AwValue e) {
  if (!AW_IS_EXCEPTION(e) || !AW_IS_TUPLE(AW_AS_EXCEPTION(e)->traceback)) return;
  // asyncio.run()'s main task: its creation is the line just above.
  if (vm->loop && aw_value_is(vm->loop->main_task, AW_OBJ(t))) return;
  AwValue stack = creation_stack(vm, t);
  AwValue name = aw_task_name(vm, t);
  if (AW_IS_EXC(name)) aw_exc_take(vm);  // a diagnostic: never fatal
  else if (!AW_IS_UNDEF(stack)) aw_loop_record_failure(vm, e, AW_AS_EXCEPTION(e)->traceback, name, stack);
}

bool aw_task_created_section(AwVM *vm, AwValue exc, AwValue entry, AwBuf *b) {
  AwValue name, stack;
  if (!aw_loop_find_failure(vm, exc, entry, &name, &stack)) return false;
  aw_buf_printf(vm, b, "  Task '%s' created at (most recent call last):\n",
                AW_IS_STR(name) ? AW_AS_STR(name)->data : "?");
  aw_gen_format_stack(vm, b, stack, "  ");
  return true;
}

bool aw_task_step(AwVM *vm, AwFuture *t, AwValue exc) {
  AwLoop *loop = aw_loop_get(vm);
  t->step_scheduled = false;
  if (t->state != AW_FUT_PENDING) return true;  // cancelled while queued
  if (t->must_cancel) {
    if (!AW_IS_EXCEPTION(exc) || !aw_isinstance(vm, exc, AW_CANCELLED(vm))) {
      exc = make_cancelled_error(vm, t);
      if (AW_IS_EXC(exc)) return false;
    }
    t->must_cancel = false;
  }
  t->fut_waiter = NULL;
  AwValue prev_task = loop->current_task;
  loop->current_task = AW_OBJ(t);
  AwValue prev_ctx = vm->context;
  AwObj *entered = t->context;
  if (entered) vm->context = AW_OBJ(entered);
  AwValue out = AW_NONE;
  aw_push_root(vm, AW_OBJ(t));
  aw_push_root(vm, prev_ctx);  // the caller's context stays alive meanwhile
  AwResumeStatus st = resume_coro(vm, AW_OBJ(t->coro), exc, &out);
  if (st != AW_RESUME_YIELD && t->agens_open > 0) {
    // The coroutine let go of its frame, maybe of the last reference to a
    // suspended async generator: CPython finalizes that right here, before
    // the done callbacks, so a collection does (aw_gen_finished cleared
    // the frame).
    t->agens_open = 0;
    aw_push_root(vm, out);
    aw_gc_collect(vm);
    aw_pop_root(vm);
  }
  bool ok = true;
  if (st == AW_RESUME_RETURN) {
    if (t->must_cancel) {
      t->must_cancel = false;
      aw_future_cancel(vm, t, aw_future_extra(t, AW_FX_CANCEL_MSG));
    } else {
      ok = aw_future_set_result(vm, t, out);
    }
  } else if (st == AW_RESUME_ERROR) {
    AwValue e = aw_exc_take(vm);
    if (AW_IS_EXCEPTION(e) && aw_isinstance(vm, e, AW_CANCELLED(vm))) {
      // The coroutine let CancelledError out: the task is cancelled.
      // As 3.11: the message is dropped (Future.cancel() without one) and the
      // exception itself is kept to be re-raised by result()/await.
      t->must_cancel = false;
      aw_future_cancel(vm, t, AW_NONE);
      t->result = e;
      t->has_exc = true;
    } else if (AW_IS_EXCEPTION(e) && (aw_isinstance(vm, e, AW_EXCCLS(vm, KeyboardInterrupt)) ||
                                      aw_isinstance(vm, e, AW_EXCCLS(vm, SystemExit)))) {
      aw_future_set_exception(vm, t, e);
      t->log_traceback = false;
      vm->exc = e;  // propagates out of the loop
      ok = false;
    } else {
      note_failure(vm, t, e);
      ok = aw_future_set_exception(vm, t, e);
    }
  } else {
    ok = handle_yield(vm, loop, t, out);
  }
  // A failed aclose() of the finalizer hook: nothing references the task,
  // whose "exception was never retrieved" CPython reports as the step ends.
  if (t->agen_closer && t->log_traceback) vm->gc_requested = true;
  aw_pop_root(vm);
  aw_pop_root(vm);
  // A task whose context it shared with others wrote to it: the private
  // copy the write switched to is the task's context from now on.
  if (entered && t->context == entered && AW_IS_OBJ(vm->context) && AW_AS_OBJ(vm->context) != entered)
    t->context = AW_AS_OBJ(vm->context);
  vm->context = prev_ctx;
  loop->current_task = prev_task;
  return ok;
}

bool aw_task_wakeup(AwVM *vm, AwFuture *t, AwObj *w) {
  if (w->kind == AW_OBJ_NCORO) {
    AwValue e = aw_ncoro_parked_outcome(vm, (AwNCoro *)w, t);
    if (AW_IS_EXC(e)) return false;
    return aw_task_step(vm, t, e);
  }
  AwFuture *fut = (AwFuture *)w;
  if (fut->state == AW_FUT_CANCELLED) {
    AwValue e = make_cancelled_error(vm, fut);
    if (AW_IS_EXC(e)) return false;
    return aw_task_step(vm, t, e);
  }
  if (fut->has_exc) {
    fut->log_traceback = false;
    return aw_task_step(vm, t, fut->result);
  }
  return aw_task_step(vm, t, AW_UNDEF);
}

bool aw_task_cancel(AwVM *vm, AwFuture *t, AwValue msg) {
  t->log_traceback = false;
  if (t->state != AW_FUT_PENDING) return false;
  t->num_cancels++;
  AwObj *w = t->fut_waiter;
  if (w && w->kind == AW_OBJ_NCORO && aw_ncoro_cancel_parked(vm, (AwNCoro *)w, msg)) return true;
  if (w && w->kind == AW_OBJ_FUTURE && aw_future_cancel_any(vm, (AwFuture *)w, msg)) return true;
  if (!aw_future_set_extra(vm, t, AW_FX_CANCEL_MSG, msg)) return false;
  t->must_cancel = true;
  return true;
}

bool aw_future_cancel_any(AwVM *vm, AwFuture *f, AwValue msg) {
  if (f->is_task) return aw_task_cancel(vm, f, msg);
  if (f->is_gather) return aw_gather_cancel(vm, f, msg);
  return aw_future_cancel(vm, f, msg);
}

// ---- "exception was never retrieved" ----------------------------------------------

bool aw_future_needs_finalizer(AwFuture *f) {
  return f->log_traceback && f->state == AW_FUT_FINISHED && f->has_exc && AW_IS_EXCEPTION(f->result);
}

void aw_future_report_unretrieved(AwVM *vm, AwFuture *f) {
  f->log_traceback = false;
  const char *msg = f->is_task ? "Task exception was never retrieved" : "Future exception was never retrieved";
  aw_loop_report(vm, vm->loop, msg, f->result, "future", AW_OBJ(f), aw_future_created_tb(f));
}

// ---- repr -------------------------------------------------------------------------

static bool coro_repr(AwVM *vm, AwBuf *b, AwValue coro, bool done) {
  if (AW_IS_KIND(coro, AW_OBJ_NCORO)) {
    AwNCoro *c = (AwNCoro *)AW_AS_OBJ(coro);
    AwValue q = aw_ncoro_qualname(c);
    AwProto *p = c->func->proto;
    const char *file = AW_IS_STR(p->filename) ? AW_AS_STR(p->filename)->data : "?";
    const char *qn = AW_IS_STR(q) ? AW_AS_STR(q)->data : "?";
    if (done || c->state == AW_GEN_CLOSED) return aw_buf_printf(vm, b, "<%s() done, defined at %s:%d>", qn, file, p->firstline);
    return aw_buf_printf(vm, b, "<%s() running at %s:%d>", qn, file, aw_ncoro_line(c));
  }
  if (!AW_IS_KIND(coro, AW_OBJ_GENERATOR)) return aw_buf_repr(vm, b, coro);
  AwGen *g = (AwGen *)AW_AS_OBJ(coro);
  AwValue q = aw_gen_qualname(g);
  const char *qn = AW_IS_STR(q) ? AW_AS_STR(q)->data : "?";
  AwProto *p = aw_gen_frame(g) ? aw_gen_frame(g)->proto : NULL;
  const char *file = p && AW_IS_STR(p->filename) ? AW_AS_STR(p->filename)->data : "?";
  if (done || !aw_gen_frame(g) || g->state == AW_GEN_CLOSED)
    return aw_buf_printf(vm, b, "<%s() done, defined at %s:%d>", qn, file, p ? p->firstline : 0);
  int line = g->state == AW_GEN_CREATED ? p->firstline : aw_frame_line(g->resume_at ? aw_gen_frame(g) : aw_gen_frame(g));
  return aw_buf_printf(vm, b, "<%s() running at %s:%d>", qn, file, line);
}

static bool future_state_repr(AwVM *vm, AwBuf *b, AwFuture *f) {
  static const char *const names[] = {"pending", "cancelled", "finished"};
  return aw_buf_append(vm, b, names[f->state], strlen(names[f->state]));
}

static AwValue future_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwFuture *f = as_future(argv[0]);
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_printf(vm, &b, "<%s ", f->is_task ? "Task" : "Future");
  // A pending task with cancel() requests shows "cancelling" (CPython's
  // _task_repr_info checks cancelling()).
  if (f->is_task && f->state == AW_FUT_PENDING && f->num_cancels > 0) aw_buf_append(vm, &b, "cancelling", 10);
  else future_state_repr(vm, &b, f);
  if (f->is_task) {
    aw_buf_append(vm, &b, " name=", 6);
    AwValue n = aw_task_name(vm, f);
    if (AW_IS_EXC(n) || !aw_buf_repr(vm, &b, n)) goto fail;
    aw_buf_append(vm, &b, " coro=", 6);
    if (!coro_repr(vm, &b, AW_OBJ(f->coro), f->state != AW_FUT_PENDING)) goto fail;
  }
  if (f->state == AW_FUT_FINISHED) {
    if (f->has_exc) {
      aw_buf_append(vm, &b, " exception=", 11);
      if (!aw_buf_repr(vm, &b, f->result)) goto fail;
    } else {
      aw_buf_append(vm, &b, " result=", 8);
      if (!aw_future_buf_result(vm, &b, f->result)) goto fail;
    }
  }
  if (f->is_task && f->fut_waiter && f->fut_waiter->kind == AW_OBJ_NCORO &&
      AW_IS_EXC(aw_ncoro_materialize(vm, (AwNCoro *)f->fut_waiter)))
    goto fail;
  if (f->is_task && f->fut_waiter) {
    aw_buf_append(vm, &b, " wait_for=", 10);
    if (!aw_buf_repr(vm, &b, AW_OBJ(f->fut_waiter))) goto fail;
  }
  if (!aw_future_buf_callbacks(vm, &b, f)) goto fail;
  AwValue tb = aw_future_created_tb(f);
  if (AW_IS_TUPLE(tb) && AW_AS_TUPLE(tb)->len >= 2) {
    // Debug mode: where it was created, as CPython's _future_repr_info.
    AwProto *p = (AwProto *)AW_AS_OBJ(AW_AS_TUPLE(tb)->items[0]);
    aw_buf_printf(vm, &b, " created at %s:%lld", AW_IS_STR(p->filename) ? AW_AS_STR(p->filename)->data : "?",
                  (long long)AW_AS_INT(AW_AS_TUPLE(tb)->items[1]));
  }
  aw_buf_putc(vm, &b, '>');
  return aw_buf_to_str(vm, &b);
fail:
  aw_buf_free(vm, &b);
  return AW_EXC;
}

AwValue aw_task_name(AwVM *vm, AwFuture *t) {
  AwValue n = aw_future_extra(t, AW_FX_NAME);
  if (!AW_IS_UNDEF(n)) return n;
  return aw_str_format(vm, "Task-%lld", (long long)(uint32_t)t->task_id);
}

// ---- methods ----------------------------------------------------------------------

static AwFuture *self_future(AwVM *vm, int argc, AwValue *argv, const char *what) {
  if (argc < 1 || !is_future(argv[0])) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' requires a 'Future' object", what);
    return NULL;
  }
  return as_future(argv[0]);
}

static AwFuture *self_task(AwVM *vm, int argc, AwValue *argv, const char *what) {
  AwFuture *f = self_future(vm, argc, argv, what);
  if (f && !f->is_task) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' requires a 'Task' object", what);
    return NULL;
  }
  return f;
}

static AwValue future_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "loop", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "Future", argc, argv, kw, 1, names, a)) return AW_EXC;
  if (AW_AS_CLASS(a[0]) != AW_CLS(vm, Future))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "use asyncio.create_task() to make tasks");
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return AW_EXC;
  AwFuture *f = aw_future_new(vm, loop);
  return f ? AW_OBJ(f) : AW_EXC;
}

static AwValue future_result(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "result");
  if (!f || !aw_check_argc(vm, "result", argc, kw, 1, 1)) return AW_EXC;
  return aw_future_await_result(vm, f);
}

static AwValue future_exception(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "exception");
  if (!f || !aw_check_argc(vm, "exception", argc, kw, 1, 1)) return AW_EXC;
  if (f->state == AW_FUT_CANCELLED) {
    AwValue e = make_cancelled_error(vm, f);
    return AW_IS_EXC(e) ? e : aw_raise(vm, e);
  }
  if (f->state == AW_FUT_PENDING) return aw_raisef(vm, invalid_state(vm), "Exception is not set.");
  f->log_traceback = false;
  return aw_future_exc(f);
}

static AwValue future_done_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "done");
  if (!f || !aw_check_argc(vm, "done", argc, kw, 1, 1)) return AW_EXC;
  return AW_BOOL(f->state != AW_FUT_PENDING);
}

static AwValue future_cancelled(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "cancelled");
  if (!f || !aw_check_argc(vm, "cancelled", argc, kw, 1, 1)) return AW_EXC;
  return AW_BOOL(f->state == AW_FUT_CANCELLED);
}

static AwValue future_cancel_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "msg", NULL};
  AwValue a[2];
  AwFuture *f = self_future(vm, argc, argv, "cancel");
  if (!f || !aw_parse_args(vm, "cancel", argc, argv, kw, 1, names, a)) return AW_EXC;
  AwValue msg = AW_IS_UNDEF(a[1]) ? AW_NONE : a[1];
  bool r = aw_future_cancel_any(vm, f, msg);
  if (AW_IS_EXCEPTION(vm->exc)) return AW_EXC;
  return AW_BOOL(r);
}

static AwValue future_set_result_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "set_result");
  if (!f || !aw_check_argc(vm, "set_result", argc, kw, 2, 2)) return AW_EXC;
  if (f->is_task) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Task does not support set_result operation");
  return aw_future_set_result(vm, f, argv[1]) ? AW_NONE : AW_EXC;
}

static AwValue future_set_exception_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "set_exception");
  if (!f || !aw_check_argc(vm, "set_exception", argc, kw, 2, 2)) return AW_EXC;
  if (f->is_task) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Task does not support set_exception operation");
  return aw_future_set_exception(vm, f, argv[1]) ? AW_NONE : AW_EXC;
}

static AwValue future_add_done_callback(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "", "context", NULL};
  AwValue a[3];
  AwFuture *f = self_future(vm, argc, argv, "add_done_callback");
  if (!f || !aw_parse_args(vm, "add_done_callback", argc, argv, kw, 2, names, a)) return AW_EXC;
  AwValue ctx = AW_IS_UNDEF(a[2]) || AW_IS_NONE(a[2]) ? aw_context_copy(vm) : a[2];
  return aw_future_add_callback(vm, f, a[1], ctx) ? AW_NONE : AW_EXC;
}

// Keeps the first callback slot filled so order is preserved.
// Refills the first callback slot from the list when it can hold the list's
// first (order is kept either way: the slot runs first, and it is used only
// while the list is empty).
static void refill_cb0(AwFuture *f) {
  AwList *more = aw_future_callbacks(f);
  if (f->state == AW_FUT_PENDING && !f->cb0 && more && more->len > 0) {
    AwList *l = more;
    AwTuple *t = AW_AS_TUPLE(l->items[0]);
    if (AW_IS_OBJ(t->items[0]) && (AW_IS_OBJ(t->items[1]) || AW_IS_UNDEF(t->items[1]))) {
      f->cb0 = AW_AS_OBJ(t->items[0]);
      f->cb0_ctx = AW_IS_OBJ(t->items[1]) ? AW_AS_OBJ(t->items[1]) : NULL;
      memmove(l->items, l->items + 1, (size_t)(l->len - 1) * sizeof(AwValue));
      l->len--;
    }
  }
}

void aw_future_remove_callback_is(AwFuture *f, AwValue fn) {
  if (f->state != AW_FUT_PENDING) return;  // no callbacks left
  if (f->cb0 && aw_value_is(AW_OBJ(f->cb0), fn)) f->cb0 = f->cb0_ctx = NULL;
  if (aw_future_callbacks(f)) {
    AwList *l = aw_future_callbacks(f);
    int64_t j = 0;
    for (int64_t i = 0; i < l->len; i++)
      if (!aw_value_is(AW_AS_TUPLE(l->items[i])->items[0], fn)) l->items[j++] = l->items[i];
    l->len = j;
  }
  refill_cb0(f);
}

static AwValue future_remove_done_callback(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "remove_done_callback");
  if (!f || !aw_check_argc(vm, "remove_done_callback", argc, kw, 2, 2)) return AW_EXC;
  int64_t removed = 0;
  if (f->state == AW_FUT_PENDING && f->cb0) {
    int eq = aw_eq(vm, AW_OBJ(f->cb0), argv[1]);
    if (eq < 0) return AW_EXC;
    if (eq) {
      // (__eq__ may have finished it: its callbacks are scheduled already.)
      if (f->state == AW_FUT_PENDING) f->cb0 = f->cb0_ctx = NULL;
      removed++;
    }
  }
  if (aw_future_callbacks(f)) {
    AwList *l = aw_future_callbacks(f);
    aw_push_root(vm, AW_OBJ(l));  // __eq__ may finish the future, which drops it
    int64_t j = 0;
    for (int64_t i = 0; i < l->len; i++) {
      int eq = aw_eq(vm, AW_AS_TUPLE(l->items[i])->items[0], argv[1]);
      if (eq < 0) {
        aw_pop_root(vm);
        return AW_EXC;
      }
      if (eq) removed++;
      else l->items[j++] = l->items[i];
    }
    if (j < l->len) l->len = j;
    aw_pop_root(vm);
  }
  refill_cb0(f);
  return AW_INT(removed);
}

static AwValue future_get_loop(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *f = self_future(vm, argc, argv, "get_loop");
  if (!f || !aw_check_argc(vm, "get_loop", argc, kw, 1, 1)) return AW_EXC;
  AwLoop *loop = future_loop(vm, f);
  return loop ? loop->obj : AW_NONE;
}

static AwValue future_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return argv[0];
}

// The future as its own iterator (`yield from fut`, `fut.__await__()`).
static AwValue future_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwFuture *f = as_future(argv[0]);
  if (f->state == AW_FUT_PENDING) {
    f->blocking = true;
    return argv[0];
  }
  AwValue r = aw_future_await_result(vm, f);
  if (AW_IS_EXC(r)) return r;
  if (AW_IS_NONE(r)) return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 0, NULL);
  return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 1, &r);
}

static AwValue future_send(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  return future_next(vm, argc > 1 ? 1 : argc, argv, NULL);
}

static AwValue future_throw(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  if (argc < 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "throw expected at least 1 argument");
  return aw_raise(vm, argv[1]);
}

static AwValue future_blocking(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  AwFuture *f = as_future(argv[0]);
  if (argc == 2) {
    int t = aw_truthy(vm, argv[1]);
    if (t < 0) return AW_EXC;
    f->blocking = t;
    return AW_NONE;
  }
  return AW_BOOL(f->blocking);
}

// CPython's read-only fields of futures and tasks (_state, _loop, ...).
static AwValue future_state_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  static const char *const names[] = {"PENDING", "CANCELLED", "FINISHED"};
  const char *s = names[as_future(argv[0])->state];
  return aw_str_intern(vm, s, strlen(s));
}

static AwValue future_loop_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwLoop *loop = future_loop(vm, as_future(argv[0]));
  return loop ? loop->obj : AW_NONE;
}

static AwValue future_result_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwFuture *f = as_future(argv[0]);
  return f->state == AW_FUT_FINISHED && !f->has_exc ? f->result : AW_NONE;
}

static AwValue future_exception_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwFuture *f = as_future(argv[0]);
  return f->state == AW_FUT_FINISHED && f->has_exc ? f->result : AW_NONE;
}

static AwValue task_coro_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwFuture *t = as_future(argv[0]);
  return t->coro ? AW_OBJ(t->coro) : AW_NONE;
}

static AwValue task_fut_waiter_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwFuture *t = as_future(argv[0]);
  if (t->fut_waiter && t->fut_waiter->kind == AW_OBJ_NCORO) return aw_ncoro_materialize(vm, (AwNCoro *)t->fut_waiter);
  return t->fut_waiter ? AW_OBJ(t->fut_waiter) : AW_NONE;
}

static AwValue task_must_cancel_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return AW_BOOL(as_future(argv[0])->must_cancel);
}

static AwValue task_get_coro(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *t = self_task(vm, argc, argv, "get_coro");
  if (!t || !aw_check_argc(vm, "get_coro", argc, kw, 1, 1)) return AW_EXC;
  return AW_OBJ(t->coro);
}

static AwValue task_get_name(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *t = self_task(vm, argc, argv, "get_name");
  if (!t || !aw_check_argc(vm, "get_name", argc, kw, 1, 1)) return AW_EXC;
  return aw_task_name(vm, t);
}

static AwValue task_set_name(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *t = self_task(vm, argc, argv, "set_name");
  if (!t || !aw_check_argc(vm, "set_name", argc, kw, 2, 2)) return AW_EXC;
  AwStr *s = aw_to_str(vm, argv[1]);
  return s && aw_future_set_extra(vm, t, AW_FX_NAME, AW_OBJ(s)) ? AW_NONE : AW_EXC;
}

static AwValue task_cancelling(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *t = self_task(vm, argc, argv, "cancelling");
  if (!t || !aw_check_argc(vm, "cancelling", argc, kw, 1, 1)) return AW_EXC;
  return AW_INT(t->num_cancels);
}

static AwValue task_uncancel(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *t = self_task(vm, argc, argv, "uncancel");
  if (!t || !aw_check_argc(vm, "uncancel", argc, kw, 1, 1)) return AW_EXC;
  if (t->num_cancels > 0) t->num_cancels--;
  return AW_INT(t->num_cancels);
}

static AwValue task_get_context(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwFuture *t = self_task(vm, argc, argv, "get_context");
  if (!t || !aw_check_argc(vm, "get_context", argc, kw, 1, 1)) return AW_EXC;
  if (!t->context) return AW_NONE;
  // A context shared with other tasks becomes the task's own copy, also
  // for the code the task is running now.
  AwValue old = AW_OBJ(t->context);
  AwValue c = aw_context_expose(vm, old);
  if (AW_IS_EXC(c)) return c;
  t->context = AW_AS_OBJ(c);
  if (vm->loop && aw_value_is(vm->loop->current_task, AW_OBJ(t)) && aw_value_is(vm->context, old)) vm->context = c;
  return c;
}

// get_stack(limit=None): as CPython's _task_get_stack, the frame of the
// task's own coroutine while it is suspended (a suspended frame has no
// f_back, so the coroutines it awaits are not part of it), else [].
static AwValue task_get_stack(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "limit", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "get_stack", argc, argv, kw, 1, names, a)) return AW_EXC;
  AwFuture *t = self_task(vm, argc, argv, "get_stack");
  if (!t) return AW_EXC;
  int64_t limit = 1;
  if (!AW_IS_UNDEF(a[1]) && !AW_IS_NONE(a[1]) && !aw_index(vm, a[1], &limit)) return AW_EXC;
  AwList *l = aw_list_new(vm, 0);
  if (!l) return AW_EXC;
  AwValue c = AW_OBJ(t->coro);
  bool open = AW_IS_KIND(c, AW_OBJ_NCORO) ? aw_ncoro_state((AwNCoro *)AW_AS_OBJ(c)) != AW_GEN_CLOSED
              : AW_IS_KIND(c, AW_OBJ_GENERATOR) && ((AwGen *)AW_AS_OBJ(c))->state != AW_GEN_CLOSED;
  if (!open || limit <= 0 || t->state != AW_FUT_PENDING) return AW_OBJ(l);
  aw_push_root(vm, AW_OBJ(l));
  AwValue fr = aw_getattr_cstr(vm, c, "cr_frame");
  bool ok = !AW_IS_EXC(fr) && (AW_IS_NONE(fr) || aw_list_append(vm, l, fr));
  aw_pop_root(vm);
  return ok ? AW_OBJ(l) : AW_EXC;
}

static bool stack_text_body(AwVM *vm, AwFuture *t, AwValue stack, const char *repr, AwBuf *b) {
  AwList *l = AW_AS_LIST(stack);
  if (l->len > 0) {
    aw_buf_printf(vm, b, "Stack for %s (most recent call last):\n", repr);
    AwValue line = aw_getattr_cstr(vm, l->items[0], "f_lineno");
    AwValue code = AW_IS_EXC(line) ? AW_EXC : aw_getattr_cstr(vm, l->items[0], "f_code");
    if (AW_IS_EXC(code)) return false;
    AwProto *p = (AwProto *)AW_AS_OBJ(code);
    aw_buf_printf(vm, b, "  File \"%s\", line %lld, in %s\n", AW_AS_STR(p->filename)->data,
                  (long long)AW_AS_INT(line), AW_AS_STR(p->name)->data);
    const char *src;
    size_t n;
    if (aw_source_line(p->source, AW_AS_INT(line), &src, &n))
      aw_buf_printf(vm, b, "    %.*s\n", (int)n, src);
    return !b->failed;
  }
  if (t->state == AW_FUT_FINISHED && t->has_exc) {
    // The formatted exception minus its own "Traceback ..." header line.
    AwValue text = aw_format_exception(vm, t->result);
    if (AW_IS_EXC(text)) return false;
    aw_push_root(vm, text);  // growing [b] may collect
    const char *s = AW_AS_STR(text)->data, *nl = strchr(s, '\n');
    aw_buf_printf(vm, b, "Traceback for %s (most recent call last):\n", repr);
    bool ok = aw_buf_append(vm, b, nl ? nl + 1 : s, strlen(nl ? nl + 1 : s));
    aw_pop_root(vm);
    return ok;
  }
  return aw_buf_printf(vm, b, "No stack for %s\n", repr);
}

// The text print_stack writes: a header naming the task's repr, then the
// suspended frame, or the traceback of the exception it failed with.
static bool task_stack_text(AwVM *vm, AwFuture *t, AwValue stack, AwBuf *b) {
  AwStr *repr = aw_repr(vm, AW_OBJ(t));
  if (!repr) return false;
  aw_push_root(vm, AW_OBJ(repr));
  bool ok = stack_text_body(vm, t, stack, repr->data, b);
  aw_pop_root(vm);
  return ok;
}

// print_stack(limit=None, file=None): to sys.stderr, or file.write().
static AwValue task_print_stack(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "limit", "file", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "print_stack", argc, argv, kw, 1, names, a)) return AW_EXC;
  AwFuture *t = self_task(vm, argc, argv, "print_stack");
  if (!t) return AW_EXC;
  AwValue stack = task_get_stack(vm, AW_IS_UNDEF(a[1]) ? 1 : 2, a, NULL);
  if (AW_IS_EXC(stack)) return stack;
  aw_push_root(vm, stack);
  AwBuf b;
  aw_buf_init(&b);
  bool ok = task_stack_text(vm, t, stack, &b);
  aw_pop_root(vm);
  AwValue r = AW_NONE;
  if (!ok) {
    r = AW_EXC;
  } else if (AW_IS_UNDEF(a[2]) || AW_IS_NONE(a[2])) {
    aw_write_err(vm, b.data, b.len);
  } else {
    AwValue text = aw_str_new(vm, b.data, b.len);
    aw_push_root(vm, text);
    AwValue write = AW_IS_EXC(text) ? AW_EXC : aw_str_intern(vm, "write", 5);
    r = AW_IS_EXC(write) ? AW_EXC : aw_call_method(vm, a[2], write, 1, &text);
    aw_pop_root(vm);
    if (!AW_IS_EXC(r)) r = AW_NONE;
  }
  aw_buf_free(vm, &b);
  return r;
}

static AwValue task_new_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"", "coro", "loop", "name", "context", NULL};
  AwValue a[5];
  if (!aw_parse_args(vm, "Task", argc, argv, kw, 2, names, a)) return AW_EXC;
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return AW_EXC;
  AwFuture *t = aw_task_new(vm, loop, a[1], AW_IS_UNDEF(a[3]) ? AW_NONE : a[3],
                            AW_IS_UNDEF(a[4]) || AW_IS_NONE(a[4]) ? aw_context_for_task(vm) : a[4]);
  return t ? AW_OBJ(t) : AW_EXC;
}

static void mark_ptr(AwVM *vm, void *o) {
  if (o) aw_gc_mark_obj(vm, (AwObj *)o);
}

void aw_future_trace(AwVM *vm, AwFuture *f) {
  if (f->state == AW_FUT_PENDING) {
    mark_ptr(vm, f->cb0);
    mark_ptr(vm, f->cb0_ctx);
  } else {
    aw_gc_mark_value(vm, f->result);
  }
  mark_ptr(vm, f->extra);
  if (f->is_task) {
    mark_ptr(vm, f->coro);
    mark_ptr(vm, f->fut_waiter);
    mark_ptr(vm, f->context);
    mark_ptr(vm, f->created);
  }
}

bool aw_future_init_classes(AwVM *vm) {
  AwClass *F = AW_CLS(vm, Future), *T = AW_CLS(vm, Task);
  bool ok = aw_class_add_native(vm, F, "__new__", future_new, AW_NATIVE_STATIC) &&
            aw_class_add_native(vm, F, "result", future_result, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "exception", future_exception, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "done", future_done_m, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "cancelled", future_cancelled, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "cancel", future_cancel_m, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "set_result", future_set_result_m, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "set_exception", future_set_exception_m, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "add_done_callback", future_add_done_callback, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "remove_done_callback", future_remove_done_callback, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "get_loop", future_get_loop, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "__repr__", future_repr, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "__await__", future_iter, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "__iter__", future_iter, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "__next__", future_next, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "send", future_send, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "throw", future_throw, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, F, "_asyncio_future_blocking", future_blocking,
                                AW_NATIVE_GETTER | AW_NATIVE_SETTER) &&
            aw_class_add_native(vm, F, "_state", future_state_field, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, F, "_loop", future_loop_field, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, F, "_result", future_result_field, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, F, "_exception", future_exception_field, AW_NATIVE_GETTER);
  ok = ok && aw_class_add_native(vm, T, "__new__", task_new_m, AW_NATIVE_STATIC) &&
       aw_class_add_native(vm, T, "get_coro", task_get_coro, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "get_name", task_get_name, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "set_name", task_set_name, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "cancelling", task_cancelling, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "uncancel", task_uncancel, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "get_context", task_get_context, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "get_stack", task_get_stack, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "print_stack", task_print_stack, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, T, "_coro", task_coro_field, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, T, "_fut_waiter", task_fut_waiter_field, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, T, "_must_cancel", task_must_cancel_field, AW_NATIVE_GETTER);
  return ok;
}


// vm/ncoro.c -- native coroutines: coroutine objects whose body is C. A
// coroutine function of the embedded asyncio.aw can be given a native body
// (aw_ncoro_register); calling it then makes an AwNCoro instead of a frame.
// The object has the coroutine class and does what the script body does,
// step for step: the same attribute lookups and method calls (so
// subclasses and patched instances behave the same), the same results,
// exceptions, finally-blocks, traceback entries (the function's own lines),
// cr_frame, cr_await, cr_code, "never awaited" warnings. Its point is
// size: a million tasks parked in Event.wait() cost 48 bytes each for the
// coroutine instead of a frame of several hundred (and no Future: see
// "parked waiters").
#include <string.h>
#include "vm/loop.h"

// Event.wait's pc past 1: parked in place of its future ("parked waiters").
enum { PC_PARKED = 2, PC_SET = 3, PC_CANCELLED = 4 };


void aw_ncoro_register(AwFunction *fn, AwNCoroBody body) {
  uint32_t low = fn->proto->flags & ((1u << AW_CODE_NATIVE_SHIFT) - 1);
  fn->proto->flags = low | (uint32_t)body << AW_CODE_NATIVE_SHIFT;
}

AwValue aw_ncoro_new(AwVM *vm, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw, bool awaited) {
  int body = AW_CODE_NATIVE_BODY(fn->proto);
  // Event.wait(self): anything else is left to the script body.
  if (body != AW_NCORO_EVENT_WAIT || argc != 1 || (kw && kw->len) || !AW_IS_OBJ(argv[0])) return AW_UNDEF;
  // Debug mode keeps a creation stack (cr_origin): the script body has room.
  if (vm->loop && vm->loop->running && vm->loop->debug) return AW_UNDEF;
  AwNCoro *c = (AwNCoro *)aw_obj_alloc(vm, sizeof(AwNCoro), AW_OBJ_NCORO, AW_CLS(vm, coroutine));
  if (!c) return AW_EXC;
  c->state = AW_GEN_CREATED;
  c->body = (uint8_t)body;
  c->func = fn;
  c->a = AW_AS_OBJ(argv[0]);
  if (vm->frame) {
    c->created = vm->frame->proto;
    c->created_ip = (int32_t)(vm->frame->ip - vm->frame->proto->code);
  }
  c->awaited = awaited;
  if (!awaited) aw_gc_watch(vm, &c->obj);  // "never awaited"?
  return AW_OBJ(c);
}

// ---- what scripts see -------------------------------------------------------

AwGenState aw_ncoro_state(AwNCoro *c) { return (AwGenState)c->state; }

AwValue aw_ncoro_qualname(AwNCoro *c) { return c->func->qualname; }

// The line of the first instruction of [p] that names attribute [name].
static int line_of_name(AwProto *p, const char *name) {
  for (int32_t i = 0; i < p->ncode; i++) {
    AwOpcode op = AW_OP(p->code[i]);
    if ((op == OP_LOAD_ATTR || op == OP_LOAD_METHOD) && AW_ARG(p->code[i]) < (uint32_t)p->nnames &&
        !strcmp(AW_AS_STR(p->names[AW_ARG(p->code[i])])->data, name))
      return p->lines[i];
  }
  return p->firstline;
}

// The line of the body's `await`.
static int await_line(AwProto *p) {
  for (int32_t i = 0; i < p->ncode; i++)
    if (AW_OP(p->code[i]) == OP_SEND) return p->lines[i];
  return p->firstline;
}

int aw_ncoro_line(AwNCoro *c) {
  AwProto *p = c->func->proto;
  return c->state == AW_GEN_CREATED || c->pc == 0 ? p->firstline : await_line(p);
}

AwValue aw_ncoro_await(AwVM *vm, AwNCoro *c) {
  if (c->state != AW_GEN_SUSPENDED) return AW_NONE;
  return aw_ncoro_materialize(vm, c);
}

// f_locals: the parameters and the locals the body has bound so far.
AwValue aw_ncoro_locals(AwVM *vm, AwNCoro *c) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return AW_EXC;
  AwProto *p = c->func->proto;
  if (c->pc >= PC_PARKED && AW_IS_EXC(aw_ncoro_materialize(vm, c))) return AW_EXC;
  AwObj *vals[2] = {c->a, c->pc == 1 ? c->b : NULL};
  for (int i = 0; i < 2 && i < p->nlocals; i++)
    if (vals[i] && !aw_dict_set(vm, d, p->varnames[i], AW_OBJ(vals[i]))) return AW_EXC;
  return AW_OBJ(d);
}

// ---- running the body ---------------------------------------------------------

// The body failed at [line] with vm->exc: chained and recorded as the
// interpreter does for an exception raised in a frame.
static AwResumeStatus failed_at(AwVM *vm, AwNCoro *c, int line) {
  aw_exc_set_context(vm, vm->exc);
  if (AW_IS_EXCEPTION(vm->exc)) aw_traceback_add(vm, vm->exc, c->func->proto, line);
  return AW_RESUME_ERROR;
}

// `self._waiters.remove(fut)` of Event.wait's finally block, run while
// [exc] (UNDEF: none) is in flight.
static bool event_wait_finally(AwVM *vm, AwNCoro *c, AwValue exc) {
  AwValue saved = vm->handling;
  if (!AW_IS_UNDEF(exc)) vm->handling = exc;
  AwValue ws = aw_getattr(vm, AW_OBJ(c->a), AW_N(vm, u_waiters));
  AwValue fut = c->pc >= PC_PARKED ? AW_OBJ(c) : AW_OBJ(c->b);
  aw_push_root(vm, ws);
  AwValue r = AW_IS_EXC(ws) ? ws : aw_call_method(vm, ws, AW_N(vm, remove), 1, &fut);
  aw_pop_root(vm);
  if (AW_IS_EXC(r)) failed_at(vm, c, line_of_name(c->func->proto, "remove"));
  vm->handling = saved;
  return !AW_IS_EXC(r);
}

// ---- parked waiters -----------------------------------------------------------
// A million tasks parked on one Event would each hold a Future that only
// stands between the event and the task. When nothing can tell, the
// coroutine parks itself instead: it is the entry in the event's waiter
// deque and the task's fut_waiter, and Event.set / Task.cancel resolve it
// in place (pc PC_SET / PC_CANCELLED; b is the task). The moment a script
// could see the future (cr_await, task._fut_waiter, repr, iterating the
// waiters, a script driving the coroutine), aw_ncoro_materialize makes the
// real one in its state and the body goes on as the script does (pc 1).
bool aw_ncoro_is_parked(AwValue v) {
  return AW_IS_KIND(v, AW_OBJ_NCORO) && ((AwNCoro *)AW_AS_OBJ(v))->pc >= PC_PARKED;
}

// The event's waiter deque when it is asyncio.aw's own _Deque, whose
// entries only asyncio.aw reads (it materializes before a script sees
// them); else UNDEF.
static AwValue own_deque(AwVM *vm, AwNCoro *c, AwValue ws) {
  AwValue cls = aw_dict_get_cstr(vm, c->func->globals, "_Deque");
  if (!AW_IS_CLASS(cls) || !AW_IS_KIND(ws, AW_OBJ_INSTANCE) || aw_obj_class(vm, AW_AS_OBJ(ws)) != AW_AS_CLASS(cls))
    return AW_UNDEF;
  return ws;
}

// Parks [c] in place of `fut = loop.create_future(); self._waiters.append(fut)`
// when that is unobservable: the loop is the built-in one and the waiters
// are a _Deque. 1 parked, 0 not (take the script's way), -1 error.
static int park(AwVM *vm, AwNCoro *c, AwValue loop) {
  if (!AW_IS_KIND(loop, AW_OBJ_LOOP) || aw_obj_class(vm, AW_AS_OBJ(loop)) != AW_CLS(vm, event_loop)) return 0;
  AwValue ws = aw_getattr(vm, AW_OBJ(c->a), AW_N(vm, u_waiters));
  if (AW_IS_EXC(ws)) return -1;
  if (AW_IS_UNDEF(own_deque(vm, c, ws))) return 0;
  AwValue list = aw_getattr_cstr(vm, ws, "_a");
  if (AW_IS_EXC(list)) return -1;
  if (!AW_IS_LIST(list)) return 0;
  aw_push_root(vm, list);
  AwValue flag = aw_getattr_cstr(vm, ws, "_parked");
  bool ok = !AW_IS_EXC(flag) && (AW_IS_BOOL(flag) && AW_AS_BOOL(flag) ? true : aw_setattr(vm, ws, aw_str_intern(vm, "_parked", 7), AW_TRUE));
  ok = ok && aw_list_append(vm, AW_AS_LIST(list), AW_OBJ(c));
  aw_pop_root(vm);
  if (!ok) return -1;
  c->pc = PC_PARKED;
  c->b = NULL;  // the task, once one takes the yield
  return 1;
}

void aw_ncoro_park_task(AwNCoro *c, AwFuture *t) { c->b = &t->obj; }

static bool schedule_wakeup(AwVM *vm, AwNCoro *c) {
  AwLoop *loop = aw_loop_get(vm);
  if (!loop || !c->b) return loop != NULL;
  return aw_loop_schedule(vm, loop, AW_READY_WAKEUP_WAITER, AW_OBJ(c->b), AW_OBJ(c), AW_UNDEF);
}

int aw_ncoro_wake(AwVM *vm, AwNCoro *c) {
  if (c->pc != PC_PARKED) return 0;  // done already: `if not fut.done()`
  c->pc = PC_SET;
  return schedule_wakeup(vm, c) ? 1 : -1;
}

bool aw_ncoro_cancel_parked(AwVM *vm, AwNCoro *c, AwValue msg) {
  if (c->pc != PC_PARKED || !c->b) return false;
  AwFuture *t = (AwFuture *)c->b;
  // The message travels with the task until its wakeup throws it in.
  if (!aw_future_set_extra(vm, t, AW_FX_CANCEL_MSG, msg)) return false;
  c->pc = PC_CANCELLED;
  return schedule_wakeup(vm, c) || true;
}

AwValue aw_ncoro_parked_outcome(AwVM *vm, AwNCoro *c, AwFuture *t) {
  if (c->pc != PC_CANCELLED) return AW_UNDEF;
  AwValue msg = aw_future_extra(t, AW_FX_CANCEL_MSG);
  if (t->extra) t->extra->items[AW_FX_CANCEL_MSG] = AW_NONE;
  if (AW_IS_NONE(msg)) return aw_exc_new(vm, AW_CANCELLED(vm), 0, NULL);
  return aw_exc_new(vm, AW_CANCELLED(vm), 1, &msg);
}

// Replaces [c] by [f] in its event's waiter list (searched from the back:
// the newest waiters are looked at most).
static bool replace_entry(AwVM *vm, AwNCoro *c, AwFuture *f) {
  AwValue ws = aw_getattr(vm, AW_OBJ(c->a), AW_N(vm, u_waiters));
  if (AW_IS_EXC(ws)) return false;
  AwValue list = AW_IS_UNDEF(own_deque(vm, c, ws)) ? AW_UNDEF : aw_getattr_cstr(vm, ws, "_a");
  if (AW_IS_EXC(list)) return false;
  if (!AW_IS_LIST(list)) return true;
  AwList *l = AW_AS_LIST(list);
  for (int64_t i = l->len - 1; i >= 0; i--)
    if (AW_IS_OBJ(l->items[i]) && AW_AS_OBJ(l->items[i]) == &c->obj) {
      l->items[i] = AW_OBJ(f);
      break;
    }
  return true;
}

AwValue aw_ncoro_materialize(AwVM *vm, AwNCoro *c) {
  if (c->pc < PC_PARKED) return c->pc == 1 && c->b ? AW_OBJ(c->b) : AW_NONE;
  AwLoop *loop = aw_loop_get(vm);
  if (!loop) return AW_EXC;
  AwFuture *f = aw_future_new(vm, loop);
  if (!f) return AW_EXC;
  aw_push_root(vm, AW_OBJ(f));
  AwFuture *t = (AwFuture *)c->b;
  bool ok = replace_entry(vm, c, f);
  if (ok && c->pc == PC_SET) {
    ok = aw_future_set_result(vm, f, AW_TRUE);  // (no callbacks: the wakeup is queued)
  } else if (ok && c->pc == PC_CANCELLED) {
    AwValue msg = aw_future_extra(t, AW_FX_CANCEL_MSG);
    if (t->extra) t->extra->items[AW_FX_CANCEL_MSG] = AW_NONE;
    aw_future_cancel(vm, f, msg);
    ok = AW_IS_UNDEF(vm->exc);
  } else if (ok && t) {
    f->blocking = false;
    ok = aw_future_add_callback(vm, f, AW_OBJ(t), AW_UNDEF);  // as handle_yield
  }
  aw_pop_root(vm);
  if (!ok) return AW_EXC;
  if (t && t->fut_waiter == &c->obj) t->fut_waiter = &f->obj;
  c->b = &f->obj;
  c->pc = 1;
  return AW_OBJ(f);
}

// vm->exc raised at the body's `await`: through the finally block, which
// re-raises it (or replaces it with its own error).
static AwResumeStatus raise_at_await(AwVM *vm, AwNCoro *c) {
  failed_at(vm, c, await_line(c->func->proto));
  AwValue exc = aw_exc_take(vm);
  aw_push_root(vm, exc);
  bool ok = event_wait_finally(vm, c, exc);
  aw_pop_root(vm);
  if (ok) vm->exc = exc;
  return AW_RESUME_ERROR;
}

// Event.wait, as asyncio.aw writes it (CPython's locks.py):
//     if self._value:
//         return True
//     fut = self._get_loop().create_future()
//     self._waiters.append(fut)
//     try:
//         await fut
//         return True
//     finally:
//         self._waiters.remove(fut)
// pc 0: not started; 1: at `await fut`.
static AwResumeStatus event_wait(AwVM *vm, AwNCoro *c, AwValue exc, AwValue *out, bool direct) {
  AwProto *p = c->func->proto;
  AwValue self = AW_OBJ(c->a);
  if (c->pc == 0) {
    c->created = NULL;  // started: the word is [b]'s from now on
    if (!AW_IS_UNDEF(exc)) {
      vm->exc = exc;  // thrown in before the first line
      return failed_at(vm, c, p->firstline);
    }
    AwValue v = aw_getattr(vm, self, AW_N(vm, u_value));
    int t = AW_IS_EXC(v) ? -1 : aw_truthy(vm, v);
    if (t < 0) return failed_at(vm, c, line_of_name(p, "_value"));
    if (t) {
      *out = AW_TRUE;
      return AW_RESUME_RETURN;
    }
    AwValue loop = aw_call_method(vm, self, AW_N(vm, u_get_loop), 0, NULL);
    if (AW_IS_EXC(loop)) return failed_at(vm, c, line_of_name(p, "_get_loop"));
    int parked = direct ? park(vm, c, loop) : 0;
    if (parked < 0) return failed_at(vm, c, line_of_name(p, "append"));
    if (parked) {
      *out = AW_OBJ(c);  // to the task (handle_yield), which waits on it
      return AW_RESUME_YIELD;
    }
    aw_push_root(vm, loop);
    AwValue fut = aw_call_method(vm, loop, AW_N(vm, create_future), 0, NULL);
    aw_pop_root(vm);
    if (AW_IS_EXC(fut)) return failed_at(vm, c, line_of_name(p, "_get_loop"));
    if (!AW_IS_KIND(fut, AW_OBJ_FUTURE)) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "create_future() returned %R, not an asyncio.Future", fut);
      return failed_at(vm, c, line_of_name(p, "_get_loop"));
    }
    c->b = AW_AS_OBJ(fut);  // rooted through the coroutine from now on
    AwValue ws = aw_getattr(vm, self, AW_N(vm, u_waiters));
    aw_push_root(vm, ws);
    AwValue r = AW_IS_EXC(ws) ? ws : aw_call_method(vm, ws, AW_N(vm, append), 1, &fut);
    aw_pop_root(vm);
    if (AW_IS_EXC(r)) return failed_at(vm, c, line_of_name(p, "append"));
    c->pc = 1;
  }
  if (c->pc >= PC_PARKED) {
    // As awaiting the future it stands for: pending yields again, set
    // returns True, cancelled raises (the task threw CancelledError in).
    if (AW_IS_UNDEF(exc) && c->pc == PC_PARKED) {
      *out = AW_OBJ(c);
      return AW_RESUME_YIELD;
    }
    if (AW_IS_UNDEF(exc) && c->pc == PC_SET) {
      if (!event_wait_finally(vm, c, AW_UNDEF)) return AW_RESUME_ERROR;
      *out = AW_TRUE;
      return AW_RESUME_RETURN;
    }
    if (AW_IS_UNDEF(exc)) {
      exc = aw_exc_new(vm, AW_CANCELLED(vm), 0, NULL);
      if (AW_IS_EXC(exc)) return AW_RESUME_ERROR;
    }
    vm->exc = exc;
    return raise_at_await(vm, c);
  }
  // At `await fut`: resumed by a send (the value is ignored, as awaiting a
  // future ignores it) or by a throw.
  AwFuture *f = (AwFuture *)c->b;
  if (AW_IS_UNDEF(exc)) {
    if (f->state == AW_FUT_PENDING) {
      f->blocking = true;
      *out = AW_OBJ(f);
      return AW_RESUME_YIELD;
    }
    AwValue r = aw_future_await_result(vm, f);
    if (!AW_IS_EXC(r)) {
      if (!event_wait_finally(vm, c, AW_UNDEF)) return AW_RESUME_ERROR;
      *out = AW_TRUE;
      return AW_RESUME_RETURN;
    }
  } else {
    vm->exc = exc;
  }
  return raise_at_await(vm, c);
}

AwResumeStatus aw_ncoro_resume(AwVM *vm, AwNCoro *c, AwValue value, AwValue exc, AwValue *out) {
  if (c->state == AW_GEN_RUNNING) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "coroutine already executing");
    return AW_RESUME_ERROR;
  }
  if (c->state == AW_GEN_CLOSED) {
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited coroutine");
    return AW_RESUME_ERROR;
  }
  if (c->state == AW_GEN_CREATED && AW_IS_UNDEF(exc) && !AW_IS_NONE(value) && !AW_IS_UNDEF(value)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't send non-None value to a just-started coroutine");
    return AW_RESUME_ERROR;
  }
  bool direct = vm->ncoro_direct;
  vm->ncoro_direct = false;
  c->awaited = true;
  c->state = AW_GEN_RUNNING;
  aw_push_root(vm, AW_OBJ(c));
  AwResumeStatus st = event_wait(vm, c, exc, out, direct);
  aw_pop_root(vm);
  if (st == AW_RESUME_YIELD) {
    c->state = AW_GEN_SUSPENDED;
    return st;
  }
  // Finished: like a frame that ends, it drops what it held.
  c->state = AW_GEN_CLOSED;
  c->a = c->b = NULL;
  if (st == AW_RESUME_ERROR && aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    // PEP 479, as aw_gen_resume.
    AwValue cause = aw_exc_take(vm);
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "coroutine raised StopIteration");
    AW_AS_EXCEPTION(vm->exc)->cause = cause;
    AW_AS_EXCEPTION(vm->exc)->context = cause;
    AW_AS_EXCEPTION(vm->exc)->suppress_context = true;
  }
  return st;
}

// close(), as aw_gen_close.
AwValue aw_ncoro_close(AwVM *vm, AwNCoro *c) {
  if (c->state == AW_GEN_CREATED || c->state == AW_GEN_CLOSED) {
    c->state = AW_GEN_CLOSED;
    c->a = c->b = NULL;
    return AW_NONE;
  }
  AwValue ge = aw_exc_new(vm, AW_EXCCLS(vm, GeneratorExit), 0, NULL);
  if (AW_IS_EXC(ge)) return ge;
  AwValue out;
  AwResumeStatus st = aw_ncoro_resume(vm, c, AW_NONE, ge, &out);
  if (st == AW_RESUME_YIELD) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "coroutine ignored GeneratorExit");
  if (st == AW_RESUME_RETURN) return AW_NONE;
  if (aw_exc_pending_is(vm, AW_EXCCLS(vm, GeneratorExit)) || aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    aw_exc_take(vm);
    return AW_NONE;
  }
  return AW_EXC;
}

// ---- GC and the "never awaited" warning -----------------------------------------

void aw_ncoro_trace(AwVM *vm, AwNCoro *c) {
  aw_gc_mark_obj(vm, &c->func->obj);
  if (c->a) aw_gc_mark_obj(vm, c->a);
  if (c->b) aw_gc_mark_obj(vm, c->b);  // or created
}

bool aw_ncoro_needs_finalizer(AwNCoro *c) { return c->state == AW_GEN_CREATED && !c->awaited; }

void aw_ncoro_report_unawaited(AwVM *vm, AwNCoro *c, bool at_exit) {
  c->awaited = true;  // reported once
  AwProto *p = c->created;  // (never started: not yet [b])
  int line = 0;
  if (p) {
    int32_t at = c->created_ip - 1;
    line = at >= 0 && at < p->ncode ? p->lines[at] : p->firstline;
  }
  aw_coro_warn_unawaited(vm, aw_ncoro_qualname(c), AW_NONE, p, line, at_exit);
}

// vm/ncoro.c -- native coroutines: coroutine objects whose body is C. A
// coroutine function of the embedded asyncio.aw can be given a native body
// (aw_ncoro_register); calling it then makes an AwNCoro instead of a frame.
// The object has the coroutine class and does what the script body does,
// step for step: the same attribute lookups and method calls (so
// subclasses and patched instances behave the same), the same results,
// exceptions, finally-blocks, traceback entries (the function's own lines),
// cr_frame, cr_await, cr_code, "never awaited" warnings. Its point is
// size: a million tasks parked in Event.wait() cost 64 bytes each for the
// coroutine instead of a frame of several hundred.
#include <string.h>
#include "vm/loop.h"


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

AwValue aw_ncoro_await(AwNCoro *c) {
  return c->state == AW_GEN_SUSPENDED && c->pc == 1 && c->b ? AW_OBJ(c->b) : AW_NONE;
}

// f_locals: the parameters and the locals the body has bound so far.
AwValue aw_ncoro_locals(AwVM *vm, AwNCoro *c) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return AW_EXC;
  AwProto *p = c->func->proto;
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
  AwValue fut = AW_OBJ(c->b);
  aw_push_root(vm, ws);
  AwValue r = AW_IS_EXC(ws) ? ws : aw_call_method(vm, ws, AW_N(vm, remove), 1, &fut);
  aw_pop_root(vm);
  if (AW_IS_EXC(r)) failed_at(vm, c, line_of_name(c->func->proto, "remove"));
  vm->handling = saved;
  return !AW_IS_EXC(r);
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
static AwResumeStatus event_wait(AwVM *vm, AwNCoro *c, AwValue exc, AwValue *out) {
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
    exc = vm->exc;
  } else {
    vm->exc = exc;
  }
  failed_at(vm, c, await_line(p));
  exc = aw_exc_take(vm);
  aw_push_root(vm, exc);
  bool ok = event_wait_finally(vm, c, exc);
  aw_pop_root(vm);
  if (ok) vm->exc = exc;  // re-raised, as the finally block ends
  return AW_RESUME_ERROR;
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
  c->awaited = true;
  c->state = AW_GEN_RUNNING;
  aw_push_root(vm, AW_OBJ(c));
  AwResumeStatus st = event_wait(vm, c, exc, out);
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

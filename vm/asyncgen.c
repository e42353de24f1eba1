// vm/asyncgen.c -- async generators (`async def` with `yield`), CPython
// 3.11 semantics: __aiter__/__anext__/asend/athrow/aclose and the
// awaitables they return (async_generator_asend, async_generator_athrow),
// plus anext(aiter, default)'s anext_awaitable; and their finalization
// (PEP 525): the firstiter/finalizer hooks of sys.set_asyncgen_hooks, the
// finalizer when one dies unfinished, and the `async for` loop that owns
// its generator (CPython's refcount timing). gen.c resumes the frames.
#include <string.h>

#include "vm/loop.h"

// The awaitables are AwIter records (GC-traced a, b, c; plain i) whose
// `next` resumes the generator: SEND in the interpreter steps them
// directly. Layouts:
//   async_generator_asend:  a = generator, b = value to send, i = state
//   async_generator_athrow: a = generator, b = athrow's args tuple (UNDEF
//                           for aclose()), i = state
//   anext_awaitable:        a = what __anext__ returned, b = default,
//                           c = its awaitable iterator (UNDEF until used)
// The three classes live in a tuple in the `data` of async_generator's
// __anext__ native (scripts cannot see or replace it).
enum { ST_INIT, ST_ITER, ST_CLOSED };
enum { CLS_ASEND, CLS_ATHROW, CLS_ANEXT };

static AwClass *awaitable_class(AwVM *vm, int which) {
  AwValue n = aw_dict_get_str(AW_CLS(vm, async_generator)->dict, AW_N(vm, anext));
  AwValue t = ((AwNative *)AW_AS_OBJ(n))->data;
  return AW_AS_CLASS(AW_AS_TUPLE(t)->items[which]);
}

static AwGen *gen_of(AwIter *it) { return (AwGen *)AW_AS_OBJ(it->a); }

// CPython's ag_closed: aclose() has begun, or the generator ended with
// StopAsyncIteration/GeneratorExit; athrow()/aclose() then end at once.
static bool ag_closed(AwGen *g) { return g->ag_closed; }
static void set_ag_closed(AwGen *g) { g->ag_closed = true; }

// Raises StopIteration(v) ("return v" of an awaitable), or returns UNDEF
// for None: callers treat UNDEF as "finished with None" without making an
// exception (send_generic and next() do too).
static AwValue stop_with(AwVM *vm, AwValue v) {
  if (AW_IS_NONE(v) || AW_IS_UNDEF(v)) return AW_UNDEF;
  return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 1, &v);
}

// A StopIteration/StopAsyncIteration escaping the body becomes
// RuntimeError "async generator raised ..." (PEP 479), chained to it.
static void convert_escape(AwVM *vm) {
  const char *what = aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))        ? "StopIteration"
                     : aw_exc_pending_is(vm, AW_EXCCLS(vm, StopAsyncIteration)) ? "StopAsyncIteration"
                                                                                : NULL;
  if (!what) return;
  AwValue cause = aw_exc_take(vm);
  aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "async generator raised %s", what);
  if (AW_IS_EXCEPTION(vm->exc)) {
    AwException *e = AW_AS_EXCEPTION(vm->exc);
    e->cause = cause;
    e->context = cause;
    e->suppress_context = true;
  }
}

// Counts [g] in the running task's agens_open while it stays suspended: a
// task that finishes with some may have held the last reference to one
// (CPython finalizes it right then), so it collects then (aw_task_step).
static void note_task(AwVM *vm, AwGen *g) {
  AwLoop *loop = vm->loop;
  if (!loop || !AW_IS_KIND(loop->current_task, AW_OBJ_FUTURE)) return;
  AwFuture *t = (AwFuture *)AW_AS_OBJ(loop->current_task);
  bool open = g->state != AW_GEN_CLOSED && !g->ag_finalized;
  if (open && g->ag_task != t->task_id) {
    g->ag_task = t->task_id;
    t->agens_open++;
  } else if (!open && g->ag_task == t->task_id) {
    g->ag_task = 0;
    t->agens_open--;
  }
}

// Resumes [g] by sending [value] or throwing [exc] (not UNDEF).
static AwResumeStatus agen_resume(AwVM *vm, AwGen *g, AwValue value, AwValue exc, AwValue *out) {
  bool was_closed = g->state == AW_GEN_CLOSED;
  AwResumeStatus st;
  if (!AW_IS_UNDEF(exc) && g->state == AW_GEN_CREATED) {
    // Never started: the exception ends it without running the body.
    g->state = AW_GEN_CLOSED;
    vm->exc = exc;
    st = AW_RESUME_ERROR;
  } else {
    // [exc] may be fresh (GeneratorExit, athrow's instance): keep it rooted
    // while a delegate's throw()/close() runs script code.
    aw_push_root(vm, exc);
    st = aw_gen_resume(vm, g, value, exc, out);
    aw_pop_root(vm);
  }
  if (st == AW_RESUME_ERROR && !was_closed) convert_escape(vm);
  note_task(vm, g);
  // Suspended for the first time: from now on it owes a close if it dies
  // (one with a finalizer hook is watched from its first use already).
  if (st == AW_RESUME_YIELD && !g->ag_watched) {
    g->ag_watched = true;
    aw_gc_watch(vm, &g->obj);
  }
  return st;
}

// CPython's async_gen_unwrap_value: the generator's own `yield v` finishes
// the awaitable (StopIteration(v), UNDEF for None); any other yield is an
// await inside the body passing a future through to the task (returned
// as is); returning ends the iteration (StopAsyncIteration).
static AwValue unwrap(AwVM *vm, AwGen *g, AwResumeStatus st, AwValue out) {
  if (st == AW_RESUME_YIELD && !g->async_yield) return out;
  g->running_async = false;
  if (st == AW_RESUME_YIELD) return stop_with(vm, out);
  if (st == AW_RESUME_RETURN) aw_raise_args(vm, AW_EXCCLS(vm, StopAsyncIteration), 0, NULL);
  if (aw_exc_pending_is(vm, AW_EXCCLS(vm, StopAsyncIteration)) || aw_exc_pending_is(vm, AW_EXCCLS(vm, GeneratorExit)))
    set_ag_closed(g);
  return AW_EXC;
}

// throw(typ[, val[, tb]]) arguments as CPython's _gen_throw normalises
// them into one exception instance; [who] names the method in errors.
static AwValue make_thrown(AwVM *vm, const char *who, int n, AwValue *args) {
  if (n < 1) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at least 1 argument, got 0", who);
  if (n > 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at most 3 arguments, got %d", who, n);
  AwValue t = args[0];
  AwValue val = n >= 2 ? args[1] : AW_NONE;
  if (AW_IS_CLASS(t) && aw_is_subclass(AW_AS_CLASS(t), AW_EXCCLS(vm, BaseException))) {
    if (AW_IS_NONE(val)) return aw_call(vm, t, 0, NULL, NULL);
    if (aw_isinstance(vm, val, AW_AS_CLASS(t))) return val;
    if (AW_IS_TUPLE(val)) return aw_call(vm, t, (int)AW_AS_TUPLE(val)->len, AW_AS_TUPLE(val)->items, NULL);
    return aw_call(vm, t, 1, &val, NULL);
  }
  if (AW_IS_EXCEPTION(t)) {
    if (!AW_IS_NONE(val))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "instance exception may not have a separate value");
    return t;
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                   "exceptions must be classes or instances deriving from BaseException, not %s", aw_type_name(vm, t));
}

// Turns an awaitable step result into a method result: UNDEF (finished
// with None) becomes a raised StopIteration().
static AwValue as_method_result(AwVM *vm, AwValue r) {
  if (AW_IS_UNDEF(r)) return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 0, NULL);
  return r;
}

static AwIter *check_self(AwVM *vm, AwValue self, int which, const char *meth) {
  AwClass *cls = awaitable_class(vm, which);
  if (AW_IS_KIND(self, AW_OBJ_ITER) && aw_obj_class(vm, AW_AS_OBJ(self)) == cls) return (AwIter *)AW_AS_OBJ(self);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", meth,
            AW_AS_STR(cls->name)->data, aw_type_name(vm, self));
  return NULL;
}

static bool positional(AwVM *vm, const char *fname, int n, AwTuple *kw, int min, int max) {
  if (kw && kw->len > 0) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no keyword arguments", fname);
    return false;
  }
  if (n < min || n > max) {
    if (min == max && min == 1)
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes exactly one argument (%d given)", fname, n);
    else if (max == 0)
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no arguments (%d given)", fname, n);
    else
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at most %d arguments, got %d", fname, max, n);
    return false;
  }
  return true;
}

// ---- async_generator_asend (also what __anext__ returns) ----------------------

// Sends [arg] (UNDEF: next()) into the generator.
static AwValue asend_step(AwVM *vm, AwIter *it, AwValue arg) {
  AwGen *g = gen_of(it);
  if (it->i == ST_CLOSED)
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited __anext__()/asend()");
  if (it->i == ST_INIT) {
    if (g->running_async)
      return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "anext(): asynchronous generator is already running");
    if (AW_IS_UNDEF(arg) || AW_IS_NONE(arg)) arg = it->b;
    it->i = ST_ITER;
  }
  g->running_async = true;
  AwValue out = AW_NONE;
  AwResumeStatus st = agen_resume(vm, g, AW_IS_UNDEF(arg) ? AW_NONE : arg, AW_UNDEF, &out);
  AwValue r = unwrap(vm, g, st, out);
  if (AW_IS_EXC(r) || AW_IS_UNDEF(r)) it->i = ST_CLOSED;
  return r;
}

static AwValue asend_next_fn(AwVM *vm, AwIter *it) { return asend_step(vm, it, AW_UNDEF); }

static AwValue asend_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ASEND, "__next__");
  if (!it || !positional(vm, "async_generator_asend.__next__", argc - 1, kw, 0, 0)) return AW_EXC;
  return as_method_result(vm, asend_step(vm, it, AW_UNDEF));
}

static AwValue asend_send(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ASEND, "send");
  if (!it || !positional(vm, "async_generator_asend.send", argc - 1, kw, 1, 1)) return AW_EXC;
  return as_method_result(vm, asend_step(vm, it, argv[1]));
}

static AwValue asend_throw(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ASEND, "throw");
  if (!it || !positional(vm, "throw", argc - 1, kw, 0, 3)) return AW_EXC;
  if (it->i == ST_CLOSED)
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited __anext__()/asend()");
  AwGen *g = gen_of(it);
  AwValue exc = make_thrown(vm, "throw", argc - 1, argv + 1);
  AwValue r;
  if (AW_IS_EXC(exc)) {
    r = unwrap(vm, g, AW_RESUME_ERROR, AW_NONE);
  } else {
    AwValue out = AW_NONE;
    AwResumeStatus st = agen_resume(vm, g, AW_NONE, exc, &out);
    r = unwrap(vm, g, st, out);
  }
  if (AW_IS_EXC(r) || AW_IS_UNDEF(r)) it->i = ST_CLOSED;
  return as_method_result(vm, r);
}

static AwValue asend_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ASEND, "close");
  if (!it || !positional(vm, "async_generator_asend.close", argc - 1, kw, 0, 0)) return AW_EXC;
  it->i = ST_CLOSED;
  return AW_NONE;
}

static AwValue new_asend(AwVM *vm, AwValue gen, AwValue value) {
  AwIter *it = aw_iter_new(vm, awaitable_class(vm, CLS_ASEND), asend_next_fn, gen, value);
  return it ? AW_OBJ(it) : AW_EXC;
}

// ---- async_generator_athrow (athrow() and aclose()) ---------------------------

static bool is_aclose(AwIter *it) { return AW_IS_UNDEF(it->b); }

// aclose(): the generator yielded a value of its own after GeneratorExit.
static AwValue ignored_exit(AwVM *vm, AwIter *it) {
  gen_of(it)->running_async = false;
  it->i = ST_CLOSED;
  return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "async generator ignored GeneratorExit");
}

// The generator finished or failed under this awaitable: aclose() counts
// StopAsyncIteration and GeneratorExit as success.
static AwValue athrow_done(AwVM *vm, AwIter *it, AwValue r) {
  gen_of(it)->running_async = false;
  it->i = ST_CLOSED;
  if (AW_IS_EXC(r) && is_aclose(it) &&
      (aw_exc_pending_is(vm, AW_EXCCLS(vm, StopAsyncIteration)) || aw_exc_pending_is(vm, AW_EXCCLS(vm, GeneratorExit)))) {
    aw_exc_take(vm);
    return AW_UNDEF;
  }
  return r;
}

// aclose()'s view of a resume: its own yield is an error, an await passes
// through, the rest ends the close.
static AwValue aclose_result(AwVM *vm, AwIter *it, AwResumeStatus st, AwValue out) {
  AwGen *g = gen_of(it);
  if (st == AW_RESUME_YIELD) return g->async_yield ? ignored_exit(vm, it) : out;
  AwValue r = st == AW_RESUME_RETURN ? aw_raise_args(vm, AW_EXCCLS(vm, StopAsyncIteration), 0, NULL) : AW_EXC;
  return athrow_done(vm, it, r);
}

static AwValue athrow_step(AwVM *vm, AwIter *it, AwValue arg) {
  AwGen *g = gen_of(it);
  if (it->i == ST_CLOSED)
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited aclose()/athrow()");
  if (g->state == AW_GEN_CLOSED) {
    it->i = ST_CLOSED;
    return AW_UNDEF;
  }
  if (AW_IS_UNDEF(arg)) arg = AW_NONE;
  AwValue out = AW_NONE;
  if (it->i == ST_INIT) {
    if (g->running_async) {
      it->i = ST_CLOSED;
      return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "%s(): asynchronous generator is already running",
                       is_aclose(it) ? "aclose" : "athrow");
    }
    if (ag_closed(g)) {
      it->i = ST_CLOSED;
      return aw_raise_args(vm, AW_EXCCLS(vm, StopAsyncIteration), 0, NULL);
    }
    if (!AW_IS_NONE(arg))
      return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "can't send non-None value to a just-started coroutine");
    it->i = ST_ITER;
    g->running_async = true;
    if (is_aclose(it)) {
      set_ag_closed(g);
      AwValue ge = aw_exc_new(vm, AW_EXCCLS(vm, GeneratorExit), 0, NULL);
      if (AW_IS_EXC(ge)) return athrow_done(vm, it, ge);
      return aclose_result(vm, it, agen_resume(vm, g, AW_NONE, ge, &out), out);
    }
    AwTuple *args = AW_AS_TUPLE(it->b);
    // As CPython, a bad argument count leaves the generator marked running.
    if (args->len < 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "athrow expected at least 1 argument, got 0");
    if (args->len > 3)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "athrow expected at most 3 arguments, got %d", (int)args->len);
    AwValue exc = make_thrown(vm, "athrow", (int)args->len, args->items);
    AwValue r = AW_IS_EXC(exc) ? unwrap(vm, g, AW_RESUME_ERROR, AW_NONE)
                               : unwrap(vm, g, agen_resume(vm, g, AW_NONE, exc, &out), out);
    if (AW_IS_EXC(r) || AW_IS_UNDEF(r)) return athrow_done(vm, it, r);
    return r;
  }
  AwResumeStatus st = agen_resume(vm, g, arg, AW_UNDEF, &out);
  if (is_aclose(it)) return aclose_result(vm, it, st, out);
  return unwrap(vm, g, st, out);
}

static AwValue athrow_next_fn(AwVM *vm, AwIter *it) { return athrow_step(vm, it, AW_UNDEF); }

static AwValue athrow_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ATHROW, "__next__");
  if (!it || !positional(vm, "async_generator_athrow.__next__", argc - 1, kw, 0, 0)) return AW_EXC;
  return as_method_result(vm, athrow_step(vm, it, AW_UNDEF));
}

static AwValue athrow_send(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ATHROW, "send");
  if (!it || !positional(vm, "async_generator_athrow.send", argc - 1, kw, 1, 1)) return AW_EXC;
  return as_method_result(vm, athrow_step(vm, it, argv[1]));
}

static AwValue athrow_throw(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ATHROW, "throw");
  if (!it || !positional(vm, "throw", argc - 1, kw, 0, 3)) return AW_EXC;
  if (it->i == ST_CLOSED)
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited aclose()/athrow()");
  AwGen *g = gen_of(it);
  AwValue exc = make_thrown(vm, "throw", argc - 1, argv + 1);
  AwValue out = AW_NONE;
  AwResumeStatus st = AW_IS_EXC(exc) ? AW_RESUME_ERROR : agen_resume(vm, g, AW_NONE, exc, &out);
  AwValue r;
  if (!is_aclose(it)) {
    r = unwrap(vm, g, st, out);
  } else if (st == AW_RESUME_YIELD) {
    r = g->async_yield ? ignored_exit(vm, it) : out;
  } else if (st == AW_RESUME_RETURN || aw_exc_pending_is(vm, AW_EXCCLS(vm, StopAsyncIteration)) ||
             aw_exc_pending_is(vm, AW_EXCCLS(vm, GeneratorExit))) {
    if (st != AW_RESUME_RETURN) aw_exc_take(vm);
    r = AW_UNDEF;
  } else {
    r = AW_EXC;
  }
  return as_method_result(vm, r);
}

static AwValue athrow_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ATHROW, "close");
  if (!it || !positional(vm, "async_generator_athrow.close", argc - 1, kw, 0, 0)) return AW_EXC;
  it->i = ST_CLOSED;
  return AW_NONE;
}

// ---- anext(aiter, default): anext_awaitable ---------------------------------------

// The iterator that drives what __anext__ returned (made on first use).
static AwValue anext_iter(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->c)) {
    AwValue a = it->a;
    if (!AW_IS_KIND(a, AW_OBJ_GENERATOR) || ((AwGen *)AW_AS_OBJ(a))->gkind != AW_GENKIND_COROUTINE)
      a = aw_get_awaitable(vm, a, 0);
    if (AW_IS_EXC(a)) return a;
    it->c = a;
  }
  return it->c;
}

// One step of the wrapped awaitable: [how] is 'n' next, 's' send(arg),
// 't' throw(args[0..n)), 'c' close(). StopAsyncIteration from it becomes
// the awaitable's return of the default.
static AwValue anext_proxy(AwVM *vm, AwIter *it, char how, int n, AwValue *args) {
  AwValue target = anext_iter(vm, it);
  if (AW_IS_EXC(target)) return target;
  AwValue r;
  if ((how == 'n' || how == 's') && AW_IS_KIND(target, AW_OBJ_GENERATOR)) {
    AwValue out = AW_NONE;
    AwResumeStatus st = aw_gen_resume(vm, (AwGen *)AW_AS_OBJ(target), how == 's' ? args[0] : AW_NONE, AW_UNDEF, &out);
    r = st == AW_RESUME_YIELD ? out : st == AW_RESUME_RETURN ? stop_with(vm, out) : AW_EXC;
  } else if (how == 'n' && AW_IS_KIND(target, AW_OBJ_ITER) && ((AwIter *)AW_AS_OBJ(target))->next) {
    AwIter *ti = (AwIter *)AW_AS_OBJ(target);
    r = ti->next(vm, ti);
  } else if (how == 'n') {
    r = aw_call_special(vm, target, AW_N(vm, next), 0, NULL);
    if (AW_IS_UNDEF(r))
      r = aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not an iterator", aw_type_name(vm, target));
  } else {
    AwValue name = how == 's' ? AW_N(vm, send) : how == 't' ? AW_N(vm, throw) : AW_N(vm, close);
    r = aw_call_method(vm, target, name, n, args);
  }
  if (AW_IS_EXC(r) && aw_exc_pending_is(vm, AW_EXCCLS(vm, StopAsyncIteration))) {
    aw_exc_take(vm);
    return stop_with(vm, it->b);
  }
  return r;
}

static AwValue anext_next_fn(AwVM *vm, AwIter *it) { return anext_proxy(vm, it, 'n', 0, NULL); }

static AwValue anext_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ANEXT, "__next__");
  if (!it || !positional(vm, "anext_awaitable.__next__", argc - 1, kw, 0, 0)) return AW_EXC;
  return as_method_result(vm, anext_proxy(vm, it, 'n', 0, NULL));
}

static AwValue anext_send(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ANEXT, "send");
  if (!it || !positional(vm, "anext_awaitable.send", argc - 1, kw, 1, 1)) return AW_EXC;
  return as_method_result(vm, anext_proxy(vm, it, 's', 1, argv + 1));
}

static AwValue anext_throw(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ANEXT, "throw");
  if (!it || !positional(vm, "throw", argc - 1, kw, 0, 3)) return AW_EXC;
  return as_method_result(vm, anext_proxy(vm, it, 't', argc - 1, argv + 1));
}

static AwValue anext_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = check_self(vm, argv[0], CLS_ANEXT, "close");
  if (!it || !positional(vm, "anext_awaitable.close", argc - 1, kw, 0, 0)) return AW_EXC;
  return as_method_result(vm, anext_proxy(vm, it, 'c', 0, NULL));
}

AwValue aw_asyncgen_anext_default(AwVM *vm, AwValue awaitable, AwValue dflt) {
  AwIter *it = aw_iter_new(vm, awaitable_class(vm, CLS_ANEXT), anext_next_fn, awaitable, dflt);
  return it ? AW_OBJ(it) : AW_EXC;
}

// ---- finalization (PEP 525) ------------------------------------------------------

// CPython's async_gen_init_hooks, on the first __anext__/asend/athrow/
// aclose: the generator remembers this thread's finalizer hook and is
// passed to the firstiter hook (whose error propagates from that call).
static bool init_hooks(AwVM *vm, AwGen *g) {
  if (g->ag_hooks_inited) return true;
  g->ag_hooks_inited = true;
  if (AW_IS_OBJ(vm->agen_finalizer)) {
    if (!aw_gen_set_extra(vm, g, AW_GX_AWAITED_BY, vm->agen_finalizer)) return false;
    g->ag_watched = true;
    aw_gc_watch(vm, &g->obj);
  }
  AwValue first = vm->agen_firstiter;
  if (!AW_IS_OBJ(first)) return true;
  // The event loop's hook keeps it in a weak set; any other hook may keep
  // a reference.
  if (!aw_loop_is_firstiter_hook(vm, first)) g->ag_owned = false;
  AwValue gv = AW_OBJ(g);
  aw_push_root(vm, first);  // a hook that replaces the hooks stays alive
  AwValue r = aw_call(vm, first, 1, &gv, NULL);
  aw_pop_root(vm);
  return !AW_IS_EXC(r);
}

bool aw_asyncgen_needs_finalizer(AwGen *g) {
  if (g->gkind != AW_GENKIND_ASYNCGEN || g->ag_finalized || g->state == AW_GEN_CLOSED) return false;
  if (aw_gen_extra(g, AW_GX_AWAITED_BY) && !g->ag_closed) return true;
  return g->state != AW_GEN_CREATED;  // closing a never-started one shows nothing
}

// CPython's _PyGen_Finalize for an async generator.
void aw_asyncgen_finalize(AwVM *vm, AwGen *g) {
  if (!aw_asyncgen_needs_finalizer(g)) return;
  g->ag_finalized = true;
  g->ag_owned = false;
  // Dying clears the weak references first (CPython's gen_dealloc and
  // collector both): out of the loop's weak set even if the finalizer
  // keeps it alive.
  g->ag_in_loop_set = false;
  note_task(vm, g);
  AwObj *hook = aw_gen_extra(g, AW_GX_AWAITED_BY);
  aw_gen_run_finalizer(vm, g, hook && !g->ag_closed ? hook : NULL);
}

void aw_asyncgen_note_return(AwVM *vm, AwValue v, AwProto *p, int32_t at) {
  AwGen *g = (AwGen *)AW_AS_OBJ(v);
  vm->agen_returned = aw_gen_fresh_at(g, p, at) ? &g->obj : NULL;
}

void aw_asyncgen_claim_aiter(AwVM *vm, AwValue it, AwValue obj) {
  aw_gen_claim_returned(vm, it, obj, AW_GENKIND_ASYNCGEN, AW_N(vm, aiter));
}

AwGen *aw_asyncgen_awaitable_gen(AwVM *vm, AwValue v) {
  if (!AW_IS_KIND(v, AW_OBJ_ITER)) return NULL;
  AwClass *c = aw_obj_class(vm, AW_AS_OBJ(v));
  bool ours = c == awaitable_class(vm, CLS_ASEND) || c == awaitable_class(vm, CLS_ATHROW);
  return ours ? gen_of((AwIter *)AW_AS_OBJ(v)) : NULL;
}

void aw_asyncgen_escape(AwVM *vm, AwValue v) {
  AwGen *g = aw_gen_is_owned(v) ? (AwGen *)AW_AS_OBJ(v) : aw_asyncgen_awaitable_gen(vm, v);
  if (g) g->ag_owned = false;
}

// ---- async_generator methods -------------------------------------------------------

static AwGen *check_gen(AwVM *vm, AwValue self, const char *meth) {
  if (AW_IS_KIND(self, AW_OBJ_GENERATOR) && ((AwGen *)AW_AS_OBJ(self))->gkind == AW_GENKIND_ASYNCGEN)
    return (AwGen *)AW_AS_OBJ(self);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' for 'async_generator' objects doesn't apply to a '%s' object",
            meth, aw_type_name(vm, self));
  return NULL;
}

static AwValue agen_aiter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!check_gen(vm, argv[0], "__aiter__")) return AW_EXC;
  if (argc != 1 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected 0 arguments, got %d", argc - 1 + (kw ? (int)kw->len : 0));
  return argv[0];
}

static AwValue agen_anext(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwGen *g = check_gen(vm, argv[0], "__anext__");
  if (!g) return AW_EXC;
  if (argc != 1 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected 0 arguments, got %d", argc - 1 + (kw ? (int)kw->len : 0));
  if (!init_hooks(vm, g)) return AW_EXC;
  return new_asend(vm, argv[0], AW_NONE);
}

static AwValue agen_asend(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwGen *g = check_gen(vm, argv[0], "asend");
  if (!g || !positional(vm, "async_generator.asend", argc - 1, kw, 1, 1)) return AW_EXC;
  if (!init_hooks(vm, g)) return AW_EXC;
  return new_asend(vm, argv[0], argv[1]);
}

static AwValue agen_athrow(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwGen *g = check_gen(vm, argv[0], "athrow");
  if (!g) return AW_EXC;
  if (kw && kw->len > 0) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "async_generator.athrow() takes no keyword arguments");
  if (!init_hooks(vm, g)) return AW_EXC;
  AwTuple *args = aw_tuple_new(vm, argc - 1);
  if (!args) return AW_EXC;
  for (int i = 1; i < argc; i++) args->items[i - 1] = argv[i];
  AwIter *it = aw_iter_new(vm, awaitable_class(vm, CLS_ATHROW), athrow_next_fn, argv[0], AW_OBJ(args));
  return it ? AW_OBJ(it) : AW_EXC;
}

static AwValue agen_aclose(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwGen *g = check_gen(vm, argv[0], "aclose");
  if (!g || !positional(vm, "async_generator.aclose", argc - 1, kw, 0, 0)) return AW_EXC;
  if (!init_hooks(vm, g)) return AW_EXC;
  AwIter *it = aw_iter_new(vm, awaitable_class(vm, CLS_ATHROW), athrow_next_fn, argv[0], AW_UNDEF);
  return it ? AW_OBJ(it) : AW_EXC;
}

static AwValue agen_running(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwGen *g = check_gen(vm, argv[0], "ag_running");
  return g ? AW_BOOL(g->running_async) : AW_EXC;
}

// __await__ and __iter__ of the awaitables: they are their own iterators.
static AwValue self_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return argv[0];
}

// ---- classes ------------------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
} Method;

static const Method asend_methods[] = {
    {"__next__", asend_next}, {"send", asend_send}, {"throw", asend_throw}, {"close", asend_close}, {NULL, NULL}};
static const Method athrow_methods[] = {
    {"__next__", athrow_next}, {"send", athrow_send}, {"throw", athrow_throw}, {"close", athrow_close}, {NULL, NULL}};
static const Method anext_methods[] = {
    {"__next__", anext_next}, {"send", anext_send}, {"throw", anext_throw}, {"close", anext_close}, {NULL, NULL}};

static AwClass *make_awaitable_class(AwVM *vm, const char *name, const Method *methods) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, AW_CLS(vm, object), d);
  aw_pop_root(vm);
  if (!c) return NULL;
  c->instance_kind = AW_OBJ_ITER;
  c->is_builtin = 1;
  c->module = AW_N(vm, builtins);
  bool ok = aw_class_add_native(vm, c, "__await__", self_iter, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, c, "__iter__", self_iter, AW_NATIVE_METHOD);
  for (const Method *m = methods; ok && m->name; m++) ok = aw_class_add_native(vm, c, m->name, m->fn, AW_NATIVE_METHOD);
  return ok ? c : NULL;
}

// Copies gen.c's generator getter [from] to the async generator as [to].
static bool borrow_getter(AwVM *vm, const char *from, const char *to) {
  AwValue f = aw_dict_get_cstr(vm, AW_CLS(vm, generator)->dict, from);
  if (AW_IS_UNDEF(f)) return true;  // gen.c has none: leave it out
  return aw_dict_set_cstr(vm, AW_CLS(vm, async_generator)->dict, to, f);
}

bool aw_asyncgen_init_class(AwVM *vm) {
  AwClass *ag = AW_CLS(vm, async_generator);
  // CPython's async generators have no send/throw/close of their own (gen.c
  // registers them on all three generator classes).
  static const char *const not_ours[] = {"send", "throw", "close"};
  for (int i = 0; i < 3; i++) {
    AwValue key = aw_str_intern(vm, not_ours[i], strlen(not_ours[i]));
    if (AW_IS_EXC(key) || aw_dict_del(vm, ag->dict, key, NULL) < 0) return false;
  }
  AwClass *asend = make_awaitable_class(vm, "async_generator_asend", asend_methods);
  AwClass *athrow = asend ? make_awaitable_class(vm, "async_generator_athrow", athrow_methods) : NULL;
  AwClass *anext = athrow ? make_awaitable_class(vm, "anext_awaitable", anext_methods) : NULL;
  if (!anext) return false;
  AwValue classes = aw_tuple_pack(vm, 3, AW_OBJ(asend), AW_OBJ(athrow), AW_OBJ(anext));
  if (AW_IS_EXC(classes)) return false;
  bool ok = aw_class_add_native(vm, ag, "__aiter__", agen_aiter, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, ag, "__anext__", agen_anext, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, ag, "asend", agen_asend, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, ag, "athrow", agen_athrow, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, ag, "aclose", agen_aclose, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, ag, "ag_running", agen_running, AW_NATIVE_GETTER) &&
            borrow_getter(vm, "gi_frame", "ag_frame") && borrow_getter(vm, "gi_code", "ag_code") &&
            borrow_getter(vm, "gi_yieldfrom", "ag_await");
  if (!ok) return false;
  AwValue n = aw_dict_get_str(ag->dict, AW_N(vm, anext));
  ((AwNative *)AW_AS_OBJ(n))->data = classes;
  return true;
}

// vm/gen.c -- generator, coroutine and async generator objects: creation,
// resuming from C (send/throw/close, next()), their states and attributes,
// the awaitable protocol (GET_AWAITABLE), and the "never awaited" warning
// with cr_origin (the creation stack in asyncio debug mode). A generator
// owns its frame; the dispatch loop runs it (interp.c).
#include <string.h>
#include "vm/loop.h"

// CPython's asyncio debug mode tracks this many frames of cr_origin
// (asyncio.constants.DEBUG_STACK_DEPTH).
#define ORIGIN_DEPTH 10

static AwClass *gen_class(AwVM *vm, AwGenKind k) {
  return k == AW_GENKIND_COROUTINE ? AW_CLS(vm, coroutine)
         : k == AW_GENKIND_ASYNCGEN ? AW_CLS(vm, async_generator)
                                    : AW_CLS(vm, generator);
}

static AwGenKind kind_of(AwProto *p) {
  return (p->flags & AW_CODE_ASYNC_GEN)   ? AW_GENKIND_ASYNCGEN
         : (p->flags & AW_CODE_COROUTINE) ? AW_GENKIND_COROUTINE
                                          : AW_GENKIND_GENERATOR;
}

// The generator object's part of a generator-and-frame allocation.
#define GEN_HEAD AW_GEN_HEAD

bool aw_gen_set_extra(AwVM *vm, AwGen *g, int i, AwValue v) {
  if (!g->extra) {
    if (AW_IS_UNDEF(v)) return true;  // unset stays unset
    aw_push_root(vm, AW_OBJ(g));
    aw_push_root(vm, v);
    AwTuple *x = aw_tuple_new(vm, AW_GX_COUNT);
    aw_pop_root(vm);
    aw_pop_root(vm);
    if (!x) return false;
    for (int k = 0; k < AW_GX_COUNT; k++) x->items[k] = AW_UNDEF;
    g->extra = x;
  }
  g->extra->items[i] = v;
  return true;
}

// Gives [g] the names (name, qualname) unless they are its code's.
static bool set_names(AwVM *vm, AwGen *g, AwValue name, AwValue qualname) {
  AwProto *p = aw_gen_frame(g)->proto;
  bool own = aw_value_is(name, p->name) && aw_value_is(qualname, p->qualname);
  if (own && !g->extra) return true;
  aw_push_root(vm, qualname);
  bool ok = aw_gen_set_extra(vm, g, AW_GX_NAME, own ? AW_UNDEF : name);
  aw_pop_root(vm);
  return ok && aw_gen_set_extra(vm, g, AW_GX_QUALNAME, own ? AW_UNDEF : qualname);
}

AwValue aw_gen_name(AwGen *g) {
  AwObj *n = aw_gen_extra(g, AW_GX_NAME);
  return n ? AW_OBJ(n) : aw_gen_frame(g)->proto->name;
}
AwValue aw_gen_qualname(AwGen *g) {
  AwObj *n = aw_gen_extra(g, AW_GX_QUALNAME);
  return n ? AW_OBJ(n) : aw_gen_frame(g)->proto->qualname;
}

static bool gen_init(AwVM *vm, AwGen *g, AwFunction *func, AwFrame *frame) {
  AwProto *p = frame->proto;
  AwGenKind k = kind_of(p);
  g->gkind = k;
  g->state = AW_GEN_CREATED;
  g->resume_at = frame;
  // Its names are the function's as it is called (CPython copies them).
  if (func && !set_names(vm, g, func->name, func->qualname)) return false;
  g->handling = NULL;
  if (vm->frame) {
    // The line is looked up only if a warning needs it.
    g->created_proto = vm->frame->proto;
    g->created_ip = (int32_t)(vm->frame->ip - vm->frame->proto->code);
  }
  if (k == AW_GENKIND_COROUTINE && !g->recyclable) aw_gc_watch(vm, &g->obj);  // "never awaited"?
  // Like sys.set_coroutine_origin_tracking_depth() while a debug loop runs.
  if (k == AW_GENKIND_COROUTINE && vm->loop && vm->loop->running && vm->loop->debug) {
    AwValue origin = aw_gen_capture_stack(vm, ORIGIN_DEPTH);
    if (AW_IS_EXC(origin)) aw_exc_take(vm);  // a diagnostic: never fatal
    else if (!aw_gen_set_extra(vm, g, AW_GX_AWAITED_BY, origin)) return false;
  }
  return true;
}

// Fills in the zeroed generator [g] of GEN_HEAD + [size] bytes for a call of
// [fn] and binds the arguments.
static AwValue start_generator(AwVM *vm, AwGen *g, size_t size, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw) {
  AwProto *p = fn->proto;
  (void)size;
  g->frame_inline = true;
  AwFrame *f = (AwFrame *)((char *)g + GEN_HEAD);
  g->state = AW_GEN_CLOSED;  // until the frame is complete
  g->awaited = true;
  if (!aw_frame_init(vm, f, p, fn, fn->globals, true)) return AW_EXC;
  f->flags |= AW_FRAME_GEN;
  if (!gen_init(vm, g, fn, f)) {
    g->state = AW_GEN_CLOSED;
    return AW_EXC;
  }
  if (!aw_frame_bind_args(vm, f, argc, argv, kw)) {
    // The call failed: no coroutine was made (and none is warned about).
    g->state = AW_GEN_CLOSED;
    return AW_EXC;
  }
  g->awaited = g->recyclable;
  return AW_OBJ(g);
}

// The object and its frame are one allocation (one malloc, one free, and
// the frame next to its generator in memory).
AwValue aw_make_generator(AwVM *vm, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw) {
  AwProto *p = fn->proto;
  if (AW_CODE_NATIVE_BODY(p)) {
    AwValue c = aw_ncoro_new(vm, fn, argc, argv, kw, false);
    if (!AW_IS_UNDEF(c)) return c;
  }
  size_t size = aw_gen_frame_size(p);
  AwGen *g = (AwGen *)aw_obj_alloc(vm, GEN_HEAD + size, AW_OBJ_GENERATOR, gen_class(vm, kind_of(p)));
  if (!g) return AW_EXC;
  return start_generator(vm, g, size, fn, argc, argv, kw);
}

// ---- `await f(...)`: coroutines nobody else can see -------------------------
// The coroutine made by a call whose result goes straight to GET_AWAITABLE
// is referenced only by the awaiting frame's value stack, unless someone
// reaches it through cr_await / gi_yieldfrom (gen_delegate marks it seen).
// When it returns unseen, nothing references it any more: CPython frees it
// there by refcount; aw keeps the object for the next such call with the
// same frame size, so a chain of awaits neither allocates nor feeds the GC.
// Spares are garbage to the GC: a collection forgets them and frees them.

// Spares are kept in AW_SPARE_BUCKETS lists by frame size, linked through
// resume_at (meaningless in a finished generator).
static inline AwGen **spare_list(AwVM *vm, size_t frame_size) {
  return &vm->spare_coros[(frame_size / 16) % AW_SPARE_BUCKETS];
}

AwValue aw_gen_make_awaited(AwVM *vm, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw) {
  AwProto *p = fn->proto;
  if (AW_CODE_NATIVE_BODY(p)) {
    AwValue c = aw_ncoro_new(vm, fn, argc, argv, kw, true);
    if (!AW_IS_UNDEF(c)) return c;
  }
  size_t size = aw_gen_frame_size(p);
  AwGen **list = spare_list(vm, size);
  AwGen *g = *list;
  if (g && aw_gen_frame_size(aw_gen_frame(g)->proto) == size) {
    *list = (AwGen *)g->resume_at;
    // Everything after the object header starts zeroed, as when fresh
    // (aw_frame_init sets the frame part).
    memset((char *)g + sizeof(AwObj), 0, GEN_HEAD - sizeof(AwObj));
  } else if (!(g = (AwGen *)aw_obj_alloc(vm, GEN_HEAD + size, AW_OBJ_GENERATOR, AW_CLS(vm, coroutine)))) {
    return AW_EXC;
  }
  g->recyclable = true;
  return start_generator(vm, g, size, fn, argc, argv, kw);
}

void aw_gen_recycle(AwVM *vm, AwGen *g) {
  if (!g->frame_inline) return;
  AwGen **list = spare_list(vm, aw_gen_frame_size(aw_gen_frame(g)->proto));
  g->resume_at = (AwFrame *)*list;
  *list = g;
}

size_t aw_gen_size(AwGen *g) { return GEN_HEAD + aw_gen_frame_size(aw_gen_frame(g)->proto); }

// ---- creation stacks -------------------------------------------------------

AwValue aw_gen_capture_stack(AwVM *vm, int limit) {
  int n = 0;
  for (AwFrame *f = vm->frame; f && n < limit; f = f->caller ? f->caller : f->c_prev) n++;
  AwTuple *t = aw_tuple_new(vm, 2 * n);
  if (!t) return AW_EXC;
  int i = 0;
  for (AwFrame *f = vm->frame; f && i < n; f = f->caller ? f->caller : f->c_prev, i++) {
    t->items[2 * i] = AW_OBJ(f->proto);
    t->items[2 * i + 1] = AW_INT(aw_frame_line(f));
  }
  return AW_OBJ(t);
}


bool aw_gen_format_stack(AwVM *vm, AwBuf *b, AwValue stack, const char *indent) {
  if (!AW_IS_TUPLE(stack)) return true;
  AwTuple *t = AW_AS_TUPLE(stack);
  for (int64_t i = t->len / 2 - 1; i >= 0; i--) {
    if (!AW_IS_KIND(t->items[2 * i], AW_OBJ_PROTO)) continue;
    AwProto *p = (AwProto *)AW_AS_OBJ(t->items[2 * i]);
    int64_t line = AW_AS_INT(t->items[2 * i + 1]);
    aw_buf_printf(vm, b, "%s  File \"%s\", line %lld, in %s\n", indent,
                  AW_IS_STR(p->filename) ? AW_AS_STR(p->filename)->data : "?", (long long)line,
                  AW_IS_STR(p->name) ? AW_AS_STR(p->name)->data : "?");
    const char *src;
    size_t n;
    if (aw_source_line(p->source, line, &src, &n)) {
      aw_buf_printf(vm, b, "%s    ", indent);
      aw_buf_append(vm, b, src, n);
      aw_buf_putc(vm, b, '\n');
    }
  }
  return !b->failed;
}

// ---- the "never awaited" finalizer ----------------------------------------

// A plain generator suspended inside a try or with block: closing it runs
// code (finally, __exit__, except GeneratorExit); otherwise closing it
// shows nothing, and it need not be watched at all.
static bool closing_shows(AwGen *g) {
  return g->gkind == AW_GENKIND_GENERATOR && g->state == AW_GEN_SUSPENDED && !g->ag_finalized &&
         aw_gen_frame(g)->nblocks > 0;
}

bool aw_gen_needs_finalizer(AwGen *g) {
  if (g->gkind == AW_GENKIND_ASYNCGEN) return aw_asyncgen_needs_finalizer(g);
  if (g->gkind == AW_GENKIND_GENERATOR) return closing_shows(g);
  return g->gkind == AW_GENKIND_COROUTINE && g->state == AW_GEN_CREATED && !g->awaited;
}

// CPython's warnings._warn_unawaited_coroutine. The warning is placed where
// the coroutine was created (CPython: where its last reference went, which
// is the same line in the usual `f()` without await); one still alive at
// exit is "sys:1", as CPython reports it during interpreter shutdown.
void aw_coro_warn_unawaited(AwVM *vm, AwValue qualname, AwValue origin, AwProto *p, int line, bool at_exit) {
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_printf(vm, &b, "coroutine '%s' was never awaited", AW_IS_STR(qualname) ? AW_AS_STR(qualname)->data : "?");
  if (AW_IS_TUPLE(origin)) {
    aw_buf_printf(vm, &b, "\nCoroutine created at (most recent call last)\n");
    aw_gen_format_stack(vm, &b, origin, "");
    while (b.len && b.data[b.len - 1] == '\n') b.data[--b.len] = 0;
  }
  if (b.failed) {
    aw_buf_free(vm, &b);
    aw_exc_take(vm);
    return;
  }
  if (at_exit) {
    // During shutdown CPython has no frame (sys:1) and can no longer import
    // tracemalloc: no source line, no hint.
    aw_write_err(vm, "sys:1: RuntimeWarning: ", 23);
    aw_write_err(vm, b.data, b.len);
    aw_write_err(vm, "\n", 1);
  } else {
    aw_warn(vm, AW_EXCCLS(vm, RuntimeWarning), b.data, p, line);
  }
  aw_buf_free(vm, &b);
}

void aw_gen_report_unawaited(AwVM *vm, AwGen *g, bool at_exit) {
  g->awaited = true;  // reported once
  AwProto *p = g->created_proto;
  int32_t at = g->created_ip - 1;
  int line = !p ? 0 : at >= 0 && at < p->ncode ? p->lines[at] : p->firstline;
  AwObj *origin = aw_gen_extra(g, AW_GX_AWAITED_BY);
  aw_coro_warn_unawaited(vm, aw_gen_qualname(g), origin ? AW_OBJ(origin) : AW_NONE, p, line, at_exit);
}

// The state a script sees: a generator linked under a SEND is running or
// suspended exactly when the root of its chain is.
static AwGenState visible_state(AwGen *g) {
  if (g->state == AW_GEN_RUNNING && aw_gen_frame(g) && (aw_gen_frame(g)->flags & AW_FRAME_SENDLINK)) {
    AwGen *root = aw_frame_gen(aw_gen_frame(g)->root);
    if (root && root != g) return root->state == AW_GEN_RUNNING ? AW_GEN_RUNNING : AW_GEN_SUSPENDED;
  }
  return g->state;
}

// A finished generator lets go of its locals and stack, as CPython clears
// the frame: what they referenced can die (and be finalized) with the
// rest. A frame object a script holds keeps showing them (f_locals).
static void frame_clear(AwGen *g) {
  AwFrame *f = aw_gen_frame(g);
  if (g->has_frameref) return;
  AwProto *p = f->proto;
  int32_t fixed = p->nlocals + p->ncells + p->nfree;
  for (int32_t i = 0; i < fixed; i++) aw_frame_slots(f)[i] = AW_UNDEF;
  f->sp = aw_frame_stack(f);
}

void aw_gen_finished(AwVM *vm, AwGen *g, AwValue result) {
  (void)vm;
  (void)result;
  g->state = AW_GEN_CLOSED;
  frame_clear(g);
}

void aw_gen_failed(AwVM *vm, AwGen *g) { aw_gen_finished(vm, g, AW_NONE); }

void aw_gen_suspended(AwVM *vm, AwGen *g) {
  AwFrame *f = aw_gen_frame(g);
  // The generator keeps the exception it is handling; its caller gets back
  // the one it had.
  AwValue saved = f->saved_handling ? AW_OBJ(f->saved_handling) : AW_NONE;
  g->handling = aw_value_is(vm->handling, saved) || !AW_IS_OBJ(vm->handling) ? NULL : AW_AS_OBJ(vm->handling);
  vm->handling = saved;
  g->state = AW_GEN_SUSPENDED;
  // Left inside a try or with block: it owes a close if it dies so.
  if (!g->ag_watched && closing_shows(g)) {
    g->ag_watched = true;
    aw_gc_watch(vm, &g->obj);
  }
}

static const char *kind_word(AwGen *g) {
  return g->gkind == AW_GENKIND_COROUTINE ? "coroutine" : g->gkind == AW_GENKIND_ASYNCGEN ? "async generator" : "generator";
}

// Throws into a frame suspended at `YIELD_VALUE 1` inside a SEND loop over
// a non-frame iterator: the exception goes to that iterator first.
// Returns 1 handled (result in *out as a yield: *yielded true, or a SEND
// result pushed and the frame moved past the loop), 0 not applicable, -1
// when the exception should be raised in the frame (vm->exc set).
static int throw_to_delegate(AwVM *vm, AwFrame *leaf, AwValue exc, AwValue *out) {
  if (leaf->ip <= leaf->proto->code) return 0;
  AwInstr prev = leaf->ip[-1];
  if (AW_OP(prev) != OP_YIELD_VALUE || AW_ARG(prev) != 1) return 0;
  AwValue recv = leaf->sp[-1];
  if (AW_IS_KIND(recv, AW_OBJ_GENERATOR)) return 0;  // handled by resuming it
  bool is_exit = aw_isinstance(vm, exc, AW_EXCCLS(vm, GeneratorExit));
  AwValue name = is_exit ? AW_N(vm, close) : AW_N(vm, throw);
  AwValue m = aw_getattr_opt(vm, recv, name);
  if (AW_IS_EXC(m)) return -1;
  if (AW_IS_UNDEF(m)) {
    vm->exc = exc;
    return -1;
  }
  aw_push_root(vm, m);
  AwValue r = is_exit ? aw_call(vm, m, 0, NULL, NULL) : aw_call(vm, m, 1, &exc, NULL);
  aw_pop_root(vm);
  if (is_exit) {
    if (!AW_IS_EXC(r)) vm->exc = exc;
    return -1;
  }
  if (!AW_IS_EXC(r)) {
    *out = r;
    return 1;
  }
  if (aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    AwValue e = aw_exc_take(vm);
    // Finish the SEND loop: the value becomes its result.
    AwInstr *send = leaf->ip - 2;
    leaf->sp[-1] = aw_stop_iteration_value(vm, e);
    leaf->ip = leaf->proto->code + AW_ARG(*send);
    return 2;
  }
  return -1;
}

AwResumeStatus aw_gen_resume(AwVM *vm, AwGen *g, AwValue value, AwValue exc, AwValue *out) {
  if (g->state == AW_GEN_RUNNING) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%s already executing", kind_word(g));
    return AW_RESUME_ERROR;
  }
  if (g->state == AW_GEN_CLOSED) {
    if (g->gkind == AW_GENKIND_COROUTINE) {
      aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited coroutine");
      return AW_RESUME_ERROR;
    }
    if (!AW_IS_UNDEF(exc)) {
      vm->exc = exc;
      return AW_RESUME_ERROR;
    }
    if (g->gkind == AW_GENKIND_COROUTINE) {
      aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited coroutine");
      return AW_RESUME_ERROR;
    }
    *out = AW_NONE;
    return AW_RESUME_RETURN;
  }
  AwFrame *root = aw_gen_frame(g);
  AwFrame *leaf = g->resume_at;
  if (g->state == AW_GEN_CREATED) {
    if (AW_IS_UNDEF(exc) && !AW_IS_NONE(value) && !AW_IS_UNDEF(value)) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't send non-None value to a just-started %s", kind_word(g));
      return AW_RESUME_ERROR;
    }
    if (!AW_IS_UNDEF(exc)) {
      // Throwing into a just-created generator closes it without running
      // its body (CPython raises at the first line).
      root->flags |= AW_FRAME_STARTED;
    }
    root->flags |= AW_FRAME_STARTED;
  } else if (AW_IS_UNDEF(exc)) {
    *leaf->sp++ = AW_IS_UNDEF(value) ? AW_NONE : value;
  }
  if (g->state == AW_GEN_CREATED) g->created_ip = 0;  // (shares its word)
  g->awaited = true;
  g->frame_started = true;
  root->flags |= AW_FRAME_ENTRY;
  root->caller = NULL;
  root->saved_handling = AW_IS_OBJ(vm->handling) ? AW_AS_OBJ(vm->handling) : NULL;
  if (g->state != AW_GEN_CREATED && g->handling) vm->handling = AW_OBJ(g->handling);
  g->state = AW_GEN_RUNNING;
  if (!AW_IS_UNDEF(exc)) {
    AwValue r;
    int d = throw_to_delegate(vm, leaf, exc, &r);
    if (d == 1) {
      // The delegate yielded again: so does the whole generator.
      aw_gen_suspended(vm, g);
      *out = r;
      return AW_RESUME_YIELD;
    }
    if (d == 2) exc = AW_UNDEF;
    else if (d == -1) exc = vm->exc;
  }
  aw_push_root(vm, AW_OBJ(g));
  AwResumeStatus st = aw_interp_run_ex(vm, leaf, exc, out);
  aw_pop_root(vm);
  if (st != AW_RESUME_YIELD) {
    g->state = AW_GEN_CLOSED;
    vm->handling = root->saved_handling ? AW_OBJ(root->saved_handling) : AW_NONE;
    g->resume_at = aw_gen_frame(g);
  }
  if (st == AW_RESUME_ERROR && aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration)) &&
      g->gkind != AW_GENKIND_ASYNCGEN) {
    // PEP 479: StopIteration escaping a generator becomes RuntimeError.
    AwValue cause = aw_exc_take(vm);
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "%s raised StopIteration", kind_word(g));
    AwValue e = vm->exc;
    AW_AS_EXCEPTION(e)->cause = cause;
    AW_AS_EXCEPTION(e)->context = cause;
    AW_AS_EXCEPTION(e)->suppress_context = true;
  }
  if (st == AW_RESUME_ERROR && g->gkind == AW_GENKIND_ASYNCGEN &&
      aw_exc_pending_is(vm, AW_EXCCLS(vm, StopAsyncIteration))) {
    AwValue cause = aw_exc_take(vm);
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "async generator raised StopAsyncIteration");
    AW_AS_EXCEPTION(vm->exc)->cause = cause;
    AW_AS_EXCEPTION(vm->exc)->suppress_context = true;
  }
  return st;
}

AwValue aw_stop_iteration_value(AwVM *vm, AwValue exc) {
  (void)vm;
  if (!AW_IS_EXCEPTION(exc)) return AW_NONE;
  AwValue v = aw_dict_get_str(AW_AS_INSTANCE(exc)->dict, AW_N(vm, value));
  if (!AW_IS_UNDEF(v)) return v;
  AwValue args = AW_AS_EXCEPTION(exc)->args;
  if (AW_IS_TUPLE(args) && AW_AS_TUPLE(args)->len > 0) return AW_AS_TUPLE(args)->items[0];
  return AW_NONE;
}

// Raises StopIteration(value) (value None: no args) and returns AW_EXC.
static AwValue raise_stop(AwVM *vm, AwClass *cls, AwValue value) {
  if (AW_IS_NONE(value)) return aw_raise_args(vm, cls, 0, NULL);
  return aw_raise_args(vm, cls, 1, &value);
}

// ---- generator methods ----------------------------------------------------

static AwGen *self_gen(AwValue v) { return (AwGen *)AW_AS_OBJ(v); }

// The coroutine class's methods also serve native coroutines (ncoro.c).
static bool is_ncoro(AwValue v) { return AW_IS_KIND(v, AW_OBJ_NCORO); }
static AwNCoro *as_ncoro(AwValue v) { return (AwNCoro *)AW_AS_OBJ(v); }

static AwValue send_common(AwVM *vm, AwValue self, AwValue value, AwValue exc) {
  AwValue out;
  AwResumeStatus st = is_ncoro(self) ? aw_ncoro_resume(vm, as_ncoro(self), value, exc, &out)
                                     : aw_gen_resume(vm, self_gen(self), value, exc, &out);
  // (A script gets the future a parked Event.wait stands for.)
  if (st == AW_RESUME_YIELD) return aw_ncoro_is_parked(out) ? aw_ncoro_materialize(vm, (AwNCoro *)AW_AS_OBJ(out)) : out;
  if (st == AW_RESUME_ERROR) return AW_EXC;
  return raise_stop(vm, AW_EXCCLS(vm, StopIteration), out);
}

static AwValue gen_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  return send_common(vm, argv[0], AW_NONE, AW_UNDEF);
}

static AwValue gen_send(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "send", argc, kw, 2, 2)) return AW_EXC;
  return send_common(vm, argv[0], argv[1], AW_UNDEF);
}

// throw(exc) / throw(type, value) as CPython normalises them.
static AwValue make_thrown(AwVM *vm, int argc, AwValue *argv) {
  AwValue t = argv[1];
  if (AW_IS_CLASS(t) && aw_is_subclass(AW_AS_CLASS(t), AW_EXCCLS(vm, BaseException))) {
    if (argc >= 3 && AW_IS_EXCEPTION(argv[2])) return argv[2];
    if (argc >= 3 && !AW_IS_NONE(argv[2])) return aw_call(vm, t, 1, &argv[2], NULL);
    return aw_call(vm, t, 0, NULL, NULL);
  }
  if (AW_IS_EXCEPTION(t)) {
    if (argc >= 3 && !AW_IS_NONE(argv[2]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "instance exception may not have a separate value");
    return t;
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "exceptions must be classes or instances deriving from BaseException, not %s",
                   aw_type_name(vm, t));
}

static AwValue gen_throw(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "throw", argc, kw, 2, 4)) return AW_EXC;
  AwValue e = make_thrown(vm, argc, argv);
  if (AW_IS_EXC(e)) return e;
  if (is_ncoro(argv[0]) && as_ncoro(argv[0])->state == AW_GEN_CREATED) {
    as_ncoro(argv[0])->state = AW_GEN_CLOSED;  // as below
    vm->exc = e;
    return AW_EXC;
  }
  if (is_ncoro(argv[0])) return send_common(vm, argv[0], AW_NONE, e);
  AwGen *g = self_gen(argv[0]);
  if (g->state == AW_GEN_CREATED) {
    // Never started: the exception is raised without running the body.
    g->state = AW_GEN_CLOSED;
    vm->exc = e;
    return AW_EXC;
  }
  return send_common(vm, argv[0], AW_NONE, e);
}

// close(): throw GeneratorExit; fine if it exits, an error if it yields.
AwValue aw_gen_close(AwVM *vm, AwGen *g) {
  if (g->state == AW_GEN_CREATED || g->state == AW_GEN_CLOSED) {
    g->state = AW_GEN_CLOSED;
    return AW_NONE;
  }
  AwValue ge = aw_exc_new(vm, AW_EXCCLS(vm, GeneratorExit), 0, NULL);
  if (AW_IS_EXC(ge)) return ge;
  AwValue out;
  AwResumeStatus st = aw_gen_resume(vm, g, AW_NONE, ge, &out);
  if (st == AW_RESUME_YIELD)
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "%s ignored GeneratorExit", kind_word(g));
  if (st == AW_RESUME_RETURN) return AW_NONE;
  if (aw_exc_pending_is(vm, AW_EXCCLS(vm, GeneratorExit)) || aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    aw_exc_take(vm);
    return AW_NONE;
  }
  return AW_EXC;
}

static AwValue gen_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "close", argc, kw, 1, 1)) return AW_EXC;
  if (is_ncoro(argv[0])) return aw_ncoro_close(vm, as_ncoro(argv[0]));
  return aw_gen_close(vm, self_gen(argv[0]));
}

// ---- finalization: a dying generator is closed (CPython's _PyGen_Finalize) ----

void aw_gen_write_unraisable(AwVM *vm, AwValue exc, AwValue obj) {
  AwStr *r = aw_repr(vm, obj);
  if (!r) aw_exc_take(vm);
  aw_printf_err(vm, "Exception ignored in: %s\n", r ? r->data : "<object repr() failed>");
  if (!AW_IS_EXCEPTION(exc)) {
    aw_print_exception(vm, exc);
    return;
  }
  // The hook prints the exception's own traceback only, not its
  // __cause__/__context__ chain (the GeneratorExit a finally raised in).
  AwException *e = AW_AS_EXCEPTION(exc);
  AwValue cause = e->cause;
  bool suppress = e->suppress_context;
  e->cause = AW_NONE;
  e->suppress_context = true;
  aw_print_exception(vm, exc);
  e->cause = cause;
  e->suppress_context = suppress;
}

// Closing [g] would only unwind a frame without try or with blocks whose
// stack holds nothing a close could reach (a builtin iterator, a number):
// the GeneratorExit would show nowhere, so the generator just ends.
static bool closes_quietly(AwGen *g) {
  AwFrame *f = aw_gen_frame(g);
  if (f->nblocks > 0 || g->resume_at != f) return false;
  for (AwValue *v = aw_frame_stack(f); v < f->sp; v++)
    if (AW_IS_OBJ(*v) && !AW_IS_KIND(*v, AW_OBJ_ITER)) return false;
  return true;
}

void aw_gen_finalize(AwVM *vm, AwGen *g) {
  if (g->gkind == AW_GENKIND_ASYNCGEN) {
    aw_asyncgen_finalize(vm, g);
    return;
  }
  g->ag_owned = false;
  // Only a suspended one runs code when closed; one that ignores the
  // GeneratorExit stays suspended but is never closed again (PEP 442).
  if (g->gkind != AW_GENKIND_GENERATOR || g->state != AW_GEN_SUSPENDED || g->ag_finalized) return;
  g->ag_finalized = true;
  if (closes_quietly(g)) {
    aw_gen_finished(vm, g, AW_NONE);
    return;
  }
  aw_gen_run_finalizer(vm, g, NULL);
}

void aw_gen_run_finalizer(AwVM *vm, AwGen *g, AwObj *hook) {
  AwValue saved = vm->exc;
  bool reraise = vm->exc_reraise;
  vm->exc = AW_UNDEF;
  vm->exc_reraise = false;
  AwValue gv = AW_OBJ(g);
  aw_push_root(vm, saved);
  aw_push_root(vm, gv);
  AwValue r = hook ? aw_call(vm, AW_OBJ(hook), 1, &gv, NULL) : aw_gen_close(vm, g);
  if (AW_IS_EXC(r)) {
    AwValue e = aw_exc_take(vm);
    aw_push_root(vm, e);
    aw_gen_write_unraisable(vm, e, gv);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  aw_pop_root(vm);
  vm->exc = saved;
  vm->exc_reraise = reraise;
}

// ---- a for loop's own generator (CPython's refcount timing) ----

bool aw_gen_fresh_at(AwGen *g, AwProto *p, int32_t at) {
  return g->ag_fresh && g->gkind != AW_GENKIND_COROUTINE && g->state == AW_GEN_CREATED && !g->ag_hooks_inited &&
         g->created_proto == p && g->created_ip == at;
}

void aw_gen_claim(AwVM *vm, AwValue v, int kind, AwProto *p, int32_t at) {
  (void)vm;
  if (!AW_IS_KIND(v, AW_OBJ_GENERATOR)) return;
  AwGen *g = (AwGen *)AW_AS_OBJ(v);
  // Made by the CALL just before this GET_ITER/GET_AITER: nothing else has seen it.
  if ((int)g->gkind == kind && aw_gen_fresh_at(g, p, at)) g->ag_owned = true;
  g->ag_fresh = false;
}

void aw_gen_claim_returned(AwVM *vm, AwValue it, AwValue obj, int kind, AwValue special) {
  AwObj *fresh = vm->agen_returned;
  vm->agen_returned = NULL;
  if (!fresh || !AW_IS_OBJ(it) || AW_AS_OBJ(it) != fresh || (int)((AwGen *)fresh)->gkind != kind) return;
  // Only a script __iter__/__aiter__'s own return hands over the only
  // reference (a native might have kept one).
  if (!AW_IS_KIND(aw_lookup_special(vm, obj, special), AW_OBJ_FUNCTION)) return;
  AwGen *g = (AwGen *)fresh;
  g->ag_fresh = false;
  g->ag_owned = true;
}

void aw_gen_claim_iter(AwVM *vm, AwValue it, AwValue obj) {
  aw_gen_claim_returned(vm, it, obj, AW_GENKIND_GENERATOR, AW_N(vm, iter));
}

void aw_gen_drop(AwVM *vm, AwValue v) {
  AwGen *g = (AwGen *)AW_AS_OBJ(v);
  g->ag_owned = false;
  aw_gen_finalize(vm, g);
}

static AwValue gen_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return argv[0];
}

static AwValue gen_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  if (is_ncoro(argv[0])) {
    AwValue q = aw_ncoro_qualname(as_ncoro(argv[0]));
    return aw_str_format(vm, "<coroutine object %s at %p>", AW_IS_STR(q) ? AW_AS_STR(q)->data : "?",
                         (void *)AW_AS_OBJ(argv[0]));
  }
  AwGen *g = self_gen(argv[0]);
  const char *kind = g->gkind == AW_GENKIND_COROUTINE ? "coroutine" : g->gkind == AW_GENKIND_ASYNCGEN ? "async_generator" : "generator";
  AwValue qn = aw_gen_qualname(g);
  return aw_str_format(vm, "<%s object %s at %p>", kind, AW_IS_STR(qn) ? AW_AS_STR(qn)->data : "?",
                       (void *)g);
}

// ---- frames as script objects (gi_frame / cr_frame) -----------------------

typedef struct {
  AwObj obj;
  AwValue gen;   // the generator (or native coroutine) whose frame this
                 // shows, or a traceback entry (traceback_obj.c)
} AwFrameRefObj;

AwValue aw_frameref_new(AwVM *vm, AwClass *cls, AwValue target) {
  AwFrameRefObj *r = (AwFrameRefObj *)aw_obj_alloc(vm, sizeof(AwFrameRefObj), AW_OBJ_FRAMEREF, cls);
  if (!r) return AW_EXC;
  r->gen = target;
  return AW_OBJ(r);
}

AwValue aw_frameref_target(AwValue ref) { return ((AwFrameRefObj *)AW_AS_OBJ(ref))->gen; }

static AwValue frame_ref(AwVM *vm, AwValue gen) {
  if (is_ncoro(gen) ? aw_ncoro_state(as_ncoro(gen)) == AW_GEN_CLOSED
                    : self_gen(gen)->state == AW_GEN_CLOSED || !aw_gen_frame(self_gen(gen)))
    return AW_NONE;
  AwFrameRefObj *r = (AwFrameRefObj *)aw_obj_alloc(vm, sizeof(AwFrameRefObj), AW_OBJ_FRAMEREF, AW_CLS(vm, frame));
  if (!r) return AW_EXC;
  r->gen = gen;
  if (!is_ncoro(gen)) self_gen(gen)->has_frameref = true;
  return AW_OBJ(r);
}

void aw_frameref_trace(AwVM *vm, AwObj *o) { aw_gc_mark_value(vm, ((AwFrameRefObj *)o)->gen); }
size_t aw_frameref_size(void) { return sizeof(AwFrameRefObj); }

static AwValue frame_lineno(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwValue gv = ((AwFrameRefObj *)AW_AS_OBJ(argv[0]))->gen;
  if (AW_IS_TUPLE(gv)) return aw_traceback_entry_line(gv);
  if (is_ncoro(gv)) return AW_INT(aw_ncoro_line(as_ncoro(gv)));
  AwGen *g = self_gen(gv);
  if (!aw_gen_frame(g)) return AW_NONE;
  if (g->state == AW_GEN_CREATED) return AW_INT(aw_gen_frame(g)->proto->firstline);
  return AW_INT(aw_frame_line(aw_gen_frame(g)));
}

static AwValue frame_code(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwValue gv = ((AwFrameRefObj *)AW_AS_OBJ(argv[0]))->gen;
  if (AW_IS_TUPLE(gv)) return aw_traceback_entry_code(gv);
  if (is_ncoro(gv)) return AW_OBJ(as_ncoro(gv)->func->proto);
  AwGen *g = self_gen(gv);
  return aw_gen_frame(g) ? AW_OBJ(aw_gen_frame(g)->proto) : AW_NONE;
}

static AwValue frame_locals(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwValue gv = ((AwFrameRefObj *)AW_AS_OBJ(argv[0]))->gen;
  if (AW_IS_TUPLE(gv))
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "aw keeps no f_locals for the frames of a traceback");
  if (is_ncoro(gv)) return aw_ncoro_locals(vm, as_ncoro(gv));
  AwGen *g = self_gen(gv);
  AwDict *d = aw_dict_new(vm);
  if (!d) return AW_EXC;
  AwFrame *f = aw_gen_frame(g);
  AwProto *p = f->proto;
  for (int32_t i = 0; i < p->nlocals; i++) {
    if (AW_IS_UNDEF(aw_frame_slots(f)[i])) continue;
    aw_asyncgen_escape(vm, aw_frame_slots(f)[i]);  // a comprehension's .0
    if (!aw_dict_set(vm, d, p->varnames[i], aw_frame_slots(f)[i])) return AW_EXC;
  }
  return AW_OBJ(d);
}

// CPython's "<frame at 0x..., file 'x.aw', line 3, code f>".
static AwValue frame_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwValue code = frame_code(vm, argc, argv, kw), line = frame_lineno(vm, argc, argv, kw);
  if (!AW_IS_KIND(code, AW_OBJ_PROTO) || !AW_IS_INT(line))
    return aw_str_format(vm, "<frame at %p>", (void *)AW_AS_OBJ(argv[0]));
  AwProto *p = (AwProto *)AW_AS_OBJ(code);
  return aw_str_format(vm, "<frame at %p, file %R, line %lld, code %S>", (void *)AW_AS_OBJ(argv[0]), p->filename,
                       (long long)AW_AS_INT(line), p->name);
}

// ---- attributes ---------------------------------------------------------

static AwValue gen_frame(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  return frame_ref(vm, argv[0]);
}

static AwValue gen_running(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  if (is_ncoro(argv[0])) return AW_BOOL(aw_ncoro_state(as_ncoro(argv[0])) == AW_GEN_RUNNING);
  return AW_BOOL(visible_state(self_gen(argv[0])) == AW_GEN_RUNNING);
}

static AwValue gen_code(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  if (is_ncoro(argv[0])) return AW_OBJ(as_ncoro(argv[0])->func->proto);
  AwGen *g = self_gen(argv[0]);
  return aw_gen_frame(g) ? AW_OBJ(aw_gen_frame(g)->proto) : AW_NONE;
}

// The object a suspended generator is delegating to (yield from / await).
static AwValue gen_delegate(AwVM *vm, AwGen *g) {
  (void)vm;
  if (visible_state(g) != AW_GEN_SUSPENDED || !aw_gen_frame(g)) return AW_NONE;
  AwFrame *f = aw_gen_frame(g);
  if (f->ip <= f->proto->code) return AW_NONE;
  AwInstr prev = f->ip[-1];
  if (AW_OP(prev) == OP_YIELD_VALUE && AW_ARG(prev) == 1 && f->sp > aw_frame_stack(f)) return f->sp[-1];
  if (AW_OP(prev) == OP_SEND && f->sp - aw_frame_stack(f) >= 2) return f->sp[-2];
  return AW_NONE;
}

static AwValue gen_yieldfrom(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  if (is_ncoro(argv[0])) return aw_ncoro_await(vm, as_ncoro(argv[0]));
  AwValue d = gen_delegate(vm, self_gen(argv[0]));
  // Now someone else holds it: it must not be reused when it returns.
  if (AW_IS_KIND(d, AW_OBJ_GENERATOR)) ((AwGen *)AW_AS_OBJ(d))->recyclable = false;
  aw_asyncgen_escape(vm, d);  // an __anext__() awaitable leads to its generator
  return d;
}

// A native coroutine shows its function's names; renaming it gives it a
// renamed copy of the function (there is no room for names of its own).
static AwValue ncoro_names(AwVM *vm, AwNCoro *c, int argc, AwValue *argv, bool qual) {
  if (argc < 2) return qual ? aw_ncoro_qualname(c) : c->func->name;
  AwFunction *fn = aw_function_new(vm, c->func->proto, c->func->globals);
  if (!fn) return AW_EXC;
  AwFunction *old = c->func;
  fn->defaults = old->defaults;
  fn->kwdefaults = old->kwdefaults;
  fn->closure = old->closure;
  fn->name = qual ? old->name : argv[1];
  fn->qualname = qual ? argv[1] : aw_ncoro_qualname(c);
  fn->doc = old->doc;
  fn->module = old->module;
  c->func = fn;
  return AW_NONE;
}

static AwValue gen_name(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)kw;
  if (is_ncoro(argv[0])) return ncoro_names(vm, as_ncoro(argv[0]), argc, argv, false);
  if (argc == 2) {
    if (!AW_IS_STR(argv[1])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__name__ must be set to a string object");
    AwGen *g = self_gen(argv[0]);
    return set_names(vm, g, argv[1], aw_gen_qualname(g)) ? AW_NONE : AW_EXC;
  }
  return aw_gen_name(self_gen(argv[0]));
}

static AwValue gen_qualname(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)kw;
  if (is_ncoro(argv[0])) return ncoro_names(vm, as_ncoro(argv[0]), argc, argv, true);
  if (argc == 2) {
    if (!AW_IS_STR(argv[1]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__qualname__ must be set to a string object");
    AwGen *g = self_gen(argv[0]);
    return set_names(vm, g, aw_gen_name(g), argv[1]) ? AW_NONE : AW_EXC;
  }
  return aw_gen_qualname(self_gen(argv[0]));
}

// cr_origin: ((filename, lineno, funcname), ...) innermost first, or None.
static AwValue gen_origin(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwValue stack;
  if (is_ncoro(argv[0])) {
    stack = AW_NONE;  // made outside debug mode (aw_ncoro_new)
  } else {
    AwObj *origin = aw_gen_extra(self_gen(argv[0]), AW_GX_AWAITED_BY);
    stack = origin ? AW_OBJ(origin) : AW_NONE;
  }
  if (!AW_IS_TUPLE(stack)) return AW_NONE;
  AwTuple *st = AW_AS_TUPLE(stack);
  AwTuple *r = aw_tuple_new(vm, st->len / 2);
  if (!r) return AW_EXC;
  AwValue rv = AW_OBJ(r);
  aw_push_root(vm, rv);
  for (int64_t i = 0; i < r->len; i++) {
    AwProto *p = (AwProto *)AW_AS_OBJ(st->items[2 * i]);
    AwValue item = aw_tuple_pack(vm, 3, p->filename, st->items[2 * i + 1], p->name);
    if (AW_IS_EXC(item)) {
      aw_pop_root(vm);
      return item;
    }
    r->items[i] = item;
  }
  aw_pop_root(vm);
  return rv;
}

const char *aw_gen_state_name(AwVM *vm, AwValue v) {
  (void)vm;
  static const char *const gen_names[] = {"GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED", "GEN_CLOSED"};
  static const char *const coro_names[] = {"CORO_CREATED", "CORO_RUNNING", "CORO_SUSPENDED", "CORO_CLOSED"};
  if (is_ncoro(v)) return coro_names[aw_ncoro_state(as_ncoro(v))];
  if (!AW_IS_KIND(v, AW_OBJ_GENERATOR)) return NULL;
  AwGen *g = self_gen(v);
  AwGenState s = visible_state(g);
  return g->gkind == AW_GENKIND_COROUTINE ? coro_names[s] : gen_names[s];
}

// ---- the awaitable protocol ----------------------------------------------

AwValue aw_get_awaitable(AwVM *vm, AwValue v, int where) {
  if (AW_IS_KIND(v, AW_OBJ_FUTURE)) return v;  // SEND drives futures directly
  if (is_ncoro(v)) {
    AwNCoro *c = as_ncoro(v);
    AwGenState st = aw_ncoro_state(c);
    if (st == AW_GEN_CLOSED) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited coroutine");
    if (st == AW_GEN_SUSPENDED && c->pc >= 1)  // at its await
      return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "coroutine is being awaited already");
    c->awaited = true;
    aw_gc_unwatch(vm, &c->obj);
    return v;
  }
  if (AW_IS_KIND(v, AW_OBJ_GENERATOR)) {
    AwGen *g = self_gen(v);
    if (g->gkind == AW_GENKIND_COROUTINE) {
      if (g->state == AW_GEN_CLOSED)
        return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot reuse already awaited coroutine");
      if (gen_delegate(vm, g).tag != AW_T_NONE && g->state != AW_GEN_CREATED)
        return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "coroutine is being awaited already");
      g->awaited = true;
      aw_gc_unwatch(vm, &g->obj);
      return v;
    }
  }
  AwValue aw = aw_lookup_special(vm, v, AW_N(vm, await));
  if (AW_IS_UNDEF(aw)) {
    if (where == 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "'async with' received an object from __aenter__ that does not implement __await__: %s",
                       aw_type_name(vm, v));
    if (where == 2)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "'async with' received an object from __aexit__ that does not implement __await__: %s",
                       aw_type_name(vm, v));
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "object %s can't be used in 'await' expression", aw_type_name(vm, v));
  }
  AwValue it = aw_call_special(vm, v, AW_N(vm, await), 0, NULL);
  if (AW_IS_EXC(it)) return it;
  if (AW_IS_KIND(it, AW_OBJ_GENERATOR) && self_gen(it)->gkind == AW_GENKIND_COROUTINE)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__await__() returned a coroutine");
  if (AW_IS_UNDEF(aw_lookup_special(vm, it, AW_N(vm, next))))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__await__() returned non-iterator of type '%s'", aw_type_name(vm, it));
  return it;
}

AwValue aw_get_aiter(AwVM *vm, AwValue v) {
  AwValue m = aw_lookup_special(vm, v, AW_N(vm, aiter));
  if (AW_IS_UNDEF(m))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'async for' requires an object with __aiter__ method, got %s",
                     aw_type_name(vm, v));
  AwValue it = aw_call_special(vm, v, AW_N(vm, aiter), 0, NULL);
  if (AW_IS_EXC(it)) return it;
  if (AW_IS_UNDEF(aw_lookup_special(vm, it, AW_N(vm, anext))))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                     aw_type_name(vm, it));
  return it;
}

AwValue aw_get_anext_awaitable(AwVM *vm, AwValue aiter) {
  AwValue m = aw_lookup_special(vm, aiter, AW_N(vm, anext));
  if (AW_IS_UNDEF(m))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'async for' requires an iterator with __anext__ method, got %s",
                     aw_type_name(vm, aiter));
  AwValue r = aw_call_special(vm, aiter, AW_N(vm, anext), 0, NULL);
  if (AW_IS_EXC(r)) return r;
  AwValue a = aw_get_awaitable(vm, r, 0);
  if (AW_IS_EXC(a) && aw_exc_pending_is(vm, AW_EXCCLS(vm, TypeError))) {
    aw_exc_take(vm);
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "'async for' received an invalid object from __anext__: %s", aw_type_name(vm, r));
  }
  return a;
}

// ---- GC ---------------------------------------------------------------------

void aw_gen_trace(AwVM *vm, AwGen *g) {
  if (g->extra) aw_gc_mark_obj(vm, &g->extra->obj);
  if (g->handling) aw_gc_mark_obj(vm, g->handling);  // or created_proto
  aw_frame_trace(vm, aw_gen_frame(g));
}

void aw_gen_free(AwVM *vm, AwGen *g) {
  (void)vm;
  (void)g;  // the frame is part of the object
}

// ---- coroutine.__await__() ------------------------------------------------
// A coroutine_wrapper iterates its coroutine (SEND unwraps it and links the
// coroutine's frame directly).

static AwValue wrapper_next_c(AwVM *vm, AwIter *it) {
  AwValue out;
  AwResumeStatus st = is_ncoro(it->a) ? aw_ncoro_resume(vm, as_ncoro(it->a), AW_NONE, AW_UNDEF, &out)
                                      : aw_gen_resume(vm, (AwGen *)AW_AS_OBJ(it->a), AW_NONE, AW_UNDEF, &out);
  if (st == AW_RESUME_YIELD) return out;
  return st == AW_RESUME_ERROR ? AW_EXC : AW_UNDEF;
}

static AwValue coro_await(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwIter *it = aw_iter_new(vm, AW_CLS(vm, coroutine_wrapper), wrapper_next_c, argv[0], AW_UNDEF);
  return it ? AW_OBJ(it) : AW_EXC;
}

static AwValue wrapper_send(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  AwIter *it = (AwIter *)AW_AS_OBJ(argv[0]);
  return send_common(vm, it->a, argc > 1 ? argv[1] : AW_NONE, AW_UNDEF);
}

static AwValue wrapper_throw(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *it = (AwIter *)AW_AS_OBJ(argv[0]);
  argv[0] = it->a;
  return gen_throw(vm, argc, argv, kw);
}

static AwValue wrapper_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwValue c = ((AwIter *)AW_AS_OBJ(argv[0]))->a;
  if (is_ncoro(c)) return aw_ncoro_close(vm, as_ncoro(c));
  return aw_gen_close(vm, self_gen(c));
}

bool aw_gen_init_classes(AwVM *vm) {
  AwClass *cw = AW_CLS(vm, coroutine_wrapper);
  if (!aw_class_add_native(vm, cw, "__iter__", gen_iter, AW_NATIVE_METHOD) ||
      !aw_class_add_native(vm, cw, "__next__", wrapper_send, AW_NATIVE_METHOD) ||
      !aw_class_add_native(vm, cw, "send", wrapper_send, AW_NATIVE_METHOD) ||
      !aw_class_add_native(vm, cw, "throw", wrapper_throw, AW_NATIVE_METHOD) ||
      !aw_class_add_native(vm, cw, "close", wrapper_close, AW_NATIVE_METHOD))
    return false;
  AwClass *classes[3] = {AW_CLS(vm, generator), AW_CLS(vm, coroutine), AW_CLS(vm, async_generator)};
  for (int i = 0; i < 3; i++) {
    AwClass *c = classes[i];
    bool ok = aw_class_add_native(vm, c, "send", gen_send, AW_NATIVE_METHOD) &&
              aw_class_add_native(vm, c, "throw", gen_throw, AW_NATIVE_METHOD) &&
              aw_class_add_native(vm, c, "close", gen_close, AW_NATIVE_METHOD) &&
              aw_class_add_native(vm, c, "__repr__", gen_repr, AW_NATIVE_METHOD) &&
              aw_class_add_native(vm, c, "__name__", gen_name, AW_NATIVE_GETTER | AW_NATIVE_SETTER) &&
              aw_class_add_native(vm, c, "__qualname__", gen_qualname, AW_NATIVE_GETTER | AW_NATIVE_SETTER);
    if (!ok) return false;
  }
  AwClass *g = classes[0], *co = classes[1];
  bool ok = aw_class_add_native(vm, g, "__next__", gen_next, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, g, "__iter__", gen_iter, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, g, "gi_frame", gen_frame, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, g, "gi_running", gen_running, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, g, "gi_code", gen_code, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, g, "gi_yieldfrom", gen_yieldfrom, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, co, "cr_frame", gen_frame, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, co, "cr_running", gen_running, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, co, "cr_code", gen_code, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, co, "cr_await", gen_yieldfrom, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, co, "cr_origin", gen_origin, AW_NATIVE_GETTER) &&
            aw_class_add_native(vm, co, "__await__", coro_await, AW_NATIVE_METHOD);
  AwClass *fr = AW_CLS(vm, frame);
  ok = ok && aw_class_add_native(vm, fr, "f_lineno", frame_lineno, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, fr, "f_code", frame_code, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, fr, "f_locals", frame_locals, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, fr, "__repr__", frame_repr, AW_NATIVE_METHOD);
  return ok;
}

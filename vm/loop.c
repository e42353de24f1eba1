// vm/loop.c -- the event loop: a ready queue of callbacks and task steps,
// a min-heap of timers, and libuv for everything that waits on the outside
// world (I/O, worker threads, Ctrl-C through aw_interrupt). One iteration
// runs what was ready when it started, exactly like CPython's
// BaseEventLoop._run_once. With virtual time the clock jumps to the next
// deadline when nothing else can happen, so sleeps cost nothing. Also:
// error reports (the exception handler), debug mode's slow-step warnings,
// and the records of where failed tasks were created.
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "vm/loop.h"

#define CLOCK_RESOLUTION 1e-9

// A failed task's creation, kept beside its exception (see
// aw_loop_record_failure).
typedef struct AwTaskRecord {
  AwObj *exc;               // weak
  AwValue entry, name, stack;
} AwTaskRecord;


static bool is_future(AwValue v) { return AW_IS_KIND(v, AW_OBJ_FUTURE); }

// ---- the ready queue -------------------------------------------------------
// A ring of words. Objects are at least 8-aligned, so the first word of an
// entry is its first operand's pointer with a code in the low bits:
//   STEP, WAKEUP_WAITER, HANDLE, STOP: that word alone (the wakeup's
//     future is the one the task waits on: its fut_waiter);
//   STEP_EXC, WAKEUP, GATHER: a second word, the other object;
//   WIDE: no pointer, the kind above the code, then a, b, c as values.

enum { RQ_HANDLE, RQ_STEP, RQ_WAKEUP_WAITER, RQ_STOP, RQ_STEP_EXC, RQ_WAKEUP, RQ_GATHER, RQ_WIDE };
#define RQ_ONE_WORD(code) ((code) <= RQ_STOP)
#define RQ_CODE ((uintptr_t)7)
#define VALUE_WORDS (sizeof(AwValue) / sizeof(uintptr_t))

static bool ready_grow(AwVM *vm, AwLoop *loop, size_t need) {
  size_t cap = loop->ready_cap ? loop->ready_cap * 2 : 64;
  while (cap < need) cap *= 2;
  uintptr_t *r = aw_mem_alloc(vm, cap * sizeof(uintptr_t));
  if (!r) return false;
  for (size_t i = 0; i < loop->ready_len; i++) r[i] = loop->ready[(loop->ready_head + i) % loop->ready_cap];
  aw_mem_free(vm, loop->ready, loop->ready_cap * sizeof(uintptr_t));
  loop->ready = r;
  loop->ready_cap = cap;
  loop->ready_head = 0;
  return true;
}

static uintptr_t *ready_word(AwLoop *loop, size_t i) { return &loop->ready[(loop->ready_head + i) % loop->ready_cap]; }

static void put_value(AwLoop *loop, size_t at, AwValue v) {
  uintptr_t w[VALUE_WORDS];
  memcpy(w, &v, sizeof v);
  for (size_t k = 0; k < VALUE_WORDS; k++) *ready_word(loop, at + k) = w[k];
}

static AwValue get_value(AwLoop *loop, size_t at) {
  uintptr_t w[VALUE_WORDS];
  for (size_t k = 0; k < VALUE_WORDS; k++) w[k] = *ready_word(loop, at + k);
  AwValue v;
  memcpy(&v, w, sizeof v);
  return v;
}

// The code of a compact entry for (kind, a, b), or RQ_WIDE.
static int compact_code(AwReadyKind kind, AwValue a, AwValue b, AwValue c) {
  if (!AW_IS_OBJ(a) || ((uintptr_t)AW_AS_OBJ(a) & RQ_CODE) || !AW_IS_UNDEF(c)) return RQ_WIDE;
  switch (kind) {
    case AW_READY_HANDLE: return AW_IS_UNDEF(b) ? RQ_HANDLE : RQ_WIDE;
    case AW_READY_STEP:
      return AW_IS_UNDEF(b) ? RQ_STEP : AW_IS_OBJ(b) ? RQ_STEP_EXC : RQ_WIDE;
    case AW_READY_WAKEUP_WAITER: return RQ_WAKEUP_WAITER;
    case AW_READY_WAKEUP: return AW_IS_OBJ(b) ? RQ_WAKEUP : RQ_WIDE;
    case AW_READY_GATHER: return AW_IS_OBJ(b) ? RQ_GATHER : RQ_WIDE;
    case AW_READY_STOP: return AW_IS_UNDEF(b) ? RQ_STOP : RQ_WIDE;
    case AW_READY_CALLBACK: return RQ_WIDE;
  }
  return RQ_WIDE;
}

bool aw_loop_schedule(AwVM *vm, AwLoop *loop, AwReadyKind kind, AwValue a, AwValue b, AwValue c) {
  int code = compact_code(kind, a, b, c);
  if (kind == AW_READY_WAKEUP_WAITER) kind = AW_READY_WAKEUP;  // a wide one keeps its future
  size_t n = code == RQ_WIDE ? 1 + 3 * VALUE_WORDS : RQ_ONE_WORD(code) ? 1 : 2;
  if (loop->ready_len + n > loop->ready_cap && !ready_grow(vm, loop, loop->ready_len + n)) return false;
  size_t at = loop->ready_len;
  if (code == RQ_WIDE) {
    *ready_word(loop, at) = (uintptr_t)kind << 3 | RQ_WIDE;
    put_value(loop, at + 1, a);
    put_value(loop, at + 1 + VALUE_WORDS, b);
    put_value(loop, at + 1 + 2 * VALUE_WORDS, c);
  } else {
    *ready_word(loop, at) = (uintptr_t)AW_AS_OBJ(a) | (uintptr_t)code;
    if (n == 2) *ready_word(loop, at + 1) = (uintptr_t)AW_AS_OBJ(b);
  }
  loop->ready_len += n;
  return true;
}

// The entry at ring position [i] (relative to the head); *n its words.
static AwReady ready_at(AwLoop *loop, size_t i, size_t *n) {
  uintptr_t w = *ready_word(loop, i);
  int code = (int)(w & RQ_CODE);
  AwReady r = {AW_READY_HANDLE, AW_UNDEF, AW_UNDEF, AW_UNDEF};
  if (code == RQ_WIDE) {
    r.kind = (AwReadyKind)(w >> 3);
    r.a = get_value(loop, i + 1);
    r.b = get_value(loop, i + 1 + VALUE_WORDS);
    r.c = get_value(loop, i + 1 + 2 * VALUE_WORDS);
    *n = 1 + 3 * VALUE_WORDS;
    return r;
  }
  AwObj *a = (AwObj *)(w & ~RQ_CODE);
  r.a = AW_OBJ(a);
  *n = RQ_ONE_WORD(code) ? 1 : 2;
  if (*n == 2) r.b = AW_OBJ((AwObj *)*ready_word(loop, i + 1));
  switch (code) {
    case RQ_HANDLE: r.kind = AW_READY_HANDLE; break;
    case RQ_STOP: r.kind = AW_READY_STOP; break;
    case RQ_STEP:
    case RQ_STEP_EXC: r.kind = AW_READY_STEP; break;
    case RQ_WAKEUP_WAITER: {
      // The future it waits on (none if a step ran meanwhile: a plain step).
      AwObj *fut = ((AwFuture *)a)->fut_waiter;
      r.kind = fut ? AW_READY_WAKEUP : AW_READY_STEP;
      if (fut) r.b = AW_OBJ(fut);  // (a future, or a parked Event.wait)
      break;
    }
    case RQ_WAKEUP: r.kind = AW_READY_WAKEUP; break;
    default: r.kind = AW_READY_GATHER; break;
  }
  return r;
}

static AwReady ready_pop(AwLoop *loop, size_t *n) {
  AwReady r = ready_at(loop, 0, n);
  loop->ready_head = (loop->ready_head + *n) % loop->ready_cap;
  loop->ready_len -= *n;
  return r;
}

// ---- timers: a binary min-heap on (when, seq) -------------------------------

static bool timer_less(const AwTimer *a, const AwTimer *b) {
  return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static bool timer_push(AwVM *vm, AwLoop *loop, double when, AwValue handle) {
  if (loop->ntimers == loop->cap_timers) {
    size_t cap = loop->cap_timers ? loop->cap_timers * 2 : 64;
    AwTimer *t = aw_mem_realloc(vm, loop->timers, loop->cap_timers * sizeof(AwTimer), cap * sizeof(AwTimer));
    if (!t) return false;
    loop->timers = t;
    loop->cap_timers = cap;
  }
  size_t i = loop->ntimers++;
  AwTimer item = {when, loop->timer_seq++, handle};
  while (i > 0) {
    size_t parent = (i - 1) / 2;
    if (!timer_less(&item, &loop->timers[parent])) break;
    loop->timers[i] = loop->timers[parent];
    i = parent;
  }
  loop->timers[i] = item;
  return true;
}

static AwTimer timer_pop(AwLoop *loop) {
  AwTimer top = loop->timers[0];
  AwTimer last = loop->timers[--loop->ntimers];
  size_t i = 0, n = loop->ntimers;
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    const AwTimer *best = &last;
    if (l < n && timer_less(&loop->timers[l], best)) {
      m = l;
      best = &loop->timers[l];
    }
    if (r < n && timer_less(&loop->timers[r], best)) m = r;
    if (m == i) break;
    loop->timers[i] = loop->timers[m];
    i = m;
  }
  if (n) loop->timers[i] = last;
  return top;
}

// Drops cancelled timers from the top of the heap.
static void timers_trim(AwLoop *loop) {
  while (loop->ntimers && ((AwHandle *)AW_AS_OBJ(loop->timers[0].handle))->cancelled) timer_pop(loop);
}

// ---- time ------------------------------------------------------------------------

static double real_time(void) { return (double)uv_hrtime() / 1e9; }

double aw_loop_time(AwVM *vm, AwLoop *loop) {
  (void)vm;
  return loop->virtual_time ? loop->virtual_now : real_time() - loop->start_time;
}

// ---- handles ---------------------------------------------------------------------

static AwHandle *handle_new(AwVM *vm, AwClass *cls, AwValue fn, AwValue args, AwValue context) {
  AwHandle *h = (AwHandle *)aw_obj_alloc(vm, sizeof(AwHandle), AW_OBJ_HANDLE, cls);
  if (!h) return NULL;
  h->fn = fn;
  h->args = args;
  h->context = context;
  return h;
}

AwValue aw_loop_call_soon(AwVM *vm, AwLoop *loop, AwValue fn, AwValue args, AwValue context) {
  AwHandle *h = handle_new(vm, AW_CLS(vm, Handle), fn, args, context);
  if (!h || !aw_loop_schedule(vm, loop, AW_READY_HANDLE, AW_OBJ(h), AW_UNDEF, AW_UNDEF)) return AW_EXC;
  return AW_OBJ(h);
}

AwValue aw_loop_call_at(AwVM *vm, AwLoop *loop, double when, AwValue fn, AwValue args, AwValue context, bool is_sleep) {
  AwHandle *h = handle_new(vm, AW_CLS(vm, TimerHandle), fn, args, context);
  if (!h) return AW_EXC;
  h->when = when;
  h->is_sleep = is_sleep;
  if (!timer_push(vm, loop, when, AW_OBJ(h))) return AW_EXC;
  return AW_OBJ(h);
}

void aw_handle_trace(AwVM *vm, AwHandle *h) {
  aw_gc_mark_value(vm, h->fn);
  aw_gc_mark_value(vm, h->args);
  aw_gc_mark_value(vm, h->context);
}

// ---- error reporting --------------------------------------------------------------

// source_traceback as CPython's handlers get it: FrameSummary-like
// (filename, lineno, name, line) tuples, outermost first.
static AwValue frame_summaries(AwVM *vm, AwValue stack) {
  AwTuple *st = AW_AS_TUPLE(stack);
  AwList *l = aw_list_new(vm, st->len / 2);
  if (!l) return AW_EXC;
  AwValue lv = AW_OBJ(l);
  aw_push_root(vm, lv);
  for (int64_t i = st->len / 2 - 1; i >= 0; i--) {
    AwProto *p = (AwProto *)AW_AS_OBJ(st->items[2 * i]);
    AwBuf b;
    aw_buf_init(&b);
    aw_gen_format_stack(vm, &b, aw_tuple_pack(vm, 2, st->items[2 * i], st->items[2 * i + 1]), "");
    // The source line is the second line of the formatted entry.
    const char *nl = b.data ? strchr(b.data, '\n') : NULL;
    AwValue line = nl && nl[1] ? aw_str_new(vm, nl + 5, strlen(nl + 5) - 1) : aw_str_from_cstr(vm, "");
    aw_buf_free(vm, &b);
    AwValue item = AW_IS_EXC(line) ? line : aw_tuple_pack(vm, 4, p->filename, st->items[2 * i + 1], p->name, line);
    if (AW_IS_EXC(item) || !aw_list_append(vm, l, item)) {
      aw_pop_root(vm);
      return AW_EXC;
    }
  }
  aw_pop_root(vm);
  return lv;
}

// Calls the loop's custom exception handler; false if there is none or it
// failed (the default text is printed then, as CPython logs it).
static bool call_handler(AwVM *vm, AwLoop *loop, const char *message, AwValue exc, const char *key, AwValue value,
                         AwValue source_tb) {
  if (!loop || AW_IS_UNDEF(loop->exception_handler) || AW_IS_NONE(loop->exception_handler)) return false;
  AwDict *ctx = aw_dict_new(vm);
  if (!ctx) return false;
  AwValue cv = AW_OBJ(ctx);
  aw_push_root(vm, cv);
  bool ok = aw_dict_set_cstr(vm, ctx, "message", aw_str_from_cstr(vm, message)) &&
            (AW_IS_UNDEF(exc) || aw_dict_set_cstr(vm, ctx, "exception", exc)) &&
            (!key || aw_dict_set_cstr(vm, ctx, key, value));
  if (ok && AW_IS_TUPLE(source_tb)) {
    AwValue frames = frame_summaries(vm, source_tb);
    ok = !AW_IS_EXC(frames) && aw_dict_set_cstr(vm, ctx, "source_traceback", frames);
  }
  AwValue args[2] = {loop->obj, cv};
  ok = ok && !AW_IS_EXC(aw_call(vm, loop->exception_handler, 2, args, NULL));
  aw_pop_root(vm);
  // CPython logs "Unhandled error in exception handler" and falls back; the
  // fallback text is the useful part.
  if (!ok) aw_exc_take(vm);
  return ok;
}

static void print_key(AwVM *vm, const char *key, AwValue value) {
  AwStr *s = aw_repr(vm, value);
  if (s) aw_printf_err(vm, "%s: %s\n", key, s->data);
  else aw_exc_take(vm);
}

void aw_loop_report(AwVM *vm, AwLoop *loop, const char *message, AwValue exc, const char *key, AwValue value,
                    AwValue source_tb) {
  AwValue saved = vm->exc;
  vm->exc = AW_UNDEF;
  aw_push_root(vm, saved);
  aw_push_root(vm, exc);
  aw_push_root(vm, value);
  aw_push_root(vm, source_tb);
  if (!call_handler(vm, loop, message, exc, key, value, source_tb)) {
    // CPython's default_exception_handler: the message, then every other
    // context key in sorted order, then the exception's traceback.
    aw_printf_err(vm, "%s\n", message);
    bool before = key && strcmp(key, "source_traceback") < 0;
    if (key && before) print_key(vm, key, value);
    if (AW_IS_TUPLE(source_tb)) {
      AwBuf b;
      aw_buf_init(&b);
      aw_buf_printf(vm, &b, "source_traceback: Object created at (most recent call last):\n");
      aw_gen_format_stack(vm, &b, source_tb, "");
      if (!b.failed) aw_write_err(vm, b.data, b.len);
      else aw_exc_take(vm);
      aw_buf_free(vm, &b);
    }
    if (key && !before) print_key(vm, key, value);
    if (AW_IS_EXCEPTION(exc)) aw_print_exception(vm, exc);
  }
  aw_pop_root(vm);
  aw_pop_root(vm);
  aw_pop_root(vm);
  aw_pop_root(vm);
  vm->exc = saved;
}

// ---- running callbacks ------------------------------------------------------------

static bool is_fatal(AwVM *vm, AwValue e) {
  return AW_IS_EXCEPTION(e) && (aw_isinstance(vm, e, AW_EXCCLS(vm, KeyboardInterrupt)) ||
                                aw_isinstance(vm, e, AW_EXCCLS(vm, SystemExit)));
}

// Calls fn(*args) in [context]; an exception goes to the exception handler
// unless it is KeyboardInterrupt/SystemExit, which stop the loop.
static bool run_call(AwVM *vm, AwLoop *loop, AwValue fn, AwValue args, AwValue context, AwValue handle) {
  AwValue prev = vm->context;
  if (!AW_IS_UNDEF(context) && !AW_IS_NONE(context)) vm->context = context;
  aw_push_root(vm, prev);
  AwValue r;
  if (AW_IS_TUPLE(args)) r = aw_call(vm, fn, (int)AW_AS_TUPLE(args)->len, AW_AS_TUPLE(args)->items, NULL);
  else r = aw_call(vm, fn, 1, &args, NULL);
  aw_pop_root(vm);
  vm->context = prev;
  if (!AW_IS_EXC(r)) return true;
  AwValue e = aw_exc_take(vm);
  if (is_fatal(vm, e)) {
    vm->exc = e;
    return false;
  }
  aw_push_root(vm, e);
  AwStr *fr = aw_repr(vm, fn);
  if (!fr) aw_exc_take(vm);
  char msg[512];
  snprintf(msg, sizeof msg, "Exception in callback %s", fr ? fr->data : "?");
  aw_loop_report(vm, loop, msg, e, AW_IS_UNDEF(handle) ? NULL : "handle", handle, AW_UNDEF);
  aw_pop_root(vm);
  return true;
}

static bool run_ready(AwVM *vm, AwLoop *loop, AwReady r) {
  switch (r.kind) {
    case AW_READY_STEP:
      return aw_task_step(vm, (AwFuture *)AW_AS_OBJ(r.a), r.b);
    case AW_READY_WAKEUP:
    case AW_READY_WAKEUP_WAITER:  // (decoded as WAKEUP)
      return aw_task_wakeup(vm, (AwFuture *)AW_AS_OBJ(r.a), AW_AS_OBJ(r.b));
    case AW_READY_CALLBACK:
      return run_call(vm, loop, r.a, r.b, r.c, AW_UNDEF);
    case AW_READY_GATHER:
      return aw_gather_child_done(vm, (AwFuture *)AW_AS_OBJ(r.a), (AwFuture *)AW_AS_OBJ(r.b));
    case AW_READY_STOP:
      // (One left over from a run an exception ended stops nothing.)
      if (AW_AS_OBJ(r.a) == loop->run_future) loop->stopping = true;
      return true;
    case AW_READY_HANDLE: {
      AwHandle *h = (AwHandle *)AW_AS_OBJ(r.a);
      if (h->cancelled) return true;
      if (h->is_sleep) {
        AwFuture *f = (AwFuture *)AW_AS_OBJ(h->args);
        if (f->state == AW_FUT_PENDING && !aw_future_set_result(vm, f, h->fn)) return false;
        return true;
      }
      return run_call(vm, loop, h->fn, h->args, h->context, r.a);
    }
  }
  return true;
}

// ---- debug mode: slow steps ------------------------------------------------------
// CPython logs "Executing <Task ...> took 0.152 seconds" for a callback or
// task step longer than slow_callback_duration. aw also names the line
// that held the loop: the step ran the task's innermost frame from where it
// was suspended to where it suspended again, and when exactly one source
// line lies strictly between the two (the usual `await; block(); await`),
// that line is the culprit; otherwise the range is shown.

typedef struct {
  AwFrame *frame;   // innermost frame of the task's coroutine chain (only
                    // compared: it may be gone after the step)
  AwProto *proto;   // its code (rooted while the step runs)
  int32_t at;       // instruction index it is suspended at (0: not started)
} StepPoint;

static bool is_frozen(AwProto *p) {
  return AW_IS_STR(p->filename) && !strncmp(AW_AS_STR(p->filename)->data, "<frozen ", 8);
}

static StepPoint step_point(AwValue task) {
  StepPoint p = {NULL, NULL, 0};
  if (!is_future(task)) return p;
  AwValue coro = AW_OBJ(((AwFuture *)AW_AS_OBJ(task))->coro);
  if (!AW_IS_KIND(coro, AW_OBJ_GENERATOR)) return p;
  AwGen *g = (AwGen *)AW_AS_OBJ(coro);
  if (g->state == AW_GEN_CLOSED || !g->resume_at) return p;
  // The innermost frame of the chain that is the script's own: sleep(),
  // Queue.get() ... of the embedded asyncio.aw are not the culprits.
  AwFrame *f = g->resume_at;
  while (f != aw_gen_frame(g) && f->caller && is_frozen(f->proto)) f = f->caller;
  p.frame = f;
  p.proto = f->proto;
  p.at = g->state == AW_GEN_CREATED ? 0 : (int32_t)(f->ip - p.proto->code);
  return p;
}

static int line_at(AwProto *p, int32_t at) {
  if (--at < 0) return p->firstline;
  if (at >= p->ncode) at = p->ncode - 1;
  return p->lines[at];
}

static bool is_call(AwInstr i) {
  AwOpcode op = AW_OP(i);
  return op == OP_CALL || op == OP_CALL_METHOD || op == OP_CALL_FUNCTION_EX;
}

// Where a step went from instruction [a] to [b] of one frame: straight on
// when b > a, else round a loop, back through the backward jump that
// leads to b (or, failing that, from the start of the code).
static void region(AwProto *p, int32_t a, int32_t b, int32_t *end, int32_t *restart) {
  *end = b;
  *restart = -1;
  if (b > a) return;
  *end = p->ncode;
  *restart = 0;
  for (int32_t i = a; i < p->ncode; i++) {
    AwInstr in = p->code[i];
    // (A jump back to a SEND is an await's delegation loop, not a loop.)
    if (AW_OP(in) == OP_JUMP && (int32_t)AW_ARG(in) <= b && AW_OP(p->code[AW_ARG(in)]) != OP_SEND) {
      *end = i + 1;
      *restart = (int32_t)AW_ARG(in);
      return;
    }
  }
}

// The line that held the loop while a step ran one frame from [a] to [b]:
// of the lines strictly between the two suspension points, the one that
// makes calls when exactly one does, or the only one; the line [b]
// suspended at when none lies between; 0 when it cannot be told (then
// *lo..*hi is the range run).
static int lines_run(StepPoint a, StepPoint b, int *lo, int *hi) {
  AwProto *p = a.proto;
  int la = line_at(p, a.at), lb = line_at(p, b.at), only = 0, caller = 0;
  bool many = false, many_callers = false;
  *lo = la < lb ? la : lb;
  *hi = la < lb ? lb : la;
  int32_t end, restart;
  region(p, a.at, b.at, &end, &restart);
  for (int pass = 0; pass < 2; pass++) {
    int32_t from = pass ? restart : a.at, to = pass ? b.at : end;
    if (pass && restart < 0) break;
    for (int32_t i = from; i < to && i < p->ncode; i++) {
      int l = p->lines[i];
      if (l < *lo) *lo = l;
      if (l > *hi) *hi = l;
      if (l == la || l == lb) continue;
      if (only && l != only) many = true;
      only = l;
      if (is_call(p->code[i])) {
        if (caller && l != caller) many_callers = true;
        caller = l;
      }
    }
  }
  if (caller && !many_callers) return caller;
  if (many) return 0;
  return only ? only : lb;
}

static void report_slow(AwVM *vm, AwReady r, double dt, StepPoint before) {
  bool task = r.kind == AW_READY_STEP || r.kind == AW_READY_WAKEUP;
  AwStr *what = aw_repr(vm, r.a);
  if (!what) {
    aw_exc_take(vm);
    return;
  }
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_printf(vm, &b, "Executing %s took %.3f seconds\n", what->data, dt);
  StepPoint after = step_point(r.a);
  if (task && !after.proto && before.proto) {
    // The task finished in this step: it ran to the end of its code.
    AwValue coro = AW_OBJ(((AwFuture *)AW_AS_OBJ(r.a))->coro);
    AwGen *g = AW_IS_KIND(coro, AW_OBJ_GENERATOR) ? (AwGen *)AW_AS_OBJ(coro) : NULL;
    if (g && aw_gen_frame(g) == before.frame) after = (StepPoint){before.frame, before.proto, before.proto->ncode};
  }
  if (task && before.proto) {
    AwProto *p = before.proto;
    const char *file = AW_IS_STR(p->filename) ? AW_AS_STR(p->filename)->data : "?";
    const char *name = AW_IS_STR(p->name) ? AW_AS_STR(p->name)->data : "?";
    bool same = after.frame == before.frame && after.proto == p;
    int lo = 0, hi = 0;
    int line = same ? lines_run(before, after, &lo, &hi) : 0;
    if (line) {
      aw_buf_printf(vm, &b, "  held the loop: File \"%s\", line %d, in %s\n", file, line, name);
      AwValue stack = aw_tuple_pack(vm, 2, AW_OBJ(p), AW_INT(line));
      if (AW_IS_EXC(stack)) aw_exc_take(vm);
      else {
        // Just the source line of the formatted entry.
        AwBuf src;
        aw_buf_init(&src);
        aw_gen_format_stack(vm, &src, stack, "");
        const char *nl = src.data ? strchr(src.data, '\n') : NULL;
        if (nl && nl[1]) aw_buf_append(vm, &b, nl + 1, strlen(nl + 1));
        aw_buf_free(vm, &src);
      }
    } else if (same) {
      aw_buf_printf(vm, &b, "  held the loop: File \"%s\", lines %d-%d, in %s\n", file, lo, hi, name);
    } else {
      aw_buf_printf(vm, &b, "  held the loop: File \"%s\", from line %d, in %s\n", file, line_at(p, before.at), name);
    }
  }
  if (!b.failed) aw_write_err(vm, b.data, b.len);
  else aw_exc_take(vm);
  aw_buf_free(vm, &b);
}

static bool run_ready_timed(AwVM *vm, AwLoop *loop, AwReady r) {
  bool task = r.kind == AW_READY_STEP || r.kind == AW_READY_WAKEUP;
  StepPoint before = task ? step_point(r.a) : (StepPoint){NULL, NULL, 0};
  aw_push_root(vm, before.proto ? AW_OBJ(before.proto) : AW_NONE);
  double t0 = real_time();
  bool ok = run_ready(vm, loop, r);
  double dt = real_time() - t0;
  aw_pop_root(vm);
  if (ok && dt >= loop->slow_callback_duration && (task || r.kind == AW_READY_HANDLE)) report_slow(vm, r, dt, before);
  return ok;
}

// ---- libuv glue ----------------------------------------------------------------------

static void on_wake(uv_timer_t *t) { (void)t; }
static void on_async(uv_async_t *a) { (void)a; }

// Ctrl-C (aw_interrupt) seen by the loop between steps. As CPython's
// asyncio.Runner: the first one cancels the pending main task (its finally
// blocks run; asyncio.run then raises KeyboardInterrupt), any other one
// raises KeyboardInterrupt out of the loop. An interrupt that arrives while
// a step runs script code is raised there by the interpreter's safepoint.
static bool take_interrupt(AwVM *vm, AwLoop *loop) {
  vm->interrupt &= ~AW_INTERRUPT_SIGINT;
  AwFuture *main = is_future(loop->main_task) ? (AwFuture *)AW_AS_OBJ(loop->main_task) : NULL;
  if (main && main->state == AW_FUT_PENDING && !loop->main_interrupted) {
    loop->main_interrupted = true;
    aw_task_cancel(vm, main, AW_NONE);
    return true;
  }
  aw_raisef(vm, AW_EXCCLS(vm, KeyboardInterrupt), "");
  return false;
}

// True when nothing outside the loop can make progress happen: no worker
// thread running and no I/O handle besides the loop's own.
static bool outside_world_idle(AwLoop *loop) { return loop->pending_threads == 0; }

static void poll_io(AwVM *vm, AwLoop *loop, double timeout) {
  (void)vm;
  if (timeout == 0) {
    uv_run(&loop->uv, UV_RUN_NOWAIT);
    return;
  }
  if (timeout > 0) {
    // libuv runs due timers before it polls: with a stale cached clock a
    // one-shot wake-up could fire there and leave the poll with no timeout
    // at all. Refresh the clock and make the timer repeat so a wake-up is
    // always pending while we poll.
    uint64_t ms = (uint64_t)ceil(timeout * 1000.0);
    uv_update_time(&loop->uv);
    uv_timer_start(&loop->wake, on_wake, ms, ms);
  }
  aw_gil_release(vm);
  uv_run(&loop->uv, UV_RUN_ONCE);
  aw_gil_acquire(vm);
  uv_timer_stop(&loop->wake);
}

bool aw_loop_run_once(AwVM *vm, AwLoop *loop, int timeout_ms) {
  timers_trim(loop);
  double timeout = -1;
  if (loop->ready_len) {
    timeout = 0;
  } else if (loop->ntimers) {
    double now = aw_loop_time(vm, loop);
    timeout = loop->timers[0].when - now;
    if (timeout < 0) timeout = 0;
    if (loop->virtual_time && outside_world_idle(loop)) {
      // Nothing but timers can happen: jump to the next deadline.
      if (loop->timers[0].when > loop->virtual_now) loop->virtual_now = loop->timers[0].when;
      timeout = 0;
    }
  }
  if (timeout_ms >= 0 && (timeout < 0 || timeout > timeout_ms / 1000.0)) timeout = timeout_ms / 1000.0;
  // With work ready and nothing outside the loop that could have produced
  // an event (no worker thread; Ctrl-C is seen through vm->interrupt), a
  // zero-timeout poll is a wasted system call: make one only now and then.
  if (timeout != 0 || !outside_world_idle(loop) || (++loop->idle_polls & 63) == 0) poll_io(vm, loop, timeout);
  if (loop->pending_threads && !aw_threads_finish_jobs(vm, loop)) return false;
  if ((vm->interrupt & AW_INTERRUPT_SIGINT) && !take_interrupt(vm, loop)) return false;
  // (The clock is read only when a timer could be due.)
  double end = loop->ntimers ? aw_loop_time(vm, loop) + CLOCK_RESOLUTION : 0;
  while (loop->ntimers && loop->timers[0].when <= end) {
    AwTimer t = timer_pop(loop);
    AwHandle *h = (AwHandle *)AW_AS_OBJ(t.handle);
    if (h->cancelled) continue;
    if (!aw_loop_schedule(vm, loop, AW_READY_HANDLE, t.handle, AW_UNDEF, AW_UNDEF)) return false;
  }
  // Run only what was ready now; callbacks scheduled meanwhile wait.
  size_t ntodo = loop->ready_len;
  for (size_t i = 0, n; i < ntodo; i += n) {
    AwReady r = ready_pop(loop, &n);
    // The entry left the queue: keep what it references rooted while it runs.
    aw_push_root(vm, r.a);
    aw_push_root(vm, r.b);
    aw_push_root(vm, r.c);
    bool ok = loop->debug ? run_ready_timed(vm, loop, r) : run_ready(vm, loop, r);
    aw_pop_root(vm);
    aw_pop_root(vm);
    aw_pop_root(vm);
    if (!ok) return false;
    if ((vm->interrupt & AW_INTERRUPT_SIGINT) && !take_interrupt(vm, loop)) return false;
    if ((vm->gc_requested || vm->interrupt) && !aw_interp_safepoint(vm)) return false;
  }
  return true;
}

bool aw_loop_run_until_complete(AwVM *vm, AwLoop *loop, AwFuture *fut) {
  if (loop->running) {
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "This event loop is already running");
    return false;
  }
  if (!aw_loop_set_running(vm, loop, true)) return false;
  aw_push_root(vm, AW_OBJ(fut));
  loop->stopping = false;
  loop->run_future = &fut->obj;
  bool ok = aw_future_add_callback(vm, fut, loop->obj, AW_UNDEF);
  while (ok && !loop->stopping) ok = aw_loop_run_once(vm, loop, -1);
  loop->stopping = false;
  loop->run_future = NULL;
  // Stopped by an exception: the callback must not stop a later run.
  aw_future_remove_callback_is(fut, loop->obj);
  aw_pop_root(vm);
  aw_loop_set_running(vm, loop, false);
  return ok;
}

// ---- asyncgen hooks and the weak set of async generators ----------------------------

// loop.<name> bound, or UNDEF if the loop class has no such method.
static AwValue hook_of(AwVM *vm, AwLoop *loop, const char *name) {
  AwValue n = aw_str_from_cstr(vm, name);
  return AW_IS_EXC(n) ? n : aw_getattr_opt(vm, loop->obj, n);
}

// The loop's own hooks, bound to its current script-visible object.
static bool make_hooks(AwVM *vm, AwLoop *loop) {
  if (AW_IS_KIND(loop->hook_firstiter, AW_OBJ_BOUND) &&
      aw_value_is(((AwBound *)AW_AS_OBJ(loop->hook_firstiter))->self, loop->obj))
    return true;
  // asyncio.aw defines them: a loop run without the asyncio module (an
  // embedding host) has none.
  AwValue first = hook_of(vm, loop, "_asyncgen_firstiter_hook");
  if (AW_IS_EXC(first)) return false;
  loop->hook_firstiter = first;  // traced from here on
  AwValue fin = hook_of(vm, loop, "_asyncgen_finalizer_hook");
  if (AW_IS_EXC(fin)) return false;
  loop->hook_finalizer = fin;
  return true;
}

bool aw_loop_set_running(AwVM *vm, AwLoop *loop, bool running) {
  if (running == loop->running) return true;
  if (running) {
    if (!make_hooks(vm, loop)) return false;
    loop->saved_firstiter = vm->agen_firstiter;
    loop->saved_finalizer = vm->agen_finalizer;
    if (AW_IS_OBJ(loop->hook_firstiter)) vm->agen_firstiter = loop->hook_firstiter;
    if (AW_IS_OBJ(loop->hook_finalizer)) vm->agen_finalizer = loop->hook_finalizer;
  } else {
    vm->agen_firstiter = loop->saved_firstiter;
    vm->agen_finalizer = loop->saved_finalizer;
    loop->saved_firstiter = loop->saved_finalizer = AW_UNDEF;
  }
  loop->running = running;
  return true;
}

bool aw_loop_agen_add(AwVM *vm, AwLoop *loop, AwGen *g) {
  if (g->ag_in_loop_set) return true;
  if (loop->nagens == loop->cap_agens) {
    size_t cap = loop->cap_agens ? loop->cap_agens * 2 : 16;
    AwObj **a = aw_mem_realloc(vm, loop->agens, loop->cap_agens * sizeof(AwObj *), cap * sizeof(AwObj *));
    if (!a) return false;
    loop->agens = a;
    loop->cap_agens = cap;
  }
  loop->agens[loop->nagens++] = &g->obj;
  g->ag_in_loop_set = true;
  return true;
}

void aw_loop_agen_discard(AwLoop *loop, AwGen *g) {
  (void)loop;
  g->ag_in_loop_set = false;  // the entry goes at the next sweep or take
}

AwValue aw_loop_agen_take(AwVM *vm, AwLoop *loop) {
  AwList *l = aw_list_new(vm, 0);
  if (!l) return AW_EXC;
  AwValue lv = AW_OBJ(l);
  aw_push_root(vm, lv);
  for (size_t i = 0; i < loop->nagens; i++) {
    AwGen *g = (AwGen *)loop->agens[i];
    if (!g->ag_in_loop_set) continue;  // discarded (or listed twice)
    if (!aw_list_append(vm, l, AW_OBJ(g))) {
      aw_pop_root(vm);
      return AW_EXC;
    }
    g->ag_in_loop_set = false;
  }
  loop->nagens = 0;
  aw_pop_root(vm);
  return lv;
}

// ---- creation and teardown ------------------------------------------------------------

static bool loop_init_uv(AwLoop *loop) {
  if (uv_loop_init(&loop->uv) != 0) return false;
  uv_timer_init(&loop->uv, &loop->wake);
  uv_async_init(&loop->uv, &loop->async, on_async);
  // The async handle keeps uv_run(ONCE) blocking (instead of returning at
  // once) when a program waits on something that only a thread or a signal
  // will bring; worker threads and aw_interrupt() wake the poll through it.
  loop->async.data = loop;
  loop->uv_ready = true;
  return true;
}

// Set and not empty, as CPython reads PYTHONASYNCIODEBUG.
static bool env_flag(const char *name) {
  const char *v = getenv(name);
  return v && *v;
}

AwLoop *aw_loop_get(AwVM *vm) {
  if (vm->loop) return vm->loop;
  AwLoop *loop = aw_mem_alloc(vm, sizeof(AwLoop));
  if (!loop) return NULL;
  memset(loop, 0, sizeof *loop);
  loop->current_task = AW_NONE;
  loop->main_task = AW_NONE;
  loop->obj = AW_NONE;
  loop->exception_handler = AW_NONE;
  loop->slow_callback_duration = 0.1;
  loop->start_time = real_time();
  loop->env_debug = env_flag("AW_ASYNCIO_DEBUG") || env_flag("PYTHONASYNCIODEBUG");
  if (!loop_init_uv(loop)) {
    aw_mem_free(vm, loop, sizeof(AwLoop));
    aw_raisef(vm, AW_EXCCLS(vm, OSError), "cannot create the event loop");
    return NULL;
  }
  vm->loop = loop;
  AwLoopObj *o = (AwLoopObj *)aw_obj_alloc(vm, sizeof(AwLoopObj), AW_OBJ_LOOP, AW_CLS(vm, event_loop));
  if (!o) return NULL;
  o->loop = loop;
  loop->obj = AW_OBJ(o);
  return loop;
}

AwLoop *aw_loop_running(AwVM *vm) { return vm->loop && vm->loop->running ? vm->loop : NULL; }

AwFuture *aw_loop_tasks(AwLoop *loop) {
  AwFuture **link = &loop->tasks;
  while (*link) {
    AwFuture *t = *link;
    if (t->state == AW_FUT_PENDING) {
      link = &t->next_task;
    } else {
      *link = t->next_task;
      t->next_task = NULL;
    }
  }
  return loop->tasks;
}

void aw_loop_gc_mark(AwVM *vm) {
  AwLoop *loop = vm->loop;
  if (!loop) return;
  for (size_t i = 0, n; i < loop->ready_len; i += n) {
    AwReady r = ready_at(loop, i, &n);
    aw_gc_mark_value(vm, r.a);
    aw_gc_mark_value(vm, r.b);
    aw_gc_mark_value(vm, r.c);
  }
  for (size_t i = 0; i < loop->ntimers; i++) aw_gc_mark_value(vm, loop->timers[i].handle);
  // Pending tasks are roots; done ones leave the list first (they may die now).
  for (AwFuture *t = aw_loop_tasks(loop); t; t = t->next_task) aw_gc_mark_obj(vm, &t->obj);
  aw_gc_mark_value(vm, loop->current_task);
  aw_gc_mark_value(vm, loop->main_task);
  aw_gc_mark_value(vm, loop->obj);
  if (loop->task_site) aw_gc_mark_obj(vm, &loop->task_site->obj);
  aw_gc_mark_value(vm, loop->exception_handler);
  aw_gc_mark_value(vm, loop->saved_firstiter);
  aw_gc_mark_value(vm, loop->saved_finalizer);
  aw_gc_mark_value(vm, loop->hook_firstiter);
  aw_gc_mark_value(vm, loop->hook_finalizer);
  for (size_t i = 0; i < loop->nrecords; i++) {  // not the exceptions: weak
    aw_gc_mark_value(vm, loop->records[i].entry);
    aw_gc_mark_value(vm, loop->records[i].name);
    aw_gc_mark_value(vm, loop->records[i].stack);
  }
  aw_threads_gc_mark(vm);
}

// ---- where failed tasks were created -------------------------------------------
// Kept beside the exceptions rather than in them (a script sees nothing),
// and weakly: a record lives as long as its exception.

void aw_loop_record_failure(AwVM *vm, AwValue exc, AwValue entry, AwValue name, AwValue stack) {
  AwLoop *loop = vm->loop;
  if (!loop || !AW_IS_OBJ(exc)) return;
  if (loop->nrecords == loop->cap_records) {
    size_t cap = loop->cap_records ? loop->cap_records * 2 : 16;
    AwTaskRecord *r = vm->alloc(vm->alloc_ud, loop->records, loop->cap_records * sizeof(AwTaskRecord),
                                cap * sizeof(AwTaskRecord));
    if (!r) return;
    loop->records = r;
    loop->cap_records = cap;
  }
  loop->records[loop->nrecords++] = (AwTaskRecord){AW_AS_OBJ(exc), entry, name, stack};
}

bool aw_loop_find_failure(AwVM *vm, AwValue exc, AwValue entry, AwValue *name, AwValue *stack) {
  AwLoop *loop = vm->loop;
  if (!loop || !AW_IS_OBJ(exc)) return false;
  for (size_t i = 0; i < loop->nrecords; i++) {
    AwTaskRecord *r = &loop->records[i];
    if (r->exc == AW_AS_OBJ(exc) && aw_value_is(r->entry, entry)) {
      *name = r->name;
      *stack = r->stack;
      return true;
    }
  }
  return false;
}

void aw_loop_gc_sweep(AwVM *vm) {
  AwLoop *loop = vm->loop;
  if (!loop) return;
  size_t kept = 0;
  for (size_t i = 0; i < loop->nrecords; i++)
    if (loop->records[i].exc->marked) loop->records[kept++] = loop->records[i];
  loop->nrecords = kept;
  // The weak set of async generators: the dead and the discarded go.
  kept = 0;
  for (size_t i = 0; i < loop->nagens; i++) {
    AwObj *o = loop->agens[i];
    if (o->marked && ((AwGen *)o)->ag_in_loop_set) loop->agens[kept++] = o;
  }
  loop->nagens = kept;
}

static void on_close_walk(uv_handle_t *h, void *arg) {
  (void)arg;
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

void aw_loop_free(AwVM *vm) {
  // First, while everything still works, the reports the remaining objects
  // owe (never-awaited coroutines, unretrieved exceptions), as CPython
  // makes them at exit. aw_free_vm calls this function first, loop or not.
  aw_gc_finalize_at_exit(vm);
  AwLoop *loop = vm->loop;
  if (!loop) return;
  if (loop->uv_ready) {
    uv_walk(&loop->uv, on_close_walk, NULL);
    aw_gil_release(vm);  // worker threads still running may need the lock
    uv_run(&loop->uv, UV_RUN_DEFAULT);
    aw_gil_acquire(vm);
    uv_loop_close(&loop->uv);
  }
  aw_mem_free(vm, loop->ready, loop->ready_cap * sizeof(uintptr_t));
  aw_mem_free(vm, loop->timers, loop->cap_timers * sizeof(AwTimer));
  if (loop->records) vm->alloc(vm->alloc_ud, loop->records, loop->cap_records * sizeof(AwTaskRecord), 0);
  aw_mem_free(vm, loop->agens, loop->cap_agens * sizeof(AwObj *));
  if (AW_IS_KIND(loop->obj, AW_OBJ_LOOP)) ((AwLoopObj *)AW_AS_OBJ(loop->obj))->loop = NULL;
  aw_mem_free(vm, loop, sizeof(AwLoop));
  vm->loop = NULL;
}

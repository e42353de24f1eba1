// vm/loop.h -- the event loop (loop.c), futures and tasks (future.c,
// task.c): their layouts and the C API the asyncio module and the
// interpreter use. One loop per VM; libuv does the waiting.
#ifndef AW_LOOP_H
#define AW_LOOP_H

#include <stddef.h>
#include <uv.h>
#include "vm/interp.h"

typedef enum { AW_FUT_PENDING, AW_FUT_CANCELLED, AW_FUT_FINISHED } AwFutState;

// asyncio.Future and asyncio.Task (is_task). A done callback is stored as
// (fn, context) pairs; the first one inline, the rest in a list, because
// almost every future has exactly one (the waiting task). Only tasks are
// allocated with the task part (aw_future_size): a plain future must never
// touch those fields. A million tasks may wait at once, so the layout is
// tight: object fields are pointers (NULL: none), flags are bits, and what
// few futures need (more than one callback, a cancel message, a timer, a
// debug-mode creation stack, gather's children) lives in [extra]
// (aw_future_extra).
typedef struct AwFuture {
  AwObj obj;
  uint8_t state;                // AwFutState
  bool is_task : 1;
  bool has_exc : 1;             // [result] is the exception (FINISHED), or
                                // the CancelledError a cancelled task ended
                                // with (CANCELLED)
  bool log_traceback : 1;       // an exception nobody retrieved yet
  bool blocking : 1;            // _asyncio_future_blocking
  bool must_cancel : 1;         // task: cancel at the next step
  bool step_scheduled : 1;      // task: a step is in the ready queue
  bool is_gather : 1;           // gather(): the outer future
  bool return_exceptions : 1;   // gather(return_exceptions=True)
  bool cancel_requested : 1;    // gather: cancel() reached the children
  bool sleep0 : 1;              // sleep(0): a done future that yields once first
  bool agen_closer : 1;         // task: runs aclose() for the finalizer hook
  bool created_debug : 1;       // task: [created] is a debug-mode stack
  int32_t num_cancels;          // task: cancel() requests not yet uncancelled;
                                // gather: children done so far
  // A pending future has callbacks and no result; a done one has a result
  // and no callbacks (they were scheduled as it became done): one storage.
  union {
    AwValue result;             // done: the result, or the exception (has_exc)
    struct {                    // pending: the first done callback (cb0 NULL:
      AwObj *cb0, *cb0_ctx;     // none; one that is no object goes to the list)
    };
  };
  AwTuple *extra;               // AW_FX_* values, or NULL while all are unset
  // ---- task part (is_task only) ----
  AwObj *coro;
  AwObj *fut_waiter;            // the future this task waits on (or the
                                // parked Event.wait standing for it,
                                // ncoro.c), or NULL
  AwObj *context;               // contextvars context the task runs in (or NULL)
  AwTuple *created;             // where it was created, as a stack in
                                // aw_gen_capture_stack's form: in asyncio
                                // debug mode the whole stack, else the
                                // innermost script frame (a tuple shared by
                                // the tasks made there, AwLoop.task_site)
  int32_t task_id;              // its number (the n of "Task-n")
  int32_t agens_open;           // async generators it left suspended
                                // (about: see AwGen.ag_task); when it finishes
                                // with some, a collection finalizes dead ones
  struct AwFuture *next_task;   // the loop's tasks (aw_loop_tasks)
} AwFuture;

// The values a future keeps in its extra tuple (unset: None for the cancel
// message, UNDEF for the others).
enum {
  AW_FX_CANCEL_MSG,   // message given to cancel()
  AW_FX_TIMER,        // sleep(): its TimerHandle, cancelled with it
  AW_FX_CREATED_TB,   // a plain future's creation stack in asyncio debug mode
  AW_FX_CHILDREN,     // gather: the child futures, in argument order
  AW_FX_CALLBACKS,    // the done callbacks after the first: (fn, ctx) tuples
  AW_FX_NAME,         // task: the name it was given (unset: "Task-<task_id>")
  AW_FX_ATTRS,        // a dict of attributes a script set on it (as CPython's
                      // futures and tasks allow), made on the first one
  AW_FX_COUNT
};
static inline AwValue aw_future_extra(const AwFuture *f, int i) {
  if (f->extra) return f->extra->items[i];
  return i == AW_FX_CANCEL_MSG ? AW_NONE : AW_UNDEF;
}
// Sets an extra value (false: MemoryError raised).
bool aw_future_set_extra(AwVM *vm, AwFuture *f, int i, AwValue v);
// The dict of attributes scripts set on [f], or NULL (aw_future_attrs_new
// makes it: false with MemoryError raised).
static inline AwDict *aw_future_attrs(const AwFuture *f) {
  return f->extra && AW_IS_DICT(f->extra->items[AW_FX_ATTRS]) ? AW_AS_DICT(f->extra->items[AW_FX_ATTRS]) : NULL;
}
bool aw_future_attrs_new(AwVM *vm, AwFuture *f);
// The list of done callbacks after the first, or NULL.
static inline AwList *aw_future_callbacks(const AwFuture *f) {
  return f->extra && AW_IS_LIST(f->extra->items[AW_FX_CALLBACKS]) ? AW_AS_LIST(f->extra->items[AW_FX_CALLBACKS]) : NULL;
}
// The exception a finished future holds, else None.
static inline AwValue aw_future_exc(const AwFuture *f) { return f->has_exc ? f->result : AW_NONE; }
// The creation stack in debug mode (a tuple), else UNDEF.
static inline AwValue aw_future_created_tb(const AwFuture *f) {
  if (f->is_task) return f->created_debug ? AW_OBJ(f->created) : AW_UNDEF;
  return aw_future_extra(f, AW_FX_CREATED_TB);
}

// Bytes of a plain future (no task part) and of [f].
#define AW_FUTURE_BASE_SIZE offsetof(AwFuture, coro)
static inline size_t aw_future_size(const AwFuture *f) { return f->is_task ? sizeof(AwFuture) : AW_FUTURE_BASE_SIZE; }

// obj.flags bit of a coroutine or future while gather() scans its
// arguments for repeats (set and cleared within one native call).
#define AW_GATHER_MARK 0x8000

// A callback scheduled with call_soon / call_later (cancellable).
typedef struct {
  AwObj obj;
  double when;              // TimerHandle: loop time of the call
  bool cancelled;
  bool is_sleep;            // fires by setting [args] (a future) to [fn]
  AwValue fn;
  AwValue args;             // tuple
  AwValue context;
} AwHandle;

// One entry of the ready queue. Internal work (task steps, wakeups)
// needs no Handle object.
typedef enum {
  AW_READY_HANDLE, AW_READY_STEP, AW_READY_WAKEUP, AW_READY_CALLBACK, AW_READY_GATHER, AW_READY_STOP,
  AW_READY_WAKEUP_WAITER  // (scheduling only) WAKEUP by the task's fut_waiter
} AwReadyKind;
typedef struct {
  AwReadyKind kind;
  AwValue a, b, c;  // HANDLE: handle; STEP: task, exc; WAKEUP: task, fut;
                    // CALLBACK: fn, arg, context; STOP: the future of
                    // run_until_complete, done (the loop stops after this
                    // iteration if it still runs for that future)
} AwReady;

// The ready queue stores entries in machine words, because a million
// suspended tasks released at once are a million entries: a task's step or
// its wakeup by the future it waits on is one word (the task | a code),
// other entries take two words or more (loop.c).

typedef struct {
  double when;
  uint64_t seq;             // FIFO among equal deadlines
  AwValue handle;
} AwTimer;

struct AwLoop {
  uv_loop_t uv;
  uv_timer_t wake;          // wakes uv_run at the next timer deadline
  uv_async_t async;         // wakes the loop from worker threads
  uintptr_t *ready;         // ring buffer of entries (loop.c)
  size_t ready_head, ready_len, ready_cap;  // in words
  AwTimer *timers;          // binary min-heap on (when, seq)
  size_t ntimers, cap_timers;
  uint64_t timer_seq;
  AwTuple *task_site;       // (proto, line) where the last task was made
                            // (shared by the tasks made there)
  AwFuture *tasks;          // tasks, newest first: the pending ones and
                            // those done since the list was last pruned
  AwValue current_task;     // None when no task runs
  AwValue main_task;
  AwValue obj;              // the script-visible loop object (AwLoopObj)
  AwValue exception_handler;
  double virtual_now;       // virtual time: the clock
  double start_time;
  double slow_callback_duration;
  int pending_threads;      // run_in_executor jobs in flight
  unsigned idle_polls;      // iterations that skipped the zero-timeout poll
  bool virtual_time;
  bool virtual_time_request; // asyncio.run(..., virtual_time=True) pending
  bool running;
  bool stopping;            // a STOP entry ran: this iteration is the last
  AwObj *run_future;        // the future run_until_complete waits for
                            // (compared only; rooted by that call)
  bool closed;
  bool debug;
  bool env_debug;           // AW_ASYNCIO_DEBUG / PYTHONASYNCIODEBUG (aw --debug)
  bool main_interrupted;    // Ctrl-C (aw_interrupt) cancelled the main task
  struct AwTaskRecord *records;  // where failed tasks were created, by their
  size_t nrecords, cap_records;  // exception (weak: see aw_loop_gc_sweep)
  void *jobs;               // thread.c: run_in_executor jobs in flight
  bool uv_ready;            // uv loop initialised
  // Async generators (CPython's loop._asyncgens, a weak set): those first
  // iterated while this loop ran and not finalized yet. Weak: a dead one is
  // dropped at the sweep; AwGen.ag_in_loop_set says which entries count.
  AwObj **agens;
  size_t nagens, cap_agens;
  AwValue saved_firstiter, saved_finalizer;  // the hooks before it ran
  AwValue hook_firstiter, hook_finalizer;    // its own, bound to [obj]
};

typedef struct {
  AwObj obj;
  AwLoop *loop;             // NULL once the VM's loop is gone
} AwLoopObj;

// ---- loop.c ----
// The VM's loop, created on first use; NULL with MemoryError.
AwLoop *aw_loop_get(AwVM *vm);
// The loop if one is running, else NULL.
AwLoop *aw_loop_running(AwVM *vm);
double aw_loop_time(AwVM *vm, AwLoop *loop);
// Schedules internal work (never fails silently: false = MemoryError).
bool aw_loop_schedule(AwVM *vm, AwLoop *loop, AwReadyKind kind, AwValue a, AwValue b, AwValue c);
// call_soon / call_later from scripts: returns the Handle.
AwValue aw_loop_call_soon(AwVM *vm, AwLoop *loop, AwValue fn, AwValue args, AwValue context);
AwValue aw_loop_call_at(AwVM *vm, AwLoop *loop, double when, AwValue fn, AwValue args, AwValue context, bool is_sleep);
// Runs the loop until [fut] is done, as CPython's run_until_complete: a
// done callback on [fut] stops the loop at the end of the iteration after
// the one that finished it (the loop object stands for that callback in
// the future's list). Returns false if an exception escaped the loop
// itself (KeyboardInterrupt, SystemExit, internal errors).
bool aw_loop_run_until_complete(AwVM *vm, AwLoop *loop, AwFuture *fut);
// Runs one iteration: poll with [timeout_ms] (-1: until something is due).
bool aw_loop_run_once(AwVM *vm, AwLoop *loop, int timeout_ms);
// Starts or stops running: sets loop->running and, like CPython's
// run_forever, installs the loop's asyncgen hooks (firstiter and
// finalizer, bound to the loop object) while it runs, then puts back the
// ones it found. False (MemoryError) if the hooks cannot be made.
bool aw_loop_set_running(AwVM *vm, AwLoop *loop, bool running);
// The loop's weak set of async generators: add (the firstiter hook),
// discard (the finalizer hook), and take: every live member in a list,
// leaving the set empty (shutdown_asyncgens).
bool aw_loop_agen_add(AwVM *vm, AwLoop *loop, struct AwGen *g);
void aw_loop_agen_discard(AwLoop *loop, struct AwGen *g);
AwValue aw_loop_agen_take(AwVM *vm, AwLoop *loop);
void aw_loop_gc_mark(AwVM *vm);
// After marking: forgets the task records of exceptions that died (they are
// weak references); gc.c calls it before the sweep.
void aw_loop_gc_sweep(AwVM *vm);
// Records that task [name], created at [stack], failed with [exc] whose own
// frames start at traceback entry [entry] (aw_task_created_section). Never
// fails (without memory nothing is recorded).
void aw_loop_record_failure(AwVM *vm, AwValue exc, AwValue entry, AwValue name, AwValue stack);
// The record of [exc] at [entry]: true with *name and *stack set.
bool aw_loop_find_failure(AwVM *vm, AwValue exc, AwValue entry, AwValue *name, AwValue *stack);
void aw_loop_free(AwVM *vm);
// Reports an error like CPython's loop.call_exception_handler(context):
// the context has message, exception (unless UNDEF), [key]: [value]
// (unless key is NULL) and, in debug mode, source_traceback (a creation
// stack, unless UNDEF). The loop's handler gets it, else CPython's default
// handler's text goes to stderr. Never raises. [loop] may be NULL.
void aw_loop_report(AwVM *vm, AwLoop *loop, const char *message, AwValue exc, const char *key, AwValue value,
                    AwValue source_tb);
bool aw_loop_init_classes(AwVM *vm);
// The first of the loop's pending tasks (all_tasks), linked by next_task,
// newest first. A task that is done leaves the list only here (so a task
// costs one link, not two).
AwFuture *aw_loop_tasks(AwLoop *loop);

// ---- future.c / task.c ----
AwFuture *aw_future_new(AwVM *vm, AwLoop *loop);
bool aw_future_set_result(AwVM *vm, AwFuture *f, AwValue v);
bool aw_future_set_exception(AwVM *vm, AwFuture *f, AwValue exc);
bool aw_future_cancel(AwVM *vm, AwFuture *f, AwValue msg);
bool aw_future_add_callback(AwVM *vm, AwFuture *f, AwValue fn, AwValue ctx);
// Removes the done callbacks that are [fn] itself (identity: no code runs).
void aw_future_remove_callback_is(AwFuture *f, AwValue fn);
// The CancelledError to raise for a cancelled future (3.11 semantics).
AwValue aw_future_cancelled_error(AwVM *vm, AwFuture *f);
// The value `await fut` produces once done (raises its exception).
AwValue aw_future_await_result(AwVM *vm, AwFuture *f);
// Creates a task running [coro] (scheduled at once). NULL on error.
AwFuture *aw_task_new(AwVM *vm, AwLoop *loop, AwValue coro, AwValue name, AwValue context);
bool aw_task_step(AwVM *vm, AwFuture *task, AwValue exc);
bool aw_task_wakeup(AwVM *vm, AwFuture *task, AwObj *fut);
bool aw_task_cancel(AwVM *vm, AwFuture *task, AwValue msg);
// cancel() of any future kind (task, gather, plain).
bool aw_future_cancel_any(AwVM *vm, AwFuture *f, AwValue msg);
bool aw_future_init_classes(AwVM *vm);
void aw_future_trace(AwVM *vm, AwFuture *f);
void aw_handle_trace(AwVM *vm, AwHandle *h);
// The task's name as a str ("Task-3" is made on first use).
AwValue aw_task_name(AwVM *vm, AwFuture *t);
// Finalizer of futures and tasks (the GC's finalization queue): true for
// one that failed and whose exception nobody retrieved; report logs "Task
// exception was never retrieved" (or Future) through the loop's exception
// handler and clears the condition.
bool aw_future_needs_finalizer(AwFuture *f);
void aw_future_report_unretrieved(AwVM *vm, AwFuture *f);
// (future_repr.c) Appends reprlib.repr([result]), as a future's repr shows
// its result, and " cb=[...]" for [f]'s done callbacks (nothing if none).
bool aw_future_buf_result(AwVM *vm, AwBuf *b, AwValue result);
bool aw_future_buf_callbacks(AwVM *vm, AwBuf *b, AwFuture *f);
// Appends callback [fn] called with the tuple [args] (UNDEF: none) as
// CPython shows it: "qualname(args)", plus " at file:line" for a script
// function.
bool aw_future_buf_callback(AwVM *vm, AwBuf *b, AwValue fn, AwValue args);

// ---- thread.c ----
AwValue aw_threads_submit(AwVM *vm, AwLoop *loop, AwValue fn, AwValue args, AwValue kwargs);
bool aw_threads_finish_jobs(AwVM *vm, AwLoop *loop);
void aw_threads_gc_mark(AwVM *vm);
void aw_threads_free(AwVM *vm);

// ---- stdlib/asyncio.c ----
// asyncio.run(coro): runs [coro] as the main task of the loop, in debug
// mode if [debug] or the environment asks for it (AW_ASYNCIO_DEBUG,
// PYTHONASYNCIODEBUG, aw --debug).
AwValue aw_asyncio_run(AwVM *vm, AwValue coro, bool debug);
bool aw_gather_child_done(AwVM *vm, AwFuture *outer, AwFuture *child);
// True if [fn] is an event loop's _asyncgen_firstiter_hook (bound): it
// keeps the generator in the loop's weak set only.
bool aw_loop_is_firstiter_hook(AwVM *vm, AwValue fn);
bool aw_gather_cancel(AwVM *vm, AwFuture *outer, AwValue msg);
AwModule *aw_open_asyncio(AwVM *vm);

// ---- stdlib/contextvars.c ----
// A copy of the current context (for a callback, a host's task).
AwValue aw_context_copy(AwVM *vm);
// The context a new task runs in: a copy of the current one, which it may
// share with other tasks until one of them writes (contextvars.c).
AwValue aw_context_for_task(AwVM *vm);
// [ctx] as a script may hold it: a shared task context becomes a private
// copy first (the caller then gives that copy to the task).
AwValue aw_context_expose(AwVM *vm, AwValue ctx);

// asyncio.CancelledError
#define AW_CANCELLED(vm) AW_EXCCLS(vm, CancelledError)

#endif

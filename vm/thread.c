// vm/thread.c -- running script functions on libuv's thread pool
// (asyncio.to_thread, loop.run_in_executor) under one interpreter lock per
// VM. The lock is released around blocking natives (time.sleep, file I/O)
// and while the loop polls, so blocking calls in threads overlap. Each
// thread has its own execution state (frames, pending exception, temp
// roots); taking the lock swaps it into the VM.
#include <string.h>
#include "vm/loop.h"

// The execution state of one thread while it does not hold the lock.
typedef struct AwThreadState {
  struct AwThreadState *next;
  AwFrame *frame;
  AwStackSeg *seg;
  char *stack_top;
  int depth, c_depth;
  AwValue exc, handling, context;
  AwValue agen_firstiter, agen_finalizer;  // sys.set_asyncgen_hooks: per thread
  bool exc_reraise;
  AwValue *temp_roots;       // this thread's own root stack
  int n_temp_roots, cap_temp_roots;
} AwThreadState;

typedef struct AwThreads {
  uv_mutex_t gil;
  uv_key_t current;          // this OS thread's AwThreadState
  AwThreadState main_state;  // the thread that created the VM
  AwThreadState *states;     // every thread state (for the GC)
} AwThreads;

// One run_in_executor job.
typedef struct AwJob {
  uv_work_t req;
  AwVM *vm;
  AwValue fn, args, kwargs;  // rooted through the job list
  AwValue result, error;
  AwValue future;
  struct AwJob *next, *prev;
  AwThreadState state;
  bool done;
} AwJob;

static void save_state(AwVM *vm, AwThreadState *s) {
  s->frame = vm->frame;
  s->seg = vm->seg;
  s->stack_top = vm->stack_top;
  s->depth = vm->depth;
  s->c_depth = vm->c_depth;
  s->exc = vm->exc;
  s->handling = vm->handling;
  s->context = vm->context;
  s->agen_firstiter = vm->agen_firstiter;
  s->agen_finalizer = vm->agen_finalizer;
  s->exc_reraise = vm->exc_reraise;
  s->temp_roots = vm->temp_roots;
  s->n_temp_roots = vm->n_temp_roots;
  s->cap_temp_roots = vm->cap_temp_roots;
}

static void load_state(AwVM *vm, AwThreadState *s) {
  vm->frame = s->frame;
  vm->seg = s->seg;
  vm->stack_top = s->stack_top;
  vm->depth = s->depth;
  vm->c_depth = s->c_depth;
  vm->exc = s->exc;
  vm->handling = s->handling;
  vm->context = s->context;
  vm->agen_firstiter = s->agen_firstiter;
  vm->agen_finalizer = s->agen_finalizer;
  vm->exc_reraise = s->exc_reraise;
  vm->temp_roots = s->temp_roots;
  vm->n_temp_roots = s->n_temp_roots;
  vm->cap_temp_roots = s->cap_temp_roots;
}

static AwThreads *threads_get(AwVM *vm) {
  if (vm->threads) return vm->threads;
  AwThreads *t = aw_mem_alloc(vm, sizeof(AwThreads));
  if (!t) return NULL;
  memset(t, 0, sizeof *t);
  if (uv_mutex_init(&t->gil) != 0 || uv_key_create(&t->current) != 0) {
    aw_mem_free(vm, t, sizeof(AwThreads));
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot create the interpreter lock");
    return NULL;
  }
  t->states = &t->main_state;
  uv_key_set(&t->current, &t->main_state);
  uv_mutex_lock(&t->gil);  // the creating thread holds the lock
  vm->threads = t;
  return t;
}

void aw_gil_release(AwVM *vm) {
  AwThreads *t = vm->threads;
  if (!t) return;
  AwThreadState *s = uv_key_get(&t->current);
  save_state(vm, s);
  uv_mutex_unlock(&t->gil);
}

void aw_gil_acquire(AwVM *vm) {
  AwThreads *t = vm->threads;
  if (!t) return;
  uv_mutex_lock(&t->gil);
  load_state(vm, uv_key_get(&t->current));
}

// ---- jobs --------------------------------------------------------------------

static void job_work(uv_work_t *req) {
  AwJob *job = req->data;
  AwVM *vm = job->vm;
  AwThreads *t = vm->threads;
  uv_key_set(&t->current, &job->state);
  uv_mutex_lock(&t->gil);
  // This thread starts with no frames and its own stack segments.
  AwThreadState *outer = NULL;
  (void)outer;
  load_state(vm, &job->state);
  AwValue r;
  if (AW_IS_DICT(job->kwargs) && AW_AS_DICT(job->kwargs)->len > 0)
    r = aw_call_ex(vm, job->fn, job->args, job->kwargs);
  else
    r = aw_call(vm, job->fn, (int)AW_AS_TUPLE(job->args)->len, AW_AS_TUPLE(job->args)->items, NULL);
  if (AW_IS_EXC(r)) job->error = aw_exc_take(vm);
  else job->result = r;
  save_state(vm, &job->state);
  uv_mutex_unlock(&t->gil);
}

// Runs on the loop thread inside uv_run, without the lock: only marks the
// job; the loop finishes it once it holds the lock again.
static void job_after(uv_work_t *req, int status) {
  (void)status;
  AwJob *job = req->data;
  job->done = true;
}

static void free_job_stack(AwVM *vm, AwThreadState *s) {
  if (s->temp_roots) vm->alloc(vm->alloc_ud, s->temp_roots, sizeof(AwValue) * (size_t)s->cap_temp_roots, 0);
  s->temp_roots = NULL;
  AwStackSeg *seg = s->seg;
  while (seg && seg->prev) seg = seg->prev;
  while (seg) {
    AwStackSeg *next = seg->next;
    aw_mem_free(vm, seg, sizeof(AwStackSeg) + (size_t)(seg->end - seg->base) + 16);
    seg = next;
  }
}

static void unlink_state(AwThreads *t, AwThreadState *s) {
  for (AwThreadState **p = &t->states; *p; p = &(*p)->next)
    if (*p == s) {
      *p = s->next;
      return;
    }
}

// Completes finished jobs: sets their futures. Called by the loop with the
// lock held.
bool aw_threads_finish_jobs(AwVM *vm, AwLoop *loop) {
  AwJob **link = (AwJob **)&loop->jobs;
  while (*link) {
    AwJob *job = *link;
    if (!job->done) {
      link = &job->next;
      continue;
    }
    *link = job->next;
    loop->pending_threads--;
    unlink_state(vm->threads, &job->state);
    free_job_stack(vm, &job->state);
    AwFuture *f = (AwFuture *)AW_AS_OBJ(job->future);
    AwValue result = job->result, error = job->error;
    aw_mem_free(vm, job, sizeof(AwJob));
    if (f->state != AW_FUT_PENDING) continue;  // cancelled meanwhile
    bool ok = AW_IS_UNDEF(error) ? aw_future_set_result(vm, f, result) : aw_future_set_exception(vm, f, error);
    if (!ok) return false;
  }
  return true;
}

AwValue aw_threads_submit(AwVM *vm, AwLoop *loop, AwValue fn, AwValue args, AwValue kwargs) {
  // An embedding sandbox may forbid threads.
  if (!aw_api_allowed(vm, AW_CAP_THREADS, "asyncio.to_thread()")) return AW_EXC;
  AwThreads *t = threads_get(vm);
  if (!t) return AW_EXC;
  // The call runs in a copy of the caller's context (to_thread's
  // copy_context()): what it sets stays in the thread.
  AwValue ctx = aw_context_copy(vm);
  if (AW_IS_EXC(ctx)) return AW_EXC;
  AwFuture *f = aw_future_new(vm, loop);
  if (!f) return AW_EXC;
  AwJob *job = aw_mem_alloc(vm, sizeof(AwJob));
  if (!job) return AW_EXC;
  memset(job, 0, sizeof *job);
  job->vm = vm;
  job->fn = fn;
  job->args = args;
  job->kwargs = kwargs;
  job->result = job->error = AW_UNDEF;
  job->future = AW_OBJ(f);
  job->state.exc = job->state.handling = AW_UNDEF;
  job->state.context = ctx;
  job->state.next = t->states;
  t->states = &job->state;
  job->req.data = job;
  job->next = loop->jobs;
  loop->jobs = job;
  loop->pending_threads++;
  if (uv_queue_work(&loop->uv, &job->req, job_work, job_after) != 0) {
    loop->jobs = job->next;
    loop->pending_threads--;
    unlink_state(t, &job->state);
    aw_mem_free(vm, job, sizeof(AwJob));
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot start a worker thread");
  }
  return AW_OBJ(f);
}

static void mark_state(AwVM *vm, AwThreadState *s) {
  aw_gc_mark_value(vm, s->exc);
  aw_gc_mark_value(vm, s->handling);
  aw_gc_mark_value(vm, s->context);
  aw_gc_mark_value(vm, s->agen_firstiter);
  aw_gc_mark_value(vm, s->agen_finalizer);
  for (int i = 0; i < s->n_temp_roots; i++) aw_gc_mark_value(vm, s->temp_roots[i]);
  for (AwFrame *f = s->frame; f; f = f->caller ? f->caller : f->c_prev) aw_frame_trace(vm, f);
}

// Marks the threads that are not running now, and the jobs' values.
void aw_threads_gc_mark(AwVM *vm) {
  AwThreads *t = vm->threads;
  if (!t) return;
  AwThreadState *me = uv_key_get(&t->current);
  for (AwThreadState *s = t->states; s; s = s->next)
    if (s != me) mark_state(vm, s);
  for (AwJob *job = vm->loop ? vm->loop->jobs : NULL; job; job = job->next) {
    aw_gc_mark_value(vm, job->fn);
    aw_gc_mark_value(vm, job->args);
    aw_gc_mark_value(vm, job->kwargs);
    aw_gc_mark_value(vm, job->result);
    aw_gc_mark_value(vm, job->error);
    aw_gc_mark_value(vm, job->future);
  }
}

void aw_threads_free(AwVM *vm) {
  AwThreads *t = vm->threads;
  if (!t) return;
  uv_mutex_unlock(&t->gil);
  uv_mutex_destroy(&t->gil);
  uv_key_delete(&t->current);
  aw_mem_free(vm, t, sizeof(AwThreads));
  vm->threads = NULL;
}

// vm/gc.c -- precise stop-the-world mark & sweep. Collections run only at
// interpreter safepoints (see vm.h), so every live value is reachable from
// the roots listed in mark_roots(): that function is the whole contract.
// The intern table is weak: strings only it references are dropped.
// Objects that owe a report when they die (never-awaited coroutines,
// unretrieved exceptions) or a finalizer (unfinished async generators) go
// through the finalization queue: a collection resurrects and queues them,
// and reports or finalizes them once it is over.
#include <stdlib.h>
#include <string.h>
#include "vm/loop.h"

#define GC_MIN_BYTES (1024 * 1024)
#define GC_BIG_HEAP (64u * 1024 * 1024)

// One queued object; [at_exit]: still reachable at VM teardown.
typedef struct AwFinEntry {
  AwObj *obj;
  bool at_exit;
} AwFinEntry;

// The mark stack stays small however big the heap: a list of a million
// tasks or a million ready wakeups would otherwise put them all on it at
// once (8 bytes each, at the memory peak). Big arrays are queued as ranges
// marked GRAY_CHUNK items at a time, and once GRAY_SOFT_MAX objects wait,
// marking stops to trace them (drain).
#define GRAY_CHUNK 256
#define GRAY_SOFT_MAX 4096

typedef struct AwGrayRange {
  AwValue *items;
  int64_t n;
} AwGrayRange;

static void *gray_grow(AwVM *vm, void *p, size_t *cap, size_t item) {
  size_t ncap = *cap ? *cap * 2 : 256;
  // The gray stacks use the host allocator directly: they must not fail
  // into MemoryError halfway through a mark, nor count against the cap.
  void *g = vm->alloc(vm->alloc_ud, p, *cap * item, ncap * item);
  if (!g) {
    fprintf(stderr, "aw: fatal: out of memory during garbage collection\n");
    abort();
  }
  *cap = ncap;
  return g;
}

static void trace_object(AwVM *vm, AwObj *o);

// Traces everything gray: objects, then range chunks, until none is left.
static void drain(AwVM *vm) {
  bool was = vm->gray_draining;
  vm->gray_draining = true;
  for (;;) {
    while (vm->gray_len > 0) trace_object(vm, vm->gray[--vm->gray_len]);
    if (!vm->gray_nranges) break;
    AwGrayRange *r = &vm->gray_ranges[vm->gray_nranges - 1];
    int64_t k = r->n < GRAY_CHUNK ? r->n : GRAY_CHUNK;
    AwValue *p = r->items;
    r->items += k;
    r->n -= k;
    if (!r->n) vm->gray_nranges--;
    for (int64_t i = 0; i < k; i++) aw_gc_mark_value(vm, p[i]);
  }
  vm->gray_draining = was;
}

void aw_gc_mark_obj(AwVM *vm, AwObj *o) {
  if (!o || o->marked) return;
  o->marked = 1;
  // Strings, bytes and ranges reference nothing but their class: once that
  // is marked (built-in classes are roots, marked first) there is nothing
  // to trace, so they skip the gray stack.
  if ((o->kind == AW_OBJ_STR || o->kind == AW_OBJ_BYTES || o->kind == AW_OBJ_RANGE) && aw_obj_class(vm, o)->obj.marked) return;
  if (vm->gray_len == vm->gray_cap) vm->gray = gray_grow(vm, vm->gray, &vm->gray_cap, sizeof(AwObj *));
  vm->gray[vm->gray_len++] = o;
  if (vm->gray_len >= GRAY_SOFT_MAX && !vm->gray_draining) drain(vm);
}

void aw_gc_mark_value(AwVM *vm, AwValue v) {
  if (AW_IS_OBJ(v)) aw_gc_mark_obj(vm, AW_AS_OBJ(v));
}

static void mark_values(AwVM *vm, AwValue *v, int64_t n) {
  if (n > GRAY_CHUNK) {
    if (vm->gray_nranges == vm->gray_cap_ranges)
      vm->gray_ranges = gray_grow(vm, vm->gray_ranges, &vm->gray_cap_ranges, sizeof(AwGrayRange));
    vm->gray_ranges[vm->gray_nranges++] = (AwGrayRange){v, n};
    return;
  }
  for (int64_t i = 0; i < n; i++) aw_gc_mark_value(vm, v[i]);
}

static void mark_dict(AwVM *vm, AwDict *d) {
  if (d) aw_gc_mark_obj(vm, &d->obj);
}

// Every root, one line each.
static void mark_roots(AwVM *vm) {
  for (int i = 0; i < AW_CLS__COUNT; i++)        // built-in classes
    if (vm->cls[i]) aw_gc_mark_obj(vm, &vm->cls[i]->obj);
  for (int i = 0; i < AW_EXC__COUNT; i++)        // exception classes
    if (vm->exc_cls[i]) aw_gc_mark_obj(vm, &vm->exc_cls[i]->obj);
  mark_values(vm, vm->names, AW_NAME__COUNT);     // interned well-known names
  mark_values(vm, vm->small_strs, 128);           // one-character strings
  aw_gc_mark_value(vm, vm->not_implemented);      // singletons
  aw_gc_mark_value(vm, vm->ellipsis);
  aw_gc_mark_value(vm, vm->empty_tuple);
  aw_gc_mark_value(vm, vm->empty_str);
  aw_gc_mark_value(vm, vm->memory_error);
  if (vm->strings) vm->strings->obj.marked = 1;   // intern table: weak, so
                                                  // the table lives but its
                                                  // keys are not traced
  mark_dict(vm, vm->builtins);                    // builtins module
  mark_dict(vm, vm->modules);                     // sys.modules
  aw_gc_mark_value(vm, vm->main_module);
  aw_gc_mark_value(vm, vm->sys_path);
  aw_gc_mark_value(vm, vm->argv);
  aw_gc_mark_value(vm, vm->exc);                  // pending exception
  aw_gc_mark_value(vm, vm->exc_kept);
  aw_gc_mark_value(vm, vm->handling);             // exception being handled
  aw_gc_mark_value(vm, vm->repr_stack);
  mark_values(vm, vm->temp_roots, vm->n_temp_roots);  // C temporaries
  for (AwFrame *f = vm->frame; f; f = f->caller ? f->caller : f->c_prev)  // running frames
    aw_frame_trace(vm, f);
  aw_gc_mark_value(vm, vm->context);              // current contextvars context
  aw_gc_mark_value(vm, vm->agen_firstiter);       // this thread's asyncgen hooks
  aw_gc_mark_value(vm, vm->agen_finalizer);
  aw_gc_mark_value(vm, vm->agen_hooks_type);
  if (vm->task_context) {                         // the context tasks share
    aw_gc_mark_obj(vm, vm->task_context_src);
    aw_gc_mark_obj(vm, vm->task_context);
  }
  aw_loop_gc_mark(vm);                            // the loop, its tasks, threads
  aw_api_gc_mark(vm);                             // embedding: slots, host refs
  for (size_t i = 0; i < vm->fin_len; i++)        // finalization queue
    aw_gc_mark_obj(vm, vm->fin[i].obj);
}

static void trace_object(AwVM *vm, AwObj *o) {
  aw_gc_mark_obj(vm, &aw_obj_class(vm, o)->obj);
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_STR:
    case AW_OBJ_BYTES:
    case AW_OBJ_RANGE:
      break;
    case AW_OBJ_TUPLE: {
      AwTuple *t = (AwTuple *)o;
      mark_values(vm, t->items, t->len);
      break;
    }
    case AW_OBJ_LIST: {
      AwList *l = (AwList *)o;
      mark_values(vm, l->items, l->len);
      break;
    }
    case AW_OBJ_DICT:
    case AW_OBJ_SET: {
      AwDict *d = (AwDict *)o;
      for (int64_t i = 0; i < d->used; i++) {
        aw_gc_mark_value(vm, d->entries[i].key);
        aw_gc_mark_value(vm, d->entries[i].value);
      }
      break;
    }
    case AW_OBJ_SLICE: {
      AwSlice *s = (AwSlice *)o;
      aw_gc_mark_value(vm, s->start);
      aw_gc_mark_value(vm, s->stop);
      aw_gc_mark_value(vm, s->step);
      break;
    }
    case AW_OBJ_PROTO:
      aw_proto_trace(vm, (AwProto *)o);
      break;
    case AW_OBJ_FUNCTION: {
      AwFunction *f = (AwFunction *)o;
      aw_gc_mark_obj(vm, &f->proto->obj);
      mark_dict(vm, f->globals);
      if (f->defaults) aw_gc_mark_obj(vm, &f->defaults->obj);
      mark_dict(vm, f->kwdefaults);
      if (f->closure) aw_gc_mark_obj(vm, &f->closure->obj);
      mark_dict(vm, f->attrs);
      aw_gc_mark_value(vm, f->name);
      aw_gc_mark_value(vm, f->qualname);
      aw_gc_mark_value(vm, f->doc);
      aw_gc_mark_value(vm, f->module);
      break;
    }
    case AW_OBJ_NATIVE: {
      AwNative *n = (AwNative *)o;
      aw_gc_mark_value(vm, n->self);
      aw_gc_mark_value(vm, n->data);
      break;
    }
    case AW_OBJ_BOUND: {
      AwBound *b = (AwBound *)o;
      aw_gc_mark_value(vm, b->self);
      aw_gc_mark_value(vm, b->func);
      break;
    }
    case AW_OBJ_CELL:
      aw_gc_mark_value(vm, ((AwCell *)o)->value);
      break;
    case AW_OBJ_CLASS: {
      AwClass *c = (AwClass *)o;
      aw_gc_mark_value(vm, c->name);
      aw_gc_mark_value(vm, c->qualname);
      aw_gc_mark_value(vm, c->module);
      if (c->dotted_name) aw_gc_mark_obj(vm, &c->dotted_name->obj);
      if (c->base) aw_gc_mark_obj(vm, &c->base->obj);
      mark_dict(vm, c->dict);
      break;
    }
    case AW_OBJ_INSTANCE:
      mark_dict(vm, ((AwInstance *)o)->dict);
      break;
    case AW_OBJ_EXCEPTION: {
      AwException *e = (AwException *)o;
      mark_dict(vm, e->base.dict);
      aw_gc_mark_value(vm, e->args);
      aw_gc_mark_value(vm, e->traceback);
      aw_gc_mark_value(vm, e->cause);
      aw_gc_mark_value(vm, e->context);
      aw_gc_mark_value(vm, e->notes);
      break;
    }
    case AW_OBJ_MODULE: {
      AwModule *m = (AwModule *)o;
      aw_gc_mark_value(vm, m->name);
      mark_dict(vm, m->dict);
      aw_gc_mark_value(vm, m->path);
      break;
    }
    case AW_OBJ_GENERATOR:
      aw_gen_trace(vm, (AwGen *)o);
      break;
    case AW_OBJ_NCORO:
      aw_ncoro_trace(vm, (AwNCoro *)o);
      break;
    case AW_OBJ_ITER: {
      AwIter *it = (AwIter *)o;
      aw_gc_mark_value(vm, it->a);
      aw_gc_mark_value(vm, it->b);
      aw_gc_mark_value(vm, it->c);
      break;
    }
    case AW_OBJ_PROPERTY: {
      AwProperty *p = (AwProperty *)o;
      aw_gc_mark_value(vm, p->fget);
      aw_gc_mark_value(vm, p->fset);
      aw_gc_mark_value(vm, p->fdel);
      aw_gc_mark_value(vm, p->doc);
      break;
    }
    case AW_OBJ_WRAPPER: {
      AwWrapper *w = (AwWrapper *)o;
      aw_gc_mark_value(vm, w->value);
      aw_gc_mark_value(vm, w->self);
      break;
    }
    case AW_OBJ_FRAMEREF:
      aw_frameref_trace(vm, o);
      break;
    case AW_OBJ_FILE: {
      AwFile *f = (AwFile *)o;
      aw_gc_mark_value(vm, f->name);
      aw_gc_mark_value(vm, f->mode);
      break;
    }
    case AW_OBJ_NATIVEDATA:
      break;
    case AW_OBJ_FUTURE:
      aw_future_trace(vm, (AwFuture *)o);
      break;
    case AW_OBJ_LOOP:
      break;
    case AW_OBJ_HANDLE:
      aw_handle_trace(vm, (AwHandle *)o);
      break;
    case AW_OBJ__COUNT:
      break;
  }
}

// Frees one object and everything it owns; returns nothing: all sizes are
// derived from the object so the byte count stays exact.
static void free_object(AwVM *vm, AwObj *o) {
  size_t size = 0;
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_STR: size = sizeof(AwStr) + (size_t)((AwStr *)o)->nbytes + 1; break;
    case AW_OBJ_BYTES: size = sizeof(AwBytes) + (size_t)((AwBytes *)o)->len + 1; break;
    case AW_OBJ_TUPLE: size = sizeof(AwTuple) + (size_t)((AwTuple *)o)->len * sizeof(AwValue); break;
    case AW_OBJ_LIST: {
      AwList *l = (AwList *)o;
      aw_mem_free(vm, l->items, (size_t)l->cap * sizeof(AwValue));
      size = sizeof(AwList);
      break;
    }
    case AW_OBJ_DICT:
    case AW_OBJ_SET:
      aw_dict_free_storage(vm, (AwDict *)o);
      size = o->kind == AW_OBJ_SET ? sizeof(AwSet) : sizeof(AwDict);
      break;
    case AW_OBJ_RANGE: size = sizeof(AwRange); break;
    case AW_OBJ_SLICE: size = sizeof(AwSlice); break;
    case AW_OBJ_PROTO:
      aw_proto_free_storage(vm, (AwProto *)o);
      size = sizeof(AwProto);
      break;
    case AW_OBJ_FUNCTION: size = sizeof(AwFunction); break;
    case AW_OBJ_NATIVE: size = sizeof(AwNative); break;
    case AW_OBJ_BOUND: size = sizeof(AwBound); break;
    case AW_OBJ_CELL: size = sizeof(AwCell); break;
    case AW_OBJ_CLASS:
      aw_class_unregister(vm, (AwClass *)o);
      size = sizeof(AwClass);
      break;
    case AW_OBJ_INSTANCE: size = sizeof(AwInstance); break;
    case AW_OBJ_EXCEPTION: size = sizeof(AwException); break;
    case AW_OBJ_MODULE: size = sizeof(AwModule); break;
    case AW_OBJ_GENERATOR:
      aw_gen_free(vm, (AwGen *)o);
      size = aw_gen_size((AwGen *)o);
      break;
    case AW_OBJ_NCORO: size = sizeof(AwNCoro); break;
    case AW_OBJ_ITER: size = sizeof(AwIter); break;
    case AW_OBJ_PROPERTY: size = sizeof(AwProperty); break;
    case AW_OBJ_WRAPPER: size = sizeof(AwWrapper); break;
    case AW_OBJ_FRAMEREF: size = aw_frameref_size(); break;
    case AW_OBJ_FILE:
      // An unclosed file is flushed and closed when collected.
      if (((AwFile *)o)->fp) fclose((FILE *)((AwFile *)o)->fp);
      size = sizeof(AwFile);
      break;
    case AW_OBJ_NATIVEDATA: {
      AwNativeData *d = (AwNativeData *)o;
      if (d->finalize) d->finalize(vm, d->data);
      size = sizeof(AwNativeData);
      break;
    }
    case AW_OBJ_FUTURE: size = aw_future_size((AwFuture *)o); break;
    case AW_OBJ_LOOP: size = sizeof(AwLoopObj); break;
    case AW_OBJ_HANDLE: size = sizeof(AwHandle); break;
    case AW_OBJ__COUNT: break;
  }
  aw_mem_free(vm, o, size);
}

static void sweep(AwVM *vm) {
  AwObj **link = &vm->objects;
  while (*link) {
    AwObj *o = *link;
    if (o->marked) {
      o->marked = 0;
      link = &o->next;
    } else {
      *link = o->next;
      free_object(vm, o);
    }
  }
}

// ---- the finalization queue ------------------------------------------------------

static bool needs_finalizer(AwObj *o) {
  if (o->kind == AW_OBJ_GENERATOR) return aw_gen_needs_finalizer((AwGen *)o);
  if (o->kind == AW_OBJ_NCORO) return aw_ncoro_needs_finalizer((AwNCoro *)o);
  if (o->kind == AW_OBJ_FUTURE) return aw_future_needs_finalizer((AwFuture *)o);
  return false;
}

static void fin_push(AwVM *vm, AwObj *o, bool at_exit) {
  if (vm->fin_len == vm->fin_cap) {
    size_t cap = vm->fin_cap ? vm->fin_cap * 2 : 16;
    // Host memory, like the gray stack: a collection never fails.
    AwFinEntry *q = vm->alloc(vm->alloc_ud, vm->fin, vm->fin_cap * sizeof(AwFinEntry), cap * sizeof(AwFinEntry));
    if (!q) {
      fprintf(stderr, "aw: fatal: out of memory during garbage collection\n");
      abort();
    }
    vm->fin = q;
    vm->fin_cap = cap;
  }
  vm->fin[vm->fin_len++] = (AwFinEntry){o, at_exit};
}

void aw_gc_watch(AwVM *vm, AwObj *o) {
  if (vm->fin_watch_len == vm->fin_watch_cap) {
    size_t cap = vm->fin_watch_cap ? vm->fin_watch_cap * 2 : 64;
    AwObj **w = vm->alloc(vm->alloc_ud, vm->fin_watch, vm->fin_watch_cap * sizeof(AwObj *), cap * sizeof(AwObj *));
    if (!w) return;
    vm->fin_watch = w;
    vm->fin_watch_cap = cap;
  }
  vm->fin_watch[vm->fin_watch_len++] = o;
}

void aw_gc_unwatch(AwVM *vm, AwObj *o) {
  if (vm->fin_watch_len && vm->fin_watch[vm->fin_watch_len - 1] == o) vm->fin_watch_len--;
}

// After marking: every unreachable watched object that owes a report is
// queued and resurrected with everything it references, so the report can
// use them. The watch list keeps only live objects that may still owe one
// (a coroutine once awaited, a future once observed, never do again), so
// it never points at freed memory and stays short.
static void queue_finalizable(AwVM *vm) {
  size_t first = vm->fin_len, kept = 0;
  for (size_t i = 0; i < vm->fin_watch_len; i++) {
    AwObj *o = vm->fin_watch[i];
    if (!needs_finalizer(o)) {
      // A plain generator may owe a close again later: watched anew then.
      if (o->kind == AW_OBJ_GENERATOR) ((AwGen *)o)->ag_watched = false;
      continue;
    }
    if (o->marked) vm->fin_watch[kept++] = o;
    else fin_push(vm, o, false);
  }
  vm->fin_watch_len = kept;
  for (size_t i = first; i < vm->fin_len; i++) aw_gc_mark_obj(vm, vm->fin[i].obj);
  drain(vm);
}

static void report(AwVM *vm, AwFinEntry e) {
  if (e.obj->kind == AW_OBJ_GENERATOR && ((AwGen *)e.obj)->gkind != AW_GENKIND_COROUTINE)
    aw_gen_finalize(vm, (AwGen *)e.obj);
  else if (e.obj->kind == AW_OBJ_GENERATOR) aw_gen_report_unawaited(vm, (AwGen *)e.obj, e.at_exit);
  else if (e.obj->kind == AW_OBJ_NCORO) aw_ncoro_report_unawaited(vm, (AwNCoro *)e.obj, e.at_exit);
  else if (e.obj->kind == AW_OBJ_FUTURE) aw_future_report_unretrieved(vm, (AwFuture *)e.obj);
}

// Makes the queued reports, oldest first, then empties the queue. Reports
// run code (reprs, the loop's exception handler), so this runs only where
// a collection may: at a safepoint, after the collection. Collections they
// trigger may queue more, which this same call reports.
static void run_finalizers(AwVM *vm) {
  if (vm->fin_running || vm->fin_len == 0) return;
  vm->fin_running = true;
  AwValue saved_exc = vm->exc, saved_handling = vm->handling;
  aw_push_root(vm, saved_exc);
  aw_push_root(vm, saved_handling);
  vm->exc = AW_UNDEF;
  for (size_t i = 0; i < vm->fin_len; i++) {
    report(vm, vm->fin[i]);
    if (!AW_IS_UNDEF(vm->exc)) {
      // A report never raises; a Ctrl-C that hit its code is kept for later.
      AwValue e = aw_exc_take(vm);
      if (AW_IS_EXCEPTION(e) && aw_isinstance(vm, e, AW_EXCCLS(vm, KeyboardInterrupt)))
        vm->interrupt |= AW_INTERRUPT_SIGINT;
    }
  }
  vm->fin_len = 0;
  vm->exc = saved_exc;
  vm->handling = saved_handling;
  aw_pop_root(vm);
  aw_pop_root(vm);
  vm->fin_running = false;
}

// How far the heap may grow before the next collection. A small heap may
// double: collections stay rare while a program builds its data. Past
// GC_BIG_HEAP the garbage allowed is half the live heap (at least
// GC_BIG_HEAP): every byte of slack is a fresh page the kernel must zero,
// which cost more than the extra marking on the string and dict benchmarks.
static size_t next_collection_at(size_t live) {
  size_t slack = live < GC_BIG_HEAP ? live : live / 2 > GC_BIG_HEAP ? live / 2 : GC_BIG_HEAP;
  return live + slack < GC_MIN_BYTES ? GC_MIN_BYTES : live + slack;
}

void aw_gc_collect(AwVM *vm) {
  if (vm->in_gc) return;
  vm->in_gc = true;
  vm->gc_requested = false;
  memset(vm->spare_coros, 0, sizeof vm->spare_coros);  // garbage: swept below
  mark_roots(vm);
  drain(vm);
  queue_finalizable(vm);
  aw_loop_gc_sweep(vm);                           // weak: failed-task records
  aw_str_sweep_interned(vm);
  sweep(vm);
  vm->next_gc = next_collection_at(vm->bytes_allocated);
  vm->in_gc = false;
  run_finalizers(vm);
}

void aw_gc_collect_and_report(AwVM *vm) {
  // Collect only if something could owe a report.
  for (size_t i = 0; i < vm->fin_watch_len; i++)
    if (needs_finalizer(vm->fin_watch[i])) {
      aw_gc_collect(vm);
      return;
    }
}

void aw_gc_finalize_at_exit(AwVM *vm) {
  // A VM whose bootstrap failed has nothing to report.
  if (!vm->modules || vm->in_gc || vm->fin_running) return;
  aw_gc_collect(vm);
  for (size_t i = 0; i < vm->fin_watch_len; i++)
    if (needs_finalizer(vm->fin_watch[i])) fin_push(vm, vm->fin_watch[i], true);
  vm->fin_watch_len = 0;
  run_finalizers(vm);
}

// Frees every object (VM teardown).
void aw_gc_free_all(AwVM *vm) {
  AwObj *o = vm->objects;
  while (o) {
    AwObj *next = o->next;
    free_object(vm, o);
    o = next;
  }
  vm->objects = NULL;
  if (vm->gray) vm->alloc(vm->alloc_ud, vm->gray, vm->gray_cap * sizeof(AwObj *), 0);
  vm->gray = NULL;
  vm->gray_cap = vm->gray_len = 0;
  if (vm->gray_ranges) vm->alloc(vm->alloc_ud, vm->gray_ranges, vm->gray_cap_ranges * sizeof(AwGrayRange), 0);
  vm->gray_ranges = NULL;
  vm->gray_cap_ranges = vm->gray_nranges = 0;
  if (vm->fin) vm->alloc(vm->alloc_ud, vm->fin, vm->fin_cap * sizeof(AwFinEntry), 0);
  vm->fin = NULL;
  vm->fin_cap = vm->fin_len = 0;
  if (vm->fin_watch) vm->alloc(vm->alloc_ud, vm->fin_watch, vm->fin_watch_cap * sizeof(AwObj *), 0);
  vm->fin_watch = NULL;
  vm->fin_watch_cap = vm->fin_watch_len = 0;
}

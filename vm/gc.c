// vm/gc.c -- precise stop-the-world mark & sweep. Collections run only at
// interpreter safepoints (see vm.h), so every live value is reachable from
// the roots listed in mark_roots(): that function is the whole contract.
// The intern table is weak: strings only it references are dropped.
#include <stdlib.h>
#include <string.h>
#include "vm/loop.h"

#define GC_MIN_BYTES (1024 * 1024)

void aw_gc_mark_obj(AwVM *vm, AwObj *o) {
  if (!o || o->marked) return;
  o->marked = 1;
  if (vm->gray_len == vm->gray_cap) {
    size_t cap = vm->gray_cap ? vm->gray_cap * 2 : 256;
    // The gray stack uses the host allocator directly: it must not fail
    // into MemoryError halfway through a mark, nor count against the cap.
    AwObj **g = vm->alloc(vm->alloc_ud, vm->gray, vm->gray_cap * sizeof(AwObj *), cap * sizeof(AwObj *));
    if (!g) {
      fprintf(stderr, "aw: fatal: out of memory during garbage collection\n");
      abort();
    }
    vm->gray = g;
    vm->gray_cap = cap;
  }
  vm->gray[vm->gray_len++] = o;
}

void aw_gc_mark_value(AwVM *vm, AwValue v) {
  if (AW_IS_OBJ(v)) aw_gc_mark_obj(vm, AW_AS_OBJ(v));
}

static void mark_values(AwVM *vm, AwValue *v, int64_t n) {
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
  aw_gc_mark_value(vm, vm->handling);             // exception being handled
  aw_gc_mark_value(vm, vm->repr_stack);
  mark_values(vm, vm->temp_roots, vm->n_temp_roots);  // C temporaries
  for (AwFrame *f = vm->frame; f; f = f->caller ? f->caller : f->c_prev)  // running frames
    aw_frame_trace(vm, f);
  aw_gc_mark_value(vm, vm->context);              // current contextvars context
  aw_loop_gc_mark(vm);                            // the loop, its tasks, threads
  aw_api_gc_mark(vm);                             // embedding: slots, host refs
}

static void trace_object(AwVM *vm, AwObj *o) {
  aw_gc_mark_obj(vm, &o->cls->obj);
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
    case AW_OBJ_CLASS: size = sizeof(AwClass); break;
    case AW_OBJ_INSTANCE: size = sizeof(AwInstance); break;
    case AW_OBJ_EXCEPTION: size = sizeof(AwException); break;
    case AW_OBJ_MODULE: size = sizeof(AwModule); break;
    case AW_OBJ_GENERATOR:
      aw_gen_free(vm, (AwGen *)o);
      size = sizeof(AwGen);
      break;
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
    case AW_OBJ_FUTURE: size = sizeof(AwFuture); break;
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

void aw_gc_collect(AwVM *vm) {
  if (vm->in_gc) return;
  vm->in_gc = true;
  vm->gc_requested = false;
  mark_roots(vm);
  while (vm->gray_len > 0) trace_object(vm, vm->gray[--vm->gray_len]);
  aw_str_sweep_interned(vm);
  sweep(vm);
  size_t next = vm->bytes_allocated * 2;
  vm->next_gc = next < GC_MIN_BYTES ? GC_MIN_BYTES : next;
  vm->in_gc = false;
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
}

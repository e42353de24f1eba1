// vm/mem.c -- the single allocation choke point. Every byte the VM uses
// passes through aw_mem_realloc, which accounts it, enforces the memory cap
// and asks for a collection (honoured at the next safepoint, never here).
#include <stdlib.h>
#include <string.h>
#include "vm/vm.h"

#define AW_GC_STRESS_MAX_HEAP (1024u * 1024)

void *aw_mem_realloc(AwVM *vm, void *ptr, size_t old_size, size_t new_size) {
  if (new_size == 0) {
    if (ptr) {
      vm->alloc(vm->alloc_ud, ptr, old_size, 0);
      vm->bytes_allocated -= old_size;
    }
    return NULL;
  }
  size_t grow = new_size > old_size ? new_size - old_size : 0;
  if (vm->mem_limit && vm->bytes_allocated + grow > vm->mem_limit) {
    vm->gc_requested = true;   // a collection at the next safepoint may help
    goto fail;
  }
  void *p = vm->alloc(vm->alloc_ud, ptr, old_size, new_size);
  if (!p) goto fail;
  vm->bytes_allocated += new_size;
  vm->bytes_allocated -= old_size;
  // Stress mode collects at every safepoint while the heap is under 1 MiB; past
  // that, a collection per safepoint would make big tests quadratic.
  if (vm->bytes_allocated > vm->next_gc || (vm->gc_stress && vm->bytes_allocated < AW_GC_STRESS_MAX_HEAP))
    vm->gc_requested = true;
  return p;
fail:
  // The preallocated instance: raising must not allocate. aw_raisef resets
  // the traceback and chaining an earlier raise left on it (a script that
  // retries after MemoryError would grow them forever).
  if (AW_IS_EXCEPTION(vm->memory_error)) aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
  else vm->exc = vm->memory_error;
  return NULL;
}

AwObj *aw_obj_alloc(AwVM *vm, size_t size, AwObjKind kind, AwClass *cls) {
  AwObj *o = aw_mem_alloc(vm, size);
  if (!o) return NULL;
  memset(o, 0, size);
  o->kind = (uint8_t)kind;
  o->cls = cls;
  o->next = vm->objects;
  vm->objects = o;
  return o;
}

void aw_push_root(AwVM *vm, AwValue v) {
  if (vm->n_temp_roots == vm->cap_temp_roots) {
    // Grown with the host allocator directly: pushing a root cannot fail
    // into MemoryError (callers have nothing to unwind yet).
    int cap = vm->cap_temp_roots ? vm->cap_temp_roots * 2 : 64;
    AwValue *r = vm->alloc(vm->alloc_ud, vm->temp_roots, sizeof(AwValue) * (size_t)vm->cap_temp_roots,
                           sizeof(AwValue) * (size_t)cap);
    if (!r) {
      fprintf(stderr, "aw: fatal: out of memory for GC roots\n");
      abort();
    }
    vm->temp_roots = r;
    vm->cap_temp_roots = cap;
  }
  vm->temp_roots[vm->n_temp_roots++] = v;
}

void aw_pop_root(AwVM *vm) { vm->n_temp_roots--; }

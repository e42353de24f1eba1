// vm/mem.c -- the single allocation choke point. Every byte the VM uses
// passes through aw_mem_realloc, which accounts it, enforces the memory cap
// and asks for a collection (honoured at the next safepoint, never here).
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include "vm/vm.h"

#define AW_GC_STRESS_MAX_HEAP (1024u * 1024)

// ---- small-block pools ------------------------------------------------------
// Most objects are small and short-lived: blocks of up to AW_POOL_MAX bytes
// come from per-size free lists (a freed block's first word links it),
// refilled from 64 KiB chunks of the host allocator. No per-block header,
// no search: every caller frees with the size it allocated (the byte
// accounting already relies on that), which names the list. Chunks are
// returned to the host only when the VM is freed.
#define POOL_CHUNK (64 * 1024)
// Once the pools hold this much, chunks grow to POOL_BIG_CHUNK and, where
// the kernel offers transparent huge pages, ask for them: a big heap then
// takes one page fault per 2 MiB instead of per 4 KiB (page faults were a
// third of the time of building a million strings).
#define POOL_BIG_AFTER (16 * 1024 * 1024)
#define POOL_BIG_CHUNK (8 * 1024 * 1024)
#define HUGE_PAGE (2 * 1024 * 1024)
// Under AddressSanitizer every block comes from the host allocator, so that
// use-after-free stays detectable (recycled pool blocks would hide it), and
// carries its size in a header that every free checks: a block freed with
// another size than it was allocated with would corrupt a pool's free list.
#if defined(__SANITIZE_ADDRESS__)
#define POOL_LIMIT 0
#define SIZE_HEADER 16
#else
#define POOL_LIMIT AW_POOL_MAX
#define SIZE_HEADER 0
#endif

static inline size_t pool_class(size_t n) { return (n + AW_POOL_GRAIN - 1) / AW_POOL_GRAIN; }

static void *pool_alloc(AwVM *vm, size_t n) {
  size_t c = pool_class(n);
  void *b = vm->pool_free[c];
  if (b) {
    vm->pool_free[c] = *(void **)b;
    return b;
  }
  size_t sz = c * AW_POOL_GRAIN;
  if ((size_t)(vm->pool_end - vm->pool_bump) < sz) {
    // The old tail (smaller than any request that got here) is dropped.
    size_t size = vm->pool_bytes >= POOL_BIG_AFTER ? POOL_BIG_CHUNK : POOL_CHUNK;
    char *chunk = vm->alloc(vm->alloc_ud, NULL, 0, size);
    if (!chunk) return NULL;
#ifdef MADV_HUGEPAGE
    if (size == POOL_BIG_CHUNK) {
      uintptr_t a = ((uintptr_t)chunk + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
      uintptr_t e = ((uintptr_t)chunk + size) & ~(uintptr_t)(HUGE_PAGE - 1);
      if (e > a) (void)madvise((void *)a, e - a, MADV_HUGEPAGE);  // a hint: failure is fine
    }
#endif
    ((void **)chunk)[0] = vm->pool_chunks;
    ((size_t *)chunk)[1] = size;
    vm->pool_chunks = chunk;
    vm->pool_bytes += size;
    vm->pool_bump = chunk + 2 * sizeof(void *);  // the link and size words
    vm->pool_end = chunk + size;
  }
  b = vm->pool_bump;
  vm->pool_bump += sz;
  return b;
}

static inline void pool_release(AwVM *vm, void *b, size_t n) {
  size_t c = pool_class(n);
  *(void **)b = vm->pool_free[c];
  vm->pool_free[c] = b;
}

void aw_mem_free_pools(AwVM *vm) {
  void *c = vm->pool_chunks;
  while (c) {
    void *next = ((void **)c)[0];
    vm->alloc(vm->alloc_ud, c, ((size_t *)c)[1], 0);
    c = next;
  }
  vm->pool_chunks = NULL;
  vm->pool_bytes = 0;
  vm->pool_bump = vm->pool_end = NULL;
  memset(vm->pool_free, 0, sizeof vm->pool_free);
}

// ---- host blocks (bigger than the pools take) ------------------------------

static void check_size(void *p, size_t n) {
  if (SIZE_HEADER && *(size_t *)((char *)p - SIZE_HEADER) != n) {
    fprintf(stderr, "aw: internal error: a block of %zu bytes freed or resized as %zu bytes\n",
            *(size_t *)((char *)p - SIZE_HEADER), n);
    abort();
  }
}

static void *host_resize(AwVM *vm, void *p, size_t old_size, size_t new_size) {
  char *base = p ? (char *)p - SIZE_HEADER : NULL;
  if (p) check_size(p, old_size);
  size_t old_total = p ? old_size + SIZE_HEADER : 0;
  base = vm->alloc(vm->alloc_ud, base, old_total, new_size ? new_size + SIZE_HEADER : 0);
  if (!base) return NULL;
  if (SIZE_HEADER) *(size_t *)base = new_size;
  return base + SIZE_HEADER;
}

// A fresh block of [n] bytes from the pools or the host.
static inline void *block_alloc(AwVM *vm, size_t n) {
  return n <= POOL_LIMIT ? pool_alloc(vm, n) : host_resize(vm, NULL, 0, n);
}

static inline void block_free(AwVM *vm, void *p, size_t n) {
  if (n <= POOL_LIMIT) pool_release(vm, p, n);
  else (void)host_resize(vm, p, n, 0);
}

void *aw_mem_realloc(AwVM *vm, void *ptr, size_t old_size, size_t new_size) {
  if (new_size == 0) {
    if (ptr) {
      block_free(vm, ptr, old_size);
      vm->bytes_allocated -= old_size;
    }
    return NULL;
  }
  size_t grow = new_size > old_size ? new_size - old_size : 0;
  if (vm->mem_limit && vm->bytes_allocated + grow > vm->mem_limit) {
    vm->gc_requested = true;   // a collection at the next safepoint may help
    goto fail;
  }
  void *p;
  if (!ptr) {
    p = block_alloc(vm, new_size);
  } else if (old_size > POOL_LIMIT && new_size > POOL_LIMIT) {
    p = host_resize(vm, ptr, old_size, new_size);
  } else if (old_size <= POOL_LIMIT && new_size <= POOL_LIMIT && pool_class(old_size) == pool_class(new_size)) {
    p = ptr;  // the block already fits
  } else {
    p = block_alloc(vm, new_size);
    if (p) {
      memcpy(p, ptr, old_size < new_size ? old_size : new_size);
      block_free(vm, ptr, old_size);
    }
  }
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

// Gives class [c] an id: a dead class's, or the next slot of the table.
static bool class_register(AwVM *vm, AwClass *c) {
  if (vm->class_free_len) {
    c->id = vm->class_free_ids[--vm->class_free_len];
  } else {
    if (vm->class_table_len == vm->class_table_cap) {
      uint32_t cap = vm->class_table_cap ? vm->class_table_cap * 2 : 256;
      AwClass **t = aw_mem_realloc(vm, vm->class_table, vm->class_table_cap * sizeof(AwClass *), cap * sizeof(AwClass *));
      if (!t) return false;
      vm->class_table = t;
      vm->class_table_cap = cap;
      if (vm->class_table_len == 0) t[vm->class_table_len++] = NULL;  // id 0: no class
    }
    c->id = vm->class_table_len++;
  }
  vm->class_table[c->id] = c;
  return true;
}

bool aw_class_unregister(AwVM *vm, AwClass *c) {
  if (!c->id || vm->class_table[c->id] != c) return true;
  if (vm->class_free_len == vm->class_free_cap) {
    uint32_t cap = vm->class_free_cap ? vm->class_free_cap * 2 : 64;
    // Host memory: freeing never fails into MemoryError (a lost id only
    // leaves its slot unused).
    uint32_t *ids = vm->alloc(vm->alloc_ud, vm->class_free_ids, vm->class_free_cap * sizeof(uint32_t), cap * sizeof(uint32_t));
    if (!ids) {
      vm->class_table[c->id] = NULL;
      return false;
    }
    vm->class_free_ids = ids;
    vm->class_free_cap = cap;
  }
  vm->class_table[c->id] = NULL;
  vm->class_free_ids[vm->class_free_len++] = c->id;
  return true;
}

void aw_class_table_free(AwVM *vm) {
  aw_mem_free(vm, vm->class_table, vm->class_table_cap * sizeof(AwClass *));
  if (vm->class_free_ids) vm->alloc(vm->alloc_ud, vm->class_free_ids, vm->class_free_cap * sizeof(uint32_t), 0);
  vm->class_table = NULL;
  vm->class_free_ids = NULL;
  vm->class_table_len = vm->class_table_cap = vm->class_free_len = vm->class_free_cap = 0;
}

AwObj *aw_obj_alloc(AwVM *vm, size_t size, AwObjKind kind, AwClass *cls) {
  AwObj *o = aw_mem_alloc(vm, size);
  if (!o) return NULL;
  memset(o, 0, size);
  if (kind == AW_OBJ_CLASS && !class_register(vm, (AwClass *)o)) {
    aw_mem_free(vm, o, size);
    return NULL;
  }
  o->kind = (uint8_t)kind;
  o->cls_id = cls ? cls->id : 0;
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

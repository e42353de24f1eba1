// vm/list.c -- list objects: the growable array (aw_list_*), the stable
// merge sort, and the list class's methods. Iteration objects are in iter.c.
#include <string.h>
#include "vm/vm.h"

// ---- the array ----------------------------------------------------------------

AwList *aw_list_new(AwVM *vm, int64_t capacity) {
  AwList *l = (AwList *)aw_obj_alloc(vm, sizeof(AwList), AW_OBJ_LIST, AW_CLS(vm, list));
  if (!l) return NULL;
  l->len = 0;
  l->cap = 0;
  l->items = NULL;
  if (capacity > 0) {
    l->items = aw_mem_alloc(vm, (size_t)capacity * sizeof(AwValue));
    if (!l->items) return NULL;
    l->cap = capacity;
  }
  return l;
}

// Makes room for at least [need] items.
static bool list_reserve(AwVM *vm, AwList *l, int64_t need) {
  if (need <= l->cap) return true;
  if (need > ((int64_t)1 << 40)) {
    aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
    return false;
  }
  int64_t cap = l->cap < 4 ? 4 : l->cap + (l->cap >> 1);
  if (cap < need) cap = need;
  AwValue *items = aw_mem_realloc(vm, l->items, (size_t)l->cap * sizeof(AwValue), (size_t)cap * sizeof(AwValue));
  if (!items) return false;
  l->items = items;
  l->cap = cap;
  return true;
}

bool aw_list_append(AwVM *vm, AwList *l, AwValue v) {
  if (l->len == l->cap && !list_reserve(vm, l, l->len + 1)) return false;
  l->items[l->len++] = v;
  return true;
}

bool aw_list_insert(AwVM *vm, AwList *l, int64_t index, AwValue v) {
  if (index < 0) {
    index += l->len;
    if (index < 0) index = 0;
  }
  if (index > l->len) index = l->len;
  if (l->len == l->cap && !list_reserve(vm, l, l->len + 1)) return false;
  memmove(&l->items[index + 1], &l->items[index], (size_t)(l->len - index) * sizeof(AwValue));
  l->items[index] = v;
  l->len++;
  return true;
}

// Appends every item of [iterable]; a list or tuple is copied directly
// (also right for l.extend(l): the length is read once).
bool aw_list_extend(AwVM *vm, AwList *l, AwValue iterable) {
  if (AW_IS_LIST(iterable) || AW_IS_TUPLE(iterable)) {
    int64_t n = AW_IS_LIST(iterable) ? AW_AS_LIST(iterable)->len : AW_AS_TUPLE(iterable)->len;
    if (!list_reserve(vm, l, l->len + n)) return false;
    AwValue *src = AW_IS_LIST(iterable) ? AW_AS_LIST(iterable)->items : AW_AS_TUPLE(iterable)->items;
    memmove(&l->items[l->len], src, (size_t)n * sizeof(AwValue));
    l->len += n;
    return true;
  }
  AwValue it = aw_get_iter(vm, iterable);
  if (AW_IS_EXC(it)) return false;
  aw_push_root(vm, it);
  bool ok = true;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(v)) break;
    if (AW_IS_EXC(v) || !aw_list_append(vm, l, v)) {
      ok = false;
      break;
    }
  }
  aw_pop_root(vm);
  return ok;
}

AwList *aw_list_from_iterable(AwVM *vm, AwValue iterable) {
  AwList *l = aw_list_new(vm, 0);
  if (!l) return NULL;
  aw_push_root(vm, AW_OBJ(l));
  bool ok = aw_list_extend(vm, l, iterable);
  aw_pop_root(vm);
  return ok ? l : NULL;
}

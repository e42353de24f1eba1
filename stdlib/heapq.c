// stdlib/heapq.c -- the heapq and bisect modules: binary heaps on lists
// with CPython's exact sift algorithms (so heaps end up laid out the same),
// and binary search / insertion in sorted sequences.
#include <string.h>

#include "vm/vm.h"

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

// ---- heapq ---------------------------------------------------------------------------
// While an item is lifted out of the list during a sift it is kept on the
// temp-root stack: comparisons may run script code (__lt__).

// "heappush() argument 1 must be list, not tuple" ([one]: a one-argument
// function, whose message has no number).
static AwList *heap_arg(AwVM *vm, AwValue v, const char *fname, bool one) {
  if (!AW_IS_LIST(v)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() argument %smust be list, not %s", fname, one ? "" : "1 ",
              aw_type_name(vm, v));
    return NULL;
  }
  return AW_AS_LIST(v);
}

static bool changed(AwVM *vm, AwList *heap, int64_t n) {
  if (heap->len == n) return false;
  aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "list changed size during iteration");
  return true;
}

// CPython's _siftdown: move heap[pos] up towards startpos.
static bool sift_down(AwVM *vm, AwList *heap, int64_t startpos, int64_t pos) {
  int64_t n = heap->len;
  AwValue newitem = heap->items[pos];
  aw_push_root(vm, newitem);
  bool ok = true;
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    AwValue parent = heap->items[parentpos];
    int lt = aw_less(vm, newitem, parent);
    if (lt < 0 || changed(vm, heap, n)) {
      ok = false;
      break;
    }
    if (!lt) break;
    heap->items[pos] = parent;
    heap->items[parentpos] = newitem;  // keeps every item in the list
    pos = parentpos;
  }
  if (ok) heap->items[pos] = newitem;
  aw_pop_root(vm);
  return ok;
}

// CPython's _siftup: move the smaller child up until a leaf, then sift down.
static bool sift_up(AwVM *vm, AwList *heap, int64_t pos) {
  int64_t endpos = heap->len, startpos = pos;
  AwValue newitem = heap->items[pos];
  aw_push_root(vm, newitem);
  int64_t childpos = 2 * pos + 1;
  bool ok = true;
  while (childpos < endpos) {
    int64_t rightpos = childpos + 1;
    if (rightpos < endpos) {
      int lt = aw_less(vm, heap->items[childpos], heap->items[rightpos]);
      if (lt < 0 || changed(vm, heap, endpos)) {
        ok = false;
        break;
      }
      if (!lt) childpos = rightpos;
    }
    heap->items[pos] = heap->items[childpos];
    heap->items[childpos] = newitem;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  aw_pop_root(vm);
  if (!ok) return false;
  heap->items[pos] = newitem;
  return sift_down(vm, heap, startpos, pos);
}

static AwValue heapq_heappush(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "heappush", argc, kwnames, 2, 2)) return AW_EXC;
  AwList *heap = heap_arg(vm, argv[0], "heappush", false);
  if (!heap || !aw_list_append(vm, heap, argv[1])) return AW_EXC;
  return sift_down(vm, heap, 0, heap->len - 1) ? AW_NONE : AW_EXC;
}

static AwValue heapq_heappop(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "heappop", argc, kwnames, 1, 1)) return AW_EXC;
  AwList *heap = heap_arg(vm, argv[0], "heappop", true);
  if (!heap) return AW_EXC;
  if (heap->len == 0) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "index out of range");
  AwValue last = heap->items[--heap->len];
  if (heap->len == 0) return last;
  AwValue result = heap->items[0];
  heap->items[0] = last;
  aw_push_root(vm, result);
  bool ok = sift_up(vm, heap, 0);
  aw_pop_root(vm);
  return ok ? result : AW_EXC;
}

static AwValue heapq_heapreplace(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "heapreplace", argc, kwnames, 2, 2)) return AW_EXC;
  AwList *heap = heap_arg(vm, argv[0], "heapreplace", false);
  if (!heap) return AW_EXC;
  if (heap->len == 0) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "index out of range");
  AwValue result = heap->items[0];
  heap->items[0] = argv[1];
  aw_push_root(vm, result);
  bool ok = sift_up(vm, heap, 0);
  aw_pop_root(vm);
  return ok ? result : AW_EXC;
}

static AwValue heapq_heappushpop(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "heappushpop", argc, kwnames, 2, 2)) return AW_EXC;
  AwList *heap = heap_arg(vm, argv[0], "heappushpop", false);
  if (!heap) return AW_EXC;
  if (heap->len == 0) return argv[1];
  int lt = aw_less(vm, heap->items[0], argv[1]);
  if (lt < 0) return AW_EXC;
  if (!lt || heap->len == 0) return argv[1];
  AwValue result = heap->items[0];
  heap->items[0] = argv[1];
  aw_push_root(vm, result);
  bool ok = sift_up(vm, heap, 0);
  aw_pop_root(vm);
  return ok ? result : AW_EXC;
}

static AwValue heapq_heapify(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "heapify", argc, kwnames, 1, 1)) return AW_EXC;
  AwList *heap = heap_arg(vm, argv[0], "heapify", true);
  if (!heap) return AW_EXC;
  for (int64_t i = heap->len / 2 - 1; i >= 0; i--)
    if (!sift_up(vm, heap, i)) return AW_EXC;
  return AW_NONE;
}

// nsmallest/nlargest(n, iterable, key=None): documented as equivalent to
// sorted(iterable, key=key[, reverse=True])[:n].
static AwValue n_best(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name, bool largest) {
  static const char *const names[] = {"n", "iterable", "key", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, name, argc, argv, kwnames, 2, names, a)) return AW_EXC;
  int64_t n;
  if (!aw_index(vm, a[0], &n)) return AW_EXC;
  AwList *l = aw_list_from_iterable(vm, a[1]);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  AwValue key = AW_IS_UNDEF(a[2]) || AW_IS_NONE(a[2]) ? AW_UNDEF : a[2];
  bool ok = aw_list_sort(vm, l, key, largest);
  aw_pop_root(vm);
  if (!ok) return AW_EXC;
  if (n < 0) n = 0;
  if (n < l->len) l->len = n;
  return AW_OBJ(l);
}

static AwValue heapq_nsmallest(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return n_best(vm, argc, argv, kwnames, "nsmallest", false);
}

static AwValue heapq_nlargest(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return n_best(vm, argc, argv, kwnames, "nlargest", true);
}

// merge(*iterables, key=None, reverse=False): the stable merge of sorted
// inputs, which is what sorting their concatenation gives.
static AwValue heapq_merge(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue key = AW_UNDEF;
  bool reverse = false;
  if (kwnames)
    for (int64_t i = 0; i < kwnames->len; i++) {
      AwValue v = argv[argc + i];
      if (aw_str_eq_cstr(kwnames->items[i], "key")) key = AW_IS_NONE(v) ? AW_UNDEF : v;
      else if (aw_str_eq_cstr(kwnames->items[i], "reverse")) {
        int t = aw_truthy(vm, v);
        if (t < 0) return AW_EXC;
        reverse = t;
      } else {
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "merge() got an unexpected keyword argument '%s'",
                         AW_AS_STR(kwnames->items[i])->data);
      }
    }
  AwList *all = aw_list_new(vm, 0);
  if (!all) return AW_EXC;
  aw_push_root(vm, AW_OBJ(all));
  bool ok = true;
  for (int i = 0; ok && i < argc; i++) ok = aw_list_extend(vm, all, argv[i]);
  ok = ok && aw_list_sort(vm, all, key, reverse);
  AwValue r = ok ? aw_get_iter(vm, AW_OBJ(all)) : AW_EXC;
  aw_pop_root(vm);
  return r;
}

static const ModFn heapq_fns[] = {
  {"heappush", heapq_heappush},   {"heappop", heapq_heappop},       {"heapreplace", heapq_heapreplace},
  {"heappushpop", heapq_heappushpop}, {"heapify", heapq_heapify},   {"nsmallest", heapq_nsmallest},
  {"nlargest", heapq_nlargest},   {"merge", heapq_merge},           {NULL, NULL},
};

static AwModule *open_fns(AwVM *vm, const char *name, const ModFn *fns) {
  AwModule *m = aw_module_new(vm, name);
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = true;
  for (const ModFn *f = fns; ok && f->name; f++) ok = aw_module_add_fn(vm, m, f->name, f->fn);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

AwModule *aw_open_heapq(AwVM *vm) { return open_fns(vm, "heapq", heapq_fns); }

// ---- bisect ---------------------------------------------------------------------------
// bisect_left/right(a, x, lo=0, hi=len(a), *, key=None) and insort_*.
// right: the first index whose item is > x; left: the first that is >= x.

static const char *const bisect_names[] = {"a", "x", "lo", "hi", "key", NULL};

static bool bisect_core(AwVM *vm, AwValue *a, bool right, bool insort, int64_t *out) {
  int64_t lo = 0, hi;
  if (!AW_IS_UNDEF(a[2]) && !aw_index(vm, a[2], &lo)) return false;
  if (lo < 0) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "lo must be non-negative");
    return false;
  }
  if (AW_IS_UNDEF(a[3]) || AW_IS_NONE(a[3])) {
    if (!aw_len(vm, a[0], &hi)) return false;
  } else if (!aw_index(vm, a[3], &hi)) {
    return false;
  }
  AwValue key = AW_IS_UNDEF(a[4]) ? AW_NONE : a[4];
  AwValue x = a[1];
  // insort compares key(x) with key(item); bisect compares x itself.
  if (insort && !AW_IS_NONE(key)) {
    x = aw_call(vm, key, 1, &a[1], NULL);
    if (AW_IS_EXC(x)) return false;
  }
  aw_push_root(vm, x);
  bool ok = true;
  while (lo < hi) {
    int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
    AwValue item = AW_IS_LIST(a[0]) && mid < AW_AS_LIST(a[0])->len ? AW_AS_LIST(a[0])->items[mid]
                                                                   : aw_getitem(vm, a[0], AW_INT(mid));
    if (AW_IS_EXC(item)) {
      ok = false;
      break;
    }
    aw_push_root(vm, item);
    if (!AW_IS_NONE(key)) {
      item = aw_call(vm, key, 1, &item, NULL);
      if (AW_IS_EXC(item)) {
        aw_pop_root(vm);
        ok = false;
        break;
      }
      aw_pop_root(vm);
      aw_push_root(vm, item);
    }
    int lt = right ? aw_less(vm, x, item) : aw_less(vm, item, x);
    aw_pop_root(vm);
    if (lt < 0) {
      ok = false;
      break;
    }
    if (right) {
      if (lt) hi = mid;
      else lo = mid + 1;
    } else {
      if (lt) lo = mid + 1;
      else hi = mid;
    }
  }
  aw_pop_root(vm);
  *out = lo;
  return ok;
}

static AwValue bisect_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name, bool right) {
  AwValue a[5];
  if (!aw_parse_args(vm, name, argc, argv, kwnames, 2, bisect_names, a)) return AW_EXC;
  int64_t pos;
  return bisect_core(vm, a, right, false, &pos) ? AW_INT(pos) : AW_EXC;
}

static AwValue insort_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name, bool right) {
  AwValue a[5];
  if (!aw_parse_args(vm, name, argc, argv, kwnames, 2, bisect_names, a)) return AW_EXC;
  int64_t pos;
  if (!bisect_core(vm, a, right, true, &pos)) return AW_EXC;
  if (AW_IS_LIST(a[0])) return aw_list_insert(vm, AW_AS_LIST(a[0]), pos, a[1]) ? AW_NONE : AW_EXC;
  AwValue args[2] = {AW_INT(pos), a[1]};
  AwValue r = aw_call_method(vm, a[0], aw_str_intern(vm, "insert", 6), 2, args);
  return AW_IS_EXC(r) ? AW_EXC : AW_NONE;
}

static AwValue bisect_bisect_left(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return bisect_common(vm, argc, argv, kw, "bisect_left", false);
}

static AwValue bisect_bisect_right(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return bisect_common(vm, argc, argv, kw, "bisect_right", true);
}

static AwValue bisect_insort_left(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return insort_common(vm, argc, argv, kw, "insort_left", false);
}

static AwValue bisect_insort_right(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return insort_common(vm, argc, argv, kw, "insort_right", true);
}

static const ModFn bisect_fns[] = {
  {"bisect_left", bisect_bisect_left}, {"bisect_right", bisect_bisect_right}, {"bisect", bisect_bisect_right},
  {"insort_left", bisect_insort_left}, {"insort_right", bisect_insort_right}, {"insort", bisect_insort_right},
  {NULL, NULL},
};

AwModule *aw_open_bisect(AwVM *vm) { return open_fns(vm, "bisect", bisect_fns); }

// vm/list.c -- list objects: the growable array (aw_list_*), the stable
// merge sort, and the list class's methods. Iteration objects are in iter.c.
#include <string.h>
#include "vm/container.h"

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
    if (n) memmove(&l->items[l->len], src, (size_t)n * sizeof(AwValue));
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

// ---- sorting -------------------------------------------------------------------
// CPython's timsort without galloping: natural runs (strictly descending
// ones reversed), short runs extended to minrun by binary insertion, and a
// run stack merged under timsort's invariants, so sorted, reversed and
// partly ordered input is fast and equal keys keep their order. keys[] is
// sorted with the items moved alongside in vals[] (NULL without a key
// function). Every value always lives in a GC-visible array: the arrays
// belong to rooted temporary lists, because comparisons can run script
// code (and so collect).

#define MAX_RUNS 85  // enough for 2**64 items under the run-length invariants

typedef struct {
  AwVM *vm;
  AwValue *keys, *vals;   // the array being sorted
  AwValue *tkeys, *tvals; // scratch for merges (n/2 + 1 items)
  int64_t run_base[MAX_RUNS], run_len[MAX_RUNS];
  int nruns;
} Sorter;

static int str_less(AwStr *x, AwStr *y) {
  int64_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
  int c = memcmp(x->data, y->data, (size_t)n);  // UTF-8 byte order = code point order
  return c < 0 || (c == 0 && x->nbytes < y->nbytes);
}

// a == b decided without running code: 1, 0, or -1 (cannot tell).
static int quick_eq(AwValue a, AwValue b) {
  if (a.tag == b.tag && a.tag != AW_T_FLOAT && a.as.i == b.as.i) return 1;
  if (a.tag == AW_T_INT && b.tag == AW_T_INT) return 0;
  if (a.tag == AW_T_FLOAT && b.tag == AW_T_FLOAT) return a.as.f == b.as.f;
  if (AW_IS_STR(a) && AW_IS_STR(b)) {
    AwStr *x = AW_AS_STR(a), *y = AW_AS_STR(b);
    return x->nbytes == y->nbytes && memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
  }
  return -1;
}

// a < b with the common scalar cases (and tuples of them) inline; 1, 0, -1.
static int sort_less(AwVM *vm, AwValue a, AwValue b) {
  if (a.tag == AW_T_INT && b.tag == AW_T_INT) return a.as.i < b.as.i;
  if (a.tag == AW_T_FLOAT && b.tag == AW_T_FLOAT) return a.as.f < b.as.f;
  if (AW_IS_STR(a) && AW_IS_STR(b)) return str_less(AW_AS_STR(a), AW_AS_STR(b));
  if (AW_IS_TUPLE(a) && AW_IS_TUPLE(b)) {
    // Skip the equal prefix when equality is evident (CPython's
    // unsafe_tuple_compare idea), then compare the first differing items.
    AwTuple *x = AW_AS_TUPLE(a), *y = AW_AS_TUPLE(b);
    int64_t n = x->len < y->len ? x->len : y->len, i = 0;
    for (; i < n; i++) {
      int e = quick_eq(x->items[i], y->items[i]);
      if (e < 0) return aw_less(vm, a, b);
      if (!e) break;
    }
    if (i == n) return x->len < y->len;
    return sort_less(vm, x->items[i], y->items[i]);
  }
  return aw_less(vm, a, b);
}

static void swap_values(AwValue *a, int64_t i, int64_t j) {
  AwValue t = a[i];
  a[i] = a[j];
  a[j] = t;
}

static void reverse_range(Sorter *s, int64_t lo, int64_t hi) {
  for (int64_t i = lo, j = hi - 1; i < j; i++, j--) {
    swap_values(s->keys, i, j);
    if (s->vals) swap_values(s->vals, i, j);
  }
}

// Sorts [lo, hi) by binary insertion, [lo, start) being sorted already.
static bool binary_insertion(Sorter *s, int64_t lo, int64_t hi, int64_t start) {
  AwValue *k = s->keys, *v = s->vals;
  for (int64_t i = start; i < hi; i++) {
    AwValue x = k[i];
    int64_t a = lo, b = i;
    while (a < b) {  // first position whose key is > x (keeps equal keys in order)
      int64_t m = a + (b - a) / 2;
      int r = sort_less(s->vm, x, k[m]);
      if (r < 0) return false;
      if (r) b = m;
      else a = m + 1;
    }
    if (a == i) continue;
    memmove(&k[a + 1], &k[a], (size_t)(i - a) * sizeof(AwValue));
    k[a] = x;
    if (v) {
      AwValue y = v[i];
      memmove(&v[a + 1], &v[a], (size_t)(i - a) * sizeof(AwValue));
      v[a] = y;
    }
  }
  return true;
}

// Length of the run starting at lo (< hi), made ascending; -1 on error.
static int64_t count_run(Sorter *s, int64_t lo, int64_t hi) {
  if (lo + 1 == hi) return 1;
  AwValue *k = s->keys;
  int r = sort_less(s->vm, k[lo + 1], k[lo]);
  if (r < 0) return -1;
  int64_t i = lo + 2;
  if (r) {  // strictly descending: reversing it keeps stability
    for (; i < hi; i++) {
      r = sort_less(s->vm, k[i], k[i - 1]);
      if (r < 0) return -1;
      if (!r) break;
    }
    reverse_range(s, lo, i);
  } else {
    for (; i < hi; i++) {
      r = sort_less(s->vm, k[i], k[i - 1]);
      if (r < 0) return -1;
      if (r) break;
    }
  }
  return i - lo;
}

// First index in [lo, hi) whose key is > x ([right]) or >= x; -1 on error.
static int64_t bisect(Sorter *s, AwValue x, int64_t lo, int64_t hi, bool right) {
  while (lo < hi) {
    int64_t m = lo + (hi - lo) / 2;
    int r = right ? sort_less(s->vm, x, s->keys[m]) : sort_less(s->vm, s->keys[m], x);
    if (r < 0) return -1;
    if (right ? r : !r) hi = m;
    else lo = m + 1;
  }
  return lo;
}

// Merges the adjacent sorted runs [a, b) and [b, c), copying the shorter
// one to the scratch arrays. On error the rest of the scratch is copied
// back into the gap, so the array stays a permutation of the items.
static bool merge_runs(Sorter *s, int64_t a, int64_t b, int64_t c) {
  AwValue *k = s->keys, *v = s->vals;
  // Items of the left run <= right[0] are already in place, and so are
  // items of the right run >= left[last].
  int64_t a2 = bisect(s, k[b], a, b, true);
  if (a2 < 0) return false;
  if (a2 == b) return true;
  int64_t c2 = bisect(s, k[b - 1], b, c, false);
  if (c2 < 0) return false;
  a = a2;
  c = c2;
  int64_t na = b - a, nb = c - b;
  bool ok = true;
  if (na <= nb) {  // merge forwards from a copy of the left run
    memcpy(s->tkeys, &k[a], (size_t)na * sizeof(AwValue));
    if (v) memcpy(s->tvals, &v[a], (size_t)na * sizeof(AwValue));
    int64_t i = 0, j = b, o = a;
    while (i < na && j < c) {
      int r = sort_less(s->vm, k[j], s->tkeys[i]);
      if (r < 0) {
        ok = false;
        break;
      }
      if (r) {
        if (v) v[o] = v[j];
        k[o++] = k[j++];
      } else {
        if (v) v[o] = s->tvals[i];
        k[o++] = s->tkeys[i++];
      }
    }
    memcpy(&k[o], &s->tkeys[i], (size_t)(na - i) * sizeof(AwValue));
    if (v) memcpy(&v[o], &s->tvals[i], (size_t)(na - i) * sizeof(AwValue));
    return ok;
  }
  // Merge backwards from a copy of the right run.
  memcpy(s->tkeys, &k[b], (size_t)nb * sizeof(AwValue));
  if (v) memcpy(s->tvals, &v[b], (size_t)nb * sizeof(AwValue));
  int64_t i = b - 1, j = nb - 1, o = c - 1;
  while (i >= a && j >= 0) {
    int r = sort_less(s->vm, s->tkeys[j], k[i]);
    if (r < 0) {
      ok = false;
      break;
    }
    if (r) {
      if (v) v[o] = v[i];
      k[o--] = k[i--];
    } else {
      if (v) v[o] = s->tvals[j];
      k[o--] = s->tkeys[j--];
    }
  }
  memcpy(&k[i + 1], s->tkeys, (size_t)(j + 1) * sizeof(AwValue));
  if (v) memcpy(&v[i + 1], s->tvals, (size_t)(j + 1) * sizeof(AwValue));
  return ok;
}

static bool merge_at(Sorter *s, int i) {
  int64_t a = s->run_base[i], b = s->run_base[i + 1], c = b + s->run_len[i + 1];
  s->run_len[i] += s->run_len[i + 1];
  for (int j = i + 1; j + 1 < s->nruns; j++) {
    s->run_base[j] = s->run_base[j + 1];
    s->run_len[j] = s->run_len[j + 1];
  }
  s->nruns--;
  return merge_runs(s, a, b, c);
}

// Restores timsort's run-length invariants (the corrected 2015 version).
static bool merge_collapse(Sorter *s) {
  int64_t *len = s->run_len;
  while (s->nruns > 1) {
    int n = s->nruns - 2;
    if ((n > 0 && len[n - 1] <= len[n] + len[n + 1]) || (n > 1 && len[n - 2] <= len[n - 1] + len[n])) {
      if (len[n - 1] < len[n + 1]) n--;
    } else if (len[n] > len[n + 1]) {
      break;
    }
    if (!merge_at(s, n)) return false;
  }
  return true;
}

static int64_t min_run(int64_t n) {
  int64_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

static bool tim_sort(Sorter *s, int64_t n) {
  int64_t minrun = min_run(n), lo = 0;
  s->nruns = 0;
  while (lo < n) {
    int64_t len = count_run(s, lo, n);
    if (len < 0) return false;
    if (len < minrun) {
      int64_t force = n - lo < minrun ? n - lo : minrun;
      if (!binary_insertion(s, lo, lo + force, lo + len)) return false;
      len = force;
    }
    s->run_base[s->nruns] = lo;
    s->run_len[s->nruns] = len;
    s->nruns++;
    if (!merge_collapse(s)) return false;
    lo += len;
  }
  while (s->nruns > 1) {
    int m = s->nruns - 2;
    if (m > 0 && s->run_len[m - 1] < s->run_len[m + 1]) m--;
    if (!merge_at(s, m)) return false;
  }
  return true;
}

static void reverse_values(AwValue *a, int64_t n) {
  for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
    AwValue t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

// A rooted scratch list of [n] None items (its array is GC-visible).
static AwList *scratch_list(AwVM *vm, int64_t n) {
  AwList *t = aw_list_new(vm, n);
  if (!t) return NULL;
  for (int64_t i = 0; i < n; i++) t->items[i] = AW_NONE;
  t->len = n;
  aw_push_root(vm, AW_OBJ(t));
  return t;
}

bool aw_list_sort(AwVM *vm, AwList *l, AwValue key, bool reverse) {
  if (AW_IS_NONE(key)) key = AW_UNDEF;
  int64_t n = l->len;
  if (n < 2 && AW_IS_UNDEF(key)) return true;
  // Detach the items so that script code run by comparisons sees an empty
  // list, and any change it makes can be detected (CPython's rule).
  AwList *hold = aw_list_new(vm, 0);
  if (!hold) return false;
  hold->items = l->items;
  hold->len = l->len;
  hold->cap = l->cap;
  l->items = NULL;
  l->len = l->cap = 0;
  aw_push_root(vm, AW_OBJ(hold));
  int roots = 1;
  bool ok = true;
  Sorter s = {.vm = vm, .keys = hold->items};
  if (!AW_IS_UNDEF(key)) {
    AwList *kl = scratch_list(vm, n);
    if (!kl) goto fail;
    roots++;
    for (int64_t i = 0; i < n; i++) {
      AwValue item = hold->items[i];
      AwValue k = aw_call(vm, key, 1, &item, NULL);
      if (AW_IS_EXC(k)) goto fail;
      kl->items[i] = k;
    }
    s.keys = kl->items;
    s.vals = hold->items;
  }
  if (n >= 2) {
    AwList *tk = scratch_list(vm, n / 2 + 1);
    if (!tk) goto fail;
    roots++;
    s.tkeys = tk->items;
    if (s.vals) {
      AwList *tv = scratch_list(vm, n / 2 + 1);
      if (!tv) goto fail;
      roots++;
      s.tvals = tv->items;
    }
    if (reverse) {
      reverse_values(s.keys, n);
      if (s.vals) reverse_values(s.vals, n);
    }
    ok = tim_sort(&s, n);
    if (reverse) {
      reverse_values(s.keys, n);
      if (s.vals) reverse_values(s.vals, n);
    }
  }
  goto done;
fail:
  ok = false;
done:
  if (l->items || l->len) {
    if (ok) aw_raisef(vm, AW_EXCCLS(vm, ValueError), "list modified during sort");
    ok = false;
    aw_mem_free(vm, l->items, (size_t)l->cap * sizeof(AwValue));
  }
  l->items = hold->items;
  l->len = hold->len;
  l->cap = hold->cap;
  hold->items = NULL;
  hold->len = hold->cap = 0;
  while (roots-- > 0) aw_pop_root(vm);
  return ok;
}

// ---- comparisons shared with tuple ---------------------------------------------

static inline int64_t seq_len(AwValue v) {
  return AW_IS_LIST(v) ? AW_AS_LIST(v)->len : AW_AS_TUPLE(v)->len;
}
static inline AwValue seq_item(AwValue v, int64_t i) {
  return AW_IS_LIST(v) ? AW_AS_LIST(v)->items[i] : AW_AS_TUPLE(v)->items[i];
}

AwValue aw_seq_richcompare(AwVM *vm, AwValue a, AwValue b, AwCmpOp op) {
  if (!AW_IS_OBJ(a) || !AW_IS_OBJ(b) || AW_KIND(a) != AW_KIND(b) || (!AW_IS_LIST(a) && !AW_IS_TUPLE(a)))
    return vm->not_implemented;
  if ((op == AW_EQ || op == AW_NE) && seq_len(a) != seq_len(b)) return AW_BOOL(op == AW_NE);
  // Lengths are re-read each step: a user __eq__ may shrink a list.
  int64_t i = 0;
  for (; i < seq_len(a) && i < seq_len(b); i++) {
    int r = ct_same_or_eq(vm, seq_item(a, i), seq_item(b, i));
    if (r < 0) return AW_EXC;
    if (!r) break;
  }
  int64_t la = seq_len(a), lb = seq_len(b);
  if (i >= la || i >= lb) {
    bool res;
    switch (op) {
    case AW_LT: res = la < lb; break;
    case AW_LE: res = la <= lb; break;
    case AW_EQ: res = la == lb; break;
    case AW_NE: res = la != lb; break;
    case AW_GT: res = la > lb; break;
    default: res = la >= lb; break;
    }
    return AW_BOOL(res);
  }
  if (op == AW_EQ) return AW_FALSE;
  if (op == AW_NE) return AW_TRUE;
  return aw_compare(vm, seq_item(a, i), seq_item(b, i), op);
}

// ---- the list class --------------------------------------------------------------

#define SELF_LIST(name)                                                          \
  if (argc < 1 || !ct_check_self(vm, argv[0], AW_OBJ_LIST, "list", name)) return AW_EXC; \
  AwList *self = AW_AS_LIST(argv[0])

static AwValue list_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "list() takes no keyword arguments");
  if (argc > 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "list expected at most 1 argument, got %d", argc - 1);
  AwClass *cls = AW_AS_CLASS(argv[0]);
  AwList *l = (AwList *)aw_obj_alloc(vm, sizeof(AwList), AW_OBJ_LIST, cls);
  if (!l) return AW_EXC;
  // A subclass fills the list in __init__ (which it may override).
  if (argc == 2 && cls == AW_CLS(vm, list)) {
    aw_push_root(vm, AW_OBJ(l));
    bool ok = aw_list_extend(vm, l, argv[1]);
    aw_pop_root(vm);
    if (!ok) return AW_EXC;
  }
  return AW_OBJ(l);
}

static AwValue list_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__init__");
  if (!ct_check_args(vm, "list", argc - 1, kwnames, 0, 1)) return AW_EXC;
  if (aw_type_of(vm, argv[0]) == AW_CLS(vm, list)) return AW_NONE;  // list.__new__ did it
  self->len = 0;
  if (argc == 2 && !aw_list_extend(vm, self, argv[1])) return AW_EXC;
  return AW_NONE;
}

static AwValue list_append(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("append");
  if (!ct_check_args(vm, "list.append", argc - 1, kwnames, 1, 1)) return AW_EXC;
  return aw_list_append(vm, self, argv[1]) ? AW_NONE : AW_EXC;
}

static AwValue list_extend(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("extend");
  if (!ct_check_args(vm, "list.extend", argc - 1, kwnames, 1, 1)) return AW_EXC;
  return aw_list_extend(vm, self, argv[1]) ? AW_NONE : AW_EXC;
}

static AwValue list_insert(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("insert");
  if (!ct_check_args(vm, "insert", argc - 1, kwnames, 2, 2)) return AW_EXC;
  int64_t i;
  if (!aw_index(vm, argv[1], &i)) return AW_EXC;
  return aw_list_insert(vm, self, i, argv[2]) ? AW_NONE : AW_EXC;
}

static AwValue list_pop(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("pop");
  if (!ct_check_args(vm, "pop", argc - 1, kwnames, 0, 1)) return AW_EXC;
  int64_t i = -1;
  if (argc == 2 && !aw_index(vm, argv[1], &i)) return AW_EXC;
  if (self->len == 0) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "pop from empty list");
  if (!ct_norm_index(&i, self->len)) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "pop index out of range");
  AwValue v = self->items[i];
  memmove(&self->items[i], &self->items[i + 1], (size_t)(self->len - i - 1) * sizeof(AwValue));
  self->len--;
  return v;
}

// First index in [start, stop) whose item equals [x]: -1 absent, -2 error.
static int64_t list_find(AwVM *vm, AwList *l, AwValue x, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < l->len; i++) {
    int r = ct_same_or_eq(vm, l->items[i], x);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

static AwValue list_remove(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("remove");
  if (!ct_check_args(vm, "list.remove", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int64_t i = list_find(vm, self, argv[1], 0, INT64_MAX);
  if (i == -2) return AW_EXC;
  if (i == -1) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "list.remove(x): x not in list");
  memmove(&self->items[i], &self->items[i + 1], (size_t)(self->len - i - 1) * sizeof(AwValue));
  self->len--;
  return AW_NONE;
}

// The start/stop arguments of index(): clamped like slice bounds.
static bool index_bounds(AwVM *vm, int argc, AwValue *argv, int64_t len, int64_t *start, int64_t *stop) {
  *start = 0;
  *stop = INT64_MAX;
  if (argc > 2 && !aw_index(vm, argv[2], start)) return false;
  if (argc > 3 && !aw_index(vm, argv[3], stop)) return false;
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  if (*stop < 0) {
    *stop += len;
    if (*stop < 0) *stop = 0;
  }
  return true;
}

static AwValue list_index(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("index");
  if (!ct_check_args(vm, "index", argc - 1, kwnames, 1, 3)) return AW_EXC;
  int64_t start, stop;
  if (!index_bounds(vm, argc, argv, self->len, &start, &stop)) return AW_EXC;
  int64_t i = list_find(vm, self, argv[1], start, stop);
  if (i == -2) return AW_EXC;
  if (i == -1) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%R is not in list", argv[1]);
  return AW_INT(i);
}

static AwValue list_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("count");
  if (!ct_check_args(vm, "list.count", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int64_t n = 0;
  for (int64_t i = 0; i < self->len; i++) {
    int r = ct_same_or_eq(vm, self->items[i], argv[1]);
    if (r < 0) return AW_EXC;
    n += r;
  }
  return AW_INT(n);
}

static AwValue list_sort_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("sort");
  if (argc > 1) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "sort() takes no positional arguments");
  AwValue key = AW_UNDEF;
  int reverse = 0;
  int nkw = kwnames ? (int)kwnames->len : 0;
  for (int i = 0; i < nkw; i++) {
    AwValue name = kwnames->items[i], v = argv[argc + i];
    if (aw_str_eq_cstr(name, "key")) {
      key = v;
    } else if (aw_str_eq_cstr(name, "reverse")) {
      reverse = aw_truthy(vm, v);
      if (reverse < 0) return AW_EXC;
    } else {
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%R is an invalid keyword argument for sort()", name);
    }
  }
  return aw_list_sort(vm, self, key, reverse != 0) ? AW_NONE : AW_EXC;
}

static AwValue list_reverse(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("reverse");
  if (!ct_check_args(vm, "list.reverse", argc - 1, kwnames, 0, 0)) return AW_EXC;
  reverse_values(self->items, self->len);
  return AW_NONE;
}

// A new list with the [n] values at [src].
static AwList *list_from_array(AwVM *vm, const AwValue *src, int64_t n) {
  AwList *l = aw_list_new(vm, n);
  if (!l) return NULL;
  if (n) memcpy(l->items, src, (size_t)n * sizeof(AwValue));
  l->len = n;
  return l;
}

static AwValue list_copy(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("copy");
  if (!ct_check_args(vm, "list.copy", argc - 1, kwnames, 0, 0)) return AW_EXC;
  AwList *c = list_from_array(vm, self->items, self->len);
  return c ? AW_OBJ(c) : AW_EXC;
}

static AwValue list_clear(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("clear");
  if (!ct_check_args(vm, "list.clear", argc - 1, kwnames, 0, 0)) return AW_EXC;
  aw_mem_free(vm, self->items, (size_t)self->cap * sizeof(AwValue));
  self->items = NULL;
  self->len = self->cap = 0;
  return AW_NONE;
}

static AwValue list_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__len__");
  if (!ct_check_args(vm, "list.__len__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return AW_INT(self->len);
}

static AwValue list_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__getitem__");
  if (!ct_check_args(vm, "list.__getitem__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue key = argv[1];
  if (AW_SLICE_KIND(key)) {
    int64_t start, stop, step, n;
    if (!aw_slice_indices(vm, (AwSlice *)AW_AS_OBJ(key), self->len, &start, &stop, &step, &n)) return AW_EXC;
    if (step == 1) {
      AwList *r = list_from_array(vm, self->items + start, n);
      return r ? AW_OBJ(r) : AW_EXC;
    }
    AwList *r = aw_list_new(vm, n);
    if (!r) return AW_EXC;
    for (int64_t i = 0, j = start; i < n; i++, j += step) r->items[i] = self->items[j];
    r->len = n;
    return AW_OBJ(r);
  }
  int64_t i;
  if (!ct_subscript_index(vm, key, "list", &i)) return AW_EXC;
  if (!ct_norm_index(&i, self->len)) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "list index out of range");
  return self->items[i];
}

// The items of [v] for a slice assignment, as a list rooted by the caller
// (CPython's PySequence_Fast: a TypeError from iter() becomes [msg]).
static AwList *assign_source(AwVM *vm, AwValue v, const char *msg) {
  if (AW_IS_LIST(v)) return list_from_array(vm, AW_AS_LIST(v)->items, AW_AS_LIST(v)->len);
  if (AW_IS_TUPLE(v)) return list_from_array(vm, AW_AS_TUPLE(v)->items, AW_AS_TUPLE(v)->len);
  AwValue it = aw_get_iter(vm, v);
  if (AW_IS_EXC(it)) {
    if (aw_exc_pending_is(vm, AW_EXCCLS(vm, TypeError))) {
      aw_exc_take(vm);
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s", msg);
    }
    return NULL;
  }
  aw_push_root(vm, it);
  AwList *l = aw_list_from_iterable(vm, it);
  aw_pop_root(vm);
  return l;
}

static bool list_assign_slice(AwVM *vm, AwList *self, AwSlice *sl, AwValue value) {
  // Bounds first (their __index__ may run code), then the source, then
  // clamping against the length the source's iteration left (CPython's order).
  int64_t start, stop, step;
  if (!aw_slice_unpack(vm, sl, &start, &stop, &step)) return false;
  AwList *src = assign_source(vm, value, step == 1 ? "can only assign an iterable"
                                                   : "must assign iterable to extended slice");
  if (!src) return false;
  int64_t n = aw_slice_adjust(self->len, &start, &stop, step);
  int64_t m = src->len;
  if (step == 1) {
    if (stop < start) stop = start;
    int64_t delta = m - (stop - start);
    if (delta > 0 && !list_reserve(vm, self, self->len + delta)) return false;
    if (self->len > stop)
      memmove(&self->items[stop + delta], &self->items[stop], (size_t)(self->len - stop) * sizeof(AwValue));
    if (m) memcpy(&self->items[start], src->items, (size_t)m * sizeof(AwValue));
    self->len += delta;
    return true;
  }
  if (m != n) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "attempt to assign sequence of size %lld to extended slice of size %lld",
              (long long)m, (long long)n);
    return false;
  }
  for (int64_t i = 0, j = start; i < n; i++, j += step) self->items[j] = src->items[i];
  return true;
}

static AwValue list_setitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__setitem__");
  if (!ct_check_args(vm, "list.__setitem__", argc - 1, kwnames, 2, 2)) return AW_EXC;
  if (AW_SLICE_KIND(argv[1]))
    return list_assign_slice(vm, self, (AwSlice *)AW_AS_OBJ(argv[1]), argv[2]) ? AW_NONE : AW_EXC;
  int64_t i;
  if (!ct_subscript_index(vm, argv[1], "list", &i)) return AW_EXC;
  if (!ct_norm_index(&i, self->len))
    return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "list assignment index out of range");
  self->items[i] = argv[2];
  return AW_NONE;
}

static AwValue list_delitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__delitem__");
  if (!ct_check_args(vm, "list.__delitem__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (AW_SLICE_KIND(argv[1])) {
    int64_t start, stop, step, n;
    if (!aw_slice_indices(vm, (AwSlice *)AW_AS_OBJ(argv[1]), self->len, &start, &stop, &step, &n)) return AW_EXC;
    if (n == 0) return AW_NONE;
    if (step < 0) {  // the same items, walked forwards
      start += step * (n - 1);
      step = -step;
    }
    // Keep every item except start, start+step, ... (n of them).
    int64_t o = start, next_del = start, deleted = 0;
    for (int64_t i = start; i < self->len; i++) {
      if (deleted < n && i == next_del) {
        deleted++;
        next_del += step;
        continue;
      }
      self->items[o++] = self->items[i];
    }
    self->len = o;
    return AW_NONE;
  }
  int64_t i;
  if (!ct_subscript_index(vm, argv[1], "list", &i)) return AW_EXC;
  if (!ct_norm_index(&i, self->len))
    return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "list assignment index out of range");
  memmove(&self->items[i], &self->items[i + 1], (size_t)(self->len - i - 1) * sizeof(AwValue));
  self->len--;
  return AW_NONE;
}

static AwValue list_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__contains__");
  if (!ct_check_args(vm, "list.__contains__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int64_t i = list_find(vm, self, argv[1], 0, INT64_MAX);
  if (i == -2) return AW_EXC;
  return AW_BOOL(i >= 0);
}

static AwValue list_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__iter__");
  if (!ct_check_args(vm, "list.__iter__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_list(vm, self);
}

static AwValue list_reversed(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__reversed__");
  if (!ct_check_args(vm, "list.__reversed__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_list_reversed(vm, self);
}

static AwValue list_add(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__add__");
  if (!ct_check_args(vm, "list.__add__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue o = argv[1];
  if (!AW_IS_LIST(o)) {
    if (ct_has_special(vm, o, AW_N(vm, radd))) return vm->not_implemented;
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can only concatenate list (not \"%s\") to list",
                     aw_type_name(vm, o));
  }
  AwList *b = AW_AS_LIST(o);
  AwList *r = aw_list_new(vm, self->len + b->len);
  if (!r) return AW_EXC;
  if (self->len) memcpy(r->items, self->items, (size_t)self->len * sizeof(AwValue));
  if (b->len) memcpy(r->items + self->len, b->items, (size_t)b->len * sizeof(AwValue));
  r->len = self->len + b->len;
  return AW_OBJ(r);
}

static AwValue list_iadd(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__iadd__");
  if (!ct_check_args(vm, "list.__iadd__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!aw_list_extend(vm, self, argv[1])) return AW_EXC;
  return argv[0];
}

// The repeat count of seq * n; NotImplemented (in *out) lets a reflected
// __rmul__ run. Returns false on error.
static bool repeat_count(AwVM *vm, AwValue n, AwValue *notimpl, int64_t *out) {
  *notimpl = AW_UNDEF;
  if (AW_IS_INTLIKE(n)) {
    *out = AW_AS_INT(n);
    return true;
  }
  if (ct_has_special(vm, n, AW_N(vm, rmul))) {
    *notimpl = vm->not_implemented;
    return true;
  }
  if (AW_IS_OBJ(n) && !AW_IS_UNDEF(aw_lookup_special(vm, n, AW_N(vm, index)))) return aw_index(vm, n, out);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't multiply sequence by non-int of type '%s'", aw_type_name(vm, n));
  return false;
}

// Fills dst with [times] copies of the [n] values at src.
static void repeat_fill(AwValue *dst, const AwValue *src, int64_t n, int64_t times) {
  if (n == 0) return;
  if (n == 1) {
    for (int64_t i = 0; i < times; i++) dst[i] = src[0];
    return;
  }
  for (int64_t i = 0; i < times; i++) memcpy(dst + i * n, src, (size_t)n * sizeof(AwValue));
}

static AwValue list_mul(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__mul__");
  if (!ct_check_args(vm, "list.__mul__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue ni;
  int64_t times;
  if (!repeat_count(vm, argv[1], &ni, &times)) return AW_EXC;
  if (!AW_IS_UNDEF(ni)) return ni;
  if (times < 0) times = 0;
  int64_t total;
  if (__builtin_mul_overflow(self->len, times, &total) || total > ((int64_t)1 << 40))
    return aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
  AwList *r = aw_list_new(vm, total);
  if (!r) return AW_EXC;
  repeat_fill(r->items, self->items, self->len, times);
  r->len = total;
  return AW_OBJ(r);
}

static AwValue list_imul(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_LIST("__imul__");
  if (!ct_check_args(vm, "list.__imul__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue ni;
  int64_t times;
  if (!repeat_count(vm, argv[1], &ni, &times)) return AW_EXC;
  if (!AW_IS_UNDEF(ni)) return ni;
  if (times < 0) times = 0;
  int64_t total;
  if (__builtin_mul_overflow(self->len, times, &total) || total > ((int64_t)1 << 40))
    return aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
  if (!list_reserve(vm, self, total)) return AW_EXC;
  int64_t n = self->len;
  for (int64_t i = 1; i < times && n; i++) memcpy(self->items + i * n, self->items, (size_t)n * sizeof(AwValue));
  self->len = total;
  return argv[0];
}

#define LIST_CMP(name, dunder, op)                                               \
  static AwValue name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {     \
    SELF_LIST(dunder);                                                           \
    (void)self;                                                                  \
    if (!ct_check_args(vm, "list." dunder, argc - 1, kwnames, 1, 1)) return AW_EXC; \
    return aw_seq_richcompare(vm, argv[0], argv[1], op);                         \
  }
LIST_CMP(list_eq, "__eq__", AW_EQ)
LIST_CMP(list_ne, "__ne__", AW_NE)
LIST_CMP(list_lt, "__lt__", AW_LT)
LIST_CMP(list_le, "__le__", AW_LE)
LIST_CMP(list_gt, "__gt__", AW_GT)
LIST_CMP(list_ge, "__ge__", AW_GE)

bool aw_list_init_class(AwVM *vm) {
  static const struct {
    const char *name;
    AwNativeFn fn;
  } methods[] = {
      {"__init__", list_init},       {"append", list_append},     {"extend", list_extend},
      {"insert", list_insert},       {"pop", list_pop},           {"remove", list_remove},
      {"index", list_index},         {"count", list_count},       {"sort", list_sort_m},
      {"reverse", list_reverse},     {"copy", list_copy},         {"clear", list_clear},
      {"__len__", list_len},         {"__getitem__", list_getitem}, {"__setitem__", list_setitem},
      {"__delitem__", list_delitem}, {"__contains__", list_contains}, {"__iter__", list_iter},
      {"__reversed__", list_reversed}, {"__add__", list_add},     {"__iadd__", list_iadd},
      {"__mul__", list_mul},         {"__rmul__", list_mul},      {"__imul__", list_imul},
      {"__eq__", list_eq},            {"__ne__", list_ne},          {"__lt__", list_lt},
      {"__le__", list_le},            {"__gt__", list_gt},          {"__ge__", list_ge},
  };
  AwClass *c = AW_CLS(vm, list);
  if (!aw_class_add_native(vm, c, "__new__", list_new, AW_NATIVE_STATIC)) return false;
  for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
    if (!aw_class_add_native(vm, c, methods[i].name, methods[i].fn, AW_NATIVE_METHOD)) return false;
  return ct_set_unhashable(vm, c);
}

// vm/iter.c -- the C iterators: one AwIter layout whose `next` function
// does the work (list, tuple, range, set and dict iterators; enumerate,
// zip, map, filter, reversed, callable_iterator, the __getitem__ sequence
// iterator) and their classes' __new__/__iter__/__next__. aw_iter_next and
// aw_get_iter (ops.c) drive them; dict views live in dict.c.
#include "vm/container.h"

AwIter *aw_iter_new(AwVM *vm, AwClass *cls, AwIterNextFn next, AwValue a, AwValue b) {
  AwIter *it = (AwIter *)aw_obj_alloc(vm, sizeof(AwIter), AW_OBJ_ITER, cls);
  if (!it) return NULL;
  it->next = next;
  it->a = a;
  it->b = b;
  it->c = AW_UNDEF;
  it->i = it->j = it->n = 0;
  return it;
}

static AwValue iter_value(AwIter *it) { return it ? AW_OBJ(it) : AW_EXC; }

// ---- sequences ---------------------------------------------------------------------
// An exhausted iterator drops its container (a = UNDEF) and stays exhausted
// even if the container grows later, as in CPython. interp.c's FOR_ITER
// inlines list_next and range_next for the list_iterator and
// range_iterator classes: keep them in step.

static AwValue list_next(AwVM *vm, AwIter *it) {
  (void)vm;
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwList *l = AW_AS_LIST(it->a);
  if (it->i < l->len) return l->items[it->i++];
  it->a = AW_UNDEF;
  return AW_UNDEF;
}

AwValue aw_iter_list(AwVM *vm, AwList *l) {
  return iter_value(aw_iter_new(vm, AW_CLS(vm, list_iterator), list_next, AW_OBJ(l), AW_UNDEF));
}

static AwValue list_rev_next(AwVM *vm, AwIter *it) {
  (void)vm;
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwList *l = AW_AS_LIST(it->a);
  if (it->i >= 0 && it->i < l->len) return l->items[it->i--];
  it->a = AW_UNDEF;
  return AW_UNDEF;
}

AwValue aw_iter_list_reversed(AwVM *vm, AwList *l) {
  AwIter *it = aw_iter_new(vm, AW_CLS(vm, list_reverseiterator), list_rev_next, AW_OBJ(l), AW_UNDEF);
  if (it) it->i = l->len - 1;
  return iter_value(it);
}

static AwValue tuple_next(AwVM *vm, AwIter *it) {
  (void)vm;
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwTuple *t = AW_AS_TUPLE(it->a);
  if (it->i < t->len) return t->items[it->i++];
  it->a = AW_UNDEF;
  return AW_UNDEF;
}

AwValue aw_iter_tuple(AwVM *vm, AwTuple *t) {
  return iter_value(aw_iter_new(vm, AW_CLS(vm, tuple_iterator), tuple_next, AW_OBJ(t), AW_UNDEF));
}

// range_iterator: i = next value, j = step, n = items left.
static AwValue range_next(AwVM *vm, AwIter *it) {
  (void)vm;
  if (it->n <= 0) return AW_UNDEF;
  int64_t v = it->i;
  if (--it->n > 0) it->i += it->j;  // stays within the range: no overflow
  return AW_INT(v);
}

static AwValue range_iter_make(AwVM *vm, int64_t first, int64_t step, int64_t n) {
  AwIter *it = aw_iter_new(vm, AW_CLS(vm, range_iterator), range_next, AW_UNDEF, AW_UNDEF);
  if (!it) return AW_EXC;
  it->i = first;
  it->j = step;
  it->n = n;
  return AW_OBJ(it);
}

AwValue aw_iter_range(AwVM *vm, AwRange *r) { return range_iter_make(vm, r->start, r->step, r->len); }

AwValue aw_iter_range_reversed(AwVM *vm, AwRange *r) {
  if (r->len == 0) return range_iter_make(vm, 0, 1, 0);
  int64_t last = (int64_t)((uint64_t)r->start + (uint64_t)(r->len - 1) * (uint64_t)r->step);
  int64_t step = r->len > 1 ? -r->step : 1;  // len > 1 implies |step| < 2**63
  return range_iter_make(vm, last, step, r->len);
}

// ---- sets and dicts --------------------------------------------------------------------
// i = position in the entries, n = the length when iteration started (a
// resize shows as a length change), j = items still expected.

static AwValue set_next(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwDict *d = &AW_AS_SET(it->a)->table;
  if (d->len != it->n) {
    it->n = -1;  // sticky
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Set changed size during iteration");
  }
  AwValue k;
  if (aw_dict_next(d, &it->i, &k, NULL)) return k;
  it->a = AW_UNDEF;
  return AW_UNDEF;
}

AwValue aw_iter_set(AwVM *vm, AwSet *s) {
  AwIter *it = aw_iter_new(vm, AW_CLS(vm, set_iterator), set_next, AW_OBJ(s), AW_UNDEF);
  if (it) it->n = s->table.len;
  return iter_value(it);
}

// The next live entry of a dict iterator (forwards or backwards), with
// CPython's mutation checks; NULL when exhausted or on error (*err set).
static AwDictEntry *dict_iter_entry(AwVM *vm, AwIter *it, bool *err) {
  *err = false;
  if (AW_IS_UNDEF(it->a)) return NULL;
  AwDict *d = AW_AS_DICT(it->a);
  if (d->len != it->n) {
    it->n = -1;
    *err = true;
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "dictionary changed size during iteration");
    return NULL;
  }
  AwDictEntry *e = NULL;
  if (AW_AS_BOOL(it->b)) {  // reversed
    while (it->i >= 0 && it->i < d->used && AW_IS_UNDEF(d->entries[it->i].key)) it->i--;
    if (it->i >= 0 && it->i < d->used) e = &d->entries[it->i--];
  } else {
    while (it->i < d->used && AW_IS_UNDEF(d->entries[it->i].key)) it->i++;
    if (it->i < d->used) e = &d->entries[it->i++];
  }
  if (!e) {
    it->a = AW_UNDEF;
    return NULL;
  }
  if (it->j-- <= 0) {  // same size but different keys: deleted then added
    it->n = -1;
    *err = true;
    aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "dictionary keys changed during iteration");
    return NULL;
  }
  return e;
}

static AwValue dict_key_next(AwVM *vm, AwIter *it) {
  bool err;
  AwDictEntry *e = dict_iter_entry(vm, it, &err);
  return e ? e->key : err ? AW_EXC : AW_UNDEF;
}

static AwValue dict_value_next(AwVM *vm, AwIter *it) {
  bool err;
  AwDictEntry *e = dict_iter_entry(vm, it, &err);
  return e ? e->value : err ? AW_EXC : AW_UNDEF;
}

static AwValue dict_item_next(AwVM *vm, AwIter *it) {
  bool err;
  AwDictEntry *e = dict_iter_entry(vm, it, &err);
  if (!e) return err ? AW_EXC : AW_UNDEF;
  return aw_tuple_pack(vm, 2, e->key, e->value);
}

AwValue aw_iter_dict(AwVM *vm, AwDict *d, int what, bool reversed) {
  AwClass *cls = what == 0 ? AW_CLS(vm, dict_keyiterator)
               : what == 1 ? AW_CLS(vm, dict_valueiterator)
                           : AW_CLS(vm, dict_itemiterator);
  AwIterNextFn fn = what == 0 ? dict_key_next : what == 1 ? dict_value_next : dict_item_next;
  AwIter *it = aw_iter_new(vm, cls, fn, AW_OBJ(d), AW_BOOL(reversed));
  if (!it) return AW_EXC;
  it->i = reversed ? d->used - 1 : 0;
  it->n = d->len;
  it->j = d->len;
  return AW_OBJ(it);
}

// ---- the generic __getitem__ iterator and iter(callable, sentinel) ------------------

// True (and the exception cleared) if the pending one ends a sequence.
static bool take_end_of_sequence(AwVM *vm) {
  if (aw_exc_pending_is(vm, AW_EXCCLS(vm, IndexError)) || aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    aw_exc_take(vm);
    return true;
  }
  return false;
}

static AwValue seq_next(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwValue v = aw_getitem(vm, it->a, AW_INT(it->i));
  if (AW_IS_EXC(v)) {
    if (!take_end_of_sequence(vm)) return AW_EXC;
    it->a = AW_UNDEF;
    return AW_UNDEF;
  }
  it->i++;
  return v;
}

AwValue aw_iter_seq(AwVM *vm, AwValue v) {
  return iter_value(aw_iter_new(vm, AW_CLS(vm, iterator), seq_next, v, AW_UNDEF));
}

// a = the callable, b = the sentinel.
static AwValue callable_next(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwValue r = aw_call(vm, it->a, 0, NULL, NULL);
  if (AW_IS_EXC(r)) {
    if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) return AW_EXC;
    aw_exc_take(vm);
    it->a = AW_UNDEF;
    return AW_UNDEF;
  }
  aw_push_root(vm, r);
  int eq = aw_eq(vm, it->b, r);
  aw_pop_root(vm);
  if (eq < 0) return AW_EXC;
  if (eq) {
    it->a = AW_UNDEF;
    return AW_UNDEF;
  }
  return r;
}

AwValue aw_iter_callable(AwVM *vm, AwValue callable, AwValue sentinel) {
  return iter_value(aw_iter_new(vm, AW_CLS(vm, callable_iterator), callable_next, callable, sentinel));
}

// ---- the fast path of iter() -----------------------------------------------------------

static bool is_dict_view(AwVM *vm, AwValue v) {
  AwClass *c = aw_obj_class(vm, AW_AS_OBJ(v));
  return c == AW_CLS(vm, dict_keys) || c == AW_CLS(vm, dict_values) || c == AW_CLS(vm, dict_items);
}

AwValue aw_iter_builtin(AwVM *vm, AwValue v) {
  if (!AW_IS_OBJ(v)) return AW_UNDEF;
  switch ((AwObjKind)AW_KIND(v)) {
  case AW_OBJ_LIST: return aw_iter_list(vm, AW_AS_LIST(v));
  case AW_OBJ_TUPLE: return aw_iter_tuple(vm, AW_AS_TUPLE(v));
  case AW_OBJ_RANGE: return aw_iter_range(vm, (AwRange *)AW_AS_OBJ(v));
  case AW_OBJ_DICT: return aw_iter_dict(vm, AW_AS_DICT(v), 0, false);
  case AW_OBJ_SET: return aw_iter_set(vm, AW_AS_SET(v));
  case AW_OBJ_ITER: {
    if (!is_dict_view(vm, v)) return v;  // an iterator is its own iterator
    AwIter *view = (AwIter *)AW_AS_OBJ(v);
    AwClass *c = aw_obj_class(vm, &view->obj);
    int what = c == AW_CLS(vm, dict_keys) ? 0 : c == AW_CLS(vm, dict_values) ? 1 : 2;
    return aw_iter_dict(vm, AW_AS_DICT(view->a), what, false);
  }
  default: return AW_UNDEF;
  }
}

// ---- enumerate, zip, map, filter -------------------------------------------------------

// enumerate: a = the iterator, i = the next count.
static AwValue enumerate_next(AwVM *vm, AwIter *it) {
  AwValue v = aw_iter_next(vm, it->a);
  if (AW_IS_UNDEF(v) || AW_IS_EXC(v)) return v;
  AwValue n = AW_INT(it->i);
  if (__builtin_add_overflow(it->i, 1, &it->i))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
  return aw_tuple_pack(vm, 2, n, v);
}

static AwValue enumerate_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"iterable", "start", NULL};
  AwValue args[2];
  // CPython names the missing iterable without a position here.
  if (argc == 1 && (!kwnames || kwnames->len == 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "enumerate() missing required argument 'iterable'");
  if (!aw_parse_args(vm, "enumerate", argc - 1, argv + 1, kwnames, 1, names, args)) return AW_EXC;
  int64_t start = 0;
  if (!AW_IS_UNDEF(args[1]) && !aw_index(vm, args[1], &start)) return AW_EXC;
  AwValue src = aw_get_iter(vm, args[0]);
  if (AW_IS_EXC(src)) return src;
  AwIter *it = aw_iter_new(vm, AW_AS_CLASS(argv[0]), enumerate_next, src, AW_UNDEF);
  if (!it) return AW_EXC;
  it->i = start;
  return AW_OBJ(it);
}

// iter() of each of [n] values, as a tuple.
static AwTuple *iter_tuple(AwVM *vm, int n, AwValue *vals) {
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t || n == 0) return t;
  aw_push_root(vm, AW_OBJ(t));
  for (int i = 0; i < n; i++) {
    AwValue it = aw_get_iter(vm, vals[i]);
    if (AW_IS_EXC(it)) {
      aw_pop_root(vm);
      return NULL;
    }
    t->items[i] = it;
  }
  aw_pop_root(vm);
  return t;
}

// zip: a = tuple of iterators, i = strict.
static AwValue zip_next(AwVM *vm, AwIter *it) {
  AwTuple *its = AW_AS_TUPLE(it->a);
  int64_t n = its->len;
  if (n == 0) return AW_UNDEF;
  AwTuple *r = aw_tuple_new(vm, n);
  if (!r) return AW_EXC;
  aw_push_root(vm, AW_OBJ(r));
  AwValue result = AW_OBJ(r);
  for (int64_t k = 0; k < n; k++) {
    AwValue v = aw_iter_next(vm, its->items[k]);
    if (AW_IS_EXC(v)) {
      result = AW_EXC;
      break;
    }
    if (!AW_IS_UNDEF(v)) {
      r->items[k] = v;
      continue;
    }
    result = AW_UNDEF;
    if (!it->i) break;
    // strict=True: every iterator must end together (CPython's messages).
    if (k > 0) {
      result = aw_raisef(vm, AW_EXCCLS(vm, ValueError), "zip() argument %lld is shorter than argument%s%lld",
                         (long long)(k + 1), k == 1 ? " " : "s 1-", (long long)k);
      break;
    }
    for (int64_t m = 1; m < n; m++) {
      AwValue w = aw_iter_next(vm, its->items[m]);
      if (AW_IS_EXC(w)) {
        result = AW_EXC;
        break;
      }
      if (!AW_IS_UNDEF(w)) {
        result = aw_raisef(vm, AW_EXCCLS(vm, ValueError), "zip() argument %lld is longer than argument%s%lld",
                           (long long)(m + 1), m == 1 ? " " : "s 1-", (long long)m);
        break;
      }
    }
    break;
  }
  aw_pop_root(vm);
  return result;
}

static AwValue zip_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int strict = 0;
  int nkw = kwnames ? (int)kwnames->len : 0;
  for (int i = 0; i < nkw; i++) {
    if (!aw_str_eq_cstr(kwnames->items[i], "strict"))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%R is an invalid keyword argument for zip()",
                       kwnames->items[i]);
    strict = aw_truthy(vm, argv[argc + i]);
    if (strict < 0) return AW_EXC;
  }
  AwTuple *its = iter_tuple(vm, argc - 1, argv + 1);
  if (!its) return AW_EXC;
  AwIter *it = aw_iter_new(vm, AW_AS_CLASS(argv[0]), zip_next, AW_OBJ(its), AW_UNDEF);
  if (!it) return AW_EXC;
  it->i = strict;
  return AW_OBJ(it);
}

// map: a = the function, b = tuple of iterators.
static AwValue map_next(AwVM *vm, AwIter *it) {
  AwTuple *its = AW_AS_TUPLE(it->b);
  if (its->len == 1) {
    AwValue v = aw_iter_next(vm, its->items[0]);
    if (AW_IS_UNDEF(v) || AW_IS_EXC(v)) return v;
    aw_push_root(vm, v);
    AwValue r = aw_call(vm, it->a, 1, &v, NULL);
    aw_pop_root(vm);
    return r;
  }
  AwTuple *args = aw_tuple_new(vm, its->len);
  if (!args) return AW_EXC;
  aw_push_root(vm, AW_OBJ(args));
  AwValue r = AW_UNDEF;
  for (int64_t k = 0; k < its->len; k++) {
    AwValue v = aw_iter_next(vm, its->items[k]);
    if (AW_IS_UNDEF(v) || AW_IS_EXC(v)) {
      aw_pop_root(vm);
      return v;
    }
    args->items[k] = v;
  }
  r = aw_call(vm, it->a, (int)args->len, args->items, NULL);
  aw_pop_root(vm);
  return r;
}

static AwValue map_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "map() takes no keyword arguments");
  if (argc < 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "map() must have at least two arguments.");
  AwTuple *its = iter_tuple(vm, argc - 2, argv + 2);
  if (!its) return AW_EXC;
  return iter_value(aw_iter_new(vm, AW_AS_CLASS(argv[0]), map_next, argv[1], AW_OBJ(its)));
}

// filter: a = the function (None: truthiness), b = the iterator.
static AwValue filter_next(AwVM *vm, AwIter *it) {
  for (;;) {
    AwValue v = aw_iter_next(vm, it->b);
    if (AW_IS_UNDEF(v) || AW_IS_EXC(v)) return v;
    aw_push_root(vm, v);
    int t;
    if (AW_IS_NONE(it->a)) {
      t = aw_truthy(vm, v);
    } else {
      AwValue r = aw_call(vm, it->a, 1, &v, NULL);
      t = AW_IS_EXC(r) ? -1 : aw_truthy(vm, r);
    }
    aw_pop_root(vm);
    if (t < 0) return AW_EXC;
    if (t) return v;
  }
}

static AwValue filter_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "filter() takes no keyword arguments");
  if (argc != 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "filter expected 2 arguments, got %d", argc - 1);
  AwValue src = aw_get_iter(vm, argv[2]);
  if (AW_IS_EXC(src)) return src;
  return iter_value(aw_iter_new(vm, AW_AS_CLASS(argv[0]), filter_next, argv[1], src));
}

// ---- reversed --------------------------------------------------------------------------

// reversed over __len__/__getitem__: a = the sequence, i = next index.
static AwValue reversed_next(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->a) || it->i < 0) {
    it->a = AW_UNDEF;
    return AW_UNDEF;
  }
  if (AW_IS_TUPLE(it->a)) {
    AwTuple *t = AW_AS_TUPLE(it->a);
    return it->i < t->len ? t->items[it->i--] : AW_UNDEF;
  }
  AwValue v = aw_getitem(vm, it->a, AW_INT(it->i));
  if (AW_IS_EXC(v)) {
    if (!take_end_of_sequence(vm)) return AW_EXC;
    it->a = AW_UNDEF;
    return AW_UNDEF;
  }
  it->i--;
  return v;
}

static AwValue reversed_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "reversed() takes no keyword arguments");
  if (argc != 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "reversed expected 1 argument, got %d", argc - 1);
  AwValue seq = argv[1];
  if (AW_IS_LIST(seq)) return aw_iter_list_reversed(vm, AW_AS_LIST(seq));
  if (AW_IS_KIND(seq, AW_OBJ_RANGE)) return aw_iter_range_reversed(vm, (AwRange *)AW_AS_OBJ(seq));
  if (AW_IS_DICT(seq)) return aw_iter_dict(vm, AW_AS_DICT(seq), 0, true);
  AwValue r = aw_call_special(vm, seq, AW_N(vm, reversed), 0, NULL);
  if (!AW_IS_UNDEF(r)) return r;
  // The sequence protocol: __getitem__ (dicts and sets are not sequences).
  if (AW_IS_DICT(seq) || AW_IS_SET(seq) || !AW_IS_OBJ(seq) ||
      AW_IS_UNDEF(aw_lookup_special(vm, seq, AW_N(vm, getitem))))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not reversible", aw_type_name(vm, seq));
  int64_t n;
  if (!aw_len(vm, seq, &n)) return AW_EXC;
  AwIter *it = aw_iter_new(vm, AW_AS_CLASS(argv[0]), reversed_next, seq, AW_UNDEF);
  if (!it) return AW_EXC;
  it->i = n - 1;
  return AW_OBJ(it);
}

// ---- __iter__ / __next__ for scripts -------------------------------------------------

static AwValue iter_self(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!ct_check_args(vm, "__iter__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  if (!ct_check_self(vm, argv[0], AW_OBJ_ITER, "iterator", "__iter__")) return AW_EXC;
  return argv[0];
}

static AwValue iter_next_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!ct_check_args(vm, "__next__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  if (!ct_check_self(vm, argv[0], AW_OBJ_ITER, "iterator", "__next__")) return AW_EXC;
  AwIter *it = (AwIter *)AW_AS_OBJ(argv[0]);
  AwValue v = it->next(vm, it);
  if (AW_IS_UNDEF(v)) return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 0, NULL);
  return v;
}

bool aw_iter_init_classes(AwVM *vm) {
  AwClass *iters[] = {
      AW_CLS(vm, list_iterator),      AW_CLS(vm, tuple_iterator),     AW_CLS(vm, str_iterator),
      AW_CLS(vm, bytes_iterator),     AW_CLS(vm, range_iterator),     AW_CLS(vm, set_iterator),
      AW_CLS(vm, dict_keyiterator),   AW_CLS(vm, dict_valueiterator), AW_CLS(vm, dict_itemiterator),
      AW_CLS(vm, list_reverseiterator), AW_CLS(vm, reversed),         AW_CLS(vm, enumerate),
      AW_CLS(vm, zip),                AW_CLS(vm, map),                AW_CLS(vm, filter),
      AW_CLS(vm, callable_iterator),  AW_CLS(vm, iterator),
  };
  for (size_t i = 0; i < sizeof iters / sizeof iters[0]; i++) {
    if (!aw_class_add_native(vm, iters[i], "__iter__", iter_self, AW_NATIVE_METHOD) ||
        !aw_class_add_native(vm, iters[i], "__next__", iter_next_m, AW_NATIVE_METHOD))
      return false;
  }
  return aw_class_add_native(vm, AW_CLS(vm, enumerate), "__new__", enumerate_new, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, AW_CLS(vm, zip), "__new__", zip_new, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, AW_CLS(vm, map), "__new__", map_new, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, AW_CLS(vm, filter), "__new__", filter_new, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, AW_CLS(vm, reversed), "__new__", reversed_new, AW_NATIVE_STATIC);
}

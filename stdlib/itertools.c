// stdlib/itertools.c -- the itertools module. Every iterator is an AwIter
// (vm/object.h) of a class made here on top of the built-in `iterator`
// class (which supplies __iter__/__next__); __new__ builds it. The traced
// slots a, b, c hold values, i, j, n counters, as documented per type.
#include <string.h>

#include "lang/ast.h"
#include "vm/vm.h"

// The class [name] made by aw_open_itertools.
static AwClass *iter_class(AwVM *vm, const char *name) {
  AwValue m = aw_dict_get_cstr(vm, vm->modules, "itertools");
  if (!AW_IS_KIND(m, AW_OBJ_MODULE)) return AW_CLS(vm, iterator);
  AwValue c = aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(m))->dict, name);
  return AW_IS_CLASS(c) ? AW_AS_CLASS(c) : AW_CLS(vm, iterator);
}

static AwValue new_iter(AwVM *vm, const char *cls, AwIterNextFn next, AwValue a, AwValue b) {
  AwIter *it = aw_iter_new(vm, iter_class(vm, cls), next, a, b);
  if (!it) return AW_EXC;
  it->c = AW_UNDEF;
  it->i = it->j = it->n = 0;
  return AW_OBJ(it);
}

static AwIter *as_iter(AwValue v) { return (AwIter *)AW_AS_OBJ(v); }

// __new__ receives the class first: argv[1..] are the real arguments.
#define ARGS_SHIFT() \
  do {               \
    argc--;          \
    argv++;          \
  } while (0)

// Materialises an iterable as a tuple (pools of product/permutations...).
static AwValue to_tuple(AwVM *vm, AwValue iterable) {
  if (AW_IS_TUPLE(iterable)) return iterable;
  AwList *l = aw_list_from_iterable(vm, iterable);
  if (!l) return AW_EXC;
  AwTuple *t = aw_tuple_new(vm, l->len);
  if (!t) return AW_EXC;
  for (int64_t i = 0; i < l->len; i++) t->items[i] = l->items[i];
  return AW_OBJ(t);
}

static AwValue tuple_of_indices(AwVM *vm, AwTuple *pool, AwList *idx, int64_t r) {
  AwTuple *t = aw_tuple_new(vm, r);
  if (!t) return AW_EXC;
  for (int64_t k = 0; k < r; k++) t->items[k] = pool->items[AW_AS_INT(idx->items[k])];
  return AW_OBJ(t);
}

static AwList *int_list(AwVM *vm, int64_t n, int64_t start, int64_t step) {
  AwList *l = aw_list_new(vm, n);
  if (!l) return NULL;
  for (int64_t k = 0; k < n; k++)
    if (!aw_list_append(vm, l, AW_INT(start + k * step))) return NULL;
  return l;
}

// ---- count(start=0, step=1): a = current value, b = step -----------------------------

static AwValue count_next(AwVM *vm, AwIter *it) {
  AwValue cur = it->a;
  if (AW_IS_INT(cur) && AW_IS_INTLIKE(it->b)) {
    int64_t nx;
    if (__builtin_add_overflow(AW_AS_INT(cur), AW_AS_INT(it->b), &nx))
      return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
    it->a = AW_INT(nx);
    return cur;
  }
  AwValue nx = aw_binary_op(vm, AW_BINOP_ADD, cur, it->b);
  if (AW_IS_EXC(nx)) return AW_EXC;
  it->a = nx;
  return cur;
}

static AwValue count_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  static const char *const names[] = {"start", "step", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "count", argc, argv, kwnames, 0, names, a)) return AW_EXC;
  AwValue start = AW_IS_UNDEF(a[0]) ? AW_INT(0) : a[0], step = AW_IS_UNDEF(a[1]) ? AW_INT(1) : a[1];
  for (int k = 0; k < 2; k++) {
    AwValue v = k ? step : start;
    if (!AW_IS_INTLIKE(v) && !AW_IS_FLOAT(v))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a number is required");
  }
  if (AW_IS_BOOL(start)) start = AW_INT(AW_AS_INT(start));
  return new_iter(vm, "count", count_next, start, step);
}

static AwValue count_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwIter *it = as_iter(argv[0]);
  if (AW_IS_INT(it->b) && AW_AS_INT(it->b) == 1) return aw_str_format(vm, "count(%R)", it->a);
  return aw_str_format(vm, "count(%R, %R)", it->a, it->b);
}

// ---- cycle(iterable): a = source iterator (UNDEF when drained), b = saved list, i = replay index

static AwValue cycle_next(AwVM *vm, AwIter *it) {
  AwList *saved = AW_AS_LIST(it->b);
  if (!AW_IS_UNDEF(it->a)) {
    AwValue v = aw_iter_next(vm, it->a);
    if (AW_IS_EXC(v)) return v;
    if (!AW_IS_UNDEF(v)) {
      if (!aw_list_append(vm, saved, v)) return AW_EXC;
      return v;
    }
    it->a = AW_UNDEF;
  }
  if (saved->len == 0) return AW_UNDEF;
  if (it->i >= saved->len) it->i = 0;
  return saved->items[it->i++];
}

static AwValue cycle_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  if (!aw_check_argc(vm, "cycle", argc, kwnames, 1, 1)) return AW_EXC;
  AwValue src = aw_get_iter(vm, argv[0]);
  if (AW_IS_EXC(src)) return AW_EXC;
  aw_push_root(vm, src);
  AwList *saved = aw_list_new(vm, 0);
  AwValue r = saved ? new_iter(vm, "cycle", cycle_next, src, AW_OBJ(saved)) : AW_EXC;
  aw_pop_root(vm);
  return r;
}

// ---- repeat(object, times=None): a = object, n = times left (-1 = forever) ---------------

static AwValue repeat_next(AwVM *vm, AwIter *it) {
  (void)vm;
  if (it->n == 0) return AW_UNDEF;
  if (it->n > 0) it->n--;
  return it->a;
}

static AwValue repeat_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  static const char *const names[] = {"object", "times", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "repeat", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  int64_t times = -1;
  if (!AW_IS_UNDEF(a[1]) && !aw_index(vm, a[1], &times)) return AW_EXC;
  if (!AW_IS_UNDEF(a[1]) && times < 0) times = 0;
  AwValue r = new_iter(vm, "repeat", repeat_next, a[0], AW_UNDEF);
  if (!AW_IS_EXC(r)) as_iter(r)->n = times;
  return r;
}

static AwValue repeat_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwIter *it = as_iter(argv[0]);
  if (it->n < 0) return aw_str_format(vm, "repeat(%R)", it->a);
  return aw_str_format(vm, "repeat(%R, %lld)", it->a, (long long)it->n);
}

// ---- chain(*iterables) / chain.from_iterable(it) ------------------------------------------
// a = the iterables (a tuple, or an iterator of them when j = 1), b = the
// current iterator (UNDEF between), i = next index into the tuple.

static AwValue chain_next(AwVM *vm, AwIter *it) {
  for (;;) {
    if (AW_IS_UNDEF(it->b)) {
      AwValue src;
      if (it->j) {
        if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
        src = aw_iter_next(vm, it->a);
        if (AW_IS_EXC(src)) return src;
        if (AW_IS_UNDEF(src)) {
          it->a = AW_UNDEF;
          return AW_UNDEF;
        }
      } else {
        AwTuple *t = AW_AS_TUPLE(it->a);
        if (it->i >= t->len) return AW_UNDEF;
        src = t->items[it->i++];
      }
      it->c = src;  // keep it alive while iter() runs
      AwValue sub = aw_get_iter(vm, src);
      if (AW_IS_EXC(sub)) return sub;
      it->b = sub;
      it->c = AW_UNDEF;
    }
    AwValue v = aw_iter_next(vm, it->b);
    if (!AW_IS_UNDEF(v)) return v;
    it->b = AW_UNDEF;
  }
}

static AwValue chain_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  if (kwnames && kwnames->len)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "chain() takes no keyword arguments");
  AwTuple *t = aw_tuple_new(vm, argc);
  if (!t) return AW_EXC;
  for (int k = 0; k < argc; k++) t->items[k] = argv[k];
  aw_push_root(vm, AW_OBJ(t));
  AwValue r = new_iter(vm, "chain", chain_next, AW_OBJ(t), AW_UNDEF);
  aw_pop_root(vm);
  return r;
}

static AwValue chain_from_iterable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();  // the class (a classmethod)
  if (!aw_check_argc(vm, "from_iterable", argc, kwnames, 1, 1)) return AW_EXC;
  AwValue src = aw_get_iter(vm, argv[0]);
  if (AW_IS_EXC(src)) return AW_EXC;
  aw_push_root(vm, src);
  AwValue r = new_iter(vm, "chain", chain_next, src, AW_UNDEF);
  aw_pop_root(vm);
  if (!AW_IS_EXC(r)) as_iter(r)->j = 1;
  return r;
}

// ---- islice(iterable, [start,] stop[, step]) ---------------------------------------------
// a = source (UNDEF once done), i = items consumed, j = stop (-1 = None),
// n = step, c = the index of the next item to yield (an int).

static AwValue islice_next(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  int64_t stop = it->j, next = AW_AS_INT(it->c);
  if (stop != -1 && next >= stop) goto done;
  while (it->i < next) {
    AwValue v = aw_iter_next(vm, it->a);
    if (AW_IS_EXC(v)) return v;
    if (AW_IS_UNDEF(v)) goto done;
    it->i++;
  }
  if (stop != -1 && it->i >= stop) goto done;
  AwValue v = aw_iter_next(vm, it->a);
  if (AW_IS_EXC(v)) return v;
  if (AW_IS_UNDEF(v)) goto done;
  it->i++;
  int64_t nx;
  if (__builtin_add_overflow(next, it->n, &nx) || (stop != -1 && nx > stop)) nx = stop;
  it->c = AW_INT(nx);
  return v;
done:
  it->a = AW_UNDEF;
  return AW_UNDEF;
}

static bool islice_arg(AwVM *vm, AwValue v, int64_t dflt, const char *msg, int64_t *out) {
  if (AW_IS_UNDEF(v) || AW_IS_NONE(v)) {
    *out = dflt;
    return true;
  }
  if (!AW_IS_INTLIKE(v) || AW_AS_INT(v) < 0) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%s", msg);
    return false;
  }
  *out = AW_AS_INT(v);
  return true;
}

static AwValue islice_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  if (kwnames && kwnames->len)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "islice() takes no keyword arguments");
  if (argc < 2 || argc > 4)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "islice expected at %s, got %d",
                     argc < 2 ? "least 2 arguments" : "most 4 arguments", argc);
  int64_t start = 0, stop, step = 1;
  static const char stop_msg[] =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  static const char idx_msg[] =
      "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (argc == 2) {
    if (!islice_arg(vm, argv[1], -1, stop_msg, &stop)) return AW_EXC;
  } else {
    if (!islice_arg(vm, argv[1], 0, idx_msg, &start) || !islice_arg(vm, argv[2], -1, stop_msg, &stop))
      return AW_EXC;
    if (argc == 4) {
      if (!AW_IS_UNDEF(argv[3]) && !AW_IS_NONE(argv[3]) && (!AW_IS_INTLIKE(argv[3]) || AW_AS_INT(argv[3]) < 1))
        return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Step for islice() must be a positive integer or None.");
      if (AW_IS_INTLIKE(argv[3])) step = AW_AS_INT(argv[3]);
    }
  }
  AwValue src = aw_get_iter(vm, argv[0]);
  if (AW_IS_EXC(src)) return AW_EXC;
  aw_push_root(vm, src);
  AwValue r = new_iter(vm, "islice", islice_next, src, AW_UNDEF);
  aw_pop_root(vm);
  if (AW_IS_EXC(r)) return r;
  AwIter *it = as_iter(r);
  it->j = stop;
  it->n = step;
  it->c = AW_INT(start);
  return r;
}

// ---- product(*iterables, repeat=1) ---------------------------------------------------------
// a = tuple of pools (tuples), b = list of indices (UNDEF before the first
// item), i = 1 once exhausted.

static AwValue product_next(AwVM *vm, AwIter *it) {
  if (it->i) return AW_UNDEF;
  AwTuple *pools = AW_AS_TUPLE(it->a);
  int64_t n = pools->len;
  if (AW_IS_UNDEF(it->b)) {
    for (int64_t k = 0; k < n; k++)
      if (AW_AS_TUPLE(pools->items[k])->len == 0) {
        it->i = 1;
        return AW_UNDEF;
      }
    AwList *idx = int_list(vm, n, 0, 0);
    if (!idx) return AW_EXC;
    it->b = AW_OBJ(idx);
  } else {
    AwList *idx = AW_AS_LIST(it->b);
    int64_t k = n - 1;
    for (; k >= 0; k--) {
      int64_t v = AW_AS_INT(idx->items[k]) + 1;
      if (v < AW_AS_TUPLE(pools->items[k])->len) {
        idx->items[k] = AW_INT(v);
        break;
      }
      idx->items[k] = AW_INT(0);
    }
    if (k < 0) {
      it->i = 1;
      return AW_UNDEF;
    }
  }
  AwList *idx = AW_AS_LIST(it->b);
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return AW_EXC;
  for (int64_t k = 0; k < n; k++) t->items[k] = AW_AS_TUPLE(pools->items[k])->items[AW_AS_INT(idx->items[k])];
  return AW_OBJ(t);
}

static AwValue product_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  int64_t repeat = 1;
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->len; k++) {
      if (!aw_str_eq_cstr(kwnames->items[k], "repeat"))
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "product() got an unexpected keyword argument '%s'",
                         AW_AS_STR(kwnames->items[k])->data);
      if (!aw_index(vm, argv[argc + k], &repeat)) return AW_EXC;
    }
    if (repeat < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "repeat argument cannot be negative");
  }
  AwTuple *pools = aw_tuple_new(vm, (int64_t)argc * repeat);
  if (!pools) return AW_EXC;
  for (int64_t k = 0; k < pools->len; k++) pools->items[k] = vm->empty_tuple;
  aw_push_root(vm, AW_OBJ(pools));
  AwValue r = AW_UNDEF;
  for (int k = 0; k < argc; k++) {
    AwValue t = to_tuple(vm, argv[k]);
    if (AW_IS_EXC(t)) {
      r = AW_EXC;
      break;
    }
    for (int64_t rep = 0; rep < repeat; rep++) pools->items[rep * argc + k] = t;
  }
  if (AW_IS_UNDEF(r)) r = new_iter(vm, "product", product_next, AW_OBJ(pools), AW_UNDEF);
  aw_pop_root(vm);
  return r;
}

// ---- permutations(iterable, r=None) -----------------------------------------------------
// a = pool, b = indices list, c = cycles list (UNDEF before the first), n = r, i = done.

static AwValue permutations_next(AwVM *vm, AwIter *it) {
  if (it->i) return AW_UNDEF;
  AwTuple *pool = AW_AS_TUPLE(it->a);
  int64_t n = pool->len, r = it->n;
  if (r > n) {
    it->i = 1;
    return AW_UNDEF;
  }
  if (AW_IS_UNDEF(it->c)) {
    AwList *idx = int_list(vm, n, 0, 1);
    if (!idx) return AW_EXC;
    it->b = AW_OBJ(idx);
    AwList *cycles = int_list(vm, r, n, -1);
    if (!cycles) return AW_EXC;
    it->c = AW_OBJ(cycles);
    return tuple_of_indices(vm, pool, idx, r);
  }
  AwList *idx = AW_AS_LIST(it->b), *cycles = AW_AS_LIST(it->c);
  for (int64_t k = r - 1; k >= 0; k--) {
    int64_t cy = AW_AS_INT(cycles->items[k]) - 1;
    if (cy == 0) {
      // indices[k:] = indices[k+1:] + indices[k:k+1]
      AwValue first = idx->items[k];
      for (int64_t m = k; m < n - 1; m++) idx->items[m] = idx->items[m + 1];
      idx->items[n - 1] = first;
      cycles->items[k] = AW_INT(n - k);
    } else {
      cycles->items[k] = AW_INT(cy);
      int64_t j = n - cy;
      AwValue t = idx->items[k];
      idx->items[k] = idx->items[j];
      idx->items[j] = t;
      return tuple_of_indices(vm, pool, idx, r);
    }
  }
  it->i = 1;
  return AW_UNDEF;
}

static AwValue permutations_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  static const char *const names[] = {"iterable", "r", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "permutations", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue pool = to_tuple(vm, a[0]);
  if (AW_IS_EXC(pool)) return AW_EXC;
  int64_t r = AW_AS_TUPLE(pool)->len;
  if (!AW_IS_UNDEF(a[1]) && !AW_IS_NONE(a[1])) {
    if (!aw_index(vm, a[1], &r)) return AW_EXC;
    if (r < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "r must be non-negative");
  }
  aw_push_root(vm, pool);
  AwValue it = new_iter(vm, "permutations", permutations_next, pool, AW_UNDEF);
  aw_pop_root(vm);
  if (!AW_IS_EXC(it)) as_iter(it)->n = r;
  return it;
}

// ---- combinations(iterable, r) / combinations_with_replacement ----------------------------
// a = pool, b = indices (UNDEF before the first), n = r, i = done, j = 1 with replacement.

static AwValue combinations_next(AwVM *vm, AwIter *it) {
  if (it->i) return AW_UNDEF;
  AwTuple *pool = AW_AS_TUPLE(it->a);
  int64_t n = pool->len, r = it->n;
  bool repl = it->j != 0;
  if (AW_IS_UNDEF(it->b)) {
    if ((!repl && r > n) || (repl && n == 0 && r > 0)) {
      it->i = 1;
      return AW_UNDEF;
    }
    AwList *idx = int_list(vm, r, 0, repl ? 0 : 1);
    if (!idx) return AW_EXC;
    it->b = AW_OBJ(idx);
    return tuple_of_indices(vm, pool, idx, r);
  }
  AwList *idx = AW_AS_LIST(it->b);
  int64_t k = r - 1;
  if (repl) {
    while (k >= 0 && AW_AS_INT(idx->items[k]) == n - 1) k--;
    if (k < 0) {
      it->i = 1;
      return AW_UNDEF;
    }
    int64_t v = AW_AS_INT(idx->items[k]) + 1;
    for (int64_t m = k; m < r; m++) idx->items[m] = AW_INT(v);
  } else {
    while (k >= 0 && AW_AS_INT(idx->items[k]) == k + n - r) k--;
    if (k < 0) {
      it->i = 1;
      return AW_UNDEF;
    }
    idx->items[k] = AW_INT(AW_AS_INT(idx->items[k]) + 1);
    for (int64_t m = k + 1; m < r; m++) idx->items[m] = AW_INT(AW_AS_INT(idx->items[m - 1]) + 1);
  }
  return tuple_of_indices(vm, pool, idx, r);
}

static AwValue combinations_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                                   bool repl) {
  static const char *const names[] = {"iterable", "r", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, name, argc, argv, kwnames, 2, names, a)) return AW_EXC;
  int64_t r;
  if (!aw_index(vm, a[1], &r)) return AW_EXC;
  if (r < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "r must be non-negative");
  AwValue pool = to_tuple(vm, a[0]);
  if (AW_IS_EXC(pool)) return AW_EXC;
  aw_push_root(vm, pool);
  AwValue it = new_iter(vm, name, combinations_next, pool, AW_UNDEF);
  aw_pop_root(vm);
  if (!AW_IS_EXC(it)) {
    as_iter(it)->n = r;
    as_iter(it)->j = repl;
  }
  return it;
}

static AwValue combinations_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  return combinations_common(vm, argc, argv, kwnames, "combinations", false);
}

static AwValue combinations_wr_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  return combinations_common(vm, argc, argv, kwnames, "combinations_with_replacement", true);
}

// ---- accumulate(iterable, func=None, *, initial=None) ------------------------------------
// a = source, b = func (None = +), c = running total (UNDEF before the first).

static AwValue accumulate_next(AwVM *vm, AwIter *it) {
  AwValue v = aw_iter_next(vm, it->a);
  if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) return v;
  if (AW_IS_UNDEF(it->c)) {
    it->c = v;
    return v;
  }
  AwValue total;
  aw_push_root(vm, v);  // + or func may run script code
  if (AW_IS_NONE(it->b)) {
    total = aw_binary_op(vm, AW_BINOP_ADD, it->c, v);
  } else {
    AwValue args[2] = {it->c, v};
    total = aw_call(vm, it->b, 2, args, NULL);
  }
  aw_pop_root(vm);
  if (AW_IS_EXC(total)) return AW_EXC;
  it->c = total;
  return total;
}

// With initial: the first call yields it before touching the source.
static AwValue accumulate_initial_next(AwVM *vm, AwIter *it) {
  it->next = accumulate_next;
  (void)vm;
  return it->c;
}

static AwValue accumulate_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  static const char *const names[] = {"iterable", "func", "initial", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "accumulate", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue src = aw_get_iter(vm, a[0]);
  if (AW_IS_EXC(src)) return AW_EXC;
  aw_push_root(vm, src);
  AwValue it = new_iter(vm, "accumulate", accumulate_next, src, AW_IS_UNDEF(a[1]) ? AW_NONE : a[1]);
  aw_pop_root(vm);
  if (!AW_IS_EXC(it) && !AW_IS_UNDEF(a[2]) && !AW_IS_NONE(a[2])) {
    as_iter(it)->c = a[2];
    as_iter(it)->next = accumulate_initial_next;
  }
  return it;
}

// ---- zip_longest(*iterables, fillvalue=None) ----------------------------------------------
// a = list of iterators (None once exhausted), b = fillvalue, n = active count.

static AwValue zip_longest_next(AwVM *vm, AwIter *it) {
  AwList *its = AW_AS_LIST(it->a);
  if (its->len == 0 || it->n == 0) return AW_UNDEF;
  AwTuple *t = aw_tuple_new(vm, its->len);
  if (!t) return AW_EXC;
  it->c = AW_OBJ(t);  // keep the partial tuple alive across next()
  for (int64_t k = 0; k < its->len; k++) {
    if (AW_IS_NONE(its->items[k])) {
      t->items[k] = it->b;
      continue;
    }
    AwValue v = aw_iter_next(vm, its->items[k]);
    if (AW_IS_EXC(v)) return v;
    if (AW_IS_UNDEF(v)) {
      its->items[k] = AW_NONE;
      if (--it->n == 0) {
        it->c = AW_UNDEF;
        return AW_UNDEF;
      }
      v = it->b;
    }
    t->items[k] = v;
  }
  it->c = AW_UNDEF;
  return AW_OBJ(t);
}

static AwValue zip_longest_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  AwValue fill = AW_NONE;
  if (kwnames)
    for (int64_t k = 0; k < kwnames->len; k++) {
      if (!aw_str_eq_cstr(kwnames->items[k], "fillvalue"))
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "zip_longest() got an unexpected keyword argument '%s'",
                         AW_AS_STR(kwnames->items[k])->data);
      fill = argv[argc + k];
    }
  AwList *its = aw_list_new(vm, argc);
  if (!its) return AW_EXC;
  aw_push_root(vm, AW_OBJ(its));
  AwValue r = AW_UNDEF;
  for (int k = 0; k < argc; k++) {
    AwValue sub = aw_get_iter(vm, argv[k]);
    if (AW_IS_EXC(sub) || !aw_list_append(vm, its, sub)) {
      r = AW_EXC;
      break;
    }
  }
  if (AW_IS_UNDEF(r)) r = new_iter(vm, "zip_longest", zip_longest_next, AW_OBJ(its), fill);
  aw_pop_root(vm);
  if (!AW_IS_EXC(r)) as_iter(r)->n = argc;
  return r;
}

// ---- predicate-driven iterators: a = source, b = function ------------------------------------

static AwValue call1(AwVM *vm, AwValue fn, AwValue v) {
  aw_push_root(vm, v);
  AwValue r = aw_call(vm, fn, 1, &v, NULL);
  aw_pop_root(vm);
  return r;
}

// pred(v) as 1/0/-1 (None = truth of v itself).
static int pred_true(AwVM *vm, AwValue pred, AwValue v) {
  if (AW_IS_NONE(pred)) return aw_truthy(vm, v);
  AwValue r = call1(vm, pred, v);
  if (AW_IS_EXC(r)) return -1;
  aw_push_root(vm, v);
  int t = aw_truthy(vm, r);
  aw_pop_root(vm);
  return t;
}

// takewhile: i = 1 once the predicate failed.
static AwValue takewhile_next(AwVM *vm, AwIter *it) {
  if (it->i) return AW_UNDEF;
  AwValue v = aw_iter_next(vm, it->a);
  if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) return v;
  int t = pred_true(vm, it->b, v);
  if (t < 0) return AW_EXC;
  if (!t) {
    it->i = 1;
    return AW_UNDEF;
  }
  return v;
}

// dropwhile: i = 1 once the predicate failed (then everything passes).
static AwValue dropwhile_next(AwVM *vm, AwIter *it) {
  for (;;) {
    AwValue v = aw_iter_next(vm, it->a);
    if (AW_IS_EXC(v) || AW_IS_UNDEF(v) || it->i) return v;
    int t = pred_true(vm, it->b, v);
    if (t < 0) return AW_EXC;
    if (!t) {
      it->i = 1;
      return v;
    }
  }
}

static AwValue filterfalse_next(AwVM *vm, AwIter *it) {
  for (;;) {
    AwValue v = aw_iter_next(vm, it->a);
    if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) return v;
    int t = pred_true(vm, it->b, v);
    if (t < 0) return AW_EXC;
    if (!t) return v;
  }
}

static AwValue starmap_next(AwVM *vm, AwIter *it) {
  AwValue v = aw_iter_next(vm, it->a);
  if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) return v;
  it->c = v;
  AwList *args = aw_list_from_iterable(vm, v);
  if (!args) return AW_EXC;
  it->c = AW_OBJ(args);
  AwValue r = aw_call(vm, it->b, (int)args->len, args->items, NULL);
  it->c = AW_UNDEF;
  return r;
}

// compress(data, selectors): a = data, b = selectors.
static AwValue compress_next(AwVM *vm, AwIter *it) {
  for (;;) {
    AwValue v = aw_iter_next(vm, it->a);
    if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) return v;
    it->c = v;
    AwValue s = aw_iter_next(vm, it->b);
    if (AW_IS_EXC(s) || AW_IS_UNDEF(s)) {
      it->c = AW_UNDEF;
      return s;
    }
    int t = aw_truthy(vm, s);
    it->c = AW_UNDEF;
    if (t < 0) return AW_EXC;
    if (t) return v;
  }
}

// pairwise: c = the previous item (UNDEF before the first).
static AwValue pairwise_next(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->c)) {
    AwValue first = aw_iter_next(vm, it->a);
    if (AW_IS_EXC(first) || AW_IS_UNDEF(first)) return first;
    it->c = first;
  }
  AwValue v = aw_iter_next(vm, it->a);
  if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) return v;
  AwValue pair = aw_tuple_pack(vm, 2, it->c, v);
  if (AW_IS_EXC(pair)) return pair;
  it->c = v;
  return pair;
}

// Builds an iterator of [cls] over iter(argv[src]) with function argv[fn]
// (fn < 0: none).
static AwValue fn_iter(AwVM *vm, const char *cls, AwIterNextFn next, int argc, AwValue *argv,
                       AwTuple *kwnames, int nargs, int src, int fn) {
  if (!aw_check_argc(vm, cls, argc, kwnames, nargs, nargs)) return AW_EXC;
  AwValue s = aw_get_iter(vm, argv[src]);
  if (AW_IS_EXC(s)) return AW_EXC;
  aw_push_root(vm, s);
  AwValue r = new_iter(vm, cls, next, s, fn >= 0 ? argv[fn] : AW_NONE);
  aw_pop_root(vm);
  return r;
}

static AwValue takewhile_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  return fn_iter(vm, "takewhile", takewhile_next, argc, argv, kwnames, 2, 1, 0);
}

static AwValue dropwhile_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  return fn_iter(vm, "dropwhile", dropwhile_next, argc, argv, kwnames, 2, 1, 0);
}

static AwValue filterfalse_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  return fn_iter(vm, "filterfalse", filterfalse_next, argc, argv, kwnames, 2, 1, 0);
}

static AwValue starmap_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  return fn_iter(vm, "starmap", starmap_next, argc, argv, kwnames, 2, 1, 0);
}

static AwValue pairwise_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  return fn_iter(vm, "pairwise", pairwise_next, argc, argv, kwnames, 1, 0, -1);
}

static AwValue compress_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  static const char *const names[] = {"data", "selectors", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "compress", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  AwValue d = aw_get_iter(vm, a[0]);
  if (AW_IS_EXC(d)) return AW_EXC;
  aw_push_root(vm, d);
  AwValue s = aw_get_iter(vm, a[1]);
  AwValue r = AW_IS_EXC(s) ? AW_EXC : new_iter(vm, "compress", compress_next, d, s);
  aw_pop_root(vm);
  return r;
}

// ---- groupby(iterable, key=None) ------------------------------------------------------
// The groupby object: a = source (UNDEF at the end), b = key function or
// None, c = [target key, current key, current value] (a list), j = 1 when
// a current item is held, i = group number. Each _grouper: a = the
// groupby, b = its key, i = its group number (stale groups are empty).

static bool groupby_fetch(AwVM *vm, AwIter *g) {
  AwList *st = AW_AS_LIST(g->c);
  AwValue v = aw_iter_next(vm, g->a);
  if (AW_IS_EXC(v)) return false;
  if (AW_IS_UNDEF(v)) {
    g->a = AW_UNDEF;
    return true;
  }
  st->items[2] = v;
  AwValue k = v;
  if (!AW_IS_NONE(g->b)) {
    k = aw_call(vm, g->b, 1, &st->items[2], NULL);
    if (AW_IS_EXC(k)) return false;
  }
  st->items[1] = k;
  g->j = 1;
  return true;
}

static AwValue grouper_next(AwVM *vm, AwIter *it) {
  AwIter *g = as_iter(it->a);
  if (g->i != it->i) return AW_UNDEF;
  AwList *st = AW_AS_LIST(g->c);
  if (!g->j) {
    if (AW_IS_UNDEF(g->a)) return AW_UNDEF;
    if (!groupby_fetch(vm, g)) return AW_EXC;
    if (!g->j) return AW_UNDEF;
  }
  int eq = aw_eq(vm, st->items[1], it->b);
  if (eq < 0) return AW_EXC;
  if (!eq) return AW_UNDEF;
  g->j = 0;
  return st->items[2];
}

static AwValue groupby_next(AwVM *vm, AwIter *g) {
  AwList *st = AW_AS_LIST(g->c);
  // Skip what is left of the current group.
  for (;;) {
    if (!g->j) {
      if (AW_IS_UNDEF(g->a)) return AW_UNDEF;
      if (!groupby_fetch(vm, g)) return AW_EXC;
      if (!g->j) return AW_UNDEF;
    }
    if (g->i == 0) break;
    int eq = aw_eq(vm, st->items[1], st->items[0]);
    if (eq < 0) return AW_EXC;
    if (!eq) break;
    g->j = 0;
  }
  st->items[0] = st->items[1];
  g->i++;
  AwIter *grp = aw_iter_new(vm, iter_class(vm, "_grouper"), grouper_next, AW_OBJ(g), st->items[0]);
  if (!grp) return AW_EXC;
  grp->c = AW_UNDEF;
  grp->i = g->i;
  grp->j = grp->n = 0;
  return aw_tuple_pack(vm, 2, st->items[0], AW_OBJ(grp));
}

static AwValue groupby_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  ARGS_SHIFT();
  static const char *const names[] = {"iterable", "key", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "groupby", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue src = aw_get_iter(vm, a[0]);
  if (AW_IS_EXC(src)) return AW_EXC;
  aw_push_root(vm, src);
  AwList *st = aw_list_new(vm, 3);
  bool ok = st && aw_list_append(vm, st, AW_NONE) && aw_list_append(vm, st, AW_NONE) &&
            aw_list_append(vm, st, AW_NONE);
  AwValue r = AW_EXC;
  if (ok) {
    aw_push_root(vm, AW_OBJ(st));
    r = new_iter(vm, "groupby", groupby_next, src, AW_IS_UNDEF(a[1]) ? AW_NONE : a[1]);
    if (!AW_IS_EXC(r)) as_iter(r)->c = AW_OBJ(st);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  return r;
}

// ---- tee(iterable, n=2) -------------------------------------------------------------------
// The copies share a 2-list [source iterator, buffer list] in a; each has
// its own position i in the buffer (items are kept for the slowest copy).

static AwValue tee_next(AwVM *vm, AwIter *it) {
  AwList *shared = AW_AS_LIST(it->a);
  AwList *buf = AW_AS_LIST(shared->items[1]);
  if (it->i < buf->len) return buf->items[it->i++];
  if (AW_IS_NONE(shared->items[0])) return AW_UNDEF;
  AwValue v = aw_iter_next(vm, shared->items[0]);
  if (AW_IS_EXC(v)) return v;
  if (AW_IS_UNDEF(v)) {
    shared->items[0] = AW_NONE;
    return v;
  }
  if (!aw_list_append(vm, buf, v)) return AW_EXC;
  it->i++;
  return v;
}

static AwValue itertools_tee(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "tee", argc, kwnames, 1, 2)) return AW_EXC;
  int64_t n = 2;
  if (argc == 2 && !aw_index(vm, argv[1], &n)) return AW_EXC;
  if (n < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "n must be >= 0");
  AwValue src = aw_get_iter(vm, argv[0]);
  if (AW_IS_EXC(src)) return AW_EXC;
  aw_push_root(vm, src);
  AwList *shared = aw_list_new(vm, 2);
  AwList *buf = shared ? aw_list_new(vm, 0) : NULL;
  AwTuple *out = NULL;
  if (buf && aw_list_append(vm, shared, src) && aw_list_append(vm, shared, AW_OBJ(buf))) {
    aw_push_root(vm, AW_OBJ(shared));
    out = aw_tuple_new(vm, n);
    if (out) {
      for (int64_t k = 0; k < n; k++) out->items[k] = AW_NONE;
      aw_push_root(vm, AW_OBJ(out));
      for (int64_t k = 0; k < n && out; k++) {
        AwValue t = new_iter(vm, "_tee", tee_next, AW_OBJ(shared), AW_UNDEF);
        if (AW_IS_EXC(t)) out = NULL;
        else out->items[k] = t;
      }
      aw_pop_root(vm);
    }
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  return out ? AW_OBJ(out) : AW_EXC;
}

// ---- the module ------------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn new_fn;
  AwNativeFn repr_fn;
} IterType;

static const IterType iter_types[] = {
  {"count", count_new, count_repr},
  {"cycle", cycle_new, NULL},
  {"repeat", repeat_new, repeat_repr},
  {"chain", chain_new, NULL},
  {"islice", islice_new, NULL},
  {"product", product_new, NULL},
  {"permutations", permutations_new, NULL},
  {"combinations", combinations_new, NULL},
  {"combinations_with_replacement", combinations_wr_new, NULL},
  {"accumulate", accumulate_new, NULL},
  {"zip_longest", zip_longest_new, NULL},
  {"takewhile", takewhile_new, NULL},
  {"dropwhile", dropwhile_new, NULL},
  {"filterfalse", filterfalse_new, NULL},
  {"starmap", starmap_new, NULL},
  {"compress", compress_new, NULL},
  {"pairwise", pairwise_new, NULL},
  {"groupby", groupby_new, NULL},
  {"_grouper", NULL, NULL},
  {"_tee", NULL, NULL},
  {NULL, NULL, NULL},
};

static AwClass *make_iter_class(AwVM *vm, const char *name) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, AW_CLS(vm, iterator), d);
  aw_pop_root(vm);
  if (!c) return NULL;
  // C iterators: instances are AwIter objects built by __new__.
  c->instance_kind = AW_OBJ_ITER;
  c->is_builtin = 1;
  c->module = aw_str_from_cstr(vm, "itertools");
  return AW_IS_EXC(c->module) ? NULL : c;
}

AwModule *aw_open_itertools(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "itertools");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = aw_module_add_fn(vm, m, "tee", itertools_tee);
  for (const IterType *t = iter_types; ok && t->name; t++) {
    AwClass *c = make_iter_class(vm, t->name);
    ok = c && aw_module_add_value(vm, m, t->name, AW_OBJ(c));
    if (ok && t->new_fn) ok = aw_class_add_native(vm, c, "__new__", t->new_fn, AW_NATIVE_STATIC);
    if (ok && t->repr_fn) ok = aw_class_add_native(vm, c, "__repr__", t->repr_fn, AW_NATIVE_METHOD);
    if (ok && !strcmp(t->name, "chain"))
      ok = aw_class_add_native(vm, c, "from_iterable", chain_from_iterable, AW_NATIVE_CLASSMETHOD);
  }
  aw_pop_root(vm);
  return ok ? m : NULL;
}

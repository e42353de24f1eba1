// stdlib/functools.c -- the functools module: reduce, partial, cmp_to_key,
// lru_cache/cache, wraps/update_wrapper and total_ordering. The callable
// objects are instances of small classes made here, with their state in
// the instance dict (partial.func/.args/.keywords as in CPython).
#include <string.h>

#include "vm/vm.h"

// ---- helpers -------------------------------------------------------------------

static AwValue name_of(AwVM *vm, const char *s) { return aw_str_intern(vm, s, strlen(s)); }

static AwValue field(AwVM *vm, AwValue self, const char *name) {
  if (!AW_IS_KIND(self, AW_OBJ_INSTANCE)) return AW_UNDEF;
  return aw_dict_get_cstr(vm, AW_AS_INSTANCE(self)->dict, name);
}

static bool set_field(AwVM *vm, AwValue self, const char *name, AwValue v) {
  return aw_dict_set_cstr(vm, AW_AS_INSTANCE(self)->dict, name, v);
}

// The global [name] of module functools (a class or helper it made).
static AwValue module_class(AwVM *vm, const char *name) {
  AwValue m = aw_dict_get_cstr(vm, vm->modules, "functools");
  if (!AW_IS_KIND(m, AW_OBJ_MODULE)) return AW_UNDEF;
  return aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(m))->dict, name);
}

static AwClass *make_class(AwVM *vm, const char *name, AwClass *base) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, base, d);
  aw_pop_root(vm);
  if (!c) return NULL;
  c->module = aw_str_from_cstr(vm, "functools");
  return AW_IS_EXC(c->module) ? NULL : c;
}

// ---- reduce ----------------------------------------------------------------------

static AwValue functools_reduce(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "reduce", argc, kwnames, 2, 3)) return AW_EXC;
  AwValue it = aw_get_iter(vm, argv[1]);
  if (AW_IS_EXC(it)) return AW_EXC;
  // Roots: 0 iterator, 1 accumulator, 2 item.
  AwTuple *r = aw_tuple_new(vm, 3);
  if (!r) return AW_EXC;
  r->items[0] = it;
  r->items[1] = argc == 3 ? argv[2] : AW_UNDEF;
  r->items[2] = AW_NONE;
  aw_push_root(vm, AW_OBJ(r));
  AwValue result = AW_UNDEF;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) {
      result = AW_EXC;
      break;
    }
    if (AW_IS_UNDEF(v)) break;
    if (AW_IS_UNDEF(r->items[1])) {
      r->items[1] = v;
      continue;
    }
    r->items[2] = v;
    AwValue n = aw_call(vm, argv[0], 2, &r->items[1], NULL);
    if (AW_IS_EXC(n)) {
      result = AW_EXC;
      break;
    }
    r->items[1] = n;
  }
  aw_pop_root(vm);
  if (AW_IS_EXC(result)) return AW_EXC;
  if (AW_IS_UNDEF(r->items[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "reduce() of empty iterable with no initial value");
  return r->items[1];
}

// ---- partial -------------------------------------------------------------------

static AwValue partial_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc < 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "type 'partial' takes at least one argument");
  AwValue self = argv[0], func = argv[1];
  if (!aw_is_callable(vm, func))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "the first argument must be callable");
  AwTuple *args = aw_tuple_new(vm, argc - 2);
  if (!args) return AW_EXC;
  for (int i = 2; i < argc; i++) args->items[i - 2] = argv[i];
  if (!set_field(vm, self, "args", AW_OBJ(args))) return AW_EXC;
  AwDict *kw = aw_dict_new(vm);
  if (!kw || !set_field(vm, self, "keywords", AW_OBJ(kw))) return AW_EXC;
  // partial(partial(f, a), b) flattens to partial(f, a, b) as in CPython.
  AwValue pcls = module_class(vm, "partial");
  if (AW_IS_CLASS(pcls) && AW_IS_KIND(func, AW_OBJ_INSTANCE) && aw_obj_class(vm, AW_AS_OBJ(func)) == AW_AS_CLASS(pcls)) {
    AwValue inner_args = field(vm, func, "args"), inner_kw = field(vm, func, "keywords");
    if (AW_IS_TUPLE(inner_args) && AW_IS_DICT(inner_kw)) {
      AwTuple *joined = aw_tuple_new(vm, AW_AS_TUPLE(inner_args)->len + args->len);
      if (!joined) return AW_EXC;
      for (int64_t i = 0; i < AW_AS_TUPLE(inner_args)->len; i++)
        joined->items[i] = AW_AS_TUPLE(inner_args)->items[i];
      for (int64_t i = 0; i < args->len; i++) joined->items[AW_AS_TUPLE(inner_args)->len + i] = args->items[i];
      if (!set_field(vm, self, "args", AW_OBJ(joined))) return AW_EXC;
      int64_t pos = 0;
      AwValue k, v;
      while (aw_dict_next(AW_AS_DICT(inner_kw), &pos, &k, &v))
        if (!aw_dict_set(vm, kw, k, v)) return AW_EXC;
      func = field(vm, func, "func");
    }
  }
  if (!set_field(vm, self, "func", func)) return AW_EXC;
  if (kwnames)
    for (int64_t i = 0; i < kwnames->len; i++)
      if (!aw_dict_set(vm, kw, kwnames->items[i], argv[argc + i])) return AW_EXC;
  return AW_NONE;
}

// The arguments go in a C array: each value is also held by the partial
// (rooted through argv[0]) or by argv itself, so no temporary root is kept
// across the call (partials of recursive functions nest). Only a fresh
// keyword-names tuple needs one.
static AwValue partial_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = argv[0];
  AwValue func = field(vm, self, "func"), pargs = field(vm, self, "args"), pkw = field(vm, self, "keywords");
  if (AW_IS_UNDEF(func) || !AW_IS_TUPLE(pargs) || !AW_IS_DICT(pkw))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "partial object is not initialised");
  AwTuple *pa = AW_AS_TUPLE(pargs);
  AwDict *pk = AW_AS_DICT(pkw);
  int64_t ncall_kw = kwnames ? kwnames->len : 0;
  int64_t np = pa->len + (argc - 1);
  int64_t cap = np + pk->len + ncall_kw;
  AwValue small[16];
  AwValue *all = small;
  size_t bytes = sizeof(AwValue) * (size_t)(cap > 0 ? cap : 1);
  if (cap > 16 && !(all = aw_mem_alloc(vm, bytes))) return AW_EXC;
  int64_t k = 0;
  for (int64_t i = 0; i < pa->len; i++) all[k++] = pa->items[i];
  for (int i = 1; i < argc; i++) all[k++] = argv[i];
  AwTuple *names = NULL;
  AwValue result = AW_EXC;
  int64_t nkw = 0;
  if (pk->len > 0 || ncall_kw > 0) {
    names = aw_tuple_new(vm, pk->len + ncall_kw);
    if (!names) goto done;
    // Stored keywords first, each overridden by a call keyword of the same name.
    int64_t pos = 0;
    AwValue key, val;
    while (aw_dict_next(pk, &pos, &key, &val)) {
      bool overridden = false;
      for (int64_t i = 0; i < ncall_kw; i++)
        if (aw_str_eq(AW_AS_STR(kwnames->items[i]), AW_AS_STR(key))) overridden = true;
      if (overridden) continue;
      names->items[nkw++] = key;
      all[k++] = val;
    }
    for (int64_t i = 0; i < ncall_kw; i++) {
      names->items[nkw++] = kwnames->items[i];
      all[k++] = argv[argc + i];
    }
    if (nkw < names->len) {
      // Overridden keywords left slots unused: the tuple must be freed with
      // the size it was made with, so copy into one of the right size.
      AwTuple *fit = aw_tuple_new(vm, nkw);
      if (!fit) goto done;
      memcpy(fit->items, names->items, sizeof(AwValue) * (size_t)nkw);
      names = fit;
    }
    aw_push_root(vm, AW_OBJ(names));
  }
  result = aw_call(vm, func, (int)np, all, names);
  if (names) aw_pop_root(vm);
done:
  if (all != small) aw_mem_free(vm, all, bytes);
  return result;
}

static AwValue partial_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwValue self = argv[0];
  AwValue func = field(vm, self, "func"), pargs = field(vm, self, "args"), pkw = field(vm, self, "keywords");
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_append(vm, &b, "functools.partial(", 18);
  bool ok = aw_buf_repr(vm, &b, func);
  if (ok && AW_IS_TUPLE(pargs))
    for (int64_t i = 0; ok && i < AW_AS_TUPLE(pargs)->len; i++) {
      aw_buf_append(vm, &b, ", ", 2);
      ok = aw_buf_repr(vm, &b, AW_AS_TUPLE(pargs)->items[i]);
    }
  if (ok && AW_IS_DICT(pkw)) {
    int64_t pos = 0;
    AwValue k, v;
    while (ok && aw_dict_next(AW_AS_DICT(pkw), &pos, &k, &v)) {
      aw_buf_append(vm, &b, ", ", 2);
      aw_buf_append_str(vm, &b, k);
      aw_buf_putc(vm, &b, '=');
      ok = aw_buf_repr(vm, &b, v);
    }
  }
  aw_buf_putc(vm, &b, ')');
  if (!ok) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

// partial objects used as class attributes do not bind (like CPython's).

// A partial of [func] with [arg] first, made by calling the partial class.
static AwValue make_partial(AwVM *vm, AwValue func, AwValue arg) {
  AwValue cls = module_class(vm, "partial");
  if (!AW_IS_CLASS(cls)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "functools.partial is missing");
  AwValue args[2] = {func, arg};
  return aw_call(vm, cls, 2, args, NULL);
}

// ---- cmp_to_key ----------------------------------------------------------------
// cmp_to_key(f) makes a fresh class K with f stored as K._cmp; K(x).obj = x
// and the rich comparisons call f(a.obj, b.obj) against 0.

static AwValue key_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "K", argc, kwnames, 2, 2)) return AW_EXC;
  return set_field(vm, argv[0], "obj", argv[1]) ? AW_NONE : AW_EXC;
}

static AwValue key_compare(AwVM *vm, AwValue *argv, AwCmpOp op) {
  AwValue self = argv[0], other = argv[1];
  AwValue cmp = aw_dict_get_cstr(vm, aw_obj_class(vm, AW_AS_OBJ(self))->dict, "_cmp");
  AwValue a = field(vm, self, "obj"), b = field(vm, other, "obj");
  if (AW_IS_UNDEF(cmp) || AW_IS_UNDEF(a) || AW_IS_UNDEF(b)) return vm->not_implemented;
  AwValue ab[2] = {a, b};  // a and b are reachable from the rooted argv
  AwValue r = aw_call(vm, cmp, 2, ab, NULL);
  if (AW_IS_EXC(r)) return AW_EXC;
  aw_push_root(vm, r);
  AwValue res = aw_compare(vm, r, AW_INT(0), op);
  aw_pop_root(vm);
  return res;
}

#define KEY_CMP(name, op)                                                           \
  static AwValue key_##name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    if (!aw_check_argc(vm, "__" #name "__", argc, kwnames, 2, 2)) return AW_EXC;    \
    return key_compare(vm, argv, op);                                               \
  }
KEY_CMP(lt, AW_LT)
KEY_CMP(le, AW_LE)
KEY_CMP(gt, AW_GT)
KEY_CMP(ge, AW_GE)
KEY_CMP(eq, AW_EQ)

static AwValue functools_cmp_to_key(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "cmp_to_key", argc, kwnames, 1, 1)) return AW_EXC;
  AwClass *k = make_class(vm, "K", AW_CLS(vm, object));
  if (!k) return AW_EXC;
  aw_push_root(vm, AW_OBJ(k));
  bool ok = aw_dict_set_cstr(vm, k->dict, "_cmp", argv[0]) &&
            aw_class_add_native(vm, k, "__init__", key_init, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, k, "__lt__", key_lt, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, k, "__le__", key_le, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, k, "__gt__", key_gt, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, k, "__ge__", key_ge, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, k, "__eq__", key_eq, AW_NATIVE_METHOD) &&
            aw_dict_set_cstr(vm, k->dict, "__hash__", AW_NONE);
  aw_pop_root(vm);
  return ok ? AW_OBJ(k) : AW_EXC;
}

// ---- lru_cache / cache ------------------------------------------------------------
// A _lru_cache_wrapper instance holds __wrapped__, the cache dict (key ->
// result, in recency order), maxsize (None = unbounded), hits and misses.

static AwValue cache_key(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t nkw = kwnames ? kwnames->len : 0;
  if (nkw == 0 && argc == 2 && (AW_IS_INTLIKE(argv[1]) || AW_IS_STR(argv[1]))) return argv[1];
  AwTuple *t = aw_tuple_new(vm, (argc - 1) + (nkw ? 1 + 2 * nkw : 0));
  if (!t) return AW_EXC;
  int64_t k = 0;
  for (int i = 1; i < argc; i++) t->items[k++] = argv[i];
  if (nkw) {
    // A marker no argument can equal separates positional from keyword parts.
    t->items[k++] = AW_OBJ(AW_CLS(vm, NotImplementedType));
    for (int64_t i = 0; i < nkw; i++) {
      t->items[k++] = kwnames->items[i];
      t->items[k++] = argv[argc + i];
    }
  }
  return AW_OBJ(t);
}

// No temporary root is held across the call of the wrapped function: a
// cached recursive function re-enters here once per level, and the temp
// root stack is small. The key is rebuilt from the (rooted) argv instead.
static AwValue lru_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = argv[0];
  AwValue func = field(vm, self, "__wrapped__"), cache = field(vm, self, "_cache");
  AwValue maxsize = field(vm, self, "_maxsize");
  if (AW_IS_UNDEF(func) || !AW_IS_DICT(cache))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "lru_cache wrapper is not initialised");
  AwDict *d = AW_AS_DICT(cache);
  AwValue key = cache_key(vm, argc, argv, kwnames);
  if (AW_IS_EXC(key)) return AW_EXC;
  AwValue hit;
  int found = aw_dict_get(vm, d, key, &hit);
  if (found < 0) return AW_EXC;
  if (found > 0) {
    AwValue hits = field(vm, self, "_hits");
    // Move to the most recent end so eviction drops the least recent.
    if (!AW_IS_NONE(maxsize) && (aw_dict_del(vm, d, key, NULL) < 0 || !aw_dict_set(vm, d, key, hit)))
      return AW_EXC;
    if (!set_field(vm, self, "_hits", AW_INT(AW_IS_INT(hits) ? AW_AS_INT(hits) + 1 : 1))) return AW_EXC;
    return hit;
  }
  AwValue misses = field(vm, self, "_misses");
  if (!set_field(vm, self, "_misses", AW_INT(AW_IS_INT(misses) ? AW_AS_INT(misses) + 1 : 1))) return AW_EXC;
  AwValue r = aw_call(vm, func, argc - 1, argv + 1, kwnames);
  if (AW_IS_EXC(r)) return AW_EXC;
  int64_t max = AW_IS_INT(maxsize) ? AW_AS_INT(maxsize) : -1;
  if (max == 0) return r;  // maxsize=0: nothing is cached
  // The call may have replaced the cache (cache_clear keeps the dict).
  cache = field(vm, self, "_cache");
  if (!AW_IS_DICT(cache)) return r;
  d = AW_AS_DICT(cache);
  aw_push_root(vm, r);
  bool ok = true;
  while (ok && max > 0 && d->len >= max) {
    int64_t pos = 0;
    AwValue k, v;
    if (!aw_dict_next(d, &pos, &k, &v)) break;
    ok = aw_dict_del(vm, d, k, NULL) >= 0;
  }
  key = ok ? cache_key(vm, argc, argv, kwnames) : AW_EXC;
  ok = !AW_IS_EXC(key) && aw_dict_set(vm, d, key, r);
  aw_pop_root(vm);
  return ok ? r : AW_EXC;
}

static AwValue lru_cache_info(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "cache_info", argc, kwnames, 1, 1)) return AW_EXC;
  AwValue self = argv[0];
  AwValue hits = field(vm, self, "_hits"), misses = field(vm, self, "_misses");
  AwValue maxsize = field(vm, self, "_maxsize"), cache = field(vm, self, "_cache");
  AwValue cls = module_class(vm, "_CacheInfo");
  if (!AW_IS_CLASS(cls)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "functools._CacheInfo is missing");
  AwValue info = aw_call(vm, cls, 0, NULL, NULL);
  if (AW_IS_EXC(info)) return AW_EXC;
  aw_push_root(vm, info);
  bool ok = set_field(vm, info, "hits", AW_IS_INT(hits) ? hits : AW_INT(0)) &&
            set_field(vm, info, "misses", AW_IS_INT(misses) ? misses : AW_INT(0)) &&
            set_field(vm, info, "maxsize", AW_IS_UNDEF(maxsize) ? AW_NONE : maxsize) &&
            set_field(vm, info, "currsize", AW_INT(AW_IS_DICT(cache) ? AW_AS_DICT(cache)->len : 0));
  aw_pop_root(vm);
  return ok ? info : AW_EXC;
}

static AwValue cache_info_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwValue s = argv[0];
  return aw_str_format(vm, "CacheInfo(hits=%R, misses=%R, maxsize=%R, currsize=%R)", field(vm, s, "hits"),
                       field(vm, s, "misses"), field(vm, s, "maxsize"), field(vm, s, "currsize"));
}

static AwValue lru_cache_clear(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "cache_clear", argc, kwnames, 1, 1)) return AW_EXC;
  AwValue cache = field(vm, argv[0], "_cache");
  if (AW_IS_DICT(cache)) aw_dict_clear(vm, AW_AS_DICT(cache));
  if (!set_field(vm, argv[0], "_hits", AW_INT(0)) || !set_field(vm, argv[0], "_misses", AW_INT(0))) return AW_EXC;
  return AW_NONE;
}

// wrapper.__get__(obj, owner): a method-like partial binding obj.
static AwValue lru_get(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  if (argc < 2 || AW_IS_NONE(argv[1])) return argv[0];
  return make_partial(vm, argv[0], argv[1]);
}

static bool copy_wrapper_attrs(AwVM *vm, AwValue wrapper, AwValue wrapped);

// Makes the wrapper instance around [func] with [maxsize] (None or int).
static AwValue make_lru(AwVM *vm, AwValue func, AwValue maxsize) {
  AwValue cls = module_class(vm, "_lru_cache_wrapper");
  if (!AW_IS_CLASS(cls)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "functools lru_cache is missing");
  AwValue w = aw_call(vm, cls, 0, NULL, NULL);
  if (AW_IS_EXC(w)) return AW_EXC;
  aw_push_root(vm, w);
  AwDict *cache = aw_dict_new(vm);
  bool ok = cache && set_field(vm, w, "_cache", AW_OBJ(cache)) && set_field(vm, w, "_maxsize", maxsize) &&
            set_field(vm, w, "_hits", AW_INT(0)) && set_field(vm, w, "_misses", AW_INT(0)) &&
            copy_wrapper_attrs(vm, w, func);
  aw_pop_root(vm);
  return ok ? w : AW_EXC;
}

// lru_cache(maxsize=128, typed=False) or @lru_cache applied directly.
static AwValue functools_lru_cache(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"maxsize", "typed", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "lru_cache", argc, argv, kwnames, 0, names, a)) return AW_EXC;
  AwValue maxsize = AW_IS_UNDEF(a[0]) ? AW_INT(128) : a[0];
  if (aw_is_callable(vm, maxsize) && !AW_IS_INTLIKE(maxsize)) return make_lru(vm, maxsize, AW_INT(128));
  if (AW_IS_INTLIKE(maxsize)) maxsize = AW_INT(AW_AS_INT(maxsize) < 0 ? 0 : AW_AS_INT(maxsize));
  else if (!AW_IS_NONE(maxsize))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Expected first argument to be an integer, a callable, or None");
  AwValue deco = module_class(vm, "_lru_decorator");
  if (AW_IS_UNDEF(deco)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "functools is missing");
  return make_partial(vm, deco, maxsize);
}

// _lru_decorator(maxsize, func): the second step of @lru_cache(...).
static AwValue functools_lru_decorator(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "lru_cache", argc, kwnames, 2, 2)) return AW_EXC;
  return make_lru(vm, argv[1], argv[0]);
}

static AwValue functools_cache(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "cache", argc, kwnames, 1, 1)) return AW_EXC;
  return make_lru(vm, argv[0], AW_NONE);
}

// ---- wraps / update_wrapper ------------------------------------------------------

static const char *const wrapper_assignments[] = {"__module__", "__name__", "__qualname__", "__doc__", NULL};

// Copies __module__, __name__, __qualname__, __doc__ and __dict__ entries,
// then sets __wrapped__ (CPython's update_wrapper; missing ones skipped).
static bool copy_wrapper_attrs(AwVM *vm, AwValue wrapper, AwValue wrapped) {
  for (const char *const *a = wrapper_assignments; *a; a++) {
    AwValue name = name_of(vm, *a);
    if (AW_IS_EXC(name)) return false;
    AwValue v = aw_getattr_opt(vm, wrapped, name);
    if (AW_IS_EXC(v)) {
      if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, AttributeError))) return false;
      aw_exc_take(vm);
      continue;
    }
    if (AW_IS_UNDEF(v)) continue;
    if (!aw_setattr(vm, wrapper, name, v)) {
      if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, AttributeError)) && !aw_exc_pending_is(vm, AW_EXCCLS(vm, TypeError)))
        return false;
      aw_exc_take(vm);
    }
  }
  if (AW_IS_KIND(wrapped, AW_OBJ_FUNCTION) && ((AwFunction *)AW_AS_OBJ(wrapped))->attrs) {
    AwDict *src = ((AwFunction *)AW_AS_OBJ(wrapped))->attrs;
    int64_t pos = 0;
    AwValue k, v;
    while (aw_dict_next(src, &pos, &k, &v))
      if (!aw_setattr(vm, wrapper, k, v)) return false;
  }
  AwValue wname = name_of(vm, "__wrapped__");
  return !AW_IS_EXC(wname) && aw_setattr(vm, wrapper, wname, wrapped);
}

static AwValue functools_update_wrapper(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"wrapper", "wrapped", "assigned", "updated", NULL};
  AwValue a[4];
  if (!aw_parse_args(vm, "update_wrapper", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  return copy_wrapper_attrs(vm, a[0], a[1]) ? a[0] : AW_EXC;
}

// _wraps_apply(wrapped, wrapper) -> update_wrapper(wrapper, wrapped)
static AwValue functools_wraps_apply(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "wraps", argc, kwnames, 2, 2)) return AW_EXC;
  return copy_wrapper_attrs(vm, argv[1], argv[0]) ? argv[1] : AW_EXC;
}

static AwValue functools_wraps(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"wrapped", "assigned", "updated", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "wraps", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue apply = module_class(vm, "_wraps_apply");
  if (AW_IS_UNDEF(apply)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "functools is missing");
  return make_partial(vm, apply, a[0]);
}

// ---- total_ordering ---------------------------------------------------------------
// The class keeps its root comparison's name in _total_ordering_root; each
// derived method evaluates the root (and == where needed), CPython's table.

static int truth_of(AwVM *vm, AwValue v) {
  aw_push_root(vm, v);
  int t = aw_truthy(vm, v);
  aw_pop_root(vm);
  return t;
}

// which: 0 lt, 1 le, 2 gt, 3 ge (the method being computed).
static AwValue derived_compare(AwVM *vm, AwValue *argv, int which) {
  AwValue self = argv[0], other = argv[1];
  AwClass *cls = aw_type_of(vm, self);
  AwValue rootv = AW_UNDEF;
  for (AwClass *c = cls; c && AW_IS_UNDEF(rootv); c = c->base)
    rootv = aw_dict_get_cstr(vm, c->dict, "_total_ordering_root");
  if (!AW_IS_STR(rootv)) return vm->not_implemented;
  const char *root = AW_AS_STR(rootv)->data;
  AwValue r = aw_call_method(vm, self, rootv, 1, &other);
  if (AW_IS_EXC(r) || aw_value_is(r, vm->not_implemented)) return r;
  int t = truth_of(vm, r);
  if (t < 0) return AW_EXC;
  // rl: the root is "less-like" (__lt__/__le__); strict: __lt__/__gt__.
  bool less_like = root[2] == 'l', strict = root[3] == 't';
  bool want_less = which <= 1, want_strict = which == 0 || which == 2;
  if (less_like == want_less) {
    // same direction, other strictness: lt<->le or gt<->ge
    if (want_strict) {  // from le/ge: t and a != b
      if (!t) return AW_FALSE;
      int eq = aw_eq(vm, self, other);
      return eq < 0 ? AW_EXC : AW_BOOL(!eq);
    }
    if (t) return AW_TRUE;  // from lt/gt: t or a == b
    int eq = aw_eq(vm, self, other);
    return eq < 0 ? AW_EXC : AW_BOOL(eq);
  }
  // opposite direction
  if (strict != want_strict) return AW_BOOL(!t);  // lt -> ge, le -> gt ...
  if (strict) {  // lt -> gt: not t and a != b
    if (t) return AW_FALSE;
    int eq = aw_eq(vm, self, other);
    return eq < 0 ? AW_EXC : AW_BOOL(!eq);
  }
  if (!t) return AW_TRUE;  // le -> ge: not t or a == b
  int eq = aw_eq(vm, self, other);
  return eq < 0 ? AW_EXC : AW_BOOL(eq);
}

#define DERIVED(name, which)                                                            \
  static AwValue derived_##name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    if (!aw_check_argc(vm, "__" #name "__", argc, kwnames, 2, 2)) return AW_EXC;        \
    return derived_compare(vm, argv, which);                                            \
  }
DERIVED(lt, 0)
DERIVED(le, 1)
DERIVED(gt, 2)
DERIVED(ge, 3)

static AwValue functools_total_ordering(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "total_ordering", argc, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_CLASS(argv[0])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "total_ordering needs a class");
  AwClass *cls = AW_AS_CLASS(argv[0]);
  // CPython picks max() of the defined names: __lt__ > __le__ > __gt__ > __ge__.
  static const char *const order[] = {"__lt__", "__le__", "__gt__", "__ge__"};
  static const AwNativeFn fns[] = {derived_lt, derived_le, derived_gt, derived_ge};
  int root = -1;
  for (int i = 0; i < 4 && root < 0; i++) {
    for (AwClass *c = cls; c && c != AW_CLS(vm, object); c = c->base)
      if (!AW_IS_UNDEF(aw_dict_get_cstr(vm, c->dict, order[i]))) {
        root = i;
        break;
      }
  }
  if (root < 0)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "must define at least one ordering operation: < > <= >=");
  AwValue rootname = aw_str_intern(vm, order[root], 6);
  if (AW_IS_EXC(rootname) || !aw_dict_set_cstr(vm, cls->dict, "_total_ordering_root", rootname)) return AW_EXC;
  for (int i = 0; i < 4; i++) {
    if (i == root) continue;
    bool defined = false;
    for (AwClass *c = cls; c && c != AW_CLS(vm, object); c = c->base)
      if (!AW_IS_UNDEF(aw_dict_get_cstr(vm, c->dict, order[i]))) defined = true;
    if (!defined && !aw_class_add_native(vm, cls, order[i], fns[i], AW_NATIVE_METHOD)) return AW_EXC;
  }
  return argv[0];
}

// ---- the module ----------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

static const ModFn functools_fns[] = {
  {"reduce", functools_reduce},
  {"cmp_to_key", functools_cmp_to_key},
  {"lru_cache", functools_lru_cache},
  {"_lru_decorator", functools_lru_decorator},
  {"cache", functools_cache},
  {"update_wrapper", functools_update_wrapper},
  {"wraps", functools_wraps},
  {"_wraps_apply", functools_wraps_apply},
  {"total_ordering", functools_total_ordering},
  {NULL, NULL},
};

static const ModFn partial_methods[] = {
  {"__init__", partial_init}, {"__call__", partial_call}, {"__repr__", partial_repr}, {NULL, NULL},
};

static const ModFn lru_methods[] = {
  {"__call__", lru_call}, {"cache_info", lru_cache_info}, {"cache_clear", lru_cache_clear},
  {"__get__", lru_get}, {NULL, NULL},
};

static bool add_class(AwVM *vm, AwModule *m, const char *name, const ModFn *methods) {
  AwClass *c = make_class(vm, name, AW_CLS(vm, object));
  if (!c) return false;
  aw_push_root(vm, AW_OBJ(c));
  bool ok = aw_module_add_value(vm, m, name, AW_OBJ(c));
  for (const ModFn *f = methods; ok && f->name; f++)
    ok = aw_class_add_native(vm, c, f->name, f->fn, AW_NATIVE_METHOD);
  aw_pop_root(vm);
  return ok;
}

static const ModFn cache_info_methods[] = {{"__repr__", cache_info_repr}, {NULL, NULL}};

AwModule *aw_open_functools(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "functools");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = true;
  for (const ModFn *f = functools_fns; ok && f->name; f++) ok = aw_module_add_fn(vm, m, f->name, f->fn);
  ok = ok && add_class(vm, m, "partial", partial_methods) && add_class(vm, m, "_lru_cache_wrapper", lru_methods) &&
       add_class(vm, m, "_CacheInfo", cache_info_methods);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

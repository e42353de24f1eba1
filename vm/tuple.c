// vm/tuple.c -- tuple objects: construction, the cached xxHash-style hash,
// and the tuple class's methods. Tuple iteration is in iter.c; repr in ops.c.
#include <stdarg.h>
#include <string.h>
#include "vm/container.h"

AwTuple *aw_tuple_new(AwVM *vm, int64_t n) {
  if (n == 0 && AW_IS_OBJ(vm->empty_tuple)) return (AwTuple *)AW_AS_OBJ(vm->empty_tuple);
  if (n < 0 || n > ((int64_t)1 << 40)) {
    aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
    return NULL;
  }
  AwTuple *t = (AwTuple *)aw_obj_alloc(vm, sizeof(AwTuple) + (size_t)n * sizeof(AwValue), AW_OBJ_TUPLE,
                                       AW_CLS(vm, tuple));
  if (!t) return NULL;
  t->hash = 0;
  t->len = n;
  for (int64_t i = 0; i < n; i++) t->items[i] = AW_NONE;
  return t;
}

AwValue aw_tuple_pack(AwVM *vm, int n, ...) {
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return AW_EXC;
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++) t->items[i] = va_arg(ap, AwValue);
  va_end(ap);
  return AW_OBJ(t);
}

// ---- the tuple class ----------------------------------------------------------------

#define SELF_TUPLE(name)                                                                   \
  if (argc < 1 || !ct_check_self(vm, argv[0], AW_OBJ_TUPLE, "tuple", name)) return AW_EXC; \
  AwTuple *self = AW_AS_TUPLE(argv[0])

// A new tuple holding the [n] values at [src].
static AwValue tuple_from_array(AwVM *vm, const AwValue *src, int64_t n) {
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return AW_EXC;
  if (n) memcpy(t->items, src, (size_t)n * sizeof(AwValue));
  return AW_OBJ(t);
}

static AwValue tuple_new_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "tuple() takes no keyword arguments");
  if (argc > 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "tuple expected at most 1 argument, got %d", argc - 1);
  AwClass *cls = AW_AS_CLASS(argv[0]);
  AwValue r;
  if (argc < 2) {
    r = tuple_from_array(vm, NULL, 0);
  } else if (AW_IS_TUPLE(argv[1]) && cls == AW_CLS(vm, tuple) && aw_type_of(vm, argv[1]) == cls) {
    return argv[1];
  } else if (AW_IS_TUPLE(argv[1]) || AW_IS_LIST(argv[1])) {
    AwValue v = argv[1];
    r = AW_IS_TUPLE(v) ? tuple_from_array(vm, AW_AS_TUPLE(v)->items, AW_AS_TUPLE(v)->len)
                       : tuple_from_array(vm, AW_AS_LIST(v)->items, AW_AS_LIST(v)->len);
  } else {
    AwList *l = aw_list_from_iterable(vm, argv[1]);
    if (!l) return AW_EXC;
    r = tuple_from_array(vm, l->items, l->len);
  }
  if (AW_IS_EXC(r)) return r;
  if (cls != AW_CLS(vm, tuple)) {
    // A subclass instance cannot be the shared empty tuple.
    AwTuple *src = AW_AS_TUPLE(r);
    AwTuple *t = (AwTuple *)aw_obj_alloc(vm, sizeof(AwTuple) + (size_t)src->len * sizeof(AwValue), AW_OBJ_TUPLE, cls);
    if (!t) return AW_EXC;
    t->len = src->len;
    if (src->len) memcpy(t->items, src->items, (size_t)src->len * sizeof(AwValue));
    r = AW_OBJ(t);
  }
  return r;
}

static AwValue tuple_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("count");
  if (!ct_check_args(vm, "tuple.count", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int64_t n = 0;
  for (int64_t i = 0; i < self->len; i++) {
    int r = ct_same_or_eq(vm, self->items[i], argv[1]);
    if (r < 0) return AW_EXC;
    n += r;
  }
  return AW_INT(n);
}

static AwValue tuple_index(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("index");
  if (!ct_check_args(vm, "index", argc - 1, kwnames, 1, 3)) return AW_EXC;
  int64_t start = 0, stop = INT64_MAX;
  if (argc > 2 && !aw_index(vm, argv[2], &start)) return AW_EXC;
  if (argc > 3 && !aw_index(vm, argv[3], &stop)) return AW_EXC;
  if (start < 0 && (start += self->len) < 0) start = 0;
  if (stop < 0 && (stop += self->len) < 0) stop = 0;
  for (int64_t i = start; i < stop && i < self->len; i++) {
    int r = ct_same_or_eq(vm, self->items[i], argv[1]);
    if (r < 0) return AW_EXC;
    if (r) return AW_INT(i);
  }
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "tuple.index(x): x not in tuple");
}

static AwValue tuple_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("__len__");
  if (!ct_check_args(vm, "tuple.__len__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return AW_INT(self->len);
}

static AwValue tuple_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("__getitem__");
  if (!ct_check_args(vm, "tuple.__getitem__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue key = argv[1];
  if (AW_SLICE_KIND(key)) {
    int64_t start, stop, step, n;
    if (!aw_slice_indices(vm, (AwSlice *)AW_AS_OBJ(key), self->len, &start, &stop, &step, &n)) return AW_EXC;
    if (step == 1) {
      if (n == self->len && aw_type_of(vm, argv[0]) == AW_CLS(vm, tuple)) return argv[0];
      return tuple_from_array(vm, self->items + start, n);
    }
    AwTuple *t = aw_tuple_new(vm, n);
    if (!t) return AW_EXC;
    for (int64_t i = 0, j = start; i < n; i++, j += step) t->items[i] = self->items[j];
    return AW_OBJ(t);
  }
  int64_t i;
  if (!ct_subscript_index(vm, key, "tuple", &i)) return AW_EXC;
  if (!ct_norm_index(&i, self->len)) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "tuple index out of range");
  return self->items[i];
}

static AwValue tuple_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("__contains__");
  if (!ct_check_args(vm, "tuple.__contains__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  for (int64_t i = 0; i < self->len; i++) {
    int r = ct_same_or_eq(vm, self->items[i], argv[1]);
    if (r) return r < 0 ? AW_EXC : AW_TRUE;
  }
  return AW_FALSE;
}

static AwValue tuple_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("__iter__");
  if (!ct_check_args(vm, "tuple.__iter__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_tuple(vm, self);
}

static AwValue tuple_add(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("__add__");
  if (!ct_check_args(vm, "tuple.__add__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue o = argv[1];
  if (!AW_IS_TUPLE(o)) {
    if (ct_has_special(vm, o, AW_N(vm, radd))) return vm->not_implemented;
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can only concatenate tuple (not \"%s\") to tuple",
                     aw_type_name(vm, o));
  }
  AwTuple *b = AW_AS_TUPLE(o);
  if (b->len == 0 && aw_type_of(vm, argv[0]) == AW_CLS(vm, tuple)) return argv[0];
  if (self->len == 0 && aw_type_of(vm, o) == AW_CLS(vm, tuple)) return o;
  AwTuple *t = aw_tuple_new(vm, self->len + b->len);
  if (!t) return AW_EXC;
  memcpy(t->items, self->items, (size_t)self->len * sizeof(AwValue));
  memcpy(t->items + self->len, b->items, (size_t)b->len * sizeof(AwValue));
  return AW_OBJ(t);
}

static AwValue tuple_mul(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("__mul__");
  if (!ct_check_args(vm, "tuple.__mul__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue n = argv[1];
  int64_t times;
  if (AW_IS_INTLIKE(n)) {
    times = AW_AS_INT(n);
  } else if (ct_has_special(vm, n, AW_N(vm, rmul))) {
    return vm->not_implemented;
  } else if (AW_IS_OBJ(n) && !AW_IS_UNDEF(aw_lookup_special(vm, n, AW_N(vm, index)))) {
    if (!aw_index(vm, n, &times)) return AW_EXC;
  } else {
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't multiply sequence by non-int of type '%s'",
                     aw_type_name(vm, n));
  }
  if (times < 0) times = 0;
  if (times == 1 && aw_type_of(vm, argv[0]) == AW_CLS(vm, tuple)) return argv[0];
  int64_t total;
  if (__builtin_mul_overflow(self->len, times, &total) || total > ((int64_t)1 << 40))
    return aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
  AwTuple *t = aw_tuple_new(vm, total);
  if (!t) return AW_EXC;
  for (int64_t i = 0; i < times; i++) memcpy(t->items + i * self->len, self->items, (size_t)self->len * sizeof(AwValue));
  return AW_OBJ(t);
}

static AwValue tuple_hash_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_TUPLE("__hash__");
  (void)self;
  if (!ct_check_args(vm, "tuple.__hash__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  uint64_t h;
  if (!aw_hash(vm, argv[0], &h)) return AW_EXC;
  return AW_INT((int64_t)h);
}

#define TUPLE_CMP(name, dunder, op)                                                  \
  static AwValue name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {         \
    SELF_TUPLE(dunder);                                                              \
    (void)self;                                                                      \
    if (!ct_check_args(vm, "tuple." dunder, argc - 1, kwnames, 1, 1)) return AW_EXC; \
    return aw_seq_richcompare(vm, argv[0], argv[1], op);                             \
  }
TUPLE_CMP(tuple_eq, "__eq__", AW_EQ)
TUPLE_CMP(tuple_ne, "__ne__", AW_NE)
TUPLE_CMP(tuple_lt, "__lt__", AW_LT)
TUPLE_CMP(tuple_le, "__le__", AW_LE)
TUPLE_CMP(tuple_gt, "__gt__", AW_GT)
TUPLE_CMP(tuple_ge, "__ge__", AW_GE)

bool aw_tuple_init_class(AwVM *vm) {
  static const struct {
    const char *name;
    AwNativeFn fn;
  } methods[] = {
      {"count", tuple_count},     {"index", tuple_index},       {"__len__", tuple_len},
      {"__getitem__", tuple_getitem}, {"__contains__", tuple_contains}, {"__iter__", tuple_iter},
      {"__add__", tuple_add},     {"__mul__", tuple_mul},       {"__rmul__", tuple_mul},
      {"__hash__", tuple_hash_m}, {"__eq__", tuple_eq},         {"__ne__", tuple_ne},
      {"__lt__", tuple_lt},       {"__le__", tuple_le},         {"__gt__", tuple_gt},
      {"__ge__", tuple_ge},
  };
  AwClass *c = AW_CLS(vm, tuple);
  if (!aw_class_add_native(vm, c, "__new__", tuple_new_m, AW_NATIVE_STATIC)) return false;
  for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
    if (!aw_class_add_native(vm, c, methods[i].name, methods[i].fn, AW_NATIVE_METHOD)) return false;
  return true;
}

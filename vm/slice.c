// vm/slice.c -- slice objects and the index arithmetic every sequence
// uses for a[i:j:k] (CPython's PySlice_Unpack + PySlice_AdjustIndices).
// slice repr is in ops.c.
#include "vm/container.h"

AwValue aw_slice_new(AwVM *vm, AwValue start, AwValue stop, AwValue step) {
  AwSlice *s = (AwSlice *)aw_obj_alloc(vm, sizeof(AwSlice), AW_OBJ_SLICE, AW_CLS(vm, slice));
  if (!s) return AW_EXC;
  s->start = start;
  s->stop = stop;
  s->step = step;
  return AW_OBJ(s);
}

// One slice bound: None gives [dflt]; else an int via __index__.
static bool slice_bound(AwVM *vm, AwValue v, int64_t dflt, int64_t *out) {
  if (AW_IS_NONE(v) || AW_IS_UNDEF(v)) {
    *out = dflt;
    return true;
  }
  if (AW_IS_INTLIKE(v)) {
    *out = AW_AS_INT(v);
    return true;
  }
  if (AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, index)))) return aw_index(vm, v, out);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "slice indices must be integers or None or have an __index__ method");
  return false;
}

// Clamps one bound against [len] as PySlice_AdjustIndices does.
static int64_t adjust_bound(int64_t x, int64_t len, int64_t step) {
  if (x < 0) {
    x += len;
    if (x < 0) x = step < 0 ? -1 : 0;
  } else if (x >= len) {
    x = step < 0 ? len - 1 : len;
  }
  return x;
}

bool aw_slice_unpack(AwVM *vm, AwSlice *s, int64_t *start, int64_t *stop, int64_t *step) {
  int64_t st;
  if (!slice_bound(vm, s->step, 1, &st)) return false;
  if (st == 0) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "slice step cannot be zero");
    return false;
  }
  if (st < -INT64_MAX) st = -INT64_MAX;  // so that -step cannot overflow
  if (!slice_bound(vm, s->start, st < 0 ? INT64_MAX : 0, start)) return false;
  if (!slice_bound(vm, s->stop, st < 0 ? INT64_MIN : INT64_MAX, stop)) return false;
  *step = st;
  return true;
}

int64_t aw_slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step) {
  int64_t a = adjust_bound(*start, len, step), b = adjust_bound(*stop, len, step);
  *start = a;
  *stop = b;
  if (step < 0) return b < a ? (a - b - 1) / (-step) + 1 : 0;
  return a < b ? (b - a - 1) / step + 1 : 0;
}

bool aw_slice_indices(AwVM *vm, AwSlice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                      int64_t *slicelen) {
  if (!aw_slice_unpack(vm, s, start, stop, step)) return false;
  int64_t n = aw_slice_adjust(len, start, stop, *step);
  if (slicelen) *slicelen = n;
  return true;
}

// ---- the slice class ------------------------------------------------------

static AwValue slice_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "slice() takes no keyword arguments");
  int n = argc - 1;
  if (n < 1) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "slice expected at least 1 argument, got %d", n);
  if (n > 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "slice expected at most 3 arguments, got %d", n);
  if (n == 1) return aw_slice_new(vm, AW_NONE, argv[1], AW_NONE);
  return aw_slice_new(vm, argv[1], argv[2], n == 3 ? argv[3] : AW_NONE);
}

static AwSlice *self_slice(AwVM *vm, int argc, AwValue *argv, const char *name) {
  if (argc < 1 || !ct_check_self(vm, argv[0], AW_OBJ_SLICE, "slice", name)) return NULL;
  return (AwSlice *)AW_AS_OBJ(argv[0]);
}

static AwValue slice_start(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwSlice *s = self_slice(vm, argc, argv, "start");
  return s ? s->start : AW_EXC;
}

static AwValue slice_stop(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwSlice *s = self_slice(vm, argc, argv, "stop");
  return s ? s->stop : AW_EXC;
}

static AwValue slice_step(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwSlice *s = self_slice(vm, argc, argv, "step");
  return s ? s->step : AW_EXC;
}

static AwValue slice_indices_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwSlice *s = self_slice(vm, argc, argv, "indices");
  if (!s || !ct_check_args(vm, "slice.indices", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int64_t len;
  if (!aw_index(vm, argv[1], &len)) return AW_EXC;
  if (len < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "length should not be negative");
  int64_t a, b, st;
  if (!aw_slice_indices(vm, s, len, &a, &b, &st, NULL)) return AW_EXC;
  return aw_tuple_pack(vm, 3, AW_INT(a), AW_INT(b), AW_INT(st));
}

// Slices compare as the tuples (start, stop, step).
static AwValue slice_cmp(AwVM *vm, int argc, AwValue *argv, AwCmpOp op) {
  if (argc != 2 || !AW_IS_KIND(argv[0], AW_OBJ_SLICE) || !AW_IS_KIND(argv[1], AW_OBJ_SLICE))
    return vm->not_implemented;
  AwSlice *a = (AwSlice *)AW_AS_OBJ(argv[0]), *b = (AwSlice *)AW_AS_OBJ(argv[1]);
  AwValue ta = aw_tuple_pack(vm, 3, a->start, a->stop, a->step);
  if (AW_IS_EXC(ta)) return AW_EXC;
  aw_push_root(vm, ta);
  AwValue tb = aw_tuple_pack(vm, 3, b->start, b->stop, b->step);
  if (AW_IS_EXC(tb)) {
    aw_pop_root(vm);
    return AW_EXC;
  }
  aw_push_root(vm, tb);
  AwValue r = aw_compare(vm, ta, tb, op);
  aw_pop_root(vm);
  aw_pop_root(vm);
  return r;
}

#define SLICE_CMP(name, op)                                                          \
  static AwValue name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {         \
    (void)kwnames;                                                                   \
    return slice_cmp(vm, argc, argv, op);                                            \
  }
SLICE_CMP(slice_eq, AW_EQ)
SLICE_CMP(slice_ne, AW_NE)
SLICE_CMP(slice_lt, AW_LT)
SLICE_CMP(slice_le, AW_LE)
SLICE_CMP(slice_gt, AW_GT)
SLICE_CMP(slice_ge, AW_GE)

bool aw_slice_init_class(AwVM *vm) {
  AwClass *c = AW_CLS(vm, slice);
  return aw_class_add_native(vm, c, "__new__", slice_new, AW_NATIVE_STATIC) &&
         ct_add_getter(vm, c, "start", slice_start) && ct_add_getter(vm, c, "stop", slice_stop) &&
         ct_add_getter(vm, c, "step", slice_step) &&
         aw_class_add_native(vm, c, "indices", slice_indices_m, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, c, "__eq__", slice_eq, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, c, "__ne__", slice_ne, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, c, "__lt__", slice_lt, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, c, "__le__", slice_le, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, c, "__gt__", slice_gt, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, c, "__ge__", slice_ge, AW_NATIVE_METHOD) && ct_set_unhashable(vm, c);
}

// vm/range.c -- range objects: construction, length, O(1) membership and
// indexing, slicing into a new range, and the range class's methods. The
// range iterator is in iter.c; repr(range) in ops.c calls aw_range_repr_buf.
#include "vm/container.h"

// Number of items of range(start, stop, step); -1 if it does not fit.
static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
  uint64_t diff, ustep;
  if (step > 0) {
    if (start >= stop) return 0;
    diff = (uint64_t)stop - (uint64_t)start;
    ustep = (uint64_t)step;
  } else {
    if (start <= stop) return 0;
    diff = (uint64_t)start - (uint64_t)stop;
    ustep = (uint64_t)0 - (uint64_t)step;
  }
  uint64_t n = (diff - 1) / ustep + 1;
  return n > (uint64_t)INT64_MAX ? -1 : (int64_t)n;
}

static AwValue range_alloc(AwVM *vm, AwClass *cls, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "range() arg 3 must not be zero");
  int64_t len = range_length(start, stop, step);
  if (len < 0) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
  AwRange *r = (AwRange *)aw_obj_alloc(vm, sizeof(AwRange), AW_OBJ_RANGE, cls);
  if (!r) return AW_EXC;
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->len = len;
  return AW_OBJ(r);
}

AwValue aw_range_new(AwVM *vm, int64_t start, int64_t stop, int64_t step) {
  return range_alloc(vm, AW_CLS(vm, range), start, stop, step);
}

bool aw_range_repr_buf(AwVM *vm, AwBuf *b, AwRange *r) {
  if (r->step == 1) return aw_buf_printf(vm, b, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
  return aw_buf_printf(vm, b, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                       (long long)r->step);
}

// The item at normalised index [i] (0 <= i < len): cannot overflow since
// it lies between start and stop.
static inline int64_t range_item(AwRange *r, int64_t i) {
  return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

// Index of int [v] in [r], or -1.
static int64_t range_find_int(AwRange *r, int64_t v) {
  if (r->len == 0) return -1;
  if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return -1;
  uint64_t off = r->step > 0 ? (uint64_t)v - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)v;
  uint64_t ustep = r->step > 0 ? (uint64_t)r->step : (uint64_t)0 - (uint64_t)r->step;
  if (off % ustep) return -1;
  return (int64_t)(off / ustep);
}

// Index of any value [v] in [r] by ==: an int is found by arithmetic, other
// values (2.0, user objects) by comparing with each item. -1 absent, -2 error.
static int64_t range_find(AwVM *vm, AwRange *r, AwValue v) {
  if (AW_IS_INTLIKE(v)) return range_find_int(r, AW_AS_INT(v));
  for (int64_t i = 0; i < r->len; i++) {
    int e = aw_eq(vm, AW_INT(range_item(r, i)), v);
    if (e < 0) return -2;
    if (e) return i;
  }
  return -1;
}

// ---- the range class ----------------------------------------------------------

#define SELF_RANGE(name)                                                                   \
  if (argc < 1 || !ct_check_self(vm, argv[0], AW_OBJ_RANGE, "range", name)) return AW_EXC; \
  AwRange *self = (AwRange *)AW_AS_OBJ(argv[0])

static AwValue range_new_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "range() takes no keyword arguments");
  int n = argc - 1;
  if (n < 1) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "range expected at least 1 argument, got %d", n);
  if (n > 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "range expected at most 3 arguments, got %d", n);
  int64_t v[3] = {0, 0, 1};
  for (int i = 0; i < n; i++)
    if (!aw_index(vm, argv[1 + i], &v[i])) return AW_EXC;
  if (n == 1) return range_alloc(vm, AW_AS_CLASS(argv[0]), 0, v[0], 1);
  return range_alloc(vm, AW_AS_CLASS(argv[0]), v[0], v[1], v[2]);
}

static AwValue range_len_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__len__");
  if (!ct_check_args(vm, "range.__len__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return AW_INT(self->len);
}

static AwValue range_bool_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__bool__");
  if (!ct_check_args(vm, "range.__bool__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return AW_BOOL(self->len != 0);
}

// r[slice]: the range of the selected items (CPython's compute_slice).
static AwValue range_slice(AwVM *vm, AwRange *r, AwSlice *sl) {
  int64_t start, stop, step;
  if (!aw_slice_unpack(vm, sl, &start, &stop, &step)) return AW_EXC;
  aw_slice_adjust(r->len, &start, &stop, step);
  int64_t a, b, s;
  if (__builtin_mul_overflow(start, r->step, &a) || __builtin_add_overflow(a, r->start, &a) ||
      __builtin_mul_overflow(stop, r->step, &b) || __builtin_add_overflow(b, r->start, &b) ||
      __builtin_mul_overflow(step, r->step, &s))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
  return aw_range_new(vm, a, b, s);
}

static AwValue range_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__getitem__");
  if (!ct_check_args(vm, "range.__getitem__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (AW_SLICE_KIND(argv[1])) return range_slice(vm, self, (AwSlice *)AW_AS_OBJ(argv[1]));
  int64_t i;
  if (!ct_subscript_index(vm, argv[1], "range", &i)) return AW_EXC;
  if (!ct_norm_index(&i, self->len)) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "range object index out of range");
  return AW_INT(range_item(self, i));
}

static AwValue range_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__contains__");
  if (!ct_check_args(vm, "range.__contains__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int64_t i = range_find(vm, self, argv[1]);
  if (i == -2) return AW_EXC;
  return AW_BOOL(i >= 0);
}

static AwValue range_iter_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__iter__");
  if (!ct_check_args(vm, "range.__iter__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_range(vm, self);
}

static AwValue range_reversed_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__reversed__");
  if (!ct_check_args(vm, "range.__reversed__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_range_reversed(vm, self);
}

static AwValue range_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("count");
  if (!ct_check_args(vm, "range.count", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (AW_IS_INTLIKE(argv[1])) return AW_INT(range_find_int(self, AW_AS_INT(argv[1])) >= 0);
  int64_t n = 0;
  for (int64_t i = 0; i < self->len; i++) {
    int e = aw_eq(vm, AW_INT(range_item(self, i)), argv[1]);
    if (e < 0) return AW_EXC;
    n += e;
  }
  return AW_INT(n);
}

static AwValue range_index(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("index");
  if (!ct_check_args(vm, "range.index", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int64_t i = range_find(vm, self, argv[1]);
  if (i == -2) return AW_EXC;
  if (i < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%R is not in range", argv[1]);
  return AW_INT(i);
}

static AwValue range_start(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  SELF_RANGE("start");
  return AW_INT(self->start);
}

static AwValue range_stop(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  SELF_RANGE("stop");
  return AW_INT(self->stop);
}

static AwValue range_step(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  SELF_RANGE("step");
  return AW_INT(self->step);
}

// Ranges are equal when they hold the same sequence of ints.
static bool range_same(AwRange *a, AwRange *b) {
  if (a->len != b->len) return false;
  if (a->len == 0) return true;
  if (a->start != b->start) return false;
  return a->len == 1 || a->step == b->step;
}

static AwValue range_eq(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__eq__");
  if (!ct_check_args(vm, "range.__eq__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_KIND(argv[1], AW_OBJ_RANGE)) return vm->not_implemented;
  return AW_BOOL(range_same(self, (AwRange *)AW_AS_OBJ(argv[1])));
}

static AwValue range_ne(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__ne__");
  if (!ct_check_args(vm, "range.__ne__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_KIND(argv[1], AW_OBJ_RANGE)) return vm->not_implemented;
  return AW_BOOL(!range_same(self, (AwRange *)AW_AS_OBJ(argv[1])));
}

static AwValue range_hash(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_RANGE("__hash__");
  (void)self;
  if (!ct_check_args(vm, "range.__hash__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  uint64_t h;
  if (!aw_hash(vm, argv[0], &h)) return AW_EXC;
  return AW_INT((int64_t)h);
}

bool aw_range_init_class(AwVM *vm) {
  static const struct {
    const char *name;
    AwNativeFn fn;
  } methods[] = {
      {"__len__", range_len_m},   {"__bool__", range_bool_m},         {"__getitem__", range_getitem},
      {"__contains__", range_contains}, {"__iter__", range_iter_m},   {"__reversed__", range_reversed_m},
      {"count", range_count},     {"index", range_index},             {"__eq__", range_eq},
      {"__ne__", range_ne},       {"__hash__", range_hash},
  };
  AwClass *c = AW_CLS(vm, range);
  if (!aw_class_add_native(vm, c, "__new__", range_new_m, AW_NATIVE_STATIC)) return false;
  for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
    if (!aw_class_add_native(vm, c, methods[i].name, methods[i].fn, AW_NATIVE_METHOD)) return false;
  return ct_add_getter(vm, c, "start", range_start) && ct_add_getter(vm, c, "stop", range_stop) &&
         ct_add_getter(vm, c, "step", range_step);
}

// vm/tuple.c -- tuple objects: construction, the cached xxHash-style hash,
// and the tuple class's methods. Tuple iteration is in iter.c; repr in ops.c.
#include <stdarg.h>
#include <string.h>
#include "vm/vm.h"

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

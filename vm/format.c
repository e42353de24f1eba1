// vm/format.c -- format(v, spec): Python's format-spec mini-language for
// int, float, str and bool, and dispatch to __format__ for other objects.
#include <string.h>

#include "vm/vm.h"

AwValue aw_format(AwVM *vm, AwValue v, AwValue spec) {
  if (AW_AS_STR(spec)->nbytes == 0) {
    AwStr *s = aw_to_str(vm, v);
    return s ? AW_OBJ(s) : AW_EXC;
  }
  return aw_raisef(vm, AW_EXCCLS(vm, NotImplementedError), "format specs are not done yet");
}

// vm/container.h -- small static helpers shared by the container files
// (list.c, tuple.c, dict.c, set.c, range.c, slice.c, iter.c): argument
// count checks with CPython's wording, self-type checks for methods, and
// sequence index normalisation. Internal to those files.
#ifndef AW_CONTAINER_H
#define AW_CONTAINER_H

#include "vm/vm.h"

// Checks that a method [name] got [min]..[max] arguments (self excluded:
// [n] counts the others) and no keywords. Messages follow CPython's
// METH_O / METH_VARARGS wording.
static inline bool ct_check_args(AwVM *vm, const char *name, int n, AwTuple *kwnames, int min, int max) {
  if (kwnames && kwnames->len > 0) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no keyword arguments", name);
    return false;
  }
  if (n >= min && n <= max) return true;
  if (min == 1 && max == 1)
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes exactly one argument (%d given)", name, n);
  else if (max == 0)
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no arguments (%d given)", name, n);
  else if (min == max)
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected %d argument%s, got %d", name, min,
              min == 1 ? "" : "s", n);
  else if (n < min)
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at least %d argument%s, got %d", name, min,
              min == 1 ? "" : "s", n);
  else
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at most %d argument%s, got %d", name, max,
              max == 1 ? "" : "s", n);
  return false;
}

// A method's self must be of the kind its class implements (a native can
// be called unbound with anything as self: list.append(3, 4)).
static inline bool ct_check_self(AwVM *vm, AwValue self, AwObjKind kind, const char *cls, const char *name) {
  if (AW_IS_KIND(self, kind)) return true;
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
            name, cls, aw_type_name(vm, self));
  return false;
}

// Normalises a (possibly negative) index against [len]; false if out of
// range (no exception raised).
static inline bool ct_norm_index(int64_t *i, int64_t len) {
  if (*i < 0) *i += len;
  return *i >= 0 && *i < len;
}

// The int value of a subscript [key] that must be an integer (int, bool or
// __index__); raises "<seq> indices must be integers or slices, not str".
static inline bool ct_subscript_index(AwVM *vm, AwValue key, const char *seq, int64_t *out) {
  if (AW_IS_INTLIKE(key)) {
    *out = AW_AS_INT(key);
    return true;
  }
  if (AW_IS_OBJ(key) && !AW_IS_UNDEF(aw_lookup_special(vm, key, AW_N(vm, index))))
    return aw_index(vm, key, out);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s indices must be integers or slices, not %s", seq,
            aw_type_name(vm, key));
  return false;
}

// Identity, then ==: the containment test CPython uses (x is y or x == y).
static inline int ct_same_or_eq(AwVM *vm, AwValue a, AwValue b) {
  if (aw_value_is(a, b)) return 1;
  return aw_eq(vm, a, b);
}

// True for an object whose class is a user class that defines [name]
// (used to return NotImplemented so a reflected dunder gets its turn).
static inline bool ct_has_special(AwVM *vm, AwValue v, AwValue name) {
  return AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, name));
}

// Adds a read-only attribute [name] to builtin class [cls], computed by
// native [fn] (called with argv[0] = the object): a property whose fget is
// the native.
static inline bool ct_add_getter(AwVM *vm, AwClass *cls, const char *name, AwNativeFn fn) {
  AwNative *getter = aw_native_new(vm, name, fn, AW_NATIVE_STATIC);
  if (!getter) return false;
  AwProperty *p = (AwProperty *)aw_obj_alloc(vm, sizeof(AwProperty), AW_OBJ_PROPERTY, AW_CLS(vm, property));
  if (!p) return false;
  p->fget = AW_OBJ(getter);
  p->fset = AW_NONE;
  p->fdel = AW_NONE;
  p->doc = AW_NONE;
  return aw_dict_set_cstr(vm, cls->dict, name, AW_OBJ(p));
}

// Sets [cls].__hash__ = None: instances are unhashable, as in CPython.
static inline bool ct_set_unhashable(AwVM *vm, AwClass *cls) {
  return aw_dict_set(vm, cls->dict, AW_N(vm, hash), AW_NONE);
}

#define AW_SLICE_KIND(v) AW_IS_KIND(v, AW_OBJ_SLICE)

#endif

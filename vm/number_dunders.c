// vm/number_dunders.c -- the operator methods of int and float as script
// code sees them ((3).__add__(4), float.__lt__, int.__neg__). Operators
// themselves never come here: ops.c computes numbers inline; these natives
// reuse its arithmetic and return NotImplemented for a foreign operand,
// as CPython's int and float slots do (int.__add__(1, 1.0) is
// NotImplemented: int leaves mixed arithmetic to float's reflected method).
#include <string.h>

#include "vm/vm.h"
#include "lang/ast.h"

// What a dunder does: a binary operator (op), optionally reflected; a
// comparison; a unary operator; or divmod.
typedef enum { DK_BINARY, DK_COMPARE, DK_UNARY, DK_DIVMOD } DunderKind;

// X(id, kind, op, reflected, int_only): reflected methods take self as
// the right operand; int_only ones (bitwise) are not on float.
#define NUM_DUNDERS(X)                                                      \
  X(add, DK_BINARY, AW_BINOP_ADD, false, false)                             \
  X(radd, DK_BINARY, AW_BINOP_ADD, true, false)                             \
  X(sub, DK_BINARY, AW_BINOP_SUB, false, false)                             \
  X(rsub, DK_BINARY, AW_BINOP_SUB, true, false)                             \
  X(mul, DK_BINARY, AW_BINOP_MUL, false, false)                             \
  X(rmul, DK_BINARY, AW_BINOP_MUL, true, false)                             \
  X(truediv, DK_BINARY, AW_BINOP_DIV, false, false)                         \
  X(rtruediv, DK_BINARY, AW_BINOP_DIV, true, false)                         \
  X(floordiv, DK_BINARY, AW_BINOP_FLOORDIV, false, false)                   \
  X(rfloordiv, DK_BINARY, AW_BINOP_FLOORDIV, true, false)                   \
  X(mod, DK_BINARY, AW_BINOP_MOD, false, false)                             \
  X(rmod, DK_BINARY, AW_BINOP_MOD, true, false)                             \
  X(pow, DK_BINARY, AW_BINOP_POW, false, false)                             \
  X(rpow, DK_BINARY, AW_BINOP_POW, true, false)                             \
  X(divmod, DK_DIVMOD, 0, false, false)                                     \
  X(rdivmod, DK_DIVMOD, 0, true, false)                                     \
  X(lshift, DK_BINARY, AW_BINOP_LSHIFT, false, true)                        \
  X(rlshift, DK_BINARY, AW_BINOP_LSHIFT, true, true)                        \
  X(rshift, DK_BINARY, AW_BINOP_RSHIFT, false, true)                        \
  X(rrshift, DK_BINARY, AW_BINOP_RSHIFT, true, true)                        \
  X(and, DK_BINARY, AW_BINOP_BITAND, false, true)                           \
  X(rand, DK_BINARY, AW_BINOP_BITAND, true, true)                           \
  X(or, DK_BINARY, AW_BINOP_BITOR, false, true)                             \
  X(ror, DK_BINARY, AW_BINOP_BITOR, true, true)                             \
  X(xor, DK_BINARY, AW_BINOP_BITXOR, false, true)                           \
  X(rxor, DK_BINARY, AW_BINOP_BITXOR, true, true)                           \
  X(lt, DK_COMPARE, AW_LT, false, false)                                    \
  X(le, DK_COMPARE, AW_LE, false, false)                                    \
  X(gt, DK_COMPARE, AW_GT, false, false)                                    \
  X(ge, DK_COMPARE, AW_GE, false, false)                                    \
  X(neg, DK_UNARY, AW_UNARY_NEG, false, false)                              \
  X(pos, DK_UNARY, AW_UNARY_POS, false, false)                              \
  X(invert, DK_UNARY, AW_UNARY_INVERT, false, true)                         \
  X(bool, DK_UNARY, AW_UNARY_NOT, false, false)

typedef struct {
  const char *name;
  DunderKind kind;
  int op;            // AwBinOp, AwCmpOp or AwUnaryOp
  bool reflected;
  bool int_only;
} NumDunder;

#define DUNDER_ENTRY(id, kind, op, refl, int_only) {"__" #id "__", kind, op, refl, int_only},
static const NumDunder dunders[] = {NUM_DUNDERS(DUNDER_ENTRY)};
#undef DUNDER_ENTRY

// True if [v] is an operand the method of [cls] (int or float) accepts.
static bool accepts(AwVM *vm, AwClass *cls, AwValue v) {
  return AW_IS_INTLIKE(v) || (cls == AW_CLS(vm, float) && AW_IS_FLOAT(v));
}

static AwValue call_dunder(AwVM *vm, const NumDunder *d, AwClass *cls, int argc, AwValue *argv, AwTuple *kw) {
  const char *cname = AW_AS_STR(cls->name)->data;
  if (argc < 1)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' of '%s' object needs an argument", d->name, cname);
  bool self_ok = cls == AW_CLS(vm, float) ? AW_IS_FLOAT(argv[0]) : AW_IS_INTLIKE(argv[0]);
  if (!self_ok)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' requires a '%s' object but received a '%s'",
                     d->name, cname, aw_type_name(vm, argv[0]));
  int want = d->kind == DK_UNARY ? 0 : 1;
  if (kw && kw->len)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.%s() takes no keyword arguments", cname, d->name);
  if (argc - 1 != want)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected %d argument%s, got %d", want, want == 1 ? "" : "s",
                     argc - 1);
  AwValue self = argv[0];
  if (d->kind == DK_UNARY) {
    if (d->op == AW_UNARY_NOT) {
      int t = aw_truthy(vm, self);
      return t < 0 ? AW_EXC : AW_BOOL(t);
    }
    return aw_ops_arith_unary(vm, d->op, self);
  }
  AwValue other = argv[1];
  if (!accepts(vm, cls, other)) return vm->not_implemented;
  AwValue a = d->reflected ? other : self, b = d->reflected ? self : other;
  if (d->kind == DK_COMPARE) return aw_compare(vm, a, b, (AwCmpOp)d->op);
  if (d->kind == DK_DIVMOD) {
    AwValue fn = aw_dict_get_str(vm->builtins, aw_str_intern(vm, "divmod", 6));
    if (AW_IS_UNDEF(fn)) return aw_raisef(vm, AW_EXCCLS(vm, NameError), "name 'divmod' is not defined");
    AwValue args[2] = {a, b};
    return aw_call(vm, fn, 2, args, NULL);
  }
  AwValue r = aw_ops_arith_binary(vm, d->op, a, b);
  return AW_IS_UNDEF(r) ? vm->not_implemented : r;
}

// One native per (class, dunder), since a native does not know its own
// name: each passes its table entry on.
#define DUNDER_INDEX(id, ...) DI_##id,
enum { NUM_DUNDERS(DUNDER_INDEX) DI__COUNT };
#undef DUNDER_INDEX
#define DUNDER_FNS(id, ...)                                                                  \
  static AwValue int_##id(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {                 \
    return call_dunder(vm, &dunders[DI_##id], AW_CLS(vm, int), argc, argv, kw);             \
  }                                                                                          \
  static AwValue float_##id(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {               \
    return call_dunder(vm, &dunders[DI_##id], AW_CLS(vm, float), argc, argv, kw);           \
  }
NUM_DUNDERS(DUNDER_FNS)
#undef DUNDER_FNS

#define DUNDER_PAIR(id, ...) {int_##id, float_##id},
static const AwNativeFn dunder_fns[][2] = {NUM_DUNDERS(DUNDER_PAIR)};
#undef DUNDER_PAIR

bool aw_number_add_dunders(AwVM *vm) {
  for (size_t i = 0; i < sizeof dunders / sizeof dunders[0]; i++) {
    if (!aw_class_add_native(vm, AW_CLS(vm, int), dunders[i].name, dunder_fns[i][0], AW_NATIVE_METHOD)) return false;
    if (!dunders[i].int_only &&
        !aw_class_add_native(vm, AW_CLS(vm, float), dunders[i].name, dunder_fns[i][1], AW_NATIVE_METHOD))
      return false;
  }
  return true;
}

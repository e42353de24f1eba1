// stdlib/operator.c -- the operator module: the operators as functions
// (add, lt, getitem, ...) over the VM's protocols in ops.c, and the
// itemgetter, attrgetter and methodcaller callables.
#include <string.h>

#include "lang/ast.h"
#include "vm/vm.h"

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

static bool two(AwVM *vm, const char *name, int argc, AwTuple *kw) {
  return aw_check_argc(vm, name, argc, kw, 2, 2);
}

#define BINOP(cname, op)                                                                \
  static AwValue operator_##cname(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {    \
    if (!two(vm, #cname, argc, kw)) return AW_EXC;                                      \
    return aw_binary_op(vm, op, argv[0], argv[1]);                                      \
  }                                                                                     \
  static AwValue operator_i##cname(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {   \
    if (!two(vm, "i" #cname, argc, kw)) return AW_EXC;                                  \
    return aw_binary_op(vm, (op) | AW_BINOP_INPLACE, argv[0], argv[1]);                 \
  }
BINOP(add, AW_BINOP_ADD)
BINOP(sub, AW_BINOP_SUB)
BINOP(mul, AW_BINOP_MUL)
BINOP(matmul, AW_BINOP_MATMUL)
BINOP(truediv, AW_BINOP_DIV)
BINOP(floordiv, AW_BINOP_FLOORDIV)
BINOP(mod, AW_BINOP_MOD)
BINOP(pow, AW_BINOP_POW)
BINOP(lshift, AW_BINOP_LSHIFT)
BINOP(rshift, AW_BINOP_RSHIFT)
BINOP(or_, AW_BINOP_BITOR)
BINOP(xor, AW_BINOP_BITXOR)
BINOP(and_, AW_BINOP_BITAND)

#define CMPOP(cname, op)                                                              \
  static AwValue operator_##cname(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {  \
    if (!two(vm, #cname, argc, kw)) return AW_EXC;                                    \
    return aw_compare(vm, argv[0], argv[1], op);                                      \
  }
CMPOP(lt, AW_LT)
CMPOP(le, AW_LE)
CMPOP(eq, AW_EQ)
CMPOP(ne, AW_NE)
CMPOP(gt, AW_GT)
CMPOP(ge, AW_GE)

#define UNOP(cname, op)                                                               \
  static AwValue operator_##cname(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {  \
    if (!aw_check_argc(vm, #cname, argc, kw, 1, 1)) return AW_EXC;                    \
    return aw_unary_op(vm, op, argv[0]);                                              \
  }
UNOP(neg, AW_UNARY_NEG)
UNOP(pos, AW_UNARY_POS)
UNOP(invert, AW_UNARY_INVERT)

static AwValue operator_not_(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "not_", argc, kw, 1, 1)) return AW_EXC;
  int t = aw_truthy(vm, argv[0]);
  return t < 0 ? AW_EXC : AW_BOOL(!t);
}

static AwValue operator_truth(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "truth", argc, kw, 1, 1)) return AW_EXC;
  int t = aw_truthy(vm, argv[0]);
  return t < 0 ? AW_EXC : AW_BOOL(t);
}

static AwValue operator_is_(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "is_", argc, kw)) return AW_EXC;
  return AW_BOOL(aw_value_is(argv[0], argv[1]));
}

static AwValue operator_is_not(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "is_not", argc, kw)) return AW_EXC;
  return AW_BOOL(!aw_value_is(argv[0], argv[1]));
}

static AwValue operator_abs(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "abs", argc, kw, 1, 1)) return AW_EXC;
  AwValue f = aw_dict_get_cstr(vm, vm->builtins, "abs");
  return aw_call(vm, f, 1, argv, NULL);
}

static AwValue operator_index(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "index", argc, kw, 1, 1)) return AW_EXC;
  int64_t n;
  return aw_index(vm, argv[0], &n) ? AW_INT(n) : AW_EXC;
}

static AwValue operator_concat(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "concat", argc, kw)) return AW_EXC;
  if (AW_IS_INTLIKE(argv[0]) || AW_IS_FLOAT(argv[0]) || AW_IS_NONE(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object can't be concatenated", aw_type_name(vm, argv[0]));
  return aw_binary_op(vm, AW_BINOP_ADD, argv[0], argv[1]);
}

static AwValue operator_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "contains", argc, kw)) return AW_EXC;
  int r = aw_contains(vm, argv[0], argv[1]);
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

// countOf / indexOf: linear scans with ==.
static AwValue scan(AwVM *vm, AwValue seq, AwValue x, bool index) {
  AwValue it = aw_get_iter(vm, seq);
  if (AW_IS_EXC(it)) return AW_EXC;
  aw_push_root(vm, it);
  int64_t i = 0, count = 0;
  AwValue result = AW_UNDEF;
  for (;; i++) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) {
      result = AW_EXC;
      break;
    }
    if (AW_IS_UNDEF(v)) break;
    aw_push_root(vm, v);
    int eq = aw_eq(vm, v, x);
    aw_pop_root(vm);
    if (eq < 0) {
      result = AW_EXC;
      break;
    }
    if (eq) {
      count++;
      if (index) {
        result = AW_INT(i);
        break;
      }
    }
  }
  aw_pop_root(vm);
  if (!AW_IS_UNDEF(result)) return result;
  if (index) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "sequence.index(x): x not in sequence");
  return AW_INT(count);
}

static AwValue operator_countOf(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "countOf", argc, kw)) return AW_EXC;
  return scan(vm, argv[0], argv[1], false);
}

static AwValue operator_indexOf(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "indexOf", argc, kw)) return AW_EXC;
  return scan(vm, argv[0], argv[1], true);
}

static AwValue operator_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "getitem", argc, kw)) return AW_EXC;
  return aw_getitem(vm, argv[0], argv[1]);
}

static AwValue operator_setitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "setitem", argc, kw, 3, 3)) return AW_EXC;
  return aw_setitem(vm, argv[0], argv[1], argv[2]) ? AW_NONE : AW_EXC;
}

static AwValue operator_delitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!two(vm, "delitem", argc, kw)) return AW_EXC;
  return aw_delitem(vm, argv[0], argv[1]) ? AW_NONE : AW_EXC;
}

// ---- itemgetter / attrgetter / methodcaller --------------------------------------------
// Instances of classes made here; the getter's state lives in its __dict__
// (_items: a tuple, _single: true for one item; _name/_args/_kw for
// methodcaller).

static AwValue field(AwVM *vm, AwValue self, const char *name) {
  if (!AW_IS_KIND(self, AW_OBJ_INSTANCE)) return AW_UNDEF;
  return aw_dict_get_cstr(vm, AW_AS_INSTANCE(self)->dict, name);
}

static bool set_field(AwVM *vm, AwValue self, const char *name, AwValue v) {
  return aw_dict_set_cstr(vm, AW_AS_INSTANCE(self)->dict, name, v);
}

static AwValue store_items(AwVM *vm, int argc, AwValue *argv, const char *what) {
  if (argc < 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected 1 argument, got 0", what);
  AwTuple *t = aw_tuple_new(vm, argc - 1);
  if (!t) return AW_EXC;
  for (int i = 1; i < argc; i++) t->items[i - 1] = argv[i];
  return set_field(vm, argv[0], "_items", AW_OBJ(t)) ? AW_NONE : AW_EXC;
}

static AwValue itemgetter_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  return store_items(vm, argc, argv, "itemgetter");
}

// Applies item i of the getter to [obj] (getitem or dotted getattr).
typedef AwValue (*GetOne)(AwVM *vm, AwValue obj, AwValue key);

static AwValue get_all(AwVM *vm, AwValue self, AwValue obj, GetOne get) {
  AwValue items = field(vm, self, "_items");
  if (!AW_IS_TUPLE(items)) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "getter is not initialised");
  AwTuple *t = AW_AS_TUPLE(items);
  if (t->len == 1) return get(vm, obj, t->items[0]);
  AwTuple *out = aw_tuple_new(vm, t->len);
  if (!out) return AW_EXC;
  aw_push_root(vm, AW_OBJ(out));
  AwValue result = AW_OBJ(out);
  for (int64_t i = 0; i < t->len; i++) {
    AwValue v = get(vm, obj, t->items[i]);
    if (AW_IS_EXC(v)) {
      result = AW_EXC;
      break;
    }
    out->items[i] = v;
  }
  aw_pop_root(vm);
  return result;
}

static AwValue itemgetter_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "itemgetter", argc, kw, 2, 2)) return AW_EXC;
  return get_all(vm, argv[0], argv[1], aw_getitem);
}

// getattr with dotted names ("a.b.c").
static AwValue get_dotted(AwVM *vm, AwValue obj, AwValue name) {
  if (!AW_IS_STR(name)) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "attribute name must be a string");
  const char *s = AW_AS_STR(name)->data;
  if (!strchr(s, '.')) return aw_getattr(vm, obj, name);
  AwValue cur = obj;
  const char *p = s;
  while (true) {
    const char *dot = strchr(p, '.');
    size_t n = dot ? (size_t)(dot - p) : strlen(p);
    AwValue part = aw_str_intern(vm, p, n);
    if (AW_IS_EXC(part)) return AW_EXC;
    aw_push_root(vm, cur);
    AwValue next = aw_getattr(vm, cur, part);
    aw_pop_root(vm);
    if (AW_IS_EXC(next) || !dot) return next;
    cur = next;
    p = dot + 1;
  }
}

static AwValue attrgetter_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  for (int i = 1; i < argc; i++)
    if (!AW_IS_STR(argv[i])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "attribute name must be a string");
  return store_items(vm, argc, argv, "attrgetter");
}

static AwValue attrgetter_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "attrgetter", argc, kw, 2, 2)) return AW_EXC;
  return get_all(vm, argv[0], argv[1], get_dotted);
}

static AwValue methodcaller_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (argc < 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "methodcaller needs at least one argument, the method name");
  if (!AW_IS_STR(argv[1])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "method name must be a string");
  AwTuple *args = aw_tuple_new(vm, argc - 2);
  if (!args) return AW_EXC;
  for (int i = 2; i < argc; i++) args->items[i - 2] = argv[i];
  if (!set_field(vm, argv[0], "_name", argv[1]) || !set_field(vm, argv[0], "_args", AW_OBJ(args))) return AW_EXC;
  AwValue names = kw ? AW_OBJ(kw) : AW_NONE;
  AwTuple *vals = aw_tuple_new(vm, kw ? kw->len : 0);
  if (!vals) return AW_EXC;
  for (int64_t i = 0; kw && i < kw->len; i++) vals->items[i] = argv[argc + i];
  return set_field(vm, argv[0], "_kwnames", names) && set_field(vm, argv[0], "_kwvals", AW_OBJ(vals)) ? AW_NONE : AW_EXC;
}

static AwValue methodcaller_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "methodcaller", argc, kw, 2, 2)) return AW_EXC;
  AwValue name = field(vm, argv[0], "_name"), args = field(vm, argv[0], "_args");
  AwValue kwn = field(vm, argv[0], "_kwnames"), kwv = field(vm, argv[0], "_kwvals");
  if (!AW_IS_STR(name) || !AW_IS_TUPLE(args) || !AW_IS_TUPLE(kwv))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "methodcaller is not initialised");
  AwValue meth = aw_getattr(vm, argv[1], name);
  if (AW_IS_EXC(meth)) return AW_EXC;
  int64_t np = AW_AS_TUPLE(args)->len, nk = AW_AS_TUPLE(kwv)->len;
  // The values all live in the rooted methodcaller's tuples; the bound
  // method is kept on the temp-root stack.
  AwValue small[16], *all = small;
  size_t bytes = sizeof(AwValue) * (size_t)(np + nk + 1);
  if (np + nk > 16 && !(all = aw_mem_alloc(vm, bytes))) return AW_EXC;
  for (int64_t i = 0; i < np; i++) all[i] = AW_AS_TUPLE(args)->items[i];
  for (int64_t i = 0; i < nk; i++) all[np + i] = AW_AS_TUPLE(kwv)->items[i];
  aw_push_root(vm, meth);
  AwValue r = aw_call(vm, meth, (int)np, all, AW_IS_TUPLE(kwn) ? AW_AS_TUPLE(kwn) : NULL);
  aw_pop_root(vm);
  if (all != small) aw_mem_free(vm, all, bytes);
  return r;
}

static AwValue getter_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc;
  (void)kw;
  AwValue items = field(vm, argv[0], "_items");
  const char *cls = AW_AS_STR(aw_type_of(vm, argv[0])->name)->data;
  if (!AW_IS_TUPLE(items)) return aw_str_format(vm, "operator.%s()", cls);
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_printf(vm, &b, "operator.%s(", cls);
  bool ok = true;
  for (int64_t i = 0; ok && i < AW_AS_TUPLE(items)->len; i++) {
    if (i) aw_buf_append(vm, &b, ", ", 2);
    ok = aw_buf_repr(vm, &b, AW_AS_TUPLE(items)->items[i]);
  }
  aw_buf_putc(vm, &b, ')');
  if (!ok) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

static const ModFn operator_fns[] = {
  {"add", operator_add},           {"sub", operator_sub},         {"mul", operator_mul},
  {"matmul", operator_matmul},     {"truediv", operator_truediv}, {"floordiv", operator_floordiv},
  {"mod", operator_mod},           {"pow", operator_pow},         {"lshift", operator_lshift},
  {"rshift", operator_rshift},     {"or_", operator_or_},         {"xor", operator_xor},
  {"and_", operator_and_},         {"iadd", operator_iadd},       {"isub", operator_isub},
  {"imul", operator_imul},         {"imatmul", operator_imatmul}, {"itruediv", operator_itruediv},
  {"ifloordiv", operator_ifloordiv}, {"imod", operator_imod},     {"ipow", operator_ipow},
  {"ilshift", operator_ilshift},   {"irshift", operator_irshift}, {"ior", operator_ior_},
  {"ixor", operator_ixor},         {"iand", operator_iand_},      {"lt", operator_lt},
  {"le", operator_le},             {"eq", operator_eq},           {"ne", operator_ne},
  {"gt", operator_gt},             {"ge", operator_ge},           {"neg", operator_neg},
  {"pos", operator_pos},           {"invert", operator_invert},   {"inv", operator_invert},
  {"not_", operator_not_},         {"truth", operator_truth},     {"is_", operator_is_},
  {"is_not", operator_is_not},     {"abs", operator_abs},         {"index", operator_index},
  {"concat", operator_concat},     {"contains", operator_contains}, {"countOf", operator_countOf},
  {"indexOf", operator_indexOf},   {"getitem", operator_getitem}, {"setitem", operator_setitem},
  {"delitem", operator_delitem},   {NULL, NULL},
};

static bool add_class(AwVM *vm, AwModule *m, const char *name, AwNativeFn init, AwNativeFn call) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return false;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, AW_CLS(vm, object), d);
  aw_pop_root(vm);
  if (!c) return false;
  aw_push_root(vm, AW_OBJ(c));
  c->module = aw_str_from_cstr(vm, "operator");
  bool ok = !AW_IS_EXC(c->module) && aw_module_add_value(vm, m, name, AW_OBJ(c)) &&
            aw_class_add_native(vm, c, "__init__", init, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, c, "__call__", call, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, c, "__repr__", getter_repr, AW_NATIVE_METHOD);
  aw_pop_root(vm);
  return ok;
}

AwModule *aw_open_operator(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "operator");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = true;
  for (const ModFn *f = operator_fns; ok && f->name; f++) ok = aw_module_add_fn(vm, m, f->name, f->fn);
  ok = ok && add_class(vm, m, "itemgetter", itemgetter_init, itemgetter_call) &&
       add_class(vm, m, "attrgetter", attrgetter_init, attrgetter_call) &&
       add_class(vm, m, "methodcaller", methodcaller_init, methodcaller_call);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

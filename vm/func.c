// vm/func.c -- function-like objects: script functions, natives, bound
// methods, cells and code objects: constructors, reprs and attributes.
#include <string.h>
#include "vm/interp.h"

AwFunction *aw_function_new(AwVM *vm, AwProto *proto, AwDict *globals) {
  AwFunction *fn = (AwFunction *)aw_obj_alloc(vm, sizeof(AwFunction), AW_OBJ_FUNCTION, AW_CLS(vm, function));
  if (!fn) return NULL;
  fn->proto = proto;
  fn->globals = globals;
  fn->name = proto->name;
  fn->qualname = proto->qualname;
  // The compiler stores a function's docstring (or None) as consts[0].
  fn->doc = proto->nconsts > 0 && AW_IS_STR(proto->consts[0]) &&
                    !(proto->flags & (AW_CODE_MODULE | AW_CODE_CLASS_BODY))
                ? proto->consts[0]
                : AW_NONE;
  AwValue mod = aw_dict_get_str(globals, AW_N(vm, name));
  fn->module = AW_IS_UNDEF(mod) ? AW_NONE : mod;
  return fn;
}

AwNative *aw_native_new(AwVM *vm, const char *name, AwNativeFn fn, uint16_t flags) {
  AwNative *n = (AwNative *)aw_obj_alloc(vm, sizeof(AwNative), AW_OBJ_NATIVE, AW_CLS(vm, builtin_function));
  if (!n) return NULL;
  n->fn = fn;
  n->name = name;
  n->self = AW_UNDEF;
  n->data = AW_UNDEF;
  n->flags = flags;
  return n;
}

AwValue aw_ascii_of_str(AwVM *vm, AwValue str) {
  AwStr *s = AW_AS_STR(str);
  if (aw_str_ascii(s)) return str;
  AwBuf b;
  aw_buf_init(&b);
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  while (p < end) {
    if (*p < 0x80) {
      aw_buf_putc(vm, &b, (char)*p++);
      continue;
    }
    uint32_t cp;
    p += aw_utf8_decode(p, &cp);
    if (cp <= 0xff) aw_buf_printf(vm, &b, "\\x%02x", cp);
    else if (cp <= 0xffff) aw_buf_printf(vm, &b, "\\u%04x", cp);
    else aw_buf_printf(vm, &b, "\\U%08x", cp);
  }
  return aw_buf_to_str(vm, &b);
}

static const char *str_or(AwValue v, const char *dflt) { return AW_IS_STR(v) ? AW_AS_STR(v)->data : dflt; }

static AwValue function_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwFunction *fn = (AwFunction *)AW_AS_OBJ(argv[0]);
  return aw_str_format(vm, "<function %s at %p>", str_or(fn->qualname, "?"), (void *)fn);
}

static AwValue function_get(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  if (argc < 2 || AW_IS_NONE(argv[1])) return argv[0];
  return aw_bind_method(vm, argv[0], argv[1]);
}

static AwValue native_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwNative *n = (AwNative *)AW_AS_OBJ(argv[0]);
  if (!AW_IS_UNDEF(n->self) && !AW_IS_KIND(n->self, AW_OBJ_MODULE))
    return aw_str_format(vm, "<built-in method %s of %s object at %p>", n->name, aw_type_name(vm, n->self),
                         AW_IS_OBJ(n->self) ? (void *)AW_AS_OBJ(n->self) : NULL);
  return aw_str_format(vm, "<built-in function %s>", n->name);
}

static AwValue bound_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwBound *b = (AwBound *)AW_AS_OBJ(argv[0]);
  AwValue q = AW_IS_KIND(b->func, AW_OBJ_FUNCTION) ? ((AwFunction *)AW_AS_OBJ(b->func))->qualname : AW_UNDEF;
  AwStr *self = aw_repr(vm, b->self);
  if (!self) return AW_EXC;
  return aw_str_format(vm, "<bound method %s of %s>", str_or(q, "?"), self->data);
}

static AwValue bound_eq(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  if (!AW_IS_KIND(argv[1], AW_OBJ_BOUND)) return vm->not_implemented;
  AwBound *a = (AwBound *)AW_AS_OBJ(argv[0]), *b = (AwBound *)AW_AS_OBJ(argv[1]);
  return AW_BOOL(aw_value_is(a->self, b->self) && aw_value_is(a->func, b->func));
}

static AwValue bound_hash(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw; (void)vm;
  AwBound *a = (AwBound *)AW_AS_OBJ(argv[0]);
  uintptr_t h = (uintptr_t)AW_AS_OBJ(a->func) ^ (AW_IS_OBJ(a->self) ? (uintptr_t)AW_AS_OBJ(a->self) : 0);
  return AW_INT((int64_t)(h >> 4));
}

static AwValue code_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwProto *p = (AwProto *)AW_AS_OBJ(argv[0]);
  return aw_str_format(vm, "<code object %s at %p, file \"%s\", line %d>", str_or(p->name, "?"), (void *)p,
                       str_or(p->filename, "?"), p->firstline);
}

static AwValue code_getter(AwVM *vm, AwValue self, const char *what) {
  AwProto *p = (AwProto *)AW_AS_OBJ(self);
  if (!strcmp(what, "co_name")) return p->name;
  if (!strcmp(what, "co_qualname")) return p->qualname;
  if (!strcmp(what, "co_filename")) return p->filename;
  if (!strcmp(what, "co_firstlineno")) return AW_INT(p->firstline);
  if (!strcmp(what, "co_argcount")) return AW_INT(p->argcount);
  if (!strcmp(what, "co_flags")) {
    // CPython's flag values for the kinds inspect looks at.
    int64_t fl = 0;
    if (p->flags & AW_CODE_GENERATOR) fl |= 0x20;
    if (p->flags & AW_CODE_COROUTINE) fl |= 0x80;
    if (p->flags & AW_CODE_ASYNC_GEN) fl |= 0x200;
    if (p->flags & AW_CODE_VARARGS) fl |= 0x04;
    if (p->flags & AW_CODE_VARKEYWORDS) fl |= 0x08;
    return AW_INT(fl);
  }
  AwTuple *t;
  if (!strcmp(what, "co_varnames")) {
    t = aw_tuple_new(vm, p->nlocals);
    if (!t) return AW_EXC;
    for (int32_t i = 0; i < p->nlocals; i++) t->items[i] = p->varnames[i];
    return AW_OBJ(t);
  }
  return AW_UNDEF;
}

#define CODE_GETTER(field)                                                      \
  static AwValue code_##field(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) { \
    (void)argc; (void)kw;                                                       \
    return code_getter(vm, argv[0], #field);                                    \
  }
CODE_GETTER(co_name)
CODE_GETTER(co_qualname)
CODE_GETTER(co_filename)
CODE_GETTER(co_firstlineno)
CODE_GETTER(co_argcount)
CODE_GETTER(co_flags)
CODE_GETTER(co_varnames)
#undef CODE_GETTER

static AwValue cell_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwCell *c = (AwCell *)AW_AS_OBJ(argv[0]);
  if (AW_IS_UNDEF(c->value)) return aw_str_format(vm, "<cell at %p: empty>", (void *)c);
  return aw_str_format(vm, "<cell at %p: %s object at %p>", (void *)c, aw_type_name(vm, c->value),
                       AW_IS_OBJ(c->value) ? (void *)AW_AS_OBJ(c->value) : NULL);
}

static AwValue cell_contents(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwCell *c = (AwCell *)AW_AS_OBJ(argv[0]);
  if (AW_IS_UNDEF(c->value)) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Cell is empty");
  return c->value;
}

static AwValue module_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwModule *m = (AwModule *)AW_AS_OBJ(argv[0]);
  if (AW_IS_STR(m->path))
    return aw_str_format(vm, "<module '%s' from '%s'>", str_or(m->name, "?"), AW_AS_STR(m->path)->data);
  return aw_str_format(vm, "<module '%s' (built-in)>", str_or(m->name, "?"));
}

bool aw_func_init_classes(AwVM *vm) {
  AwClass *fn = AW_CLS(vm, function), *nat = AW_CLS(vm, builtin_function), *m = AW_CLS(vm, method);
  AwClass *code = AW_CLS(vm, code), *cell = AW_CLS(vm, cell), *mod = AW_CLS(vm, module);
  return aw_class_add_native(vm, fn, "__repr__", function_repr, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, fn, "__get__", function_get, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, nat, "__repr__", native_repr, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, m, "__repr__", bound_repr, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, m, "__eq__", bound_eq, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, m, "__hash__", bound_hash, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, code, "__repr__", code_repr, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, code, "co_name", code_co_name, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, code, "co_qualname", code_co_qualname, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, code, "co_filename", code_co_filename, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, code, "co_firstlineno", code_co_firstlineno, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, code, "co_argcount", code_co_argcount, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, code, "co_flags", code_co_flags, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, code, "co_varnames", code_co_varnames, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, cell, "__repr__", cell_repr, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, cell, "cell_contents", cell_contents, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, mod, "__repr__", module_repr, AW_NATIVE_METHOD);
}

// stdlib/inspect.c -- the inspect module's predicates (iscoroutine,
// isgeneratorfunction, isawaitable ...), generator/coroutine states (from
// gen.c's aw_gen_state_name) and a text-only signature().
#include <string.h>

#include "vm/vm.h"

// The function behind a value: itself, a bound method's function, or NULL.
static AwFunction *function_of(AwValue v) {
  if (AW_IS_KIND(v, AW_OBJ_BOUND)) v = ((AwBound *)AW_AS_OBJ(v))->func;
  if (AW_IS_KIND(v, AW_OBJ_FUNCTION)) return (AwFunction *)AW_AS_OBJ(v);
  return NULL;
}

static bool one(AwVM *vm, const char *name, int argc, AwTuple *kwnames) {
  return aw_check_argc(vm, name, argc, kwnames, 1, 1);
}

static AwValue code_flag(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         uint32_t flag) {
  if (!one(vm, name, argc, kwnames)) return AW_EXC;
  AwFunction *f = function_of(argv[0]);
  return AW_BOOL(f && (f->proto->flags & flag));
}

static AwValue inspect_iscoroutinefunction(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return code_flag(vm, argc, argv, kw, "iscoroutinefunction", AW_CODE_COROUTINE);
}

static AwValue inspect_isgeneratorfunction(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return code_flag(vm, argc, argv, kw, "isgeneratorfunction", AW_CODE_GENERATOR);
}

static AwValue inspect_isasyncgenfunction(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return code_flag(vm, argc, argv, kw, "isasyncgenfunction", AW_CODE_ASYNC_GEN);
}

static bool has_class(AwVM *vm, AwValue v, AwClass *cls) { return aw_isinstance(vm, v, cls); }

static AwValue inspect_iscoroutine(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "iscoroutine", argc, kw)) return AW_EXC;
  return AW_BOOL(has_class(vm, argv[0], AW_CLS(vm, coroutine)));
}

static AwValue inspect_isgenerator(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isgenerator", argc, kw)) return AW_EXC;
  return AW_BOOL(has_class(vm, argv[0], AW_CLS(vm, generator)));
}

static AwValue inspect_isasyncgen(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isasyncgen", argc, kw)) return AW_EXC;
  return AW_BOOL(has_class(vm, argv[0], AW_CLS(vm, async_generator)));
}

// isawaitable: a coroutine, or anything whose class defines __await__.
static AwValue inspect_isawaitable(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isawaitable", argc, kw)) return AW_EXC;
  if (has_class(vm, argv[0], AW_CLS(vm, coroutine))) return AW_TRUE;
  if (AW_IS_CLASS(argv[0])) return AW_FALSE;
  return AW_BOOL(!AW_IS_UNDEF(aw_lookup_special(vm, argv[0], AW_N(vm, await))));
}

static AwValue inspect_isfunction(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isfunction", argc, kw)) return AW_EXC;
  return AW_BOOL(AW_IS_KIND(argv[0], AW_OBJ_FUNCTION));
}

static AwValue inspect_isclass(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isclass", argc, kw)) return AW_EXC;
  return AW_BOOL(AW_IS_CLASS(argv[0]));
}

static AwValue inspect_ismethod(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "ismethod", argc, kw)) return AW_EXC;
  return AW_BOOL(AW_IS_KIND(argv[0], AW_OBJ_BOUND));
}

static AwValue inspect_isbuiltin(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isbuiltin", argc, kw)) return AW_EXC;
  return AW_BOOL(AW_IS_KIND(argv[0], AW_OBJ_NATIVE));
}

static AwValue inspect_isroutine(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isroutine", argc, kw)) return AW_EXC;
  AwValue v = argv[0];
  return AW_BOOL(AW_IS_KIND(v, AW_OBJ_FUNCTION) || AW_IS_KIND(v, AW_OBJ_NATIVE) ||
                 AW_IS_KIND(v, AW_OBJ_BOUND));
}

static AwValue inspect_ismodule(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "ismodule", argc, kw)) return AW_EXC;
  return AW_BOOL(AW_IS_KIND(argv[0], AW_OBJ_MODULE));
}

static AwValue inspect_iscode(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "iscode", argc, kw)) return AW_EXC;
  return AW_BOOL(AW_IS_KIND(argv[0], AW_OBJ_PROTO));
}

static AwValue inspect_isframe(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "isframe", argc, kw)) return AW_EXC;
  return AW_BOOL(AW_IS_KIND(argv[0], AW_OBJ_FRAMEREF));
}

static AwValue inspect_isabstract(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argv;
  if (!one(vm, "isabstract", argc, kw)) return AW_EXC;
  return AW_FALSE;
}

// getgeneratorstate/getcoroutinestate: CPython reads gi_running/cr_running,
// so the wrong kind of object is an AttributeError naming that attribute.
static AwValue state_of(AwVM *vm, int argc, AwValue *argv, AwTuple *kw, const char *name,
                        AwClass *cls, const char *attr) {
  if (!one(vm, name, argc, kw)) return AW_EXC;
  const char *s = aw_isinstance(vm, argv[0], cls) ? aw_gen_state_name(vm, argv[0]) : NULL;
  if (!s)
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "'%s' object has no attribute '%s'",
                     aw_type_name(vm, argv[0]), attr);
  return aw_str_from_cstr(vm, s);
}

static AwValue inspect_getgeneratorstate(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return state_of(vm, argc, argv, kw, "getgeneratorstate", AW_CLS(vm, generator), "gi_running");
}

static AwValue inspect_getcoroutinestate(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return state_of(vm, argc, argv, kw, "getcoroutinestate", AW_CLS(vm, coroutine), "cr_running");
}

// signature(f): a str in CPython's text form "(a, b=2, *args, c, **kw)".
// Annotations are not kept by aw, so they never appear.
static AwValue inspect_signature(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!one(vm, "signature", argc, kw)) return AW_EXC;
  AwFunction *f = function_of(argv[0]);
  if (!f)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "no signature found for %s",
                     aw_type_name(vm, argv[0]));
  AwProto *p = f->proto;
  bool skip_self = AW_IS_KIND(argv[0], AW_OBJ_BOUND);
  int32_t npos = p->argcount, nkw = p->kwonlyargcount;
  int64_t ndef = f->defaults ? f->defaults->len : 0;
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_putc(vm, &b, '(');
  bool first = true;
  for (int32_t i = skip_self ? 1 : 0; i < npos; i++) {
    if (!first) aw_buf_append(vm, &b, ", ", 2);
    first = false;
    aw_buf_append_str(vm, &b, p->varnames[i]);
    int64_t di = i - (npos - ndef);
    if (di >= 0) {
      aw_buf_putc(vm, &b, '=');
      if (!aw_buf_repr(vm, &b, f->defaults->items[di])) goto fail;
    }
    if (p->posonlyargcount > 0 && i == p->posonlyargcount - 1) aw_buf_append(vm, &b, ", /", 3);
  }
  int32_t next = npos + nkw;
  if (p->flags & AW_CODE_VARARGS) {
    if (!first) aw_buf_append(vm, &b, ", ", 2);
    first = false;
    aw_buf_putc(vm, &b, '*');
    aw_buf_append_str(vm, &b, p->varnames[next]);
  } else if (nkw > 0) {
    if (!first) aw_buf_append(vm, &b, ", ", 2);
    first = false;
    aw_buf_putc(vm, &b, '*');
  }
  for (int32_t i = npos; i < npos + nkw; i++) {
    if (!first) aw_buf_append(vm, &b, ", ", 2);
    first = false;
    aw_buf_append_str(vm, &b, p->varnames[i]);
    if (f->kwdefaults) {
      AwValue d = aw_dict_get_str(f->kwdefaults, p->varnames[i]);
      if (!AW_IS_UNDEF(d)) {
        aw_buf_putc(vm, &b, '=');
        if (!aw_buf_repr(vm, &b, d)) goto fail;
      }
    }
  }
  if (p->flags & AW_CODE_VARKEYWORDS) {
    if (!first) aw_buf_append(vm, &b, ", ", 2);
    aw_buf_append(vm, &b, "**", 2);
    aw_buf_append_str(vm, &b, p->varnames[next + ((p->flags & AW_CODE_VARARGS) ? 1 : 0)]);
  }
  aw_buf_putc(vm, &b, ')');
  return aw_buf_to_str(vm, &b);
fail:
  aw_buf_free(vm, &b);
  return AW_EXC;
}

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

static const ModFn inspect_fns[] = {
  {"iscoroutinefunction", inspect_iscoroutinefunction},
  {"isgeneratorfunction", inspect_isgeneratorfunction},
  {"isasyncgenfunction", inspect_isasyncgenfunction},
  {"iscoroutine", inspect_iscoroutine},
  {"isgenerator", inspect_isgenerator},
  {"isasyncgen", inspect_isasyncgen},
  {"isawaitable", inspect_isawaitable},
  {"isfunction", inspect_isfunction},
  {"isclass", inspect_isclass},
  {"ismethod", inspect_ismethod},
  {"isbuiltin", inspect_isbuiltin},
  {"isroutine", inspect_isroutine},
  {"ismodule", inspect_ismodule},
  {"iscode", inspect_iscode},
  {"isframe", inspect_isframe},
  {"isabstract", inspect_isabstract},
  {"getgeneratorstate", inspect_getgeneratorstate},
  {"getcoroutinestate", inspect_getcoroutinestate},
  {"signature", inspect_signature},
  {NULL, NULL},
};

static const char *const state_names[] = {"GEN_CREATED", "GEN_RUNNING", "GEN_SUSPENDED", "GEN_CLOSED",
                                          "CORO_CREATED", "CORO_RUNNING", "CORO_SUSPENDED",
                                          "CORO_CLOSED", NULL};

AwModule *aw_open_inspect(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "inspect");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = true;
  for (const ModFn *f = inspect_fns; ok && f->name; f++) ok = aw_module_add_fn(vm, m, f->name, f->fn);
  for (const char *const *s = state_names; ok && *s; s++) {
    AwValue v = aw_str_from_cstr(vm, *s);
    ok = !AW_IS_EXC(v) && aw_module_add_value(vm, m, *s, v);
  }
  aw_pop_root(vm);
  return ok ? m : NULL;
}

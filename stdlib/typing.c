// stdlib/typing.c -- a minimal typing module. aw ignores annotations, so
// the names only have to import and subscript: each special form is a
// _SpecialForm instance whose [] returns itself; TypeVar, NewType, cast and
// the decorators do the least that keeps programs running. Generic and
// Protocol are plain classes (subscripting them needs __class_getitem__).
#include <string.h>

#include "vm/vm.h"

static const char *const special_forms[] = {
  "Any", "Callable", "ClassVar", "Final", "Literal", "Optional", "Union", "NoReturn", "Never",
  "Self", "TypeAlias", "Annotated", "List", "Dict", "Set", "FrozenSet", "Tuple", "Type",
  "Iterable", "Iterator", "Generator", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
  "Awaitable", "Coroutine", "Sequence", "MutableSequence", "Mapping", "MutableMapping",
  "AbstractSet", "MutableSet", "Collection", "Container", "Hashable", "Sized", "Reversible",
  "DefaultDict", "OrderedDict", "Counter", "Deque", "ChainMap", "Pattern", "Match", "IO",
  "TextIO", "BinaryIO", "SupportsInt", "SupportsFloat", "SupportsIndex", "SupportsAbs",
  "AnyStr", "Text", "ContextManager", "AsyncContextManager", "ParamSpec", "Concatenate",
  "TypeGuard", "Required", "NotRequired", "LiteralString", "Unpack", "TypeVarTuple", NULL,
};

static AwValue form_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)vm;
  (void)argc;
  (void)kwnames;
  return argv[0];
}

static AwValue form_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwValue name = AW_IS_KIND(argv[0], AW_OBJ_INSTANCE)
                     ? aw_dict_get_cstr(vm, AW_AS_INSTANCE(argv[0])->dict, "_name")
                     : AW_UNDEF;
  if (!AW_IS_STR(name)) return aw_str_from_cstr(vm, "typing.<form>");
  return aw_str_format(vm, "%s%S", AW_AS_STR(name)->data[0] == '~' ? "" : "typing.", name);
}

// The _SpecialForm class, made by aw_open_typing.
static AwValue form_class(AwVM *vm) {
  AwValue m = aw_dict_get_cstr(vm, vm->modules, "typing");
  if (!AW_IS_KIND(m, AW_OBJ_MODULE)) return AW_UNDEF;
  return aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(m))->dict, "_SpecialForm");
}

static AwValue new_form(AwVM *vm, AwValue cls, AwValue name) {
  AwValue f = aw_call(vm, cls, 0, NULL, NULL);
  if (AW_IS_EXC(f)) return AW_EXC;
  aw_push_root(vm, f);
  bool ok = aw_dict_set_cstr(vm, AW_AS_INSTANCE(f)->dict, "_name", name) &&
            aw_dict_set_cstr(vm, AW_AS_INSTANCE(f)->dict, "__name__", name);
  aw_pop_root(vm);
  return ok ? f : AW_EXC;
}

// TypeVar("T", *constraints, bound=None, ...): a form named "~T".
static AwValue typing_typevar(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  if (argc < 1 || !AW_IS_STR(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "TypeVar name must be a string");
  AwValue cls = form_class(vm);
  if (!AW_IS_CLASS(cls)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "typing is not initialised");
  AwValue name = aw_str_format(vm, "~%S", argv[0]);
  if (AW_IS_EXC(name)) return AW_EXC;
  aw_push_root(vm, name);
  AwValue f = new_form(vm, cls, name);
  if (!AW_IS_EXC(f) && !aw_dict_set_cstr(vm, AW_AS_INSTANCE(f)->dict, "__name__", argv[0])) f = AW_EXC;
  aw_pop_root(vm);
  return f;
}

// cast(typ, val) -> val
static AwValue typing_cast(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "cast", argc, kwnames, 2, 2)) return AW_EXC;
  return argv[1];
}

// overload, final, no_type_check, runtime_checkable: return their argument.
static AwValue typing_identity(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "decorator", argc, kwnames, 1, 1)) return AW_EXC;
  return argv[0];
}

// NewType(name, tp): calling the result returns its argument unchanged.
static AwValue typing_newtype(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "NewType", argc, kwnames, 2, 2)) return AW_EXC;
  AwValue m = aw_dict_get_cstr(vm, vm->modules, "typing");
  if (!AW_IS_KIND(m, AW_OBJ_MODULE)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "typing is not initialised");
  return aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(m))->dict, "_identity");
}

static AwValue typing_get_type_hints(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  (void)kwnames;
  if (argc < 1) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "get_type_hints() missing 1 required positional argument: 'obj'");
  AwDict *d = aw_dict_new(vm);
  return d ? AW_OBJ(d) : AW_EXC;
}

static AwValue class_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)vm;
  (void)argc;
  (void)kwnames;
  return argv[0];  // the class itself
}

static AwClass *make_class(AwVM *vm, AwModule *m, const char *name) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, AW_CLS(vm, object), d);
  aw_pop_root(vm);
  if (!c) return NULL;
  c->module = aw_str_from_cstr(vm, "typing");
  if (AW_IS_EXC(c->module) || !aw_module_add_value(vm, m, name, AW_OBJ(c))) return NULL;
  return c;
}

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

static const ModFn typing_fns[] = {
  {"TypeVar", typing_typevar},   {"cast", typing_cast},          {"overload", typing_identity},
  {"final", typing_identity},    {"no_type_check", typing_identity}, {"runtime_checkable", typing_identity},
  {"_identity", typing_identity}, {"NewType", typing_newtype},   {"get_type_hints", typing_get_type_hints},
  {NULL, NULL},
};

AwModule *aw_open_typing(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "typing");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = aw_module_add_value(vm, m, "TYPE_CHECKING", AW_FALSE);
  for (const ModFn *f = typing_fns; ok && f->name; f++) ok = aw_module_add_fn(vm, m, f->name, f->fn);
  AwClass *form = ok ? make_class(vm, m, "_SpecialForm") : NULL;
  ok = form && aw_class_add_native(vm, form, "__getitem__", form_getitem, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, form, "__repr__", form_repr, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, form, "__call__", form_getitem, AW_NATIVE_METHOD);
  for (const char *const *s = special_forms; ok && *s; s++) {
    AwValue name = aw_str_from_cstr(vm, *s);
    AwValue f = AW_IS_EXC(name) ? AW_EXC : new_form(vm, AW_OBJ(form), name);
    ok = !AW_IS_EXC(f) && aw_module_add_value(vm, m, *s, f);
  }
  static const char *const bases[] = {"Generic", "Protocol", "NamedTuple", "TypedDict", NULL};
  for (const char *const *b = bases; ok && *b; b++) {
    AwClass *c = make_class(vm, m, *b);
    ok = c && aw_class_add_native(vm, c, "__class_getitem__", class_getitem, AW_NATIVE_CLASSMETHOD);
  }
  aw_pop_root(vm);
  return ok ? m : NULL;
}

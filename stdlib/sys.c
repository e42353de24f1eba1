// stdlib/sys.c -- the sys module: argv, path, modules, the standard stream
// objects (made by io.c), exit, recursion limit, exc_info and version data.
// aw_sys_stream gives natives (print, input) the script's current streams.
#define _POSIX_C_SOURCE 200809L
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm/vm.h"

static const char *const stream_names[3] = {"stdin", "stdout", "stderr"};

AwValue aw_sys_stream(AwVM *vm, int which) {
  AwValue sys = aw_dict_get_cstr(vm, vm->modules, "sys");
  if (!AW_IS_KIND(sys, AW_OBJ_MODULE)) {
    AwValue name = aw_str_from_cstr(vm, "sys");
    if (AW_IS_EXC(name)) return AW_EXC;
    sys = aw_import(vm, name);
    if (AW_IS_EXC(sys)) return AW_EXC;
    if (!AW_IS_KIND(sys, AW_OBJ_MODULE))
      return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "lost sys module");
  }
  AwValue s = aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(sys))->dict, stream_names[which]);
  if (AW_IS_UNDEF(s))
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "lost sys.%s", stream_names[which]);
  return s;
}

static AwValue sys_exit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "exit", argc, kwnames, 0, 1)) return AW_EXC;
  return aw_raise_args(vm, AW_EXCCLS(vm, SystemExit), argc, argv);
}

static AwValue sys_getrecursionlimit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "getrecursionlimit", argc, kwnames, 0, 0)) return AW_EXC;
  return AW_INT(vm->recursion_limit);
}

static AwValue sys_setrecursionlimit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "setrecursionlimit", argc, kwnames, 1, 1)) return AW_EXC;
  if (AW_IS_FLOAT(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'float' object cannot be interpreted as an integer");
  int64_t n;
  if (!aw_index(vm, argv[0], &n)) return AW_EXC;
  if (n < 1)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "recursion limit must be greater or equal than 1");
  if (n > INT_MAX) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "Python int too large to convert to C int");
  if (n <= vm->depth)
    return aw_raisef(vm, AW_EXCCLS(vm, RecursionError),
                     "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                     (long long)n, vm->depth);
  vm->recursion_limit = (int)n;
  return AW_NONE;
}

// The exception being handled, or None.
static AwValue handled(AwVM *vm) {
  AwValue e = vm->handling;
  return AW_IS_UNDEF(e) ? AW_NONE : e;
}

static AwValue sys_exc_info(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "exc_info", argc, kwnames, 0, 0)) return AW_EXC;
  AwValue e = handled(vm);
  if (AW_IS_NONE(e)) return aw_tuple_pack(vm, 3, AW_NONE, AW_NONE, AW_NONE);
  AwValue tb = AW_IS_EXCEPTION(e) ? aw_traceback_object(vm, AW_AS_EXCEPTION(e)->traceback) : AW_NONE;
  if (AW_IS_EXC(tb)) return AW_EXC;
  aw_push_root(vm, tb);
  AwValue info = aw_tuple_pack(vm, 3, AW_OBJ(aw_type_of(vm, e)), e, tb);
  aw_pop_root(vm);
  return info;
}

static AwValue sys_exception(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "exception", argc, kwnames, 0, 0)) return AW_EXC;
  return handled(vm);
}

static AwValue sys_intern(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "intern", argc, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_STR(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "intern() argument 1 must be str, not %s",
                     aw_type_name(vm, argv[0]));
  return aw_str_intern_value(vm, argv[0]);
}

static AwValue sys_getdefaultencoding(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "getdefaultencoding", argc, kwnames, 0, 0)) return AW_EXC;
  return aw_str_from_cstr(vm, "utf-8");
}

// An approximate object size: the header plus payload, enough for scripts
// that compare sizes; not CPython's numbers.
static AwValue sys_getsizeof(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "getsizeof", argc, kwnames, 1, 2)) return AW_EXC;
  AwValue v = argv[0];
  if (!AW_IS_OBJ(v)) return AW_INT((int64_t)sizeof(AwValue));
  switch (AW_KIND(v)) {
    case AW_OBJ_STR: return AW_INT((int64_t)sizeof(AwStr) + AW_AS_STR(v)->nbytes + 1);
    case AW_OBJ_BYTES: return AW_INT((int64_t)sizeof(AwBytes) + AW_AS_BYTES(v)->len + 1);
    case AW_OBJ_TUPLE:
      return AW_INT((int64_t)sizeof(AwTuple) + AW_AS_TUPLE(v)->len * (int64_t)sizeof(AwValue));
    case AW_OBJ_LIST:
      return AW_INT((int64_t)sizeof(AwList) + AW_AS_LIST(v)->cap * (int64_t)sizeof(AwValue));
    case AW_OBJ_DICT:
    case AW_OBJ_SET:
      return AW_INT((int64_t)sizeof(AwDict) + AW_AS_DICT(v)->cap * (int64_t)sizeof(AwDictEntry));
    default: return AW_INT(64);
  }
}

// ---- asyncgen hooks (per thread: vm->agen_*, swapped by thread.c) --------------

// One hook argument: None clears, a callable sets, UNDEF (omitted) keeps.
static bool set_hook(AwVM *vm, AwValue v, AwValue *slot, const char *what) {
  if (AW_IS_UNDEF(v)) return true;
  if (!AW_IS_NONE(v) && !aw_is_callable(vm, v)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "callable %s expected, got %s", what, aw_type_name(vm, v));
    return false;
  }
  *slot = v;
  return true;
}

static AwValue sys_set_asyncgen_hooks(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[2] = {"firstiter", "finalizer"};
  AwValue a[2] = {AW_UNDEF, AW_UNDEF};
  if (argc > 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "function takes at most 2 arguments (%d given)", argc);
  for (int i = 0; i < argc; i++) a[i] = argv[i];
  for (int64_t k = 0; kwnames && k < kwnames->len; k++) {
    int i = aw_str_eq_cstr(kwnames->items[k], names[0]) ? 0 : aw_str_eq_cstr(kwnames->items[k], names[1]) ? 1 : -1;
    if (i < 0)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%R is an invalid keyword argument for this function",
                       kwnames->items[k]);
    if (i < argc)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "argument for function given by name ('%s') and position (%d)",
                       names[i], i + 1);
    a[i] = argv[argc + k];
  }
  // As CPython: the finalizer first, so a bad firstiter leaves it set.
  if (!set_hook(vm, a[1], &vm->agen_finalizer, "finalizer") ||
      !set_hook(vm, a[0], &vm->agen_firstiter, "firstiter"))
    return AW_EXC;
  return AW_NONE;
}

// The asyncgen_hooks(firstiter, finalizer) named tuple class (CPython's is a
// structseq), made on first use.
static AwValue hooks_type(AwVM *vm) {
  if (AW_IS_CLASS(vm->agen_hooks_type)) return vm->agen_hooks_type;
  AwValue name = aw_str_from_cstr(vm, "collections");
  AwValue coll = AW_IS_EXC(name) ? name : aw_import(vm, name);
  AwValue nt = AW_IS_EXC(coll) ? coll : aw_getattr_cstr(vm, coll, "namedtuple");
  if (AW_IS_EXC(nt)) return nt;
  // namedtuple('asyncgen_hooks', 'firstiter finalizer', module='builtins'):
  // argv holds the positional arguments, then the keyword's value.
  static const char *const parts[4] = {"asyncgen_hooks", "firstiter finalizer", "builtins", "module"};
  AwTuple *t = aw_tuple_new(vm, 5);
  if (!t) return AW_EXC;
  aw_push_root(vm, AW_OBJ(t));
  t->items[4] = nt;
  AwValue cls = AW_NONE;
  for (int i = 0; i < 4 && !AW_IS_EXC(cls); i++) cls = t->items[i] = aw_str_from_cstr(vm, parts[i]);
  AwValue kw = AW_IS_EXC(cls) ? cls : aw_tuple_pack(vm, 1, t->items[3]);
  if (!AW_IS_EXC(kw)) {
    t->items[3] = kw;  // rooted; the name stays in kw
    cls = aw_call(vm, nt, 2, t->items, AW_AS_TUPLE(kw));
  } else {
    cls = kw;
  }
  aw_pop_root(vm);
  if (!AW_IS_EXC(cls)) vm->agen_hooks_type = cls;
  return cls;
}

static AwValue hook_value(AwValue v) { return AW_IS_OBJ(v) ? v : AW_NONE; }

static AwValue sys_get_asyncgen_hooks(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "sys.get_asyncgen_hooks() takes no keyword arguments");
  if (argc) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "sys.get_asyncgen_hooks() takes no arguments (%d given)", argc);
  (void)argv;
  AwValue cls = hooks_type(vm);
  if (AW_IS_EXC(cls)) return cls;
  AwValue args[2] = {hook_value(vm->agen_firstiter), hook_value(vm->agen_finalizer)};
  return aw_call(vm, cls, 2, args, NULL);
}

static bool add_str(AwVM *vm, AwModule *m, const char *name, const char *value) {
  AwValue s = aw_str_from_cstr(vm, value);
  return !AW_IS_EXC(s) && aw_module_add_value(vm, m, name, s);
}

static AwValue version_info(AwVM *vm) {
  AwValue final = aw_str_from_cstr(vm, "final");
  if (AW_IS_EXC(final)) return AW_EXC;
  return aw_tuple_pack(vm, 5, AW_INT(3), AW_INT(11), AW_INT(7), final, AW_INT(0));
}

// sys.implementation: a small module-like namespace (name, version, cache_tag).
static bool add_implementation(AwVM *vm, AwModule *m, AwValue vinfo) {
  AwModule *impl = aw_module_new(vm, "implementation");
  if (!impl) return false;
  aw_push_root(vm, AW_OBJ(impl));
  bool ok = add_str(vm, impl, "name", "aw") && add_str(vm, impl, "cache_tag", "aw-011") &&
            aw_module_add_value(vm, impl, "version", vinfo) &&
            aw_module_add_value(vm, m, "implementation", AW_OBJ(impl));
  aw_pop_root(vm);
  return ok;
}

// sys.float_info: a module-like namespace of the double's limits.
static bool add_float_info(AwVM *vm, AwModule *m) {
  AwModule *fi = aw_module_new(vm, "float_info");
  if (!fi) return false;
  aw_push_root(vm, AW_OBJ(fi));
  bool ok = aw_module_add_value(vm, fi, "max", AW_FLOAT(DBL_MAX)) &&
            aw_module_add_value(vm, fi, "max_exp", AW_INT(DBL_MAX_EXP)) &&
            aw_module_add_value(vm, fi, "max_10_exp", AW_INT(DBL_MAX_10_EXP)) &&
            aw_module_add_value(vm, fi, "min", AW_FLOAT(DBL_MIN)) &&
            aw_module_add_value(vm, fi, "min_exp", AW_INT(DBL_MIN_EXP)) &&
            aw_module_add_value(vm, fi, "min_10_exp", AW_INT(DBL_MIN_10_EXP)) &&
            aw_module_add_value(vm, fi, "dig", AW_INT(DBL_DIG)) &&
            aw_module_add_value(vm, fi, "mant_dig", AW_INT(DBL_MANT_DIG)) &&
            aw_module_add_value(vm, fi, "epsilon", AW_FLOAT(DBL_EPSILON)) &&
            aw_module_add_value(vm, fi, "radix", AW_INT(FLT_RADIX)) &&
            aw_module_add_value(vm, fi, "rounds", AW_INT(1)) &&
            aw_module_add_value(vm, m, "float_info", AW_OBJ(fi));
  aw_pop_root(vm);
  return ok;
}

static bool add_streams(AwVM *vm, AwModule *m) {
  static const char *const dunder[3] = {"__stdin__", "__stdout__", "__stderr__"};
  for (int i = 0; i < 3; i++) {
    AwValue f = aw_io_std_stream(vm, i);
    if (AW_IS_EXC(f)) return false;
    if (!aw_module_add_value(vm, m, stream_names[i], f) ||
        !aw_module_add_value(vm, m, dunder[i], f))
      return false;
  }
  return true;
}

static bool add_executable(AwVM *vm, AwModule *m) {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n < 0) n = 0;
  buf[n] = '\0';
  return add_str(vm, m, "executable", buf);
}

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

static const ModFn sys_fns[] = {
  {"exit", sys_exit},
  {"getrecursionlimit", sys_getrecursionlimit},
  {"setrecursionlimit", sys_setrecursionlimit},
  {"exc_info", sys_exc_info},
  {"exception", sys_exception},
  {"intern", sys_intern},
  {"getdefaultencoding", sys_getdefaultencoding},
  {"getsizeof", sys_getsizeof},
  {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
  {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
  {NULL, NULL},
};

static bool fill_sys(AwVM *vm, AwModule *m) {
  for (const ModFn *f = sys_fns; f->name; f++)
    if (!aw_module_add_fn(vm, m, f->name, f->fn)) return false;
  if (!AW_IS_LIST(vm->argv)) {
    AwList *l = aw_list_new(vm, 0);
    if (!l) return false;
    vm->argv = AW_OBJ(l);
  }
  if (!AW_IS_LIST(vm->sys_path)) {
    AwList *l = aw_list_new(vm, 0);
    if (!l) return false;
    vm->sys_path = AW_OBJ(l);
  }
  AwValue vinfo = version_info(vm);
  if (AW_IS_EXC(vinfo)) return false;
  if (!aw_module_add_value(vm, m, "version_info", vinfo)) return false;
  return aw_module_add_value(vm, m, "argv", vm->argv) &&
         aw_module_add_value(vm, m, "orig_argv", vm->argv) &&
         aw_module_add_value(vm, m, "path", vm->sys_path) &&
         aw_module_add_value(vm, m, "modules", AW_OBJ(vm->modules)) &&
         add_str(vm, m, "version", "3.11.7 (aw " AW_VERSION_STRING ")") &&
         add_str(vm, m, "platform",
#ifdef __APPLE__
                 "darwin"
#else
                 "linux"
#endif
                 ) &&
         add_str(vm, m, "byteorder",
                 __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big") &&
         aw_module_add_value(vm, m, "maxsize", AW_INT(INT64_MAX)) &&
         aw_module_add_value(vm, m, "hexversion", AW_INT(0x030B07F0)) &&
         aw_module_add_value(vm, m, "api_version", AW_INT(1013)) &&
         add_str(vm, m, "copyright", "Copyright (c) the aw authors.") &&
         add_str(vm, m, "prefix", "/usr/local") &&
         add_executable(vm, m) && add_implementation(vm, m, vinfo) && add_streams(vm, m) &&
         add_float_info(vm, m) &&
         aw_module_add_value(vm, m, "builtin_module_names", AW_NONE);
}

// sys.builtin_module_names: a tuple of the names in the built-in table.
static bool add_module_names(AwVM *vm, AwModule *m) {
  int64_t n = 1;  // builtins itself
  for (const AwBuiltinModule *b = aw_builtin_modules; b->name; b++) n++;
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return false;
  aw_push_root(vm, AW_OBJ(t));
  bool ok = true;
  t->items[0] = aw_str_from_cstr(vm, "builtins");
  ok = !AW_IS_EXC(t->items[0]);
  int64_t i = 1;
  for (const AwBuiltinModule *b = aw_builtin_modules; ok && b->name; b++, i++) {
    t->items[i] = aw_str_from_cstr(vm, b->name);
    ok = !AW_IS_EXC(t->items[i]);
  }
  ok = ok && aw_module_add_value(vm, m, "builtin_module_names", AW_OBJ(t));
  aw_pop_root(vm);
  return ok;
}

AwModule *aw_open_sys(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "sys");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = fill_sys(vm, m) && add_module_names(vm, m);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

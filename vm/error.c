// vm/error.c -- exceptions: raising (aw_raisef, aw_raise ...), implicit
// chaining, the built-in exception classes with their constructors,
// attributes, str() and repr(), and warnings. Printing tracebacks lives in
// vm/traceback.c and exception groups in vm/exc_group.c.
//
// Extra per-class fields (StopIteration.value, OSError.errno, ...) live in
// the instance dict under their public names; aw_exc_getattr supplies None
// for a field that was never set (CPython's members default to None).
#include <errno.h>
#include <string.h>

#include "vm/vm.h"

// ---- helpers -------------------------------------------------------------

// issubclass(c, base) for exception classes. ExceptionGroup derives from
// both BaseExceptionGroup and Exception in CPython; our classes have single
// inheritance, so that second base is added here.
bool aw_exc_is_subclass(AwVM *vm, AwClass *c, AwClass *base) {
  if (aw_is_subclass(c, base)) return true;
  return base == AW_EXCCLS(vm, Exception) && aw_is_subclass(c, AW_EXCCLS(vm, ExceptionGroup));
}

static bool is_exc_class(AwVM *vm, AwValue v) {
  return AW_IS_CLASS(v) && aw_is_subclass(AW_AS_CLASS(v), AW_EXCCLS(vm, BaseException));
}

static AwValue type_error(AwVM *vm, const char *msg) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s", msg);
}

// The value of field [name] in the instance dict, or UNDEF.
static AwValue field_get(AwVM *vm, AwException *e, const char *name) {
  AwValue v = aw_dict_get_cstr(vm, e->base.dict, name);
  return AW_IS_EXC(v) ? AW_UNDEF : v;
}

static AwValue field_or_none(AwVM *vm, AwException *e, const char *name) {
  AwValue v = field_get(vm, e, name);
  return AW_IS_UNDEF(v) ? AW_NONE : v;
}

static bool field_set(AwVM *vm, AwException *e, const char *name, AwValue v) {
  return aw_dict_set_cstr(vm, e->base.dict, name, v);
}

static int nkw(AwTuple *kwnames) { return kwnames ? (int)kwnames->len : 0; }

// "ValueError() takes no keyword arguments" (CPython's _PyArg_NoKeywords).
static bool no_keywords(AwVM *vm, AwClass *cls, AwTuple *kwnames) {
  if (nkw(kwnames) == 0) return true;
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%S() takes no keyword arguments", cls->name);
  return false;
}

// The exception self of a method, or a TypeError worded like CPython's.
static AwException *self_exc(AwVM *vm, AwValue self, const char *method) {
  if (AW_IS_EXCEPTION(self)) return AW_AS_EXCEPTION(self);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError),
            "descriptor '%s' requires a 'BaseException' object but received a '%s'", method,
            aw_type_name(vm, self));
  return NULL;
}

static AwTuple *tuple_of(AwVM *vm, int n, AwValue *items) {
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return NULL;
  for (int i = 0; i < n; i++) t->items[i] = items[i];
  return t;
}

// ---- allocation and construction ------------------------------------------

AwException *aw_exc_alloc(AwVM *vm, AwClass *cls, AwValue args) {
  if (AW_IS_UNDEF(args)) {
    AwTuple *t = aw_tuple_new(vm, 0);
    if (!t) return NULL;
    args = AW_OBJ(t);
  }
  AwException *e = (AwException *)aw_obj_alloc(vm, sizeof(AwException), AW_OBJ_EXCEPTION, cls);
  if (!e) return NULL;
  e->args = args;
  e->traceback = AW_NONE;
  e->cause = AW_NONE;
  e->context = AW_NONE;
  e->suppress_context = false;
  e->notes = AW_UNDEF;
  e->base.dict = aw_dict_new(vm);
  return e->base.dict ? e : NULL;
}

// Per-class initialisers: set args and the class's fields from the
// constructor arguments. With [strict] they validate like CPython's
// __init__; otherwise (C callers' aw_exc_new) they never raise on a bad
// shape and just leave the fields unset.
typedef bool (*ExcInitFn)(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                          bool strict);

static bool set_args(AwVM *vm, AwException *e, int argc, AwValue *argv) {
  AwTuple *t = tuple_of(vm, argc, argv);
  if (!t) return false;
  e->args = AW_OBJ(t);
  return true;
}

static bool init_base(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames, bool strict) {
  if (strict && !no_keywords(vm, aw_obj_class(vm, &e->base.obj), kwnames)) return false;
  return set_args(vm, e, argc, argv);
}

static bool init_stop_iteration(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                                bool strict) {
  if (!init_base(vm, e, argc, argv, kwnames, strict)) return false;
  return field_set(vm, e, "value", argc > 0 ? argv[0] : AW_NONE);
}

static bool init_system_exit(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                             bool strict) {
  if (!init_base(vm, e, argc, argv, kwnames, strict)) return false;
  AwValue code = argc == 0 ? AW_NONE : argc == 1 ? argv[0] : e->args;
  return field_set(vm, e, "code", code);
}

// Keyword-only fields accepted by some constructors (ImportError(name=, path=)).
static bool init_keywords(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                          bool strict, const char *const *allowed) {
  for (int i = 0; i < nkw(kwnames); i++) {
    AwValue k = kwnames->items[i];
    bool ok = false;
    for (int j = 0; allowed[j]; j++) {
      if (aw_str_eq_cstr(k, allowed[j])) {
        if (!aw_dict_set(vm, e->base.dict, k, argv[argc + i])) return false;
        ok = true;
        break;
      }
    }
    if (!ok && strict) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%R is an invalid keyword argument for %S()", k,
                aw_obj_class(vm, &e->base.obj)->name);
      return false;
    }
  }
  return true;
}

static bool init_import_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                              bool strict) {
  static const char *const allowed[] = {"name", "path", NULL};
  if (!set_args(vm, e, argc, argv)) return false;
  if (!init_keywords(vm, e, argc, argv, kwnames, strict, allowed)) return false;
  return field_set(vm, e, "msg", argc == 1 ? argv[0] : AW_NONE);
}

static bool init_attribute_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                                 bool strict) {
  static const char *const allowed[] = {"name", "obj", NULL};
  if (!set_args(vm, e, argc, argv)) return false;
  return init_keywords(vm, e, argc, argv, kwnames, strict, allowed);
}

static bool init_name_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                            bool strict) {
  static const char *const allowed[] = {"name", NULL};
  if (!set_args(vm, e, argc, argv)) return false;
  return init_keywords(vm, e, argc, argv, kwnames, strict, allowed);
}

static bool init_os_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                          bool strict) {
  if (strict && !no_keywords(vm, aw_obj_class(vm, &e->base.obj), kwnames)) return false;
  if (!set_args(vm, e, argc, argv)) return false;
  if (argc < 2 || argc > 5) return true;
  AwValue filename = argc >= 3 ? argv[2] : AW_NONE;
  AwValue filename2 = argc >= 5 ? argv[4] : AW_NONE;
  if (!AW_IS_NONE(filename)) {
    if (!field_set(vm, e, "filename", filename)) return false;
    if (!AW_IS_NONE(filename2) && !field_set(vm, e, "filename2", filename2)) return false;
    // CPython keeps only (errno, strerror) in args once a filename is given.
    if (!set_args(vm, e, 2, argv)) return false;
  }
  return field_set(vm, e, "errno", argv[0]) && field_set(vm, e, "strerror", argv[1]);
}

static bool init_syntax_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                              bool strict) {
  if (!init_base(vm, e, argc, argv, kwnames, strict)) return false;
  if (argc >= 1 && !field_set(vm, e, "msg", argv[0])) return false;
  if (argc != 2) return true;
  AwValue info = argv[1];
  AwValue *items;
  int64_t n;
  if (AW_IS_TUPLE(info)) {
    items = AW_AS_TUPLE(info)->items;
    n = AW_AS_TUPLE(info)->len;
  } else if (AW_IS_LIST(info)) {
    items = AW_AS_LIST(info)->items;
    n = AW_AS_LIST(info)->len;
  } else {
    if (!strict) return true;
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not iterable", aw_type_name(vm, info));
    return false;
  }
  if (n < 4 || n > 6) {
    if (!strict) return true;
    if (n < 4)
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "function takes at least 4 arguments (%lld given)",
                (long long)n);
    else
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "function takes at most 6 arguments (%lld given)",
                (long long)n);
    return false;
  }
  static const char *const names[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
  for (int64_t i = 0; i < n; i++)
    if (!field_set(vm, e, names[i], items[i])) return false;
  if (n == 5) {
    if (!strict) return true;
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "end_offset must be provided when end_lineno is provided");
    return false;
  }
  return true;
}

// UnicodeDecodeError(encoding, object, start, end, reason) and the encode
// twin; [decode] picks bytes or str for the object.
static bool init_unicode_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                               bool strict, bool decode) {
  if (!init_base(vm, e, argc, argv, kwnames, strict)) return false;
  if (argc != 5) {
    if (!strict) return true;
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "function takes exactly 5 arguments (%d given)", argc);
    return false;
  }
  const char *bad = NULL;
  int badarg = 0;
  if (!AW_IS_STR(argv[0])) bad = "str", badarg = 1;
  else if (decode ? !AW_IS_BYTES(argv[1]) : !AW_IS_STR(argv[1])) bad = decode ? "bytes" : "str", badarg = 2;
  else if (!AW_IS_INTLIKE(argv[2])) bad = "int", badarg = 3;
  else if (!AW_IS_INTLIKE(argv[3])) bad = "int", badarg = 4;
  else if (!AW_IS_STR(argv[4])) bad = "str", badarg = 5;
  if (bad) {
    if (!strict) return true;
    if (badarg == 2 && decode)
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a bytes-like object is required, not '%s'",
                aw_type_name(vm, argv[1]));
    else if (badarg == 3 || badarg == 4)
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                aw_type_name(vm, argv[badarg - 1]));
    else
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "argument %d must be %s, not %s", badarg, bad,
                aw_type_name(vm, argv[badarg - 1]));
    return false;
  }
  static const char *const names[] = {"encoding", "object", "start", "end", "reason"};
  for (int i = 0; i < 5; i++)
    if (!field_set(vm, e, names[i], argv[i])) return false;
  return true;
}

static bool init_decode_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                              bool strict) {
  return init_unicode_error(vm, e, argc, argv, kwnames, strict, true);
}

static bool init_encode_error(AwVM *vm, AwException *e, int argc, AwValue *argv, AwTuple *kwnames,
                              bool strict) {
  return init_unicode_error(vm, e, argc, argv, kwnames, strict, false);
}

static const struct {
  AwExcClassId id;
  ExcInitFn init;
} exc_inits[] = {
    {AW_EXC_StopIteration, init_stop_iteration},
    {AW_EXC_SystemExit, init_system_exit},
    {AW_EXC_ImportError, init_import_error},
    {AW_EXC_AttributeError, init_attribute_error},
    {AW_EXC_NameError, init_name_error},
    {AW_EXC_OSError, init_os_error},
    {AW_EXC_SyntaxError, init_syntax_error},
    {AW_EXC_UnicodeDecodeError, init_decode_error},
    {AW_EXC_UnicodeEncodeError, init_encode_error},
};

// The initialiser of the nearest built-in ancestor of [cls] that has one.
static ExcInitFn init_for(AwVM *vm, AwClass *cls) {
  for (AwClass *c = cls; c; c = c->base)
    for (size_t i = 0; i < sizeof exc_inits / sizeof exc_inits[0]; i++)
      if (vm->exc_cls[exc_inits[i].id] == c) return exc_inits[i].init;
  return init_base;
}

// OSError(errno, ...) makes the subclass for that errno, as CPython does.
static AwClass *os_error_subclass(AwVM *vm, AwValue err) {
  if (!AW_IS_INTLIKE(err)) return NULL;
  static const struct {
    int err;
    AwExcClassId id;
  } map[] = {
      {EAGAIN, AW_EXC_BlockingIOError},       {EALREADY, AW_EXC_BlockingIOError},
      {EWOULDBLOCK, AW_EXC_BlockingIOError},  {EINPROGRESS, AW_EXC_BlockingIOError},
      {ECHILD, AW_EXC_ChildProcessError},     {EPIPE, AW_EXC_BrokenPipeError},
      {ESHUTDOWN, AW_EXC_BrokenPipeError},    {ECONNABORTED, AW_EXC_ConnectionAbortedError},
      {ECONNREFUSED, AW_EXC_ConnectionRefusedError}, {ECONNRESET, AW_EXC_ConnectionResetError},
      {EEXIST, AW_EXC_FileExistsError},       {ENOENT, AW_EXC_FileNotFoundError},
      {EISDIR, AW_EXC_IsADirectoryError},     {ENOTDIR, AW_EXC_NotADirectoryError},
      {EINTR, AW_EXC_InterruptedError},       {EACCES, AW_EXC_PermissionError},
      {EPERM, AW_EXC_PermissionError},        {ESRCH, AW_EXC_ProcessLookupError},
      {ETIMEDOUT, AW_EXC_TimeoutError},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (AW_AS_INT(err) == map[i].err) return vm->exc_cls[map[i].id];
  return NULL;
}

// Builds an instance of built-in class [cls] from constructor arguments.
static AwValue construct_builtin(AwVM *vm, AwClass *cls, int argc, AwValue *argv, AwTuple *kwnames,
                                 bool strict) {
  if (cls == AW_EXCCLS(vm, OSError) && argc >= 2 && argc <= 5) {
    if (strict && !no_keywords(vm, cls, kwnames)) return AW_EXC;  // named before the mapping
    AwClass *sub = os_error_subclass(vm, argv[0]);
    if (sub) cls = sub;
  }
  AwException *e = aw_exc_alloc(vm, cls, AW_UNDEF);
  if (!e) return AW_EXC;
  if (!init_for(vm, cls)(vm, e, argc, argv, kwnames, strict)) return AW_EXC;
  return AW_OBJ(e);
}

AwValue aw_exc_new(AwVM *vm, AwClass *cls, int argc, AwValue *argv) {
  if (cls->is_builtin) {
    if (aw_is_subclass(cls, AW_EXCCLS(vm, BaseExceptionGroup)))
      return aw_call(vm, AW_OBJ(cls), argc, argv, NULL);
    return construct_builtin(vm, cls, argc, argv, NULL, false);
  }
  AwValue e = aw_call(vm, AW_OBJ(cls), argc, argv, NULL);
  if (AW_IS_EXC(e) || AW_IS_EXCEPTION(e)) return e;
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                   "calling %R should have returned an instance of BaseException, not %s", AW_OBJ(cls),
                   aw_type_name(vm, e));
}

// ---- raising ---------------------------------------------------------------

// Raising the preallocated MemoryError must not allocate; it is reused, so
// its chaining and traceback from an earlier raise are dropped.
static AwValue raise_memory_error(AwVM *vm) {
  if (AW_IS_EXCEPTION(vm->memory_error)) {
    AwException *e = AW_AS_EXCEPTION(vm->memory_error);
    e->traceback = AW_NONE;
    e->context = AW_NONE;
    e->cause = AW_NONE;
    e->suppress_context = false;
  }
  vm->exc = vm->memory_error;
  return AW_EXC;
}

AwValue aw_raisef(AwVM *vm, AwClass *cls, const char *fmt, ...) {
  if (cls == AW_EXCCLS(vm, MemoryError) && !AW_IS_UNDEF(vm->memory_error)) return raise_memory_error(vm);
  va_list ap;
  va_start(ap, fmt);
  AwValue msg = aw_str_vformat(vm, fmt, ap);
  va_end(ap);
  if (AW_IS_EXC(msg)) return AW_EXC;
  aw_push_root(vm, msg);
  AwValue r = aw_raise_args(vm, cls, 1, &msg);
  aw_pop_root(vm);
  return r;
}

AwValue aw_raise_args(AwVM *vm, AwClass *cls, int argc, AwValue *argv) {
  AwValue e = aw_exc_new(vm, cls, argc, argv);
  if (AW_IS_EXC(e)) return AW_EXC;
  vm->exc = e;
  return AW_EXC;
}

AwValue aw_raise(AwVM *vm, AwValue exc) {
  if (AW_IS_EXCEPTION(exc)) {
    vm->exc = exc;
    return AW_EXC;
  }
  if (is_exc_class(vm, exc)) return aw_raise_args(vm, AW_AS_CLASS(exc), 0, NULL);
  return type_error(vm, "exceptions must derive from BaseException");
}

bool aw_exc_set_cause(AwVM *vm, AwValue exc, AwValue cause) {
  if (is_exc_class(vm, cause)) {
    cause = aw_exc_new(vm, AW_AS_CLASS(cause), 0, NULL);
    if (AW_IS_EXC(cause)) return false;
  } else if (!AW_IS_NONE(cause) && !AW_IS_EXCEPTION(cause)) {
    type_error(vm, "exception causes must derive from BaseException");
    return false;
  }
  AwException *e = AW_AS_EXCEPTION(exc);
  e->cause = cause;
  e->suppress_context = true;
  return true;
}

bool aw_exc_pending_is(AwVM *vm, AwClass *cls) {
  return AW_IS_EXCEPTION(vm->exc) && aw_exc_is_subclass(vm, aw_obj_class(vm, AW_AS_OBJ(vm->exc)), cls);
}

AwValue aw_exc_take(AwVM *vm) {
  AwValue e = vm->exc;
  vm->exc = AW_UNDEF;
  vm->exc_reraise = false;
  vm->exc_kept = AW_UNDEF;
  return e;
}

int aw_exc_matches(AwVM *vm, AwValue exc, AwValue match) {
  if (AW_IS_TUPLE(match)) {
    AwTuple *t = AW_AS_TUPLE(match);
    for (int64_t i = 0; i < t->len; i++)
      if (!is_exc_class(vm, t->items[i])) goto bad;
    for (int64_t i = 0; i < t->len; i++)
      if (AW_IS_OBJ(exc) && aw_exc_is_subclass(vm, aw_obj_class(vm, AW_AS_OBJ(exc)), AW_AS_CLASS(t->items[i])))
        return 1;
    return 0;
  }
  if (!is_exc_class(vm, match)) goto bad;
  return AW_IS_OBJ(exc) && aw_exc_is_subclass(vm, aw_obj_class(vm, AW_AS_OBJ(exc)), AW_AS_CLASS(match));
bad:
  type_error(vm, "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

// CPython's _PyErr_SetObject chaining: the exception being handled becomes
// the new one's __context__; a context chain that already leads back to
// [exc] is cut there so no cycle forms (Floyd's check guards old cycles).
void aw_exc_set_context(AwVM *vm, AwValue exc) {
  AwValue handling = vm->handling;
  if (!AW_IS_EXCEPTION(exc) || !AW_IS_EXCEPTION(handling) || aw_value_is(handling, exc)) return;
  AwException *o = AW_AS_EXCEPTION(handling), *slow = o;
  bool toggle = false;
  while (AW_IS_EXCEPTION(o->context)) {
    if (aw_value_is(o->context, exc)) {
      o->context = AW_NONE;
      break;
    }
    o = AW_AS_EXCEPTION(o->context);
    if (o == slow) break;
    if (toggle) slow = AW_AS_EXCEPTION(slow->context);
    toggle = !toggle;
  }
  AW_AS_EXCEPTION(exc)->context = handling;
}

// ---- attributes ------------------------------------------------------------

// Fields with a None default per class (see the file comment).
static const struct {
  AwExcClassId id;
  const char *names[9];
} exc_fields[] = {
    {AW_EXC_StopIteration, {"value"}},
    {AW_EXC_SystemExit, {"code"}},
    {AW_EXC_ImportError, {"msg", "name", "path"}},
    {AW_EXC_AttributeError, {"name", "obj"}},
    {AW_EXC_NameError, {"name"}},
    {AW_EXC_OSError, {"errno", "strerror", "filename", "filename2"}},
    {AW_EXC_SyntaxError,
     {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"}},
    {AW_EXC_UnicodeError, {"encoding", "object", "start", "end", "reason"}},
};

static bool is_default_field(AwVM *vm, AwClass *cls, AwValue name) {
  for (size_t i = 0; i < sizeof exc_fields / sizeof exc_fields[0]; i++) {
    if (!aw_is_subclass(cls, vm->exc_cls[exc_fields[i].id])) continue;
    for (int j = 0; exc_fields[i].names[j]; j++)
      if (aw_str_eq_cstr(name, exc_fields[i].names[j])) return true;
  }
  return false;
}

AwValue aw_exc_getattr(AwVM *vm, AwException *e, AwValue name) {
  if (!AW_IS_STR(name)) return AW_UNDEF;
  AwStr *s = AW_AS_STR(name);
  if (s->nbytes >= 4 && s->data[0] == '_' && s->data[1] == '_') {
    if (aw_str_eq_cstr(name, "__cause__")) return e->cause;
    if (aw_str_eq_cstr(name, "__context__")) return e->context;
    if (aw_str_eq_cstr(name, "__suppress_context__")) return AW_BOOL(e->suppress_context);
    if (aw_str_eq_cstr(name, "__traceback__")) return aw_traceback_object(vm, e->traceback);
    if (aw_str_eq_cstr(name, "__notes__")) return e->notes;
    return AW_UNDEF;
  }
  if (aw_str_eq_cstr(name, "args")) return e->args;
  AwValue v = aw_dict_get_str(e->base.dict, name);
  if (!AW_IS_UNDEF(v)) return v;
  return is_default_field(vm, aw_obj_class(vm, &e->base.obj), name) ? AW_NONE : AW_UNDEF;
}

static bool set_traceback(AwVM *vm, AwException *e, AwValue tb) {
  AwValue chain = aw_traceback_chain(vm, tb);
  if (AW_IS_UNDEF(chain)) {
    type_error(vm, "__traceback__ must be a traceback or None");
    return false;
  }
  e->traceback = chain;
  return true;
}

bool aw_exc_setattr(AwVM *vm, AwException *e, AwValue name, AwValue value, bool *handled) {
  *handled = true;
  if (aw_str_eq_cstr(name, "args")) {
    AwList *l = aw_list_from_iterable(vm, value);
    if (!l) return false;
    AwTuple *t = tuple_of(vm, (int)l->len, l->items);
    if (!t) return false;
    e->args = AW_OBJ(t);
    return true;
  }
  if (aw_str_eq_cstr(name, "__cause__") || aw_str_eq_cstr(name, "__context__")) {
    bool cause = aw_str_eq_cstr(name, "__cause__");
    if (!AW_IS_NONE(value) && !AW_IS_EXCEPTION(value)) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "exception %s must be None or derive from BaseException",
                cause ? "cause" : "context");
      return false;
    }
    if (cause) {
      e->cause = value;
      e->suppress_context = true;
    } else {
      e->context = value;
    }
    return true;
  }
  if (aw_str_eq_cstr(name, "__suppress_context__")) {
    if (!AW_IS_BOOL(value)) {
      type_error(vm, "attribute value type must be bool");
      return false;
    }
    e->suppress_context = AW_AS_BOOL(value);
    return true;
  }
  if (aw_str_eq_cstr(name, "__traceback__")) return set_traceback(vm, e, value);
  if (aw_str_eq_cstr(name, "__notes__")) {
    e->notes = value;
    return true;
  }
  if ((aw_str_eq_cstr(name, "message") || aw_str_eq_cstr(name, "exceptions")) &&
      aw_is_subclass(aw_obj_class(vm, &e->base.obj), AW_EXCCLS(vm, BaseExceptionGroup))) {
    aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "readonly attribute");
    return false;
  }
  *handled = false;
  return true;
}

// ---- BaseException methods ----------------------------------------------------

static AwValue exc_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc < 1 || !is_exc_class(vm, argv[0]))
    return type_error(vm, "BaseException.__new__(X): X is not a subtype of BaseException");
  AwClass *cls = AW_AS_CLASS(argv[0]);
  // A built-in class is fully made here (its __init__ may not run); a
  // user subclass gets its args now and its fields from __init__.
  if (cls->is_builtin) return construct_builtin(vm, cls, argc - 1, argv + 1, kwnames, true);
  AwException *e = aw_exc_alloc(vm, cls, AW_UNDEF);
  if (!e || !set_args(vm, e, argc - 1, argv + 1)) return AW_EXC;
  return AW_OBJ(e);
}

// __init__ of class [id]: the shared wrapper for every initialiser.
static AwValue exc_init_with(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, ExcInitFn init) {
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__init__");
  if (!e) return AW_EXC;
  if (!init(vm, e, argc - 1, argv + 1, kwnames, true)) return AW_EXC;
  return AW_NONE;
}

#define EXC_INIT_NATIVE(fn, init)                                                     \
  static AwValue fn(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {             \
    return exc_init_with(vm, argc, argv, kwnames, init);                               \
  }
EXC_INIT_NATIVE(base_init, init_base)
EXC_INIT_NATIVE(stop_iteration_init, init_stop_iteration)
EXC_INIT_NATIVE(system_exit_init, init_system_exit)
EXC_INIT_NATIVE(import_error_init, init_import_error)
EXC_INIT_NATIVE(attribute_error_init, init_attribute_error)
EXC_INIT_NATIVE(name_error_init, init_name_error)
EXC_INIT_NATIVE(os_error_init, init_os_error)
EXC_INIT_NATIVE(syntax_error_init, init_syntax_error)
EXC_INIT_NATIVE(decode_error_init, init_decode_error)
EXC_INIT_NATIVE(encode_error_init, init_encode_error)

// str(args[0]) / "" / str(args), BaseException's rule.
static AwValue base_str_of(AwVM *vm, AwException *e) {
  AwTuple *t = AW_AS_TUPLE(e->args);
  if (t->len == 0) return aw_str_new(vm, "", 0);
  AwStr *s = aw_to_str(vm, t->len == 1 ? t->items[0] : e->args);
  return s ? AW_OBJ(s) : AW_EXC;
}

static AwValue base_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__str__");
  if (!e) return AW_EXC;
  return base_str_of(vm, e);
}

static AwValue base_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__repr__");
  if (!e) return AW_EXC;
  AwTuple *t = AW_AS_TUPLE(e->args);
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_append_str(vm, &b, aw_obj_class(vm, &e->base.obj)->name);
  bool ok;
  if (t->len == 1) {
    ok = aw_buf_putc(vm, &b, '(') && aw_buf_repr(vm, &b, t->items[0]) && aw_buf_putc(vm, &b, ')');
  } else {
    ok = aw_buf_repr(vm, &b, e->args);
  }
  if (!ok) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

static AwValue base_with_traceback(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "with_traceback");
  if (!e) return AW_EXC;
  if (!aw_check_argc(vm, "with_traceback", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!set_traceback(vm, e, argv[1])) return AW_EXC;
  return argv[0];
}

static AwValue base_add_note(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "add_note");
  if (!e) return AW_EXC;
  if (!aw_check_argc(vm, "add_note", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "note must be a str, not '%s'", aw_type_name(vm, argv[1]));
  if (AW_IS_UNDEF(e->notes)) {
    AwList *l = aw_list_new(vm, 1);
    if (!l) return AW_EXC;
    e->notes = AW_OBJ(l);
  }
  if (!AW_IS_LIST(e->notes)) return type_error(vm, "Cannot add note: __notes__ is not a list");
  if (!aw_list_append(vm, AW_AS_LIST(e->notes), argv[1])) return AW_EXC;
  return AW_NONE;
}

// ---- str() of the classes with their own rule ----------------------------------

static AwValue key_error_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__str__");
  if (!e) return AW_EXC;
  AwTuple *t = AW_AS_TUPLE(e->args);
  if (t->len != 1) return base_str_of(vm, e);
  AwStr *s = aw_repr(vm, t->items[0]);
  return s ? AW_OBJ(s) : AW_EXC;
}

static AwValue import_error_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__str__");
  if (!e) return AW_EXC;
  AwValue msg = field_get(vm, e, "msg");
  if (AW_IS_STR(msg)) return msg;
  return base_str_of(vm, e);
}

static AwValue os_error_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__str__");
  if (!e) return AW_EXC;
  AwValue err = field_get(vm, e, "errno"), strerror = field_get(vm, e, "strerror");
  AwValue filename = field_get(vm, e, "filename"), filename2 = field_get(vm, e, "filename2");
  AwValue en = AW_IS_UNDEF(err) ? AW_NONE : err, se = AW_IS_UNDEF(strerror) ? AW_NONE : strerror;
  if (!AW_IS_UNDEF(filename) && !AW_IS_NONE(filename)) {
    if (!AW_IS_UNDEF(filename2) && !AW_IS_NONE(filename2))
      return aw_str_format(vm, "[Errno %S] %S: %R -> %R", en, se, filename, filename2);
    return aw_str_format(vm, "[Errno %S] %S: %R", en, se, filename);
  }
  if (!AW_IS_UNDEF(err) && !AW_IS_NONE(err) && !AW_IS_UNDEF(strerror) && !AW_IS_NONE(strerror))
    return aw_str_format(vm, "[Errno %S] %S", err, strerror);
  return base_str_of(vm, e);
}

static AwValue syntax_error_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__str__");
  if (!e) return AW_EXC;
  AwValue msg = field_or_none(vm, e, "msg");
  AwValue filename = field_get(vm, e, "filename"), lineno = field_get(vm, e, "lineno");
  bool have_file = AW_IS_STR(filename), have_line = AW_IS_INT(lineno);
  AwValue base = AW_NONE;
  if (have_file) {
    // Only the basename, as CPython's my_basename().
    AwStr *f = AW_AS_STR(filename);
    const char *slash = strrchr(f->data, '/');
    base = slash ? aw_str_from_cstr(vm, slash + 1) : filename;
    if (AW_IS_EXC(base)) return AW_EXC;
  }
  if (have_file && have_line)
    return aw_str_format(vm, "%S (%U, line %lld)", msg, base, (long long)AW_AS_INT(lineno));
  if (have_file) return aw_str_format(vm, "%S (%U)", msg, base);
  if (have_line) return aw_str_format(vm, "%S (line %lld)", msg, (long long)AW_AS_INT(lineno));
  AwStr *s = aw_to_str(vm, msg);
  return s ? AW_OBJ(s) : AW_EXC;
}

// The fields of a fully initialised Unicode error, or false.
static bool unicode_fields(AwVM *vm, AwException *e, AwValue *enc, AwValue *obj, int64_t *start,
                           int64_t *end, AwValue *reason) {
  *enc = field_get(vm, e, "encoding");
  *obj = field_get(vm, e, "object");
  *reason = field_get(vm, e, "reason");
  AwValue s = field_get(vm, e, "start"), en = field_get(vm, e, "end");
  if (!AW_IS_STR(*enc) || !AW_IS_STR(*reason) || !AW_IS_INTLIKE(s) || !AW_IS_INTLIKE(en)) return false;
  *start = AW_AS_INT(s);
  *end = AW_AS_INT(en);
  return true;
}

static AwValue decode_error_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__str__");
  if (!e) return AW_EXC;
  AwValue enc, obj, reason;
  int64_t start, end;
  if (!unicode_fields(vm, e, &enc, &obj, &start, &end, &reason) || !AW_IS_BYTES(obj))
    return base_str_of(vm, e);
  AwBytes *b = AW_AS_BYTES(obj);
  if (start < 0) start = 0;
  if (start >= b->len) start = b->len ? b->len - 1 : 0;
  if (end < start + 1) end = start + 1;
  if (end > b->len) end = b->len;
  if (start < b->len && end == start + 1)
    return aw_str_format(vm, "'%U' codec can't decode byte 0x%02x in position %lld: %U", enc,
                         (unsigned)b->data[start], (long long)start, reason);
  return aw_str_format(vm, "'%U' codec can't decode bytes in position %lld-%lld: %U", enc, (long long)start,
                       (long long)end - 1, reason);
}

static AwValue encode_error_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwException *e = self_exc(vm, argc > 0 ? argv[0] : AW_NONE, "__str__");
  if (!e) return AW_EXC;
  AwValue enc, obj, reason;
  int64_t start, end;
  if (!unicode_fields(vm, e, &enc, &obj, &start, &end, &reason) || !AW_IS_STR(obj))
    return base_str_of(vm, e);
  AwStr *s = AW_AS_STR(obj);
  if (start < 0) start = 0;
  if (start >= s->nchars) start = s->nchars ? s->nchars - 1 : 0;
  if (end < start + 1) end = start + 1;
  if (end > s->nchars) end = s->nchars;
  if (start < s->nchars && end == start + 1) {
    uint32_t cp = 0;
    aw_utf8_decode((const unsigned char *)s->data + aw_str_byte_offset(s, start), &cp);
    const char *fmt = cp <= 0xff     ? "'%U' codec can't encode character '\\x%02x' in position %lld: %U"
                      : cp <= 0xffff ? "'%U' codec can't encode character '\\u%04x' in position %lld: %U"
                                     : "'%U' codec can't encode character '\\U%08x' in position %lld: %U";
    return aw_str_format(vm, fmt, enc, (unsigned)cp, (long long)start, reason);
  }
  return aw_str_format(vm, "'%U' codec can't encode characters in position %lld-%lld: %U", enc,
                       (long long)start, (long long)end - 1, reason);
}

// ---- class creation ---------------------------------------------------------------

static const char *const exc_names[AW_EXC__COUNT] = {
#define AW_EXC_NAME(id, base) #id,
    AW_EXCEPTIONS(AW_EXC_NAME)
#undef AW_EXC_NAME
};

static const int exc_bases[AW_EXC__COUNT] = {
#define AW_EXC_BASE(id, base) AW_EXC_##base,
    AW_EXCEPTIONS(AW_EXC_BASE)
#undef AW_EXC_BASE
};

static bool add(AwVM *vm, AwExcClassId id, const char *name, AwNativeFn fn) {
  return aw_class_add_native(vm, vm->exc_cls[id], name, fn, AW_NATIVE_METHOD);
}

static bool add_methods(AwVM *vm) {
  AwClass *base = AW_EXCCLS(vm, BaseException);
  if (!aw_class_add_native(vm, base, "__new__", exc_new, AW_NATIVE_STATIC)) return false;
  if (!add(vm, AW_EXC_BaseException, "__init__", base_init) ||
      !add(vm, AW_EXC_BaseException, "__str__", base_str) ||
      !add(vm, AW_EXC_BaseException, "__repr__", base_repr) ||
      !add(vm, AW_EXC_BaseException, "with_traceback", base_with_traceback) ||
      !add(vm, AW_EXC_BaseException, "add_note", base_add_note))
    return false;
  return add(vm, AW_EXC_StopIteration, "__init__", stop_iteration_init) &&
         add(vm, AW_EXC_SystemExit, "__init__", system_exit_init) &&
         add(vm, AW_EXC_ImportError, "__init__", import_error_init) &&
         add(vm, AW_EXC_ImportError, "__str__", import_error_str) &&
         add(vm, AW_EXC_AttributeError, "__init__", attribute_error_init) &&
         add(vm, AW_EXC_NameError, "__init__", name_error_init) &&
         add(vm, AW_EXC_OSError, "__init__", os_error_init) &&
         add(vm, AW_EXC_OSError, "__str__", os_error_str) &&
         add(vm, AW_EXC_SyntaxError, "__init__", syntax_error_init) &&
         add(vm, AW_EXC_SyntaxError, "__str__", syntax_error_str) &&
         add(vm, AW_EXC_KeyError, "__str__", key_error_str) &&
         add(vm, AW_EXC_UnicodeDecodeError, "__init__", decode_error_init) &&
         add(vm, AW_EXC_UnicodeDecodeError, "__str__", decode_error_str) &&
         add(vm, AW_EXC_UnicodeEncodeError, "__init__", encode_error_init) &&
         add(vm, AW_EXC_UnicodeEncodeError, "__str__", encode_error_str);
}

bool aw_error_init_classes(AwVM *vm) {
  AwValue builtins = aw_str_intern(vm, "builtins", 8);
  if (AW_IS_EXC(builtins)) return false;
  for (int i = 0; i < AW_EXC__COUNT; i++) {
    AwValue name = aw_str_intern(vm, exc_names[i], strlen(exc_names[i]));
    if (AW_IS_EXC(name)) return false;
    AwClass *base = i == AW_EXC_BaseException ? AW_CLS(vm, object) : vm->exc_cls[exc_bases[i]];
    AwDict *dict = aw_dict_new(vm);
    if (!dict) return false;
    AwClass *cls = aw_class_new(vm, name, base, dict);
    if (!cls) return false;
    cls->instance_kind = AW_OBJ_EXCEPTION;
    cls->is_builtin = 1;
    cls->qualname = name;
    if (i == AW_EXC_CancelledError || i == AW_EXC_InvalidStateError) {
      AwValue m = aw_str_intern(vm, "asyncio.exceptions", 18);
      if (AW_IS_EXC(m)) return false;
      cls->module = m;
    } else {
      cls->module = builtins;
    }
    vm->exc_cls[i] = cls;
  }
  if (!add_methods(vm) || !aw_exc_group_init_classes(vm)) return false;
  if (AW_IS_UNDEF(vm->memory_error)) {
    AwException *e = aw_exc_alloc(vm, AW_EXCCLS(vm, MemoryError), AW_UNDEF);
    if (!e) return false;
    vm->memory_error = AW_OBJ(e);
  }
  return true;
}

// ---- warnings ------------------------------------------------------------------------


// Warnings print once per (text, category, location), like CPython's
// "default" action; the registry is a set kept in the category's dict.
static bool warn_seen(AwVM *vm, AwClass *category, AwValue key) {
  AwValue reg = aw_dict_get_cstr(vm, category->dict, "__warningregistry__");
  if (AW_IS_EXC(reg)) return false;
  if (!AW_IS_SET(reg)) {
    AwSet *s = aw_set_new(vm, false);
    if (!s) return false;
    reg = AW_OBJ(s);
    if (!aw_dict_set_cstr(vm, category->dict, "__warningregistry__", reg)) return false;
  }
  int r = aw_set_contains(vm, AW_AS_SET(reg), key);
  if (r != 0) return r > 0;
  aw_set_add(vm, AW_AS_SET(reg), key);
  return false;
}

void aw_warn(AwVM *vm, AwClass *category, const char *msg, AwProto *proto, int line) {
  AwValue saved = vm->exc;
  vm->exc = AW_UNDEF;
  const char *file = proto && AW_IS_STR(proto->filename) ? AW_AS_STR(proto->filename)->data : "sys";
  if (!proto) line = 1;
  const char *cat = AW_IS_STR(category->name) ? AW_AS_STR(category->name)->data : "Warning";
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_printf(vm, &b, "%s:%d: %s: %s\n", file, line, cat, msg);
  AwValue key = aw_str_new(vm, b.data ? b.data : "", b.len);
  bool seen = !AW_IS_EXC(key) && warn_seen(vm, category, key);
  if (!seen && !b.failed) {
    const char *src;
    size_t n;
    if (proto && aw_source_line(proto->source, line, &src, &n)) {
      aw_buf_append(vm, &b, "  ", 2);
      aw_buf_append(vm, &b, src, n);
      aw_buf_putc(vm, &b, '\n');
    }
    // CPython adds this when the warning has a source object, which is
    // the case for never-awaited coroutines.
    if (!strncmp(msg, "coroutine '", 11) && strstr(msg, "' was never awaited"))
      aw_buf_printf(vm, &b, "%s: Enable tracemalloc to get the object allocation traceback\n", cat);
    if (!b.failed) aw_write_err(vm, b.data, b.len);
  }
  aw_buf_free(vm, &b);
  vm->exc = saved;
}

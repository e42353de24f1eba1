// vm/ops.c -- the core object protocols the interpreter calls for every
// operator: repr/str, hash, ==/<, truth, len, binary and unary operators,
// `in`, subscripts and iteration. Built-in kinds are handled inline; user
// classes go through their dunders exactly as CPython. Number kernels are
// in ops_arith.c.
#include <string.h>

#include "vm/vm.h"
#include "vm/frame.h"
#include "lang/ast.h"

// ---- helpers ------------------------------------------------------------------

static AwValue type_error(AwVM *vm, const char *fmt, const char *a, const char *b) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), fmt, a, b);
}

static bool is_number(AwValue v) {
  return v.tag == AW_T_INT || v.tag == AW_T_BOOL || v.tag == AW_T_FLOAT;
}

// Values whose operators ops.c implements itself; every other object goes
// through dunder lookup on its class (user classes, exceptions, iterators,
// views, stdlib types).
static bool is_core(AwValue v) {
  if (!AW_IS_OBJ(v)) return true;
  switch (AW_KIND(v)) {
    case AW_OBJ_STR: case AW_OBJ_BYTES: case AW_OBJ_TUPLE: case AW_OBJ_LIST:
    case AW_OBJ_DICT: case AW_OBJ_SET: case AW_OBJ_RANGE: case AW_OBJ_SLICE:
      return true;
    default:
      return false;
  }
}

static bool is_not_implemented(AwVM *vm, AwValue v) { return aw_value_is(v, vm->not_implemented); }

// The dunder [name] on v's class, UNDEF if absent. object's own natives
// count as absent: ops.c implements the defaults (identity ==, default
// repr, identity hash) itself.
static AwValue find_special(AwVM *vm, AwValue v, AwValue name) {
  AwValue f = aw_lookup_special(vm, v, name);
  if (!AW_IS_KIND(f, AW_OBJ_NATIVE)) return f;  // object's entries are natives
  AwValue base = aw_dict_get_str(AW_CLS(vm, object)->dict, name);
  if (!AW_IS_UNDEF(base) && aw_value_is(f, base)) return AW_UNDEF;
  return f;
}

// Calls dunder [f] (found by find_special under [name]) with self and
// [argc] <= 2 arguments.
static AwValue call_found(AwVM *vm, AwValue f, AwValue name, AwValue self, int argc, AwValue *args) {
  AwValue argv[3];
  argv[0] = self;
  for (int i = 0; i < argc; i++) argv[i + 1] = args[i];
  if (AW_IS_KIND(f, AW_OBJ_NATIVE)) {
    AwNative *n = (AwNative *)AW_AS_OBJ(f);
    if (AW_IS_UNDEF(n->self) &&
        !(n->flags & (AW_NATIVE_STATIC | AW_NATIVE_CLASSMETHOD | AW_NATIVE_GETTER)))
      return n->fn(vm, argc + 1, argv, NULL);
  } else if (AW_IS_KIND(f, AW_OBJ_FUNCTION)) {
    return aw_call(vm, f, argc + 1, argv, NULL);
  }
  // A descriptor (staticmethod, classmethod, callable object): bind it the
  // full way.
  AwValue r = aw_call_special(vm, self, name, argc, args);
  if (AW_IS_UNDEF(r)) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not callable", aw_type_name(vm, f));
  return r;
}

// Calls dunder [name] of v if present; UNDEF (nothing raised) if absent.
static AwValue call_special_opt(AwVM *vm, AwValue v, AwValue name, int argc, AwValue *args) {
  AwValue f = find_special(vm, v, name);
  if (AW_IS_UNDEF(f) || AW_IS_EXC(f)) return f;
  return call_found(vm, f, name, v, argc, args);
}

// Guards C recursion through nested containers (repr, ==, hash of deeply
// nested lists) with CPython's RecursionError.
static bool depth_enter(AwVM *vm, const char *what) {
  int limit = vm->recursion_limit > 0 ? vm->recursion_limit : 1000;
  if (vm->c_depth >= limit + 50) {
    aw_raisef(vm, AW_EXCCLS(vm, RecursionError), "maximum recursion depth exceeded%s", what);
    return false;
  }
  vm->c_depth++;
  return true;
}

static void depth_leave(AwVM *vm) { vm->c_depth--; }

static const char *class_module_prefix(AwClass *c) {
  if (!AW_IS_STR(c->module)) return NULL;
  const char *m = AW_AS_STR(c->module)->data;
  if (strcmp(m, "builtins") == 0) return NULL;
  return m;
}

// "mod.Qual" (or just "Qual" for built-ins) of a class, appended to [b].
static bool buf_class_path(AwVM *vm, AwBuf *b, AwClass *c) {
  const char *m = class_module_prefix(c);
  if (m && !aw_buf_printf(vm, b, "%s.", m)) return false;
  AwValue q = AW_IS_STR(c->qualname) ? c->qualname : c->name;
  if (AW_IS_STR(q)) return aw_buf_append_str(vm, b, q);
  return aw_buf_append(vm, b, "?", 1);
}

// ---- repr / str -----------------------------------------------------------------

// The list of containers being repr'd right now (cycle guard: "[...]").
static AwList *repr_stack(AwVM *vm) {
  if (!AW_IS_OBJ(vm->repr_stack)) {
    AwList *l = aw_list_new(vm, 8);
    if (!l) return NULL;
    vm->repr_stack = AW_OBJ(l);
  }
  return AW_AS_LIST(vm->repr_stack);
}

// 1 if [v] is already being repr'd, 0 if it was pushed, -1 on error.
static int repr_enter(AwVM *vm, AwValue v) {
  AwList *st = repr_stack(vm);
  if (!st) return -1;
  for (int64_t i = 0; i < st->len; i++)
    if (aw_value_is(st->items[i], v)) return 1;
  if (!aw_list_append(vm, st, v)) return -1;
  return 0;
}

static void repr_leave(AwVM *vm, AwValue v) {
  AwList *st = AW_AS_LIST(vm->repr_stack);
  // Usually the top; search in case a user __repr__ left things unbalanced.
  for (int64_t i = st->len - 1; i >= 0; i--) {
    if (aw_value_is(st->items[i], v)) {
      memmove(&st->items[i], &st->items[i + 1], (size_t)(st->len - i - 1) * sizeof(AwValue));
      st->len--;
      return;
    }
  }
}

static bool buf_repr_items(AwVM *vm, AwBuf *b, AwValue seq, const char *open, const char *close) {
  if (!aw_buf_append(vm, b, open, strlen(open))) return false;
  for (int64_t i = 0;; i++) {
    // Re-read the length: a user __repr__ may mutate the list.
    int64_t len = AW_IS_LIST(seq) ? AW_AS_LIST(seq)->len : AW_AS_TUPLE(seq)->len;
    if (i >= len) break;
    AwValue item = AW_IS_LIST(seq) ? AW_AS_LIST(seq)->items[i] : AW_AS_TUPLE(seq)->items[i];
    if (i > 0 && !aw_buf_append(vm, b, ", ", 2)) return false;
    if (!aw_buf_repr(vm, b, item)) return false;
  }
  if (AW_IS_TUPLE(seq) && AW_AS_TUPLE(seq)->len == 1 && !aw_buf_putc(vm, b, ',')) return false;
  return aw_buf_append(vm, b, close, strlen(close));
}

// list, tuple, dict, set and frozenset with the cycle guard.
static bool buf_repr_container(AwVM *vm, AwBuf *b, AwValue v) {
  AwObjKind k = AW_KIND(v);
  bool frozen = k == AW_OBJ_SET && (AW_AS_OBJ(v)->flags & AW_SET_FROZEN);
  if (k == AW_OBJ_TUPLE && AW_AS_TUPLE(v)->len == 0) return aw_buf_append(vm, b, "()", 2);
  if (k == AW_OBJ_LIST && AW_AS_LIST(v)->len == 0) return aw_buf_append(vm, b, "[]", 2);
  if (k == AW_OBJ_DICT && AW_AS_DICT(v)->len == 0) return aw_buf_append(vm, b, "{}", 2);
  if (k == AW_OBJ_SET && AW_AS_SET(v)->table.len == 0)
    return frozen ? aw_buf_append(vm, b, "frozenset()", 11) : aw_buf_append(vm, b, "set()", 5);
  int in = repr_enter(vm, v);
  if (in < 0) return false;
  if (in) {
    const char *s = k == AW_OBJ_LIST ? "[...]" : k == AW_OBJ_TUPLE ? "(...)" : "{...}";
    if (frozen) s = "frozenset(...)";
    return aw_buf_append(vm, b, s, strlen(s));
  }
  bool ok = depth_enter(vm, " while getting the repr of an object");
  if (ok) {
    if (k == AW_OBJ_LIST) {
      ok = buf_repr_items(vm, b, v, "[", "]");
    } else if (k == AW_OBJ_TUPLE) {
      ok = buf_repr_items(vm, b, v, "(", ")");
    } else {
      AwDict *d = k == AW_OBJ_DICT ? AW_AS_DICT(v) : &AW_AS_SET(v)->table;
      ok = aw_buf_append(vm, b, frozen ? "frozenset({" : "{", frozen ? 11 : 1);
      int64_t pos = 0;
      AwValue key, val;
      bool first = true;
      while (ok && aw_dict_next(d, &pos, &key, &val)) {
        if (!first) ok = aw_buf_append(vm, b, ", ", 2);
        first = false;
        if (ok) ok = aw_buf_repr(vm, b, key);
        if (ok && k == AW_OBJ_DICT) {
          ok = aw_buf_append(vm, b, ": ", 2) && aw_buf_repr(vm, b, val);
        }
      }
      if (ok) ok = aw_buf_append(vm, b, frozen ? "})" : "}", frozen ? 2 : 1);
    }
    depth_leave(vm);
  }
  repr_leave(vm, v);
  return ok;
}

static bool buf_repr_range(AwVM *vm, AwBuf *b, AwRange *r) {
  if (r->step == 1) return aw_buf_printf(vm, b, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
  return aw_buf_printf(vm, b, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                       (long long)r->step);
}

static bool buf_repr_slice(AwVM *vm, AwBuf *b, AwSlice *s) {
  return aw_buf_append(vm, b, "slice(", 6) && aw_buf_repr(vm, b, s->start) &&
         aw_buf_append(vm, b, ", ", 2) && aw_buf_repr(vm, b, s->stop) && aw_buf_append(vm, b, ", ", 2) &&
         aw_buf_repr(vm, b, s->step) && aw_buf_putc(vm, b, ')');
}

static bool buf_append_name(AwVM *vm, AwBuf *b, AwValue name) {
  if (AW_IS_STR(name)) return aw_buf_append_str(vm, b, name);
  return aw_buf_append(vm, b, "?", 1);
}

static bool buf_repr_function(AwVM *vm, AwBuf *b, AwFunction *f) {
  return aw_buf_append(vm, b, "<function ", 10) &&
         buf_append_name(vm, b, AW_IS_STR(f->qualname) ? f->qualname : f->name) &&
         aw_buf_printf(vm, b, " at %p>", (void *)f);
}

static bool buf_repr_native(AwVM *vm, AwBuf *b, AwNative *n) {
  if (AW_IS_UNDEF(n->self) || AW_IS_KIND(n->self, AW_OBJ_MODULE))
    return aw_buf_printf(vm, b, "<built-in function %s>", n->name);
  if (AW_IS_CLASS(n->self)) {
    // A classmethod bound to its class: "<built-in method fromkeys of type object at 0x..>".
    return aw_buf_printf(vm, b, "<built-in method %s of type object at %p>", n->name,
                         (void *)AW_AS_OBJ(n->self));
  }
  return aw_buf_printf(vm, b, "<built-in method %s of %s object at %p>", n->name, aw_type_name(vm, n->self),
                       AW_IS_OBJ(n->self) ? (void *)AW_AS_OBJ(n->self) : (void *)n);
}

static bool buf_repr_bound(AwVM *vm, AwBuf *b, AwBound *m) {
  if (!aw_buf_append(vm, b, "<bound method ", 14)) return false;
  AwValue f = m->func;
  bool ok;
  if (AW_IS_KIND(f, AW_OBJ_FUNCTION)) {
    AwFunction *fn = (AwFunction *)AW_AS_OBJ(f);
    ok = buf_append_name(vm, b, AW_IS_STR(fn->qualname) ? fn->qualname : fn->name);
  } else if (AW_IS_KIND(f, AW_OBJ_NATIVE)) {
    ok = aw_buf_printf(vm, b, "%s", ((AwNative *)AW_AS_OBJ(f))->name);
  } else {
    ok = aw_buf_append(vm, b, "?", 1);
  }
  if (!ok || !aw_buf_append(vm, b, " of ", 4)) return false;
  if (!depth_enter(vm, " while getting the repr of an object")) return false;
  ok = aw_buf_repr(vm, b, m->self);
  depth_leave(vm);
  return ok && aw_buf_putc(vm, b, '>');
}

static bool buf_repr_class(AwVM *vm, AwBuf *b, AwClass *c) {
  return aw_buf_append(vm, b, "<class '", 8) && buf_class_path(vm, b, c) && aw_buf_append(vm, b, "'>", 2);
}

static bool buf_repr_module(AwVM *vm, AwBuf *b, AwModule *m) {
  if (!aw_buf_append(vm, b, "<module ", 8)) return false;
  if (AW_IS_STR(m->name)) {
    if (!aw_str_repr_buf(vm, b, AW_AS_STR(m->name))) return false;
  } else if (!aw_buf_append(vm, b, "'?'", 3)) {
    return false;
  }
  if (AW_IS_STR(m->path)) {
    return aw_buf_append(vm, b, " from ", 6) && aw_str_repr_buf(vm, b, AW_AS_STR(m->path)) &&
           aw_buf_putc(vm, b, '>');
  }
  return aw_buf_append(vm, b, " (built-in)>", 12);
}

static bool buf_repr_proto(AwVM *vm, AwBuf *b, AwProto *p) {
  if (!aw_buf_append(vm, b, "<code object ", 13) || !buf_append_name(vm, b, p->name) ||
      !aw_buf_printf(vm, b, " at %p, file \"", (void *)p) || !buf_append_name(vm, b, p->filename))
    return false;
  return aw_buf_printf(vm, b, "\", line %d>", (int)p->firstline);
}

static bool buf_repr_cell(AwVM *vm, AwBuf *b, AwCell *c) {
  if (AW_IS_UNDEF(c->value)) return aw_buf_printf(vm, b, "<cell at %p: empty>", (void *)c);
  void *addr = AW_IS_OBJ(c->value) ? (void *)AW_AS_OBJ(c->value) : (void *)c;
  return aw_buf_printf(vm, b, "<cell at %p: %s object at %p>", (void *)c, aw_type_name(vm, c->value), addr);
}

static bool buf_repr_gen(AwVM *vm, AwBuf *b, AwValue v) {
  AwGen *g = (AwGen *)AW_AS_OBJ(v);
  AwValue name = AW_IS_STR(aw_gen_qualname(g)) ? aw_gen_qualname(g) : aw_gen_name(g);
  return aw_buf_printf(vm, b, "<%s object ", aw_type_name(vm, v)) && buf_append_name(vm, b, name) &&
         aw_buf_printf(vm, b, " at %p>", (void *)g);
}

static bool buf_repr_wrapper(AwVM *vm, AwBuf *b, AwValue v) {
  AwWrapper *w = (AwWrapper *)AW_AS_OBJ(v);
  AwClass *c = aw_obj_class(vm, AW_AS_OBJ(v));
  if (c == AW_CLS(vm, super)) {
    if (!aw_buf_append(vm, b, "<super: ", 8)) return false;
    if (AW_IS_CLASS(w->value) ? !buf_repr_class(vm, b, AW_AS_CLASS(w->value))
                              : !aw_buf_append(vm, b, "NULL", 4))
      return false;
    if (AW_IS_UNDEF(w->self)) return aw_buf_append(vm, b, ", NULL>", 7);
    return aw_buf_printf(vm, b, ", <%s object>>", aw_type_name(vm, w->self));
  }
  if (!aw_buf_printf(vm, b, "<%s(", aw_type_name(vm, v))) return false;
  if (!depth_enter(vm, " while getting the repr of an object")) return false;
  bool ok = aw_buf_repr(vm, b, w->value);
  depth_leave(vm);
  return ok && aw_buf_append(vm, b, ")>", 2);
}

static bool buf_repr_file(AwVM *vm, AwBuf *b, AwFile *f) {
  if (f->binary) {
    if (!aw_buf_append(vm, b, "<_io.BufferedReader name=", 25)) return false;
  } else if (!aw_buf_append(vm, b, "<_io.TextIOWrapper name=", 24)) {
    return false;
  }
  if (!aw_buf_repr(vm, b, f->name)) return false;
  if (f->binary) return aw_buf_putc(vm, b, '>');
  return aw_buf_append(vm, b, " mode=", 6) && aw_buf_repr(vm, b, f->mode) &&
         aw_buf_append(vm, b, " encoding='UTF-8'>", 18);
}

bool aw_ops_default_repr(AwVM *vm, AwBuf *b, AwValue v) {
  AwClass *c = aw_type_of(vm, v);
  return aw_buf_putc(vm, b, '<') && buf_class_path(vm, b, c) &&
         aw_buf_printf(vm, b, " object at %p>", AW_IS_OBJ(v) ? (void *)AW_AS_OBJ(v) : (void *)c);
}

// Appends the str returned by dunder [name] of v ([found] = the method).
static bool buf_call_strfunc(AwVM *vm, AwBuf *b, AwValue v, AwValue f, AwValue name, const char *what) {
  AwValue r = call_found(vm, f, name, v, 0, NULL);
  if (AW_IS_EXC(r)) return false;
  if (!AW_IS_STR(r)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s returned non-string (type %s)", what, aw_type_name(vm, r));
    return false;
  }
  return aw_buf_append_str(vm, b, r);
}

static bool is_dict_view(AwVM *vm, AwClass *c) {
  return c == AW_CLS(vm, dict_keys) || c == AW_CLS(vm, dict_values) || c == AW_CLS(vm, dict_items);
}

// "dict_keys(['a'])", "dict_values([1])", "dict_items([('a', 1)])".
static bool buf_repr_dict_view(AwVM *vm, AwBuf *b, AwValue v) {
  AwClass *c = aw_obj_class(vm, AW_AS_OBJ(v));
  AwValue dv = ((AwIter *)AW_AS_OBJ(v))->a;
  AwDict *d = AW_AS_DICT(dv);
  if (!aw_buf_append_str(vm, b, c->name) || !aw_buf_append(vm, b, "([", 2)) return false;
  int in = repr_enter(vm, dv);
  if (in < 0) return false;
  if (in) return aw_buf_append(vm, b, "...])", 5);
  bool entered = depth_enter(vm, " while getting the repr of an object"), ok = entered;
  int64_t pos = 0;
  AwValue key, val;
  bool first = true;
  while (ok && aw_dict_next(d, &pos, &key, &val)) {
    if (!first) ok = aw_buf_append(vm, b, ", ", 2);
    first = false;
    if (!ok) break;
    if (c == AW_CLS(vm, dict_keys)) {
      ok = aw_buf_repr(vm, b, key);
    } else if (c == AW_CLS(vm, dict_values)) {
      ok = aw_buf_repr(vm, b, val);
    } else {
      ok = aw_buf_putc(vm, b, '(') && aw_buf_repr(vm, b, key) && aw_buf_append(vm, b, ", ", 2) &&
           aw_buf_repr(vm, b, val) && aw_buf_putc(vm, b, ')');
    }
  }
  if (entered) depth_leave(vm);
  repr_leave(vm, dv);
  return ok && aw_buf_append(vm, b, "])", 2);
}

// Objects without an inline repr: a __repr__ on the class (user classes,
// exceptions, stdlib types), else the singletons, else the default.
static bool buf_repr_other(AwVM *vm, AwBuf *b, AwValue v) {
  if (aw_value_is(v, vm->not_implemented)) return aw_buf_append(vm, b, "NotImplemented", 14);
  if (aw_value_is(v, vm->ellipsis)) return aw_buf_append(vm, b, "Ellipsis", 8);
  AwValue f = find_special(vm, v, AW_N(vm, repr));
  if (AW_IS_EXC(f)) return false;
  if (!AW_IS_UNDEF(f)) {
    if (!depth_enter(vm, " while getting the repr of an object")) return false;
    bool ok = buf_call_strfunc(vm, b, v, f, AW_N(vm, repr), "__repr__");
    depth_leave(vm);
    return ok;
  }
  if (AW_KIND(v) == AW_OBJ_ITER && is_dict_view(vm, aw_obj_class(vm, AW_AS_OBJ(v))) &&
      AW_IS_DICT(((AwIter *)AW_AS_OBJ(v))->a))
    return buf_repr_dict_view(vm, b, v);
  return aw_ops_default_repr(vm, b, v);
}

// Decimal digits of [n] written backwards from [end]; returns the start.
static char *format_int(int64_t n, char *end) {
  uint64_t m = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
  char *p = end;
  do {
    *--p = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  if (n < 0) *--p = '-';
  return p;
}

bool aw_buf_repr(AwVM *vm, AwBuf *b, AwValue v) {
  char tmp[64];
  switch (v.tag) {
    case AW_T_NONE: return aw_buf_append(vm, b, "None", 4);
    case AW_T_BOOL: return AW_AS_BOOL(v) ? aw_buf_append(vm, b, "True", 4) : aw_buf_append(vm, b, "False", 5);
    case AW_T_INT: {
      char *p = format_int(AW_AS_INT(v), tmp + sizeof tmp);
      return aw_buf_append(vm, b, p, (size_t)(tmp + sizeof tmp - p));
    }
    case AW_T_FLOAT: {
      size_t n = aw_float_repr(AW_AS_FLOAT(v), tmp, sizeof tmp);
      return aw_buf_append(vm, b, tmp, n);
    }
    case AW_T_OBJ: break;
    default: return aw_buf_append(vm, b, "<undefined>", 11);  // internal tags: never script-visible
  }
  AwObj *o = AW_AS_OBJ(v);
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_STR: return aw_str_repr_buf(vm, b, (AwStr *)o);
    case AW_OBJ_BYTES: return aw_bytes_repr_buf(vm, b, (AwBytes *)o);
    case AW_OBJ_TUPLE: case AW_OBJ_LIST: case AW_OBJ_DICT: case AW_OBJ_SET:
      return buf_repr_container(vm, b, v);
    case AW_OBJ_RANGE: return buf_repr_range(vm, b, (AwRange *)o);
    case AW_OBJ_SLICE: return buf_repr_slice(vm, b, (AwSlice *)o);
    case AW_OBJ_PROTO: return buf_repr_proto(vm, b, (AwProto *)o);
    case AW_OBJ_FUNCTION: return buf_repr_function(vm, b, (AwFunction *)o);
    case AW_OBJ_NATIVE: return buf_repr_native(vm, b, (AwNative *)o);
    case AW_OBJ_BOUND: return buf_repr_bound(vm, b, (AwBound *)o);
    case AW_OBJ_CELL: return buf_repr_cell(vm, b, (AwCell *)o);
    case AW_OBJ_CLASS: return buf_repr_class(vm, b, (AwClass *)o);
    case AW_OBJ_MODULE: return buf_repr_module(vm, b, (AwModule *)o);
    case AW_OBJ_GENERATOR: return buf_repr_gen(vm, b, v);
    case AW_OBJ_NCORO:
      return aw_buf_printf(vm, b, "<coroutine object ") && buf_append_name(vm, b, aw_ncoro_qualname((AwNCoro *)o)) &&
             aw_buf_printf(vm, b, " at %p>", (void *)o);
    case AW_OBJ_PROPERTY: return aw_buf_printf(vm, b, "<property object at %p>", (void *)o);
    case AW_OBJ_WRAPPER: return buf_repr_wrapper(vm, b, v);
    case AW_OBJ_FILE: {
      // io.c's own repr knows the file classes best.
      AwValue f = find_special(vm, v, AW_N(vm, repr));
      if (AW_IS_OBJ(f)) return buf_call_strfunc(vm, b, v, f, AW_N(vm, repr), "__repr__");
      return buf_repr_file(vm, b, (AwFile *)o);
    }
    default: return buf_repr_other(vm, b, v);
  }
}

bool aw_buf_str(AwVM *vm, AwBuf *b, AwValue v) {
  if (AW_IS_STR(v)) return aw_buf_append_str(vm, b, v);
  if (AW_IS_OBJ(v)) {
    AwObjKind k = AW_KIND(v);
    if (k == AW_OBJ_INSTANCE || k == AW_OBJ_EXCEPTION || k == AW_OBJ_ITER || k == AW_OBJ_NATIVEDATA ||
        k == AW_OBJ_FRAMEREF) {
      AwValue name = AW_N(vm, str);
      AwValue f = find_special(vm, v, name);
      if (AW_IS_UNDEF(f) && !aw_value_is(v, vm->not_implemented) && !aw_value_is(v, vm->ellipsis)) {
        // object.__str__ calls the type's repr slot directly: a bad result
        // is reported as __str__'s.
        name = AW_N(vm, repr);
        f = find_special(vm, v, name);
      }
      if (AW_IS_EXC(f)) return false;
      if (!AW_IS_UNDEF(f)) {
        if (!depth_enter(vm, " while getting the str of an object")) return false;
        bool ok = buf_call_strfunc(vm, b, v, f, name, "__str__");
        depth_leave(vm);
        return ok;
      }
    }
  }
  return aw_buf_repr(vm, b, v);
}

static AwStr *buf_finish(AwVM *vm, AwBuf *b, bool ok) {
  if (!ok) {
    aw_buf_free(vm, b);
    return NULL;
  }
  AwValue s = aw_buf_to_str(vm, b);
  return AW_IS_STR(s) ? AW_AS_STR(s) : NULL;
}

AwStr *aw_repr(AwVM *vm, AwValue v) {
  AwBuf b;
  aw_buf_init(&b);
  return buf_finish(vm, &b, aw_buf_repr(vm, &b, v));
}

AwStr *aw_to_str(AwVM *vm, AwValue v) {
  if (AW_IS_STR(v)) return AW_AS_STR(v);
  if (AW_IS_BOOL(v)) return AW_AS_STR(AW_AS_BOOL(v) ? AW_N(vm, true) : AW_N(vm, false));
  if (AW_IS_NONE(v)) return AW_AS_STR(AW_N(vm, none));
  if (AW_IS_INT(v)) {
    AwValue s = aw_str_build(vm, &v, 1);  // exact size, known ASCII
    return AW_IS_STR(s) ? AW_AS_STR(s) : NULL;
  }
  AwBuf b;
  aw_buf_init(&b);
  return buf_finish(vm, &b, aw_buf_str(vm, &b, v));
}

// ---- hash -------------------------------------------------------------------------

// CPython's tuple hash (xxHash lanes), over already-hashed items.
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static uint64_t xx_step(uint64_t acc, uint64_t lane) {
  acc += lane * XXPRIME_2;
  acc = XXROTATE(acc);
  return acc * XXPRIME_1;
}

static uint64_t xx_finish(uint64_t acc, int64_t len) {
  acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539UL);
  if (acc == (uint64_t)-1) return 1546275796;
  return acc;
}

static AwValue unhashable(AwVM *vm, AwValue v) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "unhashable type: '%s'", aw_type_name(vm, v));
}

static bool hash_tuple(AwVM *vm, AwTuple *t, uint64_t *out) {
  if (t->hash) {
    *out = t->hash;
    return true;
  }
  if (!depth_enter(vm, " while calling a Python object")) return false;
  uint64_t acc = XXPRIME_5;
  for (int64_t i = 0; i < t->len; i++) {
    uint64_t h;
    if (!aw_hash(vm, t->items[i], &h)) {
      depth_leave(vm);
      return false;
    }
    acc = xx_step(acc, h);
  }
  depth_leave(vm);
  acc = xx_finish(acc, t->len);
  t->hash = acc;
  *out = acc;
  return true;
}

// CPython's frozenset hash, minus its table-layout corrections.
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

static uint64_t hash_frozenset(AwSet *s) {
  uint64_t h = 0;
  int64_t pos = 0;
  AwValue k, v;
  AwDict *d = &s->table;
  while (aw_dict_next(d, &pos, &k, &v)) h ^= shuffle_bits(d->entries[pos - 1].hash);
  h ^= ((uint64_t)d->len + 1) * 1927868237UL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923UL;
  if (h == (uint64_t)-1) h = 590923713UL;
  return h;
}

// hash(range) as CPython: the hash of (len, start, step) with the parts
// that do not matter replaced by None.
static uint64_t hash_range(AwVM *vm, AwRange *r) {
  uint64_t none_h;
  aw_hash(vm, AW_NONE, &none_h);
  uint64_t acc = XXPRIME_5;
  acc = xx_step(acc, (uint64_t)aw_ops_hash_int(r->len));
  acc = xx_step(acc, r->len == 0 ? none_h : (uint64_t)aw_ops_hash_int(r->start));
  acc = xx_step(acc, r->len <= 1 ? none_h : (uint64_t)aw_ops_hash_int(r->step));
  return xx_finish(acc, 3);
}

static uint64_t hash_identity(void *p) {
  uintptr_t y = (uintptr_t)p;
  // CPython's _Py_HashPointer: rotate away the always-zero alignment bits.
  return (uint64_t)((y >> 4) | (y << (8 * sizeof(void *) - 4)));
}

// The hash of a method's self: its identity (plain values by value).
static uint64_t hash_self(AwVM *vm, AwValue self) {
  if (AW_IS_OBJ(self)) return hash_identity(AW_AS_OBJ(self));
  uint64_t h = 0;
  if (!AW_IS_UNDEF(self)) aw_hash(vm, self, &h);  // None, bool, int, float: cannot fail
  return h;
}

// Instances: the first class up the chain that defines __hash__ or __eq__
// decides; a class defining __eq__ without __hash__ is unhashable (CPython
// sets its __hash__ to None at class creation).
static bool hash_instance(AwVM *vm, AwValue v, uint64_t *out) {
  AwValue hname = AW_N(vm, hash), ename = AW_N(vm, eq);
  AwClass *objc = AW_CLS(vm, object);
  AwValue obj_hash = aw_dict_get_str(objc->dict, hname);
  for (AwClass *c = aw_type_of(vm, v); c && c != objc; c = c->base == c ? NULL : c->base) {
    AwValue h = aw_dict_get_str(c->dict, hname);
    if (!AW_IS_UNDEF(h)) {
      if (AW_IS_NONE(h)) {
        unhashable(vm, v);
        return false;
      }
      if (aw_value_is(h, obj_hash)) break;
      AwValue r = call_found(vm, h, hname, v, 0, NULL);
      if (AW_IS_EXC(r)) return false;
      if (!AW_IS_INTLIKE(r)) {
        aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__hash__ method should return an integer");
        return false;
      }
      int64_t x = AW_AS_INT(r);
      *out = (uint64_t)(x == -1 ? -2 : x);
      return true;
    }
    if (!AW_IS_UNDEF(aw_dict_get_str(c->dict, ename))) {
      unhashable(vm, v);
      return false;
    }
  }
  *out = hash_identity(AW_AS_OBJ(v));
  return true;
}

bool aw_hash(AwVM *vm, AwValue v, uint64_t *out) {
  switch (v.tag) {
    case AW_T_NONE: *out = 0xFCA86420; return true;  // any constant: id-based in CPython
    case AW_T_BOOL:
    case AW_T_INT: *out = (uint64_t)aw_ops_hash_int(AW_AS_INT(v)); return true;
    case AW_T_FLOAT: *out = (uint64_t)aw_ops_hash_float(AW_AS_FLOAT(v)); return true;
    case AW_T_OBJ: break;
    default: *out = 0; return true;
  }
  AwObj *o = AW_AS_OBJ(v);
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_STR: *out = aw_str_hash((AwStr *)o); return true;
    case AW_OBJ_BYTES: *out = aw_bytes_hash((AwBytes *)o); return true;
    case AW_OBJ_TUPLE: return hash_tuple(vm, (AwTuple *)o, out);
    case AW_OBJ_SET:
      if (!(o->flags & AW_SET_FROZEN)) break;
      *out = hash_frozenset((AwSet *)o);
      return true;
    case AW_OBJ_RANGE: *out = hash_range(vm, (AwRange *)o); return true;
    case AW_OBJ_LIST: case AW_OBJ_DICT: case AW_OBJ_SLICE: break;
    case AW_OBJ_BOUND: {
      // CPython: identity of self (so [].append hashes), hash of the function.
      AwBound *m = (AwBound *)o;
      uint64_t hf;
      if (!aw_hash(vm, m->func, &hf)) return false;
      *out = hash_self(vm, m->self) ^ hf;
      return true;
    }
    case AW_OBJ_NATIVE: {
      AwNative *n = (AwNative *)o;
      *out = hash_self(vm, n->self) ^ hash_identity((void *)(uintptr_t)n->fn);
      return true;
    }
    case AW_OBJ_INSTANCE: case AW_OBJ_EXCEPTION: case AW_OBJ_ITER: case AW_OBJ_NATIVEDATA:
      return hash_instance(vm, v, out);
    default:
      *out = hash_identity(o);
      return true;
  }
  unhashable(vm, v);
  return false;
}

// ---- equality and ordering --------------------------------------------------------

static const AwCmpOp cmp_swapped[] = {AW_GT, AW_GE, AW_EQ, AW_NE, AW_LT, AW_LE};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const AwNameId cmp_names[] = {AW_NAME_lt, AW_NAME_le, AW_NAME_eq, AW_NAME_ne, AW_NAME_gt, AW_NAME_ge};

static AwValue seq_item(AwValue seq, int64_t i, int64_t *len) {
  if (AW_IS_LIST(seq)) {
    *len = AW_AS_LIST(seq)->len;
    return i < *len ? AW_AS_LIST(seq)->items[i] : AW_UNDEF;
  }
  *len = AW_AS_TUPLE(seq)->len;
  return i < *len ? AW_AS_TUPLE(seq)->items[i] : AW_UNDEF;
}

// list/tuple comparison: the first differing items decide, else lengths.
static AwValue seq_compare(AwVM *vm, AwValue a, AwValue b, AwCmpOp op) {
  int64_t la, lb;
  seq_item(a, 0, &la);
  seq_item(b, 0, &lb);
  if (la != lb && (op == AW_EQ || op == AW_NE)) return AW_BOOL(op == AW_NE);
  if (!depth_enter(vm, " in comparison")) return AW_EXC;
  AwValue x = AW_UNDEF, y = AW_UNDEF;
  for (int64_t i = 0;; i++) {
    // Re-read every round: a user __eq__ may mutate either list.
    x = seq_item(a, i, &la);
    y = seq_item(b, i, &lb);
    if (i >= la || i >= lb) {
      x = y = AW_UNDEF;
      break;
    }
    if (aw_value_is(x, y)) continue;
    int e = aw_eq(vm, x, y);
    if (e < 0) {
      depth_leave(vm);
      return AW_EXC;
    }
    if (!e) break;
  }
  AwValue r;
  if (AW_IS_UNDEF(x)) {
    int c = la < lb ? -1 : la > lb;
    r = AW_BOOL(aw_ops_arith_cmp_result(c, op));
  } else if (op == AW_EQ || op == AW_NE) {
    r = AW_BOOL(op == AW_NE);
  } else {
    r = aw_compare(vm, x, y, op);
  }
  depth_leave(vm);
  return r;
}

static int dict_eq(AwVM *vm, AwDict *a, AwDict *b) {
  if (a->len != b->len) return 0;
  if (!depth_enter(vm, " in comparison")) return -1;
  int64_t pos = 0;
  AwValue k, v;
  int result = 1;
  while (result == 1 && aw_dict_next(a, &pos, &k, &v)) {
    AwValue bv;
    int found = aw_dict_get(vm, b, k, &bv);
    if (found <= 0) {
      result = found;
      break;
    }
    result = aw_eq(vm, v, bv);
  }
  depth_leave(vm);
  return result;
}

// All of a's items are in b (a <= b for sets).
static int set_subset(AwVM *vm, AwSet *a, AwSet *b) {
  if (a->table.len > b->table.len) return 0;
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(&a->table, &pos, &k, &v)) {
    int c = aw_set_contains(vm, b, k);
    if (c <= 0) return c;
  }
  return 1;
}

static int range_eq(AwRange *a, AwRange *b) {
  if (a->len != b->len) return 0;
  if (a->len == 0) return 1;
  if (a->start != b->start) return 0;
  return a->len == 1 || a->step == b->step;
}

// == of two core values of the same kind: 1/0/-1.
static int core_eq_same_kind(AwVM *vm, AwValue a, AwValue b) {
  switch (AW_KIND(a)) {
    case AW_OBJ_STR: return aw_str_eq(AW_AS_STR(a), AW_AS_STR(b));
    case AW_OBJ_BYTES: {
      AwBytes *x = AW_AS_BYTES(a), *y = AW_AS_BYTES(b);
      return x->len == y->len && memcmp(x->data, y->data, (size_t)x->len) == 0;
    }
    case AW_OBJ_LIST: case AW_OBJ_TUPLE: {
      AwValue r = seq_compare(vm, a, b, AW_EQ);
      return AW_IS_EXC(r) ? -1 : AW_AS_BOOL(r);
    }
    case AW_OBJ_DICT: return dict_eq(vm, AW_AS_DICT(a), AW_AS_DICT(b));
    case AW_OBJ_SET:
      if (AW_AS_SET(a)->table.len != AW_AS_SET(b)->table.len) return 0;
      return set_subset(vm, AW_AS_SET(a), AW_AS_SET(b));
    case AW_OBJ_RANGE: return range_eq((AwRange *)AW_AS_OBJ(a), (AwRange *)AW_AS_OBJ(b));
    case AW_OBJ_SLICE: {
      AwSlice *x = (AwSlice *)AW_AS_OBJ(a), *y = (AwSlice *)AW_AS_OBJ(b);
      int e = aw_eq(vm, x->start, y->start);
      if (e == 1) e = aw_eq(vm, x->stop, y->stop);
      if (e == 1) e = aw_eq(vm, x->step, y->step);
      return e;
    }
    default: return aw_value_is(a, b);
  }
}

// == of two core values: 1/0/-1.
static int core_eq(AwVM *vm, AwValue a, AwValue b) {
  if (is_number(a) && is_number(b)) return aw_ops_arith_cmp(a, b) == 0;
  if (!AW_IS_OBJ(a) || !AW_IS_OBJ(b)) return aw_value_is(a, b);
  if (AW_KIND(a) != AW_KIND(b)) return 0;
  return core_eq_same_kind(vm, a, b);
}

// Bound methods and natives compare by (self identity, function).
static int method_eq(AwVM *vm, AwValue a, AwValue b) {
  if (AW_KIND(a) == AW_OBJ_BOUND) {
    AwBound *x = (AwBound *)AW_AS_OBJ(a), *y = (AwBound *)AW_AS_OBJ(b);
    if (!aw_value_is(x->self, y->self)) return 0;
    return aw_eq(vm, x->func, y->func);
  }
  AwNative *x = (AwNative *)AW_AS_OBJ(a), *y = (AwNative *)AW_AS_OBJ(b);
  return x->fn == y->fn && aw_value_is(x->self, y->self) && aw_value_is(x->data, y->data);
}

static bool is_method_pair(AwValue a, AwValue b) {
  if (!AW_IS_OBJ(a) || !AW_IS_OBJ(b) || AW_KIND(a) != AW_KIND(b)) return false;
  return AW_KIND(a) == AW_OBJ_BOUND || AW_KIND(a) == AW_OBJ_NATIVE;
}

static AwValue cmp_bool(int r) { return r < 0 ? AW_EXC : AW_BOOL(r); }

// a <op> b for a core [a]; UNDEF (NotImplemented) when [b] is not a
// comparable core value.
static AwValue core_compare(AwVM *vm, AwValue a, AwValue b, AwCmpOp op) {
  if (is_number(a) && is_number(b)) return AW_BOOL(aw_ops_arith_cmp_result(aw_ops_arith_cmp(a, b), op));
  if (!is_core(b)) return AW_UNDEF;
  if (op == AW_EQ) return cmp_bool(core_eq(vm, a, b));
  if (op == AW_NE) {
    int e = core_eq(vm, a, b);
    return e < 0 ? AW_EXC : AW_BOOL(!e);
  }
  if (!AW_IS_OBJ(a) || !AW_IS_OBJ(b) || AW_KIND(a) != AW_KIND(b)) return AW_UNDEF;
  switch (AW_KIND(a)) {
    case AW_OBJ_STR:
      return AW_BOOL(aw_ops_arith_cmp_result(aw_str_cmp(AW_AS_STR(a), AW_AS_STR(b)), op));
    case AW_OBJ_BYTES: {
      AwBytes *x = AW_AS_BYTES(a), *y = AW_AS_BYTES(b);
      int64_t n = x->len < y->len ? x->len : y->len;
      int c = memcmp(x->data, y->data, (size_t)n);
      if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
      return AW_BOOL(aw_ops_arith_cmp_result(c < 0 ? -1 : c > 0, op));
    }
    case AW_OBJ_LIST: case AW_OBJ_TUPLE:
      return seq_compare(vm, a, b, op);
    case AW_OBJ_SLICE: {
      // Slices order as their (start, stop, step) tuples.
      AwSlice *x = (AwSlice *)AW_AS_OBJ(a), *y = (AwSlice *)AW_AS_OBJ(b);
      AwValue tx = aw_tuple_pack(vm, 3, x->start, x->stop, x->step);
      if (AW_IS_EXC(tx)) return tx;
      aw_push_root(vm, tx);
      AwValue ty = aw_tuple_pack(vm, 3, y->start, y->stop, y->step);
      AwValue r = ty;
      if (!AW_IS_EXC(ty)) {
        aw_push_root(vm, ty);
        r = seq_compare(vm, tx, ty, op);
        aw_pop_root(vm);
      }
      aw_pop_root(vm);
      return r;
    }
    case AW_OBJ_SET: {
      AwSet *x = AW_AS_SET(a), *y = AW_AS_SET(b);
      switch (op) {
        case AW_LE: return cmp_bool(set_subset(vm, x, y));
        case AW_GE: return cmp_bool(set_subset(vm, y, x));
        case AW_LT: return x->table.len < y->table.len ? cmp_bool(set_subset(vm, x, y)) : AW_FALSE;
        case AW_GT: return y->table.len < x->table.len ? cmp_bool(set_subset(vm, y, x)) : AW_FALSE;
        default: return AW_UNDEF;
      }
    }
    default:
      return AW_UNDEF;
  }
}

// One side's comparison: a core kind's own, else the class's dunder (with
// object's default __ne__ = not __eq__). UNDEF means NotImplemented.
static AwValue try_compare(AwVM *vm, AwValue x, AwValue y, AwCmpOp op) {
  if (is_core(x)) return core_compare(vm, x, y, op);
  if ((op == AW_EQ || op == AW_NE) && is_method_pair(x, y)) {
    int e = method_eq(vm, x, y);
    return e < 0 ? AW_EXC : AW_BOOL(op == AW_EQ ? e : !e);
  }
  AwValue r = call_special_opt(vm, x, vm->names[cmp_names[op]], 1, &y);
  if (AW_IS_EXC(r)) return r;
  if (!AW_IS_UNDEF(r)) return is_not_implemented(vm, r) ? AW_UNDEF : r;
  if (op == AW_NE) {
    r = call_special_opt(vm, x, AW_N(vm, eq), 1, &y);
    if (AW_IS_EXC(r) || AW_IS_UNDEF(r)) return r;
    if (is_not_implemented(vm, r)) return AW_UNDEF;
    int t = aw_truthy(vm, r);
    return t < 0 ? AW_EXC : AW_BOOL(!t);
  }
  return AW_UNDEF;
}

// CPython's do_richcompare: the reflected operation first when b's type is
// a proper subclass of a's, then a's, then the reflected one, then
// identity for ==/!=.
static AwValue rich_compare(AwVM *vm, AwValue a, AwValue b, AwCmpOp op) {
  AwClass *ta = aw_type_of(vm, a), *tb = aw_type_of(vm, b);
  bool checked_reverse = false;
  AwValue r;
  if (ta != tb && aw_is_subclass(tb, ta)) {
    checked_reverse = true;
    r = try_compare(vm, b, a, cmp_swapped[op]);
    if (!AW_IS_UNDEF(r)) return r;
  }
  r = try_compare(vm, a, b, op);
  if (!AW_IS_UNDEF(r)) return r;
  if (!checked_reverse) {
    r = try_compare(vm, b, a, cmp_swapped[op]);
    if (!AW_IS_UNDEF(r)) return r;
  }
  if (op == AW_EQ) return AW_BOOL(aw_value_is(a, b));
  if (op == AW_NE) return AW_BOOL(!aw_value_is(a, b));
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' not supported between instances of '%s' and '%s'",
                   cmp_symbols[op], aw_type_name(vm, a), aw_type_name(vm, b));
}

// Objects whose == is identity and whose classes no script can change:
// comparing them needs no method lookup (waiter lists of thousands of
// futures are searched with ==).
static bool identity_eq_only(AwValue v) {
  if (!AW_IS_OBJ(v)) return false;
  AwObjKind k = (AwObjKind)AW_AS_OBJ(v)->kind;
  return k == AW_OBJ_FUTURE || k == AW_OBJ_NCORO || k == AW_OBJ_GENERATOR;
}

int aw_eq(AwVM *vm, AwValue a, AwValue b) {
  if (aw_value_is(a, b)) return 1;
  if (AW_IS_INT(a) && AW_IS_INT(b)) return 0;
  if (identity_eq_only(a) && identity_eq_only(b)) return 0;
  if (is_core(a) && is_core(b)) return core_eq(vm, a, b);
  if (is_method_pair(a, b)) return method_eq(vm, a, b);
  AwValue r = rich_compare(vm, a, b, AW_EQ);
  if (AW_IS_EXC(r)) return -1;
  if (AW_IS_BOOL(r)) return AW_AS_BOOL(r);
  return aw_truthy(vm, r);
}

AwValue aw_compare(AwVM *vm, AwValue a, AwValue b, AwCmpOp op) {
  if (is_number(a) && is_number(b)) return AW_BOOL(aw_ops_arith_cmp_result(aw_ops_arith_cmp(a, b), op));
  if (is_core(a) && is_core(b)) {
    AwValue r = core_compare(vm, a, b, op);
    if (!AW_IS_UNDEF(r)) return r;
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' not supported between instances of '%s' and '%s'",
                     cmp_symbols[op], aw_type_name(vm, a), aw_type_name(vm, b));
  }
  return rich_compare(vm, a, b, op);
}

int aw_less(AwVM *vm, AwValue a, AwValue b) {
  if (is_number(a) && is_number(b)) return aw_ops_arith_cmp(a, b) == -1;
  if (AW_IS_STR(a) && AW_IS_STR(b)) return aw_str_cmp(AW_AS_STR(a), AW_AS_STR(b)) < 0;
  AwValue r = aw_compare(vm, a, b, AW_LT);
  if (AW_IS_EXC(r)) return -1;
  if (AW_IS_BOOL(r)) return AW_AS_BOOL(r);
  return aw_truthy(vm, r);
}

// ---- truth and length ------------------------------------------------------------

// The int a __len__ returned, checked as CPython does.
static bool len_result(AwVM *vm, AwValue r, int64_t *out) {
  int64_t n;
  if (AW_IS_INTLIKE(r)) {
    n = AW_AS_INT(r);
  } else if (!aw_index(vm, r, &n)) {
    return false;
  }
  if (n < 0) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "__len__() should return >= 0");
    return false;
  }
  *out = n;
  return true;
}

// len() of a core container; false if v has no inline length.
static bool core_len(AwValue v, int64_t *out) {
  if (!AW_IS_OBJ(v)) return false;
  AwObj *o = AW_AS_OBJ(v);
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_STR: *out = ((AwStr *)o)->nchars; return true;
    case AW_OBJ_BYTES: *out = ((AwBytes *)o)->len; return true;
    case AW_OBJ_TUPLE: *out = ((AwTuple *)o)->len; return true;
    case AW_OBJ_LIST: *out = ((AwList *)o)->len; return true;
    case AW_OBJ_DICT: *out = ((AwDict *)o)->len; return true;
    case AW_OBJ_SET: *out = ((AwSet *)o)->table.len; return true;
    case AW_OBJ_RANGE: *out = ((AwRange *)o)->len; return true;
    default: return false;
  }
}

// Kinds whose class may define __bool__/__len__ (the rest are always true).
static bool has_dunder_protocol(AwValue v) {
  switch (AW_KIND(v)) {
    case AW_OBJ_INSTANCE: case AW_OBJ_EXCEPTION: case AW_OBJ_ITER: case AW_OBJ_NATIVEDATA:
    case AW_OBJ_FRAMEREF:
      return true;
    default:
      return false;
  }
}

int aw_truthy(AwVM *vm, AwValue v) {
  switch (v.tag) {
    case AW_T_BOOL: case AW_T_INT: return AW_AS_INT(v) != 0;
    case AW_T_FLOAT: return AW_AS_FLOAT(v) != 0.0;
    case AW_T_OBJ: break;
    default: return 0;
  }
  int64_t n;
  if (core_len(v, &n)) return n != 0;
  if (!has_dunder_protocol(v)) return 1;
  AwValue r = call_special_opt(vm, v, AW_N(vm, bool), 0, NULL);
  if (AW_IS_EXC(r)) return -1;
  if (!AW_IS_UNDEF(r)) {
    if (AW_IS_BOOL(r)) return AW_AS_BOOL(r);
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__bool__ should return bool, returned %s", aw_type_name(vm, r));
    return -1;
  }
  r = call_special_opt(vm, v, AW_N(vm, len), 0, NULL);
  if (AW_IS_EXC(r)) return -1;
  if (AW_IS_UNDEF(r)) return 1;
  if (!len_result(vm, r, &n)) return -1;
  return n != 0;
}

bool aw_len(AwVM *vm, AwValue v, int64_t *out) {
  if (core_len(v, out)) return true;
  AwValue r = AW_IS_OBJ(v) ? call_special_opt(vm, v, AW_N(vm, len), 0, NULL) : AW_UNDEF;
  if (AW_IS_EXC(r)) return false;
  if (AW_IS_UNDEF(r)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "object of type '%s' has no len()", aw_type_name(vm, v));
    return false;
  }
  return len_result(vm, r, out);
}

bool aw_index(AwVM *vm, AwValue v, int64_t *out) {
  if (AW_IS_INTLIKE(v)) {
    *out = AW_AS_INT(v);
    return true;
  }
  if (AW_IS_OBJ(v) && !is_core(v)) {
    AwValue r = call_special_opt(vm, v, AW_N(vm, index), 0, NULL);
    if (AW_IS_EXC(r)) return false;
    if (!AW_IS_UNDEF(r)) {
      if (AW_IS_INTLIKE(r)) {
        *out = AW_AS_INT(r);
        return true;
      }
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__index__ returned non-int (type %s)", aw_type_name(vm, r));
      return false;
    }
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object cannot be interpreted as an integer",
            aw_type_name(vm, v));
  return false;
}

// ---- binary operators ------------------------------------------------------------

// Per AwBinOp: the dunder, its reflection and its in-place form.
static const AwNameId binop_names[AW_BINOP__COUNT][3] = {
    {AW_NAME_add, AW_NAME_radd, AW_NAME_iadd},
    {AW_NAME_sub, AW_NAME_rsub, AW_NAME_isub},
    {AW_NAME_mul, AW_NAME_rmul, AW_NAME_imul},
    {AW_NAME_matmul, AW_NAME_rmatmul, AW_NAME_imatmul},
    {AW_NAME_truediv, AW_NAME_rtruediv, AW_NAME_itruediv},
    {AW_NAME_floordiv, AW_NAME_rfloordiv, AW_NAME_ifloordiv},
    {AW_NAME_mod, AW_NAME_rmod, AW_NAME_imod},
    {AW_NAME_pow, AW_NAME_rpow, AW_NAME_ipow},
    {AW_NAME_lshift, AW_NAME_rlshift, AW_NAME_ilshift},
    {AW_NAME_rshift, AW_NAME_rrshift, AW_NAME_irshift},
    {AW_NAME_or, AW_NAME_ror, AW_NAME_ior},
    {AW_NAME_xor, AW_NAME_rxor, AW_NAME_ixor},
    {AW_NAME_and, AW_NAME_rand, AW_NAME_iand},
};
static const char *const binop_symbols[AW_BINOP__COUNT] = {
    "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&",
};

static bool is_sequence(AwValue v) {
  return AW_IS_STR(v) || AW_IS_LIST(v) || AW_IS_TUPLE(v) || AW_IS_BYTES(v);
}

static AwValue concat(AwVM *vm, AwValue a, AwValue b) {
  switch (AW_KIND(a)) {
    case AW_OBJ_STR: return aw_str_concat(vm, a, b);
    case AW_OBJ_LIST: {
      AwList *x = AW_AS_LIST(a), *y = AW_AS_LIST(b);
      AwList *l = aw_list_new(vm, x->len + y->len);
      if (!l) return AW_EXC;
      if (x->len) memcpy(l->items, x->items, (size_t)x->len * sizeof(AwValue));
      if (y->len) memcpy(l->items + x->len, y->items, (size_t)y->len * sizeof(AwValue));
      l->len = x->len + y->len;
      return AW_OBJ(l);
    }
    case AW_OBJ_TUPLE: {
      AwTuple *x = AW_AS_TUPLE(a), *y = AW_AS_TUPLE(b);
      if (y->len == 0) return a;
      if (x->len == 0) return b;
      AwTuple *t = aw_tuple_new(vm, x->len + y->len);
      if (!t) return AW_EXC;
      memcpy(t->items, x->items, (size_t)x->len * sizeof(AwValue));
      memcpy(t->items + x->len, y->items, (size_t)y->len * sizeof(AwValue));
      return AW_OBJ(t);
    }
    default: {  // bytes
      AwBytes *x = AW_AS_BYTES(a), *y = AW_AS_BYTES(b);
      size_t n = (size_t)(x->len + y->len);
      uint8_t *tmp = aw_mem_alloc(vm, n ? n : 1);
      if (!tmp) return AW_EXC;
      memcpy(tmp, x->data, (size_t)x->len);
      memcpy(tmp + x->len, y->data, (size_t)y->len);
      AwValue r = aw_bytes_new(vm, tmp, n);
      aw_mem_free(vm, tmp, n ? n : 1);
      return r;
    }
  }
}

// Fills dst[0..total) with copies of src[0..n) by doubling.
static void fill_repeat(char *dst, const char *src, size_t n, size_t total) {
  memcpy(dst, src, n);
  size_t done = n;
  while (done < total) {
    size_t k = done <= total - done ? done : total - done;
    memcpy(dst + done, dst, k);
    done += k;
  }
}

// seq * n (n already an int).
static AwValue repeat(AwVM *vm, AwValue seq, int64_t n) {
  int64_t len;
  core_len(seq, &len);
  if (AW_IS_STR(seq)) len = AW_AS_STR(seq)->nbytes;
  if (n < 0) n = 0;
  if ((n == 1 && (AW_IS_STR(seq) || AW_IS_TUPLE(seq) || AW_IS_BYTES(seq))) || (len == 0 && !AW_IS_LIST(seq)))
    return seq;
  int64_t total;
  size_t item = AW_IS_LIST(seq) || AW_IS_TUPLE(seq) ? sizeof(AwValue) : 1;
  if (__builtin_mul_overflow(len, n, &total) || total > (INT64_MAX / 16) / (int64_t)item)
    return aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
  switch (AW_KIND(seq)) {
    case AW_OBJ_LIST: {
      AwList *l = aw_list_new(vm, total);
      if (!l) return AW_EXC;
      if (total) fill_repeat((char *)l->items, (const char *)AW_AS_LIST(seq)->items, (size_t)len * item,
                             (size_t)total * item);
      l->len = total;
      return AW_OBJ(l);
    }
    case AW_OBJ_TUPLE: {
      if (total == 0) return vm->empty_tuple;
      AwTuple *t = aw_tuple_new(vm, total);
      if (!t) return AW_EXC;
      fill_repeat((char *)t->items, (const char *)AW_AS_TUPLE(seq)->items, (size_t)len * item,
                  (size_t)total * item);
      return AW_OBJ(t);
    }
    default: {
      if (total == 0) {
        if (AW_IS_STR(seq)) return vm->empty_str;
        return aw_bytes_new(vm, "", 0);
      }
      char *tmp = aw_mem_alloc(vm, (size_t)total);
      if (!tmp) return AW_EXC;
      const char *src = AW_IS_STR(seq) ? AW_AS_STR(seq)->data : (const char *)AW_AS_BYTES(seq)->data;
      fill_repeat(tmp, src, (size_t)len, (size_t)total);
      AwValue r = AW_IS_STR(seq) ? aw_str_new(vm, tmp, (size_t)total) : aw_bytes_new(vm, tmp, (size_t)total);
      aw_mem_free(vm, tmp, (size_t)total);
      return r;
    }
  }
}

// The repeat count for seq * v: int, bool or an object with __index__.
// 1 ok, 0 not an index (nothing raised), -1 error.
static int repeat_count(AwVM *vm, AwValue v, int64_t *n) {
  if (AW_IS_INTLIKE(v)) {
    *n = AW_AS_INT(v);
    return 1;
  }
  if (!AW_IS_OBJ(v) || is_core(v)) return 0;
  AwValue f = find_special(vm, v, AW_N(vm, index));
  if (AW_IS_EXC(f)) return -1;
  if (AW_IS_UNDEF(f)) return 0;
  return aw_index(vm, v, n) ? 1 : -1;
}

// The set table layout belongs to set.c: its operators do the work.
static char set_op_char(int op) {
  switch (op) {
    case AW_BINOP_BITOR: return '|';
    case AW_BINOP_BITAND: return '&';
    case AW_BINOP_SUB: return '-';
    default: return '^';
  }
}

// |, &, -, ^ of two sets; the result has the left operand's type.
static AwValue set_binop(AwVM *vm, int op, AwValue a, AwValue b) {
  return aw_set_binary_op(vm, set_op_char(op), a, b);
}

// s op= t for a (non-frozen) set: mutates [a].
static AwValue set_inplace(AwVM *vm, int op, AwValue a, AwValue b) {
  return aw_set_update_op(vm, AW_AS_SET(a), b, set_op_char(op)) ? a : AW_EXC;
}

static AwValue call_method_cstr(AwVM *vm, AwValue self, const char *name, int argc, AwValue *argv) {
  AwValue n = aw_str_intern(vm, name, strlen(name));
  if (AW_IS_EXC(n)) return n;
  return aw_call_method(vm, self, n, argc, argv);
}

// a op b where a is a core value; UNDEF means NotImplemented.
static AwValue core_binop(AwVM *vm, int op, AwValue a, AwValue b) {
  if (is_number(a) && is_number(b)) return aw_ops_arith_binary(vm, op, a, b);
  if (!AW_IS_OBJ(a) && !AW_IS_OBJ(b)) return AW_UNDEF;
  int64_t n;
  int rc;
  switch (op) {
    case AW_BINOP_ADD:
      if (AW_IS_OBJ(a) && AW_IS_OBJ(b) && AW_KIND(a) == AW_KIND(b) && is_sequence(a)) return concat(vm, a, b);
      return AW_UNDEF;
    case AW_BINOP_MUL:
      if (is_sequence(a)) {
        if ((rc = repeat_count(vm, b, &n)) != 0) return rc < 0 ? AW_EXC : repeat(vm, a, n);
      } else if (is_sequence(b)) {
        if ((rc = repeat_count(vm, a, &n)) != 0) return rc < 0 ? AW_EXC : repeat(vm, b, n);
      }
      return AW_UNDEF;
    case AW_BINOP_MOD:
      if (AW_IS_STR(a)) return aw_str_mod(vm, a, b);
      if (AW_IS_BYTES(a)) {
        AwValue f = aw_lookup_special(vm, a, AW_N(vm, mod));
        if (!AW_IS_UNDEF(f)) return call_found(vm, f, AW_N(vm, mod), a, 1, &b);
      }
      return AW_UNDEF;
    case AW_BINOP_SUB: case AW_BINOP_BITAND: case AW_BINOP_BITXOR: case AW_BINOP_BITOR:
      if (AW_IS_SET(a) && AW_IS_SET(b)) return set_binop(vm, op, a, b);
      if (op == AW_BINOP_BITOR && AW_IS_DICT(a) && AW_IS_DICT(b)) {
        AwDict *d = aw_dict_copy(vm, AW_AS_DICT(a));
        if (!d) return AW_EXC;
        aw_push_root(vm, AW_OBJ(d));  // keys' __eq__ may run script code
        bool ok = aw_dict_copy_into(vm, d, AW_AS_DICT(b));
        aw_pop_root(vm);
        return ok ? AW_OBJ(d) : AW_EXC;
      }
      return AW_UNDEF;
    default:
      return AW_UNDEF;
  }
}

// x op= y for the mutable core kinds and __iop__; UNDEF to fall back to
// the binary operation.
static AwValue inplace_op(AwVM *vm, int op, AwValue a, AwValue b) {
  if (!AW_IS_OBJ(a)) return AW_UNDEF;
  switch (AW_KIND(a)) {
    case AW_OBJ_LIST: {
      AwList *l = AW_AS_LIST(a);
      if ((op == AW_BINOP_ADD || op == AW_BINOP_MUL) && !is_core(b)) {
        // list has no number slots: b.__radd__/__rmul__ gets the first try.
        AwValue rname = vm->names[binop_names[op][1]];
        AwValue r = call_special_opt(vm, b, rname, 1, &a);
        if (AW_IS_EXC(r)) return r;
        if (!AW_IS_UNDEF(r) && !is_not_implemented(vm, r)) return r;
      }
      if (op == AW_BINOP_ADD) return aw_list_extend(vm, l, b) ? a : AW_EXC;
      int64_t n;
      int rc;
      if (op != AW_BINOP_MUL || (rc = repeat_count(vm, b, &n)) == 0) return AW_UNDEF;
      if (rc < 0) return AW_EXC;
      if (n <= 0) {
        l->len = 0;
        return a;
      }
      int64_t len = l->len;
      for (int64_t k = 1; k < n; k++)
        for (int64_t i = 0; i < len; i++)
          if (!aw_list_append(vm, l, l->items[i])) return AW_EXC;
      return a;
    }
    case AW_OBJ_SET:
      if ((AW_AS_OBJ(a)->flags & AW_SET_FROZEN) || !AW_IS_SET(b)) return AW_UNDEF;
      if (op == AW_BINOP_BITOR || op == AW_BINOP_BITAND || op == AW_BINOP_SUB || op == AW_BINOP_BITXOR)
        return set_inplace(vm, op, a, b);
      return AW_UNDEF;
    case AW_OBJ_DICT: {
      if (op != AW_BINOP_BITOR) return AW_UNDEF;
      if (AW_IS_DICT(b)) return aw_dict_copy_into(vm, AW_AS_DICT(a), AW_AS_DICT(b)) ? a : AW_EXC;
      AwValue r = call_method_cstr(vm, a, "update", 1, &b);
      return AW_IS_EXC(r) ? r : a;
    }
    default:
      if (is_core(a)) return AW_UNDEF;
      break;
  }
  AwValue r = call_special_opt(vm, a, vm->names[binop_names[op][2]], 1, &b);
  if (AW_IS_EXC(r)) return r;
  if (AW_IS_UNDEF(r) || is_not_implemented(vm, r)) return AW_UNDEF;
  return r;
}

// CPython's binary_op1: a.__op__(b), b.__rop__(a) -- the reflected one first
// when b's type is a proper subclass of a's that overrides it.
// UNDEF = neither side implements it.
static AwValue binary_protocol(AwVM *vm, int op, AwValue a, AwValue b) {
  bool ca = is_core(a), cb = is_core(b);
  if (ca && cb) return core_binop(vm, op, a, b);
  AwValue name = vm->names[binop_names[op][0]], rname = vm->names[binop_names[op][1]];
  AwClass *ta = aw_type_of(vm, a), *tb = aw_type_of(vm, b);
  AwValue fa = ca ? AW_TRUE : find_special(vm, a, name);
  if (AW_IS_EXC(fa)) return fa;
  AwValue fb = AW_UNDEF;
  if (ta != tb && !cb) {
    fb = find_special(vm, b, rname);
    if (AW_IS_EXC(fb)) return fb;
  }
  AwValue r;
  if (!AW_IS_UNDEF(fa) && !AW_IS_UNDEF(fb) && !ca && aw_is_subclass(tb, ta) &&
      !aw_value_is(fb, aw_class_lookup(vm, ta, rname))) {
    r = call_found(vm, fb, rname, b, 1, &a);
    if (AW_IS_EXC(r) || !is_not_implemented(vm, r)) return r;
    fb = AW_UNDEF;
  }
  if (!AW_IS_UNDEF(fa)) {
    r = ca ? core_binop(vm, op, a, b) : call_found(vm, fa, name, a, 1, &b);
    if (AW_IS_EXC(r)) return r;
    if (!AW_IS_UNDEF(r) && !is_not_implemented(vm, r)) return r;
  }
  if (!AW_IS_UNDEF(fb)) {
    r = call_found(vm, fb, rname, b, 1, &a);
    if (AW_IS_EXC(r)) return r;
    if (!is_not_implemented(vm, r)) return r;
  }
  if (cb && !ca) {
    // seq * obj-with-__index__ is the sequence's operation.
    r = core_binop(vm, op, a, b);
    if (!AW_IS_UNDEF(r)) return r;
  }
  return AW_UNDEF;
}

static AwValue binop_error(AwVM *vm, int op, bool inplace, AwValue a, AwValue b) {
  if (op == AW_BINOP_ADD) {
    if (AW_IS_STR(a) || AW_IS_LIST(a) || AW_IS_TUPLE(a))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can only concatenate %s (not \"%s\") to %s",
                       aw_type_name(vm, a), aw_type_name(vm, b), aw_type_name(vm, a));
    if (AW_IS_BYTES(a))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't concat %s to bytes", aw_type_name(vm, b));
  }
  // In place, a user class's (empty) sequence slots win over b's repeat.
  bool user_left = inplace && AW_IS_OBJ(a) && !is_core(a) && !aw_type_of(vm, a)->is_builtin;
  if (op == AW_BINOP_MUL && (is_sequence(a) || is_sequence(b)) && !user_left)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't multiply sequence by non-int of type '%s'",
                     aw_type_name(vm, is_sequence(a) ? b : a));
  const char *sym = binop_symbols[op];
  char buf[16];
  if (inplace) {
    snprintf(buf, sizeof buf, "%s=", sym);
    sym = buf;
  } else if (op == AW_BINOP_POW) {
    sym = "** or pow()";
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                   aw_type_name(vm, a), aw_type_name(vm, b));
}

AwValue aw_binary_op(AwVM *vm, int op, AwValue a, AwValue b) {
  bool inplace = (op & AW_BINOP_INPLACE) != 0;
  op &= ~AW_BINOP_INPLACE;
  if ((unsigned)op >= AW_BINOP__COUNT)
    return aw_raisef(vm, AW_EXCCLS(vm, SystemError), "bad binary operator %d", op);
  AwValue r;
  if (is_number(a) && is_number(b)) {
    r = aw_ops_arith_binary(vm, op, a, b);
    if (!AW_IS_UNDEF(r)) return r;
    return binop_error(vm, op, inplace, a, b);
  }
  if (inplace) {
    r = inplace_op(vm, op, a, b);
    if (!AW_IS_UNDEF(r)) return r;
  }
  r = binary_protocol(vm, op, a, b);
  if (!AW_IS_UNDEF(r)) return r;
  return binop_error(vm, op, inplace, a, b);
}

// ---- unary operators -----------------------------------------------------------------

static AwValue unary_dispatch(AwVM *vm, int op, AwValue v, AwValue name, const char *errfmt) {
  if (is_number(v)) {
    AwValue r = aw_ops_arith_unary(vm, op, v);
    if (!AW_IS_UNDEF(r)) return r;
  } else if (!is_core(v)) {
    AwValue r = call_special_opt(vm, v, name, 0, NULL);
    if (!AW_IS_UNDEF(r)) return r;
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), errfmt, aw_type_name(vm, v));
}

AwValue aw_unary_op(AwVM *vm, int op, AwValue v) {
  switch (op) {
    case AW_UNARY_NEG: return unary_dispatch(vm, op, v, AW_N(vm, neg), "bad operand type for unary -: '%s'");
    case AW_UNARY_POS: return unary_dispatch(vm, op, v, AW_N(vm, pos), "bad operand type for unary +: '%s'");
    case AW_UNARY_INVERT:
      return unary_dispatch(vm, op, v, AW_N(vm, invert), "bad operand type for unary ~: '%s'");
    case AW_UNARY_NOT: {
      int t = aw_truthy(vm, v);
      return t < 0 ? AW_EXC : AW_BOOL(!t);
    }
    default: return aw_raisef(vm, AW_EXCCLS(vm, SystemError), "bad unary operator %d", op);
  }
}

AwValue aw_abs(AwVM *vm, AwValue v) {
  return unary_dispatch(vm, AW_OPS_UNARY_ABS, v, AW_N(vm, abs), "bad operand type for abs(): '%s'");
}

// ---- subscripts ------------------------------------------------------------------------

// The integer subscript of a core sequence: 1 ok, 0 a slice (the class's
// native __getitem__ handles those), -1 error (bad key type raised).
static int subscript_int(AwVM *vm, AwValue obj, AwValue key, int64_t *out) {
  if (AW_IS_INTLIKE(key)) {
    *out = AW_AS_INT(key);
    return 1;
  }
  if (AW_IS_KIND(key, AW_OBJ_SLICE)) return 0;
  if (AW_IS_OBJ(key) && !is_core(key)) {
    AwValue f = find_special(vm, key, AW_N(vm, index));
    if (AW_IS_EXC(f)) return -1;
    if (!AW_IS_UNDEF(f)) return aw_index(vm, key, out) ? 1 : -1;
  }
  const char *tn = aw_type_name(vm, key);
  switch (AW_KIND(obj)) {
    case AW_OBJ_STR: type_error(vm, "string indices must be integers, not '%s'", tn, NULL); break;
    case AW_OBJ_BYTES: type_error(vm, "byte indices must be integers or slices, not %s", tn, NULL); break;
    default: type_error(vm, "%s indices must be integers or slices, not %s", aw_type_name(vm, obj), tn); break;
  }
  return -1;
}

static AwValue index_error(AwVM *vm, const char *msg) {
  return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "%s", msg);
}

static AwValue key_error(AwVM *vm, AwValue key) { return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &key); }

// obj[key] for core kinds with an integer or hashable key; UNDEF to
// delegate (slices) to the class's __getitem__.
static AwValue core_getitem(AwVM *vm, AwValue obj, AwValue key) {
  AwObj *o = AW_AS_OBJ(obj);
  int64_t i, len;
  int rc;
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_DICT: {
      AwValue v;
      int found = aw_dict_get(vm, (AwDict *)o, key, &v);
      if (found < 0) return AW_EXC;
      return found ? v : key_error(vm, key);
    }
    case AW_OBJ_LIST: case AW_OBJ_TUPLE: case AW_OBJ_STR: case AW_OBJ_BYTES: case AW_OBJ_RANGE:
      break;
    default:
      return AW_UNDEF;
  }
  if ((rc = subscript_int(vm, obj, key, &i)) <= 0) return rc < 0 ? AW_EXC : AW_UNDEF;
  core_len(obj, &len);
  if (i < 0) i += len;
  bool in = i >= 0 && i < len;
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_LIST: return in ? ((AwList *)o)->items[i] : index_error(vm, "list index out of range");
    case AW_OBJ_TUPLE: return in ? ((AwTuple *)o)->items[i] : index_error(vm, "tuple index out of range");
    case AW_OBJ_STR: return in ? aw_str_getitem(vm, obj, i) : index_error(vm, "string index out of range");
    case AW_OBJ_BYTES: return in ? AW_INT(((AwBytes *)o)->data[i]) : index_error(vm, "index out of range");
    default: {
      AwRange *r = (AwRange *)o;
      return in ? AW_INT(r->start + i * r->step) : index_error(vm, "range object index out of range");
    }
  }
}

AwValue aw_getitem(AwVM *vm, AwValue obj, AwValue key) {
  if (AW_IS_OBJ(obj)) {
    AwValue r = core_getitem(vm, obj, key);
    if (!AW_IS_UNDEF(r)) return r;
    AwValue f = aw_lookup_special(vm, obj, AW_N(vm, getitem));
    if (AW_IS_EXC(f)) return f;
    if (!AW_IS_UNDEF(f)) return call_found(vm, f, AW_N(vm, getitem), obj, 1, &key);
  }
  if (AW_IS_CLASS(obj)) {
    AwClass *c = AW_AS_CLASS(obj);
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "type '%s' is not subscriptable",
                     AW_IS_STR(c->name) ? AW_AS_STR(c->name)->data : "?");
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not subscriptable", aw_type_name(vm, obj));
}

bool aw_setitem(AwVM *vm, AwValue obj, AwValue key, AwValue value) {
  if (AW_IS_DICT(obj)) return aw_dict_set(vm, AW_AS_DICT(obj), key, value);
  if (AW_IS_LIST(obj)) {
    int64_t i;
    int rc = subscript_int(vm, obj, key, &i);
    if (rc < 0) return false;
    if (rc > 0) {
      AwList *l = AW_AS_LIST(obj);
      if (i < 0) i += l->len;
      if (i < 0 || i >= l->len) {
        index_error(vm, "list assignment index out of range");
        return false;
      }
      l->items[i] = value;
      return true;
    }
  }
  if (AW_IS_OBJ(obj)) {
    AwValue f = aw_lookup_special(vm, obj, AW_N(vm, setitem));
    if (AW_IS_EXC(f)) return false;
    if (!AW_IS_UNDEF(f)) {
      AwValue args[2] = {key, value};
      return !AW_IS_EXC(call_found(vm, f, AW_N(vm, setitem), obj, 2, args));
    }
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object does not support item assignment", aw_type_name(vm, obj));
  return false;
}

bool aw_delitem(AwVM *vm, AwValue obj, AwValue key) {
  if (AW_IS_DICT(obj)) {
    int rc = aw_dict_del(vm, AW_AS_DICT(obj), key, NULL);
    if (rc == 0) key_error(vm, key);
    return rc > 0;
  }
  if (AW_IS_LIST(obj)) {
    int64_t i;
    int rc = subscript_int(vm, obj, key, &i);
    if (rc < 0) return false;
    if (rc > 0) {
      AwList *l = AW_AS_LIST(obj);
      if (i < 0) i += l->len;
      if (i < 0 || i >= l->len) {
        index_error(vm, "list assignment index out of range");
        return false;
      }
      memmove(&l->items[i], &l->items[i + 1], (size_t)(l->len - i - 1) * sizeof(AwValue));
      l->len--;
      return true;
    }
  }
  if (AW_IS_OBJ(obj)) {
    AwValue f = aw_lookup_special(vm, obj, AW_N(vm, delitem));
    if (AW_IS_EXC(f)) return false;
    if (!AW_IS_UNDEF(f)) return !AW_IS_EXC(call_found(vm, f, AW_N(vm, delitem), obj, 1, &key));
  }
  // CPython words it by whether the type has sequence slots (user classes
  // always do).
  bool seq = AW_IS_OBJ(obj) && (is_core(obj) || !aw_type_of(vm, obj)->is_builtin);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object %s support item deletion", aw_type_name(vm, obj),
            seq ? "doesn't" : "does not");
  return false;
}

// ---- iteration -----------------------------------------------------------------------------

// True if [r] (the result of an __iter__) is an iterator.
static bool is_iterator(AwVM *vm, AwValue r) {
  if (!AW_IS_OBJ(r)) return false;
  if (AW_KIND(r) == AW_OBJ_ITER) return !is_dict_view(vm, aw_obj_class(vm, AW_AS_OBJ(r)));
  if (AW_KIND(r) == AW_OBJ_GENERATOR) return aw_obj_class(vm, AW_AS_OBJ(r)) == AW_CLS(vm, generator);
  AwValue f = aw_lookup_special(vm, r, AW_N(vm, next));
  return !AW_IS_UNDEF(f) && !AW_IS_EXC(f);
}

// bytes_iterator: a = the bytes, i = the next index.
static AwValue bytes_iter_next(AwVM *vm, AwIter *it) {
  (void)vm;
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwBytes *b = AW_AS_BYTES(it->a);
  if (it->i < b->len) return AW_INT(b->data[it->i++]);
  it->a = AW_UNDEF;
  return AW_UNDEF;
}

AwValue aw_get_iter(AwVM *vm, AwValue v) {
  if (AW_IS_OBJ(v)) {
    if (AW_KIND(v) == AW_OBJ_STR) return aw_str_iter(vm, v);
    if (AW_KIND(v) == AW_OBJ_BYTES) {
      AwIter *it = aw_iter_new(vm, AW_CLS(vm, bytes_iterator), bytes_iter_next, v, AW_UNDEF);
      return it ? AW_OBJ(it) : AW_EXC;
    }
    AwValue r = aw_iter_builtin(vm, v);
    if (!AW_IS_UNDEF(r)) return r;
    if (AW_KIND(v) == AW_OBJ_GENERATOR && aw_obj_class(vm, AW_AS_OBJ(v)) == AW_CLS(vm, generator)) return v;
    AwValue f = aw_lookup_special(vm, v, AW_N(vm, iter));
    if (AW_IS_EXC(f)) return f;
    if (!AW_IS_UNDEF(f) && !AW_IS_NONE(f)) {
      r = call_found(vm, f, AW_N(vm, iter), v, 0, NULL);
      if (AW_IS_EXC(r) || is_iterator(vm, r)) return r;
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "iter() returned non-iterator of type '%s'",
                       aw_type_name(vm, r));
    }
    if (AW_IS_UNDEF(f) && !is_core(v)) {
      f = aw_lookup_special(vm, v, AW_N(vm, getitem));
      if (AW_IS_EXC(f)) return f;
      if (!AW_IS_UNDEF(f) && AW_KIND(v) != AW_OBJ_CLASS) return aw_iter_seq(vm, v);
    }
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not iterable", aw_type_name(vm, v));
}

AwValue aw_iter_next(AwVM *vm, AwValue it) {
  if (AW_IS_OBJ(it)) {
    AwObj *o = AW_AS_OBJ(it);
    if (o->kind == AW_OBJ_ITER && ((AwIter *)o)->next && !is_dict_view(vm, aw_obj_class(vm, o)))
      return ((AwIter *)o)->next(vm, (AwIter *)o);
    if (o->kind == AW_OBJ_GENERATOR && ((AwGen *)o)->gkind == AW_GENKIND_GENERATOR) {
      AwValue out;
      switch (aw_gen_resume(vm, (AwGen *)o, AW_NONE, AW_UNDEF, &out)) {
        case AW_RESUME_YIELD: return out;
        case AW_RESUME_RETURN: return AW_UNDEF;
        default: return AW_EXC;
      }
    }
    AwValue f = aw_lookup_special(vm, it, AW_N(vm, next));
    if (AW_IS_EXC(f)) return f;
    if (!AW_IS_UNDEF(f)) {
      AwValue r = call_found(vm, f, AW_N(vm, next), it, 0, NULL);
      if (AW_IS_EXC(r) && aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
        aw_exc_take(vm);
        return AW_UNDEF;
      }
      return r;
    }
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not an iterator", aw_type_name(vm, it));
}

// ---- membership ------------------------------------------------------------------------------

// Substring search (memmem is not C11).
static bool bytes_find(const void *hay, size_t n, const void *needle, size_t m) {
  const unsigned char *h = hay, *nd = needle;
  if (m == 0) return true;
  while (n >= m) {
    const unsigned char *p = memchr(h, nd[0], n - m + 1);
    if (!p) return false;
    if (memcmp(p, nd, m) == 0) return true;
    n -= (size_t)(p - h) + 1;
    h = p + 1;
  }
  return false;
}

static int str_contains(AwVM *vm, AwStr *hay, AwValue item) {
  if (!AW_IS_STR(item)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'in <string>' requires string as left operand, not %s",
              aw_type_name(vm, item));
    return -1;
  }
  AwStr *needle = AW_AS_STR(item);
  if (needle->nbytes == 0) return 1;
  if (needle->nbytes > hay->nbytes) return 0;
  // UTF-8 is self-synchronising: a byte match is a code point match.
  return bytes_find(hay->data, (size_t)hay->nbytes, needle->data, (size_t)needle->nbytes);
}

static int bytes_contains(AwVM *vm, AwBytes *hay, AwValue item) {
  if (AW_IS_INTLIKE(item)) {
    int64_t c = AW_AS_INT(item);
    if (c < 0 || c > 255) {
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "byte must be in range(0, 256)");
      return -1;
    }
    return hay->len > 0 && memchr(hay->data, (int)c, (size_t)hay->len) != NULL;
  }
  if (!AW_IS_BYTES(item)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a bytes-like object is required, not '%s'", aw_type_name(vm, item));
    return -1;
  }
  AwBytes *needle = AW_AS_BYTES(item);
  if (needle->len == 0) return 1;
  if (needle->len > hay->len) return 0;
  return bytes_find(hay->data, (size_t)hay->len, needle->data, (size_t)needle->len);
}

static int range_contains_int(AwRange *r, int64_t x) {
  if (r->len == 0) return 0;
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
  // x lies between start and stop, so the distance fits in uint64.
  uint64_t dist = r->step > 0 ? (uint64_t)x - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)x;
  uint64_t step = r->step > 0 ? (uint64_t)r->step : (uint64_t)0 - (uint64_t)r->step;
  return dist % step == 0;
}

// `item in v` by iterating v (the last resort, as CPython).
static int contains_by_iter(AwVM *vm, AwValue v, AwValue item) {
  AwValue it = aw_get_iter(vm, v);
  if (AW_IS_EXC(it)) return -1;
  aw_push_root(vm, it);
  int result = 0;
  for (;;) {
    AwValue x = aw_iter_next(vm, it);
    if (AW_IS_EXC(x)) {
      result = -1;
      break;
    }
    if (AW_IS_UNDEF(x)) break;
    int e = aw_value_is(x, item) ? 1 : aw_eq(vm, x, item);
    if (e != 0) {
      result = e;
      break;
    }
  }
  aw_pop_root(vm);
  return result;
}

int aw_contains(AwVM *vm, AwValue container, AwValue item) {
  if (!AW_IS_OBJ(container)) goto not_iterable;
  AwObj *o = AW_AS_OBJ(container);
  switch ((AwObjKind)o->kind) {
    case AW_OBJ_DICT: {
      AwValue v;
      return aw_dict_get(vm, (AwDict *)o, item, &v);
    }
    case AW_OBJ_SET: return aw_set_contains(vm, (AwSet *)o, item);
    case AW_OBJ_LIST: case AW_OBJ_TUPLE:
      for (int64_t i = 0;; i++) {
        int64_t len;
        AwValue x = seq_item(container, i, &len);
        if (i >= len) return 0;
        int e = aw_value_is(x, item) ? 1 : aw_eq(vm, x, item);
        if (e != 0) return e;
      }
    case AW_OBJ_STR: return str_contains(vm, (AwStr *)o, item);
    case AW_OBJ_BYTES: return bytes_contains(vm, (AwBytes *)o, item);
    case AW_OBJ_RANGE:
      if (AW_IS_INTLIKE(item)) return range_contains_int((AwRange *)o, AW_AS_INT(item));
      return contains_by_iter(vm, container, item);
    default: break;
  }
  AwValue f = aw_lookup_special(vm, container, AW_N(vm, contains));
  if (AW_IS_EXC(f)) return -1;
  if (!AW_IS_UNDEF(f)) {
    AwValue r = call_found(vm, f, AW_N(vm, contains), container, 1, &item);
    if (AW_IS_EXC(r)) return -1;
    return aw_truthy(vm, r);
  }
  if (o->kind == AW_OBJ_ITER || o->kind == AW_OBJ_GENERATOR ||
      !AW_IS_UNDEF(aw_lookup_special(vm, container, AW_N(vm, iter))) ||
      !AW_IS_UNDEF(aw_lookup_special(vm, container, AW_N(vm, getitem))))
    return contains_by_iter(vm, container, item);
not_iterable:
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "argument of type '%s' is not iterable", aw_type_name(vm, container));
  return -1;
}

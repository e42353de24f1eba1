// stdlib/builtins.c -- the built-in functions (print, len, min, sorted, round,
// open ...) that are not classes. The built-in classes (int, list, range,
// exceptions ...) are put into vm->builtins by vm/state.c from the class
// tables; files are in io.c.
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lang/ast.h"
#include "lang/compiler.h"
#include "vm/interp.h"
#include "vm/vm.h"

// ---- helpers ----------------------------------------------------------------

// A tuple of [n] slots pushed as a temporary root: values stored in it stay
// alive across calls that may run script code (and so collect garbage).
static AwTuple *roots_new(AwVM *vm, int n) {
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return NULL;
  for (int i = 0; i < n; i++) t->items[i] = AW_NONE;
  aw_push_root(vm, AW_OBJ(t));
  return t;
}

static AwValue roots_done(AwVM *vm, AwValue result) {
  aw_pop_root(vm);
  return result;
}

// Matches keyword arguments against [names] (NULL-terminated); out[i]
// receives the value of names[i] (left untouched when not given).
static bool parse_kw(AwVM *vm, const char *fname, int argc, AwValue *argv, AwTuple *kwnames,
                     const char *const *names, AwValue *out) {
  if (!kwnames) return true;
  for (int64_t i = 0; i < kwnames->len; i++) {
    AwValue k = kwnames->items[i];
    int j = 0;
    for (; names[j]; j++)
      if (aw_str_eq_cstr(k, names[j])) break;
    if (!names[j]) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' is an invalid keyword argument for %s()",
                AW_AS_STR(k)->data, fname);
      return false;
    }
    out[j] = argv[argc + i];
  }
  return true;
}

static bool no_kw(AwVM *vm, const char *fname, AwTuple *kwnames) {
  if (kwnames && kwnames->len > 0) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

// "len() takes exactly one argument (0 given)".
static bool one_arg(AwVM *vm, const char *fname, int argc, AwTuple *kwnames) {
  if (!no_kw(vm, fname, kwnames)) return false;
  if (argc != 1) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes exactly one argument (%d given)", fname,
              argc);
    return false;
  }
  return true;
}

// "isinstance expected 2 arguments, got 1".
static bool n_args(AwVM *vm, const char *fname, int argc, AwTuple *kwnames, int min, int max) {
  if (!no_kw(vm, fname, kwnames)) return false;
  if (argc < min) {
    if (min == max)
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected %d argument%s, got %d", fname, min,
                min == 1 ? "" : "s", argc);
    else
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at least %d argument%s, got %d", fname,
                min, min == 1 ? "" : "s", argc);
    return false;
  }
  if (argc > max) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at most %d argument%s, got %d", fname, max,
              max == 1 ? "" : "s", argc);
    return false;
  }
  return true;
}

static bool is_number(AwValue v) { return AW_IS_INTLIKE(v) || AW_IS_FLOAT(v); }

static double num_as_double(AwValue v) {
  return AW_IS_FLOAT(v) ? AW_AS_FLOAT(v) : (double)AW_AS_INT(v);
}

// a <op> b as a C bool (1/0/-1), with a fast path for numbers.
static int compare_bool(AwVM *vm, AwValue a, AwValue b, AwCmpOp op) {
  if (AW_IS_INTLIKE(a) && AW_IS_INTLIKE(b)) {
    int64_t x = AW_AS_INT(a), y = AW_AS_INT(b);
    return op == AW_GT ? x > y : x < y;
  }
  if (is_number(a) && is_number(b) && (AW_IS_FLOAT(a) || AW_IS_FLOAT(b))) {
    double x = num_as_double(a), y = num_as_double(b);
    return op == AW_GT ? x > y : x < y;
  }
  AwValue r = aw_compare(vm, a, b, op);
  if (AW_IS_EXC(r)) return -1;
  if (AW_IS_BOOL(r)) return AW_AS_BOOL(r);
  aw_push_root(vm, r);
  int t = aw_truthy(vm, r);
  aw_pop_root(vm);
  return t;
}

static AwValue raise_overflow(AwVM *vm) {
  return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
}

// The sys module's stdout (or the VM's own stream): see aw_sys_stream.
static bool is_std_stream(AwValue f, uint16_t flag) {
  return AW_IS_KIND(f, AW_OBJ_FILE) && (AW_AS_OBJ(f)->flags & flag) &&
         !(AW_AS_OBJ(f)->flags & AW_FILE_CLOSED);
}

// ---- output and input -------------------------------------------------------

static bool check_sep(AwVM *vm, const char *what, AwValue v) {
  if (AW_IS_NONE(v) || AW_IS_STR(v)) return true;
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s must be None or a string, not %s", what,
            aw_type_name(vm, v));
  return false;
}

// print to the VM's own stdout/stderr: one buffered write for the whole line.
static AwValue print_std(AwVM *vm, int argc, AwValue *argv, AwValue sep, AwValue end, bool err) {
  AwBuf b;
  aw_buf_init(&b);
  for (int i = 0; i < argc; i++) {
    if (i > 0) {
      if (AW_IS_NONE(sep)) aw_buf_putc(vm, &b, ' ');
      else aw_buf_append_str(vm, &b, sep);
    }
    if (!aw_buf_str(vm, &b, argv[i])) {
      aw_buf_free(vm, &b);
      return AW_EXC;
    }
  }
  if (AW_IS_NONE(end)) aw_buf_putc(vm, &b, '\n');
  else aw_buf_append_str(vm, &b, end);
  if (b.failed) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  if (err) aw_write_err(vm, b.data ? b.data : "", b.len);
  else aw_write_out(vm, b.data ? b.data : "", b.len);
  aw_buf_free(vm, &b);
  return AW_NONE;
}

// print to any other file-like object: write() per piece, as CPython does.
static AwValue print_file(AwVM *vm, int argc, AwValue *argv, AwValue sep, AwValue end,
                          AwValue file) {
  AwValue space = aw_str_new(vm, " ", 1);
  if (AW_IS_EXC(space)) return AW_EXC;
  AwValue nl = aw_str_new(vm, "\n", 1);
  if (AW_IS_EXC(nl)) return AW_EXC;
  AwTuple *r = roots_new(vm, 4);
  if (!r) return AW_EXC;
  r->items[0] = file;
  r->items[1] = AW_IS_NONE(sep) ? space : sep;
  r->items[2] = AW_IS_NONE(end) ? nl : end;
  for (int i = 0; i < argc; i++) {
    if (i > 0 && !aw_io_write(vm, file, r->items[1])) return roots_done(vm, AW_EXC);
    AwStr *s = aw_to_str(vm, argv[i]);
    if (!s) return roots_done(vm, AW_EXC);
    r->items[3] = AW_OBJ(s);
    if (!aw_io_write(vm, file, r->items[3])) return roots_done(vm, AW_EXC);
  }
  if (!aw_io_write(vm, file, r->items[2])) return roots_done(vm, AW_EXC);
  return roots_done(vm, AW_NONE);
}

static AwValue builtins_print(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"sep", "end", "file", "flush", NULL};
  AwValue kw[4] = {AW_NONE, AW_NONE, AW_NONE, AW_FALSE};
  if (!parse_kw(vm, "print", argc, argv, kwnames, names, kw)) return AW_EXC;
  if (!check_sep(vm, "sep", kw[0]) || !check_sep(vm, "end", kw[1])) return AW_EXC;
  AwValue file = kw[2];
  if (AW_IS_NONE(file)) {
    file = aw_sys_stream(vm, 1);
    if (AW_IS_EXC(file)) return AW_EXC;
    if (AW_IS_NONE(file)) return AW_NONE;  // CPython: sys.stdout = None prints nothing
  }
  AwValue r;
  if (is_std_stream(file, AW_FILE_STDOUT)) r = print_std(vm, argc, argv, kw[0], kw[1], false);
  else if (is_std_stream(file, AW_FILE_STDERR)) r = print_std(vm, argc, argv, kw[0], kw[1], true);
  else r = print_file(vm, argc, argv, kw[0], kw[1], file);
  if (AW_IS_EXC(r)) return r;
  int fl = aw_truthy(vm, kw[3]);
  if (fl < 0) return AW_EXC;
  if (fl) {
    // print() may have replaced sys.stdout: keep the file it wrote to alive.
    aw_push_root(vm, file);
    AwValue f = aw_call_method(vm, file, AW_N(vm, flush), 0, NULL);
    aw_pop_root(vm);
    if (AW_IS_EXC(f)) return AW_EXC;
  }
  return AW_NONE;
}

static AwValue builtins_input(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "input", argc, kwnames, 0, 1)) return AW_EXC;
  if (argc == 1) {
    AwValue out = aw_sys_stream(vm, 1);
    if (AW_IS_EXC(out)) return AW_EXC;
    aw_push_root(vm, out);
    AwStr *s = aw_to_str(vm, argv[0]);
    if (s) aw_push_root(vm, AW_OBJ(s));  // write() may run script code
    bool ok = s && aw_io_write(vm, out, AW_OBJ(s));
    if (s) aw_pop_root(vm);
    if (ok && !is_std_stream(out, AW_FILE_STDOUT))
      ok = !AW_IS_EXC(aw_call_method(vm, out, AW_N(vm, flush), 0, NULL));
    aw_pop_root(vm);
    if (!ok) return AW_EXC;
    fflush(stdout);
  }
  AwValue in = aw_sys_stream(vm, 0);
  if (AW_IS_EXC(in)) return AW_EXC;
  AwStr *line = aw_io_readline(vm, in);
  if (!line) return AW_EXC;
  if (line->nbytes == 0) return aw_raisef(vm, AW_EXCCLS(vm, EOFError), "EOF when reading a line");
  if (line->data[line->nbytes - 1] == '\n')
    return aw_str_new(vm, line->data, (size_t)line->nbytes - 1);
  return AW_OBJ(line);
}

static AwValue builtins_open(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                      "newline", "closefd", "opener", NULL};
  AwValue a[8];
  if (!aw_api_allowed(vm, AW_CAP_FILES, "open()")) return AW_EXC;  // embedding sandbox
  if (!aw_parse_args(vm, "open", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue mode = AW_IS_UNDEF(a[1]) ? AW_UNDEF : a[1];
  if (!AW_IS_UNDEF(mode) && !AW_IS_STR(mode))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "open() argument 'mode' must be str, not %s",
                     aw_type_name(vm, mode));
  if (AW_IS_UNDEF(mode)) mode = aw_str_new(vm, "r", 1);
  if (AW_IS_EXC(mode)) return AW_EXC;
  return aw_file_open(vm, a[0], mode);
}

// ---- object protocol --------------------------------------------------------

static AwValue builtins_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "len", argc, kwnames)) return AW_EXC;
  int64_t n;
  if (!aw_len(vm, argv[0], &n)) return AW_EXC;
  return AW_INT(n);
}

static AwValue builtins_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "repr", argc, kwnames)) return AW_EXC;
  AwStr *s = aw_repr(vm, argv[0]);
  return s ? AW_OBJ(s) : AW_EXC;
}

// ascii(): repr with every non-ASCII code point escaped.
static AwValue builtins_ascii(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "ascii", argc, kwnames)) return AW_EXC;
  AwStr *s = aw_repr(vm, argv[0]);
  if (!s) return AW_EXC;
  if (aw_str_ascii(s)) return AW_OBJ(s);
  AwBuf b;
  aw_buf_init(&b);
  const unsigned char *p = (const unsigned char *)s->data;
  const unsigned char *e = p + s->nbytes;
  while (p < e) {
    uint32_t cp;
    p += aw_utf8_decode(p, &cp);
    if (cp < 0x80) aw_buf_putc(vm, &b, (char)cp);
    else if (cp < 0x100) aw_buf_printf(vm, &b, "\\x%02x", cp);
    else if (cp < 0x10000) aw_buf_printf(vm, &b, "\\u%04x", cp);
    else aw_buf_printf(vm, &b, "\\U%08x", cp);
  }
  return aw_buf_to_str(vm, &b);
}

static AwValue builtins_format(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!no_kw(vm, "format", kwnames)) return AW_EXC;
  if (argc < 1 || argc > 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "format expected at %s, got %d",
                     argc < 1 ? "least 1 argument" : "most 2 arguments", argc);
  AwValue spec = argc > 1 ? argv[1] : vm->empty_str;
  if (!AW_IS_STR(spec))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "format() argument 2 must be str, not %s",
                     aw_type_name(vm, spec));
  return aw_format(vm, argv[0], spec);
}

// isinstance/issubclass second argument: a class or (nested) tuple of them.
// 1/0, or -1 with TypeError when [spec] is neither.
static int class_spec_match(AwVM *vm, AwValue obj, AwValue spec, bool sub, const char *errmsg) {
  if (AW_IS_CLASS(spec)) {
    if (sub) return aw_is_subclass(AW_AS_CLASS(obj), AW_AS_CLASS(spec));
    return aw_isinstance(vm, obj, AW_AS_CLASS(spec));
  }
  if (AW_IS_TUPLE(spec)) {
    AwTuple *t = AW_AS_TUPLE(spec);
    for (int64_t i = 0; i < t->len; i++) {
      int r = class_spec_match(vm, obj, t->items[i], sub, errmsg);
      if (r != 0) return r;
    }
    return 0;
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s", errmsg);
  return -1;
}

static AwValue builtins_isinstance(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "isinstance", argc, kwnames, 2, 2)) return AW_EXC;
  int r = class_spec_match(vm, argv[0], argv[1], false,
                           "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue builtins_issubclass(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "issubclass", argc, kwnames, 2, 2)) return AW_EXC;
  if (!AW_IS_CLASS(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "issubclass() arg 1 must be a class");
  int r = class_spec_match(vm, argv[0], argv[1], true,
                           "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue builtins_hash(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "hash", argc, kwnames)) return AW_EXC;
  uint64_t h;
  if (!aw_hash(vm, argv[0], &h)) return AW_EXC;
  return AW_INT((int64_t)h);
}

// id(): the address of a heap object; for unboxed values a number derived
// from tag and payload, so equal-and-identical values share an id.
static AwValue builtins_id(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "id", argc, kwnames)) return AW_EXC;
  AwValue v = argv[0];
  if (AW_IS_OBJ(v)) return AW_INT((int64_t)(uintptr_t)AW_AS_OBJ(v));
  uint64_t x = (uint64_t)v.as.i * 0x9E3779B97F4A7C15ull + (uint64_t)v.tag;
  return AW_INT((int64_t)(x >> 1));
}

static AwValue builtins_callable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "callable", argc, kwnames)) return AW_EXC;
  return AW_BOOL(aw_is_callable(vm, argv[0]));
}

static bool check_attr_name(AwVM *vm, AwValue name) {
  if (AW_IS_STR(name)) return true;
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "attribute name must be string, not '%s'",
            aw_type_name(vm, name));
  return false;
}

static AwValue builtins_getattr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "getattr", argc, kwnames, 2, 3)) return AW_EXC;
  if (!check_attr_name(vm, argv[1])) return AW_EXC;
  AwValue v = aw_getattr(vm, argv[0], argv[1]);
  if (AW_IS_EXC(v) && argc == 3 && aw_exc_pending_is(vm, AW_EXCCLS(vm, AttributeError))) {
    aw_exc_take(vm);
    return argv[2];
  }
  return v;
}

static AwValue builtins_hasattr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "hasattr", argc, kwnames, 2, 2)) return AW_EXC;
  if (!check_attr_name(vm, argv[1])) return AW_EXC;
  AwValue v = aw_getattr(vm, argv[0], argv[1]);
  if (AW_IS_EXC(v)) {
    if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, AttributeError))) return AW_EXC;
    aw_exc_take(vm);
    return AW_FALSE;
  }
  return AW_TRUE;
}

static AwValue builtins_setattr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "setattr", argc, kwnames, 3, 3)) return AW_EXC;
  if (!check_attr_name(vm, argv[1])) return AW_EXC;
  AwValue name = aw_str_intern_value(vm, argv[1]);
  if (AW_IS_EXC(name)) return AW_EXC;
  return aw_setattr(vm, argv[0], name, argv[2]) ? AW_NONE : AW_EXC;
}

static AwValue builtins_delattr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "delattr", argc, kwnames, 2, 2)) return AW_EXC;
  if (!check_attr_name(vm, argv[1])) return AW_EXC;
  return aw_delattr(vm, argv[0], argv[1]) ? AW_NONE : AW_EXC;
}

// The live __dict__ of an instance, class or module; NULL if it has none.
static AwDict *object_dict(AwVM *vm, AwValue v) {
  if (!AW_IS_OBJ(v)) return NULL;
  switch (AW_KIND(v)) {
    case AW_OBJ_INSTANCE:
    case AW_OBJ_EXCEPTION: return AW_AS_INSTANCE(v)->dict;
    case AW_OBJ_CLASS: return AW_AS_CLASS(v)->dict;
    case AW_OBJ_MODULE: return ((AwModule *)AW_AS_OBJ(v))->dict;
    case AW_OBJ_FUNCTION: {
      AwFunction *f = (AwFunction *)AW_AS_OBJ(v);
      if (!f->attrs) f->attrs = aw_dict_new(vm);
      return f->attrs;
    }
    default: return NULL;
  }
}

static AwValue builtins_globals(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!n_args(vm, "globals", argc, kwnames, 0, 0)) return AW_EXC;
  AwDict *d = aw_frame_globals(vm);
  if (!d) d = aw_dict_new(vm);
  return d ? AW_OBJ(d) : AW_EXC;
}

static AwValue builtins_vars(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "vars", argc, kwnames, 0, 1)) return AW_EXC;
  if (argc == 0) return builtins_globals(vm, 0, argv, NULL);
  AwDict *d = object_dict(vm, argv[0]);
  if (d) return AW_OBJ(d);
  if (!AW_IS_UNDEF(vm->exc)) return AW_EXC;  // allocating a function __dict__ failed
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "vars() argument must have __dict__ attribute");
}

static bool add_keys(AwVM *vm, AwDict *into, AwDict *from) {
  if (!from) return true;
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(from, &pos, &k, &v))
    if (AW_IS_STR(k) && !aw_dict_set(vm, into, k, AW_NONE)) return false;
  return true;
}

// dir(): the sorted attribute names of the object, its class and bases.
static AwValue builtins_dir(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "dir", argc, kwnames, 0, 1)) return AW_EXC;
  AwDict *names = aw_dict_new(vm);
  if (!names) return AW_EXC;
  aw_push_root(vm, AW_OBJ(names));
  bool ok = true;
  if (argc == 0) {
    ok = add_keys(vm, names, aw_frame_globals(vm));
  } else {
    AwValue v = argv[0];
    if (AW_IS_KIND(v, AW_OBJ_MODULE)) {
      ok = add_keys(vm, names, ((AwModule *)AW_AS_OBJ(v))->dict);
    } else {
      if (AW_IS_KIND(v, AW_OBJ_INSTANCE) || AW_IS_KIND(v, AW_OBJ_EXCEPTION))
        ok = add_keys(vm, names, AW_AS_INSTANCE(v)->dict);
      AwClass *c = AW_IS_CLASS(v) ? AW_AS_CLASS(v) : aw_type_of(vm, v);
      for (; ok && c; c = c->base) ok = add_keys(vm, names, c->dict);
    }
  }
  AwList *l = ok ? aw_list_new(vm, names->len) : NULL;
  if (l) {
    int64_t pos = 0;
    AwValue k, val;
    while (aw_dict_next(names, &pos, &k, &val))
      if (!aw_list_append(vm, l, k)) {
        l = NULL;
        break;
      }
  }
  aw_pop_root(vm);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  ok = aw_list_sort(vm, l, AW_UNDEF, false);
  aw_pop_root(vm);
  return ok ? AW_OBJ(l) : AW_EXC;
}

// ---- iteration ------------------------------------------------------------

// iter(callable, sentinel): a = callable (UNDEF once exhausted), b = sentinel.
static AwValue callable_iter_next(AwVM *vm, AwIter *it) {
  if (AW_IS_UNDEF(it->a)) return AW_UNDEF;
  AwValue v = aw_call(vm, it->a, 0, NULL, NULL);
  if (AW_IS_EXC(v)) {
    if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) return AW_EXC;
    aw_exc_take(vm);
    it->a = AW_UNDEF;
    return AW_UNDEF;
  }
  aw_push_root(vm, v);
  int eq = aw_eq(vm, v, it->b);
  aw_pop_root(vm);
  if (eq < 0) return AW_EXC;
  if (eq) {
    it->a = AW_UNDEF;
    return AW_UNDEF;
  }
  return v;
}

static AwValue builtins_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "iter", argc, kwnames, 1, 2)) return AW_EXC;
  if (argc == 1) return aw_get_iter(vm, argv[0]);
  if (!aw_is_callable(vm, argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "iter(v, w): v must be callable");
  AwIter *it = aw_iter_new(vm, AW_CLS(vm, callable_iterator), callable_iter_next, argv[0], argv[1]);
  return it ? AW_OBJ(it) : AW_EXC;
}

// next(it[, default]). C iterators are stepped directly; anything else has
// its __next__ called so that StopIteration keeps its value.
static AwValue builtins_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "next", argc, kwnames, 1, 2)) return AW_EXC;
  AwValue it = argv[0];
  AwValue v;
  if (AW_IS_KIND(it, AW_OBJ_ITER) && ((AwIter *)AW_AS_OBJ(it))->next) {
    AwIter *ci = (AwIter *)AW_AS_OBJ(it);
    v = ci->next(vm, ci);
    if (AW_IS_UNDEF(v)) {
      if (argc == 2) return argv[1];
      return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 0, NULL);
    }
    return v;
  }
  v = aw_call_special(vm, it, AW_N(vm, next), 0, NULL);
  if (AW_IS_UNDEF(v))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not an iterator",
                     aw_type_name(vm, it));
  if (AW_IS_EXC(v) && argc == 2 && aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    aw_exc_take(vm);
    return argv[1];
  }
  return v;
}

static AwValue builtins_aiter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "aiter", argc, kwnames)) return AW_EXC;
  AwValue v = aw_call_special(vm, argv[0], AW_N(vm, aiter), 0, NULL);
  if (AW_IS_UNDEF(v))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not an async iterable",
                     aw_type_name(vm, argv[0]));
  if (!AW_IS_EXC(v) && AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, anext))))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "aiter() returned not an async iterator of type '%s'",
                     aw_type_name(vm, v));
  return v;
}

// anext(aiter[, default]): the awaitable of aiter.__anext__(); with a
// default, wrapped so that StopAsyncIteration gives the default (asyncgen.c).
static AwValue builtins_anext(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "anext", argc, kwnames, 1, 2)) return AW_EXC;
  AwValue v = aw_call_special(vm, argv[0], AW_N(vm, anext), 0, NULL);
  if (AW_IS_UNDEF(v))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not an async iterator",
                     aw_type_name(vm, argv[0]));
  if (AW_IS_EXC(v) || argc == 1) return v;
  return aw_asyncgen_anext_default(vm, v, argv[1]);
}

// any()/all(): stop at the first item whose truth equals [stop_on].
static AwValue any_all(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                       bool stop_on) {
  if (!one_arg(vm, name, argc, kwnames)) return AW_EXC;
  AwValue it = aw_get_iter(vm, argv[0]);
  if (AW_IS_EXC(it)) return AW_EXC;
  AwTuple *r = roots_new(vm, 2);
  if (!r) return AW_EXC;
  r->items[0] = it;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) return roots_done(vm, AW_EXC);
    if (AW_IS_UNDEF(v)) break;
    r->items[1] = v;
    int t = aw_truthy(vm, v);
    if (t < 0) return roots_done(vm, AW_EXC);
    if ((t != 0) == stop_on) return roots_done(vm, AW_BOOL(stop_on));
  }
  return roots_done(vm, AW_BOOL(!stop_on));
}

static AwValue builtins_any(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return any_all(vm, argc, argv, kwnames, "any", true);
}

static AwValue builtins_all(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return any_all(vm, argc, argv, kwnames, "all", false);
}

// min()/max(): op is AW_LT for min (replace when item < best) or AW_GT.
// Roots: 0 iterator, 1 best, 2 best key, 3 item, 4 item key.
static AwValue min_max(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, AwCmpOp op,
                       const char *name) {
  static const char *const names[] = {"key", "default", NULL};
  AwValue kw[2] = {AW_NONE, AW_UNDEF};
  if (!parse_kw(vm, name, argc, argv, kwnames, names, kw)) return AW_EXC;
  if (argc == 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at least 1 argument, got 0", name);
  if (argc > 1 && !AW_IS_UNDEF(kw[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "Cannot specify a default for %s() with multiple positional arguments", name);
  AwValue key = kw[0];
  bool has_key = !AW_IS_NONE(key);
  AwTuple *r = roots_new(vm, 5);
  if (!r) return AW_EXC;
  if (argc == 1) {
    r->items[0] = aw_get_iter(vm, argv[0]);
    if (AW_IS_EXC(r->items[0])) return roots_done(vm, AW_EXC);
  }
  bool have = false;
  for (int i = 0;; i++) {
    AwValue item;
    if (argc == 1) {
      item = aw_iter_next(vm, r->items[0]);
      if (AW_IS_EXC(item)) return roots_done(vm, AW_EXC);
      if (AW_IS_UNDEF(item)) break;
    } else {
      if (i >= argc) break;
      item = argv[i];
    }
    r->items[3] = item;
    AwValue k = item;
    if (has_key) {
      k = aw_call(vm, key, 1, &r->items[3], NULL);
      if (AW_IS_EXC(k)) return roots_done(vm, AW_EXC);
    }
    r->items[4] = k;
    if (!have) {
      have = true;
    } else {
      int c = compare_bool(vm, r->items[4], r->items[2], op);
      if (c < 0) return roots_done(vm, AW_EXC);
      if (!c) continue;
    }
    r->items[1] = r->items[3];
    r->items[2] = r->items[4];
  }
  if (!have) {
    if (!AW_IS_UNDEF(kw[1])) return roots_done(vm, kw[1]);
    aw_pop_root(vm);
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%s() arg is an empty sequence", name);
  }
  return roots_done(vm, r->items[1]);
}

static AwValue builtins_min(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return min_max(vm, argc, argv, kwnames, AW_LT, "min");
}

static AwValue builtins_max(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return min_max(vm, argc, argv, kwnames, AW_GT, "max");
}

// sum(): plain left-to-right addition (CPython 3.11 adds floats without
// compensation), with overflow-checked int and float fast paths.
static AwValue builtins_sum(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "start", NULL};
  AwValue a[2];
  if (argc == 0 && !kwnames)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "sum() takes at least 1 positional argument (0 given)");
  if (!aw_parse_args(vm, "sum", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue acc = AW_IS_UNDEF(a[1]) ? AW_INT(0) : a[1];
  if (AW_IS_STR(acc))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "sum() can't sum strings [use ''.join(seq) instead]");
  if (AW_IS_BYTES(acc))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "sum() can't sum bytes [use b''.join(seq) instead]");
  AwValue it = aw_get_iter(vm, a[0]);
  if (AW_IS_EXC(it)) return AW_EXC;
  AwTuple *r = roots_new(vm, 3);
  if (!r) return AW_EXC;
  r->items[0] = it;
  r->items[1] = acc;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) return roots_done(vm, AW_EXC);
    if (AW_IS_UNDEF(v)) break;
    AwValue s = r->items[1];
    if (AW_IS_INTLIKE(s) && AW_IS_INTLIKE(v)) {
      int64_t out;
      if (__builtin_add_overflow(AW_AS_INT(s), AW_AS_INT(v), &out)) {
        aw_pop_root(vm);
        return raise_overflow(vm);
      }
      r->items[1] = AW_INT(out);
    } else if (is_number(s) && is_number(v)) {
      r->items[1] = AW_FLOAT(num_as_double(s) + num_as_double(v));
    } else {
      r->items[2] = v;
      AwValue n = aw_binary_op(vm, AW_BINOP_ADD, s, v);
      if (AW_IS_EXC(n)) return roots_done(vm, AW_EXC);
      r->items[1] = n;
    }
  }
  return roots_done(vm, r->items[1]);
}

static AwValue builtins_sorted(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"key", "reverse", NULL};
  AwValue kw[2] = {AW_NONE, AW_FALSE};
  if (!parse_kw(vm, "sort", argc, argv, kwnames, names, kw)) return AW_EXC;  // CPython names sort()
  if (argc != 1)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "sorted expected 1 argument, got %d", argc);
  int rev = aw_truthy(vm, kw[1]);
  if (rev < 0) return AW_EXC;
  AwList *l = aw_list_from_iterable(vm, argv[0]);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  bool ok = aw_list_sort(vm, l, AW_IS_NONE(kw[0]) ? AW_UNDEF : kw[0], rev != 0);
  aw_pop_root(vm);
  return ok ? AW_OBJ(l) : AW_EXC;
}

// ---- numbers ------------------------------------------------------------

static AwValue builtins_abs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "abs", argc, kwnames)) return AW_EXC;
  AwValue v = argv[0];
  if (AW_IS_INTLIKE(v)) {
    int64_t n = AW_AS_INT(v);
    if (n == INT64_MIN) return raise_overflow(vm);
    return AW_INT(n < 0 ? -n : n);
  }
  if (AW_IS_FLOAT(v)) return AW_FLOAT(fabs(AW_AS_FLOAT(v)));
  AwValue r = aw_call_special(vm, v, AW_N(vm, abs), 0, NULL);
  if (AW_IS_UNDEF(r))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bad operand type for abs(): '%s'",
                     aw_type_name(vm, v));
  return r;
}

// hex/oct/bin: "-0x1f" style, exact for INT64_MIN.
static AwValue int_to_base(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                           int shift, const char *prefix) {
  if (!one_arg(vm, name, argc, kwnames)) return AW_EXC;
  int64_t n;
  if (!aw_index(vm, argv[0], &n)) return AW_EXC;
  uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
  char buf[80];
  char *p = buf + sizeof buf;
  uint64_t mask = ((uint64_t)1 << shift) - 1;
  do {
    *--p = "0123456789abcdef"[u & mask];
    u >>= shift;
  } while (u);
  p -= 2;
  memcpy(p, prefix, 2);
  if (n < 0) *--p = '-';
  return aw_str_new(vm, p, (size_t)(buf + sizeof buf - p));
}

static AwValue builtins_hex(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return int_to_base(vm, argc, argv, kwnames, "hex", 4, "0x");
}

static AwValue builtins_oct(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return int_to_base(vm, argc, argv, kwnames, "oct", 3, "0o");
}

static AwValue builtins_bin(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return int_to_base(vm, argc, argv, kwnames, "bin", 1, "0b");
}

// int(round(x)) bounds check shared with math.floor and friends.
static AwValue float_to_int(AwVM *vm, double x) {
  if (isinf(x))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "cannot convert float infinity to integer");
  if (isnan(x))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "cannot convert float NaN to integer");
  if (x >= 9223372036854775808.0 || x < -9223372036854775808.0) return raise_overflow(vm);
  return AW_INT((int64_t)x);
}

// Round-half-even of an int to a multiple of 10**-ndigits (ndigits < 0).
static AwValue round_int(AwVM *vm, int64_t n, int64_t ndigits) {
  if (ndigits >= 0) return AW_INT(n);
  if (ndigits < -19) return AW_INT(0);
  uint64_t p = 1;
  for (int64_t i = 0; i < -ndigits; i++) p *= 10;  // 10**19 still fits in uint64
  uint64_t mag = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
  uint64_t q = mag / p, rem = mag % p;
  if (rem > p - rem || (rem == p - rem && (q & 1))) q++;
  unsigned __int128 res = (unsigned __int128)q * p;
  if (n >= 0 && res > (unsigned __int128)INT64_MAX) return raise_overflow(vm);
  if (n < 0 && res > (unsigned __int128)INT64_MAX + 1) return raise_overflow(vm);
  return AW_INT(n < 0 ? (int64_t)(0 - (uint64_t)res) : (int64_t)res);
}

// round(x, ndigits) for a float: correctly rounded decimal, ties to even,
// as CPython's dtoa-based float.__round__ (glibc printf rounds the exact
// binary value the same way).
static AwValue round_float(AwVM *vm, double x, int64_t ndigits) {
  if (!isfinite(x) || x == 0.0) return AW_FLOAT(x);
  if (ndigits > 323) return AW_FLOAT(x);
  if (ndigits < -308) return AW_FLOAT(0.0 * x);
  char buf[800];
  double y;
  if (ndigits >= 0) {
    snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
    y = strtod(buf, NULL);
  } else {
    int k = (int)-ndigits;
    snprintf(buf, sizeof buf, "%.40e", x);
    char *e = strchr(buf, 'e');
    int e10 = atoi(e + 1);
    int prec = e10 - k;
    if (prec >= 0) {
      snprintf(buf, sizeof buf, "%.*e", prec, x);
      y = strtod(buf, NULL);
    } else if (prec == -1) {
      // |x| in [10**(k-1), 10**k): 0 or 10**k, exact ties go to 0 (even).
      const char *d = buf[0] == '-' ? buf + 1 : buf;
      bool up = d[0] > '5';
      if (d[0] == '5')
        for (const char *q = d + 2; q < e; q++)
          if (*q != '0') up = true;
      if (up) {
        snprintf(buf, sizeof buf, "1e%d", k);
        y = copysign(strtod(buf, NULL), x);
      } else {
        y = copysign(0.0, x);
      }
    } else {
      y = copysign(0.0, x);
    }
  }
  if (isinf(y))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "rounded value too large to represent");
  return AW_FLOAT(y);
}

static AwValue builtins_round(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"number", "ndigits", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "round", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue x = a[0];
  bool has_nd = !AW_IS_UNDEF(a[1]) && !AW_IS_NONE(a[1]);
  int64_t nd = 0;
  if (AW_IS_INTLIKE(x) || AW_IS_FLOAT(x)) {
    if (has_nd && !aw_index(vm, a[1], &nd)) return AW_EXC;
    if (AW_IS_INTLIKE(x)) return has_nd ? round_int(vm, AW_AS_INT(x), nd) : AW_INT(AW_AS_INT(x));
    double f = AW_AS_FLOAT(x);
    if (!has_nd) {
      double r = nearbyint(f);  // default rounding mode: ties to even
      return float_to_int(vm, r);
    }
    return round_float(vm, f, nd);
  }
  AwValue r = aw_call_special(vm, x, AW_N(vm, round), has_nd ? 1 : 0, &a[1]);
  if (AW_IS_UNDEF(r))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "type %s doesn't define __round__ method",
                     aw_type_name(vm, x));
  return r;
}

// Floor division and modulo of int64s; false on overflow (INT64_MIN / -1).
static bool int_divmod(int64_t a, int64_t b, int64_t *q, int64_t *m) {
  if (a == INT64_MIN && b == -1) return false;
  int64_t qq = a / b, mm = a % b;
  if (mm != 0 && ((mm < 0) != (b < 0))) {
    mm += b;
    qq -= 1;
  }
  *q = qq;
  *m = mm;
  return true;
}

// CPython's float_divmod, sign conventions included.
static void float_divmod(double vx, double wx, double *pdiv, double *pmod) {
  double mod = fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, wx);
  }
  double floordiv;
  if (div) {
    floordiv = floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, vx / wx);
  }
  *pdiv = floordiv;
  *pmod = mod;
}

static AwValue builtins_divmod(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "divmod", argc, kwnames, 2, 2)) return AW_EXC;
  AwValue a = argv[0], b = argv[1];
  if (AW_IS_INTLIKE(a) && AW_IS_INTLIKE(b)) {
    if (AW_AS_INT(b) == 0)
      return aw_raisef(vm, AW_EXCCLS(vm, ZeroDivisionError), "integer division or modulo by zero");
    int64_t q, m;
    if (!int_divmod(AW_AS_INT(a), AW_AS_INT(b), &q, &m)) return raise_overflow(vm);
    return aw_tuple_pack(vm, 2, AW_INT(q), AW_INT(m));
  }
  if (is_number(a) && is_number(b)) {
    double y = num_as_double(b);
    if (y == 0.0) return aw_raisef(vm, AW_EXCCLS(vm, ZeroDivisionError), "float divmod()");
    double d, m;
    float_divmod(num_as_double(a), y, &d, &m);
    return aw_tuple_pack(vm, 2, AW_FLOAT(d), AW_FLOAT(m));
  }
  AwValue name = aw_str_intern(vm, "__divmod__", 10);
  if (AW_IS_EXC(name)) return AW_EXC;
  AwValue r = aw_call_special(vm, a, name, 1, &argv[1]);
  if (AW_IS_EXC(r)) return r;
  if (!AW_IS_UNDEF(r) && !aw_value_is(r, vm->not_implemented)) return r;
  name = aw_str_intern(vm, "__rdivmod__", 11);
  if (AW_IS_EXC(name)) return AW_EXC;
  r = aw_call_special(vm, b, name, 1, &argv[0]);
  if (AW_IS_EXC(r)) return r;
  if (!AW_IS_UNDEF(r) && !aw_value_is(r, vm->not_implemented)) return r;
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                   "unsupported operand type(s) for divmod(): '%s' and '%s'", aw_type_name(vm, a),
                   aw_type_name(vm, b));
}

// The inverse of [a] modulo [m] (m > 0) by the extended Euclid algorithm.
static bool mod_inverse(int64_t a, int64_t m, int64_t *out) {
  __int128 r0 = m, r1 = ((a % m) + m) % m, t0 = 0, t1 = 1;
  while (r1 != 0) {
    __int128 q = r0 / r1, tmp;
    tmp = r0 - q * r1; r0 = r1; r1 = tmp;
    tmp = t0 - q * t1; t0 = t1; t1 = tmp;
  }
  if (r0 != 1) return false;
  if (t0 < 0) t0 += m;
  *out = (int64_t)(t0 % m);
  return true;
}

static AwValue pow_mod(AwVM *vm, AwValue b, AwValue e, AwValue m) {
  if (!AW_IS_INTLIKE(b) || !AW_IS_INTLIKE(e) || !AW_IS_INTLIKE(m)) {
    if (is_number(b) && is_number(e) && is_number(m))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "pow() 3rd argument not allowed unless all arguments are integers");
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                     aw_type_name(vm, b), aw_type_name(vm, e), aw_type_name(vm, m));
  }
  int64_t base = AW_AS_INT(b), exp = AW_AS_INT(e), mod = AW_AS_INT(m);
  if (mod == 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "pow() 3rd argument cannot be 0");
  if (mod == INT64_MIN) return raise_overflow(vm);
  int64_t am = mod < 0 ? -mod : mod;
  int64_t bb = ((base % am) + am) % am;
  uint64_t ue;
  if (exp < 0) {
    if (!mod_inverse(bb, am, &bb))
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                       "base is not invertible for the given modulus");
    ue = (uint64_t)0 - (uint64_t)exp;
  } else {
    ue = (uint64_t)exp;
  }
  unsigned __int128 result = 1 % (uint64_t)am, x = (uint64_t)bb;
  while (ue) {
    if (ue & 1) result = result * x % (uint64_t)am;
    x = x * x % (uint64_t)am;
    ue >>= 1;
  }
  int64_t r = (int64_t)result;
  if (mod < 0 && r != 0) r += mod;
  return AW_INT(r);
}

static AwValue builtins_pow(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"base", "exp", "mod", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "pow", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  if (AW_IS_UNDEF(a[2]) || AW_IS_NONE(a[2])) return aw_binary_op(vm, AW_BINOP_POW, a[0], a[1]);
  return pow_mod(vm, a[0], a[1], a[2]);
}

// ---- strings and characters -----------------------------------------------

static AwValue builtins_ord(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "ord", argc, kwnames)) return AW_EXC;
  AwValue v = argv[0];
  if (AW_IS_STR(v)) {
    AwStr *s = AW_AS_STR(v);
    if (s->nchars != 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "ord() expected a character, but string of length %lld found",
                       (long long)s->nchars);
    uint32_t cp;
    aw_utf8_decode((const unsigned char *)s->data, &cp);
    return AW_INT(cp);
  }
  if (AW_IS_BYTES(v)) {
    AwBytes *b = AW_AS_BYTES(v);
    if (b->len != 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "ord() expected a character, but string of length %lld found",
                       (long long)b->len);
    return AW_INT(b->data[0]);
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "ord() expected string of length 1, but %s found",
                   aw_type_name(vm, v));
}

static AwValue builtins_chr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!one_arg(vm, "chr", argc, kwnames)) return AW_EXC;
  int64_t n;
  if (!aw_index(vm, argv[0], &n)) return AW_EXC;
  if (n < 0 || n >= 0x110000)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "chr() arg not in range(0x110000)");
  return aw_str_from_codepoint(vm, (uint32_t)n);
}

// ---- eval and exec -------------------------------------------------------------
// Both compile with the module compiler and run in the caller's globals (or
// the dict given). Local variables of an enclosing function are not seen:
// the code runs at module level. eval wraps the expression in a function
// that returns it, defined under a reserved name that is removed again.

static AwDict *globals_arg(AwVM *vm, const char *fname, int argc, AwValue *argv) {
  if (argc > 1 && !AW_IS_NONE(argv[1])) {
    if (!AW_IS_DICT(argv[1])) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() globals must be a dict, not %s", fname,
                aw_type_name(vm, argv[1]));
      return NULL;
    }
    return AW_AS_DICT(argv[1]);
  }
  AwDict *g = aw_frame_globals(vm);
  if (!g) aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "%s(): no running frame", fname);
  return g;
}

// Compiles and runs [src] as module code in [g].
static AwValue run_source(AwVM *vm, const char *src, size_t len, AwDict *g) {
  AwDiag diag;
  bool incomplete = false;
  memset(&diag, 0, sizeof diag);
  AwProto *p = aw_compile(vm, src, len, "<string>", AW_PARSE_FILE, &diag, &incomplete);
  if (!p) return aw_raise_syntax_error(vm, &diag, "<string>", src, len);
  return aw_run_module_code(vm, p, g);
}

static bool source_arg(AwVM *vm, const char *fname, AwValue v, const char **s, size_t *n) {
  if (AW_IS_STR(v)) {
    *s = AW_AS_STR(v)->data;
    *n = (size_t)AW_AS_STR(v)->nbytes;
  } else if (AW_IS_BYTES(v)) {
    *s = (const char *)AW_AS_BYTES(v)->data;
    *n = (size_t)AW_AS_BYTES(v)->len;
  } else {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() arg 1 must be a string, bytes or code object", fname);
    return false;
  }
  if (memchr(*s, '\0', *n)) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

static AwValue builtins_exec(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "exec", argc, kwnames, 1, 3)) return AW_EXC;
  const char *src;
  size_t n;
  if (!source_arg(vm, "exec", argv[0], &src, &n)) return AW_EXC;
  AwDict *g = globals_arg(vm, "exec", argc, argv);
  if (!g) return AW_EXC;
  AwValue r = run_source(vm, src, n, g);
  return AW_IS_EXC(r) ? AW_EXC : AW_NONE;
}

static AwValue builtins_eval(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "eval", argc, kwnames, 1, 3)) return AW_EXC;
  const char *src;
  size_t n;
  if (!source_arg(vm, "eval", argv[0], &src, &n)) return AW_EXC;
  while (n > 0 && (*src == ' ' || *src == '\t')) src++, n--;  // as CPython
  AwDict *g = globals_arg(vm, "eval", argc, argv);
  if (!g) return AW_EXC;
  static const char head[] = "def __aw_eval__(): return (";
  static const char tail[] = "\n)\n";
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_append(vm, &b, head, sizeof head - 1);
  aw_buf_append(vm, &b, src, n);
  aw_buf_append(vm, &b, tail, sizeof tail - 1);
  if (b.failed) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  AwValue name = aw_str_intern(vm, "__aw_eval__", 11);
  AwValue saved = AW_IS_EXC(name) ? AW_UNDEF : aw_dict_get_str(g, name);
  AwValue r = AW_IS_EXC(name) ? AW_EXC : run_source(vm, b.data, b.len, g);
  aw_buf_free(vm, &b);
  if (AW_IS_EXC(r)) return AW_EXC;
  AwValue fn = aw_dict_get_str(g, name);
  if (AW_IS_UNDEF(fn)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "eval(): lost its function");
  aw_push_root(vm, fn);
  bool ok = AW_IS_UNDEF(saved) ? aw_dict_del(vm, g, name, NULL) >= 0 : aw_dict_set(vm, g, name, saved);
  AwValue result = ok ? aw_call(vm, fn, 0, NULL, NULL) : AW_EXC;
  aw_pop_root(vm);
  return result;
}

// ---- misc -------------------------------------------------------------------

// exit()/quit(): raise SystemExit(code).
static AwValue builtins_exit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!n_args(vm, "exit", argc, kwnames, 0, 1)) return AW_EXC;
  return aw_raise_args(vm, AW_EXCCLS(vm, SystemExit), argc, argv);
}

// ---- registration -------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
} BuiltinFn;

static const BuiltinFn builtin_fns[] = {
  {"print", builtins_print},       {"input", builtins_input},
  {"open", builtins_open},         {"len", builtins_len},
  {"repr", builtins_repr},         {"ascii", builtins_ascii},
  {"format", builtins_format},     {"isinstance", builtins_isinstance},
  {"issubclass", builtins_issubclass}, {"hash", builtins_hash},
  {"id", builtins_id},             {"callable", builtins_callable},
  {"getattr", builtins_getattr},   {"hasattr", builtins_hasattr},
  {"setattr", builtins_setattr},   {"delattr", builtins_delattr},
  {"globals", builtins_globals},   {"vars", builtins_vars},
  {"dir", builtins_dir},           {"iter", builtins_iter},
  {"next", builtins_next},         {"aiter", builtins_aiter},
  {"anext", builtins_anext},       {"any", builtins_any},
  {"all", builtins_all},           {"min", builtins_min},
  {"max", builtins_max},           {"sum", builtins_sum},
  {"sorted", builtins_sorted},     {"abs", builtins_abs},
  {"hex", builtins_hex},           {"oct", builtins_oct},
  {"bin", builtins_bin},           {"round", builtins_round},
  {"divmod", builtins_divmod},     {"pow", builtins_pow},
  {"ord", builtins_ord},           {"chr", builtins_chr},
  {"exit", builtins_exit},         {"quit", builtins_exit},
  {"eval", builtins_eval},         {"exec", builtins_exec},
  {NULL, NULL},
};

bool aw_open_builtins(AwVM *vm) {
  for (const BuiltinFn *b = builtin_fns; b->name; b++) {
    AwNative *n = aw_native_new(vm, b->name, b->fn, 0);
    if (!n || !aw_dict_set_cstr(vm, vm->builtins, b->name, AW_OBJ(n))) return false;
  }
  return true;
}

// stdlib/traceback.c -- the traceback module: print_exc/format_exc for the
// exception being handled, print_exception/format_exception for a given
// one, format_exception_only, and format_tb/print_tb for a traceback
// object. The text itself comes from vm/traceback.c.
#include <string.h>

#include "vm/vm.h"

static AwValue handled(AwVM *vm) {
  return AW_IS_UNDEF(vm->handling) ? AW_NONE : vm->handling;
}

// The full text for [exc] ("NoneType: None\n" for None, as CPython).
static AwValue text_of(AwVM *vm, AwValue exc) {
  if (!AW_IS_EXCEPTION(exc)) {
    AwStr *s = aw_to_str(vm, exc);
    if (!s) return AW_EXC;
    return aw_str_format(vm, "%s: %s\n", aw_type_name(vm, exc), s->data);
  }
  return aw_format_exception(vm, exc);
}

// Writes [text] to [file] (None: the script's sys.stderr).
static AwValue write_to(AwVM *vm, AwValue file, AwValue text) {
  aw_push_root(vm, text);
  if (AW_IS_UNDEF(file) || AW_IS_NONE(file)) file = aw_sys_stream(vm, 2);
  bool ok = !AW_IS_EXC(file) && aw_io_write(vm, file, text);
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

static AwValue print_common(AwVM *vm, AwValue exc, AwValue file) {
  AwValue text = text_of(vm, exc);
  if (AW_IS_EXC(text)) return AW_EXC;
  return write_to(vm, file, text);
}

static AwValue traceback_print_exc(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"limit", "file", "chain", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "print_exc", argc, argv, kwnames, 0, names, a)) return AW_EXC;
  return print_common(vm, handled(vm), a[1]);
}

static AwValue traceback_format_exc(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"limit", "chain", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "format_exc", argc, argv, kwnames, 0, names, a)) return AW_EXC;
  return text_of(vm, handled(vm));
}

// print_exception(exc) or the old print_exception(type, value, tb) form.
static const char *const exc_names[] = {"exc", "value", "tb", "limit", "file", "chain", NULL};

static AwValue exc_arg(AwValue *a) {
  return AW_IS_UNDEF(a[1]) ? a[0] : a[1];
}

static AwValue traceback_print_exception(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue a[6];
  if (!aw_parse_args(vm, "print_exception", argc, argv, kwnames, 1, exc_names, a)) return AW_EXC;
  return print_common(vm, exc_arg(a), a[4]);
}

// Splits the text into CPython's chunks: one per line, except that a
// "  File ..." line keeps the indented source and caret lines under it.
// [text] may be AW_EXC (a failure making it), passed on.
static AwValue chunks_of(AwVM *vm, AwValue text) {
  if (AW_IS_EXC(text)) return AW_EXC;
  aw_push_root(vm, text);
  AwList *l = aw_list_new(vm, 4);
  if (!l) {
    aw_pop_root(vm);
    return AW_EXC;
  }
  aw_push_root(vm, AW_OBJ(l));
  AwStr *s = AW_AS_STR(text);
  const char *p = s->data, *end = p + s->nbytes;
  AwValue result = AW_OBJ(l);
  while (p < end) {
    const char *q = p;
    do {
      const char *nl = memchr(q, '\n', (size_t)(end - q));
      q = nl ? nl + 1 : end;
    } while (q < end && strncmp(p, "  File ", 7) == 0 && strncmp(q, "    ", 4) == 0);
    AwValue chunk = aw_str_new(vm, p, (size_t)(q - p));
    if (AW_IS_EXC(chunk) || !aw_list_append(vm, l, chunk)) {
      result = AW_EXC;
      break;
    }
    p = q;
  }
  aw_pop_root(vm);
  aw_pop_root(vm);
  return result;
}

static AwValue traceback_format_exception(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue a[6];
  if (!aw_parse_args(vm, "format_exception", argc, argv, kwnames, 1, exc_names, a)) return AW_EXC;
  return chunks_of(vm, text_of(vm, exc_arg(a)));
}

static AwValue traceback_format_exception_only(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"exc", "value", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "format_exception_only", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue exc = exc_arg(a);
  AwValue line = AW_IS_EXCEPTION(exc) ? aw_exception_summary(vm, exc) : text_of(vm, exc);
  if (AW_IS_EXC(line)) return AW_EXC;
  if (AW_IS_EXCEPTION(exc)) {
    line = aw_str_format(vm, "%S\n", line);
    if (AW_IS_EXC(line)) return AW_EXC;
  }
  aw_push_root(vm, line);
  AwList *l = aw_list_new(vm, 1);
  bool ok = l && aw_list_append(vm, l, line);
  aw_pop_root(vm);
  return ok ? AW_OBJ(l) : AW_EXC;
}

// The text of format_tb/print_tb's (tb, limit) arguments.
static AwValue tb_text(AwVM *vm, AwValue tb, AwValue limit) {
  AwValue chain = aw_traceback_chain(vm, tb);
  if (AW_IS_UNDEF(chain))
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "'%s' object has no attribute 'tb_frame'",
                     aw_type_name(vm, tb));
  bool all = AW_IS_UNDEF(limit) || AW_IS_NONE(limit);
  if (!all && !AW_IS_INT(limit))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object cannot be interpreted as an integer",
                     aw_type_name(vm, limit));
  return aw_format_tb(vm, chain, all ? 0 : AW_AS_INT(limit), all);
}

// format_tb(tb, limit=None): one string per frame, as traceback.py.
static AwValue traceback_format_tb(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"tb", "limit", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "format_tb", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  return chunks_of(vm, tb_text(vm, a[0], a[1]));
}

// print_tb(tb, limit=None, file=None).
static AwValue traceback_print_tb(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"tb", "limit", "file", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "print_tb", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue text = tb_text(vm, a[0], a[1]);
  if (AW_IS_EXC(text)) return AW_EXC;
  return write_to(vm, a[2], text);
}

AwModule *aw_open_traceback(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "traceback");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = aw_module_add_fn(vm, m, "print_exc", traceback_print_exc) &&
            aw_module_add_fn(vm, m, "format_exc", traceback_format_exc) &&
            aw_module_add_fn(vm, m, "print_exception", traceback_print_exception) &&
            aw_module_add_fn(vm, m, "format_exception", traceback_format_exception) &&
            aw_module_add_fn(vm, m, "format_exception_only", traceback_format_exception_only) &&
            aw_module_add_fn(vm, m, "format_tb", traceback_format_tb) &&
            aw_module_add_fn(vm, m, "print_tb", traceback_print_tb);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

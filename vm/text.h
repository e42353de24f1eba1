// vm/text.h -- helpers shared by the text and number files (str.c,
// strfmt.c, bytes.c, number.c, format.c): argument checks worded as
// CPython's, start/end clamping, and byte-string search. Internal to those
// files; implemented in text.c.
#ifndef AW_TEXT_H
#define AW_TEXT_H

#include "vm/vm.h"

// How a method's argument-count errors are worded (CPython differs per method).
typedef enum {
  AW_ARGS_NOARGS,    // "str.upper() takes no arguments (1 given)"
  AW_ARGS_O,         // "str.join() takes exactly one argument (0 given)"
  AW_ARGS_EXPECTED,  // "center expected at least 1 argument, got 0"
  AW_ARGS_TAKES,     // "find() takes at least 1 argument (0 given)"
  AW_ARGS_WRAPPER    // "expected 1 argument, got 0" (dunder slot wrappers)
} AwArgStyle;

// Checks [argc] (self included in argv[0]) against [min]..[max] extra
// arguments and that self is a [kind] (e.g. "descriptor 'upper' for 'str'
// objects doesn't apply to a 'int' object"; AW_OBJ__COUNT skips that
// check). Keywords are refused.
bool aw_text_args(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, AwObjKind kind,
                  const char *cls, const char *name, int min, int max, AwArgStyle style);
// For methods with keywords: binds argv[1..] and keywords to [names]
// (NULL-terminated) into out[] (UNDEF when absent). Messages as CPython's
// "split() takes at most 2 arguments (3 given)" / "'x' is an invalid
// keyword argument for split()". Also checks self like aw_text_args.
bool aw_text_kwargs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, AwObjKind kind,
                    const char *cls, const char *name, const char *const *names, AwValue *out);
// Clamps optional [start]/[end] (UNDEF or None = absent; ints or
// __index__) to [0, len] like CPython's ADJUST_INDICES. *s may exceed len
// (callers treat s > len as "no match").
bool aw_text_span(AwVM *vm, AwValue start, AwValue end, int64_t len, int64_t *s, int64_t *e);
// First / last offset of [n] in [h], or -1.
int64_t aw_text_find(const char *h, int64_t hn, const char *n, int64_t nn);
int64_t aw_text_rfind(const char *h, int64_t hn, const char *n, int64_t nn);
// Non-overlapping occurrences of a non-empty [n] in [h], at most [max].
int64_t aw_text_count(const char *h, int64_t hn, const char *n, int64_t nn, int64_t max);
// An int argument via __index__ with CPython's message for others.
bool aw_text_index(AwVM *vm, AwValue v, int64_t *out);

// str.format / str.format_map natives (strfmt.c), registered by str.c.
AwValue aw_str_format_method(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames);
AwValue aw_str_format_map_method(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames);
// s * n for a str (str.c); OverflowError when too long.
AwValue aw_str_repeat(AwVM *vm, AwValue s, int64_t n);
// Appends ascii(v) (repr with non-ASCII escaped) to [b] (strfmt.c).
bool aw_buf_ascii(AwVM *vm, AwBuf *b, AwValue v);
// printf-style formatting of [fmt] with [args] into [out], for str % and
// bytes % ([bytes_mode]). Returns None or AW_EXC.
AwValue aw_text_percent(AwVM *vm, const char *fmt, size_t len, AwValue args, bool bytes_mode,
                        AwBuf *out);

#endif

// lang/diag.c -- compile-time diagnostics: recording the first error and
// printing it the way CPython prints an uncaught SyntaxError.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lang/diag.h"

bool aw_diag_set(AwDiag *d, AwDiagKind kind, int line, int col, const char *fmt, ...) {
  if (d->kind != AW_DIAG_NONE) return false;
  d->kind = kind;
  d->line = line;
  d->col = col;
  d->end_col = -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d->msg, sizeof d->msg, fmt, ap);
  va_end(ap);
  return false;
}

const char *aw_diag_kind_name(AwDiagKind kind) {
  switch (kind) {
    case AW_DIAG_NONE: return "NoError";
    case AW_DIAG_SYNTAX: return "SyntaxError";
    case AW_DIAG_INDENT: return "IndentationError";
    case AW_DIAG_TAB: return "TabError";
    case AW_DIAG_MEMORY: return "MemoryError";
    case AW_DIAG_RECURSION: return "RecursionError";
  }
  return "SyntaxError";
}

typedef struct {
  char *buf;
  size_t cap, len;
} Out;

static void out_printf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(Out *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  size_t room = o->len < o->cap ? o->cap - o->len : 0;
  int n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
  va_end(ap);
  if (n > 0) o->len += (size_t)n;
}

// Code points in the UTF-8 bytes [s, s + n).
static int count_chars(const char *s, size_t n) {
  int c = 0;
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  }
  return c;
}

size_t aw_diag_format(const AwDiag *d, const char *filename, const char *source,
                      size_t source_len, char *buf, size_t cap) {
  Out o = {buf, cap, 0};
  if (cap) buf[0] = 0;
  if (d->kind == AW_DIAG_MEMORY || d->kind == AW_DIAG_RECURSION) {
    if (d->msg[0]) out_printf(&o, "%s: %s\n", aw_diag_kind_name(d->kind), d->msg);
    else out_printf(&o, "%s\n", aw_diag_kind_name(d->kind));
    goto done;
  }
  out_printf(&o, "  File \"%s\", line %d\n", filename ? filename : "<string>", d->line);
  // Find line d->line of the source.
  const char *s = source, *end = source ? source + source_len : NULL;
  for (int l = 1; s && s < end && l < d->line; l++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    s = nl ? nl + 1 : end;
  }
  if (s && s < end && d->line >= 1) {
    const char *e = memchr(s, '\n', (size_t)(end - s));
    if (!e) e = end;
    if (e > s && e[-1] == '\r') e--;
    const char *t = s;
    while (t < e && (*t == ' ' || *t == '\t' || *t == '\f')) t++;
    size_t ws = (size_t)(t - s), len = (size_t)(e - s);
    if (t < e) {
      out_printf(&o, "    %.*s\n", (int)(e - t), t);
      if (d->col >= 0) {
        size_t col = (size_t)d->col > len ? len : (size_t)d->col;
        int pos = col > ws ? count_chars(t, col - ws) : 0;
        int width = 1;
        if (d->end_col > d->col) {
          size_t ec = (size_t)d->end_col > len ? len : (size_t)d->end_col;
          if (ec > col) width = count_chars(s + col, ec - col);
          if (width < 1) width = 1;
        }
        out_printf(&o, "    %*s", pos, "");
        for (int i = 0; i < width; i++) out_printf(&o, "^");
        out_printf(&o, "\n");
      }
    }
  }
  out_printf(&o, "%s: %s\n", aw_diag_kind_name(d->kind), d->msg);
done:
  if (cap && o.len >= cap) buf[cap - 1] = 0;
  return o.len < cap ? o.len : (cap ? cap - 1 : 0);
}

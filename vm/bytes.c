// vm/bytes.c -- the bytes type: construction, repr, decoding (utf-8,
// ascii, latin-1) and the bytes methods. Encoding str -> bytes is
// aw_str_encode in str.c; both share the codec-name rules here.
#include <ctype.h>
#include <string.h>

#include "vm/text.h"

AwValue aw_bytes_new(AwVM *vm, const void *data, size_t len) {
  if (len > (size_t)INT64_MAX - sizeof(AwBytes) - 1)
    return aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "out of memory");
  AwBytes *b = (AwBytes *)aw_obj_alloc(vm, sizeof(AwBytes) + len + 1, AW_OBJ_BYTES,
                                       AW_CLS(vm, bytes));
  if (!b) return AW_EXC;
  b->hash = 0;
  b->len = (int64_t)len;
  if (len && data) memcpy(b->data, data, len);
  else if (len) memset(b->data, 0, len);
  b->data[len] = 0;
  return AW_OBJ(b);
}

uint64_t aw_bytes_hash(AwBytes *b) {
  if (!b->hash) b->hash = aw_hash_bytes(b->data, (size_t)b->len);
  return b->hash;
}

bool aw_bytes_repr_buf(AwVM *vm, AwBuf *b, AwBytes *s) {
  bool has_sq = memchr(s->data, '\'', (size_t)s->len) != NULL;
  bool has_dq = memchr(s->data, '"', (size_t)s->len) != NULL;
  char q = has_sq && !has_dq ? '"' : '\'';
  if (!aw_buf_putc(vm, b, 'b') || !aw_buf_putc(vm, b, q)) return false;
  for (int64_t i = 0; i < s->len; i++) {
    unsigned c = s->data[i];
    bool ok;
    if (c == '\\' || c == (unsigned char)q) {
      char e[2] = {'\\', (char)c};
      ok = aw_buf_append(vm, b, e, 2);
    } else if (c == '\n') {
      ok = aw_buf_append(vm, b, "\\n", 2);
    } else if (c == '\r') {
      ok = aw_buf_append(vm, b, "\\r", 2);
    } else if (c == '\t') {
      ok = aw_buf_append(vm, b, "\\t", 2);
    } else if (c < 0x20 || c >= 0x7f) {
      ok = aw_buf_printf(vm, b, "\\x%02x", c);
    } else {
      ok = aw_buf_putc(vm, b, (char)c);
    }
    if (!ok) return false;
  }
  return aw_buf_putc(vm, b, q);
}

// ---- codecs -------------------------------------------------------------------

// Maps an encoding name to "utf-8", "ascii" or "latin-1" (CPython's
// spelling in error messages); NULL if unknown.
const char *aw_codec_name(const char *enc) {
  char norm[32];
  size_t n = 0;
  for (; enc[n] && n < sizeof norm - 1; n++)
    norm[n] = enc[n] == '_' || enc[n] == ' ' ? '-' : (char)tolower((unsigned char)enc[n]);
  norm[n] = '\0';
  if (enc[n]) return NULL;
  static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
  static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
  static const char *const latin1[] = {"latin-1", "latin1", "latin", "l1", "iso-8859-1",
                                       "iso8859-1", "8859", "cp819", "iso-ir-100", NULL};
  for (int i = 0; utf8[i]; i++)
    if (!strcmp(norm, utf8[i])) return "utf-8";
  for (int i = 0; ascii[i]; i++)
    if (!strcmp(norm, ascii[i])) return "ascii";
  for (int i = 0; latin1[i]; i++)
    if (!strcmp(norm, latin1[i])) return "latin-1";
  return NULL;
}

AwValue aw_raise_decode_error(AwVM *vm, const char *encoding, const char *data, size_t len,
                              int64_t start, int64_t end, const char *reason) {
  // UnicodeDecodeError(encoding, object, start, end, reason): error.c
  // formats the message from these fields.
  AwValue args[5];
  args[0] = aw_str_from_cstr(vm, encoding);
  if (AW_IS_EXC(args[0])) return AW_EXC;
  args[1] = aw_bytes_new(vm, data, len);
  if (AW_IS_EXC(args[1])) return AW_EXC;
  args[2] = AW_INT(start);
  args[3] = AW_INT(end);
  args[4] = aw_str_from_cstr(vm, reason);
  if (AW_IS_EXC(args[4])) return AW_EXC;
  return aw_raise_args(vm, AW_EXCCLS(vm, UnicodeDecodeError), 5, args);
}

// 0 strict, 1 replace, 2 ignore, -1 unknown.
static int error_mode(const char *errors) {
  if (!errors || !strcmp(errors, "strict")) return 0;
  if (!strcmp(errors, "replace")) return 1;
  if (!strcmp(errors, "ignore")) return 2;
  return -1;
}

AwValue aw_bytes_decode(AwVM *vm, const uint8_t *data, size_t len, const char *encoding,
                        const char *errors) {
  const char *codec = aw_codec_name(encoding ? encoding : "utf-8");
  if (!codec) return aw_raisef(vm, AW_EXCCLS(vm, LookupError), "unknown encoding: %s", encoding);
  int mode = error_mode(errors);
  const char *s = (const char *)data;
  if (!strcmp(codec, "utf-8")) {
    int64_t nchars;
    int errlen;
    const char *reason;
    int64_t bad = aw_utf8_check(data, len, &nchars, &errlen, &reason);
    if (bad < 0) return aw_str_new(vm, s, len);
    if (mode == 0) return aw_raise_decode_error(vm, codec, s, len, bad, bad + errlen, reason);
    if (mode < 0)
      return aw_raisef(vm, AW_EXCCLS(vm, LookupError), "unknown error handler name '%s'", errors);
    AwBuf b;
    aw_buf_init(&b);
    size_t i = 0;
    while (i < len) {
      bad = aw_utf8_check(data + i, len - i, &nchars, &errlen, &reason);
      if (bad < 0) {
        aw_buf_append(vm, &b, s + i, len - i);
        break;
      }
      aw_buf_append(vm, &b, s + i, (size_t)bad);
      if (mode == 1) aw_buf_append(vm, &b, "\xEF\xBF\xBD", 3);
      i += (size_t)bad + (size_t)errlen;
    }
    return aw_buf_to_str(vm, &b);
  }
  AwBuf b;
  aw_buf_init(&b);
  bool is_ascii = !strcmp(codec, "ascii");
  for (size_t i = 0; i < len; i++) {
    unsigned c = data[i];
    if (c < 0x80) {
      aw_buf_putc(vm, &b, (char)c);
    } else if (!is_ascii) {
      char u[4];
      aw_buf_append(vm, &b, u, (size_t)aw_utf8_encode(c, u));
    } else if (mode == 1) {
      aw_buf_append(vm, &b, "\xEF\xBF\xBD", 3);
    } else if (mode != 2) {
      aw_buf_free(vm, &b);
      if (mode < 0)
        return aw_raisef(vm, AW_EXCCLS(vm, LookupError), "unknown error handler name '%s'",
                         errors);
      return aw_raise_decode_error(vm, codec, s, len, (int64_t)i, (int64_t)i + 1,
                                   "ordinal not in range(128)");
    }
  }
  return aw_buf_to_str(vm, &b);
}

// ---- method helpers ---------------------------------------------------------------

#define BYTES_SELF(name, min, max, style)                                                      \
  if (!aw_text_args(vm, argc, argv, kwnames, AW_OBJ_BYTES, "bytes", name, min, max, style))   \
    return AW_EXC;                                                                             \
  AwBytes *s = AW_AS_BYTES(argv[0])

#define BDATA(b) ((const char *)(b)->data)

static AwValue bytes_from(AwVM *vm, AwBytes *s, int64_t a, int64_t b) {
  if (a == 0 && b == s->len) return AW_OBJ(s);
  return aw_bytes_new(vm, s->data + a, (size_t)(b - a));
}

static bool need_bytes(AwVM *vm, AwValue v) {
  if (AW_IS_BYTES(v)) return true;
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a bytes-like object is required, not '%s'",
            aw_type_name(vm, v));
  return false;
}

static inline bool b_isspace(unsigned c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}
static inline bool b_isupper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static inline bool b_islower(unsigned c) { return c >= 'a' && c <= 'z'; }
static inline bool b_isdigit(unsigned c) { return c >= '0' && c <= '9'; }
static inline bool b_isalpha(unsigned c) { return b_isupper(c) || b_islower(c); }

// The needle of find/count/index/in: bytes, or an int 0..255 (one byte
// stored in [tmp]).
static bool needle(AwVM *vm, AwValue v, unsigned char *tmp, const char **p, int64_t *n) {
  if (AW_IS_BYTES(v)) {
    *p = BDATA(AW_AS_BYTES(v));
    *n = AW_AS_BYTES(v)->len;
    return true;
  }
  int64_t i;
  if (AW_IS_INTLIKE(v)) {
    i = AW_AS_INT(v);
  } else if (AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, index)))) {
    if (!aw_index(vm, v, &i)) return false;
  } else {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError),
              "argument should be integer or bytes-like object, not '%s'", aw_type_name(vm, v));
    return false;
  }
  if (i < 0 || i > 255) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "byte must be in range(0, 256)");
    return false;
  }
  *tmp = (unsigned char)i;
  *p = (const char *)tmp;
  *n = 1;
  return true;
}

// ---- searching ------------------------------------------------------------------------

// Returns the match offset, -1 none, -2 error. [mode]: 0 find, 1 rfind, 2 count (result = count).
static int64_t search(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                      int mode) {
  if (!aw_text_args(vm, argc, argv, kwnames, AW_OBJ_BYTES, "bytes", name, 1, 3, AW_ARGS_TAKES))
    return -2;
  AwBytes *s = AW_AS_BYTES(argv[0]);
  unsigned char tmp;
  const char *n;
  int64_t nn, a, b;
  if (!needle(vm, argv[1], &tmp, &n, &nn)) return -2;
  if (!aw_text_span(vm, argc > 2 ? argv[2] : AW_UNDEF, argc > 3 ? argv[3] : AW_UNDEF, s->len, &a,
                    &b))
    return -2;
  if (b - a < nn) return mode == 2 ? 0 : -1;
  if (mode == 2)
    return nn == 0 ? b - a + 1 : aw_text_count(BDATA(s) + a, b - a, n, nn, INT64_MAX);
  int64_t f = mode ? aw_text_rfind(BDATA(s) + a, b - a, n, nn) : aw_text_find(BDATA(s) + a, b - a, n, nn);
  return f < 0 ? -1 : a + f;
}

static AwValue bytes_find(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = search(vm, argc, argv, kwnames, "find", 0);
  return r == -2 ? AW_EXC : AW_INT(r);
}
static AwValue bytes_rfind(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = search(vm, argc, argv, kwnames, "rfind", 1);
  return r == -2 ? AW_EXC : AW_INT(r);
}
static AwValue bytes_index(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = search(vm, argc, argv, kwnames, "index", 0);
  if (r == -1) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "subsection not found");
  return r == -2 ? AW_EXC : AW_INT(r);
}
static AwValue bytes_rindex(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = search(vm, argc, argv, kwnames, "rindex", 1);
  if (r == -1) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "subsection not found");
  return r == -2 ? AW_EXC : AW_INT(r);
}
static AwValue bytes_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = search(vm, argc, argv, kwnames, "count", 2);
  return r == -2 ? AW_EXC : AW_INT(r);
}

static AwValue fix_match(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         bool end) {
  BYTES_SELF(name, 1, 3, AW_ARGS_TAKES);
  AwValue pre = argv[1];
  if (!AW_IS_BYTES(pre) && !AW_IS_TUPLE(pre))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "%s first arg must be bytes or a tuple of bytes, not %s", name,
                     aw_type_name(vm, pre));
  int64_t a, b;
  if (!aw_text_span(vm, argc > 2 ? argv[2] : AW_UNDEF, argc > 3 ? argv[3] : AW_UNDEF, s->len, &a, &b))
    return AW_EXC;
  int64_t n = AW_IS_BYTES(pre) ? 1 : AW_AS_TUPLE(pre)->len;
  for (int64_t i = 0; i < n; i++) {
    AwValue p = AW_IS_BYTES(pre) ? pre : AW_AS_TUPLE(pre)->items[i];
    if (!AW_IS_BYTES(p))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a bytes-like object is required, not '%s'",
                       aw_type_name(vm, p));
    AwBytes *ps = AW_AS_BYTES(p);
    if (b - a < ps->len) continue;
    const uint8_t *at = end ? s->data + b - ps->len : s->data + a;
    if (memcmp(at, ps->data, (size_t)ps->len) == 0) return AW_TRUE;
  }
  return AW_FALSE;
}

static AwValue bytes_startswith(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return fix_match(vm, argc, argv, kwnames, "startswith", false);
}
static AwValue bytes_endswith(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return fix_match(vm, argc, argv, kwnames, "endswith", true);
}

static AwValue bytes_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__contains__", 1, 1, AW_ARGS_WRAPPER);
  unsigned char tmp;
  const char *n;
  int64_t nn;
  if (AW_IS_STR(argv[1])) return need_bytes(vm, argv[1]) ? AW_FALSE : AW_EXC;
  if (!needle(vm, argv[1], &tmp, &n, &nn)) return AW_EXC;
  return AW_BOOL(aw_text_find(BDATA(s), s->len, n, nn) >= 0);
}

// ---- transforming ----------------------------------------------------------------------

static AwValue bytes_replace(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("replace", 2, 3, AW_ARGS_EXPECTED);
  if (!need_bytes(vm, argv[1]) || !need_bytes(vm, argv[2])) return AW_EXC;
  int64_t max = -1;
  if (argc > 3 && !aw_text_index(vm, argv[3], &max)) return AW_EXC;
  if (max < 0) max = INT64_MAX;
  AwBytes *old = AW_AS_BYTES(argv[1]), *new = AW_AS_BYTES(argv[2]);
  AwBuf b;
  aw_buf_init(&b);
  int64_t done = 0, i = 0;
  if (old->len == 0) {
    for (; i < s->len && done < max; i++, done++) {
      aw_buf_append(vm, &b, BDATA(new), (size_t)new->len);
      aw_buf_putc(vm, &b, (char)s->data[i]);
    }
    if (i == s->len && done < max) aw_buf_append(vm, &b, BDATA(new), (size_t)new->len);
  } else {
    while (done < max) {
      int64_t f = aw_text_find(BDATA(s) + i, s->len - i, BDATA(old), old->len);
      if (f < 0) break;
      aw_buf_append(vm, &b, BDATA(s) + i, (size_t)f);
      aw_buf_append(vm, &b, BDATA(new), (size_t)new->len);
      i += f + old->len;
      done++;
    }
  }
  aw_buf_append(vm, &b, BDATA(s) + i, (size_t)(s->len - i));
  AwValue r = b.failed ? AW_EXC : aw_bytes_new(vm, b.data ? b.data : "", b.len);
  aw_buf_free(vm, &b);
  return r;
}

static void reverse_list(AwList *l) {
  for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
    AwValue t = l->items[i];
    l->items[i] = l->items[j];
    l->items[j] = t;
  }
}

static bool push_part(AwVM *vm, AwList *l, AwBytes *s, int64_t a, int64_t b) {
  AwValue v = aw_bytes_new(vm, s->data + a, (size_t)(b - a));
  return !AW_IS_EXC(v) && aw_list_append(vm, l, v);
}

static AwValue split_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                          bool right) {
  static const char *const names[] = {"sep", "maxsplit", NULL};
  AwValue a[2];
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_BYTES, "bytes", name, names, a))
    return AW_EXC;
  AwBytes *s = AW_AS_BYTES(argv[0]);
  int64_t max = -1;
  if (!AW_IS_UNDEF(a[1]) && !aw_text_index(vm, a[1], &max)) return AW_EXC;
  if (max < 0) max = INT64_MAX;
  AwList *l = aw_list_new(vm, 0);
  if (!l) return AW_EXC;
  const uint8_t *p = s->data;
  int64_t n = s->len;
  if (AW_IS_UNDEF(a[0]) || AW_IS_NONE(a[0])) {
    if (!right) {
      int64_t i = 0;
      while (i < n) {
        while (i < n && b_isspace(p[i])) i++;
        if (i >= n) break;
        if (l->len >= max) {
          if (!push_part(vm, l, s, i, n)) return AW_EXC;
          break;
        }
        int64_t j = i;
        while (j < n && !b_isspace(p[j])) j++;
        if (!push_part(vm, l, s, i, j)) return AW_EXC;
        i = j;
      }
    } else {
      int64_t i = n;
      while (i > 0) {
        while (i > 0 && b_isspace(p[i - 1])) i--;
        if (i <= 0) break;
        if (l->len >= max) {
          if (!push_part(vm, l, s, 0, i)) return AW_EXC;
          break;
        }
        int64_t e = i;
        while (i > 0 && !b_isspace(p[i - 1])) i--;
        if (!push_part(vm, l, s, i, e)) return AW_EXC;
      }
      reverse_list(l);
    }
    return AW_OBJ(l);
  }
  if (!need_bytes(vm, a[0])) return AW_EXC;
  AwBytes *sep = AW_AS_BYTES(a[0]);
  if (sep->len == 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "empty separator");
  if (!right) {
    int64_t i = 0;
    while (l->len < max) {
      int64_t f = aw_text_find(BDATA(s) + i, n - i, BDATA(sep), sep->len);
      if (f < 0) break;
      if (!push_part(vm, l, s, i, i + f)) return AW_EXC;
      i += f + sep->len;
    }
    if (!push_part(vm, l, s, i, n)) return AW_EXC;
  } else {
    int64_t e = n;
    while (l->len < max) {
      int64_t f = aw_text_rfind(BDATA(s), e, BDATA(sep), sep->len);
      if (f < 0) break;
      if (!push_part(vm, l, s, f + sep->len, e)) return AW_EXC;
      e = f;
    }
    if (!push_part(vm, l, s, 0, e)) return AW_EXC;
    reverse_list(l);
  }
  return AW_OBJ(l);
}

static AwValue bytes_split(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return split_impl(vm, argc, argv, kwnames, "split", false);
}
static AwValue bytes_rsplit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return split_impl(vm, argc, argv, kwnames, "rsplit", true);
}

static AwValue bytes_splitlines(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"keepends", NULL};
  AwValue a[1];
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_BYTES, "bytes", "splitlines", names, a))
    return AW_EXC;
  AwBytes *s = AW_AS_BYTES(argv[0]);
  int keep = 0;
  if (!AW_IS_UNDEF(a[0]) && (keep = aw_truthy(vm, a[0])) < 0) return AW_EXC;
  AwList *l = aw_list_new(vm, 0);
  if (!l) return AW_EXC;
  int64_t start = 0, i = 0;
  while (i < s->len) {
    int k = s->data[i] == '\r' ? (i + 1 < s->len && s->data[i + 1] == '\n' ? 2 : 1)
                               : s->data[i] == '\n';
    if (!k) {
      i++;
      continue;
    }
    if (!push_part(vm, l, s, start, keep ? i + k : i)) return AW_EXC;
    i += k;
    start = i;
  }
  if (start < s->len && !push_part(vm, l, s, start, s->len)) return AW_EXC;
  return AW_OBJ(l);
}

static AwValue bytes_join(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("join", 1, 1, AW_ARGS_O);
  AwValue seq = argv[1];
  AwValue *items;
  int64_t n;
  if (AW_IS_LIST(seq)) {
    items = AW_AS_LIST(seq)->items;
    n = AW_AS_LIST(seq)->len;
  } else if (AW_IS_TUPLE(seq)) {
    items = AW_AS_TUPLE(seq)->items;
    n = AW_AS_TUPLE(seq)->len;
  } else {
    if (AW_IS_UNDEF(aw_lookup_special(vm, seq, AW_N(vm, iter))) &&
        AW_IS_UNDEF(aw_lookup_special(vm, seq, AW_N(vm, getitem))))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can only join an iterable");
    AwList *l = aw_list_from_iterable(vm, seq);
    if (!l) return AW_EXC;
    items = l->items;
    n = l->len;
  }
  AwBuf b;
  aw_buf_init(&b);
  for (int64_t i = 0; i < n; i++) {
    if (!AW_IS_BYTES(items[i])) {
      aw_buf_free(vm, &b);
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "sequence item %lld: expected a bytes-like object, %s found", (long long)i,
                       aw_type_name(vm, items[i]));
    }
    if (i) aw_buf_append(vm, &b, BDATA(s), (size_t)s->len);
    aw_buf_append(vm, &b, BDATA(AW_AS_BYTES(items[i])), (size_t)AW_AS_BYTES(items[i])->len);
  }
  AwValue r = b.failed ? AW_EXC : aw_bytes_new(vm, b.data ? b.data : "", b.len);
  aw_buf_free(vm, &b);
  return r;
}

static AwValue strip_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                          int which) {
  BYTES_SELF(name, 0, 1, AW_ARGS_EXPECTED);
  AwBytes *chars = NULL;
  if (argc > 1 && !AW_IS_NONE(argv[1])) {
    if (!need_bytes(vm, argv[1])) return AW_EXC;
    chars = AW_AS_BYTES(argv[1]);
  }
  int64_t i = 0, j = s->len;
#define IN_SET(c) (chars ? memchr(chars->data, (c), (size_t)chars->len) != NULL : b_isspace(c))
  if (which & 1)
    while (i < j && IN_SET(s->data[i])) i++;
  if (which & 2)
    while (j > i && IN_SET(s->data[j - 1])) j--;
#undef IN_SET
  return bytes_from(vm, s, i, j);
}

static AwValue bytes_strip(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return strip_impl(vm, argc, argv, kwnames, "strip", 3);
}
static AwValue bytes_lstrip(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return strip_impl(vm, argc, argv, kwnames, "lstrip", 1);
}
static AwValue bytes_rstrip(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return strip_impl(vm, argc, argv, kwnames, "rstrip", 2);
}

// 0 upper, 1 lower, 2 swapcase, 3 capitalize, 4 title.
static AwValue case_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int op) {
  BYTES_SELF(name, 0, 0, AW_ARGS_NOARGS);
  AwValue rv = aw_bytes_new(vm, NULL, (size_t)s->len);
  if (AW_IS_EXC(rv)) return rv;
  AwBytes *r = AW_AS_BYTES(rv);
  bool prev_cased = false;
  for (int64_t i = 0; i < s->len; i++) {
    unsigned c = s->data[i];
    bool up = b_isupper(c), lo = b_islower(c);
    bool to_up = false, to_lo = false;
    switch (op) {
      case 0: to_up = lo; break;
      case 1: to_lo = up; break;
      case 2: to_up = lo, to_lo = up; break;
      case 3: if (i == 0) to_up = lo; else to_lo = up; break;
      default:
        if (prev_cased) to_lo = up;
        else to_up = lo;
        prev_cased = up || lo;
        break;
    }
    r->data[i] = (uint8_t)(to_up ? c - 32 : to_lo ? c + 32 : c);
  }
  return rv;
}

#define BYTES_CASE(fn, name, op)                                           \
  static AwValue fn(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return case_impl(vm, argc, argv, kwnames, name, op);                   \
  }
BYTES_CASE(bytes_upper, "upper", 0)
BYTES_CASE(bytes_lower, "lower", 1)
BYTES_CASE(bytes_swapcase, "swapcase", 2)
BYTES_CASE(bytes_capitalize, "capitalize", 3)
BYTES_CASE(bytes_title, "title", 4)

// 0 isdigit, 1 isalpha, 2 isspace, 3 isalnum, 4 isupper, 5 islower, 6 isascii.
static AwValue pred_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int op) {
  BYTES_SELF(name, 0, 0, AW_ARGS_NOARGS);
  if (op == 6) {
    for (int64_t i = 0; i < s->len; i++)
      if (s->data[i] >= 0x80) return AW_FALSE;
    return AW_TRUE;
  }
  if (s->len == 0) return AW_FALSE;
  bool cased = false;
  for (int64_t i = 0; i < s->len; i++) {
    unsigned c = s->data[i];
    switch (op) {
      case 0: if (!b_isdigit(c)) return AW_FALSE; break;
      case 1: if (!b_isalpha(c)) return AW_FALSE; break;
      case 2: if (!b_isspace(c)) return AW_FALSE; break;
      case 3: if (!b_isalpha(c) && !b_isdigit(c)) return AW_FALSE; break;
      case 4:
        if (b_islower(c)) return AW_FALSE;
        cased |= b_isupper(c);
        break;
      default:
        if (b_isupper(c)) return AW_FALSE;
        cased |= b_islower(c);
        break;
    }
  }
  return op >= 4 ? AW_BOOL(cased) : AW_TRUE;
}

#define BYTES_PRED(fn, name, op)                                           \
  static AwValue fn(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return pred_impl(vm, argc, argv, kwnames, name, op);                   \
  }
BYTES_PRED(bytes_isdigit, "isdigit", 0)
BYTES_PRED(bytes_isalpha, "isalpha", 1)
BYTES_PRED(bytes_isspace, "isspace", 2)
BYTES_PRED(bytes_isalnum, "isalnum", 3)
BYTES_PRED(bytes_isupper, "isupper", 4)
BYTES_PRED(bytes_islower, "islower", 5)
BYTES_PRED(bytes_isascii, "isascii", 6)

static AwValue partition_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames,
                              const char *name, bool right) {
  BYTES_SELF(name, 1, 1, AW_ARGS_O);
  if (!need_bytes(vm, argv[1])) return AW_EXC;
  AwBytes *sep = AW_AS_BYTES(argv[1]);
  if (sep->len == 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "empty separator");
  int64_t f = right ? aw_text_rfind(BDATA(s), s->len, BDATA(sep), sep->len)
                    : aw_text_find(BDATA(s), s->len, BDATA(sep), sep->len);
  AwTuple *t = aw_tuple_new(vm, 3);
  if (!t) return AW_EXC;
  AwValue empty = aw_bytes_new(vm, NULL, 0);
  if (AW_IS_EXC(empty)) return empty;
  if (f < 0) {
    t->items[0] = right ? empty : argv[0];
    t->items[1] = empty;
    t->items[2] = right ? argv[0] : empty;
    return AW_OBJ(t);
  }
  AwValue a = aw_bytes_new(vm, s->data, (size_t)f);
  if (AW_IS_EXC(a)) return a;
  t->items[0] = a;
  t->items[1] = argv[1];
  AwValue c = aw_bytes_new(vm, s->data + f + sep->len, (size_t)(s->len - f - sep->len));
  if (AW_IS_EXC(c)) return c;
  t->items[2] = c;
  return AW_OBJ(t);
}

static AwValue bytes_partition(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return partition_impl(vm, argc, argv, kwnames, "partition", false);
}
static AwValue bytes_rpartition(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return partition_impl(vm, argc, argv, kwnames, "rpartition", true);
}

static AwValue affix_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                          bool suffix) {
  BYTES_SELF(name, 1, 1, AW_ARGS_O);
  if (!need_bytes(vm, argv[1])) return AW_EXC;
  AwBytes *a = AW_AS_BYTES(argv[1]);
  if (a->len == 0 || a->len > s->len) return argv[0];
  const uint8_t *at = suffix ? s->data + s->len - a->len : s->data;
  if (memcmp(at, a->data, (size_t)a->len) != 0) return argv[0];
  return suffix ? bytes_from(vm, s, 0, s->len - a->len) : bytes_from(vm, s, a->len, s->len);
}

static AwValue bytes_removeprefix(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return affix_impl(vm, argc, argv, kwnames, "removeprefix", false);
}
static AwValue bytes_removesuffix(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return affix_impl(vm, argc, argv, kwnames, "removesuffix", true);
}

// 0 ljust, 1 rjust, 2 center.
static AwValue just_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int which) {
  BYTES_SELF(name, 1, 2, AW_ARGS_EXPECTED);
  int64_t width;
  if (!aw_text_index(vm, argv[1], &width)) return AW_EXC;
  char fill = ' ';
  if (argc > 2) {
    if (!AW_IS_BYTES(argv[2]) || AW_AS_BYTES(argv[2])->len != 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "%s() argument 2 must be a byte string of length 1, not %s", name,
                       aw_type_name(vm, argv[2]));
    fill = (char)AW_AS_BYTES(argv[2])->data[0];
  }
  int64_t marg = width - s->len;
  if (marg <= 0) return argv[0];
  int64_t left = which == 0 ? 0 : which == 1 ? marg : marg / 2 + (marg & width & 1);
  AwValue rv = aw_bytes_new(vm, NULL, (size_t)width);
  if (AW_IS_EXC(rv)) return rv;
  AwBytes *r = AW_AS_BYTES(rv);
  memset(r->data, fill, (size_t)left);
  memcpy(r->data + left, s->data, (size_t)s->len);
  memset(r->data + left + s->len, fill, (size_t)(marg - left));
  return rv;
}

static AwValue bytes_ljust(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return just_impl(vm, argc, argv, kwnames, "ljust", 0);
}
static AwValue bytes_rjust(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return just_impl(vm, argc, argv, kwnames, "rjust", 1);
}
static AwValue bytes_center(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return just_impl(vm, argc, argv, kwnames, "center", 2);
}

static AwValue bytes_zfill(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("zfill", 1, 1, AW_ARGS_O);
  int64_t width;
  if (!aw_text_index(vm, argv[1], &width)) return AW_EXC;
  int64_t fill = width - s->len;
  if (fill <= 0) return argv[0];
  AwValue rv = aw_bytes_new(vm, NULL, (size_t)width);
  if (AW_IS_EXC(rv)) return rv;
  AwBytes *r = AW_AS_BYTES(rv);
  int64_t i = s->len && (s->data[0] == '+' || s->data[0] == '-');
  if (i) r->data[0] = s->data[0];
  memset(r->data + i, '0', (size_t)fill);
  memcpy(r->data + i + fill, s->data + i, (size_t)(s->len - i));
  return rv;
}

// ---- codecs and hex ------------------------------------------------------------------

static AwValue bytes_decode(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"encoding", "errors", NULL};
  AwValue a[2];
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_BYTES, "bytes", "decode", names, a))
    return AW_EXC;
  for (int i = 0; i < 2; i++)
    if (!AW_IS_UNDEF(a[i]) && !AW_IS_STR(a[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "decode() argument '%s' must be str, not %s",
                       names[i], aw_type_name(vm, a[i]));
  AwBytes *s = AW_AS_BYTES(argv[0]);
  return aw_bytes_decode(vm, s->data, (size_t)s->len,
                         AW_IS_UNDEF(a[0]) ? NULL : AW_AS_STR(a[0])->data,
                         AW_IS_UNDEF(a[1]) ? NULL : AW_AS_STR(a[1])->data);
}

static AwValue bytes_hex(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"sep", "bytes_per_sep", NULL};
  AwValue a[2];
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_BYTES, "bytes", "hex", names, a))
    return AW_EXC;
  AwBytes *s = AW_AS_BYTES(argv[0]);
  char sep = 0;
  if (!AW_IS_UNDEF(a[0]) && !AW_IS_NONE(a[0])) {
    int64_t n;
    const char *p;
    if (AW_IS_STR(a[0])) n = AW_AS_STR(a[0])->nbytes, p = AW_AS_STR(a[0])->data;
    else if (AW_IS_BYTES(a[0])) n = AW_AS_BYTES(a[0])->len, p = BDATA(AW_AS_BYTES(a[0]));
    else return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "sep must be str or bytes.");
    if (n != 1) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "sep must be length 1.");
    if ((unsigned char)p[0] >= 0x80)
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "sep must be ASCII.");
    sep = p[0];
  }
  int64_t per = 1;
  if (!AW_IS_UNDEF(a[1]) && !aw_text_index(vm, a[1], &per)) return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < s->len; i++) {
    if (sep && group && i > 0) {
      // Positive: groups counted from the right; negative: from the left.
      bool boundary = per > 0 ? (s->len - i) % group == 0 : i % group == 0;
      if (boundary) aw_buf_putc(vm, &b, sep);
    }
    aw_buf_printf(vm, &b, "%02x", s->data[i]);
  }
  return aw_buf_to_str(vm, &b);
}

static int hexval(unsigned c) {
  if (c >= '0' && c <= '9') return (int)c - '0';
  if (c >= 'a' && c <= 'f') return (int)c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return (int)c - 'A' + 10;
  return -1;
}

static AwValue bytes_fromhex(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  // A classmethod: argv[0] is the class.
  if ((kwnames && kwnames->len) || argc != 2) {
    if (kwnames && kwnames->len)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bytes.fromhex() takes no keyword arguments");
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "bytes.fromhex() takes exactly one argument (%d given)", argc - 1);
  }
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "fromhex() argument must be str, not %s",
                     aw_type_name(vm, argv[1]));
  AwStr *s = AW_AS_STR(argv[1]);
  AwBuf b;
  aw_buf_init(&b);
  const unsigned char *p = (const unsigned char *)s->data;
  int64_t i = 0, n = s->nbytes;
  while (i < n) {
    if (b_isspace(p[i])) {
      i++;
      continue;
    }
    int hi = hexval(p[i]);
    int lo = i + 1 < n ? hexval(p[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      aw_buf_free(vm, &b);
      int64_t pos = hi < 0 ? i : i + 1, cp = 0;
      for (int64_t k = 0; k < pos; k++) cp += (p[k] & 0xC0) != 0x80;
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                       "non-hexadecimal number found in fromhex() arg at position %lld",
                       (long long)cp);
    }
    aw_buf_putc(vm, &b, (char)(hi * 16 + lo));
    i += 2;
  }
  AwValue r = b.failed ? AW_EXC : aw_bytes_new(vm, b.data ? b.data : "", b.len);
  aw_buf_free(vm, &b);
  return r;
}

// ---- dunders ----------------------------------------------------------------------------

static AwValue bytes_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__len__", 0, 0, AW_ARGS_WRAPPER);
  return AW_INT(s->len);
}

static AwValue bytes_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__getitem__", 1, 1, AW_ARGS_WRAPPER);
  AwValue key = argv[1];
  if (AW_IS_KIND(key, AW_OBJ_SLICE)) {
    int64_t start, stop, step, count;
    if (!aw_slice_indices(vm, (AwSlice *)AW_AS_OBJ(key), s->len, &start, &stop, &step, &count))
      return AW_EXC;
    if (step == 1) return bytes_from(vm, s, start, start + count);
    AwValue rv = aw_bytes_new(vm, NULL, (size_t)count);
    if (AW_IS_EXC(rv)) return rv;
    for (int64_t i = 0; i < count; i++) AW_AS_BYTES(rv)->data[i] = s->data[start + i * step];
    return rv;
  }
  int64_t i;
  if (AW_IS_INTLIKE(key)) {
    i = AW_AS_INT(key);
  } else if (AW_IS_OBJ(key) && !AW_IS_UNDEF(aw_lookup_special(vm, key, AW_N(vm, index)))) {
    if (!aw_index(vm, key, &i)) return AW_EXC;
  } else {
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "byte indices must be integers or slices, not %s",
                     aw_type_name(vm, key));
  }
  if (i < 0) i += s->len;
  if (i < 0 || i >= s->len) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "index out of range");
  return AW_INT(s->data[i]);
}

static AwValue bytes_add(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__add__", 1, 1, AW_ARGS_WRAPPER);
  if (!AW_IS_BYTES(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't concat %s to bytes",
                     aw_type_name(vm, argv[1]));
  AwBytes *o = AW_AS_BYTES(argv[1]);
  if (o->len == 0) return argv[0];
  if (s->len == 0) return argv[1];
  AwValue rv = aw_bytes_new(vm, NULL, (size_t)(s->len + o->len));
  if (AW_IS_EXC(rv)) return rv;
  memcpy(AW_AS_BYTES(rv)->data, s->data, (size_t)s->len);
  memcpy(AW_AS_BYTES(rv)->data + s->len, o->data, (size_t)o->len);
  return rv;
}

static AwValue bytes_mul(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__mul__", 1, 1, AW_ARGS_WRAPPER);
  int64_t n;
  if (AW_IS_INTLIKE(argv[1])) {
    n = AW_AS_INT(argv[1]);
  } else if (AW_IS_OBJ(argv[1]) && !AW_IS_UNDEF(aw_lookup_special(vm, argv[1], AW_N(vm, index)))) {
    if (!aw_index(vm, argv[1], &n)) return AW_EXC;
  } else {
    return vm->not_implemented;
  }
  if (n <= 0) return aw_bytes_new(vm, NULL, 0);
  if (n == 1) return argv[0];
  int64_t total;
  if (__builtin_mul_overflow(s->len, n, &total))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "repeated bytes are too long");
  AwValue rv = aw_bytes_new(vm, NULL, (size_t)total);
  if (AW_IS_EXC(rv)) return rv;
  for (int64_t i = 0; i < n; i++)
    memcpy(AW_AS_BYTES(rv)->data + i * s->len, s->data, (size_t)s->len);
  return rv;
}

static AwValue bytes_iter_next(AwVM *vm, AwIter *it) {
  (void)vm;
  AwBytes *s = AW_AS_BYTES(it->a);
  if (it->i >= s->len) return AW_UNDEF;
  return AW_INT(s->data[it->i++]);
}

static AwValue bytes_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__iter__", 0, 0, AW_ARGS_WRAPPER);
  (void)s;
  AwIter *it = aw_iter_new(vm, AW_CLS(vm, bytes_iterator), bytes_iter_next, argv[0], AW_UNDEF);
  if (!it) return AW_EXC;
  it->i = 0;
  return AW_OBJ(it);
}

static AwValue bytes_mod(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__mod__", 1, 1, AW_ARGS_WRAPPER);
  AwBuf b;
  aw_buf_init(&b);
  AwValue r = aw_text_percent(vm, BDATA(s), (size_t)s->len, argv[1], true, &b);
  if (!AW_IS_EXC(r)) r = b.failed ? AW_EXC : aw_bytes_new(vm, b.data ? b.data : "", b.len);
  aw_buf_free(vm, &b);
  return r;
}

static AwValue bytes_hash_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__hash__", 0, 0, AW_ARGS_WRAPPER);
  return AW_INT((int64_t)aw_bytes_hash(s));
}

static AwValue bytes_repr_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  BYTES_SELF("__repr__", 0, 0, AW_ARGS_WRAPPER);
  AwBuf b;
  aw_buf_init(&b);
  if (!aw_bytes_repr_buf(vm, &b, s)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

static int bytes_cmp(AwBytes *a, AwBytes *b) {
  int64_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->data, b->data, (size_t)n);
  if (c) return c;
  return a->len < b->len ? -1 : a->len > b->len;
}

static AwValue compare_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         AwCmpOp op) {
  BYTES_SELF(name, 1, 1, AW_ARGS_WRAPPER);
  if (!AW_IS_BYTES(argv[1])) return vm->not_implemented;
  int c = bytes_cmp(s, AW_AS_BYTES(argv[1]));
  switch (op) {
    case AW_LT: return AW_BOOL(c < 0);
    case AW_LE: return AW_BOOL(c <= 0);
    case AW_EQ: return AW_BOOL(c == 0);
    case AW_NE: return AW_BOOL(c != 0);
    case AW_GT: return AW_BOOL(c > 0);
    default: return AW_BOOL(c >= 0);
  }
}

#define BYTES_CMP(fn, name, op)                                            \
  static AwValue fn(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return compare_m(vm, argc, argv, kwnames, name, op);                   \
  }
BYTES_CMP(bytes_eq_m, "__eq__", AW_EQ)
BYTES_CMP(bytes_ne_m, "__ne__", AW_NE)
BYTES_CMP(bytes_lt_m, "__lt__", AW_LT)
BYTES_CMP(bytes_le_m, "__le__", AW_LE)
BYTES_CMP(bytes_gt_m, "__gt__", AW_GT)
BYTES_CMP(bytes_ge_m, "__ge__", AW_GE)

// bytes(), bytes(n), bytes(iterable_of_ints), bytes(str, encoding[, errors]), bytes(b).
static AwValue bytes_new_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"source", "encoding", "errors", NULL};
  AwValue a[3];
  int n = argc - 1, nkw = kwnames ? (int)kwnames->len : 0;
  if (n + nkw > 3)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bytes() takes at most 3 arguments (%d given)",
                     n + nkw);
  for (int i = 0; i < 3; i++) a[i] = i < n ? argv[1 + i] : AW_UNDEF;
  for (int k = 0; k < nkw; k++) {
    int i = 0;
    while (i < 3 && !aw_str_eq_cstr(kwnames->items[k], names[i])) i++;
    if (i == 3)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "'%U' is an invalid keyword argument for bytes()", kwnames->items[k]);
    if (i < n)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "argument for bytes() given by name ('%s') and position (%d)", names[i], i + 1);
    a[i] = argv[argc + k];
  }
  AwValue src = a[0];
  for (int i = 1; i < 3; i++)
    if (!AW_IS_UNDEF(a[i]) && !AW_IS_STR(a[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bytes() argument '%s' must be str, not %s",
                       names[i], aw_type_name(vm, a[i]));
  if (AW_IS_UNDEF(src)) {
    if (!AW_IS_UNDEF(a[1]) || !AW_IS_UNDEF(a[2]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       AW_IS_UNDEF(a[1]) ? "errors without a string argument"
                                         : "encoding without a string argument");
    return aw_bytes_new(vm, NULL, 0);
  }
  if (AW_IS_STR(src)) {
    if (AW_IS_UNDEF(a[1]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "string argument without an encoding");
    return aw_str_encode(vm, src, AW_AS_STR(a[1])->data,
                         AW_IS_UNDEF(a[2]) ? NULL : AW_AS_STR(a[2])->data);
  }
  if (!AW_IS_UNDEF(a[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "encoding without a string argument");
  if (!AW_IS_UNDEF(a[2]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "errors without a string argument");
  if (AW_IS_BYTES(src)) return src;
  if (AW_IS_INTLIKE(src)) {
    if (AW_AS_INT(src) < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "negative count");
    return aw_bytes_new(vm, NULL, (size_t)AW_AS_INT(src));
  }
  if (AW_IS_OBJ(src)) {
    AwValue name = aw_str_intern(vm, "__bytes__", 9);
    if (AW_IS_EXC(name)) return name;
    if (!AW_IS_UNDEF(aw_lookup_special(vm, src, name))) {
      AwValue r = aw_call_special(vm, src, name, 0, NULL);
      if (AW_IS_EXC(r)) return r;
      if (!AW_IS_BYTES(r))
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__bytes__ returned non-bytes (type %s)",
                         aw_type_name(vm, r));
      return r;
    }
    if (!AW_IS_UNDEF(aw_lookup_special(vm, src, AW_N(vm, index)))) {
      int64_t k;
      if (!aw_index(vm, src, &k)) return AW_EXC;
      if (k < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "negative count");
      return aw_bytes_new(vm, NULL, (size_t)k);
    }
  }
  if (AW_IS_OBJ(src) && (!AW_IS_UNDEF(aw_lookup_special(vm, src, AW_N(vm, iter))) ||
                         !AW_IS_UNDEF(aw_lookup_special(vm, src, AW_N(vm, getitem))))) {
    AwList *l = aw_list_from_iterable(vm, src);
    if (!l) return AW_EXC;
    AwValue rv = aw_bytes_new(vm, NULL, (size_t)l->len);
    if (AW_IS_EXC(rv)) return rv;
    for (int64_t i = 0; i < l->len; i++) {
      // The items are ints or objects with __index__; aw_index may run
      // script code, so keep the list and the result rooted.
      int64_t v;
      AwValue item = l->items[i];
      if (AW_IS_INTLIKE(item)) {
        v = AW_AS_INT(item);
      } else {
        aw_push_root(vm, AW_OBJ(l));
        aw_push_root(vm, rv);
        bool ok = aw_index(vm, item, &v);
        aw_pop_root(vm);
        aw_pop_root(vm);
        if (!ok) return AW_EXC;
      }
      if (v < 0 || v > 255)
        return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "bytes must be in range(0, 256)");
      AW_AS_BYTES(rv)->data[i] = (uint8_t)v;
    }
    return rv;
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot convert '%s' object to bytes",
                   aw_type_name(vm, src));
}

// ---- the class ---------------------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
} MethodDef;

static const MethodDef bytes_methods[] = {
    {"decode", bytes_decode},         {"hex", bytes_hex},
    {"find", bytes_find},             {"rfind", bytes_rfind},
    {"index", bytes_index},           {"rindex", bytes_rindex},
    {"count", bytes_count},           {"startswith", bytes_startswith},
    {"endswith", bytes_endswith},     {"replace", bytes_replace},
    {"split", bytes_split},           {"rsplit", bytes_rsplit},
    {"splitlines", bytes_splitlines}, {"join", bytes_join},
    {"strip", bytes_strip},           {"lstrip", bytes_lstrip},
    {"rstrip", bytes_rstrip},         {"upper", bytes_upper},
    {"lower", bytes_lower},           {"swapcase", bytes_swapcase},
    {"capitalize", bytes_capitalize}, {"title", bytes_title},
    {"isdigit", bytes_isdigit},       {"isalpha", bytes_isalpha},
    {"isspace", bytes_isspace},       {"isalnum", bytes_isalnum},
    {"isupper", bytes_isupper},       {"islower", bytes_islower},
    {"isascii", bytes_isascii},       {"partition", bytes_partition},
    {"rpartition", bytes_rpartition}, {"removeprefix", bytes_removeprefix},
    {"removesuffix", bytes_removesuffix}, {"ljust", bytes_ljust},
    {"rjust", bytes_rjust},           {"center", bytes_center},
    {"zfill", bytes_zfill},           {"__len__", bytes_len},
    {"__getitem__", bytes_getitem},   {"__contains__", bytes_contains},
    {"__add__", bytes_add},           {"__mul__", bytes_mul},
    {"__rmul__", bytes_mul},          {"__iter__", bytes_iter},
    {"__mod__", bytes_mod},           {"__hash__", bytes_hash_m},
    {"__repr__", bytes_repr_m},       {"__str__", bytes_repr_m},
    {"__eq__", bytes_eq_m},           {"__ne__", bytes_ne_m},
    {"__lt__", bytes_lt_m},           {"__le__", bytes_le_m},
    {"__gt__", bytes_gt_m},           {"__ge__", bytes_ge_m},
};

bool aw_bytes_init_class(AwVM *vm) {
  AwClass *c = AW_CLS(vm, bytes);
  for (size_t i = 0; i < sizeof bytes_methods / sizeof bytes_methods[0]; i++)
    if (!aw_class_add_native(vm, c, bytes_methods[i].name, bytes_methods[i].fn, AW_NATIVE_METHOD))
      return false;
  return aw_class_add_native(vm, c, "__new__", bytes_new_m, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, c, "fromhex", bytes_fromhex, AW_NATIVE_CLASSMETHOD);
}

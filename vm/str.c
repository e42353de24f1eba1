// vm/str.c -- the str type: allocation, the weak intern table
// (vm->strings), one-character cache, hashing, UTF-8 helpers, repr, C-side
// printf-style formatting (aw_str_format) and the str methods. Format-spec
// handling is in format.c; str.format / % live in strfmt.c.
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"
#include "vm/unicode.h"

// ---- allocation ---------------------------------------------------------

// A fresh, uninterned str with room for [nbytes] bytes (data NUL-terminated
// by the caller or by str_finish). NULL on failure.
static AwStr *str_alloc(AwVM *vm, size_t nbytes) {
  if (nbytes > (size_t)INT64_MAX - sizeof(AwStr) - 1) {
    aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "out of memory");
    return NULL;
  }
  AwStr *s = (AwStr *)aw_obj_alloc(vm, sizeof(AwStr) + nbytes + 1, AW_OBJ_STR, AW_CLS(vm, str));
  if (!s) return NULL;
  s->hash = 0;
  s->nbytes = (int64_t)nbytes;
  s->nchars = 0;
  s->ascii = true;
  s->interned = false;
  s->data[nbytes] = '\0';
  return s;
}

// Counts code points of valid UTF-8: every byte that is not a continuation.
static int64_t count_chars(const char *p, size_t n) {
  const unsigned char *s = (const unsigned char *)p;
  int64_t cont = 0;
  size_t i = 0;
  // Word at a time: all-ASCII words have no continuation bytes.
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (!(w & 0x8080808080808080ull)) continue;
    for (size_t j = i; j < i + 8; j++) cont += (s[j] & 0xC0) == 0x80;
  }
  for (; i < n; i++) cont += (s[i] & 0xC0) == 0x80;
  return (int64_t)n - cont;
}

static void str_set_counts(AwStr *s, int64_t nchars) {
  s->nchars = nchars;
  s->ascii = nchars == s->nbytes;
}

// The cached empty / one-character strs; created and interned on first use.
static AwValue str_cached(AwVM *vm, const char *p, size_t len) {
  AwValue *slot = len == 0 ? &vm->empty_str : &vm->small_strs[(unsigned char)p[0]];
  if (!AW_IS_UNDEF(*slot) && !AW_IS_NONE(*slot)) return *slot;
  AwStr *s = str_alloc(vm, len);
  if (!s) return AW_EXC;
  if (len) s->data[0] = p[0];
  str_set_counts(s, (int64_t)len);
  AwValue v = aw_str_intern_value(vm, AW_OBJ(s));
  if (AW_IS_EXC(v)) return v;
  *slot = v;
  return v;
}

AwValue aw_str_new(AwVM *vm, const char *s, size_t len) {
  if (len == 0 || (len == 1 && (unsigned char)s[0] < 128)) return str_cached(vm, s, len);
  AwStr *o = str_alloc(vm, len);
  if (!o) return AW_EXC;
  memcpy(o->data, s, len);
  str_set_counts(o, count_chars(s, len));
  return AW_OBJ(o);
}

AwValue aw_str_from_cstr(AwVM *vm, const char *s) { return aw_str_new(vm, s, strlen(s)); }

// A str from [len] bytes whose code point count is already known.
static AwValue str_new_n(AwVM *vm, const char *s, size_t len, int64_t nchars) {
  if (len <= 1) return aw_str_new(vm, s, len);
  AwStr *o = str_alloc(vm, len);
  if (!o) return AW_EXC;
  memcpy(o->data, s, len);
  str_set_counts(o, nchars);
  return AW_OBJ(o);
}

// ---- UTF-8 ----------------------------------------------------------------

int aw_utf8_decode(const unsigned char *p, uint32_t *cp) {
  unsigned c = p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c < 0xE0) {
    *cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (c < 0xF0) {
    *cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  *cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
  return 4;
}

int aw_utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

int64_t aw_utf8_check(const unsigned char *s, size_t n, int64_t *nchars, int *errlen,
                      const char **reason) {
  size_t i = 0;
  int64_t count = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      count++;
      continue;
    }
    int need;
    uint32_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      *errlen = 1;
      *reason = "invalid start byte";
      return (int64_t)i;
    }
    // CPython reports the maximal valid prefix as the bad range.
    int k;
    for (k = 1; k <= need; k++) {
      if (i + (size_t)k >= n) {
        *errlen = k;
        *reason = "unexpected end of data";
        return (int64_t)i;
      }
      unsigned d = s[i + (size_t)k];
      bool ok = k == 1 ? (d >= lo && d <= hi) : (d & 0xC0) == 0x80;
      if (!ok) {
        *errlen = k;
        *reason = "invalid continuation byte";
        return (int64_t)i;
      }
    }
    i += (size_t)need + 1;
    count++;
  }
  if (nchars) *nchars = count;
  return -1;
}

AwValue aw_str_new_checked(AwVM *vm, const char *s, size_t len) {
  int64_t nchars = 0;
  int errlen;
  const char *reason;
  int64_t bad = aw_utf8_check((const unsigned char *)s, len, &nchars, &errlen, &reason);
  if (bad >= 0) return aw_raise_decode_error(vm, "utf-8", s, len, bad, bad + errlen, reason);
  return str_new_n(vm, s, len, nchars);
}

// ---- hashing, equality, interning -------------------------------------------

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static inline uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  k ^= k >> 33;
  return k;
}

uint64_t aw_hash_bytes(const void *data, size_t n) {
  // A MurmurHash3-style word mixer: deterministic, fast, well distributed.
  const unsigned char *p = data;
  uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)n * 0x87c37b91114253d5ull);
  while (n >= 8) {
    uint64_t k;
    memcpy(&k, p, 8);
    k *= 0x87c37b91114253d5ull;
    k = rotl64(k, 31);
    k *= 0x4cf5ad432745937full;
    h ^= k;
    h = rotl64(h, 27) * 5 + 0x52dce729;
    p += 8;
    n -= 8;
  }
  uint64_t k = 0;
  for (size_t i = 0; i < n; i++) k |= (uint64_t)p[i] << (8 * i);
  k *= 0x87c37b91114253d5ull;
  k = rotl64(k, 31);
  k *= 0x4cf5ad432745937full;
  h ^= k;
  h = fmix64(h);
  return h ? h : 1;  // 0 means "not computed yet"
}

uint64_t aw_str_hash(AwStr *s) {
  if (!s->hash) s->hash = aw_hash_bytes(s->data, (size_t)s->nbytes);
  return s->hash;
}

bool aw_str_eq(AwStr *a, AwStr *b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->interned && b->interned) return false;
  if (a->hash && b->hash && a->hash != b->hash) return false;
  return memcmp(a->data, b->data, (size_t)a->nbytes) == 0;
}

bool aw_str_eq_cstr(AwValue str, const char *s) {
  if (!AW_IS_STR(str)) return false;
  AwStr *a = AW_AS_STR(str);
  size_t n = strlen(s);
  return (size_t)a->nbytes == n && memcmp(a->data, s, n) == 0;
}

static bool ensure_intern_table(AwVM *vm) {
  if (vm->strings) return true;
  vm->strings = aw_dict_new(vm);
  return vm->strings != NULL;
}

// The intern table maps each interned str to itself. It is weak: the GC does
// not mark it; aw_str_sweep_interned drops dead entries before the sweep.
AwValue aw_str_intern_value(AwVM *vm, AwValue str) {
  AwStr *s = AW_AS_STR(str);
  if (s->interned) return str;
  if (!ensure_intern_table(vm)) return AW_EXC;
  AwValue found;
  int r = aw_dict_get(vm, vm->strings, str, &found);
  if (r < 0) return AW_EXC;
  if (r > 0) return found;
  s->interned = true;
  if (!aw_dict_set(vm, vm->strings, str, str)) {
    s->interned = false;
    return AW_EXC;
  }
  return str;
}

AwValue aw_str_intern(AwVM *vm, const char *s, size_t len) {
  if (!ensure_intern_table(vm)) return AW_EXC;
  // Look up through a stack key first so that hits allocate nothing.
  union {
    AwStr str;
    char raw[sizeof(AwStr) + 120];
  } key;
  if (len < 120) {
    memset(&key.str, 0, sizeof(AwStr));
    key.str.obj.kind = AW_OBJ_STR;
    key.str.obj.cls = AW_CLS(vm, str);
    key.str.nbytes = (int64_t)len;
    memcpy(key.str.data, s, len);
    key.str.data[len] = '\0';
    AwValue found;
    int r = aw_dict_get(vm, vm->strings, AW_OBJ(&key.str), &found);
    if (r < 0) return AW_EXC;
    if (r > 0) return found;
  }
  AwValue v = aw_str_new(vm, s, len);
  if (AW_IS_EXC(v)) return v;
  return aw_str_intern_value(vm, v);
}

void aw_str_sweep_interned(AwVM *vm) {
  if (!vm->strings) return;
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(vm->strings, &pos, &k, &v)) {
    if (!AW_AS_OBJ(k)->marked) (void)aw_dict_del(vm, vm->strings, k, NULL);
  }
}

// ---- building ----------------------------------------------------------------

AwValue aw_str_concat(AwVM *vm, AwValue a, AwValue b) {
  AwStr *x = AW_AS_STR(a), *y = AW_AS_STR(b);
  if (y->nbytes == 0) return a;
  if (x->nbytes == 0) return b;
  AwStr *s = str_alloc(vm, (size_t)(x->nbytes + y->nbytes));
  if (!s) return AW_EXC;
  memcpy(s->data, x->data, (size_t)x->nbytes);
  memcpy(s->data + x->nbytes, y->data, (size_t)y->nbytes);
  str_set_counts(s, x->nchars + y->nchars);
  return AW_OBJ(s);
}

AwValue aw_str_from_codepoint(AwVM *vm, uint32_t cp) {
  char buf[4];
  int n = aw_utf8_encode(cp, buf);
  return str_new_n(vm, buf, (size_t)n, 1);
}

int64_t aw_str_byte_offset(AwStr *s, int64_t index) {
  if (s->ascii || index <= 0) return index <= 0 ? 0 : index;
  if (index >= s->nchars) return s->nbytes;
  const unsigned char *p = (const unsigned char *)s->data;
  if (index <= s->nchars / 2) {
    int64_t i = 0, seen = 0;
    for (;;) {
      // Skip 8 ASCII bytes at a time while far from the target.
      while (index - seen >= 8 && i + 8 <= s->nbytes) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
        seen += 8;
      }
      if (seen == index) return i;
      i++;
      while (i < s->nbytes && (p[i] & 0xC0) == 0x80) i++;
      seen++;
    }
  }
  int64_t i = s->nbytes, left = s->nchars - index;
  while (left > 0) {
    i--;
    while ((p[i] & 0xC0) == 0x80) i--;
    left--;
  }
  return i;
}

AwValue aw_str_getitem(AwVM *vm, AwValue sv, int64_t index) {
  AwStr *s = AW_AS_STR(sv);
  if (s->ascii) return aw_str_new(vm, s->data + index, 1);
  int64_t off = aw_str_byte_offset(s, index);
  uint32_t cp;
  int n = aw_utf8_decode((const unsigned char *)s->data + off, &cp);
  return str_new_n(vm, s->data + off, (size_t)n, 1);
}

// The str of code points [start, stop) (byte offsets already computed).
static AwValue str_slice_bytes(AwVM *vm, AwStr *s, int64_t b0, int64_t b1, int64_t nchars) {
  if (b0 == 0 && b1 == s->nbytes) return AW_OBJ(s);
  return str_new_n(vm, s->data + b0, (size_t)(b1 - b0), nchars);
}

// ---- printf-style formatting for C callers -------------------------------------

// Appends one printf directive [spec] (e.g. "%-5ld") taking the next
// argument of the type its length modifier and conversion say.
static bool format_directive(AwVM *vm, AwBuf *b, const char *spec, char conv, const char *len,
                             va_list *ap) {
  switch (conv) {
    case 'd':
    case 'i':
      if (!strcmp(len, "l")) return aw_buf_printf(vm, b, spec, va_arg(*ap, long));
      if (!strcmp(len, "ll")) return aw_buf_printf(vm, b, spec, va_arg(*ap, long long));
      if (!strcmp(len, "z")) return aw_buf_printf(vm, b, spec, va_arg(*ap, ptrdiff_t));
      if (!strcmp(len, "j")) return aw_buf_printf(vm, b, spec, va_arg(*ap, intmax_t));
      if (!strcmp(len, "t")) return aw_buf_printf(vm, b, spec, va_arg(*ap, ptrdiff_t));
      return aw_buf_printf(vm, b, spec, va_arg(*ap, int));
    case 'u':
    case 'x':
    case 'X':
    case 'o':
      if (!strcmp(len, "l")) return aw_buf_printf(vm, b, spec, va_arg(*ap, unsigned long));
      if (!strcmp(len, "ll")) return aw_buf_printf(vm, b, spec, va_arg(*ap, unsigned long long));
      if (!strcmp(len, "z")) return aw_buf_printf(vm, b, spec, va_arg(*ap, size_t));
      if (!strcmp(len, "j")) return aw_buf_printf(vm, b, spec, va_arg(*ap, uintmax_t));
      if (!strcmp(len, "t")) return aw_buf_printf(vm, b, spec, va_arg(*ap, size_t));
      return aw_buf_printf(vm, b, spec, va_arg(*ap, unsigned));
    case 'c':
      return aw_buf_printf(vm, b, spec, va_arg(*ap, int));
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return aw_buf_printf(vm, b, spec, va_arg(*ap, double));
    case 'p':
      return aw_buf_printf(vm, b, spec, va_arg(*ap, void *));
    case 's': {
      const char *s = va_arg(*ap, const char *);
      return aw_buf_printf(vm, b, spec, s ? s : "(null)");
    }
    default:
      return aw_buf_append(vm, b, spec, strlen(spec));
  }
}

// Appends [fmt] formatted with [ap] to [b]; false on error.
bool aw_buf_vformat(AwVM *vm, AwBuf *b, const char *fmt, va_list ap0) {
  va_list ap;
  va_copy(ap, ap0);
  bool ok = true;
  const char *p = fmt;
  while (ok && *p) {
    const char *pct = strchr(p, '%');
    if (!pct) {
      ok = aw_buf_append(vm, b, p, strlen(p));
      break;
    }
    if (pct > p && !(ok = aw_buf_append(vm, b, p, (size_t)(pct - p)))) break;
    p = pct + 1;
    if (*p == '%') {
      ok = aw_buf_putc(vm, b, '%');
      p++;
      continue;
    }
    // Collect "%[flags][width][.prec][len]conv" into spec, expanding '*'.
    char spec[64];
    size_t n = 0;
    spec[n++] = '%';
    while (*p && strchr("-+ #0", *p) && n < 20) spec[n++] = *p++;
    for (int part = 0; part < 2; part++) {
      if (part == 1) {
        if (*p != '.') break;
        spec[n++] = *p++;
      }
      if (*p == '*') {
        n += (size_t)snprintf(spec + n, sizeof spec - n, "%d", va_arg(ap, int));
        p++;
      } else {
        while (*p >= '0' && *p <= '9' && n < 40) spec[n++] = *p++;
      }
    }
    char len[3] = {0};
    size_t ln = 0;
    while (*p && strchr("hlzjt", *p) && ln < 2) len[ln++] = spec[n++] = *p++;
    char conv = *p ? *p++ : '\0';
    spec[n++] = conv;
    spec[n] = '\0';
    if (conv == 'R' || conv == 'S') {
      AwValue v = va_arg(ap, AwValue);
      ok = conv == 'R' ? aw_buf_repr(vm, b, v) : aw_buf_str(vm, b, v);
    } else if (conv == 'T') {
      AwValue v = va_arg(ap, AwValue);
      const char *tn = aw_type_name(vm, v);
      ok = aw_buf_append(vm, b, tn, strlen(tn));
    } else if (conv == 'U') {
      // A str value's raw text (no repr), like CPython's %U.
      ok = aw_buf_append_str(vm, b, va_arg(ap, AwValue));
    } else {
      ok = format_directive(vm, b, spec, conv, len, &ap);
    }
  }
  va_end(ap);
  return ok;
}

AwValue aw_str_vformat(AwVM *vm, const char *fmt, va_list ap) {
  AwBuf b;
  aw_buf_init(&b);
  if (!aw_buf_vformat(vm, &b, fmt, ap)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

AwValue aw_str_format(AwVM *vm, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  AwValue r = aw_str_vformat(vm, fmt, ap);
  va_end(ap);
  return r;
}

// ---- repr ----------------------------------------------------------------------

static bool repr_escape(AwVM *vm, AwBuf *b, uint32_t cp) {
  if (cp < 0x100) return aw_buf_printf(vm, b, "\\x%02x", (unsigned)cp);
  if (cp < 0x10000) return aw_buf_printf(vm, b, "\\u%04x", (unsigned)cp);
  return aw_buf_printf(vm, b, "\\U%08x", (unsigned)cp);
}

bool aw_str_repr_buf(AwVM *vm, AwBuf *b, AwStr *s) {
  // CPython: single quotes unless the text has ' and no ".
  bool has_sq = memchr(s->data, '\'', (size_t)s->nbytes) != NULL;
  bool has_dq = memchr(s->data, '"', (size_t)s->nbytes) != NULL;
  char q = has_sq && !has_dq ? '"' : '\'';
  if (!aw_buf_putc(vm, b, q)) return false;
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  while (p < end) {
    // Copy runs of plain printable ASCII in one append.
    const unsigned char *run = p;
    while (p < end && *p >= 0x20 && *p < 0x7f && *p != '\\' && *p != (unsigned char)q) p++;
    if (p > run && !aw_buf_append(vm, b, (const char *)run, (size_t)(p - run))) return false;
    if (p >= end) break;
    uint32_t cp;
    int n = aw_utf8_decode(p, &cp);
    bool ok;
    if (cp == '\\' || cp == (uint32_t)q) {
      char e[2] = {'\\', (char)cp};
      ok = aw_buf_append(vm, b, e, 2);
    } else if (cp == '\n') {
      ok = aw_buf_append(vm, b, "\\n", 2);
    } else if (cp == '\r') {
      ok = aw_buf_append(vm, b, "\\r", 2);
    } else if (cp == '\t') {
      ok = aw_buf_append(vm, b, "\\t", 2);
    } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && !aw_unicode_isprintable(cp))) {
      ok = repr_escape(vm, b, cp);
    } else {
      ok = aw_buf_append(vm, b, (const char *)p, (size_t)n);
    }
    if (!ok) return false;
    p += n;
  }
  return aw_buf_putc(vm, b, q);
}

// ---- encoding ------------------------------------------------------------------

static AwValue raise_encode_error(AwVM *vm, const char *codec, AwStr *s, int64_t start,
                                  int64_t end, uint32_t cp, unsigned limit) {
  (void)s;
  char ch[16];
  if (cp <= 0xff) snprintf(ch, sizeof ch, "\\x%02x", (unsigned)cp);
  else if (cp <= 0xffff) snprintf(ch, sizeof ch, "\\u%04x", (unsigned)cp);
  else snprintf(ch, sizeof ch, "\\U%08x", (unsigned)cp);
  if (end - start == 1)
    return aw_raisef(vm, AW_EXCCLS(vm, UnicodeEncodeError),
                     "'%s' codec can't encode character '%s' in position %lld: ordinal not in "
                     "range(%u)",
                     codec, ch, (long long)start, limit);
  return aw_raisef(vm, AW_EXCCLS(vm, UnicodeEncodeError),
                   "'%s' codec can't encode characters in position %lld-%lld: ordinal not in "
                   "range(%u)",
                   codec, (long long)start, (long long)end - 1, limit);
}

AwValue aw_str_encode(AwVM *vm, AwValue str, const char *encoding, const char *errors) {
  AwStr *s = AW_AS_STR(str);
  const char *codec = aw_codec_name(encoding ? encoding : "utf-8");
  if (!codec) return aw_raisef(vm, AW_EXCCLS(vm, LookupError), "unknown encoding: %s", encoding);
  if (!strcmp(codec, "utf-8") || s->ascii) return aw_bytes_new(vm, s->data, (size_t)s->nbytes);
  unsigned limit = !strcmp(codec, "ascii") ? 128 : 256;
  int mode = !errors || !strcmp(errors, "strict") ? 0 : !strcmp(errors, "replace") ? 1
             : !strcmp(errors, "ignore") ? 2 : -1;
  AwBuf b;
  aw_buf_init(&b);
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  int64_t pos = 0;
  while (p < end) {
    uint32_t cp;
    p += aw_utf8_decode(p, &cp);
    if (cp < limit) {
      aw_buf_putc(vm, &b, (char)cp);
    } else if (mode == 1) {
      aw_buf_putc(vm, &b, '?');
    } else if (mode != 2) {
      aw_buf_free(vm, &b);
      if (mode < 0)
        return aw_raisef(vm, AW_EXCCLS(vm, LookupError), "unknown error handler name '%s'",
                         errors);
      // CPython reports the whole run of unencodable characters.
      int64_t stop = pos + 1;
      const unsigned char *q = p;
      while (q < end) {
        uint32_t c2;
        int k = aw_utf8_decode(q, &c2);
        if (c2 < limit) break;
        q += k;
        stop++;
      }
      return raise_encode_error(vm, codec, s, pos, stop, cp, limit);
    }
    pos++;
  }
  if (b.failed) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  AwValue r = aw_bytes_new(vm, b.data ? b.data : "", b.len);
  aw_buf_free(vm, &b);
  return r;
}

// ---- slicing and iteration ----------------------------------------------------------

static bool slice_index(AwVM *vm, AwValue v, int64_t *out) {
  if (AW_IS_INTLIKE(v)) {
    *out = AW_AS_INT(v);
    return true;
  }
  if (AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, index)))) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError),
              "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return aw_index(vm, v, out);
}

bool aw_str_slice_indices(AwVM *vm, AwValue slv, int64_t len, int64_t *pstart, int64_t *pstop,
                          int64_t *pstep, int64_t *count) {
  AwSlice *sl = (AwSlice *)AW_AS_OBJ(slv);
  int64_t start, stop, step = 1;
  if (!AW_IS_NONE(sl->step)) {
    if (!slice_index(vm, sl->step, &step)) return false;
    if (step == 0) {
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "slice step cannot be zero");
      return false;
    }
    if (step < -INT64_MAX) step = -INT64_MAX;
  }
  if (AW_IS_NONE(sl->start)) start = step < 0 ? INT64_MAX : 0;
  else if (!slice_index(vm, sl->start, &start)) return false;
  if (AW_IS_NONE(sl->stop)) stop = step < 0 ? INT64_MIN : INT64_MAX;
  else if (!slice_index(vm, sl->stop, &stop)) return false;
  if (start < 0) {
    start += len;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= len) {
    start = step < 0 ? len - 1 : len;
  }
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= len) {
    stop = step < 0 ? len - 1 : len;
  }
  int64_t n = 0;
  if (step < 0) {
    if (stop < start) n = (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    n = (stop - start - 1) / step + 1;
  }
  *pstart = start;
  *pstop = stop;
  *pstep = step;
  *count = n;
  return true;
}

AwValue aw_str_slice(AwVM *vm, AwValue sv, int64_t start, int64_t step, int64_t count) {
  AwStr *s = AW_AS_STR(sv);
  if (count <= 0) return aw_str_new(vm, "", 0);
  if (step == 1) {
    int64_t b0 = aw_str_byte_offset(s, start);
    int64_t b1 = s->ascii ? start + count : b0 + aw_str_byte_offset(s, start + count) - b0;
    return str_slice_bytes(vm, s, b0, b1, count);
  }
  if (s->ascii) {
    AwStr *r = str_alloc(vm, (size_t)count);
    if (!r) return AW_EXC;
    for (int64_t i = 0; i < count; i++) r->data[i] = s->data[start + i * step];
    str_set_counts(r, count);
    return AW_OBJ(r);
  }
  // Non-ASCII with a step: find each code point's byte offset once.
  size_t cap = (size_t)(s->nchars + 1) * sizeof(int64_t);
  int64_t *offs = aw_mem_alloc(vm, cap);
  if (!offs) return AW_EXC;
  const unsigned char *p = (const unsigned char *)s->data;
  int64_t k = 0;
  for (int64_t i = 0; i < s->nbytes; i++)
    if ((p[i] & 0xC0) != 0x80) offs[k++] = i;
  offs[k] = s->nbytes;
  AwBuf b;
  aw_buf_init(&b);
  for (int64_t i = 0, c = start; i < count; i++, c += step)
    aw_buf_append(vm, &b, s->data + offs[c], (size_t)(offs[c + 1] - offs[c]));
  aw_mem_free(vm, offs, cap);
  return aw_buf_to_str(vm, &b);
}

static AwValue str_iter_next(AwVM *vm, AwIter *it) {
  AwStr *s = AW_AS_STR(it->a);
  if (it->i >= s->nbytes) return AW_UNDEF;
  const unsigned char *p = (const unsigned char *)s->data + it->i;
  int n = 1;
  if (*p >= 0x80) {
    uint32_t cp;
    n = aw_utf8_decode(p, &cp);
  }
  it->i += n;
  return str_new_n(vm, (const char *)p, (size_t)n, 1);
}

AwValue aw_str_iter(AwVM *vm, AwValue s) {
  AwIter *it = aw_iter_new(vm, AW_CLS(vm, str_iterator), str_iter_next, s, AW_UNDEF);
  if (!it) return AW_EXC;
  it->i = 0;
  return AW_OBJ(it);
}

int aw_str_cmp(AwStr *a, AwStr *b) {
  int64_t n = a->nbytes < b->nbytes ? a->nbytes : b->nbytes;
  int c = memcmp(a->data, b->data, (size_t)n);
  if (c) return c;
  return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes;
}

// ---- the class -------------------------------------------------------------------

bool aw_str_init_class(AwVM *vm) {
  (void)vm;
  return true;
}

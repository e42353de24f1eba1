// vm/str.c -- the str type: allocation, the weak intern table
// (vm->strings), one-character cache, hashing, UTF-8 helpers, repr, C-side
// printf-style formatting (aw_str_format) and the str methods. Format-spec
// handling is in format.c; str.format / % live in strfmt.c.
#include <stdlib.h>
#include <string.h>

#include "vm/text.h"
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
  if (aw_str_interned(a) && aw_str_interned(b)) return false;
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
  if (aw_str_interned(s)) return str;
  if (!ensure_intern_table(vm)) return AW_EXC;
  AwValue found;
  int r = aw_dict_get(vm, vm->strings, str, &found);
  if (r < 0) return AW_EXC;
  if (r > 0) return found;
  s->obj.flags |= AW_STR_INTERNED;
  if (!aw_dict_set(vm, vm->strings, str, str)) {
    s->obj.flags &= (uint16_t)~AW_STR_INTERNED;
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
    key.str.obj.cls_id = AW_CLS(vm, str)->id;
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
  if (vm->strings) aw_dict_sweep_unmarked(vm, vm->strings);
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

// Decimal digits (and sign) of v.
static int dec_len(int64_t v) {
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  int n = 1;
  for (uint64_t p = 10; u >= p && n < 20; p *= 10) n++;  // 10**19 < 2**64: no wrap before n == 20
  return n + (v < 0);
}

// Writes v in decimal into the dec_len(v) bytes ending at [end], two
// digits at a time.
static void dec_write(char *end, int64_t v) {
  static const char pairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  while (u >= 100) {
    unsigned d = (unsigned)(u % 100) * 2;
    u /= 100;
    *--end = pairs[d + 1];
    *--end = pairs[d];
  }
  if (u >= 10) {
    *--end = pairs[u * 2 + 1];
    *--end = pairs[u * 2];
  } else {
    *--end = (char)('0' + u);
  }
  if (v < 0) *--end = '-';
}

AwValue aw_str_build(AwVM *vm, const AwValue *items, int n) {
  size_t total = 0;
  int64_t nchars = 0;
  for (int i = 0; i < n; i++) {
    if (AW_IS_INT(items[i])) {
      int k = dec_len(AW_AS_INT(items[i]));
      total += (size_t)k;
      nchars += k;
    } else {
      total += (size_t)AW_AS_STR(items[i])->nbytes;
      nchars += AW_AS_STR(items[i])->nchars;
    }
  }
  if (n == 1 && AW_IS_STR(items[0])) return items[0];
  char small[2];
  AwStr *s = total > 1 ? str_alloc(vm, total) : NULL;
  if (total > 1 && !s) return AW_EXC;
  char *out = s ? s->data : small;
  for (int i = 0; i < n; i++) {
    if (AW_IS_INT(items[i])) {
      int k = dec_len(AW_AS_INT(items[i]));
      dec_write(out + k, AW_AS_INT(items[i]));
      out += k;
    } else {
      AwStr *x = AW_AS_STR(items[i]);
      memcpy(out, x->data, (size_t)x->nbytes);
      out += x->nbytes;
    }
  }
  if (!s) return aw_str_new(vm, small, total);  // "" and one character: the cached strs
  str_set_counts(s, nchars);
  return AW_OBJ(s);
}

AwValue aw_str_from_codepoint(AwVM *vm, uint32_t cp) {
  char buf[4];
  int n = aw_utf8_encode(cp, buf);
  return str_new_n(vm, buf, (size_t)n, 1);
}

int64_t aw_str_byte_offset(AwStr *s, int64_t index) {
  if (aw_str_ascii(s) || index <= 0) return index <= 0 ? 0 : index;
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
  if (aw_str_ascii(s)) return aw_str_new(vm, s->data + index, 1);
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

// UnicodeEncodeError(encoding, object, start, end, reason); error.c
// formats the message from these fields.
static AwValue raise_encode_error(AwVM *vm, const char *codec, AwValue str, int64_t start,
                                  int64_t end, unsigned limit) {
  AwValue args[5];
  args[0] = aw_str_from_cstr(vm, codec);
  if (AW_IS_EXC(args[0])) return AW_EXC;
  args[1] = str;
  args[2] = AW_INT(start);
  args[3] = AW_INT(end);
  args[4] = aw_str_format(vm, "ordinal not in range(%u)", limit);
  if (AW_IS_EXC(args[4])) return AW_EXC;
  return aw_raise_args(vm, AW_EXCCLS(vm, UnicodeEncodeError), 5, args);
}

AwValue aw_str_encode(AwVM *vm, AwValue str, const char *encoding, const char *errors) {
  AwStr *s = AW_AS_STR(str);
  const char *codec = aw_codec_name(encoding ? encoding : "utf-8");
  if (!codec) return aw_raisef(vm, AW_EXCCLS(vm, LookupError), "unknown encoding: %s", encoding);
  if (!strcmp(codec, "utf-8") || aw_str_ascii(s)) return aw_bytes_new(vm, s->data, (size_t)s->nbytes);
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
      return raise_encode_error(vm, codec, str, pos, stop, limit);
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

AwValue aw_str_slice(AwVM *vm, AwValue sv, int64_t start, int64_t step, int64_t count) {
  AwStr *s = AW_AS_STR(sv);
  if (count <= 0) return aw_str_new(vm, "", 0);
  if (step == 1) {
    int64_t b0 = aw_str_byte_offset(s, start);
    int64_t b1 = aw_str_ascii(s) ? start + count : b0 + aw_str_byte_offset(s, start + count) - b0;
    return str_slice_bytes(vm, s, b0, b1, count);
  }
  if (aw_str_ascii(s)) {
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

// ---- method helpers -----------------------------------------------------------------

#define STR_SELF(name, min, max, style)                                                    \
  if (!aw_text_args(vm, argc, argv, kwnames, AW_OBJ_STR, "str", name, min, max, style))   \
    return AW_EXC;                                                                         \
  AwStr *s = AW_AS_STR(argv[0])

static AwValue type_error(AwVM *vm, const char *what, AwValue v) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s, not %s", what, aw_type_name(vm, v));
}

// The argument must be a str ("must be str, not int" unless [what] says otherwise).
static bool want_str(AwVM *vm, AwValue v, const char *what) {
  if (AW_IS_STR(v)) return true;
  type_error(vm, what ? what : "must be str", v);
  return false;
}

static inline bool cp_isspace(uint32_t c) {
  if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  return aw_unicode_props(c) & AW_UNI_SPACE;
}

// Decodes [s] into a fresh array of code points (freed with free_cps).
static uint32_t *decode_cps(AwVM *vm, AwStr *s) {
  uint32_t *cps = aw_mem_alloc(vm, (size_t)(s->nchars + 1) * sizeof(uint32_t));
  if (!cps) return NULL;
  const unsigned char *p = (const unsigned char *)s->data;
  for (int64_t i = 0, k = 0; i < s->nbytes; k++) i += aw_utf8_decode(p + i, &cps[k]);
  return cps;
}

static void free_cps(AwVM *vm, AwStr *s, uint32_t *cps) {
  aw_mem_free(vm, cps, (size_t)(s->nchars + 1) * sizeof(uint32_t));
}

static bool buf_put_cp(AwVM *vm, AwBuf *b, uint32_t cp) {
  char u[4];
  return aw_buf_append(vm, b, u, (size_t)aw_utf8_encode(cp, u));
}

// ---- case mapping --------------------------------------------------------------------

// CPython's final-sigma rule for lower(): capital sigma becomes final sigma
// at the end of a cased word.
static uint32_t lower_sigma(const uint32_t *cps, int64_t n, int64_t i) {
  int64_t j = i - 1;
  while (j >= 0 && (aw_unicode_props(cps[j]) & AW_UNI_CASE_IGNORABLE)) j--;
  bool final = j >= 0 && (aw_unicode_props(cps[j]) & AW_UNI_CASED);
  if (final && i + 1 < n) {
    j = i + 1;
    while (j < n && (aw_unicode_props(cps[j]) & AW_UNI_CASE_IGNORABLE)) j++;
    final = j == n || !(aw_unicode_props(cps[j]) & AW_UNI_CASED);
  }
  return final ? 0x3C2 : 0x3C3;
}

static int lower_at(const uint32_t *cps, int64_t n, int64_t i, uint32_t out[3]) {
  if (cps[i] == 0x3A3) {
    out[0] = lower_sigma(cps, n, i);
    return 1;
  }
  return aw_unicode_lower(cps[i], out);
}

typedef enum { CASE_UPPER, CASE_LOWER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAP, CASE_FOLD } CaseOp;

static AwValue case_ascii(AwVM *vm, AwStr *s, CaseOp op) {
  AwStr *r = str_alloc(vm, (size_t)s->nbytes);
  if (!r) return AW_EXC;
  bool prev_cased = false;
  for (int64_t i = 0; i < s->nbytes; i++) {
    char c = s->data[i];
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    bool to_upper = false, to_lower = false;
    switch (op) {
      case CASE_UPPER: to_upper = lo; break;
      case CASE_LOWER:
      case CASE_FOLD: to_lower = up; break;
      case CASE_TITLE:
        if (prev_cased) to_lower = up;
        else to_upper = lo;
        prev_cased = up || lo;
        break;
      case CASE_CAPITALIZE:
        if (i == 0) to_upper = lo;
        else to_lower = up;
        break;
      case CASE_SWAP:
        to_upper = lo;
        to_lower = up;
        break;
    }
    r->data[i] = to_upper ? (char)(c - 32) : to_lower ? (char)(c + 32) : c;
  }
  str_set_counts(r, s->nchars);
  return AW_OBJ(r);
}

static AwValue case_map(AwVM *vm, AwStr *s, CaseOp op) {
  if (aw_str_ascii(s)) return case_ascii(vm, s, op);
  uint32_t *cps = decode_cps(vm, s);
  if (!cps) return AW_EXC;
  int64_t n = s->nchars;
  AwBuf b;
  aw_buf_init(&b);
  bool prev_cased = false;
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = cps[i], out[3];
    unsigned props = aw_unicode_props(c);
    int k;
    switch (op) {
      case CASE_UPPER: k = aw_unicode_upper(c, out); break;
      case CASE_LOWER: k = lower_at(cps, n, i, out); break;
      case CASE_FOLD: k = aw_unicode_fold(c, out); break;
      case CASE_TITLE:
        k = prev_cased ? lower_at(cps, n, i, out) : aw_unicode_title(c, out);
        prev_cased = props & AW_UNI_CASED;
        break;
      case CASE_CAPITALIZE:
        k = i == 0 ? aw_unicode_title(c, out) : lower_at(cps, n, i, out);
        break;
      default:  // CASE_SWAP
        if (props & AW_UNI_UPPER) k = lower_at(cps, n, i, out);
        else if (props & AW_UNI_LOWER) k = aw_unicode_upper(c, out);
        else out[0] = c, k = 1;
        break;
    }
    for (int j = 0; j < k; j++) buf_put_cp(vm, &b, out[j]);
  }
  free_cps(vm, s, cps);
  return aw_buf_to_str(vm, &b);
}

#define CASE_METHOD(fn, name, op)                                         \
  static AwValue fn(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    STR_SELF(name, 0, 0, AW_ARGS_NOARGS);                                  \
    return case_map(vm, s, op);                                            \
  }
CASE_METHOD(str_upper, "upper", CASE_UPPER)
CASE_METHOD(str_lower, "lower", CASE_LOWER)
CASE_METHOD(str_title, "title", CASE_TITLE)
CASE_METHOD(str_capitalize, "capitalize", CASE_CAPITALIZE)
CASE_METHOD(str_swapcase, "swapcase", CASE_SWAP)
CASE_METHOD(str_casefold, "casefold", CASE_FOLD)

// ---- predicates -----------------------------------------------------------------------

// True if every code point has one of the [mask] properties (and s is non-empty).
static bool all_props(AwStr *s, unsigned mask) {
  if (s->nchars == 0) return false;
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  while (p < end) {
    uint32_t c;
    p += aw_utf8_decode(p, &c);
    if (!(aw_unicode_props(c) & mask)) return false;
  }
  return true;
}

#define PROP_METHOD(fn, name, mask)                                       \
  static AwValue fn(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    STR_SELF(name, 0, 0, AW_ARGS_NOARGS);                                  \
    return AW_BOOL(all_props(s, mask));                                    \
  }
PROP_METHOD(str_isalpha, "isalpha", AW_UNI_ALPHA)
PROP_METHOD(str_isdigit, "isdigit", AW_UNI_DIGIT)
PROP_METHOD(str_isdecimal, "isdecimal", AW_UNI_DECIMAL)
PROP_METHOD(str_isnumeric, "isnumeric", AW_UNI_NUMERIC)
PROP_METHOD(str_isspace, "isspace", AW_UNI_SPACE)
PROP_METHOD(str_isalnum, "isalnum", AW_UNI_ALPHA | AW_UNI_DECIMAL | AW_UNI_DIGIT | AW_UNI_NUMERIC)

static AwValue str_isascii(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("isascii", 0, 0, AW_ARGS_NOARGS);
  return AW_BOOL(aw_str_ascii(s));
}

static AwValue str_isprintable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("isprintable", 0, 0, AW_ARGS_NOARGS);
  return AW_BOOL(s->nchars == 0 || all_props(s, AW_UNI_PRINTABLE));
}

static AwValue str_isidentifier(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("isidentifier", 0, 0, AW_ARGS_NOARGS);
  if (s->nchars == 0) return AW_FALSE;
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  for (bool first = true; p < end; first = false) {
    uint32_t c;
    p += aw_utf8_decode(p, &c);
    if (!(aw_unicode_props(c) & (first ? AW_UNI_XID_START : AW_UNI_XID_CONTINUE)))
      return AW_FALSE;
  }
  return AW_TRUE;
}

// isupper / islower / istitle, as CPython's loops over the case flags.
static AwValue case_pred(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int which) {
  STR_SELF(name, 0, 0, AW_ARGS_NOARGS);
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  bool cased = false, prev_cased = false;
  while (p < end) {
    uint32_t c;
    p += aw_utf8_decode(p, &c);
    unsigned f = aw_unicode_props(c);
    bool up = f & AW_UNI_UPPER, lo = f & AW_UNI_LOWER, ti = f & AW_UNI_TITLE;
    if (which == 0) {  // isupper
      if (lo || ti) return AW_FALSE;
      if (up) cased = true;
    } else if (which == 1) {  // islower
      if (up || ti) return AW_FALSE;
      if (lo) cased = true;
    } else if (up || ti) {  // istitle
      if (prev_cased) return AW_FALSE;
      prev_cased = cased = true;
    } else if (lo) {
      if (!prev_cased) return AW_FALSE;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return AW_BOOL(cased);
}

static AwValue str_isupper(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return case_pred(vm, argc, argv, kwnames, "isupper", 0);
}
static AwValue str_islower(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return case_pred(vm, argc, argv, kwnames, "islower", 1);
}
static AwValue str_istitle(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return case_pred(vm, argc, argv, kwnames, "istitle", 2);
}

// ---- searching ---------------------------------------------------------------------------

// Resolves (sub, start, end) for find/index/count: byte range [*b0, *b1)
// of the haystack. Returns 0 ok, 1 "start past the end" (no match), -1 error.
static int search_args(AwVM *vm, AwStr *s, int argc, AwValue *argv, int64_t *b0, int64_t *b1,
                       int64_t *c0, int64_t *c1) {
  AwValue start = argc > 2 ? argv[2] : AW_UNDEF, end = argc > 3 ? argv[3] : AW_UNDEF;
  if (!want_str(vm, argv[1], NULL)) return -1;
  if (!aw_text_span(vm, start, end, s->nchars, c0, c1)) return -1;
  if (*c1 - *c0 < AW_AS_STR(argv[1])->nchars) return 1;
  *b0 = aw_str_byte_offset(s, *c0);
  *b1 = aw_str_byte_offset(s, *c1);
  return 0;
}

// find/rfind/index/rindex: the code point index of the match, -1 if none, -2 on error.
static int64_t find_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         bool reverse) {
  if (!aw_text_args(vm, argc, argv, kwnames, AW_OBJ_STR, "str", name, 1, 3, AW_ARGS_TAKES))
    return -2;
  AwStr *s = AW_AS_STR(argv[0]);
  int64_t b0, b1, c0, c1;
  int r = search_args(vm, s, argc, argv, &b0, &b1, &c0, &c1);
  if (r < 0) return -2;
  if (r == 1) return -1;
  AwStr *sub = AW_AS_STR(argv[1]);
  int64_t f = reverse ? aw_text_rfind(s->data + b0, b1 - b0, sub->data, sub->nbytes)
                      : aw_text_find(s->data + b0, b1 - b0, sub->data, sub->nbytes);
  if (f < 0) return -1;
  return c0 + (aw_str_ascii(s) ? f : count_chars(s->data + b0, (size_t)f));
}

static AwValue str_find(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = find_impl(vm, argc, argv, kwnames, "find", false);
  return r == -2 ? AW_EXC : AW_INT(r);
}
static AwValue str_rfind(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = find_impl(vm, argc, argv, kwnames, "rfind", true);
  return r == -2 ? AW_EXC : AW_INT(r);
}
static AwValue str_index(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = find_impl(vm, argc, argv, kwnames, "index", false);
  if (r == -1) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "substring not found");
  return r == -2 ? AW_EXC : AW_INT(r);
}
static AwValue str_rindex(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int64_t r = find_impl(vm, argc, argv, kwnames, "rindex", true);
  if (r == -1) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "substring not found");
  return r == -2 ? AW_EXC : AW_INT(r);
}

static AwValue str_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("count", 1, 3, AW_ARGS_TAKES);
  int64_t b0, b1, c0, c1;
  int r = search_args(vm, s, argc, argv, &b0, &b1, &c0, &c1);
  if (r < 0) return AW_EXC;
  if (r == 1) return AW_INT(0);
  AwStr *sub = AW_AS_STR(argv[1]);
  if (sub->nbytes == 0) return AW_INT(c1 - c0 + 1);
  return AW_INT(aw_text_count(s->data + b0, b1 - b0, sub->data, sub->nbytes, INT64_MAX));
}

// startswith / endswith: prefix is a str or a tuple of str.
static AwValue fix_match(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         bool end) {
  STR_SELF(name, 1, 3, AW_ARGS_TAKES);
  AwValue pre = argv[1];
  if (!AW_IS_STR(pre) && !AW_IS_TUPLE(pre))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "%s first arg must be str or a tuple of str, not %s", name,
                     aw_type_name(vm, pre));
  int64_t c0, c1;
  if (!aw_text_span(vm, argc > 2 ? argv[2] : AW_UNDEF, argc > 3 ? argv[3] : AW_UNDEF, s->nchars,
                    &c0, &c1))
    return AW_EXC;
  int64_t n = AW_IS_STR(pre) ? 1 : AW_AS_TUPLE(pre)->len;
  for (int64_t i = 0; i < n; i++) {
    AwValue p = AW_IS_STR(pre) ? pre : AW_AS_TUPLE(pre)->items[i];
    if (!AW_IS_STR(p))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "tuple for %s must only contain str, not %s",
                       name, aw_type_name(vm, p));
    AwStr *ps = AW_AS_STR(p);
    if (c0 > s->nchars) continue;
    if (c1 - c0 < ps->nchars) continue;
    int64_t b0 = aw_str_byte_offset(s, c0), b1 = aw_str_byte_offset(s, c1);
    if (b1 - b0 < ps->nbytes) continue;
    const char *at = end ? s->data + b1 - ps->nbytes : s->data + b0;
    if (memcmp(at, ps->data, (size_t)ps->nbytes) == 0) return AW_TRUE;
  }
  return AW_FALSE;
}

static AwValue str_startswith(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return fix_match(vm, argc, argv, kwnames, "startswith", false);
}
static AwValue str_endswith(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return fix_match(vm, argc, argv, kwnames, "endswith", true);
}

static AwValue str_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__contains__", 1, 1, AW_ARGS_WRAPPER);
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "'in <string>' requires string as left operand, not %s",
                     aw_type_name(vm, argv[1]));
  AwStr *sub = AW_AS_STR(argv[1]);
  return AW_BOOL(aw_text_find(s->data, s->nbytes, sub->data, sub->nbytes) >= 0);
}

// ---- replace, split, join ---------------------------------------------------------------

static AwValue str_replace(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("replace", 2, 3, AW_ARGS_EXPECTED);
  if (!want_str(vm, argv[1], "replace() argument 1 must be str") ||
      !want_str(vm, argv[2], "replace() argument 2 must be str"))
    return AW_EXC;
  int64_t max = -1;
  if (argc > 3 && !aw_text_index(vm, argv[3], &max)) return AW_EXC;
  if (max < 0) max = INT64_MAX;
  AwStr *old = AW_AS_STR(argv[1]), *new = AW_AS_STR(argv[2]);
  if (max == 0) return argv[0];
  if (old->nbytes == 0) {
    // Insert [new] before every code point and at the end.
    AwBuf b;
    aw_buf_init(&b);
    int64_t done = 0;
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
    while (p < end && done < max) {
      aw_buf_append(vm, &b, new->data, (size_t)new->nbytes);
      done++;
      uint32_t c;
      int k = aw_utf8_decode(p, &c);
      aw_buf_append(vm, &b, (const char *)p, (size_t)k);
      p += k;
    }
    if (p < end) aw_buf_append(vm, &b, (const char *)p, (size_t)(end - p));
    else if (done < max) aw_buf_append(vm, &b, new->data, (size_t)new->nbytes);
    return aw_buf_to_str(vm, &b);
  }
  // Count first so the result is allocated once at its final size.
  int64_t n = aw_text_count(s->data, s->nbytes, old->data, old->nbytes, max);
  if (n == 0) return argv[0];
  int64_t total;
  if (__builtin_mul_overflow(n, new->nbytes - old->nbytes, &total) ||
      __builtin_add_overflow(total, s->nbytes, &total))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "replace string is too long");
  AwStr *r = str_alloc(vm, (size_t)total);
  if (!r) return AW_EXC;
  char *out = r->data;
  int64_t i = 0;
  for (int64_t k = 0; k < n; k++) {
    int64_t f = aw_text_find(s->data + i, s->nbytes - i, old->data, old->nbytes);
    memcpy(out, s->data + i, (size_t)f);
    out += f;
    memcpy(out, new->data, (size_t)new->nbytes);
    out += new->nbytes;
    i += f + old->nbytes;
  }
  memcpy(out, s->data + i, (size_t)(s->nbytes - i));
  str_set_counts(r, s->nchars + n * (new->nchars - old->nchars));
  return AW_OBJ(r);
}

static bool list_push_bytes(AwVM *vm, AwList *l, AwStr *s, int64_t b0, int64_t b1) {
  AwValue v = b0 == 0 && b1 == s->nbytes ? AW_OBJ(s)
              : aw_str_ascii(s) ? str_new_n(vm, s->data + b0, (size_t)(b1 - b0), b1 - b0)
                         : aw_str_new(vm, s->data + b0, (size_t)(b1 - b0));
  return !AW_IS_EXC(v) && aw_list_append(vm, l, v);
}

static void list_reverse(AwList *l) {
  for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
    AwValue t = l->items[i];
    l->items[i] = l->items[j];
    l->items[j] = t;
  }
}

// Decodes the code point ending just before byte [i].
static int64_t prev_cp(const unsigned char *p, int64_t i, uint32_t *c) {
  int64_t j = i - 1;
  while (j > 0 && (p[j] & 0xC0) == 0x80) j--;
  aw_utf8_decode(p + j, c);
  return j;
}

static AwValue split_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                          bool right) {
  static const char *const names[] = {"sep", "maxsplit", NULL};
  AwValue a[2];
  if (!kwnames && argc >= 1 && argc <= 3 && AW_IS_STR(argv[0])) {  // positional only: no checks needed
    a[0] = argc > 1 ? argv[1] : AW_UNDEF;
    a[1] = argc > 2 ? argv[2] : AW_UNDEF;
  } else if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_STR, "str", name, names, a)) {
    return AW_EXC;
  }
  AwStr *s = AW_AS_STR(argv[0]);
  int64_t max = -1;
  if (!AW_IS_UNDEF(a[1]) && !aw_text_index(vm, a[1], &max)) return AW_EXC;
  if (max < 0) max = INT64_MAX;
  // A one-byte separator: count the pieces first so the list is allocated
  // once, at its final size.
  int64_t pieces = 0;
  if (AW_IS_STR(a[0]) && AW_AS_STR(a[0])->nbytes == 1) {
    const char *p = s->data, *end = p + s->nbytes;
    char c = AW_AS_STR(a[0])->data[0];
    pieces = 1;
    while (pieces <= max && (p = memchr(p, c, (size_t)(end - p))) != NULL) {
      pieces++;
      p++;
    }
  }
  AwList *l = aw_list_new(vm, pieces);
  if (!l) return AW_EXC;
  const unsigned char *p = (const unsigned char *)s->data;
  int64_t n = s->nbytes;
  if ((AW_IS_UNDEF(a[0]) || AW_IS_NONE(a[0])) && aw_str_ascii(s) && !right) {
    static const bool ws[128] = {['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
                                 [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, [' '] = 1};
    int64_t i = 0;
    while (i < n) {
      while (i < n && ws[p[i]]) i++;
      if (i >= n) break;
      if (l->len >= max) {
        if (!list_push_bytes(vm, l, s, i, n)) return AW_EXC;
        break;
      }
      int64_t j = i;
      while (j < n && !ws[p[j]]) j++;
      if (!list_push_bytes(vm, l, s, i, j)) return AW_EXC;
      i = j;
    }
    return AW_OBJ(l);
  }
  if (AW_IS_UNDEF(a[0]) || AW_IS_NONE(a[0])) {
    if (!right) {
      int64_t i = 0;
      while (i < n) {
        uint32_t c;
        int k;
        while (i < n && (k = aw_utf8_decode(p + i, &c), cp_isspace(c))) i += k;
        if (i >= n) break;
        if (l->len >= max) {
          if (!list_push_bytes(vm, l, s, i, n)) return AW_EXC;
          break;
        }
        int64_t j = i;
        while (j < n && (k = aw_utf8_decode(p + j, &c), !cp_isspace(c))) j += k;
        if (!list_push_bytes(vm, l, s, i, j)) return AW_EXC;
        i = j;
      }
    } else {
      int64_t i = n;
      while (i > 0) {
        uint32_t c;
        int64_t j;
        while (i > 0 && (j = prev_cp(p, i, &c), cp_isspace(c))) i = j;
        if (i <= 0) break;
        if (l->len >= max) {
          if (!list_push_bytes(vm, l, s, 0, i)) return AW_EXC;
          break;
        }
        int64_t e = i;
        while (i > 0 && (j = prev_cp(p, i, &c), !cp_isspace(c))) i = j;
        if (!list_push_bytes(vm, l, s, i, e)) return AW_EXC;
      }
      list_reverse(l);
    }
    return AW_OBJ(l);
  }
  if (!want_str(vm, a[0], "must be str or None")) return AW_EXC;
  AwStr *sep = AW_AS_STR(a[0]);
  if (sep->nbytes == 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "empty separator");
  if (!right) {
    int64_t i = 0;
    while (l->len < max) {
      int64_t f = aw_text_find(s->data + i, n - i, sep->data, sep->nbytes);
      if (f < 0) break;
      if (!list_push_bytes(vm, l, s, i, i + f)) return AW_EXC;
      i += f + sep->nbytes;
    }
    if (!list_push_bytes(vm, l, s, i, n)) return AW_EXC;
  } else {
    int64_t e = n;
    while (l->len < max) {
      int64_t f = aw_text_rfind(s->data, e, sep->data, sep->nbytes);
      if (f < 0) break;
      if (!list_push_bytes(vm, l, s, f + sep->nbytes, e)) return AW_EXC;
      e = f;
    }
    if (!list_push_bytes(vm, l, s, 0, e)) return AW_EXC;
    list_reverse(l);
  }
  return AW_OBJ(l);
}

static AwValue str_split(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return split_impl(vm, argc, argv, kwnames, "split", false);
}
static AwValue str_rsplit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return split_impl(vm, argc, argv, kwnames, "rsplit", true);
}

// Length in bytes of the line break at p (0 if none): \n \r \r\n \v \f
// \x1c-\x1e \x85 \u2028 \u2029.
static int line_break(const unsigned char *p, const unsigned char *end) {
  unsigned c = *p;
  if (c == '\r') return p + 1 < end && p[1] == '\n' ? 2 : 1;
  if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e)) return 1;
  if (c == 0xC2 && p + 1 < end && p[1] == 0x85) return 2;
  if (c == 0xE2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) return 3;
  return 0;
}

static AwValue str_splitlines(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"keepends", NULL};
  AwValue a[1];
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_STR, "str", "splitlines", names, a))
    return AW_EXC;
  AwStr *s = AW_AS_STR(argv[0]);
  int keep = 0;
  if (!AW_IS_UNDEF(a[0])) {
    if (AW_IS_FLOAT(a[0]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'float' object cannot be interpreted as an integer");
    if ((keep = aw_truthy(vm, a[0])) < 0) return AW_EXC;
  }
  AwList *l = aw_list_new(vm, 0);
  if (!l) return AW_EXC;
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  int64_t start = 0, i = 0;
  while (i < s->nbytes) {
    int k = line_break(p + i, end);
    if (!k) {
      i++;
      continue;
    }
    if (!list_push_bytes(vm, l, s, start, keep ? i + k : i)) return AW_EXC;
    i += k;
    start = i;
  }
  if (start < s->nbytes && !list_push_bytes(vm, l, s, start, s->nbytes)) return AW_EXC;
  return AW_OBJ(l);
}

static AwValue str_join(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("join", 1, 1, AW_ARGS_O);
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
    // The list is only reachable from this C frame, and nothing below runs
    // script code, so it needs no rooting.
    items = l->items;
    n = l->len;
  }
  int64_t total = 0, nchars = 0;
  for (int64_t i = 0; i < n; i++) {
    if (!AW_IS_STR(items[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "sequence item %lld: expected str instance, %s found", (long long)i,
                       aw_type_name(vm, items[i]));
    total += AW_AS_STR(items[i])->nbytes;
    nchars += AW_AS_STR(items[i])->nchars;
  }
  if (n == 1) return items[0];
  if (n == 0) return aw_str_new(vm, "", 0);
  total += s->nbytes * (n - 1);
  nchars += s->nchars * (n - 1);
  AwStr *r = str_alloc(vm, (size_t)total);
  if (!r) return AW_EXC;
  char *out = r->data;
  for (int64_t i = 0; i < n; i++) {
    if (i && s->nbytes) {
      memcpy(out, s->data, (size_t)s->nbytes);
      out += s->nbytes;
    }
    AwStr *it = AW_AS_STR(items[i]);
    memcpy(out, it->data, (size_t)it->nbytes);
    out += it->nbytes;
  }
  str_set_counts(r, nchars);
  return AW_OBJ(r);
}

// ---- strip, pad, misc ----------------------------------------------------------------

static bool in_chars(AwStr *chars, uint32_t c) {
  if (!chars) return cp_isspace(c);
  if (c < 128 && aw_str_ascii(chars)) return memchr(chars->data, (int)c, (size_t)chars->nbytes) != NULL;
  const unsigned char *p = (const unsigned char *)chars->data, *end = p + chars->nbytes;
  while (p < end) {
    uint32_t d;
    p += aw_utf8_decode(p, &d);
    if (d == c) return true;
  }
  return false;
}

// which: 1 left, 2 right, 3 both.
static AwValue strip_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                          int which) {
  STR_SELF(name, 0, 1, AW_ARGS_EXPECTED);
  AwStr *chars = NULL;
  if (argc > 1 && !AW_IS_NONE(argv[1])) {
    if (!AW_IS_STR(argv[1]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s arg must be None or str", name);
    chars = AW_AS_STR(argv[1]);
  }
  const unsigned char *p = (const unsigned char *)s->data;
  int64_t i = 0, j = s->nbytes;
  if (which & 1) {
    while (i < j) {
      uint32_t c;
      int k = aw_utf8_decode(p + i, &c);
      if (!in_chars(chars, c)) break;
      i += k;
    }
  }
  if (which & 2) {
    while (j > i) {
      uint32_t c;
      int64_t pj = prev_cp(p, j, &c);
      if (!in_chars(chars, c)) break;
      j = pj;
    }
  }
  if (i == 0 && j == s->nbytes) return argv[0];
  return aw_str_new(vm, s->data + i, (size_t)(j - i));
}

static AwValue str_strip(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return strip_impl(vm, argc, argv, kwnames, "strip", 3);
}
static AwValue str_lstrip(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return strip_impl(vm, argc, argv, kwnames, "lstrip", 1);
}
static AwValue str_rstrip(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return strip_impl(vm, argc, argv, kwnames, "rstrip", 2);
}

// Appends [n] copies of the UTF-8 of one code point.
static bool buf_fill(AwVM *vm, AwBuf *b, const char *cp, size_t cplen, int64_t n) {
  for (int64_t i = 0; i < n; i++)
    if (!aw_buf_append(vm, b, cp, cplen)) return false;
  return true;
}

static AwValue pad(AwVM *vm, AwValue sv, int64_t left, int64_t right, const char *fill,
                   size_t filllen) {
  AwStr *s = AW_AS_STR(sv);
  if (left <= 0 && right <= 0) return sv;
  AwBuf b;
  aw_buf_init(&b);
  buf_fill(vm, &b, fill, filllen, left);
  aw_buf_append(vm, &b, s->data, (size_t)s->nbytes);
  buf_fill(vm, &b, fill, filllen, right);
  return aw_buf_to_str(vm, &b);
}

// which: 0 ljust, 1 rjust, 2 center.
static AwValue just_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int which) {
  STR_SELF(name, 1, 2, AW_ARGS_EXPECTED);
  int64_t width;
  if (!aw_text_index(vm, argv[1], &width)) return AW_EXC;
  const char *fill = " ";
  size_t filllen = 1;
  if (argc > 2) {
    if (!AW_IS_STR(argv[2]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "The fill character must be a unicode character, not %s",
                       aw_type_name(vm, argv[2]));
    if (AW_AS_STR(argv[2])->nchars != 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "The fill character must be exactly one character long");
    fill = AW_AS_STR(argv[2])->data;
    filllen = (size_t)AW_AS_STR(argv[2])->nbytes;
  }
  int64_t marg = width - s->nchars;
  if (marg <= 0) return argv[0];
  int64_t left = which == 0 ? 0 : which == 1 ? marg : marg / 2 + (marg & width & 1);
  return pad(vm, argv[0], left, marg - left, fill, filllen);
}

static AwValue str_ljust(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return just_impl(vm, argc, argv, kwnames, "ljust", 0);
}
static AwValue str_rjust(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return just_impl(vm, argc, argv, kwnames, "rjust", 1);
}
static AwValue str_center(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return just_impl(vm, argc, argv, kwnames, "center", 2);
}

static AwValue str_zfill(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("zfill", 1, 1, AW_ARGS_O);
  int64_t width;
  if (!aw_text_index(vm, argv[1], &width)) return AW_EXC;
  int64_t fill = width - s->nchars;
  if (fill <= 0) return argv[0];
  AwBuf b;
  aw_buf_init(&b);
  int64_t i = 0;
  if (s->nbytes && (s->data[0] == '+' || s->data[0] == '-')) {
    aw_buf_putc(vm, &b, s->data[0]);
    i = 1;
  }
  buf_fill(vm, &b, "0", 1, fill);
  aw_buf_append(vm, &b, s->data + i, (size_t)(s->nbytes - i));
  return aw_buf_to_str(vm, &b);
}

static AwValue str_expandtabs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"tabsize", NULL};
  AwValue a[1];
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_STR, "str", "expandtabs", names, a))
    return AW_EXC;
  AwStr *s = AW_AS_STR(argv[0]);
  int64_t tab = 8;
  if (!AW_IS_UNDEF(a[0]) && !aw_text_index(vm, a[0], &tab)) return AW_EXC;
  if (!memchr(s->data, '\t', (size_t)s->nbytes)) return argv[0];
  AwBuf b;
  aw_buf_init(&b);
  int64_t col = 0;
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  while (p < end) {
    if (*p == '\t') {
      if (tab > 0) {
        int64_t n = tab - col % tab;
        buf_fill(vm, &b, " ", 1, n);
        col += n;
      }
      p++;
      continue;
    }
    uint32_t c;
    int k = aw_utf8_decode(p, &c);
    aw_buf_append(vm, &b, (const char *)p, (size_t)k);
    col = c == '\n' || c == '\r' ? 0 : col + 1;
    p += k;
  }
  return aw_buf_to_str(vm, &b);
}

static AwValue partition_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames,
                              const char *name, bool right) {
  STR_SELF(name, 1, 1, AW_ARGS_O);
  if (!want_str(vm, argv[1], NULL)) return AW_EXC;
  AwStr *sep = AW_AS_STR(argv[1]);
  if (sep->nbytes == 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "empty separator");
  int64_t f = right ? aw_text_rfind(s->data, s->nbytes, sep->data, sep->nbytes)
                    : aw_text_find(s->data, s->nbytes, sep->data, sep->nbytes);
  AwTuple *t = aw_tuple_new(vm, 3);
  if (!t) return AW_EXC;
  AwValue empty = aw_str_new(vm, "", 0);
  if (AW_IS_EXC(empty)) return empty;
  if (f < 0) {
    t->items[0] = right ? empty : argv[0];
    t->items[1] = empty;
    t->items[2] = right ? argv[0] : empty;
    return AW_OBJ(t);
  }
  AwValue a = aw_str_new(vm, s->data, (size_t)f);
  if (AW_IS_EXC(a)) return a;
  t->items[0] = a;
  t->items[1] = argv[1];
  AwValue c = aw_str_new(vm, s->data + f + sep->nbytes, (size_t)(s->nbytes - f - sep->nbytes));
  if (AW_IS_EXC(c)) return c;
  t->items[2] = c;
  return AW_OBJ(t);
}

static AwValue str_partition(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return partition_impl(vm, argc, argv, kwnames, "partition", false);
}
static AwValue str_rpartition(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return partition_impl(vm, argc, argv, kwnames, "rpartition", true);
}

static AwValue affix_impl(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                          bool suffix) {
  STR_SELF(name, 1, 1, AW_ARGS_O);
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() argument must be str, not %s", name,
                     aw_type_name(vm, argv[1]));
  AwStr *a = AW_AS_STR(argv[1]);
  if (a->nbytes == 0 || a->nbytes > s->nbytes) return argv[0];
  const char *at = suffix ? s->data + s->nbytes - a->nbytes : s->data;
  if (memcmp(at, a->data, (size_t)a->nbytes) != 0) return argv[0];
  return str_new_n(vm, suffix ? s->data : s->data + a->nbytes, (size_t)(s->nbytes - a->nbytes),
                   s->nchars - a->nchars);
}

static AwValue str_removeprefix(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return affix_impl(vm, argc, argv, kwnames, "removeprefix", false);
}
static AwValue str_removesuffix(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return affix_impl(vm, argc, argv, kwnames, "removesuffix", true);
}

static AwValue str_encode(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"encoding", "errors", NULL};
  AwValue a[2];
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ_STR, "str", "encode", names, a))
    return AW_EXC;
  for (int i = 0; i < 2; i++)
    if (!AW_IS_UNDEF(a[i]) && !AW_IS_STR(a[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "encode() argument '%s' must be str, not %s",
                       names[i], aw_type_name(vm, a[i]));
  return aw_str_encode(vm, argv[0], AW_IS_UNDEF(a[0]) ? NULL : AW_AS_STR(a[0])->data,
                       AW_IS_UNDEF(a[1]) ? NULL : AW_AS_STR(a[1])->data);
}

// ---- translate / maketrans -------------------------------------------------------------

static AwValue str_translate(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("translate", 1, 1, AW_ARGS_O);
  AwValue table = argv[1];
  AwBuf b;
  aw_buf_init(&b);
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  while (p < end) {
    uint32_t c;
    int k = aw_utf8_decode(p, &c);
    // aw_getitem may run a user __getitem__: argv keeps s and the table alive.
    AwValue r = aw_getitem(vm, table, AW_INT(c));
    if (AW_IS_EXC(r)) {
      if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, LookupError))) {
        aw_buf_free(vm, &b);
        return AW_EXC;
      }
      aw_exc_take(vm);
      aw_buf_append(vm, &b, (const char *)p, (size_t)k);
    } else if (AW_IS_NONE(r)) {
      // deleted
    } else if (AW_IS_INTLIKE(r)) {
      if (AW_AS_INT(r) < 0 || AW_AS_INT(r) > 0x10FFFF) {
        aw_buf_free(vm, &b);
        return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "character mapping must be in range(0x110000)");
      }
      buf_put_cp(vm, &b, (uint32_t)AW_AS_INT(r));
    } else if (AW_IS_STR(r)) {
      aw_buf_append_str(vm, &b, r);
    } else {
      aw_buf_free(vm, &b);
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "character mapping must return integer, None or str");
    }
    p += k;
  }
  return aw_buf_to_str(vm, &b);
}

static AwValue str_maketrans(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  // A static method: argv holds only the arguments.
  if (kwnames && kwnames->len)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "str.maketrans() takes no keyword arguments");
  if (argc < 1 || argc > 3)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "maketrans expected %s %d argument%s, got %d",
                     argc < 1 ? "at least" : "at most", argc < 1 ? 1 : 3, argc < 1 ? "" : "s",
                     argc);
  AwDict *d = aw_dict_new(vm);
  if (!d) return AW_EXC;
  AwValue dv = AW_OBJ(d);
  if (argc == 1) {
    if (!AW_IS_DICT(argv[0]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "if you give only one argument to maketrans it must be a dict");
    int64_t pos = 0;
    AwValue k, v;
    while (aw_dict_next(AW_AS_DICT(argv[0]), &pos, &k, &v)) {
      if (AW_IS_STR(k)) {
        if (AW_AS_STR(k)->nchars != 1)
          return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                           "string keys in translate table must be of length 1");
        uint32_t c;
        aw_utf8_decode((const unsigned char *)AW_AS_STR(k)->data, &c);
        k = AW_INT(c);
      } else if (!AW_IS_INTLIKE(k)) {
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                         "keys in translate table must be strings or integers");
      } else {
        k = AW_INT(AW_AS_INT(k));
      }
      if (!aw_dict_set(vm, d, k, v)) return AW_EXC;
    }
    return dv;
  }
  if (!AW_IS_STR(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "maketrans() argument 1 must be str, not %s",
                     aw_type_name(vm, argv[0]));
  for (int i = 1; i < argc; i++)
    if (!AW_IS_STR(argv[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "maketrans() argument %d must be str, not %s",
                       i + 1, aw_type_name(vm, argv[i]));
  AwStr *x = AW_AS_STR(argv[0]), *y = AW_AS_STR(argv[1]);
  if (x->nchars != y->nchars)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                     "the first two maketrans arguments must have equal length");
  const unsigned char *p = (const unsigned char *)x->data, *q = (const unsigned char *)y->data;
  for (int64_t i = 0; i < x->nchars; i++) {
    uint32_t a, c;
    p += aw_utf8_decode(p, &a);
    q += aw_utf8_decode(q, &c);
    if (!aw_dict_set(vm, d, AW_INT(a), AW_INT(c))) return AW_EXC;
  }
  if (argc == 3) {
    AwStr *z = AW_AS_STR(argv[2]);
    p = (const unsigned char *)z->data;
    for (int64_t i = 0; i < z->nchars; i++) {
      uint32_t a;
      p += aw_utf8_decode(p, &a);
      if (!aw_dict_set(vm, d, AW_INT(a), AW_NONE)) return AW_EXC;
    }
  }
  return dv;
}

// ---- dunders ------------------------------------------------------------------------

static AwValue str_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__len__", 0, 0, AW_ARGS_WRAPPER);
  return AW_INT(s->nchars);
}

static AwValue str_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__getitem__", 1, 1, AW_ARGS_WRAPPER);
  AwValue key = argv[1];
  if (AW_IS_KIND(key, AW_OBJ_SLICE)) {
    int64_t start, stop, step, count;
    if (!aw_slice_indices(vm, (AwSlice *)AW_AS_OBJ(key), s->nchars, &start, &stop, &step, &count))
      return AW_EXC;
    return aw_str_slice(vm, argv[0], start, step, count);
  }
  int64_t i;
  if (AW_IS_INTLIKE(key)) {
    i = AW_AS_INT(key);
  } else if (AW_IS_OBJ(key) && !AW_IS_UNDEF(aw_lookup_special(vm, key, AW_N(vm, index)))) {
    if (!aw_index(vm, key, &i)) return AW_EXC;
  } else {
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "string indices must be integers, not '%s'",
                     aw_type_name(vm, key));
  }
  if (i < 0) i += s->nchars;
  if (i < 0 || i >= s->nchars)
    return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "string index out of range");
  return aw_str_getitem(vm, argv[0], i);
}

static AwValue str_add(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__add__", 1, 1, AW_ARGS_WRAPPER);
  (void)s;
  if (!AW_IS_STR(argv[1])) return vm->not_implemented;
  return aw_str_concat(vm, argv[0], argv[1]);
}

AwValue aw_str_repeat(AwVM *vm, AwValue sv, int64_t n) {
  AwStr *s = AW_AS_STR(sv);
  if (n <= 0 || s->nbytes == 0) return aw_str_new(vm, "", 0);
  if (n == 1) return sv;
  int64_t total;
  if (__builtin_mul_overflow(s->nbytes, n, &total))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "repeated string is too long");
  AwStr *r = str_alloc(vm, (size_t)total);
  if (!r) return AW_EXC;
  if (s->nbytes == 1) {
    memset(r->data, s->data[0], (size_t)total);
  } else {
    // Doubling copies: O(log n) memcpy calls.
    memcpy(r->data, s->data, (size_t)s->nbytes);
    int64_t done = s->nbytes;
    while (done < total) {
      int64_t k = done < total - done ? done : total - done;
      memcpy(r->data + done, r->data, (size_t)k);
      done += k;
    }
  }
  str_set_counts(r, s->nchars * n);
  return AW_OBJ(r);
}

static AwValue str_mul(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__mul__", 1, 1, AW_ARGS_WRAPPER);
  (void)s;
  int64_t n;
  if (AW_IS_INTLIKE(argv[1])) {
    n = AW_AS_INT(argv[1]);
  } else if (AW_IS_OBJ(argv[1]) && !AW_IS_UNDEF(aw_lookup_special(vm, argv[1], AW_N(vm, index)))) {
    if (!aw_index(vm, argv[1], &n)) return AW_EXC;
  } else {
    return vm->not_implemented;
  }
  return aw_str_repeat(vm, argv[0], n);
}

static AwValue str_iter_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__iter__", 0, 0, AW_ARGS_WRAPPER);
  (void)s;
  return aw_str_iter(vm, argv[0]);
}

static AwValue str_mod_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__mod__", 1, 1, AW_ARGS_WRAPPER);
  (void)s;
  return aw_str_mod(vm, argv[0], argv[1]);
}

static AwValue str_rmod(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__rmod__", 1, 1, AW_ARGS_WRAPPER);
  (void)s;
  return vm->not_implemented;
}

static AwValue str_hash_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__hash__", 0, 0, AW_ARGS_WRAPPER);
  return AW_INT((int64_t)aw_str_hash(s));
}

static AwValue str_str_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__str__", 0, 0, AW_ARGS_WRAPPER);
  (void)s;
  return argv[0];
}

static AwValue str_repr_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__repr__", 0, 0, AW_ARGS_WRAPPER);
  AwBuf b;
  aw_buf_init(&b);
  if (!aw_str_repr_buf(vm, &b, s)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

static AwValue str_format_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  STR_SELF("__format__", 1, 1, AW_ARGS_WRAPPER);
  (void)s;
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__format__() argument must be str, not %s",
                     aw_type_name(vm, argv[1]));
  return aw_format(vm, argv[0], argv[1]);
}

static AwValue str_compare_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames,
                             const char *name, AwCmpOp op) {
  STR_SELF(name, 1, 1, AW_ARGS_WRAPPER);
  if (!AW_IS_STR(argv[1])) return vm->not_implemented;
  int c = aw_str_cmp(s, AW_AS_STR(argv[1]));
  switch (op) {
    case AW_LT: return AW_BOOL(c < 0);
    case AW_LE: return AW_BOOL(c <= 0);
    case AW_EQ: return AW_BOOL(c == 0);
    case AW_NE: return AW_BOOL(c != 0);
    case AW_GT: return AW_BOOL(c > 0);
    default: return AW_BOOL(c >= 0);
  }
}

#define STR_CMP(fn, name, op)                                              \
  static AwValue fn(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return str_compare_m(vm, argc, argv, kwnames, name, op);               \
  }
STR_CMP(str_eq_m, "__eq__", AW_EQ)
STR_CMP(str_ne_m, "__ne__", AW_NE)
STR_CMP(str_lt_m, "__lt__", AW_LT)
STR_CMP(str_le_m, "__le__", AW_LE)
STR_CMP(str_gt_m, "__gt__", AW_GT)
STR_CMP(str_ge_m, "__ge__", AW_GE)

// str(object='') / str(object=b'', encoding='utf-8', errors='strict').
AwValue aw_str_construct(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"object", "encoding", "errors", NULL};
  AwValue a[3];
  int n = argc - 1;
  int nkw = kwnames ? (int)kwnames->len : 0;
  if (n + nkw > 3)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "str() takes at most 3 arguments (%d given)",
                     n + nkw);
  for (int i = 0; i < 3; i++) a[i] = i < n ? argv[1 + i] : AW_UNDEF;
  for (int k = 0; k < nkw; k++) {
    int i = 0;
    while (i < 3 && !aw_str_eq_cstr(kwnames->items[k], names[i])) i++;
    if (i == 3)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%U' is an invalid keyword argument for str()",
                       kwnames->items[k]);
    if (i < n)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "argument for str() given by name ('%s') and position (%d)", names[i], i + 1);
    a[i] = argv[argc + k];
  }
  if (AW_IS_UNDEF(a[1]) && AW_IS_UNDEF(a[2])) {
    if (AW_IS_UNDEF(a[0])) return aw_str_new(vm, "", 0);
    AwStr *r = aw_to_str(vm, a[0]);
    return r ? AW_OBJ(r) : AW_EXC;
  }
  for (int i = 1; i < 3; i++)
    if (!AW_IS_UNDEF(a[i]) && !AW_IS_STR(a[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "str() argument '%s' must be str, not %s",
                       names[i], aw_type_name(vm, a[i]));
  if (AW_IS_UNDEF(a[0])) return aw_str_new(vm, "", 0);
  if (AW_IS_STR(a[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "decoding str is not supported");
  if (!AW_IS_BYTES(a[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "decoding to str: need a bytes-like object, %s found", aw_type_name(vm, a[0]));
  AwBytes *b = AW_AS_BYTES(a[0]);
  return aw_bytes_decode(vm, b->data, (size_t)b->len,
                         AW_IS_UNDEF(a[1]) ? NULL : AW_AS_STR(a[1])->data,
                         AW_IS_UNDEF(a[2]) ? NULL : AW_AS_STR(a[2])->data);
}

// ---- the class -------------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
} MethodDef;

static const MethodDef str_methods[] = {
    {"upper", str_upper},           {"lower", str_lower},
    {"title", str_title},           {"capitalize", str_capitalize},
    {"swapcase", str_swapcase},     {"casefold", str_casefold},
    {"isalpha", str_isalpha},       {"isdigit", str_isdigit},
    {"isdecimal", str_isdecimal},   {"isnumeric", str_isnumeric},
    {"isspace", str_isspace},       {"isalnum", str_isalnum},
    {"isascii", str_isascii},       {"isprintable", str_isprintable},
    {"isidentifier", str_isidentifier}, {"isupper", str_isupper},
    {"islower", str_islower},       {"istitle", str_istitle},
    {"find", str_find},             {"rfind", str_rfind},
    {"index", str_index},           {"rindex", str_rindex},
    {"count", str_count},           {"startswith", str_startswith},
    {"endswith", str_endswith},     {"replace", str_replace},
    {"split", str_split},           {"rsplit", str_rsplit},
    {"splitlines", str_splitlines}, {"join", str_join},
    {"strip", str_strip},           {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},         {"ljust", str_ljust},
    {"rjust", str_rjust},           {"center", str_center},
    {"zfill", str_zfill},           {"expandtabs", str_expandtabs},
    {"partition", str_partition},   {"rpartition", str_rpartition},
    {"removeprefix", str_removeprefix}, {"removesuffix", str_removesuffix},
    {"encode", str_encode},         {"translate", str_translate},
    {"format", aw_str_format_method}, {"format_map", aw_str_format_map_method},
    {"__len__", str_len},           {"__getitem__", str_getitem},
    {"__contains__", str_contains}, {"__add__", str_add},
    {"__mul__", str_mul},           {"__rmul__", str_mul},
    {"__iter__", str_iter_m},       {"__mod__", str_mod_m},
    {"__rmod__", str_rmod},         {"__hash__", str_hash_m},
    {"__str__", str_str_m},         {"__repr__", str_repr_m},
    {"__format__", str_format_m},   {"__eq__", str_eq_m},
    {"__ne__", str_ne_m},           {"__lt__", str_lt_m},
    {"__le__", str_le_m},           {"__gt__", str_gt_m},
    {"__ge__", str_ge_m},
};

bool aw_str_init_class(AwVM *vm) {
  AwClass *c = AW_CLS(vm, str);
  for (size_t i = 0; i < sizeof str_methods / sizeof str_methods[0]; i++)
    if (!aw_class_add_native(vm, c, str_methods[i].name, str_methods[i].fn, AW_NATIVE_METHOD))
      return false;
  return aw_class_add_native(vm, c, "__new__", aw_str_construct, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, c, "maketrans", str_maketrans, AW_NATIVE_STATIC);
}

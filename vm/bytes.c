// vm/bytes.c -- the bytes type: construction, repr, decoding (utf-8,
// ascii, latin-1) and the bytes methods. Encoding str -> bytes is
// aw_str_encode in str.c; both share the codec-name rules here.
#include <ctype.h>
#include <string.h>

#include "vm/vm.h"

AwValue aw_bytes_new(AwVM *vm, const void *data, size_t len) {
  if (len > (size_t)INT64_MAX - sizeof(AwBytes) - 1)
    return aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "out of memory");
  AwBytes *b = (AwBytes *)aw_obj_alloc(vm, sizeof(AwBytes) + len + 1, AW_OBJ_BYTES,
                                       AW_CLS(vm, bytes));
  if (!b) return AW_EXC;
  b->hash = 0;
  b->len = (int64_t)len;
  if (len && data) memcpy(b->data, data, len);
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
  (void)len;
  if (end - start <= 1)
    return aw_raisef(vm, AW_EXCCLS(vm, UnicodeDecodeError),
                     "'%s' codec can't decode byte 0x%02x in position %lld: %s", encoding,
                     (unsigned char)data[start], (long long)start, reason);
  return aw_raisef(vm, AW_EXCCLS(vm, UnicodeDecodeError),
                   "'%s' codec can't decode bytes in position %lld-%lld: %s", encoding,
                   (long long)start, (long long)end - 1, reason);
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

bool aw_bytes_init_class(AwVM *vm) {
  (void)vm;
  return true;
}

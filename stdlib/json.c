// stdlib/json.c -- the json module: dumps/dump producing exactly CPython's
// text (separators, indent, ensure_ascii escapes, key coercion, NaN and
// Infinity), and loads/load with CPython's JSONDecodeError messages and
// positions. JSONDecodeError is a ValueError subclass made with the module.
#include <math.h>
#include <string.h>

#include "vm/vm.h"

// ---- encoding -----------------------------------------------------------------

typedef struct {
  AwVM *vm;
  AwBuf *b;
  AwValue indent;           // str, or None for the compact form
  AwValue item_sep, key_sep;
  bool sort_keys, skipkeys, ensure_ascii, allow_nan, check_circular;
  AwValue default_fn;       // None when absent
  AwDict *markers;          // id(container) -> None while it is being encoded
  AwList *keep;             // rooted temporaries (default() results, sorted keys)
  AwValue fp;               // json.dump's file (chunks written as made), or UNDEF
  int depth;
} Enc;

static bool enc_value(Enc *e, AwValue v, int level);

static bool put_cstr(Enc *e, const char *s) { return aw_buf_append(e->vm, e->b, s, strlen(s)); }

// A JSON string literal: named escapes, \u00XX for other controls and, with
// ensure_ascii, \uXXXX (surrogate pairs past the BMP) for non-ASCII.
static bool enc_string(Enc *e, const char *s, size_t n) {
  AwVM *vm = e->vm;
  AwBuf *b = e->b;
  aw_buf_putc(vm, b, '"');
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    const unsigned char *run = p;
    while (p < end && *p >= 0x20 && *p != '"' && *p != '\\' && (*p < 0x7f || (!e->ensure_ascii)))
      p++;
    if (p > run) aw_buf_append(vm, b, (const char *)run, (size_t)(p - run));
    if (p >= end) break;
    unsigned char c = *p;
    switch (c) {
      case '"': put_cstr(e, "\\\""); p++; continue;
      case '\\': put_cstr(e, "\\\\"); p++; continue;
      case '\n': put_cstr(e, "\\n"); p++; continue;
      case '\r': put_cstr(e, "\\r"); p++; continue;
      case '\t': put_cstr(e, "\\t"); p++; continue;
      case '\b': put_cstr(e, "\\b"); p++; continue;
      case '\f': put_cstr(e, "\\f"); p++; continue;
      default: break;
    }
    uint32_t cp;
    if (c < 0x80) {
      cp = c;
      p++;
    } else {
      p += aw_utf8_decode(p, &cp);
    }
    if (cp >= 0x10000) {
      uint32_t v = cp - 0x10000;
      aw_buf_printf(vm, b, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
    } else {
      aw_buf_printf(vm, b, "\\u%04x", cp);
    }
  }
  return aw_buf_putc(vm, b, '"');
}

static bool enc_str_value(Enc *e, AwValue s) {
  return enc_string(e, AW_AS_STR(s)->data, (size_t)AW_AS_STR(s)->nbytes);
}

// float.__repr__ with JSON's names for the non-finite values.
static bool enc_float(Enc *e, double x) {
  if (!isfinite(x)) {
    if (!e->allow_nan) {
      aw_raisef(e->vm, AW_EXCCLS(e->vm, ValueError), "Out of range float values are not JSON compliant");
      return false;
    }
    return put_cstr(e, isnan(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
  }
  char buf[64];
  size_t n = aw_float_repr(x, buf, sizeof buf);
  return aw_buf_append(e->vm, e->b, buf, n);
}

static bool newline_indent(Enc *e, int level) {
  if (!aw_buf_putc(e->vm, e->b, '\n')) return false;
  for (int i = 0; i < level; i++)
    if (!aw_buf_append_str(e->vm, e->b, e->indent)) return false;
  return true;
}

// Marks [v] as being encoded; false with "Circular reference detected".
static bool enter(Enc *e, AwValue v) {
  if (++e->depth > e->vm->recursion_limit) {
    aw_raisef(e->vm, AW_EXCCLS(e->vm, RecursionError),
              "maximum recursion depth exceeded while encoding a JSON object");
    return false;
  }
  if (!e->check_circular) return true;
  AwValue id = AW_INT((int64_t)(uintptr_t)AW_AS_OBJ(v));
  AwValue old;
  int r = aw_dict_get(e->vm, e->markers, id, &old);
  if (r < 0) return false;
  if (r > 0) {
    aw_raisef(e->vm, AW_EXCCLS(e->vm, ValueError), "Circular reference detected");
    return false;
  }
  return aw_dict_set(e->vm, e->markers, id, AW_NONE);
}

static bool leave(Enc *e, AwValue v) {
  e->depth--;
  if (!e->check_circular) return true;
  return aw_dict_del(e->vm, e->markers, AW_INT((int64_t)(uintptr_t)AW_AS_OBJ(v)), NULL) >= 0;
}

// Hands the pending text to fp.write() as one chunk. json.dump writes the
// same chunks as CPython's iterencode (so a failing dump leaves the same
// partial output); for dumps (fp UNDEF) everything stays in the buffer.
static bool yield_chunk(Enc *e) {
  if (AW_IS_UNDEF(e->fp)) return true;
  AwVM *vm = e->vm;
  if (e->b->failed) return false;
  AwValue s = aw_str_new(vm, e->b->data ? e->b->data : "", e->b->len);
  if (AW_IS_EXC(s)) return false;
  e->b->len = 0;
  if (e->b->data) e->b->data[0] = '\0';
  aw_push_root(vm, s);
  AwValue r = aw_call_method(vm, e->fp, AW_N(vm, write), 1, &s);
  aw_pop_root(vm);
  return !AW_IS_EXC(r);
}

// str, None, bool, int and float: encoded in one piece (CPython joins them
// with the preceding separator into one chunk).
static bool is_scalar(AwValue v) {
  return AW_IS_STR(v) || AW_IS_NONE(v) || AW_IS_BOOL(v) || AW_IS_INT(v) || AW_IS_FLOAT(v);
}

static bool enc_sequence(Enc *e, AwValue v, int level) {
  AwValue *items;
  int64_t n = AW_IS_LIST(v) ? AW_AS_LIST(v)->len : AW_AS_TUPLE(v)->len;
  if (n == 0) return put_cstr(e, "[]") && yield_chunk(e);
  if (!enter(e, v)) return false;
  aw_buf_putc(e->vm, e->b, '[');
  bool pretty = !AW_IS_NONE(e->indent);
  if (pretty && !newline_indent(e, level + 1)) return false;
  // Re-read the length each time: default() may run script code.
  for (int64_t i = 0;; i++) {
    n = AW_IS_LIST(v) ? AW_AS_LIST(v)->len : AW_AS_TUPLE(v)->len;
    items = AW_IS_LIST(v) ? AW_AS_LIST(v)->items : AW_AS_TUPLE(v)->items;
    if (i >= n) break;
    if (i > 0) {
      if (!aw_buf_append_str(e->vm, e->b, e->item_sep)) return false;
      if (pretty && !newline_indent(e, level + 1)) return false;
    }
    AwValue item = items[i];
    if (!is_scalar(item) && !yield_chunk(e)) return false;
    if (!enc_value(e, item, level + 1)) return false;
  }
  if (pretty && (!newline_indent(e, level) || !yield_chunk(e))) return false;
  aw_buf_putc(e->vm, e->b, ']');
  return yield_chunk(e) && leave(e, v);
}

// Whether a dict key can be encoded: true, or false with *skip (skipkeys)
// or a TypeError.
static bool key_ok(Enc *e, AwValue k, bool *skip) {
  *skip = false;
  if (AW_IS_STR(k) || AW_IS_FLOAT(k) || AW_IS_BOOL(k) || AW_IS_NONE(k) || AW_IS_INT(k)) return true;
  if (e->skipkeys) {
    *skip = true;
    return false;
  }
  aw_raisef(e->vm, AW_EXCCLS(e->vm, TypeError), "keys must be str, int, float, bool or None, not %s",
            aw_type_name(e->vm, k));
  return false;
}

// A dict key (already checked by key_ok) as a JSON string.
static bool enc_key(Enc *e, AwValue k) {
  if (AW_IS_STR(k)) return enc_str_value(e, k);
  char buf[64];
  if (AW_IS_FLOAT(k)) {
    double x = AW_AS_FLOAT(k);
    if (!isfinite(x)) {
      if (!e->allow_nan) return enc_float(e, x);
      snprintf(buf, sizeof buf, "\"%s\"", isnan(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
      return put_cstr(e, buf);
    }
    size_t n = aw_float_repr(x, buf + 1, sizeof buf - 2);
    buf[0] = '"';
    buf[n + 1] = '"';
    buf[n + 2] = '\0';
    return put_cstr(e, buf);
  }
  if (AW_IS_BOOL(k)) return put_cstr(e, AW_AS_BOOL(k) ? "\"true\"" : "\"false\"");
  if (AW_IS_NONE(k)) return put_cstr(e, "\"null\"");
  snprintf(buf, sizeof buf, "\"%lld\"", (long long)AW_AS_INT(k));
  return put_cstr(e, buf);
}

static bool enc_dict(Enc *e, AwValue v, int level) {
  AwVM *vm = e->vm;
  AwDict *d = AW_AS_DICT(v);
  if (d->len == 0) return put_cstr(e, "{}") && yield_chunk(e);
  if (!enter(e, v)) return false;
  aw_buf_putc(vm, e->b, '{');
  if (!yield_chunk(e)) return false;
  bool pretty = !AW_IS_NONE(e->indent);
  if (pretty && (!newline_indent(e, level + 1) || !yield_chunk(e))) return false;
  AwList *keys = NULL;
  if (e->sort_keys) {
    keys = aw_list_new(vm, d->len);
    if (!keys || !aw_list_append(vm, e->keep, AW_OBJ(keys))) return false;
    int64_t pos = 0;
    AwValue k, val;
    while (aw_dict_next(d, &pos, &k, &val))
      if (!aw_list_append(vm, keys, k)) return false;
    if (!aw_list_sort(vm, keys, AW_UNDEF, false)) return false;
  }
  bool first = true;
  int64_t pos = 0, ki = 0;
  for (;;) {
    AwValue k, val;
    if (keys) {
      if (ki >= keys->len) break;
      k = keys->items[ki++];
      int r = aw_dict_get(vm, d, k, &val);
      if (r < 0) return false;
      if (r == 0) continue;
    } else if (!aw_dict_next(d, &pos, &k, &val)) {
      break;
    }
    bool skip;
    if (!key_ok(e, k, &skip)) {
      if (skip) continue;
      return false;
    }
    if (!first) {
      if (!aw_buf_append_str(vm, e->b, e->item_sep)) return false;
      if (pretty && !newline_indent(e, level + 1)) return false;
      if (!yield_chunk(e)) return false;
    }
    first = false;
    if (!enc_key(e, k) || !yield_chunk(e)) return false;
    if (!aw_buf_append_str(vm, e->b, e->key_sep) || !yield_chunk(e)) return false;
    if (!enc_value(e, val, level + 1)) return false;
  }
  if (keys) e->keep->len--;
  if (pretty && (!newline_indent(e, level) || !yield_chunk(e))) return false;
  aw_buf_putc(vm, e->b, '}');
  return yield_chunk(e) && leave(e, v);
}

static bool enc_value(Enc *e, AwValue v, int level) {
  AwVM *vm = e->vm;
  switch (v.tag) {
    case AW_T_NONE: return put_cstr(e, "null") && yield_chunk(e);
    case AW_T_BOOL: return put_cstr(e, AW_AS_BOOL(v) ? "true" : "false") && yield_chunk(e);
    case AW_T_INT: {
      char buf[32];
      snprintf(buf, sizeof buf, "%lld", (long long)AW_AS_INT(v));
      return put_cstr(e, buf) && yield_chunk(e);
    }
    case AW_T_FLOAT: return enc_float(e, AW_AS_FLOAT(v)) && yield_chunk(e);
    default: break;
  }
  if (AW_IS_STR(v)) return enc_str_value(e, v) && yield_chunk(e);
  if (AW_IS_LIST(v) || AW_IS_TUPLE(v)) return enc_sequence(e, v, level);
  if (AW_IS_DICT(v)) return enc_dict(e, v, level);
  if (AW_IS_NONE(e->default_fn)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Object of type %s is not JSON serializable",
              aw_type_name(vm, v));
    return false;
  }
  if (!AW_IS_OBJ(v) || !enter(e, v)) return false;
  AwValue r = aw_call(vm, e->default_fn, 1, &v, NULL);
  if (AW_IS_EXC(r) || !aw_list_append(vm, e->keep, r)) return false;
  bool ok = enc_value(e, r, level);
  e->keep->len--;
  return ok && leave(e, v);
}

// The keyword arguments shared by dumps and dump, from out[first..].
static const char *const dumps_names[] = {"obj", "skipkeys", "ensure_ascii", "check_circular",
                                          "allow_nan", "cls", "indent", "separators", "default",
                                          "sort_keys", NULL};
static const char *const dump_names[] = {"obj", "fp", "skipkeys", "ensure_ascii", "check_circular",
                                         "allow_nan", "cls", "indent", "separators", "default",
                                         "sort_keys", NULL};

static bool flag(AwVM *vm, AwValue v, bool dflt, bool *out) {
  if (AW_IS_UNDEF(v)) {
    *out = dflt;
    return true;
  }
  int t = aw_truthy(vm, v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

// a[0] = obj, a[1..9] = skipkeys .. sort_keys. Returns the JSON str, or
// with [fp] (json.dump) writes it in chunks and returns None.
static AwValue dumps_core(AwVM *vm, AwValue *a, AwValue fp) {
  Enc e = {0};
  e.vm = vm;
  e.fp = fp;
  if (!flag(vm, a[1], false, &e.skipkeys) || !flag(vm, a[2], true, &e.ensure_ascii) ||
      !flag(vm, a[3], true, &e.check_circular) || !flag(vm, a[4], true, &e.allow_nan) ||
      !flag(vm, a[9], false, &e.sort_keys))
    return AW_EXC;
  AwValue indent = AW_IS_UNDEF(a[6]) ? AW_NONE : a[6];
  if (AW_IS_INTLIKE(indent)) {
    int64_t n = AW_AS_INT(indent);
    AwBuf sp;
    aw_buf_init(&sp);
    for (int64_t i = 0; i < n; i++) aw_buf_putc(vm, &sp, ' ');
    indent = n > 0 ? aw_buf_to_str(vm, &sp) : vm->empty_str;
    if (n <= 0) aw_buf_free(vm, &sp);
    if (AW_IS_EXC(indent)) return AW_EXC;
  } else if (!AW_IS_NONE(indent) && !AW_IS_STR(indent)) {
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "indent must be None, an int or a str, not %s",
                     aw_type_name(vm, indent));
  }
  e.indent = indent;
  AwValue seps = AW_IS_UNDEF(a[7]) ? AW_NONE : a[7];
  if (AW_IS_NONE(seps)) {
    e.item_sep = aw_str_from_cstr(vm, AW_IS_NONE(indent) ? ", " : ",");
    e.key_sep = aw_str_from_cstr(vm, ": ");
    if (AW_IS_EXC(e.item_sep) || AW_IS_EXC(e.key_sep)) return AW_EXC;
  } else {
    AwValue *items = NULL;
    int64_t n = 0;
    if (AW_IS_TUPLE(seps)) items = AW_AS_TUPLE(seps)->items, n = AW_AS_TUPLE(seps)->len;
    else if (AW_IS_LIST(seps)) items = AW_AS_LIST(seps)->items, n = AW_AS_LIST(seps)->len;
    if (n != 2 || !AW_IS_STR(items[0]) || !AW_IS_STR(items[1]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "separators must be a pair of str");
    e.item_sep = items[0];
    e.key_sep = items[1];
  }
  e.default_fn = AW_IS_UNDEF(a[8]) ? AW_NONE : a[8];
  // Everything the encoder makes lives in one rooted tuple.
  AwTuple *roots = aw_tuple_new(vm, 5);
  if (!roots) return AW_EXC;
  roots->items[0] = e.indent;
  roots->items[1] = e.item_sep;
  roots->items[2] = e.key_sep;
  aw_push_root(vm, AW_OBJ(roots));
  e.markers = aw_dict_new(vm);
  e.keep = e.markers ? aw_list_new(vm, 4) : NULL;
  AwValue result = AW_EXC;
  if (e.keep) {
    roots->items[3] = AW_OBJ(e.markers);
    roots->items[4] = AW_OBJ(e.keep);
    AwBuf b;
    aw_buf_init(&b);
    e.b = &b;
    if (enc_value(&e, a[0], 0) && !b.failed) {
      if (AW_IS_UNDEF(fp)) {
        result = aw_buf_to_str(vm, &b);
      } else {
        aw_buf_free(vm, &b);
        result = AW_NONE;
      }
    } else {
      aw_buf_free(vm, &b);
    }
  }
  aw_pop_root(vm);
  return result;
}

static AwValue json_dumps(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue a[10];
  if (!aw_parse_args(vm, "dumps", argc, argv, kwnames, 1, dumps_names, a)) return AW_EXC;
  return dumps_core(vm, a, AW_UNDEF);
}

static AwValue json_dump(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue a[11];
  if (!aw_parse_args(vm, "dump", argc, argv, kwnames, 2, dump_names, a)) return AW_EXC;
  AwValue fp = a[1];  // rooted: it came from argv
  a[1] = a[0];
  return dumps_core(vm, a + 1, fp);
}

// ---- decoding -------------------------------------------------------------------

typedef struct {
  AwVM *vm;
  const char *s;
  size_t n, pos;            // byte offsets
  AwValue doc;              // the str being decoded (for the error)
  AwValue object_hook, pairs_hook, parse_float, parse_int, parse_constant;  // None if absent
  AwList *keep;             // containers under construction (rooted)
  int depth;
} Dec;

// Raises json.JSONDecodeError(msg, doc, pos) at byte offset [at].
static bool dec_error(Dec *d, const char *msg, size_t at) {
  AwVM *vm = d->vm;
  int64_t cpos = 0;
  for (size_t i = 0; i < at && i < d->n; i++)
    if (((unsigned char)d->s[i] & 0xC0) != 0x80) cpos++;
  AwValue cls = AW_UNDEF;
  AwValue mod = aw_dict_get_cstr(vm, vm->modules, "json");
  if (AW_IS_KIND(mod, AW_OBJ_MODULE))
    cls = aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(mod))->dict, "JSONDecodeError");
  AwValue m = aw_str_from_cstr(vm, msg);
  if (AW_IS_EXC(m)) return false;
  AwValue args[3] = {m, d->doc, AW_INT(cpos)};
  if (!AW_IS_CLASS(cls)) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%s: char %lld", msg, (long long)cpos);
    return false;
  }
  aw_push_root(vm, m);
  AwValue exc = aw_call(vm, cls, 3, args, NULL);
  aw_pop_root(vm);
  if (!AW_IS_EXC(exc)) aw_raise(vm, exc);
  return false;
}

static void skip_ws(Dec *d) {
  while (d->pos < d->n) {
    char c = d->s[d->pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    d->pos++;
  }
}

static bool dec_value(Dec *d, AwValue *out);

static int hex4(const char *p) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  return v;
}

// A string starting at the opening quote d->s[d->pos].
static bool dec_string(Dec *d, AwValue *out) {
  AwVM *vm = d->vm;
  size_t start = d->pos++;
  size_t run = d->pos;
  // Fast path: no escapes.
  while (d->pos < d->n) {
    unsigned char c = (unsigned char)d->s[d->pos];
    if (c == '"') {
      *out = aw_str_new(vm, d->s + run, d->pos - run);
      d->pos++;
      return !AW_IS_EXC(*out);
    }
    if (c == '\\') break;
    if (c < 0x20) return dec_error(d, "Invalid control character at", d->pos);
    d->pos++;
  }
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_append(vm, &b, d->s + run, d->pos - run);
  for (;;) {
    if (d->pos >= d->n) {
      aw_buf_free(vm, &b);
      return dec_error(d, "Unterminated string starting at", start);
    }
    unsigned char c = (unsigned char)d->s[d->pos];
    if (c == '"') {
      d->pos++;
      break;
    }
    if (c < 0x20) {
      aw_buf_free(vm, &b);
      return dec_error(d, "Invalid control character at", d->pos);
    }
    if (c != '\\') {
      aw_buf_putc(vm, &b, (char)c);
      d->pos++;
      continue;
    }
    size_t esc = d->pos;
    if (esc + 1 >= d->n) {
      aw_buf_free(vm, &b);
      return dec_error(d, "Unterminated string starting at", start);
    }
    char e = d->s[esc + 1];
    d->pos = esc + 2;
    const char *simple = NULL;
    switch (e) {
      case '"': simple = "\""; break;
      case '\\': simple = "\\"; break;
      case '/': simple = "/"; break;
      case 'b': simple = "\b"; break;
      case 'f': simple = "\f"; break;
      case 'n': simple = "\n"; break;
      case 'r': simple = "\r"; break;
      case 't': simple = "\t"; break;
      case 'u': break;
      default:
        aw_buf_free(vm, &b);
        return dec_error(d, "Invalid \\escape", esc);
    }
    if (simple) {
      aw_buf_putc(vm, &b, simple[0]);
      continue;
    }
    int u = esc + 6 <= d->n ? hex4(d->s + esc + 2) : -1;
    if (u < 0) {
      aw_buf_free(vm, &b);
      return dec_error(d, "Invalid \\uXXXX escape", esc + 1);
    }
    d->pos = esc + 6;
    uint32_t cp = (uint32_t)u;
    // A high surrogate followed by an escaped low one makes one code point.
    if (cp >= 0xD800 && cp <= 0xDBFF && d->pos + 6 <= d->n && d->s[d->pos] == '\\' &&
        d->s[d->pos + 1] == 'u') {
      int lo = hex4(d->s + d->pos + 2);
      if (lo < 0) {
        aw_buf_free(vm, &b);
        return dec_error(d, "Invalid \\uXXXX escape", d->pos + 1);
      }
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
        d->pos += 6;
      }
    }
    char enc[4];
    int k = aw_utf8_encode(cp, enc);
    aw_buf_append(vm, &b, enc, (size_t)k);
  }
  if (b.failed) {
    aw_buf_free(vm, &b);
    return false;
  }
  *out = aw_buf_to_str(vm, &b);
  return !AW_IS_EXC(*out);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number (CPython's NUMBER_RE) or -Infinity; false without an exception
// set (*matched = false) when nothing here is a number.
static bool dec_number(Dec *d, AwValue *out, bool *matched) {
  AwVM *vm = d->vm;
  size_t p = d->pos, start = p;
  *matched = false;
  if (p < d->n && d->s[p] == '-') p++;
  if (p >= d->n || !is_digit(d->s[p])) return true;
  if (d->s[p] == '0') p++;
  else
    while (p < d->n && is_digit(d->s[p])) p++;
  bool is_float = false;
  if (p + 1 < d->n && d->s[p] == '.' && is_digit(d->s[p + 1])) {
    is_float = true;
    p += 2;
    while (p < d->n && is_digit(d->s[p])) p++;
  }
  if (p < d->n && (d->s[p] == 'e' || d->s[p] == 'E')) {
    size_t q = p + 1;
    if (q < d->n && (d->s[q] == '+' || d->s[q] == '-')) q++;
    if (q < d->n && is_digit(d->s[q])) {
      is_float = true;
      p = q;
      while (p < d->n && is_digit(d->s[p])) p++;
    }
  }
  *matched = true;
  d->pos = p;
  AwValue hook = is_float ? d->parse_float : d->parse_int;
  if (!AW_IS_NONE(hook)) {
    AwValue s = aw_str_new(vm, d->s + start, p - start);
    if (AW_IS_EXC(s)) return false;
    aw_push_root(vm, s);
    *out = aw_call(vm, hook, 1, &s, NULL);
    aw_pop_root(vm);
  } else if (is_float) {
    *out = aw_float_from_str(vm, d->s + start, p - start);
  } else {
    *out = aw_int_from_str(vm, d->s + start, p - start, 10);
  }
  return !AW_IS_EXC(*out);
}

static bool dec_constant(Dec *d, const char *word, AwValue v, AwValue *out) {
  size_t n = strlen(word);
  if (d->pos + n > d->n || memcmp(d->s + d->pos, word, n) != 0) return false;
  d->pos += n;
  if ((word[0] == 'N' || word[0] == 'I' || word[0] == '-') && !AW_IS_NONE(d->parse_constant)) {
    AwValue s = aw_str_from_cstr(d->vm, word);
    if (AW_IS_EXC(s)) {
      *out = AW_EXC;
    } else {
      aw_push_root(d->vm, s);
      *out = aw_call(d->vm, d->parse_constant, 1, &s, NULL);
      aw_pop_root(d->vm);
    }
  } else {
    *out = v;
  }
  return true;
}

static bool dec_enter(Dec *d, AwValue container) {
  if (++d->depth > d->vm->recursion_limit) {
    aw_raisef(d->vm, AW_EXCCLS(d->vm, RecursionError),
              "maximum recursion depth exceeded while decoding a JSON document");
    return false;
  }
  return aw_list_append(d->vm, d->keep, container);
}

static void dec_leave(Dec *d) {
  d->depth--;
  d->keep->len--;
}

static bool dec_array(Dec *d, AwValue *out) {
  AwList *l = aw_list_new(d->vm, 0);
  if (!l || !dec_enter(d, AW_OBJ(l))) return false;
  d->pos++;
  skip_ws(d);
  if (d->pos < d->n && d->s[d->pos] == ']') {
    d->pos++;
  } else {
    for (;;) {
      AwValue v;
      if (!dec_value(d, &v) || !aw_list_append(d->vm, l, v)) return false;
      skip_ws(d);
      if (d->pos < d->n && d->s[d->pos] == ']') {
        d->pos++;
        break;
      }
      if (d->pos >= d->n || d->s[d->pos] != ',')
        return dec_error(d, "Expecting ',' delimiter", d->pos);
      d->pos++;
      skip_ws(d);
    }
  }
  dec_leave(d);
  *out = AW_OBJ(l);
  return true;
}

static bool dec_object(Dec *d, AwValue *out) {
  AwVM *vm = d->vm;
  bool pairs = !AW_IS_NONE(d->pairs_hook);
  AwDict *obj = pairs ? NULL : aw_dict_new(vm);
  AwList *plist = pairs ? aw_list_new(vm, 0) : NULL;
  AwValue container = pairs ? AW_OBJ(plist) : AW_OBJ(obj);
  if ((!obj && !plist) || !dec_enter(d, container)) return false;
  d->pos++;
  skip_ws(d);
  if (d->pos < d->n && d->s[d->pos] == '}') {
    d->pos++;
  } else {
    for (;;) {
      if (d->pos >= d->n || d->s[d->pos] != '"')
        return dec_error(d, "Expecting property name enclosed in double quotes", d->pos);
      AwValue key;
      if (!dec_string(d, &key)) return false;
      key = aw_str_intern_value(vm, key);
      if (AW_IS_EXC(key)) return false;
      skip_ws(d);
      if (d->pos >= d->n || d->s[d->pos] != ':')
        return dec_error(d, "Expecting ':' delimiter", d->pos);
      d->pos++;
      skip_ws(d);
      // The key must survive the value's hooks: keep it with the container.
      if (!aw_list_append(vm, d->keep, key)) return false;
      AwValue v;
      bool ok = dec_value(d, &v);
      d->keep->len--;
      if (!ok) return false;
      if (pairs) {
        AwValue pair = aw_tuple_pack(vm, 2, key, v);
        if (AW_IS_EXC(pair) || !aw_list_append(vm, plist, pair)) return false;
      } else if (!aw_dict_set(vm, obj, key, v)) {
        return false;
      }
      skip_ws(d);
      if (d->pos < d->n && d->s[d->pos] == '}') {
        d->pos++;
        break;
      }
      if (d->pos >= d->n || d->s[d->pos] != ',')
        return dec_error(d, "Expecting ',' delimiter", d->pos);
      d->pos++;
      skip_ws(d);
    }
  }
  AwValue result = container;
  if (pairs) result = aw_call(vm, d->pairs_hook, 1, &container, NULL);
  else if (!AW_IS_NONE(d->object_hook)) result = aw_call(vm, d->object_hook, 1, &container, NULL);
  dec_leave(d);
  if (AW_IS_EXC(result)) return false;
  *out = result;
  return true;
}

static bool dec_value(Dec *d, AwValue *out) {
  if (d->pos >= d->n) return dec_error(d, "Expecting value", d->pos);
  char c = d->s[d->pos];
  switch (c) {
    case '"': return dec_string(d, out);
    case '[': return dec_array(d, out);
    case '{': return dec_object(d, out);
    case 'n': if (dec_constant(d, "null", AW_NONE, out)) return true; break;
    case 't': if (dec_constant(d, "true", AW_TRUE, out)) return true; break;
    case 'f': if (dec_constant(d, "false", AW_FALSE, out)) return true; break;
    case 'N': if (dec_constant(d, "NaN", AW_FLOAT(NAN), out)) return !AW_IS_EXC(*out); break;
    case 'I':
      if (dec_constant(d, "Infinity", AW_FLOAT(INFINITY), out)) return !AW_IS_EXC(*out);
      break;
    case '-':
      if (dec_constant(d, "-Infinity", AW_FLOAT(-INFINITY), out)) return !AW_IS_EXC(*out);
      __attribute__((fallthrough));  // to the number
    default: {
      bool matched;
      if (!dec_number(d, out, &matched)) return false;
      if (matched) return true;
    }
  }
  return dec_error(d, "Expecting value", d->pos);
}

static const char *const loads_names[] = {"s", "cls", "object_hook", "parse_float", "parse_int",
                                          "parse_constant", "object_pairs_hook", "strict", NULL};

// a[0] = document, a[2..6] = hooks (see loads_names).
static AwValue loads_core(AwVM *vm, AwValue *a) {
  AwValue doc = a[0];
  if (AW_IS_BYTES(doc)) {
    AwBytes *bs = AW_AS_BYTES(doc);
    const char *p = (const char *)bs->data;
    size_t n = (size_t)bs->len;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3, n -= 3;
    doc = aw_str_new_checked(vm, p, n);
    if (AW_IS_EXC(doc)) return AW_EXC;
  } else if (!AW_IS_STR(doc)) {
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "the JSON object must be str, bytes or bytearray, not %s", aw_type_name(vm, doc));
  }
  Dec d = {0};
  d.vm = vm;
  d.doc = doc;
  d.s = AW_AS_STR(doc)->data;
  d.n = (size_t)AW_AS_STR(doc)->nbytes;
  AwValue *hooks[5] = {&d.object_hook, &d.parse_float, &d.parse_int, &d.parse_constant,
                       &d.pairs_hook};
  for (int i = 0; i < 5; i++) *hooks[i] = AW_IS_UNDEF(a[2 + i]) ? AW_NONE : a[2 + i];
  d.keep = aw_list_new(vm, 8);
  if (!d.keep) return AW_EXC;
  aw_push_root(vm, AW_OBJ(d.keep));
  if (!aw_list_append(vm, d.keep, doc)) {
    aw_pop_root(vm);
    return AW_EXC;
  }
  AwValue result = AW_EXC;
  if (d.n >= 3 && memcmp(d.s, "\xEF\xBB\xBF", 3) == 0) {
    dec_error(&d, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
  } else {
    skip_ws(&d);
    AwValue v;
    if (dec_value(&d, &v)) {
      skip_ws(&d);
      if (d.pos != d.n) dec_error(&d, "Extra data", d.pos);
      else result = v;
    }
  }
  aw_pop_root(vm);
  return result;
}

static AwValue json_loads(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue a[8];
  if (!aw_parse_args(vm, "loads", argc, argv, kwnames, 1, loads_names, a)) return AW_EXC;
  return loads_core(vm, a);
}

static AwValue json_load(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"fp", "cls", "object_hook", "parse_float", "parse_int",
                                      "parse_constant", "object_pairs_hook", "strict", NULL};
  AwValue a[8];
  if (!aw_parse_args(vm, "load", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue name = aw_str_intern(vm, "read", 4);
  if (AW_IS_EXC(name)) return AW_EXC;
  AwValue text = aw_call_method(vm, a[0], name, 0, NULL);
  if (AW_IS_EXC(text)) return AW_EXC;
  a[0] = text;
  aw_push_root(vm, text);
  AwValue r = loads_core(vm, a);
  aw_pop_root(vm);
  return r;
}

// ---- JSONDecodeError ------------------------------------------------------------

// JSONDecodeError(msg, doc, pos): args = ("msg: line L column C (char P)",)
// plus the msg, doc, pos, lineno and colno attributes.
static AwValue decode_error_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "msg", "doc", "pos", NULL};
  AwValue a[4];
  if (!aw_parse_args(vm, "JSONDecodeError", argc, argv, kwnames, 4, names, a)) return AW_EXC;
  AwValue self = a[0], msg = a[1], doc = a[2];
  int64_t pos;
  if (!AW_IS_STR(msg) || !AW_IS_STR(doc))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "JSONDecodeError needs str msg and doc");
  if (!aw_index(vm, a[3], &pos)) return AW_EXC;
  AwStr *s = AW_AS_STR(doc);
  int64_t lineno = 1, last_nl = -1, ci = 0;
  const unsigned char *p = (const unsigned char *)s->data;
  for (int64_t i = 0; i < s->nbytes && ci < pos; i++) {
    if ((p[i] & 0xC0) == 0x80) continue;
    if (p[i] == '\n') {
      lineno++;
      last_nl = ci;
    }
    ci++;
  }
  int64_t colno = pos - last_nl;
  AwValue text = aw_str_format(vm, "%S: line %lld column %lld (char %lld)", msg, (long long)lineno,
                               (long long)colno, (long long)pos);
  if (AW_IS_EXC(text)) return AW_EXC;
  AwValue args = aw_tuple_pack(vm, 1, text);
  if (AW_IS_EXC(args)) return AW_EXC;
  static const char *const attrs[] = {"args", "msg", "doc", "pos", "lineno", "colno"};
  AwValue vals[6] = {args, msg, doc, AW_INT(pos), AW_INT(lineno), AW_INT(colno)};
  for (int i = 0; i < 6; i++)
    if (!aw_setattr(vm, self, aw_str_intern(vm, attrs[i], strlen(attrs[i])), vals[i])) return AW_EXC;
  return AW_NONE;
}

AwModule *aw_open_json(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "json");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = aw_module_add_fn(vm, m, "dumps", json_dumps) && aw_module_add_fn(vm, m, "dump", json_dump) &&
            aw_module_add_fn(vm, m, "loads", json_loads) && aw_module_add_fn(vm, m, "load", json_load);
  AwDict *d = ok ? aw_dict_new(vm) : NULL;
  AwClass *cls = NULL;
  if (d) {
    aw_push_root(vm, AW_OBJ(d));
    AwValue name = aw_str_from_cstr(vm, "JSONDecodeError");
    cls = AW_IS_EXC(name) ? NULL : aw_class_new(vm, name, AW_EXCCLS(vm, ValueError), d);
    aw_pop_root(vm);
  }
  ok = cls != NULL;
  if (ok) {
    cls->module = aw_str_from_cstr(vm, "json.decoder");
    ok = !AW_IS_EXC(cls->module) &&
         aw_class_add_native(vm, cls, "__init__", decode_error_init, AW_NATIVE_METHOD) &&
         aw_module_add_value(vm, m, "JSONDecodeError", AW_OBJ(cls));
  }
  aw_pop_root(vm);
  return ok ? m : NULL;
}

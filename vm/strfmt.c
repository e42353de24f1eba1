// vm/strfmt.c -- the two string templating languages of str: str.format /
// format_map ("{0.x!r:>{width}}") and printf-style "fmt % args". The
// per-value format-spec mini-language is format.c's aw_format.
#include <math.h>
#include <string.h>

#include "vm/text.h"

// ---- helpers ----------------------------------------------------------------------

static AwValue value_error(AwVM *vm, const char *msg) {
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%s", msg);
}

// ascii(v): repr with every non-ASCII code point escaped.
bool aw_buf_ascii(AwVM *vm, AwBuf *b, AwValue v) {
  AwStr *r = aw_repr(vm, v);
  if (!r) return false;
  const unsigned char *p = (const unsigned char *)r->data, *end = p + r->nbytes;
  while (p < end) {
    uint32_t c;
    int k = aw_utf8_decode(p, &c);
    bool ok;
    if (c < 0x80) ok = aw_buf_putc(vm, b, (char)c);
    else if (c < 0x100) ok = aw_buf_printf(vm, b, "\\x%02x", (unsigned)c);
    else if (c < 0x10000) ok = aw_buf_printf(vm, b, "\\u%04x", (unsigned)c);
    else ok = aw_buf_printf(vm, b, "\\U%08x", (unsigned)c);
    if (!ok) return false;
    p += k;
  }
  return true;
}

// ---- str.format ---------------------------------------------------------------------

typedef struct {
  AwValue *args;      // positional arguments
  int nargs;
  AwTuple *kwnames;   // keyword names (format) or NULL
  AwValue *kwvalues;
  AwValue mapping;    // format_map's mapping, or UNDEF
  int auto_index;     // next automatic field number; -1 once manual numbering is used
  bool manual;
} FmtState;

// Looks up the argument named by [name, name+len) (digits = positional).
static AwValue field_arg(AwVM *vm, FmtState *st, const char *name, size_t len) {
  if (len == 0) {
    if (st->manual)
      return value_error(vm, "cannot switch from manual field specification to automatic field "
                             "numbering");
    if (!AW_IS_UNDEF(st->mapping))
      return value_error(vm, "Format string contains positional fields");
    int i = st->auto_index++;
    if (i >= st->nargs)
      return aw_raisef(vm, AW_EXCCLS(vm, IndexError),
                       "Replacement index %d out of range for positional args tuple", i);
    return st->args[i];
  }
  bool digits = true;
  for (size_t i = 0; i < len; i++)
    if (name[i] < '0' || name[i] > '9') digits = false;
  if (digits) {
    if (st->auto_index > 0)
      return value_error(vm, "cannot switch from automatic field numbering to manual field "
                             "specification");
    st->manual = true;
    if (!AW_IS_UNDEF(st->mapping))
      return value_error(vm, "Format string contains positional fields");
    int64_t i = 0;
    for (size_t k = 0; k < len && i < 1000000000; k++) i = i * 10 + (name[k] - '0');
    if (i >= st->nargs)
      return aw_raisef(vm, AW_EXCCLS(vm, IndexError),
                       "Replacement index %lld out of range for positional args tuple",
                       (long long)i);
    return st->args[i];
  }
  AwValue key = aw_str_new(vm, name, len);
  if (AW_IS_EXC(key)) return key;
  if (!AW_IS_UNDEF(st->mapping)) {
    aw_push_root(vm, key);
    AwValue r = aw_getitem(vm, st->mapping, key);
    aw_pop_root(vm);
    return r;
  }
  if (st->kwnames) {
    for (int64_t i = 0; i < st->kwnames->len; i++)
      if (aw_str_eq(AW_AS_STR(st->kwnames->items[i]), AW_AS_STR(key))) return st->kwvalues[i];
  }
  return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &key);
}

// Resolves a full field name "0.attr[key][2]". The intermediate objects
// stay reachable through the objects they came from or the args.
static AwValue field_value(AwVM *vm, FmtState *st, const char *p, const char *end) {
  const char *q = p;
  while (q < end && *q != '.' && *q != '[') q++;
  AwValue v = field_arg(vm, st, p, (size_t)(q - p));
  if (AW_IS_EXC(v)) return v;
  while (q < end) {
    if (*q == '.') {
      const char *a = ++q;
      while (q < end && *q != '.' && *q != '[') q++;
      if (q == a) return value_error(vm, "Empty attribute in format string");
      AwValue name = aw_str_intern(vm, a, (size_t)(q - a));
      if (AW_IS_EXC(name)) return name;
      aw_push_root(vm, v);
      aw_push_root(vm, name);
      AwValue r = aw_getattr(vm, v, name);
      aw_pop_root(vm);
      aw_pop_root(vm);
      v = r;
    } else if (*q == '[') {
      const char *a = ++q;
      while (q < end && *q != ']') q++;
      if (q == end) return value_error(vm, "Missing ']' in format string");
      if (q == a) return value_error(vm, "Empty attribute in format string");
      bool digits = true;
      for (const char *k = a; k < q; k++)
        if (*k < '0' || *k > '9') digits = false;
      AwValue key;
      if (digits) {
        int64_t n = 0;
        for (const char *k = a; k < q && n < ((int64_t)1 << 56); k++) n = n * 10 + (*k - '0');
        key = AW_INT(n);
      } else {
        key = aw_str_new(vm, a, (size_t)(q - a));
        if (AW_IS_EXC(key)) return key;
      }
      q++;
      aw_push_root(vm, v);
      aw_push_root(vm, key);
      AwValue r = aw_getitem(vm, v, key);
      aw_pop_root(vm);
      aw_pop_root(vm);
      v = r;
      if (q < end && *q != '.' && *q != '[')
        return value_error(vm, "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return value_error(vm, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (AW_IS_EXC(v)) return v;
  }
  return v;
}

// Formats one replacement field: name [p, name_end), conversion [conv]
// (0 = none), spec [spec, spec_end).
static bool render(AwVM *vm, AwBuf *out, FmtState *st, const char *p, const char *end, int depth);

static bool render_field(AwVM *vm, AwBuf *out, FmtState *st, const char *p,
                         const char *name_end, char conv, const char *spec,
                         const char *spec_end, int depth) {
  AwValue v = field_value(vm, st, p, name_end);
  if (AW_IS_EXC(v)) return false;
  aw_push_root(vm, v);
  bool ok = false;
  AwBuf sb;
  aw_buf_init(&sb);
  if (conv) {
    AwBuf cb;
    aw_buf_init(&cb);
    bool cok;
    if (conv == 'r') cok = aw_buf_repr(vm, &cb, v);
    else if (conv == 's') cok = aw_buf_str(vm, &cb, v);
    else if (conv == 'a') cok = aw_buf_ascii(vm, &cb, v);
    else {
      aw_buf_free(vm, &cb);
      if ((unsigned char)conv < 0x20 || (unsigned char)conv >= 0x7f)
        aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Unknown conversion specifier \\x%x",
                  (unsigned char)conv);
      else
        aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Unknown conversion specifier %c", conv);
      goto done;
    }
    if (!cok) {
      aw_buf_free(vm, &cb);
      goto done;
    }
    AwValue cv = aw_buf_to_str(vm, &cb);
    if (AW_IS_EXC(cv)) goto done;
    aw_pop_root(vm);
    v = cv;
    aw_push_root(vm, v);
  }
  // The spec may itself hold fields: "{:{width}.{prec}}".
  AwValue specv;
  if (memchr(spec, '{', (size_t)(spec_end - spec))) {
    if (!render(vm, &sb, st, spec, spec_end, depth + 1)) goto done;
    specv = aw_buf_to_str(vm, &sb);
  } else {
    specv = aw_str_new(vm, spec, (size_t)(spec_end - spec));
  }
  if (AW_IS_EXC(specv)) goto done;
  AwValue r;
  if (AW_IS_STR(v) && AW_AS_STR(specv)->nbytes == 0) {
    r = v;
  } else {
    aw_push_root(vm, specv);
    r = aw_format(vm, v, specv);
    aw_pop_root(vm);
    if (AW_IS_EXC(r)) goto done;
  }
  ok = aw_buf_append_str(vm, out, r);
done:
  aw_buf_free(vm, &sb);
  aw_pop_root(vm);
  return ok;
}

// Renders template [p, end) into [out]; [depth] 0 for the top level. The
// field scanning follows CPython's MarkupIterator_next / parse_field so
// that malformed templates get the same errors.
static bool render(AwVM *vm, AwBuf *out, FmtState *st, const char *p, const char *end, int depth) {
  if (depth > 1) {
    value_error(vm, "Max string recursion exceeded");
    return false;
  }
  while (p < end) {
    const char *lit = p;
    while (p < end && *p != '{' && *p != '}') p++;
    if (p > lit && !aw_buf_append(vm, out, lit, (size_t)(p - lit))) return false;
    if (p >= end) break;
    char c = *p++;
    bool at_end = p >= end;
    if (c == '}' && (at_end || *p != '}')) {
      value_error(vm, "Single '}' encountered in format string");
      return false;
    }
    if (c == '{' && at_end) {
      value_error(vm, "Single '{' encountered in format string");
      return false;
    }
    if (*p == c) {  // "{{" or "}}"
      if (!aw_buf_putc(vm, out, c)) return false;
      p++;
      continue;
    }
    // A field: the name runs to '!', ':' or '}' ('[...]' may hold any of them).
    const char *name = p;
    char last = 0;
    while (p < end) {
      last = *p++;
      if (last == ':' || last == '!' || last == '}') break;
      if (last == '{') {
        value_error(vm, "unexpected '{' in field name");
        return false;
      }
      if (last == '[') {
        while (p < end && *p != ']') p++;
      }
    }
    const char *name_end = p - 1;
    char conv = 0;
    const char *spec = p, *spec_end = p;
    if (last == '!' || last == ':') {
      if (last == '!') {
        if (p >= end) {
          value_error(vm, "end of string while looking for conversion specifier");
          return false;
        }
        conv = *p++;
        if (p < end) {
          char d = *p++;
          if (d == '}') {
            if (!render_field(vm, out, st, name, name_end, conv, p, p, depth)) return false;
            continue;
          }
          if (d != ':') {
            value_error(vm, "expected ':' after conversion specifier");
            return false;
          }
        }
      }
      spec = p;
      int count = 1;
      while (p < end) {
        char d = *p++;
        if (d == '{') count++;
        else if (d == '}' && --count == 0) break;
      }
      if (count) {
        value_error(vm, "unmatched '{' in format spec");
        return false;
      }
      spec_end = p - 1;
    } else if (last != '}') {
      value_error(vm, "expected '}' before end of string");
      return false;
    }
    if (!render_field(vm, out, st, name, name_end, conv, spec, spec_end, depth)) return false;
  }
  return true;
}

AwValue aw_str_format_method(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc < 1 || !AW_IS_STR(argv[0])) {
    if (argc < 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "unbound method str.format() needs an argument");
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "descriptor 'format' for 'str' objects doesn't apply to a '%s' object",
                     aw_type_name(vm, argv[0]));
  }
  AwStr *s = AW_AS_STR(argv[0]);
  FmtState st = {argv + 1, argc - 1, kwnames, argv + argc, AW_UNDEF, 0, false};
  AwBuf b;
  aw_buf_init(&b);
  if (!render(vm, &b, &st, s->data, s->data + s->nbytes, 0)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

AwValue aw_str_format_map_method(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_text_args(vm, argc, argv, kwnames, AW_OBJ_STR, "str", "format_map", 1, 1, AW_ARGS_O))
    return AW_EXC;
  AwStr *s = AW_AS_STR(argv[0]);
  FmtState st = {NULL, 0, NULL, NULL, argv[1], 0, false};
  AwBuf b;
  aw_buf_init(&b);
  if (!render(vm, &b, &st, s->data, s->data + s->nbytes, 0)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

// ---- printf-style % ------------------------------------------------------------------

typedef struct {
  bool left, plus, space, alt, zero;
  int64_t width;   // -1 = none
  int64_t prec;    // -1 = none
} PctSpec;

// Pads [body] (already including its sign/prefix) to the spec's width.
// [sign_len] bytes at the front stay in front of zero padding.
static bool pct_pad(AwVM *vm, AwBuf *out, const PctSpec *sp, const char *body, size_t len,
                    int64_t nchars, size_t sign_len, bool numeric) {
  int64_t fill = sp->width > nchars ? sp->width - nchars : 0;
  if (!fill) return aw_buf_append(vm, out, body, len);
  if (sp->left) {
    if (!aw_buf_append(vm, out, body, len)) return false;
    for (int64_t i = 0; i < fill; i++)
      if (!aw_buf_putc(vm, out, ' ')) return false;
    return true;
  }
  if (sp->zero && numeric) {
    if (!aw_buf_append(vm, out, body, sign_len)) return false;
    for (int64_t i = 0; i < fill; i++)
      if (!aw_buf_putc(vm, out, '0')) return false;
    return aw_buf_append(vm, out, body + sign_len, len - sign_len);
  }
  for (int64_t i = 0; i < fill; i++)
    if (!aw_buf_putc(vm, out, ' ')) return false;
  return aw_buf_append(vm, out, body, len);
}

// %d %i %u %x %X %o of an int64.
static bool pct_int(AwVM *vm, AwBuf *out, const PctSpec *sp, int64_t v, char type) {
  char digits[80], body[120];
  uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
  const char *set = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  int n = 0;
  do {
    digits[n++] = set[mag % (uint64_t)base];
    mag /= (uint64_t)base;
  } while (mag);
  size_t k = 0;
  if (v < 0) body[k++] = '-';
  else if (sp->plus) body[k++] = '+';
  else if (sp->space) body[k++] = ' ';
  if (sp->alt && base != 10) {
    body[k++] = '0';
    body[k++] = type == 'o' ? 'o' : type;
  }
  size_t sign_len = k;
  int64_t prec = sp->prec > 60 ? 60 : sp->prec;
  for (int64_t i = n; i < prec; i++) body[k++] = '0';
  while (n) body[k++] = digits[--n];
  if (sp->prec > 60) {
    // Huge precision: build the zeros in a buffer instead.
    AwBuf big;
    aw_buf_init(&big);
    aw_buf_append(vm, &big, body, sign_len);
    for (int64_t i = (int64_t)(k - sign_len); i < sp->prec; i++) aw_buf_putc(vm, &big, '0');
    aw_buf_append(vm, &big, body + sign_len, k - sign_len);
    bool ok = !big.failed && pct_pad(vm, out, sp, big.data, big.len, (int64_t)big.len, sign_len, true);
    aw_buf_free(vm, &big);
    return ok;
  }
  return pct_pad(vm, out, sp, body, k, (int64_t)k, sign_len, true);
}

static bool pct_float(AwVM *vm, AwBuf *out, const PctSpec *sp, double x, char type) {
  char fmt[16], body[400];
  size_t k = 0;
  fmt[k++] = '%';
  if (sp->plus) fmt[k++] = '+';
  else if (sp->space) fmt[k++] = ' ';
  if (sp->alt) fmt[k++] = '#';
  fmt[k++] = '.';
  fmt[k++] = '*';
  fmt[k++] = type;
  fmt[k] = '\0';
  int prec = sp->prec < 0 ? 6 : sp->prec > 300 ? 300 : (int)sp->prec;
  AwBuf tmp;
  aw_buf_init(&tmp);
  const char *s = body;
  int n = snprintf(body, sizeof body, fmt, prec, x);
  if (n >= (int)sizeof body) {  // %f of a huge number
    if (!aw_buf_printf(vm, &tmp, fmt, prec, x)) return false;
    s = tmp.data;
  }
  size_t sign_len = s[0] == '-' || s[0] == '+' || s[0] == ' ';
  // CPython zero-pads inf and nan too.
  bool ok = pct_pad(vm, out, sp, s, (size_t)n, n, sign_len, true);
  aw_buf_free(vm, &tmp);
  return ok;
}

static bool pct_text(AwVM *vm, AwBuf *out, const PctSpec *sp, AwStr *s) {
  int64_t nchars = s->nchars, nbytes = s->nbytes;
  if (sp->prec >= 0 && sp->prec < nchars) {
    nchars = sp->prec;
    nbytes = aw_str_byte_offset(s, nchars);
  }
  return pct_pad(vm, out, sp, s->data, (size_t)nbytes, nchars, 0, false);
}

// The next positional argument, or NULL with TypeError.
static bool next_arg(AwVM *vm, AwValue *args, int64_t nargs, int64_t *ai, AwValue *out) {
  if (*ai >= nargs) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "not enough arguments for format string");
    return false;
  }
  *out = args[(*ai)++];
  return true;
}

// Converts an argument for %d-style codes to int64.
static bool pct_intarg(AwVM *vm, AwValue v, char type, int64_t *out) {
  if (AW_IS_INTLIKE(v)) {
    *out = AW_AS_INT(v);
    return true;
  }
  bool decimal = type == 'd' || type == 'i' || type == 'u';
  if (AW_IS_FLOAT(v) && decimal) {
    double d = AW_AS_FLOAT(v);
    if (isnan(d)) {
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "cannot convert float NaN to integer");
      return false;
    }
    if (isinf(d)) {
      aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "cannot convert float infinity to integer");
      return false;
    }
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
      return false;
    }
    *out = (int64_t)d;
    return true;
  }
  if (AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, index))))
    return aw_index(vm, v, out);
  if (decimal && AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, int)))) {
    AwValue r = aw_call_special(vm, v, AW_N(vm, int), 0, NULL);
    if (AW_IS_EXC(r)) return false;
    if (AW_IS_INTLIKE(r)) {
      *out = AW_AS_INT(r);
      return true;
    }
  }
  if (decimal)
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%%%c format: a real number is required, not %s",
              type, aw_type_name(vm, v));
  else
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%%%c format: an integer is required, not %s", type,
              aw_type_name(vm, v));
  return false;
}

static bool pct_floatarg(AwVM *vm, AwValue v, double *out) {
  if (AW_IS_FLOAT(v)) {
    *out = AW_AS_FLOAT(v);
    return true;
  }
  if (AW_IS_INTLIKE(v)) {
    *out = (double)AW_AS_INT(v);
    return true;
  }
  if (AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, float)))) {
    AwValue r = aw_call_special(vm, v, AW_N(vm, float), 0, NULL);
    if (AW_IS_EXC(r)) return false;
    if (AW_IS_FLOAT(r)) {
      *out = AW_AS_FLOAT(r);
      return true;
    }
  }
  if (AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, index)))) {
    int64_t i;
    if (!aw_index(vm, v, &i)) return false;
    *out = (double)i;
    return true;
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "must be real number, not %s", aw_type_name(vm, v));
  return false;
}

// The formatter shared by str % and bytes %: [bytes_mode] changes %s
// (bytes only), %c (bytes) and the error wording.
static AwValue percent_impl(AwVM *vm, const char *fmt, size_t len, AwValue args, bool bytes_mode,
                            AwBuf *out, AwList *keep) {
  AwValue *items = &args;
  int64_t nargs = 1;
  AwValue mapping = AW_UNDEF;
  if (AW_IS_TUPLE(args)) {
    items = AW_AS_TUPLE(args)->items;
    nargs = AW_AS_TUPLE(args)->len;
  } else if (!AW_IS_STR(args) && !(bytes_mode && AW_IS_BYTES(args)) && AW_IS_OBJ(args) &&
             !AW_IS_UNDEF(aw_lookup_special(vm, args, AW_N(vm, getitem)))) {
    mapping = args;  // CPython: any mapping-like non-tuple object
  }
  int64_t ai = 0;
  const char *p = fmt, *end = fmt + len;
  bool used_key = false;
  while (p < end) {
    const char *lit = p;
    while (p < end && *p != '%') p++;
    if (p > lit && !aw_buf_append(vm, out, lit, (size_t)(p - lit))) return AW_EXC;
    if (p >= end) break;
    const char *start = p++;
    if (p < end && *p == '%') {  // "%%" only when nothing is in between
      if (!aw_buf_putc(vm, out, '%')) return AW_EXC;
      p++;
      continue;
    }
    AwValue arg = AW_UNDEF;
    bool have_arg = false;
    if (p < end && *p == '(') {
      if (AW_IS_UNDEF(mapping))
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "format requires a mapping");
      const char *k = ++p;
      int depth = 1;
      while (p < end) {
        if (*p == '(') depth++;
        else if (*p == ')' && --depth == 0) break;
        p++;
      }
      if (p >= end) return value_error(vm, "incomplete format key");
      AwValue key = bytes_mode ? aw_bytes_new(vm, k, (size_t)(p - k)) : aw_str_new(vm, k, (size_t)(p - k));
      if (AW_IS_EXC(key)) return key;
      p++;
      aw_push_root(vm, key);
      arg = aw_getitem(vm, mapping, key);
      aw_pop_root(vm);
      if (AW_IS_EXC(arg)) return arg;
      // A mapping may return a fresh object: keep it alive while a
      // __str__/__repr__/__index__ of it runs below.
      if (keep && !aw_list_append(vm, keep, arg)) return AW_EXC;
      have_arg = true;
      used_key = true;
    }
    PctSpec sp = {false, false, false, false, false, -1, -1};
    for (; p < end; p++) {
      if (*p == '-') sp.left = true;
      else if (*p == '+') sp.plus = true;
      else if (*p == ' ') sp.space = true;
      else if (*p == '#') sp.alt = true;
      else if (*p == '0') sp.zero = true;
      else break;
    }
    for (int part = 0; part < 2; part++) {
      int64_t *dst = part ? &sp.prec : &sp.width;
      if (part) {
        if (p >= end || *p != '.') break;
        p++;
        sp.prec = 0;
      }
      if (p < end && *p == '*') {
        p++;
        AwValue w;
        if (!next_arg(vm, items, nargs, &ai, &w)) return AW_EXC;
        if (!AW_IS_INTLIKE(w)) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "* wants int");
        *dst = AW_AS_INT(w);
        if (!part && *dst < 0) {
          sp.left = true;
          *dst = -*dst;
        }
        if (part && *dst < 0) *dst = 0;
      } else {
        while (p < end && *p >= '0' && *p <= '9') {
          if (*dst < 0) *dst = 0;
          if (*dst > 100000000)
            return value_error(vm, part ? "precision too big" : "width too big");
          *dst = *dst * 10 + (*p++ - '0');
        }
      }
    }
    while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
    if (p >= end) return value_error(vm, "incomplete format");
    char type = *p++;
    // CPython takes the argument before it looks at the type character.
    if (!have_arg && !next_arg(vm, items, nargs, &ai, &arg)) return AW_EXC;
    if (!type || !strchr("diouxXeEfFgGcsra", type)) {
      unsigned char t = (unsigned char)type;
      if (t >= 0x80) {
        uint32_t cp;
        aw_utf8_decode((const unsigned char *)p - 1, &cp);
        return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                         "unsupported format character '%.*s' (0x%x) at index %lld",
                         (int)(cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4), p - 1, (unsigned)cp,
                         (long long)(p - 1 - fmt));
      }
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                       "unsupported format character '%c' (0x%x) at index %lld", type, t,
                       (long long)(p - 1 - fmt));
    }
    (void)start;
    bool ok;
    switch (type) {
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        int64_t v;
        if (!pct_intarg(vm, arg, type, &v)) return AW_EXC;
        ok = pct_int(vm, out, &sp, v, type == 'i' || type == 'u' ? 'd' : type);
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!pct_floatarg(vm, arg, &d)) return AW_EXC;
        ok = pct_float(vm, out, &sp, d, type);
        break;
      }
      case 'c': {
        char u[4];
        int n;
        if (AW_IS_STR(arg) && !bytes_mode) {
          if (AW_AS_STR(arg)->nchars != 1)
            return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%%c requires int or char");
          n = (int)AW_AS_STR(arg)->nbytes;
          memcpy(u, AW_AS_STR(arg)->data, (size_t)n);
        } else if (bytes_mode && AW_IS_BYTES(arg)) {
          if (AW_AS_BYTES(arg)->len != 1)
            return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                             "%%c requires an integer in range(256) or a single byte");
          u[0] = (char)AW_AS_BYTES(arg)->data[0];
          n = 1;
        } else if (AW_IS_INTLIKE(arg)) {
          int64_t c = AW_AS_INT(arg);
          if (bytes_mode) {
            if (c < 0 || c > 255)
              return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "%%c arg not in range(256)");
            u[0] = (char)c;
            n = 1;
          } else {
            if (c < 0 || c > 0x10FFFF)
              return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "%%c arg not in range(0x110000)");
            n = aw_utf8_encode((uint32_t)c, u);
          }
        } else {
          return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                           bytes_mode ? "%%c requires an integer in range(256) or a single byte"
                                      : "%%c requires int or char");
        }
        ok = pct_pad(vm, out, &sp, u, (size_t)n, 1, 0, false);
        break;
      }
      default: {  // s r a
        AwBuf tb;
        aw_buf_init(&tb);
        bool cok;
        if (bytes_mode && type == 's') {
          if (!AW_IS_BYTES(arg)) {
            aw_buf_free(vm, &tb);
            return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                             "%%b requires a bytes-like object, or an object that implements "
                             "__bytes__, not '%s'",
                             aw_type_name(vm, arg));
          }
          cok = aw_buf_append(vm, &tb, (const char *)AW_AS_BYTES(arg)->data,
                              (size_t)AW_AS_BYTES(arg)->len);
        } else if (type == 's' && AW_IS_STR(arg)) {
          cok = aw_buf_append_str(vm, &tb, arg);
        } else if (type == 's') {
          cok = aw_buf_str(vm, &tb, arg);
        } else if (type == 'r' && !bytes_mode) {
          cok = aw_buf_repr(vm, &tb, arg);
        } else {
          cok = aw_buf_ascii(vm, &tb, arg);
        }
        if (!cok) {
          aw_buf_free(vm, &tb);
          return AW_EXC;
        }
        if (bytes_mode) {
          int64_t n = (int64_t)tb.len;
          if (sp.prec >= 0 && sp.prec < n) n = sp.prec;
          ok = pct_pad(vm, out, &sp, tb.data ? tb.data : "", (size_t)n, n, 0, false);
        } else {
          AwValue sv = aw_buf_to_str(vm, &tb);
          if (AW_IS_EXC(sv)) return sv;
          ok = pct_text(vm, out, &sp, AW_AS_STR(sv));
        }
        aw_buf_free(vm, &tb);
        break;
      }
    }
    if (!ok) return AW_EXC;
  }
  if (ai < nargs && AW_IS_UNDEF(mapping) && !used_key)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     bytes_mode ? "not all arguments converted during bytes formatting"
                                : "not all arguments converted during string formatting");
  return AW_NONE;
}

AwValue aw_text_percent(AwVM *vm, const char *fmt, size_t len, AwValue args, bool bytes_mode,
                        AwBuf *out) {
  AwList *keep = NULL;
  if (len >= 2 && aw_text_find(fmt, (int64_t)len, "%(", 2) >= 0) {
    keep = aw_list_new(vm, 0);
    if (!keep) return AW_EXC;
    aw_push_root(vm, AW_OBJ(keep));
  }
  AwValue r = percent_impl(vm, fmt, len, args, bytes_mode, out, keep);
  if (keep) aw_pop_root(vm);
  return r;
}

AwValue aw_str_mod(AwVM *vm, AwValue fmt, AwValue args) {
  AwStr *s = AW_AS_STR(fmt);
  AwBuf b;
  aw_buf_init(&b);
  AwValue r = aw_text_percent(vm, s->data, (size_t)s->nbytes, args, false, &b);
  if (AW_IS_EXC(r)) {
    aw_buf_free(vm, &b);
    return r;
  }
  return aw_buf_to_str(vm, &b);
}

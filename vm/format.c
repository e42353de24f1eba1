// vm/format.c -- format(v, spec): Python's format-spec mini-language
// ([[fill]align][sign][z][#][0][width][,|_][.precision][type]) for int,
// bool, float and str, and dispatch to a user class's __format__. Layout
// and error messages follow CPython's Python/formatter_unicode.c.
#include <math.h>
#include <string.h>

#include "vm/text.h"

typedef struct {
  uint32_t fill;     // code point
  char align;        // '<' '>' '^' '=' or 0 (default)
  char sign;         // '+' '-' ' ' or 0
  bool z, alt;
  int64_t width;     // -1 = none
  char grouping;     // ',' '_' or 0
  int64_t prec;      // -1 = none
  char type;         // 0 = none
} Spec;

static AwValue spec_error(AwVM *vm, const char *msg) {
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%s", msg);
}

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Reads a run of decimal digits; false (with ValueError) if absurdly long.
static bool read_int(AwVM *vm, const char **pp, const char *end, int64_t *out) {
  const char *p = *pp;
  int64_t v = 0;
  while (p < end && *p >= '0' && *p <= '9') {
    if (v > (INT64_MAX - 9) / 10) {
      spec_error(vm, "Too many decimal digits in format string");
      return false;
    }
    v = v * 10 + (*p++ - '0');
  }
  *out = p > *pp ? v : -1;
  *pp = p;
  return true;
}

// [default_type] replaces an omitted type before the grouping checks
// (CPython: 's' for str, 'd' for int, none for float).
static bool parse_spec(AwVM *vm, AwStr *s, char default_align, char default_type, AwValue v,
                       Spec *sp) {
  const char *p = s->data, *end = p + s->nbytes;
  sp->fill = ' ';
  sp->align = 0;
  sp->sign = 0;
  sp->z = sp->alt = false;
  sp->width = sp->prec = -1;
  sp->grouping = 0;
  sp->type = 0;
  bool fill_given = false;
  // [[fill]align]: the fill is any code point followed by an align char.
  if (p < end) {
    uint32_t c;
    int k = aw_utf8_decode((const unsigned char *)p, &c);
    if (p + k < end && is_align((unsigned char)p[k])) {
      sp->fill = c;
      sp->align = p[k];
      fill_given = true;
      p += k + 1;
    } else if (is_align(c)) {
      sp->align = (char)c;
      p++;
    }
  }
  if (p < end && (*p == '+' || *p == '-' || *p == ' ')) sp->sign = *p++;
  if (p < end && *p == 'z') {
    sp->z = true;
    p++;
  }
  if (p < end && *p == '#') {
    sp->alt = true;
    p++;
  }
  if (!fill_given && p < end && *p == '0') {
    sp->fill = '0';
    if (!sp->align && default_align == '>') sp->align = '=';
    p++;
  }
  if (!read_int(vm, &p, end, &sp->width)) return false;
  if (p < end && (*p == ',' || *p == '_')) {
    sp->grouping = *p++;
    if (p < end && (*p == ',' || *p == '_')) {
      spec_error(vm, "Cannot specify both ',' and '_'.");
      return false;
    }
  }
  if (p < end && *p == '.') {
    p++;
    if (!read_int(vm, &p, end, &sp->prec)) return false;
    if (sp->prec < 0) {
      spec_error(vm, "Format specifier missing precision");
      return false;
    }
  }
  if (end - p > 1) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Invalid format specifier '%U' for object of type '%s'",
              AW_OBJ(s), aw_type_name(vm, v));
    return false;
  }
  sp->type = p < end ? *p : default_type;
  if (sp->grouping) {
    switch (sp->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (sp->grouping == '_') break;
        // fall through
      default:
        if ((unsigned char)sp->type < 0x20 || (unsigned char)sp->type >= 0x7f)
          aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Cannot specify '%c' with '\\x%x'.",
                    sp->grouping, (unsigned char)sp->type);
        else
          aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Cannot specify '%c' with '%c'.", sp->grouping,
                    sp->type);
        return false;
    }
  }
  if (!sp->align) sp->align = default_align;
  return true;
}

static AwValue unknown_code(AwVM *vm, char type, AwValue v) {
  unsigned char t = (unsigned char)type;
  if (t < 0x20 || t >= 0x7f)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                     "Unknown format code '\\x%x' for object of type '%s'", t, aw_type_name(vm, v));
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Unknown format code '%c' for object of type '%s'",
                   type, aw_type_name(vm, v));
}

static bool put_fill(AwVM *vm, AwBuf *b, uint32_t fill, int64_t n) {
  char u[4];
  int k = aw_utf8_encode(fill, u);
  for (int64_t i = 0; i < n; i++)
    if (!aw_buf_append(vm, b, u, (size_t)k)) return false;
  return true;
}

// Pads [text] ([nchars] code points) to the width by alignment. '='
// alignment puts the padding after the first [sign_len] bytes.
static bool pad_out(AwVM *vm, AwBuf *out, const Spec *sp, const char *text, size_t len,
                    int64_t nchars, size_t sign_len) {
  int64_t fill = sp->width > nchars ? sp->width - nchars : 0;
  int64_t left = 0, right = 0;
  switch (sp->align) {
    case '<': right = fill; break;
    case '^': left = fill / 2; right = fill - left; break;
    case '=':
      if (!aw_buf_append(vm, out, text, sign_len) || !put_fill(vm, out, sp->fill, fill))
        return false;
      return aw_buf_append(vm, out, text + sign_len, len - sign_len);
    default: left = fill; break;
  }
  return put_fill(vm, out, sp->fill, left) && aw_buf_append(vm, out, text, len) &&
         put_fill(vm, out, sp->fill, right);
}

// Appends [digits] grouped by [size] with [sep], zero-extended on the left
// until at least [min_width] characters (CPython's InsertThousandsGrouping).
static bool put_grouped(AwVM *vm, AwBuf *b, const char *digits, int64_t n, char sep, int size,
                        int64_t min_width) {
  int64_t count = n;
  if (sep) {
    while (count + (count - 1) / size < min_width) count++;
  } else if (count < min_width) {
    count = min_width;
  }
  for (int64_t i = 0; i < count; i++) {
    int64_t from_right = count - i;  // digits left including this one
    char d = i < count - n ? '0' : digits[i - (count - n)];
    if (!aw_buf_putc(vm, b, d)) return false;
    if (sep && from_right > 1 && (from_right - 1) % size == 0 && !aw_buf_putc(vm, b, sep))
      return false;
  }
  return true;
}

// Lays out a number: sign, prefix ("0x"), integer digits (grouped),
// then [rest] (fraction, exponent, '%'), padded as the spec says.
static bool emit_number(AwVM *vm, AwBuf *out, const Spec *sp, bool neg, const char *prefix,
                        const char *digits, int64_t ndigits, const char *rest, size_t restlen,
                        int group_size) {
  char signc = neg ? '-' : sp->sign == '+' ? '+' : sp->sign == ' ' ? ' ' : 0;
  AwBuf body;
  aw_buf_init(&body);
  if (signc) aw_buf_putc(vm, &body, signc);
  aw_buf_append(vm, &body, prefix, strlen(prefix));
  size_t head = body.len;
  int64_t min_width = 0;
  bool zero_group = sp->fill == '0' && sp->align == '=';
  if (zero_group && sp->width > 0) min_width = sp->width - (int64_t)head - (int64_t)restlen;
  put_grouped(vm, &body, digits, ndigits, sp->grouping, group_size, min_width);
  aw_buf_append(vm, &body, rest, restlen);
  if (body.failed) {
    aw_buf_free(vm, &body);
    return false;
  }
  // Everything here is ASCII, so bytes == code points.
  bool ok = pad_out(vm, out, sp, body.data, body.len, (int64_t)body.len, head);
  aw_buf_free(vm, &body);
  return ok;
}

// ---- int -----------------------------------------------------------------------------

static bool format_float_spec(AwVM *vm, AwBuf *out, Spec *sp, double x, AwValue v);

static bool format_int_spec(AwVM *vm, AwBuf *out, Spec *sp, int64_t n, AwValue v) {
  char type = sp->type ? sp->type : 'd';
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float_spec(vm, out, sp, (double)n, v);
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      break;
    default:
      unknown_code(vm, type, v);
      return false;
  }
  if (sp->prec >= 0) {
    spec_error(vm, "Precision not allowed in integer format specifier");
    return false;
  }
  if (sp->z) {
    spec_error(vm, "Negative zero coercion (z) not allowed in integer format specifier");
    return false;
  }
  if (type == 'c') {
    if (sp->sign) {
      spec_error(vm, "Sign not allowed with integer format specifier 'c'");
      return false;
    }
    if (sp->alt) {
      spec_error(vm, "Alternate form (#) not allowed with integer format specifier 'c'");
      return false;
    }
    if (n < 0 || n > 0x10FFFF) {
      aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "%%c arg not in range(0x110000)");
      return false;
    }
    char u[4];
    int k = aw_utf8_encode((uint32_t)n, u);
    return pad_out(vm, out, sp, u, (size_t)k, 1, 0);
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
  const char *set = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  uint64_t mag = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
  char tmp[72], digits[72];
  int k = 0;
  do {
    tmp[k++] = set[mag % (uint64_t)base];
    mag /= (uint64_t)base;
  } while (mag);
  for (int i = 0; i < k; i++) digits[i] = tmp[k - 1 - i];
  const char *prefix = "";
  if (sp->alt) prefix = base == 2 ? "0b" : base == 8 ? "0o" : type == 'X' ? "0X" : base == 16 ? "0x" : "";
  return emit_number(vm, out, sp, n < 0, prefix, digits, k, "", 0, base == 10 ? 3 : 4);
}

// ---- float ------------------------------------------------------------------------------

// Formats |x| (finite) into [b]: the integer digits go to [intpart], the
// rest (".fraction", "e+XX") to [rest]. [type] is e/f/g/r (lowercase).
static void float_body(AwVM *vm, double x, char type, int prec, bool alt, bool add_dot_0,
                       AwBuf *intpart, AwBuf *rest) {
  x = fabs(x);
  if (type == 'f') {
    AwBuf t;
    aw_buf_init(&t);
    aw_buf_printf(vm, &t, alt ? "%#.*f" : "%.*f", prec, x);
    const char *dot = t.data ? strchr(t.data, '.') : NULL;
    size_t ni = dot ? (size_t)(dot - t.data) : t.len;
    aw_buf_append(vm, intpart, t.data, ni);
    aw_buf_append(vm, rest, t.data + ni, t.len - ni);
    aw_buf_free(vm, &t);
    return;
  }
  char d[1100];
  int decpt, nd;
  bool use_exp;
  if (type == 'e') {
    nd = aw_float_digits(x, prec + 1, d, &decpt);
    use_exp = true;
  } else if (type == 'g') {
    if (prec == 0) prec = 1;
    nd = aw_float_digits(x, prec, d, &decpt);
    if (!alt)
      while (nd > 1 && d[nd - 1] == '0') nd--;
    if (x == 0.0) decpt = 1;
    use_exp = decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec);
  } else {  // 'r': shortest repr digits
    nd = aw_float_digits(x, 0, d, &decpt);
    use_exp = decpt <= -4 || decpt > 16;
  }
  if (x == 0.0 && type != 'e') decpt = 1;
  if (use_exp) {
    int e = x == 0.0 ? 0 : decpt - 1;
    aw_buf_putc(vm, intpart, d[0]);
    if (nd > 1 || alt) aw_buf_putc(vm, rest, '.');
    aw_buf_append(vm, rest, d + 1, (size_t)(nd > 1 ? nd - 1 : 0));
    // 'g' with alt keeps trailing zeros up to the precision.
    if (type == 'g' && alt)
      for (int i = nd; i < prec; i++) aw_buf_putc(vm, rest, '0');
    aw_buf_printf(vm, rest, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return;
  }
  if (decpt <= 0) {
    aw_buf_putc(vm, intpart, '0');
    aw_buf_putc(vm, rest, '.');
    for (int i = 0; i < -decpt; i++) aw_buf_putc(vm, rest, '0');
    aw_buf_append(vm, rest, d, (size_t)nd);
  } else if (decpt >= nd) {
    aw_buf_append(vm, intpart, d, (size_t)nd);
    for (int i = nd; i < decpt; i++) aw_buf_putc(vm, intpart, '0');
    if (add_dot_0) aw_buf_append(vm, rest, ".0", 2);
    else if (alt) aw_buf_putc(vm, rest, '.');
  } else {
    aw_buf_append(vm, intpart, d, (size_t)decpt);
    aw_buf_putc(vm, rest, '.');
    aw_buf_append(vm, rest, d + decpt, (size_t)(nd - decpt));
  }
  if (type == 'g' && alt) {
    // Keep trailing zeros up to [prec] significant digits.
    int have = (decpt > 0 ? (decpt > nd ? decpt : nd) : nd);
    for (int i = have; i < prec; i++) aw_buf_putc(vm, rest, '0');
  }
}

static bool all_zero_digits(const AwBuf *a, const AwBuf *b) {
  for (size_t i = 0; i < a->len; i++)
    if (a->data[i] >= '1' && a->data[i] <= '9') return false;
  for (size_t i = 0; i < b->len; i++) {
    if (b->data[i] == 'e') break;
    if (b->data[i] >= '1' && b->data[i] <= '9') return false;
  }
  return true;
}

static bool format_float_spec(AwVM *vm, AwBuf *out, Spec *sp, double x, AwValue v) {
  char type = sp->type;
  bool add_dot_0 = false, pct = false;
  int prec = (int)(sp->prec > 1000 ? 1000 : sp->prec);
  switch (type) {
    case 0:
      add_dot_0 = true;
      type = sp->prec < 0 ? 'r' : 'g';
      break;
    case 'n': type = 'g'; break;
    case '%': type = 'f'; pct = true; x *= 100; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': break;
    default:
      unknown_code(vm, type, v);
      return false;
  }
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char lt = upper ? (char)(type + 32) : type;
  if (prec < 0) prec = 6;
  bool neg = signbit(x) && !isnan(x);
  AwBuf ip, rest;
  aw_buf_init(&ip);
  aw_buf_init(&rest);
  if (!isfinite(x)) {
    const char *t = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    aw_buf_append(vm, &ip, t, 3);
  } else {
    float_body(vm, x, lt, prec, sp->alt, add_dot_0, &ip, &rest);
    if (upper)
      for (size_t i = 0; i < rest.len; i++)
        if (rest.data[i] == 'e') rest.data[i] = 'E';
    if (neg && sp->z && all_zero_digits(&ip, &rest)) neg = false;
  }
  if (pct) aw_buf_putc(vm, &rest, '%');
  bool ok = false;
  if (!ip.failed && !rest.failed) {
    Spec s2 = *sp;
    if (!isfinite(x)) s2.grouping = 0;
    ok = emit_number(vm, out, &s2, neg, "", ip.data, (int64_t)ip.len, rest.data ? rest.data : "",
                     rest.len, 3);
  }
  aw_buf_free(vm, &ip);
  aw_buf_free(vm, &rest);
  return ok;
}

// ---- str --------------------------------------------------------------------------------

static bool format_str_spec(AwVM *vm, AwBuf *out, Spec *sp, AwStr *s, AwValue v) {
  if (sp->type && sp->type != 's') {
    unknown_code(vm, sp->type, v);
    return false;
  }
  if (sp->sign) {
    spec_error(vm, sp->sign == ' ' ? "Space not allowed in string format specifier"
                                   : "Sign not allowed in string format specifier");
    return false;
  }
  if (sp->z) {
    spec_error(vm, "Negative zero coercion (z) not allowed in string format specifier");
    return false;
  }
  if (sp->alt) {
    spec_error(vm, "Alternate form (#) not allowed in string format specifier");
    return false;
  }
  if (sp->align == '=') {
    spec_error(vm, "'=' alignment not allowed in string format specifier");
    return false;
  }
  int64_t nchars = s->nchars, nbytes = s->nbytes;
  if (sp->prec >= 0 && sp->prec < nchars) {
    nchars = sp->prec;
    nbytes = aw_str_byte_offset(s, nchars);
  }
  return pad_out(vm, out, sp, s->data, (size_t)nbytes, nchars, 0);
}

// ---- entry -------------------------------------------------------------------------------

// Appends format(v, spec) to [out] for the built-in kinds; returns 1 on
// success, 0 if [v] is not a built-in formattable kind, -1 on error.
static int format_builtin(AwVM *vm, AwBuf *out, AwValue v, AwStr *spec) {
  Spec sp;
  if (AW_IS_INTLIKE(v)) {
    if (!parse_spec(vm, spec, '>', 'd', v, &sp)) return -1;
    return format_int_spec(vm, out, &sp, AW_AS_INT(v), v) ? 1 : -1;
  }
  if (AW_IS_FLOAT(v)) {
    if (!parse_spec(vm, spec, '>', 0, v, &sp)) return -1;
    return format_float_spec(vm, out, &sp, AW_AS_FLOAT(v), v) ? 1 : -1;
  }
  if (AW_IS_STR(v)) {
    if (!parse_spec(vm, spec, '<', 's', v, &sp)) return -1;
    return format_str_spec(vm, out, &sp, AW_AS_STR(v), v) ? 1 : -1;
  }
  return 0;
}

AwValue aw_format(AwVM *vm, AwValue v, AwValue specv) {
  if (!AW_IS_STR(specv))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "format() argument 2 must be str, not %s",
                     aw_type_name(vm, specv));
  AwStr *spec = AW_AS_STR(specv);
  if (spec->nbytes == 0) {
    if (AW_IS_STR(v)) return v;
    if (AW_IS_BOOL(v)) return AW_AS_BOOL(v) ? AW_N(vm, true) : AW_N(vm, false);
  }
  bool builtin_kind = AW_IS_INTLIKE(v) || AW_IS_FLOAT(v) || AW_IS_STR(v);
  if (!builtin_kind) {
    // A script-defined __format__ wins; the built-in ones are object's.
    AwValue f = aw_lookup_special(vm, v, AW_N(vm, format));
    if (!AW_IS_UNDEF(f) && !AW_IS_KIND(f, AW_OBJ_NATIVE)) {
      aw_push_root(vm, v);
      aw_push_root(vm, specv);
      AwValue r = aw_call_special(vm, v, AW_N(vm, format), 1, &specv);
      aw_pop_root(vm);
      aw_pop_root(vm);
      if (AW_IS_EXC(r)) return r;
      if (!AW_IS_STR(r))
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__format__ must return a str, not %s",
                         aw_type_name(vm, r));
      return r;
    }
    if (spec->nbytes == 0) {
      AwStr *s = aw_to_str(vm, v);
      return s ? AW_OBJ(s) : AW_EXC;
    }
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "unsupported format string passed to %s.__format__",
                     aw_type_name(vm, v));
  }
  if (spec->nbytes == 0 && !AW_IS_FLOAT(v)) {
    AwStr *s = aw_to_str(vm, v);
    return s ? AW_OBJ(s) : AW_EXC;
  }
  AwBuf b;
  aw_buf_init(&b);
  if (format_builtin(vm, &b, v, spec) < 0) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

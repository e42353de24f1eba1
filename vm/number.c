// vm/number.c -- int, float and bool: text conversions (repr of floats,
// int()/float() parsing) and the classes' constructors and methods.
// Arithmetic operators live in ops.c; format specs in format.c.
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/text.h"
#include "vm/unicode.h"

// ---- float repr ---------------------------------------------------------------

// Shortest digits of a positive [ax] that is n / 10**k for an integer n
// below 2**53 and k <= 22: then the division n / 10**k is correctly rounded,
// so it equals x exactly when the decimal n e-k round-trips, and the first
// such k gives the shortest digits (nearbyint picks the closest n).
// Returns the digit count, or 0 when the slow search is needed.
static int short_digits(double ax, char *digits, int *decpt) {
  // Powers of ten up to 1e22 are exact doubles.
  static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (!(ax >= 1e-5 && ax < 1e16)) return 0;
  for (int k = 0; k <= 22; k++) {
    double y = ax * p10[k];
    if (y >= 9007199254740992.0) return 0;
    double n = nearbyint(y);
    if (n == 0.0 || n / p10[k] != ax) continue;
    char tmp[24];
    int len = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)n);
    *decpt = len - k;
    while (len > 1 && tmp[len - 1] == '0') len--;
    memcpy(digits, tmp, (size_t)len);
    digits[len] = '\0';
    return len;
  }
  return 0;
}

int aw_float_digits(double x, int ndigits, char *digits, int *decpt) {
  if (ndigits <= 0 && x != 0.0) {
    int n = short_digits(fabs(x), digits, decpt);
    if (n) return n;
  }
  // "%.*e" is correctly rounded in glibc, so it gives exactly the digits
  // CPython's dtoa produces for the same precision.
  char tmp[1100];
  if (ndigits > 1050) ndigits = 1050;
  if (ndigits > 0) {
    snprintf(tmp, sizeof tmp, "%.*e", ndigits - 1, fabs(x));
  } else {
    // Shortest digits that round-trip. If any k <= 15 digits do, the
    // correctly rounded 15-digit form is those k digits padded with zeros
    // (x is far closer to them than a 15-digit unit), so try 15, 16, 17
    // and strip trailing zeros below.
    // Subnormals have fewer significant bits: search from 1 there. In
    // short_digits' range every value with <= 15 digits was caught there.
    double ax = fabs(x);
    int first = ax < 2.2250738585072014e-308 ? 1 : (ax >= 1e-5 && ax < 1e16) ? 16 : 15;
    for (int p = first; p <= 17; p++) {
      snprintf(tmp, sizeof tmp, "%.*e", p - 1, fabs(x));
      if (strtod(tmp, NULL) == fabs(x)) break;
    }
  }
  int n = 0;
  const char *p = tmp;
  for (; *p && *p != 'e'; p++)
    if (*p != '.') digits[n++] = *p;
  int exp = atoi(p + 1);
  if (ndigits <= 0) {
    while (n > 1 && digits[n - 1] == '0') n--;
  }
  digits[n] = '\0';
  *decpt = exp + 1;
  if (fabs(x) == 0.0) *decpt = 1;
  return n;
}

size_t aw_float_repr(double x, char *buf, size_t cap) {
  char out[48];
  size_t n = 0;
  if (isnan(x)) {
    n = (size_t)snprintf(out, sizeof out, "nan");
  } else if (isinf(x)) {
    n = (size_t)snprintf(out, sizeof out, x < 0 ? "-inf" : "inf");
  } else {
    char d[24];
    int decpt;
    int nd = aw_float_digits(x, 0, d, &decpt);
    if (signbit(x)) out[n++] = '-';
    if (decpt <= -4 || decpt > 16) {
      out[n++] = d[0];
      if (nd > 1) {
        out[n++] = '.';
        memcpy(out + n, d + 1, (size_t)nd - 1);
        n += (size_t)nd - 1;
      }
      int e = decpt - 1;
      n += (size_t)snprintf(out + n, sizeof out - n, "e%c%02d", e < 0 ? '-' : '+', abs(e));
    } else if (decpt <= 0) {
      out[n++] = '0';
      out[n++] = '.';
      for (int i = 0; i < -decpt; i++) out[n++] = '0';
      memcpy(out + n, d, (size_t)nd);
      n += (size_t)nd;
    } else if (decpt >= nd) {
      memcpy(out + n, d, (size_t)nd);
      n += (size_t)nd;
      for (int i = nd; i < decpt; i++) out[n++] = '0';
      out[n++] = '.';
      out[n++] = '0';
    } else {
      memcpy(out + n, d, (size_t)decpt);
      n += (size_t)decpt;
      out[n++] = '.';
      memcpy(out + n, d + decpt, (size_t)(nd - decpt));
      n += (size_t)(nd - decpt);
    }
    out[n] = '\0';
  }
  if (cap == 0) return n;
  size_t k = n < cap - 1 ? n : cap - 1;
  memcpy(buf, out, k);
  buf[k] = '\0';
  return k;
}

// ---- parsing --------------------------------------------------------------------

static bool is_space_byte(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

// Trims Python whitespace (ASCII, plus the common non-ASCII spaces).
static void trim(const char **s, size_t *len) {
  const unsigned char *p = (const unsigned char *)*s, *e = p + *len;
  for (;;) {
    if (p < e && is_space_byte(*p)) p++;
    else if (e - p >= 2 && p[0] == 0xC2 && (p[1] == 0x85 || p[1] == 0xA0)) p += 2;
    else if (e - p >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) p += 3;
    else if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xA8 ||
                                                            p[2] == 0xA9 || p[2] == 0xAF)) p += 3;
    else break;
  }
  for (;;) {
    if (e > p && is_space_byte(e[-1])) e--;
    else if (e - p >= 2 && e[-2] == 0xC2 && (e[-1] == 0x85 || e[-1] == 0xA0)) e -= 2;
    else if (e - p >= 3 && e[-3] == 0xE3 && e[-2] == 0x80 && e[-1] == 0x80) e -= 3;
    else if (e - p >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 && (e[-1] <= 0x8A || e[-1] == 0xA8 ||
                                                              e[-1] == 0xA9 || e[-1] == 0xAF)) e -= 3;
    else break;
  }
  *s = (const char *)p;
  *len = (size_t)(e - p);
}

static int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Parses int() syntax in [base] (0 or 2..36): 0 ok, 1 invalid, 2 overflow.
static int int_parse(const char *s, size_t len, int base, int64_t *out) {
  // Fast path: an optional sign and at most 18 decimal digits (what str()
  // of an int gives), which cannot overflow.
  if (base == 10 && len > 0 && len <= 18) {
    const char *p = s, *e = s + len;
    bool neg = *p == '-';
    if (*p == '-' || *p == '+') p++;
    if (p < e) {
      int64_t v = 0;
      while (p < e && (unsigned char)(*p - '0') < 10) v = v * 10 + (*p++ - '0');
      if (p == e) {
        *out = neg ? -v : v;
        return 0;
      }
    }
  }
  trim(&s, &len);
  const char *p = s, *e = s + len;
  bool neg = false;
  if (p < e && (*p == '+' || *p == '-')) neg = *p++ == '-';
  int b = base;
  bool prefixed = false;
  if (e - p >= 2 && p[0] == '0') {
    char c = (char)tolower((unsigned char)p[1]);
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      b = pb;
      p += 2;
      prefixed = true;
    }
  }
  if (b == 0) b = 10;
  // Base 0 without a prefix: decimal, and only zeros may have a leading zero.
  bool leading_zero = base == 0 && !prefixed && p < e && *p == '0';
  if (p == e) return 1;
  uint64_t acc = 0;
  bool over = false, any = false, nonzero = false, prev_us = !prefixed;
  for (; p < e; p++) {
    if (*p == '_') {
      if (prev_us) return 1;
      prev_us = true;
      continue;
    }
    int d = digit_value((unsigned char)*p);
    if (d >= b) return 1;
    prev_us = false;
    any = true;
    if (d) nonzero = true;
    uint64_t t;
    if (__builtin_mul_overflow(acc, (uint64_t)b, &t) || __builtin_add_overflow(t, (uint64_t)d, &t)) over = true;
    else acc = t;
  }
  if (!any || prev_us) return 1;
  if (leading_zero && nonzero) return 1;
  if (over || acc > (uint64_t)INT64_MAX + (neg ? 1 : 0)) return 2;
  *out = neg ? (int64_t)(0 - acc) : (int64_t)acc;
  return 0;
}

AwValue aw_int_from_str(AwVM *vm, const char *s, size_t len, int base) {
  if (base != 0 && (base < 2 || base > 36))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "int() base must be >= 2 and <= 36, or 0");
  int64_t v;
  int r = int_parse(s, len, base, &v);
  if (r == 0) return AW_INT(v);
  if (r == 2) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
  AwValue str = aw_str_new_checked(vm, s, len);
  if (AW_IS_EXC(str)) return str;
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "invalid literal for int() with base %d: %R",
                   base, str);
}

static bool ci_eq(const char *p, size_t n, const char *word) {
  if (strlen(word) != n) return false;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)p[i]) != word[i]) return false;
  return true;
}

// Copies the digits of [p, e) without underscores into out; false if an
// underscore is not between two digits.
static bool copy_digits(const char **pp, const char *e, char *out, size_t *n) {
  const char *p = *pp;
  bool prev_digit = false;
  while (p < e) {
    if (*p >= '0' && *p <= '9') {
      out[(*n)++] = *p++;
      prev_digit = true;
    } else if (*p == '_' && prev_digit && p + 1 < e && p[1] >= '0' && p[1] <= '9') {
      p++;
      prev_digit = false;
    } else {
      break;
    }
  }
  bool ok = p > *pp;
  *pp = p;
  return ok;
}

// Parses Python float syntax; true with *out on success.
bool aw_float_parse(const char *s, size_t len, double *out) {
  trim(&s, &len);
  const char *p = s, *e = s + len;
  bool neg = false;
  if (p < e && (*p == '+' || *p == '-')) neg = *p++ == '-';
  size_t rest = (size_t)(e - p);
  if (ci_eq(p, rest, "inf") || ci_eq(p, rest, "infinity")) {
    *out = neg ? -INFINITY : INFINITY;
    return true;
  }
  if (ci_eq(p, rest, "nan")) {
    *out = neg ? -NAN : NAN;
    return true;
  }
  if (rest == 0 || rest > 4000) return false;
  char small[128];
  char *buf = rest + 2 < sizeof small ? small : malloc(rest + 2);
  if (!buf) return false;
  size_t n = 0;
  bool ok = true, mant = false;
  mant = copy_digits(&p, e, buf, &n);
  if (p < e && *p == '.') {
    buf[n++] = *p++;
    if (copy_digits(&p, e, buf, &n)) mant = true;
  }
  if (!mant) ok = false;
  if (ok && p < e && (*p == 'e' || *p == 'E')) {
    buf[n++] = *p++;
    if (p < e && (*p == '+' || *p == '-')) buf[n++] = *p++;
    if (!copy_digits(&p, e, buf, &n)) ok = false;
  }
  if (p != e) ok = false;
  buf[n] = '\0';
  if (ok) {
    double v = strtod(buf, NULL);
    *out = neg ? -v : v;
  }
  if (buf != small) free(buf);
  return ok;
}

AwValue aw_float_from_str(AwVM *vm, const char *s, size_t len) {
  double d;
  if (aw_float_parse(s, len, &d)) return AW_FLOAT(d);
  AwValue str = aw_str_new(vm, s, len);
  if (AW_IS_EXC(str)) return str;
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "could not convert string to float: %R", str);
}

// ---- shared helpers ------------------------------------------------------------

static AwValue overflow(AwVM *vm) {
  return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
}

// int(x) for a float: truncation with CPython's errors.
static AwValue float_to_int(AwVM *vm, double x) {
  if (isinf(x))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "cannot convert float infinity to integer");
  if (isnan(x))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "cannot convert float NaN to integer");
  x = trunc(x);
  if (x >= 9223372036854775808.0 || x < -9223372036854775808.0) return overflow(vm);
  return AW_INT((int64_t)x);
}

// The text of a str/bytes argument to int()/float() with Unicode decimal
// digits mapped to ASCII and Unicode spaces to ' ' (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII). *free_len > 0 if allocated.
static const char *ascii_digits(AwVM *vm, AwValue v, size_t *len, size_t *alloc) {
  *alloc = 0;
  if (AW_IS_BYTES(v)) {
    *len = (size_t)AW_AS_BYTES(v)->len;
    return (const char *)AW_AS_BYTES(v)->data;
  }
  AwStr *s = AW_AS_STR(v);
  *len = (size_t)s->nbytes;
  if (aw_str_ascii(s)) return s->data;
  char *out = aw_mem_alloc(vm, (size_t)s->nbytes + 1);
  if (!out) return NULL;
  size_t n = 0;
  const unsigned char *p = (const unsigned char *)s->data, *end = p + s->nbytes;
  while (p < end) {
    uint32_t c;
    int k = aw_utf8_decode(p, &c);
    unsigned props = c < 0x80 ? 0 : aw_unicode_props(c);
    if (props & AW_UNI_DECIMAL) {
      // Decimal digits come in runs of ten starting at zero.
      uint32_t z = c;
      while (z > 0 && (aw_unicode_props(z - 1) & AW_UNI_DECIMAL)) z--;
      out[n++] = (char)('0' + (c - z) % 10);
    } else if (props & AW_UNI_SPACE) {
      out[n++] = ' ';
    } else {
      memcpy(out + n, p, (size_t)k);
      n += (size_t)k;
    }
    p += k;
  }
  out[n] = '\0';
  *alloc = (size_t)s->nbytes + 1;
  *len = n;
  return out;
}

// ---- int ------------------------------------------------------------------------

// int(x) for objects: __int__, then __index__, then __trunc__.
static AwValue int_from_object(AwVM *vm, AwValue x) {
  static const AwNameId order[] = {AW_NAME_int, AW_NAME_index};
  for (int i = 0; i < 2; i++) {
    AwValue name = vm->names[order[i]];
    if (AW_IS_UNDEF(aw_lookup_special(vm, x, name))) continue;
    AwValue r = aw_call_special(vm, x, name, 0, NULL);
    if (AW_IS_EXC(r)) return r;
    if (!AW_IS_INTLIKE(r))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s returned non-int (type %s)",
                       i == 0 ? "__int__" : "__index__", aw_type_name(vm, r));
    return AW_INT(AW_AS_INT(r));
  }
  AwValue trunc_name = aw_str_intern(vm, "__trunc__", 9);
  if (AW_IS_EXC(trunc_name)) return trunc_name;
  if (!AW_IS_UNDEF(aw_lookup_special(vm, x, trunc_name))) {
    AwValue r = aw_call_special(vm, x, trunc_name, 0, NULL);
    if (AW_IS_EXC(r)) return r;
    if (AW_IS_INTLIKE(r)) return AW_INT(AW_AS_INT(r));
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__trunc__ returned non-Integral (type %s)",
                     aw_type_name(vm, r));
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                   "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                   aw_type_name(vm, x));
}

static AwValue int_parse_value(AwVM *vm, AwValue x, int base) {
  size_t len, alloc;
  const char *p = ascii_digits(vm, x, &len, &alloc);
  if (!p) return AW_EXC;
  int64_t v;
  int r = int_parse(p, len, base, &v);
  if (alloc) aw_mem_free(vm, (void *)p, alloc);
  if (r == 0) return AW_INT(v);
  if (r == 2) return overflow(vm);
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "invalid literal for int() with base %d: %R",
                   base, x);
}

AwValue aw_int_construct(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  int n = argc - 1, nkw = kwnames ? (int)kwnames->len : 0;
  AwValue x = n > 0 ? argv[1] : AW_UNDEF, basev = n > 1 ? argv[2] : AW_UNDEF;
  if (n + nkw > 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "int() takes at most 2 arguments (%d given)",
                     n + nkw);
  for (int k = 0; k < nkw; k++) {
    if (!aw_str_eq_cstr(kwnames->items[k], "base"))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%U' is an invalid keyword argument for int()",
                       kwnames->items[k]);
    if (n > 1)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "argument for int() given by name ('base') and position (2)");
    basev = argv[argc + k];
  }
  if (AW_IS_UNDEF(basev)) {
    if (AW_IS_UNDEF(x)) return AW_INT(0);
    if (AW_IS_INTLIKE(x)) return AW_INT(AW_AS_INT(x));
    if (AW_IS_FLOAT(x)) return float_to_int(vm, AW_AS_FLOAT(x));
    if (AW_IS_STR(x) || AW_IS_BYTES(x)) return int_parse_value(vm, x, 10);
    return int_from_object(vm, x);
  }
  if (AW_IS_UNDEF(x)) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "int() missing string argument");
  int64_t base;
  if (!aw_text_index(vm, basev, &base)) return AW_EXC;
  if (!AW_IS_STR(x) && !AW_IS_BYTES(x))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "int() can't convert non-string with explicit base");
  if (base != 0 && (base < 2 || base > 36))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "int() base must be >= 2 and <= 36, or 0");
  return int_parse_value(vm, x, (int)base);
}

// The int value of self (int or bool) for int methods.
#define INT_SELF(name, min, max, style)                                                  \
  if (argc < 1 || !AW_IS_INTLIKE(argv[0])) return bad_self(vm, argc, argv, "int", name); \
  if (!aw_text_args(vm, argc, argv, kwnames, AW_OBJ__COUNT, "int", name, min, max, style)) \
    return AW_EXC;                                                                       \
  int64_t self = AW_AS_INT(argv[0])

static AwValue bad_self(AwVM *vm, int argc, AwValue *argv, const char *cls, const char *name) {
  if (argc < 1)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "unbound method %s.%s() needs an argument", cls,
                     name);
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                   "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, cls,
                   aw_type_name(vm, argv[0]));
}

static AwValue int_bit_length(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("bit_length", 0, 0, AW_ARGS_NOARGS);
  uint64_t m = self < 0 ? (uint64_t)0 - (uint64_t)self : (uint64_t)self;
  return AW_INT(m ? 64 - __builtin_clzll(m) : 0);
}

static AwValue int_bit_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("bit_count", 0, 0, AW_ARGS_NOARGS);
  uint64_t m = self < 0 ? (uint64_t)0 - (uint64_t)self : (uint64_t)self;
  return AW_INT(__builtin_popcountll(m));
}

static AwValue int_self_int(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("__int__", 0, 0, AW_ARGS_WRAPPER);
  return AW_INT(self);
}

static AwValue int_conjugate(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("conjugate", 0, 0, AW_ARGS_NOARGS);
  return AW_INT(self);
}

static AwValue int_float(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("__float__", 0, 0, AW_ARGS_WRAPPER);
  return AW_FLOAT((double)self);
}

static AwValue int_abs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("__abs__", 0, 0, AW_ARGS_WRAPPER);
  if (self == INT64_MIN) return overflow(vm);
  return AW_INT(self < 0 ? -self : self);
}

static AwValue int_as_integer_ratio(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("as_integer_ratio", 0, 0, AW_ARGS_NOARGS);
  return aw_tuple_pack(vm, 2, AW_INT(self), AW_INT(1));
}

static AwValue int_get_real(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("real", 0, 0, AW_ARGS_NOARGS);
  return AW_INT(self);
}

static AwValue int_get_imag(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("imag", 0, 0, AW_ARGS_NOARGS);
  (void)self;
  return AW_INT(0);
}

static AwValue int_get_denominator(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("denominator", 0, 0, AW_ARGS_NOARGS);
  (void)self;
  return AW_INT(1);
}

// Calls the built-in round() (stdlib/builtins.c owns the rounding rules).
static AwValue call_round(AwVM *vm, int argc, AwValue *argv) {
  AwValue fn = vm->builtins ? aw_dict_get_cstr(vm, vm->builtins, "round") : AW_UNDEF;
  if (AW_IS_UNDEF(fn) || AW_IS_EXC(fn))
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "round() is not available");
  return aw_call(vm, fn, argc, argv, NULL);
}

static AwValue int_round(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("__round__", 0, 1, AW_ARGS_EXPECTED);
  (void)self;
  return call_round(vm, argc, argv);
}

static AwValue int_format(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  INT_SELF("__format__", 1, 1, AW_ARGS_O);
  (void)self;
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__format__() argument must be str, not %s",
                     aw_type_name(vm, argv[1]));
  return aw_format(vm, argv[0], argv[1]);
}

// 0 big, 1 little, -1 error.
static int byteorder(AwVM *vm, AwValue v) {
  if (AW_IS_UNDEF(v)) return 0;
  if (!AW_IS_STR(v)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "to_bytes() argument 'byteorder' must be str, not %s",
              aw_type_name(vm, v));
    return -1;
  }
  if (aw_str_eq_cstr(v, "big")) return 0;
  if (aw_str_eq_cstr(v, "little")) return 1;
  aw_raisef(vm, AW_EXCCLS(vm, ValueError), "byteorder must be either 'little' or 'big'");
  return -1;
}

static AwValue int_to_bytes(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"length", "byteorder", "signed", NULL};
  AwValue a[3];
  if (argc < 1 || !AW_IS_INTLIKE(argv[0])) return bad_self(vm, argc, argv, "int", "to_bytes");
  if (argc > 3)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "to_bytes() takes at most 2 positional arguments (%d given)", argc - 1);
  if (!aw_text_kwargs(vm, argc, argv, kwnames, AW_OBJ__COUNT, "int", "to_bytes", names, a))
    return AW_EXC;
  int64_t self = AW_AS_INT(argv[0]), len = 1;
  if (!AW_IS_UNDEF(a[0]) && !aw_text_index(vm, a[0], &len)) return AW_EXC;
  if (len < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "length argument must be non-negative");
  int order = byteorder(vm, a[1]);
  if (order < 0) return AW_EXC;
  int sign = 0;
  if (!AW_IS_UNDEF(a[2]) && (sign = aw_truthy(vm, a[2])) < 0) return AW_EXC;
  if (self < 0 && !sign)
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "can't convert negative int to unsigned");
  // Does the value fit in len bytes?
  bool fits;
  if (len >= 8) {
    fits = sign || self >= 0;
  } else {
    int bits = (int)len * 8;
    if (sign) {
      int64_t lim = bits ? (int64_t)1 << (bits - 1) : 0;
      fits = bits ? (self >= -lim && self < lim) : self == 0;
    } else {
      fits = (uint64_t)self < ((uint64_t)1 << bits);
    }
  }
  if (!fits) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "int too big to convert");
  AwValue rv = aw_bytes_new(vm, NULL, (size_t)len);
  if (AW_IS_EXC(rv)) return rv;
  uint8_t *d = AW_AS_BYTES(rv)->data;
  uint64_t u = (uint64_t)self;
  for (int64_t i = 0; i < len; i++) {
    uint8_t byte = i < 8 ? (uint8_t)(u >> (8 * i)) : (self < 0 ? 0xff : 0);
    d[order ? i : len - 1 - i] = byte;
  }
  return rv;
}

static AwValue int_from_bytes(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
  AwValue a[3];
  // A classmethod: argv[0] is the class; bind the rest by hand.
  int n = argc - 1, nkw = kwnames ? (int)kwnames->len : 0;
  if (n > 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "from_bytes() takes at most 2 positional arguments (%d given)", n);
  for (int i = 0; i < 3; i++) a[i] = i < n ? argv[1 + i] : AW_UNDEF;
  for (int k = 0; k < nkw; k++) {
    int i = 0;
    while (i < 3 && !aw_str_eq_cstr(kwnames->items[k], names[i])) i++;
    if (i == 3)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "'%U' is an invalid keyword argument for from_bytes()", kwnames->items[k]);
    a[i] = argv[argc + k];
  }
  if (AW_IS_UNDEF(a[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "from_bytes() missing required argument 'bytes' (pos 1)");
  int order = byteorder(vm, a[1]);
  if (order < 0) return AW_EXC;
  int sign = 0;
  if (!AW_IS_UNDEF(a[2]) && (sign = aw_truthy(vm, a[2])) < 0) return AW_EXC;
  AwValue src = a[0];
  if (AW_IS_STR(src))  // bytes(str) would ask for an encoding; CPython says this
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot convert 'str' object to bytes");
  if (!AW_IS_BYTES(src)) {
    AwValue bytes_cls = AW_OBJ(AW_CLS(vm, bytes));
    src = aw_call(vm, bytes_cls, 1, &a[0], NULL);
    if (AW_IS_EXC(src)) return src;
  }
  AwBytes *b = AW_AS_BYTES(src);
  uint64_t u = 0;
  int64_t len = b->len;
  bool neg = sign && len > 0 && (b->data[order ? len - 1 : 0] & 0x80);
  for (int64_t i = 0; i < len; i++) {
    uint8_t byte = b->data[order ? len - 1 - i : i];  // most significant first
    if (u >> 56) {
      // Shifting would lose bits: only sign-extension bytes may remain.
      return overflow(vm);
    }
    u = (u << 8) | byte;
  }
  if (neg) {
    // Sign-extend from len*8 bits.
    if (len < 8) u |= ~(uint64_t)0 << (len * 8);
    return AW_INT((int64_t)u);
  }
  if (u > (uint64_t)INT64_MAX) return overflow(vm);
  return AW_INT((int64_t)u);
}

// ---- float -------------------------------------------------------------------------

static bool float_parse_value(AwVM *vm, AwValue x, double *out) {
  size_t len, alloc;
  const char *p = ascii_digits(vm, x, &len, &alloc);
  if (!p) return false;
  bool ok = aw_float_parse(p, len, out);
  if (alloc) aw_mem_free(vm, (void *)p, alloc);
  if (!ok) aw_raisef(vm, AW_EXCCLS(vm, ValueError), "could not convert string to float: %R", x);
  return ok;
}

AwValue aw_float_construct(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "float() takes no keyword arguments");
  if (argc > 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "float expected at most 1 argument, got %d",
                     argc - 1);
  if (argc < 2) return AW_FLOAT(0.0);
  AwValue x = argv[1];
  if (AW_IS_FLOAT(x)) return x;
  if (AW_IS_INTLIKE(x)) return AW_FLOAT((double)AW_AS_INT(x));
  if (AW_IS_STR(x) || AW_IS_BYTES(x)) {
    double d;
    return float_parse_value(vm, x, &d) ? AW_FLOAT(d) : AW_EXC;
  }
  if (!AW_IS_UNDEF(aw_lookup_special(vm, x, AW_N(vm, float)))) {
    AwValue r = aw_call_special(vm, x, AW_N(vm, float), 0, NULL);
    if (AW_IS_EXC(r)) return r;
    if (!AW_IS_FLOAT(r))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.__float__ returned non-float (type %s)",
                       aw_type_name(vm, x), aw_type_name(vm, r));
    return r;
  }
  if (!AW_IS_UNDEF(aw_lookup_special(vm, x, AW_N(vm, index)))) {
    int64_t i;
    if (!aw_index(vm, x, &i)) return AW_EXC;
    return AW_FLOAT((double)i);
  }
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                   "float() argument must be a string or a real number, not '%s'",
                   aw_type_name(vm, x));
}

#define FLOAT_SELF(name, min, max, style)                                                  \
  if (argc < 1 || !AW_IS_FLOAT(argv[0])) return bad_self(vm, argc, argv, "float", name);   \
  if (!aw_text_args(vm, argc, argv, kwnames, AW_OBJ__COUNT, "float", name, min, max, style)) \
    return AW_EXC;                                                                         \
  double self = AW_AS_FLOAT(argv[0])

static AwValue float_is_integer(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("is_integer", 0, 0, AW_ARGS_NOARGS);
  return AW_BOOL(isfinite(self) && floor(self) == self);
}

static AwValue float_as_integer_ratio(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("as_integer_ratio", 0, 0, AW_ARGS_NOARGS);
  if (isinf(self))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "cannot convert Infinity to integer ratio");
  if (isnan(self))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "cannot convert NaN to integer ratio");
  int e;
  double m = frexp(self, &e);
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2.0;
    e--;
  }
  // self == m * 2**e with m integral.
  if (fabs(m) >= 9223372036854775808.0) return overflow(vm);
  int64_t num = (int64_t)m, den = 1;
  if (e > 0) {
    for (int i = 0; i < e; i++)
      if (__builtin_mul_overflow(num, 2, &num)) return overflow(vm);
  } else {
    if (-e > 62) return overflow(vm);
    den = (int64_t)1 << -e;
  }
  return aw_tuple_pack(vm, 2, AW_INT(num), AW_INT(den));
}

static AwValue float_hex(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("hex", 0, 0, AW_ARGS_NOARGS);
  char buf[64];
  if (isnan(self)) return aw_str_from_cstr(vm, "nan");
  if (isinf(self)) return aw_str_from_cstr(vm, self < 0 ? "-inf" : "inf");
  const char *sign = signbit(self) ? "-" : "";
  if (self == 0.0) {
    snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
    return aw_str_from_cstr(vm, buf);
  }
  uint64_t bits;
  memcpy(&bits, &self, 8);
  int exp = (int)((bits >> 52) & 0x7ff);
  uint64_t mant = bits & 0xfffffffffffffull;
  int lead = 1;
  if (exp == 0) {
    lead = 0;
    exp = -1022;
  } else {
    exp -= 1023;
  }
  snprintf(buf, sizeof buf, "%s0x%d.%013llxp%c%d", sign, lead, (unsigned long long)mant,
           exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return aw_str_from_cstr(vm, buf);
}

static AwValue float_fromhex(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if ((kwnames && kwnames->len) || argc != 2) {
    if (kwnames && kwnames->len)
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "float.fromhex() takes no keyword arguments");
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "float.fromhex() takes exactly one argument (%d given)", argc - 1);
  }
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "must be str, not %s", aw_type_name(vm, argv[1]));
  AwStr *s = AW_AS_STR(argv[1]);
  const char *p = s->data;
  size_t len = (size_t)s->nbytes;
  trim(&p, &len);
  const char *e = p + len;
  bool neg = false;
  if (p < e && (*p == '+' || *p == '-')) neg = *p++ == '-';
  size_t rest = (size_t)(e - p);
  double v;
  if (ci_eq(p, rest, "inf") || ci_eq(p, rest, "infinity")) {
    v = INFINITY;
  } else if (ci_eq(p, rest, "nan")) {
    v = NAN;
  } else {
    if (e - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) p += 2;
    char buf[600];
    size_t n = 0;
    buf[n++] = '0';
    buf[n++] = 'x';
    bool digits = false, ok = true;
    while (p < e && isxdigit((unsigned char)*p) && n < 500) buf[n++] = *p++, digits = true;
    if (p < e && *p == '.') {
      buf[n++] = *p++;
      while (p < e && isxdigit((unsigned char)*p) && n < 550) buf[n++] = *p++, digits = true;
    }
    if (!digits) ok = false;
    if (ok && p < e && (*p == 'p' || *p == 'P')) {
      buf[n++] = *p++;
      if (p < e && (*p == '+' || *p == '-')) buf[n++] = *p++;
      if (!(p < e && isdigit((unsigned char)*p))) ok = false;
      while (p < e && isdigit((unsigned char)*p) && n < 590) buf[n++] = *p++;
    }
    if (p != e) ok = false;
    if (!ok)
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "invalid hexadecimal floating-point string");
    buf[n] = '\0';
    errno = 0;
    v = strtod(buf, NULL);
    if (isinf(v))
      return aw_raisef(vm, AW_EXCCLS(vm, OverflowError),
                       "hexadecimal value too large to represent as a float");
  }
  return AW_FLOAT(neg ? -v : v);
}

static AwValue float_conjugate(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("conjugate", 0, 0, AW_ARGS_NOARGS);
  return AW_FLOAT(self);
}
static AwValue float_get_real(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("real", 0, 0, AW_ARGS_NOARGS);
  return AW_FLOAT(self);
}
static AwValue float_get_imag(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("imag", 0, 0, AW_ARGS_NOARGS);
  (void)self;
  return AW_FLOAT(0.0);
}
static AwValue float_float(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__float__", 0, 0, AW_ARGS_WRAPPER);
  return AW_FLOAT(self);
}
static AwValue float_int(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__int__", 0, 0, AW_ARGS_WRAPPER);
  return float_to_int(vm, self);
}
static AwValue float_trunc(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__trunc__", 0, 0, AW_ARGS_NOARGS);
  return float_to_int(vm, self);
}
static AwValue float_floor(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__floor__", 0, 0, AW_ARGS_NOARGS);
  return float_to_int(vm, floor(self));
}
static AwValue float_ceil(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__ceil__", 0, 0, AW_ARGS_NOARGS);
  return float_to_int(vm, ceil(self));
}
static AwValue float_abs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__abs__", 0, 0, AW_ARGS_WRAPPER);
  return AW_FLOAT(fabs(self));
}
static AwValue float_round(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__round__", 0, 1, AW_ARGS_EXPECTED);
  (void)self;
  return call_round(vm, argc, argv);
}
static AwValue float_format(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  FLOAT_SELF("__format__", 1, 1, AW_ARGS_O);
  (void)self;
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__format__() argument must be str, not %s",
                     aw_type_name(vm, argv[1]));
  return aw_format(vm, argv[0], argv[1]);
}

// ---- bool -----------------------------------------------------------------------------

static AwValue bool_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames && kwnames->len)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bool() takes no keyword arguments");
  if (argc > 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bool expected at most 1 argument, got %d",
                     argc - 1);
  if (argc < 2) return AW_FALSE;
  int t = aw_truthy(vm, argv[1]);
  return t < 0 ? AW_EXC : AW_BOOL(t);
}

// ---- registration -----------------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
} MethodDef;

static const MethodDef int_methods[] = {
    {"bit_length", int_bit_length},   {"bit_count", int_bit_count},
    {"to_bytes", int_to_bytes},       {"conjugate", int_conjugate},
    {"as_integer_ratio", int_as_integer_ratio}, {"__index__", int_self_int},
    {"__int__", int_self_int},        {"__trunc__", int_self_int},
    {"__floor__", int_self_int},      {"__ceil__", int_self_int},
    {"__float__", int_float},         {"__abs__", int_abs},
    {"__round__", int_round},         {"__format__", int_format},
};

static const MethodDef float_methods[] = {
    {"is_integer", float_is_integer}, {"as_integer_ratio", float_as_integer_ratio},
    {"hex", float_hex},               {"conjugate", float_conjugate},
    {"__float__", float_float},       {"__int__", float_int},
    {"__trunc__", float_trunc},       {"__floor__", float_floor},
    {"__ceil__", float_ceil},         {"__abs__", float_abs},
    {"__round__", float_round},       {"__format__", float_format},
};

// A read-only property whose getter is the native [fn] (int.real ...).
static bool add_getter(AwVM *vm, AwClass *cls, const char *name, AwNativeFn fn) {
  AwNative *get = aw_native_new(vm, name, fn, 0);
  if (!get) return false;
  aw_push_root(vm, AW_OBJ(get));
  AwProperty *p = (AwProperty *)aw_obj_alloc(vm, sizeof(AwProperty), AW_OBJ_PROPERTY,
                                             AW_CLS(vm, property));
  aw_pop_root(vm);
  if (!p) return false;
  p->fget = AW_OBJ(get);
  p->fset = AW_NONE;
  p->fdel = AW_NONE;
  p->doc = AW_NONE;
  return aw_dict_set_cstr(vm, cls->dict, name, AW_OBJ(p));
}

bool aw_number_init_classes(AwVM *vm) {
  AwClass *ic = AW_CLS(vm, int), *fc = AW_CLS(vm, float), *bc = AW_CLS(vm, bool);
  for (size_t i = 0; i < sizeof int_methods / sizeof int_methods[0]; i++)
    if (!aw_class_add_native(vm, ic, int_methods[i].name, int_methods[i].fn, AW_NATIVE_METHOD))
      return false;
  for (size_t i = 0; i < sizeof float_methods / sizeof float_methods[0]; i++)
    if (!aw_class_add_native(vm, fc, float_methods[i].name, float_methods[i].fn, AW_NATIVE_METHOD))
      return false;
  return aw_number_add_dunders(vm) &&
         aw_class_add_native(vm, ic, "__new__", aw_int_construct, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, ic, "from_bytes", int_from_bytes, AW_NATIVE_CLASSMETHOD) &&
         aw_class_add_native(vm, fc, "__new__", aw_float_construct, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, fc, "fromhex", float_fromhex, AW_NATIVE_CLASSMETHOD) &&
         aw_class_add_native(vm, bc, "__new__", bool_new, AW_NATIVE_STATIC) &&
         add_getter(vm, ic, "real", int_get_real) && add_getter(vm, ic, "imag", int_get_imag) &&
         add_getter(vm, ic, "numerator", int_get_real) &&
         add_getter(vm, ic, "denominator", int_get_denominator) &&
         add_getter(vm, fc, "real", float_get_real) && add_getter(vm, fc, "imag", float_get_imag);
}

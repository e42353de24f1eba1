// vm/number.c -- int, float and bool: text conversions (repr of floats,
// int()/float() parsing) and the classes' constructors and methods.
// Arithmetic operators live in ops.c; format specs in format.c.
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

// ---- float repr ---------------------------------------------------------------

int aw_float_digits(double x, int ndigits, char *digits, int *decpt) {
  // "%.*e" is correctly rounded in glibc, so it gives exactly the digits
  // CPython's dtoa produces for the same precision.
  char tmp[1100];
  if (ndigits > 1050) ndigits = 1050;
  if (ndigits > 0) {
    snprintf(tmp, sizeof tmp, "%.*e", ndigits - 1, fabs(x));
  } else {
    // Shortest digits that round-trip: try 1..17.
    for (int p = 1; p <= 17; p++) {
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

static AwValue invalid_int(AwVM *vm, const char *s, size_t len, int base) {
  AwValue str = aw_str_new(vm, s, len);
  if (AW_IS_EXC(str)) return str;
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "invalid literal for int() with base %d: %R",
                   base, str);
}

static int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

AwValue aw_int_from_str(AwVM *vm, const char *s0, size_t len0, int base) {
  if (base != 0 && (base < 2 || base > 36))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "int() base must be >= 2 and <= 36, or 0");
  const char *s = s0;
  size_t len = len0;
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
  // Base 0 without prefix: decimal, and "0"s only may have a leading zero.
  bool leading_zero = base == 0 && !prefixed && p < e && *p == '0';
  if (p == e) return invalid_int(vm, s0, len0, base);
  uint64_t acc = 0;
  bool overflow = false, any = false, nonzero = false, prev_us = !prefixed;
  for (; p < e; p++) {
    if (*p == '_') {
      if (prev_us) return invalid_int(vm, s0, len0, base);
      prev_us = true;
      continue;
    }
    int d = digit_value((unsigned char)*p);
    if (d >= b) return invalid_int(vm, s0, len0, base);
    prev_us = false;
    any = true;
    if (d) nonzero = true;
    if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)b) overflow = true;
    else acc = acc * (uint64_t)b + (uint64_t)d;
  }
  if (!any || prev_us) return invalid_int(vm, s0, len0, base);
  if (leading_zero && nonzero) return invalid_int(vm, s0, len0, base);
  if (overflow || acc > (uint64_t)INT64_MAX + (neg ? 1 : 0))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
  int64_t v = neg ? (int64_t)(0 - acc) : (int64_t)acc;
  return AW_INT(v);
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

bool aw_number_init_classes(AwVM *vm) {
  (void)vm;
  return true;
}

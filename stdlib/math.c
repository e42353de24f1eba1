// stdlib/math.c -- the math module: libm wrappers with CPython's error
// rules ("math domain error" / "math range error"), integer functions on
// int64 (factorial, comb, gcd ... overflow-checked), and the accurate
// summations fsum (Shewchuk partials) and hypot/dist (compensated norm).
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "lang/ast.h"
#include "vm/vm.h"

#define PI 3.141592653589793238462643383279502884
#define E_ 2.718281828459045235360287471352662498

// ---- argument conversion ------------------------------------------------------

// A float from an int, bool, float, or an object with __float__/__index__.
static bool to_double(AwVM *vm, AwValue v, double *out) {
  if (AW_IS_FLOAT(v)) {
    *out = AW_AS_FLOAT(v);
    return true;
  }
  if (AW_IS_INTLIKE(v)) {
    *out = (double)AW_AS_INT(v);
    return true;
  }
  AwValue r = aw_call_special(vm, v, AW_N(vm, float), 0, NULL);
  if (AW_IS_EXC(r)) return false;
  if (AW_IS_FLOAT(r)) {
    *out = AW_AS_FLOAT(r);
    return true;
  }
  if (!AW_IS_UNDEF(r)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.__float__ returned non-float (type %s)",
              aw_type_name(vm, v), aw_type_name(vm, r));
    return false;
  }
  r = aw_call_special(vm, v, AW_N(vm, index), 0, NULL);
  if (AW_IS_EXC(r)) return false;
  if (AW_IS_INTLIKE(r)) {
    *out = (double)AW_AS_INT(r);
    return true;
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "must be real number, not %s", aw_type_name(vm, v));
  return false;
}

static AwValue domain_error(AwVM *vm) {
  return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "math domain error");
}

static AwValue range_error(AwVM *vm) {
  return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "math range error");
}

static AwValue overflow(AwVM *vm) {
  return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
}

// CPython's math_1 rule: NaN out of a non-NaN is a domain error; an
// infinity out of a finite input is a range error for functions that can
// overflow (exp, cosh ...) and a domain error (a pole) otherwise.
static AwValue check_result(AwVM *vm, double x, double r, bool can_overflow) {
  if (isnan(r) && !isnan(x)) return domain_error(vm);
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
  return AW_FLOAT(r);
}

static AwValue unary(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                     double (*fn)(double), bool can_overflow) {
  if (!aw_check_argc(vm, name, argc, kwnames, 1, 1)) return AW_EXC;
  double x;
  if (!to_double(vm, argv[0], &x)) return AW_EXC;
  return check_result(vm, x, fn(x), can_overflow);
}

#define UNARY(name, fn, ovf)                                                          \
  static AwValue math_##name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {  \
    return unary(vm, argc, argv, kwnames, #name, fn, ovf);                            \
  }

static double deg(double x) { return x * (180.0 / PI); }
static double rad(double x) { return x * (PI / 180.0); }

UNARY(sqrt, sqrt, false)
UNARY(exp, exp, true)
UNARY(exp2, exp2, true)
UNARY(expm1, expm1, true)
UNARY(log1p, log1p, false)
UNARY(sin, sin, false)
UNARY(cos, cos, false)
UNARY(tan, tan, false)
UNARY(asin, asin, false)
UNARY(acos, acos, false)
UNARY(atan, atan, false)
UNARY(sinh, sinh, true)
UNARY(cosh, cosh, true)
UNARY(tanh, tanh, false)
UNARY(asinh, asinh, false)
UNARY(acosh, acosh, false)
UNARY(atanh, atanh, false)
UNARY(fabs, fabs, false)
UNARY(cbrt, cbrt, false)
UNARY(erf, erf, false)
UNARY(erfc, erfc, false)
UNARY(degrees, deg, false)
UNARY(radians, rad, false)

// gamma and lgamma have poles at 0, -1, -2 ...: domain errors there.
static AwValue gamma_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, bool log) {
  if (!aw_check_argc(vm, log ? "lgamma" : "gamma", argc, kwnames, 1, 1)) return AW_EXC;
  double x;
  if (!to_double(vm, argv[0], &x)) return AW_EXC;
  if (isfinite(x) && x <= 0 && x == floor(x)) return domain_error(vm);
  if (log) {
    if (isinf(x)) return AW_FLOAT(INFINITY);
    return check_result(vm, x, lgamma(x), true);
  }
  return check_result(vm, x, tgamma(x), true);
}

static AwValue math_gamma(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return gamma_common(vm, argc, argv, kwnames, false);
}

static AwValue math_lgamma(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return gamma_common(vm, argc, argv, kwnames, true);
}

// log(x) for x > 0, else a domain error.
static bool log_of(AwVM *vm, AwValue v, double (*fn)(double), double *out) {
  double x;
  if (!to_double(vm, v, &x)) return false;
  if (isnan(x)) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    domain_error(vm);
    return false;
  }
  *out = fn(x);
  return true;
}

static AwValue math_log(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "log", argc, kwnames, 1, 2)) return AW_EXC;
  double num, den;
  if (!log_of(vm, argv[0], log, &num)) return AW_EXC;
  if (argc == 1) return AW_FLOAT(num);
  if (!log_of(vm, argv[1], log, &den)) return AW_EXC;
  if (den == 0.0) return aw_raisef(vm, AW_EXCCLS(vm, ZeroDivisionError), "float division by zero");
  return AW_FLOAT(num / den);
}

static AwValue math_log2(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "log2", argc, kwnames, 1, 1)) return AW_EXC;
  double r;
  return log_of(vm, argv[0], log2, &r) ? AW_FLOAT(r) : AW_EXC;
}

static AwValue math_log10(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "log10", argc, kwnames, 1, 1)) return AW_EXC;
  double r;
  return log_of(vm, argv[0], log10, &r) ? AW_FLOAT(r) : AW_EXC;
}

static bool two_doubles(AwVM *vm, const char *name, int argc, AwValue *argv, AwTuple *kwnames,
                        double *x, double *y) {
  return aw_check_argc(vm, name, argc, kwnames, 2, 2) && to_double(vm, argv[0], x) &&
         to_double(vm, argv[1], y);
}

static AwValue math_pow(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  double x, y;
  if (!two_doubles(vm, "pow", argc, argv, kwnames, &x, &y)) return AW_EXC;
  double r = pow(x, y);
  if (isfinite(x) && isfinite(y)) {
    if (isnan(r)) return domain_error(vm);
    if (isinf(r)) return x == 0.0 ? domain_error(vm) : range_error(vm);
  }
  return AW_FLOAT(r);
}

static AwValue math_atan2(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  double y, x;
  if (!two_doubles(vm, "atan2", argc, argv, kwnames, &y, &x)) return AW_EXC;
  return AW_FLOAT(atan2(y, x));
}

static AwValue math_fmod(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  double x, y;
  if (!two_doubles(vm, "fmod", argc, argv, kwnames, &x, &y)) return AW_EXC;
  if (isinf(y) && isfinite(x)) return AW_FLOAT(x);
  double r = fmod(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
  return AW_FLOAT(r);
}

static AwValue math_remainder(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  double x, y;
  if (!two_doubles(vm, "remainder", argc, argv, kwnames, &x, &y)) return AW_EXC;
  if (isinf(y) && isfinite(x)) return AW_FLOAT(x);
  double r = remainder(x, y);
  if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
  return AW_FLOAT(r);
}

static AwValue math_copysign(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  double x, y;
  if (!two_doubles(vm, "copysign", argc, argv, kwnames, &x, &y)) return AW_EXC;
  return AW_FLOAT(copysign(x, y));
}

static AwValue math_nextafter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  double x, y;
  if (!two_doubles(vm, "nextafter", argc, argv, kwnames, &x, &y)) return AW_EXC;
  return AW_FLOAT(nextafter(x, y));
}

static AwValue math_ulp(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "ulp", argc, kwnames, 1, 1)) return AW_EXC;
  double x;
  if (!to_double(vm, argv[0], &x)) return AW_EXC;
  if (isnan(x)) return AW_FLOAT(x);
  x = fabs(x);
  if (isinf(x)) return AW_FLOAT(x);
  double up = nextafter(x, INFINITY);
  if (isinf(up)) return AW_FLOAT(x - nextafter(x, -INFINITY));
  return AW_FLOAT(up - x);
}

static AwValue math_modf(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "modf", argc, kwnames, 1, 1)) return AW_EXC;
  double x, ip;
  if (!to_double(vm, argv[0], &x)) return AW_EXC;
  if (isinf(x)) return aw_tuple_pack(vm, 2, AW_FLOAT(copysign(0.0, x)), AW_FLOAT(x));
  double fp = modf(x, &ip);
  return aw_tuple_pack(vm, 2, AW_FLOAT(fp), AW_FLOAT(ip));
}

static AwValue math_frexp(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "frexp", argc, kwnames, 1, 1)) return AW_EXC;
  double x;
  if (!to_double(vm, argv[0], &x)) return AW_EXC;
  int e = 0;
  double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
  return aw_tuple_pack(vm, 2, AW_FLOAT(m), AW_INT(e));
}

static AwValue math_ldexp(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "ldexp", argc, kwnames, 2, 2)) return AW_EXC;
  double x;
  if (!to_double(vm, argv[0], &x)) return AW_EXC;
  if (!AW_IS_INTLIKE(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Expected an int as second argument to ldexp.");
  int64_t e = AW_AS_INT(argv[1]);
  if (x == 0.0 || !isfinite(x)) return AW_FLOAT(x);
  if (e > 100000) return range_error(vm);
  if (e < -100000) return AW_FLOAT(copysign(0.0, x));
  double r = ldexp(x, (int)e);
  if (isinf(r)) return range_error(vm);
  return AW_FLOAT(r);
}

// ---- rounding to int ---------------------------------------------------------

static AwValue float_to_int(AwVM *vm, double x) {
  if (isinf(x))
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "cannot convert float infinity to integer");
  if (isnan(x))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "cannot convert float NaN to integer");
  if (x >= 9223372036854775808.0 || x < -9223372036854775808.0) return overflow(vm);
  return AW_INT((int64_t)x);
}

// floor/ceil/trunc: ints unchanged, floats rounded, else __floor__ & co.
static AwValue to_int_rounded(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames,
                              const char *name, const char *dunder, double (*fn)(double)) {
  if (!aw_check_argc(vm, name, argc, kwnames, 1, 1)) return AW_EXC;
  AwValue v = argv[0];
  if (AW_IS_INTLIKE(v)) return AW_INT(AW_AS_INT(v));
  if (AW_IS_FLOAT(v)) return float_to_int(vm, fn(AW_AS_FLOAT(v)));
  AwValue dn = aw_str_from_cstr(vm, dunder);
  if (AW_IS_EXC(dn)) return AW_EXC;
  dn = aw_str_intern_value(vm, dn);
  if (AW_IS_EXC(dn)) return AW_EXC;
  AwValue r = aw_call_special(vm, v, dn, 0, NULL);
  if (!AW_IS_UNDEF(r)) return r;
  if (fn == trunc)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "type %s doesn't define __trunc__ method",
                     aw_type_name(vm, v));
  double x;
  if (!to_double(vm, v, &x)) return AW_EXC;
  return float_to_int(vm, fn(x));
}

static AwValue math_floor(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return to_int_rounded(vm, argc, argv, kwnames, "floor", "__floor__", floor);
}

static AwValue math_ceil(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return to_int_rounded(vm, argc, argv, kwnames, "ceil", "__ceil__", ceil);
}

static AwValue math_trunc(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return to_int_rounded(vm, argc, argv, kwnames, "trunc", "__trunc__", trunc);
}

// ---- predicates ---------------------------------------------------------------

static AwValue predicate(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int which) {
  if (!aw_check_argc(vm, name, argc, kwnames, 1, 1)) return AW_EXC;
  double x;
  if (!to_double(vm, argv[0], &x)) return AW_EXC;
  if (which == 0) return AW_BOOL(isfinite(x));
  if (which == 1) return AW_BOOL(isinf(x));
  return AW_BOOL(isnan(x));
}

static AwValue math_isfinite(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return predicate(vm, argc, argv, kwnames, "isfinite", 0);
}

static AwValue math_isinf(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return predicate(vm, argc, argv, kwnames, "isinf", 1);
}

static AwValue math_isnan(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return predicate(vm, argc, argv, kwnames, "isnan", 2);
}

static AwValue math_isclose(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "", "rel_tol", "abs_tol", NULL};
  AwValue a[4];
  if (!aw_parse_args(vm, "isclose", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  double x, y, rel = 1e-9, abs_tol = 0.0;
  if (!to_double(vm, a[0], &x) || !to_double(vm, a[1], &y)) return AW_EXC;
  if (!AW_IS_UNDEF(a[2]) && !to_double(vm, a[2], &rel)) return AW_EXC;
  if (!AW_IS_UNDEF(a[3]) && !to_double(vm, a[3], &abs_tol)) return AW_EXC;
  if (rel < 0.0 || abs_tol < 0.0)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "tolerances must be non-negative");
  if (x == y) return AW_TRUE;
  if (isinf(x) || isinf(y)) return AW_FALSE;
  double diff = fabs(y - x);
  return AW_BOOL(diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

// ---- integer functions ----------------------------------------------------------

static bool int_arg(AwVM *vm, AwValue v, int64_t *out) {
  if (AW_IS_FLOAT(v)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'float' object cannot be interpreted as an integer");
    return false;
  }
  return aw_index(vm, v, out);
}

static uint64_t gcd_u64(uint64_t a, uint64_t b) {
  while (b) {
    uint64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

static uint64_t magnitude(int64_t n) { return n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n; }

static AwValue math_gcd(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "gcd", argc, kwnames, 0, 1 << 30)) return AW_EXC;
  uint64_t g = 0;
  for (int i = 0; i < argc; i++) {
    int64_t n;
    if (!int_arg(vm, argv[i], &n)) return AW_EXC;
    g = gcd_u64(g, magnitude(n));
  }
  if (g > (uint64_t)INT64_MAX) return overflow(vm);
  return AW_INT((int64_t)g);
}

static AwValue math_lcm(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "lcm", argc, kwnames, 0, 1 << 30)) return AW_EXC;
  uint64_t l = 1;
  bool zero = false;
  for (int i = 0; i < argc; i++) {
    int64_t n;
    if (!int_arg(vm, argv[i], &n)) return AW_EXC;
    uint64_t m = magnitude(n);
    if (m == 0 || zero) {
      zero = true;
      continue;
    }
    uint64_t g = gcd_u64(l, m);
    unsigned __int128 r = (unsigned __int128)(l / g) * m;
    if (r > (unsigned __int128)INT64_MAX) return overflow(vm);
    l = (uint64_t)r;
  }
  return AW_INT(zero ? 0 : (int64_t)l);
}

static AwValue factorial_of(AwVM *vm, int64_t n) {
  if (n < 0)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "factorial() not defined for negative values");
  if (n > 20) return overflow(vm);
  int64_t r = 1;
  for (int64_t i = 2; i <= n; i++) r *= i;
  return AW_INT(r);
}

static AwValue math_factorial(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "factorial", argc, kwnames, 1, 1)) return AW_EXC;
  int64_t n;
  if (!int_arg(vm, argv[0], &n)) return AW_EXC;
  return factorial_of(vm, n);
}

static bool nk_args(AwVM *vm, AwValue nv, AwValue kv, int64_t *n, int64_t *k) {
  if (!int_arg(vm, nv, n) || !int_arg(vm, kv, k)) return false;
  if (*n < 0) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "n must be a non-negative integer");
    return false;
  }
  if (*k < 0) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "k must be a non-negative integer");
    return false;
  }
  return true;
}

static AwValue math_comb(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "comb", argc, kwnames, 2, 2)) return AW_EXC;
  int64_t n, k;
  if (!nk_args(vm, argv[0], argv[1], &n, &k)) return AW_EXC;
  if (k > n) return AW_INT(0);
  if (k > n - k) k = n - k;
  // r = C(n-k+i, i) after step i; each step divides exactly.
  unsigned __int128 r = 1;
  for (int64_t i = 1; i <= k; i++) {
    r = r * (unsigned __int128)(n - k + i) / (unsigned __int128)i;
    if (r > (unsigned __int128)INT64_MAX) return overflow(vm);
  }
  return AW_INT((int64_t)r);
}

static AwValue math_perm(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "perm", argc, kwnames, 1, 2)) return AW_EXC;
  if (argc == 1 || AW_IS_NONE(argv[1])) {
    int64_t n;
    if (!int_arg(vm, argv[0], &n)) return AW_EXC;
    return factorial_of(vm, n);
  }
  int64_t n, k;
  if (!nk_args(vm, argv[0], argv[1], &n, &k)) return AW_EXC;
  if (k > n) return AW_INT(0);
  int64_t r = 1;
  for (int64_t i = 0; i < k; i++)
    if (__builtin_mul_overflow(r, n - i, &r)) return overflow(vm);
  return AW_INT(r);
}

static AwValue math_isqrt(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "isqrt", argc, kwnames, 1, 1)) return AW_EXC;
  int64_t n;
  if (!int_arg(vm, argv[0], &n)) return AW_EXC;
  if (n < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "isqrt() argument must be nonnegative");
  uint64_t r = (uint64_t)sqrt((double)n);
  while (r > 0 && (unsigned __int128)r * r > (unsigned __int128)n) r--;
  while ((unsigned __int128)(r + 1) * (r + 1) <= (unsigned __int128)n) r++;
  return AW_INT((int64_t)r);
}

// ---- sums and norms ----------------------------------------------------------

// fsum: Shewchuk's exact partial sums; the result is the correctly rounded
// sum (with the half-way correction of the final step). Infinities and NaNs
// are summed apart. Roots: 0 iterator.
static AwValue math_fsum(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "fsum", argc, kwnames, 1, 1)) return AW_EXC;
  AwValue it = aw_get_iter(vm, argv[0]);
  if (AW_IS_EXC(it)) return AW_EXC;
  aw_push_root(vm, it);
  double small[32], *p = small;
  size_t n = 0, cap = 32;
  double special = 0.0, inf_sum = 0.0;
  AwValue result = AW_UNDEF;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) {
      result = AW_EXC;
      break;
    }
    if (AW_IS_UNDEF(v)) break;
    double x;
    if (!to_double(vm, v, &x)) {
      result = AW_EXC;
      break;
    }
    if (!isfinite(x)) {
      if (isinf(x)) inf_sum += x;
      special += x;
      n = 0;
      continue;
    }
    size_t i = 0;
    for (size_t j = 0; j < n; j++) {
      double y = p[j];
      if (fabs(x) < fabs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    n = i;
    if (x != 0.0) {
      if (!isfinite(x)) {
        result = aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "intermediate overflow in fsum");
        break;
      }
      if (n >= cap) {
        size_t ncap = cap * 2;
        double *np = aw_mem_alloc(vm, ncap * sizeof(double));
        if (!np) {
          result = AW_EXC;
          break;
        }
        for (size_t j = 0; j < n; j++) np[j] = p[j];
        if (p != small) aw_mem_free(vm, p, cap * sizeof(double));
        p = np;
        cap = ncap;
      }
      p[n++] = x;
    }
  }
  aw_pop_root(vm);
  if (AW_IS_UNDEF(result)) {
    if (special != 0.0) {
      if (isnan(inf_sum)) result = aw_raisef(vm, AW_EXCCLS(vm, ValueError), "-inf + inf in fsum");
      else result = AW_FLOAT(special);
    } else {
      double hi = 0.0, lo = 0.0;
      if (n > 0) {
        hi = p[--n];
        while (n > 0) {
          double x = hi, y = p[--n];
          hi = x + y;
          double yr = hi - x;
          lo = y - yr;
          if (lo != 0.0) break;
        }
        // Round half-way cases correctly: if the rest of the partials has
        // the same sign as lo, the true sum is past the half-way point.
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
          double y = lo * 2.0;
          double x = hi + y;
          double yr = x - hi;
          if (y == yr) hi = x;
        }
      }
      result = AW_FLOAT(hi);
    }
  }
  if (p != small) aw_mem_free(vm, p, cap * sizeof(double));
  return result;
}

// The Euclidean norm of v[0..n) without undue overflow or rounding: scale
// by a power of two so the largest is in [0.5, 1), sum the squares with
// exact products (fma) and compensated additions around 1.0, then apply
// one Newton correction to the square root. [max] is max |v[i]|.
static double vector_norm(size_t n, double *v, double max, bool found_nan) {
  if (isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  frexp(max, &max_e);
  if (max_e < -1023) {
    for (size_t i = 0; i < n; i++) v[i] /= DBL_MIN;
    return DBL_MIN * vector_norm(n, v, max / DBL_MIN, found_nan);
  }
  double scale = ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (size_t i = 0; i < n; i++) {
    double x = v[i] * scale;
    double sq = x * x, sq_lo = fma(x, x, -sq);
    double s = csum + sq, s_lo = (csum - s) + sq;
    csum = s;
    frac1 += sq_lo;
    frac2 += s_lo;
  }
  double h = sqrt(csum - 1.0 + (frac1 + frac2));
  double sq = -h * h, sq_lo = fma(-h, h, -sq);
  double s = csum + sq, s_lo = (csum - s) + sq;
  csum = s;
  frac1 += sq_lo;
  frac2 += s_lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

static AwValue norm_of(AwVM *vm, int n, AwValue *a, AwValue *b) {
  double small[16], *v = small;
  if (n > 16) {
    v = aw_mem_alloc(vm, (size_t)n * sizeof(double));
    if (!v) return AW_EXC;
  }
  double max = 0.0;
  bool found_nan = false;
  AwValue r = AW_UNDEF;
  for (int i = 0; i < n; i++) {
    double x, y = 0.0;
    if (!to_double(vm, a[i], &x) || (b && !to_double(vm, b[i], &y))) {
      r = AW_EXC;
      break;
    }
    x = fabs(x - y);
    v[i] = x;
    found_nan |= isnan(x);
    if (x > max) max = x;
  }
  if (AW_IS_UNDEF(r)) r = AW_FLOAT(vector_norm((size_t)n, v, max, found_nan));
  if (v != small) aw_mem_free(vm, v, (size_t)n * sizeof(double));
  return r;
}

static AwValue math_hypot(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "hypot", argc, kwnames, 0, 1 << 30)) return AW_EXC;
  return norm_of(vm, argc, argv, NULL);
}

static AwValue math_dist(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "dist", argc, kwnames, 2, 2)) return AW_EXC;
  for (int i = 0; i < 2; i++)
    if (!AW_IS_TUPLE(argv[i]) && !AW_IS_LIST(argv[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "dist() argument %d must be tuple, not %s",
                       i + 1, aw_type_name(vm, argv[i]));
  AwList *p = aw_list_from_iterable(vm, argv[0]);
  if (!p) return AW_EXC;
  aw_push_root(vm, AW_OBJ(p));
  AwList *q = aw_list_from_iterable(vm, argv[1]);
  AwValue r;
  if (!q) r = AW_EXC;
  else if (p->len != q->len)
    r = aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                  "both points must have the same number of dimensions");
  else {
    aw_push_root(vm, AW_OBJ(q));
    r = norm_of(vm, (int)p->len, p->items, q->items);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  return r;
}

// prod(): left-to-right product with int/float fast paths. Roots: 0
// iterator, 1 accumulator, 2 item.
static AwValue math_prod(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "start", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "prod", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue it = aw_get_iter(vm, a[0]);
  if (AW_IS_EXC(it)) return AW_EXC;
  AwTuple *r = aw_tuple_new(vm, 3);
  if (!r) return AW_EXC;
  r->items[0] = it;
  r->items[1] = AW_IS_UNDEF(a[1]) ? AW_INT(1) : a[1];
  r->items[2] = AW_NONE;
  aw_push_root(vm, AW_OBJ(r));
  AwValue result = AW_UNDEF;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) {
      result = AW_EXC;
      break;
    }
    if (AW_IS_UNDEF(v)) break;
    AwValue acc = r->items[1];
    if (AW_IS_INTLIKE(acc) && AW_IS_INTLIKE(v)) {
      int64_t out;
      if (__builtin_mul_overflow(AW_AS_INT(acc), AW_AS_INT(v), &out)) {
        result = overflow(vm);
        break;
      }
      r->items[1] = AW_INT(out);
    } else if ((AW_IS_FLOAT(acc) || AW_IS_INTLIKE(acc)) && (AW_IS_FLOAT(v) || AW_IS_INTLIKE(v))) {
      double x = AW_IS_FLOAT(acc) ? AW_AS_FLOAT(acc) : (double)AW_AS_INT(acc);
      double y = AW_IS_FLOAT(v) ? AW_AS_FLOAT(v) : (double)AW_AS_INT(v);
      r->items[1] = AW_FLOAT(x * y);
    } else {
      r->items[2] = v;
      AwValue m = aw_binary_op(vm, AW_BINOP_MUL, acc, v);
      if (AW_IS_EXC(m)) {
        result = AW_EXC;
        break;
      }
      r->items[1] = m;
    }
  }
  aw_pop_root(vm);
  return AW_IS_UNDEF(result) ? r->items[1] : result;
}

// ---- the module ----------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

static const ModFn math_fns[] = {
  {"sqrt", math_sqrt},         {"exp", math_exp},           {"exp2", math_exp2},
  {"expm1", math_expm1},       {"log", math_log},           {"log2", math_log2},
  {"log10", math_log10},       {"log1p", math_log1p},       {"pow", math_pow},
  {"sin", math_sin},           {"cos", math_cos},           {"tan", math_tan},
  {"asin", math_asin},         {"acos", math_acos},         {"atan", math_atan},
  {"atan2", math_atan2},       {"sinh", math_sinh},         {"cosh", math_cosh},
  {"tanh", math_tanh},         {"asinh", math_asinh},       {"acosh", math_acosh},
  {"atanh", math_atanh},       {"fabs", math_fabs},         {"cbrt", math_cbrt},
  {"erf", math_erf},           {"erfc", math_erfc},         {"gamma", math_gamma},
  {"lgamma", math_lgamma},     {"degrees", math_degrees},   {"radians", math_radians},
  {"fmod", math_fmod},         {"remainder", math_remainder}, {"copysign", math_copysign},
  {"nextafter", math_nextafter}, {"ulp", math_ulp},         {"modf", math_modf},
  {"frexp", math_frexp},       {"ldexp", math_ldexp},       {"floor", math_floor},
  {"ceil", math_ceil},         {"trunc", math_trunc},       {"isfinite", math_isfinite},
  {"isinf", math_isinf},       {"isnan", math_isnan},       {"isclose", math_isclose},
  {"gcd", math_gcd},           {"lcm", math_lcm},           {"factorial", math_factorial},
  {"comb", math_comb},         {"perm", math_perm},         {"isqrt", math_isqrt},
  {"fsum", math_fsum},         {"hypot", math_hypot},       {"dist", math_dist},
  {"prod", math_prod},         {NULL, NULL},
};

AwModule *aw_open_math(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "math");
  if (!m) return NULL;
  for (const ModFn *f = math_fns; f->name; f++)
    if (!aw_module_add_fn(vm, m, f->name, f->fn)) return NULL;
  if (!aw_module_add_value(vm, m, "pi", AW_FLOAT(PI)) ||
      !aw_module_add_value(vm, m, "e", AW_FLOAT(E_)) ||
      !aw_module_add_value(vm, m, "tau", AW_FLOAT(2 * PI)) ||
      !aw_module_add_value(vm, m, "inf", AW_FLOAT(INFINITY)) ||
      !aw_module_add_value(vm, m, "nan", AW_FLOAT(NAN)))
    return NULL;
  return m;
}

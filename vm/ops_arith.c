// vm/ops_arith.c -- the number half of the core protocols: int (int64,
// every overflow an OverflowError), bool and float arithmetic with Python's
// rounding rules, exact int/float comparison, and CPython's numeric hash
// (so 1, 1.0 and True collide as dict keys). ops.c dispatches here.
#include <float.h>
#include <math.h>
#include <errno.h>

#include "vm/vm.h"
#include "lang/ast.h"

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)   // CPython's _PyHASH_MODULUS
#define HASH_BITS 61
#define HASH_INF 314159

static AwValue overflow(AwVM *vm) {
  return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
}

static AwValue zero_div(AwVM *vm, const char *msg) {
  return aw_raisef(vm, AW_EXCCLS(vm, ZeroDivisionError), "%s", msg);
}

// ---- hashing ---------------------------------------------------------------

// hash(int) as CPython: the value reduced modulo 2**61-1 keeping its sign,
// with -1 (the C error value there) mapped to -2.
int64_t aw_ops_hash_int(int64_t v) {
  uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  int64_t h = (int64_t)(mag % HASH_MODULUS);
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}

// CPython's _Py_HashDouble: integral floats hash like the equal int.
int64_t aw_ops_hash_float(double v) {
  if (!isfinite(v)) {
    if (isinf(v)) return v > 0 ? HASH_INF : -HASH_INF;
    return 0;  // nan: CPython uses identity; unboxed floats have none
  }
  int e;
  double m = frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    uint64_t y = (uint64_t)m;
    m -= (double)y;
    x += y;
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
  x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
  int64_t h = (int64_t)x * sign;
  return h == -1 ? -2 : h;
}

// ---- comparison --------------------------------------------------------------

// Three-way compare of an int with a float, exact even beyond 2**53;
// 2 when unordered (nan).
static int cmp_int_float(int64_t i, double f) {
  if (isnan(f)) return 2;
  if (f >= 9223372036854775808.0) return -1;
  if (f < -9223372036854775808.0) return 1;
  double t = trunc(f);
  int64_t ti = (int64_t)t;
  if (i != ti) return i < ti ? -1 : 1;
  double frac = f - t;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

int aw_ops_arith_cmp(AwValue a, AwValue b) {
  if (AW_IS_FLOAT(a)) {
    if (AW_IS_FLOAT(b)) {
      double x = AW_AS_FLOAT(a), y = AW_AS_FLOAT(b);
      return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
    }
    int c = cmp_int_float(AW_AS_INT(b), AW_AS_FLOAT(a));
    return c == 2 ? 2 : -c;
  }
  if (AW_IS_FLOAT(b)) return cmp_int_float(AW_AS_INT(a), AW_AS_FLOAT(b));
  int64_t x = AW_AS_INT(a), y = AW_AS_INT(b);
  return x < y ? -1 : x > y;
}

bool aw_ops_arith_cmp_result(int c, AwCmpOp op) {
  if (c == 2) return op == AW_NE;
  switch (op) {
    case AW_LT: return c < 0;
    case AW_LE: return c <= 0;
    case AW_EQ: return c == 0;
    case AW_NE: return c != 0;
    case AW_GT: return c > 0;
    case AW_GE: return c >= 0;
  }
  return false;
}

// ---- int arithmetic -------------------------------------------------------------

static AwValue float_pow(AwVM *vm, double iv, double iw);

// int / int: exact operands convert exactly; larger ones go through long
// double (64-bit mantissa on x86) so the quotient rounds once in practice.
static AwValue int_truediv(AwVM *vm, int64_t a, int64_t b) {
  if (b == 0) return zero_div(vm, "division by zero");
  const int64_t exact = (int64_t)1 << 53;
  if (a >= -exact && a <= exact && b >= -exact && b <= exact) return AW_FLOAT((double)a / (double)b);
  return AW_FLOAT((double)((long double)a / (long double)b));
}

static AwValue int_pow(AwVM *vm, int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0) return zero_div(vm, "0.0 cannot be raised to a negative power");
    return float_pow(vm, (double)base, (double)exp);
  }
  int64_t result = 1;
  for (;;) {
    if ((exp & 1) && __builtin_mul_overflow(result, base, &result)) return overflow(vm);
    exp >>= 1;
    if (!exp) break;
    // The squared base is multiplied in later (a higher bit is set), so its
    // overflow is the result's.
    if (__builtin_mul_overflow(base, base, &base)) return overflow(vm);
  }
  return AW_INT(result);
}

static AwValue int_binary(AwVM *vm, int op, int64_t a, int64_t b, bool both_bool) {
  int64_t r;
  switch (op) {
    case AW_BINOP_ADD:
      if (__builtin_add_overflow(a, b, &r)) return overflow(vm);
      return AW_INT(r);
    case AW_BINOP_SUB:
      if (__builtin_sub_overflow(a, b, &r)) return overflow(vm);
      return AW_INT(r);
    case AW_BINOP_MUL:
      if (__builtin_mul_overflow(a, b, &r)) return overflow(vm);
      return AW_INT(r);
    case AW_BINOP_DIV:
      return int_truediv(vm, a, b);
    case AW_BINOP_FLOORDIV:
      if (b == 0) return zero_div(vm, "integer division or modulo by zero");
      if (a == INT64_MIN && b == -1) return overflow(vm);
      r = a / b;
      if (a % b != 0 && ((a < 0) != (b < 0))) r--;
      return AW_INT(r);
    case AW_BINOP_MOD:
      if (b == 0) return zero_div(vm, "integer modulo by zero");
      if (b == -1) return AW_INT(0);  // INT64_MIN % -1 is undefined in C
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      return AW_INT(r);
    case AW_BINOP_POW:
      return int_pow(vm, a, b);
    case AW_BINOP_LSHIFT:
      if (b < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "negative shift count");
      if (a == 0) return AW_INT(0);
      if (b >= 64) return overflow(vm);
      r = (int64_t)((uint64_t)a << b);
      if ((r >> b) != a) return overflow(vm);
      return AW_INT(r);
    case AW_BINOP_RSHIFT:
      if (b < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "negative shift count");
      if (b >= 63) return AW_INT(a < 0 ? -1 : 0);
      return AW_INT(a >> b);
    case AW_BINOP_BITAND:
      return both_bool ? AW_BOOL(a & b) : AW_INT(a & b);
    case AW_BINOP_BITOR:
      return both_bool ? AW_BOOL(a | b) : AW_INT(a | b);
    case AW_BINOP_BITXOR:
      return both_bool ? AW_BOOL(a ^ b) : AW_INT(a ^ b);
    default:
      return AW_UNDEF;  // @: not a number operation
  }
}

// ---- float arithmetic -----------------------------------------------------------

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

// CPython's float_pow, except that a negative base with a fractional
// exponent (a complex result there) raises ValueError.
static AwValue float_pow(AwVM *vm, double iv, double iw) {
  if (iw == 0) return AW_FLOAT(1.0);
  if (isnan(iv)) return AW_FLOAT(iv);
  if (isnan(iw)) return AW_FLOAT(iv == 1.0 ? 1.0 : iw);
  if (isinf(iw)) {
    iv = fabs(iv);
    if (iv == 1.0) return AW_FLOAT(1.0);
    if ((iw > 0) == (iv > 1.0)) return AW_FLOAT(fabs(iw));
    return AW_FLOAT(0.0);
  }
  if (isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0) return AW_FLOAT(odd ? iv : fabs(iv));
    return AW_FLOAT(odd ? copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0.0) return zero_div(vm, "0.0 cannot be raised to a negative power");
    return AW_FLOAT(is_odd_integer(iw) ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != floor(iw))
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                       "negative number cannot be raised to a fractional power");
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return AW_FLOAT(negate ? -1.0 : 1.0);
  double r = pow(iv, iw);
  if (isinf(r)) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "(34, 'Numerical result out of range')");
  return AW_FLOAT(negate ? -r : r);
}

// CPython's _float_div_mod: floor quotient and modulo with the sign of
// the divisor, exact around the rounding edges.
static void float_divmod(double vx, double wx, double *floordiv, double *modv) {
  double mod = fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *modv = mod;
}

static AwValue float_binary(AwVM *vm, int op, double a, double b) {
  double q, m;
  switch (op) {
    case AW_BINOP_ADD: return AW_FLOAT(a + b);
    case AW_BINOP_SUB: return AW_FLOAT(a - b);
    case AW_BINOP_MUL: return AW_FLOAT(a * b);
    case AW_BINOP_DIV:
      if (b == 0.0) return zero_div(vm, "float division by zero");
      return AW_FLOAT(a / b);
    case AW_BINOP_FLOORDIV:
      if (b == 0.0) return zero_div(vm, "float floor division by zero");
      float_divmod(a, b, &q, &m);
      return AW_FLOAT(q);
    case AW_BINOP_MOD:
      if (b == 0.0) return zero_div(vm, "float modulo");
      m = fmod(a, b);
      if (m) {
        if ((b < 0) != (m < 0)) m += b;
      } else {
        m = copysign(0.0, b);
      }
      return AW_FLOAT(m);
    case AW_BINOP_POW:
      return float_pow(vm, a, b);
    default:
      return AW_UNDEF;  // shifts, bitwise ops, @ are not defined for float
  }
}

// ---- entry points -------------------------------------------------------------

// a op b when both are numbers (int, bool, float); UNDEF when the operation
// is not defined for these operands (float << int ...): the caller raises.
AwValue aw_ops_arith_binary(AwVM *vm, int op, AwValue a, AwValue b) {
  if (AW_IS_FLOAT(a) || AW_IS_FLOAT(b)) {
    double x = AW_IS_FLOAT(a) ? AW_AS_FLOAT(a) : (double)AW_AS_INT(a);
    double y = AW_IS_FLOAT(b) ? AW_AS_FLOAT(b) : (double)AW_AS_INT(b);
    return float_binary(vm, op, x, y);
  }
  return int_binary(vm, op, AW_AS_INT(a), AW_AS_INT(b), AW_IS_BOOL(a) && AW_IS_BOOL(b));
}

// -v, +v, ~v, abs(v) for a number; UNDEF if undefined (~float).
AwValue aw_ops_arith_unary(AwVM *vm, int op, AwValue v) {
  if (AW_IS_FLOAT(v)) {
    double x = AW_AS_FLOAT(v);
    switch (op) {
      case AW_UNARY_NEG: return AW_FLOAT(-x);
      case AW_UNARY_POS: return v;
      case AW_OPS_UNARY_ABS: return AW_FLOAT(fabs(x));
      default: return AW_UNDEF;
    }
  }
  int64_t i = AW_AS_INT(v);
  switch (op) {
    case AW_UNARY_NEG:
      if (i == INT64_MIN) return overflow(vm);
      return AW_INT(-i);
    case AW_UNARY_POS: return AW_INT(i);
    case AW_UNARY_INVERT: return AW_INT(~i);
    case AW_OPS_UNARY_ABS:
      if (i == INT64_MIN) return overflow(vm);
      return AW_INT(i < 0 ? -i : i);
    default: return AW_UNDEF;
  }
}

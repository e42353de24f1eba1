// stdlib/random.c -- the random module on xoshiro256** (per-VM state in
// vm->random_state), plus random.Random instances that keep their own
// state. Sequences differ from CPython's Mersenne Twister by design; the
// argument checks and error messages follow CPython 3.11.
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "vm/vm.h"

// ---- the generator -------------------------------------------------------------

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next_u64(uint64_t *s) {
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static void seed_u64(uint64_t *s, uint64_t seed) {
  for (int i = 0; i < 4; i++) s[i] = splitmix64(&seed);
}

static double next_double(uint64_t *s) { return (double)(next_u64(s) >> 11) * 0x1.0p-53; }

// A uniform integer in [0, n), n > 0, without modulo bias.
static uint64_t below(uint64_t *s, uint64_t n) {
  uint64_t threshold = (0 - n) % n;
  for (;;) {
    uint64_t r = next_u64(s);
    if (r >= threshold) return r % n;
  }
}

static void seed_entropy(AwVM *vm, uint64_t *s) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t x = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
  x ^= (uint64_t)getpid() << 32;
  x ^= (uint64_t)(uintptr_t)vm;
  x ^= (uint64_t)(uintptr_t)&ts;
  seed_u64(s, x);
}

static uint64_t *vm_state(AwVM *vm) {
  if (!vm->random_seeded) {
    seed_entropy(vm, vm->random_state);
    vm->random_seeded = true;
  }
  return vm->random_state;
}

// ---- the functions, on an explicit state ----------------------------------------
// Each *_impl takes the state [s]; the module functions pass the VM's, the
// Random methods their instance's.

typedef AwValue (*RngImpl)(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames);

static uint64_t fnv1a(const void *p, size_t n) {
  const unsigned char *b = p;
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 0x100000001b3ull;
  return h;
}

static AwValue seed_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"a", "version", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "seed", argc, argv, kwnames, 0, names, a)) return AW_EXC;
  AwValue v = a[0];
  if (AW_IS_UNDEF(v) || AW_IS_NONE(v)) seed_entropy(vm, s);
  else if (AW_IS_INTLIKE(v)) seed_u64(s, (uint64_t)AW_AS_INT(v));
  else if (AW_IS_FLOAT(v)) {
    double d = AW_AS_FLOAT(v);
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    seed_u64(s, d == floor(d) && fabs(d) < 9e18 ? (uint64_t)(int64_t)d : bits);
  } else if (AW_IS_STR(v)) seed_u64(s, fnv1a(AW_AS_STR(v)->data, (size_t)AW_AS_STR(v)->nbytes));
  else if (AW_IS_BYTES(v)) seed_u64(s, fnv1a(AW_AS_BYTES(v)->data, (size_t)AW_AS_BYTES(v)->len) ^ 1);
  else
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  return AW_NONE;
}

static AwValue random_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "random", argc, kwnames, 0, 0)) return AW_EXC;
  return AW_FLOAT(next_double(s));
}

static bool to_num(AwVM *vm, AwValue v, double *out) {
  if (AW_IS_FLOAT(v)) *out = AW_AS_FLOAT(v);
  else if (AW_IS_INTLIKE(v)) *out = (double)AW_AS_INT(v);
  else {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "must be real number, not %s", aw_type_name(vm, v));
    return false;
  }
  return true;
}

static AwValue uniform_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"a", "b", NULL};
  AwValue a[2];
  double lo, hi;
  if (!aw_parse_args(vm, "uniform", argc, argv, kwnames, 2, names, a) || !to_num(vm, a[0], &lo) ||
      !to_num(vm, a[1], &hi))
    return AW_EXC;
  return AW_FLOAT(lo + (hi - lo) * next_double(s));
}

// An integral randrange() argument: ints, or floats with an integral value
// (still accepted, with a deprecation, by CPython 3.11).
static bool range_arg(AwVM *vm, AwValue v, const char *what, int64_t *out) {
  if (AW_IS_FLOAT(v)) {
    double d = AW_AS_FLOAT(v);
    if (d != floor(d) || !isfinite(d) || fabs(d) > 9.2e18) {
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "non-integer %s for randrange()", what);
      return false;
    }
    *out = (int64_t)d;
    return true;
  }
  return aw_index(vm, v, out);
}

static AwValue randrange_core(AwVM *vm, uint64_t *s, AwValue vstart, AwValue vstop,
                              AwValue vstep) {
  int64_t start, stop, step = 1;
  if (!range_arg(vm, vstart, "arg 1", &start)) return AW_EXC;
  if (AW_IS_UNDEF(vstop) || AW_IS_NONE(vstop)) {
    if (start > 0) return AW_INT((int64_t)below(s, (uint64_t)start));
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "empty range for randrange()");
  }
  if (!range_arg(vm, vstop, "stop", &stop)) return AW_EXC;
  if (!AW_IS_UNDEF(vstep) && !range_arg(vm, vstep, "step", &step)) return AW_EXC;
  __int128 width = (__int128)stop - start;
  if (step == 1) {
    if (width > 0) return AW_INT((int64_t)(start + (__int128)below(s, (uint64_t)width)));
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "empty range for randrange() (%lld, %lld, %lld)",
                     (long long)start, (long long)stop, (long long)width);
  }
  __int128 n;
  if (step > 0) n = (width + step - 1) / step;
  else if (step < 0) n = (width + step + 1) / step;
  else return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "zero step for randrange()");
  // Python's // floors; C's / truncates: fix up negative non-exact quotients.
  __int128 num = step > 0 ? width + step - 1 : width + step + 1;
  if ((num % step != 0) && ((num < 0) != (step < 0))) n -= 1;
  if (n <= 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "empty range for randrange()");
  return AW_INT((int64_t)(start + (__int128)step * below(s, (uint64_t)n)));
}

static AwValue randrange_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"start", "stop", "step", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "randrange", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  return randrange_core(vm, s, a[0], a[1], a[2]);
}

static AwValue randint_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"a", "b", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "randint", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  int64_t b;
  if (!range_arg(vm, a[1], "stop", &b)) return AW_EXC;
  if (b == INT64_MAX) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
  return randrange_core(vm, s, a[0], AW_INT(b + 1), AW_UNDEF);
}

static AwValue getrandbits_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "getrandbits", argc, kwnames, 1, 1)) return AW_EXC;
  int64_t k;
  if (!aw_index(vm, argv[0], &k)) return AW_EXC;
  if (k < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "number of bits must be non-negative");
  if (k == 0) return AW_INT(0);
  if (k > 63) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
  return AW_INT((int64_t)(next_u64(s) >> (64 - k)));
}

static AwValue choice_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "choice", argc, kwnames, 1, 1)) return AW_EXC;
  int64_t n;
  if (!aw_len(vm, argv[0], &n)) return AW_EXC;
  if (n <= 0)
    return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "Cannot choose from an empty sequence");
  return aw_getitem(vm, argv[0], AW_INT((int64_t)below(s, (uint64_t)n)));
}

static AwValue shuffle_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "shuffle", argc, kwnames, 1, 1)) return AW_EXC;
  AwValue x = argv[0];
  if (AW_IS_LIST(x)) {
    AwList *l = AW_AS_LIST(x);
    for (int64_t i = l->len - 1; i > 0; i--) {
      int64_t j = (int64_t)below(s, (uint64_t)i + 1);
      AwValue t = l->items[i];
      l->items[i] = l->items[j];
      l->items[j] = t;
    }
    return AW_NONE;
  }
  int64_t n;
  if (!aw_len(vm, x, &n)) return AW_EXC;
  AwTuple *r = aw_tuple_new(vm, 2);
  if (!r) return AW_EXC;
  aw_push_root(vm, AW_OBJ(r));
  AwValue result = AW_NONE;
  for (int64_t i = n - 1; i > 0; i--) {
    int64_t j = (int64_t)below(s, (uint64_t)i + 1);
    r->items[0] = aw_getitem(vm, x, AW_INT(i));
    if (AW_IS_EXC(r->items[0])) { result = AW_EXC; break; }
    r->items[1] = aw_getitem(vm, x, AW_INT(j));
    if (AW_IS_EXC(r->items[1])) { result = AW_EXC; break; }
    if (!aw_setitem(vm, x, AW_INT(i), r->items[1]) || !aw_setitem(vm, x, AW_INT(j), r->items[0])) {
      result = AW_EXC;
      break;
    }
  }
  aw_pop_root(vm);
  return result;
}

// The population of sample()/choices() as a list (rooted by the caller).
static AwList *population_list(AwVM *vm, AwValue pop) {
  if (AW_IS_SET(pop) || AW_IS_DICT(pop)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError),
              "Population must be a sequence.  For dicts or sets, use sorted(d).");
    return NULL;
  }
  return aw_list_from_iterable(vm, pop);
}

static AwValue sample_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"population", "k", "counts", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "sample", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  int64_t k;
  if (!aw_index(vm, a[1], &k)) return AW_EXC;
  AwList *pool = population_list(vm, a[0]);
  if (!pool) return AW_EXC;
  aw_push_root(vm, AW_OBJ(pool));
  AwValue result = AW_UNDEF;
  if (!AW_IS_UNDEF(a[2]) && !AW_IS_NONE(a[2])) {
    // counts=[...]: repeat each element that many times.
    AwList *counts = aw_list_from_iterable(vm, a[2]);
    if (counts) aw_push_root(vm, AW_OBJ(counts));  // __index__ may run script code
    AwList *expanded = counts ? aw_list_new(vm, 0) : NULL;
    if (expanded) aw_push_root(vm, AW_OBJ(expanded));
    if (!expanded) result = AW_EXC;
    else if (counts->len != pool->len)
      result = aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                         "The number of counts does not match the population");
    for (int64_t i = 0; AW_IS_UNDEF(result) && i < pool->len; i++) {
      int64_t c;
      if (!aw_index(vm, counts->items[i], &c)) result = AW_EXC;
      for (int64_t j = 0; AW_IS_UNDEF(result) && j < c; j++)
        if (!aw_list_append(vm, expanded, pool->items[i])) result = AW_EXC;
    }
    if (expanded) aw_pop_root(vm);
    if (counts) aw_pop_root(vm);
    if (AW_IS_UNDEF(result)) {
      aw_pop_root(vm);
      pool = expanded;
      aw_push_root(vm, AW_OBJ(pool));
    }
  }
  int64_t n = pool->len;
  AwList *out = NULL;
  if (AW_IS_UNDEF(result)) {
    if (k < 0 || k > n)
      result = aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Sample larger than population or is negative");
    else if (!(out = aw_list_new(vm, k)))
      result = AW_EXC;
  }
  for (int64_t i = 0; AW_IS_UNDEF(result) && i < k; i++) {
    int64_t j = (int64_t)below(s, (uint64_t)(n - i));
    if (!aw_list_append(vm, out, pool->items[j])) result = AW_EXC;
    pool->items[j] = pool->items[n - i - 1];
  }
  aw_pop_root(vm);
  return AW_IS_UNDEF(result) ? AW_OBJ(out) : result;
}

// Cumulative weights of choices() into a C array of [n] doubles.
static bool cumulative(AwVM *vm, AwValue weights, bool already, int64_t n, double *cum) {
  AwList *w = aw_list_from_iterable(vm, weights);
  if (!w) return false;
  if (w->len != n) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "The number of weights does not match the population");
    return false;
  }
  double acc = 0.0;
  for (int64_t i = 0; i < n; i++) {
    double x;
    if (!to_num(vm, w->items[i], &x)) return false;
    acc = already ? x : acc + x;
    cum[i] = acc;
  }
  return true;
}

static AwValue choices_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"population", "weights", "cum_weights", "k", NULL};
  AwValue a[4];
  if (!aw_parse_args(vm, "choices", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  int64_t k = 1;
  if (!AW_IS_UNDEF(a[3]) && !aw_index(vm, a[3], &k)) return AW_EXC;
  bool has_w = !AW_IS_UNDEF(a[1]) && !AW_IS_NONE(a[1]);
  bool has_cw = !AW_IS_UNDEF(a[2]) && !AW_IS_NONE(a[2]);
  if (has_w && has_cw)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Cannot specify both weights and cumulative weights");
  AwList *pop = population_list(vm, a[0]);
  if (!pop) return AW_EXC;
  aw_push_root(vm, AW_OBJ(pop));
  int64_t n = pop->len;
  AwList *out = aw_list_new(vm, k > 0 ? k : 0);
  AwValue result = out ? AW_UNDEF : AW_EXC;
  if (out) aw_push_root(vm, AW_OBJ(out));
  double *cum = NULL;
  if (AW_IS_UNDEF(result) && (has_w || has_cw)) {
    cum = aw_mem_alloc(vm, (size_t)(n > 0 ? n : 1) * sizeof(double));
    if (!cum || !cumulative(vm, has_w ? a[1] : a[2], has_cw, n, cum)) result = AW_EXC;
    else if (n == 0)
      result = aw_raisef(vm, AW_EXCCLS(vm, IndexError), "list index out of range");
    else if (!(cum[n - 1] > 0.0))
      result = aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Total of weights must be greater than zero");
    else if (!isfinite(cum[n - 1]))
      result = aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Total of weights must be finite");
  }
  for (int64_t i = 0; AW_IS_UNDEF(result) && i < k; i++) {
    int64_t j;
    if (cum) {
      // bisect_right(cum, random() * total, 0, n - 1)
      double x = next_double(s) * cum[n - 1];
      int64_t lo = 0, hi = n - 1;
      while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (x < cum[mid]) hi = mid;
        else lo = mid + 1;
      }
      j = lo;
    } else {
      j = (int64_t)floor(next_double(s) * (double)n);
      if (j >= n) {
        result = aw_raisef(vm, AW_EXCCLS(vm, IndexError), "list index out of range");
        break;
      }
    }
    if (!aw_list_append(vm, out, pop->items[j])) result = AW_EXC;
  }
  if (cum) aw_mem_free(vm, cum, (size_t)(n > 0 ? n : 1) * sizeof(double));
  if (out) aw_pop_root(vm);
  aw_pop_root(vm);
  return AW_IS_UNDEF(result) ? AW_OBJ(out) : result;
}

static bool float_args(AwVM *vm, const char *fname, int argc, AwValue *argv, AwTuple *kwnames,
                       const char *const *names, const double *defaults, int n, double *out) {
  AwValue a[4];
  if (!aw_parse_args(vm, fname, argc, argv, kwnames, 0, names, a)) return false;
  for (int i = 0; i < n; i++) {
    out[i] = defaults[i];
    if (!AW_IS_UNDEF(a[i]) && !to_num(vm, a[i], &out[i])) return false;
  }
  return true;
}

static AwValue gauss_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"mu", "sigma", NULL};
  static const double defaults[] = {0.0, 1.0};
  double p[2];
  if (!float_args(vm, "gauss", argc, argv, kwnames, names, defaults, 2, p)) return AW_EXC;
  // Box-Muller; 1 - u keeps the logarithm's argument in (0, 1].
  double u1 = 1.0 - next_double(s), u2 = next_double(s);
  double z = sqrt(-2.0 * log(u1)) * cos(2.0 * 3.141592653589793 * u2);
  return AW_FLOAT(p[0] + z * p[1]);
}

static AwValue expovariate_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"lambd", NULL};
  static const double defaults[] = {1.0};
  double p[1];
  if (!float_args(vm, "expovariate", argc, argv, kwnames, names, defaults, 1, p)) return AW_EXC;
  if (p[0] == 0.0) return aw_raisef(vm, AW_EXCCLS(vm, ZeroDivisionError), "float division by zero");
  return AW_FLOAT(-log(1.0 - next_double(s)) / p[0]);
}

static AwValue triangular_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"low", "high", "mode", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "triangular", argc, argv, kwnames, 0, names, a)) return AW_EXC;
  double low = 0.0, high = 1.0, mode;
  if (!AW_IS_UNDEF(a[0]) && !to_num(vm, a[0], &low)) return AW_EXC;
  if (!AW_IS_UNDEF(a[1]) && !to_num(vm, a[1], &high)) return AW_EXC;
  double u = next_double(s);
  double c = 0.5;
  if (!AW_IS_UNDEF(a[2]) && !AW_IS_NONE(a[2])) {
    if (!to_num(vm, a[2], &mode)) return AW_EXC;
    if (high == low) return AW_FLOAT(low);
    c = (mode - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    double t = low;
    low = high;
    high = t;
  }
  return AW_FLOAT(low + (high - low) * sqrt(u * c));
}

static AwValue getstate_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "getstate", argc, kwnames, 0, 0)) return AW_EXC;
  return aw_tuple_pack(vm, 4, AW_INT((int64_t)s[0]), AW_INT((int64_t)s[1]), AW_INT((int64_t)s[2]),
                       AW_INT((int64_t)s[3]));
}

static bool state_from_tuple(AwVM *vm, AwValue t, uint64_t *s) {
  if (!AW_IS_TUPLE(t) || AW_AS_TUPLE(t)->len != 4) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "state vector must be a tuple");
    return false;
  }
  for (int i = 0; i < 4; i++) {
    AwValue v = AW_AS_TUPLE(t)->items[i];
    if (!AW_IS_INT(v)) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "state vector items must be integers");
      return false;
    }
    s[i] = (uint64_t)AW_AS_INT(v);
  }
  return true;
}

static AwValue setstate_impl(AwVM *vm, uint64_t *s, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "setstate", argc, kwnames, 1, 1)) return AW_EXC;
  uint64_t ns[4];
  if (!state_from_tuple(vm, argv[0], ns)) return AW_EXC;
  memcpy(s, ns, sizeof ns);
  return AW_NONE;
}

// ---- module functions and Random methods ------------------------------------------

// Random instances keep their state in their __dict__ as "_state" (a
// 4-tuple of ints), loaded before and stored after each call.
static AwValue with_instance(AwVM *vm, RngImpl impl, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = argv[0];
  if (!AW_IS_KIND(self, AW_OBJ_INSTANCE))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Random method needs a Random instance");
  AwDict *d = AW_AS_INSTANCE(self)->dict;
  uint64_t s[4];
  AwValue st = aw_dict_get_cstr(vm, d, "_state");
  if (AW_IS_UNDEF(st)) seed_entropy(vm, s);
  else if (!state_from_tuple(vm, st, s)) return AW_EXC;
  AwValue r = impl(vm, s, argc - 1, argv + 1, kwnames);
  if (AW_IS_EXC(r)) return r;
  aw_push_root(vm, r);
  AwValue nt = aw_tuple_pack(vm, 4, AW_INT((int64_t)s[0]), AW_INT((int64_t)s[1]),
                             AW_INT((int64_t)s[2]), AW_INT((int64_t)s[3]));
  bool ok = !AW_IS_EXC(nt) && aw_dict_set_cstr(vm, d, "_state", nt);
  aw_pop_root(vm);
  return ok ? r : AW_EXC;
}

#define RNG_FUNCS(X)                                                                     \
  X(seed) X(random) X(uniform) X(randrange) X(randint) X(getrandbits) X(choice) X(shuffle) \
  X(sample) X(choices) X(gauss) X(expovariate) X(triangular) X(getstate) X(setstate)

#define MODULE_FN(name)                                                              \
  static AwValue random_##name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return name##_impl(vm, vm_state(vm), argc, argv, kwnames);                       \
  }                                                                                  \
  static AwValue random_m_##name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return with_instance(vm, name##_impl, argc, argv, kwnames);                      \
  }
RNG_FUNCS(MODULE_FN)

// Random(x=None): seeds the instance.
static AwValue random_m_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return with_instance(vm, seed_impl, argc, argv, kwnames);
}

typedef struct {
  const char *name;
  AwNativeFn fn, method;
} RngFn;

#define TABLE_ROW(name) {#name, random_##name, random_m_##name},
static const RngFn rng_fns[] = {RNG_FUNCS(TABLE_ROW){"normalvariate", random_gauss, random_m_gauss},
                                {NULL, NULL, NULL}};

AwModule *aw_open_random(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "random");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = true;
  for (const RngFn *f = rng_fns; ok && f->name; f++) ok = aw_module_add_fn(vm, m, f->name, f->fn);
  AwDict *d = ok ? aw_dict_new(vm) : NULL;
  AwClass *cls = NULL;
  if (d) {
    aw_push_root(vm, AW_OBJ(d));
    AwValue name = aw_str_from_cstr(vm, "Random");
    cls = AW_IS_EXC(name) ? NULL : aw_class_new(vm, name, AW_CLS(vm, object), d);
    aw_pop_root(vm);
  }
  ok = cls != NULL;
  if (ok) {
    cls->module = aw_str_from_cstr(vm, "random");
    ok = !AW_IS_EXC(cls->module) && aw_module_add_value(vm, m, "Random", AW_OBJ(cls)) &&
         aw_class_add_native(vm, cls, "__init__", random_m_init, AW_NATIVE_METHOD);
  }
  for (const RngFn *f = rng_fns; ok && f->name; f++)
    ok = aw_class_add_native(vm, cls, f->name, f->method, AW_NATIVE_METHOD);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

// stdlib/time.c -- the time module: wall, monotonic, perf and process
// clocks (float seconds and _ns ints), blocking sleep, and the struct_time
// helpers (localtime, gmtime, mktime, strftime) as plain 9-tuples.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <time.h>

#include "vm/interp.h"

static AwValue clock_float(AwVM *vm, clockid_t id, int argc, AwTuple *kwnames, const char *name) {
  if (!aw_check_argc(vm, name, argc, kwnames, 0, 0)) return AW_EXC;
  struct timespec ts;
  clock_gettime(id, &ts);
  return AW_FLOAT((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static AwValue clock_ns(AwVM *vm, clockid_t id, int argc, AwTuple *kwnames, const char *name) {
  if (!aw_check_argc(vm, name, argc, kwnames, 0, 0)) return AW_EXC;
  struct timespec ts;
  clock_gettime(id, &ts);
  return AW_INT((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static AwValue time_time(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_float(vm, CLOCK_REALTIME, argc, kwnames, "time");
}

static AwValue time_time_ns(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_ns(vm, CLOCK_REALTIME, argc, kwnames, "time_ns");
}

static AwValue time_monotonic(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_float(vm, CLOCK_MONOTONIC, argc, kwnames, "monotonic");
}

static AwValue time_monotonic_ns(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_ns(vm, CLOCK_MONOTONIC, argc, kwnames, "monotonic_ns");
}

static AwValue time_perf_counter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_float(vm, CLOCK_MONOTONIC, argc, kwnames, "perf_counter");
}

static AwValue time_perf_counter_ns(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_ns(vm, CLOCK_MONOTONIC, argc, kwnames, "perf_counter_ns");
}

static AwValue time_process_time(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_float(vm, CLOCK_PROCESS_CPUTIME_ID, argc, kwnames, "process_time");
}

static AwValue time_process_time_ns(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  return clock_ns(vm, CLOCK_PROCESS_CPUTIME_ID, argc, kwnames, "process_time_ns");
}

// A float number of seconds from an int or float argument.
static bool seconds_arg(AwVM *vm, AwValue v, double *out) {
  if (AW_IS_FLOAT(v)) *out = AW_AS_FLOAT(v);
  else if (AW_IS_INTLIKE(v)) *out = (double)AW_AS_INT(v);
  else {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object cannot be interpreted as an integer",
              aw_type_name(vm, v));
    return false;
  }
  if (isnan(*out)) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Invalid value NaN (not a number)");
    return false;
  }
  return true;
}

// Blocking sleep. Restarted after signals unless the VM was interrupted
// (Ctrl-C), in which case the interpreter raises KeyboardInterrupt at its
// next safepoint.
static AwValue time_sleep(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "sleep", argc, kwnames, 1, 1)) return AW_EXC;
  double secs;
  if (!seconds_arg(vm, argv[0], &secs)) return AW_EXC;
  if (secs < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "sleep length must be non-negative");
  if (secs > 9.2e18 / 1e9)
    return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "sleep length is too large");
  struct timespec req;
  req.tv_sec = (time_t)secs;
  req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
  if (req.tv_nsec >= 1000000000) req.tv_nsec = 999999999;
  // Other threads of this VM run while this one sleeps.
  aw_gil_release(vm);
  while (nanosleep(&req, &req) != 0 && errno == EINTR)
    if (vm->interrupt & AW_INTERRUPT_SIGINT) break;
  aw_gil_acquire(vm);
  // Ctrl-C during the sleep raises KeyboardInterrupt here, not later.
  if (vm->interrupt & AW_INTERRUPT_SIGINT) return aw_interp_safepoint(vm) ? AW_NONE : AW_EXC;
  return AW_NONE;
}

// ---- struct_time as a 9-tuple ------------------------------------------------

static AwValue tm_to_tuple(AwVM *vm, const struct tm *tm) {
  AwTuple *t = aw_tuple_new(vm, 9);
  if (!t) return AW_EXC;
  int wday = (tm->tm_wday + 6) % 7;  // Python: Monday is 0
  int64_t f[9] = {tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
                  tm->tm_sec, wday, tm->tm_yday + 1, tm->tm_isdst};
  for (int i = 0; i < 9; i++) t->items[i] = AW_INT(f[i]);
  return AW_OBJ(t);
}

static bool tuple_to_tm(AwVM *vm, AwValue v, struct tm *tm) {
  if (!AW_IS_TUPLE(v) || AW_AS_TUPLE(v)->len != 9) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "time tuple must be a 9-item tuple");
    return false;
  }
  int64_t f[9];
  for (int i = 0; i < 9; i++)
    if (!aw_index(vm, AW_AS_TUPLE(v)->items[i], &f[i])) return false;
  *tm = (struct tm){0};
  tm->tm_year = (int)(f[0] - 1900);
  tm->tm_mon = (int)(f[1] - 1);
  tm->tm_mday = (int)f[2];
  tm->tm_hour = (int)f[3];
  tm->tm_min = (int)f[4];
  tm->tm_sec = (int)f[5];
  tm->tm_wday = (int)((f[6] + 1) % 7);
  tm->tm_yday = (int)(f[7] - 1);
  tm->tm_isdst = (int)f[8];
  return true;
}

static bool time_arg(AwVM *vm, int argc, AwValue *argv, time_t *out) {
  if (argc == 0 || AW_IS_NONE(argv[0])) {
    *out = time(NULL);
    return true;
  }
  double secs;
  if (!seconds_arg(vm, argv[0], &secs)) return false;
  *out = (time_t)floor(secs);
  return true;
}

static AwValue time_localtime(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "localtime", argc, kwnames, 0, 1)) return AW_EXC;
  time_t t;
  if (!time_arg(vm, argc, argv, &t)) return AW_EXC;
  struct tm tm;
  if (!localtime_r(&t, &tm)) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "timestamp out of range for platform time_t");
  return tm_to_tuple(vm, &tm);
}

static AwValue time_gmtime(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "gmtime", argc, kwnames, 0, 1)) return AW_EXC;
  time_t t;
  if (!time_arg(vm, argc, argv, &t)) return AW_EXC;
  struct tm tm;
  if (!gmtime_r(&t, &tm)) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "timestamp out of range for platform time_t");
  return tm_to_tuple(vm, &tm);
}

static AwValue time_mktime(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "mktime", argc, kwnames, 1, 1)) return AW_EXC;
  struct tm tm;
  if (!tuple_to_tm(vm, argv[0], &tm)) return AW_EXC;
  time_t t = mktime(&tm);
  if (t == (time_t)-1) return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "mktime argument out of range");
  return AW_FLOAT((double)t);
}

static AwValue time_strftime(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "strftime", argc, kwnames, 1, 2)) return AW_EXC;
  if (!AW_IS_STR(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "strftime() argument 1 must be str, not %s",
                     aw_type_name(vm, argv[0]));
  struct tm tm;
  if (argc == 2) {
    if (!tuple_to_tm(vm, argv[1], &tm)) return AW_EXC;
  } else {
    time_t t = time(NULL);
    localtime_r(&t, &tm);
  }
  AwStr *fmt = AW_AS_STR(argv[0]);
  if (fmt->nbytes == 0) return vm->empty_str;
  // strftime returns 0 both for "too small" and for an empty result: grow a few times.
  for (size_t cap = 256; cap <= 65536; cap *= 4) {
    char *buf = aw_mem_alloc(vm, cap);
    if (!buf) return AW_EXC;
    size_t n = strftime(buf, cap, fmt->data, &tm);
    if (n > 0 || cap == 65536) {
      AwValue s = aw_str_new_checked(vm, buf, n);
      aw_mem_free(vm, buf, cap);
      return s;
    }
    aw_mem_free(vm, buf, cap);
  }
  return vm->empty_str;
}

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

static const ModFn time_fns[] = {
  {"time", time_time},
  {"time_ns", time_time_ns},
  {"monotonic", time_monotonic},
  {"monotonic_ns", time_monotonic_ns},
  {"perf_counter", time_perf_counter},
  {"perf_counter_ns", time_perf_counter_ns},
  {"process_time", time_process_time},
  {"process_time_ns", time_process_time_ns},
  {"sleep", time_sleep},
  {"localtime", time_localtime},
  {"gmtime", time_gmtime},
  {"mktime", time_mktime},
  {"strftime", time_strftime},
  {NULL, NULL},
};

AwModule *aw_open_time(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "time");
  if (!m) return NULL;
  for (const ModFn *f = time_fns; f->name; f++)
    if (!aw_module_add_fn(vm, m, f->name, f->fn)) return NULL;
  return m;
}

// vm/text.c -- the shared helpers declared in text.h: CPython-worded
// argument checks for str/bytes/number methods, start/end clamping and
// substring search over bytes.
#include <string.h>

#include "vm/text.h"

static bool check_self(AwVM *vm, int argc, AwValue *argv, AwObjKind kind, const char *cls,
                       const char *name) {
  if (argc < 1)
    return !AW_IS_EXC(aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                                "unbound method %s.%s() needs an argument", cls, name));
  if (kind == AW_OBJ__COUNT || AW_IS_KIND(argv[0], kind)) return true;
  aw_raisef(vm, AW_EXCCLS(vm, TypeError),
            "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name, cls,
            aw_type_name(vm, argv[0]));
  return false;
}

bool aw_text_args(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, AwObjKind kind,
                  const char *cls, const char *name, int min, int max, AwArgStyle style) {
  if (!check_self(vm, argc, argv, kind, cls, name)) return false;
  AwClass *te = AW_EXCCLS(vm, TypeError);
  if (kwnames && kwnames->len > 0) {
    if (style == AW_ARGS_TAKES) aw_raisef(vm, te, "%s() takes no keyword arguments", name);
    else if (style == AW_ARGS_WRAPPER) aw_raisef(vm, te, "wrapper %s() takes no keyword arguments", name);
    else aw_raisef(vm, te, "%s.%s() takes no keyword arguments", cls, name);
    return false;
  }
  int n = argc - 1;
  if (n >= min && n <= max) return true;
  switch (style) {
    case AW_ARGS_NOARGS:
      aw_raisef(vm, te, "%s.%s() takes no arguments (%d given)", cls, name, n);
      break;
    case AW_ARGS_O:
      aw_raisef(vm, te, "%s.%s() takes exactly one argument (%d given)", cls, name, n);
      break;
    case AW_ARGS_EXPECTED:
      if (n < min)
        aw_raisef(vm, te, "%s expected at least %d argument%s, got %d", name, min,
                  min == 1 ? "" : "s", n);
      else
        aw_raisef(vm, te, "%s expected at most %d argument%s, got %d", name, max,
                  max == 1 ? "" : "s", n);
      break;
    case AW_ARGS_TAKES:
      if (n < min)
        aw_raisef(vm, te, "%s() takes at least %d argument%s (%d given)", name, min,
                  min == 1 ? "" : "s", n);
      else
        aw_raisef(vm, te, "%s() takes at most %d argument%s (%d given)", name, max,
                  max == 1 ? "" : "s", n);
      break;
    case AW_ARGS_WRAPPER:
      aw_raisef(vm, te, "expected %d argument%s, got %d", min, min == 1 ? "" : "s", n);
      break;
  }
  return false;
}

bool aw_text_kwargs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, AwObjKind kind,
                    const char *cls, const char *name, const char *const *names, AwValue *out) {
  if (!check_self(vm, argc, argv, kind, cls, name)) return false;
  int max = 0;
  while (names[max]) max++;
  AwClass *te = AW_EXCCLS(vm, TypeError);
  int n = argc - 1;
  int nkw = kwnames ? (int)kwnames->len : 0;
  if (n + nkw > max) {
    aw_raisef(vm, te, "%s() takes at most %d argument%s (%d given)", name, max,
              max == 1 ? "" : "s", n + nkw);
    return false;
  }
  for (int i = 0; i < max; i++) out[i] = i < n ? argv[1 + i] : AW_UNDEF;
  for (int k = 0; k < nkw; k++) {
    AwValue kn = kwnames->items[k];
    int i = 0;
    while (i < max && !aw_str_eq_cstr(kn, names[i])) i++;
    if (i == max) {
      aw_raisef(vm, te, "'%U' is an invalid keyword argument for %s()", kn, name);
      return false;
    }
    if (i < n) {
      aw_raisef(vm, te, "argument for %s() given by name ('%s') and position (%d)", name,
                names[i], i + 1);
      return false;
    }
    out[i] = argv[argc + k];
  }
  return true;
}

bool aw_text_index(AwVM *vm, AwValue v, int64_t *out) {
  if (AW_IS_INTLIKE(v)) {
    *out = AW_AS_INT(v);
    return true;
  }
  return aw_index(vm, v, out);
}

static bool span_bound(AwVM *vm, AwValue v, int64_t *out) {
  if (AW_IS_INTLIKE(v)) {
    *out = AW_AS_INT(v);
    return true;
  }
  if (AW_IS_OBJ(v) && !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, index))))
    return aw_index(vm, v, out);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError),
            "slice indices must be integers or None or have an __index__ method");
  return false;
}

bool aw_text_span(AwVM *vm, AwValue start, AwValue end, int64_t len, int64_t *s, int64_t *e) {
  int64_t a = 0, b = len;
  if (!AW_IS_UNDEF(start) && !AW_IS_NONE(start) && !span_bound(vm, start, &a)) return false;
  if (!AW_IS_UNDEF(end) && !AW_IS_NONE(end) && !span_bound(vm, end, &b)) return false;
  if (b > len) b = len;
  else if (b < 0) {
    b += len;
    if (b < 0) b = 0;
  }
  if (a < 0) {
    a += len;
    if (a < 0) a = 0;
  }
  *s = a;
  *e = b;
  return true;
}

int64_t aw_text_find(const char *h, int64_t hn, const char *n, int64_t nn) {
  if (nn == 0) return 0;
  if (nn > hn) return -1;
  if (nn == 1) {
    const char *p = memchr(h, n[0], (size_t)hn);
    return p ? p - h : -1;
  }
  const char *p = h, *last = h + (hn - nn);
  while (p <= last) {
    p = memchr(p, n[0], (size_t)(last - p + 1));
    if (!p) return -1;
    if (memcmp(p + 1, n + 1, (size_t)nn - 1) == 0) return p - h;
    p++;
  }
  return -1;
}

int64_t aw_text_rfind(const char *h, int64_t hn, const char *n, int64_t nn) {
  if (nn == 0) return hn;
  if (nn > hn) return -1;
  for (int64_t i = hn - nn; i >= 0; i--)
    if (h[i] == n[0] && memcmp(h + i, n, (size_t)nn) == 0) return i;
  return -1;
}

int64_t aw_text_count(const char *h, int64_t hn, const char *n, int64_t nn, int64_t max) {
  int64_t count = 0, i = 0;
  while (count < max) {
    int64_t f = aw_text_find(h + i, hn - i, n, nn);
    if (f < 0) break;
    count++;
    i += f + nn;
  }
  return count;
}

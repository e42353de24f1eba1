// stdlib/copy.c -- the copy module: copy() (shallow) and deepcopy() for the
// built-in containers and instances of user classes (honouring __copy__
// and __deepcopy__), with deepcopy's memo dict keyed by id() as CPython's.
#include <string.h>

#include "vm/vm.h"

// Values that are never copied: numbers, strings, bytes, None, functions,
// classes, modules, ranges ... (CPython's _deepcopy_atomic and friends).
static bool is_atomic(AwValue v) {
  if (!AW_IS_OBJ(v)) return true;
  switch (AW_KIND(v)) {
    case AW_OBJ_STR:
    case AW_OBJ_BYTES:
    case AW_OBJ_RANGE:
    case AW_OBJ_SLICE:
    case AW_OBJ_PROTO:
    case AW_OBJ_FUNCTION:
    case AW_OBJ_NATIVE:
    case AW_OBJ_CLASS:
    case AW_OBJ_MODULE:
    case AW_OBJ_PROPERTY:
      return true;
    default:
      return false;
  }
}

static AwValue id_of(AwValue v) { return AW_INT((int64_t)(uintptr_t)AW_AS_OBJ(v)); }

// A new instance of [v]'s class made without running __init__
// (cls.__new__(cls)), with a copy of v's attribute dict.
static AwValue bare_instance(AwVM *vm, AwValue v) {
  AwClass *cls = aw_type_of(vm, v);
  AwValue newf = aw_class_lookup(vm, cls, AW_N(vm, new));
  if (AW_IS_UNDEF(newf))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot create '%s' instances", aw_type_name(vm, v));
  AwValue c = AW_OBJ(cls);
  if (AW_IS_KIND(newf, AW_OBJ_WRAPPER)) newf = ((AwWrapper *)AW_AS_OBJ(newf))->value;
  return aw_call(vm, newf, 1, &c, NULL);
}

static AwValue cannot(AwVM *vm, AwValue v) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot pickle '%s' object", aw_type_name(vm, v));
}

// ---- copy ---------------------------------------------------------------------------

static AwValue copy_copy(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "copy", argc, kwnames, 1, 1)) return AW_EXC;
  AwValue x = argv[0];
  if (is_atomic(x) || AW_IS_TUPLE(x)) return x;
  switch (AW_KIND(x)) {
    case AW_OBJ_LIST: {
      AwList *l = aw_list_new(vm, AW_AS_LIST(x)->len);
      if (!l) return AW_EXC;
      for (int64_t i = 0; i < AW_AS_LIST(x)->len; i++)
        if (!aw_list_append(vm, l, AW_AS_LIST(x)->items[i])) return AW_EXC;
      return AW_OBJ(l);
    }
    case AW_OBJ_DICT: {
      AwDict *d = aw_dict_copy(vm, AW_AS_DICT(x));
      return d ? AW_OBJ(d) : AW_EXC;
    }
    case AW_OBJ_SET: {
      if (AW_AS_OBJ(x)->flags & AW_SET_FROZEN) return x;
      AwSet *s = aw_set_new(vm, false);
      if (!s) return AW_EXC;
      int64_t pos = 0;
      AwValue k, v;
      while (aw_dict_next(&AW_AS_SET(x)->table, &pos, &k, &v))
        if (!aw_set_add(vm, s, k)) return AW_EXC;
      return AW_OBJ(s);
    }
    default: break;
  }
  AwValue name = aw_str_intern(vm, "__copy__", 8);
  if (AW_IS_EXC(name)) return AW_EXC;
  AwValue r = aw_call_special(vm, x, name, 0, NULL);
  if (!AW_IS_UNDEF(r)) return r;
  if (!AW_IS_KIND(x, AW_OBJ_INSTANCE) && !AW_IS_KIND(x, AW_OBJ_EXCEPTION)) return cannot(vm, x);
  AwValue inst = bare_instance(vm, x);
  if (AW_IS_EXC(inst)) return AW_EXC;
  if (AW_IS_KIND(inst, AW_OBJ_INSTANCE) || AW_IS_KIND(inst, AW_OBJ_EXCEPTION)) {
    AwDict *src = AW_AS_INSTANCE(x)->dict, *dst = AW_AS_INSTANCE(inst)->dict;
    int64_t pos = 0;
    AwValue k, v;
    while (src && dst && aw_dict_next(src, &pos, &k, &v))
      if (!aw_dict_set(vm, dst, k, v)) return AW_EXC;
  }
  return inst;
}

// ---- deepcopy ------------------------------------------------------------------------

typedef struct {
  AwVM *vm;
  AwDict *memo;   // id(original) -> copy; every copy made lives here
  int depth;
} Deep;

static AwValue deep(Deep *d, AwValue x);

// Records [copy] as the copy of [x] (keeping it rooted through the memo).
static bool remember(Deep *d, AwValue x, AwValue copy) {
  return aw_dict_set(d->vm, d->memo, id_of(x), copy);
}

static AwValue deep_list(Deep *d, AwValue x) {
  AwVM *vm = d->vm;
  AwList *l = aw_list_new(vm, AW_AS_LIST(x)->len);
  if (!l || !remember(d, x, AW_OBJ(l))) return AW_EXC;
  for (int64_t i = 0; i < AW_AS_LIST(x)->len; i++) {
    AwValue c = deep(d, AW_AS_LIST(x)->items[i]);
    if (AW_IS_EXC(c) || !aw_list_append(vm, l, c)) return AW_EXC;
  }
  return AW_OBJ(l);
}

static AwValue deep_tuple(Deep *d, AwValue x) {
  AwVM *vm = d->vm;
  AwTuple *t = AW_AS_TUPLE(x);
  AwTuple *out = aw_tuple_new(vm, t->len);
  if (!out) return AW_EXC;
  for (int64_t i = 0; i < t->len; i++) out->items[i] = AW_NONE;
  // Held by the memo (under a key no object has) while the items are copied.
  AwValue slot = AW_INT(-(int64_t)(uintptr_t)AW_AS_OBJ(x));
  if (!aw_dict_set(vm, d->memo, slot, AW_OBJ(out))) return AW_EXC;
  bool same = true;
  for (int64_t i = 0; i < t->len; i++) {
    AwValue c = deep(d, t->items[i]);
    if (AW_IS_EXC(c)) return AW_EXC;
    out->items[i] = c;
    if (!aw_value_is(c, t->items[i])) same = false;
  }
  // A recursive tuple may have been copied through one of its items.
  AwValue already;
  int r = aw_dict_get(vm, d->memo, id_of(x), &already);
  if (r < 0) return AW_EXC;
  if (r > 0) return already;
  AwValue result = same ? x : AW_OBJ(out);
  return remember(d, x, result) ? result : AW_EXC;
}

static AwValue deep_dict(Deep *d, AwValue x) {
  AwVM *vm = d->vm;
  AwDict *out = aw_dict_new(vm);
  if (!out || !remember(d, x, AW_OBJ(out))) return AW_EXC;
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(AW_AS_DICT(x), &pos, &k, &v)) {
    AwValue ck = deep(d, k);
    if (AW_IS_EXC(ck)) return AW_EXC;
    aw_push_root(vm, ck);
    AwValue cv = deep(d, v);
    bool ok = !AW_IS_EXC(cv) && aw_dict_set(vm, out, ck, cv);
    aw_pop_root(vm);
    if (!ok) return AW_EXC;
  }
  return AW_OBJ(out);
}

static AwValue deep_set(Deep *d, AwValue x) {
  AwVM *vm = d->vm;
  bool frozen = (AW_AS_OBJ(x)->flags & AW_SET_FROZEN) != 0;
  AwSet *out = aw_set_new(vm, frozen);
  if (!out || !remember(d, x, AW_OBJ(out))) return AW_EXC;
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(&AW_AS_SET(x)->table, &pos, &k, &v)) {
    AwValue c = deep(d, k);
    if (AW_IS_EXC(c) || !aw_set_add(vm, out, c)) return AW_EXC;
  }
  return AW_OBJ(out);
}

static AwValue deep_instance(Deep *d, AwValue x) {
  AwVM *vm = d->vm;
  AwValue name = aw_str_intern(vm, "__deepcopy__", 12);
  if (AW_IS_EXC(name)) return AW_EXC;
  AwValue memo = AW_OBJ(d->memo);
  AwValue r = aw_call_special(vm, x, name, 1, &memo);
  if (!AW_IS_UNDEF(r)) {
    if (AW_IS_EXC(r) || !remember(d, x, r)) return AW_EXC;
    return r;
  }
  if (!AW_IS_KIND(x, AW_OBJ_INSTANCE) && !AW_IS_KIND(x, AW_OBJ_EXCEPTION)) return cannot(vm, x);
  AwValue inst = bare_instance(vm, x);
  if (AW_IS_EXC(inst) || !remember(d, x, inst)) return AW_EXC;
  if (AW_IS_KIND(inst, AW_OBJ_EXCEPTION) && AW_IS_KIND(x, AW_OBJ_EXCEPTION)) {
    AwValue args = deep(d, AW_AS_EXCEPTION(x)->args);
    if (AW_IS_EXC(args)) return AW_EXC;
    AW_AS_EXCEPTION(inst)->args = args;
  }
  if (AW_IS_KIND(inst, AW_OBJ_INSTANCE) || AW_IS_KIND(inst, AW_OBJ_EXCEPTION)) {
    AwDict *src = AW_AS_INSTANCE(x)->dict, *dst = AW_AS_INSTANCE(inst)->dict;
    int64_t pos = 0;
    AwValue k, v;
    while (src && dst && aw_dict_next(src, &pos, &k, &v)) {
      AwValue c = deep(d, v);
      if (AW_IS_EXC(c) || !aw_dict_set(vm, dst, k, c)) return AW_EXC;
    }
  }
  return inst;
}

static AwValue deep(Deep *d, AwValue x) {
  AwVM *vm = d->vm;
  if (is_atomic(x)) return x;
  AwValue seen;
  int r = aw_dict_get(vm, d->memo, id_of(x), &seen);
  if (r < 0) return AW_EXC;
  if (r > 0) return seen;
  if (++d->depth > vm->recursion_limit) {
    d->depth--;
    return aw_raisef(vm, AW_EXCCLS(vm, RecursionError), "maximum recursion depth exceeded while calling a Python object");
  }
  AwValue c;
  switch (AW_KIND(x)) {
    case AW_OBJ_LIST: c = deep_list(d, x); break;
    case AW_OBJ_TUPLE: c = deep_tuple(d, x); break;
    case AW_OBJ_DICT: c = deep_dict(d, x); break;
    case AW_OBJ_SET: c = deep_set(d, x); break;
    default: c = deep_instance(d, x); break;
  }
  d->depth--;
  return c;
}

static AwValue copy_deepcopy(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"x", "memo", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "deepcopy", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  Deep d = {vm, NULL, 0};
  if (!AW_IS_UNDEF(a[1]) && !AW_IS_NONE(a[1])) {
    if (!AW_IS_DICT(a[1])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "memo must be a dict");
    d.memo = AW_AS_DICT(a[1]);
    return deep(&d, a[0]);
  }
  d.memo = aw_dict_new(vm);
  if (!d.memo) return AW_EXC;
  aw_push_root(vm, AW_OBJ(d.memo));
  AwValue r = deep(&d, a[0]);
  aw_pop_root(vm);
  return r;
}

AwModule *aw_open_copy(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "copy");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = aw_module_add_fn(vm, m, "copy", copy_copy) && aw_module_add_fn(vm, m, "deepcopy", copy_deepcopy) &&
            aw_module_add_value(vm, m, "Error", AW_OBJ(AW_EXCCLS(vm, Exception)));
  aw_pop_root(vm);
  return ok ? m : NULL;
}

// vm/exc_group.c -- BaseExceptionGroup / ExceptionGroup: construction with
// CPython's validation, message/exceptions, subgroup/split/derive, and the
// two helpers behind except*: CHECK_EG_MATCH's split and
// PREP_RERAISE_STAR's recombination (CPython's _PyExc_PrepReraiseStar).
// A group keeps its message and its exceptions tuple in the instance dict
// ("message", "exceptions"); aw_exc_setattr makes them read-only.
#include <string.h>

#include "vm/vm.h"

bool aw_exc_is_group(AwVM *vm, AwValue v) {
  return AW_IS_EXCEPTION(v) && aw_is_subclass(aw_obj_class(vm, AW_AS_OBJ(v)), AW_EXCCLS(vm, BaseExceptionGroup));
}

AwTuple *aw_exc_group_items(AwVM *vm, AwValue eg) {
  if (!aw_exc_is_group(vm, eg)) return NULL;
  AwValue v = aw_dict_get_cstr(vm, AW_AS_EXCEPTION(eg)->base.dict, "exceptions");
  return AW_IS_TUPLE(v) ? AW_AS_TUPLE(v) : NULL;
}

static AwValue group_message(AwVM *vm, AwValue eg) {
  AwValue v = aw_dict_get_cstr(vm, AW_AS_EXCEPTION(eg)->base.dict, "message");
  return AW_IS_STR(v) ? v : vm->empty_str;
}

static bool is_exception_kind(AwVM *vm, AwValue v) {
  return AW_IS_EXCEPTION(v) && aw_exc_is_subclass(vm, aw_obj_class(vm, AW_AS_OBJ(v)), AW_EXCCLS(vm, Exception));
}

// PySequence_Check: lists, tuples, str, range and objects with
// __getitem__, but not dicts or sets.
static bool is_sequence(AwVM *vm, AwValue v) {
  if (AW_IS_LIST(v) || AW_IS_TUPLE(v) || AW_IS_STR(v) || AW_IS_BYTES(v) || AW_IS_KIND(v, AW_OBJ_RANGE))
    return true;
  if (AW_IS_DICT(v) || AW_IS_SET(v) || !AW_IS_OBJ(v)) return false;
  return !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, getitem)));
}

// BaseExceptionGroup.__new__(cls, message, exceptions). [args] is the
// tuple given to the constructor (kept as .args, as CPython does).
static AwValue group_create(AwVM *vm, AwClass *cls, AwValue message, AwValue excs, AwValue args) {
  if (!AW_IS_STR(message))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                     aw_type_name(vm, message));
  if (!is_sequence(vm, excs))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "second argument (exceptions) must be a sequence");
  AwList *l = aw_list_from_iterable(vm, excs);
  if (!l) return AW_EXC;
  if (l->len == 0)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (int64_t i = 0; i < l->len; i++) {
    if (!AW_IS_EXCEPTION(l->items[i]))
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Item %lld of second argument (exceptions) is not an exception",
                       (long long)i);
    if (!is_exception_kind(vm, l->items[i])) nested_base = true;
  }
  if (cls == AW_EXCCLS(vm, ExceptionGroup)) {
    if (nested_base) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (cls == AW_EXCCLS(vm, BaseExceptionGroup)) {
    if (!nested_base) cls = AW_EXCCLS(vm, ExceptionGroup);
  } else if (nested_base && aw_exc_is_subclass(vm, cls, AW_EXCCLS(vm, Exception))) {
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Cannot nest BaseExceptions in '%S'", cls->name);
  }
  AwTuple *t = aw_tuple_new(vm, l->len);
  if (!t) return AW_EXC;
  memcpy(t->items, l->items, (size_t)l->len * sizeof(AwValue));
  AwException *e = aw_exc_alloc(vm, cls, args);
  if (!e) return AW_EXC;
  if (!aw_dict_set_cstr(vm, e->base.dict, "message", message) ||
      !aw_dict_set_cstr(vm, e->base.dict, "exceptions", AW_OBJ(t)))
    return AW_EXC;
  return AW_OBJ(e);
}

AwValue aw_exc_group_new(AwVM *vm, const char *message, AwValue excs) {
  AwValue msg = aw_str_from_cstr(vm, message);
  if (AW_IS_EXC(msg)) return AW_EXC;
  AwValue args = aw_tuple_pack(vm, 2, msg, excs);
  if (AW_IS_EXC(args)) return AW_EXC;
  return group_create(vm, AW_EXCCLS(vm, BaseExceptionGroup), msg, excs, args);
}

static AwValue group_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc < 1 || !AW_IS_CLASS(argv[0]) ||
      !aw_is_subclass(AW_AS_CLASS(argv[0]), AW_EXCCLS(vm, BaseExceptionGroup)))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "BaseExceptionGroup.__new__(X): X is not a subtype of BaseExceptionGroup");
  AwClass *cls = AW_AS_CLASS(argv[0]);
  if (cls->is_builtin && kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%S() takes no keyword arguments", cls->name);
  if (argc - 1 != 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
                     argc - 1);
  AwTuple *args = aw_tuple_new(vm, 2);
  if (!args) return AW_EXC;
  args->items[0] = argv[1];
  args->items[1] = argv[2];
  return group_create(vm, cls, argv[1], argv[2], AW_OBJ(args));
}

static AwValue self_group(AwVM *vm, int argc, AwValue *argv, const char *method) {
  if (argc > 0 && aw_exc_is_group(vm, argv[0])) return argv[0];
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                   "descriptor '%s' requires a 'BaseExceptionGroup' object but received a '%s'", method,
                   aw_type_name(vm, argc > 0 ? argv[0] : AW_NONE));
}

static AwValue group_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = self_group(vm, argc, argv, "__init__");
  if (AW_IS_EXC(self)) return AW_EXC;
  AwException *e = AW_AS_EXCEPTION(self);
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%S() takes no keyword arguments", aw_obj_class(vm, &e->base.obj)->name);
  AwTuple *t = aw_tuple_new(vm, argc - 1);
  if (!t) return AW_EXC;
  for (int i = 1; i < argc; i++) t->items[i - 1] = argv[i];
  e->args = AW_OBJ(t);
  return AW_NONE;
}

static AwValue group_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)kwnames;
  AwValue self = self_group(vm, argc, argv, "__str__");
  if (AW_IS_EXC(self)) return AW_EXC;
  AwTuple *excs = aw_exc_group_items(vm, self);
  int64_t n = excs ? excs->len : 0;
  return aw_str_format(vm, "%U (%lld sub-exception%s)", group_message(vm, self), (long long)n, n > 1 ? "s" : "");
}

static AwValue group_derive(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = self_group(vm, argc, argv, "derive");
  if (AW_IS_EXC(self)) return AW_EXC;
  if (!aw_check_argc(vm, "derive", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue args[2] = {group_message(vm, self), argv[1]};
  return aw_call(vm, AW_OBJ(AW_EXCCLS(vm, BaseExceptionGroup)), 2, args, NULL);
}

// ---- split ---------------------------------------------------------------

typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_IDS } MatcherKind;

typedef struct {
  MatcherKind kind;
  AwValue value;     // class / tuple of classes / callable
  AwList *ids;       // MATCH_IDS: the leaf exceptions to keep
  AwList *keep;      // rooted: every intermediate object
} Matcher;

static bool matcher_init(AwVM *vm, Matcher *m, AwValue value) {
  m->value = value;
  m->ids = NULL;
  if (aw_is_callable(vm, value) && !AW_IS_CLASS(value)) {
    m->kind = MATCH_PREDICATE;
    return true;
  }
  m->kind = MATCH_TYPE;
  if (AW_IS_CLASS(value) && aw_is_subclass(AW_AS_CLASS(value), AW_EXCCLS(vm, BaseException))) return true;
  if (AW_IS_TUPLE(value)) {
    AwTuple *t = AW_AS_TUPLE(value);
    bool ok = true;
    for (int64_t i = 0; i < t->len && ok; i++)
      ok = AW_IS_CLASS(t->items[i]) && aw_is_subclass(AW_AS_CLASS(t->items[i]), AW_EXCCLS(vm, BaseException));
    if (ok) return true;
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected a function, exception type or tuple of exception types");
  return false;
}

static int matcher_test(AwVM *vm, Matcher *m, AwValue exc) {
  switch (m->kind) {
    case MATCH_TYPE:
      return aw_exc_matches(vm, exc, m->value);
    case MATCH_PREDICATE: {
      AwValue r = aw_call(vm, m->value, 1, &exc, NULL);
      if (AW_IS_EXC(r)) return -1;
      return aw_truthy(vm, r);
    }
    case MATCH_IDS:
      for (int64_t i = 0; i < m->ids->len; i++)
        if (aw_value_is(m->ids->items[i], exc)) return 1;
      return 0;
  }
  return 0;
}

// CPython's exceptiongroup_subset: orig.derive(excs) carrying over orig's
// traceback, cause, context and (a copy of) its notes; UNDEF if excs is
// empty.
static AwValue group_subset(AwVM *vm, Matcher *m, AwValue orig, AwList *excs) {
  if (excs->len == 0) return AW_UNDEF;
  AwValue arg = AW_OBJ(excs);
  AwValue eg = aw_call_method(vm, orig, aw_str_intern(vm, "derive", 6), 1, &arg);
  if (AW_IS_EXC(eg)) return AW_EXC;
  if (!aw_list_append(vm, m->keep, eg)) return AW_EXC;
  if (!aw_exc_is_group(vm, eg))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "derive must return an instance of BaseExceptionGroup");
  AwException *o = AW_AS_EXCEPTION(orig), *e = AW_AS_EXCEPTION(eg);
  if (!AW_IS_NONE(o->traceback)) e->traceback = o->traceback;
  e->context = o->context;
  e->cause = o->cause;
  e->suppress_context = true;   // PyException_SetCause always sets it
  if (AW_IS_LIST(o->notes) || AW_IS_TUPLE(o->notes)) {
    AwList *copy = aw_list_from_iterable(vm, o->notes);
    if (!copy) return AW_EXC;
    e->notes = AW_OBJ(copy);
  }
  return eg;
}

// CPython's exceptiongroup_split_recursive. *match / *rest get UNDEF for
// an empty part. False on error.
static bool split_recursive(AwVM *vm, Matcher *m, AwValue exc, bool construct_rest, AwValue *match,
                            AwValue *rest, int depth) {
  *match = AW_UNDEF;
  *rest = AW_UNDEF;
  if (depth > 500) {
    aw_raisef(vm, AW_EXCCLS(vm, RecursionError), "maximum recursion depth exceeded in exceptiongroup_split_recursive");
    return false;
  }
  int r = matcher_test(vm, m, exc);
  if (r < 0) return false;
  if (r) {
    *match = exc;
    return true;
  }
  if (!aw_exc_is_group(vm, exc)) {
    if (construct_rest) *rest = exc;
    return true;
  }
  AwTuple *excs = aw_exc_group_items(vm, exc);
  AwList *match_list = aw_list_new(vm, 4);
  if (!match_list || !aw_list_append(vm, m->keep, AW_OBJ(match_list))) return false;
  AwList *rest_list = NULL;
  if (construct_rest) {
    rest_list = aw_list_new(vm, 4);
    if (!rest_list || !aw_list_append(vm, m->keep, AW_OBJ(rest_list))) return false;
  }
  for (int64_t i = 0; excs && i < excs->len; i++) {
    AwValue sm, sr;
    if (!split_recursive(vm, m, excs->items[i], construct_rest, &sm, &sr, depth + 1)) return false;
    if (!AW_IS_UNDEF(sm) && !aw_list_append(vm, match_list, sm)) return false;
    if (!AW_IS_UNDEF(sr) && !aw_list_append(vm, rest_list, sr)) return false;
  }
  *match = group_subset(vm, m, exc, match_list);
  if (AW_IS_EXC(*match)) return false;
  if (construct_rest) {
    *rest = group_subset(vm, m, exc, rest_list);
    if (AW_IS_EXC(*rest)) return false;
  }
  return true;
}

static AwValue or_none(AwValue v) { return AW_IS_UNDEF(v) ? AW_NONE : v; }

// Runs split_recursive with a rooted scratch list.
static bool split_rooted(AwVM *vm, Matcher *m, AwValue exc, bool construct_rest, AwValue *match, AwValue *rest) {
  m->keep = aw_list_new(vm, 8);
  if (!m->keep) return false;
  aw_push_root(vm, AW_OBJ(m->keep));
  if (m->ids) aw_list_append(vm, m->keep, AW_OBJ(m->ids));
  bool ok = split_recursive(vm, m, exc, construct_rest, match, rest, 0);
  aw_pop_root(vm);
  return ok;
}

static AwValue group_split(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = self_group(vm, argc, argv, "split");
  if (AW_IS_EXC(self)) return AW_EXC;
  if (!aw_check_argc(vm, "split", argc - 1, kwnames, 1, 1)) return AW_EXC;
  Matcher m;
  if (!matcher_init(vm, &m, argv[1])) return AW_EXC;
  AwValue match, rest;
  if (!split_rooted(vm, &m, self, true, &match, &rest)) return AW_EXC;
  return aw_tuple_pack(vm, 2, or_none(match), or_none(rest));
}

static AwValue group_subgroup(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = self_group(vm, argc, argv, "subgroup");
  if (AW_IS_EXC(self)) return AW_EXC;
  if (!aw_check_argc(vm, "subgroup", argc - 1, kwnames, 1, 1)) return AW_EXC;
  Matcher m;
  if (!matcher_init(vm, &m, argv[1])) return AW_EXC;
  AwValue match, rest;
  if (!split_rooted(vm, &m, self, false, &match, &rest)) return AW_EXC;
  return or_none(match);
}

// ---- except* ----------------------------------------------------------------

// check_except_star_type_valid: classes deriving from BaseException, and
// no exception group types.
static bool check_star_type(AwVM *vm, AwValue type) {
  AwValue *items = &type;
  int64_t n = 1;
  if (AW_IS_TUPLE(type)) {
    items = AW_AS_TUPLE(type)->items;
    n = AW_AS_TUPLE(type)->len;
  }
  for (int64_t i = 0; i < n; i++) {
    if (!AW_IS_CLASS(items[i]) || !aw_is_subclass(AW_AS_CLASS(items[i]), AW_EXCCLS(vm, BaseException))) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "catching classes that do not inherit from BaseException is not allowed");
      return false;
    }
  }
  for (int64_t i = 0; i < n; i++) {
    if (aw_is_subclass(AW_AS_CLASS(items[i]), AW_EXCCLS(vm, BaseExceptionGroup))) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return false;
    }
  }
  return true;
}

AwValue aw_exc_group_split(AwVM *vm, AwValue eg, AwValue matcher, AwValue *rest) {
  *rest = AW_NONE;
  if (!check_star_type(vm, matcher)) return AW_EXC;
  if (AW_IS_NONE(eg) || AW_IS_UNDEF(eg)) return AW_NONE;
  int r = aw_exc_matches(vm, eg, matcher);
  if (r < 0) return AW_EXC;
  if (r) {
    if (aw_exc_is_group(vm, eg)) return eg;
    // A naked exception is wrapped in ExceptionGroup("", (exc,)), with no
    // traceback of its own in 3.11 (3.12 adds the current frame).
    AwValue excs = aw_tuple_pack(vm, 1, eg);
    if (AW_IS_EXC(excs)) return AW_EXC;
    return aw_exc_group_new(vm, "", excs);
  }
  if (!aw_exc_is_group(vm, eg)) return AW_NONE;
  AwValue pair = aw_call_method(vm, eg, aw_str_intern(vm, "split", 5), 1, &matcher);
  if (AW_IS_EXC(pair)) return AW_EXC;
  if (!AW_IS_TUPLE(pair))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.split must return a tuple, not %s", aw_type_name(vm, eg),
                     aw_type_name(vm, pair));
  if (AW_AS_TUPLE(pair)->len != 2)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.split must return a 2-tuple, got tuple of size %lld",
                     aw_type_name(vm, eg), (long long)AW_AS_TUPLE(pair)->len);
  *rest = AW_AS_TUPLE(pair)->items[1];
  return AW_AS_TUPLE(pair)->items[0];
}

static bool collect_leaves(AwVM *vm, AwValue exc, AwList *ids, int depth) {
  if (AW_IS_NONE(exc) || depth > 500) return true;
  if (!aw_exc_is_group(vm, exc)) return aw_list_append(vm, ids, exc);
  AwTuple *t = aw_exc_group_items(vm, exc);
  for (int64_t i = 0; t && i < t->len; i++)
    if (!collect_leaves(vm, t->items[i], ids, depth + 1)) return false;
  return true;
}

// CPython 3.11's is_same_exception_metadata. It also compares a notes
// member that 3.11 never fills (notes live in __dict__ there), so notes
// do not count: a re-raised part whose notes were copied still matches.
static bool same_metadata(AwValue a, AwValue b) {
  AwException *x = AW_AS_EXCEPTION(a), *y = AW_AS_EXCEPTION(b);
  return aw_value_is(x->traceback, y->traceback) && aw_value_is(x->cause, y->cause) &&
         aw_value_is(x->context, y->context);
}

AwValue aw_exc_prep_reraise_star(AwVM *vm, AwValue orig, AwValue excs_list) {
  if (!AW_IS_LIST(excs_list)) return aw_raisef(vm, AW_EXCCLS(vm, SystemError), "PREP_RERAISE_STAR: not a list");
  AwList *excs = AW_AS_LIST(excs_list);
  if (excs->len == 0) return AW_NONE;
  // A naked exception was caught and wrapped: only one clause ran.
  if (!aw_exc_is_group(vm, orig)) return excs->items[0];
  AwList *raised = aw_list_new(vm, 4), *reraised = raised ? aw_list_new(vm, 4) : NULL;
  if (!reraised) return AW_EXC;
  for (int64_t i = 0; i < excs->len; i++) {
    AwValue e = excs->items[i];
    if (!AW_IS_EXCEPTION(e)) continue;
    if (!aw_list_append(vm, same_metadata(e, orig) ? reraised : raised, e)) return AW_EXC;
  }
  // The re-raised leaves, projected onto orig's structure.
  Matcher m = {MATCH_IDS, AW_NONE, aw_list_new(vm, 8), NULL};
  if (!m.ids) return AW_EXC;
  for (int64_t i = 0; i < reraised->len; i++)
    if (!collect_leaves(vm, reraised->items[i], m.ids, 0)) return AW_EXC;
  aw_push_root(vm, AW_OBJ(raised));
  AwValue match, rest;
  bool ok = split_rooted(vm, &m, orig, false, &match, &rest);
  aw_pop_root(vm);
  if (!ok) return AW_EXC;
  if (raised->len == 0) return or_none(match);
  if (!AW_IS_UNDEF(match) && !aw_list_append(vm, raised, match)) return AW_EXC;
  if (raised->len == 1) return raised->items[0];
  return aw_exc_group_new(vm, "", AW_OBJ(raised));
}

bool aw_exc_group_init_classes(AwVM *vm) {
  AwClass *cls = AW_EXCCLS(vm, BaseExceptionGroup);
  return aw_class_add_native(vm, cls, "__new__", group_new, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, cls, "__init__", group_init, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, cls, "__str__", group_str, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, cls, "derive", group_derive, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, cls, "split", group_split, AW_NATIVE_METHOD) &&
         aw_class_add_native(vm, cls, "subgroup", group_subgroup, AW_NATIVE_METHOD);
}

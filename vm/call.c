// vm/call.c -- calling any callable from C (aw_call and friends), the
// f(*args, **kwargs) form, and argument parsing for natives. Frame-to-frame
// calls made by bytecode are handled inside interp.c without recursion.
#include <string.h>
#include "vm/interp.h"

static AwValue call_function(AwVM *vm, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw) {
  AwProto *p = fn->proto;
  if (p->flags & (AW_CODE_GENERATOR | AW_CODE_COROUTINE | AW_CODE_ASYNC_GEN))
    return aw_make_generator(vm, fn, argc, argv, kw);
  if ((vm->gc_requested || vm->interrupt) && !aw_interp_safepoint(vm)) return AW_EXC;
  AwFrame *f = aw_frame_push(vm, p, fn, fn->globals);
  if (!f) return AW_EXC;
  if (!aw_frame_bind_args(vm, f, argc, argv, kw)) {
    aw_frame_pop(vm, f);
    return AW_EXC;
  }
  return aw_run_frame(vm, f);
}

// Calls [fn] with [self] prepended to the arguments. A bound native (one
// that carries its own self) is called through its C function directly.
static AwValue call_prepending(AwVM *vm, AwValue fn, AwValue self, int argc, AwValue *argv, AwTuple *kw) {
  int total = argc + (kw ? (int)kw->len : 0);
  AwValue small[16];
  AwValue *args = small;
  size_t bytes = sizeof(AwValue) * (size_t)(total + 1);
  if (total + 1 > 16 && !(args = aw_mem_alloc(vm, bytes))) return AW_EXC;
  args[0] = self;
  if (total) memcpy(args + 1, argv, sizeof(AwValue) * (size_t)total);
  aw_push_root(vm, self);
  aw_push_root(vm, fn);
  AwValue r;
  if (AW_IS_KIND(fn, AW_OBJ_NATIVE) && !AW_IS_UNDEF(((AwNative *)AW_AS_OBJ(fn))->self))
    r = ((AwNative *)AW_AS_OBJ(fn))->fn(vm, argc + 1, args, kw);
  else
    r = aw_call(vm, fn, argc + 1, args, kw);
  aw_pop_root(vm);
  aw_pop_root(vm);
  if (args != small) aw_mem_free(vm, args, bytes);
  return r;
}

AwValue aw_call(AwVM *vm, AwValue callable, int argc, AwValue *argv, AwTuple *kw) {
  if (!AW_IS_OBJ(callable)) goto not_callable;
  switch (AW_AS_OBJ(callable)->kind) {
    case AW_OBJ_FUNCTION:
      return call_function(vm, (AwFunction *)AW_AS_OBJ(callable), argc, argv, kw);
    case AW_OBJ_NATIVE: {
      AwNative *n = (AwNative *)AW_AS_OBJ(callable);
      if (!AW_IS_UNDEF(n->self)) return call_prepending(vm, callable, n->self, argc, argv, kw) ;
      return n->fn(vm, argc, argv, kw);
    }
    case AW_OBJ_BOUND: {
      AwBound *b = (AwBound *)AW_AS_OBJ(callable);
      return call_prepending(vm, b->func, b->self, argc, argv, kw);
    }
    case AW_OBJ_CLASS:
      return aw_call_class(vm, AW_AS_CLASS(callable), argc, argv, kw);
    default: break;
  }
  {
    AwValue call = aw_lookup_special(vm, callable, AW_N(vm, call));
    if (!AW_IS_UNDEF(call)) return call_prepending(vm, call, callable, argc, argv, kw);
  }
not_callable:
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not callable", aw_type_name(vm, callable));
}

AwValue aw_call_method(AwVM *vm, AwValue self, AwValue name, int argc, AwValue *argv) {
  AwValue meth, obj;
  if (!aw_load_method(vm, self, name, &meth, &obj)) return AW_EXC;
  if (AW_IS_UNDEF(meth)) return aw_call(vm, obj, argc, argv, NULL);
  aw_push_root(vm, meth);
  AwValue r = call_prepending(vm, meth, obj, argc, argv, NULL);
  aw_pop_root(vm);
  return r;
}

AwValue aw_call_special(AwVM *vm, AwValue v, AwValue name, int argc, AwValue *argv) {
  AwValue m = aw_lookup_special(vm, v, name);
  if (AW_IS_UNDEF(m)) return AW_UNDEF;
  if (AW_IS_KIND(m, AW_OBJ_NATIVE) && AW_IS_UNDEF(((AwNative *)AW_AS_OBJ(m))->self) &&
      !(((AwNative *)AW_AS_OBJ(m))->flags & (AW_NATIVE_STATIC | AW_NATIVE_CLASSMETHOD | AW_NATIVE_GETTER))) {
    AwValue small[8];
    if (argc < 8) {
      small[0] = v;
      if (argc) memcpy(small + 1, argv, sizeof(AwValue) * (size_t)argc);
      return ((AwNative *)AW_AS_OBJ(m))->fn(vm, argc + 1, small, NULL);
    }
  }
  if (AW_IS_KIND(m, AW_OBJ_FUNCTION) || AW_IS_KIND(m, AW_OBJ_NATIVE)) {
    if (AW_IS_KIND(m, AW_OBJ_NATIVE) && (((AwNative *)AW_AS_OBJ(m))->flags & AW_NATIVE_STATIC))
      return aw_call(vm, m, argc, argv, NULL);
    return call_prepending(vm, m, v, argc, argv, NULL);
  }
  AwValue bound = aw_descr_get(vm, m, v, AW_OBJ(aw_type_of(vm, v)));
  if (AW_IS_EXC(bound)) return bound;
  if (AW_IS_NONE(bound))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not callable", "NoneType");
  aw_push_root(vm, bound);
  AwValue r = aw_call(vm, bound, argc, argv, NULL);
  aw_pop_root(vm);
  return r;
}

bool aw_is_callable(AwVM *vm, AwValue v) {
  if (!AW_IS_OBJ(v)) return false;
  switch (AW_AS_OBJ(v)->kind) {
    case AW_OBJ_FUNCTION:
    case AW_OBJ_NATIVE:
    case AW_OBJ_BOUND:
    case AW_OBJ_CLASS: return true;
    default: return !AW_IS_UNDEF(aw_lookup_special(vm, v, AW_N(vm, call)));
  }
}

// ---- f(*args, **kwargs) --------------------------------------------------

static const char *callable_name(AwVM *vm, AwValue f, char *buf, size_t cap) {
  AwValue q = AW_UNDEF;
  if (AW_IS_KIND(f, AW_OBJ_FUNCTION)) q = ((AwFunction *)AW_AS_OBJ(f))->qualname;
  else if (AW_IS_KIND(f, AW_OBJ_BOUND)) {
    AwValue fn = ((AwBound *)AW_AS_OBJ(f))->func;
    if (AW_IS_KIND(fn, AW_OBJ_FUNCTION)) q = ((AwFunction *)AW_AS_OBJ(fn))->qualname;
  } else if (AW_IS_KIND(f, AW_OBJ_NATIVE)) {
    snprintf(buf, cap, "%s()", ((AwNative *)AW_AS_OBJ(f))->name);
    return buf;
  } else if (AW_IS_CLASS(f)) {
    q = AW_AS_CLASS(f)->name;
  }
  if (AW_IS_STR(q)) snprintf(buf, cap, "%s()", AW_AS_STR(q)->data);
  else snprintf(buf, cap, "%s object", aw_type_name(vm, f));
  return buf;
}

bool aw_dict_merge_from(AwVM *vm, AwDict *d, AwValue src, bool for_call, AwValue func) {
  char nbuf[128];
  if (AW_IS_DICT(src)) {
    AwDict *s = AW_AS_DICT(src);
    int64_t pos = 0;
    AwValue k, v;
    while (aw_dict_next(s, &pos, &k, &v)) {
      if (for_call) {
        if (!AW_IS_STR(k)) {
          aw_raisef(vm, AW_EXCCLS(vm, TypeError), "keywords must be strings");
          return false;
        }
        AwValue old;
        int r = aw_dict_get(vm, d, k, &old);
        if (r < 0) return false;
        if (r > 0) {
          aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s got multiple values for keyword argument '%s'",
                    callable_name(vm, func, nbuf, sizeof nbuf), AW_AS_STR(k)->data);
          return false;
        }
      }
      if (!aw_dict_set(vm, d, k, v)) return false;
    }
    return true;
  }
  AwValue keys_fn = aw_getattr_opt(vm, src, AW_N(vm, keys));
  if (AW_IS_EXC(keys_fn)) return false;
  if (AW_IS_UNDEF(keys_fn)) {
    if (for_call)
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s argument after ** must be a mapping, not %s",
                callable_name(vm, func, nbuf, sizeof nbuf), aw_type_name(vm, src));
    else
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not a mapping", aw_type_name(vm, src));
    return false;
  }
  aw_push_root(vm, keys_fn);
  AwValue keys = aw_call(vm, keys_fn, 0, NULL, NULL);
  aw_pop_root(vm);
  if (AW_IS_EXC(keys)) return false;
  aw_push_root(vm, keys);
  AwList *kl = aw_list_from_iterable(vm, keys);
  aw_pop_root(vm);
  if (!kl) return false;
  aw_push_root(vm, AW_OBJ(kl));
  bool ok = true;
  for (int64_t i = 0; ok && i < kl->len; i++) {
    AwValue k = kl->items[i];
    if (for_call && !AW_IS_STR(k)) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "keywords must be strings");
      ok = false;
      break;
    }
    AwValue v = aw_getitem(vm, src, k);
    if (AW_IS_EXC(v)) { ok = false; break; }
    if (for_call) {
      AwValue old;
      int r = aw_dict_get(vm, d, k, &old);
      if (r != 0) {
        if (r > 0)
          aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s got multiple values for keyword argument '%s'",
                    callable_name(vm, func, nbuf, sizeof nbuf), AW_AS_STR(k)->data);
        ok = false;
        break;
      }
    }
    ok = aw_dict_set(vm, d, k, v);
  }
  aw_pop_root(vm);
  return ok;
}

AwList *aw_call_ex_args(AwVM *vm, AwValue *argv, int argc) {
  AwList *l = vm->ex_args;
  if (!l || l->items != argv || l->len != argc) return NULL;
  vm->ex_args = NULL;  // one taker
  return l;
}

AwValue aw_call_ex(AwVM *vm, AwValue callable, AwValue posargs, AwValue kwargs) {
  char nbuf[128];
  AwValue tuple = posargs;
  if (!AW_IS_TUPLE(posargs) && !AW_IS_LIST(posargs)) {
    if (!aw_is_iterable(vm, posargs))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s argument after * must be an iterable, not %s",
                       callable_name(vm, callable, nbuf, sizeof nbuf), aw_type_name(vm, posargs));
    AwList *l = aw_list_from_iterable(vm, posargs);
    if (!l) return AW_EXC;
    tuple = AW_OBJ(l);
  }
  aw_push_root(vm, tuple);
  int64_t npos = AW_IS_TUPLE(tuple) ? AW_AS_TUPLE(tuple)->len : AW_AS_LIST(tuple)->len;
  AwValue *pitems = AW_IS_TUPLE(tuple) ? AW_AS_TUPLE(tuple)->items : AW_AS_LIST(tuple)->items;
  AwValue result = AW_EXC;
  AwDict *kwd = NULL;
  if (!AW_IS_UNDEF(kwargs) && !(AW_IS_DICT(kwargs) && AW_AS_DICT(kwargs)->len == 0)) {
    if (AW_IS_DICT(kwargs)) {
      kwd = AW_AS_DICT(kwargs);
    } else {
      kwd = aw_dict_new(vm);
      if (!kwd) goto done;
      aw_push_root(vm, AW_OBJ(kwd));
      bool ok = aw_dict_merge_from(vm, kwd, kwargs, true, callable);
      aw_pop_root(vm);
      if (!ok) goto done;
    }
  }
  int64_t nkw = kwd ? kwd->len : 0;
  if (nkw == 0 && AW_IS_LIST(tuple)) {
    // The argument list CALL_FUNCTION_EX built (a list reaches here from
    // nowhere else): the callee may use, even overwrite, its items, or
    // keep the list (aw_call_ex_args).
    AwList *prev = vm->ex_args;
    vm->ex_args = AW_AS_LIST(tuple);
    result = aw_call(vm, callable, (int)npos, pitems, NULL);
    vm->ex_args = prev;
    goto done;
  }
  size_t bytes = sizeof(AwValue) * (size_t)(npos + nkw + 1);
  AwValue *args = aw_mem_alloc(vm, bytes);
  if (!args) goto done;
  if (npos) memcpy(args, pitems, sizeof(AwValue) * (size_t)npos);
  AwTuple *names = NULL;
  if (nkw) {
    names = aw_tuple_new(vm, nkw);
    if (!names) {
      aw_mem_free(vm, args, bytes);
      goto done;
    }
    int64_t pos = 0, i = 0;
    AwValue k, v;
    while (aw_dict_next(kwd, &pos, &k, &v)) {
      if (!AW_IS_STR(k)) {
        aw_mem_free(vm, args, bytes);
        aw_raisef(vm, AW_EXCCLS(vm, TypeError), "keywords must be strings");
        goto done;
      }
      names->items[i] = k;
      args[npos + i] = v;
      i++;
    }
    aw_push_root(vm, AW_OBJ(names));
  }
  if (kwd) aw_push_root(vm, AW_OBJ(kwd));
  result = aw_call(vm, callable, (int)npos, args, names);
  if (kwd) aw_pop_root(vm);
  if (names) aw_pop_root(vm);
  aw_mem_free(vm, args, bytes);
done:
  aw_pop_root(vm);
  return result;
}

// ---- argument parsing for natives --------------------------------------------

bool aw_check_argc(AwVM *vm, const char *fname, int argc, AwTuple *kwnames, int min, int max) {
  if (kwnames && kwnames->len) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no keyword arguments", fname);
    return false;
  }
  if (argc >= min && argc <= max) return true;
  if (min == max)
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes exactly %d argument%s (%d given)", fname, min,
              min == 1 ? "" : "s", argc);
  else if (argc < min)
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at least %d argument%s, got %d", fname, min,
              min == 1 ? "" : "s", argc);
  else
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at most %d argument%s, got %d", fname, max,
              max == 1 ? "" : "s", argc);
  return false;
}

bool aw_parse_args(AwVM *vm, const char *fname, int argc, AwValue *argv, AwTuple *kwnames, int required,
                   const char *const *names, AwValue *out) {
  int nparams = 0;
  while (names[nparams]) nparams++;
  for (int i = 0; i < nparams; i++) out[i] = AW_UNDEF;
  if (argc > nparams) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes at most %d argument%s (%d given)", fname, nparams,
              nparams == 1 ? "" : "s", argc);
    return false;
  }
  for (int i = 0; i < argc; i++) out[i] = argv[i];
  int nkw = kwnames ? (int)kwnames->len : 0;
  for (int k = 0; k < nkw; k++) {
    AwStr *kn = AW_AS_STR(kwnames->items[k]);
    int at = -1;
    for (int i = 0; i < nparams; i++)
      if (names[i][0] && !strcmp(names[i], kn->data)) at = i;
    if (at < 0) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() got an unexpected keyword argument '%s'", fname, kn->data);
      return false;
    }
    if (!AW_IS_UNDEF(out[at])) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "argument for %s() given by name ('%s') and position (%d)", fname,
                kn->data, at + 1);
      return false;
    }
    out[at] = argv[argc + k];
  }
  for (int i = 0; i < required; i++)
    if (AW_IS_UNDEF(out[i])) {
      if (names[i][0])
        aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() missing required argument '%s' (pos %d)", fname, names[i],
                  i + 1);
      else
        aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes at least %d positional argument%s (%d given)", fname,
                  required, required == 1 ? "" : "s", argc);
      return false;
    }
  return true;
}

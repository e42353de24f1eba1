// vm/interp.c -- the dispatch loop. aw_interp_run executes frames until its
// entry frame returns, a generator chain yields out of it, or an exception
// escapes it. Calls between script functions, and SEND into a script
// generator or coroutine, switch frames inside this one C call: the C stack
// does not grow with script recursion or await depth (frame.h explains the
// SEND link). Natives and dunders re-enter through aw_call.
#include <math.h>
#include <string.h>
#include "vm/frame.h"
#include "lang/ast.h"
#include "vm/loop.h"

#if defined(__GNUC__) || defined(__clang__)
#define AW_COMPUTED_GOTO 1
#endif

// ---- small helpers used by the loop ---------------------------------------

static AwValue name_error(AwVM *vm, AwValue name) {
  return aw_raisef(vm, AW_EXCCLS(vm, NameError), "name '%s' is not defined", AW_AS_STR(name)->data);
}

static AwValue unbound_local(AwVM *vm, AwValue name) {
  return aw_raisef(vm, AW_EXCCLS(vm, UnboundLocalError),
                   "cannot access local variable '%s' where it is not associated with a value",
                   AW_AS_STR(name)->data);
}

static AwValue cell_name(AwProto *p, uint32_t i) {
  return i < (uint32_t)p->ncells ? p->cellvars[i] : p->freevars[i - (uint32_t)p->ncells];
}

static AwValue unbound_deref(AwVM *vm, AwProto *p, uint32_t i) {
  if (i < (uint32_t)p->ncells) return unbound_local(vm, cell_name(p, i));
  return aw_raisef(vm, AW_EXCCLS(vm, NameError),
                   "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                   AW_AS_STR(cell_name(p, i))->data);
}

// Looks a name up in globals then builtins; UNDEF when absent.
static inline AwValue load_global(AwVM *vm, AwDict *globals, AwValue name) {
  AwValue v = aw_dict_get_str(globals, name);
  if (AW_IS_UNDEF(v)) v = aw_dict_get_str(vm->builtins, name);
  return v;
}

// ---- inline caches ------------------------------------------------------------
// The compiler leaves room after a proto's names[] for one NameCache per
// name (lang/compiler.c, assemble): LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR and
// LOAD_METHOD of names[i] use record i. The GC does not see the records:
// they hold dict entry numbers checked against the entry's key on every
// hit, and class pointers that are only compared with a live object's
// class (or belong to built-in classes, which live as long as the VM), so
// a stale record only costs a lookup (pcls is checked with its serial too).
typedef struct {
  AwDict *gdict;     // the globals dict in which the name was absent ...
  uint32_t gversion; // ... at this version, when gix points into builtins
  int32_t gix;       // entry + 1 in globals, -(entry + 1) in builtins, 0 none
  // LOAD_METHOD on instances of a core built-in class (whose dict never
  // changes): the native method found on [mcls]. The class dict keeps it alive.
  AwClass *mcls;
  AwObj *meth;
  // Instances of user classes: LOAD_METHOD found the name in the entry
  // [uix] of ucls's own dict (checked against the key on use); [aix] + 1
  // is where the name was in the last instance dict (a hint, checked);
  // [objabs] says whether object's dict (which never changes) lacks the
  // name: 0 not known yet, 1 lacks it, 2 has it.
  AwClass *ucls;
  int32_t uix;
  int32_t aix;
  // Instances of a user class [pcls] (made with [pserial]) whose class and
  // base dicts were at versions [pv0], [pv1] (a base that is object has no
  // version: its dict never changes), as chain_fill found them: whether
  // the name is a plain attribute for loading ([pget]) and for storing
  // ([pset]); and where a LOAD_METHOD finds it: entry [pmix] of the class
  // dict (pmdepth 0) or of the base's (1), or nowhere in them (2).
  AwClass *pcls;
  uint32_t pserial, pv0, pv1;
  int32_t pmix;
  uint8_t pget, pset, pmdepth;
  uint8_t objabs;
  // Modules: whether the module class's chain (built-in, never changes)
  // lacks the name (same encoding as objabs), so module.name is the
  // module dict's.
  uint8_t modabs;
} NameCache;
_Static_assert(sizeof(NameCache) <= 5 * sizeof(AwValue), "five value slots per name");

static inline NameCache *name_cache(AwProto *p, uint32_t i) {
  if (p->cap_names != 6 * p->nnames) return NULL;
  return (NameCache *)(p->names + p->nnames) + i;
}

static inline bool entry_has_key(AwDict *d, int64_t ix, AwValue name) {
  return ix < d->used && d->entries[ix].key.as.o == AW_AS_OBJ(name) && d->entries[ix].key.tag == AW_T_OBJ;
}

// Instances of the core built-in containers: no instance dict, and a
// class that lives as long as the VM and never changes (LOAD_METHOD's
// cache relies on both).
static bool is_core_container(AwVM *vm, AwObj *o) {
  switch (o->kind) {
    case AW_OBJ_STR: return aw_obj_class(vm, o) == AW_CLS(vm, str);
    case AW_OBJ_BYTES: return aw_obj_class(vm, o) == AW_CLS(vm, bytes);
    case AW_OBJ_TUPLE: return aw_obj_class(vm, o) == AW_CLS(vm, tuple);
    case AW_OBJ_LIST: return aw_obj_class(vm, o) == AW_CLS(vm, list);
    case AW_OBJ_DICT: return aw_obj_class(vm, o) == AW_CLS(vm, dict);
    case AW_OBJ_SET: return aw_obj_class(vm, o) == AW_CLS(vm, set) || aw_obj_class(vm, o) == AW_CLS(vm, frozenset);
    default: return false;
  }
}

// True when no class on [cls]'s chain defines [name] (nor, with
// [no_setattr], __setattr__), so that for an instance of [cls] the name is
// an instance dict entry or missing: what aw_getattr/aw_setattr would
// find after their class lookups. User classes of plain instances derive
// from object only through user classes; object's dict never changes, so
// the answer for it is kept in the cache.
static bool attr_is_plain_uncached(AwVM *vm, AwClass *cls, AwValue name, NameCache *c, bool no_setattr) {
  for (AwClass *k = cls; k; k = k->base) {
    if (k->is_builtin) {
      if (k != AW_CLS(vm, object)) return false;
      if (!c->objabs) c->objabs = aw_dict_str_index(k->dict, name) < 0 ? 1 : 2;
      return c->objabs == 1;
    }
    if (aw_dict_str_index(k->dict, name) >= 0) return false;
    if (no_setattr && aw_dict_str_index(k->dict, AW_N(vm, setattr)) >= 0) return false;
  }
  return false;
}

// True when [c]'s chain record describes user class [cls] as it is now.
// Dict versions change on every insert and delete, so the presence of
// names in the class and its base is as recorded (values may differ: hits
// read them from the dict entries).
static inline bool chain_valid(AwClass *cls, NameCache *c) {
  return c->pcls == cls && c->pserial == cls->serial && cls->dict->version == c->pv0 &&
         (cls->base->is_builtin || cls->base->dict->version == c->pv1);
}

// Fills [c]'s chain record for instances of [cls]: only for a user class
// whose base is object or a user class deriving from object directly.
static bool chain_fill(AwVM *vm, AwClass *cls, AwValue name, NameCache *c) {
  if (cls->is_builtin) return false;
  AwClass *base = cls->base, *object = AW_CLS(vm, object);
  if (base != object && (base->is_builtin || base->base != object)) return false;
  bool user_base = base != object;
  int64_t i0 = aw_dict_str_index(cls->dict, name);
  int64_t i1 = user_base ? aw_dict_str_index(base->dict, name) : -1;
  if (i0 >= INT32_MAX || i1 >= INT32_MAX) return false;
  bool in_object = aw_dict_str_index(object->dict, name) >= 0;
  bool setattr = aw_dict_str_index(cls->dict, AW_N(vm, setattr)) >= 0 ||
                 (user_base && aw_dict_str_index(base->dict, AW_N(vm, setattr)) >= 0);
  c->pget = i0 < 0 && i1 < 0 && !in_object;
  c->pset = c->pget && !setattr;
  c->pmdepth = i0 >= 0 ? 0 : i1 >= 0 ? 1 : 2;
  c->pmix = (int32_t)(i0 >= 0 ? i0 : i1);
  c->pcls = cls;
  c->pserial = cls->serial;
  c->pv0 = cls->dict->version;
  c->pv1 = user_base ? base->dict->version : 0;
  return true;
}

static inline bool attr_is_plain(AwVM *vm, AwClass *cls, AwValue name, NameCache *c, bool no_setattr) {
  if (no_setattr && (cls->slot_flags & AW_CLS_NO_NEW_ATTRS)) return false;  // aw_setattr checks
  if (!chain_valid(cls, c) && !chain_fill(vm, cls, name, c))
    return attr_is_plain_uncached(vm, cls, name, c, no_setattr);
  return no_setattr ? c->pset : c->pget;
}

// True when [m] is a plain module and no class on its class's chain
// defines [name]: then aw_getattr finds module.name in the module's dict
// (or raises).
static inline bool module_attr_plain(AwVM *vm, AwObj *m, AwValue name, NameCache *c) {
  if (aw_obj_class(vm, m) != AW_CLS(vm, module)) return false;
  if (!c->modabs) {
    c->modabs = 1;
    for (AwClass *k = aw_obj_class(vm, m); k; k = k->base)
      if (aw_dict_str_index(k->dict, name) >= 0) c->modabs = 2;
  }
  return c->modabs == 1;
}

// The entry of [name] in instance dict [d], trying the cached hint first.
static inline int64_t instance_entry(AwDict *d, AwValue name, NameCache *c) {
  int64_t ix = (int64_t)c->aix - 1;
  if (ix >= 0 && entry_has_key(d, ix, name)) return ix;
  ix = aw_dict_str_index(d, name);
  if (ix >= 0 && ix < INT32_MAX) c->aix = (int32_t)(ix + 1);
  return ix;
}

// LOAD_GLOBAL without a cache hit: looks up and fills the cache.
static AwValue load_global_slow(AwVM *vm, AwDict *globals, AwValue name, NameCache *c) {
  int64_t ix = aw_dict_str_index(globals, name);
  if (ix >= 0) {
    if (c && ix < INT32_MAX) c->gix = (int32_t)(ix + 1);
    return globals->entries[ix].value;
  }
  ix = aw_dict_str_index(vm->builtins, name);
  if (ix < 0) return AW_UNDEF;
  if (c && ix < INT32_MAX) {
    c->gdict = globals;
    c->gversion = globals->version;
    c->gix = (int32_t)(-ix - 1);
  }
  return vm->builtins->entries[ix].value;
}

static AwValue format_value(AwVM *vm, AwValue v, uint32_t flags, AwValue spec) {
  int conv = flags & 3;
  if (conv == 1 || conv == 2 || conv == 3) {
    AwStr *s = conv == 1 ? aw_to_str(vm, v) : aw_repr(vm, v);
    if (!s) return AW_EXC;
    v = AW_OBJ(s);
    if (conv == 3) v = aw_ascii_of_str(vm, v);
    if (AW_IS_EXC(v)) return v;
  }
  if (!(flags & 4) && AW_IS_STR(v)) return v;
  return aw_format(vm, v, (flags & 4) ? spec : vm->empty_str);
}

// UNPACK_SEQUENCE / UNPACK_EX: writes the items to dst[0..n) in order.
static bool unpack_iterable(AwVM *vm, AwValue seq, int before, int after, bool starred,
                            AwValue *dst) {
  int want = before + after;
  if (!starred && (AW_IS_TUPLE(seq) || AW_IS_LIST(seq))) {
    int64_t len = AW_IS_TUPLE(seq) ? AW_AS_TUPLE(seq)->len : AW_AS_LIST(seq)->len;
    AwValue *items = AW_IS_TUPLE(seq) ? AW_AS_TUPLE(seq)->items : AW_AS_LIST(seq)->items;
    if (len == want) {
      if (want) memcpy(dst, items, (size_t)want * sizeof(AwValue));
      return true;
    }
    if (len < want)
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "not enough values to unpack (expected %d, got %lld)", want,
                (long long)len);
    else
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "too many values to unpack (expected %d)", want);
    return false;
  }
  AwValue it = aw_get_iter(vm, seq);
  if (AW_IS_EXC(it)) {
    if (aw_exc_pending_is(vm, AW_EXCCLS(vm, TypeError)) && !aw_is_iterable(vm, seq)) {
      aw_exc_take(vm);
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot unpack non-iterable %s object", aw_type_name(vm, seq));
    }
    return false;
  }
  aw_push_root(vm, it);
  bool ok = false;
  int got = 0;
  for (; got < before; got++) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) goto done;
    if (AW_IS_UNDEF(v)) {
      if (starred)
        aw_raisef(vm, AW_EXCCLS(vm, ValueError), "not enough values to unpack (expected at least %d, got %d)",
                  want, got);
      else
        aw_raisef(vm, AW_EXCCLS(vm, ValueError), "not enough values to unpack (expected %d, got %d)", want, got);
      goto done;
    }
    dst[got] = v;
  }
  if (!starred) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v)) goto done;
    if (!AW_IS_UNDEF(v)) {
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "too many values to unpack (expected %d)", want);
      goto done;
    }
    ok = true;
    goto done;
  }
  AwList *rest = aw_list_new(vm, 0);
  if (!rest) goto done;
  dst[before] = AW_OBJ(rest);
  aw_push_root(vm, AW_OBJ(rest));
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_EXC(v) || (!AW_IS_UNDEF(v) && !aw_list_append(vm, rest, v))) {
      aw_pop_root(vm);
      goto done;
    }
    if (AW_IS_UNDEF(v)) break;
  }
  aw_pop_root(vm);
  if (rest->len < after) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "not enough values to unpack (expected at least %d, got %lld)",
              want, (long long)(before + rest->len));
    goto done;
  }
  for (int i = 0; i < after; i++) dst[before + 1 + i] = rest->items[rest->len - after + i];
  rest->len -= after;
  ok = true;
done:
  aw_pop_root(vm);
  return ok;
}

// Unpacking writes items above the stack top while it may run script code
// (a GC safepoint): clear those slots and count them as live.
static void root_scratch(AwFrame *f, AwValue *sp, int n) {
  for (int i = 0; i < n; i++) sp[i] = AW_NONE;
  f->sp = sp + n;
}

// The unpacked items were written in order just above the sequence at
// sp[-1]; replace the sequence with them, first item on top.
static AwValue *place_unpacked(AwValue *sp, int n) {
  AwValue *tmp = sp;
  for (int i = 0, j = n - 1; i < j; i++, j--) {
    AwValue t = tmp[i];
    tmp[i] = tmp[j];
    tmp[j] = t;
  }
  memmove(sp - 1, tmp, (size_t)n * sizeof(AwValue));
  return sp - 1 + n;
}

static bool exc_match_one(AwVM *vm, AwValue exc, AwValue type) {
  return AW_IS_CLASS(type) && aw_isinstance(vm, exc, AW_AS_CLASS(type));
}

// CHECK_EXC_MATCH: validates [type] as CPython does, then matches.
static int exc_matches(AwVM *vm, AwValue exc, AwValue type) {
  if (AW_IS_TUPLE(type)) {
    AwTuple *t = AW_AS_TUPLE(type);
    for (int64_t i = 0; i < t->len; i++)
      if (!AW_IS_CLASS(t->items[i]) || !aw_is_subclass(AW_AS_CLASS(t->items[i]), AW_EXCCLS(vm, BaseException)))
        goto bad;
    for (int64_t i = 0; i < t->len; i++)
      if (exc_match_one(vm, exc, t->items[i])) return 1;
    return 0;
  }
  if (!AW_IS_CLASS(type) || !aw_is_subclass(AW_AS_CLASS(type), AW_EXCCLS(vm, BaseException))) goto bad;
  return exc_match_one(vm, exc, type);
bad:
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

// RAISE_VARARGS with a cause.
static bool set_cause(AwVM *vm, AwValue exc, AwValue cause) {
  if (AW_IS_CLASS(cause)) {
    cause = aw_call(vm, cause, 0, NULL, NULL);
    if (AW_IS_EXC(cause)) return false;
  }
  if (!AW_IS_NONE(cause) && !AW_IS_EXCEPTION(cause)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "exception causes must derive from BaseException");
    return false;
  }
  AwException *e = AW_AS_EXCEPTION(exc);
  e->cause = cause;
  e->suppress_context = true;
  return true;
}

// Makes the exception object for `raise X`: instantiates a class.
static AwValue make_raisable(AwVM *vm, AwValue x) {
  if (AW_IS_CLASS(x) && aw_is_subclass(AW_AS_CLASS(x), AW_EXCCLS(vm, BaseException))) {
    AwValue e = aw_call(vm, x, 0, NULL, NULL);
    if (AW_IS_EXC(e)) return e;
    if (!AW_IS_EXCEPTION(e))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                       "calling %R should have returned an instance of BaseException, not %s", x,
                       aw_type_name(vm, e));
    return e;
  }
  if (AW_IS_EXCEPTION(x)) return x;
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "exceptions must derive from BaseException");
}

// BEFORE_WITH / BEFORE_ASYNC_WITH: [cm] -> exit bound, enter result.
static bool with_enter(AwVM *vm, AwValue cm, bool is_async, AwValue *exit_out, AwValue *enter_out) {
  AwValue enter_name = is_async ? AW_N(vm, aenter) : AW_N(vm, enter);
  AwValue exit_name = is_async ? AW_N(vm, aexit) : AW_N(vm, exit);
  AwValue enter = aw_lookup_special(vm, cm, enter_name);
  AwValue ex = aw_lookup_special(vm, cm, exit_name);
  if (AW_IS_UNDEF(enter) || AW_IS_UNDEF(ex)) {
    const char *what = is_async ? "asynchronous context manager" : "context manager";
    if (AW_IS_UNDEF(enter))
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object does not support the %s protocol", aw_type_name(vm, cm),
                what);
    else
      aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                "'%s' object does not support the %s protocol (missed __%sexit__ method)", aw_type_name(vm, cm), what,
                is_async ? "a" : "");
    return false;
  }
  AwValue bound = aw_bind_method(vm, ex, cm);
  if (AW_IS_EXC(bound)) return false;
  *exit_out = bound;
  aw_push_root(vm, bound);
  AwValue r = aw_call_special(vm, cm, enter_name, 0, NULL);
  aw_pop_root(vm);
  if (AW_IS_EXC(r)) return false;
  if (is_async) {
    r = aw_get_awaitable(vm, r, 1);
    if (AW_IS_EXC(r)) return false;
  }
  *enter_out = r;
  return true;
}

static AwValue call_exit_with(AwVM *vm, AwValue exit, AwValue exc) {
  AwValue args[3] = {AW_NONE, AW_NONE, AW_NONE};
  if (!AW_IS_UNDEF(exc) && !AW_IS_NONE(exc)) {
    args[0] = AW_OBJ(aw_type_of(vm, exc));
    args[1] = exc;
    args[2] = AW_IS_EXCEPTION(exc) ? AW_AS_EXCEPTION(exc)->traceback : AW_NONE;
  }
  return aw_call(vm, exit, 3, args, NULL);
}

// SEND into something that is not a linkable script generator: returns
// 1 yielded (*out = value), 0 returned (*out = value), -1 error.
static int send_generic(AwVM *vm, AwValue recv, AwValue v, AwValue *out) {
  if (AW_IS_KIND(recv, AW_OBJ_GENERATOR)) {
    AwResumeStatus st = aw_gen_resume(vm, (AwGen *)AW_AS_OBJ(recv), v, AW_UNDEF, out);
    return st == AW_RESUME_YIELD ? 1 : st == AW_RESUME_RETURN ? 0 : -1;
  }
  if (AW_IS_KIND(recv, AW_OBJ_NCORO)) {
    AwResumeStatus st = aw_ncoro_resume(vm, (AwNCoro *)AW_AS_OBJ(recv), v, AW_UNDEF, out);
    return st == AW_RESUME_YIELD ? 1 : st == AW_RESUME_RETURN ? 0 : -1;
  }
  AwValue r;
  if (AW_IS_NONE(v)) {
    if (AW_IS_KIND(recv, AW_OBJ_ITER)) {
      AwIter *it = (AwIter *)AW_AS_OBJ(recv);
      r = it->next(vm, it);
      if (AW_IS_UNDEF(r)) {
        *out = AW_NONE;
        return 0;
      }
    } else {
      r = aw_call_special(vm, recv, AW_N(vm, next), 0, NULL);
      if (AW_IS_UNDEF(r))
        r = aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not an iterator", aw_type_name(vm, recv));
    }
  } else {
    r = aw_call_method(vm, recv, AW_N(vm, send), 1, &v);
  }
  if (!AW_IS_EXC(r)) {
    *out = r;
    return 1;
  }
  if (aw_exc_pending_is(vm, AW_EXCCLS(vm, StopIteration))) {
    AwValue e = aw_exc_take(vm);
    *out = aw_stop_iteration_value(vm, e);
    return 0;
  }
  return -1;
}

static bool set_update_from(AwVM *vm, AwSet *s, AwValue iterable) {
  AwValue it = aw_get_iter(vm, iterable);
  if (AW_IS_EXC(it)) return false;
  aw_push_root(vm, it);
  bool ok = true;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(v)) break;
    if (AW_IS_EXC(v) || !aw_set_add(vm, s, v)) {
      ok = false;
      break;
    }
  }
  aw_pop_root(vm);
  return ok;
}

// The generator frame at the top of a SEND-linked chain.
static inline AwFrame *chain_root(AwFrame *f) { return (f->flags & AW_FRAME_SENDLINK) ? f->root : f; }

// Whether a value [f] yields goes straight to the running task: [f]'s
// chain is the task's own coroutine, resumed by the task.
static bool task_drives(AwVM *vm, AwFrame *f) {
  AwFrame *root = chain_root(f);
  if (!vm->loop || !AW_IS_KIND(vm->loop->current_task, AW_OBJ_FUTURE) || !(root->flags & AW_FRAME_GEN)) return false;
  AwFuture *t = (AwFuture *)AW_AS_OBJ(vm->loop->current_task);
  return t->coro == &aw_frame_gen(root)->obj && (root->flags & AW_FRAME_ENTRY);
}

// Links generator [g] under frame [f] for SEND: the chain keeps one root.
static void link_gen_frame(AwFrame *f, AwGen *g) {
  AwFrame *gf = aw_gen_frame(g);
  gf->caller = f;
  gf->flags |= AW_FRAME_SENDLINK;
  gf->flags &= ~AW_FRAME_ENTRY;
  gf->root = chain_root(f);
  g->state = AW_GEN_RUNNING;
}

// True if [g] can be resumed by switching frames (not running, no chain
// of its own below it, and its frame still exists).
static inline bool gen_linkable(AwGen *g) {
  return aw_gen_frame(g) && (g->state == AW_GEN_CREATED || g->state == AW_GEN_SUSPENDED) && g->resume_at == aw_gen_frame(g);
}

// ---- inline fast paths ------------------------------------------------------
// Each returns exactly what the generic operation (ops.c, ops_arith.c)
// would for the operand types it accepts, and declines (false / -1) for
// everything else, including every case that raises: the caller then runs
// the generic operation.

#define EXACT_DOUBLE_INT ((int64_t)1 << 53)   // ints that convert to double exactly

// BINARY_OP [op] on ints and floats.
static inline __attribute__((always_inline)) bool binop_fast(uint32_t op, AwValue a, AwValue b, AwValue *out) {
  op &= ~(uint32_t)AW_BINOP_INPLACE;
  if (a.tag == AW_T_INT && b.tag == AW_T_INT) {
    int64_t x = a.as.i, y = b.as.i, r;
    // + and - first: predictable branches beat the switch's indirect jump.
    if (op == AW_BINOP_ADD) {
      if (__builtin_add_overflow(x, y, &r)) return false;
      *out = AW_INT(r);
      return true;
    }
    if (op == AW_BINOP_SUB) {
      if (__builtin_sub_overflow(x, y, &r)) return false;
      *out = AW_INT(r);
      return true;
    }
    switch (op) {
      case AW_BINOP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return false;
        break;
      case AW_BINOP_MOD:
        if (y == 0) return false;
        if (y == -1) {  // INT64_MIN % -1 is undefined in C
          r = 0;
          break;
        }
        r = x % y;
        if (r != 0 && (r ^ y) < 0) r += y;  // the sign of the divisor
        break;
      case AW_BINOP_FLOORDIV:
        if (y == 0 || (x == INT64_MIN && y == -1)) return false;
        r = x / y;
        if (x % y != 0 && (x ^ y) < 0) r--;  // round toward -inf
        break;
      case AW_BINOP_DIV:
        if (y == 0 || x < -EXACT_DOUBLE_INT || x > EXACT_DOUBLE_INT || y < -EXACT_DOUBLE_INT ||
            y > EXACT_DOUBLE_INT)
          return false;
        *out = AW_FLOAT((double)x / (double)y);
        return true;
      case AW_BINOP_LSHIFT:
        if (y < 0 || y >= 64) return false;
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x) return false;
        break;
      case AW_BINOP_RSHIFT:
        if (y < 0) return false;
        r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
        break;
      case AW_BINOP_BITAND: r = x & y; break;
      case AW_BINOP_BITOR: r = x | y; break;
      case AW_BINOP_BITXOR: r = x ^ y; break;
      default: return false;
    }
    *out = AW_INT(r);
    return true;
  }
  double x, y;
  if (a.tag == AW_T_FLOAT) {
    x = a.as.f;
    if (b.tag == AW_T_FLOAT) y = b.as.f;
    else if (b.tag == AW_T_INT) y = (double)b.as.i;
    else return false;
  } else if (a.tag == AW_T_INT && b.tag == AW_T_FLOAT) {
    x = (double)a.as.i;
    y = b.as.f;
  } else {
    return false;
  }
  switch (op) {
    case AW_BINOP_ADD: *out = AW_FLOAT(x + y); return true;
    case AW_BINOP_SUB: *out = AW_FLOAT(x - y); return true;
    case AW_BINOP_MUL: *out = AW_FLOAT(x * y); return true;
    case AW_BINOP_DIV:
      if (y == 0.0) return false;
      *out = AW_FLOAT(x / y);
      return true;
    default: return false;
  }
}

static inline bool is_exact_str(AwVM *vm, AwValue v) {
  return AW_IS_STR(v) && aw_obj_class(vm, AW_AS_OBJ(v)) == AW_CLS(vm, str);
}

// BINARY_OP when binop_fast declined: str + str directly, else ops.c.
static AwValue binop_generic(AwVM *vm, uint32_t op, AwValue a, AwValue b) {
  if ((op & ~(uint32_t)AW_BINOP_INPLACE) == AW_BINOP_ADD && is_exact_str(vm, a) && is_exact_str(vm, b))
    return aw_str_concat(vm, a, b);
  return aw_binary_op(vm, (int)op, a, b);
}

static inline __attribute__((always_inline)) bool cmp_holds(uint32_t op, int c) {
  switch (op) {
    case AW_LT: return c < 0;
    case AW_LE: return c <= 0;
    case AW_EQ: return c == 0;
    case AW_NE: return c != 0;
    case AW_GT: return c > 0;
    default: return c >= 0;
  }
}

// COMPARE_OP [op] on numbers (ints beyond 2**53 against floats excepted)
// and exact strs: 1 true, 0 false, -1 declined.
static inline __attribute__((always_inline)) int compare_fast(AwVM *vm, uint32_t op, AwValue a, AwValue b) {
  if (AW_IS_INTLIKE(a) && AW_IS_INTLIKE(b)) {
    int64_t x = a.as.i, y = b.as.i;
    return cmp_holds(op, (x > y) - (x < y));
  }
  if (AW_IS_FLOAT(a) || AW_IS_FLOAT(b)) {
    double x, y;
    if (AW_IS_FLOAT(a)) x = a.as.f;
    else if (AW_IS_INTLIKE(a) && a.as.i >= -EXACT_DOUBLE_INT && a.as.i <= EXACT_DOUBLE_INT) x = (double)a.as.i;
    else return -1;
    if (AW_IS_FLOAT(b)) y = b.as.f;
    else if (AW_IS_INTLIKE(b) && b.as.i >= -EXACT_DOUBLE_INT && b.as.i <= EXACT_DOUBLE_INT) y = (double)b.as.i;
    else return -1;
    switch (op) {  // C's comparisons treat nan as Python does
      case AW_LT: return x < y;
      case AW_LE: return x <= y;
      case AW_EQ: return x == y;
      case AW_NE: return x != y;
      case AW_GT: return x > y;
      default: return x >= y;
    }
  }
  if (is_exact_str(vm, a) && is_exact_str(vm, b)) {
    if (op == AW_EQ) return aw_str_eq(AW_AS_STR(a), AW_AS_STR(b));
    if (op == AW_NE) return !aw_str_eq(AW_AS_STR(a), AW_AS_STR(b));
    return cmp_holds(op, aw_str_cmp(AW_AS_STR(a), AW_AS_STR(b)));
  }
  return -1;
}

// bool(v) for scalars and exact strs and lists; -1 declined.
static inline __attribute__((always_inline)) int truthy_fast(AwVM *vm, AwValue v) {
  switch (v.tag) {
    case AW_T_BOOL:
    case AW_T_INT: return v.as.i != 0;
    case AW_T_NONE: return 0;
    case AW_T_FLOAT: return v.as.f != 0.0;
    case AW_T_OBJ: {
      AwObj *o = AW_AS_OBJ(v);
      if (o->kind == AW_OBJ_STR && aw_obj_class(vm, o) == AW_CLS(vm, str)) return ((AwStr *)o)->nbytes != 0;
      if (o->kind == AW_OBJ_LIST && aw_obj_class(vm, o) == AW_CLS(vm, list)) return ((AwList *)o)->len != 0;
      return -1;
    }
    default: return -1;
  }
}

// next() of list and range iterators, inline (iter.c's list_next and
// range_next, which these classes always use): 1 item in *out, 0
// exhausted, -1 another iterator (call its next).
static inline __attribute__((always_inline)) int iter_next_fast(AwVM *vm, AwIter *it, AwValue *out) {
  if (aw_obj_class(vm, &it->obj) == AW_CLS(vm, range_iterator)) {
    if (it->n <= 0) return 0;
    *out = AW_INT(it->i);
    if (--it->n > 0) it->i += it->j;  // stays within the range: no overflow
    return 1;
  }
  if (aw_obj_class(vm, &it->obj) == AW_CLS(vm, list_iterator)) {
    if (AW_IS_UNDEF(it->a)) return 0;
    AwList *l = AW_AS_LIST(it->a);
    if (it->i < l->len) {
      *out = l->items[it->i++];
      return 1;
    }
    it->a = AW_UNDEF;  // exhausted for good, as in CPython
    return 0;
  }
  return -1;
}

// ---- calls ---------------------------------------------------------------

// aw_frame_push + aw_frame_init + aw_frame_bind_args (frame.c, whose
// layout this follows) for the common call: exactly p->argcount positional
// arguments, no *args/**kwargs, keyword-only parameters or cells. NULL
// when the frame cannot be carved from the current segment or the
// recursion limit is reached: the caller then takes the general path
// (which raises).
static inline __attribute__((always_inline)) AwFrame *frame_push_simple(AwVM *vm, AwProto *p, AwFunction *fn, AwValue *args, int argc) {
  // aw_frame_size(p), inline.
  size_t size = AW_FRAME_HEAD +
                (size_t)(p->nlocals + p->ncells + p->nfree + p->max_stack) * sizeof(AwValue) +
                (((size_t)p->max_blocks * sizeof(AwBlock) + 15) & ~(size_t)15);
  if (vm->depth >= vm->recursion_limit || !vm->seg || vm->stack_top + size > vm->seg->end) return NULL;
  AwFrame *f = (AwFrame *)vm->stack_top;
  vm->stack_top += size;
  vm->depth++;
  f->caller = NULL;
  f->c_prev = NULL;
  f->proto = p;
  f->func = fn;
  f->globals = fn->globals;
  f->locals = NULL;
  f->ip = p->code;
  AwValue *slots = aw_frame_slots(f);
  int32_t nlocals = p->nlocals;
  f->sp = slots + nlocals + p->nfree;
  f->nblocks = 0;
  f->flags = 0;
  f->saved_handling = NULL;
  for (int i = 0; i < argc; i++) slots[i] = args[i];
  for (int32_t i = argc; i < nlocals; i++) slots[i] = AW_UNDEF;
  if (p->nfree) {
    AwTuple *cl = fn->closure;
    for (int32_t i = 0; i < p->nfree; i++) slots[nlocals + i] = cl && i < cl->len ? cl->items[i] : AW_NONE;
  }
  return f;
}

// The __new__ of the built-in classes whose instances need no __init__
// call: cls(...) is exactly that native with the class prepended (what
// aw_call_class would do after its lookups). NULL for other classes.
static inline AwNativeFn builtin_ctor(AwVM *vm, AwClass *c) {
  if (c == AW_CLS(vm, str)) return aw_str_construct;
  if (c == AW_CLS(vm, int)) return aw_int_construct;
  if (c == AW_CLS(vm, float)) return aw_float_construct;
  return NULL;
}

// The __init__ function to run inline for C(...) when C is a user class
// of plain instances whose __new__ is object's (class.c's object_new) and
// whose __init__ is a plain script function: aw_call_class would allocate
// the instance and call it, nothing else. UNDEF otherwise.
static AwValue plain_init_of(AwVM *vm, AwClass *c) {
  if (!(c->slot_flags & AW_CLS_USER) || c->instance_kind != AW_OBJ_INSTANCE) return AW_UNDEF;
  AwValue init = aw_class_lookup(vm, c, AW_N(vm, init));
  if (!AW_IS_KIND(init, AW_OBJ_FUNCTION) ||
      (((AwFunction *)AW_AS_OBJ(init))->proto->flags & (AW_CODE_GENERATOR | AW_CODE_COROUTINE | AW_CODE_ASYNC_GEN)))
    return AW_UNDEF;
  AwValue newf = aw_class_lookup(vm, c, AW_N(vm, new));
  AwValue object_new = aw_dict_get_str(AW_CLS(vm, object)->dict, AW_N(vm, new));
  if (!AW_IS_OBJ(newf) || AW_AS_OBJ(newf) != AW_AS_OBJ(object_new)) return AW_UNDEF;
  return init;
}

// [v] is also in one of [f]'s local variables (a comprehension's .0).
static bool held_by_local(AwFrame *f, AwValue v) {
  for (int32_t i = 0; i < f->proto->nlocals; i++)
    if (aw_value_is(aw_frame_slots(f)[i], v)) return true;
  return false;
}

// Values [lo, hi) of frame [f] leave its stack as an exception unwinds
// ([leaving]: out of [f]): a (async) for loop's own generator among them is
// finalized now, the topmost first, as CPython's unwinding drops them (the
// pending exception is kept meanwhile). A plain generator a local variable
// holds too (a comprehension's .0) lives on in the traceback's frame, so it
// is no longer owned: only a GeneratorExit, which close() swallows with its
// traceback, lets it die here. (An async one is finalized here all the
// same: the event loop's finalizer hook defers its aclose() past the
// handler, as CPython's does.)
static void drop_owned(AwVM *vm, AwFrame *f, AwValue *lo, AwValue *hi, bool leaving) {
  for (AwValue *v = hi; v > lo; v--) {
    AwValue it = v[-1];
    if (!aw_gen_is_owned(it)) continue;
    if (((AwGen *)AW_AS_OBJ(it))->gkind == AW_GENKIND_GENERATOR && held_by_local(f, it) &&
        !(leaving && aw_exc_pending_is(vm, AW_EXCCLS(vm, GeneratorExit)))) {
      ((AwGen *)AW_AS_OBJ(it))->ag_owned = false;
      continue;
    }
    v[-1] = AW_NONE;
    f->sp = v - 1;  // what lies below stays rooted while the finalizer runs
    aw_gen_drop(vm, it);
  }
}

// ---- the loop ------------------------------------------------------------

AwResumeStatus aw_interp_run(AwVM *vm, AwFrame *start, AwValue *out) {
  return aw_interp_run_ex(vm, start, AW_UNDEF, out);
}

AwResumeStatus aw_interp_run_ex(AwVM *vm, AwFrame *start, AwValue throw_exc, AwValue *out) {
  if (vm->c_depth >= AW_MAX_C_DEPTH) {
    aw_raisef(vm, AW_EXCCLS(vm, RecursionError), "maximum recursion depth exceeded");
    return AW_RESUME_ERROR;
  }
  vm->c_depth++;
  AwFrame *entry_prev = vm->frame;
  AwFrame *f = start;
  chain_root(f)->c_prev = entry_prev;
  vm->frame = f;

  register AwInstr *ip;
  register AwValue *sp;
  AwValue *slots;
  AwValue *consts;
  AwValue *names;
  AwInstr *code;              // f->proto->code: jump targets are indexes
  AwTuple *kwnames = NULL;
  bool propagating = false;   // unwinding from a callee frame: no new context
  AwResumeStatus status;

#define LOAD_FRAME()                  \
  do {                                \
    ip = f->ip;                       \
    sp = f->sp;                       \
    slots = aw_frame_slots(f);        \
    consts = f->proto->consts;        \
    names = f->proto->names;          \
    code = f->proto->code;            \
  } while (0)
#define SAVE() (f->ip = ip, f->sp = sp)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define CHECK(v)                   \
  do {                             \
    if (AW_IS_EXC(v)) goto error;  \
  } while (0)

  LOAD_FRAME();
  if (!AW_IS_UNDEF(throw_exc)) {
    vm->exc = throw_exc;
    goto error;
  }

#ifdef AW_COMPUTED_GOTO
  static const void *const dispatch_table[OP__COUNT] = {
#define OP(name, effect) &&L_##name,
#include "vm/opcodes.h"
#undef OP
  };
#define CASE(name) L_##name:
#define DISPATCH()                               \
  do {                                           \
    AwInstr in_ = *ip++;                         \
    arg = AW_ARG(in_);                           \
    goto *dispatch_table[AW_OP(in_)];            \
  } while (0)
#define NEXT() DISPATCH()
#else
#define CASE(name) case OP_##name: L_##name:
#define NEXT() goto dispatch
#endif
// The fused compare-and-jump tail: [a] cmp [b] by the COMPARE_OP at
// cmp_at, then the POP_JUMP_IF_* after it, when no call is needed.
#define CMP_JUMP_FAST(a, b, cmp_at)                                           \
  do {                                                                        \
    int t_ = compare_fast(vm, AW_ARG((cmp_at)[0]), (a), (b));                 \
    if (t_ >= 0) {                                                            \
      AwInstr j_ = (cmp_at)[1];                                               \
      ip = (cmp_at) + 2;                                                      \
      if (t_ == (AW_OP(j_) == OP_POP_JUMP_IF_TRUE)) ip = code + AW_ARG(j_);   \
      NEXT();                                                                 \
    }                                                                         \
  } while (0)
// Otherwise: the operands are at sp[-2], sp[-1]; compare generically and
// let the POP_JUMP_IF_* instruction run.
#define CMP_SLOW(cmp_at)                                                      \
  do {                                                                        \
    AwCmpOp op_ = (AwCmpOp)AW_ARG((cmp_at)[0]);                               \
    ip = (cmp_at) + 1;                                                        \
    SAVE();                                                                   \
    AwValue r_ = aw_compare(vm, sp[-2], sp[-1], op_);                         \
    CHECK(r_);                                                                \
    sp[-2] = r_;                                                              \
    sp--;                                                                     \
    NEXT();                                                                   \
  } while (0)
// A binary operation whose operands are at sp[-2], sp[-1] and that
// binop_fast declined; ip is past the BINARY_OP. Leaves the result on top.
#define BINOP_SLOW(op)                                                        \
  do {                                                                        \
    SAVE();                                                                   \
    AwValue r_ = binop_generic(vm, (op), sp[-2], sp[-1]);                     \
    CHECK(r_);                                                                \
    sp[-2] = r_;                                                              \
    sp--;                                                                     \
    NEXT();                                                                   \
  } while (0)

  uint32_t arg;
#ifdef AW_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  {
    AwInstr in_ = *ip++;
    arg = AW_ARG(in_);
    switch (AW_OP(in_)) {
#endif

  CASE(NOP) NEXT();
  CASE(POP_TOP) sp--; NEXT();
  CASE(ROT_TWO) {
    AwValue t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t;
    NEXT();
  }
  CASE(ROT_THREE) {
    AwValue t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = t;
    NEXT();
  }
  CASE(ROT_FOUR) {
    AwValue t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = sp[-4]; sp[-4] = t;
    NEXT();
  }
  CASE(DUP_TOP) { AwValue t = sp[-1]; PUSH(t); NEXT(); }
  CASE(DUP_TOP_TWO) { sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; NEXT(); }

  CASE(LOAD_CONST) PUSH(consts[arg]); NEXT();
  CASE(LOAD_FAST) {
    AwValue v = slots[arg];
    if (AW_IS_UNDEF(v)) { SAVE(); unbound_local(vm, f->proto->varnames[arg]); goto error; }
    PUSH(v);
    NEXT();
  }
  CASE(STORE_FAST) slots[arg] = POP(); NEXT();
  CASE(DELETE_FAST) {
    if (AW_IS_UNDEF(slots[arg])) { SAVE(); unbound_local(vm, f->proto->varnames[arg]); goto error; }
    slots[arg] = AW_UNDEF;
    NEXT();
  }
  CASE(LOAD_DEREF) {
    AwCell *c = (AwCell *)AW_AS_OBJ(slots[f->proto->nlocals + arg]);
    if (AW_IS_UNDEF(c->value)) { SAVE(); unbound_deref(vm, f->proto, arg); goto error; }
    PUSH(c->value);
    NEXT();
  }
  CASE(STORE_DEREF) {
    AwCell *c = (AwCell *)AW_AS_OBJ(slots[f->proto->nlocals + arg]);
    c->value = POP();
    NEXT();
  }
  CASE(DELETE_DEREF) {
    AwCell *c = (AwCell *)AW_AS_OBJ(slots[f->proto->nlocals + arg]);
    if (AW_IS_UNDEF(c->value)) { SAVE(); unbound_deref(vm, f->proto, arg); goto error; }
    c->value = AW_UNDEF;
    NEXT();
  }
  CASE(LOAD_CLOSURE) PUSH(slots[f->proto->nlocals + arg]); NEXT();
  CASE(LOAD_CLASSDEREF) {
    AwValue name = cell_name(f->proto, arg);
    AwValue v = f->locals ? aw_dict_get_str(f->locals, name) : AW_UNDEF;
    if (AW_IS_UNDEF(v)) {
      AwCell *c = (AwCell *)AW_AS_OBJ(slots[f->proto->nlocals + arg]);
      v = c->value;
      if (AW_IS_UNDEF(v)) { SAVE(); unbound_deref(vm, f->proto, arg); goto error; }
    }
    PUSH(v);
    NEXT();
  }
  CASE(LOAD_GLOBAL) {
    NameCache *c = name_cache(f->proto, arg);
    if (c) {
      AwDict *g = f->globals;
      int32_t gix = c->gix;
      if (gix > 0 && entry_has_key(g, gix - 1, names[arg])) {
        PUSH(g->entries[gix - 1].value);
        NEXT();
      }
      if (gix < 0 && c->gdict == g && c->gversion == g->version && entry_has_key(vm->builtins, -gix - 1, names[arg])) {
        PUSH(vm->builtins->entries[-gix - 1].value);
        NEXT();
      }
    }
    AwValue v = load_global_slow(vm, f->globals, names[arg], c);
    if (AW_IS_UNDEF(v)) { SAVE(); name_error(vm, names[arg]); goto error; }
    PUSH(v);
    NEXT();
  }
  CASE(STORE_GLOBAL) {
    SAVE();
    if (!aw_dict_set(vm, f->globals, names[arg], sp[-1])) goto error;
    sp--;
    NEXT();
  }
  CASE(DELETE_GLOBAL) {
    SAVE();
    int r = aw_dict_del(vm, f->globals, names[arg], NULL);
    if (r < 0) goto error;
    if (r == 0) { name_error(vm, names[arg]); goto error; }
    NEXT();
  }
  CASE(LOAD_NAME) {
    AwValue name = names[arg];
    AwValue v = AW_UNDEF;
    SAVE();
    if (f->locals && f->locals != f->globals) {
      if (aw_dict_get(vm, f->locals, name, &v) < 0) goto error;
    }
    if (AW_IS_UNDEF(v)) v = load_global(vm, f->globals, name);
    if (AW_IS_UNDEF(v)) { name_error(vm, name); goto error; }
    PUSH(v);
    NEXT();
  }
  CASE(STORE_NAME) {
    SAVE();
    AwDict *ns = f->locals ? f->locals : f->globals;
    if (!aw_dict_set(vm, ns, names[arg], sp[-1])) goto error;
    sp--;
    NEXT();
  }
  CASE(DELETE_NAME) {
    SAVE();
    AwDict *ns = f->locals ? f->locals : f->globals;
    int r = aw_dict_del(vm, ns, names[arg], NULL);
    if (r < 0) goto error;
    if (r == 0) { name_error(vm, names[arg]); goto error; }
    NEXT();
  }
  CASE(LOAD_ATTR) {
    AwValue obj = sp[-1];
    NameCache *c;
    if (AW_IS_KIND(obj, AW_OBJ_INSTANCE) && (c = name_cache(f->proto, arg)) && AW_AS_INSTANCE(obj)->dict &&
        attr_is_plain(vm, aw_obj_class(vm, AW_AS_OBJ(obj)), names[arg], c, false)) {
      AwDict *d = AW_AS_INSTANCE(obj)->dict;
      int64_t ix = instance_entry(d, names[arg], c);
      if (ix >= 0) {
        sp[-1] = d->entries[ix].value;
        NEXT();
      }
    } else if (AW_IS_KIND(obj, AW_OBJ_MODULE) && (c = name_cache(f->proto, arg)) &&
               module_attr_plain(vm, AW_AS_OBJ(obj), names[arg], c)) {
      AwDict *d = ((AwModule *)AW_AS_OBJ(obj))->dict;
      int64_t ix = instance_entry(d, names[arg], c);
      if (ix >= 0) {
        sp[-1] = d->entries[ix].value;
        NEXT();
      }
    }
    SAVE();
    AwValue v = aw_getattr(vm, sp[-1], names[arg]);
    CHECK(v);
    sp[-1] = v;
    NEXT();
  }
  CASE(STORE_ATTR) {
    AwValue obj = sp[-1];
    NameCache *c;
    SAVE();
    if (AW_IS_KIND(obj, AW_OBJ_INSTANCE) && (c = name_cache(f->proto, arg)) && AW_AS_INSTANCE(obj)->dict &&
        attr_is_plain(vm, aw_obj_class(vm, AW_AS_OBJ(obj)), names[arg], c, true)) {
      AwDict *d = AW_AS_INSTANCE(obj)->dict;
      int64_t ix = (int64_t)c->aix - 1;
      if (ix >= 0 && entry_has_key(d, ix, names[arg])) {
        d->entries[ix].value = sp[-2];  // what aw_dict_set does for a present key
      } else {
        if (!aw_dict_set(vm, d, names[arg], sp[-2])) goto error;
        ix = aw_dict_str_index(d, names[arg]);
        if (ix >= 0 && ix < INT32_MAX) c->aix = (int32_t)(ix + 1);
      }
      sp -= 2;
      NEXT();
    }
    if (!aw_setattr(vm, sp[-1], names[arg], sp[-2])) goto error;
    sp -= 2;
    NEXT();
  }
  CASE(DELETE_ATTR) {
    SAVE();
    if (!aw_delattr(vm, sp[-1], names[arg])) goto error;
    sp--;
    NEXT();
  }
  CASE(LOAD_METHOD) {
    AwValue obj = sp[-1];
    NameCache *c = name_cache(f->proto, arg);
    if (c && AW_IS_OBJ(obj) && aw_obj_class(vm, AW_AS_OBJ(obj)) == c->mcls && c->mcls) {
      sp[-1] = AW_OBJ(c->meth);
      PUSH(obj);
      NEXT();
    }
    if (c && AW_IS_KIND(obj, AW_OBJ_MODULE) && module_attr_plain(vm, AW_AS_OBJ(obj), names[arg], c)) {
      // module.f(...): aw_load_method's plain-attribute case.
      AwDict *d = ((AwModule *)AW_AS_OBJ(obj))->dict;
      int64_t ix = instance_entry(d, names[arg], c);
      if (ix >= 0) {
        sp[-1] = AW_UNDEF;
        PUSH(d->entries[ix].value);
        NEXT();
      }
    }
    if (c && AW_IS_KIND(obj, AW_OBJ_INSTANCE) && aw_obj_class(vm, AW_AS_OBJ(obj)) == c->ucls) {
      // A function in the instance's own class dict, not shadowed by the
      // instance dict: aw_load_method's unbound-method case.
      AwDict *cd = c->ucls->dict;
      AwDict *idict = AW_AS_INSTANCE(obj)->dict;
      if (entry_has_key(cd, c->uix, names[arg]) && AW_IS_KIND(cd->entries[c->uix].value, AW_OBJ_FUNCTION) &&
          (!idict || aw_dict_str_index(idict, names[arg]) < 0)) {
        sp[-1] = cd->entries[c->uix].value;
        PUSH(obj);
        NEXT();
      }
    }
    if (c && AW_IS_KIND(obj, AW_OBJ_INSTANCE) && c->pmdepth == 1 && chain_valid(aw_obj_class(vm, AW_AS_OBJ(obj)), c)) {
      // A function the instance's class inherits from its base.
      AwClass *cls = aw_obj_class(vm, AW_AS_OBJ(obj));
      AwDict *bd = cls->base->dict;
      AwDict *idict = AW_AS_INSTANCE(obj)->dict;
      if (entry_has_key(bd, c->pmix, names[arg]) && AW_IS_KIND(bd->entries[c->pmix].value, AW_OBJ_FUNCTION) &&
          (!idict || aw_dict_str_index(idict, names[arg]) < 0)) {
        sp[-1] = bd->entries[c->pmix].value;
        PUSH(obj);
        NEXT();
      }
    }
    SAVE();
    AwValue meth, self;
    if (!aw_load_method(vm, obj, names[arg], &meth, &self)) goto error;
    if (c && AW_IS_KIND(meth, AW_OBJ_NATIVE) && AW_IS_OBJ(obj) && is_core_container(vm, AW_AS_OBJ(obj))) {
      c->mcls = aw_obj_class(vm, AW_AS_OBJ(obj));
      c->meth = AW_AS_OBJ(meth);
    } else if (c && AW_IS_KIND(meth, AW_OBJ_FUNCTION) && AW_IS_KIND(obj, AW_OBJ_INSTANCE)) {
      AwClass *cls = aw_obj_class(vm, AW_AS_OBJ(obj));
      int64_t ix = aw_dict_str_index(cls->dict, names[arg]);
      if (ix >= 0 && ix < INT32_MAX && AW_AS_OBJ(cls->dict->entries[ix].value) == AW_AS_OBJ(meth)) {
        c->ucls = cls;
        c->uix = (int32_t)ix;
      } else if (ix < 0) {
        (void)chain_fill(vm, cls, names[arg], c);  // maybe inherited from the base
      }
    }
    sp[-1] = meth;
    PUSH(self);
    NEXT();
  }
  CASE(BINARY_SUBSCR) {
    AwValue obj = sp[-2], key = sp[-1];
    if (AW_IS_INT(key)) {
      int64_t i = AW_AS_INT(key);
      if (AW_IS_LIST(obj)) {
        AwList *l = AW_AS_LIST(obj);
        if (i < 0) i += l->len;
        if (i >= 0 && i < l->len) { sp[-2] = l->items[i]; sp--; NEXT(); }
      } else if (AW_IS_TUPLE(obj)) {
        AwTuple *t = AW_AS_TUPLE(obj);
        if (i < 0) i += t->len;
        if (i >= 0 && i < t->len) { sp[-2] = t->items[i]; sp--; NEXT(); }
      }
    }
    SAVE();
    if (AW_IS_DICT(obj) && aw_obj_class(vm, AW_AS_OBJ(obj)) == AW_CLS(vm, dict)) {
      // An exact dict (no __missing__): a miss raises KeyError below.
      AwValue v;
      int r = aw_dict_get(vm, AW_AS_DICT(obj), key, &v);
      if (r < 0) goto error;
      if (r > 0) {
        sp[-2] = v;
        sp--;
        NEXT();
      }
    }
    AwValue v = aw_getitem(vm, obj, key);
    CHECK(v);
    sp[-2] = v;
    sp--;
    NEXT();
  }
  CASE(STORE_SUBSCR) {
    AwValue obj = sp[-2], key = sp[-1];
    if (AW_IS_LIST(obj) && AW_IS_INT(key)) {
      AwList *l = AW_AS_LIST(obj);
      int64_t i = AW_AS_INT(key);
      if (i < 0) i += l->len;
      if (i >= 0 && i < l->len) { l->items[i] = sp[-3]; sp -= 3; NEXT(); }
    }
    SAVE();
    if (AW_IS_DICT(obj) && aw_obj_class(vm, AW_AS_OBJ(obj)) == AW_CLS(vm, dict)) {
      if (!aw_dict_set(vm, AW_AS_DICT(obj), key, sp[-3])) goto error;
      sp -= 3;
      NEXT();
    }
    if (!aw_setitem(vm, obj, key, sp[-3])) goto error;
    sp -= 3;
    NEXT();
  }
  CASE(DELETE_SUBSCR) {
    SAVE();
    if (!aw_delitem(vm, sp[-2], sp[-1])) goto error;
    sp -= 2;
    NEXT();
  }
  CASE(BUILD_SLICE) {
    SAVE();
    AwValue step = arg == 3 ? POP() : AW_NONE;
    AwValue hi = POP(), lo = POP();
    AwValue s = aw_slice_new(vm, lo, hi, step);
    CHECK(s);
    PUSH(s);
    NEXT();
  }

  CASE(BINARY_OP) {
    AwValue r;
    if (binop_fast(arg, sp[-2], sp[-1], &r)) {
      sp[-2] = r;
      sp--;
      NEXT();
    }
    BINOP_SLOW(arg);
  }
  CASE(UNARY_NEGATIVE) {
    AwValue v = sp[-1];
    if (AW_IS_INT(v) && AW_AS_INT(v) != INT64_MIN) { sp[-1] = AW_INT(-AW_AS_INT(v)); NEXT(); }
    if (AW_IS_FLOAT(v)) { sp[-1] = AW_FLOAT(-AW_AS_FLOAT(v)); NEXT(); }
    SAVE();
    AwValue r = aw_unary_op(vm, AW_UNARY_NEG, v);
    CHECK(r);
    sp[-1] = r;
    NEXT();
  }
  CASE(UNARY_POSITIVE) {
    SAVE();
    AwValue r = aw_unary_op(vm, AW_UNARY_POS, sp[-1]);
    CHECK(r);
    sp[-1] = r;
    NEXT();
  }
  CASE(UNARY_INVERT) {
    SAVE();
    AwValue r = aw_unary_op(vm, AW_UNARY_INVERT, sp[-1]);
    CHECK(r);
    sp[-1] = r;
    NEXT();
  }
  CASE(UNARY_NOT) {
    AwValue v = sp[-1];
    if (AW_IS_BOOL(v)) { sp[-1] = AW_BOOL(!AW_AS_BOOL(v)); NEXT(); }
    SAVE();
    int t = aw_truthy(vm, v);
    if (t < 0) goto error;
    sp[-1] = AW_BOOL(!t);
    NEXT();
  }
  CASE(COMPARE_OP) {
    AwValue a = sp[-2], b = sp[-1];
    int t = compare_fast(vm, arg, a, b);
    if (t >= 0) {
      sp[-2] = AW_BOOL(t);
      sp--;
      NEXT();
    }
    SAVE();
    AwValue r = aw_compare(vm, a, b, (AwCmpOp)arg);
    CHECK(r);
    sp[-2] = r;
    sp--;
    NEXT();
  }
  CASE(IS_OP) {
    bool r = aw_value_is(sp[-2], sp[-1]);
    sp[-2] = AW_BOOL(arg ? !r : r);
    sp--;
    NEXT();
  }
  CASE(CONTAINS_OP) {
    SAVE();
    int r = aw_contains(vm, sp[-1], sp[-2]);
    if (r < 0) goto error;
    sp[-2] = AW_BOOL(arg ? !r : r);
    sp--;
    NEXT();
  }

  CASE(JUMP) {
    AwInstr *target = code + arg;
    if (target <= ip && (vm->gc_requested || vm->interrupt)) {
      ip = target;
      SAVE();
      if (!aw_interp_safepoint(vm)) goto error;
      NEXT();
    }
    ip = target;
    NEXT();
  }
  CASE(POP_JUMP_IF_FALSE) {
    AwValue v = sp[-1];
    int t = truthy_fast(vm, v);
    if (t < 0) { SAVE(); t = aw_truthy(vm, v); if (t < 0) goto error; }  // v stays rooted
    sp--;
    if (!t) ip = code + arg;
    NEXT();
  }
  CASE(POP_JUMP_IF_TRUE) {
    AwValue v = sp[-1];
    int t = truthy_fast(vm, v);
    if (t < 0) { SAVE(); t = aw_truthy(vm, v); if (t < 0) goto error; }  // v stays rooted
    sp--;
    if (t) ip = code + arg;
    NEXT();
  }
  CASE(JUMP_IF_FALSE_OR_POP) {
    int t = truthy_fast(vm, sp[-1]);
    if (t < 0) { SAVE(); t = aw_truthy(vm, sp[-1]); if (t < 0) goto error; }
    if (!t) ip = code + arg;
    else sp--;
    NEXT();
  }
  CASE(JUMP_IF_TRUE_OR_POP) {
    int t = truthy_fast(vm, sp[-1]);
    if (t < 0) { SAVE(); t = aw_truthy(vm, sp[-1]); if (t < 0) goto error; }
    if (t) ip = code + arg;
    else sp--;
    NEXT();
  }
  CASE(GET_ITER) {
    SAVE();
    if (arg) {
      aw_gen_claim(vm, sp[-1], AW_GENKIND_GENERATOR, f->proto, (int32_t)(ip - code) - 1);
      vm->agen_returned = NULL;
    }
    AwValue it = aw_get_iter(vm, sp[-1]);
    CHECK(it);
    if (arg && vm->agen_returned && !aw_value_is(it, sp[-1])) aw_gen_claim_iter(vm, it, sp[-1]);
    sp[-1] = it;
    NEXT();
  }
  CASE(POP_ITER) {
    AwValue it = POP();
    if (aw_gen_is_owned(it)) {
      SAVE();
      aw_gen_drop(vm, it);
    }
    NEXT();
  }
  CASE(FOR_ITER) {
    AwValue it = sp[-1];
    AwValue v;
    if (AW_IS_KIND(it, AW_OBJ_ITER)) {
      AwIter *ci = (AwIter *)AW_AS_OBJ(it);
      int r = iter_next_fast(vm, ci, &v);
      if (r > 0) {
        if (AW_OP(ip[0]) == OP_STORE_FAST) {  // the usual loop target: store it now
          slots[AW_ARG(ip[0])] = v;
          ip++;
          NEXT();
        }
        PUSH(v);
        NEXT();
      }
      if (r == 0) {
        sp--;
        ip = code + arg;
        NEXT();
      }
      SAVE();
      v = ci->next(vm, ci);
    } else {
      SAVE();
      v = aw_iter_next(vm, it);
    }
    CHECK(v);
    if (AW_IS_UNDEF(v)) {
      sp--;
      ip = code + arg;
      NEXT();
    }
    PUSH(v);
    NEXT();
  }

  CASE(BUILD_TUPLE) {
    SAVE();
    AwTuple *t = aw_tuple_new(vm, arg);
    if (!t) goto error;
    sp -= arg;
    if (arg) memcpy(t->items, sp, arg * sizeof(AwValue));
    PUSH(AW_OBJ(t));
    NEXT();
  }
  CASE(BUILD_LIST) {
    SAVE();
    AwList *l = aw_list_new(vm, arg);
    if (!l) goto error;
    sp -= arg;
    if (arg) memcpy(l->items, sp, arg * sizeof(AwValue));
    l->len = arg;
    PUSH(AW_OBJ(l));
    NEXT();
  }
  CASE(BUILD_SET) {
    SAVE();
    AwSet *s = aw_set_new(vm, false);
    if (!s) goto error;
    // Hashing may run script code: keep the new set rooted meanwhile.
    aw_push_root(vm, AW_OBJ(s));
    bool ok = true;
    for (uint32_t i = 0; ok && i < arg; i++) ok = aw_set_add(vm, s, sp[-(int)arg + (int)i]);
    aw_pop_root(vm);
    if (!ok) goto error;
    sp -= arg;
    PUSH(AW_OBJ(s));
    NEXT();
  }
  CASE(BUILD_MAP) {
    SAVE();
    AwDict *d = aw_dict_new(vm);
    if (!d) goto error;
    AwValue *base = sp - 2 * arg;
    aw_push_root(vm, AW_OBJ(d));
    bool ok = true;
    for (uint32_t i = 0; ok && i < arg; i++) ok = aw_dict_set(vm, d, base[2 * i], base[2 * i + 1]);
    aw_pop_root(vm);
    if (!ok) goto error;
    sp = base;
    PUSH(AW_OBJ(d));
    NEXT();
  }
  CASE(BUILD_STRING) {
    SAVE();
    AwValue s = aw_str_build(vm, sp - arg, (int)arg);
    CHECK(s);
    sp -= arg;
    PUSH(s);
    NEXT();
  }
  // The container sits at depth arg below the operands; operands are
  // popped only after the operation so they stay rooted if it runs code.
  CASE(LIST_APPEND) {
    SAVE();
    if (!aw_list_append(vm, AW_AS_LIST(sp[-(int)arg - 1]), sp[-1])) goto error;
    sp--;
    NEXT();
  }
  CASE(SET_ADD) {
    SAVE();
    if (!aw_set_add(vm, AW_AS_SET(sp[-(int)arg - 1]), sp[-1])) goto error;
    sp--;
    NEXT();
  }
  CASE(MAP_ADD) {
    SAVE();
    if (!aw_dict_set(vm, AW_AS_DICT(sp[-(int)arg - 2]), sp[-2], sp[-1])) goto error;
    sp -= 2;
    NEXT();
  }
  CASE(LIST_EXTEND) {
    SAVE();
    AwValue it = sp[-1];
    if (!aw_list_extend(vm, AW_AS_LIST(sp[-(int)arg - 1]), it)) {
      if (aw_exc_pending_is(vm, AW_EXCCLS(vm, TypeError)) && !aw_is_iterable(vm, it)) {
        aw_exc_take(vm);
        aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Value after * must be an iterable, not %s", aw_type_name(vm, it));
      }
      goto error;
    }
    sp--;
    NEXT();
  }
  CASE(SET_UPDATE) {
    SAVE();
    if (!set_update_from(vm, AW_AS_SET(sp[-(int)arg - 1]), sp[-1])) goto error;
    sp--;
    NEXT();
  }
  CASE(DICT_UPDATE) {
    SAVE();
    if (!aw_dict_merge_from(vm, AW_AS_DICT(sp[-(int)arg - 1]), sp[-1], false, AW_UNDEF)) goto error;
    sp--;
    NEXT();
  }
  CASE(DICT_MERGE) {
    SAVE();
    if (!aw_dict_merge_from(vm, AW_AS_DICT(sp[-(int)arg - 1]), sp[-1], true, sp[-(int)arg - 3])) goto error;
    sp--;
    NEXT();
  }
  CASE(LIST_TO_TUPLE) {
    SAVE();
    AwList *l = AW_AS_LIST(sp[-1]);
    AwTuple *t = aw_tuple_new(vm, l->len);
    if (!t) goto error;
    if (l->len) memcpy(t->items, l->items, (size_t)l->len * sizeof(AwValue));
    sp[-1] = AW_OBJ(t);
    NEXT();
  }
  CASE(UNPACK_SEQUENCE) {
    AwValue seq = sp[-1];
    if (AW_IS_TUPLE(seq) && AW_AS_TUPLE(seq)->len == (int64_t)arg) {
      AwTuple *t = AW_AS_TUPLE(seq);
      sp--;
      for (int64_t i = (int64_t)arg - 1; i >= 0; i--) PUSH(t->items[i]);
      NEXT();
    }
    if (AW_IS_LIST(seq) && aw_obj_class(vm, AW_AS_OBJ(seq)) == AW_CLS(vm, list) && AW_AS_LIST(seq)->len == (int64_t)arg) {
      AwList *l = AW_AS_LIST(seq);
      sp--;
      for (int64_t i = (int64_t)arg - 1; i >= 0; i--) PUSH(l->items[i]);
      NEXT();
    }
    SAVE();
    root_scratch(f, sp, (int)arg);
    if (!unpack_iterable(vm, seq, (int)arg, 0, false, sp)) goto error;
    f->sp = sp;
    sp = place_unpacked(sp, (int)arg);
    NEXT();
  }
  CASE(UNPACK_EX) {
    int before = (int)(arg & 0xff), after = (int)(arg >> 8);
    SAVE();
    root_scratch(f, sp, before + 1 + after);
    if (!unpack_iterable(vm, sp[-1], before, after, true, sp)) goto error;
    f->sp = sp;
    sp = place_unpacked(sp, before + 1 + after);
    NEXT();
  }
  CASE(FORMAT_VALUE) {
    if (arg == 8 && (AW_IS_INT(sp[-1]) || AW_IS_STR(sp[-1]))) NEXT();  // BUILD_STRING does it
    SAVE();
    AwValue spec = (arg & 4) ? POP() : AW_UNDEF;
    AwValue r = format_value(vm, sp[-1], arg, spec);
    CHECK(r);
    sp[-1] = r;
    NEXT();
  }

  // ---- calls ----
  CASE(KW_NAMES) kwnames = AW_AS_TUPLE(consts[arg]); NEXT();
  CASE(CALL) {
    // ret_at: the lowest slot of the call sequence, where the result goes.
    AwValue *ret_at = sp - arg - 1;
    AwValue callee = ret_at[0];
    AwValue *args = ret_at + 1;
    int argc = (int)arg;
    goto do_call;

  CASE(CALL_METHOD)
    ret_at = sp - arg - 2;
    if (AW_IS_UNDEF(ret_at[0]) && AW_IS_KIND(ret_at[1], AW_OBJ_BOUND) &&
        AW_IS_KIND(((AwBound *)AW_AS_OBJ(ret_at[1]))->func, AW_OBJ_FUNCTION)) {
      // A bound method found as an attribute: [-, bound, a0..] becomes
      // [func, self, a0..] in place, without do_call's shift.
      AwBound *bm = (AwBound *)AW_AS_OBJ(ret_at[1]);
      ret_at[0] = callee = bm->func;
      ret_at[1] = bm->self;
      args = ret_at + 1;
      argc = (int)arg + 1;
    } else if (AW_IS_UNDEF(ret_at[0])) {
      callee = ret_at[1];
      args = ret_at + 2;
      argc = (int)arg;
    } else {
      callee = ret_at[0];
      args = ret_at + 1;
      argc = (int)arg + 1;
    }

  do_call:;
    AwTuple *kw = kwnames;
    kwnames = NULL;
    int npos = argc - (kw ? (int)kw->len : 0);
    if (AW_IS_KIND(callee, AW_OBJ_FUNCTION)) {
      AwFunction *fn = (AwFunction *)AW_AS_OBJ(callee);
      AwProto *p = fn->proto;
      if (!(p->flags & (AW_CODE_GENERATOR | AW_CODE_COROUTINE | AW_CODE_ASYNC_GEN))) {
        sp = ret_at;
        SAVE();
        if (vm->gc_requested || vm->interrupt) {
          // The arguments are above sp now: keep them alive across the GC.
          f->sp = args + argc;
          if (!aw_interp_safepoint(vm)) goto error;
          f->sp = ret_at;
        }
        AwFrame *nf;
        if (!kw && !(p->flags & (AW_CODE_VARARGS | AW_CODE_VARKEYWORDS)) && npos == p->argcount &&
            (p->kwonlyargcount | p->ncells) == 0 && (nf = frame_push_simple(vm, p, fn, args, npos))) {
          // Bound in place: exact positional arguments, no cells.
        } else {
          nf = aw_frame_push(vm, p, fn, fn->globals);
          if (!nf) goto error;
          if (!aw_frame_bind_args(vm, nf, npos, args, kw)) {
            aw_frame_pop(vm, nf);
            goto error;
          }
        }
        nf->caller = f;
        f = nf;
        vm->frame = f;
        LOAD_FRAME();
        NEXT();
      }
      if ((p->flags & AW_CODE_COROUTINE) && !(p->flags & AW_CODE_ASYNC_GEN) && AW_OP(*ip) == OP_GET_AWAITABLE) {
        // `await f(...)`: the coroutine is awaited from birth and only this
        // frame's stack holds it, so GET_AWAITABLE has nothing to check.
        sp = ret_at;
        SAVE();
        f->sp = args + argc;  // arguments rooted while the coroutine is made
        if ((vm->gc_requested || vm->interrupt) && !aw_interp_safepoint(vm)) goto error;
        AwValue c = aw_gen_make_awaited(vm, fn, npos, args, kw);
        f->sp = sp;
        CHECK(c);
        PUSH(c);
        ip++;
        NEXT();
      }
    }
    AwValue init;
    if (AW_IS_CLASS(callee) && args - 1 == ret_at && !AW_IS_UNDEF(init = plain_init_of(vm, AW_AS_CLASS(callee)))) {
      // C(args) of a plain user class: the instance goes where the result
      // goes (rooted there), and C.__init__ runs as a frame of this loop
      // with the instance as its first argument (args - 1); returning
      // from it leaves the instance as the call's result (DISCARD).
      AwFunction *fn = (AwFunction *)AW_AS_OBJ(init);
      AwProto *p = fn->proto;
      sp = ret_at;
      SAVE();
      if (vm->gc_requested || vm->interrupt) {
        f->sp = args + argc;
        if (!aw_interp_safepoint(vm)) goto error;
        f->sp = ret_at;
      }
      // class.c's object_new: an instance with its own dict.
      AwInstance *inst = (AwInstance *)aw_obj_alloc(vm, sizeof(AwInstance), AW_OBJ_INSTANCE, AW_AS_CLASS(callee));
      if (!inst || !(inst->dict = aw_dict_new(vm))) goto error;
      ret_at[0] = AW_OBJ(inst);
      sp = ret_at + 1;
      SAVE();
      AwFrame *nf;
      if (!kw && !(p->flags & (AW_CODE_VARARGS | AW_CODE_VARKEYWORDS)) && npos + 1 == p->argcount &&
          (p->kwonlyargcount | p->ncells) == 0 && (nf = frame_push_simple(vm, p, fn, ret_at, npos + 1))) {
      } else {
        nf = aw_frame_push(vm, p, fn, fn->globals);
        if (!nf) goto error;
        if (!aw_frame_bind_args(vm, nf, npos + 1, ret_at, kw)) {
          aw_frame_pop(vm, nf);
          goto error;
        }
      }
      nf->flags |= AW_FRAME_DISCARD;
      nf->caller = f;
      f = nf;
      vm->frame = f;
      LOAD_FRAME();
      NEXT();
    }
    if (AW_IS_KIND(callee, AW_OBJ_BOUND) && AW_IS_KIND(((AwBound *)AW_AS_OBJ(callee))->func, AW_OBJ_FUNCTION)) {
      AwBound *bm = (AwBound *)AW_AS_OBJ(callee);
      // [callee, a0..] -> [func, self, a0..]: shift the args up one slot
      // (the compiler's max_stack counts that one slot: a bound method of
      // anything but a function takes the general path below).
      if (argc) memmove(args + 1, args, (size_t)argc * sizeof(AwValue));
      args[0] = bm->self;
      args[-1] = bm->func;  // keeps the function rooted during the call
      callee = bm->func;
      argc++;
      sp = args + argc;
      kwnames = kw;
      goto do_call;
    }
    {
      SAVE();
      f->sp = args + argc;  // keep arguments rooted during the call
      AwValue r;
      AwNativeFn ctor;
      if (AW_IS_KIND(callee, AW_OBJ_NATIVE) && AW_IS_UNDEF(((AwNative *)AW_AS_OBJ(callee))->self)) {
        AwNative *nat = (AwNative *)AW_AS_OBJ(callee);
        r = nat->fn(vm, npos, args, kw);
      } else if (AW_IS_CLASS(callee) && (ctor = builtin_ctor(vm, AW_AS_CLASS(callee)))) {
        // args[-1] is the callee: the constructor's argv (class first).
        r = ctor(vm, npos + 1, args - 1, kw);
      } else {
        r = aw_call(vm, callee, npos, args, kw);
        // A new (async) generator straight from its function: a (async)
        // for loop right after may own it (aw_gen_claim).
        if (AW_IS_KIND(callee, AW_OBJ_FUNCTION) &&
            (((AwFunction *)AW_AS_OBJ(callee))->proto->flags & (AW_CODE_ASYNC_GEN | AW_CODE_GENERATOR)) &&
            AW_IS_KIND(r, AW_OBJ_GENERATOR))
          ((AwGen *)AW_AS_OBJ(r))->ag_fresh = true;
      }
      sp = ret_at;
      f->sp = sp;
      CHECK(r);
      PUSH(r);
      NEXT();
    }
  }
  CASE(CALL_FUNCTION_EX) {
    SAVE();
    AwValue kwargs = (arg & 1) ? POP() : AW_UNDEF;
    AwValue posargs = POP();
    AwValue callee = sp[-1];
    f->sp = sp + 2;  // keep popped tuple/dict rooted
    AwValue r = aw_call_ex(vm, callee, posargs, kwargs);
    f->sp = sp;
    CHECK(r);
    sp[-1] = r;
    NEXT();
  }
  CASE(MAKE_FUNCTION) {
    SAVE();
    AwProto *p = (AwProto *)AW_AS_OBJ(POP());
    AwValue closure = (arg & 8) ? POP() : AW_UNDEF;
    AwValue kwdefs = (arg & 2) ? POP() : AW_UNDEF;
    AwValue defs = (arg & 1) ? POP() : AW_UNDEF;
    f->sp = sp + 4;
    AwFunction *fn = aw_function_new(vm, p, f->globals);
    f->sp = sp;
    if (!fn) goto error;
    if (!AW_IS_UNDEF(closure)) fn->closure = AW_AS_TUPLE(closure);
    if (!AW_IS_UNDEF(kwdefs)) fn->kwdefaults = AW_AS_DICT(kwdefs);
    if (!AW_IS_UNDEF(defs)) fn->defaults = AW_AS_TUPLE(defs);
    PUSH(AW_OBJ(fn));
    NEXT();
  }
  CASE(RETURN_VALUE) {
    AwValue rv = POP();
    if (!(f->flags & (AW_FRAME_DISCARD | AW_FRAME_ENTRY | AW_FRAME_SENDLINK | AW_FRAME_NEWSEG | AW_FRAME_GEN))) {
      // A plain synchronous return: release the frame, push the result.
      AwFrame *caller = f->caller;
      vm->depth--;
      vm->stack_top = (char *)f;
      *caller->sp++ = rv;
      f = caller;
      vm->frame = f;
      LOAD_FRAME();
      NEXT();
    }
    SAVE();
    if (f->flags & AW_FRAME_DISCARD) {
      // The __init__ of an inlined C(...) call: the instance is already the
      // caller's result. A non-None return is the caller's error, raised
      // at the call as aw_call_class does.
      AwFrame *caller = f->caller;
      aw_frame_pop(vm, f);
      f = caller;
      vm->frame = f;
      LOAD_FRAME();
      if (!AW_IS_NONE(rv)) {
        aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__init__() should return None, not '%s'", aw_type_name(vm, rv));
        goto error;
      }
      NEXT();
    }
    if (f->flags & AW_FRAME_GEN) aw_gen_finished(vm, aw_frame_gen(f), rv);
    if (f->flags & AW_FRAME_ENTRY) {
      vm->agen_returned = NULL;
      if (AW_IS_KIND(rv, AW_OBJ_GENERATOR)) aw_asyncgen_note_return(vm, rv, f->proto, (int32_t)(ip - code) - 1);
      *out = rv;
      status = AW_RESUME_RETURN;
      goto leave;
    }
    AwFrame *caller = f->caller;
    if (f->flags & AW_FRAME_SENDLINK) {
      // A linked generator returned: its value is the caller's SEND result.
      f->flags &= ~AW_FRAME_SENDLINK;
      uint32_t target = AW_ARG(caller->ip[-1]);
      caller->sp -= 2;
      *caller->sp++ = rv;  // the last reference to a recyclable generator
      caller->ip = caller->proto->code + target;
      if (aw_frame_gen(f)->recyclable) aw_gen_recycle(vm, aw_frame_gen(f));
    } else {
      aw_frame_pop(vm, f);
      *caller->sp++ = rv;
    }
    f = caller;
    vm->frame = f;
    LOAD_FRAME();
    NEXT();
  }
  CASE(BUILD_CLASS) {
    SAVE();
    AwValue *base = sp - arg - 2;
    AwValue r = aw_build_class(vm, base[0], base[1], (int)arg, base + 2);
    CHECK(r);
    sp = base;
    PUSH(r);
    NEXT();
  }
  CASE(LOAD_BUILD_CLASS) {
    SAVE();
    aw_raisef(vm, AW_EXCCLS(vm, SystemError), "LOAD_BUILD_CLASS is not used");
    goto error;
  }
  CASE(IMPORT_NAME) {
    SAVE();
    AwValue m = aw_import_top(vm, names[arg]);
    CHECK(m);
    PUSH(m);
    NEXT();
  }
  CASE(IMPORT_MODULE) {
    SAVE();
    AwValue m = aw_import(vm, names[arg]);
    CHECK(m);
    PUSH(m);
    NEXT();
  }
  CASE(IMPORT_FROM) {
    SAVE();
    AwValue v = aw_import_from(vm, sp[-1], names[arg]);
    CHECK(v);
    PUSH(v);
    NEXT();
  }
  CASE(IMPORT_STAR) {
    SAVE();
    AwDict *ns = f->locals ? f->locals : f->globals;
    if (!aw_import_star(vm, sp[-1], ns)) goto error;
    sp--;
    NEXT();
  }

  // ---- exceptions ----
  CASE(SETUP_FINALLY) {
    AwBlock *b = &aw_frame_blocks(f)[f->nblocks++];
    b->type = AW_BLOCK_SETUP;
    b->handler = (int32_t)arg;
    b->level = (int32_t)(sp - slots);
    NEXT();
  }
  CASE(POP_BLOCK) f->nblocks--; NEXT();
  CASE(POP_EXCEPT) {
    f->nblocks--;
    vm->handling = POP();
    NEXT();
  }
  CASE(RAISE_VARARGS) {
    SAVE();
    if (arg == 0) {
      if (AW_IS_UNDEF(vm->handling) || AW_IS_NONE(vm->handling)) {
        aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "No active exception to reraise");
        goto error;
      }
      vm->exc = vm->handling;
      vm->exc_reraise = true;
      goto error;
    }
    // Operands stay on the stack (rooted) while the exception is made.
    AwValue e = make_raisable(vm, sp[-(int)arg]);
    CHECK(e);
    sp[-(int)arg] = e;
    if (arg == 2 && !set_cause(vm, e, sp[-1])) goto error;
    sp -= arg;
    vm->exc = e;
    goto error;
  }
  CASE(RERAISE) {
    vm->exc = POP();
    vm->exc_reraise = true;
    SAVE();
    goto error;
  }
  CASE(CHECK_EXC_MATCH) {
    SAVE();
    int r = exc_matches(vm, sp[-2], sp[-1]);
    if (r < 0) goto error;
    sp[-1] = AW_BOOL(r);
    NEXT();
  }
  CASE(CHECK_EG_MATCH) {
    SAVE();
    AwValue type = sp[-1], eg = sp[-2];
    AwValue rest = AW_NONE;
    AwValue match = aw_exc_group_split(vm, eg, type, &rest);
    CHECK(match);
    if (AW_IS_NONE(match)) {
      sp[-1] = AW_NONE;
    } else {
      sp[-2] = rest;
      sp[-1] = match;
      vm->handling = match;
    }
    NEXT();
  }
  CASE(PREP_RERAISE_STAR) {
    SAVE();
    AwValue r = aw_exc_prep_reraise_star(vm, sp[-2], sp[-1]);
    CHECK(r);
    sp[-2] = r;
    sp--;
    NEXT();
  }
  CASE(LOAD_ASSERTION_ERROR) PUSH(AW_OBJ(AW_EXCCLS(vm, AssertionError))); NEXT();
  CASE(BEFORE_WITH) {
    SAVE();
    AwValue ex, res;
    if (!with_enter(vm, sp[-1], false, &ex, &res)) goto error;
    sp[-1] = ex;
    PUSH(res);
    NEXT();
  }
  CASE(WITH_EXCEPT) {
    SAVE();
    AwValue r = call_exit_with(vm, sp[-3], sp[-1]);
    CHECK(r);
    PUSH(r);
    NEXT();
  }
  CASE(WITH_EXIT) {
    SAVE();
    AwValue r = call_exit_with(vm, sp[-1], AW_UNDEF);
    CHECK(r);
    sp--;
    NEXT();
  }

  // ---- generators and coroutines ----
  CASE(GEN_START) NEXT();
  CASE(YIELD_VALUE) {
    AwValue v = POP();
    SAVE();
    AwFrame *root = chain_root(f);
    AwGen *rg = aw_frame_gen(root);
    rg->resume_at = f;
    rg->async_yield = f == root && arg == 0;
    aw_gen_suspended(vm, rg);
    *out = v;
    status = AW_RESUME_YIELD;
    f = root;
    goto leave;
  }
  CASE(GET_YIELD_FROM_ITER) {
    AwValue v = sp[-1];
    if (AW_IS_KIND(v, AW_OBJ_GENERATOR)) {
      AwGen *g = (AwGen *)AW_AS_OBJ(v);
      if (g->gkind == AW_GENKIND_COROUTINE && !(f->proto->flags & AW_CODE_COROUTINE)) {
        SAVE();
        aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                  "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
      if (g->gkind != AW_GENKIND_ASYNCGEN) NEXT();
    }
    if (AW_IS_KIND(v, AW_OBJ_NCORO) && !(f->proto->flags & AW_CODE_COROUTINE)) {
      SAVE();
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot 'yield from' a coroutine object in a non-coroutine generator");
      goto error;
    }
    SAVE();
    AwValue it = aw_get_iter(vm, v);
    CHECK(it);
    sp[-1] = it;
    NEXT();
  }
  CASE(GET_AWAITABLE) {
    SAVE();
    AwValue a = aw_get_awaitable(vm, sp[-1], (int)arg);
    CHECK(a);
    sp[-1] = a;
    NEXT();
  }
  CASE(SEND) {
    AwValue recv = sp[-2], v = sp[-1];
    SAVE();
    if (AW_IS_KIND(recv, AW_OBJ_ITER) && aw_obj_class(vm, AW_AS_OBJ(recv)) == AW_CLS(vm, coroutine_wrapper)) {
      recv = ((AwIter *)AW_AS_OBJ(recv))->a;  // coro.__await__(): drive the coroutine itself
      sp[-2] = recv;
    }
    if (AW_IS_KIND(recv, AW_OBJ_FUTURE)) {
      // await on a Future or Task: yield it to the task until it is done.
      AwFuture *fut = (AwFuture *)AW_AS_OBJ(recv);
      if (fut->sleep0) {
        fut->sleep0 = false;  // sleep(0): one bare yield first
        sp[-1] = AW_NONE;
        NEXT();
      }
      if (fut->state == AW_FUT_PENDING) {
        fut->blocking = true;
        sp[-1] = recv;
        NEXT();
      }
      AwValue r = aw_future_await_result(vm, fut);
      CHECK(r);
      sp -= 2;
      PUSH(r);
      ip = f->proto->code + arg;
      NEXT();
    }
    if (AW_IS_KIND(recv, AW_OBJ_GENERATOR) && gen_linkable((AwGen *)AW_AS_OBJ(recv))) {
      AwGen *g = (AwGen *)AW_AS_OBJ(recv);
      // A linked chain counts toward the recursion limit as CPython's
      // nested sends do, so unbounded `await f()` recursion stops there.
      int32_t link_depth = ((f->flags & AW_FRAME_SENDLINK) ? aw_frame_gen(f)->link_depth : 0) + 1;
      if (vm->depth + link_depth >= vm->recursion_limit) {
        aw_raisef(vm, AW_EXCCLS(vm, RecursionError), "maximum recursion depth exceeded");
        goto error;
      }
      g->link_depth = link_depth;
      if (g->state == AW_GEN_CREATED) {
        if (!AW_IS_NONE(v)) {
          aw_raisef(vm, AW_EXCCLS(vm, TypeError), "can't send non-None value to a just-started %s",
                    g->gkind == AW_GENKIND_COROUTINE ? "coroutine" : "generator");
          goto error;
        }
        aw_gen_frame(g)->flags |= AW_FRAME_STARTED;
      } else {
        *aw_gen_frame(g)->sp++ = v;
      }
      link_gen_frame(f, g);
      f = aw_gen_frame(g);
      vm->frame = f;
      LOAD_FRAME();
      NEXT();
    }
    AwValue r;
    if (AW_IS_KIND(recv, AW_OBJ_NCORO)) vm->ncoro_direct = task_drives(vm, f);
    int st = send_generic(vm, recv, v, &r);
    if (st < 0) goto error;
    if (st == 1) {
      sp[-1] = r;
      NEXT();
    }
    sp -= 2;
    PUSH(r);
    ip = f->proto->code + arg;
    NEXT();
  }
  CASE(GET_AITER) {
    SAVE();
    if (arg) aw_gen_claim(vm, sp[-1], AW_GENKIND_ASYNCGEN, f->proto, (int32_t)(ip - code) - 1);
    vm->agen_returned = NULL;
    AwValue r = aw_get_aiter(vm, sp[-1]);
    CHECK(r);
    if (arg && !aw_value_is(r, sp[-1])) aw_asyncgen_claim_aiter(vm, r, sp[-1]);
    sp[-1] = r;
    NEXT();
  }
  CASE(POP_AITER) {
    AwValue it = POP();
    if (aw_gen_is_owned(it)) {
      SAVE();
      aw_gen_drop(vm, it);
    }
    NEXT();
  }
  CASE(GET_ANEXT) {
    SAVE();
    AwValue r = aw_get_anext_awaitable(vm, sp[-1]);
    CHECK(r);
    PUSH(r);
    NEXT();
  }
  CASE(END_ASYNC_FOR) {
    AwValue exc = sp[-1];
    if (aw_isinstance(vm, exc, AW_EXCCLS(vm, StopAsyncIteration))) {
      f->nblocks--;               // the EXCEPT_HANDLER block
      vm->handling = sp[-2];
      AwValue it = sp[-3];
      sp -= 3;
      if (aw_gen_is_owned(it)) {
        SAVE();
        aw_gen_drop(vm, it);  // finished: normally nothing to do
      }
      NEXT();
    }
    sp--;
    vm->exc = exc;
    vm->exc_reraise = true;
    SAVE();
    goto error;
  }
  CASE(BEFORE_ASYNC_WITH) {
    SAVE();
    AwValue ex, res;
    if (!with_enter(vm, sp[-1], true, &ex, &res)) goto error;
    sp[-1] = ex;
    PUSH(res);
    NEXT();
  }
  CASE(ASYNC_WITH_EXCEPT) {
    SAVE();
    AwValue r = call_exit_with(vm, sp[-3], sp[-1]);
    CHECK(r);
    PUSH(r);
    r = aw_get_awaitable(vm, r, 2);
    CHECK(r);
    sp[-1] = r;
    NEXT();
  }
  CASE(ASYNC_WITH_EXIT) {
    SAVE();
    AwValue r = call_exit_with(vm, sp[-1], AW_UNDEF);
    CHECK(r);
    sp[-1] = r;
    r = aw_get_awaitable(vm, r, 2);
    CHECK(r);
    sp[-1] = r;
    NEXT();
  }
  CASE(RETURN_GENERATOR) NEXT();
  CASE(PRINT_EXPR) {
    SAVE();
    AwValue v = sp[-1];
    if (!AW_IS_NONE(v)) {
      AwStr *s = aw_repr(vm, v);
      if (!s) goto error;
      aw_write_out(vm, s->data, (size_t)s->nbytes);
      aw_write_out(vm, "\n", 1);
      if (!aw_dict_set_cstr(vm, vm->builtins, "_", v)) goto error;
    }
    sp--;
    NEXT();
  }
  CASE(SETUP_ANNOTATIONS) NEXT();
  CASE(EXTENDED_ARG) NEXT();

  // ---- superinstructions (vm/opcodes.h; ip is at the sequence's second
  // instruction, whose arg and the following ones' are read in place) ----
  CASE(LOAD_FAST_LOAD_FAST) {
    AwValue a = slots[arg], b = slots[AW_ARG(ip[0])];
    if (AW_IS_UNDEF(a) || AW_IS_UNDEF(b)) goto L_LOAD_FAST;
    sp[0] = a;
    sp[1] = b;
    sp += 2;
    ip += 1;
    NEXT();
  }
  CASE(FAST_CONST_OP) {
    AwValue a = slots[arg];
    if (AW_IS_UNDEF(a)) goto L_LOAD_FAST;
    AwValue b = consts[AW_ARG(ip[0])], r;
    uint32_t op = AW_ARG(ip[1]);
    ip += 2;
    if (binop_fast(op, a, b, &r)) {
      PUSH(r);
      NEXT();
    }
    sp[0] = a;
    sp[1] = b;
    sp += 2;
    BINOP_SLOW(op);
  }
  CASE(FAST_FAST_OP) {
    AwValue a = slots[arg], b = slots[AW_ARG(ip[0])], r;
    if (AW_IS_UNDEF(a) || AW_IS_UNDEF(b)) goto L_LOAD_FAST;
    uint32_t op = AW_ARG(ip[1]);
    ip += 2;
    if (binop_fast(op, a, b, &r)) {
      PUSH(r);
      NEXT();
    }
    sp[0] = a;
    sp[1] = b;
    sp += 2;
    BINOP_SLOW(op);
  }
  CASE(FAST_CONST_OP_STORE) {
    AwValue a = slots[arg];
    if (AW_IS_UNDEF(a)) goto L_LOAD_FAST;
    AwValue b = consts[AW_ARG(ip[0])], r;
    uint32_t op = AW_ARG(ip[1]);
    if (binop_fast(op, a, b, &r)) {
      slots[AW_ARG(ip[2])] = r;
      ip += 3;
      NEXT();
    }
    ip += 2;  // the STORE_FAST runs after the generic operation
    sp[0] = a;
    sp[1] = b;
    sp += 2;
    BINOP_SLOW(op);
  }
  CASE(FAST_FAST_OP_STORE) {
    AwValue a = slots[arg], b = slots[AW_ARG(ip[0])], r;
    if (AW_IS_UNDEF(a) || AW_IS_UNDEF(b)) goto L_LOAD_FAST;
    uint32_t op = AW_ARG(ip[1]);
    if (binop_fast(op, a, b, &r)) {
      slots[AW_ARG(ip[2])] = r;
      ip += 3;
      NEXT();
    }
    ip += 2;
    sp[0] = a;
    sp[1] = b;
    sp += 2;
    BINOP_SLOW(op);
  }
  CASE(FAST_CONST_CMP_JUMP) {
    AwValue a = slots[arg];
    if (AW_IS_UNDEF(a)) goto L_LOAD_FAST;
    AwValue b = consts[AW_ARG(ip[0])];
    CMP_JUMP_FAST(a, b, ip + 1);
    sp[0] = a;
    sp[1] = b;
    sp += 2;
    CMP_SLOW(ip + 1);
  }
  CASE(FAST_FAST_CMP_JUMP) {
    AwValue a = slots[arg], b = slots[AW_ARG(ip[0])];
    if (AW_IS_UNDEF(a) || AW_IS_UNDEF(b)) goto L_LOAD_FAST;
    CMP_JUMP_FAST(a, b, ip + 1);
    sp[0] = a;
    sp[1] = b;
    sp += 2;
    CMP_SLOW(ip + 1);
  }
  CASE(CONST_OP) {
    AwValue b = consts[arg], r;
    uint32_t op = AW_ARG(ip[0]);
    ip += 1;
    if (binop_fast(op, sp[-1], b, &r)) {
      sp[-1] = r;
      NEXT();
    }
    PUSH(b);
    BINOP_SLOW(op);
  }
  CASE(CONST_OP_STORE) {
    AwValue b = consts[arg], r;
    uint32_t op = AW_ARG(ip[0]);
    if (binop_fast(op, sp[-1], b, &r)) {
      slots[AW_ARG(ip[1])] = r;
      sp--;
      ip += 2;
      NEXT();
    }
    ip += 1;
    PUSH(b);
    BINOP_SLOW(op);
  }
  CASE(CONST_CMP_JUMP) {
    AwValue b = consts[arg];
    int t = compare_fast(vm, AW_ARG(ip[0]), sp[-1], b);
    if (t >= 0) {
      AwInstr j = ip[1];
      sp--;
      ip += 2;
      if (t == (AW_OP(j) == OP_POP_JUMP_IF_TRUE)) ip = code + AW_ARG(j);
      NEXT();
    }
    PUSH(b);
    CMP_SLOW(ip);
  }
  CASE(COMPARE_OP_JUMP) {
    // The COMPARE_OP is this instruction (ip[-1]); the jump follows.
    int t = compare_fast(vm, arg, sp[-2], sp[-1]);
    if (t >= 0) {
      AwInstr j = ip[0];
      sp -= 2;
      ip += 1;
      if (t == (AW_OP(j) == OP_POP_JUMP_IF_TRUE)) ip = code + AW_ARG(j);
      NEXT();
    }
    SAVE();
    AwValue r = aw_compare(vm, sp[-2], sp[-1], (AwCmpOp)arg);
    CHECK(r);
    sp[-2] = r;
    sp--;
    NEXT();
  }
  CASE(BINARY_OP_STORE) {
    AwValue r;
    if (binop_fast(arg, sp[-2], sp[-1], &r)) {
      slots[AW_ARG(ip[0])] = r;
      sp -= 2;
      ip += 1;
      NEXT();
    }
    BINOP_SLOW(arg);
  }
  CASE(STORE_FAST_LOAD_FAST) {
    slots[arg] = POP();
    AwValue v = slots[AW_ARG(ip[0])];
    if (AW_IS_UNDEF(v)) NEXT();  // the LOAD_FAST raises
    PUSH(v);
    ip += 1;
    NEXT();
  }

#ifndef AW_COMPUTED_GOTO
    default:
      aw_raisef(vm, AW_EXCCLS(vm, SystemError), "bad opcode");
      goto error;
    }
  }
#endif

  // ---- unwinding -----------------------------------------------------------
error:
  {
    AwValue exc = vm->exc;
    if (!propagating && !vm->exc_reraise) aw_exc_set_context(vm, exc);
    if (!vm->exc_reraise && AW_IS_EXCEPTION(exc))
      aw_traceback_add_at(vm, exc, f->proto, aw_frame_line(f), (int)(f->ip - f->proto->code) - 1, aw_frame_slots(f),
                          f->proto->nlocals + f->proto->ncells + f->proto->nfree);
    vm->exc_reraise = false;
    propagating = false;
    kwnames = NULL;
    AwBlock *blocks = f->nblocks > 0 ? aw_frame_blocks(f) : NULL;
    while (f->nblocks > 0) {
      AwBlock *b = &blocks[--f->nblocks];
      if (b->type == AW_BLOCK_HANDLER) {
        vm->handling = aw_frame_slots(f)[b->level];
        continue;
      }
      drop_owned(vm, f, aw_frame_slots(f) + b->level, sp, false);
      sp = aw_frame_slots(f) + b->level;
      AwBlock *h = &blocks[f->nblocks++];
      h->type = AW_BLOCK_HANDLER;
      h->level = (int32_t)(sp - aw_frame_slots(f));
      PUSH(AW_IS_UNDEF(vm->handling) ? AW_NONE : vm->handling);
      PUSH(exc);
      vm->handling = exc;
      vm->exc = AW_UNDEF;
      ip = f->proto->code + b->handler;
      SAVE();
      NEXT();
    }
    // No handler in this frame: leave it.
    drop_owned(vm, f, aw_frame_stack(f), sp, true);
    if (f->flags & AW_FRAME_GEN) aw_gen_failed(vm, aw_frame_gen(f));
    if (f->flags & AW_FRAME_ENTRY) {
      status = AW_RESUME_ERROR;
      goto leave;
    }
    AwFrame *caller = f->caller;
    if (f->flags & AW_FRAME_SENDLINK) f->flags &= ~AW_FRAME_SENDLINK;
    else aw_frame_pop(vm, f);
    f = caller;
    vm->frame = f;
    LOAD_FRAME();
    propagating = true;
    goto error;
  }

leave:
  // f is the entry frame (or a generator chain root).
  vm->frame = f->c_prev;
  vm->c_depth--;
  return status;
#undef LOAD_FRAME
#undef SAVE
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef CHECK
}

// ---- safepoints ----------------------------------------------------------

bool aw_interp_safepoint(AwVM *vm) {
  // Embedding limits (step budget, host interrupt callback): api_limits.c.
  if ((vm->interrupt & AW_INTERRUPT_POLL) && !aw_api_poll(vm)) return false;
  if (vm->interrupt & AW_INTERRUPT_SIGINT) {
    vm->interrupt &= ~AW_INTERRUPT_SIGINT;
    aw_raisef(vm, AW_EXCCLS(vm, KeyboardInterrupt), "");
    return false;
  }
  if (vm->gc_requested && !vm->in_gc) aw_gc_collect(vm);
  return true;
}

// ---- running code from C ---------------------------------------------------

AwValue aw_run_frame(AwVM *vm, AwFrame *f) {
  f->flags |= AW_FRAME_ENTRY;
  f->caller = NULL;
  AwValue out = AW_NONE;
  AwResumeStatus st = aw_interp_run(vm, f, &out);
  aw_frame_pop(vm, f);
  if (st == AW_RESUME_ERROR) return AW_EXC;
  return out;
}

AwFrame *aw_interp_current_frame(AwVM *vm) { return vm->frame; }

AwDict *aw_frame_globals(AwVM *vm) {
  return vm->frame ? vm->frame->globals : vm->builtins;
}

// locals(): the namespace dict of module and class bodies, or a snapshot of
// a function's variables (fast locals, then cells and free variables).
AwDict *aw_frame_locals(AwVM *vm) {
  AwFrame *f = vm->frame;
  if (!f) return vm->builtins;
  if (f->locals) return f->locals;
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  AwProto *p = f->proto;
  for (int32_t i = 0; i < p->nlocals; i++) {
    if (AW_IS_UNDEF(aw_frame_slots(f)[i])) continue;
    aw_asyncgen_escape(vm, aw_frame_slots(f)[i]);  // a comprehension's .0
    if (!aw_dict_set(vm, d, p->varnames[i], aw_frame_slots(f)[i])) return NULL;
  }
  for (int32_t i = 0; i < p->ncells + p->nfree; i++) {
    AwValue cell = aw_frame_slots(f)[p->nlocals + i];
    if (!AW_IS_KIND(cell, AW_OBJ_CELL) || AW_IS_UNDEF(((AwCell *)AW_AS_OBJ(cell))->value)) continue;
    if (!aw_dict_set(vm, d, cell_name(p, (uint32_t)i), ((AwCell *)AW_AS_OBJ(cell))->value)) return NULL;
  }
  return d;
}

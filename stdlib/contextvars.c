// stdlib/contextvars.c -- module contextvars (ContextVar, Token, Context,
// copy_context) and aw_context_copy, which gives each asyncio task a copy
// of its creator's context. vm->context is the current Context (UNDEF until
// first needed); a Context's mapping is a dict shared copy-on-write.
//
// Tasks created in one unchanged context share one copy of it while nobody
// can tell: no script holds that copy, and it never changes (a million
// tasks cost one context, not one each). Such a copy is marked CTX_TASKS;
// whoever is about to write to it first switches to a private copy
// (split_current), and a task keeps the copy its step switched to
// (aw_task_step); Task.get_context() gives the task a private copy first.
// The creator keeps its own context object (a Token it made is still its
// own, not the tasks').
#include <string.h>

#include "vm/loop.h"

// A Context is an AwInstance of class Context whose instance dict IS its
// mapping var -> value (NULL while empty; an instance without a dict takes
// no attributes). Bits of obj.flags: CTX_TAG marks a Context, CTX_ENTERED
// while run() has it current, CTX_SHARED when its dict may also belong to
// a copy (then it is copied before the next write).
// ContextVar, Token and Token.MISSING are AwIter records (GC-traced a, b,
// c; plain i, j, n) whose `next` refuses iteration; n holds a tag:
//   ContextVar:    a = name; b = default (UNDEF: none); c = (Token class,
//                  Context class), the classes its set() makes
//   Token:         a = var; b = old value (UNDEF: Token.MISSING); c = the
//                  context it was made in; i = used
#define CTX_TAG 0x0100
#define CTX_ENTERED 0x0001
#define CTX_SHARED 0x0002
#define CTX_TASKS 0x0004
enum {
  TAG_VAR = 0x61775672,
  TAG_TOKEN = 0x6177546b,
  TAG_MISSING = 0x61774d73,
};

static AwValue not_iterable(AwVM *vm, AwIter *it) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not iterable", aw_type_name(vm, AW_OBJ(it)));
}

static AwIter *tagged(AwValue v, int64_t tag) {
  if (!AW_IS_KIND(v, AW_OBJ_ITER)) return NULL;
  AwIter *it = (AwIter *)AW_AS_OBJ(v);
  return it->next == not_iterable && it->n == tag ? it : NULL;
}

static AwIter *new_obj(AwVM *vm, AwClass *cls, int64_t tag, AwValue a, AwValue b) {
  AwIter *it = aw_iter_new(vm, cls, not_iterable, a, b);
  if (it) it->n = tag;
  return it;
}

static AwInstance *as_context(AwValue v) {
  if (!AW_IS_KIND(v, AW_OBJ_INSTANCE) || !(AW_AS_OBJ(v)->flags & CTX_TAG)) return NULL;
  return AW_AS_INSTANCE(v);
}

// "descriptor 'get' for '_contextvars.ContextVar' objects doesn't apply to a 'int' object"
// (dunders are slot wrappers in CPython: "descriptor '__len__' requires a ...").
static bool bad_self(AwVM *vm, AwValue self, const char *cls, const char *meth) {
  if (!strncmp(meth, "__", 2))
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' requires a '_contextvars.%s' object but received a '%s'",
              meth, cls, aw_type_name(vm, self));
  else
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' for '_contextvars.%s' objects doesn't apply to a '%s' object",
              meth, cls, aw_type_name(vm, self));
  return false;
}

static AwIter *check_self(AwVM *vm, AwValue self, int64_t tag, const char *cls, const char *meth) {
  AwIter *it = tagged(self, tag);
  if (!it) bad_self(vm, self, cls, meth);
  return it;
}

static AwInstance *check_ctx(AwVM *vm, AwValue self, const char *meth) {
  AwInstance *c = as_context(self);
  if (!c) bad_self(vm, self, "Context", meth);
  return c;
}

static bool no_kwargs(AwVM *vm, AwTuple *kw, const char *fname) {
  if (kw && kw->len > 0) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

// ---- the module's classes --------------------------------------------------------

static AwValue ctx_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw);
static AwValue token_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw);

// The class [name] of the contextvars module (imported if needed), checked
// to be ours by its constructor: a script may rebind module attributes.
static AwClass *module_class(AwVM *vm, const char *name, AwNativeFn ctor) {
  AwValue mname = aw_str_intern(vm, "contextvars", 11);
  if (AW_IS_EXC(mname)) return NULL;
  AwValue m = aw_import(vm, mname);
  if (AW_IS_EXC(m)) return NULL;
  AwValue c = AW_IS_KIND(m, AW_OBJ_MODULE) ? aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(m))->dict, name) : AW_UNDEF;
  if (AW_IS_CLASS(c)) {
    AwValue n = aw_dict_get_str(AW_AS_CLASS(c)->dict, AW_N(vm, new));
    if (AW_IS_KIND(n, AW_OBJ_NATIVE) && ((AwNative *)AW_AS_OBJ(n))->fn == ctor) return AW_AS_CLASS(c);
  }
  aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "contextvars.%s has been replaced", name);
  return NULL;
}

// ---- contexts -------------------------------------------------------------------

static AwInstance *context_alloc(AwVM *vm, AwClass *cls) {
  AwInstance *c = (AwInstance *)aw_obj_alloc(vm, sizeof(AwInstance), AW_OBJ_INSTANCE, cls);
  if (!c) return NULL;
  c->dict = NULL;
  c->obj.flags = CTX_TAG;
  return c;
}

// The current context; when none exists yet (and [create]), the initial
// empty one is made current. NULL without [create] means "empty".
static AwInstance *current(AwVM *vm, bool create, AwClass *ctx_cls) {
  AwInstance *c = as_context(vm->context);
  if (c || !create) return c;
  if (!ctx_cls && !(ctx_cls = module_class(vm, "Context", ctx_new))) return NULL;
  if (!(c = context_alloc(vm, ctx_cls))) return NULL;
  vm->context = AW_OBJ(c);
  return c;
}

// A new context with the same mapping as [src]. The dict is shared: both
// sides copy it before their next write, so a copy costs one small object.
static AwInstance *context_copy(AwVM *vm, AwInstance *src) {
  AwInstance *c = context_alloc(vm, aw_obj_class(vm, &src->obj));
  if (!c) return NULL;
  if (src->dict) {
    c->dict = src->dict;
    c->obj.flags |= CTX_SHARED;
    src->obj.flags |= CTX_SHARED;
  }
  return c;
}

AwValue aw_context_copy(AwVM *vm) {
  AwInstance *cur = current(vm, true, NULL);
  if (!cur) return AW_EXC;
  AwInstance *c = context_copy(vm, cur);
  return c ? AW_OBJ(c) : AW_EXC;
}

AwValue aw_context_for_task(AwVM *vm) {
  AwInstance *cur = current(vm, true, NULL);
  if (!cur) return AW_EXC;
  if (cur->obj.flags & CTX_TASKS) return AW_OBJ(cur);  // a task's shared copy: unchanged
  // The shared copy is valid while the creator's mapping is the same dict
  // (any write to either gives the writer a dict of its own).
  AwInstance *s = (AwInstance *)vm->task_context;
  if (s && vm->task_context_src == &cur->obj && s->dict == cur->dict) return AW_OBJ(s);
  if (!(s = context_copy(vm, cur))) return AW_EXC;
  s->obj.flags |= CTX_TASKS;
  vm->task_context_src = &cur->obj;
  vm->task_context = &s->obj;
  return AW_OBJ(s);
}

AwValue aw_context_expose(AwVM *vm, AwValue ctx) {
  AwInstance *c = as_context(ctx);
  if (!c || !(c->obj.flags & CTX_TASKS)) return ctx;
  c = context_copy(vm, c);
  return c ? AW_OBJ(c) : AW_EXC;
}

// The current context, about to be written: a shared one is left for a
// private copy, which becomes current.
static AwInstance *split_current(AwVM *vm, AwInstance *c) {
  if (!c || !(c->obj.flags & CTX_TASKS)) return c;
  AwInstance *p = context_copy(vm, c);
  if (p) vm->context = AW_OBJ(p);
  return p;
}

// The dict of [c], made private to it first (it is about to change).
static AwDict *context_writable(AwVM *vm, AwInstance *c) {
  if (!c->dict) {
    if (!(c->dict = aw_dict_new(vm))) return NULL;
  } else if (c->obj.flags & CTX_SHARED) {
    AwDict *d = aw_dict_copy(vm, c->dict);
    if (!d) return NULL;
    c->dict = d;
  }
  c->obj.flags &= (uint16_t)~CTX_SHARED;
  return c->dict;
}

// The dict of [c] for a reader that keeps it (an iterator or a view): it
// must not change under that reader any more.
static AwDict *context_snapshot(AwVM *vm, AwInstance *c) {
  AwDict *d = context_writable(vm, c);
  if (d) c->obj.flags |= CTX_SHARED;
  return d;
}

// 1 found (*out), 0 absent, -1 error.
static int context_lookup(AwVM *vm, AwInstance *c, AwValue var, AwValue *out) {
  if (!c || !c->dict) return 0;
  return aw_dict_get(vm, c->dict, var, out);
}

static int64_t context_len(AwInstance *c) { return c->dict ? c->dict->len : 0; }

static AwIter *check_key(AwVM *vm, AwValue key) {
  AwIter *v = tagged(key, TAG_VAR);
  if (!v) aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a ContextVar key was expected, got %R", key);
  return v;
}

static AwValue ctx_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (argc != 1 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Context() does not accept any arguments");
  AwInstance *c = context_alloc(vm, AW_AS_CLASS(argv[0]));
  return c ? AW_OBJ(c) : AW_EXC;
}

static AwValue ctx_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "__getitem__");
  if (!c || !aw_check_argc(vm, "__getitem__", argc - 1, kw, 1, 1) || !check_key(vm, argv[1])) return AW_EXC;
  AwValue out;
  int r = context_lookup(vm, c, argv[1], &out);
  if (r < 0) return AW_EXC;
  if (r == 0) return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &argv[1]);
  return out;
}

static AwValue ctx_get(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "get");
  if (!c || !no_kwargs(vm, kw, "Context.get")) return AW_EXC;
  if (argc < 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "get expected at least 1 argument, got 0");
  if (argc > 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "get expected at most 2 arguments, got %d", argc - 1);
  if (!check_key(vm, argv[1])) return AW_EXC;
  AwValue out;
  int r = context_lookup(vm, c, argv[1], &out);
  if (r < 0) return AW_EXC;
  return r ? out : argc == 3 ? argv[2] : AW_NONE;
}

static AwValue ctx_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "__contains__");
  if (!c || !aw_check_argc(vm, "__contains__", argc - 1, kw, 1, 1) || !check_key(vm, argv[1])) return AW_EXC;
  AwValue out;
  int r = context_lookup(vm, c, argv[1], &out);
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue ctx_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "__len__");
  if (!c || !aw_check_argc(vm, "__len__", argc - 1, kw, 0, 0)) return AW_EXC;
  return AW_INT(context_len(c));
}

static AwValue ctx_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "__iter__");
  if (!c || !aw_check_argc(vm, "__iter__", argc - 1, kw, 0, 0)) return AW_EXC;
  AwDict *d = context_snapshot(vm, c);
  return d ? aw_iter_dict(vm, d, 0, false) : AW_EXC;
}

// keys()/values()/items(): the dict's views of a snapshot of the mapping.
static AwValue ctx_view(AwVM *vm, int argc, AwValue *argv, AwTuple *kw, const char *name) {
  AwInstance *c = check_ctx(vm, argv[0], name);
  if (!c) return AW_EXC;
  if (argc != 1 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Context.%s() takes no arguments (%d given)", name,
                     argc - 1 + (kw ? (int)kw->len : 0));
  AwDict *d = context_snapshot(vm, c);
  if (!d) return AW_EXC;
  AwValue mname = aw_str_intern(vm, name, strlen(name));
  if (AW_IS_EXC(mname)) return mname;
  return aw_call_method(vm, AW_OBJ(d), mname, 0, NULL);
}

static AwValue ctx_keys(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) { return ctx_view(vm, argc, argv, kw, "keys"); }
static AwValue ctx_values(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) { return ctx_view(vm, argc, argv, kw, "values"); }
static AwValue ctx_items(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) { return ctx_view(vm, argc, argv, kw, "items"); }

static AwValue ctx_copy_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "copy");
  if (!c) return AW_EXC;
  if (argc != 1 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Context.copy() takes no arguments (%d given)",
                     argc - 1 + (kw ? (int)kw->len : 0));
  AwInstance *n = context_copy(vm, c);
  return n ? AW_OBJ(n) : AW_EXC;
}

// ctx.run(callable, *args, **kwargs): callable runs with ctx current.
static AwValue ctx_run(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "run");
  if (!c) return AW_EXC;
  if (argc < 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "run() missing 1 required positional argument");
  if (c->obj.flags & CTX_ENTERED)
    return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "cannot enter context: %R is already entered", argv[0]);
  AwValue prev = vm->context;
  c->obj.flags |= CTX_ENTERED;
  vm->context = argv[0];
  aw_push_root(vm, prev);
  AwValue r = aw_call(vm, argv[1], argc - 2, argv + 2, kw);
  aw_pop_root(vm);
  vm->context = prev;
  c->obj.flags &= (uint16_t)~CTX_ENTERED;
  return r;
}

static AwValue ctx_eq(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwInstance *c = check_ctx(vm, argv[0], "__eq__");
  if (!c || !aw_check_argc(vm, "__eq__", argc - 1, kw, 1, 1)) return AW_EXC;
  AwInstance *o = as_context(argv[1]);
  if (!o) return vm->not_implemented;
  if (c == o || c->dict == o->dict) return AW_TRUE;
  if (context_len(c) != context_len(o)) return AW_FALSE;
  if (context_len(c) == 0) return AW_TRUE;
  int r = aw_eq(vm, AW_OBJ(c->dict), AW_OBJ(o->dict));
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue ctx_ne(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwValue r = ctx_eq(vm, argc, argv, kw);
  if (AW_IS_BOOL(r)) return AW_BOOL(!AW_AS_BOOL(r));
  return r;
}

// copy_context(): a copy of the current context.
static AwValue cv_copy_context(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argv;
  if (argc != 0 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "_contextvars.copy_context() takes no arguments (%d given)",
                     argc + (kw ? (int)kw->len : 0));
  return aw_context_copy(vm);
}

// ---- context variables --------------------------------------------------------------

// ContextVar(name, *, default=...)
static AwValue var_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  int npos = argc - 1;
  if (npos < 1)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "ContextVar() takes exactly 1 positional argument (0 given)");
  if (npos > 1)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "ContextVar() takes at most 1 positional argument (%d given)", npos);
  AwValue dflt = AW_UNDEF;
  for (int64_t k = 0; kw && k < kw->len; k++) {
    if (!aw_str_eq_cstr(kw->items[k], "default"))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' is an invalid keyword argument for ContextVar()",
                       AW_AS_STR(kw->items[k])->data);
    dflt = argv[argc + k];
  }
  if (!AW_IS_STR(argv[1])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "context variable name must be a str");
  AwClass *tok_cls = module_class(vm, "Token", token_new);
  AwClass *ctx_cls = tok_cls ? module_class(vm, "Context", ctx_new) : NULL;
  if (!ctx_cls) return AW_EXC;
  AwValue classes = aw_tuple_pack(vm, 2, AW_OBJ(tok_cls), AW_OBJ(ctx_cls));
  if (AW_IS_EXC(classes)) return classes;
  AwIter *v = new_obj(vm, AW_AS_CLASS(argv[0]), TAG_VAR, argv[1], dflt);
  if (!v) return AW_EXC;
  v->c = classes;
  return AW_OBJ(v);
}

static AwClass *var_class(AwIter *var, int which) {
  return AW_AS_CLASS(AW_AS_TUPLE(var->c)->items[which]);
}

static AwValue var_name(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  AwIter *v = check_self(vm, argv[0], TAG_VAR, "ContextVar", "name");
  if (!v) return AW_EXC;
  if (argc == 2) return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "readonly attribute");
  return v->a;
}

// var.get([default])
static AwValue var_get(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *v = check_self(vm, argv[0], TAG_VAR, "ContextVar", "get");
  if (!v || !no_kwargs(vm, kw, "ContextVar.get")) return AW_EXC;
  if (argc > 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "get expected at most 1 argument, got %d", argc - 1);
  AwValue out;
  int r = context_lookup(vm, as_context(vm->context), argv[0], &out);
  if (r < 0) return AW_EXC;
  if (r) return out;
  if (argc == 2) return argv[1];
  if (!AW_IS_UNDEF(v->b)) return v->b;
  return aw_raise_args(vm, AW_EXCCLS(vm, LookupError), 1, &argv[0]);
}

// var.set(value) -> Token
static AwValue var_set(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *v = check_self(vm, argv[0], TAG_VAR, "ContextVar", "set");
  if (!v) return AW_EXC;
  if (argc != 2 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "ContextVar.set() takes exactly one argument (%d given)",
                     argc - 1 + (kw ? (int)kw->len : 0));
  AwInstance *c = split_current(vm, current(vm, true, var_class(v, 1)));
  if (!c) return AW_EXC;
  AwValue old = AW_UNDEF;
  if (context_lookup(vm, c, argv[0], &old) < 0) return AW_EXC;
  AwIter *tok = new_obj(vm, var_class(v, 0), TAG_TOKEN, argv[0], old);
  if (!tok) return AW_EXC;
  tok->c = AW_OBJ(c);
  AwDict *d = context_writable(vm, c);
  if (!d || !aw_dict_set(vm, d, argv[0], argv[1])) return AW_EXC;
  return AW_OBJ(tok);
}

// var.reset(token): back to the value before token's set().
static AwValue var_reset(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  AwIter *v = check_self(vm, argv[0], TAG_VAR, "ContextVar", "reset");
  if (!v) return AW_EXC;
  if (argc != 2 || (kw && kw->len > 0))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "ContextVar.reset() takes exactly one argument (%d given)",
                     argc - 1 + (kw ? (int)kw->len : 0));
  AwIter *tok = tagged(argv[1], TAG_TOKEN);
  if (!tok) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected an instance of Token, got %R", argv[1]);
  if (tok->i) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "%R has already been used once", argv[1]);
  if (!aw_value_is(tok->a, argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%R was created by a different ContextVar", argv[1]);
  AwInstance *c = as_context(vm->context);
  if (!c || !aw_value_is(tok->c, AW_OBJ(c)))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%R was created in a different Context", argv[1]);
  if (!(c = split_current(vm, c))) return AW_EXC;
  tok->i = 1;
  AwDict *d = context_writable(vm, c);
  if (!d) return AW_EXC;
  if (AW_IS_UNDEF(tok->b)) {
    if (aw_dict_del(vm, d, argv[0], NULL) < 0) return AW_EXC;
  } else if (!aw_dict_set(vm, d, argv[0], tok->b)) {
    return AW_EXC;
  }
  return AW_NONE;
}

// <ContextVar name='v' default=1 at 0x...>
static AwValue var_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwIter *v = check_self(vm, argv[0], TAG_VAR, "ContextVar", "__repr__");
  if (!v) return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  bool ok = aw_buf_printf(vm, &b, "<ContextVar name=") && aw_buf_repr(vm, &b, v->a);
  if (ok && !AW_IS_UNDEF(v->b)) ok = aw_buf_printf(vm, &b, " default=") && aw_buf_repr(vm, &b, v->b);
  ok = ok && aw_buf_printf(vm, &b, " at %p>", (void *)v);
  if (!ok) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

// ---- tokens -----------------------------------------------------------------------

static AwValue token_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)argv; (void)kw;
  return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "Tokens can only be created by ContextVars");
}

static AwValue token_var(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  AwIter *t = check_self(vm, argv[0], TAG_TOKEN, "Token", "var");
  if (!t) return AW_EXC;
  if (argc == 2)
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "attribute 'var' of '_contextvars.Token' objects is not writable");
  return t->a;
}

static AwValue token_old_value(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  AwIter *t = check_self(vm, argv[0], TAG_TOKEN, "Token", "old_value");
  if (!t) return AW_EXC;
  if (argc == 2)
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError),
                     "attribute 'old_value' of '_contextvars.Token' objects is not writable");
  if (!AW_IS_UNDEF(t->b)) return t->b;
  AwValue m = aw_class_lookup(vm, aw_obj_class(vm, &t->obj), aw_str_intern(vm, "MISSING", 7));
  return AW_IS_UNDEF(m) ? AW_NONE : m;
}

// <Token var=<ContextVar ...> at 0x...> / <Token used var=...>
static AwValue token_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwIter *t = check_self(vm, argv[0], TAG_TOKEN, "Token", "__repr__");
  if (!t) return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  bool ok = aw_buf_printf(vm, &b, "<Token%s var=", t->i ? " used" : "") && aw_buf_repr(vm, &b, t->a) &&
            aw_buf_printf(vm, &b, " at %p>", (void *)t);
  if (!ok) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

static AwValue missing_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)argv; (void)kw;
  return aw_str_from_cstr(vm, "<Token.MISSING>");
}

// ---- the module --------------------------------------------------------------------

typedef struct {
  const char *name;
  AwNativeFn fn;
  uint16_t flags;
} Method;

#define M AW_NATIVE_METHOD
#define GS (AW_NATIVE_GETTER | AW_NATIVE_SETTER)

static const Method context_methods[] = {
    {"__new__", ctx_new, AW_NATIVE_STATIC},
    {"__getitem__", ctx_getitem, M},
    {"__contains__", ctx_contains, M},
    {"__len__", ctx_len, M},
    {"__iter__", ctx_iter, M},
    {"__eq__", ctx_eq, M},
    {"__ne__", ctx_ne, M},
    {"get", ctx_get, M},
    {"keys", ctx_keys, M},
    {"values", ctx_values, M},
    {"items", ctx_items, M},
    {"copy", ctx_copy_m, M},
    {"run", ctx_run, M},
    {NULL, NULL, 0},
};

static const Method var_methods[] = {
    {"__new__", var_new, AW_NATIVE_STATIC},
    {"__repr__", var_repr, M},
    {"name", var_name, GS},
    {"get", var_get, M},
    {"set", var_set, M},
    {"reset", var_reset, M},
    {NULL, NULL, 0},
};

static const Method token_methods[] = {
    {"__new__", token_new, AW_NATIVE_STATIC},
    {"__repr__", token_repr, M},
    {"var", token_var, GS},
    {"old_value", token_old_value, GS},
    {NULL, NULL, 0},
};

static const Method missing_methods[] = {
    {"__repr__", missing_repr, M},
    {NULL, NULL, 0},
};

#undef M
#undef GS

// A built-in class (of module [module], NULL: builtins) with [methods].
static AwClass *make_class(AwVM *vm, const char *name, const char *module, const Method *methods, AwObjKind kind) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, AW_CLS(vm, object), d);
  aw_pop_root(vm);
  if (!c) return NULL;
  c->instance_kind = (uint8_t)kind;
  c->is_builtin = 1;
  c->slot_flags |= module ? AW_CLS_DOTTED_NAME : 0;  // C types in CPython
  c->module = module ? aw_str_from_cstr(vm, module) : AW_N(vm, builtins);
  if (AW_IS_EXC(c->module)) return NULL;
  for (const Method *m = methods; m->name; m++)
    if (!aw_class_add_native(vm, c, m->name, m->fn, m->flags)) return NULL;
  return c;
}

AwModule *aw_open_contextvars(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "contextvars");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  AwModule *result = NULL;
  AwClass *ctx = make_class(vm, "Context", "_contextvars", context_methods, AW_OBJ_INSTANCE);
  if (!ctx || !aw_module_add_value(vm, m, "Context", AW_OBJ(ctx))) goto done;
  // Contexts are mutable mappings to the eye of __eq__: unhashable.
  if (!aw_dict_set(vm, ctx->dict, AW_N(vm, hash), AW_NONE)) goto done;
  AwClass *var = make_class(vm, "ContextVar", "_contextvars", var_methods, AW_OBJ_ITER);
  if (!var || !aw_module_add_value(vm, m, "ContextVar", AW_OBJ(var))) goto done;
  AwClass *tok = make_class(vm, "Token", "_contextvars", token_methods, AW_OBJ_ITER);
  if (!tok || !aw_module_add_value(vm, m, "Token", AW_OBJ(tok))) goto done;
  AwClass *mis = make_class(vm, "Token.MISSING", NULL, missing_methods, AW_OBJ_ITER);
  AwIter *missing = mis ? new_obj(vm, mis, TAG_MISSING, AW_UNDEF, AW_UNDEF) : NULL;
  if (!missing || !aw_dict_set_cstr(vm, tok->dict, "MISSING", AW_OBJ(missing))) goto done;
  if (!aw_module_add_fn(vm, m, "copy_context", cv_copy_context)) goto done;
  result = m;
done:
  aw_pop_root(vm);
  return result;
}

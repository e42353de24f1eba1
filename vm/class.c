// vm/class.c -- classes and the attribute protocol: type_of, subclass
// checks, attribute lookup with descriptors (functions, natives, property,
// staticmethod, classmethod), __getattr__, instantiation, BUILD_CLASS, and
// the built-in classes object, type, property, staticmethod, classmethod
// and super.
#include <string.h>
#include "vm/interp.h"
#include "vm/loop.h"

// ---- types ---------------------------------------------------------------

AwClass *aw_type_of(AwVM *vm, AwValue v) {
  switch (v.tag) {
    case AW_T_NONE: return AW_CLS(vm, NoneType);
    case AW_T_BOOL: return AW_CLS(vm, bool);
    case AW_T_INT: return AW_CLS(vm, int);
    case AW_T_FLOAT: return AW_CLS(vm, float);
    case AW_T_OBJ: return aw_obj_class(vm, AW_AS_OBJ(v));
    default: return AW_CLS(vm, NoneType);
  }
}

const char *aw_type_name(AwVM *vm, AwValue v) {
  AwClass *c = aw_type_of(vm, v);
  if ((c->slot_flags & AW_CLS_DOTTED_NAME) && AW_IS_STR(c->module) && AW_IS_STR(c->name)) {
    if (!c->dotted_name) {
      // Made once; if that fails (no memory), the plain name serves.
      AwValue d = aw_str_format(vm, "%s.%s", AW_AS_STR(c->module)->data, AW_AS_STR(c->name)->data);
      if (AW_IS_EXC(d)) aw_exc_take(vm);
      else c->dotted_name = AW_AS_STR(d);
    }
    if (c->dotted_name) return c->dotted_name->data;
  }
  return AW_IS_STR(c->name) ? AW_AS_STR(c->name)->data : "?";
}

bool aw_is_subclass(AwClass *c, AwClass *base) {
  for (; c; c = c->base) {
    if (c == base) return true;
    // ExceptionGroup derives from both BaseExceptionGroup and Exception in
    // CPython; with single inheritance it carries Exception as a flag.
    if ((c->slot_flags & AW_CLS_ALSO_EXCEPTION) && (base->slot_flags & AW_CLS_EXCEPTION_ROOT)) return true;
  }
  return false;
}

bool aw_isinstance(AwVM *vm, AwValue v, AwClass *cls) { return aw_is_subclass(aw_type_of(vm, v), cls); }

AwValue aw_class_lookup(AwVM *vm, AwClass *cls, AwValue name) {
  (void)vm;
  for (AwClass *c = cls; c; c = c->base) {
    AwValue v = aw_dict_get_str(c->dict, name);
    if (!AW_IS_UNDEF(v)) return v;
  }
  return AW_UNDEF;
}

static uint16_t compute_slot_flags(AwVM *vm, AwClass *cls) {
  uint16_t fl = cls->slot_flags & (AW_CLS_USER | AW_CLS_ALSO_EXCEPTION | AW_CLS_EXCEPTION_ROOT);
  if (!AW_IS_UNDEF(aw_class_lookup(vm, cls, AW_N(vm, getattr)))) fl |= AW_CLS_HAS_GETATTR;
  return fl;
}

AwClass *aw_class_new(AwVM *vm, AwValue name, AwClass *base, AwDict *dict) {
  if (!dict) {
    dict = aw_dict_new(vm);
    if (!dict) return NULL;
  }
  AwClass *c = (AwClass *)aw_obj_alloc(vm, sizeof(AwClass), AW_OBJ_CLASS, AW_CLS(vm, type));
  if (!c) return NULL;
  c->name = name;
  c->qualname = name;
  c->module = AW_NONE;
  c->base = base;
  c->dict = dict;
  c->instance_kind = base ? base->instance_kind : AW_OBJ_INSTANCE;
  if (base) c->slot_flags = base->slot_flags & AW_CLS_ALSO_EXCEPTION;
  c->is_builtin = 0;
  c->serial = ++vm->class_serial;
  return c;
}

bool aw_class_add_native(AwVM *vm, AwClass *cls, const char *name, AwNativeFn fn, uint16_t flags) {
  AwNative *n = aw_native_new(vm, name, fn, flags);
  if (!n) return false;
  AwValue key = aw_str_intern(vm, name, strlen(name));
  if (AW_IS_EXC(key)) return false;
  return aw_dict_set(vm, cls->dict, key, AW_OBJ(n));
}

// ---- binding -----------------------------------------------------------------

static AwValue new_bound(AwVM *vm, AwValue func, AwValue self) {
  AwBound *b = (AwBound *)aw_obj_alloc(vm, sizeof(AwBound), AW_OBJ_BOUND, AW_CLS(vm, method));
  if (!b) return AW_EXC;
  b->func = func;
  b->self = self;
  return AW_OBJ(b);
}

static AwValue bind_native(AwVM *vm, AwNative *n, AwValue self) {
  AwNative *b = (AwNative *)aw_obj_alloc(vm, sizeof(AwNative), AW_OBJ_NATIVE, AW_CLS(vm, builtin_function));
  if (!b) return AW_EXC;
  b->fn = n->fn;
  b->name = n->name;
  b->self = self;
  b->data = n->data;
  b->flags = n->flags;
  return AW_OBJ(b);
}

AwValue aw_bind_method(AwVM *vm, AwValue func, AwValue self) {
  if (AW_IS_KIND(func, AW_OBJ_NATIVE)) {
    AwNative *n = (AwNative *)AW_AS_OBJ(func);
    if (n->flags & AW_NATIVE_STATIC) return func;
    return bind_native(vm, n, self);
  }
  if (AW_IS_KIND(func, AW_OBJ_FUNCTION)) return new_bound(vm, func, self);
  return aw_descr_get(vm, func, self, AW_OBJ(aw_type_of(vm, self)));
}

static bool is_classmethod(AwVM *vm, AwValue v) {
  return AW_IS_KIND(v, AW_OBJ_WRAPPER) && aw_obj_class(vm, AW_AS_OBJ(v)) == AW_CLS(vm, classmethod);
}
static bool is_staticmethod(AwVM *vm, AwValue v) {
  return AW_IS_KIND(v, AW_OBJ_WRAPPER) && aw_obj_class(vm, AW_AS_OBJ(v)) == AW_CLS(vm, staticmethod);
}

// The descriptor protocol for a class attribute [d] accessed through
// [obj] (UNDEF when accessed on the class itself) of class [owner].
AwValue aw_descr_get(AwVM *vm, AwValue d, AwValue obj, AwValue owner) {
  if (!AW_IS_OBJ(d)) return d;
  switch (AW_AS_OBJ(d)->kind) {
    case AW_OBJ_FUNCTION:
      return AW_IS_UNDEF(obj) ? d : new_bound(vm, d, obj);
    case AW_OBJ_NATIVE: {
      AwNative *n = (AwNative *)AW_AS_OBJ(d);
      if (!AW_IS_UNDEF(n->self)) return d;
      if (n->flags & AW_NATIVE_GETTER) {
        if (AW_IS_UNDEF(obj)) return d;
        return n->fn(vm, 1, &obj, NULL);
      }
      if (n->flags & AW_NATIVE_CLASSMETHOD) return bind_native(vm, n, owner);
      if ((n->flags & AW_NATIVE_METHOD) && !AW_IS_UNDEF(obj)) return bind_native(vm, n, obj);
      return d;
    }
    case AW_OBJ_PROPERTY: {
      if (AW_IS_UNDEF(obj)) return d;
      AwProperty *p = (AwProperty *)AW_AS_OBJ(d);
      if (AW_IS_NONE(p->fget) || AW_IS_UNDEF(p->fget))
        return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "property object has no getter");
      return aw_call(vm, p->fget, 1, &obj, NULL);
    }
    case AW_OBJ_WRAPPER: {
      AwWrapper *w = (AwWrapper *)AW_AS_OBJ(d);
      if (aw_obj_class(vm, AW_AS_OBJ(d)) == AW_CLS(vm, staticmethod)) return w->value;
      if (aw_obj_class(vm, AW_AS_OBJ(d)) == AW_CLS(vm, classmethod)) return new_bound(vm, w->value, owner);
      return d;
    }
    case AW_OBJ_INSTANCE: {
      AwValue get = aw_lookup_special(vm, d, AW_N(vm, get));
      if (AW_IS_UNDEF(get)) return d;
      AwValue args[3] = {d, AW_IS_UNDEF(obj) ? AW_NONE : obj, owner};
      return aw_call(vm, get, 3, args, NULL);
    }
    default:
      return d;
  }
}

static bool is_data_descriptor(AwVM *vm, AwValue d) {
  if (!AW_IS_OBJ(d)) return false;
  if (AW_AS_OBJ(d)->kind == AW_OBJ_PROPERTY) return true;
  if (AW_AS_OBJ(d)->kind == AW_OBJ_NATIVE) return (((AwNative *)AW_AS_OBJ(d))->flags & AW_NATIVE_GETTER) != 0;
  if (AW_AS_OBJ(d)->kind == AW_OBJ_INSTANCE)
    return !AW_IS_UNDEF(aw_lookup_special(vm, d, AW_N(vm, set)));
  return false;
}

// ---- attribute lookup ----------------------------------------------------------

static AwDict *instance_dict(AwValue obj) {
  if (!AW_IS_OBJ(obj)) return NULL;
  switch (AW_AS_OBJ(obj)->kind) {
    case AW_OBJ_INSTANCE:
    case AW_OBJ_EXCEPTION: return AW_AS_INSTANCE(obj)->dict;
    case AW_OBJ_FUNCTION: return ((AwFunction *)AW_AS_OBJ(obj))->attrs;
    case AW_OBJ_MODULE: return ((AwModule *)AW_AS_OBJ(obj))->dict;
    case AW_OBJ_FUTURE: return aw_future_attrs((AwFuture *)AW_AS_OBJ(obj));
    default: return NULL;
  }
}

static AwValue attribute_error(AwVM *vm, AwValue obj, AwValue name) {
  if (AW_IS_CLASS(obj))
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "type object '%s' has no attribute '%s'",
                     AW_AS_STR(AW_AS_CLASS(obj)->name)->data, AW_AS_STR(name)->data);
  if (AW_IS_KIND(obj, AW_OBJ_MODULE))
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "module '%s' has no attribute '%s'",
                     AW_AS_STR(((AwModule *)AW_AS_OBJ(obj))->name)->data, AW_AS_STR(name)->data);
  return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "'%s' object has no attribute '%s'", aw_type_name(vm, obj),
                   AW_AS_STR(name)->data);
}

static AwValue tuple_of_bases(AwVM *vm, AwClass *c) {
  if (!c->base) return vm->empty_tuple;
  return aw_tuple_pack(vm, 1, AW_OBJ(c->base));
}

static AwValue class_mro(AwVM *vm, AwClass *c) {
  int n = 0;
  for (AwClass *k = c; k; k = k->base) n++;
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return AW_EXC;
  n = 0;
  for (AwClass *k = c; k; k = k->base) t->items[n++] = AW_OBJ(k);
  return AW_OBJ(t);
}

// Attributes every class has that are not in its dict.
static AwValue class_special_attr(AwVM *vm, AwClass *c, AwValue name) {
  const char *s = AW_AS_STR(name)->data;
  if (s[0] != '_' || s[1] != '_') return AW_UNDEF;
  if (!strcmp(s, "__name__")) return c->name;
  if (!strcmp(s, "__qualname__")) return c->qualname;
  if (!strcmp(s, "__module__")) {
    AwValue m = aw_dict_get_str(c->dict, name);
    return AW_IS_UNDEF(m) ? c->module : m;
  }
  if (!strcmp(s, "__bases__")) return tuple_of_bases(vm, c);
  if (!strcmp(s, "__base__")) return c->base ? AW_OBJ(c->base) : AW_NONE;
  if (!strcmp(s, "__mro__")) return class_mro(vm, c);
  if (!strcmp(s, "__dict__")) return AW_OBJ(c->dict);
  if (!strcmp(s, "__doc__")) {
    AwValue d = aw_dict_get_str(c->dict, name);
    return AW_IS_UNDEF(d) ? AW_NONE : d;
  }
  if (!strcmp(s, "__class__")) return AW_OBJ(aw_obj_class(vm, &c->obj));
  return AW_UNDEF;
}

static AwValue function_special_attr(AwVM *vm, AwFunction *fn, AwValue name) {
  const char *s = AW_AS_STR(name)->data;
  if (s[0] != '_' || s[1] != '_') return AW_UNDEF;
  if (!strcmp(s, "__name__")) return fn->name;
  if (!strcmp(s, "__qualname__")) return fn->qualname;
  if (!strcmp(s, "__module__")) return fn->module;
  if (!strcmp(s, "__doc__")) return fn->doc;
  if (!strcmp(s, "__code__")) return AW_OBJ(fn->proto);
  if (!strcmp(s, "__defaults__")) return fn->defaults ? AW_OBJ(fn->defaults) : AW_NONE;
  if (!strcmp(s, "__kwdefaults__")) return fn->kwdefaults ? AW_OBJ(fn->kwdefaults) : AW_NONE;
  if (!strcmp(s, "__globals__")) return AW_OBJ(fn->globals);
  if (!strcmp(s, "__closure__")) return fn->closure ? AW_OBJ(fn->closure) : AW_NONE;
  if (!strcmp(s, "__dict__")) {
    if (!fn->attrs) {
      fn->attrs = aw_dict_new(vm);
      if (!fn->attrs) return AW_EXC;
    }
    return AW_OBJ(fn->attrs);
  }
  return AW_UNDEF;
}

static AwValue object_special_attr(AwVM *vm, AwValue obj, AwValue name) {
  const char *s = AW_AS_STR(name)->data;
  if (s[0] != '_' || s[1] != '_') return AW_UNDEF;
  if (!strcmp(s, "__class__")) return AW_OBJ(aw_type_of(vm, obj));
  // CPython's futures show none; nor do classes whose instances refuse
  // new attributes (object itself, deque).
  if (!strcmp(s, "__dict__") && !AW_IS_KIND(obj, AW_OBJ_FUTURE) &&
      !(aw_type_of(vm, obj)->slot_flags & AW_CLS_NO_NEW_ATTRS)) {
    AwDict *d = instance_dict(obj);
    if (d) return AW_OBJ(d);
  }
  if (AW_IS_KIND(obj, AW_OBJ_BOUND)) {
    AwBound *b = (AwBound *)AW_AS_OBJ(obj);
    if (!strcmp(s, "__self__")) return b->self;
    if (!strcmp(s, "__func__")) return b->func;
    if (!strcmp(s, "__name__") || !strcmp(s, "__qualname__") || !strcmp(s, "__doc__") ||
        !strcmp(s, "__module__"))
      return aw_getattr(vm, b->func, name);
  }
  if (AW_IS_KIND(obj, AW_OBJ_NATIVE)) {
    AwNative *n = (AwNative *)AW_AS_OBJ(obj);
    if (!strcmp(s, "__name__") || !strcmp(s, "__qualname__")) return aw_str_from_cstr(vm, n->name);
    if (!strcmp(s, "__self__")) return AW_IS_UNDEF(n->self) ? AW_NONE : n->self;
    if (!strcmp(s, "__doc__")) return AW_NONE;
  }
  if (AW_IS_KIND(obj, AW_OBJ_MODULE)) {
    if (!strcmp(s, "__name__")) return ((AwModule *)AW_AS_OBJ(obj))->name;
  }
  if (AW_IS_KIND(obj, AW_OBJ_PROTO)) {
    return AW_UNDEF;
  }
  return AW_UNDEF;
}

static AwValue getattr_class(AwVM *vm, AwClass *c, AwValue name) {
  AwValue v = aw_class_lookup(vm, c, name);
  if (!AW_IS_UNDEF(v)) {
    const char *s = AW_AS_STR(name)->data;
    // __name__ etc. stored in the dict by the class body win only for user
    // attributes; the type's own fields are authoritative.
    if (s[0] == '_' && s[1] == '_' && (!strcmp(s, "__name__") || !strcmp(s, "__qualname__"))) {
      return class_special_attr(vm, c, name);
    }
    return aw_descr_get(vm, v, AW_UNDEF, AW_OBJ(c));
  }
  v = class_special_attr(vm, c, name);
  if (!AW_IS_UNDEF(v)) return v;
  // Methods of `type` itself (e.g. mro), looked up on the metaclass.
  v = aw_class_lookup(vm, AW_CLS(vm, type), name);
  if (!AW_IS_UNDEF(v)) return aw_descr_get(vm, v, AW_OBJ(c), AW_OBJ(AW_CLS(vm, type)));
  return AW_UNDEF;
}

AwValue aw_getattr_opt(AwVM *vm, AwValue obj, AwValue name) {
  if (AW_IS_CLASS(obj)) return getattr_class(vm, AW_AS_CLASS(obj), name);
  if (AW_IS_KIND(obj, AW_OBJ_WRAPPER) && aw_obj_class(vm, AW_AS_OBJ(obj)) == AW_CLS(vm, super))
    return aw_super_getattr(vm, (AwWrapper *)AW_AS_OBJ(obj), name);
  AwClass *cls = aw_type_of(vm, obj);
  AwValue d = aw_class_lookup(vm, cls, name);
  if (!AW_IS_UNDEF(d) && is_data_descriptor(vm, d)) return aw_descr_get(vm, d, obj, AW_OBJ(cls));
  AwDict *dict = instance_dict(obj);
  if (dict) {
    AwValue v = aw_dict_get_str(dict, name);
    if (!AW_IS_UNDEF(v)) return v;
  }
  if (AW_IS_EXCEPTION(obj)) {
    AwValue v = aw_exc_getattr(vm, AW_AS_EXCEPTION(obj), name);
    if (!AW_IS_UNDEF(v)) return v;
  }
  if (AW_IS_KIND(obj, AW_OBJ_FUNCTION)) {
    AwValue v = function_special_attr(vm, (AwFunction *)AW_AS_OBJ(obj), name);
    if (!AW_IS_UNDEF(v)) return v;
  }
  if (!AW_IS_UNDEF(d)) return aw_descr_get(vm, d, obj, AW_OBJ(cls));
  AwValue v = object_special_attr(vm, obj, name);
  if (!AW_IS_UNDEF(v)) return v;
  if (cls->slot_flags & AW_CLS_HAS_GETATTR || (!cls->is_builtin && !AW_IS_UNDEF(aw_class_lookup(vm, cls, AW_N(vm, getattr))))) {
    AwValue ga = aw_class_lookup(vm, cls, AW_N(vm, getattr));
    if (!AW_IS_UNDEF(ga)) {
      AwValue args[2] = {obj, name};
      AwValue r = aw_call(vm, ga, 2, args, NULL);
      if (AW_IS_EXC(r) && aw_exc_pending_is(vm, AW_EXCCLS(vm, AttributeError))) {
        // Keep the user's AttributeError: only "missing" is reported as UNDEF
        // by callers that asked for _opt semantics.
        return r;
      }
      return r;
    }
  }
  return AW_UNDEF;
}

AwValue aw_getattr(AwVM *vm, AwValue obj, AwValue name) {
  AwValue v = aw_getattr_opt(vm, obj, name);
  if (AW_IS_UNDEF(v)) return attribute_error(vm, obj, name);
  return v;
}

AwValue aw_getattr_cstr(AwVM *vm, AwValue obj, const char *name) {
  AwValue n = aw_str_intern(vm, name, strlen(name));
  if (AW_IS_EXC(n)) return n;
  return aw_getattr(vm, obj, n);
}

AwValue aw_lookup_special(AwVM *vm, AwValue v, AwValue name) {
  return aw_class_lookup(vm, aw_type_of(vm, v), name);
}

bool aw_load_method(AwVM *vm, AwValue obj, AwValue name, AwValue *meth, AwValue *self) {
  if (!AW_IS_CLASS(obj) && !AW_IS_KIND(obj, AW_OBJ_MODULE) && !AW_IS_KIND(obj, AW_OBJ_WRAPPER)) {
    AwClass *cls = aw_type_of(vm, obj);
    AwValue d = aw_class_lookup(vm, cls, name);
    bool plain_fn = AW_IS_KIND(d, AW_OBJ_FUNCTION);
    bool plain_native = AW_IS_KIND(d, AW_OBJ_NATIVE) &&
                        (((AwNative *)AW_AS_OBJ(d))->flags & (AW_NATIVE_METHOD | AW_NATIVE_GETTER | AW_NATIVE_CLASSMETHOD)) ==
                            AW_NATIVE_METHOD &&
                        AW_IS_UNDEF(((AwNative *)AW_AS_OBJ(d))->self);
    if (plain_fn || plain_native) {
      AwDict *dict = instance_dict(obj);
      if (!dict || AW_IS_UNDEF(aw_dict_get_str(dict, name))) {
        *meth = d;
        *self = obj;
        return true;
      }
    }
  }
  AwValue v = aw_getattr(vm, obj, name);
  if (AW_IS_EXC(v)) return false;
  *meth = AW_UNDEF;
  *self = v;
  return true;
}

static bool readonly_error(AwVM *vm, AwValue obj, AwValue name) {
  if (AW_IS_CLASS(obj))
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot set '%s' attribute of immutable type '%s'", AW_AS_STR(name)->data,
              AW_AS_STR(AW_AS_CLASS(obj)->name)->data);
  else
    aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "'%s' object has no attribute '%s'", aw_type_name(vm, obj),
              AW_AS_STR(name)->data);
  return false;
}

bool aw_setattr(AwVM *vm, AwValue obj, AwValue name, AwValue value) {
  if (AW_IS_CLASS(obj)) {
    AwClass *c = AW_AS_CLASS(obj);
    if (c->is_builtin) return readonly_error(vm, obj, name);
    const char *s = AW_AS_STR(name)->data;
    if (!strcmp(s, "__name__")) { c->name = value; return true; }
    if (!strcmp(s, "__qualname__")) { c->qualname = value; return true; }
    if (!aw_dict_set(vm, c->dict, name, value)) return false;
    c->slot_flags = compute_slot_flags(vm, c) | (c->slot_flags & AW_CLS_KEPT);
    return true;
  }
  AwClass *cls = aw_type_of(vm, obj);
  AwValue d = aw_class_lookup(vm, cls, name);
  if (!AW_IS_UNDEF(d) && AW_IS_OBJ(d)) {
    if (AW_AS_OBJ(d)->kind == AW_OBJ_PROPERTY) {
      AwProperty *p = (AwProperty *)AW_AS_OBJ(d);
      if (AW_IS_NONE(p->fset) || AW_IS_UNDEF(p->fset)) {
        aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "property '%s' of '%s' object has no setter",
                  AW_AS_STR(name)->data, aw_type_name(vm, obj));
        return false;
      }
      AwValue args[2] = {obj, value};
      return !AW_IS_EXC(aw_call(vm, p->fset, 2, args, NULL));
    }
    if (AW_AS_OBJ(d)->kind == AW_OBJ_NATIVE && (((AwNative *)AW_AS_OBJ(d))->flags & AW_NATIVE_SETTER)) {
      AwValue args[2] = {obj, value};
      return !AW_IS_EXC(((AwNative *)AW_AS_OBJ(d))->fn(vm, 2, args, NULL));
    }
    if (AW_AS_OBJ(d)->kind == AW_OBJ_NATIVE && (((AwNative *)AW_AS_OBJ(d))->flags & AW_NATIVE_GETTER) &&
        cls->is_builtin && AW_IS_KIND(obj, AW_OBJ_FUTURE)) {
      // A read-only field (_state, _loop, ...) of an object that otherwise
      // takes attributes.
      aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "attribute '%s' of '%s' objects is not writable",
                AW_AS_STR(name)->data, aw_type_name(vm, obj));
      return false;
    }
    if (AW_AS_OBJ(d)->kind == AW_OBJ_INSTANCE) {
      AwValue set = aw_lookup_special(vm, d, AW_N(vm, set));
      if (!AW_IS_UNDEF(set)) {
        AwValue args[3] = {d, obj, value};
        return !AW_IS_EXC(aw_call(vm, set, 3, args, NULL));
      }
    }
  }
  if (!cls->is_builtin || AW_IS_EXCEPTION(obj)) {
    AwValue sa = aw_class_lookup(vm, cls, AW_N(vm, setattr));
    if (!AW_IS_UNDEF(sa) && AW_IS_KIND(sa, AW_OBJ_FUNCTION)) {
      AwValue args[3] = {obj, name, value};
      return !AW_IS_EXC(aw_call(vm, sa, 3, args, NULL));
    }
  }
  if (AW_IS_EXCEPTION(obj)) {
    bool handled = false;
    if (!aw_exc_setattr(vm, AW_AS_EXCEPTION(obj), name, value, &handled)) return false;
    if (handled) return true;
  }
  if (AW_IS_KIND(obj, AW_OBJ_FUNCTION)) {
    AwFunction *fn = (AwFunction *)AW_AS_OBJ(obj);
    const char *s = AW_AS_STR(name)->data;
    if (!strcmp(s, "__name__")) { fn->name = value; return true; }
    if (!strcmp(s, "__qualname__")) { fn->qualname = value; return true; }
    if (!strcmp(s, "__doc__")) { fn->doc = value; return true; }
    if (!strcmp(s, "__module__")) { fn->module = value; return true; }
    if (!fn->attrs && !(fn->attrs = aw_dict_new(vm))) return false;
  }
  if (AW_IS_KIND(obj, AW_OBJ_FUTURE) && !aw_future_attrs_new(vm, (AwFuture *)AW_AS_OBJ(obj))) return false;
  AwDict *dict = instance_dict(obj);
  if (!dict) return readonly_error(vm, obj, name);
  if ((cls->slot_flags & AW_CLS_NO_NEW_ATTRS) && aw_dict_str_index(dict, name) < 0) {
    attribute_error(vm, obj, name);
    return false;
  }
  return aw_dict_set(vm, dict, name, value);
}

bool aw_delattr(AwVM *vm, AwValue obj, AwValue name) {
  AwClass *cls = aw_type_of(vm, obj);
  AwValue d = AW_IS_CLASS(obj) ? AW_UNDEF : aw_class_lookup(vm, cls, name);
  if (AW_IS_KIND(d, AW_OBJ_PROPERTY)) {
    AwProperty *p = (AwProperty *)AW_AS_OBJ(d);
    if (AW_IS_NONE(p->fdel) || AW_IS_UNDEF(p->fdel)) {
      aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "property '%s' of '%s' object has no deleter",
                AW_AS_STR(name)->data, aw_type_name(vm, obj));
      return false;
    }
    return !AW_IS_EXC(aw_call(vm, p->fdel, 1, &obj, NULL));
  }
  if (!cls->is_builtin) {
    AwValue da = aw_class_lookup(vm, cls, AW_N(vm, delattr));
    if (AW_IS_KIND(da, AW_OBJ_FUNCTION)) {
      AwValue args[2] = {obj, name};
      return !AW_IS_EXC(aw_call(vm, da, 2, args, NULL));
    }
  }
  AwDict *dict = AW_IS_CLASS(obj) ? (AW_AS_CLASS(obj)->is_builtin ? NULL : AW_AS_CLASS(obj)->dict) : instance_dict(obj);
  if (dict) {
    int r = aw_dict_del(vm, dict, name, NULL);
    if (r < 0) return false;
    if (r > 0) return true;
  }
  attribute_error(vm, obj, name);
  return false;
}

// ---- instantiation ---------------------------------------------------------------

// Calls [fn] with [first] prepended to the arguments.
static AwValue call_with_first(AwVM *vm, AwValue fn, AwValue first, int argc, AwValue *argv, AwTuple *kw) {
  int total = argc + (kw ? (int)kw->len : 0);
  AwValue small[16];
  AwValue *args = small;
  if (total + 1 > 16) {
    args = aw_mem_alloc(vm, sizeof(AwValue) * (size_t)(total + 1));
    if (!args) return AW_EXC;
  }
  args[0] = first;
  if (total) memcpy(args + 1, argv, sizeof(AwValue) * (size_t)total);
  aw_push_root(vm, first);
  AwValue r = aw_call(vm, fn, argc + 1, args, kw);
  aw_pop_root(vm);
  if (args != small) aw_mem_free(vm, args, sizeof(AwValue) * (size_t)(total + 1));
  return r;
}

AwValue aw_call_class(AwVM *vm, AwClass *cls, int argc, AwValue *argv, AwTuple *kw) {
  if (cls == AW_CLS(vm, type) && argc == 1 && !kw) return AW_OBJ(aw_type_of(vm, argv[0]));
  AwValue newf = aw_class_lookup(vm, cls, AW_N(vm, new));
  if (AW_IS_UNDEF(newf))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot create '%s' instances", AW_AS_STR(cls->name)->data);
  if (is_staticmethod(vm, newf)) newf = ((AwWrapper *)AW_AS_OBJ(newf))->value;
  AwValue obj = call_with_first(vm, newf, AW_OBJ(cls), argc, argv, kw);
  if (AW_IS_EXC(obj)) return obj;
  if (!aw_isinstance(vm, obj, cls)) return obj;
  AwValue init = aw_class_lookup(vm, aw_type_of(vm, obj), AW_N(vm, init));
  if (AW_IS_UNDEF(init) || (AW_IS_KIND(init, AW_OBJ_NATIVE) && ((AwNative *)AW_AS_OBJ(init))->fn == aw_object_init))
    return obj;
  aw_push_root(vm, obj);
  AwValue r = call_with_first(vm, init, obj, argc, argv, kw);
  aw_pop_root(vm);
  if (AW_IS_EXC(r)) return r;
  if (!AW_IS_NONE(r))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "__init__() should return None, not '%s'", aw_type_name(vm, r));
  return obj;
}

static bool class_has_custom(AwVM *vm, AwClass *cls, AwValue name, AwNativeFn deflt) {
  AwValue v = aw_class_lookup(vm, cls, name);
  return !AW_IS_UNDEF(v) && !(AW_IS_KIND(v, AW_OBJ_NATIVE) && ((AwNative *)AW_AS_OBJ(v))->fn == deflt);
}

static AwValue object_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (argc < 1 || !AW_IS_CLASS(argv[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "object.__new__(X): X is not a type object");
  AwClass *cls = AW_AS_CLASS(argv[0]);
  if ((argc > 1 || kw) && !class_has_custom(vm, cls, AW_N(vm, init), aw_object_init)) {
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no arguments", AW_AS_STR(cls->name)->data);
  }
  if (cls->instance_kind != AW_OBJ_INSTANCE)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "object.__new__(%s) is not safe, use %s.__new__()",
                     AW_AS_STR(cls->name)->data, AW_AS_STR(cls->name)->data);
  AwInstance *inst = (AwInstance *)aw_obj_alloc(vm, sizeof(AwInstance), AW_OBJ_INSTANCE, cls);
  if (!inst) return AW_EXC;
  inst->dict = aw_dict_new(vm);
  if (!inst->dict) return AW_EXC;
  return AW_OBJ(inst);
}

AwValue aw_object_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if ((argc > 1 || kw) && argc >= 1) {
    AwClass *cls = aw_type_of(vm, argv[0]);
    if (!class_has_custom(vm, cls, AW_N(vm, new), object_new) || class_has_custom(vm, cls, AW_N(vm, init), aw_object_init))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "object.__init__() takes exactly one argument (the instance to initialize)");
  }
  return AW_NONE;
}

static AwValue object_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwClass *c = aw_type_of(vm, argv[0]);
  AwValue mod = aw_dict_get_str(c->dict, AW_N(vm, module));
  if (AW_IS_UNDEF(mod)) mod = c->module;
  if (AW_IS_STR(mod) && strcmp(AW_AS_STR(mod)->data, "builtins"))
    return aw_str_format(vm, "<%s.%s object at %p>", AW_AS_STR(mod)->data, AW_AS_STR(c->qualname)->data,
                         (void *)AW_AS_OBJ(argv[0]));
  return aw_str_format(vm, "<%s object at %p>", AW_AS_STR(c->qualname)->data, (void *)(AW_IS_OBJ(argv[0]) ? AW_AS_OBJ(argv[0]) : NULL));
}

static AwValue object_str(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwStr *s = aw_repr(vm, argv[0]);
  return s ? AW_OBJ(s) : AW_EXC;
}

static AwValue object_eq(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  return aw_value_is(argv[0], argv[1]) ? AW_TRUE : vm->not_implemented;
}

static AwValue object_ne(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwValue eq = aw_lookup_special(vm, argv[0], AW_N(vm, eq));
  AwValue r = aw_call(vm, eq, 2, argv, NULL);
  if (AW_IS_EXC(r) || aw_value_is(r, vm->not_implemented)) return r;
  int t = aw_truthy(vm, r);
  if (t < 0) return AW_EXC;
  return AW_BOOL(!t);
}

static AwValue object_hash(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw; (void)vm;
  return AW_INT((int64_t)((uintptr_t)AW_AS_OBJ(argv[0]) >> 4));
}

static AwValue object_format(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  if (argc >= 2 && AW_IS_STR(argv[1]) && AW_AS_STR(argv[1])->nbytes > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "unsupported format string passed to %s.__format__",
                     aw_type_name(vm, argv[0]));
  AwStr *s = aw_to_str(vm, argv[0]);
  return s ? AW_OBJ(s) : AW_EXC;
}

static AwValue object_getattribute(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "__getattribute__", argc, kw, 2, 2)) return AW_EXC;
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "attribute name must be string, not '%s'", aw_type_name(vm, argv[1]));
  return aw_getattr(vm, argv[0], argv[1]);
}

static AwValue object_setattr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "__setattr__", argc, kw, 3, 3)) return AW_EXC;
  AwDict *dict = instance_dict(argv[0]);
  if (!dict) return readonly_error(vm, argv[0], argv[1]) ? AW_NONE : AW_EXC;
  AwValue d = aw_class_lookup(vm, aw_type_of(vm, argv[0]), argv[1]);
  if (AW_IS_KIND(d, AW_OBJ_PROPERTY)) {
    AwProperty *p = (AwProperty *)AW_AS_OBJ(d);
    AwValue args[2] = {argv[0], argv[2]};
    return aw_call(vm, p->fset, 2, args, NULL);
  }
  return aw_dict_set(vm, dict, argv[1], argv[2]) ? AW_NONE : AW_EXC;
}

static AwValue object_delattr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "__delattr__", argc, kw, 2, 2)) return AW_EXC;
  AwDict *dict = instance_dict(argv[0]);
  int r = dict ? aw_dict_del(vm, dict, argv[1], NULL) : 0;
  if (r < 0) return AW_EXC;
  if (r == 0) return attribute_error(vm, argv[0], argv[1]);
  return AW_NONE;
}

static AwValue object_init_subclass(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)argv; (void)kw;
  return AW_NONE;
}

static AwValue object_dir(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwSet *names = aw_set_new(vm, false);
  if (!names) return AW_EXC;
  AwDict *d = instance_dict(argv[0]);
  int64_t pos = 0;
  AwValue k, v;
  if (d)
    while (aw_dict_next(d, &pos, &k, &v))
      if (!aw_set_add(vm, names, k)) return AW_EXC;
  AwClass *start = AW_IS_CLASS(argv[0]) ? AW_AS_CLASS(argv[0]) : aw_type_of(vm, argv[0]);
  for (AwClass *c = start; c; c = c->base) {
    pos = 0;
    while (aw_dict_next(c->dict, &pos, &k, &v))
      if (!aw_set_add(vm, names, k)) return AW_EXC;
  }
  AwList *l = aw_list_from_iterable(vm, AW_OBJ(names));
  if (!l || !aw_list_sort(vm, l, AW_UNDEF, false)) return AW_EXC;
  return AW_OBJ(l);
}

// ---- type ------------------------------------------------------------------------

static AwValue type_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  if (argc == 2) return AW_OBJ(aw_type_of(vm, argv[1]));
  if (argc != 4) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "type() takes 1 or 3 arguments");
  if (!AW_IS_STR(argv[1]) || !AW_IS_TUPLE(argv[2]) || !AW_IS_DICT(argv[3]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "type.__new__() argument types must be str, tuple, dict");
  AwTuple *bases = AW_AS_TUPLE(argv[2]);
  AwClass *base = AW_CLS(vm, object);
  if (bases->len > 1)
    return aw_raisef(vm, AW_EXCCLS(vm, NotImplementedError), "multiple inheritance is not supported");
  if (bases->len == 1) {
    if (!AW_IS_CLASS(bases->items[0])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bases must be types");
    base = AW_AS_CLASS(bases->items[0]);
  }
  AwDict *d = aw_dict_copy(vm, AW_AS_DICT(argv[3]));
  if (!d) return AW_EXC;
  AwClass *c = aw_class_new(vm, argv[1], base, d);
  if (!c) return AW_EXC;
  c->slot_flags |= AW_CLS_USER;
  c->slot_flags |= compute_slot_flags(vm, c);
  c->module = aw_dict_get_str(vm->frame ? vm->frame->globals : vm->builtins, AW_N(vm, name));
  if (AW_IS_UNDEF(c->module)) c->module = AW_NONE;
  return AW_OBJ(c);
}

static AwValue type_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwClass *c = AW_AS_CLASS(argv[0]);
  AwValue mod = c->is_builtin ? c->module : aw_dict_get_str(c->dict, AW_N(vm, module));
  if (AW_IS_UNDEF(mod)) mod = c->module;
  if (AW_IS_STR(mod) && strcmp(AW_AS_STR(mod)->data, "builtins"))
    return aw_str_format(vm, "<class '%s.%s'>", AW_AS_STR(mod)->data, AW_AS_STR(c->qualname)->data);
  return aw_str_format(vm, "<class '%s'>", AW_AS_STR(c->qualname)->data);
}

static AwValue type_mro(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwValue t = class_mro(vm, AW_AS_CLASS(argv[0]));
  if (AW_IS_EXC(t)) return t;
  AwList *l = aw_list_from_iterable(vm, t);
  return l ? AW_OBJ(l) : AW_EXC;
}

// C.__subclasses__(): the live classes whose base is C, oldest first. No
// registry is kept for this rare call: the heap is scanned, counting first
// so that filling the list allocates nothing (a collection could unlink
// objects under the walk).
static AwValue type_subclasses(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "__subclasses__", argc - 1, kw, 0, 0)) return AW_EXC;
  if (argc < 1 || !AW_IS_CLASS(argv[0])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '__subclasses__' requires a type");
  AwClass *self = AW_AS_CLASS(argv[0]);
  int64_t n = 0;
  for (AwObj *o = vm->objects; o; o = o->next)
    if (o->kind == AW_OBJ_CLASS && ((AwClass *)o)->base == self) n++;
  AwList *l = aw_list_new(vm, n);
  if (!l) return AW_EXC;
  for (AwObj *o = vm->objects; o && l->len < n; o = o->next) {
    if (o->kind != AW_OBJ_CLASS || ((AwClass *)o)->base != self) continue;
    // Insert by creation order (serial).
    int64_t i = l->len++;
    while (i > 0 && AW_AS_CLASS(l->items[i - 1])->serial > ((AwClass *)o)->serial) {
      l->items[i] = l->items[i - 1];
      i--;
    }
    l->items[i] = AW_OBJ(o);
  }
  return AW_OBJ(l);
}

static AwValue type_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (argc < 1 || !AW_IS_CLASS(argv[0])) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '__call__' requires a type");
  return aw_call_class(vm, AW_AS_CLASS(argv[0]), argc - 1, argv + 1, kw);
}

// ---- BUILD_CLASS ---------------------------------------------------------------------

static bool check_base(AwVM *vm, AwValue b, AwClass **out) {
  if (!AW_IS_CLASS(b)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bases must be types");
    return false;
  }
  AwClass *c = AW_AS_CLASS(b);
  if (c->instance_kind != AW_OBJ_INSTANCE && c->instance_kind != AW_OBJ_EXCEPTION) {
    aw_raisef(vm, AW_EXCCLS(vm, NotImplementedError), "subclassing the built-in type '%s' is not supported",
              AW_AS_STR(c->name)->data);
    return false;
  }
  if (c == AW_CLS(vm, NoneType) || c == AW_CLS(vm, bool) || c == AW_CLS(vm, int) || c == AW_CLS(vm, float) ||
      c == AW_CLS(vm, NotImplementedType) || c == AW_CLS(vm, ellipsis)) {
    aw_raisef(vm, AW_EXCCLS(vm, NotImplementedError), "subclassing the built-in type '%s' is not supported",
              AW_AS_STR(c->name)->data);
    return false;
  }
  *out = c;
  return true;
}

// Calls __set_name__(owner, name) on each attribute of the new class [c]
// whose type defines it, as type.__new__ does; the namespace is copied
// first since a hook may change it. A failing hook is reported as
// RuntimeError("Error calling __set_name__ ...") caused by its error.
static bool call_set_names(AwVM *vm, AwClass *c, AwDict *ns) {
  aw_push_root(vm, AW_OBJ(c));
  AwList *items = aw_list_new(vm, ns->len * 2);
  if (!items) {
    aw_pop_root(vm);
    return false;
  }
  aw_push_root(vm, AW_OBJ(items));
  int64_t pos = 0;
  AwValue k, v;
  bool ok = true;
  while (ok && aw_dict_next(ns, &pos, &k, &v)) ok = aw_list_append(vm, items, k) && aw_list_append(vm, items, v);
  AwValue hook_name = ok ? aw_str_intern(vm, "__set_name__", 12) : AW_EXC;
  for (int64_t i = 0; ok && i + 1 < items->len; i += 2) {
    AwValue args[2] = {AW_OBJ(c), items->items[i]};
    AwValue r = aw_call_special(vm, items->items[i + 1], hook_name, 2, args);
    if (!AW_IS_EXC(r)) continue;
    ok = false;
    AwValue cause = aw_exc_take(vm);
    aw_push_root(vm, cause);
    AwValue msg = aw_str_format(vm, "Error calling __set_name__ on '%s' instance %R in '%U'",
                                aw_type_name(vm, items->items[i + 1]), items->items[i], c->name);
    AwValue err = AW_IS_EXC(msg) ? AW_EXC : aw_exc_new(vm, AW_EXCCLS(vm, RuntimeError), 1, &msg);
    if (!AW_IS_EXC(err) && aw_exc_set_cause(vm, err, cause)) aw_raise(vm, err);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  aw_pop_root(vm);
  return ok;
}

AwValue aw_build_class(AwVM *vm, AwValue body, AwValue name, int nbases, AwValue *bases) {
  AwClass *base = AW_CLS(vm, object);
  if (nbases > 1)
    return aw_raisef(vm, AW_EXCCLS(vm, NotImplementedError), "multiple inheritance is not supported");
  if (nbases == 1 && !check_base(vm, bases[0], &base)) return AW_EXC;
  AwFunction *fn = (AwFunction *)AW_AS_OBJ(body);
  AwDict *ns = aw_dict_new(vm);
  if (!ns) return AW_EXC;
  aw_push_root(vm, AW_OBJ(ns));
  AwValue result = AW_EXC;
  AwFrame *f = aw_frame_push(vm, fn->proto, fn, fn->globals);
  if (!f) goto done;
  f->locals = ns;
  if (!aw_frame_bind_args(vm, f, 0, NULL, NULL)) {
    aw_frame_pop(vm, f);
    goto done;
  }
  f->c_prev = vm->frame;
  if (AW_IS_EXC(aw_run_frame(vm, f))) goto done;
  AwValue cellv = aw_dict_get_str(ns, AW_N(vm, classcell));
  if (!AW_IS_UNDEF(cellv) && aw_dict_del(vm, ns, AW_N(vm, classcell), NULL) < 0) goto done;
  AwClass *c = aw_class_new(vm, name, base, ns);
  if (!c) goto done;
  c->slot_flags |= AW_CLS_USER;
  AwValue qn = aw_dict_get_str(ns, AW_N(vm, qualname));
  if (!AW_IS_UNDEF(qn)) {
    c->qualname = qn;
    if (aw_dict_del(vm, ns, AW_N(vm, qualname), NULL) < 0) goto done;
  }
  AwValue mod = aw_dict_get_str(ns, AW_N(vm, module));
  c->module = AW_IS_UNDEF(mod) ? AW_NONE : mod;
  // A class that defines __eq__ without __hash__ becomes unhashable.
  if (!AW_IS_UNDEF(aw_dict_get_str(ns, AW_N(vm, eq))) && AW_IS_UNDEF(aw_dict_get_str(ns, AW_N(vm, hash))))
    if (!aw_dict_set(vm, ns, AW_N(vm, hash), AW_NONE)) goto done;
  c->slot_flags |= compute_slot_flags(vm, c);
  if (AW_IS_KIND(cellv, AW_OBJ_CELL)) ((AwCell *)AW_AS_OBJ(cellv))->value = AW_OBJ(c);
  if (!call_set_names(vm, c, ns)) goto done;
  result = AW_OBJ(c);
  // __init_subclass__ on the base, as CPython calls it: a classmethod
  // even when defined as a plain function.
  AwValue hook = aw_class_lookup(vm, base, aw_str_intern(vm, "__init_subclass__", 17));
  bool is_cm = AW_IS_KIND(hook, AW_OBJ_WRAPPER) && is_classmethod(vm, hook);
  if (is_cm || AW_IS_KIND(hook, AW_OBJ_FUNCTION)) {
    aw_push_root(vm, result);
    AwValue fnv = is_cm ? ((AwWrapper *)AW_AS_OBJ(hook))->value : hook;
    AwValue r = aw_call(vm, fnv, 1, &result, NULL);
    aw_pop_root(vm);
    if (AW_IS_EXC(r)) result = r;
  }
done:
  aw_pop_root(vm);
  return result;
}

bool aw_is_iterable(AwVM *vm, AwValue v) {
  if (!AW_IS_OBJ(v)) return false;
  AwClass *c = aw_type_of(vm, v);
  return !AW_IS_UNDEF(aw_class_lookup(vm, c, AW_N(vm, iter))) || !AW_IS_UNDEF(aw_class_lookup(vm, c, AW_N(vm, getitem)));
}

// ---- property, staticmethod, classmethod, super ---------------------------------

static AwValue property_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
  AwValue a[5];
  a[0] = argv[0];  // the class
  if (!aw_parse_args(vm, "property", argc - 1, argv + 1, kw, 0, names, a + 1)) return AW_EXC;
  AwProperty *p = (AwProperty *)aw_obj_alloc(vm, sizeof(AwProperty), AW_OBJ_PROPERTY, AW_AS_CLASS(a[0]));
  if (!p) return AW_EXC;
  p->fget = AW_IS_UNDEF(a[1]) ? AW_NONE : a[1];
  p->fset = AW_IS_UNDEF(a[2]) ? AW_NONE : a[2];
  p->fdel = AW_IS_UNDEF(a[3]) ? AW_NONE : a[3];
  p->doc = AW_IS_UNDEF(a[4]) ? AW_NONE : a[4];
  return AW_OBJ(p);
}

static AwValue property_copy(AwVM *vm, AwValue self, int which, AwValue fn) {
  AwProperty *old = (AwProperty *)AW_AS_OBJ(self);
  AwProperty *p = (AwProperty *)aw_obj_alloc(vm, sizeof(AwProperty), AW_OBJ_PROPERTY, aw_obj_class(vm, &old->obj));
  if (!p) return AW_EXC;
  p->fget = which == 0 ? fn : old->fget;
  p->fset = which == 1 ? fn : old->fset;
  p->fdel = which == 2 ? fn : old->fdel;
  p->doc = old->doc;
  return AW_OBJ(p);
}

static AwValue property_getter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "getter", argc, kw, 2, 2)) return AW_EXC;
  return property_copy(vm, argv[0], 0, argv[1]);
}
static AwValue property_setter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "setter", argc, kw, 2, 2)) return AW_EXC;
  return property_copy(vm, argv[0], 1, argv[1]);
}
static AwValue property_deleter(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, "deleter", argc, kw, 2, 2)) return AW_EXC;
  return property_copy(vm, argv[0], 2, argv[1]);
}
static AwValue property_fget(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return ((AwProperty *)AW_AS_OBJ(argv[0]))->fget;
}
static AwValue property_fset(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return ((AwProperty *)AW_AS_OBJ(argv[0]))->fset;
}
static AwValue property_fdel(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return ((AwProperty *)AW_AS_OBJ(argv[0]))->fdel;
}
static AwValue property_get(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  if (argc < 2 || AW_IS_NONE(argv[1])) return argv[0];
  return aw_descr_get(vm, argv[0], argv[1], argc > 2 ? argv[2] : AW_NONE);
}

static AwValue wrapper_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  if (!aw_check_argc(vm, AW_AS_STR(AW_AS_CLASS(argv[0])->name)->data, argc, kw, 2, 2)) return AW_EXC;
  AwWrapper *w = (AwWrapper *)aw_obj_alloc(vm, sizeof(AwWrapper), AW_OBJ_WRAPPER, AW_AS_CLASS(argv[0]));
  if (!w) return AW_EXC;
  w->value = argv[1];
  w->self = AW_UNDEF;
  return AW_OBJ(w);
}

static AwValue wrapper_func(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return ((AwWrapper *)AW_AS_OBJ(argv[0]))->value;
}

static AwValue staticmethod_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return aw_call(vm, ((AwWrapper *)AW_AS_OBJ(argv[0]))->value, argc - 1, argv + 1, kw);
}

// super() with no arguments reads the calling frame: its first argument and
// its __class__ cell (the compiler adds that free variable).
static AwValue super_new(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)kw;
  AwValue type = AW_UNDEF, obj = AW_UNDEF;
  if (argc > 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "super() expected at most 2 arguments, got %d", argc - 1);
  if (argc == 3) {
    type = argv[1];
    obj = argv[2];
  } else if (argc == 2) {
    type = argv[1];
    obj = AW_NONE;
  } else {
    AwFrame *f = vm->frame;
    if (!f || f->proto->argcount == 0)
      return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "super(): no arguments");
    AwProto *p = f->proto;
    for (int32_t i = 0; i < p->nfree; i++) {
      if (aw_str_eq_cstr(p->freevars[i], "__class__")) {
        AwValue cell = aw_frame_slots(f)[p->nlocals + p->ncells + i];
        if (AW_IS_KIND(cell, AW_OBJ_CELL)) type = ((AwCell *)AW_AS_OBJ(cell))->value;
      }
    }
    if (AW_IS_UNDEF(type)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "super(): __class__ cell not found");
    obj = aw_frame_slots(f)[0];
    if (AW_IS_UNDEF(obj) && p->cell2arg) {
      for (int32_t i = 0; i < p->ncells; i++)
        if (p->cell2arg[i] == 0) obj = ((AwCell *)AW_AS_OBJ(aw_frame_slots(f)[p->nlocals + i]))->value;
    }
    if (AW_IS_UNDEF(obj)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "super(): arg[0] deleted");
  }
  if (!AW_IS_CLASS(type))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "super() argument 1 must be a type, not %s", aw_type_name(vm, type));
  if (!AW_IS_NONE(obj) && !(AW_IS_CLASS(obj) && aw_is_subclass(AW_AS_CLASS(obj), AW_AS_CLASS(type))) &&
      !aw_isinstance(vm, obj, AW_AS_CLASS(type)))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "super(type, obj): obj must be an instance or subtype of type");
  AwWrapper *w = (AwWrapper *)aw_obj_alloc(vm, sizeof(AwWrapper), AW_OBJ_WRAPPER, AW_CLS(vm, super));
  if (!w) return AW_EXC;
  w->value = type;
  w->self = obj;
  return AW_OBJ(w);
}

// Attribute lookup on a super object: start after its type in the chain.
AwValue aw_super_getattr(AwVM *vm, AwWrapper *s, AwValue name) {
  AwClass *start = AW_AS_CLASS(s->value)->base;
  AwValue obj = s->self;
  bool obj_is_class = AW_IS_CLASS(obj);
  for (AwClass *c = start; c; c = c->base) {
    AwValue v = aw_dict_get_str(c->dict, name);
    if (AW_IS_UNDEF(v)) continue;
    if (obj_is_class) return aw_descr_get(vm, v, AW_UNDEF, obj);
    AwValue owner = AW_OBJ(aw_type_of(vm, obj));
    if (is_classmethod(vm, v)) return new_bound(vm, ((AwWrapper *)AW_AS_OBJ(v))->value, owner);
    return aw_descr_get(vm, v, AW_IS_NONE(obj) ? AW_UNDEF : obj, owner);
  }
  return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "'super' object has no attribute '%s'", AW_AS_STR(name)->data);
}

static AwValue super_getattribute(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  return aw_super_getattr(vm, (AwWrapper *)AW_AS_OBJ(argv[0]), argv[1]);
}

static AwValue super_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  AwWrapper *w = (AwWrapper *)AW_AS_OBJ(argv[0]);
  return aw_str_format(vm, "<super: <class '%s'>, <%s object>>", AW_AS_STR(AW_AS_CLASS(w->value)->name)->data,
                       aw_type_name(vm, w->self));
}

bool aw_class_init_builtins(AwVM *vm) {
  AwClass *o = AW_CLS(vm, object), *t = AW_CLS(vm, type);
  bool ok = aw_class_add_native(vm, o, "__new__", object_new, AW_NATIVE_STATIC) &&
            aw_class_add_native(vm, o, "__init__", aw_object_init, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__repr__", object_repr, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__str__", object_str, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__eq__", object_eq, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__ne__", object_ne, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__hash__", object_hash, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__format__", object_format, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__getattribute__", object_getattribute, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__setattr__", object_setattr, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__delattr__", object_delattr, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, o, "__init_subclass__", object_init_subclass, AW_NATIVE_CLASSMETHOD) &&
            aw_class_add_native(vm, o, "__dir__", object_dir, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, t, "__new__", type_new, AW_NATIVE_STATIC) &&
            aw_class_add_native(vm, t, "__repr__", type_repr, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, t, "__call__", type_call, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, t, "mro", type_mro, AW_NATIVE_METHOD) &&
            aw_class_add_native(vm, t, "__subclasses__", type_subclasses, AW_NATIVE_METHOD);
  AwClass *p = AW_CLS(vm, property);
  ok = ok && aw_class_add_native(vm, p, "__new__", property_new, AW_NATIVE_STATIC) &&
       aw_class_add_native(vm, p, "getter", property_getter, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, p, "setter", property_setter, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, p, "deleter", property_deleter, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, p, "fget", property_fget, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, p, "fset", property_fset, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, p, "fdel", property_fdel, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, p, "__get__", property_get, AW_NATIVE_METHOD);
  AwClass *sm = AW_CLS(vm, staticmethod), *cm = AW_CLS(vm, classmethod), *su = AW_CLS(vm, super);
  ok = ok && aw_class_add_native(vm, sm, "__new__", wrapper_new, AW_NATIVE_STATIC) &&
       aw_class_add_native(vm, sm, "__func__", wrapper_func, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, sm, "__call__", staticmethod_call, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, cm, "__new__", wrapper_new, AW_NATIVE_STATIC) &&
       aw_class_add_native(vm, cm, "__func__", wrapper_func, AW_NATIVE_GETTER) &&
       aw_class_add_native(vm, su, "__new__", super_new, AW_NATIVE_STATIC) &&
       aw_class_add_native(vm, su, "__getattribute__", super_getattribute, AW_NATIVE_METHOD) &&
       aw_class_add_native(vm, su, "__repr__", super_repr, AW_NATIVE_METHOD);
  return ok;
}

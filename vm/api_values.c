// vm/api_values.c -- values between C and scripts (vm/aw.h): the slot
// stack and its native windows, reading and writing slots, containers,
// refs (host-held GC roots), opaque host objects, and native functions and
// modules with their call trampoline. Running code is api.c/api_loop.c.
#include <stdarg.h>
#include <string.h>
#include "vm/api.h"

// ---- the slot stack ----------------------------------------------------------
// One growable array for the whole VM. The host's own slots start at 0; a
// native's window starts where the caller's slots end, so nested calls
// (native -> aw_invoke -> script -> native) stack up. Everything below
// top is a GC root (aw_api_gc_mark).

// An allocation failed: inside a native the MemoryError is raised when it
// returns; for the host it is just the false/NULL result.
static void take_error(AwVM *vm) {
  aw_api_sync(vm);
  AwValue e = aw_exc_take(vm);
  AwApi *api = vm->api;
  if (api->s.native_depth && AW_IS_UNDEF(api->s.thrown)) api->s.thrown = e;
}

// Makes slots[0..n) (absolute) exist, new ones None; false with
// MemoryError pending.
static bool reserve(AwVM *vm, int n) {
  aw_api_sync(vm);
  AwApi *api = vm->api;
  if (n > api->s.cap) {
    int cap = api->s.cap ? api->s.cap : 8;
    while (cap < n) cap *= 2;
    AwValue *s = aw_mem_realloc(vm, api->s.slots, sizeof(AwValue) * (size_t)api->s.cap, sizeof(AwValue) * (size_t)cap);
    if (!s) return false;  // MemoryError pending
    api->s.slots = s;
    api->s.cap = cap;
  }
  for (int i = api->s.top; i < n; i++) api->s.slots[i] = AW_NONE;
  if (n > api->s.top) api->s.top = n;
  return true;
}

bool aw_ensure_slots(AwVM *vm, int n) {
  aw_api_sync(vm);
  if (n <= 0 || reserve(vm, vm->api->s.base + n)) return true;
  take_error(vm);
  return false;
}

int aw_slot_count(AwVM *vm) {
  aw_api_sync(vm);
  return vm->api->s.top - vm->api->s.base;
}

AwValue aw_api_slot(AwVM *vm, int slot) {
  aw_api_sync(vm);
  AwApi *api = vm->api;
  if (slot < 0 || api->s.base + slot >= api->s.top) return AW_NONE;
  return api->s.slots[api->s.base + slot];
}

bool aw_api_put(AwVM *vm, int slot, AwValue v) {
  aw_api_sync(vm);
  AwApi *api = vm->api;
  if (slot < 0 || api->s.base + slot >= api->s.top) return false;
  api->s.slots[api->s.base + slot] = v;
  if (slot == 0) api->s.ret_set = true;
  return true;
}

// ---- reading slots ---------------------------------------------------------------

AwType aw_get_slot_type(AwVM *vm, int slot) {
  AwValue v = aw_api_slot(vm, slot);
  switch (v.tag) {
    case AW_T_NONE: return AW_TYPE_NONE;
    case AW_T_BOOL: return AW_TYPE_BOOL;
    case AW_T_INT: return AW_TYPE_INT;
    case AW_T_FLOAT: return AW_TYPE_FLOAT;
    case AW_T_OBJ: break;
    default: return AW_TYPE_OTHER;
  }
  switch (AW_KIND(v)) {
    case AW_OBJ_STR: return AW_TYPE_STR;
    case AW_OBJ_BYTES: return AW_TYPE_BYTES;
    case AW_OBJ_LIST: return AW_TYPE_LIST;
    case AW_OBJ_TUPLE: return AW_TYPE_TUPLE;
    case AW_OBJ_DICT: return AW_TYPE_DICT;
    case AW_OBJ_NATIVEDATA: return AW_TYPE_DATA;
    case AW_OBJ_FUTURE: return AW_TYPE_FUTURE;
    default: return AW_TYPE_OTHER;
  }
}

// A native got an argument of the wrong type: TypeError, CPython's wording.
static void bad_type(AwVM *vm, int slot, const char *want) {
  aw_api_sync(vm);
  AwApi *api = vm->api;
  if (!api->s.native_depth || !AW_IS_UNDEF(api->s.thrown)) return;
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() argument %d must be %s, not %s", api->s.native_name, slot + 1, want,
            aw_type_name(vm, aw_api_slot(vm, slot)));
  api->s.thrown = aw_exc_take(vm);
}

int64_t aw_get_slot_len(AwVM *vm, int slot) {
  AwValue v = aw_api_slot(vm, slot);
  if (!AW_IS_OBJ(v)) return -1;
  switch (AW_KIND(v)) {
    case AW_OBJ_STR: return AW_AS_STR(v)->nchars;
    case AW_OBJ_BYTES: return AW_AS_BYTES(v)->len;
    case AW_OBJ_LIST: return AW_AS_LIST(v)->len;
    case AW_OBJ_TUPLE: return AW_AS_TUPLE(v)->len;
    case AW_OBJ_DICT:
    case AW_OBJ_SET: return AW_AS_DICT(v)->len;
    default: return -1;
  }
}

// Truthiness without running script code: instances count as true.
bool aw_get_slot_bool(AwVM *vm, int slot) {
  AwValue v = aw_api_slot(vm, slot);
  switch (v.tag) {
    case AW_T_NONE: return false;
    case AW_T_BOOL:
    case AW_T_INT: return AW_AS_INT(v) != 0;
    case AW_T_FLOAT: return AW_AS_FLOAT(v) != 0;
    default: break;
  }
  int64_t n = aw_get_slot_len(vm, slot);
  return n != 0;
}

int64_t aw_get_slot_int(AwVM *vm, int slot) {
  AwValue v = aw_api_slot(vm, slot);
  if (AW_IS_INTLIKE(v)) return AW_AS_INT(v);
  bad_type(vm, slot, "int");
  return 0;
}

double aw_get_slot_float(AwVM *vm, int slot) {
  AwValue v = aw_api_slot(vm, slot);
  if (AW_IS_FLOAT(v)) return AW_AS_FLOAT(v);
  if (AW_IS_INTLIKE(v)) return (double)AW_AS_INT(v);
  bad_type(vm, slot, "a real number");
  return 0;
}

const char *aw_get_slot_str(AwVM *vm, int slot, size_t *len) {
  AwValue v = aw_api_slot(vm, slot);
  if (AW_IS_STR(v)) {
    if (len) *len = (size_t)AW_AS_STR(v)->nbytes;
    return AW_AS_STR(v)->data;
  }
  if (len) *len = 0;
  bad_type(vm, slot, "str");
  return NULL;
}

const void *aw_get_slot_bytes(AwVM *vm, int slot, size_t *len) {
  AwValue v = aw_api_slot(vm, slot);
  if (AW_IS_BYTES(v)) {
    if (len) *len = (size_t)AW_AS_BYTES(v)->len;
    return AW_AS_BYTES(v)->data;
  }
  if (len) *len = 0;
  bad_type(vm, slot, "bytes");
  return NULL;
}

void *aw_get_slot_data(AwVM *vm, int slot, const char *type_name) {
  AwValue v = aw_api_slot(vm, slot);
  if (AW_IS_KIND(v, AW_OBJ_NATIVEDATA)) {
    AwNativeData *d = (AwNativeData *)AW_AS_OBJ(v);
    if (d->type_name && d->data && (!type_name || !strcmp(d->type_name, type_name))) return d->data;
  }
  bad_type(vm, slot, type_name ? type_name : "a host object");
  return NULL;
}

// ---- writing slots -----------------------------------------------------------------

void aw_set_slot_none(AwVM *vm, int slot) { aw_api_put(vm, slot, AW_NONE); }
void aw_set_slot_bool(AwVM *vm, int slot, bool value) { aw_api_put(vm, slot, AW_BOOL(value)); }
void aw_set_slot_int(AwVM *vm, int slot, int64_t value) { aw_api_put(vm, slot, AW_INT(value)); }
void aw_set_slot_float(AwVM *vm, int slot, double value) { aw_api_put(vm, slot, AW_FLOAT(value)); }

void aw_copy_slot(AwVM *vm, int to_slot, int from_slot) { aw_api_put(vm, to_slot, aw_api_slot(vm, from_slot)); }

// Stores a fresh value, or takes the allocation's error.
static bool put_new(AwVM *vm, int slot, AwValue v) {
  if (AW_IS_EXC(v)) {
    take_error(vm);
    return false;
  }
  return aw_api_put(vm, slot, v);
}

bool aw_set_slot_str(AwVM *vm, int slot, const char *s, size_t len) {
  // Host text is untrusted: invalid UTF-8 is an error, not a broken str.
  return put_new(vm, slot, aw_str_new_checked(vm, s, len));
}

bool aw_set_slot_bytes(AwVM *vm, int slot, const void *data, size_t len) {
  return put_new(vm, slot, aw_bytes_new(vm, data, len));
}

bool aw_set_slot_new_list(AwVM *vm, int slot) {
  AwList *l = aw_list_new(vm, 0);
  return put_new(vm, slot, l ? AW_OBJ(l) : AW_EXC);
}

bool aw_set_slot_new_dict(AwVM *vm, int slot) {
  AwDict *d = aw_dict_new(vm);
  return put_new(vm, slot, d ? AW_OBJ(d) : AW_EXC);
}

// ---- containers ------------------------------------------------------------------------
// These may run script code (__getitem__, a key's __eq__): every value
// involved stays in a slot, so a collection meanwhile is harmless.

bool aw_get_slot_item(AwVM *vm, int slot, int key_slot, int out_slot) {
  AwValue r = aw_getitem(vm, aw_api_slot(vm, slot), aw_api_slot(vm, key_slot));
  if (AW_IS_EXC(r)) {
    aw_exc_take(vm);  // a missing key or index is an answer, not an error
    return false;
  }
  return aw_api_put(vm, out_slot, r);
}

bool aw_set_slot_item(AwVM *vm, int slot, int key_slot, int value_slot) {
  if (aw_setitem(vm, aw_api_slot(vm, slot), aw_api_slot(vm, key_slot), aw_api_slot(vm, value_slot))) return true;
  take_error(vm);
  return false;
}

bool aw_append_slot(AwVM *vm, int list_slot, int item_slot) {
  AwValue l = aw_api_slot(vm, list_slot);
  if (!AW_IS_LIST(l)) return false;
  if (aw_list_append(vm, AW_AS_LIST(l), aw_api_slot(vm, item_slot))) return true;
  take_error(vm);
  return false;
}

bool aw_get_slot_entry(AwVM *vm, int dict_slot, int64_t *pos, int key_slot, int value_slot) {
  AwValue d = aw_api_slot(vm, dict_slot);
  AwValue k, v;
  if (!AW_IS_DICT(d) || !aw_dict_next(AW_AS_DICT(d), pos, &k, &v)) return false;
  aw_api_put(vm, key_slot, k);
  aw_api_put(vm, value_slot, v);
  return true;
}

bool aw_get_var(AwVM *vm, const char *module, const char *name, int slot) {
  AwDict *globals = vm->builtins;
  if (module && !strcmp(module, "__main__")) {
    if (!AW_IS_KIND(vm->main_module, AW_OBJ_MODULE)) return false;
    globals = ((AwModule *)AW_AS_OBJ(vm->main_module))->dict;
  } else if (module) {
    AwValue m = aw_dict_get_cstr(vm, vm->modules, module);
    if (!AW_IS_KIND(m, AW_OBJ_MODULE)) {
      if (AW_IS_EXC(m)) aw_exc_take(vm);
      return false;
    }
    globals = ((AwModule *)AW_AS_OBJ(m))->dict;
  }
  AwValue v = aw_dict_get_cstr(vm, globals, name);
  if (AW_IS_EXC(v)) {
    aw_exc_take(vm);
    return false;
  }
  return !AW_IS_UNDEF(v) && aw_api_put(vm, slot, v);
}

// ---- refs --------------------------------------------------------------------------------

AwRef *aw_api_ref_new(AwVM *vm, AwValue v) {
  AwApi *api = vm->api;
  AwRef *r = aw_mem_alloc(vm, sizeof(AwRef));
  if (!r) {
    take_error(vm);
    return NULL;
  }
  r->value = v;
  r->prev = NULL;
  r->next = api->refs;
  if (api->refs) api->refs->prev = r;
  api->refs = r;
  return r;
}

AwRef *aw_get_slot_ref(AwVM *vm, int slot) { return aw_api_ref_new(vm, aw_api_slot(vm, slot)); }

void aw_set_slot_ref(AwVM *vm, int slot, AwRef *ref) { aw_api_put(vm, slot, ref ? ref->value : AW_NONE); }

void aw_release_ref(AwVM *vm, AwRef *ref) {
  if (!ref) return;
  AwApi *api = vm->api;
  if (ref->prev) ref->prev->next = ref->next;
  else api->refs = ref->next;
  if (ref->next) ref->next->prev = ref->prev;
  aw_mem_free(vm, ref, sizeof(AwRef));
}

// ---- host objects --------------------------------------------------------------------------

// The class of host objects named [type_name], made on first use (a
// subclass of native_data, so scripts see type(obj).__name__ == type_name).
static AwClass *data_class(AwVM *vm, const char *type_name) {
  AwApi *api = vm->api;
  if (!api->data_classes && !(api->data_classes = aw_dict_new(vm))) return NULL;
  AwValue name = aw_str_intern(vm, type_name, strlen(type_name));
  if (AW_IS_EXC(name)) return NULL;
  AwValue c = aw_dict_get_str(api->data_classes, name);
  if (AW_IS_CLASS(c)) return AW_AS_CLASS(c);
  AwClass *cls = aw_class_new(vm, name, AW_CLS(vm, native_data), NULL);
  if (!cls || !aw_dict_set(vm, api->data_classes, name, AW_OBJ(cls))) return NULL;
  return cls;
}

bool aw_set_slot_data(AwVM *vm, int slot, void *ptr, const char *type_name, AwFinalizeFn finalize) {
  AwClass *cls = data_class(vm, type_name ? type_name : "object");
  AwNativeData *d = cls ? (AwNativeData *)aw_obj_alloc(vm, sizeof(AwNativeData), AW_OBJ_NATIVEDATA, cls) : NULL;
  if (!d) {
    // The object never existed, but the host handed over its pointer.
    if (finalize) finalize(vm, ptr);
    take_error(vm);
    return false;
  }
  d->data = ptr;
  d->finalize = finalize;
  d->type_name = AW_AS_STR(cls->name)->data;  // lives as long as the class
  return aw_api_put(vm, slot, AW_OBJ(d));
}

// ---- natives -----------------------------------------------------------------------------------

// What aw_def_fn registered: reached through the native's bound self (a
// native_data object), since a C native does not receive itself.
typedef struct {
  AwHostFn fn;
  void *ud;
  int arity;
  size_t size;   // of this allocation
  char name[];
} HostFn;

static const char host_fn_tag[] = "host function";

static void free_host_fn(AwVM *vm, void *p) { aw_mem_free(vm, p, ((HostFn *)p)->size); }

static AwValue arity_error(AwVM *vm, HostFn *h, int argc) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes %d positional argument%s but %d %s given", h->name,
                   h->arity, h->arity == 1 ? "" : "s", argc, argc == 1 ? "was" : "were");
}

// Every host native is this C function with its HostFn as argv[0]: it
// opens a slot window over the arguments, runs the host's function and
// turns slot 0 (or what it threw) into the call's result.
static AwValue host_trampoline(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  HostFn *h = ((AwNativeData *)AW_AS_OBJ(argv[0]))->data;
  argc--;
  argv++;
  if (kw && kw->len) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no keyword arguments", h->name);
  if (h->arity >= 0 && argc != h->arity) return arity_error(vm, h, argc);
  aw_api_sync(vm);
  AwApi *api = vm->api;
  int base = api->s.top;
  if (!reserve(vm, base + (argc > 0 ? argc : 1))) return AW_EXC;
  memcpy(api->s.slots + base, argv, sizeof(AwValue) * (size_t)argc);
  int saved_base = api->s.base;
  bool saved_ret = api->s.ret_set;
  const char *saved_name = api->s.native_name;
  AwValue saved_thrown = api->s.thrown;
  api->s.base = base;
  api->s.ret_set = false;
  api->s.native_name = h->name;
  api->s.thrown = AW_UNDEF;
  api->s.native_depth++;
  h->fn(vm, argc, h->ud);
  aw_api_sync(vm);  // the native may have let another thread run
  api->s.native_depth--;
  AwValue result = api->s.ret_set ? api->s.slots[base] : AW_NONE;
  AwValue thrown = api->s.thrown;
  api->s.top = base;
  api->s.base = saved_base;
  api->s.ret_set = saved_ret;
  api->s.native_name = saved_name;
  api->s.thrown = saved_thrown;
  if (!AW_IS_UNDEF(thrown)) return aw_raise(vm, thrown);
  return result;
}

// The module [name] made by aw_def_fn (made now, and registered in
// sys.modules so `import name` finds it).
static AwDict *host_module(AwVM *vm, const char *name) {
  AwApi *api = vm->api;
  if (!api->host_modules && !(api->host_modules = aw_dict_new(vm))) return NULL;
  AwValue m = aw_dict_get_cstr(vm, api->host_modules, name);
  if (AW_IS_EXC(m)) return NULL;
  if (AW_IS_KIND(m, AW_OBJ_MODULE)) return ((AwModule *)AW_AS_OBJ(m))->dict;
  AwModule *mod = aw_module_new(vm, name);
  if (!mod || !aw_dict_set(vm, api->host_modules, mod->name, AW_OBJ(mod)) ||
      !aw_dict_set(vm, vm->modules, mod->name, AW_OBJ(mod)))
    return NULL;
  return mod->dict;
}

bool aw_def_fn(AwVM *vm, const char *module, const char *name, int arity, AwHostFn fn, void *ud) {
  size_t size = sizeof(HostFn) + strlen(name) + 1;
  HostFn *h = aw_mem_alloc(vm, size);
  if (!h) {
    take_error(vm);
    return false;
  }
  h->fn = fn;
  h->ud = ud;
  h->arity = arity;
  h->size = size;
  memcpy(h->name, name, strlen(name) + 1);
  AwNativeData *info = (AwNativeData *)aw_obj_alloc(vm, sizeof(AwNativeData), AW_OBJ_NATIVEDATA, AW_CLS(vm, native_data));
  if (!info) {
    aw_mem_free(vm, h, size);
    take_error(vm);
    return false;
  }
  info->data = h;
  info->finalize = free_host_fn;
  info->type_name = host_fn_tag;
  // No collection can happen before the native is stored: no script runs.
  AwNative *n = aw_native_new(vm, h->name, host_trampoline, 0);
  AwDict *target = module ? host_module(vm, module) : vm->builtins;
  if (!n || !target || !aw_dict_set_cstr(vm, target, name, AW_OBJ(n))) {
    take_error(vm);
    return false;
  }
  n->self = AW_OBJ(info);
  return true;
}

// The built-in exception class named [type], RuntimeError if there is none.
static AwClass *exception_class(AwVM *vm, const char *type) {
  AwValue c = type ? aw_dict_get_cstr(vm, vm->builtins, type) : AW_UNDEF;
  if (AW_IS_EXC(c)) aw_exc_take(vm);
  if (AW_IS_CLASS(c) && aw_is_subclass(AW_AS_CLASS(c), AW_EXCCLS(vm, BaseException))) return AW_AS_CLASS(c);
  return AW_EXCCLS(vm, RuntimeError);
}

// The exception instance of class [type] with [message]; UNDEF (error
// taken) if it cannot be made.
AwValue aw_api_new_exception(AwVM *vm, const char *type, const char *message) {
  AwClass *cls = exception_class(vm, type);
  AwValue msg = aw_str_new_checked(vm, message, strlen(message));
  AwValue e = AW_IS_EXC(msg) ? msg : aw_exc_new(vm, cls, 1, &msg);
  if (AW_IS_EXC(e)) e = aw_exc_take(vm);  // MemoryError/UnicodeError instead
  return e;
}

void aw_throw(AwVM *vm, const char *type, const char *fmt, ...) {
  aw_api_sync(vm);
  AwApi *api = vm->api;
  if (!api->s.native_depth || !AW_IS_UNDEF(api->s.thrown)) return;
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  api->s.thrown = aw_api_new_exception(vm, type, buf);
}

void aw_throw_slot(AwVM *vm, int slot) {
  aw_api_sync(vm);
  AwApi *api = vm->api;
  if (api->s.native_depth && AW_IS_UNDEF(api->s.thrown)) api->s.thrown = aw_api_slot(vm, slot);
}

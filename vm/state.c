// vm/state.c -- creating and destroying a VM: the bootstrap order of the
// built-in classes (object and type first, then dict so classes can have
// dicts, then the intern table and names), singletons, the builtins dict,
// and script output through the host's write callbacks.
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "vm/loop.h"

static void *default_alloc(void *ud, void *ptr, size_t old_size, size_t new_size) {
  (void)ud;
  (void)old_size;
  if (new_size == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, new_size);
}

static void default_write_out(void *ud, const char *s, size_t n) {
  (void)ud;
  fwrite(s, 1, n, stdout);
}

static void default_write_err(void *ud, const char *s, size_t n) {
  (void)ud;
  fflush(stdout);  // keep stdout and stderr in order on a terminal
  fwrite(s, 1, n, stderr);
  fflush(stderr);
}

void aw_write_out(AwVM *vm, const char *s, size_t n) { vm->write_out(vm->write_ud, s, n); }
void aw_write_err(AwVM *vm, const char *s, size_t n) { vm->write_err(vm->write_ud, s, n); }

void aw_printf_err(AwVM *vm, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  aw_write_err(vm, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

// ---- bootstrap -------------------------------------------------------------

typedef struct {
  const char *name;
  int base;
  AwObjKind kind;
} TypeSpec;

static const TypeSpec type_specs[AW_CLS__COUNT] = {
#define AW_TYPE_SPEC(id, name, base, kind) {name, AW_CLS_##base, AW_OBJ_##kind},
  AW_BUILTIN_TYPES(AW_TYPE_SPEC)
#undef AW_TYPE_SPEC
};

static bool make_builtin_classes(AwVM *vm) {
  // Class objects first (their class, type, is filled in once it exists).
  for (int i = 0; i < AW_CLS__COUNT; i++) {
    AwClass *c = (AwClass *)aw_obj_alloc(vm, sizeof(AwClass), AW_OBJ_CLASS, NULL);
    if (!c) return false;
    vm->cls[i] = c;
  }
  for (int i = 0; i < AW_CLS__COUNT; i++) {
    AwClass *c = vm->cls[i];
    c->obj.cls_id = vm->cls[AW_CLS_type]->id;
    c->base = i == AW_CLS_object ? NULL : vm->cls[type_specs[i].base];
    c->instance_kind = (uint8_t)type_specs[i].kind;
    c->is_builtin = 1;
    c->name = c->qualname = c->module = AW_NONE;
  }
  for (int i = 0; i < AW_CLS__COUNT; i++)
    if (!(vm->cls[i]->dict = aw_dict_new(vm))) return false;
  // object() has no __dict__ in CPython: `object().x = 1` fails. Its
  // subclasses' instances take attributes as usual.
  vm->cls[AW_CLS_object]->slot_flags |= AW_CLS_NO_NEW_ATTRS;
  return true;
}

static bool name_builtin_classes(AwVM *vm) {
  AwValue builtins = aw_str_intern(vm, "builtins", 8);
  if (AW_IS_EXC(builtins)) return false;
  for (int i = 0; i < AW_CLS__COUNT; i++) {
    AwValue n = aw_str_intern(vm, type_specs[i].name, strlen(type_specs[i].name));
    if (AW_IS_EXC(n)) return false;
    vm->cls[i]->name = vm->cls[i]->qualname = n;
    vm->cls[i]->module = builtins;
  }
  return true;
}

static bool intern_names(AwVM *vm) {
  static const char *const texts[AW_NAME__COUNT] = {
#define NAME(id, text) text,
#include "vm/names.h"
#undef NAME
  };
  for (int i = 0; i < AW_NAME__COUNT; i++) {
    vm->names[i] = aw_str_intern(vm, texts[i], strlen(texts[i]));
    if (AW_IS_EXC(vm->names[i])) return false;
  }
  return true;
}

static bool make_singletons(AwVM *vm) {
  AwInstance *ni = (AwInstance *)aw_obj_alloc(vm, sizeof(AwInstance), AW_OBJ_INSTANCE, AW_CLS(vm, NotImplementedType));
  AwInstance *el = (AwInstance *)aw_obj_alloc(vm, sizeof(AwInstance), AW_OBJ_INSTANCE, AW_CLS(vm, ellipsis));
  AwTuple *et = aw_tuple_new(vm, 0);
  if (!ni || !el || !et) return false;
  if (!(ni->dict = aw_dict_new(vm)) || !(el->dict = aw_dict_new(vm))) return false;
  vm->not_implemented = AW_OBJ(ni);
  vm->ellipsis = AW_OBJ(el);
  vm->empty_tuple = AW_OBJ(et);
  if (AW_IS_UNDEF(vm->empty_str)) {
    vm->empty_str = aw_str_new(vm, "", 0);
    if (AW_IS_EXC(vm->empty_str)) return false;
  }
  return true;
}

static bool register_class_methods(AwVM *vm) {
  return aw_class_init_builtins(vm) && aw_func_init_classes(vm) && aw_gen_init_classes(vm) && aw_asyncgen_init_class(vm) && aw_traceback_init_class(vm) &&
         aw_str_init_class(vm) && aw_bytes_init_class(vm) && aw_number_init_classes(vm) &&
         aw_list_init_class(vm) && aw_tuple_init_class(vm) && aw_dict_init_class(vm) && aw_set_init_class(vm) &&
         aw_range_init_class(vm) && aw_slice_init_class(vm) && aw_iter_init_classes(vm) && aw_io_init_classes(vm) &&
         aw_future_init_classes(vm) && aw_loop_init_classes(vm);
}

// Classes visible as builtins: every built-in type except the iterator and
// implementation classes scripts cannot name.
static bool is_public_type(int id) {
  switch (id) {
    case AW_CLS_object: case AW_CLS_type: case AW_CLS_int: case AW_CLS_bool: case AW_CLS_float:
    case AW_CLS_str: case AW_CLS_bytes: case AW_CLS_tuple: case AW_CLS_list: case AW_CLS_dict:
    case AW_CLS_set: case AW_CLS_frozenset: case AW_CLS_range: case AW_CLS_slice: case AW_CLS_property:
    case AW_CLS_staticmethod: case AW_CLS_classmethod: case AW_CLS_super: case AW_CLS_enumerate:
    case AW_CLS_zip: case AW_CLS_map: case AW_CLS_filter: case AW_CLS_reversed:
      return true;
    default:
      return false;
  }
}

static bool fill_builtins(AwVM *vm) {
  if (!(vm->builtins = aw_dict_new(vm))) return false;
  for (int i = 0; i < AW_CLS__COUNT; i++)
    if (is_public_type(i) && !aw_dict_set(vm, vm->builtins, vm->cls[i]->name, AW_OBJ(vm->cls[i]))) return false;
  for (int i = 0; i < AW_EXC__COUNT; i++) {
    // These live in asyncio, not builtins.
    if (i == AW_EXC_CancelledError || i == AW_EXC_InvalidStateError) continue;
    if (!aw_dict_set(vm, vm->builtins, vm->exc_cls[i]->name, AW_OBJ(vm->exc_cls[i]))) return false;
  }
  return aw_dict_set_cstr(vm, vm->builtins, "NotImplemented", vm->not_implemented) &&
         aw_dict_set_cstr(vm, vm->builtins, "Ellipsis", vm->ellipsis) &&
         aw_dict_set(vm, vm->builtins, AW_N(vm, name), AW_N(vm, builtins)) &&
         aw_dict_set_cstr(vm, vm->builtins, "EnvironmentError", AW_OBJ(AW_EXCCLS(vm, OSError))) &&
         aw_dict_set_cstr(vm, vm->builtins, "IOError", AW_OBJ(AW_EXCCLS(vm, OSError))) &&
         aw_open_builtins(vm);
}

static bool bootstrap(AwVM *vm, const AwConfig *cfg) {
  if (!make_builtin_classes(vm)) return false;
  if (!intern_names(vm) || !name_builtin_classes(vm) || !make_singletons(vm)) return false;
  if (!aw_error_init_classes(vm)) return false;
  AW_EXCCLS(vm, Exception)->slot_flags |= AW_CLS_EXCEPTION_ROOT;
  AW_EXCCLS(vm, ExceptionGroup)->slot_flags |= AW_CLS_ALSO_EXCEPTION;
  if (!register_class_methods(vm) || !fill_builtins(vm)) return false;
  if (!(vm->modules = aw_dict_new(vm))) return false;
  AwList *path = aw_list_new(vm, 4);
  AwList *argv = aw_list_new(vm, 4);
  AwList *reprs = aw_list_new(vm, 4);
  if (!path || !argv || !reprs) return false;
  vm->sys_path = AW_OBJ(path);
  vm->argv = AW_OBJ(argv);
  vm->repr_stack = AW_OBJ(reprs);
  for (int i = 0; i < cfg->argc; i++) {
    AwValue s = aw_str_new_checked(vm, cfg->argv[i], strlen(cfg->argv[i]));
    if (AW_IS_EXC(s)) {
      aw_exc_take(vm);
      s = aw_str_from_cstr(vm, "?");
    }
    if (AW_IS_EXC(s) || !aw_list_append(vm, argv, s)) return false;
  }
  const char *awpath = getenv("AW_PATH");
  while (awpath && *awpath) {
    const char *colon = strchr(awpath, ':');
    size_t n = colon ? (size_t)(colon - awpath) : strlen(awpath);
    if (n) {
      AwValue s = aw_str_new(vm, awpath, n);
      if (AW_IS_EXC(s) || !aw_list_append(vm, path, s)) return false;
    }
    awpath = colon ? colon + 1 : NULL;
  }
  return true;
}

void aw_config_init(AwConfig *cfg) { memset(cfg, 0, sizeof *cfg); }

AwVM *aw_new_vm(const AwConfig *cfg) {
  AwConfig dflt;
  if (!cfg) {
    aw_config_init(&dflt);
    cfg = &dflt;
  }
  AwAllocFn alloc = cfg->alloc ? cfg->alloc : default_alloc;
  AwVM *vm = alloc(cfg->alloc_ud, NULL, 0, sizeof(AwVM));
  if (!vm) return NULL;
  memset(vm, 0, sizeof *vm);
  vm->alloc = alloc;
  vm->alloc_ud = cfg->alloc_ud;
  vm->mem_limit = cfg->mem_limit;
  vm->next_gc = 1024 * 1024;
  vm->gc_stress = cfg->gc_stress || getenv("AW_GC_STRESS") != NULL;
  vm->virtual_time = getenv("AW_VIRTUAL_TIME") != NULL;
  vm->recursion_limit = 1000;
  vm->write_out = cfg->write_out ? cfg->write_out : default_write_out;
  vm->write_err = cfg->write_err ? cfg->write_err : default_write_err;
  vm->write_ud = cfg->write_ud;
  vm->exc = AW_UNDEF;
  vm->exc_kept = AW_UNDEF;
  vm->handling = AW_UNDEF;
  vm->main_module = AW_UNDEF;
  vm->context = AW_UNDEF;
  vm->bytes_allocated = sizeof(AwVM);
  vm->in_gc = true;  // no collection while half-built
  bool ok = bootstrap(vm, cfg) && aw_api_init(vm, cfg);
  vm->in_gc = false;
  vm->gc_requested = false;
  if (!ok) {
    aw_free_vm(vm);
    return NULL;
  }
  return vm;
}

void aw_free_vm(AwVM *vm) {
  if (!vm) return;
  aw_gc_finalize_at_exit(vm);  // last reports, while everything still exists
  aw_api_free(vm);
  aw_loop_free(vm);
  aw_threads_free(vm);
  aw_gc_free_all(vm);
  aw_class_table_free(vm);
  aw_mem_free_pools(vm);
  for (AwStackSeg *s = vm->seg ? vm->seg : NULL; s && s->prev; s = s->prev) vm->seg = s->prev;
  AwStackSeg *s = vm->seg;
  while (s) {
    AwStackSeg *next = s->next;
    aw_mem_free(vm, s, sizeof(AwStackSeg) + (size_t)(s->end - s->base) + 16);
    s = next;
  }
  if (vm->temp_roots) vm->alloc(vm->alloc_ud, vm->temp_roots, sizeof(AwValue) * (size_t)vm->cap_temp_roots, 0);
  vm->alloc(vm->alloc_ud, vm, sizeof(AwVM), 0);
}

// stdlib/gc.c -- the gc module. Natives are not safepoints, so collect()
// only asks for a collection (vm->gc_requested), which the interpreter
// runs at its next safepoint; enable/disable are recorded in the module.
#include "vm/vm.h"

static AwValue gc_flag(AwVM *vm, AwValue *out) {
  AwValue gc = aw_dict_get_cstr(vm, vm->modules, "gc");
  if (!AW_IS_KIND(gc, AW_OBJ_MODULE)) return AW_UNDEF;
  *out = gc;
  return aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(gc))->dict, "_enabled");
}

static AwValue set_enabled(AwVM *vm, bool on) {
  AwValue mod = AW_UNDEF;
  gc_flag(vm, &mod);
  if (!AW_IS_KIND(mod, AW_OBJ_MODULE)) return AW_NONE;
  if (!aw_dict_set_cstr(vm, ((AwModule *)AW_AS_OBJ(mod))->dict, "_enabled", AW_BOOL(on))) return AW_EXC;
  return AW_NONE;
}

static AwValue gc_collect(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"generation", NULL};
  AwValue a[1];
  if (!aw_parse_args(vm, "collect", argc, argv, kwnames, 0, names, a)) return AW_EXC;
  vm->gc_requested = true;
  return AW_INT(0);
}

static AwValue gc_enable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "enable", argc, kwnames, 0, 0)) return AW_EXC;
  return set_enabled(vm, true);
}

static AwValue gc_disable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "disable", argc, kwnames, 0, 0)) return AW_EXC;
  return set_enabled(vm, false);
}

static AwValue gc_isenabled(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "isenabled", argc, kwnames, 0, 0)) return AW_EXC;
  AwValue mod;
  AwValue v = gc_flag(vm, &mod);
  return AW_IS_BOOL(v) ? v : AW_TRUE;
}

static AwValue gc_get_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "get_count", argc, kwnames, 0, 0)) return AW_EXC;
  return aw_tuple_pack(vm, 3, AW_INT(0), AW_INT(0), AW_INT(0));
}

AwModule *aw_open_gc(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "gc");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  AwList *garbage = aw_list_new(vm, 0);
  bool ok = garbage && aw_module_add_value(vm, m, "garbage", AW_OBJ(garbage)) &&
            aw_module_add_value(vm, m, "_enabled", AW_TRUE) &&
            aw_module_add_fn(vm, m, "collect", gc_collect) &&
            aw_module_add_fn(vm, m, "enable", gc_enable) &&
            aw_module_add_fn(vm, m, "disable", gc_disable) &&
            aw_module_add_fn(vm, m, "isenabled", gc_isenabled) &&
            aw_module_add_fn(vm, m, "get_count", gc_get_count);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

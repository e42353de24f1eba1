// vm/api_limits.c -- what a host can forbid a VM: a step budget and an
// interrupt callback polled at interpreter safepoints, the capabilities of
// a sandbox (files, network, processes, threads) and the import allow-list.
// The memory cap itself is enforced by mem.c.
#include <string.h>
#include "vm/api.h"

// Safepoints between two checks of the budget and the callback: polling is
// a function call per backward jump or call, the check itself is rarer.
#define POLL_EVERY 1024

static bool limited(AwApi *api) { return api->step_limit || api->interrupt_fn; }

void aw_api_arm_limits(AwVM *vm) {
  AwApi *api = vm->api;
  api->steps = 0;
  api->stopped = NULL;
  if (!limited(api)) return;
  uint64_t left = api->step_limit ? api->step_limit : POLL_EVERY;
  api->countdown = (uint32_t)(left < POLL_EVERY ? left : POLL_EVERY);
  vm->interrupt |= AW_INTERRUPT_POLL;
}

static bool stop(AwVM *vm, const char *why) {
  vm->api->stopped = why;
  aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "%s", why);
  return false;
}

bool aw_api_poll(AwVM *vm) {
  AwApi *api = vm->api;
  if (!api || !limited(api)) {
    vm->interrupt &= ~AW_INTERRUPT_POLL;
    return true;
  }
  // Sticky: a script that catches the error meets it again at its next
  // call or loop iteration, so the error always reaches the host.
  if (api->stopped) return stop(vm, api->stopped);
  if (--api->countdown) return true;
  api->steps += POLL_EVERY;
  uint32_t next = POLL_EVERY;
  if (api->step_limit) {
    // The countdown was the smaller of POLL_EVERY and what was left.
    if (api->steps > api->step_limit) api->steps = api->step_limit;
    if (api->steps >= api->step_limit) return stop(vm, "step limit exceeded");
    uint64_t left = api->step_limit - api->steps;
    if (left < next) next = (uint32_t)left;
  }
  api->countdown = next;
  if (api->interrupt_fn && api->interrupt_fn(vm, api->interrupt_ud)) return stop(vm, "interrupted by the host");
  return true;
}

// ---- sandbox -----------------------------------------------------------------------

bool aw_api_allowed(AwVM *vm, unsigned cap, const char *what) {
  AwApi *api = vm->api;
  if (!api || !api->sandbox || (api->grant & cap) == cap) return true;
  aw_raisef(vm, AW_EXCCLS(vm, PermissionError), "%s is not allowed in this sandbox", what);
  return false;
}

// Modules every script may import: the machinery print() and tasks use.
static const char *const always_allowed[] = {"sys", "contextvars", NULL};

// Built-in modules that import others: allowing one allows its imports.
static const struct {
  const char *module, *needs;
} dependencies[] = {
  {"asyncio", "inspect"},
  {"asyncio", "heapq"},
  {"os", "os.path"},
  {NULL, NULL},
};

// Capabilities a sandbox must grant before a module can be imported.
static const struct {
  const char *module;
  unsigned caps;
} module_caps[] = {
  {"os", AW_CAP_FILES | AW_CAP_PROCESS},
  {"os.path", AW_CAP_FILES},
  {"io", AW_CAP_FILES},
  {NULL, 0},
};

static bool in_list(const char *const *list, const char *name) {
  for (; list && *list; list++)
    if (!strcmp(*list, name)) return true;
  return false;
}

static bool is_builtin_module(const char *name) {
  for (const AwBuiltinModule *b = aw_builtin_modules; b->name; b++)
    if (!strcmp(b->name, name)) return true;
  return false;
}

static bool listed(AwApi *api, const char *name) {
  if (!api->modules || in_list(always_allowed, name) || in_list(api->modules, name)) return true;
  for (int i = 0; dependencies[i].module; i++)
    if (!strcmp(dependencies[i].needs, name) && listed(api, dependencies[i].module)) return true;
  return false;
}

static unsigned caps_needed(const char *name) {
  if (!is_builtin_module(name)) return AW_CAP_FILES;  // read from sys.path
  for (int i = 0; module_caps[i].module; i++)
    if (!strcmp(module_caps[i].module, name)) return module_caps[i].caps;
  return 0;
}

bool aw_module_allowed(AwVM *vm, const char *name) {
  AwApi *api = vm->api;
  if (!api || (!api->sandbox && !api->modules)) return true;
  if (api->host_modules) {
    AwValue m = aw_dict_get_cstr(vm, api->host_modules, name);
    if (AW_IS_EXC(m)) return false;  // MemoryError: import reports it
    if (AW_IS_OBJ(m)) return true;
  }
  if (!listed(api, name)) return false;
  unsigned need = caps_needed(name);
  return !api->sandbox || (api->grant & need) == need;
}

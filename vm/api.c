// vm/api.c -- the public entry points of vm/aw.h that run code: running a
// file or string as __main__, reporting syntax errors and uncaught
// exceptions CPython-style (and keeping their text for aw_error_*),
// SystemExit, --dis; and the API state's setup, teardown and GC roots.
// Values and natives are api_values.c, the loop api_loop.c, limits
// api_limits.c.
#include <stdlib.h>
#include <string.h>
#include "lang/compiler.h"
#include "vm/api.h"

// ---- the API state -------------------------------------------------------------

bool aw_api_init(AwVM *vm, const AwConfig *cfg) {
  AwApi *api = aw_mem_alloc(vm, sizeof(AwApi));
  if (!api) return false;
  memset(api, 0, sizeof *api);
  api->s.thrown = AW_UNDEF;
  api->owner = uv_thread_self();
  api->error = AW_UNDEF;
  api->silent_errors = cfg->silent_errors;
  api->step_limit = cfg->step_limit;
  api->interrupt_fn = cfg->interrupt_fn;
  api->interrupt_ud = cfg->interrupt_ud;
  api->sandbox = cfg->sandbox;
  api->grant = cfg->grant;
  api->modules = cfg->modules;
  vm->api = api;
  return true;
}

static void free_text(AwVM *vm, char **p, size_t *size) {
  if (*p) vm->alloc(vm->alloc_ud, *p, *size, 0);
  *p = NULL;
  *size = 0;
}

void aw_api_free(AwVM *vm) {
  AwApi *api = vm->api;
  if (!api) return;
  while (api->refs) aw_release_ref(vm, api->refs);
  aw_mem_free(vm, api->s.slots, sizeof(AwValue) * (size_t)api->s.cap);
  for (int i = 0; i < api->nparked; i++)
    aw_mem_free(vm, api->parked[i].s.slots, sizeof(AwValue) * (size_t)api->parked[i].s.cap);
  // Grown with the host allocator directly (aw_api_switch_thread): freed so.
  if (api->parked) vm->alloc(vm->alloc_ud, api->parked, sizeof(AwApiParked) * (size_t)api->cap_parked, 0);
  vm->bytes_allocated -= sizeof(AwApiParked) * (size_t)api->cap_parked;
  free_text(vm, &api->err_msg, &api->err_msg_size);
  free_text(vm, &api->err_tb, &api->err_tb_size);
  aw_mem_free(vm, api, sizeof(AwApi));
  vm->api = NULL;
}

static void mark_stack(AwVM *vm, AwApiStack *s) {
  for (int i = 0; i < s->top; i++) aw_gc_mark_value(vm, s->slots[i]);
  aw_gc_mark_value(vm, s->thrown);
}

void aw_api_gc_mark(AwVM *vm) {
  AwApi *api = vm->api;
  if (!api) return;
  mark_stack(vm, &api->s);                                                 // slots
  for (int i = 0; i < api->nparked; i++) mark_stack(vm, &api->parked[i].s); // other threads'
  for (AwRef *r = api->refs; r; r = r->next) aw_gc_mark_value(vm, r->value);  // host refs
  aw_gc_mark_value(vm, api->error);
  if (api->host_modules) aw_gc_mark_obj(vm, &api->host_modules->obj);
  if (api->data_classes) aw_gc_mark_obj(vm, &api->data_classes->obj);
}

// ---- threads -------------------------------------------------------------------------
// A VM with worker threads (asyncio.to_thread) may run natives on them;
// all threads take the interpreter lock in turn, so this runs under it.
// Each thread keeps its own slot stack: a native on one thread may wait
// (its script sleeping) while a native on another runs.

void aw_api_switch_thread(AwVM *vm) {
  AwApi *api = vm->api;
  uv_thread_t self = uv_thread_self();
  if (uv_thread_equal(&self, &api->owner)) return;
  AwApiStack incoming = {NULL, 0, 0, 0, false, 0, NULL, AW_UNDEF};
  for (int i = 0; i < api->nparked; i++) {
    if (!uv_thread_equal(&api->parked[i].thread, &self)) continue;
    incoming = api->parked[i].s;
    api->parked[i] = api->parked[--api->nparked];
    break;
  }
  if (api->s.top == 0 && api->s.native_depth == 0) {
    // Nothing to keep (a worker whose native returned): drop the stack.
    aw_mem_free(vm, api->s.slots, sizeof(AwValue) * (size_t)api->s.cap);
  } else {
    if (api->nparked == api->cap_parked) {
      // The host allocator directly: parking must not fail into MemoryError.
      int cap = api->cap_parked ? api->cap_parked * 2 : 4;
      AwApiParked *p = vm->alloc(vm->alloc_ud, api->parked, sizeof(AwApiParked) * (size_t)api->cap_parked,
                                 sizeof(AwApiParked) * (size_t)cap);
      if (!p) {
        fprintf(stderr, "aw: fatal: out of memory switching threads\n");
        abort();
      }
      vm->bytes_allocated += sizeof(AwApiParked) * (size_t)(cap - api->cap_parked);
      api->parked = p;
      api->cap_parked = cap;
    }
    api->parked[api->nparked].thread = api->owner;
    api->parked[api->nparked++].s = api->s;
  }
  api->s = incoming;
  api->owner = self;
}

// ---- entry points and error text --------------------------------------------------

void aw_api_enter(AwVM *vm) {
  aw_api_sync(vm);
  AwApi *api = vm->api;
  if (api->entry_depth++ == 0) aw_api_arm_limits(vm);
  api->error = AW_UNDEF;
  if (api->err_msg) api->err_msg[0] = 0;
  if (api->err_tb) api->err_tb[0] = 0;
}

void aw_api_leave(AwVM *vm) {
  AwApi *api = vm->api;
  if (--api->entry_depth > 0) return;
  // Between entry points nothing is polled: the host is running, not aw.
  vm->interrupt &= ~AW_INTERRUPT_POLL;
  api->stopped = NULL;
}

// Copies [len] bytes of [s] into a text buffer of the API (host allocator,
// outside the memory cap: an error report must survive a MemoryError).
static void set_text(AwVM *vm, char **p, size_t *size, const char *s, size_t len) {
  if (*size < len + 1) {
    char *n = vm->alloc(vm->alloc_ud, *p, *size, len + 1);
    if (!n) {
      if (*p) (*p)[0] = 0;
      return;
    }
    *p = n;
    *size = len + 1;
  }
  memcpy(*p, s, len);
  (*p)[len] = 0;
}

void aw_api_set_error_text(AwVM *vm, const char *text, size_t len) {
  AwApi *api = vm->api;
  set_text(vm, &api->err_tb, &api->err_tb_size, text, len);
  // The summary is the report's last non-empty line.
  size_t end = len;
  while (end > 0 && text[end - 1] == '\n') end--;
  size_t start = end;
  while (start > 0 && text[start - 1] != '\n') start--;
  set_text(vm, &api->err_msg, &api->err_msg_size, text + start, end - start);
}

static void set_text_value(AwVM *vm, char **p, size_t *size, AwValue str, const char *fallback) {
  if (AW_IS_STR(str)) {
    set_text(vm, p, size, AW_AS_STR(str)->data, (size_t)AW_AS_STR(str)->nbytes);
  } else {
    aw_exc_take(vm);
    set_text(vm, p, size, fallback, strlen(fallback));
  }
}

void aw_api_set_error(AwVM *vm, AwValue exc, bool quiet) {
  AwApi *api = vm->api;
  aw_push_root(vm, exc);
  api->error = exc;
  // After a MemoryError the garbage that caused it is usually unreachable:
  // collect it so the report can be formatted (entry points call this with
  // nothing else unrooted).
  if (AW_IS_EXCEPTION(exc) && aw_isinstance(vm, exc, AW_EXCCLS(vm, MemoryError))) aw_gc_collect(vm);
  const char *type = aw_type_name(vm, exc);
  AwValue report = AW_IS_EXCEPTION(exc) ? aw_dict_get_cstr(vm, AW_AS_INSTANCE(exc)->dict, "_aw_report") : AW_UNDEF;
  if (AW_IS_STR(report) && AW_IS_NONE(AW_AS_EXCEPTION(exc)->traceback)) {
    // A SyntaxError from compile(): its File/line/caret report.
    aw_api_set_error_text(vm, AW_AS_STR(report)->data, (size_t)AW_AS_STR(report)->nbytes);
  } else {
    if (AW_IS_EXC(report)) aw_exc_take(vm);
    set_text_value(vm, &api->err_msg, &api->err_msg_size, aw_exception_summary(vm, exc), type);
    set_text_value(vm, &api->err_tb, &api->err_tb_size, aw_format_exception(vm, exc), type);
  }
  if (!quiet && !api->silent_errors) {
    if (AW_IS_STR(report) && AW_IS_NONE(AW_AS_EXCEPTION(exc)->traceback))
      aw_write_err(vm, AW_AS_STR(report)->data, (size_t)AW_AS_STR(report)->nbytes);
    else if (AW_IS_EXCEPTION(exc))
      aw_print_exception(vm, exc);
  }
  aw_pop_root(vm);
}

const char *aw_error_message(AwVM *vm) { return vm->api->err_msg ? vm->api->err_msg : ""; }
const char *aw_error_traceback(AwVM *vm) { return vm->api->err_tb ? vm->api->err_tb : ""; }

AwValue aw_raise_syntax_error(AwVM *vm, const AwDiag *d, const char *filename, const char *source, size_t len) {
  if (d->kind == AW_DIAG_MEMORY) {
    vm->exc = vm->memory_error;
    return AW_EXC;
  }
  AwClass *cls = d->kind == AW_DIAG_INDENT ? AW_EXCCLS(vm, IndentationError)
                 : d->kind == AW_DIAG_TAB  ? AW_EXCCLS(vm, TabError)
                 : d->kind == AW_DIAG_RECURSION ? AW_EXCCLS(vm, RecursionError)
                                            : AW_EXCCLS(vm, SyntaxError);
  AwValue msg = aw_str_from_cstr(vm, d->msg);
  if (AW_IS_EXC(msg)) return msg;
  AwValue e = aw_exc_new(vm, cls, 1, &msg);
  if (AW_IS_EXC(e)) return e;
  // The formatted report (File/line/caret) is kept for printing.
  char buf[2048];
  size_t n = aw_diag_format(d, filename, source, len, buf, sizeof buf);
  AwValue report = aw_str_new(vm, buf, n);
  AwDict *dict = AW_AS_INSTANCE(e)->dict;
  if (AW_IS_EXC(report) || !aw_dict_set_cstr(vm, dict, "msg", msg) ||
      !aw_dict_set_cstr(vm, dict, "filename", aw_str_from_cstr(vm, filename)) ||
      !aw_dict_set_cstr(vm, dict, "lineno", AW_INT(d->line)) ||
      !aw_dict_set_cstr(vm, dict, "offset", AW_INT(d->col + 1)) ||
      !aw_dict_set_cstr(vm, dict, "_aw_report", report))
    return AW_EXC;
  vm->exc = e;
  return AW_EXC;
}

// A module body that awaits at top level runs as the main task of the
// event loop, as under `python -m asyncio`.
AwValue aw_run_main_coroutine(AwVM *vm, AwFunction *fn) {
  AwValue coro = aw_make_generator(vm, fn, 0, NULL, NULL);
  if (AW_IS_EXC(coro)) return coro;
  aw_push_root(vm, coro);
  AwValue r = aw_asyncio_run(vm, coro, false);
  aw_pop_root(vm);
  return r;
}

// ---- reporting ---------------------------------------------------------------

static int exit_code_of(AwVM *vm, AwValue exc) {
  AwValue args = AW_AS_EXCEPTION(exc)->args;
  AwValue code = AW_NONE;
  AwValue c = aw_dict_get_str(AW_AS_INSTANCE(exc)->dict, AW_N(vm, code));
  if (!AW_IS_UNDEF(c)) code = c;
  else if (AW_IS_TUPLE(args) && AW_AS_TUPLE(args)->len == 1) code = AW_AS_TUPLE(args)->items[0];
  else if (AW_IS_TUPLE(args) && AW_AS_TUPLE(args)->len > 1) code = args;
  if (AW_IS_NONE(code)) return 0;
  if (AW_IS_INTLIKE(code)) return (int)(AW_AS_INT(code) & 0xff);
  AwStr *s = aw_to_str(vm, code);
  if (s) {
    aw_write_err(vm, s->data, (size_t)s->nbytes);
    aw_write_err(vm, "\n", 1);
  } else {
    aw_exc_take(vm);
  }
  return 1;
}

static bool is_exception_of(AwVM *vm, AwValue exc, AwClass *cls) {
  return AW_IS_EXCEPTION(exc) && aw_isinstance(vm, exc, cls);
}

// Reports an uncaught exception and returns the run's result.
static AwResult report_uncaught(AwVM *vm) {
  AwValue exc = aw_exc_take(vm);
  vm->handling = AW_UNDEF;
  // Pending "never awaited" reports come before the traceback, as in CPython,
  // so the last stderr line stays the exception's.
  aw_push_root(vm, exc);
  aw_gc_collect_and_report(vm);
  aw_pop_root(vm);
  if (is_exception_of(vm, exc, AW_EXCCLS(vm, SystemExit))) {
    aw_push_root(vm, exc);
    vm->exit_code = exit_code_of(vm, exc);
    aw_api_set_error(vm, exc, true);
    aw_pop_root(vm);
    return AW_EXIT;
  }
  aw_api_set_error(vm, exc, false);
  if (is_exception_of(vm, exc, AW_EXCCLS(vm, KeyboardInterrupt))) {
    vm->exit_code = 130;
    return AW_EXIT;
  }
  vm->exit_code = 1;
  return AW_RUNTIME_ERROR;
}

AwResult aw_api_fail(AwVM *vm) {
  AwValue exc = aw_exc_take(vm);
  vm->handling = AW_UNDEF;
  aw_push_root(vm, exc);
  AwResult r = AW_RUNTIME_ERROR;
  if (is_exception_of(vm, exc, AW_EXCCLS(vm, SystemExit))) {
    vm->exit_code = exit_code_of(vm, exc);
    r = AW_EXIT;
  }
  aw_api_set_error(vm, exc, true);
  aw_api_put(vm, 0, exc);
  aw_pop_root(vm);
  return r;
}

int aw_exit_code(AwVM *vm) { return vm->exit_code; }

// ---- running ------------------------------------------------------------------

static AwModule *make_main_module(AwVM *vm, const char *filename) {
  AwModule *m = aw_module_new(vm, "__main__");
  if (!m) return NULL;
  vm->main_module = AW_OBJ(m);
  AwValue fname = aw_str_from_cstr(vm, filename);
  if (AW_IS_EXC(fname) || !aw_dict_set(vm, m->dict, AW_N(vm, file), fname) ||
      !aw_dict_set(vm, m->dict, AW_N(vm, builtins), AW_OBJ(vm->builtins)) ||
      !aw_dict_set(vm, vm->modules, AW_N(vm, main), AW_OBJ(m)))
    return NULL;
  // Imports look beside the script first (once: a host may run many).
  const char *slash = strrchr(filename, '/');
  AwValue dir = slash ? aw_str_new(vm, filename, (size_t)(slash - filename)) : aw_str_new(vm, "", 0);
  if (AW_IS_EXC(dir)) return NULL;
  AwList *path = AW_AS_LIST(vm->sys_path);
  if (path->len > 0 && AW_IS_STR(path->items[0]) && aw_str_eq(AW_AS_STR(path->items[0]), AW_AS_STR(dir))) return m;
  if (!aw_list_insert(vm, path, 0, dir)) return NULL;
  return m;
}

// Under a memory cap, a run after one that filled memory could fail at its
// first allocations: collections only happen at safepoints, and the old
// __main__ still holds its globals. The outermost entry point is a safe
// place to drop that module and collect (no native is running).
static void reclaim_before_run(AwVM *vm) {
  if (vm->api->entry_depth != 1 || !vm->mem_limit || vm->bytes_allocated < vm->mem_limit / 2) return;
  vm->main_module = AW_UNDEF;
  if (aw_dict_del(vm, vm->modules, AW_N(vm, main), NULL) < 0) aw_exc_take(vm);
  aw_gc_collect(vm);
}

static AwResult run_string(AwVM *vm, const char *source, size_t len, const char *filename) {
  reclaim_before_run(vm);
  AwModule *m = make_main_module(vm, filename);
  if (!m) return report_uncaught(vm);
  AwDiag diag;
  memset(&diag, 0, sizeof diag);
  bool incomplete = false;
  AwProto *p = aw_compile(vm, source, len, filename, AW_PARSE_FILE, &diag, &incomplete);
  if (!p) {
    if (diag.kind == AW_DIAG_MEMORY) {
      vm->exc = vm->memory_error;
      return report_uncaught(vm);
    }
    char buf[4096];
    size_t n = aw_diag_format(&diag, filename, source, len, buf, sizeof buf);
    aw_api_set_error_text(vm, buf, n);
    if (!vm->api->silent_errors) aw_write_err(vm, buf, n);
    vm->exit_code = 1;
    return AW_COMPILE_ERROR;
  }
  aw_push_root(vm, AW_OBJ(p));
  AwValue r = aw_run_module_code(vm, p, m->dict);
  aw_pop_root(vm);
  if (AW_IS_EXC(r)) return report_uncaught(vm);
  vm->exit_code = 0;
  return AW_OK;
}

AwResult aw_run_string(AwVM *vm, const char *source, size_t len, const char *filename) {
  aw_api_enter(vm);
  AwResult r = run_string(vm, source, len, filename);
  aw_api_leave(vm);
  return r;
}

AwResult aw_run_file(AwVM *vm, const char *path) {
  size_t len;
  char *src = aw_read_file(vm, path, &len);
  if (!src) {
    aw_exc_take(vm);
    char msg[1200];
    int n = snprintf(msg, sizeof msg, "aw: can't open file '%s': [Errno 2] No such file or directory\n", path);
    if (n < 0 || (size_t)n >= sizeof msg) n = (int)strlen(msg);
    aw_api_enter(vm);
    aw_api_set_error_text(vm, msg, (size_t)n);
    aw_api_leave(vm);
    if (!vm->api->silent_errors) aw_write_err(vm, msg, (size_t)n);
    vm->exit_code = 2;
    return AW_RUNTIME_ERROR;
  }
  AwResult r = aw_run_string(vm, src, len, path);
  aw_mem_free(vm, src, len + 1);
  return r;
}

AwResult aw_dis_file(AwVM *vm, const char *path) {
  size_t len;
  char *src = aw_read_file(vm, path, &len);
  if (!src) {
    aw_exc_take(vm);
    aw_printf_err(vm, "aw: can't open file '%s': [Errno 2] No such file or directory\n", path);
    vm->exit_code = 2;
    return AW_RUNTIME_ERROR;
  }
  AwDiag diag;
  memset(&diag, 0, sizeof diag);
  bool incomplete = false;
  AwProto *p = aw_compile(vm, src, len, path, AW_PARSE_FILE, &diag, &incomplete);
  AwResult r = AW_OK;
  if (!p) {
    char buf[4096];
    size_t n = aw_diag_format(&diag, path, src, len, buf, sizeof buf);
    aw_write_err(vm, buf, n);
    vm->exit_code = 1;
    r = AW_COMPILE_ERROR;
  } else if (!aw_code_dis(vm, p)) {
    r = report_uncaught(vm);
  }
  aw_mem_free(vm, src, len + 1);
  return r;
}

// ---- interrupts (aw_interrupt; owned by the event loop's engineer) ----------
// Only async-signal-safe work: set the flag the safepoints poll, and wake a
// loop blocked in its poll (uv_async_send is async-signal-safe) so it sees
// the flag at once.
void aw_interrupt(AwVM *vm) {
  if (!vm) return;
  vm->interrupt |= AW_INTERRUPT_SIGINT;  // keeps AW_INTERRUPT_POLL
  AwLoop *loop = vm->loop;
  if (loop && loop->uv_ready) uv_async_send(&loop->async);
}

// vm/api.h -- the embedding API's state inside one VM, shared by api.c
// (running, error text), api_values.c (slots, refs, natives, host objects),
// api_loop.c (tasks, futures, stepping the loop) and api_limits.c (step
// budget, interrupt callback, sandbox). The public side is vm/aw.h.
#ifndef AW_API_H
#define AW_API_H

#include "vm/loop.h"

// A host reference: one value kept alive (a GC root) until released.
struct AwRef {
  struct AwRef *prev, *next;
  AwValue value;
};

// The slot stack of one OS thread: natives may also run on the worker
// threads of asyncio.to_thread (each holding the interpreter lock in
// turn), and each thread's windows must stay its own (aw_api_sync).
typedef struct {
  AwValue *slots;          // one growable stack; a native's window starts at base
  int top, cap, base;
  bool ret_set;            // the running native stored into its slot 0
  int native_depth;        // host natives running (nested through calls)
  const char *native_name; // the innermost one, for argument errors
  AwValue thrown;          // what a native threw (aw_throw), raised when it
                           // returns; UNDEF if nothing
} AwApiStack;

typedef struct {
  uv_thread_t thread;
  AwApiStack s;
} AwApiParked;

typedef struct AwApi {
  AwApiStack s;            // the stack of the thread using the API now
  uv_thread_t owner;       // that thread
  AwApiParked *parked;     // other threads' stacks (only with worker threads)
  int nparked, cap_parked;
  // -- refs and host-defined things
  AwRef *refs;             // every live AwRef (a doubly linked list)
  AwDict *host_modules;    // name -> module made by aw_def_fn
  AwDict *data_classes;    // type name -> class of host objects
  // -- the last error of an entry point, as text (host allocator, NUL-terminated)
  AwValue error;           // the exception, or UNDEF
  char *err_msg, *err_tb;
  size_t err_msg_size, err_tb_size;
  bool silent_errors;
  int entry_depth;         // host entry points in progress
  // -- limits (api_limits.c)
  uint64_t step_limit;     // 0 = none
  uint64_t steps;          // steps counted since the outermost entry
  uint32_t countdown;      // safepoints left before the next check
  bool (*interrupt_fn)(AwVM *vm, void *ud);
  void *interrupt_ud;
  const char *stopped;     // why the script is being stopped (sticky), or NULL
  bool sandbox;
  unsigned grant;          // AW_CAP_* bits granted to a sandbox
  const char *const *modules;  // the import allow-list, or NULL
} AwApi;

// ---- api.c -------------------------------------------------------------------
// Brackets every public entry point that runs script code: the outermost
// one restarts the step budget and clears the last error.
void aw_api_enter(AwVM *vm);
void aw_api_leave(AwVM *vm);
// Records [exc] (taken from vm->exc) as the last error: its summary line and
// traceback text become aw_error_message / aw_error_traceback. Prints the
// traceback to stderr unless the config asked for silence or [quiet].
void aw_api_set_error(AwVM *vm, AwValue exc, bool quiet);
// Records a compile error's formatted report [text] of [len] bytes.
void aw_api_set_error_text(AwVM *vm, const char *text, size_t len);
// Turns a failed call's pending exception into an AwResult: AW_EXIT for
// SystemExit (exit code set), else AW_RUNTIME_ERROR; the exception is
// recorded (quietly) and left in slot 0 of the current window.
AwResult aw_api_fail(AwVM *vm);

// Makes the calling OS thread's slot stack current. Only a VM that ever
// started worker threads (vm->threads) can see another thread here.
void aw_api_switch_thread(AwVM *vm);
static inline void aw_api_sync(AwVM *vm) {
  if (vm->threads) aw_api_switch_thread(vm);
}

// ---- api_values.c ------------------------------------------------------------
// Stores [v] in [slot] of the current window (false if out of range).
bool aw_api_put(AwVM *vm, int slot, AwValue v);
// The value in [slot] of the current window (None if out of range).
AwValue aw_api_slot(AwVM *vm, int slot);
// A new ref holding [v]; NULL if out of memory.
AwRef *aw_api_ref_new(AwVM *vm, AwValue v);
// An exception instance of the builtin class named [type] (RuntimeError if
// unknown) with [message]; on failure the MemoryError instead.
AwValue aw_api_new_exception(AwVM *vm, const char *type, const char *message);

// ---- api_limits.c ------------------------------------------------------------
// Arms AW_INTERRUPT_POLL when a limit is configured (outermost entry).
void aw_api_arm_limits(AwVM *vm);

#endif

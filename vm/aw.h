// vm/aw.h -- the public embedding API of aw. This is the only header a host
// program includes. Nothing here exposes the VM's value or object layout.
//
// The model, once:
// - VMs. A process may create any number of independent VMs; each is used
//   by one thread at a time (two threads may each run their own VM: there
//   is no global state). All of a VM's memory comes from the allocator in
//   its AwConfig, counted against mem_limit.
// - Slots. Values cross between C and scripts through numbered slots, as in
//   Wren. A native function finds its arguments in slots 0..argc-1, and
//   returns what it last stored into slot 0 (None if it stored nothing
//   there). Elsewhere the host makes slots with aw_ensure_slots. Slots keep
//   their values alive; a string read from a slot stays valid while its
//   value stays there. Slots out of range read as None; writes to them
//   are ignored.
// - Refs. An AwRef keeps one value alive for the host (a function to call
//   later, a future to resolve, a task to wait for) until aw_release_ref.
// - Results. Entry points return an AwResult. On AW_COMPILE_ERROR or
//   AW_RUNTIME_ERROR, aw_error_message and aw_error_traceback describe the
//   error, and after a call slot 0 holds the exception.
// - Async. A native is async when it returns a future
//   (aw_set_slot_new_future); the host completes it later with aw_resolve or
//   aw_reject. The event loop runs inside scripts (asyncio.run, top-level
//   await), or the host drives it: aw_spawn a coroutine as a task, then
//   aw_wait for it or call aw_step from its own loop, polling aw_backend_fd
//   with aw_timeout.
// - Limits (AwConfig): mem_limit (scripts see MemoryError), step_limit and
//   interrupt_fn (a runaway script is stopped with RuntimeError), sandbox
//   (no file, network, process or thread access except what grant allows)
//   and modules (an import allow-list).
// Natives and finalizers must not call aw_free_vm; finalizers run during
// garbage collection and may only free host memory.
#ifndef AW_H
#define AW_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define AW_VERSION_STRING "0.1.0"

typedef struct AwVM AwVM;
typedef struct AwRef AwRef;

// realloc-like: ptr NULL allocates, new_size 0 frees (return value ignored).
typedef void *(*AwAllocFn)(void *ud, void *ptr, size_t old_size, size_t new_size);
// Receives script output (stdout or stderr) bytes.
typedef void (*AwWriteFn)(void *ud, const char *data, size_t len);

// Capabilities a sandboxed VM can be granted (AwConfig.grant).
#define AW_CAP_FILES   1u  // open(), io, importing .aw files
#define AW_CAP_NET     2u  // sockets (reserved: aw has none yet)
#define AW_CAP_PROCESS 4u  // os and os.path (with FILES): environment, cwd
#define AW_CAP_THREADS 8u  // asyncio.to_thread, loop.run_in_executor

typedef struct {
  AwAllocFn alloc;        // NULL: the C library's realloc/free
  void *alloc_ud;
  size_t mem_limit;       // bytes; 0 = unlimited. Past it scripts get MemoryError.
  AwWriteFn write_out;    // NULL: the process's stdout
  AwWriteFn write_err;    // NULL: the process's stderr
  void *write_ud;
  int argc;               // sys.argv for the script
  const char *const *argv;
  bool gc_stress;         // collect at every safepoint (testing)
  uint64_t step_limit;    // 0 = none; else stop a script after this many steps
                          // (calls and loop iterations) per host entry point
  bool (*interrupt_fn)(AwVM *vm, void *ud);  // polled every 1024 steps;
  void *interrupt_ud;     // returning true stops the script
  bool sandbox;           // deny files, network, processes, threads ...
  unsigned grant;         // ... except these AW_CAP_* bits
  const char *const *modules;  // NULL-terminated import allow-list, kept
                          // (NULL: every module the grants allow)
  bool silent_errors;     // don't print uncaught errors to write_err
} AwConfig;

typedef enum {
  AW_OK = 0,
  AW_COMPILE_ERROR,       // SyntaxError and friends
  AW_RUNTIME_ERROR,       // an uncaught exception
  AW_EXIT                 // SystemExit: see aw_exit_code
} AwResult;

// ---- VMs and running code ----
// Fills [cfg] with defaults.
void aw_config_init(AwConfig *cfg);
// Creates a VM; NULL if memory for it cannot be had.
AwVM *aw_new_vm(const AwConfig *cfg);
// Frees the VM and everything it owns (refs included).
void aw_free_vm(AwVM *vm);
// Runs the file at [path] as the __main__ module.
AwResult aw_run_file(AwVM *vm, const char *path);
// Runs [len] bytes of [source] as the __main__ module, named [filename].
AwResult aw_run_string(AwVM *vm, const char *source, size_t len, const char *filename);
// Prints the disassembly of the file at [path] (aw --dis).
AwResult aw_dis_file(AwVM *vm, const char *path);
// After AW_EXIT: the status the script asked for (sys.exit(n)).
int aw_exit_code(AwVM *vm);
// The last error's summary ("ZeroDivisionError: division by zero") and
// its full report as printed ("Traceback (most recent call last): ...");
// "" when the last entry point succeeded. Valid until the next entry point.
const char *aw_error_message(AwVM *vm);
const char *aw_error_traceback(AwVM *vm);

// ---- slots ----
typedef enum {
  AW_TYPE_NONE, AW_TYPE_BOOL, AW_TYPE_INT, AW_TYPE_FLOAT, AW_TYPE_STR, AW_TYPE_BYTES,
  AW_TYPE_LIST, AW_TYPE_TUPLE, AW_TYPE_DICT, AW_TYPE_DATA, AW_TYPE_FUTURE, AW_TYPE_OTHER
} AwType;
// Makes sure [n] slots exist (new ones hold None); false if out of memory.
bool aw_ensure_slots(AwVM *vm, int n);
int aw_slot_count(AwVM *vm);
AwType aw_get_slot_type(AwVM *vm, int slot);
// Readers. In a native, a value of the wrong type raises TypeError when
// the native returns (and the reader returns false / 0 / NULL).
bool aw_get_slot_bool(AwVM *vm, int slot);               // truthiness
int64_t aw_get_slot_int(AwVM *vm, int slot);             // int or bool
double aw_get_slot_float(AwVM *vm, int slot);            // float or int
const char *aw_get_slot_str(AwVM *vm, int slot, size_t *len);    // UTF-8, NUL-ended
const void *aw_get_slot_bytes(AwVM *vm, int slot, size_t *len);
void *aw_get_slot_data(AwVM *vm, int slot, const char *type_name); // host object
// Writers; those that allocate return false when out of memory.
void aw_set_slot_none(AwVM *vm, int slot);
void aw_set_slot_bool(AwVM *vm, int slot, bool value);
void aw_set_slot_int(AwVM *vm, int slot, int64_t value);
void aw_set_slot_float(AwVM *vm, int slot, double value);
bool aw_set_slot_str(AwVM *vm, int slot, const char *s, size_t len);  // UTF-8
bool aw_set_slot_bytes(AwVM *vm, int slot, const void *data, size_t len);
bool aw_set_slot_new_list(AwVM *vm, int slot);
bool aw_set_slot_new_dict(AwVM *vm, int slot);
void aw_copy_slot(AwVM *vm, int to_slot, int from_slot);
// An opaque host object: [ptr] with a type name scripts see as its class.
// [finalize] (may be NULL) gets [ptr] when the object is collected.
typedef void (*AwFinalizeFn)(AwVM *vm, void *ptr);
bool aw_set_slot_data(AwVM *vm, int slot, void *ptr, const char *type_name, AwFinalizeFn finalize);
// Containers: len(), obj[key], obj[key] = value, list.append, and walking
// a dict's entries in order (start with *pos = 0; false at the end).
int64_t aw_get_slot_len(AwVM *vm, int slot);             // -1 if unsized
bool aw_get_slot_item(AwVM *vm, int slot, int key_slot, int out_slot);
bool aw_set_slot_item(AwVM *vm, int slot, int key_slot, int value_slot);
bool aw_append_slot(AwVM *vm, int list_slot, int item_slot);
bool aw_get_slot_entry(AwVM *vm, int dict_slot, int64_t *pos, int key_slot, int value_slot);
// Puts the global [name] of the imported module [module] ("__main__": the
// script; NULL: builtins) in [slot]; false if there is none.
bool aw_get_var(AwVM *vm, const char *module, const char *name, int slot);

// ---- refs ----
AwRef *aw_get_slot_ref(AwVM *vm, int slot);              // NULL if out of memory
void aw_set_slot_ref(AwVM *vm, int slot, AwRef *ref);
void aw_release_ref(AwVM *vm, AwRef *ref);

// ---- native functions and modules ----
// A native: arguments in slots 0..argc-1, result in slot 0; [ud] as given.
typedef void (*AwHostFn)(AwVM *vm, int argc, void *ud);
// Defines [name] in the native module [module] (made on first use and
// importable at once), or as a builtin if [module] is NULL. [arity] -1
// accepts any number of positional arguments.
bool aw_def_fn(AwVM *vm, const char *module, const char *name, int arity, AwHostFn fn, void *ud);
// Raises, when the running native returns, an exception of the builtin
// class [type] ("ValueError") with a printf-style message; or the
// exception in [slot]. The native should return right after.
void aw_throw(AwVM *vm, const char *type, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void aw_throw_slot(AwVM *vm, int slot);

// ---- calling scripts ----
// Calls slot 0 with slots 1..nargs; the result (or the exception) goes to slot 0.
AwResult aw_invoke(AwVM *vm, int nargs);
// Calls slot 0 with slots 1..nargs, which must give a coroutine (or a
// future), and schedules it as a task on the VM's loop. NULL on error.
AwRef *aw_spawn(AwVM *vm, int nargs);
// True once the task or future [ref] is done (or [ref] is NULL).
bool aw_done(AwVM *vm, AwRef *ref);
// The outcome of a done task or future, into slot 0 (as aw_invoke);
// AW_RUNTIME_ERROR for a NULL [ref] (the failed aw_spawn's error stays).
AwResult aw_result(AwVM *vm, AwRef *ref);
// Runs the event loop until [ref] is done, then aw_result.
AwResult aw_wait(AwVM *vm, AwRef *ref);

// ---- futures and the event loop ----
// Puts a new pending future in [slot] and returns a ref to it: a native
// returning it is async. NULL if out of memory.
AwRef *aw_set_slot_new_future(AwVM *vm, int slot);
// Completes the future [ref] with the value in [slot], or with an
// exception of class [type] and [message]; both release [ref]. False if the
// future was already done (e.g. cancelled). Never from another thread.
bool aw_resolve(AwVM *vm, AwRef *ref, int slot);
bool aw_reject(AwVM *vm, AwRef *ref, const char *type, const char *message);
// Runs one iteration of the loop, waiting at most [timeout_ms] (-1: until
// something happens) for timers or I/O. An error escapes only when a
// callback raised SystemExit/KeyboardInterrupt or a limit stopped it.
AwResult aw_step(AwVM *vm, int timeout_ms);
// For a host that owns poll(): the fd that becomes readable when the loop
// has I/O to process, and the ms until aw_step is next due (0: now; -1: only
// when the fd is readable or a future is completed).
int aw_backend_fd(AwVM *vm);
int aw_timeout(AwVM *vm);

// ---- interrupts (Ctrl-C) ----
// Asks [vm] to stop what it runs, as Ctrl-C does: at its next safepoint
// the running script gets KeyboardInterrupt, or, while asyncio.run() waits
// in its event loop, the main task is cancelled (its finally blocks run)
// and run() then raises KeyboardInterrupt. Async-signal-safe and callable
// from any thread: it sets a flag and wakes the loop, nothing more. A
// host calls it from its SIGINT handler (aw's own CLI does).
void aw_interrupt(AwVM *vm);

// ---- the interactive REPL (vm/repl.c) ----
// Runs the REPL on the terminal (stdin/stdout) until Ctrl-D, exit() or
// SystemExit: line editing, history in $AW_HISTORY or ~/.aw_history,
// completion, top-level await on one event loop that keeps running between
// prompts. Handles SIGINT itself while it runs. Returns the exit status.
int aw_repl(AwVM *vm);

#endif

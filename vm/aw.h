// vm/aw.h -- the public embedding API of aw. This is the only header a host
// program includes. Nothing here exposes the VM's value or object layout.
//
// Model: a host creates any number of independent VMs (aw_new_vm); each is
// used by one thread at a time. All of a VM's memory comes from the
// allocator in its config.
#ifndef AW_H
#define AW_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define AW_VERSION_STRING "0.1.0"

typedef struct AwVM AwVM;

// realloc-like: ptr NULL allocates, new_size 0 frees (return value ignored).
typedef void *(*AwAllocFn)(void *ud, void *ptr, size_t old_size, size_t new_size);
// Receives script output (stdout or stderr) bytes.
typedef void (*AwWriteFn)(void *ud, const char *data, size_t len);

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
} AwConfig;

typedef enum {
  AW_OK = 0,
  AW_COMPILE_ERROR,       // SyntaxError and friends
  AW_RUNTIME_ERROR,       // an uncaught exception
  AW_EXIT                 // SystemExit: see aw_exit_code
} AwResult;

// Fills [cfg] with defaults.
void aw_config_init(AwConfig *cfg);
// Creates a VM; NULL if memory for it cannot be had.
AwVM *aw_new_vm(const AwConfig *cfg);
// Frees the VM and everything it owns.
void aw_free_vm(AwVM *vm);
// Runs the file at [path] as the __main__ module.
AwResult aw_run_file(AwVM *vm, const char *path);
// Runs [len] bytes of [source] as the __main__ module, named [filename].
AwResult aw_run_string(AwVM *vm, const char *source, size_t len, const char *filename);
// Prints the disassembly of the file at [path] (aw --dis).
AwResult aw_dis_file(AwVM *vm, const char *path);
// After AW_EXIT: the status the script asked for (sys.exit(n)).
int aw_exit_code(AwVM *vm);

// ---- interrupts (Ctrl-C) ----
// Asks [vm] to stop what it runs, as Ctrl-C does: at its next safepoint
// the running script gets KeyboardInterrupt, or, while asyncio.run() waits
// in its event loop, the main task is cancelled (its finally blocks run)
// and run() then raises KeyboardInterrupt. Async-signal-safe and callable
// from any thread: it sets a flag and wakes the loop, nothing more. A
// host calls it from its SIGINT handler (aw's own CLI does).
void aw_interrupt(AwVM *vm);

#endif

// vm/vm.h -- the VM's internal API: the AwVM state and every function that
// natives, the compiler and the stdlib use to make objects, raise errors and
// call back into scripts. The public embedding API is vm/aw.h; this header
// is for code inside the project.
//
// Conventions (read these once):
// - Errors: a function returning AwValue returns AW_EXC with vm->exc set;
//   one returning a pointer returns NULL; one returning bool returns false;
//   one returning int returns -1. aw_raisef() sets vm->exc and returns AW_EXC.
// - Allocation failure (or the VM's memory cap) raises MemoryError the same
//   way: every allocating call can fail and must be checked.
// - GC: collection happens only at interpreter safepoints (calls, backward
//   jumps), never inside an allocation. So a native may hold fresh objects
//   in C locals freely, EXCEPT across a call that can run script code
//   (aw_call and everything that may invoke a dunder: aw_repr, aw_eq,
//   aw_hash, aw_getattr on instances, aw_iter_next on generators ...).
//   Across those, keep objects reachable: in argv, inside a rooted container,
//   or with aw_push_root()/aw_pop_root().
#ifndef AW_VM_H
#define AW_VM_H

#include <stdarg.h>
#include <stdio.h>
#include "vm/object.h"
#include "vm/code.h"
#include "vm/aw.h"

// ---- the class tables -------------------------------------------------------

typedef enum {
#define AW_TYPE_ENUM(id, name, base, kind) AW_CLS_##id,
#include "vm/classes.h"
  AW_BUILTIN_TYPES(AW_TYPE_ENUM)
#undef AW_TYPE_ENUM
  AW_CLS__COUNT
} AwBuiltinClassId;

typedef enum {
#define AW_EXC_ENUM(id, base) AW_EXC_##id,
  AW_EXCEPTIONS(AW_EXC_ENUM)
#undef AW_EXC_ENUM
  AW_EXC__COUNT
} AwExcClassId;

typedef enum {
#define NAME(id, text) AW_NAME_##id,
#include "vm/names.h"
#undef NAME
  AW_NAME__COUNT
} AwNameId;

#define AW_CLS(vm, id) ((vm)->cls[AW_CLS_##id])
#define AW_EXCCLS(vm, id) ((vm)->exc_cls[AW_EXC_##id])
#define AW_N(vm, id) ((vm)->names[AW_NAME_##id])

typedef struct AwFrame AwFrame;      // vm/frame.h
// Synchronous frames are allocated in segments that never move (a frame's
// pointers stay valid); a new segment is chained when one is full.
typedef struct AwStackSeg {
  struct AwStackSeg *prev, *next;
  char *saved_top;               // stack_top of this segment when a newer one
                                 // became current
  char *end;
  char *base;
} AwStackSeg;
typedef struct AwLoop AwLoop;        // vm/loop.h (event loop, later issue)
// Small-block pools (mem.c): sizes up to AW_POOL_MAX bytes, in classes of
// AW_POOL_GRAIN bytes.
#define AW_POOL_MAX 1024
#define AW_POOL_GRAIN 8
#define AW_POOL_CLASSES (AW_POOL_MAX / AW_POOL_GRAIN + 1)
#define AW_SPARE_BUCKETS 8


struct AwVM {
  // -- memory
  AwAllocFn alloc;               // host allocator (realloc-like)
  void *alloc_ud;
  size_t bytes_allocated;
  size_t next_gc;                // collect when bytes_allocated passes this
  uint32_t class_serial;         // the last AwClass.serial given out
  size_t mem_limit;              // 0 = unlimited; else MemoryError past it
  bool gc_requested;             // set by the allocator; honoured at safepoints
  bool gc_stress;                // collect at every safepoint
  bool in_gc;
  AwObj *objects;                // every heap object
  AwClass **class_table;         // every live class by id (AwObj.cls_id);
  uint32_t class_table_len;      // slot 0 and a dead class's slot are NULL
  uint32_t class_table_cap;
  uint32_t *class_free_ids;      // ids of dead classes, given out again first
  uint32_t class_free_len, class_free_cap;
  AwObj **gray;                  // mark stack
  size_t gray_len, gray_cap;
  struct AwGrayRange *gray_ranges;  // big arrays still to mark, a chunk at
  size_t gray_nranges, gray_cap_ranges;  // a time (gc.c)
  bool gray_draining;            // gc.c is tracing the gray stack
  AwValue *temp_roots;           // C temporaries kept alive (a stack that
  int n_temp_roots, cap_temp_roots;  // grows: natives may nest deeply)

  // -- execution
  struct AwStackSeg *seg;        // current segment of the frame stack
  char *stack_top;               // first free byte of the current segment:
                                 // synchronous frames are carved from here
  AwFrame *frame;                // innermost running frame, or NULL
  int depth;                     // Python-level call depth (RecursionError)
  int recursion_limit;           // sys.getrecursionlimit()
  int c_depth;                   // nested aw_call/interpreter re-entries
  AwValue exc;                   // pending exception (UNDEF = none)
  AwValue exc_kept;              // aw_exc_keep's value for the next traceback
                                 // entry (UNDEF = none)
  AwValue handling;              // exception being handled (sys.exc_info)
  bool exc_reraise;              // RERAISE: do not add a traceback line
  bool ncoro_direct;             // the native coroutine about to be resumed
                                 // yields straight to the stepping task
                                 // (ncoro.c parks; read and cleared there)
  uint64_t instr_budget;         // 0 = unlimited (embedding)
  volatile int interrupt;        // set asynchronously: Ctrl-C / host interrupt

  // -- well-known objects
  AwClass *cls[AW_CLS__COUNT];
  AwClass *exc_cls[AW_EXC__COUNT];
  AwValue names[AW_NAME__COUNT];
  AwValue not_implemented;       // the NotImplemented singleton
  AwValue ellipsis;              // the Ellipsis singleton
  AwValue empty_tuple;
  AwValue empty_str;
  AwValue memory_error;          // preallocated MemoryError instance
  AwValue small_strs[128];       // one-character ASCII strings
  AwDict *strings;               // intern table (weak: swept, not marked)
  AwDict *builtins;              // the builtins module's dict
  AwDict *modules;               // sys.modules: name -> module
  AwValue main_module;           // __main__ module or UNDEF
  AwValue sys_path;              // list of str, searched by import
  AwValue argv;                  // list of str

  // -- output (stdout/stderr redirection for embedding)
  AwWriteFn write_out;
  AwWriteFn write_err;
  void *write_ud;

  // -- misc state owned by subsystems
  uint64_t random_state[4];      // random module (xoshiro256**)
  bool random_seeded;
  AwValue repr_stack;            // list: objects being repr'd (cycles "[...]")
  void *compiler;                // the running compiler (lang/compiler.c)
  AwLoop *loop;                  // the event loop (NULL until created)
  struct AwThreads *threads;     // interpreter lock and worker threads
  bool virtual_time;             // aw --virtual-time: loops start virtual
  AwValue context;               // contextvars: the current Context (UNDEF:
                                 // the empty default context)
  AwObj *task_context_src;       // contextvars: the last context tasks were
  AwObj *task_context;           // created in, and the copy they share
                                 // while it is unchanged (or NULL)
  int next_task_id;
  // -- async generator hooks (sys.set_asyncgen_hooks; asyncgen.c): this
  // thread's (thread.c swaps them with the rest of a thread's state).
  // UNDEF or None when unset.
  AwValue agen_firstiter, agen_finalizer;
  AwValue agen_hooks_type;       // sys: the asyncgen_hooks class, made on
                                 // first use (UNDEF until then)
  AwObj *agen_returned;          // the (async) generator the last frame
                                 // run from C returned straight from its
                                 // function call, or NULL (interp.c, for
                                 // aw_asyncgen_claim_aiter and
                                 // aw_gen_claim_iter; compared only)
  bool debug;                    // --debug / asyncio debug mode
  int exit_code;                 // set by SystemExit handling in main
  AwList *ex_args;               // (call.c) the argument list f(*args) is
                                 // passing on uncopied, during that call
  struct AwApi *api;             // embedding API state (vm/api.h): slots,
                                 // host refs, limits, sandbox, error text
  // -- finalization queue (gc.c): objects a collection found unreachable
  // that still owe a report (a never-awaited coroutine, an exception nobody
  // retrieved) or a finalization (an unfinished async generator, a plain
  // one suspended inside a try or with block). Host
  // memory; they stay alive until reported right after the collection, and
  // die at the next one.
  struct AwFinEntry *fin;
  size_t fin_len, fin_cap;
  bool fin_running;              // reports are being made (no nesting)
  AwObj **fin_watch;             // objects that may owe a report one day
  size_t fin_watch_len, fin_watch_cap;  // (aw_gc_watch): only these are checked
  // -- small-block pools (mem.c): blocks of up to AW_POOL_MAX bytes come
  // from per-size free lists carved out of chunks of the host allocator.
  void *pool_free[AW_POOL_CLASSES];  // free blocks of each size class
  char *pool_bump, *pool_end;        // the unused tail of the newest chunk
  void *pool_chunks;                 // every chunk (linked), freed with the VM
  size_t pool_bytes;                 // bytes in those chunks
  // -- finished coroutines of `await f(...)` nobody else saw (gen.c), kept
  // for reuse by the next such call; garbage that each collection forgets.
  struct AwGen *spare_coros[AW_SPARE_BUCKETS];  // lists by frame size
};

// The class of heap object [o].
static inline AwClass *aw_obj_class(AwVM *vm, const AwObj *o) { return vm->class_table[o->cls_id]; }

// ---- memory and GC (mem.c, gc.c) ------------------------------------------

// The single allocation choke point: allocates, resizes ([new_size] > 0) or
// frees ([new_size] == 0). Returns NULL (with MemoryError raised) on
// failure or when the memory cap would be exceeded.
void *aw_mem_realloc(AwVM *vm, void *ptr, size_t old_size, size_t new_size);
#define aw_mem_alloc(vm, n) aw_mem_realloc((vm), NULL, 0, (n))
#define aw_mem_free(vm, p, n) ((void)aw_mem_realloc((vm), (p), (n), 0))
// Allocates a GC object of [size] bytes with [kind] and [cls]; NULL on failure.
AwObj *aw_obj_alloc(AwVM *vm, size_t size, AwObjKind kind, AwClass *cls);
// A dead class gives its id back (gc.c); the table goes with the VM.
bool aw_class_unregister(AwVM *vm, AwClass *c);
void aw_class_table_free(AwVM *vm);
// Frees the small-block pools' chunks (VM teardown, after every object).
void aw_mem_free_pools(AwVM *vm);
// Collects garbage now (only call at a safepoint: nothing unrooted alive).
void aw_gc_collect(AwVM *vm);
// Pushes/pops a temporary root (see the GC convention above).
void aw_push_root(AwVM *vm, AwValue v);
void aw_pop_root(AwVM *vm);
// GC helpers for kinds defined outside gc.c.
void aw_gc_mark_value(AwVM *vm, AwValue v);
void aw_gc_mark_obj(AwVM *vm, AwObj *o);

// A growable byte buffer on the VM allocator (not a GC object), for building
// strings: repr, join, format. Always NUL-terminated while valid.
typedef struct {
  char *data;
  size_t len, cap;
  bool failed;       // an append failed: MemoryError is pending
} AwBuf;
void aw_buf_init(AwBuf *b);
bool aw_buf_append(AwVM *vm, AwBuf *b, const char *s, size_t n);
bool aw_buf_putc(AwVM *vm, AwBuf *b, char c);
bool aw_buf_printf(AwVM *vm, AwBuf *b, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool aw_buf_append_str(AwVM *vm, AwBuf *b, AwValue str);  // appends a str's UTF-8
void aw_buf_free(AwVM *vm, AwBuf *b);
// Turns the buffer into a str (validated as UTF-8 by construction) and frees it.
AwValue aw_buf_to_str(AwVM *vm, AwBuf *b);

// ---- finalizers and creation stacks (gc.c, gen.c, future.c) ---------------------
struct AwGen;
// (gc.c) VM teardown, before anything is freed: collects once (reporting
// what became garbage), then makes the reports every live object still
// owes ("never awaited", "exception was never retrieved"), as CPython does
// at interpreter exit. aw_loop_free calls it first.
void aw_gc_finalize_at_exit(AwVM *vm);
// (gc.c) Collects now, if some object could owe a report, and makes the
// reports of what became garbage: for asyncio.run's end, and for a host
// about to print an uncaught exception, so those reports come before the
// traceback as in CPython (the caller roots what it holds).
void aw_gc_collect_and_report(AwVM *vm);
// (gc.c) Registers [o] as an object that may owe a report when it dies (a
// new coroutine, a future given an exception): collections check only
// these, not the whole heap. Never fails (without memory the object is
// just not watched).
void aw_gc_watch(AwVM *vm, AwObj *o);
// (gc.c) [o] no longer owes a report (a coroutine just awaited or given to
// a task): dropped from the watch list if it is the latest entry, as it
// usually is (`create_task(f())`), so a million of them leave no list.
void aw_gc_unwatch(AwVM *vm, AwObj *o);
// (gen.c) Finalizers of coroutines: true if [g] is a coroutine that was
// never started nor awaited; report prints "coroutine 'f' was never
// awaited" (with the creation stack in asyncio debug mode) at its creation
// site, or as "sys:1" when [at_exit] and still reachable, and clears the
// condition. The report runs code: call it only from the finalization queue.
bool aw_gen_needs_finalizer(struct AwGen *g);
void aw_gen_report_unawaited(AwVM *vm, struct AwGen *g, bool at_exit);
// (asyncgen.c) PEP 525's finalization of an async generator that dies
// unfinished: needs is true while it owes one; finalize calls the
// finalizer hook it remembered (the event loop's schedules aclose()) or,
// without one, closes it the synchronous way (GeneratorExit thrown in);
// errors go to stderr as CPython's "Exception ignored in" reports. Runs
// code: only from the finalization queue, or where CPython's last
// reference goes (aw_gen_drop). Saves and restores vm->exc.
bool aw_asyncgen_needs_finalizer(struct AwGen *g);
void aw_asyncgen_finalize(AwVM *vm, struct AwGen *g);
// (gen.c) The same for any generator: a plain one that dies suspended
// inside a try or with block (else closing it shows nothing) is closed
// (GeneratorExit thrown in, once), errors reported as "Exception ignored
// in"; an async one goes to aw_asyncgen_finalize. Same rules.
void aw_gen_finalize(AwVM *vm, struct AwGen *g);
// (gen.c) Both finalizers' last step: calls [hook] (an async generator's
// finalizer hook) with [g], or g.close() when [hook] is NULL, with vm->exc
// saved and restored; an error is written as unraisable, never raised.
void aw_gen_run_finalizer(AwVM *vm, struct AwGen *g, AwObj *hook);
// (gen.c) CPython's default sys.unraisablehook: "Exception ignored in:
// <repr of obj>" and [exc]'s traceback, on stderr.
void aw_gen_write_unraisable(AwVM *vm, AwValue exc, AwValue obj);
// (gen.c) The current call stack, innermost first, at most [limit] frames,
// as a flat tuple (proto, line, proto, line, ...) (cr_origin and task
// creation sites keep this form); AW_EXC on MemoryError.
AwValue aw_gen_capture_stack(AwVM *vm, int limit);
// (gen.c) Appends such a stack outermost first, traceback style
// ("  File "x.aw", line 3, in main" and the source line), each line
// prefixed by [indent]. False on MemoryError.
bool aw_gen_format_stack(AwVM *vm, AwBuf *b, AwValue stack, const char *indent);
// (future.c) For the traceback printer (aw's extension, stderr only): if
// the traceback entry [entry] of [exc] is where a failed task's own frames
// begin, appends "  Task 'Task-2' created at (most recent call last):" and
// the creation stack (indented 4) to [b] (print it before the entry) and
// returns true. Meant for PyErr_Display-style output only, never for
// traceback.format_*(), whose text scripts can print.
bool aw_task_created_section(AwVM *vm, AwValue exc, AwValue entry, AwBuf *b);

// ---- errors (error.c) ------------------------------------------------------

// Raises a new [cls] instance with a printf-style message (also %R = repr of
// an AwValue argument, %S = str of an AwValue, %T = type name of an AwValue).
// Returns AW_EXC.
AwValue aw_raisef(AwVM *vm, AwClass *cls, const char *fmt, ...);
// Raises [exc] (an exception instance, or a class to instantiate with no args).
AwValue aw_raise(AwVM *vm, AwValue exc);
// Raises an instance of [cls] with exactly these args (e.g. KeyError(key)).
AwValue aw_raise_args(AwVM *vm, AwClass *cls, int argc, AwValue *argv);
// True if the pending exception is an instance of [cls] (or a subclass).
bool aw_exc_pending_is(AwVM *vm, AwClass *cls);
// Clears and returns the pending exception.
AwValue aw_exc_take(AwVM *vm);
// Creates (does not raise) an exception instance of [cls] with args.
AwValue aw_exc_new(AwVM *vm, AwClass *cls, int argc, AwValue *argv);
// Prints "Traceback (most recent call last): ..." for [exc] with its
// chained causes and contexts, CPython-style, to stderr.
void aw_print_exception(AwVM *vm, AwValue exc);
// Formats the same text into a str value (traceback.format_exc).
AwValue aw_format_exception(AwVM *vm, AwValue exc);
// traceback.format_tb's text for a traceback chain: every entry when [all],
// else the first [limit] (the last -[limit] when negative), as traceback.py.
AwValue aw_format_tb(AwVM *vm, AwValue chain, int64_t limit, bool all);
// The last line CPython prints for [exc]: "ValueError: msg" / "KeyError: 'k'".
AwValue aw_exception_summary(AwVM *vm, AwValue exc);
// Line [line] (1-based) of the str [source] without its indentation and
// line end, as tracebacks and warnings show it; false if there is none.
bool aw_source_line(AwValue source, int64_t line, const char **start, size_t *len);
// Records that [exc] passed through [proto] at source [line] while
// unwinding (called by the interpreter, innermost frame first; printing
// shows them outermost first). False on allocation failure.
bool aw_traceback_add(AwVM *vm, AwValue exc, AwProto *proto, int line);
// The same, also naming the instruction [instr] of [proto] that was running
// (its source span gives the carets under the line; -1: unknown), and the
// frame's [nfast] local slots [fast] (may be NULL): the entry keeps their
// objects alive, as CPython's traceback keeps the whole frame (a coroutine
// never awaited in a local warns only when the traceback goes).
bool aw_traceback_add_at(AwVM *vm, AwValue exc, AwProto *proto, int line, int instr, const AwValue *fast,
                         int nfast);
// A native that raises keeps [v] with the pending exception, as CPython's
// traceback keeps the frame of a function it writes in Python (asyncio.run
// refusing a coroutine): the calling frame's traceback entry holds it.
void aw_exc_keep(AwVM *vm, AwValue v);
#define AW_TB_ENTRY_LEN 7  // a traceback chain entry's items (vm/traceback.c)
// traceback_obj.c: traceback objects (e.__traceback__) over the entries of
// vm/traceback.c. aw_traceback_object: None or the object for [chain];
// aw_traceback_chain: the chain a script's value stands for (None, an
// entry, or a traceback object), UNDEF if it is none of these.
AwValue aw_traceback_object(AwVM *vm, AwValue chain);
AwValue aw_traceback_chain(AwVM *vm, AwValue v);
AwValue aw_traceback_entry_line(AwValue entry);
AwValue aw_traceback_entry_code(AwValue entry);
bool aw_traceback_init_class(AwVM *vm);
// Sets exc.__context__ = vm->handling when an exception is raised while
// another is being handled (CPython's implicit chaining; avoids cycles).
void aw_exc_set_context(AwVM *vm, AwValue exc);
// Creates the exception classes of vm/classes.h and registers their methods
// (BaseException: args, __str__, __repr__, with_traceback, add_note,
// __cause__ ...; ExceptionGroup: exceptions, message, subgroup, split,
// derive; StopIteration.value; SystemExit.code; OSError errno/strerror/
// filename; KeyError's str; SyntaxError fields). Called by state.c after
// the builtin types exist.
bool aw_error_init_classes(AwVM *vm);
// Writes "<file>:<line>: RuntimeWarning: <msg>" style warnings to stderr.
void aw_warn(AwVM *vm, AwClass *category, const char *msg, AwProto *proto, int line);
// -- added by error.c/traceback.c/exc_group.c --
// Attribute hooks for EXCEPTION-kind instances, for the attribute protocol
// to call before the normal lookup. getattr: the value of args,
// __cause__, __context__, __suppress_context__, __traceback__, __notes__
// (UNDEF when never set), an instance-dict field, or None for a class
// field never set (StopIteration.value, OSError.errno ...); UNDEF when
// [name] is not special. setattr: *handled = true when [name] was one of
// those (false return = exception raised), else leave it to the caller.
AwValue aw_exc_getattr(AwVM *vm, AwException *e, AwValue name);
bool aw_exc_setattr(AwVM *vm, AwException *e, AwValue name, AwValue value, bool *handled);
// issubclass for exception classes: also true for ExceptionGroup (and its
// subclasses) against Exception, which single inheritance cannot express.
bool aw_exc_is_subclass(AwVM *vm, AwClass *c, AwClass *base);
// `except match:` test: match is a class or a tuple of classes. 1/0, or -1
// with TypeError "catching classes that do not inherit from BaseException
// is not allowed". Handles ExceptionGroup as an Exception.
int aw_exc_matches(AwVM *vm, AwValue exc, AwValue match);
// `raise exc from cause`: cause may be None, an instance or a class (then
// instantiated); sets __cause__ and __suppress_context__. False on error.
bool aw_exc_set_cause(AwVM *vm, AwValue exc, AwValue cause);
// Allocates an instance of [cls] with [args] (a tuple, or UNDEF for ()),
// without running any constructor. NULL on allocation failure.
AwException *aw_exc_alloc(AwVM *vm, AwClass *cls, AwValue args);
// Exception groups (exc_group.c). aw_exc_group_init_classes registers
// BaseExceptionGroup's methods (called by aw_error_init_classes).
bool aw_exc_group_init_classes(AwVM *vm);
// True if [v] is a BaseExceptionGroup instance.
bool aw_exc_is_group(AwVM *vm, AwValue v);
// The .exceptions tuple of group [eg] (NULL if [eg] is not a group).
AwTuple *aw_exc_group_items(AwVM *vm, AwValue eg);
// BaseExceptionGroup(message, excs) (an ExceptionGroup when all of excs are
// Exceptions); message is a C string, excs a list or tuple. For TaskGroup.
AwValue aw_exc_group_new(AwVM *vm, const char *message, AwValue excs);
// except* support (also declared in interp.h): CHECK_EG_MATCH's split of
// [eg] by [matcher] (match returned, rest in *rest; None for no part) and
// PREP_RERAISE_STAR's recombination of what the except* clauses raised.
AwValue aw_exc_group_split(AwVM *vm, AwValue eg, AwValue matcher, AwValue *rest);
AwValue aw_exc_prep_reraise_star(AwVM *vm, AwValue orig, AwValue excs_list);

// ---- type and attribute protocol (object.c, class.c) ------------------------

// The class of any value (int, NoneType, user class ...).
AwClass *aw_type_of(AwVM *vm, AwValue v);
// "int", "MyClass": the __name__ of v's type as a C string.
const char *aw_type_name(AwVM *vm, AwValue v);
// True if class [c] is [base] or derives from it.
bool aw_is_subclass(AwClass *c, AwClass *base);
// isinstance(v, cls) for a single class.
bool aw_isinstance(AwVM *vm, AwValue v, AwClass *cls);
// Looks [name] up along [cls]'s base chain without binding; UNDEF if absent.
AwValue aw_class_lookup(AwVM *vm, AwClass *cls, AwValue name);
// Creates a class object (used by BUILD_CLASS and for built-in types).
AwClass *aw_class_new(AwVM *vm, AwValue name, AwClass *base, AwDict *dict);
// Adds a native method [fn] named [name] to builtin class [cls]; flags AW_NATIVE_*.
bool aw_class_add_native(AwVM *vm, AwClass *cls, const char *name, AwNativeFn fn, uint16_t flags);
// getattr(obj, name): full protocol (instance dict, class, descriptors,
// __getattr__). Raises AttributeError.
AwValue aw_getattr(AwVM *vm, AwValue obj, AwValue name);
// Like aw_getattr but returns UNDEF without raising when the attribute is
// missing (other errors still raise).
AwValue aw_getattr_opt(AwVM *vm, AwValue obj, AwValue name);
AwValue aw_getattr_cstr(AwVM *vm, AwValue obj, const char *name);
bool aw_setattr(AwVM *vm, AwValue obj, AwValue name, AwValue value);
bool aw_delattr(AwVM *vm, AwValue obj, AwValue name);
// Finds dunder [name] on v's class (never the instance); UNDEF if absent.
AwValue aw_lookup_special(AwVM *vm, AwValue v, AwValue name);
// The descriptor protocol: class attribute [d] accessed through [obj]
// (UNDEF when accessed on the class) of class [owner].
AwValue aw_descr_get(AwVM *vm, AwValue d, AwValue obj, AwValue owner);
// cls(*args, **kw): __new__ then __init__.
AwValue aw_call_class(AwVM *vm, AwClass *cls, int argc, AwValue *argv, AwTuple *kw);
// object.__init__ (compared against to skip default initialisation).
AwValue aw_object_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kw);
AwValue aw_super_getattr(AwVM *vm, AwWrapper *s, AwValue name);
// Registers object, type, property, staticmethod, classmethod, super methods.
bool aw_class_init_builtins(AwVM *vm);

// ---- calling (interp.c, call.c) ------------------------------------------

// Calls [callable] with argv[0..argc) positional and, if kwnames is not NULL,
// the keyword values after them. Runs script code to completion.
AwValue aw_call(AwVM *vm, AwValue callable, int argc, AwValue *argv, AwTuple *kwnames);
// Calls method [name] of [self] with [argc] extra positional arguments.
AwValue aw_call_method(AwVM *vm, AwValue self, AwValue name, int argc, AwValue *argv);
// Calls dunder [name] found on v's class (aw_lookup_special) with self=v.
// Returns UNDEF (no exception) if the class has no such method.
AwValue aw_call_special(AwVM *vm, AwValue v, AwValue name, int argc, AwValue *argv);
// True if v can be called.
bool aw_is_callable(AwVM *vm, AwValue v);

// Argument binding for natives: fills out[0..nparams) from positional args
// then keywords by [names] (NULL-terminated C strings, "" for
// positional-only). Missing ones are UNDEF; the first [required] must be
// present. Raises TypeError like CPython ("f() takes at most 2 arguments (3
// given)", "f() got an unexpected keyword argument 'x'", "f() missing
// required argument 'x' (pos 1)").
bool aw_parse_args(AwVM *vm, const char *fname, int argc, AwValue *argv, AwTuple *kwnames,
                   int required, const char *const *names, AwValue *out);
// Shortcut for natives that take no keywords: checks min <= argc <= max.
bool aw_check_argc(AwVM *vm, const char *fname, int argc, AwTuple *kwnames, int min, int max);

// ---- core protocols (ops.c) ------------------------------------------------

// repr(v) / str(v) as str objects; NULL on error.
AwStr *aw_repr(AwVM *vm, AwValue v);
AwStr *aw_to_str(AwVM *vm, AwValue v);
// Appends repr(v) / str(v) to [b]; false on error.
bool aw_buf_repr(AwVM *vm, AwBuf *b, AwValue v);
bool aw_buf_str(AwVM *vm, AwBuf *b, AwValue v);
// hash(v): false with TypeError "unhashable type: 'list'".
bool aw_hash(AwVM *vm, AwValue v, uint64_t *out);
// a == b: 1, 0, or -1 on error. Fast for identical/simple values.
int aw_eq(AwVM *vm, AwValue a, AwValue b);
// a <op> b as a value (may be any object for user dunders).
AwValue aw_compare(AwVM *vm, AwValue a, AwValue b, AwCmpOp op);
// a < b as 1/0/-1 (for sort, min, max).
int aw_less(AwVM *vm, AwValue a, AwValue b);
// bool(v): 1, 0, -1.
int aw_truthy(AwVM *vm, AwValue v);
// len(v) into *out; false on error.
bool aw_len(AwVM *vm, AwValue v, int64_t *out);
// a op b for AwBinOp op (optionally | AW_BINOP_INPLACE).
AwValue aw_binary_op(AwVM *vm, int op, AwValue a, AwValue b);
AwValue aw_unary_op(AwVM *vm, int op, AwValue v);   // AwUnaryOp except NOT
// item in container: 1/0/-1.
int aw_contains(AwVM *vm, AwValue container, AwValue item);
AwValue aw_getitem(AwVM *vm, AwValue obj, AwValue key);
bool aw_setitem(AwVM *vm, AwValue obj, AwValue key, AwValue value);
bool aw_delitem(AwVM *vm, AwValue obj, AwValue key);
// iter(v).
AwValue aw_get_iter(AwVM *vm, AwValue v);
// next(it): the item, UNDEF when exhausted (StopIteration swallowed), or EXC.
AwValue aw_iter_next(AwVM *vm, AwValue it);
// Collects any iterable into a new list.
AwList *aw_list_from_iterable(AwVM *vm, AwValue iterable);
// The integer value of v via int/bool/__index__: false with TypeError
// "'str' object cannot be interpreted as an integer".
bool aw_index(AwVM *vm, AwValue v, int64_t *out);
// format(v, spec) (format.c): int/float/str specs and __format__.
AwValue aw_format(AwVM *vm, AwValue v, AwValue spec);
// abs(v): int/float/bool or __abs__ (ops.c); TypeError "bad operand type
// for abs(): 'str'".
AwValue aw_abs(AwVM *vm, AwValue v);
// The default repr of an object: "<__main__.A object at 0x...>" (ops.c).
bool aw_ops_default_repr(AwVM *vm, AwBuf *b, AwValue v);
// Number kernels shared by ops.c and ops_arith.c (both numbers: int, bool
// or float). binary: UNDEF when the op is undefined for these operands
// (float << 1). cmp: -1/0/1, 2 when unordered (nan). unary: op is an
// AwUnaryOp or AW_OPS_UNARY_ABS; UNDEF when undefined (~1.5).
#define AW_OPS_UNARY_ABS 8
AwValue aw_ops_arith_binary(AwVM *vm, int op, AwValue a, AwValue b);
AwValue aw_ops_arith_unary(AwVM *vm, int op, AwValue v);
int aw_ops_arith_cmp(AwValue a, AwValue b);
bool aw_ops_arith_cmp_result(int c, AwCmpOp op);
// CPython-compatible hash of an int / a float (hash(1.0) == hash(1)).
int64_t aw_ops_hash_int(int64_t v);
int64_t aw_ops_hash_float(double v);

// ---- numbers (number.c) ------------------------------------------------------

// Formats a double as Python's repr does ("0.1", "1e+16", "inf", "nan").
size_t aw_float_repr(double x, char *buf, size_t cap);
// int(v, base) and float(v) conversions used by builtins.
AwValue aw_int_from_str(AwVM *vm, const char *s, size_t len, int base);
AwValue aw_float_from_str(AwVM *vm, const char *s, size_t len);

// ---- str (str.c) -----------------------------------------------------------

// A new str from [len] bytes of valid UTF-8 at [s] (not checked beyond
// counting code points; use aw_str_new_checked for untrusted bytes).
AwValue aw_str_new(AwVM *vm, const char *s, size_t len);
AwValue aw_str_from_cstr(AwVM *vm, const char *s);
// Validates UTF-8 first: UnicodeDecodeError on bad input.
AwValue aw_str_new_checked(AwVM *vm, const char *s, size_t len);
// The interned str equal to [s] (identifiers, attribute names).
AwValue aw_str_intern(AwVM *vm, const char *s, size_t len);
AwValue aw_str_intern_value(AwVM *vm, AwValue str);
// A str made with printf-style formatting (plus %R %S %T as aw_raisef).
AwValue aw_str_format(AwVM *vm, const char *fmt, ...);
AwValue aw_str_vformat(AwVM *vm, const char *fmt, va_list ap);
// Equal strs (bytewise).
bool aw_str_eq(AwStr *a, AwStr *b);
bool aw_str_eq_cstr(AwValue str, const char *s);
uint64_t aw_str_hash(AwStr *s);
// Concatenation; the str of one code point; slicing by code points.
AwValue aw_str_concat(AwVM *vm, AwValue a, AwValue b);
AwValue aw_str_from_codepoint(AwVM *vm, uint32_t cp);
AwValue aw_str_getitem(AwVM *vm, AwValue s, int64_t index);  // normalised index
// Byte offset of code point [index] in [s] (0 <= index <= nchars).
int64_t aw_str_byte_offset(AwStr *s, int64_t index);
// Decodes one UTF-8 code point at [p]; returns bytes consumed.
int aw_utf8_decode(const unsigned char *p, uint32_t *cp);
int aw_utf8_encode(uint32_t cp, char *out);
// repr() of a str with Python's quoting rules, appended to [b].
bool aw_str_repr_buf(AwVM *vm, AwBuf *b, AwStr *s);
// Registers the methods of str (str.c) and bytes (bytes.c) on their classes.
bool aw_str_init_class(AwVM *vm);
bool aw_bytes_init_class(AwVM *vm);

// ---- bytes (bytes.c) --------------------------------------------------------
AwValue aw_bytes_new(AwVM *vm, const void *data, size_t len);
bool aw_bytes_repr_buf(AwVM *vm, AwBuf *b, AwBytes *s);

// ---- text and number extras (str.c, strfmt.c, bytes.c, buf.c, number.c) -----
// GC hook: removes intern-table entries whose str is unmarked. gc.c calls it
// after marking and before the sweep (vm->strings itself is not traced).
void aw_str_sweep_interned(AwVM *vm);
// Appends [fmt] formatted like aw_str_format (plus %U: a str's text) to [b].
bool aw_buf_vformat(AwVM *vm, AwBuf *b, const char *fmt, va_list ap);
// The 64-bit hash of [n] bytes used for str and bytes; never 0.
uint64_t aw_hash_bytes(const void *data, size_t n);
uint64_t aw_bytes_hash(AwBytes *b);
// Validates [n] bytes of UTF-8: -1 if valid (code points in [*nchars]),
// else the offset of the first bad sequence, its length in [*errlen] and
// CPython's reason ("invalid start byte").
int64_t aw_utf8_check(const unsigned char *s, size_t n, int64_t *nchars, int *errlen,
                      const char **reason);
// Raises UnicodeDecodeError: "'utf-8' codec can't decode byte 0xff in
// position 0: invalid start byte" for bytes [start, end) of [data].
AwValue aw_raise_decode_error(AwVM *vm, const char *encoding, const char *data, size_t len,
                              int64_t start, int64_t end, const char *reason);
// str.encode(encoding, errors) -> bytes; bytes.decode -> str. [errors] is
// "strict", "replace" or "ignore"; NULL means "strict".
AwValue aw_str_encode(AwVM *vm, AwValue str, const char *encoding, const char *errors);
AwValue aw_bytes_decode(AwVM *vm, const uint8_t *data, size_t len, const char *encoding,
                        const char *errors);
// "utf-8", "ascii" or "latin-1" for an encoding name and its aliases; NULL if unknown.
const char *aw_codec_name(const char *encoding);
// The [count] code points of [s] from [start] by [step] (indices already
// normalised, e.g. by aw_slice_indices): s[start:stop:step].
AwValue aw_str_slice(AwVM *vm, AwValue s, int64_t start, int64_t step, int64_t count);
// iter(s) for a str: a str_iterator yielding one-character strs.
AwValue aw_str_iter(AwVM *vm, AwValue s);
// Three-way comparison of two strs by code point (memcmp of UTF-8).
int aw_str_cmp(AwStr *a, AwStr *b);
// "fmt % args" for a str [fmt] (strfmt.c); bytes % is bytes.__mod__.
AwValue aw_str_mod(AwVM *vm, AwValue fmt, AwValue args);
// int/float/bool constructors and methods (number.c).
bool aw_number_init_classes(AwVM *vm);
// (number_dunders.c) Adds int's and float's operator methods (__add__ ...).
bool aw_number_add_dunders(AwVM *vm);
// The decimal digits of |x| into [digits] (NUL-terminated): [ndigits]
// significant digits correctly rounded, or the shortest round-trip digits
// if [ndigits] <= 0. [*decpt] is the decimal point position (x = 0.DIGITS
// * 10**decpt). Returns the digit count. x must be finite.
int aw_float_digits(double x, int ndigits, char *digits, int *decpt);
// Parses float() syntax ("1e5", " -inf ", "1_0.5") into [*out]; false if invalid.
bool aw_float_parse(const char *s, size_t len, double *out);

// ---- tuple and list (tuple.c, list.c) ----------------------------------------
// A tuple of [n] items, all None until filled (fill items[] directly before
// the tuple escapes).
AwTuple *aw_tuple_new(AwVM *vm, int64_t n);
AwValue aw_tuple_pack(AwVM *vm, int n, ...);   // n AwValue args
AwList *aw_list_new(AwVM *vm, int64_t capacity);
bool aw_list_append(AwVM *vm, AwList *l, AwValue v);
bool aw_list_insert(AwVM *vm, AwList *l, int64_t index, AwValue v);
bool aw_list_extend(AwVM *vm, AwList *l, AwValue iterable);
// Sorts in place with optional key function (UNDEF = none) and reverse;
// stable (CPython's guarantees, including "list modified during sort").
bool aw_list_sort(AwVM *vm, AwList *l, AwValue key, bool reverse);
bool aw_list_init_class(AwVM *vm);
bool aw_tuple_init_class(AwVM *vm);

// (list.c) Lexicographic comparison of two lists or two tuples ([a] and [b]
// of the same kind), CPython's list_richcompare: NotImplemented otherwise.
AwValue aw_seq_richcompare(AwVM *vm, AwValue a, AwValue b, AwCmpOp op);

// ---- range and slice (range.c, slice.c) ---------------------------------------
// A slice object; each bound may be None.
AwValue aw_slice_new(AwVM *vm, AwValue start, AwValue stop, AwValue step);
// The indices [s] selects in a sequence of [len] items (CPython's
// PySlice_Unpack + PySlice_AdjustIndices, bounds through __index__);
// [slicelen] may be NULL. ValueError "slice step cannot be zero".
bool aw_slice_indices(AwVM *vm, AwSlice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                      int64_t *slicelen);
// The two halves of aw_slice_indices: unpack reads the bounds (None ->
// extremes; may run __index__), adjust clamps them to [len] and returns the
// slice length (runs no code).
bool aw_slice_unpack(AwVM *vm, AwSlice *s, int64_t *start, int64_t *stop, int64_t *step);
int64_t aw_slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step);
// A range object; ValueError "range() arg 3 must not be zero" if step is 0.
AwValue aw_range_new(AwVM *vm, int64_t start, int64_t stop, int64_t step);
// Appends "range(0, 5)" / "range(0, 10, 2)" to [b].
bool aw_range_repr_buf(AwVM *vm, AwBuf *b, AwRange *r);
bool aw_range_init_class(AwVM *vm);
bool aw_slice_init_class(AwVM *vm);

// ---- dict and set (dict.c, set.c) -------------------------------------------
AwDict *aw_dict_new(AwVM *vm);
// 1 found (value in *out), 0 absent, -1 error (from a user __eq__/__hash__).
int aw_dict_get(AwVM *vm, AwDict *d, AwValue key, AwValue *out);
// Fast path for str keys (identifiers): no error possible.
AwValue aw_dict_get_str(AwDict *d, AwValue key);   // UNDEF if absent
AwValue aw_dict_get_cstr(AwVM *vm, AwDict *d, const char *key);
bool aw_dict_set(AwVM *vm, AwDict *d, AwValue key, AwValue value);
bool aw_dict_set_cstr(AwVM *vm, AwDict *d, const char *key, AwValue value);
// 1 deleted (old value in *out if out), 0 absent, -1 error.
int aw_dict_del(AwVM *vm, AwDict *d, AwValue key, AwValue *out);
void aw_dict_clear(AwVM *vm, AwDict *d);
// Iterates live entries: start with *pos = 0; returns false at the end.
bool aw_dict_next(AwDict *d, int64_t *pos, AwValue *key, AwValue *value);
AwDict *aw_dict_copy(AwVM *vm, AwDict *d);
// Frees the table's buffers (called by the GC for dict and set objects).
void aw_dict_free_storage(AwVM *vm, AwDict *d);
AwSet *aw_set_new(AwVM *vm, bool frozen);
bool aw_set_add(AwVM *vm, AwSet *s, AwValue v);
int aw_set_contains(AwVM *vm, AwSet *s, AwValue v);
bool aw_dict_init_class(AwVM *vm);
bool aw_set_init_class(AwVM *vm);
// (dict.c) Initialises the empty table of a dict/set object allocated with
// aw_obj_alloc by another file (e.g. an instance of a dict subclass).
void aw_dict_init_table(AwDict *d);
// (dict.c) The str key of [d] whose UTF-8 is s[0..n) and whose hash is
// [hash] (as aw_str_hash computes it), or UNDEF: lets the intern table be
// searched without allocating a str. Never runs script code.
AwValue aw_dict_find_str(AwDict *d, const char *s, size_t n, uint64_t hash);
// (dict.c) The entry number of str [key] in dict [d] (d->entries[i]),
// or -1 if absent (as aw_dict_get_str: never runs script code). Entry
// numbers stay valid until the next insertion or deletion (d->version);
// the interpreter's inline caches hold them.
int64_t aw_dict_str_index(AwDict *d, AwValue key);
// (str.c, number.c) The __new__ natives of str, int and float (argv[0] is
// the class, as for any constructor): the interpreter calls them directly
// for str(x), int(x), float(x).
AwValue aw_str_construct(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames);
AwValue aw_int_construct(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames);
AwValue aw_float_construct(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames);
// (str.c) BUILD_STRING: the concatenation of [n] items, each a str or an
// int (written in decimal, as str() does; f-string parts leave ints for
// this). AW_EXC on allocation failure.
AwValue aw_str_build(AwVM *vm, const AwValue *items, int n);
// (dict.c) dst.update(src): copies every entry of [src] into [dst]
// (fastest when [dst] is empty: no rehashing, no comparisons).
bool aw_dict_copy_into(AwVM *vm, AwDict *dst, AwDict *src);
// (dict.c) Deletes the entries whose key object is unmarked (the GC's
// sweep of the weak intern table, before freeing objects).
void aw_dict_sweep_unmarked(AwVM *vm, AwDict *d);
// (dict.c) hash(key) and key equality exactly as dict lookups do them
// (scalars and strs inline; other values through aw_hash / aw_eq).
bool aw_dict_hash_key(AwVM *vm, AwValue key, uint64_t *out);
int aw_dict_key_eq(AwVM *vm, AwValue a, AwValue b);
// (set.c) The set table. A set's AwDict has CPython's set layout, not the
// dict's: entries[] ARE the hash slots (cap == used == table size), so walk
// entries[0..used) skipping UNDEF keys (aw_dict_next does) to trace or
// iterate; index is unused. The aw_dict_* functions dispatch here for sets.
// Lookup returns the slot, -1 absent, -2 error.
int64_t aw_set_table_lookup(AwVM *vm, AwDict *d, AwValue key, uint64_t hash);
bool aw_set_table_add(AwVM *vm, AwDict *d, AwValue key, uint64_t hash);
int aw_set_table_discard(AwVM *vm, AwDict *d, AwValue key, uint64_t hash);
bool aw_set_table_merge(AwVM *vm, AwDict *dst, AwDict *src);
// (set.c) A new set (or frozenset) of the items of [iterable].
AwSet *aw_set_from_iterable(AwVM *vm, AwValue iterable, bool frozen);
// (set.c) s |= other, s &= other, s -= other, s ^= other ([op] is '|', '&',
// '-' or '^') for any iterable [other].
bool aw_set_update_op(AwVM *vm, AwSet *s, AwValue other, char op);
// (set.c) a | b, a & b, a - b, a ^ b for two sets/frozensets ([op] as
// above), with CPython's algorithms so the result iterates in CPython's
// order; the result has a's type (set or frozenset).
AwValue aw_set_binary_op(AwVM *vm, char op, AwValue a, AwValue b);

// ---- functions, natives, modules (func.c, module.c) --------------------------
AwNative *aw_native_new(AwVM *vm, const char *name, AwNativeFn fn, uint16_t flags);
// A module object with an empty globals dict (with __name__ set).
AwModule *aw_module_new(AwVM *vm, const char *name);
// Adds a native function to a module's globals.
bool aw_module_add_fn(AwVM *vm, AwModule *m, const char *name, AwNativeFn fn);
bool aw_module_add_value(AwVM *vm, AwModule *m, const char *name, AwValue v);
// import name (dotted): built-in module table, then .aw files on sys.path.
AwValue aw_import(AwVM *vm, AwValue name);

// A built-in module: opener called on first import.
typedef AwModule *(*AwModuleOpenFn)(AwVM *vm);
typedef struct {
  const char *name;
  AwModuleOpenFn open;
} AwBuiltinModule;
// The table of built-in modules (stdlib/modules.c), ended by {NULL, NULL}.
extern const AwBuiltinModule aw_builtin_modules[];

// ---- iterators (iter.c) --------------------------------------------------------
// A new C iterator object of class [cls] with [next] and state a, b.
AwIter *aw_iter_new(AwVM *vm, AwClass *cls, AwIterNextFn next, AwValue a, AwValue b);

// Iterators over the built-in containers (iter.c); each is a fresh AwIter.
AwValue aw_iter_list(AwVM *vm, AwList *l);            // list_iterator
AwValue aw_iter_list_reversed(AwVM *vm, AwList *l);   // list_reverseiterator
AwValue aw_iter_tuple(AwVM *vm, AwTuple *t);          // tuple_iterator
AwValue aw_iter_range(AwVM *vm, AwRange *r);          // range_iterator
AwValue aw_iter_range_reversed(AwVM *vm, AwRange *r); // range_iterator, backwards
AwValue aw_iter_set(AwVM *vm, AwSet *s);              // set_iterator
// dict_keyiterator / dict_valueiterator / dict_itemiterator: [what] is
// 0 keys, 1 values, 2 items; [reversed] walks from the newest entry.
AwValue aw_iter_dict(AwVM *vm, AwDict *d, int what, bool reversed);
// The `iterator` class: items v[0], v[1], ... by __getitem__ until IndexError
// (iter() of an object with __getitem__ but no __iter__).
AwValue aw_iter_seq(AwVM *vm, AwValue v);
// iter(callable, sentinel).
AwValue aw_iter_callable(AwVM *vm, AwValue callable, AwValue sentinel);
// iter(v) for the kinds owned by the container files (list, tuple, range,
// dict, set/frozenset, dict views): the fast path of aw_get_iter. Returns
// UNDEF (nothing raised) for any other value. Note that dict views are
// AW_OBJ_ITER objects but not iterators: aw_get_iter must not return them
// as their own iterator (their `next` raises TypeError).
AwValue aw_iter_builtin(AwVM *vm, AwValue v);
// Registers enumerate, zip, map, filter, reversed, callable_iterator,
// iterator and every C iterator class's __iter__/__next__.
bool aw_iter_init_classes(AwVM *vm);

// ---- threads (thread.c) -----------------------------------------------------------
// Release the interpreter lock around a blocking native call (time.sleep,
// file I/O) so worker threads can run; no-ops while no thread exists.
void aw_gil_release(AwVM *vm);
void aw_gil_acquire(AwVM *vm);

// ---- output (state.c) -----------------------------------------------------------
// Writes to the script's stdout / stderr (through embedding redirection).
void aw_write_out(AwVM *vm, const char *s, size_t n);
void aw_write_err(AwVM *vm, const char *s, size_t n);
void aw_printf_err(AwVM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

// ---- frames and generators, asked for by the stdlib ------------------------------
// The globals dict of the running frame (builtins globals(); interp.c).
AwDict *aw_frame_globals(AwVM *vm);
// locals() of the running frame (a snapshot for functions); NULL on error.
AwDict *aw_frame_locals(AwVM *vm);
// "GEN_CREATED"/"GEN_RUNNING"/"GEN_SUSPENDED"/"GEN_CLOSED" (or the CORO_*
// names for a coroutine) for a generator-kind value; NULL if [gen] is not a
// generator, coroutine or async generator (gen.c; inspect module).
const char *aw_gen_state_name(AwVM *vm, AwValue gen);
// (asyncgen.c) Registers the async generator methods (__aiter__, __anext__,
// asend, athrow, aclose, ag_running/ag_frame/ag_code/ag_await) and the
// classes of their awaitables; call once at VM start, after gen.c's
// aw_gen_init_classes (state.c's register_class_methods).
bool aw_asyncgen_init_class(AwVM *vm);
// (asyncgen.c) anext(aiter, default): wraps [awaitable] (what __anext__
// returned) so that StopAsyncIteration becomes a return of [dflt].
AwValue aw_asyncgen_anext_default(AwVM *vm, AwValue awaitable, AwValue dflt);
// (asyncgen.c) For the awaitables asend()/__anext__()/athrow()/aclose()
// return, their generator; NULL for anything else. collections.abc.
// Coroutine counts them as coroutines, so a task can run one (the loop's
// finalizer hook makes a task of aclose()).
struct AwGen *aw_asyncgen_awaitable_gen(AwVM *vm, AwValue v);
// (asyncgen.c) [v] is about to be shown to a script by introspection
// (cr_await, f_locals, locals() ...): if it is an async generator owned by
// an `async for` loop, or one of those awaitables of one, the generator
// can be referenced from elsewhere now (no longer loop-owned).
void aw_asyncgen_escape(AwVM *vm, AwValue v);

// ---- files and standard streams (stdlib/io.c) -------------------------------------
// AwObj.flags bits of AwFile: the VM's own stdin/stdout/stderr objects have
// fp == NULL and write through aw_write_out/aw_write_err (embedding redirection).
#define AW_FILE_STDIN  0x01
#define AW_FILE_STDOUT 0x02
#define AW_FILE_STDERR 0x04
#define AW_FILE_CLOSED 0x08   // a std stream closed by the script
// Registers the methods of the file classes (call once at VM start).
bool aw_io_init_classes(AwVM *vm);
// open(path, mode): a new file object; raises OSError subclasses
// ("[Errno 2] No such file or directory: 'x'") or ValueError for a bad mode.
AwValue aw_file_open(AwVM *vm, AwValue path, AwValue mode);
// A new file object for the VM's stdin/stdout/stderr (which = 0, 1, 2);
// sys.c makes them once; AW_EXC on failure.
AwValue aw_io_std_stream(AwVM *vm, int which);
// Reads one line from [file] (any object with readline, or a file object):
// "" at EOF; NULL on error.
AwStr *aw_io_readline(AwVM *vm, AwValue file);
// Writes str/bytes [data] to [file]: a VM std stream goes through
// aw_write_out/err, another AwFile to its FILE*, any other object gets
// file.write(data) called. False on error.
bool aw_io_write(AwVM *vm, AwValue file, AwValue data);
// Raises the OSError subclass for [err] (an errno value) with errno,
// strerror and filename set, CPython's message format. Returns AW_EXC.
AwValue aw_io_raise_errno(AwVM *vm, int err, AwValue filename);
// The VM's current sys.stdin / sys.stdout / sys.stderr (which = 0, 1, 2)
// as the script sees it (it may be reassigned); imports sys first if needed.
// AW_EXC on error (stdlib/sys.c).
AwValue aw_sys_stream(AwVM *vm, int which);

// ---- built-in module openers (stdlib/*.c), listed in stdlib/modules.c ----------------
AwModule *aw_open_sys(AwVM *vm);
AwModule *aw_open_time(AwVM *vm);
AwModule *aw_open_math(AwVM *vm);
AwModule *aw_open_random(AwVM *vm);
AwModule *aw_open_json(AwVM *vm);
AwModule *aw_open_os(AwVM *vm);
AwModule *aw_open_os_path(AwVM *vm);
AwModule *aw_open_inspect(AwVM *vm);
AwModule *aw_open_gc(AwVM *vm);
AwModule *aw_open_traceback(AwVM *vm);
AwModule *aw_open_io(AwVM *vm);
AwModule *aw_open_string(AwVM *vm);
AwModule *aw_open_functools(AwVM *vm);
AwModule *aw_open_itertools(AwVM *vm);
AwModule *aw_open_collections(AwVM *vm);
AwModule *aw_open_operator(AwVM *vm);
AwModule *aw_open_copy(AwVM *vm);
AwModule *aw_open_typing(AwVM *vm);
AwModule *aw_open_heapq(AwVM *vm);   // heapq.c also holds bisect
AwModule *aw_open_bisect(AwVM *vm);
AwModule *aw_open_dis(AwVM *vm);
AwModule *aw_open_contextvars(AwVM *vm);

// ---- builtins (stdlib/builtins.c) ------------------------------------------------
// Fills vm->builtins with the built-in functions and classes.
bool aw_open_builtins(AwVM *vm);

// ---- embedding API (api.c, api_values.c, api_loop.c, api_limits.c) --------------
// vm->interrupt bits. SIGINT: Ctrl-C / aw_interrupt() (KeyboardInterrupt at
// the next safepoint). POLL: a step limit or interrupt callback is armed,
// so every safepoint calls aw_api_poll; it stays set while the host runs
// code in a limited VM. Test and clear SIGINT alone: `vm->interrupt & 1`.
#define AW_INTERRUPT_SIGINT 1
#define AW_INTERRUPT_POLL 2
// Sets up the API state from [cfg] (limits, sandbox, allow-list); state.c
// calls it at the end of aw_new_vm. False on allocation failure.
bool aw_api_init(AwVM *vm, const AwConfig *cfg);
// Releases the API state (refs, slots, error text); state.c calls it first
// in aw_free_vm, while every object still exists.
void aw_api_free(AwVM *vm);
// Marks the API's roots: the slot stack, the host's refs, pending errors,
// host modules and host object classes (gc.c's mark_roots calls it).
void aw_api_gc_mark(AwVM *vm);
// Safepoint hook for AW_INTERRUPT_POLL: counts a step, calls the host's
// interrupt callback now and then; false (RuntimeError raised) when the
// script must stop. Once stopped, every later safepoint fails too, so a
// script cannot catch its way out.
bool aw_api_poll(AwVM *vm);
// Capabilities of a sandboxed VM (AwConfig.sandbox/grant, AW_CAP_* in aw.h).
// True if [cap] is granted; otherwise raises PermissionError "[what] is not
// allowed in this sandbox" and returns false. Natives that touch files,
// the network, processes or threads call it first.
bool aw_api_allowed(AwVM *vm, unsigned cap, const char *what);

#endif

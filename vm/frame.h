// vm/frame.h -- AwFrame (one activation of a proto) and AwGen (generator,
// coroutine and async generator objects, which own their frame). The
// interpreter (interp.c) and gen.c are the only writers of these fields.
#ifndef AW_FRAME_H
#define AW_FRAME_H

#include "vm/vm.h"

// A runtime block: a pending exception handler (SETUP_FINALLY) or an
// active except/finally body (HANDLER, whose prev_handled value sits on the
// value stack at [level]).
typedef enum { AW_BLOCK_SETUP = 1, AW_BLOCK_HANDLER = 2 } AwBlockType;
typedef struct {
  int32_t type;     // AwBlockType
  int32_t handler;  // instruction index of the handler (SETUP)
  int32_t level;    // value-stack depth to restore (relative to stack base)
} AwBlock;

// Frame flags.
#define AW_FRAME_ENTRY     0x01  // returning from it returns from aw_interp_run
#define AW_FRAME_GEN       0x02  // lives inside an AwGen (heap slots)
#define AW_FRAME_SENDLINK  0x04  // resumed by a SEND in its caller: its
                                 // return value goes to that SEND
#define AW_FRAME_STARTED   0x08  // a generator frame that has run at least once
#define AW_FRAME_NEWSEG    0x10  // first frame of a stack segment
#define AW_FRAME_DISCARD   0x20  // __init__ frame: replace its result by the
                                 // instance in slot 0 (and check it is None)

struct AwFrame {
  AwFrame *caller;       // frame to return to; NULL when entry
  AwFrame *c_prev;       // entry frames: vm->frame when the C call that
                         // started this run began (the GC walks both links)
  AwProto *proto;
  AwFunction *func;      // running function (NULL for module code)
  AwDict *globals;
  AwDict *locals;        // LOAD_NAME/STORE_NAME namespace (module, class body)
  AwInstr *ip;           // next instruction (saved when not running)
  AwValue *slots;        // locals | cells | frees | value stack
  AwValue *stack;        // base of the value stack (slots + nlocals + ncells + nfree)
  AwValue *sp;           // saved top of the value stack
  AwBlock *blocks;       // proto->max_blocks records
  int nblocks;
  uint32_t flags;        // AW_FRAME_*
  struct AwGen *gen;     // owning generator, or NULL
  AwFrame *root;         // for SENDLINK frames: the generator frame resumed
                         // from C at the top of the chain
  AwValue saved_handling;  // generator frames: vm->handling of the caller
                           // while this frame runs
};

typedef enum {
  AW_GEN_CREATED, AW_GEN_RUNNING, AW_GEN_SUSPENDED, AW_GEN_CLOSED
} AwGenState;

typedef enum { AW_GENKIND_GENERATOR, AW_GENKIND_COROUTINE, AW_GENKIND_ASYNCGEN } AwGenKind;

// Generator, coroutine and async generator objects. The frame and its slots
// are allocated with the object; a suspended generator is heap state only.
typedef struct AwGen {
  AwObj obj;
  AwGenKind gkind;
  AwGenState state;
  AwFrame *frame;        // its own frame (NULL once closed and freed)
  AwFrame *resume_at;    // innermost frame of a SEND-linked chain to resume
                         // (== frame when not delegating through frames)
  AwValue name, qualname;
  AwValue handling;      // the generator's own exc_info while suspended
  AwValue awaited_by;    // coroutines: cr_origin, the creation stack in
                         // asyncio debug mode (gen.c), else None; async
                         // generators: the finalizer hook they remembered
                         // on first use, or None (asyncgen.c)
  int32_t created_ip;    // for "never awaited" warnings: instruction index
                         // in created_proto (its line is looked up then)
  AwProto *created_proto;
  bool awaited;          // a coroutine that has been awaited / started
  bool frame_started;    // its body has run (closing before start differs)
  bool running_async;    // async generator: an asend/athrow is in flight
  bool async_yield;      // async generator: the last yield was its own
                         // `yield v` (not an await passing a future through)
  bool frame_inline;     // the frame lives in this object's own allocation
                         // (aw_make_generator), after the AwGen
  bool recyclable;       // made by `await f(...)` and never seen by anyone
                         // else: reusable once it returns (aw_gen_make_awaited)
  bool has_frameref : 1; // a frame object shows its frame: keep the locals
                         // when it finishes
  // Generator finalization (asyncgen.c, gen.c); bits, to keep the object
  // small. Async generators only:
  bool ag_closed : 1;    // CPython's ag_closed: aclose() began, or it ended
                         // with StopAsyncIteration/GeneratorExit
  bool ag_hooks_inited : 1;  // the asyncgen hooks were looked up (first use)
  bool ag_in_loop_set : 1;  // in the event loop's weak set (loop.c)
  // Plain and async generators:
  bool ag_fresh : 1;     // just made by a CALL instruction (interp.c)
  bool ag_owned : 1;     // only a (async) for loop's own stack slot refers
                         // to it: dropping that slot finalizes it
  bool ag_finalized : 1; // its finalizer ran (once, as PEP 442)
  bool ag_watched : 1;   // on the GC's finalization watch list
  int32_t frame_size;    // bytes of the frame allocation (for freeing)
  // (An async generator is never SEND-linked: it shares the slot.)
  union {
    int32_t link_depth;  // while SEND-linked: its place in the chain (the
                         // root's callee is 1), for the recursion limit
    int32_t ag_task;     // async generator: task_id of the task it was last
                         // left suspended by (0: none), counted in that
                         // task's agens_open (future.c)
  };
} AwGen;

// Results of resuming a generator.
typedef enum { AW_RESUME_YIELD, AW_RESUME_RETURN, AW_RESUME_ERROR } AwResumeStatus;

// Runs frames starting at [start] until the entry frame returns (RETURN,
// value in *out), a generator chain rooted at an entry frame yields (YIELD,
// value in *out), or an exception escapes the entry frame (ERROR, vm->exc).
AwResumeStatus aw_interp_run(AwVM *vm, AwFrame *start, AwValue *out);

// Creates the generator/coroutine object for calling [func] whose frame has
// been bound to arguments already; takes ownership of [frame].
AwGen *aw_gen_new(AwVM *vm, AwFunction *func, AwFrame *frame);
// Resumes [gen] by sending [value] (UNDEF/None for next()), or throwing
// [exc] when exc is not UNDEF.
AwResumeStatus aw_gen_resume(AwVM *vm, AwGen *gen, AwValue value, AwValue exc, AwValue *out);
// Bytes of a frame record plus its slots and blocks for [p].
size_t aw_frame_size(AwProto *p);
// Lays out a frame for [func] (or module/class code: func may be NULL with
// [proto] given) in [mem] of aw_frame_size bytes: slots UNDEF, cells made.
bool aw_frame_init(AwVM *vm, AwFrame *f, AwProto *proto, AwFunction *func, AwDict *globals);
// Binds call arguments into a freshly initialised frame, CPython-style,
// raising TypeError on a mismatch.
bool aw_frame_bind_args(AwVM *vm, AwFrame *f, int argc, AwValue *argv, AwTuple *kwnames);
// Pushes a synchronous frame for [proto] on the frame stack (NULL with
// RecursionError/MemoryError raised). aw_frame_pop releases it.
AwFrame *aw_frame_push(AwVM *vm, AwProto *proto, AwFunction *func, AwDict *globals);
void aw_frame_pop(AwVM *vm, AwFrame *f);
void aw_gen_trace(AwVM *vm, AwGen *gen);
void aw_gen_free(AwVM *vm, AwGen *gen);
// Bytes of the generator object's allocation (with an inline frame).
size_t aw_gen_size(AwGen *gen);
bool aw_gen_init_classes(AwVM *vm);
// Marks every value of a frame (slots up to sp, and its references).
void aw_frame_trace(AwVM *vm, AwFrame *f);
// Source line the frame is executing (or suspended at).
int aw_frame_line(AwFrame *f);

#endif

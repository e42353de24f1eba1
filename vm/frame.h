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
  int32_t level;    // value-stack top to restore, as an index into slots
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

// A frame record; its slots follow it (aw_frame_size): the value stack
// starts after the locals, cells and free variables (aw_frame_stack) and
// the block records after the value stack (aw_frame_blocks). A generator's
// frame follows its AwGen (aw_frame_gen): a million suspended coroutines
// hold one each, so nothing derivable is stored.
struct AwFrame {
  AwFrame *caller;       // frame to return to; NULL when entry
  union {
    AwFrame *c_prev;     // entry frames: vm->frame when the C call that
                         // started this run began (the GC walks both links)
    AwFrame *root;       // SENDLINK frames (never entry frames): the
                         // generator frame resumed from C at the top of
                         // the chain
  };
  AwProto *proto;
  AwFunction *func;      // running function (NULL for module code)
  AwDict *globals;
  AwDict *locals;        // LOAD_NAME/STORE_NAME namespace (module, class body)
  AwInstr *ip;           // next instruction (saved when not running)
  AwValue *sp;           // saved top of the value stack
  int nblocks;
  uint32_t flags;        // AW_FRAME_*
  AwObj *saved_handling; // generator frames: vm->handling of the caller
                         // while this frame runs (an exception, or NULL: None)
};

typedef enum {
  AW_GEN_CREATED, AW_GEN_RUNNING, AW_GEN_SUSPENDED, AW_GEN_CLOSED
} AwGenState;

typedef enum { AW_GENKIND_GENERATOR, AW_GENKIND_COROUTINE, AW_GENKIND_ASYNCGEN } AwGenKind;

// Generator, coroutine and async generator objects. The frame and its slots
// are allocated with the object; a suspended generator is heap state only.
// A million suspended tasks each hold one: object fields are pointers
// (NULL: None), flags are bits.
typedef struct AwGen {
  AwObj obj;
  uint8_t gkind;         // AwGenKind
  uint8_t state;         // AwGenState
  bool awaited : 1;      // a coroutine that has been awaited / started
  bool frame_started : 1;  // its body has run (closing before start differs)
  bool running_async : 1;  // async generator: an asend/athrow is in flight
  bool async_yield : 1;  // async generator: the last yield was its own
                         // `yield v` (not an await passing a future through)
  bool frame_inline : 1;   // the frame lives in this object's own allocation
                           // (aw_make_generator), after the AwGen (always)
  bool recyclable : 1;   // made by `await f(...)` and never seen by anyone
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
  // One word for three fields that are never needed at once (a coroutine
  // leaves CREATED before it is linked; aw_gen_resume zeroes it then).
  union {
    int32_t created_ip;  // while CREATED: for "never awaited" warnings and
                         // for-loop claims, the instruction index in
                         // created_proto (its line is looked up then)
    int32_t link_depth;  // while SEND-linked: its place in the chain (the
                         // root's callee is 1), for the recursion limit
    int32_t ag_task;     // async generator (never SEND-linked): task_id of
                         // the task it was last left suspended by (0: none),
                         // counted in that task's agens_open (future.c)
  };
  AwFrame *resume_at;    // innermost frame of a SEND-linked chain to resume
                         // (== its frame when not delegating through frames)
  union {
    AwProto *created_proto;  // while CREATED: where it was made
    AwObj *handling;     // once started: the generator's own exc_info while
                         // suspended (an exception, or NULL: None)
  };
  // What few generators have, or NULL: AW_GX_* values (UNDEF: unset).
  AwTuple *extra;
} AwGen;

// A generator's extra values (aw_gen_extra).
enum {
  AW_GX_NAME,        // __name__ and __qualname__ when they are not its
  AW_GX_QUALNAME,    // code's (renamed function, or set)
  AW_GX_AWAITED_BY,  // coroutines: cr_origin, the creation stack in asyncio
                     // debug mode (gen.c); async generators: the finalizer
                     // hook they remembered on first use (asyncgen.c)
  AW_GX_COUNT
};
static inline AwObj *aw_gen_extra(const AwGen *g, int i) {
  return g->extra && AW_IS_OBJ(g->extra->items[i]) ? AW_AS_OBJ(g->extra->items[i]) : NULL;
}
// Sets an extra value (false: MemoryError raised).
bool aw_gen_set_extra(AwVM *vm, AwGen *g, int i, AwValue v);

// The generator object's part of a generator-and-frame allocation: its
// frame follows it.
#define AW_GEN_HEAD ((sizeof(AwGen) + 7) / 8 * 8)
static inline AwFrame *aw_gen_frame(const AwGen *g) { return (AwFrame *)(void *)((char *)g + AW_GEN_HEAD); }
// __name__ / __qualname__ of [g].
AwValue aw_gen_name(AwGen *g);
AwValue aw_gen_qualname(AwGen *g);

// A coroutine whose body is C (vm/ncoro.c): what calling a function with
// a native body (AW_CODE_NATIVE_BODY) returns instead of an AwGen. It has
// the coroutine class and behaves as the script body would, without a
// frame: a million tasks parked in Event.wait cost 48 bytes each for it.
// In asyncio debug mode (cr_origin) the script body runs instead.
typedef enum { AW_NCORO_NONE, AW_NCORO_EVENT_WAIT, AW_NCORO__COUNT } AwNCoroBody;
typedef struct AwNCoro {
  AwObj obj;
  uint8_t state;         // AwGenState
  uint8_t body;          // AwNCoroBody
  uint8_t pc;            // where the body is suspended (0: not started)
  bool awaited;          // started or awaited: no "never awaited" warning
  int32_t created_ip;    // with [created]: where it was made
  AwFunction *func;      // the function called (name, qualname, code)
  AwObj *a;              // the body's state (Event.wait: self)
  union {
    AwProto *created;    // not started (pc 0): the code it was made in, for
                         // the "never awaited" warning (NULL: none)
    AwObj *b;            // started: the body's state (Event.wait: fut)
  };
} AwNCoro;

// Bytes of the frame record before its slots (locals | cells | frees |
// value stack), on the frame stack and in a generator alike.
#define AW_FRAME_HEAD ((sizeof(AwFrame) + 15) & ~(size_t)15)
_Static_assert(sizeof(AwFrame) % 16 == 0, "frame slots start right after the record, 16-aligned");
static inline AwValue *aw_frame_slots(AwFrame *f) { return (AwValue *)(void *)((char *)f + AW_FRAME_HEAD); }

// The generator owning a generator frame (AW_FRAME_GEN): it precedes it.
static inline AwGen *aw_frame_gen(AwFrame *f) {
  return (f->flags & AW_FRAME_GEN) ? (AwGen *)(void *)((char *)f - AW_GEN_HEAD) : NULL;
}
// Base of the value stack, and the block records, of [f].
static inline AwValue *aw_frame_stack(AwFrame *f) {
  return aw_frame_slots(f) + f->proto->nlocals + f->proto->ncells + f->proto->nfree;
}
static inline AwBlock *aw_frame_blocks(AwFrame *f) {
  // +1: room for a bound method's self inserted before the arguments.
  return (AwBlock *)(void *)(aw_frame_stack(f) + f->proto->max_stack);
}

// Results of resuming a generator.
typedef enum { AW_RESUME_YIELD, AW_RESUME_RETURN, AW_RESUME_ERROR } AwResumeStatus;

// Runs frames starting at [start] until the entry frame returns (RETURN,
// value in *out), a generator chain rooted at an entry frame yields (YIELD,
// value in *out), or an exception escapes the entry frame (ERROR, vm->exc).
AwResumeStatus aw_interp_run(AwVM *vm, AwFrame *start, AwValue *out);

// Creates the generator/coroutine object for calling [func] whose frame has
// been bound to arguments already; takes ownership of [frame].
// Resumes [gen] by sending [value] (UNDEF/None for next()), or throwing
// [exc] when exc is not UNDEF.
AwResumeStatus aw_gen_resume(AwVM *vm, AwGen *gen, AwValue value, AwValue exc, AwValue *out);
// Bytes of a frame record plus its slots and blocks for [p], on the frame
// stack and in a generator.
size_t aw_frame_size(AwProto *p);
size_t aw_gen_frame_size(AwProto *p);
// Lays out a frame for [func] (or module/class code: func may be NULL with
// [proto] given) in [mem] of aw_frame_size (or for a generator's frame,
// [gen], aw_gen_frame_size) bytes: slots UNDEF, cells made.
bool aw_frame_init(AwVM *vm, AwFrame *f, AwProto *proto, AwFunction *func, AwDict *globals, bool gen);
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

// ---- ncoro.c ----
// Calls [fn] (a native-bodied coroutine function): the new coroutine, or
// UNDEF when this call is not one the native body takes (odd arguments:
// the caller then makes an AwGen, whose binding raises the right error).
// [awaited]: made for `await f(...)` (aw_gen_make_awaited), never warned about.
AwValue aw_ncoro_new(AwVM *vm, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw, bool awaited);
// As aw_gen_resume.
AwResumeStatus aw_ncoro_resume(AwVM *vm, AwNCoro *c, AwValue value, AwValue exc, AwValue *out);
AwValue aw_ncoro_close(AwVM *vm, AwNCoro *c);
// What the script sees of it: state (as AwGenState), qualname, code, the
// line it is at, the future it waits on (cr_await) or None, its locals.
AwGenState aw_ncoro_state(AwNCoro *c);
AwValue aw_ncoro_qualname(AwNCoro *c);
int aw_ncoro_line(AwNCoro *c);
AwValue aw_ncoro_await(AwVM *vm, AwNCoro *c);
// Event.wait parked in place of its future (ncoro.c "parked waiters"):
// is [v] one; a task takes its yield; Event.set wakes it (1 woken, 0 done
// already, -1 error); Task.cancel cancels it (false: done already); what
// the task's wakeup throws in (UNDEF: none); the real future, made now.
struct AwFuture;
bool aw_ncoro_is_parked(AwValue v);
void aw_ncoro_park_task(AwNCoro *c, struct AwFuture *t);
int aw_ncoro_wake(AwVM *vm, AwNCoro *c);
bool aw_ncoro_cancel_parked(AwVM *vm, AwNCoro *c, AwValue msg);
AwValue aw_ncoro_parked_outcome(AwVM *vm, AwNCoro *c, struct AwFuture *t);
AwValue aw_ncoro_materialize(AwVM *vm, AwNCoro *c);
AwValue aw_ncoro_locals(AwVM *vm, AwNCoro *c);
// Makes the function [fn] (a coroutine function of asyncio.aw) run [body].
void aw_ncoro_register(AwFunction *fn, AwNCoroBody body);
void aw_ncoro_trace(AwVM *vm, AwNCoro *c);
bool aw_ncoro_needs_finalizer(AwNCoro *c);
void aw_ncoro_report_unawaited(AwVM *vm, AwNCoro *c, bool at_exit);
// gen.c: the "never awaited" warning of a coroutine named [qualname],
// created at [proto]:[line] (or with [origin], a cr_origin stack).
void aw_coro_warn_unawaited(AwVM *vm, AwValue qualname, AwValue origin, AwProto *proto, int line, bool at_exit);
// Marks every value of a frame (slots up to sp, and its references).
void aw_frame_trace(AwVM *vm, AwFrame *f);
// Source line the frame is executing (or suspended at).
int aw_frame_line(AwFrame *f);

#endif

// vm/interp.h -- what the dispatch loop needs from the rest of the VM and
// offers to it, beyond vm/vm.h and vm/frame.h: running frames from C,
// safepoints, and the runtime helpers that opcodes call.
#ifndef AW_INTERP_H
#define AW_INTERP_H

#include "lang/diag.h"
#include "vm/frame.h"

// Nested runs of the dispatch loop (natives calling back into scripts);
// past this a RecursionError is raised instead of overflowing the C stack.
#define AW_MAX_C_DEPTH 600

// aw_interp_run, but first raises [throw_exc] (if not UNDEF) in [start].
AwResumeStatus aw_interp_run_ex(AwVM *vm, AwFrame *start, AwValue throw_exc, AwValue *out);
// Runs a pushed synchronous frame to completion and pops it.
AwValue aw_run_frame(AwVM *vm, AwFrame *f);
// Collects garbage or raises KeyboardInterrupt if requested; false on error.
bool aw_interp_safepoint(AwVM *vm);

// class.c
// LOAD_METHOD: *meth/*self = unbound method and obj, or UNDEF and the attribute.
bool aw_load_method(AwVM *vm, AwValue obj, AwValue name, AwValue *meth, AwValue *self);
// A bound method of [func] (found on the class) for [self]; natives bind too.
AwValue aw_bind_method(AwVM *vm, AwValue func, AwValue self);
// BUILD_CLASS: runs [body] in a fresh namespace and makes the class.
AwValue aw_build_class(AwVM *vm, AwValue body, AwValue name, int nbases, AwValue *bases);
// True if iter(v) would succeed (for error messages).
bool aw_is_iterable(AwVM *vm, AwValue v);

// asyncgen.c: an `async for` statement's async generator, CPython's
// refcount timing. GET_AITER of the statement claims the generator that
// the CALL right before it (instruction [at] - 1 of [p]) just made: the
// loop's stack slot is then its only reference, so when the loop drops the
// slot (break, return, an exception: POP_AITER and the unwinding) the
// generator is finalized there, as CPython does when its refcount reaches
// zero. An async comprehension claims the same way: its frame's .0 and
// its stack hold the generator, and an exception unwinding that frame
// drops both. Anything that could hand out another reference (a foreign
// firstiter hook, cr_await, f_locals, locals()) cancels the claim
// (aw_gen_claim with AW_GENKIND_ASYNCGEN).
// The same for what __aiter__ returned ([it], for [obj]): a script
// __aiter__ whose `return self.gen()` made it (vm->agen_returned).
void aw_asyncgen_claim_aiter(AwVM *vm, AwValue it, AwValue obj);
// RETURN_VALUE of a frame run from C (instruction [at] of [p]) returning
// the generator [v]: vm->agen_returned is [v] if a CALL right before made
// it (else NULL).
void aw_asyncgen_note_return(AwVM *vm, AwValue v, AwProto *p, int32_t at);

// gen.c: the same for a `for` statement's (or a comprehension's) plain
// generator: GET_ITER with arg 1 or 2 claims the generator the CALL right
// before it (instruction [at] - 1 of [p]) made; POP_ITER (break, return)
// and the unwinding close it when they drop the slot. [kind] is the
// AwGenKind the loop takes: GENERATOR for GET_ITER, ASYNCGEN for GET_AITER.
void aw_gen_claim(AwVM *vm, AwValue v, int kind, AwProto *p, int32_t at);
// What a script __iter__ returned ([it], for [obj]) straight from such a
// CALL (vm->agen_returned): claimed as well.
void aw_gen_claim_iter(AwVM *vm, AwValue it, AwValue obj);
// Both: [it], what obj's script [special] method returned, is claimed if
// a CALL right before that return made it and it is of AwGenKind [kind].
void aw_gen_claim_returned(AwVM *vm, AwValue it, AwValue obj, int kind, AwValue special);
// [g] was made by the CALL right before instruction [at] of [p] and never
// used since (a plain or async generator).
bool aw_gen_fresh_at(struct AwGen *g, AwProto *p, int32_t at);
// The slot holding [v] is dropped: finalizes a claimed, unfinished plain
// or async generator now (runs code; saves and restores vm->exc). Call it
// only when aw_gen_is_owned(v).
void aw_gen_drop(AwVM *vm, AwValue v);
static inline bool aw_gen_is_owned(AwValue v) {
  return AW_IS_KIND(v, AW_OBJ_GENERATOR) && ((struct AwGen *)AW_AS_OBJ(v))->ag_owned;
}

// call.c
// f(*posargs, **kwargs) where posargs is any iterable and kwargs a mapping.
AwValue aw_call_ex(AwVM *vm, AwValue callable, AwValue posargs, AwValue kwargs);
// For a native called by f(*args): the argument list itself, when [argv]
// (of [argc] items) are its items. The native may keep it and change its
// items: no script can reach it. NULL otherwise (then argv is borrowed).
AwList *aw_call_ex_args(AwVM *vm, AwValue *argv, int argc);
// {**src} and f(**src): merges mapping [src] into [d]; with [for_call]
// repeated keys are an error naming [func].
bool aw_dict_merge_from(AwVM *vm, AwDict *d, AwValue src, bool for_call, AwValue func);

// func.c
bool aw_func_init_classes(AwVM *vm);
AwFunction *aw_function_new(AwVM *vm, AwProto *proto, AwDict *globals);
// ascii(): repr with non-ASCII escaped, for !a conversions.
AwValue aw_ascii_of_str(AwVM *vm, AwValue str);

// gen.c
AwValue aw_get_awaitable(AwVM *vm, AwValue v, int where);
AwValue aw_get_aiter(AwVM *vm, AwValue v);
AwValue aw_get_anext_awaitable(AwVM *vm, AwValue aiter);
void aw_gen_finished(AwVM *vm, struct AwGen *g, AwValue result);
void aw_gen_failed(AwVM *vm, struct AwGen *g);
void aw_gen_suspended(AwVM *vm, struct AwGen *g);
// Calling a generator/coroutine function: binds arguments into a heap
// frame and returns the new generator object.
AwValue aw_make_generator(AwVM *vm, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw);
// The coroutine for `await fn(...)`: awaited from birth, maybe a recycled
// one (aw_gen_recycle gives back a finished one nobody else has seen).
AwValue aw_gen_make_awaited(AwVM *vm, AwFunction *fn, int argc, AwValue *argv, AwTuple *kw);
void aw_gen_recycle(AwVM *vm, struct AwGen *g);
// gen.close().
AwValue aw_gen_close(AwVM *vm, struct AwGen *g);
void aw_frameref_trace(AwVM *vm, AwObj *o);
size_t aw_frameref_size(void);
// A frame ref of class [cls] showing [target] (a generator, or a traceback
// entry for traceback_obj.c), and what a frame ref shows.
AwValue aw_frameref_new(AwVM *vm, AwClass *cls, AwValue target);
AwValue aw_frameref_target(AwValue ref);
// gc.c
void aw_gc_free_all(AwVM *vm);
// code.c
void aw_proto_trace(AwVM *vm, AwProto *p);
void aw_proto_free_storage(AwVM *vm, AwProto *p);
// StopIteration(x).value.
AwValue aw_stop_iteration_value(AwVM *vm, AwValue exc);

// module.c
// Reads a whole file into VM memory (len + 1 bytes, NUL-terminated); NULL
// if it cannot be opened.
char *aw_read_file(AwVM *vm, const char *path, size_t *len_out);
AwValue aw_exec_module(AwVM *vm, AwModule *m, const char *source, size_t len, const char *filename);
AwValue aw_run_module_code(AwVM *vm, AwProto *p, AwDict *globals);
// api.c
AwValue aw_raise_syntax_error(AwVM *vm, const AwDiag *d, const char *filename, const char *source, size_t len);
AwValue aw_run_main_coroutine(AwVM *vm, AwFunction *fn);
bool aw_module_allowed(AwVM *vm, const char *name);
AwValue aw_import_top(AwVM *vm, AwValue dotted);
AwValue aw_import_from(AwVM *vm, AwValue module, AwValue name);
bool aw_import_star(AwVM *vm, AwValue module, AwDict *ns);

// error.c (exception groups, for except*)
AwValue aw_exc_group_split(AwVM *vm, AwValue eg, AwValue matcher, AwValue *rest);
AwValue aw_exc_prep_reraise_star(AwVM *vm, AwValue orig, AwValue excs_list);

#endif

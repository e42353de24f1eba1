// vm/opcodes.h -- the bytecode, defined once. Included with OP() defined
// (X-macro): OP(name, stack_effect). An instruction is one uint32_t: the
// opcode in the low 8 bits and one unsigned operand ("arg") in the high 24.
// Jump targets are absolute instruction indexes. AW_VAR as stack effect
// means the compiler computes the effect from arg itself.
//
// Stack pictures read bottom..top: [a, b] means b is TOS. "block" is the
// frame's runtime block stack used by exception handling (see interp.c):
// SETUP_FINALLY pushes a handler block; when an exception unwinds to it the
// VM pops the block, truncates the value stack to the level saved in the
// block, pushes an EXCEPT_HANDLER block, pushes the exception being handled
// before (vm->handling, or None) and then the new exception, sets
// vm->handling to the new exception and jumps to the handler:
// [..., prev_handled, exc]. POP_EXCEPT undoes that. An exception escaping
// an EXCEPT_HANDLER block restores vm->handling from its prev_handled.

#ifndef AW_VAR
#define AW_VAR 99
#endif

// ---- stack manipulation ----
OP(NOP, 0)
OP(POP_TOP, -1)            // [a] -> []
OP(ROT_TWO, 0)             // [a, b] -> [b, a]
OP(ROT_THREE, 0)           // [a, b, c] -> [c, a, b]
OP(ROT_FOUR, 0)            // [a, b, c, d] -> [d, a, b, c]
OP(DUP_TOP, 1)             // [a] -> [a, a]
OP(DUP_TOP_TWO, 2)         // [a, b] -> [a, b, a, b]

// ---- loads and stores ----
OP(LOAD_CONST, 1)          // push consts[arg]
OP(LOAD_FAST, 1)           // push local arg; UnboundLocalError if unbound
OP(STORE_FAST, -1)         // local arg = pop
OP(DELETE_FAST, 0)         // unbind local arg (UnboundLocalError if unbound)
OP(LOAD_DEREF, 1)          // push cell(arg).value; cells are numbered
                           // cellvars then freevars. NameError (free) or
                           // UnboundLocalError (cell) if empty
OP(STORE_DEREF, -1)        // cell(arg).value = pop
OP(DELETE_DEREF, 0)        // empty cell(arg)
OP(LOAD_CLOSURE, 1)        // push the cell object arg itself (for closures)
OP(LOAD_CLASSDEREF, 1)     // class body reading a free var: the frame's
                           // locals dict first (name = the freevar's name),
                           // then cell(arg)
OP(LOAD_GLOBAL, 1)         // push globals[names[arg]] or builtins[...];
                           // NameError "name 'x' is not defined"
OP(STORE_GLOBAL, -1)       // globals[names[arg]] = pop
OP(DELETE_GLOBAL, 0)
OP(LOAD_NAME, 1)           // module/class body: locals dict, globals, builtins
OP(STORE_NAME, -1)         // locals dict[names[arg]] = pop
OP(DELETE_NAME, 0)
OP(LOAD_ATTR, 0)           // [obj] -> [obj.names[arg]]
OP(STORE_ATTR, -2)         // [value, obj] -> [] ; obj.names[arg] = value
OP(DELETE_ATTR, -1)        // [obj] -> []
OP(LOAD_METHOD, 1)         // [obj] -> [meth, obj] when obj.names[arg] is a
                           // plain method found on the class (unbound), else
                           // [UNDEF, attr]; always followed (after args) by
                           // CALL_METHOD
OP(BINARY_SUBSCR, -1)      // [obj, key] -> [obj[key]]
OP(STORE_SUBSCR, -3)       // [value, obj, key] -> [] ; obj[key] = value
OP(DELETE_SUBSCR, -2)      // [obj, key] -> []
OP(BUILD_SLICE, AW_VAR)    // arg 2: [lo, hi] -> [slice]; 3: [lo, hi, step]

// ---- operators ----
OP(BINARY_OP, -1)          // [a, b] -> [a op b]; arg = AwBinOp, plus
                           // AW_BINOP_INPLACE (16) for augmented assignment
                           // (tries __iadd__ etc. first)
OP(UNARY_NEGATIVE, 0)
OP(UNARY_POSITIVE, 0)
OP(UNARY_INVERT, 0)
OP(UNARY_NOT, 0)
OP(COMPARE_OP, -1)         // [a, b] -> [a cmp b]; arg = AwCmpOp (<,<=,==,!=,>,>=)
OP(IS_OP, -1)              // [a, b] -> [a is b] (arg 1: is not)
OP(CONTAINS_OP, -1)        // [a, b] -> [a in b] (arg 1: not in)

// ---- control flow ----
OP(JUMP, 0)                // ip = arg (a backward jump is a GC safepoint)
OP(POP_JUMP_IF_FALSE, -1)  // pop; jump to arg if falsy
OP(POP_JUMP_IF_TRUE, -1)
OP(JUMP_IF_FALSE_OR_POP, AW_VAR)  // if TOS falsy jump (keep it) else pop
OP(JUMP_IF_TRUE_OR_POP, AW_VAR)
OP(GET_ITER, 0)            // [obj] -> [iter(obj)]; arg 1 (a for statement)
                           // or 2 (a comprehension): the loop may own the
                           // generator obj (aw_gen_claim)
OP(POP_ITER, -1)           // [iter] -> []: a for statement left early
                           // (break, return); closes the generator the
                           // loop owns (aw_gen_drop)
OP(FOR_ITER, AW_VAR)       // [it] -> [it, next(it)]; when exhausted pop
                           // it and jump to arg (+1 / -1)

// ---- building ----
OP(BUILD_TUPLE, AW_VAR)    // pop arg items -> push tuple
OP(BUILD_LIST, AW_VAR)
OP(BUILD_SET, AW_VAR)
OP(BUILD_MAP, AW_VAR)      // pop 2*arg items (k0, v0, k1, v1 ...) -> dict
OP(BUILD_STRING, AW_VAR)   // pop arg strs (or ints, see FORMAT_VALUE) ->
                           // their concatenation (f-strings)
OP(LIST_APPEND, -1)        // [list (at depth arg, counting TOS as 1 after
                           // the pop), ..., v] -> list.append(v)
OP(SET_ADD, -1)            // same shape as LIST_APPEND
OP(MAP_ADD, -2)            // [dict (at depth arg after the pops), ..., k, v]
OP(LIST_EXTEND, -1)        // [list at depth arg after pop, ..., iterable]
OP(SET_UPDATE, -1)
OP(DICT_UPDATE, -1)        // {**x} in displays: TypeError if not a mapping
OP(DICT_MERGE, -1)         // f(**x): also TypeError on a repeated keyword
                           // "f() got multiple values for keyword argument 'k'"
                           // (the function is at depth arg + 2)
OP(LIST_TO_TUPLE, 0)       // [list] -> [tuple]
OP(UNPACK_SEQUENCE, AW_VAR) // [seq] -> [x_{n-1}, ..., x_0] (x_0 on top), n = arg
OP(UNPACK_EX, AW_VAR)      // arg = before | (after << 8); the starred part
                           // becomes a list: pushes after + 1 + before items,
                           // first item on top
OP(FORMAT_VALUE, AW_VAR)   // arg & 3: conversion 0 none, 1 str, 2 repr,
                           // 3 ascii; arg & 4: a format spec str is on TOS.
                           // [value, (spec)] -> [formatted str]; arg & 8:
                           // the result only feeds a BUILD_STRING, which
                           // formats an int itself (so arg 8 leaves ints)

// ---- calls and functions ----
OP(KW_NAMES, 0)            // the next CALL/CALL_METHOD has keyword args
                           // named by consts[arg] (a tuple of str)
OP(CALL, AW_VAR)           // [f, a0..a(n-1)] -> [result], n = arg: the last
                           // len(kwnames) of the n are keyword values
OP(CALL_METHOD, AW_VAR)    // [m, self, a0..] or [UNDEF, f, a0..] (from
                           // LOAD_METHOD) -> [result]; n = arg as CALL
OP(CALL_FUNCTION_EX, AW_VAR)  // arg & 1: [f, argstuple, kwargsdict] else
                              // [f, argstuple] -> [result]
OP(MAKE_FUNCTION, AW_VAR)  // [defaults tuple if arg&1, kwdefaults dict if
                           // arg&2, closure tuple if arg&8, proto] -> [function]
                           // qualname comes from the proto
OP(RETURN_VALUE, -1)       // return pop to the caller
OP(BUILD_CLASS, AW_VAR)    // [body function, name str, base0..base(n-1)]
                           // -> [class], n = arg. Runs the body with a fresh
                           // locals dict, then makes the class; if the body
                           // stored __classcell__ the cell gets the class.
                           // Keyword arguments (metaclass=...) are not
                           // supported: the compiler raises SyntaxError.
OP(LOAD_BUILD_CLASS, 1)    // unused placeholder kept for dis parity
OP(IMPORT_NAME, 1)         // [] -> [module]; names[arg] is the dotted name;
                           // pushes the top-level package ("import a.b" binds a)
OP(IMPORT_MODULE, 1)       // push the module names[arg] itself (the leaf of a
                           // dotted name: "import a.b as c", "from a.b import")
OP(IMPORT_FROM, 1)         // [module] -> [module, module.names[arg]];
                           // ImportError "cannot import name 'x' from 'm'"
OP(IMPORT_STAR, -1)        // [module] -> [] ; copies public names into locals

// ---- exceptions ----
OP(SETUP_FINALLY, 0)       // push a handler block whose handler is at arg
OP(POP_BLOCK, 0)           // pop the top block (normal exit of a try body)
OP(POP_EXCEPT, -1)         // [prev_handled] -> [] ; pops the EXCEPT_HANDLER
                           // block and sets vm->handling = prev_handled
OP(RAISE_VARARGS, AW_VAR)  // arg 0: re-raise vm->handling ("raise");
                           // 1: [exc] ; 2: [exc, cause]
OP(RERAISE, -1)            // [exc] -> raise exc again without adding this
                           // frame's line to its traceback
OP(CHECK_EXC_MATCH, 0)     // [exc, type] -> [exc, bool]; TypeError if type
                           // is not an exception class or tuple of them
OP(CHECK_EG_MATCH, 0)      // except*: [eg, type] -> [rest, match] where
                           // match is the split-off group or None
OP(PREP_RERAISE_STAR, -1)  // except*: [orig, list of raised/unhandled] -> [exc or None]
OP(LOAD_ASSERTION_ERROR, 1)// push AssertionError class
OP(BEFORE_WITH, 1)         // [cm] -> [exit bound method, cm.__enter__()];
                           // AttributeError/TypeError if not a context manager
                           // The compiler follows it with SETUP_FINALLY.
OP(WITH_EXCEPT, 1)         // [exit, prev_handled, exc] ->
                           // [exit, prev_handled, exc, exit(type, exc, tb)]
OP(WITH_EXIT, -1)          // [exit] -> [] after calling exit(None, None, None)

// ---- generators and coroutines ----
OP(GEN_START, 0)           // first instruction of a generator/coroutine body;
                           // arg: 0 generator, 1 coroutine, 2 async generator.
                           // The first resume pushes nothing (the initial
                           // send value must be None), so this is a marker.
OP(YIELD_VALUE, 0)         // [v] -> suspend, yielding v; on resume [sent].
                           // arg 1: this yield is inside a SEND delegation
                           // loop (throw/close go to the receiver first)
OP(GET_YIELD_FROM_ITER, 0) // [obj] -> [iter]: a generator/coroutine is kept
                           // (a coroutine only inside a coroutine), else iter()
OP(GET_AWAITABLE, 0)       // [obj] -> [awaitable iterator]; arg 0 plain await,
                           // 1 after __aenter__, 2 after __aexit__ (for the
                           // error message); TypeError "object int can't be
                           // used in 'await' expression"; RuntimeError
                           // "cannot reuse already awaited coroutine"
OP(SEND, AW_VAR)           // [recv, v]: send v into recv (v None => next()).
                           // yielded y -> [recv, y] and continue (the next
                           // instruction is YIELD_VALUE 1); returned r ->
                           // [r] and jump to arg
OP(GET_AITER, 0)           // [obj] -> [obj.__aiter__()]; arg 1 (an async
                           // for statement) or 2 (an async comprehension):
                           // the loop may own the async generator obj
                           // (aw_gen_claim)
OP(POP_AITER, -1)          // [aiter] -> []: an async for statement left
                           // early (break, return); finalizes the async
                           // generator the loop owns (aw_gen_drop)
OP(GET_ANEXT, 1)           // [aiter] -> [aiter, awaitable of __anext__()]
OP(END_ASYNC_FOR, -3)      // handler of async for: [aiter, prev, exc] ->
                           // if exc is StopAsyncIteration: pop all three,
                           // restore vm->handling; else re-raise exc
OP(BEFORE_ASYNC_WITH, 1)   // [cm] -> [aexit bound, awaitable of aenter()]
OP(ASYNC_WITH_EXCEPT, 1)   // [aexit, prev, exc] -> [aexit, prev, exc,
                           // awaitable of aexit(type, exc, tb)]
OP(ASYNC_WITH_EXIT, 0)     // [aexit] -> [awaitable of aexit(None, None, None)]
OP(RETURN_GENERATOR, 0)    // reserved

// ---- misc ----
OP(PRINT_EXPR, -1)         // REPL: print repr(pop) unless None, set builtins._
OP(SETUP_ANNOTATIONS, 0)   // reserved
OP(EXTENDED_ARG, 0)        // reserved (24-bit args make it unnecessary)

// ---- superinstructions ----
// lang/compiler.c rewrites the FIRST instruction of a common sequence to
// one of these after assembly (never across a jump target or a resume
// point); the rest of the sequence stays in the code unchanged, so jumps,
// line numbers and dis keep their meaning, and the fused handler reads its
// other operands from those instructions' args. The arg is the first
// instruction's. Each runs the whole sequence and skips past it (int and
// float operands without calls; anything else through the generic
// operation, with the instruction pointer where the unfused sequence
// would raise), or, for an unbound local, does just what the first
// instruction does. Stack effects are those of the whole sequence.
OP(LOAD_FAST_LOAD_FAST, 2)   // LOAD_FAST a; LOAD_FAST b
OP(FAST_CONST_OP, 1)         // LOAD_FAST a; LOAD_CONST c; BINARY_OP
OP(FAST_FAST_OP, 1)          // LOAD_FAST a; LOAD_FAST b; BINARY_OP
OP(FAST_CONST_OP_STORE, 0)   // LOAD_FAST a; LOAD_CONST c; BINARY_OP; STORE_FAST d
OP(FAST_FAST_OP_STORE, 0)    // LOAD_FAST a; LOAD_FAST b; BINARY_OP; STORE_FAST d
OP(FAST_CONST_CMP_JUMP, 0)   // LOAD_FAST a; LOAD_CONST c; COMPARE_OP;
                             // POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE
OP(FAST_FAST_CMP_JUMP, 0)    // LOAD_FAST a; LOAD_FAST b; COMPARE_OP; POP_JUMP_IF_*
OP(CONST_OP, 0)              // LOAD_CONST c; BINARY_OP: [x] -> [x op c]
OP(CONST_OP_STORE, -1)       // LOAD_CONST c; BINARY_OP; STORE_FAST d
OP(CONST_CMP_JUMP, -1)       // LOAD_CONST c; COMPARE_OP; POP_JUMP_IF_*
OP(COMPARE_OP_JUMP, -2)      // COMPARE_OP; POP_JUMP_IF_*
OP(BINARY_OP_STORE, -2)      // BINARY_OP; STORE_FAST d
OP(STORE_FAST_LOAD_FAST, 0)  // STORE_FAST a; LOAD_FAST b

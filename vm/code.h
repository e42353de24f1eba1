// vm/code.h -- AwProto, the compiled code object: instructions, constants,
// names, line table and the layout of a frame's slots. The compiler fills
// it in; the interpreter and the disassembler read it.
#ifndef AW_CODE_H
#define AW_CODE_H

#include "vm/object.h"

typedef enum {
#define OP(name, effect) OP_##name,
#include "vm/opcodes.h"
#undef OP
  OP__COUNT
} AwOpcode;
_Static_assert(OP__COUNT <= 256, "opcodes must fit in 8 bits");

typedef uint32_t AwInstr;
#define AW_OP(i) ((AwOpcode)((i) & 0xff))
#define AW_ARG(i) ((uint32_t)(i) >> 8)
#define AW_MAKE_INSTR(op, arg) ((AwInstr)(op) | ((AwInstr)(arg) << 8))
#define AW_MAX_ARG 0xffffff

// BINARY_OP's arg: an AwBinOp (lang/ast.h order) plus this for `x op= y`.
#define AW_BINOP_INPLACE 16

// The source span of the expression or statement an instruction belongs
// to (CPython's co_positions), for the carets under a traceback line:
// 0-based byte columns, end just past the span; col == AW_POS_NONE when
// unknown. [anchors] tells what [anchor_a, anchor_b] are: for a binary
// operation the end of the left operand and the start of the right one,
// for a subscript the end of the value and of the index (columns too).
typedef enum { AW_ANCHORS_NONE, AW_ANCHORS_BINOP, AW_ANCHORS_SUBSCRIPT } AwAnchorKind;
typedef struct {
  int32_t line, end_line;
  uint16_t col, end_col;
  uint16_t anchor_a, anchor_b;
  uint8_t anchors;  // AwAnchorKind
} AwSrcPos;
#define AW_POS_NONE 0xFFFF

// Proto flags.
#define AW_CODE_GENERATOR     0x0001  // def with yield
#define AW_CODE_COROUTINE     0x0002  // async def without yield
#define AW_CODE_ASYNC_GEN     0x0004  // async def with yield
#define AW_CODE_VARARGS       0x0008  // has *args
#define AW_CODE_VARKEYWORDS   0x0010  // has **kwargs
#define AW_CODE_MODULE        0x0020  // module body: uses LOAD_NAME on globals
#define AW_CODE_CLASS_BODY    0x0040  // class body: LOAD_NAME on a locals dict
#define AW_CODE_COMPREHENSION 0x0080  // an inlined-scope comprehension function
#define AW_CODE_LAMBDA        0x0100
// A coroutine function whose body the VM runs in C (vm/ncoro.c): the top
// byte of flags is its AwNCoroBody (0: none). The code object still gives
// the name, the lines and the locals that scripts and tracebacks see.
#define AW_CODE_NATIVE_SHIFT  24
#define AW_CODE_NATIVE_BODY(p) ((int)((p)->flags >> AW_CODE_NATIVE_SHIFT))

// The slots of a frame running this proto are laid out as:
//   [0, nlocals)                    fast locals (parameters first, in
//                                   varnames order)
//   [nlocals, nlocals + ncells)     cells for cellvars (created at entry)
//   [.. + nfree)                    cells for freevars (from the closure)
//   then max_stack value slots, then max_blocks block records.
struct AwProto {
  AwObj obj;
  AwInstr *code;
  int32_t *lines;        // source line of each instruction (parallel to code)
  AwSrcPos *pos;         // source span of each instruction (parallel to code)
  int32_t ncode, cap_code;
  AwValue *consts;       // int, float, str, bytes, None, bool, Ellipsis,
  int32_t nconsts, cap_consts;  // tuples of str (KW_NAMES), nested protos
  AwValue *names;        // str: attribute, global and imported names
  int32_t nnames, cap_names;
  AwValue *varnames;     // str: locals (parameters first)
  AwValue *cellvars;     // str: locals captured by inner functions
  AwValue *freevars;     // str: variables captured from enclosing scopes
  int32_t *cell2arg;     // per cellvar: index of the parameter it starts
                         // from, or -1 (NULL when no cellvar is an argument)
  int32_t nlocals, ncells, nfree;
  int32_t argcount;          // positional parameters incl. positional-only
  int32_t posonlyargcount;
  int32_t kwonlyargcount;
  int32_t max_stack;         // deepest value stack
  int32_t max_blocks;        // deepest runtime block stack
  int32_t firstline;
  uint32_t flags;            // AW_CODE_*
  AwValue name;              // str: "f", "<module>", "<lambda>", "<listcomp>"
  AwValue qualname;          // str: "C.f", "f.<locals>.g"
  AwValue filename;          // str: as given to the compiler
  AwValue source;            // str: whole source text (for tracebacks and
                             // the lines shown under `File ...`), or None
};

// Returns a new empty proto (GC object). NULL on allocation failure.
AwProto *aw_proto_new(AwVM *vm);
// Appends an instruction with its source line; returns its index or -1.
int aw_proto_emit(AwVM *vm, AwProto *p, AwOpcode op, uint32_t arg, int line);
// The same with the source span [pos] (NULL: unknown).
int aw_proto_emit_at(AwVM *vm, AwProto *p, AwOpcode op, uint32_t arg, int line, const AwSrcPos *pos);
// Adds [v] to the constants (reusing an identical int/str/None/bool/float
// constant among the most recent ones: O(1)); returns its index or -1.
int aw_proto_add_const(AwVM *vm, AwProto *p, AwValue v);
// Adds a name (str) to names[] (reusing an existing equal one); index or -1.
int aw_proto_add_name(AwVM *vm, AwProto *p, AwValue name);
// Name of an opcode ("LOAD_CONST"), for the disassembler and traces.
extern const char *const aw_op_names[OP__COUNT];
// Writes the disassembly of [p] (and its nested protos) CPython-style:
// one instruction a line: line number, offset, opcode name, arg, and a
// readable argument in parentheses. Output goes through aw_print (stdout).
bool aw_code_dis(AwVM *vm, AwProto *p);
// Frees [p]'s arrays (code, lines, consts, names, varnames, cellvars,
// freevars, cell2arg); the GC calls it when sweeping a proto.
void aw_proto_free_storage(AwVM *vm, AwProto *p);
// Marks every value [p] references: constants (nested protos included),
// names, varnames, cellvars, freevars, name, qualname, filename, source.
void aw_proto_trace(AwVM *vm, AwProto *p);
// True for the opcodes whose arg is a jump target (an instruction index):
// JUMP, POP_JUMP_IF_*, JUMP_IF_*_OR_POP, FOR_ITER, SEND, SETUP_FINALLY.
bool aw_op_is_jump(AwOpcode op);

#endif

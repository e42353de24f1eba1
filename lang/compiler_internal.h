// lang/compiler_internal.h -- state shared by the three parts of the code
// generator: compiler.c (units, emission, labels, constants, names, the
// stack-depth pass, entry points), compile_stmt.c (statements) and
// compile_expr.c (expressions). Not used outside lang/.
#ifndef AW_COMPILER_INTERNAL_H
#define AW_COMPILER_INTERNAL_H

#include "lang/compiler.h"
#include "lang/symtab.h"

#define AW_MAX_FBLOCKS 20          // CPython's CO_MAXBLOCKS
#define AW_MAX_NESTING 2000        // recursion guard (statements + expressions)
#define AW_STACK_USE_GUIDELINE 30  // displays/calls bigger than this build incrementally

// Compile-time blocks (CPython's fblockinfo): what break/continue/return
// must unwind on the way out.
typedef enum {
  FB_WHILE_LOOP,
  FB_FOR_LOOP,                  // the iterator is on the stack
  FB_TRY_EXCEPT,                // a SETUP_FINALLY block of try/except
  FB_FINALLY_TRY,               // the body of try/finally: inline the finally body
  FB_FINALLY_END,               // the finally body run on an exception: [prev, exc]
  FB_WITH,                      // [exit] + a SETUP_FINALLY block
  FB_ASYNC_WITH,
  FB_HANDLER_CLEANUP,           // an except body: [prev] + EXCEPT_HANDLER block
  FB_POP_VALUE,                 // a return value kept while a finally body runs
  FB_EXCEPTION_HANDLER,         // the except-matching code
  FB_EXCEPTION_GROUP_HANDLER,   // except*: break/continue/return forbidden
  FB_ASYNC_COMPREHENSION_GENERATOR
} FBlockType;

typedef struct {
  FBlockType type;
  int block;                    // label: loop start (continue)
  int exit;                     // label: after the loop (break)
  AwNodeList *finalbody;        // FB_FINALLY_TRY
  AwSymName *name;              // FB_HANDLER_CLEANUP: the `as` name or NULL
  AwNode *node;                 // the statement (line numbers)
} FBlock;

typedef enum { CK_EMPTY = 0, CK_NONE, CK_TRUE, CK_FALSE, CK_ELLIPSIS, CK_INT, CK_FLOAT, CK_STR, CK_BYTES } ConstKind;

typedef struct {
  uint8_t kind;                 // ConstKind; CK_EMPTY = free slot
  uint32_t hash;
  int32_t index;                // in proto->consts
  int64_t bits;                 // int value / float bits
  const char *data;             // str/bytes: the const object's own bytes
  size_t len;
} ConstSlot;

typedef struct {
  AwSymName *name;
  int32_t index;                // in proto->names
} NameSlot;

typedef struct Unit Unit;
struct Unit {
  Unit *parent;
  AwScope *scope;
  AwProto *proto;
  AwScopeKind kind;
  AwSymName *private_name;      // class name for mangling, or NULL
  ConstSlot *cmap;              // constants hash (open addressing)
  int cmap_cap, cmap_n;
  NameSlot *nmap;               // names hash
  int nmap_cap, nmap_n;
  int32_t *labels;              // label id -> instruction index (-1 unbound)
  int nlabels, caplabels;
  FBlock fblocks[AW_MAX_FBLOCKS];
  int nfblocks;
  int lineno;                   // line given to emitted instructions
  AwSrcPos pos;                 // source span given to them (cc_set_pos)
};

typedef struct AwCompiler {
  AwVM *vm;
  AwDiag *diag;
  AwSymtab st;
  Unit *u;
  AwParseMode mode;
  int depth;                    // nesting of compile_stmt/compile_expr
  int nestlevel;                // units entered (1 = module)
  AwValue filename, source;
  bool failed;
} AwCompiler;

typedef AwCompiler C;

// ---- compiler.c ------------------------------------------------------------
bool cc_error(C *c, AwNode *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool cc_oom(C *c);
bool cc_emit(C *c, AwOpcode op, uint32_t arg);
// The source span of node [n] for the instructions compiled from it.
AwSrcPos cc_node_pos(const AwNode *n);
int cc_new_label(C *c);                     // -1 on failure
bool cc_bind(C *c, int label);
bool cc_emit_jump(C *c, AwOpcode op, int label);
bool cc_falls_through(C *c);                 // can control reach the next instruction?
int cc_const_value(C *c, AwValue v);        // appended, never shared
int cc_const_none(C *c);
int cc_const_bool(C *c, bool b);
int cc_const_int(C *c, int64_t i);
int cc_const_float(C *c, double d);
int cc_const_str(C *c, const char *s, size_t len);
int cc_const_bytes(C *c, const char *s, size_t len);
int cc_const_ellipsis(C *c);
bool cc_load_const_node(C *c, AwNode *e);   // LOAD_CONST of an AST_CONST
int cc_const_of_node(C *c, AwNode *e);
AwValue cc_name_str(C *c, AwSymName *n);    // interned str (cached)
int cc_name_index(C *c, AwSymName *n);
AwSymName *cc_mangle(C *c, const char *name);
AwSymName *cc_intern(C *c, const char *name);
bool cc_enter_unit(C *c, AwScope *scope, AwNode *node, const char *name, AwScopeKind kind, int firstline);
AwProto *cc_exit_unit(C *c);                // assembles; NULL on failure
void cc_drop_unit(C *c);                    // on errors
bool cc_make_closure(C *c, AwProto *p, uint32_t flags);
bool cc_push_fblock(C *c, FBlockType t, int block, int exit, AwNode *node);
void cc_pop_fblock(C *c);

// ---- compile_stmt.c ----------------------------------------------------------
bool cc_stmt(C *c, AwNode *s);
bool cc_stmts(C *c, AwNodeList *l);
bool cc_module_body(C *c, AwNode *module);
bool cc_unwind_fblock_stack(C *c, bool preserve_tos, FBlock **loop, AwNode *at);
bool cc_funcdef(C *c, AwNode *s);
bool cc_classdef(C *c, AwNode *s);

// ---- compile_expr.c ----------------------------------------------------------
typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;
bool cc_expr(C *c, AwNode *e);
bool cc_store(C *c, AwNode *target);        // pops TOS into target
bool cc_delete(C *c, AwNode *target);
bool cc_nameop(C *c, AwNode *at, const char *name, ExprCtx ctx);
bool cc_jump_if(C *c, AwNode *e, int label, bool cond);
bool cc_send_loop(C *c);                    // [recv, v] -> [result] (SEND/YIELD_VALUE loop)
bool cc_lambda(C *c, AwNode *e);
bool cc_call_helper(C *c, AwNodeList *args, AwNodeList *keywords, AwNode *at);
bool cc_check_forbidden(C *c, AwNode *at, const char *name, ExprCtx ctx);
bool cc_default_args(C *c, AwNode *argsnode, uint32_t *flags);

#endif

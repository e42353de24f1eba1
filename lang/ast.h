// lang/ast.h -- the abstract syntax tree: node kinds (X-macro), node structs,
// and the arena that owns every node. The parser builds it; symtab.c and
// compiler.c read it. Nothing here knows about the VM's objects.
#ifndef AW_AST_H
#define AW_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

// NODE(kind) -- one entry per node kind. The union member used by each kind
// is named in the comment; the struct definitions below say what each field
// holds. Expression and statement kinds share one enum.
#define AW_AST_NODES(NODE)                                                   \
  /* ---- module ---- */                                                     \
  NODE(MODULE)       /* module: body */                                      \
  /* ---- statements ---- */                                                 \
  NODE(EXPR_STMT)    /* expr_stmt: value */                                  \
  NODE(ASSIGN)       /* assign: targets (a = b = v has two), value */        \
  NODE(AUGASSIGN)    /* augassign: target, op (AwBinOp), value */            \
  NODE(ANNASSIGN)    /* annassign: target, annotation, value (may be NULL),   \
                        simple (target was a bare name) */                   \
  NODE(DELETE)       /* list: items = targets */                             \
  NODE(PASS)         /* no fields */                                         \
  NODE(BREAK)        /* no fields */                                         \
  NODE(CONTINUE)     /* no fields */                                         \
  NODE(RETURN)       /* ret: value (NULL for bare return) */                 \
  NODE(IF)           /* if_: test, body, orelse (elif = one IF in orelse) */ \
  NODE(WHILE)        /* while_: test, body, orelse */                        \
  NODE(FOR)          /* for_: target, iter, body, orelse, is_async */        \
  NODE(FUNCDEF)      /* funcdef: name, args, body, decorators, returns,      \
                        is_async */                                          \
  NODE(CLASSDEF)     /* classdef: name, bases, keywords, body, decorators */ \
  NODE(TRY)          /* try_: body, handlers, orelse, finalbody, is_star */  \
  NODE(EXCEPTHANDLER)/* handler: type (NULL = bare), name (NULL), body */    \
  NODE(RAISE)        /* raise: exc (NULL = bare raise), cause (NULL) */      \
  NODE(WITH)         /* with: items (WITHITEM nodes), body, is_async */      \
  NODE(WITHITEM)     /* withitem: context_expr, optional_vars (NULL) */      \
  NODE(IMPORT)       /* import: names (ALIAS nodes) */                       \
  NODE(IMPORTFROM)   /* importfrom: module (NULL for "from . import"),       \
                        names (ALIAS; one ALIAS named "*" for star), level */\
  NODE(ALIAS)        /* alias: name (dotted, e.g. "os.path"), asname */      \
  NODE(GLOBAL)       /* names: names */                                      \
  NODE(NONLOCAL)     /* names: names */                                      \
  NODE(ASSERT)       /* assert_: test, msg (NULL) */                         \
  /* ---- expressions ---- */                                                \
  NODE(NAME)         /* name: id */                                          \
  NODE(CONST)        /* constant: kind + value */                            \
  NODE(JOINEDSTR)    /* list: items = CONST str parts and FORMATTEDVALUEs */ \
  NODE(FORMATTEDVALUE)/* fmtvalue: value, conversion ('r','s','a' or 0),     \
                        spec (a JOINEDSTR or NULL) */                        \
  NODE(BINOP)        /* binop: op, left, right */                            \
  NODE(UNARYOP)      /* unaryop: op, operand */                              \
  NODE(BOOLOP)       /* boolop: op (AW_BOOL_AND/OR), values (>= 2) */        \
  NODE(COMPARE)      /* compare: left, ops[n], comparators (n items) */      \
  NODE(IFEXP)        /* ifexp: test, body, orelse */                         \
  NODE(LAMBDA)       /* lambda: args, body (an expression) */                \
  NODE(NAMEDEXPR)    /* namedexpr: target (a NAME), value */                 \
  NODE(CALL)         /* call: func, args (STARRED for *x), keywords */       \
  NODE(KEYWORD)      /* keyword: arg (NULL for **x), value */                \
  NODE(ATTRIBUTE)    /* attribute: value, attr */                            \
  NODE(SUBSCRIPT)    /* subscript: value, slice (an expr, SLICE, or TUPLE    \
                        containing SLICEs for a[1:2, 3]) */                  \
  NODE(SLICE)        /* slice: lower, upper, step (each may be NULL) */      \
  NODE(STARRED)      /* starred: value */                                    \
  NODE(LIST)         /* list: items */                                       \
  NODE(TUPLE)        /* list: items */                                       \
  NODE(SET)          /* list: items */                                       \
  NODE(DICT)         /* dict: keys, values (keys[i] NULL for **values[i]) */ \
  NODE(LISTCOMP)     /* comp: elt, generators */                             \
  NODE(SETCOMP)      /* comp: elt, generators */                             \
  NODE(GENEXP)       /* comp: elt, generators */                             \
  NODE(DICTCOMP)     /* comp: elt (key), value, generators */                \
  NODE(COMPREHENSION)/* comprehension: target, iter, ifs, is_async */        \
  NODE(AWAIT)        /* unary: value */                                      \
  NODE(YIELD)        /* unary: value (NULL for bare yield) */                \
  NODE(YIELDFROM)    /* unary: value */                                      \
  /* ---- parameters ---- */                                                 \
  NODE(ARGUMENTS)    /* arguments: see AwArguments */                        \
  NODE(ARG)          /* arg: name, annotation (NULL) */

typedef enum {
#define AW_AST_ENUM(kind) AST_##kind,
  AW_AST_NODES(AW_AST_ENUM)
#undef AW_AST_ENUM
  AST__COUNT
} AwNodeKind;

// Names of the kinds ("FUNCDEF"), for aw_ast_dump and diagnostics.
extern const char *const aw_ast_kind_names[AST__COUNT];

typedef enum {
  AW_BINOP_ADD, AW_BINOP_SUB, AW_BINOP_MUL, AW_BINOP_MATMUL, AW_BINOP_DIV,
  AW_BINOP_FLOORDIV, AW_BINOP_MOD, AW_BINOP_POW, AW_BINOP_LSHIFT,
  AW_BINOP_RSHIFT, AW_BINOP_BITOR, AW_BINOP_BITXOR, AW_BINOP_BITAND,
  AW_BINOP__COUNT
} AwBinOp;

typedef enum { AW_UNARY_NEG, AW_UNARY_POS, AW_UNARY_INVERT, AW_UNARY_NOT } AwUnaryOp;
typedef enum { AW_BOOL_AND, AW_BOOL_OR } AwBoolOp;

// Comparison operators; the order matches AwCmpOp in vm/value.h for the
// first six so the compiler can pass them straight to COMPARE_OP.
typedef enum {
  AW_CMP_LT, AW_CMP_LE, AW_CMP_EQ, AW_CMP_NE, AW_CMP_GT, AW_CMP_GE,
  AW_CMP_IS, AW_CMP_IS_NOT, AW_CMP_IN, AW_CMP_NOT_IN
} AwCmpKind;

typedef enum {
  AW_CONST_NONE, AW_CONST_TRUE, AW_CONST_FALSE, AW_CONST_ELLIPSIS,
  AW_CONST_INT,    // value.i; a literal too large for int64 is reported by
                   // the lexer as SyntaxError "integer literal too large"
  AW_CONST_FLOAT,  // value.f; imaginary literals are a SyntaxError
  AW_CONST_STR,    // value.s: UTF-8 bytes, escapes already decoded
  AW_CONST_BYTES   // value.s: raw bytes, escapes already decoded
} AwConstKind;

typedef struct AwNode AwNode;

// A growable array of node pointers, allocated from the arena.
typedef struct {
  AwNode **items;
  int len, cap;
} AwNodeList;

// A byte string owned by the arena. data is NUL-terminated for convenience,
// but len is authoritative (string constants may contain NUL).
typedef struct {
  char *data;
  size_t len;
} AwAstStr;

// An identifier: NUL-terminated UTF-8, owned by the arena.
typedef const char *AwIdent;

typedef struct {
  AwNodeList posonlyargs;  // ARG nodes before "/"
  AwNodeList args;         // ARG nodes: ordinary positional-or-keyword
  AwNode *vararg;          // ARG for *args, or NULL
  AwNodeList kwonlyargs;   // ARG nodes after * or *args
  AwNodeList kw_defaults;  // same length as kwonlyargs; items may be NULL
  AwNode *kwarg;           // ARG for **kwargs, or NULL
  AwNodeList defaults;     // defaults of the LAST len(defaults) of
                           // posonlyargs+args
} AwArguments;

struct AwNode {
  AwNodeKind kind;
  // Source position of the node's first token: 1-based line, 0-based byte
  // column; end_* is just past the last token (used for carets).
  int line, col, end_line, end_col;
  union {
    struct { AwNodeList body; } module;
    struct { AwNode *value; } expr_stmt;
    struct { AwNodeList targets; AwNode *value; } assign;
    struct { AwNode *target; AwBinOp op; AwNode *value; } augassign;
    struct { AwNode *target, *annotation, *value; bool simple; } annassign;
    struct { AwNodeList items; } list;          // DELETE, JOINEDSTR, LIST, TUPLE, SET
    struct { AwNode *value; } ret;
    struct { AwNode *test; AwNodeList body, orelse; } if_;
    struct { AwNode *test; AwNodeList body, orelse; } while_;
    struct { AwNode *target, *iter; AwNodeList body, orelse; bool is_async; } for_;
    struct {
      AwIdent name; AwNode *args;  // args is an ARGUMENTS node
      AwNodeList body, decorators; AwNode *returns; bool is_async;
    } funcdef;
    struct {
      AwIdent name; AwNodeList bases, keywords, body, decorators;
    } classdef;
    struct {
      AwNodeList body, handlers, orelse, finalbody; bool is_star;
    } try_;
    struct { AwNode *type; AwIdent name; AwNodeList body; } handler;
    struct { AwNode *exc, *cause; } raise;
    struct { AwNodeList items, body; bool is_async; } with;
    struct { AwNode *context_expr, *optional_vars; } withitem;
    struct { AwNodeList names; } import;
    struct { AwIdent module; AwNodeList names; int level; } importfrom;
    struct { AwIdent name, asname; } alias;
    struct { int count; AwIdent *items; } names;  // GLOBAL, NONLOCAL
    struct { AwNode *test, *msg; } assert_;
    struct { AwIdent id; } name;
    struct {
      AwConstKind kind;
      union { int64_t i; double f; AwAstStr s; } value;
    } constant;
    struct { AwNode *value; int conversion; AwNode *spec; } fmtvalue;
    struct { AwBinOp op; AwNode *left, *right; } binop;
    struct { AwUnaryOp op; AwNode *operand; } unaryop;
    struct { AwBoolOp op; AwNodeList values; } boolop;
    struct { AwNode *left; AwCmpKind *ops; AwNodeList comparators; } compare;
    struct { AwNode *test, *body, *orelse; } ifexp;
    struct { AwNode *args; AwNode *body; } lambda;
    struct { AwNode *target, *value; } namedexpr;
    struct { AwNode *func; AwNodeList args, keywords; } call;
    struct { AwIdent arg; AwNode *value; } keyword;
    struct { AwNode *value; AwIdent attr; } attribute;
    struct { AwNode *value, *slice; } subscript;
    struct { AwNode *lower, *upper, *step; } slice;
    struct { AwNode *value; } starred;
    struct { AwNodeList keys, values; } dict;
    struct { AwNode *elt, *value; AwNodeList generators; } comp;
    struct { AwNode *target, *iter; AwNodeList ifs; bool is_async; } comprehension;
    struct { AwNode *value; } unary;             // AWAIT, YIELD, YIELDFROM
    AwArguments arguments;
    struct { AwIdent name; AwNode *annotation; } arg;
  } u;
};

// ---- the arena ----------------------------------------------------------
// Every node, list buffer and string of one parse lives in one arena and is
// freed in one call. Allocation goes through the VM's allocator via the
// function pointers so lang/ does not depend on vm/ internals.

typedef void *(*AwArenaReallocFn)(void *ud, void *ptr, size_t old_size, size_t new_size);

typedef struct AwArenaChunk AwArenaChunk;
typedef struct {
  AwArenaChunk *chunks;
  AwArenaReallocFn realloc_fn;
  void *ud;
  bool failed;  // an allocation failed: the parse reports MemoryError
} AwArena;

// Prepares [arena] to allocate through [realloc_fn] with user data [ud].
void aw_arena_init(AwArena *arena, AwArenaReallocFn realloc_fn, void *ud);
// Frees every chunk of [arena].
void aw_arena_free(AwArena *arena);
// Returns [size] zeroed bytes, or NULL (and sets arena->failed) on failure.
void *aw_arena_alloc(AwArena *arena, size_t size);
// Copies [len] bytes of [s] into the arena with a trailing NUL.
char *aw_arena_strdup(AwArena *arena, const char *s, size_t len);

// Returns a new node of [kind] at [line]:[col], zeroed otherwise. Only the
// bytes of [kind]'s union member are allocated (a NAME is 32 bytes, not
// sizeof(AwNode)): never assign a whole AwNode into a node, and change a
// node's kind only to one using the same member (TUPLE -> LIST).
AwNode *aw_ast_new(AwArena *arena, AwNodeKind kind, int line, int col);
// Appends [node] to [list]; false on allocation failure.
bool aw_ast_list_push(AwArena *arena, AwNodeList *list, AwNode *node);

// Writes an indented dump of [node] to [out] (FILE*), for `aw --dump-ast`
// and the parser's unit tests.
void aw_ast_dump(const AwNode *node, void *out);

#endif

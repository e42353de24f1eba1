// lang/symtab.h -- scope analysis: one AwScope per module, class, function,
// lambda and comprehension, with every name resolved to local, cell, free,
// global-explicit or global-implicit (CPython's symtable.c rules). Built
// once over the whole module before code generation; only the compiler
// (compiler.c, compile_stmt.c, compile_expr.c) reads it.
#ifndef AW_SYMTAB_H
#define AW_SYMTAB_H

#include "lang/ast.h"
#include "lang/diag.h"
#include "vm/vm.h"

// Symbol flags, as CPython's DEF_* bits.
#define AW_SYM_GLOBAL     0x001  // `global x` in this scope
#define AW_SYM_LOCAL      0x002  // assigned (or deleted) in this scope
#define AW_SYM_PARAM      0x004  // a parameter
#define AW_SYM_NONLOCAL   0x008  // `nonlocal x` in this scope
#define AW_SYM_USE        0x010  // read in this scope
#define AW_SYM_IMPORT     0x020  // bound by import
#define AW_SYM_ANNOT      0x040  // annotated (x: T)
#define AW_SYM_COMP_ITER  0x080  // a comprehension iteration variable
#define AW_SYM_FREE_CLASS 0x100  // class scope: bound here AND free in a method
#define AW_SYM_BOUND (AW_SYM_LOCAL | AW_SYM_PARAM | AW_SYM_IMPORT)

// Resolved scope of a symbol.
typedef enum {
  AW_SC_NONE = 0,
  AW_SC_LOCAL,            // fast local (functions) or namespace entry (module/class)
  AW_SC_GLOBAL_EXPLICIT,  // `global x`
  AW_SC_GLOBAL_IMPLICIT,  // not bound anywhere visible: globals then builtins
  AW_SC_FREE,             // bound in an enclosing function
  AW_SC_CELL              // local here, captured by an inner scope
} AwSymScope;

typedef enum {
  AW_SCOPE_MODULE,
  AW_SCOPE_CLASS,
  AW_SCOPE_FUNCTION,
  AW_SCOPE_ASYNC_FUNCTION,
  AW_SCOPE_LAMBDA,
  AW_SCOPE_COMPREHENSION
} AwScopeKind;

typedef enum { AW_COMP_NONE, AW_COMP_LIST, AW_COMP_SET, AW_COMP_DICT, AW_COMP_GEN } AwCompKind;

// An identifier interned for one compilation: equal names share one pointer,
// so symbol tables compare pointers. [str] caches the VM str once made.
typedef struct AwSymName {
  AwValue str;          // interned AwStr, or UNDEF until the compiler asks
  uint32_t hash;
  uint32_t len;
  char s[];             // NUL-terminated text
} AwSymName;

typedef struct {
  AwSymName *name;      // mangled
  int flags;            // AW_SYM_*
  AwSymScope scope;
  int dline, dcol, dend; // position of the global/nonlocal directive (errors)
  int fast;             // compiler: index in varnames, or -1
  int deref;            // compiler: cell index (cells then frees), or -1
  int free_index;       // compiler: class scopes with FREE_CLASS: free slot, or -1
} AwSymbol;

typedef struct AwScope AwScope;
struct AwScope {
  AwScopeKind kind;
  AwSymName *name;              // "f", "C", "<lambda>", "<listcomp>", "<module>"
  AwNode *node;                 // MODULE, FUNCDEF, CLASSDEF, LAMBDA or comprehension node
  AwScope *parent;
  AwScope **children;
  int nchildren, capchildren;
  AwSymbol *syms;               // in order of first mention
  int nsyms, capsyms;
  int32_t *index;               // open-addressing hash: name -> syms index
  int index_cap;                // power of two (0 = none yet)
  AwSymName **params;           // parameters in varnames order
  int nparams, capparams;
  AwSymName *private_name;      // enclosing class name for mangling, or NULL
  AwCompKind comp;              // comprehension kind (AW_COMP_NONE otherwise)
  int line;
  bool is_generator;            // contains yield
  bool is_coroutine;            // async def, await, async comprehension
  bool has_varargs, has_varkw;
  bool needs_class_closure;     // class: some method uses __class__/super
  bool top_level_await;         // module: await/async for/async with at top level
  int comp_iter_expr;           // >0 while visiting a comprehension's iterable
  bool comp_iter_target;        // while visiting a comprehension target
};

typedef struct AwSymPoolChunk AwSymPoolChunk;
struct AwScopeMapEntry {
  AwNode *node;
  AwScope *scope;
};

typedef struct {
  AwVM *vm;
  AwDiag *diag;
  AwScope *top;                 // the module scope
  AwScope *cur;                 // scope being built
  // interned identifiers
  AwSymName **names;
  int nnames, names_cap;        // names_cap: power of two
  // node -> scope map
  struct AwScopeMapEntry *map;
  int nmap, map_cap;
  // every scope, for freeing and analysis
  AwScope **scopes;
  int nscopes, capscopes;
  AwSymPoolChunk *pool;         // bump allocator for names and scopes
  int depth;                    // recursion guard
  bool failed;
  AwSymName *n_class;           // "__class__"
  AwSymName *n_super;           // "super"
  AwSymName *n_debug;           // "__debug__"
} AwSymtab;

// Builds the scopes of [module] (an AST_MODULE). False with [diag] set on
// a SyntaxError (or MemoryError / RecursionError).
bool aw_symtab_build(AwSymtab *st, AwVM *vm, AwNode *module, AwDiag *diag);
// Frees everything the symtab allocated.
void aw_symtab_free(AwSymtab *st);
// The scope created for [node] (FUNCDEF, CLASSDEF, LAMBDA, comprehension,
// MODULE), or NULL.
AwScope *aw_symtab_scope_of(AwSymtab *st, AwNode *node);
// Interns [len] bytes of [s]; NULL on memory failure (diag set).
AwSymName *aw_symtab_intern(AwSymtab *st, const char *s, size_t len);
// CPython's private name mangling: "__x" inside class "C" -> "_C__x".
// Returns the interned (possibly mangled) name; NULL on memory failure.
AwSymName *aw_symtab_mangle(AwSymtab *st, AwSymName *private_name, const char *name);
// The symbol for [name] in [scope], or NULL.
AwSymbol *aw_scope_lookup(AwScope *scope, AwSymName *name);

#endif

// lang/compiler.h -- AST to bytecode. The single entry point aw_compile
// parses, analyses scopes (symtab.c) and emits an AwProto for the module.
#ifndef AW_COMPILER_H
#define AW_COMPILER_H

#include "lang/parser.h"
#include "vm/vm.h"

// Compiles [len] bytes of [source] named [filename] (used in tracebacks and
// co_filename). AW_PARSE_SINGLE compiles a REPL statement: expression
// statements print their value (PRINT_EXPR). Returns the module's proto, or
// NULL with [diag] filled in (diag->kind AW_DIAG_MEMORY when memory ran out).
AwProto *aw_compile(AwVM *vm, const char *source, size_t len, const char *filename,
                    AwParseMode mode, AwDiag *diag, bool *incomplete);

// Compiles an already parsed module [root] (for tests and tools).
AwProto *aw_compile_ast(AwVM *vm, AwNode *root, const char *source, size_t len,
                        const char *filename, AwParseMode mode, AwDiag *diag);

#endif

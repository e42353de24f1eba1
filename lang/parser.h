// lang/parser.h -- the front end's single entry point: source text to AST.
// The lexer (lexer.re) and the lemon grammar (grammar.y) are driven from
// parser.c; nothing else calls them directly.
#ifndef AW_PARSER_H
#define AW_PARSER_H

#include "lang/ast.h"
#include "lang/diag.h"

typedef enum {
  AW_PARSE_FILE,    // a module: statements until EOF
  AW_PARSE_SINGLE   // one interactive statement (REPL); may be incomplete
} AwParseMode;

typedef struct {
  AwArena arena;       // owns the tree; free with aw_arena_free
  AwNode *root;        // AST_MODULE on success, NULL on error
  AwDiag diag;         // the first error
  bool incomplete;     // AW_PARSE_SINGLE: input ended inside a block or
                       // bracket, so the REPL should read more lines
} AwParseResult;

// Parses [len] bytes of [source] (need not be NUL-terminated). [out]->arena
// must already be initialised with aw_arena_init. Returns true and sets
// out->root on success; false with out->diag set on error (or, for
// AW_PARSE_SINGLE, with out->incomplete set and diag to be ignored). A tree
// returned is at most about 3000 nodes deep (deeper input is a
// RecursionError), so walking it recursively in C is safe.
bool aw_parse(const char *source, size_t len, AwParseMode mode, AwParseResult *out);

#endif

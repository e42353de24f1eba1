// lang/diag.h -- compile-time diagnostics: the first SyntaxError,
// IndentationError or TabError found by the lexer, parser, symtab or
// compiler, with its position. Printing it CPython-style is diag.c's job.
#ifndef AW_DIAG_H
#define AW_DIAG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
  AW_DIAG_NONE = 0,
  AW_DIAG_SYNTAX,       // SyntaxError
  AW_DIAG_INDENT,       // IndentationError
  AW_DIAG_TAB,          // TabError
  AW_DIAG_MEMORY,       // MemoryError while compiling
  AW_DIAG_RECURSION     // RecursionError: too deeply nested code
} AwDiagKind;

typedef struct {
  AwDiagKind kind;
  int line;           // 1-based line of the error
  int col;            // 0-based byte column of the caret start (-1: no caret)
  int end_col;        // 0-based byte column just past the caret (<= col: one caret)
  char msg[256];      // e.g. "invalid syntax", "'(' was never closed"
} AwDiag;

// Records the first error only: later calls are ignored once [d]->kind is
// set. Returns false so callers can write `return aw_diag_set(...)`.
bool aw_diag_set(AwDiag *d, AwDiagKind kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

// The class name of [kind]: "SyntaxError", "IndentationError", ...
const char *aw_diag_kind_name(AwDiagKind kind);

// Formats [d] as CPython prints an uncaught SyntaxError into [buf]:
//   File "x.aw", line 3
//     if x = 1:
//          ^
//   SyntaxError: invalid syntax
// [source]/[source_len] is the whole source text (to show the line).
// Returns the number of bytes written (truncates at [cap]).
size_t aw_diag_format(const AwDiag *d, const char *filename, const char *source,
                      size_t source_len, char *buf, size_t cap);

#endif

// lang/lexer.h -- the front end's internal interface: tokens, the lexer
// state (lexer.re), the parser context shared by the driver (parser.c), the
// lemon actions (grammar.y) and the AST constructors (ast.c). Nothing outside
// lang/ includes this; the public entry point is aw_parse in parser.h.
#ifndef AW_LEXER_H
#define AW_LEXER_H

#include <stdint.h>

#include "lang/ast.h"
#include "lang/diag.h"

// CPython's limits: MAXLEVEL (brackets) and MAXINDENT.
#define AW_MAX_PAREN 200
#define AW_MAX_INDENT 100
// Deepest expression/statement nesting the AST may have; deeper input is a
// RecursionError, as CPython's compiler reports it. The compiler may recurse
// over the tree without its own guard.
#define AW_MAX_AST_DEPTH 2990

// String token flags (AwToken.flags for TK_STRING).
enum {
  AW_STR_RAW = 1, AW_STR_BYTES = 2, AW_STR_F = 4, AW_STR_TRIPLE = 8
};

// One token. start/len is the token's text in the lexer's buffer. For
// TK_STRING, body/body_len is the text between the quotes; the driver folds
// adjacent strings into one token whose node is the CONST or JOINEDSTR.
typedef struct {
  int type;                      // TK_* (0 = end of input)
  int line, col, end_line, end_col;
  const char *start;
  size_t len;
  const char *body;              // TK_STRING only
  size_t body_len;
  int flags;                     // TK_STRING only: AW_STR_*
  AwNode *node;                  // TK_NUMBER, TK_STRING: the constant
  AwIdent id;                    // TK_NAME: the interned identifier
  int depth;                     // bracket depth before this token
  bool eof;                      // synthesized at the end of input
} AwToken;

typedef struct {
  const char *src;               // NUL-terminated (src[len] == 0)
  size_t len;
  const char *cur;               // scan position
  const char *line_start;        // start of the physical line of cur
  int line;                      // 1-based line of cur
  int first_line;                // line that col_base applies to
  int col_base;                  // added to columns on first_line (f-strings)
  // Indentation (CPython's indstack/altindstack; altcol counts tabs as 1).
  int indstack[AW_MAX_INDENT + 1];
  int altstack[AW_MAX_INDENT + 1];
  int indent;                    // top index of indstack
  int pend;                      // pending INDENT (>0) or DEDENT (<0) tokens
  bool atbol;                    // at the beginning of a logical line
  bool fstring;                  // lexing an f-string expression: no
                                 // NEWLINE/INDENT, EOF closes everything
  bool eof;                      // returned end of input
  bool incomplete;               // stopped inside a bracket/string/backslash
  bool failed;                   // this lexer recorded an error
  bool soft_error;               // the error is one CPython's tokenizer does
                                 // not raise eagerly (indentation, EOF)
  // Open brackets: the char and where it was opened.
  int depth;
  struct { char ch; int line, col; } parens[AW_MAX_PAREN];
  AwDiag *diag;
} AwLexer;

// Prepares [lx] to scan [len] bytes at [src] (src[len] must be NUL).
void aw_lexer_init(AwLexer *lx, const char *src, size_t len, AwDiag *diag);
// Scans the next token into [tok]; returns its type, 0 at the end, -1 after
// recording an error in the lexer's diag.
int aw_lexer_next(AwLexer *lx, AwToken *tok);

// ---- the parser context -------------------------------------------------

// A hash set of identifiers, so equal names share one pointer.
typedef struct {
  const char *s;
  uint32_t len, hash;
} AwInternEntry;

// State shared by a parse and its f-string sub-parses.
typedef struct {
  AwArena *arena;
  AwDiag *diag;
  AwInternEntry *names;          // open addressing, cap is a power of two
  uint32_t names_cap, names_len;
  int fstring_depth;             // nesting of f-string expression parses
  // Parenthesized expressions keep their own position (as in CPython), but
  // a node built around one starts/ends at its parentheses. While parsing,
  // such nodes hold the outer span; this maps them to their own.
  struct AwParenSpan *parens;    // open addressing, cap is a power of two
  uint32_t parens_cap, parens_len, parens_shift;
} AwParseShared;

typedef struct AwParenSpan {
  const AwNode *node;
  int line, col, end_line, end_col;
} AwParenSpan;

typedef enum { AW_PARAM_PLAIN, AW_PARAM_STAR, AW_PARAM_KWARG, AW_PARAM_SLASH } AwParamKind;

// One parameter as the grammar sees it, before AwParams sorts it in.
typedef struct {
  AwParamKind kind;
  AwNode *arg;                   // ARG node, NULL for bare '*' and '/'
  AwNode *dflt;                  // default value or NULL
  int line, col, end_col;        // the '*', '**', '/' or the name
} AwParamItem;

// Parameter list builder for def and lambda: checks order as items come.
typedef struct {
  AwNode *args;                  // the ARGUMENTS node being built
  bool seen_default, seen_star, seen_kwarg, seen_slash;
  bool bare_star_open;           // a bare '*' with no keyword-only arg yet
  int star_line, star_col;
} AwParams;

// Call argument builder: positional args, keywords and their order checks.
typedef struct {
  AwNodeList args, keywords;
  bool seen_keyword, seen_kwunpack;
  AwNode *bare_genexp;           // an unparenthesized generator argument
  int count;
} AwCallArgs;

// An except clause and whether it was except*.
typedef struct { AwNode *node; bool star; } AwHandler;
typedef struct { AwNodeList list; int nstar, nplain; } AwHandlers;

// Bits for aw_parser_syntax_error's [accepts]: which of these tokens the
// parser could have taken instead of the offending one.
enum {
  AW_ACC_INDENT = 1, AW_ACC_COLON = 2, AW_ACC_ELSE = 4, AW_ACC_ELIF = 8,
  AW_ACC_EXCEPT = 16, AW_ACC_FINALLY = 32, AW_ACC_COMMA = 64
};

// Per-parse (and per f-string sub-parse) context: lemon's %extra_context.
typedef struct AwParser {
  AwParseShared *sh;
  AwArena *arena;
  AwDiag *diag;
  AwLexer lx;
  bool fstring;                  // parsing an f-string expression
  AwNode *root;                  // result of the start rule
  AwNode *last_node;             // the most recently built node
  AwNode *ifexp_body;            // body of the last 'x if' seen mid-line
  AwNode *minabs;                // a literal 9223372036854775808 awaiting '-'
  int minabs_age;
  // Lookahead queue of raw lexer tokens (peeked but not yet consumed).
  AwToken *queue;
  size_t qhead, qlen, qcap;
  // Token context for error messages.
  AwToken cur;                   // the token being fed to the grammar
  AwToken prev;                  // the last token fed before it
  AwToken last_newline;          // the last NEWLINE fed
  AwToken line_first, line_second;     // first tokens of the logical line
  int line_ntok;
  bool line_has_lambda;
  AwToken header_first, header_second; // same, for the last finished line
  int top_first;                 // first token type of the current
                                 // top-level statement (REPL)
  bool generic_error;            // diag holds a plain "invalid syntax"
  bool no_rescan;                // the error is not re-checked by a rescan
  bool error_at_eof;             // the syntax error was at the end of input
} AwParser;

// Formats an error into [p]'s diag (first error only); returns NULL so
// helpers can `return aw_parser_error(...)`.
void *aw_parser_error(AwParser *p, AwDiagKind kind, int line, int col, int end_col,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
// Same, a SyntaxError positioned at [node].
void *aw_parser_error_at(AwParser *p, const AwNode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
// Interns [len] bytes of [s] as an identifier (NULL on allocation failure).
AwIdent aw_parser_intern(AwParser *p, const char *s, size_t len);
// Parses the f-string expression text [src]/[len] (copied) that starts at
// [line]:[col] of the enclosing source; returns the expression or NULL.
AwNode *aw_parser_fstring_expr(AwParser *p, const char *src, size_t len, int line, int col);
// Builds the CONST or JOINEDSTR for [n] adjacent string tokens.
AwNode *aw_parser_strings(AwParser *p, const AwToken *toks, int n);
// Chooses and records the message for a syntax error at [tok] (grammar.y).
void aw_parser_syntax_error(AwParser *p, int major, const AwToken *tok, unsigned accepts);
// Scans ahead from the '=' of a first assignment target: does the value
// start like a bitwise-or expression, and does another '=' follow it?
void aw_parser_peek_assign(AwParser *p, bool *value_is_simple, bool *chained);
// True once an error has been recorded (all constructors then return NULL).
static inline bool aw_parser_failed(const AwParser *p) {
  return p->diag->kind != AW_DIAG_NONE || p->arena->failed;
}

// Lemon's engine (grammar.c): allocation size, init, feed, finalize, depth.
size_t aw_grammar_size(void);
void aw_grammarInit(void *engine, AwParser *p);
void aw_grammar(void *engine, int major, AwToken minor);
void aw_grammarFinalize(void *engine);
int aw_grammar_depth(void *engine);

// ---- AST constructors called by grammar.y actions (ast.c) ---------------
// All return NULL (and build nothing) once the parse has failed.

AwNode *aw_ast_module(AwParser *p, AwNodeList body);
AwNode *aw_ast_name(AwParser *p, const AwToken *t);
AwNode *aw_ast_const_tok(AwParser *p, const AwToken *t, AwConstKind kind);
AwNode *aw_ast_number(AwParser *p, const AwToken *t);
AwNode *aw_ast_binop(AwParser *p, AwNode *l, AwBinOp op, AwNode *r);
AwNode *aw_ast_unary(AwParser *p, const AwToken *t, AwUnaryOp op, AwNode *x);
// [extend]: [l] is a chain built by the same rule (a or b or c is one BOOLOP).
AwNode *aw_ast_boolop(AwParser *p, AwNode *l, AwBoolOp op, AwNode *r, bool extend);
AwNode *aw_ast_compare(AwParser *p, AwNode *l, AwCmpKind op, AwNode *r, bool extend);
AwNode *aw_ast_ifexp(AwParser *p, AwNode *body, AwNode *test, AwNode *orelse);
AwNode *aw_ast_lambda(AwParser *p, const AwToken *t, AwParams *params, AwNode *body);
AwNode *aw_ast_namedexpr(AwParser *p, AwNode *target, AwNode *value);
AwNode *aw_ast_await(AwParser *p, const AwToken *t, AwNode *x);
AwNode *aw_ast_yield(AwParser *p, const AwToken *t, AwNode *x, bool from);
AwNode *aw_ast_starred(AwParser *p, const AwToken *t, AwNode *x);
AwNode *aw_ast_attribute(AwParser *p, AwNode *x, const AwToken *name);
AwNode *aw_ast_subscript(AwParser *p, AwNode *x, AwNode *slice, const AwToken *close);
AwNode *aw_ast_slice(AwParser *p, const AwToken *colon, AwNode *lo, AwNode *hi, AwNode *step);
AwNode *aw_ast_call(AwParser *p, AwNode *func, const AwToken *open, AwCallArgs *args, const AwToken *close);
AwCallArgs *aw_ast_callargs(AwParser *p, AwCallArgs *a, AwNode *arg);
AwCallArgs *aw_ast_callargs_comma(AwParser *p, AwCallArgs *a);
AwNode *aw_ast_keyword(AwParser *p, AwNode *name, AwNode *value);
AwNode *aw_ast_kwunpack(AwParser *p, const AwToken *t, AwNode *value);
AwNode *aw_ast_tuple_start(AwParser *p, AwNode *first);
AwNode *aw_ast_seq_push(AwParser *p, AwNode *seq, AwNode *x);
AwNode *aw_ast_seq(AwParser *p, AwNodeKind kind, const AwToken *open, AwNode *tuple, const AwToken *close);
AwNode *aw_ast_paren(AwParser *p, const AwToken *open, AwNode *x, const AwToken *close);
AwNode *aw_ast_dict_push(AwParser *p, AwNode *dict, AwNode *key, AwNode *value);
AwNode *aw_ast_dict_done(AwParser *p, const AwToken *open, AwNode *dict, const AwToken *close);
AwNode *aw_ast_comp(AwParser *p, AwNodeKind kind, const AwToken *open, AwNode *elt, AwNode *value,
                    AwNodeList gens, const AwToken *close);
AwNode *aw_ast_comprehension(AwParser *p, const AwToken *t, AwNode *target, AwNode *iter, bool is_async);
AwNodeList aw_ast_gens_if(AwParser *p, AwNodeList gens, AwNode *cond);

AwParams *aw_ast_params_new(AwParser *p);
AwParamItem *aw_ast_param(AwParser *p, AwParamKind kind, const AwToken *t, AwNode *arg, AwNode *dflt);
AwParams *aw_ast_params_item(AwParser *p, AwParams *ps, AwParamItem *item);
AwNode *aw_ast_arg(AwParser *p, const AwToken *name, AwNode *annotation);

AwNode *aw_ast_expr_stmt(AwParser *p, AwNode *x);
AwNode *aw_ast_assign(AwParser *p, AwNodeList targets, AwNode *value);
AwNodeList aw_ast_assign_target(AwParser *p, AwNodeList targets, AwNode *t);
AwNode *aw_ast_augassign(AwParser *p, AwNode *target, AwBinOp op, AwNode *value);
AwNode *aw_ast_annassign(AwParser *p, AwNode *target, AwNode *ann, AwNode *value);
AwNode *aw_ast_delete(AwParser *p, const AwToken *t, AwNode *targets);
AwNode *aw_ast_simple(AwParser *p, AwNodeKind kind, const AwToken *t);
AwNode *aw_ast_return(AwParser *p, const AwToken *t, AwNode *x);
AwNode *aw_ast_raise(AwParser *p, const AwToken *t, AwNode *exc, AwNode *cause);
AwNode *aw_ast_assert(AwParser *p, const AwToken *t, AwNode *test, AwNode *msg);
AwNode *aw_ast_names(AwParser *p, AwNodeKind kind, const AwToken *t, AwNodeList names);
AwNode *aw_ast_import(AwParser *p, const AwToken *t, AwNodeList aliases);
AwNode *aw_ast_importfrom(AwParser *p, const AwToken *t, int level, AwNode *module, AwNodeList aliases);
AwNode *aw_ast_alias(AwParser *p, AwNode *name, const AwToken *asname);
AwNode *aw_ast_dotted(AwParser *p, AwNode *prefix, const AwToken *name);
AwNode *aw_ast_if(AwParser *p, const AwToken *t, AwNode *test, AwNodeList body, AwNodeList orelse);
AwNode *aw_ast_while(AwParser *p, const AwToken *t, AwNode *test, AwNodeList body, AwNodeList orelse);
AwNode *aw_ast_for(AwParser *p, const AwToken *t, AwNode *target, AwNode *iter, AwNodeList body,
                   AwNodeList orelse);
AwNode *aw_ast_try(AwParser *p, const AwToken *t, AwNodeList body, AwHandlers handlers,
                   AwNodeList orelse, AwNodeList finalbody);
AwHandler aw_ast_handler(AwParser *p, const AwToken *t, bool star, AwNode *type, const AwToken *name,
                         AwNodeList body);
AwHandlers aw_ast_handlers_add(AwParser *p, AwHandlers hs, AwHandler h);
AwNode *aw_ast_with(AwParser *p, const AwToken *t, AwNodeList items, AwNodeList body);
AwNode *aw_ast_withitem(AwParser *p, AwNode *ctx, AwNode *vars);
AwNode *aw_ast_funcdef(AwParser *p, const AwToken *t, const AwToken *name, AwParams *params,
                       AwNode *returns, AwNodeList body);
AwNode *aw_ast_classdef(AwParser *p, const AwToken *t, const AwToken *name, AwCallArgs *args,
                        AwNodeList body);
AwNode *aw_ast_decorated(AwParser *p, AwNodeList decorators, AwNode *def);
AwNode *aw_ast_async(AwParser *p, const AwToken *t, AwNode *stmt);
AwNodeList aw_ast_list1(AwParser *p, AwNode *x);
AwNodeList aw_ast_list_add(AwParser *p, AwNodeList l, AwNode *x);
AwNodeList aw_ast_list_cat(AwParser *p, AwNodeList l, AwNodeList r);
// The CPython name of [node]'s kind in messages ("function call", "literal").
const char *aw_ast_expr_name(const AwNode *node);
// Could [n] be CPython's "a" in "a = b" used as a comparison (a bitwise-or
// expression other than a tuple, list, genexp, True, False or None)?
bool aw_ast_here_eligible(const AwNode *n);
// [n]'s own span, without the parentheses it may be written in.
void aw_ast_own_span(const AwParser *p, const AwNode *n, int *line, int *col, int *end_line, int *end_col);
// Gives parenthesized expressions back their own spans (end of a parse).
void aw_ast_restore_parens(AwParser *p);
// Checks the finished tree's depth (iteratively); false + RecursionError.
bool aw_ast_check_depth(AwParser *p, AwNode *root);

#endif

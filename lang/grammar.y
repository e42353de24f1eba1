// lang/grammar.y -- the LALR(1) grammar of aw (a subset of Python 3.11),
// for lemon. Actions are one-liners calling the constructors in ast.c; all
// checking and error wording lives there and in parser.c.
// built by: lemon -q -dbuild/gen lang/grammar.y (see Makefile)

%include {
// The canonical source is lang/grammar.y; the generated build/gen/grammar.c
// is never edited.
#include <stdlib.h>
#include <string.h>
#include "lang/lexer.h"

#define YYNOERRORRECOVERY 1
#define YYPARSEFREENEVERNULL 1

struct yyParser;
static void grammar_syntax_error(struct yyParser *yyp, AwParser *p, int major, const AwToken *tok);
static const AwNodeList no_list = {0};
}

%name aw_grammar
%token_prefix TK_
%token_type {AwToken}
%default_type {AwNode *}
%extra_context {AwParser *p}
%stack_size 0
%start_symbol input

%syntax_error { grammar_syntax_error(yypParser, p, yymajor, &yyminor); }

// The tree lives in an arena, so nothing is ever destroyed; these no-op
// destructors only keep lempar.c's yy_destructor free of unused warnings.
%token_destructor { (void)p; (void)yypminor; }
%default_destructor { (void)p; (void)yypminor; }

// Token order: keep related tokens together (the lexer includes grammar.h).
%token NEWLINE INDENT DEDENT NAME NUMBER STRING ERRORTOKEN FSTRING_START WITH_LPAREN.
%token LPAREN RPAREN LSQB RSQB LBRACE RBRACE COLON COMMA SEMI DOT ELLIPSIS RARROW AT.
%token PLUS MINUS STAR SLASH DOUBLESLASH PERCENT DOUBLESTAR VBAR AMPER CIRCUMFLEX TILDE LEFTSHIFT RIGHTSHIFT.
%token LESS GREATER EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL EQUAL COLONEQUAL.
%token PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL DOUBLESLASHEQUAL PERCENTEQUAL DOUBLESTAREQUAL.
%token VBAREQUAL AMPEREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL ATEQUAL.
%token FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF DEL ELIF ELSE.
%token EXCEPT FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA NONLOCAL NOT OR PASS RAISE.
%token RETURN TRY WHILE WITH YIELD.

// ---- start -------------------------------------------------------------

input ::= file_input(B).                  { p->root = aw_ast_module(p, B); }
input ::= FSTRING_START rhs(E).           { p->root = E; }

%type file_input {AwNodeList}
file_input(A) ::= .                       { A = no_list; }
file_input(A) ::= stmt_list(B).           { A = B; }

%type stmt_list {AwNodeList}
stmt_list(A) ::= stmt(B).                 { A = B; }
stmt_list(A) ::= stmt_list(B) stmt(C).    { A = aw_ast_list_cat(p, B, C); }

%type stmt {AwNodeList}
stmt(A) ::= simple_stmt(B).               { A = B; }
stmt(A) ::= compound_stmt(B).             { A = aw_ast_list1(p, B); }

%type simple_stmt {AwNodeList}
simple_stmt(A) ::= small_stmts(B) NEWLINE.      { A = B; }
simple_stmt(A) ::= small_stmts(B) SEMI NEWLINE. { A = B; }

%type small_stmts {AwNodeList}
small_stmts(A) ::= small_stmt(B).                      { A = aw_ast_list1(p, B); }
small_stmts(A) ::= small_stmts(B) SEMI small_stmt(C).  { A = aw_ast_list_add(p, B, C); }

// ---- simple statements -------------------------------------------------

small_stmt(A) ::= testlist_star_expr(X).                        { A = aw_ast_expr_stmt(p, X); }
small_stmt(A) ::= yield_expr(X).                                { A = aw_ast_expr_stmt(p, X); }
small_stmt(A) ::= assign_targets(T) rhs(V).                     { A = aw_ast_assign(p, T, V); }
small_stmt(A) ::= testlist_star_expr(X) augassign(O) rhs(V).    { A = aw_ast_augassign(p, X, (AwBinOp)O, V); }
small_stmt(A) ::= testlist_star_expr(X) COLON test(T).          { A = aw_ast_annassign(p, X, T, NULL); }
small_stmt(A) ::= testlist_star_expr(X) COLON test(T) EQUAL rhs(V). { A = aw_ast_annassign(p, X, T, V); }
small_stmt(A) ::= DEL(T) exprlist(X).                           { A = aw_ast_delete(p, &T, X); }
small_stmt(A) ::= PASS(T).                                      { A = aw_ast_simple(p, AST_PASS, &T); }
small_stmt(A) ::= BREAK(T).                                     { A = aw_ast_simple(p, AST_BREAK, &T); }
small_stmt(A) ::= CONTINUE(T).                                  { A = aw_ast_simple(p, AST_CONTINUE, &T); }
small_stmt(A) ::= RETURN(T).                                    { A = aw_ast_return(p, &T, NULL); }
small_stmt(A) ::= RETURN(T) testlist_star_expr(X).              { A = aw_ast_return(p, &T, X); }
small_stmt(A) ::= RAISE(T).                                     { A = aw_ast_raise(p, &T, NULL, NULL); }
small_stmt(A) ::= RAISE(T) test(X).                             { A = aw_ast_raise(p, &T, X, NULL); }
small_stmt(A) ::= RAISE(T) test(X) FROM test(Y).                { A = aw_ast_raise(p, &T, X, Y); }
small_stmt(A) ::= GLOBAL(T) name_list(L).                       { A = aw_ast_names(p, AST_GLOBAL, &T, L); }
small_stmt(A) ::= NONLOCAL(T) name_list(L).                     { A = aw_ast_names(p, AST_NONLOCAL, &T, L); }
small_stmt(A) ::= ASSERT(T) test(X).                            { A = aw_ast_assert(p, &T, X, NULL); }
small_stmt(A) ::= ASSERT(T) test(X) COMMA test(Y).              { A = aw_ast_assert(p, &T, X, Y); }
small_stmt(A) ::= IMPORT(T) dotted_as_names(L).                 { A = aw_ast_import(p, &T, L); }
small_stmt(A) ::= FROM(T) dotted_name(M) IMPORT import_targets(L).        { A = aw_ast_importfrom(p, &T, 0, M, L); }
small_stmt(A) ::= FROM(T) dots(D) dotted_name(M) IMPORT import_targets(L). { A = aw_ast_importfrom(p, &T, D, M, L); }
small_stmt(A) ::= FROM(T) dots(D) IMPORT import_targets(L).               { A = aw_ast_importfrom(p, &T, D, NULL, L); }

rhs(A) ::= yield_expr(X).                 { A = X; }
rhs(A) ::= testlist_star_expr(X).         { A = X; }

%type assign_targets {AwNodeList}
assign_targets(A) ::= testlist_star_expr(X) EQUAL.          { A = aw_ast_assign_target(p, no_list, X); }
assign_targets(A) ::= assign_targets(B) rhs(X) EQUAL.       { A = aw_ast_assign_target(p, B, X); }

%type augassign {int}
augassign(A) ::= PLUSEQUAL.         { A = AW_BINOP_ADD; }
augassign(A) ::= MINEQUAL.          { A = AW_BINOP_SUB; }
augassign(A) ::= STAREQUAL.         { A = AW_BINOP_MUL; }
augassign(A) ::= ATEQUAL.           { A = AW_BINOP_MATMUL; }
augassign(A) ::= SLASHEQUAL.        { A = AW_BINOP_DIV; }
augassign(A) ::= DOUBLESLASHEQUAL.  { A = AW_BINOP_FLOORDIV; }
augassign(A) ::= PERCENTEQUAL.      { A = AW_BINOP_MOD; }
augassign(A) ::= DOUBLESTAREQUAL.   { A = AW_BINOP_POW; }
augassign(A) ::= LEFTSHIFTEQUAL.    { A = AW_BINOP_LSHIFT; }
augassign(A) ::= RIGHTSHIFTEQUAL.   { A = AW_BINOP_RSHIFT; }
augassign(A) ::= VBAREQUAL.         { A = AW_BINOP_BITOR; }
augassign(A) ::= CIRCUMFLEXEQUAL.   { A = AW_BINOP_BITXOR; }
augassign(A) ::= AMPEREQUAL.        { A = AW_BINOP_BITAND; }

%type name_list {AwNodeList}
name_list(A) ::= NAME(N).                         { A = aw_ast_list1(p, aw_ast_name(p, &N)); }
name_list(A) ::= name_list(B) COMMA NAME(N).      { A = aw_ast_list_add(p, B, aw_ast_name(p, &N)); }

dotted_name(A) ::= NAME(N).                       { A = aw_ast_dotted(p, NULL, &N); }
dotted_name(A) ::= dotted_name(B) DOT NAME(N).    { A = aw_ast_dotted(p, B, &N); }

%type dots {int}
dots(A) ::= DOT.                  { A = 1; }
dots(A) ::= ELLIPSIS.             { A = 3; }
dots(A) ::= dots(B) DOT.          { A = B + 1; }
dots(A) ::= dots(B) ELLIPSIS.     { A = B + 3; }

%type dotted_as_names {AwNodeList}
dotted_as_names(A) ::= dotted_as_name(X).                           { A = aw_ast_list1(p, X); }
dotted_as_names(A) ::= dotted_as_names(B) COMMA dotted_as_name(X).  { A = aw_ast_list_add(p, B, X); }
dotted_as_name(A) ::= dotted_name(X).                 { A = aw_ast_alias(p, X, NULL); }
dotted_as_name(A) ::= dotted_name(X) AS NAME(N).      { A = aw_ast_alias(p, X, &N); }

%type import_targets {AwNodeList}
import_targets(A) ::= STAR(T).                                  { A = aw_ast_list1(p, aw_ast_alias(p, aw_ast_dotted(p, NULL, &T), NULL)); }
import_targets(A) ::= LPAREN import_as_names(L) RPAREN.         { A = L; }
import_targets(A) ::= LPAREN import_as_names(L) COMMA RPAREN.   { A = L; }
import_targets(A) ::= import_as_names(L).                       { A = L; }
import_targets(A) ::= import_as_names(L) COMMA(T).              { A = L; aw_parser_error(p, AW_DIAG_SYNTAX, T.line, T.end_col, T.end_col, "trailing comma not allowed without surrounding parentheses"); }

%type import_as_names {AwNodeList}
import_as_names(A) ::= import_as_name(X).                           { A = aw_ast_list1(p, X); }
import_as_names(A) ::= import_as_names(B) COMMA import_as_name(X).  { A = aw_ast_list_add(p, B, X); }
import_as_name(A) ::= NAME(N).                    { A = aw_ast_alias(p, aw_ast_dotted(p, NULL, &N), NULL); }
import_as_name(A) ::= NAME(N) AS NAME(M).         { A = aw_ast_alias(p, aw_ast_dotted(p, NULL, &N), &M); }

// ---- compound statements -----------------------------------------------

compound_stmt(A) ::= if_stmt(X).          { A = X; }
compound_stmt(A) ::= while_stmt(X).       { A = X; }
compound_stmt(A) ::= for_stmt(X).         { A = X; }
compound_stmt(A) ::= try_stmt(X).         { A = X; }
compound_stmt(A) ::= with_stmt(X).        { A = X; }
compound_stmt(A) ::= funcdef(X).          { A = X; }
compound_stmt(A) ::= classdef(X).         { A = X; }
compound_stmt(A) ::= decorators(D) funcdef(X).          { A = aw_ast_decorated(p, D, X); }
compound_stmt(A) ::= decorators(D) classdef(X).         { A = aw_ast_decorated(p, D, X); }
compound_stmt(A) ::= decorators(D) ASYNC(T) funcdef(X). { A = aw_ast_decorated(p, D, aw_ast_async(p, &T, X)); }
compound_stmt(A) ::= ASYNC(T) funcdef(X).               { A = aw_ast_async(p, &T, X); }
compound_stmt(A) ::= ASYNC(T) for_stmt(X).              { A = aw_ast_async(p, &T, X); }
compound_stmt(A) ::= ASYNC(T) with_stmt(X).             { A = aw_ast_async(p, &T, X); }

%type suite {AwNodeList}
suite(A) ::= simple_stmt(B).                      { A = B; }
suite(A) ::= NEWLINE INDENT stmt_list(B) DEDENT.  { A = B; }

if_stmt(A) ::= IF(T) namedexpr_test(X) COLON suite(B) elif_tail(E).   { A = aw_ast_if(p, &T, X, B, E); }
%type elif_tail {AwNodeList}
elif_tail(A) ::= .                                                     { A = no_list; }
elif_tail(A) ::= ELSE COLON suite(B).                                  { A = B; }
elif_tail(A) ::= ELIF(T) namedexpr_test(X) COLON suite(B) elif_tail(E). { A = aw_ast_list1(p, aw_ast_if(p, &T, X, B, E)); }

%type else_opt {AwNodeList}
else_opt(A) ::= .                         { A = no_list; }
else_opt(A) ::= ELSE COLON suite(B).      { A = B; }

while_stmt(A) ::= WHILE(T) namedexpr_test(X) COLON suite(B) else_opt(E).  { A = aw_ast_while(p, &T, X, B, E); }
for_stmt(A) ::= FOR(T) exprlist(X) IN testlist_star_expr(I) COLON suite(B) else_opt(E). { A = aw_ast_for(p, &T, X, I, B, E); }

try_stmt(A) ::= TRY(T) COLON suite(B) handlers(H) else_opt(E) finally_opt(F). { A = aw_ast_try(p, &T, B, H, E, F); }
try_stmt(A) ::= TRY(T) COLON suite(B) FINALLY COLON suite(F).                  { AwHandlers none = {{0}, 0, 0}; A = aw_ast_try(p, &T, B, none, no_list, F); }
%type finally_opt {AwNodeList}
finally_opt(A) ::= .                          { A = no_list; }
finally_opt(A) ::= FINALLY COLON suite(B).    { A = B; }
%type handlers {AwHandlers}
handlers(A) ::= handler(X).               { AwHandlers none = {{0}, 0, 0}; A = aw_ast_handlers_add(p, none, X); }
handlers(A) ::= handlers(B) handler(X).   { A = aw_ast_handlers_add(p, B, X); }
%type handler {AwHandler}
handler(A) ::= EXCEPT(T) COLON suite(B).                                 { A = aw_ast_handler(p, &T, false, NULL, NULL, B); }
handler(A) ::= EXCEPT(T) test(X) COLON suite(B).                         { A = aw_ast_handler(p, &T, false, X, NULL, B); }
handler(A) ::= EXCEPT(T) test(X) AS NAME(N) COLON suite(B).              { A = aw_ast_handler(p, &T, false, X, &N, B); }
handler(A) ::= EXCEPT(T) STAR test(X) COLON suite(B).                    { A = aw_ast_handler(p, &T, true, X, NULL, B); }
handler(A) ::= EXCEPT(T) STAR test(X) AS NAME(N) COLON suite(B).         { A = aw_ast_handler(p, &T, true, X, &N, B); }
handler(A) ::= EXCEPT test(X) COMMA.      { A.node = aw_parser_error_at(p, X, "multiple exception types must be parenthesized"); A.star = false; }
handler(A) ::= EXCEPT STAR test(X) COMMA. { A.node = aw_parser_error_at(p, X, "multiple exception types must be parenthesized"); A.star = true; }

with_stmt(A) ::= WITH(T) with_items(L) COLON suite(B).                          { A = aw_ast_with(p, &T, L, B); }
with_stmt(A) ::= WITH(T) WITH_LPAREN with_items(L) RPAREN COLON suite(B).        { A = aw_ast_with(p, &T, L, B); }
with_stmt(A) ::= WITH(T) WITH_LPAREN with_items(L) COMMA RPAREN COLON suite(B).  { A = aw_ast_with(p, &T, L, B); }
%type with_items {AwNodeList}
with_items(A) ::= with_item(X).                         { A = aw_ast_list1(p, X); }
with_items(A) ::= with_items(B) COMMA with_item(X).     { A = aw_ast_list_add(p, B, X); }
with_item(A) ::= test(X).                 { A = aw_ast_withitem(p, X, NULL); }
with_item(A) ::= test(X) AS expr(Y).      { A = aw_ast_withitem(p, X, Y); }

funcdef(A) ::= DEF(T) NAME(N) LPAREN params(P) RPAREN COLON suite(B).                 { A = aw_ast_funcdef(p, &T, &N, P, NULL, B); }
funcdef(A) ::= DEF(T) NAME(N) LPAREN params(P) RPAREN RARROW test(R) COLON suite(B).  { A = aw_ast_funcdef(p, &T, &N, P, R, B); }

classdef(A) ::= CLASS(T) NAME(N) COLON suite(B).                                 { A = aw_ast_classdef(p, &T, &N, NULL, B); }
classdef(A) ::= CLASS(T) NAME(N) LPAREN RPAREN COLON suite(B).                   { A = aw_ast_classdef(p, &T, &N, NULL, B); }
classdef(A) ::= CLASS(T) NAME(N) LPAREN arglist(X) RPAREN COLON suite(B).        { A = aw_ast_classdef(p, &T, &N, X, B); }
classdef(A) ::= CLASS(T) NAME(N) LPAREN arglist(X) COMMA RPAREN COLON suite(B).  { A = aw_ast_classdef(p, &T, &N, aw_ast_callargs_comma(p, X), B); }

%type decorators {AwNodeList}
decorators(A) ::= decorator(X).               { A = aw_ast_list1(p, X); }
decorators(A) ::= decorators(B) decorator(X). { A = aw_ast_list_add(p, B, X); }
decorator(A) ::= AT namedexpr_test(X) NEWLINE. { A = X; }

// ---- parameters --------------------------------------------------------

%type params {AwParams *}
params(A) ::= .                           { A = aw_ast_params_new(p); }
params(A) ::= param_list(B).              { A = B; }
params(A) ::= param_list(B) COMMA.        { A = B; }
%type param_list {AwParams *}
param_list(A) ::= param(X).                       { A = aw_ast_params_item(p, aw_ast_params_new(p), X); }
param_list(A) ::= param_list(B) COMMA param(X).   { A = aw_ast_params_item(p, B, X); }
%type param {AwParamItem *}
param(A) ::= tfpdef(X).                   { A = aw_ast_param(p, AW_PARAM_PLAIN, NULL, X, NULL); }
param(A) ::= tfpdef(X) EQUAL test(D).     { A = aw_ast_param(p, AW_PARAM_PLAIN, NULL, X, D); }
param(A) ::= STAR(T).                     { A = aw_ast_param(p, AW_PARAM_STAR, &T, NULL, NULL); }
param(A) ::= STAR(T) tfpdef(X).           { A = aw_ast_param(p, AW_PARAM_STAR, &T, X, NULL); }
param(A) ::= STAR(T) tfpdef(X) EQUAL test(D).       { A = aw_ast_param(p, AW_PARAM_STAR, &T, X, D); }
param(A) ::= DOUBLESTAR(T) tfpdef(X).               { A = aw_ast_param(p, AW_PARAM_KWARG, &T, X, NULL); }
param(A) ::= DOUBLESTAR(T) tfpdef(X) EQUAL test(D). { A = aw_ast_param(p, AW_PARAM_KWARG, &T, X, D); }
param(A) ::= SLASH(T).                    { A = aw_ast_param(p, AW_PARAM_SLASH, &T, NULL, NULL); }
tfpdef(A) ::= NAME(N).                    { A = aw_ast_arg(p, &N, NULL); }
tfpdef(A) ::= NAME(N) COLON test(T).      { A = aw_ast_arg(p, &N, T); }

%type lparams {AwParams *}
lparams(A) ::= lparam_list(B).            { A = B; }
lparams(A) ::= lparam_list(B) COMMA.      { A = B; }
%type lparam_list {AwParams *}
lparam_list(A) ::= lparam(X).                       { A = aw_ast_params_item(p, aw_ast_params_new(p), X); }
lparam_list(A) ::= lparam_list(B) COMMA lparam(X).  { A = aw_ast_params_item(p, B, X); }
%type lparam {AwParamItem *}
lparam(A) ::= vfpdef(X).                  { A = aw_ast_param(p, AW_PARAM_PLAIN, NULL, X, NULL); }
lparam(A) ::= vfpdef(X) EQUAL test(D).    { A = aw_ast_param(p, AW_PARAM_PLAIN, NULL, X, D); }
lparam(A) ::= STAR(T).                    { A = aw_ast_param(p, AW_PARAM_STAR, &T, NULL, NULL); }
lparam(A) ::= STAR(T) vfpdef(X).          { A = aw_ast_param(p, AW_PARAM_STAR, &T, X, NULL); }
lparam(A) ::= STAR(T) vfpdef(X) EQUAL test(D).       { A = aw_ast_param(p, AW_PARAM_STAR, &T, X, D); }
lparam(A) ::= DOUBLESTAR(T) vfpdef(X).               { A = aw_ast_param(p, AW_PARAM_KWARG, &T, X, NULL); }
lparam(A) ::= DOUBLESTAR(T) vfpdef(X) EQUAL test(D). { A = aw_ast_param(p, AW_PARAM_KWARG, &T, X, D); }
lparam(A) ::= SLASH(T).                   { A = aw_ast_param(p, AW_PARAM_SLASH, &T, NULL, NULL); }
vfpdef(A) ::= NAME(N).                    { A = aw_ast_arg(p, &N, NULL); }

// ---- expressions -------------------------------------------------------

%type testlist_star_expr {AwNode *}
testlist_star_expr(A) ::= tse_elem(X).                  { A = X; }
testlist_star_expr(A) ::= tse_list(L).                  { A = L; }
testlist_star_expr(A) ::= tse_list(L) tse_elem(X).      { A = aw_ast_seq_push(p, L, X); }
tse_list(A) ::= tse_elem(X) COMMA.                      { A = aw_ast_tuple_start(p, X); }
tse_list(A) ::= tse_list(L) tse_elem(X) COMMA.          { A = aw_ast_seq_push(p, L, X); }
tse_elem(A) ::= test(X).                  { A = X; }
tse_elem(A) ::= star_expr(X).             { A = X; }

exprlist(A) ::= el_elem(X).               { A = X; }
exprlist(A) ::= el_list(L).               { A = L; }
exprlist(A) ::= el_list(L) el_elem(X).    { A = aw_ast_seq_push(p, L, X); }
el_list(A) ::= el_elem(X) COMMA.          { A = aw_ast_tuple_start(p, X); }
el_list(A) ::= el_list(L) el_elem(X) COMMA. { A = aw_ast_seq_push(p, L, X); }
el_elem(A) ::= expr(X).                   { A = X; }
el_elem(A) ::= star_expr(X).              { A = X; }

star_expr(A) ::= STAR(T) expr(X).         { A = aw_ast_starred(p, &T, X); }

yield_expr(A) ::= YIELD(T).                           { A = aw_ast_yield(p, &T, NULL, false); }
yield_expr(A) ::= YIELD(T) testlist_star_expr(X).     { A = aw_ast_yield(p, &T, X, false); }
yield_expr(A) ::= YIELD(T) FROM test(X).              { A = aw_ast_yield(p, &T, X, true); }

namedexpr_test(A) ::= test(X).                        { A = X; }
namedexpr_test(A) ::= test(X) COLONEQUAL test(Y).     { A = aw_ast_namedexpr(p, X, Y); }

test(A) ::= or_test(X).                               { A = X; }
test(A) ::= or_test(X) IF or_test(C) ELSE test(Y).    { A = aw_ast_ifexp(p, X, C, Y); }
test(A) ::= LAMBDA(T) COLON test(X).                  { A = aw_ast_lambda(p, &T, NULL, X); }
test(A) ::= LAMBDA(T) lparams(P) COLON test(X).       { A = aw_ast_lambda(p, &T, P, X); }

or_test(A) ::= and_test(X).               { A = X; }
or_test(A) ::= or_chain(X).               { A = X; }
or_chain(A) ::= and_test(X) OR and_test(Y).   { A = aw_ast_boolop(p, X, AW_BOOL_OR, Y, false); }
or_chain(A) ::= or_chain(X) OR and_test(Y).   { A = aw_ast_boolop(p, X, AW_BOOL_OR, Y, true); }
and_test(A) ::= not_test(X).              { A = X; }
and_test(A) ::= and_chain(X).             { A = X; }
and_chain(A) ::= not_test(X) AND not_test(Y).  { A = aw_ast_boolop(p, X, AW_BOOL_AND, Y, false); }
and_chain(A) ::= and_chain(X) AND not_test(Y). { A = aw_ast_boolop(p, X, AW_BOOL_AND, Y, true); }
not_test(A) ::= NOT(T) not_test(X).       { A = aw_ast_unary(p, &T, AW_UNARY_NOT, X); }
not_test(A) ::= comparison(X).            { A = X; }
comparison(A) ::= expr(X).                { A = X; }
comparison(A) ::= comp_chain(X).          { A = X; }
comp_chain(A) ::= expr(X) comp_op(O) expr(Y).        { A = aw_ast_compare(p, X, (AwCmpKind)O, Y, false); }
comp_chain(A) ::= comp_chain(X) comp_op(O) expr(Y).  { A = aw_ast_compare(p, X, (AwCmpKind)O, Y, true); }

%type comp_op {int}
comp_op(A) ::= LESS.          { A = AW_CMP_LT; }
comp_op(A) ::= LESSEQUAL.     { A = AW_CMP_LE; }
comp_op(A) ::= EQEQUAL.       { A = AW_CMP_EQ; }
comp_op(A) ::= NOTEQUAL.      { A = AW_CMP_NE; }
comp_op(A) ::= GREATER.       { A = AW_CMP_GT; }
comp_op(A) ::= GREATEREQUAL.  { A = AW_CMP_GE; }
comp_op(A) ::= IS.            { A = AW_CMP_IS; }
comp_op(A) ::= IS NOT.        { A = AW_CMP_IS_NOT; }
comp_op(A) ::= IN.            { A = AW_CMP_IN; }
comp_op(A) ::= NOT IN.        { A = AW_CMP_NOT_IN; }

expr(A) ::= xor_expr(X).                          { A = X; }
expr(A) ::= expr(X) VBAR xor_expr(Y).             { A = aw_ast_binop(p, X, AW_BINOP_BITOR, Y); }
xor_expr(A) ::= and_expr(X).                      { A = X; }
xor_expr(A) ::= xor_expr(X) CIRCUMFLEX and_expr(Y). { A = aw_ast_binop(p, X, AW_BINOP_BITXOR, Y); }
and_expr(A) ::= shift_expr(X).                    { A = X; }
and_expr(A) ::= and_expr(X) AMPER shift_expr(Y).  { A = aw_ast_binop(p, X, AW_BINOP_BITAND, Y); }
shift_expr(A) ::= arith_expr(X).                          { A = X; }
shift_expr(A) ::= shift_expr(X) LEFTSHIFT arith_expr(Y).  { A = aw_ast_binop(p, X, AW_BINOP_LSHIFT, Y); }
shift_expr(A) ::= shift_expr(X) RIGHTSHIFT arith_expr(Y). { A = aw_ast_binop(p, X, AW_BINOP_RSHIFT, Y); }
arith_expr(A) ::= term(X).                        { A = X; }
arith_expr(A) ::= arith_expr(X) PLUS term(Y).     { A = aw_ast_binop(p, X, AW_BINOP_ADD, Y); }
arith_expr(A) ::= arith_expr(X) MINUS term(Y).    { A = aw_ast_binop(p, X, AW_BINOP_SUB, Y); }
term(A) ::= factor(X).                            { A = X; }
term(A) ::= term(X) STAR factor(Y).               { A = aw_ast_binop(p, X, AW_BINOP_MUL, Y); }
term(A) ::= term(X) AT factor(Y).                 { A = aw_ast_binop(p, X, AW_BINOP_MATMUL, Y); }
term(A) ::= term(X) SLASH factor(Y).              { A = aw_ast_binop(p, X, AW_BINOP_DIV, Y); }
term(A) ::= term(X) DOUBLESLASH factor(Y).        { A = aw_ast_binop(p, X, AW_BINOP_FLOORDIV, Y); }
term(A) ::= term(X) PERCENT factor(Y).            { A = aw_ast_binop(p, X, AW_BINOP_MOD, Y); }
factor(A) ::= PLUS(T) factor(X).                  { A = aw_ast_unary(p, &T, AW_UNARY_POS, X); }
factor(A) ::= MINUS(T) factor(X).                 { A = aw_ast_unary(p, &T, AW_UNARY_NEG, X); }
factor(A) ::= TILDE(T) factor(X).                 { A = aw_ast_unary(p, &T, AW_UNARY_INVERT, X); }
factor(A) ::= power(X).                           { A = X; }
power(A) ::= await_primary(X).                    { A = X; }
power(A) ::= await_primary(X) DOUBLESTAR factor(Y). { A = aw_ast_binop(p, X, AW_BINOP_POW, Y); }
await_primary(A) ::= primary(X).                  { A = X; }
await_primary(A) ::= AWAIT(T) primary(X).         { A = aw_ast_await(p, &T, X); }

primary(A) ::= atom(X).                                   { A = X; }
primary(A) ::= primary(X) DOT NAME(N).                    { A = aw_ast_attribute(p, X, &N); }
primary(A) ::= primary(X) LPAREN(O) RPAREN(C).               { A = aw_ast_call(p, X, &O, NULL, &C); }
primary(A) ::= primary(X) LPAREN(O) arglist(L) RPAREN(C).    { A = aw_ast_call(p, X, &O, L, &C); }
primary(A) ::= primary(X) LPAREN(O) arglist(L) COMMA RPAREN(C). { A = aw_ast_call(p, X, &O, aw_ast_callargs_comma(p, L), &C); }
primary(A) ::= primary(X) LSQB subscripts(S) RSQB(C).     { A = aw_ast_subscript(p, X, S, &C); }

%type arglist {AwCallArgs *}
arglist(A) ::= argument(X).                   { A = aw_ast_callargs(p, NULL, X); }
arglist(A) ::= arglist(L) COMMA argument(X).  { A = aw_ast_callargs(p, L, X); }
argument(A) ::= test(X).                      { A = X; }
argument(A) ::= test(X) COLONEQUAL test(Y).   { A = aw_ast_namedexpr(p, X, Y); }
argument(A) ::= test(X) EQUAL test(Y).        { A = aw_ast_keyword(p, X, Y); }
argument(A) ::= STAR(T) test(X).              { A = aw_ast_starred(p, &T, X); }
argument(A) ::= DOUBLESTAR(T) test(X).        { A = aw_ast_kwunpack(p, &T, X); }
argument(A) ::= test(X) comp_for_list(G).     { A = aw_ast_comp(p, AST_GENEXP, NULL, X, NULL, G, NULL); }

subscripts(A) ::= subscript(X).               { A = X; }
subscripts(A) ::= sub_list(L).                { A = L; }
subscripts(A) ::= sub_list(L) subscript(X).   { A = aw_ast_seq_push(p, L, X); }
sub_list(A) ::= subscript(X) COMMA.           { A = aw_ast_tuple_start(p, X); }
sub_list(A) ::= sub_list(L) subscript(X) COMMA. { A = aw_ast_seq_push(p, L, X); }
subscript(A) ::= namedexpr_test(X).           { A = X; }
subscript(A) ::= star_expr(X).                { A = X; }
subscript(A) ::= opt_test(L) COLON(T) opt_test(H).                    { A = aw_ast_slice(p, &T, L, H, NULL); }
subscript(A) ::= opt_test(L) COLON(T) opt_test(H) COLON opt_test(S).  { A = aw_ast_slice(p, &T, L, H, S); }
opt_test(A) ::= .                             { A = NULL; }
opt_test(A) ::= test(X).                      { A = X; }

atom(A) ::= NAME(T).                  { A = aw_ast_name(p, &T); }
atom(A) ::= NUMBER(T).                { A = T.node; p->last_node = A; }
atom(A) ::= STRING(T).                { A = T.node; p->last_node = A; }
atom(A) ::= NONE(T).                  { A = aw_ast_const_tok(p, &T, AW_CONST_NONE); }
atom(A) ::= TRUE(T).                  { A = aw_ast_const_tok(p, &T, AW_CONST_TRUE); }
atom(A) ::= FALSE(T).                 { A = aw_ast_const_tok(p, &T, AW_CONST_FALSE); }
atom(A) ::= ELLIPSIS(T).              { A = aw_ast_const_tok(p, &T, AW_CONST_ELLIPSIS); }

atom(A) ::= LPAREN(O) RPAREN(C).                                  { A = aw_ast_seq(p, AST_TUPLE, &O, NULL, &C); }
atom(A) ::= LPAREN(O) yield_expr(X) RPAREN(C).                    { A = aw_ast_paren(p, &O, X, &C); }
atom(A) ::= LPAREN(O) tlc_elem(X) RPAREN(C).                      { A = aw_ast_paren(p, &O, X, &C); }
atom(A) ::= LPAREN(O) tlc_list(L) RPAREN(C).                      { A = aw_ast_seq(p, AST_TUPLE, &O, L, &C); }
atom(A) ::= LPAREN(O) tlc_list(L) tlc_elem(X) RPAREN(C).          { A = aw_ast_seq(p, AST_TUPLE, &O, aw_ast_seq_push(p, L, X), &C); }
atom(A) ::= LPAREN(O) tlc_elem(X) comp_for_list(G) RPAREN(C).     { A = aw_ast_comp(p, AST_GENEXP, &O, X, NULL, G, &C); }
atom(A) ::= LSQB(O) RSQB(C).                                      { A = aw_ast_seq(p, AST_LIST, &O, NULL, &C); }
atom(A) ::= LSQB(O) tlc_elem(X) RSQB(C).                          { A = aw_ast_seq(p, AST_LIST, &O, aw_ast_tuple_start(p, X), &C); }
atom(A) ::= LSQB(O) tlc_list(L) RSQB(C).                          { A = aw_ast_seq(p, AST_LIST, &O, L, &C); }
atom(A) ::= LSQB(O) tlc_list(L) tlc_elem(X) RSQB(C).              { A = aw_ast_seq(p, AST_LIST, &O, aw_ast_seq_push(p, L, X), &C); }
atom(A) ::= LSQB(O) tlc_elem(X) comp_for_list(G) RSQB(C).         { A = aw_ast_comp(p, AST_LISTCOMP, &O, X, NULL, G, &C); }
atom(A) ::= LBRACE(O) RBRACE(C).                                  { A = aw_ast_dict_done(p, &O, NULL, &C); }
atom(A) ::= LBRACE(O) tlc_elem(X) RBRACE(C).                      { A = aw_ast_seq(p, AST_SET, &O, aw_ast_tuple_start(p, X), &C); }
atom(A) ::= LBRACE(O) tlc_list(L) RBRACE(C).                      { A = aw_ast_seq(p, AST_SET, &O, L, &C); }
atom(A) ::= LBRACE(O) tlc_list(L) tlc_elem(X) RBRACE(C).          { A = aw_ast_seq(p, AST_SET, &O, aw_ast_seq_push(p, L, X), &C); }
atom(A) ::= LBRACE(O) tlc_elem(X) comp_for_list(G) RBRACE(C).     { A = aw_ast_comp(p, AST_SETCOMP, &O, X, NULL, G, &C); }
atom(A) ::= LBRACE(O) dict_items(D) RBRACE(C).                    { A = aw_ast_dict_done(p, &O, D, &C); }
atom(A) ::= LBRACE(O) test(K) COLON test(V) comp_for_list(G) RBRACE(C).  { A = aw_ast_comp(p, AST_DICTCOMP, &O, K, V, G, &C); }
atom(A) ::= LBRACE DOUBLESTAR(T) expr comp_for_list RBRACE.       { A = aw_parser_error(p, AW_DIAG_SYNTAX, T.line, T.col, T.end_col, "dict unpacking cannot be used in dict comprehension"); }

tlc_list(A) ::= tlc_elem(X) COMMA.                { A = aw_ast_tuple_start(p, X); }
tlc_list(A) ::= tlc_list(L) tlc_elem(X) COMMA.    { A = aw_ast_seq_push(p, L, X); }
tlc_elem(A) ::= namedexpr_test(X).                { A = X; }
tlc_elem(A) ::= star_expr(X).                     { A = X; }

dict_items(A) ::= dict_list(D).                           { A = D; }
dict_items(A) ::= dict_list(D) test(K) COLON test(V).     { A = aw_ast_dict_push(p, D, K, V); }
dict_items(A) ::= dict_list(D) DOUBLESTAR expr(V).        { A = aw_ast_dict_push(p, D, NULL, V); }
dict_items(A) ::= test(K) COLON test(V).                  { A = aw_ast_dict_push(p, NULL, K, V); }
dict_items(A) ::= DOUBLESTAR expr(V).                     { A = aw_ast_dict_push(p, NULL, NULL, V); }
dict_list(A) ::= test(K) COLON test(V) COMMA.             { A = aw_ast_dict_push(p, NULL, K, V); }
dict_list(A) ::= DOUBLESTAR expr(V) COMMA.                { A = aw_ast_dict_push(p, NULL, NULL, V); }
dict_list(A) ::= dict_list(D) test(K) COLON test(V) COMMA. { A = aw_ast_dict_push(p, D, K, V); }
dict_list(A) ::= dict_list(D) DOUBLESTAR expr(V) COMMA.   { A = aw_ast_dict_push(p, D, NULL, V); }

%type comp_for_list {AwNodeList}
comp_for_list(A) ::= comp_for(X).                         { A = aw_ast_list1(p, X); }
comp_for_list(A) ::= comp_for_list(B) comp_for(X).        { A = aw_ast_list_add(p, B, X); }
comp_for_list(A) ::= comp_for_list(B) IF or_test(C).      { A = aw_ast_gens_if(p, B, C); }
comp_for(A) ::= FOR(T) exprlist(X) IN or_test(I).         { A = aw_ast_comprehension(p, &T, X, I, false); }
comp_for(A) ::= ASYNC(T) FOR exprlist(X) IN or_test(I).   { A = aw_ast_comprehension(p, &T, X, I, true); }

%code {
// ---- syntax errors -------------------------------------------------------

// Would the parser in its current state eventually shift [tok]? Simulates
// the reductions on a scratch copy of the top of the state stack.
static bool grammar_accepts(yyParser *yyp, int tok) {
  enum { OVER = 64 };
  YYACTIONTYPE over[OVER];
  int nover = 0;
  yyStackEntry *base = yyp->yytos;  // real entries [yystack, base] are live
  YYACTIONTYPE act = base->stateno;
  for (int guard = 0; guard < 10000; guard++) {
    act = yy_find_shift_action((YYCODETYPE)tok, act);
    if (act >= YY_MIN_REDUCE && act <= YY_MAX_REDUCE) {
      unsigned rule = act - YY_MIN_REDUCE;
      int n = -yyRuleInfoNRhs[rule];
      while (n > 0 && nover > 0) { nover--; n--; }
      base -= n;
      if (base < yyp->yystack) return false;
      YYACTIONTYPE below = nover > 0 ? over[nover - 1] : base->stateno;
      act = yy_find_reduce_action(below, (YYCODETYPE)yyRuleInfoLhs[rule]);
      if (nover >= OVER) return false;
      over[nover++] = act;
    } else if (act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION) {
      return true;
    } else {
      return false;
    }
  }
  return false;
}

static void grammar_syntax_error(struct yyParser *yyp, AwParser *p, int major, const AwToken *tok) {
  unsigned accepts = 0;
  static const int probe[] = {TK_INDENT, TK_COLON, TK_ELSE, TK_ELIF, TK_EXCEPT, TK_FINALLY, TK_COMMA};
  for (unsigned i = 0; i < sizeof probe / sizeof probe[0]; i++) {
    if (grammar_accepts(yyp, probe[i])) accepts |= 1u << i;
  }
  aw_parser_syntax_error(p, major, tok, accepts);
}

// The size of a parser engine, so parser.c can allocate it in the arena.
size_t aw_grammar_size(void) { return sizeof(yyParser); }
// The current depth of the engine's stack.
int aw_grammar_depth(void *engine) {
  yyParser *yyp = engine;
  return (int)(yyp->yytos - yyp->yystack);
}
}

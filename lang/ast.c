// lang/ast.c -- the AST arena, the node constructors that grammar.y's
// actions call (with the target, parameter and argument checks CPython's
// parser makes), aw_ast_dump and the tree depth check. String literals and
// f-strings are assembled in parser.c.
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "grammar.h"
#include "lang/ast.h"
#include "lang/lexer.h"

const char *const aw_ast_kind_names[AST__COUNT] = {
#define AW_AST_NAME(kind) #kind,
  AW_AST_NODES(AW_AST_NAME)
#undef AW_AST_NAME
};

// ---- the arena ------------------------------------------------------------

// Chunks are bump-allocated. Nodes are allocated with only the bytes their
// kind's union member needs, so every chunk keeps ARENA_SLACK spare bytes
// at its end: reading a whole AwNode by value never leaves the chunk.
struct AwArenaChunk {
  AwArenaChunk *next;
  size_t size;  // usable bytes after the header
  size_t used;
};

// Everything in the arena (nodes, lists, strings, int64/double constants)
// needs at most pointer/double alignment.
#define ARENA_ALIGN ((size_t)8)
_Static_assert(_Alignof(AwNode) <= 8 && _Alignof(double) <= 8 && _Alignof(int64_t) <= 8, "arena alignment");
#define ARENA_HDR ((sizeof(AwArenaChunk) + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1))
#define ARENA_MIN_CHUNK ((size_t)64 * 1024)
#define ARENA_MAX_CHUNK ((size_t)1024 * 1024)
#define ARENA_SLACK (sizeof(AwNode))

static size_t align_up(size_t n) { return (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1); }
static char *chunk_data(AwArenaChunk *c) { return (char *)c + ARENA_HDR; }

void aw_arena_init(AwArena *arena, AwArenaReallocFn realloc_fn, void *ud) {
  arena->chunks = NULL;
  arena->realloc_fn = realloc_fn;
  arena->ud = ud;
  arena->failed = false;
}

void aw_arena_free(AwArena *arena) {
  AwArenaChunk *c = arena->chunks;
  while (c) {
    AwArenaChunk *next = c->next;
    arena->realloc_fn(arena->ud, c, ARENA_HDR + c->size, 0);
    c = next;
  }
  arena->chunks = NULL;
}

static void *arena_alloc_raw(AwArena *arena, size_t size) {
  if (arena->failed) return NULL;
  size = align_up(size ? size : 1);
  AwArenaChunk *c = arena->chunks;
  if (c && c->size - c->used >= size + ARENA_SLACK) {
    void *mem = chunk_data(c) + c->used;
    c->used += size;
    return mem;
  }
  size_t want = c ? c->size * 2 : ARENA_MIN_CHUNK;
  if (want > ARENA_MAX_CHUNK) want = ARENA_MAX_CHUNK;
  bool oneoff = size + ARENA_SLACK > want / 4;
  if (oneoff) want = size + ARENA_SLACK;
  AwArenaChunk *n = arena->realloc_fn(arena->ud, NULL, 0, ARENA_HDR + want);
  if (!n) {
    arena->failed = true;
    return NULL;
  }
  n->size = want;
  n->used = size;
  if (oneoff && c) {
    // A big block gets its own chunk behind the current one, which keeps
    // serving small allocations.
    n->next = c->next;
    c->next = n;
  } else {
    n->next = c;
    arena->chunks = n;
  }
  return chunk_data(n);
}

void *aw_arena_alloc(AwArena *arena, size_t size) {
  void *mem = arena_alloc_raw(arena, size);
  if (mem) memset(mem, 0, align_up(size ? size : 1));
  return mem;
}

char *aw_arena_strdup(AwArena *arena, const char *s, size_t len) {
  char *d = arena_alloc_raw(arena, len + 1);
  if (!d) return NULL;
  if (len) memcpy(d, s, len);
  d[len] = 0;
  return d;
}

// Grows the most recent allocation [ptr] of [old] bytes to [size] in place
// if it is the last block of the current chunk and there is room.
static bool arena_grow_last(AwArena *arena, void *ptr, size_t old, size_t size) {
  AwArenaChunk *c = arena->chunks;
  if (!c || !ptr) return false;
  old = align_up(old);
  size = align_up(size);
  if ((char *)ptr + old != chunk_data(c) + c->used) return false;
  if (c->size - c->used < size - old + ARENA_SLACK) return false;
  c->used += size - old;
  return true;
}

#define MEMBER_SIZE(m) (offsetof(AwNode, u) + sizeof(((AwNode *)0)->u.m))

static size_t node_size(AwNodeKind kind) {
  switch (kind) {
    case AST_MODULE: return MEMBER_SIZE(module);
    case AST_EXPR_STMT: return MEMBER_SIZE(expr_stmt);
    case AST_ASSIGN: return MEMBER_SIZE(assign);
    case AST_AUGASSIGN: return MEMBER_SIZE(augassign);
    case AST_ANNASSIGN: return MEMBER_SIZE(annassign);
    case AST_PASS: case AST_BREAK: case AST_CONTINUE: return offsetof(AwNode, u);
    case AST_RETURN: return MEMBER_SIZE(ret);
    case AST_IF: return MEMBER_SIZE(if_);
    case AST_WHILE: return MEMBER_SIZE(while_);
    case AST_FOR: return MEMBER_SIZE(for_);
    case AST_FUNCDEF: return MEMBER_SIZE(funcdef);
    case AST_CLASSDEF: return MEMBER_SIZE(classdef);
    case AST_TRY: return MEMBER_SIZE(try_);
    case AST_EXCEPTHANDLER: return MEMBER_SIZE(handler);
    case AST_RAISE: return MEMBER_SIZE(raise);
    case AST_WITH: return MEMBER_SIZE(with);
    case AST_WITHITEM: return MEMBER_SIZE(withitem);
    case AST_IMPORT: return MEMBER_SIZE(import);
    case AST_IMPORTFROM: return MEMBER_SIZE(importfrom);
    case AST_ALIAS: return MEMBER_SIZE(alias);
    case AST_GLOBAL: case AST_NONLOCAL: return MEMBER_SIZE(names);
    case AST_ASSERT: return MEMBER_SIZE(assert_);
    case AST_NAME: return MEMBER_SIZE(name);
    case AST_CONST: return MEMBER_SIZE(constant);
    case AST_FORMATTEDVALUE: return MEMBER_SIZE(fmtvalue);
    case AST_BINOP: return MEMBER_SIZE(binop);
    case AST_UNARYOP: return MEMBER_SIZE(unaryop);
    case AST_BOOLOP: return MEMBER_SIZE(boolop);
    case AST_COMPARE: return MEMBER_SIZE(compare);
    case AST_IFEXP: return MEMBER_SIZE(ifexp);
    case AST_LAMBDA: return MEMBER_SIZE(lambda);
    case AST_NAMEDEXPR: return MEMBER_SIZE(namedexpr);
    case AST_CALL: return MEMBER_SIZE(call);
    case AST_KEYWORD: return MEMBER_SIZE(keyword);
    case AST_ATTRIBUTE: return MEMBER_SIZE(attribute);
    case AST_SUBSCRIPT: return MEMBER_SIZE(subscript);
    case AST_SLICE: return MEMBER_SIZE(slice);
    case AST_STARRED: return MEMBER_SIZE(starred);
    case AST_DELETE: case AST_JOINEDSTR: case AST_LIST: case AST_TUPLE: case AST_SET:
      return MEMBER_SIZE(list);
    case AST_DICT: return MEMBER_SIZE(dict);
    case AST_LISTCOMP: case AST_SETCOMP: case AST_GENEXP: case AST_DICTCOMP:
      return MEMBER_SIZE(comp);
    case AST_COMPREHENSION: return MEMBER_SIZE(comprehension);
    case AST_AWAIT: case AST_YIELD: case AST_YIELDFROM: return MEMBER_SIZE(unary);
    case AST_ARGUMENTS: return MEMBER_SIZE(arguments);
    case AST_ARG: return MEMBER_SIZE(arg);
    case AST__COUNT: break;
  }
  return sizeof(AwNode);
}

AwNode *aw_ast_new(AwArena *arena, AwNodeKind kind, int line, int col) {
  AwNode *n = aw_arena_alloc(arena, node_size(kind));
  if (!n) return NULL;
  n->kind = kind;
  n->line = n->end_line = line;
  n->col = n->end_col = col;
  return n;
}

bool aw_ast_list_push(AwArena *arena, AwNodeList *list, AwNode *node) {
  if (list->len == list->cap) {
    int ncap = list->cap ? list->cap * 2 : 2;
    size_t old = (size_t)list->cap * sizeof(AwNode *), size = (size_t)ncap * sizeof(AwNode *);
    if (!arena_grow_last(arena, list->items, old, size)) {
      AwNode **items = arena_alloc_raw(arena, size);
      if (!items) return false;
      if (list->len) memcpy(items, list->items, (size_t)list->len * sizeof(AwNode *));
      list->items = items;
    }
    list->cap = ncap;
  }
  list->items[list->len++] = node;
  return true;
}

// ---- helpers --------------------------------------------------------------

static AwNode *mk(AwParser *p, AwNodeKind kind, int line, int col, int end_line, int end_col) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = aw_ast_new(p->arena, kind, line, col);
  if (!n) return NULL;
  n->end_line = end_line;
  n->end_col = end_col;
  p->last_node = n;
  return n;
}

// ---- parenthesized spans ----

// Fibonacci hashing: the high bits of the product are well mixed. The
// tables are at most 2^31 entries, so the top 32 bits are enough.
static uint32_t ptr_hash(const void *ptr) {
  return (uint32_t)(((uint64_t)(uintptr_t)ptr * UINT64_C(11400714819323198485)) >> 32);
}

static const AwParenSpan *paren_find(const AwParser *p, const AwNode *n) {
  const AwParseShared *sh = p->sh;
  if (sh->parens_len == 0) return NULL;
  uint32_t mask = sh->parens_cap - 1;
  for (uint32_t i = (ptr_hash(n) >> sh->parens_shift) & mask;; i = (i + 1) & mask) {
    if (sh->parens[i].node == n) return &sh->parens[i];
    if (!sh->parens[i].node) return NULL;
  }
}

// Records that [n] was written in parentheses. While parsing, [n] carries
// the outer span (so nodes built around it start at the parenthesis, as in
// CPython); its own span is kept here and put back by aw_ast_restore_parens.
static void paren_put(AwParser *p, AwNode *n, const AwToken *open, const AwToken *close) {
  AwParseShared *sh = p->sh;
  if (sh->parens_len * 2 >= sh->parens_cap) {
    uint32_t ncap = sh->parens_cap ? sh->parens_cap * 2 : 64, shift = 32;
    for (uint32_t c = ncap; c > 1; c >>= 1) shift--;
    AwArena *a = p->arena;
    AwParenSpan *t = a->realloc_fn(a->ud, NULL, 0, ncap * sizeof *t);
    if (!t) {
      a->failed = true;
      return;
    }
    memset(t, 0, ncap * sizeof *t);
    for (uint32_t i = 0; i < sh->parens_cap; i++) {
      if (!sh->parens[i].node) continue;
      uint32_t j = (ptr_hash(sh->parens[i].node) >> shift) & (ncap - 1);
      while (t[j].node) j = (j + 1) & (ncap - 1);
      t[j] = sh->parens[i];
    }
    if (sh->parens) a->realloc_fn(a->ud, sh->parens, sh->parens_cap * sizeof *t, 0);
    sh->parens = t;
    sh->parens_cap = ncap;
    sh->parens_shift = shift;
  }
  uint32_t mask = sh->parens_cap - 1, i = (ptr_hash(n) >> sh->parens_shift) & mask;
  while (sh->parens[i].node && sh->parens[i].node != n) i = (i + 1) & mask;
  if (!sh->parens[i].node) {
    // ((x)): only the innermost span is x's own.
    sh->parens_len++;
    sh->parens[i] = (AwParenSpan){n, n->line, n->col, n->end_line, n->end_col};
  }
  n->line = open->line;
  n->col = open->col;
  n->end_line = close->end_line;
  n->end_col = close->end_col;
}

void aw_ast_own_span(const AwParser *p, const AwNode *n, int *line, int *col, int *end_line, int *end_col) {
  const AwParenSpan *e = paren_find(p, n);
  *line = e ? e->line : n->line;
  *col = e ? e->col : n->col;
  *end_line = e ? e->end_line : n->end_line;
  *end_col = e ? e->end_col : n->end_col;
}

void aw_ast_restore_parens(AwParser *p) {
  AwParseShared *sh = p->sh;
  for (uint32_t i = 0; i < sh->parens_cap; i++) {
    AwParenSpan *e = &sh->parens[i];
    if (!e->node) continue;
    AwNode *n = (AwNode *)e->node;
    n->line = e->line;
    n->col = e->col;
    n->end_line = e->end_line;
    n->end_col = e->end_col;
  }
}

// A node spanning from [first] to [last] (parentheses included).
static AwNode *mk_span(AwParser *p, AwNodeKind kind, const AwNode *first, const AwNode *last) {
  if (aw_parser_failed(p)) return NULL;
  return mk(p, kind, first->line, first->col, last->end_line, last->end_col);
}

// From token [t] to node [last] / from node [first] to token [t].
static AwNode *mk_tok_node(AwParser *p, AwNodeKind kind, const AwToken *t, const AwNode *last) {
  if (aw_parser_failed(p)) return NULL;
  return mk(p, kind, t->line, t->col, last->end_line, last->end_col);
}

static AwNode *mk_node_tok(AwParser *p, AwNodeKind kind, const AwNode *first, const AwToken *t) {
  if (aw_parser_failed(p)) return NULL;
  return mk(p, kind, first->line, first->col, t->end_line, t->end_col);
}

static AwNode *mk_tok(AwParser *p, AwNodeKind kind, const AwToken *t) {
  return mk(p, kind, t->line, t->col, t->end_line, t->end_col);
}

static void set_end(AwNode *n, int end_line, int end_col) {
  n->end_line = end_line;
  n->end_col = end_col;
}

static void set_end_node(const AwParser *p, AwNode *n, const AwNode *last) {
  (void)p;
  if (last) set_end(n, last->end_line, last->end_col);
}

static void set_end_list(const AwParser *p, AwNode *n, AwNodeList l) {
  if (l.len) set_end_node(p, n, l.items[l.len - 1]);
}

static bool push(AwParser *p, AwNodeList *l, AwNode *x) {
  return aw_ast_list_push(p->arena, l, x);
}

AwNodeList aw_ast_list1(AwParser *p, AwNode *x) {
  AwNodeList l = {0};
  if (!aw_parser_failed(p)) push(p, &l, x);
  return l;
}

AwNodeList aw_ast_list_add(AwParser *p, AwNodeList l, AwNode *x) {
  if (!aw_parser_failed(p)) push(p, &l, x);
  return l;
}

AwNodeList aw_ast_list_cat(AwParser *p, AwNodeList l, AwNodeList r) {
  for (int i = 0; i < r.len && !aw_parser_failed(p); i++) push(p, &l, r.items[i]);
  return l;
}

const char *aw_ast_expr_name(const AwNode *n) {
  switch (n->kind) {
    case AST_ATTRIBUTE: return "attribute";
    case AST_SUBSCRIPT: return "subscript";
    case AST_STARRED: return "starred";
    case AST_NAME: return "name";
    case AST_LIST: return "list";
    case AST_TUPLE: return "tuple";
    case AST_LAMBDA: return "lambda";
    case AST_CALL: return "function call";
    case AST_BOOLOP: case AST_BINOP: case AST_UNARYOP: return "expression";
    case AST_GENEXP: return "generator expression";
    case AST_YIELD: case AST_YIELDFROM: return "yield expression";
    case AST_AWAIT: return "await expression";
    case AST_LISTCOMP: return "list comprehension";
    case AST_SETCOMP: return "set comprehension";
    case AST_DICTCOMP: return "dict comprehension";
    case AST_DICT: return "dict literal";
    case AST_SET: return "set display";
    case AST_JOINEDSTR: case AST_FORMATTEDVALUE: return "f-string expression";
    case AST_COMPARE: return "comparison";
    case AST_IFEXP: return "conditional expression";
    case AST_NAMEDEXPR: return "named expression";
    case AST_SLICE: return "slice";
    case AST_CONST:
      switch (n->u.constant.kind) {
        case AW_CONST_NONE: return "None";
        case AW_CONST_TRUE: return "True";
        case AW_CONST_FALSE: return "False";
        case AW_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
      }
    default: return "expression";
  }
}

// ---- targets ----------------------------------------------------------

// The first sub-node of [n] that cannot be assigned to (or deleted), or NULL.
// Recursion is bounded by the bracket depth limit.
static const AwNode *invalid_target(const AwNode *n, bool del) {
  switch (n->kind) {
    case AST_NAME: case AST_ATTRIBUTE: case AST_SUBSCRIPT:
      return NULL;
    case AST_STARRED:
      return del ? n : invalid_target(n->u.starred.value, del);
    case AST_TUPLE: case AST_LIST:
      for (int i = 0; i < n->u.list.items.len; i++) {
        const AwNode *bad = invalid_target(n->u.list.items.items[i], del);
        if (bad) return bad;
      }
      return NULL;
    default:
      return n;
  }
}

static bool check_store(AwParser *p, const AwNode *t) {
  if (!t) return true;
  const AwNode *bad = invalid_target(t, false);
  if (bad) {
    aw_parser_error_at(p, bad, "cannot assign to %s", aw_ast_expr_name(bad));
    return false;
  }
  return true;
}

// Can [n] be the left side of CPython's invalid_named_expression rule
// (a bitwise_or that is not a tuple, list, genexp, True, False or None)?
bool aw_ast_here_eligible(const AwNode *n) {
  switch (n->kind) {
    case AST_TUPLE: case AST_LIST: case AST_GENEXP: case AST_COMPARE: case AST_BOOLOP:
    case AST_IFEXP: case AST_LAMBDA: case AST_STARRED:
      return false;
    case AST_UNARYOP:
      return n->u.unaryop.op != AW_UNARY_NOT;
    case AST_CONST:
      return n->u.constant.kind != AW_CONST_NONE && n->u.constant.kind != AW_CONST_TRUE &&
             n->u.constant.kind != AW_CONST_FALSE;
    default:
      return true;
  }
}

AwNodeList aw_ast_assign_target(AwParser *p, AwNodeList targets, AwNode *t) {
  if (aw_parser_failed(p)) return targets;
  if ((t->kind == AST_YIELD || t->kind == AST_YIELDFROM) && !paren_find(p, t)) {
    aw_parser_error_at(p, t, "assignment to yield expression not possible");
    return targets;
  }
  const AwNode *bad = invalid_target(t, false);
  if (bad) {
    if (targets.len == 0 && bad == t && aw_ast_here_eligible(t)) {
      bool simple = false, chained = false;
      aw_parser_peek_assign(p, &simple, &chained);
      if (aw_parser_failed(p)) return targets;
      if (simple && !chained) {
        aw_parser_error_at(p, t, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                           aw_ast_expr_name(t));
        return targets;
      }
    }
    aw_parser_error_at(p, bad, "cannot assign to %s", aw_ast_expr_name(bad));
    return targets;
  }
  push(p, &targets, t);
  return targets;
}

// ---- expressions ------------------------------------------------------

AwNode *aw_ast_name(AwParser *p, const AwToken *t) {
  AwNode *n = mk_tok(p, AST_NAME, t);
  if (n) n->u.name.id = t->id;
  return n;
}

AwNode *aw_ast_const_tok(AwParser *p, const AwToken *t, AwConstKind kind) {
  AwNode *n = mk_tok(p, AST_CONST, t);
  if (n) n->u.constant.kind = kind;
  return n;
}

AwNode *aw_ast_binop(AwParser *p, AwNode *l, AwBinOp op, AwNode *r) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_span(p, AST_BINOP, l, r);
  if (!n) return NULL;
  n->u.binop.op = op;
  n->u.binop.left = l;
  n->u.binop.right = r;
  return n;
}

AwNode *aw_ast_unary(AwParser *p, const AwToken *t, AwUnaryOp op, AwNode *x) {
  if (aw_parser_failed(p)) return NULL;
  if (op == AW_UNARY_NEG && x == p->minabs) {
    // -9223372036854775808: the one literal that only fits negated.
    x->u.constant.value.i = INT64_MIN;
    x->line = t->line;
    x->col = t->col;
    p->minabs = NULL;
    p->last_node = x;
    return x;
  }
  AwNode *n = mk_tok_node(p, AST_UNARYOP, t, x);
  if (!n) return NULL;
  n->u.unaryop.op = op;
  n->u.unaryop.operand = x;
  return n;
}

AwNode *aw_ast_boolop(AwParser *p, AwNode *l, AwBoolOp op, AwNode *r, bool extend) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = l;
  if (!extend) {
    n = mk_span(p, AST_BOOLOP, l, l);
    if (!n) return NULL;
    n->u.boolop.op = op;
    push(p, &n->u.boolop.values, l);
  }
  push(p, &n->u.boolop.values, r);
  set_end_node(p, n, r);
  p->last_node = n;
  return n;
}

AwNode *aw_ast_compare(AwParser *p, AwNode *l, AwCmpKind op, AwNode *r, bool extend) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = l;
  if (!extend) {
    n = mk_span(p, AST_COMPARE, l, l);
    if (!n) return NULL;
    n->u.compare.left = l;
  }
  int old_cap = n->u.compare.comparators.cap;
  if (!push(p, &n->u.compare.comparators, r)) return NULL;
  int len = n->u.compare.comparators.len, cap = n->u.compare.comparators.cap;
  if (cap != old_cap) {
    // ops keeps the same capacity as comparators.
    AwCmpKind *ops = aw_arena_alloc(p->arena, (size_t)cap * sizeof(AwCmpKind));
    if (!ops) return NULL;
    if (len > 1) memcpy(ops, n->u.compare.ops, (size_t)(len - 1) * sizeof(AwCmpKind));
    n->u.compare.ops = ops;
  }
  n->u.compare.ops[len - 1] = op;
  set_end_node(p, n, r);
  p->last_node = n;
  return n;
}

AwNode *aw_ast_ifexp(AwParser *p, AwNode *body, AwNode *test, AwNode *orelse) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_span(p, AST_IFEXP, body, orelse);
  if (!n) return NULL;
  n->u.ifexp.test = test;
  n->u.ifexp.body = body;
  n->u.ifexp.orelse = orelse;
  return n;
}

static AwNode *params_done(AwParser *p, AwParams *ps, const AwToken *at) {
  if (aw_parser_failed(p)) return NULL;
  if (!ps) ps = aw_ast_params_new(p);
  if (!ps) return NULL;
  if (ps->bare_star_open) {
    return aw_parser_error(p, AW_DIAG_SYNTAX, ps->star_line, ps->star_col, ps->star_col + 1,
                           "named arguments must follow bare *");
  }
  if (at && ps->args->u.arguments.args.len == 0 && ps->args->u.arguments.posonlyargs.len == 0) {
    ps->args->line = at->line;
    ps->args->col = at->col;
  }
  return ps->args;
}

AwNode *aw_ast_lambda(AwParser *p, const AwToken *t, AwParams *params, AwNode *body) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *args = params_done(p, params, t);
  if (!args) return NULL;
  AwNode *n = mk_tok_node(p, AST_LAMBDA, t, body);
  if (!n) return NULL;
  n->u.lambda.args = args;
  n->u.lambda.body = body;
  return n;
}

AwNode *aw_ast_namedexpr(AwParser *p, AwNode *target, AwNode *value) {
  if (aw_parser_failed(p)) return NULL;
  if (target->kind != AST_NAME) {
    return aw_parser_error_at(p, target, "cannot use assignment expressions with %s",
                              aw_ast_expr_name(target));
  }
  AwNode *n = mk_span(p, AST_NAMEDEXPR, target, value);
  if (!n) return NULL;
  n->u.namedexpr.target = target;
  n->u.namedexpr.value = value;
  return n;
}

static AwNode *unary_node(AwParser *p, AwNodeKind kind, const AwToken *t, AwNode *x) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_tok(p, kind, t);
  if (!n) return NULL;
  n->u.unary.value = x;
  set_end_node(p, n, x);
  return n;
}

AwNode *aw_ast_await(AwParser *p, const AwToken *t, AwNode *x) {
  return unary_node(p, AST_AWAIT, t, x);
}

AwNode *aw_ast_yield(AwParser *p, const AwToken *t, AwNode *x, bool from) {
  return unary_node(p, from ? AST_YIELDFROM : AST_YIELD, t, x);
}

AwNode *aw_ast_starred(AwParser *p, const AwToken *t, AwNode *x) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_tok_node(p, AST_STARRED, t, x);
  if (n) n->u.starred.value = x;
  return n;
}

AwNode *aw_ast_attribute(AwParser *p, AwNode *x, const AwToken *name) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_node_tok(p, AST_ATTRIBUTE, x, name);
  if (!n) return NULL;
  n->u.attribute.value = x;
  n->u.attribute.attr = name->id;
  return n;
}

AwNode *aw_ast_subscript(AwParser *p, AwNode *x, AwNode *slice, const AwToken *close) {
  if (aw_parser_failed(p)) return NULL;
  if (slice->kind == AST_STARRED) slice = aw_ast_tuple_start(p, slice);  // a[*b] is a[(*b,)]
  AwNode *n = mk_node_tok(p, AST_SUBSCRIPT, x, close);
  if (!n) return NULL;
  n->u.subscript.value = x;
  n->u.subscript.slice = slice;
  return n;
}

AwNode *aw_ast_slice(AwParser *p, const AwToken *colon, AwNode *lo, AwNode *hi, AwNode *step) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = lo ? mk_node_tok(p, AST_SLICE, lo, colon)
                 : mk_tok(p, AST_SLICE, colon);
  if (!n) return NULL;
  n->u.slice.lower = lo;
  n->u.slice.upper = hi;
  n->u.slice.step = step;
  set_end_node(p, n, step ? step : hi);
  return n;
}

AwNode *aw_ast_call(AwParser *p, AwNode *func, const AwToken *open, AwCallArgs *args, const AwToken *close) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_node_tok(p, AST_CALL, func, close);
  if (!n) return NULL;
  n->u.call.func = func;
  if (args) {
    if (args->bare_genexp) {
      // f(x for x in y): CPython spans the generator over the parentheses.
      AwNode *g = args->bare_genexp;
      g->line = open->line;
      g->col = open->col;
      set_end(g, close->end_line, close->end_col);
    }
    n->u.call.args = args->args;
    n->u.call.keywords = args->keywords;
  }
  return n;
}

static bool is_bare_genexp(const AwNode *x) {
  return x->kind == AST_GENEXP && x->line == x->u.comp.elt->line && x->col == x->u.comp.elt->col;
}

AwCallArgs *aw_ast_callargs(AwParser *p, AwCallArgs *a, AwNode *arg) {
  if (aw_parser_failed(p)) return NULL;
  if (!a) {
    a = aw_arena_alloc(p->arena, sizeof *a);
    if (!a) return NULL;
  }
  a->count++;
  if (a->bare_genexp) {
    return aw_parser_error_at(p, a->bare_genexp, "Generator expression must be parenthesized");
  }
  if (arg->kind == AST_KEYWORD) {
    if (arg->u.keyword.arg) a->seen_keyword = true;
    else a->seen_kwunpack = true;
    push(p, &a->keywords, arg);
    return a;
  }
  if (arg->kind == AST_STARRED) {
    if (a->seen_kwunpack) {
      return aw_parser_error_at(p, arg, "iterable argument unpacking follows keyword argument unpacking");
    }
  } else {
    if (is_bare_genexp(arg)) {
      if (a->count > 1) return aw_parser_error_at(p, arg, "Generator expression must be parenthesized");
      a->bare_genexp = arg;
    }
    // CPython reports these at the token that completed the argument.
    const AwToken *c = &p->cur;
    if (a->seen_kwunpack) {
      return aw_parser_error(p, AW_DIAG_SYNTAX, c->line, c->col, c->end_col,
                             "positional argument follows keyword argument unpacking");
    }
    if (a->seen_keyword) {
      return aw_parser_error(p, AW_DIAG_SYNTAX, c->line, c->col, c->end_col,
                             "positional argument follows keyword argument");
    }
  }
  push(p, &a->args, arg);
  return a;
}

AwCallArgs *aw_ast_callargs_comma(AwParser *p, AwCallArgs *a) {
  if (aw_parser_failed(p)) return NULL;
  if (a->bare_genexp) {
    return aw_parser_error_at(p, a->bare_genexp, "Generator expression must be parenthesized");
  }
  return a;
}

AwNode *aw_ast_keyword(AwParser *p, AwNode *name, AwNode *value) {
  if (aw_parser_failed(p)) return NULL;
  if (name->kind != AST_NAME) {
    if (name->kind == AST_CONST && (name->u.constant.kind == AW_CONST_TRUE ||
                                    name->u.constant.kind == AW_CONST_FALSE ||
                                    name->u.constant.kind == AW_CONST_NONE)) {
      return aw_parser_error_at(p, name, "cannot assign to %s", aw_ast_expr_name(name));
    }
    // CPython's caret covers the expression and the '='.
    return aw_parser_error(p, AW_DIAG_SYNTAX, name->line, name->col,
                           name->end_line == name->line ? name->end_col + 1 : -1,
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
  }
  AwNode *n = mk_span(p, AST_KEYWORD, name, value);
  if (!n) return NULL;
  n->u.keyword.arg = name->u.name.id;
  n->u.keyword.value = value;
  return n;
}

AwNode *aw_ast_kwunpack(AwParser *p, const AwToken *t, AwNode *value) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_tok_node(p, AST_KEYWORD, t, value);
  if (n) n->u.keyword.value = value;
  return n;
}

AwNode *aw_ast_tuple_start(AwParser *p, AwNode *first) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_span(p, AST_TUPLE, first, first);
  if (n) push(p, &n->u.list.items, first);
  return n;
}

AwNode *aw_ast_seq_push(AwParser *p, AwNode *seq, AwNode *x) {
  if (aw_parser_failed(p)) return NULL;
  push(p, &seq->u.list.items, x);
  set_end_node(p, seq, x);
  p->last_node = seq;
  return seq;
}

AwNode *aw_ast_seq(AwParser *p, AwNodeKind kind, const AwToken *open, AwNode *tuple, const AwToken *close) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = tuple ? tuple : mk_tok(p, kind, open);
  if (!n) return NULL;
  n->kind = kind;
  n->line = open->line;
  n->col = open->col;
  set_end(n, close->end_line, close->end_col);
  p->last_node = n;
  return n;
}

AwNode *aw_ast_paren(AwParser *p, const AwToken *open, AwNode *x, const AwToken *close) {
  if (aw_parser_failed(p)) return NULL;
  if (x->kind == AST_STARRED) return aw_parser_error_at(p, x, "cannot use starred expression here");
  paren_put(p, x, open, close);
  p->last_node = x;
  return x;
}

AwNode *aw_ast_dict_push(AwParser *p, AwNode *dict, AwNode *key, AwNode *value) {
  if (aw_parser_failed(p)) return NULL;
  if (!dict) {
    const AwNode *first = key ? key : value;
    dict = mk_span(p, AST_DICT, first, first);
    if (!dict) return NULL;
  }
  push(p, &dict->u.dict.keys, key);
  push(p, &dict->u.dict.values, value);
  set_end_node(p, dict, value);
  return dict;
}

AwNode *aw_ast_dict_done(AwParser *p, const AwToken *open, AwNode *dict, const AwToken *close) {
  if (aw_parser_failed(p)) return NULL;
  if (!dict) dict = mk_tok(p, AST_DICT, open);
  if (!dict) return NULL;
  dict->line = open->line;
  dict->col = open->col;
  set_end(dict, close->end_line, close->end_col);
  p->last_node = dict;
  return dict;
}

AwNode *aw_ast_comp(AwParser *p, AwNodeKind kind, const AwToken *open, AwNode *elt, AwNode *value,
                    AwNodeList gens, const AwToken *close) {
  if (aw_parser_failed(p)) return NULL;
  if (elt->kind == AST_STARRED) {
    return aw_parser_error_at(p, elt, "iterable unpacking cannot be used in comprehension");
  }
  AwNode *n = open ? mk_tok(p, kind, open) : mk_span(p, kind, elt, elt);
  if (!n) return NULL;
  n->u.comp.elt = elt;
  n->u.comp.value = value;
  n->u.comp.generators = gens;
  if (close) set_end(n, close->end_line, close->end_col);
  else set_end_list(p, n, gens);
  return n;
}

AwNode *aw_ast_comprehension(AwParser *p, const AwToken *t, AwNode *target, AwNode *iter, bool is_async) {
  if (aw_parser_failed(p) || !check_store(p, target)) return NULL;
  AwNode *n = mk_tok_node(p, AST_COMPREHENSION, t, iter);
  if (!n) return NULL;
  n->u.comprehension.target = target;
  n->u.comprehension.iter = iter;
  n->u.comprehension.is_async = is_async;
  return n;
}

AwNodeList aw_ast_gens_if(AwParser *p, AwNodeList gens, AwNode *cond) {
  if (aw_parser_failed(p) || gens.len == 0) return gens;
  AwNode *last = gens.items[gens.len - 1];
  push(p, &last->u.comprehension.ifs, cond);
  set_end_node(p, last, cond);
  return gens;
}

// ---- parameters ---------------------------------------------------------

AwParams *aw_ast_params_new(AwParser *p) {
  if (aw_parser_failed(p)) return NULL;
  AwParams *ps = aw_arena_alloc(p->arena, sizeof *ps);
  if (!ps) return NULL;
  ps->args = mk(p, AST_ARGUMENTS, p->cur.line, p->cur.col, p->cur.line, p->cur.col);
  return ps->args ? ps : NULL;
}

AwNode *aw_ast_arg(AwParser *p, const AwToken *name, AwNode *annotation) {
  AwNode *n = mk_tok(p, AST_ARG, name);
  if (!n) return NULL;
  n->u.arg.name = name->id;
  n->u.arg.annotation = annotation;
  set_end_node(p, n, annotation);
  return n;
}

AwParamItem *aw_ast_param(AwParser *p, AwParamKind kind, const AwToken *t, AwNode *arg, AwNode *dflt) {
  if (aw_parser_failed(p)) return NULL;
  if (dflt && (kind == AW_PARAM_STAR || kind == AW_PARAM_KWARG)) {
    int col = dflt->col > 0 ? dflt->col - 1 : 0;
    return aw_parser_error(p, AW_DIAG_SYNTAX, dflt->line, col, col + 1,
                           kind == AW_PARAM_STAR ? "var-positional argument cannot have default value"
                                                 : "var-keyword argument cannot have default value");
  }
  AwParamItem *it = aw_arena_alloc(p->arena, sizeof *it);
  if (!it) return NULL;
  it->kind = kind;
  it->arg = arg;
  it->dflt = dflt;
  if (t) {
    it->line = t->line;
    it->col = t->col;
    it->end_col = t->end_col;
  } else {
    it->line = arg->line;
    it->col = arg->col;
    it->end_col = arg->end_col;
  }
  return it;
}

static bool param_dup(AwParser *p, AwParams *ps, const AwNode *arg) {
  const AwArguments *a = &ps->args->u.arguments;
  const AwNodeList *lists[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
  AwIdent name = arg->u.arg.name;
  bool dup = (a->vararg && a->vararg->u.arg.name == name) || (a->kwarg && a->kwarg->u.arg.name == name);
  for (int l = 0; l < 3 && !dup; l++) {
    for (int i = 0; i < lists[l]->len; i++) {
      if (lists[l]->items[i]->u.arg.name == name) dup = true;
    }
  }
  if (dup) aw_parser_error_at(p, arg, "duplicate argument '%s' in function definition", name);
  return dup;
}

AwParams *aw_ast_params_item(AwParser *p, AwParams *ps, AwParamItem *it) {
  if (aw_parser_failed(p) || !ps || !it) return NULL;
  AwArguments *a = &ps->args->u.arguments;
  if (ps->seen_kwarg) {
    return aw_parser_error(p, AW_DIAG_SYNTAX, it->line, it->col, it->end_col,
                           "arguments cannot follow var-keyword argument");
  }
  if (it->arg && param_dup(p, ps, it->arg)) return NULL;
  switch (it->kind) {
    case AW_PARAM_SLASH:
      if (ps->seen_slash) {
        return aw_parser_error(p, AW_DIAG_SYNTAX, it->line, it->col, it->end_col, "/ may appear only once");
      }
      if (ps->seen_star) {
        return aw_parser_error(p, AW_DIAG_SYNTAX, it->line, it->col, it->end_col, "/ must be ahead of *");
      }
      if (a->args.len == 0) {
        return aw_parser_error(p, AW_DIAG_SYNTAX, it->line, it->col, it->end_col,
                               "at least one argument must precede /");
      }
      ps->seen_slash = true;
      a->posonlyargs = a->args;
      a->args = (AwNodeList){0};
      break;
    case AW_PARAM_PLAIN:
      if (ps->seen_star) {
        push(p, &a->kwonlyargs, it->arg);
        push(p, &a->kw_defaults, it->dflt);
        ps->bare_star_open = false;
        break;
      }
      if (it->dflt) {
        ps->seen_default = true;
        push(p, &a->defaults, it->dflt);
      } else if (ps->seen_default) {
        return aw_parser_error_at(p, it->arg, "non-default argument follows default argument");
      }
      push(p, &a->args, it->arg);
      break;
    case AW_PARAM_STAR:
      if (ps->seen_star) {
        return aw_parser_error(p, AW_DIAG_SYNTAX, it->line, it->col, it->end_col,
                               "* argument may appear only once");
      }
      ps->seen_star = true;
      if (it->arg) {
        a->vararg = it->arg;
      } else {
        ps->bare_star_open = true;
        ps->star_line = it->line;
        ps->star_col = it->col;
      }
      break;
    case AW_PARAM_KWARG:
      if (ps->bare_star_open) {
        return aw_parser_error(p, AW_DIAG_SYNTAX, ps->star_line, ps->star_col, ps->star_col + 1,
                               "named arguments must follow bare *");
      }
      ps->seen_kwarg = true;
      a->kwarg = it->arg;
      break;
  }
  return ps;
}

// ---- statements ---------------------------------------------------------

AwNode *aw_ast_module(AwParser *p, AwNodeList body) {
  AwNode *n = mk(p, AST_MODULE, 1, 0, 1, 0);
  if (!n) return NULL;
  n->u.module.body = body;
  set_end_list(p, n, body);
  return n;
}

AwNode *aw_ast_expr_stmt(AwParser *p, AwNode *x) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_span(p, AST_EXPR_STMT, x, x);
  if (n) n->u.expr_stmt.value = x;
  return n;
}

AwNode *aw_ast_assign(AwParser *p, AwNodeList targets, AwNode *value) {
  if (aw_parser_failed(p) || targets.len == 0) return NULL;
  AwNode *first = targets.items[0];
  AwNode *n = mk_span(p, AST_ASSIGN, first, value);
  if (!n) return NULL;
  n->u.assign.targets = targets;
  n->u.assign.value = value;
  return n;
}

AwNode *aw_ast_augassign(AwParser *p, AwNode *target, AwBinOp op, AwNode *value) {
  if (aw_parser_failed(p)) return NULL;
  if (target->kind != AST_NAME && target->kind != AST_ATTRIBUTE && target->kind != AST_SUBSCRIPT) {
    return aw_parser_error_at(p, target, "'%s' is an illegal expression for augmented assignment",
                              aw_ast_expr_name(target));
  }
  AwNode *n = mk_span(p, AST_AUGASSIGN, target, value);
  if (!n) return NULL;
  n->u.augassign.target = target;
  n->u.augassign.op = op;
  n->u.augassign.value = value;
  return n;
}

AwNode *aw_ast_annassign(AwParser *p, AwNode *target, AwNode *ann, AwNode *value) {
  if (aw_parser_failed(p)) return NULL;
  if (target->kind == AST_TUPLE) {
    return aw_parser_error_at(p, target, "only single target (not tuple) can be annotated");
  }
  if (target->kind == AST_LIST) {
    return aw_parser_error_at(p, target, "only single target (not list) can be annotated");
  }
  if (target->kind != AST_NAME && target->kind != AST_ATTRIBUTE && target->kind != AST_SUBSCRIPT) {
    return aw_parser_error_at(p, target, "illegal target for annotation");
  }
  const AwNode *last = value ? value : ann;
  AwNode *n = mk_span(p, AST_ANNASSIGN, target, last);
  if (!n) return NULL;
  n->u.annassign.target = target;
  n->u.annassign.annotation = ann;
  n->u.annassign.value = value;
  n->u.annassign.simple = target->kind == AST_NAME && !paren_find(p, target);
  return n;
}

AwNode *aw_ast_delete(AwParser *p, const AwToken *t, AwNode *targets) {
  if (aw_parser_failed(p)) return NULL;
  const AwNode *bad = invalid_target(targets, true);
  if (bad) return aw_parser_error_at(p, bad, "cannot delete %s", aw_ast_expr_name(bad));
  AwNode *n = mk_tok(p, AST_DELETE, t);
  if (!n) return NULL;
  // "del a, b" lists both targets; "del (a, b)" deletes one tuple target.
  bool bare_tuple = targets->kind == AST_TUPLE && targets->u.list.items.len > 0 &&
                    targets->col == targets->u.list.items.items[0]->col &&
                    targets->line == targets->u.list.items.items[0]->line;
  if (bare_tuple) n->u.list.items = targets->u.list.items;
  else push(p, &n->u.list.items, targets);
  set_end_node(p, n, targets);
  return n;
}

AwNode *aw_ast_simple(AwParser *p, AwNodeKind kind, const AwToken *t) {
  return mk_tok(p, kind, t);
}

AwNode *aw_ast_return(AwParser *p, const AwToken *t, AwNode *x) {
  return unary_node(p, AST_RETURN, t, x);
}

AwNode *aw_ast_raise(AwParser *p, const AwToken *t, AwNode *exc, AwNode *cause) {
  AwNode *n = mk_tok(p, AST_RAISE, t);
  if (!n) return NULL;
  n->u.raise.exc = exc;
  n->u.raise.cause = cause;
  set_end_node(p, n, cause ? cause : exc);
  return n;
}

AwNode *aw_ast_assert(AwParser *p, const AwToken *t, AwNode *test, AwNode *msg) {
  AwNode *n = mk_tok(p, AST_ASSERT, t);
  if (!n) return NULL;
  n->u.assert_.test = test;
  n->u.assert_.msg = msg;
  set_end_node(p, n, msg ? msg : test);
  return n;
}

AwNode *aw_ast_names(AwParser *p, AwNodeKind kind, const AwToken *t, AwNodeList names) {
  AwNode *n = mk_tok(p, kind, t);
  if (!n) return NULL;
  AwIdent *items = aw_arena_alloc(p->arena, (size_t)names.len * sizeof(AwIdent));
  if (!items) return NULL;
  for (int i = 0; i < names.len; i++) items[i] = names.items[i]->u.name.id;
  n->u.names.count = names.len;
  n->u.names.items = items;
  set_end_list(p, n, names);
  return n;
}

AwNode *aw_ast_dotted(AwParser *p, AwNode *prefix, const AwToken *name) {
  if (aw_parser_failed(p)) return NULL;
  AwIdent id = name->id;
  if (name->type == TK_STAR) id = aw_parser_intern(p, "*", 1);
  if (prefix) {
    size_t a = strlen(prefix->u.name.id), b = name->len;
    char *buf = aw_arena_alloc(p->arena, a + b + 2);
    if (!buf) return NULL;
    memcpy(buf, prefix->u.name.id, a);
    buf[a] = '.';
    memcpy(buf + a + 1, name->start, b);
    id = aw_parser_intern(p, buf, a + b + 1);
    prefix->u.name.id = id;
    set_end(prefix, name->end_line, name->end_col);
    return prefix;
  }
  AwNode *n = mk_tok(p, AST_NAME, name);
  if (n) n->u.name.id = id;
  return n;
}

AwNode *aw_ast_alias(AwParser *p, AwNode *name, const AwToken *asname) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *n = mk_span(p, AST_ALIAS, name, name);
  if (!n) return NULL;
  n->u.alias.name = name->u.name.id;
  if (asname) {
    n->u.alias.asname = asname->id;
    set_end(n, asname->end_line, asname->end_col);
  }
  return n;
}

AwNode *aw_ast_import(AwParser *p, const AwToken *t, AwNodeList aliases) {
  AwNode *n = mk_tok(p, AST_IMPORT, t);
  if (!n) return NULL;
  n->u.import.names = aliases;
  set_end_list(p, n, aliases);
  return n;
}

AwNode *aw_ast_importfrom(AwParser *p, const AwToken *t, int level, AwNode *module, AwNodeList aliases) {
  AwNode *n = mk_tok(p, AST_IMPORTFROM, t);
  if (!n) return NULL;
  n->u.importfrom.module = module ? module->u.name.id : NULL;
  n->u.importfrom.names = aliases;
  n->u.importfrom.level = level;
  set_end_list(p, n, aliases);
  return n;
}

AwNode *aw_ast_if(AwParser *p, const AwToken *t, AwNode *test, AwNodeList body, AwNodeList orelse) {
  AwNode *n = mk_tok(p, AST_IF, t);
  if (!n) return NULL;
  n->u.if_.test = test;
  n->u.if_.body = body;
  n->u.if_.orelse = orelse;
  set_end_list(p, n, body);
  set_end_list(p, n, orelse);
  return n;
}

AwNode *aw_ast_while(AwParser *p, const AwToken *t, AwNode *test, AwNodeList body, AwNodeList orelse) {
  AwNode *n = mk_tok(p, AST_WHILE, t);
  if (!n) return NULL;
  n->u.while_.test = test;
  n->u.while_.body = body;
  n->u.while_.orelse = orelse;
  set_end_list(p, n, body);
  set_end_list(p, n, orelse);
  return n;
}

AwNode *aw_ast_for(AwParser *p, const AwToken *t, AwNode *target, AwNode *iter, AwNodeList body,
                   AwNodeList orelse) {
  if (aw_parser_failed(p) || !check_store(p, target)) return NULL;
  AwNode *n = mk_tok(p, AST_FOR, t);
  if (!n) return NULL;
  n->u.for_.target = target;
  n->u.for_.iter = iter;
  n->u.for_.body = body;
  n->u.for_.orelse = orelse;
  set_end_list(p, n, body);
  set_end_list(p, n, orelse);
  return n;
}

AwHandler aw_ast_handler(AwParser *p, const AwToken *t, bool star, AwNode *type, const AwToken *name,
                         AwNodeList body) {
  AwHandler h = {NULL, star};
  AwNode *n = mk_tok(p, AST_EXCEPTHANDLER, t);
  if (!n) return h;
  n->u.handler.type = type;
  n->u.handler.name = name ? name->id : NULL;
  n->u.handler.body = body;
  set_end_list(p, n, body);
  h.node = n;
  return h;
}

AwHandlers aw_ast_handlers_add(AwParser *p, AwHandlers hs, AwHandler h) {
  if (aw_parser_failed(p) || !h.node) return hs;
  if ((h.star && hs.nplain) || (!h.star && hs.nstar)) {
    aw_parser_error(p, AW_DIAG_SYNTAX, h.node->line, h.node->col, h.node->col + 6,
                    "cannot have both 'except' and 'except*' on the same 'try'");
    return hs;
  }
  if (h.star) hs.nstar++;
  else hs.nplain++;
  push(p, &hs.list, h.node);
  return hs;
}

AwNode *aw_ast_try(AwParser *p, const AwToken *t, AwNodeList body, AwHandlers handlers,
                   AwNodeList orelse, AwNodeList finalbody) {
  AwNode *n = mk_tok(p, AST_TRY, t);
  if (!n) return NULL;
  n->u.try_.body = body;
  n->u.try_.handlers = handlers.list;
  n->u.try_.orelse = orelse;
  n->u.try_.finalbody = finalbody;
  n->u.try_.is_star = handlers.nstar > 0;
  set_end_list(p, n, body);
  set_end_list(p, n, handlers.list);
  set_end_list(p, n, orelse);
  set_end_list(p, n, finalbody);
  return n;
}

AwNode *aw_ast_with(AwParser *p, const AwToken *t, AwNodeList items, AwNodeList body) {
  AwNode *n = mk_tok(p, AST_WITH, t);
  if (!n) return NULL;
  n->u.with.items = items;
  n->u.with.body = body;
  set_end_list(p, n, body);
  return n;
}

AwNode *aw_ast_withitem(AwParser *p, AwNode *ctx, AwNode *vars) {
  if (aw_parser_failed(p) || !check_store(p, vars)) return NULL;
  AwNode *n = mk_span(p, AST_WITHITEM, ctx, ctx);
  if (!n) return NULL;
  n->u.withitem.context_expr = ctx;
  n->u.withitem.optional_vars = vars;
  set_end_node(p, n, vars);
  return n;
}

AwNode *aw_ast_funcdef(AwParser *p, const AwToken *t, const AwToken *name, AwParams *params,
                       AwNode *returns, AwNodeList body) {
  if (aw_parser_failed(p)) return NULL;
  AwNode *args = params_done(p, params, NULL);
  AwNode *n = mk_tok(p, AST_FUNCDEF, t);
  if (!n) return NULL;
  n->u.funcdef.name = name->id;
  n->u.funcdef.args = args;
  n->u.funcdef.returns = returns;
  n->u.funcdef.body = body;
  set_end_list(p, n, body);
  return n;
}

AwNode *aw_ast_classdef(AwParser *p, const AwToken *t, const AwToken *name, AwCallArgs *args,
                        AwNodeList body) {
  if (aw_parser_failed(p)) return NULL;
  if (args && args->bare_genexp) {
    const AwNode *g = args->bare_genexp->u.comp.generators.items[0];
    return aw_parser_error(p, AW_DIAG_SYNTAX, g->line, g->col, g->col + 3, "invalid syntax");
  }
  AwNode *n = mk_tok(p, AST_CLASSDEF, t);
  if (!n) return NULL;
  n->u.classdef.name = name->id;
  if (args) {
    n->u.classdef.bases = args->args;
    n->u.classdef.keywords = args->keywords;
  }
  n->u.classdef.body = body;
  set_end_list(p, n, body);
  return n;
}

AwNode *aw_ast_decorated(AwParser *p, AwNodeList decorators, AwNode *def) {
  if (aw_parser_failed(p)) return NULL;
  if (def->kind == AST_FUNCDEF) def->u.funcdef.decorators = decorators;
  else def->u.classdef.decorators = decorators;
  p->last_node = def;
  return def;
}

AwNode *aw_ast_async(AwParser *p, const AwToken *t, AwNode *stmt) {
  if (aw_parser_failed(p)) return NULL;
  switch (stmt->kind) {
    case AST_FUNCDEF: stmt->u.funcdef.is_async = true; break;
    case AST_FOR: stmt->u.for_.is_async = true; break;
    case AST_WITH: stmt->u.with.is_async = true; break;
    default: break;
  }
  stmt->line = t->line;
  stmt->col = t->col;
  p->last_node = stmt;
  return stmt;
}

// ---- traversal --------------------------------------------------------

typedef void (*ChildFn)(void *ctx, const char *label, int index, const AwNode *child);

static void each_list(const char *label, AwNodeList l, ChildFn fn, void *ctx) {
  for (int i = 0; i < l.len; i++) fn(ctx, label, i, l.items[i]);
}

static void each_one(const char *label, const AwNode *n, ChildFn fn, void *ctx) {
  if (n) fn(ctx, label, -1, n);
}

// Calls [fn] for every child of [n] in source order (NULL list items too).
static void each_child(const AwNode *n, ChildFn fn, void *ctx) {
  switch (n->kind) {
    case AST_MODULE: each_list("body", n->u.module.body, fn, ctx); break;
    case AST_EXPR_STMT: each_one("value", n->u.expr_stmt.value, fn, ctx); break;
    case AST_ASSIGN:
      each_list("targets", n->u.assign.targets, fn, ctx);
      each_one("value", n->u.assign.value, fn, ctx);
      break;
    case AST_AUGASSIGN:
      each_one("target", n->u.augassign.target, fn, ctx);
      each_one("value", n->u.augassign.value, fn, ctx);
      break;
    case AST_ANNASSIGN:
      each_one("target", n->u.annassign.target, fn, ctx);
      each_one("annotation", n->u.annassign.annotation, fn, ctx);
      each_one("value", n->u.annassign.value, fn, ctx);
      break;
    case AST_DELETE: case AST_JOINEDSTR: case AST_LIST: case AST_TUPLE: case AST_SET:
      each_list("items", n->u.list.items, fn, ctx);
      break;
    case AST_PASS: case AST_BREAK: case AST_CONTINUE: case AST_IMPORT: case AST_IMPORTFROM:
    case AST_ALIAS: case AST_GLOBAL: case AST_NONLOCAL: case AST_NAME: case AST_CONST:
      if (n->kind == AST_IMPORT) each_list("names", n->u.import.names, fn, ctx);
      if (n->kind == AST_IMPORTFROM) each_list("names", n->u.importfrom.names, fn, ctx);
      break;
    case AST_RETURN: each_one("value", n->u.ret.value, fn, ctx); break;
    case AST_IF: case AST_WHILE:
      each_one("test", n->u.if_.test, fn, ctx);
      each_list("body", n->u.if_.body, fn, ctx);
      each_list("orelse", n->u.if_.orelse, fn, ctx);
      break;
    case AST_FOR:
      each_one("target", n->u.for_.target, fn, ctx);
      each_one("iter", n->u.for_.iter, fn, ctx);
      each_list("body", n->u.for_.body, fn, ctx);
      each_list("orelse", n->u.for_.orelse, fn, ctx);
      break;
    case AST_FUNCDEF:
      each_list("decorators", n->u.funcdef.decorators, fn, ctx);
      each_one("args", n->u.funcdef.args, fn, ctx);
      each_one("returns", n->u.funcdef.returns, fn, ctx);
      each_list("body", n->u.funcdef.body, fn, ctx);
      break;
    case AST_CLASSDEF:
      each_list("decorators", n->u.classdef.decorators, fn, ctx);
      each_list("bases", n->u.classdef.bases, fn, ctx);
      each_list("keywords", n->u.classdef.keywords, fn, ctx);
      each_list("body", n->u.classdef.body, fn, ctx);
      break;
    case AST_TRY:
      each_list("body", n->u.try_.body, fn, ctx);
      each_list("handlers", n->u.try_.handlers, fn, ctx);
      each_list("orelse", n->u.try_.orelse, fn, ctx);
      each_list("finalbody", n->u.try_.finalbody, fn, ctx);
      break;
    case AST_EXCEPTHANDLER:
      each_one("type", n->u.handler.type, fn, ctx);
      each_list("body", n->u.handler.body, fn, ctx);
      break;
    case AST_RAISE:
      each_one("exc", n->u.raise.exc, fn, ctx);
      each_one("cause", n->u.raise.cause, fn, ctx);
      break;
    case AST_WITH:
      each_list("items", n->u.with.items, fn, ctx);
      each_list("body", n->u.with.body, fn, ctx);
      break;
    case AST_WITHITEM:
      each_one("context_expr", n->u.withitem.context_expr, fn, ctx);
      each_one("optional_vars", n->u.withitem.optional_vars, fn, ctx);
      break;
    case AST_ASSERT:
      each_one("test", n->u.assert_.test, fn, ctx);
      each_one("msg", n->u.assert_.msg, fn, ctx);
      break;
    case AST_FORMATTEDVALUE:
      each_one("value", n->u.fmtvalue.value, fn, ctx);
      each_one("spec", n->u.fmtvalue.spec, fn, ctx);
      break;
    case AST_BINOP:
      each_one("left", n->u.binop.left, fn, ctx);
      each_one("right", n->u.binop.right, fn, ctx);
      break;
    case AST_UNARYOP: each_one("operand", n->u.unaryop.operand, fn, ctx); break;
    case AST_BOOLOP: each_list("values", n->u.boolop.values, fn, ctx); break;
    case AST_COMPARE:
      each_one("left", n->u.compare.left, fn, ctx);
      each_list("comparators", n->u.compare.comparators, fn, ctx);
      break;
    case AST_IFEXP:
      each_one("test", n->u.ifexp.test, fn, ctx);
      each_one("body", n->u.ifexp.body, fn, ctx);
      each_one("orelse", n->u.ifexp.orelse, fn, ctx);
      break;
    case AST_LAMBDA:
      each_one("args", n->u.lambda.args, fn, ctx);
      each_one("body", n->u.lambda.body, fn, ctx);
      break;
    case AST_NAMEDEXPR:
      each_one("target", n->u.namedexpr.target, fn, ctx);
      each_one("value", n->u.namedexpr.value, fn, ctx);
      break;
    case AST_CALL:
      each_one("func", n->u.call.func, fn, ctx);
      each_list("args", n->u.call.args, fn, ctx);
      each_list("keywords", n->u.call.keywords, fn, ctx);
      break;
    case AST_KEYWORD: each_one("value", n->u.keyword.value, fn, ctx); break;
    case AST_ATTRIBUTE: each_one("value", n->u.attribute.value, fn, ctx); break;
    case AST_SUBSCRIPT:
      each_one("value", n->u.subscript.value, fn, ctx);
      each_one("slice", n->u.subscript.slice, fn, ctx);
      break;
    case AST_SLICE:
      each_one("lower", n->u.slice.lower, fn, ctx);
      each_one("upper", n->u.slice.upper, fn, ctx);
      each_one("step", n->u.slice.step, fn, ctx);
      break;
    case AST_STARRED: each_one("value", n->u.starred.value, fn, ctx); break;
    case AST_DICT:
      for (int i = 0; i < n->u.dict.keys.len; i++) {
        fn(ctx, "keys", i, n->u.dict.keys.items[i]);
        fn(ctx, "values", i, n->u.dict.values.items[i]);
      }
      break;
    case AST_LISTCOMP: case AST_SETCOMP: case AST_GENEXP: case AST_DICTCOMP:
      each_one(n->kind == AST_DICTCOMP ? "key" : "elt", n->u.comp.elt, fn, ctx);
      each_one("value", n->u.comp.value, fn, ctx);
      each_list("generators", n->u.comp.generators, fn, ctx);
      break;
    case AST_COMPREHENSION:
      each_one("target", n->u.comprehension.target, fn, ctx);
      each_one("iter", n->u.comprehension.iter, fn, ctx);
      each_list("ifs", n->u.comprehension.ifs, fn, ctx);
      break;
    case AST_AWAIT: case AST_YIELD: case AST_YIELDFROM:
      each_one("value", n->u.unary.value, fn, ctx);
      break;
    case AST_ARGUMENTS:
      each_list("posonlyargs", n->u.arguments.posonlyargs, fn, ctx);
      each_list("args", n->u.arguments.args, fn, ctx);
      each_one("vararg", n->u.arguments.vararg, fn, ctx);
      each_list("kwonlyargs", n->u.arguments.kwonlyargs, fn, ctx);
      each_list("kw_defaults", n->u.arguments.kw_defaults, fn, ctx);
      each_one("kwarg", n->u.arguments.kwarg, fn, ctx);
      each_list("defaults", n->u.arguments.defaults, fn, ctx);
      break;
    case AST_ARG: each_one("annotation", n->u.arg.annotation, fn, ctx); break;
    case AST__COUNT: break;
  }
}

// ---- depth check --------------------------------------------------------

typedef struct {
  const AwNode *node;
  int depth;
} DepthItem;

typedef struct {
  AwParser *p;
  DepthItem *items;               // explicit stack: no C recursion
  size_t len, cap;
  int depth;                      // depth of the node being expanded
  bool oom;
} DepthWalk;

static void depth_push(void *vctx, const char *label, int index, const AwNode *child) {
  (void)label;
  (void)index;
  DepthWalk *w = vctx;
  if (!child || w->oom) return;
  if (w->len == w->cap) {
    size_t ncap = w->cap ? w->cap * 2 : 256;
    AwArena *a = w->p->arena;
    DepthItem *ni = a->realloc_fn(a->ud, w->items, w->cap * sizeof *ni, ncap * sizeof *ni);
    if (!ni) {
      w->oom = true;
      return;
    }
    w->items = ni;
    w->cap = ncap;
  }
  w->items[w->len].node = child;
  w->items[w->len].depth = w->depth + 1;
  w->len++;
}

bool aw_ast_check_depth(AwParser *p, AwNode *root) {
  DepthWalk w = {p, NULL, 0, 0, 0, false};
  w.depth = -1;
  depth_push(&w, NULL, -1, root);
  bool ok = true;
  while (w.len > 0 && !w.oom) {
    w.len--;
    const AwNode *n = w.items[w.len].node;
    w.depth = w.items[w.len].depth;
    if (w.depth > AW_MAX_AST_DEPTH) {
      aw_parser_error(p, AW_DIAG_RECURSION, n->line, n->col, n->end_col,
                      "maximum recursion depth exceeded during compilation");
      ok = false;
      break;
    }
    each_child(n, depth_push, &w);
  }
  if (w.oom) {
    p->arena->failed = true;
    ok = false;
  }
  AwArena *a = p->arena;
  if (w.items) a->realloc_fn(a->ud, w.items, w.cap * sizeof *w.items, 0);
  return ok;
}

// ---- dump ---------------------------------------------------------------

static const char *const binop_names[AW_BINOP__COUNT] = {
  "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"
};
static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">=", "is", "is not", "in", "not in"};
static const char *const unary_names[] = {"-", "+", "~", "not"};

// Writes [s] quoted; bytes >= 0x80 are escaped for bytes objects and kept
// (as UTF-8) for str.
static void dump_bytes(FILE *f, const AwAstStr *s, char quote, bool is_bytes) {
  fputc(quote, f);
  for (size_t i = 0; i < s->len; i++) {
    unsigned char c = (unsigned char)s->data[i];
    if (c == '\\' || c == (unsigned char)quote) fprintf(f, "\\%c", c);
    else if (c == '\n') fputs("\\n", f);
    else if (c == '\t') fputs("\\t", f);
    else if (c < 0x20 || c == 0x7f || (is_bytes && c >= 0x80)) fprintf(f, "\\x%02x", c);
    else fputc(c, f);
  }
  fputc(quote, f);
}

static void dump_attrs(FILE *f, const AwNode *n) {
  switch (n->kind) {
    case AST_NAME: fprintf(f, " %s", n->u.name.id); break;
    case AST_CONST:
      switch (n->u.constant.kind) {
        case AW_CONST_NONE: fputs(" None", f); break;
        case AW_CONST_TRUE: fputs(" True", f); break;
        case AW_CONST_FALSE: fputs(" False", f); break;
        case AW_CONST_ELLIPSIS: fputs(" Ellipsis", f); break;
        case AW_CONST_INT: fprintf(f, " %" PRId64, n->u.constant.value.i); break;
        case AW_CONST_FLOAT: fprintf(f, " %.17g", n->u.constant.value.f); break;
        case AW_CONST_STR: fputc(' ', f); dump_bytes(f, &n->u.constant.value.s, '\'', false); break;
        case AW_CONST_BYTES: fputs(" b", f); dump_bytes(f, &n->u.constant.value.s, '\'', true); break;
      }
      break;
    case AST_BINOP: fprintf(f, " %s", binop_names[n->u.binop.op]); break;
    case AST_AUGASSIGN: fprintf(f, " %s=", binop_names[n->u.augassign.op]); break;
    case AST_UNARYOP: fprintf(f, " %s", unary_names[n->u.unaryop.op]); break;
    case AST_BOOLOP: fputs(n->u.boolop.op == AW_BOOL_AND ? " and" : " or", f); break;
    case AST_COMPARE:
      for (int i = 0; i < n->u.compare.comparators.len; i++) fprintf(f, " %s", cmp_names[n->u.compare.ops[i]]);
      break;
    case AST_ANNASSIGN: if (n->u.annassign.simple) fputs(" simple", f); break;
    case AST_FUNCDEF:
      fprintf(f, " %s%s", n->u.funcdef.name, n->u.funcdef.is_async ? " async" : "");
      break;
    case AST_CLASSDEF: fprintf(f, " %s", n->u.classdef.name); break;
    case AST_FOR: if (n->u.for_.is_async) fputs(" async", f); break;
    case AST_WITH: if (n->u.with.is_async) fputs(" async", f); break;
    case AST_TRY: if (n->u.try_.is_star) fputs(" star", f); break;
    case AST_EXCEPTHANDLER: if (n->u.handler.name) fprintf(f, " as %s", n->u.handler.name); break;
    case AST_IMPORTFROM:
      fprintf(f, " %s level=%d", n->u.importfrom.module ? n->u.importfrom.module : "-",
              n->u.importfrom.level);
      break;
    case AST_ALIAS:
      fprintf(f, " %s", n->u.alias.name);
      if (n->u.alias.asname) fprintf(f, " as %s", n->u.alias.asname);
      break;
    case AST_GLOBAL: case AST_NONLOCAL:
      for (int i = 0; i < n->u.names.count; i++) fprintf(f, " %s", n->u.names.items[i]);
      break;
    case AST_ATTRIBUTE: fprintf(f, " .%s", n->u.attribute.attr); break;
    case AST_KEYWORD: fprintf(f, " %s", n->u.keyword.arg ? n->u.keyword.arg : "**"); break;
    case AST_FORMATTEDVALUE:
      if (n->u.fmtvalue.conversion) fprintf(f, " !%c", n->u.fmtvalue.conversion);
      break;
    case AST_COMPREHENSION: if (n->u.comprehension.is_async) fputs(" async", f); break;
    case AST_ARG: fprintf(f, " %s", n->u.arg.name); break;
    default: break;
  }
}

typedef struct { FILE *f; int indent; } DumpCtx;

static void dump_node(FILE *f, const AwNode *n, int indent, const char *label, int index);

static void dump_child(void *vctx, const char *label, int index, const AwNode *child) {
  DumpCtx *c = vctx;
  dump_node(c->f, child, c->indent, label, index);
}

// Recursive: for debugging and tests only (the tree depth is bounded).
static void dump_node(FILE *f, const AwNode *n, int indent, const char *label, int index) {
  fprintf(f, "%*s", indent, "");
  if (label) {
    if (index >= 0) fprintf(f, "%s[%d]: ", label, index);
    else fprintf(f, "%s: ", label);
  }
  if (!n) {
    fputs("-\n", f);
    return;
  }
  fputs(n->kind < AST__COUNT ? aw_ast_kind_names[n->kind] : "?", f);
  dump_attrs(f, n);
  fprintf(f, " @%d:%d\n", n->line, n->col);
  DumpCtx c = {f, indent + 2};
  each_child(n, dump_child, &c);
}

void aw_ast_dump(const AwNode *node, void *out) {
  dump_node((FILE *)out, node, 0, NULL, -1);
}

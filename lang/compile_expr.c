// lang/compile_expr.c -- code generation for expressions: names (fast,
// deref, global, namespace), operators, chained comparisons, conditional
// jumps, calls (plain, method, keyword, star), displays with unpacking,
// f-strings, lambdas, comprehensions (nested functions, CPython <= 3.11
// style), await / yield / yield from (the SEND delegation loop), and
// assignment and deletion targets.
#include <string.h>
#include "lang/compiler_internal.h"

#define TRY(x) \
  do {         \
    if (!(x)) return false; \
  } while (0)

static bool emit(C *c, AwOpcode op, uint32_t arg) { return cc_emit(c, op, arg); }

static bool load_const_idx(C *c, int idx) { return idx >= 0 && emit(c, OP_LOAD_CONST, (uint32_t)idx); }

static bool depth_error(C *c, AwNode *n) {
  if (!c->failed) aw_diag_set(c->diag, AW_DIAG_RECURSION, n->line, n->col, "maximum recursion depth exceeded during compilation");
  c->failed = true;
  return false;
}

static bool is_function_kind(AwScopeKind k) {
  return k == AW_SCOPE_FUNCTION || k == AW_SCOPE_ASYNC_FUNCTION || k == AW_SCOPE_LAMBDA ||
         k == AW_SCOPE_COMPREHENSION;
}

// ---- names ----------------------------------------------------------------------

bool cc_check_forbidden(C *c, AwNode *at, const char *name, ExprCtx ctx) {
  if (ctx != CTX_LOAD && strcmp(name, "__debug__") == 0)
    return cc_error(c, at, ctx == CTX_DEL ? "cannot delete __debug__" : "cannot assign to __debug__");
  return true;
}

bool cc_nameop(C *c, AwNode *at, const char *name, ExprCtx ctx) {
  TRY(cc_check_forbidden(c, at, name, ctx));
  if (ctx == CTX_LOAD && strcmp(name, "__debug__") == 0) return load_const_idx(c, cc_const_bool(c, true));
  AwSymName *m = cc_mangle(c, name);
  if (!m) return false;
  Unit *u = c->u;
  AwSymbol *s = aw_scope_lookup(u->scope, m);
  AwSymScope sc = s ? s->scope : AW_SC_NONE;
  bool fn = is_function_kind(u->kind);
  enum { K_FAST, K_DEREF, K_GLOBAL, K_NAME } k = K_NAME;
  switch (sc) {
    case AW_SC_FREE:
    case AW_SC_CELL: k = K_DEREF; break;
    case AW_SC_LOCAL: k = fn ? K_FAST : K_NAME; break;
    case AW_SC_GLOBAL_IMPLICIT: k = fn ? K_GLOBAL : K_NAME; break;
    case AW_SC_GLOBAL_EXPLICIT: k = K_GLOBAL; break;
    default: k = K_NAME; break;
  }
  static const AwOpcode ops[4][3] = {
      {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
      {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
      {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
      {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
  };
  AwOpcode op = ops[k][ctx];
  switch (k) {
    case K_FAST:
      if (s->fast < 0) return cc_error(c, at, "internal compiler error: no slot for '%s'", m->s);
      return emit(c, op, (uint32_t)s->fast);
    case K_DEREF:
      if (s->deref < 0) return cc_error(c, at, "internal compiler error: no cell for '%s'", m->s);
      if (ctx == CTX_LOAD && u->kind == AW_SCOPE_CLASS) op = OP_LOAD_CLASSDEREF;
      return emit(c, op, (uint32_t)s->deref);
    default: {
      int idx = cc_name_index(c, m);
      return idx >= 0 && emit(c, op, (uint32_t)idx);
    }
  }
}

// ---- constants --------------------------------------------------------------------

// The value of an AST_CONST as an object (for folded tuples).
static AwValue const_value(C *c, AwNode *e) {
  AwVM *vm = c->vm;
  switch (e->u.constant.kind) {
    case AW_CONST_NONE: return AW_NONE;
    case AW_CONST_TRUE: return AW_TRUE;
    case AW_CONST_FALSE: return AW_FALSE;
    case AW_CONST_ELLIPSIS: return vm->ellipsis;
    case AW_CONST_INT: return AW_INT(e->u.constant.value.i);
    case AW_CONST_FLOAT: return AW_FLOAT(e->u.constant.value.f);
    case AW_CONST_STR: return aw_str_new(vm, e->u.constant.value.s.data, e->u.constant.value.s.len);
    case AW_CONST_BYTES: return aw_bytes_new(vm, e->u.constant.value.s.data, e->u.constant.value.s.len);
  }
  return AW_EXC;
}

static bool all_const(AwNodeList *l) {
  for (int i = 0; i < l->len; i++)
    if (!l->items[i] || l->items[i]->kind != AST_CONST) return false;
  return true;
}

// LOAD_CONST of a tuple made of the constant items of [l].
static bool load_const_tuple(C *c, AwNodeList *l) {
  AwValue t;
  if (l->len == 0) {
    t = c->vm->empty_tuple;
    if (AW_IS_UNDEF(t) || AW_IS_NONE(t)) {
      AwTuple *tp = aw_tuple_new(c->vm, 0);
      if (!tp) return cc_oom(c);
      t = AW_OBJ(tp);
    }
  } else {
    AwTuple *tp = aw_tuple_new(c->vm, l->len);
    if (!tp) return cc_oom(c);
    for (int i = 0; i < l->len; i++) {
      AwValue v = const_value(c, l->items[i]);
      if (AW_IS_EXC(v)) return cc_oom(c);
      tp->items[i] = v;
    }
    t = AW_OBJ(tp);
  }
  return load_const_idx(c, cc_const_value(c, t));
}

// ---- displays -------------------------------------------------------------------

// [a, *b, c] and friends (CPython's starunpack_helper). [tuple] makes the
// result a tuple (via a list when anything is starred).
static bool starunpack(C *c, AwNodeList *elts, AwOpcode build, AwOpcode add, AwOpcode extend, bool tuple) {
  int n = elts->len;
  if (tuple && all_const(elts)) return load_const_tuple(c, elts);
  bool big = n > AW_STACK_USE_GUIDELINE;
  bool seen_star = false;
  for (int i = 0; i < n; i++)
    if (elts->items[i]->kind == AST_STARRED) seen_star = true;
  if (!seen_star && !big) {
    for (int i = 0; i < n; i++) TRY(cc_expr(c, elts->items[i]));
    return emit(c, tuple ? OP_BUILD_TUPLE : build, (uint32_t)n);
  }
  bool built = false;
  if (big) {
    TRY(emit(c, build, 0));
    built = true;
  }
  for (int i = 0; i < n; i++) {
    AwNode *elt = elts->items[i];
    if (elt->kind == AST_STARRED) {
      if (!built) {
        TRY(emit(c, build, (uint32_t)i));
        built = true;
      }
      TRY(cc_expr(c, elt->u.starred.value));
      TRY(emit(c, extend, 1));
    } else {
      TRY(cc_expr(c, elt));
      if (built) TRY(emit(c, add, 1));
    }
  }
  if (tuple) TRY(emit(c, OP_LIST_TO_TUPLE, 0));
  return true;
}

static bool subdict(C *c, AwNode *e, int begin, int end) {
  int n = end - begin;
  bool big = n * 2 > AW_STACK_USE_GUIDELINE;
  if (big) TRY(emit(c, OP_BUILD_MAP, 0));
  for (int i = begin; i < end; i++) {
    TRY(cc_expr(c, e->u.dict.keys.items[i]));
    TRY(cc_expr(c, e->u.dict.values.items[i]));
    if (big) TRY(emit(c, OP_MAP_ADD, 1));
  }
  if (!big) TRY(emit(c, OP_BUILD_MAP, (uint32_t)n));
  return true;
}

static bool compile_dict(C *c, AwNode *e) {
  int n = e->u.dict.values.len;
  bool have_dict = false;
  int elements = 0;
  for (int i = 0; i < n; i++) {
    bool unpack = e->u.dict.keys.items[i] == NULL;
    if (unpack) {
      if (elements) {
        TRY(subdict(c, e, i - elements, i));
        if (have_dict) TRY(emit(c, OP_DICT_UPDATE, 1));
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        TRY(emit(c, OP_BUILD_MAP, 0));
        have_dict = true;
      }
      TRY(cc_expr(c, e->u.dict.values.items[i]));
      TRY(emit(c, OP_DICT_UPDATE, 1));
    } else {
      if (elements * 2 > AW_STACK_USE_GUIDELINE) {
        TRY(subdict(c, e, i - elements, i));
        if (have_dict) TRY(emit(c, OP_DICT_UPDATE, 1));
        have_dict = true;
        elements = 0;
      }
      elements++;
    }
  }
  if (elements) {
    TRY(subdict(c, e, n - elements, n));
    if (have_dict) TRY(emit(c, OP_DICT_UPDATE, 1));
    have_dict = true;
  }
  if (!have_dict) TRY(emit(c, OP_BUILD_MAP, 0));
  return true;
}

// ---- f-strings --------------------------------------------------------------------

static bool compile_formatted(C *c, AwNode *e, bool into_build);

static bool compile_joinedstr(C *c, AwNode *e) {
  AwNodeList *items = &e->u.list.items;
  int n = items->len;
  if (n == 0) return load_const_idx(c, cc_const_str(c, "", 0));
  if (n == 1) {
    AwNode *only = items->items[0];
    TRY(cc_expr(c, only));
    // A lone constant part is already a str; a lone value is formatted.
    return true;
  }
  // BUILD_STRING in chunks so the stack stays small for huge f-strings.
  int i = 0, pending = 0;
  while (i < n) {
    int room = AW_STACK_USE_GUIDELINE - pending;
    int k = 0;
    for (; k < room && i < n; k++, i++) {
      AwNode *part = items->items[i];
      TRY(part->kind == AST_FORMATTEDVALUE ? compile_formatted(c, part, true) : cc_expr(c, part));
    }
    pending += k;
    if (i < n || pending > 1) {
      TRY(emit(c, OP_BUILD_STRING, (uint32_t)pending));
      pending = 1;
    }
  }
  return true;
}

// [into_build]: the result only feeds a BUILD_STRING (FORMAT_VALUE's
// arg & 8, which lets an int through unformatted).
static bool compile_formatted(C *c, AwNode *e, bool into_build) {
  TRY(cc_expr(c, e->u.fmtvalue.value));
  uint32_t arg = 0;
  switch (e->u.fmtvalue.conversion) {
    case 's': arg = 1; break;
    case 'r': arg = 2; break;
    case 'a': arg = 3; break;
    default: arg = 0; break;
  }
  if (e->u.fmtvalue.spec) {
    TRY(cc_expr(c, e->u.fmtvalue.spec));
    arg |= 4;
  }
  if (into_build) arg |= 8;
  return emit(c, OP_FORMAT_VALUE, arg);
}

// ---- comparisons and conditions ------------------------------------------------------

static bool compare_op(C *c, AwCmpKind k) {
  switch (k) {
    case AW_CMP_IS: return emit(c, OP_IS_OP, 0);
    case AW_CMP_IS_NOT: return emit(c, OP_IS_OP, 1);
    case AW_CMP_IN: return emit(c, OP_CONTAINS_OP, 0);
    case AW_CMP_NOT_IN: return emit(c, OP_CONTAINS_OP, 1);
    default: return emit(c, OP_COMPARE_OP, (uint32_t)k);
  }
}

static bool compile_compare(C *c, AwNode *e) {
  int n = e->u.compare.comparators.len;
  AwNode **cmp = e->u.compare.comparators.items;
  AwCmpKind *ops = e->u.compare.ops;
  TRY(cc_expr(c, e->u.compare.left));
  if (n == 1) {
    TRY(cc_expr(c, cmp[0]));
    return compare_op(c, ops[0]);
  }
  int cleanup = cc_new_label(c), end = cc_new_label(c);
  if (cleanup < 0 || end < 0) return false;
  for (int i = 0; i < n - 1; i++) {
    TRY(cc_expr(c, cmp[i]));
    TRY(emit(c, OP_DUP_TOP, 0));
    TRY(emit(c, OP_ROT_THREE, 0));
    TRY(compare_op(c, ops[i]));
    TRY(cc_emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup));
  }
  TRY(cc_expr(c, cmp[n - 1]));
  TRY(compare_op(c, ops[n - 1]));
  TRY(cc_emit_jump(c, OP_JUMP, end));
  cc_bind(c, cleanup);
  TRY(emit(c, OP_ROT_TWO, 0));
  TRY(emit(c, OP_POP_TOP, 0));
  cc_bind(c, end);
  return true;
}

static int const_truth(AwNode *e) {
  if (e->kind != AST_CONST) return -1;
  switch (e->u.constant.kind) {
    case AW_CONST_NONE:
    case AW_CONST_FALSE: return 0;
    case AW_CONST_TRUE:
    case AW_CONST_ELLIPSIS: return 1;
    case AW_CONST_INT: return e->u.constant.value.i != 0;
    case AW_CONST_FLOAT: return e->u.constant.value.f != 0.0;
    case AW_CONST_STR:
    case AW_CONST_BYTES: return e->u.constant.value.s.len != 0;
  }
  return -1;
}

static bool jump_if_inner(C *c, AwNode *e, int label, bool cond) {
  switch (e->kind) {
    case AST_UNARYOP:
      if (e->u.unaryop.op == AW_UNARY_NOT) return cc_jump_if(c, e->u.unaryop.operand, label, !cond);
      break;
    case AST_BOOLOP: {
      AwNodeList *vals = &e->u.boolop.values;
      bool cond2 = e->u.boolop.op == AW_BOOL_OR;
      int next2 = label;
      if (cond != cond2) {
        next2 = cc_new_label(c);
        if (next2 < 0) return false;
      }
      for (int i = 0; i < vals->len - 1; i++) TRY(cc_jump_if(c, vals->items[i], next2, cond2));
      TRY(cc_jump_if(c, vals->items[vals->len - 1], label, cond));
      if (next2 != label) cc_bind(c, next2);
      return true;
    }
    case AST_IFEXP: {
      int end = cc_new_label(c), next2 = cc_new_label(c);
      if (end < 0 || next2 < 0) return false;
      TRY(cc_jump_if(c, e->u.ifexp.test, next2, false));
      TRY(cc_jump_if(c, e->u.ifexp.body, label, cond));
      TRY(cc_emit_jump(c, OP_JUMP, end));
      cc_bind(c, next2);
      TRY(cc_jump_if(c, e->u.ifexp.orelse, label, cond));
      cc_bind(c, end);
      return true;
    }
    case AST_COMPARE: {
      int n = e->u.compare.comparators.len;
      if (n < 2) break;
      AwNode **cmp = e->u.compare.comparators.items;
      AwCmpKind *ops = e->u.compare.ops;
      int cleanup = cc_new_label(c), end = cc_new_label(c);
      if (cleanup < 0 || end < 0) return false;
      TRY(cc_expr(c, e->u.compare.left));
      for (int i = 0; i < n - 1; i++) {
        TRY(cc_expr(c, cmp[i]));
        TRY(emit(c, OP_DUP_TOP, 0));
        TRY(emit(c, OP_ROT_THREE, 0));
        TRY(compare_op(c, ops[i]));
        TRY(cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup));
      }
      TRY(cc_expr(c, cmp[n - 1]));
      TRY(compare_op(c, ops[n - 1]));
      TRY(cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label));
      TRY(cc_emit_jump(c, OP_JUMP, end));
      cc_bind(c, cleanup);
      TRY(emit(c, OP_POP_TOP, 0));
      if (!cond) TRY(cc_emit_jump(c, OP_JUMP, label));
      cc_bind(c, end);
      return true;
    }
    case AST_CONST: {
      int t = const_truth(e);
      if (t == (int)cond) return cc_emit_jump(c, OP_JUMP, label);
      return true;
    }
    default:
      break;
  }
  TRY(cc_expr(c, e));
  return cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

// Jumps to [label] if bool(e) == [cond]; falls through otherwise.
bool cc_jump_if(C *c, AwNode *e, int label, bool cond) {
  if (label < 0) return false;
  if (++c->depth > AW_MAX_NESTING) return depth_error(c, e);
  int saved = c->u->lineno;
  AwSrcPos saved_pos = c->u->pos;
  c->u->lineno = e->line;
  c->u->pos = cc_node_pos(e);
  bool ok = jump_if_inner(c, e, label, cond);
  c->u->lineno = saved;
  c->u->pos = saved_pos;
  c->depth--;
  return ok;
}

static bool compile_boolop(C *c, AwNode *e) {
  AwNodeList *vals = &e->u.boolop.values;
  AwOpcode jump = e->u.boolop.op == AW_BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
  int end = cc_new_label(c);
  if (end < 0) return false;
  for (int i = 0; i < vals->len - 1; i++) {
    TRY(cc_expr(c, vals->items[i]));
    TRY(cc_emit_jump(c, jump, end));
  }
  TRY(cc_expr(c, vals->items[vals->len - 1]));
  cc_bind(c, end);
  return true;
}

static bool compile_ifexp(C *c, AwNode *e) {
  int end = cc_new_label(c), other = cc_new_label(c);
  if (end < 0 || other < 0) return false;
  TRY(cc_jump_if(c, e->u.ifexp.test, other, false));
  TRY(cc_expr(c, e->u.ifexp.body));
  TRY(cc_emit_jump(c, OP_JUMP, end));
  cc_bind(c, other);
  TRY(cc_expr(c, e->u.ifexp.orelse));
  cc_bind(c, end);
  return true;
}

// ---- calls -------------------------------------------------------------------------

static bool validate_keywords(C *c, AwNodeList *kws, AwNode *at) {
  for (int i = 0; i < kws->len; i++) {
    AwNode *k = kws->items[i];
    if (!k->u.keyword.arg) continue;
    TRY(cc_check_forbidden(c, at, k->u.keyword.arg, CTX_STORE));
    for (int j = i + 1; j < kws->len; j++) {
      AwNode *o = kws->items[j];
      if (o->u.keyword.arg && strcmp(k->u.keyword.arg, o->u.keyword.arg) == 0)
        return cc_error(c, o, "keyword argument repeated: %s", k->u.keyword.arg);
    }
  }
  return true;
}

// KW_NAMES with a tuple of the keyword names.
static bool kw_names(C *c, AwNodeList *kws) {
  AwTuple *t = aw_tuple_new(c->vm, kws->len);
  if (!t) return cc_oom(c);
  for (int i = 0; i < kws->len; i++) {
    AwSymName *n = cc_intern(c, kws->items[i]->u.keyword.arg);
    if (!n) return false;
    AwValue s = cc_name_str(c, n);
    if (AW_IS_UNDEF(s)) return false;
    t->items[i] = s;
  }
  int idx = cc_const_value(c, AW_OBJ(t));
  return idx >= 0 && emit(c, OP_KW_NAMES, (uint32_t)idx);
}

static bool subkwargs(C *c, AwNodeList *kws, int begin, int end) {
  int n = end - begin;
  bool big = n * 2 > AW_STACK_USE_GUIDELINE;
  if (big) TRY(emit(c, OP_BUILD_MAP, 0));
  for (int i = begin; i < end; i++) {
    AwNode *k = kws->items[i];
    TRY(load_const_idx(c, cc_const_str(c, k->u.keyword.arg, strlen(k->u.keyword.arg))));
    TRY(cc_expr(c, k->u.keyword.value));
    if (big) TRY(emit(c, OP_MAP_ADD, 1));
  }
  if (!big) TRY(emit(c, OP_BUILD_MAP, (uint32_t)n));
  return true;
}

// Arguments after the callee: CALL n (with KW_NAMES) or, with * / ** or
// very many arguments, a tuple and a dict for CALL_FUNCTION_EX.
bool cc_call_helper(C *c, AwNodeList *args, AwNodeList *kws, AwNode *at) {
  TRY(validate_keywords(c, kws, at));
  int nelts = args->len, nkw = kws->len;
  bool ex = nelts + nkw * 2 > AW_STACK_USE_GUIDELINE;
  for (int i = 0; !ex && i < nelts; i++)
    if (args->items[i]->kind == AST_STARRED) ex = true;
  for (int i = 0; !ex && i < nkw; i++)
    if (!kws->items[i]->u.keyword.arg) ex = true;
  if (!ex) {
    for (int i = 0; i < nelts; i++) TRY(cc_expr(c, args->items[i]));
    for (int i = 0; i < nkw; i++) TRY(cc_expr(c, kws->items[i]->u.keyword.value));
    if (nkw) TRY(kw_names(c, kws));
    return emit(c, OP_CALL, (uint32_t)(nelts + nkw));
  }
  // The positional arguments go to CALL_FUNCTION_EX as the list built here
  // (a tuple only when constant): aw_call_ex passes its items on without
  // copying, as no script can reach it. f(*tasks) of a million costs one
  // array, not three.
  TRY(starunpack(c, args, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, all_const(args)));
  if (nkw) {
    bool have_dict = false;
    int nseen = 0;
    for (int i = 0; i < nkw; i++) {
      AwNode *k = kws->items[i];
      if (!k->u.keyword.arg) {
        if (nseen) {
          TRY(subkwargs(c, kws, i - nseen, i));
          if (have_dict) TRY(emit(c, OP_DICT_MERGE, 1));
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          TRY(emit(c, OP_BUILD_MAP, 0));
          have_dict = true;
        }
        TRY(cc_expr(c, k->u.keyword.value));
        TRY(emit(c, OP_DICT_MERGE, 1));
      } else {
        nseen++;
      }
    }
    if (nseen) {
      TRY(subkwargs(c, kws, nkw - nseen, nkw));
      if (have_dict) TRY(emit(c, OP_DICT_MERGE, 1));
    }
  }
  return emit(c, OP_CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
}

static bool compile_call(C *c, AwNode *e) {
  AwNode *func = e->u.call.func;
  AwNodeList *args = &e->u.call.args, *kws = &e->u.call.keywords;
  // o.m(...) without * or **: LOAD_METHOD + CALL_METHOD (no bound method).
  if (func->kind == AST_ATTRIBUTE && args->len + kws->len * 2 < AW_STACK_USE_GUIDELINE) {
    bool simple = true;
    for (int i = 0; simple && i < args->len; i++)
      if (args->items[i]->kind == AST_STARRED) simple = false;
    for (int i = 0; simple && i < kws->len; i++)
      if (!kws->items[i]->u.keyword.arg) simple = false;
    if (simple) {
      TRY(validate_keywords(c, kws, e));
      TRY(cc_expr(c, func->u.attribute.value));
      AwSymName *m = cc_mangle(c, func->u.attribute.attr);
      if (!m) return false;
      int idx = cc_name_index(c, m);
      if (idx < 0) return false;
      int saved = c->u->lineno;
      AwSrcPos saved_pos = c->u->pos;
      c->u->lineno = func->end_line > 0 ? func->end_line : func->line;
      // A missing method is shown under "o.m", as CPython's LOAD_METHOD.
      c->u->pos = cc_node_pos(func);
      if (func->end_line > func->line) c->u->pos.col = AW_POS_NONE;
      TRY(emit(c, OP_LOAD_METHOD, (uint32_t)idx));
      c->u->lineno = saved;
      c->u->pos = saved_pos;
      for (int i = 0; i < args->len; i++) TRY(cc_expr(c, args->items[i]));
      for (int i = 0; i < kws->len; i++) TRY(cc_expr(c, kws->items[i]->u.keyword.value));
      if (kws->len) TRY(kw_names(c, kws));
      return emit(c, OP_CALL_METHOD, (uint32_t)(args->len + kws->len));
    }
  }
  TRY(cc_expr(c, func));
  return cc_call_helper(c, args, kws, e);
}

// ---- functions: lambda and comprehensions ------------------------------------------------

bool cc_default_args(C *c, AwNode *argsnode, uint32_t *flags) {
  if (!argsnode) return true;
  AwArguments *a = &argsnode->u.arguments;
  if (a->defaults.len) {
    for (int i = 0; i < a->defaults.len; i++) TRY(cc_expr(c, a->defaults.items[i]));
    TRY(emit(c, OP_BUILD_TUPLE, (uint32_t)a->defaults.len));
    *flags |= 1;
  }
  int nkw = 0;
  for (int i = 0; i < a->kw_defaults.len && i < a->kwonlyargs.len; i++) {
    AwNode *d = a->kw_defaults.items[i];
    if (!d) continue;
    AwSymName *m = cc_mangle(c, a->kwonlyargs.items[i]->u.arg.name);
    if (!m) return false;
    TRY(load_const_idx(c, cc_const_str(c, m->s, m->len)));
    TRY(cc_expr(c, d));
    nkw++;
  }
  if (nkw) {
    TRY(emit(c, OP_BUILD_MAP, (uint32_t)nkw));
    *flags |= 2;
  }
  return true;
}

static void set_arg_counts(C *c, AwNode *argsnode) {
  AwProto *p = c->u->proto;
  if (!argsnode) return;
  AwArguments *a = &argsnode->u.arguments;
  p->posonlyargcount = a->posonlyargs.len;
  p->argcount = a->posonlyargs.len + a->args.len;
  p->kwonlyargcount = a->kwonlyargs.len;
}

static bool check_debug_args(C *c, AwNode *argsnode, AwNode *at) {
  if (!argsnode) return true;
  AwArguments *a = &argsnode->u.arguments;
  AwNodeList *lists[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < lists[k]->len; i++) TRY(cc_check_forbidden(c, at, lists[k]->items[i]->u.arg.name, CTX_STORE));
  if (a->vararg) TRY(cc_check_forbidden(c, at, a->vararg->u.arg.name, CTX_STORE));
  if (a->kwarg) TRY(cc_check_forbidden(c, at, a->kwarg->u.arg.name, CTX_STORE));
  return true;
}

bool cc_lambda(C *c, AwNode *e) {
  AwNode *args = e->u.lambda.args;
  TRY(check_debug_args(c, args, e));
  uint32_t flags = 0;
  TRY(cc_default_args(c, args, &flags));
  AwScope *sc = aw_symtab_scope_of(&c->st, e);
  if (!sc) return cc_error(c, e, "internal compiler error: no scope for lambda");
  TRY(cc_enter_unit(c, sc, e, "<lambda>", AW_SCOPE_LAMBDA, e->line));
  set_arg_counts(c, args);
  c->u->lineno = e->line;
  if (cc_const_none(c) < 0) return false;  // consts[0]: the (absent) docstring
  TRY(cc_expr(c, e->u.lambda.body));
  if (sc->is_generator) {
    TRY(emit(c, OP_POP_TOP, 0));
    TRY(load_const_idx(c, cc_const_none(c)));
  }
  TRY(emit(c, OP_RETURN_VALUE, 0));
  AwProto *p = cc_exit_unit(c);
  if (!p) return false;
  return cc_make_closure(c, p, flags);
}

static bool comprehension_generator(C *c, AwNodeList *gens, int gi, int depth, AwNode *elt, AwNode *val,
                                    AwCompKind kind);

static bool comp_element(C *c, int depth, AwNode *elt, AwNode *val, AwCompKind kind) {
  switch (kind) {
    case AW_COMP_GEN:
      TRY(cc_expr(c, elt));
      TRY(emit(c, OP_YIELD_VALUE, 0));
      return emit(c, OP_POP_TOP, 0);
    case AW_COMP_LIST:
      TRY(cc_expr(c, elt));
      return emit(c, OP_LIST_APPEND, (uint32_t)depth + 1);
    case AW_COMP_SET:
      TRY(cc_expr(c, elt));
      return emit(c, OP_SET_ADD, (uint32_t)depth + 1);
    case AW_COMP_DICT:
      TRY(cc_expr(c, elt));
      TRY(cc_expr(c, val));
      return emit(c, OP_MAP_ADD, (uint32_t)depth + 1);
    default:
      return false;
  }
}

// A comprehension's iterable. CPython's AST optimizer makes a list display
// there a tuple (fold_iter), which an error about it shows ("got tuple").
static bool comp_iter(C *c, AwNode *iter) {
  if (iter->kind == AST_LIST) {
    bool starred = false;
    for (int i = 0; i < iter->u.list.items.len; i++) starred |= iter->u.list.items.items[i]->kind == AST_STARRED;
    if (!starred) iter->kind = AST_TUPLE;
  }
  return cc_expr(c, iter);
}

static bool sync_comprehension_generator(C *c, AwNodeList *gens, int gi, int depth, AwNode *elt, AwNode *val,
                                         AwCompKind kind) {
  AwNode *gen = gens->items[gi];
  int start = cc_new_label(c), if_cleanup = cc_new_label(c), anchor = cc_new_label(c);
  if (start < 0 || if_cleanup < 0 || anchor < 0) return false;
  if (gi == 0) {
    TRY(emit(c, OP_LOAD_FAST, 0));  // the outermost iterator, argument .0
  } else {
    TRY(comp_iter(c, gen->u.comprehension.iter));
    // Only this frame's stack holds an inner loop's iterator: like a for
    // statement, the loop may own the generator (.0 lives on in a traceback).
    TRY(emit(c, OP_GET_ITER, 1));
  }
  depth++;
  cc_bind(c, start);
  TRY(cc_emit_jump(c, OP_FOR_ITER, anchor));
  TRY(cc_store(c, gen->u.comprehension.target));
  AwNodeList *ifs = &gen->u.comprehension.ifs;
  for (int i = 0; i < ifs->len; i++) TRY(cc_jump_if(c, ifs->items[i], if_cleanup, false));
  if (gi + 1 < gens->len) TRY(comprehension_generator(c, gens, gi + 1, depth, elt, val, kind));
  else TRY(comp_element(c, depth, elt, val, kind));
  cc_bind(c, if_cleanup);
  TRY(cc_emit_jump(c, OP_JUMP, start));
  cc_bind(c, anchor);
  return true;
}

static bool async_comprehension_generator(C *c, AwNodeList *gens, int gi, int depth, AwNode *elt, AwNode *val,
                                          AwCompKind kind) {
  AwNode *gen = gens->items[gi];
  int start = cc_new_label(c), except = cc_new_label(c), if_cleanup = cc_new_label(c);
  if (start < 0 || except < 0 || if_cleanup < 0) return false;
  if (gi == 0) {
    TRY(emit(c, OP_LOAD_FAST, 0));
  } else {
    TRY(comp_iter(c, gen->u.comprehension.iter));
    TRY(emit(c, OP_GET_AITER, 0));
  }
  cc_bind(c, start);
  TRY(cc_push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start, -1, gen));
  TRY(cc_emit_jump(c, OP_SETUP_FINALLY, except));
  TRY(emit(c, OP_GET_ANEXT, 0));
  TRY(load_const_idx(c, cc_const_none(c)));
  TRY(cc_send_loop(c));
  TRY(emit(c, OP_POP_BLOCK, 0));
  TRY(cc_store(c, gen->u.comprehension.target));
  AwNodeList *ifs = &gen->u.comprehension.ifs;
  for (int i = 0; i < ifs->len; i++) TRY(cc_jump_if(c, ifs->items[i], if_cleanup, false));
  depth++;
  if (gi + 1 < gens->len) TRY(comprehension_generator(c, gens, gi + 1, depth, elt, val, kind));
  else TRY(comp_element(c, depth, elt, val, kind));
  cc_bind(c, if_cleanup);
  TRY(cc_emit_jump(c, OP_JUMP, start));
  cc_pop_fblock(c);
  cc_bind(c, except);
  return emit(c, OP_END_ASYNC_FOR, 0);
}

static bool comprehension_generator(C *c, AwNodeList *gens, int gi, int depth, AwNode *elt, AwNode *val,
                                    AwCompKind kind) {
  if (++c->depth > AW_MAX_NESTING) return depth_error(c, gens->items[gi]);
  bool ok = gens->items[gi]->u.comprehension.is_async
                ? async_comprehension_generator(c, gens, gi, depth, elt, val, kind)
                : sync_comprehension_generator(c, gens, gi, depth, elt, val, kind);
  c->depth--;
  return ok;
}

static bool compile_comprehension(C *c, AwNode *e) {
  AwCompKind kind = e->kind == AST_LISTCOMP  ? AW_COMP_LIST
                    : e->kind == AST_SETCOMP ? AW_COMP_SET
                    : e->kind == AST_DICTCOMP ? AW_COMP_DICT
                                              : AW_COMP_GEN;
  static const char *const names[] = {"", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  AwNodeList *gens = &e->u.comp.generators;
  if (gens->len == 0) return cc_error(c, e, "comprehension without a for clause");
  AwScope *sc = aw_symtab_scope_of(&c->st, e);
  if (!sc) return cc_error(c, e, "internal compiler error: no scope for comprehension");
  AwScopeKind outer = c->u->kind;
  bool is_async = sc->is_coroutine;
  if (is_async && kind != AW_COMP_GEN && outer != AW_SCOPE_ASYNC_FUNCTION && outer != AW_SCOPE_COMPREHENSION &&
      outer != AW_SCOPE_MODULE)
    return cc_error(c, e, "asynchronous comprehension outside of an asynchronous function");
  AwNode *outermost = gens->items[0];
  TRY(cc_enter_unit(c, sc, e, names[kind], AW_SCOPE_COMPREHENSION, e->line));
  c->u->proto->argcount = 1;
  c->u->lineno = e->line;
  if (cc_const_none(c) < 0) return false;  // consts[0]: no docstring
  if (kind != AW_COMP_GEN) {
    AwOpcode build = kind == AW_COMP_LIST ? OP_BUILD_LIST : kind == AW_COMP_SET ? OP_BUILD_SET : OP_BUILD_MAP;
    TRY(emit(c, build, 0));
  }
  TRY(comprehension_generator(c, gens, 0, 0, e->u.comp.elt, e->u.comp.value, kind));
  c->u->lineno = e->line;
  if (kind == AW_COMP_GEN) TRY(load_const_idx(c, cc_const_none(c)));
  TRY(emit(c, OP_RETURN_VALUE, 0));
  AwProto *p = cc_exit_unit(c);
  if (!p) return false;
  TRY(cc_make_closure(c, p, 0));
  TRY(comp_iter(c, outermost->u.comprehension.iter));
  c->u->lineno = e->line;
  // A comprehension owns the (async) generator it iterates, as a for loop
  // does: only its frame (.0 and its stack) refers to it.
  TRY(emit(c, outermost->u.comprehension.is_async ? OP_GET_AITER : OP_GET_ITER, 2));
  TRY(emit(c, OP_CALL, 1));
  if (is_async && kind != AW_COMP_GEN) {
    TRY(emit(c, OP_GET_AWAITABLE, 0));
    TRY(load_const_idx(c, cc_const_none(c)));
    TRY(cc_send_loop(c));
  }
  return true;
}

// ---- await and yield ---------------------------------------------------------------

// [recv, v] -> [result]: send v, yield what the receiver yields (arg 1:
// delegating), loop until it returns.
bool cc_send_loop(C *c) {
  int loop = cc_new_label(c), exit = cc_new_label(c);
  if (loop < 0 || exit < 0) return false;
  cc_bind(c, loop);
  TRY(cc_emit_jump(c, OP_SEND, exit));
  TRY(emit(c, OP_YIELD_VALUE, 1));
  TRY(cc_emit_jump(c, OP_JUMP, loop));
  cc_bind(c, exit);
  return true;
}

static bool compile_await(C *c, AwNode *e) {
  AwScopeKind k = c->u->kind;
  if (k != AW_SCOPE_MODULE) {  // top-level await is allowed (the script runs as a task)
    if (k == AW_SCOPE_CLASS) return cc_error(c, e, "'await' outside function");
    if (k != AW_SCOPE_ASYNC_FUNCTION && k != AW_SCOPE_COMPREHENSION)
      return cc_error(c, e, "'await' outside async function");
  }
  TRY(cc_expr(c, e->u.unary.value));
  TRY(emit(c, OP_GET_AWAITABLE, 0));
  TRY(load_const_idx(c, cc_const_none(c)));
  return cc_send_loop(c);
}

static bool compile_yield(C *c, AwNode *e) {
  AwScopeKind k = c->u->kind;
  if (k == AW_SCOPE_MODULE || k == AW_SCOPE_CLASS) return cc_error(c, e, "'yield' outside function");
  if (e->kind == AST_YIELDFROM) {
    if (k == AW_SCOPE_ASYNC_FUNCTION) return cc_error(c, e, "'yield from' inside async function");
    TRY(cc_expr(c, e->u.unary.value));
    TRY(emit(c, OP_GET_YIELD_FROM_ITER, 0));
    TRY(load_const_idx(c, cc_const_none(c)));
    return cc_send_loop(c);
  }
  if (e->u.unary.value) TRY(cc_expr(c, e->u.unary.value));
  else TRY(load_const_idx(c, cc_const_none(c)));
  return emit(c, OP_YIELD_VALUE, 0);
}

// ---- the expression dispatcher -----------------------------------------------------------

static bool compile_slice(C *c, AwNode *e) {
  if (e->u.slice.lower) TRY(cc_expr(c, e->u.slice.lower));
  else TRY(load_const_idx(c, cc_const_none(c)));
  if (e->u.slice.upper) TRY(cc_expr(c, e->u.slice.upper));
  else TRY(load_const_idx(c, cc_const_none(c)));
  if (e->u.slice.step) {
    TRY(cc_expr(c, e->u.slice.step));
    return emit(c, OP_BUILD_SLICE, 3);
  }
  return emit(c, OP_BUILD_SLICE, 2);
}

static bool compile_unary(C *c, AwNode *e) {
  AwNode *operand = e->u.unaryop.operand;
  if (e->u.unaryop.op == AW_UNARY_NEG && operand->kind == AST_CONST) {
    if (operand->u.constant.kind == AW_CONST_INT && operand->u.constant.value.i != INT64_MIN)
      return load_const_idx(c, cc_const_int(c, -operand->u.constant.value.i));
    if (operand->u.constant.kind == AW_CONST_FLOAT)
      return load_const_idx(c, cc_const_float(c, -operand->u.constant.value.f));
  }
  TRY(cc_expr(c, operand));
  switch (e->u.unaryop.op) {
    case AW_UNARY_NEG: return emit(c, OP_UNARY_NEGATIVE, 0);
    case AW_UNARY_POS: return emit(c, OP_UNARY_POSITIVE, 0);
    case AW_UNARY_INVERT: return emit(c, OP_UNARY_INVERT, 0);
    default: return emit(c, OP_UNARY_NOT, 0);
  }
}

static bool expr_inner(C *c, AwNode *e) {
  switch (e->kind) {
    case AST_NAME: return cc_nameop(c, e, e->u.name.id, CTX_LOAD);
    case AST_CONST: return cc_load_const_node(c, e);
    case AST_JOINEDSTR: return compile_joinedstr(c, e);
    case AST_FORMATTEDVALUE: return compile_formatted(c, e, false);
    case AST_BINOP:
      TRY(cc_expr(c, e->u.binop.left));
      TRY(cc_expr(c, e->u.binop.right));
      return emit(c, OP_BINARY_OP, (uint32_t)e->u.binop.op);
    case AST_UNARYOP: return compile_unary(c, e);
    case AST_BOOLOP: return compile_boolop(c, e);
    case AST_COMPARE: return compile_compare(c, e);
    case AST_IFEXP: return compile_ifexp(c, e);
    case AST_LAMBDA: return cc_lambda(c, e);
    case AST_NAMEDEXPR:
      TRY(cc_expr(c, e->u.namedexpr.value));
      TRY(emit(c, OP_DUP_TOP, 0));
      return cc_store(c, e->u.namedexpr.target);
    case AST_CALL: return compile_call(c, e);
    case AST_ATTRIBUTE: {
      TRY(cc_expr(c, e->u.attribute.value));
      AwSymName *m = cc_mangle(c, e->u.attribute.attr);
      if (!m) return false;
      int idx = cc_name_index(c, m);
      return idx >= 0 && emit(c, OP_LOAD_ATTR, (uint32_t)idx);
    }
    case AST_SUBSCRIPT:
      TRY(cc_expr(c, e->u.subscript.value));
      TRY(cc_expr(c, e->u.subscript.slice));
      return emit(c, OP_BINARY_SUBSCR, 0);
    case AST_SLICE: return compile_slice(c, e);
    case AST_STARRED: return cc_error(c, e, "can't use starred expression here");
    case AST_LIST: return starunpack(c, &e->u.list.items, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, false);
    case AST_TUPLE: return starunpack(c, &e->u.list.items, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true);
    case AST_SET: return starunpack(c, &e->u.list.items, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
    case AST_DICT: return compile_dict(c, e);
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_GENEXP:
    case AST_DICTCOMP: return compile_comprehension(c, e);
    case AST_AWAIT: return compile_await(c, e);
    case AST_YIELD:
    case AST_YIELDFROM: return compile_yield(c, e);
    default: return cc_error(c, e, "internal compiler error: unexpected %s node", aw_ast_kind_names[e->kind]);
  }
}

bool cc_expr(C *c, AwNode *e) {
  if (++c->depth > AW_MAX_NESTING) return depth_error(c, e);
  int saved = c->u->lineno;
  AwSrcPos saved_pos = c->u->pos;
  c->u->lineno = e->line;
  c->u->pos = cc_node_pos(e);
  bool ok = expr_inner(c, e);
  c->u->lineno = saved;
  c->u->pos = saved_pos;
  c->depth--;
  return ok;
}

// ---- assignment and deletion targets ---------------------------------------------------

static bool unpack_targets(C *c, AwNode *target) {
  AwNodeList *elts = &target->u.list.items;
  int n = elts->len, star = -1;
  for (int i = 0; i < n; i++) {
    if (elts->items[i]->kind != AST_STARRED) continue;
    if (star >= 0) return cc_error(c, target, "multiple starred expressions in assignment");
    star = i;
  }
  if (star >= 0) {
    int after = n - star - 1;
    if (star >= 256 || after >= (1 << 16)) return cc_error(c, target, "too many expressions in star-unpacking assignment");
    TRY(emit(c, OP_UNPACK_EX, (uint32_t)star | ((uint32_t)after << 8)));
  } else {
    TRY(emit(c, OP_UNPACK_SEQUENCE, (uint32_t)n));
  }
  for (int i = 0; i < n; i++) {
    AwNode *elt = elts->items[i];
    TRY(cc_store(c, elt->kind == AST_STARRED ? elt->u.starred.value : elt));
  }
  return true;
}

static bool store_inner(C *c, AwNode *t) {
  switch (t->kind) {
    case AST_NAME: return cc_nameop(c, t, t->u.name.id, CTX_STORE);
    case AST_ATTRIBUTE: {
      TRY(cc_check_forbidden(c, t, t->u.attribute.attr, CTX_STORE));
      TRY(cc_expr(c, t->u.attribute.value));
      AwSymName *m = cc_mangle(c, t->u.attribute.attr);
      if (!m) return false;
      int idx = cc_name_index(c, m);
      return idx >= 0 && emit(c, OP_STORE_ATTR, (uint32_t)idx);
    }
    case AST_SUBSCRIPT:
      TRY(cc_expr(c, t->u.subscript.value));
      TRY(cc_expr(c, t->u.subscript.slice));
      return emit(c, OP_STORE_SUBSCR, 0);
    case AST_TUPLE:
    case AST_LIST: return unpack_targets(c, t);
    case AST_STARRED: return cc_error(c, t, "starred assignment target must be in a list or tuple");
    default: return cc_error(c, t, "cannot assign to expression");
  }
}

bool cc_store(C *c, AwNode *t) {
  if (++c->depth > AW_MAX_NESTING) return depth_error(c, t);
  int saved = c->u->lineno;
  AwSrcPos saved_pos = c->u->pos;
  c->u->lineno = t->line;
  c->u->pos = cc_node_pos(t);  // STORE_ATTR, UNPACK_SEQUENCE ... point at the target
  bool ok = store_inner(c, t);
  c->u->lineno = saved;
  c->u->pos = saved_pos;
  c->depth--;
  return ok;
}

bool cc_delete(C *c, AwNode *t) {
  if (++c->depth > AW_MAX_NESTING) return depth_error(c, t);
  int saved = c->u->lineno;
  AwSrcPos saved_pos = c->u->pos;
  c->u->lineno = t->line;
  c->u->pos = cc_node_pos(t);
  bool ok;
  switch (t->kind) {
    case AST_NAME: ok = cc_nameop(c, t, t->u.name.id, CTX_DEL); break;
    case AST_ATTRIBUTE: {
      ok = cc_expr(c, t->u.attribute.value);
      AwSymName *m = ok ? cc_mangle(c, t->u.attribute.attr) : NULL;
      int idx = m ? cc_name_index(c, m) : -1;
      ok = idx >= 0 && emit(c, OP_DELETE_ATTR, (uint32_t)idx);
      break;
    }
    case AST_SUBSCRIPT:
      ok = cc_expr(c, t->u.subscript.value) && cc_expr(c, t->u.subscript.slice) && emit(c, OP_DELETE_SUBSCR, 0);
      break;
    case AST_TUPLE:
    case AST_LIST:
      ok = true;
      for (int i = 0; ok && i < t->u.list.items.len; i++) ok = cc_delete(c, t->u.list.items.items[i]);
      break;
    default: ok = cc_error(c, t, "cannot delete expression"); break;
  }
  c->u->lineno = saved;
  c->u->pos = saved_pos;
  c->depth--;
  return ok;
}

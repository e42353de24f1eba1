// lang/compile_stmt.c -- code generation for statements: the module body,
// def and class, assignments, control flow, try/except/finally and except*
// on the block-stack scheme of vm/opcodes.h, with / async with / async for,
// imports, and the unwinding that break/continue/return emit when they
// leave try, with, except and for blocks (CPython 3.10's fblock stack).
#include <string.h>
#include "lang/compiler_internal.h"

#define TRY(x) \
  do {         \
    if (!(x)) return false; \
  } while (0)

static bool emit(C *c, AwOpcode op, uint32_t arg) { return cc_emit(c, op, arg); }
static bool load_const_idx(C *c, int idx) { return idx >= 0 && emit(c, OP_LOAD_CONST, (uint32_t)idx); }
static bool load_none(C *c) { return load_const_idx(c, cc_const_none(c)); }

static bool depth_error(C *c, AwNode *n) {
  if (!c->failed) aw_diag_set(c->diag, AW_DIAG_RECURSION, n->line, n->col, "maximum recursion depth exceeded during compilation");
  c->failed = true;
  return false;
}

// A body's docstring: its first statement when that is a string constant.
static AwNode *docstring_of(AwNodeList *body) {
  if (body->len == 0 || body->items[0]->kind != AST_EXPR_STMT) return NULL;
  AwNode *v = body->items[0]->u.expr_stmt.value;
  return v->kind == AST_CONST && v->u.constant.kind == AW_CONST_STR ? v : NULL;
}

// STORE_NAME/LOAD_NAME of a name the compiler itself introduces.
static bool raw_name_op(C *c, AwOpcode op, const char *name) {
  AwSymName *n = cc_intern(c, name);
  if (!n) return false;
  int idx = cc_name_index(c, n);
  return idx >= 0 && emit(c, op, (uint32_t)idx);
}

// ---- unwinding (break / continue / return) -----------------------------------------

// `x = None; del x` after an except handler that bound x.
static bool clear_handler_name(C *c, AwSymName *name) {
  return load_none(c) && cc_nameop(c, NULL, name->s, CTX_STORE) && cc_nameop(c, NULL, name->s, CTX_DEL);
}

// Emits the code that leaves [info] on the way out (CPython's
// compiler_unwind_fblock). [preserve_tos]: a return value is on top.
static bool unwind_fblock(C *c, FBlock *info, bool preserve_tos) {
  switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
      return true;
    case FB_FOR_LOOP:
      if (preserve_tos) TRY(emit(c, OP_ROT_TWO, 0));
      // Dropping a for loop's iterator may finalize its generator.
      return emit(c, info->node->u.for_.is_async ? OP_POP_AITER : OP_POP_ITER, 0);
    case FB_TRY_EXCEPT:
      return emit(c, OP_POP_BLOCK, 0);
    case FB_FINALLY_TRY: {
      TRY(emit(c, OP_POP_BLOCK, 0));
      if (preserve_tos) TRY(cc_push_fblock(c, FB_POP_VALUE, -1, -1, info->node));
      int saved = c->u->lineno;
      TRY(cc_stmts(c, info->finalbody));
      c->u->lineno = saved;
      if (preserve_tos) cc_pop_fblock(c);
      return true;
    }
    case FB_FINALLY_END:
      // [prev, exc] (+ return value): drop exc, then POP_EXCEPT restores prev.
      if (preserve_tos) TRY(emit(c, OP_ROT_THREE, 0));
      TRY(emit(c, OP_POP_TOP, 0));
      return emit(c, OP_POP_EXCEPT, 0);
    case FB_WITH:
    case FB_ASYNC_WITH: {
      int saved = c->u->lineno;
      c->u->lineno = info->node->line;
      TRY(emit(c, OP_POP_BLOCK, 0));
      if (preserve_tos) TRY(emit(c, OP_ROT_TWO, 0));
      if (info->type == FB_WITH) {
        TRY(emit(c, OP_WITH_EXIT, 0));
      } else {
        TRY(emit(c, OP_ASYNC_WITH_EXIT, 0));
        TRY(load_none(c));
        TRY(cc_send_loop(c));
        TRY(emit(c, OP_POP_TOP, 0));
      }
      c->u->lineno = saved;
      return true;
    }
    case FB_HANDLER_CLEANUP:
      if (info->name) TRY(emit(c, OP_POP_BLOCK, 0));
      if (preserve_tos) TRY(emit(c, OP_ROT_TWO, 0));
      TRY(emit(c, OP_POP_EXCEPT, 0));
      if (info->name) TRY(clear_handler_name(c, info->name));
      return true;
    case FB_POP_VALUE:
      if (preserve_tos) TRY(emit(c, OP_ROT_TWO, 0));
      return emit(c, OP_POP_TOP, 0);
  }
  return true;
}

// Unwinds every block up to (not including) the innermost loop when [loop]
// is given, else all of them. The fblock stack is restored afterwards: the
// unwinding code is inlined, the blocks stay open for the code that follows.
bool cc_unwind_fblock_stack(C *c, bool preserve_tos, FBlock **loop, AwNode *at) {
  Unit *u = c->u;
  if (u->nfblocks == 0) return true;
  FBlock *top = &u->fblocks[u->nfblocks - 1];
  if (top->type == FB_EXCEPTION_GROUP_HANDLER)
    return cc_error(c, at, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
    *loop = top;
    return true;
  }
  FBlock copy = *top;
  u->nfblocks--;
  bool ok = unwind_fblock(c, &copy, preserve_tos) && cc_unwind_fblock_stack(c, preserve_tos, loop, at);
  u->fblocks[u->nfblocks++] = copy;
  return ok;
}

static bool compile_return(C *c, AwNode *s) {
  AwNode *v = s->u.ret.value;
  Unit *u = c->u;
  if (u->kind == AW_SCOPE_MODULE || u->kind == AW_SCOPE_CLASS) return cc_error(c, s, "'return' outside function");
  if (v && u->scope->is_coroutine && u->scope->is_generator)
    return cc_error(c, s, "'return' with value in async generator");
  bool preserve = v && v->kind != AST_CONST;
  if (preserve) TRY(cc_expr(c, v));
  TRY(cc_unwind_fblock_stack(c, preserve, NULL, s));
  c->u->lineno = s->line;
  if (!v) TRY(load_none(c));
  else if (!preserve) TRY(cc_load_const_node(c, v));
  return emit(c, OP_RETURN_VALUE, 0);
}

static bool compile_break(C *c, AwNode *s, bool is_break) {
  FBlock *loop = NULL;
  TRY(cc_unwind_fblock_stack(c, false, &loop, s));
  if (!loop) return cc_error(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
  c->u->lineno = s->line;
  if (is_break) {
    TRY(unwind_fblock(c, loop, false));
    return cc_emit_jump(c, OP_JUMP, loop->exit);
  }
  return cc_emit_jump(c, OP_JUMP, loop->block);
}

// ---- definitions ---------------------------------------------------------------------

bool cc_funcdef(C *c, AwNode *s) {
  AwNode *args = s->u.funcdef.args;
  const char *name = s->u.funcdef.name;
  TRY(cc_check_forbidden(c, s, name, CTX_STORE));
  if (args) {
    AwArguments *a = &args->u.arguments;
    AwNodeList *lists[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
      for (int i = 0; i < lists[k]->len; i++) TRY(cc_check_forbidden(c, s, lists[k]->items[i]->u.arg.name, CTX_STORE));
    if (a->vararg) TRY(cc_check_forbidden(c, s, a->vararg->u.arg.name, CTX_STORE));
    if (a->kwarg) TRY(cc_check_forbidden(c, s, a->kwarg->u.arg.name, CTX_STORE));
  }
  AwNodeList *decos = &s->u.funcdef.decorators;
  for (int i = 0; i < decos->len; i++) TRY(cc_expr(c, decos->items[i]));
  int firstline = decos->len ? decos->items[0]->line : s->line;
  uint32_t flags = 0;
  TRY(cc_default_args(c, args, &flags));
  AwScope *sc = aw_symtab_scope_of(&c->st, s);
  if (!sc) return cc_error(c, s, "internal compiler error: no scope for function");
  TRY(cc_enter_unit(c, sc, s, name, s->u.funcdef.is_async ? AW_SCOPE_ASYNC_FUNCTION : AW_SCOPE_FUNCTION, firstline));
  AwProto *p = c->u->proto;
  if (args) {
    AwArguments *a = &args->u.arguments;
    p->posonlyargcount = a->posonlyargs.len;
    p->argcount = a->posonlyargs.len + a->args.len;
    p->kwonlyargcount = a->kwonlyargs.len;
  }
  c->u->lineno = s->line;
  // consts[0] is the docstring, or None (MAKE_FUNCTION sets __doc__ from it).
  AwNodeList *body = &s->u.funcdef.body;
  AwNode *doc = docstring_of(body);
  int di = doc ? cc_const_of_node(c, doc) : cc_const_none(c);
  if (di < 0) return false;
  for (int i = doc ? 1 : 0; i < body->len; i++) TRY(cc_stmt(c, body->items[i]));
  if (cc_falls_through(c)) {
    TRY(load_none(c));
    TRY(emit(c, OP_RETURN_VALUE, 0));
  }
  AwProto *fp = cc_exit_unit(c);
  if (!fp) return false;
  TRY(cc_make_closure(c, fp, flags));
  for (int i = decos->len - 1; i >= 0; i--) {
    c->u->lineno = decos->items[i]->line;  // a failing decorator points at its own line
    TRY(emit(c, OP_CALL, 1));
  }
  c->u->lineno = s->line;
  return cc_nameop(c, s, name, CTX_STORE);
}

bool cc_classdef(C *c, AwNode *s) {
  const char *name = s->u.classdef.name;
  TRY(cc_check_forbidden(c, s, name, CTX_STORE));
  if (s->u.classdef.keywords.len)
    return cc_error(c, s->u.classdef.keywords.items[0], "class keyword arguments are not supported");
  for (int i = 0; i < s->u.classdef.bases.len; i++)
    if (s->u.classdef.bases.items[i]->kind == AST_STARRED)
      return cc_error(c, s->u.classdef.bases.items[i], "starred class bases are not supported");
  AwNodeList *decos = &s->u.classdef.decorators;
  for (int i = 0; i < decos->len; i++) TRY(cc_expr(c, decos->items[i]));
  int firstline = decos->len ? decos->items[0]->line : s->line;
  AwScope *sc = aw_symtab_scope_of(&c->st, s);
  if (!sc) return cc_error(c, s, "internal compiler error: no scope for class");
  TRY(cc_enter_unit(c, sc, s, name, AW_SCOPE_CLASS, firstline));
  c->u->lineno = s->line;
  // __module__ = __name__ (of the globals); __qualname__; __doc__.
  TRY(raw_name_op(c, OP_LOAD_NAME, "__name__"));
  TRY(raw_name_op(c, OP_STORE_NAME, "__module__"));
  AwStr *qn = AW_AS_STR(c->u->proto->qualname);
  TRY(load_const_idx(c, cc_const_str(c, qn->data, (size_t)qn->nbytes)));
  TRY(raw_name_op(c, OP_STORE_NAME, "__qualname__"));
  AwNodeList *body = &s->u.classdef.body;
  AwNode *doc = docstring_of(body);
  if (doc) {
    TRY(cc_load_const_node(c, doc));
    TRY(raw_name_op(c, OP_STORE_NAME, "__doc__"));
  }
  for (int i = doc ? 1 : 0; i < body->len; i++) TRY(cc_stmt(c, body->items[i]));
  if (sc->needs_class_closure) {
    // The class body returns its __class__ cell and stores it as
    // __classcell__; BUILD_CLASS fills the cell with the new class.
    TRY(emit(c, OP_LOAD_CLOSURE, 0));
    TRY(emit(c, OP_DUP_TOP, 0));
    TRY(raw_name_op(c, OP_STORE_NAME, "__classcell__"));
  } else {
    TRY(load_none(c));
  }
  TRY(emit(c, OP_RETURN_VALUE, 0));
  AwProto *body_proto = cc_exit_unit(c);
  if (!body_proto) return false;
  TRY(cc_make_closure(c, body_proto, 0));
  TRY(load_const_idx(c, cc_const_str(c, name, strlen(name))));
  for (int i = 0; i < s->u.classdef.bases.len; i++) TRY(cc_expr(c, s->u.classdef.bases.items[i]));
  TRY(emit(c, OP_BUILD_CLASS, (uint32_t)s->u.classdef.bases.len));
  for (int i = decos->len - 1; i >= 0; i--) {
    c->u->lineno = decos->items[i]->line;  // a failing decorator points at its own line
    TRY(emit(c, OP_CALL, 1));
  }
  c->u->lineno = s->line;
  return cc_nameop(c, s, name, CTX_STORE);
}

// ---- assignments ---------------------------------------------------------------------

static bool compile_assign(C *c, AwNode *s) {
  AwNodeList *targets = &s->u.assign.targets;
  TRY(cc_expr(c, s->u.assign.value));
  for (int i = 0; i < targets->len; i++) {
    if (i < targets->len - 1) TRY(emit(c, OP_DUP_TOP, 0));
    TRY(cc_store(c, targets->items[i]));
  }
  return true;
}

static bool compile_augassign(C *c, AwNode *s) {
  AwNode *t = s->u.augassign.target;
  uint32_t op = (uint32_t)s->u.augassign.op | AW_BINOP_INPLACE;
  switch (t->kind) {
    case AST_NAME:
      TRY(cc_nameop(c, t, t->u.name.id, CTX_LOAD));
      TRY(cc_expr(c, s->u.augassign.value));
      TRY(emit(c, OP_BINARY_OP, op));
      return cc_nameop(c, t, t->u.name.id, CTX_STORE);
    case AST_ATTRIBUTE: {
      TRY(cc_check_forbidden(c, t, t->u.attribute.attr, CTX_STORE));
      AwSymName *m = cc_mangle(c, t->u.attribute.attr);
      if (!m) return false;
      int idx = cc_name_index(c, m);
      if (idx < 0) return false;
      TRY(cc_expr(c, t->u.attribute.value));
      TRY(emit(c, OP_DUP_TOP, 0));
      TRY(emit(c, OP_LOAD_ATTR, (uint32_t)idx));
      TRY(cc_expr(c, s->u.augassign.value));
      TRY(emit(c, OP_BINARY_OP, op));
      TRY(emit(c, OP_ROT_TWO, 0));
      return emit(c, OP_STORE_ATTR, (uint32_t)idx);
    }
    case AST_SUBSCRIPT:
      TRY(cc_expr(c, t->u.subscript.value));
      TRY(cc_expr(c, t->u.subscript.slice));
      TRY(emit(c, OP_DUP_TOP_TWO, 0));
      TRY(emit(c, OP_BINARY_SUBSCR, 0));
      TRY(cc_expr(c, s->u.augassign.value));
      TRY(emit(c, OP_BINARY_OP, op));
      TRY(emit(c, OP_ROT_THREE, 0));
      return emit(c, OP_STORE_SUBSCR, 0);
    default:
      return cc_error(c, t, "'%s' is an illegal expression for augmented assignment", aw_ast_kind_names[t->kind]);
  }
}

// x: T = v -- the annotation is not evaluated (SPEC §3 allows ignoring it).
static bool compile_annassign(C *c, AwNode *s) {
  AwNode *t = s->u.annassign.target;
  if (s->u.annassign.value) {
    TRY(cc_expr(c, s->u.annassign.value));
    return cc_store(c, t);
  }
  switch (t->kind) {
    case AST_NAME: return cc_check_forbidden(c, t, t->u.name.id, CTX_STORE);
    case AST_ATTRIBUTE:
      // CPython evaluates the object of `a.b: T`.
      TRY(cc_expr(c, t->u.attribute.value));
      return emit(c, OP_POP_TOP, 0);
    case AST_SUBSCRIPT:
      TRY(cc_expr(c, t->u.subscript.value));
      TRY(emit(c, OP_POP_TOP, 0));
      TRY(cc_expr(c, t->u.subscript.slice));
      return emit(c, OP_POP_TOP, 0);
    default: return true;
  }
}

// ---- control flow ------------------------------------------------------------------------

static bool compile_if(C *c, AwNode *s) {
  int end = cc_new_label(c);
  if (end < 0) return false;
  for (;;) {
    c->u->lineno = s->line;
    AwNodeList *orelse = &s->u.if_.orelse;
    int next = orelse->len ? cc_new_label(c) : end;
    if (next < 0) return false;
    TRY(cc_jump_if(c, s->u.if_.test, next, false));
    TRY(cc_stmts(c, &s->u.if_.body));
    if (!orelse->len) break;
    TRY(cc_emit_jump(c, OP_JUMP, end));
    cc_bind(c, next);
    // elif chains are compiled iteratively, not recursively.
    if (orelse->len == 1 && orelse->items[0]->kind == AST_IF) {
      s = orelse->items[0];
      continue;
    }
    TRY(cc_stmts(c, orelse));
    break;
  }
  cc_bind(c, end);
  return true;
}

static bool compile_while(C *c, AwNode *s) {
  int start = cc_new_label(c), end = cc_new_label(c);
  int orelse = s->u.while_.orelse.len ? cc_new_label(c) : end;
  if (start < 0 || end < 0 || orelse < 0) return false;
  cc_bind(c, start);
  TRY(cc_jump_if(c, s->u.while_.test, orelse, false));
  TRY(cc_push_fblock(c, FB_WHILE_LOOP, start, end, s));
  TRY(cc_stmts(c, &s->u.while_.body));
  cc_pop_fblock(c);
  c->u->lineno = s->line;
  TRY(cc_emit_jump(c, OP_JUMP, start));
  if (s->u.while_.orelse.len) {
    cc_bind(c, orelse);
    TRY(cc_stmts(c, &s->u.while_.orelse));
  }
  cc_bind(c, end);
  return true;
}

static bool check_async_stmt(C *c, AwNode *s, const char *what) {
  AwScopeKind k = c->u->kind;
  if (k == AW_SCOPE_MODULE || k == AW_SCOPE_ASYNC_FUNCTION) return true;  // top level runs as a task
  return cc_error(c, s, "'%s' outside async function", what);
}

static bool compile_for(C *c, AwNode *s) {
  int start = cc_new_label(c), cleanup = cc_new_label(c), end = cc_new_label(c);
  if (start < 0 || cleanup < 0 || end < 0) return false;
  if (s->u.for_.is_async) {
    TRY(check_async_stmt(c, s, "async for"));
    // aiter; loop: SETUP_FINALLY end; GET_ANEXT; await; POP_BLOCK; store;
    // body; JUMP loop; end: END_ASYNC_FOR (StopAsyncIteration ends the loop).
    TRY(cc_expr(c, s->u.for_.iter));
    TRY(emit(c, OP_GET_AITER, 1));
    cc_bind(c, start);
    TRY(cc_emit_jump(c, OP_SETUP_FINALLY, cleanup));
    TRY(emit(c, OP_GET_ANEXT, 0));
    TRY(load_none(c));
    TRY(cc_send_loop(c));
    TRY(emit(c, OP_POP_BLOCK, 0));
    TRY(cc_push_fblock(c, FB_FOR_LOOP, start, end, s));
    TRY(cc_store(c, s->u.for_.target));
    TRY(cc_stmts(c, &s->u.for_.body));
    cc_pop_fblock(c);
    c->u->lineno = s->line;
    TRY(cc_emit_jump(c, OP_JUMP, start));
    cc_bind(c, cleanup);
    TRY(emit(c, OP_END_ASYNC_FOR, 0));
  } else {
    TRY(cc_expr(c, s->u.for_.iter));
    TRY(emit(c, OP_GET_ITER, 1));
    cc_bind(c, start);
    TRY(cc_emit_jump(c, OP_FOR_ITER, cleanup));
    TRY(cc_push_fblock(c, FB_FOR_LOOP, start, end, s));
    TRY(cc_store(c, s->u.for_.target));
    TRY(cc_stmts(c, &s->u.for_.body));
    cc_pop_fblock(c);
    c->u->lineno = s->line;
    TRY(cc_emit_jump(c, OP_JUMP, start));
    cc_bind(c, cleanup);
  }
  TRY(cc_stmts(c, &s->u.for_.orelse));
  cc_bind(c, end);
  return true;
}

// ---- exceptions --------------------------------------------------------------------------

// try/except[/else]:
//       SETUP_FINALLY H; body; POP_BLOCK; else-body; JUMP end
//   H:  [prev, exc]  (per clause) LOAD type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
//       as-name:  STORE name; SETUP_FINALLY C; handler; POP_BLOCK; POP_EXCEPT;
//                 name = None; del name; JUMP end
//             C:  [prev, prev2, exc2] name = None; del name; RERAISE
//       no name:  POP_TOP; handler; POP_EXCEPT; JUMP end
//       next: ...; finally unmatched: RERAISE
static bool compile_try_except(C *c, AwNode *s) {
  int except = cc_new_label(c), end = cc_new_label(c);
  if (except < 0 || end < 0) return false;
  TRY(cc_emit_jump(c, OP_SETUP_FINALLY, except));
  TRY(cc_push_fblock(c, FB_TRY_EXCEPT, -1, -1, s));
  TRY(cc_stmts(c, &s->u.try_.body));
  cc_pop_fblock(c);
  TRY(emit(c, OP_POP_BLOCK, 0));
  TRY(cc_stmts(c, &s->u.try_.orelse));
  TRY(cc_emit_jump(c, OP_JUMP, end));
  AwNodeList *handlers = &s->u.try_.handlers;
  cc_bind(c, except);
  TRY(cc_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, s));
  for (int i = 0; i < handlers->len; i++) {
    AwNode *h = handlers->items[i];
    c->u->lineno = h->line;
    if (!h->u.handler.type && i < handlers->len - 1) return cc_error(c, h, "default 'except:' must be last");
    int next = cc_new_label(c);
    if (next < 0) return false;
    if (h->u.handler.type) {
      TRY(cc_expr(c, h->u.handler.type));
      TRY(emit(c, OP_CHECK_EXC_MATCH, 0));
      TRY(cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, next));
    }
    if (h->u.handler.name) {
      int cleanup_end = cc_new_label(c);
      if (cleanup_end < 0) return false;
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_STORE));
      TRY(cc_emit_jump(c, OP_SETUP_FINALLY, cleanup_end));
      TRY(cc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h));
      AwSymName *name = cc_intern(c, h->u.handler.name);
      if (!name) return false;
      c->u->fblocks[c->u->nfblocks - 1].name = name;
      TRY(cc_stmts(c, &h->u.handler.body));
      cc_pop_fblock(c);
      TRY(emit(c, OP_POP_BLOCK, 0));
      TRY(emit(c, OP_POP_EXCEPT, 0));
      TRY(load_none(c));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_STORE));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_DEL));
      TRY(cc_emit_jump(c, OP_JUMP, end));
      // An exception inside the handler: clear the name, re-raise.
      cc_bind(c, cleanup_end);
      TRY(load_none(c));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_STORE));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_DEL));
      TRY(emit(c, OP_RERAISE, 0));
    } else {
      TRY(emit(c, OP_POP_TOP, 0));
      TRY(cc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h));
      TRY(cc_stmts(c, &h->u.handler.body));
      cc_pop_fblock(c);
      TRY(emit(c, OP_POP_EXCEPT, 0));
      TRY(cc_emit_jump(c, OP_JUMP, end));
    }
    cc_bind(c, next);
  }
  cc_pop_fblock(c);
  TRY(emit(c, OP_RERAISE, 0));
  cc_bind(c, end);
  return true;
}

// try/except* (CPython 3.11's compiler_try_star_except on the block stack):
//   H:  [prev, exc] DUP_TOP; BUILD_LIST 0; ROT_TWO     -> [prev, orig, res, exc]
//   per clause: LOAD type; CHECK_EG_MATCH               -> [.., rest, match]
//       DUP_TOP; LOAD_CONST None; IS_OP 0; POP_JUMP_IF_TRUE no_match
//       STORE name / POP_TOP; SETUP_FINALLY R; body; POP_BLOCK; (clear name); JUMP next
//   R:  [.., rest, prev2, e] (clear name); LIST_APPEND 3; POP_EXCEPT; JUMP next
//   no_match: POP_TOP                                    -> [.., rest]
//   next: ...
//   last: LIST_APPEND 1; PREP_RERAISE_STAR               -> [prev, exc-or-None]
//       DUP_TOP; LOAD_CONST None; IS_OP 0; POP_JUMP_IF_FALSE reraise
//       POP_TOP; POP_EXCEPT; JUMP end
//   reraise: RERAISE
static bool compile_try_star_except(C *c, AwNode *s) {
  int except = cc_new_label(c), end = cc_new_label(c), reraise_star = cc_new_label(c), reraise = cc_new_label(c);
  if (except < 0 || end < 0 || reraise_star < 0 || reraise < 0) return false;
  TRY(cc_emit_jump(c, OP_SETUP_FINALLY, except));
  TRY(cc_push_fblock(c, FB_TRY_EXCEPT, -1, -1, s));
  TRY(cc_stmts(c, &s->u.try_.body));
  cc_pop_fblock(c);
  TRY(emit(c, OP_POP_BLOCK, 0));
  TRY(cc_stmts(c, &s->u.try_.orelse));
  TRY(cc_emit_jump(c, OP_JUMP, end));
  AwNodeList *handlers = &s->u.try_.handlers;
  int n = handlers->len;
  cc_bind(c, except);
  TRY(cc_push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, -1, -1, s));
  for (int i = 0; i < n; i++) {
    AwNode *h = handlers->items[i];
    c->u->lineno = h->line;
    int next = cc_new_label(c), no_match = cc_new_label(c), cleanup_end = cc_new_label(c);
    if (next < 0 || no_match < 0 || cleanup_end < 0) return false;
    if (i == 0) {
      TRY(emit(c, OP_DUP_TOP, 0));
      TRY(emit(c, OP_BUILD_LIST, 0));
      TRY(emit(c, OP_ROT_TWO, 0));
    }
    if (!h->u.handler.type) return cc_error(c, h, "expected exception type after 'except*'");
    TRY(cc_expr(c, h->u.handler.type));
    TRY(emit(c, OP_CHECK_EG_MATCH, 0));
    TRY(emit(c, OP_DUP_TOP, 0));
    TRY(load_none(c));
    TRY(emit(c, OP_IS_OP, 0));
    TRY(cc_emit_jump(c, OP_POP_JUMP_IF_TRUE, no_match));
    if (h->u.handler.name) TRY(cc_nameop(c, h, h->u.handler.name, CTX_STORE));
    else TRY(emit(c, OP_POP_TOP, 0));
    TRY(cc_emit_jump(c, OP_SETUP_FINALLY, cleanup_end));
    TRY(cc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h));
    TRY(cc_stmts(c, &h->u.handler.body));
    cc_pop_fblock(c);
    TRY(emit(c, OP_POP_BLOCK, 0));
    if (h->u.handler.name) {
      TRY(load_none(c));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_STORE));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_DEL));
    }
    TRY(cc_emit_jump(c, OP_JUMP, next));
    // Raised inside the clause: collect it, go on with the next clause.
    cc_bind(c, cleanup_end);
    if (h->u.handler.name) {
      TRY(load_none(c));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_STORE));
      TRY(cc_nameop(c, h, h->u.handler.name, CTX_DEL));
    }
    TRY(emit(c, OP_LIST_APPEND, 3));
    TRY(emit(c, OP_POP_EXCEPT, 0));
    TRY(cc_emit_jump(c, OP_JUMP, next));
    cc_bind(c, no_match);
    TRY(emit(c, OP_POP_TOP, 0));
    cc_bind(c, next);
    if (i == n - 1) {
      TRY(emit(c, OP_LIST_APPEND, 1));
      TRY(cc_emit_jump(c, OP_JUMP, reraise_star));
    }
  }
  cc_pop_fblock(c);
  cc_bind(c, reraise_star);
  TRY(emit(c, OP_PREP_RERAISE_STAR, 0));
  TRY(emit(c, OP_DUP_TOP, 0));
  TRY(load_none(c));
  TRY(emit(c, OP_IS_OP, 0));
  TRY(cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, reraise));
  TRY(emit(c, OP_POP_TOP, 0));
  TRY(emit(c, OP_POP_EXCEPT, 0));
  TRY(cc_emit_jump(c, OP_JUMP, end));
  cc_bind(c, reraise);
  TRY(emit(c, OP_RERAISE, 0));
  cc_bind(c, end);
  return true;
}

// try/finally: SETUP_FINALLY F; body; POP_BLOCK; finally-body; JUMP exit;
//   F: [prev, exc] finally-body; RERAISE.  exit:
static bool compile_try_finally(C *c, AwNode *s) {
  int end = cc_new_label(c), exit = cc_new_label(c);
  if (end < 0 || exit < 0) return false;
  TRY(cc_emit_jump(c, OP_SETUP_FINALLY, end));
  TRY(cc_push_fblock(c, FB_FINALLY_TRY, -1, -1, s));
  c->u->fblocks[c->u->nfblocks - 1].finalbody = &s->u.try_.finalbody;
  if (s->u.try_.handlers.len) {
    TRY(s->u.try_.is_star ? compile_try_star_except(c, s) : compile_try_except(c, s));
  } else {
    TRY(cc_stmts(c, &s->u.try_.body));
  }
  TRY(emit(c, OP_POP_BLOCK, 0));
  cc_pop_fblock(c);
  TRY(cc_stmts(c, &s->u.try_.finalbody));
  TRY(cc_emit_jump(c, OP_JUMP, exit));
  cc_bind(c, end);
  TRY(cc_push_fblock(c, FB_FINALLY_END, -1, -1, s));
  TRY(cc_stmts(c, &s->u.try_.finalbody));
  cc_pop_fblock(c);
  TRY(emit(c, OP_RERAISE, 0));
  cc_bind(c, exit);
  return true;
}

static bool compile_try(C *c, AwNode *s) {
  if (s->u.try_.finalbody.len) return compile_try_finally(c, s);
  if (s->u.try_.is_star) return compile_try_star_except(c, s);
  return compile_try_except(c, s);
}

// with A as a, B: nested like CPython, one level per item:
//   A; BEFORE_WITH; store a / POP_TOP; SETUP_FINALLY F; <inner>; POP_BLOCK;
//   WITH_EXIT; JUMP exit
//   F: [exit, prev, exc] WITH_EXCEPT; POP_JUMP_IF_TRUE T; RERAISE
//   T: POP_TOP; POP_EXCEPT; POP_TOP.  exit:
// The __enter__ result is stored before SETUP_FINALLY so the handler's
// stack level is just [exit].
static bool compile_with(C *c, AwNode *s, int pos) {
  bool is_async = s->u.with.is_async;
  AwNode *item = s->u.with.items.items[pos];
  int final = cc_new_label(c), exit = cc_new_label(c), suppress = cc_new_label(c);
  if (final < 0 || exit < 0 || suppress < 0) return false;
  TRY(cc_expr(c, item->u.withitem.context_expr));
  c->u->lineno = s->line;
  if (is_async) {
    TRY(emit(c, OP_BEFORE_ASYNC_WITH, 0));
    TRY(load_none(c));
    TRY(cc_send_loop(c));
  } else {
    TRY(emit(c, OP_BEFORE_WITH, 0));
  }
  if (item->u.withitem.optional_vars) TRY(cc_store(c, item->u.withitem.optional_vars));
  else TRY(emit(c, OP_POP_TOP, 0));
  TRY(cc_emit_jump(c, OP_SETUP_FINALLY, final));
  TRY(cc_push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1, s));
  if (pos + 1 < s->u.with.items.len) TRY(compile_with(c, s, pos + 1));
  else TRY(cc_stmts(c, &s->u.with.body));
  cc_pop_fblock(c);
  c->u->lineno = s->line;
  TRY(emit(c, OP_POP_BLOCK, 0));
  if (is_async) {
    TRY(emit(c, OP_ASYNC_WITH_EXIT, 0));
    TRY(load_none(c));
    TRY(cc_send_loop(c));
    TRY(emit(c, OP_POP_TOP, 0));
  } else {
    TRY(emit(c, OP_WITH_EXIT, 0));
  }
  TRY(cc_emit_jump(c, OP_JUMP, exit));
  cc_bind(c, final);
  if (is_async) {
    TRY(emit(c, OP_ASYNC_WITH_EXCEPT, 0));
    TRY(load_none(c));
    TRY(cc_send_loop(c));
  } else {
    TRY(emit(c, OP_WITH_EXCEPT, 0));
  }
  TRY(cc_emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress));
  TRY(emit(c, OP_RERAISE, 0));
  cc_bind(c, suppress);
  TRY(emit(c, OP_POP_TOP, 0));
  TRY(emit(c, OP_POP_EXCEPT, 0));
  TRY(emit(c, OP_POP_TOP, 0));
  cc_bind(c, exit);
  return true;
}

static bool compile_assert(C *c, AwNode *s) {
  int end = cc_new_label(c);
  if (end < 0) return false;
  TRY(cc_jump_if(c, s->u.assert_.test, end, true));
  // CPython raises from the test's span when it is a comparison.
  if (s->u.assert_.test->kind == AST_COMPARE) c->u->pos = cc_node_pos(s->u.assert_.test);
  TRY(emit(c, OP_LOAD_ASSERTION_ERROR, 0));
  if (s->u.assert_.msg) {
    TRY(cc_expr(c, s->u.assert_.msg));
    TRY(emit(c, OP_CALL, 1));
  }
  TRY(emit(c, OP_RAISE_VARARGS, 1));
  cc_bind(c, end);
  return true;
}

// ---- imports -------------------------------------------------------------------------------

static bool compile_import(C *c, AwNode *s) {
  AwNodeList *names = &s->u.import.names;
  for (int i = 0; i < names->len; i++) {
    AwNode *a = names->items[i];
    const char *name = a->u.alias.name;
    AwSymName *full = cc_intern(c, name);
    if (!full) return false;
    int idx = cc_name_index(c, full);
    if (idx < 0) return false;
    if (a->u.alias.asname) {
      TRY(cc_check_forbidden(c, s, a->u.alias.asname, CTX_STORE));
      TRY(emit(c, OP_IMPORT_MODULE, (uint32_t)idx));  // the leaf module itself
      TRY(cc_nameop(c, a, a->u.alias.asname, CTX_STORE));
    } else {
      const char *dot = strchr(name, '.');
      AwSymName *first = dot ? aw_symtab_intern(&c->st, name, (size_t)(dot - name)) : full;
      if (!first) return cc_oom(c);
      TRY(cc_check_forbidden(c, s, first->s, CTX_STORE));
      TRY(emit(c, OP_IMPORT_NAME, (uint32_t)idx));    // the top-level package
      TRY(cc_nameop(c, a, first->s, CTX_STORE));
    }
  }
  return true;
}

static bool is_future_import(const AwNode *s) {
  return s->kind == AST_IMPORTFROM && s->u.importfrom.level <= 0 && s->u.importfrom.module &&
         strcmp(s->u.importfrom.module, "__future__") == 0;
}

// A leading `from __future__ import ...` is checked at compile time only:
// each feature CPython 3.11 knows is either its default or changes nothing
// aw's subset can observe, so the statement does nothing (no name bound).
static bool check_future_import(C *c, AwNode *s) {
  static const char *const known[] = {"nested_scopes", "generators", "division", "absolute_import",
                                      "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL",
                                      "generator_stop", "annotations", NULL};
  AwNodeList *names = &s->u.importfrom.names;
  for (int i = 0; i < names->len; i++) {
    const char *f = names->items[i]->u.alias.name;
    if (strcmp(f, "braces") == 0) return cc_error(c, s, "not a chance");
    int k = 0;
    while (known[k] && strcmp(known[k], f) != 0) k++;
    if (!known[k]) return cc_error(c, s, "future feature %s is not defined", f);
  }
  return true;
}

static bool compile_importfrom(C *c, AwNode *s) {
  // Leading future imports never get here (cc_module_body).
  if (is_future_import(s)) return cc_error(c, s, "from __future__ imports must occur at the beginning of the file");
  const char *mod = s->u.importfrom.module ? s->u.importfrom.module : "";
  int level = s->u.importfrom.level;
  if (level < 0) level = 0;
  // Relative imports keep their leading dots in the name.
  size_t mlen = strlen(mod);
  char small[256];
  char *buf = small;
  if ((size_t)level + mlen + 1 > sizeof small) {
    buf = aw_mem_alloc(c->vm, (size_t)level + mlen + 1);
    if (!buf) return cc_oom(c);
  }
  memset(buf, '.', (size_t)level);
  memcpy(buf + level, mod, mlen + 1);
  AwSymName *modname = aw_symtab_intern(&c->st, buf, (size_t)level + mlen);
  if (buf != small) aw_mem_free(c->vm, buf, (size_t)level + mlen + 1);
  if (!modname) return cc_oom(c);
  int idx = cc_name_index(c, modname);
  if (idx < 0) return false;
  TRY(emit(c, OP_IMPORT_MODULE, (uint32_t)idx));
  AwNodeList *names = &s->u.importfrom.names;
  for (int i = 0; i < names->len; i++) {
    AwNode *a = names->items[i];
    if (strcmp(a->u.alias.name, "*") == 0) return emit(c, OP_IMPORT_STAR, 0);
    const char *store = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
    TRY(cc_check_forbidden(c, s, store, CTX_STORE));
    AwSymName *n = cc_intern(c, a->u.alias.name);
    if (!n) return false;
    int ni = cc_name_index(c, n);
    if (ni < 0) return false;
    TRY(emit(c, OP_IMPORT_FROM, (uint32_t)ni));
    TRY(cc_nameop(c, a, store, CTX_STORE));
  }
  return emit(c, OP_POP_TOP, 0);
}

// ---- the statement dispatcher ------------------------------------------------------------

static bool stmt_inner(C *c, AwNode *s) {
  switch (s->kind) {
    case AST_EXPR_STMT: {
      AwNode *v = s->u.expr_stmt.value;
      if (c->mode == AW_PARSE_SINGLE && c->nestlevel <= 1) {
        TRY(cc_expr(c, v));
        return emit(c, OP_PRINT_EXPR, 0);
      }
      if (v->kind == AST_CONST) return true;  // a lone constant does nothing
      TRY(cc_expr(c, v));
      return emit(c, OP_POP_TOP, 0);
    }
    case AST_ASSIGN: return compile_assign(c, s);
    case AST_AUGASSIGN: return compile_augassign(c, s);
    case AST_ANNASSIGN: return compile_annassign(c, s);
    case AST_DELETE:
      for (int i = 0; i < s->u.list.items.len; i++) TRY(cc_delete(c, s->u.list.items.items[i]));
      return true;
    case AST_PASS:
    case AST_GLOBAL:
    case AST_NONLOCAL: return true;
    case AST_BREAK: return compile_break(c, s, true);
    case AST_CONTINUE: return compile_break(c, s, false);
    case AST_RETURN: return compile_return(c, s);
    case AST_IF: return compile_if(c, s);
    case AST_WHILE: return compile_while(c, s);
    case AST_FOR: return compile_for(c, s);
    case AST_FUNCDEF: return cc_funcdef(c, s);
    case AST_CLASSDEF: return cc_classdef(c, s);
    case AST_TRY: return compile_try(c, s);
    case AST_RAISE: {
      uint32_t n = 0;
      if (s->u.raise.exc) {
        TRY(cc_expr(c, s->u.raise.exc));
        n++;
        if (s->u.raise.cause) {
          TRY(cc_expr(c, s->u.raise.cause));
          n++;
        }
      }
      return emit(c, OP_RAISE_VARARGS, n);
    }
    case AST_WITH:
      if (s->u.with.is_async) TRY(check_async_stmt(c, s, "async with"));
      if (s->u.with.items.len == 0) return cc_stmts(c, &s->u.with.body);
      return compile_with(c, s, 0);
    case AST_IMPORT: return compile_import(c, s);
    case AST_IMPORTFROM: return compile_importfrom(c, s);
    case AST_ASSERT: return compile_assert(c, s);
    default: return cc_error(c, s, "internal compiler error: unexpected %s statement", aw_ast_kind_names[s->kind]);
  }
}

bool cc_stmt(C *c, AwNode *s) {
  if (++c->depth > AW_MAX_NESTING) return depth_error(c, s);
  c->u->lineno = s->line;
  c->u->pos = cc_node_pos(s);
  bool ok = stmt_inner(c, s);
  c->depth--;
  return ok;
}

bool cc_stmts(C *c, AwNodeList *l) {
  for (int i = 0; i < l->len; i++) TRY(cc_stmt(c, l->items[i]));
  return true;
}

bool cc_module_body(C *c, AwNode *module) {
  AwNodeList *body = &module->u.module.body;
  int start = 0;
  AwNode *doc = c->mode == AW_PARSE_FILE ? docstring_of(body) : NULL;
  if (doc) {
    c->u->lineno = doc->line;
    TRY(cc_load_const_node(c, doc));
    TRY(raw_name_op(c, OP_STORE_NAME, "__doc__"));
    start = 1;
  }
  for (; start < body->len && is_future_import(body->items[start]); start++)
    TRY(check_future_import(c, body->items[start]));
  for (int i = start; i < body->len; i++) TRY(cc_stmt(c, body->items[i]));
  TRY(load_none(c));
  return emit(c, OP_RETURN_VALUE, 0);
}

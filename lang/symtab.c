// lang/symtab.c -- scope analysis over the AST (CPython's symtable.c). The
// first pass records, per scope, how each name is used (flags); the second
// resolves every name to LOCAL/CELL/FREE/GLOBAL_* and propagates free
// variables through the scopes in between. SyntaxErrors that CPython raises
// from its symtable (global/nonlocal misuse, duplicate parameters, walrus
// in comprehensions, yield in comprehensions) are raised here; the rest are
// the compiler's.
#include <string.h>
#include "lang/symtab.h"

#define AW_MAX_DEPTH 2000
#define POOL_CHUNK 65536

struct AwSymPoolChunk {
  AwSymPoolChunk *next;
  size_t size, used;
  _Alignas(16) unsigned char data[];
};

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } Ctx;

// ---- errors and memory -----------------------------------------------------

static bool oom(AwSymtab *st) {
  if (!st->failed) {
    st->vm->exc = AW_UNDEF;  // reported through the diag, not as a pending exception
    aw_diag_set(st->diag, AW_DIAG_MEMORY, 0, -1, "out of memory");
  }
  st->failed = true;
  return false;
}

static bool error_at(AwSymtab *st, int line, int col, int end_col, const char *fmt, const char *name) {
  if (!st->failed) {
    aw_diag_set(st->diag, AW_DIAG_SYNTAX, line, col, fmt, name);
    st->diag->end_col = end_col;
  }
  st->failed = true;
  return false;
}

static bool error_node(AwSymtab *st, AwNode *n, const char *fmt, const char *name) {
  if (!st->failed) {
    aw_diag_set(st->diag, AW_DIAG_SYNTAX, n->line, n->col, fmt, name);
    st->diag->end_col = n->end_line == n->line ? n->end_col : 1 << 30;  // multi-line: to end of line
  }
  st->failed = true;
  return false;
}

static void *pool_alloc(AwSymtab *st, size_t size) {
  size = (size + 15) & ~(size_t)15;
  AwSymPoolChunk *c = st->pool;
  if (!c || c->size - c->used < size) {
    size_t want = size > POOL_CHUNK / 4 ? size : POOL_CHUNK;
    c = aw_mem_alloc(st->vm, sizeof(AwSymPoolChunk) + want);
    if (!c) {
      oom(st);
      return NULL;
    }
    c->size = want;
    c->used = 0;
    if (want == size && st->pool) {  // a big one: keep the current chunk on top
      c->next = st->pool->next;
      st->pool->next = c;
    } else {
      c->next = st->pool;
      st->pool = c;
    }
  }
  void *p = c->data + c->used;
  c->used += size;
  memset(p, 0, size);
  return p;
}

// Grows a VM-allocated array of [elem] bytes to hold at least [need] items.
static bool grow(AwSymtab *st, void **arr, int *cap, int need, size_t elem) {
  if (need <= *cap) return true;
  int ncap = *cap ? *cap * 2 : 8;
  while (ncap < need) ncap *= 2;
  void *p = aw_mem_realloc(st->vm, *arr, (size_t)*cap * elem, (size_t)ncap * elem);
  if (!p) return oom(st);
  *arr = p;
  *cap = ncap;
  return true;
}

// ---- interned names ----------------------------------------------------------

static uint32_t hash_bytes(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h ? h : 1;
}

static inline uint32_t ptr_hash(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

AwSymName *aw_symtab_intern(AwSymtab *st, const char *s, size_t len) {
  uint32_t h = hash_bytes(s, len);
  if (st->nnames * 2 >= st->names_cap) {
    int ncap = st->names_cap ? st->names_cap * 2 : 256;
    AwSymName **nt = aw_mem_alloc(st->vm, (size_t)ncap * sizeof(AwSymName *));
    if (!nt) {
      oom(st);
      return NULL;
    }
    memset(nt, 0, (size_t)ncap * sizeof(AwSymName *));
    for (int i = 0; i < st->names_cap; i++) {
      AwSymName *n = st->names[i];
      if (!n) continue;
      uint32_t j = n->hash & (uint32_t)(ncap - 1);
      while (nt[j]) j = (j + 1) & (uint32_t)(ncap - 1);
      nt[j] = n;
    }
    aw_mem_free(st->vm, st->names, (size_t)st->names_cap * sizeof(AwSymName *));
    st->names = nt;
    st->names_cap = ncap;
  }
  uint32_t mask = (uint32_t)(st->names_cap - 1);
  uint32_t j = h & mask;
  for (AwSymName *n; (n = st->names[j]); j = (j + 1) & mask)
    if (n->hash == h && n->len == len && memcmp(n->s, s, len) == 0) return n;
  AwSymName *n = pool_alloc(st, sizeof(AwSymName) + len + 1);
  if (!n) return NULL;
  n->str = AW_UNDEF;
  n->hash = h;
  n->len = (uint32_t)len;
  memcpy(n->s, s, len);
  n->s[len] = 0;
  st->names[j] = n;
  st->nnames++;
  return n;
}

static AwSymName *intern_c(AwSymtab *st, const char *s) { return aw_symtab_intern(st, s, strlen(s)); }

AwSymName *aw_symtab_mangle(AwSymtab *st, AwSymName *priv, const char *name) {
  size_t nlen = strlen(name);
  // Only "__x" inside a class is mangled; "__x__" and dotted names are not.
  if (!priv || nlen < 2 || name[0] != '_' || name[1] != '_' ||
      (nlen >= 2 && name[nlen - 1] == '_' && name[nlen - 2] == '_') || memchr(name, '.', nlen))
    return aw_symtab_intern(st, name, nlen);
  const char *p = priv->s;
  while (*p == '_') p++;
  if (!*p) return aw_symtab_intern(st, name, nlen);
  size_t plen = strlen(p);
  size_t total = 1 + plen + nlen;
  char small[256];
  char *buf = total < sizeof small ? small : pool_alloc(st, total + 1);
  if (!buf) return NULL;
  buf[0] = '_';
  memcpy(buf + 1, p, plen);
  memcpy(buf + 1 + plen, name, nlen);
  return aw_symtab_intern(st, buf, total);
}

// ---- scopes and symbols -------------------------------------------------------

AwSymbol *aw_scope_lookup(AwScope *sc, AwSymName *name) {
  if (!sc->index_cap) return NULL;
  uint32_t mask = (uint32_t)(sc->index_cap - 1);
  for (uint32_t j = ptr_hash(name) & mask;; j = (j + 1) & mask) {
    int32_t i = sc->index[j];
    if (i < 0) return NULL;
    if (sc->syms[i].name == name) return &sc->syms[i];
  }
}

static bool reindex(AwSymtab *st, AwScope *sc, int ncap) {
  int32_t *ix = aw_mem_alloc(st->vm, (size_t)ncap * sizeof(int32_t));
  if (!ix) return oom(st);
  memset(ix, 0xff, (size_t)ncap * sizeof(int32_t));
  uint32_t mask = (uint32_t)(ncap - 1);
  for (int i = 0; i < sc->nsyms; i++) {
    uint32_t j = ptr_hash(sc->syms[i].name) & mask;
    while (ix[j] >= 0) j = (j + 1) & mask;
    ix[j] = i;
  }
  aw_mem_free(st->vm, sc->index, (size_t)sc->index_cap * sizeof(int32_t));
  sc->index = ix;
  sc->index_cap = ncap;
  return true;
}

// The symbol for [name] in [sc], created (flags 0) if absent.
static AwSymbol *scope_add(AwSymtab *st, AwScope *sc, AwSymName *name) {
  AwSymbol *s = aw_scope_lookup(sc, name);
  if (s) return s;
  if (!grow(st, (void **)&sc->syms, &sc->capsyms, sc->nsyms + 1, sizeof(AwSymbol))) return NULL;
  if ((sc->nsyms + 1) * 2 > sc->index_cap && !reindex(st, sc, sc->index_cap ? sc->index_cap * 2 : 16))
    return NULL;
  int i = sc->nsyms++;
  s = &sc->syms[i];
  memset(s, 0, sizeof *s);
  s->name = name;
  s->dline = -1;
  s->fast = s->deref = s->free_index = -1;
  uint32_t mask = (uint32_t)(sc->index_cap - 1);
  uint32_t j = ptr_hash(name) & mask;
  while (sc->index[j] >= 0) j = (j + 1) & mask;
  sc->index[j] = i;
  return s;
}

AwScope *aw_symtab_scope_of(AwSymtab *st, AwNode *node) {
  if (!st->map_cap) return NULL;
  uint32_t mask = (uint32_t)(st->map_cap - 1);
  for (uint32_t j = ptr_hash(node) & mask;; j = (j + 1) & mask) {
    if (!st->map[j].node) return NULL;
    if (st->map[j].node == node) return st->map[j].scope;
  }
}

static bool map_put(AwSymtab *st, AwNode *node, AwScope *sc) {
  if ((st->nmap + 1) * 2 > st->map_cap) {
    int ncap = st->map_cap ? st->map_cap * 2 : 64;
    size_t esz = sizeof st->map[0];
    void *nm = aw_mem_alloc(st->vm, (size_t)ncap * esz);
    if (!nm) return oom(st);
    memset(nm, 0, (size_t)ncap * esz);
    struct AwScopeMapEntry *m = nm;
    for (int i = 0; i < st->map_cap; i++) {
      if (!st->map[i].node) continue;
      uint32_t j = ptr_hash(st->map[i].node) & (uint32_t)(ncap - 1);
      while (m[j].node) j = (j + 1) & (uint32_t)(ncap - 1);
      m[j] = st->map[i];
    }
    aw_mem_free(st->vm, st->map, (size_t)st->map_cap * esz);
    st->map = m;
    st->map_cap = ncap;
  }
  uint32_t mask = (uint32_t)(st->map_cap - 1);
  uint32_t j = ptr_hash(node) & mask;
  while (st->map[j].node) j = (j + 1) & mask;
  st->map[j].node = node;
  st->map[j].scope = sc;
  st->nmap++;
  return true;
}

static bool is_function_like(AwScope *sc) {
  return sc->kind == AW_SCOPE_FUNCTION || sc->kind == AW_SCOPE_ASYNC_FUNCTION ||
         sc->kind == AW_SCOPE_LAMBDA || sc->kind == AW_SCOPE_COMPREHENSION;
}

static bool enter_scope(AwSymtab *st, AwScopeKind kind, AwSymName *name, AwNode *node) {
  AwScope *sc = pool_alloc(st, sizeof(AwScope));
  if (!sc) return false;
  sc->kind = kind;
  sc->name = name;
  sc->node = node;
  sc->line = node->line;
  sc->parent = st->cur;
  if (st->cur) {
    sc->private_name = st->cur->private_name;
    AwScope *p = st->cur;
    if (!grow(st, (void **)&p->children, &p->capchildren, p->nchildren + 1, sizeof(AwScope *))) return false;
    p->children[p->nchildren++] = sc;
  }
  if (!grow(st, (void **)&st->scopes, &st->capscopes, st->nscopes + 1, sizeof(AwScope *))) return false;
  st->scopes[st->nscopes++] = sc;
  if (!map_put(st, node, sc)) return false;
  if (kind == AW_SCOPE_ASYNC_FUNCTION) sc->is_coroutine = true;
  st->cur = sc;
  return true;
}

static void exit_scope(AwSymtab *st) { st->cur = st->cur->parent; }

// ---- recording definitions -----------------------------------------------

static bool add_def_in(AwSymtab *st, AwScope *sc, AwSymName *name, int flag, int line, int col) {
  AwSymbol *s = scope_add(st, sc, name);
  if (!s) return false;
  int val = s->flags;
  if ((flag & AW_SYM_PARAM) && (val & AW_SYM_PARAM))
    return error_at(st, line, col, -1, "duplicate argument '%s' in function definition", name->s);
  val |= flag;
  if (sc->comp_iter_target) {
    if (val & (AW_SYM_GLOBAL | AW_SYM_NONLOCAL))
      return error_at(st, line, col, -1, "comprehension inner loop cannot rebind assignment expression target '%s'",
                      name->s);
    val |= AW_SYM_COMP_ITER;
  }
  s->flags = val;
  if (flag & AW_SYM_PARAM) {
    if (!grow(st, (void **)&sc->params, &sc->capparams, sc->nparams + 1, sizeof(AwSymName *))) return false;
    sc->params[sc->nparams++] = name;
  } else if ((flag & AW_SYM_GLOBAL) && sc != st->top) {
    // As CPython's st_global: a `global x` anywhere marks the module's x.
    AwSymbol *g = scope_add(st, st->top, name);
    if (!g) return false;
    g->flags |= AW_SYM_GLOBAL;
  }
  return true;
}

static bool add_def(AwSymtab *st, const char *name, int flag, int line, int col) {
  AwSymName *m = aw_symtab_mangle(st, st->cur->private_name, name);
  return m && add_def_in(st, st->cur, m, flag, line, col);
}

static void record_directive(AwScope *sc, AwSymName *name, AwNode *at) {
  AwSymbol *s = aw_scope_lookup(sc, name);
  if (s && s->dline < 0) {
    s->dline = at->line;
    s->dcol = at->col;
    s->dend = at->end_line == at->line ? at->end_col : 1 << 30;
  }
}

// ---- the visitor -----------------------------------------------------------

static bool visit_stmt(AwSymtab *st, AwNode *s);
static bool visit_expr(AwSymtab *st, AwNode *e, Ctx ctx);

static bool visit_stmts(AwSymtab *st, AwNodeList *l) {
  for (int i = 0; i < l->len; i++)
    if (!visit_stmt(st, l->items[i])) return false;
  return true;
}

static bool visit_exprs(AwSymtab *st, AwNodeList *l, Ctx ctx) {
  for (int i = 0; i < l->len; i++)
    if (l->items[i] && !visit_expr(st, l->items[i], ctx)) return false;
  return true;
}

static bool visit_opt(AwSymtab *st, AwNode *e) { return !e || visit_expr(st, e, CTX_LOAD); }

static bool visit_params(AwSymtab *st, AwNode *argsnode) {
  if (!argsnode) return true;
  AwArguments *a = &argsnode->u.arguments;
  AwNodeList *lists[3] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
  for (int k = 0; k < 3; k++)
    for (int i = 0; i < lists[k]->len; i++) {
      AwNode *arg = lists[k]->items[i];
      if (!add_def(st, arg->u.arg.name, AW_SYM_PARAM, arg->line, arg->col)) return false;
    }
  if (a->vararg) {
    if (!add_def(st, a->vararg->u.arg.name, AW_SYM_PARAM, a->vararg->line, a->vararg->col)) return false;
    st->cur->has_varargs = true;
  }
  if (a->kwarg) {
    if (!add_def(st, a->kwarg->u.arg.name, AW_SYM_PARAM, a->kwarg->line, a->kwarg->col)) return false;
    st->cur->has_varkw = true;
  }
  return true;
}

// Defaults are evaluated in the enclosing scope.
static bool visit_defaults(AwSymtab *st, AwNode *argsnode) {
  if (!argsnode) return true;
  AwArguments *a = &argsnode->u.arguments;
  return visit_exprs(st, &a->defaults, CTX_LOAD) && visit_exprs(st, &a->kw_defaults, CTX_LOAD);
}

static const char *comp_what(AwCompKind k) {
  switch (k) {
    case AW_COMP_LIST: return "list comprehension";
    case AW_COMP_SET: return "set comprehension";
    case AW_COMP_DICT: return "dict comprehension";
    default: return "generator expression";
  }
}

static bool visit_comprehension_rest(AwSymtab *st, AwNode *g) {
  st->cur->comp_iter_target = true;
  bool ok = visit_expr(st, g->u.comprehension.target, CTX_STORE);
  st->cur->comp_iter_target = false;
  if (!ok) return false;
  st->cur->comp_iter_expr++;
  ok = visit_expr(st, g->u.comprehension.iter, CTX_LOAD);
  st->cur->comp_iter_expr--;
  if (!ok || !visit_exprs(st, &g->u.comprehension.ifs, CTX_LOAD)) return false;
  if (g->u.comprehension.is_async) st->cur->is_coroutine = true;
  return true;
}

static bool handle_comprehension(AwSymtab *st, AwNode *e) {
  AwCompKind kind = e->kind == AST_LISTCOMP  ? AW_COMP_LIST
                    : e->kind == AST_SETCOMP ? AW_COMP_SET
                    : e->kind == AST_DICTCOMP ? AW_COMP_DICT
                                              : AW_COMP_GEN;
  static const char *const names[] = {"", "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
  AwNodeList *gens = &e->u.comp.generators;
  if (gens->len == 0) return true;
  AwNode *outer = gens->items[0];
  // The outermost iterable is evaluated in the enclosing scope.
  st->cur->comp_iter_expr++;
  bool ok = visit_expr(st, outer->u.comprehension.iter, CTX_LOAD);
  st->cur->comp_iter_expr--;
  if (!ok) return false;
  AwSymName *nm = intern_c(st, names[kind]);
  if (!nm || !enter_scope(st, AW_SCOPE_COMPREHENSION, nm, e)) return false;
  AwScope *sc = st->cur;
  sc->comp = kind;
  if (outer->u.comprehension.is_async) sc->is_coroutine = true;
  AwSymName *dot0 = intern_c(st, ".0");
  if (!dot0 || !add_def_in(st, sc, dot0, AW_SYM_PARAM, e->line, e->col)) return false;
  sc->comp_iter_target = true;
  ok = visit_expr(st, outer->u.comprehension.target, CTX_STORE);
  sc->comp_iter_target = false;
  if (!ok || !visit_exprs(st, &outer->u.comprehension.ifs, CTX_LOAD)) return false;
  for (int i = 1; i < gens->len; i++)
    if (!visit_comprehension_rest(st, gens->items[i])) return false;
  if (e->u.comp.value && !visit_expr(st, e->u.comp.value, CTX_LOAD)) return false;
  if (!visit_expr(st, e->u.comp.elt, CTX_LOAD)) return false;
  sc->is_generator = kind == AW_COMP_GEN;
  bool is_async = sc->is_coroutine && kind != AW_COMP_GEN;
  exit_scope(st);
  // An async list/set/dict comprehension is awaited where it is written.
  if (is_async) {
    st->cur->is_coroutine = true;
    if (st->cur->kind == AW_SCOPE_MODULE) st->cur->top_level_await = true;
  }
  return true;
}

// `x := v` inside a comprehension binds x in the nearest enclosing function
// (or module) scope.
static bool extend_namedexpr_scope(AwSymtab *st, AwNode *target) {
  AwSymName *name = aw_symtab_mangle(st, st->cur->private_name, target->u.name.id);
  if (!name) return false;
  for (AwScope *sc = st->cur; sc; sc = sc->parent) {
    if (sc->comp != AW_COMP_NONE) {
      AwSymbol *s = aw_scope_lookup(sc, name);
      if (s && (s->flags & AW_SYM_COMP_ITER))
        return error_node(st, target, "assignment expression cannot rebind comprehension iteration variable '%s'",
                          name->s);
      continue;
    }
    if (is_function_like(sc)) {
      AwSymbol *s = aw_scope_lookup(sc, name);
      int f = s && (s->flags & AW_SYM_GLOBAL) ? AW_SYM_GLOBAL : AW_SYM_NONLOCAL;
      if (!add_def_in(st, st->cur, name, f, target->line, target->col)) return false;
      record_directive(st->cur, name, target);
      return add_def_in(st, sc, name, AW_SYM_LOCAL, target->line, target->col);
    }
    if (sc->kind == AW_SCOPE_MODULE) {
      if (!add_def_in(st, st->cur, name, AW_SYM_GLOBAL, target->line, target->col)) return false;
      record_directive(st->cur, name, target);
      return add_def_in(st, sc, name, AW_SYM_GLOBAL, target->line, target->col);
    }
    if (sc->kind == AW_SCOPE_CLASS)
      return error_node(st, target, "%sassignment expression within a comprehension cannot be used in a class body",
                        "");
  }
  return true;
}

static bool handle_namedexpr(AwSymtab *st, AwNode *e) {
  if (st->cur->comp_iter_expr > 0)
    return error_node(st, e, "%sassignment expression cannot be used in a comprehension iterable expression", "");
  AwNode *target = e->u.namedexpr.target;
  if (st->cur->comp != AW_COMP_NONE && target->kind == AST_NAME && !extend_namedexpr_scope(st, target))
    return false;
  return visit_expr(st, e->u.namedexpr.value, CTX_LOAD) && visit_expr(st, target, CTX_STORE);
}

static bool depth_error(AwSymtab *st, AwNode *n) {
  if (!st->failed) aw_diag_set(st->diag, AW_DIAG_RECURSION, n->line, n->col, "maximum recursion depth exceeded during compilation");
  st->failed = true;
  return false;
}

static bool visit_expr_inner(AwSymtab *st, AwNode *e, Ctx ctx) {
  switch (e->kind) {
    case AST_NAME: {
      if (!add_def(st, e->u.name.id, ctx == CTX_LOAD ? AW_SYM_USE : AW_SYM_LOCAL, e->line, e->col)) return false;
      // super() needs the __class__ cell.
      if (ctx == CTX_LOAD && is_function_like(st->cur) && strcmp(e->u.name.id, "super") == 0)
        return add_def_in(st, st->cur, st->n_class, AW_SYM_USE, e->line, e->col);
      return true;
    }
    case AST_CONST:
      return true;
    case AST_JOINEDSTR:
    case AST_SET:
      return visit_exprs(st, &e->u.list.items, CTX_LOAD);
    case AST_LIST:
    case AST_TUPLE:
      return visit_exprs(st, &e->u.list.items, ctx);
    case AST_FORMATTEDVALUE:
      return visit_expr(st, e->u.fmtvalue.value, CTX_LOAD) && visit_opt(st, e->u.fmtvalue.spec);
    case AST_BINOP:
      return visit_expr(st, e->u.binop.left, CTX_LOAD) && visit_expr(st, e->u.binop.right, CTX_LOAD);
    case AST_UNARYOP:
      return visit_expr(st, e->u.unaryop.operand, CTX_LOAD);
    case AST_BOOLOP:
      return visit_exprs(st, &e->u.boolop.values, CTX_LOAD);
    case AST_COMPARE:
      return visit_expr(st, e->u.compare.left, CTX_LOAD) && visit_exprs(st, &e->u.compare.comparators, CTX_LOAD);
    case AST_IFEXP:
      return visit_expr(st, e->u.ifexp.test, CTX_LOAD) && visit_expr(st, e->u.ifexp.body, CTX_LOAD) &&
             visit_expr(st, e->u.ifexp.orelse, CTX_LOAD);
    case AST_LAMBDA: {
      if (!visit_defaults(st, e->u.lambda.args)) return false;
      AwSymName *nm = intern_c(st, "<lambda>");
      if (!nm || !enter_scope(st, AW_SCOPE_LAMBDA, nm, e)) return false;
      if (!visit_params(st, e->u.lambda.args) || !visit_expr(st, e->u.lambda.body, CTX_LOAD)) return false;
      exit_scope(st);
      return true;
    }
    case AST_NAMEDEXPR:
      return handle_namedexpr(st, e);
    case AST_CALL:
      return visit_expr(st, e->u.call.func, CTX_LOAD) && visit_exprs(st, &e->u.call.args, CTX_LOAD) &&
             visit_exprs(st, &e->u.call.keywords, CTX_LOAD);
    case AST_KEYWORD:
      return visit_expr(st, e->u.keyword.value, CTX_LOAD);
    case AST_ATTRIBUTE:
      return visit_expr(st, e->u.attribute.value, CTX_LOAD);
    case AST_SUBSCRIPT:
      return visit_expr(st, e->u.subscript.value, CTX_LOAD) && visit_expr(st, e->u.subscript.slice, CTX_LOAD);
    case AST_SLICE:
      return visit_opt(st, e->u.slice.lower) && visit_opt(st, e->u.slice.upper) && visit_opt(st, e->u.slice.step);
    case AST_STARRED:
      return visit_expr(st, e->u.starred.value, ctx);
    case AST_DICT:
      return visit_exprs(st, &e->u.dict.keys, CTX_LOAD) && visit_exprs(st, &e->u.dict.values, CTX_LOAD);
    case AST_LISTCOMP:
    case AST_SETCOMP:
    case AST_GENEXP:
    case AST_DICTCOMP:
      return handle_comprehension(st, e);
    case AST_AWAIT:
      if (!visit_expr(st, e->u.unary.value, CTX_LOAD)) return false;
      st->cur->is_coroutine = true;
      if (st->cur->kind == AW_SCOPE_MODULE) st->cur->top_level_await = true;
      return true;
    case AST_YIELD:
    case AST_YIELDFROM:
      if (!visit_opt(st, e->u.unary.value)) return false;
      st->cur->is_generator = true;
      if (st->cur->comp != AW_COMP_NONE) {
        const char *what = comp_what(st->cur->comp);
        return error_node(st, e, "'yield' inside %s", what);
      }
      return true;
    default:
      return true;
  }
}

static bool visit_expr(AwSymtab *st, AwNode *e, Ctx ctx) {
  if (++st->depth > AW_MAX_DEPTH) return depth_error(st, e);
  bool ok = visit_expr_inner(st, e, ctx);
  st->depth--;
  return ok;
}

static bool visit_alias(AwSymtab *st, AwNode *a) {
  const char *name = a->u.alias.name;
  if (strcmp(name, "*") == 0) {
    if (st->cur->kind != AW_SCOPE_MODULE)
      return error_node(st, a, "%simport * only allowed at module level", "");
    return true;
  }
  if (a->u.alias.asname) return add_def(st, a->u.alias.asname, AW_SYM_IMPORT, a->line, a->col);
  const char *dot = strchr(name, '.');
  if (!dot) return add_def(st, name, AW_SYM_IMPORT, a->line, a->col);
  AwSymName *first = aw_symtab_intern(st, name, (size_t)(dot - name));
  return first && add_def(st, first->s, AW_SYM_IMPORT, a->line, a->col);
}

static bool visit_directive(AwSymtab *st, AwNode *s, bool global) {
  for (int i = 0; i < s->u.names.count; i++) {
    AwSymName *name = aw_symtab_mangle(st, st->cur->private_name, s->u.names.items[i]);
    if (!name) return false;
    AwSymbol *sym = aw_scope_lookup(st->cur, name);
    int cur = sym ? sym->flags : 0;
    if (cur & (AW_SYM_PARAM | AW_SYM_LOCAL | AW_SYM_USE | AW_SYM_ANNOT)) {
      const char *msg;
      if (cur & AW_SYM_PARAM)
        msg = global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
      else if (cur & AW_SYM_USE)
        msg = global ? "name '%s' is used prior to global declaration" : "name '%s' is used prior to nonlocal declaration";
      else if (cur & AW_SYM_ANNOT)
        msg = global ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
      else
        msg = global ? "name '%s' is assigned to before global declaration"
                     : "name '%s' is assigned to before nonlocal declaration";
      return error_node(st, s, msg, name->s);
    }
    if (!add_def_in(st, st->cur, name, global ? AW_SYM_GLOBAL : AW_SYM_NONLOCAL, s->line, s->col)) return false;
    record_directive(st->cur, name, s);
  }
  return true;
}

static bool visit_stmt_inner(AwSymtab *st, AwNode *s) {
  switch (s->kind) {
    case AST_FUNCDEF: {
      if (!add_def(st, s->u.funcdef.name, AW_SYM_LOCAL, s->line, s->col)) return false;
      if (!visit_defaults(st, s->u.funcdef.args) || !visit_exprs(st, &s->u.funcdef.decorators, CTX_LOAD))
        return false;
      AwSymName *nm = intern_c(st, s->u.funcdef.name);
      if (!nm || !enter_scope(st, s->u.funcdef.is_async ? AW_SCOPE_ASYNC_FUNCTION : AW_SCOPE_FUNCTION, nm, s))
        return false;
      if (!visit_params(st, s->u.funcdef.args) || !visit_stmts(st, &s->u.funcdef.body)) return false;
      exit_scope(st);
      return true;
    }
    case AST_CLASSDEF: {
      if (!add_def(st, s->u.classdef.name, AW_SYM_LOCAL, s->line, s->col)) return false;
      if (!visit_exprs(st, &s->u.classdef.bases, CTX_LOAD) || !visit_exprs(st, &s->u.classdef.keywords, CTX_LOAD) ||
          !visit_exprs(st, &s->u.classdef.decorators, CTX_LOAD))
        return false;
      AwSymName *nm = intern_c(st, s->u.classdef.name);
      if (!nm || !enter_scope(st, AW_SCOPE_CLASS, nm, s)) return false;
      st->cur->private_name = nm;
      if (!visit_stmts(st, &s->u.classdef.body)) return false;
      exit_scope(st);
      return true;
    }
    case AST_RETURN:
      return visit_opt(st, s->u.ret.value);
    case AST_DELETE:
      return visit_exprs(st, &s->u.list.items, CTX_DEL);
    case AST_ASSIGN:
      return visit_exprs(st, &s->u.assign.targets, CTX_STORE) && visit_expr(st, s->u.assign.value, CTX_LOAD);
    case AST_ANNASSIGN: {
      AwNode *t = s->u.annassign.target;
      if (t->kind == AST_NAME) {
        AwSymName *name = aw_symtab_mangle(st, st->cur->private_name, t->u.name.id);
        if (!name) return false;
        AwSymbol *sym = aw_scope_lookup(st->cur, name);
        int cur = sym ? sym->flags : 0;
        if ((cur & (AW_SYM_GLOBAL | AW_SYM_NONLOCAL)) && st->cur != st->top && s->u.annassign.simple)
          return error_node(st, s,
                            cur & AW_SYM_GLOBAL ? "annotated name '%s' can't be global"
                                                : "annotated name '%s' can't be nonlocal",
                            name->s);
        if (s->u.annassign.simple) {
          if (!add_def_in(st, st->cur, name, AW_SYM_ANNOT | AW_SYM_LOCAL, t->line, t->col)) return false;
        } else if (s->u.annassign.value) {
          if (!add_def_in(st, st->cur, name, AW_SYM_LOCAL, t->line, t->col)) return false;
        }
      } else if (!visit_expr(st, t, CTX_STORE)) {
        return false;
      }
      return visit_opt(st, s->u.annassign.value);
    }
    case AST_AUGASSIGN:
      return visit_expr(st, s->u.augassign.target, CTX_STORE) && visit_expr(st, s->u.augassign.value, CTX_LOAD);
    case AST_FOR:
      if (s->u.for_.is_async && st->cur->kind == AW_SCOPE_MODULE) st->cur->top_level_await = st->cur->is_coroutine = true;
      return visit_expr(st, s->u.for_.target, CTX_STORE) && visit_expr(st, s->u.for_.iter, CTX_LOAD) &&
             visit_stmts(st, &s->u.for_.body) && visit_stmts(st, &s->u.for_.orelse);
    case AST_WHILE:
      return visit_expr(st, s->u.while_.test, CTX_LOAD) && visit_stmts(st, &s->u.while_.body) &&
             visit_stmts(st, &s->u.while_.orelse);
    case AST_IF:
      // elif chains are walked iteratively: thousands of elifs nest no deeper.
      for (;;) {
        if (!visit_expr(st, s->u.if_.test, CTX_LOAD) || !visit_stmts(st, &s->u.if_.body)) return false;
        AwNodeList *orelse = &s->u.if_.orelse;
        if (orelse->len == 1 && orelse->items[0]->kind == AST_IF) {
          s = orelse->items[0];
          continue;
        }
        return visit_stmts(st, orelse);
      }
    case AST_RAISE:
      return visit_opt(st, s->u.raise.exc) && visit_opt(st, s->u.raise.cause);
    case AST_TRY:
      if (!visit_stmts(st, &s->u.try_.body) || !visit_stmts(st, &s->u.try_.orelse)) return false;
      for (int i = 0; i < s->u.try_.handlers.len; i++) {
        AwNode *h = s->u.try_.handlers.items[i];
        if (!visit_opt(st, h->u.handler.type)) return false;
        if (h->u.handler.name && !add_def(st, h->u.handler.name, AW_SYM_LOCAL, h->line, h->col)) return false;
        if (!visit_stmts(st, &h->u.handler.body)) return false;
      }
      return visit_stmts(st, &s->u.try_.finalbody);
    case AST_ASSERT:
      return visit_expr(st, s->u.assert_.test, CTX_LOAD) && visit_opt(st, s->u.assert_.msg);
    case AST_IMPORT:
    case AST_IMPORTFROM: {
      AwNodeList *names = s->kind == AST_IMPORT ? &s->u.import.names : &s->u.importfrom.names;
      for (int i = 0; i < names->len; i++)
        if (!visit_alias(st, names->items[i])) return false;
      return true;
    }
    case AST_GLOBAL:
      return visit_directive(st, s, true);
    case AST_NONLOCAL:
      return visit_directive(st, s, false);
    case AST_EXPR_STMT:
      return visit_expr(st, s->u.expr_stmt.value, CTX_LOAD);
    case AST_WITH:
      if (s->u.with.is_async && st->cur->kind == AW_SCOPE_MODULE) st->cur->top_level_await = st->cur->is_coroutine = true;
      for (int i = 0; i < s->u.with.items.len; i++) {
        AwNode *it = s->u.with.items.items[i];
        if (!visit_expr(st, it->u.withitem.context_expr, CTX_LOAD)) return false;
        if (it->u.withitem.optional_vars && !visit_expr(st, it->u.withitem.optional_vars, CTX_STORE)) return false;
      }
      return visit_stmts(st, &s->u.with.body);
    default:
      return true;
  }
}

static bool visit_stmt(AwSymtab *st, AwNode *s) {
  if (++st->depth > AW_MAX_DEPTH) return depth_error(st, s);
  bool ok = visit_stmt_inner(st, s);
  st->depth--;
  return ok;
}

// ---- analysis ----------------------------------------------------------------

// The scope whose binding of [name] a use in [sc] refers to, or NULL for a
// global. Class scopes are skipped (their names are invisible to nested
// scopes) except that they provide __class__.
static AwScope *find_binding(AwSymtab *st, AwScope *sc, AwSymName *name) {
  for (AwScope *a = sc->parent; a; a = a->parent) {
    if (a->kind == AW_SCOPE_CLASS) {
      if (name == st->n_class) return a;
      continue;
    }
    if (a->kind == AW_SCOPE_MODULE) return NULL;
    AwSymbol *s = aw_scope_lookup(a, name);
    if (s) {
      if (s->flags & AW_SYM_GLOBAL) return NULL;
      if (s->flags & (AW_SYM_BOUND | AW_SYM_NONLOCAL)) return a;
    }
  }
  return NULL;
}

typedef struct {
  AwScope *from, *to;
  AwSymName *name;
} Pending;

static bool analyze(AwSymtab *st) {
  Pending *pend = NULL;
  int npend = 0, cappend = 0;
  bool ok = true;
  for (int si = 0; ok && si < st->nscopes; si++) {
    AwScope *sc = st->scopes[si];
    for (int i = 0; i < sc->nsyms; i++) {
      AwSymbol *s = &sc->syms[i];
      int f = s->flags;
      AwScope *target = NULL;
      if (f & AW_SYM_GLOBAL) {
        if (f & AW_SYM_NONLOCAL) {
          ok = error_at(st, s->dline, s->dcol, s->dend, "name '%s' is nonlocal and global", s->name->s);
          break;
        }
        s->scope = AW_SC_GLOBAL_EXPLICIT;
      } else if (f & AW_SYM_NONLOCAL) {
        if (sc->kind == AW_SCOPE_MODULE) {
          ok = error_at(st, s->dline, s->dcol, s->dend, "%snonlocal declaration not allowed at module level", "");
          break;
        }
        target = find_binding(st, sc, s->name);
        if (!target) {
          ok = error_at(st, s->dline, s->dcol, s->dend, "no binding for nonlocal '%s' found", s->name->s);
          break;
        }
        s->scope = AW_SC_FREE;
      } else if (f & AW_SYM_BOUND) {
        s->scope = AW_SC_LOCAL;
      } else if (sc->kind == AW_SCOPE_MODULE) {
        s->scope = AW_SC_GLOBAL_IMPLICIT;
      } else {
        target = find_binding(st, sc, s->name);
        s->scope = target ? AW_SC_FREE : AW_SC_GLOBAL_IMPLICIT;
      }
      if (target) {
        if (npend == cappend && !grow(st, (void **)&pend, &cappend, npend + 1, sizeof(Pending))) {
          ok = false;
          break;
        }
        pend[npend++] = (Pending){sc, target, s->name};
      }
    }
  }
  // Free variables pass through every scope between the use and the
  // binding; the binding becomes a cell.
  for (int k = 0; ok && k < npend; k++) {
    Pending *p = &pend[k];
    for (AwScope *mid = p->from->parent; mid != p->to; mid = mid->parent) {
      AwSymbol *s = aw_scope_lookup(mid, p->name);
      if (!s) {
        s = scope_add(st, mid, p->name);
        if (!s) {
          ok = false;
          break;
        }
        s->scope = AW_SC_FREE;
      } else if (mid->kind == AW_SCOPE_CLASS && (s->flags & (AW_SYM_BOUND | AW_SYM_GLOBAL))) {
        s->flags |= AW_SYM_FREE_CLASS;
      } else {
        s->scope = AW_SC_FREE;
      }
    }
    if (!ok) break;
    if (p->to->kind == AW_SCOPE_CLASS) {
      p->to->needs_class_closure = true;
    } else {
      AwSymbol *s = aw_scope_lookup(p->to, p->name);
      if (s && s->scope == AW_SC_LOCAL) s->scope = AW_SC_CELL;
    }
  }
  aw_mem_free(st->vm, pend, (size_t)cappend * sizeof(Pending));
  return ok;
}

// ---- entry points --------------------------------------------------------------

bool aw_symtab_build(AwSymtab *st, AwVM *vm, AwNode *module, AwDiag *diag) {
  memset(st, 0, sizeof *st);
  st->vm = vm;
  st->diag = diag;
  st->n_class = intern_c(st, "__class__");
  st->n_super = intern_c(st, "super");
  st->n_debug = intern_c(st, "__debug__");
  AwSymName *top = intern_c(st, "<module>");
  if (!st->n_class || !st->n_super || !st->n_debug || !top) return false;
  if (!enter_scope(st, AW_SCOPE_MODULE, top, module)) return false;
  st->top = st->cur;
  if (!visit_stmts(st, &module->u.module.body)) return false;
  return analyze(st);
}

void aw_symtab_free(AwSymtab *st) {
  AwVM *vm = st->vm;
  for (int i = 0; i < st->nscopes; i++) {
    AwScope *sc = st->scopes[i];
    aw_mem_free(vm, sc->children, (size_t)sc->capchildren * sizeof(AwScope *));
    aw_mem_free(vm, sc->syms, (size_t)sc->capsyms * sizeof(AwSymbol));
    aw_mem_free(vm, sc->index, (size_t)sc->index_cap * sizeof(int32_t));
    aw_mem_free(vm, sc->params, (size_t)sc->capparams * sizeof(AwSymName *));
  }
  aw_mem_free(vm, st->scopes, (size_t)st->capscopes * sizeof(AwScope *));
  aw_mem_free(vm, st->names, (size_t)st->names_cap * sizeof(AwSymName *));
  aw_mem_free(vm, st->map, (size_t)st->map_cap * sizeof st->map[0]);
  for (AwSymPoolChunk *c = st->pool, *next; c; c = next) {
    next = c->next;
    aw_mem_free(vm, c, sizeof(AwSymPoolChunk) + c->size);
  }
  memset(st, 0, sizeof *st);
}

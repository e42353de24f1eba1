// lang/compiler.c -- AST -> AwProto: the entry points, code units (one per
// function/class/module/comprehension body), instruction emission with
// labels, the constant and name tables (hashed, so huge sources compile in
// linear time), closures, and assembly: jump resolution plus a flow pass
// that computes each proto's max_stack and max_blocks. Statements are in
// compile_stmt.c, expressions in compile_expr.c.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lang/compiler_internal.h"

// ---- errors ----------------------------------------------------------------

bool cc_oom(C *c) {
  if (!c->failed) {
    c->vm->exc = AW_UNDEF;  // reported through the diag
    aw_diag_set(c->diag, AW_DIAG_MEMORY, c->u ? c->u->lineno : 0, -1, "out of memory");
  }
  c->failed = true;
  return false;
}

bool cc_error(C *c, AwNode *n, const char *fmt, ...) {
  if (!c->failed) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int line = n ? n->line : (c->u ? c->u->lineno : 0);
    int col = n ? n->col : -1;
    aw_diag_set(c->diag, AW_DIAG_SYNTAX, line, col, "%s", msg);
    // A node spanning lines gets carets to the end of its first line (the
    // formatter clamps end_col to the line), as CPython prints them.
    c->diag->end_col = !n ? -1 : n->end_line == n->line ? n->end_col : 1 << 30;
  }
  c->failed = true;
  return false;
}

// ---- emission and labels ----------------------------------------------------------

// A byte column as an AwSrcPos column (AW_POS_NONE if it does not fit).
static uint16_t pos_col(int col) { return col >= 0 && col < AW_POS_NONE ? (uint16_t)col : AW_POS_NONE; }

AwSrcPos cc_node_pos(const AwNode *n) {
  AwSrcPos pos = {n->line, n->end_line > 0 ? n->end_line : n->line, pos_col(n->col), pos_col(n->end_col),
                  AW_POS_NONE, AW_POS_NONE, AW_ANCHORS_NONE};
  if (n->end_line <= 0) pos.end_col = AW_POS_NONE;
  // Anchors for a one-line binary operation or subscript (traceback.c
  // finds the operator or the brackets between them).
  const AwNode *a = NULL, *b = NULL;
  if (n->kind == AST_BINOP) {
    a = n->u.binop.left;
    b = n->u.binop.right;
  } else if (n->kind == AST_SUBSCRIPT) {
    a = n->u.subscript.value;
    b = n->u.subscript.slice;
  }
  if (a && b && n->end_line == n->line && a->end_line == n->line && b->line == n->line && b->end_line == n->line) {
    pos.anchor_a = pos_col(a->end_col);
    pos.anchor_b = pos_col(n->kind == AST_BINOP ? b->col : b->end_col);
    pos.anchors = n->kind == AST_BINOP ? AW_ANCHORS_BINOP : AW_ANCHORS_SUBSCRIPT;
  }
  return pos;
}

bool cc_emit(C *c, AwOpcode op, uint32_t arg) {
  if (arg > AW_MAX_ARG) return cc_error(c, NULL, "too many constants, names or instructions in one code object");
  if (aw_proto_emit_at(c->vm, c->u->proto, op, arg, c->u->lineno, &c->u->pos) < 0) return cc_oom(c);
  return true;
}

int cc_new_label(C *c) {
  Unit *u = c->u;
  if (u->nlabels == u->caplabels) {
    int ncap = u->caplabels ? u->caplabels * 2 : 32;
    int32_t *l = aw_mem_realloc(c->vm, u->labels, (size_t)u->caplabels * sizeof(int32_t), (size_t)ncap * sizeof(int32_t));
    if (!l) {
      cc_oom(c);
      return -1;
    }
    u->labels = l;
    u->caplabels = ncap;
  }
  u->labels[u->nlabels] = -1;
  return u->nlabels++;
}

bool cc_bind(C *c, int label) {
  c->u->labels[label] = c->u->proto->ncode;
  return true;
}

// False when control cannot reach the next instruction: the last one is a
// return/raise/jump and no label points here (so an implicit `return None`
// would be dead code).
bool cc_falls_through(C *c) {
  Unit *u = c->u;
  int32_t n = u->proto->ncode;
  if (n == 0) return true;
  AwOpcode op = AW_OP(u->proto->code[n - 1]);
  if (op != OP_RETURN_VALUE && op != OP_RAISE_VARARGS && op != OP_RERAISE && op != OP_JUMP) return true;
  for (int i = 0; i < u->nlabels; i++)
    if (u->labels[i] == n) return true;
  return false;
}

bool cc_emit_jump(C *c, AwOpcode op, int label) {
  if (label < 0) return false;
  return cc_emit(c, op, (uint32_t)label);
}

// ---- constants -------------------------------------------------------------------

static uint32_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

static uint32_t hash_mem(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static bool append_const(C *c, AwValue v, int *out) {
  AwProto *p = c->u->proto;
  if (p->nconsts == p->cap_consts) {
    int32_t ncap = p->cap_consts ? p->cap_consts * 2 : 8;
    AwValue *n = aw_mem_realloc(c->vm, p->consts, (size_t)p->cap_consts * sizeof(AwValue), (size_t)ncap * sizeof(AwValue));
    if (!n) return cc_oom(c);
    p->consts = n;
    p->cap_consts = ncap;
  }
  if (p->nconsts >= AW_MAX_ARG) return cc_error(c, NULL, "too many constants in one code object");
  p->consts[p->nconsts] = v;
  *out = p->nconsts++;
  return true;
}

int cc_const_value(C *c, AwValue v) {
  int i;
  return append_const(c, v, &i) ? i : -1;
}

static bool cmap_grow(C *c) {
  Unit *u = c->u;
  int ncap = u->cmap_cap ? u->cmap_cap * 2 : 64;
  ConstSlot *n = aw_mem_alloc(c->vm, (size_t)ncap * sizeof(ConstSlot));
  if (!n) return cc_oom(c);
  memset(n, 0, (size_t)ncap * sizeof(ConstSlot));
  for (int i = 0; i < u->cmap_cap; i++) {
    ConstSlot *s = &u->cmap[i];
    if (s->kind == CK_EMPTY) continue;
    uint32_t j = s->hash & (uint32_t)(ncap - 1);
    while (n[j].kind != CK_EMPTY) j = (j + 1) & (uint32_t)(ncap - 1);
    n[j] = *s;
  }
  aw_mem_free(c->vm, u->cmap, (size_t)u->cmap_cap * sizeof(ConstSlot));
  u->cmap = n;
  u->cmap_cap = ncap;
  return true;
}

static bool is_identifier_like(const char *s, size_t len) {
  if (len == 0 || len > 64) return false;
  for (size_t i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) return false;
  }
  return true;
}

// Finds or adds a shareable constant (None, bools, Ellipsis, int, float,
// str, bytes): identical constants of one code object share a slot.
static int const_lookup(C *c, ConstKind kind, int64_t bits, const char *data, size_t len) {
  Unit *u = c->u;
  uint32_t h;
  if (kind == CK_STR || kind == CK_BYTES) h = hash_mem(data, len) ^ (uint32_t)kind * 0x9e3779b9u;
  else h = mix64((uint64_t)bits) ^ (uint32_t)kind * 0x9e3779b9u;
  if ((u->cmap_n + 1) * 2 > u->cmap_cap && !cmap_grow(c)) return -1;
  uint32_t mask = (uint32_t)(u->cmap_cap - 1);
  uint32_t j = h & mask;
  for (ConstSlot *s; (s = &u->cmap[j])->kind != CK_EMPTY; j = (j + 1) & mask) {
    if (s->kind != kind || s->hash != h) continue;
    if (kind == CK_STR || kind == CK_BYTES) {
      if (s->len == len && memcmp(s->data, data, len) == 0) return s->index;
    } else if (s->bits == bits) {
      return s->index;
    }
  }
  AwValue v;
  const char *keydata = NULL;
  switch (kind) {
    case CK_NONE: v = AW_NONE; break;
    case CK_TRUE: v = AW_TRUE; break;
    case CK_FALSE: v = AW_FALSE; break;
    case CK_ELLIPSIS: v = c->vm->ellipsis; break;
    case CK_INT: v = AW_INT(bits); break;
    case CK_FLOAT: {
      double d;
      memcpy(&d, &bits, sizeof d);
      v = AW_FLOAT(d);
      break;
    }
    case CK_STR:
      v = is_identifier_like(data, len) ? aw_str_intern(c->vm, data, len) : aw_str_new(c->vm, data, len);
      if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) {
        cc_oom(c);
        return -1;
      }
      keydata = AW_AS_STR(v)->data;
      break;
    case CK_BYTES:
      v = aw_bytes_new(c->vm, data, len);
      if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) {
        cc_oom(c);
        return -1;
      }
      keydata = (const char *)AW_AS_BYTES(v)->data;
      break;
    default: return -1;
  }
  int idx;
  if (!append_const(c, v, &idx)) return -1;
  ConstSlot *s = &u->cmap[j];
  s->kind = (uint8_t)kind;
  s->hash = h;
  s->index = idx;
  s->bits = bits;
  s->data = keydata;
  s->len = len;
  u->cmap_n++;
  return idx;
}

int cc_const_none(C *c) { return const_lookup(c, CK_NONE, 0, NULL, 0); }
int cc_const_bool(C *c, bool b) { return const_lookup(c, b ? CK_TRUE : CK_FALSE, 0, NULL, 0); }
int cc_const_int(C *c, int64_t i) { return const_lookup(c, CK_INT, i, NULL, 0); }
int cc_const_ellipsis(C *c) { return const_lookup(c, CK_ELLIPSIS, 0, NULL, 0); }
int cc_const_float(C *c, double d) {
  int64_t bits;
  memcpy(&bits, &d, sizeof bits);
  return const_lookup(c, CK_FLOAT, bits, NULL, 0);
}
int cc_const_str(C *c, const char *s, size_t len) { return const_lookup(c, CK_STR, 0, s, len); }
int cc_const_bytes(C *c, const char *s, size_t len) { return const_lookup(c, CK_BYTES, 0, s, len); }

int cc_const_of_node(C *c, AwNode *e) {
  switch (e->u.constant.kind) {
    case AW_CONST_NONE: return cc_const_none(c);
    case AW_CONST_TRUE: return cc_const_bool(c, true);
    case AW_CONST_FALSE: return cc_const_bool(c, false);
    case AW_CONST_ELLIPSIS: return cc_const_ellipsis(c);
    case AW_CONST_INT: return cc_const_int(c, e->u.constant.value.i);
    case AW_CONST_FLOAT: return cc_const_float(c, e->u.constant.value.f);
    case AW_CONST_STR: return cc_const_str(c, e->u.constant.value.s.data, e->u.constant.value.s.len);
    case AW_CONST_BYTES: return cc_const_bytes(c, e->u.constant.value.s.data, e->u.constant.value.s.len);
  }
  return -1;
}

bool cc_load_const_node(C *c, AwNode *e) {
  int i = cc_const_of_node(c, e);
  return i >= 0 && cc_emit(c, OP_LOAD_CONST, (uint32_t)i);
}

// ---- names -----------------------------------------------------------------------

AwSymName *cc_intern(C *c, const char *name) {
  AwSymName *n = aw_symtab_intern(&c->st, name, strlen(name));
  if (!n) c->failed = true;
  return n;
}

AwSymName *cc_mangle(C *c, const char *name) {
  AwSymName *n = aw_symtab_mangle(&c->st, c->u->private_name, name);
  if (!n) c->failed = true;
  return n;
}

AwValue cc_name_str(C *c, AwSymName *n) {
  if (AW_IS_UNDEF(n->str)) {
    AwValue v = aw_str_intern(c->vm, n->s, n->len);
    if (AW_IS_EXC(v) || AW_IS_UNDEF(v)) {
      cc_oom(c);
      return AW_UNDEF;
    }
    n->str = v;
  }
  return n->str;
}

static uint32_t ptr_hash(const void *p) { return mix64((uint64_t)(uintptr_t)p); }

int cc_name_index(C *c, AwSymName *n) {
  Unit *u = c->u;
  if ((u->nmap_n + 1) * 2 > u->nmap_cap) {
    int ncap = u->nmap_cap ? u->nmap_cap * 2 : 32;
    NameSlot *m = aw_mem_alloc(c->vm, (size_t)ncap * sizeof(NameSlot));
    if (!m) {
      cc_oom(c);
      return -1;
    }
    memset(m, 0, (size_t)ncap * sizeof(NameSlot));
    for (int i = 0; i < u->nmap_cap; i++) {
      if (!u->nmap[i].name) continue;
      uint32_t j = ptr_hash(u->nmap[i].name) & (uint32_t)(ncap - 1);
      while (m[j].name) j = (j + 1) & (uint32_t)(ncap - 1);
      m[j] = u->nmap[i];
    }
    aw_mem_free(c->vm, u->nmap, (size_t)u->nmap_cap * sizeof(NameSlot));
    u->nmap = m;
    u->nmap_cap = ncap;
  }
  uint32_t mask = (uint32_t)(u->nmap_cap - 1);
  uint32_t j = ptr_hash(n) & mask;
  for (; u->nmap[j].name; j = (j + 1) & mask)
    if (u->nmap[j].name == n) return u->nmap[j].index;
  AwValue s = cc_name_str(c, n);
  if (AW_IS_UNDEF(s)) return -1;
  AwProto *p = u->proto;
  if (p->nnames == p->cap_names) {
    int32_t ncap = p->cap_names ? p->cap_names * 2 : 8;
    AwValue *a = aw_mem_realloc(c->vm, p->names, (size_t)p->cap_names * sizeof(AwValue), (size_t)ncap * sizeof(AwValue));
    if (!a) {
      cc_oom(c);
      return -1;
    }
    p->names = a;
    p->cap_names = ncap;
  }
  p->names[p->nnames] = s;
  u->nmap[j].name = n;
  u->nmap[j].index = p->nnames;
  u->nmap_n++;
  return p->nnames++;
}

// ---- compile-time blocks -------------------------------------------------------------

bool cc_push_fblock(C *c, FBlockType t, int block, int exit, AwNode *node) {
  Unit *u = c->u;
  if (u->nfblocks >= AW_MAX_FBLOCKS) return cc_error(c, node, "too many statically nested blocks");
  FBlock *f = &u->fblocks[u->nfblocks++];
  memset(f, 0, sizeof *f);
  f->type = t;
  f->block = block;
  f->exit = exit;
  f->node = node;
  return true;
}

void cc_pop_fblock(C *c) { c->u->nfblocks--; }

// ---- units ---------------------------------------------------------------------------

static AwValue make_qualname(C *c, Unit *u, const char *name) {
  Unit *parent = u->parent;
  AwBuf b;
  aw_buf_init(&b);
  bool base = false;
  if (parent && parent->kind != AW_SCOPE_MODULE) {
    bool force_global = false;
    if (u->kind == AW_SCOPE_FUNCTION || u->kind == AW_SCOPE_ASYNC_FUNCTION || u->kind == AW_SCOPE_CLASS) {
      AwSymName *m = aw_symtab_mangle(&c->st, parent->private_name, name);
      if (!m) return AW_UNDEF;
      AwSymbol *s = aw_scope_lookup(parent->scope, m);
      if (s && s->scope == AW_SC_GLOBAL_EXPLICIT) force_global = true;
    }
    if (!force_global) {
      AwStr *pq = AW_AS_STR(parent->proto->qualname);
      aw_buf_append(c->vm, &b, pq->data, (size_t)pq->nbytes);
      if (parent->kind == AW_SCOPE_FUNCTION || parent->kind == AW_SCOPE_ASYNC_FUNCTION ||
          parent->kind == AW_SCOPE_LAMBDA)
        aw_buf_append(c->vm, &b, ".<locals>", 9);
      base = true;
    }
  }
  if (base) aw_buf_putc(c->vm, &b, '.');
  aw_buf_append(c->vm, &b, name, strlen(name));
  if (b.failed) {
    aw_buf_free(c->vm, &b);
    return AW_UNDEF;
  }
  AwValue v = aw_str_new(c->vm, b.data, b.len);
  aw_buf_free(c->vm, &b);
  return AW_IS_EXC(v) ? AW_UNDEF : v;
}

static bool is_function_kind(AwScopeKind k) {
  return k == AW_SCOPE_FUNCTION || k == AW_SCOPE_ASYNC_FUNCTION || k == AW_SCOPE_LAMBDA ||
         k == AW_SCOPE_COMPREHENSION;
}

// Lays out varnames (parameters first), cellvars, freevars and cell2arg
// from the scope's symbols, and records each symbol's slot.
static bool layout_slots(C *c, Unit *u) {
  AwScope *sc = u->scope;
  AwProto *p = u->proto;
  AwVM *vm = c->vm;
  int nlocals = 0, ncells = 0, nfree = 0;
  bool fn = is_function_kind(u->kind);
  if (fn) {
    nlocals = sc->nparams;
    for (int i = 0; i < sc->nsyms; i++)
      if (sc->syms[i].scope == AW_SC_LOCAL && !(sc->syms[i].flags & AW_SYM_PARAM)) nlocals++;
  }
  for (int i = 0; i < sc->nsyms; i++) {
    AwSymbol *s = &sc->syms[i];
    if (s->scope == AW_SC_CELL) ncells++;
    if (s->scope == AW_SC_FREE || (s->flags & AW_SYM_FREE_CLASS)) nfree++;
  }
  if (u->kind == AW_SCOPE_CLASS && sc->needs_class_closure) ncells++;
  if (nlocals) {
    p->varnames = aw_mem_alloc(vm, (size_t)nlocals * sizeof(AwValue));
    if (!p->varnames) return cc_oom(c);
  }
  p->nlocals = nlocals;
  if (ncells) {
    p->cellvars = aw_mem_alloc(vm, (size_t)ncells * sizeof(AwValue));
    if (!p->cellvars) return cc_oom(c);
  }
  p->ncells = ncells;
  if (nfree) {
    p->freevars = aw_mem_alloc(vm, (size_t)nfree * sizeof(AwValue));
    if (!p->freevars) return cc_oom(c);
  }
  p->nfree = nfree;
  for (int i = 0; i < nlocals; i++) p->varnames[i] = AW_NONE;
  for (int i = 0; i < ncells; i++) p->cellvars[i] = AW_NONE;
  for (int i = 0; i < nfree; i++) p->freevars[i] = AW_NONE;
  int k = 0;
  if (fn) {
    for (int i = 0; i < sc->nparams; i++) {
      AwSymbol *s = aw_scope_lookup(sc, sc->params[i]);
      s->fast = i;
      AwValue str = cc_name_str(c, sc->params[i]);
      if (AW_IS_UNDEF(str)) return false;
      p->varnames[i] = str;
    }
    k = sc->nparams;
    for (int i = 0; i < sc->nsyms; i++) {
      AwSymbol *s = &sc->syms[i];
      if (s->scope != AW_SC_LOCAL || (s->flags & AW_SYM_PARAM)) continue;
      AwValue str = cc_name_str(c, s->name);
      if (AW_IS_UNDEF(str)) return false;
      s->fast = k;
      p->varnames[k++] = str;
    }
  }
  int ci = 0;
  if (u->kind == AW_SCOPE_CLASS && sc->needs_class_closure) {
    AwValue str = cc_name_str(c, c->st.n_class);
    if (AW_IS_UNDEF(str)) return false;
    p->cellvars[ci++] = str;
  }
  bool any_arg_cell = false;
  for (int i = 0; i < sc->nsyms; i++) {
    AwSymbol *s = &sc->syms[i];
    if (s->scope != AW_SC_CELL) continue;
    AwValue str = cc_name_str(c, s->name);
    if (AW_IS_UNDEF(str)) return false;
    s->deref = ci;
    p->cellvars[ci++] = str;
    if (s->flags & AW_SYM_PARAM) any_arg_cell = true;
  }
  if (any_arg_cell) {
    p->cell2arg = aw_mem_alloc(vm, (size_t)ncells * sizeof(int32_t));
    if (!p->cell2arg) return cc_oom(c);
    for (int i = 0; i < ncells; i++) p->cell2arg[i] = -1;
    for (int i = 0; i < sc->nsyms; i++) {
      AwSymbol *s = &sc->syms[i];
      if (s->scope == AW_SC_CELL && (s->flags & AW_SYM_PARAM)) p->cell2arg[s->deref] = s->fast;
    }
  }
  int fi = 0;
  for (int i = 0; i < sc->nsyms; i++) {
    AwSymbol *s = &sc->syms[i];
    if (!(s->scope == AW_SC_FREE || (s->flags & AW_SYM_FREE_CLASS))) continue;
    AwValue str = cc_name_str(c, s->name);
    if (AW_IS_UNDEF(str)) return false;
    if (s->scope == AW_SC_FREE) s->deref = ncells + fi;
    else s->free_index = ncells + fi;
    p->freevars[fi++] = str;
  }
  return true;
}

static void free_unit(C *c, Unit *u) {
  AwVM *vm = c->vm;
  aw_mem_free(vm, u->cmap, (size_t)u->cmap_cap * sizeof(ConstSlot));
  aw_mem_free(vm, u->nmap, (size_t)u->nmap_cap * sizeof(NameSlot));
  aw_mem_free(vm, u->labels, (size_t)u->caplabels * sizeof(int32_t));
  aw_mem_free(vm, u, sizeof(Unit));
}

bool cc_enter_unit(C *c, AwScope *scope, AwNode *node, const char *name, AwScopeKind kind, int firstline) {
  (void)node;  // the scope was looked up from it; kept for symmetry with CPython's enter_scope
  AwVM *vm = c->vm;
  Unit *u = aw_mem_alloc(vm, sizeof(Unit));
  if (!u) return cc_oom(c);
  memset(u, 0, sizeof *u);
  u->parent = c->u;
  u->scope = scope;
  u->kind = kind;
  u->private_name = scope->private_name;
  u->lineno = firstline;
  u->pos = (AwSrcPos){firstline, firstline, AW_POS_NONE, AW_POS_NONE, AW_POS_NONE, AW_POS_NONE, AW_ANCHORS_NONE};
  c->u = u;
  c->nestlevel++;
  AwProto *p = aw_proto_new(vm);
  if (!p) return cc_oom(c);
  u->proto = p;
  p->firstline = firstline;
  p->filename = c->filename;
  p->source = c->source;
  AwValue nm = aw_str_intern(vm, name, strlen(name));
  if (AW_IS_EXC(nm) || AW_IS_UNDEF(nm)) return cc_oom(c);
  p->name = nm;
  AwValue qn = kind == AW_SCOPE_MODULE ? nm : make_qualname(c, u, name);
  if (AW_IS_UNDEF(qn)) return cc_oom(c);
  p->qualname = qn;
  uint32_t flags = 0;
  switch (kind) {
    case AW_SCOPE_MODULE:
      flags |= AW_CODE_MODULE;
      if (scope->is_coroutine) flags |= AW_CODE_COROUTINE;
      break;
    case AW_SCOPE_CLASS: flags |= AW_CODE_CLASS_BODY; break;
    case AW_SCOPE_LAMBDA: flags |= AW_CODE_LAMBDA; break;
    case AW_SCOPE_COMPREHENSION: flags |= AW_CODE_COMPREHENSION; break;
    default: break;
  }
  if (is_function_kind(kind)) {
    if (scope->is_generator && scope->is_coroutine) flags |= AW_CODE_ASYNC_GEN;
    else if (scope->is_generator) flags |= AW_CODE_GENERATOR;
    else if (scope->is_coroutine) flags |= AW_CODE_COROUTINE;
  }
  if (scope->has_varargs) flags |= AW_CODE_VARARGS;
  if (scope->has_varkw) flags |= AW_CODE_VARKEYWORDS;
  p->flags = flags;
  if (!layout_slots(c, u)) return false;
  if (flags & (AW_CODE_GENERATOR | AW_CODE_COROUTINE | AW_CODE_ASYNC_GEN)) {
    uint32_t kindarg = (flags & AW_CODE_ASYNC_GEN) ? 2 : (flags & AW_CODE_COROUTINE) ? 1 : 0;
    if (!cc_emit(c, OP_GEN_START, kindarg)) return false;
  }
  return true;
}

void cc_drop_unit(C *c) {
  Unit *u = c->u;
  if (!u) return;
  c->u = u->parent;
  c->nestlevel--;
  free_unit(c, u);
}

// ---- assembly: jumps and the stack-depth pass ------------------------------------------

static const int8_t op_effect[OP__COUNT] = {
#define OP(name, effect) effect,
#include "vm/opcodes.h"
#undef OP
};

// Value-stack effect of [op] when it falls through (jump false) or jumps.
static int stack_effect(AwOpcode op, uint32_t arg, bool jump) {
  switch (op) {
    case OP_BUILD_SLICE: return 1 - (int)arg;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_BUILD_TUPLE:
    case OP_BUILD_LIST:
    case OP_BUILD_SET:
    case OP_BUILD_STRING: return 1 - (int)arg;
    case OP_BUILD_MAP: return 1 - 2 * (int)arg;
    case OP_UNPACK_SEQUENCE: return (int)arg - 1;
    case OP_UNPACK_EX: return (int)(arg & 0xff) + (int)(arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_CALL: return -(int)arg;
    case OP_CALL_METHOD: return -(int)arg - 1;
    case OP_CALL_FUNCTION_EX: return (arg & 1) ? -2 : -1;
    case OP_MAKE_FUNCTION: return -(int)((arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1));
    case OP_BUILD_CLASS: return -(int)arg - 1;
    case OP_RAISE_VARARGS: return -(int)arg;
    case OP_SEND: return jump ? -1 : 0;
    case OP_SETUP_FINALLY: return jump ? 2 : 0;  // handler entry: [prev_handled, exc]
    case OP_IMPORT_NAME: return 1;               // [] -> [module]
    default: return op_effect[op];
  }
}

static int block_effect(AwOpcode op) {
  switch (op) {
    case OP_SETUP_FINALLY: return 1;  // on the jump the SETUP block becomes EXCEPT_HANDLER
    case OP_POP_BLOCK:
    case OP_POP_EXCEPT:
    case OP_END_ASYNC_FOR: return -1;
    default: return 0;
  }
}

static bool is_terminal(AwOpcode op) {
  return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

// ---- superinstructions ----------------------------------------------------------
// After the flow pass (which needs the plain opcodes), the first
// instruction of each common sequence gets a fused opcode (vm/opcodes.h
// lists them; interp.c runs them). The other instructions of a sequence
// stay as they are: the fused handler reads their args and skips them, so
// no jump, line or handler index moves. A sequence never spans a block
// boundary: a jump target or the resume point after a yield.

static bool is_cond_jump(AwOpcode op) { return op == OP_POP_JUMP_IF_FALSE || op == OP_POP_JUMP_IF_TRUE; }

// The fused opcode for the sequence starting at [i] (and its length in
// *len), or OP_NOP when none applies.
static AwOpcode fuse_at(const AwInstr *code, const uint8_t *start, int32_t n, int32_t i, int *len) {
  // How many instructions from i on can belong to one sequence.
  int room = 1;
  while (room < 4 && i + room < n && !start[i + room]) room++;
  AwOpcode o[4] = {OP_NOP, OP_NOP, OP_NOP, OP_NOP};
  for (int k = 0; k < room; k++) o[k] = AW_OP(code[i + k]);
  switch (o[0]) {
    case OP_LOAD_FAST:
      if (o[1] == OP_LOAD_CONST || o[1] == OP_LOAD_FAST) {
        bool cst = o[1] == OP_LOAD_CONST;
        if (o[2] == OP_COMPARE_OP && is_cond_jump(o[3])) {
          *len = 4;
          return cst ? OP_FAST_CONST_CMP_JUMP : OP_FAST_FAST_CMP_JUMP;
        }
        if (o[2] == OP_BINARY_OP && o[3] == OP_STORE_FAST) {
          *len = 4;
          return cst ? OP_FAST_CONST_OP_STORE : OP_FAST_FAST_OP_STORE;
        }
        if (o[2] == OP_BINARY_OP) {
          *len = 3;
          return cst ? OP_FAST_CONST_OP : OP_FAST_FAST_OP;
        }
        // A pair of loads, unless the second starts a longer sequence.
        int l2;
        if (!cst && fuse_at(code, start, n, i + 1, &l2) == OP_NOP) {
          *len = 2;
          return OP_LOAD_FAST_LOAD_FAST;
        }
      }
      return OP_NOP;
    case OP_LOAD_CONST:
      if (o[1] == OP_COMPARE_OP && is_cond_jump(o[2])) {
        *len = 3;
        return OP_CONST_CMP_JUMP;
      }
      if (o[1] == OP_BINARY_OP && o[2] == OP_STORE_FAST) {
        *len = 3;
        return OP_CONST_OP_STORE;
      }
      if (o[1] == OP_BINARY_OP) {
        *len = 2;
        return OP_CONST_OP;
      }
      return OP_NOP;
    case OP_COMPARE_OP:
      if (is_cond_jump(o[1])) {
        *len = 2;
        return OP_COMPARE_OP_JUMP;
      }
      return OP_NOP;
    case OP_BINARY_OP:
      if (o[1] == OP_STORE_FAST) {
        *len = 2;
        return OP_BINARY_OP_STORE;
      }
      return OP_NOP;
    case OP_STORE_FAST: {
      int l2;
      if (o[1] == OP_LOAD_FAST && fuse_at(code, start, n, i + 1, &l2) == OP_NOP) {
        *len = 2;
        return OP_STORE_FAST_LOAD_FAST;
      }
      return OP_NOP;
    }
    default:
      return OP_NOP;
  }
}

static bool fuse_superinstructions(C *c, AwProto *p) {
  int32_t n = p->ncode;
  if (n < 2) return true;
  uint8_t *start = aw_mem_alloc(c->vm, (size_t)n);
  if (!start) return cc_oom(c);
  memset(start, 0, (size_t)n);
  for (int32_t i = 0; i < n; i++) {
    AwOpcode op = AW_OP(p->code[i]);
    uint32_t arg = AW_ARG(p->code[i]);
    if (aw_op_is_jump(op) && arg < (uint32_t)n) start[arg] = 1;
    if (op == OP_YIELD_VALUE && i + 1 < n) start[i + 1] = 1;
  }
  for (int32_t i = 0; i < n;) {
    int len = 1;
    AwOpcode f = fuse_at(p->code, start, n, i, &len);
    if (f == OP_NOP) {
      i++;
      continue;
    }
    p->code[i] = AW_MAKE_INSTR(f, AW_ARG(p->code[i]));
    i += len;
  }
  aw_mem_free(c->vm, start, (size_t)n);
  return true;
}

static bool assemble(C *c) {
  Unit *u = c->u;
  AwProto *p = u->proto;
  AwVM *vm = c->vm;
  int32_t n = p->ncode;
  for (int32_t i = 0; i < n; i++) {
    AwOpcode op = AW_OP(p->code[i]);
    if (!aw_op_is_jump(op)) continue;
    int32_t t = u->labels[AW_ARG(p->code[i])];
    if (t < 0) return cc_error(c, NULL, "internal compiler error: unbound label");
    p->code[i] = AW_MAKE_INSTR(op, (uint32_t)t);
  }
  // Depth of the value stack and of the block stack before each
  // instruction, by a worklist walk over the control flow.
  int32_t *sd = aw_mem_alloc(vm, (size_t)n * 2 * sizeof(int32_t));
  int32_t *work = aw_mem_alloc(vm, ((size_t)n * 4 + 1) * sizeof(int32_t));
  if (!sd || !work) {
    aw_mem_free(vm, sd, (size_t)n * 2 * sizeof(int32_t));
    aw_mem_free(vm, work, ((size_t)n * 4 + 1) * sizeof(int32_t));
    return cc_oom(c);
  }
  int32_t *bd = sd + n;
  for (int32_t i = 0; i < n; i++) sd[i] = bd[i] = -1;
  int nwork = 0, maxwork = n * 4 + 1;
  int32_t maxd = 0, maxb = 0;
  sd[0] = bd[0] = 0;
  work[nwork++] = 0;
  while (nwork > 0) {
    int32_t i = work[--nwork];
    int32_t d = sd[i], b = bd[i];
    for (;;) {
      AwOpcode op = AW_OP(p->code[i]);
      uint32_t arg = AW_ARG(p->code[i]);
      if (aw_op_is_jump(op)) {
        int32_t t = (int32_t)arg;
        int32_t td = d + stack_effect(op, arg, true);
        int32_t tb = b + block_effect(op);
        if (td > maxd) maxd = td;
        if (tb > maxb) maxb = tb;
        if (t < n && (sd[t] < 0 || td > sd[t] || tb > bd[t])) {
#ifdef AW_DEBUG
          if (sd[t] >= 0) fprintf(stderr, "aw: compiler: stack depth mismatch at %d (%d vs %d)\n", t, sd[t], td);
#endif
          if (sd[t] < td) sd[t] = td;
          if (bd[t] < tb) bd[t] = tb;
          if (nwork < maxwork) work[nwork++] = t;
        }
      }
      if (is_terminal(op)) break;
      // CALL of a bound method shifts its arguments up one slot to insert
      // self (interp.c do_call): one slot past the call sequence.
      if (op == OP_CALL && d + 1 > maxd) maxd = d + 1;
      d += stack_effect(op, arg, false);
      b += block_effect(op);
      if (d > maxd) maxd = d;
      if (b > maxb) maxb = b;
      if (++i >= n) break;
      if (sd[i] >= 0) {
        if (d > sd[i] || b > bd[i]) {
#ifdef AW_DEBUG
          fprintf(stderr, "aw: compiler: stack depth mismatch at %d (%d vs %d)\n", i, sd[i], d);
#endif
          if (sd[i] < d) sd[i] = d;
          if (bd[i] < b) bd[i] = b;
          if (nwork < maxwork) work[nwork++] = i;
        }
        break;
      }
      sd[i] = d;
      bd[i] = b;
    }
  }
  aw_mem_free(vm, sd, (size_t)n * 2 * sizeof(int32_t));
  aw_mem_free(vm, work, ((size_t)n * 4 + 1) * sizeof(int32_t));
  // Exact: every push, and a bound method's self, is within the depth
  // this walk finds.
  p->max_stack = maxd;
  p->max_blocks = maxb;
  if (!fuse_superinstructions(c, p)) return false;
  // Trim the growable arrays to their final sizes.
  if (p->cap_code > n) {
    AwInstr *code = aw_mem_realloc(vm, p->code, (size_t)p->cap_code * sizeof(AwInstr), (size_t)n * sizeof(AwInstr));
    int32_t *lines = code ? aw_mem_realloc(vm, p->lines, (size_t)p->cap_code * sizeof(int32_t), (size_t)n * sizeof(int32_t)) : NULL;
    AwSrcPos *pos = lines ? aw_mem_realloc(vm, p->pos, (size_t)p->cap_code * sizeof(AwSrcPos), (size_t)n * sizeof(AwSrcPos)) : NULL;
    if (!code || !lines || !pos) return cc_oom(c);  // (shrinking does not fail in practice)
    p->code = code;
    p->lines = lines;
    p->pos = pos;
    p->cap_code = n;
  }
  if (p->cap_consts > p->nconsts && p->nconsts > 0) {
    AwValue *a = aw_mem_realloc(vm, p->consts, (size_t)p->cap_consts * sizeof(AwValue), (size_t)p->nconsts * sizeof(AwValue));
    if (!a) return cc_oom(c);
    p->consts = a;
    p->cap_consts = p->nconsts;
  }
  if (p->nnames > 0) {
    // names[] is followed by the interpreter's inline caches, one record of
    // five value slots per name (vm/interp.c: NameCache, all zero when
    // empty). cap_names == 6 * nnames tells the interpreter they exist;
    // they hold no references (the GC traces names[0..nnames) only).
    int32_t cap = 6 * p->nnames;
    AwValue *a = aw_mem_realloc(vm, p->names, (size_t)p->cap_names * sizeof(AwValue), (size_t)cap * sizeof(AwValue));
    if (!a) return cc_oom(c);
    memset(a + p->nnames, 0, (size_t)(cap - p->nnames) * sizeof(AwValue));
    p->names = a;
    p->cap_names = cap;
  }
  return true;
}

AwProto *cc_exit_unit(C *c) {
  Unit *u = c->u;
  AwProto *p = u->proto;
  bool ok = !c->failed && assemble(c);
  cc_drop_unit(c);
  return ok ? p : NULL;
}

// Pushes the function for [p]: LOAD_CLOSURE of each free variable (from
// the current unit's cells or frees) + BUILD_TUPLE, then LOAD_CONST p and
// MAKE_FUNCTION. [flags] says which of defaults (1) and kwdefaults (2)
// are already on the stack.
bool cc_make_closure(C *c, AwProto *p, uint32_t flags) {
  Unit *u = c->u;
  if (p->nfree > 0) {
    for (int32_t i = 0; i < p->nfree; i++) {
      AwStr *fname = AW_AS_STR(p->freevars[i]);
      AwSymName *n = aw_symtab_intern(&c->st, fname->data, (size_t)fname->nbytes);
      if (!n) return cc_oom(c);
      int idx = -1;
      if (u->kind == AW_SCOPE_CLASS && n == c->st.n_class) {
        idx = 0;  // the class body's own __class__ cell
      } else {
        AwSymbol *s = aw_scope_lookup(u->scope, n);
        if (s) idx = s->deref >= 0 ? s->deref : s->free_index;
      }
      if (idx < 0) return cc_error(c, NULL, "internal compiler error: no closure cell for '%s'", n->s);
      if (!cc_emit(c, OP_LOAD_CLOSURE, (uint32_t)idx)) return false;
    }
    if (!cc_emit(c, OP_BUILD_TUPLE, (uint32_t)p->nfree)) return false;
    flags |= 8;
  }
  int ci = cc_const_value(c, AW_OBJ(p));
  return ci >= 0 && cc_emit(c, OP_LOAD_CONST, (uint32_t)ci) && cc_emit(c, OP_MAKE_FUNCTION, flags);
}

// ---- entry points ------------------------------------------------------------------------

static void *arena_realloc(void *ud, void *ptr, size_t old_size, size_t new_size) {
  return aw_mem_realloc((AwVM *)ud, ptr, old_size, new_size);
}

AwProto *aw_compile_ast(AwVM *vm, AwNode *root, const char *source, size_t len, const char *filename,
                        AwParseMode mode, AwDiag *diag) {
  C cstate;
  C *c = &cstate;
  memset(c, 0, sizeof *c);
  c->vm = vm;
  c->diag = diag;
  c->mode = mode;
  memset(diag, 0, sizeof *diag);
  diag->col = -1;
  if (!filename) filename = "<string>";
  c->filename = aw_str_new_checked(vm, filename, strlen(filename));
  if (AW_IS_EXC(c->filename)) {
    vm->exc = AW_UNDEF;
    c->filename = aw_str_from_cstr(vm, "<string>");
    if (AW_IS_EXC(c->filename)) {
      cc_oom(c);
      return NULL;
    }
  }
  c->source = AW_NONE;
  if (source) {
    AwValue s = aw_str_new_checked(vm, source, len);
    if (AW_IS_EXC(s)) vm->exc = AW_UNDEF;  // not UTF-8: tracebacks show no lines
    else c->source = s;
  }
  AwProto *proto = NULL;
  if (aw_symtab_build(&c->st, vm, root, diag)) {
    if (cc_enter_unit(c, c->st.top, root, "<module>", AW_SCOPE_MODULE, 1) && cc_module_body(c, root))
      proto = cc_exit_unit(c);
  } else {
    c->failed = true;
  }
  while (c->u) cc_drop_unit(c);
  aw_symtab_free(&c->st);
  if (!proto && diag->kind == AW_DIAG_NONE) aw_diag_set(diag, AW_DIAG_SYNTAX, 1, -1, "internal compiler error");
  return proto;
}

AwProto *aw_compile(AwVM *vm, const char *source, size_t len, const char *filename, AwParseMode mode, AwDiag *diag,
                    bool *incomplete) {
  AwParseResult res;
  memset(&res, 0, sizeof res);
  aw_arena_init(&res.arena, arena_realloc, vm);
  if (incomplete) *incomplete = false;
  if (!aw_parse(source, len, mode, &res)) {
    *diag = res.diag;
    if (diag->kind == AW_DIAG_NONE) aw_diag_set(diag, AW_DIAG_SYNTAX, 1, -1, "invalid syntax");
    if (diag->kind == AW_DIAG_MEMORY) vm->exc = AW_UNDEF;
    if (incomplete) *incomplete = res.incomplete;
    aw_arena_free(&res.arena);
    return NULL;
  }
  AwProto *p = aw_compile_ast(vm, res.root, source, len, filename, mode, diag);
  aw_arena_free(&res.arena);
  return p;
}

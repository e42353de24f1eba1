// vm/code.c -- AwProto helpers (allocation, emission, constants and names,
// GC tracing and freeing) and the disassembler behind `aw --dis` and
// dis.dis(). The compiler (lang/compiler.c) fills protos; it keeps its own
// hash of constants and names; aw_proto_add_const/add_name here are the
// simple path for tools.
#include <string.h>
#include "vm/vm.h"

const char *const aw_op_names[OP__COUNT] = {
#define OP(name, effect) #name,
#include "vm/opcodes.h"
#undef OP
};

AwProto *aw_proto_new(AwVM *vm) {
  AwProto *p = (AwProto *)aw_obj_alloc(vm, sizeof(AwProto), AW_OBJ_PROTO, AW_CLS(vm, code));
  if (!p) return NULL;
  p->name = p->qualname = p->filename = p->source = AW_NONE;
  return p;
}

static bool grow_array(AwVM *vm, void **arr, int32_t *cap, size_t elem) {
  int32_t ncap = *cap ? *cap * 2 : 16;
  void *n = aw_mem_realloc(vm, *arr, (size_t)*cap * elem, (size_t)ncap * elem);
  if (!n) return false;
  *arr = n;
  *cap = ncap;
  return true;
}

int aw_proto_emit(AwVM *vm, AwProto *p, AwOpcode op, uint32_t arg, int line) {
  return aw_proto_emit_at(vm, p, op, arg, line, NULL);
}

int aw_proto_emit_at(AwVM *vm, AwProto *p, AwOpcode op, uint32_t arg, int line, const AwSrcPos *pos) {
  if (p->ncode == p->cap_code) {
    int32_t cap = p->cap_code;
    if (!grow_array(vm, (void **)&p->code, &cap, sizeof(AwInstr))) return -1;
    int32_t *lines = aw_mem_realloc(vm, p->lines, (size_t)p->cap_code * sizeof(int32_t), (size_t)cap * sizeof(int32_t));
    AwSrcPos *ps = lines ? aw_mem_realloc(vm, p->pos, (size_t)p->cap_code * sizeof(AwSrcPos), (size_t)cap * sizeof(AwSrcPos))
                         : NULL;
    if (lines) p->lines = lines;
    if (!ps) {
      // Keep code, lines and pos the same capacity: shrink back.
      p->code = aw_mem_realloc(vm, p->code, (size_t)cap * sizeof(AwInstr), (size_t)p->cap_code * sizeof(AwInstr));
      if (lines)
        p->lines = aw_mem_realloc(vm, p->lines, (size_t)cap * sizeof(int32_t), (size_t)p->cap_code * sizeof(int32_t));
      return -1;
    }
    p->pos = ps;
    p->cap_code = cap;
  }
  static const AwSrcPos unknown = {0, 0, AW_POS_NONE, AW_POS_NONE, AW_POS_NONE, AW_POS_NONE, AW_ANCHORS_NONE};
  p->code[p->ncode] = AW_MAKE_INSTR(op, arg);
  p->lines[p->ncode] = line;
  p->pos[p->ncode] = pos ? *pos : unknown;
  return p->ncode++;
}

static bool same_const(AwValue a, AwValue b) {
  if (a.tag != b.tag) return false;
  switch (a.tag) {
    case AW_T_NONE: return true;
    case AW_T_BOOL:
    case AW_T_INT:
    case AW_T_FLOAT: return a.as.i == b.as.i;  // floats: bit identity (0.0 vs -0.0)
    case AW_T_OBJ:
      if (AW_AS_OBJ(a) == AW_AS_OBJ(b)) return true;
      if (AW_IS_STR(a) && AW_IS_STR(b)) return aw_str_eq(AW_AS_STR(a), AW_AS_STR(b));
      return false;
    default: return false;
  }
}

// Sharing scans at most this many recent entries, so adding stays O(1);
// the compiler keeps a full hash of its own.
#define SHARE_WINDOW 64

int aw_proto_add_const(AwVM *vm, AwProto *p, AwValue v) {
  bool shareable = !AW_IS_OBJ(v) || AW_IS_STR(v);
  if (shareable)
    for (int32_t i = p->nconsts > SHARE_WINDOW ? p->nconsts - SHARE_WINDOW : 0; i < p->nconsts; i++)
      if (same_const(p->consts[i], v)) return i;
  if (p->nconsts == p->cap_consts && !grow_array(vm, (void **)&p->consts, &p->cap_consts, sizeof(AwValue)))
    return -1;
  p->consts[p->nconsts] = v;
  return p->nconsts++;
}

int aw_proto_add_name(AwVM *vm, AwProto *p, AwValue name) {
  for (int32_t i = p->nnames > SHARE_WINDOW ? p->nnames - SHARE_WINDOW : 0; i < p->nnames; i++)
    if (aw_str_eq(AW_AS_STR(p->names[i]), AW_AS_STR(name))) return i;
  if (p->nnames == p->cap_names && !grow_array(vm, (void **)&p->names, &p->cap_names, sizeof(AwValue)))
    return -1;
  p->names[p->nnames] = name;
  return p->nnames++;
}

void aw_proto_free_storage(AwVM *vm, AwProto *p) {
  aw_mem_free(vm, p->code, (size_t)p->cap_code * sizeof(AwInstr));
  aw_mem_free(vm, p->lines, (size_t)p->cap_code * sizeof(int32_t));
  aw_mem_free(vm, p->pos, (size_t)p->cap_code * sizeof(AwSrcPos));
  aw_mem_free(vm, p->consts, (size_t)p->cap_consts * sizeof(AwValue));
  aw_mem_free(vm, p->names, (size_t)p->cap_names * sizeof(AwValue));
  aw_mem_free(vm, p->varnames, (size_t)p->nlocals * sizeof(AwValue));
  aw_mem_free(vm, p->cellvars, (size_t)p->ncells * sizeof(AwValue));
  aw_mem_free(vm, p->freevars, (size_t)p->nfree * sizeof(AwValue));
  if (p->cell2arg) aw_mem_free(vm, p->cell2arg, (size_t)p->ncells * sizeof(int32_t));
  p->code = NULL;
  p->lines = NULL;
  p->pos = NULL;
  p->consts = p->names = p->varnames = p->cellvars = p->freevars = NULL;
  p->cell2arg = NULL;
  p->ncode = p->cap_code = p->nconsts = p->cap_consts = p->nnames = p->cap_names = 0;
  p->nlocals = p->ncells = p->nfree = 0;
}

void aw_proto_trace(AwVM *vm, AwProto *p) {
  for (int32_t i = 0; i < p->nconsts; i++) aw_gc_mark_value(vm, p->consts[i]);
  for (int32_t i = 0; i < p->nnames; i++) aw_gc_mark_value(vm, p->names[i]);
  if (p->varnames)
    for (int32_t i = 0; i < p->nlocals; i++) aw_gc_mark_value(vm, p->varnames[i]);
  if (p->cellvars)
    for (int32_t i = 0; i < p->ncells; i++) aw_gc_mark_value(vm, p->cellvars[i]);
  if (p->freevars)
    for (int32_t i = 0; i < p->nfree; i++) aw_gc_mark_value(vm, p->freevars[i]);
  aw_gc_mark_value(vm, p->name);
  aw_gc_mark_value(vm, p->qualname);
  aw_gc_mark_value(vm, p->filename);
  aw_gc_mark_value(vm, p->source);
}

// ---- the disassembler ----------------------------------------------------------

bool aw_op_is_jump(AwOpcode op) {
  switch (op) {
    case OP_JUMP:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP:
    case OP_FOR_ITER:
    case OP_SEND:
    case OP_SETUP_FINALLY:
      return true;
    default:
      return false;
  }
}

// Opcodes whose arg means something (printed by the disassembler).
static bool op_has_arg(AwOpcode op) {
  switch (op) {
    case OP_NOP: case OP_POP_TOP: case OP_ROT_TWO: case OP_ROT_THREE: case OP_ROT_FOUR:
    case OP_DUP_TOP: case OP_DUP_TOP_TWO: case OP_BINARY_SUBSCR: case OP_STORE_SUBSCR:
    case OP_DELETE_SUBSCR: case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE: case OP_UNARY_INVERT:
    case OP_UNARY_NOT: case OP_GET_ITER: case OP_LIST_TO_TUPLE: case OP_RETURN_VALUE:
    case OP_LOAD_BUILD_CLASS: case OP_IMPORT_STAR: case OP_POP_BLOCK: case OP_POP_EXCEPT:
    case OP_RERAISE: case OP_CHECK_EXC_MATCH: case OP_CHECK_EG_MATCH: case OP_PREP_RERAISE_STAR:
    case OP_LOAD_ASSERTION_ERROR: case OP_BEFORE_WITH: case OP_WITH_EXCEPT: case OP_WITH_EXIT:
    case OP_GET_YIELD_FROM_ITER: case OP_GET_AITER: case OP_POP_AITER: case OP_POP_ITER: case OP_GET_ANEXT: case OP_END_ASYNC_FOR:
    case OP_BEFORE_ASYNC_WITH: case OP_ASYNC_WITH_EXCEPT: case OP_ASYNC_WITH_EXIT:
    case OP_RETURN_GENERATOR: case OP_PRINT_EXPR: case OP_SETUP_ANNOTATIONS: case OP_EXTENDED_ARG:
      return false;
    default:
      return true;
  }
}

static bool buf_name(AwVM *vm, AwBuf *b, AwValue v) {
  if (AW_IS_STR(v)) return aw_buf_append(vm, b, AW_AS_STR(v)->data, (size_t)AW_AS_STR(v)->nbytes);
  return aw_buf_append(vm, b, "?", 1);
}

static bool buf_code_repr(AwVM *vm, AwBuf *b, AwProto *p) {
  return aw_buf_append(vm, b, "<code object ", 13) && buf_name(vm, b, p->name) &&
         aw_buf_printf(vm, b, " at %p, file \"", (void *)p) && buf_name(vm, b, p->filename) &&
         aw_buf_printf(vm, b, "\", line %d>", (int)p->firstline);
}

static bool buf_const(AwVM *vm, AwBuf *b, AwValue v) {
  if (AW_IS_KIND(v, AW_OBJ_PROTO)) return buf_code_repr(vm, b, (AwProto *)AW_AS_OBJ(v));
  return aw_buf_repr(vm, b, v);
}

static AwValue cell_name(AwProto *p, uint32_t i) {
  if (i < (uint32_t)p->ncells) return p->cellvars[i];
  if (i - (uint32_t)p->ncells < (uint32_t)p->nfree) return p->freevars[i - (uint32_t)p->ncells];
  return AW_UNDEF;
}

// AwBinOp order (lang/ast.h).
static const char *const binop_names[13] = {"+", "-", "*", "@", "/", "//", "%",
                                                         "**", "<<", ">>", "|", "^", "&"};
static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};

// The readable meaning of [op]'s [arg] (what dis shows in parentheses).
static bool buf_argrepr(AwVM *vm, AwBuf *b, AwProto *p, AwOpcode op, uint32_t arg) {
  switch (op) {
    case OP_LOAD_CONST:
    case OP_KW_NAMES:
      return arg < (uint32_t)p->nconsts ? buf_const(vm, b, p->consts[arg]) : true;
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST:
      return arg < (uint32_t)p->nlocals ? buf_name(vm, b, p->varnames[arg]) : true;
    case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF: {
      AwValue n = cell_name(p, arg);
      return AW_IS_UNDEF(n) ? true : buf_name(vm, b, n);
    }
    case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_NAME:
    case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_ATTR: case OP_STORE_ATTR:
    case OP_DELETE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_MODULE:
    case OP_IMPORT_FROM:
      return arg < (uint32_t)p->nnames ? buf_name(vm, b, p->names[arg]) : true;
    case OP_BINARY_OP: {
      uint32_t o = arg & ~(uint32_t)AW_BINOP_INPLACE;
      if (o >= 13) return true;
      return aw_buf_printf(vm, b, "%s%s", binop_names[o], (arg & AW_BINOP_INPLACE) ? "=" : "");
    }
    case OP_COMPARE_OP:
      return arg < 6 ? aw_buf_printf(vm, b, "%s", cmp_names[arg]) : true;
    case OP_FORMAT_VALUE: {
      static const char *const conv[] = {"", "str", "repr", "ascii"};
      const char *c = conv[arg & 3];
      if (arg & 4) return aw_buf_printf(vm, b, "%s%swith format", c, *c ? ", " : "");
      return aw_buf_printf(vm, b, "%s", c);
    }
    case OP_MAKE_FUNCTION:
      return aw_buf_printf(vm, b, "%s%s%s%s%s", (arg & 1) ? "defaults" : "",
                           (arg & 1) && (arg & 10) ? ", " : "", (arg & 2) ? "kwdefaults" : "",
                           (arg & 2) && (arg & 8) ? ", " : "", (arg & 8) ? "closure" : "");
    case OP_GEN_START: {
      static const char *const kinds[] = {"generator", "coroutine", "async generator"};
      return arg < 3 ? aw_buf_printf(vm, b, "%s", kinds[arg]) : true;
    }
    default:
      if (aw_op_is_jump(op)) return aw_buf_printf(vm, b, "to %u", arg * 2);
      return true;
  }
}

static void write_buf(AwVM *vm, AwBuf *b) {
  if (b->len) aw_write_out(vm, b->data, b->len);
  b->len = 0;
  if (b->data) b->data[0] = 0;
}

static bool dis_one(AwVM *vm, AwProto *p, AwBuf *b) {
  int32_t n = p->ncode;
  // Column widths as CPython's dis: 3 for lines under 1000, 4 for offsets.
  int maxline = 0;
  for (int32_t i = 0; i < n; i++)
    if (p->lines[i] > maxline) maxline = p->lines[i];
  int lw = 3, ow = 4;
  if (maxline >= 1000) lw = snprintf(NULL, 0, "%d", maxline);
  if ((n - 1) * 2 >= 10000) ow = snprintf(NULL, 0, "%d", (int)(n - 1) * 2);
  // Jump targets get ">>".
  uint8_t *target = NULL;
  if (n > 0) {
    target = aw_mem_alloc(vm, (size_t)n);
    if (!target) return false;
    memset(target, 0, (size_t)n);
    for (int32_t i = 0; i < n; i++) {
      AwOpcode op = AW_OP(p->code[i]);
      uint32_t a = AW_ARG(p->code[i]);
      if (aw_op_is_jump(op) && a < (uint32_t)n) target[a] = 1;
    }
  }
  bool ok = true;
  int lastline = -1;
  for (int32_t i = 0; ok && i < n; i++) {
    AwOpcode op = AW_OP(p->code[i]);
    uint32_t arg = AW_ARG(p->code[i]);
    int line = p->lines[i];
    if (line != lastline && line > 0) {
      if (i > 0) ok = aw_buf_putc(vm, b, '\n');
      ok = ok && aw_buf_printf(vm, b, "%*d", lw, line);
      lastline = line;
    } else {
      ok = aw_buf_printf(vm, b, "%*s", lw, "");
    }
    ok = ok && aw_buf_printf(vm, b, "     %s %*d %-20s", target[i] ? ">>" : "  ", ow, (int)i * 2,
                             op < OP__COUNT ? aw_op_names[op] : "???");
    if (ok && op_has_arg(op)) {
      ok = aw_buf_printf(vm, b, " %5u", arg);
      size_t mark = b->len;
      if (ok) ok = aw_buf_append(vm, b, " (", 2);
      size_t start = b->len;
      if (ok) ok = buf_argrepr(vm, b, p, op, arg);
      if (ok) {
        if (b->len == start) {
          b->len = mark;
          b->data[mark] = 0;
        } else {
          ok = aw_buf_putc(vm, b, ')');
        }
      }
    }
    // Trim trailing spaces as CPython does (rstrip).
    while (ok && b->len && b->data[b->len - 1] == ' ') b->data[--b->len] = 0;
    ok = ok && aw_buf_putc(vm, b, '\n');
    if (ok && b->len > 4096) write_buf(vm, b);
  }
  if (target) aw_mem_free(vm, target, (size_t)n);
  return ok;
}

static bool dis_recursive(AwVM *vm, AwProto *p, AwBuf *b, int depth) {
  if (!dis_one(vm, p, b)) return false;
  if (depth > 200) return true;
  for (int32_t i = 0; i < p->nconsts; i++) {
    if (!AW_IS_KIND(p->consts[i], AW_OBJ_PROTO)) continue;
    AwProto *q = (AwProto *)AW_AS_OBJ(p->consts[i]);
    if (!aw_buf_append(vm, b, "\nDisassembly of ", 16) || !buf_code_repr(vm, b, q) || !aw_buf_append(vm, b, ":\n", 2))
      return false;
    if (!dis_recursive(vm, q, b, depth + 1)) return false;
  }
  return true;
}

bool aw_code_dis(AwVM *vm, AwProto *p) {
  AwBuf b;
  aw_buf_init(&b);
  bool ok = dis_recursive(vm, p, &b, 0);
  if (ok) write_buf(vm, &b);
  aw_buf_free(vm, &b);
  return ok;
}

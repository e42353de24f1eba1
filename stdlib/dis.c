// stdlib/dis.c -- the dis module: dis.dis(x) disassembles a function, bound
// method, generator/coroutine, code object, source string, or every
// function and class of a class or module (as CPython's dis.dis), and
// dis.opname lists the opcode names. The listing itself is aw_code_dis
// (vm/code.c).
#include <stdlib.h>
#include <string.h>
#include "lang/compiler.h"
#include "vm/frame.h"

static bool dis_value(AwVM *vm, AwValue x, int depth);

static int cmp_str_values(const void *a, const void *b) {
  AwStr *x = AW_AS_STR(*(const AwValue *)a), *y = AW_AS_STR(*(const AwValue *)b);
  size_t n = (size_t)(x->nbytes < y->nbytes ? x->nbytes : y->nbytes);
  int r = memcmp(x->data, y->data, n);
  if (r) return r;
  return x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes;
}

// What CPython's dis recurses into inside a class or module namespace.
static bool has_code(AwVM *vm, AwValue v) {
  if (!AW_IS_OBJ(v)) return false;
  switch (AW_KIND(v)) {
    case AW_OBJ_FUNCTION:
    case AW_OBJ_BOUND:
    case AW_OBJ_PROTO:
    case AW_OBJ_CLASS:
      return true;
    case AW_OBJ_WRAPPER:
      return aw_obj_class(vm, AW_AS_OBJ(v)) == AW_CLS(vm, staticmethod) || aw_obj_class(vm, AW_AS_OBJ(v)) == AW_CLS(vm, classmethod);
    default:
      return false;
  }
}

static bool dis_namespace(AwVM *vm, AwDict *d, int depth) {
  int64_t n = 0, pos = 0;
  AwValue k, v;
  while (aw_dict_next(d, &pos, &k, &v))
    if (AW_IS_STR(k) && has_code(vm, v)) n++;
  if (n == 0) return true;
  AwValue *keys = aw_mem_alloc(vm, (size_t)n * sizeof(AwValue));
  if (!keys) return false;
  int64_t i = 0;
  pos = 0;
  while (aw_dict_next(d, &pos, &k, &v))
    if (AW_IS_STR(k) && has_code(vm, v) && i < n) keys[i++] = k;
  n = i;
  qsort(keys, (size_t)n, sizeof(AwValue), cmp_str_values);
  bool ok = true;
  for (i = 0; ok && i < n; i++) {
    AwValue val = aw_dict_get_str(d, keys[i]);
    if (AW_IS_UNDEF(val)) continue;
    AwStr *name = AW_AS_STR(keys[i]);
    aw_write_out(vm, "Disassembly of ", 15);
    aw_write_out(vm, name->data, (size_t)name->nbytes);
    aw_write_out(vm, ":\n", 2);
    ok = dis_value(vm, val, depth + 1);
    aw_write_out(vm, "\n", 1);
  }
  aw_mem_free(vm, keys, (size_t)(n ? n : 1) * sizeof(AwValue));
  return ok;
}

static bool dis_source(AwVM *vm, AwValue src) {
  AwStr *s = AW_AS_STR(src);
  AwDiag diag;
  AwProto *p = aw_compile(vm, s->data, (size_t)s->nbytes, "<dis>", AW_PARSE_FILE, &diag, NULL);
  if (!p) {
    if (diag.kind == AW_DIAG_MEMORY) {
      aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
      return false;
    }
    aw_raisef(vm, AW_EXCCLS(vm, SyntaxError), "%s", diag.msg);
    return false;
  }
  // Natives run no safepoint, so the fresh proto needs no root here.
  return aw_code_dis(vm, p);
}

static bool dis_value(AwVM *vm, AwValue x, int depth) {
  if (depth > 50) return true;
  if (AW_IS_KIND(x, AW_OBJ_BOUND)) x = ((AwBound *)AW_AS_OBJ(x))->func;
  if (AW_IS_KIND(x, AW_OBJ_WRAPPER) &&
      (aw_obj_class(vm, AW_AS_OBJ(x)) == AW_CLS(vm, staticmethod) || aw_obj_class(vm, AW_AS_OBJ(x)) == AW_CLS(vm, classmethod)))
    x = ((AwWrapper *)AW_AS_OBJ(x))->value;
  if (AW_IS_KIND(x, AW_OBJ_FUNCTION)) x = AW_OBJ(((AwFunction *)AW_AS_OBJ(x))->proto);
  if (AW_IS_KIND(x, AW_OBJ_NCORO)) x = AW_OBJ(((AwNCoro *)AW_AS_OBJ(x))->func->proto);
  if (AW_IS_KIND(x, AW_OBJ_GENERATOR)) {
    AwGen *g = (AwGen *)AW_AS_OBJ(x);
    if (!aw_gen_frame(g)) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "don't know how to disassemble %s objects", aw_type_name(vm, x));
      return false;
    }
    x = AW_OBJ(aw_gen_frame(g)->proto);
  }
  if (AW_IS_KIND(x, AW_OBJ_PROTO)) {
    if (!aw_code_dis(vm, (AwProto *)AW_AS_OBJ(x))) return false;
    return true;
  }
  if (AW_IS_CLASS(x)) return dis_namespace(vm, AW_AS_CLASS(x)->dict, depth);
  if (AW_IS_KIND(x, AW_OBJ_MODULE)) return dis_namespace(vm, ((AwModule *)AW_AS_OBJ(x))->dict, depth);
  if (AW_IS_STR(x)) return dis_source(vm, x);
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "don't know how to disassemble %s objects", aw_type_name(vm, x));
  return false;
}

static AwValue dis_dis(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"x", "file", "depth", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "dis", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  if (!dis_value(vm, a[0], 0)) {
    if (AW_IS_UNDEF(vm->exc)) aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "");
    return AW_EXC;
  }
  return AW_NONE;
}

AwModule *aw_open_dis(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "dis");
  if (!m || !aw_module_add_fn(vm, m, "dis", dis_dis)) return NULL;
  AwList *l = aw_list_new(vm, OP__COUNT);
  if (!l || !aw_module_add_value(vm, m, "opname", AW_OBJ(l))) return NULL;
  for (int i = 0; i < OP__COUNT; i++) {
    AwValue s = aw_str_from_cstr(vm, aw_op_names[i]);
    if (AW_IS_EXC(s) || !aw_list_append(vm, l, s)) return NULL;
  }
  return m;
}

// vm/frame.c -- frame records: their layout, the segmented frame stack that
// synchronous calls are carved from, and CPython's argument binding. The
// dispatch loop that runs frames is interp.c.
#include <string.h>
#include "vm/frame.h"

#define SEGMENT_BYTES (64 * 1024)

static size_t align16(size_t n) { return (n + 15) & ~(size_t)15; }
static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

static int32_t value_slots(AwProto *p) {
  return p->nlocals + p->ncells + p->nfree + p->max_stack;
}

size_t aw_frame_size(AwProto *p) {
  return AW_FRAME_HEAD + (size_t)value_slots(p) * sizeof(AwValue) + align16((size_t)p->max_blocks * sizeof(AwBlock));
}

size_t aw_gen_frame_size(AwProto *p) {
  return AW_FRAME_HEAD + (size_t)value_slots(p) * sizeof(AwValue) + align8((size_t)p->max_blocks * sizeof(AwBlock));
}

bool aw_frame_init(AwVM *vm, AwFrame *f, AwProto *proto, AwFunction *func, AwDict *globals, bool gen) {
  f->caller = f->c_prev = NULL;
  f->locals = NULL;
  f->nblocks = 0;
  f->flags = 0;
  f->proto = proto;
  f->func = func;
  f->globals = globals;
  (void)gen;  // (one layout for both)
  // Locals and cells start unbound (UNDEF is all zero bits); the value
  // stack needs no clearing: only slots below sp are ever read or traced.
  memset(aw_frame_slots(f), 0, (size_t)(proto->nlocals + proto->ncells) * sizeof(AwValue));
  f->sp = aw_frame_slots(f) + proto->nlocals + proto->ncells + proto->nfree;
  f->ip = proto->code;
  f->saved_handling = NULL;
  // Free variables come from the function's closure; cells are made when
  // arguments are bound (a cell may start from an argument).
  if (proto->nfree) {
    AwTuple *cl = func ? func->closure : NULL;
    for (int32_t i = 0; i < proto->nfree; i++)
      aw_frame_slots(f)[proto->nlocals + proto->ncells + i] = cl && i < cl->len ? cl->items[i] : AW_NONE;
  }
  (void)vm;
  return true;
}

static bool make_cells(AwVM *vm, AwFrame *f) {
  AwProto *p = f->proto;
  for (int32_t i = 0; i < p->ncells; i++) {
    AwCell *c = (AwCell *)aw_obj_alloc(vm, sizeof(AwCell), AW_OBJ_CELL, AW_CLS(vm, cell));
    if (!c) return false;
    c->value = AW_UNDEF;
    if (p->cell2arg && p->cell2arg[i] >= 0) {
      c->value = aw_frame_slots(f)[p->cell2arg[i]];
      aw_frame_slots(f)[p->cell2arg[i]] = AW_UNDEF;
    }
    aw_frame_slots(f)[p->nlocals + i] = AW_OBJ(c);
  }
  return true;
}

// ---- the frame stack -------------------------------------------------------

static bool new_segment(AwVM *vm, size_t need) {
  AwStackSeg *next = vm->seg ? vm->seg->next : NULL;
  if (next && (size_t)(next->end - next->base) < need) {
    // The cached segment is too small for this frame: drop it.
    next->prev->next = NULL;
    aw_mem_free(vm, next, sizeof(AwStackSeg) + (size_t)(next->end - next->base) + 16);
    next = NULL;
  }
  if (!next) {
    size_t bytes = need > SEGMENT_BYTES ? need : SEGMENT_BYTES;
    next = aw_mem_alloc(vm, sizeof(AwStackSeg) + bytes + 16);
    if (!next) return false;
    next->base = (char *)(((uintptr_t)(next + 1) + 15) & ~(uintptr_t)15);
    next->end = next->base + bytes;
    next->prev = vm->seg;
    next->next = NULL;
    if (vm->seg) vm->seg->next = next;
  }
  if (vm->seg) vm->seg->saved_top = vm->stack_top;
  vm->seg = next;
  vm->stack_top = next->base;
  return true;
}

AwFrame *aw_frame_push(AwVM *vm, AwProto *proto, AwFunction *func, AwDict *globals) {
  if (vm->depth >= vm->recursion_limit) {
    aw_raisef(vm, AW_EXCCLS(vm, RecursionError), "maximum recursion depth exceeded");
    return NULL;
  }
  size_t size = aw_frame_size(proto);
  bool fresh = false;
  if (!vm->seg || vm->stack_top + size > vm->seg->end) {
    if (!new_segment(vm, size)) return NULL;
    fresh = true;
  }
  AwFrame *f = (AwFrame *)vm->stack_top;
  aw_frame_init(vm, f, proto, func, globals, false);
  if (fresh) f->flags |= AW_FRAME_NEWSEG;
  vm->stack_top += size;
  vm->depth++;
  return f;
}

void aw_frame_pop(AwVM *vm, AwFrame *f) {
  vm->depth--;
  if ((f->flags & AW_FRAME_NEWSEG) && vm->seg->prev) {
    vm->seg = vm->seg->prev;
    vm->stack_top = vm->seg->saved_top;
  } else {
    vm->stack_top = (char *)f;
  }
}

// ---- argument binding ------------------------------------------------------

static const char *func_qualname(AwFrame *f) {
  AwValue q = f->func ? f->func->qualname : f->proto->qualname;
  return AW_IS_STR(q) ? AW_AS_STR(q)->data : "?";
}

static AwValue missing_args_error(AwVM *vm, AwFrame *f, int from, int to, const char *kind) {
  AwProto *p = f->proto;
  int n = 0;
  for (int i = from; i < to; i++)
    if (AW_IS_UNDEF(aw_frame_slots(f)[i])) n++;
  AwBuf b;
  aw_buf_init(&b);
  int k = 0;
  for (int i = from; i < to; i++) {
    if (!AW_IS_UNDEF(aw_frame_slots(f)[i])) continue;
    k++;
    if (k > 1) aw_buf_append(vm, &b, n == 2 ? " and " : (k == n ? ", and " : ", "), n == 2 ? 5 : (k == n ? 6 : 2));
    aw_buf_printf(vm, &b, "'%s'", AW_AS_STR(p->varnames[i])->data);
  }
  AwValue r = aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() missing %d required %s argument%s: %s",
                        func_qualname(f), n, kind, n == 1 ? "" : "s", b.data ? b.data : "");
  aw_buf_free(vm, &b);
  return r;
}

static int find_param(AwProto *p, AwValue name, int from, int to) {
  for (int i = from; i < to; i++) {
    AwValue v = p->varnames[i];
    if (AW_AS_OBJ(v) == AW_AS_OBJ(name) || aw_str_eq(AW_AS_STR(v), AW_AS_STR(name))) return i;
  }
  return -1;
}

// CPython's message, including "(and N keyword-only arguments)" when
// keyword-only parameters were passed too.
static bool too_many_positional(AwVM *vm, AwFrame *f, int given, int kwonly_given) {
  AwProto *p = f->proto;
  int ndef = f->func && f->func->defaults ? (int)f->func->defaults->len : 0;
  char takes[64], kwpart[96] = "";
  if (ndef)
    snprintf(takes, sizeof takes, "from %d to %d positional arguments", p->argcount - ndef, p->argcount);
  else
    snprintf(takes, sizeof takes, "%d positional argument%s", p->argcount, p->argcount == 1 ? "" : "s");
  if (kwonly_given)
    snprintf(kwpart, sizeof kwpart, " positional argument%s (and %d keyword-only argument%s)", given == 1 ? "" : "s",
             kwonly_given, kwonly_given == 1 ? "" : "s");
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes %s but %d%s %s given", func_qualname(f), takes, given, kwpart,
            given == 1 && !kwonly_given ? "was" : "were");
  return false;
}

static int count_kwonly_given(AwProto *p, AwTuple *kwnames) {
  int n = 0;
  for (int64_t k = 0; kwnames && k < kwnames->len; k++)
    if (find_param(p, kwnames->items[k], p->argcount, p->argcount + p->kwonlyargcount) >= 0) n++;
  return n;
}

bool aw_frame_bind_args(AwVM *vm, AwFrame *f, int argc, AwValue *argv, AwTuple *kwnames) {
  AwProto *p = f->proto;
  AwValue *slots = aw_frame_slots(f);
  int nkw = kwnames ? (int)kwnames->len : 0;
  int npos = argc;
  int total_params = p->argcount + p->kwonlyargcount;
  int varargs_at = total_params;
  int kwargs_at = total_params + ((p->flags & AW_CODE_VARARGS) ? 1 : 0);

  // Fast path: exact positional call.
  if (nkw == 0 && npos == p->argcount && !(p->flags & (AW_CODE_VARARGS | AW_CODE_VARKEYWORDS)) &&
      p->kwonlyargcount == 0) {
    if (npos) memcpy(slots, argv, (size_t)npos * sizeof(AwValue));
    return p->ncells ? make_cells(vm, f) : true;
  }

  int ncopy = npos < p->argcount ? npos : p->argcount;
  if (ncopy) memcpy(slots, argv, (size_t)ncopy * sizeof(AwValue));
  if (p->flags & AW_CODE_VARARGS) {
    int extra = npos > p->argcount ? npos - p->argcount : 0;
    AwTuple *t = aw_tuple_new(vm, extra);
    if (!t) return false;
    if (extra) memcpy(t->items, argv + p->argcount, (size_t)extra * sizeof(AwValue));
    slots[varargs_at] = AW_OBJ(t);
  } else if (npos > p->argcount) {
    return too_many_positional(vm, f, npos, count_kwonly_given(p, kwnames));
  }
  AwDict *kwdict = NULL;
  if (p->flags & AW_CODE_VARKEYWORDS) {
    kwdict = aw_dict_new(vm);
    if (!kwdict) return false;
    slots[kwargs_at] = AW_OBJ(kwdict);
  }
  for (int k = 0; k < nkw; k++) {
    AwValue name = kwnames->items[k];
    AwValue val = argv[npos + k];
    int at = find_param(p, name, p->posonlyargcount, total_params);
    if (at < 0) {
      if (kwdict) {
        if (!aw_dict_set(vm, kwdict, name, val)) return false;
        continue;
      }
      if (find_param(p, name, 0, p->posonlyargcount) >= 0) {
        aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                  "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                  func_qualname(f), AW_AS_STR(name)->data);
        return false;
      }
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() got an unexpected keyword argument '%s'",
                func_qualname(f), AW_AS_STR(name)->data);
      return false;
    }
    if (!AW_IS_UNDEF(slots[at])) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() got multiple values for argument '%s'",
                func_qualname(f), AW_AS_STR(name)->data);
      return false;
    }
    slots[at] = val;
  }
  // Positional defaults fill the last len(defaults) parameters.
  if (npos < p->argcount) {
    AwTuple *defs = f->func ? f->func->defaults : NULL;
    int ndef = defs ? (int)defs->len : 0;
    int first_def = p->argcount - ndef;
    for (int i = npos; i < p->argcount; i++)
      if (AW_IS_UNDEF(slots[i]) && i >= first_def) slots[i] = defs->items[i - first_def];
    for (int i = npos; i < p->argcount; i++)
      if (AW_IS_UNDEF(slots[i])) {
        missing_args_error(vm, f, 0, p->argcount, "positional");
        return false;
      }
  }
  if (p->kwonlyargcount) {
    AwDict *kwd = f->func ? f->func->kwdefaults : NULL;
    for (int i = p->argcount; i < total_params; i++) {
      if (!AW_IS_UNDEF(slots[i]) || !kwd) continue;
      AwValue d = aw_dict_get_str(kwd, p->varnames[i]);
      if (!AW_IS_UNDEF(d)) slots[i] = d;
    }
    for (int i = p->argcount; i < total_params; i++)
      if (AW_IS_UNDEF(slots[i])) {
        missing_args_error(vm, f, p->argcount, total_params, "keyword-only");
        return false;
      }
  }
  return p->ncells ? make_cells(vm, f) : true;
}

// ---- tracing and lines -----------------------------------------------------

void aw_frame_trace(AwVM *vm, AwFrame *f) {
  AwProto *p = f->proto;
  aw_gc_mark_obj(vm, &p->obj);
  if (f->func) aw_gc_mark_obj(vm, &f->func->obj);
  if (f->globals) aw_gc_mark_obj(vm, &f->globals->obj);
  if (f->locals) aw_gc_mark_obj(vm, &f->locals->obj);
  if (f->flags & AW_FRAME_GEN) aw_gc_mark_obj(vm, &aw_frame_gen(f)->obj);
  if (f->saved_handling) aw_gc_mark_obj(vm, f->saved_handling);
  // Locals, cells, free variables and the value stack up to sp.
  for (AwValue *v = aw_frame_slots(f); v < f->sp; v++) aw_gc_mark_value(vm, *v);
}

int aw_frame_line(AwFrame *f) {
  AwProto *p = f->proto;
  int32_t at = (int32_t)(f->ip - p->code) - 1;
  if (at < 0) at = 0;
  if (at >= p->ncode) at = p->ncode - 1;
  return p->ncode > 0 ? p->lines[at] : p->firstline;
}

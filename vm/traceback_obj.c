// vm/traceback_obj.c -- traceback objects: what a script sees of an
// exception's traceback (e.__traceback__, sys.exc_info()[2]). The exception
// keeps its chain of (proto, line, next, instr, kept) entries (vm/traceback.c);
// a traceback object, and the frame its tb_frame shows, are frame refs
// (AW_OBJ_FRAMEREF) onto one entry, made when a script asks. Like CPython's,
// the chain starts at the outermost frame and tb_next goes inwards.
#include "vm/interp.h"
#include "vm/vm.h"

enum { ENTRY_PROTO, ENTRY_LINE, ENTRY_NEXT, ENTRY_INSTR, ENTRY_KEPT, ENTRY_TB, ENTRY_FRAME };

static bool is_entry(AwValue v) {
  return AW_IS_TUPLE(v) && AW_AS_TUPLE(v)->len == AW_TB_ENTRY_LEN &&
         AW_IS_KIND(AW_AS_TUPLE(v)->items[ENTRY_PROTO], AW_OBJ_PROTO);
}

static bool is_traceback_object(AwVM *vm, AwValue v) {
  return AW_IS_KIND(v, AW_OBJ_FRAMEREF) && aw_obj_class(vm, AW_AS_OBJ(v)) == AW_CLS(vm, traceback);
}

// The entry's object in [slot] (ENTRY_TB or ENTRY_FRAME), made once so that
// `e.__traceback__ is sys.exc_info()[2]` and `tb.tb_frame is tb.tb_frame`.
static AwValue entry_object(AwVM *vm, AwValue entry, int slot, AwClass *cls) {
  AwTuple *t = AW_AS_TUPLE(entry);
  if (AW_IS_NONE(t->items[slot])) {
    AwValue o = aw_frameref_new(vm, cls, entry);
    if (AW_IS_EXC(o)) return o;
    t->items[slot] = o;
  }
  return t->items[slot];
}

AwValue aw_traceback_object(AwVM *vm, AwValue chain) {
  return is_entry(chain) ? entry_object(vm, chain, ENTRY_TB, AW_CLS(vm, traceback)) : AW_NONE;
}

AwValue aw_traceback_chain(AwVM *vm, AwValue v) {
  if (AW_IS_NONE(v) || is_entry(v)) return v;
  return is_traceback_object(vm, v) ? aw_frameref_target(v) : AW_UNDEF;
}

AwValue aw_traceback_entry_line(AwValue entry) { return AW_AS_TUPLE(entry)->items[ENTRY_LINE]; }
AwValue aw_traceback_entry_code(AwValue entry) { return AW_AS_TUPLE(entry)->items[ENTRY_PROTO]; }

static AwValue entry_of(AwValue self) { return aw_frameref_target(self); }

static AwValue tb_lineno(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  return aw_traceback_entry_line(entry_of(argv[0]));
}

// CPython counts bytes of 2-byte code units; aw counts instructions, so
// this is a position in aw's code, comparable only with itself.
static AwValue tb_lasti(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)vm; (void)argc; (void)kw;
  AwValue instr = AW_AS_TUPLE(entry_of(argv[0]))->items[ENTRY_INSTR];
  return AW_IS_INT(instr) && AW_AS_INT(instr) >= 0 ? AW_INT(AW_AS_INT(instr) * 2) : AW_INT(-1);
}

static AwValue tb_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  return aw_traceback_object(vm, AW_AS_TUPLE(entry_of(argv[0]))->items[ENTRY_NEXT]);
}

static AwValue tb_frame(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  (void)argc; (void)kw;
  return entry_object(vm, entry_of(argv[0]), ENTRY_FRAME, AW_CLS(vm, frame));
}

bool aw_traceback_init_class(AwVM *vm) {
  AwClass *c = AW_CLS(vm, traceback);
  c->slot_flags |= AW_CLS_NO_NEW_ATTRS;
  return aw_class_add_native(vm, c, "tb_lineno", tb_lineno, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, c, "tb_lasti", tb_lasti, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, c, "tb_next", tb_next, AW_NATIVE_GETTER) &&
         aw_class_add_native(vm, c, "tb_frame", tb_frame, AW_NATIVE_GETTER);
}

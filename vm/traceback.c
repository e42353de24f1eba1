// vm/traceback.c -- tracebacks: recording where an exception passed while
// unwinding, and printing it with its chained causes/contexts and nested
// exception groups exactly as CPython 3.11's traceback.py formats them,
// with the ~~~^^^ lines under the source that mark what failed.
//
// AwException.traceback is None or a chain of (proto, line, next, instr,
// kept, tb, frame) tuples (kept: see aw_traceback_add_at; tb and frame:
// the script's traceback and frame objects for the entry, made on demand by
// traceback_obj.c), like CPython's traceback objects: each frame the
// exception leaves is put at the head, so the chain runs outermost call
// first. Chains are shared, never otherwise mutated (derived exception
// groups reuse the original's).
#include <string.h>

#include "vm/vm.h"

#define TB_RECURSIVE_CUTOFF 3   // identical frames shown before "[Previous line repeated]"
#define TB_LIMIT 1000           // sys.tracebacklimit's default in PyTraceBack_Print
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10
#define MAX_CHAIN_DEPTH 1000    // guards the C stack on absurd chains

bool aw_traceback_add(AwVM *vm, AwValue exc, AwProto *proto, int line) {
  return aw_traceback_add_at(vm, exc, proto, line, -1, NULL, 0);
}

// A local worth keeping: an object that is not a string (a collection may
// show: a coroutine never awaited warns, a generator is closed, a failed
// future reports, and containers hold such things).
static bool death_shows(AwValue v) {
  return AW_IS_OBJ(v) && !AW_IS_STR(v);
}

// The locals of [fast] to keep with a traceback entry, and aw_exc_keep's
// value: None when there are none (no allocation), else a tuple of them.
static AwValue kept_locals(AwVM *vm, const AwValue *fast, int nfast) {
  bool extra = !AW_IS_UNDEF(vm->exc_kept);
  int n = extra;
  for (int i = 0; i < nfast; i++) n += death_shows(fast[i]);
  if (n == 0) return AW_NONE;
  AwTuple *t = aw_tuple_new(vm, n);
  if (!t) return AW_EXC;
  int k = 0;
  for (int i = 0; i < nfast; i++)
    if (death_shows(fast[i])) t->items[k++] = fast[i];
  if (extra) t->items[k] = vm->exc_kept;
  vm->exc_kept = AW_UNDEF;
  return AW_OBJ(t);
}

void aw_exc_keep(AwVM *vm, AwValue v) { vm->exc_kept = v; }

bool aw_traceback_add_at(AwVM *vm, AwValue exc, AwProto *proto, int line, int instr, const AwValue *fast,
                         int nfast) {
  if (!AW_IS_EXCEPTION(exc)) return true;
  aw_push_root(vm, exc);
  AwValue kept = kept_locals(vm, fast, nfast);
  aw_push_root(vm, kept);
  AwTuple *t = AW_IS_EXC(kept) ? NULL : aw_tuple_new(vm, AW_TB_ENTRY_LEN);
  aw_pop_root(vm);
  aw_pop_root(vm);
  if (!t) return false;
  AwException *e = AW_AS_EXCEPTION(exc);
  t->items[0] = AW_OBJ(proto);
  t->items[1] = AW_INT(line);
  t->items[2] = AW_IS_TUPLE(e->traceback) ? e->traceback : AW_NONE;
  t->items[3] = AW_INT(instr);
  t->items[4] = kept;
  t->items[5] = t->items[6] = AW_NONE;  // traceback_obj.c's objects, made on demand
  e->traceback = AW_OBJ(t);
  return true;
}

// ---- the printer ------------------------------------------------------------

typedef struct {
  AwVM *vm;
  AwBuf *out;
  AwList *seen;       // exceptions already shown (cycle guard; also a GC root)
  int group_depth;    // nesting of exception groups (CPython's exception_group_depth)
  bool need_close;    // the innermost group box still needs its bottom line
  int limit;          // traceback entries shown (the innermost ones)
  int chain_depth;
  bool pystyle;       // traceback.py's text (format_exc) rather than PyErr_Display's
} Printer;

static void put(Printer *p, const char *s) { aw_buf_append(p->vm, p->out, s, strlen(s)); }

static void put_indent(Printer *p) {
  for (int i = 0; i < 2 * p->group_depth; i++) aw_buf_putc(p->vm, p->out, ' ');
}

// The "  | " prefix of every line inside a group box.
static void put_margin(Printer *p) {
  put_indent(p);
  if (p->group_depth) put(p, "| ");
}

static bool seen_has(Printer *p, AwValue v) {
  for (int64_t i = 0; i < p->seen->len; i++)
    if (aw_value_is(p->seen->items[i], v)) return true;
  return false;
}

// Line [line] of [source] as it is, without its line end.
static bool raw_source_line(AwValue source, int64_t line, const char **start, size_t *len) {
  if (!AW_IS_STR(source) || line < 1) return false;
  const char *s = AW_AS_STR(source)->data, *end = s + AW_AS_STR(source)->nbytes;
  for (int64_t i = 1; i < line; i++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) return false;
    s = nl + 1;
  }
  const char *e = memchr(s, '\n', (size_t)(end - s));
  *start = s;
  *len = (size_t)((e ? e : end) - s);
  return true;
}

// Line [line] of [source] without its indentation and line end.
bool aw_source_line(AwValue source, int64_t line, const char **start, size_t *len) {
  const char *s, *e;
  size_t n;
  if (!raw_source_line(source, line, &s, &n)) return false;
  e = s + n;
  while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\f')) e--;
  *start = s;
  *len = (size_t)(e - s);
  return e > s;
}

static void put_str(Printer *p, AwValue s) {
  if (AW_IS_STR(s)) aw_buf_append_str(p->vm, p->out, s);
  else put(p, "???");
}

// PyErr_Display (3.11) writes this line without the group margin;
// traceback.py indents it like the rest.
static void print_repeated(Printer *p, long cnt) {
  cnt -= TB_RECURSIVE_CUTOFF;
  if (p->pystyle) put_margin(p);
  aw_buf_printf(p->vm, p->out, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

// ---- carets -------------------------------------------------------------------
// traceback.py's format_frame_summary: under the source line, ^ marks the
// span of the instruction that failed when it is not the whole line; for a
// binary operation or a subscript, ~ marks the operands and ^ the operator
// or the brackets. Offsets below are in characters of the line.


// Characters in the first [nbytes] bytes of [s] ([n] bytes long).
static int64_t char_offset(const char *s, size_t n, size_t nbytes) {
  int64_t k = 0;
  for (size_t i = 0; i < nbytes && i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

static bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\f' || ch == '\v' || ch == '\r' || ch == '\n'; }

// Code point [i] of the UTF-8 text [s] ([n] bytes), 0 past its end.
static uint32_t char_at(const char *s, size_t n, int64_t i) {
  const char *p = s, *end = s + n;
  uint32_t cp = 0;
  for (int64_t k = 0; p < end; k++) {
    p += aw_utf8_decode((const unsigned char *)p, &cp);
    if (k == i) return cp;
  }
  return 0;
}

static bool is_space_cp(uint32_t cp) { return cp < 0x80 && is_space((char)cp); }

// The ~ / ^ split of [seg] ([n] bytes), a binary operation or subscript
// whose anchors are the byte offsets [a] and [b] in it: [*left] and
// [*right] (characters) bound the ^ part. This follows traceback.py's
// _extract_caret_anchors_from_line_segment step by step, including its
// use of byte offsets as character indices for an operator (so the marks
// match CPython's on lines with non-ASCII text too).
static void find_anchors(const char *seg, size_t n, bool binop, int64_t a, int64_t b, int64_t *left, int64_t *right) {
  int64_t nchars = char_offset(seg, n, n);
  if (binop) {
    int64_t op_start = char_offset(seg, n, (size_t)a), op_end = char_offset(seg, n, (size_t)b);
    int64_t off = 0;
    while (op_start + off < op_end && is_space_cp(char_at(seg, n, op_start + off))) off++;
    int64_t l = a + off, r = l + 1;
    if (op_start + off + 1 < op_end && !is_space_cp(char_at(seg, n, op_start + off + 1))) r++;  // e.g. "//"
    for (uint32_t ch; l < nchars && ((ch = char_at(seg, n, l)) == ')' || ch == '#' || is_space_cp(ch));) {
      l++;
      r++;
    }
    *left = char_offset(seg, n, (size_t)l);
    *right = char_offset(seg, n, (size_t)r);
    return;
  }
  int64_t l = char_offset(seg, n, (size_t)a), r = char_offset(seg, n, (size_t)b + 1);
  while (l < nchars && char_at(seg, n, l) != '[') l++;
  while (r < nchars && char_at(seg, n, r) != ']') r++;
  if (r < nchars) r++;
  *left = l;
  *right = r;
}

static void put_chars(Printer *p, char ch, int64_t n) {
  for (int64_t i = 0; i < n; i++) aw_buf_putc(p->vm, p->out, ch);
}

static void print_carets(Printer *p, AwProto *proto, int64_t line, int64_t instr) {
  if (!proto->pos || instr < 0 || instr >= proto->ncode) return;
  AwSrcPos pos = proto->pos[instr];
  if (pos.line != line || pos.col == AW_POS_NONE || pos.end_col == AW_POS_NONE) return;
  const char *s;
  size_t n;
  if (!raw_source_line(proto->source, line, &s, &n) || pos.col > n) return;
  // The line stripped, and the characters stripped (the line end counts,
  // as traceback.py measures the line with its newline).
  size_t lo = 0, hi = n;
  while (lo < hi && is_space(s[lo])) lo++;
  while (hi > lo && is_space(s[hi - 1])) hi--;
  int64_t stripped_len = char_offset(s + lo, hi - lo, hi - lo);
  int64_t stripped_chars = char_offset(s, n, n) + 1 - stripped_len;
  int64_t start = char_offset(s, n, pos.col), end;
  int64_t left = -1, right = -1;
  if (pos.end_line == pos.line) {
    size_t eb = pos.end_col < n ? pos.end_col : n;
    end = char_offset(s, n, eb);
    if (pos.anchors != AW_ANCHORS_NONE && pos.anchor_a != AW_POS_NONE && pos.anchor_b != AW_POS_NONE &&
        pos.anchor_a >= pos.col && pos.anchor_b >= pos.anchor_a && pos.anchor_b <= eb) {
      find_anchors(s + pos.col, eb - pos.col, pos.anchors == AW_ANCHORS_BINOP, pos.anchor_a - pos.col,
                   pos.anchor_b - pos.col, &left, &right);
    }
  } else {
    end = char_offset(s, n, hi);
  }
  if (!(end - start < stripped_len || (left >= 0 && right - left > 0))) return;
  put_margin(p);
  put(p, "    ");
  put_chars(p, ' ', start + 1 - stripped_chars);
  if (left >= 0) {
    put_chars(p, '~', left);
    put_chars(p, '^', right - left);
    put_chars(p, '~', end - start - right);
  } else {
    put_chars(p, '^', end - start);
  }
  put(p, "\n");
}

static void print_frame(Printer *p, AwProto *proto, int64_t line, int64_t instr) {
  put_margin(p);
  put(p, "  File \"");
  put_str(p, proto->filename);
  aw_buf_printf(p->vm, p->out, "\", line %lld, in ", (long long)line);
  put_str(p, proto->name);
  put(p, "\n");
  const char *src;
  size_t n;
  if (aw_source_line(proto->source, line, &src, &n)) {
    put_margin(p);
    put(p, "    ");
    aw_buf_append(p->vm, p->out, src, n);
    put(p, "\n");
    print_carets(p, proto, line, instr);
  }
}

static bool same_place(AwProto *a, int64_t la, AwProto *b, int64_t lb) {
  if (la != lb) return false;
  if (a == b) return true;
  return AW_IS_STR(a->filename) && AW_IS_STR(b->filename) && AW_IS_STR(a->name) && AW_IS_STR(b->name) &&
         aw_str_eq(AW_AS_STR(a->filename), AW_AS_STR(b->filename)) &&
         aw_str_eq(AW_AS_STR(a->name), AW_AS_STR(b->name));
}

static int64_t tb_depth(AwValue tb) {
  int64_t depth = 0;
  for (; AW_IS_TUPLE(tb); tb = AW_AS_TUPLE(tb)->items[2]) depth++;
  return depth;
}

// CPython's tb_printinternal: [count] entries (-1: all) after the first
// [skip], runs of more than three identical entries collapsed.
static void print_tb_range(Printer *p, AwValue tb, AwValue exc, int64_t skip, int64_t count) {
  for (; AW_IS_TUPLE(tb) && skip > 0; skip--) tb = AW_AS_TUPLE(tb)->items[2];
  AwProto *last = NULL;
  int64_t last_line = -1;
  long cnt = 0;
  for (; AW_IS_TUPLE(tb) && count != 0; tb = AW_AS_TUPLE(tb)->items[2], count--) {
    AwTuple *t = AW_AS_TUPLE(tb);
    if (!AW_IS_KIND(t->items[0], AW_OBJ_PROTO)) continue;
    AwProto *proto = (AwProto *)AW_AS_OBJ(t->items[0]);
    int64_t line = AW_IS_INT(t->items[1]) ? AW_AS_INT(t->items[1]) : -1;
    if (!last || !same_place(last, last_line, proto, line)) {
      if (cnt > TB_RECURSIVE_CUTOFF) print_repeated(p, cnt);
      last = proto;
      last_line = line;
      cnt = 0;
    }
    cnt++;
    // aw's extension (SPEC §9): where a failed task was created, above its
    // own frames; stderr only, the last line is unchanged.
    if (!p->pystyle && !p->group_depth) aw_task_created_section(p->vm, exc, tb, p->out);
    int64_t instr = t->len > 3 && AW_IS_INT(t->items[3]) ? AW_AS_INT(t->items[3]) : -1;
    if (cnt <= TB_RECURSIVE_CUTOFF) print_frame(p, proto, line, instr);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) print_repeated(p, cnt);
}

// The innermost p->limit entries (all when it is 0).
static void print_tb_entries(Printer *p, AwValue tb, AwValue exc) {
  int64_t depth = tb_depth(tb);
  print_tb_range(p, tb, exc, p->limit > 0 && depth > p->limit ? depth - p->limit : 0, -1);
}

static void print_traceback(Printer *p, AwException *e, bool group) {
  if (!AW_IS_TUPLE(e->traceback)) return;
  put_indent(p);
  if (group && p->group_depth == 1) put(p, "+ ");
  else if (p->group_depth) put(p, "| ");
  put(p, group ? "Exception Group Traceback (most recent call last):\n"
               : "Traceback (most recent call last):\n");
  print_tb_entries(p, e->traceback, AW_OBJ(e));
}

static AwValue dict_field(AwVM *vm, AwException *e, const char *name) {
  AwValue v = aw_dict_get_cstr(vm, e->base.dict, name);
  return AW_IS_EXC(v) ? AW_UNDEF : v;
}

// CPython's print_error_text: the offending line and a caret line.
static void print_error_text(Printer *p, int64_t offset, int64_t end_offset, AwValue text) {
  const char *s = AW_AS_STR(text)->data;
  int64_t start_offset = offset;
  offset--;
  while (*s == ' ' || *s == '\t' || *s == '\f') {
    s++;
    offset--;
  }
  int64_t len = (int64_t)strlen(s);
  if (len > 0 && s[len - 1] == '\n') len--;
  if (offset > len) offset = len;
  for (;;) {
    const char *nl = strchr(s, '\n');
    if (!nl) break;
    int64_t inl = nl - s;
    if (inl >= offset) break;
    inl++;
    s += inl;
    len -= inl;
    offset -= inl;
  }
  put_margin(p);
  put(p, "    ");
  aw_buf_append(p->vm, p->out, s, (size_t)len);
  put(p, "\n");
  if (offset < 0) return;
  put_margin(p);
  put(p, "    ");
  for (int64_t i = 0; i < offset; i++) put(p, " ");
  int64_t carets = end_offset > start_offset ? end_offset - start_offset : 1;
  if (carets > len - offset + 1) carets = len - offset > 0 ? len - offset : 1;
  for (int64_t i = 0; i < carets; i++) put(p, "^");
  put(p, "\n");
}

// SyntaxError: prints "  File ..., line N", the text and the caret, and
// returns the msg to print instead of str(exc) (UNDEF when not applicable).
static AwValue print_syntax_location(Printer *p, AwException *e) {
  AwVM *vm = p->vm;
  if (!aw_exc_is_subclass(vm, aw_obj_class(vm, &e->base.obj), AW_EXCCLS(vm, SyntaxError))) return AW_UNDEF;
  AwValue msg = dict_field(vm, e, "msg"), filename = dict_field(vm, e, "filename");
  AwValue lineno = dict_field(vm, e, "lineno"), offset = dict_field(vm, e, "offset");
  AwValue end_offset = dict_field(vm, e, "end_offset"), text = dict_field(vm, e, "text");
  if (AW_IS_UNDEF(msg) || !AW_IS_INTLIKE(lineno)) return AW_UNDEF;
  // Compile errors (vm/api.c) carry the compiler's own report: its lines
  // before the final "SyntaxError: msg" are the location block.
  AwValue report = dict_field(vm, e, "_aw_report");
  if (AW_IS_UNDEF(text) && AW_IS_STR(report)) {
    const char *s = AW_AS_STR(report)->data, *end = s + AW_AS_STR(report)->nbytes;
    for (;;) {
      const char *nl = memchr(s, '\n', (size_t)(end - s));
      if (!nl || nl + 1 >= end) break;  // the last line is the summary
      put_margin(p);
      aw_buf_append(vm, p->out, s, (size_t)(nl + 1 - s));
      s = nl + 1;
    }
    return msg;
  }
  put_margin(p);
  put(p, "  File \"");
  if (AW_IS_STR(filename)) aw_buf_append_str(vm, p->out, filename);
  else put(p, "<string>");
  aw_buf_printf(vm, p->out, "\", line %lld\n", (long long)AW_AS_INT(lineno));
  if (AW_IS_STR(text)) {
    int64_t off = AW_IS_INTLIKE(offset) ? AW_AS_INT(offset) : -1;
    int64_t end = AW_IS_INTLIKE(end_offset) ? AW_AS_INT(end_offset) : -1;
    print_error_text(p, off, end, text);
  }
  return msg;
}

// "ValueError: msg", "mod.MyError: msg" or just "ValueError" into [b].
static void format_summary(AwVM *vm, AwBuf *b, AwValue exc, AwValue msg_override) {
  AwClass *cls = aw_obj_class(vm, AW_AS_OBJ(exc));
  if (AW_IS_STR(cls->module) && !aw_str_eq_cstr(cls->module, "builtins") &&
      !aw_str_eq_cstr(cls->module, "__main__")) {
    aw_buf_append_str(vm, b, cls->module);
    aw_buf_putc(vm, b, '.');
  }
  aw_buf_append_str(vm, b, AW_IS_STR(cls->qualname) ? cls->qualname : cls->name);
  AwValue saved = vm->exc;
  vm->exc = AW_UNDEF;
  AwStr *s = aw_to_str(vm, AW_IS_UNDEF(msg_override) ? exc : msg_override);
  if (!s) {
    vm->exc = AW_UNDEF;
    aw_buf_append(vm, b, ": <exception str() failed>", 26);
  } else if (s->nbytes > 0) {
    aw_buf_append(vm, b, ": ", 2);
    aw_buf_append(vm, b, s->data, (size_t)s->nbytes);
  }
  vm->exc = saved;
}

static void print_notes(Printer *p, AwException *e) {
  AwVM *vm = p->vm;
  AwValue notes = e->notes;
  if (AW_IS_UNDEF(notes)) return;
  if (!AW_IS_LIST(notes) && !AW_IS_TUPLE(notes)) {
    put_margin(p);
    AwStr *r = aw_repr(vm, notes);
    if (r) aw_buf_append(vm, p->out, r->data, (size_t)r->nbytes);
    else {
      vm->exc = AW_UNDEF;
      put(p, "<__notes__ repr() failed>");
    }
    put(p, "\n");
    return;
  }
  // Keep the notes alive and stable while str() runs script code.
  AwList *copy = aw_list_from_iterable(vm, notes);
  if (!copy) {
    vm->exc = AW_UNDEF;
    return;
  }
  aw_list_append(vm, p->seen, AW_OBJ(copy));
  for (int64_t i = 0; i < copy->len; i++) {
    AwStr *s = aw_to_str(vm, copy->items[i]);
    if (!s) {
      vm->exc = AW_UNDEF;
      put(p, "<note str() failed>");
    } else {
      // Each line of the note gets the margin (str.splitlines(True)).
      const char *q = s->data, *end = s->data + s->nbytes;
      while (q < end) {
        const char *nl = memchr(q, '\n', (size_t)(end - q));
        const char *stop = nl ? nl + 1 : end;
        put_margin(p);
        aw_buf_append(vm, p->out, q, (size_t)(stop - q));
        q = stop;
      }
    }
    put(p, "\n");
  }
}

// traceback.py puts the margin before every line of a multi-line message
// (PyErr_Display writes it raw): re-indents what follows [start].
static void indent_continuations(Printer *p, size_t start) {
  AwVM *vm = p->vm;
  if (p->out->failed || !memchr(p->out->data + start, '\n', p->out->len - start)) return;
  AwBuf tail;
  aw_buf_init(&tail);
  aw_buf_append(vm, &tail, p->out->data + start, p->out->len - start);
  if (tail.failed) return;
  p->out->len = start;
  const char *s = tail.data, *end = tail.data + tail.len;
  for (;;) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) break;
    aw_buf_append(vm, p->out, s, (size_t)(nl + 1 - s));
    put_margin(p);
    s = nl + 1;
  }
  aw_buf_append(vm, p->out, s, (size_t)(end - s));
  aw_buf_free(vm, &tail);
}

static void print_one(Printer *p, AwValue value) {
  AwVM *vm = p->vm;
  if (!AW_IS_EXCEPTION(value)) {
    put_margin(p);
    aw_buf_printf(vm, p->out, "TypeError: print_exception(): Exception expected for value, %s found\n",
                  aw_type_name(vm, value));
    return;
  }
  AwException *e = AW_AS_EXCEPTION(value);
  bool group = aw_exc_is_group(vm, value);
  if (!group) print_traceback(p, e, false);
  AwValue msg = print_syntax_location(p, e);
  put_margin(p);
  size_t start = p->out->len;
  format_summary(vm, p->out, value, msg);
  if (p->pystyle && p->group_depth) indent_continuations(p, start);
  put(p, "\n");
  print_notes(p, e);
}

static void print_recursive(Printer *p, AwValue value);

static void print_chained(Printer *p, AwValue value, const char *message) {
  bool need_close = p->need_close;
  print_recursive(p, value);
  p->need_close = need_close;
  put_margin(p);
  put(p, "\n");
  put_margin(p);
  put(p, message);
  put_margin(p);
  put(p, "\n");
}

static void print_cause_and_context(Printer *p, AwValue value) {
  AwVM *vm = p->vm;
  aw_list_append(vm, p->seen, value);
  if (!AW_IS_EXCEPTION(value)) return;
  AwException *e = AW_AS_EXCEPTION(value);
  if (!AW_IS_NONE(e->cause) && !AW_IS_UNDEF(e->cause)) {
    if (!seen_has(p, e->cause))
      print_chained(p, e->cause, "The above exception was the direct cause of the following exception:\n");
    return;
  }
  if (e->suppress_context) return;
  if (!AW_IS_NONE(e->context) && !AW_IS_UNDEF(e->context) && !seen_has(p, e->context))
    print_chained(p, e->context, "During handling of the above exception, another exception occurred:\n");
}

static void print_group(Printer *p, AwValue value) {
  AwVM *vm = p->vm;
  if (p->group_depth > MAX_GROUP_DEPTH) {
    put_margin(p);
    aw_buf_printf(vm, p->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
    return;
  }
  if (p->group_depth == 0) p->group_depth++;
  print_traceback(p, AW_AS_EXCEPTION(value), true);
  print_one(p, value);
  AwTuple *excs = aw_exc_group_items(vm, value);
  int64_t num = excs ? excs->len : 0;
  int64_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
  p->need_close = false;
  for (int64_t i = 0; i < n; i++) {
    bool last = i == n - 1;
    if (last) p->need_close = true;
    bool truncated = i >= MAX_GROUP_WIDTH;
    put_indent(p);
    put(p, i == 0 ? "+-" : "  ");
    if (truncated) put(p, "+---------------- ... ----------------\n");
    else aw_buf_printf(vm, p->out, "+---------------- %lld ----------------\n", (long long)i + 1);
    p->group_depth++;
    if (!truncated) {
      print_recursive(p, excs->items[i]);
    } else {
      int64_t more = num - MAX_GROUP_WIDTH;
      put_margin(p);
      aw_buf_printf(vm, p->out, "and %lld more exception%s\n", (long long)more, more > 1 ? "s" : "");
    }
    if (last && p->need_close) {
      put_indent(p);
      put(p, "+------------------------------------\n");
      p->need_close = false;
    }
    p->group_depth--;
  }
  if (p->group_depth == 1) p->group_depth--;
}

static void print_recursive(Printer *p, AwValue value) {
  if (p->out->failed || p->chain_depth >= MAX_CHAIN_DEPTH) return;
  p->chain_depth++;
  print_cause_and_context(p, value);
  if (aw_exc_is_group(p->vm, value)) print_group(p, value);
  else print_one(p, value);
  p->chain_depth--;
}

// Formats [exc] fully into [b]. Script code (user __str__) may run, so
// everything visited is kept in a rooted list; a pending exception is
// set aside and restored.
static void format_all(AwVM *vm, AwBuf *b, AwValue exc, int limit, bool pystyle) {
  AwValue saved = vm->exc;
  vm->exc = AW_UNDEF;
  aw_push_root(vm, exc);
  AwList *seen = aw_list_new(vm, 8);
  if (seen) {
    aw_push_root(vm, AW_OBJ(seen));
    Printer p = {vm, b, seen, 0, false, limit, 0, pystyle};
    print_recursive(&p, exc);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  vm->exc = saved;
}

void aw_print_exception(AwVM *vm, AwValue exc) {
  AwBuf b;
  aw_buf_init(&b);
  format_all(vm, &b, exc, TB_LIMIT, false);
  if (b.data) aw_write_err(vm, b.data, b.len);
  if (b.failed) {
    static const char oom[] = "MemoryError while printing a traceback\n";
    aw_write_err(vm, oom, sizeof oom - 1);
  }
  aw_buf_free(vm, &b);
}

AwValue aw_format_tb(AwVM *vm, AwValue chain, int64_t limit, bool all) {
  int64_t depth = tb_depth(chain);
  int64_t skip = !all && limit < 0 && depth + limit > 0 ? depth + limit : 0;
  int64_t count = all || limit < 0 ? -1 : limit;
  AwBuf b;
  aw_buf_init(&b);
  AwList *seen = aw_list_new(vm, 0);
  if (!seen) return AW_EXC;
  aw_push_root(vm, AW_OBJ(seen));
  aw_push_root(vm, chain);
  Printer p = {vm, &b, seen, 0, false, 0, 0, true};
  print_tb_range(&p, chain, AW_NONE, skip, count);
  aw_pop_root(vm);
  aw_pop_root(vm);
  return aw_buf_to_str(vm, &b);
}

AwValue aw_format_exception(AwVM *vm, AwValue exc) {
  AwBuf b;
  aw_buf_init(&b);
  format_all(vm, &b, exc, 0, true);
  return aw_buf_to_str(vm, &b);
}

AwValue aw_exception_summary(AwVM *vm, AwValue exc) {
  if (!AW_IS_EXCEPTION(exc)) {
    AwStr *s = aw_to_str(vm, exc);
    return s ? AW_OBJ(s) : AW_EXC;
  }
  AwValue msg = AW_UNDEF;
  AwException *e = AW_AS_EXCEPTION(exc);
  if (aw_exc_is_subclass(vm, aw_obj_class(vm, &e->base.obj), AW_EXCCLS(vm, SyntaxError))) {
    AwValue lineno = dict_field(vm, e, "lineno");
    AwValue m = dict_field(vm, e, "msg");
    if (AW_IS_INTLIKE(lineno) && !AW_IS_UNDEF(m)) msg = m;
  }
  aw_push_root(vm, exc);
  AwBuf b;
  aw_buf_init(&b);
  format_summary(vm, &b, exc, msg);
  aw_pop_root(vm);
  return aw_buf_to_str(vm, &b);
}

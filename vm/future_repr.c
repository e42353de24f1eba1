// vm/future_repr.c -- the parts of a Future/Task repr CPython builds in
// Python: the result abbreviated as reprlib.repr does, and the "cb=[...]"
// list of done callbacks (base_futures._format_callbacks). The rest of the
// repr is future_repr in future.c.
#include <string.h>
#include "vm/vm.h"
#include "vm/loop.h"

// reprlib's limits: nesting depth, items per container, characters.
enum { LIM_LEVEL = 6, LIM_SEQ = 6, LIM_DICT = 4, LIM_TEXT = 30 };

static bool limited(AwVM *vm, AwBuf *b, AwValue v, int level);

// Appends the UTF-8 text [s] ([n] bytes, [nchars] code points) as its
// head, "...", and its tail: LIM_TEXT characters in all, as reprlib cuts.
static bool append_head_tail(AwVM *vm, AwBuf *b, const char *s, size_t n, int64_t nchars) {
  int64_t head = (LIM_TEXT - 3) / 2, tail = LIM_TEXT - 3 - head;
  if (nchars < head + tail) return aw_buf_append(vm, b, s, n);
  const char *p = s, *end = s + n;
  for (int64_t i = 0; i < head; i++) {
    uint32_t cp;
    p += aw_utf8_decode((const unsigned char *)p, &cp);
  }
  const char *q = p;
  for (int64_t i = 0; i < nchars - head - tail; i++) {
    uint32_t cp;
    q += aw_utf8_decode((const unsigned char *)q, &cp);
  }
  return aw_buf_append(vm, b, s, (size_t)(p - s)) && aw_buf_append(vm, b, "...", 3) &&
         aw_buf_append(vm, b, q, (size_t)(end - q));
}

// The text cut only when longer than LIM_TEXT.
static bool append_cut(AwVM *vm, AwBuf *b, const char *s, size_t n, int64_t nchars) {
  if (nchars <= LIM_TEXT) return aw_buf_append(vm, b, s, n);
  return append_head_tail(vm, b, s, n, nchars);
}

// Code points in the UTF-8 bytes [s, s+n).
static int64_t count_chars(const char *s, size_t n) {
  int64_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

// repr(v) cut to LIM_TEXT characters (reprlib.repr_instance and repr_int).
static bool limited_other(AwVM *vm, AwBuf *b, AwValue v) {
  AwBuf t;
  aw_buf_init(&t);
  bool ok = aw_buf_repr(vm, &t, v) && append_cut(vm, b, t.data, t.len, count_chars(t.data, t.len));
  aw_buf_free(vm, &t);
  return ok;
}

// A str: the repr of its first LIM_TEXT characters; if that repr is still
// too long, the repr of head + tail of the str, cut the same way.
static bool limited_str(AwVM *vm, AwBuf *b, AwValue v) {
  AwStr *s = AW_AS_STR(v);
  AwValue part = aw_str_slice(vm, v, 0, 1, s->nchars < LIM_TEXT ? s->nchars : LIM_TEXT);
  if (AW_IS_EXC(part)) return false;
  AwBuf t;
  aw_buf_init(&t);
  aw_push_root(vm, part);
  bool ok = aw_str_repr_buf(vm, &t, AW_AS_STR(part));
  if (ok && count_chars(t.data, t.len) > LIM_TEXT) {
    int64_t head = (LIM_TEXT - 3) / 2, tail = LIM_TEXT - 3 - head;
    int64_t h = s->nchars < head ? s->nchars : head, k = s->nchars < tail ? s->nchars : tail;
    AwValue a = aw_str_slice(vm, v, 0, 1, h);
    aw_push_root(vm, a);
    AwValue z = AW_IS_EXC(a) ? AW_EXC : aw_str_slice(vm, v, s->nchars - k, 1, k);
    AwValue joined = AW_IS_EXC(z) ? AW_EXC : aw_str_concat(vm, a, z);
    aw_pop_root(vm);
    t.len = 0;
    ok = !AW_IS_EXC(joined) && aw_str_repr_buf(vm, &t, AW_AS_STR(joined)) &&
         append_head_tail(vm, b, t.data, t.len, count_chars(t.data, t.len));
  } else if (ok) {
    ok = aw_buf_append(vm, b, t.data, t.len);
  }
  aw_pop_root(vm);
  aw_buf_free(vm, &t);
  return ok;
}

// A list of [v]'s items, sorted when they compare (reprlib's
// _possibly_sorted: a set or dict shows in sorted order if it can).
static AwList *possibly_sorted(AwVM *vm, AwValue v) {
  AwList *l = aw_list_new(vm, 0);
  if (!l) return NULL;
  aw_push_root(vm, AW_OBJ(l));
  bool ok = aw_list_extend(vm, l, v);
  if (ok && !aw_list_sort(vm, l, AW_UNDEF, false)) {
    // Unorderable items: keep iteration order (the sort may have moved
    // some, so start again).
    if (!aw_exc_pending_is(vm, AW_EXCCLS(vm, Exception))) ok = false;
    else {
      aw_exc_take(vm);
      l->len = 0;
      ok = aw_list_extend(vm, l, v);
    }
  }
  aw_pop_root(vm);
  return ok ? l : NULL;
}

// The first LIM_SEQ (or LIM_DICT for a dict) items of [items] between
// [open] and [close], then "..." if there were more.
static bool limited_items(AwVM *vm, AwBuf *b, const AwValue *items, int64_t n, AwDict *dict, int level,
                          const char *open, const char *close) {
  if (!aw_buf_append(vm, b, open, strlen(open))) return false;
  int64_t max = dict ? LIM_DICT : LIM_SEQ;
  if (level <= 0 && n > 0) {
    if (!aw_buf_append(vm, b, "...", 3)) return false;
  } else {
    for (int64_t i = 0; i < n && i < max; i++) {
      if (i > 0 && !aw_buf_append(vm, b, ", ", 2)) return false;
      if (!limited(vm, b, items[i], level - 1)) return false;
      if (dict) {
        AwValue val = AW_NONE;
        if (aw_dict_get(vm, dict, items[i], &val) < 0) return false;
        if (!aw_buf_append(vm, b, ": ", 2) || !limited(vm, b, val, level - 1)) return false;
      }
    }
    if (n > max && !aw_buf_append(vm, b, ", ...", 5)) return false;
  }
  return aw_buf_append(vm, b, close, strlen(close));
}

// A set, frozenset or dict: sorted if possible, then limited_items.
static bool limited_table(AwVM *vm, AwBuf *b, AwValue v, int level, const char *open, const char *close,
                          const char *empty) {
  AwDict *d = AW_IS_DICT(v) ? AW_AS_DICT(v) : NULL;
  int64_t n = d ? d->len : ((AwSet *)AW_AS_OBJ(v))->table.len;
  if (n == 0) return aw_buf_append(vm, b, empty, strlen(empty));
  if (d && level <= 0) return aw_buf_append(vm, b, "{...}", 5);
  AwList *l = possibly_sorted(vm, v);
  if (!l) return false;
  aw_push_root(vm, AW_OBJ(l));
  bool ok = limited_items(vm, b, l->items, l->len, d, level, open, close);
  aw_pop_root(vm);
  return ok;
}

// reprlib.Repr.repr1: exact built-in containers and str are abbreviated
// item by item, anything else through its repr cut to LIM_TEXT.
static bool limited(AwVM *vm, AwBuf *b, AwValue v, int level) {
  if (!AW_IS_OBJ(v)) return limited_other(vm, b, v);
  AwClass *c = aw_obj_class(vm, AW_AS_OBJ(v));
  if (c == AW_CLS(vm, str)) return limited_str(vm, b, v);
  if (c == AW_CLS(vm, list)) return limited_items(vm, b, AW_AS_LIST(v)->items, AW_AS_LIST(v)->len, NULL, level, "[", "]");
  if (c == AW_CLS(vm, tuple)) {
    AwTuple *t = AW_AS_TUPLE(v);
    return limited_items(vm, b, t->items, t->len, NULL, level, "(", t->len == 1 ? ",)" : ")");
  }
  if (c == AW_CLS(vm, set)) return limited_table(vm, b, v, level, "{", "}", "set()");
  if (c == AW_CLS(vm, frozenset)) return limited_table(vm, b, v, level, "frozenset({", "})", "frozenset()");
  if (c == AW_CLS(vm, dict)) return limited_table(vm, b, v, level, "{", "}", "{}");
  return limited_other(vm, b, v);
}

bool aw_future_buf_result(AwVM *vm, AwBuf *b, AwValue result) {
  return limited(vm, b, result, LIM_LEVEL);
}

// ---- cb=[...] ------------------------------------------------------------------

bool aw_future_buf_callback(AwVM *vm, AwBuf *b, AwValue fn, AwValue args) {
  if (AW_IS_KIND(fn, AW_OBJ_FUTURE)) {
    // A waiting task (its wakeup) or gather()'s outer future.
    const char *s = ((AwFuture *)AW_AS_OBJ(fn))->is_task ? "Task.task_wakeup()" : "gather.<locals>._done_callback()";
    return aw_buf_append(vm, b, s, strlen(s));
  }
  AwValue name = aw_getattr_opt(vm, fn, AW_N(vm, qualname));
  if (AW_IS_EXC(name)) return false;
  if (!AW_IS_STR(name) || AW_AS_STR(name)->nchars == 0) {
    name = aw_getattr_opt(vm, fn, AW_N(vm, name));
    if (AW_IS_EXC(name)) return false;
  }
  bool ok = AW_IS_STR(name) && AW_AS_STR(name)->nchars > 0 ? aw_buf_append_str(vm, b, name)
                                                            : aw_buf_repr(vm, b, fn);
  if (!ok || !aw_buf_putc(vm, b, '(')) return false;
  for (int64_t i = 0; AW_IS_TUPLE(args) && i < AW_AS_TUPLE(args)->len; i++)
    if ((i > 0 && !aw_buf_append(vm, b, ", ", 2)) || !aw_buf_repr(vm, b, AW_AS_TUPLE(args)->items[i])) return false;
  if (!aw_buf_putc(vm, b, ')')) return false;
  if (AW_IS_KIND(fn, AW_OBJ_FUNCTION)) {
    AwProto *p = ((AwFunction *)AW_AS_OBJ(fn))->proto;
    return aw_buf_printf(vm, b, " at %s:%d", AW_IS_STR(p->filename) ? AW_AS_STR(p->filename)->data : "?",
                         p->firstline);
  }
  return true;
}

// cb0, which only a pending future has (a done one has its result there).
static AwObj *first_callback(const AwFuture *f) { return f->state == AW_FUT_PENDING ? f->cb0 : NULL; }

// The done callback number [i] of [f] (0: cb0), or UNDEF.
static AwValue raw_callback_at(const AwFuture *f, int64_t i) {
  if (first_callback(f)) {
    if (i == 0) return AW_OBJ(f->cb0);
    i--;
  }
  AwList *more = aw_future_callbacks(f);
  if (!more || i >= more->len) return AW_UNDEF;
  return AW_AS_TUPLE(more->items[i])->items[0];
}

// The same among the callbacks shown: run_until_complete's own one is
// left out, since CPython names it with the path of its asyncio sources.
static AwValue callback_at(const AwFuture *f, int64_t i) {
  AwValue fn;
  for (int64_t k = 0; !AW_IS_UNDEF(fn = raw_callback_at(f, k)); k++)
    if (!AW_IS_KIND(fn, AW_OBJ_LOOP) && i-- == 0) return fn;
  return AW_UNDEF;
}

bool aw_future_buf_callbacks(AwVM *vm, AwBuf *b, AwFuture *f) {
  int64_t n = 0;
  while (!AW_IS_UNDEF(callback_at(f, n))) n++;
  if (n == 0) return true;
  // The first and the last, with a count of the others between.
  if (!aw_buf_append(vm, b, " cb=[", 5) || !aw_future_buf_callback(vm, b, callback_at(f, 0), AW_UNDEF)) return false;
  if (n > 2 && !aw_buf_printf(vm, b, ", <%lld more>", (long long)(n - 2))) return false;
  if (n > 1 && (!aw_buf_append(vm, b, ", ", 2) || !aw_future_buf_callback(vm, b, callback_at(f, n - 1), AW_UNDEF))) return false;
  return aw_buf_putc(vm, b, ']');
}

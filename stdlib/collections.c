// stdlib/collections.c -- the collections module: deque (a ring buffer),
// and defaultdict, Counter, OrderedDict and namedtuple. aw cannot subclass
// dict or tuple, so the mapping types wrap a dict kept in the instance as
// "_d", and namedtuple classes keep their values as a tuple in "_t"; both
// answer the mapping/sequence protocols through dunder methods.
#include <string.h>

#include "lang/ast.h"
#include "vm/vm.h"

typedef struct {
  const char *name;
  AwNativeFn fn;
} Method;

static AwValue field(AwVM *vm, AwValue self, const char *name) {
  if (!AW_IS_KIND(self, AW_OBJ_INSTANCE)) return AW_UNDEF;
  return aw_dict_get_cstr(vm, AW_AS_INSTANCE(self)->dict, name);
}

static bool set_field(AwVM *vm, AwValue self, const char *name, AwValue v) {
  return aw_dict_set_cstr(vm, AW_AS_INSTANCE(self)->dict, name, v);
}

static AwValue intern(AwVM *vm, const char *s) { return aw_str_intern(vm, s, strlen(s)); }

static AwValue module_global(AwVM *vm, const char *name) {
  AwValue m = aw_dict_get_cstr(vm, vm->modules, "collections");
  if (!AW_IS_KIND(m, AW_OBJ_MODULE)) return AW_UNDEF;
  return aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(m))->dict, name);
}

static AwClass *make_class(AwVM *vm, const char *name, AwClass *base, const Method *methods) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, base, d);
  aw_pop_root(vm);
  if (!c) return NULL;
  aw_push_root(vm, AW_OBJ(c));
  c->module = aw_str_from_cstr(vm, "collections");
  bool ok = !AW_IS_EXC(c->module);
  for (const Method *m = methods; ok && m && m->name; m++)
    ok = aw_class_add_native(vm, c, m->name, m->fn, AW_NATIVE_METHOD);
  aw_pop_root(vm);
  return ok ? c : NULL;
}

// ---- deque ----------------------------------------------------------------------
// Instance fields: _buf (a list used as a ring of capacity len(_buf)),
// _head, _len, maxlen (None or int). Item i is _buf[(_head + i) % cap].

typedef struct {
  AwList *buf;
  int64_t head, len, maxlen;  // maxlen -1 = unbounded
} Ring;

static bool ring_load(AwVM *vm, AwValue self, Ring *r) {
  AwValue buf = field(vm, self, "_buf"), head = field(vm, self, "_head"), len = field(vm, self, "_len");
  AwValue maxlen = field(vm, self, "maxlen");
  if (!AW_IS_LIST(buf) || !AW_IS_INT(head) || !AW_IS_INT(len)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor requires a 'collections.deque' object");
    return false;
  }
  r->buf = AW_AS_LIST(buf);
  r->head = AW_AS_INT(head);
  r->len = AW_AS_INT(len);
  r->maxlen = AW_IS_INT(maxlen) ? AW_AS_INT(maxlen) : -1;
  return true;
}

static bool ring_store(AwVM *vm, AwValue self, const Ring *r) {
  return set_field(vm, self, "_head", AW_INT(r->head)) && set_field(vm, self, "_len", AW_INT(r->len));
}

static int64_t ring_pos(const Ring *r, int64_t i) {
  int64_t cap = r->buf->len;
  return (r->head + i) % cap;
}

static AwValue ring_get(const Ring *r, int64_t i) { return r->buf->items[ring_pos(r, i)]; }

// Makes room for one more item, doubling the ring (items kept in order).
static bool ring_grow(AwVM *vm, AwValue self, Ring *r) {
  int64_t cap = r->buf->len;
  if (r->len < cap) return true;
  int64_t ncap = cap ? cap * 2 : 8;
  AwList *nb = aw_list_new(vm, ncap);
  if (!nb) return false;
  for (int64_t i = 0; i < ncap; i++)
    if (!aw_list_append(vm, nb, i < r->len ? ring_get(r, i) : AW_NONE)) return false;
  if (!set_field(vm, self, "_buf", AW_OBJ(nb))) return false;
  r->buf = nb;
  r->head = 0;
  return true;
}

static bool ring_push(AwVM *vm, AwValue self, Ring *r, AwValue v, bool left) {
  if (r->maxlen == 0) return true;
  if (r->maxlen > 0 && r->len == r->maxlen) {
    // Full: drop from the other end.
    if (left) {
      r->len--;
    } else {
      r->buf->items[ring_pos(r, 0)] = AW_NONE;
      r->head = ring_pos(r, 1);
      r->len--;
    }
  }
  if (!ring_grow(vm, self, r)) return false;
  int64_t cap = r->buf->len;
  if (left) {
    r->head = (r->head + cap - 1) % cap;
    r->buf->items[r->head] = v;
  } else {
    r->buf->items[ring_pos(r, r->len)] = v;
  }
  r->len++;
  return true;
}

static AwValue deque_push(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, bool left) {
  if (!aw_check_argc(vm, left ? "appendleft" : "append", argc, kwnames, 2, 2)) return AW_EXC;
  Ring r;
  if (!ring_load(vm, argv[0], &r) || !ring_push(vm, argv[0], &r, argv[1], left) || !ring_store(vm, argv[0], &r))
    return AW_EXC;
  return AW_NONE;
}

static AwValue deque_append(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return deque_push(vm, argc, argv, kw, false);
}

static AwValue deque_appendleft(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return deque_push(vm, argc, argv, kw, true);
}

static AwValue deque_pop_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, bool left) {
  if (!aw_check_argc(vm, left ? "popleft" : "pop", argc, kwnames, 1, 1)) return AW_EXC;
  Ring r;
  if (!ring_load(vm, argv[0], &r)) return AW_EXC;
  if (r.len == 0) return aw_raisef(vm, AW_EXCCLS(vm, IndexError), "pop from an empty deque");
  AwValue v;
  if (left) {
    int64_t p = ring_pos(&r, 0);
    v = r.buf->items[p];
    r.buf->items[p] = AW_NONE;
    r.head = ring_pos(&r, 1);
  } else {
    int64_t p = ring_pos(&r, r.len - 1);
    v = r.buf->items[p];
    r.buf->items[p] = AW_NONE;
  }
  r.len--;
  return ring_store(vm, argv[0], &r) ? v : AW_EXC;
}

static AwValue deque_pop(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return deque_pop_common(vm, argc, argv, kw, false);
}

static AwValue deque_popleft(AwVM *vm, int argc, AwValue *argv, AwTuple *kw) {
  return deque_pop_common(vm, argc, argv, kw, true);
}

static AwValue deque_extend_common(AwVM *vm, AwValue self, AwValue iterable, bool left) {
  // Extending with itself iterates over a snapshot, as CPython does.
  AwList *items = aw_list_from_iterable(vm, iterable);
  if (!items) return AW_EXC;
  aw_push_root(vm, AW_OBJ(items));
  Ring r;
  bool ok = ring_load(vm, self, &r);
  for (int64_t i = 0; ok && i < items->len; i++) ok = ring_push(vm, self, &r, items->items[i], left);
  ok = ok && ring_store(vm, self, &r);
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

static AwValue deque_extend(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "extend", argc, kwnames, 2, 2)) return AW_EXC;
  return deque_extend_common(vm, argv[0], argv[1], false);
}

static AwValue deque_extendleft(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "extendleft", argc, kwnames, 2, 2)) return AW_EXC;
  return deque_extend_common(vm, argv[0], argv[1], true);
}

static AwValue deque_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "iterable", "maxlen", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "deque", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue maxlen = AW_IS_UNDEF(a[2]) ? AW_NONE : a[2];
  if (!AW_IS_NONE(maxlen)) {
    if (!AW_IS_INTLIKE(maxlen))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "an integer is required");
    if (AW_AS_INT(maxlen) < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "maxlen must be non-negative");
    maxlen = AW_INT(AW_AS_INT(maxlen));
  }
  AwList *buf = aw_list_new(vm, 0);
  if (!buf || !set_field(vm, a[0], "_buf", AW_OBJ(buf)) || !set_field(vm, a[0], "_head", AW_INT(0)) ||
      !set_field(vm, a[0], "_len", AW_INT(0)) || !set_field(vm, a[0], "maxlen", maxlen))
    return AW_EXC;
  if (!AW_IS_UNDEF(a[1]) && AW_IS_EXC(deque_extend_common(vm, a[0], a[1], false))) return AW_EXC;
  return AW_NONE;
}

// The deque's items in order, as a new list.
static AwList *deque_list(AwVM *vm, AwValue self) {
  Ring r;
  if (!ring_load(vm, self, &r)) return NULL;
  AwList *l = aw_list_new(vm, r.len);
  if (!l) return NULL;
  for (int64_t i = 0; i < r.len; i++)
    if (!aw_list_append(vm, l, ring_get(&r, i))) return NULL;
  return l;
}

static AwValue deque_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwList *l = deque_list(vm, argv[0]);
  if (!l) return AW_EXC;
  return aw_get_iter(vm, AW_OBJ(l));
}

static AwValue deque_reversed(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwList *l = deque_list(vm, argv[0]);
  if (!l) return AW_EXC;
  for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
    AwValue t = l->items[i];
    l->items[i] = l->items[j];
    l->items[j] = t;
  }
  return aw_get_iter(vm, AW_OBJ(l));
}

static AwValue deque_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  Ring r;
  return ring_load(vm, argv[0], &r) ? AW_INT(r.len) : AW_EXC;
}

static bool deque_index_arg(AwVM *vm, AwValue self, AwValue key, Ring *r, int64_t *out) {
  if (!ring_load(vm, self, r)) return false;
  int64_t i;
  if (!aw_index(vm, key, &i)) return false;
  if (i < 0) i += r->len;
  if (i < 0 || i >= r->len) {
    aw_raisef(vm, AW_EXCCLS(vm, IndexError), "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

static AwValue deque_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__getitem__", argc, kwnames, 2, 2)) return AW_EXC;
  Ring r;
  int64_t i;
  if (!deque_index_arg(vm, argv[0], argv[1], &r, &i)) return AW_EXC;
  return ring_get(&r, i);
}

static AwValue deque_setitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__setitem__", argc, kwnames, 3, 3)) return AW_EXC;
  Ring r;
  int64_t i;
  if (!deque_index_arg(vm, argv[0], argv[1], &r, &i)) return AW_EXC;
  r.buf->items[ring_pos(&r, i)] = argv[2];
  return AW_NONE;
}

// Replaces the contents with the items of list [l] (rooted by the caller).
static bool deque_assign(AwVM *vm, AwValue self, AwList *l) {
  AwList *buf = aw_list_new(vm, l->len);
  if (!buf) return false;
  for (int64_t i = 0; i < l->len; i++)
    if (!aw_list_append(vm, buf, l->items[i])) return false;
  return set_field(vm, self, "_buf", AW_OBJ(buf)) && set_field(vm, self, "_head", AW_INT(0)) &&
         set_field(vm, self, "_len", AW_INT(l->len));
}

static AwValue deque_delitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__delitem__", argc, kwnames, 2, 2)) return AW_EXC;
  Ring r;
  int64_t i;
  if (!deque_index_arg(vm, argv[0], argv[1], &r, &i)) return AW_EXC;
  AwList *l = deque_list(vm, argv[0]);
  if (!l) return AW_EXC;
  for (int64_t k = i; k < l->len - 1; k++) l->items[k] = l->items[k + 1];
  l->len--;
  aw_push_root(vm, AW_OBJ(l));
  bool ok = deque_assign(vm, argv[0], l);
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

static AwValue deque_clear(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "clear", argc, kwnames, 1, 1)) return AW_EXC;
  AwList *buf = aw_list_new(vm, 0);
  if (!buf || !set_field(vm, argv[0], "_buf", AW_OBJ(buf)) || !set_field(vm, argv[0], "_head", AW_INT(0)) ||
      !set_field(vm, argv[0], "_len", AW_INT(0)))
    return AW_EXC;
  return AW_NONE;
}

static AwValue deque_rotate(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "rotate", argc, kwnames, 1, 2)) return AW_EXC;
  int64_t n = 1;
  if (argc == 2 && !aw_index(vm, argv[1], &n)) return AW_EXC;
  Ring r;
  if (!ring_load(vm, argv[0], &r)) return AW_EXC;
  if (r.len <= 1) return AW_NONE;
  n %= r.len;
  if (n < 0) n += r.len;
  if (n == 0) return AW_NONE;
  // Rotating right by n: the last n items move to the front.
  AwList *l = deque_list(vm, argv[0]);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  AwList *out = aw_list_new(vm, l->len);
  bool ok = out != NULL;
  for (int64_t i = 0; ok && i < l->len; i++) ok = aw_list_append(vm, out, l->items[(i - n + l->len) % l->len]);
  if (ok) {
    aw_push_root(vm, AW_OBJ(out));
    ok = deque_assign(vm, argv[0], out);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

static AwValue deque_reverse(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "reverse", argc, kwnames, 1, 1)) return AW_EXC;
  Ring r;
  if (!ring_load(vm, argv[0], &r)) return AW_EXC;
  for (int64_t i = 0, j = r.len - 1; i < j; i++, j--) {
    int64_t pi = ring_pos(&r, i), pj = ring_pos(&r, j);
    AwValue t = r.buf->items[pi];
    r.buf->items[pi] = r.buf->items[pj];
    r.buf->items[pj] = t;
  }
  return AW_NONE;
}

// count/index/remove/__contains__ compare with ==, which may run script
// code: the items are taken from a snapshot list kept rooted.
static AwValue deque_search(AwVM *vm, AwValue self, AwValue x, int what) {
  AwList *l = deque_list(vm, self);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  int64_t count = 0, found = -1;
  AwValue result = AW_UNDEF;
  for (int64_t i = 0; i < l->len; i++) {
    int eq = aw_eq(vm, l->items[i], x);
    if (eq < 0) {
      result = AW_EXC;
      break;
    }
    if (eq) {
      count++;
      if (found < 0) found = i;
      if (what != 0) break;
    }
  }
  if (AW_IS_UNDEF(result)) {
    switch (what) {
      case 0: result = AW_INT(count); break;
      case 1: result = AW_BOOL(found >= 0); break;
      case 2:
        result = found >= 0 ? AW_INT(found)
                            : aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%S is not in deque", x);
        break;
      default:
        if (found < 0) {
          result = aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%S is not in deque", x);
        } else {
          for (int64_t k = found; k < l->len - 1; k++) l->items[k] = l->items[k + 1];
          l->len--;
          result = deque_assign(vm, self, l) ? AW_NONE : AW_EXC;
        }
    }
  }
  aw_pop_root(vm);
  return result;
}

static AwValue deque_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "count", argc, kwnames, 2, 2)) return AW_EXC;
  return deque_search(vm, argv[0], argv[1], 0);
}

static AwValue deque_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__contains__", argc, kwnames, 2, 2)) return AW_EXC;
  return deque_search(vm, argv[0], argv[1], 1);
}

static AwValue deque_index(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "index", argc, kwnames, 2, 2)) return AW_EXC;
  return deque_search(vm, argv[0], argv[1], 2);
}

static AwValue deque_remove(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "remove", argc, kwnames, 2, 2)) return AW_EXC;
  return deque_search(vm, argv[0], argv[1], 3);
}

static AwValue deque_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwList *l = deque_list(vm, argv[0]);
  if (!l) return AW_EXC;
  AwValue maxlen = field(vm, argv[0], "maxlen");
  if (AW_IS_INT(maxlen)) return aw_str_format(vm, "deque(%R, maxlen=%R)", AW_OBJ(l), maxlen);
  return aw_str_format(vm, "deque(%R)", AW_OBJ(l));
}

static AwValue deque_copy(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "copy", argc, kwnames, 1, 1)) return AW_EXC;
  AwList *l = deque_list(vm, argv[0]);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  AwValue args[2] = {AW_OBJ(l), field(vm, argv[0], "maxlen")};
  if (AW_IS_UNDEF(args[1])) args[1] = AW_NONE;
  AwValue r = aw_call(vm, AW_OBJ(aw_type_of(vm, argv[0])), 2, args, NULL);
  aw_pop_root(vm);
  return r;
}

static AwValue deque_eq(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__eq__", argc, kwnames, 2, 2)) return AW_EXC;
  if (AW_IS_UNDEF(field(vm, argv[1], "_buf"))) return vm->not_implemented;
  AwList *a = deque_list(vm, argv[0]);
  if (!a) return AW_EXC;
  aw_push_root(vm, AW_OBJ(a));
  AwList *b = deque_list(vm, argv[1]);
  AwValue r = AW_EXC;
  if (b) {
    aw_push_root(vm, AW_OBJ(b));
    int eq = aw_eq(vm, AW_OBJ(a), AW_OBJ(b));
    r = eq < 0 ? AW_EXC : AW_BOOL(eq);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  return r;
}

static const Method deque_methods[] = {
  {"__init__", deque_init},     {"append", deque_append},       {"appendleft", deque_appendleft},
  {"pop", deque_pop},           {"popleft", deque_popleft},     {"extend", deque_extend},
  {"extendleft", deque_extendleft}, {"clear", deque_clear},     {"rotate", deque_rotate},
  {"reverse", deque_reverse},   {"count", deque_count},         {"index", deque_index},
  {"remove", deque_remove},     {"copy", deque_copy},           {"__iter__", deque_iter},
  {"__reversed__", deque_reversed}, {"__len__", deque_len},     {"__getitem__", deque_getitem},
  {"__setitem__", deque_setitem}, {"__delitem__", deque_delitem}, {"__contains__", deque_contains},
  {"__repr__", deque_repr},     {"__eq__", deque_eq},           {NULL, NULL},
};

// ---- the mapping wrappers ----------------------------------------------------------
// _Mapping (the shared base) forwards the dict protocol to "_d".

static AwDict *inner(AwVM *vm, AwValue self) {
  AwValue d = field(vm, self, "_d");
  if (!AW_IS_DICT(d)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "mapping object is not initialised");
    return NULL;
  }
  return AW_AS_DICT(d);
}

// The dict behind a mapping argument: a wrapper's _d, a dict, or NULL.
static AwDict *dict_of(AwVM *vm, AwValue v) {
  if (AW_IS_DICT(v)) return AW_AS_DICT(v);
  AwValue d = field(vm, v, "_d");
  return AW_IS_DICT(d) ? AW_AS_DICT(d) : NULL;
}

// Calls the dict method [name] of the inner dict with the other args.
static AwValue forward(AwVM *vm, const char *name, int argc, AwValue *argv) {
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  AwValue n = intern(vm, name);
  if (AW_IS_EXC(n)) return AW_EXC;
  return aw_call_method(vm, AW_OBJ(d), n, argc - 1, argv + 1);
}

#define FORWARD(cname, pyname)                                                          \
  static AwValue map_##cname(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {    \
    if (kwnames && kwnames->len)                                                        \
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), pyname "() takes no keyword arguments"); \
    return forward(vm, pyname, argc, argv);                                             \
  }
FORWARD(keys, "keys")
FORWARD(values, "values")
FORWARD(items, "items")
FORWARD(get, "get")
FORWARD(pop, "pop")
FORWARD(popitem, "popitem")
FORWARD(setdefault, "setdefault")
FORWARD(clear, "clear")
FORWARD(iter, "__iter__")
FORWARD(len, "__len__")
FORWARD(contains, "__contains__")
FORWARD(setitem, "__setitem__")
FORWARD(delitem, "__delitem__")

static AwValue map_getitem_plain(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__getitem__", argc, kwnames, 2, 2)) return AW_EXC;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  AwValue v;
  int r = aw_dict_get(vm, d, argv[1], &v);
  if (r < 0) return AW_EXC;
  if (r == 0) return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &argv[1]);
  return v;
}

// update(other=(), **kw): a mapping (dict or wrapper) or pairs, then keywords.
static bool update_from(AwVM *vm, AwDict *d, AwValue other) {
  AwDict *src = dict_of(vm, other);
  if (src) {
    int64_t pos = 0;
    AwValue k, v;
    while (aw_dict_next(src, &pos, &k, &v))
      if (!aw_dict_set(vm, d, k, v)) return false;
    return true;
  }
  AwList *pairs = aw_list_from_iterable(vm, other);
  if (!pairs) return false;
  aw_push_root(vm, AW_OBJ(pairs));
  bool ok = true;
  for (int64_t i = 0; ok && i < pairs->len; i++) {
    AwValue p = pairs->items[i];
    AwValue *items = NULL;
    int64_t n = 0;
    if (AW_IS_TUPLE(p)) items = AW_AS_TUPLE(p)->items, n = AW_AS_TUPLE(p)->len;
    else if (AW_IS_LIST(p)) items = AW_AS_LIST(p)->items, n = AW_AS_LIST(p)->len;
    if (n != 2) {
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "dictionary update sequence element #%lld has length %lld; 2 is required",
                (long long)i, (long long)n);
      ok = false;
    } else {
      ok = aw_dict_set(vm, d, items[0], items[1]);
    }
  }
  aw_pop_root(vm);
  return ok;
}

static bool update_kw(AwVM *vm, AwDict *d, int argc, AwValue *argv, AwTuple *kwnames) {
  if (kwnames)
    for (int64_t i = 0; i < kwnames->len; i++)
      if (!aw_dict_set(vm, d, kwnames->items[i], argv[argc + i])) return false;
  return true;
}

static AwValue map_update(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc > 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "update expected at most 1 argument, got %d", argc - 1);
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  if (argc == 2 && !update_from(vm, d, argv[1])) return AW_EXC;
  return update_kw(vm, d, argc, argv, kwnames) ? AW_NONE : AW_EXC;
}

static AwValue map_eq(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__eq__", argc, kwnames, 2, 2)) return AW_EXC;
  AwDict *a = inner(vm, argv[0]), *b = dict_of(vm, argv[1]);
  if (!a) return AW_EXC;
  if (!b) return vm->not_implemented;
  int eq = aw_eq(vm, AW_OBJ(a), AW_OBJ(b));
  return eq < 0 ? AW_EXC : AW_BOOL(eq);
}

// A new wrapper of the same class as [self] around a copy of its dict.
static AwValue map_copy_as(AwVM *vm, AwValue self, AwDict *d) {
  AwValue inst = aw_call(vm, AW_OBJ(aw_type_of(vm, self)), 0, NULL, NULL);
  if (AW_IS_EXC(inst)) return AW_EXC;
  aw_push_root(vm, inst);
  AwDict *copy = aw_dict_copy(vm, d);
  bool ok = copy && set_field(vm, inst, "_d", AW_OBJ(copy));
  AwValue factory = field(vm, self, "default_factory");
  if (ok && !AW_IS_UNDEF(factory)) ok = set_field(vm, inst, "default_factory", factory);
  aw_pop_root(vm);
  return ok ? inst : AW_EXC;
}

static AwValue map_copy(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "copy", argc, kwnames, 1, 1)) return AW_EXC;
  AwDict *d = inner(vm, argv[0]);
  return d ? map_copy_as(vm, argv[0], d) : AW_EXC;
}

static bool new_inner(AwVM *vm, AwValue self) {
  AwDict *d = aw_dict_new(vm);
  return d && set_field(vm, self, "_d", AW_OBJ(d));
}

static const Method mapping_methods[] = {
  {"keys", map_keys},       {"values", map_values},   {"items", map_items},     {"get", map_get},
  {"pop", map_pop},         {"popitem", map_popitem}, {"setdefault", map_setdefault},
  {"clear", map_clear},     {"update", map_update},   {"copy", map_copy},       {"__iter__", map_iter},
  {"__len__", map_len},     {"__contains__", map_contains}, {"__getitem__", map_getitem_plain},
  {"__setitem__", map_setitem}, {"__delitem__", map_delitem}, {"__eq__", map_eq}, {NULL, NULL},
};

// ---- OrderedDict ------------------------------------------------------------------

static AwValue od_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc > 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected at most 1 arguments, got %d", argc - 1);
  if (!new_inner(vm, argv[0])) return AW_EXC;
  return map_update(vm, argc, argv, kwnames);
}

static AwValue od_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  const char *name = AW_AS_STR(aw_type_of(vm, argv[0])->name)->data;
  if (d->len == 0) return aw_str_format(vm, "%s()", name);
  AwValue items = forward(vm, "items", 1, argv);
  if (AW_IS_EXC(items)) return AW_EXC;
  aw_push_root(vm, items);
  AwList *l = aw_list_from_iterable(vm, items);
  AwValue r = l ? aw_str_format(vm, "%s(%R)", name, AW_OBJ(l)) : AW_EXC;
  aw_pop_root(vm);
  return r;
}

static AwValue od_move_to_end(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "key", "last", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "move_to_end", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  AwDict *d = inner(vm, a[0]);
  if (!d) return AW_EXC;
  int last = AW_IS_UNDEF(a[2]) ? 1 : aw_truthy(vm, a[2]);
  if (last < 0) return AW_EXC;
  AwValue v;
  int r = aw_dict_del(vm, d, a[1], &v);
  if (r < 0) return AW_EXC;
  if (r == 0) return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &a[1]);
  aw_push_root(vm, v);
  bool ok;
  if (last) {
    ok = aw_dict_set(vm, d, a[1], v);
  } else {
    // Rebuild with the key first.
    AwDict *nd = aw_dict_new(vm);
    ok = nd && aw_dict_set(vm, nd, a[1], v);
    int64_t pos = 0;
    AwValue k, val;
    while (ok && aw_dict_next(d, &pos, &k, &val)) ok = aw_dict_set(vm, nd, k, val);
    ok = ok && set_field(vm, a[0], "_d", AW_OBJ(nd));
  }
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

static AwValue od_popitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "last", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "popitem", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwDict *d = inner(vm, a[0]);
  if (!d) return AW_EXC;
  int last = AW_IS_UNDEF(a[1]) ? 1 : aw_truthy(vm, a[1]);
  if (last < 0) return AW_EXC;
  if (d->len == 0) return aw_raisef(vm, AW_EXCCLS(vm, KeyError), "dictionary is empty");
  int64_t pos = 0;
  AwValue k = AW_UNDEF, v = AW_UNDEF, kk, vv;
  while (aw_dict_next(d, &pos, &kk, &vv)) {
    k = kk;
    v = vv;
    if (!last) break;
  }
  AwValue pair = aw_tuple_pack(vm, 2, k, v);
  if (AW_IS_EXC(pair) || aw_dict_del(vm, d, k, NULL) < 0) return AW_EXC;
  return pair;
}

static const Method od_methods[] = {
  {"__init__", od_init}, {"__repr__", od_repr}, {"move_to_end", od_move_to_end}, {"popitem", od_popitem},
  {NULL, NULL},
};

// ---- defaultdict -------------------------------------------------------------------

static AwValue dd_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue factory = argc > 1 ? argv[1] : AW_NONE;
  if (!AW_IS_NONE(factory) && !aw_is_callable(vm, factory))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "first argument must be callable or None");
  if (!new_inner(vm, argv[0]) || !set_field(vm, argv[0], "default_factory", factory)) return AW_EXC;
  if (argc > 3) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "defaultdict expected at most 2 arguments");
  AwDict *d = inner(vm, argv[0]);
  if (argc == 3 && !update_from(vm, d, argv[2])) return AW_EXC;
  return update_kw(vm, d, argc, argv, kwnames) ? AW_NONE : AW_EXC;
}

static AwValue dd_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__getitem__", argc, kwnames, 2, 2)) return AW_EXC;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  AwValue v;
  int r = aw_dict_get(vm, d, argv[1], &v);
  if (r < 0) return AW_EXC;
  if (r > 0) return v;
  // __missing__: default_factory() stored under the key.
  AwValue factory = field(vm, argv[0], "default_factory");
  if (AW_IS_UNDEF(factory) || AW_IS_NONE(factory)) return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &argv[1]);
  v = aw_call(vm, factory, 0, NULL, NULL);
  if (AW_IS_EXC(v)) return AW_EXC;
  aw_push_root(vm, v);
  d = inner(vm, argv[0]);
  bool ok = d && aw_dict_set(vm, d, argv[1], v);
  aw_pop_root(vm);
  return ok ? v : AW_EXC;
}

static AwValue dd_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  AwValue factory = field(vm, argv[0], "default_factory");
  return aw_str_format(vm, "defaultdict(%R, %R)", AW_IS_UNDEF(factory) ? AW_NONE : factory, AW_OBJ(d));
}

static const Method dd_methods[] = {
  {"__init__", dd_init}, {"__getitem__", dd_getitem}, {"__repr__", dd_repr}, {NULL, NULL},
};

// ---- Counter -------------------------------------------------------------------------

// count + delta for Counter values: ints overflow-checked, others via +.
static AwValue add_count(AwVM *vm, AwValue old, AwValue delta) {
  if (AW_IS_INTLIKE(old) && AW_IS_INTLIKE(delta)) {
    int64_t r;
    if (__builtin_add_overflow(AW_AS_INT(old), AW_AS_INT(delta), &r))
      return aw_raisef(vm, AW_EXCCLS(vm, OverflowError), "integer overflow");
    return AW_INT(r);
  }
  return aw_binary_op(vm, AW_BINOP_ADD, old, delta);
}

// Adds [sign] * counts of [src] (an iterable of keys, or a mapping of
// key -> count) into [d].
static bool counter_add(AwVM *vm, AwDict *d, AwValue src, int sign) {
  AwDict *m = dict_of(vm, src);
  if (m) {
    int64_t pos = 0;
    AwValue k, v;
    while (aw_dict_next(m, &pos, &k, &v)) {
      AwValue old;
      int r = aw_dict_get(vm, d, k, &old);
      if (r < 0) return false;
      AwValue delta = sign < 0 ? aw_unary_op(vm, AW_UNARY_NEG, v) : v;
      if (AW_IS_EXC(delta)) return false;
      aw_push_root(vm, delta);  // a user __add__ may run
      AwValue nv = r ? add_count(vm, old, delta) : delta;
      aw_pop_root(vm);
      if (AW_IS_EXC(nv) || !aw_dict_set(vm, d, k, nv)) return false;
    }
    return true;
  }
  AwValue it = aw_get_iter(vm, src);
  if (AW_IS_EXC(it)) return false;
  aw_push_root(vm, it);
  bool ok = true;
  for (;;) {
    AwValue k = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(k)) break;
    if (AW_IS_EXC(k)) {
      ok = false;
      break;
    }
    aw_push_root(vm, k);
    AwValue old;
    int r = aw_dict_get(vm, d, k, &old);
    AwValue nv = r < 0 ? AW_EXC : r ? add_count(vm, old, AW_INT(sign)) : AW_INT(sign);
    ok = !AW_IS_EXC(nv) && aw_dict_set(vm, d, k, nv);
    aw_pop_root(vm);
    if (!ok) break;
  }
  aw_pop_root(vm);
  return ok;
}

static AwValue counter_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc > 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected at most 1 argument, got %d", argc - 1);
  if (!new_inner(vm, argv[0])) return AW_EXC;
  AwDict *d = inner(vm, argv[0]);
  if (argc == 2 && !AW_IS_NONE(argv[1]) && !counter_add(vm, d, argv[1], 1)) return AW_EXC;
  return update_kw(vm, d, argc, argv, kwnames) ? AW_NONE : AW_EXC;
}

static AwValue counter_update_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, int sign) {
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  if (argc > 1 && !AW_IS_NONE(argv[1]) && !counter_add(vm, d, argv[1], sign)) return AW_EXC;
  if (kwnames && kwnames->len) {
    AwDict *kw = aw_dict_new(vm);
    if (!kw) return AW_EXC;
    aw_push_root(vm, AW_OBJ(kw));
    bool ok = update_kw(vm, kw, argc, argv, kwnames) && counter_add(vm, d, AW_OBJ(kw), sign);
    aw_pop_root(vm);
    if (!ok) return AW_EXC;
  }
  return AW_NONE;
}

static AwValue counter_update(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return counter_update_common(vm, argc, argv, kwnames, 1);
}

static AwValue counter_subtract(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return counter_update_common(vm, argc, argv, kwnames, -1);
}

static AwValue counter_getitem(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__getitem__", argc, kwnames, 2, 2)) return AW_EXC;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  AwValue v;
  int r = aw_dict_get(vm, d, argv[1], &v);
  if (r < 0) return AW_EXC;
  return r ? v : AW_INT(0);
}

// The (key, count) pairs sorted by count, highest first, stable.
static AwList *counter_sorted(AwVM *vm, AwValue self) {
  AwValue items = forward(vm, "items", 1, &self);
  if (AW_IS_EXC(items)) return NULL;
  aw_push_root(vm, items);
  AwList *l = aw_list_from_iterable(vm, items);
  aw_pop_root(vm);
  if (!l) return NULL;
  aw_push_root(vm, AW_OBJ(l));
  AwValue key = module_global(vm, "_count_of");
  bool ok = !AW_IS_UNDEF(key) && aw_list_sort(vm, l, key, true);
  aw_pop_root(vm);
  return ok ? l : NULL;
}

static AwValue counter_count_of(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "_count_of", argc, kwnames, 1, 1) || !AW_IS_TUPLE(argv[0]) || AW_AS_TUPLE(argv[0])->len != 2)
    return AW_EXC;
  return AW_AS_TUPLE(argv[0])->items[1];
}

static AwValue counter_most_common(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "most_common", argc, kwnames, 1, 2)) return AW_EXC;
  AwList *l = counter_sorted(vm, argv[0]);
  if (!l) return AW_EXC;
  if (argc == 2 && !AW_IS_NONE(argv[1])) {
    int64_t n;
    if (!aw_index(vm, argv[1], &n)) return AW_EXC;
    if (n < 0) n = 0;
    if (n < l->len) l->len = n;
  }
  return AW_OBJ(l);
}

static AwValue counter_elements(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "elements", argc, kwnames, 1, 1)) return AW_EXC;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  AwList *out = aw_list_new(vm, 0);
  if (!out) return AW_EXC;
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(d, &pos, &k, &v)) {
    if (!AW_IS_INTLIKE(v)) continue;
    for (int64_t i = 0; i < AW_AS_INT(v); i++)
      if (!aw_list_append(vm, out, k)) return AW_EXC;
  }
  return aw_get_iter(vm, AW_OBJ(out));
}

static AwValue counter_total(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "total", argc, kwnames, 1, 1)) return AW_EXC;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  // The running total sits in a rooted 1-tuple: a user __add__ may run.
  AwTuple *acc = aw_tuple_new(vm, 1);
  if (!acc) return AW_EXC;
  acc->items[0] = AW_INT(0);
  aw_push_root(vm, AW_OBJ(acc));
  int64_t pos = 0;
  AwValue k, v;
  AwValue result = AW_UNDEF;
  while (aw_dict_next(d, &pos, &k, &v)) {
    AwValue t = add_count(vm, acc->items[0], v);
    if (AW_IS_EXC(t)) {
      result = AW_EXC;
      break;
    }
    acc->items[0] = t;
  }
  aw_pop_root(vm);
  return AW_IS_UNDEF(result) ? acc->items[0] : result;
}

static AwValue counter_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwDict *d = inner(vm, argv[0]);
  if (!d) return AW_EXC;
  if (d->len == 0) return aw_str_from_cstr(vm, "Counter()");
  AwList *l = counter_sorted(vm, argv[0]);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_append(vm, &b, "Counter({", 9);
  bool ok = true;
  for (int64_t i = 0; ok && i < l->len; i++) {
    AwTuple *p = AW_AS_TUPLE(l->items[i]);
    if (i) aw_buf_append(vm, &b, ", ", 2);
    ok = aw_buf_repr(vm, &b, p->items[0]) && aw_buf_append(vm, &b, ": ", 2) && aw_buf_repr(vm, &b, p->items[1]);
  }
  aw_buf_append(vm, &b, "})", 2);
  aw_pop_root(vm);
  if (!ok) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

// Counter + / -: counts combined, keeping only positive results.
static AwValue counter_combine(AwVM *vm, AwValue *argv, int sign) {
  AwDict *a = inner(vm, argv[0]), *b = dict_of(vm, argv[1]);
  if (!a) return AW_EXC;
  if (!b || AW_IS_DICT(argv[1])) return vm->not_implemented;
  AwDict *sum = aw_dict_copy(vm, a);
  if (!sum) return AW_EXC;
  aw_push_root(vm, AW_OBJ(sum));
  bool ok = counter_add(vm, sum, argv[1], sign);
  AwDict *out = ok ? aw_dict_new(vm) : NULL;
  AwValue result = AW_EXC;
  if (out) {
    aw_push_root(vm, AW_OBJ(out));
    int64_t pos = 0;
    AwValue k, v;
    while (ok && aw_dict_next(sum, &pos, &k, &v))
      if (!AW_IS_INTLIKE(v) || AW_AS_INT(v) > 0) ok = aw_dict_set(vm, out, k, v);
    if (ok) result = map_copy_as(vm, argv[0], out);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  return result;
}

static AwValue counter_add_op(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__add__", argc, kwnames, 2, 2)) return AW_EXC;
  return counter_combine(vm, argv, 1);
}

static AwValue counter_sub_op(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "__sub__", argc, kwnames, 2, 2)) return AW_EXC;
  return counter_combine(vm, argv, -1);
}

static const Method counter_methods[] = {
  {"__init__", counter_init},       {"update", counter_update},   {"subtract", counter_subtract},
  {"__getitem__", counter_getitem}, {"most_common", counter_most_common}, {"elements", counter_elements},
  {"total", counter_total},         {"__repr__", counter_repr},   {"__add__", counter_add_op},
  {"__sub__", counter_sub_op},      {NULL, NULL},
};

// ---- namedtuple ---------------------------------------------------------------------
// The generated class has _fields (a tuple of str), _defaults (a tuple for
// the last fields); each instance keeps its values as a tuple in "_t" and
// one attribute per field.

static AwTuple *nt_values(AwVM *vm, AwValue self) {
  AwValue t = field(vm, self, "_t");
  if (!AW_IS_TUPLE(t)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "namedtuple instance is not initialised");
    return NULL;
  }
  return AW_AS_TUPLE(t);
}

static AwValue class_attr(AwVM *vm, AwValue self, const char *name) {
  AwClass *c = AW_IS_CLASS(self) ? AW_AS_CLASS(self) : aw_type_of(vm, self);
  for (; c; c = c->base) {
    AwValue v = aw_dict_get_cstr(vm, c->dict, name);
    if (!AW_IS_UNDEF(v)) return v;
  }
  return AW_UNDEF;
}

// Stores the values tuple and the per-field attributes.
static bool nt_fill(AwVM *vm, AwValue self, AwTuple *fields, AwTuple *vals) {
  if (!set_field(vm, self, "_t", AW_OBJ(vals))) return false;
  for (int64_t i = 0; i < fields->len; i++)
    if (!aw_dict_set(vm, AW_AS_INSTANCE(self)->dict, fields->items[i], vals->items[i])) return false;
  return true;
}

static AwValue nt_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue self = argv[0];
  AwValue fv = class_attr(vm, self, "_fields"), dv = class_attr(vm, self, "_defaults");
  if (!AW_IS_TUPLE(fv)) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "bad namedtuple class");
  AwTuple *fields = AW_AS_TUPLE(fv);
  AwTuple *defaults = AW_IS_TUPLE(dv) ? AW_AS_TUPLE(dv) : NULL;
  int64_t n = fields->len, npos = argc - 1;
  if (npos > n)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.__new__() takes %lld positional arguments but %lld were given",
                     AW_AS_STR(aw_type_of(vm, self)->name)->data, (long long)(n + 1), (long long)(npos + 1));
  AwTuple *vals = aw_tuple_new(vm, n);
  if (!vals) return AW_EXC;
  for (int64_t i = 0; i < n; i++) vals->items[i] = i < npos ? argv[1 + i] : AW_UNDEF;
  if (kwnames)
    for (int64_t k = 0; k < kwnames->len; k++) {
      int64_t i = 0;
      while (i < n && !aw_str_eq(AW_AS_STR(fields->items[i]), AW_AS_STR(kwnames->items[k]))) i++;
      if (i == n)
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.__new__() got an unexpected keyword argument '%s'",
                         AW_AS_STR(aw_type_of(vm, self)->name)->data, AW_AS_STR(kwnames->items[k])->data);
      if (!AW_IS_UNDEF(vals->items[i]))
        return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.__new__() got multiple values for argument '%s'",
                         AW_AS_STR(aw_type_of(vm, self)->name)->data, AW_AS_STR(kwnames->items[k])->data);
      vals->items[i] = argv[argc + k];
    }
  int64_t ndef = defaults ? defaults->len : 0;
  for (int64_t i = 0; i < n; i++) {
    if (!AW_IS_UNDEF(vals->items[i])) continue;
    if (i >= n - ndef) {
      vals->items[i] = defaults->items[i - (n - ndef)];
      continue;
    }
    // CPython lists every missing name: "missing 2 required positional arguments: 'x' and 'y'".
    AwBuf b;
    aw_buf_init(&b);
    int64_t missing = 0;
    for (int64_t j = i; j < n - ndef; j++)
      if (AW_IS_UNDEF(vals->items[j])) missing++;
    int64_t seen = 0;
    for (int64_t j = i; j < n - ndef; j++) {
      if (!AW_IS_UNDEF(vals->items[j])) continue;
      if (seen) aw_buf_append(vm, &b, seen == missing - 1 ? (missing > 2 ? ", and " : " and ") : ", ",
                              seen == missing - 1 ? (missing > 2 ? 6 : 5) : 2);
      aw_buf_repr(vm, &b, fields->items[j]);
      seen++;
    }
    AwValue list = aw_buf_to_str(vm, &b);
    if (AW_IS_EXC(list)) return AW_EXC;
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s.__new__() missing %lld required positional argument%s: %S",
                     AW_AS_STR(aw_type_of(vm, self)->name)->data, (long long)missing, missing > 1 ? "s" : "", list);
  }
  aw_push_root(vm, AW_OBJ(vals));
  bool ok = nt_fill(vm, self, fields, vals);
  aw_pop_root(vm);
  return ok ? AW_NONE : AW_EXC;
}

static AwValue nt_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwTuple *vals = nt_values(vm, argv[0]);
  AwValue fv = class_attr(vm, argv[0], "_fields");
  if (!vals || !AW_IS_TUPLE(fv)) return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_append_str(vm, &b, aw_type_of(vm, argv[0])->name);
  aw_buf_putc(vm, &b, '(');
  bool ok = true;
  for (int64_t i = 0; ok && i < vals->len; i++) {
    if (i) aw_buf_append(vm, &b, ", ", 2);
    aw_buf_append_str(vm, &b, AW_AS_TUPLE(fv)->items[i]);
    aw_buf_putc(vm, &b, '=');
    ok = aw_buf_repr(vm, &b, vals->items[i]);
  }
  aw_buf_putc(vm, &b, ')');
  if (!ok) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

// The tuple behind [v]: a namedtuple's values, a tuple itself, or NULL.
static AwTuple *tuple_of(AwVM *vm, AwValue v) {
  if (AW_IS_TUPLE(v)) return AW_AS_TUPLE(v);
  AwValue t = field(vm, v, "_t");
  return AW_IS_TUPLE(t) ? AW_AS_TUPLE(t) : NULL;
}

// Sequence protocol and comparisons delegate to the values tuple; a
// comparison's other side must be a namedtuple or a tuple.
static AwValue nt_delegate(AwVM *vm, int argc, AwValue *argv, const char *name, bool compare) {
  AwTuple *vals = nt_values(vm, argv[0]);
  if (!vals) return AW_EXC;
  AwValue n = intern(vm, name);
  if (AW_IS_EXC(n)) return AW_EXC;
  AwValue other[1] = {AW_NONE};
  if (argc == 2) {
    other[0] = argv[1];
    if (compare) {
      AwTuple *o = tuple_of(vm, argv[1]);
      if (!o) return vm->not_implemented;
      other[0] = AW_OBJ(o);  // held by argv[1] (a tuple, or its _t)
    }
  }
  return aw_call_method(vm, AW_OBJ(vals), n, argc - 1, other);
}

#define NT_DELEGATE(cname, pyname, compare)                                          \
  static AwValue nt_##cname(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {  \
    (void)kwnames;                                                                    \
    return nt_delegate(vm, argc, argv, pyname, compare);                              \
  }
NT_DELEGATE(getitem, "__getitem__", false)
NT_DELEGATE(contains, "__contains__", false)
NT_DELEGATE(iter, "__iter__", false)
NT_DELEGATE(len, "__len__", false)
NT_DELEGATE(hash, "__hash__", false)
NT_DELEGATE(eq, "__eq__", true)
NT_DELEGATE(ne, "__ne__", true)
NT_DELEGATE(lt, "__lt__", true)
NT_DELEGATE(le, "__le__", true)
NT_DELEGATE(gt, "__gt__", true)
NT_DELEGATE(ge, "__ge__", true)

static AwValue nt_asdict(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "_asdict", argc, kwnames, 1, 1)) return AW_EXC;
  AwTuple *vals = nt_values(vm, argv[0]);
  AwValue fv = class_attr(vm, argv[0], "_fields");
  if (!vals || !AW_IS_TUPLE(fv)) return AW_EXC;
  AwDict *d = aw_dict_new(vm);
  if (!d) return AW_EXC;
  for (int64_t i = 0; i < vals->len; i++)
    if (!aw_dict_set(vm, d, AW_AS_TUPLE(fv)->items[i], vals->items[i])) return AW_EXC;
  return AW_OBJ(d);
}

static AwValue nt_replace(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (argc != 1) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "_replace() takes keyword arguments only");
  AwTuple *vals = nt_values(vm, argv[0]);
  AwValue fv = class_attr(vm, argv[0], "_fields");
  if (!vals || !AW_IS_TUPLE(fv)) return AW_EXC;
  AwTuple *fields = AW_AS_TUPLE(fv);
  AwTuple *nv = aw_tuple_new(vm, vals->len);
  if (!nv) return AW_EXC;
  for (int64_t i = 0; i < vals->len; i++) nv->items[i] = vals->items[i];
  if (kwnames)
    for (int64_t k = 0; k < kwnames->len; k++) {
      int64_t i = 0;
      while (i < fields->len && !aw_str_eq(AW_AS_STR(fields->items[i]), AW_AS_STR(kwnames->items[k]))) i++;
      if (i == fields->len)
        return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Got unexpected field names: ['%s']",
                         AW_AS_STR(kwnames->items[k])->data);
      nv->items[i] = argv[argc + k];
    }
  aw_push_root(vm, AW_OBJ(nv));
  AwValue inst = aw_call(vm, AW_OBJ(aw_type_of(vm, argv[0])), (int)nv->len, nv->items, NULL);
  aw_pop_root(vm);
  return inst;
}

static AwValue nt_make(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "_make", argc, kwnames, 2, 2)) return AW_EXC;
  AwList *l = aw_list_from_iterable(vm, argv[1]);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  AwValue inst = aw_call(vm, argv[0], (int)l->len, l->items, NULL);
  aw_pop_root(vm);
  return inst;
}

static const Method nt_methods[] = {
  {"__init__", nt_init},   {"__repr__", nt_repr}, {"__getitem__", nt_getitem}, {"__contains__", nt_contains},
  {"__iter__", nt_iter},   {"__len__", nt_len},   {"__hash__", nt_hash},       {"__eq__", nt_eq},
  {"__ne__", nt_ne},       {"__lt__", nt_lt},     {"__le__", nt_le},           {"__gt__", nt_gt},
  {"__ge__", nt_ge},       {"_asdict", nt_asdict}, {"_replace", nt_replace},   {NULL, NULL},
};

static bool is_identifier(AwStr *s) {
  if (s->nbytes == 0) return false;
  for (int64_t i = 0; i < s->nbytes; i++) {
    unsigned char c = (unsigned char)s->data[i];
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
static AwValue collections_namedtuple(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"typename", "field_names", "rename", "defaults", "module", NULL};
  AwValue a[5];
  if (!aw_parse_args(vm, "namedtuple", argc, argv, kwnames, 2, names, a)) return AW_EXC;
  if (!AW_IS_STR(a[0]) || !is_identifier(AW_AS_STR(a[0])))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Type names and field names must be valid identifiers: %R", a[0]);
  // Field names: a str split on commas and whitespace, or an iterable of str.
  AwValue spec = a[1];
  AwList *fl;
  if (AW_IS_STR(spec)) {
    AwBuf b;
    aw_buf_init(&b);
    AwStr *s = AW_AS_STR(spec);
    for (int64_t i = 0; i < s->nbytes; i++) aw_buf_putc(vm, &b, s->data[i] == ',' ? ' ' : s->data[i]);
    AwValue cleaned = aw_buf_to_str(vm, &b);
    if (AW_IS_EXC(cleaned)) return AW_EXC;
    aw_push_root(vm, cleaned);
    AwValue parts = aw_call_method(vm, cleaned, intern(vm, "split"), 0, NULL);
    aw_pop_root(vm);
    if (AW_IS_EXC(parts)) return AW_EXC;
    fl = AW_AS_LIST(parts);
  } else {
    fl = aw_list_from_iterable(vm, spec);
    if (!fl) return AW_EXC;
  }
  aw_push_root(vm, AW_OBJ(fl));
  AwValue result = AW_EXC;
  AwTuple *fields = aw_tuple_new(vm, fl->len);
  if (!fields) goto out;
  for (int64_t i = 0; i < fl->len; i++) {
    AwValue f = fl->items[i];
    if (!AW_IS_STR(f)) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Type names and field names must be strings");
      goto out;
    }
    if (!is_identifier(AW_AS_STR(f)))
      { aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Type names and field names must be valid identifiers: %R", f); goto out; }
    if (AW_AS_STR(f)->data[0] == '_')
      { aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Field names cannot start with an underscore: %R", f); goto out; }
    for (int64_t j = 0; j < i; j++)
      if (aw_str_eq(AW_AS_STR(fields->items[j]), AW_AS_STR(f)))
        { aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Encountered duplicate field name: %R", f); goto out; }
    fields->items[i] = aw_str_intern_value(vm, f);
    if (AW_IS_EXC(fields->items[i])) goto out;
  }
  aw_push_root(vm, AW_OBJ(fields));
  AwValue base = module_global(vm, "_NamedTupleBase");
  AwClass *cls = NULL;
  if (AW_IS_CLASS(base)) {
    AwDict *d = aw_dict_new(vm);
    if (d) {
      aw_push_root(vm, AW_OBJ(d));
      cls = aw_class_new(vm, a[0], AW_AS_CLASS(base), d);
      aw_pop_root(vm);
    }
  }
  bool ok = cls != NULL && aw_dict_set_cstr(vm, cls->dict, "_fields", AW_OBJ(fields));
  if (ok) {
    AwValue mod = AW_IS_UNDEF(a[4]) || AW_IS_NONE(a[4]) ? aw_str_from_cstr(vm, "__main__") : a[4];
    ok = !AW_IS_EXC(mod);
    if (ok) cls->module = mod;
  }
  if (ok && !AW_IS_UNDEF(a[3]) && !AW_IS_NONE(a[3])) {
    AwList *dl = aw_list_from_iterable(vm, a[3]);
    ok = dl != NULL;
    if (ok && dl->len > fields->len) {
      aw_raisef(vm, AW_EXCCLS(vm, TypeError), "Got more default values than field names");
      ok = false;
    }
    if (ok) {
      AwTuple *dt = aw_tuple_new(vm, dl->len);
      ok = dt != NULL;
      for (int64_t i = 0; ok && i < dl->len; i++) dt->items[i] = dl->items[i];
      ok = ok && aw_dict_set_cstr(vm, cls->dict, "_defaults", AW_OBJ(dt));
    }
  }
  if (ok) result = AW_OBJ(cls);
  aw_pop_root(vm);
out:
  aw_pop_root(vm);
  return result;
}

// ---- the module ---------------------------------------------------------------------

AwModule *aw_open_collections(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "collections");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  AwClass *deque = make_class(vm, "deque", AW_CLS(vm, object), deque_methods);
  // C types in CPython: messages say 'collections.deque', and deque and
  // defaultdict instances have no attribute dict there.
  if (deque) deque->slot_flags |= AW_CLS_DOTTED_NAME | AW_CLS_NO_NEW_ATTRS;
  bool ok = deque && aw_module_add_value(vm, m, "deque", AW_OBJ(deque)) &&
            aw_dict_set_cstr(vm, deque->dict, "__hash__", AW_NONE);
  AwClass *mapping = ok ? make_class(vm, "_Mapping", AW_CLS(vm, object), mapping_methods) : NULL;
  ok = mapping && aw_module_add_value(vm, m, "_Mapping", AW_OBJ(mapping)) &&
       aw_dict_set_cstr(vm, mapping->dict, "__hash__", AW_NONE);
  AwClass *od = ok ? make_class(vm, "OrderedDict", mapping, od_methods) : NULL;
  if (od) od->slot_flags |= AW_CLS_DOTTED_NAME;
  ok = od && aw_module_add_value(vm, m, "OrderedDict", AW_OBJ(od));
  AwClass *dd = ok ? make_class(vm, "defaultdict", mapping, dd_methods) : NULL;
  if (dd) dd->slot_flags |= AW_CLS_DOTTED_NAME | AW_CLS_NO_NEW_ATTRS;
  ok = dd && aw_module_add_value(vm, m, "defaultdict", AW_OBJ(dd));
  AwClass *counter = ok ? make_class(vm, "Counter", mapping, counter_methods) : NULL;
  ok = counter && aw_module_add_value(vm, m, "Counter", AW_OBJ(counter));
  AwClass *ntbase = ok ? make_class(vm, "_NamedTupleBase", AW_CLS(vm, object), nt_methods) : NULL;
  ok = ntbase && aw_module_add_value(vm, m, "_NamedTupleBase", AW_OBJ(ntbase)) &&
       aw_class_add_native(vm, ntbase, "_make", nt_make, AW_NATIVE_CLASSMETHOD) &&
       aw_module_add_fn(vm, m, "namedtuple", collections_namedtuple) &&
       aw_module_add_fn(vm, m, "_count_of", counter_count_of);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

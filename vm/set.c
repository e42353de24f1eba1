// vm/set.c -- set and frozenset: the set table and the two classes.
// A set's AwDict uses CPython 3.11's set layout rather than the dict's
// compact one, so that iteration (and so printing) follows CPython's order:
// entries[] are the hash slots themselves (cap = used = table size, a power
// of two), probed 9 slots linearly then by perturbation. Empty slots have
// key and value UNDEF; dummies (deleted) key UNDEF and value False; live
// entries value None. index is unused; index_cap holds the fill count (live
// + dummy) in its low 32 bits and pop()'s search finger in the high 32.
// The generic aw_dict_* functions in dict.c dispatch here for sets.
#include <string.h>
#include "vm/container.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_MINSIZE 8
#define DUMMY_HASH ((uint64_t)-1)

static inline int64_t get_fill(AwDict *d) { return d->index_cap & 0xffffffff; }
static inline void put_fill(AwDict *d, int64_t f) { d->index_cap = (d->index_cap & ~(int64_t)0xffffffff) | f; }
static inline int64_t get_finger(AwDict *d) { return (int64_t)((uint64_t)d->index_cap >> 32); }
static inline void put_finger(AwDict *d, int64_t f) {
  d->index_cap = (int64_t)(((uint64_t)f << 32) | (uint64_t)get_fill(d));
}

static inline bool slot_empty(const AwDictEntry *e) { return AW_IS_UNDEF(e->key) && AW_IS_UNDEF(e->value); }

// ---- the table --------------------------------------------------------------------------

int64_t aw_set_table_lookup(AwVM *vm, AwDict *d, AwValue key, uint64_t hash) {
restart:
  if (d->cap == 0) return -1;
  uint64_t mask = (uint64_t)d->cap - 1, i = hash & mask, perturb = hash;
  for (;;) {
    AwDictEntry *e = &d->entries[i];
    int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      if (slot_empty(e)) return -1;
      if (!AW_IS_UNDEF(e->key) && e->hash == hash) {
        AwValue k = e->key;
        if (k.tag == key.tag && k.as.i == key.as.i) return e - d->entries;
        AwDictEntry *table = d->entries;
        int r = aw_dict_key_eq(vm, k, key);
        if (r < 0) return -2;
        if (table != d->entries || !aw_value_is(e->key, k)) goto restart;
        if (r) return e - d->entries;
      }
      e++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Places [key] in the first empty slot of its probe sequence (a fresh
// table: no dummies, key known absent).
static void insert_clean(AwDictEntry *table, uint64_t mask, AwValue key, uint64_t hash) {
  uint64_t i = hash & mask, perturb = hash;
  for (;;) {
    AwDictEntry *e = &table[i];
    if (AW_IS_UNDEF(e->key)) goto found;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        e++;
        if (AW_IS_UNDEF(e->key)) goto found;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    e->key = key;
    e->value = AW_NONE;
    e->hash = hash;
    return;
  }
}

// Rebuilds the table with the smallest power-of-two size > [minused].
static bool table_resize(AwVM *vm, AwDict *d, int64_t minused) {
  int64_t newsize = SET_MINSIZE;
  while (newsize <= minused) newsize <<= 1;
  if (newsize > ((int64_t)1 << 30)) {
    aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "set too large");
    return false;
  }
  if (newsize == SET_MINSIZE && d->cap == SET_MINSIZE && get_fill(d) == d->len) return true;  // no dummies
  // UNDEF is all-zero bits, so a zeroed array is all empty slots.
  AwDictEntry *table = aw_mem_alloc(vm, (size_t)newsize * sizeof(AwDictEntry));
  if (!table) return false;
  memset(table, 0, (size_t)newsize * sizeof(AwDictEntry));
  for (int64_t i = 0; i < d->cap; i++) {
    AwDictEntry *e = &d->entries[i];
    if (!AW_IS_UNDEF(e->key)) insert_clean(table, (uint64_t)newsize - 1, e->key, e->hash);
  }
  if (d->entries) aw_mem_free(vm, d->entries, (size_t)d->cap * sizeof(AwDictEntry));
  d->entries = table;
  d->cap = d->used = newsize;
  put_fill(d, d->len);
  return true;
}

bool aw_set_table_add(AwVM *vm, AwDict *d, AwValue key, uint64_t hash) {
restart:
  if (d->cap == 0 && !table_resize(vm, d, 0)) return false;
  uint64_t mask = (uint64_t)d->cap - 1, i = hash & mask, perturb = hash;
  AwDictEntry *freeslot = NULL, *e;
  for (;;) {
    e = &d->entries[i];
    int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      if (slot_empty(e)) goto found_unused_or_dummy;
      if (AW_IS_UNDEF(e->key)) {
        freeslot = e;  // CPython 3.11 keeps the last dummy seen
      } else if (e->hash == hash) {
        AwValue k = e->key;
        if (k.tag == key.tag && k.as.i == key.as.i) return true;
        AwDictEntry *table = d->entries;
        int r = aw_dict_key_eq(vm, k, key);
        if (r > 0) return true;
        if (r < 0) return false;
        if (table != d->entries || !aw_value_is(e->key, k)) goto restart;
      }
      e++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  d->version++;
  d->len++;
  if (freeslot) {
    freeslot->key = key;
    freeslot->value = AW_NONE;
    freeslot->hash = hash;
    return true;
  }
  put_fill(d, get_fill(d) + 1);
  e->key = key;
  e->value = AW_NONE;
  e->hash = hash;
  if ((uint64_t)get_fill(d) * 5 < mask * 3) return true;
  return table_resize(vm, d, d->len > 50000 ? d->len * 2 : d->len * 4);
}

// Turns live slot [e] into a dummy.
static void make_dummy(AwDict *d, AwDictEntry *e) {
  e->key = AW_UNDEF;
  e->value = AW_FALSE;
  e->hash = DUMMY_HASH;
  d->len--;
  d->version++;
}

int aw_set_table_discard(AwVM *vm, AwDict *d, AwValue key, uint64_t hash) {
  int64_t slot = aw_set_table_lookup(vm, d, key, hash);
  if (slot == -2) return -1;
  if (slot < 0) return 0;
  make_dummy(d, &d->entries[slot]);
  return 1;
}

// CPython's set_merge: dst |= src for two set tables.
bool aw_set_table_merge(AwVM *vm, AwDict *dst, AwDict *src) {
  if (dst == src || src->len == 0) return true;
  if (dst->cap == 0 && !table_resize(vm, dst, 0)) return false;  // CPython's sets start with 8 slots
  if ((get_fill(dst) + src->len) * 5 >= (dst->cap - 1) * 3 &&
      !table_resize(vm, dst, (dst->len + src->len) * 2))
    return false;
  if (get_fill(dst) == 0) {
    uint64_t mask = (uint64_t)dst->cap - 1;
    bool same = dst->cap == src->cap && get_fill(src) == src->len;
    for (int64_t i = 0; i < src->cap; i++) {
      AwDictEntry *e = &src->entries[i];
      if (AW_IS_UNDEF(e->key)) continue;
      if (same) dst->entries[i] = *e;  // the same layout: copy slot for slot
      else insert_clean(dst->entries, mask, e->key, e->hash);
    }
    dst->len = src->len;
    put_fill(dst, src->len);
    dst->version++;
    return true;
  }
  for (int64_t i = 0; i < src->cap; i++) {
    AwDictEntry e = src->entries[i];
    if (!AW_IS_UNDEF(e.key) && !aw_set_table_add(vm, dst, e.key, e.hash)) return false;
  }
  return true;
}

// ---- sets ---------------------------------------------------------------------------------

static AwSet *set_alloc(AwVM *vm, AwClass *cls) {
  AwSet *s = (AwSet *)aw_obj_alloc(vm, sizeof(AwSet), AW_OBJ_SET, cls);
  if (!s) return NULL;
  aw_dict_init_table(&s->table);
  if (aw_is_subclass(cls, AW_CLS(vm, frozenset))) s->table.obj.flags |= AW_SET_FROZEN;
  return s;
}

AwSet *aw_set_new(AwVM *vm, bool frozen) {
  return set_alloc(vm, frozen ? AW_CLS(vm, frozenset) : AW_CLS(vm, set));
}

bool aw_set_add(AwVM *vm, AwSet *s, AwValue v) {
  uint64_t h;
  if (!aw_dict_hash_key(vm, v, &h)) return false;
  return aw_set_table_add(vm, &s->table, v, h);
}

// Runs [fn] on [key], retrying with frozenset(key) when key is an
// unhashable set (CPython lets `{1} in s` and s.remove({1}) work).
static int with_key(AwVM *vm, AwSet *s, AwValue key, int (*fn)(AwVM *, AwDict *, AwValue, uint64_t)) {
  uint64_t h;
  if (!aw_dict_hash_key(vm, key, &h)) {
    if (!AW_IS_SET(key) || !aw_exc_pending_is(vm, AW_EXCCLS(vm, TypeError))) return -1;
    aw_exc_take(vm);
    AwSet *tmp = aw_set_new(vm, true);
    if (!tmp) return -1;
    aw_push_root(vm, AW_OBJ(tmp));
    int r = aw_set_table_merge(vm, &tmp->table, &AW_AS_SET(key)->table) ? with_key(vm, s, AW_OBJ(tmp), fn) : -1;
    aw_pop_root(vm);
    return r;
  }
  return fn(vm, &s->table, key, h);
}

static int contains_fn(AwVM *vm, AwDict *d, AwValue key, uint64_t h) {
  int64_t r = aw_set_table_lookup(vm, d, key, h);
  return r == -2 ? -1 : r >= 0;
}

int aw_set_contains(AwVM *vm, AwSet *s, AwValue v) { return with_key(vm, s, v, contains_fn); }

static int discard_fn(AwVM *vm, AwDict *d, AwValue key, uint64_t h) { return aw_set_table_discard(vm, d, key, h); }

// s.update(other) for any iterable (CPython's set_update_internal).
static bool update_internal(AwVM *vm, AwSet *s, AwValue other) {
  if (AW_IS_SET(other)) return aw_set_table_merge(vm, &s->table, &AW_AS_SET(other)->table);
  AwDict *d = &s->table;
  if (AW_IS_DICT(other)) {
    AwDict *src = AW_AS_DICT(other);
    if (d->cap == 0 && !table_resize(vm, d, 0)) return false;
    if ((get_fill(d) + src->len) * 5 >= (d->cap - 1) * 3 &&
        !table_resize(vm, d, (d->len + src->len) * 2))
      return false;
    for (int64_t i = 0; i < src->used; i++) {
      AwDictEntry e = src->entries[i];
      if (!AW_IS_UNDEF(e.key) && !aw_set_table_add(vm, d, e.key, e.hash)) return false;
    }
    return true;
  }
  AwValue it = aw_get_iter(vm, other);
  if (AW_IS_EXC(it)) return false;
  aw_push_root(vm, it);
  bool ok = true;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(v)) break;
    if (AW_IS_EXC(v)) {
      ok = false;
      break;
    }
    aw_push_root(vm, v);
    ok = aw_set_add(vm, s, v);
    aw_pop_root(vm);
    if (!ok) break;
  }
  aw_pop_root(vm);
  return ok;
}

// A new set of class [cls] holding the items of [iterable] (UNDEF: empty).
static AwSet *make_new_set(AwVM *vm, AwClass *cls, AwValue iterable) {
  AwSet *s = set_alloc(vm, cls);
  if (!s || AW_IS_UNDEF(iterable)) return s;
  aw_push_root(vm, AW_OBJ(s));
  bool ok = update_internal(vm, s, iterable);
  aw_pop_root(vm);
  return ok ? s : NULL;
}

AwSet *aw_set_from_iterable(AwVM *vm, AwValue iterable, bool frozen) {
  return make_new_set(vm, frozen ? AW_CLS(vm, frozenset) : AW_CLS(vm, set), iterable);
}

// The result class of an operation on [s]: set or frozenset (subclasses
// produce their base, as CPython's make_new_set_basetype).
static AwClass *basetype(AwVM *vm, AwSet *s) {
  return (s->table.obj.flags & AW_SET_FROZEN) ? AW_CLS(vm, frozenset) : AW_CLS(vm, set);
}

static AwSet *set_copy(AwVM *vm, AwSet *s) { return make_new_set(vm, basetype(vm, s), AW_OBJ(s)); }

// Exchanges the tables of [a] and [b] (intersection_update).
static void swap_bodies(AwSet *a, AwSet *b) {
  AwDict ta = a->table, tb = b->table;
  AwObj ha = a->table.obj, hb = b->table.obj;
  a->table = tb;
  a->table.obj = ha;
  b->table = ta;
  b->table.obj = hb;
  a->table.version++;
  b->table.version++;
}

// ---- the algebra (CPython's set_intersection, set_difference, ...) ---------------------

static AwSet *intersection(AwVM *vm, AwSet *so, AwValue other) {
  if (AW_IS_SET(other) && AW_AS_SET(other) == so) return set_copy(vm, so);
  AwSet *result = set_alloc(vm, basetype(vm, so));
  if (!result) return NULL;
  aw_push_root(vm, AW_OBJ(result));
  bool ok = true;
  if (AW_IS_SET(other)) {
    AwSet *a = so, *b = AW_AS_SET(other);
    if (b->table.len > a->table.len) {
      AwSet *t = a;
      a = b;
      b = t;
    }
    for (int64_t i = 0; ok && i < b->table.cap; i++) {
      AwDictEntry e = b->table.entries[i];
      if (AW_IS_UNDEF(e.key)) continue;
      aw_push_root(vm, e.key);
      int64_t r = aw_set_table_lookup(vm, &a->table, e.key, e.hash);
      if (r == -2) ok = false;
      else if (r >= 0) ok = aw_set_table_add(vm, &result->table, e.key, e.hash);
      aw_pop_root(vm);
    }
  } else {
    AwValue it = aw_get_iter(vm, other);
    if (AW_IS_EXC(it)) {
      ok = false;
    } else {
      aw_push_root(vm, it);
      for (;;) {
        AwValue v = aw_iter_next(vm, it);
        if (AW_IS_UNDEF(v)) break;
        if (AW_IS_EXC(v)) {
          ok = false;
          break;
        }
        aw_push_root(vm, v);
        uint64_t h;
        int64_t r = -2;
        if (aw_dict_hash_key(vm, v, &h)) r = aw_set_table_lookup(vm, &so->table, v, h);
        if (r == -2) ok = false;
        else if (r >= 0) ok = aw_set_table_add(vm, &result->table, v, h);
        aw_pop_root(vm);
        if (!ok) break;
      }
      aw_pop_root(vm);
    }
  }
  aw_pop_root(vm);
  return ok ? result : NULL;
}

static bool difference_update_internal(AwVM *vm, AwSet *so, AwValue other) {
  AwDict *d = &so->table;
  if (AW_IS_SET(other) && AW_AS_SET(other) == so) {
    aw_dict_clear(vm, d);
    return true;
  }
  if (AW_IS_SET(other)) {
    AwSet *o = AW_AS_SET(other);
    // When other is much larger, walk the (smaller) intersection instead.
    if ((o->table.len >> 3) > d->len) {
      o = intersection(vm, so, other);
      if (!o) return false;
    }
    aw_push_root(vm, AW_OBJ(o));
    bool ok = true;
    for (int64_t i = 0; ok && i < o->table.cap; i++) {
      AwDictEntry e = o->table.entries[i];
      if (!AW_IS_UNDEF(e.key)) ok = aw_set_table_discard(vm, d, e.key, e.hash) >= 0;
    }
    aw_pop_root(vm);
    if (!ok) return false;
  } else {
    AwValue it = aw_get_iter(vm, other);
    if (AW_IS_EXC(it)) return false;
    aw_push_root(vm, it);
    bool ok = true;
    for (;;) {
      AwValue v = aw_iter_next(vm, it);
      if (AW_IS_UNDEF(v)) break;
      if (AW_IS_EXC(v)) {
        ok = false;
        break;
      }
      aw_push_root(vm, v);
      ok = with_key(vm, so, v, discard_fn) >= 0;
      aw_pop_root(vm);
      if (!ok) break;
    }
    aw_pop_root(vm);
    if (!ok) return false;
  }
  // More than a quarter dummies: rebuild.
  if (d->cap == 0 || (uint64_t)(get_fill(d) - d->len) <= (uint64_t)(d->cap - 1) / 4) return true;
  return table_resize(vm, d, d->len > 50000 ? d->len * 2 : d->len * 4);
}

static AwSet *difference(AwVM *vm, AwSet *so, AwValue other) {
  int64_t other_size = -1;
  if (AW_IS_SET(other)) other_size = AW_AS_SET(other)->table.len;
  else if (AW_IS_DICT(other)) other_size = AW_AS_DICT(other)->len;
  if (other_size < 0 || (so->table.len >> 2) > other_size) {
    AwSet *r = set_copy(vm, so);
    if (!r) return NULL;
    aw_push_root(vm, AW_OBJ(r));
    bool ok = difference_update_internal(vm, r, other);
    aw_pop_root(vm);
    return ok ? r : NULL;
  }
  AwSet *result = set_alloc(vm, basetype(vm, so));
  if (!result) return NULL;
  aw_push_root(vm, AW_OBJ(result));
  bool ok = true;
  for (int64_t i = 0; ok && i < so->table.cap; i++) {
    AwDictEntry e = so->table.entries[i];
    if (AW_IS_UNDEF(e.key)) continue;
    aw_push_root(vm, e.key);
    int64_t r;
    if (AW_IS_DICT(other)) {
      int g = aw_dict_get(vm, AW_AS_DICT(other), e.key, NULL);
      r = g < 0 ? -2 : g ? 0 : -1;
    } else {
      r = aw_set_table_lookup(vm, &AW_AS_SET(other)->table, e.key, e.hash);
    }
    if (r == -2) ok = false;
    else if (r == -1) ok = aw_set_table_add(vm, &result->table, e.key, e.hash);
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
  return ok ? result : NULL;
}

static bool symmetric_difference_update(AwVM *vm, AwSet *so, AwValue other) {
  AwDict *d = &so->table;
  if (AW_IS_SET(other) && AW_AS_SET(other) == so) {
    aw_dict_clear(vm, d);
    return true;
  }
  AwDict *src;
  AwSet *tmp = NULL;
  if (AW_IS_DICT(other)) {
    src = AW_AS_DICT(other);
  } else if (AW_IS_SET(other)) {
    src = &AW_AS_SET(other)->table;
  } else {
    tmp = make_new_set(vm, basetype(vm, so), other);
    if (!tmp) return false;
    src = &tmp->table;
  }
  if (tmp) aw_push_root(vm, AW_OBJ(tmp));
  bool ok = true;
  int64_t n = AW_IS_DICT(other) ? src->used : src->cap;
  for (int64_t i = 0; ok && i < n; i++) {
    AwDictEntry e = src->entries[i];
    if (AW_IS_UNDEF(e.key)) continue;
    aw_push_root(vm, e.key);
    int r = aw_set_table_discard(vm, d, e.key, e.hash);
    if (r < 0) ok = false;
    else if (r == 0) ok = aw_set_table_add(vm, d, e.key, e.hash);
    aw_pop_root(vm);
  }
  if (tmp) aw_pop_root(vm);
  return ok;
}

static AwSet *symmetric_difference(AwVM *vm, AwSet *so, AwValue other) {
  AwSet *r = make_new_set(vm, basetype(vm, so), other);
  if (!r) return NULL;
  aw_push_root(vm, AW_OBJ(r));
  bool ok = symmetric_difference_update(vm, r, AW_OBJ(so));
  aw_pop_root(vm);
  return ok ? r : NULL;
}

// Every item of [a] is in set [b]: 1/0/-1.
static int is_subset(AwVM *vm, AwSet *a, AwSet *b) {
  if (a->table.len > b->table.len) return 0;
  for (int64_t i = 0; i < a->table.cap; i++) {
    AwDictEntry e = a->table.entries[i];
    if (AW_IS_UNDEF(e.key)) continue;
    aw_push_root(vm, e.key);
    int64_t r = aw_set_table_lookup(vm, &b->table, e.key, e.hash);
    aw_pop_root(vm);
    if (r == -2) return -1;
    if (r == -1) return 0;
  }
  return 1;
}

bool aw_set_update_op(AwVM *vm, AwSet *s, AwValue other, char op) {
  switch (op) {
  case '|': return update_internal(vm, s, other);
  case '-': return difference_update_internal(vm, s, other);
  case '^': return symmetric_difference_update(vm, s, other);
  default: {
    AwSet *r = intersection(vm, s, other);
    if (!r) return false;
    swap_bodies(s, r);
    return true;
  }
  }
}

// ---- the classes --------------------------------------------------------------------------

#define SELF_SET(name)                                                                  \
  if (argc < 1 || !ct_check_self(vm, argv[0], AW_OBJ_SET, "set", name)) return AW_EXC; \
  AwSet *self = AW_AS_SET(argv[0])

// Methods that change the set refuse frozensets (reachable only through
// an unbound call such as set.add(frozenset(), 1)).
#define SELF_MUTABLE_SET(name)                                                                  \
  SELF_SET(name);                                                                               \
  if (self->table.obj.flags & AW_SET_FROZEN)                                                    \
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),                                              \
                     "descriptor '%s' for 'set' objects doesn't apply to a 'frozenset' object", name)

static AwValue set_value(AwSet *s) { return s ? AW_OBJ(s) : AW_EXC; }

static AwValue set_new_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwClass *cls = AW_AS_CLASS(argv[0]);
  bool frozen = aw_is_subclass(cls, AW_CLS(vm, frozenset));
  const char *name = frozen ? "frozenset" : "set";
  if (kwnames && kwnames->len > 0)
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s() takes no keyword arguments", name);
  if (argc > 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at most 1 argument, got %d", name, argc - 1);
  AwValue src = argc == 2 ? argv[1] : AW_UNDEF;
  if (frozen && cls == AW_CLS(vm, frozenset) && AW_IS_SET(src) && aw_type_of(vm, src) == cls) return src;
  // A set subclass fills itself in __init__ (which it may override).
  if (!frozen && cls != AW_CLS(vm, set)) src = AW_UNDEF;
  return set_value(make_new_set(vm, cls, src));
}

static AwValue set_init_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("__init__");
  AwClass *cls = aw_type_of(vm, argv[0]);
  if (cls == AW_CLS(vm, set) || (self->table.obj.flags & AW_SET_FROZEN)) return AW_NONE;  // done by __new__
  if (!ct_check_args(vm, "set", argc - 1, kwnames, 0, 1)) return AW_EXC;
  aw_dict_clear(vm, &self->table);
  if (argc == 2 && !update_internal(vm, self, argv[1])) return AW_EXC;
  return AW_NONE;
}

static AwValue set_add_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("add");
  if (!ct_check_args(vm, "set.add", argc - 1, kwnames, 1, 1)) return AW_EXC;
  return aw_set_add(vm, self, argv[1]) ? AW_NONE : AW_EXC;
}

static AwValue set_discard_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("discard");
  if (!ct_check_args(vm, "set.discard", argc - 1, kwnames, 1, 1)) return AW_EXC;
  return with_key(vm, self, argv[1], discard_fn) < 0 ? AW_EXC : AW_NONE;
}

static AwValue set_remove_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("remove");
  if (!ct_check_args(vm, "set.remove", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int r = with_key(vm, self, argv[1], discard_fn);
  if (r < 0) return AW_EXC;
  if (r == 0) return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &argv[1]);
  return AW_NONE;
}

static AwValue set_pop_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("pop");
  if (!ct_check_args(vm, "set.pop", argc - 1, kwnames, 0, 0)) return AW_EXC;
  AwDict *d = &self->table;
  if (d->len == 0) {
    AwValue msg = aw_str_from_cstr(vm, "pop from an empty set");
    if (AW_IS_EXC(msg)) return msg;
    return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &msg);
  }
  // Scan from the finger (where the last pop stopped), as CPython does.
  int64_t mask = d->cap - 1, i = get_finger(d) & mask;
  while (AW_IS_UNDEF(d->entries[i].key)) i = (i + 1) & mask;
  AwValue key = d->entries[i].key;
  make_dummy(d, &d->entries[i]);
  put_finger(d, i + 1);
  return key;
}

static AwValue set_clear_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("clear");
  if (!ct_check_args(vm, "set.clear", argc - 1, kwnames, 0, 0)) return AW_EXC;
  aw_dict_clear(vm, &self->table);
  return AW_NONE;
}

static AwValue set_copy_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("copy");
  if (!ct_check_args(vm, "set.copy", argc - 1, kwnames, 0, 0)) return AW_EXC;
  if (aw_type_of(vm, argv[0]) == AW_CLS(vm, frozenset)) return argv[0];
  return set_value(set_copy(vm, self));
}

static AwValue set_update_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("update");
  if (!ct_check_args(vm, "set.update", argc - 1, kwnames, 0, 1000000)) return AW_EXC;
  for (int i = 1; i < argc; i++)
    if (!update_internal(vm, self, argv[i])) return AW_EXC;
  return AW_NONE;
}

static AwValue set_union_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("union");
  if (!ct_check_args(vm, "set.union", argc - 1, kwnames, 0, 1000000)) return AW_EXC;
  AwSet *r = set_copy(vm, self);
  if (!r) return AW_EXC;
  aw_push_root(vm, AW_OBJ(r));
  bool ok = true;
  for (int i = 1; ok && i < argc; i++)
    if (!(AW_IS_SET(argv[i]) && AW_AS_SET(argv[i]) == self)) ok = update_internal(vm, r, argv[i]);
  aw_pop_root(vm);
  return ok ? AW_OBJ(r) : AW_EXC;
}

// intersection of self with argv[1..argc): a new set.
static AwSet *intersection_multi(AwVM *vm, AwSet *self, int argc, AwValue *argv) {
  if (argc == 1) return set_copy(vm, self);
  AwSet *r = self;
  for (int i = 1; i < argc; i++) {
    aw_push_root(vm, AW_OBJ(r));
    AwSet *next = intersection(vm, r, argv[i]);
    aw_pop_root(vm);
    if (!next) return NULL;
    r = next;
  }
  return r;
}

static AwValue set_intersection_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("intersection");
  if (!ct_check_args(vm, "set.intersection", argc - 1, kwnames, 0, 1000000)) return AW_EXC;
  return set_value(intersection_multi(vm, self, argc, argv));
}

static AwValue set_intersection_update_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("intersection_update");
  if (!ct_check_args(vm, "set.intersection_update", argc - 1, kwnames, 0, 1000000)) return AW_EXC;
  AwSet *r = intersection_multi(vm, self, argc, argv);
  if (!r) return AW_EXC;
  swap_bodies(self, r);
  return AW_NONE;
}

static AwValue set_difference_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("difference");
  if (!ct_check_args(vm, "set.difference", argc - 1, kwnames, 0, 1000000)) return AW_EXC;
  if (argc == 1) return set_value(set_copy(vm, self));
  AwSet *r = difference(vm, self, argv[1]);
  if (!r) return AW_EXC;
  aw_push_root(vm, AW_OBJ(r));
  bool ok = true;
  for (int i = 2; ok && i < argc; i++) ok = difference_update_internal(vm, r, argv[i]);
  aw_pop_root(vm);
  return ok ? AW_OBJ(r) : AW_EXC;
}

static AwValue set_difference_update_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("difference_update");
  if (!ct_check_args(vm, "set.difference_update", argc - 1, kwnames, 0, 1000000)) return AW_EXC;
  for (int i = 1; i < argc; i++)
    if (!difference_update_internal(vm, self, argv[i])) return AW_EXC;
  return AW_NONE;
}

static AwValue set_symmetric_difference_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("symmetric_difference");
  if (!ct_check_args(vm, "set.symmetric_difference", argc - 1, kwnames, 1, 1)) return AW_EXC;
  return set_value(symmetric_difference(vm, self, argv[1]));
}

static AwValue set_symmetric_difference_update_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_MUTABLE_SET("symmetric_difference_update");
  if (!ct_check_args(vm, "set.symmetric_difference_update", argc - 1, kwnames, 1, 1)) return AW_EXC;
  return symmetric_difference_update(vm, self, argv[1]) ? AW_NONE : AW_EXC;
}

static AwValue set_issubset_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("issubset");
  if (!ct_check_args(vm, "set.issubset", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (AW_IS_SET(argv[1])) {
    int r = is_subset(vm, self, AW_AS_SET(argv[1]));
    return r < 0 ? AW_EXC : AW_BOOL(r);
  }
  AwSet *tmp = aw_set_from_iterable(vm, argv[1], false);
  if (!tmp) return AW_EXC;
  aw_push_root(vm, AW_OBJ(tmp));
  int r = is_subset(vm, self, tmp);
  aw_pop_root(vm);
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue set_issuperset_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("issuperset");
  if (!ct_check_args(vm, "set.issuperset", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (AW_IS_SET(argv[1])) {
    int r = is_subset(vm, AW_AS_SET(argv[1]), self);
    return r < 0 ? AW_EXC : AW_BOOL(r);
  }
  AwValue it = aw_get_iter(vm, argv[1]);
  if (AW_IS_EXC(it)) return it;
  aw_push_root(vm, it);
  AwValue result = AW_TRUE;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(v)) break;
    if (AW_IS_EXC(v)) {
      result = v;
      break;
    }
    aw_push_root(vm, v);
    int r = aw_set_contains(vm, self, v);
    aw_pop_root(vm);
    if (r <= 0) {
      result = r < 0 ? AW_EXC : AW_FALSE;
      break;
    }
  }
  aw_pop_root(vm);
  return result;
}

static AwValue set_isdisjoint_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("isdisjoint");
  if (!ct_check_args(vm, "set.isdisjoint", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue other = argv[1];
  if (AW_IS_SET(other)) {
    AwSet *a = self, *b = AW_AS_SET(other);
    if (a == b) return AW_BOOL(a->table.len == 0);
    if (b->table.len > a->table.len) {
      AwSet *t = a;
      a = b;
      b = t;
    }
    for (int64_t i = 0; i < b->table.cap; i++) {
      AwDictEntry e = b->table.entries[i];
      if (AW_IS_UNDEF(e.key)) continue;
      aw_push_root(vm, e.key);
      int64_t r = aw_set_table_lookup(vm, &a->table, e.key, e.hash);
      aw_pop_root(vm);
      if (r == -2) return AW_EXC;
      if (r >= 0) return AW_FALSE;
    }
    return AW_TRUE;
  }
  AwValue it = aw_get_iter(vm, other);
  if (AW_IS_EXC(it)) return it;
  aw_push_root(vm, it);
  AwValue result = AW_TRUE;
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(v)) break;
    if (AW_IS_EXC(v)) {
      result = v;
      break;
    }
    aw_push_root(vm, v);
    uint64_t h;
    int64_t r = aw_dict_hash_key(vm, v, &h) ? aw_set_table_lookup(vm, &self->table, v, h) : -2;
    aw_pop_root(vm);
    if (r != -1) {
      result = r == -2 ? AW_EXC : AW_FALSE;
      break;
    }
  }
  aw_pop_root(vm);
  return result;
}

static AwValue set_len_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("__len__");
  if (!ct_check_args(vm, "set.__len__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return AW_INT(self->table.len);
}

static AwValue set_contains_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("__contains__");
  if (!ct_check_args(vm, "set.__contains__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int r = aw_set_contains(vm, self, argv[1]);
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue set_iter_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("__iter__");
  if (!ct_check_args(vm, "set.__iter__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_set(vm, self);
}

static AwValue set_hash_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_SET("__hash__");
  (void)self;
  if (!ct_check_args(vm, "frozenset.__hash__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  uint64_t h;
  if (!aw_hash(vm, argv[0], &h)) return AW_EXC;
  return AW_INT((int64_t)h);
}

// Binary operators: both operands must be sets (else NotImplemented, so
// that dict views' reflected methods get their turn).
static AwValue set_binop(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, char op) {
  SELF_SET("__or__");
  if (!ct_check_args(vm, "set operator", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_SET(argv[1])) return vm->not_implemented;
  switch (op) {
  case '&': return set_value(intersection(vm, self, argv[1]));
  case '-': return set_value(difference(vm, self, argv[1]));
  case '^': return set_value(symmetric_difference(vm, self, argv[1]));
  default: {
    AwSet *r = set_copy(vm, self);
    if (!r) return AW_EXC;
    if (AW_AS_SET(argv[1]) == self) return AW_OBJ(r);
    aw_push_root(vm, AW_OBJ(r));
    bool ok = update_internal(vm, r, argv[1]);
    aw_pop_root(vm);
    return ok ? AW_OBJ(r) : AW_EXC;
  }
  }
}

AwValue aw_set_binary_op(AwVM *vm, char op, AwValue a, AwValue b) {
  AwValue argv[2] = {a, b};
  return set_binop(vm, 2, argv, NULL, op);
}

static AwValue set_inplace(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, char op) {
  SELF_MUTABLE_SET("__ior__");
  if (!ct_check_args(vm, "set operator", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_SET(argv[1])) return vm->not_implemented;
  return aw_set_update_op(vm, self, argv[1], op) ? argv[0] : AW_EXC;
}

#define SET_OP(name, fn, op)                                                 \
  static AwValue name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return fn(vm, argc, argv, kwnames, op);                                  \
  }
SET_OP(set_or_m, set_binop, '|')
SET_OP(set_and_m, set_binop, '&')
SET_OP(set_sub_m, set_binop, '-')
SET_OP(set_xor_m, set_binop, '^')
SET_OP(set_ior_m, set_inplace, '|')
SET_OP(set_iand_m, set_inplace, '&')
SET_OP(set_isub_m, set_inplace, '-')
SET_OP(set_ixor_m, set_inplace, '^')

static AwValue set_compare(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, AwCmpOp op) {
  SELF_SET("__eq__");
  if (!ct_check_args(vm, "set comparison", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_SET(argv[1])) return vm->not_implemented;
  AwSet *o = AW_AS_SET(argv[1]);
  int64_t la = self->table.len, lb = o->table.len;
  int r;
  switch (op) {
  case AW_EQ:
  case AW_NE:
    r = la == lb ? is_subset(vm, self, o) : 0;
    if (r < 0) return AW_EXC;
    return AW_BOOL(op == AW_EQ ? r : !r);
  case AW_LE: r = is_subset(vm, self, o); break;
  case AW_GE: r = is_subset(vm, o, self); break;
  case AW_LT: r = la < lb ? is_subset(vm, self, o) : 0; break;
  default: r = la > lb ? is_subset(vm, o, self) : 0; break;
  }
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

#define SET_CMP(name, op)                                                    \
  static AwValue name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return set_compare(vm, argc, argv, kwnames, op);                         \
  }
SET_CMP(set_eq_m, AW_EQ)
SET_CMP(set_ne_m, AW_NE)
SET_CMP(set_lt_m, AW_LT)
SET_CMP(set_le_m, AW_LE)
SET_CMP(set_gt_m, AW_GT)
SET_CMP(set_ge_m, AW_GE)

typedef struct {
  const char *name;
  AwNativeFn fn;
} SetMethod;

// Methods of both set and frozenset.
static const SetMethod common_methods[] = {
    {"copy", set_copy_m},
    {"union", set_union_m},
    {"intersection", set_intersection_m},
    {"difference", set_difference_m},
    {"symmetric_difference", set_symmetric_difference_m},
    {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m},
    {"isdisjoint", set_isdisjoint_m},
    {"__len__", set_len_m},
    {"__contains__", set_contains_m},
    {"__iter__", set_iter_m},
    {"__or__", set_or_m},
    {"__and__", set_and_m},
    {"__sub__", set_sub_m},
    {"__xor__", set_xor_m},
    {"__eq__", set_eq_m},
    {"__ne__", set_ne_m},
    {"__lt__", set_lt_m},
    {"__le__", set_le_m},
    {"__gt__", set_gt_m},
    {"__ge__", set_ge_m},
};

// Methods of set only.
static const SetMethod mutable_methods[] = {
    {"__init__", set_init_m},
    {"add", set_add_m},
    {"discard", set_discard_m},
    {"remove", set_remove_m},
    {"pop", set_pop_m},
    {"clear", set_clear_m},
    {"update", set_update_m},
    {"intersection_update", set_intersection_update_m},
    {"difference_update", set_difference_update_m},
    {"symmetric_difference_update", set_symmetric_difference_update_m},
    {"__ior__", set_ior_m},
    {"__iand__", set_iand_m},
    {"__isub__", set_isub_m},
    {"__ixor__", set_ixor_m},
};

static bool add_set_methods(AwVM *vm, AwClass *c, const SetMethod *m, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!aw_class_add_native(vm, c, m[i].name, m[i].fn, AW_NATIVE_METHOD)) return false;
  return true;
}

bool aw_set_init_class(AwVM *vm) {
  AwClass *s = AW_CLS(vm, set), *f = AW_CLS(vm, frozenset);
  size_t nc = sizeof common_methods / sizeof common_methods[0];
  return aw_class_add_native(vm, s, "__new__", set_new_m, AW_NATIVE_STATIC) &&
         aw_class_add_native(vm, f, "__new__", set_new_m, AW_NATIVE_STATIC) &&
         add_set_methods(vm, s, common_methods, nc) && add_set_methods(vm, f, common_methods, nc) &&
         add_set_methods(vm, s, mutable_methods, sizeof mutable_methods / sizeof mutable_methods[0]) &&
         aw_class_add_native(vm, f, "__hash__", set_hash_m, AW_NATIVE_METHOD) && ct_set_unhashable(vm, s);
}

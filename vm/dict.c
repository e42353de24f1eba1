// vm/dict.c -- the one hash table (dicts, sets' storage, module globals,
// class and instance attributes, the intern table) and the dict class with
// its views. CPython's compact layout: entries[] in insertion order plus an
// int32 index[] with perturbation probing; tiny tables scan without index.
// dict repr is in ops.c; set methods are in set.c.
#include <string.h>
#include "vm/container.h"

// Tables with at most this many entry slots have no index: a linear scan
// over <= 8 hashes beats probing.
#define TINY_CAP 8
#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
// The index array is allocated with a small header before d->index: the
// number of non-empty slots (live + dummy). Deleting the last entry lowers
// d->used (so popitem stays O(1)) but leaves a dummy behind, so the fill
// count bounds probing instead of d->used.
#define IX_HEADER 2

static int32_t *ix_fill(AwDict *d) { return d->index - IX_HEADER; }

// Must agree with aw_hash (ops.c) for every value hashed here.
#define NONE_HASH 0xFCA86420u
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

// ---- hashing and key equality ------------------------------------------------

static inline uint64_t str_hash(AwStr *s) { return s->hash ? s->hash : aw_str_hash(s); }

// hash(key) with int/bool/None/str/float handled here (the same values as
// aw_hash: an integral float hashes as the int it equals, so 1 == 1.0 ==
// True collide as in CPython; non-negative ints below 2**61-1 hash to
// themselves).
static inline bool key_hash(AwVM *vm, AwValue key, uint64_t *out) {
  switch (key.tag) {
  case AW_T_INT:
  case AW_T_BOOL: {
    int64_t i = key.as.i;
    *out = i >= 0 && (uint64_t)i < HASH_MODULUS ? (uint64_t)i : (uint64_t)aw_ops_hash_int(i);
    return true;
  }
  case AW_T_NONE: *out = NONE_HASH; return true;
  case AW_T_FLOAT: *out = (uint64_t)aw_ops_hash_float(key.as.f); return true;
  case AW_T_OBJ:
    if (AW_KIND(key) == AW_OBJ_STR) {
      *out = str_hash(AW_AS_STR(key));
      return true;
    }
    return aw_hash(vm, key, out);
  default: return aw_hash(vm, key, out);
  }
}

// Exact int == float comparison (no rounding of large ints).
static bool int_eq_float(int64_t i, double f) {
  if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0)) return false;
  if ((double)(int64_t)f != f) return false;
  return (int64_t)f == i;
}

// Is a (already known to have the same hash as b) equal to b? 1, 0, -1.
// Only calls out (possibly running script code) when an operand could
// define __eq__: values of builtin scalar kinds and strs are decided here.
static inline int keys_equal(AwVM *vm, AwValue a, AwValue b) {
  if (a.tag == b.tag && a.as.i == b.as.i) return 1;
  bool ao = a.tag == AW_T_OBJ, bo = b.tag == AW_T_OBJ;
  if (!ao && !bo) {
    if (AW_IS_INTLIKE(a) && AW_IS_INTLIKE(b)) return a.as.i == b.as.i;
    if (AW_IS_FLOAT(a) && AW_IS_FLOAT(b)) return a.as.f == b.as.f;
    if (AW_IS_FLOAT(a) && AW_IS_INTLIKE(b)) return int_eq_float(b.as.i, a.as.f);
    if (AW_IS_INTLIKE(a) && AW_IS_FLOAT(b)) return int_eq_float(a.as.i, b.as.f);
    return 0;  // None vs number
  }
  bool astr = ao && AW_KIND(a) == AW_OBJ_STR, bstr = bo && AW_KIND(b) == AW_OBJ_STR;
  if (astr && bstr) {
    AwStr *x = AW_AS_STR(a), *y = AW_AS_STR(b);
    return x->nbytes == y->nbytes && memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
  }
  if ((astr && !bo) || (bstr && !ao)) return 0;
  return aw_eq(vm, a, b);
}

bool aw_dict_hash_key(AwVM *vm, AwValue key, uint64_t *out) { return key_hash(vm, key, out); }
int aw_dict_key_eq(AwVM *vm, AwValue a, AwValue b) { return keys_equal(vm, a, b); }

// Sets keep CPython's set layout (set.c); the generic entry points below
// dispatch to it.
static inline bool is_set_table(AwDict *d) { return d->obj.kind == AW_OBJ_SET; }

// ---- lookup ---------------------------------------------------------------

#define LOOKUP_ERROR (-2)
#define LOOKUP_ABSENT (-1)

// Returns the entry number of [key] in [d], LOOKUP_ABSENT, or LOOKUP_ERROR.
// A user __eq__ may mutate the dict: then the lookup restarts (CPython does
// the same), since the entry it was comparing may have moved.
static int64_t lookup(AwVM *vm, AwDict *d, AwValue key, uint64_t hash) {
restart:
  if (d->index_cap == 0) {
    AwDictEntry *e = d->entries;
    for (int64_t i = 0; i < d->used; i++) {
      if (e[i].hash != hash || AW_IS_UNDEF(e[i].key)) continue;
      if (e[i].key.tag == key.tag && e[i].key.as.i == key.as.i) return i;
      AwDictEntry *before = d->entries;
      AwValue k = e[i].key;
      uint32_t version = d->version;
      int r = keys_equal(vm, k, key);
      if (r < 0) return LOOKUP_ERROR;
      if (d->entries != before || d->version != version) goto restart;
      if (r) return i;
    }
    return LOOKUP_ABSENT;
  }
  uint64_t mask = (uint64_t)d->index_cap - 1;
  uint64_t perturb = hash;
  uint64_t slot = hash & mask;
  for (;;) {
    int32_t ix = d->index[slot];
    if (ix == IX_EMPTY) return LOOKUP_ABSENT;
    if (ix >= 0) {
      AwDictEntry *e = &d->entries[ix];
      if (e->hash == hash) {
        if (e->key.tag == key.tag && e->key.as.i == key.as.i) return ix;
        AwDictEntry *before = d->entries;
        uint32_t version = d->version;
        int r = keys_equal(vm, e->key, key);
        if (r < 0) return LOOKUP_ERROR;
        if (d->entries != before || d->version != version) goto restart;
        if (r) return ix;
      }
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

// The index slot holding entry [ix] (which must be present in the index).
static uint64_t slot_of_entry(AwDict *d, int64_t ix) {
  uint64_t mask = (uint64_t)d->index_cap - 1;
  uint64_t hash = d->entries[ix].hash;
  uint64_t perturb = hash;
  uint64_t slot = hash & mask;
  while (d->index[slot] != ix) {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

// First empty or dummy index slot on [hash]'s probe path.
static uint64_t free_slot(AwDict *d, uint64_t hash) {
  uint64_t mask = (uint64_t)d->index_cap - 1;
  uint64_t perturb = hash;
  uint64_t slot = hash & mask;
  while (d->index[slot] >= 0) {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

// ---- storage ---------------------------------------------------------------

static size_t index_bytes(int64_t index_cap) {
  return index_cap ? (size_t)(index_cap + IX_HEADER) * sizeof(int32_t) : 0;
}

static void free_index(AwVM *vm, AwDict *d) {
  if (d->index) aw_mem_free(vm, d->index - IX_HEADER, index_bytes(d->index_cap));
  d->index = NULL;
  d->index_cap = 0;
}

void aw_dict_free_storage(AwVM *vm, AwDict *d) {
  if (d->entries) aw_mem_free(vm, d->entries, (size_t)d->cap * sizeof(AwDictEntry));
  d->entries = NULL;
  d->cap = 0;
  if (is_set_table(d)) d->index_cap = 0;  // set.c's fill and finger, not an index
  else free_index(vm, d);
  d->len = d->used = 0;
}

// Usable index load: entries + dummies stay under 2/3 of the slots.
static int64_t index_cap_for(int64_t cap) {
  if (cap <= TINY_CAP) return 0;
  int64_t n = 16;
  while (n * 2 < cap * 3) n *= 2;
  return n;
}

static bool index_full(AwDict *d) {
  return d->index_cap && (int64_t)*ix_fill(d) * 3 >= d->index_cap * 2;
}

// Rebuilds the table with room for [cap] entries, dropping deleted ones.
static bool resize(AwVM *vm, AwDict *d, int64_t cap) {
  if (cap < d->len) cap = d->len;
  if (cap > (int64_t)1 << 30) {
    aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "dict too large");
    return false;
  }
  int64_t icap = index_cap_for(cap);
  AwDictEntry *entries = NULL;
  if (cap > 0) {
    entries = aw_mem_alloc(vm, (size_t)cap * sizeof(AwDictEntry));
    if (!entries) return false;
  }
  int32_t *index = NULL;
  if (icap) {
    int32_t *block = aw_mem_alloc(vm, index_bytes(icap));
    if (!block) {
      if (entries) aw_mem_free(vm, entries, (size_t)cap * sizeof(AwDictEntry));
      return false;
    }
    index = block + IX_HEADER;
    memset(index, 0xff, (size_t)icap * sizeof(int32_t));  // all IX_EMPTY
  }
  int64_t n = 0;
  for (int64_t i = 0; i < d->used; i++)
    if (!AW_IS_UNDEF(d->entries[i].key)) entries[n++] = d->entries[i];
  if (d->entries) aw_mem_free(vm, d->entries, (size_t)d->cap * sizeof(AwDictEntry));
  free_index(vm, d);
  d->entries = entries;
  d->cap = cap;
  d->used = n;
  d->index = index;
  d->index_cap = icap;
  if (icap) {
    uint64_t mask = (uint64_t)icap - 1;
    for (int64_t i = 0; i < n; i++) {
      uint64_t perturb = entries[i].hash, slot = perturb & mask;
      while (index[slot] != IX_EMPTY) {
        perturb >>= 5;
        slot = (slot * 5 + perturb + 1) & mask;
      }
      index[slot] = (int32_t)i;
    }
    *ix_fill(d) = (int32_t)n;
  }
  return true;
}

// Appends a new entry (key known absent) for [hash].
static bool insert_new(AwVM *vm, AwDict *d, AwValue key, uint64_t hash, AwValue value) {
  if (d->used == d->cap || index_full(d)) {
    int64_t cap = d->len < 4 ? 4 : d->len * 2;
    if (cap < d->len + 1) cap = d->len + 1;
    if (!resize(vm, d, cap)) return false;
  }
  int64_t ix = d->used++;
  d->entries[ix].key = key;
  d->entries[ix].value = value;
  d->entries[ix].hash = hash;
  if (d->index_cap) {
    uint64_t slot = free_slot(d, hash);
    if (d->index[slot] == IX_EMPTY) (*ix_fill(d))++;
    d->index[slot] = (int32_t)ix;
  }
  d->len++;
  d->version++;
  return true;
}

// Marks entry [ix] deleted and trims deleted entries off the end.
static void delete_entry(AwDict *d, int64_t ix) {
  if (d->index_cap) d->index[slot_of_entry(d, ix)] = IX_DUMMY;
  d->entries[ix].key = AW_UNDEF;
  d->entries[ix].value = AW_UNDEF;
  d->len--;
  d->version++;
  while (d->used > 0 && AW_IS_UNDEF(d->entries[d->used - 1].key)) d->used--;
}

// ---- the core API ------------------------------------------------------------

static void dict_init_fields(AwDict *d) {
  d->len = d->used = d->cap = d->index_cap = 0;
  d->entries = NULL;
  d->index = NULL;
  d->version = 0;
}

AwDict *aw_dict_new(AwVM *vm) {
  AwDict *d = (AwDict *)aw_obj_alloc(vm, sizeof(AwDict), AW_OBJ_DICT, AW_CLS(vm, dict));
  if (!d) return NULL;
  dict_init_fields(d);
  return d;
}

// Initialises the table of a freshly allocated dict or set object of
// another class (dict subclasses, set.c).
void aw_dict_init_table(AwDict *d) { dict_init_fields(d); }

int aw_dict_get(AwVM *vm, AwDict *d, AwValue key, AwValue *out) {
  uint64_t h;
  if (!key_hash(vm, key, &h)) return -1;
  if (d->len == 0) return 0;
  int64_t ix = is_set_table(d) ? aw_set_table_lookup(vm, d, key, h) : lookup(vm, d, key, h);
  if (ix == LOOKUP_ERROR) return -1;
  if (ix == LOOKUP_ABSENT) return 0;
  if (out) *out = d->entries[ix].value;
  return 1;
}

// Str-key lookup that never runs script code: non-str keys with a
// colliding hash are treated as different.
static int64_t lookup_str(AwDict *d, AwStr *s, uint64_t h) {
  if (d->index_cap == 0) {
    // One pass: identity (interned keys) or equal hash and bytes.
    AwDictEntry *e = d->entries, *end = e + d->used;
    for (; e < end; e++) {
      if (e->key.as.o == &s->obj && e->key.tag == AW_T_OBJ) return e - d->entries;
      if (e->hash == h && AW_IS_STR(e->key)) {
        AwStr *k = AW_AS_STR(e->key);
        if (k->nbytes == s->nbytes && !(aw_str_interned(k) && aw_str_interned(s)) &&
            memcmp(k->data, s->data, (size_t)s->nbytes) == 0)
          return e - d->entries;
      }
    }
    return LOOKUP_ABSENT;
  }
  uint64_t mask = (uint64_t)d->index_cap - 1;
  uint64_t perturb = h, slot = h & mask;
  for (;;) {
    int32_t ix = d->index[slot];
    if (ix == IX_EMPTY) return LOOKUP_ABSENT;
    if (ix >= 0) {
      AwDictEntry *e = &d->entries[ix];
      if (e->key.as.o == &s->obj && e->key.tag == AW_T_OBJ) return ix;
      if (e->hash == h && AW_IS_STR(e->key)) {
        AwStr *k = AW_AS_STR(e->key);
        if (k->nbytes == s->nbytes && !(aw_str_interned(k) && aw_str_interned(s)) &&
            memcmp(k->data, s->data, (size_t)s->nbytes) == 0)
          return ix;
      }
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

AwValue aw_dict_get_str(AwDict *d, AwValue key) {
  if (d->len == 0) return AW_UNDEF;
  AwStr *s = AW_AS_STR(key);
  if (is_set_table(d)) {  // not a hot path: scan
    for (int64_t i = 0; i < d->used; i++) {
      AwValue k = d->entries[i].key;
      if (AW_IS_STR(k) && aw_str_eq(AW_AS_STR(k), s)) return d->entries[i].value;
    }
    return AW_UNDEF;
  }
  int64_t ix = lookup_str(d, s, str_hash(s));
  return ix >= 0 ? d->entries[ix].value : AW_UNDEF;
}

int64_t aw_dict_str_index(AwDict *d, AwValue key) {
  if (d->len == 0 || is_set_table(d)) return -1;
  AwStr *s = AW_AS_STR(key);
  int64_t ix = lookup_str(d, s, str_hash(s));
  return ix >= 0 ? ix : -1;
}

AwValue aw_dict_find_str(AwDict *d, const char *s, size_t n, uint64_t hash) {
  if (d->len == 0 || is_set_table(d)) return AW_UNDEF;
  uint64_t mask = (uint64_t)d->index_cap - 1;
  uint64_t perturb = hash, slot = hash & mask;
  for (int64_t i = 0;; i++) {
    int64_t ix;
    if (d->index_cap == 0) {
      if (i >= d->used) return AW_UNDEF;
      ix = i;
    } else {
      ix = d->index[slot];
      if (ix == IX_EMPTY) return AW_UNDEF;
      perturb >>= 5;
      slot = (slot * 5 + perturb + 1) & mask;
      if (ix < 0) continue;
    }
    AwDictEntry *e = &d->entries[ix];
    if (e->hash == hash && AW_IS_STR(e->key)) {
      AwStr *k = AW_AS_STR(e->key);
      if ((size_t)k->nbytes == n && memcmp(k->data, s, n) == 0) return e->key;
    }
  }
}

AwValue aw_dict_get_cstr(AwVM *vm, AwDict *d, const char *key) {
  AwValue k = aw_str_intern(vm, key, strlen(key));
  if (AW_IS_EXC(k)) return AW_EXC;
  return aw_dict_get_str(d, k);
}

bool aw_dict_set(AwVM *vm, AwDict *d, AwValue key, AwValue value) {
  uint64_t h;
  if (!key_hash(vm, key, &h)) return false;
  if (is_set_table(d)) return aw_set_table_add(vm, d, key, h);
  if (d->len > 0) {
    int64_t ix = lookup(vm, d, key, h);
    if (ix == LOOKUP_ERROR) return false;
    if (ix >= 0) {
      d->entries[ix].value = value;
      return true;
    }
  }
  return insert_new(vm, d, key, h, value);
}

bool aw_dict_set_cstr(AwVM *vm, AwDict *d, const char *key, AwValue value) {
  AwValue k = aw_str_intern(vm, key, strlen(key));
  if (AW_IS_EXC(k)) return false;
  return aw_dict_set(vm, d, k, value);
}

int aw_dict_del(AwVM *vm, AwDict *d, AwValue key, AwValue *out) {
  uint64_t h;
  if (!key_hash(vm, key, &h)) return -1;
  if (d->len == 0) return 0;
  if (is_set_table(d)) {
    if (out) *out = AW_NONE;
    return aw_set_table_discard(vm, d, key, h);
  }
  int64_t ix = lookup(vm, d, key, h);
  if (ix == LOOKUP_ERROR) return -1;
  if (ix == LOOKUP_ABSENT) return 0;
  if (out) *out = d->entries[ix].value;
  delete_entry(d, ix);
  return 1;
}

void aw_dict_clear(AwVM *vm, AwDict *d) {
  uint32_t version = d->version;
  aw_dict_free_storage(vm, d);
  d->version = version + 1;
}

bool aw_dict_next(AwDict *d, int64_t *pos, AwValue *key, AwValue *value) {
  int64_t i = *pos;
  while (i < d->used && AW_IS_UNDEF(d->entries[i].key)) i++;
  if (i >= d->used) {
    *pos = i;
    return false;
  }
  if (key) *key = d->entries[i].key;
  if (value) *value = d->entries[i].value;
  *pos = i + 1;
  return true;
}

// Copies [src]'s table into the empty table [dst] (no script code runs:
// the hashes are reused).
bool aw_dict_copy_into(AwVM *vm, AwDict *dst, AwDict *src) {
  if (src->len == 0 || dst == src) return true;
  if (is_set_table(dst) && is_set_table(src)) return aw_set_table_merge(vm, dst, src);
  if (dst->len != 0 || is_set_table(dst) || is_set_table(src)) {
    // dst.update(src): entries re-read each step (a key's __eq__ may run).
    for (int64_t i = 0; i < src->used; i++) {
      AwDictEntry e = src->entries[i];
      if (!AW_IS_UNDEF(e.key) && !aw_dict_set(vm, dst, e.key, e.value)) return false;
    }
    return true;
  }
  if (!resize(vm, dst, src->len)) return false;
  for (int64_t i = 0; i < src->used; i++) {
    AwDictEntry *e = &src->entries[i];
    if (AW_IS_UNDEF(e->key)) continue;
    int64_t ix = dst->used++;
    dst->entries[ix] = *e;
    if (dst->index_cap) {
      uint64_t slot = free_slot(dst, e->hash);
      dst->index[slot] = (int32_t)ix;
      (*ix_fill(dst))++;
    }
    dst->len++;
  }
  dst->version++;
  return true;
}

AwDict *aw_dict_copy(AwVM *vm, AwDict *d) {
  AwDict *c = aw_dict_new(vm);
  if (!c) return NULL;
  if (!aw_dict_copy_into(vm, c, d)) return NULL;
  return c;
}

void aw_dict_sweep_unmarked(AwVM *vm, AwDict *d) {
  (void)vm;
  if (is_set_table(d)) return;
  for (int64_t i = 0; i < d->used; i++) {
    AwValue k = d->entries[i].key;
    if (AW_IS_OBJ(k) && !AW_AS_OBJ(k)->marked) delete_entry(d, i);
  }
}

// ---- the dict class ------------------------------------------------------------------

#define SELF_DICT(name)                                                                  \
  if (argc < 1 || !ct_check_self(vm, argv[0], AW_OBJ_DICT, "dict", name)) return AW_EXC; \
  AwDict *self = AW_AS_DICT(argv[0])

static AwValue key_error(AwVM *vm, AwValue key) { return aw_raise_args(vm, AW_EXCCLS(vm, KeyError), 1, &key); }

// d[k] = v for every (k, v) of dict [src]; the entry array is re-read each
// step because a key's __eq__ may mutate [src].
static bool merge_dict(AwVM *vm, AwDict *d, AwDict *src) {
  if (d == src) return true;
  if (d->len == 0 && !is_set_table(d) && !is_set_table(src)) return aw_dict_copy_into(vm, d, src);
  for (int64_t i = 0; i < src->used; i++) {
    AwDictEntry e = src->entries[i];
    if (AW_IS_UNDEF(e.key)) continue;
    if (!aw_dict_set(vm, d, e.key, e.value)) return false;
  }
  return true;
}

// The update(other) rule shared by dict(), update() and |=: a dict, an
// object with keys() (then other[k] for each key), or pairs.
static bool update_from(AwVM *vm, AwDict *d, AwValue other) {
  if (AW_IS_DICT(other)) return merge_dict(vm, d, AW_AS_DICT(other));
  AwValue keys = aw_getattr_opt(vm, other, AW_N(vm, keys));
  if (AW_IS_EXC(keys)) return false;
  if (!AW_IS_UNDEF(keys)) {
    aw_push_root(vm, keys);
    AwValue ks = aw_call(vm, keys, 0, NULL, NULL);
    aw_pop_root(vm);
    if (AW_IS_EXC(ks)) return false;
    aw_push_root(vm, ks);
    AwValue it = aw_get_iter(vm, ks);
    aw_pop_root(vm);
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
      AwValue v = aw_getitem(vm, other, k);
      ok = !AW_IS_EXC(v);
      if (ok) {
        aw_push_root(vm, v);  // k's __hash__/__eq__ may collect
        ok = aw_dict_set(vm, d, k, v);
        aw_pop_root(vm);
      }
      aw_pop_root(vm);
      if (!ok) break;
    }
    aw_pop_root(vm);
    return ok;
  }
  AwValue it = aw_get_iter(vm, other);
  if (AW_IS_EXC(it)) return false;
  aw_push_root(vm, it);
  bool ok = true;
  for (int64_t n = 0;; n++) {
    AwValue item = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(item)) break;
    if (AW_IS_EXC(item)) {
      ok = false;
      break;
    }
    aw_push_root(vm, item);
    AwValue k, v;
    if (AW_IS_TUPLE(item) || AW_IS_LIST(item)) {
      int64_t len = AW_IS_TUPLE(item) ? AW_AS_TUPLE(item)->len : AW_AS_LIST(item)->len;
      if (len != 2) {
        aw_raisef(vm, AW_EXCCLS(vm, ValueError), "dictionary update sequence element #%lld has length %lld; 2 is required",
                  (long long)n, (long long)len);
        ok = false;
      } else {
        AwValue *items = AW_IS_TUPLE(item) ? AW_AS_TUPLE(item)->items : AW_AS_LIST(item)->items;
        k = items[0];
        v = items[1];
      }
    } else {
      AwList *pair = NULL;
      AwValue pit = aw_get_iter(vm, item);
      if (AW_IS_EXC(pit)) {
        if (aw_exc_pending_is(vm, AW_EXCCLS(vm, TypeError))) {
          aw_exc_take(vm);
          aw_raisef(vm, AW_EXCCLS(vm, TypeError), "cannot convert dictionary update sequence element #%lld to a sequence",
                    (long long)n);
        }
      } else {
        aw_push_root(vm, pit);
        pair = aw_list_from_iterable(vm, pit);
        aw_pop_root(vm);
      }
      if (!pair) {
        ok = false;
      } else if (pair->len != 2) {
        aw_raisef(vm, AW_EXCCLS(vm, ValueError), "dictionary update sequence element #%lld has length %lld; 2 is required",
                  (long long)n, (long long)pair->len);
        ok = false;
      } else {
        aw_push_root(vm, AW_OBJ(pair));  // k and v live in it across aw_dict_set
        k = pair->items[0];
        v = pair->items[1];
        ok = aw_dict_set(vm, d, k, v);
        aw_pop_root(vm);
        aw_pop_root(vm);
        if (!ok) break;
        continue;
      }
    }
    if (ok) ok = aw_dict_set(vm, d, k, v);
    aw_pop_root(vm);
    if (!ok) break;
  }
  aw_pop_root(vm);
  return ok;
}

// dict(...)/update(...) arguments: at most one positional, then keywords.
static bool update_args(AwVM *vm, AwDict *d, const char *name, int n, AwValue *args, AwTuple *kwnames) {
  if (n > 1) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s expected at most 1 argument, got %d", name, n);
    return false;
  }
  if (n == 1 && !update_from(vm, d, args[0])) return false;
  int64_t nkw = kwnames ? kwnames->len : 0;
  for (int64_t i = 0; i < nkw; i++)
    if (!aw_dict_set(vm, d, kwnames->items[i], args[n + i])) return false;
  return true;
}

static AwValue dict_new_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwClass *cls = AW_AS_CLASS(argv[0]);
  AwDict *d = (AwDict *)aw_obj_alloc(vm, sizeof(AwDict), AW_OBJ_DICT, cls);
  if (!d) return AW_EXC;
  dict_init_fields(d);
  // A subclass fills the dict in __init__ (which it may override).
  if (cls == AW_CLS(vm, dict)) {
    aw_push_root(vm, AW_OBJ(d));
    bool ok = update_args(vm, d, "dict", argc - 1, argv + 1, kwnames);
    aw_pop_root(vm);
    if (!ok) return AW_EXC;
  }
  return AW_OBJ(d);
}

static AwValue dict_init_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__init__");
  if (aw_type_of(vm, argv[0]) == AW_CLS(vm, dict)) return AW_NONE;  // dict.__new__ did it
  return update_args(vm, self, "dict", argc - 1, argv + 1, kwnames) ? AW_NONE : AW_EXC;
}

static AwValue dict_get_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("get");
  if (!ct_check_args(vm, "get", argc - 1, kwnames, 1, 2)) return AW_EXC;
  AwValue v;
  int r = aw_dict_get(vm, self, argv[1], &v);
  if (r < 0) return AW_EXC;
  return r ? v : argc > 2 ? argv[2] : AW_NONE;
}

static AwValue make_view(AwVM *vm, AwValue d, AwClass *cls);

static AwValue dict_keys_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("keys");
  (void)self;
  if (!ct_check_args(vm, "dict.keys", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return make_view(vm, argv[0], AW_CLS(vm, dict_keys));
}

static AwValue dict_values_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("values");
  (void)self;
  if (!ct_check_args(vm, "dict.values", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return make_view(vm, argv[0], AW_CLS(vm, dict_values));
}

static AwValue dict_items_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("items");
  (void)self;
  if (!ct_check_args(vm, "dict.items", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return make_view(vm, argv[0], AW_CLS(vm, dict_items));
}

static AwValue dict_pop_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("pop");
  if (!ct_check_args(vm, "pop", argc - 1, kwnames, 1, 2)) return AW_EXC;
  AwValue v;
  int r = aw_dict_del(vm, self, argv[1], &v);
  if (r < 0) return AW_EXC;
  if (r) return v;
  return argc > 2 ? argv[2] : key_error(vm, argv[1]);
}

static AwValue dict_popitem_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("popitem");
  if (!ct_check_args(vm, "dict.popitem", argc - 1, kwnames, 0, 0)) return AW_EXC;
  if (self->len == 0) {
    AwValue msg = aw_str_from_cstr(vm, "popitem(): dictionary is empty");
    if (AW_IS_EXC(msg)) return msg;
    return key_error(vm, msg);
  }
  // Deleting trims trailing deleted entries, so the last one is live.
  AwDictEntry e = self->entries[self->used - 1];
  AwValue t = aw_tuple_pack(vm, 2, e.key, e.value);
  if (AW_IS_EXC(t)) return t;
  delete_entry(self, self->used - 1);
  return t;
}

static AwValue dict_setdefault_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("setdefault");
  if (!ct_check_args(vm, "setdefault", argc - 1, kwnames, 1, 2)) return AW_EXC;
  AwValue v;
  int r = aw_dict_get(vm, self, argv[1], &v);
  if (r < 0) return AW_EXC;
  if (r) return v;
  v = argc > 2 ? argv[2] : AW_NONE;
  return aw_dict_set(vm, self, argv[1], v) ? v : AW_EXC;
}

static AwValue dict_update_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("update");
  return update_args(vm, self, "update", argc - 1, argv + 1, kwnames) ? AW_NONE : AW_EXC;
}

static AwValue dict_copy_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("copy");
  if (!ct_check_args(vm, "dict.copy", argc - 1, kwnames, 0, 0)) return AW_EXC;
  AwDict *c = aw_dict_copy(vm, self);
  return c ? AW_OBJ(c) : AW_EXC;
}

static AwValue dict_clear_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("clear");
  if (!ct_check_args(vm, "dict.clear", argc - 1, kwnames, 0, 0)) return AW_EXC;
  aw_dict_clear(vm, self);
  return AW_NONE;
}

static AwValue dict_fromkeys_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!ct_check_args(vm, "fromkeys", argc - 1, kwnames, 1, 2)) return AW_EXC;
  AwValue value = argc > 2 ? argv[2] : AW_NONE;
  AwValue d = aw_call(vm, argv[0], 0, NULL, NULL);
  if (AW_IS_EXC(d)) return d;
  aw_push_root(vm, d);
  AwValue it = aw_get_iter(vm, argv[1]);
  if (AW_IS_EXC(it)) {
    aw_pop_root(vm);
    return it;
  }
  aw_push_root(vm, it);
  AwValue result = d;
  for (;;) {
    AwValue k = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(k)) break;
    bool ok = !AW_IS_EXC(k) &&
              (AW_IS_DICT(d) ? aw_dict_set(vm, AW_AS_DICT(d), k, value) : aw_setitem(vm, d, k, value));
    if (!ok) {
      result = AW_EXC;
      break;
    }
  }
  aw_pop_root(vm);
  aw_pop_root(vm);
  return result;
}

static AwValue dict_len_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__len__");
  if (!ct_check_args(vm, "dict.__len__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return AW_INT(self->len);
}

static AwValue dict_getitem_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__getitem__");
  if (!ct_check_args(vm, "dict.__getitem__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  AwValue v;
  int r = aw_dict_get(vm, self, argv[1], &v);
  if (r < 0) return AW_EXC;
  return r ? v : key_error(vm, argv[1]);
}

static AwValue dict_setitem_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__setitem__");
  if (!ct_check_args(vm, "dict.__setitem__", argc - 1, kwnames, 2, 2)) return AW_EXC;
  return aw_dict_set(vm, self, argv[1], argv[2]) ? AW_NONE : AW_EXC;
}

static AwValue dict_delitem_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__delitem__");
  if (!ct_check_args(vm, "dict.__delitem__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int r = aw_dict_del(vm, self, argv[1], NULL);
  if (r < 0) return AW_EXC;
  return r ? AW_NONE : key_error(vm, argv[1]);
}

static AwValue dict_contains_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__contains__");
  if (!ct_check_args(vm, "dict.__contains__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  int r = aw_dict_get(vm, self, argv[1], NULL);
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue dict_iter_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__iter__");
  if (!ct_check_args(vm, "dict.__iter__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_dict(vm, self, 0, false);
}

static AwValue dict_reversed_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__reversed__");
  if (!ct_check_args(vm, "dict.__reversed__", argc - 1, kwnames, 0, 0)) return AW_EXC;
  return aw_iter_dict(vm, self, 0, true);
}

// Same keys with equal values, in any order: 1, 0, -1.
static int dict_equal(AwVM *vm, AwDict *a, AwDict *b) {
  if (a->len != b->len) return 0;
  for (int64_t i = 0; i < a->used; i++) {
    AwDictEntry e = a->entries[i];
    if (AW_IS_UNDEF(e.key)) continue;
    // Keep key and value alive: a user __eq__ may delete them from [a].
    aw_push_root(vm, e.key);
    aw_push_root(vm, e.value);
    AwValue bv;
    int r = aw_dict_get(vm, b, e.key, &bv);
    if (r > 0) r = ct_same_or_eq(vm, e.value, bv);
    aw_pop_root(vm);
    aw_pop_root(vm);
    if (r <= 0) return r;
    if (i >= a->used) break;
  }
  return 1;
}

static AwValue dict_eq_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__eq__");
  if (!ct_check_args(vm, "dict.__eq__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_DICT(argv[1])) return vm->not_implemented;
  int r = dict_equal(vm, self, AW_AS_DICT(argv[1]));
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

static AwValue dict_ne_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__ne__");
  if (!ct_check_args(vm, "dict.__ne__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_DICT(argv[1])) return vm->not_implemented;
  int r = dict_equal(vm, self, AW_AS_DICT(argv[1]));
  return r < 0 ? AW_EXC : AW_BOOL(!r);
}

static AwValue dict_or_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__or__");
  if (!ct_check_args(vm, "dict.__or__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_DICT(argv[1])) return vm->not_implemented;
  AwDict *c = aw_dict_copy(vm, self);
  if (!c) return AW_EXC;
  aw_push_root(vm, AW_OBJ(c));
  bool ok = merge_dict(vm, c, AW_AS_DICT(argv[1]));
  aw_pop_root(vm);
  return ok ? AW_OBJ(c) : AW_EXC;
}

static AwValue dict_ror_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__ror__");
  if (!ct_check_args(vm, "dict.__ror__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_DICT(argv[1])) return vm->not_implemented;
  AwDict *c = aw_dict_copy(vm, AW_AS_DICT(argv[1]));
  if (!c) return AW_EXC;
  aw_push_root(vm, AW_OBJ(c));
  bool ok = merge_dict(vm, c, self);
  aw_pop_root(vm);
  return ok ? AW_OBJ(c) : AW_EXC;
}

static AwValue dict_ior_m(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  SELF_DICT("__ior__");
  if (!ct_check_args(vm, "dict.__ior__", argc - 1, kwnames, 1, 1)) return AW_EXC;
  return update_from(vm, self, argv[1]) ? argv[0] : AW_EXC;
}

// ---- views: dict_keys, dict_values, dict_items ----------------------------------------
// A view is an AwIter whose a is the dict; it is iterable, not an iterator.

static AwValue view_not_iterator(AwVM *vm, AwIter *it) {
  return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "'%s' object is not an iterator", aw_type_name(vm, AW_OBJ(it)));
}

static AwValue make_view(AwVM *vm, AwValue d, AwClass *cls) {
  AwIter *v = aw_iter_new(vm, cls, view_not_iterator, d, AW_UNDEF);
  return v ? AW_OBJ(v) : AW_EXC;
}

static int view_kind(AwVM *vm, AwValue v) {
  if (!AW_IS_KIND(v, AW_OBJ_ITER)) return -1;
  AwClass *c = aw_obj_class(vm, AW_AS_OBJ(v));
  return c == AW_CLS(vm, dict_keys) ? 0 : c == AW_CLS(vm, dict_values) ? 1 : c == AW_CLS(vm, dict_items) ? 2 : -1;
}

static AwDict *view_dict(AwValue v) { return AW_AS_DICT(((AwIter *)AW_AS_OBJ(v))->a); }

// self must be a view of [kind] (or any view for kind -1).
static bool check_view(AwVM *vm, int argc, AwValue *argv, int kind, const char *name) {
  int k = argc >= 1 ? view_kind(vm, argv[0]) : -1;
  if (k >= 0 && (kind < 0 || k == kind)) return true;
  static const char *const names[] = {"dict_keys", "dict_values", "dict_items"};
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
            kind < 0 ? "dict_keys" : names[kind], argc >= 1 ? aw_type_name(vm, argv[0]) : "NoneType");
  return false;
}

static AwValue view_len(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!check_view(vm, argc, argv, -1, "__len__") || !ct_check_args(vm, "__len__", argc - 1, kwnames, 0, 0))
    return AW_EXC;
  return AW_INT(view_dict(argv[0])->len);
}

static AwValue view_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!check_view(vm, argc, argv, -1, "__iter__") || !ct_check_args(vm, "__iter__", argc - 1, kwnames, 0, 0))
    return AW_EXC;
  return aw_iter_dict(vm, view_dict(argv[0]), view_kind(vm, argv[0]), false);
}

static AwValue view_reversed(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!check_view(vm, argc, argv, -1, "__reversed__") ||
      !ct_check_args(vm, "__reversed__", argc - 1, kwnames, 0, 0))
    return AW_EXC;
  return aw_iter_dict(vm, view_dict(argv[0]), view_kind(vm, argv[0]), true);
}

// x in view: 1, 0, -1.
static int view_contains_value(AwVM *vm, AwValue view, AwValue x) {
  AwDict *d = view_dict(view);
  switch (view_kind(vm, view)) {
  case 0: return aw_dict_get(vm, d, x, NULL);
  case 1:
    for (int64_t i = 0; i < d->used; i++) {
      AwDictEntry e = d->entries[i];
      if (AW_IS_UNDEF(e.key)) continue;
      aw_push_root(vm, e.value);
      int r = ct_same_or_eq(vm, e.value, x);
      aw_pop_root(vm);
      if (r) return r;
    }
    return 0;
  default: {
    if (!AW_IS_TUPLE(x) || AW_AS_TUPLE(x)->len != 2) return 0;
    AwValue v;
    int r = aw_dict_get(vm, d, AW_AS_TUPLE(x)->items[0], &v);
    if (r <= 0) return r;
    aw_push_root(vm, v);
    r = ct_same_or_eq(vm, v, AW_AS_TUPLE(x)->items[1]);
    aw_pop_root(vm);
    return r;
  }
  }
}

static AwValue view_contains(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!check_view(vm, argc, argv, -1, "__contains__") ||
      !ct_check_args(vm, "__contains__", argc - 1, kwnames, 1, 1))
    return AW_EXC;
  int r = view_contains_value(vm, argv[0], argv[1]);
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

// Is every item of [a] (a set-like: view, set, frozenset) in [b]? 1/0/-1.
static int all_contained_in(AwVM *vm, AwValue a, AwValue b) {
  AwValue it = aw_get_iter(vm, a);
  if (AW_IS_EXC(it)) return -1;
  aw_push_root(vm, it);
  int ok = 1;
  for (;;) {
    AwValue x = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(x)) break;
    if (AW_IS_EXC(x)) {
      ok = -1;
      break;
    }
    aw_push_root(vm, x);
    int r = aw_contains(vm, b, x);
    aw_pop_root(vm);
    if (r <= 0) {
      ok = r;
      break;
    }
  }
  aw_pop_root(vm);
  return ok;
}

// Set-like comparison of a keys/items view with a set, frozenset or
// keys/items view (CPython's dictview_richcompare).
static AwValue view_compare(AwVM *vm, int argc, AwValue *argv, AwCmpOp op) {
  if (argc != 2) return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "expected 1 argument, got %d", argc - 1);
  int k = view_kind(vm, argv[0]);
  int ko = view_kind(vm, argv[1]);
  if (k < 0 || k == 1) return vm->not_implemented;
  if (!AW_IS_SET(argv[1]) && ko != 0 && ko != 2) return vm->not_implemented;
  int64_t la, lb;
  if (!aw_len(vm, argv[0], &la) || !aw_len(vm, argv[1], &lb)) return AW_EXC;
  int r;
  switch (op) {
  case AW_EQ:
  case AW_NE:
    r = la == lb ? all_contained_in(vm, argv[0], argv[1]) : 0;
    if (r < 0) return AW_EXC;
    return AW_BOOL(op == AW_EQ ? r : !r);
  case AW_LT: r = la < lb ? all_contained_in(vm, argv[0], argv[1]) : 0; break;
  case AW_LE: r = la <= lb ? all_contained_in(vm, argv[0], argv[1]) : 0; break;
  case AW_GT: r = la > lb ? all_contained_in(vm, argv[1], argv[0]) : 0; break;
  default: r = la >= lb ? all_contained_in(vm, argv[1], argv[0]) : 0; break;
  }
  return r < 0 ? AW_EXC : AW_BOOL(r);
}

#define VIEW_CMP(name, op)                                                   \
  static AwValue name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    if (kwnames && kwnames->len) return vm->not_implemented;                 \
    return view_compare(vm, argc, argv, op);                                 \
  }
VIEW_CMP(view_eq, AW_EQ)
VIEW_CMP(view_ne, AW_NE)
VIEW_CMP(view_lt, AW_LT)
VIEW_CMP(view_le, AW_LE)
VIEW_CMP(view_gt, AW_GT)
VIEW_CMP(view_ge, AW_GE)

// view & other, either way round (CPython's _PyDictView_Intersect: the
// result's order depends on which side is iterated).
static AwValue view_intersect(AwVM *vm, AwValue view, AwValue other) {
  int64_t lv = view_dict(view)->len, lo;
  // A bigger set: other.intersection(view), which walks the view.
  bool walk_view = AW_IS_SET(other) && aw_type_of(vm, other) == AW_CLS(vm, set) && lv <= AW_AS_SET(other)->table.len;
  int ko = view_kind(vm, other);
  if ((ko == 0 || ko == 2) && (lo = view_dict(other)->len) > lv) {
    AwValue t = view;
    view = other;
    other = t;
  }
  AwSet *result = aw_set_new(vm, false);
  if (!result) return AW_EXC;
  aw_push_root(vm, AW_OBJ(result));
  AwValue it = aw_get_iter(vm, walk_view ? view : other);
  bool ok = !AW_IS_EXC(it);
  if (ok) aw_push_root(vm, it);
  while (ok) {
    AwValue x = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(x)) break;
    if (AW_IS_EXC(x)) {
      ok = false;
      break;
    }
    aw_push_root(vm, x);
    int r = walk_view ? aw_set_contains(vm, AW_AS_SET(other), x) : view_contains_value(vm, view, x);
    ok = r >= 0 && (r == 0 || aw_set_add(vm, result, x));
    aw_pop_root(vm);
  }
  if (!AW_IS_EXC(it)) aw_pop_root(vm);
  aw_pop_root(vm);
  return ok ? AW_OBJ(result) : AW_EXC;
}

// view op other (or other op view when [reflected]) as sets: set(left)
// updated in place by the right operand (CPython's dictviews_* functions).
static AwValue view_setop(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, char op, bool reflected) {
  if (!check_view(vm, argc, argv, -1, "__and__") || !ct_check_args(vm, "view", argc - 1, kwnames, 1, 1))
    return AW_EXC;
  if (view_kind(vm, argv[0]) == 1) return vm->not_implemented;
  if (op == '&') return view_intersect(vm, argv[0], argv[1]);
  AwValue left = reflected ? argv[1] : argv[0], right = reflected ? argv[0] : argv[1];
  if (view_kind(vm, left) == 0) left = AW_OBJ(view_dict(left));  // set(dict) presizes, as CPython
  AwSet *s = aw_set_from_iterable(vm, left, false);
  if (!s) return AW_EXC;
  aw_push_root(vm, AW_OBJ(s));
  bool ok = aw_set_update_op(vm, s, right, op);
  aw_pop_root(vm);
  return ok ? AW_OBJ(s) : AW_EXC;
}

#define VIEW_SETOP(name, op, refl)                                           \
  static AwValue name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) { \
    return view_setop(vm, argc, argv, kwnames, op, refl);                    \
  }
VIEW_SETOP(view_and, '&', false)
VIEW_SETOP(view_or, '|', false)
VIEW_SETOP(view_sub, '-', false)
VIEW_SETOP(view_xor, '^', false)
VIEW_SETOP(view_rand, '&', true)
VIEW_SETOP(view_ror, '|', true)
VIEW_SETOP(view_rsub, '-', true)
VIEW_SETOP(view_rxor, '^', true)

static AwValue view_isdisjoint(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!check_view(vm, argc, argv, -1, "isdisjoint") || !ct_check_args(vm, "isdisjoint", argc - 1, kwnames, 1, 1))
    return AW_EXC;
  AwValue it = aw_get_iter(vm, argv[1]);
  if (AW_IS_EXC(it)) return it;
  aw_push_root(vm, it);
  AwValue result = AW_TRUE;
  for (;;) {
    AwValue x = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(x)) break;
    if (AW_IS_EXC(x)) {
      result = AW_EXC;
      break;
    }
    aw_push_root(vm, x);
    int r = view_contains_value(vm, argv[0], x);
    aw_pop_root(vm);
    if (r) {
      result = r < 0 ? AW_EXC : AW_FALSE;
      break;
    }
  }
  aw_pop_root(vm);
  return result;
}

typedef struct {
  const char *name;
  AwNativeFn fn;
} MethodDef;

static bool add_methods(AwVM *vm, AwClass *c, const MethodDef *defs, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!aw_class_add_native(vm, c, defs[i].name, defs[i].fn, AW_NATIVE_METHOD)) return false;
  return true;
}

bool aw_dict_init_class(AwVM *vm) {
  static const MethodDef dict_methods[] = {
      {"__init__", dict_init_m},       {"get", dict_get_m},           {"keys", dict_keys_m},
      {"values", dict_values_m},       {"items", dict_items_m},       {"pop", dict_pop_m},
      {"popitem", dict_popitem_m},     {"setdefault", dict_setdefault_m}, {"update", dict_update_m},
      {"copy", dict_copy_m},           {"clear", dict_clear_m},       {"__len__", dict_len_m},
      {"__getitem__", dict_getitem_m}, {"__setitem__", dict_setitem_m}, {"__delitem__", dict_delitem_m},
      {"__contains__", dict_contains_m}, {"__iter__", dict_iter_m},   {"__reversed__", dict_reversed_m},
      {"__eq__", dict_eq_m},           {"__ne__", dict_ne_m},         {"__or__", dict_or_m},
      {"__ror__", dict_ror_m},         {"__ior__", dict_ior_m},
  };
  static const MethodDef view_methods[] = {
      {"__len__", view_len}, {"__iter__", view_iter}, {"__reversed__", view_reversed},
      {"__contains__", view_contains},
  };
  static const MethodDef setlike_methods[] = {
      {"__eq__", view_eq},     {"__ne__", view_ne},     {"__lt__", view_lt},     {"__le__", view_le},
      {"__gt__", view_gt},     {"__ge__", view_ge},     {"__and__", view_and},   {"__or__", view_or},
      {"__sub__", view_sub},   {"__xor__", view_xor},   {"__rand__", view_rand}, {"__ror__", view_ror},
      {"__rsub__", view_rsub}, {"__rxor__", view_rxor}, {"isdisjoint", view_isdisjoint},
  };
  AwClass *d = AW_CLS(vm, dict);
  if (!aw_class_add_native(vm, d, "__new__", dict_new_m, AW_NATIVE_STATIC) ||
      !aw_class_add_native(vm, d, "fromkeys", dict_fromkeys_m, AW_NATIVE_CLASSMETHOD) ||
      !add_methods(vm, d, dict_methods, sizeof dict_methods / sizeof dict_methods[0]) || !ct_set_unhashable(vm, d))
    return false;
  AwClass *views[] = {AW_CLS(vm, dict_keys), AW_CLS(vm, dict_values), AW_CLS(vm, dict_items)};
  for (int i = 0; i < 3; i++) {
    if (!add_methods(vm, views[i], view_methods, sizeof view_methods / sizeof view_methods[0])) return false;
    if (i == 1) continue;  // values views are not set-like
    if (!add_methods(vm, views[i], setlike_methods, sizeof setlike_methods / sizeof setlike_methods[0]) ||
        !ct_set_unhashable(vm, views[i]))
      return false;
  }
  return true;
}

// vm/dict.c -- the one hash table (dicts, sets' storage, module globals,
// class and instance attributes, the intern table) and the dict class with
// its views. CPython's compact layout: entries[] in insertion order plus an
// int32 index[] with perturbation probing; tiny tables scan without index.
// dict repr is in ops.c; set methods are in set.c.
#include <string.h>
#include "vm/vm.h"

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
  free_index(vm, d);
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
  int64_t ix = lookup(vm, d, key, h);
  if (ix == LOOKUP_ERROR) return -1;
  if (ix == LOOKUP_ABSENT) return 0;
  if (out) *out = d->entries[ix].value;
  return 1;
}

// Str-key lookup that never runs script code: non-str keys with a
// colliding hash are treated as different.
static int64_t lookup_str(AwDict *d, AwStr *s, uint64_t h) {
  if (d->index_cap == 0) {
    AwDictEntry *e = d->entries;
    for (int64_t i = 0; i < d->used; i++) {
      if (e[i].key.tag == AW_T_OBJ && e[i].key.as.o == &s->obj) return i;
    }
    for (int64_t i = 0; i < d->used; i++) {
      if (e[i].hash != h || !AW_IS_STR(e[i].key)) continue;
      AwStr *k = AW_AS_STR(e[i].key);
      if (k->nbytes == s->nbytes && memcmp(k->data, s->data, (size_t)s->nbytes) == 0) return i;
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
      if (e->key.tag == AW_T_OBJ && e->key.as.o == &s->obj) return ix;
      if (e->hash == h && AW_IS_STR(e->key)) {
        AwStr *k = AW_AS_STR(e->key);
        if (k->nbytes == s->nbytes && memcmp(k->data, s->data, (size_t)s->nbytes) == 0) return ix;
      }
    }
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

AwValue aw_dict_get_str(AwDict *d, AwValue key) {
  if (d->len == 0) return AW_UNDEF;
  AwStr *s = AW_AS_STR(key);
  int64_t ix = lookup_str(d, s, str_hash(s));
  return ix >= 0 ? d->entries[ix].value : AW_UNDEF;
}

AwValue aw_dict_find_str(AwDict *d, const char *s, size_t n, uint64_t hash) {
  if (d->len == 0) return AW_UNDEF;
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
  if (src->len == 0) return true;
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
  for (int64_t i = 0; i < d->used; i++) {
    AwValue k = d->entries[i].key;
    if (AW_IS_OBJ(k) && !AW_AS_OBJ(k)->marked) delete_entry(d, i);
  }
}

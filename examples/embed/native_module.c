// examples/embed/native_module.c -- a native module `geo`: functions that
// take and return ints, floats, strings, bytes, lists and dicts through
// slots, an opaque host object with a finalizer, a native calling back into
// the script, and the host calling a script function afterwards.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "aw.h"

// geo.hypot(x, y) -> float
static void geo_hypot(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  double x = aw_get_slot_float(vm, 0), y = aw_get_slot_float(vm, 1);
  aw_set_slot_float(vm, 0, sqrt(x * x + y * y));
}

// geo.describe({"name": str, "sides": [numbers]}) -> str
static void geo_describe(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  aw_ensure_slots(vm, 4);
  aw_set_slot_str(vm, 1, "name", 4);
  aw_set_slot_str(vm, 2, "sides", 5);
  if (aw_get_slot_type(vm, 0) != AW_TYPE_DICT || !aw_get_slot_item(vm, 0, 1, 1) || !aw_get_slot_item(vm, 0, 2, 2)) {
    aw_throw(vm, "KeyError", "need a dict with 'name' and 'sides'");
    return;
  }
  double total = 0;
  int64_t n = aw_get_slot_len(vm, 2);
  for (int64_t i = 0; i < n; i++) {
    aw_set_slot_int(vm, 3, i);
    aw_get_slot_item(vm, 2, 3, 3);  // slot 3 = sides[i]
    total += aw_get_slot_float(vm, 3);
  }
  char buf[200];
  int len = snprintf(buf, sizeof buf, "%s: %lld sides, perimeter %.1f", aw_get_slot_str(vm, 1, NULL), (long long)n, total);
  aw_set_slot_str(vm, 0, buf, (size_t)len);
}

// geo.split_words(str) -> list of str
static void geo_split_words(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  size_t len;
  const char *s = aw_get_slot_str(vm, 0, &len);
  if (!s) return;
  aw_ensure_slots(vm, 3);
  aw_set_slot_new_list(vm, 1);
  for (size_t i = 0; i < len;) {
    while (i < len && s[i] == ' ') i++;
    size_t start = i;
    while (i < len && s[i] != ' ') i++;
    if (i > start) {
      aw_set_slot_str(vm, 2, s + start, i - start);
      aw_append_slot(vm, 1, 2);
    }
  }
  aw_copy_slot(vm, 0, 1);  // the result
}

// geo.checksum(bytes) -> int
static void geo_checksum(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  size_t len;
  const unsigned char *p = aw_get_slot_bytes(vm, 0, &len);
  int64_t sum = 0;
  for (size_t i = 0; p && i < len; i++) sum = (sum * 31 + p[i]) % 1000003;
  aw_set_slot_int(vm, 0, sum);
}

// Host objects: a heap counter, freed by the finalizer when collected.
typedef struct { int64_t value; } Counter;
static int finalized;

static void counter_free(AwVM *vm, void *p) {
  (void)vm;
  free(p);
  finalized++;
}

static void geo_counter(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  Counter *c = malloc(sizeof *c);
  c->value = aw_get_slot_int(vm, 0);
  aw_set_slot_data(vm, 0, c, "Counter", counter_free);
}

static void geo_bump(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  Counter *c = aw_get_slot_data(vm, 0, "Counter");
  if (c) c->value++;
  aw_set_slot_none(vm, 0);
}

static void geo_value(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  Counter *c = aw_get_slot_data(vm, 0, "Counter");
  if (c) aw_set_slot_int(vm, 0, c->value);
}

// geo.apply_twice(fn, x) -> fn(fn(x)), calling the script from C.
static void geo_apply_twice(AwVM *vm, int argc, void *ud) {
  (void)argc, (void)ud;
  aw_ensure_slots(vm, 3);
  aw_copy_slot(vm, 2, 0);        // keep fn in slot 2
  for (int i = 0; i < 2; i++) {
    aw_copy_slot(vm, 0, 2);      // callee in slot 0, argument in slot 1
    if (aw_invoke(vm, 1) != AW_OK) {
      aw_throw_slot(vm, 0);      // pass the script's exception on
      return;
    }
    aw_copy_slot(vm, 1, 0);      // the result is the next argument
  }
}

int main(void) {
  AwVM *vm = aw_new_vm(NULL);
  if (!vm) return 1;
  aw_def_fn(vm, "geo", "hypot", 2, geo_hypot, NULL);
  aw_def_fn(vm, "geo", "describe", 1, geo_describe, NULL);
  aw_def_fn(vm, "geo", "split_words", 1, geo_split_words, NULL);
  aw_def_fn(vm, "geo", "checksum", 1, geo_checksum, NULL);
  aw_def_fn(vm, "geo", "Counter", 1, geo_counter, NULL);
  aw_def_fn(vm, "geo", "bump", 1, geo_bump, NULL);
  aw_def_fn(vm, "geo", "value", 1, geo_value, NULL);
  aw_def_fn(vm, "geo", "apply_twice", 2, geo_apply_twice, NULL);
  if (aw_run_file(vm, "native_module.aw") != AW_OK) return 1;

  // The host calls summary(["a", "b"]) and reads the dict it returns.
  aw_ensure_slots(vm, 3);
  aw_get_var(vm, "__main__", "summary", 0);
  aw_set_slot_new_list(vm, 1);
  aw_set_slot_str(vm, 2, "alpha", 5);
  aw_append_slot(vm, 1, 2);
  aw_set_slot_str(vm, 2, "beta", 4);
  aw_append_slot(vm, 1, 2);
  if (aw_invoke(vm, 1) != AW_OK) return 1;
  int64_t pos = 0;
  while (aw_get_slot_entry(vm, 0, &pos, 1, 2)) {
    const char *key = aw_get_slot_str(vm, 1, NULL);
    if (aw_get_slot_type(vm, 2) == AW_TYPE_INT) printf("summary %s = %lld\n", key, (long long)aw_get_slot_int(vm, 2));
    else printf("summary %s = %s\n", key, aw_get_slot_str(vm, 2, NULL));
  }
  aw_free_vm(vm);
  printf("counters finalized: %d\n", finalized);
  return 0;
}

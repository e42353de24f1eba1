// stdlib/string.c -- the string module: the character-class constants and
// capwords().
#include "vm/vm.h"

static const struct {
  const char *name, *value;
} string_consts[] = {
  {"ascii_lowercase", "abcdefghijklmnopqrstuvwxyz"},
  {"ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
  {"ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
  {"digits", "0123456789"},
  {"hexdigits", "0123456789abcdefABCDEF"},
  {"octdigits", "01234567"},
  {"punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
  {"whitespace", " \t\n\r\x0b\x0c"},
  {"printable", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c"},
  {NULL, NULL},
};

// capwords(s, sep=None): sep.join(w.capitalize() for w in s.split(sep)).
static AwValue string_capwords(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"s", "sep", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "capwords", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwValue sep = AW_IS_UNDEF(a[1]) ? AW_NONE : a[1];
  AwValue words = aw_call_method(vm, a[0], aw_str_intern(vm, "split", 5), 1, &sep);
  if (AW_IS_EXC(words)) return AW_EXC;
  aw_push_root(vm, words);
  AwValue result = AW_EXC;
  if (AW_IS_LIST(words)) {
    AwList *l = AW_AS_LIST(words);
    AwValue cap = aw_str_intern(vm, "capitalize", 10);
    bool ok = !AW_IS_EXC(cap);
    for (int64_t i = 0; ok && i < l->len; i++) {
      AwValue w = aw_call_method(vm, l->items[i], cap, 0, NULL);
      if (AW_IS_EXC(w)) ok = false;
      else l->items[i] = w;
    }
    AwValue joiner = AW_IS_NONE(sep) ? aw_str_new(vm, " ", 1) : sep;
    if (ok && !AW_IS_EXC(joiner)) {
      aw_push_root(vm, joiner);
      result = aw_call_method(vm, joiner, aw_str_intern(vm, "join", 4), 1, &words);
      aw_pop_root(vm);
    }
  }
  aw_pop_root(vm);
  return result;
}

AwModule *aw_open_string(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "string");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = aw_module_add_fn(vm, m, "capwords", string_capwords);
  for (int i = 0; ok && string_consts[i].name; i++) {
    AwValue v = aw_str_from_cstr(vm, string_consts[i].value);
    ok = !AW_IS_EXC(v) && aw_module_add_value(vm, m, string_consts[i].name, v);
  }
  aw_pop_root(vm);
  return ok ? m : NULL;
}

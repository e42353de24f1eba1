// vm/module.c -- module objects and import: the built-in module table
// first, then NAME.aw beside the importing script or on sys.path (AW_PATH).
// Loaded modules are cached in vm->modules (sys.modules).
#include <stdlib.h>
#include <string.h>
#include "lang/compiler.h"
#include "vm/interp.h"

AwModule *aw_module_new(AwVM *vm, const char *name) {
  AwModule *m = (AwModule *)aw_obj_alloc(vm, sizeof(AwModule), AW_OBJ_MODULE, AW_CLS(vm, module));
  if (!m) return NULL;
  m->path = AW_NONE;
  m->name = aw_str_from_cstr(vm, name);
  if (AW_IS_EXC(m->name)) return NULL;
  m->dict = aw_dict_new(vm);
  if (!m->dict) return NULL;
  if (!aw_dict_set(vm, m->dict, AW_N(vm, name), m->name)) return NULL;
  if (!aw_dict_set(vm, m->dict, AW_N(vm, doc), AW_NONE)) return NULL;
  return m;
}

bool aw_module_add_fn(AwVM *vm, AwModule *m, const char *name, AwNativeFn fn) {
  AwNative *n = aw_native_new(vm, name, fn, 0);
  if (!n) return false;
  n->self = AW_UNDEF;
  return aw_module_add_value(vm, m, name, AW_OBJ(n));
}

bool aw_module_add_value(AwVM *vm, AwModule *m, const char *name, AwValue v) {
  AwValue key = aw_str_intern(vm, name, strlen(name));
  if (AW_IS_EXC(key)) return false;
  return aw_dict_set(vm, m->dict, key, v);
}

// Reads a whole file into VM memory; NULL with OSError raised.
char *aw_read_file(AwVM *vm, const char *path, size_t *len_out) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  size_t cap = 4096, len = 0;
  char *buf = aw_mem_alloc(vm, cap);
  if (!buf) {
    fclose(fp);
    return NULL;
  }
  for (;;) {
    if (len + 1 >= cap) {
      char *nb = aw_mem_realloc(vm, buf, cap, cap * 2);
      if (!nb) {
        aw_mem_free(vm, buf, cap);
        fclose(fp);
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
    size_t n = fread(buf + len, 1, cap - len - 1, fp);
    if (n == 0) break;
    len += n;
  }
  fclose(fp);
  // Shrink to exactly len + 1 so the caller can free with a known size.
  char *exact = aw_mem_realloc(vm, buf, cap, len + 1);
  if (!exact) {
    aw_mem_free(vm, buf, cap);
    return NULL;
  }
  exact[len] = 0;
  *len_out = len;
  return exact;
}

// Compiles and runs [source] as the body of module [m]. The module is in
// vm->modules before it runs (so circular imports see it).
AwValue aw_exec_module(AwVM *vm, AwModule *m, const char *source, size_t len, const char *filename) {
  AwDiag diag;
  memset(&diag, 0, sizeof diag);
  bool incomplete = false;
  AwProto *p = aw_compile(vm, source, len, filename, AW_PARSE_FILE, &diag, &incomplete);
  if (!p) return aw_raise_syntax_error(vm, &diag, filename, source, len);
  aw_push_root(vm, AW_OBJ(p));
  AwValue r = aw_run_module_code(vm, p, m->dict);
  aw_pop_root(vm);
  return r;
}

// Runs a compiled module body with globals [globals].
AwValue aw_run_module_code(AwVM *vm, AwProto *p, AwDict *globals) {
  AwFunction *fn = aw_function_new(vm, p, globals);
  if (!fn) return AW_EXC;
  AwValue fv = AW_OBJ(fn);
  aw_push_root(vm, fv);
  AwValue r;
  if (p->flags & AW_CODE_COROUTINE) {
    // A script with top-level await: it runs as the main coroutine.
    r = aw_run_main_coroutine(vm, fn);
  } else {
    AwFrame *f = aw_frame_push(vm, p, fn, globals);
    if (!f) {
      aw_pop_root(vm);
      return AW_EXC;
    }
    f->locals = globals;
    r = aw_run_frame(vm, f);
  }
  aw_pop_root(vm);
  return r;
}

static AwValue find_builtin(AwVM *vm, const char *name) {
  for (const AwBuiltinModule *b = aw_builtin_modules; b->name; b++) {
    if (strcmp(b->name, name)) continue;
    AwModule *m = b->open(vm);
    if (!m) return AW_EXC;
    return AW_OBJ(m);
  }
  return AW_UNDEF;
}

static bool file_exists(const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return false;
  fclose(fp);
  return true;
}

static AwValue load_from_path(AwVM *vm, AwValue name) {
  const char *n = AW_AS_STR(name)->data;
  // a.b -> a/b.aw
  char rel[1024];
  size_t k = 0;
  for (const char *c = n; *c && k + 4 < sizeof rel; c++) rel[k++] = *c == '.' ? '/' : *c;
  rel[k] = 0;
  AwValue paths = vm->sys_path;
  if (!AW_IS_LIST(paths)) return AW_UNDEF;
  AwList *pl = AW_AS_LIST(paths);
  for (int64_t i = 0; i < pl->len; i++) {
    if (!AW_IS_STR(pl->items[i])) continue;
    const char *dir = AW_AS_STR(pl->items[i])->data;
    char path[2048];
    if (dir[0]) snprintf(path, sizeof path, "%s/%s.aw", dir, rel);
    else snprintf(path, sizeof path, "%s.aw", rel);
    if (!file_exists(path)) {
      if (dir[0]) snprintf(path, sizeof path, "%s/%s/__init__.aw", dir, rel);
      else snprintf(path, sizeof path, "%s/__init__.aw", rel);
      if (!file_exists(path)) continue;
    }
    size_t len;
    char *src = aw_read_file(vm, path, &len);
    if (!src) return aw_raisef(vm, AW_EXCCLS(vm, ImportError), "cannot read %s", path);
    AwModule *m = aw_module_new(vm, n);
    if (!m) {
      aw_mem_free(vm, src, len + 1);
      return AW_EXC;
    }
    AwValue mv = AW_OBJ(m);
    m->path = aw_str_from_cstr(vm, path);
    if (AW_IS_EXC(m->path) || !aw_dict_set(vm, m->dict, AW_N(vm, file), m->path) ||
        !aw_dict_set(vm, vm->modules, name, mv)) {
      aw_mem_free(vm, src, len + 1);
      return AW_EXC;
    }
    aw_push_root(vm, mv);
    AwValue r = aw_exec_module(vm, m, src, len, path);
    aw_pop_root(vm);
    aw_mem_free(vm, src, len + 1);
    if (AW_IS_EXC(r)) {
      aw_dict_del(vm, vm->modules, name, NULL);
      return r;
    }
    return mv;
  }
  return AW_UNDEF;
}

// "..mod" relative to the running module: its __name__ less one component
// per dot ("pkg.sub.me" with ".x" gives "pkg.sub.x"), as importlib resolves
// it. A script (__main__) or top-level module has no parent package.
static AwValue resolve_relative(AwVM *vm, AwValue name) {
  const char *n = AW_AS_STR(name)->data;
  size_t level = strspn(n, ".");
  AwDict *g = aw_frame_globals(vm);
  AwValue me = g ? aw_dict_get_str(g, AW_N(vm, name)) : AW_UNDEF;
  const char *base = AW_IS_STR(me) ? AW_AS_STR(me)->data : "";
  const char *end = base + strlen(base);
  for (size_t i = 0; i < level; i++) {
    while (end > base && end[-1] != '.') end--;
    if (end == base) {
      return aw_raisef(vm, AW_EXCCLS(vm, ImportError), i == 0 ? "attempted relative import with no known parent package"
                                                               : "attempted relative import beyond top-level package");
    }
    end--;  // the dot
  }
  const char *rest = n + level;
  return aw_str_format(vm, "%.*s%s%s", (int)(end - base), base, *rest ? "." : "", rest);
}

AwValue aw_import(AwVM *vm, AwValue name) {
  if (AW_AS_STR(name)->data[0] == '.') {
    name = resolve_relative(vm, name);
    if (AW_IS_EXC(name)) return name;
  }
  AwValue cached = aw_dict_get_str(vm->modules, name);
  if (!AW_IS_UNDEF(cached)) return cached;
  const char *n = AW_AS_STR(name)->data;
  const char *dot = strrchr(n, '.');
  if (dot) {
    // Import the parent first; a submodule may be an attribute of it.
    AwValue parent_name = aw_str_new(vm, n, (size_t)(dot - n));
    if (AW_IS_EXC(parent_name)) return parent_name;
    AwValue parent = aw_import(vm, parent_name);
    if (AW_IS_EXC(parent)) return parent;
    cached = aw_dict_get_str(vm->modules, name);
    if (!AW_IS_UNDEF(cached)) return cached;
  }
  // The embedding allow-list (api_limits.c) covers built-in modules too.
  if (!aw_module_allowed(vm, n))
    return aw_raisef(vm, AW_EXCCLS(vm, ModuleNotFoundError), "No module named '%s'", n);
  AwValue m = find_builtin(vm, n);
  if (AW_IS_EXC(m)) return m;
  if (AW_IS_UNDEF(m)) {
    m = load_from_path(vm, name);
    if (AW_IS_EXC(m)) return m;
    if (AW_IS_UNDEF(m)) {
      AwValue e = aw_raisef(vm, AW_EXCCLS(vm, ModuleNotFoundError), "No module named '%s'", n);
      aw_dict_set(vm, AW_AS_INSTANCE(vm->exc)->dict, AW_N(vm, name), name);
      return e;
    }
    return m;
  }
  if (!aw_dict_set(vm, vm->modules, name, m)) return AW_EXC;
  if (dot) {
    AwValue parent = aw_dict_get_str(vm->modules, aw_str_new(vm, n, (size_t)(dot - n)));
    if (AW_IS_KIND(parent, AW_OBJ_MODULE)) {
      AwValue leaf = aw_str_intern(vm, dot + 1, strlen(dot + 1));
      if (AW_IS_EXC(leaf) || !aw_dict_set(vm, ((AwModule *)AW_AS_OBJ(parent))->dict, leaf, m)) return AW_EXC;
    }
  }
  return m;
}

AwValue aw_import_top(AwVM *vm, AwValue dotted) {
  AwValue m = aw_import(vm, dotted);
  if (AW_IS_EXC(m)) return m;
  const char *n = AW_AS_STR(dotted)->data;
  const char *dot = strchr(n, '.');
  if (!dot) return m;
  AwValue top = aw_str_new(vm, n, (size_t)(dot - n));
  if (AW_IS_EXC(top)) return top;
  return aw_import(vm, top);
}

AwValue aw_import_from(AwVM *vm, AwValue module, AwValue name) {
  AwValue v = aw_getattr_opt(vm, module, name);
  if (AW_IS_EXC(v)) return v;
  if (!AW_IS_UNDEF(v)) return v;
  // `from pkg import sub` may name a submodule not loaded yet.
  if (AW_IS_KIND(module, AW_OBJ_MODULE)) {
    AwModule *m = (AwModule *)AW_AS_OBJ(module);
    AwValue full = aw_str_format(vm, "%s.%s", AW_AS_STR(m->name)->data, AW_AS_STR(name)->data);
    if (AW_IS_EXC(full)) return full;
    AwValue sub = aw_import(vm, full);
    if (!AW_IS_EXC(sub)) return sub;
    aw_exc_take(vm);
    AwValue path = m->path;
    if (AW_IS_STR(path))
      return aw_raisef(vm, AW_EXCCLS(vm, ImportError), "cannot import name '%s' from '%s' (%s)", AW_AS_STR(name)->data,
                       AW_AS_STR(m->name)->data, AW_AS_STR(path)->data);
    return aw_raisef(vm, AW_EXCCLS(vm, ImportError), "cannot import name '%s' from '%s' (unknown location)",
                     AW_AS_STR(name)->data, AW_AS_STR(m->name)->data);
  }
  return aw_raisef(vm, AW_EXCCLS(vm, ImportError), "cannot import name '%s'", AW_AS_STR(name)->data);
}

bool aw_import_star(AwVM *vm, AwValue module, AwDict *ns) {
  if (!AW_IS_KIND(module, AW_OBJ_MODULE)) return true;
  AwDict *d = ((AwModule *)AW_AS_OBJ(module))->dict;
  AwValue all = aw_dict_get_cstr(vm, d, "__all__");
  if (!AW_IS_UNDEF(all)) {
    AwList *names = aw_list_from_iterable(vm, all);
    if (!names) return false;
    for (int64_t i = 0; i < names->len; i++) {
      AwValue v = aw_getattr(vm, module, names->items[i]);
      if (AW_IS_EXC(v) || !aw_dict_set(vm, ns, names->items[i], v)) return false;
    }
    return true;
  }
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(d, &pos, &k, &v)) {
    if (AW_IS_STR(k) && AW_AS_STR(k)->data[0] == '_') continue;
    if (!aw_dict_set(vm, ns, k, v)) return false;
  }
  return true;
}

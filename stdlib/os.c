// stdlib/os.c -- the os module (environ snapshot, cwd, pid, directory and
// file operations raising OSError subclasses with errno/strerror/filename)
// and os.path (posixpath's string rules: join, split, splitext, normpath
// ..., and the stat-based tests), registered both as os.path and "os.path".
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/vm.h"

extern char **environ;

typedef struct {
  const char *name;
  AwNativeFn fn;
} ModFn;

// ---- helpers -------------------------------------------------------------------

// A path argument: a str (bytes paths are not supported).
static bool path_arg(AwVM *vm, const char *fname, const char *what, AwValue v, AwStr **out) {
  if (AW_IS_STR(v)) {
    *out = AW_AS_STR(v);
    if ((int64_t)strlen((*out)->data) != (*out)->nbytes) {
      aw_raisef(vm, AW_EXCCLS(vm, ValueError), "%s: embedded null character in %s", fname, what);
      return false;
    }
    return true;
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError), "%s: %s should be string, bytes or os.PathLike, not %s",
            fname, what, aw_type_name(vm, v));
  return false;
}

// OSError for a failed call on two paths: "... : 'a' -> 'b'".
static AwValue raise_errno2(AwVM *vm, int err, AwValue a, AwValue b) {
  AwValue strerr = aw_str_from_cstr(vm, strerror(err));
  if (AW_IS_EXC(strerr)) return AW_EXC;
  AwValue args[5] = {AW_INT(err), strerr, a, AW_NONE, b};
  AwClass *cls = AW_EXCCLS(vm, OSError);
  // OSError(errno, ...) picks the subclass for errno itself (error.c).
  return aw_raise_args(vm, cls, 5, args);
}

static AwValue str_of(AwVM *vm, const char *s, size_t n) { return aw_str_new_checked(vm, s, n); }

// ---- os ------------------------------------------------------------------------

static AwValue os_getcwd(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "getcwd", argc, kwnames, 0, 0)) return AW_EXC;
  char buf[PATH_MAX];
  if (!getcwd(buf, sizeof buf)) return aw_io_raise_errno(vm, errno, AW_UNDEF);
  return aw_str_from_cstr(vm, buf);
}

static AwValue os_chdir(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *p;
  if (!aw_check_argc(vm, "chdir", argc, kwnames, 1, 1) || !path_arg(vm, "chdir", "path", argv[0], &p))
    return AW_EXC;
  if (chdir(p->data) != 0) return aw_io_raise_errno(vm, errno, argv[0]);
  return AW_NONE;
}

static AwValue os_getpid(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "getpid", argc, kwnames, 0, 0)) return AW_EXC;
  return AW_INT((int64_t)getpid());
}

static AwValue os_getppid(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "getppid", argc, kwnames, 0, 0)) return AW_EXC;
  return AW_INT((int64_t)getppid());
}

static AwValue os_cpu_count(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argv;
  if (!aw_check_argc(vm, "cpu_count", argc, kwnames, 0, 0)) return AW_EXC;
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? AW_INT(n) : AW_NONE;
}

static AwValue os_strerror(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "strerror", argc, kwnames, 1, 1)) return AW_EXC;
  int64_t n;
  if (!aw_index(vm, argv[0], &n)) return AW_EXC;
  return aw_str_from_cstr(vm, strerror((int)n));
}

static AwValue os_getenv(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"key", "default", NULL};
  AwValue a[2];
  if (!aw_parse_args(vm, "getenv", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  if (!AW_IS_STR(a[0]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "str expected, not %s", aw_type_name(vm, a[0]));
  // os.environ is the source of truth, so scripts see their own changes.
  AwValue os = aw_dict_get_cstr(vm, vm->modules, "os");
  if (AW_IS_KIND(os, AW_OBJ_MODULE)) {
    AwValue env = aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(os))->dict, "environ");
    if (AW_IS_DICT(env)) {
      AwValue v;
      int r = aw_dict_get(vm, AW_AS_DICT(env), a[0], &v);
      if (r < 0) return AW_EXC;
      if (r > 0) return v;
      return AW_IS_UNDEF(a[1]) ? AW_NONE : a[1];
    }
  }
  const char *v = getenv(AW_AS_STR(a[0])->data);
  if (v) return aw_str_from_cstr(vm, v);
  return AW_IS_UNDEF(a[1]) ? AW_NONE : a[1];
}

static AwValue os_listdir(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "listdir", argc, kwnames, 0, 1)) return AW_EXC;
  const char *path = ".";
  AwValue pv = AW_UNDEF;
  if (argc == 1 && !AW_IS_NONE(argv[0])) {
    AwStr *p;
    if (!path_arg(vm, "listdir", "path", argv[0], &p)) return AW_EXC;
    path = p->data;
    pv = argv[0];
  }
  DIR *dir = opendir(path);
  if (!dir) return aw_io_raise_errno(vm, errno, AW_IS_UNDEF(pv) ? AW_UNDEF : pv);
  AwList *l = aw_list_new(vm, 0);
  if (!l) {
    closedir(dir);
    return AW_EXC;
  }
  aw_push_root(vm, AW_OBJ(l));
  struct dirent *ent;
  AwValue result = AW_OBJ(l);
  while ((ent = readdir(dir)) != NULL) {
    if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0) continue;
    AwValue s = str_of(vm, ent->d_name, strlen(ent->d_name));
    if (AW_IS_EXC(s) || !aw_list_append(vm, l, s)) {
      result = AW_EXC;
      break;
    }
  }
  closedir(dir);
  aw_pop_root(vm);
  return result;
}

// remove/unlink/rmdir: one path, one syscall.
static AwValue path_call(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int (*fn)(const char *)) {
  AwStr *p;
  if (!aw_check_argc(vm, name, argc, kwnames, 1, 1) || !path_arg(vm, name, "path", argv[0], &p))
    return AW_EXC;
  if (fn(p->data) != 0) return aw_io_raise_errno(vm, errno, argv[0]);
  return AW_NONE;
}

static AwValue os_remove(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return path_call(vm, argc, argv, kwnames, "remove", unlink);
}

static AwValue os_unlink(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return path_call(vm, argc, argv, kwnames, "unlink", unlink);
}

static AwValue os_rmdir(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return path_call(vm, argc, argv, kwnames, "rmdir", rmdir);
}

static AwValue os_rename(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *a, *b;
  if (!aw_check_argc(vm, "rename", argc, kwnames, 2, 2) || !path_arg(vm, "rename", "src", argv[0], &a) ||
      !path_arg(vm, "rename", "dst", argv[1], &b))
    return AW_EXC;
  if (rename(a->data, b->data) != 0) return raise_errno2(vm, errno, argv[0], argv[1]);
  return AW_NONE;
}

static bool mode_arg(AwVM *vm, AwValue v, int64_t *mode) {
  *mode = 0777;
  return AW_IS_UNDEF(v) || aw_index(vm, v, mode);
}

static AwValue os_mkdir(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"path", "mode", "dir_fd", NULL};
  AwValue a[3];
  AwStr *p;
  int64_t mode;
  if (!aw_parse_args(vm, "mkdir", argc, argv, kwnames, 1, names, a) ||
      !path_arg(vm, "mkdir", "path", a[0], &p) || !mode_arg(vm, a[1], &mode))
    return AW_EXC;
  if (mkdir(p->data, (mode_t)mode) != 0) return aw_io_raise_errno(vm, errno, a[0]);
  return AW_NONE;
}

static bool is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// makedirs: create each missing parent; FileExistsError unless exist_ok.
static AwValue os_makedirs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"name", "mode", "exist_ok", NULL};
  AwValue a[3];
  AwStr *p;
  int64_t mode;
  if (!aw_parse_args(vm, "makedirs", argc, argv, kwnames, 1, names, a) ||
      !path_arg(vm, "makedirs", "path", a[0], &p) || !mode_arg(vm, a[1], &mode))
    return AW_EXC;
  int exist_ok = AW_IS_UNDEF(a[2]) ? 0 : aw_truthy(vm, a[2]);
  if (exist_ok < 0) return AW_EXC;
  size_t n = (size_t)p->nbytes;
  char *buf = aw_mem_alloc(vm, n + 1);
  if (!buf) return AW_EXC;
  memcpy(buf, p->data, n + 1);
  for (size_t i = 1; i < n; i++) {
    if (buf[i] != '/') continue;
    buf[i] = '\0';
    if (!is_dir(buf) && mkdir(buf, 0777) != 0 && errno != EEXIST) {
      int err = errno;
      AwValue sub = aw_str_from_cstr(vm, buf);
      aw_mem_free(vm, buf, n + 1);
      return AW_IS_EXC(sub) ? AW_EXC : aw_io_raise_errno(vm, err, sub);
    }
    buf[i] = '/';
  }
  aw_mem_free(vm, buf, n + 1);
  if (mkdir(p->data, (mode_t)mode) != 0) {
    if (errno == EEXIST && exist_ok && is_dir(p->data)) return AW_NONE;
    return aw_io_raise_errno(vm, errno, a[0]);
  }
  return AW_NONE;
}

static AwValue os_urandom(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "urandom", argc, kwnames, 1, 1)) return AW_EXC;
  int64_t n;
  if (!aw_index(vm, argv[0], &n)) return AW_EXC;
  if (n < 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "negative argument not allowed");
  unsigned char *buf = aw_mem_alloc(vm, (size_t)n + 1);
  if (!buf) return AW_EXC;
  int fd = open("/dev/urandom", O_RDONLY);
  size_t got = 0;
  while (fd >= 0 && got < (size_t)n) {
    ssize_t r = read(fd, buf + got, (size_t)n - got);
    if (r <= 0) break;
    got += (size_t)r;
  }
  if (fd >= 0) close(fd);
  AwValue result = got == (size_t)n ? aw_bytes_new(vm, buf, (size_t)n)
                                    : aw_io_raise_errno(vm, errno ? errno : EIO, AW_UNDEF);
  aw_mem_free(vm, buf, (size_t)n + 1);
  return result;
}

// os.stat(path) -> an os.stat_result instance with the st_* attributes.
static AwValue stat_result(AwVM *vm, const struct stat *st) {
  AwValue os = aw_dict_get_cstr(vm, vm->modules, "os");
  AwValue cls = AW_IS_KIND(os, AW_OBJ_MODULE)
                    ? aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(os))->dict, "stat_result")
                    : AW_UNDEF;
  if (!AW_IS_CLASS(cls)) return aw_raisef(vm, AW_EXCCLS(vm, RuntimeError), "os.stat_result is missing");
  AwValue r = aw_call(vm, cls, 0, NULL, NULL);
  if (AW_IS_EXC(r)) return AW_EXC;
  if (!AW_IS_KIND(r, AW_OBJ_INSTANCE)) return r;
  AwDict *d = AW_AS_INSTANCE(r)->dict;
  struct {
    const char *name;
    AwValue v;
  } f[] = {
      {"st_mode", AW_INT(st->st_mode)},   {"st_ino", AW_INT((int64_t)st->st_ino)},
      {"st_dev", AW_INT((int64_t)st->st_dev)}, {"st_nlink", AW_INT((int64_t)st->st_nlink)},
      {"st_uid", AW_INT(st->st_uid)},     {"st_gid", AW_INT(st->st_gid)},
      {"st_size", AW_INT((int64_t)st->st_size)},
      {"st_atime", AW_FLOAT((double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9)},
      {"st_mtime", AW_FLOAT((double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9)},
      {"st_ctime", AW_FLOAT((double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9)},
  };
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
    if (!aw_dict_set_cstr(vm, d, f[i].name, f[i].v)) return AW_EXC;
  return r;
}

static AwValue os_stat(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *p;
  if (!aw_check_argc(vm, "stat", argc, kwnames, 1, 1) || !path_arg(vm, "stat", "path", argv[0], &p))
    return AW_EXC;
  struct stat st;
  if (stat(p->data, &st) != 0) return aw_io_raise_errno(vm, errno, argv[0]);
  return stat_result(vm, &st);
}

// ---- os.walk ----------------------------------------------------------------------
// Top-down walks are lazy, as CPython's generator: the dirs list yielded
// last is read when the next item is asked for, so callers can prune it.
// Iterator state: a = stack of directories still to visit (a list of str),
// b = the dirs list yielded last (UNDEF if none), c = its directory.
// Directories that cannot be listed are skipped (onerror=None).

static AwValue join2(AwVM *vm, AwValue dir, AwValue name) {
  AwStr *d = AW_AS_STR(dir);
  bool slash = d->nbytes > 0 && d->data[d->nbytes - 1] == '/';
  return aw_str_format(vm, slash ? "%S%S" : "%S/%S", dir, name);
}

static bool is_link(AwValue path) {
  struct stat st;
  return lstat(AW_AS_STR(path)->data, &st) == 0 && S_ISLNK(st.st_mode);
}

// Lists [top] into new lists *dirs and *files; false with an exception
// for memory errors, true with *dirs == NULL when the directory is unreadable.
static bool list_split(AwVM *vm, AwValue top, AwList **dirs, AwList **files) {
  *dirs = *files = NULL;
  DIR *dir = opendir(AW_AS_STR(top)->data);
  if (!dir) return true;
  AwList *dl = aw_list_new(vm, 0), *fl = dl ? aw_list_new(vm, 0) : NULL;
  if (!fl) {
    closedir(dir);
    return false;
  }
  AwTuple *hold = aw_tuple_new(vm, 2);
  if (!hold) {
    closedir(dir);
    return false;
  }
  hold->items[0] = AW_OBJ(dl);
  hold->items[1] = AW_OBJ(fl);
  aw_push_root(vm, AW_OBJ(hold));
  bool ok = true;
  struct dirent *ent;
  while (ok && (ent = readdir(dir)) != NULL) {
    if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0) continue;
    AwValue name = aw_str_new_checked(vm, ent->d_name, strlen(ent->d_name));
    if (AW_IS_EXC(name)) {
      aw_exc_take(vm);  // not UTF-8: skipped
      continue;
    }
    aw_push_root(vm, name);
    AwValue full = join2(vm, top, name);
    struct stat st;
    bool isdir = !AW_IS_EXC(full) && stat(AW_AS_STR(full)->data, &st) == 0 && S_ISDIR(st.st_mode);
    ok = !AW_IS_EXC(full) && aw_list_append(vm, isdir ? dl : fl, name);
    aw_pop_root(vm);
  }
  closedir(dir);
  aw_pop_root(vm);
  if (!ok) return false;
  *dirs = dl;
  *files = fl;
  return true;
}

static AwValue walk_next(AwVM *vm, AwIter *it) {
  AwList *stack = AW_AS_LIST(it->a);
  if (AW_IS_LIST(it->b)) {
    // Visit the (possibly pruned) subdirectories next, in their order.
    AwList *dirs = AW_AS_LIST(it->b);
    for (int64_t i = dirs->len - 1; i >= 0; i--) {
      if (!AW_IS_STR(dirs->items[i])) continue;
      AwValue full = join2(vm, it->c, dirs->items[i]);
      if (AW_IS_EXC(full)) return AW_EXC;
      if (is_link(full)) continue;  // followlinks=False
      if (!aw_list_append(vm, stack, full)) return AW_EXC;
    }
    it->b = AW_UNDEF;
  }
  while (stack->len > 0) {
    AwValue top = stack->items[--stack->len];
    it->c = top;
    AwList *dirs, *files;
    if (!list_split(vm, top, &dirs, &files)) return AW_EXC;
    if (!dirs) continue;
    it->b = AW_OBJ(dirs);
    return aw_tuple_pack(vm, 3, top, AW_OBJ(dirs), AW_OBJ(files));
  }
  return AW_UNDEF;
}

// Bottom-up: children's entries before their parent's, collected eagerly.
static bool walk_bottom_up(AwVM *vm, AwValue top, AwList *out, int depth) {
  if (depth > vm->recursion_limit) {
    aw_raisef(vm, AW_EXCCLS(vm, RecursionError), "maximum recursion depth exceeded");
    return false;
  }
  AwList *dirs, *files;
  if (!list_split(vm, top, &dirs, &files)) return false;
  if (!dirs) return true;
  AwValue entry = aw_tuple_pack(vm, 3, top, AW_OBJ(dirs), AW_OBJ(files));
  if (AW_IS_EXC(entry)) return false;
  aw_push_root(vm, entry);
  bool ok = true;
  for (int64_t i = 0; ok && i < dirs->len; i++) {
    AwValue full = join2(vm, top, dirs->items[i]);
    if (AW_IS_EXC(full)) ok = false;
    else if (!is_link(full)) {
      aw_push_root(vm, full);
      ok = walk_bottom_up(vm, full, out, depth + 1);
      aw_pop_root(vm);
    }
  }
  ok = ok && aw_list_append(vm, out, entry);
  aw_pop_root(vm);
  return ok;
}

static AwValue os_walk(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"top", "topdown", "onerror", "followlinks", NULL};
  AwValue a[4];
  AwStr *p;
  if (!aw_parse_args(vm, "walk", argc, argv, kwnames, 1, names, a) || !path_arg(vm, "walk", "top", a[0], &p))
    return AW_EXC;
  int topdown = AW_IS_UNDEF(a[1]) ? 1 : aw_truthy(vm, a[1]);
  if (topdown < 0) return AW_EXC;
  AwList *l = aw_list_new(vm, 1);
  if (!l) return AW_EXC;
  aw_push_root(vm, AW_OBJ(l));
  AwValue r = AW_EXC;
  if (!topdown) {
    if (walk_bottom_up(vm, a[0], l, 0)) r = aw_get_iter(vm, AW_OBJ(l));
  } else if (aw_list_append(vm, l, a[0])) {
    AwIter *it = aw_iter_new(vm, AW_CLS(vm, iterator), walk_next, AW_OBJ(l), AW_UNDEF);
    if (it) {
      it->c = AW_UNDEF;
      r = AW_OBJ(it);
    }
  }
  aw_pop_root(vm);
  return r;
}

// ---- os.path: strings ----------------------------------------------------------

static bool str_arg(AwVM *vm, const char *fname, AwValue v, AwStr **out) {
  if (AW_IS_STR(v)) {
    *out = AW_AS_STR(v);
    return true;
  }
  aw_raisef(vm, AW_EXCCLS(vm, TypeError),
            "%s() argument must be str, bytes, or os.PathLike object, not '%s'", fname,
            aw_type_name(vm, v));
  return false;
}

static AwValue path_join(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "join", argc, kwnames, 1, 1 << 30)) return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  for (int i = 0; i < argc; i++) {
    AwStr *s;
    if (!str_arg(vm, "join", argv[i], &s)) {
      aw_buf_free(vm, &b);
      return AW_EXC;
    }
    if (i > 0) {
      if (s->nbytes > 0 && s->data[0] == '/') b.len = 0;
      else if (b.len > 0 && b.data[b.len - 1] != '/') aw_buf_putc(vm, &b, '/');
    }
    aw_buf_append(vm, &b, s->data, (size_t)s->nbytes);
  }
  if (b.len == 0) {
    aw_buf_free(vm, &b);
    return vm->empty_str;
  }
  return aw_buf_to_str(vm, &b);
}

// Byte index just past the last '/' (0 if none).
static int64_t tail_start(AwStr *s) {
  const char *slash = strrchr(s->data, '/');
  return slash ? slash - s->data + 1 : 0;
}

// The head of split(): everything before the tail, trailing slashes
// removed unless it is all slashes.
static AwValue split_head(AwVM *vm, AwStr *s) {
  int64_t i = tail_start(s), h = i;
  bool all_slash = true;
  for (int64_t k = 0; k < i; k++)
    if (s->data[k] != '/') all_slash = false;
  if (!all_slash)
    while (h > 0 && s->data[h - 1] == '/') h--;
  return aw_str_new(vm, s->data, (size_t)h);
}

static AwValue path_split(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "split", argc, kwnames, 1, 1) || !str_arg(vm, "split", argv[0], &s))
    return AW_EXC;
  int64_t i = tail_start(s);
  AwValue head = split_head(vm, s);
  if (AW_IS_EXC(head)) return AW_EXC;
  aw_push_root(vm, head);
  AwValue tail = aw_str_new(vm, s->data + i, (size_t)(s->nbytes - i));
  AwValue r = AW_IS_EXC(tail) ? AW_EXC : aw_tuple_pack(vm, 2, head, tail);
  aw_pop_root(vm);
  return r;
}

static AwValue path_dirname(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "dirname", argc, kwnames, 1, 1) || !str_arg(vm, "dirname", argv[0], &s))
    return AW_EXC;
  return split_head(vm, s);
}

static AwValue path_basename(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "basename", argc, kwnames, 1, 1) || !str_arg(vm, "basename", argv[0], &s))
    return AW_EXC;
  int64_t i = tail_start(s);
  return aw_str_new(vm, s->data + i, (size_t)(s->nbytes - i));
}

static AwValue path_splitext(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "splitext", argc, kwnames, 1, 1) || !str_arg(vm, "splitext", argv[0], &s))
    return AW_EXC;
  int64_t sep = tail_start(s) - 1;
  const char *dot = strrchr(s->data, '.');
  int64_t cut = s->nbytes;
  if (dot && dot - s->data > sep) {
    // Leading dots of the file name do not start an extension.
    for (int64_t k = sep + 1; k < dot - s->data; k++)
      if (s->data[k] != '.') {
        cut = dot - s->data;
        break;
      }
  }
  AwValue root = aw_str_new(vm, s->data, (size_t)cut);
  if (AW_IS_EXC(root)) return AW_EXC;
  aw_push_root(vm, root);
  AwValue ext = aw_str_new(vm, s->data + cut, (size_t)(s->nbytes - cut));
  AwValue r = AW_IS_EXC(ext) ? AW_EXC : aw_tuple_pack(vm, 2, root, ext);
  aw_pop_root(vm);
  return r;
}

static AwValue path_isabs(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "isabs", argc, kwnames, 1, 1) || !str_arg(vm, "isabs", argv[0], &s))
    return AW_EXC;
  return AW_BOOL(s->nbytes > 0 && s->data[0] == '/');
}

// posixpath.normpath on a C string into [b].
static bool normpath_buf(AwVM *vm, const char *p, size_t n, AwBuf *b) {
  if (n == 0) return aw_buf_putc(vm, b, '.');
  int initial = p[0] == '/' ? 1 : 0;
  if (initial && n > 1 && p[1] == '/' && !(n > 2 && p[2] == '/')) initial = 2;
  // Components as (offset, length) pairs on the VM allocator.
  size_t cap = n / 2 + 2, count = 0;
  size_t *comps = aw_mem_alloc(vm, cap * 2 * sizeof(size_t));
  if (!comps) return false;
  size_t i = 0;
  while (i <= n) {
    size_t j = i;
    while (j < n && p[j] != '/') j++;
    size_t len = j - i;
    bool dot = len == 1 && p[i] == '.';
    bool dotdot = len == 2 && p[i] == '.' && p[i + 1] == '.';
    if (len > 0 && !dot) {
      bool last_dotdot = count > 0 && comps[2 * count - 1] == 2 && p[comps[2 * count - 2]] == '.' &&
                         p[comps[2 * count - 2] + 1] == '.';
      if (!dotdot || (!initial && count == 0) || last_dotdot) {
        comps[2 * count] = i;
        comps[2 * count + 1] = len;
        count++;
      } else if (count > 0) {
        count--;
      }
    }
    i = j + 1;
  }
  for (int k = 0; k < initial; k++) aw_buf_putc(vm, b, '/');
  for (size_t k = 0; k < count; k++) {
    if (k > 0) aw_buf_putc(vm, b, '/');
    aw_buf_append(vm, b, p + comps[2 * k], comps[2 * k + 1]);
  }
  if (b->len == 0) aw_buf_putc(vm, b, '.');
  aw_mem_free(vm, comps, cap * 2 * sizeof(size_t));
  return !b->failed;
}

static AwValue path_normpath(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "normpath", argc, kwnames, 1, 1) || !str_arg(vm, "normpath", argv[0], &s))
    return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  if (!normpath_buf(vm, s->data, (size_t)s->nbytes, &b)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

// abspath into [b]: cwd joined with relative paths, then normalised.
static bool abspath_buf(AwVM *vm, AwStr *s, AwBuf *b) {
  AwBuf joined;
  aw_buf_init(&joined);
  if (s->nbytes == 0 || s->data[0] != '/') {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) {
      aw_io_raise_errno(vm, errno, AW_UNDEF);
      return false;
    }
    aw_buf_append(vm, &joined, cwd, strlen(cwd));
    if (joined.len == 0 || joined.data[joined.len - 1] != '/') aw_buf_putc(vm, &joined, '/');
  }
  aw_buf_append(vm, &joined, s->data, (size_t)s->nbytes);
  bool ok = !joined.failed && normpath_buf(vm, joined.data, joined.len, b);
  aw_buf_free(vm, &joined);
  return ok;
}

static AwValue path_abspath(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "abspath", argc, kwnames, 1, 1) || !str_arg(vm, "abspath", argv[0], &s))
    return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  if (!abspath_buf(vm, s, &b)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return aw_buf_to_str(vm, &b);
}

static AwValue path_realpath(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "realpath", argc, kwnames, 1, 1) || !str_arg(vm, "realpath", argv[0], &s))
    return AW_EXC;
  char buf[PATH_MAX];
  if (realpath(s->data, buf)) return aw_str_from_cstr(vm, buf);
  return path_abspath(vm, argc, argv, kwnames);
}

static AwValue path_expanduser(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwStr *s;
  if (!aw_check_argc(vm, "expanduser", argc, kwnames, 1, 1) || !str_arg(vm, "expanduser", argv[0], &s))
    return AW_EXC;
  if (s->nbytes == 0 || s->data[0] != '~' || (s->nbytes > 1 && s->data[1] != '/')) return argv[0];
  const char *home = getenv("HOME");
  if (!home) return argv[0];
  size_t hn = strlen(home);
  while (hn > 0 && home[hn - 1] == '/') hn--;
  AwBuf b;
  aw_buf_init(&b);
  aw_buf_append(vm, &b, home, hn);
  aw_buf_append(vm, &b, s->data + 1, (size_t)s->nbytes - 1);
  if (b.len == 0) aw_buf_putc(vm, &b, '/');
  return aw_buf_to_str(vm, &b);
}

// The next '/'-separated component of p[0..n) at or after *i: its
// offset and length; false at the end.
static bool next_comp(const char *p, size_t n, size_t *i, size_t *off, size_t *len) {
  while (*i < n && p[*i] == '/') (*i)++;
  if (*i >= n) return false;
  *off = *i;
  while (*i < n && p[*i] != '/') (*i)++;
  *len = *i - *off;
  return true;
}

// relpath(path, start=os.curdir): both made absolute and normalised; "..",
// once per component of start past the common prefix, then path's rest.
static AwValue path_relpath(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "relpath", argc, kwnames, 1, 2)) return AW_EXC;
  AwStr *p, *st = NULL;
  if (!str_arg(vm, "relpath", argv[0], &p)) return AW_EXC;
  if (p->nbytes == 0) return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "no path specified");
  if (argc > 1 && !AW_IS_NONE(argv[1]) && !str_arg(vm, "relpath", argv[1], &st)) return AW_EXC;
  AwBuf a, b, out;
  aw_buf_init(&a);
  aw_buf_init(&b);
  aw_buf_init(&out);
  bool ok = abspath_buf(vm, p, &a);
  if (ok && st) {
    ok = abspath_buf(vm, st, &b);
  } else if (ok) {
    char cwd[PATH_MAX];
    ok = getcwd(cwd, sizeof cwd) != NULL && aw_buf_append(vm, &b, cwd, strlen(cwd));
  }
  AwValue result = AW_EXC;
  if (ok) {
    size_t ia = 0, ib = 0, oa = 0, la = 0, ob = 0, lb = 0;
    bool ha = next_comp(a.data, a.len, &ia, &oa, &la);
    bool hb = next_comp(b.data, b.len, &ib, &ob, &lb);
    while (ha && hb && la == lb && memcmp(a.data + oa, b.data + ob, la) == 0) {
      ha = next_comp(a.data, a.len, &ia, &oa, &la);
      hb = next_comp(b.data, b.len, &ib, &ob, &lb);
    }
    bool first = true;
    for (; hb; hb = next_comp(b.data, b.len, &ib, &ob, &lb)) {
      if (!first) aw_buf_putc(vm, &out, '/');
      aw_buf_append(vm, &out, "..", 2);
      first = false;
    }
    if (ha) {
      if (!first) aw_buf_putc(vm, &out, '/');
      aw_buf_append(vm, &out, a.data + oa, a.len - oa);
      first = false;
    }
    if (first) aw_buf_putc(vm, &out, '.');
    result = aw_buf_to_str(vm, &out);
  } else {
    aw_buf_free(vm, &out);
  }
  aw_buf_free(vm, &a);
  aw_buf_free(vm, &b);
  return result;
}

static AwValue path_commonprefix(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "commonprefix", argc, kwnames, 1, 1)) return AW_EXC;
  AwList *l = aw_list_from_iterable(vm, argv[0]);
  if (!l) return AW_EXC;
  if (l->len == 0) return vm->empty_str;
  AwStr *first;
  if (!str_arg(vm, "commonprefix", l->items[0], &first)) return AW_EXC;
  int64_t n = first->nbytes;
  for (int64_t i = 1; i < l->len; i++) {
    AwStr *s;
    if (!str_arg(vm, "commonprefix", l->items[i], &s)) return AW_EXC;
    int64_t k = 0;
    while (k < n && k < s->nbytes && s->data[k] == first->data[k]) k++;
    n = k;
  }
  // Never split a UTF-8 sequence.
  while (n > 0 && n < first->nbytes && ((unsigned char)first->data[n] & 0xC0) == 0x80) n--;
  return aw_str_new(vm, first->data, (size_t)n);
}

// ---- os.path: the file system ----------------------------------------------------

static AwValue stat_test(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                         int which) {
  if (!aw_check_argc(vm, name, argc, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_STR(argv[0])) return AW_FALSE;
  struct stat st;
  const char *p = AW_AS_STR(argv[0])->data;
  int r = which == 3 ? lstat(p, &st) : stat(p, &st);
  if (r != 0) return AW_FALSE;
  switch (which) {
    case 0: return AW_TRUE;
    case 1: return AW_BOOL(S_ISREG(st.st_mode));
    case 2: return AW_BOOL(S_ISDIR(st.st_mode));
    default: return AW_BOOL(S_ISLNK(st.st_mode));
  }
}

static AwValue path_exists(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_test(vm, argc, argv, kwnames, "exists", 0);
}

static AwValue path_isfile(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_test(vm, argc, argv, kwnames, "isfile", 1);
}

static AwValue path_isdir(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_test(vm, argc, argv, kwnames, "isdir", 2);
}

static AwValue path_islink(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_test(vm, argc, argv, kwnames, "islink", 3);
}

static AwValue stat_field(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames, const char *name,
                          int which) {
  AwStr *p;
  if (!aw_check_argc(vm, name, argc, kwnames, 1, 1) || !path_arg(vm, name, "path", argv[0], &p))
    return AW_EXC;
  struct stat st;
  if (stat(p->data, &st) != 0) return aw_io_raise_errno(vm, errno, argv[0]);
  switch (which) {
    case 0: return AW_INT((int64_t)st.st_size);
    case 1: return AW_FLOAT((double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9);
    case 2: return AW_FLOAT((double)st.st_atim.tv_sec + st.st_atim.tv_nsec * 1e-9);
    default: return AW_FLOAT((double)st.st_ctim.tv_sec + st.st_ctim.tv_nsec * 1e-9);
  }
}

static AwValue path_getsize(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_field(vm, argc, argv, kwnames, "getsize", 0);
}

static AwValue path_getmtime(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_field(vm, argc, argv, kwnames, "getmtime", 1);
}

static AwValue path_getatime(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_field(vm, argc, argv, kwnames, "getatime", 2);
}

static AwValue path_getctime(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return stat_field(vm, argc, argv, kwnames, "getctime", 3);
}

static const ModFn path_fns[] = {
  {"join", path_join},           {"split", path_split},           {"dirname", path_dirname},
  {"basename", path_basename},   {"splitext", path_splitext},     {"isabs", path_isabs},
  {"normpath", path_normpath},   {"abspath", path_abspath},       {"realpath", path_realpath},
  {"expanduser", path_expanduser}, {"relpath", path_relpath},     {"commonprefix", path_commonprefix},
  {"exists", path_exists},       {"isfile", path_isfile},         {"isdir", path_isdir},
  {"islink", path_islink},       {"getsize", path_getsize},       {"getmtime", path_getmtime},
  {"getatime", path_getatime},   {"getctime", path_getctime},     {NULL, NULL},
};

static bool add_str(AwVM *vm, AwModule *m, const char *name, const char *value) {
  AwValue s = aw_str_from_cstr(vm, value);
  return !AW_IS_EXC(s) && aw_module_add_value(vm, m, name, s);
}

static bool add_fns(AwVM *vm, AwModule *m, const ModFn *fns) {
  for (const ModFn *f = fns; f->name; f++)
    if (!aw_module_add_fn(vm, m, f->name, f->fn)) return false;
  return true;
}

static bool add_constants(AwVM *vm, AwModule *m) {
  return add_str(vm, m, "sep", "/") && add_str(vm, m, "altsep", "") && add_str(vm, m, "extsep", ".") &&
         add_str(vm, m, "pathsep", ":") && add_str(vm, m, "curdir", ".") &&
         add_str(vm, m, "pardir", "..") && add_str(vm, m, "devnull", "/dev/null") &&
         aw_module_add_value(vm, m, "altsep", AW_NONE);
}

AwModule *aw_open_os_path(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "posixpath");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = add_fns(vm, m, path_fns) && add_constants(vm, m);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

// ---- the os module ---------------------------------------------------------------

static bool add_environ(AwVM *vm, AwModule *m) {
  AwDict *env = aw_dict_new(vm);
  if (!env || !aw_module_add_value(vm, m, "environ", AW_OBJ(env))) return false;
  for (char **e = environ; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    AwValue k = aw_str_new_checked(vm, *e, (size_t)(eq - *e));
    if (AW_IS_EXC(k)) {
      aw_exc_take(vm);  // not UTF-8: skipped, as it could not be shown anyway
      continue;
    }
    aw_push_root(vm, k);
    AwValue v = aw_str_new_checked(vm, eq + 1, strlen(eq + 1));
    bool ok = true;
    if (AW_IS_EXC(v)) aw_exc_take(vm);
    else ok = aw_dict_set(vm, env, k, v);
    aw_pop_root(vm);
    if (!ok) return false;
  }
  return true;
}

static bool add_stat_class(AwVM *vm, AwModule *m) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return false;
  aw_push_root(vm, AW_OBJ(d));
  AwValue name = aw_str_from_cstr(vm, "stat_result");
  AwClass *cls = AW_IS_EXC(name) ? NULL : aw_class_new(vm, name, AW_CLS(vm, object), d);
  aw_pop_root(vm);
  if (!cls) return false;
  cls->module = aw_str_from_cstr(vm, "os");
  return !AW_IS_EXC(cls->module) && aw_module_add_value(vm, m, "stat_result", AW_OBJ(cls));
}

static const ModFn os_fns[] = {
  {"getcwd", os_getcwd},   {"chdir", os_chdir},       {"getpid", os_getpid},
  {"getppid", os_getppid}, {"cpu_count", os_cpu_count}, {"strerror", os_strerror},
  {"getenv", os_getenv},   {"listdir", os_listdir},   {"remove", os_remove},
  {"unlink", os_unlink},   {"rmdir", os_rmdir},       {"rename", os_rename},
  {"replace", os_rename},  {"mkdir", os_mkdir},       {"makedirs", os_makedirs},
  {"urandom", os_urandom}, {"stat", os_stat},         {"walk", os_walk},
  {NULL, NULL},
};

AwModule *aw_open_os(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "os");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  bool ok = add_fns(vm, m, os_fns) && add_constants(vm, m) && add_str(vm, m, "name", "posix") &&
            add_str(vm, m, "linesep", "\n") && add_environ(vm, m) && add_stat_class(vm, m);
  // os.path: opened here and cached as "os.path" so `import os.path`
  // finds the same module without re-entering this opener.
  if (ok) {
    AwValue path = aw_dict_get_cstr(vm, vm->modules, "os.path");
    if (!AW_IS_KIND(path, AW_OBJ_MODULE)) {
      AwModule *pm = aw_open_os_path(vm);
      ok = pm && aw_dict_set_cstr(vm, vm->modules, "os.path", AW_OBJ(pm));
      path = pm ? AW_OBJ(pm) : AW_UNDEF;
    }
    ok = ok && aw_module_add_value(vm, m, "path", path);
  }
  aw_pop_root(vm);
  return ok ? m : NULL;
}

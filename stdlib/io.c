// stdlib/io.c -- file objects (open() results and the VM's stdin/stdout/
// stderr), their methods, OSError construction from errno, and the small
// `io` module (UnsupportedOperation, StringIO). Text files are UTF-8.
// The GC closes a collected file's FILE* (gc.c); builtins open() is here
// as aw_file_open.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/vm.h"

#define AW_FILE_STD (AW_FILE_STDIN | AW_FILE_STDOUT | AW_FILE_STDERR)
// The last operation on a read+write FILE*: C requires a seek between a
// write and a following read (and back), so one is inserted on a switch.
#define AW_FILE_LAST_READ 0x10
#define AW_FILE_LAST_WRITE 0x20

// ---- errors -------------------------------------------------------------------

static AwClass *errno_class(AwVM *vm, int err) {
  switch (err) {
    case ENOENT: return AW_EXCCLS(vm, FileNotFoundError);
    case EEXIST: return AW_EXCCLS(vm, FileExistsError);
    case EISDIR: return AW_EXCCLS(vm, IsADirectoryError);
    case ENOTDIR: return AW_EXCCLS(vm, NotADirectoryError);
    case EACCES:
    case EPERM: return AW_EXCCLS(vm, PermissionError);
    case EINTR: return AW_EXCCLS(vm, InterruptedError);
    case ECHILD: return AW_EXCCLS(vm, ChildProcessError);
    case ESRCH: return AW_EXCCLS(vm, ProcessLookupError);
    case EPIPE:
    case ESHUTDOWN: return AW_EXCCLS(vm, BrokenPipeError);
    case ECONNREFUSED: return AW_EXCCLS(vm, ConnectionRefusedError);
    case ECONNRESET: return AW_EXCCLS(vm, ConnectionResetError);
    case ECONNABORTED: return AW_EXCCLS(vm, ConnectionAbortedError);
    case ETIMEDOUT: return AW_EXCCLS(vm, TimeoutError);
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS: return AW_EXCCLS(vm, BlockingIOError);
    default: return AW_EXCCLS(vm, OSError);
  }
}

AwValue aw_io_raise_errno(AwVM *vm, int err, AwValue filename) {
  AwValue strerr = aw_str_from_cstr(vm, strerror(err));
  if (AW_IS_EXC(strerr)) return AW_EXC;
  // OSError's constructor (error.c) sets errno/strerror/filename and the
  // "[Errno N] msg: 'file'" text from these args.
  AwValue args[3] = {AW_INT(err), strerr, filename};
  bool has_name = !AW_IS_UNDEF(filename) && !AW_IS_NONE(filename);
  return aw_raise_args(vm, errno_class(vm, err), has_name ? 3 : 2, args);
}

// io.UnsupportedOperation("not readable").
static AwValue raise_unsupported(AwVM *vm, const char *msg) {
  AwValue io = aw_str_from_cstr(vm, "io");
  if (!AW_IS_EXC(io)) io = aw_import(vm, io);
  AwValue cls = AW_UNDEF;
  if (AW_IS_KIND(io, AW_OBJ_MODULE))
    cls = aw_dict_get_cstr(vm, ((AwModule *)AW_AS_OBJ(io))->dict, "UnsupportedOperation");
  else if (AW_IS_EXC(io))
    aw_exc_take(vm);
  if (!AW_IS_CLASS(cls)) cls = AW_OBJ(AW_EXCCLS(vm, OSError));
  return aw_raisef(vm, AW_AS_CLASS(cls), "%s", msg);
}

// ---- the file object -----------------------------------------------------------

static bool file_closed(AwFile *f) {
  if (f->obj.flags & AW_FILE_STD) return (f->obj.flags & AW_FILE_CLOSED) != 0;
  return f->fp == NULL;
}

static FILE *file_fp(AwFile *f) {
  if (f->obj.flags & AW_FILE_STDIN) return stdin;
  return (FILE *)f->fp;
}

// Checks that argv[0] is an open file; NULL with an exception otherwise.
static AwFile *self_file(AwVM *vm, AwValue self) {
  if (!AW_IS_KIND(self, AW_OBJ_FILE)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "descriptor requires a file object, not '%s'",
              aw_type_name(vm, self));
    return NULL;
  }
  AwFile *f = (AwFile *)AW_AS_OBJ(self);
  if (file_closed(f)) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "I/O operation on closed file.");
    return NULL;
  }
  return f;
}

static AwFile *readable_file(AwVM *vm, AwValue self) {
  AwFile *f = self_file(vm, self);
  if (!f) return NULL;
  if (!f->readable) {
    raise_unsupported(vm, "not readable");
    return NULL;
  }
  if ((f->obj.flags & AW_FILE_LAST_WRITE) && f->fp) fseek((FILE *)f->fp, 0, SEEK_CUR);
  f->obj.flags = (uint16_t)((f->obj.flags & ~AW_FILE_LAST_WRITE) | AW_FILE_LAST_READ);
  return f;
}

static AwFile *writable_file(AwVM *vm, AwValue self) {
  AwFile *f = self_file(vm, self);
  if (!f) return NULL;
  if (!f->writable) {
    raise_unsupported(vm, "not writable");
    return NULL;
  }
  if ((f->obj.flags & AW_FILE_LAST_READ) && f->fp) fseek((FILE *)f->fp, 0, SEEK_CUR);
  f->obj.flags = (uint16_t)((f->obj.flags & ~AW_FILE_LAST_READ) | AW_FILE_LAST_WRITE);
  return f;
}

static AwValue read_error(AwVM *vm, AwFile *f) {
  int err = errno ? errno : EIO;
  clearerr(file_fp(f));
  return aw_io_raise_errno(vm, err, AW_UNDEF);
}

// Turns bytes read from a text file into a str: UTF-8 checked, "\r\n" -> "\n".
static AwValue text_result(AwVM *vm, AwBuf *b) {
  if (b->failed) {
    aw_buf_free(vm, b);
    return AW_EXC;
  }
  size_t w = 0;
  for (size_t r = 0; r < b->len; r++) {
    if (b->data[r] == '\r' && r + 1 < b->len && b->data[r + 1] == '\n') continue;
    b->data[w++] = b->data[r];
  }
  AwValue s = aw_str_new_checked(vm, b->data ? b->data : "", w);
  aw_buf_free(vm, b);
  return s;
}

static AwValue bytes_result(AwVM *vm, AwBuf *b) {
  if (b->failed) {
    aw_buf_free(vm, b);
    return AW_EXC;
  }
  AwValue v = aw_bytes_new(vm, b->data ? b->data : "", b->len);
  aw_buf_free(vm, b);
  return v;
}

// Reads bytes into [chunk] up to and including '\n' (or [cap] bytes or
// EOF) with the interpreter lock released: only C stdio is touched.
static size_t read_chunk(AwVM *vm, FILE *fp, char *chunk, size_t cap, bool *eol) {
  size_t n = 0;
  int c = 0;
  aw_gil_release(vm);
  while (n < cap && (c = getc(fp)) != EOF) {
    chunk[n++] = (char)c;
    if (c == '\n') break;
  }
  aw_gil_acquire(vm);
  *eol = c == '\n' || c == EOF;
  return n;
}

// Appends one line (through '\n', or to EOF) to [b]; false on error. A
// [limit] >= 0 counts bytes (binary) or code points (text).
static bool read_line_into(AwVM *vm, AwFile *f, AwBuf *b, int64_t limit) {
  FILE *fp = file_fp(f);
  int c;
  errno = 0;
  if (limit < 0) {
    char chunk[4096];
    bool eol = false;
    while (!eol) {
      size_t n = read_chunk(vm, fp, chunk, sizeof chunk, &eol);
      if (n && !aw_buf_append(vm, b, chunk, n)) return false;
    }
  } else {
    int64_t n = 0;
    while (n < limit && (c = getc(fp)) != EOF) {
      if (!aw_buf_putc(vm, b, (char)c)) return false;
      // In text mode a limit counts code points: finish the sequence.
      if (f->binary || ((unsigned)c & 0xC0) != 0x80) n++;
      if (c == '\n') break;
    }
    if (!f->binary) {
      while ((c = getc(fp)) != EOF && ((unsigned)c & 0xC0) == 0x80)
        if (!aw_buf_putc(vm, b, (char)c)) return false;
      if (c != EOF) ungetc(c, fp);
    }
  }
  if (ferror(fp)) {
    read_error(vm, f);
    return false;
  }
  return true;
}

static AwValue line_result(AwVM *vm, AwFile *f, AwBuf *b) {
  if (f->binary) return bytes_result(vm, b);
  return text_result(vm, b);
}

static bool size_arg(AwVM *vm, int argc, AwValue *argv, int64_t *size) {
  *size = -1;
  if (argc > 1 && !AW_IS_NONE(argv[1]) && !aw_index(vm, argv[1], size)) return false;
  return true;
}

static AwValue file_read(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "read", argc, kwnames, 1, 2)) return AW_EXC;
  AwFile *f = readable_file(vm, argv[0]);
  if (!f) return AW_EXC;
  int64_t size;
  if (!size_arg(vm, argc, argv, &size)) return AW_EXC;
  FILE *fp = file_fp(f);
  AwBuf b;
  aw_buf_init(&b);
  errno = 0;
  if (size < 0 || f->binary) {
    char chunk[8192];
    size_t want = size < 0 ? sizeof chunk : 0;
    int64_t left = size;
    for (;;) {
      if (size >= 0) want = left < (int64_t)sizeof chunk ? (size_t)left : sizeof chunk;
      if (want == 0) break;
      aw_gil_release(vm);  // fread touches only C stdio and [chunk]
      size_t got = fread(chunk, 1, want, fp);
      aw_gil_acquire(vm);
      if (got && !aw_buf_append(vm, &b, chunk, got)) break;
      if (size >= 0) left -= (int64_t)got;
      if (got < want) break;
    }
  } else {
    // Text read(n): n code points.
    for (int64_t i = 0; i < size; i++) {
      int c = getc(fp);
      if (c == EOF) break;
      if (c == '\r') {
        int d = getc(fp);
        if (d == '\n') c = '\n';
        else if (d != EOF) ungetc(d, fp);
      }
      aw_buf_putc(vm, &b, (char)c);
      int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      while (extra-- > 0 && (c = getc(fp)) != EOF) aw_buf_putc(vm, &b, (char)c);
    }
  }
  if (ferror(fp)) {
    aw_buf_free(vm, &b);
    return read_error(vm, f);
  }
  return line_result(vm, f, &b);
}

static AwValue file_readline(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "readline", argc, kwnames, 1, 2)) return AW_EXC;
  AwFile *f = readable_file(vm, argv[0]);
  if (!f) return AW_EXC;
  int64_t size;
  if (!size_arg(vm, argc, argv, &size)) return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  if (!read_line_into(vm, f, &b, size)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  return line_result(vm, f, &b);
}

static AwValue file_readlines(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "readlines", argc, kwnames, 1, 2)) return AW_EXC;
  AwFile *f = readable_file(vm, argv[0]);
  if (!f) return AW_EXC;
  int64_t hint;
  if (!size_arg(vm, argc, argv, &hint)) return AW_EXC;
  AwList *l = aw_list_new(vm, 0);
  if (!l) return AW_EXC;
  int64_t total = 0;
  for (;;) {
    AwBuf b;
    aw_buf_init(&b);
    if (!read_line_into(vm, f, &b, -1)) {
      aw_buf_free(vm, &b);
      return AW_EXC;
    }
    if (b.len == 0) {
      aw_buf_free(vm, &b);
      break;
    }
    total += (int64_t)b.len;
    AwValue line = line_result(vm, f, &b);
    if (AW_IS_EXC(line) || !aw_list_append(vm, l, line)) return AW_EXC;
    if (hint > 0 && total >= hint) break;
  }
  return AW_OBJ(l);
}

// Writes [data] (str for text files, bytes for binary ones); returns the
// count CPython returns (code points or bytes).
static AwValue file_write_value(AwVM *vm, AwFile *f, AwValue data) {
  const char *p;
  size_t n;
  int64_t count;
  if (f->binary) {
    if (!AW_IS_BYTES(data))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "a bytes-like object is required, not '%s'",
                       aw_type_name(vm, data));
    p = (const char *)AW_AS_BYTES(data)->data;
    n = (size_t)AW_AS_BYTES(data)->len;
    count = (int64_t)n;
  } else {
    if (!AW_IS_STR(data))
      return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "write() argument must be str, not %s",
                       aw_type_name(vm, data));
    p = AW_AS_STR(data)->data;
    n = (size_t)AW_AS_STR(data)->nbytes;
    count = AW_AS_STR(data)->nchars;
  }
  if (f->obj.flags & AW_FILE_STDOUT) {
    aw_write_out(vm, p, n);
  } else if (f->obj.flags & AW_FILE_STDERR) {
    aw_write_err(vm, p, n);
  } else {
    errno = 0;
    // [data] stays rooted in the caller's argv and objects never move, so
    // the bytes can be written with the interpreter lock released.
    aw_gil_release(vm);
    size_t put = n ? fwrite(p, 1, n, (FILE *)f->fp) : 0;
    aw_gil_acquire(vm);
    if (put != n) return read_error(vm, f);
  }
  return AW_INT(count);
}

static AwValue file_write(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "write", argc, kwnames, 2, 2)) return AW_EXC;
  AwFile *f = writable_file(vm, argv[0]);
  if (!f) return AW_EXC;
  return file_write_value(vm, f, argv[1]);
}

static AwValue file_writelines(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "writelines", argc, kwnames, 2, 2)) return AW_EXC;
  if (!writable_file(vm, argv[0])) return AW_EXC;
  AwValue it = aw_get_iter(vm, argv[1]);
  if (AW_IS_EXC(it)) return AW_EXC;
  aw_push_root(vm, it);
  for (;;) {
    AwValue v = aw_iter_next(vm, it);
    if (AW_IS_UNDEF(v)) break;
    AwFile *f = AW_IS_EXC(v) ? NULL : writable_file(vm, argv[0]);
    if (!f || AW_IS_EXC(file_write_value(vm, f, v))) {
      aw_pop_root(vm);
      return AW_EXC;
    }
  }
  aw_pop_root(vm);
  return AW_NONE;
}

static AwValue file_flush(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "flush", argc, kwnames, 1, 1)) return AW_EXC;
  AwFile *f = self_file(vm, argv[0]);
  if (!f) return AW_EXC;
  if (f->obj.flags & AW_FILE_STDOUT) fflush(stdout);
  else if (f->obj.flags & AW_FILE_STDERR) fflush(stderr);
  else if (f->fp && f->writable) fflush((FILE *)f->fp);
  return AW_NONE;
}

static AwValue file_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "close", argc, kwnames, 1, 1)) return AW_EXC;
  if (!AW_IS_KIND(argv[0], AW_OBJ_FILE)) return self_file(vm, argv[0]) ? AW_NONE : AW_EXC;
  AwFile *f = (AwFile *)AW_AS_OBJ(argv[0]);
  if (f->obj.flags & AW_FILE_STD) {
    f->obj.flags |= AW_FILE_CLOSED;
    return AW_NONE;
  }
  if (f->fp) {
    FILE *fp = (FILE *)f->fp;
    f->fp = NULL;
    errno = 0;
    if (fclose(fp) != 0) return aw_io_raise_errno(vm, errno ? errno : EIO, AW_UNDEF);
  }
  return AW_NONE;
}

static AwValue file_enter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  if (!self_file(vm, argv[0])) return AW_EXC;
  return argv[0];
}

static AwValue file_exit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  if (AW_IS_EXC(file_close(vm, 1, argv, NULL))) return AW_EXC;
  return AW_NONE;
}

static AwValue file_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  if (!self_file(vm, argv[0])) return AW_EXC;
  return argv[0];
}

static AwValue file_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwFile *f = readable_file(vm, argv[0]);
  if (!f) return AW_EXC;
  AwBuf b;
  aw_buf_init(&b);
  if (!read_line_into(vm, f, &b, -1)) {
    aw_buf_free(vm, &b);
    return AW_EXC;
  }
  if (b.len == 0) {
    aw_buf_free(vm, &b);
    return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 0, NULL);
  }
  return line_result(vm, f, &b);
}

static AwValue file_seek(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "seek", argc, kwnames, 2, 3)) return AW_EXC;
  AwFile *f = self_file(vm, argv[0]);
  if (!f) return AW_EXC;
  int64_t off, whence = 0;
  if (!aw_index(vm, argv[1], &off)) return AW_EXC;
  if (argc > 2 && !aw_index(vm, argv[2], &whence)) return AW_EXC;
  if (whence < 0 || whence > 2)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "invalid whence (%lld, should be 0, 1 or 2)",
                     (long long)whence);
  if (!f->binary && whence != 0 && off != 0)
    return raise_unsupported(vm, whence == 1 ? "can't do nonzero cur-relative seeks"
                                             : "can't do nonzero end-relative seeks");
  FILE *fp = file_fp(f);
  if (!fp || (f->obj.flags & (AW_FILE_STDOUT | AW_FILE_STDERR)))
    return raise_unsupported(vm, "underlying stream is not seekable");
  int w = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END;
  if (fseeko(fp, (off_t)off, w) != 0) return aw_io_raise_errno(vm, errno, AW_UNDEF);
  f->obj.flags &= (uint16_t)~(AW_FILE_LAST_READ | AW_FILE_LAST_WRITE);
  return AW_INT((int64_t)ftello(fp));
}

static AwValue file_tell(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "tell", argc, kwnames, 1, 1)) return AW_EXC;
  AwFile *f = self_file(vm, argv[0]);
  if (!f) return AW_EXC;
  FILE *fp = file_fp(f);
  if (!fp || (f->obj.flags & (AW_FILE_STDOUT | AW_FILE_STDERR)))
    return raise_unsupported(vm, "underlying stream is not seekable");
  off_t pos = ftello(fp);
  if (pos < 0) return aw_io_raise_errno(vm, errno, AW_UNDEF);
  return AW_INT((int64_t)pos);
}

static AwValue file_fileno(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "fileno", argc, kwnames, 1, 1)) return AW_EXC;
  AwFile *f = self_file(vm, argv[0]);
  if (!f) return AW_EXC;
  uint16_t fl = f->obj.flags;
  if (fl & AW_FILE_STDIN) return AW_INT(0);
  if (fl & AW_FILE_STDOUT) return AW_INT(1);
  if (fl & AW_FILE_STDERR) return AW_INT(2);
  return AW_INT(fileno((FILE *)f->fp));
}

static AwValue file_isatty(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  AwValue fd = file_fileno(vm, argc, argv, kwnames);
  if (AW_IS_EXC(fd)) return AW_EXC;
  return AW_BOOL(isatty((int)AW_AS_INT(fd)));
}

static AwValue file_readable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "readable", argc, kwnames, 1, 1)) return AW_EXC;
  AwFile *f = self_file(vm, argv[0]);
  return f ? AW_BOOL(f->readable) : AW_EXC;
}

static AwValue file_writable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "writable", argc, kwnames, 1, 1)) return AW_EXC;
  AwFile *f = self_file(vm, argv[0]);
  return f ? AW_BOOL(f->writable) : AW_EXC;
}

static AwValue file_seekable(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "seekable", argc, kwnames, 1, 1)) return AW_EXC;
  AwFile *f = self_file(vm, argv[0]);
  if (!f) return AW_EXC;
  if (f->obj.flags & AW_FILE_STD) return AW_FALSE;
  return AW_BOOL(ftello((FILE *)f->fp) >= 0);
}

static AwValue file_repr(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  if (!AW_IS_KIND(argv[0], AW_OBJ_FILE)) return AW_EXC;
  AwFile *f = (AwFile *)AW_AS_OBJ(argv[0]);
  if (f->binary)
    return aw_str_format(vm, "<_io.%s name=%R>", f->writable && !f->readable ? "BufferedWriter"
                                                  : f->writable ? "BufferedRandom"
                                                                : "BufferedReader",
                         f->name);
  return aw_str_format(vm, "<_io.TextIOWrapper name=%R mode=%R encoding='%s'>", f->name, f->mode,
                       (f->obj.flags & AW_FILE_STD) ? "utf-8" : "UTF-8");
}

// ---- properties ------------------------------------------------------------------

static AwValue file_get_closed(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)vm;
  (void)argc;
  (void)kwnames;
  if (!AW_IS_KIND(argv[0], AW_OBJ_FILE)) return AW_FALSE;
  return AW_BOOL(file_closed((AwFile *)AW_AS_OBJ(argv[0])));
}

static AwValue file_get_name(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)vm;
  (void)argc;
  (void)kwnames;
  return AW_IS_KIND(argv[0], AW_OBJ_FILE) ? ((AwFile *)AW_AS_OBJ(argv[0]))->name : AW_NONE;
}

static AwValue file_get_mode(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)vm;
  (void)argc;
  (void)kwnames;
  return AW_IS_KIND(argv[0], AW_OBJ_FILE) ? ((AwFile *)AW_AS_OBJ(argv[0]))->mode : AW_NONE;
}

static AwValue file_get_encoding(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  bool std = AW_IS_KIND(argv[0], AW_OBJ_FILE) && (AW_AS_OBJ(argv[0])->flags & AW_FILE_STD);
  return aw_str_from_cstr(vm, std ? "utf-8" : "UTF-8");
}

static AwFile *file_alloc(AwVM *vm, bool binary);

// sys.stdout.buffer & co: a binary file object on the same std stream.
static AwValue file_get_buffer(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  if (!AW_IS_KIND(argv[0], AW_OBJ_FILE) || !(AW_AS_OBJ(argv[0])->flags & AW_FILE_STD))
    return aw_raisef(vm, AW_EXCCLS(vm, AttributeError), "'%s' object has no attribute 'buffer'",
                     aw_type_name(vm, argv[0]));
  AwFile *src = (AwFile *)AW_AS_OBJ(argv[0]);
  AwFile *f = file_alloc(vm, true);
  if (!f) return AW_EXC;
  f->obj.flags = src->obj.flags & (AW_FILE_STD | AW_FILE_CLOSED);
  f->readable = src->readable;
  f->writable = src->writable;
  f->name = src->name;
  f->mode = aw_str_from_cstr(vm, src->readable ? "rb" : "wb");
  return AW_IS_EXC(f->mode) ? AW_EXC : AW_OBJ(f);
}

// A computed read-only attribute (f.closed, f.name ...).
static bool add_property(AwVM *vm, AwClass *cls, const char *name, AwNativeFn fn) {
  return aw_class_add_native(vm, cls, name, fn, AW_NATIVE_GETTER);
}

typedef struct {
  const char *name;
  AwNativeFn fn;
} FileMethod;

static const FileMethod file_methods[] = {
  {"read", file_read},           {"readline", file_readline},
  {"readlines", file_readlines}, {"write", file_write},
  {"writelines", file_writelines}, {"flush", file_flush},
  {"close", file_close},         {"__enter__", file_enter},
  {"__exit__", file_exit},       {"__iter__", file_iter},
  {"__next__", file_next},       {"seek", file_seek},
  {"tell", file_tell},           {"fileno", file_fileno},
  {"isatty", file_isatty},       {"readable", file_readable},
  {"writable", file_writable},   {"seekable", file_seekable},
  {"__repr__", file_repr},       {NULL, NULL},
};

static const FileMethod file_props[] = {
  {"closed", file_get_closed}, {"name", file_get_name},
  {"mode", file_get_mode},     {NULL, NULL},
};

bool aw_io_init_classes(AwVM *vm) {
  AwClass *classes[2] = {AW_CLS(vm, file), AW_CLS(vm, binary_file)};
  for (int c = 0; c < 2; c++) {
    for (const FileMethod *m = file_methods; m->name; m++)
      if (!aw_class_add_native(vm, classes[c], m->name, m->fn, AW_NATIVE_METHOD)) return false;
    for (const FileMethod *m = file_props; m->name; m++)
      if (!add_property(vm, classes[c], m->name, m->fn)) return false;
  }
  return add_property(vm, AW_CLS(vm, file), "encoding", file_get_encoding) &&
         add_property(vm, AW_CLS(vm, file), "buffer", file_get_buffer);
}

// ---- opening ---------------------------------------------------------------------

static AwFile *file_alloc(AwVM *vm, bool binary) {
  AwClass *cls = binary ? AW_CLS(vm, binary_file) : AW_CLS(vm, file);
  AwFile *f = (AwFile *)aw_obj_alloc(vm, sizeof(AwFile), AW_OBJ_FILE, cls);
  if (!f) return NULL;
  f->fp = NULL;
  f->name = AW_NONE;
  f->mode = AW_NONE;
  f->binary = binary;
  f->readable = f->writable = false;
  return f;
}

AwValue aw_file_open(AwVM *vm, AwValue path, AwValue mode) {
  if (!AW_IS_STR(path)) {
    if (AW_IS_INTLIKE(path))
      return aw_raisef(vm, AW_EXCCLS(vm, NotImplementedError),
                       "open() of a file descriptor is not supported");
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "expected str, bytes or os.PathLike object, not %s", aw_type_name(vm, path));
  }
  AwStr *m = AW_AS_STR(mode);
  int rwax = 0, plus = 0, b = 0, t = 0;
  char kind = 0;
  for (int64_t i = 0; i < m->nbytes; i++) {
    char c = m->data[i];
    const char *seen = strchr("rwax+bt", c);
    if (!seen || c == 0 || memchr(m->data, c, (size_t)i))
      return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "invalid mode: %R", mode);
    if (c == '+') plus = 1;
    else if (c == 'b') b = 1;
    else if (c == 't') t = 1;
    else {
      rwax++;
      kind = c;
    }
  }
  if (b && t)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "can't have text and binary mode at once");
  if (rwax != 1)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError),
                     "must have exactly one of create/read/write/append mode");
  const char *cmode;
  switch (kind) {
    case 'r': cmode = plus ? "r+b" : "rb"; break;
    case 'w': cmode = plus ? "w+b" : "wb"; break;
    case 'a': cmode = plus ? "a+b" : "ab"; break;
    default: cmode = plus ? "w+bx" : "wbx"; break;
  }
  AwStr *p = AW_AS_STR(path);
  if ((int64_t)strlen(p->data) != p->nbytes)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "embedded null byte");
  AwFile *f = file_alloc(vm, b != 0);
  if (!f) return AW_EXC;
  errno = 0;
  FILE *fp = fopen(p->data, cmode);
  if (!fp) return aw_io_raise_errno(vm, errno, path);
  // fopen("r") succeeds on a directory; CPython reports EISDIR.
  struct stat st;
  if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(fp);
    return aw_io_raise_errno(vm, EISDIR, path);
  }
  f->fp = fp;
  f->name = path;
  f->mode = mode;
  f->readable = kind == 'r' || plus;
  f->writable = kind != 'r' || plus;
  return AW_OBJ(f);
}

AwValue aw_io_std_stream(AwVM *vm, int which) {
  static const char *const names[3] = {"<stdin>", "<stdout>", "<stderr>"};
  static const uint16_t flags[3] = {AW_FILE_STDIN, AW_FILE_STDOUT, AW_FILE_STDERR};
  AwFile *f = file_alloc(vm, false);
  if (!f) return AW_EXC;
  f->obj.flags = flags[which];
  f->readable = which == 0;
  f->writable = which != 0;
  f->name = aw_str_from_cstr(vm, names[which]);
  if (AW_IS_EXC(f->name)) return AW_EXC;
  f->mode = aw_str_from_cstr(vm, which == 0 ? "r" : "w");
  if (AW_IS_EXC(f->mode)) return AW_EXC;
  return AW_OBJ(f);
}

AwStr *aw_io_readline(AwVM *vm, AwValue file) {
  AwValue v;
  if (AW_IS_KIND(file, AW_OBJ_FILE)) {
    v = file_readline(vm, 1, &file, NULL);
  } else {
    AwValue name = aw_str_intern(vm, "readline", 8);
    if (AW_IS_EXC(name)) return NULL;
    v = aw_call_method(vm, file, name, 0, NULL);
  }
  if (AW_IS_EXC(v)) return NULL;
  if (!AW_IS_STR(v)) {
    aw_raisef(vm, AW_EXCCLS(vm, TypeError), "object.readline() returned non-string");
    return NULL;
  }
  return AW_AS_STR(v);
}

bool aw_io_write(AwVM *vm, AwValue file, AwValue data) {
  if (AW_IS_KIND(file, AW_OBJ_FILE)) {
    AwFile *f = writable_file(vm, file);
    return f && !AW_IS_EXC(file_write_value(vm, f, data));
  }
  return !AW_IS_EXC(aw_call_method(vm, file, AW_N(vm, write), 1, &data));
}

// ---- the io module: UnsupportedOperation and StringIO ---------------------------------
//
// StringIO is a user-level class whose state lives in instance attributes
// (_buf: list of str pieces written, _val: the joined text once read, _pos).
// Kept deliberately small: write, getvalue, read, readline, iteration, close.

static AwValue sio_self_dict(AwVM *vm, AwValue self, AwDict **out) {
  if (!AW_IS_KIND(self, AW_OBJ_INSTANCE))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "StringIO method called on a non-StringIO");
  *out = AW_AS_INSTANCE(self)->dict;
  AwValue closed = aw_dict_get_cstr(vm, *out, "_closed");
  if (AW_IS_BOOL(closed) && AW_AS_BOOL(closed))
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "I/O operation on closed file");  // sic: no period
  return AW_NONE;
}

static AwValue sio_init(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  static const char *const names[] = {"", "initial_value", "newline", NULL};
  AwValue a[3];
  if (!aw_parse_args(vm, "StringIO", argc, argv, kwnames, 1, names, a)) return AW_EXC;
  AwDict *d;
  if (!AW_IS_KIND(argv[0], AW_OBJ_INSTANCE))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "StringIO.__init__ needs an instance");
  d = AW_AS_INSTANCE(argv[0])->dict;
  AwValue init = AW_IS_UNDEF(a[1]) || AW_IS_NONE(a[1]) ? vm->empty_str : a[1];
  if (!AW_IS_STR(init))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError),
                     "initial_value must be str or None, not %s", aw_type_name(vm, init));
  if (!aw_dict_set_cstr(vm, d, "_val", init) || !aw_dict_set_cstr(vm, d, "_pos", AW_INT(0)) ||
      !aw_dict_set_cstr(vm, d, "_closed", AW_FALSE))
    return AW_EXC;
  return AW_NONE;
}

// The StringIO's text and position (code points).
static bool sio_state(AwVM *vm, AwDict *d, AwStr **val, int64_t *pos) {
  AwValue v = aw_dict_get_cstr(vm, d, "_val");
  AwValue p = aw_dict_get_cstr(vm, d, "_pos");
  if (!AW_IS_STR(v) || !AW_IS_INT(p)) {
    aw_raisef(vm, AW_EXCCLS(vm, ValueError), "I/O operation on uninitialized object");
    return false;
  }
  *val = AW_AS_STR(v);
  *pos = AW_AS_INT(p);
  return true;
}

static AwValue sio_write(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "write", argc, kwnames, 2, 2)) return AW_EXC;
  AwDict *d;
  if (AW_IS_EXC(sio_self_dict(vm, argv[0], &d))) return AW_EXC;
  if (!AW_IS_STR(argv[1]))
    return aw_raisef(vm, AW_EXCCLS(vm, TypeError), "string argument expected, got '%s'",
                     aw_type_name(vm, argv[1]));
  AwStr *val, *s = AW_AS_STR(argv[1]);
  int64_t pos;
  if (!sio_state(vm, d, &val, &pos)) return AW_EXC;
  // Overwrite from pos (padding with NULs past the end, as CPython does).
  AwBuf b;
  aw_buf_init(&b);
  int64_t cut = pos < val->nchars ? pos : val->nchars;
  aw_buf_append(vm, &b, val->data, (size_t)aw_str_byte_offset(val, cut));
  for (int64_t i = val->nchars; i < pos; i++) aw_buf_putc(vm, &b, '\0');
  aw_buf_append(vm, &b, s->data, (size_t)s->nbytes);
  int64_t end = pos + s->nchars;
  if (end < val->nchars) {
    int64_t off = aw_str_byte_offset(val, end);
    aw_buf_append(vm, &b, val->data + off, (size_t)(val->nbytes - off));
  }
  AwValue nv = aw_buf_to_str(vm, &b);
  if (AW_IS_EXC(nv)) return AW_EXC;
  if (!aw_dict_set_cstr(vm, d, "_val", nv) || !aw_dict_set_cstr(vm, d, "_pos", AW_INT(end)))
    return AW_EXC;
  return AW_INT(s->nchars);
}

static AwValue sio_getvalue(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "getvalue", argc, kwnames, 1, 1)) return AW_EXC;
  AwDict *d;
  if (AW_IS_EXC(sio_self_dict(vm, argv[0], &d))) return AW_EXC;
  AwStr *val;
  int64_t pos;
  if (!sio_state(vm, d, &val, &pos)) return AW_EXC;
  return AW_OBJ(val);
}

// Reads [n] code points (n < 0: all) or one line from the position.
static AwValue sio_read_common(AwVM *vm, AwValue self, int64_t n, bool line) {
  AwDict *d;
  if (AW_IS_EXC(sio_self_dict(vm, self, &d))) return AW_EXC;
  AwStr *val;
  int64_t pos;
  if (!sio_state(vm, d, &val, &pos)) return AW_EXC;
  if (pos >= val->nchars) return vm->empty_str;
  int64_t start = aw_str_byte_offset(val, pos);
  int64_t endc = n < 0 || pos + n > val->nchars ? val->nchars : pos + n;
  int64_t end = aw_str_byte_offset(val, endc);
  if (line) {
    const char *nl = memchr(val->data + start, '\n', (size_t)(end - start));
    if (nl) {
      end = nl - val->data + 1;
      endc = pos;
      for (int64_t i = start; i < end; i++)
        if (((unsigned char)val->data[i] & 0xC0) != 0x80) endc++;
    }
  }
  if (!aw_dict_set_cstr(vm, d, "_pos", AW_INT(endc))) return AW_EXC;
  return aw_str_new(vm, val->data + start, (size_t)(end - start));
}

static AwValue sio_read(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "read", argc, kwnames, 1, 2)) return AW_EXC;
  int64_t n;
  if (!size_arg(vm, argc, argv, &n)) return AW_EXC;
  return sio_read_common(vm, argv[0], n, false);
}

static AwValue sio_readline(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "readline", argc, kwnames, 1, 2)) return AW_EXC;
  int64_t n;
  if (!size_arg(vm, argc, argv, &n)) return AW_EXC;
  return sio_read_common(vm, argv[0], n, true);
}

static AwValue sio_next(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwValue v = sio_read_common(vm, argv[0], -1, true);
  if (AW_IS_EXC(v)) return v;
  if (AW_AS_STR(v)->nbytes == 0) return aw_raise_args(vm, AW_EXCCLS(vm, StopIteration), 0, NULL);
  return v;
}

static AwValue sio_iter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwDict *d;
  if (AW_IS_EXC(sio_self_dict(vm, argv[0], &d))) return AW_EXC;
  return argv[0];
}

static AwValue sio_seek(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "seek", argc, kwnames, 2, 3)) return AW_EXC;
  AwDict *d;
  if (AW_IS_EXC(sio_self_dict(vm, argv[0], &d))) return AW_EXC;
  int64_t pos, whence = 0;
  if (!aw_index(vm, argv[1], &pos)) return AW_EXC;
  if (argc > 2 && !aw_index(vm, argv[2], &whence)) return AW_EXC;
  AwStr *val;
  int64_t cur;
  if (!sio_state(vm, d, &val, &cur)) return AW_EXC;
  if (whence == 2) pos = val->nchars;
  else if (whence == 1) pos = cur;
  else if (pos < 0)
    return aw_raisef(vm, AW_EXCCLS(vm, ValueError), "Negative seek position %lld",
                     (long long)pos);
  if (!aw_dict_set_cstr(vm, d, "_pos", AW_INT(pos))) return AW_EXC;
  return AW_INT(pos);
}

static AwValue sio_tell(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  if (!aw_check_argc(vm, "tell", argc, kwnames, 1, 1)) return AW_EXC;
  AwDict *d;
  if (AW_IS_EXC(sio_self_dict(vm, argv[0], &d))) return AW_EXC;
  AwStr *val;
  int64_t pos;
  if (!sio_state(vm, d, &val, &pos)) return AW_EXC;
  return AW_INT(pos);
}

static AwValue sio_close(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  if (!AW_IS_KIND(argv[0], AW_OBJ_INSTANCE)) return AW_NONE;
  if (!aw_dict_set_cstr(vm, AW_AS_INSTANCE(argv[0])->dict, "_closed", AW_TRUE)) return AW_EXC;
  return AW_NONE;
}

static AwValue sio_flush(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  AwDict *d;
  return AW_IS_EXC(sio_self_dict(vm, argv[0], &d)) ? AW_EXC : AW_NONE;
}

static AwValue sio_enter(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  return AW_IS_EXC(sio_flush(vm, argc, argv, kwnames)) ? AW_EXC : argv[0];
}

static AwValue sio_exit(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  return sio_close(vm, 1, argv, kwnames);
}

static AwValue sio_get_closed(AwVM *vm, int argc, AwValue *argv, AwTuple *kwnames) {
  (void)argc;
  (void)kwnames;
  if (!AW_IS_KIND(argv[0], AW_OBJ_INSTANCE)) return AW_FALSE;
  AwValue c = aw_dict_get_cstr(vm, AW_AS_INSTANCE(argv[0])->dict, "_closed");
  return AW_BOOL(AW_IS_BOOL(c) && AW_AS_BOOL(c));
}

static const FileMethod sio_methods[] = {
  {"__init__", sio_init},   {"write", sio_write},       {"getvalue", sio_getvalue},
  {"read", sio_read},       {"readline", sio_readline}, {"__next__", sio_next},
  {"__iter__", sio_iter},   {"seek", sio_seek},         {"tell", sio_tell},
  {"close", sio_close},     {"flush", sio_flush},       {"__enter__", sio_enter},
  {"__exit__", sio_exit},   {NULL, NULL},
};

static AwClass *new_class(AwVM *vm, AwModule *m, const char *name, AwClass *base) {
  AwDict *d = aw_dict_new(vm);
  if (!d) return NULL;
  aw_push_root(vm, AW_OBJ(d));
  AwValue n = aw_str_from_cstr(vm, name);
  AwClass *c = AW_IS_EXC(n) ? NULL : aw_class_new(vm, n, base, d);
  aw_pop_root(vm);
  if (!c) return NULL;
  c->module = aw_str_from_cstr(vm, "io");
  if (AW_IS_EXC(c->module) || !aw_module_add_value(vm, m, name, AW_OBJ(c))) return NULL;
  return c;
}

AwModule *aw_open_io(AwVM *vm) {
  AwModule *m = aw_module_new(vm, "io");
  if (!m) return NULL;
  aw_push_root(vm, AW_OBJ(m));
  AwClass *sio = NULL;
  bool ok = new_class(vm, m, "UnsupportedOperation", AW_EXCCLS(vm, OSError)) &&
            (sio = new_class(vm, m, "StringIO", AW_CLS(vm, object))) &&
            aw_module_add_value(vm, m, "TextIOWrapper", AW_OBJ(AW_CLS(vm, file))) &&
            aw_module_add_value(vm, m, "BufferedReader", AW_OBJ(AW_CLS(vm, binary_file)));
  for (const FileMethod *f = sio_methods; ok && f->name; f++) {
    AwNative *n = aw_native_new(vm, f->name, f->fn, AW_NATIVE_METHOD);
    ok = n && aw_dict_set_cstr(vm, sio->dict, f->name, AW_OBJ(n));
  }
  ok = ok && add_property(vm, sio, "closed", sio_get_closed);
  aw_pop_root(vm);
  return ok ? m : NULL;
}

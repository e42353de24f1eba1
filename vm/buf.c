// vm/buf.c -- AwBuf, the growable byte buffer every string builder uses
// (repr, join, format, %). Memory comes from the VM allocator; the buffer
// is not a GC object. Once an append fails, the buffer is "failed" and all
// later appends are no-ops returning false (MemoryError is pending).
#include <string.h>

#include "vm/vm.h"

void aw_buf_init(AwBuf *b) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
  b->failed = false;
}

// Makes room for [extra] more bytes plus the trailing NUL.
static bool buf_reserve(AwVM *vm, AwBuf *b, size_t extra) {
  if (b->failed) return false;
  if (b->len + extra + 1 <= b->cap) return true;
  size_t need = b->len + extra + 1;
  if (need < b->len) {  // size_t overflow
    b->failed = true;
    aw_raisef(vm, AW_EXCCLS(vm, MemoryError), "out of memory");
    return false;
  }
  size_t cap = b->cap ? b->cap : 32;
  while (cap < need) cap = cap * 2 > cap ? cap * 2 : need;
  char *p = aw_mem_realloc(vm, b->data, b->cap, cap);
  if (!p) {
    b->failed = true;
    return false;
  }
  b->data = p;
  b->cap = cap;
  return true;
}

bool aw_buf_append(AwVM *vm, AwBuf *b, const char *s, size_t n) {
  if (!buf_reserve(vm, b, n)) return false;
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
  return true;
}

bool aw_buf_putc(AwVM *vm, AwBuf *b, char c) {
  if (!buf_reserve(vm, b, 1)) return false;
  b->data[b->len++] = c;
  b->data[b->len] = '\0';
  return true;
}

bool aw_buf_printf(AwVM *vm, AwBuf *b, const char *fmt, ...) {
  if (b->failed) return false;
  va_list ap;
  va_start(ap, fmt);
  char small[128];
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  bool ok;
  if (n < 0) {
    ok = true;  // encoding error in the C library: append nothing
  } else if ((size_t)n < sizeof small) {
    ok = aw_buf_append(vm, b, small, (size_t)n);
  } else if ((ok = buf_reserve(vm, b, (size_t)n))) {
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  }
  va_end(ap2);
  return ok;
}

bool aw_buf_append_str(AwVM *vm, AwBuf *b, AwValue str) {
  AwStr *s = AW_AS_STR(str);
  return aw_buf_append(vm, b, s->data, (size_t)s->nbytes);
}

void aw_buf_free(AwVM *vm, AwBuf *b) {
  if (b->data) aw_mem_free(vm, b->data, b->cap);
  b->data = NULL;
  b->len = b->cap = 0;
}

AwValue aw_buf_to_str(AwVM *vm, AwBuf *b) {
  if (b->failed) {
    aw_buf_free(vm, b);
    return AW_EXC;
  }
  AwValue r = aw_str_new(vm, b->data ? b->data : "", b->len);
  aw_buf_free(vm, b);
  return r;
}

// vm/unicode.c -- lookups into the generated Unicode tables (unicode_db.h):
// property bits by binary search over ranges, and full case mappings
// (single code point runs plus a table of multi-code-point specials).
#include <stddef.h>

#include "vm/unicode.h"

typedef struct {
  uint32_t start;   // first code point of the run
  uint16_t count;   // code points in the run
  uint8_t stride;   // 1, or 2 for alternating upper/lower pairs
  int32_t delta;    // mapped = cp + delta
} UniCaseRun;

typedef struct {
  uint32_t cp;
  uint8_t kind;     // 0 upper, 1 lower, 2 title, 3 casefold
  const char *utf8; // the full mapping
} UniSpecial;

#include "vm/unicode_db.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

unsigned aw_unicode_props(uint32_t cp) {
  size_t lo = 0, hi = COUNT(uni_prop_start);
  while (hi - lo > 1) {  // last start <= cp
    size_t mid = (lo + hi) / 2;
    if (uni_prop_start[mid] <= cp) lo = mid;
    else hi = mid;
  }
  return uni_prop_mask[lo];
}

bool aw_unicode_isprintable(uint32_t cp) { return aw_unicode_props(cp) & AW_UNI_PRINTABLE; }

static uint32_t run_map(const UniCaseRun *runs, size_t n, uint32_t cp) {
  size_t lo = 0, hi = n;
  while (lo < hi) {  // first run with start > cp
    size_t mid = (lo + hi) / 2;
    if (runs[mid].start <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return cp;
  const UniCaseRun *r = &runs[lo - 1];
  uint32_t off = cp - r->start;
  if (off % r->stride || off / r->stride >= r->count) return cp;
  return (uint32_t)((int64_t)cp + r->delta);
}

// Decodes a special mapping's UTF-8 into [out].
static int special(uint32_t cp, int kind, uint32_t out[3]) {
  size_t lo = 0, hi = COUNT(uni_special);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (uni_special[mid].cp < cp) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < COUNT(uni_special) && uni_special[lo].cp == cp; lo++) {
    if (uni_special[lo].kind != kind) continue;
    const unsigned char *p = (const unsigned char *)uni_special[lo].utf8;
    int n = 0;
    while (*p && n < 3) {
      uint32_t c = *p;
      int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      if (len > 1) c &= 0x3Fu >> (len - 1);
      for (int i = 1; i < len; i++) c = (c << 6) | (p[i] & 0x3F);
      out[n++] = c;
      p += len;
    }
    return n;
  }
  return 0;
}

static int map_full(uint32_t cp, int kind, const UniCaseRun *runs, size_t n, uint32_t out[3]) {
  if (cp >= 0x80) {
    int k = special(cp, kind, out);
    if (k) return k;
  }
  out[0] = run_map(runs, n, cp);
  return 1;
}

int aw_unicode_upper(uint32_t cp, uint32_t out[3]) {
  if (cp < 0x80) {
    out[0] = cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return 1;
  }
  return map_full(cp, 0, uni_upper, COUNT(uni_upper), out);
}

int aw_unicode_lower(uint32_t cp, uint32_t out[3]) {
  if (cp < 0x80) {
    out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return 1;
  }
  return map_full(cp, 1, uni_lower, COUNT(uni_lower), out);
}

int aw_unicode_title(uint32_t cp, uint32_t out[3]) {
  if (cp < 0x80) return aw_unicode_upper(cp, out);
  return map_full(cp, 2, uni_title, COUNT(uni_title), out);
}

int aw_unicode_fold(uint32_t cp, uint32_t out[3]) {
  if (cp >= 0x80) {
    int k = special(cp, 3, out);
    if (k) return k;
  }
  return aw_unicode_lower(cp, out);
}

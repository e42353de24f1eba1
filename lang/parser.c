// lang/parser.c -- aw_parse: source checks, the driver that feeds lexer
// tokens into the lemon engine, numbers, string literals and f-strings
// (whose expressions are parsed by nested runs of the same grammar), and the
// choice of CPython's wording for syntax errors. Grammar rules live in
// grammar.y, node constructors in ast.c.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar.h"
#include "lang/lexer.h"
#include "lang/parser.h"

// Deepest lemon stack we allow; deeper input is a RecursionError. Real code
// stays far below (each nesting level costs a handful of entries).
#define AW_MAX_ENGINE_DEPTH 20000
// Nesting of f-string expression parses (CPython allows 2 levels of format
// specs; nested literals are bounded by the four quote styles).
#define AW_MAX_FSTRING_DEPTH 8

// ---- errors -----------------------------------------------------------

void *aw_parser_error(AwParser *p, AwDiagKind kind, int line, int col, int end_col, const char *fmt, ...) {
  if (p->diag->kind != AW_DIAG_NONE) return NULL;
  char msg[sizeof p->diag->msg];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  aw_diag_set(p->diag, kind, line, col, "%s", msg);
  p->diag->end_col = end_col;
  return NULL;
}

void *aw_parser_error_at(AwParser *p, const AwNode *node, const char *fmt, ...) {
  if (p->diag->kind != AW_DIAG_NONE) return NULL;
  char msg[sizeof p->diag->msg];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int line, col, end_line, end_col;
  aw_ast_own_span(p, node, &line, &col, &end_line, &end_col);
  return aw_parser_error(p, AW_DIAG_SYNTAX, line, col, end_line == line ? end_col : -1, "%s", msg);
}

// ---- temporary memory -------------------------------------------------
// Scratch space that does not outlive the parse goes straight through the
// arena's allocator and is freed again, so it does not bloat the tree.

static void *tmp_realloc(AwParser *p, void *ptr, size_t old_size, size_t size) {
  AwArena *a = p->arena;
  void *r = a->realloc_fn(a->ud, ptr, old_size, size);
  if (!r) a->failed = true;
  return r;
}

static void tmp_free(AwParser *p, void *ptr, size_t size) {
  if (ptr) p->arena->realloc_fn(p->arena->ud, ptr, size, 0);
}

// ---- identifiers ------------------------------------------------------

static uint32_t hash_bytes(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

AwIdent aw_parser_intern(AwParser *p, const char *s, size_t len) {
  AwParseShared *sh = p->sh;
  if (sh->names_len * 2 >= sh->names_cap) {
    uint32_t ncap = sh->names_cap ? sh->names_cap * 2 : 256;
    AwInternEntry *nt = tmp_realloc(p, NULL, 0, ncap * sizeof *nt);
    if (!nt) return NULL;
    memset(nt, 0, ncap * sizeof *nt);
    for (uint32_t i = 0; i < sh->names_cap; i++) {
      AwInternEntry e = sh->names[i];
      if (!e.s) continue;
      uint32_t j = e.hash & (ncap - 1);
      while (nt[j].s) j = (j + 1) & (ncap - 1);
      nt[j] = e;
    }
    tmp_free(p, sh->names, sh->names_cap * sizeof *nt);
    sh->names = nt;
    sh->names_cap = ncap;
  }
  uint32_t h = hash_bytes(s, len), mask = sh->names_cap - 1;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    AwInternEntry *e = &sh->names[i];
    if (!e->s) {
      char *copy = aw_arena_strdup(p->arena, s, len);
      if (!copy) return NULL;
      e->s = copy;
      e->len = (uint32_t)len;
      e->hash = h;
      sh->names_len++;
      return copy;
    }
    if (e->hash == h && e->len == len && memcmp(e->s, s, len) == 0) return e->s;
  }
}

// ---- numbers ----------------------------------------------------------

AwNode *aw_ast_number(AwParser *p, const AwToken *t) {
  if (aw_parser_failed(p)) return NULL;
  const char *s = t->start;
  size_t n = t->len, i = 0;
  int base = 10;
  bool is_float = false;
  if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, i = 2;
  else if (n >= 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8, i = 2;
  else if (n >= 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, i = 2;
  else {
    for (size_t k = 0; k < n; k++) {
      if (s[k] == '.' || s[k] == 'e' || s[k] == 'E') is_float = true;
    }
  }
  AwNode *node = aw_ast_new(p->arena, AST_CONST, t->line, t->col);
  if (!node) return NULL;
  node->end_line = t->end_line;
  node->end_col = t->end_col;
  if (is_float) {
    char small[64];
    char *buf = n < sizeof small ? small : aw_arena_alloc(p->arena, n + 1);
    if (!buf) return NULL;
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
      if (s[k] != '_') buf[m++] = s[k];
    }
    buf[m] = 0;
    node->u.constant.kind = AW_CONST_FLOAT;
    node->u.constant.value.f = strtod(buf, NULL);
    return node;
  }
  const uint64_t limit = UINT64_C(1) << 63;
  uint64_t v = 0;
  for (; i < n; i++) {
    char c = s[i];
    if (c == '_') continue;
    unsigned d = c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
    if (v > (limit - d) / (unsigned)base) {
      return aw_parser_error(p, AW_DIAG_SYNTAX, t->line, t->col, t->end_col, "integer literal too large");
    }
    v = v * (unsigned)base + d;
  }
  node->u.constant.kind = AW_CONST_INT;
  if (v == limit) {
    // Only valid as the operand of unary minus; the driver checks that the
    // next token folded it (see aw_ast_unary).
    node->u.constant.value.i = INT64_MIN;
    p->minabs = node;
    p->minabs_age = 2;
  } else {
    node->u.constant.value.i = (int64_t)v;
  }
  return node;
}

// ---- string literals ----------------------------------------------------

// A growable byte buffer: temporary (freed with buf_free) unless it was
// given a fixed arena block large enough for its contents.
typedef struct {
  char *data;
  size_t len, cap;
  bool fixed;
} Buf;

static bool buf_reserve(AwParser *p, Buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return true;
  if (b->fixed) {  // cannot happen: decoding never grows text
    p->arena->failed = true;
    return false;
  }
  size_t ncap = b->cap ? b->cap * 2 : 64;
  while (ncap < b->len + extra + 1) ncap *= 2;
  char *d = tmp_realloc(p, b->data, b->cap, ncap);
  if (!d) return false;
  b->data = d;
  b->cap = ncap;
  return true;
}

static void buf_free(AwParser *p, Buf *b) {
  if (!b->fixed) tmp_free(p, b->data, b->cap);
  b->data = NULL;
  b->cap = b->len = 0;
}

static bool buf_put(AwParser *p, Buf *b, const char *s, size_t n) {
  if (!buf_reserve(p, b, n)) return false;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  return true;
}

static bool buf_utf8(AwParser *p, Buf *b, uint32_t cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) { u[0] = (char)cp; n = 1; }
  else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
  else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
  }
  return buf_put(p, b, u, n);
}

// A small table for \N{...}; names are matched case-insensitively.
static const struct { const char *name; uint32_t cp; } unicode_names[] = {
  {"NULL", 0x0}, {"CHARACTER TABULATION", 0x9}, {"LINE FEED", 0xA}, {"CARRIAGE RETURN", 0xD},
  {"ESCAPE", 0x1B}, {"SPACE", 0x20}, {"EXCLAMATION MARK", 0x21}, {"QUOTATION MARK", 0x22},
  {"NUMBER SIGN", 0x23}, {"DOLLAR SIGN", 0x24}, {"PERCENT SIGN", 0x25}, {"AMPERSAND", 0x26},
  {"APOSTROPHE", 0x27}, {"ASTERISK", 0x2A}, {"PLUS SIGN", 0x2B}, {"COMMA", 0x2C},
  {"HYPHEN-MINUS", 0x2D}, {"FULL STOP", 0x2E}, {"SOLIDUS", 0x2F}, {"COLON", 0x3A},
  {"SEMICOLON", 0x3B}, {"LESS-THAN SIGN", 0x3C}, {"EQUALS SIGN", 0x3D}, {"GREATER-THAN SIGN", 0x3E},
  {"QUESTION MARK", 0x3F}, {"COMMERCIAL AT", 0x40}, {"REVERSE SOLIDUS", 0x5C}, {"LOW LINE", 0x5F},
  {"TILDE", 0x7E}, {"DELETE", 0x7F}, {"NO-BREAK SPACE", 0xA0}, {"POUND SIGN", 0xA3},
  {"YEN SIGN", 0xA5}, {"SECTION SIGN", 0xA7}, {"COPYRIGHT SIGN", 0xA9}, {"REGISTERED SIGN", 0xAE},
  {"DEGREE SIGN", 0xB0}, {"PLUS-MINUS SIGN", 0xB1}, {"MICRO SIGN", 0xB5}, {"PILCROW SIGN", 0xB6},
  {"MIDDLE DOT", 0xB7}, {"MULTIPLICATION SIGN", 0xD7}, {"DIVISION SIGN", 0xF7},
  {"LATIN SMALL LETTER SHARP S", 0xDF}, {"LATIN SMALL LETTER A WITH GRAVE", 0xE0},
  {"LATIN SMALL LETTER A WITH ACUTE", 0xE1}, {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7},
  {"LATIN SMALL LETTER E WITH GRAVE", 0xE8}, {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
  {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9}, {"LATIN SMALL LETTER N WITH TILDE", 0xF1},
  {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6}, {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC},
  {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER BETA", 0x3B2},
  {"GREEK SMALL LETTER GAMMA", 0x3B3}, {"GREEK SMALL LETTER DELTA", 0x3B4},
  {"GREEK SMALL LETTER EPSILON", 0x3B5}, {"GREEK SMALL LETTER LAMDA", 0x3BB},
  {"GREEK SMALL LETTER MU", 0x3BC}, {"GREEK SMALL LETTER PI", 0x3C0}, {"GREEK SMALL LETTER SIGMA", 0x3C3},
  {"GREEK SMALL LETTER OMEGA", 0x3C9}, {"GREEK CAPITAL LETTER DELTA", 0x394},
  {"GREEK CAPITAL LETTER SIGMA", 0x3A3}, {"GREEK CAPITAL LETTER OMEGA", 0x3A9},
  {"EN DASH", 0x2013}, {"EM DASH", 0x2014}, {"LEFT SINGLE QUOTATION MARK", 0x2018},
  {"RIGHT SINGLE QUOTATION MARK", 0x2019}, {"LEFT DOUBLE QUOTATION MARK", 0x201C},
  {"RIGHT DOUBLE QUOTATION MARK", 0x201D}, {"DAGGER", 0x2020}, {"BULLET", 0x2022},
  {"HORIZONTAL ELLIPSIS", 0x2026}, {"PER MILLE SIGN", 0x2030}, {"EURO SIGN", 0x20AC},
  {"TRADE MARK SIGN", 0x2122}, {"LEFTWARDS ARROW", 0x2190}, {"UPWARDS ARROW", 0x2191},
  {"RIGHTWARDS ARROW", 0x2192}, {"DOWNWARDS ARROW", 0x2193}, {"INFINITY", 0x221E},
  {"NOT EQUAL TO", 0x2260}, {"LESS-THAN OR EQUAL TO", 0x2264}, {"GREATER-THAN OR EQUAL TO", 0x2265},
  {"BLACK SQUARE", 0x25A0}, {"WHITE SQUARE", 0x25A1}, {"BLACK CIRCLE", 0x25CF}, {"WHITE CIRCLE", 0x25CB},
  {"BLACK STAR", 0x2605}, {"WHITE STAR", 0x2606}, {"SNOWMAN", 0x2603}, {"BLACK HEART SUIT", 0x2665},
  {"CHECK MARK", 0x2713}, {"HEAVY CHECK MARK", 0x2714}, {"BALLOT X", 0x2717},
  {"ZERO WIDTH SPACE", 0x200B}, {"REPLACEMENT CHARACTER", 0xFFFD}, {"SNAKE", 0x1F40D},
  {"GRINNING FACE", 0x1F600}, {"THUMBS UP SIGN", 0x1F44D}, {"PARTY POPPER", 0x1F389},
  {"ROCKET", 0x1F680}, {"FIRE", 0x1F525}, {"SPARKLES", 0x2728}, {"HEAVY BLACK HEART", 0x2764},
};

static bool lookup_unicode_name(const char *s, size_t n, uint32_t *cp) {
  for (size_t i = 0; i < sizeof unicode_names / sizeof unicode_names[0]; i++) {
    const char *name = unicode_names[i].name;
    if (strlen(name) != n) continue;
    size_t k = 0;
    while (k < n) {
      char c = s[k];
      if (c >= 'a' && c <= 'z') c = (char)(c - 32);
      if (c != name[k]) break;
      k++;
    }
    if (k == n) {
      *cp = unicode_names[i].cp;
      return true;
    }
  }
  return false;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends the literal text [s, s + n) of token [t] to [b], decoding escapes
// unless [raw]. [body] is the token's body start (positions in messages).
static bool decode_literal(AwParser *p, Buf *b, const char *s, size_t n, bool raw, bool bytes,
                           const AwToken *t) {
  if (!buf_reserve(p, b, n)) return false;
  const char *e = s + n;
  const char *body = t->body;
  if (bytes) {
    for (const char *q = s; q < e; q++) {
      if ((unsigned char)*q >= 0x80) {
        return aw_parser_error(p, AW_DIAG_SYNTAX, t->line, t->col, t->end_line == t->line ? t->end_col : -1,
                               "bytes can only contain ASCII literal characters"), false;
      }
    }
  }
  if (raw) return buf_put(p, b, s, n);
  char *out = b->data + b->len;  // decoding never grows the text
  const char *q = s;
  while (q < e) {
    const char *bs = memchr(q, '\\', (size_t)(e - q));
    if (!bs) bs = e;
    memcpy(out, q, (size_t)(bs - q));
    out += bs - q;
    q = bs;
    if (q >= e) break;
    // q points at a backslash.
    if (q + 1 >= e) { *out++ = '\\'; q++; break; }
    char c = q[1];
    const char *esc = q;
    q += 2;
    switch (c) {
      case '\n': break;
      case '\\': *out++ = '\\'; break;
      case '\'': *out++ = '\''; break;
      case '"': *out++ = '"'; break;
      case 'a': *out++ = '\a'; break;
      case 'b': *out++ = '\b'; break;
      case 'f': *out++ = '\f'; break;
      case 'n': *out++ = '\n'; break;
      case 'r': *out++ = '\r'; break;
      case 't': *out++ = '\t'; break;
      case 'v': *out++ = '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = (unsigned)(c - '0');
        for (int k = 0; k < 2 && q < e && *q >= '0' && *q <= '7'; k++) v = v * 8 + (unsigned)(*q++ - '0');
        if (bytes) {
          *out++ = (char)(v & 0xFF);
        } else {
          b->len = (size_t)(out - b->data);
          if (!buf_utf8(p, b, v)) return false;
          out = b->data + b->len;
        }
        break;
      }
      case 'x': case 'u': case 'U': {
        if (c != 'x' && bytes) {
          *out++ = '\\';
          *out++ = c;
          break;
        }
        int want = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        int got = 0;
        while (got < want && q < e && hexval(*q) >= 0) v = v * 16 + (uint32_t)hexval(*q++), got++;
        int pos = (int)(esc - body);
        if (got < want) {
          if (bytes) {
            return aw_parser_error(p, AW_DIAG_SYNTAX, t->end_line, t->end_col, -1,
                                   "(value error) invalid \\x escape at position %d", pos), false;
          }
          return aw_parser_error(p, AW_DIAG_SYNTAX, t->end_line, t->end_col, -1,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                                 "truncated \\%s escape", pos, pos + 1 + got,
                                 c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX"), false;
        }
        if (bytes) {
          *out++ = (char)v;
          break;
        }
        if (v > 0x10FFFF) {
          return aw_parser_error(p, AW_DIAG_SYNTAX, t->end_line, t->end_col, -1,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                                 "illegal Unicode character", pos, pos + 1 + got), false;
        }
        if (v >= 0xD800 && v <= 0xDFFF) {
          return aw_parser_error(p, AW_DIAG_SYNTAX, t->end_line, t->end_col, -1,
                                 "(unicode error) surrogate code points are not supported (position %d)",
                                 pos), false;
        }
        b->len = (size_t)(out - b->data);
        if (!buf_utf8(p, b, v)) return false;
        out = b->data + b->len;
        break;
      }
      case 'N': {
        if (bytes) {
          *out++ = '\\';
          *out++ = 'N';
          break;
        }
        int pos = (int)(esc - body);
        const char *close = q < e && *q == '{' ? memchr(q, '}', (size_t)(e - q)) : NULL;
        if (!close || close == q + 1) {
          return aw_parser_error(p, AW_DIAG_SYNTAX, t->end_line, t->end_col, -1,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                                 "malformed \\N character escape", pos, pos + 1), false;
        }
        uint32_t v;
        if (!lookup_unicode_name(q + 1, (size_t)(close - q - 1), &v)) {
          return aw_parser_error(p, AW_DIAG_SYNTAX, t->end_line, t->end_col, -1,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                                 "unknown Unicode character name", pos, (int)(close - body)), false;
        }
        q = close + 1;
        b->len = (size_t)(out - b->data);
        if (!buf_utf8(p, b, v)) return false;
        out = b->data + b->len;
        break;
      }
      default:
        // Unknown escapes stay as written (CPython warns, we do not).
        *out++ = '\\';
        *out++ = c;
        break;
    }
  }
  b->len = (size_t)(out - b->data);
  return true;
}

// ---- f-strings (CPython 3.11's algorithm, Parser/string_parser.c) ----------

typedef struct {
  AwParser *p;
  const AwToken *tok;
  Buf lit;                // literal text not yet turned into a CONST
  AwNodeList values;
  // Position cache for pos_of: a known pointer and its line/line start.
  const char *cache_ptr, *cache_line_start;
  int cache_line;
} FState;

static void fs_init(FState *st, AwParser *p, const AwToken *tok) {
  memset(st, 0, sizeof *st);
  st->p = p;
  st->tok = tok;
}

// Line and column of [q], a pointer into [st]'s token text.
static void pos_of(FState *st, const char *q, int *line, int *col) {
  const AwToken *t = st->tok;
  if (!st->cache_ptr || q < st->cache_ptr) {
    st->cache_ptr = t->start;
    st->cache_line = t->line;
    st->cache_line_start = NULL;  // first line: columns relative to t->col
  }
  for (const char *s = st->cache_ptr; s < q; s++) {
    if (*s == '\n') {
      st->cache_line++;
      st->cache_line_start = s + 1;
    }
  }
  st->cache_ptr = q;
  *line = st->cache_line;
  *col = st->cache_line_start ? (int)(q - st->cache_line_start) : t->col + (int)(q - t->start);
}

// CPython 3.11 reports f-string scanning errors at the end of the string
// token, whatever the position of the offending character.
static bool fs_error(FState *st, const char *at, const char *msg) {
  (void)at;
  aw_parser_error(st->p, AW_DIAG_SYNTAX, st->tok->end_line, st->tok->end_col, -1, "%s", msg);
  return false;
}

static AwNode *const_str(AwParser *p, const char *s, size_t n, AwConstKind kind, const AwToken *first,
                         const AwToken *last) {
  AwNode *c = aw_ast_new(p->arena, AST_CONST, first->line, first->col);
  if (!c) return NULL;
  c->end_line = last->end_line;
  c->end_col = last->end_col;
  c->u.constant.kind = kind;
  c->u.constant.value.s.data = aw_arena_strdup(p->arena, s ? s : "", n);
  c->u.constant.value.s.len = n;
  if (!c->u.constant.value.s.data) return NULL;
  return c;
}

static bool fs_flush(FState *st) {
  if (st->lit.len == 0) return true;
  AwNode *c = const_str(st->p, st->lit.data, st->lit.len, AW_CONST_STR, st->tok, st->tok);
  if (!c || !aw_ast_list_push(st->p->arena, &st->values, c)) return false;
  st->lit.len = 0;
  return true;
}

static bool fstring_parse(FState *st, const char **str, const char *end, bool raw, int recurse_lvl);

// Returns -1 on error, 1 if a doubled brace was consumed (loop again), 0.
static int fstring_find_literal(FState *st, const char **str, const char *end, bool raw, int recurse_lvl) {
  const char *s = *str, *literal_start = s;
  int result = 0;
  while (s < end) {
    char ch = *s++;
    if (!raw && ch == '\\' && s < end) {
      ch = *s++;
      if (ch == 'N') {
        // Skip \N{...} so its braces are not taken as an expression.
        if (s < end && *s++ == '{') {
          while (s < end && *s++ != '}') {
          }
          continue;
        }
        continue;
      }
    }
    if (ch == '{' || ch == '}') {
      // Doubled braces are only checked at the top level: f'{0:{3}}'.
      if (recurse_lvl == 0) {
        if (s < end && *s == ch) {
          *str = s + 1;
          result = 1;
          goto done;
        }
        if (ch == '}') {
          *str = s - 1;
          fs_error(st, s - 1, "f-string: single '}' is not allowed");
          return -1;
        }
      }
      s--;
      break;
    }
  }
  *str = s;
done:
  if (literal_start != s) {
    if (!decode_literal(st->p, &st->lit, literal_start, (size_t)(s - literal_start), raw, false, st->tok)) {
      return -1;
    }
  }
  return result;
}

static bool fstring_find_expr(FState *st, const char **str, const char *end, bool raw, int recurse_lvl) {
  AwParser *p = st->p;
  const char *brace = *str;
  if (recurse_lvl >= 2) return fs_error(st, brace, "f-string: expressions nested too deeply");
  *str += 1;
  const char *expr_start = *str;
  char quote_char = 0;
  int string_type = 0, nested_depth = 0;
  char parenstack[AW_MAX_PAREN];
  for (; *str < end; (*str)++) {
    char ch = **str;
    if (ch == '\\') return fs_error(st, *str, "f-string expression part cannot include a backslash");
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
            *str += 2;
            string_type = 0;
            quote_char = 0;
          }
        } else {
          string_type = 0;
          quote_char = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
        string_type = 3;
        *str += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (nested_depth >= AW_MAX_PAREN) return fs_error(st, *str, "f-string: too many nested parenthesis");
      parenstack[nested_depth++] = ch;
    } else if (ch == '#') {
      return fs_error(st, *str, "f-string expression part cannot include '#'");
    } else if (nested_depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (*str + 1 < end) {
        char next = (*str)[1];
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') || (ch == '<' && next == '=') ||
            (ch == '>' && next == '=')) {
          *str += 1;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      char msg[96];
      if (!nested_depth) {
        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
        return fs_error(st, *str, msg);
      }
      char opening = parenstack[--nested_depth];
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
        snprintf(msg, sizeof msg, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                 ch, opening);
        return fs_error(st, *str, msg);
      }
    }
  }
  const char *expr_end = *str;
  if (quote_char) return fs_error(st, expr_start, "f-string: unterminated string");
  if (nested_depth) {
    char msg[64];
    snprintf(msg, sizeof msg, "f-string: unmatched '%c'", parenstack[nested_depth - 1]);
    return fs_error(st, expr_start, msg);
  }
  if (*str >= end) return fs_error(st, *str, "f-string: expecting '}'");

  // Compile the expression first so its errors come before the spec's.
  const char *q = expr_start;
  while (q < expr_end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f')) q++;
  if (q == expr_end) return fs_error(st, expr_end, "f-string: empty expression not allowed");
  int line, col;
  pos_of(st, expr_start, &line, &col);
  AwNode *value = aw_parser_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), line, col);
  if (!value) return false;

  bool self_doc = false;
  if (**str == '=') {
    *str += 1;
    while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\f' || **str == '\r' ||
                          **str == '\v')) {
      *str += 1;
    }
    if (*str >= end) return fs_error(st, *str, "f-string: expecting '}'");
    if (!buf_put(p, &st->lit, expr_start, (size_t)(*str - expr_start))) return false;
    self_doc = true;
  }
  int conversion = -1;
  if (**str == '!') {
    *str += 1;
    if (*str >= end) return fs_error(st, *str, "f-string: expecting '}'");
    conversion = (unsigned char)**str;
    *str += 1;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
      return fs_error(st, *str - 1, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
  }
  AwNode *spec = NULL;
  if (*str < end && **str == ':') {
    *str += 1;
    if (*str >= end) return fs_error(st, *str, "f-string: expecting '}'");
    FState sub;
    fs_init(&sub, p, st->tok);
    int sline, scol;
    pos_of(st, *str, &sline, &scol);
    bool ok = fstring_parse(&sub, str, end, raw, recurse_lvl + 1) && fs_flush(&sub);
    buf_free(p, &sub.lit);
    if (!ok) return false;
    spec = aw_ast_new(p->arena, AST_JOINEDSTR, sline, scol);
    if (!spec) return false;
    spec->u.list.items = sub.values;
    pos_of(st, *str, &spec->end_line, &spec->end_col);
  }
  if (*str >= end || **str != '}') return fs_error(st, *str < end ? *str : end, "f-string: expecting '}'");
  *str += 1;
  if (self_doc && !spec && conversion == -1) conversion = 'r';

  if (!fs_flush(st)) return false;
  int bline, bcol;
  pos_of(st, brace, &bline, &bcol);
  AwNode *fv = aw_ast_new(p->arena, AST_FORMATTEDVALUE, bline, bcol);
  if (!fv) return false;
  pos_of(st, *str, &fv->end_line, &fv->end_col);
  fv->u.fmtvalue.value = value;
  fv->u.fmtvalue.conversion = conversion < 0 ? 0 : conversion;
  fv->u.fmtvalue.spec = spec;
  return aw_ast_list_push(p->arena, &st->values, fv);
}

// Parses f-string text at *str up to [end] (or, nested, up to its '}').
static bool fstring_parse(FState *st, const char **str, const char *end, bool raw, int recurse_lvl) {
  for (;;) {
    int r = fstring_find_literal(st, str, end, raw, recurse_lvl);
    if (r < 0) return false;
    if (r == 1) continue;
    if (*str >= end || **str == '}') break;
    if (!fstring_find_expr(st, str, end, raw, recurse_lvl)) return false;
  }
  if (recurse_lvl == 0 && *str < end) return fs_error(st, *str, "f-string: single '}' is not allowed");
  if (recurse_lvl != 0 && (*str >= end || **str != '}')) return fs_error(st, *str < end ? *str : end - 1,
                                                                          "f-string: expecting '}'");
  return true;
}

AwNode *aw_parser_strings(AwParser *p, const AwToken *toks, int n) {
  if (aw_parser_failed(p)) return NULL;
  const AwToken *first = &toks[0], *last = &toks[n - 1];
  bool bytes = (first->flags & AW_STR_BYTES) != 0, fmode = false;
  size_t total = 0;
  for (int i = 0; i < n; i++) {
    if (((toks[i].flags & AW_STR_BYTES) != 0) != bytes) {
      return aw_parser_error(p, AW_DIAG_SYNTAX, last->end_line, last->end_col, -1,
                             "cannot mix bytes and nonbytes literals");
    }
    if (toks[i].flags & AW_STR_F) fmode = true;
    total += toks[i].body_len;
  }
  AwNode *node = NULL;
  if (!fmode) {
    // Decoding only shrinks text: decode straight into the constant.
    Buf b = {aw_arena_alloc(p->arena, total + 1), 0, total + 1, true};
    if (!b.data) return NULL;
    for (int i = 0; i < n; i++) {
      const AwToken *t = &toks[i];
      if (!decode_literal(p, &b, t->body, t->body_len, (t->flags & AW_STR_RAW) != 0, bytes, t)) return NULL;
    }
    b.data[b.len] = 0;
    node = aw_ast_new(p->arena, AST_CONST, first->line, first->col);
    if (!node) return NULL;
    node->end_line = last->end_line;
    node->end_col = last->end_col;
    node->u.constant.kind = bytes ? AW_CONST_BYTES : AW_CONST_STR;
    node->u.constant.value.s.data = b.data;
    node->u.constant.value.s.len = b.len;
    p->last_node = node;
    return node;
  }
  FState st;
  fs_init(&st, p, first);
  bool ok = buf_reserve(p, &st.lit, total);
  for (int i = 0; i < n && ok; i++) {
    const AwToken *t = &toks[i];
    bool raw = (t->flags & AW_STR_RAW) != 0;
    if (t->flags & AW_STR_F) {
      st.tok = t;
      st.cache_ptr = NULL;
      const char *s = t->body;
      ok = fstring_parse(&st, &s, t->body + t->body_len, raw, 0);
    } else {
      ok = decode_literal(p, &st.lit, t->body, t->body_len, raw, bytes, t);
    }
  }
  st.tok = last;
  if (ok) ok = fs_flush(&st);
  buf_free(p, &st.lit);
  if (!ok) return NULL;
  node = aw_ast_new(p->arena, AST_JOINEDSTR, first->line, first->col);
  if (!node) return NULL;
  node->end_line = last->end_line;
  node->end_col = last->end_col;
  node->u.list.items = st.values;
  p->last_node = node;
  return node;
}

// ---- the driver -------------------------------------------------------

static void parser_init(AwParser *p, AwParseShared *sh) {
  memset(p, 0, sizeof *p);
  p->sh = sh;
  p->arena = sh->arena;
  p->diag = sh->diag;
}

static void parser_release(AwParser *p) {
  if (p->queue) p->arena->realloc_fn(p->arena->ud, p->queue, p->qcap * sizeof(AwToken), 0);
  p->queue = NULL;
  p->qcap = p->qlen = p->qhead = 0;
}

// The [i]th token after those already consumed, lexing ahead as needed.
// Returns NULL only on allocation failure.
static AwToken *peek(AwParser *p, size_t i) {
  while (p->qlen - p->qhead <= i) {
    if (p->qlen == p->qcap) {
      if (p->qhead > 0) {
        memmove(p->queue, p->queue + p->qhead, (p->qlen - p->qhead) * sizeof(AwToken));
        p->qlen -= p->qhead;
        p->qhead = 0;
      } else {
        size_t ncap = p->qcap ? p->qcap * 2 : 16;
        AwToken *q = p->arena->realloc_fn(p->arena->ud, p->queue, p->qcap * sizeof(AwToken), ncap * sizeof(AwToken));
        if (!q) {
          p->arena->failed = true;
          return NULL;
        }
        p->queue = q;
        p->qcap = ncap;
      }
    }
    aw_lexer_next(&p->lx, &p->queue[p->qlen++]);
  }
  return &p->queue[p->qhead + i];
}

static int raw_next(AwParser *p, AwToken *t) {
  if (p->qhead < p->qlen) {
    *t = p->queue[p->qhead++];
    if (p->qhead == p->qlen) p->qhead = p->qlen = 0;
    return t->type;
  }
  return aw_lexer_next(&p->lx, t);
}

static bool is_open(int type) { return type == TK_LPAREN || type == TK_LSQB || type == TK_LBRACE || type == TK_WITH_LPAREN; }
static bool is_close(int type) { return type == TK_RPAREN || type == TK_RSQB || type == TK_RBRACE; }

// 'with (' opens a parenthesized list of with-items (3.9+) when the
// matching ')' is followed by ':' -- otherwise it is just an expression.
static void mark_with_paren(AwParser *p) {
  AwToken *t = peek(p, 0);
  if (!t || t->type != TK_LPAREN) return;
  t = peek(p, 1);
  if (!t || t->type == TK_YIELD) return;
  int depth = 0;
  for (size_t i = 0;; i++) {
    t = peek(p, i);
    if (!t || t->type <= 0 || t->type == TK_NEWLINE) return;
    if (is_open(t->type)) depth++;
    else if (is_close(t->type) && --depth == 0) {
      t = peek(p, i + 1);
      if (t && t->type == TK_COLON) peek(p, 0)->type = TK_WITH_LPAREN;
      return;
    }
  }
}

// Gets the next token for the grammar: names interned, numbers converted,
// adjacent strings folded into one TK_STRING.
static bool next_token(AwParser *p, AwToken *t) {
  int type = raw_next(p, t);
  if (type < 0 || aw_parser_failed(p)) return false;
  switch (type) {
    case TK_NAME:
      t->id = aw_parser_intern(p, t->start, t->len);
      return t->id != NULL;
    case TK_NUMBER:
      t->node = aw_ast_number(p, t);
      if (t->node) p->last_node = t->node;
      return t->node != NULL;
    case TK_STRING: {
      int n = 1;
      for (;;) {
        AwToken *nt = peek(p, (size_t)n - 1);
        if (!nt || nt->type != TK_STRING) break;
        n++;
      }
      AwToken one[4], *toks = one;
      if ((size_t)n > sizeof one / sizeof one[0]) {
        toks = tmp_realloc(p, NULL, 0, (size_t)n * sizeof(AwToken));
        if (!toks) return false;
      }
      toks[0] = *t;
      if (n > 1) memcpy(toks + 1, p->queue + p->qhead, (size_t)(n - 1) * sizeof(AwToken));
      t->node = aw_parser_strings(p, toks, n);
      t->end_line = toks[n - 1].end_line;
      t->end_col = toks[n - 1].end_col;
      if (toks != one) tmp_free(p, toks, (size_t)n * sizeof(AwToken));
      p->qhead += (size_t)n - 1;
      if (p->qhead == p->qlen) p->qhead = p->qlen = 0;
      return t->node != NULL;
    }
    case TK_WITH:
      mark_with_paren(p);
      return !aw_parser_failed(p);
    default:
      return true;
  }
}

static void track_token(AwParser *p, const AwToken *t) {
  int pt = p->prev.type;
  bool line_start = pt == 0 || pt == TK_NEWLINE || pt == TK_INDENT || pt == TK_DEDENT;
  switch (t->type) {
    case TK_INDENT: case TK_DEDENT: case 0:
      return;
    case TK_NEWLINE:
      p->header_first = p->line_first;
      p->header_second = p->line_second;
      p->last_newline = *t;
      return;
    default:
      break;
  }
  if (line_start) {
    p->line_first = *t;
    memset(&p->line_second, 0, sizeof p->line_second);
    p->line_ntok = 1;
    p->line_has_lambda = false;
    if (p->lx.indent == 0 || p->fstring) p->top_first = t->type;
  } else {
    if (p->line_ntok == 1) p->line_second = *t;
    p->line_ntok++;
  }
  if (t->type == TK_LAMBDA) p->line_has_lambda = true;
}

// Runs the engine over [p]'s lexer until the end or the first error.
static void run(AwParser *p) {
  size_t eng_size = aw_grammar_size();
  void *eng = tmp_realloc(p, NULL, 0, eng_size);
  if (!eng) return;
  memset(eng, 0, eng_size);
  aw_grammarInit(eng, p);
  if (p->fstring) {
    AwToken st;
    memset(&st, 0, sizeof st);
    st.type = TK_FSTRING_START;
    st.line = st.end_line = p->lx.line;
    st.col = st.end_col = p->lx.col_base;
    p->cur = st;
    aw_grammar(eng, TK_FSTRING_START, st);
  }
  for (;;) {
    AwToken t;
    if (!next_token(p, &t)) break;
    track_token(p, &t);
    p->cur = t;
    aw_grammar(eng, t.type, t);
    if (aw_parser_failed(p)) break;
    if (p->minabs && --p->minabs_age <= 0) {
      AwNode *m = p->minabs;
      aw_parser_error(p, AW_DIAG_SYNTAX, m->line, m->col, m->end_col, "integer literal too large");
      break;
    }
    if (aw_grammar_depth(eng) > AW_MAX_ENGINE_DEPTH) {
      aw_parser_error(p, AW_DIAG_RECURSION, t.line, t.col, -1, "maximum recursion depth exceeded during compilation");
      break;
    }
    if (t.type == TK_IF && p->line_ntok > 1) p->ifexp_body = p->last_node;
    p->prev = t;
    if (t.type == 0) break;
  }
  aw_grammarFinalize(eng);
  tmp_free(p, eng, eng_size);
}

AwNode *aw_parser_fstring_expr(AwParser *p, const char *src, size_t len, int line, int col) {
  if (aw_parser_failed(p)) return NULL;
  if (p->sh->fstring_depth >= AW_MAX_FSTRING_DEPTH) {
    return aw_parser_error(p, AW_DIAG_SYNTAX, line, col, -1, "f-string: expressions nested too deeply");
  }
  // The copy is only read while lexing: nodes copy what they keep.
  char *copy = tmp_realloc(p, NULL, 0, len + 1);
  if (!copy) return NULL;
  memcpy(copy, src, len);
  copy[len] = 0;
  AwParser sub;
  parser_init(&sub, p->sh);
  aw_lexer_init(&sub.lx, copy, len, p->diag);
  sub.lx.fstring = true;
  sub.lx.line = sub.lx.first_line = line;
  sub.lx.col_base = col;
  sub.fstring = true;
  p->sh->fstring_depth++;
  run(&sub);
  p->sh->fstring_depth--;
  parser_release(&sub);
  tmp_free(p, copy, len + 1);
  if (p->diag->kind == AW_DIAG_SYNTAX && strncmp(p->diag->msg, "f-string", 8) != 0) {
    // CPython 3.11 positions these in the text "(expr)" it parsed.
    if (p->diag->line == line && p->diag->col >= col) {
      p->diag->col = p->diag->col - col + 1;
      p->diag->end_col = -1;
    }
    char msg[sizeof p->diag->msg];
    snprintf(msg, sizeof msg, "f-string: %.240s", p->diag->msg);
    memcpy(p->diag->msg, msg, sizeof msg);
  }
  if (aw_parser_failed(p)) return NULL;
  AwNode *value = sub.root;
  if (value && value->kind == AST_STARRED) {
    int c = value->line == line ? value->col - col + 1 : value->col;
    return aw_parser_error(p, AW_DIAG_SYNTAX, value->line, c, -1, "f-string: cannot use starred expression here");
  }
  p->last_node = value;
  return value;
}

void aw_parser_peek_assign(AwParser *p, bool *value_is_simple, bool *chained) {
  *value_is_simple = false;
  *chained = false;
  size_t i = 0;
  AwToken tok;
  if (p->cur.type == TK_EQUAL) {
    AwToken *t = peek(p, i++);
    if (!t) return;
    tok = *t;
  } else {
    tok = p->cur;
  }
  switch (tok.type) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAREN: case TK_LSQB: case TK_LBRACE:
    case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS: case TK_MINUS: case TK_PLUS:
    case TK_TILDE: case TK_AWAIT:
      *value_is_simple = true;
      break;
    default:
      break;
  }
  int depth = 0;
  for (;;) {
    if (tok.type <= 0 || (depth == 0 && (tok.type == TK_NEWLINE || tok.type == TK_SEMI))) return;
    if (is_open(tok.type)) depth++;
    else if (is_close(tok.type)) depth--;
    else if (tok.type == TK_EQUAL && depth == 0) {
      *chained = true;
      return;
    }
    AwToken *t = peek(p, i++);
    if (!t) return;
    tok = *t;
  }
}

// ---- syntax error messages ------------------------------------------------

static bool starts_expr(int type) {
  switch (type) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAREN: case TK_LSQB: case TK_LBRACE:
    case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS: case TK_TILDE: case TK_NOT:
    case TK_LAMBDA: case TK_AWAIT:
      return true;
    default:
      return false;
  }
}

static bool ends_expr(int type) {
  switch (type) {
    case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_RPAREN: case TK_RSQB: case TK_RBRACE:
    case TK_NONE: case TK_TRUE: case TK_FALSE: case TK_ELLIPSIS:
      return true;
    default:
      return false;
  }
}

static const char *block_owner(const AwParser *p) {
  int a = p->header_first.type, b = p->header_second.type;
  switch (a) {
    case TK_IF: return "'if' statement";
    case TK_ELIF: return "'elif' statement";
    case TK_ELSE: return "'else' statement";
    case TK_WHILE: return "'while' statement";
    case TK_FOR: return "'for' statement";
    case TK_WITH: return "'with' statement";
    case TK_TRY: return "'try' statement";
    case TK_EXCEPT: return b == TK_STAR ? "'except*' statement" : "'except' statement";
    case TK_FINALLY: return "'finally' statement";
    case TK_DEF: return "function definition";
    case TK_CLASS: return "class definition";
    case TK_ASYNC:
      return b == TK_DEF ? "function definition" : b == TK_FOR ? "'for' statement"
           : b == TK_WITH ? "'with' statement" : NULL;
    default: return NULL;
  }
}

static bool is_compound_keyword(int type) {
  switch (type) {
    case TK_IF: case TK_ELIF: case TK_ELSE: case TK_WHILE: case TK_FOR: case TK_WITH: case TK_TRY:
    case TK_EXCEPT: case TK_FINALLY: case TK_DEF: case TK_CLASS: case TK_ASYNC: case TK_AT:
      return true;
    default:
      return false;
  }
}

void aw_parser_syntax_error(AwParser *p, int major, const AwToken *tok, unsigned acc) {
  if (aw_parser_failed(p)) return;
  const AwToken *at = tok->eof && p->last_newline.type == TK_NEWLINE ? &p->last_newline : tok;
  if (tok->eof) p->error_at_eof = true;

  if (major == TK_INDENT) {
    aw_parser_error(p, AW_DIAG_INDENT, tok->line, tok->col > 0 ? tok->col - 1 : 0, -1, "unexpected indent");
    p->no_rescan = true;
    return;
  }
  if ((acc & AW_ACC_INDENT) && p->prev.type == TK_NEWLINE) {
    const char *owner = block_owner(p);
    if (owner) {
      aw_parser_error(p, AW_DIAG_INDENT, at->line, at->col, at->end_col,
                      "expected an indented block after %s on line %d", owner, p->header_first.line);
    } else {
      aw_parser_error(p, AW_DIAG_INDENT, at->line, at->col, at->end_col, "expected an indented block");
    }
    return;
  }
  if ((acc & AW_ACC_EXCEPT) && (acc & AW_ACC_FINALLY) && major != TK_EXCEPT && major != TK_FINALLY) {
    aw_parser_error(p, AW_DIAG_SYNTAX, at->line, at->col, at->end_col, "expected 'except' or 'finally' block");
    return;
  }
  if ((acc & AW_ACC_COLON) && tok->depth == 0 && !p->line_has_lambda && is_compound_keyword(p->line_first.type)) {
    int h = p->line_first.type, h2 = p->line_second.type;
    bool forced = h == TK_DEF || h == TK_TRY || h == TK_FINALLY || h == TK_ELSE || (h == TK_ASYNC && h2 == TK_DEF);
    if (major == TK_NEWLINE || forced) {
      aw_parser_error(p, AW_DIAG_SYNTAX, tok->line, tok->col, tok->end_col, "expected ':'");
      return;
    }
  }
  int pt = p->prev.type;
  // "def NAME" (or "async def NAME") not followed by its parameters
  // (line_ntok counts the offending token too, unless it ends the line).
  int ntok = p->line_ntok - (major == TK_NEWLINE ? 0 : 1);
  bool def_line = (ntok == 2 && p->line_first.type == TK_DEF) ||
                  (ntok == 3 && p->line_first.type == TK_ASYNC && p->line_second.type == TK_DEF);
  if (def_line && pt == TK_NAME && major != TK_LPAREN) {
    aw_parser_error(p, AW_DIAG_SYNTAX, at->line, at->col, at->end_col, "expected '('");
    return;
  }
  if ((major == TK_RBRACE || major == TK_COMMA) && tok->depth > 0) {
    const AwNode *last = p->last_node;
    if (pt == TK_COLON) {
      aw_parser_error(p, AW_DIAG_SYNTAX, p->prev.line, p->prev.col, -1,
                      "expression expected after dictionary key and ':'");
      return;
    }
    if ((acc & AW_ACC_COLON) && last && last->end_line == p->prev.end_line && last->end_col == p->prev.end_col &&
        !p->line_has_lambda) {
      int line, col, end_line, end_col;
      aw_ast_own_span(p, last, &line, &col, &end_line, &end_col);
      aw_parser_error(p, AW_DIAG_SYNTAX, line, col, -1, "':' expected after dictionary key");
      return;
    }
  }
  bool mid_line = pt != TK_NEWLINE && pt != TK_INDENT && pt != TK_DEDENT && pt != 0;
  if ((acc & AW_ACC_ELSE) && !(acc & AW_ACC_ELIF) && p->ifexp_body && mid_line) {
    const AwNode *b = p->ifexp_body;
    aw_parser_error(p, AW_DIAG_SYNTAX, b->line, b->col, -1, "expected 'else' after 'if' expression");
    return;
  }
  const AwNode *last = p->last_node;
  if (last && last->kind == AST_EXPR_STMT) last = last->u.expr_stmt.value;
  bool last_is_prev = last && last->end_line == p->prev.end_line && last->end_col == p->prev.end_col;
  if (major == TK_COLONEQUAL && last_is_prev && last->kind != AST_NAME) {
    aw_parser_error_at(p, last, "cannot use assignment expressions with %s", aw_ast_expr_name(last));
    return;
  }
  if ((major == TK_FOR || major == TK_ASYNC) && last_is_prev && last->kind == AST_KEYWORD && last->u.keyword.arg) {
    aw_parser_error(p, AW_DIAG_SYNTAX, last->line, last->col, -1,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return;
  }
  if (major == TK_EQUAL && last_is_prev) {
    int l, c, el, ec;
    aw_ast_own_span(p, last, &l, &c, &el, &ec);
    bool parenthesized = l != last->line || c != last->col;
    if ((last->kind == AST_YIELD || last->kind == AST_YIELDFROM) && !parenthesized) {
      aw_parser_error_at(p, last, "assignment to yield expression not possible");
      return;
    }
    if (last->kind == AST_NAME) {
      aw_parser_error(p, AW_DIAG_SYNTAX, last->line, last->col, tok->end_col,
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return;
    }
    if (aw_ast_here_eligible(last)) {
      aw_parser_error_at(p, last, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                         aw_ast_expr_name(last));
      return;
    }
  }
  if (tok->depth == 0 && p->line_ntok == 2 && p->line_first.type == TK_NAME && starts_expr(major) &&
      (strcmp(p->line_first.id, "print") == 0 || strcmp(p->line_first.id, "exec") == 0)) {
    const AwToken *f = &p->line_first;
    aw_parser_error(p, AW_DIAG_SYNTAX, f->line, f->col, -1,
                    "Missing parentheses in call to '%s'. Did you mean %s(...)?", f->id, f->id);
    return;
  }
  if (tok->depth == 0 && p->line_ntok == 2 && p->line_first.type == TK_NAME && starts_expr(major) &&
      strcmp(p->line_first.id, "match") == 0) {
    const AwToken *f = &p->line_first;
    aw_parser_error(p, AW_DIAG_SYNTAX, f->line, f->col, f->end_col, "match statements are not supported");
    return;
  }
  int lf = p->line_first.type;
  bool in_params = (lf == TK_DEF || (lf == TK_ASYNC && p->line_second.type == TK_DEF)) && tok->depth == 1;
  if ((tok->depth > 0 || p->fstring) && starts_expr(major) && ends_expr(pt) && !(pt == TK_NAME && major == TK_STRING) &&
      !in_params && lf != TK_FROM && lf != TK_IMPORT) {
    int line = last_is_prev ? last->line : p->prev.line, col = last_is_prev ? last->col : p->prev.col;
    aw_parser_error(p, AW_DIAG_SYNTAX, line, col, line == tok->line ? tok->end_col : -1,
                    "invalid syntax. Perhaps you forgot a comma?");
    return;
  }
  aw_parser_error(p, AW_DIAG_SYNTAX, tok->line, tok->col, tok->end_line == tok->line ? tok->end_col : -1,
                  "invalid syntax");
  p->generic_error = true;
}

// CPython re-tokenizes the rest of the file after a syntax error found by
// the parser (not the tokenizer): a tokenizer error later on wins, and so
// does an unclosed bracket opened on a line before the error token's.
static void rescan_after_error(AwParser *p) {
  AwDiag saved = *p->diag, tmp;
  int err_line = p->cur.line > saved.line ? p->cur.line : saved.line;
  memset(&tmp, 0, sizeof tmp);
  p->lx.diag = &tmp;
  p->lx.soft_error = false;
  for (;;) {
    AwToken t;
    int r = aw_lexer_next(&p->lx, &t);
    if (r == 0) break;
    if (r < 0) {
      if (p->lx.eof && p->lx.depth > 0) {
        if (tmp.line < err_line) *p->diag = tmp;
      } else if (!p->lx.soft_error) {
        *p->diag = tmp;
      }
      break;
    }
  }
  p->lx.diag = p->diag;
}

// ---- entry point --------------------------------------------------------

// Rejects NUL bytes and malformed UTF-8 (CPython's messages).
static bool check_source(const unsigned char *s, size_t n, AwDiag *d) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c == 0) return aw_diag_set(d, AW_DIAG_SYNTAX, line, (int)(i - line_start), "source code cannot contain null bytes");
      if (c == '\n') {
        line++;
        line_start = i + 1;
      }
      i++;
      continue;
    }
    int need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    const char *why = NULL;
    if (!need) {
      why = "invalid start byte";
    } else {
      for (int k = 1; k <= need && !why; k++) {
        if (i + (size_t)k >= n) why = "unexpected end of data";
        else if ((s[i + k] & 0xC0) != 0x80) why = "invalid continuation byte";
      }
      if (!why) {
        unsigned char c1 = s[i + 1];
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 >= 0x90)) {
          why = "invalid continuation byte";
        }
      }
    }
    if (why) {
      return aw_diag_set(d, AW_DIAG_SYNTAX, line, (int)(i - line_start),
                         "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s", c, i, why);
    }
    i += (size_t)need + 1;
  }
  return true;
}

static bool is_compound_stmt(const AwNode *n) {
  switch (n->kind) {
    case AST_IF: case AST_WHILE: case AST_FOR: case AST_TRY: case AST_WITH: case AST_FUNCDEF: case AST_CLASSDEF:
      return true;
    default:
      return false;
  }
}

// Does [s] end with an empty line (what closes a block at the REPL)?
static bool ends_with_blank_line(const char *s, size_t n) {
  if (n > 0 && s[n - 1] == '\n') n--;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\f')) n--;
  return n == 0 || s[n - 1] == '\n';
}

bool aw_parse(const char *source, size_t len, AwParseMode mode, AwParseResult *out) {
  AwArena *arena = &out->arena;
  AwDiag *diag = &out->diag;
  out->root = NULL;
  out->incomplete = false;
  memset(diag, 0, sizeof *diag);
  if (!check_source((const unsigned char *)source, len, diag)) return false;
  if (len >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0) {
    source += 3;
    len -= 3;
  }
  // The parser state and the source copy are scratch: they go through the
  // allocator directly and are freed below; only the tree stays in the arena.
  AwParser *p = arena->realloc_fn(arena->ud, NULL, 0, sizeof *p);
  char *buf = p ? arena->realloc_fn(arena->ud, NULL, 0, len + 1) : NULL;
  if (!buf) {
    if (p) arena->realloc_fn(arena->ud, p, sizeof *p, 0);
    aw_diag_set(diag, AW_DIAG_MEMORY, 0, -1, "%s", "");
    return false;
  }
  // Copy with a trailing NUL, turning \r\n and lone \r into \n.
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    char c = source[i];
    if (c == '\r') {
      if (i + 1 < len && source[i + 1] == '\n') continue;
      c = '\n';
    }
    buf[n++] = c;
  }
  buf[n] = 0;

  AwParseShared sh;
  memset(&sh, 0, sizeof sh);
  sh.arena = arena;
  sh.diag = diag;
  parser_init(p, &sh);
  aw_lexer_init(&p->lx, buf, n, diag);
  run(p);
  if ((diag->kind == AW_DIAG_SYNTAX || diag->kind == AW_DIAG_INDENT) && !p->lx.failed && !p->no_rescan &&
      !arena->failed && mode == AW_PARSE_FILE) {
    rescan_after_error(p);
  }
  parser_release(p);
  if (diag->kind == AW_DIAG_NONE && !arena->failed && p->root) {
    aw_ast_restore_parens(p);
    aw_ast_check_depth(p, p->root);
  }

  bool incomplete = false;
  if (mode == AW_PARSE_SINGLE && !arena->failed) {
    if (diag->kind != AW_DIAG_NONE) {
      incomplete = p->lx.incomplete || (p->error_at_eof && is_compound_keyword(p->top_first));
    } else if (p->root && p->root->u.module.body.len > 0) {
      const AwNode *last = p->root->u.module.body.items[p->root->u.module.body.len - 1];
      incomplete = is_compound_stmt(last) && !ends_with_blank_line(buf, n);
    }
  }
  AwNode *root = p->root;
  if (sh.names) arena->realloc_fn(arena->ud, sh.names, sh.names_cap * sizeof *sh.names, 0);
  if (sh.parens) arena->realloc_fn(arena->ud, sh.parens, sh.parens_cap * sizeof *sh.parens, 0);
  arena->realloc_fn(arena->ud, buf, len + 1, 0);
  arena->realloc_fn(arena->ud, p, sizeof *p, 0);

  if (arena->failed) {
    memset(diag, 0, sizeof *diag);
    aw_diag_set(diag, AW_DIAG_MEMORY, 0, -1, "%s", "");
    return false;
  }
  if (incomplete) {
    out->incomplete = true;
    return false;
  }
  if (diag->kind != AW_DIAG_NONE || !root) {
    if (diag->kind == AW_DIAG_NONE) aw_diag_set(diag, AW_DIAG_SYNTAX, 1, 0, "invalid syntax");
    return false;
  }
  out->root = root;
  return true;
}

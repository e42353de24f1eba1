// lang/lexer.re -- the tokenizer: source bytes to TK_* tokens, with
// NEWLINE/INDENT/DEDENT from CPython's indent-stack algorithm and bracket
// tracking. String bodies are only delimited here; decoding and f-string
// parsing happen in ast.c/parser.c.
// built by: re2c -W --no-generation-date --no-version -o build/gen/lexer.c lang/lexer.re
#include <stdio.h>
#include <string.h>

#include "grammar.h"
#include "lang/lexer.h"

void aw_lexer_init(AwLexer *lx, const char *src, size_t len, AwDiag *diag) {
  memset(lx, 0, sizeof *lx);
  lx->src = src;
  lx->len = len;
  lx->cur = src;
  lx->line_start = src;
  lx->line = 1;
  lx->first_line = 1;
  lx->atbol = true;
  lx->diag = diag;
}

static int col_of(const AwLexer *lx, const char *p, const char *line_start, int line) {
  return (int)(p - line_start) + (line == lx->first_line ? lx->col_base : 0);
}

// Records an error at [line]:[col]; returns -1 (the error token type).
static int lex_error(AwLexer *lx, AwDiagKind kind, int line, int col, const char *fmt, const char *arg) {
  char msg[200];
  snprintf(msg, sizeof msg, fmt, arg);
  aw_diag_set(lx->diag, kind, line, col, "%s", msg);
  return -1;
}

static int lex_error_here(AwLexer *lx, const char *p, const char *fmt, const char *arg) {
  return lex_error(lx, AW_DIAG_SYNTAX, lx->line, col_of(lx, p, lx->line_start, lx->line), fmt, arg);
}

// Decodes one UTF-8 sequence at [p] (already validated); stores its length.
static unsigned utf8_decode(const unsigned char *p, int *n) {
  if (p[0] < 0x80) { *n = 1; return p[0]; }
  if (p[0] < 0xE0) { *n = 2; return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu); }
  if (p[0] < 0xF0) { *n = 3; return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu); }
  *n = 4;
  return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}

// A rough stand-in for XID_Continue: every non-ASCII code point is a letter
// except whitespace, controls, and the common punctuation/symbol blocks.
// Returns 0 for a letter, 1 for an invalid printable char, 2 for a
// non-printable one.
static int classify_nonascii(unsigned cp) {
  if (cp < 0xA0 || cp == 0xA0 || cp == 0xAD) return 2;
  if (cp <= 0xBF) return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? 0 : 1;
  if (cp == 0xD7 || cp == 0xF7) return 1;
  if (cp >= 0x2000 && cp <= 0x200B) return 2;
  if (cp >= 0x2028 && cp <= 0x202F) return 2;
  if (cp >= 0x205F && cp <= 0x206F) return 2;
  if (cp == 0x3000 || cp == 0xFEFF) return 2;
  if (cp >= 0x2010 && cp <= 0x205E && cp != 0x203F && cp != 0x2040 && cp != 0x2054) return 1;
  if (cp >= 0x20A0 && cp <= 0x20CF) return 1;
  if (cp >= 0x2190 && cp <= 0x2BFF) return 1;
  if (cp >= 0x2E00 && cp <= 0x2E7F) return 1;
  if (cp >= 0x3001 && cp <= 0x3004) return 1;
  if (cp >= 0x3008 && cp <= 0x3020) return 1;
  if (cp >= 0xE000 && cp <= 0xF8FF) return 1;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return 1;
  if (cp >= 0xFF1A && cp <= 0xFF20) return 1;
  if (cp >= 0xFF3B && cp <= 0xFF40 && cp != 0xFF3F) return 1;
  if (cp >= 0xFF5B && cp <= 0xFF65) return 1;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return 1;
  return 0;
}

// Checks the non-ASCII characters of the identifier [s, e).
static bool check_identifier(AwLexer *lx, const char *s, const char *e) {
  for (const char *p = s; p < e;) {
    if ((unsigned char)*p < 0x80) { p++; continue; }
    int n;
    unsigned cp = utf8_decode((const unsigned char *)p, &n);
    int cls = classify_nonascii(cp);
    if (cls) {
      char buf[64];
      if (cls == 2) {
        snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
      } else {
        snprintf(buf, sizeof buf, "invalid character '%.*s' (U+%04X)", n, p, cp);
      }
      lex_error_here(lx, p, "%s", buf);
      return false;
    }
    p += n;
  }
  return true;
}

// Pushes the opening bracket [ch] at [p].
static int open_bracket(AwLexer *lx, const char *p, char ch, int type) {
  if (lx->depth >= AW_MAX_PAREN) return lex_error_here(lx, p, "%s", "too many nested parentheses");
  lx->parens[lx->depth].ch = ch;
  lx->parens[lx->depth].line = lx->line;
  lx->parens[lx->depth].col = col_of(lx, p, lx->line_start, lx->line);
  lx->depth++;
  return type;
}

static int close_bracket(AwLexer *lx, const char *p, char ch, int type) {
  if (lx->depth == 0) {
    char s[2] = {ch, 0};
    return lex_error_here(lx, p, "unmatched '%s'", s);
  }
  char open = lx->parens[lx->depth - 1].ch;
  char want = open == '(' ? ')' : open == '[' ? ']' : '}';
  if (ch != want) {
    char buf[120];
    if (lx->parens[lx->depth - 1].line != lx->line) {
      snprintf(buf, sizeof buf, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
               ch, open, lx->parens[lx->depth - 1].line);
    } else {
      snprintf(buf, sizeof buf, "closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open);
    }
    return lex_error_here(lx, p, "%s", buf);
  }
  lx->depth--;
  return type;
}

// Scans the rest of a string literal whose quote is at [q]; [start] is the
// token start (prefix included).
static int scan_string(AwLexer *lx, AwToken *t, const char *start, const char *q) {
  int flags = 0;
  for (const char *s = start; s < q; s++) {
    switch (*s) {
      case 'r': case 'R': flags |= AW_STR_RAW; break;
      case 'b': case 'B': flags |= AW_STR_BYTES; break;
      case 'f': case 'F': flags |= AW_STR_F; break;
      default: break;
    }
  }
  char quote = *q;
  bool triple = q[1] == quote && q[2] == quote;
  const char *p = q + (triple ? 3 : 1);
  if (triple) flags |= AW_STR_TRIPLE;
  t->body = p;
  for (;;) {
    char c = *p;
    if (c == 0 && p >= lx->src + lx->len) {
      int line = lx->line;
      if (p > lx->src && p[-1] == '\n' && line > 1) line--;
      char buf[100];
      snprintf(buf, sizeof buf, "unterminated %sstring literal (detected at line %d)",
               triple ? "triple-quoted " : "", line);
      if (triple) lx->incomplete = true;
      return lex_error(lx, AW_DIAG_SYNTAX, t->line, t->col, "%s", buf);
    }
    if (c == '\\') {
      if (p[1] == '\n') {
        lx->line++;
        lx->line_start = p + 2;
        p += 2;
        continue;
      }
      if (p[1] == 0 && p + 1 >= lx->src + lx->len) { p++; continue; }
      p += 2;
      continue;
    }
    if (c == '\n') {
      if (!triple) {
        char buf[100];
        snprintf(buf, sizeof buf, "unterminated string literal (detected at line %d)", lx->line);
        return lex_error(lx, AW_DIAG_SYNTAX, t->line, t->col, "%s", buf);
      }
      lx->line++;
      lx->line_start = p + 1;
      p++;
      continue;
    }
    if (c == quote && (!triple || (p[1] == quote && p[2] == quote))) break;
    p++;
  }
  t->body_len = (size_t)(p - t->body);
  lx->cur = p + (triple ? 3 : 1);
  t->flags = flags;
  return TK_STRING;
}

// CPython's verify_end_of_number: a number may be followed directly by a
// few keywords (1if x else y) but not by other identifier characters.
static bool number_end_ok(const char *p) {
  unsigned char c = (unsigned char)*p;
  if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80))
    return true;
  static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
  for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
    if (strncmp(p, kws[i], strlen(kws[i])) == 0) return true;
  }
  return false;
}

// A number [s, e) followed by a character that cannot follow it. CPython
// reports most of these one column before the offending character.
static int number_token(AwLexer *lx, const char *s, const char *e, const char *kind) {
  if (!number_end_ok(e)) {
    (void)s;
    bool radix = kind[0] == 'b' || kind[0] == 'o';
    if (radix && *e >= '0' && *e <= '9') {
      char buf[64];
      snprintf(buf, sizeof buf, "invalid digit '%c' in %s literal", *e, kind);
      return lex_error_here(lx, e, "%s", buf);
    }
    const char *at = *e == '_' && e[-1] != '.' ? e : e - 1;
    if ((*e == 'e' || *e == 'E') && (e[1] == '+' || e[1] == '-')) at = e + 1;  // 1e+
    return lex_error_here(lx, at, "invalid %s literal", kind);
  }
  return TK_NUMBER;
}

// Measures the indentation of a new logical line and queues INDENT/DEDENT.
// Returns 0 to go on scanning, 1 to rescan (blank line skipped), -1 on error.
static int measure_indent(AwLexer *lx) {
  int col = 0, altcol = 0;
  const char *p = lx->cur;
  for (;; p++) {
    if (*p == ' ') { col++; altcol++; }
    else if (*p == '\t') { col = (col / 8 + 1) * 8; altcol++; }
    else if (*p == '\f') { col = altcol = 0; }
    else break;
  }
  if (*p == '#' || *p == '\n' || (*p == '\\' && p[1] == '\n')) {
    // Blank or comment-only line: no tokens, no indentation change.
    if (*p == '\\') {
      lx->cur = p;
      lx->atbol = false;
      return 0;
    }
    while (*p != '\n' && !(*p == 0 && p >= lx->src + lx->len)) p++;
    if (*p == '\n') {
      lx->line++;
      lx->line_start = lx->cur = p + 1;
      return 1;
    }
    lx->cur = p;
    return 0;
  }
  lx->cur = p;
  if (*p == 0 && p >= lx->src + lx->len) return 0;  // EOF: no dents here
  lx->atbol = false;
  int top = lx->indent;
  if (col == lx->indstack[top]) {
    if (altcol != lx->altstack[top]) goto tab_error;
  } else if (col > lx->indstack[top]) {
    if (top + 1 >= AW_MAX_INDENT) {
      lx->soft_error = true;
      aw_diag_set(lx->diag, AW_DIAG_INDENT, lx->line, 0, "too many levels of indentation");
      return -1;
    }
    if (altcol <= lx->altstack[top]) goto tab_error;
    lx->pend++;
    lx->indent++;
    lx->indstack[lx->indent] = col;
    lx->altstack[lx->indent] = altcol;
  } else {
    while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
      lx->pend--;
      lx->indent--;
    }
    if (col != lx->indstack[lx->indent]) {
      const char *eol = p;
      while (*eol != '\n' && *eol) eol++;
      lx->soft_error = true;
      aw_diag_set(lx->diag, AW_DIAG_INDENT, lx->line, col_of(lx, eol, lx->line_start, lx->line),
                  "unindent does not match any outer indentation level");
      return -1;
    }
    if (altcol != lx->altstack[lx->indent]) goto tab_error;
  }
  return 0;
tab_error:
  lx->soft_error = true;
  aw_diag_set(lx->diag, AW_DIAG_TAB, lx->line, 0, "inconsistent use of tabs and spaces in indentation");
  return -1;
}

static void set_pos(AwLexer *lx, AwToken *t, const char *s) {
  t->start = s;
  t->line = lx->line;
  t->col = col_of(lx, s, lx->line_start, lx->line);
}

static int finish(AwLexer *lx, AwToken *t, int type) {
  t->type = type;
  t->len = (size_t)(lx->cur - t->start);
  t->end_line = lx->line;
  t->end_col = col_of(lx, lx->cur, lx->line_start, lx->line);
  return type;
}

static int lex_token(AwLexer *lx, AwToken *t);

int aw_lexer_next(AwLexer *lx, AwToken *t) {
  int depth = lx->depth;
  memset(t, 0, sizeof *t);
  int r = lex_token(lx, t);
  if (r < 0) lx->failed = true;
  t->type = r;
  t->depth = depth;
  t->eof = lx->eof;
  return r;
}

static int lex_token(AwLexer *lx, AwToken *t) {
  if (lx->diag->kind != AW_DIAG_NONE) return -1;
  for (;;) {
    if (lx->pend != 0) {
      set_pos(lx, t, lx->cur);
      t->len = 0;
      t->end_line = t->line;
      t->end_col = t->col;
      if (lx->pend > 0) { lx->pend--; return t->type = TK_INDENT; }
      lx->pend++;
      return t->type = TK_DEDENT;
    }
    if (lx->atbol && !lx->fstring && !lx->eof) {
      int r = measure_indent(lx);
      if (r < 0) return -1;
      if (r > 0) continue;
      if (lx->pend != 0) continue;
    }
    break;
  }

  const char *cur = lx->cur, *mar;
  const char *s;
  for (;;) {
    s = cur;
    set_pos(lx, t, s);
    /*!re2c
      re2c:define:YYCTYPE = "unsigned char";
      re2c:define:YYCURSOR = cur;
      re2c:define:YYMARKER = mar;
      re2c:yyfill:enable = 0;

      nul = "\x00";
      idstart = [a-zA-Z_] | [\x80-\xff];
      idcont = [a-zA-Z0-9_] | [\x80-\xff];
      dig = [0-9];
      digitpart = dig ("_"? dig)*;
      decint = [1-9] ("_"? dig)* | "0" ("_"? "0")*;
      hexint = "0" [xX] ("_"? [0-9a-fA-F])+;
      octint = "0" [oO] ("_"? [0-7])+;
      binint = "0" [bB] ("_"? [01])+;
      exponent = [eE] [+-]? digitpart;
      pointfloat = digitpart? "." digitpart | digitpart ".";
      floatnum = pointfloat exponent? | digitpart exponent;
      imagnum = (floatnum | digitpart) [jJ];
      strprefix = [rRuUfFbB] | [fF][rR] | [rR][fF] | [bB][rR] | [rR][bB];

      [ \t\f]+ { continue; }
      "#" [^\n\x00]* { continue; }
      "\\" "\n" {
        lx->line++;
        lx->line_start = cur;
        if (*cur == 0 && cur >= lx->src + lx->len) {
          lx->incomplete = true;
          lx->soft_error = true;
          lx->cur = cur;
          return lex_error(lx, AW_DIAG_SYNTAX, t->line, t->col + 1,
                           "%s", "unexpected EOF while parsing");
        }
        continue;
      }
      "\\" {
        if (*cur == 0 && cur >= lx->src + lx->len) {
          lx->incomplete = true;
          lx->soft_error = true;
          lx->cur = cur;
          return lex_error_here(lx, cur, "%s", "unexpected EOF while parsing");
        }
        lx->cur = cur;
        lx->soft_error = true;
        return lex_error_here(lx, cur, "%s", "unexpected character after line continuation character");
      }
      "\n" {
        if (lx->depth > 0 || lx->fstring) {
          lx->line++;
          lx->line_start = cur;
          continue;
        }
        lx->cur = cur;
        finish(lx, t, TK_NEWLINE);
        t->end_col = t->col + 1;
        lx->line++;
        lx->line_start = cur;
        lx->atbol = true;
        lx->cur = cur;
        return TK_NEWLINE;
      }
      nul {
        if (cur - 1 < lx->src + lx->len) {
          lx->cur = cur;
          return lex_error_here(lx, s, "%s", "source code cannot contain null bytes");
        }
        cur--;
        lx->cur = cur;
        lx->eof = true;
        if (lx->fstring) return finish(lx, t, 0);
        if (lx->depth > 0) {
          char b[2] = {lx->parens[lx->depth - 1].ch, 0};
          lx->incomplete = true;
          return lex_error(lx, AW_DIAG_SYNTAX, lx->parens[lx->depth - 1].line, lx->parens[lx->depth - 1].col,
                           "'%s' was never closed", b);
        }
        if (!lx->atbol) {
          lx->atbol = true;
          return finish(lx, t, TK_NEWLINE);
        }
        if (lx->indent > 0) {
          lx->indent--;
          return finish(lx, t, TK_DEDENT);
        }
        return finish(lx, t, 0);
      }

      strprefix? ["'] {
        lx->cur = cur;
        int r = scan_string(lx, t, s, cur - 1);
        if (r < 0) return r;
        return finish(lx, t, r);
      }

      "False"    { lx->cur = cur; return finish(lx, t, TK_FALSE); }
      "None"     { lx->cur = cur; return finish(lx, t, TK_NONE); }
      "True"     { lx->cur = cur; return finish(lx, t, TK_TRUE); }
      "and"      { lx->cur = cur; return finish(lx, t, TK_AND); }
      "as"       { lx->cur = cur; return finish(lx, t, TK_AS); }
      "assert"   { lx->cur = cur; return finish(lx, t, TK_ASSERT); }
      "async"    { lx->cur = cur; return finish(lx, t, TK_ASYNC); }
      "await"    { lx->cur = cur; return finish(lx, t, TK_AWAIT); }
      "break"    { lx->cur = cur; return finish(lx, t, TK_BREAK); }
      "class"    { lx->cur = cur; return finish(lx, t, TK_CLASS); }
      "continue" { lx->cur = cur; return finish(lx, t, TK_CONTINUE); }
      "def"      { lx->cur = cur; return finish(lx, t, TK_DEF); }
      "del"      { lx->cur = cur; return finish(lx, t, TK_DEL); }
      "elif"     { lx->cur = cur; return finish(lx, t, TK_ELIF); }
      "else"     { lx->cur = cur; return finish(lx, t, TK_ELSE); }
      "except"   { lx->cur = cur; return finish(lx, t, TK_EXCEPT); }
      "finally"  { lx->cur = cur; return finish(lx, t, TK_FINALLY); }
      "for"      { lx->cur = cur; return finish(lx, t, TK_FOR); }
      "from"     { lx->cur = cur; return finish(lx, t, TK_FROM); }
      "global"   { lx->cur = cur; return finish(lx, t, TK_GLOBAL); }
      "if"       { lx->cur = cur; return finish(lx, t, TK_IF); }
      "import"   { lx->cur = cur; return finish(lx, t, TK_IMPORT); }
      "in"       { lx->cur = cur; return finish(lx, t, TK_IN); }
      "is"       { lx->cur = cur; return finish(lx, t, TK_IS); }
      "lambda"   { lx->cur = cur; return finish(lx, t, TK_LAMBDA); }
      "nonlocal" { lx->cur = cur; return finish(lx, t, TK_NONLOCAL); }
      "not"      { lx->cur = cur; return finish(lx, t, TK_NOT); }
      "or"       { lx->cur = cur; return finish(lx, t, TK_OR); }
      "pass"     { lx->cur = cur; return finish(lx, t, TK_PASS); }
      "raise"    { lx->cur = cur; return finish(lx, t, TK_RAISE); }
      "return"   { lx->cur = cur; return finish(lx, t, TK_RETURN); }
      "try"      { lx->cur = cur; return finish(lx, t, TK_TRY); }
      "while"    { lx->cur = cur; return finish(lx, t, TK_WHILE); }
      "with"     { lx->cur = cur; return finish(lx, t, TK_WITH); }
      "yield"    { lx->cur = cur; return finish(lx, t, TK_YIELD); }

      idstart idcont* {
        lx->cur = cur;
        if (!check_identifier(lx, s, cur)) return -1;
        return finish(lx, t, TK_NAME);
      }

      decint | floatnum { lx->cur = cur; return finish(lx, t, number_token(lx, s, cur, "decimal")); }
      hexint { lx->cur = cur; return finish(lx, t, number_token(lx, s, cur, "hexadecimal")); }
      octint { lx->cur = cur; return finish(lx, t, number_token(lx, s, cur, "octal")); }
      binint { lx->cur = cur; return finish(lx, t, number_token(lx, s, cur, "binary")); }
      "0" ("_"? dig)+ {
        lx->cur = cur;
        if (!number_end_ok(cur)) return number_token(lx, s, cur, "decimal");
        return lex_error_here(lx, s, "%s",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
      }
      "0" [xX] "_"? { lx->cur = cur; return lex_error_here(lx, s + 1, "%s", "invalid hexadecimal literal"); }
      "0" [oO] "_"? {
        lx->cur = cur;
        if (*cur >= '0' && *cur <= '9') return lex_error_here(lx, cur, "invalid digit '%.1s' in octal literal", cur);
        return lex_error_here(lx, s + 1, "%s", "invalid octal literal");
      }
      "0" [bB] "_"? {
        lx->cur = cur;
        if (*cur >= '0' && *cur <= '9') return lex_error_here(lx, cur, "invalid digit '%.1s' in binary literal", cur);
        return lex_error_here(lx, s + 1, "%s", "invalid binary literal");
      }
      imagnum {
        lx->cur = cur;
        return lex_error_here(lx, s, "%s", "imaginary literals are not supported (aw has no complex numbers)");
      }

      "("   { lx->cur = cur; return finish(lx, t, open_bracket(lx, s, '(', TK_LPAREN)); }
      "["   { lx->cur = cur; return finish(lx, t, open_bracket(lx, s, '[', TK_LSQB)); }
      "{"   { lx->cur = cur; return finish(lx, t, open_bracket(lx, s, '{', TK_LBRACE)); }
      ")"   { lx->cur = cur; return finish(lx, t, close_bracket(lx, s, ')', TK_RPAREN)); }
      "]"   { lx->cur = cur; return finish(lx, t, close_bracket(lx, s, ']', TK_RSQB)); }
      "}"   { lx->cur = cur; return finish(lx, t, close_bracket(lx, s, '}', TK_RBRACE)); }
      ":"   { lx->cur = cur; return finish(lx, t, TK_COLON); }
      ","   { lx->cur = cur; return finish(lx, t, TK_COMMA); }
      ";"   { lx->cur = cur; return finish(lx, t, TK_SEMI); }
      "+"   { lx->cur = cur; return finish(lx, t, TK_PLUS); }
      "-"   { lx->cur = cur; return finish(lx, t, TK_MINUS); }
      "*"   { lx->cur = cur; return finish(lx, t, TK_STAR); }
      "/"   { lx->cur = cur; return finish(lx, t, TK_SLASH); }
      "|"   { lx->cur = cur; return finish(lx, t, TK_VBAR); }
      "&"   { lx->cur = cur; return finish(lx, t, TK_AMPER); }
      "<"   { lx->cur = cur; return finish(lx, t, TK_LESS); }
      ">"   { lx->cur = cur; return finish(lx, t, TK_GREATER); }
      "="   { lx->cur = cur; return finish(lx, t, TK_EQUAL); }
      "."   { lx->cur = cur; return finish(lx, t, TK_DOT); }
      "%"   { lx->cur = cur; return finish(lx, t, TK_PERCENT); }
      "=="  { lx->cur = cur; return finish(lx, t, TK_EQEQUAL); }
      "!="  { lx->cur = cur; return finish(lx, t, TK_NOTEQUAL); }
      "<="  { lx->cur = cur; return finish(lx, t, TK_LESSEQUAL); }
      ">="  { lx->cur = cur; return finish(lx, t, TK_GREATEREQUAL); }
      "~"   { lx->cur = cur; return finish(lx, t, TK_TILDE); }
      "^"   { lx->cur = cur; return finish(lx, t, TK_CIRCUMFLEX); }
      "<<"  { lx->cur = cur; return finish(lx, t, TK_LEFTSHIFT); }
      ">>"  { lx->cur = cur; return finish(lx, t, TK_RIGHTSHIFT); }
      "**"  { lx->cur = cur; return finish(lx, t, TK_DOUBLESTAR); }
      "+="  { lx->cur = cur; return finish(lx, t, TK_PLUSEQUAL); }
      "-="  { lx->cur = cur; return finish(lx, t, TK_MINEQUAL); }
      "*="  { lx->cur = cur; return finish(lx, t, TK_STAREQUAL); }
      "/="  { lx->cur = cur; return finish(lx, t, TK_SLASHEQUAL); }
      "%="  { lx->cur = cur; return finish(lx, t, TK_PERCENTEQUAL); }
      "&="  { lx->cur = cur; return finish(lx, t, TK_AMPEREQUAL); }
      "|="  { lx->cur = cur; return finish(lx, t, TK_VBAREQUAL); }
      "^="  { lx->cur = cur; return finish(lx, t, TK_CIRCUMFLEXEQUAL); }
      "<<=" { lx->cur = cur; return finish(lx, t, TK_LEFTSHIFTEQUAL); }
      ">>=" { lx->cur = cur; return finish(lx, t, TK_RIGHTSHIFTEQUAL); }
      "**=" { lx->cur = cur; return finish(lx, t, TK_DOUBLESTAREQUAL); }
      "//"  { lx->cur = cur; return finish(lx, t, TK_DOUBLESLASH); }
      "//=" { lx->cur = cur; return finish(lx, t, TK_DOUBLESLASHEQUAL); }
      "@"   { lx->cur = cur; return finish(lx, t, TK_AT); }
      "@="  { lx->cur = cur; return finish(lx, t, TK_ATEQUAL); }
      "->"  { lx->cur = cur; return finish(lx, t, TK_RARROW); }
      "..." { lx->cur = cur; return finish(lx, t, TK_ELLIPSIS); }
      ":="  { lx->cur = cur; return finish(lx, t, TK_COLONEQUAL); }
      [^]   { lx->cur = cur; return finish(lx, t, TK_ERRORTOKEN); }
    */
  }
}

// tests/unit/parse_test.c -- unit tests for the front end (lang/): AST
// shapes checked against CPython's ast module, CPython's exact syntax error
// messages and positions, the conformance corpus, REPL incompleteness,
// hostile input (random bytes, deep nesting), a 10 MB source and allocation
// failure. Ends with one line "N passed, N failed"; exits 1 on failure.
// usage: parse_test [-v] [CONFORMANCE_DIR...]
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "lang/parser.h"

static int passed, failed;
static bool verbose;

#define CHECK(cond, ...)                          \
  do {                                            \
    if (cond) {                                   \
      passed++;                                   \
    } else {                                      \
      failed++;                                   \
      printf("FAIL %s:%d: ", __FILE__, __LINE__); \
      printf(__VA_ARGS__);                        \
      printf("\n");                               \
    }                                             \
  } while (0)

// ---- a counting allocator with failure injection -------------------------

typedef struct {
  size_t live, peak, allocs;
  long fail_at;  // refuse the allocation with this index (-1: never)
} Alloc;

static void *test_realloc(void *ud, void *ptr, size_t old, size_t n) {
  Alloc *a = ud;
  if (n == 0) {
    free(ptr);
    a->live -= old;
    return NULL;
  }
  if (a->fail_at >= 0 && (long)a->allocs >= a->fail_at) return NULL;
  a->allocs++;
  void *r = realloc(ptr, n);
  if (!r) return NULL;
  a->live += n - old;
  if (a->live > a->peak) a->peak = a->live;
  return r;
}

static bool parse_len(const char *src, size_t len, AwParseMode mode, AwParseResult *r, Alloc *a) {
  a->live = a->peak = a->allocs = 0;
  aw_arena_init(&r->arena, test_realloc, a);
  return aw_parse(src, len, mode, r);
}

static bool parse(const char *src, AwParseMode mode, AwParseResult *r, Alloc *a) {
  return parse_len(src, strlen(src), mode, r, a);
}

// Frees the arena and checks that nothing leaked.
static void finish(AwParseResult *r, Alloc *a, const char *what) {
  aw_arena_free(&r->arena);
  CHECK(a->live == 0, "%s: %zu bytes leaked", what, a->live);
}

// The dump of [n], without the " @line:col" suffixes unless [positions].
static char *dump_str(const AwNode *n, bool positions) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  aw_ast_dump(n, f);
  fclose(f);
  if (!positions) {
    // Drop the trailing " @line:col" of each line (a BINOP may print "@").
    char *w = buf;
    for (char *r = buf; *r;) {
      if (r[0] == ' ' && r[1] == '@' && r[2] >= '0' && r[2] <= '9') {
        char *q = r + 2;
        while ((*q >= '0' && *q <= '9') || *q == ':') q++;
        if (*q == '\n' || *q == 0) {
          r = q;
          continue;
        }
      }
      *w++ = *r++;
    }
    *w = 0;
  }
  return buf;
}

static const char *kind_name(AwDiagKind k) { return aw_diag_kind_name(k); }

// ---- AST shapes (expected dumps generated from CPython 3.11's ast) ---------

static const struct { const char *src, *dump; } dump_cases[] = {
  {"x = -2**2\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: UNARYOP -\n"
   "      operand: BINOP **\n"
   "        left: CONST 2\n"
   "        right: CONST 2\n"},
  {"a if b else c\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: IFEXP\n"
   "      test: NAME b\n"
   "      body: NAME a\n"
   "      orelse: NAME c\n"},
  {"a < b <= c != d\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: COMPARE < <= !=\n"
   "      left: NAME a\n"
   "      comparators[0]: NAME b\n"
   "      comparators[1]: NAME c\n"
   "      comparators[2]: NAME d\n"},
  {"a not in b is not c\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: COMPARE not in is not\n"
   "      left: NAME a\n"
   "      comparators[0]: NAME b\n"
   "      comparators[1]: NAME c\n"},
  {"(a < b) < c\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: COMPARE <\n"
   "      left: COMPARE <\n"
   "        left: NAME a\n"
   "        comparators[0]: NAME b\n"
   "      comparators[0]: NAME c\n"},
  {"a or b or c and d and not e\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: BOOLOP or\n"
   "      values[0]: NAME a\n"
   "      values[1]: NAME b\n"
   "      values[2]: BOOLOP and\n"
   "        values[0]: NAME c\n"
   "        values[1]: NAME d\n"
   "        values[2]: UNARYOP not\n"
   "          operand: NAME e\n"},
  {"(a or b) or c\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: BOOLOP or\n"
   "      values[0]: BOOLOP or\n"
   "        values[0]: NAME a\n"
   "        values[1]: NAME b\n"
   "      values[1]: NAME c\n"},
  {"x = y = z = 1\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    targets[1]: NAME y\n"
   "    targets[2]: NAME z\n"
   "    value: CONST 1\n"},
  {"a, *b, (c, d) = [1, *e]\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: TUPLE\n"
   "      items[0]: NAME a\n"
   "      items[1]: STARRED\n"
   "        value: NAME b\n"
   "      items[2]: TUPLE\n"
   "        items[0]: NAME c\n"
   "        items[1]: NAME d\n"
   "    value: LIST\n"
   "      items[0]: CONST 1\n"
   "      items[1]: STARRED\n"
   "        value: NAME e\n"},
  {"x += 1; y **= 2; z //= 3\n",
   "MODULE\n"
   "  body[0]: AUGASSIGN +=\n"
   "    target: NAME x\n"
   "    value: CONST 1\n"
   "  body[1]: AUGASSIGN **=\n"
   "    target: NAME y\n"
   "    value: CONST 2\n"
   "  body[2]: AUGASSIGN //=\n"
   "    target: NAME z\n"
   "    value: CONST 3\n"},
  {"x: int = 5\ny: list\nobj.attr: int = 1\n(z): int\n",
   "MODULE\n"
   "  body[0]: ANNASSIGN simple\n"
   "    target: NAME x\n"
   "    annotation: NAME int\n"
   "    value: CONST 5\n"
   "  body[1]: ANNASSIGN simple\n"
   "    target: NAME y\n"
   "    annotation: NAME list\n"
   "  body[2]: ANNASSIGN\n"
   "    target: ATTRIBUTE .attr\n"
   "      value: NAME obj\n"
   "    annotation: NAME int\n"
   "    value: CONST 1\n"
   "  body[3]: ANNASSIGN\n"
   "    target: NAME z\n"
   "    annotation: NAME int\n"},
  {"del a, b[0], c.d\n",
   "MODULE\n"
   "  body[0]: DELETE\n"
   "    items[0]: NAME a\n"
   "    items[1]: SUBSCRIPT\n"
   "      value: NAME b\n"
   "      slice: CONST 0\n"
   "    items[2]: ATTRIBUTE .d\n"
   "      value: NAME c\n"},
  {"del (a, b)\n",
   "MODULE\n"
   "  body[0]: DELETE\n"
   "    items[0]: TUPLE\n"
   "      items[0]: NAME a\n"
   "      items[1]: NAME b\n"},
  {"return 1, *x\n",
   "MODULE\n"
   "  body[0]: RETURN\n"
   "    value: TUPLE\n"
   "      items[0]: CONST 1\n"
   "      items[1]: STARRED\n"
   "        value: NAME x\n"},
  {"f(x for x in y)\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CALL\n"
   "      func: NAME f\n"
   "      args[0]: GENEXP\n"
   "        elt: NAME x\n"
   "        generators[0]: COMPREHENSION\n"
   "          target: NAME x\n"
   "          iter: NAME y\n"},
  {"f(*a, b, *c, k=1, **d, j=2)\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CALL\n"
   "      func: NAME f\n"
   "      args[0]: STARRED\n"
   "        value: NAME a\n"
   "      args[1]: NAME b\n"
   "      args[2]: STARRED\n"
   "        value: NAME c\n"
   "      keywords[0]: KEYWORD k\n"
   "        value: CONST 1\n"
   "      keywords[1]: KEYWORD **\n"
   "        value: NAME d\n"
   "      keywords[2]: KEYWORD j\n"
   "        value: CONST 2\n"},
  {"a[1:2, ::3, 4]\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: SUBSCRIPT\n"
   "      value: NAME a\n"
   "      slice: TUPLE\n"
   "        items[0]: SLICE\n"
   "          lower: CONST 1\n"
   "          upper: CONST 2\n"
   "        items[1]: SLICE\n"
   "          step: CONST 3\n"
   "        items[2]: CONST 4\n"},
  {"a[:]\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: SUBSCRIPT\n"
   "      value: NAME a\n"
   "      slice: SLICE\n"},
  {"a[x:=1]\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: SUBSCRIPT\n"
   "      value: NAME a\n"
   "      slice: NAMEDEXPR\n"
   "        target: NAME x\n"
   "        value: CONST 1\n"},
  {"[x * y for x in a if x for y in b if y if z]\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: LISTCOMP\n"
   "      elt: BINOP *\n"
   "        left: NAME x\n"
   "        right: NAME y\n"
   "      generators[0]: COMPREHENSION\n"
   "        target: NAME x\n"
   "        iter: NAME a\n"
   "        ifs[0]: NAME x\n"
   "      generators[1]: COMPREHENSION\n"
   "        target: NAME y\n"
   "        iter: NAME b\n"
   "        ifs[0]: NAME y\n"
   "        ifs[1]: NAME z\n"},
  {"{k: v for k, v in d.items()}\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: DICTCOMP\n"
   "      key: NAME k\n"
   "      value: NAME v\n"
   "      generators[0]: COMPREHENSION\n"
   "        target: TUPLE\n"
   "          items[0]: NAME k\n"
   "          items[1]: NAME v\n"
   "        iter: CALL\n"
   "          func: ATTRIBUTE .items\n"
   "            value: NAME d\n"},
  {"{x for x in s}\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: SETCOMP\n"
   "      elt: NAME x\n"
   "      generators[0]: COMPREHENSION\n"
   "        target: NAME x\n"
   "        iter: NAME s\n"},
  {"{**a, 'b': 1, **c}\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: DICT\n"
   "      keys[0]: -\n"
   "      values[0]: NAME a\n"
   "      keys[1]: CONST 'b'\n"
   "      values[1]: CONST 1\n"
   "      keys[2]: -\n"
   "      values[2]: NAME c\n"},
  {"{1, 2, *s}\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: SET\n"
   "      items[0]: CONST 1\n"
   "      items[1]: CONST 2\n"
   "      items[2]: STARRED\n"
   "        value: NAME s\n"},
  {"(yield)\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: YIELD\n"},
  {"lambda: 0\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: LAMBDA\n"
   "      args: ARGUMENTS\n"
   "      body: CONST 0\n"},
  {"lambda a, b=1, *args, c, d=2, **kw: a\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: LAMBDA\n"
   "      args: ARGUMENTS\n"
   "        args[0]: ARG a\n"
   "        args[1]: ARG b\n"
   "        vararg: ARG args\n"
   "        kwonlyargs[0]: ARG c\n"
   "        kwonlyargs[1]: ARG d\n"
   "        kw_defaults[0]: -\n"
   "        kw_defaults[1]: CONST 2\n"
   "        kwarg: ARG kw\n"
   "        defaults[0]: CONST 1\n"
   "      body: NAME a\n"},
  {"def f(a, b=1, /, c=2, *, d, e=3, **f) -> int: pass\n",
   "MODULE\n"
   "  body[0]: FUNCDEF f\n"
   "    args: ARGUMENTS\n"
   "      posonlyargs[0]: ARG a\n"
   "      posonlyargs[1]: ARG b\n"
   "      args[0]: ARG c\n"
   "      kwonlyargs[0]: ARG d\n"
   "      kwonlyargs[1]: ARG e\n"
   "      kw_defaults[0]: -\n"
   "      kw_defaults[1]: CONST 3\n"
   "      kwarg: ARG f\n"
   "      defaults[0]: CONST 1\n"
   "      defaults[1]: CONST 2\n"
   "    returns: NAME int\n"
   "    body[0]: PASS\n"},
  {"def f(a, /): pass\n",
   "MODULE\n"
   "  body[0]: FUNCDEF f\n"
   "    args: ARGUMENTS\n"
   "      posonlyargs[0]: ARG a\n"
   "    body[0]: PASS\n"},
  {"def f(*, a): pass\n",
   "MODULE\n"
   "  body[0]: FUNCDEF f\n"
   "    args: ARGUMENTS\n"
   "      kwonlyargs[0]: ARG a\n"
   "      kw_defaults[0]: -\n"
   "    body[0]: PASS\n"},
  {"@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    x = 1\n    def m(self): return self\n",
   "MODULE\n"
   "  body[0]: CLASSDEF C\n"
   "    decorators[0]: NAME dec\n"
   "    decorators[1]: CALL\n"
   "      func: NAME dec2\n"
   "      args[0]: CONST 1\n"
   "    bases[0]: NAME B\n"
   "    keywords[0]: KEYWORD metaclass\n"
   "      value: NAME M\n"
   "    body[0]: ASSIGN\n"
   "      targets[0]: NAME x\n"
   "      value: CONST 1\n"
   "    body[1]: FUNCDEF m\n"
   "      args: ARGUMENTS\n"
   "        args[0]: ARG self\n"
   "      body[0]: RETURN\n"
   "        value: NAME self\n"},
  {"async def f():\n    async with a as b, c:\n        pass\n    async for x in y:\n        await z\n    return [i async for i in g()]\n",
   "MODULE\n"
   "  body[0]: FUNCDEF f async\n"
   "    args: ARGUMENTS\n"
   "    body[0]: WITH async\n"
   "      items[0]: WITHITEM\n"
   "        context_expr: NAME a\n"
   "        optional_vars: NAME b\n"
   "      items[1]: WITHITEM\n"
   "        context_expr: NAME c\n"
   "      body[0]: PASS\n"
   "    body[1]: FOR async\n"
   "      target: NAME x\n"
   "      iter: NAME y\n"
   "      body[0]: EXPR_STMT\n"
   "        value: AWAIT\n"
   "          value: NAME z\n"
   "    body[2]: RETURN\n"
   "      value: LISTCOMP\n"
   "        elt: NAME i\n"
   "        generators[0]: COMPREHENSION async\n"
   "          target: NAME i\n"
   "          iter: CALL\n"
   "            func: NAME g\n"},
  {"try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept C:\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
   "MODULE\n"
   "  body[0]: TRY\n"
   "    body[0]: PASS\n"
   "    handlers[0]: EXCEPTHANDLER as e\n"
   "      type: TUPLE\n"
   "        items[0]: NAME A\n"
   "        items[1]: NAME B\n"
   "      body[0]: RAISE\n"
   "        exc: NAME X\n"
   "        cause: NAME e\n"
   "    handlers[1]: EXCEPTHANDLER\n"
   "      type: NAME C\n"
   "      body[0]: RAISE\n"
   "    orelse[0]: PASS\n"
   "    finalbody[0]: PASS\n"},
  {"try:\n    pass\nexcept* ValueError:\n    pass\n",
   "MODULE\n"
   "  body[0]: TRY star\n"
   "    body[0]: PASS\n"
   "    handlers[0]: EXCEPTHANDLER\n"
   "      type: NAME ValueError\n"
   "      body[0]: PASS\n"},
  {"with (a as b, c as d):\n    pass\n",
   "MODULE\n"
   "  body[0]: WITH\n"
   "    items[0]: WITHITEM\n"
   "      context_expr: NAME a\n"
   "      optional_vars: NAME b\n"
   "    items[1]: WITHITEM\n"
   "      context_expr: NAME c\n"
   "      optional_vars: NAME d\n"
   "    body[0]: PASS\n"},
  {"with (a, b):\n    pass\n",
   "MODULE\n"
   "  body[0]: WITH\n"
   "    items[0]: WITHITEM\n"
   "      context_expr: NAME a\n"
   "    items[1]: WITHITEM\n"
   "      context_expr: NAME b\n"
   "    body[0]: PASS\n"},
  {"with (a, b) as c:\n    pass\n",
   "MODULE\n"
   "  body[0]: WITH\n"
   "    items[0]: WITHITEM\n"
   "      context_expr: TUPLE\n"
   "        items[0]: NAME a\n"
   "        items[1]: NAME b\n"
   "      optional_vars: NAME c\n"
   "    body[0]: PASS\n"},
  {"with (open(x)) as f, g:\n    pass\n",
   "MODULE\n"
   "  body[0]: WITH\n"
   "    items[0]: WITHITEM\n"
   "      context_expr: CALL\n"
   "        func: NAME open\n"
   "        args[0]: NAME x\n"
   "      optional_vars: NAME f\n"
   "    items[1]: WITHITEM\n"
   "      context_expr: NAME g\n"
   "    body[0]: PASS\n"},
  {"import os.path as p, sys\nfrom . import x\nfrom ..a.b import (c as d, e,)\nfrom m import *\n",
   "MODULE\n"
   "  body[0]: IMPORT\n"
   "    names[0]: ALIAS os.path as p\n"
   "    names[1]: ALIAS sys\n"
   "  body[1]: IMPORTFROM - level=1\n"
   "    names[0]: ALIAS x\n"
   "  body[2]: IMPORTFROM a.b level=2\n"
   "    names[0]: ALIAS c as d\n"
   "    names[1]: ALIAS e\n"
   "  body[3]: IMPORTFROM m level=0\n"
   "    names[0]: ALIAS *\n"},
  {"global a, b\nnonlocal c\n",
   "MODULE\n"
   "  body[0]: GLOBAL a b\n"
   "  body[1]: NONLOCAL c\n"},
  {"assert x, 'msg'\n",
   "MODULE\n"
   "  body[0]: ASSERT\n"
   "    test: NAME x\n"
   "    msg: CONST 'msg'\n"},
  {"if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\n",
   "MODULE\n"
   "  body[0]: IF\n"
   "    test: NAME a\n"
   "    body[0]: PASS\n"
   "    orelse[0]: IF\n"
   "      test: NAME b\n"
   "      body[0]: PASS\n"
   "      orelse[0]: IF\n"
   "        test: NAME c\n"
   "        body[0]: PASS\n"
   "        orelse[0]: PASS\n"},
  {"while x:\n    break\nelse:\n    continue\n",
   "MODULE\n"
   "  body[0]: WHILE\n"
   "    test: NAME x\n"
   "    body[0]: BREAK\n"
   "    orelse[0]: CONTINUE\n"},
  {"for i, j in enumerate(x):\n    pass\nelse:\n    pass\n",
   "MODULE\n"
   "  body[0]: FOR\n"
   "    target: TUPLE\n"
   "      items[0]: NAME i\n"
   "      items[1]: NAME j\n"
   "    iter: CALL\n"
   "      func: NAME enumerate\n"
   "      args[0]: NAME x\n"
   "    body[0]: PASS\n"
   "    orelse[0]: PASS\n"},
  {"x = (y := 10)\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: NAMEDEXPR\n"
   "      target: NAME y\n"
   "      value: CONST 10\n"},
  {"print(f'{x!r:>10} {y:.2f} {{literal}}')\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CALL\n"
   "      func: NAME print\n"
   "      args[0]: JOINEDSTR\n"
   "        items[0]: FORMATTEDVALUE !r\n"
   "          value: NAME x\n"
   "          spec: JOINEDSTR\n"
   "            items[0]: CONST '>10'\n"
   "        items[1]: CONST ' '\n"
   "        items[2]: FORMATTEDVALUE\n"
   "          value: NAME y\n"
   "          spec: JOINEDSTR\n"
   "            items[0]: CONST '.2f'\n"
   "        items[3]: CONST ' {literal}'\n"},
  {"f'{x=}'\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: JOINEDSTR\n"
   "      items[0]: CONST 'x='\n"
   "      items[1]: FORMATTEDVALUE !r\n"
   "        value: NAME x\n"},
  {"f'{x = !s:^{w}}'\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: JOINEDSTR\n"
   "      items[0]: CONST 'x = '\n"
   "      items[1]: FORMATTEDVALUE !s\n"
   "        value: NAME x\n"
   "        spec: JOINEDSTR\n"
   "          items[0]: CONST '^'\n"
   "          items[1]: FORMATTEDVALUE\n"
   "            value: NAME w\n"},
  {"f'{x:{w}.{p}f}'\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: JOINEDSTR\n"
   "      items[0]: FORMATTEDVALUE\n"
   "        value: NAME x\n"
   "        spec: JOINEDSTR\n"
   "          items[0]: FORMATTEDVALUE\n"
   "            value: NAME w\n"
   "          items[1]: CONST '.'\n"
   "          items[2]: FORMATTEDVALUE\n"
   "            value: NAME p\n"
   "          items[3]: CONST 'f'\n"},
  {"'a' 'b' f'c{d}' 'e'\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: JOINEDSTR\n"
   "      items[0]: CONST 'abc'\n"
   "      items[1]: FORMATTEDVALUE\n"
   "        value: NAME d\n"
   "      items[2]: CONST 'e'\n"},
  {"b'a' b'\\x00\\xff'\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CONST b'a\\x00\\xff'\n"},
  {"'\\n\\t\\x41\\u00e9\\101\\q\\N{BULLET}'\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CONST '\\n\\tA\303\251A\\\\q\342\200\242'\n"},
  {"r'\\n' R'\\d'\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CONST '\\\\n\\\\d'\n"},
  {"x = 0x_ff + 0o17 + 0b1_01 + 1_000 + 1.5 + 1e-3 + .5 + 1. + 1_000.5\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: BINOP +\n"
   "      left: BINOP +\n"
   "        left: BINOP +\n"
   "          left: BINOP +\n"
   "            left: BINOP +\n"
   "              left: BINOP +\n"
   "                left: BINOP +\n"
   "                  left: BINOP +\n"
   "                    left: CONST 255\n"
   "                    right: CONST 15\n"
   "                  right: CONST 5\n"
   "                right: CONST 1000\n"
   "              right: CONST 1.5\n"
   "            right: CONST 0.001\n"
   "          right: CONST 0.5\n"
   "        right: CONST 1\n"
   "      right: CONST 1000.5\n"},
  {"x = 9223372036854775807\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: CONST 9223372036854775807\n"},
  {"yield from g()\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: YIELDFROM\n"
   "      value: CALL\n"
   "        func: NAME g\n"},
  {"x = yield\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: YIELD\n"},
  {"x = await y ** 2\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: BINOP **\n"
   "      left: AWAIT\n"
   "        value: NAME y\n"
   "      right: CONST 2\n"},
  {"-a ** -b\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: UNARYOP -\n"
   "      operand: BINOP **\n"
   "        left: NAME a\n"
   "        right: UNARYOP -\n"
   "          operand: NAME b\n"},
  {"not a == b\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: UNARYOP not\n"
   "      operand: COMPARE ==\n"
   "        left: NAME a\n"
   "        comparators[0]: NAME b\n"},
  {"a | b ^ c & d << e + f * g @ h\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: BINOP |\n"
   "      left: NAME a\n"
   "      right: BINOP ^\n"
   "        left: NAME b\n"
   "        right: BINOP &\n"
   "          left: NAME c\n"
   "          right: BINOP <<\n"
   "            left: NAME d\n"
   "            right: BINOP +\n"
   "              left: NAME e\n"
   "              right: BINOP @\n"
   "                left: BINOP *\n"
   "                  left: NAME f\n"
   "                  right: NAME g\n"
   "                right: NAME h\n"},
  {"a = b if c else d if e else f\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME a\n"
   "    value: IFEXP\n"
   "      test: NAME c\n"
   "      body: NAME b\n"
   "      orelse: IFEXP\n"
   "        test: NAME e\n"
   "        body: NAME d\n"
   "        orelse: NAME f\n"},
  {"x = [\n  1,\n  2,\n]\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: LIST\n"
   "      items[0]: CONST 1\n"
   "      items[1]: CONST 2\n"},
  {"if x: y = 1; z = 2\n",
   "MODULE\n"
   "  body[0]: IF\n"
   "    test: NAME x\n"
   "    body[0]: ASSIGN\n"
   "      targets[0]: NAME y\n"
   "      value: CONST 1\n"
   "    body[1]: ASSIGN\n"
   "      targets[0]: NAME z\n"
   "      value: CONST 2\n"},
  {"x = \\\n  1\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: CONST 1\n"},
  {"class A: pass\n",
   "MODULE\n"
   "  body[0]: CLASSDEF A\n"
   "    body[0]: PASS\n"},
  {"class A(): pass\n",
   "MODULE\n"
   "  body[0]: CLASSDEF A\n"
   "    body[0]: PASS\n"},
  {"f(a)(b)[c].d\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: ATTRIBUTE .d\n"
   "      value: SUBSCRIPT\n"
   "        value: CALL\n"
   "          func: CALL\n"
   "            func: NAME f\n"
   "            args[0]: NAME a\n"
   "          args[0]: NAME b\n"
   "        slice: NAME c\n"},
  {"()\n[]\n{}\n(1,)\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: TUPLE\n"
   "  body[1]: EXPR_STMT\n"
   "    value: LIST\n"
   "  body[2]: EXPR_STMT\n"
   "    value: DICT\n"
   "  body[3]: EXPR_STMT\n"
   "    value: TUPLE\n"
   "      items[0]: CONST 1\n"},
  {"*a, = b\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: TUPLE\n"
   "      items[0]: STARRED\n"
   "        value: NAME a\n"
   "    value: NAME b\n"},
  {"for x in *a, *b: pass\n",
   "MODULE\n"
   "  body[0]: FOR\n"
   "    target: NAME x\n"
   "    iter: TUPLE\n"
   "      items[0]: STARRED\n"
   "        value: NAME a\n"
   "      items[1]: STARRED\n"
   "        value: NAME b\n"
   "    body[0]: PASS\n"},
  {"print(*a if b else c)\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CALL\n"
   "      func: NAME print\n"
   "      args[0]: STARRED\n"
   "        value: IFEXP\n"
   "          test: NAME b\n"
   "          body: NAME a\n"
   "          orelse: NAME c\n"},
  {"a[*b]\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: SUBSCRIPT\n"
   "      value: NAME a\n"
   "      slice: TUPLE\n"
   "        items[0]: STARRED\n"
   "          value: NAME b\n"},
  {"x = ...\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: CONST Ellipsis\n"},
  {"def f(): return\n",
   "MODULE\n"
   "  body[0]: FUNCDEF f\n"
   "    args: ARGUMENTS\n"
   "    body[0]: RETURN\n"},
  {"async def f(): yield\n",
   "MODULE\n"
   "  body[0]: FUNCDEF f async\n"
   "    args: ARGUMENTS\n"
   "    body[0]: EXPR_STMT\n"
   "      value: YIELD\n"},
  {"match = 1\ncase = 2\n_ = 3\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME match\n"
   "    value: CONST 1\n"
   "  body[1]: ASSIGN\n"
   "    targets[0]: NAME case\n"
   "    value: CONST 2\n"
   "  body[2]: ASSIGN\n"
   "    targets[0]: NAME _\n"
   "    value: CONST 3\n"},
  {"f(a, b,)\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CALL\n"
   "      func: NAME f\n"
   "      args[0]: NAME a\n"
   "      args[1]: NAME b\n"},
  {"if (n := len(a)) > 10: pass\n",
   "MODULE\n"
   "  body[0]: IF\n"
   "    test: COMPARE >\n"
   "      left: NAMEDEXPR\n"
   "        target: NAME n\n"
   "        value: CALL\n"
   "          func: NAME len\n"
   "          args[0]: NAME a\n"
   "      comparators[0]: CONST 10\n"
   "    body[0]: PASS\n"},
  {"'''a\nb''' \"\"\"c\\\nd\"\"\"\n",
   "MODULE\n"
   "  body[0]: EXPR_STMT\n"
   "    value: CONST 'a\\nbcd'\n"},
  {"x = '\303\251' + '\346\227\245\346\234\254'\n",
   "MODULE\n"
   "  body[0]: ASSIGN\n"
   "    targets[0]: NAME x\n"
   "    value: BINOP +\n"
   "      left: CONST '\303\251'\n"
   "      right: CONST '\346\227\245\346\234\254'\n"},
  {"def f(x): return f'{x!r}' f\"{x:>{10}}\"\n",
   "MODULE\n"
   "  body[0]: FUNCDEF f\n"
   "    args: ARGUMENTS\n"
   "      args[0]: ARG x\n"
   "    body[0]: RETURN\n"
   "      value: JOINEDSTR\n"
   "        items[0]: FORMATTEDVALUE !r\n"
   "          value: NAME x\n"
   "        items[1]: FORMATTEDVALUE\n"
   "          value: NAME x\n"
   "          spec: JOINEDSTR\n"
   "            items[0]: CONST '>'\n"
   "            items[1]: FORMATTEDVALUE\n"
   "              value: CONST 10\n"},
  {"if a:\n  if b:\n    pass\n  else:\n    pass\n# comment\n\n  \nz = 1  # trailing\n",
   "MODULE\n"
   "  body[0]: IF\n"
   "    test: NAME a\n"
   "    body[0]: IF\n"
   "      test: NAME b\n"
   "      body[0]: PASS\n"
   "      orelse[0]: PASS\n"
   "  body[1]: ASSIGN\n"
   "    targets[0]: NAME z\n"
   "    value: CONST 1\n"},
};

// Shapes where aw deliberately differs from CPython's ast, written by hand.
static const struct { const char *src, *dump; } aw_dump_cases[] = {
  // The one int64 literal that only fits negated is folded.
  {"x = -9223372036854775808\n",
   "MODULE\n  body[0]: ASSIGN\n    targets[0]: NAME x\n    value: CONST -9223372036854775808\n"},
  {"x = - 9223372036854775808\n",
   "MODULE\n  body[0]: ASSIGN\n    targets[0]: NAME x\n    value: CONST -9223372036854775808\n"},
};

static void test_dumps(void) {
  Alloc a = {0, 0, 0, -1};
  for (size_t pass = 0; pass < 2; pass++) {
    size_t n = pass == 0 ? sizeof dump_cases / sizeof dump_cases[0] : sizeof aw_dump_cases / sizeof aw_dump_cases[0];
    for (size_t i = 0; i < n; i++) {
      const char *src = pass == 0 ? dump_cases[i].src : aw_dump_cases[i].src;
      const char *want = pass == 0 ? dump_cases[i].dump : aw_dump_cases[i].dump;
      AwParseResult r;
      bool ok = parse(src, AW_PARSE_FILE, &r, &a);
      CHECK(ok, "parse failed for %s: %s", src, r.diag.msg);
      if (ok) {
        char *got = dump_str(r.root, false);
        CHECK(strcmp(got, want) == 0, "dump of %s\n--- want\n%s--- got\n%s", src, want, got);
        free(got);
      }
      finish(&r, &a, src);
    }
  }
}

// Positions (1-based line, 0-based byte column) as CPython reports them.
static void test_positions(void) {
  Alloc a = {0, 0, 0, -1};
  AwParseResult r;
  const char *src = "x = -2**2\nif (a) < b:\n    f(a)[1].c = (d)\n    t = 1, 2\nprint((x), 'a' \"b\")\n";
  const char *want =
      "MODULE @1:0\n"
      "  body[0]: ASSIGN @1:0\n"
      "    targets[0]: NAME x @1:0\n"
      "    value: UNARYOP - @1:4\n"
      "      operand: BINOP ** @1:5\n"
      "        left: CONST 2 @1:5\n"
      "        right: CONST 2 @1:8\n"
      "  body[1]: IF @2:0\n"
      "    test: COMPARE < @2:3\n"
      "      left: NAME a @2:4\n"
      "      comparators[0]: NAME b @2:9\n"
      "    body[0]: ASSIGN @3:4\n"
      "      targets[0]: ATTRIBUTE .c @3:4\n"
      "        value: SUBSCRIPT @3:4\n"
      "          value: CALL @3:4\n"
      "            func: NAME f @3:4\n"
      "            args[0]: NAME a @3:6\n"
      "          slice: CONST 1 @3:9\n"
      "      value: NAME d @3:17\n"
      "    body[1]: ASSIGN @4:4\n"
      "      targets[0]: NAME t @4:4\n"
      "      value: TUPLE @4:8\n"
      "        items[0]: CONST 1 @4:8\n"
      "        items[1]: CONST 2 @4:11\n"
      "  body[2]: EXPR_STMT @5:0\n"
      "    value: CALL @5:0\n"
      "      func: NAME print @5:0\n"
      "      args[0]: NAME x @5:7\n"
      "      args[1]: CONST 'ab' @5:11\n";
  bool ok = parse(src, AW_PARSE_FILE, &r, &a);
  CHECK(ok, "positions source failed: %s", r.diag.msg);
  if (ok) {
    char *got = dump_str(r.root, true);
    CHECK(strcmp(got, want) == 0, "positions\n--- want\n%s--- got\n%s", want, got);
    const AwNode *call = r.root->u.module.body.items[2]->u.expr_stmt.value;
    CHECK(call->end_line == 5 && call->end_col == 19, "call end %d:%d", call->end_line, call->end_col);
    const AwNode *iff = r.root->u.module.body.items[1];
    CHECK(iff->end_line == 4 && iff->end_col == 12, "if end %d:%d", iff->end_line, iff->end_col);
    free(got);
  }
  finish(&r, &a, "positions");
}

// Constant values, identifiers, interning.
static void test_values(void) {
  Alloc a = {0, 0, 0, -1};
  AwParseResult r;
  const char *src = "foo = 0x7fffffffffffffff, 1e308 * 10, 'a\\x00b', b'\\xff', foo\nprint(foo.foo)\n";
  bool ok = parse(src, AW_PARSE_FILE, &r, &a);
  CHECK(ok, "values: %s", r.diag.msg);
  if (ok) {
    const AwNode *as = r.root->u.module.body.items[0];
    const AwNode *tup = as->u.assign.value;
    CHECK(tup->kind == AST_TUPLE && tup->u.list.items.len == 5, "tuple");
    const AwNode *i = tup->u.list.items.items[0];
    CHECK(i->kind == AST_CONST && i->u.constant.kind == AW_CONST_INT && i->u.constant.value.i == INT64_MAX, "int max");
    const AwNode *s = tup->u.list.items.items[2];
    CHECK(s->u.constant.kind == AW_CONST_STR && s->u.constant.value.s.len == 3 &&
              memcmp(s->u.constant.value.s.data, "a\0b", 3) == 0,
          "str with NUL");
    const AwNode *b = tup->u.list.items.items[3];
    CHECK(b->u.constant.kind == AW_CONST_BYTES && b->u.constant.value.s.len == 1 &&
              (unsigned char)b->u.constant.value.s.data[0] == 0xff,
          "bytes");
    AwIdent t0 = as->u.assign.targets.items[0]->u.name.id;
    AwIdent t1 = tup->u.list.items.items[4]->u.name.id;
    const AwNode *attr = r.root->u.module.body.items[1]->u.expr_stmt.value->u.call.args.items[0];
    CHECK(t0 == t1 && t0 == attr->u.attribute.attr && t0 == attr->u.attribute.value->u.name.id,
          "identifiers are interned");
  }
  finish(&r, &a, "values");
}

// ---- syntax errors ----------------------------------------------------

typedef struct {
  const char *src;
  AwDiagKind kind;
  int line, col;  // col: 0-based (CPython's offset - 1)
  const char *msg;
} ErrCase;

// Generated from CPython 3.11.7: compile(src) -> (type, msg, lineno, offset - 1),
// leaving out errors CPython raises after parsing (the compiler's job here).
static const ErrCase cpython_errors[] = {
  {"x = $\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"x = ?\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"x = 1abc\n", AW_DIAG_SYNTAX, 1, 4, "invalid decimal literal"},
  {"x = 012\n", AW_DIAG_SYNTAX, 1, 4, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
  {"x=0_\n", AW_DIAG_SYNTAX, 1, 3, "invalid decimal literal"},
  {"x = 1__0\n", AW_DIAG_SYNTAX, 1, 5, "invalid decimal literal"},
  {"x = 0x\n", AW_DIAG_SYNTAX, 1, 5, "invalid hexadecimal literal"},
  {"x = 1e\n", AW_DIAG_SYNTAX, 1, 4, "invalid decimal literal"},
  {"x = 'abc\n", AW_DIAG_SYNTAX, 1, 4, "unterminated string literal (detected at line 1)"},
  {"x = '''abc\n\n", AW_DIAG_SYNTAX, 1, 4, "unterminated triple-quoted string literal (detected at line 2)"},
  {"x = \"\"\"abc\n  \n", AW_DIAG_SYNTAX, 1, 4, "unterminated triple-quoted string literal (detected at line 2)"},
  {"if x:\n\tpass\n        pass\n", AW_DIAG_TAB, 3, 0, "inconsistent use of tabs and spaces in indentation"},
  {"if x:\n        pass\n\tpass\n", AW_DIAG_TAB, 3, 0, "inconsistent use of tabs and spaces in indentation"},
  {"if x:\n  pass\n pass\n", AW_DIAG_INDENT, 3, 5, "unindent does not match any outer indentation level"},
  {"  x = 1\n", AW_DIAG_INDENT, 1, 1, "unexpected indent"},
  {"x = 1\n  y = 2\n", AW_DIAG_INDENT, 2, 1, "unexpected indent"},
  {"if x:\ny = 2\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after 'if' statement on line 1"},
  {"if x:\n", AW_DIAG_INDENT, 1, 5, "expected an indented block after 'if' statement on line 1"},
  {"def f():\nreturn\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after function definition on line 1"},
  {"class A:\nx\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after class definition on line 1"},
  {"for x in y:\nx\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after 'for' statement on line 1"},
  {"while x:\nx\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after 'while' statement on line 1"},
  {"try:\nx\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after 'try' statement on line 1"},
  {"try:\n  x\nexcept:\nx\n", AW_DIAG_INDENT, 4, 0, "expected an indented block after 'except' statement on line 3"},
  {"try:\n  x\nexcept* E:\nx\n", AW_DIAG_INDENT, 4, 0, "expected an indented block after 'except*' statement on line 3"},
  {"try:\n  x\nfinally:\nx\n", AW_DIAG_INDENT, 4, 0, "expected an indented block after 'finally' statement on line 3"},
  {"with a:\nx\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after 'with' statement on line 1"},
  {"if x:\n  x\nelif y:\nz\n", AW_DIAG_INDENT, 4, 0, "expected an indented block after 'elif' statement on line 3"},
  {"if x:\n  x\nelse:\nz\n", AW_DIAG_INDENT, 4, 0, "expected an indented block after 'else' statement on line 3"},
  {"async def f():\nz\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after function definition on line 1"},
  {"@d\ndef f():\nz\n", AW_DIAG_INDENT, 3, 0, "expected an indented block after function definition on line 2"},
  {"async def f():\n  async for x in y:\n  z\n", AW_DIAG_INDENT, 3, 2, "expected an indented block after 'for' statement on line 2"},
  {"async def f():\n  async with y:\n  z\n", AW_DIAG_INDENT, 3, 2, "expected an indented block after 'with' statement on line 2"},
  {"x = (1,\n", AW_DIAG_SYNTAX, 1, 4, "'(' was never closed"},
  {"x = (1,\ny = 2\n", AW_DIAG_SYNTAX, 1, 4, "'(' was never closed"},
  {"x = (1,\ny = 2 3\n", AW_DIAG_SYNTAX, 1, 4, "'(' was never closed"},
  {"x = )\n", AW_DIAG_SYNTAX, 1, 4, "unmatched ')'"},
  {"x = (]\n", AW_DIAG_SYNTAX, 1, 5, "closing parenthesis ']' does not match opening parenthesis '('"},
  {"x = [1,\n2)\n", AW_DIAG_SYNTAX, 2, 1, "closing parenthesis ')' does not match opening parenthesis '[' on line 1"},
  {"x = 1 \\\n", AW_DIAG_SYNTAX, 1, 7, "unexpected EOF while parsing"},
  {"x = 1 \\ 2\n", AW_DIAG_SYNTAX, 1, 7, "unexpected character after line continuation character"},
  {"if x\n  pass\n", AW_DIAG_SYNTAX, 1, 4, "expected ':'"},
  {"if x y:\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"def f() x:\n", AW_DIAG_SYNTAX, 1, 8, "expected ':'"},
  {"def f()\n", AW_DIAG_SYNTAX, 1, 7, "expected ':'"},
  {"class A\n", AW_DIAG_SYNTAX, 1, 7, "expected ':'"},
  {"while x\n", AW_DIAG_SYNTAX, 1, 7, "expected ':'"},
  {"for x in y\n", AW_DIAG_SYNTAX, 1, 10, "expected ':'"},
  {"else x\n", AW_DIAG_SYNTAX, 1, 0, "invalid syntax"},
  {"try\n", AW_DIAG_SYNTAX, 1, 3, "expected ':'"},
  {"with a\n", AW_DIAG_SYNTAX, 1, 6, "expected ':'"},
  {"lambda x\n", AW_DIAG_SYNTAX, 1, 8, "invalid syntax"},
  {"x = {1: 2\n", AW_DIAG_SYNTAX, 1, 4, "'{' was never closed"},
  {"f(a b)\n", AW_DIAG_SYNTAX, 1, 2, "invalid syntax. Perhaps you forgot a comma?"},
  {"x = 1 2\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"x = \342\202\254 \n", AW_DIAG_SYNTAX, 1, 4, "invalid character '\342\202\254' (U+20AC)"},
  {"x = \302\240 1\n", AW_DIAG_SYNTAX, 1, 4, "invalid non-printable character U+00A0"},
  {"print \342\200\234hi\342\200\235\n", AW_DIAG_SYNTAX, 1, 6, "invalid character '\342\200\234' (U+201C)"},
  {"x = 'a' b'b'\n", AW_DIAG_SYNTAX, 1, 12, "cannot mix bytes and nonbytes literals"},
  {"x = b'\303\251'\n", AW_DIAG_SYNTAX, 1, 4, "bytes can only contain ASCII literal characters"},
  {"f() = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to function call here. Maybe you meant '==' instead of '='?"},
  {"1 = x\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to literal here. Maybe you meant '==' instead of '='?"},
  {"a + 1 = 2\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to expression here. Maybe you meant '==' instead of '='?"},
  {"a < b = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to comparison"},
  {"-a = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to expression here. Maybe you meant '==' instead of '='?"},
  {"not a = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to expression"},
  {"a if b else c = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to conditional expression"},
  {"None = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to None"},
  {"True = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to True"},
  {"(1, 2) = 3\n", AW_DIAG_SYNTAX, 1, 1, "cannot assign to literal"},
  {"[a, 1] = x\n", AW_DIAG_SYNTAX, 1, 4, "cannot assign to literal"},
  {"f() = x = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to function call"},
  {"x = f() = 1\n", AW_DIAG_SYNTAX, 1, 4, "cannot assign to function call"},
  {"f() += 1\n", AW_DIAG_SYNTAX, 1, 0, "'function call' is an illegal expression for augmented assignment"},
  {"del f()\n", AW_DIAG_SYNTAX, 1, 4, "cannot delete function call"},
  {"del 1\n", AW_DIAG_SYNTAX, 1, 4, "cannot delete literal"},
  {"del (a, 1)\n", AW_DIAG_SYNTAX, 1, 8, "cannot delete literal"},
  {"for f() in x: pass\n", AW_DIAG_SYNTAX, 1, 4, "cannot assign to function call"},
  {"with a as f(): pass\n", AW_DIAG_SYNTAX, 1, 10, "cannot assign to function call"},
  {"f'{x}' = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?"},
  {"(yield) = 1\n", AW_DIAG_SYNTAX, 1, 1, "cannot assign to yield expression here. Maybe you meant '==' instead of '='?"},
  {"lambda: 1 = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to lambda"},
  {"(a := 1) = 2\n", AW_DIAG_SYNTAX, 1, 1, "cannot assign to named expression here. Maybe you meant '==' instead of '='?"},
  {"await x = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to await expression here. Maybe you meant '==' instead of '='?"},
  {"x.y := 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot use assignment expressions with attribute"},
  {"(x.y := 1)\n", AW_DIAG_SYNTAX, 1, 1, "cannot use assignment expressions with attribute"},
  {"f(a.b=1)\n", AW_DIAG_SYNTAX, 1, 2, "expression cannot contain assignment, perhaps you meant \"==\"?"},
  {"f(1=1)\n", AW_DIAG_SYNTAX, 1, 2, "expression cannot contain assignment, perhaps you meant \"==\"?"},
  {"f(a=1, 2)\n", AW_DIAG_SYNTAX, 1, 8, "positional argument follows keyword argument"},
  {"f(**k, 2)\n", AW_DIAG_SYNTAX, 1, 8, "positional argument follows keyword argument unpacking"},
  {"f(**k, *a)\n", AW_DIAG_SYNTAX, 1, 7, "iterable argument unpacking follows keyword argument unpacking"},
  {"f(x for x in y, 1)\n", AW_DIAG_SYNTAX, 1, 2, "Generator expression must be parenthesized"},
  {"f(1, x for x in y)\n", AW_DIAG_SYNTAX, 1, 5, "Generator expression must be parenthesized"},
  {"f(x for x in y,)\n", AW_DIAG_SYNTAX, 1, 2, "Generator expression must be parenthesized"},
  {"[*a for a in b]\n", AW_DIAG_SYNTAX, 1, 1, "iterable unpacking cannot be used in comprehension"},
  {"{**a for a in b}\n", AW_DIAG_SYNTAX, 1, 1, "dict unpacking cannot be used in dict comprehension"},
  {"{*a for a in b}\n", AW_DIAG_SYNTAX, 1, 1, "iterable unpacking cannot be used in comprehension"},
  {"def f(a=1, b): pass\n", AW_DIAG_SYNTAX, 1, 11, "non-default argument follows default argument"},
  {"def f(a, a): pass\n", AW_DIAG_SYNTAX, 1, 9, "duplicate argument 'a' in function definition"},
  {"lambda a, a: 1\n", AW_DIAG_SYNTAX, 1, 10, "duplicate argument 'a' in function definition"},
  {"def f(*): pass\n", AW_DIAG_SYNTAX, 1, 6, "named arguments must follow bare *"},
  {"def f(*, **k): pass\n", AW_DIAG_SYNTAX, 1, 6, "named arguments must follow bare *"},
  {"def f(**k, a): pass\n", AW_DIAG_SYNTAX, 1, 11, "arguments cannot follow var-keyword argument"},
  {"def f(a, /, b, /): pass\n", AW_DIAG_SYNTAX, 1, 15, "/ may appear only once"},
  {"def f(*a, /): pass\n", AW_DIAG_SYNTAX, 1, 10, "/ must be ahead of *"},
  {"def f(*a=1): pass\n", AW_DIAG_SYNTAX, 1, 8, "var-positional argument cannot have default value"},
  {"def f(**a=1): pass\n", AW_DIAG_SYNTAX, 1, 9, "var-keyword argument cannot have default value"},
  {"x: int, y: int = 1\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"(x, y): int\n", AW_DIAG_SYNTAX, 1, 0, "only single target (not tuple) can be annotated"},
  {"[x]: int\n", AW_DIAG_SYNTAX, 1, 0, "only single target (not list) can be annotated"},
  {"f(): int\n", AW_DIAG_SYNTAX, 1, 0, "illegal target for annotation"},
  {"del *a\n", AW_DIAG_SYNTAX, 1, 4, "cannot delete starred"},
  {"f(x=1 for x in y)\n", AW_DIAG_SYNTAX, 1, 2, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
  {"if x = 1: pass\n", AW_DIAG_SYNTAX, 1, 3, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
  {"if f() = 1: pass\n", AW_DIAG_SYNTAX, 1, 3, "cannot assign to function call here. Maybe you meant '==' instead of '='?"},
  {"x = yield = 1\n", AW_DIAG_SYNTAX, 1, 4, "assignment to yield expression not possible"},
  {"try:\n pass\nexcept A, B:\n pass\n", AW_DIAG_SYNTAX, 3, 7, "multiple exception types must be parenthesized"},
  {"try:\n pass\nexcept* A:\n pass\nexcept B:\n pass\n", AW_DIAG_SYNTAX, 5, 0, "cannot have both 'except' and 'except*' on the same 'try'"},
  {"try:\n pass\n", AW_DIAG_SYNTAX, 2, 5, "expected 'except' or 'finally' block"},
  {"from x import a,\n", AW_DIAG_SYNTAX, 1, 16, "trailing comma not allowed without surrounding parentheses"},
  {"import a.b as c.d\n", AW_DIAG_SYNTAX, 1, 15, "invalid syntax"},
  {"x = 1 if 2\n", AW_DIAG_SYNTAX, 1, 4, "expected 'else' after 'if' expression"},
  {"a.b = 1 = 2\n", AW_DIAG_SYNTAX, 1, 6, "cannot assign to literal"},
  {"x = ...\n... = 1\n", AW_DIAG_SYNTAX, 2, 0, "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?"},
  {"print 'hi'\n", AW_DIAG_SYNTAX, 1, 0, "Missing parentheses in call to 'print'. Did you mean print(...)?"},
  {"f(a for a in b for)\n", AW_DIAG_SYNTAX, 1, 18, "invalid syntax"},
  {"[x for x in]\n", AW_DIAG_SYNTAX, 1, 11, "invalid syntax"},
  {"a = 1; ; b\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"class A(x for x in y): pass\n", AW_DIAG_SYNTAX, 1, 10, "invalid syntax"},
  {"@x\nx = 1\n", AW_DIAG_SYNTAX, 2, 0, "invalid syntax"},
  {"async x = 1\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"f(*)\n", AW_DIAG_SYNTAX, 1, 3, "invalid syntax"},
  {"f(**)\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"a[]\n", AW_DIAG_SYNTAX, 1, 2, "invalid syntax"},
  {"x = {a, b: c}\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"import\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"from .a import (*)\n", AW_DIAG_SYNTAX, 1, 16, "invalid syntax"},
  {"x = not\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"assert\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"raise from x\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"    x = 1\n", AW_DIAG_INDENT, 1, 3, "unexpected indent"},
  {"x=1\n\ty = 2\n", AW_DIAG_INDENT, 2, 0, "unexpected indent"},
  {"if x:\n  a\n      b\n", AW_DIAG_INDENT, 3, 5, "unexpected indent"},
  {"if x:\n  pass\nelse:\n", AW_DIAG_INDENT, 3, 5, "expected an indented block after 'else' statement on line 3"},
  {"if x:\n  pass\nelse:", AW_DIAG_INDENT, 3, 5, "expected an indented block after 'else' statement on line 3"},
  {"def f():\n  x = 1\n    y = 2\n", AW_DIAG_INDENT, 3, 3, "unexpected indent"},
  {"try:\n  pass\nx = 1\n", AW_DIAG_SYNTAX, 3, 0, "expected 'except' or 'finally' block"},
  {"x = (1 2)\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax. Perhaps you forgot a comma?"},
  {"f(a, b c)\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax. Perhaps you forgot a comma?"},
  {"[x.y z]\n", AW_DIAG_SYNTAX, 1, 1, "invalid syntax. Perhaps you forgot a comma?"},
  {"f(x 'a')\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"f(1 2, 3 4)\n", AW_DIAG_SYNTAX, 1, 2, "invalid syntax. Perhaps you forgot a comma?"},
  {"x = 1 if 2 else\n", AW_DIAG_SYNTAX, 1, 15, "invalid syntax"},
  {"x = lambda a\n", AW_DIAG_SYNTAX, 1, 12, "invalid syntax"},
  {"for x in range(3) print(x)\n", AW_DIAG_SYNTAX, 1, 18, "invalid syntax"},
  {"while True print(x)\n", AW_DIAG_SYNTAX, 1, 11, "invalid syntax"},
  {"class A(B) pass\n", AW_DIAG_SYNTAX, 1, 11, "invalid syntax"},
  {"x = {'a' 1}\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax. Perhaps you forgot a comma?"},
  {"x = [1, 2\ny = 3\n", AW_DIAG_SYNTAX, 1, 4, "'[' was never closed"},
  {"x = (\n", AW_DIAG_SYNTAX, 1, 4, "'(' was never closed"},
  {"x = (1,\n  2,\n", AW_DIAG_SYNTAX, 1, 4, "'(' was never closed"},
  {"def f(:\n  pass\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"x = f'{a b}'\n", AW_DIAG_SYNTAX, 1, 1, "f-string: invalid syntax. Perhaps you forgot a comma?"},
  {"x = f'{}'\n", AW_DIAG_SYNTAX, 1, 9, "f-string: empty expression not allowed"},
  {"x = f'}'\n", AW_DIAG_SYNTAX, 1, 8, "f-string: single '}' is not allowed"},
  {"x = f'{'\n", AW_DIAG_SYNTAX, 1, 8, "f-string: expecting '}'"},
  {"x = f'{a!x}'\n", AW_DIAG_SYNTAX, 1, 12, "f-string: invalid conversion character: expected 's', 'r', or 'a'"},
  {"x = f'{a!}'\n", AW_DIAG_SYNTAX, 1, 11, "f-string: invalid conversion character: expected 's', 'r', or 'a'"},
  {"x = f'{a:{b:{c}}}'\n", AW_DIAG_SYNTAX, 1, 18, "f-string: expressions nested too deeply"},
  {"x = f'{\\n}'\n", AW_DIAG_SYNTAX, 1, 11, "f-string expression part cannot include a backslash"},
  {"x = f'{a#}'\n", AW_DIAG_SYNTAX, 1, 11, "f-string expression part cannot include '#'"},
  {"x = f'{a)}'\n", AW_DIAG_SYNTAX, 1, 11, "f-string: unmatched ')'"},
  {"x = f'{(a}'\n", AW_DIAG_SYNTAX, 1, 11, "f-string: closing parenthesis '}' does not match opening parenthesis '('"},
  {"x = f'{ }'\n", AW_DIAG_SYNTAX, 1, 10, "f-string: empty expression not allowed"},
  {"x = f'{*a}'\n", AW_DIAG_SYNTAX, 1, 1, "f-string: cannot use starred expression here"},
  {"x = b'a' f'b'\n", AW_DIAG_SYNTAX, 1, 13, "cannot mix bytes and nonbytes literals"},
  {"x = f'{'a'}'\n", AW_DIAG_SYNTAX, 1, 8, "f-string: expecting '}'"},
  {"x = f'{a!r=}'\n", AW_DIAG_SYNTAX, 1, 13, "f-string: expecting '}'"},
  {"x = f'{a}}'\n", AW_DIAG_SYNTAX, 1, 11, "f-string: single '}' is not allowed"},
  {"x = '\\N{NOPE}'\n", AW_DIAG_SYNTAX, 1, 14, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name"},
  {"x = '\\xZ'\n", AW_DIAG_SYNTAX, 1, 9, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"},
  {"x = '\\u12'\n", AW_DIAG_SYNTAX, 1, 10, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape"},
  {"def f(\n  a,\n  b c):\n  pass\n", AW_DIAG_SYNTAX, 3, 4, "invalid syntax"},
  {"x = [\n  1,\n  2\n  3\n]\n", AW_DIAG_SYNTAX, 3, 2, "invalid syntax. Perhaps you forgot a comma?"},
  {"x = 5\nif x == 5\n  print(x)\n", AW_DIAG_SYNTAX, 2, 9, "expected ':'"},
  {"for i in range(10):\nprint(i)\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after 'for' statement on line 1"},
  {"def f():\n    return 1\n   x = 2\n", AW_DIAG_INDENT, 3, 8, "unindent does not match any outer indentation level"},
  {"x = 'abc\ny = 2\n", AW_DIAG_SYNTAX, 1, 4, "unterminated string literal (detected at line 1)"},
  {"s = '''\nabc\n", AW_DIAG_SYNTAX, 1, 4, "unterminated triple-quoted string literal (detected at line 2)"},
  {"x = (1 +\ny = 2\n", AW_DIAG_SYNTAX, 1, 4, "'(' was never closed"},
  {"d = {'a': 1, 'b': 2\nprint(d)\n", AW_DIAG_SYNTAX, 1, 4, "'{' was never closed"},
  {"x = [1, 2, 3)\n", AW_DIAG_SYNTAX, 1, 12, "closing parenthesis ')' does not match opening parenthesis '['"},
  {"if True:\npass\n", AW_DIAG_INDENT, 2, 0, "expected an indented block after 'if' statement on line 1"},
  {"while x:\n    pass\n  else:\n    pass\n", AW_DIAG_INDENT, 3, 7, "unindent does not match any outer indentation level"},
  {"def f(x):\n    return x +\n", AW_DIAG_SYNTAX, 2, 14, "invalid syntax"},
  {"class A:\n    def f(self)\n        pass\n", AW_DIAG_SYNTAX, 2, 15, "expected ':'"},
  {"x = 1\nx ++ \n", AW_DIAG_SYNTAX, 2, 5, "invalid syntax"},
  {"print(f'{x!z}')\n", AW_DIAG_SYNTAX, 1, 14, "f-string: invalid conversion character: expected 's', 'r', or 'a'"},
  {"x = [i for i in range(3) if]\n", AW_DIAG_SYNTAX, 1, 27, "invalid syntax"},
  {"x.1 = 2\n", AW_DIAG_SYNTAX, 1, 1, "invalid syntax"},
  {"a, b += 1\n", AW_DIAG_SYNTAX, 1, 0, "'tuple' is an illegal expression for augmented assignment"},
  {"x = (yield)\n = 2\n", AW_DIAG_INDENT, 2, 0, "unexpected indent"},
  {"with open(f) as g, :\n  pass\n", AW_DIAG_SYNTAX, 1, 19, "invalid syntax"},
  {"def f(a, b=1, *c, d, e=2, **f): pass\ndef g(,): pass\n", AW_DIAG_SYNTAX, 2, 6, "invalid syntax"},
  {"import a.\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"from . import\n", AW_DIAG_SYNTAX, 1, 13, "invalid syntax"},
  {"del\n", AW_DIAG_SYNTAX, 1, 3, "invalid syntax"},
  {"global\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"return 1 2\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"x = 1 +\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"f(\n", AW_DIAG_SYNTAX, 1, 1, "'(' was never closed"},
  {"f(a,\n b\n", AW_DIAG_SYNTAX, 1, 1, "'(' was never closed"},
  {"def f(:\n    pass\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"def f(a b):\n    pass\n", AW_DIAG_SYNTAX, 1, 8, "invalid syntax"},
  {"def f(a, *, ):\n    pass\n", AW_DIAG_SYNTAX, 1, 9, "named arguments must follow bare *"},
  {"def (x): pass\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"class (A): pass\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"class A(:\n  pass\n", AW_DIAG_SYNTAX, 1, 8, "invalid syntax"},
  {"x = [1, 2,, 3]\n", AW_DIAG_SYNTAX, 1, 10, "invalid syntax"},
  {"x = (,)\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"f(,)\n", AW_DIAG_SYNTAX, 1, 2, "invalid syntax"},
  {"f(a,,b)\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"x = {1:}\n", AW_DIAG_SYNTAX, 1, 6, "expression expected after dictionary key and ':'"},
  {"x = {:1}\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"x = a[1:2:3:4]\n", AW_DIAG_SYNTAX, 1, 11, "invalid syntax"},
  {"x = a.\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"x = a.1\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"x = .a\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"import a as\n", AW_DIAG_SYNTAX, 1, 11, "invalid syntax"},
  {"from a import\n", AW_DIAG_SYNTAX, 1, 13, "invalid syntax"},
  {"from import a\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"import a.b.\n", AW_DIAG_SYNTAX, 1, 11, "invalid syntax"},
  {"raise X from\n", AW_DIAG_SYNTAX, 1, 12, "invalid syntax"},
  {"assert x,\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"del x,,\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"global x,\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"for in x: pass\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"for x in: pass\n", AW_DIAG_SYNTAX, 1, 8, "invalid syntax"},
  {"for x y in z: pass\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"while: pass\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"if: pass\n", AW_DIAG_SYNTAX, 1, 2, "invalid syntax"},
  {"elif x: pass\n", AW_DIAG_SYNTAX, 1, 0, "invalid syntax"},
  {"else: pass\n", AW_DIAG_SYNTAX, 1, 0, "invalid syntax"},
  {"except: pass\n", AW_DIAG_SYNTAX, 1, 0, "invalid syntax"},
  {"finally: pass\n", AW_DIAG_SYNTAX, 1, 0, "invalid syntax"},
  {"try:\n    pass\nexcept\n    pass\n", AW_DIAG_SYNTAX, 3, 6, "expected ':'"},
  {"try:\n    pass\nfinally\n    pass\n", AW_DIAG_SYNTAX, 3, 7, "expected ':'"},
  {"with a as: pass\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"with a as b c: pass\n", AW_DIAG_SYNTAX, 1, 12, "invalid syntax"},
  {"lambda x y: 1\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"lambda: \n", AW_DIAG_SYNTAX, 1, 8, "invalid syntax"},
  {"x = yield from\n", AW_DIAG_SYNTAX, 1, 14, "invalid syntax"},
  {"await\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"async x\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"async def: pass\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"x = 1 +* 2\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"x = ** 2\n", AW_DIAG_SYNTAX, 1, 4, "invalid syntax"},
  {"x == = 2\n", AW_DIAG_SYNTAX, 1, 5, "invalid syntax"},
  {"x = 1 if else 2\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"x = a not b\n", AW_DIAG_SYNTAX, 1, 10, "invalid syntax"},
  {"x = a is is b\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"x = a < < b\n", AW_DIAG_SYNTAX, 1, 8, "invalid syntax"},
  {"@\ndef f(): pass\n", AW_DIAG_SYNTAX, 1, 1, "invalid syntax"},
  {"@dec\nx = 1\n", AW_DIAG_SYNTAX, 2, 0, "invalid syntax"},
  {"def f():\n    x = 1\n     y = 2\n", AW_DIAG_INDENT, 3, 4, "unexpected indent"},
  {"def f():\n  pass\n\tpass\n", AW_DIAG_TAB, 3, 0, "inconsistent use of tabs and spaces in indentation"},
  {"if x:\n    pass\n  elif y:\n    pass\n", AW_DIAG_INDENT, 3, 9, "unindent does not match any outer indentation level"},
  {"print('hello'\nprint('world')\n", AW_DIAG_SYNTAX, 1, 5, "'(' was never closed"},
  {"x = {'a': 1,\n     'b': 2\ny = 3\n", AW_DIAG_SYNTAX, 1, 4, "'{' was never closed"},
  {"foo(\n  a,\n  b\n  c\n)\n", AW_DIAG_SYNTAX, 3, 2, "invalid syntax. Perhaps you forgot a comma?"},
  {"x = 'hello\" \n", AW_DIAG_SYNTAX, 1, 4, "unterminated string literal (detected at line 1)"},
  {"x = '''abc\" \n", AW_DIAG_SYNTAX, 1, 4, "unterminated triple-quoted string literal (detected at line 1)"},
  {"s = f'{x'\n", AW_DIAG_SYNTAX, 1, 9, "f-string: expecting '}'"},
  {"s = f'{x!}'\n", AW_DIAG_SYNTAX, 1, 11, "f-string: invalid conversion character: expected 's', 'r', or 'a'"},
  {"s = f'{x:{y:{z}}}'\n", AW_DIAG_SYNTAX, 1, 18, "f-string: expressions nested too deeply"},
  {"s = f'{x}' f'{'\n", AW_DIAG_SYNTAX, 1, 15, "f-string: expecting '}'"},
  {"x = 5 6\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"if x == 1\n    print(x)\n", AW_DIAG_SYNTAX, 1, 9, "expected ':'"},
  {"def f()\n    return 1\n", AW_DIAG_SYNTAX, 1, 7, "expected ':'"},
  {"class C\n    pass\n", AW_DIAG_SYNTAX, 1, 7, "expected ':'"},
  {"for i in range(10)\n    pass\n", AW_DIAG_SYNTAX, 1, 18, "expected ':'"},
  {"while True\n    pass\n", AW_DIAG_SYNTAX, 1, 10, "expected ':'"},
  {"x = [i for i in range(10) if i % 2 == 0 else 1]\n", AW_DIAG_SYNTAX, 1, 40, "invalid syntax"},
  {"x = [i if i else for i in y]\n", AW_DIAG_SYNTAX, 1, 17, "invalid syntax"},
  {"x = (i for i in)\n", AW_DIAG_SYNTAX, 1, 15, "invalid syntax"},
  {"d = {a: b for a, b in}\n", AW_DIAG_SYNTAX, 1, 21, "invalid syntax"},
  {"f(**{}, *[])\n", AW_DIAG_SYNTAX, 1, 8, "iterable argument unpacking follows keyword argument unpacking"},
  {"f(*a, **b, c)\n", AW_DIAG_SYNTAX, 1, 12, "positional argument follows keyword argument unpacking"},
  {"f(x for x in y, )\n", AW_DIAG_SYNTAX, 1, 2, "Generator expression must be parenthesized"},
  {"a + b += 1\n", AW_DIAG_SYNTAX, 1, 0, "'expression' is an illegal expression for augmented assignment"},
  {"[a, b] += 1\n", AW_DIAG_SYNTAX, 1, 0, "'list' is an illegal expression for augmented assignment"},
  {"(a, b): int = 1\n", AW_DIAG_SYNTAX, 1, 0, "only single target (not tuple) can be annotated"},
  {"del (a for a in b)\n", AW_DIAG_SYNTAX, 1, 4, "cannot delete generator expression"},
  {"x = 0777\n", AW_DIAG_SYNTAX, 1, 4, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
  {"x = 0b102\n", AW_DIAG_SYNTAX, 1, 8, "invalid digit '2' in binary literal"},
  {"x = 0o78\n", AW_DIAG_SYNTAX, 1, 7, "invalid digit '8' in octal literal"},
  {"x = 1.2.3\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"x = 1e+\n", AW_DIAG_SYNTAX, 1, 6, "invalid decimal literal"},
  {"x = 0x1g\n", AW_DIAG_SYNTAX, 1, 6, "invalid hexadecimal literal"},
  {"x = 1_\n", AW_DIAG_SYNTAX, 1, 5, "invalid decimal literal"},
  {"x = 1._5\n", AW_DIAG_SYNTAX, 1, 5, "invalid decimal literal"},
  {"x = 'a' 'b\n", AW_DIAG_SYNTAX, 1, 8, "unterminated string literal (detected at line 1)"},
  {"x = b'\\u1234' 'x'\n", AW_DIAG_SYNTAX, 1, 17, "cannot mix bytes and nonbytes literals"},
  {"x = u'x' b'y'\n", AW_DIAG_SYNTAX, 1, 13, "cannot mix bytes and nonbytes literals"},
  {"x = ur'x'\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"if True:\n  x = (\n    1,\n  y = 2\n", AW_DIAG_SYNTAX, 2, 6, "'(' was never closed"},
  {"def f(x):\n    return (x +\n\ndef g(): pass\n", AW_DIAG_SYNTAX, 2, 11, "'(' was never closed"},
  {"x = 1\n\n\n    y = 2\n", AW_DIAG_INDENT, 4, 3, "unexpected indent"},
  {"class A:\n    def f(self):\n        pass\n   def g(self):\n        pass\n", AW_DIAG_INDENT, 4, 15, "unindent does not match any outer indentation level"},
  {"async def f():\n    await\n", AW_DIAG_SYNTAX, 2, 9, "invalid syntax"},
  {"def f():\n    yield = 1\n", AW_DIAG_SYNTAX, 2, 4, "assignment to yield expression not possible"},
  {"nonlocal = 1\n", AW_DIAG_SYNTAX, 1, 9, "invalid syntax"},
  {"x = lambda: yield\n", AW_DIAG_SYNTAX, 1, 12, "invalid syntax"},
  {"def f(x, y, x): pass\n", AW_DIAG_SYNTAX, 1, 12, "duplicate argument 'x' in function definition"},
  {"def f(**a, **b): pass\n", AW_DIAG_SYNTAX, 1, 11, "arguments cannot follow var-keyword argument"},
  {"def f(*a, *b): pass\n", AW_DIAG_SYNTAX, 1, 10, "* argument may appear only once"},
  {"def f(a=1, /, b): pass\n", AW_DIAG_SYNTAX, 1, 14, "non-default argument follows default argument"},
  {"a = 1 = b\n", AW_DIAG_SYNTAX, 1, 4, "cannot assign to literal"},
  {"a = b = 1 = c\n", AW_DIAG_SYNTAX, 1, 8, "cannot assign to literal"},
  {"f(a)(b) = 1\n", AW_DIAG_SYNTAX, 1, 0, "cannot assign to function call here. Maybe you meant '==' instead of '='?"},
  {"x = {**a: 1}\n", AW_DIAG_SYNTAX, 1, 8, "invalid syntax"},
  {"x = {*a: 1}\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"x = [*a: 1]\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"print(1 if True)\n", AW_DIAG_SYNTAX, 1, 6, "expected 'else' after 'if' expression"},
  {"x = (yield) = 1\n", AW_DIAG_SYNTAX, 1, 5, "cannot assign to yield expression"},
  {"x: int: str = 1\n", AW_DIAG_SYNTAX, 1, 6, "invalid syntax"},
  {"x += 1 += 2\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"x = 1; if y: pass\n", AW_DIAG_SYNTAX, 1, 7, "invalid syntax"},
  {"if x: pass; else: pass\n", AW_DIAG_SYNTAX, 1, 12, "invalid syntax"},
  {"for x in y: pass else: pass\n", AW_DIAG_SYNTAX, 1, 17, "invalid syntax"},
};

// aw-specific errors (deliberate differences from CPython, SPEC.md section 1),
// and a few programs that must parse.
static const ErrCase aw_errors[] = {
  {"x = 1j\n", AW_DIAG_SYNTAX, 1, 4, "imaginary literals are not supported (aw has no complex numbers)"},
  {"x = 1.5e3J\n", AW_DIAG_SYNTAX, 1, 4, "imaginary literals are not supported (aw has no complex numbers)"},
  {"x = 123456789012345678901234567890\n", AW_DIAG_SYNTAX, 1, 4, "integer literal too large"},
  {"x = 9223372036854775808\n", AW_DIAG_SYNTAX, 1, 4, "integer literal too large"},
  {"x = -9223372036854775808 ** 2\n", AW_DIAG_SYNTAX, 1, 5, "integer literal too large"},
  {"x = 0x1_0000_0000_0000_0000\n", AW_DIAG_SYNTAX, 1, 4, "integer literal too large"},
  {"match x:\n    case 1: pass\n", AW_DIAG_SYNTAX, 1, 0, "match statements are not supported"},
  {"x = '\\ud800'\n", AW_DIAG_SYNTAX, 1, 12, "(unicode error) surrogate code points are not supported (position 0)"},
  {"x = 'caf\xc3\xa9' + '\xff'\n", AW_DIAG_SYNTAX, 1, 15,
   "(unicode error) 'utf-8' codec can't decode byte 0xff in position 15: invalid start byte"},
  {"\n\nx = '\xe2\x82'\n", AW_DIAG_SYNTAX, 3, 5,
   "(unicode error) 'utf-8' codec can't decode byte 0xe2 in position 7: invalid continuation byte"},
  {"x = '\xed\xa0\x80'\n", AW_DIAG_SYNTAX, 1, 5,
   "(unicode error) 'utf-8' codec can't decode byte 0xed in position 5: invalid continuation byte"},
  {"x = 1 + \\\n", AW_DIAG_SYNTAX, 1, 9, "unexpected EOF while parsing"},
  {"x = f'''{f\"{f'{1}'}\"}'''\n", AW_DIAG_NONE, 0, 0, ""},
  {"def f(a, *, b, **k): pass\nf(x, *y, z=1, **w)\n", AW_DIAG_NONE, 0, 0, ""},
  {"x = (1 if y else 2)\n", AW_DIAG_NONE, 0, 0, ""},
  {"\xef\xbb\xbfx = 1\r\ny = '''a\r\nb'''\r\n", AW_DIAG_NONE, 0, 0, ""},
  {"if x:\n\tpass\nif y:\n        pass\n", AW_DIAG_NONE, 0, 0, ""},
};

static void check_error(const ErrCase *c, size_t len) {
  Alloc a = {0, 0, 0, -1};
  AwParseResult r;
  bool ok = parse_len(c->src, len, AW_PARSE_FILE, &r, &a);
  if (c->kind == AW_DIAG_NONE) {
    CHECK(ok, "expected success for %s, got %s: %s", c->src, kind_name(r.diag.kind), r.diag.msg);
  } else {
    CHECK(!ok && r.root == NULL, "expected failure for %s", c->src);
    CHECK(r.diag.kind == c->kind && r.diag.line == c->line && r.diag.col == c->col && strcmp(r.diag.msg, c->msg) == 0,
          "error for %s\n  want %s %d:%d %s\n  got  %s %d:%d %s", c->src, kind_name(c->kind), c->line, c->col, c->msg,
          kind_name(r.diag.kind), r.diag.line, r.diag.col, r.diag.msg);
  }
  finish(&r, &a, c->src);
}

static void test_errors(void) {
  for (size_t i = 0; i < sizeof cpython_errors / sizeof cpython_errors[0]; i++) {
    check_error(&cpython_errors[i], strlen(cpython_errors[i].src));
  }
  for (size_t i = 0; i < sizeof aw_errors / sizeof aw_errors[0]; i++) {
    check_error(&aw_errors[i], strlen(aw_errors[i].src));
  }
  // Embedded NUL bytes.
  static const ErrCase nul = {"x = 1\n\0y = 2\n", AW_DIAG_SYNTAX, 2, 0, "source code cannot contain null bytes"};
  check_error(&nul, 13);
  static const ErrCase nul2 = {"x = 'a\0'\n", AW_DIAG_SYNTAX, 1, 6, "source code cannot contain null bytes"};
  check_error(&nul2, 9);
}

// CPython-style formatting of a diagnostic.
static void test_format(void) {
  Alloc a = {0, 0, 0, -1};
  AwParseResult r;
  const char *src = "x = 1\ntotal = sum(values\nprint(total)\n";
  CHECK(!parse(src, AW_PARSE_FILE, &r, &a), "unclosed paren parses");
  char buf[512];
  aw_diag_format(&r.diag, "t.aw", src, strlen(src), buf, sizeof buf);
  const char *want =
      "  File \"t.aw\", line 2\n    total = sum(values\n               ^\nSyntaxError: '(' was never closed\n";
  CHECK(strcmp(buf, want) == 0, "format\n--- want\n%s--- got\n%s", want, buf);
  finish(&r, &a, "format");

  src = "def f(x):\n    if x:\n        return 1\n      return 2\n";
  CHECK(!parse(src, AW_PARSE_FILE, &r, &a), "bad dedent parses");
  aw_diag_format(&r.diag, "t.aw", src, strlen(src), buf, sizeof buf);
  want = "  File \"t.aw\", line 4\n    return 2\n            ^\n"
         "IndentationError: unindent does not match any outer indentation level\n";
  CHECK(strcmp(buf, want) == 0, "format\n--- want\n%s--- got\n%s", want, buf);
  finish(&r, &a, "format2");

  src = "f(a.b=1)\n";
  CHECK(!parse(src, AW_PARSE_FILE, &r, &a), "f(a.b=1) parses");
  aw_diag_format(&r.diag, "t.aw", src, strlen(src), buf, sizeof buf);
  want = "  File \"t.aw\", line 1\n    f(a.b=1)\n      ^^^^\n"
         "SyntaxError: expression cannot contain assignment, perhaps you meant \"==\"?\n";
  CHECK(strcmp(buf, want) == 0, "format\n--- want\n%s--- got\n%s", want, buf);
  size_t n = aw_diag_format(&r.diag, "t.aw", src, strlen(src), buf, 40);
  CHECK(n == strlen(buf) && n < 40, "truncation %zu", n);
  finish(&r, &a, "format3");
}

// ---- REPL mode --------------------------------------------------------

static void test_single(void) {
  // want: 1 complete, 0 incomplete, -1 error
  static const struct { const char *src; int want; } cases[] = {
    {"x = 1\n", 1},
    {"x = (1,\n", 0},
    {"x = [1,\n 2,\n", 0},
    {"s = '''abc\n", 0},
    {"x = 1 + \\\n", 0},
    {"if x:\n", 0},
    {"if x:\n    y = 1\n", 0},
    {"if x:\n    y = 1\n\n", 1},
    {"def f():\n    return 1\n", 0},
    {"def f():\n    return 1\n\n", 1},
    {"class A: pass\n", 0},
    {"class A: pass\n\n", 1},
    {"@dec\n", 0},
    {"try:\n    pass\n", 0},
    {"if x:\n    pass\nelse:\n", 0},
    {"for i in range(3):\n    print(i)\n  \n", 1},
    {"x = \n", -1},
    {"if x\n", -1},
    {"x = 'abc\n", -1},
    {"1 2\n", -1},
    {"", 1},
    {"\n", 1},
  };
  Alloc a = {0, 0, 0, -1};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    AwParseResult r;
    bool ok = parse(cases[i].src, AW_PARSE_SINGLE, &r, &a);
    int got = ok ? 1 : r.incomplete ? 0 : -1;
    CHECK(got == cases[i].want, "single %s: want %d got %d (%s)", cases[i].src, cases[i].want, got, r.diag.msg);
    CHECK(!(ok && r.incomplete), "ok and incomplete");
    finish(&r, &a, cases[i].src);
  }
}

// ---- hostile input ------------------------------------------------------

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint32_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (uint32_t)(rng_state >> 16);
}

// Parses [src] in both modes; anything but a clean result is a failure.
// Counts one check per input (not per mode) to keep the totals readable.
static void must_be_clean(const char *src, size_t len, const char *what) {
  Alloc a = {0, 0, 0, -1};
  bool all_clean = true;
  for (int mode = 0; mode < 2; mode++) {
    AwParseResult r;
    bool ok = parse_len(src, len, mode ? AW_PARSE_SINGLE : AW_PARSE_FILE, &r, &a);
    bool clean = ok ? r.root != NULL && r.diag.kind == AW_DIAG_NONE
                    : r.root == NULL && (r.incomplete || (r.diag.kind != AW_DIAG_NONE && r.diag.msg[0]) ||
                                         r.diag.kind == AW_DIAG_MEMORY);
    if (!clean) printf("unclean result for %s (mode %d): ok=%d kind=%d msg=%s\n", what, mode, ok, r.diag.kind, r.diag.msg);
    aw_arena_free(&r.arena);
    if (a.live != 0) printf("leak for %s\n", what);
    all_clean = all_clean && clean && a.live == 0;
  }
  CHECK(all_clean, "hostile input: %s", what);
}

static void test_random(void) {
  static const char alphabet[] = " \t\n\n()[]{}:;,.=+-*/%<>!@'\"\\#abcxyz019_fFrRbBjeE";
  static const char *const toks[] = {
    "if ", "else", "elif ", "(", ")", "[", "]", "{", "}", "lambda", ":", "\n", "    ", "\t", "x", "1", "0x",
    "1.5", "f'", "f\"", "'", "\"", "'''", "\"\"\"", "yield", "await", "for ", " in ", "=", ",", "*", "**", "not ",
    "async ", "def ", "class ", "try", "except", "finally", "with ", " as ", "import ", "from ", ".", "\\\n", "#c",
    "{x}", "!r", ":>", "return", "del ", "global ", "nonlocal ", ";", "->", ":=", "@", "...", "\xc3\xa9", "\xff",
    "\\N{", "9223372036854775808", "-", "~", "pass", "break", "raise ", "assert ", "is ", "and ", "or ", "b'", "r'",
    "\r\n", "\0",
  };
  char buf[600];
  for (int iter = 0; iter < 6000; iter++) {
    size_t len = 0, want = rng() % 300;
    int style = iter % 3;
    while (len < want) {
      if (style == 0) {
        buf[len++] = (char)(rng() & 0xff);
      } else if (style == 1) {
        buf[len++] = alphabet[rng() % (sizeof alphabet - 1)];
      } else {
        const char *t = toks[rng() % (sizeof toks / sizeof toks[0])];
        size_t n = t[0] ? strlen(t) : 1;
        if (len + n >= sizeof buf) break;
        memcpy(buf + len, t, n);
        len += n;
      }
    }
    char what[64];
    snprintf(what, sizeof what, "random input #%d (style %d)", iter, style);
    must_be_clean(buf, len, what);
  }
  // Mutations of valid programs.
  for (size_t i = 0; i < sizeof dump_cases / sizeof dump_cases[0]; i++) {
    for (int m = 0; m < 30; m++) {
      size_t n = strlen(dump_cases[i].src);
      if (n == 0 || n >= sizeof buf - 2) continue;
      memcpy(buf, dump_cases[i].src, n);
      size_t at = rng() % n;
      switch (rng() % 3) {
        case 0:
          memmove(buf + at, buf + at + 1, n - at - 1);
          n--;
          break;
        case 1:
          memmove(buf + at + 1, buf + at, n - at);
          buf[at] = alphabet[rng() % (sizeof alphabet - 1)];
          n++;
          break;
        default:
          buf[at] = alphabet[rng() % (sizeof alphabet - 1)];
          break;
      }
      must_be_clean(buf, n, dump_cases[i].src);
    }
  }
}

// prefix + unit * count + middle + suffix_unit * suffix_count
static char *repeat(const char *prefix, const char *unit, int count, const char *suffix_unit, int suffix_count,
                    const char *middle) {
  size_t n = strlen(prefix) + strlen(unit) * (size_t)count + strlen(suffix_unit) * (size_t)suffix_count +
             strlen(middle) + 1;
  char *s = malloc(n), *w = s;
  w += sprintf(w, "%s", prefix);
  for (int i = 0; i < count; i++) w += sprintf(w, "%s", unit);
  w += sprintf(w, "%s", middle);
  for (int i = 0; i < suffix_count; i++) w += sprintf(w, "%s", suffix_unit);
  return s;
}

static void expect_kind(char *src, AwDiagKind kind, const char *msg, const char *what) {
  Alloc a = {0, 0, 0, -1};
  AwParseResult r;
  bool ok = parse(src, AW_PARSE_FILE, &r, &a);
  if (kind == AW_DIAG_NONE) {
    CHECK(ok, "%s: expected success, got %s", what, r.diag.msg);
  } else {
    CHECK(!ok && r.diag.kind == kind && (!msg || strcmp(r.diag.msg, msg) == 0), "%s: got %s %s", what,
          kind_name(r.diag.kind), r.diag.msg);
  }
  finish(&r, &a, what);
  must_be_clean(src, strlen(src), what);
  free(src);
}

static void test_deep(void) {
  const char *rec = "maximum recursion depth exceeded during compilation";
  const char *nest = "too many nested parentheses";
  expect_kind(repeat("x = ", "(", 10000, ")", 10000, "1"), AW_DIAG_SYNTAX, nest, "10000 parens");
  expect_kind(repeat("x = ", "[", 200, "]", 200, "1"), AW_DIAG_NONE, NULL, "200 brackets");
  expect_kind(repeat("x = ", "{", 201, "}", 201, "1"), AW_DIAG_SYNTAX, nest, "201 braces");
  expect_kind(repeat("x = ", "(", 10000, "", 0, "1"), AW_DIAG_SYNTAX, nest, "10000 open");
  expect_kind(repeat("x = ", ")", 10000, "", 0, "1"), AW_DIAG_SYNTAX, "unmatched ')'", "10000 close");
  expect_kind(repeat("x = ", "-", 10000, "", 0, "1\n"), AW_DIAG_RECURSION, rec, "10000 minus");
  expect_kind(repeat("x = ", "- ", 1000, "", 0, "1\n"), AW_DIAG_NONE, NULL, "1000 minus");
  expect_kind(repeat("x = ", "not ", 10000, "", 0, "y\n"), AW_DIAG_RECURSION, rec, "10000 not");
  expect_kind(repeat("x = ", "1 + ", 100000, "", 0, "1\n"), AW_DIAG_RECURSION, rec, "100000 plus");
  expect_kind(repeat("x = ", "1 + ", 2000, "", 0, "1\n"), AW_DIAG_NONE, NULL, "2000 plus");
  expect_kind(repeat("x = ", "a if b else ", 5000, "", 0, "1\n"), AW_DIAG_RECURSION, rec, "5000 ifexp");
  expect_kind(repeat("x = ", "lambda: ", 5000, "", 0, "1\n"), AW_DIAG_RECURSION, rec, "5000 lambda");
  expect_kind(repeat("x = y", ".a", 100000, "", 0, "\n"), AW_DIAG_RECURSION, rec, "100000 attributes");
  expect_kind(repeat("x = y", "()", 100000, "", 0, "\n"), AW_DIAG_RECURSION, rec, "100000 calls");
  expect_kind(repeat("x = ", "a < ", 100000, "", 0, "b\n"), AW_DIAG_NONE, NULL, "100000-long comparison chain");
  expect_kind(repeat("x = ", "a or ", 100000, "", 0, "b\n"), AW_DIAG_NONE, NULL, "100000-long or chain");
  expect_kind(repeat("x = ", "2 ** ", 10000, "", 0, "1\n"), AW_DIAG_RECURSION, rec, "10000 power");
  expect_kind(repeat("if x: pass\n", "elif y: pass\n", 5000, "", 0, ""), AW_DIAG_RECURSION, rec, "5000 elif");
  expect_kind(repeat("if x: pass\n", "elif y: pass\n", 1000, "", 0, ""), AW_DIAG_NONE, NULL, "1000 elif");
  expect_kind(repeat("x = [", "1, ", 200000, "", 0, "]\n"), AW_DIAG_NONE, NULL, "200000-element list");
  expect_kind(repeat("x = f'", "{a}b", 20000, "", 0, "'\n"), AW_DIAG_NONE, NULL, "20000-field f-string");
  // Indentation 100 levels deep is CPython's limit.
  char *s = malloc(200000), *w = s;
  for (int i = 0; i < 100; i++) w += sprintf(w, "%*sif x:\n", i, "");
  sprintf(w, "%*spass\n", 100, "");
  expect_kind(s, AW_DIAG_INDENT, "too many levels of indentation", "100 indents");
  s = malloc(200000);
  w = s;
  for (int i = 0; i < 98; i++) w += sprintf(w, "%*sif x:\n", i, "");
  sprintf(w, "%*spass\n", 98, "");
  expect_kind(s, AW_DIAG_NONE, NULL, "98 indents");
}

// ---- a 10 MB source -----------------------------------------------------

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_big(void) {
  size_t cap = 11 * 1024 * 1024, len = 0;
  char *src = malloc(cap);
  int units = 0;
  while (len < 10 * 1024 * 1024) {
    int i = units++;
    len += (size_t)snprintf(src + len, cap - len,
                            "def func_%d(a, b=1, *args, **kw):\n"
                            "    x_%d = a + b * %d - (a // 3)\n"
                            "    if x_%d > 10 and not b:\n"
                            "        return [i for i in range(x_%d) if i %% 2]\n"
                            "    return f\"{a!r}:{b:>4}\" + 'lit' \"eral\"\n"
                            "value_%d = func_%d(%d, b=2)\n",
                            i, i, i, i, i, i, i, i);
  }
  Alloc a = {0, 0, 0, -1};
  AwParseResult r;
  double t0 = now();
  bool ok = parse_len(src, len, AW_PARSE_FILE, &r, &a);
  double dt = now() - t0;
  CHECK(ok, "10 MB source: %s (line %d)", r.diag.msg, r.diag.line);
  if (ok) CHECK(r.root->u.module.body.len == 2 * units, "statements %d", r.root->u.module.body.len);
  printf("10 MB source: %zu bytes, %d lines, parsed in %.3f s, peak arena %.1f MB\n", len, units * 6, dt,
         (double)a.peak / (1024.0 * 1024.0));
  // Generous: this also runs unoptimized and under sanitizers.
  CHECK(dt < 20.0, "10 MB source took %.2f s", dt);
  CHECK(a.peak < 30 * len, "10 MB source used %zu bytes", a.peak);
  finish(&r, &a, "10 MB source");
  free(src);
}

// ---- allocation failure -------------------------------------------------

static void test_oom(void) {
  // Big enough to need several arena chunks and table growth.
  size_t cap = 400000, len = 0;
  char *src = malloc(cap);
  for (int i = 0; len < 300000; i++) {
    len += (size_t)snprintf(src + len, cap - len,
                            "def f%d(a, b=(1)):\n    return f'{a!r}' + (b) * [x for x in (a, b)]\n", i);
  }
  int successes = 0, failures = 0;
  for (long fail_at = 0; fail_at < 100000000 && !successes; fail_at = fail_at < 64 ? fail_at + 1 : fail_at * 3 / 2) {
    Alloc a = {0, 0, 0, fail_at};
    AwParseResult r;
    aw_arena_init(&r.arena, test_realloc, &a);
    bool ok = aw_parse(src, len, AW_PARSE_FILE, &r);
    if (ok) successes++;
    if (!ok && r.diag.kind != AW_DIAG_MEMORY) {
      failures++;
      printf("fail_at %ld: kind %d %s\n", fail_at, r.diag.kind, r.diag.msg);
    }
    aw_arena_free(&r.arena);
    if (a.live != 0) {
      failures++;
      printf("fail_at %ld leaked %zu\n", fail_at, a.live);
    }
  }
  CHECK(failures == 0, "allocation failure handling");
  CHECK(successes > 0, "never succeeded");
  free(src);
}

// ---- the conformance corpus ---------------------------------------------

// Syntax errors in the corpus that CPython reports from its parser or
// tokenizer (and so must we); the rest are the compiler's.
static const struct {
  const char *file;
  AwDiagKind kind;
  int line;
  const char *msg;
} corpus_errors[] = {
  {"syntax_bad_indent.aw", AW_DIAG_INDENT, 15, "unindent does not match any outer indentation level"},
  {"syntax_unmatched_paren.aw", AW_DIAG_SYNTAX, 12, "'(' was never closed"},
  {"syntax_await_in_def.aw", AW_DIAG_NONE, 0, NULL},  // 'await' outside async function: compiler
};

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc(n > 0 ? (size_t)n : 1);
  *len = n > 0 ? fread(buf, 1, (size_t)n, f) : 0;
  fclose(f);
  return buf;
}

static int corpus_files;

static void check_corpus_file(const char *path) {
  size_t len;
  char *src = read_file(path, &len);
  if (!src) return;
  corpus_files++;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  bool syntax = strncmp(base, "syntax_", 7) == 0;
  Alloc a = {0, 0, 0, -1};
  AwParseResult r;
  bool ok = parse_len(src, len, AW_PARSE_FILE, &r, &a);
  if (!syntax) {
    CHECK(ok, "%s: %s %d:%d %s", path, kind_name(r.diag.kind), r.diag.line, r.diag.col, r.diag.msg);
  } else {
    size_t n = sizeof corpus_errors / sizeof corpus_errors[0], i;
    for (i = 0; i < n; i++) {
      if (strcmp(corpus_errors[i].file, base) == 0) break;
    }
    if (i == n) {
      // An unknown syntax_ test: we cannot know CPython's text, so report it.
      printf("note: %s -> %s line %d: %s\n", path, ok ? "parsed" : kind_name(r.diag.kind), r.diag.line, r.diag.msg);
    } else if (corpus_errors[i].kind == AW_DIAG_NONE) {
      CHECK(ok, "%s should parse (its error is the compiler's): %s", path, r.diag.msg);
    } else {
      CHECK(!ok && r.diag.kind == corpus_errors[i].kind && r.diag.line == corpus_errors[i].line &&
                strcmp(r.diag.msg, corpus_errors[i].msg) == 0,
            "%s: want %s line %d %s, got %s line %d %s", path, kind_name(corpus_errors[i].kind),
            corpus_errors[i].line, corpus_errors[i].msg, kind_name(r.diag.kind), r.diag.line, r.diag.msg);
    }
  }
  if (verbose) printf("%s %s\n", ok ? "ok  " : "err ", path);
  finish(&r, &a, path);
  free(src);
}

static void walk(const char *dir, int depth) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char **names = NULL;
  size_t n = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    names = realloc(names, (n + 1) * sizeof *names);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    struct stat st;
    size_t nl = strlen(names[i]);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (depth < 8) walk(path, depth + 1);
    } else if (nl > 3 && strcmp(names[i] + nl - 3, ".aw") == 0) {
      check_corpus_file(path);
    }
    free(names[i]);
  }
  free(names);
}

int main(int argc, char **argv) {
  int dirs = 0;
  test_dumps();
  test_positions();
  test_values();
  test_errors();
  test_format();
  test_single();
  test_deep();
  test_random();
  test_oom();
  test_big();
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) {
      verbose = true;
      continue;
    }
    dirs++;
    int before = corpus_files;
    walk(argv[i], 0);
    CHECK(corpus_files > before, "no .aw files under %s", argv[i]);
  }
  if (dirs) printf("conformance: %d files\n", corpus_files);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

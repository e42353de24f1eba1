// vm/repl.c -- the interactive REPL (`aw` on a terminal): libedit line
// editing, history and completion; multi-line input compiled in single
// mode; every statement run on ONE persistent event loop that keeps running
// (background tasks, timers) while the prompt waits; Ctrl-C and Ctrl-D.
#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "lang/compiler.h"
#include "vm/aw.h"
#include "vm/loop.h"

typedef enum { READ_LINE, READ_EOF, READ_INTERRUPT, READ_EXIT } ReadResult;

typedef struct Repl {
  AwVM *vm;
  AwLoop *loop;
  AwDict *globals;           // __main__'s dict: names persist across inputs
  EditLine *el;
  History *hist;
  char hist_path[PATH_MAX];  // "" when history is not saved
  uv_poll_t stdin_poll;      // stdin readable: feed one key to libedit
  uv_signal_t winch;         // the terminal was resized
  uv_signal_t cont;          // resumed after Ctrl-Z: the shell reset the tty
  bool handles_ready;        // stdin_poll and winch initialised
  bool winch_ready, cont_ready;
  bool readable;             // set by the poll callback (GIL not held there)
  bool continuation;         // "... " prompt
  bool editing;              // the prompt and a partial line are on screen
  bool overwritten;          // output was written over the prompt line
  bool out_ends_nl;          // the last output byte was a newline
  bool eof_key;              // Ctrl-D on an empty line
  AwBuf line;                // the line just entered (no newline)
  AwBuf src;                 // the statement being entered, line by line
  bool quit;
  int exit_code;
  AwWriteFn orig_out, orig_err;
  void *orig_ud;
} Repl;

// ---- Ctrl-C -------------------------------------------------------------------

// A signal handler can reach only process-wide state: the VM of the one
// REPL a process runs. aw_interrupt is async-signal-safe (sets a flag the
// interpreter and the loop poll, and wakes the loop's poll).
static AwVM *volatile sigint_vm;

static void on_sigint(int signum) {
  (void)signum;
  AwVM *vm = sigint_vm;
  if (vm) aw_interrupt(vm);
}

// ---- output over the prompt ------------------------------------------------------

// A background task may print while the prompt shows a half-typed line:
// clear that line first, and redraw prompt and line after the loop step.
static void before_output(Repl *r) {
  if (!r->editing || r->overwritten) return;
  fflush(stdout);
  fputs("\r\033[K", stdout);
  r->overwritten = true;
}

static void repl_write_out(void *ud, const char *s, size_t n) {
  Repl *r = ud;
  before_output(r);
  r->orig_out(r->orig_ud, s, n);
  if (n) r->out_ends_nl = s[n - 1] == '\n';
}

static void repl_write_err(void *ud, const char *s, size_t n) {
  Repl *r = ud;
  before_output(r);
  r->orig_err(r->orig_ud, s, n);
  if (n) r->out_ends_nl = s[n - 1] == '\n';
}

static void redraw_prompt(Repl *r) {
  if (!r->overwritten) return;
  r->overwritten = false;
  if (!r->out_ends_nl) fputs("\n", stdout);
  fflush(stdout);
  el_set(r->el, EL_REFRESH);
}

// ---- completion ------------------------------------------------------------------

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield", NULL};

typedef struct {
  AwBuf text;        // the candidates, NUL-separated
  size_t count;
} Matches;

static bool is_word_byte(unsigned char c) {
  return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Adds [name] + [suffix] when [name] starts with [prefix]. Like rlcompleter,
// an empty prefix hides _names and "_" hides __names.
static void add_match(AwVM *vm, Matches *m, const char *name, size_t n, const char *prefix, size_t plen,
                      const char *suffix) {
  if (n < plen || memcmp(name, prefix, plen) != 0) return;
  if (plen == 0 && n > 0 && name[0] == '_') return;
  if (plen == 1 && prefix[0] == '_' && n > 1 && name[1] == '_') return;
  aw_buf_append(vm, &m->text, name, n);
  aw_buf_append(vm, &m->text, suffix, strlen(suffix));
  aw_buf_putc(vm, &m->text, 0);
  m->count++;
}

static const char *callable_suffix(AwVM *vm, AwValue v) { return aw_is_callable(vm, v) ? "(" : ""; }

static void add_dict_matches(AwVM *vm, Matches *m, AwDict *d, const char *prefix, size_t plen) {
  int64_t pos = 0;
  AwValue k, v;
  while (aw_dict_next(d, &pos, &k, &v)) {
    if (!AW_IS_STR(k)) continue;
    add_match(vm, m, AW_AS_STR(k)->data, (size_t)AW_AS_STR(k)->nbytes, prefix, plen, callable_suffix(vm, v));
  }
}

static void global_matches(Repl *r, Matches *m, const char *prefix, size_t plen) {
  AwVM *vm = r->vm;
  for (const char *const *k = keywords; *k; k++) {
    const char *kw = *k;
    const char *suffix = " ";
    if (!strcmp(kw, "finally") || !strcmp(kw, "try")) suffix = ":";
    else if (!strcmp(kw, "False") || !strcmp(kw, "None") || !strcmp(kw, "True") || !strcmp(kw, "break") ||
             !strcmp(kw, "continue") || !strcmp(kw, "pass") || !strcmp(kw, "else"))
      suffix = "";
    add_match(vm, m, kw, strlen(kw), prefix, plen, suffix);
  }
  add_dict_matches(vm, m, r->globals, prefix, plen);
  add_dict_matches(vm, m, vm->builtins, prefix, plen);
}

// "a.b.c" (dotted names only, never calls or subscripts): looks the object
// up and offers dir(obj). Attribute lookups may run properties, as
// rlcompleter's eval does.
static void attr_matches(Repl *r, Matches *m, const char *expr, size_t elen, const char *prefix, size_t plen) {
  AwVM *vm = r->vm;
  size_t i = 0, start = 0;
  AwValue obj = AW_UNDEF;
  for (; i <= elen; i++) {
    if (i < elen && expr[i] != '.') continue;
    if (i == start || (expr[start] >= '0' && expr[start] <= '9')) return;
    AwValue name = aw_str_new(vm, expr + start, i - start);
    if (AW_IS_EXC(name)) return;
    if (AW_IS_UNDEF(obj)) {
      obj = aw_dict_get_str(r->globals, name);
      if (AW_IS_UNDEF(obj)) obj = aw_dict_get_str(vm->builtins, name);
      if (AW_IS_UNDEF(obj)) return;
    } else {
      aw_push_root(vm, obj);
      aw_push_root(vm, name);
      obj = aw_getattr_opt(vm, obj, name);
      aw_pop_root(vm);
      aw_pop_root(vm);
      if (AW_IS_EXC(obj) || AW_IS_UNDEF(obj)) return;
    }
    start = i + 1;
  }
  AwValue dir = aw_dict_get_cstr(vm, vm->builtins, "dir");
  if (AW_IS_UNDEF(dir)) return;
  aw_push_root(vm, obj);
  AwValue names = aw_call(vm, dir, 1, &obj, NULL);
  if (!AW_IS_EXC(names) && AW_IS_LIST(names)) {
    aw_push_root(vm, names);
    AwList *l = AW_AS_LIST(names);
    for (int64_t k = 0; k < l->len; k++) {
      if (!AW_IS_STR(l->items[k])) continue;
      AwStr *s = AW_AS_STR(l->items[k]);
      if ((size_t)s->nbytes < plen || memcmp(s->data, prefix, plen) != 0) continue;
      AwValue v = aw_getattr_opt(vm, obj, l->items[k]);
      const char *suffix = AW_IS_EXC(v) || AW_IS_UNDEF(v) ? "" : callable_suffix(vm, v);
      add_match(vm, m, s->data, (size_t)s->nbytes, prefix, plen, suffix);
    }
    aw_pop_root(vm);
  }
  aw_pop_root(vm);
}

static int compare_cstr(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

// Prints the candidates in columns under the line being edited.
static void list_matches(EditLine *el, const char **items, size_t n) {
  size_t width = 0;
  for (size_t i = 0; i < n; i++)
    if (strlen(items[i]) > width) width = strlen(items[i]);
  int cols = 80;
  if (el_get(el, EL_GETTC, "co", &cols, NULL) != 0 || cols <= 0) cols = 80;
  size_t per_row = (size_t)cols / (width + 2);
  if (per_row == 0) per_row = 1;
  size_t rows = (n + per_row - 1) / per_row;
  fputs("\n", stdout);
  for (size_t row = 0; row < rows; row++) {
    for (size_t c = 0; c < per_row; c++) {
      size_t i = c * rows + row;
      if (i >= n) break;
      bool last = c + 1 == per_row || (c + 1) * rows + row >= n;
      if (last) fputs(items[i], stdout);
      else printf("%-*s", (int)(width + 2), items[i]);
    }
    fputs("\n", stdout);
  }
  fflush(stdout);
}

static unsigned char on_tab(EditLine *el, int ch) {
  (void)ch;
  Repl *r = NULL;
  el_get(el, EL_CLIENTDATA, &r);
  AwVM *vm = r->vm;
  const LineInfo *li = el_line(el);
  const char *end = li->cursor, *begin = end;
  while (begin > li->buffer && (is_word_byte((unsigned char)begin[-1]) || begin[-1] == '.')) begin--;
  // At the start of a line (or after blanks only), Tab indents.
  const char *p = li->buffer;
  while (p < begin && (*p == ' ' || *p == '\t')) p++;
  if (begin == end && p == begin) {
    el_insertstr(el, "    ");
    return CC_REFRESH;
  }
  Matches m;
  aw_buf_init(&m.text);
  m.count = 0;
  size_t wlen = (size_t)(end - begin);
  const char *dot = NULL;
  for (const char *q = begin; q < end; q++)
    if (*q == '.') dot = q;
  const char *prefix = dot ? dot + 1 : begin;
  size_t plen = (size_t)(end - prefix);
  // The word is copied: completion may run script code, and the line
  // buffer belongs to libedit.
  char word[512];
  if (wlen >= sizeof word) return CC_ERROR;
  memcpy(word, begin, wlen);
  word[wlen] = 0;
  prefix = word + (prefix - begin);
  if (dot) attr_matches(r, &m, word, (size_t)(dot - begin), prefix, plen);
  else global_matches(r, &m, prefix, plen);
  if (!AW_IS_UNDEF(vm->exc)) aw_exc_take(vm);
  unsigned char result = CC_ERROR;
  const char **items = NULL;
  if (m.count > 0 && !m.text.failed) items = aw_mem_alloc(vm, m.count * sizeof *items);
  if (items) {
    const char *s = m.text.data;
    for (size_t i = 0; i < m.count; i++, s += strlen(s) + 1) items[i] = s;
    qsort(items, m.count, sizeof *items, compare_cstr);
    size_t n = 0;
    for (size_t i = 0; i < m.count; i++)
      if (n == 0 || strcmp(items[n - 1], items[i])) items[n++] = items[i];
    // The longest common prefix of the candidates (suffixes aside).
    size_t common = strlen(items[0]);
    for (size_t i = 1; i < n; i++) {
      size_t k = 0;
      while (k < common && items[i][k] == items[0][k]) k++;
      common = k;
    }
    if (n > 1 && common > 0 && (items[0][common - 1] == '(' || items[0][common - 1] == ' ' ||
                                items[0][common - 1] == ':'))
      common--;
    if (common > plen) {
      char *ins = aw_mem_alloc(vm, common - plen + 1);
      if (ins) {
        memcpy(ins, items[0] + plen, common - plen);
        ins[common - plen] = 0;
        el_insertstr(el, ins);
        aw_mem_free(vm, ins, common - plen + 1);
      } else {
        aw_exc_take(vm);
      }
      result = CC_REFRESH;
    } else if (n > 1) {
      list_matches(el, items, n);
      result = CC_REDISPLAY;
    }
    aw_mem_free(vm, items, m.count * sizeof *items);
  } else if (!AW_IS_UNDEF(vm->exc)) {
    aw_exc_take(vm);
  }
  aw_buf_free(vm, &m.text);
  return result;
}

// Ctrl-D: end of input on an empty line, else delete the character under
// the cursor (emacs' delete-char).
static unsigned char on_ctrl_d(EditLine *el, int ch) {
  (void)ch;
  Repl *r = NULL;
  el_get(el, EL_CLIENTDATA, &r);
  const LineInfo *li = el_line(el);
  if (li->lastchar == li->buffer) {
    r->eof_key = true;
    return CC_NEWLINE;
  }
  if (li->cursor == li->lastchar) return CC_ERROR;
  el_cursor(el, 1);
  el_deletestr(el, 1);
  return CC_REFRESH;
}

static char *prompt_of(EditLine *el) {
  Repl *r = NULL;
  el_get(el, EL_CLIENTDATA, &r);
  return r->continuation ? "... " : ">>> ";
}

// ---- reading a line while the loop runs -----------------------------------------------

static void on_stdin(uv_poll_t *h, int status, int events) {
  Repl *r = h->data;
  (void)status;
  (void)events;
  r->readable = true;
}

static void on_winch(uv_signal_t *s, int signum) {
  (void)signum;
  ((Repl *)s->data)->winch_ready = true;
}

static void on_cont(uv_signal_t *s, int signum) {
  (void)signum;
  ((Repl *)s->data)->cont_ready = true;
}

static int bytes_waiting(void) {
  int n = 0;
  return ioctl(0, FIONREAD, &n) == 0 ? n : 0;
}

// Feeds the keys waiting on stdin to libedit, one editing command at a
// time, until a line is complete. True when the line (or EOF) is in.
// Readable with nothing to read is a hang-up (a raw tty has VMIN 1).
static bool feed_keys(Repl *r, ReadResult *out) {
  if (bytes_waiting() == 0) {
    *out = READ_EOF;
    return true;
  }
  do {
    int n = 0;
    // In unbuffered mode el_gets returns NULL with n == -1 for any empty
    // line; a failed read leaves errno set.
    errno = 0;
    const char *buf = el_gets(r->el, &n);
    if (r->eof_key) {
      *out = READ_EOF;
      return true;
    }
    if (!buf && n < 0 && errno != 0 && errno != EINTR && errno != EAGAIN) {
      *out = READ_EOF;
      return true;
    }
    if (buf && n > 0 && buf[n - 1] == '\n') {
      r->line.len = 0;
      if (!aw_buf_append(r->vm, &r->line, buf, (size_t)n - 1)) aw_exc_take(r->vm);
      *out = READ_LINE;
      return true;
    }
  } while (bytes_waiting() > 0);
  return false;
}

// A Ctrl-C the loop left pending (it arrived while nothing ran). Only the
// SIGINT bit: the embedding API's POLL bit stays for the safepoints.
static bool take_sigint(AwVM *vm) {
  if (!(vm->interrupt & AW_INTERRUPT_SIGINT)) return false;
  vm->interrupt &= ~AW_INTERRUPT_SIGINT;
  return true;
}

static bool is_exc(AwVM *vm, AwValue e, AwClass *cls) { return AW_IS_EXCEPTION(e) && aw_isinstance(vm, e, cls); }

static int system_exit_code(AwVM *vm, AwValue exc) {
  AwValue code = aw_dict_get_cstr(vm, AW_AS_INSTANCE(exc)->dict, "code");
  AwValue args = AW_AS_EXCEPTION(exc)->args;
  if (AW_IS_UNDEF(code)) {
    code = AW_NONE;
    if (AW_IS_TUPLE(args) && AW_AS_TUPLE(args)->len == 1) code = AW_AS_TUPLE(args)->items[0];
    else if (AW_IS_TUPLE(args) && AW_AS_TUPLE(args)->len > 1) code = args;
  }
  if (AW_IS_NONE(code)) return 0;
  if (AW_IS_INTLIKE(code)) return (int)(AW_AS_INT(code) & 0xff);
  AwStr *s = aw_to_str(vm, code);
  if (s) {
    aw_write_err(vm, s->data, (size_t)s->nbytes);
    aw_write_err(vm, "\n", 1);
  } else {
    aw_exc_take(vm);
  }
  return 1;
}

// An exception that escaped the loop while nothing of the user's was
// running (a background task's KeyboardInterrupt or SystemExit, or an
// internal error). False for KeyboardInterrupt.
static bool loop_escape(Repl *r, AwValue e, bool *interrupted) {
  AwVM *vm = r->vm;
  if (is_exc(vm, e, AW_EXCCLS(vm, KeyboardInterrupt))) {
    *interrupted = true;
    return false;
  }
  if (is_exc(vm, e, AW_EXCCLS(vm, SystemExit))) {
    r->exit_code = system_exit_code(vm, e);
    r->quit = true;
    return true;
  }
  if (AW_IS_EXCEPTION(e)) aw_print_exception(vm, e);
  return true;
}

static ReadResult read_line(Repl *r) {
  AwVM *vm = r->vm;
  r->eof_key = false;
  r->readable = false;
  r->overwritten = false;
  fflush(stdout);
  fflush(stderr);
  el_set(r->el, EL_UNBUFFERED, 1);  // raw mode; prints the prompt
  r->editing = true;
  uv_poll_start(&r->stdin_poll, UV_READABLE | UV_DISCONNECT, on_stdin);
  ReadResult res = READ_LINE;
  bool done = false;
  // Keys typed ahead are read before the loop runs: the prompt answers at once.
  if (bytes_waiting() > 0) done = feed_keys(r, &res);
  while (!done) {
    bool interrupted = false;
    bool ok = aw_loop_run_once(vm, r->loop, -1);
    if (!ok) loop_escape(r, aw_exc_take(vm), &interrupted);
    if (take_sigint(vm)) interrupted = true;
    redraw_prompt(r);
    if (r->quit) {
      res = READ_EXIT;
      break;
    }
    if (interrupted) {
      res = READ_INTERRUPT;
      break;
    }
    if (r->winch_ready) {
      r->winch_ready = false;
      el_resize(r->el);
      el_set(r->el, EL_REFRESH);
    }
    if (r->cont_ready) {
      // libedit believes the tty is still raw: leave and re-enter raw
      // mode, then redraw the prompt and the line.
      r->cont_ready = false;
      el_set(r->el, EL_PREP_TERM, 0);
      el_set(r->el, EL_PREP_TERM, 1);
      el_set(r->el, EL_REFRESH);
    }
    if (r->readable) {
      r->readable = false;
      done = feed_keys(r, &res);
    }
  }
  uv_poll_stop(&r->stdin_poll);
  r->editing = false;
  el_set(r->el, EL_UNBUFFERED, 0);  // cooked mode while code runs
  if (res == READ_EOF || res == READ_INTERRUPT) fputs("\n", stdout);
  fflush(stdout);
  return res;
}

// ---- running a statement -------------------------------------------------------------

// Prints the exception the statement raised, or leaves the REPL on SystemExit.
static void report(Repl *r, AwValue e) {
  AwVM *vm = r->vm;
  vm->handling = AW_UNDEF;
  if (is_exc(vm, e, AW_EXCCLS(vm, SystemExit))) {
    r->exit_code = system_exit_code(vm, e);
    r->quit = true;
    return;
  }
  if (AW_IS_EXCEPTION(e)) aw_print_exception(vm, e);
}

// Top-level await: the statement runs as the loop's main task (so Ctrl-C
// cancels it), and the loop runs until that task is done. A second Ctrl-C
// returns to the prompt at once and leaves the task to finish by itself.
static void run_as_task(Repl *r, AwFunction *fn) {
  AwVM *vm = r->vm;
  AwLoop *loop = r->loop;
  AwValue coro = aw_make_generator(vm, fn, 0, NULL, NULL);
  if (AW_IS_EXC(coro)) {
    report(r, aw_exc_take(vm));
    return;
  }
  aw_push_root(vm, coro);
  AwFuture *task = aw_task_new(vm, loop, coro, AW_NONE, aw_context_copy(vm));
  aw_pop_root(vm);
  if (!task) {
    report(r, aw_exc_take(vm));
    return;
  }
  aw_push_root(vm, AW_OBJ(task));
  loop->main_task = AW_OBJ(task);
  loop->main_interrupted = false;
  int interrupts = 0;
  while (task->state == AW_FUT_PENDING && interrupts < 2 && !r->quit) {
    bool interrupted = false;
    if (!aw_loop_run_once(vm, loop, -1)) loop_escape(r, aw_exc_take(vm), &interrupted);
    if (take_sigint(vm)) interrupted = true;
    if (loop->main_interrupted) {
      loop->main_interrupted = false;
      interrupts++;
    }
    if (interrupted) {
      interrupts++;
      if (task->state == AW_FUT_PENDING) aw_task_cancel(vm, task, AW_NONE);
    }
  }
  loop->main_task = AW_NONE;
  task->log_traceback = false;
  // As `python -m asyncio` prints it (after the ^C the terminal echoed).
  if (task->state == AW_FUT_PENDING) {
    if (!r->quit) aw_write_err(vm, "\nKeyboardInterrupt\n", 19);
  } else if (interrupts > 0 && task->state == AW_FUT_CANCELLED) {
    aw_write_err(vm, "\nKeyboardInterrupt\n", 19);
  } else if (AW_IS_EXC(aw_future_await_result(vm, task))) {
    report(r, aw_exc_take(vm));
  }
  aw_pop_root(vm);
}

static void run_statement(Repl *r, AwProto *p) {
  AwVM *vm = r->vm;
  if (!(p->flags & AW_CODE_COROUTINE)) {
    if (AW_IS_EXC(aw_run_module_code(vm, p, r->globals))) report(r, aw_exc_take(vm));
    return;
  }
  AwFunction *fn = aw_function_new(vm, p, r->globals);
  if (!fn) {
    report(r, aw_exc_take(vm));
    return;
  }
  aw_push_root(vm, AW_OBJ(fn));
  run_as_task(r, fn);
  aw_pop_root(vm);
}

// Compiles the statement entered so far: false when it needs more lines.
static bool try_statement(Repl *r, bool last_line_blank) {
  AwVM *vm = r->vm;
  AwDiag diag;
  memset(&diag, 0, sizeof diag);
  bool incomplete = false;
  AwProto *p = aw_compile(vm, r->src.data, r->src.len, "<stdin>", AW_PARSE_SINGLE, &diag, &incomplete);
  if (!p && incomplete && !last_line_blank) return false;
  if (!p && incomplete) {
    // An empty line ends a block even when the parser still waits for one
    // (`if x:` then Enter): compile it as a whole file to get the error.
    p = aw_compile(vm, r->src.data, r->src.len, "<stdin>", AW_PARSE_FILE, &diag, &incomplete);
  }
  if (!p) {
    if (diag.kind == AW_DIAG_MEMORY) {
      report(r, vm->memory_error);
      return true;
    }
    char buf[4096];
    size_t n = aw_diag_format(&diag, "<stdin>", r->src.data, r->src.len, buf, sizeof buf);
    aw_write_err(vm, buf, n);
    return true;
  }
  aw_push_root(vm, AW_OBJ(p));
  run_statement(r, p);
  aw_pop_root(vm);
  return true;
}

static bool blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f') return false;
  return true;
}

// Brackets and triple-quoted strings continue across empty lines; blocks
// end at one. Cheap scan, good enough to tell the two apart.
static bool inside_brackets_or_string(const char *s, size_t n) {
  int depth = 0;
  char quote = 0;
  bool triple = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (quote) {
      if (c == '\\') {
        i++;
      } else if (c == quote && (!triple || (i + 2 < n && s[i + 1] == quote && s[i + 2] == quote))) {
        if (triple) i += 2;
        quote = 0;
      } else if (c == '\n' && !triple) {
        quote = 0;
      }
      continue;
    }
    if (c == '#') {
      while (i < n && s[i] != '\n') i++;
    } else if (c == '\'' || c == '"') {
      quote = c;
      triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
      if (triple) i += 2;
    } else if (c == '(' || c == '[' || c == '{') {
      depth++;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      depth--;
    }
  }
  return depth > 0 || (quote && triple);
}

// ---- history -----------------------------------------------------------------------

static void history_setup(Repl *r) {
  HistEvent ev;
  r->hist = history_init();
  if (!r->hist) return;
  history(r->hist, &ev, H_SETSIZE, 1000);
  history(r->hist, &ev, H_SETUNIQUE, 1);
  const char *path = getenv("AW_HISTORY");
  const char *home = getenv("HOME");
  if (path) snprintf(r->hist_path, sizeof r->hist_path, "%s", path);
  else if (home && *home) snprintf(r->hist_path, sizeof r->hist_path, "%s/.aw_history", home);
  if (r->hist_path[0]) history(r->hist, &ev, H_LOAD, r->hist_path);
}

static void history_add(Repl *r, const char *line) {
  HistEvent ev;
  if (!r->hist) return;
  history(r->hist, &ev, H_ENTER, line);
  // Saved after every line, so a session that is killed keeps its history.
  if (r->hist_path[0]) history(r->hist, &ev, H_SAVE, r->hist_path);
}

// ---- setup and teardown ------------------------------------------------------------------

static bool make_main(Repl *r) {
  AwVM *vm = r->vm;
  AwModule *m = aw_module_new(vm, "__main__");
  if (!m) return false;
  vm->main_module = AW_OBJ(m);
  r->globals = m->dict;
  if (!aw_dict_set(vm, m->dict, AW_N(vm, builtins), AW_OBJ(vm->builtins)) ||
      !aw_dict_set(vm, vm->modules, AW_N(vm, main), AW_OBJ(m)))
    return false;
  // Imports look in the current directory first, as in Python's REPL.
  AwValue dir = aw_str_new(vm, "", 0);
  if (AW_IS_EXC(dir) || !aw_list_insert(vm, AW_AS_LIST(vm->sys_path), 0, dir)) return false;
  // As `python -m asyncio`: asyncio is already imported.
  AwValue name = aw_str_from_cstr(vm, "asyncio");
  if (AW_IS_EXC(name)) return false;
  aw_push_root(vm, name);  // the import runs asyncio.aw
  AwValue mod = aw_import(vm, name);
  bool ok = !AW_IS_EXC(mod) && aw_dict_set(vm, m->dict, name, mod);
  aw_pop_root(vm);
  return ok;
}

static bool editline_setup(Repl *r) {
  r->el = el_init("aw", stdin, stdout, stderr);
  if (!r->el) return false;
  el_set(r->el, EL_CLIENTDATA, r);
  el_set(r->el, EL_EDITOR, "emacs");
  el_set(r->el, EL_PROMPT, prompt_of);
  el_set(r->el, EL_SIGNAL, 0);
  el_set(r->el, EL_ADDFN, "aw-complete", "complete a name or attribute", on_tab);
  el_set(r->el, EL_BIND, "^I", "aw-complete", NULL);
  el_set(r->el, EL_ADDFN, "aw-eof", "end of input, or delete the next character", on_ctrl_d);
  el_set(r->el, EL_BIND, "^D", "aw-eof", NULL);
  history_setup(r);
  if (r->hist) el_set(r->el, EL_HIST, history, r->hist);
  el_source(r->el, NULL);  // ~/.editrc
  return true;
}

// Cancels what still runs when the REPL ends and lets it finish, as
// asyncio.run does at its end -- but for one second at most (a task that
// ignores cancellation must not keep the session from ending), and Ctrl-C
// stops waiting at once.
static void cancel_background(Repl *r) {
  AwVM *vm = r->vm;
  AwLoop *loop = r->loop;
  // Collected first: cancelling may change the list of pending tasks.
  AwList *pending = aw_list_new(vm, 0);
  if (!pending) {
    aw_exc_take(vm);
    return;
  }
  aw_push_root(vm, AW_OBJ(pending));
  for (AwFuture *t = aw_loop_tasks(loop); t; t = t->next_task)
    if (!aw_list_append(vm, pending, AW_OBJ(t))) aw_exc_take(vm);
  for (int64_t i = 0; i < pending->len; i++) aw_task_cancel(vm, (AwFuture *)AW_AS_OBJ(pending->items[i]), AW_NONE);
  aw_pop_root(vm);
  uint64_t deadline = uv_hrtime() + 1000000000u;
  while (aw_loop_tasks(loop) || loop->pending_threads > 0) {
    uint64_t now = uv_hrtime();
    if (now >= deadline) break;
    int ms = (int)((deadline - now) / 1000000u) + 1;
    bool ok = aw_loop_run_once(vm, loop, ms);
    if (!ok) {
      AwValue e = aw_exc_take(vm);
      if (is_exc(vm, e, AW_EXCCLS(vm, KeyboardInterrupt))) break;
    }
    if (take_sigint(vm)) break;
  }
  if (!AW_IS_UNDEF(vm->exc)) aw_exc_take(vm);
}

static void on_closed(uv_handle_t *h) { (void)h; }

static void teardown(Repl *r, struct sigaction *old_sigint) {
  AwVM *vm = r->vm;
  if (r->loop) {
    cancel_background(r);
    if (r->handles_ready) {
      uv_close((uv_handle_t *)&r->stdin_poll, on_closed);
      uv_close((uv_handle_t *)&r->winch, on_closed);
      uv_close((uv_handle_t *)&r->cont, on_closed);
      uv_run(&r->loop->uv, UV_RUN_NOWAIT);
    }
    r->loop->main_task = AW_NONE;
    aw_loop_set_running(vm, r->loop, false);
    r->loop->closed = true;
  }
  if (r->el) el_end(r->el);
  if (r->hist) history_end(r->hist);
  fflush(stdout);
  vm->write_out = r->orig_out;
  vm->write_err = r->orig_err;
  vm->write_ud = r->orig_ud;
  sigaction(SIGINT, old_sigint, NULL);
  sigint_vm = NULL;
  aw_buf_free(vm, &r->line);
  aw_buf_free(vm, &r->src);
}

// ---- the REPL ------------------------------------------------------------------------

static void banner(void) {
  fprintf(stderr, "aw %s (Python 3.11 subset)\n", AW_VERSION_STRING);
  fprintf(stderr, "Top-level await works here; asyncio is imported. Ctrl-D exits.\n");
}

// One statement: lines until it compiles (or fails), then runs it.
static void read_eval_print(Repl *r) {
  AwVM *vm = r->vm;
  r->src.len = 0;
  r->continuation = false;
  for (;;) {
    ReadResult res = read_line(r);
    if (res == READ_EXIT) return;
    if (res == READ_EOF) {
      r->quit = true;
      return;
    }
    if (res == READ_INTERRUPT) {
      aw_write_err(vm, "KeyboardInterrupt\n", 18);
      return;
    }
    const char *line = r->line.data ? r->line.data : "";
    size_t n = r->line.len;
    bool is_blank = blank(line, n);
    if (!r->continuation && is_blank) return;
    if (!is_blank) history_add(r, line);
    if (!aw_buf_append(vm, &r->src, line, n) || !aw_buf_putc(vm, &r->src, '\n')) {
      report(r, aw_exc_take(vm));
      return;
    }
    bool ends_block = is_blank && !inside_brackets_or_string(r->src.data, r->src.len);
    if (try_statement(r, ends_block)) return;
    r->continuation = true;
  }
}

int aw_repl(AwVM *vm) {
  Repl r;
  memset(&r, 0, sizeof r);
  r.vm = vm;
  aw_buf_init(&r.line);
  aw_buf_init(&r.src);
  r.orig_out = vm->write_out;
  r.orig_err = vm->write_err;
  r.orig_ud = vm->write_ud;
  // libedit reads UTF-8 only under a UTF-8 LC_CTYPE (Python coerces the C
  // locale the same way, PEP 538).
  setlocale(LC_CTYPE, "");
  if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");

  struct sigaction sa, old_sigint;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigint_vm = vm;
  sigaction(SIGINT, &sa, &old_sigint);

  r.loop = aw_loop_get(vm);
  if (!r.loop || !make_main(&r) || !editline_setup(&r)) {
    if (!AW_IS_UNDEF(vm->exc)) aw_print_exception(vm, aw_exc_take(vm));
    else fprintf(stderr, "aw: cannot start the REPL\n");
    teardown(&r, &old_sigint);
    return 1;
  }
  // The loop runs for the whole session: get_running_loop() and
  // create_task() work at the prompt, as under `python -m asyncio`.
  if (!aw_loop_set_running(vm, r.loop, true)) {
    aw_exc_take(vm);  // running without asyncgen hooks
    r.loop->running = true;
  }
  r.loop->closed = false;
  r.loop->virtual_time = false;
  uv_poll_init(&r.loop->uv, &r.stdin_poll, 0);
  r.stdin_poll.data = &r;
  // uv_poll_init made the terminal non-blocking, for the shell too (the
  // flag is shared): keys are read only when poll says so, and input()
  // must block.
  int fl = fcntl(0, F_GETFL);
  if (fl != -1) fcntl(0, F_SETFL, fl & ~O_NONBLOCK);
  uv_signal_init(&r.loop->uv, &r.winch);
  r.winch.data = &r;
  uv_signal_start(&r.winch, on_winch, SIGWINCH);
  uv_signal_init(&r.loop->uv, &r.cont);
  r.cont.data = &r;
  uv_signal_start(&r.cont, on_cont, SIGCONT);
  r.handles_ready = true;
  vm->write_out = repl_write_out;
  vm->write_err = repl_write_err;
  vm->write_ud = &r;
  r.out_ends_nl = true;

  banner();
  while (!r.quit) read_eval_print(&r);
  int status = r.exit_code;
  teardown(&r, &old_sigint);
  vm->exit_code = status;  // aw_exit_code() reports it too
  return status;
}

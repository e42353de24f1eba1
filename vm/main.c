// vm/main.c -- the `aw` command: argument parsing, running a file, a -c
// string or stdin, --dis, --debug, --virtual-time, Ctrl-C, and the exit
// statuses of SPEC §7. It uses only the public API in vm/aw.h.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "vm/aw.h"

static const char usage[] =
    "usage: aw [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd         run the program passed in as a string\n"
    "  --dis FILE     print the bytecode of FILE instead of running it\n"
    "  --debug        asyncio debug mode\n"
    "  --virtual-time event loops run on a virtual clock (sleeps finish at once)\n"
    "  --version      print the version and exit\n"
    "  -h, --help     print this help and exit\n"
    "  file           run the program in file ('-' or no file: read stdin)\n"
    "Environment: AW_PATH (module search path, ':'-separated), AW_ASYNCIO_DEBUG,\n"
    "  PYTHONASYNCIODEBUG (asyncio debug mode), AW_VIRTUAL_TIME (virtual clock)\n";

// The script's name for __file__, code objects and tracebacks: as CPython
// does, a relative path is prefixed with the working directory (not
// normalised); sys.argv[0] stays as given. NULL: use the path as it is.
static char *script_path(const char *path) {
  if (path[0] == '/') return NULL;
  char *cwd = getcwd(NULL, 0);
  if (!cwd) return NULL;
  size_t n = strlen(cwd) + 1 + strlen(path) + 1;
  char *abs = malloc(n);
  if (abs) snprintf(abs, n, "%s%s%s", cwd, strcmp(cwd, "/") ? "/" : "", path);
  free(cwd);
  return abs;
}

// The VM Ctrl-C interrupts. Host state of the CLI process (a signal handler
// has nowhere else to find it), not VM state.
static AwVM *volatile interrupt_target;

static void on_sigint(int signum) {
  (void)signum;
  AwVM *vm = interrupt_target;
  if (vm) aw_interrupt(vm);
}

// Ctrl-C raises KeyboardInterrupt in the script (or cancels asyncio.run's
// main task) instead of killing the process. SA_RESTART keeps stdio reads
// from failing half-way; sleeps and the loop's poll still wake up.
// Like CPython, an inherited SIG_IGN (nohup, background jobs of a
// non-interactive shell) is left alone.
static void catch_sigint(AwVM *vm) {
  struct sigaction sa;
  if (sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN) return;
  interrupt_target = vm;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
}

static void release_sigint(void) {
  if (!interrupt_target) return;
  signal(SIGINT, SIG_DFL);
  interrupt_target = NULL;
}

static char *read_stream(FILE *fp, size_t *len_out) {
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  size_t n;
  while ((n = fread(buf + len, 1, cap - len, fp)) > 0) {
    len += n;
    if (len == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
  }
  *len_out = len;
  return buf;
}

static int finish(AwVM *vm, AwResult r) {
  int code = r == AW_OK ? 0 : aw_exit_code(vm);
  const char *msg = aw_error_message(vm);
  bool interrupted = r == AW_EXIT && code == 130 && !strncmp(msg, "KeyboardInterrupt", 17) &&
                     (msg[17] == 0 || msg[17] == ':');
  fflush(stdout);
  release_sigint();
  aw_free_vm(vm);
  // An uncaught KeyboardInterrupt (status 130): like CPython, die of
  // SIGINT itself, so a parent sees the signal (a shell still says 130).
  if (interrupted) {
    fflush(stderr);
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
  }
  return code;
}

static AwVM *make_vm(int argc, const char *const *argv) {
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.argc = argc;
  cfg.argv = argv;
  AwVM *vm = aw_new_vm(&cfg);
  if (!vm) fprintf(stderr, "aw: cannot create the VM (out of memory)\n");
  else catch_sigint(vm);
  return vm;
}

int main(int argc, char **argv) {
  int i = 1;
  bool dis = false;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
      printf("aw %s (Python 3.11 subset)\n", AW_VERSION_STRING);
      return 0;
    }
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(usage, stdout);
      return 0;
    }
    if (!strcmp(a, "--dis")) {
      dis = true;
      continue;
    }
    if (!strcmp(a, "--debug")) {
      setenv("AW_ASYNCIO_DEBUG", "1", 1);
      continue;
    }
    if (!strcmp(a, "--virtual-time")) {
      setenv("AW_VIRTUAL_TIME", "1", 1);
      continue;
    }
    if (!strcmp(a, "-c")) {
      if (i + 1 >= argc) {
        fprintf(stderr, "Argument expected for the -c option\n%s", usage);
        return 2;
      }
      const char *code = argv[i + 1];
      argv[i + 1] = "-c";
      AwVM *vm = make_vm(argc - (i + 1), (const char *const *)argv + i + 1);
      if (!vm) return 1;
      return finish(vm, aw_run_string(vm, code, strlen(code), "<string>"));
    }
    if (a[0] == '-' && a[1] != 0) {
      fprintf(stderr, "aw: unknown option %s\n%s", a, usage);
      return 2;
    }
    break;
  }
  if (dis) {
    if (i >= argc) {
      fprintf(stderr, "aw: --dis needs a file\n");
      return 2;
    }
    AwVM *vm = make_vm(argc - i, (const char *const *)argv + i);
    if (!vm) return 1;
    return finish(vm, aw_dis_file(vm, argv[i]));
  }
  if (i < argc && strcmp(argv[i], "-") != 0) {
    AwVM *vm = make_vm(argc - i, (const char *const *)argv + i);
    if (!vm) return 1;
    char *path = script_path(argv[i]);
    int status = finish(vm, aw_run_file(vm, path ? path : argv[i]));
    free(path);
    return status;
  }
  const char *empty_argv[] = {i < argc ? "-" : ""};
  // No program and a terminal: the interactive REPL (vm/repl.c).
  if (i >= argc && isatty(0)) {
    AwVM *vm = make_vm(1, empty_argv);
    if (!vm) return 1;
    return finish(vm, aw_repl(vm) == 0 ? AW_OK : AW_EXIT);
  }
  // Program on stdin ("aw -" or "aw < prog.aw").
  AwVM *vm = i < argc ? make_vm(argc - i, (const char *const *)argv + i) : make_vm(1, empty_argv);
  if (!vm) return 1;
  size_t len;
  char *src = read_stream(stdin, &len);
  if (!src) {
    fprintf(stderr, "aw: cannot read stdin\n");
    release_sigint();
    aw_free_vm(vm);
    return 1;
  }
  AwResult r = aw_run_string(vm, src, len, "<stdin>");
  free(src);
  return finish(vm, r);
}

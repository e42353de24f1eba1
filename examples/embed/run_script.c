// examples/embed/run_script.c -- the smallest useful host: run a script,
// and when it fails, report the error text and traceback the API keeps.
// Also shows output redirection: the script's stdout is captured.
#include <stdio.h>
#include <string.h>
#include "aw.h"

static const char *status_name(AwResult r) {
  switch (r) {
    case AW_OK: return "ok";
    case AW_COMPILE_ERROR: return "compile error";
    case AW_RUNTIME_ERROR: return "runtime error";
    case AW_EXIT: return "exit";
  }
  return "?";
}

// Every line the script prints arrives here first.
static void capture(void *ud, const char *data, size_t len) {
  (void)ud;
  printf("script says: %.*s", (int)len, data);
}

int main(void) {
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.write_out = capture;
  cfg.silent_errors = true;  // we print the error ourselves
  AwVM *vm = aw_new_vm(&cfg);
  if (!vm) return 1;

  AwResult r = aw_run_file(vm, "run_script.aw");
  printf("status: %s\n", status_name(r));
  printf("message: %s\n", aw_error_message(vm));
  printf("traceback:\n%s", aw_error_traceback(vm));

  const char *bad = "def f(:\n    pass\n";
  r = aw_run_string(vm, bad, strlen(bad), "<bad>");
  printf("status: %s\n", status_name(r));
  printf("message: %s\n", aw_error_message(vm));

  const char *bye = "import sys\nsys.exit(3)\n";
  r = aw_run_string(vm, bye, strlen(bye), "<bye>");
  printf("status: %s, exit code %d\n", status_name(r), aw_exit_code(vm));

  const char *good = "print(sum(range(10)))\n";
  r = aw_run_string(vm, good, strlen(good), "<good>");
  printf("status: %s, message: '%s'\n", status_name(r), aw_error_message(vm));
  aw_free_vm(vm);
  return 0;
}

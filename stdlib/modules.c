// stdlib/modules.c -- the table of built-in modules that `import` consults
// before looking for .aw files (Lua's linit.c). builtins is not a module
// here: state.c opens it at VM start. Openers are declared in vm/vm.h.
#include "vm/loop.h"

const AwBuiltinModule aw_builtin_modules[] = {
  {"sys", aw_open_sys},
  {"time", aw_open_time},
  {"math", aw_open_math},
  {"random", aw_open_random},
  {"json", aw_open_json},
  {"os", aw_open_os},
  {"os.path", aw_open_os_path},
  {"inspect", aw_open_inspect},
  {"gc", aw_open_gc},
  {"traceback", aw_open_traceback},
  {"io", aw_open_io},
  {"string", aw_open_string},
  {"functools", aw_open_functools},
  {"itertools", aw_open_itertools},
  {"collections", aw_open_collections},
  {"operator", aw_open_operator},
  {"copy", aw_open_copy},
  {"typing", aw_open_typing},
  {"heapq", aw_open_heapq},
  {"bisect", aw_open_bisect},
  {"dis", aw_open_dis},
  {"contextvars", aw_open_contextvars},
  {"asyncio", aw_open_asyncio},
  {NULL, NULL},
};

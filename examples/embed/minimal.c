// A complete host: one native async function, and a script gathering 1,000 calls.
#include <aw.h>
#include <string.h>

static AwRef *pending[1000];  // futures the host completes later
static int64_t args[1000], npending;

static void slow_square(AwVM *vm, int argc, void *ud) {  // async def slow_square(n)
  (void)argc, (void)ud;
  args[npending] = aw_get_slot_int(vm, 0);
  pending[npending++] = aw_set_slot_new_future(vm, 0);   // the result: a future
}

static const char script[] =
    "import asyncio, host\n"
    "async def main():\n"
    "    squares = await asyncio.gather(*(host.slow_square(i) for i in range(1000)))\n"
    "    print(len(squares), sum(squares))\n";

int main(void) {
  AwVM *vm = aw_new_vm(NULL);
  aw_def_fn(vm, "host", "slow_square", 1, slow_square, NULL);
  if (aw_run_string(vm, script, strlen(script), "main.aw") != AW_OK) return 1;
  aw_ensure_slots(vm, 1);
  aw_get_var(vm, "__main__", "main", 0);
  AwRef *task = aw_spawn(vm, 0);                 // main() as a task on aw's loop
  while (!aw_done(vm, task)) {                   // the host's own loop
    aw_step(vm, 0);                              // run aw until it waits
    for (int64_t i = 0; i < npending; i++) {     // then answer every call
      aw_set_slot_int(vm, 0, args[i] * args[i]);
      aw_resolve(vm, pending[i], 0);
    }
    npending = 0;
  }
  int status = aw_result(vm, task) == AW_OK ? 0 : 1;
  aw_release_ref(vm, task);
  aw_free_vm(vm);
  return status;
}

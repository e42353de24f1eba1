// examples/embed/two_threads.c -- two VMs running at the same time on two
// threads. Each has its own allocator (counting its bytes), its own output
// buffer and its own native module: nothing is shared, so nothing locks.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "aw.h"

typedef struct {
  int id;
  long limit;
  char out[256];        // what the script printed
  size_t out_len;
  size_t bytes, peak;   // the allocator's count
  AwResult result;
} Job;

static void *counting_alloc(void *ud, void *ptr, size_t old_size, size_t new_size) {
  Job *job = ud;
  job->bytes += new_size - old_size;  // wraps correctly when shrinking
  if (job->bytes > job->peak) job->peak = job->bytes;
  if (new_size == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, new_size);
}

static void write_out(void *ud, const char *data, size_t len) {
  Job *job = ud;
  if (len > sizeof job->out - 1 - job->out_len) len = sizeof job->out - 1 - job->out_len;
  memcpy(job->out + job->out_len, data, len);
  job->out_len += len;
}

static void job_id(AwVM *vm, int argc, void *ud) {
  (void)argc;
  aw_set_slot_int(vm, 0, ((Job *)ud)->id);
}

static void job_limit(AwVM *vm, int argc, void *ud) {
  (void)argc;
  aw_set_slot_int(vm, 0, ((Job *)ud)->limit);
}

static void *run(void *arg) {
  Job *job = arg;
  AwConfig cfg;
  aw_config_init(&cfg);
  cfg.alloc = counting_alloc;
  cfg.alloc_ud = job;
  cfg.write_out = write_out;
  cfg.write_ud = job;
  AwVM *vm = aw_new_vm(&cfg);
  if (!vm) return NULL;
  aw_def_fn(vm, "job", "id", 0, job_id, job);
  aw_def_fn(vm, "job", "limit", 0, job_limit, job);
  job->result = aw_run_file(vm, "two_threads.aw");
  aw_free_vm(vm);
  return NULL;
}

int main(void) {
  Job jobs[2] = {{.id = 1, .limit = 200000}, {.id = 2, .limit = 300000}};
  pthread_t threads[2];
  for (int i = 0; i < 2; i++) pthread_create(&threads[i], NULL, run, &jobs[i]);
  for (int i = 0; i < 2; i++) pthread_join(threads[i], NULL);
  for (int i = 0; i < 2; i++) {
    printf("%s", jobs[i].out);
    printf("vm %d: %s, all memory returned: %s\n", jobs[i].id, jobs[i].result == AW_OK ? "ok" : "failed",
           jobs[i].bytes == 0 && jobs[i].peak > 0 ? "yes" : "no");
  }
  return 0;
}

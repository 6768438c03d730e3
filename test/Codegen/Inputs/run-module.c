/*===- run-module.c - Runs a module compiled by janus-codegen --emit=so ---===*
 *
 * Test driver: dlopens LIB, calls `__janus_init_<NAME>("__main__")` and
 * prints the pending exception (janus_rt_format_error) when it fails.
 * Usage: run-module LIB NAME. Exits 0 on success, 1 on a Python error.
 *===----------------------------------------------------------------------===*/

#include "janus/janus.h"
#include "janus/janus_exec.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

typedef janus_rt_value (*init_fn)(janus_rt_value name);

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: run-module LIB NAME\n");
    return 2;
  }
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "run-module: %s\n", dlerror());
    return 2;
  }
  char symbol[256];
  snprintf(symbol, sizeof symbol, "__janus_init_%s", argv[2]);
  init_fn init = (init_fn)dlsym(lib, symbol);
  if (!init) {
    fprintf(stderr, "run-module: no %s\n", symbol);
    return 2;
  }
  janus_rt_value cache = {JANUS_RT_UNBOUND_KIND, 0};
  janus_rt_value name = janus_rt_const_str(&cache, "__main__", 8);
  janus_rt_value result = init(name);
  fflush(stdout);
  if (result.kind == JANUS_RT_ERROR_KIND) {
    char *message = janus_rt_format_error();
    printf("%s", message ? message : "error without exception\n");
    janus_string_free(message);
    return 1;
  }
  janus_rt_release(result);
  janus_rt_release(name);
  return 0;
}

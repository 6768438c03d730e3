/*===- run-module.c - Runs a module compiled by janus-codegen --emit=so ---===*
 *
 * Test driver: dlopens LIB, calls `__janus_init_<NAME>("__main__")` and
 * prints the pending exception (janus_rt_format_error) when it fails.
 * Usage: run-module LIB NAME [--leaks]. Exits 0 on success, 1 on a Python
 * error. With --leaks it runs the module twice (clearing a Python error
 * after each run) and fails (exit 3) when the second run leaves more live
 * runtime objects than the first: a second run only rebinds the globals,
 * so anything more is a reference the generated code leaked, on the normal
 * or on the error path.
 *===----------------------------------------------------------------------===*/

#include "janus/janus.h"
#include "janus/janus_exec.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

typedef janus_rt_value (*init_fn)(janus_rt_value name);

int main(int argc, char **argv) {
  int leaks = argc == 4 && strcmp(argv[3], "--leaks") == 0;
  if (argc != 3 && !leaks) {
    fprintf(stderr, "usage: run-module LIB NAME [--leaks]\n");
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
  if (result.kind == JANUS_RT_ERROR_KIND && !leaks) {
    char *message = janus_rt_format_error();
    printf("%s", message ? message : "error without exception\n");
    janus_string_free(message);
    return 1;
  }
  janus_rt_release(result);
  if (leaks) {
    janus_string_free(janus_rt_format_error()); /* a failed first run */
    int64_t afterFirst = janus_debug_live_objects();
    result = init(name);
    fflush(stdout);
    janus_string_free(janus_rt_format_error());
    janus_rt_release(result);
    int64_t afterSecond = janus_debug_live_objects();
    if (afterSecond != afterFirst) {
      fprintf(stderr, "run-module: %lld live objects after one run, %lld "
                      "after two\n",
              (long long)afterFirst, (long long)afterSecond);
      return 3;
    }
  }
  janus_rt_release(name);
  return 0;
}

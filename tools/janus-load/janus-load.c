/*===- janus-load.c - Runs a module built by `janusc -o` as __main__ ------===*
 *
 * janus-load LIB.so [MODULE]
 *
 * dlopens a shared library that `janusc model.py -o LIB.so` built and runs
 * its module body with __name__ == "__main__" (the exported
 * __janus_init_<MODULE>), like `janus run model.py` does with the library
 * it builds itself. MODULE is the C name of the module (the .py stem, with
 * characters other than [A-Za-z0-9_] turned into '_'); by default it comes
 * from LIB's file name without a leading "lib" and the ".so". The pylib
 * (torch.nn, torch.optim) is installed by the module's init itself
 * (janus_rt_require_pylib). A Python error prints its traceback on stderr
 * (`FILE:LINE:COL: error: Type: message`, janus_rt_format_error) and exits
 * 1; a library that cannot be loaded exits 2.
 *===----------------------------------------------------------------------===*/

#include "janus/janus.h"
#include "janus/janus_exec.h"

#include <ctype.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef janus_rt_value (*init_fn)(janus_rt_value name);

/* The default module name of `path`: "dir/libmodel.so" gives "model". */
static void moduleFromPath(const char *path, char *out, size_t size) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  if (strncmp(base, "lib", 3) == 0)
    base += 3;
  size_t n = strlen(base);
  if (n > 3 && strcmp(base + n - 3, ".so") == 0)
    n -= 3;
  size_t j = 0;
  if (n == 0 || isdigit((unsigned char)base[0]))
    out[j++] = '_';
  for (size_t i = 0; i < n && j + 1 < size; ++i)
    out[j++] = isalnum((unsigned char)base[i]) ? base[i] : '_';
  out[j] = '\0';
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: janus-load LIB.so [MODULE]\n");
    return 2;
  }
  char module[200];
  if (argc == 3)
    snprintf(module, sizeof module, "%s", argv[2]);
  else
    moduleFromPath(argv[1], module, sizeof module);

  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "janus-load: error: %s\n", dlerror());
    return 2;
  }
  char symbol[256];
  snprintf(symbol, sizeof symbol, "__janus_init_%s", module);
  init_fn init = (init_fn)dlsym(lib, symbol);
  if (!init) {
    fprintf(stderr, "janus-load: error: %s has no %s\n", argv[1], symbol);
    return 2;
  }

  janus_rt_value cache = {JANUS_RT_UNBOUND_KIND, 0};
  janus_rt_value name = janus_rt_const_str(&cache, "__main__", 8);
  janus_rt_value result = init(name);
  fflush(stdout);
  janus_rt_release(name);
  if (result.kind == JANUS_RT_ERROR_KIND) {
    char *message = janus_rt_format_error();
    fputs(message ? message : "janus-load: error without exception\n", stderr);
    janus_string_free(message);
    return 1;
  }
  janus_rt_release(result);
  janus_rt_release(cache);
  return 0;
}

/*===- ExecSharedTest.c - libjanus_runtime.so from C, as compiled code --===*
 *
 * Links against the shared runtime (target janus_runtime_shared) and runs a
 * hand-written "compiled" function through janus_exec.h: it proves that
 * the shared library exports the execution ABI and the C API, and that
 * janus_exec.h compiles as C11. Exits non-zero with a message on failure.
 *===----------------------------------------------------------------------===*/

#include "janus/janus.h"
#include "janus/janus_exec.h"

#include <stdio.h>
#include <string.h>

static const janus_rt_location loc = {"s.py", "twice", 1, 10};

/* def twice(x, n=2): return x * n */
static janus_rt_value twiceCode(const janus_rt_value *args) {
  janus_rt_value r = janus_rt_binary(2, 0, args[0], args[1]);
  if (r.kind == JANUS_RT_ERROR_KIND)
    janus_rt_traceback_add(&loc);
  return r;
}

static const char *const params[] = {"x", "n"};
static const janus_rt_function_desc desc = {"twice", "twice", twiceCode, 2,
                                            params,  2,       0};
static janus_rt_site callSite;

static int fail(const char *what) {
  fprintf(stderr, "janus-runtime-shared-test: %s\n", what);
  return 1;
}

int main(void) {
  int64_t before = janus_debug_live_objects();
  janus_rt_value two = {JANUS_VALUE_INT, 2};
  int64_t defaultParams[] = {1};
  janus_rt_value fn =
      janus_rt_make_function(&desc, &two, defaultParams, 1, NULL);
  if (fn.kind != JANUS_VALUE_FUNCTION)
    return fail("janus_rt_make_function failed");

  janus_rt_value strCache = {JANUS_RT_UNBOUND_KIND, 0};
  janus_rt_value ab = janus_rt_const_str(&strCache, "ab", 2);
  janus_rt_value r = janus_rt_call(&callSite, fn, &ab, 1);
  janus_value_t h = janus_rt_to_handle(r);
  const char *text = NULL;
  size_t size = 0;
  if (janus_value_as_str(h, &text, &size) || strcmp(text, "abab") != 0)
    return fail("twice('ab') is not 'abab'");
  janus_value_release(h);
  janus_rt_release(r);

  janus_rt_value none = {JANUS_VALUE_NONE, 0};
  r = janus_rt_call(&callSite, fn, &none, 1);
  if (r.kind != JANUS_RT_ERROR_KIND)
    return fail("twice(None) did not fail");
  char *message = janus_rt_format_error();
  const char *expected =
      "s.py:1:10: error: TypeError: unsupported operand type(s) for *: "
      "'NoneType' and 'int'\n  s.py:1:10: in twice\n";
  if (!message || strcmp(message, expected) != 0)
    return fail("unexpected error text");
  janus_string_free(message);

  janus_rt_release(ab);
  janus_rt_release(strCache);
  janus_rt_release(fn);
  if (janus_debug_live_objects() != before)
    return fail("values leaked");
  return 0;
}

/*===- centry-main.c - Calls the C entry points of Inputs/centry.py -------===*
 *
 * Test driver for c-entry-points.test: includes the header that
 * `janusc --header` wrote for centry.py, links the library `janusc -o`
 * built, and prints one line per call (results as repr(), errors as
 * "Type: message" from the janus_status_t). The expected lines, with the
 * reasoning behind them, are in the test.
 *===----------------------------------------------------------------------===*/

#include "centry.h"

#include <stdio.h>
#include <stdlib.h>

static janus_value_t integer(int64_t i) {
  janus_value_t v = NULL;
  janus_status_t s = janus_value_from_int(i, &v);
  if (s) {
    fprintf(stderr, "janus_value_from_int failed\n");
    exit(2);
  }
  return v;
}

/* Prints "label: repr" (of *result, "ok" when result is NULL) or
 * "label: Type: message", and frees both. */
static void report(const char *label, janus_status_t status,
                   janus_value_t *result) {
  if (status) {
    printf("%s: %s: %s\n", label, janus_status_type_name(status),
           janus_status_message(status));
    janus_status_free(status);
    return;
  }
  if (!result) {
    printf("%s: ok\n", label);
    return;
  }
  char *text = NULL;
  janus_status_t s = janus_value_repr(*result, &text);
  printf("%s: %s\n", label, s ? "<repr failed>" : text);
  janus_status_free(s);
  janus_string_free(text);
  janus_value_release(*result);
  *result = NULL;
}

int main(void) {
  janus_value_t two = integer(2), three = integer(3), five = integer(5);
  janus_value_t result = NULL;

  report("before init", centry_add(two, three, &result), &result);
  report("init", centry_init(), NULL);
  report("init again", centry_init(), NULL);
  report("add", centry_add(two, three, &result), &result);
  report("scaled", centry_scaled(five, &result), &result);
  report("kw_default", centry_kw_default(five, &result), &result);
  report("rename", centry_rename(two, three, five, &result), &result);
  report("no_args", centry_no_args(&result), &result);
  report("redefined", centry_redefined(three, five, &result), &result);
  report("divide", centry_divide(five, two, &result), &result);
  report("fail_inside", centry_fail_inside(five, &result), &result);
  janus_value_t text = NULL;
  janus_status_free(janus_value_from_str("x", 1, &text));
  report("type error", centry_add(two, text, &result), &result);
  janus_value_release(text);
  report("null argument", centry_add(NULL, two, &result), &result);
  report("null out", centry_add(two, two, NULL), NULL);
  report("rebind_add", centry_rebind_add(&result), &result);
  report("add after rebind", centry_add(five, three, &result), &result);

  /* Reference counts: repeated calls, on the normal and the error path,
   * leave no more live runtime objects than one call did. */
  for (int round = 0; round < 2; ++round) {
    int64_t before = janus_debug_live_objects();
    for (int i = 0; i < 10; ++i) {
      janus_status_free(centry_scaled(three, &result));
      janus_value_release(result);
      result = NULL;
      janus_status_free(centry_fail_inside(three, &result));
    }
    if (round == 1)
      printf("live objects after more calls: %+lld\n",
             (long long)(janus_debug_live_objects() - before));
  }

  janus_value_release(two);
  janus_value_release(three);
  janus_value_release(five);
  return 0;
}

/*===- centry-fail-main.c - A module init that fails, seen from C ---------===*
 *
 * Test driver for c-entry-points-errors.test: calls centry_fail_init twice
 * and an entry point afterwards, printing each status.
 *===----------------------------------------------------------------------===*/

#include "centry_fail.h"

#include <stdio.h>

static void report(const char *label, janus_status_t status) {
  if (status)
    printf("%s: %s: %s\n", label, janus_status_type_name(status),
           janus_status_message(status));
  else
    printf("%s: ok\n", label);
  janus_status_free(status);
}

int main(void) {
  report("init", centry_fail_init());
  report("init again", centry_fail_init());
  janus_value_t none = NULL, result = NULL;
  janus_status_free(janus_value_none(&none));
  report("call", centry_fail_never_callable(none, &result));
  janus_value_release(none);
  return 0;
}

/*===- install-main.c - An application built against an installed Janus --===*
 *
 * The install-tree test (test/Install/install-tree.cmake) compiles this
 * file with only the installed prefix's include/ and lib/ (plus the
 * library and header that the installed janusc built from
 * installmodel.py): it initialises the module, calls its train(0) and
 * prints the repr of the result, or the error as "Type: message" and exits
 * 1. The test compares the line with the oracle's repr(train(0)).
 *===----------------------------------------------------------------------===*/

#include "installmodel.h"

#include <stdio.h>

/* Prints the error of `status` and frees it; returns 1. */
static int report(const char *what, janus_status_t status) {
  fprintf(stderr, "%s: %s: %s\n", what, janus_status_type_name(status),
          janus_status_message(status));
  janus_status_free(status);
  return 1;
}

int main(void) {
  janus_status_t status = installmodel_init();
  if (status)
    return report("installmodel_init", status);
  janus_value_t seed = NULL, result = NULL;
  if ((status = janus_value_from_int(0, &seed)))
    return report("janus_value_from_int", status);
  status = installmodel_train(seed, &result);
  janus_value_release(seed);
  if (status)
    return report("installmodel_train", status);
  char *text = NULL;
  if ((status = janus_value_repr(result, &text)))
    return report("janus_value_repr", status);
  printf("%s\n", text);
  janus_string_free(text);
  janus_value_release(result);
  return 0;
}

/*===- CApiTest.c - The value C API, used from C11 --------------------------===
 *
 * Proves that janus.h compiles as C11 and that a C program can drive the
 * runtime's values: make scalars, do arithmetic, build a list and a dict,
 * repr them, call a C callback through a function value, read an error's
 * code and message, and release everything (checked with the live-object
 * counter). janus_capi_c_test returns the number of failed checks and
 * writes the first failure into `message`; ValueTest.cpp calls it.
 *
 *===----------------------------------------------------------------------===*/

#include "janus/janus.h"

#include <stdio.h>
#include <string.h>

int janus_capi_c_test(char *message, size_t capacity);

static int failures;
static char *firstMessage;
static size_t messageCapacity;

static void check(int ok, const char *what, int line) {
  if (ok)
    return;
  if (failures++ == 0 && firstMessage)
    snprintf(firstMessage, messageCapacity, "CApiTest.c:%d: %s", line, what);
}
#define CHECK(cond) check((cond) != 0, #cond, __LINE__)
/* The call must succeed. */
#define OK(call) CHECK((call) == NULL)

/* repr(value) == expected. */
static int reprIs(janus_value_t value, const char *expected) {
  char *text = NULL;
  janus_status_t st = janus_value_repr(value, &text);
  int same = st == NULL && strcmp(text, expected) == 0;
  janus_status_free(st);
  janus_string_free(text);
  return same;
}

/* A built-in taking two ints and returning a * b + bias, where bias is the
 * user data. */
static janus_status_t mulAdd(void *user_data, const janus_value_t *args,
                             size_t nargs, janus_value_t *out_result) {
  int64_t a, b;
  janus_status_t st;
  if (nargs != 2)
    return janus_status_new(JANUS_STATUS_TYPE_ERROR,
                            "mul_add() takes 2 arguments");
  if ((st = janus_value_as_int(args[0], &a)) != NULL)
    return st;
  if ((st = janus_value_as_int(args[1], &b)) != NULL)
    return st;
  return janus_value_from_int(a * b + *(const int64_t *)user_data, out_result);
}

int janus_capi_c_test(char *message, size_t capacity) {
  janus_value_t one, half, text, sum, list, dict, key, got, fn, result, bad;
  janus_value_t args[2];
  janus_status_t st;
  int64_t n = 0, before = janus_debug_live_objects();
  static const int64_t bias = 100;
  double d = 0;
  bool truth = false;
  char *s = NULL;

  failures = 0;
  firstMessage = message;
  messageCapacity = capacity;

  /* Scalars and arithmetic: 1 + 0.5 == 1.5. */
  OK(janus_value_from_int(1, &one));
  OK(janus_value_from_float(0.5, &half));
  OK(janus_value_binary_op(JANUS_BINARY_ADD, one, half, &sum));
  CHECK(janus_value_kind(sum) == JANUS_VALUE_FLOAT);
  OK(janus_value_as_float(sum, &d));
  CHECK(d == 1.5);
  OK(janus_value_compare(JANUS_COMPARE_LT, one, sum, &truth));
  CHECK(truth);

  /* A list [1, 0.5, 'héllo'] and a dict {'k': [...]}. */
  OK(janus_value_from_str("h\xc3\xa9llo", 6, &text));
  OK(janus_value_list_new(&list));
  OK(janus_value_list_append(list, one));
  OK(janus_value_list_append(list, half));
  OK(janus_value_list_append(list, text));
  OK(janus_value_length(list, &n));
  CHECK(n == 3);
  CHECK(reprIs(list, "[1, 0.5, 'h\xc3\xa9llo']"));
  OK(janus_value_str(text, &s));
  CHECK(s && strcmp(s, "h\xc3\xa9llo") == 0);
  janus_string_free(s);
  OK(janus_value_dict_new(&dict));
  OK(janus_value_from_str("k", 1, &key));
  OK(janus_value_set_item(dict, key, list));
  CHECK(reprIs(dict, "{'k': [1, 0.5, 'h\xc3\xa9llo']}"));
  OK(janus_value_get_item(dict, key, &got));
  CHECK(janus_value_is(got, list));
  janus_value_release(got);
  OK(janus_value_get_index(list, -1, &got));
  CHECK(reprIs(got, "'h\xc3\xa9llo'"));
  janus_value_release(got);
  OK(janus_value_contains(list, half, &truth));
  CHECK(truth);
  OK(janus_value_truth(dict, &truth));
  CHECK(truth);

  /* Errors carry CPython's type and message. */
  st = janus_value_binary_op(JANUS_BINARY_ADD, one, text, &bad);
  CHECK(janus_status_code(st) == JANUS_STATUS_TYPE_ERROR);
  CHECK(strcmp(janus_status_message(st),
               "unsupported operand type(s) for +: 'int' and 'str'") == 0);
  CHECK(strcmp(janus_status_type_name(st), "TypeError") == 0);
  janus_status_free(st);
  st = janus_value_get_index(list, 3, &bad);
  CHECK(janus_status_code(st) == JANUS_STATUS_INDEX_ERROR);
  CHECK(strcmp(janus_status_message(st), "list index out of range") == 0);
  janus_status_free(st);
  st = janus_value_get_item(dict, text, &bad);
  CHECK(janus_status_code(st) == JANUS_STATUS_KEY_ERROR);
  CHECK(strcmp(janus_status_message(st), "'h\xc3\xa9llo'") == 0);
  janus_status_free(st);
  st = janus_value_set_item(dict, list, one);
  CHECK(strcmp(janus_status_message(st), "unhashable type: 'list'") == 0);
  janus_status_free(st);
  st = janus_value_binary_op(JANUS_BINARY_ADD, NULL, one, &bad);
  CHECK(janus_status_code(st) == JANUS_STATUS_INVALID_ARGUMENT);
  janus_status_free(st);

  /* A C callback as a function value: mul_add(1, 0.5) fails inside. */
  OK(janus_value_function_new("mul_add", 7, mulAdd, (void *)&bias, NULL, &fn));
  CHECK(reprIs(fn, "<built-in function mul_add>"));
  args[0] = one;
  args[1] = one;
  OK(janus_value_call(fn, args, 2, &result));
  OK(janus_value_as_int(result, &n));
  CHECK(n == 101);
  janus_value_release(result);
  args[1] = half;
  st = janus_value_call(fn, args, 2, &result);
  CHECK(janus_status_code(st) == JANUS_STATUS_TYPE_ERROR);
  janus_status_free(st);

  janus_value_release(fn);
  janus_value_release(key);
  janus_value_release(dict);
  janus_value_release(list);
  janus_value_release(text);
  janus_value_release(sum);
  janus_value_release(half);
  janus_value_release(one);
  CHECK(janus_debug_live_objects() == before);
  return failures;
}

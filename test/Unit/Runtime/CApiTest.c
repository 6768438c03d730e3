/*===- CApiTest.c - The value C API, used from C11 --------------------------===
 *
 * Proves that janus.h compiles as C11 and that a C program can drive the
 * runtime's values: make scalars, do arithmetic, build a list and a dict,
 * repr them, call a C callback through a function value, read an error's
 * code and message, and release everything (checked with the live-object
 * counter), and the tensor API: buffers in and out, shape and dtype
 * queries, repr, tensor values and error statuses
 * (janus_capi_tensor_c_test). Each returns the number of failed checks and
 * writes the first failure into `message`; ValueTest.cpp and PrintTest.cpp
 * call them.
 *
 *===----------------------------------------------------------------------===*/

#include "janus/janus.h"

#include <stdio.h>
#include <string.h>

int janus_capi_c_test(char *message, size_t capacity);
int janus_capi_tensor_c_test(char *message, size_t capacity);

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

  /* The library by name. len(list) == 3 (the list holds 1, 0.5, 'héllo'). */
  OK(janus_library_lookup("len", &fn));
  CHECK(reprIs(fn, "<built-in function len>"));
  args[0] = list;
  OK(janus_value_call_kw(fn, args, 1, NULL, 0, &result));
  OK(janus_value_as_int(result, &n));
  CHECK(n == 3);
  janus_value_release(result);
  /* len's parameter is positional-only ("obj, /" in Library.def), so
   * len(obj=...) fails as CPython's binder says for such a signature. */
  {
    const char *kw[1] = {"obj"};
    st = janus_value_call_kw(fn, args, 1, kw, 1, &result);
    CHECK(janus_status_code(st) == JANUS_STATUS_TYPE_ERROR);
    CHECK(strcmp(janus_status_message(st),
                 "len() got some positional-only arguments passed as "
                 "keyword arguments: 'obj'") == 0);
    janus_status_free(st);
  }
  janus_value_release(fn);
  st = janus_library_lookup("torch.nope", &fn);
  CHECK(janus_status_code(st) == JANUS_STATUS_ATTRIBUTE_ERROR);
  janus_status_free(st);
  /* Members: CPython's message for a missing attribute of a list. */
  st = janus_value_get_attr(list, "nope", &result);
  CHECK(janus_status_code(st) == JANUS_STATUS_ATTRIBUTE_ERROR);
  CHECK(strcmp(janus_status_message(st),
               "'list' object has no attribute 'nope'") == 0);
  janus_status_free(st);
  OK(janus_value_get_attr(list, "append", &fn));
  CHECK(janus_value_kind(fn) == JANUS_VALUE_METHOD);
  janus_value_release(fn);
  st = janus_value_call_kw(NULL, args, 1, NULL, 0, &result);
  CHECK(janus_status_code(st) == JANUS_STATUS_INVALID_ARGUMENT);
  janus_status_free(st);

  /* Grad mode: on by default, per thread, the previous value reported. */
  CHECK(janus_is_grad_enabled());
  janus_set_grad_enabled(false, &truth);
  CHECK(truth);
  CHECK(!janus_is_grad_enabled());
  janus_set_grad_enabled(true, NULL);
  CHECK(janus_is_grad_enabled());

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

/* The status's code, freeing it. */
static janus_status_code_t codeOf(janus_status_t st) {
  janus_status_code_t code = janus_status_code(st);
  janus_status_free(st);
  return code;
}

/* repr(tensor) == expected. */
static int tensorReprIs(janus_tensor_t tensor, const char *expected) {
  char *text = NULL;
  janus_status_t st = janus_tensor_repr(tensor, &text);
  int same = st == NULL && strcmp(text, expected) == 0;
  janus_status_free(st);
  janus_string_free(text);
  return same;
}

int janus_capi_tensor_c_test(char *message, size_t capacity) {
  static const float data[6] = {1.5f, -2.0f, 0.25f, 4.0f, 0.0f, -0.5f};
  static const int64_t shape[2] = {2, 3};
  static const int64_t ints[3] = {3, -1, 7};
  static const unsigned char flags[3] = {1, 0, 2};
  const int64_t negative[2] = {2, -1};
  float back[6] = {0};
  int64_t dims[4] = {0}, n = 0, before = janus_debug_live_objects();
  int64_t tensorsBefore = janus_debug_live_tensors();
  janus_tensor_t t, i, b, z, s, again, bad;
  janus_value_t v, list, one;
  janus_dtype_t dtype;
  janus_status_t st;
  size_t rank = 0;
  double d = 0;
  int k;

  failures = 0;
  firstMessage = message;
  messageCapacity = capacity;

  /* Round trip of a 2x3 float32 tensor. */
  CHECK(janus_dtype_size(JANUS_DTYPE_FLOAT32) == 4);
  CHECK(janus_dtype_size(JANUS_DTYPE_BOOL) == 1);
  OK(janus_tensor_from_buffer(JANUS_DTYPE_FLOAT32, 2, shape, data, sizeof data,
                              &t));
  OK(janus_tensor_rank(t, &rank));
  CHECK(rank == 2);
  OK(janus_tensor_shape(t, dims, 4));
  CHECK(dims[0] == 2 && dims[1] == 3);
  OK(janus_tensor_dim(t, -1, &n));
  CHECK(n == 3);
  OK(janus_tensor_numel(t, &n));
  CHECK(n == 6);
  OK(janus_tensor_dtype(t, &dtype));
  CHECK(dtype == JANUS_DTYPE_FLOAT32);
  OK(janus_tensor_copy_to_buffer(t, back, sizeof back));
  for (k = 0; k < 6; ++k)
    CHECK(back[k] == data[k]);

  /* repr, as torch 1.13 prints
   * torch.tensor([[1.5, -2.0, 0.25], [4.0, 0.0, -0.5]]) etc. */
  CHECK(tensorReprIs(t, "tensor([[ 1.5000, -2.0000,  0.2500],\n"
                        "        [ 4.0000,  0.0000, -0.5000]])"));
  OK(janus_tensor_from_buffer(JANUS_DTYPE_INT64, 1, shape + 1, ints,
                              sizeof ints, &i));
  CHECK(tensorReprIs(i, "tensor([ 3, -1,  7])"));
  OK(janus_tensor_from_buffer(JANUS_DTYPE_BOOL, 1, shape + 1, flags,
                              sizeof flags, &b));
  CHECK(tensorReprIs(b, "tensor([ True, False,  True])"));
  d = 2.0;
  OK(janus_tensor_from_buffer(JANUS_DTYPE_FLOAT64, 0, NULL, &d, sizeof d, &s));
  CHECK(tensorReprIs(s, "tensor(2., dtype=torch.float64)"));
  OK(janus_tensor_zeros(JANUS_DTYPE_FLOAT32, 2, (const int64_t[]){0, 3}, &z));
  CHECK(tensorReprIs(z, "tensor([], size=(0, 3))"));
  OK(janus_tensor_copy_to_buffer(z, NULL, 0));

  /* Tensor values: repr of [tensor([1., 2.])] is CPython's list repr. */
  janus_tensor_release(z);
  OK(janus_tensor_from_buffer(JANUS_DTYPE_FLOAT32, 1, (const int64_t[]){2},
                              (const float[]){1.0f, 2.0f}, 8, &z));
  OK(janus_value_from_tensor(z, &v));
  CHECK(janus_value_kind(v) == JANUS_VALUE_TENSOR);
  CHECK(reprIs(v, "tensor([1., 2.])"));
  OK(janus_value_list_new(&list));
  OK(janus_value_list_append(list, v));
  CHECK(reprIs(list, "[tensor([1., 2.])]"));
  OK(janus_value_as_tensor(v, &again));
  OK(janus_tensor_numel(again, &n));
  CHECK(n == 2);
  janus_tensor_release(again);

  /* Errors. */
  OK(janus_value_from_int(1, &one));
  CHECK(codeOf(janus_value_as_tensor(one, &bad)) == JANUS_STATUS_TYPE_ERROR);
  CHECK(codeOf(janus_tensor_rank(NULL, &rank)) ==
        JANUS_STATUS_INVALID_ARGUMENT);
  CHECK(codeOf(janus_tensor_from_buffer(JANUS_DTYPE_FLOAT32, 2, shape, data,
                                        sizeof data - 4, &bad)) ==
        JANUS_STATUS_INVALID_ARGUMENT);
  CHECK(codeOf(janus_tensor_copy_to_buffer(t, back, sizeof back + 4)) ==
        JANUS_STATUS_INVALID_ARGUMENT);
  CHECK(codeOf(janus_tensor_from_buffer((janus_dtype_t)9, 2, shape, data,
                                        sizeof data, &bad)) ==
        JANUS_STATUS_INVALID_ARGUMENT);
  CHECK(codeOf(janus_tensor_shape(t, dims, 1)) ==
        JANUS_STATUS_INVALID_ARGUMENT);
  st = janus_tensor_zeros(JANUS_DTYPE_FLOAT32, 2, negative, &bad);
  CHECK(janus_status_code(st) == JANUS_STATUS_INVALID_ARGUMENT);
  CHECK(strcmp(janus_status_message(st),
               "Trying to create tensor with negative dimension -1: [2, -1]") ==
        0);
  janus_status_free(st);
  /* torch.zeros(2, 3).size(2) and torch.tensor(1.).size(0). */
  st = janus_tensor_dim(t, 2, &n);
  CHECK(janus_status_code(st) == JANUS_STATUS_INDEX_ERROR);
  CHECK(strcmp(janus_status_message(st),
               "Dimension out of range (expected to be in range of [-2, 1], "
               "but got 2)") == 0);
  janus_status_free(st);
  st = janus_tensor_dim(s, 0, &n);
  CHECK(strcmp(janus_status_message(st),
               "Dimension specified as 0 but tensor has no dimensions") == 0);
  janus_status_free(st);
  CHECK(codeOf(janus_tensor_repr(NULL, NULL)) == JANUS_STATUS_INVALID_ARGUMENT);
  janus_tensor_release(NULL);

  janus_value_release(one);
  janus_value_release(list);
  janus_value_release(v);
  janus_tensor_release(z);
  janus_tensor_release(s);
  janus_tensor_release(b);
  janus_tensor_release(i);
  janus_tensor_release(t);
  CHECK(janus_debug_live_objects() == before);
  CHECK(janus_debug_live_tensors() == tensorsBefore);
  return failures;
}

//===- CApi.cpp - The C API of janus.h over the C++ value model -----------===//
//
// A janus_value_t is a small reference-counted box around a Value, so the
// inline scalars of the C++ model get a pointer-sized handle without giving
// every int a heap object inside the runtime. Handles to one container
// share it (the box holds a reference). Every entry point checks its
// pointers, converts Status to janus_status_t by releasing it, and catches
// allocation failure so that no C++ exception crosses into C.
//
//===----------------------------------------------------------------------===//

#include "janus/janus.h"

#include "Value/CApiHandles.h"
#include "Value/Ops.h"

#include <cstdlib>
#include <cstring>
#include <new>

using namespace janus::rt;

static_assert(int(ErrorCode::TypeError) == JANUS_STATUS_TYPE_ERROR &&
                  int(ErrorCode::KeyError) == JANUS_STATUS_KEY_ERROR &&
                  int(ErrorCode::InvalidArgument) ==
                      JANUS_STATUS_INVALID_ARGUMENT &&
                  int(ErrorCode::RuntimeError) == JANUS_STATUS_RUNTIME_ERROR &&
                  int(ErrorCode::RecursionError) ==
                      JANUS_STATUS_RECURSION_ERROR,
              "ErrorCode must match janus_status_code_t");
static_assert(int(Kind::Tensor) == JANUS_VALUE_TENSOR &&
                  int(Kind::Instance) == JANUS_VALUE_INSTANCE &&
                  int(Kind::DType) == JANUS_VALUE_DTYPE &&
                  int(Kind::Iterator) == JANUS_VALUE_ITERATOR &&
                  int(Kind::DictView) == JANUS_VALUE_DICT_VIEW &&
                  int(Kind::Slice) == JANUS_VALUE_SLICE &&
                  int(Kind::Ellipsis) == JANUS_VALUE_ELLIPSIS &&
                  int(Kind::Cell) == JANUS_VALUE_CELL,
              "Kind must match janus_value_kind_t");
static_assert(int(PyBinaryOp::Xor) == JANUS_BINARY_XOR &&
                  int(PyUnaryOp::Not) == JANUS_UNARY_NOT &&
                  int(PyCompareOp::Ge) == JANUS_COMPARE_GE,
              "operator enums must match janus.h");

namespace {

std::atomic<int64_t> liveHandles{0};

janus_value_t newHandle(Value value) {
  return newValueHandle(std::move(value));
}

janus_status_t toC(Status status) { return status.release(); }

janus_status_t invalid(const char *message) {
  return toC(Status(ErrorCode::InvalidArgument, message));
}

/// Runs `body`, turning C++ exceptions (only allocation failure is
/// expected) into a status.
template <typename Body> janus_status_t guarded(Body &&body) {
  try {
    return toC(body());
  } catch (const std::bad_alloc &) {
    return toC(Status(ErrorCode::MemoryError, ""));
  } catch (...) {
    return toC(Status(ErrorCode::NotImplementedError,
                      "unexpected C++ exception in the Janus runtime"));
  }
}

/// Stores a new handle for `value` in *out.
Status produce(Value value, janus_value_t *out) {
  *out = newHandle(std::move(value));
  return okStatus();
}

char *copyString(const std::string &s) {
  char *copy = static_cast<char *>(std::malloc(s.size() + 1));
  if (!copy)
    throw std::bad_alloc();
  std::memcpy(copy, s.data(), s.size() + 1);
  return copy;
}

/// What janus_value_function_new closes over.
struct CFunction {
  janus_native_fn_t fn;
  void *userData;
  void (*destroyUserData)(void *);
};

void destroyCFunction(void *data) {
  auto *f = static_cast<CFunction *>(data);
  if (f->destroyUserData)
    f->destroyUserData(f->userData);
  delete f;
}

/// The NativeFunction that calls a C callback with boxed arguments.
Status callCFunction(void *data, const Value *args, size_t nargs,
                     Value &result) {
  auto *f = static_cast<CFunction *>(data);
  std::vector<janus_value_t> handles(nargs);
  for (size_t i = 0; i < nargs; ++i)
    handles[i] = newHandle(args[i]);
  janus_value_t out = nullptr;
  Status status =
      Status::adopt(f->fn(f->userData, handles.data(), nargs, &out));
  for (janus_value_t h : handles)
    janus_value_release(h);
  if (status.ok())
    result = out ? out->value : Value();
  janus_value_release(out);
  return status;
}

} // namespace

janus_value_t janus::rt::newValueHandle(Value value) {
  liveHandles.fetch_add(1, std::memory_order_relaxed);
  return new janus_value(std::move(value));
}

extern "C" {

janus_status_t janus_status_new(janus_status_code_t code, const char *message) {
  if (code == JANUS_STATUS_OK)
    return nullptr;
  return toC(Status(static_cast<ErrorCode>(code), message ? message : ""));
}

janus_status_code_t janus_status_code(janus_status_t status) {
  return status ? static_cast<janus_status_code_t>(status->code)
                : JANUS_STATUS_OK;
}

const char *janus_status_message(janus_status_t status) {
  return status ? status->message.c_str() : "";
}

const char *janus_status_type_name(janus_status_t status) {
  return errorCodeName(status ? status->code : ErrorCode::Ok);
}

void janus_status_free(janus_status_t status) { delete status; }

void janus_value_retain(janus_value_t value) {
  if (value)
    value->refs.fetch_add(1, std::memory_order_relaxed);
}

void janus_value_release(janus_value_t value) {
  if (value && value->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    delete value;
    liveHandles.fetch_sub(1, std::memory_order_relaxed);
  }
}

janus_value_kind_t janus_value_kind(janus_value_t value) {
  return value ? static_cast<janus_value_kind_t>(value->value.kind())
               : JANUS_VALUE_NONE;
}

const char *janus_value_type_name(janus_value_t value) {
  return value ? typeName(value->value) : "NoneType";
}

bool janus_value_is(janus_value_t a, janus_value_t b) {
  return a && b && a->value.is(b->value);
}

int64_t janus_debug_live_objects(void) {
  return liveObjectCount() + liveHandles.load(std::memory_order_relaxed);
}

#define JANUS_CHECK_ARG(p)                                                     \
  do {                                                                         \
    if (!(p))                                                                  \
      return invalid(#p " must not be NULL");                                  \
  } while (0)

janus_status_t janus_value_none(janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  return guarded([&] { return produce(Value(), out_value); });
}

janus_status_t janus_value_from_bool(bool b, janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  return guarded([&] { return produce(Value::fromBool(b), out_value); });
}

janus_status_t janus_value_from_int(int64_t i, janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  return guarded([&] { return produce(Value::fromInt(i), out_value); });
}

janus_status_t janus_value_from_float(double f, janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  return guarded([&] { return produce(Value::fromFloat(f), out_value); });
}

janus_status_t janus_value_from_str(const char *data, size_t size,
                                    janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  if (!data && size)
    return invalid("data must not be NULL");
  return guarded([&] {
    return produce(makeStr(std::string_view(data ? data : "", size)),
                   out_value);
  });
}

static Status wrongType(const char *expected, const Value &v) {
  return typeError(std::string("expected ") + expected + ", got " +
                   typeName(v));
}

janus_status_t janus_value_as_bool(janus_value_t value, bool *out_b) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_b);
  if (!value->value.isBool())
    return toC(wrongType("bool", value->value));
  *out_b = value->value.asBool();
  return nullptr;
}

janus_status_t janus_value_as_int(janus_value_t value, int64_t *out_i) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_i);
  if (!value->value.isIntLike())
    return toC(wrongType("int", value->value));
  *out_i = value->value.asInt();
  return nullptr;
}

janus_status_t janus_value_as_float(janus_value_t value, double *out_f) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_f);
  if (!value->value.isNumber())
    return toC(wrongType("float", value->value));
  *out_f = value->value.toDouble();
  return nullptr;
}

janus_status_t janus_value_as_str(janus_value_t value, const char **out_data,
                                  size_t *out_size) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_data);
  JANUS_CHECK_ARG(out_size);
  if (value->value.kind() != Kind::Str)
    return toC(wrongType("str", value->value));
  const std::string &text = value->value.as<StrObject>()->text;
  *out_data = text.c_str();
  *out_size = text.size();
  return nullptr;
}

janus_status_t janus_value_tuple_new(const janus_value_t *items, size_t count,
                                     janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  if (count && !items)
    return invalid("items must not be NULL");
  for (size_t i = 0; i < count; ++i)
    if (!items[i])
      return invalid("tuple items must not be NULL");
  return guarded([&] {
    std::vector<Value> values;
    values.reserve(count);
    for (size_t i = 0; i < count; ++i)
      values.push_back(items[i]->value);
    return produce(makeTuple(std::move(values)), out_value);
  });
}

janus_status_t janus_value_list_new(janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  return guarded([&] { return produce(makeList(), out_value); });
}

janus_status_t janus_value_list_append(janus_value_t list, janus_value_t item) {
  JANUS_CHECK_ARG(list);
  JANUS_CHECK_ARG(item);
  return guarded([&] { return listAppend(list->value, item->value); });
}

janus_status_t janus_value_dict_new(janus_value_t *out_value) {
  JANUS_CHECK_ARG(out_value);
  return guarded([&] { return produce(makeDict(), out_value); });
}

janus_status_t janus_value_get_item(janus_value_t container, janus_value_t key,
                                    janus_value_t *out_value) {
  JANUS_CHECK_ARG(container);
  JANUS_CHECK_ARG(key);
  JANUS_CHECK_ARG(out_value);
  return guarded([&] {
    Value result;
    JANUS_RETURN_IF_ERROR(getItem(container->value, key->value, result));
    return produce(std::move(result), out_value);
  });
}

janus_status_t janus_value_get_index(janus_value_t container, int64_t index,
                                     janus_value_t *out_value) {
  JANUS_CHECK_ARG(container);
  JANUS_CHECK_ARG(out_value);
  return guarded([&] {
    Value result;
    JANUS_RETURN_IF_ERROR(
        getItem(container->value, Value::fromInt(index), result));
    return produce(std::move(result), out_value);
  });
}

janus_status_t janus_value_set_item(janus_value_t container, janus_value_t key,
                                    janus_value_t item) {
  JANUS_CHECK_ARG(container);
  JANUS_CHECK_ARG(key);
  JANUS_CHECK_ARG(item);
  return guarded(
      [&] { return setItem(container->value, key->value, item->value); });
}

janus_status_t janus_value_length(janus_value_t value, int64_t *out_length) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_length);
  return guarded([&] { return length(value->value, *out_length); });
}

janus_status_t janus_value_contains(janus_value_t container, janus_value_t item,
                                    bool *out_result) {
  JANUS_CHECK_ARG(container);
  JANUS_CHECK_ARG(item);
  JANUS_CHECK_ARG(out_result);
  return guarded(
      [&] { return contains(container->value, item->value, *out_result); });
}

janus_status_t janus_value_truth(janus_value_t value, bool *out_result) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_result);
  return guarded([&] { return truth(value->value, *out_result); });
}

janus_status_t janus_value_repr(janus_value_t value, char **out_string) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_string);
  return guarded([&] {
    *out_string = copyString(repr(value->value));
    return okStatus();
  });
}

janus_status_t janus_value_str(janus_value_t value, char **out_string) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_string);
  return guarded([&] {
    *out_string = copyString(str(value->value));
    return okStatus();
  });
}

void janus_string_free(char *string) { std::free(string); }

janus_status_t janus_value_binary_op(janus_binary_op_t op, janus_value_t a,
                                     janus_value_t b,
                                     janus_value_t *out_value) {
  JANUS_CHECK_ARG(a);
  JANUS_CHECK_ARG(b);
  JANUS_CHECK_ARG(out_value);
  if (op < JANUS_BINARY_ADD || op > JANUS_BINARY_XOR)
    return invalid("unknown janus_binary_op_t");
  return guarded([&] {
    Value result;
    JANUS_RETURN_IF_ERROR(
        binaryOp(static_cast<PyBinaryOp>(op), a->value, b->value, result));
    return produce(std::move(result), out_value);
  });
}

janus_status_t janus_value_unary_op(janus_unary_op_t op, janus_value_t a,
                                    janus_value_t *out_value) {
  JANUS_CHECK_ARG(a);
  JANUS_CHECK_ARG(out_value);
  if (op < JANUS_UNARY_NEG || op > JANUS_UNARY_NOT)
    return invalid("unknown janus_unary_op_t");
  return guarded([&] {
    Value result;
    JANUS_RETURN_IF_ERROR(
        unaryOp(static_cast<PyUnaryOp>(op), a->value, result));
    return produce(std::move(result), out_value);
  });
}

janus_status_t janus_value_compare(janus_compare_op_t op, janus_value_t a,
                                   janus_value_t b, bool *out_result) {
  JANUS_CHECK_ARG(a);
  JANUS_CHECK_ARG(b);
  JANUS_CHECK_ARG(out_result);
  if (op < JANUS_COMPARE_EQ || op > JANUS_COMPARE_GE)
    return invalid("unknown janus_compare_op_t");
  return guarded([&] {
    return compareBool(static_cast<PyCompareOp>(op), a->value, b->value,
                       *out_result);
  });
}

janus_status_t janus_value_function_new(const char *name, size_t name_size,
                                        janus_native_fn_t fn, void *user_data,
                                        void (*destroy_user_data)(void *),
                                        janus_value_t *out_value) {
  JANUS_CHECK_ARG(fn);
  JANUS_CHECK_ARG(out_value);
  if (!name && name_size)
    return invalid("name must not be NULL");
  return guarded([&] {
    auto *data = new CFunction{fn, user_data, destroy_user_data};
    return produce(makeFunction(std::string_view(name ? name : "", name_size),
                                callCFunction, data, destroyCFunction),
                   out_value);
  });
}

janus_status_t janus_value_call(janus_value_t fn, const janus_value_t *args,
                                size_t nargs, janus_value_t *out_result) {
  JANUS_CHECK_ARG(fn);
  JANUS_CHECK_ARG(out_result);
  if (nargs && !args)
    return invalid("args must not be NULL");
  for (size_t i = 0; i < nargs; ++i)
    if (!args[i])
      return invalid("arguments must not be NULL");
  return guarded([&] {
    std::vector<Value> values;
    values.reserve(nargs);
    for (size_t i = 0; i < nargs; ++i)
      values.push_back(args[i]->value);
    Value result;
    JANUS_RETURN_IF_ERROR(call(fn->value, values.data(), nargs, result));
    return produce(std::move(result), out_result);
  });
}

} // extern "C"

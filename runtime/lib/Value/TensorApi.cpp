//===- TensorApi.cpp - The tensor part of janus.h -------------------------===//
//
// janus_tensor_t is a small box with an atomic count around one reference
// to a TensorImpl (Tensor/Tensor.h), like janus_value_t around a Value.
// Every entry point checks its pointers and arguments before touching the
// tensor library and turns its TensorError (and allocation failure) into a
// status, so no C++ exception crosses into C. Tensor values are made through
// the value API's own handle constructor (janus_value_none), so the value
// layer keeps counting its handles.
//
//===----------------------------------------------------------------------===//

#include "janus/janus.h"

#include "Tensor/Print.h"
#include "Tensor/Tensor.h"
#include "Value/CApiHandles.h"
#include "Value/Status.h"
#include "Value/Value.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>

using namespace janus::rt;

struct janus_tensor {
  explicit janus_tensor(Tensor T) : tensor(std::move(T)) {}
  std::atomic<uint32_t> refs{1};
  Tensor tensor;
};

static_assert(int(DType::Bool) == JANUS_DTYPE_BOOL &&
                  int(DType::Int64) == JANUS_DTYPE_INT64 &&
                  int(DType::Float32) == JANUS_DTYPE_FLOAT32 &&
                  int(DType::Float64) == JANUS_DTYPE_FLOAT64,
              "DType must match janus_dtype_t");

namespace {

std::atomic<int64_t> liveTensors{0};

janus_status_t status(ErrorCode Code, const std::string &Message) {
  return Status(Code, Message).release();
}

janus_status_t invalid(const std::string &Message) {
  return status(ErrorCode::InvalidArgument, Message);
}

/// Whether T is a janus_dtype_t value. Read as an int: a C caller may pass
/// any int, and loading that through the enum type is undefined in C++.
bool validDType(const janus_dtype_t &T) {
  int Raw;
  static_assert(sizeof(Raw) == sizeof(T), "janus_dtype_t is int-sized");
  std::memcpy(&Raw, &T, sizeof(Raw));
  return Raw >= JANUS_DTYPE_BOOL && Raw <= JANUS_DTYPE_FLOAT64;
}

/// Runs Body (which returns a status), mapping C++ exceptions to statuses.
/// PyTorch's exceptions keep their Python type and message.
template <typename Fn> janus_status_t guarded(Fn &&Body) {
  try {
    return Body();
  } catch (const TensorError &E) {
    switch (E.kind()) {
    case ErrorKind::IndexError:
      return status(ErrorCode::IndexError, E.what());
    case ErrorKind::ValueError:
      return status(ErrorCode::ValueError, E.what());
    case ErrorKind::TypeError:
      return status(ErrorCode::TypeError, E.what());
    case ErrorKind::RuntimeError:
      return status(ErrorCode::RuntimeError, E.what());
    }
    return invalid(E.what());
  } catch (const std::bad_alloc &) {
    return status(ErrorCode::MemoryError, "");
  } catch (...) {
    return status(ErrorCode::NotImplementedError,
                  "unexpected C++ exception in the Janus runtime");
  }
}

janus_tensor_t newHandle(Tensor T) {
  auto *H = new janus_tensor(std::move(T));
  liveTensors.fetch_add(1, std::memory_order_relaxed);
  return H;
}

/// Checks a shape and computes its byte size; null on success.
janus_status_t checkShape(const janus_dtype_t &DT, size_t Rank,
                          const int64_t *Sizes, Shape &Out, size_t &Bytes) {
  if (!validDType(DT))
    return invalid("unknown janus_dtype_t");
  if (Rank && !Sizes)
    return invalid("shape must not be NULL");
  Out.assign(Sizes, Sizes + Rank);
  for (int64_t S : Out)
    if (S < 0)
      return invalid("Trying to create tensor with negative dimension " +
                     std::to_string(S) + ": " + shapeToString(Out));
  uint64_t N = elementSize(static_cast<DType>(DT));
  for (int64_t S : Out) {
    if (S && N > std::numeric_limits<int64_t>::max() / uint64_t(S))
      return status(ErrorCode::MemoryError, "tensor too large");
    N *= uint64_t(S);
  }
  Bytes = size_t(N);
  return nullptr;
}

janus_status_t wrongSize(size_t Got, size_t Want) {
  return invalid("buffer is " + std::to_string(Got) +
                 " bytes, the tensor needs " + std::to_string(Want));
}

janus_status_t create(janus_dtype_t DT, size_t Rank, const int64_t *Sizes,
                      bool Zero, janus_tensor_t *Out) {
  if (!Out)
    return invalid("out_tensor must not be NULL");
  Shape S;
  size_t Bytes = 0;
  if (janus_status_t St = checkShape(DT, Rank, Sizes, S, Bytes))
    return St;
  return guarded([&]() -> janus_status_t {
    DType T = static_cast<DType>(DT);
    *Out = newHandle(Zero ? zeros(S, T) : empty(S, T));
    return nullptr;
  });
}

} // namespace

#define JANUS_CHECK_ARG(p)                                                     \
  do {                                                                         \
    if (!(p))                                                                  \
      return invalid(#p " must not be NULL");                                  \
  } while (0)

extern "C" {

size_t janus_dtype_size(janus_dtype_t dtype) {
  return validDType(dtype) ? elementSize(static_cast<DType>(dtype)) : 0;
}

janus_status_t janus_tensor_from_buffer(janus_dtype_t dtype, size_t rank,
                                        const int64_t *shape, const void *data,
                                        size_t data_size,
                                        janus_tensor_t *out_tensor) {
  JANUS_CHECK_ARG(out_tensor);
  Shape S;
  size_t Bytes = 0;
  if (janus_status_t St = checkShape(dtype, rank, shape, S, Bytes))
    return St;
  if (data_size != Bytes)
    return wrongSize(data_size, Bytes);
  if (Bytes && !data)
    return invalid("data must not be NULL");
  return guarded([&]() -> janus_status_t {
    Tensor T = empty(S, static_cast<DType>(dtype));
    if (dtype == JANUS_DTYPE_BOOL) {
      // Normalise: a C++ bool must hold 0 or 1.
      const auto *In = static_cast<const unsigned char *>(data);
      for (size_t I = 0; I < Bytes; ++I)
        T.dataPtr<bool>()[I] = In[I] != 0;
    } else if (Bytes) {
      std::memcpy(T->data(), data, Bytes);
    }
    *out_tensor = newHandle(std::move(T));
    return nullptr;
  });
}

janus_status_t janus_tensor_zeros(janus_dtype_t dtype, size_t rank,
                                  const int64_t *shape,
                                  janus_tensor_t *out_tensor) {
  return create(dtype, rank, shape, /*Zero=*/true, out_tensor);
}

janus_status_t janus_tensor_empty(janus_dtype_t dtype, size_t rank,
                                  const int64_t *shape,
                                  janus_tensor_t *out_tensor) {
  return create(dtype, rank, shape, /*Zero=*/false, out_tensor);
}

void janus_tensor_retain(janus_tensor_t tensor) {
  if (tensor)
    tensor->refs.fetch_add(1, std::memory_order_relaxed);
}

void janus_tensor_release(janus_tensor_t tensor) {
  if (tensor && tensor->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    delete tensor;
    liveTensors.fetch_sub(1, std::memory_order_relaxed);
  }
}

janus_status_t janus_tensor_rank(janus_tensor_t tensor, size_t *out_rank) {
  JANUS_CHECK_ARG(tensor);
  JANUS_CHECK_ARG(out_rank);
  *out_rank = static_cast<size_t>(tensor->tensor.dim());
  return nullptr;
}

janus_status_t janus_tensor_shape(janus_tensor_t tensor, int64_t *out_shape,
                                  size_t capacity) {
  JANUS_CHECK_ARG(tensor);
  const Shape &S = tensor->tensor.sizes();
  if (capacity < S.size())
    return invalid("shape capacity " + std::to_string(capacity) +
                   " is below the rank " + std::to_string(S.size()));
  if (!S.empty())
    JANUS_CHECK_ARG(out_shape);
  for (size_t I = 0; I < S.size(); ++I)
    out_shape[I] = S[I];
  return nullptr;
}

janus_status_t janus_tensor_dim(janus_tensor_t tensor, int64_t dim,
                                int64_t *out_size) {
  JANUS_CHECK_ARG(tensor);
  JANUS_CHECK_ARG(out_size);
  if (tensor->tensor.dim() == 0)
    return status(ErrorCode::IndexError, "Dimension specified as " +
                                             std::to_string(dim) +
                                             " but tensor has no dimensions");
  return guarded([&]() -> janus_status_t {
    *out_size = tensor->tensor.size(dim);
    return nullptr;
  });
}

janus_status_t janus_tensor_dtype(janus_tensor_t tensor,
                                  janus_dtype_t *out_dtype) {
  JANUS_CHECK_ARG(tensor);
  JANUS_CHECK_ARG(out_dtype);
  *out_dtype = static_cast<janus_dtype_t>(tensor->tensor.dtype());
  return nullptr;
}

janus_status_t janus_tensor_numel(janus_tensor_t tensor, int64_t *out_numel) {
  JANUS_CHECK_ARG(tensor);
  JANUS_CHECK_ARG(out_numel);
  *out_numel = tensor->tensor.numel();
  return nullptr;
}

janus_status_t janus_tensor_copy_to_buffer(janus_tensor_t tensor, void *data,
                                           size_t data_size) {
  JANUS_CHECK_ARG(tensor);
  const Tensor &T = tensor->tensor;
  size_t Bytes = size_t(T.numel()) * elementSize(T.dtype());
  if (data_size != Bytes)
    return wrongSize(data_size, Bytes);
  if (Bytes && !data)
    return invalid("data must not be NULL");
  return guarded([&]() -> janus_status_t {
    if (Bytes)
      copyToBuffer(T, data);
    return nullptr;
  });
}

janus_status_t janus_tensor_repr(janus_tensor_t tensor, char **out_string) {
  JANUS_CHECK_ARG(tensor);
  JANUS_CHECK_ARG(out_string);
  return guarded([&]() -> janus_status_t {
    std::string Text = formatTensor(tensor->tensor);
    char *Copy = static_cast<char *>(std::malloc(Text.size() + 1));
    if (!Copy)
      throw std::bad_alloc();
    std::memcpy(Copy, Text.c_str(), Text.size() + 1);
    *out_string = Copy;
    return nullptr;
  });
}

janus_status_t janus_value_from_tensor(janus_tensor_t tensor,
                                       janus_value_t *out_value) {
  JANUS_CHECK_ARG(tensor);
  JANUS_CHECK_ARG(out_value);
  return guarded([&]() -> janus_status_t {
    *out_value = newValueHandle(Value::fromTensor(tensor->tensor.get()));
    return nullptr;
  });
}

janus_status_t janus_value_as_tensor(janus_value_t value,
                                     janus_tensor_t *out_tensor) {
  JANUS_CHECK_ARG(value);
  JANUS_CHECK_ARG(out_tensor);
  if (value->value.kind() != Kind::Tensor)
    return status(ErrorCode::TypeError, std::string("expected Tensor, got ") +
                                            janus_value_type_name(value));
  return guarded([&]() -> janus_status_t {
    TensorImpl *Impl = value->value.tensor();
    retainTensor(Impl);
    *out_tensor = newHandle(Tensor(Impl));
    return nullptr;
  });
}

int64_t janus_debug_live_tensors(void) {
  return liveTensors.load(std::memory_order_relaxed);
}

} // extern "C"

//===- TensorArgs.h - Tensor-op arguments from bound values -----*- C++ -*-===//
//
// Helpers shared by the implementation files of torch.*, torch.nn.functional
// and Tensor rows: reading a bound slot as a Tensor, a Python number, an int,
// a size list or a dtype, with PyTorch's argument error ("relu(): argument
// 'input' (position 1) must be Tensor, not int"), and running a tensor
// kernel with its TensorError turned into a Status. PyTorch reports a
// badly typed argument of an overloaded function as "received an invalid
// combination of arguments"; Janus reports the one argument that is wrong in
// the single-argument form above instead, which names the same problem.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_DISPATCH_TENSORARGS_H
#define JANUS_RUNTIME_DISPATCH_TENSORARGS_H

#include "Dispatch/Dispatch.h"
#include "Tensor/Tensor.h"

#include <optional>
#include <utility>

namespace janus::rt {

/// Where an argument came from, for messages: the function's Python name
/// ("add") and the parameter's name and 1-based position (self not
/// counted, as PyTorch counts for methods).
struct ArgSite {
  const char *function;
  const char *param;
  int position;
};

/// The Python exception a tensor kernel's error stands for.
Status statusFromTensorError(const TensorError &error);

/// Runs `body` (returning Status), turning TensorError into a Status.
template <typename Body> Status guardTensorOp(Body &&body) {
  try {
    return body();
  } catch (const TensorError &error) {
    return statusFromTensorError(error);
  } catch (const std::bad_alloc &) {
    return Status(ErrorCode::MemoryError, "");
  }
}

/// A value holding `t` (one new reference).
Value tensorValue(const Tensor &t);
/// The tensor a Tensor-kind value holds (a new reference to it).
Tensor tensorOf(const Value &v);

/// A Tensor argument.
Status argTensor(const Value &v, const ArgSite &site, Tensor &out);
/// A Tensor, or a Python number wrapped as PyTorch wraps it (a 0-dim
/// "wrapped number" that ranks below tensors in type promotion).
Status argTensorOrNumber(const Value &v, const ArgSite &site, Tensor &out);
/// A Python number (bool, int or float).
Status argScalar(const Value &v, const ArgSite &site, Scalar &out);
/// An int (a bool is accepted, as Python's int subclass).
Status argInt(const Value &v, const ArgSite &site, int64_t &out);
Status argFloat(const Value &v, const ArgSite &site, double &out);
Status argBool(const Value &v, const ArgSite &site, bool &out);
/// An int or a tuple/list of ints (dims, kernel sizes).
Status argIntList(const Value &v, const ArgSite &site, Shape &out);
/// A `*size` parameter: a tuple of ints, or a tuple holding one tuple or
/// list of ints (torch.zeros(2, 3) and torch.zeros((2, 3)) alike).
Status argSizes(const Value &v, const ArgSite &site, Shape &out);
/// None (no dtype) or a torch dtype.
Status argDType(const Value &v, const ArgSite &site, std::optional<DType> &out);

} // namespace janus::rt

#endif // JANUS_RUNTIME_DISPATCH_TENSORARGS_H

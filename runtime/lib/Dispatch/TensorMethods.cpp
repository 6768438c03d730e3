//===- TensorMethods.cpp - Tensor conversion, autograd, in-place rows -----===//
//
// The Tensor methods that are not torch functions too: item/tolist (to
// Python values), size/dim/numel, the dtype conversions float/long/int/
// bool/double (Janus has no int32: int() is a NotImplementedError),
// detach/clone, requires_grad_/backward, and the in-place updates zero_/
// fill_/copy_/add_/sub_/mul_/div_/floor_divide_/remainder_/pow_ (through
// ag:: or TorchOps.h's in-place ops, with PyTorch's leaf and version rules)
// and uniform_/normal_ (random fills that autograd does not record; refused
// on a leaf that requires grad while grad mode is on, as PyTorch refuses
// them). In-place methods return self. Also the constructor
// torch.nn.parameter.Parameter: detach + requires_grad_ + the tensor's
// parameter flag (Janus tensors cannot be subclassed).
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TorchOps.h"
#include "Tensor/Indexing.h"
#include "Tensor/RandomOps.h"

using namespace janus;
using namespace janus::rt;

namespace {

Status tensorResult(Value &out, const Tensor &t) {
  out = tensorValue(t);
  return okStatus();
}

ArgSite site(const char *fn, const char *param, int position) {
  return ArgSite{fn, param, position};
}

Status tensorItem(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]);
  if (x.numel() != 1)
    return valueError("only one element tensors can be converted to Python "
                      "scalars");
  o = itemValue(x);
  return okStatus();
}

Value listOf(const Tensor &x) {
  if (x.dim() == 0)
    return itemValue(x);
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(x.size(0)));
  for (int64_t i = 0; i < x.size(0); ++i)
    items.push_back(listOf(select(x, 0, i)));
  return makeList(std::move(items));
}

Status tensorTolist(const LibArgs &a, Value &o) {
  return guardTensorOp([&] {
    o = listOf(tensorOf(a[0]));
    return okStatus();
  });
}

Status tensorSize(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]);
  if (!a.present(1)) {
    o = makeTorchSize(x.sizes());
    return okStatus();
  }
  if (a[1].isNone())
    return Status(ErrorCode::RuntimeError,
                  "Please look up dimensions by name, got: name = None.");
  int64_t dim;
  JANUS_RETURN_IF_ERROR(argInt(a[1], site("size", "dim", 1), dim));
  return guardTensorOp([&] {
    o = Value::fromInt(x.size(dim));
    return okStatus();
  });
}

Status tensorDim(const LibArgs &a, Value &o) {
  o = Value::fromInt(tensorOf(a[0]).dim());
  return okStatus();
}

Status tensorNumel(const LibArgs &a, Value &o) {
  o = Value::fromInt(tensorOf(a[0]).numel());
  return okStatus();
}

template <DType T> Status convertRow(const LibArgs &a, Value &o) {
  return guardTensorOp(
      [&] { return tensorResult(o, ag::to(tensorOf(a[0]), T)); });
}

/// Tensor.int() is an int32 tensor in PyTorch; Janus has no int32 dtype,
/// and an int64 result would print and overflow differently, so the call
/// is refused rather than answered with another dtype.
Status tensorInt(const LibArgs &, Value &) {
  return Status(ErrorCode::NotImplementedError,
                "Tensor.int: int32 tensors are not supported by Janus; use "
                ".long() (int64)");
}

Status tensorDetach(const LibArgs &a, Value &o) {
  return tensorResult(o, ag::detach(tensorOf(a[0])));
}

Status tensorClone(const LibArgs &a, Value &o) {
  return guardTensorOp(
      [&] { return tensorResult(o, ag::clone(tensorOf(a[0]))); });
}

Status tensorRequiresGrad_(const LibArgs &a, Value &o) {
  bool on;
  JANUS_RETURN_IF_ERROR(
      argBool(a[1], site("requires_grad_", "requires_grad", 1), on));
  return guardTensorOp([&] {
    setRequiresGrad(tensorOf(a[0]), on);
    o = a[0];
    return okStatus();
  });
}

/// torch.nn.parameter.Parameter(data=None, requires_grad=True): PyTorch's
/// Tensor._make_subclass -- a new leaf sharing data's storage, detached,
/// with requires_grad set -- marked as a Parameter (TensorImpl's flag).
Status nnParameter(const LibArgs &a, Value &o) {
  Tensor data;
  if (a[0].isNone())
    data = zeros({0}, DType::Float32);
  else if (a[0].kind() == Kind::Tensor)
    data = tensorOf(a[0]);
  else // PyTorch calls data.detach() first
    return Status(ErrorCode::AttributeError, std::string("'") + typeName(a[0]) +
                                                 "' object has no attribute "
                                                 "'detach'");
  bool on;
  JANUS_RETURN_IF_ERROR(
      argBool(a[1], site("_make_subclass", "require_grad", 3), on));
  return guardTensorOp([&] {
    Tensor p = ag::detach(data);
    setRequiresGrad(p, on);
    p.get()->setParameter(true);
    return tensorResult(o, p);
  });
}

Status tensorBackward(const LibArgs &a, Value &o) {
  Tensor x = tensorOf(a[0]), gradient;
  if (!a[1].isNone())
    JANUS_RETURN_IF_ERROR(
        argTensor(a[1], site("backward", "gradient", 1), gradient));
  bool createGraph;
  JANUS_RETURN_IF_ERROR(
      argBool(a[3], site("backward", "create_graph", 3), createGraph));
  bool retain = createGraph;
  if (!a[2].isNone())
    JANUS_RETURN_IF_ERROR(
        argBool(a[2], site("backward", "retain_graph", 2), retain));
  if (createGraph || !a[4].isNone())
    return Status(ErrorCode::NotImplementedError,
                  "Tensor.backward: create_graph=True and inputs= are not "
                  "supported by Janus");
  return guardTensorOp([&] {
    backward(x, gradient, retain);
    o = Value();
    return okStatus();
  });
}

/// Runs an in-place update of self and returns self.
template <typename F> Status inPlace(const LibArgs &a, Value &o, F &&f) {
  return guardTensorOp([&] {
    Tensor x = tensorOf(a[0]);
    f(x);
    o = a[0];
    return okStatus();
  });
}

Status tensorZero_(const LibArgs &a, Value &o) {
  return inPlace(a, o, [](Tensor &x) { ag::zeroInPlace(x); });
}

Status tensorFill_(const LibArgs &a, Value &o) {
  if (a[1].kind() == Kind::Tensor) {
    Tensor v = tensorOf(a[1]);
    if (v.dim() != 0)
      return Status(ErrorCode::RuntimeError,
                    "fill_ only supports 0-dimension value tensor but got "
                    "tensor with " +
                        std::to_string(v.dim()) + " dimensions.");
    // fill_ with a tensor value is copy_ of it broadcast (its gradient too).
    return inPlace(a, o, [&](Tensor &x) { ag::copyInPlace(x, v); });
  }
  Scalar v(int64_t(0));
  JANUS_RETURN_IF_ERROR(argScalar(a[1], site("fill_", "value", 1), v));
  return inPlace(a, o, [&](Tensor &x) { ag::fillInPlace(x, v); });
}

Status tensorCopy_(const LibArgs &a, Value &o) {
  Tensor src;
  JANUS_RETURN_IF_ERROR(argTensor(a[1], site("copy_", "other", 1), src));
  return inPlace(a, o, [&](Tensor &x) { ag::copyInPlace(x, src); });
}

template <int Op> Status arithInPlace(const LibArgs &a, Value &o) {
  static const char *const names[] = {"add_", "sub_", "mul_", "div_"};
  Tensor other;
  JANUS_RETURN_IF_ERROR(
      argTensorOrNumber(a[1], site(names[Op], "other", 1), other));
  Scalar alpha(int64_t(1));
  if (Op < 2)
    JANUS_RETURN_IF_ERROR(argScalar(a[2], site(names[Op], "alpha", 2), alpha));
  std::string mode;
  if (Op == 3 && !a[2].isNone()) {
    if (a[2].kind() != Kind::Str || (a[2].as<StrObject>()->text != "trunc" &&
                                     a[2].as<StrObject>()->text != "floor"))
      return Status(ErrorCode::RuntimeError,
                    "div expected rounding_mode to be one of None, 'trunc', "
                    "or 'floor' but found " +
                        repr(a[2]));
    mode = a[2].as<StrObject>()->text;
  }
  return inPlace(a, o, [&](Tensor &x) {
    switch (Op) {
    case 0:
      ag::addInPlace(x, other, alpha);
      break;
    case 1:
      ag::subInPlace(x, other, alpha);
      break;
    case 2:
      ag::mulInPlace(x, other);
      break;
    default:
      if (mode.empty())
        ag::divInPlace(x, other);
      else
        ag::copyInPlace(x, divRounding(x, other, mode));
    }
  });
}

/// floor_divide_/remainder_/pow_: self //= other, %=, **= (a tensor or a
/// number).
template <int Op> Status mathInPlace(const LibArgs &a, Value &o) {
  static const char *const names[] = {"floor_divide_", "remainder_", "pow_"};
  Tensor other;
  JANUS_RETURN_IF_ERROR(argTensorOrNumber(
      a[1], site(names[Op], Op == 2 ? "exponent" : "other", 1), other));
  return inPlace(a, o, [&](Tensor &x) {
    switch (Op) {
    case 0:
      floorDivideInPlace(x, other);
      break;
    case 1:
      remainderInPlace(x, other);
      break;
    default:
      ag::powInPlace(x, other);
    }
  });
}

/// uniform_/normal_: a leaf that requires grad may only be filled under
/// no_grad; autograd records nothing.
template <bool Normal> Status randomFill(const LibArgs &a, Value &o) {
  const char *fn = Normal ? "normal_" : "uniform_";
  double p, q;
  JANUS_RETURN_IF_ERROR(
      argFloat(a[1], site(fn, Normal ? "mean" : "from", 1), p));
  JANUS_RETURN_IF_ERROR(argFloat(a[2], site(fn, Normal ? "std" : "to", 2), q));
  Tensor x = tensorOf(a[0]);
  if (isGradEnabled() && isLeaf(x) && requiresGrad(x))
    return Status(ErrorCode::RuntimeError,
                  "a leaf Variable that requires grad is being used in an "
                  "in-place operation.");
  return inPlace(a, o, [&](Tensor &t) {
    if (Normal)
      normalInPlace(t, p, q);
    else
      uniformInPlace(t, p, q);
  });
}

} // namespace

Value janus::rt::itemValue(const Tensor &t) {
  switch (t.dtype()) {
  case DType::Bool:
    return Value::fromBool(itemInt(t) != 0);
  case DType::Int64:
    return Value::fromInt(itemInt(t));
  default:
    return Value::fromFloat(itemDouble(t));
  }
}

Status janus::rt::tensorScalarValue(const Value &t, Value &out) {
  Tensor x = tensorOf(t);
  if (x.numel() != 1)
    return valueError("only one element tensors can be converted to Python "
                      "scalars");
  out = itemValue(x);
  return okStatus();
}

std::vector<LibImplRow> janus::rt::tensorMethodImpls() {
  return {
      {LibId::TensorItem, tensorItem},
      {LibId::TensorTolist, tensorTolist},
      {LibId::TensorSize, tensorSize},
      {LibId::TensorDim, tensorDim},
      {LibId::TensorNumel, tensorNumel},
      {LibId::TensorFloat, convertRow<DType::Float32>},
      {LibId::TensorLong, convertRow<DType::Int64>},
      {LibId::TensorInt, tensorInt},
      {LibId::TensorBool, convertRow<DType::Bool>},
      {LibId::TensorDouble, convertRow<DType::Float64>},
      {LibId::TensorDetach, tensorDetach},
      {LibId::TensorClone, tensorClone},
      {LibId::TensorRequiresGrad_, tensorRequiresGrad_},
      {LibId::NNParameterParameter, nnParameter},
      {LibId::TensorBackward, tensorBackward},
      {LibId::TensorZero_, tensorZero_},
      {LibId::TensorFill_, tensorFill_},
      {LibId::TensorCopy_, tensorCopy_},
      {LibId::TensorAdd_, arithInPlace<0>},
      {LibId::TensorSub_, arithInPlace<1>},
      {LibId::TensorMul_, arithInPlace<2>},
      {LibId::TensorDiv_, arithInPlace<3>},
      {LibId::TensorFloorDivide_, mathInPlace<0>},
      {LibId::TensorRemainder_, mathInPlace<1>},
      {LibId::TensorPow_, mathInPlace<2>},
      {LibId::TensorUniform_, randomFill<false>},
      {LibId::TensorNormal_, randomFill<true>},
  };
}

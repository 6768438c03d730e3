//===- TensorMethodsAttributes.cpp - Tensor attributes and torch values ---===//
//
// The Tensor attribute rows (shape, grad, requires_grad, dtype, T, device,
// is_leaf, grad_fn), each an implementation taking self, the setter of the
// settable ones (setTensorAttribute, with PyTorch's errors), and the torch
// values that are flavoured tuples (Objects.h): torch.Size,
// torch.return_types.max/min, the cpu device and grad_fn.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TorchOps.h"

#include <cstdio>

using namespace janus;
using namespace janus::rt;

namespace {

Status tensorShape(const LibArgs &a, Value &o) {
  o = makeTorchSize(tensorOf(a[0]).sizes());
  return okStatus();
}

Status tensorGrad(const LibArgs &a, Value &o) {
  Tensor g = grad(tensorOf(a[0]));
  o = g ? tensorValue(g) : Value();
  return okStatus();
}

Status tensorRequiresGradAttr(const LibArgs &a, Value &o) {
  o = Value::fromBool(requiresGrad(tensorOf(a[0])));
  return okStatus();
}

Status tensorDtype(const LibArgs &a, Value &o) {
  o = Value::fromDType(static_cast<uint8_t>(tensorOf(a[0]).dtype()));
  return okStatus();
}

Status tensorTAttr(const LibArgs &a, Value &o) {
  // x.T reverses all dims (PyTorch warns for rank other than 2).
  Tensor x = tensorOf(a[0]);
  Shape dims;
  for (int64_t d = x.dim() - 1; d >= 0; --d)
    dims.push_back(d);
  return guardTensorOp([&] {
    o = tensorValue(ag::permute(x, dims));
    return okStatus();
  });
}

Status tensorDevice(const LibArgs &, Value &o) {
  o = makeCpuDevice();
  return okStatus();
}

Status tensorIsLeaf(const LibArgs &a, Value &o) {
  o = Value::fromBool(isLeaf(tensorOf(a[0])));
  return okStatus();
}

Status tensorGradFn(const LibArgs &a, Value &o) {
  o = gradFnValue(tensorOf(a[0]));
  return okStatus();
}

} // namespace

Value janus::rt::makeTorchSize(const Shape &sizes) {
  std::vector<Value> items;
  items.reserve(sizes.size());
  for (int64_t s : sizes)
    items.push_back(Value::fromInt(s));
  return Value::adopt(
      new TupleObject(std::move(items), TupleFlavor::TorchSize));
}

Status janus::rt::makeTorchSizeOf(std::vector<Value> items, Value &out) {
  for (size_t i = 0; i < items.size(); ++i) {
    Value &item = items[i];
    if (item.isIntLike()) {
      item = Value::fromInt(item.asInt()); // True is 1 in a Size
      continue;
    }
    if (item.kind() == Kind::Tensor) {
      Tensor t = tensorOf(item);
      if (!isFloating(t.dtype()) && t.numel() == 1) {
        item = Value::fromInt(itemInt(t));
        continue;
      }
    }
    return typeError("torch.Size() takes an iterable of 'int' (item " +
                     std::to_string(i) + " is '" + typeName(item) + "')");
  }
  out = Value::adopt(new TupleObject(std::move(items), TupleFlavor::TorchSize));
  return okStatus();
}

Value janus::rt::makeReturnTypes(TupleFlavor flavor, const Tensor &values,
                                 const Tensor &indices) {
  return Value::adopt(
      new TupleObject({tensorValue(values), tensorValue(indices)}, flavor));
}

Value janus::rt::makeCpuDevice() {
  return Value::adopt(
      new TupleObject({makeStr("cpu")}, TupleFlavor::TorchDevice));
}

Value janus::rt::gradFnValue(const Tensor &t) {
  std::shared_ptr<Node> fn = gradFn(t);
  if (!fn)
    return Value();
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<void *>(fn.get()));
  return Value::adopt(new TupleObject({makeStr(fn->name()), makeStr(address)},
                                      TupleFlavor::GradFn));
}

Status janus::rt::setTensorAttribute(const Value &self, LibId id,
                                     const Value &value) {
  Tensor x = tensorOf(self);
  switch (id) {
  case LibId::TensorGrad:
    if (!value.isNone() && value.kind() != Kind::Tensor)
      // PyTorch's message, missing space included.
      return typeError(std::string("assigned grad expected to be a Tensor or "
                                   "None but got grad of type") +
                       typeName(value));
    return guardTensorOp([&] {
      setGrad(x, value.isNone() ? Tensor() : tensorOf(value));
      return okStatus();
    });
  case LibId::TensorRequiresGrad:
    if (!value.isBool())
      return Status(ErrorCode::RuntimeError, "requires_grad must be a bool");
    if (!isLeaf(x))
      return Status(ErrorCode::RuntimeError,
                    "you can only change requires_grad flags of leaf "
                    "variables. If you want to use a computed variable in a "
                    "subgraph that doesn't require differentiation use "
                    "var_no_grad = var.detach().");
    if (value.asBool() && !isFloating(x.dtype()))
      return Status(ErrorCode::RuntimeError,
                    "only Tensors of floating point and complex dtype can "
                    "require gradients");
    return guardTensorOp([&] {
      setRequiresGrad(x, value.asBool());
      return okStatus();
    });
  default: {
    const LibEntryInfo &e = LibraryTable::get().entry(id);
    return Status(ErrorCode::AttributeError,
                  std::string("attribute '") + e.name +
                      "' of 'torch._C._TensorBase' objects is not writable");
  }
  }
}

std::vector<LibImplRow> janus::rt::tensorAttributeImpls() {
  return {
      {LibId::TensorShape, tensorShape},
      {LibId::TensorGrad, tensorGrad},
      {LibId::TensorRequiresGrad, tensorRequiresGradAttr},
      {LibId::TensorDtype, tensorDtype},
      {LibId::TensorTAttr, tensorTAttr},
      {LibId::TensorDevice, tensorDevice},
      {LibId::TensorIsLeaf, tensorIsLeaf},
      {LibId::TensorGradFn, tensorGradFn},
  };
}

//===- TorchOps.h - The torch surface of dispatch and values ----*- C++ -*-===//
//
// What the torch.* and Tensor.* implementation files (TorchFunctions*.cpp,
// TensorMethods*.cpp) share with each other and with the value layer's
// operators: the differentiable ops that have no ag:: wrapper (division with
// a rounding mode, floor division, remainder, and the in-place forms of the
// last two), the tensor cases of
// binaryOp/unaryOp/compare, the torch values that have no Kind of their own
// (torch.Size, torch.return_types.max/min, torch.device, grad_fn, all
// flavoured tuples, see Objects.h), the `with torch.no_grad():` protocol and
// the setter of the settable Tensor attributes. Also the argument helpers
// the implementation files have in common.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_DISPATCH_TORCHOPS_H
#define JANUS_RUNTIME_DISPATCH_TORCHOPS_H

#include "Dispatch/TensorArgs.h"

#include <string>

namespace janus::rt {

//===--- Differentiable ops without an ag:: wrapper (TorchFunctionsMath.cpp)
//===//

/// torch.div(A, B, rounding_mode=Mode), Mode "trunc" or "floor": ag::div,
/// which records DivBackward2 with zero gradients, as PyTorch 1.13.
Tensor divRounding(const Tensor &A, const Tensor &B, const std::string &Mode);
/// A // B (torch.floor_divide): PyTorch records a node named NotImplemented
/// whose backward fails; so does this.
Tensor floorDivide(const Tensor &A, const Tensor &B);
/// A % B (torch.remainder, the sign of B): RemainderBackward0.
Tensor remainder(const Tensor &A, const Tensor &B);
/// Self.floor_divide_(B) and Self.remainder_(B): the in-place variants,
/// with PyTorch's leaf, shape and cast checks; autograd records the nodes
/// their out-of-place forms record (NotImplemented failing backward with
/// "derivative for aten::floor_divide_ is not implemented";
/// RemainderBackward0 for a Python number B, else RemainderBackward1).
Tensor &floorDivideInPlace(Tensor &Self, const Tensor &B);
Tensor &remainderInPlace(Tensor &Self, const Tensor &B);

//===--- The value layer's tensor operators (TorchFunctionsMath.cpp) -----===//

/// a <op> b where a or b is a tensor (the other a tensor or a number).
Status tensorBinaryOp(PyBinaryOp op, const Value &a, const Value &b,
                      Value &out);
/// -t, +t, ~t (not t is truth()).
Status tensorUnaryOp(PyUnaryOp op, const Value &a, Value &out);
/// a <op> b where a or b is a tensor: a bool tensor.
Status tensorCompare(PyCompareOp op, const Value &a, const Value &b,
                     Value &out);

//===--- Subscripts (TensorMethodsIndex.cpp) ------------------------------===//

/// t[key] and t[key] = value (key: int, bool, None, tensor or a tuple of
/// them), with autograd.
Status tensorGetItem(const Value &self, const Value &key, Value &out);
Status tensorSetItem(const Value &self, const Value &key, const Value &value);
/// iter(t): a tuple_iterator over the rows t[0], t[1], ... (Tensor.__iter__
/// iterates unbind(0)); a 0-d tensor is a TypeError.
Status tensorIter(const Value &self, Value &out);

//===--- torch values (TensorMethodsAttributes.cpp) ----------------------===//

/// torch.Size(sizes): a tuple of ints that prints as torch.Size([2, 3]).
Value makeTorchSize(const Shape &sizes);
/// torch.Size(items) for the results of Size + tuple and Size * n: each item
/// must be an int (a bool or a one-element integer tensor counts as its
/// int, as torch's __index__ conversion does), else PyTorch's TypeError
/// "torch.Size() takes an iterable of 'int' (item 2 is 'float')".
Status makeTorchSizeOf(std::vector<Value> items, Value &out);
/// torch.return_types.max/min(values, indices).
Value makeReturnTypes(TupleFlavor flavor, const Tensor &values,
                      const Tensor &indices);
/// device(type='cpu').
Value makeCpuDevice();
/// t.grad_fn: None, or a value printing as <MulBackward0 object at 0x...>.
Value gradFnValue(const Tensor &t);
/// t.name = value for the settable attributes (grad, requires_grad), with
/// PyTorch's errors; the other Tensor attributes are an AttributeError
/// ("attribute 'shape' of 'torch._C._TensorBase' objects is not writable").
Status setTensorAttribute(const Value &self, LibId id, const Value &value);

//===--- with torch.no_grad(): (TorchFunctionsCreation.cpp) --------------===//

/// ctx = torch.no_grad() makes a context manager; `with ctx:` calls
/// enterNoGrad(ctx) on entry and exitNoGrad(ctx) on every exit. Grad mode is
/// off in between and the previous mode comes back at exit (so nesting
/// works). The value also has __enter__/__exit__ methods doing the same.
Status enterNoGrad(const Value &ctx);
Status exitNoGrad(const Value &ctx);

//===--- Argument helpers of the implementation files --------------------===//

/// The site of slot `slot` of a torch.xxx function (Method false: position
/// slot + 1) or of a Tensor.xxx method (Method true: self is slot 0 and not
/// counted).
inline ArgSite siteOf(bool method, const char *function, const char *param,
                      uint32_t slot) {
  return ArgSite{function, param, static_cast<int>(method ? slot : slot + 1)};
}
/// device= must be None, 'cpu' or a cpu device value.
Status checkCpuDevice(const Value &device);
/// requires_grad= of a creation function: a bool; true needs a floating
/// tensor ("Only Tensors of floating point and complex dtype can require
/// gradients").
Status applyCreationRequiresGrad(const Tensor &t, const Value &requiresGrad,
                                 const char *function);
/// Python's value of element 0 of a one-element tensor (float, int, bool).
Value itemValue(const Tensor &t);
/// The item of a one-element tensor value, as Tensor.__int__/__float__/
/// __index__ read it; a ValueError for any other element count.
Status tensorScalarValue(const Value &t, Value &out);

} // namespace janus::rt

#endif // JANUS_RUNTIME_DISPATCH_TORCHOPS_H

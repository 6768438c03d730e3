//===- Print.h - repr()/str()/format() of tensors as PyTorch prints them -*- C++ -*-===//
//
// PyTorch 1.13's tensor printing (torch/_tensor_str.py) with its default
// print options (precision 4, threshold 1000, edgeitems 3, linewidth 80,
// sci_mode None): the formatter's integer, fixed and scientific modes, the
// column width shared by all elements, line wrapping, summarisation with
// "..." above 1000 elements, the nested-bracket indentation and the
// suffixes after the data (dtype=, size=, requires_grad=, grad_fn=). The
// numbers go through Format/PyFormat.h, so "{:.4f}" and "{:.4e}" are
// CPython's text. All functions are pure and thread-safe (they only read
// the tensor). Include Tensor/Tensor.h to call the Tensor overloads.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_PRINT_H
#define JANUS_RUNTIME_TENSOR_PRINT_H

#include <string>
#include <string_view>

namespace janus::rt {

// Declared, not included: the value layer (whose Ops.h has its own Shape and
// operator enums) prints tensors through this header.
class Tensor;
class TensorImpl;
enum class ErrorKind;

/// The autograd facts repr() appends after the data. A non-empty
/// GradFnName ("AddBackward0") prints "grad_fn=<AddBackward0>" and wins
/// over RequiresGrad, which prints "requires_grad=True".
struct TensorReprSuffix {
  bool RequiresGrad = false;
  std::string GradFnName;
};

/// repr(t) == str(t), e.g. "tensor([1.0000, 2.5000])",
/// "tensor([], size=(0, 3))", "tensor(3., dtype=torch.float64)".
std::string formatTensor(const Tensor &T, const TensorReprSuffix &Suffix = {});
/// The same for a borrowed TensorImpl (what a boxed Value holds).
std::string formatTensor(TensorImpl *T, const TensorReprSuffix &Suffix = {});

/// format(t, Spec) (Tensor.__format__): a 0-dim tensor formats its item()
/// as a Python float/int/bool; any other tensor is its repr when Spec is
/// empty and otherwise a TypeError, returned as false with the message in
/// Error ("unsupported format string passed to Tensor.__format__"), as is a
/// spec the item's type rejects (then Kind says ValueError).
bool formatTensorSpec(const Tensor &T, std::string_view Spec, std::string &Out,
                      ErrorKind &Kind, std::string &Error);

} // namespace janus::rt

#endif // JANUS_RUNTIME_TENSOR_PRINT_H

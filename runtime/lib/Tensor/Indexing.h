//===- Indexing.h - Joining, splitting, gathering and indexing --*- C++ -*-===//
//
// The tensor ops that move elements between positions rather than compute
// on them: cat/stack/split/chunk/repeat (Join.cpp), gather/scatter/
// index_select/index_add/masked_fill (Gather.cpp), Python's `t[...]` and
// `t[...] = v` (Index.cpp), and torch.div with a rounding mode
// (RoundingDiv.cpp). Semantics, type promotion and error messages are
// PyTorch 1.13's (CPU). Where an op needs a kernel for its gradient that the
// core lacks, that kernel is here too, named after the op it differentiates
// (see docs/runtime.md, "Joining and indexing"); there is no autograd here.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_INDEXING_H
#define JANUS_RUNTIME_TENSOR_INDEXING_H

#include "Tensor/Tensor.h"

#include <optional>
#include <string>
#include <vector>

namespace janus::rt {

//===--- Joining and splitting (Join.cpp) ---------------------------------===//

/// torch.cat. Promotes to the common dtype; 1-D tensors with no elements
/// are skipped (PyTorch's legacy rule) whatever the other tensors' rank.
/// Backward: narrow() of the gradient per input (or splitWithSizes).
Tensor cat(const std::vector<Tensor> &Tensors, int64_t Dim = 0);
/// torch.stack: cat of the inputs unsqueezed at Dim. Backward: unbind.
Tensor stack(const std::vector<Tensor> &Tensors, int64_t Dim = 0);
/// tensor.split(int): views of SplitSize along Dim, the last one shorter.
/// Backward: cat of the gradients (zeros for unused pieces).
std::vector<Tensor> split(const Tensor &Src, int64_t SplitSize,
                          int64_t Dim = 0);
/// tensor.split([sizes]) (torch's split_with_sizes): views. Named apart
/// from split() so that `split(T, {2})` cannot silently pick the int form.
std::vector<Tensor> splitWithSizes(const Tensor &Src,
                                   const std::vector<int64_t> &Sizes,
                                   int64_t Dim = 0);
/// tensor.chunk: split with size ceil(size / Chunks), so it may return
/// fewer than Chunks views (and exactly Chunks empty ones for size 0).
std::vector<Tensor> chunk(const Tensor &Src, int64_t Chunks, int64_t Dim = 0);
/// tensor.unbind: the views select(Src, Dim, i). Backward of stack.
std::vector<Tensor> unbind(const Tensor &Src, int64_t Dim = 0);
/// tensor.repeat(*Repeats), a new contiguous tensor.
Tensor repeat(const Tensor &Src, const Shape &Repeats);
/// Backward of repeat: sums Grad (of repeat's output shape) over the
/// repetitions, as torch's repeat_backward (one reshape, one sum).
Tensor repeatBackward(const Tensor &Grad, const Shape &Repeats,
                      const Shape &InputSizes);

//===--- Gathering and scattering (Gather.cpp) ----------------------------===//

/// torch.gather(Src, Dim, Index): Out[i][j] = Src[Index[i][j]][j] (Dim 0).
/// Index is int64 of Src's rank, no larger than Src except along Dim.
/// Backward: scatterAdd(zeros like Src, Dim, Index, Grad).
Tensor gather(const Tensor &Src, int64_t Dim, const Tensor &Index);
/// Self.scatter_add(Dim, Index, Source), out of place: a copy of Self with
/// Out[Index[i][j]][j] += Source[i][j]. Source must have Self's dtype.
Tensor scatterAdd(const Tensor &Self, int64_t Dim, const Tensor &Index,
                  const Tensor &Source);
/// Self.scatter(Dim, Index, Source), out of place (with duplicate
/// positions the last write wins, as PyTorch's serial CPU kernel).
Tensor scatter(const Tensor &Self, int64_t Dim, const Tensor &Index,
               const Tensor &Source);
/// Self.scatter(Dim, Index, Value) with a Python number.
Tensor scatter(const Tensor &Self, int64_t Dim, const Tensor &Index,
               Scalar Value);
/// torch.index_select; Index is an int64 vector or 0-dim tensor.
/// Backward: indexAdd(zeros like Src, Dim, Index, Grad).
Tensor indexSelect(const Tensor &Src, int64_t Dim, const Tensor &Index);
/// Self.index_add(Dim, Index, Source), out of place: a copy of Self with
/// slice Index[i] along Dim increased by slice i of Source.
Tensor indexAdd(const Tensor &Self, int64_t Dim, const Tensor &Index,
                const Tensor &Source);
/// Self.masked_fill(Mask, Value): Mask (bool) and Self broadcast together;
/// the result has Self's dtype. Backward: maskedFill(Grad, Mask, 0) (then
/// sum to Self's shape when Mask broadcast it).
Tensor maskedFill(const Tensor &Self, const Tensor &Mask, Scalar Value);
/// As above with a 0-dim tensor value (converted to Self's dtype).
Tensor maskedFill(const Tensor &Self, const Tensor &Mask, const Tensor &Value);
/// Self.masked_fill_(Mask, Value): Mask must broadcast to Self's shape.
Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask, Scalar Value);
Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask,
                          const Tensor &Value);
/// torch.nonzero: an int64 [N, Src.dim()] tensor of the positions of the
/// nonzero elements in row-major order.
Tensor nonzero(const Tensor &Src);

//===--- Python indexing (Index.cpp) --------------------------------------===//

/// One element of a Python subscript `t[a, b, ...]`.
class TensorIndex {
public:
  enum class Kind { Integer, Slice, None, Ellipsis, Boolean, Tensor };

  TensorIndex(int V) : K(Kind::Integer), Int(V) {}
  TensorIndex(int64_t V) : K(Kind::Integer), Int(V) {}
  /// An index tensor: int64 (positions) or bool (a mask); a 0-dim int64
  /// tensor acts as an integer and a 0-dim bool one as True/False.
  TensorIndex(Tensor T) : K(Kind::Tensor), Index(std::move(T)) {}
  /// start:stop:step; absent parts as in Python (step 0 is a ValueError).
  static TensorIndex slice(std::optional<int64_t> Start = {},
                           std::optional<int64_t> Stop = {},
                           std::optional<int64_t> Step = {});
  static TensorIndex none() { return TensorIndex(Kind::None); }
  static TensorIndex ellipsis() { return TensorIndex(Kind::Ellipsis); }
  /// Python's True/False as an index (a new dimension of size 1 or 0).
  static TensorIndex boolean(bool B);

  Kind kind() const { return K; }
  int64_t integer() const { return Int; }
  bool boolValue() const { return Int != 0; }
  const Tensor &tensor() const { return Index; }
  std::optional<int64_t> start() const { return Start; }
  std::optional<int64_t> stop() const { return Stop; }
  std::optional<int64_t> step() const { return Step; }

private:
  explicit TensorIndex(Kind K) : K(K) {}
  Kind K;
  int64_t Int = 0;
  std::optional<int64_t> Start, Stop, Step;
  Tensor Index;
};

/// Self[Indices...]. A one-element list is Python's `t[i]`, a longer one
/// `t[i, j, ...]` (they differ only in some error messages). Integer, slice,
/// None, Ellipsis and 0-dim int64 tensor indices give a view; with any other
/// tensor or a bool the result is a new tensor (advanced indexing).
Tensor index(const Tensor &Self, const std::vector<TensorIndex> &Indices);
/// `Self[Indices...] = Value`, or with Accumulate `Self.index_put_(...,
/// accumulate=True)` (which adds, summing duplicate positions). Leading
/// size-1 dimensions of Value are dropped and the rest broadcast, as
/// Python's setitem. With only basic indices Value is copied (converted)
/// into the view; otherwise Value must have Self's dtype, as index_put_.
/// Bumps Self's version. Returns Self.
Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 const Tensor &Value, bool Accumulate = false);
/// `Self[Indices...] = number`: the number is converted to Self's dtype.
Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 Scalar Value);
/// Backward of index(): zeros of SelfSizes (Grad's dtype) into which Grad
/// is accumulated at the indexed positions, i.e. indexPut(zeros, Indices,
/// Grad, /*Accumulate=*/true).
Tensor indexBackward(const Tensor &Grad, const Shape &SelfSizes,
                     const std::vector<TensorIndex> &Indices);

//===--- Division with rounding (RoundingDiv.cpp) -------------------------===//

/// torch.div(A, B, rounding_mode=Mode) for Mode "trunc" or "floor" (an
/// empty Mode is true division, as div()). The result has the promoted
/// dtype (integers stay integers); integer division by zero raises
/// PyTorch's "ZeroDivisionError" RuntimeError.
Tensor div(const Tensor &A, const Tensor &B, const std::string &Mode);

} // namespace janus::rt

#endif // JANUS_RUNTIME_TENSOR_INDEXING_H

//===- Creation.cpp - Making tensors and copying them ---------------------===//
//
// torch.empty/zeros/ones/full/arange/linspace/eye/tensor equivalents, copies
// between tensors and host buffers, contiguous(), clone() and dtype
// conversion. Default dtypes follow PyTorch: a float fill or range gives
// float32 (the default dtype), an integer one int64.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Loops.h"
#include "Tensor/Tensor.h"

#include <cmath>
#include <cstring>

namespace janus::rt {

void copyElements(const Tensor &Dst, const Tensor &Src) {
  dispatch(Dst.dtype(), [&](auto D) {
    using TD = decltype(D);
    dispatch(Src.dtype(), [&](auto S) {
      using TS = decltype(S);
      map1<TD, TS>(Dst, Src, [](TS V) { return convertElement<TD>(V); });
    });
  });
}

Tensor empty(const Shape &Sizes, DType T) {
  int64_t N = 1;
  for (int64_t S : Sizes) {
    if (S < 0)
      throw TensorError(ErrorKind::RuntimeError,
                        "Trying to create tensor with negative dimension " +
                            std::to_string(S) + ": " + shapeToString(Sizes));
    N *= S;
  }
  Storage *St = Storage::allocate(static_cast<size_t>(N) * elementSize(T));
  Tensor Out(new TensorImpl(St, T, Sizes, contiguousStrides(Sizes), 0));
  St->release(); // The TensorImpl holds the only reference now.
  return Out;
}

Tensor zeros(const Shape &Sizes, DType T) {
  Tensor Out = empty(Sizes, T);
  std::memset(Out->data(), 0, Out->storage()->bytes());
  return Out;
}

Tensor ones(const Shape &Sizes, DType T) {
  return full(Sizes, Scalar(int64_t(1)), T);
}

Tensor full(const Shape &Sizes, Scalar Value, std::optional<DType> T) {
  DType Ty =
      T ? *T
        : (Value.K == Scalar::Kind::Float ? DType::Float32 : Value.dtype());
  Tensor Out = empty(Sizes, Ty);
  // A new tensor starts at version 0, as torch.full's does.
  fillFresh(Out, Value);
  return Out;
}

Tensor scalarTensor(Scalar Value, std::optional<DType> T) {
  return full({}, Value, T);
}

Tensor wrappedScalar(Scalar Value) {
  Tensor Out = full({}, Value, Value.dtype());
  Out->setWrappedNumber(true);
  return Out;
}

Tensor arange(Scalar Start, Scalar End, Scalar Step, std::optional<DType> T) {
  bool AnyFloat = Start.K == Scalar::Kind::Float ||
                  End.K == Scalar::Kind::Float || Step.K == Scalar::Kind::Float;
  DType Ty = T ? *T : (AnyFloat ? DType::Float32 : DType::Int64);
  double S = Start.toDouble(), E = End.toDouble(), St = Step.toDouble();
  if (St == 0)
    throw TensorError(ErrorKind::RuntimeError, "step must be nonzero");
  if ((St > 0 && E < S) || (St < 0 && E > S))
    throw TensorError(ErrorKind::RuntimeError,
                      "upper bound and larger bound inconsistent with step "
                      "sign");
  int64_t N = static_cast<int64_t>(std::ceil((E - S) / St));
  Tensor Out = empty({N}, Ty);
  dispatch(Ty, [&](auto Tag) {
    using T = decltype(Tag);
    T *P = Out.dataPtr<T>();
    // ATen evaluates start + step * i in the accumulate type (double for
    // floating types, int64 for integers) and then narrows.
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      int64_t IS = Start.toInt(), IStep = Step.toInt();
      for (int64_t I = 0; I < N; ++I)
        P[I] = static_cast<T>(IS + IStep * I);
    } else {
      for (int64_t I = 0; I < N; ++I)
        P[I] = convertElement<T>(S + St * static_cast<double>(I));
    }
  });
  return Out;
}

Tensor linspace(Scalar Start, Scalar End, int64_t Steps, DType T) {
  if (Steps < 0)
    throw TensorError(ErrorKind::RuntimeError,
                      "number of steps must be non-negative");
  Tensor Out = empty({Steps}, T);
  dispatch(T, [&](auto Tag) {
    using ST = decltype(Tag);
    // ATen's linspace: the step is computed in the element type (double for
    // integers), the first half counts up from start and the second half
    // down from end so that both endpoints are exact.
    using StepT = std::conditional_t<std::is_integral_v<ST>, double, ST>;
    ST *P = Out.dataPtr<ST>();
    ST S = convertElement<ST>(Start.toDouble());
    ST E = convertElement<ST>(End.toDouble());
    if (Steps == 1) {
      P[0] = S;
      return;
    }
    StepT Step = (static_cast<StepT>(E) - static_cast<StepT>(S)) /
                 static_cast<StepT>(Steps - 1);
    int64_t Half = Steps / 2;
    for (int64_t I = 0; I < Steps; ++I)
      P[I] = I < Half ? convertElement<ST>(S + Step * static_cast<StepT>(I))
                      : convertElement<ST>(
                            E - Step * static_cast<StepT>(Steps - I - 1));
  });
  return Out;
}

Tensor eye(int64_t N, std::optional<int64_t> M, DType T) {
  int64_t Cols = M ? *M : N;
  Tensor Out = zeros({N, Cols}, T);
  dispatch(T, [&](auto Tag) {
    using ST = decltype(Tag);
    for (int64_t I = 0; I < std::min(N, Cols); ++I)
      Out.dataPtr<ST>()[I * Cols + I] = ST(1);
  });
  return Out;
}

Tensor fromBuffer(const void *Data, DType T, const Shape &Sizes) {
  Tensor Out = empty(Sizes, T);
  std::memcpy(Out->data(), Data, Out.numel() * elementSize(T));
  return Out;
}

void copyToBuffer(const Tensor &Src, void *Out) {
  Tensor C = contiguous(Src);
  std::memcpy(Out, C->data(), C.numel() * elementSize(C.dtype()));
}

Tensor contiguous(const Tensor &Src) {
  return Src->isContiguous() ? Src : clone(Src);
}

Tensor clone(const Tensor &Src) {
  Tensor Out = empty(Src.sizes(), Src.dtype());
  copyElements(Out, Src);
  return Out;
}

Tensor to(const Tensor &Src, DType T, bool Copy) {
  if (Src.dtype() == T && !Copy)
    return Src;
  Tensor Out = empty(Src.sizes(), T);
  copyElements(Out, Src);
  return Out;
}

double itemDouble(const Tensor &Src) {
  if (Src.numel() != 1)
    throw TensorError(ErrorKind::ValueError,
                      "only one element tensors can be converted to Python "
                      "scalars");
  return dispatch(Src.dtype(), [&](auto Tag) {
    return static_cast<double>(*Src.dataPtr<decltype(Tag)>());
  });
}

int64_t itemInt(const Tensor &Src) {
  if (Src.numel() != 1)
    throw TensorError(ErrorKind::ValueError,
                      "only one element tensors can be converted to Python "
                      "scalars");
  return dispatch(Src.dtype(), [&](auto Tag) {
    return static_cast<int64_t>(*Src.dataPtr<decltype(Tag)>());
  });
}

} // namespace janus::rt

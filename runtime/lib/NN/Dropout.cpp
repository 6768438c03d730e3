//===- Dropout.cpp - F.dropout, bit-exact with PyTorch's CPU draws --------===//
//
// PyTorch 1.13's CPU dropout (ATen's _dropout_impl): return the input itself
// when p == 0, not training or empty; input * 0 when p == 1; otherwise
// noise = empty_like(input).bernoulli_(1 - p) (one 53-bit uniform per
// element, whatever the dtype), noise /= (1 - p) in the input's dtype, and
// output = input * noise. Backward multiplies by the same noise.
//
//===----------------------------------------------------------------------===//

#include "Format/PyFormat.h"
#include "NN/NNUtil.h"


namespace janus::rt {

using namespace nn;

DropoutResult dropout(const Tensor &Input, double P, bool Training,
                      TorchGenerator &Gen) {
  // F.dropout's own check (Python level, hence repr(p)).
  if (P < 0 || P > 1)
    fail("dropout probability has to be between 0 and 1, but got " +
             reprFloat(P),
         ErrorKind::ValueError);
  DropoutResult R;
  if (P == 0 || !Training || Input.numel() == 0) {
    R.Output = Input;
    return R;
  }
  dispatchFloat(Input.dtype(), "bernoulli_scalar_cpu_", [&](auto Tag) {
    using T = decltype(Tag);
    R.Mask = empty(Input.sizes(), Input.dtype());
    T *M = R.Mask.dataPtr<T>();
    int64_t N = Input.numel();
    if (P == 1) {
      for (int64_t I = 0; I < N; ++I)
        M[I] = T(0);
    } else {
      Gen.bernoulli(M, N, 1 - P);
      const T Keep = T(1 - P);
      for (int64_t I = 0; I < N; ++I)
        M[I] = M[I] / Keep;
    }
  });
  R.Output = mul(Input, R.Mask);
  return R;
}

Tensor dropoutBackward(const Tensor &GradOut, const Tensor &Mask) {
  return Mask ? mul(GradOut, Mask) : GradOut;
}

} // namespace janus::rt

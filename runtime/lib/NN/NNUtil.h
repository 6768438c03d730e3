//===- NNUtil.h - Helpers shared by the NN kernels --------------*- C++ -*-===//
//
// Internal to runtime/lib/NN: error helpers, float dispatch, PyTorch's
// spellings of sizes and tensor types in messages, and a row-major gemm that
// forwards to OpenBLAS for float and double.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_NN_NNUTIL_H
#define JANUS_RUNTIME_NN_NNUTIL_H

#include "NN/NN.h"

#include <string>

namespace janus::rt::nn {

[[noreturn]] inline void fail(const std::string &Msg,
                              ErrorKind K = ErrorKind::RuntimeError) {
  throw TensorError(K, Msg);
}

/// "torch.FloatTensor", as PyTorch names a tensor type in messages.
inline std::string tensorTypeName(DType T) {
  return std::string("torch.") + dtypeName(T) + "Tensor";
}

/// "torch.Size([2, 3])".
inline std::string torchSize(const Shape &S) {
  return "torch.Size(" + shapeToString(S) + ")";
}

/// Calls Fn(float{}) or Fn(double{}); other dtypes get PyTorch's
/// "not implemented for" message naming Kernel.
template <typename F>
decltype(auto) dispatchFloat(DType T, const char *Kernel, F &&Fn) {
  if (T == DType::Float32)
    return Fn(float{});
  if (T != DType::Float64)
    fail(std::string("\"") + Kernel + "\" not implemented for '" +
         dtypeName(T) + "'");
  return Fn(double{});
}

/// Row-major C[M x N] = Alpha * op(A) * op(B) + Beta * C via cblas.
void gemm(bool TransA, bool TransB, int64_t M, int64_t N, int64_t K,
          float Alpha, const float *A, int64_t Lda, const float *B,
          int64_t Ldb, float Beta, float *C, int64_t Ldc);
void gemm(bool TransA, bool TransB, int64_t M, int64_t N, int64_t K,
          double Alpha, const double *A, int64_t Lda, const double *B,
          int64_t Ldb, double Beta, double *C, int64_t Ldc);

inline int64_t product(const Shape &S, size_t From = 0) {
  int64_t P = 1;
  for (size_t I = From; I < S.size(); ++I)
    P *= S[I];
  return P;
}

} // namespace janus::rt::nn

#endif // JANUS_RUNTIME_NN_NNUTIL_H

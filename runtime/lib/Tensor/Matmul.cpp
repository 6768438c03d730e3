//===- Matmul.cpp - mm, bmm and matmul on OpenBLAS ------------------------===//
//
// Matrix products for float32/float64 call cblas_sgemm/dgemm directly on the
// operands' memory: a row-major view is passed as is, a transposed view
// (column-major layout, e.g. from .t()) with the transpose flag, so only
// views with neither layout are copied; a one-row product too is a gemm,
// as in ATen (a gemv would round differently). int64
// uses a plain loop (PyTorch supports integer mm on the CPU without BLAS);
// bool is rejected as in PyTorch. matmul reduces every rank combination to mm
// or bmm the way ATen's matmul does, with its messages.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Tensor.h"
#include "Threading/Parallel.h"

#include <algorithm>
#include <cblas.h>

namespace janus::rt {

namespace {
[[noreturn]] void fail(const std::string &Msg) {
  throw TensorError(ErrorKind::RuntimeError, Msg);
}

// How to hand a Rows x Cols view to BLAS without copying, if possible.
struct BlasOperand {
  Tensor Mem; // The tensor whose data BLAS reads (the view or a copy).
  CBLAS_TRANSPOSE Trans = CblasNoTrans;
  int Ld = 1;
};

BlasOperand blasOperand(const Tensor &M) {
  int64_t Rows = M.sizes()[0], Cols = M.sizes()[1];
  int64_t S0 = M.strides()[0], S1 = M.strides()[1];
  // A dimension of size 1 has no meaningful stride; BLAS still needs the
  // leading dimension to be at least the row (or column) length.
  if ((S1 == 1 || Cols == 1) && (Rows == 1 || S0 >= std::max<int64_t>(1, Cols)))
    return {M, CblasNoTrans,
            static_cast<int>(Rows == 1 ? std::max<int64_t>(1, Cols) : S0)};
  if ((S0 == 1 || Rows == 1) && (Cols == 1 || S1 >= std::max<int64_t>(1, Rows)))
    return {M, CblasTrans,
            static_cast<int>(Cols == 1 ? std::max<int64_t>(1, Rows) : S1)};
  Tensor C = clone(M);
  return {C, CblasNoTrans, static_cast<int>(std::max<int64_t>(1, Cols))};
}

// Out (contiguous M x N) = A (M x K) * B (K x N).
void gemm(const Tensor &A, const Tensor &B, const Tensor &Out) {
  int64_t M = A.sizes()[0], K = A.sizes()[1], N = B.sizes()[1];
  if (M == 0 || N == 0)
    return;
  if (K == 0) {
    Tensor O = Out;
    zeroInPlace(O);
    return;
  }
  DType T = A.dtype();
  if (T == DType::Int64) {
    Tensor CA = contiguous(A), CB = contiguous(B);
    const int64_t *PA = CA.dataPtr<int64_t>(), *PB = CB.dataPtr<int64_t>();
    int64_t *PO = Out.dataPtr<int64_t>();
    for (int64_t I = 0; I < M; ++I)
      for (int64_t J = 0; J < N; ++J) {
        int64_t S = 0;
        for (int64_t L = 0; L < K; ++L)
          S += PA[I * K + L] * PB[L * N + J];
        PO[I * N + J] = S;
      }
    return;
  }
  initThreading(); // OpenBLAS at the runtime's thread count.
  // Always gemm, also for one row: ATen's mm calls sgemm/dgemm for every
  // shape, and a gemv sums the products in another order (a different
  // last bit, which training turns into different losses).
  BlasOperand OA = blasOperand(A), OB = blasOperand(B);
  if (T == DType::Float32)
    cblas_sgemm(CblasRowMajor, OA.Trans, OB.Trans, int(M), int(N), int(K), 1.0f,
                OA.Mem.dataPtr<float>(), OA.Ld, OB.Mem.dataPtr<float>(), OB.Ld,
                0.0f, Out.dataPtr<float>(), int(N));
  else
    cblas_dgemm(CblasRowMajor, OA.Trans, OB.Trans, int(M), int(N), int(K), 1.0,
                OA.Mem.dataPtr<double>(), OA.Ld, OB.Mem.dataPtr<double>(),
                OB.Ld, 0.0, Out.dataPtr<double>(), int(N));
}

void checkTypes(const Tensor &A, const Tensor &B, const char *Kernel) {
  if (A.dtype() != B.dtype())
    fail(std::string("expected scalar type ") + dtypeName(A.dtype()) +
         " but found " + dtypeName(B.dtype()));
  if (A.dtype() == DType::Bool)
    fail(std::string("\"") + Kernel + "\" not implemented for 'Bool'");
}
} // namespace

Tensor mm(const Tensor &A, const Tensor &B) {
  if (A.dim() != 2)
    fail("self must be a matrix");
  if (B.dim() != 2)
    fail("mat2 must be a matrix");
  if (A.sizes()[1] != B.sizes()[0])
    fail("mat1 and mat2 shapes cannot be multiplied (" +
         std::to_string(A.sizes()[0]) + "x" + std::to_string(A.sizes()[1]) +
         " and " + std::to_string(B.sizes()[0]) + "x" +
         std::to_string(B.sizes()[1]) + ")");
  checkTypes(A, B, "addmm_impl_cpu_");
  Tensor Out = empty({A.sizes()[0], B.sizes()[1]}, A.dtype());
  gemm(A, B, Out);
  return Out;
}

Tensor bmm(const Tensor &A, const Tensor &B) {
  if (A.dim() != 3)
    fail("batch1 must be a 3D tensor");
  if (B.dim() != 3)
    fail("batch2 must be a 3D tensor");
  if (B.sizes()[0] != A.sizes()[0] || B.sizes()[1] != A.sizes()[2])
    fail("Expected size for first two dimensions of batch2 tensor to be: [" +
         std::to_string(A.sizes()[0]) + ", " + std::to_string(A.sizes()[2]) +
         "] but got: [" + std::to_string(B.sizes()[0]) + ", " +
         std::to_string(B.sizes()[1]) + "].");
  checkTypes(A, B, "bmm");
  Tensor Out = empty({A.sizes()[0], A.sizes()[1], B.sizes()[2]}, A.dtype());
  for (int64_t I = 0; I < A.sizes()[0]; ++I)
    gemm(select(A, 0, I), select(B, 0, I), select(Out, 0, I));
  return Out;
}

Tensor matmul(const Tensor &A, const Tensor &B) {
  int64_t DA = A.dim(), DB = B.dim();
  if (DA == 0 || DB == 0)
    fail("both arguments to matmul need to be at least 1D, but they are " +
         std::to_string(DA) + "D and " + std::to_string(DB) + "D");
  if (DA == 1 && DB == 1) {
    if (A.numel() != B.numel())
      fail("inconsistent tensor size, expected tensor [" +
           std::to_string(A.numel()) + "] and src [" +
           std::to_string(B.numel()) +
           "] to have the same number of elements, but got " +
           std::to_string(A.numel()) + " and " + std::to_string(B.numel()) +
           " elements respectively");
    if (A.dtype() != B.dtype())
      fail(std::string("dot : expected both vectors to have same dtype, but "
                       "found ") +
           dtypeName(A.dtype()) + " and " + dtypeName(B.dtype()));
    if (A.dtype() == DType::Bool)
      fail("\"dot\" not implemented for 'Bool'");
    return reshape(mm(unsqueeze(A, 0), unsqueeze(B, 1)), {});
  }
  if (DA == 2 && DB == 1) {
    if (A.sizes()[1] != B.sizes()[0])
      fail("size mismatch, got " + std::to_string(A.sizes()[0]) + ", " +
           std::to_string(A.sizes()[0]) + "x" + std::to_string(A.sizes()[1]) +
           "," + std::to_string(B.sizes()[0]));
    return squeeze(mm(A, unsqueeze(B, 1)), 1);
  }
  if (DA == 1 && DB == 2)
    return squeeze(mm(unsqueeze(A, 0), B), 0);
  if (DA == 2 && DB == 2)
    return mm(A, B);
  if (DA >= 3 && (DB == 1 || DB == 2)) {
    // Fold the batch dims of A into its rows: one mm instead of a bmm.
    Shape OutShape(A.sizes().begin(), A.sizes().end() - 1);
    if (DB == 2)
      OutShape.push_back(B.sizes()[1]);
    Tensor Folded = reshape(A, {-1, A.sizes().back()});
    return reshape(matmul(Folded, B), OutShape);
  }
  // Batched: broadcast the batch dims, then one bmm.
  int64_t N = DA > 1 ? A.sizes()[DA - 2] : 1, M = A.sizes()[DA - 1];
  int64_t P = DB > 1 ? B.sizes()[DB - 1] : 1;
  int64_t MB = DB > 1 ? B.sizes()[DB - 2] : B.sizes()[0];
  Shape BatchA(A.sizes().begin(), A.sizes().end() - std::min<int64_t>(DA, 2));
  Shape BatchB(B.sizes().begin(), B.sizes().end() - std::min<int64_t>(DB, 2));
  Shape Batch = broadcastShapes(BatchA, BatchB);
  int64_t BatchNumel = 1;
  for (int64_t S : Batch)
    BatchNumel *= S;
  Shape ExpA = Batch, ExpB = Batch;
  ExpA.insert(ExpA.end(), {N, M});
  ExpB.insert(ExpB.end(), {MB, P});
  Tensor A3 =
      reshape(expand(DA == 1 ? unsqueeze(A, 0) : A, ExpA), {BatchNumel, N, M});
  Tensor B3 =
      reshape(expand(DB == 1 ? unsqueeze(B, 1) : B, ExpB), {BatchNumel, MB, P});
  Shape OutShape = Batch;
  if (DA > 1)
    OutShape.push_back(N);
  if (DB > 1)
    OutShape.push_back(P);
  return reshape(bmm(A3, B3), OutShape);
}

} // namespace janus::rt

//===- CascadeSum.cpp - sum and var/std in ATen 1.13's order
//---------------===//
//
// Reproduces, bit for bit, how PyTorch 1.13 on the CPU (one intra-op
// thread; its AVX2 and default builds, whose float vectors have 8 lanes and
// double vectors 4) sums a floating tensor:
//
//  1. The walk (planReduction): TensorIterator lists the dims innermost
//     first, moves the reduced ones to the front, orders each group by
//     stride, then merges neighbours that step through memory as one.
//  2. The 2-D kernel (cascade_sum): per pair of leading walk dims, an inner
//     reduction over contiguous elements sums vectors of lanes, a
//     contiguous outer reduction sums columns a vector at a time, else a
//     scalar loop; each output accumulates its partial sums in order.
//  3. The cascade (multiRowSum): running sums in chunks of 2^k elements,
//     chunk sums added at the next level, four levels; rowSum splits a row
//     into four interleaved accumulators first.
//
// Accumulation is in the tensor's own type (float32 sums in float32), as in
// ATen. var/std follow ATen's two paths (atenVar). The expected values in
// the unit tests come from PyTorch itself (scripts/gen-reduce-vectors.py).
//
//===----------------------------------------------------------------------===//

#include "Tensor/CascadeSum.h"
#include "Tensor/Loops.h"

#include <cmath>
#include <numeric>

namespace janus::rt {

namespace {

/// A vector of W lanes with lane-wise addition: ATen's Vectorized<T>.
template <typename T, int W> struct Lanes {
  T V[W];
  static Lanes zero() {
    Lanes L;
    for (int I = 0; I < W; ++I)
      L.V[I] = T(0);
    return L;
  }
  Lanes &operator+=(const Lanes &O) {
    for (int I = 0; I < W; ++I)
      V[I] += O.V[I];
    return *this;
  }
};

template <typename T> struct Scalars {
  static T zero() { return T(0); }
  static T load(const T *P) { return *P; }
};
template <typename T, int W> struct Vectors {
  static Lanes<T, W> zero() { return Lanes<T, W>::zero(); }
  static Lanes<T, W> load(const T *P) {
    Lanes<T, W> L;
    for (int I = 0; I < W; ++I)
      L.V[I] = P[I];
    return L;
  }
};

int64_t ceilLog2(int64_t X) {
  if (X <= 2)
    return 1;
  int64_t Bits = 0;
  for (uint64_t V = static_cast<uint64_t>(X - 1); V; V >>= 1)
    ++Bits;
  return Bits;
}

/// Sums NRows columns at once (column K's element I at
/// In[I * RowStride + K * ColStride]) over Size rows with the four-level
/// cascade: level 0 adds 2^P rows, then carries into level 1, and so on,
/// a carry stopping at the first level whose chunk is not complete.
template <typename T, typename Policy, int NRows>
void multiRowSum(const T *In, int64_t RowStride, int64_t ColStride,
                 int64_t Size, decltype(Policy::zero()) (&Out)[NRows]) {
  using Acc = decltype(Policy::zero());
  constexpr int Levels = 4;
  const int64_t Power = std::max<int64_t>(4, ceilLog2(Size) / Levels);
  const int64_t Step = int64_t(1) << Power;
  const int64_t Mask = Step - 1;
  Acc Sums[Levels][NRows];
  for (auto &Level : Sums)
    for (Acc &S : Level)
      S = Policy::zero();
  int64_t I = 0;
  while (I + Step <= Size) {
    for (int64_t J = 0; J < Step; ++J, ++I)
      for (int K = 0; K < NRows; ++K)
        Sums[0][K] += Policy::load(In + I * RowStride + K * ColStride);
    for (int L = 1; L < Levels; ++L) {
      for (int K = 0; K < NRows; ++K) {
        Sums[L][K] += Sums[L - 1][K];
        Sums[L - 1][K] = Policy::zero();
      }
      if ((I & (Mask << (L * Power))) != 0)
        break;
    }
  }
  for (; I < Size; ++I)
    for (int K = 0; K < NRows; ++K)
      Sums[0][K] += Policy::load(In + I * RowStride + K * ColStride);
  for (int L = 1; L < Levels; ++L)
    for (int K = 0; K < NRows; ++K)
      Sums[0][K] += Sums[L][K];
  for (int K = 0; K < NRows; ++K)
    Out[K] = Sums[0][K];
}

/// One row of Size elements Stride apart, as four interleaved cascades
/// (instruction-level parallelism in ATen) added together at the end.
template <typename T, typename Policy>
decltype(Policy::zero()) rowSum(const T *In, int64_t Stride, int64_t Size) {
  using Acc = decltype(Policy::zero());
  constexpr int Ilp = 4;
  const int64_t SizeIlp = Size / Ilp;
  Acc Partial[Ilp];
  multiRowSum<T, Policy, Ilp>(In, Stride * Ilp, Stride, SizeIlp, Partial);
  for (int64_t I = SizeIlp * Ilp; I < Size; ++I)
    Partial[0] += Policy::load(In + I * Stride);
  for (int K = 1; K < Ilp; ++K)
    Partial[0] += Partial[K];
  return Partial[0];
}

/// The 2-D step of ATen's cascade_sum: Size0 x Size1 input elements
/// reduced into Out (which already holds partial sums).
template <typename T>
void sum2D(const T *In, T *Out, int64_t InS0, int64_t InS1, int64_t OutS0,
           int64_t OutS1, int64_t Size0, int64_t Size1) {
  constexpr int W = 32 / sizeof(T); // 8 floats or 4 doubles
  using Vec = Vectors<T, W>;
  using Sca = Scalars<T>;
  if (OutS0 != 0 && OutS1 == 0) {
    std::swap(InS0, InS1);
    std::swap(OutS0, OutS1);
    std::swap(Size0, Size1);
  }
  if (OutS0 != 0 && OutS1 != 0) {
    // Not a reduction here (kept dims only): element-wise accumulation.
    for (int64_t J = 0; J < Size1; ++J)
      for (int64_t I = 0; I < Size0; ++I)
        Out[J * OutS1 + I * OutS0] += In[J * InS1 + I * InS0];
    return;
  }
  const int64_t OutStride = OutS1;
  if (InS0 == 1 && Size0 >= W) {
    // Contiguous inner reduction: each row as vectors, its tail, then the
    // vector's lanes in order.
    const int64_t VecCount = Size0 / W;
    for (int64_t J = 0; J < Size1; ++J) {
      const T *Row = In + J * InS1;
      Lanes<T, W> VecAcc = rowSum<T, Vec>(Row, W, VecCount);
      T Final = 0;
      for (int64_t K = VecCount * W; K < Size0; ++K)
        Final += Row[K];
      for (int K = 0; K < W; ++K)
        Final += VecAcc.V[K];
      Out[J * OutStride] += Final;
    }
  } else if (InS1 == 1 && Size1 >= W) {
    // Contiguous outer reduction: four vectors of columns at a time with
    // one cascade each, then single vectors, then single columns.
    constexpr int NRows = 4;
    int64_t J = 0;
    for (; J + NRows * W <= Size1; J += NRows * W) {
      Lanes<T, W> Sums[NRows];
      multiRowSum<T, Vec, NRows>(In + J, InS0, W, Size0, Sums);
      for (int R = 0; R < NRows; ++R)
        for (int K = 0; K < W; ++K)
          Out[(J + R * W + K) * OutStride] += Sums[R].V[K];
    }
    for (; J + W <= Size1; J += W) {
      Lanes<T, W> Sums = rowSum<T, Vec>(In + J, InS0, Size0);
      for (int K = 0; K < W; ++K)
        Out[(J + K) * OutStride] += Sums.V[K];
    }
    for (; J < Size1; ++J)
      Out[J * OutStride] += rowSum<T, Sca>(In + J, InS0, Size0);
  } else if (InS0 < InS1) {
    for (int64_t J = 0; J < Size1; ++J)
      Out[J * OutStride] += rowSum<T, Sca>(In + J * InS1, InS0, Size0);
  } else {
    constexpr int NRows = 4;
    int64_t J = 0;
    for (; J + (NRows - 1) < Size1; J += NRows) {
      T Sums[NRows];
      multiRowSum<T, Sca, NRows>(In + J * InS1, InS0, InS1, Size0, Sums);
      for (int R = 0; R < NRows; ++R)
        Out[(J + R) * OutStride] += Sums[R];
    }
    for (; J < Size1; ++J)
      Out[J * OutStride] += rowSum<T, Sca>(In + J * InS1, InS0, Size0);
  }
}

/// Calls Fn(InOffset, OutOffset) for every index of the walk's dims from
/// First on (dim First fastest), with the element offsets of that index.
template <typename F>
void forEachOuter(const ReductionWalk &Wk, size_t First, F &&Fn) {
  size_t N = Wk.Sizes.size();
  std::vector<int64_t> Index(N > First ? N - First : 0, 0);
  int64_t InOff = 0, OutOff = 0;
  for (;;) {
    Fn(InOff, OutOff);
    size_t D = 0;
    for (; D < Index.size(); ++D) {
      size_t Dim = First + D;
      InOff += Wk.InStrides[Dim];
      OutOff += Wk.OutStrides[Dim];
      if (++Index[D] < Wk.Sizes[Dim])
        break;
      InOff -= Wk.InStrides[Dim] * Wk.Sizes[Dim];
      OutOff -= Wk.OutStrides[Dim] * Wk.Sizes[Dim];
      Index[D] = 0;
    }
    if (D == Index.size())
      return;
  }
}

template <typename T>
void cascadeSumInto(const Tensor &A, const ReductionWalk &Wk, T *Out) {
  const T *In = A.dataPtr<T>();
  size_t N = Wk.Sizes.size();
  int64_t S0 = N > 0 ? Wk.Sizes[0] : 1, S1 = N > 1 ? Wk.Sizes[1] : 1;
  int64_t I0 = N > 0 ? Wk.InStrides[0] : 0, I1 = N > 1 ? Wk.InStrides[1] : 0;
  int64_t O0 = N > 0 ? Wk.OutStrides[0] : 0, O1 = N > 1 ? Wk.OutStrides[1] : 0;
  forEachOuter(Wk, 2, [&](int64_t InOff, int64_t OutOff) {
    sum2D<T>(In + InOff, Out + OutOff, I0, I1, O0, O1, S0, S1);
  });
}

/// Welford's running mean and sum of squared deviations in float64, with
/// ATen's update (WelfordOps::reduce) for one element. ATen's kernel is
/// compiled for AVX2 with FMA and GCC's default floating-point contraction,
/// so its m2 + delta * new_delta is one fused multiply-add.
struct Welford {
  double Mean = 0, M2 = 0;
  int64_t N = 0;
  void add(double X) {
    ++N;
    double Delta = X - Mean;
    Mean += Delta / static_cast<double>(N);
    M2 = std::fma(Delta, X - Mean, M2);
  }
};

} // namespace

ReductionWalk planReduction(const Tensor &A, const Shape &Dims, bool KeepDim) {
  int64_t Rank = A.dim();
  std::vector<bool> Reduced = reducedDimMask(Rank, Dims);
  ReductionWalk Wk;
  // The output's strides: contiguous over the kept dims, 0 on reduced ones.
  Shape OutStride(Rank, 0);
  int64_t Step = 1;
  for (int64_t D = Rank - 1; D >= 0; --D)
    if (!Reduced[D]) {
      OutStride[D] = Step;
      Step *= A.sizes()[D];
    }
  for (int64_t D = 0; D < Rank; ++D) {
    if (!Reduced[D])
      Wk.OutShape.push_back(A.sizes()[D]);
    else if (KeepDim)
      Wk.OutShape.push_back(1);
  }
  Wk.OutNumel = Step;
  // TensorIterator's order: start innermost first, then an insertion sort
  // that moves reduced dims to the front and orders by stride (output's
  // first, then the input's; a smaller size first on equal strides).
  std::vector<int64_t> Perm;
  for (int64_t D = Rank - 1; D >= 0; --D)
    Perm.push_back(D);
  auto ShouldSwap = [&](int64_t D0, int64_t D1) {
    int64_t O0 = OutStride[D0], O1 = OutStride[D1];
    if ((O0 == 0) != (O1 == 0))
      return O1 == 0 ? 1 : -1;
    const Shape &Sizes = A.sizes();
    auto Compare = [&](int64_t S0, int64_t S1) {
      if (S0 == 0 || S1 == 0)
        return 0;
      if (S0 < S1)
        return -1;
      if (S0 > S1)
        return 1;
      return Sizes[D0] > Sizes[D1] ? 1 : 0;
    };
    if (int C = Compare(O0, O1))
      return C;
    return Compare(A.strides()[D0], A.strides()[D1]);
  };
  for (size_t I = 1; I < Perm.size(); ++I) {
    size_t D1 = I;
    for (size_t D0 = I; D0-- > 0;) {
      int C = ShouldSwap(Perm[D0], Perm[D1]);
      if (C > 0) {
        std::swap(Perm[D0], Perm[D1]);
        D1 = D0;
      } else if (C < 0) {
        break;
      }
    }
  }
  for (int64_t D : Perm) {
    Wk.Sizes.push_back(A.sizes()[D]);
    Wk.InStrides.push_back(A.strides()[D]);
    Wk.OutStrides.push_back(OutStride[D]);
  }
  // Coalescing: a dim merges into the previous one when either has size 1
  // or both operands step through it as a continuation of the previous.
  if (!Wk.Sizes.empty()) {
    size_t Prev = 0;
    for (size_t D = 1; D < Wk.Sizes.size(); ++D) {
      int64_t S0 = Wk.Sizes[Prev], S1 = Wk.Sizes[D];
      bool Merge = S0 == 1 || S1 == 1 ||
                   (S0 * Wk.InStrides[Prev] == Wk.InStrides[D] &&
                    S0 * Wk.OutStrides[Prev] == Wk.OutStrides[D]);
      if (Merge) {
        if (S0 == 1) {
          Wk.InStrides[Prev] = Wk.InStrides[D];
          Wk.OutStrides[Prev] = Wk.OutStrides[D];
        }
        Wk.Sizes[Prev] *= S1;
      } else {
        ++Prev;
        Wk.Sizes[Prev] = S1;
        Wk.InStrides[Prev] = Wk.InStrides[D];
        Wk.OutStrides[Prev] = Wk.OutStrides[D];
      }
    }
    Wk.Sizes.resize(Prev + 1);
    Wk.InStrides.resize(Prev + 1);
    Wk.OutStrides.resize(Prev + 1);
  }
  return Wk;
}

Tensor cascadeSum(const Tensor &A, const Shape &Dims, bool KeepDim) {
  ReductionWalk Wk = planReduction(A, Dims, KeepDim);
  Tensor Out = zeros(Wk.OutShape, A.dtype());
  if (A.numel() == 0)
    return Out;
  if (A.dtype() == DType::Float32)
    cascadeSumInto<float>(A, Wk, Out.dataPtr<float>());
  else
    cascadeSumInto<double>(A, Wk, Out.dataPtr<double>());
  return Out;
}

Tensor atenVar(const Tensor &A, const Shape &Dims, double Correction,
               bool KeepDim, bool TakeSqrt) {
  ReductionWalk Wk = planReduction(A, Dims, KeepDim);
  Tensor Out = empty(Wk.OutShape, A.dtype());
  auto Store = [&](int64_t I, double V) {
    if (A.dtype() == DType::Float32)
      Out.dataPtr<float>()[I] = static_cast<float>(V);
    else
      Out.dataPtr<double>()[I] = V;
  };
  if (A.numel() == 0) {
    for (int64_t I = 0; I < Out.numel(); ++I)
      Store(I, std::numeric_limits<double>::quiet_NaN());
    return Out;
  }
  bool AllReduced = true;
  for (int64_t S : Wk.OutStrides)
    AllReduced = AllReduced && S == 0;
  dispatch(A.dtype(), [&](auto Tag) {
    using T = decltype(Tag);
    if constexpr (std::is_floating_point_v<T>) {
      const T *In = A.dataPtr<T>();
      if (AllReduced) {
        // ATen's std_var_all_cpu: the mean as the tensor's own mean (a
        // cascade sum divided in T), then squared deviations summed in
        // float64 in memory-walk order.
        Tensor Sum = cascadeSum(A, {}, false);
        double Mean = static_cast<double>(*Sum.template dataPtr<T>() /
                                          static_cast<T>(A.numel()));
        double SumDx2 = 0;
        ReductionWalk All = planReduction(A, {}, false);
        forEachOuter(All, 0, [&](int64_t InOff, int64_t) {
          double Dx = static_cast<double>(In[InOff]) - Mean;
          SumDx2 += Dx * Dx;
        });
        double Var =
            SumDx2 / std::max(0.0, static_cast<double>(A.numel()) - Correction);
        Store(0, TakeSqrt ? std::sqrt(Var) : Var);
        return;
      }
      // Welford per output element, over its elements in walk order (the
      // reduced dims lead the walk).
      size_t NRed = 0;
      while (NRed < Wk.Sizes.size() && Wk.OutStrides[NRed] == 0)
        ++NRed;
      ReductionWalk Inner = Wk, Outer = Wk;
      Inner.Sizes.resize(NRed);
      Inner.InStrides.resize(NRed);
      Inner.OutStrides.resize(NRed);
      forEachOuter(Outer, NRed, [&](int64_t InOff, int64_t OutOff) {
        Welford W;
        forEachOuter(Inner, 0, [&](int64_t Off, int64_t) {
          W.add(static_cast<double>(In[InOff + Off]));
        });
        double N = static_cast<double>(W.N);
        double Divisor = N > Correction ? N - Correction : 0.0;
        double Var = W.M2 / Divisor;
        Store(OutOff, TakeSqrt ? std::sqrt(Var) : Var);
      });
    }
  });
  return Out;
}

} // namespace janus::rt

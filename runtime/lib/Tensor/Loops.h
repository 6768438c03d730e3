//===- Loops.h - dtype dispatch and strided loops ---------------*- C++ -*-===//
//
// Internal to runtime/lib/Tensor. `dispatch` turns a runtime DType into a
// C++ element type for a generic lambda; `forEachRow` walks N operands of
// one shape (broadcast operands already expanded, i.e. stride 0) row by row,
// after merging the dimensions that all operands step through as one, and
// `map1`/`map2`/`map3` build elementwise kernels on top of it. When every
// operand is contiguous the whole tensor is one row whose strides are the
// element sizes, and the row loops test for that so that the common case is
// a plain indexed loop the compiler can vectorize. `forEachRowParallel`
// (used by map1/map2/map3, whose functions are pure) splits the same walk
// over the intra-op threads when there are more than ElementwiseGrain
// elements; each element is still computed by the same function, so the
// result does not depend on the thread count.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_LOOPS_H
#define JANUS_RUNTIME_TENSOR_LOOPS_H

#include "Tensor/Tensor.h"
#include "Threading/Parallel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace janus::rt {

template <typename F> decltype(auto) dispatch(DType T, F &&Fn) {
  switch (T) {
  case DType::Bool:
    return Fn(bool{});
  case DType::Int64:
    return Fn(int64_t{});
  case DType::Float32:
    return Fn(float{});
  case DType::Float64:
    break;
  }
  return Fn(double{});
}

/// Element conversion with PyTorch's semantics (anything nonzero is true;
/// floating to integer truncates).
template <typename To, typename From> inline To convertElement(From V) {
  if constexpr (std::is_same_v<To, bool>)
    return V != From(0);
  else
    return static_cast<To>(V);
}

namespace detail {
/// A strided walk with its dimensions coalesced: adjacent dimensions that
/// every operand steps through as one (stride[d] == stride[d + 1] *
/// size[d + 1]) and dimensions of size 1 are merged, so a broadcast scalar
/// or a contiguous slab of a larger tensor becomes one long row instead of
/// many short ones. Strides are in bytes; Sizes has rank >= 1.
template <size_t N> struct Walk {
  Shape Sizes;
  std::array<Shape, N> Strides;
};

template <size_t N>
Walk<N> coalesce(const Shape &Sizes,
                 const std::array<const TensorImpl *, N> &Ops) {
  Walk<N> W;
  size_t Rank = Sizes.size();
  std::array<int64_t, N> Elem;
  for (size_t I = 0; I < N; ++I)
    Elem[I] = static_cast<int64_t>(elementSize(Ops[I]->dtype()));
  // Built innermost first, reversed at the end.
  for (size_t D = Rank; D-- > 0;) {
    if (Sizes[D] == 1 && !W.Sizes.empty())
      continue;
    bool Merge = !W.Sizes.empty();
    for (size_t I = 0; Merge && I < N; ++I)
      Merge = Ops[I]->strides()[D] * Elem[I] ==
              W.Strides[I].back() * W.Sizes.back();
    if (Merge && W.Sizes.back() != 1) {
      W.Sizes.back() *= Sizes[D];
      continue;
    }
    if (!W.Sizes.empty() && W.Sizes.back() == 1) {
      // A size-1 innermost group takes the strides of what follows.
      W.Sizes.back() = Sizes[D];
      for (size_t I = 0; I < N; ++I)
        W.Strides[I].back() = Ops[I]->strides()[D] * Elem[I];
      continue;
    }
    W.Sizes.push_back(Sizes[D]);
    for (size_t I = 0; I < N; ++I)
      W.Strides[I].push_back(Ops[I]->strides()[D] * Elem[I]);
  }
  std::reverse(W.Sizes.begin(), W.Sizes.end());
  for (size_t I = 0; I < N; ++I)
    std::reverse(W.Strides[I].begin(), W.Strides[I].end());
  return W;
}

/// Calls Row for rows [R0, R1) of a coalesced walk: row R starts at the
/// element whose outer indices are R unravelled.
template <size_t N, typename RowFn>
void walkRows(const Walk<N> &W, const std::array<char *, N> &Base, int64_t R0,
              int64_t R1, RowFn &Row) {
  const Shape &Sizes = W.Sizes;
  size_t Rank = Sizes.size();
  std::array<int64_t, N> Inner;
  for (size_t I = 0; I < N; ++I)
    Inner[I] = W.Strides[I][Rank - 1];
  Shape Counter(Rank, 0);
  std::array<char *, N> Ptrs = Base;
  for (int64_t D = static_cast<int64_t>(Rank) - 2, Rem = R0; D >= 0; --D) {
    Counter[D] = Rem % Sizes[D];
    Rem /= Sizes[D];
    for (size_t I = 0; I < N; ++I)
      Ptrs[I] += Counter[D] * W.Strides[I][D];
  }
  for (int64_t R = R0; R < R1; ++R) {
    Row(Ptrs, Inner, Sizes[Rank - 1]);
    // Advance the odometer over the outer dimensions.
    for (size_t D = Rank - 1; D-- > 0;) {
      if (++Counter[D] < Sizes[D]) {
        for (size_t I = 0; I < N; ++I)
          Ptrs[I] += W.Strides[I][D];
        break;
      }
      for (size_t I = 0; I < N; ++I)
        Ptrs[I] -= (Sizes[D] - 1) * W.Strides[I][D];
      Counter[D] = 0;
    }
  }
}

/// Shared by forEachRow and forEachRowParallel.
template <size_t N, typename RowFn>
void forEachRowImpl(const Shape &Sizes,
                    const std::array<const TensorImpl *, N> &Ops, RowFn &Row,
                    bool Parallel) {
  std::array<char *, N> Base;
  bool AllContiguous = true;
  int64_t Numel = 1;
  for (int64_t S : Sizes)
    Numel *= S;
  if (Numel == 0)
    return;
  for (size_t I = 0; I < N; ++I) {
    Base[I] = Ops[I]->data();
    AllContiguous &= Ops[I]->isContiguous() && Ops[I]->sizes() == Sizes;
  }
  Parallel = Parallel && Numel > ElementwiseGrain && numThreads() > 1;
  if (AllContiguous || Sizes.empty()) {
    std::array<int64_t, N> Inner;
    for (size_t I = 0; I < N; ++I)
      Inner[I] = static_cast<int64_t>(elementSize(Ops[I]->dtype()));
    if (!Parallel) {
      Row(Base, Inner, Numel);
      return;
    }
    parallelFor(0, Numel, ElementwiseGrain, [&](int64_t B, int64_t E) {
      std::array<char *, N> P;
      for (size_t I = 0; I < N; ++I)
        P[I] = Base[I] + B * Inner[I];
      Row(P, Inner, E - B);
    });
    return;
  }
  Walk<N> W = coalesce<N>(Sizes, Ops);
  int64_t Len = W.Sizes.back(), Rows = Numel / Len;
  if (!Parallel) {
    walkRows<N>(W, Base, 0, Rows, Row);
    return;
  }
  int64_t GrainRows = std::max<int64_t>(1, ElementwiseGrain / Len);
  parallelFor(0, Rows, GrainRows, [&](int64_t R0, int64_t R1) {
    walkRows<N>(W, Base, R0, R1, Row);
  });
}
} // namespace detail

/// Calls Row(Ptrs, ByteStrides, Count) for each innermost row of Sizes.
template <size_t N, typename RowFn>
void forEachRow(const Shape &Sizes,
                const std::array<const TensorImpl *, N> &Ops, RowFn Row) {
  detail::forEachRowImpl<N>(Sizes, Ops, Row, /*Parallel=*/false);
}

/// forEachRow over the intra-op threads: Row may run concurrently on
/// disjoint pieces of rows, so it must only write the elements it visits.
template <size_t N, typename RowFn>
void forEachRowParallel(const Shape &Sizes,
                        const std::array<const TensorImpl *, N> &Ops,
                        RowFn Row) {
  detail::forEachRowImpl<N>(Sizes, Ops, Row, /*Parallel=*/true);
}

/// Out[i] = Fn(A[i]); A has Out's shape (possibly stride 0).
template <typename TO, typename TA, typename F>
void map1(const Tensor &Out, const Tensor &A, F Fn) {
  forEachRowParallel<2>(
      Out.sizes(), {Out.get(), A.get()},
      [&](std::array<char *, 2> P, std::array<int64_t, 2> S, int64_t N) {
        auto *O = reinterpret_cast<TO *>(P[0]);
        auto *X = reinterpret_cast<const TA *>(P[1]);
        if (S[0] == sizeof(TO) && S[1] == sizeof(TA)) {
          for (int64_t I = 0; I < N; ++I)
            O[I] = Fn(X[I]);
          return;
        }
        for (int64_t I = 0; I < N; ++I)
          *reinterpret_cast<TO *>(P[0] + I * S[0]) =
              Fn(*reinterpret_cast<const TA *>(P[1] + I * S[1]));
      });
}

/// Out[i] = Fn(A[i], B[i]).
template <typename TO, typename TA, typename TB, typename F>
void map2(const Tensor &Out, const Tensor &A, const Tensor &B, F Fn) {
  forEachRowParallel<3>(
      Out.sizes(), {Out.get(), A.get(), B.get()},
      [&](std::array<char *, 3> P, std::array<int64_t, 3> S, int64_t N) {
        auto *O = reinterpret_cast<TO *>(P[0]);
        auto *X = reinterpret_cast<const TA *>(P[1]);
        auto *Y = reinterpret_cast<const TB *>(P[2]);
        if (S[0] == sizeof(TO) && S[1] == sizeof(TA) && S[2] == sizeof(TB)) {
          for (int64_t I = 0; I < N; ++I)
            O[I] = Fn(X[I], Y[I]);
          return;
        }
        if (S[0] == sizeof(TO) && S[1] == sizeof(TA) && S[2] == 0) {
          TB YV = *Y; // Tensor op scalar, the other common case.
          for (int64_t I = 0; I < N; ++I)
            O[I] = Fn(X[I], YV);
          return;
        }
        for (int64_t I = 0; I < N; ++I)
          *reinterpret_cast<TO *>(P[0] + I * S[0]) =
              Fn(*reinterpret_cast<const TA *>(P[1] + I * S[1]),
                 *reinterpret_cast<const TB *>(P[2] + I * S[2]));
      });
}

/// Out[i] = Fn(A[i], B[i], C[i]).
template <typename TO, typename TA, typename TB, typename TC, typename F>
void map3(const Tensor &Out, const Tensor &A, const Tensor &B, const Tensor &C,
          F Fn) {
  forEachRowParallel<4>(
      Out.sizes(), {Out.get(), A.get(), B.get(), C.get()},
      [&](std::array<char *, 4> P, std::array<int64_t, 4> S, int64_t N) {
        auto *O = reinterpret_cast<TO *>(P[0]);
        auto *X = reinterpret_cast<const TA *>(P[1]);
        auto *Y = reinterpret_cast<const TB *>(P[2]);
        auto *Z = reinterpret_cast<const TC *>(P[3]);
        // Contiguous rows, and where(mask, x, scalar) / where(mask, scalar,
        // x) (relu's backward), as plain indexed loops.
        if (S[0] == sizeof(TO) && S[1] == sizeof(TA)) {
          bool YRow = S[2] == sizeof(TB), ZRow = S[3] == sizeof(TC);
          if (YRow && ZRow) {
            for (int64_t I = 0; I < N; ++I)
              O[I] = Fn(X[I], Y[I], Z[I]);
            return;
          }
          if (YRow && S[3] == 0) {
            TC ZV = *Z;
            for (int64_t I = 0; I < N; ++I)
              O[I] = Fn(X[I], Y[I], ZV);
            return;
          }
          if (S[2] == 0 && ZRow) {
            TB YV = *Y;
            for (int64_t I = 0; I < N; ++I)
              O[I] = Fn(X[I], YV, Z[I]);
            return;
          }
        }
        for (int64_t I = 0; I < N; ++I)
          *reinterpret_cast<TO *>(P[0] + I * S[0]) =
              Fn(*reinterpret_cast<const TA *>(P[1] + I * S[1]),
                 *reinterpret_cast<const TB *>(P[2] + I * S[2]),
                 *reinterpret_cast<const TC *>(P[3] + I * S[3]));
      });
}

/// C ? X : Y without a branch: on the bits, through a mask, so that a
/// data-dependent condition (relu's mask, a max-pool window) is not a
/// mispredicted jump per element and the loop can vectorize.
template <typename T> inline T selectBits(bool C, T X, T Y) {
  if constexpr (std::is_floating_point_v<T>) {
    using U = std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>;
    U XB, YB;
    std::memcpy(&XB, &X, sizeof(T));
    std::memcpy(&YB, &Y, sizeof(T));
    U Mask = U(0) - U(C);
    U R = (XB & Mask) | (YB & ~Mask);
    T Out;
    std::memcpy(&Out, &R, sizeof(T));
    return Out;
  } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    T Mask = T(0) - T(C);
    return (X & Mask) | (Y & ~Mask);
  } else {
    return C ? X : Y;
  }
}

/// Dst[i] = convert(Src[i]) for Src already of Dst's shape (Creation.cpp).
void copyElements(const Tensor &Dst, const Tensor &Src);

/// A tensor rearranged for reduction: the reduced dimensions innermost and
/// everything contiguous, so row R is Data[R * Len, (R + 1) * Len).
struct RowView {
  Tensor Data;
  int64_t Rows = 1, Len = 1;
  Shape OutShape; // Shape of the reduced result.
};
/// Converts A to T and moves Dims (all dims if empty) to the end (Reduce.cpp).
RowView reduceRows(const Tensor &A, const Shape &Dims, bool KeepDim, DType T);

} // namespace janus::rt

#endif // JANUS_RUNTIME_TENSOR_LOOPS_H

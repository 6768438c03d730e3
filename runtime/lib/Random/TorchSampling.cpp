//===- TorchSampling.cpp - torch.randperm and torch.multinomial on the CPU ===//
//
// The two index-sampling kernels of torch's CPU generator.
//
// randperm is a forward Fisher-Yates over 0..N-1 with one 32-bit word per
// swap, `z = word % (N - i)`, for every N. (Later PyTorch releases switch to
// an "inside-out" shuffle with 64-bit draws from N >= UINT32_MAX / 20; 1.13
// does not: checked against it at N = 214748364, the first such size.)
//
// multinomial without replacement is the Gumbel-max trick: q ~ Exp(1) for
// every weight, then the arg-max (one sample) or top-k of p / q per row.
// With replacement (even for one sample: 1.13 has no shortcut there) it is
// an inverse-CDF binary search per sample over the row's normalised running
// sum, computed in the weights' dtype.
//
//===----------------------------------------------------------------------===//

#include "Random/TorchGenerator.h"

#include <algorithm>
#include <numeric>
#include <vector>

using namespace janus::rt;

void TorchGenerator::randperm(int64_t *Out, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = I;
  for (int64_t I = 0; I < N - 1; ++I) {
    const uint64_t Z = random() % static_cast<uint64_t>(N - I);
    std::swap(Out[I], Out[I + static_cast<int64_t>(Z)]);
  }
}

namespace {

template <typename T>
void multinomialImpl(TorchGenerator &Gen, int64_t *Out, const T *Probs,
                     int64_t NumDists, int64_t NumCategories,
                     int64_t NumSamples, bool Replacement) {
  if (!Replacement) {
    // q = empty_like(p).exponential_(1); q = p / q, in p's dtype.
    const int64_t Total = NumDists * NumCategories;
    std::vector<T> Q(static_cast<size_t>(Total));
    Gen.exponential(Q.data(), Total, 1.0);
    for (int64_t I = 0; I < Total; ++I)
      Q[I] = Probs[I] / Q[I];
    std::vector<int64_t> Order(static_cast<size_t>(NumCategories));
    for (int64_t D = 0; D < NumDists; ++D) {
      const T *Row = Q.data() + D * NumCategories;
      int64_t *OutRow = Out + D * NumSamples;
      if (NumSamples == 1) {
        // argmax: the first index holding the largest value.
        OutRow[0] = std::max_element(Row, Row + NumCategories) - Row;
        continue;
      }
      // topk(NumSamples), largest first. Exact ties (only zero weights in
      // practice) are broken by index here; torch leaves their order
      // unspecified.
      std::iota(Order.begin(), Order.end(), 0);
      std::sort(Order.begin(), Order.end(), [&](int64_t A, int64_t B) {
        return Row[A] > Row[B] || (Row[A] == Row[B] && A < B);
      });
      std::copy(Order.begin(), Order.begin() + NumSamples, OutRow);
    }
    return;
  }

  std::vector<T> CumDist(static_cast<size_t>(NumCategories));
  for (int64_t D = 0; D < NumDists; ++D) {
    const T *Row = Probs + D * NumCategories;
    T Sum = 0;
    for (int64_t J = 0; J < NumCategories; ++J) {
      Sum += Row[J];
      CumDist[J] = Sum;
    }
    for (int64_t J = 0; J < NumCategories; ++J)
      CumDist[J] /= Sum;
    // The last bucket is forced to 1 so rounding never leaves a gap.
    CumDist[NumCategories - 1] = 1;
    for (int64_t S = 0; S < NumSamples; ++S) {
      double U[1];
      Gen.rand(U, 1);
      int64_t Left = 0, Right = NumCategories;
      while (Right - Left > 0) {
        const int64_t Mid = Left + (Right - Left) / 2;
        if (CumDist[Mid] < U[0])
          Left = Mid + 1;
        else
          Right = Mid;
      }
      Out[D * NumSamples + S] = Left;
    }
  }
}

} // namespace

void TorchGenerator::multinomial(int64_t *Out, const float *Probs,
                                 int64_t NumDists, int64_t NumCategories,
                                 int64_t NumSamples, bool Replacement) {
  multinomialImpl(*this, Out, Probs, NumDists, NumCategories, NumSamples,
                  Replacement);
}

void TorchGenerator::multinomial(int64_t *Out, const double *Probs,
                                 int64_t NumDists, int64_t NumCategories,
                                 int64_t NumSamples, bool Replacement) {
  multinomialImpl(*this, Out, Probs, NumDists, NumCategories, NumSamples,
                  Replacement);
}

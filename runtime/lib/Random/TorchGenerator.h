//===- TorchGenerator.h - PyTorch 1.13's CPU random generator ---*- C++ -*-===//
//
// A bit-for-bit reimplementation of PyTorch 1.13's CPU generator
// (CPUGeneratorImpl) and of the CPU kernels that draw from it: rand/uniform_,
// randn/normal_, randint, randperm, bernoulli, multinomial, exponential_ and
// the dropout mask. After `manualSeed(s)`, every call here consumes the
// Mersenne Twister exactly as the matching torch call does, so a Janus
// program and the same program under PyTorch see the same numbers.
//
// The API works on raw contiguous buffers; the tensor layer maps tensor
// calls onto it (one call per torch call: splitting a call changes results,
// because several kernels pick their algorithm from the element count).
//
// PyTorch dispatches some kernels per CPU capability and they round
// differently; `CpuKernel` names which build to reproduce (see
// docs/runtime.md, "Random numbers").
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_RANDOM_TORCHGENERATOR_H
#define JANUS_RUNTIME_RANDOM_TORCHGENERATOR_H

#include "Random/MT19937.h"

#include <cstdint>
#include <optional>

namespace janus::rt {

/// Which of ATen's per-CPU-capability kernel builds to reproduce. PyTorch
/// 1.13 runs its AVX2 build on any CPU that has AVX2 (AVX-512 only when
/// ATEN_CPU_CAPABILITY=avx512 asks for it, which is not reproduced here), so
/// Avx2 is the default; Default is the baseline build that CPUs without AVX2
/// (or ATEN_CPU_CAPABILITY=default) run. They differ in float32 normal_ of 16+
/// elements (vector polynomials vs libm) and in whether `x * std + mean`
/// style multiply-adds are fused.
enum class TorchCpuKernel { Avx2, Default };

class TorchGenerator {
public:
  /// c10's default_rng_seed_val, the seed of a generator nobody seeded.
  static constexpr uint64_t DefaultSeed = 67280421310721ull;

  explicit TorchGenerator(uint64_t Seed = DefaultSeed) { manualSeed(Seed); }

  /// The process-wide generator behind torch.manual_seed/torch.rand... Not
  /// thread-safe: callers serialise, as torch's generator mutex does.
  static TorchGenerator &defaultGenerator();

  /// torch.manual_seed: reseeds the engine from the low 32 bits and drops any
  /// cached normal sample; initialSeed() still reports all 64 bits.
  void manualSeed(uint64_t Seed);
  uint64_t initialSeed() const { return Seed; }

  void setCpuKernel(TorchCpuKernel K) { Kernel = K; }
  TorchCpuKernel cpuKernel() const { return Kernel; }

  /// One 32-bit word, and two words as one 64-bit value (first is high).
  uint32_t random() { return Engine.next(); }
  uint64_t random64() {
    uint64_t Hi = Engine.next();
    uint64_t Lo = Engine.next();
    return (Hi << 32) | Lo;
  }

  /// torch.rand / Tensor.uniform_(From, To). float consumes one word per
  /// element (24 bits), double two (53 bits).
  void rand(float *Out, int64_t N) { uniform(Out, N, 0.0, 1.0); }
  void rand(double *Out, int64_t N) { uniform(Out, N, 0.0, 1.0); }
  void uniform(float *Out, int64_t N, double From, double To);
  void uniform(double *Out, int64_t N, double From, double To);

  /// torch.randn / Tensor.normal_(Mean, Std). Below 16 elements each value
  /// comes from a scalar Box-Muller in double; from 16 on, all N uniforms are
  /// drawn first and transformed in blocks of 16, the last partial block
  /// being redrawn (see TorchNormal.cpp).
  void normal(float *Out, int64_t N, double Mean = 0.0, double Std = 1.0);
  void normal(double *Out, int64_t N, double Mean = 0.0, double Std = 1.0);

  /// torch.randint(Low, High, (N,)) (int64): (word % (High - Low)) + Low,
  /// from a 64-bit draw when the range is 2^32 or more.
  void randint(int64_t *Out, int64_t N, int64_t Low, int64_t High);

  /// torch.randperm(N) (int64): Fisher-Yates, one 32-bit word per swap.
  void randperm(int64_t *Out, int64_t N);

  /// Tensor.bernoulli_(P) with a scalar P: Out[i] = uniform53() < P.
  void bernoulli(float *Out, int64_t N, double P);
  void bernoulli(double *Out, int64_t N, double P);
  /// torch.bernoulli(Probs) / Tensor.bernoulli_(Probs) with a probability
  /// tensor of the same dtype: 24-bit uniforms for float, 53-bit for double.
  void bernoulli(float *Out, const float *Probs, int64_t N);
  void bernoulli(double *Out, const double *Probs, int64_t N);

  /// Tensor.exponential_(Lambda).
  void exponential(float *Out, int64_t N, double Lambda = 1.0);
  void exponential(double *Out, int64_t N, double Lambda = 1.0);

  /// torch.multinomial(Probs, NumSamples, Replacement) for NumDists rows of
  /// NumCategories weights (a 1-D input is one row). Out has
  /// NumDists * NumSamples indices.
  void multinomial(int64_t *Out, const float *Probs, int64_t NumDists,
                   int64_t NumCategories, int64_t NumSamples, bool Replacement);
  void multinomial(int64_t *Out, const double *Probs, int64_t NumDists,
                   int64_t NumCategories, int64_t NumSamples, bool Replacement);

  /// The multiplier F.dropout(X, P, training=True) applies to a float32 X:
  /// Mask[i] is 0 or 1/(1-P) as float, so the result is X[i] * Mask[i].
  /// P == 1 gives zeros and P == 0 ones, as torch's shortcuts do, without
  /// drawing.
  void dropoutMask(float *Mask, int64_t N, double P);

  /// The cached second Box-Muller value of the scalar path, if any.
  std::optional<double> nextDoubleNormalSample() const {
    return NextDoubleNormal;
  }

  /// Equality of the engine state and the normal cache: two generators that
  /// compare equal produce the same numbers from here on.
  bool operator==(const TorchGenerator &Other) const {
    return Engine == Other.Engine && NextDoubleNormal == Other.NextDoubleNormal;
  }

private:
  double uniform53() {
    return static_cast<double>(random64() & ((1ull << 53) - 1)) *
           (1.0 / 9007199254740992.0);
  }
  float uniform24() {
    return static_cast<float>(random() & ((1u << 24) - 1)) *
           (1.0f / 16777216.0f);
  }
  /// at::normal_distribution<double>: a standard normal, from the cache or
  /// from a fresh Box-Muller pair whose sine half is cached.
  double standardNormal();

  MT19937 Engine;
  uint64_t Seed = DefaultSeed;
  std::optional<double> NextDoubleNormal;
  TorchCpuKernel Kernel = TorchCpuKernel::Avx2;
};

} // namespace janus::rt

#endif // JANUS_RUNTIME_RANDOM_TORCHGENERATOR_H

//===- RandomOps.h - torch.rand/randn/randint/... on tensors ----*- C++ -*-===//
//
// The random tensor ops of PyTorch 1.13 (CPU), bit for bit: each maps one
// torch call onto one call of the process-wide TorchGenerator
// (Random/TorchGenerator.h), which reproduces the generator's algorithms on
// raw buffers. This layer adds what the tensor call adds: dtype and shape
// handling, PyTorch's argument errors (thrown as TensorError), and, for the
// in-place ops on non-contiguous tensors, the order in which ATen's
// TensorIterator visits the elements (memory order: dims by decreasing
// stride), which decides which element gets which draw.
//
// Like torch's generator, none of this is thread-safe; callers serialise.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_RANDOMOPS_H
#define JANUS_RUNTIME_TENSOR_RANDOMOPS_H

#include "Random/TorchInit.h"
#include "Tensor/Tensor.h"

namespace janus::rt {

/// torch.manual_seed(Seed) on the default generator.
void manualSeed(uint64_t Seed);

/// torch.rand / torch.randn (T must be floating: Float32 or Float64).
Tensor rand(const Shape &Sizes, DType T = DType::Float32);
Tensor randn(const Shape &Sizes, DType T = DType::Float32);
/// torch.randint(Low, High, Sizes) (int64).
Tensor randint(int64_t Low, int64_t High, const Shape &Sizes);
/// torch.randperm(N) (int64).
Tensor randperm(int64_t N);
/// torch.multinomial(Probs, NumSamples, Replacement): Probs is a 1-D or 2-D
/// floating tensor of non-negative weights; int64 indices of shape
/// (NumSamples) or (rows, NumSamples).
Tensor multinomial(const Tensor &Probs, int64_t NumSamples,
                   bool Replacement = false);
/// torch.bernoulli(Probs): 0./1. in Probs' (floating) dtype.
Tensor bernoulli(const Tensor &Probs);

/// Self.bernoulli_(P), Self.uniform_(From, To), Self.normal_(Mean, Std):
/// in place, any layout; they return Self.
Tensor &bernoulliInPlace(Tensor &Self, double P);
Tensor &uniformInPlace(Tensor &Self, double From = 0.0, double To = 1.0);
Tensor &normalInPlace(Tensor &Self, double Mean = 0.0, double Std = 1.0);

/// torch.nn.init.kaiming_uniform_ / kaiming_normal_ / xavier_uniform_ /
/// xavier_normal_ on a floating weight of rank >= 2 (a ValueError below).
Tensor &kaimingUniformInPlace(Tensor &W, double A = 0.0,
                              FanMode Mode = FanMode::FanIn,
                              Nonlinearity NL = Nonlinearity::LeakyRelu);
Tensor &kaimingNormalInPlace(Tensor &W, double A = 0.0,
                             FanMode Mode = FanMode::FanIn,
                             Nonlinearity NL = Nonlinearity::LeakyRelu);
Tensor &xavierUniformInPlace(Tensor &W, double Gain = 1.0);
Tensor &xavierNormalInPlace(Tensor &W, double Gain = 1.0);
/// nn.Linear / nn.ConvNd reset_parameters: kaiming_uniform_(W, a=sqrt(5)),
/// then Bias (may be null) from +-1/sqrt(fan_in).
void resetLinearOrConv(Tensor &W, Tensor *Bias);

} // namespace janus::rt

#endif // JANUS_RUNTIME_TENSOR_RANDOMOPS_H

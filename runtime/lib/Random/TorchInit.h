//===- TorchInit.h - torch.nn.init and nn layer initialization -*- C++ -*-===//
//
// The parameter initialisers of torch.nn.init (1.13) as used by Janus's
// nn prelude: the bound/std each computes from a weight's shape in double
// precision exactly as torch/nn/init.py does, then one uniform_/normal_
// draw over the whole buffer from a TorchGenerator. `resetLinearOrConv`
// is what nn.Linear and nn.Conv*d's reset_parameters do (weight, then bias).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_RANDOM_TORCHINIT_H
#define JANUS_RUNTIME_RANDOM_TORCHINIT_H

#include "Random/TorchGenerator.h"

#include <cstdint>

namespace janus::rt {

/// The nonlinearities torch.nn.init.calculate_gain knows (the conv/linear
/// names all give 1, like Linear).
enum class Nonlinearity { Linear, Sigmoid, Tanh, Relu, LeakyRelu, Selu };
enum class FanMode { FanIn, FanOut };

struct Fans {
  int64_t FanIn;
  int64_t FanOut;
};

/// init._calculate_fan_in_and_fan_out for a weight of Rank >= 2 dimensions:
/// size(1) and size(0), each times the product of the remaining sizes.
Fans computeFans(const int64_t *Shape, int Rank);

/// init.calculate_gain; Param is leaky_relu's negative slope (0.01 when the
/// caller passes None).
double calculateGain(Nonlinearity NL, double Param = 0.01);

/// The bound kaiming_uniform_ draws in: sqrt(3) * gain / sqrt(fan).
double kaimingUniformBound(const int64_t *Shape, int Rank, double A = 0.0,
                           FanMode Mode = FanMode::FanIn,
                           Nonlinearity NL = Nonlinearity::LeakyRelu);

/// init.kaiming_uniform_ / kaiming_normal_ / xavier_uniform_ /
/// xavier_normal_ on a contiguous float32 weight of the given shape.
void kaimingUniform(TorchGenerator &Gen, float *W, const int64_t *Shape,
                    int Rank, double A = 0.0, FanMode Mode = FanMode::FanIn,
                    Nonlinearity NL = Nonlinearity::LeakyRelu);
void kaimingNormal(TorchGenerator &Gen, float *W, const int64_t *Shape,
                   int Rank, double A = 0.0, FanMode Mode = FanMode::FanIn,
                   Nonlinearity NL = Nonlinearity::LeakyRelu);
void xavierUniform(TorchGenerator &Gen, float *W, const int64_t *Shape,
                   int Rank, double Gain = 1.0);
void xavierNormal(TorchGenerator &Gen, float *W, const int64_t *Shape, int Rank,
                  double Gain = 1.0);

/// nn.Linear (Rank 2) / nn.Conv1d/2d/3d reset_parameters: kaiming_uniform_
/// (W, a=sqrt(5)), then, if Bias is non-null, uniform_(Bias, -1/sqrt(fan_in),
/// 1/sqrt(fan_in)) over Shape[0] elements.
void resetLinearOrConv(TorchGenerator &Gen, float *W, float *Bias,
                       const int64_t *Shape, int Rank);

/// The bound nn.RNN/LSTM/GRU draw every parameter from, 1/sqrt(hidden) (0
/// for hidden == 0); each parameter is then one uniform(-b, b) call.
double rnnInitBound(int64_t HiddenSize);

} // namespace janus::rt

#endif // JANUS_RUNTIME_RANDOM_TORCHINIT_H

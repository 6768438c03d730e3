//===- RandomOps.cpp - Random tensors over the default TorchGenerator -----===//
//
// Tensor-level torch.rand/randn/randint/randperm/multinomial/bernoulli,
// the in-place uniform_/normal_/bernoulli_ and nn.init, each one call into
// TorchGenerator (so each draws exactly as the torch call does), with
// PyTorch 1.13's argument checks in ATen's order. Non-contiguous in-place
// targets are filled in TensorIterator's order (memory order); normal_ on
// them takes ATen's scalar path element by element, as ATen does for any
// non-contiguous tensor (its vectorised fill needs contiguous memory).
//
//===----------------------------------------------------------------------===//

#include "Tensor/RandomOps.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace janus::rt {

namespace {

TorchGenerator &gen() { return TorchGenerator::defaultGenerator(); }

[[noreturn]] void fail(const std::string &Message,
                       ErrorKind Kind = ErrorKind::RuntimeError) {
  throw TensorError(Kind, Message);
}

/// A double as c10::str prints it (std::ostream defaults): "2", "0.5".
std::string num(double V) {
  std::ostringstream OS;
  OS << V;
  return OS.str();
}

/// ATen's AT_DISPATCH error for a kernel without this dtype.
void requireFloating(DType T, const char *Kernel) {
  if (!isFloating(T))
    fail(std::string("\"") + Kernel + "\" not implemented for '" +
         dtypeName(T) + "'");
}

/// The address of every element of T in the order TensorIterator fills an
/// output: dims by decreasing stride (memory order for any permutation or
/// slice of a dense tensor).
std::vector<char *> memoryOrder(const Tensor &T) {
  const int64_t Rank = T.dim(), N = T.numel();
  std::vector<int64_t> Dims(Rank);
  std::iota(Dims.begin(), Dims.end(), 0);
  std::stable_sort(Dims.begin(), Dims.end(), [&](int64_t A, int64_t B) {
    return T.strides()[A] > T.strides()[B];
  });
  std::vector<char *> Out;
  Out.reserve(N);
  if (N == 0)
    return Out;
  const int64_t Elem = static_cast<int64_t>(elementSize(T.dtype()));
  std::vector<int64_t> Index(Rank, 0);
  char *Base = T->data();
  for (int64_t I = 0; I < N; ++I) {
    int64_t Offset = 0;
    for (int64_t D = 0; D < Rank; ++D)
      Offset += Index[D] * T.strides()[D];
    Out.push_back(Base + Offset * Elem);
    for (int64_t K = Rank - 1; K >= 0; --K) {
      int64_t D = Dims[K];
      if (++Index[D] < T.sizes()[D])
        break;
      Index[D] = 0;
    }
  }
  return Out;
}

/// Calls Draw(float* or double*, N) into Self directly when contiguous, or
/// into a buffer that is then stored in memory order.
template <typename DrawFn> void fillFloating(Tensor &Self, DrawFn &&Draw) {
  const int64_t N = Self.numel();
  if (Self.dtype() == DType::Float32) {
    if (Self->isContiguous())
      return Draw(Self.dataPtr<float>(), N);
    std::vector<float> Buf(N);
    Draw(Buf.data(), N);
    std::vector<char *> Where = memoryOrder(Self);
    for (int64_t I = 0; I < N; ++I)
      *reinterpret_cast<float *>(Where[I]) = Buf[I];
  } else {
    if (Self->isContiguous())
      return Draw(Self.dataPtr<double>(), N);
    std::vector<double> Buf(N);
    Draw(Buf.data(), N);
    std::vector<char *> Where = memoryOrder(Self);
    for (int64_t I = 0; I < N; ++I)
      *reinterpret_cast<double *>(Where[I]) = Buf[I];
  }
}

void requireFans(const Tensor &W) {
  if (W.dim() < 2)
    fail("Fan in and fan out can not be computed for tensor with fewer than "
         "2 dimensions",
         ErrorKind::ValueError);
}

Fans fansOf(const Tensor &W) {
  requireFans(W);
  return computeFans(W.sizes().data(), static_cast<int>(W.dim()));
}

double xavierStd(const Tensor &W, double Gain) {
  Fans F = fansOf(W);
  return Gain * std::sqrt(2.0 / static_cast<double>(F.FanIn + F.FanOut));
}

bool hasZeroSize(const Tensor &W) {
  return std::find(W.sizes().begin(), W.sizes().end(), 0) != W.sizes().end();
}

} // namespace

void manualSeed(uint64_t Seed) { gen().manualSeed(Seed); }

Tensor &uniformInPlace(Tensor &Self, double From, double To) {
  requireFloating(Self.dtype(), "check_uniform_bounds");
  if (From > To)
    fail("uniform_ expects to return a [from, to) range, but found from=" +
         num(From) + " > to=" + num(To));
  fillFloating(Self, [&](auto *Out, int64_t N) {
    gen().uniform(Out, N, From, To);
  });
  Self->storage()->bumpVersion();
  return Self;
}

Tensor &normalInPlace(Tensor &Self, double Mean, double Std) {
  if (!(Std >= 0.0))
    fail("normal expects std >= 0.0, but found std " + num(Std));
  requireFloating(Self.dtype(), "normal_kernel_cpu");
  if (Self->isContiguous()) {
    fillFloating(Self, [&](auto *Out, int64_t N) {
      gen().normal(Out, N, Mean, Std);
    });
  } else {
    // ATen's serial path: one at::normal_distribution<double> per element.
    fillFloating(Self, [&](auto *Out, int64_t N) {
      for (int64_t I = 0; I < N; ++I)
        gen().normal(Out + I, 1, Mean, Std);
    });
  }
  Self->storage()->bumpVersion();
  return Self;
}

Tensor &bernoulliInPlace(Tensor &Self, double P) {
  if (!(P >= 0 && P <= 1))
    fail("bernoulli_ expects p to be in [0, 1], but got p=" + num(P));
  // Each element is uniform53() < P whatever Self's dtype is.
  const int64_t N = Self.numel();
  std::vector<double> Buf(N);
  gen().bernoulli(Buf.data(), N, P);
  std::vector<char *> Where = memoryOrder(Self);
  for (int64_t I = 0; I < N; ++I) {
    switch (Self.dtype()) {
    case DType::Bool:
      *reinterpret_cast<bool *>(Where[I]) = Buf[I] != 0;
      break;
    case DType::Int64:
      *reinterpret_cast<int64_t *>(Where[I]) = static_cast<int64_t>(Buf[I]);
      break;
    case DType::Float32:
      *reinterpret_cast<float *>(Where[I]) = static_cast<float>(Buf[I]);
      break;
    case DType::Float64:
      *reinterpret_cast<double *>(Where[I]) = Buf[I];
      break;
    }
  }
  Self->storage()->bumpVersion();
  return Self;
}

Tensor rand(const Shape &Sizes, DType T) {
  Tensor Out = empty(Sizes, T);
  return uniformInPlace(Out, 0.0, 1.0);
}

Tensor randn(const Shape &Sizes, DType T) {
  Tensor Out = empty(Sizes, T);
  return normalInPlace(Out, 0.0, 1.0);
}

Tensor randint(int64_t Low, int64_t High, const Shape &Sizes) {
  Tensor Out = empty(Sizes, DType::Int64);
  if (Low >= High)
    fail("random_ expects 'from' to be less than 'to', but got from=" +
         std::to_string(Low) + " >= to=" + std::to_string(High));
  gen().randint(Out.dataPtr<int64_t>(), Out.numel(), Low, High);
  return Out;
}

Tensor randperm(int64_t N) {
  Tensor Out = empty({N}, DType::Int64);
  gen().randperm(Out.dataPtr<int64_t>(), N);
  return Out;
}

Tensor bernoulli(const Tensor &Probs) {
  requireFloating(Probs.dtype(), "bernoulli_tensor_cpu_p_");
  // torch.bernoulli fills a contiguous result in row-major order.
  Tensor P = contiguous(Probs);
  Tensor Out = empty(Probs.sizes(), Probs.dtype());
  const int64_t N = P.numel();
  auto Check = [](double V) {
    if (!(V >= 0 && V <= 1))
      fail("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
           "(Could this error message be improved?  If so, please report an "
           "enhancement request to PyTorch.)");
  };
  if (P.dtype() == DType::Float32) {
    std::for_each(P.dataPtr<float>(), P.dataPtr<float>() + N, Check);
    gen().bernoulli(Out.dataPtr<float>(), P.dataPtr<float>(), N);
  } else {
    std::for_each(P.dataPtr<double>(), P.dataPtr<double>() + N, Check);
    gen().bernoulli(Out.dataPtr<double>(), P.dataPtr<double>(), N);
  }
  return Out;
}

Tensor multinomial(const Tensor &Probs, int64_t NumSamples, bool Replacement) {
  if (Probs.dim() < 1 || Probs.dim() > 2)
    fail("prob_dist must be 1 or 2 dim");
  if (!isFloating(Probs.dtype()))
    fail(std::string("multinomial only supports floating-point dtypes for "
                     "input, got: ") +
         dtypeName(Probs.dtype()));
  if (NumSamples <= 0)
    fail("cannot sample n_sample <= 0 samples");
  const int64_t Cats = Probs.sizes().back();
  const int64_t Rows = Probs.dim() == 1 ? 1 : Probs.sizes()[0];
  if (!Replacement && NumSamples > Cats)
    fail("cannot sample n_sample > prob_dist.size(-1) samples without "
         "replacement");
  if (Cats > (int64_t(1) << 24))
    fail("number of categories cannot exceed 2^24");
  Tensor P = to(contiguous(Probs), DType::Float64, /*Copy=*/true);
  const double *W = P.dataPtr<double>();
  for (int64_t R = 0; R < Rows; ++R) {
    double Sum = 0;
    for (int64_t C = 0; C < Cats; ++C) {
      double V = W[R * Cats + C];
      if (!Replacement) {
        if (!(V < INFINITY && V >= 0))
          fail("probability tensor contains either `inf`, `nan` or element "
               "< 0");
      } else if (!(V >= 0)) {
        fail("invalid multinomial distribution (encountering probability "
             "entry < 0)");
      } else if (!std::isfinite(V)) {
        fail("invalid multinomial distribution (encountering probability "
             "entry = infinity or NaN)");
      }
      Sum += V;
    }
    if (!(Sum > 0) && (Replacement || Sum == 0))
      fail("invalid multinomial distribution (sum of probabilities <= 0)");
  }
  Shape OutSizes = Probs.dim() == 1 ? Shape{NumSamples}
                                    : Shape{Rows, NumSamples};
  Tensor Out = empty(OutSizes, DType::Int64);
  Tensor In = contiguous(Probs);
  if (In.dtype() == DType::Float32)
    gen().multinomial(Out.dataPtr<int64_t>(), In.dataPtr<float>(), Rows, Cats,
                      NumSamples, Replacement);
  else
    gen().multinomial(Out.dataPtr<int64_t>(), In.dataPtr<double>(), Rows,
                      Cats, NumSamples, Replacement);
  return Out;
}

Tensor &kaimingUniformInPlace(Tensor &W, double A, FanMode Mode,
                              Nonlinearity NL) {
  if (hasZeroSize(W)) // torch warns "Initializing zero-element tensors is a no-op"
    return W;
  requireFans(W);
  double Bound = kaimingUniformBound(W.sizes().data(),
                                     static_cast<int>(W.dim()), A, Mode, NL);
  return uniformInPlace(W, -Bound, Bound);
}

Tensor &kaimingNormalInPlace(Tensor &W, double A, FanMode Mode,
                             Nonlinearity NL) {
  if (hasZeroSize(W))
    return W;
  Fans F = fansOf(W);
  int64_t Fan = Mode == FanMode::FanIn ? F.FanIn : F.FanOut;
  double Std = calculateGain(NL, A) / std::sqrt(static_cast<double>(Fan));
  return normalInPlace(W, 0.0, Std);
}

Tensor &xavierUniformInPlace(Tensor &W, double Gain) {
  double Bound = std::sqrt(3.0) * xavierStd(W, Gain);
  return uniformInPlace(W, -Bound, Bound);
}

Tensor &xavierNormalInPlace(Tensor &W, double Gain) {
  return normalInPlace(W, 0.0, xavierStd(W, Gain));
}

void resetLinearOrConv(Tensor &W, Tensor *Bias) {
  kaimingUniformInPlace(W, std::sqrt(5.0));
  if (!Bias)
    return;
  int64_t FanIn = fansOf(W).FanIn;
  // As in TorchInit.cpp: Conv skips the bias when fan_in is 0, Linear draws
  // it from [0, 0].
  if (FanIn == 0 && W.dim() != 2)
    return;
  double Bound = FanIn > 0 ? 1 / std::sqrt(static_cast<double>(FanIn)) : 0.0;
  uniformInPlace(*Bias, -Bound, Bound);
}

} // namespace janus::rt

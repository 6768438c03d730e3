//===- TorchNN.cpp - torch.nn.functional and the join/index torch rows ----===//
//
// Native implementations of every torch.nn.functional row of Library.def
// and of torch.cat/stack/split/chunk/gather/index_select/masked_fill, with
// PyTorch 1.13's argument handling and messages. They run the ag:: ops
// (Autograd/Functions.h), so results take part in autograd as in PyTorch.
//
// Where Janus does not implement an option (F.embedding's max_norm,
// scale_grad_by_freq and sparse; F.pad modes other than 'constant';
// gather's sparse_grad) the call raises NotImplementedError naming it. The
// legacy size_average/reduce arguments of the losses are honoured as
// PyTorch's _Reduction.legacy_get_string does (without its warning), and
// so is softmax's implicit dim.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TensorArgs.h"

using namespace janus;
using namespace janus::rt;

namespace {

//===--- Argument helpers -------------------------------------------------===//

/// Reads slots of one call: the Python function name is used in messages.
struct Call {
  const LibArgs &A;
  const char *Fn;

  ArgSite site(uint32_t I, const char *Param) const {
    return {Fn, Param, static_cast<int>(I) + 1};
  }
  Status tensor(uint32_t I, const char *Param, Tensor &Out) const {
    return argTensor(A[I], site(I, Param), Out);
  }
  /// None or a Tensor (an empty Tensor for None).
  Status optTensor(uint32_t I, const char *Param, Tensor &Out) const {
    Out = Tensor();
    return A[I].isNone() ? okStatus() : tensor(I, Param, Out);
  }
  Status integer(uint32_t I, const char *Param, int64_t &Out) const {
    return argInt(A[I], site(I, Param), Out);
  }
  Status real(uint32_t I, const char *Param, double &Out) const {
    return argFloat(A[I], site(I, Param), Out);
  }
  Status boolean(uint32_t I, const char *Param, bool &Out) const {
    return argBool(A[I], site(I, Param), Out);
  }
};

Status runtimeError(std::string M) {
  return Status(ErrorCode::RuntimeError, std::move(M));
}

Status notImplemented(std::string M) {
  return Status(ErrorCode::NotImplementedError, std::move(M));
}

bool isStr(const Value &V) { return V.kind() == Kind::Str; }
const std::string &strOf(const Value &V) { return V.as<StrObject>()->text; }

std::string listText(const Shape &S) {
  std::string T = "[";
  for (size_t I = 0; I < S.size(); ++I)
    T += (I ? ", " : "") + std::to_string(S[I]);
  return T + "]";
}

/// A 2-d parameter given as an int or a sequence of one or two ints;
/// anything else is Message (a RuntimeError).
Status pairArg(const Call &C, uint32_t I, const char *Param,
               const std::string &Message, Pair2 &Out) {
  Shape S;
  JANUS_RETURN_IF_ERROR(argIntList(C.A[I], C.site(I, Param), S));
  if (S.size() == 1)
    S.push_back(S[0]);
  if (S.size() != 2)
    return runtimeError(Message);
  Out = {S[0], S[1]};
  return okStatus();
}

/// The `tensors` argument of cat/stack: a tuple or list of Tensors.
Status tensorList(const Call &C, uint32_t I, std::vector<Tensor> &Out) {
  const Value &V = C.A[I];
  const std::vector<Value> *Items = nullptr;
  if (V.kind() == Kind::Tuple)
    Items = &V.as<TupleObject>()->items;
  else if (V.kind() == Kind::List)
    Items = &V.as<ListObject>()->items;
  if (!Items)
    return typeError(std::string(C.Fn) + "(): argument 'tensors' (position " +
                     std::to_string(I + 1) + ") must be tuple of Tensors, not " +
                     typeName(V));
  Out.clear();
  for (size_t K = 0; K < Items->size(); ++K) {
    const Value &Item = (*Items)[K];
    if (Item.kind() != Kind::Tensor)
      return typeError("expected Tensor as element " + std::to_string(K) +
                       " in argument " + std::to_string(I) + ", but got " +
                       typeName(Item));
    Out.push_back(tensorOf(Item));
  }
  return okStatus();
}

Value tensorTuple(const std::vector<Tensor> &Ts) {
  std::vector<Value> Items;
  Items.reserve(Ts.size());
  for (const Tensor &T : Ts)
    Items.push_back(tensorValue(T));
  return makeTuple(std::move(Items));
}

/// The reduction of a loss: `reduction`, or the legacy size_average /
/// reduce pair when either is given (_Reduction.legacy_get_string).
Status reductionArg(const Call &C, uint32_t SizeAverage, uint32_t Reduce,
                    uint32_t ReductionSlot, Reduction &Out) {
  const Value &SA = C.A[SizeAverage], &RD = C.A[Reduce];
  if (!SA.isNone() || !RD.isNone()) {
    bool SizeAvg = true, Red = true;
    if (!SA.isNone())
      JANUS_RETURN_IF_ERROR(truth(SA, SizeAvg));
    if (!RD.isNone())
      JANUS_RETURN_IF_ERROR(truth(RD, Red));
    Out = !Red ? Reduction::None : SizeAvg ? Reduction::Mean : Reduction::Sum;
    return okStatus();
  }
  const Value &V = C.A[ReductionSlot];
  std::string Text;
  Text = isStr(V) ? strOf(V) : repr(V);
  if (Text == "none")
    Out = Reduction::None;
  else if (Text == "mean")
    Out = Reduction::Mean;
  else if (Text == "sum")
    Out = Reduction::Sum;
  else
    return valueError(Text + " is not a valid value for reduction");
  return okStatus();
}

//===--- Activations ------------------------------------------------------===//

Status fRelu(const LibArgs &Args, Value &Out) {
  Call C{Args, "relu"};
  Tensor X;
  bool InPlace;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.boolean(1, "inplace", InPlace));
  return guardTensorOp([&] {
    if (InPlace) {
      ag::reluInPlace(X);
      Out = Args[0];
      return okStatus();
    }
    Out = tensorValue(ag::relu(X));
    return okStatus();
  });
}

Status fLeakyRelu(const LibArgs &Args, Value &Out) {
  Call C{Args, "leaky_relu"};
  Tensor X;
  Scalar Slope(0.01);
  bool InPlace;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(argScalar(Args[1], C.site(1, "negative_slope"), Slope));
  JANUS_RETURN_IF_ERROR(C.boolean(2, "inplace", InPlace));
  return guardTensorOp([&] {
    if (InPlace) {
      ag::leakyReluInPlace(X, Slope.toDouble());
      Out = Args[0];
      return okStatus();
    }
    Out = tensorValue(ag::leakyRelu(X, Slope.toDouble()));
    return okStatus();
  });
}

template <Tensor (*Op)(const Tensor &)> Status unaryRow(const LibArgs &Args,
                                                        Value &Out,
                                                        const char *Name) {
  Call C{Args, Name};
  Tensor X;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  return guardTensorOp([&] {
    Out = tensorValue(Op(X));
    return okStatus();
  });
}

Status fTanh(const LibArgs &Args, Value &Out) {
  return unaryRow<ag::tanh>(Args, Out, "tanh");
}

Status fSigmoid(const LibArgs &Args, Value &Out) {
  return unaryRow<ag::sigmoid>(Args, Out, "sigmoid");
}

/// softmax/log_softmax: dim=None takes PyTorch's implicit dim (0 for 0-,
/// 1- and 3-d inputs, else 1); dtype converts the input first.
Status softmaxRow(const LibArgs &Args, Value &Out, const char *Name,
                  Tensor (*Op)(const Tensor &, int64_t)) {
  Call C{Args, Name};
  Tensor X;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  int64_t Dim = 0;
  if (Args[1].isNone())
    Dim = X.dim() == 0 || X.dim() == 1 || X.dim() == 3 ? 0 : 1;
  else
    JANUS_RETURN_IF_ERROR(C.integer(1, "dim", Dim));
  std::optional<DType> T;
  JANUS_RETURN_IF_ERROR(argDType(Args[3], C.site(3, "dtype"), T));
  return guardTensorOp([&] {
    Tensor In = T ? ag::to(X, *T) : X;
    Out = tensorValue(Op(In, Dim));
    return okStatus();
  });
}

Status fSoftmax(const LibArgs &Args, Value &Out) {
  return softmaxRow(Args, Out, "softmax", ag::softmax);
}

Status fLogSoftmax(const LibArgs &Args, Value &Out) {
  return softmaxRow(Args, Out, "log_softmax", ag::logSoftmax);
}

//===--- Losses -----------------------------------------------------------===//

// cross_entropy(input, target, weight, size_average, ignore_index, reduce,
//               reduction, label_smoothing)
Status fCrossEntropy(const LibArgs &Args, Value &Out) {
  Call C{Args, "cross_entropy"};
  Tensor X, T, W;
  int64_t Ignore;
  double Smoothing;
  Reduction R;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "target", T));
  JANUS_RETURN_IF_ERROR(C.optTensor(2, "weight", W));
  JANUS_RETURN_IF_ERROR(C.integer(4, "ignore_index", Ignore));
  JANUS_RETURN_IF_ERROR(reductionArg(C, 3, 5, 6, R));
  JANUS_RETURN_IF_ERROR(C.real(7, "label_smoothing", Smoothing));
  return guardTensorOp([&] {
    Out = tensorValue(ag::crossEntropy(X, T, W, R, Ignore, Smoothing));
    return okStatus();
  });
}

// nll_loss(input, target, weight, size_average, ignore_index, reduce,
//          reduction)
Status fNllLoss(const LibArgs &Args, Value &Out) {
  Call C{Args, "nll_loss"};
  Tensor X, T, W;
  int64_t Ignore;
  Reduction R;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "target", T));
  JANUS_RETURN_IF_ERROR(C.optTensor(2, "weight", W));
  JANUS_RETURN_IF_ERROR(C.integer(4, "ignore_index", Ignore));
  JANUS_RETURN_IF_ERROR(reductionArg(C, 3, 5, 6, R));
  return guardTensorOp([&] {
    Out = tensorValue(ag::nllLoss(X, T, W, R, Ignore));
    return okStatus();
  });
}

// mse_loss(input, target, size_average, reduce, reduction)
Status fMseLoss(const LibArgs &Args, Value &Out) {
  Call C{Args, "mse_loss"};
  Tensor X, T;
  Reduction R;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "target", T));
  JANUS_RETURN_IF_ERROR(reductionArg(C, 2, 3, 4, R));
  return guardTensorOp([&] {
    // F.mse_loss broadcasts the two (PyTorch warns when the sizes differ).
    if (X.sizes() != T.sizes()) {
      Shape S = broadcastShapes(X.sizes(), T.sizes());
      X = ag::expand(X, S);
      T = ag::expand(T, S);
    }
    Out = tensorValue(ag::mseLoss(X, T, R));
    return okStatus();
  });
}

std::string torchSize(const Shape &S) {
  std::string T = "torch.Size([";
  for (size_t I = 0; I < S.size(); ++I)
    T += (I ? ", " : "") + std::to_string(S[I]);
  return T + "])";
}

// binary_cross_entropy(input, target, weight, size_average, reduce,
//                      reduction)
Status fBinaryCrossEntropy(const LibArgs &Args, Value &Out) {
  Call C{Args, "binary_cross_entropy"};
  Tensor X, T, W;
  Reduction R;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "target", T));
  JANUS_RETURN_IF_ERROR(C.optTensor(2, "weight", W));
  JANUS_RETURN_IF_ERROR(reductionArg(C, 3, 4, 5, R));
  if (T.sizes() != X.sizes())
    return valueError("Using a target size (" + torchSize(T.sizes()) +
                      ") that is different to the input size (" +
                      torchSize(X.sizes()) +
                      ") is deprecated. Please ensure they have the same "
                      "size.");
  return guardTensorOp([&] {
    Out = tensorValue(ag::binaryCrossEntropy(X, T, W, R));
    return okStatus();
  });
}

//===--- Linear, convolution, pooling -------------------------------------===//

Status fLinear(const LibArgs &Args, Value &Out) {
  Call C{Args, "linear"};
  Tensor X, W, B;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "weight", W));
  JANUS_RETURN_IF_ERROR(C.optTensor(2, "bias", B));
  return guardTensorOp([&] {
    Out = tensorValue(ag::linear(X, W, B));
    return okStatus();
  });
}

std::string convMessage(const Call &C, uint32_t I, const char *Param) {
  Shape S;
  (void)argIntList(C.A[I], C.site(I, Param), S);
  return std::string("expected ") + Param +
         " to be a single integer value or a list of 2 values to match the "
         "convolution dimensions, but got " +
         Param + "=" + listText(S);
}

// conv2d(input, weight, bias, stride, padding, dilation, groups)
Status fConv2d(const LibArgs &Args, Value &Out) {
  Call C{Args, "conv2d"};
  Tensor X, W, B;
  Pair2 Stride, Padding{0, 0}, Dilation;
  int64_t Groups;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "weight", W));
  JANUS_RETURN_IF_ERROR(C.optTensor(2, "bias", B));
  JANUS_RETURN_IF_ERROR(
      pairArg(C, 3, "stride", convMessage(C, 3, "stride"), Stride));
  JANUS_RETURN_IF_ERROR(
      pairArg(C, 5, "dilation", convMessage(C, 5, "dilation"), Dilation));
  JANUS_RETURN_IF_ERROR(C.integer(6, "groups", Groups));
  // padding: ints, or 'valid' / 'same' (ATen's _convolution_mode).
  std::string Mode;
  if (isStr(Args[4])) {
    Mode = strOf(Args[4]);
    if (Mode != "valid" && Mode != "same")
      return runtimeError("Invalid padding string: '" + Mode + "'");
    if (Mode == "same" && (Stride[0] != 1 || Stride[1] != 1))
      return runtimeError(
          "padding='same' is not supported for strided convolutions");
  } else {
    JANUS_RETURN_IF_ERROR(
        pairArg(C, 4, "padding", convMessage(C, 4, "padding"), Padding));
  }
  return guardTensorOp([&] {
    Tensor In = X;
    if (Mode == "same" && W.dim() == 4) {
      // Padding d * (k - 1) split evenly; an odd remainder is a zero pad
      // on the bottom/right.
      Shape Extra(4, 0);
      for (int I = 0; I < 2; ++I) {
        int64_t Total = Dilation[I] * (W.sizes()[2 + I] - 1);
        Padding[I] = Total / 2;
        Extra[static_cast<size_t>(2 * (1 - I) + 1)] = Total - 2 * (Total / 2);
      }
      if (Extra[1] || Extra[3])
        In = ag::constantPad(X, Extra, 0);
    }
    Out = tensorValue(ag::conv2d(In, W, B, Stride, Padding, Dilation, Groups));
    return okStatus();
  });
}

/// stride=None or [] is "omitted" (the kernel size) in ATen's pooling.
Status poolStride(const Call &C, uint32_t I, const std::string &Message,
                  std::optional<Pair2> &Out) {
  Out.reset();
  if (C.A[I].isNone())
    return okStatus();
  Shape S;
  JANUS_RETURN_IF_ERROR(argIntList(C.A[I], C.site(I, "stride"), S));
  if (S.empty())
    return okStatus();
  Pair2 P;
  JANUS_RETURN_IF_ERROR(pairArg(C, I, "stride", Message, P));
  Out = P;
  return okStatus();
}

// max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode,
//            return_indices)
Status fMaxPool2d(const LibArgs &Args, Value &Out) {
  Call C{Args, "max_pool2d"};
  Tensor X;
  Pair2 Kernel, Padding, Dilation;
  std::optional<Pair2> Stride;
  bool Ceil, ReturnIndices;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(pairArg(
      C, 1, "kernel_size",
      "max_pool2d: kernel_size must either be a single int, or a tuple of two "
      "ints",
      Kernel));
  JANUS_RETURN_IF_ERROR(poolStride(C, 2,
                                   "max_pool2d: stride must either be omitted, "
                                   "a single int, or a tuple of two ints",
                                   Stride));
  JANUS_RETURN_IF_ERROR(pairArg(C, 3, "padding",
                                "max_pool2d: padding must be either be a "
                                "single int, or a tuple of two ints",
                                Padding));
  JANUS_RETURN_IF_ERROR(pairArg(C, 4, "dilation",
                                "max_pool2d: dilation must be either a single "
                                "int, or a tuple of two ints",
                                Dilation));
  JANUS_RETURN_IF_ERROR(C.boolean(5, "ceil_mode", Ceil));
  JANUS_RETURN_IF_ERROR(C.boolean(6, "return_indices", ReturnIndices));
  return guardTensorOp([&] {
    MaxPoolResult R = ag::maxPool2d(X, Kernel, Stride, Padding, Dilation, Ceil);
    Out = ReturnIndices ? tensorTuple({R.Output, R.Indices})
                        : tensorValue(R.Output);
    return okStatus();
  });
}

// avg_pool2d(input, kernel_size, stride, padding, ceil_mode,
//            count_include_pad, divisor_override)
Status fAvgPool2d(const LibArgs &Args, Value &Out) {
  Call C{Args, "avg_pool2d"};
  Tensor X;
  Pair2 Kernel, Padding;
  std::optional<Pair2> Stride;
  bool Ceil, CountIncludePad;
  std::optional<int64_t> Divisor;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(pairArg(
      C, 1, "kernel_size",
      "avg_pool2d: kernel_size must either be a single int, or a tuple of two "
      "ints",
      Kernel));
  JANUS_RETURN_IF_ERROR(poolStride(C, 2,
                                   "avg_pool2d: stride must either be omitted, "
                                   "a single int, or a tuple of two ints",
                                   Stride));
  JANUS_RETURN_IF_ERROR(pairArg(C, 3, "padding",
                                "avg_pool2d: padding must either be a single "
                                "int, or a tuple of two ints",
                                Padding));
  JANUS_RETURN_IF_ERROR(C.boolean(4, "ceil_mode", Ceil));
  JANUS_RETURN_IF_ERROR(C.boolean(5, "count_include_pad", CountIncludePad));
  if (!Args[6].isNone()) {
    int64_t D;
    JANUS_RETURN_IF_ERROR(C.integer(6, "divisor_override", D));
    Divisor = D;
  }
  return guardTensorOp([&] {
    Out = tensorValue(
        ag::avgPool2d(X, Kernel, Stride, Padding, Ceil, CountIncludePad,
                      Divisor));
    return okStatus();
  });
}

//===--- Dropout, embedding, pad ------------------------------------------===//

// dropout(input, p, training, inplace)
Status fDropout(const LibArgs &Args, Value &Out) {
  Call C{Args, "dropout"};
  Tensor X;
  double P;
  bool Training, InPlace;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.real(1, "p", P));
  JANUS_RETURN_IF_ERROR(C.boolean(2, "training", Training));
  JANUS_RETURN_IF_ERROR(C.boolean(3, "inplace", InPlace));
  return guardTensorOp([&] {
    if (!InPlace) {
      Out = tensorValue(ag::dropout(X, P, Training).Output);
      return okStatus();
    }
    // dropout_: the same draws, then input.mul_(noise) (MulBackward0).
    DropoutResult R = rt::dropout(X, P, Training);
    if (R.Mask)
      ag::mulInPlace(X, R.Mask);
    Out = Args[0];
    return okStatus();
  });
}

// embedding(input, weight, padding_idx, max_norm, norm_type,
//           scale_grad_by_freq, sparse)
Status fEmbedding(const LibArgs &Args, Value &Out) {
  Call C{Args, "embedding"};
  Tensor I, W;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", I));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "weight", W));
  std::optional<int64_t> Pad;
  if (!Args[2].isNone()) {
    int64_t V;
    JANUS_RETURN_IF_ERROR(C.integer(2, "padding_idx", V));
    Pad = V;
  }
  if (!Args[3].isNone())
    return notImplemented(
        "F.embedding(max_norm=...) is not supported by Janus (it renormalizes "
        "the weight in place); pass max_norm=None");
  bool ByFreq = false, Sparse = false;
  JANUS_RETURN_IF_ERROR(truth(Args[5], ByFreq));
  JANUS_RETURN_IF_ERROR(truth(Args[6], Sparse));
  if (ByFreq)
    return notImplemented(
        "F.embedding(scale_grad_by_freq=True) is not supported by Janus");
  if (Sparse)
    return notImplemented(
        "F.embedding(sparse=True) is not supported by Janus (no sparse "
        "tensors)");
  return guardTensorOp([&] {
    Out = tensorValue(ag::embedding(W, I, Pad));
    return okStatus();
  });
}

// pad(input, pad, mode, value)
Status fPad(const LibArgs &Args, Value &Out) {
  Call C{Args, "pad"};
  Tensor X;
  Shape Pads;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  if (Args[1].isIntLike())
    return typeError("pad(): argument 'pad' (position 2) must be tuple of "
                     "ints, not " +
                     std::string(typeName(Args[1])));
  JANUS_RETURN_IF_ERROR(argIntList(Args[1], C.site(1, "pad"), Pads));
  if (!isStr(Args[2]))
    return typeError(std::string("pad(): argument 'mode' (position 3) must be "
                                 "str, not ") +
                     typeName(Args[2]));
  const std::string &Mode = strOf(Args[2]);
  if (Mode == "reflect" || Mode == "replicate" || Mode == "circular")
    return notImplemented("F.pad(mode='" + Mode +
                          "') is not supported by Janus (only "
                          "mode='constant')");
  if (Mode != "constant")
    return notImplemented("Unrecognised padding mode " + Mode);
  double Value = 0;
  if (!Args[3].isNone())
    JANUS_RETURN_IF_ERROR(C.real(3, "value", Value));
  return guardTensorOp([&] {
    Out = tensorValue(ag::constantPad(X, Pads, Value));
    return okStatus();
  });
}

//===--- torch.cat and friends --------------------------------------------===//

Status torchCat(const LibArgs &Args, Value &Out) {
  Call C{Args, "cat"};
  std::vector<Tensor> Ts;
  int64_t Dim;
  JANUS_RETURN_IF_ERROR(tensorList(C, 0, Ts));
  JANUS_RETURN_IF_ERROR(C.integer(1, "dim", Dim));
  return guardTensorOp([&] {
    Out = tensorValue(ag::cat(Ts, Dim));
    return okStatus();
  });
}

Status torchStack(const LibArgs &Args, Value &Out) {
  Call C{Args, "stack"};
  std::vector<Tensor> Ts;
  int64_t Dim;
  JANUS_RETURN_IF_ERROR(tensorList(C, 0, Ts));
  JANUS_RETURN_IF_ERROR(C.integer(1, "dim", Dim));
  return guardTensorOp([&] {
    Out = tensorValue(ag::stack(Ts, Dim));
    return okStatus();
  });
}

// split(tensor, split_size_or_sections, dim): an int is split(), a
// sequence split_with_sizes().
Status torchSplit(const LibArgs &Args, Value &Out) {
  Call C{Args, "split"};
  Tensor X;
  int64_t Dim;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "tensor", X));
  JANUS_RETURN_IF_ERROR(C.integer(2, "dim", Dim));
  if (Args[1].isIntLike()) {
    int64_t Size = Args[1].asInt();
    return guardTensorOp([&] {
      Out = tensorTuple(ag::split(X, Size, Dim));
      return okStatus();
    });
  }
  Shape Sizes;
  JANUS_RETURN_IF_ERROR(
      argIntList(Args[1], {"split_with_sizes", "split_sizes", 2}, Sizes));
  return guardTensorOp([&] {
    Out = tensorTuple(ag::splitWithSizes(X, Sizes, Dim));
    return okStatus();
  });
}

Status torchChunk(const LibArgs &Args, Value &Out) {
  Call C{Args, "chunk"};
  Tensor X;
  int64_t Chunks, Dim;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.integer(1, "chunks", Chunks));
  JANUS_RETURN_IF_ERROR(C.integer(2, "dim", Dim));
  return guardTensorOp([&] {
    Out = tensorTuple(ag::chunk(X, Chunks, Dim));
    return okStatus();
  });
}

Status torchGather(const LibArgs &Args, Value &Out) {
  Call C{Args, "gather"};
  Tensor X, Index;
  int64_t Dim;
  bool Sparse;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.integer(1, "dim", Dim));
  JANUS_RETURN_IF_ERROR(C.tensor(2, "index", Index));
  JANUS_RETURN_IF_ERROR(C.boolean(3, "sparse_grad", Sparse));
  if (Sparse)
    return notImplemented(
        "torch.gather(sparse_grad=True) is not supported by Janus (no sparse "
        "tensors)");
  return guardTensorOp([&] {
    Out = tensorValue(ag::gather(X, Dim, Index));
    return okStatus();
  });
}

Status torchIndexSelect(const LibArgs &Args, Value &Out) {
  Call C{Args, "index_select"};
  Tensor X, Index;
  int64_t Dim;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.integer(1, "dim", Dim));
  JANUS_RETURN_IF_ERROR(C.tensor(2, "index", Index));
  return guardTensorOp([&] {
    Out = tensorValue(ag::indexSelect(X, Dim, Index));
    return okStatus();
  });
}

Status torchMaskedFill(const LibArgs &Args, Value &Out) {
  Call C{Args, "masked_fill"};
  Tensor X, Mask;
  JANUS_RETURN_IF_ERROR(C.tensor(0, "input", X));
  JANUS_RETURN_IF_ERROR(C.tensor(1, "mask", Mask));
  if (Args[2].kind() == Kind::Tensor) {
    Tensor V = tensorOf(Args[2]);
    return guardTensorOp([&] {
      Out = tensorValue(ag::maskedFill(X, Mask, V));
      return okStatus();
    });
  }
  Scalar V(0.0);
  JANUS_RETURN_IF_ERROR(argScalar(Args[2], C.site(2, "value"), V));
  return guardTensorOp([&] {
    Out = tensorValue(ag::maskedFill(X, Mask, V));
    return okStatus();
  });
}

} // namespace

std::vector<LibImplRow> janus::rt::torchNNImpls() {
  return {
      {LibId::FRelu, fRelu},
      {LibId::FTanh, fTanh},
      {LibId::FSigmoid, fSigmoid},
      {LibId::FSoftmax, fSoftmax},
      {LibId::FLogSoftmax, fLogSoftmax},
      {LibId::FCrossEntropy, fCrossEntropy},
      {LibId::FNllLoss, fNllLoss},
      {LibId::FMseLoss, fMseLoss},
      {LibId::FBinaryCrossEntropy, fBinaryCrossEntropy},
      {LibId::FLinear, fLinear},
      {LibId::FConv2d, fConv2d},
      {LibId::FMaxPool2d, fMaxPool2d},
      {LibId::FAvgPool2d, fAvgPool2d},
      {LibId::FDropout, fDropout},
      {LibId::FEmbedding, fEmbedding},
      {LibId::FLeakyRelu, fLeakyRelu},
      {LibId::FPad, fPad},
      {LibId::TorchCat, torchCat},
      {LibId::TorchStack, torchStack},
      {LibId::TorchSplit, torchSplit},
      {LibId::TorchChunk, torchChunk},
      {LibId::TorchGather, torchGather},
      {LibId::TorchIndexSelect, torchIndexSelect},
      {LibId::TorchMaskedFill, torchMaskedFill},
  };
}
